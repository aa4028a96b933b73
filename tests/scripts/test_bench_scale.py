"""scripts/bench_scale.py keeps working: its builder writes rows the services would accept, and its table
has every page type and every API list. Measured in-process here (queries, sizes); the HTTP half needs
gunicorn on a database another process can open, which is the script's own run."""

import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import get_resolver
from django_scopes import scopes_disabled

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import bench_scale  # noqa: E402

pytestmark = pytest.mark.django_db

TINY = bench_scale.Sizes(
    networks=3, memberships=60, members=20, requests=2, projects=3, agreements=2, news=3, invitations=1,
    entries=120, entry_projects=2,
)  # fmt: skip

# What issue 7 asks the benchmark to cover, as (page, as whom).
PAGE_TYPES = [
    ("home", "anonymous"),
    ("home", "member"),
    ("network directory", "anonymous"),
    ("network page", "anonymous"),
    ("network page", "member"),
    ("workspace", "member"),
    ("manage members", "coordinator"),
    ("projects list", "member"),
    ("project page", "member"),
    ("partners editor", "coordinator"),
    ("agreements list", "member"),
    ("news list", "member"),
    ("organisation page", "anonymous"),
    ("audit log", "coordinator"),
    # Issue 9's activity log.
    ("activity log entry", "member"),
    ("activity log entry", "coordinator"),
]


def api_lists():
    """Every list endpoint under /api/v1/, from the URL resolver: a new viewset must join the benchmark."""
    api = get_resolver().namespace_dict["api"][1]
    return {f"api:{name}" for name in api.reverse_dict if isinstance(name, str) and name.endswith("-list")}


def test_the_table_has_every_page_type_and_api_list():
    data = bench_scale.build(TINY)
    cases = bench_scale.cases(data)
    rows = bench_scale.measure(cases, bench_scale.credentials(data), log=lambda line: None)
    table = bench_scale.table(rows)

    for page, persona in PAGE_TYPES:
        assert f"| {page} | {persona} |" in table
    assert api_lists() and api_lists() <= {case.url_name for case in cases}
    for row in rows:  # each row measured: a body sent, a signed-in page's queries counted (a visitor's public
        # page may come from the page cache, portal/pagecache.py, with none)
        assert row["gzip_kb"] > 0 and (row["queries"] > 0 or row["persona"] == "anonymous"), row


def test_a_page_that_does_not_answer_200_stops_the_run():
    data = bench_scale.build(TINY)
    missing = bench_scale.Case("project page", "member", "projects:detail",
                               {"network_slug": data.network_slug, "project_slug": "no-such-project"})  # fmt: skip
    with pytest.raises(bench_scale.BenchError, match="answered 404"):
        bench_scale.measure([missing], bench_scale.credentials(data), log=lambda line: None)


def test_the_data_is_what_the_services_would_write():
    from members.models import Organisation
    from network.models import Membership, Network, Role

    bench_scale.build(TINY)
    with scopes_disabled():
        for app in ("members", "network", "projects"):
            for model in apps.get_app_config(app).get_models():
                if not model.__name__.startswith("Historical"):
                    for row in model._base_manager.all():
                        row.full_clean()
        bench = Network.objects.get(slug=bench_scale.SLUG)
        statuses = set(Membership.objects.filter(network=bench).values_list("status", flat=True))
        active = Membership.objects.filter(network=bench, status=Membership.Status.ACTIVE)
        assert active.count() == TINY.members  # the founder's coordinator organisation among them
        assert Membership.objects.count() == TINY.memberships
        for network in Network.objects.all():  # founded by a coordinator organisation's admin
            founder = network.memberships.get(role=Role.COORDINATOR, requested_by=network.created_by)
            assert founder.organisation.affiliations.get(user=network.created_by).is_admin
        ours = Organisation.objects.filter(created_in_network_id=None)
        assert not ours.exclude(affiliations__is_admin=True).exists()  # every one has an admin
    assert {"requested", "active", "suspended"} <= statuses and statuses & {"left", "declined", "withdrawn"}


def test_the_signed_in_bare_view_reads_the_session_and_the_user_and_nothing_more(settings):
    # The signed-in pages' baseline: the two queries every signed-in page makes, and no others.
    settings.ROOT_URLCONF = "bench_urls"
    data = bench_scale.build(TINY)
    creds = bench_scale.credentials(data)
    assert bench_scale.in_process(bench_scale.BARE, creds)[0] == 0
    assert bench_scale.in_process(bench_scale.BARE_SIGNED_IN, creds)[0] == 2
    assert bench_scale.BARE_SIGNED_IN.persona != "anonymous"


def test_each_row_is_held_to_the_bare_view_of_its_own_caller_kind():
    anonymous = {"page": "network page", "persona": "anonymous", "queries": 5, "kb": 40, "gzip_kb": 8, "ratio": 6}
    signed_in = {**anonymous, "persona": "member", "ratio": 6, "ratio_signed_in": 4}
    assert bench_scale.over_targets(anonymous) == ["p50 6× bare > 5×"]
    assert bench_scale.over_targets(signed_in) == []
    assert bench_scale.over_targets({**signed_in, "ratio_signed_in": 5.5}) == ["p50 6× signed-in bare > 5×"]
    table = bench_scale.table([{**anonymous, "over": []}, {**signed_in, "over": []}])
    assert "| × bare | × signed-in bare |" in table
    assert "| 6.0 | – |" in table and "| 6.0 | 4.0 |" in table


