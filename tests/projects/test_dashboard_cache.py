"""The dashboards' figures kept in the cache (projects.dashboards.kept_project_figures, kept_network_figures,
under the network's counter of portal.versions): read once, and every kind of change shows at the next read:
an entry approved, an indicator value typed, a logframe row edited or added; a grant revoked closes the page
at the next request, kept page or not."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_scopes import scopes_disabled
from guardian.shortcuts import assign_perm, remove_perm

from projects import dashboards
from projects.models import Indicator
from projects.services.entries import entry_approve
from projects.services.items import project_item_add, project_item_update
from tests.factories import ActivityEntryFactory, NetworkFactory, UserFactory

# Real commits: a kept figure learns of a change at its commit (inside a test's one transaction the cache
# steps aside, as it does for any read inside an uncommitted write).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("in_scope")]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def indicator(log):
    with scopes_disabled():
        result = log.project.results.create(network=log.network, position=1, level="output", title="Counsellors")
        return Indicator.objects.create(network=log.network, project=log.project, result=result, position=1,
                                        name="Schools with a counsellor", target=Decimal("10"))  # fmt: skip


def project_figures(log):
    return dashboards.kept_project_figures(project=log.project)


def network_figures(log):
    return dashboards.kept_network_figures(network=log.network)


def test_the_figures_are_read_from_the_cache_the_second_time(log, django_assert_num_queries):
    first = project_figures(log), network_figures(log)
    with django_assert_num_queries(0):
        assert (project_figures(log), network_figures(log)) == first
    assert first[0].reach.participants_total == 72 and first[1].reach.participants_total == 1081
    assert "<svg" in str(first[0].reach_chart)  # charts come back as markup


def test_an_approval_shows_at_once(log, coordinator):
    project_figures(log), network_figures(log)
    entry_approve(entry=log.entries["e4"], acting_user=coordinator)  # 1.2, 100 participants
    assert project_figures(log).reach.participants_total == 172
    assert network_figures(log).reach.participants_total == 1181
    assert [a.period_entries for a in project_figures(log).components[0].activities] == [2, 2]


def test_a_typed_value_shows_at_once(log, coordinator, indicator):
    assert project_figures(log).indicators[0].values == ()
    value = {"period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31), "value": Decimal("3")}
    project_item_add(project=log.project, kind="value", parent=indicator, acting_user=coordinator, data=value)
    (found,) = project_figures(log).indicators
    assert [(v.label, v.value) for v in found.values] == [("2025", Decimal("3"))]


def test_a_logframe_row_edited_or_added_shows_at_once(log, coordinator):
    project_figures(log), network_figures(log)
    with scopes_disabled():
        activity = log.activities["2.2"]
        component = activity.component
    project_item_update(item=activity, acting_user=coordinator, data={"title": "Career fairs"})
    assert [a.title for a in project_figures(log).components[1].activities] == [
        str(log.activities["2.1"].title), "Career fairs"
    ]  # fmt: skip
    project_item_add(project=log.project, kind="activity", parent=component, acting_user=coordinator,
                     data={"title": "Job shadowing"})  # fmt: skip
    assert [a.code for a in project_figures(log).components[1].activities] == ["2.1", "2.2", "2.3"]
    row = next(r for r in network_figures(log).projects if r.pk == log.project.pk)
    assert row.not_started == 2


def test_another_networks_change_keeps_this_networks_figures(log, django_assert_num_queries):
    project_figures(log)
    ActivityEntryFactory(network=NetworkFactory(), status="approved")  # another network's log grows
    with django_assert_num_queries(0):
        project_figures(log)


def test_a_revoked_grant_closes_the_kept_page_at_the_next_request(client, log, settings):
    settings.PAGE_CACHE_SECONDS = 600
    funder = UserFactory()
    assign_perm("projects.view_project", funder, log.project)
    client.force_login(funder)
    url = reverse("projects:dashboard", kwargs={"network_slug": log.network.slug, "project_slug": log.project.slug})
    assert client.get(url).status_code == 200
    kept = client.get(url)
    assert kept.status_code == 200 and kept["X-Page-Cache"] == "hit"
    remove_perm("projects.view_project", funder, log.project)
    assert client.get(url).status_code == 404


def test_the_page_shows_a_new_approval_at_once(client, log, member, coordinator, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.force_login(member)
    url = reverse("projects:dashboard", kwargs={"network_slug": log.network.slug, "project_slug": log.project.slug})
    assert "<dt>Participants</dt><dd>72</dd>" in client.get(url).content.decode()
    entry_approve(entry=log.entries["e4"], acting_user=coordinator)
    assert "<dt>Participants</dt><dd>172</dd>" in client.get(url).content.decode()
