"""members: the organisation services take ORGANISATION_FIELDS and nothing else; the form shows those."""

import pytest

from members import services
from members.forms import OrganisationForm
from members.models import Affiliation, Organisation
from portal.inputs import UnknownInput
from tests.factories import AffiliationFactory, UserFactory

pytestmark = pytest.mark.django_db

ARMENIAN = {"name": "Armenian Career Centre", "kind": "ngo", "country": "AM"}


def test_the_organisation_form_shows_what_the_services_write():
    assert tuple(OrganisationForm._meta.fields) == services.ORGANISATION_FIELDS
    assert tuple(OrganisationForm.base_fields) == services.ORGANISATION_FIELDS


def test_register_refuses_an_unknown_key_and_saves_nothing():
    with pytest.raises(UnknownInput, match="organisation_register does not accept 'role'"):
        services.organisation_register(data={**ARMENIAN, "role": "coordinator"})
    assert not Organisation.objects.exists()


def test_create_refuses_an_unknown_key_and_saves_nothing():
    person = UserFactory()
    with pytest.raises(UnknownInput, match="'login', 'nmae'"):
        services.organisation_create(data={**ARMENIAN, "nmae": "x", "login": "x"}, acting_user=person)
    assert not Organisation.objects.exists() and not Affiliation.objects.exists()


def test_update_refuses_an_unknown_key_and_changes_nothing():
    affiliation = AffiliationFactory(is_admin=True, organisation__name="Youth Voices", organisation__city="Ljubljana")
    organisation = affiliation.organisation
    with pytest.raises(UnknownInput, match="organisation_update does not accept 'town'"):
        services.organisation_update(
            organisation=organisation, data={"city": "Maribor", "town": "Maribor"}, acting_user=affiliation.user
        )
    organisation.refresh_from_db()
    assert organisation.city == "Ljubljana"


def test_the_form_s_cleaned_data_is_what_create_takes():
    form = OrganisationForm(data={**ARMENIAN, "website": "example.org"})
    assert form.is_valid(), form.errors
    organisation = services.organisation_create(data=form.cleaned_data, acting_user=UserFactory())
    assert (organisation.name, organisation.website) == ("Armenian Career Centre", "https://example.org")
