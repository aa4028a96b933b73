"""The log's figures kept in the cache (projects/figures.py, portal/versions.py): the workspace's and the
project page's reach is read once, and every kind of change to the log replaces it at once, exactly (the
totals of the hand-counted log in conftest.py)."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from members.models import Organisation
from projects import selectors
from projects.models import ActivityEntry
from projects.services.entries import entry_approve, entry_delete, entry_restore, entry_update
from projects.services.organisations import organisation_merge
from tests.factories import OrganisationFactory, UserFactory
from tests.pages import text

# Real commits: a kept figure learns of a change at its commit (inside a test's one transaction the cache
# steps aside, as it does for any read inside an uncommitted write of the log).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("in_scope")]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def figures(log):
    """(entries, participants, women, organisations) of the network's reach and the project's, as kept."""
    network = selectors.kept_reach(network=log.network)
    project = selectors.kept_reach(network=log.network, project=log.project)
    return [(r.entries, r.participants_total, r.women, r.organisations) for r in (network, project)]


BEFORE = [(7, 1081, 52, 4), (5, 72, 43, 3)]


def test_the_reach_is_read_from_the_cache_the_second_time(log, django_assert_num_queries):
    assert selectors.kept_reach(network=log.network) == selectors.reach(network=log.network)
    assert figures(log) == BEFORE
    with django_assert_num_queries(0):
        assert figures(log) == BEFORE


def test_an_approval_shows_at_once(log, coordinator):
    figures(log)
    entry_approve(entry=log.entries["e4"], acting_user=coordinator)  # 100 participants, by X
    assert figures(log) == [(8, 1181, 52, 4), (6, 172, 43, 3)]


def test_a_deletion_and_a_restore_show_at_once(log, coordinator):
    figures(log)
    entry_delete(entry=log.entries["e1"], acting_user=coordinator)  # 20 participants, 12 women
    assert figures(log) == [(6, 1061, 40, 4), (4, 52, 31, 3)]
    entry_restore(entry=ActivityEntry.objects.get(pk=log.entries["e1"].pk), acting_user=coordinator)
    assert figures(log) == BEFORE


def test_an_edit_of_an_approved_entry_shows_at_once(log, coordinator):
    figures(log)
    entry = ActivityEntry.objects.get(pk=log.entries["e7"].pk)  # 5 men, not given age
    entry_update(entry=entry, acting_user=coordinator, data={"participants_total": 6, "men": 6, "age_not_given": 6})
    assert figures(log) == [(7, 1082, 52, 4), (5, 73, 43, 3)]


def test_a_partner_added_or_its_organisation_deleted_shows_at_once(log):
    figures(log)
    newcomer = OrganisationFactory(name="Org N")
    log.entries["e3"].partners.add(newcomer)
    assert figures(log) == [(7, 1081, 52, 5), (5, 72, 43, 4)]
    with scopes_disabled():
        newcomer.delete()  # its row as a partner goes with it, and Django signals nothing for that row
    assert figures(log) == BEFORE


def test_an_organisation_merge_shows_at_once(log):
    """A record the network typed in, named as a partner of e3, merged into Org Z (e2's partner): one
    organisation fewer. The merge re-points the rows with QuerySet.update(), which sends no signal."""
    with scopes_disabled():
        record = OrganisationFactory(name="Org Z (typed in)", created_in_network_id=log.network.pk)
    log.entries["e3"].partners.add(record)
    assert figures(log) == [(7, 1081, 52, 5), (5, 72, 43, 4)]
    with scopes_disabled():
        organisation_merge(record=record, into=log.orgs["z"], acting_user=UserFactory(is_staff=True))
        assert not Organisation.objects.filter(pk=record.pk).exists()
    assert figures(log) == BEFORE


def test_another_networks_change_keeps_this_networks_figure(log, django_assert_num_queries):
    figures(log)
    with scopes_disabled():
        other = ActivityEntry.objects.get(pk=log.entries["other_network"].pk)
    with scope(network=other.network):
        other.participants_total = 501
        other.save()
    with django_assert_num_queries(0):
        assert figures(log) == BEFORE


def test_the_workspace_and_the_project_page_read_the_kept_reach(client, log, member, coordinator, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(member)
    workspace = reverse("network:workspace", kwargs={"network_slug": "vet-for-the-future"})
    project = reverse("projects:detail", kwargs={"network_slug": "vet-for-the-future", "project_slug": "vet4f"})
    assert "<dt>Participants</dt><dd>1,081</dd>" in text(client.get(workspace))
    assert "<dt>Participants</dt><dd>72</dd>" in text(client.get(project))
    entry_approve(entry=log.entries["e4"], acting_user=coordinator)
    assert "<dt>Participants</dt><dd>1,181</dd>" in text(client.get(workspace))
    assert "<dt>Participants</dt><dd>172</dd>" in text(client.get(project))
