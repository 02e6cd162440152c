"""The invariants every Article must satisfy, whatever the input."""

from __future__ import annotations

import json

from presstrace.records import Article


def spans_of(article: Article) -> list[tuple[str, int, int, str]]:
    """Every (what, start, end, text) span in the article that points into ``text``."""
    out: list[tuple[str, int, int, str]] = []
    for e in article.entities:
        out.append(("entity", e.start, e.end, e.text))
    for q in article.quotes:
        for name, span in (("content", q.content), ("cue", q.cue), ("speaker", q.speaker)):
            if span is not None:
                out.append((f"quote.{name}", span.start, span.end, span.text))
    for c in article.claims:
        out.append(("claim", c.start, c.end, c.text))
    for f in article.flags:
        if f.start is not None or f.end is not None:
            assert f.start is not None and f.end is not None, f
            out.append(("flag", f.start, f.end, article.text[f.start : f.end]))
    return out


def check_article(article: Article) -> None:
    """Offsets inside text, span texts equal to the slices, JSON round-trips."""
    text = article.text
    for what, start, end, span_text in spans_of(article):
        assert 0 <= start <= end <= len(text), (what, start, end, len(text))
        assert text[start:end] == span_text, (what, start, end)
    for c in article.conflicts:
        assert all(0 <= i < len(article.claims) for i in c.claims), c
    encoded = article.to_json()
    again = Article.from_dict(json.loads(encoded))
    assert again.to_dict() == article.to_dict()
