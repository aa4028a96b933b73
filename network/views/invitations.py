"""Invitations by e-mail: coordinators invite and revoke; the invited open the link and accept."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope, scopes_disabled

from members.accounts import remember_invited_address
from network import selectors
from network.forms import (
    AcceptInvitationForm,
    InvitationForm,
)
from network.models import Invitation
from network.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_revoke,
    organisations_for_invitation,
)
from network.views.memberships import manage_members
from portal import permissions
from portal.forms import add_service_errors


@require_POST
@permissions.network_required("manage_members")
def invite(request, network_slug):
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation_create(network=request.network, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(request, form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("network:manage_members", network_slug=network_slug)
    return manage_members.__wrapped__(request, network_slug, invitation_form=form)


@require_POST
@permissions.network_required("manage_members")
def revoke_invitation(request, network_slug, invitation_id):
    invitation = get_object_or_404(Invitation, network=request.network, pk=invitation_id)
    try:
        invitation_revoke(invitation=invitation, acting_user=request.user)
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
    context = {"invitation": invitation, "network": network, "message": selectors.invitation_message(invitation)}
    if not request.user.is_authenticated:
        if invitation.is_open:
            remember_invited_address(request, invitation.email)  # a sign-up from here needs no second mail
        return render(request, "network/invitation.html", context)
    with scope(network=network):
        organisations = organisations_for_invitation(request.user)
        form = AcceptInvitationForm(
            request.POST or None, organisations=organisations, organisation_name=invitation.organisation_name
        )
        if request.method == "POST" and form.is_valid():
            try:
                invitation_accept(
                    invitation=invitation,
                    token=token,
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
        return render(request, "network/invitation.html", {**context, "form": form})
