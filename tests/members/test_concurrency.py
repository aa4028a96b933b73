"""An organisation keeps one admin, also when two requests take admins away at once.

The two requests change *different* affiliations: only the organisation row's lock
(members.services._lock_admins) makes the second count what the first committed. PostgreSQL only
(see tests/concurrency.py); under CI=true the suite runs there.
"""

import pytest
from django.core.exceptions import ValidationError

from members.models import Affiliation
from members.services import affiliation_remove, affiliation_set_admin
from tests.concurrency import race, require_postgresql
from tests.factories import AffiliationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql():
    require_postgresql()


@pytest.fixture
def admins():
    organisation = OrganisationFactory(name="Lead NGO")
    return AffiliationFactory(organisation=organisation), AffiliationFactory(organisation=organisation)


def _assert_one_refused(outcomes, organisation):
    errors = [o.error for o in outcomes if o.error is not None]
    assert len(errors) == 1, f"expected exactly one refusal, got {errors!r}"
    assert isinstance(errors[0], ValidationError), repr(errors[0])
    assert "needs at least one admin" in errors[0].messages[0]
    assert Affiliation.objects.filter(organisation=organisation, is_admin=True).count() == 1


def test_two_admins_removing_each_other_leave_one(monkeypatch, admins):
    x, y = admins
    outcomes = race(
        monkeypatch,
        [(Affiliation, "delete")],
        lambda: affiliation_remove(affiliation=y, acting_user=x.user),
        lambda: affiliation_remove(affiliation=x, acting_user=y.user),
    )
    _assert_one_refused(outcomes, x.organisation)


def test_one_admin_removed_while_the_other_steps_down_leaves_one(monkeypatch, admins):
    x, y = admins
    outcomes = race(
        monkeypatch,
        [(Affiliation, "delete"), (Affiliation, "save")],
        lambda: affiliation_remove(affiliation=y, acting_user=x.user),
        lambda: affiliation_set_admin(affiliation=x, is_admin=False, acting_user=y.user),
    )
    _assert_one_refused(outcomes, x.organisation)
