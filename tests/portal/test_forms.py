"""portal.forms: the widgets and helpers every app's forms share, checked across all the forms."""

import datetime
import importlib
import re

import pytest
from django import forms
from django.conf import settings
from django.utils import translation

from tests.factories import AffiliationFactory, OrganisationFactory

FORM_MODULES = ("members.forms", "members.account_forms", "network.forms", "projects.forms")


def _all_form_classes():
    for name in FORM_MODULES:
        importlib.import_module(name)
    seen, todo = set(), [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return [cls for cls in seen if cls.__module__.split(".")[0] in ("members", "network", "projects", "portal")]


def test_every_date_field_of_every_form_is_a_date_picker_in_iso():
    """No text box for a date: each DateField shows the browser's date picker (type=date), from the one
    shared widget (portal.forms.DateInput), whose value must be ISO 8601 in every language of the
    interface, or the browser shows the field empty (the network's founding date did, in Slovenian)."""
    date_fields = [
        (cls.__name__, name, field)
        for cls in _all_form_classes()
        for name, field in getattr(cls, "base_fields", {}).items()
        if isinstance(field, forms.DateField)
    ]
    assert len(date_fields) >= 8  # projects, values, agreements, news, the network's founding date
    wrong = []
    for form, name, field in date_fields:
        widget = type(field.widget)
        if f"{widget.__module__}.{widget.__name__}" != "portal.forms.DateInput":
            wrong.append(f"{form}.{name}: a {widget.__module__}.{widget.__name__}")
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                html = field.widget.render(name, datetime.date(2025, 3, 7))
            if 'type="date"' not in html or 'value="2025-03-07"' not in html:
                wrong.append(f"{form}.{name} in {language}: {html}")
    assert wrong == []


@pytest.mark.django_db
def test_the_only_choice_is_chosen_and_the_empty_one_left_out():
    from portal.forms import preselect_only_choice

    only = AffiliationFactory(organisation__name="Green Steps", organisation__acronym="").organisation
    field = forms.ModelChoiceField(queryset=type(only).objects.filter(pk=only.pk))
    preselect_only_choice(field)
    form = forms.Form(initial={})
    form.fields["organisation"] = field
    html = str(form["organisation"])
    assert re.search(rf'<option value="{only.pk}" selected>Green Steps</option>', html)
    assert 'value=""' not in html

    other = OrganisationFactory(name="Youth Voices", acronym="")
    field = forms.ModelChoiceField(queryset=type(only).objects.filter(pk__in=[only.pk, other.pk]))
    preselect_only_choice(field)
    assert field.initial is None and field.empty_label is not None  # two: the person chooses
