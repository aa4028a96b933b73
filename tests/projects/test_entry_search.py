"""The activity log's text search (projects.search): what the stored document holds, who keeps it up to
date, how words match, and on PostgreSQL that the search reads the GIN index rather than the table."""

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from network.models import Role
from projects.models import ActivityEntry
from projects.search import entry_document, matching
from projects.services.entries import entry_create, entry_update
from tests.factories import ActivityEntryFactory, OrganisationFactory, person_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]


@pytest.fixture
def entry(network):
    organisation = OrganisationFactory(name="Ganja Youth Centre", acronym="GYC")
    return ActivityEntryFactory(
        network=network, organisation=organisation, language="en",
        title={"en": "Career guidance training", "az": "Karyera təlimi"},
        description="Two days with school counsellors.", outcomes={"pl": "Czterdzieści certyfikatów"},
    )  # fmt: skip


def found(network, search):
    return list(matching(ActivityEntry.objects.filter(network=network), search))


def test_the_document_holds_every_language_and_the_organisation(entry):
    document = entry_document(entry)
    for part in ("career guidance training", "karyera təlimi", "school counsellors", "czterdzieści", "ganja", "gyc"):
        assert part in document
    assert document == document.lower()


@pytest.mark.parametrize(
    "search, hit",
    [
        ("guidance", True),
        ("GUIDANCE", True),
        ("guid", True),  # the beginning of a word
        ("təlimi", True),
        ("CZTERDZIEŚCI", True),
        ("counsellors career", True),  # every word, in any order
        ("counsellors party", False),
        ("youth centre", True),
        ("uidance", not connection.vendor == "postgresql"),  # full-text search matches words from their start
        ("&|!:*()'", False),  # no word: nothing, and no tsquery syntax error
        ("", False),
    ],
)
def test_words_match(network, entry, search, hit):
    assert (found(network, search) == [entry]) is hit


def test_the_services_keep_the_document_up_to_date(network):
    coordinator = person_in(network, Role.COORDINATOR, name="Coordinating office")
    organisation = coordinator.affiliations.get().organisation
    entry = entry_create(
        network=network, acting_user=coordinator, organisation=organisation,
        data={"title": "Mobility to Tbilisi", "kind": "mobility", "start_date": "2025-03-03",
              "end_date": "2025-03-04"},
    )  # fmt: skip
    assert found(network, "tbilisi") == [entry]
    entry_update(entry=entry, acting_user=coordinator, data={"title": "Mobility to Yerevan", "outcomes": "Joint plan"})
    assert found(network, "tbilisi") == []
    assert found(network, "yerevan joint") == [entry]
    assert found(network, "coordinating office") == [entry]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL only")
def test_postgresql_reads_the_gin_index(network, entry):
    with scopes_disabled():
        ActivityEntryFactory.create_batch(30, network=network)
    # The table is small: the planner is shown only the GIN index, to tell whether the query's expression is
    # the index's (otherwise it would have to read the table, seqscan or not).
    with connection.cursor() as cursor, scopes_disabled():
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        plan = matching(ActivityEntry.objects.all(), "guidance").explain()
    assert "Bitmap Index Scan on entry_search" in plan
