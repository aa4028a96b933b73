"""The project progress report for a period (journey 4's donor report): a PDF.

Cover; the logframe with each planned activity's progress (projects.selectors.activity_progress: its status
today, and the entries and participants of the period); the indicators against baseline and target with
their actual values per period (typed in, or computed from the activity log with their breakdowns by sex,
age and disability), with charts (portal.charts); reach in the period (participants by sex, age and
disability; organisations); sites; highlights from the activity log (the approved entries of the period);
the project's advocacy outputs and their uptake. Page numbers and a table of contents.

The job renders without a request, so nothing here knows who will read the file beyond "may see the
project": the outputs listed are the published ones only (drafts and outputs in review are the
coordinators' and members' business), and the report says so. Every figure counts the approved, undeleted
entries, as the pages do (projects.selectors.counted_entries).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advocacy.models import AdvocacyOutput, Submission
from portal import charts, permissions
from portal.pdf import media_url
from projects.models import ActivityEntry, Indicator, Project
from projects.selectors import (
    activity_progress,
    computed_indicators,
    counted_entries,
    indicator_periods,
    project_page,
    reach,
)
from reports import kinds
from reports.documents import common

NAME = "progress_report"
TEMPLATE = "reports/pdf/progress_report.html"
HIGHLIGHTS_MAX = 300  # the period's entries shown in full; beyond, the report says how many more there were
BREAKDOWN_FIELDS = (*ActivityEntry.SEX_FIELDS, *ActivityEntry.AGE_FIELDS, "with_disabilities")
_AGGREGATES_PER_QUERY = 500  # as projects.selectors: below PostgreSQL's and SQLite's column limits


def _date(parameters, name, errors):
    value = parameters.get(name)
    if value in (None, ""):
        errors[name] = _("Give the date.")
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        errors[name] = _("Give the date as YYYY-MM-DD, for example 2026-01-31.")
        return None


def clean_parameters(project, parameters):
    """{"period_start", "period_end"}: ISO dates, the end not before the start. A period outside the
    project's dates is fine (a report on the months before it started shows what there was: nothing)."""
    common.check_keys(parameters, {"period_start", "period_end"})
    errors = {}
    start, end = _date(parameters, "period_start", errors), _date(parameters, "period_end", errors)
    if start and end and end < start:
        errors["period_end"] = _("The period cannot end before it starts (%(start)s).") % {"start": start.isoformat()}
    if errors:
        raise ValidationError(errors)
    return {"period_start": start.isoformat(), "period_end": end.isoformat()}


def data_version(project, parameters):
    return common.data_version(project.network, NAME, project.pk, parameters)


@dataclass
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
        return [(_field_label(f), self.breakdown[f]) for f in BREAKDOWN_FIELDS if self.breakdown.get(f)]


def _period_label(start, end):
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if start and end:
        return f"{common.day(start)} – {common.day(end)}"
    return str(_("Whole log"))


def _overlaps(start, end, period_start, period_end):
    return (start is None or start <= period_end) and (end is None or end >= period_start)


def _breakdowns(project, indicators):
    """{(indicator id, start, end): {field: sum}} for the computed participant indicators, in one query per
    500 cells × fields (one for any real project), counted as computed_indicators counts them."""
    cells = []
    links = {}
    computed = [i for i in indicators if i.is_computed and i.measure == Indicator.Measure.PARTICIPANTS]
    if not computed:
        return {}
    for indicator_id, activity_id in Indicator.activities.through.objects.filter(
        indicator__in=[i.pk for i in computed]
    ).values_list("indicator_id", "activity_id"):
        links.setdefault(indicator_id, []).append(activity_id)
    for indicator in computed:
        for start, end in indicator_periods(indicator, project):
            condition = Q()
            if indicator.entry_kind:
                condition &= Q(kind=indicator.entry_kind)
            if links.get(indicator.pk):
                condition &= Q(activity__in=links[indicator.pk])
            if start:
                condition &= Q(start_date__gte=start)
            if end:
                condition &= Q(start_date__lte=end)
            for name in BREAKDOWN_FIELDS:
                cells.append(((indicator.pk, start, end), name, f"b{len(cells)}", Sum(name, filter=condition)))
    entries = counted_entries(network=project.network, project=project)
    totals = {}
    for first in range(0, len(cells), _AGGREGATES_PER_QUERY):
        batch = cells[first : first + _AGGREGATES_PER_QUERY]
        totals.update(entries.aggregate(**{key: aggregate for _c, _n, key, aggregate in batch}))
    result = {}
    for cell, name, key, _aggregate in cells:
        result.setdefault(cell, {})[name] = totals[key] or 0
    return result


