"""The network keeps one active coordinator, also when two requests remove coordinators at once.

Each pair removes a *different* coordinator, so the membership rows they lock differ: only the network
row's lock (network.services.memberships.lock_coordinators) makes the second request count what the
first committed. PostgreSQL only (see tests/concurrency.py); under CI=true the suite runs there.
"""

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from network.models import Membership, Role
from network.services.memberships import membership_change_role, membership_leave, membership_suspend
from tests.concurrency import race, require_postgresql
from tests.factories import NetworkFactory, person_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql():
    require_postgresql()


def _membership(network, user):
    with scopes_disabled():
        return Membership.objects.select_related("organisation", "network").get(
            network=network, organisation__affiliations__user=user
        )


def _in_scope(network, service, **kwargs):
    def call():
        with scope(network=network):
            return service(**kwargs)

    return call


def _active_coordinators(network):
    with scopes_disabled():
        return Membership.objects.filter(
            network=network, status=Membership.Status.ACTIVE, role=Role.COORDINATOR
        ).count()


def _pair(network, first, second):
    """Two coordinator organisations' admins and their memberships."""
    a, b = person_in(network, Role.COORDINATOR, name=first), person_in(network, Role.COORDINATOR, name=second)
    return a, b, _membership(network, a), _membership(network, b)


def _assert_one_refused(outcomes, network):
    errors = [o.error for o in outcomes if o.error is not None]
    assert len(errors) == 1, f"expected exactly one refusal, got {errors!r}"
    assert isinstance(errors[0], ValidationError), repr(errors[0])
    assert "only coordinator" in errors[0].messages[0]
    assert _active_coordinators(network) == 1


def test_two_coordinators_demoting_each_other_leave_one(monkeypatch):
    network = NetworkFactory()
    a, b, mine, theirs = _pair(network, "Lead NGO", "Second NGO")
    outcomes = race(
        monkeypatch,
        [(Membership, "save")],
        _in_scope(network, membership_change_role, membership=theirs, role=Role.MEMBER, acting_user=a),
        _in_scope(network, membership_change_role, membership=mine, role=Role.MEMBER, acting_user=b),
    )
    _assert_one_refused(outcomes, network)


def test_one_coordinator_in_two_tabs_demoting_the_other_and_itself_leaves_one(monkeypatch):
    network = NetworkFactory()
    a, _b, mine, theirs = _pair(network, "Lead NGO", "Second NGO")
    outcomes = race(
        monkeypatch,
        [(Membership, "save")],
        _in_scope(network, membership_change_role, membership=theirs, role=Role.OBSERVER, acting_user=a),
        _in_scope(network, membership_change_role, membership=mine, role=Role.OBSERVER, acting_user=a),
    )
    _assert_one_refused(outcomes, network)


def test_suspending_one_coordinator_while_the_other_is_demoted_leaves_one(monkeypatch):
    network = NetworkFactory()
    a, b, mine, theirs = _pair(network, "Lead NGO", "Second NGO")
    outcomes = race(
        monkeypatch,
        [(Membership, "save")],
        _in_scope(network, membership_suspend, membership=theirs, acting_user=a, reason="Unpaid fee"),
        _in_scope(network, membership_change_role, membership=mine, role=Role.MEMBER, acting_user=b),
    )
    _assert_one_refused(outcomes, network)


def test_a_coordinator_leaving_while_the_other_steps_down_leaves_one(monkeypatch):
    network = NetworkFactory()
    a, b, mine, theirs = _pair(network, "Lead NGO", "Second NGO")
    outcomes = race(
        monkeypatch,
        [(Membership, "save")],
        _in_scope(network, membership_leave, membership=mine, acting_user=a),
        _in_scope(network, membership_change_role, membership=theirs, role=Role.MEMBER, acting_user=b),
    )
    _assert_one_refused(outcomes, network)
