"""Lists that grow with a network, paged: the members (public list, workspace, managing), with a search and
role and status filters as GET forms whose values the page links keep; the network page's summary; the
agreements; and the directory's member counts, read for the networks shown only."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from network.models import Membership, Network, Role
from network.views.agreements import AGREEMENTS_PER_PAGE
from network.views.memberships import INVITATIONS_ON_PAGE, REQUESTS_ON_PAGE
from network.views.networks import MEMBERS_ON_NETWORK_PAGE, MEMBERS_PER_PAGE
from tests.factories import (
    AgreementFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    person_in,
)
from tests.pages import network_url, text

pytestmark = pytest.mark.django_db

TOTAL = MEMBERS_PER_PAGE + 5  # two pages


@pytest.fixture
def network():
    network = NetworkFactory(name="Career Guidance Network", slug="cgn")
    for n in range(TOTAL):
        MembershipFactory(network=network, organisation=OrganisationFactory(name=f"School {n:02d}", acronym=f"S{n}"))
    return network


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Lead NGO", acronym="LEAD")


def shown(response):
    return [m.organisation.name for m in response.context["members"]]


@pytest.mark.parametrize("page", ["members", "workspace", "manage_members"])
def test_member_lists_are_paged_and_the_last_page_holds_the_rest(client, network, coordinator, page):
    client.force_login(coordinator)
    first = client.get(network_url(page, network))
    assert first.context["page"].paginator.count == TOTAL + 1  # with the coordinator's organisation
    assert len(shown(first)) == MEMBERS_PER_PAGE
    assert 'rel="next" href="?page=2"' in first.content.decode()

    last = client.get(network_url(page, network), {"page": 2})
    assert len(shown(last)) == TOTAL + 1 - MEMBERS_PER_PAGE
    assert set(shown(first)).isdisjoint(shown(last))
    assert 'rel="next"' not in last.content.decode()


@pytest.mark.parametrize("page", ["members", "workspace", "manage_members"])
@pytest.mark.parametrize("number", ["abc", "0", "-1", "999", "2.5", "%00"])
def test_a_bad_page_number_shows_a_page_never_a_500(client, network, coordinator, page, number):
    client.force_login(coordinator)
    response = client.get(network_url(page, network), {"page": number})
    assert response.status_code == 200
    assert response.context["page"].number in (1, 2)  # not a number: the first; past the end: the last


@pytest.mark.parametrize("page", ["members", "workspace", "manage_members"])
def test_the_search_and_the_role_filter_narrow_the_list_and_the_page_links_keep_them(
    client, network, coordinator, page
):
    client.force_login(coordinator)
    assert shown(client.get(network_url(page, network), {"q": "school 1"})) == [f"School {n}" for n in range(10, 20)]
    assert shown(client.get(network_url(page, network), {"q": "lead"})) == ["Lead NGO"]  # the acronym too
    assert shown(client.get(network_url(page, network), {"role": Role.COORDINATOR})) == ["Lead NGO"]
    assert shown(client.get(network_url(page, network), {"q": "school", "role": Role.COORDINATOR})) == []

    response = client.get(network_url(page, network), {"q": "school", "role": Role.MEMBER})
    assert response.context["page"].paginator.count == TOTAL
    assert 'rel="next" href="?q=school&amp;role=member&amp;page=2"' in response.content.decode()
    second = client.get(network_url(page, network), {"q": "school", "role": Role.MEMBER, "page": 2})
    assert len(shown(second)) == TOTAL - MEMBERS_PER_PAGE
    assert 'rel="prev" href="?q=school&amp;role=member&amp;page=1"' in second.content.decode()


@pytest.mark.parametrize("page", ["members", "workspace", "manage_members"])
def test_a_forged_filter_shows_the_whole_list(client, network, coordinator, page):
    client.force_login(coordinator)
    response = client.get(network_url(page, network), {"role": "emperor", "q": "x" * 500})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == TOTAL + 1


@pytest.mark.parametrize("page", ["workspace", "manage_members"])
def test_the_status_filter_shows_the_suspended_members(client, network, coordinator, page):
    with scopes_disabled():
        Membership.objects.filter(organisation__name="School 03").update(status=Membership.Status.SUSPENDED)
    client.force_login(coordinator)
    response = client.get(network_url(page, network), {"status": Membership.Status.SUSPENDED})
    assert shown(response) == ["School 03"]
    assert response.context["page"].paginator.count == 1
    everyone = client.get(network_url(page, network))
    assert everyone.context["page"].paginator.count == TOTAL + 1  # active and suspended


def test_the_public_member_list_shows_active_members_to_visitors_where_the_network_shows_them(client, network):
    with scopes_disabled():
        Membership.objects.filter(organisation__name="School 03").update(status=Membership.Status.SUSPENDED)
    response = client.get(network_url("members", network), {"page": 2})
    assert response.status_code == 200
    assert "School 03" not in shown(client.get(network_url("members", network)))
    assert response.context["page"].paginator.count == TOTAL - 1
    assert "status" not in response.context["form"].fields  # active members only

    Network.objects.filter(pk=network.pk).update(show_members=False)
    assert client.get(network_url("members", network)).status_code == 302  # to the login page


def test_the_network_page_shows_the_first_members_and_links_to_all_of_them(client, network):
    response = client.get(network_url("detail", network))
    assert len(response.context["members"]) == MEMBERS_ON_NETWORK_PAGE
    assert f"All {TOTAL} member organisations" in text(response)
    assert f'href="{network_url("members", network)}"' in response.content.decode()


def test_a_small_network_page_lists_its_members_without_a_link_to_more(client):
    network = NetworkFactory(slug="small")
    MembershipFactory.create_batch(3, network=network)
    response = client.get(network_url("detail", network))
    assert len(response.context["members"]) == 3
    assert "All 3 member organisations" not in text(response)


def test_the_network_page_shows_the_first_projects_and_links_to_all_of_them(client, network):
    ProjectFactory.create_batch(12, network=network)
    response = client.get(network_url("detail", network))
    assert len(re.findall(r'<li><a href="/networks/cgn/projects/project-\d+/"', text(response))) == 10
    assert "All 12 projects" in text(response)


def test_the_agreement_list_is_paged(client, network, coordinator):
    for _ in range(AGREEMENTS_PER_PAGE + 2):
        AgreementFactory(network=network)
    client.force_login(coordinator)
    first = client.get(network_url("agreements", network))
    assert len(first.context["agreements"]) == AGREEMENTS_PER_PAGE
    last = client.get(network_url("agreements", network), {"page": "last"})
    assert last.status_code == 200
    assert len(client.get(network_url("agreements", network), {"page": 2}).context["agreements"]) == 2


# --- the directory's member counts ------------------------------------------------------------------------


def test_the_directory_counts_active_members_of_the_networks_shown(client, network):
    with scopes_disabled():
        Membership.objects.filter(organisation__name="School 03").update(status=Membership.Status.SUSPENDED)
    MembershipFactory(network=network, status=Membership.Status.REQUESTED)
    empty = NetworkFactory(name="Zero members")

    counts = {n.pk: n.member_count for n in client.get("/networks/").context["networks"]}
    assert counts == {network.pk: TOTAL - 1, empty.pk: 0}
    assert "29 member organisations" in text(client.get("/networks/"))

    api = client.get("/api/v1/networks/").json()
    assert api["count"] == 2
    assert {row["slug"]: row["member_count"] for row in api["results"]} == {"cgn": TOTAL - 1, empty.slug: 0}
    assert client.get(f"/api/v1/networks/{network.slug}/").json()["member_count"] == TOTAL - 1


@pytest.mark.parametrize("url", ["/networks/", "/api/v1/networks/"])
def test_the_directory_reads_the_memberships_of_the_networks_shown_only(client, network, url):
    """Neither the page nor the paginator's total aggregates every membership of the platform."""
    NetworkFactory.create_batch(3)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    reading_memberships = [q["sql"] for q in captured.captured_queries if '"network_membership"' in q["sql"]]
    assert len(reading_memberships) == 1
    assert '"network_network"."id" IN (' in reading_memberships[0]


