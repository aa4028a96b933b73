"""The activity log's lists (projects/views/activities.py): the list with its filters and search, the month
calendar, and the coordinators' queue with its bulk approve, for each kind of person."""

import re
from datetime import date

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from network.models import Network, Role
from portal import permissions
from portal.models import AuditEntry
from projects.models import ActivityEntry
from projects.services.entries import entry_submit, entry_update, entry_withdraw
from projects.views import activities
from projects.views.activities import CALENDAR_PER_DAY
from tests.factories import ActivityEntryFactory, ActivityFactory, NetworkFactory, PartnerFactory, org, person_in
from tests.pages import messages, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(network, project, coordinator, member):
    """Each kind of person the issue names; `member` is the project's partner."""
    PartnerFactory(project=project, organisation=org(member))
    return {
        "partner": member,
        "other_member": person_in(network, Role.MEMBER, name="Youth Centre Ganja"),
        "observer": person_in(network, Role.OBSERVER, name="Donor office"),
        "coordinator": coordinator,
        "anonymous": None,
        "elsewhere": person_in(NetworkFactory(), Role.COORDINATOR, name="Another network's coordinator"),
    }


@pytest.fixture
def entries(network, project, people):
    """One entry of each kind a list must tell apart."""
    activity = ActivityFactory(project=project, code="1.4")
    partner, other = org(people["partner"]), org(people["other_member"])
    make = ActivityEntryFactory
    return {
        "approved": make(network=network, project=project, activity=activity, organisation=partner,
                         status="approved", title="Career guidance training", start_date=date(2025, 3, 3),
                         end_date=date(2025, 3, 5), participants_total=31),
        "partner_draft": make(network=network, project=project, organisation=partner, title="Partner draft",
                              start_date=date(2025, 3, 10), end_date=date(2025, 3, 10)),
        "other_submitted": make(network=network, organisation=other, status="submitted", kind="meeting",
                                title="Other organisation's meeting", start_date=date(2025, 3, 12),
                                end_date=date(2025, 3, 12), submitted_at=timezone.now()),
        "network_level": make(network=network, organisation=other, status="approved", kind="conference",
                              title="Network conference", start_date=date(2025, 4, 2), end_date=date(2025, 4, 2)),
        "deleted": make(network=network, organisation=partner, status="approved", title="Deleted workshop",
                        deleted_at=timezone.now()),
    }  # fmt: skip


def sign_in(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def url(name, network, query=""):
    path = reverse(f"projects:{name}", kwargs={"network_slug": network.slug})
    return f"{path}?{query}" if query else path


def titles(response):
    return {str(entry.title) for entry in response.context["entries"]}


ALL = {"Career guidance training", "Partner draft", "Other organisation's meeting", "Network conference"}
APPROVED = {"Career guidance training", "Network conference"}
SEES = {
    "partner": APPROVED | {"Partner draft"},
    "other_member": APPROVED | {"Other organisation's meeting"},
    "observer": APPROVED,
    "coordinator": ALL,
    "anonymous": APPROVED,
    "elsewhere": APPROVED,  # the network is public: what any visitor sees
}


# --- the list -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(SEES))
def test_each_person_sees_the_entries_they_may(client, network, people, entries, role):
    response = sign_in(client, people, role).get(url("entries", network))
    assert response.status_code == 200
    assert titles(response) == SEES[role]
    assert "Deleted workshop" not in text(response)


def test_a_row_shows_date_title_kind_project_activity_organisation_participants_and_status(
    client, network, people, entries
):
    page = text(sign_in(client, people, "coordinator").get(url("entries", network)))
    row = re.search(r"<tr>(?:(?!</tr>).)*Career guidance training.*?</tr>", page, re.S).group(0)
    for shown in ("2025-03-03", "2025-03-05", "Training", "VET4F · 1.4", "State Agency on Vocational Education",
                  ">31<", "Approved"):  # fmt: skip
        assert shown in row
    assert "Network-level work" in page  # the conference has no project


def test_the_title_links_to_the_entry_page_once_it_exists(client, network, people, entries):
    page = text(sign_in(client, people, "coordinator").get(url("entries", network)))
    try:
        detail = reverse(
            "projects:entry_detail", kwargs={"network_slug": network.slug, "entry_id": entries["approved"].pk}
        )
    except NoReverseMatch:  # entry-pages' route not merged yet: the title is plain text, and nothing breaks
        assert "Career guidance training" in page
    else:
        assert f'href="{detail}"' in page


def test_coordinators_find_deleted_entries_behind_the_status_filter(client, network, people, entries):
    response = sign_in(client, people, "coordinator").get(url("entries", network, "status=deleted"))
    assert titles(response) == {"Deleted workshop"}
    assert "Deleted" in text(response)
    response = sign_in(client, people, "partner").get(url("entries", network, "status=deleted"))
    assert "Deleted workshop" not in titles(response)
    assert 'id="id_filter_status_error"' in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=guidance", {"Career guidance training"}),
        ("q=guid", {"Career guidance training"}),  # a word's beginning is enough
        ("q=vocational+agency", {"Career guidance training", "Partner draft"}),  # the organisation's name
        ("project=vet4f", {"Career guidance training", "Partner draft"}),
        ("kind=meeting", {"Other organisation's meeting"}),
        ("status=draft", {"Partner draft"}),
        ("from=2025-03-11&to=2025-03-31", {"Other organisation's meeting"}),
    ],
)
def test_the_filters_narrow_the_list(client, network, people, entries, query, expected):
    response = sign_in(client, people, "coordinator").get(url("entries", network, query))
    assert titles(response) == expected
    assert "match" in text(response)


