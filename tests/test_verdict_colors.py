"""Every default verdict colour can be told from every other, by every eye, and the text
on each stays readable (issue 13, item 6).

- Colour difference is CIEDE2000 (Sharma, Wu & Dalal, "The CIEDE2000 color-difference
  formula: implementation notes, supplementary test data, and mathematical observations",
  Color Research & Application 30(1), 2005), written out below from sRGB through CIE XYZ
  (D65) to CIELAB, and checked against the paper's published test pairs.
- Colour blindness is simulated with the Machado, Oliveira & Fernandes (2009) matrix for
  deuteranopia at severity 1.0, applied to linear RGB (sRGB decoded by its transfer
  function), the result clipped to [0, 1] before going on to CIELAB.
- Contrast is WCAG 2's, computed by desktop.core.contrast: the functions the exporters
  and the article pane use themselves to choose ink and highlight strength.

The eight colours are the seven default ratings and NEUTRAL_COLOR ("Not rated").
"""

from __future__ import annotations

import inspect
import io
import math
import re
import sqlite3
from itertools import combinations

import pytest

from desktop.core.contrast import BLACK, WHITE, contrast_ratio, over, readable_alpha
from desktop.core.ratings import DEFAULT_RATINGS, NEUTRAL_COLOR

MIN_DELTA_E = 20.0
MIN_CONTRAST = 4.5
PALETTE = {label: color for _, label, color, _ in DEFAULT_RATINGS} | {"Not rated": NEUTRAL_COLOR}
OLD_DEFAULTS = {  # the colours shipped up to revision 0004, for the upgrade test
    "true": "#2e7d32",
    "mostly-true": "#7cb342",
    "mixed": "#f9a825",
    "misleading": "#ef6c00",
    "mostly-false": "#e64a19",
    "false": "#c62828",
    "unverifiable": "#757575",
}

# --- colour science ------------------------------------------------------------------

MACHADO_DEUTERANOPIA = (  # severity 1.0, linear RGB
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)


def linear_rgb(color: str) -> tuple[float, float, float]:
    def decode(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return tuple(decode(int(color[i : i + 2], 16)) for i in (1, 3, 5))


def deuteranope(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    return tuple(
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
        for row in MACHADO_DEUTERANOPIA
    )


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D65 white) of a linear-RGB colour."""
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2) -> float:
    """ΔE00 with kL = kC = kH = 1, following Sharma et al. (2005), equations 1 to 17."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0

    dl = L2 - L1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    big_dh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))

    l_bar = (L1 + L2) / 2
    cp_bar = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_bar = (h1p + h2p + 360) / 2
    else:
        h_bar = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (dl / s_l) ** 2 + (dc / s_c) ** 2 + (big_dh / s_h) ** 2 + r_t * (dc / s_c) * (big_dh / s_h)
    )


def delta_e(first: str, second: str, vision: str = "normal") -> float:
    simulate = deuteranope if vision == "deuteranopia" else (lambda rgb: rgb)
    return ciede2000(lab(simulate(linear_rgb(first))), lab(simulate(linear_rgb(second))))


# --- the instruments are right ---------------------------------------------------------

# Sharma, Wu & Dalal (2005), table 1: pairs 1-4 (blue region), 7, 13-14 (the hue angle
# wrapping at 0/360), 17-20 (large differences), 25 and 34.
SHARMA_PAIRS = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0009), 7.1792),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0011), 7.2195),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA_PAIRS)
def test_ciede2000_matches_the_published_test_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)  # symmetric


def test_srgb_to_lab_and_the_simulation_behave():
    assert lab(linear_rgb("#ffffff")) == pytest.approx((100, 0, 0), abs=0.01)
    assert lab(linear_rgb("#ff0000")) == pytest.approx((53.24, 80.09, 67.20), abs=0.02)
    for grey in ("#000000", "#777777", "#ffffff"):  # a deuteranope sees greys as grey
        assert deuteranope(linear_rgb(grey)) == pytest.approx(linear_rgb(grey), abs=1e-4)
    # The complaint the new palette answers: the old True green and False red, far apart
    # to most eyes, are nearly the same colour to a deuteranope.
    assert delta_e("#2e7d32", "#c62828") > 50
    assert delta_e("#2e7d32", "#c62828", "deuteranopia") < 10


# --- the palette -----------------------------------------------------------------------


def test_there_are_eight_different_default_colours():
    assert len(PALETTE) == 8
    assert len({c.lower() for c in PALETTE.values()}) == 8
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in PALETTE.values())


