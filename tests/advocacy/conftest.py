"""One public network with its people, a ministry it addresses and one it does not, and another network."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django_scopes import scope

from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_create, output_publish, output_start_review
from network.models import Role
from tests.factories import NetworkFactory, OrganisationFactory, institution_person, org, person_in


@pytest.fixture
def network(db):
    return NetworkFactory(name="VET Reform Network", slug="vet-reform")


@pytest.fixture
def people(network):
    other_network = NetworkFactory(name="Another Network", slug="another")
    ministry_user = institution_person("ministry", name="Ministry of Education, Science, Culture and Sport")
    return SimpleNamespace(
        coordinator=person_in(network, Role.COORDINATOR, name="Lead NGO"),
        member=person_in(network, Role.MEMBER, name="Partner School", kind="vet_school"),
        observer=person_in(network, Role.OBSERVER, name="Watching Foundation", kind="foundation"),
        ministry_user=ministry_user,
        ministry=org(ministry_user),
        other_ministry_user=institution_person("ministry", name="Ministry of Finance"),
        anonymous=AnonymousUser(),
        other_coordinator=person_in(other_network, Role.COORDINATOR, name="Far NGO"),
        other_network=other_network,
    )


@pytest.fixture
def agency(db):
    return OrganisationFactory(name="Office for Youth", kind="government_agency")


def make_output(network, people, *, visibility="members", status="draft", title="Recommendations for VET reform",
                address=True, **data):  # fmt: skip
    """An output written through the services, at `status`, addressed to the ministry when `address`."""
    with scope(network=network):
        output = output_create(
            network=network, acting_user=people.coordinator, data={"title": title, "visibility": visibility, **data}
        )
        if address:
            output_address(output=output, institution=people.ministry, acting_user=people.coordinator)
        if status in ("in_review", "published"):
            output = output_start_review(output=output, acting_user=people.coordinator)
        if status == "published":
            output = output_publish(output=output, acting_user=people.coordinator)
        return output


@pytest.fixture
def in_network(network):
    with scope(network=network):
        yield network
