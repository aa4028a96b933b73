"""Every write to people and organisations. Each service validates, writes atomically and sends mail
after commit.

Like every service, these never enter a tenant scope: their callers do. Here there is none to enter:
people, organisations, affiliations and colleague invitations are global, not network-owned, so these
services touch no scoped model.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.accounts import holds_verified_address
from members.models import Affiliation, ColleagueInvitation, Organisation
from portal import languages, permissions
from portal.inputs import accept, email_address

# What a person changes about themselves on the account page (the address and the password are allauth's).
ACCOUNT_FIELDS = ("full_name",)


@transaction.atomic
def account_update(*, account, data, acting_user):
    """A person renames themselves. Not in any network's audit log: a person belongs to no network (like
    an organisation's profile, see portal.models.AuditEntry), and the name is theirs to choose."""
    permissions.require("edit_account", acting_user, account)
    values = accept(data, ACCOUNT_FIELDS, what="account_update")
    full_name = " ".join(str(values.get("full_name", account.full_name)).split())
    if not full_name:
        raise ValidationError({"full_name": _("Give your name: the people you work with see it.")})
    account.full_name = full_name
    account.full_clean(exclude=["password"])
    account.save(update_fields=["full_name"])
    return account


def account_set_language(*, account, language, acting_user):
    """A person chooses the language of their pages and e-mails (the language switch, the account page,
    or their choice made before logging in: members.accounts.apply_profile_language)."""
    permissions.require("edit_account", acting_user, account)
    if not languages.is_offered(language):
        raise ValidationError({"language": _("Choose one of the languages Partnera offers.")})
    if account.language != language:
        account.language = language
        account.save(update_fields=["language"])
    return account


# What the organisation services write; members.forms.OrganisationForm shows exactly these.
ORGANISATION_FIELDS = ("name", "acronym", "kind", "country", "city", "website", "description", "iati_identifier")


def organisation_register(*, data, network_id=None):
    """Record an organisation nobody administers yet (a funder or partner named by a project).

    `network_id`: the network whose coordinator typed it in; the record is then that network's own
    (see Organisation.created_in_network_id). Nobody may edit it or act for it until it is claimed.
    """
    organisation = Organisation(**accept(data, ORGANISATION_FIELDS, what="organisation_register"))
    organisation.created_in_network_id = network_id
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_create(*, data, acting_user):
    """Create an organisation; its creator becomes its first admin."""
    organisation = organisation_register(data=data)
    Affiliation.objects.create(user=acting_user, organisation=organisation, is_admin=True)
    permissions.forget(acting_user)
    return organisation


# What staff vouch for when they mark an organisation verified: a change to one of these clears the mark.
STAFF_CHECKED_FIELDS = ("name", "acronym", "website")


@transaction.atomic
def organisation_update(*, organisation, data, acting_user):
    permissions.require("manage_organisation", acting_user, organisation)
    before = {key: getattr(organisation, key) for key in STAFF_CHECKED_FIELDS}
    for key, value in accept(data, ORGANISATION_FIELDS, what="organisation_update").items():
        setattr(organisation, key, value)
    if any(getattr(organisation, key) != value for key, value in before.items()):
        # Staff checked the organisation under its old name and website; a renamed one is checked anew.
        organisation.verified_by_staff_at = None
    organisation.full_clean()
    organisation.save()
    organisation.__dict__.pop("verification", None)
    return organisation


