"""News posts: the list, one post, and writing, editing or deleting one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network import selectors
from network.forms import (
    NewsPostForm,
)
from network.services.news import news_post_create, news_post_delete, news_post_update
from portal import pagecache, permissions
from portal.forms import add_service_errors
from portal.mail import absolute_url
from portal.pagination import paginate

NEWS_PER_PAGE = 20


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def news_list(request, network_slug):
    network = request.network
    paged = paginate(request, selectors.news_for_user(network=network, user=request.user), NEWS_PER_PAGE)
    return render(request, "network/news/list.html", {"network": network, **paged.context("posts")})


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def news_detail(request, network_slug, post_id):
    network = request.network
    post = permissions.ensure_visible(
        request, "view_news_post", selectors.news_post_for_page(network=network, post_id=post_id)
    )
    agreement = post.agreement
    if agreement is not None and not permissions.check("view_agreement", request.user, agreement):
        agreement = None  # a public post about a members-only agreement does not reveal it
    return render(
        request,
        "network/news/detail.html",
        {"network": network, "post": post, "agreement": agreement, "share_url": absolute_url(request.path)},
    )


def _news_form(request, post):
    network = request.network
    agreements = selectors.agreement_choices(network=network)
    form = NewsPostForm(request.POST or None, instance=post, agreements=agreements, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            if post is None:
                post = news_post_create(network=network, data=form.service_data(), acting_user=request.user)
            else:
                post = news_post_update(post=post, data=form.service_data(), acting_user=request.user)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The news post is saved."))
            return redirect("network:news_post", network_slug=network.slug, post_id=post.pk)
    return render(request, "network/news/form.html", {"network": network, "post": post, "form": form})


@permissions.network_required("manage_news")
def news_create(request, network_slug):
    return _news_form(request, None)


@permissions.network_required("manage_news")
def news_edit(request, network_slug, post_id):
    post = permissions.ensure_visible(
        request, "view_news_post", selectors.news_post_for_page(network=request.network, post_id=post_id)
    )
    permissions.ensure(request, "edit_news_post", post)
    return _news_form(request, post)


@require_POST
@permissions.network_required("manage_news")
def news_delete(request, network_slug, post_id):
    post = permissions.ensure_visible(
        request, "view_news_post", selectors.news_post_for_page(network=request.network, post_id=post_id)
    )
    permissions.ensure(request, "edit_news_post", post)
    if not request.POST.get("confirm"):
        messages.error(request, _("Tick the box to confirm that the post should be deleted."))
        return redirect("network:news_edit", network_slug=network_slug, post_id=post.pk)
    news_post_delete(post=post, acting_user=request.user)
    messages.success(request, _("The news post “%(title)s” was deleted.") % {"title": post.title})
    return redirect("network:news", network_slug=network_slug)
