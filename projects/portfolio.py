"""The donor portfolio: every project a donor's organisations fund, in every network, with its progress and reach.

A donor (the EU, UNDP, a foundation) funds projects of several networks and belongs to none of them, so
these reads cross networks on purpose: each runs with the scopes disabled, starts from the projects
projects.funders finds for the person's organisations, and names those projects and their networks
(`network_id__in`) in every query it makes. Who funds a project is projects.funders' one definition.

The page's figures come in a fixed number of queries whatever the number of projects and entries: one
pass over the light facts of all the funded projects (for the filters' choices, the totals per currency
and the order), then, for the projects of the page shown, one grouped aggregate per kind of figure.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django_countries import countries as country_names
from django_scopes import scopes_disabled

from members.permissions import organisation_ids
from projects.funders import funded_projects
from projects.models import Activity, ActivityEntry, Project
from projects.selectors import counted

# Active projects first, then planned, then closed (as a network's project list orders them).
_STATUS_RANK = {Project.Status.ACTIVE: 0, Project.Status.PLANNED: 1, Project.Status.CLOSED: 2}


@dataclass(frozen=True)
class FundedProject:
    """The facts of one funded project that the filters, the totals and the order read."""

    pk: int
    network_id: int
    network_slug: str
    network_name: str
    countries: tuple
    programme: str
    status: str
    budget_amount: Decimal | None
    budget_currency: str
    start_date: object

    @property
    def order(self):
        start = -self.start_date.toordinal() if self.start_date else 0  # newest first, undated last
        return (_STATUS_RANK.get(self.status, 3), self.start_date is None, start, self.network_name, self.pk)


@dataclass(frozen=True)
class CurrencyTotal:
    """The budgets of the projects kept in one currency, summed: never added to another currency's."""

    currency: str
    amount: Decimal
    projects: int


@dataclass
class Funded:
    """All the projects the person's organisations fund (`projects`, in the portfolio's order), and the
    values the filters offer, taken from them."""

    projects: list

    @property
    def network_choices(self):
        names = {p.network_slug: p.network_name for p in self.projects}
        return sorted(names.items(), key=lambda item: (item[1].casefold(), item[0]))

    @property
    def country_choices(self):
        codes = {code for p in self.projects for code in p.countries}
        return sorted(((code, str(country_names.name(code)) or code) for code in codes), key=lambda c: c[1])

    @property
    def programme_choices(self):
        programmes = {p.programme for p in self.projects if p.programme}
        return [(programme, programme) for programme in sorted(programmes, key=str.casefold)]

    @property
    def status_choices(self):
        present = {p.status for p in self.projects}
        return [(value, label) for value, label in Project.Status.choices if value in present]

    def filtered(self, *, country="", network="", programme="", status=""):
        """The projects matching the filters (blank: any), in the portfolio's order."""
        return [
            p
            for p in self.projects
            if (not country or country in p.countries)
            and (not network or p.network_slug == network)
            and (not programme or p.programme == programme)
            and (not status or p.status == status)
        ]


def funded(*, user):
    """The projects `user`'s organisations fund, in every network: one query (none without organisations)."""
    ids = organisation_ids(user)
    if not ids or not user.is_active:
        return Funded(projects=[])
    # Across networks on purpose (see the module's docstring): the projects are those funded_projects
    # finds for the person's own organisations, and nothing of their networks but the name and address.
    with scopes_disabled():
        rows = funded_projects(ids).values_list(
            "pk", "network_id", "network__slug", "network__name", "countries", "programme", "status",
            "budget_amount", "budget_currency", "start_date",
        )  # fmt: skip
        projects = [
            FundedProject(pk, network_id, slug, name, tuple(filter(None, (codes or "").split(","))), *rest)
            for pk, network_id, slug, name, codes, *rest in rows
        ]
    return Funded(projects=sorted(projects, key=lambda p: p.order))


def is_funder(*, user):
    """`user` works for an organisation that funds at least one project (the home page's link)."""
    ids = organisation_ids(user)
    if not ids:
        return False
    with scopes_disabled():  # across networks on purpose: only whether one exists, no row
        return funded_projects(ids).exists()


