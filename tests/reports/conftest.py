"""A network with a private project and its people, another network, and the engine's test-only kind
(tests/reports/engine_kinds: a small real PDF about a project, steered by its parameters)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import TestCase
from django_scopes import scope

from network.models import Role
from tests.factories import NetworkFactory, ProjectFactory, person_in

KIND = "engine_test"


@pytest.fixture
def network(db):
    return NetworkFactory(name="VET Reform Network", slug="vet-reform")


@pytest.fixture
def project(network):
    return ProjectFactory(network=network, title="Career guidance in Syunik", slug="career-guidance",
                          visibility="private")  # fmt: skip


@pytest.fixture
def people(network):
    other_network = NetworkFactory(name="Another Network", slug="another")
    return SimpleNamespace(
        coordinator=person_in(network, Role.COORDINATOR, name="Lead NGO"),
        member=person_in(network, Role.MEMBER, name="Partner School"),
        observer=person_in(network, Role.OBSERVER, name="Watching Foundation"),
        outsider=person_in(other_network, Role.COORDINATOR, name="Far NGO"),
        anonymous=AnonymousUser(),
        other_network=other_network,
    )


def committed():
    """Run what waits for the commit (the job's message: eager here, so the render) when the block ends, as
    the request's commit would; the test's own transaction never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def ask(project, user, **parameters):
    """report_request for the test kind in the project's scope (as the view runs it), committed."""
    from reports.services import report_request

    language = parameters.pop("language", "en")
    with scope(network=project.network), committed():
        return report_request(kind=KIND, subject=project, parameters=parameters, language=language, acting_user=user)
