"""A network's colour on its pages (portal/themes.py): contrast computed, text falls back to ink or black,
the stylesheet is named by the colour and cacheable for ever."""

import pytest

from portal import themes


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#ffffff", "#000000", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#1f5f8b", "#ffffff", 6.84),
        ("#767676", "#ffffff", 4.54),
    ],
)
def test_contrast_ratio_as_wcag_computes_it(first, second, ratio):
    assert round(themes.contrast_ratio(first, second), 2) == ratio


@pytest.mark.parametrize(
    ("colour", "text"),
    [
        ("#1f5f8b", themes.WHITE),  # dark: white reads on it
        ("#ffeb3b", themes.INK),  # light yellow: white would be 1.2:1
        ("#777777", themes.BLACK),  # mid-grey: white 4.48:1 and ink below 4.5:1 too
    ],
)
def test_the_text_on_a_colour_meets_aa(colour, text):
    assert themes.text_on(colour) == text
    assert themes.contrast_ratio(themes.text_on(colour), colour) >= 4.5


def test_a_colour_too_light_for_text_on_white_gives_way_to_ink():
    assert themes.text_on_white("#1f5f8b") == "#1f5f8b"
    assert themes.text_on_white("#ffeb3b") == themes.INK


def test_the_stylesheet_sets_the_properties_the_css_reads():
    assert themes.stylesheet("#FFEB3B") == ":root{--network:#ffeb3b;--network-ink:#1b1f24;--network-text:#1b1f24}\n"


def test_the_stylesheet_is_served_by_its_colour_and_cached_for_ever(client):
    response = client.get("/theme/v1/2e7d32.css")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    assert b"--network:#2e7d32" in response.content


@pytest.mark.parametrize("bad", ["2E7D32", "2e7d3", "2e7d32;x", "zzzzzz"])
def test_anything_but_six_lower_case_hex_digits_matches_no_route(client, bad):
    assert client.get(f"/theme/v1/{bad}.css").status_code == 404


@pytest.mark.parametrize(
    ("value", "ok"), [("#1f5f8b", True), ("1F5F8B", True), ("blue", False), ("", False), (None, False)]
)
def test_only_a_real_colour_makes_a_stylesheet_link(value, ok):
    # A network form being corrected holds what was typed ("blue"): the page keeps the default colour.
    assert themes.is_colour(value) is ok
