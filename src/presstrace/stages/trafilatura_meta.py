"""trafilatura's metadata step, without the parts presstrace never reads.

``bare_extraction(with_metadata=True)`` runs ``trafilatura.metadata.extract_metadata``,
which after the title, author, URL, date and site name also collects categories, tags
and a licence: two more scans of the whole tree that cost a third of the metadata step
and half again the time of our own page reading (AEB pages: 0.24 of 0.45 CPU-s), for
fields we drop. This runs the same public functions in the same order for the five
fields we use, so the values are the ones ``extract_metadata`` gives (tested), and the
body is extracted with ``with_metadata=False``. Its whole-tree author scan runs only
when the sources we trust more name nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import set_date_params
from trafilatura.utils import line_processing

# trafilatura.metadata.META_URL: a site name from the URL's host when none is declared
_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")


@dataclass(frozen=True)
class TrafMeta:
    title: str | None = None
    author: str | None = None
    url: str | None = None
    date: str | None = None
    sitename: str | None = None


def read(tree: HtmlElement, url: str | None) -> TrafMeta:
    """Title, declared author, URL, publication date (htmldate) and site name, as
    trafilatura's ``extract_metadata`` finds them. An author the page does not declare
    is :func:`scanned_author`'s job, asked only when our earlier sources name nobody."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
        pass  # malformed JSON-LD: trafilatura skips it the same way
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.url:
        meta.url = extract_url(tree, url)
    date_config: dict[str, Any] = {**set_date_params(True), "url": meta.url}
    meta.date = find_date(tree, **date_config)
    if not meta.sitename:
        meta.sitename = extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (m := _HOST.match(meta.url)):
        meta.sitename = m[1]
    meta.clean_and_trim()
    return TrafMeta(meta.title, meta.author, meta.url, meta.date, meta.sitename)


def scanned_author(tree: HtmlElement) -> str | None:
    """trafilatura's author from the page's byline markup, for a page whose metadata names
    none (a scan of the whole tree: 0.4 CPU-s over the AEB pages when asked of every one)."""
    author = extract_author(tree)
    if not author:
        return None
    if len(author) > 10000:  # Document.clean_and_trim, as for the other fields
        author = author[:9999] + "…"
    return line_processing(unescape(author))
