"""What the quotes stage works with: a parsed text, candidate quotes and speaker spans.

``Context`` wraps one article's text and spaCy parse with the lookups every attribution
rule needs (tokens in a stretch of text, cue verbs, the subject of a cue, a phrase that
stays inside its paragraph and after any dateline).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import QuoteKind
from .misparsed_subjects import line_opening_subject, missed_subject
from .speakers import CueTables

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj", "nsubjpass")
EDGE_PUNCT = " \t\n\xa0\u200b.,;:!?\"'“”‘’«»()[]—–-"
_BREAKS = frozenset({"—", "–", "―", "--"})
_RELATIVE = frozenset({"who", "which", "that"})
_CLIMB = ("conj", "advcl", "xcomp", "acl", "pcomp", "relcl", "prep")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Where the speaker is named: char offsets and the head word, when the parse has one."""

    start: int
    end: int
    root: Token | None


@dataclass(slots=True)
class Candidate:
    kind: QuoteKind
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: Speaker | None
    inherit: bool = False


class Context:
    """One article's text, parse and tables, with char -> token lookup."""

    def __init__(self, text: str, doc: Doc, tables: CueTables) -> None:
        self.text = text
        self.doc = doc
        self.tables = tables
        self.starts = [t.idx for t in doc]

    def tokens(self, a: int, b: int) -> list[Token]:
        """Tokens lying wholly inside text[a:b]."""
        i = bisect_left(self.starts, a)
        out = []
        for t in self.doc[i:]:
            if t.idx + len(t) > b:
                break
            out.append(t)
        return out

    def token_at(self, pos: int) -> Token | None:
        i = bisect_left(self.starts, pos + 1) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def cue(self, tok: Token, frame: str) -> bool:
        return tok.tag_.startswith("VB") and self.tables.has(tok.lemma_, frame)

    def phrase(self, head: Token, a: int, b: int, upto: Token | None = None) -> Speaker | None:
        """``head``'s subtree cut to text[a:b] (and to ``upto``, inclusive, when given),
        without edge punctuation."""
        toks = [t for t in head.subtree if t.idx >= a and t.idx + len(t) <= b]
        if upto is not None:
            toks = [t for t in toks if t.i <= upto.i]
        at = next((k for k, t in enumerate(toks) if t.i == head.i), None)
        if at is None and toks and head.i < toks[0].i:
            return _after_dateline(toks)
        if at is None or is_break(head):
            return None
        breaks = [k for k, t in enumerate(toks) if is_break(t)]
        if breaks:  # a speaker is named within one paragraph, after any dateline
            lo = max([k + 1 for k in breaks if k < at], default=0)
            hi = min([k for k in breaks if k > at], default=len(toks))
            toks = toks[lo:hi]
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
            toks.pop(0)
        while toks and toks[-1].is_punct:
            toks.pop()
        if not toks or head not in toks:
            return None
        return Speaker(toks[0].idx, toks[-1].idx + len(toks[-1]), head)

    def subject(self, verb: Token, a: int, b: int) -> Speaker | None:
        """The speaker of a cue verb: its subject, else its head's (stating -> hinted)."""
        pa, pb = paragraph(self.text, verb.idx)
        a, b = max(a, pa), min(b, pb)
        v = verb
        for _ in range(4):
            subjects = [c for c in v.children if c.dep_ in _SUBJECTS]
            for c in subjects:
                if c.lower_ in _RELATIVE and v.dep_ == "relcl":
                    # "Smith, who said ...": the antecedent and the pronoun, not the clause
                    return self.phrase(v.head, a, b, upto=c)
                # A dateline the parse made a second subject ("12:15 p.m.\n\nX says")
                # lies outside the paragraph: the next subject is the speaker.
                found = self.phrase(c, a, b)
                if found is not None:
                    return found
            if subjects:
                return None
            for c in v.children:
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return self.phrase(objs[0], a, b)
            if v.dep_ in _CLIMB and v.head.i != v.i:
                v = v.head
            else:
                break
        return self._missed_subject(verb, a, b)

    def _missed_subject(self, verb: Token, a: int, b: int) -> Speaker | None:
        """A subject the parse missed: a poll sentence's share of people, or the name
        opening the line when a title line above ran into the sentence."""
        missed = missed_subject(verb) or line_opening_subject(verb, a)
        if missed is None:
            return None
        first, last, head = missed
        end = last.idx + len(last)
        toks = self.doc[first.i : last.i + 1]
        if first.idx < a or end > b or any(is_break(t) for t in toks):
            return None
        return Speaker(first.idx, end, head)


def _after_dateline(toks: list[Token]) -> Speaker | None:
    """The part of a subject that lies in the cue's paragraph when the parse made a
    dateline above it the head ("The Latest ...\n\n7 p.m.\n\nDonald Trump is ...")."""
    if any(is_break(t) for t in toks) or toks[-1].i - toks[0].i + 1 != len(toks):
        return None
    while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    names = [t for t in toks if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not names:
        return None
    return Speaker(toks[0].idx, toks[-1].idx + len(toks[-1]), names[-1])


def is_break(t: Token) -> bool:
    """A token no speaker phrase runs across: a line break or a spaced dash."""
    if "\n" in t.text or t.text in _BREAKS:
        return True
    spaced = t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
    return t.text == "-" and spaced and bool(t.whitespace_)


def paragraph(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def words(s: str) -> int:
    return len(s.split())


def strip_edges(text: str, a: int, b: int) -> tuple[int, int]:
    """Offsets of text[a:b] without edge punctuation and quotation marks."""
    while a < b and text[a] in EDGE_PUNCT:
        a += 1
    while b > a and text[b - 1] in EDGE_PUNCT:
        b -= 1
    return a, b


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
