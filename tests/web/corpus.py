"""A small database for the web tests: two outlets on one story, and a hostile page."""

from __future__ import annotations

from pathlib import Path

from presstrace.records import Article, Caption, Claim, Conflict, Entity, Flag, Quote, Removed, Span
from presstrace.store import Store

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_QUOTE = '"><img src=x onerror=alert(1)></textarea><script>alert(2)</script>'


def ledger() -> Article:
    text = (
        "The dam above Valdora failed on Tuesday, officials said.\n\n"
        "“We are doing everything we can,” said Mayor Elena Garcia. "
        "At least 7 people died, according to the regional government."
    )
    q0 = text.index("We are")
    q1 = text.index(",”")
    sp = text.index("Mayor Elena Garcia")
    cl = text.index("At least 7 people died")
    return Article(
        url="https://ledger.example/valdora-dam",
        title="Dam fails above Valdora",
        authors=("Ruth Ames",),
        publisher="The Northern Ledger",
        published="2026-03-10T09:00:00",
        language="en",
        text=text,
        captions=(Caption("The broken dam wall", "PHOTO: Ledger staff"),),
        removed=(Removed("Read more: other stories", "template"),),
        entities=(Entity(sp + 6, sp + 18, "Elena Garcia", "PERSON", "Elena Garcia", "Mayor"),),
        quotes=(
            Quote(
                "direct",
                Span.of(text, q0, q1),
                Span.of(text, sp - 5, sp - 1),
                Span.of(text, sp, sp + 18),
                "Elena Garcia",
            ),
        ),
        claims=(
            Claim(
                cl,
                cl + 22,
                text[cl : cl + 22],
                "regional government",
                "killed",
                7,
                None,
                "at least",
                "people",
            ),
        ),
    )


def courier() -> Article:
    text = (
        "More than 20 people died in Valdora, the rescue group said, while Elena Garcia, "
        "the town's mayor, said 12 were confirmed dead."
    )
    a = text.index("More than 20 people died")
    b = text.index("12 were confirmed dead")
    eg = text.index("Elena Garcia")
    return Article(
        url="https://courier.example/valdora-toll",
        title="Toll disputed in Valdora",
        authors=("Tom Reyes", "Ruth Ames"),
        publisher="Atlantic Courier",
        published="2026-03-11T12:00:00",
        language="en",
        text=text,
        entities=(
            Entity(eg, eg + 12, "Elena Garcia", "PERSON", "Elena Garcia", "the town's mayor"),
        ),
        quotes=(
            Quote(
                "indirect",
                Span.of(text, b, b + 22),
                None,
                Span.of(text, eg, eg + 12),
                "Elena Garcia",
            ),
        ),
        claims=(
            Claim(
                a,
                a + 24,
                text[a : a + 24],
                "rescue group",
                "killed",
                20,
                None,
                "more than",
                "people",
            ),
            Claim(b, b + 22, text[b : b + 22], "Elena Garcia", "killed", 12, 12, None, "people"),
        ),
        conflicts=(Conflict("killed", (0, 1), ("rescue group", "Elena Garcia")),),
        flags=(Flag("no_byline_source", a, a + 9, "More than", "info"),),
    )


def hostile() -> Article:
    text = f"Intro line. {HOSTILE_QUOTE} said {HOSTILE_TITLE}. Click <a href=x>here</a>."
    q0 = text.index(HOSTILE_QUOTE)
    sp = text.index(HOSTILE_TITLE)
    return Article(
        url="javascript:alert(1)",
        title=HOSTILE_TITLE,
        subtitle='" onmouseover="alert(1)',
        authors=("<b onclick=alert(1)>Evil</b>",),
        publisher="<iframe src=//evil.example>",
        published="2026-03-12",
        language="en",
        text=text,
        captions=(Caption("<svg onload=alert(1)>", "</figcaption><script>x()</script>"),),
        removed=(Removed("<style>body{display:none}</style>", "<i>template</i>"),),
        entities=(
            Entity(
                sp,
                sp + len(HOSTILE_TITLE),
                HOSTILE_TITLE,
                "PERSON",
                HOSTILE_TITLE,
                '"><script>alert(3)</script>',
            ),
        ),
        quotes=(
            Quote(
                "direct",
                Span.of(text, q0, q0 + len(HOSTILE_QUOTE)),
                None,
                Span.of(text, sp, sp + len(HOSTILE_TITLE)),
                HOSTILE_TITLE,
            ),
        ),
        claims=(Claim(0, 5, text[0:5], "<b>src</b>", "<i>about</i>", 1, 2, "<q>", "<u>"),),
        flags=(Flag("<x>", 0, 5, "<img src=x onerror=alert(4)>"),),
    )


# Migration 2 (stories, copies) belongs to the corpus jobs; the same columns are built here
# when missing, so the web can be tested with and without them.
STORY_TABLES = """
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, title TEXT, first TEXT, last TEXT,
    outlets TEXT NOT NULL DEFAULT '[]', size INTEGER NOT NULL, made_by TEXT);
CREATE TABLE IF NOT EXISTS story_articles (story_id TEXT NOT NULL, article_id TEXT NOT NULL,
    position INTEGER NOT NULL, PRIMARY KEY (story_id, article_id));
CREATE TABLE IF NOT EXISTS copies (a TEXT NOT NULL, b TEXT NOT NULL, relation TEXT NOT NULL,
    score REAL NOT NULL, original TEXT, aligned TEXT NOT NULL DEFAULT '[]', made_by TEXT,
    PRIMARY KEY (a, b));
"""


def add_story(store: Store, story_id: str, ids: list[str]) -> None:
    store.conn.execute(
        "INSERT INTO stories (id, title, size) VALUES (?, NULL, ?)", (story_id, len(ids))
    )
    store.conn.executemany(
        "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
        [(story_id, a, i) for i, a in enumerate(ids)],
    )


def add_copy(
    store: Store, a: str, b: str, relation: str, score: float, original: str | None
) -> None:
    store.conn.execute(
        "INSERT INTO copies (a, b, relation, score, original, aligned) "
        "VALUES (?, ?, ?, ?, ?, '[]')",
        (a, b, relation, score, original),
    )


def build_db(path: str | Path, *, with_stories: bool) -> dict[str, str]:
    """Fill a database at ``path``; returns the article ids by name."""
    arts = {"ledger": ledger(), "courier": courier(), "hostile": hostile()}
    with Store(path) as store:
        for a in arts.values():
            store.upsert(a)
        if with_stories:
            store.conn.executescript(STORY_TABLES)
            ids = {k: a.id for k, a in arts.items()}
            add_story(store, "1", [ids["ledger"], ids["courier"], ids["hostile"]])
            add_copy(store, ids["ledger"], ids["courier"], "rewritten", 0.71, ids["ledger"])
            add_copy(store, ids["hostile"], ids["courier"], "<script>", 0.5, None)
            add_copy(store, ids["ledger"], ids["hostile"], "unrelated", 0.1, None)
    return {k: a.id for k, a in arts.items()}
