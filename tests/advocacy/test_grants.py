"""The addressed institutions' view grant (django-guardian): given when an institution is addressed, taken
back when the address goes, and the rule says no at once, with nothing stale remembered."""

import pytest
from django.contrib.auth import get_user_model
from django_scopes import scope
from guardian.models import UserObjectPermission
from guardian.shortcuts import get_perms

from advocacy.permissions import visible_outputs
from advocacy.selectors import outputs_addressed_to
from advocacy.services.institutions import output_address, output_unaddress
from members.models import Affiliation
from portal import permissions
from tests.advocacy.conftest import make_output
from tests.factories import AffiliationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _fresh(user):
    """The same person as the next request loads them."""
    return get_user_model().objects.get(pk=user.pk)


def test_addressing_grants_the_institutions_people_an_object_permission(network, people):
    colleague = AffiliationFactory(organisation=people.ministry, is_admin=False).user
    output = make_output(network, people, visibility="restricted", status="published")
    assert get_perms(people.ministry_user, output) == ["view_advocacyoutput"]
    assert get_perms(colleague, output) == ["view_advocacyoutput"]
    assert get_perms(people.other_ministry_user, output) == []
    # Object permissions only: nobody got the global one.
    assert not people.ministry_user.user_permissions.exists()
    assert not people.ministry_user.has_perm("advocacy.view_advocacyoutput")


def test_grant_revoked_refuses_on_the_next_request_and_in_the_same_one(network, people):
    output = make_output(network, people, visibility="restricted", status="published")
    user = people.ministry_user
    with scope(network=network):
        assert permissions.check("view_output", user, output)  # answers memoised on `user` now, if any were
        assert outputs_addressed_to(user) == [output]
        output_unaddress(output=output, institution=people.ministry, acting_user=people.coordinator)
        # The same user object (a request still running) and a fresh one (the next request) are refused.
        assert not permissions.check("view_output", user, output)
        assert not permissions.check("view_output", _fresh(user), output)
        assert output not in visible_outputs(_fresh(user), network)
    assert outputs_addressed_to(_fresh(user)) == []
    assert not UserObjectPermission.objects.filter(user=user).exists()


def test_removing_one_address_keeps_the_grant_of_someone_another_address_covers(network, people, agency):
    both = AffiliationFactory(organisation=people.ministry, is_admin=False).user
    Affiliation.objects.create(user=both, organisation=agency)
    output = make_output(network, people, visibility="restricted", status="published")
    with scope(network=network):
        output_address(output=output, institution=agency, acting_user=people.coordinator)
        output_unaddress(output=output, institution=people.ministry, acting_user=people.coordinator)
        assert permissions.check("view_output", _fresh(both), output)  # through the agency
        assert not permissions.check("view_output", _fresh(people.ministry_user), output)


def test_people_who_join_or_leave_an_addressed_institution_later(network, people):
    output = make_output(network, people, visibility="restricted", status="published")
    newcomer = AffiliationFactory(organisation=OrganisationFactory(kind="ngo")).user
    with scope(network=network):
        assert not permissions.check("view_output", newcomer, output)
        joined = Affiliation.objects.create(user=newcomer, organisation=people.ministry)
        assert permissions.check("view_output", _fresh(newcomer), output)
        joined.delete()
        assert not permissions.check("view_output", _fresh(newcomer), output)


def test_the_grant_opens_restricted_outputs_only(network, people):
    """A members-only output addressed to the ministry stays closed to it, grant or not."""
    output = make_output(network, people, visibility="members", status="published")
    assert get_perms(people.ministry_user, output) == ["view_advocacyoutput"]
    with scope(network=network):
        assert not permissions.check("view_output", people.ministry_user, output)
    assert outputs_addressed_to(people.ministry_user) == []


def test_outputs_addressed_to_spans_networks_and_leaves_out_unpublished(network, people, django_assert_num_queries):
    here = make_output(network, people, visibility="restricted", status="published", title="Here")
    make_output(network, people, visibility="restricted", status="in_review", title="Not yet")
    make_output(network, people, visibility="public", status="published", title="Not addressed", address=False)
    far_people = people.__class__(**{**vars(people), "coordinator": people.other_coordinator})
    there = make_output(people.other_network, far_people, visibility="public", status="published", title="There")
    user = _fresh(people.ministry_user)
    with django_assert_num_queries(2):  # the person's organisations, then the outputs (with their networks)
        found = outputs_addressed_to(user)
        assert {output.network.slug for output in found} == {"vet-reform", "another"}
    assert sorted(str(output.title) for output in found) == sorted([str(here.title), str(there.title)])
    assert outputs_addressed_to(people.other_ministry_user) == []
    assert outputs_addressed_to(people.anonymous) == []


def test_a_typed_in_institution_merged_into_the_real_one_gives_its_people_the_grant(network, people, agency):
    """A coordinator addressed the Office for Youth as a record of their own (nobody works for it); once the
    office's real record is merged in, its people read the output. The merge's updates send no signal:
    projects.services.organisations.organisation_merged tells advocacy."""
    from advocacy.models import AddressedInstitution
    from projects.services.organisations import organisation_merge

    typed_in = OrganisationFactory(name="Office for Youth", kind="government_agency", created_in_network_id=network.pk)
    officer = AffiliationFactory(organisation=agency, is_admin=True).user
    output = make_output(network, people, visibility="restricted", status="published", address=False)
    with scope(network=network):
        output_address(output=output, institution=typed_in, acting_user=people.coordinator)
        assert not permissions.check("view_output", _fresh(officer), output)
    staff = get_user_model().objects.create_user(email="staff@example.org", password="x", is_staff=True)  # noqa: S106
    organisation_merge(record=typed_in, into=agency, acting_user=staff)
    assert get_perms(officer, output) == ["view_advocacyoutput"]
    with scope(network=network):
        assert AddressedInstitution.objects.filter(network=network, output=output, organisation=agency).exists()
        assert permissions.check("view_output", _fresh(officer), output)
    assert outputs_addressed_to(_fresh(officer)) == [output]
