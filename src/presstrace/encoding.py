"""Bytes to text: charset detection, binary-junk detection, size guards.

Scraped bytes lie about their charset; we trust, in order, a BOM, the declared charset
(HTTP header or reader hint), a ``<meta charset>`` in HTML, UTF-8, and finally
charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re

from . import errors
from .records import ErrorRecord

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes in the head: not a text page."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False  # UTF-16/32 legitimately contain NULs
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def _valid_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None, html: bool = False) -> str:
    """Decode bytes to str; never raises (undecodable bytes become U+FFFD)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    candidates: list[str] = []
    if (c := _valid_codec(declared)) is not None:
        candidates.append(c)
    if html and (m := _META_CHARSET.search(data[:4096])):
        if (c := _valid_codec(m.group(1).decode("ascii", "replace"))) is not None:
            candidates.append(c)
    candidates.append("utf-8")
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def check_bytes(data: bytes, max_bytes: int) -> ErrorRecord | None:
    """The reasons a raw input is not worth extracting, or None."""
    if not data.strip():
        return ErrorRecord(errors.EMPTY_INPUT, "the input is empty")
    if len(data) > max_bytes:
        return ErrorRecord(
            errors.TOO_LARGE, f"the input is {len(data):,} bytes; the limit is {max_bytes:,}"
        )
    if looks_binary(data):
        return ErrorRecord(errors.BINARY_INPUT, "the input looks like binary data, not a page")
    return None


def clean_text(text: str) -> str:
    """Remove characters that break JSON, SQLite and terminals: NULs and lone surrogates."""
    text = text.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")
