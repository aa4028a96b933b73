"""Money and numbers in the reader's language (portal.numbers, Babel's CLDR data).

{% load numbers %}{{ project.budget_amount|money:project.budget_currency }}   → 399 542,28 € in Polish
{{ value|number }}  {{ value|number:2 }}
"""

from django import template

from portal.numbers import format_money, format_number

register = template.Library()


@register.filter
def money(amount, currency=""):
    return format_money(amount, currency)


@register.filter
def number(value, decimals=None):
    return format_number(value, None if decimals in (None, "") else int(decimals))
