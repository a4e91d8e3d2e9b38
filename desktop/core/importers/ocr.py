"""Text recognition (OCR) for scans and screenshots, the optional extra `factdesk[ocr]`.

Engine chosen on measurements: RapidOCR 3.10+ with the PP-OCRv6 small models its wheel
ships (30 MB, run by onnxruntime). On French paragraphs drawn here at 16 to 34 pixels, PNG
and JPEG, it kept every accent, cedilla and guillemet (0 to 0.95 % character errors, an "l'"
read "I'"); rapidocr-onnxruntime 1.4 (PP-OCRv4, Chinese and English, Python < 3.13 only)
made 9 to 25 %, turning "à" into "a", "ç" into "c", "«" into "《". On the corpus scan with a
text layer (the Siege of Vicksburg, 6 book pages) the character error rate against that
layer is 0.6 % on the five single-column pages, against 5.7 % for the older engine. EasyOCR,
docTR and OnnxTR fetch their models at first use; Tesseract's language data is not on PyPI.

Nothing is ever fetched: the engine is handed the paths of the models inside its wheel, so a
missing model is an error here, never a download (given no path, RapidOCR downloads one).
"""

from __future__ import annotations

import io
import math
import re
import threading
import warnings
from bisect import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from desktop.core.errors import ImportFailed
from desktop.core.importers.pdf_layout import Block, Line, _breaks_before, join_pages
from desktop.core.importers.pdf_words import join_lines, word_counts

EXTRA = "pip install 'factdesk[ocr]'"
NOT_INSTALLED = f"install the OCR extra ({EXTRA})"

# Pillow's own decompression-bomb limit (Image.MAX_IMAGE_PIXELS, about 89 megapixels),
# stated here so that a program lowering or lifting Pillow's global does not change it.
MAX_IMAGE_PIXELS = 89_478_485
# Larger images are scaled down before recognition (16 megapixels: a phone's photo of a
# page, twice a 300 dpi A4 scan): memory and time grow with the pixels, legibility does not.
MAX_OCR_PIXELS = 16_000_000
# RapidOCR scales every image down to this longest side; a taller screenshot (a whole
# thread scrolled into one picture) is read in bands, or its text would shrink unreadable.
MAX_SIDE = 2000
BAND_OVERLAP = 120  # pixels each band shares with the next: taller than any text line

# Recognised text below this confidence is noise (specks on a scan, a logo's strokes).
MIN_SCORE = 0.5

_MODELS = ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx")


class Unavailable(Exception):
    """The OCR engine cannot run here; the message says why, in words for the user."""


_engine = None
_engine_lock = threading.Lock()


def _load():
    """The engine, created once per process (its models load at first use, about 1 s)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = _start()
        return _engine


def _start():
    """A new engine on the models inside RapidOCR's wheel, or Unavailable saying why not."""
    from pathlib import Path

    try:
        import onnxruntime  # noqa: F401  rapidocr imports it only when a model loads
        import rapidocr
    except ModuleNotFoundError as exc:
        raise Unavailable(NOT_INSTALLED) from exc
    except Exception as exc:  # installed but broken: a missing system library
        raise Unavailable(f"text recognition (OCR) cannot start ({exc})") from exc
    models = Path(getattr(rapidocr, "__file__", "") or ".").parent / "models"
    det, rec = (models / name for name in _MODELS)
    missing = [path.name for path in (det, rec) if not path.is_file()]
    if missing:
        raise Unavailable(
            f"text recognition (OCR) cannot start: its models are missing "
            f"({', '.join(missing)}); reinstall the OCR extra ({EXTRA})"
        )
    try:
        return rapidocr.RapidOCR(
            params={
                "Global.log_level": "error",  # else a line per model on standard error
                "Global.max_side_len": MAX_SIDE,
                # The orientation classifier turned sound lines of a book scan upside
                # down ("the sufferings we en-" read "-l s u u n"): text is upright.
                "Global.use_cls": False,
                "Det.model_path": str(det),
                "Rec.model_path": str(rec),
            }
        )
    except Exception as exc:
        raise Unavailable(f"text recognition (OCR) cannot start ({exc})") from exc


def available() -> bool:
    """True when the OCR extra is installed and its engine starts."""
    try:
        _load()
    except Unavailable:
        return False
    return True