def test_the_planned_activity_filter_shows_once_a_project_is_chosen(client, network, people, entries):
    coordinator = sign_in(client, people, "coordinator")
    assert 'name="activity"' not in coordinator.get(url("entries", network)).content.decode()
    activity = entries["approved"].activity
    response = coordinator.get(url("entries", network, f"project=vet4f&activity={activity.pk}"))
    assert 'name="activity"' in response.content.decode()
    assert titles(response) == {"Career guidance training"}


def test_the_organisation_filter(client, network, people, entries):
    query = f"organisation={org(people['other_member']).pk}"
    response = sign_in(client, people, "coordinator").get(url("entries", network, query))
    assert titles(response) == {"Other organisation's meeting", "Network conference"}


def test_a_forged_filter_shows_everything_with_the_message_next_to_the_field(client, network, people, entries):
    response = sign_in(client, people, "coordinator").get(url("entries", network, "from=2025-05-01&to=2025-04-01"))
    assert response.status_code == 200
    assert titles(response) == ALL
    assert 'id="id_filter_to_error"' in response.content.decode()
    assert "all entries are shown" in text(response)


def test_the_empty_states_say_why(client, network, people):
    page = text(sign_in(client, people, "observer").get(url("entries", network)))
    assert "No activities logged yet." in page
    page = text(sign_in(client, people, "observer").get(url("entries", network, "q=nothing")))
    assert "No entries match the filters." in page


def test_the_list_is_paged_and_the_pages_keep_the_filters(client, network, people):
    with scopes_disabled():
        ActivityEntryFactory.create_batch(30, network=network, status="approved", kind="meeting")
    response = sign_in(client, people, "observer").get(url("entries", network, "kind=meeting"))
    assert len(response.context["entries"]) == 25
    assert "kind=meeting&amp;page=2" in response.content.decode()
    response = client.get(url("entries", network, "kind=meeting&page=2"))
    assert len(response.context["entries"]) == 5


def test_past_the_counted_entries_the_list_says_more_and_pages_up_to_them(client, network, people, monkeypatch):
    """At 100,000 entries a whole count cost more than the page: the list counts up to ENTRIES_COUNTED."""
    monkeypatch.setattr(activities, "ENTRIES_COUNTED", 30)
    with scopes_disabled():
        ActivityEntryFactory.create_batch(31, network=network, status="approved", kind="meeting")
    response = sign_in(client, people, "observer").get(url("entries", network))
    page = response.context["page"]
    assert (page.paginator.count, page.paginator.capped, page.paginator.num_pages) == (30, True, 2)
    assert "More than 30 entries; the pages show the newest 30, the filters find the others." in text(response)
    assert "Page 1 of 2" in text(response)
    filtered = client.get(url("entries", network, "kind=meeting"))
    assert "More than 30 entries match; the pages show the newest 30." in text(filtered)
    last = client.get(url("entries", network, "page=2"))
    assert [e.pk for e in last.context["entries"]] == [e.pk for e in rows_in_order(network)[25:30]]
    for past in ("3", "99", "x"):  # past the cap, the last page (a non-number: the first), never a 500
        answer = client.get(url("entries", network, f"page={past}"))
        assert answer.status_code == 200
        assert answer.context["page"].number == (1 if past == "x" else 2)
    monkeypatch.setattr(activities, "ENTRIES_COUNTED", 31)  # exactly at the cap: counted, no "more than"
    response = client.get(url("entries", network))
    assert (response.context["page"].paginator.count, response.context["page"].paginator.capped) == (31, False)
    assert "31 entries" in text(response) and "More than" not in text(response)


