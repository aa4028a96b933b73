"""The figures of a project's dashboard and of a network's, for a period: one place, read by the dashboard
pages and by the progress report PDF (reports/documents/progress_report.py), so both show the same numbers
and the same pygal charts (portal.charts).

A period is two dates, either of them None for open (both None: the whole project, or the whole log).
Every figure counts the approved, undeleted entries that started in the period (projects.selectors.
counted_entries); a planned activity's status is today's (done when a coordinator marked it so, in
progress once it has an approved entry). The figures are plain data (strings, numbers, dates, charts), so
they can be kept in the cache: `kept_project_figures` and `kept_network_figures` keep them under the
network's page counter (`network:<id>`, portal.versions), which every write to any row of the network
bumps (an entry approved, an indicator value typed, a logframe row edited or added; a grant or a
revocation writes its audit row there too), so a kept figure is never stale. The key names the period,
the reader's language (labels, month names and texts are resolved in it) and the day (an indicator on
track, the last 12 months and a project without an end date move with it).
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Exists, Max, Min, OuterRef, Prefetch, Q, Sum, TextChoices
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from network.permissions import visible_agreements
from portal import charts, versions
from projects.models import Activity, ActivityEntry, Indicator, IndicatorValue, Project, Site, TargetGroup
from projects.selectors import (
    Progress,
    Reach,
    activity_progress,
    aggregate_in_batches,
    computed_indicators,
    counted_entries,
    indicator_periods,
    log_condition,
    progress_status,
    project_page,
    reach,
)

BREAKDOWN_FIELDS = (*ActivityEntry.SEX_FIELDS, *ActivityEntry.AGE_FIELDS, "with_disabilities")
LATEST_ENTRIES = 10  # the latest approved entries a dashboard lists
KEY_VERSION = "v1"  # bump when the figures' shape changes, so no kept figure of the old shape is read


# --- periods --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A period the selector offers as a link: a label and its two dates (None: open)."""

    label: str
    start: datetime.date | None
    end: datetime.date | None


