"""Reporting-period locks (projects.services.periods): an entry dated in a locked period cannot be changed
by any service until a coordinator reopens the period with a reason; who may lock and reopen; the log;
the page."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from network.models import Role
from portal.models import AuditEntry
from portal.permissions import check
from projects.models import ActivityEntry, EntryAttachment, ReportingPeriodLock
from projects.services.attachments import attachment_delete, attachments_add
from projects.services.entries import (
    entry_approve,
    entry_create,
    entry_delete,
    entry_restore,
    entry_return,
    entry_submit,
    entry_update,
    entry_withdraw,
)
from projects.services.periods import period_lock, period_reopen
from tests.factories import NetworkFactory, PartnerFactory, ProjectFactory, org, person_in
from tests.projects.test_attachments import pdf

pytestmark = pytest.mark.django_db

Q1 = {"start": date(2025, 1, 1), "end": date(2025, 3, 31)}
IN_Q1, IN_Q2 = date(2025, 3, 3), date(2025, 4, 7)


@pytest.fixture
def partner(network, project):
    user = person_in(network, Role.MEMBER, name="Partner school")
    PartnerFactory(project=project, organisation=user.affiliations.get().organisation)
    return user


def log(network, user, day=IN_Q1, **changes):
    data = {"title": "Training of career counsellors", "kind": "training", "start_date": day, "end_date": day,
            "participants_total": 20, **changes}  # fmt: skip
    return entry_create(network=network, acting_user=user, organisation=org(user), data=data)


def in_state(network, user, state, **changes):
    """An entry logged before any lock, brought to `state` through the services."""
    entry = log(network, user, **changes)
    if state == "draft":
        return entry
    entry = entry_submit(entry=entry, acting_user=user)
    if state == "submitted":
        return entry
    with scopes_disabled():
        coordinator = person_in(network, Role.COORDINATOR)
    if state == "deleted":
        return entry_delete(entry=entry, acting_user=coordinator)
    raise ValueError(state)


def lock(network, coordinator, project=None, **period):
    return period_lock(network=network, project=project, note="Interim report sent", acting_user=coordinator,
                       **(period or Q1))  # fmt: skip


def refused(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


def stored(entry):
    return ActivityEntry.objects.filter(network=entry.network, pk=entry.pk).values().get()


def expected_message(coordinator, project=None):
    who = coordinator.get_full_name() or coordinator.email
    today = timezone.localdate().strftime("%-d %B %Y")
    if project is not None:
        return (f"The reporting period 1 January 2025 – 31 March 2025 of {project.acronym} is locked (by {who} on "
                f"{today}): its entries cannot be changed unless a coordinator reopens it.")  # fmt: skip
    return (f"The reporting period 1 January 2025 – 31 March 2025 is locked for the whole network (by {who} on "
            f"{today}): its entries cannot be changed unless a coordinator reopens it.")  # fmt: skip


# Every service that changes an entry, with the state it acts on and who calls it.
SERVICES = {
    "update": ("draft", "partner", lambda e, u: entry_update(entry=e, acting_user=u, data={"title": "Changed"})),
    "submit": ("draft", "partner", lambda e, u: entry_submit(entry=e, acting_user=u)),
    "withdraw": ("submitted", "partner", lambda e, u: entry_withdraw(entry=e, acting_user=u)),
    "approve": ("submitted", "coordinator", lambda e, u: entry_approve(entry=e, acting_user=u)),
    "return": ("submitted", "coordinator", lambda e, u: entry_return(entry=e, acting_user=u, reason="Dates?")),
    "delete": ("draft", "coordinator", lambda e, u: entry_delete(entry=e, acting_user=u)),
    "restore": ("deleted", "coordinator", lambda e, u: entry_restore(entry=e, acting_user=u)),
}


@pytest.mark.usefixtures("in_scope")
@pytest.mark.parametrize("service", SERVICES)
def test_every_service_is_refused_in_a_locked_period_and_allowed_once_reopened(network, partner, coordinator, service):
    state, who, call = SERVICES[service]
    user = {"partner": partner, "coordinator": coordinator}[who]
    entry = in_state(network, partner, state)
    period = lock(network, coordinator)
    before, logged = stored(entry), AuditEntry.objects.filter(action__startswith="entry.").count()

    error = refused(lambda: call(entry, user))

    assert error.messages == [expected_message(coordinator)]
    assert stored(entry) == before
    assert AuditEntry.objects.filter(action__startswith="entry.").count() == logged

    period_reopen(lock=period, reason="The donor asked for a correction", acting_user=coordinator)
    call(ActivityEntry.objects.get(network=network, pk=entry.pk), user)
    assert stored(entry) != before


@pytest.mark.usefixtures("in_scope")
def test_logging_an_entry_in_a_locked_period_is_refused_on_its_date(network, partner, coordinator):
    lock(network, coordinator)
    error = refused(lambda: log(network, partner, day=IN_Q1))
    assert error.message_dict == {"start_date": [expected_message(coordinator)]}
    assert not ActivityEntry.objects.exists()
    # The day after the period is open.
    assert log(network, partner, day=date(2025, 4, 1)).pk
    # The first and the last day are inside.
    for day in (Q1["start"], Q1["end"]):
        assert "start_date" in refused(lambda day=day: log(network, partner, day=day)).message_dict


@pytest.mark.usefixtures("in_scope")
def test_moving_an_entry_into_or_out_of_a_locked_period_is_refused(network, partner, coordinator):
    outside = log(network, partner, day=IN_Q2)
    inside = log(network, partner, day=IN_Q1)
    lock(network, coordinator)

    into = refused(lambda: entry_update(entry=outside, acting_user=partner,
                                        data={"start_date": IN_Q1, "end_date": IN_Q1}))  # fmt: skip
    out_of = refused(lambda: entry_update(entry=inside, acting_user=partner,
                                          data={"start_date": IN_Q2, "end_date": IN_Q2}))  # fmt: skip

    assert into.message_dict == {"start_date": [expected_message(coordinator)]}
    assert out_of.messages == [expected_message(coordinator)]
    assert stored(outside)["start_date"] == IN_Q2 and stored(inside)["start_date"] == IN_Q1
    # Inside the open period, the entry still moves freely.
    may_day = date(2025, 5, 2)
    entry_update(entry=outside, acting_user=partner, data={"start_date": may_day, "end_date": may_day})
    assert stored(outside)["start_date"] == date(2025, 5, 2)


@pytest.mark.usefixtures("in_scope")
def test_a_project_lock_closes_that_projects_entries_only(network, project, partner, coordinator):
    other_project = ProjectFactory(network=network, acronym="OTHER")
    PartnerFactory(project=other_project, organisation=org(partner))
    of_project = log(network, partner, project=project)
    of_other = log(network, partner, project=other_project)
    network_level = log(network, partner)
    lock(network, coordinator, project=project, **Q1)

    error = refused(lambda: entry_submit(entry=of_project, acting_user=partner))
    assert error.messages == [expected_message(coordinator, project)]
    entry_submit(entry=of_other, acting_user=partner)
    entry_submit(entry=network_level, acting_user=partner)
    # Moving an entry into the locked project, on the same date, is refused on the project.
    moved = refused(lambda: entry_update(entry=of_other, acting_user=coordinator, data={"project": project.pk}))
    assert moved.message_dict == {"project": [expected_message(coordinator, project)]}
    assert stored(of_other)["project_id"] == other_project.pk


@pytest.mark.usefixtures("in_scope")
def test_a_network_lock_closes_every_projects_entries(network, project, partner, coordinator):
    of_project, network_level = log(network, partner, project=project), log(network, partner)
    lock(network, coordinator)
    for entry in (of_project, network_level):
        assert refused(lambda entry=entry: entry_submit(entry=entry, acting_user=partner)).messages == [
            expected_message(coordinator)
        ]


@pytest.mark.usefixtures("in_scope")
def test_a_reopened_lock_and_another_networks_lock_do_not_count(network, partner, coordinator):
    entry = log(network, partner)
    period_reopen(lock=lock(network, coordinator), reason="Correction", acting_user=coordinator)
    with scopes_disabled():
        elsewhere = NetworkFactory()
    with scope(network=elsewhere):
        lock(elsewhere, person_in(elsewhere, Role.COORDINATOR))
    assert entry_submit(entry=entry, acting_user=partner).status == "submitted"


# --- the rules ---------------------------------------------------------------------------------------


@pytest.fixture
def people(network, partner, coordinator, member):
    with scopes_disabled():
        elsewhere = NetworkFactory()
    return {
        "partner": partner,
        "other_member": member,
        "observer": person_in(network, Role.OBSERVER),
        "coordinator": coordinator,
        "anonymous": AnonymousUser(),
        "other_coordinator": person_in(elsewhere, Role.COORDINATOR),
    }


RULES = {
    "see_period_locks": {"partner", "other_member", "observer", "coordinator"},
    "lock_period": {"coordinator"},
    "reopen_period": {"coordinator"},
}


@pytest.mark.usefixtures("in_scope")
@pytest.mark.parametrize("rule", RULES)
def test_who_may_see_lock_and_reopen(network, people, coordinator, rule):
    target = lock(network, coordinator) if rule == "reopen_period" else network
    assert {who for who, user in people.items() if check(rule, user, target)} == RULES[rule]


@pytest.mark.usefixtures("in_scope")
@pytest.mark.parametrize("who", ["partner", "other_member", "observer", "anonymous", "other_coordinator"])
def test_only_coordinators_lock_and_reopen(network, people, coordinator, who):
    with pytest.raises(PermissionDenied):
        lock(network, people[who])
    period = lock(network, coordinator)
    with pytest.raises(PermissionDenied):
        period_reopen(lock=period, reason="Because", acting_user=people[who])
    assert ReportingPeriodLock.objects.get().is_active


# --- validation and the log ------------------------------------------------------------------------------


@pytest.mark.usefixtures("in_scope")
def test_locking_and_reopening_are_in_the_log_with_the_reason(network, project, coordinator):
    period = lock(network, coordinator, project=project, **Q1)
    period_reopen(lock=period, reason="  The donor asked for a correction  ", acting_user=coordinator)

    entries = AuditEntry.objects.filter(network=network, action__startswith="period.").order_by("pk")
    assert [(e.action, e.acting_user, e.object_id) for e in entries] == [
        ("period.locked", coordinator, period.pk), ("period.reopened", coordinator, period.pk)
    ]  # fmt: skip
    assert entries[0].after == {"project": project.pk, "start": "2025-01-01", "end": "2025-03-31",
                                "note": "Interim report sent"}  # fmt: skip
    assert entries[1].after == {"reopened": True, "reopen_reason": "The donor asked for a correction"}
    period.refresh_from_db()
    assert (period.reopened_by, period.reopen_reason, period.is_active) == (
        coordinator, "The donor asked for a correction", False
    )  # fmt: skip


@pytest.mark.usefixtures("in_scope")
def test_reopening_needs_a_reason_and_happens_once(network, coordinator):
    period = lock(network, coordinator)
    assert refused(lambda: period_reopen(lock=period, reason="  ", acting_user=coordinator)).message_dict == {
        "reason": ["Say why the period is reopened; the log keeps it."]
    }
    assert ReportingPeriodLock.objects.get().is_active
    period_reopen(lock=period, reason="Correction", acting_user=coordinator)
    assert refused(lambda: period_reopen(lock=period, reason="Again", acting_user=coordinator)).messages == [
        "This period has already been reopened."
    ]
    assert AuditEntry.objects.filter(action="period.reopened").count() == 1


@pytest.mark.usefixtures("in_scope")
def test_a_period_ending_before_it_starts_or_another_networks_project_is_refused(network, coordinator):
    backwards = refused(lambda: lock(network, coordinator, start=date(2025, 3, 1), end=date(2025, 2, 1)))
    assert backwards.message_dict == {"end": ["The period cannot end before it starts."]}
    with scopes_disabled():
        foreign = ProjectFactory(network=NetworkFactory())
    assert refused(lambda: lock(network, coordinator, project=foreign, **Q1)).message_dict == {
        "project": ["Choose one of this network's projects."]
    }
    assert not ReportingPeriodLock.objects.exists()


# --- the page ------------------------------------------------------------------------------------------


def _url(network, name="projects:entry_periods", **kwargs):
    return reverse(name, kwargs={"network_slug": network.slug, **kwargs})


def test_a_coordinator_locks_and_reopens_a_period_on_the_page(client, network, project, coordinator):
    client.force_login(coordinator)
    response = client.post(_url(network), {"lock-project": project.slug, "lock-start": "2025-01-01",
                                           "lock-end": "2025-03-31", "lock-note": "Report 1 sent"})  # fmt: skip
    assert response.status_code == 302
    with scope(network=network):
        period = ReportingPeriodLock.objects.get()
    assert (period.project, period.start, period.end, period.note) == (project, Q1["start"], Q1["end"], "Report 1 sent")
    page = client.get(_url(network)).content.decode()
    assert "Report 1 sent" in page and "Reopen this period" in page

    reopen = _url(network, "projects:entry_period_reopen", lock_id=period.pk)
    assert client.post(reopen, {"reason": ""}).status_code == 302
    with scope(network=network):
        assert ReportingPeriodLock.objects.get().is_active  # no reason: nothing reopened
    client.post(reopen, {"reason": "Correction for the donor"})
    page = client.get(_url(network)).content.decode()
    assert "Correction for the donor" in page and "Reopened" in page


def test_a_bad_lock_form_says_why_next_to_the_field(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(_url(network), {"lock-start": "2025-03-01", "lock-end": "2025-02-01"})
    assert response.status_code == 400
    assert "The period cannot end before it starts." in response.content.decode()
    with scope(network=network):
        assert not ReportingPeriodLock.objects.exists()


@pytest.mark.parametrize(
    ("who", "get", "post"),
    [("partner", 200, 403), ("observer", 200, 403), ("coordinator", 200, 302), ("anonymous", 302, 302),
     ("other_coordinator", 403, 403)],
)  # fmt: skip
def test_who_may_open_the_page_and_lock(client, network, people, coordinator, who, get, post):
    if who != "anonymous":
        client.force_login(people[who])
    assert client.get(_url(network)).status_code == get
    response = client.post(_url(network), {"lock-start": "2025-01-01", "lock-end": "2025-03-31"})
    assert response.status_code == post
    if who == "anonymous":
        assert "/accounts/login/" in response["Location"]
    with scope(network=network):
        assert ReportingPeriodLock.objects.exists() == (who == "coordinator")
        period = lock(network, coordinator)
    client.post(_url(network, "projects:entry_period_reopen", lock_id=period.pk), {"reason": "x"})
    with scope(network=network):
        assert ReportingPeriodLock.objects.get(pk=period.pk).is_active == (who != "coordinator")


def test_another_networks_lock_is_404_under_this_address(client, network, coordinator):
    with scopes_disabled():
        elsewhere = NetworkFactory()
    with scope(network=elsewhere):
        foreign = lock(elsewhere, person_in(elsewhere, Role.COORDINATOR))
    client.force_login(coordinator)
    reopen = _url(network, "projects:entry_period_reopen", lock_id=foreign.pk)
    assert client.post(reopen, {"reason": "x"}).status_code == 404
    with scope(network=elsewhere):
        assert ReportingPeriodLock.objects.get(pk=foreign.pk).is_active


def test_the_page_takes_the_same_number_of_queries_for_3_and_20_locks(client, network, project, coordinator):
    """Each row names the project and two people: loaded with the locks, not per row."""
    client.force_login(coordinator)
    counts = []
    for size in (3, 20):
        with scope(network=network):
            while ReportingPeriodLock.objects.count() < size:
                n = ReportingPeriodLock.objects.count()
                period = lock(network, coordinator, project=project if n % 2 else None,
                              start=date(2000 + n, 1, 1), end=date(2000 + n, 12, 31))  # fmt: skip
                if n % 3 == 0:
                    period_reopen(lock=period, reason=f"Correction {n}", acting_user=coordinator)
        client.get(_url(network))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_url(network))
        assert response.content.decode().count("<tr>") == size + 1  # the header and a row per lock
        counts.append(len(queries))
    print(f"\nlocked periods page: {counts[0]} queries for 3 locks, {counts[1]} for 20")
    assert counts[0] == counts[1], counts


@pytest.mark.usefixtures("in_scope", "media_root")
def test_files_of_an_entry_in_a_locked_period_are_neither_added_nor_removed(network, partner, coordinator):
    """An entry's files are part of what was reported: attaching or removing one is refused like an edit."""
    entry = log(network, partner)
    (agenda,) = attachments_add(entry=entry, files=[pdf()], kind="attachment", acting_user=partner)
    lock(network, coordinator)
    error = refused(
        lambda: attachments_add(entry=entry, files=[pdf("list.pdf")], kind="attachment", acting_user=partner)
    )
    assert error.message_dict == {"attachments": [expected_message(coordinator)]}
    error = refused(lambda: attachment_delete(attachment=agenda, acting_user=coordinator))
    assert error.messages == [expected_message(coordinator)]
    assert list(EntryAttachment.objects.filter(network=network).values_list("original_name", flat=True)) == [
        "agenda.pdf"
    ]
