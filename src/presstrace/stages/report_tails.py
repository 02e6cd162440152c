"""Where reported content ends when the parse hangs the speaker's next act on it.

A report is often followed, in the same sentence, by something else the speaker (or
someone else) said: "says he respects the mayor and calls her ...", "said it would pass
after the judge ruled ...". The parse hangs the tail on the reported verb, so the content runs
over a second report; PolNeAR (and a reader) ends the first report before it, and a
span running far past the gold loses the match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution import Candidate, Context, strip_edges
from .quote_marks import inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_TIME_MARKS = frozenset({"after", "when", "while", "whereas", "though", "although"})
_TIMING = frozenset({"even", "right", "just", "shortly"})


def cut_tails(cands: list[Candidate], ctx: Context) -> None:
    """End each report before its tail; a tail that is the speaker's own next report
    ("... and calls her ...") is said by the same speaker, whatever the parse makes its
    subject (it finds one inside the first report)."""
    same: dict[int, Candidate] = {}
    for c in cands:
        cue = cut_tail(c, ctx)
        if cue is not None:
            same[cue] = c
    for c in cands:
        owner = same.get(c.cue[0]) if c.cue is not None else None
        if owner is not None and owner is not c and owner.speaker is not None:
            c.speaker = owner.speaker


def cut_tail(c: Candidate, ctx: Context) -> int | None:
    """End indirect content before a tail that is the speaker's (or another's) next act;
    the tail's cue (char offset) when the speaker says it too, else None."""
    if c.kind != "indirect" or c.cue is None or c.start < c.cue[1]:
        return None
    toks = [t for t in ctx.tokens(c.start, c.end) if not t.is_space]
    if len(toks) < 4 or toks[-1].i >= toks[0].sent.end:
        return None
    lo, hi = toks[0].i, toks[-1].i
    for t in toks[3:]:
        left = _tail_start(t, ctx, lo, hi)
        if left is None:
            continue
        if inside_quotation(ctx.text, c.start, ctx.doc[left].idx):
            return None  # a quotation's own words are not cut by the parse of them
        a, b = strip_edges(ctx.text, c.start, ctx.doc[left].idx)
        b = _without_conjunction(ctx.text, a, b)
        if len(ctx.text[a:b].split()) < 2:
            return None
        c.end = b
        own = t.dep_ != "advcl" or not any(x.dep_ in _SUBJECTS for x in t.children)
        return t.idx if own else None
    return None


def _tail_start(t: Token, ctx: Context, lo: int, hi: int) -> int | None:
    """The first token of ``t``'s clause when it is a tail to cut, else None."""
    if not lo < t.head.i < t.i or t.pos_ not in ("VERB", "AUX") or not _runs_to_end(t, hi):
        return None
    subj = [x for x in t.children if x.dep_ in _SUBJECTS and x.i < t.i]
    if t.dep_ == "conj" and not subj:
        return _next_report(t, ctx)
    if t.dep_ != "advcl" or not subj:
        return None
    # "... after prosecutors determined ...", "..., though voters say ...": another's report
    marks = [x for x in t.children if x.dep_ == "mark" and x.i < subj[0].i]
    if not marks or marks[0].lower_ not in _TIME_MARKS:
        return None
    if ctx.doc[marks[0].i - 1].lower_ in _TIMING:
        return None  # "even though" is the concession's; "right after" times the report
    reports = any(
        x.tag_.startswith("VB") and x.lemma_.lower() in ctx.tables.frames for x in t.subtree
    )
    left = min(x.i for x in t.subtree)
    return left if reports and left > lo + 2 else None


def _next_report(t: Token, ctx: Context) -> int | None:
    """Where the speaker's own next report starts ("... and calls her ...", "... and
    predicted that ..."): a finite speech verb joined by "and"/"but" without a subject or
    auxiliary of its own. "... would meet and vote" goes on with the report."""
    speech = ctx.tables.has(t.lemma_, "direct") or ctx.tables.has(t.lemma_, "oprd")
    if t.tag_ not in ("VBD", "VBZ") or not speech:
        return None
    if any(x.dep_ in ("aux", "auxpass") for x in t.children):
        return None
    cc = [x for x in t.head.children if x.dep_ == "cc" and t.head.i < x.i < t.i]
    return cc[-1].i if cc and cc[-1].lower_ in ("and", "but") else None


def _runs_to_end(t: Token, hi: int) -> bool:
    return max(x.i for x in t.subtree) >= hi - 1


def _without_conjunction(text: str, a: int, b: int) -> int:
    """``b`` moved back over a trailing conjunction and the punctuation before it."""
    head = text[a:b].rstrip(" ,;–—-")
    for word in (" and", " but"):
        if head.lower().endswith(word):
            head = head[: -len(word)].rstrip(" ,;–—-")
    return a + len(head)
