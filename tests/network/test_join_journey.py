"""Journey 2 without dead ends (issue 8), through the client: "Sign up your organisation" leads from a
network's page through sign-up, the confirmation mail and the organisation's profile back to that
network's join form with the organisation chosen; a waiting request reads as waiting; coordinators see
what waits for them; every refusal says why and links back."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import urlencode
from django_scopes import scopes_disabled

from members.models import Organisation
from network.models import Membership, Role
from portal.models import AuditEntry
from tests.factories import (
    PASSWORD,
    AffiliationFactory,
    AgreementFactory,
    MembershipFactory,
    NetworkFactory,
    NewsPostFactory,
    ProjectFactory,
    UserFactory,
    person_in,
)
from tests.pages import messages, network_url, text

pytestmark = pytest.mark.django_db

ORGANISATION = {
    "name": "Green Steps",
    "acronym": "GS",
    "kind": "ngo",
    "country": "AM",
    "city": "Gyumri",
    "website": "",
    "description": "",
}


@pytest.fixture
def network():
    network = NetworkFactory(name="Career Guidance Coalition", slug="cgc")
    person_in(network, Role.COORDINATOR, name="Youth Education Centre")
    return network


@pytest.fixture
def applicant():
    return AffiliationFactory(organisation__name="Youth Voices", organisation__acronym="").user


@pytest.fixture
def pending(network, applicant):
    return MembershipFactory(
        network=network,
        organisation=applicant.affiliations.get().organisation,
        status=Membership.Status.REQUESTED,
        requested_by=applicant,
    )


def _path(url):
    return "/" + url.split("/", 3)[3]


def _organisation_form(join):
    return "/organisations/new/?" + urlencode({"next": join})


# --- "Sign up your organisation": sign-up, confirmation, organisation, back to the join form --------


def test_the_network_page_offers_visitors_to_sign_up_their_organisation_and_come_back_to_join(client, network):
    page = text(client.get(network_url("detail", network)))
    join = network_url("join", network)
    assert f'href="/accounts/signup/?next={join}">Sign up your organisation</a>' in page
    assert f'href="/accounts/login/?next={join}">Log in to ask to join</a>' in page


def test_sign_up_then_the_organisation_then_the_join_form_with_it_chosen(client, network, mailoutbox):
    join = network_url("join", network)
    response = client.post(
        "/accounts/signup/",
        {
            "email": "lilit@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "full_name": "Lilit",
            "next": join,
        },
    )
    assert response["Location"] == "/accounts/confirm-email/"
    confirm = _path(re.search(r"https?://\S+/accounts/confirm-email/\S+", mailoutbox[0].body).group(0))

    # Right after the address is confirmed: the organisation, with the way back to the join form.
    response = client.post(confirm, follow=True)
    assert response.redirect_chain == [(join, 302), (_organisation_form(join), 302)]
    assert f'<input type="hidden" name="next" value="{join}">' in text(response)

    response = client.post(_organisation_form(join), {**ORGANISATION, "next": join}, follow=True)
    organisation = Organisation.objects.get(name="Green Steps")
    assert response.redirect_chain == [(f"{join}?organisation={organisation.pk}", 302)]
    assert f'<option value="{organisation.pk}" selected>Green Steps (GS)</option>' in text(response)

    response = client.post(join, {"organisation": organisation.pk, "message": "Hello"}, follow=True)
    assert "Your request was sent. The coordinators will answer by e-mail." in messages(response)


def test_someone_with_an_organisation_goes_straight_to_the_form_with_it_chosen(client, network, applicant):
    client.force_login(applicant)
    response = client.get(network_url("join", network))
    organisation = applicant.affiliations.get().organisation
    assert response.status_code == 200
    assert f'<option value="{organisation.pk}" selected>Youth Voices</option>' in text(response)
    assert "---------" not in text(response)  # one organisation to choose: nothing to choose


def test_the_join_form_starts_from_the_organisation_named_among_several(client, network, applicant):
    second = AffiliationFactory(
        user=applicant, organisation__name="Rural Schools", organisation__acronym=""
    ).organisation
    client.force_login(applicant)
    page = text(client.get(network_url("join", network) + f"?organisation={second.pk}"))
    assert f'<option value="{second.pk}" selected>Rural Schools</option>' in page
    page = text(client.get(network_url("join", network) + "?organisation=not-a-number"))
    assert not re.search(r'<option value="\d+" selected>', page)


@pytest.mark.parametrize(
    ("target", "followed"),
    [
        ("/networks/cgc/join/", True),  # this site: followed (the control: before issue 8 `next` was ignored)
        ("https://evil.example.org/phish", False),
        ("//evil.example.org/", False),
        ("http://testserver.evil.example.org/", False),
        ("javascript:alert(1)", False),
    ],
)
def test_the_organisation_form_follows_next_only_on_this_site(client, target, followed):
    client.force_login(UserFactory())
    page = text(client.get("/organisations/new/?" + urlencode({"next": target})))
    assert ('type="hidden" name="next"' in page) == followed
    response = client.post("/organisations/new/", {**ORGANISATION, "next": target})
    organisation = Organisation.objects.get(name="Green Steps")
    expected = f"{target}?organisation={organisation.pk}" if followed else f"/organisations/{organisation.pk}/"
    assert response["Location"] == expected


def test_a_private_network_is_not_asked_but_says_why(client, applicant):
    network = NetworkFactory(visibility="private")
    client.force_login(person_in(network, Role.MEMBER))
    response = client.get(network_url("join", network))
    assert response.status_code == 403
    assert "a private network invites its members" in text(response)


# --- a waiting request is shown as waiting --------------------------------------------------------


def test_the_home_page_shows_a_waiting_request_without_a_role(client, network, applicant, pending):
    client.force_login(applicant)
    page = text(client.get("/"))
    row = re.search(r"<tr>\s*<td data-label=\"Network\">.*?</tr>", page, re.S).group(0)
    assert "Requested" in row
    assert "None until approved" in row
    assert "Member" not in row


def test_a_waiting_member_opening_the_workspace_is_told_the_request_waits(client, network, applicant, pending):
    client.force_login(applicant)
    response = client.get(network_url("workspace", network))
    page = text(response)
    assert response.status_code == 403
    assert "Your request is waiting" in page
    assert "Not allowed" not in page
    assert "have not answered the request of Youth Voices yet" in page
    assert f'href="{network_url("detail", network)}">Back to Career Guidance Coalition</a>' in page


def test_a_suspended_member_opening_the_workspace_is_told_so(client, network):
    suspended = person_in(network, Role.MEMBER, status=Membership.Status.SUSPENDED, name="Quiet NGO", acronym="")
    client.force_login(suspended)
    page = text(client.get(network_url("workspace", network)))
    assert "Quiet NGO is suspended in Career Guidance Coalition" in page


# --- coordinators see what waits for them ---------------------------------------------------------


def test_coordinators_see_waiting_requests_on_their_home_page(client, network, pending):
    with scopes_disabled():
        coordinator = Membership.objects.get(network=network, role=Role.COORDINATOR).organisation.affiliations.get()
    client.force_login(coordinator.user)
    page = text(client.get("/"))
    manage = network_url("manage_members", network)
    assert f'<a href="{manage}#pending-h">Career Guidance Coalition: 1 request waits</a>' in page


def test_members_see_no_waiting_requests(client, network, pending):
    client.force_login(person_in(network, Role.MEMBER))
    assert "Join requests waiting" not in text(client.get("/"))
    assert "tab-count" not in text(client.get(network_url("workspace", network)))


def test_the_manage_members_tab_counts_the_waiting_requests(client, network, pending):
    with scopes_disabled():
        coordinator = Membership.objects.get(network=network, role=Role.COORDINATOR).organisation.affiliations.get()
    client.force_login(coordinator.user)
    page = text(client.get(network_url("detail", network)))
    assert (
        'Manage members <span class="tab-count">1<span class="visually-hidden"> join requests waiting</span></span>'
        in page
    )


def test_the_join_request_mail_opens_the_request_on_the_page_where_coordinators_act(
    client, network, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    organisation = applicant.affiliations.get().organisation
    with django_capture_on_commit_callbacks(execute=True):
        client.post(network_url("join", network), {"organisation": organisation.pk})
    with scopes_disabled():
        membership = Membership.objects.get(organisation=organisation)
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    assert link == f"http://127.0.0.1:8000/networks/cgc/members/manage/#request-{membership.pk}"


# --- every refusal says why and links back --------------------------------------------------------


def test_a_refusal_says_why_and_links_back_to_the_page_the_person_came_from(client, network):
    client.force_login(person_in(network, Role.MEMBER))
    came_from = "http://testserver" + network_url("detail", network)
    response = client.get(network_url("manage_members", network), headers={"referer": came_from})
    page = text(response)
    assert response.status_code == 403
    assert "Only the network's coordinators approve requests, invite and manage members." in page
    assert f'<a class="button" href="{came_from}">Back</a>' in page


def test_a_refusal_never_links_back_off_the_site(client, network):
    client.force_login(person_in(network, Role.MEMBER))
    page = text(client.get(network_url("edit", network), headers={"referer": "https://evil.example.org/"}))
    assert "evil.example.org" not in page
    assert "Only the network's coordinators edit its profile." in page
    assert f'<a class="button" href="{network_url("detail", network)}">Back to Career Guidance Coalition</a>' in page


def test_a_refusal_outside_a_network_links_to_the_home_page(client):
    organisation = AffiliationFactory().organisation
    client.force_login(UserFactory())
    page = text(client.get(f"/organisations/{organisation.pk}/edit/"))
    assert "Only the organisation's admins edit its profile and its people." in page
    assert '<a class="button" href="/">My workspace</a>' in page


# --- the members page: invite first, destructive actions behind a confirm step that asks why ------


@pytest.fixture
def coordinator(network):
    with scopes_disabled():
        return Membership.objects.get(network=network, role=Role.COORDINATOR).organisation.affiliations.get().user


@pytest.fixture
def member(network):
    with scopes_disabled():
        user = person_in(network, Role.MEMBER, name="Quiet NGO", acronym="")
        return user, Membership.objects.get(network=network, organisation__affiliations__user=user)


def _row(page, membership):
    return re.search(rf'<tr id="member-{membership.pk}">.*?</tr>', page, re.S).group(0)


def test_the_members_page_puts_the_invite_form_first(client, network, coordinator):
    client.force_login(coordinator)
    page = text(client.get(network_url("manage_members", network)))
    assert page.index("Invite an organisation") < page.index("Pending requests") < page.index('id="members-h"')


def test_suspend_and_remove_sit_behind_a_confirm_step_that_asks_why(client, network, coordinator, member):
    client.force_login(coordinator)
    row = _row(text(client.get(network_url("manage_members", network))), member[1])
    for verb, path in (("Suspend", "suspend"), ("Remove", "remove")):
        step = re.search(rf'<details class="confirm">\s*<summary>{verb} Quiet NGO…</summary>.*?</details>', row, re.S)
        assert step, f"no confirm step for {verb}"
        assert f'action="/networks/cgc/memberships/{member[1].pk}/{path}/"' in step.group(0)
        assert re.search(r'<textarea id="\w+-reason-\d+" name="reason" rows="2" required>', step.group(0))
    assert row.count('name="reason"') == 2  # no reason box outside the confirm steps


def test_no_destructive_action_on_the_coordinators_own_organisation(client, network, coordinator):
    with scopes_disabled():
        mine = Membership.objects.get(network=network, role=Role.COORDINATOR)
    client.force_login(coordinator)
    row = _row(text(client.get(network_url("manage_members", network))), mine)
    assert "your organisation" in row
    assert "/suspend/" not in row and "/remove/" not in row


def test_removing_a_member_needs_a_reason_and_records_it(client, network, coordinator, member):
    membership = member[1]
    client.force_login(coordinator)
    response = client.post(network_url("remove", network, membership_id=membership.pk), follow=True)
    assert messages(response) == ["Say why, for the organisation and for the audit log."]
    with scopes_disabled():
        membership.refresh_from_db()
        assert membership.status == Membership.Status.ACTIVE

    response = client.post(
        network_url("remove", network, membership_id=membership.pk),
        {"reason": "Stopped working with schools"},
        follow=True,
    )
    assert messages(response) == ["Quiet NGO was removed from the network."]
    with scopes_disabled():
        membership.refresh_from_db()
        entry = AuditEntry.objects.get(network=network, action="membership.removed")
    assert (membership.status, membership.decision_reason) == (Membership.Status.LEFT, "Stopped working with schools")
    assert entry.after["decision_reason"] == "Stopped working with schools"
    client.force_login(member[0])
    assert client.get(network_url("workspace", network)).status_code == 403


def test_the_suspension_reason_reaches_the_audit_log(client, network, coordinator, member):
    client.force_login(coordinator)
    client.post(network_url("suspend", network, membership_id=member[1].pk), {"reason": "No reports for a year"})
    with scopes_disabled():
        entry = AuditEntry.objects.get(network=network, action="membership.suspended")
    assert entry.after == {"status": "suspended", "decision_reason": "No reports for a year"}


# --- the workspace: the members' home in the network ----------------------------------------------


@pytest.fixture
def busy_network(network, pending):
    today = timezone.localdate()
    NewsPostFactory(network=network, title="Career week in Gyumri", published_on=today)
    AgreementFactory(network=network, title="Framework agreement", valid_until=today + timedelta(days=30))
    AgreementFactory(network=network, title="Long agreement", valid_until=today + timedelta(days=700))
    ProjectFactory(network=network, title="Guidance in rural schools")
    return network


def _card(page, heading):
    return re.search(
        rf'aria-labelledby="([\w-]+)">\s*<h2 class="card-title" id="\1">{heading}</h2>.*?</(section|nav)>', page, re.S
    )


def test_the_workspace_shows_a_coordinator_what_is_new_and_where_to_act(client, busy_network, coordinator):
    client.force_login(coordinator)
    page = text(client.get(network_url("workspace", busy_network)))
    new = _card(page, "What is new").group(0)
    assert (
        f'href="{network_url("manage_members", busy_network)}#pending-h">1 join request waits for an answer</a>' in new
    )
    assert "Career week in Gyumri" in new
    assert "Framework agreement" in new and "Long agreement" not in new  # only those ending soon
    assert "Guidance in rural schools" in page  # the network's projects (the projects app's section)
    links = _card(page, "Quick links").group(0)
    assert "Invite an organisation" in links and "Write a news post" in links


def test_the_workspace_shows_a_member_the_news_and_projects_but_no_requests(client, busy_network):
    client.force_login(person_in(busy_network, Role.MEMBER, name="Quiet NGO", acronym=""))
    page = text(client.get(network_url("workspace", busy_network)))
    new = _card(page, "What is new").group(0)
    assert "join request" not in new
    assert "Career week in Gyumri" in new
    assert "Guidance in rural schools" in page
    links = _card(page, "Quick links").group(0)
    assert "People of Quiet NGO" in links
    assert "Invite an organisation" not in links
