"""reports.services: asking for a report (reuse, changed data, bad parameters, refusals), the render run
by the task in this process (eager), retries, failures, and exactly one stored file per job."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from reports import services
from reports.models import ReportJob
from tests.reports.conftest import KIND, ask, committed

pytestmark = pytest.mark.django_db


def job_files(job):
    """Every file in the folder of the job's file (the tests that use it have no other job)."""
    folder, _ = job.file_name.rsplit("/", 1)
    try:
        return default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return []


def fresh(job):
    with scopes_disabled():
        return ReportJob.objects.get(pk=job.pk)


def test_a_request_renders_the_pdf_stores_one_file_and_mails_the_requester(project, people, media_root):
    job = fresh(ask(project, people.member, title="Progress in Syunik"))

    assert job.status == ReportJob.Status.DONE and job.progress == 100
    assert job.kind == KIND and job.requested_by == people.member and job.attempts == 1
    assert job.started_at <= job.finished_at and job.error == ""
    with default_storage.open(job.file.name) as file:
        assert file.read().startswith(b"%PDF-")
    assert job.file.name == job.file_name and job_files(job) == [job.file_name.rsplit("/", 1)[1]]
    assert job.key not in job.file.name  # the stored name does not give the page's address away
    [message] = mail.outbox
    assert message.to == [people.member.email]
    assert f"/reports/{job.key}/" in message.body and "Career guidance in Syunik" in message.subject


def test_the_same_request_over_unchanged_data_reuses_the_finished_job(project, people, media_root):
    first = ask(project, people.member, title="A")
    again = ask(project, people.coordinator, title="A")  # someone else, same request: the same file

    assert again.pk == first.pk
    with scopes_disabled():
        assert ReportJob.objects.count() == 1
    assert len(mail.outbox) == 1  # nothing rendered, nothing sent again


def test_a_second_click_opens_the_requesters_job_still_waiting_but_not_someone_elses(project, people):
    from reports.services import report_request

    def click(user):  # not committed: the job stays waiting
        with scope(network=project.network):
            return report_request(kind=KIND, subject=project, parameters={}, language="en", acting_user=user)

    first = click(people.member)
    assert click(people.member).pk == first.pk
    assert click(people.coordinator).pk != first.pk  # theirs: they get the e-mail of their own request


@pytest.mark.parametrize(
    "change",
    [
        {"title": "B"},  # other parameters
        {"language": "hy"},  # another language
    ],
)
def test_another_request_is_another_job(project, people, media_root, change):
    first = ask(project, people.member, title="A")
    other = ask(project, people.member, **{"title": "A", **change})
    assert other.pk != first.pk


def test_changed_data_makes_a_new_job(project, people, media_root):
    first = ask(project, people.member, title="A")
    with scope(network=project.network):
        project.title = "Career guidance in Syunik and Lori"
        project.save()

    second = ask(project, people.member, title="A")

    assert second.pk != first.pk and fresh(second).status == ReportJob.Status.DONE
    assert fresh(first).data_version != fresh(second).data_version


@pytest.mark.parametrize(
    ("parameters", "field"),
    [({"steps": "many"}, "steps"), ({"delay": "-1"}, "delay"), ({"colour": "red"}, "colour")],
)
def test_bad_parameters_are_a_message_on_the_field_and_save_nothing(project, people, parameters, field):
    with pytest.raises(ValidationError) as error:
        ask(project, people.member, **parameters)
    assert field in error.value.message_dict
    with scopes_disabled():
        assert not ReportJob.objects.exists()


def test_a_language_not_offered_is_refused(project, people):
    with pytest.raises(ValidationError) as error:
        ask(project, people.member, language="de")
    assert "language" in error.value.message_dict


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_someone_the_kind_refuses_cannot_ask(project, people, who):
    with pytest.raises(PermissionDenied):
        ask(project, getattr(people, who))
    with scopes_disabled():
        assert not ReportJob.objects.exists()


def test_a_render_error_fails_the_job_with_its_reason_and_no_file(project, people, media_root):
    job = fresh(ask(project, people.member, fail="render"))

    assert job.status == ReportJob.Status.FAILED
    assert job.error == "The project has no logframe to report on yet."
    assert not job.file and job_files(job) == [] and mail.outbox == []


