"""network/tasks.py on the task bases of portal/celery.py: each e-mail goes once, however often its job runs;
transient SMTP errors are retried and permanent ones are not; jobs are sent only when the service's
transaction commits; a wrong call fails at `.delay()`.

Jobs run eagerly here (test settings); the `smtp` fixture (tests/conftest.py) stands in for an SMTP server
that fails on cue, `published` records what is handed to Celery.
"""

import smtplib
from datetime import timedelta

import pytest
from celery.app.task import Task
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from network import tasks
from network.models import Membership, Role
from network.services.memberships import membership_request
from network.tasks import agreement_expiry_reminders
from tests.factories import (
    AffiliationFactory,
    AgreementFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    person_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name="Career Guidance Network", slug="cgn")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR)


def _membership(network, **kwargs):
    applicant = AffiliationFactory().user
    membership = MembershipFactory(
        network=network,
        organisation=applicant.affiliations.get().organisation,
        requested_by=applicant,
        **{"status": Membership.Status.REQUESTED, **kwargs},
    )
    return membership


# Each notification job, the row it claims its marker on, and that marker.
def _join_request(network):
    membership = _membership(network)
    return tasks.notify_join_request, {"membership_id": membership.pk}, membership, "request_notified_at"


def _decision(network):
    membership = _membership(network, status=Membership.Status.ACTIVE)
    return tasks.notify_membership_decision, {"membership_id": membership.pk}, membership, "decision_notified_at"


def _invitation(network):
    invitation = InvitationFactory(network=network)
    return tasks.send_invitation, {"invitation_id": invitation.pk}, invitation, "sent_at"


def _expiry(network):
    agreement = AgreementFactory(network=network, valid_until=timezone.localdate() + timedelta(days=10))
    kwargs = {"agreement_id": agreement.pk, "days_left": 10}
    return tasks.notify_agreement_expiry, kwargs, agreement, "reminded_14_at"


JOBS = [_join_request, _decision, _invitation, _expiry]


def _marker(row, marker):
    with scopes_disabled():
        row.refresh_from_db()
    return getattr(row, marker)


def _call_the_body(task, kwargs):
    task(**kwargs)


def _apply(task, kwargs):
    task.apply(kwargs=kwargs).get()


# --- once, however often a job runs ----------------------------------------------------------------


@pytest.mark.parametrize("run", [_call_the_body, _apply], ids=["body", "apply"])
@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.__name__.strip("_"))
def test_a_notification_job_run_twice_sends_one_e_mail(network, coordinator, smtp, mailoutbox, job, run):
    task, kwargs, row, marker = job(network)
    kwargs = {"network": network.pk, **kwargs}

    run(task, kwargs)
    run(task, kwargs)  # a redelivery, or a retry after the message went out

    assert len(mailoutbox) == 1
    assert _marker(row, marker) is not None


def test_a_job_whose_marker_is_already_set_sends_nothing(network, coordinator, mailoutbox):
    membership = _membership(network, request_notified_at=timezone.now())

    tasks.notify_join_request(network=network.pk, membership_id=membership.pk)

    assert mailoutbox == []


# --- retries ---------------------------------------------------------------------------------------

TRANSIENT = [
    smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    smtplib.SMTPConnectError(421, b"Too many connections"),
    smtplib.SMTPDataError(451, b"Temporary local problem"),
    smtplib.SMTPRecipientsRefused({"x@example.org": (450, b"Mailbox busy")}),
    ConnectionRefusedError(111, "Connection refused"),
    TimeoutError("timed out"),
]
PERMANENT = [
    smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"No such user")}),
    smtplib.SMTPAuthenticationError(535, b"Authentication credentials invalid"),
    smtplib.SMTPDataError(554, b"Message rejected"),
]


@pytest.mark.parametrize("error", TRANSIENT, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.__name__.strip("_"))
def test_a_transient_smtp_error_is_retried_and_the_retry_sends_one_e_mail(
    network, coordinator, smtp, mailoutbox, retries_run_here, job, error
):
    task, kwargs, row, marker = job(network)
    smtp.errors = [error]

    result = task.apply(kwargs={"network": network.pk, **kwargs})

    assert result.successful()
    assert smtp.attempts == 2  # the failed try released its claim, so the retry could send
    assert len(mailoutbox) == 1
    assert _marker(row, marker) is not None


