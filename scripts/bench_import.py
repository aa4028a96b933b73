#!/usr/bin/env python
"""Measure the activity log's spreadsheets at scale: validating a 5,000-row import file (the dry run),
importing it for real, and streaming the CSV export of 100,000 entries, with the process's memory.

    .venv/bin/python scripts/bench_import.py [--rows 5000] [--entries 100000] [--projects 50] [--keep]
        [--database-url postgres://postgres@127.0.0.1:5432/partnera_bench_exchange]

Creates its own PostgreSQL database (dropped afterwards unless --keep; a kept one is reused and only
topped up), migrates it, and builds one network with `--projects` projects (each with ten planned
activities, three sites, two target groups, five partners) and `--entries` approved entries spread over
them, each with a partner and a target group, bulk-written as the services shape them.

Then, through Django's test client as the network's coordinator (DEBUG off, in this process):
- import: a CSV of `--rows` rows naming projects, activities, kinds, sites, partners and target groups is
  posted to the import page (the dry run: every row checked by entry_create's rules, through
  projects.services.entries.entries_create, nothing written); the time is the whole request. Target: under
  30 s. Then the dry run is confirmed (the real import: the same checks, and the rows written in bulk with
  their history and audit entries); the entries it wrote are deleted again afterwards, so a kept database
  stays as built.
- export: GET activities/export.csv, reading the streamed response to the end; the time to the first
  row and in all, the rows, the bytes, and the resident memory (VmRSS) after 10 %, 50 % and 100 % of the
  rows, with the peak (resource.getrusage's ru_maxrss). Flat memory: the last two stay within a few MB
  of the first.
"""

import argparse
import csv
import io
import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from urllib.parse import urlsplit

from benchmarking import use_repository

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/partnera_bench_exchange"
SLUG = "bench-exchange"
COORDINATOR = "coordinator@bench-exchange.example.org"


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def configure(database_url):
    use_repository()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-not-secret",  # noqa: S105 (a throwaway process)
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "LOG_LEVEL": "WARNING",
            "CELERY_TASK_ALWAYS_EAGER": "true",
        }
    )
    os.environ.pop("REDIS_URL", None)
    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="bench-import-media-")
    import django

    django.setup()
    from django.conf import settings

    # DEBUG off (no query log growing with the rows) without collected static files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def create_database(database_url):
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return admin, name


