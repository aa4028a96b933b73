"""members/tasks.py: the colleague invitation goes once, is retried on a transient error, and is sent
only when the service's transaction commits (the plain TransactionAwareTask base, no tenant)."""

import smtplib

import pytest
from django.db import transaction

from members import tasks
from members.models import ColleagueInvitation
from members.services import colleague_invite
from tests.factories import AffiliationFactory, ColleagueInvitationFactory
from tests.network.test_tasks import ViewFailed

pytestmark = pytest.mark.django_db


def _sent_at(invitation):
    invitation.refresh_from_db()
    return invitation.sent_at


def test_the_colleague_invitation_job_run_twice_sends_one_e_mail(mailoutbox):
    invitation = ColleagueInvitationFactory()

    tasks.send_colleague_invitation(invitation_id=invitation.pk)
    tasks.send_colleague_invitation.apply(kwargs={"invitation_id": invitation.pk}).get()

    assert [m.to for m in mailoutbox] == [[invitation.email]]
    assert _sent_at(invitation) is not None


def test_a_transient_error_is_retried_and_the_retry_sends_one_e_mail(smtp, mailoutbox, retries_run_here):
    invitation = ColleagueInvitationFactory()
    smtp.errors = [smtplib.SMTPDataError(421, b"Service not available, try later")]

    assert tasks.send_colleague_invitation.apply(kwargs={"invitation_id": invitation.pk}).successful()

    assert smtp.attempts == 2
    assert len(mailoutbox) == 1


def test_a_permanent_error_is_not_retried(smtp, mailoutbox, retries_run_here):
    invitation = ColleagueInvitationFactory()
    smtp.errors = [smtplib.SMTPRecipientsRefused({invitation.email: (550, b"No such user")})]

    assert tasks.send_colleague_invitation.apply(kwargs={"invitation_id": invitation.pk}).failed()

    assert (smtp.attempts, mailoutbox, _sent_at(invitation)) == (1, [], None)


def test_the_invitation_is_queued_at_commit_and_never_after_a_rollback(
    published, mailoutbox, django_capture_on_commit_callbacks
):
    admin = AffiliationFactory(is_admin=True)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(ViewFailed), transaction.atomic():
            colleague_invite(organisation=admin.organisation, email="first@example.org", acting_user=admin.user)
            raise ViewFailed
    assert (published, callbacks, mailoutbox) == ([], [], [])

    with django_capture_on_commit_callbacks() as callbacks:
        invitation = colleague_invite(
            organisation=admin.organisation, email="second@example.org", acting_user=admin.user
        )
        assert published == []
    for callback in callbacks:
        callback()

    assert published == [("members.tasks.send_colleague_invitation", {"invitation_id": invitation.pk})]
    assert [m.to for m in mailoutbox] == [["second@example.org"]]
    assert not ColleagueInvitation.objects.filter(email="first@example.org").exists()


def test_a_wrong_call_fails_at_delay(published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(TypeError):
        tasks.send_colleague_invitation.delay(invitation=1)

    assert (published, callbacks) == ([], [])
