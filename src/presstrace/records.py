"""The records presstrace produces: frozen, slotted dataclasses.

Everything found in an article points into ``Article.text`` by character offsets
(Python ``str`` indices), so it can be highlighted and can never drift from the text.
``Article.to_dict`` produces exactly the JSON record of DESIGN.md (every key present).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Self

QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build a span from offsets, taking its text from ``text`` so they cannot disagree."""
        return cls(start, end, text[start:end])

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@dataclass(frozen=True, slots=True)
class Removed:
    """A block taken out of the body, with why (author_bio, template, placeholder, ...)."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    name: str
    role: str | None = None
    place_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "name": self.name,
            "role": self.role,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_name": self.speaker_name,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str
    source_name: str | None
    about: str
    value_low: float | None
    value_high: float | None
    qualifier: str | None = None
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source_name": self.source_name,
            "about": self.about,
            "value_low": self.value_low,
            "value_high": self.value_high,
            "qualifier": self.qualifier,
            "unit": self.unit,
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    about: str
    claims: tuple[int, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"about": self.about, "claims": list(self.claims), "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class Flag:
    """Evidence that something in the page looks like a content farm. Never a verdict."""

    code: str
    start: int | None
    end: int | None
    evidence: str
    severity: str = "info"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "severity": self.severity,
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What copy detection needs per article (filled by the fingerprint stage)."""

    minhash: tuple[int, ...]
    anchors: tuple[str, ...]
    language: str | None


def article_id(url: str | None, text: str, source: str | None = None) -> str:
    """Stable id: a hash of the canonical URL, else of the content (and source name)."""
    if url:
        key = "url:" + canonical_url(url)
    else:
        key = "text:" + text if text else "input:" + (source or "")
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop fragment and common tracking parameters."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(("utm_", "fbclid", "gclid", "mc_"))
    ]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


@dataclass(frozen=True, slots=True)
class Article:
    """One news article and everything presstrace found in it."""

    input: str | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    language: str | None = None
    text: str = ""
    credited_source: str | None = None
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    flags: tuple[Flag, ...] = ()
    errors: tuple[ErrorRecord, ...] = ()
    crawled: str | None = None
    fingerprint: Fingerprint | None = field(default=None, compare=False)

    @property
    def id(self) -> str:
        return article_id(self.url, self.text, self.input)

    def evolve(self, **changes: Any) -> Self:
        """A copy with some fields changed (records are frozen)."""
        return replace(self, **changes)

    def with_error(self, code: str, message: str) -> Self:
        return replace(self, errors=(*self.errors, ErrorRecord(code, message)))

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of DESIGN.md, every key present, plus ``id`` and ``crawled``."""
        return {
            "id": self.id,
            "input": self.input,
            "url": self.url,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "published": self.published,
            "crawled": self.crawled,
            "language": self.language,
            "text": self.text,
            "credited_source": self.credited_source,
            "captions": [c.to_dict() for c in self.captions],
            "removed": [r.to_dict() for r in self.removed],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "flags": [f.to_dict() for f in self.flags],
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Inverse of ``to_dict`` (``id`` is derived, so it is ignored)."""

        def opt_span(v: Any) -> Span | None:
            return Span.from_dict(v) if v else None

        return cls(
            input=d.get("input"),
            url=d.get("url"),
            title=d.get("title"),
            subtitle=d.get("subtitle"),
            authors=tuple(d.get("authors") or ()),
            publisher=d.get("publisher"),
            published=d.get("published"),
            crawled=d.get("crawled"),
            language=d.get("language"),
            text=d.get("text") or "",
            credited_source=d.get("credited_source"),
            captions=tuple(Caption(c["text"], c.get("credit")) for c in d.get("captions") or ()),
            removed=tuple(Removed(r["text"], r["reason"]) for r in d.get("removed") or ()),
            entities=tuple(
                Entity(e["start"], e["end"], e["text"], e["label"], e["name"], e.get("role"))
                for e in d.get("entities") or ()
            ),
            quotes=tuple(
                Quote(
                    q["kind"],
                    Span.from_dict(q["content"]),
                    opt_span(q.get("cue")),
                    opt_span(q.get("speaker")),
                    q.get("speaker_name"),
                )
                for q in d.get("quotes") or ()
            ),
            claims=tuple(
                Claim(
                    c["start"],
                    c["end"],
                    c["text"],
                    c.get("source_name"),
                    c["about"],
                    c.get("value_low"),
                    c.get("value_high"),
                    c.get("qualifier"),
                    c.get("unit"),
                )
                for c in d.get("claims") or ()
            ),
            conflicts=tuple(
                Conflict(c["about"], tuple(c["claims"]), tuple(c["sources"]))
                for c in d.get("conflicts") or ()
            ),
            flags=tuple(
                Flag(
                    f["code"],
                    f.get("start"),
                    f.get("end"),
                    f["evidence"],
                    f.get("severity", "info"),
                )
                for f in d.get("flags") or ()
            ),
            errors=tuple(ErrorRecord(e["code"], e["message"]) for e in d.get("errors") or ()),
        )


RECORD_KEYS = tuple(Article().to_dict().keys())


DocumentKind = Literal["html", "text", "plain"]


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader yields: one input's raw bytes and what is known about them.

    ``error`` is set when the reader could not get the bytes at all (missing file,
    truncated WARC record); the pipeline turns it into an Article with that error.
    """

    source: str
    data: bytes
    kind: DocumentKind = "html"
    url: str | None = None
    crawled: str | None = None
    charset: str | None = None
    error: ErrorRecord | None = None
    title: str | None = None
    published: str | None = None
