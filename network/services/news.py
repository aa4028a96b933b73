"""News posts on the network page."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from network.models import (
    NewsPost,
)
from portal import audit, permissions
from portal.inputs import accept

# What the news services write; network.forms.NewsPostForm shows exactly these, in this order.
NEWS_FIELDS = ("language", "title", "published_on", "body", "visibility", "agreement", "link_path", "link_label")


def _network_path(network, value):
    """A link typed by a coordinator, as a path inside the network (an absolute URL of this site is
    accepted and shortened); anything else is refused so a post cannot point visitors elsewhere."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        parts = urlsplit(value)
    except ValueError as exc:  # "http://[::1": an unclosed bracket, an invalid port…
        raise ValidationError({"link_path": _("This is not a valid address.")}) from exc
    site = urlsplit(settings.SITE_URL)
    if parts.scheme or parts.netloc:
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            raise ValidationError({"link_path": _("Link only to pages of this site.")})
    path = parts.path
    prefix = f"/networks/{network.slug}/"
    if not path.startswith(prefix) or "//" in path:
        raise ValidationError(
            {"link_path": _("Link to a page of this network: its address starts with %(prefix)s.") % {"prefix": prefix}}
        )
    try:
        resolve(path)
    except Resolver404 as exc:
        raise ValidationError({"link_path": _("There is no such page in this network.")}) from exc
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def _validate_news_post(post):
    errors = {}
    try:
        post.link_path = _network_path(post.network, post.link_path)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not post.link_path:
        post.link_label = {}
    if post.agreement is not None and post.agreement.network_id != post.network_id:
        errors["agreement"] = [_("Choose an agreement of this network.")]
    try:
        post.full_clean(exclude=["network", "created_by", *errors])
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def news_post_create(*, network, data, acting_user):
    """Publish a news post on the network page (or for members only)."""
    permissions.require("manage_news", acting_user, network)
    values = accept(data, NEWS_FIELDS, what="news_post_create")
    values["language"] = values.get("language") or network.first_language
    post = NewsPost(network=network, created_by=acting_user, **values)
    _validate_news_post(post)
    post.save()
    audit.record(network=network, acting_user=acting_user, action="news.created", obj=post,
                 after=audit.snapshot(post, AUDITED))  # fmt: skip
    return post


@transaction.atomic
def news_post_update(*, post, data, acting_user):
    permissions.require("edit_news_post", acting_user, post)
    before = audit.stored_snapshot(post, AUDITED)  # the form has already written onto `post`
    for key, value in accept(data, NEWS_FIELDS, what="news_post_update").items():
        setattr(post, key, value)
    _validate_news_post(post)
    post.save()
    audit.record(network=post.network, acting_user=acting_user, action="news.updated", obj=post,
                 **audit.changes(before, post))  # fmt: skip
    return post


@transaction.atomic
def news_post_delete(*, post, acting_user):
    permissions.require("edit_news_post", acting_user, post)
    audit.record(network=post.network, acting_user=acting_user, action="news.deleted", obj=post,
                 before=audit.snapshot(post, ("title", "published_on")))  # fmt: skip
    post.delete()


# What the audit log keeps of a post: its fields, the body included (a post's words are what changes).
AUDITED = ("language", "title", "published_on", "body", "agreement", "link_path", "link_label", "visibility")
