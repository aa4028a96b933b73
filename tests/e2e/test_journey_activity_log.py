"""Journey 1 in the browser: a member logs a training, the coordinator returns it, the member fixes it, the
coordinator approves it, and the project's planned activity and reach move.

The member of a partner organisation logs a training with its participants and a PDF agenda on one page and
submits it; the coordinator returns it with a reason; the member sees the reason, adds the age breakdown and
submits again; the coordinator approves; the project page then shows planned activity 1.4 in progress with
one approved entry and the training's 20 participants in its reach. Full-page screenshots of each step, at
1280 and 375 px, land in test-results/e2e/activity-log/ (git-ignored) for a person to look at.
"""

import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from network.models import Role
from projects.models import ActivityEntry
from tests.factories import PASSWORD, ActivityFactory, NetworkFactory, PartnerFactory, ProjectFactory, person_in
from tests.portal.test_uploads import real_pdf

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "e2e" / "activity-log"
TIMEOUT_MS = 8_000
REASON = "Please add the participants by age, as the donor report asks."

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture
def screenshots():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


class Shots:
    def __init__(self, folder):
        self.folder, self.count = folder, 0

    def take(self, page, step):
        """The page at 1280 px and at 375 px, then back to 1280."""
        self.count += 1
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            # caret="initial": Playwright would otherwise inject a <style>, which the CSP blocks.
            page.screenshot(path=self.folder / f"{self.count:02d}-{step}-{width}.png", full_page=True, caret="initial")
        page.set_viewport_size({"width": 1280, "height": 900})


def _log_in(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    expect(page.get_by_role("link", name="Log out")).to_be_visible()
    return page


def test_a_member_logs_a_training_the_coordinator_returns_then_approves_it(live_server, browser, screenshots, tmp_path):
    cache.clear()
    shots = Shots(screenshots)
    network = NetworkFactory(name="VET for the Future", slug="vet-for-the-future", countries=["AZ"])
    coordinator = person_in(network, Role.COORDINATOR, name="United Nations Development Programme", acronym="UNDP")
    member = person_in(network, Role.MEMBER, name="State Agency on Vocational Education", acronym="SAVE")
    project = ProjectFactory(network=network, title="VET for the Future", acronym="VET4F", slug="vet4f")
    with scopes_disabled():
        PartnerFactory(project=project, organisation=member.affiliations.get().organisation)
        activity = ActivityFactory(
            component__project=project, component__position=1, position=4, title="Strengthening of career guidance"
        )
    agenda = tmp_path / "agenda.pdf"
    agenda.write_bytes(real_pdf())

    # The member logs the training on one page and submits it.
    page = _log_in(browser, live_server, member)
    page.goto(f"{live_server.url}/networks/{network.slug}/activities/new/?project={project.slug}")
    page.locator("select[name=activity]").select_option(label="1.4 Strengthening of career guidance")
    page.locator("select[name=kind]").select_option("training")
    page.locator("input[name^=title]").first.fill("Training of career counsellors")
    page.locator("input[name=start_date]").fill("2025-03-03")
    page.locator("input[name=end_date]").fill("2025-03-05")
    page.locator("input[name=participants_total]").fill("20")
    page.locator("input[name=women]").fill("12")
    page.locator("input[name=men]").fill("8")
    page.locator("input[name=files-attachments]").set_input_files(str(agenda))
    shots.take(page, "member-fills-the-form")
    page.get_by_role("button", name="Save and submit").click()
    expect(page.get_by_text("sent to the coordinators for approval")).to_be_visible()
    expect(page.get_by_role("link", name="agenda.pdf")).to_be_visible()
    shots.take(page, "member-submitted")
    with scopes_disabled():
        entry = ActivityEntry.objects.get(network=network)
    entry_url = f"{live_server.url}/networks/{network.slug}/activities/{entry.pk}/"

    # The coordinator returns it with a reason.
    reviewer = _log_in(browser, live_server, coordinator)
    reviewer.goto(entry_url)
    reviewer.get_by_text("Return it for changes…").click()
    reviewer.get_by_label("What should they change?").fill(REASON)
    reviewer.get_by_role("button", name="Return it with this reason").click()
    expect(reviewer.get_by_text(REASON).first).to_be_visible()
    shots.take(reviewer, "coordinator-returned")

    # The member sees the reason, adds the age breakdown and submits again.
    page.goto(entry_url)
    expect(page.get_by_text("Returned for changes")).to_be_visible()
    expect(page.get_by_text(REASON).first).to_be_visible()
    shots.take(page, "member-sees-the-reason")
    page.get_by_role("link", name="Edit").click()
    page.locator("input[name=age_18_29]").fill("15")
    page.locator("input[name=age_30_64]").fill("5")
    page.get_by_role("button", name="Save and submit").click()
    expect(page.get_by_text("Sent to the coordinators for approval")).to_be_visible()

    # The coordinator approves; the timeline keeps the return and its reason.
    reviewer.goto(entry_url)
    reviewer.get_by_role("button", name="Approve").click()
    expect(reviewer.locator(".pill", has_text="Approved").first).to_be_visible()
    expect(reviewer.locator("ol.timeline")).to_contain_text(REASON)
    shots.take(reviewer, "coordinator-approved")

    # The planned activity's progress and the project's reach moved.
    reviewer.goto(f"{live_server.url}/networks/{network.slug}/projects/{project.slug}/")
    row = reviewer.locator('[id="activity-1.4"]')
    expect(row).to_contain_text("1 approved entry")
    expect(row).to_contain_text("20 participants")
    expect(row.locator(".pill")).to_have_text("In progress")
    expect(reviewer.locator("#reach")).to_contain_text("20")
    shots.take(reviewer, "project-progress-and-reach")
    with scopes_disabled():
        entry.refresh_from_db()
        assert (entry.status, entry.age_18_29, entry.activity_id) == ("approved", 15, activity.pk)
        assert entry.attachments.count() == 1
