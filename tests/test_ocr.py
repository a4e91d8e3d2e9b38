"""Text recognition (the optional OCR extra): scans and screenshots.

Without the engine (CI installs '.[test]' only), every refusal is one line naming the extra,
decompression bombs are refused before decoding, and the layout code (reading order,
paragraphs) runs on boxes a stand-in engine hands over. With the extra installed, images
rendered here with French text come back with their accents, and an image-only PDF made here
imports through the PDF importer.
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zlib
from types import SimpleNamespace

import pytest

from desktop.core.errors import ImportFailed
from desktop.core.importers import image as image_importer
from desktop.core.importers import ocr, parse_bytes, pdf, progress

EXTRA = "pip install 'factdesk[ocr]'"

FRENCH = [
    "« Le ministre a déclaré que la dépense était maîtrisée », écrit le journal régional.",
    "Selon l'Insee, le taux de chômage a baissé à 7,3 % au troisième trimestre, "
    "un chiffre repris par plusieurs médias.",
    "Le garçon à côté de l'hôpital répète : « Noël approche, où êtes-vous ? » "
    "Ça reste à vérifier, précise la rédaction.",
]


# --- images made here --------------------------------------------------------------------


def _font(size: int):
    """Bitstream Vera, which ReportLab ships (a dependency): it has every French letter."""
    import reportlab
    from PIL import ImageFont

    path = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
    return ImageFont.truetype(path, size)


def render(paragraphs: list[str], *, width=1100, size=26, fmt="PNG", quality=80) -> bytes:
    """The paragraphs drawn black on white as a screenshot shows them: wrapped to `width`,
    a blank line between paragraphs."""
    from PIL import Image, ImageDraw

    font = _font(size)
    step = int(size * 1.45)
    lines: list[str | None] = []
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if font.getlength(trial) > width - 80 and line:
                lines.append(line)
                line = word
            else:
                line = trial
        lines += [line, None]
    picture = Image.new("RGB", (width, 40 + step * len(lines)), "white")
    draw = ImageDraw.Draw(picture)
    y = 30
    for line in lines:
        if line:
            draw.text((40, y), line, font=font, fill="black")
        y += step
    out = io.BytesIO()
    picture.save(out, fmt, **({"quality": quality} if fmt == "JPEG" else {}))
    return out.getvalue()


def scanned_pdf(pages: list[bytes]) -> bytes:
    """A PDF whose pages are only these images, as a scanner makes one: no text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(595.27, 841.89))
    for data in pages:
        picture = ImageReader(io.BytesIO(data))
        width, height = picture.getSize()
        scale = min(515 / width, 760 / height)
        page.drawImage(picture, 40, 800 - height * scale, width * scale, height * scale)
        page.showPage()
    page.save()
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that says it is `width` × `height` pixels in a few dozen bytes: the shape of a
    decompression bomb (its pixel data would decode to gigabytes)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def cer(got: str, want: str) -> float:
    """Character error rate: edits from `got` to `want` over the length of `want`."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(got, want) / len(want)


# --- without the engine --------------------------------------------------------------------


@pytest.fixture
def no_engine(monkeypatch):
    """The OCR extra not installed: importing its engine fails as it would."""
    monkeypatch.setitem(sys.modules, "rapidocr", None)
    monkeypatch.setattr(ocr, "_engine", None)


def test_without_the_extra_ocr_is_not_available(no_engine):
    assert not ocr.available()


def test_an_image_without_the_extra_is_refused_naming_it(no_engine):
    with pytest.raises(ImportFailed) as caught:
        image_importer.parse(render(FRENCH[:1]), "capture.png")
    message = str(caught.value)
    assert message == (
        "capture.png: is an image; install the OCR extra (pip install 'factdesk[ocr]') "
        "to read the text in images"
    )


def test_a_png_file_goes_to_the_image_importer_and_names_the_extra(no_engine, tmp_path):
    from desktop.core.importers import import_path

    path = tmp_path / "capture d’écran.png"
    path.write_bytes(render(FRENCH[:1]))
    with pytest.raises(ImportFailed) as caught:
        import_path(path)
    assert "pip install 'factdesk[ocr]'" in caught.value.problem
    gif = tmp_path / "animation.png"
    gif.write_bytes(b"GIF89a" + bytes(200))
    with pytest.raises(ImportFailed) as caught:
        import_path(gif)
    assert caught.value.problem.endswith("not a PNG or JPEG image")


def test_images_are_read_in_the_child_process_whatever_their_size():
    from desktop.core.importers import isolated

    assert {".png", ".jpg", ".jpeg"} <= isolated.ALWAYS_APART


def test_text_named_like_an_image_is_refused_as_not_one(no_engine):
    with pytest.raises(ImportFailed) as caught:
        image_importer.parse(b"Ceci n'est pas une image.", "pipe.png")
    assert str(caught.value) == "pipe.png: is not a PNG or JPEG image"


def test_a_scanned_pdf_without_the_extra_is_refused_naming_it(no_engine):
    with pytest.raises(ImportFailed) as caught:
        parse_bytes(scanned_pdf([render(FRENCH[:1])]), kind="pdf", source_name="scan.pdf")
    message = str(caught.value)
    assert "no text layer" in message and "OCR" in message and EXTRA in message
    assert "\n" not in message


def test_a_scanned_pdf_without_pypdfium2_is_refused_naming_the_extra(monkeypatch):
    monkeypatch.setattr(ocr, "_engine", object())  # the engine is there, the renderer not
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(ImportFailed) as caught:
        parse_bytes(scanned_pdf([render(FRENCH[:1])]), kind="pdf", source_name="scan.pdf")
    assert EXTRA in str(caught.value) and "no text layer" in str(caught.value)


def test_an_engine_that_cannot_start_says_why(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name == "onnxruntime":  # installed, but its library does not load
            raise ImportError("libonnxruntime.so.1: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setattr(builtins, "__import__", broken)
    with pytest.raises(ImportFailed) as caught:
        image_importer.parse(render(FRENCH[:1]), "capture.png")
    assert str(caught.value) == (
        "capture.png: is an image; text recognition (OCR) cannot start "
        "(libonnxruntime.so.1: cannot open shared object file)"
    )


# --- images: bombs, sizes, damage (Pillow only) ---------------------------------------------


def test_a_decompression_bomb_is_refused_before_decoding():
    with pytest.raises(ImportFailed) as caught:
        ocr.load_image(png_header_only(30_000, 30_000), "bomb.png", image_importer.FORMATS)
    message = str(caught.value)
    assert message.startswith("bomb.png: is an image of ") and "89 megapixels" in message
    assert "\n" not in message


def test_an_image_just_over_the_limit_is_refused_with_its_size(monkeypatch):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # Pillow's guard off: ours holds
    with pytest.raises(ImportFailed) as caught:
        ocr.load_image(png_header_only(10_000, 9_000), "big.png", image_importer.FORMATS)
    assert "10,000 × 9,000 pixels" in str(caught.value)


def test_a_huge_image_is_scaled_down_for_recognition(monkeypatch):
    monkeypatch.setattr(ocr, "MAX_OCR_PIXELS", 200_000)
    picture = ocr.load_image(render(FRENCH, width=1200), "big.png", image_importer.FORMATS)
    assert picture.width * picture.height <= 200_000 and picture.mode == "RGB"


def test_transparency_becomes_white():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (40, 20), (0, 0, 0, 0)).save(out, "PNG")
    picture = ocr.load_image(out.getvalue(), "clear.png", image_importer.FORMATS)
    assert picture.getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"GIF89a" + b"\x00" * 40, "not a readable PNG or JPEG image"),
        (render(FRENCH[:1])[:300], "damaged image"),
    ],
    ids=["gif", "truncated"],
)
def test_other_formats_and_damaged_images_are_refused_in_one_line(data, needle):
    with pytest.raises(ImportFailed) as caught:
        ocr.load_image(data, "x.png", image_importer.FORMATS)
    assert needle in str(caught.value) and "\n" not in str(caught.value)


# --- reading order and paragraphs, on boxes a stand-in engine returns ----------------------


class FakeEngine:
    """Returns the boxes it was given, as RapidOCR's result object holds them."""

    def __init__(self, lines: list[tuple[str, float, float, float, float]]):
        self.lines = lines  # (text, x0, y0, x1, y1)
        self.calls: list[tuple[int, int]] = []

    def __call__(self, picture, **options):
        self.calls.append(picture.size)
        boxes = [[[x0, y0], [x1, y0], [x1, y1], [x0, y1]] for _t, x0, y0, x1, y1 in self.lines]
        return SimpleNamespace(
            boxes=boxes, txts=[line[0] for line in self.lines], scores=[0.99] * len(self.lines)
        )