def require(source_name: str, what: str, purpose: str) -> None:
    """Unless OCR runs here, ImportFailed "`source_name`: `what`; install the OCR extra
    (pip install 'factdesk[ocr]') to `purpose`", or why the installed engine cannot start."""
    try:
        _load()
    except Unavailable as exc:
        reason = str(exc)
        if reason == NOT_INSTALLED:
            reason = f"{reason} to {purpose}"
        raise ImportFailed(source_name, f"{what}; {reason}") from None


# --- images ------------------------------------------------------------------------------


def load_image(data: bytes, source_name: str, formats: Iterable[str] = ("PNG", "JPEG")):
    """Decoded image bytes as an RGB Pillow image fit for recognition: turned upright as
    its EXIF says, transparency on white, scaled down past MAX_OCR_PIXELS. ImportFailed for
    a damaged file, another format than `formats`, or more than MAX_IMAGE_PIXELS (a
    decompression bomb: a few kilobytes that decode to gigabytes)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    formats = list(formats)  # never every format Pillow knows: EPS would run Ghostscript
    names = " or ".join(formats)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=formats)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))  # "Image size (N pixels) exceeds"
        raise ImportFailed(source_name, _too_many_pixels(int(found[1]) if found else 0)) from None
    except UnidentifiedImageError:
        raise ImportFailed(source_name, f"is not a readable {names} image") from None
    except Exception as exc:  # a damaged header: Pillow raises what its parser met
        raise ImportFailed(source_name, f"is a damaged image ({exc})") from None
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        raise ImportFailed(source_name, _too_many_pixels(width * height, image.size))
    if width <= 0 or height <= 0:
        raise ImportFailed(source_name, "is an empty image")
    scale = min(1.0, math.sqrt(MAX_OCR_PIXELS / (width * height)))
    try:
        if scale < 1.0 and image.format == "JPEG":
            image.draft("RGB", (int(width * scale), int(height * scale)))  # decodes smaller
        image.load()
        image = ImageOps.exif_transpose(image) or image
        image = _on_white(image)
    except Exception as exc:  # truncated data, a corrupt stream
        raise ImportFailed(source_name, f"is a damaged image ({exc})") from None
    if image.width * image.height > MAX_OCR_PIXELS:
        scale = math.sqrt(MAX_OCR_PIXELS / (image.width * image.height))
        size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    return image


def _too_many_pixels(pixels: int, size: tuple[int, int] | None = None) -> str:
    """ "is an image of 30,000 × 30,000 pixels; Factdesk reads images up to 89 megapixels"."""
    if size is not None:
        what = f"an image of {size[0]:,} × {size[1]:,} pixels"
    elif pixels:
        what = f"an image of {pixels:,} pixels"
    else:
        what = "too large an image"
    limit = MAX_IMAGE_PIXELS // 1_000_000
    return f"is {what}; Factdesk reads images up to {limit} megapixels (scale it down first)"


def _on_white(image):
    """RGB, with transparent parts white: a screenshot's transparent background is black in
    its colour channels, which would hide dark text."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


# --- recognition -------------------------------------------------------------------------


@dataclass(slots=True)
class _Box:
    """A recognised line: its text, left and right ends, top and bottom, in pixels, and
    its words with their left and right ends when the engine gave them."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    height: float
    words: tuple[tuple[str, float, float], ...] = ()

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


def recognise(image, source_name: str = "image") -> list[str]:
    """The text in an image (bytes or a Pillow image) as paragraphs, in reading order."""
    lines = recognise_lines(image, source_name)
    words = word_counts([line.text for line in lines])
    return [block.text for block in join_pages([blocks(lines, words, 0)], words)]


def blocks(lines: list[Line], words: Counter[str], page: int) -> list[Block]:
    """A page's recognised lines joined into paragraphs by the PDF importer's rules (a
    blank line's worth of space, a change of size, an indented first line, a short line
    ending a sentence), hyphenated words rejoined.

    Its own line spacing, though: pdf_layout takes the median distance between lines,
    which on a screenshot of one- and two-line paragraphs is the blank line itself, and
    then nothing would break. The lower quartile is the spacing inside a paragraph."""
    if not lines:
        return []
    widths = sorted(len(line.text) for line in lines)
    typical = widths[len(widths) * 3 // 4]
    ratios = sorted(
        (a.y - b.y) / b.size
        for a, b in pairwise(lines)
        if b.size > 0 and abs(a.size - b.size) < 0.05 * b.size and 0 < a.y - b.y < 4 * b.size
    )
    spacing = ratios[len(ratios) // 4] if len(ratios) >= 3 else 1.2
    out = [Block(lines[0].text, lines[0].size, lines[0].y, page)]
    for prev, line in pairwise(lines):
        if _breaks_before(prev, line, spacing, typical):
            out.append(Block(line.text, line.size, line.y, page))
        else:
            out[-1].text = join_lines(out[-1].text, line.text, words)
            out[-1].size = max(out[-1].size, line.size)
    return out


def recognise_lines(image, source_name: str = "image") -> list[Line]:
    """The text lines in an image in reading order, as the PDF layout code takes them: x
    and y in pixels with y up (the middle of the line, negated), the size its height.
    ImportFailed when the engine is missing or fails."""
    if isinstance(image, bytes | bytearray):
        image = load_image(bytes(image), source_name)
    try:
        engine = _load()
    except Unavailable as exc:
        raise ImportFailed(source_name, str(exc)) from None
    try:
        boxes = _boxes(engine, image)
    except Exception as exc:  # onnxruntime or OpenCV on an image they cannot take
        raise ImportFailed(source_name, f"text recognition (OCR) failed ({exc})") from None
    return _as_lines(_reading_order(boxes))


def _bands(height: int, width: int) -> list[tuple[int, int, int, int]]:
    """(top, bottom, keep_from, keep_to) of the horizontal bands a tall image is read in:
    each band a little taller than what it keeps, so a line cut at one band's edge is whole
    in the band that keeps it (the one holding its middle)."""
    band = int(min(MAX_SIDE, max(1000, 1.5 * width)))
    if height <= band + BAND_OVERLAP:
        return [(0, height, 0, height)]
    out = []
    for top in range(0, height, band):
        bottom = min(height, top + band)
        out.append((max(0, top - BAND_OVERLAP), min(height, bottom + BAND_OVERLAP), top, bottom))
    return out


def _boxes(engine, image) -> list[_Box]:
    """Every line the engine reads above MIN_SCORE, in image pixels."""
    found: list[_Box] = []
    for top, bottom, keep_from, keep_to in _bands(image.height, image.width):
        part = (
            image
            if (top, bottom) == (0, image.height)
            else image.crop((0, top, image.width, bottom))
        )
        result = engine(part, return_word_box=True)
        if getattr(result, "boxes", None) is None or getattr(result, "txts", None) is None:
            continue
        words = getattr(result, "word_results", None) or ()
        for n, (points, text, score) in enumerate(
            zip(result.boxes, result.txts, result.scores, strict=False)
        ):
            text = " ".join(str(text).split())
            if not text or score < MIN_SCORE:
                continue
            (ax, ay), (bx, by), (cx, cy), (dx, dy) = ((float(x), float(y) + top) for x, y in points)
            # the left and right edges, not the upright extent, which skew makes taller
            height = (math.hypot(dx - ax, dy - ay) + math.hypot(cx - bx, cy - by)) / 2
            xs, ys = (ax, bx, cx, dx), (ay, by, cy, dy)
            box = _Box(text, min(xs), max(xs), min(ys), max(ys), max(height, 1.0))
            box.words = _words(words[n] if n < len(words) else ())
            if keep_from <= box.middle < keep_to:
                found.append(box)
    return found


def _words(found) -> tuple[tuple[str, float, float], ...]:
    """(text, left, right) of each word of a line, from RapidOCR's word results ((text,
    score, four corner points) each); () when it gave none or something else."""
    out = []
    try:
        for text, _score, points in found:
            xs = [float(point[0]) for point in points]
            out.append((str(text), min(xs), max(xs)))
    except (TypeError, ValueError, IndexError):
        return ()
    return tuple(out)


def _reading_order(boxes: list[_Box]) -> list[_Box]:
    """The boxes as a reader goes through them: blocks separated by a blank band read top
    to bottom, columns separated by a gutter read left to right, lines top to bottom."""
    if len(boxes) <= 1:
        return boxes
    unit = median(box.height for box in boxes)
    return list(_cut(boxes, unit))


def _cut(boxes: list[_Box], unit: float, depth: int = 0) -> Iterable[_Box]:
    bands = _split(boxes, lambda b: (b.y0, b.y1), 1.5 * unit) if depth < 40 else [boxes]
    if len(bands) > 1:
        for band in bands:
            yield from _cut(band, unit, depth + 1)
        return
    columns = _columns(boxes, unit) if depth < 40 else [boxes]
    if len(columns) > 1 and all(_is_column(column, unit) for column in columns):
        for column in columns:
            yield from _cut(column, unit, depth + 1)
        return
    for row in _rows(boxes, unit):
        yield from row


def _is_column(boxes: list[_Box], unit: float) -> bool:
    """Whether boxes beside a gutter are a column of text (three rows or more, lines of
    several words) rather than a table's column of short cells, which is read row by row."""
    widths = sorted(box.x1 - box.x0 for box in boxes)
    return len(_rows(boxes, unit)) >= 3 and widths[len(widths) // 2] >= 6 * unit


def _columns(boxes: list[_Box], unit: float) -> list[list[_Box]]:
    """The boxes on either side of each gutter: a stripe at least 0.4 line heights wide that
    no word crosses. The detector draws one line across a gutter narrower than a line is
    high (LaTeX's two columns at 200 dpi), so gutters are found between words, and a line
    drawn across one is cut there."""
    spans = sorted(span for box in boxes for _text, *span in _word_spans(box))
    cuts: list[float] = []
    end = spans[0][1]
    for start, stop in spans[1:]:
        if start - end >= 0.4 * unit:
            cuts.append((start + end) / 2)
        end = max(end, stop)
    if not cuts:
        return [boxes]
    groups: list[list[_Box]] = [[] for _ in range(len(cuts) + 1)]
    for box in boxes:
        sides: dict[int, list[tuple[str, float, float]]] = {}
        for word in _word_spans(box):
            sides.setdefault(bisect(cuts, (word[1] + word[2]) / 2), []).append(word)
        if len(sides) == 1:
            groups[next(iter(sides))].append(box)
            continue
        for side, words in sides.items():
            text = " ".join(word[0] for word in words)
            left, right = words[0][1], max(word[2] for word in words)
            groups[side].append(_Box(text, left, right, box.y0, box.y1, box.height, tuple(words)))
    return [group for group in groups if group]


def _word_spans(box: _Box) -> tuple[tuple[str, float, float], ...]:
    return box.words or ((box.text, box.x0, box.x1),)


def _split(boxes: list[_Box], span, gap: float) -> list[list[_Box]]:
    """The boxes in groups separated by an empty stripe at least `gap` wide along the axis
    `span` gives the extent on (a blank band across the page, or a gutter)."""
    ordered = sorted(boxes, key=lambda b: span(b)[0])
    groups: list[list[_Box]] = [[ordered[0]]]
    end = span(ordered[0])[1]
    for box in ordered[1:]:
        start, stop = span(box)
        if start - end >= gap:
            groups.append([])
        groups[-1].append(box)
        end = max(end, stop)
    return groups


def _rows(boxes: list[_Box], unit: float) -> list[list[_Box]]:
    """Boxes on one text row together (each one's middle within the row's first box's
    height), rows top to bottom, boxes in a row left to right."""
    rows: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        if rows and abs(box.middle - rows[-1][0].middle) < 0.5 * max(rows[-1][0].height, 1.0):
            rows[-1].append(box)
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def _as_lines(boxes: list[_Box]) -> list[Line]:
    """The boxes as pdf_layout Lines: pieces of one row close together (a line the engine
    cut at a wide space) joined, heights within a quarter of each other given one size, so
    that only a real change of size (a heading) reads as one."""
    merged: list[_Box] = []
    for box in boxes:
        last = merged[-1] if merged else None
        if (
            last is not None
            and abs(box.middle - last.middle) < 0.5 * min(box.height, last.height)
            and 0 <= box.x0 - last.x1 < 1.5 * max(box.height, last.height)
        ):
            merged[-1] = _Box(
                f"{last.text} {box.text}",
                last.x0,
                box.x1,
                min(last.y0, box.y0),
                max(last.y1, box.y1),
                max(last.height, box.height),
            )
        else:
            merged.append(box)
    sizes = _snapped_sizes([box.height for box in merged])
    return [Line(box.text, box.x0, -box.middle, sizes[round(box.height, 3)]) for box in merged]


def _snapped_sizes(heights: list[float]) -> dict[float, float]:
    """Each height mapped to the median of its cluster (heights within 25% of the
    cluster's smallest): ascenders and descenders make boxes of one font differ."""
    out: dict[float, float] = {}
    cluster: list[float] = []
    for height in sorted(heights) + [math.inf]:
        if cluster and height > 1.25 * cluster[0]:
            size = median(cluster)
            for member in cluster:
                out[round(member, 3)] = size
            cluster = []
        cluster.append(height)
    return out