def rows_in_order(network):
    with scopes_disabled():
        return list(ActivityEntry.objects.filter(network=network, deleted_at=None).order_by("-start_date", "-pk"))


def test_log_an_activity_only_for_those_who_may(client, network, people):
    try:
        create = reverse("projects:entry_create", kwargs={"network_slug": network.slug})
    except NoReverseMatch:
        create = None  # entry-pages' form not merged yet: no button anywhere
    network = Network.objects.get(pk=network.pk)
    for role in SEES:
        page = sign_in(client, people, role).get(url("entries", network)).content.decode()
        may = people[role] is not None and permissions.check("log_entry", people[role], network)
        assert may == (role in {"partner", "other_member", "coordinator"})
        assert (f'href="{create}"' in page) == bool(create and may), role
        client.logout()


def test_the_network_nav_has_an_activities_tab(client, network, people):
    page = sign_in(client, people, "anonymous").get(reverse("network:detail", kwargs={"network_slug": network.slug}))
    assert f'href="{url("entries", network)}"' in page.content.decode()


def test_a_private_network_lists_nothing_to_outsiders(client, people, entries, network):
    Network.objects.filter(pk=network.pk).update(visibility="private")
    assert sign_in(client, people, "elsewhere").get(url("entries", network)).status_code == 404
    client.logout()
    assert sign_in(client, people, "anonymous").get(url("entries", network)).status_code == 404
    assert titles(sign_in(client, people, "partner").get(url("entries", network))) == SEES["partner"]


def test_search_reads_every_language_and_the_text_the_services_wrote(client, network, people, entries):
    """The services keep the search document up to date: an edit's new words are found, the old ones not."""
    entry = entries["partner_draft"]
    with scope(network=network):
        entry_update(
            entry=entry,
            acting_user=people["partner"],
            data={
                "title": {"en": "Teacher training", "az": "Müəllim təlimi"},
                "outcomes": "Forty counsellors certified",
            },
        )
    coordinator = sign_in(client, people, "coordinator")
    for query in ("q=müəllim", "q=counsellors", "q=teacher+certified"):
        assert titles(coordinator.get(url("entries", network, query))) == {"Teacher training"}, query
    assert titles(coordinator.get(url("entries", network, "q=partner+draft"))) == set()


def test_a_search_of_no_words_finds_nothing(client, network, people, entries):
    response = sign_in(client, people, "coordinator").get(url("entries", network, "q=%21%3A%2A%26"))
    assert response.status_code == 200
    assert titles(response) == set()


# --- the calendar -------------------------------------------------------------------------------------


def calendar_days(response):
    return {day.day: day for week in response.context["month"].weeks for day in week}


@pytest.mark.parametrize("role", sorted(SEES))
def test_the_calendar_shows_each_entry_on_its_start_day_to_who_may_see_it(client, network, people, entries, role):
    response = sign_in(client, people, role).get(url("entry_calendar", network, "month=2025-03"))
    assert response.status_code == 200
    shown = {str(e.title) for day in calendar_days(response).values() for e in day.entries}
    assert shown == SEES[role] - {"Network conference"}  # that one is in April
    if "Career guidance training" in shown:
        assert [str(e.title) for e in calendar_days(response)[date(2025, 3, 3)].entries] == ["Career guidance training"]


