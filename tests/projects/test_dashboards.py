"""The dashboards (projects/dashboards.py, projects/views/dashboards.py): the figures of a project and of a
network for a period against hand-counted totals (the log in conftest.py), who may open them, a wrong period,
an empty one, and the fixed number of queries whatever the size."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from guardian.shortcuts import assign_perm

from network.models import Role
from portal import tenancy
from projects import dashboards
from projects.models import Indicator, IndicatorValue, Project, Site, TargetGroup
from tests.factories import (
    ActivityEntryFactory,
    AgreementFactory,
    NetworkFactory,
    UserFactory,
    person_in,
    project_with_logframe,
)
from tests.pages import page_queries, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]

TODAY = date(2026, 6, 30)  # mid-project (2025–2027): half the time has run
YEAR_2025 = {"period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31)}


@pytest.fixture
def indicators(log):
    """A typed indicator (baseline 0, target 10; 4 in 2025, 8 in 2026) and one computed from the log: women
    of activity 1.1's entries (target 100; 2025: e1 12 + e2 4 = 16)."""
    with scopes_disabled():
        result = log.project.results.create(network=log.network, position=1, level="output", title="Counsellors")
        typed = Indicator.objects.create(network=log.network, project=log.project, result=result, position=1,
                                         name="Schools with a counsellor", unit="schools", baseline=Decimal("0"),
                                         target=Decimal("10"))  # fmt: skip
        for year, value in ((2025, 4), (2026, 8)):
            IndicatorValue.objects.create(network=log.network, project=log.project, indicator=typed,
                                          period_start=date(year, 1, 1), period_end=date(year, 12, 31),
                                          value=Decimal(value))  # fmt: skip
        computed = Indicator.objects.create(network=log.network, project=log.project, result=result, position=2,
                                            name="Women trained", unit="people", baseline=Decimal("0"),
                                            target=Decimal("100"), source="log", measure="participants",
                                            breakdown="women")  # fmt: skip
        computed.activities.set([log.activities["1.1"]])
    return {"typed": typed, "computed": computed}


def figures(log, **period):
    return dashboards.project_figures(project=log.project, today=TODAY, **period)


# --- the figures ------------------------------------------------------------------------------------------


def test_the_planned_activities_by_component(log):
    with scopes_disabled():
        log.activities["2.1"].done_at = timezone.now()
        log.activities["2.1"].save()
    found = figures(log, **YEAR_2025)
    first, second = found.components
    assert [(a.code, a.status, a.period_entries, a.period_participants) for a in first.activities] == [
        ("1.1", "in_progress", 2, 30),  # e1, e2 (the deleted e5 not)
        ("1.2", "in_progress", 0, 0),  # e3 is of 2026; the submitted e4 not counted
    ]
    assert [(a.code, a.status, a.period_entries) for a in second.activities] == [
        ("2.1", "done", 1),
        ("2.2", "not_started", 0),
    ]
    assert (first.done, first.in_progress, first.not_started) == (0, 2, 0)
    assert (second.done, second.in_progress, second.not_started) == (1, 0, 1)
    assert (found.done, found.in_progress, found.not_started) == (1, 2, 1)


def test_the_reach_of_a_period_and_of_the_whole_project(log):
    """2025: e1, e2, e6, e7 (e3 is of 2026; drafts, submitted, returned, deleted and other projects' not)."""
    reach = figures(log, **YEAR_2025).reach
    assert (reach.entries, reach.participants_total, reach.organisations) == (4, 42, 3)  # X, Y and partner Z
    assert [n for _f, _l, n in reach.by_sex] == [23, 18, 1]
    assert [n for _f, _l, n in reach.by_age] == [5, 15, 10, 7, 5]
    assert reach.with_disabilities == 3
    whole = figures(log).reach
    assert (whole.entries, whole.participants_total, whole.women) == (5, 72, 43)


