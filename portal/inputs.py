"""What a service accepts: each write names its fields once, and anything else is refused.

A service that takes a `data` mapping declares the fields it writes as a tuple next to it
(`PROJECT_FIELDS`), and its form's `Meta.fields` is that same tuple, so the page and the service can
never drift apart. `accept` is how the service reads `data`: an unknown key is a programming error
(a renamed field, a typo in an import) and raises at once instead of being dropped without a word.

An import reads a dict someone wrote (the demo data, later a file): its unknown keys are input, not
code, so the import refuses them as a ValidationError naming each where it is (`unknown_fields`).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.utils.translation import gettext as _


class UnknownInput(TypeError):
    """A caller passed a field the service does not write."""


def accept(data, fields, *, what):
    """`data` as a dict, after checking every key is one of `fields`; `what` names the write."""
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise UnknownInput(f"{what} does not accept {', '.join(map(repr, unknown))}; it takes {', '.join(fields)}")
    return dict(data)


def unknown_fields(data, fields):
    """["Unknown field “titel”."] for each key of `data` (a dict from an import) not among `fields`."""
    return [_("Unknown field “%(field)s”.") % {"field": key} for key in sorted(set(data) - set(fields), key=str)]


# Every e-mail column is a models.EmailField (254 characters, RFC 5321's limit on a path); Django's
# EmailValidator and forms.EmailField take up to 320. An address between the two passed the form and
# failed the INSERT on PostgreSQL (SQLite ignores lengths), so the writes check this length themselves.
EMAIL_MAX_LENGTH = 254


def email_address(value, *, field="email"):
    """`value` as the address to store (stripped, lower-case), or a ValidationError on `field`."""
    email = (value or "").strip().lower()
    try:
        validate_email(email)
        MaxLengthValidator(EMAIL_MAX_LENGTH)(email)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    return email
