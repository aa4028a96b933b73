"""The network API: same rules, same scope, same services as the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from network.models import Membership, Network, Role
from tests.factories import AffiliationFactory, NetworkFactory, person_in

pytestmark = pytest.mark.django_db


def test_directory_lists_public_networks_and_private_ones_the_caller_is_in(client):
    public = NetworkFactory(name="Open Coalition")
    private = NetworkFactory(name="Closed Consortium", visibility=Network.Visibility.PRIVATE)
    names = {n["name"] for n in client.get("/api/v1/networks/").json()["results"]}
    assert names == {public.name}

    client.force_login(person_in(private))
    names = {n["name"] for n in client.get("/api/v1/networks/").json()["results"]}
    assert names == {public.name, private.name}


def test_private_network_members_are_404_for_outsiders(client):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    person_in(private)
    assert client.get(f"/api/v1/networks/{private.slug}/members/").status_code == 404
    client.force_login(AffiliationFactory().user)
    assert client.get(f"/api/v1/networks/{private.slug}/members/").status_code == 404


def test_join_request_then_coordinator_approves(client):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    ngo = AffiliationFactory(organisation__name="Youth Voices").user
    org_id = ngo.affiliations.get().organisation_id

    client.force_login(ngo)
    created = client.post(
        f"/api/v1/networks/{network.slug}/membership-requests/",
        {"organisation_id": org_id, "message": "We run career clubs."},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    again = client.post(
        f"/api/v1/networks/{network.slug}/membership-requests/",
        {"organisation_id": org_id},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert "already asked" in again.content.decode()
    # An NGO may not see or decide the queue.
    assert client.get(f"/api/v1/networks/{network.slug}/membership-requests/").status_code == 403

    client.force_login(coordinator)
    pending = client.get(f"/api/v1/networks/{network.slug}/membership-requests/").json()["results"]
    assert [p["organisation"]["name"] for p in pending] == ["Youth Voices"]
    declined = client.post(
        f"/api/v1/networks/{network.slug}/membership-requests/{pending[0]['id']}/decline/",
        {"reason": ""},
        content_type="application/json",
    )
    assert declined.status_code == 400 and "reason" in declined.json()
    approved = client.post(
        f"/api/v1/networks/{network.slug}/membership-requests/{pending[0]['id']}/approve/",
        {"role": "observer"},
        content_type="application/json",
    )
    assert approved.status_code == 200
    assert approved.json()["status"] == "active" and approved.json()["role"] == "observer"


def test_cannot_request_for_someone_elses_organisation(client):
    network = NetworkFactory()
    other_org = AffiliationFactory().organisation
    client.force_login(AffiliationFactory().user)
    response = client.post(
        f"/api/v1/networks/{network.slug}/membership-requests/",
        {"organisation_id": other_org.pk},
        content_type="application/json",
    )
    assert response.status_code == 404
    with scopes_disabled():
        assert not Membership.objects.filter(organisation=other_org).exists()


@pytest.mark.parametrize("path", ["/api/v1/networks/", "/api/v1/networks/{slug}/members/"])
def test_list_endpoints_use_a_fixed_number_of_queries(client, path):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    client.force_login(coordinator)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path.format(slug=network.slug)).status_code == 200
        return len(ctx)

    for _ in range(4):
        person_in(network)
        NetworkFactory()
    small = count()
    for _ in range(45):
        person_in(network)
        NetworkFactory()
    assert count() == small


def test_schema_and_docs_are_served(client):
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200
