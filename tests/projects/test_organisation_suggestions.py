"""The partner field's suggestions (projects.views.projects.organisation_suggestions): what the field would match,
for who may edit the project only, a few at a time."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from network.models import Network, Role
from projects.views.projects import ORGANISATION_SUGGESTIONS
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    person_in,
)
from tests.pages import query_count

pytestmark = pytest.mark.django_db


def suggest_url(project):
    kwargs = {"network_slug": project.network.slug, "project_slug": project.slug}
    return reverse("projects:organisation_suggestions", kwargs=kwargs)


def names(response):
    assert response.status_code == 200
    return [row["name"] for row in response.json()["results"]]


def test_the_suggestions_are_the_organisations_the_network_deals_with(client, network, project, coordinator):
    MembershipFactory(network=network, organisation=OrganisationFactory(name="Youth Agency", acronym="YA"))
    OrganisationFactory(name="Youth Typed In", acronym="", created_in_network_id=network.pk)
    with scopes_disabled():
        PartnerFactory(project=project, organisation=OrganisationFactory(name="Partner of youth", acronym=""))
    OrganisationFactory(name="Youth Elsewhere")  # Partnera knows it, this network does not
    MembershipFactory(network=NetworkFactory(), organisation=OrganisationFactory(name="Youth Other Network"))
    client.force_login(coordinator)

    assert names(client.get(suggest_url(project), {"q": "youth"})) == [
        "Partner of youth",
        "Youth Agency",
        "Youth Typed In",
    ]
    assert names(client.get(suggest_url(project), {"q": "ya"})) == ["Youth Agency"]  # by acronym too
    assert names(client.get(suggest_url(project), {"q": "  "})) == []  # never the whole list
    assert names(client.get(suggest_url(project))) == []


def test_at_most_a_few_suggestions_come_back_at_a_fixed_cost(client, network, project, coordinator):
    client.force_login(coordinator)
    OrganisationFactory.create_batch(3, name="School", created_in_network_id=network.pk)
    few = query_count(client, suggest_url(project) + "?q=school")
    OrganisationFactory.create_batch(ORGANISATION_SUGGESTIONS + 10, name="School", created_in_network_id=network.pk)

    response = client.get(suggest_url(project), {"q": "school"})
    assert len(names(response)) == ORGANISATION_SUGGESTIONS
    assert query_count(client, suggest_url(project) + "?q=school") == few
    assert len(names(client.get(suggest_url(project), {"q": "s" * 5000}))) == 0  # a long query is cut, no 500
    assert len(names(client.get(suggest_url(project), {"q": "scho\x00ol"}))) == ORGANISATION_SUGGESTIONS


def test_only_who_may_edit_the_project_gets_suggestions(client, network, project, member):
    OrganisationFactory(name="Youth Typed In", created_in_network_id=network.pk)
    url = suggest_url(project) + "?q=youth"

    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]  # anonymous

    client.force_login(member)  # a member sees the project but may not edit it
    assert client.get(url).status_code in (403, 404)

    other = NetworkFactory()
    client.force_login(person_in(other, Role.COORDINATOR))  # another network's coordinator
    assert client.get(url).status_code == 403  # the project is public; editing it is not theirs (as edit pages)
    # ... and with their own network's address, this network's project is not found
    assert client.get(url.replace(f"/networks/{network.slug}/", f"/networks/{other.slug}/")).status_code == 404


def test_a_private_networks_suggestions_are_not_found_by_another_networks_coordinator(client):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    project = ProjectFactory(network=private)
    OrganisationFactory(name="Youth Typed In", created_in_network_id=private.pk)
    client.force_login(person_in(NetworkFactory(), Role.COORDINATOR))
    assert client.get(suggest_url(project), {"q": "youth"}).status_code == 404
    client.force_login(person_in(private, Role.COORDINATOR))
    assert names(client.get(suggest_url(project), {"q": "youth"})) == ["Youth Typed In"]
