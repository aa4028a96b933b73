"""The advocacy sections of the dashboards, rendered as the dashboards render them (portal.sections' slots
"project_dashboard" and "network_dashboard" with the page's context): a project's published outputs and their
uptake, the network's ledger outcomes; numbers against hand-computed ones, the visibility rules, the period, and
a fixed number of queries whatever the number of outputs and submissions."""

import datetime
import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.formats import date_format
from django_scopes import scope

from advocacy import selectors
from advocacy.services.institutions import output_address
from advocacy.services.outputs import output_publish
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record
from portal import sections
from tests.advocacy.conftest import make_output
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2025, 6, 30)
PROJECT_SECTION = "advocacy/sections/project_dashboard.html"
NETWORK_SECTION = "advocacy/sections/network_dashboard.html"


@pytest.fixture
def project(network):
    return ProjectFactory(network=network, title="Career guidance in VET", slug="career-guidance")


@pytest.fixture
def uptake(network, people, agency, project):
    """The project's outputs: a restricted package (four recommendations, three of them submitted, and the whole
    package), a public study, a members-only paper, one still in review; and a public output of no project.

        item                              submissions (date: outcome)                   latest
        package r1 → ministry             01-10 acknowledged, 03-01 adopted (follow-up)  adopted
        package r2 → ministry             02-01 partly adopted                           partly adopted
        package r3 → agency               02-15 –, due 03-15                             pending, overdue
        package r4 → ministry             never submitted                                (not submitted)
        package (whole) → ministry        04-01 rejected                                 rejected
        study (whole) → agency            05-01 –                                        pending
        paper (whole) → ministry          01-20 under consideration                      other answer
        other output (whole) → ministry   02-10 adopted                                  adopted (network only)
    """
    with scope(network=network):
        package = make_output(network, people, status="in_review", visibility="restricted", title="VET package",
                              project=project.pk)  # fmt: skip
        output_address(output=package, institution=agency, acting_user=people.coordinator)
        r1, r2, r3, _r4 = (
            recommendation_add(output=package, acting_user=people.coordinator,
                               data={"text": text, "institution": institution.pk})
            for text, institution in (("Fund career counsellors", people.ministry),
                                      ("Adopt a standard", people.ministry), ("Train teachers", agency),
                                      ("Never sent", people.ministry))
        )  # fmt: skip
        package = _publish(package, people)
        study = make_output(network, people, status="published", visibility="public", title="Youth study",
                            project=project.pk, address=False)  # fmt: skip
        output_address(output=study, institution=agency, acting_user=people.coordinator)
        paper = make_output(network, people, status="published", visibility="members", title="Members paper",
                            project=project.pk)  # fmt: skip
        make_output(network, people, status="in_review", visibility="public", title="Draft in review",
                    project=project.pk)  # fmt: skip
        elsewhere = make_output(network, people, status="published", visibility="public", title="Network study")

        def submit(output, institution, day, **data):
            return submission_record(output=output, acting_user=people.coordinator,
                                     data={"institution": institution.pk, "submitted_on": day, **data})  # fmt: skip

        first = submit(package, people.ministry, D(2025, 1, 10), recommendation=r1.pk, outcome="acknowledged",
                       responded_on=D(2025, 1, 20))  # fmt: skip
        submit(package, people.ministry, D(2025, 3, 1), recommendation=r1.pk, follows_up=first.pk, outcome="adopted",
               responded_on=D(2025, 3, 20))  # fmt: skip
        submit(package, people.ministry, D(2025, 2, 1), recommendation=r2.pk, outcome="partly_adopted",
               responded_on=D(2025, 2, 20))  # fmt: skip
        submit(package, agency, D(2025, 2, 15), recommendation=r3.pk, response_due=D(2025, 3, 15))
        submit(package, people.ministry, D(2025, 4, 1), outcome="rejected", responded_on=D(2025, 4, 30))
        submit(study, agency, D(2025, 5, 1))
        submit(paper, people.ministry, D(2025, 1, 20), outcome="under_consideration", responded_on=D(2025, 2, 1))
        submit(elsewhere, people.ministry, D(2025, 2, 10), outcome="adopted", responded_on=D(2025, 3, 1))
    return {"package": package, "study": study, "paper": paper, "elsewhere": elsewhere}


