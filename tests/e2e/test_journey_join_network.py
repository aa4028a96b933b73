"""Journey 2 in the browser: a member NGO signs up and joins a network; invitations work the other way round.

Everything a person does goes through the pages (role and label locators, so the accessible names are
checked too). E-mail is read from Django's locmem outbox: the live server runs in a thread of this
process, so `django.core.mail.outbox` is shared. A full-page screenshot of every step lands in
test-results/e2e/<test>/<nn>-<step>.png (git-ignored) for a person to look at.
"""

import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Organisation
from network.models import Role
from tests.factories import PASSWORD, AffiliationFactory, MembershipFactory, NetworkFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "e2e"
NEW_PASSWORD = "Rural-schools-2025-guidance"
TIMEOUT_MS = 8_000  # every page here answers in well under a second; fail fast, not after 30 s

expect.set_options(timeout=TIMEOUT_MS)


class Steps:
    """Numbered full-page screenshots of one test."""

    def __init__(self, name):
        self.folder = RESULTS / name
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.count = 0

    def shot(self, page, step):
        self.count += 1
        page.screenshot(path=self.folder / f"{self.count:02d}-{step}.png", full_page=True)


@pytest.fixture
def steps(request):
    return Steps(request.node.originalname)


@pytest.fixture
def site(live_server, settings, page):
    """E-mails link to SITE_URL: point it at the live server. Rate-limit counters start from zero."""
    page.set_default_timeout(TIMEOUT_MS)
    settings.SITE_URL = live_server.url
    cache.clear()
    mail.outbox.clear()
    return live_server.url


@pytest.fixture
def coordinator():
    """A public network whose coordinating organisation's admin has a verified e-mail."""
    network = NetworkFactory(
        name="Career Guidance Coalition",
        acronym="CGC",
        slug="career-guidance",
        countries=["AM"],
        description="NGOs, VET schools and agencies improving career guidance for young people in Armenia.",
    )
    affiliation = AffiliationFactory(
        user__email="coordinator@cgc.example.org",
        user__full_name="Anahit Petrosyan",
        # A month-old account: its invitations' personal messages reach the invitee (INVITATION_MESSAGE_TRUST_DAYS).
        user__date_joined=timezone.now() - timedelta(days=30),
        organisation=OrganisationFactory(name="Youth Education Centre", acronym="YEC"),
    )
    MembershipFactory(
        network=network, organisation=affiliation.organisation, role=Role.COORDINATOR, joined_at=timezone.now()
    )
    return affiliation.user, network


def _second_browser(browser):
    """Another person at another computer: a fresh context shares no cookies with `page`."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


def _mail_to(address, subject_part):
    found = [m for m in mail.outbox if address in m.to and subject_part in m.subject]
    assert found, f"no e-mail to {address} about {subject_part!r}; outbox: {[(m.to, m.subject) for m in mail.outbox]}"
    return found[-1]


def _link(message, path_part):
    urls = re.findall(r"https?://\S+", message.body)
    matching = [u for u in urls if path_part in u]
    assert matching, f"no link containing {path_part!r} in:\n{message.body}"
    return matching[0]


def _choose(field, typed, option):
    """Type into an autocomplete (a select enhanced by static/js/autocomplete.js) and pick an option."""
    field.fill(typed)
    field.page.get_by_role("option", name=option, exact=True).click()
    expect(field).to_have_value(option)


def _sign_up(page, steps, *, full_name, email, verified_by_link=False, clicks=None):
    """Fill allauth's sign-up form (already open) and land on the 'verify your e-mail' page (or, when an
    invitation link already proved the address, signed in where the sign-up's `next` leads)."""
    expect(page.get_by_role("heading", name="Sign up", exact=False)).to_be_visible()
    page.get_by_label("Full name").fill(full_name)
    page.get_by_label("E-mail address").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password again").fill(NEW_PASSWORD)
    steps.shot(page, "signup-filled")
    (clicks or Clicks()).click(page.get_by_role("button", name="Sign up"))
    if verified_by_link:
        return
    expect(page.get_by_role("heading", name=re.compile(r"check your e-?mail", re.I))).to_be_visible()
    steps.shot(page, "verify-email-sent")