@pytest.mark.parametrize("error", PERMANENT, ids=lambda e: f"{type(e).__name__}")
@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.__name__.strip("_"))
def test_a_permanent_smtp_error_is_not_retried(network, coordinator, smtp, mailoutbox, retries_run_here, job, error):
    task, kwargs, row, marker = job(network)
    smtp.errors = [error]

    result = task.apply(kwargs={"network": network.pk, **kwargs})

    assert result.failed() and result.result is error
    assert smtp.attempts == 1
    assert mailoutbox == []
    # Released: nothing went out, so the row must not say it did (a later run may send).
    assert _marker(row, marker) is None


def test_a_mail_server_that_stays_down_is_tried_a_bounded_number_of_times(
    network, coordinator, smtp, mailoutbox, retries_run_here
):
    task, kwargs, row, marker = _join_request(network)
    smtp.errors = [smtplib.SMTPServerDisconnected("down")] * 20

    result = task.apply(kwargs={"network": network.pk, **kwargs})

    assert result.failed() and isinstance(result.result, smtplib.SMTPServerDisconnected)
    assert smtp.attempts == task.max_retries + 1
    assert _marker(row, marker) is None


def test_the_backoff_grows_with_each_retry_and_is_capped(network, coordinator, smtp, retries_run_here, monkeypatch):
    countdowns = []
    original = Task.retry

    def record(self, *args, **kwargs):
        countdowns.append(kwargs["countdown"])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Task, "retry", record)
    monkeypatch.setattr(tasks.notify_join_request, "retry_jitter", False)
    task, kwargs, _row, _marker_name = _join_request(network)
    smtp.errors = [smtplib.SMTPServerDisconnected("down")] * 20

    task.apply(kwargs={"network": network.pk, **kwargs})

    assert countdowns == [30, 60, 120, 240, 480, 600]


# --- sent after commit, never after a rollback -----------------------------------------------------


class ViewFailed(Exception):
    pass


def test_nothing_is_queued_when_the_service_transaction_rolls_back(
    network, coordinator, published, mailoutbox, django_capture_on_commit_callbacks
):
    applicant = AffiliationFactory().user
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(ViewFailed), scope(network=network), transaction.atomic():
            membership_request(
                network=network, organisation=applicant.affiliations.get().organisation, acting_user=applicant
            )
            raise ViewFailed  # something after the service fails: its row is rolled back

    assert (published, callbacks, mailoutbox) == ([], [], [])
    with scopes_disabled():
        assert not Membership.objects.filter(requested_by=applicant).exists()


def test_a_job_delayed_inside_a_transaction_that_rolls_back_is_never_sent(
    network, coordinator, published, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(network=network)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(ViewFailed), transaction.atomic():
            tasks.send_invitation.delay(network=network.pk, invitation_id=invitation.pk)
            raise ViewFailed

    assert (published, callbacks, mailoutbox) == ([], [], [])


def test_the_service_job_is_queued_when_its_transaction_commits_not_before(
    network, coordinator, published, mailoutbox, django_capture_on_commit_callbacks
):
    applicant = AffiliationFactory().user
    with django_capture_on_commit_callbacks() as callbacks, scope(network=network):
        membership = membership_request(
            network=network, organisation=applicant.affiliations.get().organisation, acting_user=applicant
        )
        assert (published, mailoutbox) == ([], [])  # still inside the transaction

    for callback in callbacks:  # the commit
        callback()

    expected_kwargs = {"network": network.pk, "membership_id": membership.pk}
    assert published == [("network.tasks.notify_join_request", expected_kwargs)]
    assert [m.to for m in mailoutbox] == [[coordinator.email]]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_a_job_is_sent_at_once(published, mailoutbox):
    network = NetworkFactory()
    invitation = InvitationFactory(network=network)

    tasks.send_invitation.delay(network=network.pk, invitation_id=invitation.pk)

    assert published == [("network.tasks.send_invitation", {"network": network.pk, "invitation_id": invitation.pk})]
    assert [m.to for m in mailoutbox] == [[invitation.email]]


# --- Celery's argument check -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda n: tasks.notify_join_request.delay(network=n.pk), id="no membership_id"),
        pytest.param(lambda n: tasks.notify_join_request.delay(membership_id=1), id="no network"),
        pytest.param(lambda n: tasks.notify_join_request.delay(network=n, membership_id=1), id="network object"),
        pytest.param(lambda n: tasks.notify_join_request.delay(network_id=n.pk, membership_id=1), id="old name"),
        pytest.param(lambda n: tasks.send_invitation.delay(n.pk, 1), id="positional"),
        pytest.param(
            lambda n: tasks.notify_agreement_expiry.delay(network=n.pk, agreement_id=1, days=3), id="unknown kwarg"
        ),
    ],
)
def test_a_wrong_call_fails_at_delay_and_queues_nothing(network, published, django_capture_on_commit_callbacks, call):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(TypeError):
        call(network)

    assert (published, callbacks) == ([], [])