def _publish(output, people):
    return output_publish(output=output, acting_user=people.coordinator)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(selectors.timezone, "localdate", lambda: TODAY)


def render(slot, user, network, *, period=(None, None), **context):
    """The slot's templates, rendered inside the network's scope with the context a dashboard gives them."""
    request = RequestFactory().get("/")
    request.user = user
    request.network = network
    with scope(network=network):
        return Template('{% load sections %}{% sections "' + slot + '" %}').render(
            Context({"request": request, "user": user, "network": network, "period_start": period[0],
                     "period_end": period[1], **context})
        )  # fmt: skip


def figures(html):
    """{label: number} of the section's headline figures."""
    return {label: int(number) for label, number in re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html)}


def submission_rows(html):
    return html.count('<th scope="row" data-label=')


def outcome_rows(html):
    return {label: int(number) for label, number in
            re.findall(r'<th scope="row">([^<]+)</th><td class="num">(\d+)</td>', html)}  # fmt: skip


def test_both_sections_are_registered():
    assert PROJECT_SECTION in sections.templates("project_dashboard")
    assert NETWORK_SECTION in sections.templates("network_dashboard")


def test_the_project_section_counts_each_item_by_its_latest_submission(network, people, project, uptake):
    html = render("project_dashboard", people.member, network, project=project)
    assert figures(html) == {"Adopted": 1, "Partly adopted": 1, "Rejected": 1, "Waiting for a response": 2,
                             "Other answers": 1, "Overdue": 1}  # fmt: skip
    # The outputs the member may read, each with its submissions (institution, date, outcome).
    for title in ("VET package", "Youth study", "Members paper"):
        assert title in html
    assert "Draft in review" not in html and "Network study" not in html  # not published; not the project's
    assert submission_rows(html) == 5 + 1 + 1  # the package's r1 twice, r2, r3 and the whole; the study; the paper
    assert "Office for Youth" in html and "Ministry of Education, Science, Culture and Sport" in html
    # r1's follow-up: submitted on 1 March, adopted on 20 March.
    assert date_format(D(2025, 3, 1), "SHORT_DATE_FORMAT") in html
    assert date_format(D(2025, 3, 20), "SHORT_DATE_FORMAT") in html


def test_the_project_section_shows_only_what_the_reader_may_see(network, people, project, uptake):
    # The addressed ministry's person: the public study and, through its grant, the restricted package; not
    # the members-only paper.
    ministry = render("project_dashboard", people.ministry_user, network, project=project)
    assert "VET package" in ministry and "Youth study" in ministry and "paper" not in ministry
    assert submission_rows(ministry) == 5 + 1
    assert figures(ministry) == {"Adopted": 1, "Partly adopted": 1, "Rejected": 1, "Waiting for a response": 2,
                                 "Other answers": 0, "Overdue": 1}  # fmt: skip
    # A visitor: the public study alone.
    anonymous = render("project_dashboard", people.anonymous, network, project=project)
    assert "Youth study" in anonymous and "VET package" not in anonymous and "paper" not in anonymous
    assert submission_rows(anonymous) == 1
    assert figures(anonymous) == {"Adopted": 0, "Partly adopted": 0, "Rejected": 0, "Waiting for a response": 1,
                                  "Other answers": 0, "Overdue": 0}  # fmt: skip
    # Another network's coordinator reads no more than a visitor.
    assert figures(render("project_dashboard", people.other_coordinator, network, project=project)) == figures(
        anonymous
    )


@pytest.mark.parametrize(
    ("period", "expected", "rows"),
    [
        # February–March: r1's follow-up (adopted), r2 (partly), r3 (pending, overdue); not its first letter.
        ((D(2025, 2, 1), D(2025, 3, 31)), {"Adopted": 1, "Partly adopted": 1, "Rejected": 0,
                                           "Waiting for a response": 1, "Other answers": 0, "Overdue": 1}, 3),
        # January: r1's first letter (acknowledged) and the paper (under consideration).
        ((D(2025, 1, 1), D(2025, 1, 31)), {"Adopted": 0, "Partly adopted": 0, "Rejected": 0,
                                           "Waiting for a response": 0, "Other answers": 2, "Overdue": 0}, 2),
    ],
)  # fmt: skip
def test_the_project_section_counts_the_submissions_of_the_period(network, people, project, uptake, period,
                                                                   expected, rows):  # fmt: skip
    html = render("project_dashboard", people.coordinator, network, project=project, period=period)
    assert figures(html) == expected
    assert submission_rows(html) == rows
    assert "Not submitted to an institution in this period." in html  # the outputs without one in it


