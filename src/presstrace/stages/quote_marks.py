"""Pairing quotation marks: where the quoted stretches of a text begin and end.

Works on the characters alone, before any parse, so it can be tested without spaCy and
never raises on odd input (an odd number of marks, 2,000 marks in a row, a whole article
in quotes). It knows the common conventions: “…” "…" «…» „…“ ‘…’ '…', nesting, a quote
that runs over several paragraphs (an opening mark at each paragraph, the closing mark
only at the end) and a quote left unclosed at the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening marks and the marks that may close them.
_OPENERS: dict[str, str] = {
    "“": '”"“',
    "«": "»",
    "„": '“”"',
    "‹": "›",
    '"': '"”',
    "‘": "’'",
    "'": "'’",
    "”": "”",  # the Swedish/Finnish ”…” style
}
_SINGLE = frozenset("‘'")
_CLOSE_ONLY = frozenset("”»›")
MARKS = frozenset("“”«»„‹›\"‘’'")
_OPEN_CONTEXT = frozenset("([{—–-/:;,…") | MARKS
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-…") | MARKS
_LINES = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quoted:
    """One paired stretch: ``start`` is the opening mark, ``end`` is just after the
    closing mark (or the end of the paragraph when the quote was left unclosed)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    depth: int
    closed: bool


@dataclass(slots=True)
class _Open:
    mark: str
    pos: int
    single: bool


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """(may open, may close) for the mark at ``i``, from the characters around it."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    may_open = (prev.isspace() or prev in _OPEN_CONTEXT) and not nxt.isspace()
    may_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT or not nxt.isalnum())
    return may_open, may_close


def find_quoted(text: str) -> tuple[list[Quoted], int]:
    """All quoted stretches (outermost first within each position) and how many marks
    could not be paired (stray closers, openers dropped inside another quote)."""
    found: list[Quoted] = []
    unpaired = 0
    stack: list[_Open] = []
    lines = [(m.start(), m.end()) for m in _LINES.finditer(text)]
    skip_at = -1  # position of a paragraph's re-opening mark that continues a quote
    for n, (a, b) in enumerate(lines):
        for i in range(a, b):
            ch = text[i]
            if ch not in MARKS or i == skip_at:
                continue
            may_open, may_close = _flanks(text, i)
            closing = _closing_index(stack, ch, may_open, may_close, text, i)
            if closing is not None:
                for dropped in stack[closing + 1 :]:
                    unpaired += 0 if dropped.single else 1
                entry = stack[closing]
                del stack[closing:]
                found.append(Quoted(entry.pos, i + 1, entry.pos + 1, i, len(stack), True))
            elif ch in _OPENERS and may_open and not (ch in _CLOSE_ONLY and stack):
                stack.append(_Open(ch, i, ch in _SINGLE))
            elif ch not in "’'":
                unpaired += 1
        # End of a paragraph: only double-mark quotes can stay open across it.
        doubles = [e for e in stack if not e.single]
        if not doubles:
            stack.clear()
            continue
        outer = doubles[0]
        unpaired += len(doubles) - 1
        stack.clear()
        nxt = lines[n + 1][0] if n + 1 < len(lines) else -1
        if nxt >= 0 and text[nxt] in _OPENERS and text[nxt] not in _SINGLE:
            if _same_style(outer.mark, text[nxt]):
                stack.append(outer)
                skip_at = nxt
                continue
            # A stray straight mark left open before a paragraph that opens with a curly
            # one (scraped text): not a quote running on, so no quote at all.
            unpaired += 1
            found = [_unnest(q, outer.pos) for q in found]
            continue
        end = b
        while end > outer.pos + 1 and text[end - 1].isspace():
            end -= 1
        found.append(Quoted(outer.pos, end, outer.pos + 1, end, 0, False))
    found.sort(key=lambda q: (q.start, -q.end))
    return found, unpaired


def _same_style(opener: str, reopener: str) -> bool:
    """Does a paragraph opening with ``reopener`` continue a quote opened by ``opener``?
    Straight and curly marks do not mix within one quotation."""
    return (opener == '"') == (reopener == '"')


def _unnest(q: Quoted, dropped: int) -> Quoted:
    """``q`` one level up when the quote around it (opened at ``dropped``) is dropped."""
    if q.start > dropped and q.depth > 0:
        return Quoted(q.start, q.end, q.inner_start, q.inner_end, q.depth - 1, q.closed)
    return q


def _closing_index(
    stack: list[_Open], ch: str, may_open: bool, may_close: bool, text: str, i: int
) -> int | None:
    """Index in ``stack`` of the open quote this mark closes, or None if it does not close."""
    if ch in "’'":
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if nxt.isalpha():  # don’t, it's: an apostrophe
            return None
    if ch in _OPENERS and may_open and not may_close and ch not in _CLOSE_ONLY:
        return None
    if ch == "”" and not stack:
        return None
    for k in range(len(stack) - 1, -1, -1):
        if ch in _OPENERS[stack[k].mark]:
            if may_close or not may_open:
                return k
            return None
    return None


def top_level(quoted: list[Quoted]) -> list[Quoted]:
    """The outermost quotes, in text order."""
    return [q for q in quoted if q.depth == 0]


def inside_quotation(text: str, a: int, b: int) -> bool:
    """Is ``b`` inside a quotation opened after ``a`` (or does ``a`` open one)? Report
    boundaries never cut inside quoted words: the speaker's words stay whole."""
    part = text[max(0, a - 1) : b]
    return (
        part.count("“") > part.count("”")
        or part.count('"') % 2 == 1
        or part.count("«") > part.count("»")
        or part.count("''") % 2 == 1
    )
