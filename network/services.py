"""Every write to networks, memberships and invitations.

Each service checks permission through portal.permissions, validates, writes inside one transaction
and queues its e-mail after commit, so a rolled-back change never sends a message.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scope

from members.models import Organisation
from network import tasks
from network.models import Invitation, Membership, Network, NetworkObjective, Role
from portal import permissions

NETWORK_FIELDS = (
    "name", "acronym", "slug", "countries", "description", "founding_statement", "founded_on",
    "founded_in", "visibility", "show_members", "colour", "languages",
)  # fmt: skip


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _after_commit(task, membership_or_invitation, **kwargs):
    network_id = membership_or_invitation.network_id
    transaction.on_commit(lambda: task.delay(network_id=network_id, **kwargs))


def _unique_slug(text):
    base = slugify(text)[:70] or "network"
    slug, n = base, 2
    while Network.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _set_objectives(network, objectives, tasks_):
    NetworkObjective.objects.filter(network=network).delete()
    rows = [(NetworkObjective.Kind.OBJECTIVE, text) for text in objectives]
    rows += [(NetworkObjective.Kind.TASK, text) for text in tasks_]
    NetworkObjective.objects.bulk_create(
        NetworkObjective(network=network, kind=kind, position=i, text=text.strip())
        for i, (kind, text) in enumerate(rows)
        if text.strip()
    )


@transaction.atomic
def network_create(*, data, organisation, acting_user, objectives=(), tasks_=()):
    """Found a network; the founding organisation becomes its first coordinator."""
    _require(permissions.can_manage_organisation(acting_user, organisation))
    values = {k: v for k, v in data.items() if k in NETWORK_FIELDS}
    values["slug"] = values.get("slug") or _unique_slug(values.get("acronym") or values.get("name", ""))
    network = Network(**values)
    network.full_clean()
    network.save()
    with scope(network=network):
        _set_objectives(network, objectives, tasks_)
        Membership.objects.create(
            network=network,
            organisation=organisation,
            status=Membership.Status.ACTIVE,
            role=Role.COORDINATOR,
            requested_by=acting_user,
            decided_by=acting_user,
            decided_at=timezone.now(),
            joined_at=timezone.now(),
        )
    permissions.forget(acting_user)
    return network


@transaction.atomic
def network_update(*, network, data, acting_user, objectives=None, tasks_=None):
    _require(permissions.can_edit_network(acting_user, network))
    for key, value in data.items():
        if key in NETWORK_FIELDS:
            setattr(network, key, value)
    network.full_clean()
    network.save()
    if objectives is not None or tasks_ is not None:
        with scope(network=network):
            _set_objectives(network, objectives or (), tasks_ or ())
    return network


def _open_membership(network, organisation):
    return Membership.objects.filter(
        network=network, organisation=organisation, status__in=Membership.OPEN_STATUSES
    ).first()


def _explain_open(membership):
    return {
        Membership.Status.REQUESTED: _("%(org)s has already asked to join; the coordinators will answer soon."),
        Membership.Status.ACTIVE: _("%(org)s is already a member of this network."),
        Membership.Status.SUSPENDED: _("%(org)s is suspended in this network; contact the coordinators."),
    }[membership.status] % {"org": membership.organisation}


@transaction.atomic
def membership_request(*, network, organisation, acting_user, message=""):
    """An organisation admin asks to join; the coordinators get an e-mail."""
    _require(permissions.can_request_to_join(acting_user, network))
    _require(permissions.can_manage_organisation(acting_user, organisation))
    existing = _open_membership(network, organisation)
    if existing:
        raise ValidationError(_explain_open(existing))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                network=network,
                organisation=organisation,
                message=message.strip(),
                requested_by=acting_user,
            )
    except IntegrityError as exc:  # a concurrent request won the race
        raise ValidationError(_("%(org)s has already asked to join.") % {"org": organisation}) from exc
    _after_commit(tasks.notify_join_request, membership, membership_id=membership.pk)
    return membership


def _lock(membership):
    return Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)


def _require_status(membership, *expected):
    if membership.status in expected:
        return
    messages = {
        Membership.Status.WITHDRAWN: _("This request was withdrawn by %(org)s."),
        Membership.Status.DECLINED: _("This request has already been declined."),
        Membership.Status.ACTIVE: _("%(org)s is already an active member."),
        Membership.Status.LEFT: _("%(org)s has left the network."),
        Membership.Status.SUSPENDED: _("%(org)s is suspended."),
        Membership.Status.REQUESTED: _("%(org)s's request has not been answered yet."),
    }
    raise ValidationError(messages[membership.status] % {"org": membership.organisation})


@transaction.atomic
def membership_approve(*, membership, acting_user, role=Role.MEMBER):
    _require(permissions.can_manage_members(acting_user, membership.network))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    now = timezone.now()
    membership.status, membership.role = Membership.Status.ACTIVE, role
    membership.decided_by, membership.decided_at, membership.joined_at = acting_user, now, now
    membership.save()
    _after_commit(tasks.notify_membership_decision, membership, membership_id=membership.pk)
    return membership


@transaction.atomic
def membership_decline(*, membership, acting_user, reason):
    _require(permissions.can_manage_members(acting_user, membership.network))
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the organisation why, so it can ask again if it makes sense.")})
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    membership.status = Membership.Status.DECLINED
    membership.decision_reason = reason.strip()
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    _after_commit(tasks.notify_membership_decision, membership, membership_id=membership.pk)
    return membership


@transaction.atomic
def membership_withdraw(*, membership, acting_user):
    _require(permissions.can_withdraw_membership(acting_user, membership))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    membership.status, membership.ended_at = Membership.Status.WITHDRAWN, timezone.now()
    membership.save()
    return membership


def _ensure_other_coordinator(membership):
    others = Membership.objects.filter(
        network=membership.network, status=Membership.Status.ACTIVE, role=Role.COORDINATOR
    ).exclude(pk=membership.pk)
    if membership.role == Role.COORDINATOR and not others.exists():
        raise ValidationError(
            _("%(org)s is the network's only coordinator. Make another organisation coordinator first.")
            % {"org": membership.organisation}
        )


@transaction.atomic
def membership_leave(*, membership, acting_user):
    _require(permissions.can_leave_membership(acting_user, membership))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE, Membership.Status.SUSPENDED)
    _ensure_other_coordinator(membership)
    membership.status, membership.ended_at = Membership.Status.LEFT, timezone.now()
    membership.save()
    permissions.forget(acting_user)
    return membership


@transaction.atomic
def membership_suspend(*, membership, acting_user, reason=""):
    _require(permissions.can_manage_members(acting_user, membership.network))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE)
    _ensure_other_coordinator(membership)
    membership.status, membership.decision_reason = Membership.Status.SUSPENDED, reason.strip()
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    return membership


@transaction.atomic
def membership_reinstate(*, membership, acting_user):
    _require(permissions.can_manage_members(acting_user, membership.network))
    membership = _lock(membership)
    _require_status(membership, Membership.Status.SUSPENDED)
    membership.status = Membership.Status.ACTIVE
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    return membership


@transaction.atomic
def membership_change_role(*, membership, role, acting_user):
    """Coordinators promote and demote; the network always keeps one active coordinator."""
    _require(permissions.can_manage_members(acting_user, membership.network))
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE)
    if role != Role.COORDINATOR:
        _ensure_other_coordinator(membership)
    membership.role = role
    membership.save()
    permissions.forget(acting_user)
    return membership


@transaction.atomic
def invitation_create(*, network, email, role, acting_user, organisation_name="", message=""):
    """Invite an organisation by a person's e-mail; the link lets them sign up and land in the network."""
    _require(permissions.can_manage_members(acting_user, network))
    email = email.strip().lower()
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if Invitation.objects.filter(
        network=network, email__iexact=email, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError({"email": _("An invitation to this address is already waiting.")})
    invitation = Invitation.objects.create(
        network=network,
        email=email,
        role=role,
        organisation_name=organisation_name.strip(),
        message=message.strip(),
        invited_by=acting_user,
    )
    _after_commit(tasks.send_invitation, invitation, invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation, acting_user):
    _require(permissions.can_manage_members(acting_user, invitation.network))
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def invitation_accept(*, invitation, acting_user, organisation=None, new_organisation=None):
    """Accept for an organisation the user administers, or for a new one created on the spot."""
    from members.services import organisation_create

    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been used."))
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or was withdrawn. Ask the coordinators for a new one."))
    if invitation.email.lower() != acting_user.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    if organisation is None:
        if not new_organisation:
            raise ValidationError(_("Choose your organisation or describe a new one."))
        organisation = organisation_create(data=new_organisation, acting_user=acting_user)
    _require(permissions.can_manage_organisation(acting_user, organisation))
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
    return membership


def organisations_for_invitation(user):
    """Organisations the user may accept an invitation for."""
    return Organisation.objects.filter(pk__in=permissions.admin_organisation_ids(user))