def _confirm_email(page, steps, email, clicks):
    """Open the confirmation link from the captured e-mail and press its one button (which logs in)."""
    message = _mail_to(email, "Confirm")
    clicks.goto(page, _link(message, "/accounts/confirm-email/"))
    expect(page.get_by_role("heading", name=re.compile(r"confirm your e-?mail", re.I))).to_be_visible()
    steps.shot(page, "confirm-email")
    clicks.click(page.get_by_role("button", name=f"Confirm {email}"))


def _log_in(page, steps, email):
    expect(page.get_by_role("heading", name=re.compile(r"log in|sign in", re.I))).to_be_visible()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    steps.shot(page, "login")
    page.get_by_role("button", name=re.compile(r"log in|sign in", re.I)).click()


def _check_keyboard(page, steps):
    """The first Tab reaches the visible skip link; Enter moves focus to the main content; the next Tab
    lands on a control with a visible focus outline."""
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is off screen"
    steps.shot(page, "keyboard-skip-link")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, document.activeElement.tagName]; }"
    )
    assert outline[0] == "solid" and outline[1] != "0px", f"no visible focus outline: {outline}"


class Clicks:
    """What the NGO's person clicks (links, buttons, and the link in the confirmation mail), counted from
    the network's page to "request sent" (issue 8: at most 7; before the shorter flow it took 11)."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def goto(self, page, url):
        self.count += 1  # opening a link in an e-mail is a click too
        page.goto(url)


MAX_CLICKS_TO_REQUEST = 7


def test_ngo_signs_up_and_joins_a_network(site, coordinator, steps, page, browser):
    coordinator_user, network = coordinator
    email = "lilit@green-steps.example.org"
    clicks = Clicks()

    # 1. The person finds the network (from the home page's directory, before counting).
    page.goto(site + "/")
    steps.shot(page, "home-anonymous")
    _check_keyboard(page, steps)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Networks").click()
    page.get_by_role("link", name=network.name).click()
    expect(page.get_by_role("heading", name=network.name)).to_be_visible()
    steps.shot(page, "network-page-anonymous")

    # 2. From the network's page: "Sign up your organisation".
    clicks.click(page.get_by_role("link", name="Sign up your organisation"))
    _sign_up(page, steps, full_name="Lilit Hakobyan", email=email, clicks=clicks)

    # 3. Confirm the e-mail address: that logs the person in and asks for the organisation right away.
    _confirm_email(page, steps, email, clicks=clicks)
    expect(page.get_by_role("heading", name="Add your organisation")).to_be_visible()
    page.get_by_label("Name").fill("Green Steps")
    page.get_by_label("Acronym").fill("GS")
    page.get_by_label("Kind").select_option(label="NGO / civil society organisation")
    _choose(page.get_by_label("Country"), "armen", "Armenia")
    page.get_by_label("City").fill("Gyumri")
    page.get_by_label("Website").fill("green-steps.example.org")
    page.get_by_label("Description").fill("Career clubs in rural schools of Shirak province.")
    steps.shot(page, "organisation-form")
    clicks.click(page.get_by_role("button", name="Save"))

    # 4. Back at the network's join form, the new organisation already chosen.
    expect(page.get_by_role("heading", name=f"Ask to join {network.name}")).to_be_visible()
    expect(page.locator(".flash[role=status]")).to_contain_text("You are its admin")
    expect(page.get_by_role("combobox", name="Organisation")).to_have_value("Green Steps (GS)")
    page.get_by_label("Message to the coordinators").fill("We run career clubs in 12 rural schools.")
    steps.shot(page, "join-form")
    clicks.click(page.get_by_role("button", name="Send the request"))
    expect(page.locator(".flash[role=status]")).to_contain_text("Your request was sent")
    expect(page.get_by_text("Green Steps (GS) has asked to join")).to_be_visible()
    expect(page.get_by_role("link", name="Ask to join")).to_have_count(0)  # its only organisation has asked
    steps.shot(page, "join-requested")
    assert clicks.count <= MAX_CLICKS_TO_REQUEST, f"{clicks.count} clicks from the network page to the request"
    print(f"journey 2: {clicks.count} clicks from the network page to 'request sent'")

    # 5. While it waits: the home page shows the request as requested, with no role granted, and the
    # workspace says it waits rather than "Not allowed".
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My workspace").click()
    my_networks = page.get_by_role("region", name="My networks")
    waiting_row = my_networks.get_by_role("row").filter(has_text="Green Steps")
    expect(waiting_row).to_contain_text("Requested")
    expect(waiting_row).to_contain_text("None until approved")
    page.goto(f"{site}/networks/{network.slug}/workspace/")
    expect(page.get_by_role("heading", name="Your request is waiting")).to_be_visible()
    expect(page.get_by_role("link", name=f"Back to {network.name}")).to_be_visible()
    steps.shot(page, "workspace-pending")

    request_mail = _mail_to(coordinator_user.email, "Green Steps asks to join")
    assert "We run career clubs in 12 rural schools." in request_mail.body
    manage_url = _link(request_mail, "/members/manage/")
    assert manage_url.startswith(f"{site}/networks/{network.slug}/members/manage/#request-")

    # 6. The coordinator follows the link in the e-mail, logs in and lands on the request's row.
    coordinator_context, coordinator_page = _second_browser(browser)
    coordinator_page.goto(manage_url)
    _log_in(coordinator_page, steps, coordinator_user.email)
    expect(coordinator_page.get_by_role("heading", name=f"Manage members of {network.name}")).to_be_visible()
    tabs = coordinator_page.get_by_role("navigation", name="Network")
    expect(tabs.get_by_role("link", name=re.compile(r"Manage members 1 join requests waiting"))).to_be_visible()
    steps.shot(coordinator_page, "manage-members")
    request_row = coordinator_page.get_by_role("row").filter(has_text="Green Steps")
    expect(request_row).to_contain_text("We run career clubs")
    expect(request_row.get_by_label("Role")).to_have_value(Role.MEMBER)
    request_row.get_by_role("button", name="Approve").click()
    expect(coordinator_page.locator(".flash[role=status]")).to_contain_text("Green Steps (GS) is now a member.")
    expect(coordinator_page.get_by_text("No requests waiting.")).to_be_visible()
    steps.shot(coordinator_page, "approved")

    # Suspending asks for a reason in its confirm step.
    member_row = coordinator_page.locator("tr", has_text="Green Steps (GS)").filter(has_text="Active")
    member_row.get_by_text("Suspend Green Steps (GS)…").click()
    steps.shot(coordinator_page, "suspend-confirm-open")
    member_row.get_by_role("button", name="Yes, suspend").click()  # the reason is required: nothing happens
    expect(member_row.get_by_role("textbox", name="Reason")).to_be_visible()
    expect(member_row).to_contain_text("Active")
    coordinator_context.close()

    decision_mail = _mail_to(email, f"Welcome to {network.name}")
    assert _link(decision_mail, "/workspace/") == f"{site}/networks/{network.slug}/workspace/"

    # 7. Back in the NGO's browser: My networks → the workspace, the members' home in the network.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My workspace").click()
    my_networks = page.get_by_role("region", name="My networks")
    expect(my_networks.get_by_role("row").filter(has_text="Green Steps")).to_contain_text("Active")
    steps.shot(page, "home-my-networks")
    my_networks.get_by_role("link", name=network.name).click()
    expect(page.get_by_role("heading", name=f"{network.name} — workspace")).to_be_visible()
    expect(page.get_by_text("Your role here: Member.")).to_be_visible()
    expect(page.get_by_role("region", name="What is new")).to_be_visible()
    expect(page.get_by_role("navigation", name="Quick links")).to_contain_text("People of Green Steps")
    members = page.get_by_role("table")
    expect(members.get_by_role("row").filter(has_text="Green Steps (GS)")).to_contain_text("Lilit Hakobyan")
    expect(members.get_by_role("row").filter(has_text="Youth Education Centre")).to_contain_text("Coordinator")
    steps.shot(page, "workspace")


def test_invited_person_signs_up_and_lands_in_the_workspace(site, coordinator, steps, page, browser):
    coordinator_user, network = coordinator
    email = "aram@vet-gyumri.example.org"

    # The coordinator logs in and invites a person by e-mail.
    coordinator_context, coordinator_page = _second_browser(browser)
    coordinator_page.goto(f"{site}/networks/{network.slug}/members/manage/")
    _log_in(coordinator_page, steps, coordinator_user.email)
    invite = coordinator_page.get_by_role("region", name="Invite an organisation")
    invite.get_by_label("E-mail address of the person to invite").fill(email)
    invite.get_by_label("Their organisation").fill("Gyumri VET College")
    invite.get_by_label("Role").select_option(label="Member")
    invite.get_by_label("Personal message").fill("We would love your college on board.")
    steps.shot(coordinator_page, "invite-form")
    invite.get_by_role("button", name="Send the invitation").click()
    expect(coordinator_page.locator(".flash[role=status]")).to_contain_text(f"Invitation sent to {email}.")
    expect(coordinator_page.get_by_role("row").filter(has_text=email)).to_contain_text("Gyumri VET College")
    steps.shot(coordinator_page, "invitation-sent")
    coordinator_context.close()

    invitation_mail = _mail_to(email, f"You are invited to join {network.name}")
    invitation_url = _link(invitation_mail, "/invitations/")

    # The invited person opens the link and signs up with the invited address: the link proved it, so no
    # mail to confirm it; signing up logs in and brings the person back to the invitation.
    page.goto(invitation_url)
    expect(page.get_by_role("heading", name=f"Invitation to {network.name}")).to_be_visible()
    expect(page.get_by_text("We would love your college on board.")).to_be_visible()
    steps.shot(page, "invitation-anonymous")
    page.get_by_role("main").get_by_role("link", name="Sign up").click()
    _sign_up(page, steps, full_name="Aram Grigoryan", email=email, verified_by_link=True)
    expect(page.get_by_role("heading", name=f"Invitation to {network.name}")).to_be_visible()
    assert not [m for m in mail.outbox if email in m.to and "Confirm" in m.subject]
    expect(page.get_by_label("Join as")).to_have_value("A new organisation (describe it below)")
    new_org = page.get_by_role("group", name="New organisation")
    expect(new_org.get_by_label("Name")).to_have_value("Gyumri VET College")
    new_org.get_by_label("Acronym").fill("GVC")
    new_org.get_by_label("Kind").select_option(label="VET school or centre")
    _choose(new_org.get_by_label("Country"), "armen", "Armenia")
    new_org.get_by_label("City").fill("Gyumri")
    steps.shot(page, "invitation-accept-form")
    page.get_by_role("button", name="Accept and join").click()

    expect(page.get_by_role("heading", name=f"{network.name} — workspace")).to_be_visible()
    expect(page.locator(".flash[role=status]")).to_contain_text(f"Welcome to {network.name}.")
    expect(page.get_by_role("table").get_by_role("row").filter(has_text="Gyumri VET College (GVC)")).to_contain_text(
        "Aram Grigoryan"
    )
    steps.shot(page, "workspace")
    assert Organisation.objects.get(acronym="GVC").affiliations.get().user.email == email
