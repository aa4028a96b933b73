"""The project progress report for a period (journey 4's donor report): a PDF.

Cover; the figures of the project's dashboard for the period (projects.dashboards, the same numbers and
charts as the page): each planned activity's status today with the entries and participants of the
period; the indicators against baseline and target with their actual values per period (typed in, or
computed from the activity log with their breakdowns by sex, age and disability), with charts; reach in
the period (participants by sex, age and disability; organisations); sites; highlights from the activity
log (the approved entries of the period); the project's advocacy outputs and their uptake.
Page numbers and a table of contents.

Bilingual (a second language): the cover and the contents in both languages, then each section twice, in
parallel: first in the report's language, then in the second, each with its own labels, charts and texts
(read again in that language: the dashboard's figures name their rows and axes in the active language).
A text with no version in a language shows its original there, marked (reports.templatetags.pdf).

The job renders without a request, so nothing here knows who will read the file beyond "may see the
project": the outputs listed are the published ones only (drafts and outputs in review are the
coordinators' and members' business), and the report says so. Every figure counts the approved, undeleted
entries, as the pages do (projects.selectors.counted_entries).
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advocacy import completeness
from advocacy.models import AdvocacyOutput, Submission
from portal import permissions
from portal.pdf import media_url
from projects import dashboards
from projects.models import Project
from projects.selectors import counted_entries, project_page
from reports import kinds
from reports.documents import common

NAME = "progress_report"
TEMPLATE = "reports/pdf/progress_report.html"
HIGHLIGHTS_MAX = 300  # the period's entries shown in full; beyond, the report says how many more there were


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
    """What the template shows, in a fixed number of queries whatever the size of the project and its log:
    the dashboard's figures of the period (projects.dashboards, the same numbers and charts as the page),
    the period's highlights and the published outputs."""
    progress = progress or (lambda fraction: None)
    project = Project.objects.select_related("network").get(network=project.network, pk=project.pk)
    network = project.network
    period_start = datetime.date.fromisoformat(parameters["period_start"])
    period_end = datetime.date.fromisoformat(parameters["period_end"])
    page = project_page(project=project)
    progress(0.15)
    figures = dashboards.project_figures(project=project, period_start=period_start, period_end=period_end, page=page)
    progress(0.45)
    entries = counted_entries(network=network, project=project, date_from=period_start, date_to=period_end)
    highlights = list(
        entries.select_related("activity", "site", "organisation").order_by("start_date", "pk")[: HIGHLIGHTS_MAX + 1]
    )
    more = 0
    if len(highlights) > HIGHLIGHTS_MAX:
        more = entries.count() - HIGHLIGHTS_MAX
        highlights = highlights[:HIGHLIGHTS_MAX]
    outputs = _outputs(project)
    progress(0.65)
    return {
        "network": network,
        "brand": common.brand(network),
        "logo": media_url(network.logo),  # read by the fetcher through the storage
        "project": project,
        "title": str(project.title),
        "title_text": project.title,
        "summary": str(project.summary),
        "summary_text": project.summary,
        "page": page,
        "period_start": period_start,
        "period_end": period_end,
        "figures": figures,
        "logframe": figures.components,
        "indicators": figures.indicators,
        "reach": figures.reach,
        "reach_chart": figures.reach_chart,
        "activity_chart": figures.activity_chart,
        "months": figures.months,
        "highlights": highlights,
        "more_highlights": more,
        "outputs": outputs,
        "generated": timezone.now(),
        "language": language,
    }


def _part(language, data):
    """One language's sections: its code, its name in itself, and the data read in it (None: the document's)."""
    return {"language": language, "name": translation.get_language_info(language)["name_local"], "data": data}


def bilingual_context(project, *, parameters, language, second_language="", progress=None):
    """context() in `language`, with `parts`: the languages its sections are shown in, each with the data read
    in that language (the second language's read again under its translation.override)."""
    progress = progress or (lambda fraction: None)
    data = context(project, parameters=parameters, language=language,
                   progress=(lambda f: progress(f / 2)) if second_language else progress)  # fmt: skip
    data["languages"], data["parts"] = [language], [_part(language, None)]
    if second_language:
        with translation.override(second_language):
            second = context(project, parameters=parameters, language=second_language,
                             progress=lambda f: progress(0.5 + f / 2))  # fmt: skip
        data["languages"].append(second_language)
        data["parts"].append(_part(second_language, second))
    data["bilingual"] = len(data["languages"]) > 1
    return data


def render(project, *, parameters, language, progress, second_language=""):
    progress(0.05)
    with translation.override(language):
        data = bilingual_context(project, parameters=parameters, language=language, second_language=second_language,
                                 progress=lambda f: progress(0.05 + 0.6 * f))  # fmt: skip
        period = f"{common.day(data['period_start'])} – {common.day(data['period_end'])}"
        data["footer"] = common.page_footer(left=f"{data['project'].acronym or data['title'][:60]} · {period}")
        pdf = common.render_document(TEMPLATE, data, language=language)
    progress(1.0)
    return pdf


def filename(project, *, parameters, language, second_language=""):
    stem = slugify(project.acronym or str(project.title))[:60] or "project"
    languages = f"{language}-{second_language}" if second_language else language
    return f"{stem}-progress-{parameters['period_start']}-{parameters['period_end']}-{languages}.pdf"


def check_translations(project, languages):
    """The project's texts missing in the report's languages (advocacy.completeness), before it is asked for."""
    return completeness.project_check(project, languages)


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
        bilingual=True,
        completeness=check_translations,
    )
)
