"""Reported content split around its cue: the words before the source and cue.

A report often wraps around its attribution: "Sooner or later, the governor said, it will
pay off", "which, critics said, was unfair", "Sanders appears to have a lead", "the plan is
expected to pass". The parse gives the cue the part after it; the reported words before
the source ("Sooner or later", "which", "Sanders", "the plan") are content too. As for a
direct quote split around its cue, they become a second quote with the same cue and
speaker, so the report reads as its two pieces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution import Candidate, Context, strip_edges, words
from .speakers import CueTables

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass")
_MARKS = frozenset('“”"«»„‘')


def left_piece(c: Candidate, ctx: Context) -> Candidate | None:
    """The piece of ``c``'s report that lies before its source and cue, if any.

    Two shapes: a source and cue set off by commas inside the reported sentence ("X, Y
    said, Z"), whose piece runs from the reported clause's start to the source; and a
    cue without a source whose subject is what the report is about ("X appears to Z",
    "X is expected to Z"), whose piece is that subject."""
    if c.kind == "direct" or c.cue is None or c.start < c.cue[1]:
        return None
    cue = ctx.token_at(c.cue[0])
    first = ctx.token_at(c.start)
    if cue is None or first is None or first.sent != cue.sent:
        return None
    if c.speaker is None:
        span = _raised_subject(cue, ctx.tables)
    else:
        span = _before_source(c, cue, ctx)
    if span is None:
        return None
    a, b = strip_edges(ctx.text, *span)
    if b <= a or words(ctx.text[a:b]) < 1 or any(ch in _MARKS for ch in ctx.text[a:b]):
        return None
    return Candidate(c.kind, a, b, c.cue, c.speaker)


def _raised_subject(cue: Token, tables: CueTables) -> tuple[int, int] | None:
    """A raising cue's subject before it ("Sanders appears to ...", "the bill is expected
    to ..."); not an addressee ("Trump was asked to ...") nor an empty "it"."""
    lemma = cue.lemma_.lower()
    subj = [t for t in cue.children if t.dep_ in _SUBJECTS and t.i < cue.i]
    if not subj or subj[0].lower_ in ("it", "there"):
        return None
    if lemma not in tables.sourceless and not (
        lemma in tables.raising and subj[0].dep_ == "nsubjpass"
    ):
        return None
    if _experiencer(cue):
        return None  # "X seems credible to me": said by "me", not a sourceless report
    toks = list(subj[0].subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _relative_before(c: Candidate, stop: int, ctx: Context) -> tuple[int, int] | None:
    """A relative pronoun right before the source whose clause is the report ("which he
    said was unfair", "that critics say could fail"): the pronoun is its subject."""
    prev = ctx.token_at(stop - 1)
    if prev is None or prev.idx + len(prev) > stop:
        return None
    if prev.tag_ not in ("WDT", "WP") and not (prev.lower_ == "that" and prev.dep_ in _SUBJECTS):
        return None
    if not c.start <= prev.head.idx < c.end:
        return None
    return prev.idx, prev.idx + len(prev)


def _experiencer(cue: Token) -> bool:
    """Does a raising cue name whom it seems so to ("seems odd to her", "looks to me")?"""
    heads = [c for c in cue.children if c.i > cue.i and c.dep_ in ("acomp", "oprd", "prep")]
    preps = [p for h in heads for p in (h, *h.children) if p.dep_ == "prep"]
    return any(
        p.lower_ == "to"
        and any(o.dep_ == "pobj" and o.pos_ in ("PRON", "PROPN") for o in p.children)
        for p in preps
    )


def _before_source(c: Candidate, cue: Token, ctx: Context) -> tuple[int, int] | None:
    """The reported words before a source and cue set off by commas ("Her countrymen,
    she said, should ...", "In Iowa, Trump leads, according to X, although ...")."""
    assert c.speaker is not None and c.cue is not None
    text = ctx.text
    stop = min(c.speaker.start, c.cue[0])
    after = max(c.speaker.end, c.cue[1])
    if not text[:stop].rstrip().endswith(","):
        return _relative_before(c, stop, ctx)
    between = text[after : c.start]
    if "," not in between or any(ch in _MARKS for ch in between):
        return None  # "On Tuesday, Smith said the plan ...": the report starts after the cue
    sent = cue.sent
    start = sent.start_char
    rel = [
        t
        for t in ctx.doc[sent.start : cue.i]
        if t.tag_ in ("WDT", "WP") and t.dep_ in _SUBJECTS and t.idx < stop
    ]
    if rel:  # "..., which, critics said, was ...": the relative clause's own start
        start = rel[-1].idx
    return (start, stop) if start < stop else None


def left_pieces(cands: list[Candidate], ctx: Context) -> list[Candidate]:
    """The left pieces of ``cands``' reports that overlap no quote already found."""
    out: list[Candidate] = []
    for c in cands:
        piece = left_piece(c, ctx)
        if piece is not None and not any(
            piece.start < o.end and o.start < piece.end for o in (*cands, *out)
        ):
            out.append(piece)
    return out