def _field_label(name):
    return capfirst(str(ActivityEntry._meta.get_field(name).verbose_name))


def _indicators(project, page, period_start, period_end, colour):
    indicators = page.indicators
    computed = computed_indicators(project=project, indicators=indicators)
    breakdowns = _breakdowns(project, indicators)
    rows = []
    for result in page.results:
        for indicator in result.indicators.all():
            if indicator.is_computed:
                found = computed.get(indicator.pk)
                values = [
                    PeriodValue(_period_label(v.period_start, v.period_end), v.period_start, v.period_end, v.value,
                                _overlaps(v.period_start, v.period_end, period_start, period_end),
                                breakdown=breakdowns.get((indicator.pk, v.period_start, v.period_end)))
                    for v in (found.values if found else [])
                ]  # fmt: skip
            else:
                values = [
                    PeriodValue(_period_label(v.period_start, v.period_end), v.period_start, v.period_end, v.value,
                                _overlaps(v.period_start, v.period_end, period_start, period_end), v.note)
                    for v in indicator.values.all()
                ]  # fmt: skip
            # The history up to the end of the report's period: what came after is not reported yet.
            values = [v for v in values if v.start is None or v.start <= period_end]
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
                    series=[(_field_label(f), [v.breakdown[f] for v in with_breakdown])
                            for f in ActivityEntry.SEX_FIELDS],
                    colour=colour,
                )  # fmt: skip
            rows.append({"result": result, "indicator": indicator, "name": name, "values": values, "chart": chart,
                         "breakdown_chart": breakdown_chart})  # fmt: skip
    return rows


def _period_activity(project, period_start, period_end):
    """{activity id: (entries, participants)} of the period: one query."""
    rows = (
        counted_entries(network=project.network, project=project, date_from=period_start, date_to=period_end)
        .filter(activity__isnull=False)
        .values("activity")
        .annotate(entries=Count("pk"), participants=Sum("participants_total"))
    )
    return {row["activity"]: (row["entries"], row["participants"] or 0) for row in rows}


def _months(project, period_start, period_end):
    rows = (
        counted_entries(network=project.network, project=project, date_from=period_start, date_to=period_end)
        .annotate(month=TruncMonth("start_date"))
        .values("month")
        .annotate(entries=Count("pk"), participants=Sum("participants_total"))
        .order_by("month")
    )
    return [(row["month"], row["entries"], row["participants"] or 0) for row in rows]


def _outputs(project):
    outputs = list(
        AdvocacyOutput.objects.filter(
            network=project.network, project=project, status=AdvocacyOutput.Status.PUBLISHED
        ).order_by("-published_at", "pk")
    )
    submissions = {}
    if outputs:
        for submission in (
            Submission.objects.filter(network=project.network, output__in=outputs)
            .select_related("institution", "recommendation")
            .order_by("submitted_on", "pk")
        ):
            submissions.setdefault(submission.output_id, []).append(submission)
    return [{"output": output, "submissions": submissions.get(output.pk, [])} for output in outputs]


