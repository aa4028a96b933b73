"""The project progress report PDF (reports/documents/progress_report.py): read back with pdftotext."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from advocacy.models import Submission
from network.models import Role
from projects import models as m
from reports import kinds
from reports.documents import progress_report
from tests.factories import (
    ActivityEntryFactory,
    AdvocacyOutputFactory,
    NetworkFactory,
    OrganisationFactory,
    person_in,
    project_with_logframe,
)
from tests.reports.documents import flat, needs_poppler, page_count, pdf_fonts, pdf_text

PERIOD = {"period_start": "2025-01-01", "period_end": "2025-12-31"}


def build(network, *, components=2, activities=2, results=2, indicators=2, entries=3, outputs=1, **kwargs):
    """A project with its logframe, a computed indicator, approved entries in 2025 (and one in 2026, outside
    the period, and one draft), published and draft outputs with a submission."""
    kwargs = {"title": "Career guidance in VET schools", "acronym": "CGV", **kwargs}
    project = project_with_logframe(
        network, components=components, activities=activities, results=results, indicators=indicators,
        partners=3, **kwargs,
    )  # fmt: skip
    organisation = OrganisationFactory(name="Youth Centre Gyumri")
    with scopes_disabled():
        activity = m.Activity.objects.filter(project=project).order_by("code").first()
        site = m.Site.objects.filter(project=project).first()
        result = m.Result.objects.filter(project=project).first()
        computed = m.Indicator.objects.create(
            network=network, project=project, result=result, position=99, name="Women trained",
            unit="people", baseline=Decimal("0"), target=Decimal("100"), source="log", measure="participants",
            breakdown="women",
        )  # fmt: skip
        computed.activities.set([activity])
    for n in range(entries):
        ActivityEntryFactory(
            network=network, project=project, activity=activity, organisation=organisation, status="approved",
            title=f"Training of career counsellors {n + 1}", outcomes=f"Counsellors trained in group {n + 1}.",
            start_date=datetime.date(2025, 3 + n % 9, 10), end_date=datetime.date(2025, 3 + n % 9, 11),
            participants_total=20, women=12, men=8, under_18=5, age_18_29=15, with_disabilities=2, site=site,
        )  # fmt: skip
    ActivityEntryFactory(network=network, project=project, activity=activity, organisation=organisation,
                         status="approved", title="Next year's training", start_date=datetime.date(2026, 2, 1),
                         end_date=datetime.date(2026, 2, 1))  # fmt: skip
    ActivityEntryFactory(network=network, project=project, organisation=organisation, status="draft",
                         title="A draft not counted", start_date=datetime.date(2025, 5, 1),
                         end_date=datetime.date(2025, 5, 1))  # fmt: skip
    ministry = OrganisationFactory(name="Ministry of Education", kind="ministry")
    for n in range(outputs):
        output = AdvocacyOutputFactory(network=network, project=project, published=True, visibility="public",
                                       title=f"Policy brief {n + 1}")  # fmt: skip
        with scopes_disabled():
            Submission.objects.create(network=network, output=output, institution=ministry,
                                      submitted_on=datetime.date(2025, 6, 1), outcome="acknowledged")  # fmt: skip
    AdvocacyOutputFactory(network=network, project=project, status="in_review", title="Unfinished study")
    return project


@pytest.fixture
def network(db):
    return NetworkFactory(name="VET for the Future", slug="vet-for-the-future", colour="#0b6e4f")


def render(project, language="en", **parameters):
    with scope(network=project.network):
        kind = kinds.get("progress_report")
        cleaned = kind.clean_parameters(project, parameters or PERIOD)
        fractions = []
        data = kind.render(project, parameters=cleaned, language=language, progress=fractions.append)
    assert len(fractions) >= 5 and fractions == sorted(fractions) and fractions[-1] == 1.0
    return data


@needs_poppler
def test_the_report_holds_the_facts(network, tmp_path):
    project = build(network)
    data = render(project)
    text = flat(pdf_text(data, tmp_path))
    cover = flat(pdf_text(data, tmp_path, 1, 1))
    assert "VET for the Future" in cover and "Career guidance in VET schools" in cover
    assert "Progress report" in cover and "1 January 2025 – 31 December 2025" in cover
    assert "Erasmus+ Capacity Building in VET" in cover
    # Logframe: activity 1.1 with its period's entries and participants, status in progress.
    assert "1.1 Activity 1 In progress 3 60" in text
    assert "Activity 2 Not started 0 0" in text
    # Indicators: typed (2025: 1, 2026: 2 outside the period but before its end? no: 2026 starts after) and
    # the computed one from the log (women in 2025: 3 × 12), with its breakdown.
    assert "Indicator 0" in text and "Women trained" in text
    assert "Baseline 0" in text and "Target 7" in text and "Target 100" in text
    assert "2025 36" in text
    assert "Women: 36; Men: 24; Under 18: 15; 18–29: 45; Persons with disabilities: 6" in text
    # Reach of the period (the 2026 entry and the draft not counted).
    assert "Approved entries 3" in text and "Participants 60" in text and "Persons with disabilities 6" in text
    # Sites, highlights, outputs: published ones only, said so.
    assert "VET school 1" in text
    for n in (1, 2, 3):
        assert f"Training of career counsellors {n}" in text and f"Counsellors trained in group {n}." in text
    assert "Next year's training" not in text and "A draft not counted" not in text
    assert "Policy brief 1" in text and "Acknowledged" in text and "Ministry of Education" in text
    assert "Unfinished study" not in text and "Only the project's published advocacy outputs are listed" in text
    pages = page_count(data, tmp_path)
    assert f"Page 2 of {pages}" in text and "CGV · 1 January 2025 – 31 December 2025" in text


@needs_poppler
def test_the_table_of_contents_points_at_the_sections(network, tmp_path):
    project = build(network)
    data = render(project)
    toc = [flat(line) for line in pdf_text(data, tmp_path, 2, 2).splitlines() if "...." in line]
    assert len(toc) == 6, toc
    for line in toc:
        title, page = line.split(" ")[0], int(line.split()[-1])
        assert title.rstrip(".") in pdf_text(data, tmp_path, page, page), (line, page)


@needs_poppler
def test_the_charts_are_in_the_pdf_as_vector_graphics(network, tmp_path):
    project = build(network)
    with scope(network=network):
        context = progress_report.context(project, parameters=PERIOD, language="en")
    charted = [row for row in context["indicators"] if row.chart]
    assert len(charted) == len(context["indicators"]) == 3
    assert next(row for row in context["indicators"] if row.name == "Women trained").breakdown_chart
    assert context["activity_chart"].table.rows[0] == ("Mar 2025", ("1",))
    assert "<script" not in context["reach_chart"].svg


@needs_poppler
def test_armenian_texts_and_fonts(tmp_path, db):
    network = NetworkFactory(name="Կրթության խթանման ցանց", slug="pep", colour="#d4a017")
    project = build(network, language="hy")
    with scopes_disabled():
        m.Project.objects.filter(pk=project.pk).update(
            title={"hy": {"text": "Մասնագիտական կողմնորոշում", "source": "original"}}
        )
        first = m.ActivityEntry.objects.filter(project=project, status="approved").order_by("start_date").first()
        m.ActivityEntry.objects.filter(pk=first.pk).update(
            language="hy", title={"hy": {"text": "Խորհրդատուների վերապատրաստում", "source": "original"}}
        )
    project.refresh_from_db()
    data = render(project, language="hy")
    text = flat(pdf_text(data, tmp_path))
    assert "Կրթության խթանման ցանց" in text and "Մասնագիտական կողմնորոշում" in text
    assert "Խորհրդատուների վերապատրաստում" in text
    assert "դեկտեմբերի" in text  # dates as Armenian writes them (CLDR: "2025 թ. դեկտեմբերի 31")
    fonts = pdf_fonts(data, tmp_path)
    assert fonts and all("DejaVu" in line for line in fonts), fonts


@pytest.mark.parametrize(
    ("parameters", "errors"),
    [
        ({"period_start": "2025-12-31", "period_end": "2025-01-01"},
         {"period_end": ["The period cannot end before it starts (2025-12-31)."]}),
        ({"period_start": "31.12.2025", "period_end": "2025-01-01"},
         {"period_start": ["Give the date as YYYY-MM-DD, for example 2026-01-31."]}),
        ({"period_start": "2025-01-01"}, {"period_end": ["Give the date."]}),
        ({**PERIOD, "format": "docx"}, {"__all__": ["Unknown report parameters: format."]}),
    ],
)  # fmt: skip
def test_bad_parameters_are_refused_with_a_message(network, parameters, errors):
    project = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1)
    with pytest.raises(ValidationError) as refused:
        progress_report.clean_parameters(project, parameters)
    assert refused.value.message_dict == errors


def test_a_period_outside_the_project_is_fine(network):
    project = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1)
    assert progress_report.clean_parameters(project, {"period_start": "2030-01-01", "period_end": "2030-06-30"}) == {
        "period_start": "2030-01-01",
        "period_end": "2030-06-30",
    }


def test_who_may_request_and_download(network):
    project = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1)
    kind = kinds.get("progress_report")
    member = person_in(network, Role.MEMBER)
    with scope(network=network):
        assert kind.can_request(AnonymousUser(), project)  # a public project of a public network
        with scopes_disabled():
            m.Project.objects.filter(pk=project.pk).update(visibility="private")
        project.refresh_from_db()
        assert not kind.can_download(AnonymousUser(), project)
        assert kind.can_download(member, project)
        assert not kind.can_request(person_in(NetworkFactory(), Role.COORDINATOR), project)


def _queries(project):
    with scope(network=project.network), CaptureQueriesContext(connection) as queries:
        context = progress_report.context(project, parameters=PERIOD, language="en")
        progress_report.common.render_html(progress_report.TEMPLATE, {**context, "footer": {}}, language="en")
    return len(queries)


def test_the_query_count_does_not_grow_with_the_rows(network):
    small = build(network, components=1, activities=1, results=1, indicators=1, entries=1, outputs=1)
    large = build(network, components=4, activities=5, results=5, indicators=12, entries=12, outputs=3,
                  slug="large", title="Large")  # fmt: skip
    assert _queries(small) == _queries(large)


def test_the_filename(network):
    project = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1,
                                    acronym="CGV")  # fmt: skip
    assert progress_report.filename(project, parameters=PERIOD, language="az") == (
        "cgv-progress-2025-01-01-2025-12-31-az.pdf"
    )