def test_a_project_without_published_outputs_says_so(network, people):
    other = ProjectFactory(network=network)
    html = render("project_dashboard", people.coordinator, network, project=other)
    assert "No published advocacy outputs of this project yet." in html and "<dl" not in html


def test_the_network_section_counts_the_ledger_by_outcome(network, people, uptake):
    html = render("network_dashboard", people.member, network)
    assert outcome_rows(html) == {
        "Acknowledged": 0, "Under consideration": 1, "Partly adopted": 1, "Adopted": 2, "Already implemented": 0,
        "Rejected": 1, "No response": 0, "Waiting for a response": 2, "Not submitted yet": 1,
    }  # fmt: skip
    assert "1 response overdue" in html
    assert f'href="{reverse("advocacy:ledger", kwargs={"network_slug": network.slug})}"' in html
    with scope(network=network):
        counts = selectors.network_uptake(network=network)
    assert (counts.submitted, counts.overdue, counts.not_submitted) == (7, 1, 1)


def test_the_network_section_in_a_period(network, people, uptake):
    html = render("network_dashboard", people.coordinator, network, period=(D(2025, 2, 1), D(2025, 2, 28)))
    # r2 (partly), r3 (pending, overdue), the other output (adopted); r1's latest in February: none.
    assert outcome_rows(html) == {
        "Acknowledged": 0, "Under consideration": 0, "Partly adopted": 1, "Adopted": 1, "Already implemented": 0,
        "Rejected": 0, "No response": 0, "Waiting for a response": 1,
    }  # fmt: skip
    assert "1 response overdue" in html
    empty = render("network_dashboard", people.coordinator, network, period=(D(2024, 1, 1), D(2024, 12, 31)))
    assert "Nothing submitted to an institution in this period." in empty and "<table" not in empty


def test_the_network_section_is_for_those_who_may_read_the_ledger(network, people, uptake):
    for outsider in (people.anonymous, people.ministry_user, people.other_coordinator):
        assert render("network_dashboard", outsider, network).strip() == ""
    assert "Advocacy uptake" in render("network_dashboard", people.observer, network)


def _grow(network, people, project, n):
    """`n` more published outputs of the project, each with a recommendation submitted twice."""
    with scope(network=network):
        for i in range(n):
            output = make_output(network, people, status="in_review", visibility="restricted", title=f"Output {i}",
                                 project=project.pk)  # fmt: skip
            recommendation = recommendation_add(output=output, acting_user=people.coordinator,
                                                data={"text": "More", "institution": people.ministry.pk})  # fmt: skip
            output = _publish(output, people)
            for day in (1, 2):
                submission_record(output=output, acting_user=people.coordinator, data={
                    "institution": people.ministry.pk, "submitted_on": D(2025, 2, day),
                    "recommendation": recommendation.pk, "outcome": "adopted" if day == 2 else "",
                })  # fmt: skip


def _queries(slot, user, network, **context):
    render(slot, user, network, **context)  # warm: content types, templates
    with CaptureQueriesContext(connection) as queries:
        render(slot, user, network, **context)
    return len(queries)


@pytest.mark.parametrize("reader", ["member", "ministry_user"])
def test_the_sections_read_a_fixed_number_of_queries(network, people, project, uptake, reader):
    user = getattr(people, reader)
    small = (_queries("project_dashboard", user, network, project=project),
             _queries("network_dashboard", user, network))  # fmt: skip
    _grow(network, people, project, 6)
    html = render("project_dashboard", user, network, project=project)
    assert figures(html)["Adopted"] == 1 + 6  # the new outputs are there, and counted
    assert (_queries("project_dashboard", user, network, project=project),
            _queries("network_dashboard", user, network)) == small  # fmt: skip
