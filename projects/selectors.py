"""Reads for projects. Each names the network or project it reads and fetches what its page shows in a
fixed number of queries, however many partners, activities or indicators there are."""

import dataclasses
import datetime
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Max,
    Prefetch,
    Q,
    Subquery,
    Sum,
    TextChoices,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from network.models import Membership
from portal import audit
from portal.models import AuditEntry
from projects import figures, indicator_sources
from projects.models import (
    PARTNER_ROLE_ORDER,
    Activity,
    ActivityEntry,
    EntryAttachment,
    FundingLink,
    Indicator,
    IndicatorValue,
    Objective,
    PartnerRole,
    Project,
    ProjectPartner,
    ReportingPeriodLock,
    Site,
    TargetGroup,
)
from projects.permissions import visible_entries, visible_projects
from projects.search import matching as search_entries

_STATUS_ORDER = Case(
    When(status=Project.Status.ACTIVE, then=Value(0)),
    When(status=Project.Status.PLANNED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def projects_for_network(*, network, user):
    """The network's projects this user may see: public ones for everybody, private ones for the
    network's members and staff, and those granted to the user (donors). Active first, then planned,
    then closed; newest first within each."""
    projects = visible_projects(user, network)
    return projects.order_by(
        _STATUS_ORDER, "-start_date", "slug", "pk"
    )  # a title is in several languages; pk: stable across pages


def project_in_network(*, network, slug):
    """The project with this address in this network, or None."""
    return Project.objects.select_related("network").filter(network=network, slug=slug).first()


@dataclass
class PartnerGroup:
    role: str
    label: str
    partners: list

    @property
    def iati_label(self):
        return PartnerRole(self.role).iati_role.label


@dataclass
class ProjectPage:
    """Everything the project page and the editing pages show, loaded in fixed number of queries."""

    project: Project
    funding_chain: list
    partners: list
    objectives: list
    components: list  # each with .activities.all() loaded
    results: list  # each with .indicators.all() loaded, each of those with .values.all()
    needs: list
    target_groups: list
    sites: list
    reach: "Reach | None" = None  # with_log: what the project's approved entries reached
    partner_groups: list = field(init=False)

    def __post_init__(self):
        by_role = {role: [] for role in PARTNER_ROLE_ORDER}
        for partner in self.partners:
            by_role[partner.role].append(partner)
        self.partner_groups = [PartnerGroup(role.value, role.label, rows) for role, rows in by_role.items() if rows]

    @property
    def overall_objectives(self):
        return [o for o in self.objectives if o.kind == Objective.Kind.OVERALL]

    @property
    def specific_objectives(self):
        return [o for o in self.objectives if o.kind == Objective.Kind.SPECIFIC]

    @property
    def leads(self):
        return [p for p in self.partners if p.role == PartnerRole.LEAD]

    @property
    def activity_count(self):
        return sum(len(c.activities.all()) for c in self.components)

    @property
    def indicator_count(self):
        return sum(len(r.indicators.all()) for r in self.results)

    @property
    def activities(self):
        return [a for c in self.components for a in c.activities.all()]

    @property
    def indicators(self):
        return [i for r in self.results for i in r.indicators.all()]

    @property
    def done_count(self):
        return sum(1 for a in self.activities if a.done_at is not None)


def project_page(*, project, with_log=False):
    """The project's partners, funding chain and whole logframe: eleven queries, whatever the sizes.

    `with_log` (the project page) adds what the activity log feeds, in two to four more: each activity's
    `progress` (ActivityProgress), each computed indicator's `computed` values (ComputedValue per period),
    and the project's `reach`."""
    values = Prefetch("values", queryset=IndicatorValue.objects.order_by("period_start", "pk"))
    indicators = Prefetch("indicators", queryset=Indicator.objects.prefetch_related(values))
    page = ProjectPage(
        project=project,
        funding_chain=list(project.funding_links.select_related("organisation")),
        partners=list(project.partners.select_related("organisation").order_by("position", "pk")),
        objectives=list(project.objectives.all()),
        components=list(project.components.prefetch_related(Prefetch("activities", queryset=Activity.objects.all()))),
        results=list(project.results.prefetch_related(indicators)),
        needs=list(project.needs.all()),
        target_groups=list(project.target_groups.all()),
        sites=list(project.sites.select_related("organisation")),
    )
    if with_log:
        activities = page.activities
        progress = activity_progress(project=project, activities=activities)
        for activity in activities:
            activity.progress = progress[activity.pk]
        indicators = page.indicators
        computed = computed_indicators(project=project, indicators=indicators)
        for indicator in indicators:
            indicator.computed = computed.get(indicator.pk)
        page.reach = kept_reach(network=project.network, project=project)
    return page


def network_organisations(*, network):
    """The organisations this network already deals with: its active members, its projects' partners
    and funders, and the records its coordinators typed in. A name typed in a project is matched
    among these only, never against another network's partners."""
    member_ids = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).values("organisation_id")
    partner_ids = ProjectPartner.objects.filter(network=network).values("organisation_id")
    funder_ids = FundingLink.objects.filter(network=network, organisation__isnull=False).values("organisation_id")
    return Organisation.objects.filter(
        Q(pk__in=member_ids) | Q(pk__in=partner_ids) | Q(pk__in=funder_ids) | Q(created_in_network_id=network.pk)
    )


def organisation_suggestions(*, network, search, limit):
    """Up to `limit` of the organisations a typed name would find (network_organisations, as the partner,
    funder and site fields match them), whose name or acronym contains `search`, by name. Nothing for
    an empty search: the list is fetched as the user types, never whole."""
    search = search.strip()
    if not search:
        return []
    named = Q(name__icontains=search) | Q(acronym__icontains=search)
    return list(
        network_organisations(network=network).filter(named).order_by("name", "pk").values("name", "acronym")[:limit]
    )


# --- the activity log -----------------------------------------------------------------------------


def filter_entries(
    entries, *, search="", project=None, activities=(), kind="", status="", organisation=None, date_from=None,
    date_to=None,
):  # fmt: skip
    """The entries matching the activity log's filters (projects.forms.EntryFilterForm.filters()); blank
    means any. An entry's date is its start date. Deleted entries only for status="deleted"."""
    if status == "deleted":
        entries = entries.filter(deleted_at__isnull=False)
    else:
        entries = entries.filter(deleted_at__isnull=True)
        if status:
            entries = entries.filter(status=status)
    if search:
        entries = search_entries(entries, search)
    if project is not None:
        entries = entries.filter(project=project)
    if activities:
        entries = entries.filter(activity__in=activities)
    if kind:
        entries = entries.filter(kind=kind)
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    if date_from:
        entries = entries.filter(start_date__gte=date_from)
    if date_to:
        entries = entries.filter(start_date__lte=date_to)
    return entries


def entry_list(*, network, user, filters):
    """The entries this user may see in the network, filtered, newest first, with what a row shows."""
    entries = filter_entries(visible_entries(user, network), **filters).defer("search_document")
    return entries.select_related("project", "activity", "organisation").order_by("-start_date", "-pk")


# What the permission rules read of an entry; its page reads the rest too.
_ENTRY_RULES_READ = ("network", "project")
_ENTRY_PAGE_READS = (
    *_ENTRY_RULES_READ, "activity", "site", "organisation", "created_by", "submitted_by", "approved_by",
    "returned_by",
)  # fmt: skip


def entry_in_network(*, network, pk, for_page=True):
    """The network's entry `pk` with what its page and the permission rules read, or None; with
    `for_page=False` only what the rules read (PostgreSQL takes ~10 ms to plan the page's ten-table join,
    ten times the query's own time: a page served from the cache asks only the rules)."""
    related = _ENTRY_PAGE_READS if for_page else _ENTRY_RULES_READ
    return ActivityEntry.objects.filter(network=network, pk=pk).select_related(*related).first()


@dataclass
class EntryPage:
    entry: ActivityEntry
    partners: list
    target_groups: list
    timeline: list  # audit.present rows, oldest first


# The references an entry's audit rows hold as ids, and how the timeline names them.
_ENTRY_REFERENCES = {
    "project": (Project, lambda p: p.acronym or str(p.title)),
    "activity": (Activity, str),
    "site": (Site, str),
    "partners": (Organisation, str),
    "target_groups": (TargetGroup, str),
}


def _name_references(rows, network):
    """Put names in place of the ids the entry's audit rows hold (in memory only): one query per kind of
    reference named, whatever the number of rows."""
    wanted = {key: set() for key in _ENTRY_REFERENCES}
    for row in rows:
        for values in (row.before, row.after):
            for key, ids in wanted.items():
                value = values.get(key)
                ids.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, int))
    names = {}
    for key, ids in wanted.items():
        model, name = _ENTRY_REFERENCES[key]
        manager = model._base_manager if model is Organisation else model.objects
        rows_of = manager.filter(pk__in=ids) if model is Organisation else manager.filter(network=network, pk__in=ids)
        names[key] = {row.pk: name(row) for row in rows_of} if ids else {}
    for row in rows:
        for values in (row.before, row.after):
            for key, known in names.items():
                value = values.get(key)
                if isinstance(value, list):
                    values[key] = [known.get(v, v) for v in value]
                elif isinstance(value, int):
                    values[key] = known.get(value, value)


