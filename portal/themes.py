"""A network's colour on its pages, within the Content Security Policy (no inline styles).

The stylesheet depends on the colour alone, so its address is the colour (`/theme/v1/1f5f8b.css`):
nothing to look up, nothing private, cacheable for ever, and a new colour is a new address. The text
put on the colour is white or ink, whichever reads better; WCAG 2.2 AA asks 4.5:1 for normal text,
and where neither reaches it (mid-greys) black does. Where the colour is too light for text on white (links, the
current tab), the ink stands in for it and the colour keeps to borders and bands.
"""

import re

INK = "#1b1f24"  # --ink in static/css/partnera.css
WHITE = "#ffffff"
BLACK = "#000000"  # for the mid-greys where neither white nor ink reaches 4.5:1; black always does
AA_NORMAL_TEXT = 4.5
VERSION = "v1"  # bump when the stylesheet below changes, so browsers fetch the new one


def _channel(value):
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour):
    """WCAG's relative luminance of "#rrggbb"."""
    hex_ = colour.lstrip("#")
    r, g, b = (int(hex_[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(colour):
    """White where it meets AA on the colour, else ink, else black."""
    for candidate in (WHITE, INK):
        if contrast_ratio(candidate, colour) >= AA_NORMAL_TEXT:
            return candidate
    return BLACK


def text_on_white(colour):
    """The colour itself where it reads as text on white, else ink."""
    return colour if contrast_ratio(colour, WHITE) >= AA_NORMAL_TEXT else INK


COLOUR = re.compile(r"^#?[0-9a-fA-F]{6}$")


def is_colour(value):
    """A colour the stylesheet can be made from (a form being corrected may hold anything meanwhile)."""
    return isinstance(value, str) and bool(COLOUR.match(value))


def stylesheet(colour):
    """The custom properties static/css/partnera.css reads on a network's pages."""
    colour = "#" + colour.lstrip("#").lower()
    return f":root{{--network:{colour};--network-ink:{text_on(colour)};--network-text:{text_on_white(colour)}}}\n"
