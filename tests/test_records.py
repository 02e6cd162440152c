from __future__ import annotations

import json

from presstrace.records import (
    RECORD_KEYS,
    Article,
    Caption,
    Claim,
    Conflict,
    Entity,
    ErrorRecord,
    Flag,
    Quote,
    Removed,
    Span,
    article_id,
    canonical_url,
)

DESIGN_KEYS = {
    "input",
    "url",
    "title",
    "subtitle",
    "authors",
    "publisher",
    "published",
    "language",
    "text",
    "credited_source",
    "captions",
    "removed",
    "entities",
    "quotes",
    "claims",
    "conflicts",
    "flags",
    "errors",
}


def full_article() -> Article:
    text = "“We will rebuild,” said Mayor Ana Ruiz. At least 12 people died."
    return Article(
        input="page.html",
        url="https://news.example/a?utm_source=x",
        title="Flood",
        subtitle="Sub",
        authors=("Jane Doe",),
        publisher="News Example",
        published="2026-03-01",
        language="en",
        text=text,
        credited_source="CPA",
        captions=(Caption("The river", "PHOTO: X / Y"),),
        removed=(Removed("Related Posts", "template"),),
        entities=(Entity(24, 37, text[24:37], "PERSON", "Ana Ruiz", "Mayor"),),
        quotes=(
            Quote(
                "direct",
                Span.of(text, 1, 16),
                Span.of(text, 18, 22),
                Span.of(text, 23, 37),
                "Ana Ruiz",
            ),
        ),
        claims=(Claim(39, 63, text[39:63], None, "killed", 12.0, None, "at least", "people"),),
        conflicts=(Conflict("killed", (0,), ("A", "B")),),
        flags=(Flag("placeholder_text", None, None, "Lorem ipsum"),),
        errors=(ErrorRecord("x", "y"),),
    )


def test_every_design_key_present_even_when_empty() -> None:
    d = Article().to_dict()
    assert DESIGN_KEYS <= set(d)
    assert set(RECORD_KEYS) == set(d)
    for key in (
        "authors",
        "captions",
        "removed",
        "entities",
        "quotes",
        "claims",
        "conflicts",
        "flags",
        "errors",
    ):
        assert d[key] == []


def test_json_round_trip_keeps_everything() -> None:
    a = full_article()
    again = Article.from_dict(json.loads(a.to_json()))
    assert again == a
    assert again.to_dict() == a.to_dict()


def test_nested_shapes_match_design() -> None:
    d = full_article().to_dict()
    q = d["quotes"][0]
    assert set(q) == {"kind", "content", "cue", "speaker", "speaker_name"}
    assert set(q["content"]) == {"start", "end", "text"}
    assert set(d["claims"][0]) == {
        "start",
        "end",
        "text",
        "source_name",
        "about",
        "value_low",
        "value_high",
        "qualifier",
        "unit",
    }
    assert set(d["entities"][0]) == {"start", "end", "text", "label", "name", "role"}
    assert {"code", "start", "end", "evidence"} <= set(d["flags"][0])
    assert d["captions"][0] == {"text": "The river", "credit": "PHOTO: X / Y"}


def test_span_of_takes_text_from_offsets() -> None:
    s = Span.of("hello world", 6, 11)
    assert s.text == "world"


def test_ids_are_stable_and_url_canonical() -> None:
    a = article_id("https://News.Example/a?utm_source=x#top", "t")
    b = article_id("https://news.example/a", "different text")
    assert a == b
    assert article_id(None, "same") == article_id(None, "same")
    assert article_id(None, "same") != article_id(None, "other")
    assert canonical_url("HTTP://X.example") == "http://x.example/"


def test_records_are_frozen() -> None:
    import dataclasses

    import pytest

    with pytest.raises(dataclasses.FrozenInstanceError):
        full_article().title = "x"  # type: ignore[misc]
