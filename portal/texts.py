"""Texts users write, in several languages: one model field, one value type, one editor.

Partnership networks work in up to four languages, and their documents (a founding statement, a
project's summary, the areas of an agreement) are often official in two. A `MultilingualTextField`
keeps every language of one text in one JSON column (Django's JSONField, on PostgreSQL and SQLite):

    {"sl": {"text": "Model sodelovanja …", "source": "original"},
     "en": {"text": "Cooperation model …", "source": "human"}}

One entry per language, each with its text and where it came from: "original" (the language the record
was written in: exactly one entry), "human" (a person translated it) or "machine" (a machine did; the
page says so). This shape rather than Decidim's `{"sl": "…", "machine_translations": {…}}` or a
sibling provenance map: a text and its provenance are written and removed together, so they cannot
drift apart, and the value alone says which language is the original, so a logframe row is resolved
without fetching its project. The record still keeps its language (`language` on a project, a network,
an agreement, a news post; a row takes its project's): it is what a plain string assigned to the field
is taken to be written in, and every text's original must be in it.

Reading: `project.title` is a `MultilingualText`. `str(project.title)` (and `{{ project.title }}`) is
the text in the reader's language (`get_language()`), else the original; `project.title.resolve()`
also says which language that is (`.language`, `.is_original_language`, `.source`), so a page can mark
"shown in the original language (Slovenian)". `{% load texts %}` has the display tags.

Writing: assign a `MultilingualText`, a plain string (the original, in the record's language), or a
dict `{"sl": "…", "en": "…"}` (the record's language is the original, the others human translations)
or the stored shape itself. Services and the demo data pass whichever they have. Validation (in
`full_clean`) refuses unknown language codes, texts that are not strings, a missing original where the
field is required, a translation without an original, and texts longer than the field's `max_length`;
each message names the language, and Django keys it by the field.
"""

from dataclasses import dataclass

from django import forms
from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.json import KeyTransform
from django.db.models.query_utils import DeferredAttribute
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

ORIGINAL, HUMAN, MACHINE = "original", "human", "machine"
ORIGINAL_BOX = ""  # the editor's key for the box of the original, whichever language that is
SOURCES = (ORIGINAL, HUMAN, MACHINE)
TRANSLATION_SOURCES = [(HUMAN, gettext_lazy("translated by a person")), (MACHINE, gettext_lazy("machine translation"))]


def language_codes():
    """Every code a text may be in: the portal's interface languages and every language Django names
    (ISO 639-1 mostly: ru, de, sq, hy, az, sl, pl…), since documents come in languages the portal is
    not translated into."""
    return {code for code, _name in settings.LANGUAGES} | {code for code, _name in global_settings.LANGUAGES}


def language_name(code):
    """The language's name in the interface language ("Slovenian"), or the code if Django has none."""
    try:
        return _(get_language_info(code)["name"])
    except KeyError:
        return code


def base_language(code):
    return (code or "").lower().split("-")[0]


def reader_language(request=None):
    """The language the reader reads texts in: `?lang=xx` when the page's language switch asked for a
    known one (it changes the texts, not the interface), else the interface language."""
    if request is not None:
        asked = request.GET.get("lang", "")
        if asked and asked in language_codes():  # building the codes costs more than the rest
            return asked
    return get_language() or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Version:
    text: str
    source: str


@dataclass(frozen=True)
class Resolved:
    """The text a reader gets, and which language and provenance it has. `str()` is the text."""

    text: str
    language: str | None
    source: str | None
    is_original_language: bool
    requested: str  # the language asked for; differs from `language` when it fell back

    def __str__(self):
        return self.text

    @property
    def is_fallback(self):
        return bool(self.text) and self.language != self.requested and not _same_language(self.language, self.requested)

    @property
    def language_name(self):
        return language_name(self.language) if self.language else ""


def _same_language(a, b):
    return bool(a and b) and (a == b or base_language(a) == base_language(b))


