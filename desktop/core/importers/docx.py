"""Word documents: paragraphs in order, Title and Heading styles kept as headings."""

from __future__ import annotations

import io
import zipfile

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle
from desktop.core.importers.archive import check_zip

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files


def parse(data: bytes, source_name: str) -> ParsedArticle:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(_OLE_MAGIC):
        raise ImportFailed(
            source_name,
            "is password-protected or an old-format .doc; save it as an unprotected .docx",
        )
    check_zip(data, source_name, "Word document")  # before anything is unpacked
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFailed(source_name, "is not a valid Word document (damaged file)") from exc
    except Exception as exc:  # lxml errors inside a damaged package
        raise ImportFailed(source_name, f"is a damaged Word document ({exc})") from exc
    paragraphs: list[str] = []
    headings: dict[int, int] = {}
    title = ""
    style_names: dict[str | None, str] = {}  # style id → name (para.style scans every style)
    for para in document.paragraphs:
        content = para.text.strip()
        if not content:
            continue
        style_id = para._p.style
        if style_id not in style_names:
            style_names[style_id] = (para.style.name if para.style is not None else "") or ""
        style = style_names[style_id]
        if style == "Title":
            title = title or content
            headings[len(paragraphs)] = 1
        elif style.startswith("Heading"):
            level = style.removeprefix("Heading").strip()
            headings[len(paragraphs)] = int(level) + 1 if level.isdigit() else 2
        elif style.startswith("List"):
            content = "• " + content
        paragraphs.append(content)
    props = document.core_properties
    # No `published` from props.created: that is when the .docx was made (Word's and
    # python-docx's templates carry their own old dates), not when the article appeared.
    return ParsedArticle(
        paragraphs=paragraphs,
        headings=headings,
        title=title or (props.title or "").strip(),
        authors=[props.author.strip()] if props.author and props.author.strip() else [],
    )
