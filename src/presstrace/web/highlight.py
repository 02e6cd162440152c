"""The article text as HTML with every finding marked where it sits.

Findings point at character offsets of ``Article.text``, and they overlap (a claim
inside a quote, a person inside a claim), so the text is cut at every boundary and
each piece is escaped on its own and wrapped in one ``<span>`` naming every finding
that covers it. Only this module builds markup in Python; every piece of scraped
text goes through ``markupsafe.escape`` (``Markup.format`` escapes its arguments).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..records import Article


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted stretch: CSS classes, a hover note, and an optional anchor id."""

    start: int
    end: int
    classes: tuple[str, ...]
    note: str
    anchor: str | None = None


def _value(low: float | None, high: float | None) -> str:
    def num(v: float) -> str:
        return f"{v:g}"

    if low is None and high is None:
        return "?"
    if high is None or high == low:
        return num(low if low is not None else high)  # type: ignore[arg-type]
    if low is None:
        return f"≤ {num(high)}"
    return f"{num(low)}–{num(high)}"


def claim_value(low: float | None, high: float | None, qualifier: str | None) -> str:
    """A claim's value as a person reads it: ``at least 12``, ``300–400``."""
    value = _value(low, high)
    return f"{qualifier} {value}" if qualifier else value


def marks_of(article: Article) -> list[Mark]:
    """Every finding of the article that has offsets, as marks."""
    marks: list[Mark] = []
    for i, q in enumerate(article.quotes):
        who = q.speaker_name or (q.speaker.text if q.speaker else None) or "unattributed"
        marks.append(
            Mark(
                q.content.start,
                q.content.end,
                ("quote", f"quote-{q.kind}"),
                f"{q.kind} quote, speaker: {who}",
                f"q{i}",
            )
        )
        if q.speaker is not None:
            marks.append(
                Mark(q.speaker.start, q.speaker.end, ("speaker",), f"speaker: {who}", None)
            )
        if q.cue is not None:
            marks.append(Mark(q.cue.start, q.cue.end, ("cue",), f"cue: {q.cue.text}", None))
    for e in article.entities:
        role = f" ({e.role})" if e.role else ""
        label = e.label if e.label.isalnum() else "OTHER"
        marks.append(
            Mark(e.start, e.end, ("entity", f"ent-{label.lower()}"), f"{e.label}: {e.name}{role}")
        )
    for i, c in enumerate(article.claims):
        unit = f" {c.unit}" if c.unit else ""
        note = (
            f"claim: {c.about} = {claim_value(c.value_low, c.value_high, c.qualifier)}{unit}, "
            f"source: {c.source_name or 'unattributed'}"
        )
        marks.append(Mark(c.start, c.end, ("claim",), note, f"c{i}"))
    for i, f in enumerate(article.flags):
        if f.start is not None and f.end is not None:
            marks.append(Mark(f.start, f.end, ("flag",), f"flag {f.code}: {f.evidence}", f"f{i}"))
    return marks


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each stretch covered by marks wrapped in one span.

    Marks outside the text or empty are ignored rather than trusted.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    for m in valid:
        starts[m.start].append(m)
        ends[m.end].append(m)
    bounds = sorted({0, len(text), *starts, *ends})
    active: list[Mark] = []
    out: list[Markup] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m not in ends.get(a, ())] + starts.get(a, [])
        for m in starts.get(a, []):
            if m.anchor:
                out.append(Markup('<span class="anchor" id="{}"></span>').format(m.anchor))
        piece = text[a:b]
        if not active:
            out.append(escape(piece))
            continue
        classes = sorted({c for m in active for c in m.classes})
        note = "\n".join(m.note for m in active)
        out.append(
            Markup('<span class="hl {}" title="{}">{}</span>').format(
                " ".join(classes), note, piece
            )
        )
    return Markup("").join(out)


def highlighted_article(article: Article) -> Markup:
    return highlight(article.text, marks_of(article))


SNIPPET_OPEN = "\ue000"
SNIPPET_CLOSE = "\ue001"


def snippet_html(snippet: str) -> Markup:
    """A search snippet (matches between private-use marks) as escaped text with <mark>s."""
    out: list[Markup] = []
    for i, part in enumerate(snippet.replace(SNIPPET_CLOSE, SNIPPET_OPEN).split(SNIPPET_OPEN)):
        out.append(Markup("<mark>{}</mark>").format(part) if i % 2 else escape(part))
    return Markup("").join(out)