@pytest.mark.django_db(transaction=True)  # VACUUM runs outside a transaction, as in the script's run
def test_the_tables_are_analyzed_and_vacuumed_before_they_are_timed():
    from django.db import connection

    bench_scale.build(TINY)
    bench_scale.analyze()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples, relallvisible FROM pg_class WHERE relname = 'network_membership'")
            tuples, all_visible = cursor.fetchone()
        assert tuples == TINY.memberships  # the planner knows the rows are there
        assert all_visible > 0  # vacuumed: an index-only scan need not visit the table's pages
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'network_membership'")
            assert cursor.fetchone()[0] > 0


def test_the_activity_log_is_spread_over_projects_statuses_and_three_years():
    from django.db.models import Count, Max, Min

    from network.models import Network
    from portal.models import AuditEntry
    from projects.models import ActivityEntry, ProjectPartner

    data = bench_scale.build(TINY)
    with scopes_disabled():
        bench = Network.objects.get(slug=bench_scale.SLUG)
        entries = ActivityEntry.objects.filter(network=bench)
        assert entries.count() == TINY.entries
        assert entries.exclude(project=None).values("project").distinct().count() == TINY.entry_projects
        assert entries.filter(project=None).exists()  # network-level work too
        statuses = dict(entries.values_list("status").annotate(n=Count("pk")))
        assert set(statuses) == set(ActivityEntry.Status.values)
        assert statuses["approved"] > TINY.entries / 2
        assert entries.filter(deleted_at__isnull=False).exists()
        dates = entries.aggregate(first=Min("start_date"), last=Max("start_date"))
        assert (dates["last"] - dates["first"]).days > 2 * 365
        # Planned activities, partners and target groups on a share, never all or none.
        for related in ("activity", "partners", "target_groups"):
            with_it = entries.filter(**{f"{related}__isnull": False}).distinct().count()
            assert 0 < with_it < TINY.entries, related
        # Logged by one of the project's partners (network-level: the coordinator's organisation).
        for entry in entries.exclude(project=None).select_related("organisation"):
            assert ProjectPartner.objects.filter(project=entry.project_id, organisation=entry.organisation).exists()
            assert entry.created_by.affiliations.filter(organisation=entry.organisation).exists()
        # Each transition has its audit entry.
        audit = AuditEntry.objects.filter(network=bench, action__startswith="entry.")
        assert audit.filter(action="entry.created").count() == TINY.entries
        assert audit.filter(action="entry.approved").count() == statuses["approved"]
        # The entry page's: approved, in the project page's project, with partners and target groups.
        sample = entries.get(pk=data.entry_id)
        assert sample.status == "approved" and sample.project.slug == data.project_slug
        assert sample.partners.exists() and sample.target_groups.exists()


def test_a_donor_funds_every_project_of_the_benchmark_network_and_those_of_two_others():
    from members.models import Organisation
    from projects.funders import funded_projects
    from projects.models import Project

    data = bench_scale.build(TINY)
    with scopes_disabled():
        donor = data.donor.affiliations.get().organisation
        assert donor.kind == Organisation.Kind.DONOR and data.donor.email == bench_scale.DONOR
        funded = funded_projects([donor.pk])
        bench = Project.objects.filter(network__slug=bench_scale.SLUG)
        assert set(bench.values_list("pk", flat=True)) <= set(funded.values_list("pk", flat=True))
        elsewhere = funded.exclude(network__slug=bench_scale.SLUG)
        assert elsewhere.count() == 2 * bench_scale.DONOR_ELSEWHERE  # each other network has two projects
        assert elsewhere.values("network").distinct().count() == bench_scale.DONOR_ELSEWHERE
        # Its person holds the view grant on each, and on nothing else.
        for project in Project.objects.all():
            assert data.donor.has_perm("projects.view_project", project) == funded.filter(pk=project.pk).exists()


def test_the_projects_with_entries_carry_computed_indicators_and_values_over_the_years():
    from django.db.models import Count

    from projects.models import ActivityEntry, Indicator, IndicatorValue

    bench_scale.build(TINY)
    with scopes_disabled():
        with_entries = set(ActivityEntry.objects.exclude(project=None).values_list("project", flat=True))
        computed = Indicator.objects.filter(source="log")
        assert set(computed.values_list("project", flat=True)) == with_entries
        assert computed.filter(measure="entries", activities__isnull=False).distinct().count() == len(with_entries)
        years = IndicatorValue.objects.filter(project__in=with_entries).values("indicator").annotate(n=Count("pk"))
        assert {row["n"] for row in years} == {4}  # the four years the log's three reach into
        # Exactly four in five approved in each hundred (the first hundred here), none of them deleted.
        first = ActivityEntry.objects.order_by("pk")[:100]
        assert sum(entry.status == "approved" for entry in first) == 80
        assert not ActivityEntry.objects.filter(status="approved", deleted_at__isnull=False).exists()
