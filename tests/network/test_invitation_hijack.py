"""Issue 7, "invitation hijack": an account that was given the invited address (its owner clicked Confirm
in one of allauth's mails) must not find, nor accept, the invitation sent to that address. Only the link in
the invitation mail opens it, and only for an account whose address is the invited one, verified."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django_scopes import scope, scopes_disabled

from network.models import Membership, Network, Role
from network.services.invitations import invitation_accept
from portal.models import AuditEntry
from tests.clients import take_address
from tests.factories import AffiliationFactory, InvitationFactory, NetworkFactory, person_in
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
    return "head@school7.am"


@pytest.fixture
def network():
    return NetworkFactory(name="Closed Circle", slug="closed", visibility=Network.Visibility.PRIVATE)


@pytest.fixture
def invitation(network, invited):
    coordinator = person_in(network, Role.COORDINATOR)
    return InvitationFactory(network=network, email=invited, role=Role.COORDINATOR, invited_by=coordinator)


@pytest.fixture
def attacker():
    return AffiliationFactory(user__email="mallory@example.org", organisation__name="Mallory Ltd").user


@pytest.fixture
def attacker_client(attacker, invitation, invited, mailoutbox):
    """The attacker, signed in, holding the invited address (its owner was talked into confirming it)."""
    client = Client()
    client.force_login(attacker)
    take_address(client, invited, mailoutbox, owner_client=Client())
    attacker.refresh_from_db()
    assert attacker.email == invited  # the premise: the account now answers to the invited address
    assert EmailAddress.objects.filter(user=attacker, email=invited, verified=True, primary=True).exists()
    return client


def joined(network, user):
    with scopes_disabled():
        return Membership.objects.filter(network=network, organisation__affiliations__user=user).exists()


def test_the_home_page_does_not_hand_the_invitation_to_whoever_holds_the_address(
    attacker_client, attacker, invitation, network
):
    home = attacker_client.get("/")
    assert invitation.token not in home.content.decode()
    assert "You are invited" not in text(home)
    # Whatever invitation link the home page offers, the attacker follows it and accepts.
    for link in set(re.findall(r'href="(/invitations/[^/"]+/)"', home.content.decode())):
        attacker_client.post(link, {"organisation": attacker.affiliations.get().organisation_id})
    assert not joined(network, attacker)
    with scopes_disabled():
        invitation.refresh_from_db()
        assert invitation.is_open
        assert not AuditEntry.objects.filter(action="invitation.accepted").exists()


@pytest.mark.parametrize("token", ["", "not-the-token"], ids=["no-token", "wrong-token"])
def test_the_address_alone_does_not_accept(attacker_client, attacker, invitation, network, token):
    with scope(network=network), pytest.raises(ValidationError, match="link in the invitation e-mail"):
        invitation_accept(
            invitation=invitation,
            token=token,
            acting_user=attacker,
            organisation=attacker.affiliations.get().organisation,
        )
    assert not joined(network, attacker)


def test_with_the_token_an_unverified_address_does_not_accept(client, invitation, invited, network):
    """The account says it is the invited address, but nobody proved it (no confirmation, no invitation link)."""
    pretender = AffiliationFactory(user__email=invited, user__verified=False).user
    EmailAddress.objects.create(user=pretender, email=invited, verified=False, primary=True)
    client.force_login(pretender)
    response = client.post(
        f"/invitations/{invitation.token}/", {"organisation": pretender.affiliations.get().organisation_id}
    )
    assert response.status_code == 200
    assert f"This invitation was sent to {invited}. Log in with that address to accept it." in text(response)
    assert not joined(network, pretender)
