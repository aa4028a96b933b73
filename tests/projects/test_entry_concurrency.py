"""A coordinator approving an entry at the moment its organisation withdraws it, or another coordinator
returns it: one wins, the other is told, never both; an edit at the moment its period is locked waits and
is refused. PostgreSQL only (see tests/concurrency.py)."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_scopes import scope, scopes_disabled

from network.models import Role
from projects.models import ActivityEntry, ReportingPeriodLock
from projects.services.entries import entry_approve, entry_return, entry_update, entry_withdraw
from projects.services.periods import period_lock
from tests.concurrency import WAIT, race, require_postgresql
from tests.factories import ActivityEntryFactory, NetworkFactory, person_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql():
    require_postgresql()


def _in_scope(tenant, service, **kwargs):
    def call():
        with scope(network=tenant):
            return service(**kwargs)

    return call


def _submitted(network, member):
    entry = ActivityEntryFactory(
        network=network, organisation=member.affiliations.get().organisation, created_by=member, status="submitted"
    )
    with scopes_disabled():
        return ActivityEntry.objects.select_related("network").get(pk=entry.pk)


def _status(entry):
    with scopes_disabled():
        return ActivityEntry.objects.get(pk=entry.pk).status


def _one_refused(outcomes):
    errors = [o.error for o in outcomes if o.error is not None]
    assert len(errors) == 1, f"expected exactly one refusal, got {errors!r}"
    assert isinstance(errors[0], ValidationError), repr(errors[0])
    return errors[0]


def test_approving_while_the_organisation_withdraws_decides_once(monkeypatch):
    network = NetworkFactory()
    coordinator, member = person_in(network, Role.COORDINATOR), person_in(network, Role.MEMBER)
    entry = _submitted(network, member)
    with scopes_disabled():
        mine = ActivityEntry.objects.select_related("network").get(pk=entry.pk)
    outcomes = race(
        monkeypatch,
        [(ActivityEntry, "save")],
        _in_scope(network, entry_approve, entry=entry, acting_user=coordinator),
        _in_scope(network, entry_withdraw, entry=mine, acting_user=member),
    )
    error = _one_refused(outcomes)
    assert _status(entry) in ("approved", "draft")
    assert error.messages[0] in (
        "This entry is a draft: it has not been submitted.",
        "This entry has already been approved.",
    )


def test_two_coordinators_approving_and_returning_at_once_decide_once(monkeypatch):
    network = NetworkFactory()
    first, second = person_in(network, Role.COORDINATOR), person_in(network, Role.COORDINATOR)
    entry = _submitted(network, person_in(network, Role.MEMBER))
    with scopes_disabled():
        copy = ActivityEntry.objects.select_related("network").get(pk=entry.pk)
    outcomes = race(
        monkeypatch,
        [(ActivityEntry, "save")],
        _in_scope(network, entry_approve, entry=entry, acting_user=first),
        _in_scope(network, entry_return, entry=copy, acting_user=second, reason="Dates?"),
    )
    error = _one_refused(outcomes)
    assert _status(entry) in ("approved", "returned")
    assert error.messages[0] in (
        "This entry has already been approved.",
        "This entry has been returned to its organisation.",
    )


def test_an_edit_while_a_coordinator_locks_its_period_waits_and_is_refused(monkeypatch):
    """The lock is saved but not yet committed when the organisation saves its entry: the edit must wait
    for it (the network's advisory lock, projects.services.periods) and then be refused. Without that it
    would read "no lock", go through, and change an entry of a period just reported."""
    network = NetworkFactory()
    coordinator, member = person_in(network, Role.COORDINATOR), person_in(network, Role.MEMBER)
    entry = ActivityEntryFactory(
        network=network, organisation=member.affiliations.get().organisation, created_by=member,
        start_date=date(2025, 3, 1), end_date=date(2025, 3, 1),
    )  # fmt: skip
    saved, go = threading.Event(), threading.Event()
    original = ReportingPeriodLock.save

    def held(self, *args, **kwargs):
        original(self, *args, **kwargs)
        saved.set()
        go.wait(WAIT)

    monkeypatch.setattr(ReportingPeriodLock, "save", held)
    outcomes, pids = {}, {}

    def run(name, call):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pids[name] = cursor.fetchone()[0]
            outcomes[name] = call()
        except BaseException as error:  # noqa: BLE001 - asserted on below
            outcomes[name] = error
        finally:
            connection.close()

    locking = threading.Thread(target=run, args=("lock", _in_scope(
        network, period_lock, network=network, start=date(2025, 1, 1), end=date(2025, 3, 31), note="Report sent",
        acting_user=coordinator,
    )))  # fmt: skip
    editing = threading.Thread(target=run, args=("edit", _in_scope(
        network, entry_update, entry=_fresh(entry), acting_user=member, data={"title": "Changed after the report"},
    )))  # fmt: skip
    locking.start()
    assert saved.wait(WAIT), "the lock was never saved"
    editing.start()
    deadline = time.monotonic() + WAIT
    while editing.is_alive() and not _waits_for_a_lock(pids.get("edit")) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.set()
    locking.join(WAIT)
    editing.join(WAIT)

    assert isinstance(outcomes["lock"], ReportingPeriodLock), outcomes["lock"]
    assert isinstance(outcomes["edit"], ValidationError), outcomes["edit"]
    assert "is locked for the whole network" in outcomes["edit"].messages[0]
    with scopes_disabled():
        assert str(ActivityEntry.objects.get(pk=entry.pk).title) == str(entry.title)


def _fresh(entry):
    with scopes_disabled():
        return ActivityEntry.objects.select_related("network").get(pk=entry.pk)


def _waits_for_a_lock(pid):
    if pid is None:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"
