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


# --- an organisation renamed (projects.search.organisation_saved, projects.tasks.refresh_organisation_documents)


def test_an_organisation_renamed_is_found_by_its_new_name(network, entry, django_capture_on_commit_callbacks):
    with scopes_disabled():
        elsewhere = ActivityEntryFactory(organisation=entry.organisation, title="Elsewhere")  # another network
        other = ActivityEntryFactory(network=network, title="Someone else's")
        organisation = entry.organisation
        with django_capture_on_commit_callbacks(execute=True) as jobs:
            organisation.name, organisation.acronym = "Ganja Regional Youth Hub", "GRYH"
            organisation.save()
    assert len([job for job in jobs if not getattr(job, "versions", False)]) == 2  # one job per network
    assert found(network, "hub") == [entry]
    assert found(network, "gryh") == [entry]
    assert found(network, "youth centre") == []
    with scopes_disabled():
        assert "ganja regional youth hub gryh" in ActivityEntry.objects.get(pk=elsewhere.pk).search_document
        assert "hub" not in ActivityEntry.objects.get(pk=other.pk).search_document


def test_a_save_that_keeps_the_names_queues_no_job(entry, django_capture_on_commit_callbacks):
    with scopes_disabled(), django_capture_on_commit_callbacks() as jobs:
        entry.organisation.city = "Ganja"
        entry.organisation.save()
        entry.organisation.save(update_fields=["city"])
    assert jobs == []


def test_a_record_merged_into_an_organisation_is_found_by_its_name(network, django_capture_on_commit_callbacks):
    """The admin (or an import) may have filed entries under a typed-in record: after the merge they are
    the real organisation's, and found by its name."""
    from projects.services.organisations import organisation_merge
    from tests.factories import UserFactory

    with scopes_disabled():
        record = OrganisationFactory(name="Ganja YC", acronym="", created_in_network_id=network.pk)
        into = OrganisationFactory(name="Ganja Youth Centre", acronym="GYC")
        logged = ActivityEntryFactory(network=network, organisation=record, title="Debate club")
        with django_capture_on_commit_callbacks(execute=True):
            organisation_merge(record=record, into=into, acting_user=UserFactory(is_staff=True))
    assert found(network, "gyc") == [logged]


def test_the_job_costs_the_same_queries_for_3_and_30_entries(network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from projects.tasks import refresh_organisation_documents

    counts = []
    for size in (3, 30):
        with scopes_disabled():
            organisation = OrganisationFactory(name=f"Centre {size}")
            ActivityEntryFactory.create_batch(size, network=network, organisation=organisation)
            organisation.name = f"Hub {size}"
            organisation.save()
        with CaptureQueriesContext(connection) as queries:
            refresh_organisation_documents.apply(kwargs={"network": network.pk, "organisation_id": organisation.pk})
        counts.append(len(queries))
        assert len(found(network, f"hub {size}")) == size
    assert counts[0] == counts[1]
