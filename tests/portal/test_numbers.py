"""Money and numbers in the reader's language (portal.numbers and its `money` filter): Babel's CLDR data
for each of the six languages, never a format typed by hand; Django's number formats agree."""

import datetime
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_currency, format_decimal
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, translation

from portal.numbers import format_money, reader_locale

AMOUNT = Decimal("399542.28")
NBSP = "\xa0"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def render(language, source, **context):
    with translation.override(language):
        return Template("{% load numbers %}" + source).render(Context(context))


def test_the_six_languages_are_the_ones_tested():
    assert LANGUAGES == ["en", "hy", "sl", "pl", "sq", "az"]


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "€399,542.28"),
        ("pl", f"399{NBSP}542,28{NBSP}€"),
        ("sl", f"399.542,28{NBSP}€"),  # CLDR groups Slovenian thousands with a dot
    ],
)
def test_money_as_the_issue_names_it(language, shown):
    assert render(language, "{{ x|money:'EUR' }}", x=AMOUNT) == shown


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("currency", ["EUR", "AMD", "PLN", "USD", "AZN", "ALL"])
def test_money_in_each_language_is_babel_s_for_that_language(language, currency):
    expected = format_currency(AMOUNT, currency, locale=Locale.parse(language))
    assert render(language, "{{ x|money:c }}", x=AMOUNT, c=currency) == expected
    with translation.override(language):
        assert format_money(AMOUNT, currency) == expected
        assert str(reader_locale()) == language


def test_the_six_languages_do_not_all_write_money_alike():
    shown = {language: render(language, "{{ x|money:'EUR' }}", x=AMOUNT) for language in LANGUAGES}
    assert len(set(shown.values())) >= 3
    assert all(value != shown["en"] for language, value in shown.items() if language != "en")


def test_no_amount_shows_nothing_and_no_currency_shows_the_number():
    assert render("pl", "[{{ x|money:'EUR' }}]", x=None) == "[]"
    assert render("pl", "{{ x|money:'' }}", x=AMOUNT) == f"399{NBSP}542,28"
    assert render("en", "{{ x|money:'' }}", x=Decimal("5")) == "5.00"


def test_a_withdrawn_or_unknown_currency_code_still_shows_its_code_and_the_amount():
    shown = render("en", "{{ x|money:'QQQ' }}", x=AMOUNT)
    assert "QQQ" in shown and "399,542.28" in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_in_each_language_are_django_s_and_agree_with_babel(language):
    """Pages write numbers through Django (`floatformat`, `intcomma`, whose separators Django's locale files
    give, adjusted in portal/formats): a figure reads like the money beside it, Babel's CLDR data."""
    locale = Locale.parse(language)
    with translation.override(language):
        assert formats.number_format(AMOUNT, 2, force_grouping=True) == format_decimal(
            AMOUNT, "#,##0.00", locale=locale
        )
    assert render(language, '{{ x|floatformat:"2g" }}', x=AMOUNT) == format_decimal(AMOUNT, "#,##0.00", locale=locale)


def test_the_reader_s_locale_is_english_for_a_language_babel_does_not_know():
    with translation.override("xx"):
        assert str(reader_locale()) == "en"


@pytest.mark.django_db
def test_a_project_page_shows_its_budget_in_polish_and_in_english(client):
    from django.urls import reverse

    from tests.factories import NetworkFactory, ProjectFactory

    network = NetworkFactory()
    project = ProjectFactory(
        network=network, budget_amount=AMOUNT, budget_currency="EUR", visibility="public",
        start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2027, 12, 31),
    )  # fmt: skip
    url = reverse("projects:detail", kwargs={"network_slug": network.slug, "project_slug": project.slug})
    polish = client.get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"<dd>399{NBSP}542,28{NBSP}€</dd>" in polish and "€399,542.28" not in polish
    assert "<dd>€399,542.28</dd>" in english and f"399{NBSP}542,28" not in english
