"""WARC input (``.warc``, ``.warc.gz``): one Document per HTML response record.

Common Crawl's news crawl ships ``.warc.gz`` files with one gzip member per record, so we
split the gzip stream into members ourselves: a member that is not gzip, or is cut off,
becomes one error Document and reading resumes at the next gzip header. Each member is
parsed with fastwarc. Plain ``.warc`` files are parsed with fastwarc directly and
re-synchronised on the next ``WARC/1.`` line after a record that does not parse.

A record's source is ``file.warc.gz#<WARC-Record-ID>`` (``#offset=N`` when it has no id),
so resuming and the ``inputs`` table work per record. The crawl time (``WARC-Date``) is
kept as ``Document.crawled``: a crawl file's date is not the article's publication date.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from .. import errors
from ..records import Document, ErrorRecord
from .files import sniff_kind

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
_CHUNK = 1 << 16


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path, max_bytes: int) -> Iterator[Document]:
    """Every response record of one WARC file, in file order; never raises on content."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below; generators need the handle open)
    except OSError as e:
        yield _error(str(path), errors.UNREADABLE, f"{e.strerror or e}")
        return
    with fh:
        if path.name.lower().endswith(".gz"):
            yield from _iter_gzip_warc(fh, str(path), max_bytes)
        else:
            yield from _iter_plain_warc(fh, str(path), max_bytes)


# -- .warc.gz: one gzip member at a time ------------------------------------------------


def _iter_gzip_warc(fh: BinaryIO, name: str, max_bytes: int) -> Iterator[Document]:
    for offset, data, problem in gzip_members(fh, max_bytes):
        where = f"{name}#offset={offset}"
        if problem is not None:
            yield Document(source=where, data=b"", error=problem)
            continue
        assert data is not None
        yield from _records_in_member(data, name, offset, max_bytes)


def gzip_members(
    fh: BinaryIO, max_bytes: int
) -> Iterator[tuple[int, bytes | None, ErrorRecord | None]]:
    """``(offset, decompressed bytes, None)`` per gzip member, or ``(offset, None, error)``.

    Output is bounded: a member inflating past ``max_bytes`` (plus room for WARC and HTTP
    headers) is reported as too large without being kept in memory.
    """
    limit = max_bytes + 65_536
    pos = fh.tell()
    buf = fh.read(_CHUNK)
    while buf:
        if not buf.strip(b"\x00\r\n\t "):
            more = fh.read(_CHUNK)
            if not more:
                return  # padding at the end of the file
            pos, buf = pos + len(buf), more
            continue
        start = pos
        d = zlib.decompressobj(31)
        parts: list[bytes] = []
        size = 0
        fed = len(buf)
        data = buf
        try:
            while True:
                piece = d.decompress(data, _CHUNK)
                size += len(piece)
                if size <= limit:
                    parts.append(piece)
                else:
                    parts.clear()
                if d.eof:
                    break
                data = d.unconsumed_tail
                if not data:
                    data = fh.read(_CHUNK)
                    fed += len(data)
                    if not data:
                        yield (
                            start,
                            None,
                            ErrorRecord(
                                errors.TRUNCATED_RECORD, "the file ends inside a gzip member"
                            ),
                        )
                        return
        except zlib.error as e:
            yield start, None, ErrorRecord(errors.CORRUPT_RECORD, f"not a valid gzip member: {e}")
            nxt = _find(fh, GZIP_MAGIC, start + 1)
            if nxt is None:
                return
            fh.seek(nxt)
            pos, buf = nxt, fh.read(_CHUNK)
            continue
        if size > limit:
            yield (
                start,
                None,
                ErrorRecord(errors.TOO_LARGE, f"a gzip member inflates past {limit:,} bytes"),
            )
        else:
            yield start, b"".join(parts), None
        rest = d.unused_data
        pos = start + fed - len(rest)
        buf = rest if rest else fh.read(_CHUNK)


def _find(fh: BinaryIO, needle: bytes, start: int) -> int | None:
    """Offset of the next ``needle`` at or after ``start`` in the file, or None."""
    fh.seek(start)
    pos, tail = start, b""
    while True:
        chunk = fh.read(_CHUNK)
        if not chunk:
            return None
        hay = tail + chunk
        i = hay.find(needle)
        if i >= 0:
            return pos - len(tail) + i
        tail = hay[-(len(needle) - 1) :]
        pos += len(chunk)


