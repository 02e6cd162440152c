"""Plain records and row-to-dict helpers shared by both database backends."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from ..records import Fingerprint

# A database row: ``sqlite3.Row`` or the PostgreSQL backend's row, both readable by
# column name and by position.
Row = Any


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def site_of(url: str | None) -> str | None:
    """The site (host without ``www.``) an article URL belongs to."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    url: str | None
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One stored quote with its article, for listings by speaker."""

    article_id: str
    title: str | None
    url: str | None
    kind: str
    content: str
    cue: str | None
    speaker: str | None
    speaker_name: str | None


@dataclass(frozen=True)
class CorpusRow:
    """What the corpus jobs read per article."""

    id: str
    text: str
    title: str | None
    published: str | None
    site: str | None
    publisher: str | None
    language: str | None
    credited_source: str | None
    fingerprint: Fingerprint | None


@dataclass(frozen=True)
class CopyLink:
    """Article ``b`` relates to article ``a``; ``original`` is an article id or None."""

    a: str
    b: str
    relation: str
    score: float
    original: str | None
    aligned: list[dict[str, dict[str, int]]]


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str | None
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    articles: tuple[str, ...]


def fts_query(query: str) -> str:
    """Turn free text into a safe FTS5 query: every word a quoted phrase, ANDed."""
    # NUL ends the query string inside SQLite's FTS5 parser, leaving a quote open.
    words = [w for w in query.replace('"', " ").replace("\x00", " ").split() if w]
    return " ".join(f'"{w}"' for w in words)


_SUMMARY_COLUMNS = (
    "SELECT a.id, a.title, a.url, a.site, a.publisher, a.published, a.language, a.authors, "
    "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes, "
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS n_claims, "
    "(SELECT count(*) FROM flags f WHERE f.article_id = a.id) AS n_flags"
)
_SUMMARY = _SUMMARY_COLUMNS + " FROM articles a "


def _summary(r: Row) -> dict[str, Any]:
    return {
        "id": r["id"],
        "title": r["title"],
        "url": r["url"],
        "site": r["site"],
        "publisher": r["publisher"],
        "published": r["published"],
        "language": r["language"],
        "authors": json.loads(r["authors"]),
        "quotes_count": r["n_quotes"],
        "claims_count": r["n_claims"],
        "flags_count": r["n_flags"],
    }


def _article_ref(r: Row) -> dict[str, Any]:
    return {
        "id": r["article_id"],
        "title": r["title"],
        "url": r["url"],
        "site": r["site"],
        "published": r["published"],
    }


def _opt_span(r: Row, name: str) -> dict[str, Any] | None:
    if r[f"{name}_start"] is None:
        return None
    return {"start": r[f"{name}_start"], "end": r[f"{name}_end"], "text": r[name]}


def _quote(r: Row) -> dict[str, Any]:
    return {
        "idx": r["idx"],
        "kind": r["kind"],
        "content": {"start": r["content_start"], "end": r["content_end"], "text": r["content"]},
        "cue": _opt_span(r, "cue"),
        "speaker": _opt_span(r, "speaker"),
        "speaker_name": r["speaker_name"],
        "stage": r["stage"],
        "article": _article_ref(r),
    }


def _claim(r: Row) -> dict[str, Any]:
    return {
        "idx": r["idx"],
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "source_name": r["source_name"],
        "about": r["about"],
        "value_low": r["value_low"],
        "value_high": r["value_high"],
        "qualifier": r["qualifier"],
        "unit": r["unit"],
        "stage": r["stage"],
        "article": _article_ref(r),
    }


def _where(in_values: str, *conditions: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause from fixed SQL fragments whose value is not None (values bound).

    A fragment without ``?`` names a column that must be one of a list of values, bound
    as one JSON array through ``in_values`` (the backend's "values of a JSON array" query).
    """
    parts: list[str] = []
    params: list[Any] = []
    for fragment, value in conditions:
        if value is None:
            continue
        if "?" in fragment:
            parts.append(fragment)
            params.append(value)
        else:
            parts.append(f"{fragment} IN ({in_values})")
            params.append(json.dumps(list(value)))
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _original_side(original: Any, a: str, b: str) -> Literal["a", "b"] | None:
    """Which side of a copies row is the original: stored as "a"/"b" or as an article id."""
    if original in ("a", a):
        return "a"
    if original in ("b", b):
        return "b"
    return None