def entry_page(*, entry):
    """What the entry's page shows beside the entry itself: its partners, target groups and the timeline
    of its audit log (who, when, what changed, the reason). A fixed number of queries, however long the
    timeline or the lists."""
    network = entry.network
    rows = list(
        AuditEntry.objects.filter(
            network=network, content_type=ContentType.objects.get_for_model(ActivityEntry), object_id=entry.pk
        )
        .select_related("acting_user", "content_type")
        .order_by("created_at", "pk")
    )
    for row in rows:
        if row.action == "entry.created":
            row.after = {}  # the entry as first saved: the page shows it as it is now
    _name_references(rows, network)
    return EntryPage(
        entry=entry,
        partners=list(entry.partners.order_by("name", "pk")),
        target_groups=list(entry.target_groups.order_by("position", "pk")),
        timeline=audit.present(rows, network=network),
    )


def entry_queue(*, network):
    """The entries waiting for a coordinator's approval, oldest submission first."""
    return (
        ActivityEntry.objects.filter(network=network, status=ActivityEntry.Status.SUBMITTED, deleted_at__isnull=True)
        .select_related("project", "activity", "organisation")
        .defer("search_document")
        .order_by("submitted_at", "pk")
    )


def waiting_entry_count(*, network, up_to):
    """How many entries wait for approval, counted up to `up_to` + 1 (more than `up_to`: "1,000+")."""
    return entry_queue(network=network).order_by()[: up_to + 1].count()


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    entries: list  # the first ones of the day
    count: int  # how many start that day in all

    @property
    def more(self):
        return self.count - len(self.entries)