def _records_in_member(data: bytes, name: str, offset: int, max_bytes: int) -> Iterator[Document]:
    """The records in one decompressed member (usually exactly one).

    Bytes left over after a record inside the same member mean its Content-Length lied;
    that record is kept apart rather than analysed with a wrong payload.
    """
    held: Document | None = None
    try:
        for record in _archive(io.BytesIO(data)):
            if held is not None:
                yield held
            held = record_document(record, name, offset, max_bytes)
    except OSError as e:
        if held is not None:
            yield _error(
                held.source,
                errors.CORRUPT_RECORD,
                f"bytes after the record do not parse ({e}); its Content-Length is wrong",
                url=held.url,
            )
        else:
            yield _error(f"{name}#offset={offset}", errors.CORRUPT_RECORD, f"{e}")
        return
    if held is not None:
        yield held


# -- plain .warc --------------------------------------------------------------------------


def _iter_plain_warc(fh: BinaryIO, name: str, max_bytes: int) -> Iterator[Document]:
    start = 0
    while True:
        fh.seek(start)
        last = start
        try:
            for record in _archive(fh):
                last = record.stream_pos
                doc = record_document(record, name, None, max_bytes)
                if doc.error is None and b"\r\n" + WARC_MAGIC in doc.data:
                    doc = _error(
                        doc.source,
                        errors.CORRUPT_RECORD,
                        "the record runs into the next one; its Content-Length is wrong",
                        url=doc.url,
                    )
                yield doc
            return
        except OSError as e:
            yield _error(
                f"{name}#offset={last}", errors.CORRUPT_RECORD, f"unparseable WARC data: {e}"
            )
        nxt = _find(fh, WARC_MAGIC, last + 1)
        if nxt is None:
            return
        start = nxt


def _archive(stream: BinaryIO) -> ArchiveIterator:
    return ArchiveIterator(
        stream,
        record_types=WarcRecordType.response,
        parse_http=True,
        auto_decode="none",
        stream_detect=False,
        fsspec_args=False,
    )


# -- one record ---------------------------------------------------------------------------


def record_document(
    record: WarcRecord, name: str, member_offset: int | None, max_bytes: int
) -> Document:
    """One response record as a Document (or an error Document saying why not)."""
    rid = (record.record_id or "").strip("<> ")
    if rid:
        source = f"{name}#{rid}"
    elif member_offset is None:
        source = f"{name}#offset={record.stream_pos}"
    else:
        source = f"{name}#offset={member_offset}"
    url = record.headers.get("WARC-Target-URI") or None
    crawled = record.headers.get("WARC-Date") or None
    expected = record.content_length
    if expected > max_bytes:
        record.consume()
        return _error(
            source,
            errors.TOO_LARGE,
            f"the payload is {expected:,} bytes; the limit is {max_bytes:,}",
            url=url,
        )
    payload = record.reader.read(expected)
    if len(payload) < expected:
        return _error(
            source,
            errors.TRUNCATED_RECORD,
            f"the record ends after {len(payload):,} of {expected:,} payload bytes",
            url=url,
        )
    if record.http_headers is None:  # a response record whose HTTP head did not parse
        return _error(
            source, errors.CORRUPT_RECORD, "the HTTP response head could not be parsed", url=url
        )
    status = record.http_headers.status_code
    if status is not None and not 200 <= status < 300:
        return _error(source, errors.HTTP_STATUS, f"HTTP status {status}", url=url)
    ctype = (record.http_content_type or "").lower()
    if (ctype and ctype not in HTML_TYPES) or (not ctype and sniff_kind(payload) != "html"):
        return _error(
            source, errors.UNSUPPORTED, f"not an HTML page ({ctype or 'unknown type'})", url=url
        )
    body, problem = _decode_content(record, payload, max_bytes)
    if problem is not None:
        return Document(source=source, data=b"", url=url, crawled=crawled, error=problem)
    return Document(
        source=source,
        data=body,
        kind="html",
        url=url,
        crawled=crawled,
        charset=record.http_charset or None,
    )


def _decode_content(
    record: WarcRecord, payload: bytes, max_bytes: int
) -> tuple[bytes, ErrorRecord | None]:
    """Undo an HTTP Content-Encoding the crawler stored as sent (gzip, deflate)."""
    encoding = (record.http_headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("identity", ""):
        return payload, None
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return b"", ErrorRecord(errors.UNSUPPORTED, f"Content-Encoding {encoding} is not supported")
    d = zlib.decompressobj(47 if encoding != "deflate" else 15)
    try:
        out = d.decompress(payload, max_bytes + 1)
    except zlib.error as e:
        return b"", ErrorRecord(errors.CORRUPT_RECORD, f"bad {encoding} payload: {e}")
    if len(out) > max_bytes:
        return b"", ErrorRecord(errors.TOO_LARGE, f"the page inflates past {max_bytes:,} bytes")
    return out, None


def _error(source: str, code: str, message: str, *, url: str | None = None) -> Document:
    return Document(source=source, data=b"", url=url, error=ErrorRecord(code, message))
