"""Coordinators see whether an organisation asking to join is verified, at a fixed cost per page."""

import re

import pytest
from django_scopes import scopes_disabled

from network.models import Membership, Role
from tests.factories import AffiliationFactory, MembershipFactory, NetworkFactory, OrganisationFactory, person_in
from tests.pages import page_queries, text

pytestmark = pytest.mark.django_db


def request_from(network, *, website, email):
    """A join request from an organisation whose admin writes from `email` (a confirmed primary address)."""
    admin = AffiliationFactory(organisation=OrganisationFactory(website=website), user__email=email)
    return MembershipFactory(
        network=network, organisation=admin.organisation, status=Membership.Status.REQUESTED, requested_by=admin.user
    )


def row(response, membership):
    return re.search(rf'<tr id="request-{membership.pk}">.*?</tr>', text(response), re.S).group(0)


@pytest.fixture
def coordinator_client(client):
    network = NetworkFactory(slug="cgn")
    client.force_login(person_in(network, Role.COORDINATOR))
    return client, network


def test_each_pending_request_shows_whether_its_organisation_is_verified(coordinator_client):
    client, network = coordinator_client
    real = request_from(network, website="https://www.undp.org", email="ana@undp.org")
    squatter = request_from(network, website="https://www.undp.org", email="undp.armenia@gmail.com")

    response = client.get("/networks/cgn/members/manage/")
    assert '<span class="pill pill-ok">Verified</span>' in row(response, real)
    assert "an administrator's e-mail address is at undp.org, the organisation's website" in row(response, real)
    assert '<span class="pill pill-warn">Not verified</span>' in row(response, squatter)
    assert "no administrator has a confirmed e-mail address at undp.org" in row(response, squatter)


def test_the_page_costs_the_same_for_few_or_many_requests(coordinator_client):
    client, network = coordinator_client
    counts = []
    for total in (3, 30):
        with scopes_disabled():
            while Membership.objects.filter(network=network, status=Membership.Status.REQUESTED).count() < total:
                n = Membership.objects.count()
                # Half verified, half not: the rule reads every admin's address either way.
                request_from(network, website=f"https://org{n}.example", email=f"a{n}@org{n - n % 2}.example")
        client.get("/networks/cgn/members/manage/")
        count, response = page_queries(client, "/networks/cgn/members/manage/")
        assert text(response).count('pill pill-ok">Verified<') >= total // 2 - 1
        assert text(response).count('pill pill-warn">Not verified<') >= total // 2 - 1
        counts.append(count)
    assert counts[0] == counts[1]
