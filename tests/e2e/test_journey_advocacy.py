"""Journey 3 in the browser: a ministry user finds the recommendations package addressed to it, asks for its
PDF, waits while a real Celery worker prepares it, and downloads it.

The network publishes a restricted recommendations package addressed to the ministry; the ministry's person
(who holds no role in the network) logs in, opens "Documents addressed to us", opens the package, asks for
the PDF, watches the job's page follow the render (htmx polling against a real worker process through
Redis), and downloads a PDF whose text names the package and its recommendations. Another ministry's
person gets 404 on the same package. Full-page screenshots of each step, at 1280 and 375 px, land in
test-results/e2e/advocacy/ (git-ignored) for a person to look at.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from django_scopes import scope
from playwright.sync_api import expect

from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_create, output_publish, output_start_review
from advocacy.services.recommendations import recommendation_add
from network.models import Role
from reports.models import ReportJob
from tests.e2e.test_journey_activity_log import Shots, _log_in
from tests.factories import NetworkFactory, institution_person, org, person_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "e2e" / "advocacy"
TITLE = "Recommendations package for VET reforms"
RECOMMENDATIONS = [
    "Give VET schools a say in the national qualification standards.",
    "Fund career guidance in every pilot school from the state budget.",
    "Publish the ministry's responses to the network's proposals within 60 days.",
]


@pytest.fixture
def screenshots():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


def _package(network, coordinator, ministry):
    with scope(network=network):
        output = output_create(
            network=network,
            acting_user=coordinator,
            data={
                "title": TITLE,
                "kind": "recommendation_package",
                "visibility": "restricted",
                "summary": "What the network asks of the ministry after two years of pilots.",
            },
        )
        output_address(output=output, institution=ministry, acting_user=coordinator)
        for text in RECOMMENDATIONS:
            recommendation_add(output=output, acting_user=coordinator, data={"text": text, "institution": ministry.pk})
        output = output_start_review(output=output, acting_user=coordinator)
        return output_publish(output=output, acting_user=coordinator)


def test_a_ministry_finds_the_package_addressed_to_it_and_downloads_its_pdf(
    live_server, browser, screenshots, celery_worker_process, tmp_path
):
    cache.clear()
    shots = Shots(screenshots)
    network = NetworkFactory(name="Partnership for Education Policy", slug="pep", countries=["AM"])
    coordinator = person_in(network, Role.COORDINATOR, name="Armenian Progressive Youth", acronym="APY")
    minister = institution_person("ministry", name="Ministry of Education, Science, Culture and Sports")
    outsider = institution_person("ministry", name="Ministry of Finance")
    output = _package(network, coordinator, org(minister))

    page = _log_in(browser, live_server, minister)
    page.goto(f"{live_server.url}/addressed/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shots.take(page, "addressed-to-us")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    for text in RECOMMENDATIONS:
        expect(page.get_by_text(text).first).to_be_visible()
    shots.take(page, "package")
    package_url = page.url

    with celery_worker_process.taking_jobs():
        page.get_by_role("button", name="Prepare the PDF").click()
        # The job's page: the worker renders while htmx polls; the download appears without a reload.
        status = page.locator("#report-status")
        expect(status).to_be_visible()
        shots.take(page, "job-page")
        expect(page.get_by_role("link", name="Download the PDF")).to_be_visible(timeout=60_000)
    shots.take(page, "job-done")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    pdf_path = tmp_path / "package.pdf"
    download_info.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert TITLE in flat
    for text_ in RECOMMENDATIONS:
        assert " ".join(text_.split()) in flat
    assert "Ministry of Education, Science, Culture and Sports" in flat
    with scope(network=network):
        job = ReportJob.objects.get()  # one job, rendered by the worker (nothing runs in this process)
    assert (job.status, job.kind, job.subject_id) == ("done", "recommendation_package", output.pk)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", str(pdf_path), str(screenshots / "pdf")], check=True
    )

    # Another ministry's person: the package and its PDF are not there for them.
    other = _log_in(browser, live_server, outsider)
    for url in (package_url, f"{live_server.url}/reports/{job.key}/", f"{live_server.url}/reports/{job.key}/download/"):
        assert other.goto(url).status == 404, url
    other.goto(f"{live_server.url}/addressed/")
    expect(other.get_by_role("link", name=TITLE)).to_have_count(0)
    shots.take(other, "other-ministry")
