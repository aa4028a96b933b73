"""The activity log's filters (projects.forms.EntryFilterForm, projects.selectors.filter_entries): each
parameter narrows the list, a forged value shows the whole list with a message, deleted entries only
for coordinators who ask."""

from datetime import date

import pytest
from django.http import QueryDict
from django.utils import timezone

from projects.forms import EntryFilterForm
from projects.selectors import entry_list
from tests.factories import ActivityEntryFactory, ActivityFactory, NetworkFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]


@pytest.fixture
def rows(network, project, member):
    organisation = member.affiliations.get().organisation
    activity = ActivityFactory(project=project, code="1.4")
    return {
        "training": ActivityEntryFactory(
            network=network, project=project, activity=activity, organisation=organisation, status="approved",
            title="Career guidance training", start_date=date(2025, 3, 1), end_date=date(2025, 3, 1),
        ),
        "meeting": ActivityEntryFactory(
            network=network, kind="meeting", status="submitted", title="Ministry meeting",
            start_date=date(2025, 5, 10), end_date=date(2025, 5, 10),
        ),
        "deleted": ActivityEntryFactory(network=network, status="approved", deleted_at=timezone.now()),
        "activity": activity,
    }  # fmt: skip


def listed(network, user, query):
    form = EntryFilterForm(QueryDict(query), network=network, user=user)
    return form, set(entry_list(network=network, user=user, filters=form.filters()))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"training", "meeting"}),
        ("q=guidance", {"training"}),
        ("q=GUIDANCE", {"training"}),
        ("project=vet4f", {"training"}),
        ("kind=meeting", {"meeting"}),
        ("status=submitted", {"meeting"}),
        ("status=deleted", {"deleted"}),
        ("from=2025-04-01", {"meeting"}),
        ("to=2025-04-01", {"training"}),
        ("from=2025-03-01&to=2025-03-01", {"training"}),
    ],
)
def test_each_filter_narrows_the_list(network, coordinator, rows, query, expected):
    form, found = listed(network, coordinator, query)
    assert form.errors == {}
    assert found == {rows[name] for name in expected}


def test_activity_and_organisation(network, coordinator, rows):
    activity = rows["activity"]
    _form, found = listed(network, coordinator, f"project=vet4f&activity={activity.pk}")
    assert found == {rows["training"]}
    _form, found = listed(network, coordinator, f"organisation={rows['training'].organisation_id}")
    assert found == {rows["training"]}


@pytest.mark.parametrize(
    "query, field",
    [
        ("project=no-such-project", "project"),
        ("activity=1", "activity"),  # without its project
        ("kind=party", "kind"),
        ("from=2025-13-01", "date_from"),
        ("from=2025-05-01&to=2025-04-01", "date_to"),
        ("organisation=abc", "organisation"),
    ],
)
def test_a_forged_value_shows_the_whole_list_with_a_message(network, coordinator, rows, query, field):
    form, found = listed(network, coordinator, query)
    assert field in form.errors
    assert found == {rows["training"], rows["meeting"]}


def test_another_networks_project_or_activity_is_refused(network, coordinator, rows):
    other = NetworkFactory()
    ProjectFactory(network=other, slug="elsewhere")
    form, _found = listed(network, coordinator, "project=elsewhere")
    assert "project" in form.errors
    foreign = ActivityFactory(project=ProjectFactory(network=other))
    form, _found = listed(network, coordinator, f"project=vet4f&activity={foreign.pk}")
    assert "activity" in form.errors


def test_only_coordinators_may_ask_for_deleted_entries(network, member, rows):
    form, found = listed(network, member, "status=deleted")
    assert "status" in form.errors
    assert rows["deleted"] not in found
