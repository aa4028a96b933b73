"""network/services.py: every write, what it refuses (with a message, saving nothing) and whom it e-mails.

Services run inside the network's scope, as the scope middleware and the tenant task base class run them.
E-mails are queued with transaction.on_commit, so the tests that look at them run the callbacks.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from members.models import Affiliation, Organisation
from network.models import Invitation, Membership, Network, NetworkObjective, Role
from network.permissions import network_role
from network.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_revoke,
    organisations_for_invitation,
)
from network.services.memberships import (
    membership_approve,
    membership_change_role,
    membership_decline,
    membership_leave,
    membership_reinstate,
    membership_request,
    membership_suspend,
    membership_withdraw,
)
from network.services.networks import network_create, network_update
from tests.factories import (
    AffiliationFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"  # settings.SITE_URL in tests


@pytest.fixture
def network():
    return NetworkFactory(name="Career Guidance Network", slug="cgn")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Lead NGO", acronym="")


@pytest.fixture
def applicant():
    """An organisation admin whose organisation is in no network yet."""
    return AffiliationFactory(
        organisation__name="Youth Voices", organisation__acronym="", user__email="admin@youthvoices.org"
    ).user


def org_of(user):
    return user.affiliations.get().organisation


def request_from(network, user, message=""):
    with scope(network=network):
        return membership_request(network=network, organisation=org_of(user), acting_user=user, message=message)


def status_of(membership):
    with scopes_disabled():
        membership.refresh_from_db()
    return membership.status


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


# --- network_create / network_update ---------------------------------------------------------------


def test_network_create_makes_the_founding_organisation_its_first_coordinator(applicant):
    organisation = org_of(applicant)
    assert network_role(applicant, NetworkFactory()) is None  # memo warmed on purpose

    network = network_create(
        data={"name": "Western Balkans VET Platform", "acronym": "WB VET", "visibility": "private"},
        organisation=organisation,
        acting_user=applicant,
        objectives=["Promote work-based learning", "  "],
        tasks_=["Publish a yearly study"],
    )

    assert network.slug == "wb-vet"
    assert not network.is_public
    with scope(network=network):
        membership = Membership.objects.get(network=network)
        objectives = list(NetworkObjective.objects.filter(network=network).values_list("kind", "text"))
    assert (membership.organisation, membership.status, membership.role) == (organisation, "active", "coordinator")
    assert objectives == [("objective", "Promote work-based learning"), ("task", "Publish a yearly study")]
    assert network_role(applicant, network) == Role.COORDINATOR


def test_network_create_picks_a_free_address(applicant):
    NetworkFactory(slug="cgn")
    network = network_create(
        data={"name": "Career Guidance Network", "acronym": "CGN"},
        organisation=org_of(applicant),
        acting_user=applicant,
    )
    assert network.slug == "cgn-2"


def test_network_create_refuses_an_organisation_the_user_does_not_administer(applicant):
    stranger_org = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        network_create(data={"name": "Mine"}, organisation=stranger_org, acting_user=applicant)
    assert not Network.objects.exists()


def test_network_create_with_bad_data_names_the_fields_and_saves_nothing(applicant):
    with pytest.raises(ValidationError) as caught:
        network_create(data={"name": "", "colour": "blue"}, organisation=org_of(applicant), acting_user=applicant)
    assert set(caught.value.message_dict) >= {"name", "colour"}
    assert "Use a colour like #1f5f8b." in caught.value.message_dict["colour"]
    assert not Network.objects.exists()
    with scopes_disabled():
        assert not Membership.objects.exists()


def test_network_update_by_a_coordinator_replaces_profile_and_objectives(network, coordinator):
    with scope(network=network):
        network_update(
            network=network,
            data={"name": "CGN Armenia", "colour": "#aa3300"},
            acting_user=coordinator,
            objectives=["One", "Two"],
        )
        texts = list(NetworkObjective.objects.filter(network=network).values_list("text", flat=True))
    network.refresh_from_db()
    assert (network.name, network.colour) == ("CGN Armenia", "#aa3300")
    assert texts == ["One", "Two"]


def test_network_update_refuses_a_member(network):
    member = person_in(network, Role.MEMBER)
    with scope(network=network), pytest.raises(PermissionDenied):
        network_update(network=network, data={"name": "Taken over"}, acting_user=member)
    network.refresh_from_db()
    assert network.name == "Career Guidance Network"


def test_network_update_with_a_bad_colour_saves_nothing(network, coordinator):
    with scope(network=network), pytest.raises(ValidationError) as caught:
        network_update(network=network, data={"name": "Renamed", "colour": "red"}, acting_user=coordinator)
    assert "colour" in caught.value.message_dict
    network.refresh_from_db()
    assert network.name == "Career Guidance Network"


# --- membership_request ------------------------------------------------------------------------------


def test_join_request_e_mails_every_person_of_every_coordinator_organisation(
    network, coordinator, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = AffiliationFactory(organisation=org_of(coordinator), is_admin=False).user
    second_coordinator = person_in(network, Role.COORDINATOR)
    member = person_in(network, Role.MEMBER)
    person_in(network, Role.COORDINATOR, status=Membership.Status.SUSPENDED)

    with django_capture_on_commit_callbacks(execute=True):
        membership = request_from(network, applicant, message="We run career clubs in Gyumri.")

    assert (membership.status, membership.requested_by) == ("requested", applicant)
    assert recipients(mailoutbox) == sorted([coordinator.email, colleague.email, second_coordinator.email])
    assert member.email not in recipients(mailoutbox)
    message = mailoutbox[0]
    assert "Youth Voices asks to join Career Guidance Network" in message.subject
    assert f"{SITE}/networks/cgn/members/manage/" in message.body
    assert "We run career clubs in Gyumri." in message.body


def test_a_person_in_two_coordinator_organisations_gets_one_e_mail(
    network, coordinator, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    AffiliationFactory(
        user=coordinator, organisation=person_in(network, Role.COORDINATOR).affiliations.get().organisation
    )

    with django_capture_on_commit_callbacks(execute=True):
        request_from(network, applicant)

    assert recipients(mailoutbox).count(coordinator.email) == 1


def test_joining_twice_is_refused_with_a_message_and_no_second_row(
    network, coordinator, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    request_from(network, applicant)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
        request_from(network, applicant)

    assert caught.value.messages == ["Youth Voices has already asked to join; the coordinators will answer soon."]
    with scope(network=network):
        assert Membership.objects.filter(organisation=org_of(applicant)).count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (Membership.Status.ACTIVE, "is already a member of this network"),
        (Membership.Status.SUSPENDED, "is suspended in this network"),
    ],
)
def test_a_member_or_suspended_organisation_cannot_ask_again(network, applicant, status, message):
    MembershipFactory(network=network, organisation=org_of(applicant), status=status)
    with pytest.raises(ValidationError, match=message):
        request_from(network, applicant)


def test_an_organisation_that_left_or_was_declined_may_ask_again(network, applicant):
    MembershipFactory(network=network, organisation=org_of(applicant), status=Membership.Status.LEFT)
    MembershipFactory(network=network, organisation=org_of(applicant), status=Membership.Status.DECLINED)
    assert request_from(network, applicant).status == Membership.Status.REQUESTED


def test_private_networks_take_no_join_requests(applicant):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    with pytest.raises(PermissionDenied):
        request_from(private, applicant)
    with scopes_disabled():
        assert not Membership.objects.exists()


def test_nobody_asks_on_behalf_of_an_organisation_they_do_not_administer(network, applicant):
    not_admin = AffiliationFactory(organisation=org_of(applicant), is_admin=False).user
    AffiliationFactory(user=not_admin)  # admin of some other organisation, so may ask in general
    with scope(network=network), pytest.raises(PermissionDenied):
        membership_request(network=network, organisation=org_of(applicant), acting_user=not_admin)


# --- approve / decline / withdraw --------------------------------------------------------------------


@pytest.fixture
def pending(network, applicant):
    return request_from(network, applicant, message="Please")


def test_approve_activates_with_the_chosen_role_and_tells_the_requester_and_org_admins(
    network, coordinator, applicant, pending, mailoutbox, django_capture_on_commit_callbacks
):
    other_admin = AffiliationFactory(organisation=org_of(applicant), is_admin=True).user
    not_admin = AffiliationFactory(organisation=org_of(applicant), is_admin=False).user

    with scope(network=network), django_capture_on_commit_callbacks(execute=True):
        membership_approve(membership=pending, acting_user=coordinator, role=Role.OBSERVER)

    with scopes_disabled():
        pending.refresh_from_db()
    assert (pending.status, pending.role, pending.decided_by) == ("active", "observer", coordinator)
    assert pending.joined_at is not None
    assert recipients(mailoutbox) == sorted([applicant.email, other_admin.email])
    assert not_admin.email not in recipients(mailoutbox) and coordinator.email not in recipients(mailoutbox)
    assert mailoutbox[0].subject == "[Partnera] Welcome to Career Guidance Network"
    assert f"{SITE}/networks/cgn/workspace/" in mailoutbox[0].body
    assert network_role(applicant, network) == Role.OBSERVER


def test_approving_a_withdrawn_request_is_refused(
    network, coordinator, applicant, pending, mailoutbox, django_capture_on_commit_callbacks
):
    with scope(network=network):
        membership_withdraw(membership=pending, acting_user=applicant)
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
            membership_approve(membership=pending, acting_user=coordinator)
    assert caught.value.messages == ["This request was withdrawn by Youth Voices."]
    assert status_of(pending) == Membership.Status.WITHDRAWN
    assert mailoutbox == []


def test_approving_a_declined_request_is_refused(network, coordinator, pending):
    with scope(network=network):
        membership_decline(membership=pending, acting_user=coordinator, reason="Out of scope")
        with pytest.raises(ValidationError, match="already been declined"):
            membership_approve(membership=pending, acting_user=coordinator)
    assert status_of(pending) == Membership.Status.DECLINED


def test_approve_with_an_unknown_role_saves_nothing(network, coordinator, pending):
    with scope(network=network), pytest.raises(ValidationError) as caught:
        membership_approve(membership=pending, acting_user=coordinator, role="boss")
    assert caught.value.message_dict == {"role": ["Choose a valid role."]}
    assert status_of(pending) == Membership.Status.REQUESTED


@pytest.mark.parametrize("role", [Role.MEMBER, Role.OBSERVER, None])
def test_only_coordinators_approve(network, coordinator, pending, role):
    """Members, observers and a coordinator of *another* network (role None here) are all refused."""
    if role is None:
        acting = person_in(NetworkFactory(), Role.COORDINATOR)
    else:
        acting = person_in(network, role)
    with scope(network=network), pytest.raises(PermissionDenied):
        membership_approve(membership=pending, acting_user=acting)
    assert status_of(pending) == Membership.Status.REQUESTED


def test_decline_records_the_reason_and_sends_it_to_the_organisation(
    network, coordinator, applicant, pending, mailoutbox, django_capture_on_commit_callbacks
):
    with scope(network=network), django_capture_on_commit_callbacks(execute=True):
        membership_decline(membership=pending, acting_user=coordinator, reason="  Only VET schools.  ")

    with scopes_disabled():
        pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == ("declined", "Only VET schools.")
    assert recipients(mailoutbox) == [applicant.email]
    assert mailoutbox[0].subject == "[Partnera] Your request to join Career Guidance Network"
    assert "Only VET schools." in mailoutbox[0].body


def test_declining_without_a_reason_is_refused(
    network, coordinator, pending, mailoutbox, django_capture_on_commit_callbacks
):
    with scope(network=network), django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError) as caught:
            membership_decline(membership=pending, acting_user=coordinator, reason="   ")
    assert list(caught.value.message_dict) == ["reason"]
    assert status_of(pending) == Membership.Status.REQUESTED
    assert mailoutbox == []


def test_a_member_may_not_decline(network, pending):
    with scope(network=network), pytest.raises(PermissionDenied):
        membership_decline(membership=pending, acting_user=person_in(network), reason="No")
    assert status_of(pending) == Membership.Status.REQUESTED


def test_the_requesting_organisation_withdraws_its_request(network, applicant, pending):
    with scope(network=network):
        membership_withdraw(membership=pending, acting_user=applicant)
    assert status_of(pending) == Membership.Status.WITHDRAWN
    assert pending.ended_at is not None


def test_nobody_else_withdraws_a_request(network, coordinator, pending):
    with scope(network=network), pytest.raises(PermissionDenied):
        membership_withdraw(membership=pending, acting_user=coordinator)
    assert status_of(pending) == Membership.Status.REQUESTED


def test_an_approved_request_cannot_be_withdrawn(network, coordinator, applicant, pending):
    with scope(network=network):
        membership_approve(membership=pending, acting_user=coordinator)
        with pytest.raises(ValidationError, match="already an active member"):
            membership_withdraw(membership=pending, acting_user=applicant)
    assert status_of(pending) == Membership.Status.ACTIVE


# --- leave / suspend / reinstate / change role ------------------------------------------------------


def membership_of(network, user):
    with scope(network=network):
        return Membership.objects.get(network=network, organisation=org_of(user))


def test_a_member_organisation_leaves(network, coordinator):
    member = person_in(network)
    membership = membership_of(network, member)
    assert network_role(member, network) == Role.MEMBER
    with scope(network=network):
        membership_leave(membership=membership, acting_user=member)
    assert status_of(membership) == Membership.Status.LEFT
    assert network_role(member, network) is None


def test_the_last_coordinator_cannot_leave(network, coordinator):
    membership = membership_of(network, coordinator)
    with scope(network=network), pytest.raises(ValidationError) as caught:
        membership_leave(membership=membership, acting_user=coordinator)
    assert caught.value.messages == [
        "Lead NGO is the network's only coordinator. Make another organisation coordinator first."
    ]
    assert status_of(membership) == Membership.Status.ACTIVE


def test_a_coordinator_may_leave_when_another_one_stays(network, coordinator):
    person_in(network, Role.COORDINATOR)
    membership = membership_of(network, coordinator)
    with scope(network=network):
        membership_leave(membership=membership, acting_user=coordinator)
    assert status_of(membership) == Membership.Status.LEFT


def test_only_the_organisations_admins_take_it_out(network, coordinator):
    member = person_in(network)
    colleague = AffiliationFactory(organisation=org_of(member), is_admin=False).user
    membership = membership_of(network, member)
    for someone in (colleague, coordinator):
        with scope(network=network), pytest.raises(PermissionDenied):
            membership_leave(membership=membership, acting_user=someone)
    assert status_of(membership) == Membership.Status.ACTIVE


def test_suspend_and_reinstate(network, coordinator):
    member = person_in(network)
    membership = membership_of(network, member)
    with scope(network=network):
        membership_suspend(membership=membership, acting_user=coordinator, reason=" Unpaid fee ")
    with scopes_disabled():
        membership.refresh_from_db()
    assert (membership.status, membership.decision_reason) == ("suspended", "Unpaid fee")
    assert network_role(member, network) is None

    with scope(network=network):
        membership_reinstate(membership=membership, acting_user=coordinator)
    assert status_of(membership) == Membership.Status.ACTIVE


def test_the_last_coordinator_cannot_be_suspended(network, coordinator):
    membership = membership_of(network, coordinator)
    with scope(network=network), pytest.raises(ValidationError, match="only coordinator"):
        membership_suspend(membership=membership, acting_user=coordinator)
    assert status_of(membership) == Membership.Status.ACTIVE


def test_suspend_twice_and_reinstate_an_active_member_are_refused(network, coordinator):
    membership = membership_of(network, person_in(network))
    with scope(network=network):
        with pytest.raises(ValidationError, match="already an active member"):
            membership_reinstate(membership=membership, acting_user=coordinator)
        membership_suspend(membership=membership, acting_user=coordinator)
        with pytest.raises(ValidationError, match="is suspended"):
            membership_suspend(membership=membership, acting_user=coordinator)
    assert status_of(membership) == Membership.Status.SUSPENDED


@pytest.mark.parametrize("service", [membership_suspend, membership_reinstate], ids=["suspend", "reinstate"])
def test_only_coordinators_suspend_or_reinstate(network, coordinator, service):
    membership = membership_of(network, person_in(network))
    with scope(network=network), pytest.raises(PermissionDenied):
        service(membership=membership, acting_user=person_in(network))


def test_coordinators_promote_and_demote(network, coordinator):
    member = person_in(network)
    membership = membership_of(network, member)
    mine = membership_of(network, coordinator)
    with scope(network=network):
        membership_change_role(membership=membership, role=Role.COORDINATOR, acting_user=coordinator)
        membership_change_role(membership=mine, role=Role.OBSERVER, acting_user=coordinator)
    with scopes_disabled():
        membership.refresh_from_db()
        mine.refresh_from_db()
    assert (membership.role, mine.role) == ("coordinator", "observer")
    assert network_role(coordinator, network) == Role.OBSERVER  # the memo was reset


def test_the_last_coordinator_cannot_be_demoted(network, coordinator):
    mine = membership_of(network, coordinator)
    with scope(network=network), pytest.raises(ValidationError, match="only coordinator"):
        membership_change_role(membership=mine, role=Role.MEMBER, acting_user=coordinator)
    with scopes_disabled():
        mine.refresh_from_db()
    assert mine.role == Role.COORDINATOR


def test_change_role_refuses_unknown_roles_pending_requests_and_non_coordinators(network, coordinator, pending):
    membership = membership_of(network, person_in(network))
    with scope(network=network):
        with pytest.raises(ValidationError) as caught:
            membership_change_role(membership=membership, role="owner", acting_user=coordinator)
        assert caught.value.message_dict == {"role": ["Choose a valid role."]}
        with pytest.raises(ValidationError, match="has not been answered yet"):
            membership_change_role(membership=pending, role=Role.OBSERVER, acting_user=coordinator)
        with pytest.raises(PermissionDenied):
            membership_change_role(membership=membership, role=Role.COORDINATOR, acting_user=person_in(network))
    with scopes_disabled():
        membership.refresh_from_db()
    assert membership.role == Role.MEMBER


# --- invitations -------------------------------------------------------------------------------------


def age(user, *, days):
    """Make the account `days` old, as the trust rule for personal messages reads it."""
    type(user).objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    user.refresh_from_db()


def invite(network, coordinator, email="New.Person@Example.org", role=Role.MEMBER, **kwargs):
    with scope(network=network):
        return invitation_create(network=network, email=email, role=role, acting_user=coordinator, **kwargs)


def test_an_invitation_is_e_mailed_to_the_invitee_with_its_link(
    network, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    age(coordinator, days=30)  # an account this old is trusted with a personal message (see below)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(network, coordinator, role=Role.OBSERVER, message="Join us!", organisation_name=" Edu ")

    assert (invitation.email, invitation.role, invitation.organisation_name) == (
        "new.person@example.org", "observer", "Edu"
    )  # fmt: skip
    assert invitation.is_open
    assert recipients(mailoutbox) == ["new.person@example.org"]
    assert mailoutbox[0].subject == "[Partnera] You are invited to join Career Guidance Network"
    assert f"{SITE}/invitations/{invitation.token}/" in mailoutbox[0].body
    assert "Join us!" in mailoutbox[0].body


def test_a_second_invitation_to_a_waiting_address_is_refused(
    network, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    invite(network, coordinator)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
        invite(network, coordinator, email="new.person@EXAMPLE.org")
    assert caught.value.message_dict == {"email": ["An invitation to this address is already waiting."]}
    with scope(network=network):
        assert Invitation.objects.count() == 1
    assert mailoutbox == []


def test_an_address_may_be_invited_again_after_its_invitation_expired_or_was_revoked(network, coordinator):
    expired = InvitationFactory(network=network, email="a@example.org", expires_at=timezone.now() - timedelta(days=1))
    revoked = InvitationFactory(network=network, email="b@example.org", revoked_at=timezone.now())
    again = [invite(network, coordinator, email="a@example.org"), invite(network, coordinator, email="b@example.org")]
    assert [(i.email, i.is_open) for i in again] == [("a@example.org", True), ("b@example.org", True)]
    assert {i.pk for i in again}.isdisjoint({expired.pk, revoked.pk})  # new invitations, the old ones stay closed
    with scope(network=network):
        assert Invitation.objects.count() == 4


@pytest.mark.parametrize(
    ("email", "role", "field"),
    [("new@example.org", "boss", "role"), ("not an address", Role.MEMBER, "email"), ("", Role.MEMBER, "email")],
)
def test_invitation_create_refuses_bad_input(network, coordinator, email, role, field):
    with pytest.raises(ValidationError) as caught:
        invite(network, coordinator, email=email, role=role)
    assert list(caught.value.message_dict) == [field]
    with scope(network=network):
        assert not Invitation.objects.exists()


def test_only_coordinators_invite(network, coordinator):
    with pytest.raises(PermissionDenied):
        invite(network, person_in(network))
    with scope(network=network):
        assert not Invitation.objects.exists()


def test_revoke_closes_an_invitation(network, coordinator):
    invitation = invite(network, coordinator)
    with scope(network=network):
        invitation_revoke(invitation=invitation, acting_user=coordinator)
    assert not invitation.is_open


def test_an_accepted_invitation_cannot_be_revoked_and_members_cannot_revoke(network, coordinator):
    invitation = InvitationFactory(network=network, accepted_at=timezone.now())
    with scope(network=network):
        with pytest.raises(ValidationError, match="already been accepted"):
            invitation_revoke(invitation=invitation, acting_user=coordinator)
        with pytest.raises(PermissionDenied):
            invitation_revoke(invitation=InvitationFactory(network=network), acting_user=person_in(network))


def accept(network, invitation, user, **kwargs):
    with scope(network=network):
        return invitation_accept(invitation=invitation, token=invitation.token, acting_user=user, **kwargs)


@pytest.fixture
def invitee():
    return AffiliationFactory(user__email="invitee@school.am", organisation__name="School 7").user


def test_accepting_for_an_organisation_makes_it_an_active_member_with_the_invited_role(network, coordinator, invitee):
    invitation = InvitationFactory(
        network=network, email="Invitee@School.am", role=Role.OBSERVER, invited_by=coordinator
    )
    membership = accept(network, invitation, invitee, organisation=org_of(invitee))

    assert (membership.organisation, membership.status, membership.role) == (org_of(invitee), "active", "observer")
    assert membership.decided_by == coordinator
    invitation.refresh_from_db()
    assert (invitation.accepted_by, invitation.membership) == (invitee, membership)
    assert network_role(invitee, network) == Role.OBSERVER


def test_accepting_with_a_new_organisation_creates_it_with_the_user_as_admin(network):
    newcomer = UserFactory(email="founder@new-ngo.org")
    invitation = InvitationFactory(network=network, email=newcomer.email, role=Role.COORDINATOR)

    membership = accept(network, invitation, newcomer, new_organisation={"name": "New NGO", "kind": "ngo"})

    organisation = Organisation.objects.get(name="New NGO")
    assert Affiliation.objects.get(organisation=organisation).user == newcomer
    assert Affiliation.objects.get(organisation=organisation).is_admin
    assert (membership.organisation, membership.status, membership.role) == (organisation, "active", "coordinator")


def test_accepting_turns_a_pending_request_into_the_membership(network, invitee):
    pending = request_from(network, invitee)
    membership = accept(
        network, InvitationFactory(network=network, email=invitee.email), invitee, organisation=org_of(invitee)
    )
    assert membership.pk == pending.pk
    assert status_of(pending) == Membership.Status.ACTIVE


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "has expired or was withdrawn"),
        ({"revoked_at": timezone.now()}, "has expired or was withdrawn"),
        ({"accepted_at": timezone.now()}, "has already been used"),
        ({"email": "someone.else@school.am"}, "was sent to someone.else@school.am"),
    ],
    ids=["expired", "revoked", "used", "other-address"],
)
def test_accepting_a_closed_or_someone_elses_invitation_is_refused(network, invitee, change, message):
    invitation = InvitationFactory(network=network, **{"email": invitee.email, **change})
    with pytest.raises(ValidationError, match=message):
        accept(network, invitation, invitee, organisation=org_of(invitee))
    with scopes_disabled():
        assert not Membership.objects.exists()
    assert invitation.accepted_by is None


def test_accepting_needs_an_organisation(network, invitee):
    invitation = InvitationFactory(network=network, email=invitee.email)
    with pytest.raises(ValidationError, match="Choose your organisation or describe a new one"):
        accept(network, invitation, invitee)


def test_a_new_organisation_without_a_name_rolls_everything_back(network):
    newcomer = UserFactory()
    invitation = InvitationFactory(network=network, email=newcomer.email)
    with pytest.raises(ValidationError) as caught:
        accept(network, invitation, newcomer, new_organisation={"name": "", "kind": "ngo"})
    assert "name" in caught.value.message_dict
    assert not Organisation.objects.exists()
    invitation.refresh_from_db()
    assert invitation.is_open


def test_an_organisation_already_in_the_network_cannot_accept_again(network, invitee):
    MembershipFactory(network=network, organisation=org_of(invitee))
    invitation = InvitationFactory(network=network, email=invitee.email)
    with pytest.raises(ValidationError, match="already a member"):
        accept(network, invitation, invitee, organisation=org_of(invitee))
    invitation.refresh_from_db()
    assert invitation.is_open


def test_one_cannot_accept_for_an_organisation_one_does_not_administer(network, invitee):
    invitation = InvitationFactory(network=network, email=invitee.email)
    with pytest.raises(PermissionDenied):
        accept(network, invitation, invitee, organisation=OrganisationFactory())
    with scopes_disabled():
        assert not Membership.objects.exists()


def test_organisations_for_invitation_are_the_ones_the_user_administers(invitee):
    administered = org_of(invitee)
    AffiliationFactory(user=invitee, is_admin=False)
    assert list(organisations_for_invitation(invitee)) == [administered]
