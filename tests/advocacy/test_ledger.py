"""The uptake ledger's table and an output's timeline: the numbers against hand-computed ones, and a fixed
number of queries whatever the number of outputs and submissions."""

import datetime

import pytest
from django_scopes import scope, scopes_disabled

from advocacy.grants import grant
from advocacy.models import AddressedInstitution
from advocacy.selectors import ledger_table, output_timeline, outputs_addressed_to
from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_publish
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record, submission_respond
from tests.advocacy.conftest import make_output
from tests.factories import AdvocacyOutputFactory, OrganisationFactory, RecommendationFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2025, 6, 30)


@pytest.fixture
def ledger(network, people, agency, in_network):
    """Two outputs; the ministry answers in 10, 20 and 40 days (median 20), the agency in 5 and 15 (median
    10, the mean of the middle two); one letter to the agency is overdue, one is not yet due."""
    output = make_output(network, people, status="in_review", title="VET package")
    output_address(output=output, institution=agency, acting_user=people.coordinator)
    r1, r2, r3 = (
        recommendation_add(output=output, acting_user=people.coordinator, data={"text": text, "institution": inst})
        for text, inst in (("Fund schools", people.ministry.pk), ("Train teachers", agency.pk),
                           ("Never sent", people.ministry.pk))
    )  # fmt: skip
    output = output_publish(output=output, acting_user=people.coordinator)
    second = make_output(network, people, status="published", title="Youth study", address=False)
    draft = make_output(network, people, status="in_review", title="Not published")
    recommendation_add(output=draft, acting_user=people.coordinator,
                       data={"text": "Not for the ledger yet", "institution": people.ministry.pk})  # fmt: skip

    def submit(out, institution, day, **data):
        return submission_record(output=out, acting_user=people.coordinator,
                                 data={"institution": institution.pk, "submitted_on": day, **data})  # fmt: skip

    def respond(submission, day, outcome):
        return submission_respond(submission=submission, acting_user=people.coordinator,
                                  data={"responded_on": day, "outcome": outcome})  # fmt: skip

    first = submit(output, people.ministry, D(2025, 1, 1), recommendation=r1.pk)
    respond(first, D(2025, 1, 11), "acknowledged")  # 10 days
    again = submit(output, people.ministry, D(2025, 2, 1), recommendation=r1.pk, follows_up=first.pk)
    respond(again, D(2025, 2, 21), "adopted")  # 20 days: the row's latest outcome
    whole = submit(output, people.ministry, D(2025, 3, 1))
    respond(whole, D(2025, 4, 10), "under_consideration")  # 40 days
    to_agency = submit(output, agency, D(2025, 1, 10), recommendation=r2.pk)
    respond(to_agency, D(2025, 1, 15), "partly_adopted")  # 5 days
    submit(output, agency, D(2025, 5, 1), recommendation=r2.pk, follows_up=to_agency.pk, response_due=D(2025, 6, 1))
    study = submit(second, agency, D(2025, 2, 1))
    respond(study, D(2025, 2, 16), "rejected")  # 15 days
    submit(second, agency, D(2025, 6, 1), response_due=D(2025, 7, 31))  # not due yet
    return {"output": output, "second": second, "r1": r1, "r2": r2, "r3": r3}


def test_ledger_rows_latest_outcomes_and_overdue(network, people, agency, ledger):
    table = ledger_table(network, today=TODAY)
    rows = [
        (row.institution.name, str(row.output.title), row.recommendation.position if row.recommendation else None,
         row.outcome, row.overdue, len(row.submissions))
        for row in table.rows
    ]  # fmt: skip
    assert rows == [
        ("Ministry of Education, Science, Culture and Sport", "VET package", None, "under_consideration", False, 1),
        ("Ministry of Education, Science, Culture and Sport", "VET package", 1, "adopted", False, 2),
        ("Ministry of Education, Science, Culture and Sport", "VET package", 3, None, False, 0),
        ("Office for Youth", "VET package", 2, "", True, 2),  # the follow-up is pending and overdue
        ("Office for Youth", "Youth study", None, "", False, 2),  # pending, due in July
    ]


def test_ledger_medians_per_institution(network, people, agency, ledger):
    summaries = {s.institution.name: s for s in ledger_table(network, today=TODAY).institutions}
    ministry = summaries["Ministry of Education, Science, Culture and Sport"]
    office = summaries["Office for Youth"]
    assert (ministry.median_days, ministry.responses, ministry.rows, ministry.overdue) == (20, 3, 3, 0)
    assert (office.median_days, office.responses, office.rows, office.overdue) == (10, 2, 2, 1)
    assert list(summaries) == ["Ministry of Education, Science, Culture and Sport", "Office for Youth"]


