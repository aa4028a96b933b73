"""Pages kept (portal/pagecache.py) for visitors and for each signed-in person: served again without
rendering, replaced as soon as anything they show changes, never served to anybody else, and their forms
still post."""

from datetime import date

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.http import HttpRequest
from django.test import Client
from django_scopes import scope

from members.models import Affiliation
from network.models import Membership, Network, Role
from portal import pagecache
from tests.clients import CLIENT_KINDS, sign_in
from tests.factories import (
    PASSWORD,
    ActivityEntryFactory,
    MembershipFactory,
    NetworkFactory,
    NewsPostFactory,
    OrganisationFactory,
    ProjectFactory,
    person_in,
)

# Real commits: a kept page learns of a change when it is committed (inside a test's one transaction the
# page cache steps aside, as it does for any request inside an uncommitted write).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network():
    network = NetworkFactory(name="Partnership for Education", slug="pep", visibility=Network.Visibility.PUBLIC)
    person_in(network, Role.COORDINATOR, name="Coordinating NGO")
    return network


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def visit(path, client=None, **headers):
    response = (client or Client()).get(path, **headers)
    assert response.status_code == 200, response.status_code
    return response, response.content.decode()


PAGES = ["/networks/pep/", "/networks/pep/projects/", "/networks/pep/news/", "/networks/pep/agreements/",
         "/networks/"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_a_visitor_gets_the_kept_page_the_second_time(network, path, django_assert_max_num_queries):
    first, _html = visit(path)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(2):  # the scope middleware finds the network; nothing renders
        second, _html = visit(path)
    assert second["X-Page-Cache"] == "hit"
    token = b'name="csrfmiddlewaretoken" value="'
    assert first.content.split(token)[0] == second.content.split(token)[0]


def test_a_change_to_the_network_shows_at_once(network):
    visit("/networks/pep/")
    network.name = "Partnership for Education Policy"
    network.save()
    response, html = visit("/networks/pep/")
    assert response["X-Page-Cache"] == "miss"
    assert "Partnership for Education Policy" in html


def test_a_new_row_of_the_network_shows_at_once(network):
    visit("/networks/pep/news/")
    NewsPostFactory(network=network, title="VET reform hearing", visibility="public")
    _response, html = visit("/networks/pep/news/")
    assert "VET reform hearing" in html


def test_a_row_that_belongs_to_no_network_shows_at_once(network):
    """An organisation's name is on the network page (its members), yet the organisation has no network."""
    member = OrganisationFactory(name="Youth Centre")
    MembershipFactory(network=network, organisation=member, role=Role.MEMBER)
    assert "Youth Centre" in visit("/networks/pep/")[1]
    member.name = "Youth Centre Gyumri"
    member.save()
    assert "Youth Centre Gyumri" in visit("/networks/pep/")[1]


def test_another_networks_change_keeps_this_networks_page(network):
    other = NetworkFactory(slug="other")
    visit("/networks/pep/")
    visit("/networks/")
    NewsPostFactory(network=other)
    assert visit("/networks/pep/")[0]["X-Page-Cache"] == "hit"
    assert visit("/networks/")[0]["X-Page-Cache"] == "miss"  # the directory lists every network


def test_a_network_made_private_is_gone_for_visitors_at_once(network):
    visit("/networks/pep/")
    network.visibility = Network.Visibility.PRIVATE
    network.save()
    assert Client().get("/networks/pep/").status_code == 404


def test_a_project_made_private_is_gone_for_visitors_at_once(network):
    project = ProjectFactory(network=network, slug="vet4f", visibility="public")
    visit("/networks/pep/projects/vet4f/")
    with scope(network=network):
        project.visibility = "private"
        project.save()
    assert Client().get("/networks/pep/projects/vet4f/").status_code in (302, 404)


def test_signed_in_people_never_get_the_visitors_page(network):
    client = signed_in(person_in(network, Role.MEMBER, name="Youth Centre"))
    visit("/networks/pep/")  # kept for visitors, after the person's rows were written
    assert visit("/networks/pep/")[0]["X-Page-Cache"] == "hit"
    response, html = visit("/networks/pep/", client)
    assert response["X-Page-Cache"] == "miss"  # their own, not the visitors'
    assert "Log out" in html


def test_each_language_is_kept_apart(network):
    _response, english = visit("/networks/pep/", HTTP_ACCEPT_LANGUAGE="en")
    response, polish = visit("/networks/pep/", HTTP_ACCEPT_LANGUAGE="pl")
    assert response["X-Page-Cache"] == "miss"
    assert 'lang="pl"' in polish and 'lang="en"' in english


def test_a_kept_page_s_language_form_posts_with_the_visitor_s_own_token(network):
    visit("/networks/pep/")  # kept, with the first visitor's token taken out
    visitor = Client(enforce_csrf_checks=True)
    response, html = visit("/networks/pep/", visitor)
    assert response["X-Page-Cache"] == "hit"
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    posted = visitor.post("/i18n/setlang/", {"csrfmiddlewaretoken": token, "language": "sl", "next": "/networks/pep/"})
    assert posted.status_code == 302
    assert '<html lang="sl">' in visit("/networks/pep/", visitor)[1]


def test_a_page_with_a_message_is_rendered_for_its_visitor(network, settings):
    visit("/networks/pep/")
    visitor = Client()
    session = visitor.session
    session["anything"] = "kept in the session"
    session.save()
    response, _html = visit("/networks/pep/", visitor)
    assert "X-Page-Cache" not in response


def test_htmx_fragments_are_never_kept(network):
    response, _html = visit("/networks/pep/", HTTP_HX_REQUEST="true")
    assert "X-Page-Cache" not in response


def test_a_transaction_bumps_once_now_and_again_at_its_commit(network):
    def version():
        return int(pagecache._versions([f"network:{network.pk}"])[0])

    start = version()
    with transaction.atomic():
        for n in range(3):
            NewsPostFactory(network=network, title=f"Post {n}")
        during = version()
        assert Client().get("/networks/pep/").get("X-Page-Cache") is None  # inside the write: rendered
    assert during == start + 1  # once for the three writes, before the commit
    assert version() == start + 2  # and once after: what a visitor kept meanwhile is gone


def test_a_rolled_back_write_leaves_the_next_transaction_bumping(network):
    def version():
        return int(pagecache._versions([f"network:{network.pk}"])[0])

    with pytest.raises(RuntimeError), transaction.atomic():
        NewsPostFactory(network=network)
        raise RuntimeError
    start = version()
    with transaction.atomic():
        NewsPostFactory(network=network)
    assert version() == start + 2


def test_off_when_the_setting_is_zero(network, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visit("/networks/pep/")
    assert "X-Page-Cache" not in visit("/networks/pep/")[0]


# --- signed-in people: each their own kept pages -------------------------------------------------------------


@pytest.fixture
def member(network):
    return person_in(network, Role.MEMBER, name="Youth Centre")


# Queries of a kept page: the session and the user; on a network's pages the scope middleware's network;
# on the workspace the permission check's role (a public network's pages are seen by anybody).
SIGNED_IN_PAGES = {"/": 2, "/networks/pep/": 3, "/networks/pep/workspace/": 4, "/networks/pep/projects/": 3,
                   "/networks/pep/news/": 3, "/networks/pep/agreements/": 3}  # fmt: skip


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_a_signed_in_person_gets_their_kept_page_the_second_time(network, member, path, django_assert_num_queries):
    client = signed_in(member)
    first, _html = visit(path, client)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(SIGNED_IN_PAGES[path]):  # nothing renders
        second, _html = visit(path, client)
    assert second["X-Page-Cache"] == "hit"
    token = b'name="csrfmiddlewaretoken" value="'
    assert first.content.split(token)[0] == second.content.split(token)[0]


def test_the_coordinators_pages_are_kept_too(network):
    coordinator = person_in(network, Role.COORDINATOR, name="Coordination Centre")
    ProjectFactory(network=network, slug="vet4f")
    client = signed_in(coordinator)
    for path in ["/networks/pep/members/manage/", "/networks/pep/projects/vet4f/edit/partners/",
                 "/networks/pep/projects/vet4f/"]:  # fmt: skip
        assert visit(path, client)[0]["X-Page-Cache"] == "miss"
        assert visit(path, client)[0]["X-Page-Cache"] == "hit"


def test_a_kept_page_is_never_served_to_another_person(network, member):
    other = person_in(network, Role.COORDINATOR, name="Vocational School 7")
    _mine, my_html = visit("/networks/pep/workspace/", signed_in(member))
    theirs, their_html = visit("/networks/pep/workspace/", signed_in(other))
    assert theirs["X-Page-Cache"] == "miss"
    assert "Your role here: Member" in my_html and "People of Youth Centre" in my_html
    assert "Your role here: Coordinator" in their_html and "People of Vocational School 7" in their_html
    assert "People of Youth Centre" not in their_html
    again, html = visit("/networks/pep/workspace/", signed_in(member))
    assert again["X-Page-Cache"] == "hit"
    assert "Your role here: Member" in html and "People of Vocational School 7" not in html


def test_a_role_change_of_that_person_shows_at_once(network, member):
    client = signed_in(member)
    assert "Your role here: Member" in visit("/networks/pep/workspace/", client)[1]
    with scope(network=network):
        membership = Membership.objects.get(network=network, organisation__affiliations__user=member)
        membership.role = Role.COORDINATOR
        membership.save()
    response, html = visit("/networks/pep/workspace/", client)
    assert response["X-Page-Cache"] == "miss"
    assert "Your role here: Coordinator" in html and "Invite an organisation" in html


def test_an_affiliation_change_shows_at_once(network, member):
    client = signed_in(member)
    assert "People of Youth Centre" in visit("/networks/pep/workspace/", client)[1]
    affiliation = Affiliation.objects.get(user=member)
    affiliation.is_admin = False
    affiliation.save()
    response, html = visit("/networks/pep/workspace/", client)
    assert response["X-Page-Cache"] == "miss"
    assert "People of Youth Centre" not in html


def test_a_network_edit_shows_at_once_to_signed_in_people(network, member):
    client = signed_in(member)
    visit("/networks/pep/workspace/", client)
    network.name = "Partnership for Education Policy"
    network.save()
    response, html = visit("/networks/pep/workspace/", client)
    assert response["X-Page-Cache"] == "miss"
    assert "Partnership for Education Policy" in html


def test_a_new_project_shows_at_once_to_signed_in_people(network, member):
    client = signed_in(member)
    visit("/networks/pep/projects/", client)
    ProjectFactory(network=network, title="Work-based learning in Shirak", visibility="members")
    response, html = visit("/networks/pep/projects/", client)
    assert response["X-Page-Cache"] == "miss"
    assert "Work-based learning in Shirak" in html


def test_joining_another_network_shows_on_the_home_page_at_once(network, member):
    client = signed_in(member)
    visit("/", client)
    other = NetworkFactory(name="Caucasus VET Alliance", slug="cva")
    MembershipFactory(network=other, organisation=Affiliation.objects.get(user=member).organisation, role=Role.MEMBER)
    response, html = visit("/", client)
    assert response["X-Page-Cache"] == "miss"
    assert "Caucasus VET Alliance" in html


def test_a_signed_in_page_with_a_pending_message_is_rendered_and_not_kept(network, member):
    client = signed_in(member)
    visit("/networks/pep/workspace/", client)
    client.cookies["messages"] = CookieStorage(HttpRequest())._encode([Message(constants.SUCCESS, "Request sent.")])
    response, html = visit("/networks/pep/workspace/", client)
    assert "X-Page-Cache" not in response
    assert "Request sent." in html
    response, html = visit("/networks/pep/workspace/", client)
    assert response["X-Page-Cache"] == "hit"  # the one kept before the message
    assert "Request sent." not in html


def test_a_session_holding_more_than_who_is_signed_in_is_rendered(network, member):
    client = signed_in(member)
    visit("/networks/pep/workspace/", client)
    session = client.session
    session["exchange_import"] = {"key": "an import waiting"}
    session.save()
    assert "X-Page-Cache" not in visit("/networks/pep/workspace/", client)[0]


def test_a_session_holding_the_activity_log_forms_memory_still_gets_kept_pages(network, member):
    """projects declares its form's memory (projects.apps): only the form reads it, and the form is not kept."""
    client = signed_in(member)
    session = client.session
    session[f"entry_form.{network.pk}"] = {"project": "vet4f", "activity": None, "organisation": None}
    session.save()
    visit("/networks/pep/workspace/", client)
    assert visit("/networks/pep/workspace/", client)[0]["X-Page-Cache"] == "hit"


def test_a_post_is_never_kept_nor_served_a_kept_page(network, member):
    client = signed_in(member)
    posted = client.post("/networks/pep/")  # the network page answers a POST as a GET: rendered
    assert posted.status_code == 200 and "X-Page-Cache" not in posted
    assert visit("/networks/pep/", client)[0]["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in client.post("/networks/pep/")


def test_a_kept_signed_in_page_posts_with_the_callers_own_token(network):
    coordinator = person_in(network, Role.COORDINATOR, name="Coordination Centre")
    visit("/networks/pep/members/manage/", signed_in(coordinator))  # kept, another session's token taken out
    client = signed_in(coordinator, enforce_csrf_checks=True)
    response, html = visit("/networks/pep/members/manage/", client)
    assert response["X-Page-Cache"] == "hit"
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    posted = client.post("/networks/pep/members/invite/",
                         {"csrfmiddlewaretoken": token, "email": "school@example.org", "role": "member"})  # fmt: skip
    assert posted.status_code == 302, posted.status_code
    response, html = visit("/networks/pep/members/manage/", client)
    assert "X-Page-Cache" not in response  # its "Invitation sent" message is pending
    assert "Invitation sent to school@example.org" in html
    response, html = visit("/networks/pep/members/manage/", client)
    assert response["X-Page-Cache"] == "miss" and "school@example.org" in html


def test_the_rendered_fixture_renders_signed_in_pages_too(network, member, rendered):
    client = signed_in(member)
    visit("/networks/pep/workspace/", client)
    assert "X-Page-Cache" not in visit("/networks/pep/workspace/", client)[0]


# --- the API's lists: kept per caller, JSON only ---------------------------------------------------------------


def api_caller(user, kind="token"):
    return sign_in(Client(), user, kind)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
def test_an_api_list_is_kept_per_caller(network, member, kind, django_assert_num_queries):
    client = api_caller(member, kind)
    other = api_caller(person_in(network, Role.MEMBER, name="Vocational School 7"), kind)
    first = client.get("/api/v1/networks/pep/members/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    # The token (or the session and the user) and the scope middleware's network; nothing is serialised.
    with django_assert_num_queries(2 if kind == "token" else 3):
        second = client.get("/api/v1/networks/pep/members/")
    assert second["X-Page-Cache"] == "hit" and second.json() == first.json()
    theirs = other.get("/api/v1/networks/pep/members/")
    assert theirs["X-Page-Cache"] == "miss"  # the same list, but never another caller's answer
    MembershipFactory(network=network, organisation=OrganisationFactory(name="Gyumri College"), role=Role.MEMBER)
    response = client.get("/api/v1/networks/pep/members/")
    assert response["X-Page-Cache"] == "miss"
    assert "Gyumri College" in {m["organisation"]["name"] for m in response.json()["results"]}


def test_an_api_list_is_kept_apart_for_each_scheme(network, member):
    """Its links to the next page are absolute: http and https callers get their own."""
    client = api_caller(member)
    assert client.get("/api/v1/networks/pep/members/")["X-Page-Cache"] == "miss"
    assert client.get("/api/v1/networks/pep/members/", secure=True)["X-Page-Cache"] == "miss"
    assert client.get("/api/v1/networks/pep/members/", secure=True)["X-Page-Cache"] == "hit"


def test_a_kept_api_list_is_never_served_past_the_permission_check(network, member):
    coordinator = api_caller(person_in(network, Role.COORDINATOR, name="Coordination Centre"))
    MembershipFactory(network=network, status=Membership.Status.REQUESTED)
    assert coordinator.get("/api/v1/networks/pep/membership-requests/")["X-Page-Cache"] == "miss"
    assert coordinator.get("/api/v1/networks/pep/membership-requests/")["X-Page-Cache"] == "hit"
    assert api_caller(member).get("/api/v1/networks/pep/membership-requests/").status_code == 403
    assert Client().get("/api/v1/networks/pep/membership-requests/").status_code == 401


def test_the_browsable_api_is_never_kept(network, member):
    client = api_caller(member, "session")
    for _ in range(2):
        response = client.get("/api/v1/networks/pep/members/", HTTP_ACCEPT="text/html")
        assert response.status_code == 200 and "X-Page-Cache" not in response
    indented = client.get("/api/v1/networks/pep/members/", HTTP_ACCEPT="application/json; indent=4")
    assert "X-Page-Cache" not in indented


def test_a_person_who_logged_in_through_the_form_gets_kept_pages(network, member):
    """What the login form leaves in the session (allauth's record of how they logged in) is no reason to
    render every page; a message the login left pending is shown first."""
    client = Client()
    logged_in = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert logged_in.status_code == 302, logged_in.status_code
    visit("/networks/pep/workspace/", client)  # shows the message the login left, if any
    assert visit("/networks/pep/workspace/", client)[0]["X-Page-Cache"] == "miss"
    assert visit("/networks/pep/workspace/", client)[0]["X-Page-Cache"] == "hit"


# --- the activity log, the audit log and organisations' pages ----------------------------------------------------


@pytest.fixture
def entries(network, member):
    """An approved network-level training everybody in the network sees, and a draft only its organisation
    (and the coordinators) see."""
    organisation = member.affiliations.get().organisation
    approved = ActivityEntryFactory(network=network, organisation=organisation, title="Career guidance day",
                                    status="approved", start_date=date.today())  # fmt: skip
    draft = ActivityEntryFactory(network=network, organisation=organisation, title="Draft workshop")
    return approved, draft


def test_the_activity_log_pages_are_kept_per_person(network, member, entries):
    approved, draft = entries
    client = signed_in(member)
    for path in ["/networks/pep/activities/", "/networks/pep/activities/calendar/",
                 f"/networks/pep/activities/{approved.pk}/", f"/networks/pep/activities/{draft.pk}/"]:  # fmt: skip
        assert visit(path, client)[0]["X-Page-Cache"] == "miss", path
        assert visit(path, client)[0]["X-Page-Cache"] == "hit", path
    coordinator = signed_in(person_in(network, Role.COORDINATOR, name="Coordination Centre"))
    for path in ["/networks/pep/activities/queue/", "/networks/pep/workspace/log/"]:
        assert visit(path, coordinator)[0]["X-Page-Cache"] == "miss", path
        assert visit(path, coordinator)[0]["X-Page-Cache"] == "hit", path


def test_a_kept_entry_page_is_never_served_to_who_may_not_see_the_entry(network, member, entries):
    """The entry's own check runs before the cache is asked: another member's person gets 404 for a draft
    its organisation kept, and a visitor is asked to log in."""
    _approved, draft = entries
    path = f"/networks/pep/activities/{draft.pk}/"
    mine = signed_in(member)
    visit(path, mine)
    assert visit(path, mine)[0]["X-Page-Cache"] == "hit"
    other = signed_in(person_in(network, Role.MEMBER, name="Vocational School 7"))
    assert other.get(path).status_code == 404
    visitor = Client().get(path)
    assert visitor.status_code == 302 and visitor["Location"].startswith("/accounts/login/")


def test_an_approved_entry_shows_in_the_kept_log_at_once(network, member, entries):
    _approved, draft = entries
    other = signed_in(person_in(network, Role.MEMBER, name="Vocational School 7"))
    _response, html = visit("/networks/pep/activities/", other)
    assert "Career guidance day" in html and "Draft workshop" not in html
    assert visit("/networks/pep/activities/", other)[0]["X-Page-Cache"] == "hit"
    with scope(network=network):
        draft.status = "approved"
        draft.save()
    response, html = visit("/networks/pep/activities/", other)
    assert response["X-Page-Cache"] == "miss" and "Draft workshop" in html


def test_the_activity_log_api_list_is_kept_per_caller_and_still_refuses_bad_filters(network, member, entries):
    client = api_caller(member)
    first = client.get("/api/v1/networks/pep/activities/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    second = client.get("/api/v1/networks/pep/activities/")
    assert second["X-Page-Cache"] == "hit" and second.json() == first.json()
    assert {e["title"] for e in first.json()["results"]} == {"Career guidance day", "Draft workshop"}
    other = api_caller(person_in(network, Role.MEMBER, name="Vocational School 7"))
    theirs = other.get("/api/v1/networks/pep/activities/")
    assert theirs["X-Page-Cache"] == "miss"
    assert {e["title"] for e in theirs.json()["results"]} == {"Career guidance day"}
    for _ in range(2):
        bad = client.get("/api/v1/networks/pep/activities/?kind=nonsense")
        assert bad.status_code == 400 and "kind" in bad.json()


def test_an_organisation_page_is_kept_and_a_rename_shows_at_once(network):
    organisation = OrganisationFactory(name="Youth Forum Gyumri")
    path = f"/organisations/{organisation.pk}/"
    assert visit(path)[0]["X-Page-Cache"] == "miss"
    assert visit(path)[0]["X-Page-Cache"] == "hit"
    organisation.name = "Youth Forum of Gyumri"
    organisation.save()
    response, html = visit(path)
    assert response["X-Page-Cache"] == "miss" and "Youth Forum of Gyumri" in html
