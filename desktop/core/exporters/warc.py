"""Captured sources as a WARC 1.1 file, the web-archiving standard (ISO 28500), which
replay tools (pywb, ReplayWeb.page) and archives open.

Each web capture becomes a request record (what Factdesk sent), a response record (the
status line, the headers and body as received) and a metadata record (which source, the
address asked for, the SHA-256 of the whole body); an attached file becomes a resource
record and its metadata. Two departures from the bytes on the wire, both standard
practice: the body is kept de-chunked, so Transfer-Encoding is left out; and a body cut
at the cap is marked `WARC-Truncated: length` with its Content-Length made the kept
length (the original is kept as X-Archive-Orig-Content-Length, pywb's convention).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote, urlsplit

from sqlmodel import Session, col, select

from desktop import __version__
from desktop.core.errors import FactdeskError, NotFound
from desktop.core.models import Claim, ClaimSource, Source, SourceCapture


@dataclass(frozen=True)
class WarcResult:
    path: Path | None
    captures: int
    records: int
    size: int


def capture_ids(
    session: Session,
    *,
    source_ids: Iterable[int] = (),
    article_ids: Iterable[int] = (),
    capture_ids: Iterable[int] = (),
) -> list[int]:
    """The captures to export: those named, those of the sources named, those of the
    sources the articles' claims cite; all the library's when nothing is named."""
    source_ids, article_ids, chosen = list(source_ids), list(article_ids), list(capture_ids)
    for sid in source_ids:
        if session.get(Source, sid) is None:
            raise NotFound(f"no source with id {sid}")
    query = select(SourceCapture.id).order_by(col(SourceCapture.id))
    if not (source_ids or article_ids or chosen):
        return list(session.exec(query).all())
    sources = set(source_ids)
    if article_ids:
        from desktop.core.models import Article

        for aid in article_ids:
            if session.get(Article, aid) is None:
                raise NotFound(f"no article with id {aid}")
        cited = session.exec(
            select(ClaimSource.source_id)
            .join(Claim, col(Claim.id) == col(ClaimSource.claim_id))
            .where(col(Claim.article_id).in_(article_ids))
        ).all()
        sources.update(cited)
    found = set(session.exec(query.where(col(SourceCapture.source_id).in_(sources))).all())
    for cid in chosen:
        if session.get(SourceCapture, cid) is None:
            raise NotFound(f"no capture with id {cid}")
        found.add(cid)
    return sorted(found)


def render_warc(session: Session, ids: list[int], *, gzip: bool = True) -> tuple[bytes, int]:
    """(the WARC file's bytes, how many records) for the captures `ids`."""
    from warcio.warcwriter import WARCWriter

    if not ids:
        raise FactdeskError("there are no captures to export; capture a source first")
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip, warc_version="1.1")
    records = 1
    writer.write_record(
        writer.create_warcinfo_record(
            "",
            {
                "software": f"Factdesk {__version__}",
                "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/"
                "specifications/warc-format/warc-1.1/",
                "description": "Sources captured by fact-checkers, with what they cited",
            },
        )
    )
    for cid in ids:
        row = session.get(SourceCapture, cid)
        source = session.get(Source, row.source_id)
        for record in _records(writer, row, source):
            writer.write_record(record)
            records += 1
    return out.getvalue(), records


def export_warc(
    store, dest: str | os.PathLike, ids: list[int] | None = None, **chosen
) -> WarcResult:
    """Write the chosen captures (see capture_ids) to `dest`, atomically; gzipped per
    record when the name ends in .gz (a .warc.gz, as archives keep them)."""
    from desktop.core.exporters import _library_path, _write_atomically, check_destination

    path = check_destination(dest, _library_path(store))
    with store.read() as session:
        if ids is None:
            ids = capture_ids(session, **chosen)
        data, records = render_warc(session, ids, gzip=path.name.lower().endswith(".gz"))
    path = check_destination(dest, _library_path(store))
    _write_atomically(path, data)
    return WarcResult(path=path, captures=len(ids), records=records, size=len(data))


def _records(writer, row: SourceCapture, source: Source):
    from warcio.statusandheaders import StatusAndHeaders

    date = _warc_date(row.retrieved_at)
    common = {"WARC-Date": date}
    if row.file_name:
        uri = f"urn:factdesk:source:{source.uid}:capture:{row.id}:{quote(row.file_name)}"
        resource = writer.create_warc_record(
            uri,
            "resource",
            payload=io.BytesIO(row.body),
            length=len(row.body),
            warc_content_type=row.content_type or "application/octet-stream",
            warc_headers_dict=_truncation(row, common),
        )
        yield resource
        yield _metadata(writer, uri, row, source, resource, date)
        return
    uri = row.final_url or row.requested_url
    response_headers = StatusAndHeaders(
        f"{row.status} {_reason(row.status)}",
        _response_headers(row),
        protocol="HTTP/1.1",
    )
    response = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(row.body),
        length=len(row.body),
        warc_headers_dict=_truncation(row, common),
        http_headers=response_headers,
    )
    parts = urlsplit(uri)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request_headers = StatusAndHeaders(
        f"GET {target} HTTP/1.1",
        [
            ("Host", parts.netloc),
            ("User-Agent", _user_agent()),
            ("Accept", "*/*"),
            ("Connection", "close"),
        ],
        is_http_request=True,
    )
    request = writer.create_warc_record(
        uri,
        "request",
        warc_headers_dict={
            **common,
            "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
        },
        http_headers=request_headers,
    )
    yield request
    yield response
    yield _metadata(writer, uri, row, source, response, date)


def _metadata(writer, uri: str, row: SourceCapture, source: Source, refers, date: str):
    fields = [
        ("factdesk-source-uid", source.uid),
        ("factdesk-source-title", source.title),
        ("factdesk-source-url", source.url),
        ("requested-url", row.requested_url),
        ("file-name", row.file_name),
        ("content-type", row.content_type),
        ("size", str(row.size)),
        ("sha256", row.sha256),
        ("truncated", "yes" if row.truncated else ""),
        ("captured-by", row.created_by),
        ("text-error", row.error),
    ]
    body = "".join(
        f"{name}: {' '.join(value.split())}\r\n" for name, value in fields if value
    ).encode("utf-8")
    return writer.create_warc_record(
        uri,
        "metadata",
        payload=io.BytesIO(body),
        length=len(body),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Refers-To": refers.rec_headers.get_header("WARC-Record-ID"),
        },
    )


def _truncation(row: SourceCapture, headers: dict) -> dict:
    return {**headers, "WARC-Truncated": "length"} if row.truncated else dict(headers)


def _response_headers(row: SourceCapture) -> list[tuple[str, str]]:
    """The headers as received, less Transfer-Encoding (the body is kept de-chunked);
    a cut body's Content-Length is what was kept."""
    out = []
    for name, value in row.headers or []:
        lower = str(name).lower()
        if lower == "transfer-encoding":
            continue
        if lower == "content-length" and row.truncated:
            out.append(("X-Archive-Orig-Content-Length", str(value)))
            continue
        out.append((str(name), str(value)))
    if row.truncated or not any(str(n).lower() == "content-length" for n, _v in out):
        out.append(("Content-Length", str(len(row.body))))
    return out


def _reason(status: int | None) -> str:
    try:
        return HTTPStatus(status).phrase
    except (ValueError, TypeError):
        return "Unknown"


def _user_agent() -> str:
    from desktop.core.importers.url import USER_AGENT

    return USER_AGENT


def _warc_date(when: datetime) -> str:
    from warcio.timeutils import datetime_to_iso_date

    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return datetime_to_iso_date(when, use_micros=True)
