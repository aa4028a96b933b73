"""Coordinators inviting organisations by e-mail, and the invited accepting."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import Organisation
from members.permissions import admin_organisation_ids
from members.services import invitations_per_hour_refusal, lock_account
from network import selectors, tasks
from network.models import (
    Invitation,
    Membership,
    Role,
)
from network.services.memberships import _explain_open, _open_membership, lock_coordinators
from portal import audit, permissions
from portal.inputs import email_address


@transaction.atomic
def invitation_create(*, network, email, role, acting_user, organisation_name="", message=""):
    """Invite an organisation by a person's e-mail; the link lets them sign up and land in the network."""
    permissions.require("manage_members", acting_user, network)
    email = email_address(email)  # the form checks too; mail must not go to "not an address" from elsewhere
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if Invitation.objects.filter(
        network=network, email__iexact=email, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError({"email": _("An invitation to this address is already waiting.")})
    _ensure_under_limits(network, acting_user)
    invitation = Invitation.objects.create(
        network=network,
        email=email,
        role=role,
        organisation_name=organisation_name.strip(),
        message=message.strip(),
        invited_by=acting_user,
    )
    tasks.send_invitation.delay(network=invitation.network_id, invitation_id=invitation.pk)
    audit.record(
        network=network, acting_user=acting_user, action="invitation.created", obj=invitation,
        after=audit.snapshot(invitation, ("email", "role", "organisation_name")),
    )  # fmt: skip
    return invitation


def _ensure_under_limits(network, user):
    """Every invitation mail goes out from the portal's address: cap what one person and one network send.

    Counted in the database, exactly, under the person's and the network's row locks (taken in that
    order), so parallel requests from several processes cannot each slip under the limit.
    """
    lock_account(user)
    lock_coordinators(network.pk)
    now = timezone.now()
    sent = selectors.invitations_sent_by(user=user, since=now - timedelta(hours=1))
    if sent >= settings.INVITATIONS_PER_USER_PER_HOUR:
        raise ValidationError(invitations_per_hour_refusal(sent))
    sent = selectors.invitations_created_in(network=network, since=now - timedelta(days=1))
    if sent >= settings.INVITATIONS_PER_NETWORK_PER_DAY:
        raise ValidationError(
            ngettext(
                "This network has sent %(count)d invitation in the last 24 hours; try again tomorrow.",
                "This network has sent %(count)d invitations in the last 24 hours; try again tomorrow.",
                sent,
            )
            % {"count": sent}
        )


@transaction.atomic
def invitation_revoke(*, invitation, acting_user):
    permissions.require("manage_members", acting_user, invitation.network)
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(network=invitation.network, acting_user=acting_user, action="invitation.revoked", obj=invitation)


@transaction.atomic
def invitation_accept(*, invitation, token, acting_user, organisation=None, new_organisation=None):
    """Accept for an organisation the user administers, or for a new one created on the spot.

    `token` is the one from the invitation's link: the address alone accepts nothing (see
    members.services.invitation_ensure_acceptable)."""
    from members.services import invitation_ensure_acceptable, organisation_create

    invitation = Invitation.objects.select_for_update().get(network_id=invitation.network_id, pk=invitation.pk)
    invitation_ensure_acceptable(
        invitation=invitation, token=token, acting_user=acting_user, ask_whom=_("the coordinators")
    )
    if organisation is None:
        if not new_organisation:
            raise ValidationError(_("Choose your organisation or describe a new one."))
        organisation = organisation_create(data=new_organisation, acting_user=acting_user)
    permissions.require("manage_organisation", acting_user, organisation)
    # A pending request is overwritten with the invited role: read it under the coordinators' lock, or a
    # coordinator approved (and counted by a coordinator leaving) meanwhile would be demoted unseen.
    lock_coordinators(invitation.network_id)
    existing = _open_membership(invitation.network, organisation)
    now = timezone.now()
    if existing and existing.status != Membership.Status.REQUESTED:
        raise ValidationError(_explain_open(existing))
    membership = existing or Membership(network=invitation.network, organisation=organisation)
    membership.status, membership.role = Membership.Status.ACTIVE, invitation.role
    membership.requested_by = membership.requested_by or acting_user
    membership.decided_by, membership.decided_at, membership.joined_at = invitation.invited_by, now, now
    membership.save()
    invitation.accepted_at, invitation.accepted_by, invitation.membership = now, acting_user, membership
    invitation.save(update_fields=["accepted_at", "accepted_by", "membership"])
    permissions.forget(acting_user)
    audit.record(
        network=invitation.network, acting_user=acting_user, action="invitation.accepted", obj=invitation,
        after={"organisation": str(organisation), "role": membership.role, "status": membership.status},
    )  # fmt: skip
    return membership


def organisations_for_invitation(user):
    """Organisations the user may accept an invitation for."""
    return Organisation.objects.filter(pk__in=admin_organisation_ids(user))
