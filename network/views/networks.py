"""Network pages: the directory, founding a network, its public page, profile editing, asking to join, the workspace."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from members.models import Organisation
from members.permissions import admin_organisation_ids, organisation_ids
from network import selectors
from network.forms import (
    FoundingOrganisationForm,
    JoinRequestForm,
    MultilingualLinesField,
    NetworkForm,
)
from network.models import Membership, NetworkObjective, Role
from network.permissions import network_role
from network.services.memberships import (
    membership_request,
)
from network.services.networks import network_create, network_update
from portal import permissions, uploads
from portal.forms import add_service_errors

NETWORKS_PER_PAGE = 24  # the cards sit two or three to a row


def directory(request):
    page = Paginator(selectors.networks_directory(user=request.user), NETWORKS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "network/directory.html", {"page": page, "networks": page.object_list})


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
    members = selectors.network_members(network=network) if permissions.check("see_members", user, network) else None
    return render(
        request,
        "network/detail.html",
        {
            "network": network,
            "objectives": [o for o in selectors.network_objectives(network=network)],
            "members": members,
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


@permissions.network_required("request_to_join")
def join(request, network_slug):
    network = request.network
    taken = Membership.objects.filter(status__in=Membership.OPEN_STATUSES).values("organisation_id")
    organisations = Organisation.objects.filter(pk__in=admin_organisation_ids(request.user)).exclude(pk__in=taken)
    form = JoinRequestForm(request.POST or None, organisations=organisations)
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
    return render(request, "network/join.html", {"network": network, "form": form})


def _role_label(role):
    return Role(role).label if role else ""


@permissions.network_required("enter_workspace")
def workspace(request, network_slug):
    network = request.network
    members = list(selectors.network_workspace_members(network=network))
    mine = organisation_ids(request.user)
    return render(
        request,
        "network/workspace.html",
        {
            "network": network,
            "members": members,
            "my_memberships": [m for m in members if m.organisation_id in mine],
            "role": _role_label(network_role(request.user, network)),
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