# --- the expiry reminders: claimed by the job, batched over one connection --------------------------


def test_two_sweeps_before_either_job_runs_send_one_reminder(
    network, coordinator, smtp, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    agreement = AgreementFactory(network=network, valid_until=today + timedelta(days=14))

    with django_capture_on_commit_callbacks(execute=True):
        assert agreement_expiry_reminders(today=today) == [(agreement.pk, 14)]
        assert agreement_expiry_reminders(today=today) == [(agreement.pk, 14)]  # e.g. beat ran twice

    assert len(mailoutbox) == 1


def test_a_reminder_that_could_not_be_sent_goes_with_the_next_sweep(
    network, coordinator, smtp, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    agreement = AgreementFactory(network=network, valid_until=today + timedelta(days=10))
    smtp.errors = [smtplib.SMTPRecipientsRefused({coordinator.email: (550, b"Mailbox unavailable")})]

    # The job runs at the commit, when the capture block ends: the refusal comes out there.
    with pytest.raises(smtplib.SMTPRecipientsRefused), django_capture_on_commit_callbacks(execute=True):
        agreement_expiry_reminders(today=today)
    assert (_marker(agreement, "reminded_14_at"), _marker(agreement, "reminded_60_at")) == (None, None)

    with django_capture_on_commit_callbacks(execute=True):
        agreement_expiry_reminders(today=today + timedelta(days=1))

    assert len(mailoutbox) == 1
    assert _marker(agreement, "reminded_14_at") and _marker(agreement, "reminded_60_at")


def test_a_wider_marker_set_earlier_is_kept_when_a_nearer_reminder_fails(network, coordinator, smtp):
    earlier = timezone.now() - timedelta(days=46)
    agreement = AgreementFactory(
        network=network, valid_until=timezone.localdate() + timedelta(days=14), reminded_60_at=earlier
    )
    smtp.errors = [smtplib.SMTPAuthenticationError(535, b"Bad credentials")]

    with pytest.raises(smtplib.SMTPAuthenticationError):
        tasks.notify_agreement_expiry.apply(
            kwargs={"network": network.pk, "agreement_id": agreement.pk, "days_left": 14}
        )

    assert _marker(agreement, "reminded_60_at") == earlier
    assert _marker(agreement, "reminded_14_at") is None


@pytest.mark.parametrize("job", [_expiry, _join_request], ids=["expiry reminder", "join request"])
def test_a_mail_to_several_coordinators_goes_over_one_smtp_connection(network, coordinator, smtp, mailoutbox, job):
    others = [person_in(network, Role.COORDINATOR) for _ in range(3)]
    task, kwargs, _row, _marker_name = job(network)

    task(network=network.pk, **kwargs)

    assert sorted(m.to[0] for m in mailoutbox) == sorted([coordinator.email] + [o.email for o in others])
    assert smtp.connections == 1


def test_the_job_claims_its_marker_on_its_own_network_only(coordinator, network, mailoutbox):
    other = NetworkFactory()
    membership = _membership(network)

    with pytest.raises(Membership.DoesNotExist):
        tasks.notify_join_request(network=other.pk, membership_id=membership.pk)

    assert mailoutbox == []
    assert _marker(membership, "request_notified_at") is None
