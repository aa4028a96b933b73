"""A coordinator builds a small project in the browser and the public sees it.

The coordinator logs in, creates the project, adds two components and three activities (htmx swaps one
section at a time: the page is never reloaded), reorders two activities, is told on the field that a number
is taken, and an anonymous visitor then reads the project page with its numbered outline. Full-page
screenshots of each step land in test-results/e2e/project/ (git-ignored) for a person to look at.
"""

import re
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from network.models import Role
from tests.factories import PASSWORD, NetworkFactory, person_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "e2e" / "project"
TIMEOUT_MS = 8_000

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="module")
def screenshots():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


class Steps:
    def __init__(self, folder, prefix):
        self.folder, self.prefix, self.count = folder, prefix, 0

    def shot(self, page, step):
        self.count += 1
        # caret="initial": Playwright would otherwise inject a <style> to hide the caret, which the CSP blocks.
        path = self.folder / f"{self.prefix}-{self.count:02d}-{step}.png"
        page.screenshot(path=path, full_page=True, caret="initial")


def _settled(page):
    """Wait until htmx has no request in flight and has finished swapping, as a person would see."""
    page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")


def _click(page, locator):
    locator.click()
    _settled(page)


def _add_activity(page, component, title):
    """Open the add form under `component` ("Pillar 1") if it is closed, then add `title`."""
    link = page.get_by_role("link", name=f"Add an activity to {component}")
    if link.count():
        _click(page, link)
    field = page.locator(".nested-add input[name$='-title']")
    expect(field).to_be_focused()  # opened with autofocus, ready to type
    field.fill(title)
    _click(page, page.locator(".nested-add").get_by_role("button", name="Add the activity"))
    expect(page.locator("#section-components").get_by_text(title)).to_be_visible()


def test_a_coordinator_builds_a_project_and_the_public_reads_it(live_server, page, browser, screenshots):
    page.set_default_timeout(TIMEOUT_MS)
    cache.clear()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    steps = Steps(screenshots, "build")
    network = NetworkFactory(name="VET for the Future", slug="vet-for-the-future", countries=["AZ"])
    coordinator = person_in(network, Role.COORDINATOR, name="United Nations Development Programme", acronym="UNDP")

    # Log in and start a project from the network's project list.
    page.goto(f"{live_server.url}/accounts/login/?next=/networks/{network.slug}/projects/")
    page.get_by_label("E-mail address").fill(coordinator.email)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name=re.compile(r"log in|sign in", re.I)).click()
    page.get_by_role("link", name="New project").click()

    page.locator("#id_title").fill("Development of VET providers’ excellence in Azerbaijan")
    page.locator("#id_acronym").fill("VET4F")
    page.locator("#id_programme").fill("EU support to VET reform")
    page.locator("#id_status").select_option("active")
    page.locator("#id_start_date").fill("2021-01-01")
    page.locator("#id_end_date").fill("2024-12-31")
    page.locator("#id_budget_amount").fill("-5")
    page.get_by_role("button", name="Create the project").click()
    # Bad input comes back on its fields; nothing is created.
    expect(page.locator("#id_budget_amount_error")).to_have_text("The budget cannot be negative.")
    expect(page.locator("#id_budget_currency_error")).to_have_text("Give the currency of the budget.")
    steps.shot(page, "project-form-errors")
    page.locator("#id_budget_amount").fill("8000000")
    # The currency is a choice, with an autocomplete over its select: a name finds the code.
    currency = page.get_by_role("combobox", name="Currency")
    currency.fill("euro")
    page.get_by_role("option", name="EUR – Euro").click()
    expect(page.locator("select[name=budget_currency]")).to_have_value("EUR")
    page.locator("#id_countries").select_option("AZ")
    page.get_by_role("button", name="Create the project").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Objectives and activities")
    steps.shot(page, "project-created")

    # From here on htmx swaps sections: a full reload would drop this marker.
    page.evaluate("window.__partneraNoReload = true")
    section = page.locator("#section-components")
    for title in ("Introduction of innovations in selected VET providers", "Infrastructure and equipment"):
        page.locator("#id_add-component-new-kind").select_option("pillar")
        page.locator("#id_add-component-new-title").fill(title)
        _click(page, page.get_by_role("button", name="Add the component"))
        expect(section.get_by_text(title)).to_be_visible()
    expect(section.get_by_role("status")).to_have_text("Component added.")

    _add_activity(page, "Pillar 1", "Improvement of institutional capacity")
    _add_activity(page, "Pillar 1", "Strengthening of career guidance services")  # the form stayed open
    steps.shot(page, "two-activities-in-pillar-1")
    _click(page, page.locator(".nested-add").get_by_role("link", name="Cancel"))
    _add_activity(page, "Pillar 2", "Procurement of workshop equipment")

    # Reorder: 1.2 moves up and becomes 1.1.
    _click(page, page.get_by_role("button", name="Move up: activity 1.2"))
    activities = section.locator("li[id^=activity-] .row-text")
    expect(activities).to_have_text(
        [
            re.compile(r"^1\.1\s+Strengthening of career guidance services\s*$"),
            re.compile(r"^1\.2\s+Improvement of institutional capacity\s*$"),
            re.compile(r"^2\.1\s+Procurement of workshop equipment\s*$"),
        ]
    )
    # The moved row keeps the focus (now first, it has only "down" left), so keyboard users stay in place.
    expect(page.get_by_role("button", name="Move down: activity 1.1")).to_be_focused()

    # A number typed in from a document that is already taken: the message sits on the number field.
    _click(page, page.get_by_role("link", name="Add an activity to Pillar 2"))
    page.locator(".nested-add input[name$='-code']").fill("2.1")
    page.locator(".nested-add input[name$='-title']").fill("A second procurement")
    _click(page, page.locator(".nested-add").get_by_role("button", name="Add the activity"))
    expect(page.locator(".nested-add .error")).to_contain_text("Activity 2.1 already exists in this project")
    steps.shot(page, "duplicate-number-refused")
    assert page.evaluate("window.__partneraNoReload") is True, "an htmx action reloaded the whole page"
    assert [p for p in problems if "favicon" not in p] == []  # no CSP violation, no script error

    # Anyone reads the project page: facts and the numbered outline.
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()
    visitor.set_default_timeout(TIMEOUT_MS)
    visitor.goto(f"{live_server.url}/networks/{network.slug}/projects/vet4f/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "VET4F: Development of VET providers’ excellence in Azerbaijan"
    )
    facts = visitor.locator("dl.facts")
    expect(facts).to_contain_text("€8,000,000.00")
    expect(facts).to_contain_text("1 Jan 2021 – 31 Dec 2024 (48 months)")
    # Each activity in its order with its progress (nothing logged yet).
    outline = visitor.locator("ol.logframe")
    expect(outline.locator("li li")).to_have_text(
        [
            re.compile(
                r"^1\.1\s+Strengthening of career guidance services\s+Not started\s+No approved entries yet\s*$"
            ),
            re.compile(r"^1\.2\s+Improvement of institutional capacity\s+Not started\s+No approved entries yet\s*$"),
            re.compile(r"^2\.1\s+Procurement of workshop equipment\s+Not started\s+No approved entries yet\s*$"),
        ]
    )
    expect(visitor.get_by_role("link", name="Edit")).to_have_count(0)
    steps.shot(visitor, "public-project-page")
    visitor_context.close()


