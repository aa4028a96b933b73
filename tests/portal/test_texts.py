"""The multilingual text mechanism (portal.texts): resolving, provenance, validation, the editor."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from portal.texts import (
    HUMAN,
    MACHINE,
    ORIGINAL,
    MultilingualText,
    MultilingualTextField,
    MultilingualTextFormField,
)

SL_EN = {
    "sl": {"text": "Model sodelovanja", "source": "original"},
    "en": {"text": "Cooperation model", "source": "human"},
}


def test_resolves_to_the_readers_language():
    value = MultilingualText.from_json(SL_EN)
    with translation.override("en"):
        shown = value.resolve()
        assert (shown.text, shown.language, shown.is_original_language, shown.source) == (
            "Cooperation model", "en", False, HUMAN,
        )  # fmt: skip
        assert str(value) == "Cooperation model" and not shown.is_fallback


def test_falls_back_to_the_original_and_says_so():
    value = MultilingualText.from_json(SL_EN)
    with translation.override("pl"):
        shown = value.resolve()
    assert (shown.text, shown.language, shown.is_original_language, shown.is_fallback) == (
        "Model sodelovanja", "sl", True, True,
    )  # fmt: skip
    assert shown.requested == "pl" and str(shown) == "Model sodelovanja"


def test_a_regional_interface_language_finds_the_base_language():
    assert MultilingualText.from_json(SL_EN).resolve("en-gb").text == "Cooperation model"


def test_plain_input_shapes_mark_the_records_language_as_original():
    value = MultilingualText.coerce({"sl": " Model ", "en": "Model (en)", "de": ""}, language="sl")
    assert value.as_json() == {
        "sl": {"text": "Model", "source": ORIGINAL},
        "en": {"text": "Model (en)", "source": HUMAN},
    }
    assert MultilingualText.coerce("Naslov", language="pl").as_json() == {"pl": {"text": "Naslov", "source": ORIGINAL}}
    assert MultilingualText.coerce("", language="pl").as_json() == {}


def test_provenance_is_kept():
    value = MultilingualText.coerce({"sl": "Model", "en": {"text": "Model", "source": MACHINE}}, language="sl")
    assert value.source("en") == MACHINE and value.source("sl") == ORIGINAL
    assert MultilingualText.from_json(value.as_json()) == value
    assert value.with_version("en", "Model, checked", HUMAN).source("en") == HUMAN


@pytest.mark.parametrize(
    ("value", "kwargs", "message"),
    [
        ({}, {"required": True, "language": "sl"}, "Give the text in Slovenian, the original language."),
        ({"en": {"text": "Only a translation", "source": "human"}}, {"language": "sl"}, "needs the original text too"),
        ({"xx": {"text": "?", "source": "original"}}, {}, "“xx” is not a language code"),
        ({"sl": {"text": 5, "source": "original"}}, {}, "The Slovenian text must be text."),
        (
            {"sl": {"text": "abcdef", "source": "original"}},
            {"max_length": 5},
            "Slovenian text has 6 characters; at most 5",
        ),
        (
            {"sl": {"text": "a", "source": "original"}, "en": {"text": "b", "source": "guess"}},
            {},
            "translated by a person",
        ),
        ({"sl": {"text": "a", "source": "original"}}, {"language": "en"}, "is in Slovenian, but the record is written"),
        ({"sl": {"text": "a", "source": "original"}, "en": {"text": "b", "source": "original"}}, {}, "one original"),
    ],
)
def test_validation_messages(value, kwargs, message):
    errors = MultilingualText.from_json(value).errors(**kwargs)
    assert any(message in error for error in errors), errors


def test_a_valid_text_has_no_errors():
    assert MultilingualText.from_json(SL_EN).errors(required=True, max_length=50, language="sl") == []


def test_the_model_field_keys_errors_by_field_and_applies_max_length_per_text():
    field = MultilingualTextField(max_length=3)
    field.set_attributes_from_name("title")
    with pytest.raises(ValidationError) as error:
        field.clean(MultilingualText.coerce({"en": "abcd", "sl": "ab"}, language="en"), None)
    assert "The English text has 4 characters; at most 3 fit." in error.value.messages


class _Form(forms.Form):
    title = MultilingualTextFormField(
        max_length=20, multiline=False, languages=["sl", "en", "de"], original_language="sl"
    )


def test_the_editor_shows_every_language_side_by_side_with_the_missing_marked():
    value = MultilingualText.coerce({"sl": "Model", "en": {"text": "Model EN", "source": "machine"}}, language="sl")
    with translation.override("en"):
        html = _Form(initial={"title": value}).as_div()
    assert html.index('name="title"') < html.index('name="title__en"') < html.index('name="title__de"')
    assert 'value="Model EN"' in html and ">original<" in html and ">missing<" in html
    assert 'name="title__source"' not in html  # the original has no provenance to choose
    assert '<option value="machine" selected>' in html
    assert 'for="id_title"' in html and 'id="id_title" lang="sl"' in html


def test_the_editor_cleans_the_boxes_into_one_value():
    form = _Form(data={"title": " Model ", "title__en": "Model EN", "title__en__source": "machine", "title__de": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"].as_json() == {
        "sl": {"text": "Model", "source": ORIGINAL}, "en": {"text": "Model EN", "source": MACHINE},
    }  # fmt: skip


def test_the_editor_requires_the_original():
    form = _Form(data={"title": "", "title__en": "Model EN"})
    assert not form.is_valid()
    assert form.errors["title"] == ["This field is required."]


def test_a_translation_without_its_original_is_refused_where_the_text_is_optional():
    class Optional(forms.Form):
        summary = MultilingualTextFormField(required=False, languages=["sl", "en"], original_language="sl")

    form = Optional(data={"summary": "", "summary__en": "Summary"})
    assert not form.is_valid()
    assert form.errors["summary"] == ["A translation needs the original text too (in Slovenian)."]


def _render(source, value, path="/"):
    request = RequestFactory().get(path)
    return Template("{% load texts %}" + source).render(Context({"value": value, "request": request}))


def test_the_display_shows_the_original_then_the_readers_translation():
    value = MultilingualText.from_json(SL_EN)
    with translation.override("en"):
        html = _render("{% text value %}", value)
    assert html == '<span lang="sl">Model sodelovanja</span> <span class="translation">Cooperation model</span>'


def test_the_display_marks_a_machine_translation():
    value = MultilingualText.coerce({"sl": "Model", "en": {"text": "Model EN", "source": "machine"}}, language="sl")
    with translation.override("en"):
        assert "(machine translation)" in _render("{% text value %}", value)


def test_the_switch_notes_the_fallback_and_links_the_other_languages():
    value = MultilingualText.coerce({"pl": "Umowa", "en": "Agreement"}, language="pl")
    with translation.override("sl"):
        html = _render("{% text_switch value %}", value)
        note = translation.gettext("Shown in the original language (%(language)s).") % {"language": "poljščina"}
    assert note in html and note.startswith("Prikazano")  # in the reader's language, naming the original
    assert 'href="?lang=pl"' in html and 'href="?lang=en"' in html
    with translation.override("en"):
        assert _render("{% text_switch value %}", MultilingualText.coerce("Only English", language="en")) == ""


def test_the_switch_link_changes_the_reading_language():
    value = MultilingualText.from_json(SL_EN)
    with translation.override("en"):
        html = _render("{% text value %}", value, path="/?lang=sl")
    assert html == '<span lang="sl">Model sodelovanja</span>'


def test_a_form_shown_again_with_its_errors_keeps_what_was_typed_in_each_box():
    form = _Form(data={"title": "Model", "title__en": "x" * 21, "title__en__source": "machine"})
    assert not form.is_valid()
    html = str(form["title"])
    assert 'name="title" id="id_title" lang="sl" value="Model"' in html and 'value="' + "x" * 21 + '"' in html
    assert '<option value="machine" selected>' in html