@dataclass
class EntryMonth:
    first: date  # the month's first day
    weeks: list  # lists of seven CalendarDay, from the week of the 1st to the week of the last day

    @property
    def previous(self):
        return self.first - relativedelta(months=1)

    @property
    def next(self):
        return self.first + relativedelta(months=1)

    @property
    def count(self):
        return sum(day.count for week in self.weeks for day in week)


def entry_month(*, network, user, filters, first, per_day):
    """The month starting `first` as a calendar of the entries this user may see, filtered: each entry on
    the day it starts (an entry's date is its start date, as in the list's filters), at most `per_day` a day
    with the number of the others. Two queries, however many entries the month holds: one pass over the
    month's entries (ids and dates only) in which window functions number each day's entries and count
    them, keeping the first `per_day` of each day with their day's count; then those entries, by id."""
    last = first + relativedelta(months=1) - timedelta(days=1)
    entries = filter_entries(visible_entries(user, network), **filters).filter(start_date__range=(first, last))
    day = [F("start_date")]
    firsts = (
        entries.annotate(
            day_rank=Window(RowNumber(), partition_by=day, order_by=[F("pk").asc()]),
            day_count=Window(Count("pk"), partition_by=day),
        )
        .filter(day_rank__lte=per_day)
        .order_by()
        .values_list("pk", "start_date", "day_count")
    )
    counts = {start_date: count for _pk, start_date, count in firsts}
    shown = {}
    if counts:
        chosen = [pk for pk, _start_date, _count in firsts]
        rows = ActivityEntry.objects.filter(network=network, pk__in=chosen).select_related(
            "project", "activity", "organisation"
        )
        for entry in rows.defer("search_document").order_by("start_date", "pk"):
            shown.setdefault(entry.start_date, []).append(entry)
    start = first - timedelta(days=first.weekday())  # weeks start on Monday in all the portal's countries
    weeks = []
    day = start
    while day <= last:
        week = []
        for _weekday in range(7):
            week.append(CalendarDay(day, day.month == first.month, shown.get(day, []), counts.get(day, 0)))
            day += timedelta(days=1)
        weeks.append(week)
    return EntryMonth(first=first, weeks=weeks)


