"""Indicators computed from the activity log (projects.selectors.computed_indicators), reach
(projects.selectors.reach), and the indicator editor's rules, against the hand-counted log of
tests/projects/conftest.py's `log` fixture."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from network.models import Role
from portal.models import AuditEntry
from projects import selectors
from projects.forms import EntryFilterForm, IndicatorForm
from projects.models import Indicator
from projects.services.items import project_item_add, project_item_update
from projects.templatetags.projects import entries_url
from tests.factories import person_in
from tests.pages import text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]


@pytest.fixture
def result(project, coordinator):
    return project_item_add(
        project=project, kind="result", data={"title": "Counsellors trained"}, acting_user=coordinator
    )


def indicator(result, coordinator, **data):
    base = {"name": "People trained", "source": "log", "measure": "participants"}
    return project_item_add(
        project=result.project, kind="indicator", parent=result, data={**base, **data}, acting_user=coordinator
    )


def computed(project):
    page = selectors.project_page(project=project)
    return selectors.computed_indicators(project=project, indicators=page.indicators)


def values(project, ind):
    """{period: value} of one computed indicator: a year as its number, another period as (start, end)."""
    return {v.calendar_year or (v.period_start, v.period_end): v.value for v in computed(project)[ind.pk].values}


# --- the figures ----------------------------------------------------------------------------------------


def test_participants_of_one_kind_per_project_year(log, result, coordinator):
    """Trainings: e1 (20) and e7 (5, no activity) in 2025, e3 (30) in 2026; the submitted, draft, returned
    and deleted trainings, the other project's and the other network's count nothing."""
    ind = indicator(result, coordinator, entry_kind="training")
    assert values(log.project, ind) == {2025: 25, 2026: 30, 2027: 0}


def test_a_breakdown_for_chosen_activities(log, result, coordinator):
    """Women in entries of 1.1 and 2.1, of any kind: e1 12 + e2 4 + e6 7 (31 December counts in 2025)."""
    acts = [log.activities["1.1"], log.activities["2.1"]]
    ind = indicator(result, coordinator, breakdown="women", activities=acts)
    assert values(log.project, ind) == {2025: 23, 2026: 0, 2027: 0}
    assert computed(log.project)[ind.pk].activity_codes == ["1.1", "2.1"]


@pytest.mark.parametrize(
    ("breakdown", "expected"),
    [("with_disabilities", {2025: 3, 2026: 3}), ("age_18_29", {2025: 15, 2026: 30}), ("men", {2025: 18, 2026: 10}),
     ("under_18", {2025: 5, 2026: 0}), ("age_not_given", {2025: 5, 2026: 0}), ("all", {2025: 42, 2026: 30})],
)  # fmt: skip
def test_each_breakdown(log, result, coordinator, breakdown, expected):
    ind = indicator(result, coordinator, breakdown=breakdown)
    assert values(log.project, ind) == {**expected, 2027: 0}


def test_number_of_entries_in_the_typed_periods(log, result, coordinator):
    """With typed values, their periods are the ones computed: entries of 1.2 from July 2025 to June 2026
    are e3 alone (e4 is only submitted), shown beside the 2 typed in for that period."""
    ind = indicator(result, coordinator, measure="entries", activities=[log.activities["1.2"]])
    typed = {"period_start": date(2025, 7, 1), "period_end": date(2026, 6, 30), "value": Decimal("2")}
    project_item_add(project=log.project, kind="value", parent=ind, data=typed, acting_user=coordinator)
    [value] = computed(log.project)[ind.pk].values
    assert (value.period_start, value.period_end, value.value) == (date(2025, 7, 1), date(2026, 6, 30), 1)
    assert value.typed.value == Decimal("2")


def test_a_project_without_dates_has_one_period_over_the_whole_log(log, result, coordinator):
    with scopes_disabled():
        type(log.project).objects.filter(pk=log.project.pk).update(start_date=None, end_date=None)
    log.project.refresh_from_db()
    ind = indicator(result, coordinator, entry_kind="training")
    [value] = computed(log.project)[ind.pk].values
    assert (value.period_start, value.period_end, value.value) == (None, None, 55)


def test_the_evidence_link_lists_exactly_the_entries_counted(log, result, coordinator):
    """The link's filters, read by the activity list's own form, select the entries the value counts."""
    ind = indicator(result, coordinator, measure="entries", entry_kind="training",
                    activities=[log.activities["1.1"], log.activities["1.2"]])  # fmt: skip
    by_year = {v.calendar_year: v for v in computed(log.project)[ind.pk].values}
    assert by_year[2025].filters == {
        "project": "vet4f", "status": "approved", "activity": [log.activities["1.1"].pk, log.activities["1.2"].pk],
        "kind": "training", "from": "2025-01-01", "to": "2025-12-31",
    }  # fmt: skip
    for year, expected in ((2025, {"e1"}), (2026, {"e3"})):
        url = entries_url(log.network, filters=by_year[year].filters)
        assert url.startswith("/networks/vet-for-the-future/activities/?")
        form = EntryFilterForm(QueryDict(url.split("?", 1)[1]), network=log.network, user=coordinator)
        listed = set(selectors.entry_list(network=log.network, user=coordinator, filters=form.filters()))
        assert form.is_valid(), form.errors
        assert listed == {log.entries[key] for key in expected}
        assert by_year[year].value == len(expected)


def test_a_typed_indicator_is_not_computed(log, result, coordinator):
    ind = project_item_add(
        project=log.project, kind="indicator", parent=result, data={"name": "Schools"}, acting_user=coordinator
    )
    assert ind.pk not in computed(log.project)


def test_all_computed_indicators_cost_two_queries_whatever_their_number(log, result, coordinator):
    counts = []
    for n in (1, 12):
        while Indicator.objects.filter(project=log.project, source="log").count() < n:
            indicator(result, coordinator, breakdown="women", activities=[log.activities["1.1"]])
        page = selectors.project_page(project=log.project)
        with CaptureQueriesContext(connection) as queries:
            figures = selectors.computed_indicators(project=log.project, indicators=page.indicators)
        assert len(figures) == n
        counts.append(len(queries))
    assert counts == [2, 2]


# --- reach ----------------------------------------------------------------------------------------------


def test_the_projects_reach(log):
    reach = selectors.reach(network=log.network, project=log.project)
    assert reach == selectors.Reach(
        entries=5, organisations=3, participants_total=72, women=43, men=28, other_or_not_given=1, under_18=5,
        age_18_29=45, age_30_64=10, age_65_plus=7, age_not_given=5, with_disabilities=6,
    )  # fmt: skip


def test_the_networks_reach_adds_its_other_projects_and_network_level_work(log):
    reach = selectors.reach(network=log.network)
    assert (reach.entries, reach.participants_total, reach.women, reach.organisations) == (7, 1081, 52, 4)


def test_reach_in_a_period(log):
    """2025 only: e1, e2, e6, e7 (e3 is in 2026); the bounds are inclusive."""
    reach = selectors.reach(network=log.network, project=log.project, date_from=date(2025, 3, 1),
                            date_to=date(2025, 12, 31))  # fmt: skip
    assert (reach.entries, reach.participants_total, reach.with_disabilities) == (4, 42, 3)


def test_no_entries_reach_nobody(network, project):
    assert selectors.reach(network=network, project=project) == selectors.Reach()


# --- the project page -----------------------------------------------------------------------------------


def test_the_project_page_shows_computed_values_beside_typed_ones_with_their_evidence(client, log, result,
                                                                                       coordinator):  # fmt: skip
    ind = indicator(result, coordinator, entry_kind="training", name="Counsellors trained")
    typed = {"period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31), "value": Decimal("24")}
    project_item_add(project=log.project, kind="value", parent=ind, data=typed, acting_user=coordinator)
    response = client.get(reverse("projects:detail", kwargs={"network_slug": "vet-for-the-future",
                                                             "project_slug": "vet4f"}))  # fmt: skip
    page, html = text(response), response.content.decode()
    assert "From the activity log: participants in the entries, kind: training" in page
    evidence = "/networks/vet-for-the-future/activities/?project=vet4f&amp;status=approved&amp;kind=training"
    assert f'<a href="{evidence}&amp;from=2025-01-01&amp;to=2025-12-31"><strong>25</strong>' in html
    assert "from=2026-01-01" not in html  # typed values name the periods: 2025 alone
    assert "(typed in: 24)" in page


def test_the_workspace_shows_the_networks_reach(client, log, member):
    client.force_login(member)
    page = text(client.get(reverse("network:workspace", kwargs={"network_slug": "vet-for-the-future"})))
    assert 'id="reach-h">Reach</h2>' in page
    assert "<dt>Participants</dt><dd>1,081</dd>" in page
    assert "<dt>Organisations involved</dt><dd>4</dd>" in page


# --- the editor's rules ---------------------------------------------------------------------------------


def form(project, **data):
    base = {"name": "People trained", "source": "log", "measure": "participants", "breakdown": "all"}
    return IndicatorForm(
        {**base, **data}, instance=Indicator(project=project, network=project.network), project=project
    )


def test_the_form_needs_what_is_counted(project):
    f = form(project, measure="")
    assert not f.is_valid()
    assert f.errors["measure"] == ["Say what is counted: participants or entries."]


def test_a_breakdown_only_for_participants(project):
    f = form(project, measure="entries", breakdown="women")
    assert not f.is_valid()
    assert "a breakdown of the participants needs" in f.errors["breakdown"][0]


def test_the_form_offers_this_projects_activities_only(log):
    f = form(log.project, activities=[log.other_activity.pk])
    assert not f.is_valid() and "activities" in f.errors
    assert set(f.fields["activities"].queryset) == set(log.activities.values())


def test_the_service_refuses_another_projects_activity(log, result, coordinator):
    with pytest.raises(ValidationError) as caught:
        indicator(result, coordinator, activities=[log.other_activity])
    assert caught.value.message_dict == {"activities": ["Choose planned activities of this project."]}
    assert not Indicator.objects.filter(project=log.project).exists()


def test_the_service_checks_the_rules_without_a_form(log, result, coordinator):
    with pytest.raises(ValidationError) as caught:
        indicator(result, coordinator, measure="entries", breakdown="women")
    assert "breakdown" in caught.value.message_dict


def test_a_valid_form_saves_through_the_service(log, result, coordinator):
    f = form(log.project, entry_kind="training", breakdown="women", activities=[log.activities["1.1"].pk])
    assert f.is_valid(), f.errors
    ind = project_item_add(
        project=log.project, kind="indicator", parent=result, data=f.cleaned_data, acting_user=coordinator
    )
    assert list(ind.activities.all()) == [log.activities["1.1"]]
    assert values(log.project, ind) == {2025: 12, 2026: 0, 2027: 0}


def test_switching_back_to_typed_clears_the_rule_and_is_audited(log, result, coordinator):
    ind = indicator(result, coordinator, entry_kind="training", breakdown="women", activities=[log.activities["1.1"]])
    project_item_update(item=ind, data={"source": "typed"}, acting_user=coordinator)
    ind.refresh_from_db()
    assert (ind.measure, ind.entry_kind, ind.breakdown, list(ind.activities.all())) == ("", "", "all", [])
    change = AuditEntry.objects.filter(action="logframe.indicator.updated").get()
    assert change.before["activities"] == [log.activities["1.1"].pk] and change.after["activities"] == []
    assert change.after["source"] == "typed"


def test_the_editing_page_shows_the_new_fields_and_their_errors(client, log, result, coordinator):
    client.force_login(coordinator)
    url = reverse("projects:item_add", kwargs={"network_slug": "vet-for-the-future", "project_slug": "vet4f",
                                               "kind": "indicator"})  # fmt: skip
    prefix = f"add-indicator-{result.pk}"
    response = client.post(url, {"parent": result.pk, f"{prefix}-name": "People", f"{prefix}-source": "log",
                                 f"{prefix}-measure": "entries", f"{prefix}-breakdown": "men"})  # fmt: skip
    assert response.status_code == 200
    assert "a breakdown of the participants needs" in text(response)
    assert f'id="id_{prefix}-breakdown_error"' in text(response)
    assert not Indicator.objects.filter(project=log.project).exists()


def test_a_member_cannot_add_a_computed_indicator(log, result, network):
    member = person_in(network, Role.MEMBER)
    with pytest.raises(PermissionDenied):
        indicator(result, member)