def funded_network_ids(*, user):
    """The networks of the projects `user`'s organisations fund (what the kept portfolio depends on)."""
    ids = organisation_ids(user)
    if not ids:
        return []
    with scopes_disabled():  # across networks on purpose: ids only
        return sorted(set(funded_projects(ids).values_list("network_id", flat=True)))


def budget_totals(projects):
    """([CurrencyTotal] by currency code, how many of `projects` have no budget)."""
    sums, counts = {}, Counter()
    for p in projects:
        if p.budget_amount is None:
            continue
        sums[p.budget_currency] = sums.get(p.budget_currency, Decimal("0")) + p.budget_amount
        counts[p.budget_currency] += 1
    totals = [CurrencyTotal(code, sums[code], counts[code]) for code in sorted(sums)]
    return totals, sum(1 for p in projects if p.budget_amount is None)


@dataclass
class PortfolioRow:
    """One funded project as the portfolio shows it: its progress against the planned activities (done of
    all), and what its counted entries reached (projects.selectors.counted_entries: approved, not deleted)."""

    project: Project
    activities_done: int = 0
    activities_total: int = 0
    entries: int = 0
    participants: int = 0
    organisations: int = 0  # those that logged the entries and the partners named in them
    last_entry: ActivityEntry | None = None  # the latest counted entry, by its (start) date

    @property
    def percent_done(self):
        if not self.activities_total:
            return None
        return round(100 * self.activities_done / self.activities_total)


def portfolio_rows(projects):
    """[PortfolioRow] for `projects` (FundedProject, the page shown), in their order: five queries
    whatever their number and the number of their entries, each a grouped aggregate over all of them."""
    if not projects:
        return []
    ids = [p.pk for p in projects]
    network_ids = sorted({p.network_id for p in projects})
    # Across networks on purpose (see the module's docstring): every query names these projects and
    # their networks.
    with scopes_disabled():
        by_pk = Project.objects.filter(network_id__in=network_ids, pk__in=ids).select_related("network").in_bulk()
        rows = {pk: PortfolioRow(project=project) for pk, project in by_pk.items()}
        activities = (
            Activity.objects.filter(network_id__in=network_ids, project_id__in=ids)
            .order_by()
            .values("project_id")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(done_at__isnull=False)))
        )
        for row in activities:
            rows[row["project_id"]].activities_total = row["total"]
            rows[row["project_id"]].activities_done = row["done"]
        # The entries the log's figures count (projects.selectors.counted), of these projects.
        counted_rows = ActivityEntry.objects.filter(
            counted(), network_id__in=network_ids, project_id__in=ids
        ).order_by()
        sums = counted_rows.values("project_id").annotate(entries=Count("pk"), participants=Sum("participants_total"))
        for row in sums:
            rows[row["project_id"]].entries = row["entries"]
            rows[row["project_id"]].participants = row["participants"] or 0
        # Each project's organisations: who logged its entries and the partners named in them, each once
        # (UNION drops the repeated pairs). The partners are joined to the counted entries directly, so
        # both halves read the entries from the entry_counted_project index alone.
        logged = counted_rows.values_list("project_id", "organisation_id")
        named = ActivityEntry.partners.through.objects.filter(
            counted("activityentry__"),
            activityentry__network_id__in=network_ids,
            activityentry__project_id__in=ids,
        ).values_list("activityentry__project_id", "organisation_id")
        for project_id, count in Counter(project_id for project_id, _org in logged.union(named)).items():
            rows[project_id].organisations = count
        # Each project's latest counted entry: one step down the entry_counted_project index per project
        # (its network and project both fixed), then only those entries read.
        newest = (
            ActivityEntry.objects.filter(counted(), network_id=OuterRef("network_id"), project_id=OuterRef("pk"))
            .order_by("-start_date", "-pk")
            .values("pk")[:1]
        )
        newest_ids = Project.objects.filter(network_id__in=network_ids, pk__in=ids).values(newest=Subquery(newest))
        latest = counted_rows.filter(pk__in=newest_ids).only("pk", "network_id", "project_id", "title", "start_date")
        for entry in latest:
            rows[entry.project_id].last_entry = entry
    return [rows[p.pk] for p in projects if p.pk in rows]
