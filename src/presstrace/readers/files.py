"""Paths, folders (recursive), stdin and gzip, dispatched by file suffix."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import errors
from ..records import Document, DocumentKind, ErrorRecord
from . import jsonl

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
DEFAULT_MAX_BYTES = 20_000_000


def _strip_gz(name: str) -> tuple[str, bool]:
    lower = name.lower()
    if lower.endswith(".gz"):
        return lower[:-3], True
    return lower, False


def kind_for_path(path: str | os.PathLike[str]) -> str | None:
    """html | text | jsonl | warc for a known suffix (``.gz`` allowed), else None."""
    name, _ = _strip_gz(os.fspath(path))
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return None


def sniff_kind(data: bytes) -> DocumentKind:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<meta")):
        return "html"
    return "text"


def read_limited(path: Path, max_bytes: int) -> bytes:
    """Read a file (gunzipping ``.gz``) refusing more than ``max_bytes`` of output.

    Raises ``errors.InputError`` with a reason; the caller turns it into a record.
    """
    if path.name.lower().endswith(".gz"):
        try:
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as e:
            raise errors.InputError(f"{errors.UNREADABLE}: corrupt gzip data ({e})") from e
    else:
        if path.stat().st_size > max_bytes:
            raise errors.InputError(
                f"{errors.TOO_LARGE}: the file is {path.stat().st_size:,} bytes; "
                f"the limit is {max_bytes:,}"
            )
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise errors.InputError(
            f"{errors.TOO_LARGE}: more than {max_bytes:,} bytes after decompression"
        )
    return data


def _error_doc(source: str, message: str) -> Document:
    code, _, rest = message.partition(": ")
    if code not in (errors.TOO_LARGE, errors.UNREADABLE, errors.NOT_FOUND):
        code, rest = errors.UNREADABLE, message
    return Document(source=source, data=b"", error=ErrorRecord(code, rest))


def iter_documents(
    paths: Iterable[str],
    *,
    plain: bool = False,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    recurse_unknown: bool = False,
) -> Iterator[Document]:
    """Yield a Document for every input under ``paths``, in order.

    ``plain``: inputs are already article bodies (no structure recovery).
    ``url``: the URL to give a single input (``analyze --url``).
    """
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            kind: DocumentKind = "plain" if plain else sniff_kind(data)
            yield Document(source="<stdin>", data=data, kind=kind, url=url)
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    if kind_for_path(child) is not None:
                        yield from _file_documents(child, plain, url, max_bytes)
            continue
        if not path.exists():
            yield Document(
                source=p, data=b"", error=ErrorRecord(errors.NOT_FOUND, f"no such file: {p}")
            )
            continue
        yield from _file_documents(path, plain, url, max_bytes)


def _file_documents(path: Path, plain: bool, url: str | None, max_bytes: int) -> Iterator[Document]:
    source = str(path)
    kind = kind_for_path(path)
    if kind == "warc":
        from .warc import iter_warc  # warc imports sniff_kind from here

        yield from iter_warc(path, max_bytes)
        return
    if kind == "jsonl":
        try:
            yield from jsonl.iter_jsonl_file(path, source, plain=plain, max_line_bytes=max_bytes)
        except OSError as e:
            yield Document(
                source=source, data=b"", error=ErrorRecord(errors.UNREADABLE, f"{e.strerror or e}")
            )
        return
    try:
        data = read_limited(path, max_bytes)
    except errors.InputError as e:
        yield _error_doc(source, str(e))
        return
    except OSError as e:
        yield Document(
            source=source, data=b"", error=ErrorRecord(errors.UNREADABLE, f"{e.strerror or e}")
        )
        return
    doc_kind: DocumentKind
    if plain:
        doc_kind = "plain"
    elif kind in ("html", "text"):
        doc_kind = "html" if kind == "html" else "text"
    else:
        doc_kind = sniff_kind(data)
    yield Document(source=source, data=data, kind=doc_kind, url=url)
