"""Database tuning: the permission reads join nothing they do not filter on, the lists order themselves,
and (on PostgreSQL) the news list and the invitation look-ups by e-mail use their indexes."""

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from members.permissions import admin_organisation_ids, organisation_ids
from network import selectors
from network.models import Role
from network.permissions import network_role
from network.services.invitations import invitation_create
from portal.permissions import forget
from tests.factories import (
    AffiliationFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    NewsPostFactory,
    OrganisationFactory,
    UserFactory,
    person_in,
)

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


# --- indexes (PostgreSQL) ---------------------------------------------------------------------------


def require_postgresql():
    """The indexes are PostgreSQL's: skip on SQLite while developing; under CI=true the suite runs on
    PostgreSQL (tests/conftest.py), so fail instead."""
    if connection.vendor == "postgresql":
        return
    reason = "the index tests need PostgreSQL (set DATABASE_URL=postgres://…)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


def _plans(statements):
    """EXPLAIN of each statement, with sequential scans priced out so the planner shows which index it
    can use (SET LOCAL: only for this test's transaction). On a handful of rows a sequential scan is
    cheapest, so without this the plan would prove nothing either way."""
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for sql in statements:
            cursor.execute(f"EXPLAIN {sql}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def _index_definition(table, name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s", [table, name])
        row = cursor.fetchone()
    assert row, f"no index {name} on {table}"
    return row[0]


def test_news_list_reads_the_network_date_index():
    require_postgresql()
    assert "(network_id, published_on DESC, id DESC)" in _index_definition(
        "network_newspost", "newspost_network_published"
    )
    network = NetworkFactory()
    for _ in range(3):
        NewsPostFactory(network=network)
    user = person_in(network)
    with scope(network=network):
        statements = _sql(lambda: selectors.latest_agreements_and_news(network=network, user=user))
    news = [sql for sql in statements if 'FROM "network_newspost"' in sql]
    assert news, statements
    for plan in _plans(news):
        assert "newspost_network_published" in plan, plan
        assert "Sort" not in plan, plan  # the index gives the order; no sort of the network's posts


def test_invitation_lookups_by_email_read_the_email_index():
    require_postgresql()
    assert "upper" in _index_definition("network_invitation", "invitation_email_upper").lower()
    network = NetworkFactory()
    coordinator = person_in(network, role=Role.COORDINATOR)
    with scopes_disabled():
        InvitationFactory(network=network, email="guest@example.org")
    with scope(network=network):
        statements = _sql(
            lambda: invitation_create(
                network=network, email="Other@Example.org", role=Role.MEMBER, acting_user=coordinator
            )
        )
    lookups = [sql for sql in statements if 'FROM "network_invitation"' in sql and "UPPER(" in sql]
    # invitation_create's "already waiting?" (the home page no longer looks invitations up by address).
    assert len(lookups) == 1, statements
    for plan in _plans(lookups):
        assert "invitation_email_upper" in plan, plan