@pytest.mark.parametrize("vision", ["normal", "deuteranopia"])
def test_every_two_default_colours_are_far_apart(vision):
    pairs = [(delta_e(PALETTE[a], PALETTE[b], vision), a, b) for a, b in combinations(PALETTE, 2)]
    smallest, a, b = min(pairs)
    assert smallest >= MIN_DELTA_E, (
        f"{vision}: {a} {PALETTE[a]} and {b} {PALETTE[b]} differ by ΔE00 {smallest:.2f} "
        f"(at least {MIN_DELTA_E} wanted)"
    )


# --- text on the colours ---------------------------------------------------------------


@pytest.mark.parametrize("label", list(PALETTE))
def test_chip_and_badge_text_is_readable_on_every_default_colour(label):
    """HTML chips, numbered badges and card numbers, PDF chips and badges, DOCX chips and
    markers: all write Verdict.ink / ink_on(colour) on the verdict colour."""
    from desktop.core.exporters.document import Verdict, ink_on

    color = PALETTE[label]
    assert Verdict(label, color).ink == ink_on(color)
    ratio = contrast_ratio(ink_on(color), color)
    assert ratio >= MIN_CONTRAST, f"{label} {color}: {ink_on(color)} text at {ratio:.2f}:1"


def test_ink_on_picks_the_better_of_its_two_inks_for_any_colour():
    from desktop.core.exporters.document import ink_on

    for r in range(0, 256, 17):
        for g in range(0, 256, 17):
            for b in range(0, 256, 17):
                color = f"#{r:02x}{g:02x}{b:02x}"
                best = max(contrast_ratio(ink, color) for ink in ("#111111", "#ffffff"))
                assert contrast_ratio(ink_on(color), color) == best, color


def _two_layers(bottom: str, top: str, alpha: float, paper: str = WHITE) -> str:
    return over(top, alpha, over(bottom, alpha, paper))


def test_html_highlights_leave_the_text_readable():
    """The HTML report lays each claim's colour over the paper at html.layers' alpha,
    under the page's ink (--ink: #1d1d1f): one highlight, and two overlapping ones."""
    from desktop.core.exporters.html import layers

    alpha = inspect.signature(layers).parameters["alpha"].default
    ink = "#1d1d1f"
    for label, color in PALETTE.items():
        ratio = contrast_ratio(ink, over(color, alpha))
        assert ratio >= MIN_CONTRAST, f"{label} {color}: {ratio:.2f}:1"
    for (a, first), (b, second) in combinations(list(PALETTE.items()) * 2, 2):
        ratio = contrast_ratio(ink, _two_layers(first, second, alpha))
        assert ratio >= MIN_CONTRAST, f"{a} under {b}: {ratio:.2f}:1"


@pytest.mark.parametrize("depth", range(1, 9))
def test_print_highlights_leave_the_text_readable_at_any_depth(depth):
    """PDF and DOCX shade a run in tint(colour, readable_alpha(colour, 0.3 + 0.15 per
    claim over it beyond the first)) under black text; the cap keeps even deep overlaps
    of a dark verdict readable, and the default colours need it only past three."""
    from desktop.core.exporters.document import tint

    wanted = 0.3 + 0.15 * (depth - 1)
    for label, color in PALETTE.items():
        alpha = readable_alpha(color, wanted)
        ratio = contrast_ratio(BLACK, tint(color, alpha))
        assert ratio >= MIN_CONTRAST, f"{label} {color} at depth {depth}: {ratio:.2f}:1"
        assert tint(color, alpha) == over(color, alpha)  # one blend everywhere
        if depth <= 3:
            assert alpha == pytest.approx(wanted), f"{label} needs a cap at depth {depth}"


@pytest.mark.parametrize(
    ("alpha", "kind"), [(60, "highlight"), (110, "selected"), (200, "selected, flashing")]
)
def test_article_pane_highlights_leave_the_text_readable(alpha, kind):
    """The article pane paints a highlight as the verdict colour at alpha/255 over the
    page (QPalette Base) under the text (QPalette Text), capped by readable_alpha: in a
    light palette, black on white. Everyday highlights need no cap; the flash of the
    darkest verdicts is held back to what leaves the text readable."""
    for label, color in PALETTE.items():
        capped = readable_alpha(color, alpha / 255, BLACK, WHITE)
        ratio = contrast_ratio(BLACK, over(color, capped))
        assert ratio >= MIN_CONTRAST, f"{label} {color} {kind}: {ratio:.2f}:1"
        if alpha < 200:
            assert capped == pytest.approx(alpha / 255), f"{label} {color} {kind} was capped"
        assert round(capped * 255) == pytest.approx(capped * 255)  # a whole 8-bit alpha