def drop_database(admin, name):
    import psycopg

    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build(projects_count, entries_count):
    """The network, its projects and entries (only what is missing)."""
    from django_scopes import scope, scopes_disabled

    from members.models import Affiliation, Organisation, User
    from network.models import Membership, Network, Role
    from projects.models import Activity, ActivityEntry, Component, Project, ProjectPartner, Site, TargetGroup

    with scopes_disabled():
        network = Network.objects.filter(slug=SLUG).first()
    if network is None:
        network = Network.objects.create(name="Bench exchange network", slug=SLUG, acronym="BEX")
    user = User.objects.filter(email=COORDINATOR).first() or User.objects.create_user(
        email=COORDINATOR,
        password="bench-password-not-a-secret",  # noqa: S106
    )
    lead = Organisation.objects.filter(name="Bench lead organisation").first() or Organisation.objects.create(
        name="Bench lead organisation"
    )
    Affiliation.objects.get_or_create(user=user, organisation=lead, defaults={"is_admin": True})
    with scope(network=network):
        Membership.objects.get_or_create(
            network=network, organisation=lead, defaults={"role": Role.COORDINATOR, "status": "active"}
        )
        if not Project.objects.filter(network=network).exists():
            orgs = Organisation.objects.bulk_create([Organisation(name=f"Bench partner {i}") for i in range(100)])
            Membership.objects.bulk_create(
                [Membership(network=network, organisation=o, role=Role.MEMBER, status="active") for o in orgs]
            )
            for p in range(projects_count):
                project = Project.objects.create(network=network, title=f"Bench project {p}", slug=f"bench-{p}")
                row = {"network": network, "project": project}
                component = Component.objects.create(**row, position=1, kind="pillar", title="Pillar 1")
                Activity.objects.bulk_create(
                    [Activity(**row, component=component, position=a, code=f"1.{a}", title=f"Activity {a}")
                     for a in range(1, 11)]
                )  # fmt: skip
                Site.objects.bulk_create([Site(**row, position=s, name=f"School {s}") for s in range(1, 4)])
                TargetGroup.objects.bulk_create([TargetGroup(**row, position=g, name=f"Group {g}") for g in (1, 2)])
                ProjectPartner.objects.bulk_create(
                    [ProjectPartner(**row, organisation=orgs[(p * 5 + i) % len(orgs)], position=i, role="partner")
                     for i in range(5)]
                )  # fmt: skip
        have = ActivityEntry.objects.filter(network=network).count()
        if have < entries_count:
            projects = list(Project.objects.filter(network=network).order_by("pk"))
            activities = {}
            for activity in Activity.objects.filter(network=network):
                activities.setdefault(activity.project_id, []).append(activity)
            groups = {g.project_id: g for g in TargetGroup.objects.filter(network=network, position=1)}
            partners = {pp.project_id: pp.organisation_id for pp in ProjectPartner.objects.filter(network=network)}
            start, batch = date(2024, 1, 1), 5000
            for first in range(have, entries_count, batch):
                rows = []
                for i in range(first, min(first + batch, entries_count)):
                    project = projects[i % len(projects)]
                    day = start + timedelta(days=i % 900)
                    rows.append(ActivityEntry(
                        network=network, project=project, activity=activities[project.pk][i % 10], kind="training",
                        language="en", title=f"Bench training {i}", description="Two days with the school's staff.",
                        start_date=day, end_date=day, participants_total=20, women=11, men=9,
                        organisation_id=partners[project.pk], status="approved", created_by=user,
                    ))  # fmt: skip
                made = ActivityEntry.objects.bulk_create(rows)
                ActivityEntry.partners.through.objects.bulk_create(
                    [ActivityEntry.partners.through(activityentry_id=e.pk, organisation_id=e.organisation_id)
                     for e in made]
                )  # fmt: skip
                ActivityEntry.target_groups.through.objects.bulk_create(
                    [ActivityEntry.target_groups.through(activityentry_id=e.pk, targetgroup_id=groups[e.project_id].pk)
                     for e in made]
                )  # fmt: skip
    return network, user, lead


def import_file(network, rows):
    """A CSV of `rows` entries over the network's projects, every reference resolvable."""
    from django_scopes import scope

    from projects import entry_columns
    from projects.models import Project

    with scope(network=network):
        projects = list(Project.objects.filter(network=network).order_by("pk")[:10])
    header = ["project", "activity", "kind", "title", "start_date", "site", "participants_total", "women",
              "partners", "target_groups"]  # fmt: skip
    assert set(header) <= set(entry_columns.COLUMNS)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for i in range(rows):
        p = i % len(projects)
        writer.writerow([projects[p].slug, f"1.{i % 10 + 1} Activity", "Workshop", f"Imported workshop {i}",
                         (date(2025, 1, 1) + timedelta(days=i % 300)).isoformat(), "School 2", 15, 8,
                         "Bench lead organisation", "Group 1"])  # fmt: skip
    return buffer.getvalue().encode()


def bench_import(client, network, organisation, rows):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    content = import_file(network, rows)
    url = reverse("projects:entry_import", kwargs={"network_slug": network.slug})
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    client.get(url)  # warm up: templates, URL resolvers, translations
    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        response = client.post(url, {"file": SimpleUploadedFile("bench.csv", content), "organisation": organisation.pk})
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    result = response.context["result"] if response.context and "result" in response.context else None
    assert response.status_code == 200 and result is not None, response.status_code
    assert result.valid, [r.errors for r in result.rows if r.errors][:3]
    dry_run = elapsed, cpu, len(queries), len(result.rows), len(content)

    from django_scopes import scope

    from projects.models import ActivityEntry

    with scope(network=network):
        last = ActivityEntry.objects.filter(network=network).order_by("-pk").values_list("pk", flat=True).first()
    queries.clear()
    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        response = client.post(url, {"confirm": response.context["key"]})
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert response.status_code == 302, response.status_code
    with scope(network=network):
        saved = ActivityEntry.objects.filter(network=network, pk__gt=last or 0).count()
        assert saved == rows, (saved, rows)
        forget_imported(network, last or 0)
    return dry_run, (elapsed, cpu, len(queries), saved)


