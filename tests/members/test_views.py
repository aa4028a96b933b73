"""Organisation pages through the client: profile, people, colleague invitations."""

from datetime import timedelta

import pytest
from django.utils import timezone

from members.models import Affiliation, ColleagueInvitation, Organisation
from network.models import Network, Role
from tests.factories import (
    PASSWORD,
    AffiliationFactory,
    ColleagueInvitationFactory,
    MembershipFactory,
    NetworkFactory,
    UserFactory,
)
from tests.pages import field_error, messages, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return AffiliationFactory(organisation__name="Youth Voices", organisation__acronym="").user


@pytest.fixture
def organisation(admin):
    return admin.affiliations.get().organisation


# --- the organisation profile ---------------------------------------------------------------------------


def test_adding_an_organisation_needs_a_login(client):
    response = client.get("/organisations/new/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/organisations/new/"


def test_adding_an_organisation_without_a_name_shows_the_error_and_saves_nothing(client):
    client.force_login(UserFactory())
    response = client.post("/organisations/new/", {"name": "", "kind": "ngo", "website": "not a site"})
    assert response.status_code == 200
    field_error(response, "name", "This field is required.")
    field_error(response, "website", "Enter a valid URL.")
    assert not Organisation.objects.exists()


def test_adding_an_organisation_makes_you_its_admin(client):
    person = UserFactory()
    client.force_login(person)
    assert client.get("/organisations/new/").status_code == 200
    response = client.post(
        "/organisations/new/", {"name": "Armenian Career Centre", "kind": "ngo", "country": "AM"}, follow=True
    )
    organisation = Organisation.objects.get()
    assert response.redirect_chain == [(f"/organisations/{organisation.pk}/", 302)]
    assert "Armenian Career Centre is on Partnera. You are its admin." in messages(response)
    assert Affiliation.objects.get(organisation=organisation).user == person


def test_the_public_profile_lists_public_networks_only(client, organisation):
    MembershipFactory(organisation=organisation, network=NetworkFactory(name="Open Coalition"), role=Role.MEMBER)
    MembershipFactory(
        organisation=organisation,
        network=NetworkFactory(name="Closed Consortium", visibility=Network.Visibility.PRIVATE),
    )
    page = text(client.get(f"/organisations/{organisation.pk}/"))
    assert "Youth Voices" in page and "Open Coalition" in page
    assert "Closed Consortium" not in page


def test_editing_is_for_the_organisations_admins(client, organisation):
    client.force_login(AffiliationFactory(organisation=organisation, is_admin=False).user)
    assert client.get(f"/organisations/{organisation.pk}/edit/").status_code == 403
    assert (
        client.post(f"/organisations/{organisation.pk}/edit/", {"name": "Hijacked", "kind": "ngo"}).status_code == 403
    )
    organisation.refresh_from_db()
    assert organisation.name == "Youth Voices"


def test_editing_with_a_bad_website_shows_the_error_and_saves_nothing(client, admin, organisation):
    client.force_login(admin)
    response = client.post(
        f"/organisations/{organisation.pk}/edit/", {"name": "Renamed", "kind": "ngo", "website": "http://"}
    )
    assert response.status_code == 200
    field_error(response, "website", "Enter a valid URL.")
    organisation.refresh_from_db()
    assert organisation.name == "Youth Voices"


def test_editing_saves_the_profile(client, admin, organisation):
    client.force_login(admin)
    response = client.post(
        f"/organisations/{organisation.pk}/edit/", {"name": "Youth Voices", "kind": "ngo", "city": "Gyumri"}
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.city == "Gyumri"


# --- people and colleague invitations ---------------------------------------------------------------


def test_people_page_is_for_the_organisations_admins(client, organisation):
    client.force_login(AffiliationFactory().user)
    assert client.get(f"/organisations/{organisation.pk}/people/").status_code == 403
    client.logout()
    assert client.get(f"/organisations/{organisation.pk}/people/").status_code == 302


def test_inviting_a_colleague_sends_the_link(
    client, admin, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/organisations/{organisation.pk}/people/", {"email": "ana@example.org"}, follow=True)
    assert "Invitation sent to ana@example.org." in messages(response)
    invitation = ColleagueInvitation.objects.get()
    assert [m.to for m in mailoutbox] == [["ana@example.org"]]
    assert f"http://127.0.0.1:8000/colleague-invitations/{invitation.token}/" in mailoutbox[0].body
    assert "ana@example.org" in text(response)


@pytest.mark.parametrize(
    ("email", "message"),
    [("not-an-address", "Enter a valid email address."), ("SAME", "already works for Youth Voices")],
)
def test_a_bad_colleague_invitation_shows_the_error_next_to_the_field(client, admin, organisation, email, message):
    client.force_login(admin)
    response = client.post(
        f"/organisations/{organisation.pk}/people/", {"email": admin.email if email == "SAME" else email}
    )
    assert response.status_code == 200
    field_error(response, "email", message)
    assert not ColleagueInvitation.objects.exists()


def test_revoking_a_colleague_invitation(client, admin, organisation):
    invitation = ColleagueInvitationFactory(organisation=organisation, email="ana@example.org")
    client.force_login(admin)
    response = client.post(f"/organisations/{organisation.pk}/invitations/{invitation.pk}/revoke/", follow=True)
    assert response.status_code == 200
    assert "ana@example.org" not in text(response)
    invitation.refresh_from_db()
    assert not invitation.is_open


def test_a_new_colleague_signs_up_from_the_link_and_joins(client, organisation, mailoutbox):
    invitation = ColleagueInvitationFactory(organisation=organisation, email="ana@example.org")
    link = f"/colleague-invitations/{invitation.token}/"
    page = client.get(link)
    assert f'href="/accounts/signup/?next={link}"' in page.content.decode()
    assert client.post(link)["Location"] == f"/accounts/login/?next={link}"  # accepting needs an account

    # The link proves the invited address: signing up with it needs no confirmation mail.
    response = client.post(
        "/accounts/signup/",
        {"email": "ana@example.org", "password1": PASSWORD, "password2": PASSWORD, "full_name": "Ana", "next": link},
    )
    assert response["Location"] == link
    assert mailoutbox == []

    response = client.post(link, follow=True)
    assert response.redirect_chain == [(f"/organisations/{organisation.pk}/", 302)]
    assert "You now work for Youth Voices on Partnera." in messages(response)
    affiliation = Affiliation.objects.get(user__email="ana@example.org")
    assert (affiliation.organisation, affiliation.is_admin) == (organisation, False)


def test_someone_else_cannot_use_a_colleague_invitation(client, organisation):
    invitation = ColleagueInvitationFactory(organisation=organisation, email="ana@example.org")
    intruder = UserFactory(email="intruder@example.org")
    client.force_login(intruder)
    response = client.post(f"/colleague-invitations/{invitation.token}/")
    assert response.status_code == 200
    assert "This invitation was sent to ana@example.org. Log in with that address to accept it." in text(response)
    assert not Affiliation.objects.filter(user=intruder).exists()


def test_an_expired_colleague_invitation_says_so(client, organisation):
    invitation = ColleagueInvitationFactory(
        organisation=organisation, email="ana@example.org", expires_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(UserFactory(email="ana@example.org"))
    assert "has expired or was withdrawn" in text(client.get(f"/colleague-invitations/{invitation.token}/"))
    response = client.post(f"/colleague-invitations/{invitation.token}/")
    assert response.status_code == 200
    assert "has expired or was withdrawn" in text(response)
    assert not Affiliation.objects.filter(user__email="ana@example.org").exists()


def test_removing_a_colleague_and_refusing_to_remove_the_last_admin(client, admin, organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False, user__full_name="Ana Colleague")
    client.force_login(admin)
    response = client.post(f"/organisations/{organisation.pk}/people/{colleague.pk}/remove/", follow=True)
    assert "Ana Colleague was removed." in messages(response)
    assert not Affiliation.objects.filter(pk=colleague.pk).exists()

    mine = admin.affiliations.get()
    response = client.post(f"/organisations/{organisation.pk}/people/{mine.pk}/remove/", follow=True)
    assert response.status_code == 200
    assert messages(response) == ["Youth Voices needs at least one admin. Make someone else admin first."]
    assert Affiliation.objects.filter(pk=mine.pk).exists()


def test_granting_and_dropping_admin_rights(client, admin, organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False)
    mine = admin.affiliations.get()
    client.force_login(admin)

    response = client.post(f"/organisations/{organisation.pk}/people/{mine.pk}/admin/", {"is_admin": "0"}, follow=True)
    assert messages(response) == ["Youth Voices needs at least one admin."]
    client.post(f"/organisations/{organisation.pk}/people/{colleague.pk}/admin/", {"is_admin": "1"})
    colleague.refresh_from_db()
    assert colleague.is_admin


def test_another_organisations_people_are_not_reachable_through_yours(client, admin, organisation):
    elsewhere = AffiliationFactory(is_admin=False)
    client.force_login(admin)
    assert client.post(f"/organisations/{organisation.pk}/people/{elsewhere.pk}/remove/").status_code == 404
    assert (
        client.post(f"/organisations/{organisation.pk}/people/{elsewhere.pk}/admin/", {"is_admin": "1"}).status_code
        == 404
    )
    invitation = ColleagueInvitationFactory()
    assert client.post(f"/organisations/{organisation.pk}/invitations/{invitation.pk}/revoke/").status_code == 404
    assert Affiliation.objects.filter(pk=elsewhere.pk, is_admin=False).exists()
    invitation.refresh_from_db()
    assert invitation.is_open
