"""Benchmark inputs built from the shared AEB pages (never copied into the repo).

``aeb_warc`` writes the 91 AEB pages as one ``.warc.gz`` with one gzip member per record,
the way Common Crawl's news crawl ships them, with the ground truth's URLs.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """``$PRESSTRACE_SHARED``, else ``../shared`` beside the repo, else ``/work/shared``."""
    candidates = [os.environ.get("PRESSTRACE_SHARED"), ROOT.parent / "shared", "/work/shared"]
    for c in candidates:
        if c and (Path(c) / "evaldata" / "aeb" / "html").is_dir():
            return Path(c)
    return None


def aeb_dir() -> Path | None:
    base = shared_dir()
    return base / "evaldata" / "aeb" if base else None


def aeb_pages() -> list[tuple[str, str | None, bytes]]:
    """``(key, url, html bytes)`` for every AEB page, sorted by key."""
    base = aeb_dir()
    if base is None:
        return []
    truth = json.loads((base / "ground-truth.json").read_text())
    out = []
    for page in sorted((base / "html").glob("*.html.gz")):
        key = page.name.removesuffix(".html.gz")
        url = (truth.get(key) or {}).get("url")
        out.append((key, url, gzip.decompress(page.read_bytes())))
    return out


def warc_record(url: str, body: bytes, n: int) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
        f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def aeb_warc(path: Path, copies: int = 1) -> int:
    """Write the AEB pages (``copies`` times, each copy under its own URLs); returns records."""
    n = 0
    with open(path, "wb") as fh:
        for copy in range(copies):
            for key, url, html in aeb_pages():
                page_url = url or f"https://aeb.example/{key}"
                if copy:
                    page_url += f"?copy={copy}"
                fh.write(gzip.compress(warc_record(page_url, html, n), compresslevel=6))
                n += 1
    return n
