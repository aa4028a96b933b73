"""ISO 4217 currencies a project budget can be kept in, from Babel's CLDR data (no list to keep by hand).

"Active" means legal tender in some territory today: CLDR leaves out fund codes (BOV, CLF, USN…),
precious metals, bond units, XDR, XTS and XXX, and drops a currency once it is withdrawn (HRK, BGN…).
A withdrawn code that a project already uses stays valid, so an old project can still be saved.
"""

import datetime
from functools import lru_cache

from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from portal.numbers import reader_locale


@lru_cache(maxsize=2)
def _active_codes(day):
    """Codes that are legal tender in some territory on `day` (cached per day: CLDR data does not change)."""
    territories = get_global("territory_currencies")
    return frozenset(code for territory in territories for code in get_territory_currencies(territory, start_date=day))


def active_currency_codes():
    return _active_codes(datetime.date.today())


def _codes_in_use():
    """ISO codes projects already hold, withdrawn ones included (asked only for a code that is not active).

    Crosses networks on purpose, with the scope off: a code withdrawn from tender stays valid wherever
    some project already uses it, and only the distinct currency codes come back, never a row.
    """
    project = apps.get_model("projects", "Project")
    with scopes_disabled():
        used = set(project.objects.exclude(budget_currency="").values_list("budget_currency", flat=True).distinct())
    return used & set(list_currencies())


def currency_choices(*, keep=""):
    """(code, name) for every active currency, the names in the reader's language, in code order; and
    `keep`, a code a project holds, even if it was withdrawn from tender since (a form must show it)."""
    locale = reader_locale()
    codes = set(active_currency_codes()) | ({keep} if keep in list_currencies() else set())
    return [(code, get_currency_name(code, locale=locale)) for code in sorted(codes)]


def validate_currency(value):
    """A field validator: the value must be a current ISO 4217 code in capitals ("EUR", not "eur" or "€")."""
    if value and value not in active_currency_codes() and value not in _codes_in_use():
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code. Use three capital letters, such as EUR or USD."),
            code="invalid_currency",
            params={"value": value},
        )
