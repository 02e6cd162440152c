"""Direct quotes: paired quotation marks attributed to a cue next to them.

The clause right after the closing mark (``"…," he said``, ``"…" – Name``) or right before
the opening one (``Name said: "…"``, ``according to X, "…"``) names the speaker. A
quote standing alone as a sentence or paragraph continues the quote before it (the
caller gives it that speaker). A quoted stretch inside a sentence with no cue next to it
is a fragment (of a mixed quote) or a scare quote, never a direct quote.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .attribution import (
    EDGE_PUNCT,
    Candidate,
    Context,
    Speaker,
    paragraph,
    strip_edges,
    trim,
)
from .quote_marks import Quoted

if TYPE_CHECKING:
    from spacy.tokens import Token

DASHES = "–—―-"  # en, em, horizontal bar ("”― Name" signs reader comments), hyphen
SCARE_QUOTE_WORDS = 4
HEADING_WORDS = 8  # a quote this short needs a cue next to it to count
# A sentence end, not the dot of a title or abbreviation ("said Rep. Jane Doe", "Gov.").
_SENT_END = re.compile(
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Co|No|vs))"
    r"(?<!\b(?:Mrs|Rep|Sen|Gov|Gen|Col|Sgt|Rev|Adm|Maj|Inc|Ltd|Del|Jan|Feb|Aug|Oct|Nov|Dec))"
    r"(?<!\b(?:Reps|Sens|Capt|Prof|Sept|Supt|Cmdr|Corp|Atty))[.!?]+[\s)]+(?=[^\s)a-z]|$)"
)


def direct_quote(
    q: Quoted, prev: Quoted | None, nxt: Quoted | None, ctx: Context
) -> Candidate | None:
    text = ctx.text
    inner = text[q.inner_start : q.inner_end]
    if not inner.strip():
        return None
    start, end = trim(text, q.inner_start, q.inner_end)
    para_a, _ = paragraph(text, q.start)
    _, para_b = paragraph(text, max(q.start, q.end - 1))
    # The clause after the closing mark, up to the sentence end or the next quote.
    after_b = para_b if nxt is None or nxt.start > para_b else nxt.start
    if after_b < para_b and _scare(nxt, text):
        # “A!” Jane “JJ” Doe said: a quoted nickname inside the cue clause does not end it.
        m = _SENT_END.search(text, q.end, para_b)
        if m and m.start() > nxt.end:  # type: ignore[union-attr]
            after_b = m.start()
    m = _SENT_END.search(text, q.end, after_b)
    if m and m.start() > q.end:
        after_b = m.start()
    before_a = max(para_a, prev.end if prev is not None and prev.end > para_a else para_a)
    ends = list(_SENT_END.finditer(text, before_a, q.start))
    if ends:
        before_a = ends[-1].end()
    lead = text[before_a : q.start].strip()
    if lead.endswith((".", "!", "?")) and inner.lstrip()[:1].isupper():
        # "Melanie said to the TV. “I would.”": a capital after a full stop the abbreviation
        # guard of _SENT_END let pass ("TV.", "U.S.") still starts a new sentence.
        before_a, lead = q.start, ""
    # A quote inside a sentence ("called it “a disaster” and left") is a fragment: the
    # clause after it is not its cue.
    fragment = bool(lead) and lead[-1] not in ":," + DASHES
    if fragment and prev is not None and before_a <= prev.end and _cue_then_but(lead, q, ctx):
        # “A,” he said, but “B.”: the second quotation goes on with the first one's cue.
        return Candidate("direct", start, end, None, None, inherit=True)
    # “…ends here.” He added, “…”: that cue introduces the next quote.
    introduces_next = (
        inner.rstrip().endswith((".", "!", "?"))
        and nxt is not None
        and after_b == nxt.start
        and text[q.end : nxt.start].rstrip().endswith((",", ":"))
    )
    found = None if fragment or introduces_next else _cue_after(q.end, after_b, ctx)
    if found is not None and _reports_on_its_own(q, found[0], ctx):
        found = None
    if found is None:
        found = _cue_before(before_a, q.start, ctx)
    if found is not None:
        cue, speaker = found
        return Candidate("direct", start, end, cue, speaker)
    own_para = q.start == para_a and text[q.end : para_b].strip(" .,") == ""
    if own_para and para_a > 0:
        prev_a, prev_b = paragraph(text, max(0, para_a - 2))
        intro = text[prev_a:prev_b].rstrip()
        if intro.endswith(":"):
            ends = list(_SENT_END.finditer(text, prev_a, prev_b))
            a = ends[-1].end() if ends and ends[-1].end() < prev_a + len(intro) else prev_a
            found = _cue_before(a, prev_a + len(intro), ctx)
            if found is not None:
                return Candidate("direct", start, end, found[0], found[1])
    # A whole sentence in quotes with no cue of its own continues the quote before it.
    alone = not text[before_a : q.start].strip(EDGE_PUNCT) and not text[q.end : after_b].strip(
        EDGE_PUNCT
    )
    if (alone or own_para) and not (own_para and _heading(inner)):
        return Candidate("direct", start, end, None, None, inherit=True)
    return None


def _reports_on_its_own(q: Quoted, cue: tuple[int, int] | None, ctx: Context) -> bool:
    """Is the cue after a quotation that closes its sentence the verb of a new sentence
    with a report of its own ("“… years.” Later, Smith said he had come to ...")? Then
    it reports that clause, not the quotation before it."""
    if cue is None:
        return False
    text = ctx.text
    inner = text[q.inner_start : q.inner_end].rstrip()
    after = text[q.end : cue[0]].lstrip()
    if not inner.endswith((".", "!", "?")) or not after[:1].isupper():
        return False
    verb = ctx.token_at(cue[0])
    return verb is not None and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _scare(q: Quoted | None, text: str) -> bool:
    """A quoted word or two inside a sentence (a nickname, a scare quote)."""
    if q is None:
        return False
    inner = text[q.inner_start : q.inner_end]
    before = text[max(0, q.start - 2) : q.start]
    return len(inner.split()) <= 2 and before[-1:] == " " and before[:1].isalnum()


def _cue_then_but(lead: str, q: Quoted, ctx: Context) -> bool:
    """Is ``lead`` (the text between two quotations) a cue clause joined to the second
    one by a conjunction ("he said, but", "she added, and")?"""
    if not re.search(r",\s+(?:but|and)$", lead):
        return False
    toks = ctx.tokens(q.start - len(lead) - 1, q.start)
    return any(ctx.cue(t, "direct") for t in toks)


def _heading(inner: str) -> bool:
    """A short title-case line in quotes ('Legend in the Coal Fields.'): a section
    heading, not the next paragraph of a quote."""
    words = [w for w in inner.split() if w[:1].isalpha()]
    if not 1 < len(words) <= HEADING_WORDS or not words[0][:1].isupper():
        return False
    small = [w for w in words if not w[:1].isupper()]  # in, the, of, on ...
    return all(len(w) <= 4 for w in small) and len(small) * 2 < len(words)


def _cue_after(a: int, b: int, ctx: Context) -> tuple[tuple[int, int] | None, Speaker] | None:
    toks = [t for t in ctx.tokens(a, b) if not t.is_space]
    if not toks:
        return None
    lead = ctx.text[a:b].lstrip()[:1]
    if lead and lead in DASHES:  # the dash may share a token with the closing mark
        rest = [t for t in toks[:9] if not t.is_punct]
        proper = [t for t in rest if t.pos_ in ("PROPN", "PRON")]
        if proper:
            last = proper[-1]
            return None, Speaker(rest[0].idx, last.idx + len(last), last)
    words = [t for t in toks if not t.is_punct]
    for k, t in enumerate(words):
        if not (ctx.cue(t, "direct") or ctx.cue(t, "after")):
            continue
        speaker = ctx.subject(t, a, b)
        if k >= 8 and (speaker is None or speaker.start > words[0].idx):
            return None
        if speaker is None:
            pre = strip_edges(ctx.text, *trim(ctx.text, a, t.idx))
            if ctx.text[pre[0] : pre[1]].strip(EDGE_PUNCT):
                named = [
                    w
                    for w in ctx.doc[words[0].i : t.i]
                    if w.pos_ in ("PROPN", "NOUN", "PRON") and pre[0] <= w.idx < pre[1]
                ]
                # "”Kirby said": the name may share a token with the closing mark.
                at = ctx.token_at(a)
                glued = at is not None and at.idx < a and ctx.text[pre[0] : pre[1]][:1].isupper()
                speaker = Speaker(*pre, None) if named or glued else None
            else:
                objs = [c for c in t.children if c.i > t.i and c.dep_ not in ("prep", "punct")]
                speaker = ctx.phrase(objs[0], a, b) if objs else None
        if speaker is not None:
            return (t.idx, t.idx + len(t)), speaker
        return None
    return None


def _cue_before(a: int, b: int, ctx: Context) -> tuple[tuple[int, int] | None, Speaker] | None:
    text = ctx.text
    window = text[a:b].rstrip()
    toks = [t for t in ctx.tokens(a, b) if not t.is_space]
    if not toks:
        return None
    words = [t for t in toks if not t.is_punct]
    source = _source_prep(words, ctx)
    if source is not None and window.endswith(","):
        return source
    last_punct = window[-1:] if window else ""
    cues = [t for t in words if ctx.cue(t, "direct")]
    if cues and (last_punct in ":," or cues[-1].i == words[-1].i):
        cue = cues[-1]
        speaker = ctx.subject(cue, a, b) or _name_before(cue, a, ctx) or _name_after(cue, b, ctx)
        if speaker is not None:
            return (cue.idx, cue.idx + len(cue)), speaker
    if last_punct == ":":
        heads = [
            t for t in words if t.pos_ in ("VERB", "AUX") and (t.head.idx < a or t.head.i == t.i)
        ]
        for verb in heads:
            speaker = ctx.subject(verb, a, b)
            if speaker is not None:
                return (verb.idx, verb.idx + len(verb)), speaker
    return None


def _name_before(cue: Token, a: int, ctx: Context) -> Speaker | None:
    """A name just before a cue the parse left without subject ("…, Mikhailo Podolyak, said")."""
    i = cue.i - 1
    if i >= 0 and ctx.doc[i].text == ",":
        i -= 1
    end = i
    while i >= 0 and ctx.doc[i].idx >= a and ctx.doc[i].pos_ in ("PROPN", "PRON"):
        i -= 1
    if i == end:
        return None
    first, last = ctx.doc[i + 1], ctx.doc[end]
    return Speaker(first.idx, last.idx + len(last), last)


def _name_after(cue: Token, b: int, ctx: Context) -> Speaker | None:
    """A name just after its cue, the inverted order ("Said Ellis: “…”")."""
    i = cue.i + 1
    while i < len(ctx.doc) and ctx.doc[i].idx < b and ctx.doc[i].pos_ == "PROPN":
        i += 1
    if i == cue.i + 1:
        return None
    first, last = ctx.doc[cue.i + 1], ctx.doc[i - 1]
    return Speaker(first.idx, last.idx + len(last), last)


def _source_prep(words: list[Token], ctx: Context) -> tuple[tuple[int, int] | None, Speaker] | None:
    """``according to X``: the cue span and X."""
    lower = [t.lower_ for t in words]
    for prep in ctx.tables.source_preps:
        n = len(prep)
        for i in range(len(words) - n + 1):
            if tuple(lower[i : i + n]) != prep:
                continue
            last = words[i + n - 1]
            objs = [c for c in last.children if c.dep_ == "pobj"]
            obj = objs[0] if objs else (words[i + n] if i + n < len(words) else None)
            if obj is None:
                continue
            span = ctx.phrase(obj, obj.idx, words[-1].idx + len(words[-1]))
            if span is None:
                continue
            return (words[i].idx, last.idx + len(last)), span
    return None
