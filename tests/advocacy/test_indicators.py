"""Indicators computed from the uptake ledger ("recommendations adopted", advocacy/indicators.py through
projects.indicator_sources): hand-counted figures per project year, a later submission changing them, the
indicator editor accepting them, the project page showing them, never stale, in a fixed number of queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from advocacy import indicators as ledger_indicators
from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_publish
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record, submission_respond
from projects import indicator_sources, selectors
from projects.forms import IndicatorForm
from projects.models import Indicator
from projects.services.items import project_item_add, project_item_update
from tests.advocacy.conftest import make_output
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def submit(people, output, institution, day, recommendation=None, **data):
    rec = {"recommendation": recommendation.pk} if recommendation else {}
    return submission_record(
        output=output, acting_user=people.coordinator,
        data={"institution": institution.pk, "submitted_on": day, **rec, **data},
    )  # fmt: skip


def respond(people, submission, day, outcome, **data):
    return submission_respond(
        submission=submission, acting_user=people.coordinator, data={"responded_on": day, "outcome": outcome, **data}
    )


@pytest.fixture
def project(network, in_network):
    return ProjectFactory(network=network, title="VET reform project", slug="vet-reform-project")  # 2025–2027


@pytest.fixture
def result(project, people):
    return project_item_add(
        project=project, kind="result", data={"title": "Recommendations taken up"}, acting_user=people.coordinator
    )


def add_indicator(result, people, source="ledger_adopted", **data):
    return project_item_add(
        project=result.project, kind="indicator", parent=result, acting_user=people.coordinator,
        data={"name": "Recommendations adopted", "unit": "recommendations", "source": source, **data},
    )  # fmt: skip


def values(project, indicator):
    """{year: value} of one computed indicator."""
    page = selectors.project_page(project=project)
    computed = selectors.computed_indicators(project=project, indicators=page.indicators)
    return {v.calendar_year or (v.period_start, v.period_end): v.value for v in computed[indicator.pk].values}


@pytest.fixture
def ledger(network, people, agency, project):
    """The project's package: r1 acknowledged then adopted on a follow-up (2025-04-01), r2 adopted by the agency
    on 2026-01-15, r3 partly adopted (2025-06-01), r4 already implemented (2025-06-10), r5 never submitted; the
    whole package "adopted" (2025-07-01: no recommendation counts). Another project's output has one adopted in
    2025 that counts nothing here."""
    output = make_output(network, people, status="in_review", title="VET package", project=project.pk)
    output_address(output=output, institution=agency, acting_user=people.coordinator)
    ministry, coordinator = people.ministry, people.coordinator
    r1, r2, r3, r4, _r5 = (
        recommendation_add(output=output, acting_user=coordinator, data={"text": f"Recommendation {n}"})
        for n in range(1, 6)
    )
    output = output_publish(output=output, acting_user=coordinator)
    first = submit(people, output, ministry, D(2025, 1, 10), r1)
    respond(people, first, D(2025, 2, 1), "acknowledged")
    again = submit(people, output, ministry, D(2025, 3, 1), r1, follows_up=first.pk)
    respond(people, again, D(2025, 4, 1), "adopted")
    respond(people, submit(people, output, agency, D(2025, 11, 1), r2), D(2026, 1, 15), "adopted")
    respond(people, submit(people, output, ministry, D(2025, 5, 1), r3), D(2025, 6, 1), "partly_adopted")
    respond(people, submit(people, output, ministry, D(2025, 5, 1), r4), D(2025, 6, 10), "already_implemented",
            evidence_url="https://example.org/decree")  # fmt: skip
    respond(people, submit(people, output, ministry, D(2025, 6, 1)), D(2025, 7, 1), "adopted")

    other_project = ProjectFactory(network=network, slug="other-project")
    elsewhere = make_output(network, people, status="in_review", title="Other package", project=other_project.pk)
    far = recommendation_add(output=elsewhere, acting_user=coordinator, data={"text": "Elsewhere"})
    elsewhere = output_publish(output=elsewhere, acting_user=coordinator)
    respond(people, submit(people, elsewhere, ministry, D(2025, 2, 1), far), D(2025, 3, 1), "adopted")
    return {"output": output, "r1": r1, "r2": r2, "r3": r3, "again": again}


def test_recommendations_adopted_per_project_year(ledger, result, people, project):
    adopted = add_indicator(result, people)
    assert values(project, adopted) == {2025: 1, 2026: 1, 2027: 0}  # r1; r2


def test_adopted_or_partly_adopted_counts_the_partly_adopted_too(ledger, result, people, project):
    either = add_indicator(result, people, source="ledger_adopted_or_partly", name="Adopted or partly")
    assert values(project, either) == {2025: 2, 2026: 1, 2027: 0}  # r1, r3; r2


def test_the_typed_periods_are_the_periods_when_there_are_any(ledger, result, people, project):
    adopted = add_indicator(result, people)
    project_item_add(
        project=project, kind="value", parent=adopted, acting_user=people.coordinator,
        data={"period_start": D(2025, 1, 1), "period_end": D(2026, 6, 30), "value": "3"},
    )  # fmt: skip
    page = selectors.project_page(project=project)
    (value,) = selectors.computed_indicators(project=project, indicators=page.indicators)[adopted.pk].values
    assert (value.period_start, value.period_end, value.value, value.typed.value) == (
        D(2025, 1, 1), D(2026, 6, 30), 2, 3
    )  # fmt: skip


def test_a_later_submission_changes_the_figure(ledger, result, people, project):
    adopted = add_indicator(result, people)
    # A follow-up of r1 still waiting for its answer: the latest word is no longer "adopted".
    output, r1 = ledger["output"], ledger["r1"]
    later = submit(people, output, people.ministry, D(2026, 2, 1), r1, follows_up=ledger["again"].pk)
    assert values(project, adopted) == {2025: 0, 2026: 1, 2027: 0}
    # The ministry adopts it again, in 2026: it counts there.
    respond(people, later, D(2026, 3, 1), "adopted")
    assert values(project, adopted) == {2025: 0, 2026: 2, 2027: 0}
    # r2's answer corrected to "rejected": it no longer counts.
    (r2_submission,) = ledger["r2"].submissions.all()
    respond(people, r2_submission, D(2026, 1, 15), "rejected")
    assert values(project, adopted) == {2025: 0, 2026: 1, 2027: 0}


def test_a_recommendation_adopted_by_two_institutions_counts_once_at_the_earlier_answer(
    ledger, result, people, project, agency
):
    adopted = add_indicator(result, people)
    respond(people, submit(people, ledger["output"], agency, D(2025, 9, 1), ledger["r2"]), D(2027, 2, 1), "adopted")
    assert values(project, adopted) == {2025: 1, 2026: 1, 2027: 0}


def test_the_editor_offers_the_ledger_and_keeps_no_log_rule(ledger, result, people, project):
    form = IndicatorForm(project=project)
    offered = dict(form.fields["source"].choices)
    assert {"typed", "log", "ledger_adopted", "ledger_adopted_or_partly"} <= set(offered)
    assert offered["ledger_adopted"] == "From the uptake ledger: recommendations adopted"
    # A log rule sent along is dropped: the ledger's rule is the source itself.
    adopted = add_indicator(result, people, measure="participants", entry_kind="training", breakdown="women")
    assert (adopted.measure, adopted.entry_kind, adopted.breakdown) == ("", "", "all")
    assert adopted.is_computed and not adopted.is_from_log
    # Back to typed in: no longer computed.
    typed = project_item_update(item=adopted, data={"source": "typed"}, acting_user=people.coordinator)
    assert not typed.is_computed
    assert selectors.computed_indicators(project=project, indicators=[typed]) == {}


def test_the_editing_page_adds_a_ledger_indicator(ledger, result, people, project, client):
    client.force_login(people.coordinator)
    url = reverse("projects:item_add", kwargs={"network_slug": "vet-reform", "project_slug": project.slug,
                                               "kind": "indicator"})  # fmt: skip
    prefix = f"add-indicator-{result.pk}"
    response = client.post(url, {"parent": result.pk, f"{prefix}-name": "Adopted", f"{prefix}-source": "ledger_adopted",
                                 f"{prefix}-breakdown": "all"})  # fmt: skip
    assert response.status_code in (200, 302)
    (saved,) = Indicator.objects.filter(project=project)
    assert (saved.source, saved.measure) == ("ledger_adopted", "")
    assert values(project, saved) == {2025: 1, 2026: 1, 2027: 0}


def test_an_unknown_source_is_a_message_on_the_field(result, people):
    before = Indicator.objects.count()
    with pytest.raises(ValidationError) as error:
        add_indicator(result, people, source="ledger_nonsense")
    assert "source" in error.value.message_dict
    assert Indicator.objects.count() == before


def test_a_source_keeps_its_key_short_and_off_the_indicators_own():
    from projects.indicator_sources import IndicatorSource

    with pytest.raises(ValueError):
        indicator_sources.register(IndicatorSource(key="x" * 31, label="", rule="", compute=None))
    with pytest.raises(ValueError):
        indicator_sources.register(IndicatorSource(key="log", label="", rule="", compute=None))


@pytest.mark.parametrize("n", [1, 12])
def test_all_ledger_indicators_cost_one_query_whatever_their_number(ledger, result, people, project, n):
    for number in range(n):
        add_indicator(result, people, name=f"Adopted {number}")
        add_indicator(result, people, source="ledger_adopted_or_partly", name=f"Either {number}")
    page = selectors.project_page(project=project)
    with CaptureQueriesContext(connection) as queries:
        computed = selectors.computed_indicators(project=project, indicators=page.indicators)
    assert len(computed) == 2 * n
    assert len(queries) == 2  # one ledger read per source


def test_the_project_page_keeps_its_queries_whatever_the_number_of_ledger_indicators(
    ledger, result, people, project, client, monkeypatch
):
    monkeypatch.setattr(ledger_indicators, "_ledger_url", lambda project: "/networks/vet-reform/advocacy/ledger/")
    client.force_login(people.member)  # the links are asked of the permission rules
    counts = []
    for n in (1, 8):
        while Indicator.objects.filter(project=project).count() < n:
            add_indicator(result, people, name=f"Adopted {n}")
        client.get(detail_path(project))  # warm what a first visit reads once (the session, the content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(detail_path(project))
        assert response.content.decode().count('<a href="/networks/vet-reform/advocacy/ledger/">') == 3 * n
        counts.append(len(queries))
    assert counts[0] == counts[1]


def detail_path(project):
    return reverse("projects:detail", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})


def test_the_project_page_shows_the_figure_and_its_rule(ledger, result, people, project, client):
    add_indicator(result, people)
    html = client.get(detail_path(project)).content.decode()
    assert "From the uptake ledger: recommendations of the project&#x27;s outputs adopted (the latest response)" in html
    assert "2025:\n  <strong>1</strong>" in html and "2027:\n  <strong>0</strong>" in html


def test_the_figure_links_to_the_ledger_for_those_who_may_see_it(ledger, result, people, project, client, monkeypatch):
    """When the advocacy pages give the ledger an address: the network's people follow the figure to it; a
    visitor or another network's coordinator, for whom the ledger is closed, sees the figure alone."""
    monkeypatch.setattr(ledger_indicators, "_ledger_url", lambda project: "/networks/vet-reform/advocacy/ledger/")
    add_indicator(result, people)
    link = '2026:\n  <a href="/networks/vet-reform/advocacy/ledger/"><strong>1</strong>'
    for person, linked in ((people.observer, True), (people.coordinator, True), (people.other_coordinator, False),
                           (people.ministry_user, False), (None, False)):  # fmt: skip
        client.logout()
        if person is not None:
            client.force_login(person)
        html = client.get(detail_path(project)).content.decode()
        assert (link in html) is linked, person
        assert "2026:\n  " in html


@pytest.mark.django_db(transaction=True)
def test_the_kept_project_page_is_never_stale(network, people, agency):
    """Real commits: the page is kept for visitors; a response recorded in the ledger shows at once."""
    with scope(network=network):
        project = ProjectFactory(network=network, slug="kept-project")
        result = project_item_add(project=project, kind="result", data={"title": "Taken up"},
                                  acting_user=people.coordinator)  # fmt: skip
        add_indicator(result, people)
        output = make_output(network, people, status="in_review", project=project.pk)
        recommendation = recommendation_add(output=output, acting_user=people.coordinator, data={"text": "Fund it"})
        output = output_publish(output=output, acting_user=people.coordinator)
        submission = submit(people, output, people.ministry, D(2025, 3, 1), recommendation)
    visitor = Client()
    first = visitor.get(detail_path(project))
    assert visitor.get(detail_path(project))["X-Page-Cache"] == "hit"
    assert "2025:\n  <strong>0</strong>" in first.content.decode()
    with scope(network=network):
        respond(people, submission, D(2025, 4, 1), "adopted")
    again = visitor.get(detail_path(project))
    assert again["X-Page-Cache"] == "miss"
    assert "2025:\n  <strong>1</strong>" in again.content.decode()
