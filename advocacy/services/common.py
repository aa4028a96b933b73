"""What the advocacy services share: reading ids, sanitising rich text, the audit log."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from advocacy.models import INSTITUTION_KINDS
from members.models import Organisation
from portal import audit
from portal.sanitise import clean_html
from portal.texts import MultilingualText

_MAX_ID = 2**63 - 1


def pk_of(value):
    """The id `value` names (a row, an int or a string of digits), or None."""
    value = getattr(value, "pk", value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MAX_ID:
        return value
    return None


def one(queryset, value, field, message):
    """The row of `queryset` that `value` names, None for no value, else a ValidationError on `field`."""
    if value in (None, ""):
        return None
    pk = pk_of(value)
    row = queryset.filter(pk=pk).first() if pk is not None else None
    if row is None:
        raise ValidationError({field: message})
    return row


def clean_rich_text(value, language):
    """A multilingual rich text with every language's version cleaned by portal.sanitise."""
    text = MultilingualText.coerce(value, language=language)
    cleaned = text
    for code in text.languages:
        version = text.versions[code]
        if isinstance(version.text, str):
            cleaned = cleaned.with_version(code, clean_html(version.text), version.source)
    return cleaned


def institution(value, field):
    """The organisation `value` names, which must be a ministry, a government agency or a local government."""
    organisation = one(Organisation.objects.all(), value, field, _("Choose an organisation."))
    if organisation is None:
        raise ValidationError({field: _("Choose an institution.")})
    if organisation.kind not in INSTITUTION_KINDS:
        raise ValidationError(
            {
                field: _(
                    "%(name)s is not an institution (it is registered as “%(kind)s”): address a ministry, a "
                    "government agency or a local government."
                )
                % {"name": organisation, "kind": organisation.get_kind_display()}
            }
        )
    return organisation


def record(obj, acting_user, action, **kwargs):
    audit.record(network=obj.network, acting_user=acting_user, action=action, obj=obj, **kwargs)