class MultilingualText:
    """One text in its languages. Immutable; build a changed one with `with_version()`.

    Compared with a plain string it compares its resolved text (what `str()` gives), so templates and
    tests can write `{% if post.title == … %}`; with another value or a dict, its versions.
    """

    __slots__ = ("versions",)

    def __init__(self, versions=None):
        # The original first, then the translations by language code: PostgreSQL's jsonb keeps no key
        # order, so the order is made here, the same on every database.
        versions = dict(versions or {})
        ordered = sorted(versions.items(), key=lambda item: (item[1].source != ORIGINAL, str(item[0])))
        object.__setattr__(self, "versions", dict(ordered))

    def __setattr__(self, name, value):
        raise AttributeError("MultilingualText is immutable")

    # --- building -----------------------------------------------------------------------------------

    @classmethod
    def coerce(cls, value, *, language=None):
        """A value from whatever was assigned; `language` is the record's (the original's) language.

        Not validated here (full_clean does that, with messages): a bad entry is kept as given so its
        error can name it.
        """
        if isinstance(value, MultilingualText):
            return value
        if value is None or value == "":
            return cls()
        language = language or settings.LANGUAGE_CODE
        if isinstance(value, str):
            return cls({language: Version(value.strip(), ORIGINAL)})
        if isinstance(value, dict):
            versions = {}
            for code, entry in value.items():
                if isinstance(entry, dict) and ("text" in entry or "source" in entry):
                    text, source = (
                        entry.get("text", ""),
                        entry.get("source") or (ORIGINAL if code == language else HUMAN),
                    )
                else:
                    text, source = entry, ORIGINAL if code == language else HUMAN
                if isinstance(text, str):
                    text = text.strip()
                    if not text:
                        continue  # an empty box is a missing translation, not an empty one
                versions[code] = Version(text, source)
            return cls(versions)
        return cls({language: Version(value, ORIGINAL)})  # refused by validation, with the value shown

    @classmethod
    def from_json(cls, data):
        if not isinstance(data, dict):
            return cls.coerce(data)
        return cls(
            {
                code: Version(entry.get("text", ""), entry.get("source", HUMAN))
                if isinstance(entry, dict)
                else Version(entry, HUMAN)
                for code, entry in data.items()
            }
        )

    def as_json(self):
        return {code: {"text": v.text, "source": v.source} for code, v in self.versions.items()}

    def with_version(self, language, text, source=HUMAN):
        versions = dict(self.versions)
        if text:
            versions[language] = Version(text, source)
        else:
            versions.pop(language, None)
        return MultilingualText(versions)

    # --- reading ------------------------------------------------------------------------------------

    @property
    def original_language(self):
        return next((code for code, v in self.versions.items() if v.source == ORIGINAL), None)

    @property
    def original(self):
        """The original text ('' when there is none)."""
        language = self.original_language
        return self.versions[language].text if language else ""

    @property
    def languages(self):
        return list(self.versions)

    def text(self, language):
        """The text in exactly this language, or ''."""
        version = self.versions.get(language)
        return version.text if version else ""

    def source(self, language):
        version = self.versions.get(language)
        return version.source if version else None

    def resolve(self, language=None):
        """The text in `language` (default: the reader's), else in the original language."""
        requested = language or reader_language()
        code = self._match(requested)
        if code is None:
            code = self.original_language or next(iter(self.versions), None)
        if code is None:
            return Resolved("", None, None, False, requested)
        version = self.versions[code]
        return Resolved(str(version.text), code, version.source, version.source == ORIGINAL, requested)

    def _match(self, requested):
        if requested in self.versions:
            return requested
        base = base_language(requested)
        return next((code for code in self.versions if base_language(code) == base), None)

    def __str__(self):
        return self.resolve().text

    def __bool__(self):
        return any(v.text for v in self.versions.values())

    def __len__(self):
        return len(str(self))

    def __eq__(self, other):
        if isinstance(other, MultilingualText):
            return self.versions == other.versions
        if isinstance(other, str):
            return str(self) == other
        if isinstance(other, dict):
            return self == MultilingualText.coerce(other, language=self.original_language)
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return f"MultilingualText({self.as_json()!r})"

    # --- checking -----------------------------------------------------------------------------------

    def errors(self, *, required=False, max_length=None, language=None):
        """What is wrong with the value, as messages for its field ([] when nothing)."""
        errors, known = [], language_codes()
        originals = [code for code, v in self.versions.items() if v.source == ORIGINAL]
        for code, version in self.versions.items():
            if not isinstance(code, str) or code not in known:
                errors.append(_("“%(code)s” is not a language code Partnera knows.") % {"code": code})
                continue
            name = language_name(code)
            if not isinstance(version.text, str):
                errors.append(_("The %(language)s text must be text.") % {"language": name})
                continue
            if version.source not in SOURCES:
                errors.append(
                    _("Say whether the %(language)s text is the original, or translated by a person or a machine.")
                    % {"language": name}
                )
            if max_length and len(version.text) > max_length:
                errors.append(
                    _("The %(language)s text has %(length)d characters; at most %(max)d fit.")
                    % {"language": name, "length": len(version.text), "max": max_length}
                )
        if len(originals) > 1:
            errors.append(_("A text has one original language, not several."))
        if language and originals and originals[0] != language and originals[0] in known:
            errors.append(
                _("The original text is in %(text)s, but the record is written in %(record)s.")
                % {"text": language_name(originals[0]), "record": language_name(language)}
            )
        if not originals or not self.text(originals[0]):
            if required:
                errors.append(
                    _("Give the text in %(language)s, the original language.")
                    % {"language": language_name(language or settings.LANGUAGE_CODE)}
                )
            elif self.versions:
                errors.append(
                    _("A translation needs the original text too (in %(language)s).")
                    % {"language": language_name(language or settings.LANGUAGE_CODE)}
                )
        return errors


