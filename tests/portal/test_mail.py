"""portal/mail.py: which SMTP errors are worth a retry (used by the task base in portal/celery.py); subjects
and bodies are plain text, never HTML-escaped, and a name cannot add a header."""

import email
import email.policy
import smtplib
from datetime import date

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


# --- subjects and bodies are plain text ----------------------------------------------------------------

NAME = 'P&T "Partners"'
ORG = "Sch<o>ol & Co's"


@pytest.fixture
def texts(db):
    from tests.factories import (
        AgreementFactory,
        ColleagueInvitationFactory,
        InvitationFactory,
        MembershipFactory,
        NetworkFactory,
        OrganisationFactory,
        UserFactory,
    )

    network = NetworkFactory(name=NAME)
    organisation = OrganisationFactory(name=ORG)
    requester = UserFactory()
    inviter = UserFactory(full_name=ORG)
    return {
        "join_request": {
            "membership": MembershipFactory(
                network=network, organisation=organisation, status="requested", requested_by=requester,
                message=f"We & {NAME}",
            ),
        },
        "membership_decision": {
            "membership": MembershipFactory(network=network, organisation=OrganisationFactory(name=ORG))
        },
        "network_invitation": {"invitation": InvitationFactory(network=network, invited_by=inviter, message=NAME)},
        "colleague_invitation": {
            "invitation": ColleagueInvitationFactory(organisation=organisation, invited_by=inviter)
        },
        "agreement_expiry": {
            "agreement": AgreementFactory(network=network, title=NAME, valid_until=date(2030, 1, 31)),
            "days_left": 7,
        },
        "network": network,
    }  # fmt: skip


def _message(texts, name):
    from portal.mail import templated_messages

    context = {"network": texts["network"], "url": "https://partnera.example.org/x/?a=1&b=2", **texts[name]}
    (message,) = templated_messages(name=name, to=["someone@example.org"], context=context)
    return message


SUBJECTS = {
    "join_request": f"[Partnera] {ORG} asks to join {NAME}",
    "membership_decision": f"[Partnera] Welcome to {NAME}",
    "network_invitation": f"[Partnera] You are invited to join {NAME}",
    "colleague_invitation": f"[Partnera] Join {ORG} on Partnera",
    "agreement_expiry": f'[Partnera] "{NAME}" ends in 7 days',
}


@pytest.mark.parametrize("name", SUBJECTS)
def test_subjects_and_bodies_are_not_html_escaped(texts, name):
    message = _message(texts, name)
    assert message.subject == SUBJECTS[name]
    assert "&amp;" not in message.body and "&quot;" not in message.body and "&#x27;" not in message.body
    assert "&lt;" not in message.body
    assert "https://partnera.example.org/x/?a=1&b=2" in message.body
    assert NAME in message.body or ORG in message.body
    # What goes on the wire: the subject header decodes to the same text.
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    assert parsed["Subject"] == SUBJECTS[name]


def test_a_newline_in_a_name_cannot_inject_a_header(texts):
    network = texts["network"]
    network.name = "Evil\r\nBcc: victim@example.org\nX-Injected: yes"
    message = _message(texts, "network_invitation")
    assert message.subject == "[Partnera] You are invited to join Evil Bcc: victim@example.org X-Injected: yes"
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    assert parsed["Bcc"] is None and parsed["X-Injected"] is None
    assert message.recipients() == ["someone@example.org"]
