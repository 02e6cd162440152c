"""A second extractor's body, used to recover what trafilatura dropped.

trafilatura is precise but drops paragraphs inside the article (list items, sections
split by widgets, text in unusual containers). resiliparse's main-content extraction
is about twenty times faster and keeps more. On the WCXB dev articles, an oracle
choosing the better of the two reaches word F1 0.957 against 0.940 for trafilatura,
so the two are merged paragraph by paragraph:

- a sentence-like resiliparse paragraph of at least ``MIN_WORDS`` words whose word trigrams are
  (almost) all new to trafilatura's text, lying between the first and last paragraphs
  both extractors kept, is inserted after the trafilatura paragraph it follows;
- a subheading or list item of the page (``marked_up_lines``) next to a paragraph both
  kept is inserted the same way, sentence or not: trafilatura drops some pages' headings
  and list items wholesale (WCXB dev: +0.0005 word F1);
- when resiliparse finds more than ``TAKE_OVER`` times as many words as trafilatura and
  most of them lie outside the span both kept (trafilatura stopped at a widget and lost
  the rest of the piece) or the two share no span at all, its text is taken whole. A
  larger resiliparse text that only adds inside the shared span is newsletter boxes,
  author cards and related links around a complete article, not a lost article (WCXB
  dev: four pages lost 0.2-0.3 word F1 each to such a take-over).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

MIN_WORDS = 5
NEW_SHARE = 0.2
KNOWN_SHARE = 0.5
TAKE_OVER = 2.0

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
_STAMP = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b")
_STAMP_WORDS = 15

Trigram = tuple[str, str, str]


def resiliparse_text(raw: str) -> str:
    """The main content of ``raw`` as resiliparse sees it, one paragraph per line."""
    return extract_plain_text(
        HTMLTree.parse(raw),
        main_content=True,
        preserve_formatting=True,
        list_bullets=False,
        alt_texts=False,
        links=False,
        form_fields=False,
        noscript=False,
        comments=False,
    )


def _trigrams(words: list[str]) -> list[Trigram]:
    if len(words) < 3:
        words = words + [""] * (3 - len(words))
    return [(words[i], words[i + 1], words[i + 2]) for i in range(len(words) - 2)]


def worth_adding(line: str, n_words: int) -> bool:
    """A sentence-like paragraph, not a short date/time stamp line."""
    if n_words < MIN_WORDS or not _SENTENCE_END.search(line):
        return False
    return n_words > _STAMP_WORDS or not _STAMP.search(line)


def merge(
    primary: list[str],
    other: str,
    skip: Callable[[str], bool] = lambda _: False,
    marked_up: Callable[[str], str | None] = lambda _: None,
) -> list[str]:
    """``primary`` paragraphs with the paragraphs only ``other`` found, in page order.

    ``skip`` rejects paragraphs the caller knows are not body (captions, bylines).
    ``marked_up`` names a line the page marks up as a ``"heading"`` or an ``"item"``: a
    subheading right before a paragraph both kept, or a list item right next to one (the
    first or last of its list), is added, sentence or not. A heading followed by text
    only resiliparse kept heads a call-to-action box ("Get our newsletter"), not a section.
    """
    if not primary:
        return [ln.strip() for ln in other.split("\n") if ln.strip()]
    where: dict[Trigram, int] = {}
    primary_words = 0
    for i, line in enumerate(primary):
        words = _WORD.findall(line.lower())
        primary_words += len(words)
        for g in _trigrams(words):
            where.setdefault(g, i)
    marked: list[tuple[str, int, float, int]] = []  # line, words, share known, anchor
    other_words = 0
    for line in (ln.strip() for ln in other.split("\n")):
        words = _WORD.findall(line.lower())
        if not words:
            continue
        other_words += len(words)
        grams = _trigrams(words)
        hits = [where[g] for g in grams if g in where]
        marked.append((line, len(words), len(hits) / len(grams), max(hits, default=-1)))
    known = [i for i, m in enumerate(marked) if m[2] >= KNOWN_SHARE]
    if other_words > TAKE_OVER * primary_words:
        outside = sum(m[1] for m in marked[: known[0]] + marked[known[-1] + 1 :]) if known else 0
        if len(known) < 2 or outside > primary_words:
            return [m[0] for m in marked]
    if len(known) < 2:
        return primary
    inserts: dict[int, list[str]] = {}
    anchor = marked[known[0]][3]
    for i in range(known[0], known[-1]):
        line, n_words, share, last_hit = marked[i]
        if share >= KNOWN_SHARE:
            anchor = max(anchor, last_hit)
            continue
        kind = marked_up(line)
        before_known = marked[i + 1][2] >= KNOWN_SHARE
        beside_known = before_known or marked[i - 1][2] >= KNOWN_SHARE
        wanted = worth_adding(line, n_words) or (
            (kind == "heading" and before_known) or (kind == "item" and beside_known)
        )
        if share <= NEW_SHARE and wanted and not skip(line):
            inserts.setdefault(anchor, []).append(line)
    if not inserts:
        return primary
    out: list[str] = []
    for i, line in enumerate(primary):
        out.append(line)
        out.extend(inserts.get(i, ()))
    return out


# containers whose class or id says they hold page furniture, not the article
_FURNITURE = re.compile(
    r"cta|newsletter|promo|sign-?up|subscri|related|sidebar|widget|banner|footer|\bnav|menu"
    r"|share|social|author|comment|breadcrumb|\btoc\b|table-of-contents|recommend|popular"
    r"|trending|advert|\bads?\b|modal|popup",
    re.IGNORECASE,
)


_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "header", "form"})
_MARKED_UP = {"h2": "heading", "h3": "heading", "h4": "heading", "li": "item"}


def marked_up_lines(tree: Any) -> dict[str, str]:
    """The texts of the page's subheadings (``"heading"``) and list items (``"item"``),
    whitespace collapsed as resiliparse prints them, outside containers named as page
    furniture (newsletter boxes, sidebars, menus, related links)."""
    out: dict[str, str] = {}
    stack = [tree]
    while stack:
        for el in stack.pop():
            tag = el.tag
            if not isinstance(tag, str) or tag in _FURNITURE_TAGS:
                continue
            label = el.get("class") or el.get("id")
            if label and _FURNITURE.search(f"{el.get('class', '')} {el.get('id', '')}"):
                continue
            kind = _MARKED_UP.get(tag)
            if kind:
                text = " ".join(el.text_content().split())
                if text:
                    out.setdefault(text, kind)
            stack.append(el)
    return out


def trigram_set(text: str) -> set[Trigram]:
    return set(_trigrams(_WORD.findall(text.lower())))