def forget_imported(network, last):
    """Delete the entries the real import wrote (ids above `last`), with their history and audit entries."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from portal.models import AuditEntry
    from projects.models import ActivityEntry

    with transaction.atomic():
        made = ActivityEntry.objects.filter(network=network, pk__gt=last)
        ActivityEntry.history.filter(network=network, id__gt=last).delete()
        AuditEntry._base_manager.filter(
            network_id=network.pk, content_type=ContentType.objects.get_for_model(ActivityEntry), object_id__gt=last
        ).delete()
        made.delete()


def bench_export(client, network, entries):
    from django.urls import reverse

    url = reverse("projects:entry_export_csv", kwargs={"network_slug": network.slug})
    checkpoints = {int(entries * f): f for f in (0.1, 0.5, 1.0)}
    pending = sorted(checkpoints)  # the response comes in pieces of many rows: noted as each is passed
    memory, lines, size, first = {}, -1, 0, None
    before = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    assert response.streaming
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\r\n")
        if first is None and lines >= 1:
            first = time.perf_counter() - started  # the first entry's row (after the header)
        while pending and lines >= pending[0]:
            memory[checkpoints[pending.pop(0)]] = rss_mb()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return elapsed, cpu, lines, size, before, memory, first or elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--projects", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the database for the next run")
    parser.add_argument("--only", choices=("import", "export"), help="measure one half only")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args()

    admin, name = create_database(args.database_url)
    configure(args.database_url)
    try:
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        network, user, lead = build(args.projects, args.entries)
        print(f"data: {args.entries:,} entries in {args.projects} projects ({time.perf_counter() - started:.1f} s)")
        setup_test_environment()  # the test client's response.context
        client = Client()
        client.force_login(user)

        if args.only != "export":
            measure_import(client, network, lead, args.rows)
        if args.only != "import":
            measure_export(client, network, args.entries)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(admin, name)
    return 0


def measure_import(client, network, lead, rows):
    (elapsed, cpu, queries, rows, size), (saved_in, saved_cpu, saved_queries, saved) = bench_import(
        client, network, lead, rows
    )
    verdict = "ok" if elapsed < 30 else "OVER THE 30 s TARGET"
    print(f"import dry run: {rows:,} rows ({size / 1024:.0f} KB CSV) validated in {elapsed:.1f} s "
          f"({elapsed / rows * 1000:.1f} ms a row; {cpu:.1f} s CPU in this process; {queries:,} queries, "
          f"{queries / rows:.1f} a row): {verdict}")  # fmt: skip
    verdict = "ok" if saved_in < 30 else "OVER 30 s"
    print(f"import: {saved:,} entries saved in {saved_in:.1f} s ({saved_in / saved * 1000:.1f} ms a row; "
          f"{saved_cpu:.1f} s CPU in this process; {saved_queries:,} queries): {verdict}")  # fmt: skip


def measure_export(client, network, entries):
    elapsed, cpu, lines, size, before, memory, first = bench_export(client, network, entries)
    points = ", ".join(f"{int(f * 100)} %: {mb:.0f} MB" for f, mb in sorted(memory.items()))
    print(f"CSV export: {lines:,} rows, {size / 1024 / 1024:.1f} MB in {elapsed:.1f} s, the first row after "
          f"{first * 1000:,.0f} ms ({lines / elapsed:,.0f} rows/s; {cpu:.1f} s CPU in this process)")  # fmt: skip
    print(f"memory (VmRSS): before {before:.0f} MB; {points}; peak RSS {peak_mb():.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
