from __future__ import annotations

from presstrace.web.highlight import Mark, claim_value, highlight, marks_of, snippet_html
from tests.web.corpus import courier


def test_text_outside_marks_is_escaped_and_unchanged() -> None:
    assert str(highlight("a < b & c", [])) == "a &lt; b &amp; c"


def test_overlapping_marks_split_into_pieces_covering_the_same_text() -> None:
    text = "one two three"
    html = str(
        highlight(
            text,
            [Mark(0, 7, ("quote",), "q", "q0"), Mark(4, 13, ("claim",), "c")],
        )
    )
    assert html == (
        '<span class="anchor" id="q0"></span>'
        '<span class="hl quote" title="q">one </span>'
        '<span class="hl claim quote" title="q\nc">two</span>'
        '<span class="hl claim" title="c"> three</span>'
    )


def test_marks_outside_the_text_or_empty_are_ignored() -> None:
    html = str(highlight("abc", [Mark(2, 9, ("x",), "n"), Mark(1, 1, ("y",), "n")]))
    assert html == "abc"


def test_notes_and_text_cannot_break_out_of_the_span() -> None:
    html = str(highlight('<b>"x"</b>', [Mark(0, 10, ("quote",), '" onmouseover="x')]))
    assert html == (
        '<span class="hl quote" title="&#34; onmouseover=&#34;x">'
        "&lt;b&gt;&#34;x&#34;&lt;/b&gt;</span>"
    )


def test_marks_of_article_name_speaker_and_source() -> None:
    a = courier()
    notes = {m.note for m in marks_of(a)}
    assert "indirect quote, speaker: Elena Garcia" in notes
    assert "claim: killed = more than 20 people, source: rescue group" in notes
    assert "flag no_byline_source: More than" in notes
    for m in marks_of(a):
        assert 0 <= m.start < m.end <= len(a.text)


def test_claim_values_read_naturally() -> None:
    assert claim_value(12.0, None, "at least") == "at least 12"
    assert claim_value(300, 400, None) == "300–400"
    assert claim_value(12, 12, None) == "12"
    assert claim_value(None, 5, None) == "≤ 5"
    assert claim_value(None, None, None) == "?"


def test_snippet_marks_matches_and_escapes_the_rest() -> None:
    assert str(snippet_html("<i>\ue000dam\ue001</i>")) == "&lt;i&gt;<mark>dam</mark>&lt;/i&gt;"
