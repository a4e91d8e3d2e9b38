"""Fetching an article from the web, only when the user asks for a URL.

One GET with a timeout and a size cap; the page is then read by the same importers as
saved files (HTML, PDF or plain text by Content-Type). Nothing on the page is fetched.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle, parse_bytes

TIMEOUT_S = 20
MAX_BYTES = 15 * 1024 * 1024
USER_AGENT = "Factdesk/0.1 (fact-checking workbench)"


def is_web_url(value: str) -> bool:
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> ParsedArticle:
    """Download `url` and read the article in it; ImportFailed says what went wrong."""
    url = url.strip()
    if not is_web_url(url):
        raise ImportFailed(url, "is not a web address (it must start with http:// or https://)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            final_url = response.geturl()
            ctype = response.headers.get_content_type()
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ImportFailed(url, _too_big(int(length), max_bytes))
            data = response.read(max_bytes + 1)
    except ImportFailed:
        raise
    except urllib.error.HTTPError as exc:
        raise ImportFailed(url, f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            raise ImportFailed(url, "cannot be reached (no network, or unknown host)") from exc
        raise ImportFailed(url, f"cannot be reached ({reason})") from exc
    except TimeoutError as exc:
        raise ImportFailed(url, f"did not answer within {timeout:g} seconds") from exc
    except OSError as exc:
        raise ImportFailed(url, f"cannot be reached ({exc})") from exc
    if len(data) > max_bytes:
        raise ImportFailed(url, _too_big(len(data), max_bytes))
    kind = {"application/pdf": "pdf", "text/plain": "plaintext", "text/markdown": "markdown"}.get(
        ctype, "html"
    )
    return parse_bytes(data, kind=kind, source_name=url, url=final_url)


def _too_big(size: int, cap: int) -> str:
    return f"is larger than {cap / 1e6:.0f} MB ({size / 1e6:.1f} MB); save it and import the file"