def test_an_unexpected_error_fails_the_job_with_a_general_reason(project, people, media_root):
    job = fresh(ask(project, people.member, fail="crash"))

    assert job.status == ReportJob.Status.FAILED
    assert "Try again" in job.error and "bug" not in job.error  # no internals shown to the user


def test_a_transient_error_is_retried_then_fails_the_job(project, people, media_root, retries_run_here):
    job = fresh(ask(project, people.member, fail="transient"))

    assert job.status == ReportJob.Status.FAILED
    assert job.attempts == 6  # the first run and the task base's 5 retries
    assert "did not answer" in job.error


def test_retry_queues_a_failed_job_again(project, people, media_root, published):
    job = fresh(ask(project, people.member, fail="render"))
    published.clear()
    with scope(network=project.network):
        ReportJob.objects.filter(pk=job.pk).update(parameters={**job.parameters, "fail": ""})  # the cause fixed
        with committed():
            again = services.report_retry(job=fresh(job), acting_user=people.member)

    assert again.pk == job.pk and fresh(job).status == ReportJob.Status.DONE and fresh(job).error == ""
    assert published == [("reports.tasks.render_report", {"network": project.network.pk, "job_id": job.pk})]


def test_retry_is_refused_for_a_job_that_did_not_fail_and_for_outsiders(project, people, media_root):
    done = fresh(ask(project, people.member))
    failed = fresh(ask(project, people.member, fail="render"))
    with scope(network=project.network):
        with pytest.raises(PermissionDenied):
            services.report_retry(job=done, acting_user=people.member)
        with pytest.raises(PermissionDenied):
            services.report_retry(job=failed, acting_user=people.outsider)
    assert fresh(failed).status == ReportJob.Status.FAILED


def test_a_finished_job_is_never_rendered_again(project, people, media_root):
    job = fresh(ask(project, people.member))
    stored_at = default_storage.get_modified_time(job.file.name)

    with scope(network=project.network):
        services.report_render(network=project.network, job_id=job.pk)

    assert fresh(job).attempts == 1 and default_storage.get_modified_time(job.file.name) == stored_at
    assert len(mail.outbox) == 1  # and the e-mail is not sent twice


def test_a_second_run_after_a_kill_between_storing_and_marking_done_leaves_one_file(project, people, media_root):
    """A worker killed after it stored the file but before it marked the job done: the row still says
    running, the file is there. The next run renders again and writes over it: one file."""
    job = fresh(ask(project, people.member))
    with scopes_disabled():
        ReportJob.objects.filter(pk=job.pk).update(status="running", file="", finished_at=None, progress=40)
    assert job_files(job) == [job.file_name.rsplit("/", 1)[1]]

    with scope(network=project.network):
        services.report_render(network=project.network, job_id=job.pk)

    job = fresh(job)
    assert job.status == "done" and job.attempts == 2 and job.file.name == job.file_name
    assert job_files(job) == [job.file_name.rsplit("/", 1)[1]]


def test_a_superseded_run_writes_nothing(project, people, media_root):
    """Progress and the outcome are written under the run's claim only: a run whose job was claimed by
    another run since (sent again by the sweeper) leaves the row to that run."""
    job = fresh(ask(project, people.member, fail="render"))
    with scopes_disabled():
        ReportJob.objects.filter(pk=job.pk).update(status="running", claim="another-run", error="", progress=0)
        assert not services._under_claim(job, "old-run", status="done", progress=100)
        progress = services._Progress(job, "old-run")
        progress(0.5)
    assert fresh(job).status == "running" and fresh(job).progress == 0


def test_progress_is_written_throttled(project, people, media_root, monkeypatch):
    job = fresh(ask(project, people.member))
    with scopes_disabled():
        ReportJob.objects.filter(pk=job.pk).update(status="running", claim="run", progress=0)
    writes = []
    original = services._under_claim
    monkeypatch.setattr(services, "_under_claim", lambda *a, **values: writes.append(values) or original(*a, **values))
    progress = services._Progress(job, "run")
    with scope(network=project.network):
        for step in range(101):
            progress(step / 100)

    assert 0 < len(writes) <= 21  # every 5 points at most, within a second
    assert 95 <= fresh(job).progress == writes[-1]["progress"] <= 99  # 100 is written with the file


