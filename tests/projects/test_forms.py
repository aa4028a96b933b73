"""projects.forms: errors land on the field they concern; each row form offers what its row needs."""

import pytest

from projects.forms import ActivityForm, IndicatorValueForm, PartnerForm, ProjectForm
from projects.models import Activity, Indicator, IndicatorValue, ProjectPartner, Result
from tests.factories import ActivityFactory, ComponentFactory, OrganisationFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]

VALID = {
    "title": "ALLIANCE", "status": "active", "visibility": "public", "language": "en",
    "start_date": "2025-01-01", "end_date": "2027-12-31", "budget_amount": "399542.28", "budget_currency": "eur",
    "countries": ["XK", "AL"],
}  # fmt: skip


def test_a_valid_project_form_normalises_the_currency():
    form = ProjectForm(VALID)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["budget_currency"] == "EUR"
    assert form.cleaned_data["countries"] == ["XK", "AL"]  # Kosovo is a country here


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"end_date": "2024-12-31"}, "end_date", "The project cannot end before it starts (2025-01-01)."),
        ({"budget_amount": "-0.01"}, "budget_amount", "The budget cannot be negative."),
        ({"budget_currency": "EUROS"}, "budget_currency", "Select a valid choice. EUROS is not one of"),
        ({"budget_currency": "ABC"}, "budget_currency", "Select a valid choice. ABC is not one of"),
        ({"budget_currency": ""}, "budget_currency", "Give the currency of the budget."),
    ],
)
def test_project_form_errors_sit_on_their_field(change, field, words):
    form = ProjectForm({**VALID, **change})
    assert not form.is_valid()
    assert list(form.errors) == [field]
    assert words in form.errors[field][0]


def test_the_currency_is_a_choice_of_codes_with_their_names():
    html = str(ProjectForm()["budget_currency"])
    assert html.startswith("<select") and "data-autocomplete" in html
    assert '<option value="EUR">EUR – Euro</option>' in html
    assert 'value="HRK"' not in html  # withdrawn: not offered to a new project


def test_a_project_keeps_the_withdrawn_currency_it_holds(network):
    project = ProjectFactory(network=network, budget_currency="HRK")
    form = ProjectForm(instance=project, network=network)
    assert '<option value="HRK" selected>HRK – Croatian Kuna</option>' in str(form["budget_currency"])


def test_a_new_activity_offers_a_number_to_check_and_an_existing_one_its_component(network):
    project = ProjectFactory(network=network)
    first, second = ComponentFactory(project=project, position=1), ComponentFactory(project=project, position=2)
    ComponentFactory(project=ProjectFactory(network=network))  # another project's component is never offered

    new = ActivityForm(instance=Activity(project=project, component=first), project=project)
    activity = ActivityFactory(component=first)
    existing = ActivityForm(instance=activity, project=project)

    assert list(new.fields) == ["code", "title", "description"]
    assert list(existing.fields) == ["component", "title", "description"]
    assert list(existing.fields["component"].queryset) == [first, second]


def test_the_partner_form_describes_a_new_organisation_and_renames_none(network):
    project = ProjectFactory(network=network)
    form = PartnerForm(
        {"organisation_name": "European Union", "role": "funder", "organisation_kind": "donor",
         "organisation_country": ""},
        instance=ProjectPartner(project=project, network=network), project=project,
    )  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.cleaned_data["organisation_details"] == {"kind": "donor", "country": ""}

    partner = ProjectPartner(project=project, network=network, organisation=OrganisationFactory(name="EVBB"))
    editing = PartnerForm(instance=partner, project=project)
    assert editing["organisation_name"].value() == "EVBB"
    assert "organisation_kind" not in editing.fields  # an existing organisation is edited on its own page


def test_an_indicator_value_form_checks_the_period_on_its_field(network):
    project = ProjectFactory(network=network)
    result = Result.objects.create(project=project, network=network, title="R")
    indicator = Indicator.objects.create(project=project, network=network, result=result, name="I")
    form = IndicatorValueForm(
        {"period_start": "2025-06-01", "period_end": "2025-01-01", "value": "2"},
        instance=IndicatorValue(project=project, network=network, indicator=indicator), project=project,
    )  # fmt: skip
    assert not form.is_valid()
    assert form.errors == {"period_end": ["The period cannot end before it starts."]}
