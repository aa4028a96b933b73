"""Query counts on the list pages stay fixed as the rows grow.

Each case builds a page with 5 rows, loads it once to warm caches (session, content types), counts the
queries of a second load, grows the rows to 50 and counts again: the two counts must be equal and under
a ceiling. The counts are printed (run with -s) and attached to the test report as `queries`.
"""

import pytest
from django_scopes import scopes_disabled

from network.models import Membership, Network, Role
from network.views.memberships import INVITATIONS_ON_PAGE, REQUESTS_ON_PAGE
from network.views.networks import MEMBERS_ON_NETWORK_PAGE, MEMBERS_PER_PAGE, NETWORKS_PER_PAGE
from tests.factories import (
    AffiliationFactory,
    ColleagueInvitationFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    UserFactory,
    person_in,
)
from tests.pages import page_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered")]

SMALL, LARGE = 5, 50
CEILING = 15  # no list page needs more than this many queries, whatever its size


# Each case: setup(client) -> (url, grow(n)); `grow(n)` adds rows until the page holds n of them, and
# `rows(response)` says how many rows the page shows, so the test knows the page really grew.


def directory(client):
    user = person_in(NetworkFactory(visibility=Network.Visibility.PRIVATE))  # one private network of mine
    client.force_login(user)

    def grow(n):
        while Network.objects.filter(visibility=Network.Visibility.PUBLIC).count() < n:
            MembershipFactory(network=NetworkFactory(description="A partnership"))

    def rows(response):
        """The networks listed over all pages; the first page holds as many as fit on it."""
        listed = response.context["page"].paginator.count
        assert len(response.context["networks"]) == min(listed, NETWORKS_PER_PAGE)
        return listed

    return "/networks/", grow, rows


def network_detail(client):
    network = NetworkFactory(slug="cgn")
    client.force_login(person_in(network, Role.COORDINATOR))

    def grow(n):
        while Membership.objects.all().count() < n:
            MembershipFactory(network=network, organisation__city="Gyumri")

    def rows(response):
        """The members counted; the page shows the first few of them and links to the list."""
        assert len(response.context["members"]) == min(response.context["member_count"], MEMBERS_ON_NETWORK_PAGE)
        return response.context["member_count"]

    return "/networks/cgn/", grow, rows


def member_list(client):
    network = NetworkFactory(slug="cgn")  # visitors see the members: show_members is on by default

    def grow(n):
        while Membership.objects.all().count() < n:
            MembershipFactory(network=network, organisation__city="Gyumri")

    return "/networks/cgn/members/", grow, _paged_members


def workspace(client):
    network = NetworkFactory(slug="cgn")
    client.force_login(person_in(network, Role.COORDINATOR))

    def grow(n):
        while Membership.objects.all().count() < n:
            organisation = MembershipFactory(network=network).organisation
            AffiliationFactory.create_batch(2, organisation=organisation)

    return "/networks/cgn/workspace/", grow, _paged_members


def _paged_members(response):
    """The members listed over all pages; the first page holds as many as fit on it."""
    listed = response.context["page"].paginator.count
    assert len(response.context["members"]) == min(listed, MEMBERS_PER_PAGE)
    return listed


def manage_members(client):
    network = NetworkFactory(slug="cgn")
    coordinator = person_in(network, Role.COORDINATOR)
    client.force_login(coordinator)

    def grow(n):
        while Membership.objects.filter(status=Membership.Status.REQUESTED).count() < n:
            requester = AffiliationFactory().user
            MembershipFactory(
                network=network,
                organisation=requester.affiliations.get().organisation,
                status=Membership.Status.REQUESTED,
                requested_by=requester,
            )
            member = MembershipFactory(network=network).organisation
            AffiliationFactory(organisation=member)
            InvitationFactory(network=network, invited_by=coordinator)

    def rows(response):
        """The requests, members and invitations counted; the page shows the first of each."""
        context = response.context
        assert len(context["pending"]) == min(context["pending_count"], REQUESTS_ON_PAGE)
        assert len(context["invitations"]) == min(context["invitation_count"], INVITATIONS_ON_PAGE)
        return min(context["pending_count"], context["invitation_count"], _paged_members(response))

    return "/networks/cgn/members/manage/", grow, rows


def home(client):
    admin = AffiliationFactory()
    client.force_login(admin.user)

    def grow(n):
        while Membership.objects.all().count() < n:
            MembershipFactory(organisation=admin.organisation, network=NetworkFactory())
            InvitationFactory(email=admin.user.email)  # not listed (issue 7), but must cost nothing either

    return "/", grow, lambda r: len(r.context["memberships"])


def organisation_profile(client):
    admin = AffiliationFactory()
    client.force_login(admin.user)

    def grow(n):
        while Membership.objects.all().count() < n:
            MembershipFactory(organisation=admin.organisation, network=NetworkFactory())

    return f"/organisations/{admin.organisation_id}/", grow, lambda r: len(r.context["memberships"])


def organisation_people(client):
    admin = AffiliationFactory()
    client.force_login(admin.user)

    def grow(n):
        while admin.organisation.affiliations.count() < n:
            AffiliationFactory(organisation=admin.organisation, is_admin=False, user=UserFactory())
            ColleagueInvitationFactory(organisation=admin.organisation, invited_by=admin.user)

    return f"/organisations/{admin.organisation_id}/people/", grow, lambda r: len(r.context["people"])


CASES = [
    directory,
    network_detail,
    member_list,
    workspace,
    manage_members,
    home,
    organisation_profile,
    organisation_people,
]


@pytest.mark.parametrize("case", CASES, ids=[case.__name__ for case in CASES])
def test_query_count_does_not_grow_with_the_rows(client, case, record_property, django_assert_max_num_queries):
    with scopes_disabled():  # the builders count and create tenant rows (fixture code)
        url, grow, rows = case(client)
        grow(SMALL)
    client.get(url)  # warm-up: first-request work (session, content types) is not the page's
    small, response = page_queries(client, url)
    assert rows(response) >= SMALL

    with scopes_disabled():
        grow(LARGE)
    with django_assert_max_num_queries(CEILING):
        large, response = page_queries(client, url)
    assert rows(response) >= LARGE

    record_property("queries", {SMALL: small, LARGE: large})
    print(f"\n{case.__name__}: {small} queries with {SMALL} rows, {large} with {LARGE}")
    assert large == small


def test_the_directory_pages_cost_the_same_and_list_every_network_once(client):
    with scopes_disabled():
        for _ in range(NETWORKS_PER_PAGE + 3):
            NetworkFactory(name="Same name")  # one name for all: only the tie-breaker orders them
    client.get("/networks/")
    first, response = page_queries(client, "/networks/")
    assert 'rel="next" href="?page=2"' in response.content.decode()
    second, response_2 = page_queries(client, "/networks/?page=2")
    shown = [n.pk for n in response.context["networks"]] + [n.pk for n in response_2.context["networks"]]
    assert len(response_2.context["networks"]) == 3 and sorted(shown) == sorted(set(shown))
    assert len(shown) == NETWORKS_PER_PAGE + 3
    assert first == second
