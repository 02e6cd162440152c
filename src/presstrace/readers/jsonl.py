"""JSON Lines input: one article per line, ``{url, html}`` or ``{url, text}``.

Optional keys ``title`` and ``date`` are kept as hints for ``{url, text}`` lines.

A bad line is a Document with an error (source ``file.jsonl#LINE``); the rest of the
file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .. import errors
from ..records import Document, ErrorRecord


def iter_jsonl(data: bytes, source: str, *, plain: bool = False) -> Iterator[Document]:
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{source}#{lineno}"
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield _bad(where, f"line {lineno} is not valid JSON: {e}")
            continue
        if not isinstance(obj, dict):
            yield _bad(where, f"line {lineno} is not a JSON object")
            continue
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
