"""E-mails in the recipient's language (portal.mail.templated_messages, members.accounts.AccountAdapter):
a person's profile language, else the language the caller names for them (the network's, the inviter's,
the report's), rendered once per language however many people share it.

The catalogs are translated in parallel, so the expected subjects are the catalog's own words under
translation.override, not typed here; what is checked is the language each message was rendered in."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from django_scopes import scope

from network import tasks as network_tasks
from network.models import Membership, Role
from portal import mail as portal_mail
from tests.factories import (
    AffiliationFactory,
    ColleagueInvitationFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db

PREFIX = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
JOIN = "%(org)s asks to join %(network)s"
INVITED = "You are invited to join %(network)s"


def subject_in(language, msgid, **params):
    with translation.override(language):
        return PREFIX + gettext(msgid) % params


@pytest.fixture
def network():
    return NetworkFactory(name="Podkarpackie", slug="podkarpackie", language="pl")


def _coordinator(network, language):
    person = person_in(network, Role.COORDINATOR)
    person.language = language
    person.save(update_fields=["language"])
    return person


def _join_request(network):
    applicant = AffiliationFactory().user
    membership = MembershipFactory(
        network=network,
        organisation=applicant.affiliations.get().organisation,
        requested_by=applicant,
        status=Membership.Status.REQUESTED,
    )
    with scope(network=network):
        network_tasks.notify_join_request(network=network.pk, membership_id=membership.pk)
    return membership


def by_address(messages):
    return {message.to[0]: message for message in messages}


def test_one_event_reaches_a_polish_and_an_armenian_coordinator_each_in_their_own_language(network):
    polish, armenian = _coordinator(network, "pl"), _coordinator(network, "hy")
    membership = _join_request(network)
    params = {"org": membership.organisation.name, "network": network.name}

    sent = by_address(mail.outbox)
    assert set(sent) == {polish.email, armenian.email}
    assert sent[polish.email].subject == subject_in("pl", JOIN, **params)
    assert sent[armenian.email].subject == subject_in("hy", JOIN, **params)
    assert sent[polish.email].extra_headers["Content-Language"] == "pl"
    assert sent[armenian.email].extra_headers["Content-Language"] == "hy"
    # Both catalogs translate the subject: each message is in its language, neither in English.
    english = subject_in("en", JOIN, **params)
    assert len({english, sent[polish.email].subject, sent[armenian.email].subject}) == 3
    assert sent[polish.email].body != sent[armenian.email].body


def test_a_coordinator_who_chose_no_language_gets_the_network_s(network):
    undecided = _coordinator(network, "")
    membership = _join_request(network)
    (message,) = mail.outbox
    assert message.to == [undecided.email]
    assert message.subject == subject_in("pl", JOIN, org=membership.organisation.name, network=network.name)


def test_the_same_language_is_rendered_once_for_all_who_share_it(network, monkeypatch):
    people = [_coordinator(network, "pl") for _ in range(3)] + [_coordinator(network, "sl") for _ in range(2)]
    people.append(_coordinator(network, ""))  # the network's language: Polish too
    renders = []
    real = portal_mail._render_text

    def counting(template_name, context):
        renders.append((translation.get_language(), template_name))
        return real(template_name, context)

    monkeypatch.setattr(portal_mail, "_render_text", counting)
    _join_request(network)
    assert len(mail.outbox) == len(people)
    assert sorted(renders) == sorted(
        (language, f"email/join_request_{part}.txt") for language in ("pl", "sl") for part in ("subject", "body")
    )


def test_an_invitation_to_an_address_with_no_account_is_in_the_network_s_language(network):
    inviter = _coordinator(network, "hy")
    invitation = InvitationFactory(network=network, invited_by=inviter, email="nobody-yet@example.org")
    with scope(network=network):
        network_tasks.send_invitation(network=network.pk, invitation_id=invitation.pk)
    (message,) = mail.outbox
    assert message.subject == subject_in("pl", INVITED, network=network.name)


def test_an_invitation_to_an_address_with_an_account_is_in_its_owner_s_language(network):
    UserFactory(email="already@example.org", language="sq")
    invitation = InvitationFactory(network=network, invited_by=_coordinator(network, "hy"), email="already@example.org")
    with scope(network=network):
        network_tasks.send_invitation(network=network.pk, invitation_id=invitation.pk)
    (message,) = mail.outbox
    assert message.subject == subject_in("sq", INVITED, network=network.name)
    assert message.extra_headers["Content-Language"] == "sq"


def test_an_invitation_of_a_network_in_a_language_partnera_does_not_offer_is_in_the_inviter_s():
    network = NetworkFactory(name="Netzwerk", language="de")
    invitation = InvitationFactory(network=network, invited_by=_coordinator(network, "az"), email="new@example.org")
    with scope(network=network):
        network_tasks.send_invitation(network=network.pk, invitation_id=invitation.pk)
    (message,) = mail.outbox
    assert message.subject == subject_in("az", INVITED, network=network.name)


def test_a_colleague_invitation_is_in_the_inviter_s_language():
    from members import tasks as member_tasks

    inviter = UserFactory(language="sl")
    invitation = ColleagueInvitationFactory(invited_by=inviter, email="colleague@example.org")
    member_tasks.send_colleague_invitation(invitation_id=invitation.pk)
    (message,) = mail.outbox
    assert message.subject == subject_in("sl", "Join %(org)s on Partnera", org=invitation.organisation.name)


def test_templated_messages_takes_people_and_addresses_and_keeps_their_order():
    polish = UserFactory(language="pl")
    armenian_address = UserFactory(language="hy").email
    messages = portal_mail.templated_messages(
        name="network_invitation",
        to=[polish, armenian_address.upper(), "stranger@example.org"],
        context={"network": NetworkFactory(name="N"), "invitation": None, "message": "", "url": "https://x/"},
        language="az",
    )
    languages = {m.to[0]: m.extra_headers["Content-Language"] for m in messages}
    assert languages == {polish.email: "pl", armenian_address.upper(): "hy", "stranger@example.org": "az"}


def test_without_a_language_named_an_address_gets_the_active_one():
    with translation.override("sq"):
        (message,) = portal_mail.templated_messages(
            name="network_invitation",
            to=["stranger@example.org"],
            context={"network": NetworkFactory(name="N"), "invitation": None, "message": "", "url": "https://x/"},
        )
    assert message.subject == subject_in("sq", INVITED, network="N")


# --- allauth's mails --------------------------------------------------------------------------------------


def _allauth_subject(language, name):
    from django.template.loader import render_to_string

    with translation.override(language):
        return PREFIX + render_to_string(f"account/email/{name}_subject.txt").strip()


def test_a_password_reset_mail_is_in_the_account_s_language_not_the_page_s():
    person = UserFactory(language="hy")
    Client().post("/accounts/password/reset/", {"email": person.email}, HTTP_ACCEPT_LANGUAGE="pl")
    (message,) = mail.outbox
    assert message.to == [person.email]
    assert message.subject == _allauth_subject("hy", "password_reset_key")
    assert message.subject != _allauth_subject("en", "password_reset_key")


def test_an_allauth_mail_to_someone_who_chose_no_language_is_in_the_page_s():
    person = UserFactory()
    Client().post("/accounts/password/reset/", {"email": person.email}, HTTP_ACCEPT_LANGUAGE="pl")
    (message,) = mail.outbox
    assert message.subject == _allauth_subject("pl", "password_reset_key")
