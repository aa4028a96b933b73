"""Database tuning: the permission reads join nothing they do not filter on, the lists order themselves,
and (on PostgreSQL) the news list and the invitation look-ups by e-mail use their indexes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from members.permissions import admin_organisation_ids, organisation_ids
from network import selectors
from network.models import Role
from network.permissions import network_role
from portal.permissions import forget
from tests.factories import AffiliationFactory, MembershipFactory, NetworkFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _sql(call):
    with CaptureQueriesContext(connection) as queries:
        call()
    return [q["sql"] for q in queries.captured_queries]


def test_permission_reads_do_not_join_organisations():
    # A default ordering on Affiliation or Membership (organisation__name) joined members_organisation
    # into every role and organisation look-up of every permission check.
    network = NetworkFactory()
    user = UserFactory()
    organisation = OrganisationFactory()
    AffiliationFactory(user=user, organisation=organisation, is_admin=True)
    MembershipFactory(network=network, organisation=organisation, role=Role.COORDINATOR)
    for call in (
        lambda: network_role(user, network),
        lambda: admin_organisation_ids(user),
        lambda: organisation_ids(user),
    ):
        forget(user)
        statements = _sql(call)
        assert statements, "the look-up ran no query (memoised?)"
        assert not any('"members_organisation"' in sql for sql in statements), statements
    forget(user)
    assert network_role(user, network) == Role.COORDINATOR


def test_lists_keep_their_order_by_organisation_name():
    network = NetworkFactory()
    user = UserFactory()
    names = ["Zeta School", "Alpha Institute", "Mid College"]
    for name in names:
        organisation = OrganisationFactory(name=name)
        AffiliationFactory(user=user, organisation=organisation, is_admin=True)
        MembershipFactory(network=network, organisation=organisation)
    home = selectors.home_for_user(user=user)
    assert [a.organisation.name for a in home["affiliations"]] == sorted(names)
    with scope(network=network):
        mine = selectors.memberships_of_organisations(network=network, organisation_ids=organisation_ids(user))
        assert [m.organisation.name for m in mine] == sorted(names)
    with scopes_disabled():
        organisation = OrganisationFactory()
        for name in ["Network Z", "Network A"]:
            MembershipFactory(network=NetworkFactory(name=name), organisation=organisation)
    public = selectors.organisation_public_memberships(organisation=organisation)
    assert [m.network.name for m in public] == ["Network A", "Network Z"]
