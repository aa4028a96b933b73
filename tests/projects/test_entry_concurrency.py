"""A coordinator approving an entry at the moment its organisation withdraws it, or another coordinator
returns it: one wins, the other is told, never both. PostgreSQL only (see tests/concurrency.py)."""

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from network.models import Role
from projects.models import ActivityEntry
from projects.services.entries import entry_approve, entry_return, entry_withdraw
from tests.concurrency import race, require_postgresql
from tests.factories import ActivityEntryFactory, NetworkFactory, person_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql():
    require_postgresql()


def _in_scope(network, service, **kwargs):
    def call():
        with scope(network=network):
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
