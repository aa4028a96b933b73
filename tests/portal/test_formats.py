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
        ("az", "DATE_FORMAT", "8 Dekabr 2020"),
        ("sl", "DATE_FORMAT", "8. december 2020"),
        ("hy", "DATE_FORMAT", "8 Դեկտեմբեր 2020"),  # not Django's fallback "Dec. 8, 2020"
        ("hy", "SHORT_DATE_FORMAT", "08.12.2020"),
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
