"""Evaluators (projects/services/evaluators.py, projects/views/access.py): a coordinator lets one named person
read one project until a day (inclusive); expired or removed, the next request is 404. Bad input is refused
with a message and saves nothing; each change is in the audit log; the access page keeps its query count."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from network.models import Network, Role
from portal import permissions
from portal.models import AuditEntry
from projects.models import ProjectEvaluator
from projects.permissions import has_project_grant, visible_projects
from projects.services.evaluators import evaluator_add, evaluator_change, evaluator_remove
from projects.services.items import project_item_add
from tests.factories import (
    AffiliationFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)
ACCESS_PAGE_QUERIES = 11


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def hidden():
    """A private network, its coordinator and a private project."""
    network = NetworkFactory(name="Hidden Alliance", slug="hidden", visibility=Network.Visibility.PRIVATE)
    coordinator = person_in(network, Role.COORDINATOR)
    project = ProjectFactory(network=network, slug="closed", visibility="private", title="Closed project")
    return network, coordinator, project


@pytest.fixture
def evaluator_person():
    return UserFactory(email="auditor@audit.example", full_name="Ada Auditor")


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def _detail(project):
    return reverse("projects:detail", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})


def _access(project):
    return reverse("projects:access", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})


def _add(project, coordinator, email, until):
    with scope(network=project.network):
        return evaluator_add(project=project, email=email, until=until, acting_user=coordinator)


def _actions(network):
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(network=network, action__startswith="evaluator.")
            .order_by("pk")
            .values_list("action", "before", "after")
        )


def test_an_evaluator_reads_the_project_until_their_last_day_included(client, hidden, evaluator_person):
    network, coordinator, project = hidden
    other = ProjectFactory(network=network, visibility="private")
    _add(project, coordinator, "Auditor@Audit.example ", TODAY + datetime.timedelta(days=1))
    client.force_login(evaluator_person)

    assert client.get(_detail(project)).status_code == 200
    assert client.get(_detail(other)).status_code == 404
    with scope(network=network):
        assert set(visible_projects(_fresh(evaluator_person), network)) == {project}
        assert not permissions.check("edit_project", _fresh(evaluator_person), project)
    with time_machine.travel(datetime.datetime(2026, 3, 11, 23, 0, tzinfo=datetime.UTC), tick=False):
        assert client.get(_detail(project)).status_code == 200  # the last day, late in the evening
    with time_machine.travel(datetime.datetime(2026, 3, 12, 9, 0, tzinfo=datetime.UTC), tick=False):
        assert client.get(_detail(project)).status_code == 404  # the day after: expired
        with scope(network=network):
            assert set(visible_projects(_fresh(evaluator_person), network)) == set()


def test_the_grant_is_asked_once_per_request(hidden, evaluator_person, django_assert_num_queries):
    network, coordinator, project = hidden
    _add(project, coordinator, evaluator_person.email, TODAY)
    user = _fresh(evaluator_person)
    with django_assert_num_queries(1):  # the evaluator rows, remembered on the person for the request
        assert has_project_grant(user, project)
        assert has_project_grant(user, project)


def test_removing_an_evaluator_answers_404_on_the_next_request(client, hidden, evaluator_person):
    network, coordinator, project = hidden
    evaluator = _add(project, coordinator, evaluator_person.email, TODAY + datetime.timedelta(days=30))
    client.force_login(evaluator_person)
    assert client.get(_detail(project)).status_code == 200

    with scope(network=network):
        evaluator_remove(evaluator=evaluator, acting_user=coordinator)

    assert client.get(_detail(project)).status_code == 404
    with scopes_disabled():
        assert not ProjectEvaluator.objects.exists()


def test_each_change_is_in_the_audit_log(hidden, evaluator_person):
    network, coordinator, project = hidden
    evaluator = _add(project, coordinator, evaluator_person.email, TODAY)
    with scope(network=network):
        evaluator_change(evaluator=evaluator, until=datetime.date(2026, 6, 30), acting_user=coordinator)
        evaluator_remove(evaluator=evaluator, acting_user=coordinator)
    assert _actions(network) == [
        ("evaluator.added", {}, {"person": evaluator_person.email, "until": "2026-03-10"}),
        ("evaluator.changed", {"until": "2026-03-10"}, {"until": "2026-06-30"}),
        ("evaluator.removed", {"person": evaluator_person.email, "until": "2026-06-30"}, {}),
    ]


@pytest.mark.parametrize(
    ("email", "until", "field", "message"),
    [
        ("nobody@nowhere.example", TODAY, "email", "No Partnera account uses nobody@nowhere.example"),
        ("", TODAY, "email", "No Partnera account uses"),
        ("auditor@audit.example", TODAY - datetime.timedelta(days=1), "until", "is in the past"),
        ("auditor@audit.example", None, "until", "Give the last day"),
        ("member@hidden.example", TODAY, "email", "sees its projects already; they need no grant"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_saves_nothing(hidden, evaluator_person, email, until, field, message):
    network, coordinator, project = hidden
    member = person_in(network, Role.OBSERVER)
    member.email = "member@hidden.example"
    member.save()
    with pytest.raises(ValidationError) as refused:
        _add(project, coordinator, email, until)
    assert message in " ".join(refused.value.message_dict[field])
    with scopes_disabled():
        assert not ProjectEvaluator.objects.exists()
    assert _actions(network) == []


def test_a_person_is_an_evaluator_of_a_project_once(hidden, evaluator_person):
    network, coordinator, project = hidden
    _add(project, coordinator, evaluator_person.email, TODAY)
    with pytest.raises(ValidationError, match="already an evaluator"):
        _add(project, coordinator, evaluator_person.email, TODAY + datetime.timedelta(days=9))
    with scopes_disabled():
        assert ProjectEvaluator.objects.get().until == TODAY


def test_a_changed_end_date_cannot_be_in_the_past(hidden, evaluator_person):
    network, coordinator, project = hidden
    evaluator = _add(project, coordinator, evaluator_person.email, TODAY)
    with scope(network=network), pytest.raises(ValidationError, match="in the past"):
        evaluator_change(evaluator=evaluator, until=TODAY - datetime.timedelta(days=1), acting_user=coordinator)
    with scopes_disabled():
        assert ProjectEvaluator.objects.get().until == TODAY


def test_only_the_networks_coordinators_name_evaluators(hidden, evaluator_person):
    network, _coordinator, project = hidden
    for someone in (person_in(network, Role.MEMBER), evaluator_person, UserFactory(is_staff=True)):
        with pytest.raises(PermissionDenied):
            _add(project, someone, evaluator_person.email, TODAY)


# --- the access page ----------------------------------------------------------------------------------------------


def test_the_access_page_adds_an_evaluator(client, hidden, evaluator_person):
    network, coordinator, project = hidden
    client.force_login(coordinator)
    response = client.post(
        _access(project), {"evaluator-email": evaluator_person.email, "evaluator-until": "2026-04-30"}
    )
    assert response.status_code == 302
    assert response["Location"] == _access(project)
    page = client.get(_access(project)).content.decode()
    assert "Ada Auditor" in page and "may read the project now" in page
    with scopes_disabled():
        assert ProjectEvaluator.objects.get().granted_by == coordinator


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"evaluator-email": "nobody@nowhere.example", "evaluator-until": "2026-04-30"}, "No Partnera account uses"),
        ({"evaluator-email": "auditor@audit.example", "evaluator-until": "2026-03-09"}, "is in the past"),
        ({"evaluator-email": "auditor@audit.example", "evaluator-until": "31/04/2026"}, "Enter a valid date"),
        ({"evaluator-email": "not an address", "evaluator-until": "2026-04-30"}, "Enter a valid email address"),
    ],
)
def test_the_access_page_says_what_is_wrong(client, hidden, evaluator_person, data, message):
    network, coordinator, project = hidden
    client.force_login(coordinator)
    response = client.post(_access(project), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    with scopes_disabled():
        assert not ProjectEvaluator.objects.exists()


def test_the_access_page_changes_and_removes_an_evaluator(client, hidden, evaluator_person):
    network, coordinator, project = hidden
    evaluator = _add(project, coordinator, evaluator_person.email, TODAY)
    kwargs = {"network_slug": network.slug, "project_slug": project.slug, "evaluator_id": evaluator.pk}
    client.force_login(coordinator)

    assert client.post(reverse("projects:evaluator_change", kwargs=kwargs), {"until": "2026-05-01"}).status_code == 302
    with scopes_disabled():
        assert ProjectEvaluator.objects.get().until == datetime.date(2026, 5, 1)
    response = client.post(reverse("projects:evaluator_change", kwargs=kwargs), {"until": "2020-01-01"}, follow=True)
    assert "is in the past" in response.content.decode()
    assert client.get(reverse("projects:evaluator_change", kwargs=kwargs)).status_code == 405

    assert client.post(reverse("projects:evaluator_remove", kwargs=kwargs)).status_code == 302
    with scopes_disabled():
        assert not ProjectEvaluator.objects.exists()
    assert client.post(reverse("projects:evaluator_remove", kwargs=kwargs)).status_code == 404  # gone


def test_another_projects_evaluator_is_not_found_here(client, hidden, evaluator_person):
    network, coordinator, project = hidden
    elsewhere = ProjectFactory(network=network)
    evaluator = _add(elsewhere, coordinator, evaluator_person.email, TODAY)
    kwargs = {"network_slug": network.slug, "project_slug": project.slug, "evaluator_id": evaluator.pk}
    client.force_login(coordinator)
    assert client.post(reverse("projects:evaluator_remove", kwargs=kwargs)).status_code == 404
    with scopes_disabled():
        assert ProjectEvaluator.objects.filter(pk=evaluator.pk).exists()


def test_the_access_page_shows_the_funders_people_and_the_evaluators(client, hidden, evaluator_person):
    network, coordinator, project = hidden
    eu = OrganisationFactory(name="European Union", kind="donor")
    officer = AffiliationFactory(organisation=eu, user__full_name="Erik Officer").user
    with scope(network=network):
        project_item_add(project=project, kind="partner", data={"organisation": eu, "role": "funder"},
                         acting_user=coordinator)  # fmt: skip
    _add(project, coordinator, evaluator_person.email, TODAY)
    with scopes_disabled():
        old = UserFactory(full_name="Old Eva")
        ProjectEvaluator.objects.create(network=network, project=project, user=old, until=TODAY - datetime.timedelta(3))
    client.force_login(coordinator)
    page = client.get(_access(project)).content.decode()
    assert "European Union" in page and "Erik Officer" in page and officer.email in page
    assert "Ada Auditor" in page and "Has access" in page
    assert "Old Eva" in page and "Ended" in page


def test_the_access_page_keeps_its_query_count(client, hidden):
    """Session, user, the network, the role (memoised), the project; the funders (partners, links, organisations),
    the grants, their people, the evaluators; the edit navigation asks nothing new."""
    from tests.pages import query_count

    network, coordinator, project = hidden
    client.force_login(coordinator)
    counts = []
    for n in (1, 5):
        for _ in range(n):
            funder = OrganisationFactory(kind="donor")
            AffiliationFactory(organisation=funder)
            with scope(network=network):
                project_item_add(project=project, kind="partner", data={"organisation": funder, "role": "funder"},
                                 acting_user=coordinator)  # fmt: skip
            _add(project, coordinator, UserFactory().email, TODAY)
        counts.append(query_count(client, _access(project)))
    assert counts == [ACCESS_PAGE_QUERIES] * 2


def test_the_edit_navigation_links_to_the_access_page_for_coordinators(client, hidden):
    network, coordinator, project = hidden
    client.force_login(coordinator)
    page = client.get(_detail(project)).content.decode()
    assert f'href="{_access(project)}"' in page
    client.force_login(person_in(network, Role.MEMBER))
    assert f'href="{_access(project)}"' not in client.get(_detail(project)).content.decode()
    assert client.get(_access(project)).status_code == 403
