"""The portal is not a relay: limits on the invitations a person and a network send, on the networks a
person founds, and no personal message in an invitation from an account that is not trusted yet."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from members.models import ColleagueInvitation
from members.services import colleague_invite
from network.models import Invitation, Network, Role
from network.services.invitations import invitation_create
from network.services.networks import network_create
from tests.factories import (
    AffiliationFactory,
    ColleagueInvitationFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    person_in,
)

pytestmark = pytest.mark.django_db


def invite(network, user, email, **kwargs):
    with scope(network=network):
        return invitation_create(network=network, email=email, role=Role.MEMBER, acting_user=user, **kwargs)


def sent_earlier(factory, *, hours_ago, count, **kwargs):
    """`count` invitations made `hours_ago` hours ago (created_at is set on insert, so moved after)."""
    rows = factory.create_batch(count, **kwargs)
    with scopes_disabled():
        factory._meta.model.objects.filter(pk__in=[r.pk for r in rows]).update(
            created_at=timezone.now() - timedelta(hours=hours_ago)
        )


def age(user, *, days):
    type(user).objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    user.refresh_from_db()


def invitation_count(network):
    with scope(network=network):
        return Invitation.objects.count()


# --- per person per hour ------------------------------------------------------------------------------


def test_the_21st_invitation_of_a_person_in_an_hour_is_refused_and_not_saved(
    mailoutbox, django_capture_on_commit_callbacks
):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(20):
            invite(network, coordinator, f"p{n}@example.org")
    assert len(mailoutbox) == 20

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
        invite(network, coordinator, "p20@example.org")
    assert caught.value.messages == ["You have sent 20 invitations in the last hour; try again later."]
    assert invitation_count(network) == 20
    assert len(mailoutbox) == 20

    # Another coordinator of the same network has an hour of their own.
    invite(network, person_in(network, Role.COORDINATOR), "other@example.org")
    assert invitation_count(network) == 21


def test_the_hourly_limit_counts_every_network_and_only_the_last_hour():
    first, second = NetworkFactory(), NetworkFactory()
    coordinator = person_in(first, Role.COORDINATOR)
    MembershipFactory(network=second, organisation=coordinator.affiliations.get().organisation, role=Role.COORDINATOR)
    other_coordinator = person_in(second, Role.COORDINATOR)
    sent_earlier(InvitationFactory, hours_ago=2, count=20, network=first, invited_by=coordinator)
    sent_earlier(InvitationFactory, hours_ago=0.5, count=19, network=first, invited_by=coordinator)

    invite(second, coordinator, "twentieth@example.org")  # 19 in the last hour, 20 two hours ago
    with pytest.raises(ValidationError, match="You have sent 20 invitations in the last hour"):
        invite(second, coordinator, "one-too-many@example.org")  # founding a second network does not help
    assert invitation_count(second) == 1
    invite(second, other_coordinator, "fine@example.org")  # the other coordinator's hour is their own
    assert invitation_count(second) == 2


# --- per network per day ----------------------------------------------------------------------------


def test_a_network_sends_at_most_its_daily_number_of_invitations(settings):
    settings.INVITATIONS_PER_NETWORK_PER_DAY = 5
    network, other = NetworkFactory(), NetworkFactory()
    sent_earlier(InvitationFactory, hours_ago=23, count=4, network=network)
    sent_earlier(InvitationFactory, hours_ago=25, count=10, network=network)  # yesterday's do not count
    coordinator = person_in(network, Role.COORDINATOR)
    invite(network, coordinator, "fifth@example.org")

    with pytest.raises(ValidationError) as caught:
        invite(network, person_in(network, Role.COORDINATOR), "sixth@example.org")
    assert caught.value.messages == ["This network has sent 5 invitations in the last 24 hours; try again tomorrow."]
    assert invitation_count(network) == 15
    invite(other, person_in(other, Role.COORDINATOR), "elsewhere@example.org")  # another network's day is its own
    assert invitation_count(other) == 1


def test_an_invitation_over_the_limit_is_a_message_on_the_form_not_an_error_page(client, settings):
    settings.INVITATIONS_PER_USER_PER_HOUR = 1
    network = NetworkFactory(slug="cgn")
    coordinator = person_in(network, Role.COORDINATOR)
    client.force_login(coordinator)
    url = reverse("network:invite", kwargs={"network_slug": "cgn"})
    data = {"email": "a@example.org", "role": Role.MEMBER, "organisation_name": "", "message": ""}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "email": "b@example.org"})
    assert response.status_code == 200
    assert "You have sent 1 invitation in the last hour; try again later." in response.content.decode()
    assert invitation_count(network) == 1


# --- colleague invitations ----------------------------------------------------------------------------


def test_colleague_invitations_have_the_same_hourly_limit_per_person():
    admin = AffiliationFactory(is_admin=True)
    organisation, user = admin.organisation, admin.user
    sent_earlier(ColleagueInvitationFactory, hours_ago=0.5, count=20, organisation=organisation, invited_by=user)
    with pytest.raises(ValidationError) as caught:
        colleague_invite(organisation=organisation, email="one-more@example.org", acting_user=user)
    assert caught.value.messages == ["You have sent 20 invitations in the last hour; try again later."]
    assert ColleagueInvitation.objects.count() == 20


# --- founding networks --------------------------------------------------------------------------------


def test_the_fourth_network_a_person_founds_in_a_day_is_refused():
    admin = AffiliationFactory(is_admin=True)
    organisation, user = admin.organisation, admin.user
    for n in range(3):
        network_create(data={"name": f"Net {n}"}, organisation=organisation, acting_user=user)
    assert list(Network.objects.values_list("created_by", flat=True)) == [user.pk] * 3

    with pytest.raises(ValidationError) as caught:
        network_create(data={"name": "Net 3"}, organisation=organisation, acting_user=user)
    assert caught.value.messages == ["You have founded 3 networks in the last 24 hours; try again tomorrow."]
    assert Network.objects.count() == 3

    other = AffiliationFactory(is_admin=True)
    network_create(data={"name": "Someone else's"}, organisation=other.organisation, acting_user=other.user)
    Network.objects.filter(created_by=user).update(created_at=timezone.now() - timedelta(hours=25))
    network_create(data={"name": "Net 3"}, organisation=organisation, acting_user=user)  # a day later
    assert Network.objects.count() == 5


# --- the personal message -----------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "shown"), [(0, False), (6, False), (8, True)])
def test_the_personal_message_reaches_the_invitee_only_from_a_trusted_account(
    client, mailoutbox, django_capture_on_commit_callbacks, days, shown
):
    network = NetworkFactory()
    coordinator = person_in(network, Role.COORDINATOR)
    age(coordinator, days=days)
    text = "Urgent: confirm your bank details at http://evil.example"
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(network, coordinator, "target@example.org", message=text)

    assert invitation.message == text  # the row keeps it, for the coordinators
    (mail,) = mailoutbox
    assert (text in mail.body) is shown
    assert "Accept the invitation" in mail.body  # the rest of the mail is there either way
    page = client.get(reverse("network:invitation", kwargs={"token": invitation.token})).content.decode()
    assert ("confirm your bank details" in page) is shown
