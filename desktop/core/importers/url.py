"""Fetching an article from the web, only when the user asks for a URL.

One GET, with one deadline for the whole download (connecting, the answer's headers and
its body together) and a size cap; redirects are followed to http(s) addresses only.
The page is then read by the same importers as saved files (web page, plain text,
Markdown, PDF or Word document by Content-Type; any other type is refused). Nothing on
the page is fetched.

fetch_response, for a source's capture, keeps the whole answer under the same rules
instead: any type, an error status too, the body cut (not refused) at the cap.
"""

from __future__ import annotations

import hashlib
import http
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle, parse_bytes, sizes_apart

TIMEOUT_S = 30  # the whole download, not each read: a server sending a byte at a time stops
MAX_BYTES = 16_000_000
MAX_READ_BYTES = 1_000_000_000  # a capture reads (and hashes) at most this much of a body
USER_AGENT = "Factdesk/0.1 (fact-checking workbench)"
_CHUNK = 64 * 1024

# Content-Type → importer. Anything else (images, programs, octet-stream) is refused.
KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "plaintext",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
_ACCEPT = ", ".join([*KINDS, "*/*;q=0.1"])


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value.strip())
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # "http://[::1": an unclosed bracket
        return False


def fetch(url: str, *, timeout: float | None = None, max_bytes: int = MAX_BYTES) -> ParsedArticle:
    """Download `url` and read the article in it; ImportFailed says what went wrong.

    `timeout` (TIMEOUT_S by default) bounds the whole download: however the server
    dawdles, fetch returns or raises within about that many seconds.
    """
    timeout = TIMEOUT_S if timeout is None else timeout
    url = url.strip()
    _check_address(url)
    final_url, ctype, data = _within(url, timeout, lambda d: _download(url, d, max_bytes))
    return parse_bytes(data, kind=_kind(url, ctype, data), source_name=url, url=final_url)


@dataclass(frozen=True)
class WebResponse:
    """A whole answer as received, for keeping (a source's capture), not for reading."""

    requested_url: str
    final_url: str  # after redirects
    status: int
    reason: str
    headers: list[tuple[str, str]]  # as sent, in order, repeated names kept
    content_type: str  # "text/html", "" when the server named none
    body: bytes  # at most the cap's worth
    truncated: bool  # the body went on past the cap
    size: int  # of the whole body as received
    sha256: str  # of the whole body as received (hex)


def fetch_response(
    url: str,
    *,
    timeout: float | None = None,
    max_bytes: int = MAX_BYTES,
    max_read: int = MAX_READ_BYTES,
) -> WebResponse:
    """GET `url` and keep the answer whatever it is, under fetch's rules (http(s) only,
    one deadline, redirects to http(s) only).

    Unlike fetch, any Content-Type is kept and an error status (404, 410, 500) is an
    answer, not a failure; a body over `max_bytes` is kept cut at it (`truncated`), while
    its size and SHA-256 are of all of it, read up to `max_read`. ImportFailed only when
    no whole answer came (no network, deadline, cut off, or over `max_read`).
    """
    timeout = TIMEOUT_S if timeout is None else timeout
    url = url.strip()
    _check_address(url)
    return _within(url, timeout, lambda d: _download_response(url, d, max_bytes, max_read))


def _within(url: str, timeout: float, download):
    """download(deadline) on a worker thread, given up on (its connection shut) at the
    deadline, whatever the server does."""
    deadline = _Deadline(timeout)
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = download(deadline)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="factdesk-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        deadline.expire()  # shuts the connection: the worker stops reading at once
        worker.join(2.0)  # (a name lookup cannot be interrupted; it is left to finish)
        raise ImportFailed(url, _late(timeout))
    deadline.close()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]


def _check_address(url: str) -> None:
    if not is_web_url(url):
        raise ImportFailed(url, "is not a web address (it must start with http:// or https://)")
    try:
        parts = urlsplit(url)
        if parts.port == 0:  # .port raises ValueError when out of range or not a number
            raise ValueError("port 0")
        (parts.hostname or "").encode("idna")  # what the name lookup would do
    except (ValueError, UnicodeError) as exc:
        raise ImportFailed(url, f"is not a valid web address ({_say(exc)})") from exc