def test_manage_members_shows_the_oldest_requests_and_the_newest_invitations_and_how_many_wait(client, network):
    coordinator = person_in(network, Role.COORDINATOR)
    start = timezone.now() - timedelta(days=60)
    for n in range(REQUESTS_ON_PAGE + 2):
        MembershipFactory(
            network=network, status=Membership.Status.REQUESTED, requested_at=start + timedelta(days=n),
            organisation=OrganisationFactory(name=f"Asking {n:02d}"),
        )  # fmt: skip
    InvitationFactory.create_batch(INVITATIONS_ON_PAGE + 1, network=network, invited_by=coordinator)
    client.force_login(coordinator)

    response = client.get(network_url("manage_members", network))
    assert [m.organisation.name for m in response.context["pending"]][:2] == ["Asking 00", "Asking 01"]
    assert len(response.context["pending"]) == REQUESTS_ON_PAGE
    assert f"{REQUESTS_ON_PAGE + 2} requests are waiting in all" in text(response)
    assert len(response.context["invitations"]) == INVITATIONS_ON_PAGE
    assert f"The newest shown of {INVITATIONS_ON_PAGE + 1} invitations" in text(response)


@pytest.mark.parametrize("page", ["members", "workspace", "manage_members"])
def test_the_filters_ids_are_their_own(client, network, coordinator, page):
    """Manage members also holds the invitation form (id_role): a label must name its own field."""
    client.force_login(coordinator)
    ids = re.findall(r' id="([^"]+)"', client.get(network_url(page, network)).content.decode())
    assert len(ids) == len(set(ids))
