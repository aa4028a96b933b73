"""Organisations asking to join, being approved or declined, leaving, suspended or removed, changing role."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network import tasks
from network.models import (
    Membership,
    Network,
    Role,
)
from portal import audit, permissions


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
    permissions.require("request_to_join", acting_user, network)
    permissions.require("manage_organisation", acting_user, organisation)
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
    tasks.notify_join_request.delay(network=membership.network_id, membership_id=membership.pk)
    _audit(membership, acting_user, "membership.requested", audit.diff({}, audit.snapshot(membership, AUDITED)))
    return membership


def _lock(membership):
    return (
        Membership.objects.select_for_update()
        .select_related("organisation")
        .get(network_id=membership.network_id, pk=membership.pk)
    )


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
    permissions.require("manage_members", acting_user, membership.network)
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    before = audit.snapshot(membership, AUDITED)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    now = timezone.now()
    membership.status, membership.role = Membership.Status.ACTIVE, role
    membership.decided_by, membership.decided_at, membership.joined_at = acting_user, now, now
    membership.save()
    tasks.notify_membership_decision.delay(network=membership.network_id, membership_id=membership.pk)
    _audit(membership, acting_user, "membership.approved", audit.changes(before, membership))
    return membership


@transaction.atomic
def membership_decline(*, membership, acting_user, reason):
    permissions.require("manage_members", acting_user, membership.network)
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the organisation why, so it can ask again if it makes sense.")})
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    before = audit.snapshot(membership, AUDITED)
    membership.status = Membership.Status.DECLINED
    membership.decision_reason = reason.strip()
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    tasks.notify_membership_decision.delay(network=membership.network_id, membership_id=membership.pk)
    _audit(membership, acting_user, "membership.declined", audit.changes(before, membership))
    return membership


@transaction.atomic
def membership_withdraw(*, membership, acting_user):
    permissions.require("withdraw_membership", acting_user, membership)
    membership = _lock(membership)
    _require_status(membership, Membership.Status.REQUESTED)
    before = audit.snapshot(membership, AUDITED)
    membership.status, membership.ended_at = Membership.Status.WITHDRAWN, timezone.now()
    membership.save()
    _audit(membership, acting_user, "membership.withdrawn", audit.changes(before, membership))
    return membership


def lock_coordinators(network_id):
    """Take the network row's lock before reading who coordinates it.

    "The network keeps one active coordinator" is a rule over several rows: two requests each demoting
    (suspending, taking out) a different coordinator lock different memberships, both count the other
    as still there and both commit, leaving none. Every service that can remove a coordinator takes
    this one lock first, so they run one after the other and the second counts what the first wrote.
    On SQLite it is a no-op: there transaction_mode IMMEDIATE (portal/settings.py) serialises writers.
    """
    Network.objects.select_for_update().only("pk").get(pk=network_id)


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
    permissions.require("leave_membership", acting_user, membership)
    lock_coordinators(membership.network_id)
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE, Membership.Status.SUSPENDED)
    _ensure_other_coordinator(membership)
    before = audit.snapshot(membership, AUDITED)
    membership.status, membership.ended_at = Membership.Status.LEFT, timezone.now()
    membership.save()
    permissions.forget(acting_user)
    _audit(membership, acting_user, "membership.left", audit.changes(before, membership))
    return membership


@transaction.atomic
def membership_suspend(*, membership, acting_user, reason=""):
    permissions.require("manage_members", acting_user, membership.network)
    lock_coordinators(membership.network_id)
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE)
    _ensure_other_coordinator(membership)
    before = audit.snapshot(membership, AUDITED)
    membership.status, membership.decision_reason = Membership.Status.SUSPENDED, reason.strip()
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    _audit(membership, acting_user, "membership.suspended", audit.changes(before, membership))
    return membership


@transaction.atomic
def membership_remove(*, membership, acting_user, reason):
    """Coordinators take an organisation out of the network (active or suspended), saying why: the reason
    stays on the membership and in the audit log. The network keeps one active coordinator."""
    permissions.require("manage_members", acting_user, membership.network)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, for the organisation and for the audit log.")})
    lock_coordinators(membership.network_id)
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE, Membership.Status.SUSPENDED)
    _ensure_other_coordinator(membership)
    before = audit.snapshot(membership, AUDITED)
    now = timezone.now()
    membership.status, membership.ended_at, membership.decision_reason = Membership.Status.LEFT, now, reason.strip()
    membership.decided_by, membership.decided_at = acting_user, now
    membership.save()
    permissions.forget(acting_user)
    _audit(membership, acting_user, "membership.removed", audit.changes(before, membership))
    return membership


@transaction.atomic
def membership_reinstate(*, membership, acting_user):
    permissions.require("manage_members", acting_user, membership.network)
    membership = _lock(membership)
    _require_status(membership, Membership.Status.SUSPENDED)
    before = audit.snapshot(membership, AUDITED)
    membership.status = Membership.Status.ACTIVE
    membership.decided_by, membership.decided_at = acting_user, timezone.now()
    membership.save()
    _audit(membership, acting_user, "membership.reinstated", audit.changes(before, membership))
    return membership


@transaction.atomic
def membership_change_role(*, membership, role, acting_user):
    """Coordinators promote and demote; the network always keeps one active coordinator."""
    permissions.require("manage_members", acting_user, membership.network)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    lock_coordinators(membership.network_id)
    membership = _lock(membership)
    _require_status(membership, Membership.Status.ACTIVE)
    if role != Role.COORDINATOR:
        _ensure_other_coordinator(membership)
    before = audit.snapshot(membership, AUDITED)
    membership.role = role
    membership.save()
    permissions.forget(acting_user)
    _audit(membership, acting_user, "membership.role_changed", audit.changes(before, membership))
    return membership


# --- the audit log --------------------------------------------------------------------------------

# What a coordinator reads about a membership: where it stands and with which role.
AUDITED = ("status", "role", "decision_reason")


def _audit(membership, acting_user, action, changes):
    audit.record(
        network=membership.network,
        acting_user=acting_user,
        action=action,
        obj=membership,
        object_repr=str(membership.organisation),
        **changes,
    )
