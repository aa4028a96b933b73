"""The network API: same rules, same scope, same services as the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from network.models import Membership, Network, Role
from tests.clients import sign_in
from tests.factories import AffiliationFactory, MembershipFactory, NetworkFactory, person_in

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


def test_a_member_of_a_private_network_calling_with_a_token_gets_the_members(client):
    """The bug: DRF authenticates a token after the middleware ran, so a middleware that decided who may
    enter saw an anonymous caller and answered 404 to a member. NetworkRulePermission decides now."""
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    member = person_in(private, Role.MEMBER, name="Token Holders Union")
    sign_in(client, member, "token")

    response = client.get(f"/api/v1/networks/{private.slug}/members/")

    assert response.status_code == 200, response.content
    assert [m["organisation"]["name"] for m in response.json()["results"]] == ["Token Holders Union"]
    # And the directory lists the private network for the token caller too.
    names = {n["name"] for n in client.get("/api/v1/networks/").json()["results"]}
    assert private.name in names


def test_a_coordinator_of_a_private_network_decides_requests_with_a_token(client):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    sign_in(client, person_in(private, Role.COORDINATOR), "token")
    assert client.get(f"/api/v1/networks/{private.slug}/membership-requests/").status_code == 200


@pytest.mark.parametrize("caller", ["anonymous", "outsider", "coordinator_elsewhere"])
def test_private_network_api_is_404_for_non_members_of_either_kind(client, client_kind, caller):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    request = MembershipFactory(network=private, status=Membership.Status.REQUESTED)
    person_in(private, Role.COORDINATOR)
    user = {
        "anonymous": None,
        "outsider": AffiliationFactory().user,
        "coordinator_elsewhere": person_in(NetworkFactory(), Role.COORDINATOR),
    }[caller]
    sign_in(client, user, client_kind)
    base = f"/api/v1/networks/{private.slug}"
    for path in ("members/", f"members/{request.pk}/", "membership-requests/", f"membership-requests/{request.pk}/"):
        assert client.get(f"{base}/{path}").status_code == 404, path
    for path in ("membership-requests/", f"membership-requests/{request.pk}/approve/"):
        assert client.post(f"{base}/{path}", {}, content_type="application/json").status_code == 404, path
    with scopes_disabled():
        request.refresh_from_db()
    assert request.status == Membership.Status.REQUESTED


@pytest.mark.parametrize("visibility", Network.Visibility.values)
def test_an_unknown_token_is_refused_with_401_and_a_token_challenge(client, visibility):
    """Not treated as anonymous, and answered 401 with the scheme to use (RFC 9110), not 403. The same on
    a public, a private and a network that does not exist: a bad token does not tell which slugs exist."""
    network = NetworkFactory(visibility=visibility)
    client.defaults["HTTP_AUTHORIZATION"] = "Token not-a-real-key"
    for slug in (network.slug, "no-such-network"):
        response = client.get(f"/api/v1/networks/{slug}/members/")
        assert response.status_code == 401, (slug, response.content)
        assert response["WWW-Authenticate"] == "Token"
        assert "Invalid token" in response.json()["detail"]


def test_an_anonymous_caller_on_a_public_networks_members_only_endpoint_is_asked_to_authenticate(client):
    network = NetworkFactory()
    response = client.get(f"/api/v1/networks/{network.slug}/membership-requests/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_an_anonymous_caller_gets_404_for_a_private_network_and_an_unknown_one_alike(client):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    for slug in (private.slug, "no-such-network"):
        response = client.get(f"/api/v1/networks/{slug}/membership-requests/")
        assert response.status_code == 404, slug
        assert "WWW-Authenticate" not in response
        assert response["Content-Type"] == "application/json"


def test_session_writes_still_need_the_csrf_token():
    """TokenAuthentication comes first now; a session caller still passes through SessionAuthentication,
    which enforces CSRF on unsafe methods."""
    from django.test import Client

    network = NetworkFactory()
    ngo = AffiliationFactory().user
    client = Client(enforce_csrf_checks=True)
    client.force_login(ngo)
    response = client.post(
        f"/api/v1/networks/{network.slug}/membership-requests/",
        {"organisation_id": ngo.affiliations.get().organisation_id},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    with scopes_disabled():
        assert not Membership.objects.filter(network=network).exists()


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