def test_no_response_yet_is_no_median(network, people, in_network):
    output = make_output(network, people, status="published")
    submission_record(output=output, acting_user=people.coordinator,
                      data={"institution": people.ministry.pk, "submitted_on": D(2025, 1, 1)})  # fmt: skip
    (summary,) = ledger_table(network, today=TODAY).institutions
    assert (summary.median_days, summary.responses, summary.overdue) == (None, 0, 0)


def test_output_timeline_in_order(network, people, ledger):
    events = [(event.day, event.kind, event.submission.institution.name[:6]) for event in output_timeline(
        ledger["output"])]  # fmt: skip
    assert events == [
        (D(2025, 1, 1), "submitted", "Minist"),
        (D(2025, 1, 10), "submitted", "Office"),
        (D(2025, 1, 11), "responded", "Minist"),
        (D(2025, 1, 15), "responded", "Office"),
        (D(2025, 2, 1), "submitted", "Minist"),
        (D(2025, 2, 21), "responded", "Minist"),
        (D(2025, 3, 1), "submitted", "Minist"),
        (D(2025, 4, 10), "responded", "Minist"),
        (D(2025, 5, 1), "submitted", "Office"),
    ]


def test_another_networks_ledger_is_its_own(network, people, ledger):
    with scope(network=people.other_network):
        assert ledger_table(people.other_network, today=TODAY).rows == []


# --- a fixed number of queries at two sizes ---------------------------------------------------------------


def _grow(network, people, n):
    """n published outputs with two recommendations each, submitted to n ministries, half answered."""
    with scopes_disabled():
        for i in range(n):
            output = AdvocacyOutputFactory(network=network, published=True, visibility="restricted")
            ministry = OrganisationFactory(kind="ministry")
            first = RecommendationFactory(output=output, position=1, institution=ministry)
            RecommendationFactory(output=output, position=2, institution=ministry)  # never submitted
            sent = SubmissionFactory(output=output, recommendation=first, institution=ministry,
                                     response_due=D(2025, 4, 1))  # fmt: skip
            if i % 2:
                sent.responded_on, sent.outcome = D(2025, 3, 1 + i % 20), "adopted"
                sent.save()
            SubmissionFactory(output=output, institution=ministry, follows_up=sent, submitted_on=D(2025, 5, 1))


@pytest.mark.parametrize("size", [3, 12])
def test_ledger_table_queries_do_not_grow(network, people, in_network, django_assert_num_queries, size):
    _grow(network, people, size)
    with django_assert_num_queries(2):  # the submissions; the recommendations never submitted
        table = ledger_table(network, today=TODAY)
        # Everything a page shows of a row and an institution, read.
        shown = [
            (str(row.output.title), str(row.institution), row.recommendation and row.recommendation.position,
             row.outcome, row.overdue)
            for row in table.rows
        ] + [(summary.median_days, str(summary.institution)) for summary in table.institutions]  # fmt: skip
    assert len(table.rows) == size * 3 and len(table.institutions) == size
    assert len(shown) == size * 4


@pytest.mark.parametrize("size", [3, 12])
def test_output_timeline_queries_do_not_grow(network, people, in_network, django_assert_num_queries, size):
    with scopes_disabled():
        output = AdvocacyOutputFactory(network=network, published=True)
        for i in range(size):
            recommendation = RecommendationFactory(output=output, position=i + 1)
            SubmissionFactory(output=output, recommendation=recommendation, submitted_on=D(2025, 1, 1 + i),
                              responded_on=D(2025, 2, 1 + i), outcome="acknowledged")  # fmt: skip
    with django_assert_num_queries(1):
        events = output_timeline(output)
        shown = [(str(e.submission.institution), e.submission.recommendation.position, e.submission.follows_up)
                 for e in events]  # fmt: skip
    assert len(events) == len(shown) == size * 2


@pytest.mark.parametrize("size", [2, 8])
def test_outputs_addressed_to_queries_do_not_grow(network, people, django_assert_num_queries, size):
    with scopes_disabled():
        for _i in range(size):
            for place in (network, people.other_network):
                output = AdvocacyOutputFactory(network=place, published=True, visibility="restricted")
                AddressedInstitution.objects.create(network=place, output=output, organisation=people.ministry)
                grant(output, people.ministry)
    user = type(people.ministry_user).objects.get(pk=people.ministry_user.pk)
    with django_assert_num_queries(2):
        found = outputs_addressed_to(user)
        shown = [(str(output.title), output.network.name) for output in found]
    assert len(found) == len(shown) == size * 2