def test_the_calendar_links_the_months_around_and_keeps_the_filters(client, network, people, entries):
    response = sign_in(client, people, "coordinator").get(url("entry_calendar", network, "month=2025-03&kind=meeting"))
    page = response.content.decode()
    assert "kind=meeting&amp;month=2025-02" in page and "kind=meeting&amp;month=2025-04" in page
    shown = {str(e.title) for day in calendar_days(response).values() for e in day.entries}
    assert shown == {"Other organisation's meeting"}
    assert f"{url('entries', network)}?kind=meeting" in page  # "show them as a list"


@pytest.mark.parametrize("value", ["2025-13", "march", "0000-01", "2025-1", "9999-12", "2025-03-01"])
def test_a_bad_month_shows_this_month_with_a_message(client, network, people, value):
    response = sign_in(client, people, "observer").get(url("entry_calendar", network, f"month={value}"))
    assert response.status_code == 200
    assert response.context["month"].first == timezone.localdate().replace(day=1)
    assert any("is not a month" in m for m in messages(response))


def test_a_busy_day_shows_a_few_entries_and_links_to_the_rest(client, network, people):
    with scopes_disabled():
        ActivityEntryFactory.create_batch(
            CALENDAR_PER_DAY + 4, network=network, status="approved", start_date=date(2025, 3, 20)
        )
    response = sign_in(client, people, "observer").get(url("entry_calendar", network, "month=2025-03"))
    day = calendar_days(response)[date(2025, 3, 20)]
    assert (len(day.entries), day.count, day.more) == (CALENDAR_PER_DAY, CALENDAR_PER_DAY + 4, 4)
    assert "+4 more" in text(response)
    more = f"{url('entries', network)}?from=2025-03-20&amp;to=2025-03-20"
    assert more in response.content.decode()
    assert len(client.get(url("entries", network, "from=2025-03-20&to=2025-03-20")).context["entries"]) == 7


def test_the_calendar_is_whole_weeks_from_monday(client, network, people):
    response = sign_in(client, people, "observer").get(url("entry_calendar", network, "month=2025-03"))
    days = sorted(calendar_days(response))
    assert (days[0], days[-1], len(days)) == (date(2025, 2, 24), date(2025, 4, 6), 42)
    assert all(len(week) == 7 for week in response.context["month"].weeks)


# --- the queue and the bulk approve -------------------------------------------------------------------

QUEUE = {"coordinator": 200, "partner": 403, "other_member": 403, "observer": 403, "elsewhere": 403, "anonymous": 302}


@pytest.mark.parametrize("role", sorted(QUEUE))
def test_only_coordinators_open_the_queue(client, network, people, entries, role):
    response = sign_in(client, people, role).get(url("entry_queue", network))
    assert response.status_code == QUEUE[role]
    if QUEUE[role] == 200:
        assert titles(response) == {"Other organisation's meeting"}


def submitted(network, people, n):
    """`n` entries of the other member, submitted through the service, oldest first."""
    with scopes_disabled():
        rows = ActivityEntryFactory.create_batch(n, network=network, organisation=org(people["other_member"]))
    with scope(network=network):
        return [entry_submit(entry=row, acting_user=people["other_member"]) for row in rows]


def approve(client, network, rows, **overrides):
    data = {"entry": [str(row.pk) for row in rows]}
    data.update({f"seen-{row.pk}": row.updated_at.isoformat() for row in rows})
    data.update(overrides)
    return client.post(url("entry_bulk_approve", network), data, follow=True)


def statuses(rows):
    with scopes_disabled():
        return [ActivityEntry.objects.get(pk=row.pk).status for row in rows]


def test_the_queue_lists_the_submitted_entries_oldest_first_and_counts_them(client, network, people):
    rows = submitted(network, people, 3)
    response = sign_in(client, people, "coordinator").get(url("entry_queue", network))
    assert [e.pk for e in response.context["entries"]] == [row.pk for row in rows]
    page = response.content.decode()
    assert re.search(r'Waiting for approval <span class="tab-count">3<', page)
    assert page.count('name="entry"') == 3