def _download(url: str, deadline: _Deadline, max_bytes: int) -> tuple[str, str | None, bytes]:
    """(final address, Content-Type or None, body), or ImportFailed."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    with _reported(url, deadline):
        with _opener(deadline).open(request, timeout=deadline.remaining()) as response:
            final_url = response.geturl()
            ctype = None
            if response.headers.get("Content-Type") is not None:
                ctype = response.headers.get_content_type()
                _kind(url, ctype, b"")  # a type that is no article: refused before the body
            length = _declared_length(response)
            if length is not None and length > max_bytes:
                raise ImportFailed(url, _too_big(length, max_bytes))
            data = _read_body(url, response, max_bytes, deadline)
            if length is not None and len(data) < length:
                raise ImportFailed(url, _cut_off(len(data), length))
    return final_url, ctype, data


def _download_response(url: str, deadline: _Deadline, max_bytes: int, max_read: int) -> WebResponse:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with _reported(url, deadline):
        try:
            response = _opener(deadline).open(request, timeout=deadline.remaining())
        except urllib.error.HTTPError as exc:  # 404, 410, 500…: an answer all the same
            if exc.fp is None:
                raise
            response = exc
        with response:
            status = response.status if response.status is not None else response.code
            reason = " ".join(str(response.reason or "").split())
            headers = [(str(k), str(v)) for k, v in response.headers.items()]
            ctype = ""
            if response.headers.get("Content-Type") is not None:
                ctype = response.headers.get_content_type()
            length = _declared_length(response)
            digest = hashlib.sha256()
            kept = bytearray()
            total = 0
            while True:
                deadline.remaining()  # TimeoutError once the deadline has passed
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_read:
                    raise ImportFailed(url, _too_big(total, max_read, at_least=True))
                digest.update(chunk)
                if len(kept) < max_bytes:
                    kept += chunk[: max_bytes - len(kept)]
            if length is not None and total < length:
                raise ImportFailed(url, _cut_off(total, length))
            final_url = response.geturl()
    return WebResponse(
        requested_url=url,
        final_url=final_url,
        status=int(status),
        reason=reason,
        headers=headers,
        content_type=ctype,
        body=bytes(kept),
        truncated=total > len(kept),
        size=total,
        sha256=digest.hexdigest(),
    )


def _cut_off(received: int, length: int) -> str:
    return f"the download was cut off after {received:,} of {length:,} bytes; try again"


@contextmanager
def _reported(url: str, deadline: _Deadline):
    """What went wrong in a download, as one ImportFailed under the address typed."""
    try:
        yield
    except ImportFailed as exc:
        if exc.source != url:  # refused at a later hop: told under the address typed
            raise ImportFailed(url, exc.problem) from None
        raise
    except urllib.error.HTTPError as exc:
        raise ImportFailed(url, f"the server answered {_status(exc)}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            raise ImportFailed(url, "cannot be reached (no network, or unknown host)") from exc
        if isinstance(reason, TimeoutError):
            raise ImportFailed(url, _late(deadline.seconds)) from exc
        raise ImportFailed(url, f"cannot be reached ({_say(reason)})") from exc
    except http.client.InvalidURL as exc:
        raise ImportFailed(url, f"is not a valid web address ({_say(exc)})") from exc
    except http.client.IncompleteRead as exc:  # a chunked answer that stopped short
        raise ImportFailed(url, "the download was cut off before its end; try again") from exc
    except http.client.HTTPException as exc:  # BadStatusLine, LineTooLong, >100 headers
        raise ImportFailed(url, f"the server sent a malformed answer ({_say(exc)})") from exc
    except TimeoutError as exc:
        raise ImportFailed(url, _late(deadline.seconds)) from exc
    except UnicodeError as exc:  # a host name that is no valid international name
        raise ImportFailed(url, f"is not a valid web address ({_say(exc)})") from exc
    except (OSError, ValueError) as exc:
        raise ImportFailed(url, f"cannot be reached ({_say(exc)})") from exc


def _read_body(url: str, response, max_bytes: int, deadline: _Deadline) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        deadline.remaining()  # TimeoutError once the deadline has passed
        chunk = response.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise ImportFailed(url, _too_big(total, max_bytes, at_least=True))
    return b"".join(chunks)


def _declared_length(response) -> int | None:
    length = (response.headers.get("Content-Length") or "").strip()
    if not length.isdigit() or response.headers.get("Transfer-Encoding"):
        return None  # chunked answers state no length; http.client checks their ends
    return int(length)


def _kind(url: str, ctype: str | None, data: bytes) -> str:
    """The importer for a Content-Type; with none, what the bytes look like."""
    if ctype is None:
        head = data[:1024].lstrip().lower()
        if head.startswith(b"%pdf"):
            return "pdf"
        if head.startswith(b"pk\x03\x04"):
            return "docx"
        if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<!--")):
            return "html"
        return "plaintext"
    kind = KINDS.get(ctype.lower())
    if kind is None:
        raise ImportFailed(
            url,
            f"is served as {ctype!r}, which is not an article; Factdesk imports web pages, "
            "plain text, Markdown, PDF and Word documents",
        )
    return kind


def _too_big(size: int, cap: int, *, at_least: bool = False) -> str:
    """ "is larger than 16 MB (20.1 MB); save it…", the size left out when only a lower
    bound is known (no Content-Length, and reading stopped at the cap)."""
    shown, limit = sizes_apart(size, cap)
    stated = "" if at_least else f" ({shown})"
    return (
        f"is larger than {limit}{stated}, the most Factdesk downloads; save it and import the file"
    )


def _late(seconds: float) -> str:
    unit = "second" if seconds == 1 else "seconds"
    return f"did not answer in full within {seconds:g} {unit} (the limit for a whole download)"


def _status(exc: urllib.error.HTTPError) -> str:
    """ "404 Not Found", the standard phrase standing in for a missing reason."""
    reason = " ".join(str(exc.reason or "").split())
    if not reason:
        try:
            reason = http.HTTPStatus(exc.code).phrase
        except ValueError:
            reason = "(no reason given)"
    return f"{exc.code} {reason}"


def _say(exc: object) -> str:
    """An exception's text for a message: never empty."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    return text if text else exc.__class__.__name__