def fake_read(monkeypatch, lines, size=(1200, 1600)) -> list[str]:
    from PIL import Image

    monkeypatch.setattr(ocr, "_engine", FakeEngine(lines))
    return ocr.recognise(Image.new("RGB", size, "white"))


def column(texts, x, y, width=500, step=40, height=30):
    return [(t, x, y + i * step, x + width, y + i * step + height) for i, t in enumerate(texts)]


def test_two_columns_are_read_one_after_the_other(monkeypatch):
    left = column(
        ["Le premier paragraphe commence", "ici et continue dans la", "colonne de gauche."], 50, 300
    )
    right = column(
        ["La seconde colonne porte", "un autre texte, lu après", "la première en entier."], 580, 300
    )
    title = [("Un titre sur deux colonnes", 200, 100, 900, 150)]
    interleaved = [box for pair in zip(left, right, strict=True) for box in pair]
    got = fake_read(monkeypatch, title + interleaved)
    assert got == [
        "Un titre sur deux colonnes",
        "Le premier paragraphe commence ici et continue dans la colonne de gauche.",
        "La seconde colonne porte un autre texte, lu après la première en entier.",
    ]


def test_a_line_drawn_across_a_narrow_gutter_is_cut_at_it(monkeypatch):
    """The detector draws one box across a gutter narrower than a line is high; the word
    boxes show the gutter, and each half goes to its column."""
    from PIL import Image

    rows = [
        ("La colonne de gauche", "puis à droite, où"),
        ("continue sur trois", "elle finit sa phrase"),
        ("lignes avant de passer", "en bas de la page."),
    ]
    boxes, texts, words = [], [], []
    for n, (left, right) in enumerate(rows):
        y0, y1 = 100 + 40 * n, 130 + 40 * n
        boxes.append([[50, y0], [1150, y0], [1150, y1], [50, y1]])  # both columns, one box
        texts.append(f"{left} {right}")
        line_words, x = [], 50.0
        for word in left.split():
            line_words.append((word, 0.99, [[x, y0], [x + 80, y0], [x + 80, y1], [x, y1]]))
            x += 90
        x = 620.0  # past the gutter, which the box covers
        for word in right.split():
            line_words.append((word, 0.99, [[x, y0], [x + 80, y0], [x + 80, y1], [x, y1]]))
            x += 90
        words.append(tuple(line_words))

    def engine(picture, **options):
        return SimpleNamespace(boxes=boxes, txts=texts, scores=[0.99] * 3, word_results=words)

    monkeypatch.setattr(ocr, "_engine", engine)
    assert ocr.recognise(Image.new("RGB", (1200, 400), "white")) == [
        "La colonne de gauche continue sur trois lignes avant de passer puis à droite, où "
        "elle finit sa phrase en bas de la page."
    ]