def test_readable_alpha_caps_only_what_it_must():
    assert readable_alpha("#fff407", 0.9) == pytest.approx(0.9)  # yellow: any strength
    capped = readable_alpha("#000080", 0.9)  # navy under black text: held back
    assert capped < 0.9
    assert contrast_ratio(BLACK, over("#000080", capped)) >= MIN_CONTRAST
    assert contrast_ratio(BLACK, over("#000080", capped + 1 / 255)) < MIN_CONTRAST
    assert readable_alpha("#000080", 2.0) <= 1.0  # deeper than opaque is opaque
    # White text on a dark page (a dark palette): a light colour is the one held back.
    dark = readable_alpha("#fff407", 200 / 255, WHITE, "#1e1e1e")
    assert dark < 200 / 255
    assert contrast_ratio(WHITE, over("#fff407", dark, "#1e1e1e")) >= MIN_CONTRAST


# --- the reports as rendered -----------------------------------------------------------

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


@pytest.fixture
def every_verdict_report(store):
    """An article with one claim of each default verdict, one unrated, and five claims
    rated False over the same word (the deepest overlap any renderer meets here)."""
    from desktop.core.articles import add_article
    from desktop.core.claims import add_highlight, create_claim_from_quote
    from desktop.core.exporters import load_reports
    from desktop.core.importers import ParsedArticle
    from desktop.core.models import Article
    from desktop.core.ratings import find_rating

    sentence = " ".join(f"{w.capitalize()} says something." for w in WORDS)
    with store.transaction() as s:
        article_id = add_article(
            s, ParsedArticle(paragraphs=["Colours", sentence], headings={0: 1}, title="Colours")
        ).article_id
        for word, (_, label, _, _) in zip(WORDS, DEFAULT_RATINGS, strict=False):
            create_claim_from_quote(
                s, article_id, word.capitalize(), rating_id=find_rating(s, label).id
            )
        create_claim_from_quote(s, article_id, WORDS[7].capitalize())  # not rated
        text = s.get(Article, article_id).text
        start = text.index("something")
        for _depth in range(5):
            claim, _ = create_claim_from_quote(
                s, article_id, "says", rating_id=find_rating(s, "False").id
            )
            add_highlight(s, claim.id, start=start, end=start + len("something"))
    with store.read() as s:
        return load_reports(s, [article_id])


def test_html_report_text_on_verdict_colours_is_readable(every_verdict_report):
    from desktop.core.exporters import render
    from tests.test_export_fixtures import make_options

    html = render(every_verdict_report, "html", make_options()).data.decode()
    pairs = set(re.findall(r"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})", html))
    assert {bg for bg, _ in pairs} == set(PALETTE.values())  # chips, badges, card numbers
    for bg, ink in pairs:
        assert contrast_ratio(ink, bg) >= MIN_CONTRAST, (bg, ink)


def test_pdf_report_text_on_verdict_colours_is_readable(every_verdict_report, monkeypatch):
    """Every PDF paragraph with a background colour: badges name their ink, highlighted
    text is the paragraph's black. The markup is recorded where paragraphs are made:
    ReportLab's Paragraph (the chips) and the exporter's own fast paragraphs."""
    import reportlab.platypus

    from desktop.core.exporters import pdf, render
    from tests.test_export_fixtures import make_options

    markup = []

    class Recording(reportlab.platypus.Paragraph):
        def __init__(self, text, *args, **kwargs):
            markup.append(text)
            super().__init__(text, *args, **kwargs)

    def recording(text, *args, **kwargs):
        markup.append(text)
        return fast(text, *args, **kwargs)

    fast = pdf.paragraph
    monkeypatch.setattr(reportlab.platypus, "Paragraph", Recording)
    monkeypatch.setattr(pdf, "paragraph", recording)
    render(every_verdict_report, "pdf", make_options())

    def hex_of(rgb: str) -> str:
        return "#" + "".join(f"{int(v):02x}" for v in rgb.split(","))

    fonts = re.findall(
        r'<font backColor="rgb\(([\d,]+)\)"(?: color="rgb\(([\d,]+)\)")?', "".join(markup)
    )
    backgrounds = set()
    for bg, ink in fonts:
        backgrounds.add(hex_of(bg))
        ink = hex_of(ink) if ink else BLACK
        assert contrast_ratio(ink, hex_of(bg)) >= MIN_CONTRAST, (hex_of(bg), ink)
    assert set(PALETTE.values()) <= backgrounds
    assert any(bg not in PALETTE.values() for bg in backgrounds)  # the highlight tints


