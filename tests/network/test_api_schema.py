"""The API answers what its OpenAPI schema says, checked by schemathesis in-process against the WSGI app.

Every operation of /api/schema/ is called by a coordinator with a token, over the network they coordinate
and over another private network they are not in (where everything must be 404, and 404 must be in the
schema). The generated cases fill every other parameter and body from the schema; each answer is checked
for a server error and for conformance (status code, content type, headers, body). Path parameters come
from the fixture set below, so cases reach real rows (a member without a country, a pending request)
instead of only 404s (memberships, and activity log entries in every state).
"""

import copy

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from network.models import Membership, Network, Role
from portal.wsgi import application
from projects.models import ActivityEntry
from tests.factories import ActivityEntryFactory, MembershipFactory, NetworkFactory, OrganisationFactory, person_in

pytestmark = pytest.mark.django_db

# Small enough that the whole test stays well under a minute, large enough to vary bodies and queries.
EXAMPLES_PER_OPERATION = 15


@pytest.fixture
def connection_kept_open():
    """What Django's test client does around a request. The WSGI handler's request_started/finished
    signals would close the database connection, and with it the test's transaction (on PostgreSQL;
    SQLite's in-memory database is never closed). No test client call may run meanwhile: it would
    connect them again."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_world():
    own = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    other = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    # The coordinator's own organisation has no country: the schema must allow the "" that answers it.
    coordinator = person_in(own, Role.COORDINATOR, country="")
    member = person_in(own, Role.MEMBER, website="https://example.org/")
    MembershipFactory(network=own, status=Membership.Status.REQUESTED)
    MembershipFactory(network=own, status=Membership.Status.REQUESTED, organisation=OrganisationFactory(country=""))
    person_in(other, Role.COORDINATOR)
    MembershipFactory(network=other, status=Membership.Status.REQUESTED)
    # Activity log entries in each state (the member's), and one of the other network.
    organisation = member.affiliations.get().organisation
    for status in ("draft", "submitted", "approved", "returned"):
        ActivityEntryFactory(network=own, organisation=organisation, created_by=member, status=status)
    ActivityEntryFactory(network=other)
    with scopes_disabled():
        ids = sorted(Membership.objects.filter(network__in=[own, other]).values_list("pk", flat=True))
        ids += sorted(ActivityEntry.objects.filter(network__in=[own, other]).values_list("pk", flat=True))
    token, _created = Token.objects.get_or_create(user=coordinator)
    # 999999: an id nobody has, for the 404 of a row that does not exist.
    return {"own": own, "other": other, "token": token.key, "membership_ids": [*ids, 999_999]}


def _pin_path_parameters(raw, values):
    """Path parameters take only the given values (name -> list), so the cases name fixture rows."""
    for item in raw["paths"].values():
        for operation in [item] + [op for op in item.values() if isinstance(op, dict)]:
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and parameter["name"] in values:
                    # Ids are strings in the schema where the route's regex says digits ("[0-9]+").
                    as_type = str if parameter["schema"].get("type") == "string" else int
                    pinned = [as_type(value) for value in values[parameter["name"]]]
                    parameter["schema"] = {**parameter["schema"], "enum": pinned}
    return raw


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def _run(operation, key, counts, headers):

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,  # the same cases on every run: CI failures reproduce locally
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def call(case):
        counts[key] += 1
        response = case.call(app=application, headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    call()


def test_every_operation_conforms_to_the_schema(api_world, connection_kept_open, capsys):
    ids = api_world["membership_ids"]
    coordinator = f"Token {api_world['token']}"
    # The coordinator over their own network and over another private one; then a token nobody has,
    # which every operation must answer with the documented 401 and its WWW-Authenticate header.
    runs = [("own", coordinator), ("other", coordinator), ("own", "Token not-a-real-key")]
    served = schemathesis.openapi.from_wsgi("/api/schema/", application).raw_schema
    counts = {}
    for label, authorization in runs:
        network = api_world[label]
        raw = _pin_path_parameters(
            copy.deepcopy(served),
            {"network_slug": [network.slug], "slug": [network.slug], "id": ids},
        )
        schema = schemathesis.openapi.from_dict(raw)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) == 18, [op.label for op in operations]
        # identity: the WSGI transport hands the body over as sent, and GZipMiddleware would compress it.
        headers = {"Authorization": authorization, "Accept-Encoding": "identity"}
        for operation in operations:
            key = f"{label} {authorization[:10]} {operation.method.upper()} {operation.path}"
            counts[key] = 0
            _run(operation, key, counts, headers)
    total = sum(counts.values())
    with capsys.disabled():
        print(f"\nschemathesis: {total} cases, {len(counts)} operation runs, 0 server errors, 0 schema violations")
    assert all(counts.values()), counts
