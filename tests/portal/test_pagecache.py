"""Public pages kept for visitors (portal/pagecache.py): served again without rendering, replaced as soon
as anything they show changes, never served to people who are signed in, and their forms still post."""

import pytest
from django.db import transaction
from django.test import Client
from django_scopes import scope

from network.models import Network, Role
from portal import pagecache
from tests.factories import (
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


def test_signed_in_people_never_get_a_kept_page(network):
    visit("/networks/pep/")
    client = Client()
    client.force_login(person_in(network, Role.MEMBER))
    response, _html = visit("/networks/pep/", client)
    assert "X-Page-Cache" not in response


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
    assert visit("/networks/pep/", visitor)[1].count('lang="sl"') == 1


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