# --- the model field ----------------------------------------------------------------------------------


class _TextAttribute(DeferredAttribute):
    """Reads give a MultilingualText whatever was assigned; a plain string or dict is read as written in
    the record's language at the moment it is first read (so `Project(title="…", language="sl")` works
    whichever order the keywords come in)."""

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        value = super().__get__(instance, cls)
        if not isinstance(value, MultilingualText):
            value = MultilingualText.coerce(value, language=self.field.record_language(instance))
            instance.__dict__[self.field.attname] = value
        return value

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value


class MultilingualTextField(models.JSONField):
    """A text in several languages (see the module docstring for the stored shape).

    `max_length` applies to each language's text; `language_from` is the attribute path to the
    record's language ("language", or "project.language" for a project's rows); `multiline` picks a
    textarea in the editor.
    """

    descriptor_class = _TextAttribute

    def __init__(self, *args, max_length=None, language_from="language", multiline=True, **kwargs):
        self.text_max_length, self.language_from, self.multiline = max_length, language_from, multiline
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.text_max_length is not None:
            kwargs["max_length"] = self.text_max_length
        if self.language_from != "language":
            kwargs["language_from"] = self.language_from
        if not self.multiline:
            kwargs["multiline"] = False
        return name, path, args, kwargs

    def record_language(self, instance):
        value = instance
        for part in self.language_from.split("."):
            try:
                value = getattr(value, part)
            except Exception:  # an unsaved row without its project yet: no language to read
                return None
            if value is None:
                return None
        return value or None

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        if isinstance(expression, KeyTransform):  # `values("title__en__text")`: the part asked for
            return value
        return MultilingualText.from_json(value) if isinstance(value, dict) else MultilingualText()

    def to_python(self, value):
        return MultilingualText.coerce(value) if not isinstance(value, MultilingualText) else value

    def get_prep_value(self, value):
        if isinstance(value, MultilingualText):
            value = value.as_json()
        elif isinstance(value, str | dict) and value != {}:
            value = MultilingualText.coerce(value).as_json()
        return super().get_prep_value(value)

    def validate(self, value, model_instance):
        value = MultilingualText.coerce(value)
        language = self.record_language(model_instance) if model_instance is not None else None
        errors = value.errors(required=not self.blank, max_length=self.text_max_length, language=language)
        if errors:
            raise ValidationError(errors, code="invalid")

    def value_to_string(self, obj):
        return self.value_from_object(obj).as_json()

    def formfield(self, **kwargs):
        defaults = {
            "form_class": MultilingualTextFormField,
            "required": not self.blank,
            "max_length": self.text_max_length,
            "multiline": self.multiline,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("encoder", None), defaults.pop("decoder", None)
        # Not super().formfield(): that would insist on forms.JSONField.
        return form_class(
            label=defaults.pop("label", capfirst(self.verbose_name)),  # lazy: the label follows the reader's language
            help_text=defaults.pop("help_text", self.help_text),
            **{k: v for k, v in defaults.items() if k not in ("widget", "form_class", "choices_form_class")},
        )


# --- the editor: a form field and its widget --------------------------------------------------------


class MultilingualTextWidget(forms.Widget):
    """One box per language, side by side, the original first; missing ones are marked, and each
    translation has a choice of who translated it. Plain HTML inputs: no JavaScript.

    The original is posted under the field's own name (so a plain one-box post, from a test or an older
    page, is the original text, and the label and error ids stay the field's); each translation as
    `<name>__<code>` with `<name>__<code>__source` (human or machine).
    """

    template_name = "includes/multilingual_text.html"

    def __init__(self, attrs=None, *, multiline=True, max_length=None):
        super().__init__(attrs)
        self.multiline, self.max_length = multiline, max_length
        self.languages, self.original_language = [], None

    def value_from_datadict(self, data, files, name):
        prefix = f"{name}__"
        versions = {}
        for key in data:
            if not key.startswith(prefix) or key.endswith("__source"):
                continue
            code = key[len(prefix) :]
            versions[code] = {"text": data.get(key, ""), "source": data.get(f"{key}__source") or HUMAN}
        if name in data:
            versions[ORIGINAL_BOX] = {"text": data.get(name, ""), "source": ORIGINAL}
        return versions

    def value_omitted_from_data(self, data, files, name):
        return name not in data and not any(key.startswith(f"{name}__") for key in data)

    def shown_languages(self, value):
        """The original first, then the network's languages, then any other the text already has."""
        codes = [self.original_language] if self.original_language else []
        for code in [*self.languages, *value.languages]:
            if code and code not in codes:
                codes.append(code)
        return codes

    def get_context(self, name, value, attrs):
        context = super().get_context(name, None, attrs)
        if not isinstance(value, MultilingualText):
            value = MultilingualText.coerce(value or None, language=self.original_language)
        attrs = dict(context["widget"]["attrs"])
        base_id = attrs.pop("id", None) or f"id_{name}"
        attrs.pop("rows", None)
        rows = []
        for code in self.shown_languages(value):
            is_original = code == self.original_language
            rows.append(
                {
                    "code": code,
                    "name": language_name(code),
                    "input_name": name if is_original else f"{name}__{code}",
                    "id": base_id if is_original else f"{base_id}__{code}",
                    # autofocus, aria-describedby…: they belong to the first box, the original
                    "attrs": flatatt({k: v for k, v in attrs.items() if v is not False}) if is_original else "",
                    "text": value.text(code),
                    "missing": not value.text(code),
                    "is_original": is_original,
                    "source": value.source(code) or HUMAN,
                }
            )
        context["widget"].update(
            {
                "rows": rows,
                "multiline": self.multiline,
                "max_length": self.max_length,
                "sources": TRANSLATION_SOURCES,
                "required": self.is_required,
            }
        )
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates/ directory, whichever form renderer is configured.
        return render_to_string(self.template_name, self.get_context(name, value, attrs))


class MultilingualTextFormField(forms.Field):
    """Cleans the boxes into a MultilingualText whose original is `original_language` (the form sets it
    from the record, and again from the language chosen in the same form)."""

    def __init__(self, *, max_length=None, multiline=True, languages=(), original_language=None, **kwargs):
        self.max_length = max_length
        kwargs.setdefault("widget", MultilingualTextWidget(multiline=multiline, max_length=max_length))
        super().__init__(**kwargs)
        self.set_languages(languages, original_language)

    def set_languages(self, languages, original_language):
        self.widget.languages = [code for code in languages if code]
        self.widget.original_language = original_language

    @property
    def original_language(self):
        return self.widget.original_language

    def to_python(self, value):
        if isinstance(value, MultilingualText) or value in (None, ""):
            return MultilingualText.coerce(value, language=self.original_language)
        if isinstance(value, str):
            return MultilingualText.coerce(value, language=self.original_language)
        versions, value = {}, dict(value)
        original = value.pop(ORIGINAL_BOX, None)
        for code, entry in value.items():
            text = (entry.get("text") or "").strip()
            if text:
                source = ORIGINAL if code == self.original_language else entry.get("source")
                versions[code] = {"text": text, "source": source if source in SOURCES else HUMAN}
        if original is not None:  # the first box is the original, whatever language was chosen for it
            versions[self.original_language] = {"text": (original.get("text") or "").strip(), "source": ORIGINAL}
        return MultilingualText.coerce(versions, language=self.original_language)

    def validate(self, value):
        if self.required and not value.original:
            raise ValidationError(self.error_messages["required"], code="required")
        errors = value.errors(required=self.required, max_length=self.max_length, language=self.original_language)
        if errors:
            raise ValidationError(errors)

    def prepare_value(self, value):
        # A form shown again with its errors gets the posted boxes back as they were typed.
        return value if isinstance(value, MultilingualText) else self.to_python(value)

    def has_changed(self, initial, data):
        return MultilingualText.coerce(initial, language=self.original_language) != self.to_python(data)


class MultilingualFormMixin:
    """For a ModelForm with multilingual fields: shows the boxes of the network's languages and of the
    record's, and treats the language chosen in the same form (if any) as the original.

    The form says where the network is (`text_network()`) and where the record's language is
    (`language_field`, a form field, or `record_language()`).
    """

    language_field = "language"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        original = self._posted_language() or self.record_language()
        network = self.text_network()
        languages = list(getattr(network, "languages", None) or [])
        for field in self.multilingual_fields():
            field.set_languages(languages, original)

    def multilingual_fields(self):
        return [f for f in self.fields.values() if isinstance(f, MultilingualTextFormField)]

    def text_network(self):
        return getattr(self.instance, "network", None) if self.instance.network_id else None

    def record_language(self):
        if self.language_field in self.fields:
            initial = self.initial.get(self.language_field) or self.fields[self.language_field].initial
            return initial or getattr(self.instance, self.language_field, None) or settings.LANGUAGE_CODE
        return settings.LANGUAGE_CODE

    def _posted_language(self):
        if self.is_bound and self.language_field in self.fields:
            posted = self.data.get(self.add_prefix(self.language_field))
            if posted in language_codes():
                return posted
        return None
