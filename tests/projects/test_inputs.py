"""projects: each service takes the fields it declares and refuses any other key (the import: by where
it is in the dict); each form's fields are the ones its service declares."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django_scopes import scopes_disabled

from members.models import Organisation
from members.services import ORGANISATION_FIELDS
from portal.inputs import UnknownInput
from projects.forms import ITEM_FORMS, ProjectForm
from projects.models import Activity, Component, Project
from projects.services.imports import project_import
from projects.services.items import ITEMS, ORGANISATION_DETAILS, project_item_add, project_item_update
from projects.services.projects import PROJECT_CREATE_FIELDS, PROJECT_FIELDS, project_create, project_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]

# A valid row of each kind, and the kind of its parent.
ROWS = {
    "partner": ({"organisation_name": "UNDP", "role": "lead"}, None),
    "funding": ({"kind": "funder", "name": "European Union"}, None),
    "objective": ({"kind": "overall", "text": "Better VET"}, None),
    "component": ({"kind": "pillar", "title": "Innovation"}, None),
    "activity": ({"title": "Training"}, "component"),
    "result": ({"level": "outcome", "title": "Providers modernised"}, None),
    "indicator": ({"name": "Providers", "target": "7"}, "result"),
    "value": ({"period_start": "2025-01-01", "period_end": "2025-12-31", "value": "3"}, "indicator"),
    "need": ({"text": "Equipment"}, None),
    "target_group": ({"name": "Teachers"}, None),
    "site": ({"name": "Ganja VET centre"}, None),
}


def test_every_kind_has_a_row_here():
    assert set(ROWS) == set(ITEMS) == set(ITEM_FORMS)


def _add(project, coordinator, kind):
    """A row of `kind`, with the parents it needs."""
    data, parent_kind = ROWS[kind]
    parent = _add(project, coordinator, parent_kind) if parent_kind else None
    return project_item_add(project=project, kind=kind, data=data, acting_user=coordinator, parent=parent)


# --- the forms show what the services take ------------------------------------------------------------


def test_the_project_form_shows_the_project_fields():
    assert tuple(ProjectForm._meta.fields) == PROJECT_FIELDS
    assert tuple(ProjectForm.base_fields) == PROJECT_FIELDS
    assert set(PROJECT_CREATE_FIELDS) - set(PROJECT_FIELDS) == {"slug"}  # made by the service, not typed


# Form fields a form folds into another key in clean(): a new partner's kind and country.
FOLDED = {"partner": {"organisation_kind", "organisation_country"}}


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_each_row_form_shows_the_fields_of_its_kind(kind):
    spec, form = ITEMS[kind], ITEM_FORMS[kind]
    # An activity's form also offers its component (its parent), to move it there when editing.
    expected = (spec.parent, *spec.fields) if kind == "activity" else spec.fields
    assert tuple(form._meta.fields) == expected
    # Every other field the form adds is one the service reads, when adding or when editing.
    accepted = {*spec.accepts(new=True), *spec.accepts(new=False)}
    assert set(form.base_fields) - FOLDED.get(kind, set()) <= accepted


def test_a_new_partner_is_described_by_the_organisation_fields():
    assert set(ORGANISATION_DETAILS) == set(ORGANISATION_FIELDS) - {"name"}


# --- the services refuse any other key ----------------------------------------------------------------


def test_create_refuses_an_unknown_key_and_saves_nothing(network, coordinator):
    with pytest.raises(UnknownInput, match="project_create does not accept 'titel'"):
        project_create(network=network, data={"title": "ALLIANCE", "titel": "ALLIANCE"}, acting_user=coordinator)
    assert not Project.objects.exists()


def test_update_refuses_an_unknown_key_and_changes_nothing(project, coordinator):
    with pytest.raises(UnknownInput, match="project_update does not accept 'partners'"):
        project_update(project=project, data={"status": "closed", "partners": []}, acting_user=coordinator)
    project.refresh_from_db()
    assert (project.status, project.history.count()) == ("active", 1)


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_adding_a_row_refuses_an_unknown_key_and_saves_nothing(project, coordinator, kind):
    data, parent_kind = ROWS[kind]
    parent = _add(project, coordinator, parent_kind) if parent_kind else None
    organisations = Organisation.objects.count()
    with pytest.raises(UnknownInput, match=rf"project_item_add\('{kind}'\) does not accept 'colour'"):
        project_item_add(
            project=project, kind=kind, data={**data, "colour": "red"}, acting_user=coordinator, parent=parent
        )
    assert not ITEMS[kind].model.objects.filter(project=project).exclude(pk=getattr(parent, "pk", None)).exists()
    assert Organisation.objects.count() == organisations


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_updating_a_row_refuses_an_unknown_key_and_changes_nothing(project, coordinator, kind):
    item = _add(project, coordinator, kind)
    field = ITEMS[kind].fields[-1]
    before = getattr(type(item).objects.get(pk=item.pk), field)
    with pytest.raises(UnknownInput, match=rf"project_item_update\('{kind}'\) does not accept 'colour'"):
        project_item_update(item=item, data={field: "changed", "colour": "red"}, acting_user=coordinator)
    assert getattr(type(item).objects.get(pk=item.pk), field) == before


def test_an_activity_s_number_is_taken_when_it_is_added_only(project, coordinator):
    activity = _add(project, coordinator, "activity")
    with pytest.raises(UnknownInput, match="'code'"):
        project_item_update(item=activity, data={"title": "Training", "code": "1.7"}, acting_user=coordinator)
    other = project_item_add(
        project=project, kind="component", data={"kind": "pillar", "title": "Two"}, acting_user=coordinator
    )
    with pytest.raises(UnknownInput, match="'component'"):  # the parent is an argument when adding
        project_item_add(
            project=project, kind="activity", data={"title": "T", "component": other}, acting_user=coordinator,
            parent=activity.component,
        )  # fmt: skip
    assert list(Activity.objects.values_list("code", flat=True)) == ["1.1"]


def test_a_new_partner_s_details_refuse_an_unknown_key(project, coordinator):
    organisations = Organisation.objects.count()
    with pytest.raises(UnknownInput, match="organisation_details does not accept 'contry'"):
        project_item_add(
            project=project, kind="partner", acting_user=coordinator,
            data={"organisation_name": "Ganja State University", "role": "partner",
                  "organisation_details": {"kind": "university", "contry": "AZ"}},
        )  # fmt: skip
    assert Organisation.objects.count() == organisations


# --- the import names every unknown key by where it is ---------------------------------------------------


def test_an_import_with_unknown_keys_names_each_where_it_is_and_saves_nothing(network, coordinator):
    data = {
        "title": "VET for the Future",
        "budget": "100",
        "partners": [
            {"organisation": "UNDP", "role": "lead"},
            {"organisation": "Ganja State University", "role": "partner",
             "organisation_details": {"kind": "university", "contry": "AZ"}},
        ],
        "objectives": {"overall": [{"text": "Better VET", "kind": "specific"}], "general": ["Jobs"]},
        "components": [
            {"kind": "pillar", "title": "Innovation", "activities": ["Training"]},
            {"kind": "pillar", "title": "Equipment", "activities": [{"titel": "Procurement"}], "activites": []},
        ],
        "results": [
            {"level": "outcome", "title": "Modernised",
             "indicators": [{"name": "Providers", "values": [{"period_start": "2025-01-01", "vaule": "3"}]}]},
        ],
        "sites": ["Ganja", {"name": "Baku", "town": "Baku"}],
    }  # fmt: skip
    organisations = Organisation.objects.count()

    with pytest.raises(ValidationError) as caught:
        project_import(network=network, data=data, acting_user=coordinator)

    assert caught.value.message_dict == {
        NON_FIELD_ERRORS: ["Unknown field “budget”."],
        "partners[1].organisation_details": ["Unknown field “contry”."],
        "objectives": ["Unknown field “general”."],
        "objectives.overall[0]": ["Unknown field “kind”."],  # the list it is in says its kind
        "components[1]": ["Unknown field “activites”."],
        "components[1].activities[0]": ["Unknown field “titel”."],
        "results[0].indicators[0].values[0]": ["Unknown field “vaule”."],
        "sites[1]": ["Unknown field “town”."],
    }
    with scopes_disabled():
        assert not Project.objects.exists() and not Component.objects.exists()
    assert Organisation.objects.count() == organisations


def test_an_import_names_a_partner_s_organisation_as_organisation(network, coordinator):
    with pytest.raises(ValidationError) as caught:
        project_import(
            network=network, acting_user=coordinator,
            data={"title": "T", "partners": [{"organisation_name": "UNDP", "role": "lead"}]},
        )  # fmt: skip
    assert caught.value.message_dict == {"partners[0]": ["Unknown field “organisation_name”."]}
