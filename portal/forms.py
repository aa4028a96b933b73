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
