"""Organisations typed in as partners stay their network's own until the real organisation claims them."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from members.models import Organisation
from network.models import Role
from projects.models import ActivityEntry, FundingLink, ProjectPartner
from projects.services.entries import entry_create
from projects.services.items import project_item_add
from projects.services.organisations import organisation_merge
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db


def add(project, item_kind, user, /, **data):
    with scope(network=project.network):
        return project_item_add(project=project, kind=item_kind, data=data, acting_user=user)


def partner(project, user, name, role="funder"):
    return add(project, "partner", user, organisation_name=name, role=role).organisation


@pytest.fixture
def alliance():
    network = NetworkFactory(slug="alliance")
    return ProjectFactory(network=network), person_in(network, Role.COORDINATOR)


@pytest.fixture
def pep():
    network = NetworkFactory(slug="pep")
    return ProjectFactory(network=network), person_in(network, Role.COORDINATOR)


@pytest.fixture
def eu_admin():
    """The European Union's own profile on Partnera, with its admin."""
    return AffiliationFactory(organisation=OrganisationFactory(name="European Union", acronym="EU"))


def test_a_typed_name_is_matched_only_among_the_networks_own_organisations(alliance, pep, eu_admin):
    (project, coordinator), (other, other_coordinator) = alliance, pep
    member = OrganisationFactory(name="AKMI")
    MembershipFactory(network=project.network, organisation=member)

    typed = partner(project, coordinator, "european union")
    assert typed != eu_admin.organisation  # the global EU is not this network's by its name alone
    assert (typed.name, typed.created_in_network_id) == ("european union", project.network_id)
    assert not typed.affiliations.exists()
    assert partner(ProjectFactory(network=project.network), coordinator, "European Union") == typed  # reused
    assert partner(project, coordinator, "akmi", role="partner") == member  # a member of the network

    # Another network typing the same name gets a record of its own, not the first network's.
    theirs = partner(other, other_coordinator, "European Union")
    assert theirs not in (typed, eu_admin.organisation) and theirs.created_in_network_id == other.network_id
    # Funding links link only to what the network knows.
    assert add(other, "funding", other_coordinator, kind="funder", name="AKMI").organisation is None
    assert add(other, "funding", other_coordinator, kind="funder", name="EUROPEAN UNION").organisation == theirs


def test_an_outside_namesake_is_never_linked_even_verified_and_a_member_elsewhere(alliance, pep):
    """Issue 7, "organisation squatting": whoever registered the name first does not get this network's
    partner rows, however official their profile looks."""
    (project, coordinator), (other, _) = alliance, pep
    outside = OrganisationFactory(name="Imaginary Funder Foundation", acronym="IFF", website="https://iff.org")
    AffiliationFactory(organisation=outside, user__email="director@iff.org")
    MembershipFactory(network=other.network, organisation=outside)  # active in another network
    assert outside.verification.verified

    for typed in ("Imaginary Funder Foundation", "imaginary funder foundation", "IFF"):
        assert partner(ProjectFactory(network=project.network), coordinator, typed) != outside
    assert add(project, "funding", coordinator, kind="funder", name="IFF").organisation != outside
    with scopes_disabled():
        assert not ProjectPartner.objects.filter(organisation=outside).exists()


def test_an_admin_who_coordinates_the_network_merges_its_record_into_the_real_one(alliance, eu_admin):
    project, coordinator = alliance
    record = partner(project, coordinator, "European Union")
    link = add(project, "funding", coordinator, kind="funder", name="European Union")
    both = eu_admin.user
    MembershipFactory(network=project.network, organisation=AffiliationFactory(user=both).organisation,
                      role=Role.COORDINATOR)  # fmt: skip

    assert organisation_merge(record=record, into=eu_admin.organisation, acting_user=both) == eu_admin.organisation

    assert not Organisation.objects.filter(pk=record.pk).exists()
    with scopes_disabled():
        assert ProjectPartner.objects.get(project=project).organisation == eu_admin.organisation
        assert FundingLink.objects.get(pk=link.pk).organisation == eu_admin.organisation


@pytest.mark.parametrize("who", ["organisation admin only", "coordinator only", "a stranger"])
def test_one_side_alone_cannot_merge(alliance, eu_admin, who):
    project, coordinator = alliance
    record = partner(project, coordinator, "European Union")
    user = {"organisation admin only": eu_admin.user, "coordinator only": coordinator, "a stranger": UserFactory()}[who]
    with pytest.raises(PermissionDenied):
        organisation_merge(record=record, into=eu_admin.organisation, acting_user=user)
    assert Organisation.objects.filter(pk=record.pk).exists()
    with scopes_disabled():
        assert ProjectPartner.objects.get(project=project).organisation == record


def test_merges_that_make_no_sense_are_refused_and_change_nothing(alliance, eu_admin):
    project, coordinator = alliance
    staff = UserFactory(is_staff=True)
    record = partner(project, coordinator, "European Union")
    with pytest.raises(ValidationError, match="has its own profile"):
        organisation_merge(record=eu_admin.organisation, into=record, acting_user=staff)
    with pytest.raises(ValidationError, match="into itself"):
        organisation_merge(record=record, into=record, acting_user=staff)

    # The real EU already funds the same project: two funder rows would become one twice over.
    with scopes_disabled():
        ProjectPartner.objects.create(project=project, network=project.network, organisation=eu_admin.organisation,
                                      role="funder", position=2)  # fmt: skip
    with pytest.raises(ValidationError, match="already holds the same place"):
        organisation_merge(record=record, into=eu_admin.organisation, acting_user=staff)
    assert Organisation.objects.filter(pk=record.pk).exists()
    with scopes_disabled():
        assert ProjectPartner.objects.filter(project=project, organisation=record).count() == 1


def test_staff_merge_typed_in_records_into_their_namesake_from_the_admin(client, alliance, eu_admin):
    project, coordinator = alliance
    record = partner(project, coordinator, "European Union")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:members_organisation_changelist"),
        {"action": "merge_into_namesake", "_selected_action": [record.pk]},
        follow=True,
    )
    assert "merged into European Union (EU)" in response.content.decode()
    with scopes_disabled():
        assert ProjectPartner.objects.get(project=project).organisation == eu_admin.organisation


def test_a_merge_carries_the_activity_log_s_partner_references(alliance, eu_admin):
    """An entry that names the typed-in record among its partner organisations names the real one after
    the merge; nothing of the log is lost with the record."""
    project, coordinator = alliance
    record = partner(project, coordinator, "European Union")
    with scope(network=project.network):
        entry = entry_create(
            network=project.network, acting_user=coordinator,
            organisation=coordinator.affiliations.get().organisation,
            data={"title": "Steering meeting", "kind": "meeting", "project": project, "start_date": date(2025, 3, 3),
                  "end_date": date(2025, 3, 3), "partners": [record]},
        )  # fmt: skip
    organisation_merge(record=record, into=eu_admin.organisation, acting_user=UserFactory(is_staff=True))
    with scope(network=project.network):
        assert list(ActivityEntry.objects.get(pk=entry.pk).partners.all()) == [eu_admin.organisation]
