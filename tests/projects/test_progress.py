"""A planned activity's progress: not started / in progress from the approved entries, done when a coordinator
says so (projects.services.progress), with its figures and the link to its entries on the project page."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_scopes import scopes_disabled

from network.models import Role
from portal.models import AuditEntry
from projects import selectors
from projects.models import Activity
from projects.services.progress import activity_mark_done, activity_reopen
from tests.factories import NetworkFactory, person_in
from tests.pages import messages, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]


def progress(log):
    activities = list(Activity.objects.filter(project=log.project))
    by_id = selectors.activity_progress(project=log.project, activities=activities)
    return {a.code: by_id[a.pk] for a in activities}


def test_progress_counts_the_approved_entries_of_each_activity(log):
    """1.1: e1 and e2 (the deleted e5 not); 1.2: e3 (the submitted e4 not); 2.1: e6; 2.2 has only a draft
    and a returned entry: not started."""
    P = selectors.ActivityProgress
    assert progress(log) == {
        "1.1": P("in_progress", entries=2, participants=30, last_date=date(2025, 6, 10)),
        "1.2": P("in_progress", entries=1, participants=30, last_date=date(2026, 2, 1)),
        "2.1": P("in_progress", entries=1, participants=7, last_date=date(2025, 12, 31)),
        "2.2": P("not_started"),
    }


def test_done_is_a_coordinators_word_and_reopening_takes_it_back(log, coordinator):
    activity = log.activities["2.2"]
    activity_mark_done(activity=activity, acting_user=coordinator)
    activity.refresh_from_db()
    assert activity.done_at is not None and activity.done_by == coordinator
    assert progress(log)["2.2"].status == "done"  # done without entries: the coordinator knows

    activity_reopen(activity=activity, acting_user=coordinator)
    activity.refresh_from_db()
    assert (activity.done_at, activity.done_by) == (None, None)
    assert progress(log)["2.2"].status == "not_started"


def test_each_step_is_in_the_audit_log(log, coordinator):
    activity = log.activities["1.1"]
    activity_mark_done(activity=activity, acting_user=coordinator)
    activity_reopen(activity=activity, acting_user=coordinator)
    done, reopened = AuditEntry.objects.filter(object_id=activity.pk, action__startswith="logframe.activity.").order_by(
        "pk"
    )
    assert (done.action, reopened.action) == ("logframe.activity.done", "logframe.activity.reopened")
    assert done.acting_user == coordinator and done.object_repr.startswith("1.1 ")
    assert done.before == {"done_at": None, "done_by": None}
    assert done.after["done_by"] == coordinator.pk and done.after["done_at"]
    assert reopened.after == {"done_at": None, "done_by": None}


def test_marking_twice_or_reopening_an_open_activity_is_refused_with_a_message(log, coordinator):
    activity = log.activities["1.1"]
    with pytest.raises(ValidationError) as caught:
        activity_reopen(activity=activity, acting_user=coordinator)
    assert caught.value.message_dict == {"done_at": ["Activity 1.1 is not marked done."]}
    activity_mark_done(activity=activity, acting_user=coordinator)
    with pytest.raises(ValidationError) as caught:
        activity_mark_done(activity=activity, acting_user=coordinator)
    assert caught.value.message_dict == {"done_at": ["Activity 1.1 is already marked done."]}
    assert AuditEntry.objects.filter(action="logframe.activity.done").count() == 1


@pytest.mark.parametrize("role", [Role.MEMBER, Role.OBSERVER])
def test_only_coordinators_mark_done(log, network, role):
    with pytest.raises(PermissionDenied):
        activity_mark_done(activity=log.activities["1.1"], acting_user=person_in(network, role))
    assert Activity.objects.get(pk=log.activities["1.1"].pk).done_at is None


def test_another_networks_coordinator_cannot_mark_done(log):
    with scopes_disabled():
        stranger = person_in(NetworkFactory(), Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        activity_mark_done(activity=log.activities["1.1"], acting_user=stranger)


# --- the project page ----------------------------------------------------------------------------------


def project_url():
    return reverse("projects:detail", kwargs={"network_slug": "vet-for-the-future", "project_slug": "vet4f"})


def action_url(activity, verb):
    return reverse(
        f"projects:activity_{verb}",
        kwargs={"network_slug": "vet-for-the-future", "project_slug": "vet4f", "activity_id": activity.pk},
    )


def test_the_project_page_shows_each_activitys_progress_and_links_its_entries(client, log):
    html = client.get(project_url()).content.decode()
    entries = f"/networks/vet-for-the-future/activities/?project=vet4f&amp;activity={log.activities['1.1'].pk}"
    assert f'<a href="{entries}&amp;status=approved">2 approved entries</a>' in html
    assert "<span>30 participants</span>" in html
    assert "last on 10 Jun 2025" in html
    assert html.count('class="pill pill-info">In progress</span>') == 3
    assert html.count('class="pill pill-neutral">Not started</span>') == 1
    assert "Mark done" not in html  # visitors see the progress, not the buttons
    assert "0 of 4 planned activities done." in text(client.get(project_url()))


def test_the_project_page_shows_the_projects_reach(client, log):
    page = text(client.get(project_url()))
    assert "<dt>Participants</dt><dd>72</dd>" in page
    assert "<dt>Entries</dt><dd>5</dd>" in page
    assert "<dt>Organisations involved</dt><dd>3</dd>" in page
    assert "<dt>Persons with disabilities</dt><dd>6</dd>" in page
    assert '<th scope="row">Women</th><td class="num">43</td>' in page
    assert '<th scope="row">18–29</th><td class="num">45</td>' in page


def test_a_coordinator_marks_done_and_reopens_on_the_page(client, log, coordinator):
    client.force_login(coordinator)
    activity = log.activities["1.2"]
    response = client.post(action_url(activity, "done"))
    assert response.status_code == 302 and response.url == project_url() + "#activity-1.2"
    response = client.get(response.url)
    assert messages(response) == ["Activity 1.2 is marked done."]
    assert 'class="pill pill-ok">Done</span>' in response.content.decode()
    assert "1 of 4 planned activities done." in text(response)
    assert f'action="{action_url(activity, "reopen")}"' in response.content.decode()

    response = client.post(action_url(activity, "done"), follow=True)  # pressed twice: a message, not a 500
    assert messages(response) == ["Activity 1.2 is already marked done."]
    client.post(action_url(activity, "reopen"))
    assert Activity.objects.get(pk=activity.pk).done_at is None


def test_a_member_may_not_mark_done_and_a_get_does_nothing(client, log, member):
    client.force_login(member)
    assert client.post(action_url(log.activities["1.1"], "done")).status_code == 403
    assert client.get(action_url(log.activities["1.1"], "done")).status_code == 405
    assert Activity.objects.get(pk=log.activities["1.1"].pk).done_at is None


def test_another_projects_activity_is_not_found_here(client, log, coordinator):
    client.force_login(coordinator)
    assert client.post(action_url(log.other_activity, "done")).status_code == 404
