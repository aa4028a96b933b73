"""Figures kept in the cache until what they count changes (portal/versions.py): computed once, computed again
after any bump, never kept from inside an uncommitted write, and a rolled-back write leaves the counter
working."""

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction

from portal import versions

# Real commits: the second bump waits for the commit, and a test's one transaction never commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


class Counting:
    """A figure that says how often it was computed, and returns a new value each time."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"value": self.calls}


def test_a_figure_is_computed_once_and_again_after_a_bump():
    compute = Counting()
    assert versions.kept("log:1", "reach", compute) == {"value": 1}
    assert versions.kept("log:1", "reach", compute) == {"value": 1}
    assert compute.calls == 1
    versions.bump("log:1")
    assert versions.kept("log:1", "reach", compute) == {"value": 2}
    assert compute.calls == 2


def test_each_counter_and_key_is_kept_apart():
    compute = Counting()
    versions.kept("log:1", "reach", compute)
    versions.kept("log:1", "reach:7", compute)
    versions.kept("log:2", "reach", compute)
    assert compute.calls == 3
    versions.bump("log:2")
    assert versions.kept("log:1", "reach", compute) == {"value": 1}  # another network's change keeps it
    assert compute.calls == 3


def test_a_falsy_figure_is_kept_too():
    calls = []
    for _ in range(2):
        assert versions.kept("log:1", "nothing", lambda: calls.append(1) or 0) == 0
    assert calls == [1]


def test_a_transaction_bumps_at_its_first_write_and_again_at_its_commit():
    compute = Counting()
    before = versions.current("log:1")
    with transaction.atomic():
        versions.bump("log:1")
        versions.bump("log:1")  # once per transaction before the commit
        assert versions.current("log:1") == before + 1
        assert versions.changed_here("log:1") and not versions.changed_here("log:2")
        # What this transaction sees is not kept: it is not committed, and may be rolled back.
        versions.kept("log:1", "reach", compute)
        versions.kept("log:1", "reach", compute)
        assert compute.calls == 2
    assert versions.current("log:1") == before + 2
    assert not versions.changed_here("log:1")
    versions.kept("log:1", "reach", compute)
    versions.kept("log:1", "reach", compute)
    assert compute.calls == 3


def test_a_rolled_back_write_leaves_the_next_transaction_bumping():
    before = versions.current("log:1")
    with pytest.raises(RuntimeError), transaction.atomic():
        versions.bump("log:1")
        raise RuntimeError
    assert versions.current("log:1") == before + 1  # the first bump stays; the rolled-back one's second never runs
    assert not versions.changed_here("log:1")
    with transaction.atomic():
        versions.bump("log:1")
        assert versions.current("log:1") == before + 2
    assert versions.current("log:1") == before + 3


def test_an_evicted_counter_starts_again_from_the_clock():
    compute = Counting()
    with time_machine.travel("2026-03-01 10:00", tick=False):
        versions.kept("log:1", "reach", compute)
        old = versions.current("log:1")
    cache.delete("versions:v1:counter:log:1")  # evicted: the figure kept under `old` is still there
    with time_machine.travel("2026-03-01 10:01", tick=False):
        versions.bump("log:1")
        assert versions.current("log:1") == old + 60_000  # never back to a value an old figure was kept under
        assert versions.kept("log:1", "reach", compute) == {"value": 2}
