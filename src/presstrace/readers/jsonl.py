"""JSON Lines input: one article per line, ``{url, html}`` or ``{url, text}``.

Optional keys ``title`` and ``date`` are kept as hints for ``{url, text}`` lines.

A file is read line by line (``iter_jsonl_file``), never whole, so a JSON Lines dump of
any size is read in the memory of its longest line; a line longer than the per-document
limit is skipped without being held. A bad line is a Document with an error (source
``file.jsonl#LINE``); the rest of the file is still read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from .. import errors
from ..records import Document, ErrorRecord


def iter_jsonl_file(
    path: Path, source: str, *, plain: bool = False, max_line_bytes: int
) -> Iterator[Document]:
    """Documents of a ``.jsonl`` (or ``.jsonl.gz``) file, streamed line by line.

    Data a gzip stream cannot deliver (corrupt, cut off) ends the file with one error
    Document at the line it stopped, after the lines before it.
    """
    lineno = 0
    try:
        opened = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
        with cast(BinaryIO, opened) as fh:
            for lineno, raw in enumerate(_lines(fh, max_line_bytes), start=1):
                if raw is None:
                    where = f"{source}#{lineno}"
                    message = f"line {lineno} is longer than {max_line_bytes:,} bytes"
                    yield Document(
                        source=where, data=b"", error=ErrorRecord(errors.TOO_LARGE, message)
                    )
                else:
                    yield from _documents(raw, lineno, source, plain)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        # not gzip at all: the file is the bad input; cut off later: from the next line on
        where = f"{source}#{lineno + 1}" if lineno else source
        message = f"corrupt gzip data after line {lineno} ({e})" if lineno else f"not gzip ({e})"
        yield Document(source=where, data=b"", error=ErrorRecord(errors.UNREADABLE, message))


def _lines(fh: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of ``fh``; None for one longer than ``limit`` bytes (read past, not kept)."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def iter_jsonl(
    data: bytes | Iterable[bytes], source: str, *, plain: bool = False
) -> Iterator[Document]:
    """Documents of JSON Lines given as bytes or as lines (an open binary file)."""
    lines = data.splitlines() if isinstance(data, bytes) else data
    for lineno, raw in enumerate(lines, start=1):
        yield from _documents(raw, lineno, source, plain)


def _documents(raw: bytes, lineno: int, source: str, plain: bool) -> Iterator[Document]:
    """The Document of one line (none for a blank line)."""
    if not raw.strip():
        return
    where = f"{source}#{lineno}"
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        yield _bad(where, f"line {lineno} is not valid JSON: {e}")
        return
    if not isinstance(obj, dict):
        yield _bad(where, f"line {lineno} is not a JSON object")
        return
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str):
        yield Document(
            source=where,
            data=html.encode("utf-8", "surrogatepass"),
            kind="html",
            url=url,
            charset="utf-8",
        )
    elif isinstance(text, str):
        # ``text`` is the article body already (a scraper's output), not a page dump.
        yield Document(
            source=where,
            data=text.encode("utf-8", "surrogatepass"),
            kind="plain",
            url=url,
            charset="utf-8",
            title=_opt_str(obj.get("title")),
            published=_opt_str(obj.get("date")),
        )
    else:
        yield _bad(where, f"line {lineno} has neither an 'html' nor a 'text' string")


def _opt_str(v: object) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def _bad(where: str, message: str) -> Document:
    return Document(source=where, data=b"", error=ErrorRecord(errors.BAD_RECORD, message))
