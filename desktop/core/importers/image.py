"""PNG and JPEG images, screenshots of posts above all, read through text recognition.

Checkers receive a large share of claims as screenshots. The text comes from the OCR extra
(desktop.core.importers.ocr); without it, the import is refused in one line naming the extra.
Only PNG and JPEG are opened: what phones and computers save screenshots and photos as, and
two formats Pillow decodes without any other library.
"""

from __future__ import annotations

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle, ocr
from desktop.core.importers.sniff import binary_kind

FORMATS = ("PNG", "JPEG")


def parse(data: bytes, source_name: str) -> ParsedArticle:
    if binary_kind(data) not in ("a PNG image", "a JPEG image"):  # text named .png
        raise ImportFailed(source_name, "is not a PNG or JPEG image")
    ocr.require(source_name, "is an image", "read the text in images")
    image = ocr.load_image(data, source_name, FORMATS)
    paragraphs = ocr.recognise(image, source_name)
    if not paragraphs:
        raise ImportFailed(source_name, "is an image in which text recognition (OCR) found no text")
    return ParsedArticle(paragraphs=paragraphs)
