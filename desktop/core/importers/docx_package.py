"""Opening a Word package: its parts found through their relationships, parsed safely.

A .docx is a ZIP archive of XML parts tied together by relationship files. The parts
are located the way Word does it (the package's relationships name the main document,
the document's relationships name styles and notes) rather than by fixed file names,
and relationship types are matched on their last segment so ISO 29500 Strict files
(whose types live under http://purl.oclc.org/ooxml/) open like Transitional ones.

XML is parsed by lxml with entities left unresolved and no network or DTD loading, so
a hostile part can neither read local files (XXE) nor expand into gigabytes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from desktop.core.errors import ImportFailed

_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PACKAGE_RELS = "_rels/.rels"
# What reading a member of a damaged archive raises: bad CRC, cut short, corrupt deflate
# stream (zlib.error), an unsupported method.
_UNPACK_ERRORS = (
    zipfile.BadZipFile,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    zlib.error,
)


class Damaged(Exception):
    """A part is missing or unreadable; the message says which and why."""


def xml_parser() -> etree.XMLParser:
    """An XML parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,  # libxml2's own limits on depth and text size stay on
        remove_comments=True,
        remove_pis=True,
    )


@dataclass
class WordPackage:
    """The parts of an opened .docx that hold text or say how to read it."""

    archive: zipfile.ZipFile
    main: str  # the main document part, e.g. "word/document.xml"
    related: dict[str, str] = field(default_factory=dict)  # relationship kind → part name

    def xml(self, name: str) -> etree._Element:
        """The parsed root of part `name`; Damaged when it cannot be read."""
        try:
            data = self.archive.read(name)
        except KeyError as exc:
            raise Damaged(f"its part {name!r} is missing") from exc
        except _UNPACK_ERRORS as exc:
            raise Damaged(f"its part {name!r} cannot be unpacked: {exc}") from exc
        try:
            return etree.fromstring(data, xml_parser())
        except etree.XMLSyntaxError as exc:
            raise Damaged(f"its part {name!r} is not well-formed XML: {exc}") from exc

    def optional_xml(self, kind: str) -> etree._Element | None:
        """The root of the part related to the main document as `kind` ("styles",
        "footnotes", "endnotes"), or None when the document has none or it is unreadable:
        a document whose styles or notes are damaged still has a body worth reading."""
        name = self.related.get(kind)
        if name is None:
            return None
        try:
            return self.xml(name)
        except Damaged:
            return None

    def core_properties(self) -> etree._Element | None:
        """docProps/core.xml (title, creator), or None."""
        target = _relationships(self.archive, _PACKAGE_RELS, "").get("core-properties")
        name = target or "docProps/core.xml"
        try:
            return self.xml(name)
        except Damaged:
            return None


def open_package(data: bytes, source_name: str) -> WordPackage:
    """The Word package in `data`, or ImportFailed saying why it is not one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.LargeZipFile, *_UNPACK_ERRORS) as exc:
        raise ImportFailed(source_name, "is not a valid Word document (damaged file)") from exc
    names = set(archive.namelist())
    main = _relationships(archive, _PACKAGE_RELS, "").get("officeDocument")
    if main is None and "word/document.xml" in names:
        main = "word/document.xml"  # relationships lost, the document itself still there
    if main is None or main not in names:
        raise ImportFailed(
            source_name, "is not a valid Word document (it has no main document part)"
        )
    directory, base = posixpath.split(main)
    rels = posixpath.join(directory, "_rels", base + ".rels")
    related = {
        kind: target
        for kind, target in _relationships(archive, rels, directory).items()
        if target in names
    }
    return WordPackage(archive=archive, main=main, related=related)


def _relationships(archive: zipfile.ZipFile, rels_name: str, base_dir: str) -> dict[str, str]:
    """Relationship kind (the type's last segment) → part name, for internal targets;
    empty when the relationships part is missing or unreadable."""
    try:
        root = etree.fromstring(archive.read(rels_name), xml_parser())
    except (KeyError, etree.XMLSyntaxError, *_UNPACK_ERRORS):
        return {}
    found: dict[str, str] = {}
    for rel in root.iter(f"{_REL_NS}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if not kind or not target:
            continue
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            name = posixpath.normpath(posixpath.join(base_dir, target))
        found.setdefault(kind, name)
    return found