class _Deadline:
    """One time limit shared by every connection of a download (redirects included)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise TimeoutError("deadline passed")
        return left

    def adopt(self, sock: socket.socket) -> socket.socket:
        """Watch a new connection: a copy of its descriptor, to shut it at the deadline
        (the copy still works once TLS wraps the original)."""
        with self._lock:
            if self.expired:
                sock.close()
                raise TimeoutError("deadline passed")
            self._sockets.append(sock.dup())
        return sock

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in another thread
                except OSError:
                    pass
                sock.close()
            self._sockets.clear()

    def close(self) -> None:
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


def _connection(base: type[http.client.HTTPConnection], deadline: _Deadline):
    class Connection(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = self._watched_connection

        def _watched_connection(self, address, timeout, source_address=None):
            return deadline.adopt(socket.create_connection(address, timeout, source_address))

        def connect(self) -> None:
            self.timeout = deadline.remaining()  # no single wait longer than what is left
            super().connect()

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._connection = _connection(http.client.HTTPConnection, deadline)

    def http_open(self, req):
        return self.do_open(self._connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._connection = _connection(http.client.HTTPSConnection, deadline)

    def https_open(self, req):
        return self.do_open(self._connection, req, context=self._context)


class _WebRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http(s) only: never ftp://, file:// or any other scheme."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri")
        if target is not None:
            try:
                newurl = urljoin(req.full_url, target.strip())
            except ValueError:
                newurl = target
            if not is_web_url(newurl):
                fp.close()
                raise ImportFailed(
                    req.full_url,
                    f"redirects to {newurl!r}, which is not a web address; Factdesk follows "
                    "redirects to http:// and https:// addresses only",
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """http(s) and nothing else: no ftp, file or data handlers to be redirected to."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(deadline),
        _HTTPSHandler(deadline),
        urllib.request.HTTPDefaultErrorHandler(),
        _WebRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener
