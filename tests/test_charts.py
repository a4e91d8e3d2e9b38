"""Charts (desktop.core.charts): well-formed SVG showing the figures' numbers, in the
scale's colours, with every text escaped, and the same layout in a ReportLab drawing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from desktop.core import charts, stats
from desktop.core.stats import Bar, Figure, Verdict

NS = {"s": charts.SVG_NS}
VERDICTS = (
    Verdict(1, "True", "#276e6b", "true"),
    Verdict(2, "False", "#630b20", "false"),
    Verdict(stats.UNRATED, "Not rated", stats.NEUTRAL),
)
HOSTILE = '<script>alert(1)</script> & "quotes" \x07bell'


def verdict_chart() -> charts.Chart:
    fig = Figure(
        "verdict",
        (Bar(1, "True", 7, "#276e6b"), Bar(2, "False", 12, "#630b20"), Bar("unrated", "", 0)),
        VERDICTS,
        19,
    )
    return charts.from_figure(
        fig, title="By verdict", header="Verdict", bar_label=str, verdict_label=lambda v: v.label
    )


def claimant_chart(note: str = "") -> charts.Chart:
    fig = Figure(
        "claimant",
        (Bar(HOSTILE, HOSTILE, 5, None, (3, 2, 0)), Bar("", "", 4, None, (0, 1, 3))),
        VERDICTS,
        9,
        rest=6,
        rest_bars=2,
    )
    return charts.from_figure(
        fig,
        title=f"Claimants {HOSTILE}",
        header="Claimant",
        bar_label=lambda b: b.label or "(no claimant)",
        verdict_label=lambda v: v.label,
        note=note,
    )


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{{{charts.SVG_NS}}}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iterfind(".//s:text", NS)]


def test_verdict_bars_show_their_numbers_in_the_scale_colours():
    root = parse(charts.to_svg(charts.layout(verdict_chart())))
    shown = texts(root)
    assert {"True", "False", "Not rated", "7", "12", "0"} <= set(shown)
    fills = [r.get("fill") for r in root.iterfind("s:rect", NS)]
    assert fills == ["#276e6b", "#630b20"]  # no bar for a count of 0
    widths = [float(r.get("width")) for r in root.iterfind("s:rect", NS)]
    assert widths[0] / widths[1] == pytest.approx(7 / 12, rel=0.01)
    assert root.find("s:title", NS).text == "By verdict"
    assert root.find("s:desc", NS).text == "True: 7; False: 12; Not rated: 0"
    assert root.get("role") == "img"


def test_stacked_bars_cut_by_verdict_and_labelled_in_contrasting_ink():
    root = parse(charts.to_svg(charts.layout(claimant_chart())))
    rects = root.findall("s:rect", NS)
    bars = [
        r for r in rects if r.find("s:title", NS) is not None and "·" in r.find("s:title", NS).text
    ]
    assert [(r.get("fill"), r.find("s:title", NS).text.rsplit(": ", 1)[1]) for r in bars] == [
        ("#276e6b", "3"),
        ("#630b20", "2"),
        ("#630b20", "1"),
        (stats.NEUTRAL, "3"),
    ]
    # numbers inside a segment: white on the dark verdicts, near-black on grey
    inside = {
        t.text: t.get("fill")
        for t in root.iterfind("s:text", NS)
        if t.get("text-anchor") == "middle"
    }
    assert inside.get("2") == "#ffffff"
    assert "(no claimant)" in texts(root) and "5" in texts(root) and "4" in texts(root)
    legend = [t for t in texts(root) if t in ("True", "False", "Not rated")]
    assert legend == ["True", "False", "Not rated"]


def test_user_text_is_escaped_and_nothing_can_run():
    svg = charts.to_svg(charts.layout(claimant_chart(note=HOSTILE)), standalone=True)
    assert "<script" not in svg and "\x07" not in svg
    root = parse(svg.split("\n", 1)[1])
    allowed = {"svg", "title", "desc", "style", "rect", "text", "line"}
    for element in root.iter():
        assert element.tag.split("}")[1] in allowed
        assert not any(name.lower().startswith("on") for name in element.attrib)
    assert any("<script>alert(1)</script>" in (t or "") for t in texts(root))  # as text
    full = [t.find("s:title", NS) for t in root.iterfind("s:text", NS)]
    assert any(f is not None and f.text.startswith("<script>") for f in full)  # when cut


def test_text_takes_the_page_ink_and_a_standalone_file_the_colour_scheme():
    inline = charts.to_svg(charts.layout(verdict_chart()))
    assert 'fill="currentColor"' in inline and "<style" not in inline
    standalone = charts.to_svg(charts.layout(verdict_chart()), standalone=True)
    assert standalone.startswith("<?xml") and "prefers-color-scheme:dark" in standalone


def test_a_hostile_colour_never_reaches_a_style():
    fig = Figure("verdict", (Bar(1, "x", 3, "red;background:url(x)"),), VERDICTS[:1], 3)
    chart = charts.from_figure(fig, title="t", header="h", bar_label=str, verdict_label=str)
    root = parse(charts.to_svg(charts.layout(chart)))
    assert [r.get("fill") for r in root.iterfind("s:rect", NS)] == [charts.NEUTRAL]


def test_months_as_columns_with_gridlines_and_totals():
    fig = Figure(
        "month",
        tuple(Bar(f"2024-{m:02d}", f"2024-{m:02d}", m, None, (m, 0, 0)) for m in range(1, 13)),
        VERDICTS,
        78,
    )
    chart = charts.from_figure(
        fig,
        title="Months",
        header="Month",
        bar_label=lambda b: b.label,
        verdict_label=lambda v: v.label,
    )
    lay = charts.layout(chart, width=600)
    root = parse(charts.to_svg(lay))
    assert len(root.findall("s:rect", NS)) == 1 + 12  # the one verdict used, the columns
    heights = [float(r.get("height")) for r in root.findall("s:rect", NS)[1:]]
    assert heights[11] / heights[0] == pytest.approx(12, rel=0.02)
    assert root.findall("s:line", NS)  # gridlines
    assert "12" in texts(root) and "2024-01" in texts(root)
    # a click in a column's band finds its month
    band = next(b for b in lay.items if isinstance(b, charts.Band) and b.key == "2024-05")
    assert lay.key_at(band.x + band.w / 2, band.y + band.h / 2) == "2024-05"


def test_each_chart_has_its_numbers_as_a_table():
    headers, rows = verdict_chart().table()
    assert headers == ["Verdict", "Claims"] and rows == [
        ["True", 7],
        ["False", 12],
        ["Not rated", 0],
    ]
    headers, rows = claimant_chart().table()
    assert headers == ["Claimant", "Claims", "True", "False", "Not rated"]
    assert rows[1] == ["(no claimant)", 4, 0, 1, 3]


def test_long_labels_are_cut_with_the_whole_name_kept():
    fig = Figure("claimant", (Bar("x" * 200, "x" * 200, 3, None, (3, 0, 0)),), VERDICTS, 3)
    chart = charts.from_figure(
        fig, title="", header="", bar_label=lambda b: b.label, verdict_label=lambda v: v.label
    )
    lay = charts.layout(chart, width=400)
    label = next(i for i in lay.items if isinstance(i, charts.Label) and i.text.startswith("xxx"))
    assert label.text.endswith("…") and len(label.text) < 60 and label.full == "x" * 200
    assert max(i.x + i.w for i in lay.boxes()) <= 400


def test_the_pdf_drawing_holds_the_same_numbers():
    from reportlab.graphics.shapes import Rect, String

    drawing = charts.to_drawing(charts.layout(claimant_chart(), width=480, font=9))
    strings = [s.text for s in drawing.contents if isinstance(s, String)]
    assert "5" in strings and "4" in strings and "(no claimant)" in strings
    assert sum(isinstance(r, Rect) for r in drawing.contents) == 4 + 3  # segments, swatches
