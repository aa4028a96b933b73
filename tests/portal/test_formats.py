"""Dates in the reader's language: templates name Django's formats, portal/formats adjusts a few."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

SIGNED = datetime.date(2020, 12, 8)


def render(language, fmt, day=SIGNED):
    with translation.override(language):
        return Template(f'{{{{ day|date:"{fmt}" }}}}').render(Context({"day": day}))


@pytest.mark.parametrize(
    ("language", "fmt", "shown"),
    [
        ("en", "DATE_FORMAT", "8 December 2020"),
        ("en", "SHORT_DATE_FORMAT", "8 Dec 2020"),
        ("en", "YEAR_MONTH_FORMAT", "Dec 2020"),
        ("pl", "DATE_FORMAT", "8 grudnia 2020"),  # genitive, from Django's "j E Y"
        ("az", "DATE_FORMAT", "8 dekabr 2020"),  # CLDR's small letter, not Django's "Dekabr"
        ("sl", "DATE_FORMAT", "8. december 2020"),
        ("hy", "DATE_FORMAT", "2020 թ. դեկտեմբերի 8"),  # CLDR's; not Django's fallback "Dec. 8, 2020"
        ("hy", "SHORT_DATE_FORMAT", "08.12.2020"),
        ("sq", "DATE_FORMAT", "8 dhjetor 2020"),  # not Django's zero-padded "08 Dhjetor 2020"
        ("sq", "SHORT_DATE_FORMAT", "8.12.2020"),  # not Django's ISO "2020-12-08"
        ("sl", "SHORT_DATE_FORMAT", "8. 12. 2020"),  # not Django's "8. Dec. 2020"
        ("pl", "SHORT_DATE_FORMAT", "8.12.2020"),  # not Django's "08-12-2020"
        ("az", "SHORT_DATE_FORMAT", "08.12.2020"),
    ],
)
def test_a_date_is_written_as_the_readers_language_writes_it(language, fmt, shown):
    assert render(language, fmt) == shown


def test_no_template_spells_out_a_date_format():
    """Fixed formats ("j M Y") would show English order to every reader; only ISO for machines is allowed."""
    from django.conf import settings

    fixed = [
        f"{path.relative_to(settings.BASE_DIR)}: {part}"
        for path in (settings.BASE_DIR / "templates").rglob("*.*")
        for part in path.read_text().split("|date:")[1:]
        # Django's localised formats for people; ISO 8601 ('Y-m-d', 'c') only for <time datetime="…">.
        if not part.startswith(
            ('"DATE_FORMAT"', '"SHORT_DATE_FORMAT"', '"YEAR_MONTH_FORMAT"', '"DATETIME_FORMAT"', "'Y-m-d'", "'c'")
        )
    ]
    assert fixed == []


LANGUAGES = ["en", "hy", "sl", "pl", "sq", "az"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_date_in_each_language_is_django_s_locale_data_for_it(language):
    """The long date: the language's format (portal/formats, else Django's) with its own month name, from
    Django's catalog (its genitive where the format asks for it)."""
    from django.utils import dateformat, dates, formats

    with translation.override(language):
        expected = dateformat.format(SIGNED, formats.get_format("DATE_FORMAT", lang=language))
        month = str(dates.MONTHS_ALT[12] if "E" in formats.get_format("DATE_FORMAT") else dates.MONTHS[12])
    assert render(language, "DATE_FORMAT") == expected
    assert month in expected and "8" in expected and "2020" in expected
    if language != "en":
        with translation.override("en"):
            assert str(dates.MONTHS[12]) not in expected  # "December" is English only


@pytest.mark.parametrize(("language", "babel_format"), [("sl", "short"), ("pl", "short")])
def test_short_dates_are_cldr_s_where_portal_formats_follows_it(language, babel_format):
    from babel.dates import format_date

    assert render(language, "SHORT_DATE_FORMAT") == format_date(SIGNED, babel_format, locale=language)


@pytest.mark.parametrize("language", ["hy", "sl", "pl", "sq", "az"])
def test_a_long_date_is_cldr_s_in_every_national_language(language):
    """The long date and the month heading as Babel's CLDR data writes them (small letters, the genitive
    in a date): portal/formats/months.py puts CLDR's month names in the catalogs over Django's."""
    from babel.dates import format_date

    from portal.formats.months import cldr_names

    assert render(language, "DATE_FORMAT") == format_date(SIGNED, "long", locale=language)
    assert render(language, "YEAR_MONTH_FORMAT") == format_date(SIGNED, "LLLL y", locale=language)
    with translation.override(language):
        shown = {key: translation.pgettext(key[0], key[1]) if key[0] else translation.gettext(key[1])
                 for key in cldr_names(language)}  # fmt: skip
    assert shown == cldr_names(language)
