"""Issue 7 for colleague invitations, and the rule it led to: an account holds one address.

An account that was given someone's address (its owner clicked Confirm in one of allauth's mails) must not
accept a colleague invitation sent to it without the invitation's own link; and with the link, only an
account whose address is the invited one, verified, accepts."""

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client

from members import services
from members.models import Affiliation
from tests.clients import take_address
from tests.factories import AffiliationFactory, ColleagueInvitationFactory, UserFactory
from tests.pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts e-mail changes per account and confirmations per address in the (test) cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def invited():
    return "ana@example.org"


@pytest.fixture
def invitation(invited):
    organisation = AffiliationFactory(organisation__name="Youth Voices").organisation
    return ColleagueInvitationFactory(organisation=organisation, email=invited)


@pytest.fixture
def attacker():
    return UserFactory(email="mallory@example.org")


def test_an_account_holds_one_address_a_confirmed_change_replaces_it(attacker, invited, mailoutbox):
    client = Client()
    client.force_login(attacker)
    take_address(client, invited, mailoutbox, owner_client=Client())
    assert list(EmailAddress.objects.filter(user=attacker).values_list("email", "verified", "primary")) == [
        (invited, True, True)
    ]
    attacker.refresh_from_db()
    assert attacker.email == invited


@pytest.mark.parametrize("token", ["", "not-the-token"], ids=["no-token", "wrong-token"])
def test_a_taken_address_alone_does_not_accept_a_colleague_invitation(attacker, invitation, invited, mailoutbox, token):
    client = Client()
    client.force_login(attacker)
    take_address(client, invited, mailoutbox, owner_client=Client())
    attacker.refresh_from_db()
    with pytest.raises(ValidationError, match="link in the invitation e-mail"):
        services.colleague_invitation_accept(invitation=invitation, token=token, acting_user=attacker)
    assert not Affiliation.objects.filter(user=attacker).exists()
    invitation.refresh_from_db()
    assert invitation.is_open


def test_with_the_token_an_unverified_address_does_not_accept_a_colleague_invitation(client, invitation, invited):
    pretender = UserFactory(email=invited, verified=False)
    EmailAddress.objects.create(user=pretender, email=invited, verified=False, primary=True)
    client.force_login(pretender)
    response = client.post(f"/colleague-invitations/{invitation.token}/")
    assert response.status_code == 200
    assert f"This invitation was sent to {invited}. Log in with that address to accept it." in text(response)
    assert not Affiliation.objects.filter(user=pretender).exists()
