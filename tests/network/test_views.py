"""Network pages through the client: forms show errors next to the field and save nothing, service
refusals come back as messages (never a 500), and the membership and invitation journeys work."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from django_scopes import scopes_disabled

from members.models import Affiliation, Organisation
from network.models import Invitation, Membership, Network, Role
from tests.factories import (
    PASSWORD,
    AffiliationFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    person_in,
)
from tests.pages import field_error, messages, text

pytestmark = pytest.mark.django_db


def status(membership):
    with scopes_disabled():
        membership.refresh_from_db()
    return membership.status


@pytest.fixture
def network():
    return NetworkFactory(name="Career Guidance Network", slug="cgn")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Lead NGO", acronym="")


@pytest.fixture
def applicant():
    return AffiliationFactory(organisation__name="Youth Voices", organisation__acronym="").user


@pytest.fixture
def pending(network, applicant):
    return MembershipFactory(
        network=network,
        organisation=applicant.affiliations.get().organisation,
        status=Membership.Status.REQUESTED,
        requested_by=applicant,
    )


def url(name, network, membership=None):
    if membership is None:
        return f"/networks/{network.slug}/{name}/"
    return f"/networks/{network.slug}/memberships/{membership.pk}/{name}/"


# --- founding and editing a network -------------------------------------------------------------------


@pytest.mark.parametrize("page", ["/", "/networks/", "/networks/cgn/", "/accounts/login/", "/accounts/signup/"])
def test_public_pages_open_for_anonymous_visitors(client, network, page):
    assert client.get(page).status_code == 200


def test_founding_a_network_with_a_missing_name_shows_the_error_and_saves_nothing(client, applicant):
    client.force_login(applicant)
    organisation = applicant.affiliations.get().organisation
    response = client.post("/networks/new/", {"organisation": organisation.pk, "name": "", "colour": "#123456",
                                              "visibility": "public"})  # fmt: skip
    assert response.status_code == 200
    field_error(response, "name", "This field is required.")
    assert not Network.objects.exists()


def test_founding_a_network_makes_the_founder_coordinator(client, applicant):
    client.force_login(applicant)
    assert client.get("/networks/new/").status_code == 200
    organisation = applicant.affiliations.get().organisation
    response = client.post(
        "/networks/new/",
        {"organisation": organisation.pk, "name": "Balkan VET Platform", "acronym": "BVP", "colour": "#123456",
         "visibility": "private", "objectives": "Work-based learning\nCareer guidance"},
        follow=True,
    )  # fmt: skip
    assert response.redirect_chain == [("/networks/bvp/", 302)]
    assert "The network is founded. Invite its members." in messages(response)
    assert "Career guidance" in text(response)
    with scopes_disabled():
        assert Membership.objects.get(network__slug="bvp").role == Role.COORDINATOR


def test_editing_with_a_bad_colour_shows_the_error_next_to_the_field(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(url("edit", network), {"name": "Renamed", "colour": "blue", "visibility": "public"})
    assert response.status_code == 200
    field_error(response, "colour", "Use a colour like #1f5f8b.")
    network.refresh_from_db()
    assert network.name == "Career Guidance Network"


def test_editing_saves_the_profile(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        url("edit", network), {"name": "CGN Armenia", "colour": "#aa3300", "visibility": "public", "tasks": "Study"}
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.name == "CGN Armenia"
    assert "Study" in text(client.get(f"/networks/{network.slug}/"))


# --- asking to join, withdrawing -------------------------------------------------------------------------


def test_join_without_choosing_an_organisation_shows_the_error_and_saves_nothing(client, network, applicant):
    client.force_login(applicant)
    response = client.post(url("join", network), {"organisation": "", "message": "Hi"})
    assert response.status_code == 200
    field_error(response, "organisation", "This field is required.")
    with scopes_disabled():
        assert not Membership.objects.filter(network=network).exists()


def test_join_request_reaches_the_coordinators_and_shows_on_the_network_page(
    client, network, coordinator, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    organisation = applicant.affiliations.get().organisation
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("join", network), {"organisation": organisation.pk, "message": "We run career clubs."}, follow=True
        )

    assert response.redirect_chain == [("/networks/cgn/", 302)]
    assert "Your request was sent. The coordinators will answer by e-mail." in messages(response)
    assert "Youth Voices has asked to join" in text(response)
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert "http://127.0.0.1:8000/networks/cgn/members/manage/" in mailoutbox[0].body


def test_joining_twice_is_explained_and_saves_nothing(client, network, applicant, pending):
    client.force_login(applicant)
    organisation = applicant.affiliations.get().organisation
    assert "already in this network or have asked to join" in text(client.get(url("join", network)))

    response = client.post(url("join", network), {"organisation": organisation.pk})
    assert response.status_code == 200
    assert "already in this network or have asked to join" in text(response)
    with scopes_disabled():
        assert Membership.objects.filter(network=network).count() == 1


def test_the_requester_withdraws(client, network, applicant, pending):
    client.force_login(applicant)
    response = client.post(url("withdraw", network, pending), follow=True)
    assert response.redirect_chain == [("/networks/cgn/", 302)]
    assert "Youth Voices's request was withdrawn." in messages(response)
    assert status(pending) == Membership.Status.WITHDRAWN


def test_nobody_else_withdraws_a_request(client, network, coordinator, pending):
    client.force_login(coordinator)
    assert client.post(url("withdraw", network, pending)).status_code == 403
    assert status(pending) == Membership.Status.REQUESTED


def test_withdrawing_twice_is_a_message_not_an_error_page(client, network, applicant, pending):
    client.force_login(applicant)
    client.post(url("withdraw", network, pending), follow=True)
    response = client.post(url("withdraw", network, pending), follow=True)
    assert response.status_code == 200
    assert messages(response) == ["This request was withdrawn by Youth Voices."]


# --- the coordinator decides ---------------------------------------------------------------------------


def test_coordinator_sees_the_request_and_approves_it_with_a_role(
    client, network, coordinator, applicant, pending, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    page = client.get(url("members/manage", network))
    assert f'id="request-{pending.pk}"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("approve", network, pending), {"role": "observer"}, follow=True)

    assert response.redirect_chain == [("/networks/cgn/members/manage/", 302)]
    assert "Youth Voices is now a member." in messages(response)
    assert f'id="request-{pending.pk}"' not in response.content.decode()
    assert f'id="member-{pending.pk}"' in response.content.decode()
    with scopes_disabled():
        pending.refresh_from_db()
    assert (pending.status, pending.role) == ("active", "observer")
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "http://127.0.0.1:8000/networks/cgn/workspace/" in mailoutbox[0].body

    client.force_login(applicant)
    assert client.get(url("workspace", network)).status_code == 200


def test_approving_a_withdrawn_request_shows_a_message(client, network, coordinator, pending):
    with scopes_disabled():
        Membership.objects.filter(pk=pending.pk).update(status=Membership.Status.WITHDRAWN)
    client.force_login(coordinator)
    response = client.post(url("approve", network, pending), {"role": "member"}, follow=True)
    assert response.status_code == 200
    assert messages(response) == ["This request was withdrawn by Youth Voices."]
    assert status(pending) == Membership.Status.WITHDRAWN


def test_approving_with_an_unknown_role_shows_a_message(client, network, coordinator, pending):
    client.force_login(coordinator)
    response = client.post(url("approve", network, pending), {"role": "boss"}, follow=True)
    assert response.status_code == 200
    assert messages(response) == ["Select a valid choice. boss is not one of the available choices."]
    assert status(pending) == Membership.Status.REQUESTED


def test_declining_needs_a_reason(
    client, network, coordinator, applicant, pending, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    response = client.post(url("decline", network, pending), {"reason": ""}, follow=True)
    assert response.status_code == 200
    assert messages(response) == ["This field is required."]
    assert status(pending) == Membership.Status.REQUESTED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("decline", network, pending), {"reason": "Only schools."}, follow=True)
    assert "Youth Voices's request was declined." in messages(response)
    assert status(pending) == Membership.Status.DECLINED
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "Only schools." in mailoutbox[0].body


def test_a_member_cannot_approve(client, network, pending):
    client.force_login(person_in(network, Role.MEMBER))
    assert client.post(url("approve", network, pending), {"role": "member"}).status_code == 403
    assert status(pending) == Membership.Status.REQUESTED


def test_coordinator_changes_roles_but_never_removes_the_last_coordinator(client, network, coordinator):
    member = person_in(network, Role.MEMBER)
    with scopes_disabled():
        theirs = Membership.objects.get(network=network, organisation__affiliations__user=member)
        mine = Membership.objects.get(network=network, organisation__affiliations__user=coordinator)
    client.force_login(coordinator)

    response = client.post(url("role", network, mine), {"role": "member"}, follow=True)
    assert messages(response) == [
        "Lead NGO is the network's only coordinator. Make another organisation coordinator first."
    ]
    response = client.post(url("role", network, theirs), {"role": "coordinator"}, follow=True)
    assert any("role was changed" in m for m in messages(response))
    with scopes_disabled():
        theirs.refresh_from_db()
    assert theirs.role == Role.COORDINATOR


def test_suspend_and_reinstate(client, network, coordinator):
    member = person_in(network, Role.MEMBER, name="Quiet NGO", acronym="")
    with scopes_disabled():
        theirs = Membership.objects.get(network=network, organisation__affiliations__user=member)
        mine = Membership.objects.get(network=network, organisation__affiliations__user=coordinator)
    client.force_login(coordinator)

    response = client.post(url("suspend", network, theirs), {"reason": "No reports"}, follow=True)
    assert messages(response) == ["Quiet NGO is suspended."]
    assert status(theirs) == Membership.Status.SUSPENDED
    client.force_login(member)
    assert client.get(url("workspace", network)).status_code == 403

    client.force_login(coordinator)
    response = client.post(url("reinstate", network, theirs), follow=True)
    assert messages(response) == ["Quiet NGO is active again."]
    response = client.post(url("reinstate", network, theirs), follow=True)
    assert messages(response) == ["Quiet NGO is already an active member."]
    response = client.post(url("suspend", network, theirs), follow=True)  # the confirm step asks why
    assert messages(response) == ["Say why, for the organisation and for the audit log."]
    response = client.post(url("suspend", network, mine), {"reason": "Handing over"}, follow=True)
    assert "only coordinator" in messages(response)[0]
    assert status(mine) == Membership.Status.ACTIVE


# --- leaving ---------------------------------------------------------------------------------------------


def test_a_member_organisation_leaves_from_the_workspace(client, network, coordinator):
    member = person_in(network, Role.MEMBER, name="Quiet NGO", acronym="")
    with scopes_disabled():
        theirs = Membership.objects.get(network=network, organisation__affiliations__user=member)
    client.force_login(member)
    assert url("leave", network, theirs) in client.get(url("workspace", network)).content.decode()

    response = client.post(url("leave", network, theirs), follow=True)
    assert response.status_code == 200
    assert "Quiet NGO has left the network." in messages(response)
    assert status(theirs) == Membership.Status.LEFT
    assert client.get(url("workspace", network)).status_code == 403


def test_leaving_a_private_network_does_not_land_on_a_404(client):
    private = NetworkFactory(visibility=Network.Visibility.PRIVATE)
    person_in(private, Role.COORDINATOR)
    member = person_in(private, Role.MEMBER)
    with scopes_disabled():
        theirs = Membership.objects.get(network=private, organisation__affiliations__user=member)
    client.force_login(member)
    response = client.post(url("leave", private, theirs), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/", 302)]
    assert status(theirs) == Membership.Status.LEFT


def test_the_last_coordinator_cannot_leave(client, network, coordinator):
    with scopes_disabled():
        mine = Membership.objects.get(network=network, organisation__affiliations__user=coordinator)
    client.force_login(coordinator)
    response = client.post(url("leave", network, mine), follow=True)
    assert response.status_code == 200
    assert "only coordinator" in messages(response)[0]
    assert status(mine) == Membership.Status.ACTIVE


def test_a_colleague_who_is_not_admin_cannot_take_the_organisation_out(client, network, coordinator):
    member = person_in(network, Role.MEMBER)
    organisation = member.affiliations.get().organisation
    colleague = AffiliationFactory(organisation=organisation, is_admin=False).user
    with scopes_disabled():
        theirs = Membership.objects.get(network=network, organisation=organisation)
    client.force_login(colleague)
    assert client.post(url("leave", network, theirs)).status_code == 403
    assert status(theirs) == Membership.Status.ACTIVE


# --- invitations -----------------------------------------------------------------------------------------


def test_inviting_with_a_bad_address_shows_the_error_and_saves_nothing(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(url("members/invite", network), {"email": "not-an-address", "role": "member"})
    assert response.status_code == 200
    field_error(response, "email", "Enter a valid email address.")
    with scopes_disabled():
        assert not Invitation.objects.exists()


def test_invite_then_revoke(client, network, coordinator, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("members/invite", network),
            {"email": "Head@School7.am", "role": "observer", "organisation_name": "School 7"},
            follow=True,
        )
    assert "Invitation sent to Head@School7.am." in messages(response)
    assert "head@school7.am" in text(response)
    with scopes_disabled():
        invitation = Invitation.objects.get()
    assert [m.to for m in mailoutbox] == [["head@school7.am"]]
    assert f"http://127.0.0.1:8000/invitations/{invitation.token}/" in mailoutbox[0].body

    response = client.post(url("members/invite", network), {"email": "head@school7.am", "role": "member"})
    field_error(response, "email", "An invitation to this address is already waiting.")

    response = client.post(f"/networks/cgn/invitations/{invitation.pk}/revoke/", follow=True)
    assert "Invitation withdrawn." in messages(response)
    assert "head@school7.am" not in text(response)
    with scopes_disabled():
        invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_revoking_an_accepted_invitation_shows_a_message(client, network, coordinator):
    invitation = InvitationFactory(network=network, accepted_at=timezone.now())
    client.force_login(coordinator)
    response = client.post(f"/networks/cgn/invitations/{invitation.pk}/revoke/", follow=True)
    assert response.status_code == 200
    assert messages(response) == ["This invitation has already been accepted."]


def test_the_invitation_link_takes_a_brand_new_user_through_sign_up_into_the_workspace(
    client, network, coordinator, mailoutbox
):
    invitation = InvitationFactory(network=network, email="head@school7.am", role=Role.OBSERVER, invited_by=coordinator)
    link = f"/invitations/{invitation.token}/"

    page = client.get(link)
    assert page.status_code == 200
    assert f'href="/accounts/signup/?next={link}"' in page.content.decode()
    assert f'href="/accounts/login/?next={link}"' in page.content.decode()

    # Signing up with the invited address from the link: the link proves the address, so no mail to confirm
    # it; the new account is signed in and back on the invitation at once.
    response = client.post(
        f"/accounts/signup/?next={link}",
        {"email": "head@school7.am", "password1": PASSWORD, "password2": PASSWORD, "full_name": "Ani Head",
         "next": link},
    )  # fmt: skip
    assert response["Location"] == link
    assert mailoutbox == []
    addresses = EmailAddress.objects.filter(user__full_name="Ani Head").values_list("email", "verified", "primary")
    assert list(addresses) == [("head@school7.am", True, True)]

    form = client.get(link)
    assert "Accept and join" in text(form)
    response = client.post(
        link, {"organisation": "", "new-name": "School 7 Gyumri", "new-kind": "general_school", "new-country": "AM"}
    )
    assert response["Location"] == "/networks/cgn/workspace/"
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert "Welcome to Career Guidance Network." in messages(response)

    organisation = Organisation.objects.get(name="School 7 Gyumri")
    assert Affiliation.objects.get(organisation=organisation).is_admin
    with scopes_disabled():
        membership = Membership.objects.get(network=network, organisation=organisation)
    assert (membership.status, membership.role) == ("active", "observer")


def test_signing_up_from_the_link_with_another_address_confirms_that_one_by_mail_and_accepts_nothing(
    client, network, mailoutbox
):
    """The link proves the invited address only: another one typed at sign-up is confirmed as usual, and
    the account holds only the address typed (allauth alone would add the invited one beside it)."""
    invitation = InvitationFactory(network=network, email="head@school7.am")
    link = f"/invitations/{invitation.token}/"
    client.get(link)
    response = client.post(
        f"/accounts/signup/?next={link}",
        {"email": "ani@home.example", "password1": PASSWORD, "password2": PASSWORD, "full_name": "Ani",
         "next": link},
    )  # fmt: skip
    assert response["Location"] == "/accounts/confirm-email/"
    assert [m.to for m in mailoutbox] == [["ani@home.example"]]
    addresses = EmailAddress.objects.filter(user__full_name="Ani").values_list("email", "verified")
    assert list(addresses) == [("ani@home.example", False)]
    confirm = re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", mailoutbox[-1].body).group(1)
    assert client.post(confirm)["Location"] == link
    response = client.post(link, {"organisation": "", "new-name": "Ani's NGO", "new-kind": "ngo", "new-country": "AM"})
    assert "This invitation was sent to head@school7.am." in text(response)
    invitation.refresh_from_db()
    assert invitation.is_open


def test_a_closed_invitation_link_proves_no_address(client, network, mailoutbox):
    invitation = InvitationFactory(network=network, email="head@school7.am", revoked_at=timezone.now())
    client.get(f"/invitations/{invitation.token}/")
    client.post(
        "/accounts/signup/",
        {"email": "head@school7.am", "password1": PASSWORD, "password2": PASSWORD, "full_name": "Ani"},
    )
    assert [m.to for m in mailoutbox] == [["head@school7.am"]]  # confirmed by mail, as any sign-up
    assert not EmailAddress.objects.get(email="head@school7.am").verified


def test_accepting_with_a_new_organisation_but_no_name_shows_the_error_next_to_the_field(client, network):
    invitation = InvitationFactory(network=network, email="head@school7.am")
    client.force_login(AffiliationFactory(user__email="head@school7.am", is_admin=False).user)
    response = client.post(f"/invitations/{invitation.token}/", {"organisation": "", "new-name": ""})
    assert response.status_code == 200
    field_error(response, "new-name", "This field is required.")
    assert Organisation.objects.count() == 1  # the invitee's existing one only
    invitation.refresh_from_db()
    assert invitation.is_open


def test_an_organisation_admin_accepts_for_their_organisation(client, network):
    admin = AffiliationFactory(user__email="head@school7.am").user
    organisation = admin.affiliations.get().organisation
    invitation = InvitationFactory(network=network, email="head@school7.am", role=Role.MEMBER)
    client.force_login(admin)
    response = client.post(f"/invitations/{invitation.token}/", {"organisation": organisation.pk})
    assert response["Location"] == "/networks/cgn/workspace/"
    with scopes_disabled():
        assert Membership.objects.get(network=network, organisation=organisation).status == "active"


def test_someone_else_signed_in_sees_why_they_cannot_accept(client, network):
    invitation = InvitationFactory(network=network, email="head@school7.am")
    intruder = AffiliationFactory(user__email="other@example.org").user
    client.force_login(intruder)
    response = client.post(
        f"/invitations/{invitation.token}/", {"organisation": intruder.affiliations.get().organisation_id}
    )
    assert response.status_code == 200
    assert "This invitation was sent to head@school7.am. Log in with that address to accept it." in text(response)
    with scopes_disabled():
        assert not Membership.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(days=1)}, "has expired or was withdrawn"),
        ({"accepted_at": timezone.now()}, "has already been used"),
    ],
    ids=["expired", "used"],
)
def test_a_closed_invitation_says_so_and_accepts_nothing(client, network, change, message):
    invitation = InvitationFactory(network=network, email="head@school7.am", **change)
    assert message in text(client.get(f"/invitations/{invitation.token}/"))
    admin = AffiliationFactory(user__email="head@school7.am").user
    client.force_login(admin)
    response = client.post(
        f"/invitations/{invitation.token}/", {"organisation": admin.affiliations.get().organisation_id}
    )
    assert response.status_code == 200
    assert message in text(response)
    with scopes_disabled():
        assert not Membership.objects.exists()


def test_an_unknown_invitation_token_is_404(client):
    assert client.get("/invitations/not-a-token/").status_code == 404


# --- language -------------------------------------------------------------------------------------------


def test_the_language_switcher_changes_the_page_language(client, network):
    assert '<html lang="en"' in client.get("/networks/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "pl", "next": "/networks/"})
    assert response.status_code == 302 and response["Location"] == "/networks/"
    page = client.get("/networks/").content.decode()
    assert '<html lang="pl"' in page
    assert '<option value="pl" lang="pl" selected>' in page
