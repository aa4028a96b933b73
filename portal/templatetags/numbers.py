"""Money in the reader's language (portal.numbers, Babel's CLDR data). Plain numbers go through Django's
`floatformat`/`intcomma`, whose separators the locale formats give (portal/formats agrees with CLDR).

{% load numbers %}{{ project.budget_amount|money:project.budget_currency }}   → 399 542,28 € in Polish
"""

from django import template

from portal.numbers import format_money

register = template.Library()


@register.filter
def money(amount, currency=""):
    return format_money(amount, currency)
