"""The activity log's lists cost a fixed number of queries, however many entries there are: the list with
each filter, the calendar and the queue, at two sizes (a few entries, and more than a page, several a day).

The counts are pinned, so a new query is a decision.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from network.models import Role
from projects.models import ActivityEntry
from tests.factories import (
    ActivityEntryFactory,
    ActivityFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    person_in,
)
from tests.pages import page_queries

pytestmark = pytest.mark.django_db

SIZES = (3, 60)
KINDS = ("training", "workshop", "meeting")
STATUSES = ("approved", "submitted", "draft", "returned")

# Middleware: session, user, the network, the user's role (memoised); then the form's project choices, the
# count and the page of rows; coordinators add the queue's count on the tab. A filter naming a project adds
# three: the project for the activity choices, its validation, the activities offered; naming an activity
# adds its validation; naming an organisation, its validation (organisations are no list: it is a link's).
LIST = {
    "": 9, "q=training": 9, "project=p": 12, "activity": 13, "kind=meeting": 9, "status=submitted": 9,
    "organisation": 10, "from=2025-03-02&to=2025-03-20": 9,
}  # fmt: skip
MEMBER_LIST = 8  # no queue tab; the member's organisations come with the role
CALENDAR = 9  # the form's project choices, the day counts, the first few of each day, the queue's count
QUEUE = 8  # the count and the page of rows, the queue's count on the tab


def build(n):
    """A network with `n` entries over March 2025 (several a day), of three kinds, four statuses, two
    organisations and one project with two planned activities; and its coordinator and a partner."""
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    member = person_in(network, Role.MEMBER)
    with scopes_disabled():
        project = ProjectFactory(network=network, slug="p")
        activities = [ActivityFactory(project=project, code=f"1.{i}") for i in (1, 2)]
        ours = member.affiliations.get().organisation
        PartnerFactory(project=project, organisation=ours)
        theirs = OrganisationFactory()
        for i in range(n):
            ActivityEntryFactory(
                network=network, project=project if i % 2 else None, activity=activities[i % 2] if i % 2 else None,
                organisation=ours if i % 3 else theirs, kind=KINDS[i % 3], status=STATUSES[i % 4],
                title=f"Training {i}", start_date=date(2025, 3, 1) + timedelta(days=i % 28),
                end_date=date(2025, 3, 1) + timedelta(days=i % 28 + i % 2), submitted_at=timezone.now(),
                participants_total=10 + i,
            )  # fmt: skip
        activity = activities[1].pk
        organisation = ours.pk
    return network, coordinator, member, activity, organisation


def counts(client, who, path_of):
    found = []
    for n in SIZES:
        network, coordinator, member, activity, organisation = build(n)
        client.force_login(coordinator if who == "coordinator" else member)
        queries, response = page_queries(client, path_of(network, activity, organisation))
        found.append(queries)
    return found, response


def entries_url(network, query):
    return reverse("projects:entries", kwargs={"network_slug": network.slug}) + (f"?{query}" if query else "")


def _query(key, activity, organisation):
    if key == "activity":
        return f"project=p&activity={activity}"
    if key == "organisation":
        return f"organisation={organisation}"
    return key


@pytest.mark.parametrize("key", list(LIST))
def test_the_list_costs_the_same_with_each_filter(client, key):
    found, response = counts(client, "coordinator", lambda net, a, o: entries_url(net, _query(key, a, o)))
    assert response.context["form"].errors == {}
    assert len(response.context["entries"]) > 0
    assert found == [LIST[key]] * 2


def test_the_list_costs_a_member_the_same(client):
    found, response = counts(client, "member", lambda net, a, o: entries_url(net, ""))
    assert found == [MEMBER_LIST] * 2


def test_the_calendar_costs_the_same(client):
    def path(network, activity, organisation):
        return reverse("projects:entry_calendar", kwargs={"network_slug": network.slug}) + "?month=2025-03"

    found, response = counts(client, "coordinator", path)
    assert response.context["month"].count == SIZES[1]
    assert found == [CALENDAR] * 2


def test_the_queue_costs_the_same(client):
    def path(network, activity, organisation):
        return reverse("projects:entry_queue", kwargs={"network_slug": network.slug})

    found, response = counts(client, "coordinator", path)
    with scopes_disabled():
        waiting = ActivityEntry.objects.filter(status="submitted").count()
    assert len(response.context["entries"]) > 0 and waiting > len(response.context["entries"]) - 1
    assert found == [QUEUE] * 2
