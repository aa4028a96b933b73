"""Who may see and who may edit projects, lock reporting periods and use the activity log API: role × action ×
expected answer, for pages, the API (session and token) and rules."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from guardian.shortcuts import assign_perm

from network.models import Membership, Network, Role
from portal import permissions
from projects import selectors
from projects.models import Need, ProjectEvaluator, ReportingPeriodLock
from tests.clients import sign_in
from tests.factories import (
    AffiliationFactory,
    ComponentFactory,
    NetworkFactory,
    PartnerFactory,
    ProjectFactory,
    UserFactory,
    org,
    person_in,
)

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "outsider", "suspended", "observer", "member", "coordinator", "staff", "donor", "evaluator"]


@pytest.fixture
def people(network, projects):
    """The network's roles; a donor whose organisation funds the private project (projects.grants gives its
    people the grant) and an evaluator named on it (no organisation at all), neither of them in the network."""
    donor = AffiliationFactory(organisation__kind="donor").user
    evaluator = UserFactory()
    with scopes_disabled():
        PartnerFactory(project=projects["private"], organisation=org(donor), role="funder")
        ProjectEvaluator.objects.create(
            network=network, project=projects["private"], user=evaluator, until=date.today() + timedelta(days=30)
        )
    return {
        "anonymous": None,
        "outsider": AffiliationFactory().user,  # administers an organisation in no network
        "suspended": person_in(network, Role.COORDINATOR, status=Membership.Status.SUSPENDED),
        "observer": person_in(network, Role.OBSERVER),
        "member": person_in(network, Role.MEMBER),
        "coordinator": person_in(network, Role.COORDINATOR),
        "staff": UserFactory(is_staff=True),
        "donor": donor,
        "evaluator": evaluator,
    }


@pytest.fixture
def projects(network):
    public = ProjectFactory(network=network, slug="open")
    private = ProjectFactory(network=network, slug="closed", visibility="private")
    for project in (public, private):
        with scopes_disabled():
            Need.objects.create(project=project, network=network, position=1, text="A need")
            Need.objects.create(project=project, network=network, position=2, text="B need")
        ComponentFactory(project=project, position=1)
    return {"public": public, "private": private}


def _get(client, person, path):
    if person is not None:
        client.force_login(person)
    return client.get(path).status_code


# GET answers: 200 may, 404 may not know the project exists, 403 may see but not do, 302 log in first.
VIEW = {"anonymous": 200, "outsider": 200, "suspended": 200, "observer": 200, "member": 200, "coordinator": 200,
        "staff": 200, "donor": 200, "evaluator": 200}  # fmt: skip
# A visitor is asked to log in for a private project, as for a members-only agreement (ensure_visible). The
# donor and the evaluator were granted it.
VIEW_PRIVATE = {"anonymous": 302, "outsider": 404, "suspended": 404, "observer": 200, "member": 200,
                "coordinator": 200, "staff": 200, "donor": 200, "evaluator": 200}  # fmt: skip
EDIT = {"anonymous": 302, "outsider": 403, "suspended": 403, "observer": 403, "member": 403, "coordinator": 200,
        "staff": 403, "donor": 403, "evaluator": 403}  # fmt: skip
EDIT_PRIVATE = {**VIEW_PRIVATE, **{k: v for k, v in EDIT.items() if VIEW_PRIVATE[k] != 404}}

TABLE = [
    ("project page", "public", "projects:detail", {}, VIEW),
    ("project page", "private", "projects:detail", {}, VIEW_PRIVATE),
    ("facts form", "public", "projects:edit", {}, EDIT),
    ("facts form", "private", "projects:edit", {}, EDIT_PRIVATE),
    ("logframe page", "public", "projects:edit_page", {"page": "logframe"}, EDIT),
    ("partners page", "private", "projects:edit_page", {"page": "partners"}, EDIT_PRIVATE),
    ("access page", "public", "projects:access", {}, EDIT),
    ("access page", "private", "projects:access", {}, EDIT_PRIVATE),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("what", "which", "name", "extra", "expected"), TABLE, ids=[f"{t[0]}-{t[1]}" for t in TABLE])
def test_who_may_get_what(client, people, projects, visitor, what, which, name, extra, expected):
    project = projects[which]
    path = reverse(name, kwargs={"network_slug": project.network.slug, "project_slug": project.slug, **extra})
    assert _get(client, people[visitor], path) == expected[visitor]


@pytest.mark.parametrize(
    ("visitor", "expected"),
    [("anonymous", 302), ("outsider", 403), ("observer", 403), ("member", 403), ("coordinator", 200), ("staff", 403),
     ("donor", 403), ("evaluator", 403)],
)  # fmt: skip
def test_who_may_start_a_project(client, network, people, visitor, expected):
    path = reverse("projects:create", kwargs={"network_slug": network.slug})
    assert _get(client, people[visitor], path) == expected


@pytest.mark.parametrize(
    ("visitor", "which", "expected"),
    [
        ("anonymous", "public", 302), ("member", "public", 403), ("observer", "private", 403),
        ("outsider", "private", 404), ("coordinator", "public", 302), ("coordinator", "private", 302),
        ("donor", "private", 403), ("evaluator", "private", 403),
    ],
)  # fmt: skip
@pytest.mark.parametrize("action", ["add", "update", "move", "delete"])
def test_who_may_change_rows(client, people, projects, visitor, which, expected, action):
    project = projects[which]
    with scopes_disabled():
        need = Need.objects.get(project=project, position=1)
    kwargs = {"network_slug": project.network.slug, "project_slug": project.slug, "kind": "need"}
    name, data = {
        "add": ("projects:item_add", {"add-need-new-text": "Another need"}),
        "update": ("projects:item_update", {f"edit-need-{need.pk}-text": "Changed"}),
        "move": ("projects:item_move", {"direction": "down"}),
        "delete": ("projects:item_delete", {}),
    }[action]
    if action != "add":
        kwargs["item_id"] = need.pk
    if people[visitor] is not None:
        client.force_login(people[visitor])

    assert client.post(reverse(name, kwargs=kwargs), data).status_code == expected
    with scopes_disabled():
        changed = list(Need.objects.filter(project=project).values_list("text", flat=True)) != ["A need", "B need"]
    assert changed == (expected == 302 and visitor == "coordinator")


def test_a_donor_granted_a_private_project_sees_it_and_nothing_else(client, network, projects):
    donor = AffiliationFactory(organisation__kind="donor").user
    other_private = ProjectFactory(network=network, visibility="private")
    assign_perm("projects.view_project", donor, projects["private"])

    client.force_login(donor)
    detail = reverse("projects:detail", kwargs={"network_slug": network.slug, "project_slug": projects["private"].slug})
    assert client.get(detail).status_code == 200
    with scopes_disabled():
        visible = set(selectors.projects_for_network(network=network, user=donor))
    assert visible == {projects["public"], projects["private"]}
    assert other_private not in visible
    assert not permissions.check("edit_project", donor, projects["private"])


def test_a_coordinator_of_another_network_is_an_outsider_here(client, network, projects):
    elsewhere = NetworkFactory()
    coordinator_elsewhere = person_in(elsewhere, Role.COORDINATOR)
    client.force_login(coordinator_elsewhere)
    kwargs = {"network_slug": network.slug, "project_slug": projects["public"].slug}

    assert client.get(reverse("projects:detail", kwargs=kwargs)).status_code == 200
    assert client.get(reverse("projects:edit", kwargs=kwargs)).status_code == 403
    # The same project under their own network's address does not exist.
    kwargs["network_slug"] = elsewhere.slug
    assert client.get(reverse("projects:detail", kwargs=kwargs)).status_code == 404


def test_public_projects_of_a_private_network_stay_hidden(client):
    hidden = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    project = ProjectFactory(network=hidden)
    client.force_login(AffiliationFactory().user)
    assert not permissions.check("view_project", AffiliationFactory().user, project)
    path = reverse("projects:detail", kwargs={"network_slug": hidden.slug, "project_slug": project.slug})
    assert client.get(path).status_code == 404


# --- the activity log: locked periods and the API ---------------------------------------------------------

# The locked periods page (GET) and locking a period (POST): who works in the network reads it, coordinators lock.
PERIODS_PAGE = {"anonymous": 302, "outsider": 403, "suspended": 403, "observer": 200, "member": 200,
                "coordinator": 200, "staff": 403, "donor": 403, "evaluator": 403}  # fmt: skip
PERIODS_LOCK = {"anonymous": 302, "outsider": 403, "suspended": 403, "observer": 403, "member": 403,
                "coordinator": 302, "staff": 403, "donor": 403, "evaluator": 403}  # fmt: skip
# The API (public network): the list for all; logging network-level work for members and coordinators.
ENTRIES_API_LIST = dict.fromkeys(VISITORS, 200)
ENTRIES_API_CREATE = {"anonymous": 401, "outsider": 403, "suspended": 403, "observer": 403, "member": 201,
                      "coordinator": 201, "staff": 403, "donor": 403, "evaluator": 403}  # fmt: skip


@pytest.mark.parametrize("visitor", VISITORS)
def test_who_may_see_and_lock_reporting_periods(client, network, people, visitor):
    path = reverse("projects:entry_periods", kwargs={"network_slug": network.slug})
    assert _get(client, people[visitor], path) == PERIODS_PAGE[visitor]
    response = client.post(path, {"lock-start": "2025-01-01", "lock-end": "2025-03-31"})
    assert response.status_code == PERIODS_LOCK[visitor]
    with scopes_disabled():
        assert ReportingPeriodLock.objects.filter(network=network).exists() == (visitor == "coordinator")


@pytest.mark.parametrize("visitor", VISITORS)
def test_who_may_list_and_log_entries_through_the_api(client, client_kind, network, people, visitor):
    sign_in(client, people[visitor], client_kind)
    path = f"/api/v1/networks/{network.slug}/activities/"
    assert client.get(path).status_code == ENTRIES_API_LIST[visitor]
    entry = {"title": "Workshop", "kind": "workshop", "start_date": "2025-06-02", "end_date": "2025-06-02"}
    assert client.post(path, entry, content_type="application/json").status_code == ENTRIES_API_CREATE[visitor]
