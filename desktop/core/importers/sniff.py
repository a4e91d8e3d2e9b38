"""Telling binary data from text, whatever a file's extension or a server's claim.

A program, an image or an archive saved as `.html` or served as a web page would
otherwise be read as an article made of its stray printable bytes. Two looks: the
file's first bytes against known binary signatures ("magic numbers"), and the decoded
text's share of control characters, which text never has in quantity.
"""

from __future__ import annotations

import re

# (signature, offset, what the file is)
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x7fELF", 0, "an ELF program"),
    (b"\xfe\xed\xfa\xce", 0, "a Mach-O program"),
    (b"\xfe\xed\xfa\xcf", 0, "a Mach-O program"),
    (b"\xce\xfa\xed\xfe", 0, "a Mach-O program"),
    (b"\xcf\xfa\xed\xfe", 0, "a Mach-O program"),
    (b"\xca\xfe\xba\xbe", 0, "a Mach-O program or Java class"),
    (b"\x00asm", 0, "a WebAssembly program"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"ftyp", 4, "a video or HEIC image"),  # confirmed below by a printable brand
    (b"OggS", 0, "an Ogg audio or video file"),
    (b"fLaC", 0, "a FLAC audio file"),
    (b"ID3", 0, "an MP3 audio file"),  # confirmed below by its version byte
    (b"PK\x03\x04", 0, "a ZIP archive"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a Zstandard archive"),
    (b"BZh", 0, "a bzip2 archive"),  # confirmed below by the block signature
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old-format Office or password-protected file"),
    (b"%PDF", 0, "a PDF document"),
)

# What each importer reads, for "is a PNG image, not a web page".
EXPECTED = {
    "plaintext": "a text file",
    "markdown": "a Markdown file",
    "html": "a web page",
    "docx": "a Word document",
    "pdf": "a PDF document",
    "subtitles": "a subtitle file",
    "image": "a PNG or JPEG image",
}

# Signatures an importer reads itself (a .docx is a ZIP archive; encrypted ones are OLE).
_OWN = {
    "docx": ("a ZIP archive", "an old-format Office or password-protected file"),
    "pdf": ("a PDF document",),
    "image": ("a PNG image", "a JPEG image"),
}


def binary_kind(data: bytes) -> str | None:
    """What a known binary format `data` is in ("a PNG image"), or None."""
    for signature, offset, what in _MAGIC:
        if data[offset : offset + len(signature)] == signature:
            if signature == b"BZh" and data[4:10] != b"1AY&SY":
                continue
            if signature == b"WEBP" and not data.startswith(b"RIFF"):
                continue
            brand = data[8:12]
            if signature == b"ftyp" and not (len(brand) == 4 and all(32 <= b < 127 for b in brand)):
                continue
            if signature == b"ID3" and data[3:4] not in (b"\x02", b"\x03", b"\x04"):
                continue
            return what
    if data.startswith(b"MZ") and len(data) >= 64:  # a Windows program: MZ, then PE
        offset = int.from_bytes(data[0x3C:0x40], "little")
        if data[offset : offset + 4] == b"PE\x00\x00":
            return "a Windows program"
    return None


def foreign_binary(data: bytes, kind: str) -> str | None:
    """The problem when `data` is a known binary format importer `kind` does not read:
    "holds binary data (a PNG image), not a text file"."""
    what = binary_kind(data)
    if what is None or what in _OWN.get(kind, ()):
        return None
    return f"holds binary data ({what}), not {EXPECTED.get(kind, 'an article')}"


# Control characters that text does not hold: C0 except tab, line feed, vertical tab,
# form feed, carriage return and escape (terminal colours); C1, what a binary byte
# becomes in Latin-1. A few are fine (a stray bell or form feed imports); binary data
# has them by the hundred.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x80-\x9f]")
SAMPLE_CHARS = 65_536
MAX_CONTROL_SHARE = 0.05
MIN_CONTROLS = 8


def binary_text(text: str) -> bool:
    """True when decoded text is in fact binary data: a NUL near the start, or more
    than 5% control characters (and at least 8) in its first 64K characters, or mostly
    undecodable bytes."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return False
    if "\x00" in sample[:8192]:
        return True
    controls = len(_CONTROL.findall(sample))
    if controls >= MIN_CONTROLS and controls > MAX_CONTROL_SHARE * len(sample):
        return True
    replaced = sample.count("\ufffd")  # undecodable bytes, replaced
    return replaced >= MIN_CONTROLS and replaced > 0.25 * len(sample)
