"""Reporting-period locks: a coordinator closes a period once a donor report went out, and reopens it with a
reason. projects.services.entries asks `require_open` before every change to an entry.

A lock and an edit at the same moment must not both go through: the edit would read "no lock" while the
lock commits, and change an entry of a period just reported. Both sides therefore serialise on one
PostgreSQL advisory lock per network, held to the end of their transaction: locking a period takes it
exclusively, every entry change takes it shared (so edits never wait for each other), and the check reads
the locks only once it holds it, so it sees any lock committed before. A row lock would not do: a new lock
has no row to lock yet, and locking the network's row would also hold up edits of the network itself.
SQLite serialises every write transaction anyway.
"""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portal import audit, permissions
from projects.models import Project, ReportingPeriodLock

# The first half of the advisory lock's key (the network's id is the second): "the period locks of".
_ADVISORY_CLASS = 7041


def _serialise(network, *, exclusive):
    if connection.vendor != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s, %s)", [_ADVISORY_CLASS, network.pk])


def _day(value):
    return formats.date_format(value, "DATE_FORMAT")


def refusal(lock):
    """What an edit in `lock`'s period is told: the period, what it covers, who locked it and when."""
    values = {
        "start": _day(lock.start),
        "end": _day(lock.end),
        "who": (lock.locked_by.get_full_name() or lock.locked_by.email) if lock.locked_by else _("a coordinator"),
        "when": _day(timezone.localtime(lock.locked_at)),
    }
    if lock.project_id:
        values["project"] = lock.project.acronym or str(lock.project.title)
        return (
            _(
                "The reporting period %(start)s – %(end)s of %(project)s is locked (by %(who)s on %(when)s): its "
                "entries cannot be changed unless a coordinator reopens it."
            )
            % values
        )
    return (
        _(
            "The reporting period %(start)s – %(end)s is locked for the whole network (by %(who)s on %(when)s): "
            "its entries cannot be changed unless a coordinator reopens it."
        )
        % values
    )


def active_lock(*, network, project_id, day):
    """The active lock closing an entry of that project (None: network-level) starting on `day`, or None."""
    if day is None:
        return None
    return (
        ReportingPeriodLock.objects.filter(network=network, reopened_at__isnull=True, start__lte=day, end__gte=day)
        .filter(Q(project__isnull=True) | Q(project_id=project_id))
        .select_related("locked_by", "project")
        .order_by("start", "pk")
        .first()
    )


def require_open(*, network, project_id, day, field=None):
    """Refuse (ValidationError, on `field` if given) when an active lock closes that entry's period. Runs
    inside the entry's transaction, after taking the network's shared advisory lock (see above)."""
    _serialise(network, exclusive=False)
    lock = active_lock(network=network, project_id=project_id, day=day)
    if lock is not None:
        raise ValidationError({field: refusal(lock)} if field else refusal(lock))


class OpenPeriods:
    """require_open for many entries of one network (an import): the shared advisory lock taken once, the
    network's active locks read once, and each entry checked in memory by active_lock's rule (the first
    lock by start covering the day, the network's own or the project's), with require_open's message."""

    def __init__(self, network):
        _serialise(network, exclusive=False)
        self.locks = list(
            ReportingPeriodLock.objects.filter(network=network, reopened_at__isnull=True)
            .select_related("locked_by", "project")
            .order_by("start", "pk")
        )

    def lock(self, *, project_id, day):
        if day is None:
            return None
        return next(
            (lock for lock in self.locks if lock.start <= day <= lock.end and lock.project_id in (None, project_id)),
            None,
        )

    def require(self, *, project_id, day, field=None):
        lock = self.lock(project_id=project_id, day=day)
        if lock is not None:
            raise ValidationError({field: refusal(lock)} if field else refusal(lock))


def _project(network, value):
    if value in (None, ""):
        return None
    pk = getattr(value, "pk", value)
    project = Project.objects.filter(network=network, pk=pk).first() if str(pk).isdigit() else None
    if project is None:
        raise ValidationError({"project": _("Choose one of this network's projects.")})
    return project


@transaction.atomic
def period_lock(*, network, project=None, start, end, note="", acting_user):
    """Close the period start–end for `project`'s entries, or the whole network's (project None)."""
    permissions.require("lock_period", acting_user, network)
    lock = ReportingPeriodLock(
        network=network, project=_project(network, project), start=start, end=end,
        note=(note or "").strip(), locked_by=acting_user,
    )  # fmt: skip
    lock.full_clean(exclude=["network", "locked_by", "reopened_by"])
    _serialise(network, exclusive=True)
    lock.save()
    audit.record(
        network=network, acting_user=acting_user, action="period.locked", obj=lock,
        after={"project": lock.project_id, "start": lock.start, "end": lock.end, "note": lock.note},
    )  # fmt: skip
    return lock


@transaction.atomic
def period_reopen(*, lock, reason, acting_user):
    """Open a locked period again, so its entries can change; the reason is required and kept in the log."""
    lock = ReportingPeriodLock.objects.select_for_update().get(network_id=lock.network_id, pk=lock.pk)
    if not lock.is_active:
        raise ValidationError(_("This period has already been reopened."))
    permissions.require("reopen_period", acting_user, lock)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the period is reopened; the log keeps it.")})
    lock.reopened_at, lock.reopened_by, lock.reopen_reason = timezone.now(), acting_user, reason
    lock.save()
    audit.record(
        network=lock.network, acting_user=acting_user, action="period.reopened", obj=lock,
        before={"reopened": False}, after={"reopened": True, "reopen_reason": reason},
    )  # fmt: skip
    return lock
