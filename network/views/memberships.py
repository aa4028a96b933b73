"""Coordinators managing members: approve, decline, suspend, remove, reinstate, change roles; organisations leaving."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.permissions import organisation_ids
from network import selectors
from network.forms import (
    DeclineForm,
    InvitationForm,
    MemberFilterForm,
    RoleForm,
    SuspendForm,
)
from network.models import Membership
from network.services.memberships import (
    membership_approve,
    membership_change_role,
    membership_decline,
    membership_leave,
    membership_reinstate,
    membership_remove,
    membership_suspend,
    membership_withdraw,
)
from network.views.networks import MEMBERS_PER_PAGE
from portal import pagecache, permissions
from portal.forms import add_service_errors
from portal.pagination import paginate

REQUESTS_ON_PAGE = 25
INVITATIONS_ON_PAGE = 25


def _membership(request, membership_id):
    # Another network's id is a 404: named here, and the scope middleware limits Membership to it as well.
    return get_object_or_404(
        Membership.objects.select_related("organisation", "network"), network=request.network, pk=membership_id
    )


@permissions.network_required("manage_members")
@pagecache.keep(pagecache.network_page)
def manage_members(request, network_slug, invitation_form=None):
    network = request.network
    form = MemberFilterForm(request.GET or None)
    pending = selectors.pending_requests(network=network)
    invitations = selectors.open_invitations(network=network)
    members = selectors.network_workspace_members(network=network, **form.filters())
    return render(
        request,
        "network/manage_members.html",
        {
            "network": network,
            # A queue, oldest first: the first few, and how many wait behind them.
            "pending": list(pending[:REQUESTS_ON_PAGE]),
            "form": form,
            **paginate(request, members, MEMBERS_PER_PAGE).context("members"),
            "invitations": list(invitations[:INVITATIONS_ON_PAGE]),  # the newest
            "invitation_count": invitations.count(),
            "invitation_form": invitation_form or InvitationForm(),
            "decline_form": DeclineForm(),
            # Translated once here, not once per row and option.
            "role_choices": [(value, str(label)) for value, label in RoleForm.base_fields["role"].choices],
            # No suspend or remove on the coordinator's own organisation's row.
            "my_organisation_ids": organisation_ids(request.user),
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
    _act_on_membership(request, membership_id, membership_approve, RoleForm, _("%(org)s is now a member."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def decline(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, membership_decline, DeclineForm, _("%(org)s's request was declined."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def suspend(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, membership_suspend, SuspendForm, _("%(org)s is suspended."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def remove(request, network_slug, membership_id):
    _act_on_membership(
        request, membership_id, membership_remove, SuspendForm, _("%(org)s was removed from the network.")
    )
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def reinstate(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, membership_reinstate, None, _("%(org)s is active again."))
    return redirect("network:manage_members", network_slug=network_slug)


@require_POST
@permissions.network_required("manage_members")
def change_role(request, network_slug, membership_id):
    _act_on_membership(request, membership_id, membership_change_role, RoleForm, _("%(org)s's role was changed."))
    return redirect("network:manage_members", network_slug=network_slug)


def _own_membership(request, membership_id, action):
    """The organisation's own membership, for withdrawing or leaving.

    These two views are the network's exits (network/apps.py): the scope middleware lets in those who
    may see the network, and also admins of an organisation with an open membership in it who may not
    (so no network-level decorator here; this is the check). To the latter another organisation's
    membership is hidden (404), as the rest of the network is; who may see the network is refused the
    usual 403, and is still let in once the membership has ended, to read "already withdrawn".
    """
    membership = _membership(request, membership_id)
    if permissions.check("view_network", request.user, request.network):
        permissions.ensure(request, action, membership)
    else:
        permissions.ensure_visible(request, action, membership)
    return membership


def _after_leaving(request):
    if not permissions.check("view_network", request.user, request.network):
        return redirect("home")  # a private network's page is a 404 to those no longer in it
    return redirect("network:detail", network_slug=request.network.slug)


@require_POST
def leave(request, network_slug, membership_id):
    _own_membership(request, membership_id, "leave_membership")
    _act_on_membership(request, membership_id, membership_leave, None, _("%(org)s has left the network."))
    return _after_leaving(request)


@require_POST
def withdraw(request, network_slug, membership_id):
    _own_membership(request, membership_id, "withdraw_membership")
    _act_on_membership(request, membership_id, membership_withdraw, None, _("%(org)s's request was withdrawn."))
    return _after_leaving(request)
