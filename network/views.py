"""Network pages: directory, public home, workspace, membership management, invitations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope, scopes_disabled

from members.models import Organisation
from network import selectors, services
from network.forms import (
    AcceptInvitationForm,
    DeclineForm,
    FoundingOrganisationForm,
    InvitationForm,
    JoinRequestForm,
    NetworkForm,
    RoleForm,
    SuspendForm,
)
from network.models import Invitation, Membership, NetworkObjective
from portal import permissions
from portal.forms import add_service_errors


def _membership(request, membership_id):
    # The scope middleware already limits Membership to request.network: another network's id is a 404.
    return get_object_or_404(Membership.objects.select_related("organisation", "network"), pk=membership_id)


def directory(request):
    networks = selectors.networks_directory(user=request.user)
    return render(request, "network/directory.html", {"networks": networks})


def create(request):
    permissions.ensure(request, "create_network")
    organisations = Organisation.objects.filter(pk__in=permissions.admin_organisation_ids(request.user))
    form = NetworkForm(request.POST or None)
    founder = FoundingOrganisationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid() and founder.is_valid():
        try:
            network = services.network_create(
                data=form.cleaned_data,
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
    if user.is_authenticated:
        my_memberships = list(
            selectors.memberships_of_organisations(
                network=network, organisation_ids=permissions.admin_organisation_ids(user)
            ).filter(status__in=Membership.OPEN_STATUSES)
        )
    members = selectors.network_members(network=network) if permissions.can_see_members(user, network) else None
    return render(
        request,
        "network/detail.html",
        {
            "network": network,
            "objectives": [o for o in selectors.network_objectives(network=network)],
            "members": members,
            "my_memberships": my_memberships,
            "objective_kinds": NetworkObjective.Kind,
        },
    )


@permissions.network_required("edit_network")
def edit(request, network_slug):
    network = request.network
    objectives = list(selectors.network_objectives(network=network))
    initial = {
        "objectives": "\n".join(o.text for o in objectives if o.kind == NetworkObjective.Kind.OBJECTIVE),
        "tasks": "\n".join(o.text for o in objectives if o.kind == NetworkObjective.Kind.TASK),
    }
    form = NetworkForm(request.POST or None, instance=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_update(
                network=network,
                data=form.cleaned_data,
                acting_user=request.user,
                objectives=form.objective_lines(),
                tasks_=form.task_lines(),
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
    organisations = Organisation.objects.filter(pk__in=permissions.admin_organisation_ids(request.user)).exclude(
        pk__in=taken
    )
    form = JoinRequestForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request(
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


@permissions.network_required("enter_workspace")
def workspace(request, network_slug):
    network = request.network
    members = list(selectors.network_workspace_members(network=network))
    mine = permissions.organisation_ids(request.user)
    return render(
        request,
        "network/workspace.html",
        {
            "network": network,
            "members": members,
            "my_memberships": [m for m in members if m.organisation_id in mine],
            "role": permissions.network_role(request.user, network),
        },
    )


@permissions.network_required("manage_members")
def manage_members(request, network_slug, invitation_form=None):
    network = request.network
    return render(
        request,
        "network/manage_members.html",
        {
            "network": network,
            "pending": selectors.pending_requests(network=network),
            "members": selectors.network_workspace_members(network=network),
            "invitations": selectors.open_invitations(network=network),
            "invitation_form": invitation_form or InvitationForm(),
            "decline_form": DeclineForm(),
            "role_choices": RoleForm.base_fields["role"].choices,
        },
    )


def _act_on_membership(request, membership_id, action, form_class=None, success=""):
    """POST-only membership actions; errors come back as messages on the page they were made from."""
    membership = _membership(request, membership_id)
    kwargs = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("network:manage_members", network_slug=request.network.slug)
        kwargs = form.cleaned_data
    try:
        action(membership=membership, acting_user=request.user, **kwargs)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, success % {"org": membership.organisation})
    return None


@require_POST
@permissions.network_required("manage_members")
def approve(request, network_slug, membership_id):
    _act_on_membership(
        request, membership_id, services.membership_approve, RoleForm, _("%(org)s is now a member.")
    )
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def decline(request, network_slug, membership_id):
    _act_on_membership(
        request, membership_id, services.membership_decline, DeclineForm, _("%(org)s's request was declined.")
    )
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def suspend(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, services.membership_suspend, SuspendForm, _("%(org)s is suspended."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def reinstate(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, services.membership_reinstate, None, _("%(org)s is active again."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def change_role(request, network_slug, membership_id):
    _act_on_membership(
        request, membership_id, services.membership_change_role, RoleForm, _("%(org)s's role was changed.")
    )
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("view_network")
def leave(request, network_slug, membership_id):
    membership = _membership(request, membership_id)
    permissions.ensure(request, "leave_membership", membership)
    _act_on_membership(request, membership_id, services.membership_leave, None, _("%(org)s has left the network."))
    return redirect("network:detail", network_slug=network_slug)


@require_POST
@permissions.network_required("view_network")
def withdraw(request, network_slug, membership_id):
    membership = _membership(request, membership_id)
    permissions.ensure(request, "withdraw_membership", membership)
    _act_on_membership(
        request, membership_id, services.membership_withdraw, None, _("%(org)s's request was withdrawn.")
    )
    return redirect("network:detail", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def invite(request, network_slug):
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(network=request.network, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("network:manage_members", network_slug=network_slug)
    return manage_members.__wrapped__(request, network_slug, invitation_form=form)


@require_POST
@permissions.network_required("manage_members")
def revoke_invitation(request, network_slug, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    try:
        services.invitation_revoke(invitation=invitation, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(request, None, error)
    else:
        messages.success(request, _("Invitation withdrawn."))
    return redirect("network:manage_members", network_slug=network_slug)


def invitation(request, token):
    """The link in an invitation e-mail. It lives outside /networks/<slug>/ because the invitee is not a
    member yet (a private network would answer 404); the unguessable token is the permission to look."""
    with scopes_disabled():
        invitation = get_object_or_404(Invitation.objects.select_related("network", "invited_by"), token=token)
    network = invitation.network
    if not request.user.is_authenticated:
        return render(request, "network/invitation.html", {"invitation": invitation, "network": network})
    with scope(network=network):
        organisations = services.organisations_for_invitation(request.user)
        form = AcceptInvitationForm(request.POST or None, organisations=organisations)
        if request.method == "POST" and form.is_valid():
            try:
                services.invitation_accept(
                    invitation=invitation,
                    acting_user=request.user,
                    organisation=form.cleaned_data["organisation"],
                    new_organisation=form.new_organisation.cleaned_data
                    if form.cleaned_data["organisation"] is None
                    else None,
                )
            except ValidationError as error:
                add_service_errors(request, form, error)
            else:
                messages.success(request, _("Welcome to %(network)s.") % {"network": network})
                return redirect("network:workspace", network_slug=network.slug)
        return render(
            request, "network/invitation.html", {"invitation": invitation, "network": network, "form": form}
        )