def test_a_table_is_read_row_by_row(monkeypatch):
    cells = []
    for row, words in enumerate(
        [
            ("Ligne 1", "Alouette", "Farfadet"),
            ("Ligne 2", "Belette", "Bibitte"),
            ("Ligne 3", "Castor", "Dahu"),
        ]
    ):
        for col, word in enumerate(words):
            cells.append((word, 100 + 300 * col, 100 + 50 * row, 220 + 300 * col, 130 + 50 * row))
    got = " ".join(fake_read(monkeypatch, cells))
    assert got == "Ligne 1 Alouette Farfadet Ligne 2 Belette Bibitte Ligne 3 Castor Dahu"


def test_a_blank_line_or_an_indent_starts_a_paragraph_and_hyphens_are_undone(monkeypatch):
    lines = [
        ("Le Conseil a voté la réforme, après un long", 50, 100, 1000, 130),
        ("débat sur son finan-", 50, 140, 600, 170),
        ("cement et ses effets.", 50, 180, 560, 210),
        ("Un second paragraphe suit une ligne vide", 50, 260, 1000, 290),
        ("entre les deux blocs de texte.", 50, 300, 800, 330),
        ("Un troisième commence en retrait, comme", 110, 340, 1000, 370),
        ("dans un livre imprimé.", 50, 380, 600, 410),
    ]
    assert fake_read(monkeypatch, lines) == [
        "Le Conseil a voté la réforme, après un long débat sur son financement et ses effets.",
        "Un second paragraphe suit une ligne vide entre les deux blocs de texte.",
        "Un troisième commence en retrait, comme dans un livre imprimé.",
    ]


def test_pieces_of_one_line_are_joined_and_noise_is_dropped(monkeypatch):
    from PIL import Image

    engine = FakeEngine(
        [("Une ligne coupée", 50, 100, 400, 130), ("en deux morceaux.", 420, 102, 800, 131)]
    )
    engine_result = engine.__call__

    def with_speck(picture, **options):
        result = engine_result(picture)
        result.boxes.append([[900, 500], [910, 500], [910, 510], [900, 510]])
        result.txts.append("~")
        result.scores.append(0.2)
        return result

    monkeypatch.setattr(ocr, "_engine", with_speck)
    assert ocr.recognise(Image.new("RGB", (1200, 800), "white")) == [
        "Une ligne coupée en deux morceaux."
    ]


