#!/usr/bin/env python
"""Time every page type and API list of a network at scale, behind gunicorn on PostgreSQL.

    .venv/bin/python scripts/bench_scale.py [--small] [--reuse] [--json out.json] [--check]
        [--runs 20 --clients 20 --rounds 3 --deadline 30 --timeout 120]
        [--networks 205 --memberships 10000 --members 2800 --requests 120 --projects 500 ...]

Builds the data set of issue 7 in its own PostgreSQL database (`partnera_bench`, created and dropped by
the script; `--reuse` keeps it for the next run, which then starts in seconds): one network of 2,800
active member organisations (plus pending requests, suspended and former members), 500 projects with
partners and logframes, agreements, news, invitations and their audit log, among 205 networks holding
10,000 memberships; issue 11's 200,000 approved activity log entries (among 250,000) in 50 of those
projects, which also carry indicators typed in and computed from the log; a donor organisation (its person
`donor@bench.example.org`) funding all 500 and the projects of two other networks. Rows are bulk-written
inside their network's scope, shaped as the services write them (founders' coordinator memberships,
organisation admins, verified e-mail addresses, history rows, audit entries, the donor's view grants).

Then, for every page type and API list, it prints a Markdown table of:
- queries: one request through Django's test client in this process (after a warm-up request);
- sequential p50/p95 over `--runs` requests over HTTP to gunicorn (2 workers, DEBUG off, CONN_MAX_AGE=60,
  gzip accepted), and that p50 over the bare view's (a trivial template through the same middleware,
  scripts/bench_urls.py), measured first in the same run; a signed-in caller's also over the signed-in bare
  view's (the same, reading the session and the user), which is the ratio its target reads;
- p50/p95 and requests per second with `--clients` concurrent clients, each sending `--rounds` requests;
- the page's size, raw and gzipped as sent.
Rows over the targets (p50 above 5× the bare view of the row's caller kind, over 100 KB gzipped) are
flagged; `--check` then exits 1.
A page that does not answer 200 stops the run with exit 2. Every measurement stops after `--deadline`
seconds whatever its count, each request after `--timeout`; it only talks to 127.0.0.1.
"""

import argparse
import contextlib
import dataclasses
import gzip
import http.client
import json
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from benchmarking import ROOT, percentile, timings, use_repository

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/partnera_bench"
PASSWORD = "bench-password-not-a-secret"  # noqa: S105 (a throwaway database)
BUILD_VERSION = 4  # bump when build() changes, so --reuse rebuilds older databases
SLUG = "bench"
COORDINATOR, MEMBER = "coordinator@bench.example.org", "member@bench.example.org"  # who signs in
DONOR = "donor@bench.example.org"  # a donor organisation's person (issue 11's portfolio and dashboards)
DONOR_ELSEWHERE = 2  # the other networks whose projects the donor funds too
TARGET_RATIO, TARGET_GZIP_KB = 5, 100
WORKERS = 2


class BenchError(Exception):
    """Something the run cannot go on with: a page that does not answer 200, a server that does not start."""


# --- sizes ------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Sizes:
    """The data set. The defaults are issue 7's: 205 networks, 10,000 memberships, one network of 2,800
    members and 500 projects. `members` counts the benchmark network's active memberships (its founder's
    among them); its pending `requests`, suspended (1 in 50) and former members (1 in 30, at least one of
    each) come on top, and the other networks share what is left of `memberships`."""

    networks: int = 205
    memberships: int = 10_000
    members: int = 2_800
    requests: int = 120
    projects: int = 500
    agreements: int = 60
    news: int = 200
    invitations: int = 20
    entries: int = 250_000  # activity log entries in the benchmark network, over 3 years: 4 in 5 approved
    entry_projects: int = 50  # the projects they are logged for (a few are network-level work)

    @property
    def suspended(self):
        return max(1, self.members // 50)

    @property
    def former(self):
        return max(1, self.members // 30)

    @property
    def bench_memberships(self):
        return self.members + self.requests + self.suspended + self.former


SMALL = Sizes(
    networks=5, memberships=200, members=60, requests=6, projects=12, agreements=4, news=8, invitations=3,
    entries=600, entry_projects=5,
)  # fmt: skip


# --- the environment ----------------------------------------------------------------------------------------


def environment(database_url):
    """The production profile (DEBUG off, a connection kept for a minute, no Redis: jobs in-process), the
    same for this process and gunicorn. Set whatever `.env` holds: settings read it for missing variables."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "scripts")]),
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "CSRF_TRUSTED_ORIGINS": "",
        "CONN_MAX_AGE": "60",
        "REDIS_URL": "",
        "EMAIL_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "TRUSTED_PROXY_COUNT": "0",
        "TRUSTED_CLIENT_IP_HEADER": "",
    }


def configure(database_url, **overrides):
    """Django set up on the benchmark's environment, with `overrides` (variables) on top."""
    use_repository()
    os.environ.update({**environment(database_url), **overrides})
    import django

    django.setup()


def _maintenance_connection(database_url):
    import psycopg

    parts = urlsplit(database_url)
    return psycopg.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password,
        dbname="postgres", autocommit=True,
    )  # fmt: skip


def _database_name(database_url):
    return urlsplit(database_url).path.lstrip("/")


def database_built_with(database_url):
    """The sizes the database was built with (its COMMENT), or None: missing, or left half-built."""
    with _maintenance_connection(database_url) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [_database_name(database_url)],
        ).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def create_database(database_url):
    from psycopg import sql

    name = sql.Identifier(_database_name(database_url))
    with _maintenance_connection(database_url) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def mark_database(database_url, sizes):
    from psycopg import sql

    comment = json.dumps({"version": BUILD_VERSION, **dataclasses.asdict(sizes)})
    with _maintenance_connection(database_url) as connection:
        connection.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(_database_name(database_url)), sql.Literal(comment)
            )
        )


def drop_database(database_url):
    from django.db import connections
    from psycopg import sql

    connections.close_all()
    with _maintenance_connection(database_url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(_database_name(database_url)))
        )


# --- the data set ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class BenchData:
    """What the pages are asked about: the network, one of its projects, agreements, posts, an organisation,
    and the people asking (a coordinator, a member; anonymous needs nobody)."""

    network_slug: str
    project_slug: str
    agreement_id: int
    news_id: int
    organisation_id: int
    coordinator: object
    member: object
    donor: object = None  # funds every project of the benchmark network and a few elsewhere
    entry_id: int = 0  # an approved entry of the project, with partners and target groups
    activity_id: int = 0  # a planned activity of the project, for the list's activity filter
    entry_organisation_id: int = 0  # the organisation that logged that entry, for the organisation filter


def _in_scope(rows):
    """Rows about to be bulk-written must belong to the networks of the active scope (the scope of the
    network they are written for, as for a service's caller)."""
    from django_scopes.state import get_scope

    allowed = get_scope().get("network")
    allowed = {n.pk for n in (allowed if isinstance(allowed, (list, tuple)) else [allowed])}
    assert all(row.network_id in allowed for row in rows), "a row of another network than the scope's"
    return rows


def _bulk(model, rows, *, history=False, tenant=True, user=None):
    """bulk_create in batches; `history` also writes the django-simple-history rows the services' saves
    would, `tenant` checks each row against the active scope."""
    from simple_history.utils import bulk_create_with_history

    if tenant:
        _in_scope(rows)
    if history:
        return bulk_create_with_history(rows, model, batch_size=2000, default_user=user)
    return model.objects.bulk_create(rows, batch_size=2000)


def _reserve_ids(model, count):
    """`count` ids of `model`'s table nobody else will take: its sequence moved past them on PostgreSQL, the
    ids after the largest on SQLite (which takes the largest explicit id as its next)."""
    from django.db import connection
    from django.db.models import Max

    if connection.vendor != "postgresql":
        first = (model._base_manager.aggregate(top=Max("pk"))["top"] or 0) + 1
        return range(first, first + count)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
        (sequence,) = cursor.fetchone()
        cursor.execute("SELECT nextval(%s)", [sequence])
        (first,) = cursor.fetchone()
        cursor.execute("SELECT setval(%s, %s)", [sequence, first + count - 1])
    return range(first, first + count)


def _insert(model, rows):
    """Write `rows` (dicts of column values: JSON as dicts or lists, the rest as the column takes it) into
    `model`'s table: COPY on PostgreSQL, bulk_create on SQLite. Nothing is validated or converted: the caller
    gives what the fields would store."""
    from django.db import connection

    if not rows:
        return
    columns = list(rows[0])
    if connection.vendor != "postgresql":
        model._base_manager.bulk_create([model(**row) for row in rows], batch_size=500)
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(v) if isinstance(v, (dict, list)) else v for v in row.values()])


