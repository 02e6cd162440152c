"""The terminal view highlights flag evidence in the text and lists flags with severity."""

from __future__ import annotations

import io

from rich.console import Console

from presstrace.records import Article, Flag
from presstrace.view import FLAG_STYLE, highlighted_text, render_article

TEXT = "A short report.\n\nLorem ipsum dolor sit amet."


def flagged() -> Article:
    start = TEXT.index("Lorem")
    return Article(
        text=TEXT,
        flags=(
            Flag("placeholder_text", start, len(TEXT) - 1, "Lorem ipsum dolor sit amet", "strong"),
            Flag("republished_content", None, None, "credited source: Radio Meridian"),
        ),
    )


def test_flag_spans_are_highlighted() -> None:
    spans = [(s.start, s.end, str(s.style)) for s in highlighted_text(flagged()).spans]
    assert spans == [(TEXT.index("Lorem"), len(TEXT) - 1, FLAG_STYLE)]


def test_flags_table_shows_severity() -> None:
    out = io.StringIO()
    render_article(flagged(), Console(file=out, width=120, highlight=False))
    assert "placeholder_text [strong]" in out.getvalue()
    assert "republished_content [info]" in out.getvalue()
