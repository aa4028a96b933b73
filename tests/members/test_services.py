"""members/services.py: organisations, colleagues and their invitations; refusals save nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from members import services
from members.models import Affiliation, ColleagueInvitation, Organisation
from members.permissions import admin_organisation_ids, organisation_ids
from tests.factories import AffiliationFactory, ColleagueInvitationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


@pytest.fixture
def admin():
    return AffiliationFactory(organisation__name="Youth Voices", organisation__acronym="YV").user


@pytest.fixture
def organisation(admin):
    return admin.affiliations.get().organisation


# --- organisations ------------------------------------------------------------------------------------


def test_organisation_create_makes_its_creator_admin():
    person = UserFactory()
    assert admin_organisation_ids(person) == frozenset()  # memo warmed on purpose

    organisation = services.organisation_create(
        data={"name": "Armenian Career Centre", "kind": "ngo", "country": "AM"},
        acting_user=person,
    )

    affiliation = Affiliation.objects.get(organisation=organisation)
    assert (affiliation.user, affiliation.is_admin) == (person, True)
    assert admin_organisation_ids(person) == {organisation.pk}


def test_organisation_create_with_bad_data_names_the_fields_and_saves_nothing():
    with pytest.raises(ValidationError) as caught:
        services.organisation_create(
            data={"name": "", "kind": "pirates", "website": "not a url"}, acting_user=UserFactory()
        )
    assert set(caught.value.message_dict) == {"name", "kind", "website"}
    assert not Organisation.objects.exists()
    assert not Affiliation.objects.exists()


def test_organisation_update_by_its_admin(admin, organisation):
    services.organisation_update(organisation=organisation, data={"city": "Gyumri"}, acting_user=admin)
    organisation.refresh_from_db()
    assert organisation.city == "Gyumri"


def test_organisation_update_refuses_colleagues_who_are_not_admins_and_strangers(organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False).user
    for person in (colleague, AffiliationFactory().user):
        with pytest.raises(PermissionDenied):
            services.organisation_update(organisation=organisation, data={"name": "Hijacked"}, acting_user=person)
    organisation.refresh_from_db()
    assert organisation.name == "Youth Voices"


def test_organisation_update_with_bad_data_saves_nothing(admin, organisation):
    with pytest.raises(ValidationError) as caught:
        services.organisation_update(organisation=organisation, data={"name": ""}, acting_user=admin)
    assert list(caught.value.message_dict) == ["name"]
    organisation.refresh_from_db()
    assert organisation.name == "Youth Voices"


# --- colleague invitations ------------------------------------------------------------------------------


def test_colleague_invite_e_mails_the_invitee_with_the_link(
    admin, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.colleague_invite(organisation=organisation, email=" Ana@Example.org ", acting_user=admin)

    assert invitation.email == "ana@example.org" and invitation.is_open
    assert [m.to for m in mailoutbox] == [["ana@example.org"]]
    assert mailoutbox[0].subject == "[Partnera] Join Youth Voices on Partnera"
    assert f"{SITE}/colleague-invitations/{invitation.token}/" in mailoutbox[0].body


def test_colleague_invite_refuses_people_already_there_and_waiting_addresses(
    admin, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    AffiliationFactory(organisation=organisation, user__email="there@example.org", is_admin=False)
    ColleagueInvitationFactory(organisation=organisation, email="waiting@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError) as already_there:
            services.colleague_invite(organisation=organisation, email="THERE@example.org", acting_user=admin)
        with pytest.raises(ValidationError) as waiting:
            services.colleague_invite(organisation=organisation, email="waiting@example.org", acting_user=admin)

    assert already_there.value.message_dict == {"email": ["This person already works for Youth Voices (YV)."]}
    assert waiting.value.message_dict == {"email": ["An invitation to this address is already waiting."]}
    assert ColleagueInvitation.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize("email", ["not an address", "   "])
def test_colleague_invite_refuses_what_is_not_an_address(admin, organisation, email):
    with pytest.raises(ValidationError) as caught:
        services.colleague_invite(organisation=organisation, email=email, acting_user=admin)
    assert list(caught.value.message_dict) == ["email"]
    assert not ColleagueInvitation.objects.exists()


def test_only_admins_invite_colleagues(organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False).user
    with pytest.raises(PermissionDenied):
        services.colleague_invite(organisation=organisation, email="x@example.org", acting_user=colleague)
    assert not ColleagueInvitation.objects.exists()


def test_accepting_a_colleague_invitation_adds_the_person_without_admin_rights(organisation):
    newcomer = UserFactory(email="ana@example.org")
    invitation = ColleagueInvitationFactory(organisation=organisation, email="Ana@example.org")
    assert organisation_ids(newcomer) == frozenset()

    affiliation = services.colleague_invitation_accept(
        invitation=invitation, token=invitation.token, acting_user=newcomer
    )

    assert (affiliation.organisation, affiliation.is_admin) == (organisation, False)
    invitation.refresh_from_db()
    assert (invitation.accepted_by, invitation.is_open) == (newcomer, False)
    assert organisation_ids(newcomer) == {organisation.pk}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "has expired or was withdrawn"),
        ({"revoked_at": timezone.now()}, "has expired or was withdrawn"),
        ({"accepted_at": timezone.now()}, "has already been used"),
        ({"email": "someone.else@example.org"}, "was sent to someone.else@example.org"),
    ],
    ids=["expired", "revoked", "used", "other-address"],
)
def test_accepting_a_closed_or_someone_elses_colleague_invitation_is_refused(organisation, change, message):
    newcomer = UserFactory(email="ana@example.org")
    invitation = ColleagueInvitationFactory(organisation=organisation, **{"email": newcomer.email, **change})
    with pytest.raises(ValidationError, match=message):
        services.colleague_invitation_accept(invitation=invitation, token=invitation.token, acting_user=newcomer)
    assert not Affiliation.objects.filter(user=newcomer).exists()


def test_revoking_a_colleague_invitation(admin, organisation):
    invitation = ColleagueInvitationFactory(organisation=organisation)
    services.colleague_invitation_revoke(invitation=invitation, acting_user=admin)
    invitation.refresh_from_db()
    assert not invitation.is_open


def test_an_accepted_colleague_invitation_cannot_be_revoked_and_strangers_cannot_revoke(admin, organisation):
    accepted = ColleagueInvitationFactory(organisation=organisation, accepted_at=timezone.now())
    with pytest.raises(ValidationError, match="already been accepted"):
        services.colleague_invitation_revoke(invitation=accepted, acting_user=admin)
    waiting = ColleagueInvitationFactory(organisation=organisation)
    with pytest.raises(PermissionDenied):
        services.colleague_invitation_revoke(invitation=waiting, acting_user=AffiliationFactory().user)
    waiting.refresh_from_db()
    assert waiting.is_open


# --- affiliations ----------------------------------------------------------------------------------------


def test_an_admin_removes_a_colleague(admin, organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False)
    services.affiliation_remove(affiliation=colleague, acting_user=admin)
    assert list(organisation.affiliations.values_list("user", flat=True)) == [admin.pk]


def test_removing_the_last_admin_is_refused(admin, organisation):
    AffiliationFactory(organisation=organisation, is_admin=False)
    last_admin = admin.affiliations.get()
    with pytest.raises(ValidationError) as caught:
        services.affiliation_remove(affiliation=last_admin, acting_user=admin)
    assert caught.value.messages == ["Youth Voices (YV) needs at least one admin. Make someone else admin first."]
    assert Affiliation.objects.filter(pk=last_admin.pk).exists()


def test_an_admin_may_leave_when_another_admin_stays(admin, organisation):
    AffiliationFactory(organisation=organisation, is_admin=True)
    services.affiliation_remove(affiliation=admin.affiliations.get(), acting_user=admin)
    assert not Affiliation.objects.filter(user=admin).exists()
    assert admin_organisation_ids(admin) == frozenset()


def test_colleagues_who_are_not_admins_remove_nobody(admin, organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False)
    with pytest.raises(PermissionDenied):
        services.affiliation_remove(affiliation=admin.affiliations.get(), acting_user=colleague.user)
    assert organisation.affiliations.count() == 2


def test_set_admin_promotes_and_demotes(admin, organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False)
    services.affiliation_set_admin(affiliation=colleague, is_admin=True, acting_user=admin)
    services.affiliation_set_admin(affiliation=admin.affiliations.get(), is_admin=False, acting_user=admin)
    assert list(organisation.affiliations.filter(is_admin=True)) == [colleague]
    assert admin_organisation_ids(admin) == frozenset()


def test_the_last_admin_cannot_be_demoted(admin, organisation):
    mine = admin.affiliations.get()
    with pytest.raises(ValidationError, match="needs at least one admin"):
        services.affiliation_set_admin(affiliation=mine, is_admin=False, acting_user=admin)
    mine.refresh_from_db()
    assert mine.is_admin


def test_only_admins_grant_admin_rights(organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False)
    with pytest.raises(PermissionDenied):
        services.affiliation_set_admin(affiliation=colleague, is_admin=True, acting_user=colleague.user)
    colleague.refresh_from_db()
    assert not colleague.is_admin


def test_a_stranger_cannot_touch_another_organisations_people(organisation):
    stranger = AffiliationFactory(organisation=OrganisationFactory()).user
    affiliation = AffiliationFactory(organisation=organisation, is_admin=False)
    with pytest.raises(PermissionDenied):
        services.affiliation_remove(affiliation=affiliation, acting_user=stranger)
    with pytest.raises(PermissionDenied):
        services.affiliation_set_admin(affiliation=affiliation, is_admin=True, acting_user=stranger)


@pytest.mark.parametrize("step_down", ["remove", "demote"])
def test_the_one_admin_rule_reads_the_affiliation_afresh(admin, organisation, step_down):
    """A request that loaded a colleague before they were made admin (and the old admin stepped down)
    must not take away the organisation's only admin on the strength of that stale copy."""
    colleague = AffiliationFactory(organisation=organisation, is_admin=False)
    stale = Affiliation.objects.get(pk=colleague.pk)  # loaded by a request still running
    services.affiliation_set_admin(affiliation=colleague, is_admin=True, acting_user=admin)
    services.affiliation_set_admin(affiliation=admin.affiliations.get(), is_admin=False, acting_user=admin)
    with pytest.raises(ValidationError, match="needs at least one admin"):
        if step_down == "remove":
            services.affiliation_remove(affiliation=stale, acting_user=colleague.user)
        else:
            services.affiliation_set_admin(affiliation=stale, is_admin=False, acting_user=colleague.user)
    assert list(organisation.affiliations.filter(is_admin=True)) == [colleague]


def test_removing_someone_a_concurrent_request_removed_is_a_clear_refusal(admin, organisation):
    colleague = AffiliationFactory(organisation=organisation, is_admin=False)
    stale = Affiliation.objects.get(pk=colleague.pk)
    services.affiliation_remove(affiliation=colleague, acting_user=admin)
    with pytest.raises(ValidationError, match="no longer works for Youth Voices"):
        services.affiliation_remove(affiliation=stale, acting_user=admin)
