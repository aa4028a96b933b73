"""People and a project in one public network, for the projects tests."""

import pytest

from network.models import Role
from tests.factories import NetworkFactory, ProjectFactory, person_in


@pytest.fixture
def network(db):
    return NetworkFactory(name="VET for the Future", slug="vet-for-the-future", countries=["AZ"])


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="United Nations Development Programme", acronym="UNDP")


@pytest.fixture
def member(network):
    return person_in(network, Role.MEMBER, name="State Agency on Vocational Education", acronym="")


@pytest.fixture
def project(network):
    return ProjectFactory(network=network, title="VET for the Future", acronym="VET4F", slug="vet4f")
