"""Form helpers shared by every app."""

import html

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString

from portal.inputs import EMAIL_MAX_LENGTH


def add_service_errors(request, form, error):
    """Show a service's ValidationError next to the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            if form is not None and (field in form.fields or field == NON_FIELD_ERRORS):
                for message in errors:
                    form.add_error(None if field == NON_FIELD_ERRORS else field, message)
            else:
                for message in errors:
                    messages.error(request, message)
    elif form is not None:
        for message in error.messages:
            form.add_error(None, message)
    else:
        for message in error.messages:
            messages.error(request, message)


class EmailField(forms.EmailField):
    """An address field that takes no more than the e-mail columns hold (see portal.inputs.EMAIL_MAX_LENGTH)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)


class DateInput(forms.DateInput):
    """Every date field's widget: the browser's date picker (`type=date`), which shows the date in the
    reader's own order and sends it as ISO 8601. The value is written in ISO whatever the language,
    or the browser shows an empty field (tests/portal/test_forms.py walks every form for it)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AutocompleteSelect(forms.Select):
    """A <select> that static/js/autocomplete.js turns into an accessible autocomplete (alphagov's
        accessible-autocomplete, vendored in static/vendor/) where JavaScript runs; without it, the select.
        A page that shows one loads the script: {% block scripts %}{% include "includes/autocomplete.html" %}.
    `data-autocomplete-empty-choice` keeps the empty choice on offer where it is an answer ("a new one")."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs={"data-autocomplete": "", **(attrs or {})}, choices=choices)


def _escaped(value):
    """conditional_escape without its per-call wrapping (what a template does to a value)."""
    return str(value) if isinstance(value, SafeData) else html.escape(str(value))


class LongSelect(forms.Select):
    """A <select> of hundreds of options (a network's projects) drawn in Python: the markup of Django's
    select templates, which render a template per option (~50 ms for 500 options; this, ~2 ms)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{_escaped(group_name)}">')
            for option in options:
                attrs = option["attrs"]  # {} or {"selected": True} but for a widget given option attributes
                extra = "" if not attrs else " selected" if attrs == {"selected": True} else flatatt(attrs)
                parts.append(f'<option value="{_escaped(option["value"])}"{extra}>{_escaped(option["label"])}</option>')
            if group_name:
                parts.append("</optgroup>")
        options = SafeString("".join(parts))  # every value and label escaped above
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class MultipleFileInput(forms.FileInput):
    """`<input type="file" multiple>`: the browser sends every file chosen."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern): cleans to a list, empty when none was
    chosen. It checks only that each is a file; the service checks what they are (portal.uploads)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        cleaned = [super(MultipleFileField, self).clean(file, initial) for file in files if file]
        if self.required and not cleaned:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [file for file in cleaned if file]


def preselect_only_choice(field, prefer=None):
    """Start a required ModelChoiceField from the answer the user most likely has: `prefer` (an id, e.g. the
    organisation just added on the way here) when it is one of the choices, else the only choice there is
    (the one organisation they administer), and then without the empty choice. Returns whether there is
    any choice. Reads at most two rows, whatever the queryset holds (and one more to check a `prefer`
    beyond them)."""
    rows = list(field.queryset[:2])
    ids = {str(row.pk) for row in rows}
    if prefer is not None and (
        str(prefer) in ids
        or (str(prefer).isascii() and str(prefer).isdigit() and field.queryset.filter(pk=prefer).exists())
    ):
        field.initial = int(prefer)
    elif len(rows) == 1:
        field.initial = rows[0].pk
    if len(rows) == 1:
        field.empty_label = None
    return bool(rows)