def test_docx_report_text_on_verdict_colours_is_readable(every_verdict_report):
    """Every shaded DOCX run: chips and numbers name their ink, highlighted text is
    Word's automatic (black) ink."""
    import docx
    from docx.oxml.ns import qn

    from desktop.core.exporters import render
    from tests.test_export_fixtures import make_options

    data = render(every_verdict_report, "docx", make_options()).data
    document = docx.Document(io.BytesIO(data))
    fills = set()
    for run in document.element.iter(qn("w:r")):
        props = run.find(qn("w:rPr"))
        shd = props.find(qn("w:shd")) if props is not None else None
        if shd is None or not run.xpath("string(.//w:t)").strip(" \u00a0"):
            continue
        fill = "#" + shd.get(qn("w:fill")).lower()
        color = props.find(qn("w:color"))
        ink = "#" + color.get(qn("w:val")).lower() if color is not None else BLACK
        fills.add(fill)
        assert contrast_ratio(ink, fill) >= MIN_CONTRAST, (fill, ink, run.xpath("string(.)"))
    assert set(PALETTE.values()) <= fills


# --- libraries made before these colours ----------------------------------------------


def _build_0004_library(path, colours: dict[str, str]) -> None:
    """A library at revision 0004 whose default scale holds `colours` (key: colour), and a
    rating the user added, coloured like the old Unverifiable grey."""
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core import store as store_mod

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(store_mod._alembic_config(conn), "0004")
    engine.dispose()
    now = "2024-01-02 03:04:05.000000"
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO rating_scale (id, name, is_default, created_at, updated_at)"
        " VALUES (1, 'Factdesk default', 1, ?, ?)",
        (now, now),
    )
    rows = [
        (pos + 1, pos, key, label, colours[key], value, now, now)
        for pos, (key, label, _, value) in enumerate(DEFAULT_RATINGS)
    ]
    rows.append((len(rows) + 1, len(rows), "", "Satire", "#757575", None, now, now))
    con.executemany(
        "INSERT INTO rating (id, scale_id, position, key, label, color, value, description,"
        " created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, '', ?, ?)",
        rows,
    )
    con.commit()
    con.close()


def _colours(path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return {label: color for label, color in con.execute("SELECT label, color FROM rating")}
    finally:
        con.close()


def test_an_old_library_takes_the_new_colours_except_those_the_user_chose(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core import store as store_mod
    from desktop.core.store import current_revision, head_revision, open_store

    path = tmp_path / "old.sqlite3"
    colours = dict(OLD_DEFAULTS, mixed="#123456", false="#C62828")  # one chosen; one in caps
    _build_0004_library(path, colours)

    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.upgraded_from == "0004"
    finally:
        store.close()
    expected = {label: color for _, label, color, _ in DEFAULT_RATINGS}
    expected |= {"Mixed": "#123456", "Satire": "#757575"}  # the user's colours, kept
    assert _colours(path) == expected

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(store_mod._alembic_config(conn), "0004")
    engine.dispose()
    old = {label: OLD_DEFAULTS[key] for key, label, _, _ in DEFAULT_RATINGS}
    assert _colours(path) == old | {"Mixed": "#123456", "Satire": "#757575"}


def test_the_article_pane_paints_highlights_no_stronger_than_readable(qtbot):
    """The pane itself: every default colour, as an everyday, a selected and a flashing
    highlight, leaves the pane's own text colour at 4.5:1 on what it paints."""
    from PySide6.QtGui import QPalette

    from desktop.ui.article_view import ArticleText

    view = ArticleText()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.setPlainText("Some words to paint.")
    ink = view.palette().color(QPalette.ColorRole.Text).name()
    paper = view.palette().color(QPalette.ColorRole.Base).name()
    for label, color in PALETTE.items():
        view.set_spans([(0, 4, 1, 1, color)])
        for selected, flashing in ((None, False), (1, False), (1, True)):
            view._selected_claim, view._flash_on = selected, flashing
            view._repaint_highlights()
            (selection,) = view.extraSelections()
            painted = selection.format.background().color()
            under_text = over(color, painted.alpha() / 255, paper)
            ratio = contrast_ratio(ink, under_text)
            assert ratio >= MIN_CONTRAST, f"{label} {color} {selected=} {flashing=}: {ratio:.2f}"
        if color == PALETTE["False"] and (ink, paper) == (BLACK, WHITE):
            assert painted.alpha() < 200  # the darkest verdict's flash is held back
