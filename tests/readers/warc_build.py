"""Build small WARC files by hand for tests (raw bytes, one gzip member per record)."""

from __future__ import annotations

import gzip
from pathlib import Path


def record(
    url: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    record_id: str = "urn:uuid:00000000-0000-0000-0000-000000000001",
    date: str = "2024-03-01T12:00:00Z",
    status: str = "200 OK",
    length_error: int = 0,
    record_type: str = "response",
) -> bytes:
    """One WARC response record; ``length_error`` makes its Content-Length lie."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Record-ID: <{record_id}>\r\n"
        f"WARC-Date: {date}\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + length_error}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def page(n: int, words: str = "") -> bytes:
    """A small English news page, different for each ``n``."""
    return (
        f"<html><head><title>Council vote number {n}</title></head><body><article>"
        f"<h1>Council vote number {n}</h1>"
        f"<p>The town council approved plan {n} on Tuesday after a long debate. {words}</p>"
        f'<p>"We will start building in spring," said Mayor Ann Clark of item {n}.</p>'
        f"<p>The plan costs {n * 3} million dollars, officials said.</p>"
        "</article></body></html>"
    ).encode()


def write_warc(path: Path, records: list[bytes]) -> Path:
    """``.warc.gz`` gets one gzip member per record; ``.warc`` the records as they are."""
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(r) for r in records))
    else:
        path.write_bytes(b"".join(records))
    return path


def uid(n: int) -> str:
    return f"urn:uuid:00000000-0000-0000-0000-{n:012d}"
