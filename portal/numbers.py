"""Numbers and money in the reader's language, from Babel's CLDR data: never formatted by hand.

`format_money(Decimal("399542.28"), "EUR")` gives "€399,542.28" in English, "399 542,28 €" in Polish
and "399.542,28 €" in Slovenian (CLDR groups Slovenian thousands with a dot; the spaces are no-break
spaces). Templates use the `money` filter (portal/templatetags/numbers.py); plain numbers go through Django's
`floatformat`, whose separators portal/formats keeps in step with CLDR. Exports (CSV,
XLSX) keep raw numbers; only what people read is formatted.
"""

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, format_decimal
from django.utils import translation


def reader_locale():
    """The Babel locale for the active Django language; English when Babel does not know it."""
    try:
        return Locale.parse(translation.to_locale(translation.get_language() or "en"))
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def format_money(amount, currency):
    """`amount` in `currency` (an ISO 4217 code) as the reader's language writes it, with the currency's
    own number of decimals (CLDR's). No currency: the amount with two decimals. No amount: ""."""
    if amount is None or amount == "":
        return ""
    locale = reader_locale()
    if not currency:
        return format_decimal(amount, format="#,##0.00", locale=locale)
    try:
        return format_currency(amount, currency, locale=locale)
    except (ValueError, UnknownLocaleError):
        return f"{format_decimal(amount, locale=locale)} {currency}"
