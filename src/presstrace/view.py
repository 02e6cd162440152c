"""A readable terminal view of one Article (``presstrace show``).

Scraped strings are wrapped in ``rich.text.Text`` so markup in them is never interpreted.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .records import Article

QUOTE_STYLE = "bold cyan"
SPEAKER_STYLE = "bold magenta"
CLAIM_STYLE = "bold yellow"
FLAG_STYLE = "underline red"


def highlighted_text(article: Article) -> Text:
    text = Text(article.text)
    for q in article.quotes:
        text.stylize(QUOTE_STYLE, q.content.start, q.content.end)
        if q.speaker:
            text.stylize(SPEAKER_STYLE, q.speaker.start, q.speaker.end)
    for c in article.claims:
        text.stylize(CLAIM_STYLE, c.start, c.end)
    for f in article.flags:
        if f.start is not None and f.end is not None:
            text.stylize(FLAG_STYLE, f.start, f.end)
    return text


def render_article(article: Article, console: Console) -> None:
    meta = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", article.id),
        ("url", article.url),
        ("published", article.published),
        ("authors", ", ".join(article.authors) or None),
        ("publisher", article.publisher),
        ("language", article.language),
        ("credited source", article.credited_source),
    ):
        if value:
            meta.add_row(Text(label, style="dim"), Text(str(value)))
    header = Group(
        Text(article.title or "(no title)", style="bold"),
        Text(article.subtitle or "", style="italic"),
        meta,
    )
    console.print(Panel(header))
    console.print(highlighted_text(article))
    console.print(
        Text.assemble(
            ("quotes", QUOTE_STYLE),
            "  ",
            ("speakers", SPEAKER_STYLE),
            "  ",
            ("claims", CLAIM_STYLE),
            "  ",
            ("flag evidence", FLAG_STYLE),
            style="dim",
        )
    )
    if article.quotes:
        t = Table("kind", "speaker", "quote", title="Quotes")
        for q in article.quotes:
            t.add_row(q.kind, Text(q.speaker_name or "?"), Text(q.content.text))
        console.print(t)
    if article.claims:
        t = Table("about", "value", "source", "text", title="Claims")
        for c in article.claims:
            value = _value(c.value_low, c.value_high)
            t.add_row(
                Text(c.about),
                Text(f"{c.qualifier or ''} {value}".strip()),
                Text(c.source_name or "?"),
                Text(c.text),
            )
        console.print(t)
    if article.entities:
        t = Table("label", "name", "role", title="Entities")
        seen: set[tuple[str, str]] = set()
        for e in article.entities:
            if (e.label, e.name) in seen:
                continue
            seen.add((e.label, e.name))
            t.add_row(e.label, Text(e.name), Text(e.role or ""))
        console.print(t)
    for title, rows in (
        ("Flags", [(f"{f.code} [{f.severity}]", f.evidence) for f in article.flags]),
        ("Removed", [(r.reason, r.text) for r in article.removed]),
        ("Captions", [(c.credit or "", c.text) for c in article.captions]),
        ("Errors", [(e.code, e.message) for e in article.errors]),
    ):
        if rows:
            t = Table("", "", title=title, show_header=False)
            for a, b in rows:
                t.add_row(Text(a), Text(b))
            console.print(t)


def _value(low: float | None, high: float | None) -> str:
    def fmt(v: float | None) -> str:
        if v is None:
            return "?"
        return str(int(v)) if float(v).is_integer() else f"{v:g}"

    if low == high:
        return fmt(low)
    return f"{fmt(low)}–{fmt(high)}"
