"""An organisation with an open membership in a network it may not see (its request waits in a network
made private, or it is suspended in a private one) can still withdraw or leave, from its home page; every
other page of that network stays a 404 for it, and nobody else acts on its membership."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from network.models import Membership, Network, Role
from tests.factories import AffiliationFactory, MembershipFactory, NetworkFactory, person_in
from tests.pages import messages

pytestmark = pytest.mark.django_db

OTHER_PAGES = ["", "workspace/", "members/manage/", "edit/", "join/", "agreements/", "news/", "workspace/log/"]


def status(membership):
    with scopes_disabled():
        membership.refresh_from_db()
    return membership.status


def action_url(name, membership):
    return reverse(f"network:{name}", kwargs={"network_slug": membership.network.slug, "membership_id": membership.pk})


@pytest.fixture
def private():
    network = NetworkFactory(name="Closed Circle", slug="closed")
    person_in(network, Role.COORDINATOR)
    return network


@pytest.fixture
def applicant():
    return AffiliationFactory(organisation__name="Youth Voices", organisation__acronym="").user


@pytest.fixture
def pending(private, applicant):
    """Asked to join while the network was public; the coordinators have made it private since."""
    membership = MembershipFactory(
        network=private,
        organisation=applicant.affiliations.get().organisation,
        status=Membership.Status.REQUESTED,
        requested_by=applicant,
    )
    Network.objects.filter(pk=private.pk).update(visibility=Network.Visibility.PRIVATE)
    private.refresh_from_db()
    return membership


@pytest.fixture
def suspended(private):
    Network.objects.filter(pk=private.pk).update(visibility=Network.Visibility.PRIVATE)
    private.refresh_from_db()
    user = person_in(private, Role.MEMBER, status=Membership.Status.SUSPENDED, name="Quiet NGO", acronym="")
    with scopes_disabled():
        membership = Membership.objects.select_related("network").get(
            network=private, organisation__affiliations__user=user
        )
    return user, membership


def test_the_home_page_offers_to_withdraw_a_request_in_a_network_made_private(client, applicant, pending):
    client.force_login(applicant)
    home = client.get("/").content.decode()
    assert f'action="{action_url("withdraw", pending)}"' in home
    assert 'href="/networks/closed/' not in home  # the network's pages are a 404 to this user
    assert "Closed Circle" in home


def test_a_request_in_a_network_made_private_can_be_withdrawn(client, applicant, pending):
    client.force_login(applicant)
    response = client.post(action_url("withdraw", pending), follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert "Youth Voices's request was withdrawn." in messages(response)
    assert status(pending) == Membership.Status.WITHDRAWN


def test_the_home_page_offers_to_leave_a_private_network_one_is_suspended_in(client, suspended):
    user, membership = suspended
    client.force_login(user)
    home = client.get("/").content.decode()
    assert f'action="{action_url("leave", membership)}"' in home
    assert 'href="/networks/closed/' not in home


def test_a_suspended_organisation_leaves_a_private_network(client, suspended):
    user, membership = suspended
    client.force_login(user)
    response = client.post(action_url("leave", membership), follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert "Quiet NGO has left the network." in messages(response)
    assert status(membership) == Membership.Status.LEFT


@pytest.mark.parametrize("who", ["requester", "suspended"])
def test_every_other_page_of_the_private_network_stays_missing(client, applicant, pending, suspended, who):
    user = applicant if who == "requester" else suspended[0]
    client.force_login(user)
    for page in OTHER_PAGES:
        assert client.get(f"/networks/closed/{page}").status_code == 404, page
    # The two ways out answer POST only, and only for the organisation's own membership.
    assert client.get(action_url("withdraw", pending)).status_code == 404
    assert client.get(action_url("leave", suspended[1])).status_code == 404
    mine, theirs = (pending, suspended[1]) if who == "requester" else (suspended[1], pending)
    assert client.post(action_url("withdraw", theirs)).status_code == 404
    assert client.post(action_url("leave", theirs)).status_code == 404
    assert client.post(action_url("approve", mine), {"role": "member"}).status_code == 404
    assert status(pending) == Membership.Status.REQUESTED
    assert status(suspended[1]) == Membership.Status.SUSPENDED


def test_another_organisations_admin_cannot_withdraw_or_leave_for_it(client, pending, suspended):
    client.force_login(AffiliationFactory().user)
    assert client.post(action_url("withdraw", pending)).status_code == 404
    assert client.post(action_url("leave", suspended[1])).status_code == 404
    assert status(pending) == Membership.Status.REQUESTED
    assert status(suspended[1]) == Membership.Status.SUSPENDED


def test_a_colleague_who_is_not_admin_cannot_withdraw(client, pending):
    colleague = AffiliationFactory(organisation=pending.organisation, is_admin=False).user
    client.force_login(colleague)
    assert client.post(action_url("withdraw", pending)).status_code == 404
    assert f'action="{action_url("withdraw", pending)}"' not in client.get("/").content.decode()
    assert status(pending) == Membership.Status.REQUESTED


def test_the_home_page_still_links_networks_the_user_can_see(client, applicant):
    public = NetworkFactory(slug="open")
    MembershipFactory(
        network=public, organisation=applicant.affiliations.get().organisation, status=Membership.Status.REQUESTED
    )
    client.force_login(applicant)
    assert 'href="/networks/open/"' in client.get("/").content.decode()
