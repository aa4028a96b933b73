"""portal.pagination: one paginator for every list; with a cap (the activity log) it counts at most that
many rows, pages up to them and says there are more."""

import pytest
from django.test import RequestFactory
from django_scopes import scopes_disabled

from portal.pagination import Paginator, paginate
from projects.models import ActivityEntry
from tests.factories import ActivityEntryFactory, NetworkFactory


def page_of(rows, query="", **kwargs):
    return paginate(RequestFactory().get(f"/?{query}"), rows, 10, **kwargs).page


@pytest.mark.parametrize(
    ("query", "number"), [("", 1), ("page=2", 2), ("page=3", 3), ("page=4", 3), ("page=0", 3), ("page=x", 1)]
)
def test_without_a_cap_it_is_django_s_paginator(query, number):
    page = page_of(list(range(25)), query)
    paginator = page.paginator
    assert (page.number, paginator.count, paginator.num_pages, paginator.capped) == (number, 25, 3, False)


@pytest.mark.parametrize(
    ("query", "number"), [("", 1), ("page=2", 2), ("page=3", 2), ("page=99", 2), ("page=-1", 2), ("page=x", 1)]
)
def test_a_cap_counts_and_pages_up_to_it(query, number):
    page = page_of(list(range(25)), query, count_cap=20)
    paginator = page.paginator
    assert (page.number, paginator.count, paginator.num_pages, paginator.capped) == (number, 20, 2, True)
    assert list(page.object_list) == list(range((number - 1) * 10, number * 10))


@pytest.mark.parametrize(("rows", "count", "capped"), [(0, 0, False), (19, 19, False), (20, 20, False), (21, 20, True)])
def test_a_cap_is_only_reached_past_it(rows, count, capped):
    paginator = Paginator(list(range(rows)), 10, cap=20)
    assert (paginator.count, paginator.capped) == (count, capped)


@pytest.mark.django_db
def test_a_queryset_is_counted_in_one_query_that_stops_at_the_cap(django_assert_num_queries):
    network = NetworkFactory()
    with scopes_disabled():
        ActivityEntryFactory.create_batch(6, network=network)
        rows = ActivityEntry.objects.filter(network=network).order_by("-start_date", "-pk")
        paginator = Paginator(rows, 2, cap=4)
        with django_assert_num_queries(1) as captured:
            assert (paginator.count, paginator.capped, paginator.num_pages) == (4, True, 2)
        assert "LIMIT 5" in captured.captured_queries[0]["sql"]
        assert "ORDER BY" not in captured.captured_queries[0]["sql"]  # counting needs no order
        assert Paginator(rows, 2, cap=6).capped is False