def test_a_tall_screenshot_is_read_in_bands_each_line_once(monkeypatch):
    from PIL import Image

    engine = FakeEngine([("Une ligne au même endroit de chaque bande.", 40, 60, 900, 90)])
    monkeypatch.setattr(ocr, "_engine", engine)
    lines = ocr.recognise_lines(Image.new("RGB", (1000, 6000), "white"))
    assert all(max(size) <= ocr.MAX_SIDE + 2 * ocr.BAND_OVERLAP for size in engine.calls)
    assert len(engine.calls) == 4
    # the line at y 60–90 of each band: kept from the first band (inside what it keeps),
    # dropped from the others (inside the overlap the band above keeps)
    assert [line.text for line in lines] == ["Une ligne au même endroit de chaque bande."]


# --- with the engine (the OCR extra installed) ---------------------------------------------


@pytest.fixture(scope="module")
def engine():
    pytest.importorskip("rapidocr", reason="the OCR extra is not installed")
    pytest.importorskip("onnxruntime", reason="the OCR extra is not installed")
    assert ocr.available()
    return ocr._load()


# Measured on these paragraphs (rapidocr 3.10, PP-OCRv6 small) drawn at 16 to 34 pixels,
# as PNG and as JPEG of quality 40 and 80: 0 to 0.95 % (an "l'" read "I'", a space lost
# before "?"), every accent kept. The bound leaves room for another engine version's slips.
MAX_CER = 0.02


@pytest.mark.parametrize(("fmt", "size"), [("PNG", 20), ("JPEG", 26)])
def test_french_text_comes_back_with_its_accents(engine, fmt, size):
    data = render(FRENCH, fmt=fmt, size=size)
    parsed = image_importer.parse(data, f"capture.{fmt.lower()}")
    got = "\n".join(parsed.paragraphs)
    assert cer(got, "\n".join(FRENCH)) <= MAX_CER, got
    for letter in "éèàçô«»êîë":
        assert letter in got, letter
    assert len(parsed.paragraphs) == len(FRENCH)


def test_an_image_imports_through_parse_bytes(engine, monkeypatch):
    parsed = parse_bytes(render(FRENCH[:2]), kind="image", source_name="capture.png")
    assert len(parsed.paragraphs) == 2
    assert cer("\n".join(parsed.paragraphs), "\n".join(FRENCH[:2])) <= MAX_CER
    assert parsed.title == parsed.paragraphs[0]
    assert parsed.language == "fr"


def test_a_scanned_pdf_imports_through_the_pdf_importer(engine):
    data = scanned_pdf([render(FRENCH[:2], size=30), render(FRENCH[2:], size=30)])
    reports: list[tuple[int, int]] = []
    with progress.listening(lambda done, total: reports.append((done, total))):
        parsed = parse_bytes(data, kind="pdf", source_name="scan.pdf")
    got = "\n".join(parsed.paragraphs)
    assert cer(got, "\n".join(FRENCH)) <= MAX_CER, got
    assert (2, 2) in reports


def test_a_scan_beyond_the_page_cap_is_refused_in_one_line(engine, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_OCR_PAGES", 1)
    data = scanned_pdf([render(FRENCH[:1]), render(FRENCH[1:2])])
    with pytest.raises(ImportFailed) as caught:
        parse_bytes(data, kind="pdf", source_name="scan.pdf")
    message = str(caught.value)
    assert "2 pages" in message and "up to 1 pages" in message and "split it" in message


def test_a_blank_scan_says_recognition_found_nothing(engine):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(out, "PNG")
    with pytest.raises(ImportFailed) as caught:
        parse_bytes(scanned_pdf([out.getvalue()]), kind="pdf", source_name="blank.pdf")
    assert "no text layer" in str(caught.value) and "found no text" in str(caught.value)


def test_a_decompression_bomb_image_is_refused_in_one_clear_message(engine):
    with pytest.raises(ImportFailed) as caught:
        image_importer.parse(png_header_only(50_000, 50_000), "bomb.png")
    message = str(caught.value)
    assert message == (
        "bomb.png: is an image of 2,500,000,000 pixels; Factdesk reads images up to "
        "89 megapixels (scale it down first)"
    )