# --- what the log feeds: progress, reach, computed indicators -----------------------------------------
#
# Every figure counts the same entries (counted_entries): approved, not deleted, of this network (and
# project), dated (by their start date) in the period. Drafts, submitted and returned entries are claims
# not yet checked; deleted ones were withdrawn from the record.


def counted(prefix=""):
    """What makes an entry count in the log's figures (approved, not deleted), as a condition on
    ActivityEntry, or with `prefix` ("activityentry__") on rows joined to it: for reads over several networks,
    which counted_entries (one network) cannot serve."""
    return Q(**{f"{prefix}status": ActivityEntry.Status.APPROVED, f"{prefix}deleted_at": None})


def counted_entries(*, network, project=None, date_from=None, date_to=None):
    """The entries the log's figures count (see above)."""
    entries = ActivityEntry.objects.filter(counted(), network=network)
    if project is not None:
        entries = entries.filter(project=project)
    if date_from:
        entries = entries.filter(start_date__gte=date_from)
    if date_to:
        entries = entries.filter(start_date__lte=date_to)
    return entries.order_by()  # no default ordering in the aggregates below


# The participant counts reach sums, in the order pages show them.
REACH_FIELDS = (
    "participants_total", *ActivityEntry.SEX_FIELDS, *ActivityEntry.AGE_FIELDS, "with_disabilities",
)  # fmt: skip


@dataclass(frozen=True)
class Reach:
    """Who the counted entries reached, in total and by sex, age and disability, and how many entries and
    organisations (those that logged them and the partners named in them) it took."""

    entries: int = 0
    organisations: int = 0
    participants_total: int = 0
    women: int = 0
    men: int = 0
    other_or_not_given: int = 0
    under_18: int = 0
    age_18_29: int = 0
    age_30_64: int = 0
    age_65_plus: int = 0
    age_not_given: int = 0
    with_disabilities: int = 0

    def _rows(self, names):
        return [(name, ActivityEntry._meta.get_field(name).verbose_name, getattr(self, name)) for name in names]

    @property
    def by_sex(self):
        """[(field, label, number)] for women, men, other or not given."""
        return self._rows(ActivityEntry.SEX_FIELDS)

    @property
    def by_age(self):
        return self._rows(ActivityEntry.AGE_FIELDS)

    @property
    def breakdowns(self):
        """[(title, rows)] for the page's two small tables."""
        return [(_("By sex"), self.by_sex), (_("By age"), self.by_age)]