def test_a_whole_logframe_reads_as_an_outline(live_server, page, screenshots):
    """A project imported the way the demo loader will do it: every part of the page in one look."""
    from django_scopes import scope

    from projects.services.imports import project_import
    from tests.projects.test_services import VET_FOR_THE_FUTURE

    page.set_default_timeout(TIMEOUT_MS)
    steps = Steps(screenshots, "outline")
    network = NetworkFactory(name="VET for the Future", slug="vet-for-the-future", countries=["AZ"])
    coordinator = person_in(network, Role.COORDINATOR, name="United Nations Development Programme", acronym="UNDP")
    person_in(network, Role.MEMBER, name="State Agency on Vocational Education", acronym="", country="AZ")
    data = {
        **VET_FOR_THE_FUTURE, "acronym": "VET4F", "programme": "EU support to VET reform in Azerbaijan",
        "budget_amount": "8000000", "budget_currency": "EUR", "start_date": "2021-01-01", "end_date": "2024-12-31",
        "objectives": {**VET_FOR_THE_FUTURE["objectives"], "specific": ["Modernise seven pilot VET providers",
                                                                         "Strengthen national VET coordination"]},
    }  # fmt: skip
    with scope(network=network):
        project = project_import(network=network, data=data, acting_user=coordinator)

    page.goto(f"{live_server.url}/networks/{network.slug}/projects/{project.slug}/")
    expect(page.locator("ol.chain li")).to_have_text(["European Union (funder)", "this project"])  # "→" is CSS
    expect(page.locator("#partners h3")).to_have_text(
        ["Lead partner / coordinator", "Funder", "Implementing organisation"]
    )
    expect(page.locator("#sites tbody tr")).to_have_count(7)
    expect(page.locator("table.indicators tbody tr").first.locator("th, td")).to_have_text(
        ["Pilot schools with new equipment", "schools", "0", "7", "2024: 4"]
    )
    steps.shot(page, "public-project-page")