def test_activity_over_time_and_the_latest_entries(log):
    found = figures(log, **YEAR_2025)
    assert [(m.label, m.entries, m.participants) for m in found.months] == [
        ("Mar 2025", 1, 20), ("Jun 2025", 1, 10), ("Sep 2025", 1, 5), ("Dec 2025", 1, 7),
    ]  # fmt: skip
    assert found.activity_chart.table.rows == (
        ("Mar 2025", ("1",)), ("Jun 2025", ("1",)), ("Sep 2025", ("1",)), ("Dec 2025", ("1",)),
    )  # fmt: skip
    assert [e.pk for e in found.latest] == [log.entries[k].pk for k in ("e6", "e7", "e2", "e1")]
    assert found.latest[0].activity_code == "2.1" and found.latest[1].activity_code == ""


def test_sites_and_target_groups_reached(log):
    with scopes_disabled():
        row = {"network": log.network, "project": log.project}
        school = Site.objects.create(**row, position=1, name="VET school Baku", city="Baku", country="AZ")
        Site.objects.create(**row, position=2, name="VET school Ganja", city="Ganja", country="AZ")
        youth = TargetGroup.objects.create(**row, position=1, name="Young people")
        TargetGroup.objects.create(**row, position=2, name="Teachers")
        log.entries["e1"].site = school
        log.entries["e1"].save()
        log.entries["e2"].target_groups.add(youth)
        log.entries["e8"].target_groups.add(TargetGroup.objects.get(name="Teachers"))  # a draft: not counted
    found = figures(log, **YEAR_2025)
    assert found.sites == ("VET school Baku", "VET school Ganja") and found.sites_reached == ("VET school Baku",)
    assert found.target_groups == ("Young people", "Teachers") and found.target_groups_reached == ("Young people",)
    assert figures(log, period_start=date(2026, 1, 1), period_end=None).sites_reached == ()


def test_indicators_against_baseline_and_target(log, indicators):
    typed, computed = figures(log, **YEAR_2025).indicators
    assert typed.name == "Schools with a counsellor" and typed.result.title == "Counsellors"
    assert [(v.label, v.value, v.in_period) for v in typed.values] == [("2025", Decimal("4"), True)]  # 2026 not yet
    assert [(v.label, v.value) for v in computed.values] == [("2025", 16)]
    assert computed.values[0].breakdown == {"women": 16, "men": 13, "other_or_not_given": 1, "under_18": 5,
                                            "age_18_29": 15, "age_30_64": 10, "age_65_plus": 0, "age_not_given": 0,
                                            "with_disabilities": 2}  # fmt: skip
    assert typed.chart.table.rows == (("Baseline", ("0",)), ("2025", ("4",)), ("Target", ("10",)))
    assert computed.breakdown_chart.table.rows == (("2025", ("16", "13", "1")),)
    whole_typed, whole_computed = figures(log).indicators
    assert [v.label for v in whole_typed.values] == ["2025", "2026"]
    assert [(v.label, v.value) for v in whole_computed.values] == [("2025", 16), ("2026", 0), ("2027", 0)]


def test_an_indicator_is_on_track_when_it_came_as_far_as_the_time_ran(log, indicators):
    """Mid-project (30 June 2026, half the time): the typed one's latest value 8 of 10 is on track; the
    computed one's 16 of 100 (2025 + 2026) is behind. At the end of 2025 (a third of the time) 4 of 10 is on
    track too."""
    typed, computed = figures(log).indicators
    assert (typed.actual, typed.track) == (Decimal("8"), "on_track")
    assert (computed.actual, computed.track) == (16, "behind")
    assert figures(log, **YEAR_2025).indicators[0].track == "on_track"
    assert figures(log).on_track == 1
    assert dashboards.track(baseline=None, target=None, actual=3, share_of_time=0.5) == "not_assessed"
    assert dashboards.track(baseline=10, target=0, actual=4, share_of_time=0.5) == "on_track"  # a fall is the aim