def reach(*, network, project=None, date_from=None, date_to=None):
    """The Reach of the network's counted entries (or one project's), optionally in a period: one query.

    The organisations are counted by a subquery inside the same aggregate (it names no outer row, so the
    database runs it once), because the workspace and the project page show reach on every visit."""
    entries = counted_entries(network=network, project=project, date_from=date_from, date_to=date_to)
    partners = ActivityEntry.partners.through.objects.filter(activityentry__in=entries.values("pk"))
    organisations = (
        Organisation.objects.filter(
            Q(pk__in=entries.values("organisation_id")) | Q(pk__in=partners.values("organisation_id"))
        )
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    sums = entries.aggregate(
        entries=Count("pk"),
        organisations=Max(Subquery(organisations, output_field=IntegerField())),  # no entries: none
        **{name: Sum(name) for name in REACH_FIELDS},
    )
    return Reach(**{key: value or 0 for key, value in sums.items()})


def kept_reach(*, network, project=None):
    """`reach` of the whole log (the network's, or one project's), kept in the cache until the network's log
    changes (projects/figures.py): the workspace and the project page show it on every visit, and at
    100,000 entries its scan costs hundreds of milliseconds. Exact: any write to an entry replaces it."""
    key = f"reach:v1:{project.pk if project is not None else 'network'}"
    sums = figures.kept(network.pk, key, lambda: dataclasses.asdict(reach(network=network, project=project)))
    return Reach(**sums)


class Progress(TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


@dataclass(frozen=True)
class ActivityProgress:
    """Where a planned activity stands: done when a coordinator marked it so, else in progress once it has
    an approved entry; its counted entries, their participants and the latest entry's (start) date."""

    status: str
    entries: int = 0
    participants: int = 0
    last_date: datetime.date | None = None

    @property
    def label(self):
        return Progress(self.status).label


def progress_status(*, done_at, logged):
    """A planned activity's Progress: done when a coordinator marked it so, else in progress once it has a
    counted entry (`logged`), else not started."""
    if done_at is not None:
        return Progress.DONE
    return Progress.IN_PROGRESS if logged else Progress.NOT_STARTED


def activity_progress(*, project, activities):
    """{activity id: ActivityProgress} for `activities` (the project's, already fetched): one query."""
    rows = (
        counted_entries(network=project.network, project=project)
        .filter(activity__isnull=False)
        .values("activity")
        .annotate(entries=Count("pk"), participants=Sum("participants_total"), last_date=Max("start_date"))
    )
    figures = {row.pop("activity"): row for row in rows}
    progress = {}
    for activity in activities:
        row = figures.get(activity.pk, {})
        progress[activity.pk] = ActivityProgress(
            status=progress_status(done_at=activity.done_at, logged=bool(row)), entries=row.get("entries", 0),
            participants=row.get("participants") or 0, last_date=row.get("last_date"),
        )  # fmt: skip
    return progress


@dataclass(frozen=True)
class ComputedValue:
    """A computed indicator's actual value for one period (start and end None: the whole log), beside the
    value typed in for the same period, if any. `filters` are the activity list's parameters that show
    the entries it was counted from; a value from a registered source (projects.indicator_sources) has
    none, and `url`, the page that shows what it counted, if that source has one."""

    period_start: datetime.date | None
    period_end: datetime.date | None
    value: int
    typed: IndicatorValue | None
    filters: dict | None
    url: str = ""

    @property
    def calendar_year(self):
        start, end = self.period_start, self.period_end
        if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return start.year
        return None


def indicator_periods(indicator, project):
    """The periods a computed indicator is reported for: those of its typed values, if it has any (so both
    stand side by side), else each calendar year of the project, else (a project without dates) one period
    over the whole log. `indicator.values.all()` should be prefetched."""
    typed = [(v.period_start, v.period_end) for v in indicator.values.all()]
    if typed:
        return list(dict.fromkeys(typed))
    if project.start_date:
        last = (project.end_date or timezone.localdate()).year
        return [(datetime.date(y, 1, 1), datetime.date(y, 12, 31)) for y in range(project.start_date.year, last + 1)]
    return [(None, None)]


# Aggregates per query: PostgreSQL takes at most 1664 result columns, SQLite 2000.
AGGREGATES_PER_QUERY = 500


def log_condition(indicator, activities, start, end):
    """The counted entries an indicator computed from the log counts in a period (start and end dates, or
    None for open): its kind of entries, its planned activities (`activities`: their ids, none for all)."""
    condition = Q()
    if indicator.entry_kind:
        condition &= Q(kind=indicator.entry_kind)
    if activities:
        condition &= Q(activity__in=activities)
    if start:
        condition &= Q(start_date__gte=start)
    if end:
        condition &= Q(start_date__lte=end)
    return condition


def aggregate_in_batches(entries, cells):
    """{key: value} of `cells` [(key, aggregate)] over `entries`, AGGREGATES_PER_QUERY aggregates a query."""
    totals = {}
    for first in range(0, len(cells), AGGREGATES_PER_QUERY):
        totals.update(entries.aggregate(**dict(cells[first : first + AGGREGATES_PER_QUERY])))
    return totals


@dataclass(frozen=True)
class ComputedIndicator:
    """A computed indicator's values per period and the codes of the planned activities it counts; `rule`:
    what a registered source counts, in words ('' for the activity log, whose rule the page spells out);
    `link_action`: the permission a reader needs to be shown the values' links (projects.indicator_sources)."""

    values: list
    activity_codes: list
    rule: str = ""
    link_action: str = ""


def computed_indicators(*, project, indicators):
    """{indicator id: ComputedIndicator} for the computed ones among `indicators` (the project's, with
    their values prefetched). From the log: one query for their activities and one per 500
    indicator-periods (a conditional aggregate each, over one pass of the project's counted entries): two
    for any real project. From a registered source: what its `compute` reads, a fixed number per source."""
    result = _registered_indicators(project, [i for i in indicators if i.is_computed and not i.is_from_log])
    computed = [i for i in indicators if i.is_from_log]
    if not computed:
        return result
    links = (
        Indicator.activities.through.objects.filter(indicator__in=[i.pk for i in computed])
        .order_by("activity__component__position", "activity__position")
        .values_list("indicator_id", "activity_id", "activity__code")
    )
    activities, codes = {}, {}
    for indicator_id, activity_id, code in links:
        activities.setdefault(indicator_id, []).append(activity_id)
        codes.setdefault(indicator_id, []).append(code)
    cells = []  # (indicator, start, end, key, aggregate)
    for indicator in computed:
        chosen = activities.get(indicator.pk, [])
        for start, end in indicator_periods(indicator, project):
            condition = log_condition(indicator, chosen, start, end)
            if indicator.measure == Indicator.Measure.ENTRIES:
                aggregate = Count("pk", filter=condition)
            else:
                aggregate = Sum(Indicator.Breakdown(indicator.breakdown).entry_field, filter=condition)
            cells.append((indicator, start, end, f"c{len(cells)}", aggregate, chosen))
    entries = counted_entries(network=project.network, project=project)
    totals = aggregate_in_batches(entries, [(key, aggregate) for _i, _s, _e, key, aggregate, _c in cells])
    result.update({indicator.pk: ComputedIndicator([], codes.get(indicator.pk, [])) for indicator in computed})
    for indicator, start, end, key, _aggregate, chosen in cells:
        typed = next((v for v in indicator.values.all() if (v.period_start, v.period_end) == (start, end)), None)
        result[indicator.pk].values.append(
            ComputedValue(start, end, totals[key] or 0, typed, _evidence(project, indicator, chosen, start, end))
        )
    return result


def _typed_value(indicator, start, end):
    return next((v for v in indicator.values.all() if (v.period_start, v.period_end) == (start, end)), None)


def _registered_indicators(project, indicators):
    """The indicators computed from sources other apps registered, one call of each source's `compute`
    for all its indicators and periods. An indicator whose source is registered no more shows nothing."""
    by_source = {}
    for indicator in indicators:
        source = indicator_sources.get(indicator.source)
        if source is not None:
            by_source.setdefault(source.key, (source, []))[1].append(indicator)
    result = {}
    for source, chosen in by_source.values():
        cells = [(i, start, end) for i in chosen for start, end in indicator_periods(i, project)]
        found = source.compute(project, cells)
        for indicator in chosen:
            result[indicator.pk] = ComputedIndicator([], [], str(source.rule), source.link_action)
        for indicator, start, end in cells:
            value = found.get((indicator.pk, start, end)) or indicator_sources.SourceValue(0)
            result[indicator.pk].values.append(
                ComputedValue(start, end, value.value, _typed_value(indicator, start, end), None, value.url)
            )
    return result


def _evidence(project, indicator, activities, start, end):
    """The activity list's filters for the entries behind a figure (projects.forms.EntryFilterForm)."""
    filters = {"project": project.slug, "status": ActivityEntry.Status.APPROVED}
    if activities:
        filters["activity"] = list(activities)
    if indicator.entry_kind:
        filters["kind"] = indicator.entry_kind
    if start:
        filters["from"] = start.isoformat()
    if end:
        filters["to"] = end.isoformat()
    return filters


def entry_attachments(*, network, entry):
    """An entry's files, attachments first, in the order they were added (at most UPLOAD_ENTRY_MAX_FILES)."""
    return list(EntryAttachment.objects.filter(network=network, entry=entry).order_by("kind", "pk"))


# --- reporting-period locks -----------------------------------------------------------------------


def period_locks(*, network):
    """The network's reporting-period locks, active and reopened, latest period first, with their people."""
    return (
        ReportingPeriodLock.objects.filter(network=network)
        .select_related("project", "locked_by", "reopened_by")
        .order_by("-start", "-pk")
    )