def presets(*, start, end, whole_label, today=None):
    """The periods offered for a project (or a network) running from `start` to `end` (dates or None): the
    whole of it, each calendar year it spans (the years the indicators' values are reported for), and the
    last 12 months."""
    today = today or timezone.localdate()
    found = [Preset(str(whole_label), None, None)]
    if start:
        for year in range(start.year, max((end or today).year, start.year) + 1):
            found.append(Preset(str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
    found.append(Preset(str(_("Last 12 months")), today - relativedelta(years=1) + relativedelta(days=1), today))
    return found


def period_label(start, end):
    """A period as the reader's language writes it: "2025" for a calendar year, else its two dates."""
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if start and end:
        return f"{_day(start)} – {_day(end)}"
    if start:
        return _("From %(date)s") % {"date": _day(start)}
    if end:
        return _("Until %(date)s") % {"date": _day(end)}
    return str(_("Whole log"))


def _day(value):
    return formats.date_format(value, "DATE_FORMAT")


def overlaps(start, end, period_start, period_end):
    return (start is None or period_end is None or start <= period_end) and (
        end is None or period_start is None or end >= period_start
    )


def _as_of(period_end, today):
    return min(period_end, today) if period_end else today


def _share_of_time(project_start, project_end, as_of):
    """How much of the project's time had run on `as_of` (0 to 1), or None for a project without both dates."""
    if not (project_start and project_end) or project_end <= project_start:
        return None
    share = (as_of - project_start).days / (project_end - project_start).days
    return min(max(share, 0.0), 1.0)


# --- indicators -------------------------------------------------------------------------------------------


class Track(TextChoices):
    ON_TRACK = "on_track", gettext_lazy("On track")
    BEHIND = "behind", gettext_lazy("Behind")
    NOT_ASSESSED = "not_assessed", gettext_lazy("Not assessed")


def track(*, baseline, target, actual, share_of_time):
    """Whether an indicator is on track: its actual value has come at least as far from the baseline towards
    the target as the project's time has run (half the way at mid-term; all of it at the end). Not assessed
    without a target, an actual value or the project's dates."""
    if target is None or actual is None or share_of_time is None:
        return Track.NOT_ASSESSED
    baseline = Decimal(baseline or 0)
    target, actual = Decimal(target), Decimal(actual)
    if target == baseline:
        return Track.ON_TRACK if actual >= target else Track.BEHIND
    progress = (actual - baseline) / (target - baseline)
    return Track.ON_TRACK if progress >= Decimal(str(round(share_of_time, 4))) else Track.BEHIND


def field_label(name):
    """The activity log entry field's name as a heading ("Women", "Under 18")."""
    return capfirst(str(ActivityEntry._meta.get_field(name).verbose_name))


@dataclass(frozen=True)
class PeriodValue:
    label: str
    start: datetime.date | None
    end: datetime.date | None
    value: object
    in_period: bool
    note: str = ""
    breakdown: dict | None = None  # {field: sum} for a computed participants indicator

    @property
    def breakdown_items(self):
        """[(label, number)] of the breakdown's non-zero figures."""
        return [(field_label(f), self.breakdown[f]) for f in BREAKDOWN_FIELDS if self.breakdown.get(f)]


@dataclass(frozen=True)
class ResultLabel:
    """The expected result an indicator measures, as the dashboard and the report head it."""

    pk: int
    level: str
    level_label: str
    position: int
    title: str


@dataclass(frozen=True)
class IndicatorFigures:
    """An indicator against its baseline and target: its actual values per period (up to the period's end),
    its charts, and whether it is on track (`track`: the latest typed value, or the sum of the computed
    periods, which count disjoint entries)."""

    pk: int
    result: ResultLabel
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    is_computed: bool
    values: tuple
    chart: charts.Chart | None
    breakdown_chart: charts.Chart | None
    actual: object
    track: str

    @property
    def chart_name(self):
        """The names of its two charts for the page's chart images (see _charts_of)."""
        return f"indicator-{self.pk}"

    @property
    def breakdown_chart_name(self):
        return f"breakdown-{self.pk}"

    @property
    def track_label(self):
        return Track(self.track).label

    @property
    def has_value_in_period(self):
        return any(v.in_period for v in self.values)


def _breakdowns(project, indicators):
    """{(indicator id, start, end): {field: sum}} for the computed participant indicators, in one query per
    500 cells × fields (one for any real project), counted as computed_indicators counts them."""
    computed = [i for i in indicators if i.is_from_log and i.measure == Indicator.Measure.PARTICIPANTS]
    if not computed:
        return {}
    links = {}
    for indicator_id, activity_id in Indicator.activities.through.objects.filter(
        indicator__in=[i.pk for i in computed]
    ).values_list("indicator_id", "activity_id"):
        links.setdefault(indicator_id, []).append(activity_id)
    cells = []
    for indicator in computed:
        for start, end in indicator_periods(indicator, project):
            condition = log_condition(indicator, links.get(indicator.pk), start, end)
            for name in BREAKDOWN_FIELDS:
                cells.append(((indicator.pk, start, end), name, f"b{len(cells)}", Sum(name, filter=condition)))
    totals = aggregate_in_batches(
        counted_entries(network=project.network, project=project), [(key, agg) for _c, _n, key, agg in cells]
    )
    result = {}
    for cell, name, key, _aggregate in cells:
        result.setdefault(cell, {})[name] = totals[key] or 0
    return result


def indicator_figures(*, project, page, period_start, period_end, today=None):
    """[IndicatorFigures] of the project's indicators, result by result (`page`: its project_page)."""
    today = today or timezone.localdate()
    indicators = page.indicators
    computed = computed_indicators(project=project, indicators=indicators)
    breakdowns = _breakdowns(project, indicators)
    share = _share_of_time(project.start_date, project.end_date, _as_of(period_end, today))
    colour = project.network.colour
    rows = []
    for result in page.results:
        label = ResultLabel(
            result.pk, result.level, str(result.get_level_display()), result.position, str(result.title)
        )
        for indicator in result.indicators.all():
            if indicator.is_computed:
                found = computed.get(indicator.pk)
                values = [
                    PeriodValue(period_label(v.period_start, v.period_end), v.period_start, v.period_end, v.value,
                                overlaps(v.period_start, v.period_end, period_start, period_end),
                                breakdown=breakdowns.get((indicator.pk, v.period_start, v.period_end)))
                    for v in (found.values if found else [])
                ]  # fmt: skip
            else:
                values = [
                    PeriodValue(period_label(v.period_start, v.period_end), v.period_start, v.period_end, v.value,
                                overlaps(v.period_start, v.period_end, period_start, period_end), v.note)
                    for v in indicator.values.all()
                ]  # fmt: skip
            # The history up to the end of the period: what came after is not reported yet.
            values = [v for v in values if v.start is None or period_end is None or v.start <= period_end]
            reported = [v for v in values if v.start is None or v.start <= today]
            if indicator.is_computed:
                actual = sum(v.value for v in reported) if reported else None
            else:
                actual = reported[-1].value if reported else None
            name = str(indicator.name)
            chart = None
            if values or indicator.baseline is not None or indicator.target is not None:
                chart = charts.indicator_chart(
                    title=name, periods=[v.label for v in values], actuals=[v.value for v in values],
                    baseline=indicator.baseline, target=indicator.target, unit=indicator.unit, colour=colour,
                )  # fmt: skip
            breakdown_chart = None
            with_breakdown = [v for v in values if v.breakdown]
            if with_breakdown:
                breakdown_chart = charts.breakdown_chart(
                    title=_("%(indicator)s: participants by sex") % {"indicator": name},
                    categories=[v.label for v in with_breakdown],
                    series=[(field_label(f), [v.breakdown[f] for v in with_breakdown])
                            for f in ActivityEntry.SEX_FIELDS],
                    colour=colour,
                )  # fmt: skip
            rows.append(
                IndicatorFigures(
                    pk=indicator.pk, result=label, name=name, unit=indicator.unit, baseline=indicator.baseline,
                    target=indicator.target, is_computed=indicator.is_computed, values=tuple(values), chart=chart,
                    breakdown_chart=breakdown_chart, actual=actual,
                    track=track(baseline=indicator.baseline, target=indicator.target, actual=actual,
                                share_of_time=share),
                )
            )  # fmt: skip
    return rows


# --- planned activities -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityFigures:
    """A planned activity: its status today and its counted entries, in all and in the period."""

    pk: int
    code: str
    title: str
    status: str
    status_label: str
    entries: int
    participants: int
    last_date: datetime.date | None
    period_entries: int
    period_participants: int


class _ActivityCounts:
    """How many of `activities` (ActivityFigures) are done, in progress and not started."""

    def _count(self, status):
        return sum(1 for a in self.activities if a.status == status)

    @property
    def done(self):
        return self._count(Progress.DONE)

    @property
    def in_progress(self):
        return self._count(Progress.IN_PROGRESS)

    @property
    def not_started(self):
        return self._count(Progress.NOT_STARTED)


@dataclass(frozen=True)
class ComponentFigures(_ActivityCounts):
    """A component with its planned activities and how many are done, in progress and not started."""

    pk: int
    kind_label: str
    number: int
    title: str
    activities: tuple


def period_activity(*, project, period_start, period_end):
    """{activity id: (entries, participants)} of the period: one query."""
    rows = (
        counted_entries(network=project.network, project=project, date_from=period_start, date_to=period_end)
        .filter(activity__isnull=False)
        .values("activity")
        .annotate(entries=Count("pk"), participants=Sum("participants_total"))
    )
    return {row["activity"]: (row["entries"], row["participants"] or 0) for row in rows}


def component_figures(*, project, page, period_start, period_end):
    """[ComponentFigures] of the project's logframe (`page`: its project_page): two queries."""
    status = activity_progress(project=project, activities=page.activities)
    in_period = period_activity(project=project, period_start=period_start, period_end=period_end)
    return [
        ComponentFigures(
            pk=component.pk, kind_label=str(component.get_kind_display()), number=component.number,
            title=str(component.title),
            activities=tuple(
                ActivityFigures(
                    pk=a.pk, code=a.code, title=str(a.title), status=status[a.pk].status,
                    status_label=str(status[a.pk].label), entries=status[a.pk].entries,
                    participants=status[a.pk].participants, last_date=status[a.pk].last_date,
                    period_entries=in_period.get(a.pk, (0, 0))[0], period_participants=in_period.get(a.pk, (0, 0))[1],
                )
                for a in component.activities.all()
            ),
        )
        for component in page.components
    ]  # fmt: skip


# --- the activity log: reach, months, latest entries ------------------------------------------------------


@dataclass(frozen=True)
class Month:
    month: datetime.date
    label: str
    entries: int
    participants: int


def months(entries):
    """[Month] of `entries` (counted entries), by the month they started: one query."""
    rows = (
        entries.annotate(month=TruncMonth("start_date"))
        .values("month")
        .annotate(entries=Count("pk"), participants=Sum("participants_total"))
        .order_by("month")
    )
    return [
        Month(row["month"], formats.date_format(row["month"], "YEAR_MONTH_FORMAT"), row["entries"],
              row["participants"] or 0)
        for row in rows
    ]  # fmt: skip


def activity_chart(month_rows, colour):
    if not month_rows:
        return None
    return charts.timeline_chart(
        title=_("Approved entries per month"), labels=[m.label for m in month_rows],
        values=[m.entries for m in month_rows], series_label=_("Entries"), colour=colour,
    )  # fmt: skip


def reach_chart(reached, colour, title):
    if not reached.participants_total:
        return None
    return charts.breakdown_chart(
        title=title, categories=[str(_("By sex")), str(_("By age"))],
        series=[(str(label), [number, 0]) for _n, label, number in reached.by_sex]
        + [(str(label), [0, number]) for _n, label, number in reached.by_age],
        colour=colour,
    )  # fmt: skip


@dataclass(frozen=True)
class LatestEntry:
    pk: int
    title: str
    start_date: datetime.date
    end_date: datetime.date
    kind_label: str
    project: str  # its project's acronym or title ('' for network-level work)
    activity_code: str
    organisation: str
    participants: int


def latest_entries(entries, limit=LATEST_ENTRIES):
    """[LatestEntry] of the latest `limit` of `entries` (counted entries), newest first: one query."""
    rows = entries.select_related("project", "activity", "organisation").defer("search_document")
    return [
        LatestEntry(
            pk=e.pk, title=str(e.title), start_date=e.start_date, end_date=e.end_date,
            kind_label=str(e.get_kind_display()),
            project=(e.project.acronym or str(e.project.title)) if e.project_id else "",
            activity_code=e.activity.code if e.activity_id else "", organisation=e.organisation.name,
            participants=e.participants_total,
        )
        for e in rows.order_by("-start_date", "-pk")[:limit]
    ]  # fmt: skip


def _named_in(model, entries, field_name, **rows):
    """The names of the `model` rows (sites, target groups) the entries name, by position: one query."""
    ids = entries.filter(**{f"{field_name}__isnull": False}).values(field_name)
    return [str(row) for row in model.objects.filter(pk__in=ids, **rows).order_by("position", "pk")]


# --- the charts' names -----------------------------------------------------------------------------------------


def _charts_of(figures):
    """{name: Chart} of a project's or a network's figures: "reach", "activity", and "indicator-<pk>" and
    "breakdown-<pk>" for each indicator. The page shows each as the image at its name's address
    (projects.views.dashboards), so building the page draws none of them."""
    named = {"reach": figures.reach_chart, "activity": figures.activity_chart}
    for indicator in getattr(figures, "indicators", ()):
        named[f"indicator-{indicator.pk}"] = indicator.chart
        named[f"breakdown-{indicator.pk}"] = indicator.breakdown_chart
    return {name: chart for name, chart in named.items() if chart is not None}


# --- a project ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectFigures(_ActivityCounts):
    """What a project's dashboard shows for a period (and what the progress report reads)."""

    period_start: datetime.date | None
    period_end: datetime.date | None
    components: tuple  # ComponentFigures
    indicators: tuple  # IndicatorFigures
    reach: Reach
    reach_chart: charts.Chart | None
    sites: tuple  # the project's sites' names
    sites_reached: tuple  # the sites named in the period's entries
    target_groups: tuple  # the project's target groups' names
    target_groups_reached: tuple  # those named in the period's entries
    months: tuple  # Month
    activity_chart: charts.Chart | None
    latest: tuple  # LatestEntry, newest first

    @property
    def activities(self):
        return [a for c in self.components for a in c.activities]

    def chart(self, name):
        """The chart the page names `name` (see _charts_of), or None."""
        return _charts_of(self).get(name)

    @property
    def on_track(self):
        return sum(1 for i in self.indicators if i.track == Track.ON_TRACK)

    @property
    def is_empty(self):
        """Nothing happened in the period: no approved entry and no indicator value reported in it."""
        return not self.reach.entries and not any(i.has_value_in_period for i in self.indicators)


def project_figures(*, project, period_start=None, period_end=None, page=None, today=None):
    """ProjectFigures of `project` in the period: a fixed number of queries whatever the size of the
    project's logframe and log (`page`: its project_page, when the caller has it already)."""
    page = page or project_page(project=project)
    network, colour = project.network, project.network.colour
    entries = counted_entries(network=network, project=project, date_from=period_start, date_to=period_end)
    reached = reach(network=network, project=project, date_from=period_start, date_to=period_end)
    month_rows = months(entries)
    rows = {"network": network, "project": project}
    return ProjectFigures(
        period_start=period_start,
        period_end=period_end,
        components=tuple(
            component_figures(project=project, page=page, period_start=period_start, period_end=period_end)
        ),
        indicators=tuple(
            indicator_figures(project=project, page=page, period_start=period_start, period_end=period_end, today=today)
        ),  # fmt: skip
        reach=reached,
        reach_chart=reach_chart(reached, colour, _("Participants in the period")),
        sites=tuple(str(site) for site in page.sites),
        sites_reached=tuple(_named_in(Site, entries, "site", **rows)),
        target_groups=tuple(str(group) for group in page.target_groups),
        target_groups_reached=tuple(_named_in(TargetGroup, entries, "target_groups", **rows)),
        months=tuple(month_rows),
        activity_chart=activity_chart(month_rows, colour),
        latest=tuple(latest_entries(entries)),
    )


def _key(kind, pk, period_start, period_end):
    period = [d.isoformat() if d else "" for d in (period_start, period_end)]
    return ":".join(["dashboard", KEY_VERSION, kind, str(pk), *period, get_language() or "",
                     timezone.localdate().isoformat()])  # fmt: skip


def _counter(network):
    return f"network:{network.pk}"  # portal.pagecache's: bumped by every write to the network's rows


def kept_project_figures(*, project, period_start=None, period_end=None):
    """project_figures, kept in the cache until any row of the project's network changes (see above)."""
    return versions.kept(
        _counter(project.network),
        _key("project", project.pk, period_start, period_end),
        lambda: project_figures(project=project, period_start=period_start, period_end=period_end),
    )


# --- a network ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectRow:
    """A line of the network dashboard's table: one project's planned activities, indicators and reach."""

    pk: int
    slug: str
    title: str
    acronym: str
    status: str
    status_label: str
    done: int
    in_progress: int
    not_started: int
    indicators: int
    on_track: int
    entries: int
    participants: int


@dataclass(frozen=True)
class NetworkFigures:
    """What a network's dashboard shows for a period: its log's reach (all its projects and its
    network-level work), entries per month, the latest entries, and a line per project."""

    period_start: datetime.date | None
    period_end: datetime.date | None
    reach: Reach
    reach_chart: charts.Chart | None
    months: tuple
    activity_chart: charts.Chart | None
    latest: tuple
    projects: tuple  # ProjectRow

    @property
    def is_empty(self):
        return not self.reach.entries

    def chart(self, name):
        """The chart the page names `name` (see _charts_of), or None."""
        return _charts_of(self).get(name)


def _activity_counts(network):
    """{project id: {status: count}} of every planned activity of the network: one query."""
    counted = counted_entries(network=network).filter(activity=OuterRef("pk"))
    rows = (
        Activity.objects.filter(network=network)
        .annotate(logged=Exists(counted))
        .values_list("project_id", "done_at", "logged")
    )
    counts = {}
    for project_id, done_at, logged in rows:
        status = progress_status(done_at=done_at, logged=logged)
        mine = counts.setdefault(project_id, {})
        mine[status] = mine.get(status, 0) + 1
    return counts


def _indicator_tracks(network, projects, period_end, today):
    """{project id: (indicators, on track)} of the network's indicators, typed or computed from the log, in
    four queries whatever their number (the log's in one pass per 500 periods: a conditional aggregate each).
    Indicators computed from another app's source (projects.indicator_sources) are counted, never on track
    here: each source reads per project; the project's dashboard assesses them."""
    by_pk = {p.pk: p for p in projects}
    values = Prefetch("values", queryset=IndicatorValue.objects.filter(network=network).order_by("period_start", "pk"))
    indicators = list(Indicator.objects.filter(network=network).prefetch_related(values).order_by("project_id", "pk"))
    from_log = [i for i in indicators if i.is_from_log]
    links = {}
    for indicator_id, activity_id in Indicator.activities.through.objects.filter(
        indicator__in=[i.pk for i in from_log]
    ).values_list("indicator_id", "activity_id"):
        links.setdefault(indicator_id, []).append(activity_id)
    as_of = _as_of(period_end, today)
    cells = []
    for indicator in from_log:
        for start, end in indicator_periods(indicator, by_pk[indicator.project_id]):
            if start is None or start <= as_of:
                condition = log_condition(indicator, links.get(indicator.pk), start, end) & Q(
                    project_id=indicator.project_id
                )
                if indicator.measure == Indicator.Measure.ENTRIES:
                    aggregate = Count("pk", filter=condition)
                else:
                    aggregate = Sum(Indicator.Breakdown(indicator.breakdown).entry_field, filter=condition)
                cells.append((indicator.pk, f"c{len(cells)}", aggregate))
    totals = aggregate_in_batches(counted_entries(network=network), [(key, agg) for _i, key, agg in cells])
    actuals = {}
    for indicator_id, key, _aggregate in cells:
        actuals[indicator_id] = actuals.get(indicator_id, 0) + (totals[key] or 0)
    result = {}
    for indicator in indicators:
        project = by_pk[indicator.project_id]
        if indicator.is_from_log:
            actual = actuals.get(indicator.pk)
        elif indicator.is_computed:
            actual = None
        else:
            typed = [v for v in indicator.values.all() if v.period_start is None or v.period_start <= as_of]
            actual = typed[-1].value if typed else None
        share = _share_of_time(project.start_date, project.end_date, as_of)
        state = track(baseline=indicator.baseline, target=indicator.target, actual=actual, share_of_time=share)
        total, on_track = result.get(project.pk, (0, 0))
        result[project.pk] = (total + 1, on_track + (state == Track.ON_TRACK))
    return result


def network_figures(*, network, period_start=None, period_end=None, today=None):
    """NetworkFigures of `network` in the period, in a fixed number of queries whatever the number of its
    projects, activities, indicators and entries (grouped queries, never one per project)."""
    today = today or timezone.localdate()
    colour = network.colour
    entries = counted_entries(network=network, date_from=period_start, date_to=period_end)
    reached = reach(network=network, date_from=period_start, date_to=period_end)
    month_rows = months(entries)
    projects = list(Project.objects.filter(network=network).order_by("-start_date", "slug", "pk"))
    activities = _activity_counts(network)
    tracks = _indicator_tracks(network, projects, period_end, today)
    logged = {
        row["project"]: (row["entries"], row["participants"] or 0)
        for row in entries.filter(project__isnull=False)
        .values("project")
        .annotate(entries=Count("pk"), participants=Sum("participants_total"))
    }
    rows = []
    for project in projects:
        counts = activities.get(project.pk, {})
        indicators, on_track = tracks.get(project.pk, (0, 0))
        project_entries, participants = logged.get(project.pk, (0, 0))
        rows.append(
            ProjectRow(
                pk=project.pk, slug=project.slug, title=str(project.title), acronym=project.acronym,
                status=project.status, status_label=str(project.get_status_display()),
                done=counts.get(Progress.DONE, 0), in_progress=counts.get(Progress.IN_PROGRESS, 0),
                not_started=counts.get(Progress.NOT_STARTED, 0), indicators=indicators, on_track=on_track,
                entries=project_entries, participants=participants,
            )
        )  # fmt: skip
    return NetworkFigures(
        period_start=period_start,
        period_end=period_end,
        reach=reached,
        reach_chart=reach_chart(reached, colour, _("Participants in the period")),
        months=tuple(month_rows),
        activity_chart=activity_chart(month_rows, colour),
        latest=tuple(latest_entries(entries)),
        projects=tuple(rows),
    )


def kept_network_figures(*, network, period_start=None, period_end=None):
    """network_figures, kept in the cache until any row of the network changes."""
    return versions.kept(
        _counter(network),
        _key("network", network.pk, period_start, period_end),
        lambda: network_figures(network=network, period_start=period_start, period_end=period_end),
    )


def network_span(*, network):
    """(first start, last end) of the network's projects' dates, for its dashboard's periods: one query."""
    span = Project.objects.filter(network=network).aggregate(start=Min("start_date"), end=Max("end_date"))
    return span["start"], span["end"]


# --- agreements -------------------------------------------------------------------------------------------


def _names_of(project):
    """The words an agreement's framework names the project by: its acronym (a whole word) and its titles."""
    titles = [project.title.text(language) for language in project.title.languages]
    patterns = [re.escape(title.strip()) for title in titles if title and title.strip()]
    if project.acronym:
        patterns.append(rf"\b{re.escape(project.acronym)}\b")
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


def project_agreements(*, project, user):
    """The network's partnership agreements this user may read whose framework ("concluded under") names
    the project by its acronym or one of its titles, in any language: one query. The network keeps the
    framework as text (network names no project), so this is a match of words, newest agreement first."""
    names = _names_of(project)
    if names is None:
        return []
    agreements = visible_agreements(user, project.network).order_by("-signed_on", "-pk")
    return [
        agreement
        for agreement in agreements
        if any(names.search(agreement.framework.text(language) or "") for language in agreement.framework.languages)
    ]