def context(project, *, parameters, language, progress=None):
    """What the template shows, in a fixed number of queries whatever the size of the project and its log."""
    progress = progress or (lambda fraction: None)
    project = Project.objects.select_related("network").get(network=project.network, pk=project.pk)
    network = project.network
    period_start = datetime.date.fromisoformat(parameters["period_start"])
    period_end = datetime.date.fromisoformat(parameters["period_end"])
    colour = common.brand(network)["colour"]
    page = project_page(project=project)
    progress(0.15)
    activities = page.activities
    status = activity_progress(project=project, activities=activities)
    in_period = _period_activity(project, period_start, period_end)
    logframe = [
        {"component": component,
         "activities": [{"activity": a, "progress": status[a.pk], "period": in_period.get(a.pk, (0, 0))}
                        for a in component.activities.all()]}
        for component in page.components
    ]  # fmt: skip
    progress(0.3)
    indicators = _indicators(project, page, period_start, period_end, colour)
    progress(0.45)
    reached = reach(network=network, project=project, date_from=period_start, date_to=period_end)
    reach_chart = charts.breakdown_chart(
        title=_("Participants in the period"), categories=[str(_("By sex")), str(_("By age"))],
        series=[(str(label), [number, 0]) for _n, label, number in reached.by_sex]
        + [(str(label), [0, number]) for _n, label, number in reached.by_age],
        colour=colour,
    )  # fmt: skip
    months = _months(project, period_start, period_end)
    activity_chart = None
    if months:
        activity_chart = charts.timeline_chart(
            title=_("Approved entries per month"), labels=[common.month(m) for m, _e, _p in months],
            values=[e for _m, e, _p in months], series_label=_("Entries"), colour=colour,
        )  # fmt: skip
    progress(0.55)
    highlights = list(
        counted_entries(network=network, project=project, date_from=period_start, date_to=period_end)
        .select_related("activity", "site", "organisation")
        .order_by("start_date", "pk")[: HIGHLIGHTS_MAX + 1]
    )
    more = 0
    if len(highlights) > HIGHLIGHTS_MAX:
        more = (
            counted_entries(network=network, project=project, date_from=period_start, date_to=period_end).count()
            - HIGHLIGHTS_MAX
        )
        highlights = highlights[:HIGHLIGHTS_MAX]
    outputs = _outputs(project)
    progress(0.65)
    return {
        "network": network,
        "brand": common.brand(network),
        "logo": media_url(network.logo),  # read by the fetcher through the storage
        "project": project,
        "title": str(project.title),
        "summary": str(project.summary),
        "page": page,
        "period_start": period_start,
        "period_end": period_end,
        "logframe": logframe,
        "indicators": indicators,
        "reach": reached,
        "reach_chart": reach_chart,
        "activity_chart": activity_chart,
        "months": months,
        "highlights": highlights,
        "more_highlights": more,
        "outputs": outputs,
        "generated": timezone.now(),
        "language": language,
    }


def render(project, *, parameters, language, progress):
    progress(0.05)
    with translation.override(language):
        data = context(project, parameters=parameters, language=language, progress=progress)
        period = f"{common.day(data['period_start'])} – {common.day(data['period_end'])}"
        data["footer"] = common.page_footer(left=f"{data['project'].acronym or data['title'][:60]} · {period}")
        pdf = common.render_document(TEMPLATE, data, language=language)
    progress(1.0)
    return pdf


def filename(project, *, parameters, language):
    stem = slugify(project.acronym or str(project.title))[:60] or "project"
    return f"{stem}-progress-{parameters['period_start']}-{parameters['period_end']}-{language}.pdf"


def can_request(user, project):
    return permissions.check("view_project", user, project)


KIND = kinds.register(
    kinds.Kind(
        name=NAME,
        label=gettext_lazy("Progress report (PDF)"),
        subject_model="projects.Project",
        can_request=can_request,
        can_download=can_request,
        clean_parameters=clean_parameters,
        data_version=data_version,
        render=render,
        filename=filename,
    )
)
