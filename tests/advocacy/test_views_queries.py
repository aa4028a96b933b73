"""The advocacy pages read a fixed number of queries whatever they show: the list at two sizes, the
output page with few and many recommendations, submissions and comments, the ledger table and the
"documents addressed to us" page. Each page is asked once before counting (the session, the content
types), and the page cache is bypassed so the page is rendered each time."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from advocacy.models import Comment
from advocacy.services.comments import comment_add
from advocacy.services.outputs import output_publish
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record
from tests.advocacy.conftest import make_output
from tests.factories import org

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"  # rendered, not served from the page cache
    return len(queries)


def _grow_output(network, people, output, n):
    with scope(network=network):
        for i in range(n):
            recommendation_add(output=output, acting_user=people.coordinator,
                               data={"text": f"Recommendation {i}", "institution": people.ministry.pk})  # fmt: skip


def _grow_ledger(network, people, output, n):
    with scope(network=network):
        recommendations = list(output.recommendations.order_by("position"))
        for i in range(n):
            submission_record(output=output, acting_user=people.coordinator, data={
                "recommendation": recommendations[i % len(recommendations)].pk if recommendations else None,
                "institution": people.ministry.pk, "submitted_on": datetime.date(2026, 1, 1 + i % 28),
                "response_due": datetime.date(2026, 2, 1), "outcome": "acknowledged" if i % 2 else "",
                "responded_on": datetime.date(2026, 3, 1) if i % 2 else None,
            })  # fmt: skip


def test_the_list_and_the_addressed_page_at_two_sizes(client, network, people):
    pages = ((people.member, reverse("advocacy:outputs", kwargs={"network_slug": network.slug})),
             (people.ministry_user, reverse("advocacy:addressed")))  # fmt: skip

    def counts():
        result = []
        for user, url in pages:
            client.force_login(user)
            result.append(_count(client, url))
        return result

    make_output(network, people, visibility="restricted", status="published", project=None)
    one = counts()
    for i in range(6):
        make_output(network, people, visibility="restricted", status="published", title=f"Output {i}")
    assert counts() == one
    assert "Output 5" in client.get(pages[1][1]).content.decode()  # the rows are on the page


def test_the_output_page_with_few_and_many_rows(client, network, people):
    output = make_output(network, people, visibility="restricted", status="in_review")
    _grow_output(network, people, output, 1)
    with scope(network=network):
        comment_add(output=output, acting_user=people.member, organisation=org(people.member), text="First")
        output = output_publish(output=output, acting_user=people.coordinator)
    _grow_ledger(network, people, output, 1)
    url = reverse("advocacy:output", kwargs={"network_slug": network.slug, "output_id": output.pk})
    readers = (people.coordinator, people.member, people.ministry_user)
    few = []
    for reader in readers:
        client.force_login(reader)
        few.append(_count(client, url))
    _grow_output(network, people, output, 8)
    _grow_ledger(network, people, output, 12)
    with scope(network=network):
        for i in range(6):
            Comment.objects.create(network=network, output=output, author=people.member,
                                   organisation=org(people.member), text=f"Comment {i}")  # fmt: skip
        output = output_publish(output=output, acting_user=people.coordinator)
    many = []
    for reader in readers:
        client.force_login(reader)
        many.append(_count(client, url))
    assert few == many, (few, many)


def test_the_ledger_table_at_two_sizes(client, network, people):
    output = make_output(network, people, visibility="restricted", status="published")
    _grow_output(network, people, output, 2)
    _grow_ledger(network, people, output, 2)
    client.force_login(people.member)
    url = reverse("advocacy:ledger", kwargs={"network_slug": network.slug})
    few = _count(client, url)
    other = make_output(network, people, visibility="members", status="published", title="Second")
    _grow_output(network, people, other, 10)
    _grow_ledger(network, people, other, 20)
    assert _count(client, url) == few
