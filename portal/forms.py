"""Form helpers shared by every app."""

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS

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


def preselect_only_choice(field):
    """A required ModelChoiceField the user has one answer to (the one organisation they administer):
    chosen for them, and the empty choice left out. Reads at most two rows, whatever the queryset holds."""
    rows = list(field.queryset[:2])
    if len(rows) == 1:
        field.initial = rows[0].pk
        field.empty_label = None
