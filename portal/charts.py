"""Charts drawn on the server as SVG (pygal): the same picture on a page and in a PDF.

Three kinds, each a `Chart` (the SVG markup and the same numbers as a table, for screen readers and for
anyone who prints in black and white):

- `indicator_chart`: an indicator's baseline, its actual value per period and its target, as bars;
- `breakdown_chart`: stacked bars, one per category (a period, a group), split by sex, age or disability;
- `timeline_chart`: one bar per month (or any period) of activity.

The SVG is inert and self-contained: pygal's configuration `<script>` (it writes one even with `js=[]`),
its comments (one carries the day it was drawn) and any processing instruction are taken out, so there is
no script, no external reference (its stylesheet is inline, the font is the PDF's, DejaVu Sans, never a web
font), and the same data draws the same bytes (the chart's id is a hash of what it shows, not pygal's
random uuid). Labels are user texts: lxml escapes them, and characters XML cannot hold are dropped first.
The colours come from the network's brand colour (portal.themes), so a chart looks like its network.
"""

import colorsys
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

import pygal
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

from portal import themes

FONT_FAMILY = '"DejaVu Sans", sans-serif'  # the PDFs' font (portal.pdf.FONT_FAMILY); no web font
DEFAULT_COLOUR = "#1f5f8b"
GREY = "#8a9099"
WIDTH, HEIGHT = 720, 340

# Characters an XML document cannot contain (lxml refuses them): C0 controls but tab, newline, return.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class ChartTable:
    """The chart's numbers: a caption, the column headings, and rows of (label, formatted values)."""

    caption: str
    columns: tuple
    rows: tuple


@dataclass(frozen=True)
class Chart:
    """`svg` is safe markup (put it in a template as it is); `table` holds the same numbers.

    The SVG is drawn when it is first read, not when the chart is made: pages show a chart as an image of
    its own address (drawn by the view behind it, from figures kept in the cache) and only its table
    inline, so building the figures draws nothing; a PDF reads `svg` and draws them all. `drawing` is what
    `_render` takes (plain data: the figures, charts included, are kept in the cache by pickling)."""

    title: str
    table: ChartTable
    drawing: dict

    @cached_property
    def svg(self):
        drawing = dict(self.drawing)
        return _render(getattr(pygal, drawing.pop("kind")), **drawing)

    def __html__(self):
        return self.svg

    def __str__(self):
        return self.svg


# --- colours ------------------------------------------------------------------------------------------


def _mix(colour, towards, amount):
    """`colour` moved `amount` (0..1) of the way to `towards`, as "#rrggbb"."""
    a, b = _rgb(colour), _rgb(towards)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def _rgb(colour):
    hex_ = colour.lstrip("#")
    return tuple(int(hex_[i : i + 2], 16) for i in (0, 2, 4))


def palette(colour=None):
    """The series colours for a network: its colour, then shades and a turned hue, then grey."""
    colour = "#" + colour.lstrip("#").lower() if themes.is_colour(colour) else DEFAULT_COLOUR
    r, g, b = (x / 255 for x in _rgb(colour))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    turned = colorsys.hls_to_rgb((h + 0.45) % 1, min(max(lightness, 0.35), 0.6), max(s, 0.45))
    turned = "#" + "".join(f"{round(x * 255):02x}" for x in turned)
    return (colour, _mix(colour, "#ffffff", 0.5), _mix(colour, themes.INK, 0.45), turned,
            _mix(turned, "#ffffff", 0.5), GREY)  # fmt: skip


def _style(colours):
    return Style(
        background="#ffffff", plot_background="#ffffff", foreground=themes.INK, foreground_strong=themes.INK,
        foreground_subtle="#c9ced6", opacity="1", opacity_hover="1", transition="none", colors=colours,
        font_family=FONT_FAMILY, label_font_size=12, major_label_font_size=12, legend_font_size=12,
        title_font_size=14, value_font_size=11, value_label_font_size=11, tooltip_font_size=12,
        no_data_font_size=16,
    )  # fmt: skip


# --- the SVG ------------------------------------------------------------------------------------------


def _text(value):
    return _NOT_XML.sub("", str(value if value is not None else ""))