class _Builder:
    """Writes the data set with bulk_create. Random but repeatable (a fixed seed)."""

    def __init__(self, sizes):
        from django.contrib.auth.hashers import make_password
        from django.utils import timezone

        self.sizes = sizes
        self.random = random.Random(7)
        self.now = timezone.now()
        self.password = make_password(PASSWORD)  # hashed once: the production hasher takes ~0.3 s a user
        self.audit = []  # (network, action, object, object_repr, before, after, user)
        self.org_count = 0
        self.statuses = self._status_deck()
        self.undecided = 0  # entries not approved so far: every tenth of them is deleted

    def _status_deck(self):
        """The entries' statuses, a shuffled ENTRY_STATUSES at a time; the first is approved (the entry page's
        entry), so that every hundred holds exactly as many approved entries as the list."""
        first = True
        while True:
            deck = list(self.ENTRY_STATUSES)
            self.random.shuffle(deck)
            if first:
                deck.insert(0, deck.pop(deck.index("approved")))
                first = False
            yield from deck

    # People and organisations (global rows, no scope) ------------------------------------------------------

    def organisations(self, count, prefix, *, email=None, full_name=None, kind=None):
        """`count` organisations (of `kind`, else any kind but donor), each administered by a person (a
        verified account); every third also has a colleague. Returns the organisations, each with `.admin`
        set."""
        from allauth.account.models import EmailAddress

        from members.models import Affiliation, Organisation, User

        kinds = [kind] if kind else [k for k in Organisation.Kind if k != Organisation.Kind.DONOR]
        orgs, admins, colleagues = [], [], {}
        for i in range(count):
            self.org_count += 1
            n = self.org_count
            orgs.append(Organisation(
                name=prefix if count == 1 else f"{prefix} {n}", acronym=f"O{n}", kind=self.random.choice(kinds),
                country=self.random.choice(["AM", "GE", "SI", "PL", "XK", "AL", "AZ"]), city=f"City {n % 40}",
                website=f"https://org{n}.example.org", description=f"Works on vocational education ({n}).",
            ))  # fmt: skip
            admins.append(User(email=email or f"admin@org{n}.bench.example.org", full_name=full_name or f"Admin {n}",
                               password=self.password))  # fmt: skip
            if n % 3 == 0:
                colleagues[i] = User(email=f"colleague@org{n}.bench.example.org", full_name=f"Colleague {n}",
                                     password=self.password)  # fmt: skip
        orgs = _bulk(Organisation, orgs, history=True, tenant=False)
        users = _bulk(User, admins + list(colleagues.values()), tenant=False)
        _bulk(EmailAddress, [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
              tenant=False)  # fmt: skip
        affiliations = [
            Affiliation(user=user, organisation=org, is_admin=True) for org, user in zip(orgs, admins, strict=True)
        ]
        affiliations += [Affiliation(user=user, organisation=orgs[i], is_admin=False) for i, user in colleagues.items()]
        _bulk(Affiliation, affiliations, history=True, tenant=False)
        for org, admin in zip(orgs, admins, strict=True):
            org.admin = admin
        return orgs

    def funders(self, network, count):
        """Donors a coordinator typed in as project funders: the network's own records, administered by nobody
        (projects.services.organisations)."""
        from members.models import Organisation

        return _bulk(Organisation, [
            Organisation(name=f"Donor {i}", kind=Organisation.Kind.DONOR, country="DE",
                         created_in_network_id=network.pk)
            for i in range(1, count + 1)
        ], history=True, tenant=False)  # fmt: skip

    # A network and its memberships (tenant rows, in the network's scope) ----------------------------------

    def network(self, index, founder, *, slug=None, name=None, private=False):
        from network.models import Network

        return Network(
            name=name or f"Network {index}", acronym=f"N{index}", slug=slug or f"network-{index}",
            countries=["AM", "GE"], language="en", languages=["en", "hy"],
            description={"en": f"A partnership of education organisations ({index}).",
                         "hy": f"Կրթական կազմակերպությունների գործընկերություն ({index})։"},
            founding_statement="Founded to improve vocational education.", founded_on=date(2020, 5, 1),
            founded_in="Yerevan", visibility=Network.Visibility.PRIVATE if private else Network.Visibility.PUBLIC,
            created_by=founder.admin,
        )  # fmt: skip

    def memberships(self, network, founder, others, *, requests, suspended, former, coordinators=1, member=None):
        """The founder's coordinator membership, then `others` (organisations): the first `requests` asking,
        then `suspended`, then `former` (left, declined or withdrawn), the rest active: `coordinators` - 1
        more coordinators, one in seven observers, members (`member`, the persona, among them)."""
        from network.models import Membership, Role

        status = Membership.Status
        plan = [status.REQUESTED] * requests + [status.SUSPENDED] * suspended
        plan += [(status.LEFT, status.DECLINED, status.WITHDRAWN)[i % 3] for i in range(former)]
        plan += [status.ACTIVE] * (len(others) - len(plan))
        rows = [self._membership(network, founder, status.ACTIVE, Role.COORDINATOR, founder.admin, days=1500)]
        active = 0
        for org, state in zip(others, plan, strict=True):
            days = self.random.randint(1, 1400)
            if state == status.REQUESTED:
                rows.append(self._membership(network, org, state, Role.MEMBER, None, days=days % 30))
                continue
            role = Role.OBSERVER if active % 7 == 6 else Role.MEMBER
            if state == status.ACTIVE:
                active += 1
                role = Role.COORDINATOR if active < coordinators else role
                role = Role.MEMBER if org is member else role
            rows.append(self._membership(network, org, state, role, founder.admin, days=days))
        return _bulk(Membership, rows, history=True, user=founder.admin)

    def _membership(self, network, org, state, role, coordinator, *, days):
        """A membership as the services leave it in `state`, with its audit entries."""
        from network.models import Membership

        status = Membership.Status
        asked = self.now - timedelta(days=days)
        row = Membership(network=network, organisation=org, status=state, role=role, requested_by=org.admin,
                         requested_at=asked, message="We would like to join." if days % 2 else "")  # fmt: skip
        row.audit = [("membership.requested", org.admin, {}, {"status": status.REQUESTED, "role": role})]
        decided = asked + timedelta(days=3)
        if state in (status.ACTIVE, status.SUSPENDED, status.LEFT):
            row.decided_by, row.decided_at, row.joined_at = coordinator, decided, decided
            row.audit.append(("membership.approved", coordinator, {"status": status.REQUESTED},
                              {"status": status.ACTIVE}))  # fmt: skip
        if state == status.SUSPENDED:
            row.decided_at, row.decision_reason = decided + timedelta(days=60), "Fees unpaid for two years."
            row.audit.append(("membership.suspended", coordinator, {"status": status.ACTIVE, "decision_reason": ""},
                              {"status": state, "decision_reason": row.decision_reason}))  # fmt: skip
        elif state == status.LEFT:
            row.ended_at = decided + timedelta(days=90)
            row.audit.append(("membership.left", org.admin, {"status": status.ACTIVE}, {"status": state}))
        elif state == status.DECLINED:
            row.decided_by, row.decided_at, row.decision_reason = coordinator, decided, "Outside the network's aims."
            row.audit.append(("membership.declined", coordinator, {"status": status.REQUESTED, "decision_reason": ""},
                              {"status": state, "decision_reason": row.decision_reason}))  # fmt: skip
        elif state == status.WITHDRAWN:
            row.ended_at = decided
            row.audit.append(("membership.withdrawn", org.admin, {"status": status.REQUESTED}, {"status": state}))
        if org.admin == coordinator and state == status.ACTIVE:  # the founder: network_create's membership
            row.requested_at, row.decided_by, row.message = decided, org.admin, ""
            row.audit = [("network.created", org.admin, None, {"name": network.name, "slug": network.slug,
                                                                "visibility": network.visibility,
                                                                "organisation": str(org)})]  # fmt: skip
        return row

    def objectives(self, network):
        from network.models import NetworkObjective

        kinds = NetworkObjective.Kind
        _bulk(NetworkObjective, [
            NetworkObjective(network=network, kind=kinds.OBJECTIVE if i < 4 else kinds.TASK, position=i,
                             text=f"Objective {i}: better vocational education")
            for i in range(6)
        ])  # fmt: skip

    def invitations(self, network, coordinator, count):
        from network.models import Invitation, Role

        _bulk(Invitation, [
            Invitation(network=network, email=f"invitee{i}@{network.slug}.bench.example.org", role=Role.MEMBER,
                       organisation_name=f"Invited school {i}", invited_by=coordinator.admin, sent_at=self.now)
            for i in range(count)
        ])  # fmt: skip

    # Projects, agreements, news ---------------------------------------------------------------------------

    def projects(self, network, count, members, coordinator, funders=()):
        """`count` projects, each led by a member with 1–6 partners, a funder when the network typed one in,
        and a small logframe (3 components × 3 activities, 2 results × 2 indicators with a value each)."""
        from projects import models as m

        statuses = list(m.Project.Status)
        projects = _bulk(m.Project, [
            m.Project(network=network, title=f"Project {i}: skills for the green economy", acronym=f"P{i}",
                      slug=f"project-{i}", programme="Erasmus+ Capacity Building in VET", reference=f"REF-{i}",
                      status=statuses[i % 3], visibility="private" if i % 7 == 6 else "public",
                      start_date=date(2023 + i % 4, 1 + i % 12, 1), end_date=date(2027 + i % 3, 12, 31),
                      budget_amount=Decimal(100_000 + 1_000 * i), budget_currency="EUR", countries=["AM", "GE"],
                      language="en", summary=f"What project {i} does, in a few sentences.")
            for i in range(1, count + 1)
        ], history=True, user=coordinator.admin)  # fmt: skip
        roles = [r for r in m.PartnerRole if r not in (m.PartnerRole.LEAD, m.PartnerRole.FUNDER)]
        partners, links, objectives, components, results, rest = [], [], [], [], [], []
        for project in projects:
            row = {"network": network, "project": project}
            chosen = self.random.sample(members, min(len(members), self.random.randint(2, 7)))
            project.bench_partners = chosen  # who logs its activities (bench entries)
            partners.append(m.ProjectPartner(**row, organisation=chosen[0], role=m.PartnerRole.LEAD, position=1))
            partners += [m.ProjectPartner(**row, organisation=org, role=roles[p % len(roles)], position=p + 2)
                         for p, org in enumerate(chosen[1:])]  # fmt: skip
            if funders:
                funder = funders[project.pk % len(funders)]
                partners.append(m.ProjectPartner(**row, organisation=funder, role=m.PartnerRole.FUNDER, position=9))
                links.append(m.FundingLink(**row, position=1, kind="funder", name=funder.name, organisation=funder))
            objectives += [m.Objective(**row, kind="overall", position=1, text="Overall objective")] + [
                m.Objective(**row, kind="specific", position=i, text=f"Specific objective {i}") for i in (1, 2)
            ]
            components += [m.Component(**row, position=c, kind="work_package", title=f"Work package {c}")
                           for c in (1, 2, 3)]  # fmt: skip
            results += [m.Result(**row, position=r, level="output", title=f"Result {r}") for r in (1, 2)]
            rest += [m.Need(**row, position=1, text="Schools lack teachers trained in green skills"),
                     m.TargetGroup(**row, position=1, name="VET teachers"),
                     m.Site(**row, position=1, name="VET college", city="Gyumri", country="AM")]  # fmt: skip
            self.audit.append((network, "project.created", project, str(project), None,
                               {"title": str(project.title), "slug": project.slug, "status": project.status,
                                "visibility": project.visibility}, coordinator.admin))  # fmt: skip
        for model, rows in ((m.ProjectPartner, partners), (m.FundingLink, links), (m.Objective, objectives)):
            _bulk(model, rows)
        components = _bulk(m.Component, components)
        results = _bulk(m.Result, results)
        _bulk(m.Activity, [m.Activity(network=network, project_id=c.project_id, component=c, position=a,
                                      code=f"{c.position}.{a}", title=f"Activity {c.position}.{a}")
                           for c in components for a in (1, 2, 3)])  # fmt: skip
        indicators = _bulk(m.Indicator, [
            m.Indicator(network=network, project_id=r.project_id, result=r, position=2 * r.position + i - 2,
                        name=f"Indicator {r.position}.{i}", unit="schools", baseline=Decimal(0), target=Decimal(7))
            for r in results for i in (1, 2)
        ])  # fmt: skip
        _bulk(m.IndicatorValue, [
            m.IndicatorValue(network=network, project_id=ind.project_id, indicator=ind, period_start=date(2025, 1, 1),
                             period_end=date(2025, 12, 31), value=Decimal(3), position=1)
            for ind in indicators
        ])  # fmt: skip
        for model in (m.Need, m.TargetGroup, m.Site):
            _bulk(model, [row for row in rest if isinstance(row, model)])
        return projects

    def donor(self, funded):
        """Issue 11's donor: an organisation of the donor kind whose person (DONOR) follows the projects it
        funds, `funded` ({network: projects}): in the benchmark network as a partner with the funder role,
        elsewhere as the organisation of a link of the funding chain (the two ways projects.funders counts).
        Its person holds the view grant on each project (django-guardian `projects.view_project`), as the
        grants of a recorded funder give it. Call it in the scope of every network of `funded`."""
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType
        from guardian.models import UserObjectPermission

        from members.models import Organisation
        from projects import models as m

        (donor,) = self.organisations(1, "Bench Donor Agency", email=DONOR, full_name="Donor Officer",
                                      kind=Organisation.Kind.DONOR)  # fmt: skip
        partners, links, grants = [], [], []
        project_type = ContentType.objects.get_for_model(m.Project)
        view = Permission.objects.get(content_type=project_type, codename="view_project")
        for network, projects in funded.items():
            for project in projects:
                row = {"network": network, "project": project, "organisation": donor}
                if network.slug == SLUG:
                    partners.append(m.ProjectPartner(**row, role=m.PartnerRole.FUNDER, position=10))
                else:
                    links.append(m.FundingLink(**row, position=1, kind=m.FundingLink.Kind.FUNDER, name=donor.name))
                grants.append(UserObjectPermission(user=donor.admin, permission=view, content_type=project_type,
                                                   object_pk=str(project.pk)))  # fmt: skip
        _bulk(m.ProjectPartner, partners)
        _bulk(m.FundingLink, links)
        _bulk(UserObjectPermission, grants, tenant=False)
        return donor

    def log_indicators(self, network, projects):
        """On the projects that carry the activity log's entries: three indicators computed from it (the
        participants of trainings, the women among all participants, the entries of work package 1's
        activities), and the typed ones' values for the other years the log covers."""
        from projects import models as m

        today = self.now.date()
        results = {r.project_id: r for r in m.Result.objects.filter(network=network, project__in=projects, position=1)}
        first_package = {}
        for activity in m.Activity.objects.filter(network=network, project__in=projects, component__position=1):
            first_package.setdefault(activity.project_id, []).append(activity)
        computed = []
        for project in projects:
            row = {"network": network, "project": project, "result": results[project.pk], "source": "log",
                   "baseline": Decimal(0)}  # fmt: skip
            computed += [
                m.Indicator(**row, position=5, name="People trained", unit="people", measure="participants",
                            entry_kind="training", target=Decimal(20_000)),
                m.Indicator(**row, position=6, name="Women taking part", unit="people", measure="participants",
                            breakdown="women", target=Decimal(30_000)),
                m.Indicator(**row, position=7, name="Work package 1 activities held", unit="entries",
                            measure="entries", target=Decimal(1_500)),
            ]  # fmt: skip
        computed = _bulk(m.Indicator, computed)
        m.Indicator.activities.through.objects.bulk_create([
            m.Indicator.activities.through(indicator_id=indicator.pk, activity_id=activity.pk)
            for indicator in computed if indicator.measure == "entries"
            for activity in first_package[indicator.project_id]
        ])  # fmt: skip
        typed = m.Indicator.objects.filter(network=network, project__in=projects, source="typed")
        years = [year for year in range(today.year - 3, today.year + 1) if year != 2025]  # 2025's: projects()
        _bulk(m.IndicatorValue, [
            m.IndicatorValue(network=network, project_id=indicator.project_id, indicator=indicator,
                             period_start=date(year, 1, 1), period_end=date(year, 12, 31),
                             value=Decimal(1 + (year - today.year + 3) * 2), position=1)
            for indicator in typed for year in years
        ])  # fmt: skip

    # The activity log -------------------------------------------------------------------------------------

    ENTRY_TOPICS = (
        "green skills", "career guidance", "work-based learning", "digital teaching", "inclusive education",
        "apprenticeships", "teacher training", "quality assurance", "entrepreneurship", "adult learning",
        "mobility management", "recognition of prior learning",
    )  # fmt: skip
    ENTRY_TITLES = {
        "training": "Training on {} for VET teachers", "workshop": "Workshop on {}",
        "conference": "Regional conference on {}", "meeting": "Partner meeting on {}",
        "study_or_survey": "Survey of schools on {}", "campaign_action": "Open day: {}",
        "mobility": "Study visit on {}", "advocacy_meeting": "Meeting with the ministry on {}",
        "other": "Equipment handover for {}",
    }  # fmt: skip
    # Kinds as often as partners log them, and the statuses of a log three years old: most approved. Dealt
    # from a shuffled deck (_status_deck), so each hundred entries holds exactly 80 approved ones.
    ENTRY_KINDS = ["training"] * 5 + ["workshop"] * 4 + ["meeting"] * 4 + ["conference", "study_or_survey",
                   "campaign_action", "campaign_action", "mobility", "advocacy_meeting", "other"]  # fmt: skip
    ENTRY_STATUSES = ["approved"] * 80 + ["submitted"] * 8 + ["draft"] * 8 + ["returned"] * 4
    ENTRY_BATCH = 10_000
    RETURNED_REASON = "Please add the participants by age and the attendance list."
    WORKFLOW_COLUMNS = ("submitted_at", "submitted_by_id", "approved_at", "approved_by_id", "returned_at",
                        "returned_by_id", "approved_notified_at", "returned_notified_at")  # fmt: skip

    def entries(self, network, projects, coordinator, count):
        """`count` activity log entries in `network`, as projects.services.entries leaves them: 19 in 20 for
        `projects` (logged by one of the project's partners, most for a planned activity, half at its site),
        the rest network-level work by the coordinator's organisation; dated over the three years before
        today; a realistic status mix (approved by a coordinator, submitted, drafts, returned with a reason;
        one in ten of those not approved deleted, so one in fifty in all, and exactly four in five of each
        hundred approved: 200,000 live approved entries among the default 250,000); sex and age breakdowns
        that add up; partners on a third, target groups on two in five. Each transition has its audit entry,
        each entry its history row.

        At this size model instances and Django's INSERT compilation cost minutes, so the rows are plain
        values written in batches (ENTRY_BATCH) with `_insert` (COPY on PostgreSQL), memory staying flat.
        tests/scripts/test_bench_scale.py checks them with full_clean. Returns the id of an approved entry of
        `projects[0]` with partners and target groups (the entry page's)."""
        from django.contrib.contenttypes.models import ContentType

        from portal.models import AuditEntry
        from portal.texts import MultilingualText
        from projects import models as m

        rnd, entry_type = self.random, ContentType.objects.get_for_model(m.ActivityEntry)
        activities, sites, groups = {}, {}, {}
        for a in m.Activity.objects.filter(network=network, project__in=projects).order_by("pk"):
            activities.setdefault(a.project_id, []).append(a.pk)
        for site in m.Site.objects.filter(network=network, project__in=projects):
            sites[site.project_id] = site.pk
        for group in m.TargetGroup.objects.filter(network=network, project__in=projects):
            groups.setdefault(group.project_id, []).append(group.pk)
        texts, documents = {}, {}  # each distinct text and search document once
        searched = any(f.name == "search_document" for f in m.ActivityEntry._meta.concrete_fields)
        kept = {f.attname for f in m.ActivityEntry.history.model._meta.concrete_fields}  # history's columns

        def document(row, organisation):
            """The search document the services store (projects.search, where the list's search exists)."""
            from projects.search import entry_document

            key = (str(row["title"]), str(row["description"]), str(row["outcomes"]), organisation.pk)
            if key not in documents:
                documents[key] = entry_document(m.ActivityEntry(
                    title=row["title"], description=row["description"], outcomes=row["outcomes"],
                    organisation=organisation))  # fmt: skip
            return documents[key]

        def text(value):
            if value not in texts:
                texts[value] = MultilingualText.coerce(value, language="en").as_json() if value else {}
            return texts[value]

        first_day = self.now.date() - timedelta(days=3 * 365)
        sample = 0
        created = {"history_date": self.now, "history_change_reason": None, "history_type": "+",
                   "history_user_id": coordinator.admin.pk}  # fmt: skip
        for offset in range(0, count, self.ENTRY_BATCH):
            size = min(count, offset + self.ENTRY_BATCH) - offset
            ids = _reserve_ids(m.ActivityEntry, size)
            rows, history, partners, reached, audit = [], [], [], [], []
            for pk, i in zip(ids, range(offset, offset + size), strict=True):
                project = projects[i % len(projects)] if i % 20 != 19 else None  # 1 in 20 network-level
                row, steps = self._entry(network, project, coordinator, activities, sites, first_day, text)
                row["id"] = pk
                if i == 0:  # the entry page's: approved, with partners and target groups
                    row.update(status="approved", deleted_at=None)
                    steps = self._decide(row, steps[0][1], coordinator.admin)
                    sample = pk
                if searched:
                    row["search_document"] = document(row, row.pop("organisation"))
                else:
                    row.pop("organisation")
                rows.append(row)
                history.append({**{k: v for k, v in row.items() if k in kept}, **created})
                if project and (i == 0 or rnd.random() < 1 / 3):
                    chosen = rnd.sample(project.bench_partners, min(2, len(project.bench_partners)))
                    partners += [{"activityentry_id": pk, "organisation_id": o.pk} for o in chosen]
                if project and groups.get(project.pk) and (i == 0 or rnd.random() < 0.4):
                    reached += [{"activityentry_id": pk, "targetgroup_id": g} for g in groups[project.pk]]
                title = str(row["title"]["en"]["text"])
                audit += [{"network_id": network.pk, "acting_user_id": user.pk, "actor_label": str(user),
                           "action": action, "content_type_id": entry_type.pk, "object_id": pk, "object_repr": title,
                           "before": before, "after": after, "created_at": self.now}
                          for action, user, before, after in steps]  # fmt: skip
            assert all(row["network_id"] == network.pk for row in rows), "a row of another network"
            _insert(m.ActivityEntry, rows)
            _insert(m.ActivityEntry.history.model, history)
            _insert(m.ActivityEntry.partners.through, partners)
            _insert(m.ActivityEntry.target_groups.through, reached)
            _insert(AuditEntry, audit)
        return sample

    def _entry(self, network, project, coordinator, activities, sites, first_day, text):
        """One entry's column values and the (action, user, before, after) of the services that wrote it."""
        rnd = self.random
        kind = rnd.choice(self.ENTRY_KINDS)
        start = first_day + timedelta(days=rnd.randrange(3 * 365))
        end = start + timedelta(days=rnd.choice((0, 0, 0, 0, 1, 2, 4)))
        logger = rnd.choice(project.bench_partners) if project else coordinator
        total = 0 if kind == "campaign_action" and rnd.random() < 0.3 else rnd.randint(3, 60)
        women = rnd.randint(0, total)
        other = rnd.randint(0, total - women) if rnd.random() < 0.1 else 0
        under_18 = rnd.randint(0, total) if kind == "campaign_action" else 0
        age_18_29 = rnd.randint(0, total - under_18)
        age_30_64 = rnd.randint(0, total - under_18 - age_18_29)
        on_site = project is not None and rnd.random() < 0.5
        topic = rnd.choice(self.ENTRY_TOPICS)
        row = {
            "network_id": network.pk, "project_id": project.pk if project else None, "kind": kind, "language": "en",
            "activity_id": rnd.choice(activities[project.pk]) if project and rnd.random() < 0.85 else None,
            "title": text(self.ENTRY_TITLES[kind].format(topic)), "start_date": start, "end_date": end,
            "description": text(f"What was done on {topic}, with whom, and what the participants took away."),
            "outcomes": text("A short note on the outcomes." if rnd.random() < 0.3 else ""),
            "site_id": sites.get(project.pk) if on_site else None,
            "place": "" if on_site else f"City {rnd.randrange(40)}",
            "country": "" if on_site else rnd.choice(["AM", "GE", "AZ"]),
            "participants_total": total, "women": women, "men": total - women - other, "other_or_not_given": other,
            "under_18": under_18, "age_18_29": age_18_29, "age_30_64": age_30_64, "age_65_plus": 0,
            "age_not_given": total - under_18 - age_18_29 - age_30_64,
            "with_disabilities": rnd.randint(0, min(3, total)) if rnd.random() < 0.15 else 0,
            "links": ["https://example.org/report.pdf"] if rnd.random() < 0.1 else [],
            "status": next(self.statuses), "organisation_id": logger.pk, "created_by_id": logger.admin.pk,
            "organisation": logger,  # not a column: for the search document
            "deleted_at": None, "created_at": self.now, "updated_at": self.now,
        }  # fmt: skip
        steps = self._decide(row, logger.admin, coordinator.admin)
        self.undecided += row["status"] != "approved"
        if row["status"] != "approved" and self.undecided % 10 == 0:
            row["deleted_at"] = self.now - timedelta(days=rnd.randrange(30))
            steps.append(("entry.deleted", coordinator.admin, {"deleted": False}, {"deleted": True}))
        return row, steps

    def _decide(self, row, submitter, reviewer):
        """Set the workflow columns the services leave for row["status"]; returns their audit steps (the first
        is the creation, by `submitter`)."""
        logged = datetime.combine(row["end_date"], datetime.min.time(), tzinfo=self.now.tzinfo) + timedelta(days=2)
        steps = [("entry.created", submitter, {}, {"kind": row["kind"], "start_date": row["start_date"].isoformat(),
                                                   "participants_total": row["participants_total"]})]  # fmt: skip
        row.update(dict.fromkeys(self.WORKFLOW_COLUMNS), returned_reason="")
        if row["status"] == "draft":
            return steps
        row.update(submitted_at=logged, submitted_by_id=submitter.pk)
        steps.append(("entry.submitted", submitter, {"status": "draft"}, {"status": "submitted"}))
        decided = logged + timedelta(days=3)
        if row["status"] == "approved":
            row.update(approved_at=decided, approved_by_id=reviewer.pk, approved_notified_at=decided)
            steps.append(("entry.approved", reviewer, {"status": "submitted"}, {"status": "approved"}))
        elif row["status"] == "returned":
            row.update(returned_at=decided, returned_by_id=reviewer.pk, returned_notified_at=decided,
                       returned_reason=self.RETURNED_REASON)  # fmt: skip
            steps.append(("entry.returned", reviewer, {"status": "submitted", "returned_reason": ""},
                          {"status": "returned", "returned_reason": self.RETURNED_REASON}))  # fmt: skip
        return steps

    def agreements(self, network, count, members, coordinator):
        from network import models as m

        agreements = _bulk(m.PartnershipAgreement, [
            m.PartnershipAgreement(
                network=network, language="en", title=f"Agreement on practical training {i}",
                purpose="To place students in companies for their practical training.",
                framework="Erasmus+ Capacity Building in VET", signed_on=date(2022, 1, 1) + timedelta(days=11 * i),
                signed_in="Yerevan", valid_until=date(2026, 1, 1) + timedelta(days=17 * i) if i % 4 else None,
                visibility="members" if i % 5 == 4 else "public", created_by=coordinator.admin)
            for i in range(count)
        ], history=True, user=coordinator.admin)  # fmt: skip
        parties, signatories, areas = [], [], []
        for agreement in agreements:
            row = {"network": network, "agreement": agreement}
            chosen = self.random.sample(members, min(len(members), self.random.randint(2, 5)))
            parties += [m.AgreementParty(**row, organisation=org, role="Lead" if p == 0 else "Partner", position=p)
                        for p, org in enumerate(chosen)]  # fmt: skip
            signatories += [m.AgreementSignatory(**row, name=f"Signatory {p}", title="Director", organisation=org,
                                                 position=p) for p, org in enumerate(chosen[:2])]  # fmt: skip
            areas += [m.AgreementArea(**row, number=n, text=f"Area of cooperation {n}") for n in (1, 2, 3)]
            self.audit.append((network, "agreement.created", agreement, str(agreement), None,
                               {"title": str(agreement.title), "parties": [str(o) for o in chosen]},
                               coordinator.admin))  # fmt: skip
        _bulk(m.AgreementParty, parties)
        _bulk(m.AgreementSignatory, signatories)
        _bulk(m.AgreementArea, areas)
        return agreements

    def news(self, network, count, agreements, coordinator):
        from network.models import NewsPost

        posts = _bulk(NewsPost, [
            NewsPost(network=network, language="en", title=f"News {i}: a new partner school",
                     published_on=self.now.date() - timedelta(days=3 * i),
                     body="First paragraph of the news.\n\nSecond paragraph, with the details.",
                     agreement=agreements[i % len(agreements)] if agreements and i % 4 == 0 else None,
                     visibility="members" if i % 5 == 4 else "public", created_by=coordinator.admin)
            for i in range(count)
        ], history=True, user=coordinator.admin)  # fmt: skip
        for post in posts:
            self.audit.append((network, "news.created", post, str(post), None, {"title": str(post.title)},
                               coordinator.admin))  # fmt: skip
        return posts

    def write_audit(self, memberships, networks):
        """The audit entries the services would have written, in their networks' scope."""
        from django.contrib.contenttypes.models import ContentType
        from django_scopes import scope

        from network.models import Membership
        from portal import audit
        from portal.models import AuditEntry

        registered = audit.action_labels()
        membership_type = ContentType.objects.get_for_model(Membership)
        network_type = ContentType.objects.get_for_model(networks[0])
        entries = []
        for row in memberships:
            for action, user, before, after in row.audit:
                created = action == "network.created"
                entries.append(AuditEntry(
                    network_id=row.network_id, acting_user=user, actor_label=str(user), action=action,
                    content_type=network_type if created else membership_type,
                    object_id=row.network_id if created else row.pk,
                    object_repr=after["name"] if created else str(row.organisation),
                    before=before or {}, after=after,
                ))  # fmt: skip
        for network, action, obj, label, before, after, user in self.audit:
            entries.append(AuditEntry(network=network, acting_user=user, actor_label=str(user), action=action,
                                      content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
                                      object_repr=label[:255], before=before or {}, after=after))  # fmt: skip
        unknown = {e.action for e in entries} - set(registered)
        assert not unknown, f"audit actions nobody registered: {unknown}"
        with scope(network=list(networks)):
            _bulk(AuditEntry, entries)


def build(sizes):
    """Write the data set; returns the BenchData the pages are asked about."""
    from django.db import transaction
    from django_scopes import scope

    from members.models import User
    from network.models import Network

    others = sizes.networks - 1
    left = sizes.memberships - sizes.bench_memberships - others  # each other network has its founder
    if others < 0 or left < 0:
        raise BenchError(f"{sizes.memberships} memberships cannot hold the benchmark network's "
                         f"{sizes.bench_memberships} and a founder for each of {others} other networks")  # fmt: skip
    b = _Builder(sizes)
    with transaction.atomic():
        (coordinator,) = b.organisations(1, "Bench Coordination Centre", email=COORDINATOR, full_name="Coordinator")
        (member,) = b.organisations(1, "Bench Member School", email=MEMBER, full_name="Bench Member")
        joiners = b.organisations(sizes.bench_memberships - 2, "Member organisation")
        bench = b.network(0, coordinator, slug=SLUG, name="Bench Partnership for Vocational Education")
        others_in_bench = joiners + [member]  # last: among the active members
        founders = b.organisations(others, "Founding organisation")
        networks = _bulk(
            Network, [bench] + [b.network(i, f, private=i % 10 == 0) for i, f in enumerate(founders, 1)],
            history=True, tenant=False,
        )  # fmt: skip
        bench = networks[0]
        with scope(network=bench):
            memberships = b.memberships(bench, coordinator, others_in_bench, requests=sizes.requests,
                                        suspended=sizes.suspended, former=sizes.former, coordinators=3,
                                        member=member)  # fmt: skip
            active = [m.organisation for m in memberships if m.status == "active"]
            b.objectives(bench)
            b.invitations(bench, coordinator, sizes.invitations)
            funders = b.funders(bench, min(10, sizes.projects))
            projects = b.projects(bench, sizes.projects, active, coordinator, funders)
            agreements = b.agreements(bench, sizes.agreements, active, coordinator)
            posts = b.news(bench, sizes.news, agreements, coordinator)
            entry_id = (
                b.entries(bench, projects[: sizes.entry_projects], coordinator, sizes.entries) if sizes.entries else 0
            )
            b.log_indicators(bench, projects[: sizes.entry_projects])
        # The other networks: what is left of the memberships, a quarter of them organisations that are in
        # the benchmark network too (organisations are global), two projects and a post each.
        shares = [left // others + (1 if i < left % others else 0) for i in range(others)] if others else []
        pool = [m.organisation for m in memberships[1:]]
        funded = {bench: projects}  # the donor's
        fresh = iter(b.organisations(sum(share - min(len(pool), share // 4) for share in shares), "Organisation"))
        with scope(network=networks[1:]):
            for network, founder, share in zip(networks[1:], founders, shares, strict=True):
                reused = b.random.sample(pool, min(len(pool), share // 4))
                orgs = reused + [next(fresh) for _ in range(share - len(reused))]
                rows = b.memberships(network, founder, orgs, requests=share // 20, suspended=share // 50,
                                     former=share // 30)  # fmt: skip
                memberships += rows
                elsewhere = b.projects(network, 2, [m.organisation for m in rows if m.status == "active"], founder)
                if len(funded) <= DONOR_ELSEWHERE:
                    funded[network] = elsewhere
                b.news(network, 1, [], founder)
        with scope(network=list(funded)):
            b.donor(funded)
        b.write_audit(memberships, networks)
        data = BenchData(
            network_slug=SLUG, project_slug=projects[0].slug, agreement_id=agreements[0].pk if agreements else 0,
            news_id=posts[0].pk if posts else 0, organisation_id=coordinator.pk,
            coordinator=coordinator.admin, member=member.admin, donor=User.objects.get(email=DONOR),
            **_entry_data(projects[0].pk, entry_id),
        )  # fmt: skip
    return data


def _entry_data(project_id, entry_id):
    """The ids the activity log's rows ask about: the entry page's entry, a planned activity of its project
    and the organisation that logged it ."""
    from projects.models import Activity, ActivityEntry

    entry = ActivityEntry._base_manager.filter(pk=entry_id).first()  # ids of the bench network's rows
    activity = Activity._base_manager.filter(project_id=project_id).order_by("pk").first()
    return {"entry_id": entry_id, "activity_id": activity.pk if activity else 0,
            "entry_organisation_id": entry.organisation_id if entry else 0}  # fmt: skip


def analyze():
    """Leave the tables as production's autovacuum keeps them: right after a bulk write (or on a server
    running without autovacuum, as a test machine may) the planner still plans for empty tables, and picks
    sequential scans and hash joins a deployment would not (ANALYZE); and no page is marked all-visible, so
    a COUNT or a filter the index answers still reads every row from the table (VACUUM). Quick on a
    database vacuumed before (--reuse)."""
    from django.db import connection

    with connection.cursor() as cursor:  # autocommit: VACUUM cannot run inside a transaction
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def load():
    """The BenchData of a database built before (--reuse)."""
    from django_scopes import scope

    from members.models import User
    from network.models import Network, NewsPost, PartnershipAgreement
    from projects.models import ActivityEntry, Project

    network = Network.objects.get(slug=SLUG)
    coordinator = User.objects.get(email=COORDINATOR)
    with scope(network=network):
        agreement = PartnershipAgreement.objects.order_by("pk").first()
        post = NewsPost.objects.order_by("pk").first()
        entry = ActivityEntry.objects.filter(network=network).order_by("pk").first()
        project = Project.objects.order_by("pk").first()
        return BenchData(
            network_slug=SLUG, project_slug=project.slug,
            agreement_id=agreement.pk if agreement else 0, news_id=post.pk if post else 0,
            organisation_id=coordinator.affiliations.get().organisation_id, coordinator=coordinator,
            member=User.objects.get(email=MEMBER), donor=User.objects.get(email=DONOR),
            **_entry_data(project.pk, entry.pk if entry else 0),
        )  # fmt: skip


# --- what is measured ---------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Case:
    label: str
    persona: str  # anonymous, member or coordinator (pages: its session; the API: its token)
    url_name: str
    kwargs: dict
    query: str = ""  # a list's filters, "kind=training"

    @property
    def path(self):
        from django.urls import reverse

        return reverse(self.url_name, kwargs=self.kwargs) + (f"?{self.query}" if self.query else "")


def cases(data):
    """Every page type and every API list, each as the person who would read it."""
    net = {"network_slug": data.network_slug}
    project = {**net, "project_slug": data.project_slug}
    return [
        Case("home", "anonymous", "home", {}),
        Case("home", "member", "home", {}),
        Case("network directory", "anonymous", "network:directory", {}),
        Case("network page", "anonymous", "network:detail", net),
        Case("network page", "member", "network:detail", net),
        Case("workspace", "member", "network:workspace", net),
        Case("manage members", "coordinator", "network:manage_members", net),
        Case("projects list", "member", "projects:list", net),
        Case("project page", "member", "projects:detail", project),
        Case("partners editor", "coordinator", "projects:edit_page", {**project, "page": "partners"}),
        Case("agreements list", "member", "network:agreements", net),
        Case("agreement page", "member", "network:agreement", {**net, "agreement_id": data.agreement_id}),
        Case("news list", "member", "network:news", net),
        Case("news post", "member", "network:news_post", {**net, "post_id": data.news_id}),
        Case("organisation page", "anonymous", "members:organisation", {"pk": data.organisation_id}),
        Case("audit log", "coordinator", "network:audit_log", net),
        *activity_log_cases(data),
        Case("API: networks", "member", "api:network-list", {}),
        Case("API: members", "member", "api:member-list", net),
        Case("API: membership requests", "coordinator", "api:membership-request-list", net),
        Case("API: activity log", "member", "api:entry-list", net),
    ]


def activity_log_cases(data):
    """Issue 9's pages: the list with each of its filters (projects.forms.EntryFilterForm), the month calendar,
    the coordinators' queue, an entry's page. The dates: the last year of the three the entries cover. Pages
    still being built (their URL name not routed yet) are left out until they are (`routed`)."""
    from django.utils import timezone

    net = {"network_slug": data.network_slug}
    today = timezone.localdate()
    last_month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    year_ago = today.replace(year=today.year - 1).isoformat()
    entry = {**net, "entry_id": data.entry_id}
    found = [
        Case("activity log", "member", "projects:entries", net),
        Case("activity log", "coordinator", "projects:entries", net),
        Case("activity log: project", "member", "projects:entries", net, f"project={data.project_slug}"),
        Case("activity log: planned activity", "member", "projects:entries", net,
             f"project={data.project_slug}&activity={data.activity_id}"),
        Case("activity log: kind", "member", "projects:entries", net, "kind=training"),
        Case("activity log: status", "coordinator", "projects:entries", net, "status=submitted"),
        Case("activity log: organisation", "member", "projects:entries", net,
             f"organisation={data.entry_organisation_id}"),
        Case("activity log: dates", "member", "projects:entries", net, f"from={year_ago}&to={today.isoformat()}"),
        Case("activity log: search", "member", "projects:entries", net, "q=career+guidance"),
        Case("activity log: every filter", "coordinator", "projects:entries", net,
             f"project={data.project_slug}&kind=training&status=approved&from={year_ago}&q=guidance"),
        Case("activity calendar", "member", "projects:entry_calendar", net, f"month={last_month}"),
        Case("activity calendar", "coordinator", "projects:entry_calendar", net, f"month={last_month}"),
        Case("approval queue", "coordinator", "projects:entry_queue", net),
        Case("activity log entry", "member", "projects:entry_detail", entry),
        Case("activity log entry", "coordinator", "projects:entry_detail", entry),
    ]  # fmt: skip
    return routed(found)


def routed(found):
    """The cases whose URL name the portal has."""
    from django.urls import NoReverseMatch, reverse

    def exists(case):
        try:
            reverse(case.url_name, kwargs=case.kwargs)
        except NoReverseMatch:
            return False
        return True

    return [case for case in found if exists(case)]


def download_cases(data):
    """Streamed downloads, timed once each with the serving worker's memory (stream()): the CSV export of
    every entry, as the coordinator (who sees them all)."""
    net = {"network_slug": data.network_slug}
    return routed([Case("CSV export, every entry", "coordinator", "projects:entry_export_csv", net)])


def in_process_stream(case, creds):
    """(queries, lines) of one streamed download read to its end through Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers_for(case, creds).items()}
    extra.pop("HTTP_ACCEPT_ENCODING")
    with CaptureQueriesContext(connection) as captured:
        response = Client(**extra).get(case.path)
        if response.status_code != 200:
            _refuse(case, "in-process", response.status_code, response.get("Location", ""))
        lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    return len(captured), lines


def downloads(all_cases, creds, *, port, timeout, log=print):
    rows = []
    for case in all_cases:
        queries, lines = in_process_stream(case, creds)
        timed = stream(case, port, headers_for(case, creds), timeout, gunicorn.pid)
        row = {"page": case.label, "persona": case.persona, "path": case.path, "queries": queries,
               "in_process_lines": lines, **timed}  # fmt: skip
        rows.append(row)
        log(f"  {case.label}: {lines:,} lines, {queries} queries, {row['ms'] / 1000:.1f} s, worker "
            f"{row['rss_before_mb']:.0f} → {row['rss_peak_mb']:.0f} MB")  # fmt: skip
    return rows


def download_table(rows):
    lines = [
        "| download | as | lines | queries | MB sent | first byte ms | total s | worker RSS before MB | peak MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['persona']} | {row['lines']:,} | {row['queries']} | {row['mb']:,.1f} "
            f"| {row['first_byte_ms']:,.0f} | {row['ms'] / 1000:,.1f} | {row['rss_before_mb']:,.0f} "
            f"| {row['rss_peak_mb']:,.0f} |"
        )
    return "\n".join(lines)


BARE = Case("bare template view", "anonymous", "bench-bare", {})
# The same, signed in as the member: its template names request.user, so the session and the user are read
# (the two queries every signed-in page makes) and nothing more.
BARE_SIGNED_IN = Case("bare template view (signed in)", "member", "bench-bare-user", {})
BARES = (BARE, BARE_SIGNED_IN)


def credentials(data):
    """{persona: headers} for HTTP and the test client alike: a session made by logging in (the test
    client's force_login writes it to the database gunicorn reads), a token for the API."""
    from django.test import Client
    from rest_framework.authtoken.models import Token

    found = {"anonymous": {"pages": {}, "api": {}}}
    for persona in ("member", "coordinator", "donor"):
        user = getattr(data, persona)
        if user is None:
            continue
        client = Client()
        client.force_login(user)
        token, _created = Token.objects.get_or_create(user=user)
        found[persona] = {
            "pages": {"Cookie": f"sessionid={client.cookies['sessionid'].value}"},
            "api": {"Authorization": f"Token {token.key}"},
        }
    return found


def headers_for(case, creds):
    kind = "api" if case.url_name.startswith("api:") else "pages"
    return {
        "Accept-Encoding": "gzip",
        "Accept-Language": "en",
        # As behind the deployment's TLS proxy: with DEBUG off, plain HTTP is redirected to HTTPS.
        "X-Forwarded-Proto": "https",
        **creds[case.persona][kind],
    }


def _refuse(case, where, status, location=""):
    goes = f" → {location}" if location else ""
    raise BenchError(
        f"{case.label} ({case.persona}): GET {case.path} answered {status}{goes} {where}, not 200. "
        "A broken route or missing data: fix it before timing it."
    )


def in_process(case, creds):
    """(queries, raw KB, gzip KB) of one request through Django's test client, after a warm-up request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers_for(case, creds).items()}
    client = Client(**extra)
    client.get(case.path)  # warm: content types, the URL resolver, templates, translations
    with CaptureQueriesContext(connection) as captured:
        response = client.get(case.path)
    queries = len(captured)  # now: the next request empties the query log
    if response.status_code != 200:
        _refuse(case, "in-process", response.status_code, response.get("Location", ""))
    body = response.content
    sent = len(body)
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    else:
        sent = len(gzip.compress(body))  # too small for GZipMiddleware (under 200 bytes)
    return queries, len(body) / 1024, sent / 1024


# --- over HTTP --------------------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(database_url, timeout):
    """gunicorn with the Dockerfile's options, 2 workers, on a free port of 127.0.0.1; yields the port (and
    sets `gunicorn.pid`, the master's, whose children `worker_rss` reads)."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="partnera-bench-gunicorn-", suffix=".log", delete=False)
    command = [
        sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(WORKERS), "--worker-tmp-dir", "/dev/shm",  # noqa: S108 (as in the Dockerfile)
        "--access-logfile", "-", "--forwarded-allow-ips", "*", "--timeout", str(int(timeout) + 30),
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **environment(database_url)}, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if server.poll() is not None:
                raise BenchError(f"gunicorn stopped at start (exit {server.returncode}):\n{_tail(log.name)}")
            try:
                status, *_rest = request(port, BARE.path, {"X-Forwarded-Proto": "https"}, timeout=2)
            except OSError:
                status = None
            if status == 200:
                break
            if time.monotonic() > deadline:
                raise BenchError(f"gunicorn did not answer 200 within 30 s (last: {status}):\n{_tail(log.name)}")
            time.sleep(0.2)
        gunicorn.pid = server.pid
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        os.unlink(log.name)


def worker_rss(master):
    """{pid: resident set size in MB} of the gunicorn master's workers (Linux /proc)."""
    found = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:  # a process that ended meanwhile
            continue
        if fields.get("PPid", "").strip() == str(master) and "VmRSS" in fields:
            found[int(status.parent.name)] = int(fields["VmRSS"].split()[0]) / 1024
    return found


def stream(case, port, headers, timeout, master):
    """One GET of a streamed download over HTTP, read in 64 KB pieces while another thread samples the
    workers' memory every 10 ms. Returns ms to the first byte, ms in all, MB sent, lines of the body
    (gzip undone), and the serving worker's resident memory before and at its peak (MB)."""
    import zlib

    before = worker_rss(master)
    peaks, done = dict(before), threading.Event()

    def sample():
        while not done.is_set():
            for pid, rss in worker_rss(master).items():
                peaks[pid] = max(peaks.get(pid, 0), rss)
            done.wait(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        start = time.perf_counter()
        connection.request("GET", case.path, headers=headers)
        response = connection.getresponse()
        if response.status != 200:
            _refuse(case, "from gunicorn", response.status, response.getheader("Location", ""))
        gzipped = response.getheader("Content-Encoding") == "gzip"
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
        first, sent, lines = None, 0, 0
        while chunk := response.read(65536):
            first = first or time.perf_counter()
            sent += len(chunk)
            lines += (inflate.decompress(chunk) if inflate else chunk).count(b"\n")
        elapsed = time.perf_counter() - start
    finally:
        connection.close()
        done.set()
        sampler.join()
    grown = max(peaks, key=lambda pid: peaks[pid] - before.get(pid, peaks[pid]))  # the worker that served it
    return {"first_byte_ms": ((first or start) - start) * 1000, "ms": elapsed * 1000, "mb": sent / 2**20,
            "lines": lines, "rss_before_mb": before.get(grown, 0), "rss_peak_mb": peaks[grown]}  # fmt: skip


def _tail(path, lines=30):
    return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])


def request(port, path, headers, timeout):
    """(status, milliseconds, body as sent, Location) of one GET over a new connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        return response.status, elapsed, body, response.getheader("Location", "")
    finally:
        connection.close()


def _timed(case, port, headers, timeout):
    try:
        status, elapsed, _body, location = request(port, case.path, headers, timeout)
    except TimeoutError:
        raise BenchError(f"{case.label} ({case.persona}): GET {case.path} took over {timeout} s") from None
    except OSError as error:
        raise BenchError(f"{case.label} ({case.persona}): GET {case.path} failed: {error}") from None
    if status != 200:
        _refuse(case, "from gunicorn", status, location)
    return elapsed


def sequential(case, port, headers, *, runs, deadline, timeout):
    # Warm both workers' caches (templates, translations, the connection): a burst the two workers share.
    concurrent(case, port, headers, clients=2 * WORKERS, rounds=1, deadline=deadline, timeout=timeout)
    times, stop = [], time.monotonic() + deadline
    while len(times) < runs and (not times or time.monotonic() < stop):
        times.append(_timed(case, port, headers, timeout))
    return times


def concurrent(case, port, headers, *, clients, rounds, deadline, timeout):
    """`clients` threads each sending up to `rounds` requests, one after the other; no new request after
    `deadline` seconds. Returns (times, requests per second)."""
    times, errors, lock = [], [], threading.Lock()
    stop = time.monotonic() + deadline

    def client():
        for _ in range(rounds):
            if time.monotonic() > stop:
                return
            try:
                elapsed = _timed(case, port, headers, timeout)
            except BenchError as error:
                errors.append(error)
                return
            with lock:
                times.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    if errors:
        raise errors[0]
    return times, len(times) / wall


# --- the run ------------------------------------------------------------------------------------------------------


def measure(all_cases, creds, *, port=None, runs=20, clients=20, rounds=3, deadline=30.0, timeout=120.0, log=print):
    """One row per case (and the bare views' first, when there is a server); HTTP columns empty without.

    Every row's p50 is divided by the anonymous bare view's (`ratio`); a signed-in caller's also by the
    signed-in bare view's (`ratio_signed_in`), and the target reads the ratio of the row's own caller kind."""
    rows, bare_p50 = [], {}
    for case in (list(BARES) if port else []) + list(all_cases):
        queries, kb, gzip_kb = in_process(case, creds)
        row = {"page": case.label, "persona": case.persona, "path": case.path, "queries": queries,
               "kb": kb, "gzip_kb": gzip_kb}  # fmt: skip
        if port:
            headers = headers_for(case, creds)
            seq = sequential(case, port, headers, runs=runs, deadline=deadline, timeout=timeout)
            conc, rps = concurrent(case, port, headers, clients=clients, rounds=rounds, deadline=deadline,
                                   timeout=timeout)  # fmt: skip
            row.update(seq_p50=timings(seq)["median"], seq_p95=percentile(seq, 0.95), seq_n=len(seq),
                       conc_p50=timings(conc)["median"], conc_p95=percentile(conc, 0.95), conc_n=len(conc),
                       rps=rps)  # fmt: skip
            if case in BARES:
                bare_p50[case.label] = row["seq_p50"]
            row["ratio"] = row["seq_p50"] / bare_p50[BARE.label]
            if case.persona != "anonymous" and BARE_SIGNED_IN.label in bare_p50:
                row["ratio_signed_in"] = row["seq_p50"] / bare_p50[BARE_SIGNED_IN.label]
        row["over"] = over_targets(row) if case not in BARES else []
        rows.append(row)
        log(f"  {case.label} ({case.persona}): {queries} queries" + (f", p50 {row['seq_p50']:.1f} ms" if port else ""))
    return rows


def over_targets(row):
    """A signed-in row is held to the signed-in bare view, an anonymous one to the anonymous bare view."""
    over = []
    ratio, baseline = row.get("ratio"), "bare"
    if "ratio_signed_in" in row:
        ratio, baseline = row["ratio_signed_in"], "signed-in bare"
    if ratio is not None and ratio > TARGET_RATIO:
        over.append(f"p50 {ratio:,.0f}× {baseline} > {TARGET_RATIO}×")
    if row["gzip_kb"] > TARGET_GZIP_KB:
        over.append(f"gzip {row['gzip_kb']:.0f} KB > {TARGET_GZIP_KB} KB")
    return over


def table(rows, clients=20):
    """The rows as a Markdown table; times in ms, sizes in KB."""

    def ms(row, key):
        return f"{row[key]:,.1f}" if key in row else "–"

    lines = [
        f"| page | as | queries | seq p50 | seq p95 | × bare | × signed-in bare | {clients} clients p50 | p95 | req/s "
        "| KB | KB gzip | target |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        ratio = f"{row['ratio']:,.1f}" if "ratio" in row else "–"
        ratio_signed_in = f"{row['ratio_signed_in']:,.1f}" if "ratio_signed_in" in row else "–"
        rps = f"{row['rps']:,.1f}" if "rps" in row else "–"
        over = "**✗ " + "; ".join(row["over"]) + "**" if row["over"] else "ok"
        target = "baseline" if row["page"] in {bare.label for bare in BARES} else over
        lines.append(
            f"| {row['page']} | {row['persona']} | {row['queries']} | {ms(row, 'seq_p50')} | {ms(row, 'seq_p95')} "
            f"| {ratio} | {ratio_signed_in} | {ms(row, 'conc_p50')} | {ms(row, 'conc_p95')} | {rps} | {row['kb']:,.1f} "
            f"| {row['gzip_kb']:,.1f} | {target} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="its database is dropped and rebuilt")
    parser.add_argument("--small", action="store_true", help="a data set built in seconds, for a smoke run")
    parser.add_argument("--reuse", action="store_true", help="keep the database, and use it if built with these sizes")
    parser.add_argument("--runs", type=int, default=20, help="sequential requests per page")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--rounds", type=int, default=3, help="requests per concurrent client")
    parser.add_argument("--deadline", type=float, default=30.0, help="seconds per measurement, whatever its count")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--check", action="store_true", help="exit 1 when a row is over the targets")
    parser.add_argument("--build-only", action="store_true",
                        help="with --reuse: build the database (unless built with these sizes) and time nothing, "
                             "for the scripts that time other pages on it (bench_dashboards.py)")  # fmt: skip
    parser.add_argument("--only", action="append", default=[], metavar="LABEL",
                        help="time only the rows whose page label contains LABEL (repeatable)")  # fmt: skip
    for field in dataclasses.fields(Sizes):
        small = getattr(SMALL, field.name)
        parser.add_argument(f"--{field.name}", type=int, help=f"default {field.default:,} ({small} with --small)")
    args = parser.parse_args(argv)
    base = SMALL if args.small else Sizes()
    sizes = dataclasses.replace(base, **{f.name: getattr(args, f.name) for f in dataclasses.fields(Sizes)
                                         if getattr(args, f.name) is not None})  # fmt: skip
    if urlsplit(args.database_url).hostname not in ("127.0.0.1", "localhost"):
        parser.error("the benchmark only talks to 127.0.0.1")
    if args.build_only and not args.reuse:
        parser.error("--build-only keeps the database: it needs --reuse")
    started = time.monotonic()
    try:
        return run(args, sizes, started)
    except BenchError as error:
        print(f"bench_scale: {error}", file=sys.stderr)
        return 2


def progress(line):
    print(line, file=sys.stderr, flush=True)


def prepare(database_url, sizes, *, reuse, **overrides):
    """Django set up on the database (with `overrides`, environment variables) and the data set: the one the
    database holds when `reuse` and it was built with `sizes` by this BUILD_VERSION, else built afresh (the
    database dropped first). Returns its BenchData, vacuumed and analyzed."""
    wanted = {"version": BUILD_VERSION, **dataclasses.asdict(sizes)}
    reuse = reuse and database_built_with(database_url) == wanted
    if not reuse:
        create_database(database_url)
    configure(database_url, **overrides)
    from django.contrib.sessions.models import Session
    from django.core.management import call_command

    if reuse:
        progress(f"Reusing {_database_name(database_url)} (built with these sizes)")
        call_command("migrate", verbosity=0)  # a migration since (an index) applies to the kept data
        Session.objects.all().delete()
        data = load()
    else:
        call_command("migrate", verbosity=0)
        t = time.monotonic()
        data = build(sizes)
        progress(f"Built the data set in {time.monotonic() - t:.1f} s")
        mark_database(database_url, sizes)
    analyze()
    return data


def run(args, sizes, started):
    try:
        data = prepare(args.database_url, sizes, reuse=args.reuse)
        from django.db import connection

        if args.build_only:
            progress(f"Ready in {time.monotonic() - started:.0f} s")
            return 0
        creds = credentials(data)
        with gunicorn(args.database_url, args.timeout) as port:
            chosen = [c for c in cases(data) if not args.only or any(label in c.label for label in args.only)]
            rows = measure(chosen, creds, port=port, runs=args.runs, clients=args.clients, rounds=args.rounds,
                           deadline=args.deadline, timeout=args.timeout, log=progress)  # fmt: skip
            wanted_downloads = [c for c in download_cases(data)
                                if not args.only or any(label in c.label for label in args.only)]  # fmt: skip
            streamed = downloads(wanted_downloads, creds, port=port, timeout=args.timeout, log=progress)
        server_version = connection.pg_version
    finally:
        if not args.reuse:
            drop_database(args.database_url)
    s = sizes
    print(
        f"{s.networks:,} networks, {s.memberships:,} memberships; network `{SLUG}`: {s.members:,} members "
        f"(+{s.requests:,} requests, {s.suspended:,} suspended, {s.former:,} former), {s.projects:,} projects, "
        f"{s.agreements:,} agreements, {s.news:,} news, {s.entries:,} activity log entries in {s.entry_projects:,} "
        f"projects. gunicorn {WORKERS} workers, PostgreSQL "
        f"{server_version // 10000}, DEBUG off, Python {platform.python_version()}, {os.cpu_count()} CPUs; "
        f"{args.runs} sequential requests (or {args.deadline:.0f} s), {args.clients} clients × {args.rounds}; "
        f"times in ms; {datetime.now():%Y-%m-%d %H:%M}, {time.monotonic() - started:.0f} s in all.\n"
    )
    print(table(rows, args.clients))
    if streamed:
        print("\n" + download_table(streamed))
    if args.json:
        args.json.write_text(
            json.dumps({"sizes": dataclasses.asdict(sizes), "rows": rows, "downloads": streamed}, indent=2)
        )
    return 1 if args.check and any(row["over"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
