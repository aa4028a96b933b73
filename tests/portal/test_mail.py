"""portal/mail.py: which SMTP errors are worth a retry (used by the task base in portal/celery.py)."""

import smtplib

import pytest

from portal.mail import is_transient

TRANSIENT = [
    smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    smtplib.SMTPConnectError(421, b"Too many connections"),
    smtplib.SMTPDataError(451, b"Requested action aborted: local error"),
    smtplib.SMTPSenderRefused(452, b"Insufficient system storage", "noreply@partnera.localhost"),
    smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"Mailbox busy"), "b@example.org": (451, b"Later")}),
    ConnectionRefusedError(111, "Connection refused"),
    ConnectionResetError(104, "Connection reset by peer"),
    TimeoutError("timed out"),  # socket.timeout is the same class
]
PERMANENT = [
    smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication credentials invalid"),
    smtplib.SMTPAuthenticationError(454, b"4.7.0 Temporary authentication failure"),  # still a login problem
    smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"No such user")}),
    smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"Busy"), "b@example.org": (550, b"No such user")}),
    smtplib.SMTPDataError(554, b"Transaction failed"),
    smtplib.SMTPSenderRefused(553, b"Sender address rejected", "noreply@partnera.localhost"),
    smtplib.SMTPNotSupportedError("SMTPUTF8 not supported"),
    ValueError("a bug, not the mail server"),
]


@pytest.mark.parametrize("error", TRANSIENT, ids=repr)
def test_connection_trouble_and_4xx_replies_are_transient(error):
    assert is_transient(error)


@pytest.mark.parametrize("error", PERMANENT, ids=repr)
def test_5xx_replies_bad_logins_and_bugs_are_permanent(error):
    assert not is_transient(error)
