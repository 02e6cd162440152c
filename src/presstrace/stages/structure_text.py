"""Structure from a page's saved text (no markup): one block per line.

The page is read top to bottom in three zones. The head holds notices, wire header
fields, the title (counted once when repeated), bylines, captions (a line repeated with
a photo credit), dates and the subtitle. The body runs from the first paragraph to the
end, keeping short title-case subheadings as paragraphs. Anywhere, blocks that are page
furniture (templates and the link lists under them, filler, notices, footers, author
self-descriptions, credit lines) go to ``removed`` with their reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Article, Caption, Removed
from ..resources import Resources
from . import boilerplate as bp
from . import bylines, credits
from .language import detect_language

_HEADER_FIELD = re.compile(r"^(?P<key>[A-Z][A-Z /]{1,24}):\s*(?P<value>\S.*)$")
_DATE_KEYS = {"FILED", "DATE", "PUBLISHED", "UPDATED", "FECHA", "DATUM", "DATA", "DATE LINE"}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "january jan enero janvier januar gennaio janeiro",
            "february feb febrero février februar febbraio fevereiro",
            "march mar marzo mars märz março",
            "april apr abril avril aprile",
            "may mayo mai maggio maio",
            "june jun junio juin juni giugno junho",
            "july jul julio juillet juli luglio julho",
            "august aug agosto août",
            "september sep sept septiembre septembre settembre setembro",
            "october oct octubre octobre oktober ottobre outubro",
            "november nov noviembre novembre novembro",
            "december dec diciembre décembre dezember dicembre dezembro",
        ]
    )
    for m in names.split()
}
_TEXT_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<m1>[A-Za-zéûäç]{3,10})\.?,?\s+(?:de\s+)?(?P<y1>\d{4})"
    r"|(?P<m2>[A-Za-zéûäç]{3,10})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))\b"
)
_WRAP_MIN, _WRAP_MAX = 45, 100
BREAK_COST = 60
LONG_LINE = 15  # words: a line this long is content even without a closing stop
_URL_OR_STAMP = re.compile(
    r"^(?:https?://\S+|www\.\S+|\d+|\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]+)?)$", re.IGNORECASE
)
_ONE_WORD_LOWER = re.compile(r"^[a-z][a-z\-]*$")


@dataclass
class _Page:
    """What the reader has found so far."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    credited_source: str | None = None
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    # body indices right after a template heading ("Related Posts", "More from ..."):
    # the article rarely runs on past one, so the prose run pays to cross it
    breaks: set[int] = field(default_factory=set)

    def add_authors(self, names: list[str]) -> None:
        self.authors.extend(n for n in names if n not in self.authors)

    def credit(self, source: str) -> None:
        if self.credited_source is None:
            self.credited_source = source


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) written in a short line, else None."""
    m = _ISO_DATE.search(text)
    if m:
        return m.group(0)
    m = _TEXT_DATE.search(text)
    if not m:
        return None
    day, month, year = (
        (m.group("d1"), m.group("m1"), m.group("y1"))
        if m.group("d1")
        else (m.group("d2"), m.group("m2"), m.group("y2"))
    )
    num = _MONTHS.get(month.lower().rstrip("."))
    if num is None or not 1 <= int(day) <= 31:
        return None
    return f"{int(year):04d}-{num:02d}-{int(day):02d}"


def _unwrap(group: list[str]) -> list[str]:
    """Join a hard-wrapped paragraph (many similar-length lines, no sentence ends)."""
    if len(group) < 3:
        return group
    wrapped = [ln for ln in group[:-1] if _WRAP_MIN <= len(ln) <= _WRAP_MAX]
    open_ends = [ln for ln in group[:-1] if not bp.is_sentence(ln)]
    if len(wrapped) >= 0.8 * (len(group) - 1) and len(open_ends) >= 0.5 * (len(group) - 1):
        return [" ".join(group)]
    return group


def blocks(raw: str) -> list[str]:
    """One block per non-empty line, hard-wrapped paragraphs joined."""
    out: list[str] = []
    group: list[str] = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if line:
            group.append(line)
            continue
        out.extend(_unwrap(group))
        group = []
    out.extend(_unwrap(group))
    return out


def _same(a: str, b: str) -> bool:
    return bp.phrase_key(a) == bp.phrase_key(b)


def _caption_pair(
    line: str, nxt: str | None, clex: credits.CreditLexicon
) -> tuple[Caption, int] | None:
    """A caption line followed by itself plus a credit, or one line ending with a credit."""
    if nxt is not None and nxt.startswith(line) and len(nxt) > len(line):
        rest = nxt[len(line) :]
        if credits.is_credit_suffix(rest, clex):
            return Caption(line, rest.strip()), 2
    if nxt is not None and _same(line, nxt):
        return None
    if bp.word_count(line) <= 60:
        text, credit = credits.split_photo_credit(line, clex)
        if credit and "|" in credit and not bp.is_sentence(credit):
            return Caption(text, credit), 1
    return None


def _header(blocks_: list[str], page: _Page, lex: bp.Lexicon) -> int:
    """Skip notices, menus and wire header fields at the top; return the next index."""
    i = 0
    while i < len(blocks_):
        b = blocks_[i]
        reason = bp.classify(b, lex)
        field_ = _HEADER_FIELD.match(b)
        nxt = blocks_[i + 1] if i + 1 < len(blocks_) else ""
        if reason is not None:
            page.removed.append(Removed(b, reason))
        elif field_:
            if field_.group("key").strip() in _DATE_KEYS and page.published is None:
                page.published = parse_date(field_.group("value"))
            page.removed.append(Removed(b, bp.HEADER))
        elif b.isupper() and (_HEADER_FIELD.match(nxt) or "--" in b or "|" in b):
            page.removed.append(Removed(b, bp.HEADER))
        else:
            return i
        i += 1
    return i


def _top(blocks_: list[str], i: int, page: _Page, resources: Resources) -> int:
    """Title, then bylines, captions, dates and the subtitle; return the first body index."""
    lex, clex, blex = (
        bp.lexicon(resources),
        credits.lexicon(resources),
        bylines.lexicon(resources),
    )
    if i < len(blocks_) and len(blocks_[i]) <= 300 and not bp.classify(blocks_[i], lex):
        page.title = blocks_[i]
        i += 1
        while i < len(blocks_) and _same(blocks_[i], page.title):
            page.removed.append(Removed(blocks_[i], bp.DUPLICATE_TITLE))
            i += 1
    while i < len(blocks_):
        b = blocks_[i]
        nxt = blocks_[i + 1] if i + 1 < len(blocks_) else None
        names = bylines.byline_line(b, blex)
        cap = _caption_pair(b, nxt, clex)
        reason = bp.classify(b, lex)
        if names:
            page.add_authors(names)
            page.removed.append(Removed(b, bp.BYLINE))
        elif cap is not None:
            page.captions.append(cap[0])
            i += cap[1]
            continue
        elif reason is not None:
            page.removed.append(Removed(b, reason))
        elif bp.word_count(b) <= 8 and parse_date(b):
            page.published = page.published or parse_date(b)
            page.removed.append(Removed(b, "date"))
        elif (
            page.subtitle is None
            and nxt is not None
            and bp.word_count(b) <= 40
            and not b.rstrip().endswith(".")
            and bp.word_count(nxt) > bp.word_count(b)
        ):
            page.subtitle = b
        else:
            return i
        i += 1
    return i


def _body(blocks_: list[str], i: int, page: _Page, resources: Resources) -> None:
    lex, clex, blex = (
        bp.lexicon(resources),
        credits.lexicon(resources),
        bylines.lexicon(resources),
    )
    in_list = tail = False
    for j in range(i, len(blocks_)):
        b = blocks_[j]
        nxt = blocks_[j + 1] if j + 1 < len(blocks_) else None
        reason = bp.classify(b, lex)
        if reason is not None:
            page.removed.append(Removed(b, reason))
            in_list = reason in (bp.TEMPLATE, bp.NAVIGATION)
            tail = tail or reason == bp.TEMPLATE
            if reason == bp.TEMPLATE:
                page.breaks.add(len(page.body))
            continue
        if in_list and bp.is_link_line(b):
            page.removed.append(Removed(b, bp.TEMPLATE))
            continue
        in_list = False
        # a third-person bio ("Jane Roe is a writer ...") only in the page's tail, where
        # author boxes sit; in the body such a sentence is more likely about the subject
        tail = tail or j >= len(blocks_) - 4
        bio = bylines.author_bio(b, blex, first_person_only=not tail)
        source = credits.credit_line(b, clex)
        names = bylines.byline_line(b, blex)
        if bio is not None:
            page.add_authors([bio[0]])
            page.publisher = page.publisher or bio[1]
            page.removed.append(Removed(b, bp.AUTHOR_BIO))
        elif source is not None:
            page.credit(source)
            page.removed.append(Removed(b, bp.CREDIT))
            tail = True
        elif names and not page.body:
            page.add_authors(names)
            page.removed.append(Removed(b, bp.BYLINE))
        elif b.startswith("(") and b.endswith(")") and bylines.strip_lead(b[1:-1], blex):
            page.add_authors(bylines.people(b[1:-1].split(";")[0], blex))
            page.removed.append(Removed(b, bp.BYLINE))
        elif (cap := _caption_pair(b, nxt, clex)) is not None and cap[1] == 2:
            page.captions.append(cap[0])
        elif page.captions and any(b == f"{c.text} {c.credit}" for c in page.captions):
            continue
        else:
            page.body.append(b)


def _weight(block: str) -> int:
    """Positive for a paragraph of prose, negative for a menu item or link line.

    A long line without a closing stop (a recipe line, a list item with details) is
    still content, at half weight; menu and teaser lines are short.
    """
    words = bp.word_count(block)
    if words >= 5 and bp.is_sentence(block):
        return words
    if words >= LONG_LINE:
        return words // 2
    return -max(6, words)


def comment_marker(resources: Resources) -> re.Pattern[str]:
    pattern = resources.memo.get("structure_text.comments")
    if pattern is None:
        words = sorted(resources.data_lines("comment_markers.txt"), key=len, reverse=True)
        alts = "|".join(re.escape(w) for w in words)
        pattern = re.compile(rf"^\S.{{0,60}}?\s(?:{alts})\s?:$", re.IGNORECASE)
        resources.memo["structure_text.comments"] = pattern
    return pattern


def comments_start(body: list[str], resources: Resources) -> int:
    """Where reader comments begin: the first of at least two "name says:" headers."""
    marker = comment_marker(resources)
    heads = [k for k, b in enumerate(body) if bp.word_count(b) <= 10 and marker.match(b)]
    return heads[0] if len(heads) >= 2 else len(body)


def is_debris(block: str) -> bool:
    """A line no article is written in: a bare URL, number or timestamp, a share button."""
    return bool(_URL_OR_STAMP.match(block) or _ONE_WORD_LOWER.match(block))


def main_run(body: list[str], breaks: frozenset[int] | set[int] = frozenset()) -> tuple[int, int]:
    """[start, end) of the densest run of prose (maximum-sum run of block weights).

    A whole-page dump keeps menus, teasers and footers around the article; they are
    runs of short lines, which cost more than the odd subheading inside the article.
    """
    best, best_span = 0, (0, len(body))
    total, start = 0, 0
    for k, block in enumerate(body):
        if k in breaks:
            total -= BREAK_COST
        if total <= 0:
            total, start = 0, k
        total += _weight(block)
        if total > best:
            best, best_span = total, (start, k + 1)
    return best_span


def from_page_text(raw: str, base: Article, resources: Resources) -> Article:
    """Recover title, subtitle, bylines, captions, credits and the body from saved text."""
    page = _Page()
    blocks_ = blocks(raw)
    lex = bp.lexicon(resources)
    i = _header(blocks_, page, lex)
    i = _top(blocks_, i, page, resources)
    _body(blocks_, i, page, resources)
    cut = comments_start(page.body, resources)
    page.removed.extend(Removed(b, bp.COMMENTS) for b in page.body[cut:])
    page.body = page.body[:cut]
    start, end = main_run(page.body, page.breaks)
    outside = page.body[:start] + page.body[end:]
    page.removed.extend(Removed(b, bp.NAVIGATION) for b in outside)
    kept: list[str] = []
    seen: set[str] = set()
    for b in page.body[start:end]:
        repeat = b in seen
        if is_debris(b) or repeat:
            page.removed.append(Removed(b, bp.NAVIGATION))
        else:
            kept.append(b)
        seen.add(b)
    page.body = kept
    clex = credits.lexicon(resources)
    if page.body and page.credited_source is None:
        source = credits.dateline_source(page.body[0], clex) or credits.trailing_source(
            page.body[-1], clex
        )
        if source:
            page.credit(source)
    text = "\n\n".join(page.body)
    return base.evolve(
        title=page.title,
        subtitle=page.subtitle,
        authors=tuple(page.authors),
        publisher=page.publisher,
        published=page.published,
        credited_source=page.credited_source,
        captions=tuple(page.captions),
        removed=tuple(page.removed),
        text=text,
        language=detect_language(text),
    )