# --- the sweeper ---------------------------------------------------------------------------------------


def test_the_sweeper_sends_lost_and_orphaned_jobs_again_and_fails_one_that_keeps_dying(
    project, people, media_root, published
):
    done = fresh(ask(project, people.member))
    lost = fresh(ask(project, people.member, title="lost"))
    orphaned = fresh(ask(project, people.member, title="orphaned"))
    dying = fresh(ask(project, people.member, title="dying"))
    waiting = fresh(ask(project, people.member, title="waiting"))
    running = fresh(ask(project, people.member, title="running"))
    now = timezone.now()
    long_ago = now - datetime.timedelta(minutes=30)
    with scopes_disabled():
        set_ = ReportJob.objects.filter
        set_(pk=lost.pk).update(status="queued", enqueued_at=long_ago, file="")
        set_(pk=orphaned.pk).update(status="running", started_at=long_ago, enqueued_at=long_ago, attempts=1)
        set_(pk=dying.pk).update(status="running", started_at=long_ago, enqueued_at=long_ago, attempts=3, claim="c")
        set_(pk=waiting.pk).update(status="queued", enqueued_at=now - datetime.timedelta(minutes=2))
        set_(pk=running.pk).update(status="running", started_at=now - datetime.timedelta(minutes=2), attempts=1)
    published.clear()

    with scopes_disabled(), committed():  # as the periodic task runs it, over every network
        assert services.report_sweep(now=now) == {"requeued": 2, "failed": 1}

    sent = {kwargs["job_id"] for name, kwargs in published if name == "reports.tasks.render_report"}
    assert sent == {lost.pk, orphaned.pk}
    assert fresh(lost).status == fresh(orphaned).status == "done"  # rendered (eagerly, here)
    dying = fresh(dying)
    assert dying.status == "failed" and "stopped 3 times" in dying.error
    assert not default_storage.exists(dying.file_name)  # the file an earlier run stored belongs to nobody
    assert fresh(waiting).status == "queued" and fresh(running).status == "running"
    assert fresh(done).status == "done"


def test_a_broker_down_at_the_commit_leaves_the_job_queued_and_the_request_succeeds(
    project, people, media_root, monkeypatch
):
    from kombu.exceptions import OperationalError

    from reports import tasks

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.render_report, "delay", broker_down)
    job = fresh(ask(project, people.member))
    assert job.status == "queued" and job.enqueued_at is not None  # the sweeper sends it later


def test_a_run_that_will_be_retried_leaves_the_job_waiting_for_the_retry(project, people, media_root):
    """Between a transient error and its retry (up to 10 minutes of backoff) the job waits: the sweeper
    judges it by when it was last sent, not as a run whose worker died."""
    job = fresh(ask(project, people.member, fail="render"))
    with scopes_disabled():
        ReportJob.objects.filter(pk=job.pk).update(status="queued", parameters={**job.parameters, "fail": "transient"})
    before = timezone.now()

    with scope(network=project.network), pytest.raises(ConnectionError):
        services.report_render(network=project.network, job_id=job.pk, last_try=False)

    job = fresh(job)
    assert job.status == "queued" and job.enqueued_at >= before and job.attempts == 2


def _report_subject(job, language):
    from portal.mail import _render_text

    with translation.override(language), scope(network=job.network):
        context = {"job": job, "network": job.network, "subject": job.subject}
        return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(
            _render_text("email/report_ready_subject.txt", context).split()
        )


def test_the_ready_mail_is_in_the_requester_s_language_else_in_the_report_s(project, people, media_root):
    people.member.language = "sl"
    people.member.save(update_fields=["language"])
    job = fresh(ask(project, people.member, title="English report", language="en"))
    second = fresh(ask(project, people.coordinator, title="Polish report", language="pl"))  # chose none
    mine, theirs = mail.outbox
    assert mine.to == [people.member.email] and theirs.to == [people.coordinator.email]
    assert mine.subject == _report_subject(job, "sl") != _report_subject(job, "en")
    assert theirs.subject == _report_subject(second, "pl") != _report_subject(second, "en")