def test_the_network_figures(log, indicators):
    """The network's log: its two projects and the network-level entry (9 women); a line per project."""
    found = dashboards.network_figures(network=log.network, today=TODAY)
    assert (found.reach.entries, found.reach.participants_total, found.reach.women) == (7, 1081, 52)
    rows = {row.pk: row for row in found.projects}
    ours, other = rows[log.project.pk], rows[log.other_project.pk]
    assert (ours.done, ours.in_progress, ours.not_started) == (0, 3, 1)
    assert (ours.indicators, ours.on_track, ours.entries, ours.participants) == (2, 1, 5, 72)
    assert (other.in_progress, other.indicators, other.entries, other.participants) == (1, 0, 1, 1000)
    in_2025 = dashboards.network_figures(network=log.network, today=TODAY, **YEAR_2025)
    assert in_2025.reach.entries == 6 and rows[log.project.pk].title == str(log.project.title)
    assert {row.pk: row.entries for row in in_2025.projects} == {log.project.pk: 4, log.other_project.pk: 1}
    assert len(found.latest) == 7 and found.latest[0].pk == log.entries["e3"].pk


def test_the_project_and_network_tables_agree_on_indicators_on_track(log, indicators):
    project = figures(log)
    row = next(
        r for r in dashboards.network_figures(network=log.network, today=TODAY).projects if r.pk == log.project.pk
    )
    assert (row.indicators, row.on_track) == (len(project.indicators), project.on_track)


def test_the_presets(log):
    presets = dashboards.presets(start=date(2025, 1, 1), end=date(2027, 12, 31), whole_label="Whole project",
                                 today=TODAY)  # fmt: skip
    assert [(p.label, p.start, p.end) for p in presets] == [
        ("Whole project", None, None),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2027", date(2027, 1, 1), date(2027, 12, 31)),
        ("Last 12 months", date(2025, 7, 1), TODAY),
    ]


def test_agreements_that_name_the_project(log, member):
    signed = date(2025, 2, 1)
    named = AgreementFactory(network=log.network, title="Cooperation in VET", framework="the VET4F project",
                             signed_on=signed)  # fmt: skip
    by_title = AgreementFactory(network=log.network, title="Second", framework="Project VET for the Future",
                                signed_on=signed)  # fmt: skip
    AgreementFactory(network=log.network, title="Not ours", framework="VET4FX and others", signed_on=signed)
    members_only = AgreementFactory(network=log.network, title="Internal", framework="VET4F", visibility="members",
                                    signed_on=signed)  # fmt: skip
    assert set(dashboards.project_agreements(project=log.project, user=member)) == {named, by_title, members_only}
    outsider = UserFactory()
    assert set(dashboards.project_agreements(project=log.project, user=outsider)) == {named, by_title}


# --- the pages ---------------------------------------------------------------------------------------------


def dashboard_url(project, **query):
    url = reverse("projects:dashboard", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def network_dashboard_url(network):
    return reverse("projects:network_dashboard", kwargs={"network_slug": network.slug})


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator", 200), ("member", 200), ("observer", 200), ("staff", 200), ("granted", 200),
     ("other_network_member", 404), ("signed_in", 404), ("anonymous", 302)],
)  # fmt: skip
def test_who_may_open_a_project_dashboard(client, log, coordinator, member, who, status):
    users = {
        "coordinator": coordinator,
        "member": member,
        "observer": person_in(log.network, Role.OBSERVER),
        "staff": UserFactory(is_staff=True),
        "granted": UserFactory(),
        "other_network_member": person_in(NetworkFactory(), Role.COORDINATOR),
        "signed_in": UserFactory(),
    }
    if who == "granted":
        assign_perm("projects.view_project", users["granted"], log.project)
    if who in users:
        client.force_login(users[who])
    response = client.get(dashboard_url(log.project))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_a_private_project_of_another_network_is_404_and_missing_ones_too(client, log, member):
    with scopes_disabled():
        Project.objects.filter(pk=log.project.pk).update(visibility="private")
    client.force_login(person_in(NetworkFactory(), Role.MEMBER))
    assert client.get(dashboard_url(log.project)).status_code == 404
    client.force_login(member)
    assert client.get(dashboard_url(log.project)).status_code == 200
    missing = reverse("projects:dashboard", kwargs={"network_slug": log.network.slug, "project_slug": "nothing"})
    assert client.get(missing).status_code == 404


