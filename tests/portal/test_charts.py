"""portal.charts: inert, self-contained, deterministic SVG with the numbers as a table."""

import re

from django.utils import translation
from lxml import etree

from portal import charts


def indicator(**overrides):
    arguments = {"title": "Schools with career guidance", "periods": ["2025", "2026"], "actuals": [3, 5],
                 "baseline": 0, "target": 7, "unit": "schools", "colour": "#7a1f3d", **overrides}  # fmt: skip
    return charts.indicator_chart(**arguments)


def all_charts(label="Women"):
    return [
        indicator(),
        charts.breakdown_chart(
            title="By sex", categories=["2025", "2026"], series=[(label, [10, 12]), ("Men", [8, 9])], colour="#0b6e4f"
        ),  # fmt: skip
        charts.timeline_chart(title="Entries", labels=["Jan", "Feb"], values=[1, 4], series_label="Entries"),
    ]


def test_the_svg_has_no_script_no_comment_and_no_external_reference():
    for chart in all_charts():
        svg = chart.svg
        assert svg.startswith("<svg") and "<?xml" not in svg
        assert "<script" not in svg and "window.pygal" not in svg and "<!--" not in svg
        assert not re.search(r"(href|src)\s*=", svg)
        assert "url(" not in svg and "@import" not in svg and "googleapis" not in svg
        assert "DejaVu Sans" in svg
        etree.fromstring(svg.encode())  # well-formed


def test_the_same_data_draws_the_same_bytes():
    assert [c.svg for c in all_charts()] == [c.svg for c in all_charts()]
    assert indicator().svg != indicator(actuals=[3, 6]).svg
    assert indicator().svg != indicator(colour="#0b6e4f").svg


def test_labels_are_escaped():
    hostile = '<script>alert("x")</script>&<img src=x onerror=alert(1)>'
    chart = charts.breakdown_chart(title=hostile, categories=[hostile, "2026\x00\x1b"],
                                   series=[(hostile, [1, 2])])  # fmt: skip
    assert "<script" not in chart.svg and "<img" not in chart.svg
    assert "&lt;script&gt;" in chart.svg
    root = etree.fromstring(chart.svg.encode())
    assert root.get("aria-label") == hostile and root.get("role") == "img"
    assert [element.tag.rsplit("}", 1)[-1] for element in root.iter() if "img" in str(element.tag)] == []
    assert chart.table.rows[0][0] == hostile  # the template escapes the table's text
    assert chart.table.rows[1][0] == "2026"  # characters XML cannot hold are dropped


def test_the_numbers_come_as_a_table():
    chart = indicator(actuals=[3, None])
    assert chart.table.caption == "Schools with career guidance"
    assert chart.table.columns == ("", "schools")
    assert chart.table.rows == (("Baseline", ("0",)), ("2025", ("3",)), ("2026", ("",)), ("Target", ("7",)))
    with translation.override("pl"):
        assert charts.number(1234567) in ("1 234 567", "1\xa0234\xa0567")


def test_the_colours_come_from_the_network():
    assert charts.palette("#7A1F3D")[0] == "#7a1f3d"
    assert charts.palette("not a colour")[0] == charts.DEFAULT_COLOUR
    assert "#7a1f3d" in indicator().svg.lower()
    assert len(set(charts.palette("#7a1f3d"))) == len(charts.palette("#7a1f3d"))