def number(value):
    """A figure as the reader's language writes it: whole numbers without decimals, '' for none."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return number_format(value, use_l10n=True, force_grouping=True)


def _plain(value):
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal) else value


def _inert(title):
    def strip(root):
        for element in list(root.iter()):
            tag = element.tag if isinstance(element.tag, str) else ""
            if not tag or tag.rsplit("}", 1)[-1] == "script":  # comments, processing instructions, scripts
                parent = element.getparent()
                if parent is not None:
                    if element.tail:  # keep the text that followed a dropped comment
                        previous = element.getprevious()
                        if previous is not None:
                            previous.tail = (previous.tail or "") + element.tail
                        else:
                            parent.text = (parent.text or "") + element.tail
                    parent.remove(element)
        root.set("role", "img")
        root.set("aria-label", title)
        return root

    return strip


def _render(chart_class, *, title, labels, series, colours, legend, **config):
    """The SVG of a pygal chart: `series` is [(name, [value or {"value", "color"}])]."""
    title, labels = _text(title), [_text(label) for label in labels]
    chart = chart_class(
        style=_style(colours), width=WIDTH, height=HEIGHT, js=[], disable_xml_declaration=True,
        show_legend=legend, legend_at_bottom=True, legend_at_bottom_columns=min(len(series), 4) or 1,
        print_values=True, print_zeroes=False, print_values_position="top", value_formatter=number,
        truncate_label=-1, truncate_legend=-1,
        x_label_rotation=30 if len(labels) > 6 else 0, no_data_text=_("No data"), margin=12, spacing=12,
        show_y_guides=True, include_x_axis=True, tooltip_border_radius=0, **config,
    )  # fmt: skip
    chart.x_labels = labels
    for name, values in series:
        chart.add(_text(name), [_plain(v) if not isinstance(v, dict) else {**v, "value": _plain(v["value"])}
                                for v in values])  # fmt: skip
    # What the chart shows, not pygal's random uuid4: the same data draws the same bytes.
    chart.uuid = hashlib.sha256(repr((chart_class.__name__, title, labels, series, colours)).encode()).hexdigest()[:20]
    chart.add_xml_filter(_inert(title))
    return mark_safe(chart.render(is_unicode=True))  # noqa: S308 (lxml escaped every text in it)


# --- the three charts ---------------------------------------------------------------------------------


def indicator_chart(*, title, periods, actuals, baseline=None, target=None, unit="", colour=None):
    """Bars for an indicator: its baseline (grey), the actual value of each period (`periods` labels,
    `actuals` numbers or None) in the network's colour, and its target (the darker shade)."""
    colours = palette(colour)
    labels, values = [], []
    if baseline is not None:
        labels.append(_("Baseline"))
        values.append({"value": baseline, "color": GREY})
    for period, actual in zip(periods, actuals, strict=True):
        labels.append(period)
        values.append({"value": actual, "color": colours[0]})
    if target is not None:
        labels.append(_("Target"))
        values.append({"value": target, "color": colours[2]})
    name = unit or _("Value")
    drawing = {"kind": "Bar", "title": title, "labels": labels, "series": [(name, values)], "colours": colours,
               "legend": False}  # fmt: skip
    rows = tuple((_text(label), (number(v["value"]),)) for label, v in zip(labels, values, strict=True))
    return Chart(_text(title), ChartTable(_text(title), ("", _text(name)), rows), drawing)


def breakdown_chart(*, title, categories, series, colour=None):
    """Stacked bars: one bar per category, split into `series` [(label, [number per category])]."""
    colours = palette(colour)
    drawing = {"kind": "StackedBar", "title": title, "labels": categories, "series": series, "colours": colours,
               "legend": True}  # fmt: skip
    rows = tuple(
        (_text(category), tuple(number(values[i]) for _name, values in series)) for i, category in enumerate(categories)
    )
    return Chart(_text(title), ChartTable(_text(title), ("", *(_text(name) for name, _v in series)), rows), drawing)


def timeline_chart(*, title, labels, values, series_label, colour=None):
    """One bar per period (`labels`, e.g. months) of `values` (entries, participants)."""
    colours = palette(colour)
    drawing = {"kind": "Bar", "title": title, "labels": labels, "series": [(series_label, values)],
               "colours": colours, "legend": False}  # fmt: skip
    rows = tuple((_text(label), (number(value),)) for label, value in zip(labels, values, strict=True))
    return Chart(_text(title), ChartTable(_text(title), ("", _text(series_label)), rows), drawing)