def test_a_funder_let_in_through_a_door_sees_no_links_to_the_network(client, log, monkeypatch):
    """A private network's funder is no member: the door (tenancy.open_door) lets it reach the view, which
    shows the dashboard to the granted person and answers 404 to the others."""
    monkeypatch.setattr(tenancy, "_doors", {*tenancy._doors, "projects:dashboard"})
    with scopes_disabled():
        log.network.visibility = "private"
        log.network.save()
    funder = UserFactory()
    assign_perm("projects.view_project", funder, log.project)
    client.force_login(funder)
    response = client.get(dashboard_url(log.project))
    assert response.status_code == 200
    page = text(response)
    network_page = reverse("network:detail", kwargs={"network_slug": log.network.slug})
    assert f'href="{network_page}"' not in page and "/activities/" not in page
    assert "Training" in page  # the latest entries, named without links
    client.force_login(UserFactory())
    assert client.get(dashboard_url(log.project)).status_code == 404


def test_the_page_shows_the_figures_and_its_sections(client, log, member, indicators):
    client.force_login(member)
    page = text(client.get(dashboard_url(log.project, **{"from": "2025-01-01", "to": "2025-12-31"})))
    assert "Period: 2025" in page
    assert "<dt>Participants</dt><dd>42</dd>" in page and "<dt>Entries</dt><dd>4</dd>" in page
    assert "Schools with a counsellor" in page and "Women trained" in page and "On track" in page
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert len(sources) == page.count('class="chart-numbers"') >= 4  # every chart with its numbers
    # The page draws none: each is an image of its own. Its one script is the header's language switch.
    assert "<svg" not in page and re.findall(r"<script[^>]*>", page) == [
        f'<script src="{static("js/language.js")}" defer>'
    ]
    assert 'aria-current="true">2025</a>' in page
    for source in sources:
        assert source.startswith(dashboard_url(log.project) + "charts/") and source.endswith(
            ".svg?from=2025-01-01&to=2025-12-31"
        ), source
        chart = client.get(source)
        assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml; charset=utf-8"
        assert chart["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
        assert chart.content.startswith(b"<svg") and b"<script" not in chart.content


def chart_url(project, name, **query):
    url = reverse(
        "projects:dashboard_chart",
        kwargs={"network_slug": project.network.slug, "project_slug": project.slug, "chart": name},
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_a_chart_is_drawn_for_the_period_asked_and_only_for_those_who_see_the_dashboard(client, log, member):
    client.force_login(member)
    whole = client.get(chart_url(log.project, "activity")).content.decode()
    year = client.get(chart_url(log.project, "activity", **{"from": "2025-01-01", "to": "2025-12-31"})).content
    assert whole != year.decode()  # the period's own months
    assert client.get(chart_url(log.project, "no-such-chart")).status_code == 404
    assert client.get(chart_url(log.project, "indicator-999999")).status_code == 404
    client.force_login(UserFactory())  # signed in, not of the network, granted nothing
    assert client.get(chart_url(log.project, "activity")).status_code == 404
    client.logout()
    assert client.get(chart_url(log.project, "activity")).status_code == 302  # to log in


def test_the_network_dashboards_charts_are_its_own(client, log, member):
    client.force_login(member)
    page = text(client.get(network_dashboard_url(log.project.network)))
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert sources and all(s.startswith(network_dashboard_url(log.project.network) + "charts/") for s in sources)
    assert all(client.get(s).content.startswith(b"<svg") for s in sources)
    bad = reverse("projects:network_dashboard_chart", kwargs={"network_slug": log.project.network.slug, "chart": "x"})
    assert client.get(bad).status_code == 404


def test_a_period_in_the_wrong_order_is_said_on_the_page(client, log, member):
    client.force_login(member)
    response = client.get(dashboard_url(log.project, **{"from": "2025-12-31", "to": "2025-01-01"}))
    assert response.status_code == 200
    page = text(response)
    assert "The period cannot end before it starts." in page and "That period cannot be shown" in page
    assert "<dt>Entries</dt><dd>5</dd>" in page  # the whole project's figures
    response = client.get(dashboard_url(log.project, **{"from": "yesterday"}))
    assert response.status_code == 200 and "Enter a valid date." in text(response)


def test_a_period_with_no_data_says_so(client, log, member):
    client.force_login(member)
    page = text(client.get(dashboard_url(log.project, **{"from": "2030-01-01", "to": "2030-12-31"})))
    assert "Nothing in this period" in page and "No approved activity log entries in this period." in page
    page = text(client.get(network_dashboard_url(log.network) + "?from=2030-01-01&to=2030-12-31"))
    assert "Nothing in this period" in page


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator", 200), ("member", 200), ("observer", 200), ("granted", 403), ("anonymous", 302)],
)  # fmt: skip
def test_who_may_open_the_network_dashboard(client, log, coordinator, member, who, status):
    users = {"coordinator": coordinator, "member": member, "observer": person_in(log.network, Role.OBSERVER),
             "granted": UserFactory()}  # fmt: skip
    if who == "granted":
        assign_perm("projects.view_project", users["granted"], log.project)
    if who in users:
        client.force_login(users[who])
    assert client.get(network_dashboard_url(log.network)).status_code == status


def test_the_network_dashboard_is_404_to_another_private_network(client, log):
    with scopes_disabled():
        log.network.visibility = "private"
        log.network.save()
    client.force_login(person_in(NetworkFactory(), Role.COORDINATOR))
    assert client.get(network_dashboard_url(log.network)).status_code == 404


def test_the_network_dashboard_page(client, log, member):
    client.force_login(member)
    page = text(client.get(network_dashboard_url(log.network)))
    assert "<dt>Participants</dt><dd>1,081</dd>" in page
    assert dashboard_url(log.project) in page and dashboard_url(log.other_project) in page
    assert "0 done, 3 in progress, 1 not started" in page


def test_the_project_page_links_the_dashboard_for_those_who_may_see_it(client, log, member):
    detail = reverse("projects:detail", kwargs={"network_slug": log.network.slug, "project_slug": log.project.slug})
    assert dashboard_url(log.project) not in text(client.get(detail))  # a visitor of the public project
    client.force_login(member)
    assert dashboard_url(log.project) in text(client.get(detail))


def test_the_network_nav_has_the_dashboard_tab_for_members(client, log, member):
    url = reverse("network:detail", kwargs={"network_slug": log.network.slug})
    assert network_dashboard_url(log.network) not in text(client.get(url))
    client.force_login(member)
    assert network_dashboard_url(log.network) in text(client.get(url))


# --- a fixed number of queries ---------------------------------------------------------------------------


def _grow(network, project, n):
    """`n` approved entries of `project`, on n different days over 2025–2026, by n organisations."""
    with scopes_disabled():
        activity = project.activities.order_by("code").first()
    for i in range(n):
        ActivityEntryFactory(network=network, project=project, activity=activity, status="approved",
                             start_date=date(2025 + i % 2, 1 + i % 12, 1 + i % 28), end_date=date(2026, 12, 31),
                             participants_total=10, women=5, men=5)  # fmt: skip


def test_the_project_dashboard_keeps_its_queries_whatever_the_size(client, network, member):
    small = project_with_logframe(network, components=1, activities=1, results=1, indicators=1, partners=1,
                                  slug="small")  # fmt: skip
    large = project_with_logframe(network, components=4, activities=5, results=4, indicators=12, partners=6,
                                  slug="large")  # fmt: skip
    _grow(network, small, 3)
    _grow(network, large, 30)
    client.force_login(member)
    for query in ({}, {"from": "2025-01-01", "to": "2025-12-31"}):
        assert (
            page_queries(client, dashboard_url(small, **query))[0]
            == page_queries(client, dashboard_url(large, **query))[0]
        )


def test_the_network_dashboard_keeps_its_queries_whatever_the_number_of_projects(client, member):
    sizes = {}
    for n in (3, 30):
        network = NetworkFactory(slug=f"network-{n}")
        viewer = person_in(network, Role.MEMBER)
        for p in range(n):
            project = project_with_logframe(network, components=1, activities=2, results=1, indicators=2,
                                            partners=1, slug=f"p{p}")  # fmt: skip
            with scopes_disabled():
                indicator = project.indicators.first()
                indicator.source, indicator.measure, indicator.breakdown = "log", "participants", "all"
                indicator.save()
            _grow(network, project, 2)
        client.force_login(viewer)
        sizes[n] = page_queries(client, network_dashboard_url(network))[0]
    assert sizes[3] == sizes[30]