@transaction.atomic
def organisation_mark_verified(*, organisation, verified, acting_user):
    """Staff vouch for an organisation (or withdraw it): it shows as verified whatever its admins' e-mail
    addresses. Another way to be verified needs nobody: members/verification.py."""
    permissions.require("verify_organisation", acting_user, organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if verified and organisation.verified_by_staff_at is None:
        organisation.verified_by_staff_at = timezone.now()
    elif not verified:
        organisation.verified_by_staff_at = None
    organisation.save(update_fields=["verified_by_staff_at"])
    return organisation


@transaction.atomic
def colleague_invite(*, organisation, email, acting_user):
    """Invite a colleague by e-mail; the message goes out after commit."""
    from members import tasks

    permissions.require("manage_organisation", acting_user, organisation)
    # The form checks too, but the service must not queue mail to "not an address" from elsewhere.
    email = email_address(email)
    if organisation.affiliations.filter(user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person already works for %(org)s.") % {"org": organisation}})
    if organisation.invitations.filter(
        email__iexact=email, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError({"email": _("An invitation to this address is already waiting.")})
    lock_account(acting_user)
    limit = settings.INVITATIONS_PER_USER_PER_HOUR
    sent = ColleagueInvitation.objects.filter(
        invited_by=acting_user, created_at__gte=timezone.now() - timedelta(hours=1)
    ).count()
    if sent >= limit:
        raise ValidationError(invitations_per_hour_refusal(sent))
    invitation = ColleagueInvitation.objects.create(organisation=organisation, email=email, invited_by=acting_user)
    tasks.send_colleague_invitation.delay(invitation_id=invitation.pk)
    return invitation


def lock_account(user):
    """Take the person's row lock before counting what they sent or founded against a limit: two requests
    at once would otherwise both count 19 of 20 and both send. (A no-op on SQLite, which serialises writers.)"""
    get_user_model().objects.select_for_update().only("pk").get(pk=user.pk)


def invitations_per_hour_refusal(sent):
    return ngettext(
        "You have sent %(count)d invitation in the last hour; try again later.",
        "You have sent %(count)d invitations in the last hour; try again later.",
        sent,
    ) % {"count": sent}


def invitation_ensure_acceptable(*, invitation, token, acting_user, ask_whom):
    """The checks every invitation (colleague or network) passes before it is accepted.

    Two proofs, both needed. The token: only the invitation mail carries it, so whoever presents it read
    the invited mailbox. And the acting account's own address: the invited one, primary and verified. The
    address alone is not enough (issue 7): an account can be given someone else's address when its owner
    clicks Confirm in one of allauth's mails, and must not thereby accept what was sent to that address.
    """
    if not constant_time_compare(token or "", invitation.token):
        raise ValidationError(_("Open the link in the invitation e-mail to accept it."))
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been used."))
    if not invitation.is_open:
        raise ValidationError(
            _("This invitation has expired or was withdrawn. Ask %(whom)s for a new one.") % {"whom": ask_whom}
        )
    if not holds_verified_address(acting_user, invitation.email):
        raise ValidationError(
            _("This invitation was sent to %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email}
        )


@transaction.atomic
def colleague_invitation_accept(*, invitation, token, acting_user):
    """Join the organisation, without admin rights; `token` is the one from the invitation's link."""
    invitation = ColleagueInvitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_ensure_acceptable(
        invitation=invitation, token=token, acting_user=acting_user, ask_whom=_("your organisation's admin")
    )
    affiliation, _created = Affiliation.objects.get_or_create(user=acting_user, organisation=invitation.organisation)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = acting_user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    permissions.forget(acting_user)
    return affiliation


@transaction.atomic
def colleague_invitation_revoke(*, invitation, acting_user):
    permissions.require("manage_organisation", acting_user, invitation.organisation)
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def _lock_admins(affiliation):
    """Lock the organisation row, then read the affiliation afresh; returns it and the admins' ids.

    "An organisation keeps one admin" is a rule over several rows. Locking only the admin rows lets two
    requests lock them in different orders (a deadlock, answered as a 500) and reads `affiliation.is_admin`
    as the caller loaded it, before a concurrent change. With the organisation row locked first, every
    request touching its admins runs one after the other and counts what the previous one committed.
    On SQLite it is a no-op: there transaction_mode IMMEDIATE (portal/settings.py) serialises writers.
    """
    Organisation.objects.select_for_update().only("pk").get(pk=affiliation.organisation_id)
    fresh = Affiliation.objects.select_related("organisation", "user").filter(pk=affiliation.pk).first()
    if fresh is None:  # removed by a concurrent request
        raise ValidationError(
            _("%(person)s no longer works for %(org)s.") % {"person": affiliation.user, "org": affiliation.organisation}
        )
    affiliation = fresh
    admins = list(
        Affiliation.objects.filter(organisation_id=affiliation.organisation_id, is_admin=True).values_list(
            "pk", flat=True
        )
    )
    return affiliation, admins


@transaction.atomic
def affiliation_remove(*, affiliation, acting_user):
    """Remove a person from an organisation; an organisation always keeps at least one admin."""
    permissions.require("manage_organisation", acting_user, affiliation.organisation)
    affiliation, admins = _lock_admins(affiliation)
    organisation = affiliation.organisation
    if affiliation.is_admin and admins == [affiliation.pk]:
        raise ValidationError(
            _("%(org)s needs at least one admin. Make someone else admin first.") % {"org": organisation}
        )
    affiliation.delete()
    permissions.forget(acting_user)


@transaction.atomic
def affiliation_set_admin(*, affiliation, is_admin, acting_user):
    permissions.require("manage_organisation", acting_user, affiliation.organisation)
    affiliation, admins = _lock_admins(affiliation)
    organisation = affiliation.organisation
    if not is_admin and admins == [affiliation.pk]:
        raise ValidationError(_("%(org)s needs at least one admin.") % {"org": organisation})
    affiliation.is_admin = is_admin
    affiliation.save(update_fields=["is_admin"])
    permissions.forget(acting_user)
    return affiliation
