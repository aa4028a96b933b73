"""Network pages: the directory, founding a network, its public page and member list, profile editing, asking
to join, the workspace (the members' home in the network: what is new, the sections later apps add, the
members).

Lists that grow with a network are paged (portal.pagination); the network page shows the first members
and links to the whole list.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from members.models import Organisation
from members.permissions import admin_organisation_ids, organisation_ids
from network import selectors
from network.forms import (
    FoundingOrganisationForm,
    JoinRequestForm,
    MemberFilterForm,
    MultilingualLinesField,
    NetworkForm,
)
from network.models import Membership, NetworkObjective, Role
from network.permissions import network_role
from network.services.memberships import (
    membership_request,
)
from network.services.networks import network_create, network_update
from portal import pagecache, permissions, uploads
from portal.forms import add_service_errors
from portal.pagination import paginate
from portal.redirects import NEXT

NETWORKS_PER_PAGE = 24  # the cards sit two or three to a row
MEMBERS_PER_PAGE = 25
MEMBERS_ON_NETWORK_PAGE = 10


@pagecache.keep(pagecache.all_pages)
def directory(request):
    paged = paginate(request, selectors.networks_directory(user=request.user), NETWORKS_PER_PAGE)
    context = paged.context("networks")
    context["networks"] = selectors.with_member_counts(paged.rows)
    return render(request, "network/directory.html", context)


def create(request):
    permissions.ensure(request, "create_network")
    organisations = Organisation.objects.filter(pk__in=admin_organisation_ids(request.user))
    form = NetworkForm(request.POST or None)
    founder = FoundingOrganisationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid() and founder.is_valid():
        try:
            network = network_create(
                data=form.service_data(),
                organisation=founder.cleaned_data["organisation"],
                acting_user=request.user,
                objectives=form.objective_lines(),
                tasks_=form.task_lines(),
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("The network is founded. Invite its members."))
            return redirect("network:detail", network_slug=network.slug)
    return render(request, "network/form.html", {"form": form, "founder": founder})


@permissions.network_required("view_network")
@pagecache.keep(pagecache.network_page)
def detail(request, network_slug):
    network = request.network
    user = request.user
    my_memberships = []
    admin_ids = admin_organisation_ids(user)
    if user.is_authenticated:
        my_memberships = list(
            selectors.memberships_of_organisations(network=network, organisation_ids=admin_ids).filter(
                status__in=Membership.OPEN_STATUSES
            )
        )
    # Every organisation the user administers is already in (or has asked): "Ask to join" would lead nowhere.
    all_asked = bool(admin_ids) and admin_ids <= {m.organisation_id for m in my_memberships}
    members, member_count = None, 0
    if permissions.check("see_members", user, network):
        everyone = selectors.network_members(network=network)
        members, member_count = list(everyone[:MEMBERS_ON_NETWORK_PAGE]), everyone.count()
    return render(
        request,
        "network/detail.html",
        {
            "network": network,
            "objectives": [o for o in selectors.network_objectives(network=network)],
            "members": members,
            "member_count": member_count,
            "my_memberships": my_memberships,
            "all_asked": all_asked,
            "administers_any": bool(admin_ids),
            "objective_kinds": NetworkObjective.Kind,
            **selectors.latest_agreements_and_news(network=network, user=user),
        },
    )


@permissions.network_required("edit_network")
def edit(request, network_slug):
    network = request.network
    objectives = list(selectors.network_objectives(network=network))
    initial = {
        "objectives": MultilingualLinesField.initial_from(
            [o for o in objectives if o.kind == NetworkObjective.Kind.OBJECTIVE]
        ),
        "tasks": MultilingualLinesField.initial_from([o for o in objectives if o.kind == NetworkObjective.Kind.TASK]),
    }
    form = NetworkForm(request.POST or None, request.FILES or None, instance=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            network_update(
                network=network,
                data=form.service_data(),
                acting_user=request.user,
                objectives=form.objective_lines(),
                tasks_=form.task_lines(),
                **form.logo_changes(),
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Network profile saved."))
            return redirect("network:detail", network_slug=network.slug)
    return render(request, "network/form.html", {"form": form, "network": network})


@permissions.network_required("view_network")
def join(request, network_slug):
    """Ask to join for one of the organisations the person administers.

    Nobody meets a dead end on the way: a visitor is sent to log in (or sign up) and back here; a person
    with no organisation yet adds it first (members' organisation page, with `next` back here), and comes
    back to this form with it chosen.
    """
    network = request.network
    if not request.user.is_authenticated:
        raise permissions.LoginRequired
    if network.is_public and not admin_organisation_ids(request.user):
        return redirect(f"{reverse('members:organisation_create')}?{urlencode({NEXT: request.path})}")
    permissions.ensure(request, "request_to_join", network)
    taken = Membership.objects.filter(status__in=Membership.OPEN_STATUSES).values("organisation_id")
    organisations = Organisation.objects.filter(pk__in=admin_organisation_ids(request.user)).exclude(pk__in=taken)
    organisations = organisations.order_by("name", "pk")
    form = JoinRequestForm(request.POST or None, organisations=organisations, preselect=request.GET.get("organisation"))
    if request.method == "POST" and form.is_valid():
        try:
            membership_request(
                network=network,
                organisation=form.cleaned_data["organisation"],
                acting_user=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Your request was sent. The coordinators will answer by e-mail."))
            return redirect("network:detail", network_slug=network.slug)
    add_url = f"{reverse('members:organisation_create')}?{urlencode({NEXT: request.path})}"
    return render(request, "network/join.html", {"network": network, "form": form, "add_organisation_url": add_url})


def _role_label(role):
    return Role(role).label if role else ""


@permissions.network_required("see_members")
@pagecache.keep(pagecache.network_page)
def members(request, network_slug):
    """The network's active members, paged, with a search and a role filter (the public list)."""
    network = request.network
    form = MemberFilterForm(request.GET or None, statuses=False)
    paged = paginate(request, selectors.network_members(network=network, **form.filters()), MEMBERS_PER_PAGE)
    return render(request, "network/members.html", {"network": network, "form": form, **paged.context("members")})


def _ensure_workspace(request, network):
    """The workspace is for members. One whose organisation's request waits, or is suspended, is told that,
    not only "not allowed"."""
    if not request.user.is_authenticated or permissions.check("enter_workspace", request.user, network):
        permissions.ensure(request, "enter_workspace", network)
        return
    waiting = {
        m.status: m
        for m in selectors.memberships_of_organisations(
            network=network, organisation_ids=organisation_ids(request.user)
        ).filter(status__in=[Membership.Status.REQUESTED, Membership.Status.SUSPENDED])
    }
    back = {"back_url": network.get_absolute_url(), "back_label": _("Back to %(name)s") % {"name": network}}
    if Membership.Status.REQUESTED in waiting:
        org = waiting[Membership.Status.REQUESTED].organisation
        raise permissions.Refused(
            _(
                "The coordinators of %(network)s have not answered the request of %(org)s yet. The workspace "
                "opens once they approve it; you will get an e-mail."
            )
            % {"network": network, "org": org},
            title=_("Your request is waiting"),
            **back,
        )
    if Membership.Status.SUSPENDED in waiting:
        org = waiting[Membership.Status.SUSPENDED].organisation
        raise permissions.Refused(
            _("%(org)s is suspended in %(network)s: its workspace is closed until the coordinators reinstate it.")
            % {"network": network, "org": org},
            title=_("Your organisation is suspended"),
            **back,
        )
    raise permissions.Refused(permissions.reason("enter_workspace"), **back)


def workspace(request, network_slug):
    _ensure_workspace(request, request.network)
    return _workspace(request, network_slug=network_slug)


@pagecache.keep(pagecache.network_page)
def _workspace(request, network_slug):
    """The workspace of a member who passed _ensure_workspace (kept per person: the page cache serves it to
    whoever reaches it, so the check stays outside)."""
    network = request.network
    form = MemberFilterForm(request.GET or None)
    members = selectors.network_workspace_members(network=network, **form.filters())
    paged = paginate(request, members, MEMBERS_PER_PAGE)
    mine = selectors.memberships_of_organisations(
        network=network, organisation_ids=organisation_ids(request.user)
    ).filter(status=Membership.Status.ACTIVE)
    return render(
        request,
        "network/workspace.html",
        {
            "network": network,
            "form": form,
            **paged.context("members"),
            "members": selectors.with_people(paged.rows),
            "my_memberships": list(mine),
            "role": _role_label(network_role(request.user, network)),
            **selectors.workspace_whats_new(network=network, user=request.user, today=timezone.localdate()),
        },
    )


@require_safe
@permissions.network_required("view_network")
def logo(request, network_slug, key):
    """The network's logo, to whoever may see the network (a private network's answers 404 to the rest,
    like its pages). The URL names the file's random key, so an old logo's address stops working."""
    network = request.network
    if not network.logo or key != network.logo_key:
        raise Http404
    return uploads.serve(network.logo, shared=network.is_public, download_name=f"{network.slug}-logo")
