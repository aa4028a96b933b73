"""Journey 4 in the browser: a donor's person opens the portfolio, a funded project's dashboard and its
progress report, and cannot open a project the donor does not fund.

The European Union funds one project in each of two networks (one as a funder-role partner, one through a
link of the funding chain; the second network is private, so the donor, who belongs to no network, comes
in through the dashboard's door) and nothing in a third. The EU's person logs in, opens the portfolio
(both projects, not the third), opens the first project's dashboard (its figures, charts with their tables),
asks for the progress report of a period, waits while a real Celery worker renders it, and downloads a PDF
that names the project. The unfunded project's dashboard answers 404. Full-page screenshots at 1280 and
375 px land in test-results/e2e/donor/ (git-ignored) for a person to look at.
"""

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from network.models import Role
from projects.models import FundingLink
from reports.models import ReportJob
from tests.e2e.test_journey_activity_log import Shots, _log_in
from tests.factories import (
    ActivityEntryFactory,
    ActivityFactory,
    ComponentFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    institution_person,
    org,
    person_in,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "e2e" / "donor"


@pytest.fixture
def screenshots():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


def _approved_entries(project, organisation, activity):
    now = timezone.now()
    for month, (women, men) in enumerate([(12, 8), (9, 6), (15, 5)], start=3):
        ActivityEntryFactory(
            network=project.network, project=project, activity=activity, organisation=organisation,
            title=f"Career guidance training, month {month}", start_date=datetime.date(2025, month, 10),
            end_date=datetime.date(2025, month, 11), participants_total=women + men, women=women, men=men,
            status="approved", approved_at=now,
        )  # fmt: skip


def test_a_donor_opens_its_portfolio_a_funded_dashboard_and_the_progress_report(
    live_server, browser, screenshots, celery_worker_process, tmp_path
):
    cache.clear()
    shots = Shots(screenshots)
    donor = institution_person("donor", name="European Union")
    eu = org(donor)
    armenia = NetworkFactory(name="Partnership for Education Policy", slug="pep", countries=["AM"])
    azerbaijan = NetworkFactory(name="VET for the Future", slug="vet-future", countries=["AZ"], visibility="private")
    slovenia = NetworkFactory(name="Slovenian youth network", slug="mreza", countries=["SI"])
    coordinator = person_in(armenia, Role.COORDINATOR, name="Armenian Progressive Youth", acronym="APY")
    with scopes_disabled():
        funded = ProjectFactory(network=armenia, title="Education policy in Armenia", acronym="EPA", slug="epa")
        PartnerFactory(project=funded, organisation=eu, role="funder")
        PartnerFactory(project=funded, organisation=org(coordinator), role="lead")
        component = ComponentFactory(project=funded, title="Career guidance")
        activity = ActivityFactory(component=component, title="Career guidance trainings")
        _approved_entries(funded, org(coordinator), activity)
        chained = ProjectFactory(network=azerbaijan, title="Modern VET in Azerbaijan", acronym="MVET", slug="mvet")
        FundingLink.objects.create(
            network=azerbaijan, project=chained, kind="funder", name="European Union", organisation=eu
        )
        unfunded = ProjectFactory(network=slovenia, title="Youth participation in Slovenia", slug="youth")
        PartnerFactory(project=unfunded, organisation=OrganisationFactory(kind="donor"), role="funder")

    page = _log_in(browser, live_server, donor)
    page.goto(f"{live_server.url}/portfolio/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Education policy in Armenia")).to_be_visible()
    expect(page.get_by_role("link", name="Modern VET in Azerbaijan")).to_be_visible()
    expect(page.get_by_text("Youth participation in Slovenia")).to_have_count(0)
    shots.take(page, "portfolio")

    page.get_by_role("link", name="Education policy in Armenia").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Education policy in Armenia")
    assert page.url.endswith("/networks/pep/projects/epa/dashboard/")
    chart = page.locator("figure.chart img").first  # the charts: images of their own address, drawn by the server
    chart.scroll_into_view_if_needed()  # they load lazily
    expect(chart).to_be_visible()
    chart.element_handle().wait_for_element_state("stable")
    page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=chart.element_handle())
    expect(page.get_by_text("Career guidance training, month 5").first).to_be_visible()
    expect(page.get_by_text("55").first).to_be_visible()  # participants reached: 20 + 15 + 20
    shots.take(page, "dashboard")

    # The private network's project, through the door: its dashboard opens for the funder.
    assert page.goto(f"{live_server.url}/networks/vet-future/projects/mvet/dashboard/").status == 200
    shots.take(page, "dashboard-private-network")
    # The project the EU does not fund: not there for its person.
    assert page.goto(f"{live_server.url}/networks/mreza/projects/youth/dashboard/").status == 404

    page.goto(f"{live_server.url}/networks/pep/projects/epa/dashboard/?from=2025-01-01&to=2025-12-31")
    with celery_worker_process.taking_jobs():
        page.get_by_role("button", name="Prepare the PDF").click()
        expect(page.locator("#report-status")).to_be_visible()
        shots.take(page, "job-page")
        expect(page.get_by_role("link", name="Download the PDF")).to_be_visible(timeout=60_000)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    pdf_path = tmp_path / "progress.pdf"
    download_info.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Education policy in Armenia" in text
    with scopes_disabled():
        job = ReportJob.objects.get()
    assert (job.status, job.kind, job.subject_id) == ("done", "progress_report", funded.pk)
    assert job.parameters == {"period_start": "2025-01-01", "period_end": "2025-12-31"}
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", str(pdf_path), str(screenshots / "pdf")], check=True
    )