def test_a_long_queue_is_counted_up_to_a_cap_on_its_tab_and_its_page(client, network, people, monkeypatch):
    from projects.templatetags import activities as tags

    monkeypatch.setattr(tags, "WAITING_COUNTED", 2)
    monkeypatch.setattr(activities, "ENTRIES_COUNTED", 2)
    rows = submitted(network, people, 3)
    response = sign_in(client, people, "coordinator").get(url("entry_queue", network))
    page = response.content.decode()
    assert re.search(r'Waiting for approval <span class="tab-count">2\+<', page)
    assert "More than 2 entries wait; the pages show the oldest 2." in text(response)
    assert [e.pk for e in response.context["entries"]] == [row.pk for row in rows[:2]]
    monkeypatch.setattr(tags, "WAITING_COUNTED", 3)
    assert re.search(r'<span class="tab-count">3<', client.get(url("entries", network)).content.decode())


def test_bulk_approve_approves_the_chosen_entries(client, network, people):
    rows = submitted(network, people, 3)
    response = approve(sign_in(client, people, "coordinator"), network, rows[:2])
    assert statuses(rows) == ["approved", "approved", "submitted"]
    assert messages(response) == ["2 entries approved."]
    with scopes_disabled():
        assert AuditEntry.objects.filter(action="entry.approved").count() == 2


def test_an_entry_withdrawn_meanwhile_is_skipped_and_named_the_others_approved(client, network, people):
    rows = submitted(network, people, 3)
    with scope(network=network):
        entry_withdraw(entry=rows[1], acting_user=people["other_member"])
    response = approve(sign_in(client, people, "coordinator"), network, rows)
    assert statuses(rows) == ["approved", "draft", "approved"]
    (message,) = messages(response)
    assert message.startswith("2 of 3 entries approved.")
    assert f"“{rows[1].title}”: This entry is a draft: it has not been submitted." in message


def test_an_entry_deleted_meanwhile_is_skipped(client, network, people):
    rows = submitted(network, people, 2)
    with scopes_disabled():
        ActivityEntry.objects.filter(pk=rows[0].pk).update(deleted_at=timezone.now())
    (message,) = messages(approve(sign_in(client, people, "coordinator"), network, rows))
    assert statuses(rows) == ["submitted", "approved"]
    assert f"“{rows[0].title}”: This entry was deleted." in message


@pytest.mark.parametrize(
    "forge",
    [
        lambda rows, foreign: {"entry": [str(rows[0].pk), str(foreign.pk)], f"seen-{foreign.pk}": "2025-01-01T00:00"},
        lambda rows, foreign: {"entry": [str(rows[0].pk), "abc"]},
        lambda rows, foreign: {f"seen-{rows[0].pk}": "yesterday"},
        lambda rows, foreign: {"entry": []},
    ],
    ids=["another network's entry", "not an id", "a forged version", "nothing chosen"],
)
def test_bad_input_approves_nothing_with_a_message(client, network, people, forge):
    rows = submitted(network, people, 2)
    with scopes_disabled():
        foreign = ActivityEntryFactory(status="submitted")
    response = approve(sign_in(client, people, "coordinator"), network, rows, **forge(rows, foreign))
    assert response.status_code == 200
    assert statuses(rows) == ["submitted", "submitted"]
    assert statuses([foreign]) == ["submitted"]
    (message,) = messages(response)
    assert "nothing was approved" in message or "Choose the entries" in message


@pytest.mark.parametrize("role", ["partner", "other_member", "observer", "elsewhere", "anonymous"])
def test_only_coordinators_bulk_approve(client, network, people, role):
    rows = submitted(network, people, 1)
    response = approve(sign_in(client, people, role), network, rows)
    assert response.status_code in (403, 200)  # 200: the login page the anonymous were sent to
    assert statuses(rows) == ["submitted"]


def test_bulk_approve_answers_only_post(client, network, people):
    assert sign_in(client, people, "coordinator").get(url("entry_bulk_approve", network)).status_code == 405


def test_an_entry_edited_meanwhile_is_skipped(client, network, people):
    """The coordinator approves what the queue showed: an entry changed since is looked at again."""
    rows = submitted(network, people, 2)
    with scope(network=network):
        entry_update(entry=rows[0], acting_user=people["coordinator"], data={"participants_total": 40})
    (message,) = messages(approve(sign_in(client, people, "coordinator"), network, rows))
    assert statuses(rows) == ["submitted", "approved"]
    assert f"“{rows[0].title}”: This entry changed since you opened it" in message
