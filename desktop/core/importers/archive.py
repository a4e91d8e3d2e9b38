"""Refusing decompression bombs before a ZIP-based document is unpacked.

A Word document is a ZIP archive of XML parts. A few hundred kilobytes can unpack to
gigabytes of XML that the parser would then hold in memory for minutes. The archive's
central directory states every part's packed and unpacked size; it is read (nothing is
decompressed) and the document refused when it would unpack to more than
MAX_UNPACKED_BYTES, or when a sizeable part is packed more tightly than real documents
ever are. Python's zipfile never returns more bytes than a part's stated size, so the
stated sizes bound what parsing can be handed.
"""

from __future__ import annotations

import io
import zipfile

from desktop.core.errors import ImportFailed

MAX_UNPACKED_BYTES = 50_000_000
MAX_RATIO = 100  # text XML packs about 10 to 1; a bomb thousands to 1
RATIO_FROM_BYTES = 1_000_000  # smaller parts cannot do harm, however well they pack
MAX_PARTS = 10_000
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}  # what Office writes


def check_zip(data: bytes, source_name: str, what: str) -> None:
    """Raise ImportFailed when the ZIP archive `data` would unpack to too much.

    `what` names the format for messages ("Word document"). An archive that cannot be
    read at all is left to the format's parser, which says it is damaged.
    """
    from desktop.core.importers import size_text

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        OSError,
        NotImplementedError,  # a damaged header asking for an unknown ZIP version
    ):
        return
    if len(parts) > MAX_PARTS:
        raise ImportFailed(
            source_name,
            f"is not a usable {what}: it holds {len(parts):,} parts "
            f"(Factdesk reads up to {MAX_PARTS:,})",
        )
    total = 0
    bomb: zipfile.ZipInfo | None = None  # the first part packed implausibly tightly
    for part in parts:
        if part.compress_type not in _METHODS:
            raise ImportFailed(
                source_name,
                f"is not a usable {what}: its part {part.filename!r} is packed with a "
                "method Word does not use",
            )
        total += part.file_size
        packed = max(part.compress_size, 1)
        if part.file_size >= RATIO_FROM_BYTES and part.file_size > MAX_RATIO * packed:
            bomb = bomb or part
    if total > MAX_UNPACKED_BYTES:
        raise ImportFailed(
            source_name,
            f"unpacks to {size_text(total)}; Factdesk opens {what}s of at most "
            f"{size_text(MAX_UNPACKED_BYTES)} unpacked",
        )
    if bomb is not None:
        ratio = bomb.file_size // max(bomb.compress_size, 1)
        raise ImportFailed(
            source_name,
            f"is a decompression bomb: its part {bomb.filename!r} unpacks to {ratio:,} "
            f"times its packed size (Factdesk allows at most {MAX_RATIO} times)",
        )
