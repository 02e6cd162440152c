"""Quotes stage: who said what, as direct, indirect and mixed quotes.

Direct quotes come from paired quotation marks (``quote_marks``) and are attributed by
the clause right after the closing mark (``"…," he said``, ``"…" – Name``) or right before
the opening one (``Name said: "…"``, ``according to X, "…"``); a quote standing alone
in its paragraph continues the speaker of the paragraph before. A quote split around
its cue (``"A," he said, "B."``) gives two quotes with the same cue and speaker, so
each content span is one unbroken stretch of text. Indirect quotes come from the
parse: a speech or cognition verb from ``data/speech_cues.json`` with its reported
clause (or object, for frames like "claimed no casualties"), and "according to X".
Reported speech holding a quoted fragment is ``mixed``. A short quoted phrase with no
cue next to it is a scare quote and is not a quote at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import UNPAIRED_QUOTE_MARKS
from ..pipeline import register
from ..records import Article, Quote, QuoteKind, Span
from ..resources import Resources
from .quote_marks import Quoted, find_quoted, top_level
from .speakers import CueTables, Resolved, SpeakerNames, cue_tables

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SCARE_QUOTE_WORDS = 4  # a quote this short needs a cue next to it to count
_SENT_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))[.!?]+[\s)]+")
_DASH = re.compile(r"^\s*[–—-]+\s*$")
_SUBJECTS = ("nsubj", "nsubjpass")
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’«»()[]—–-"
_HEADLINE = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): ([^\n]{10,200})$", re.M)
_BREAKS = frozenset({"—", "–", "--"})
_RELATIVE = frozenset({"who", "which", "that"})
_CLIMB = ("conj", "advcl", "xcomp", "acl", "pcomp", "relcl", "prep")


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Where the speaker is named: char offsets and the head word, when the parse has one."""

    start: int
    end: int
    root: Token | None


@dataclass(slots=True)
class _Candidate:
    kind: QuoteKind
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: _Speaker | None
    inherit: bool = False


class _Context:
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

    def phrase(self, head: Token, a: int, b: int) -> _Speaker | None:
        """``head``'s subtree cut to text[a:b], without edge punctuation."""
        toks = [t for t in head.subtree if t.idx >= a and t.idx + len(t) <= b]
        breaks = [k for k, t in enumerate(toks) if _is_break(t)]
        if breaks:  # a speaker is named within one paragraph, after any dateline
            at = next(k for k, t in enumerate(toks) if t.i == head.i)
            lo = max([k + 1 for k in breaks if k < at], default=0)
            hi = min([k for k in breaks if k > at], default=len(toks))
            toks = toks[lo:hi]
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
            toks.pop(0)
        while toks and toks[-1].is_punct:
            toks.pop()
        if not toks or head not in toks:
            return None
        return _Speaker(toks[0].idx, toks[-1].idx + len(toks[-1]), head)

    def subject(self, verb: Token, a: int, b: int) -> _Speaker | None:
        """The speaker of a cue verb: its subject, else its head's (stating -> hinted)."""
        pa, pb = _paragraph(self.text, verb.idx)
        a, b = max(a, pa), min(b, pb)
        v = verb
        for _ in range(4):
            for c in v.children:
                if c.dep_ in _SUBJECTS:
                    if c.lower_ in _RELATIVE and v.dep_ == "relcl":
                        return self.phrase(v.head, a, b)  # "Smith, who said ..."
                    return self.phrase(c, a, b)
            for c in v.children:
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return self.phrase(objs[0], a, b)
            if v.dep_ in _CLIMB and v.head.i != v.i:
                v = v.head
            else:
                break
        return None


def _is_break(t: Token) -> bool:
    """A token no speaker phrase runs across: a line break or a spaced dash."""
    if "\n" in t.text or t.text in _BREAKS:
        return True
    spaced = t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
    return t.text == "-" and spaced and bool(t.whitespace_)


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _words(s: str) -> int:
    return len(s.split())


def _direct(q: Quoted, prev: Quoted | None, nxt: Quoted | None, ctx: _Context) -> _Candidate | None:
    text = ctx.text
    inner = text[q.inner_start : q.inner_end]
    if not inner.strip():
        return None
    start, end = _trim(text, q.inner_start, q.inner_end)
    para_a, _ = _paragraph(text, q.start)
    _, para_b = _paragraph(text, max(q.start, q.end - 1))
    # The clause after the closing mark, up to the sentence end or the next quote.
    after_b = para_b if nxt is None or nxt.start > para_b else nxt.start
    m = _SENT_END.search(text, q.end, after_b)
    if m and m.start() > q.end:
        after_b = m.start()
    before_a = max(para_a, prev.end if prev is not None and prev.end > para_a else para_a)
    ends = list(_SENT_END.finditer(text, before_a, q.start))
    if ends:
        before_a = ends[-1].end()
    lead = text[before_a : q.start].strip()
    # A quote inside a sentence ("called it “a disaster” and left") is a fragment: the
    # clause after it is not its cue.
    fragment = bool(lead) and lead[-1] not in ":,–—-"
    # “…ends here.” He added, “…”: that cue introduces the next quote.
    introduces_next = (
        inner.rstrip().endswith((".", "!", "?"))
        and nxt is not None
        and after_b == nxt.start
        and text[q.end : nxt.start].rstrip().endswith((",", ":"))
    )
    found = None if fragment or introduces_next else _cue_after(q.end, after_b, ctx)
    if found is None:
        found = _cue_before(before_a, q.start, ctx)
    if found is not None:
        cue, speaker = found
        return _Candidate("direct", start, end, cue, speaker)
    own_para = q.start == para_a and text[q.end : para_b].strip(" .,") == ""
    if own_para and para_a > 0:
        prev_a, prev_b = _paragraph(text, max(0, para_a - 2))
        intro = text[prev_a:prev_b].rstrip()
        if intro.endswith(":"):
            ends = list(_SENT_END.finditer(text, prev_a, prev_b))
            a = ends[-1].end() if ends and ends[-1].end() < prev_a + len(intro) else prev_a
            found = _cue_before(a, prev_a + len(intro), ctx)
            if found is not None:
                return _Candidate("direct", start, end, found[0], found[1])
    # A whole sentence in quotes with no cue of its own continues the quote before it.
    alone = not text[before_a : q.start].strip(_EDGE_PUNCT) and not text[q.end : after_b].strip(
        _EDGE_PUNCT
    )
    if alone or own_para:
        return _Candidate("direct", start, end, None, None, inherit=True)
    return None


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """Offsets of text[a:b] without edge punctuation and quotation marks."""
    while a < b and text[a] in _EDGE_PUNCT:
        a += 1
    while b > a and text[b - 1] in _EDGE_PUNCT:
        b -= 1
    return a, b


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _cue_after(a: int, b: int, ctx: _Context) -> tuple[tuple[int, int] | None, _Speaker] | None:
    toks = [t for t in ctx.tokens(a, b) if not t.is_space]
    if not toks:
        return None
    if toks[0].text in "–—-" and len(toks) > 1:
        rest = [t for t in toks[1:9] if not t.is_punct]
        proper = [t for t in rest if t.pos_ in ("PROPN", "PRON")]
        if proper:
            last = proper[-1]
            return None, _Speaker(rest[0].idx, last.idx + len(last), last)
    words = [t for t in toks if not t.is_punct]
    for k, t in enumerate(words):
        if not (ctx.cue(t, "direct") or ctx.cue(t, "after")):
            continue
        speaker = ctx.subject(t, a, b)
        if k >= 8 and (speaker is None or speaker.start > words[0].idx):
            return None
        if speaker is None:
            lead = _strip(ctx.text, *_trim(ctx.text, a, t.idx))
            if ctx.text[lead[0] : lead[1]].strip(_EDGE_PUNCT):
                named = [
                    w
                    for w in ctx.doc[words[0].i : t.i]
                    if w.pos_ in ("PROPN", "NOUN", "PRON") and lead[0] <= w.idx < lead[1]
                ]
                # "”Kirby said": the name may share a token with the closing mark.
                at = ctx.token_at(a)
                glued = at is not None and at.idx < a and ctx.text[lead[0] : lead[1]][:1].isupper()
                speaker = _Speaker(*lead, None) if named or glued else None
            else:
                objs = [c for c in t.children if c.i > t.i and c.dep_ not in ("prep", "punct")]
                speaker = ctx.phrase(objs[0], a, b) if objs else None
        if speaker is not None:
            return (t.idx, t.idx + len(t)), speaker
        return None
    return None


def _cue_before(a: int, b: int, ctx: _Context) -> tuple[tuple[int, int] | None, _Speaker] | None:
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
        speaker = ctx.subject(cue, a, b) or _name_before(cue, a, ctx)
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


def _name_before(cue: Token, a: int, ctx: _Context) -> _Speaker | None:
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
    return _Speaker(first.idx, last.idx + len(last), last)


def _source_prep(
    words: list[Token], ctx: _Context
) -> tuple[tuple[int, int] | None, _Speaker] | None:
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


def _indirect(ctx: _Context) -> Iterable[_Candidate]:
    for tok in ctx.doc:
        if tok.lower_ == "according":
            cand = _according(tok, ctx)
            if cand is not None:
                yield cand
            continue
        if not tok.tag_.startswith("VB"):
            continue
        frames = ctx.tables.frames.get(tok.lemma_.lower())
        if not frames:
            continue
        comp = _complement(tok, frames)
        if comp is None:
            continue
        toks = _content_tokens(comp, ctx)
        oprd = [c for c in tok.children if c.dep_ == "oprd" and c.i > comp.i]
        if toks and oprd and comp.dep_ == "dobj":  # called him "a total stiff"
            toks = list(ctx.doc[toks[0].i : max(t.i for t in oprd[0].subtree) + 1])
            while toks and toks[-1].is_punct:
                toks.pop()
        toks += _joined_content(tok, toks, ctx)
        if len(toks) < 2:
            continue
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
        speaker = ctx.subject(tok, tok.sent.start_char, tok.sent.end_char)
        if speaker is None or (speaker.start < b and speaker.end > a):
            continue
        yield _Candidate("indirect", a, b, (tok.idx, tok.idx + len(tok)), speaker)


def _content_tokens(comp: Token, ctx: _Context) -> list[Token]:
    """The reported clause: ``comp``'s subtree, cut before a further cue joined to it
    ("says X and says Y") and at a paragraph break, without edge punctuation."""
    toks = list(comp.subtree)
    for k, t in enumerate(toks):
        if t.i <= comp.i:
            continue
        joined = t.dep_ == "conj" and t.lemma_ == comp.head.lemma_
        if joined or "\n" in t.text:
            toks = toks[:k]
            break
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def _joined_content(verb: Token, toks: list[Token], ctx: _Context) -> list[Token]:
    """What a cue verb's conjoined verb adds to the report ("says he is proud and expects
    to win"), up to the sentence end; not a further cue of its own ("and says ...")."""
    if not toks:
        return []
    last = toks[-1].i
    extra: list[Token] = []
    for c in verb.children:
        if c.dep_ != "conj" or c.i < last or c.lemma_.lower() in ctx.tables.frames:
            continue
        sub = [t for t in c.subtree if t.i > last]
        if sub and all("\n" not in t.text for t in sub):
            extra = list(ctx.doc[last + 1 : sub[-1].i + 1])
    while extra and extra[-1].is_punct:
        extra.pop()
    return extra


def _headline(ctx: _Context) -> Iterable[_Candidate]:
    """Headline-style attribution: a short line "Name: what they said"."""
    for m in _HEADLINE.finditer(ctx.text):
        toks = ctx.tokens(m.start(1), m.end(1))
        if not toks or not all(t.pos_ == "PROPN" or t.is_punct for t in toks):
            continue
        a, b = _strip(ctx.text, m.start(2), m.end(2))
        if _words(ctx.text[a:b]) < 3:
            continue
        speaker = _Speaker(m.start(1), m.end(1), toks[-1])
        yield _Candidate("indirect", a, b, (m.end(1), m.end(1) + 1), speaker)


def _complement(verb: Token, frames: frozenset[str]) -> Token | None:
    for c in verb.children:
        if c.dep_ == "ccomp" and "ccomp" in frames:
            return c
    deps = {c.dep_ for c in verb.children}
    for c in verb.children:
        if c.dep_ == "dobj" and ("dobj" in frames or ("oprd" in frames and "oprd" in deps)):
            return c
        if c.dep_ == "prep" and f"prep:{c.lower_}" in frames:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _according(tok: Token, ctx: _Context) -> _Candidate | None:
    to = [c for c in tok.children if c.lower_ == "to"]
    objs = [c for t in to for c in t.children if c.dep_ == "pobj"]
    if not objs:
        return None
    sent = tok.sent
    phrase = list(tok.subtree)
    pa, pb = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    speaker = ctx.phrase(objs[0], pa, pb)
    if pa - sent.start_char > sent.end_char - pb:
        a, b = sent.start_char, pa
    else:
        a, b = pb, sent.end_char
    while a < b and ctx.text[a] in ",;:–— \n":
        a += 1
    while b > a and ctx.text[b - 1] in ",;:.–— \n":
        b -= 1
    if speaker is None or _words(ctx.text[a:b]) < 3:
        return None
    return _Candidate("indirect", a, b, (tok.idx, to[0].idx + len(to[0])), speaker)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def find_quotes(
    text: str, doc: Doc, names: SpeakerNames, tables: CueTables
) -> tuple[list[Quote], int]:
    """All quotes of one text, in text order, and the count of unpaired quotation marks."""
    ctx = _Context(text, doc, tables)
    quoted, unpaired = find_quoted(text)
    tops = top_level(quoted)
    cands: list[_Candidate] = []
    for i, q in enumerate(tops):
        prev = tops[i - 1] if i > 0 else None
        nxt = tops[i + 1] if i + 1 < len(tops) else None
        c = _direct(q, prev, nxt, ctx)
        if c is not None:
            cands.append(c)
    direct = list(cands)
    for c in [*_headline(ctx), *_indirect(ctx)]:
        if c.cue is not None and any(q.inner_start <= c.cue[0] < q.inner_end for q in tops):
            continue  # reported speech inside a quotation belongs to the quote
        inside = [d for d in direct if d.cue == c.cue and c.start < d.start - 1 and d.end <= c.end]
        if inside and c.end - c.start > max(d.end - d.start for d in inside):
            # A quoted fragment of reported speech: one mixed quote, not a direct one.
            for d in inside:
                direct.remove(d)
                cands.remove(d)
        if any(_overlap(c.start, c.end, d.start, d.end) * 2 >= c.end - c.start for d in direct):
            continue
        if any(_overlap(c.start, c.end, o.start, o.end) * 2 >= c.end - c.start for o in cands):
            continue
        for q in tops:
            if c.start <= q.start < c.end:
                c.kind = "mixed"
                c.end = max(c.end, q.end)  # the quoted fragment ends with its closing mark
        cands.append(c)
    cands.sort(key=lambda c: c.start)
    return _name(cands, text, names), unpaired


def _name(cands: list[_Candidate], text: str, names: SpeakerNames) -> list[Quote]:
    out: list[Quote] = []
    earlier: list[Resolved] = []
    last_direct: Quote | None = None
    for c in cands:
        content = Span.of(text, c.start, c.end)
        cue = Span.of(text, *c.cue) if c.cue else None
        if c.inherit:
            para_a, _ = _paragraph(text, c.start)
            if last_direct is not None:
                prior = last_direct
                prior_a, prior_end = _paragraph(text, prior.content.end)
                if prior_a != para_a and text[prior_end:para_a].strip():
                    continue
                quote = Quote("direct", content, prior.cue, prior.speaker, prior.speaker_name)
                out.append(quote)
                last_direct = quote
            continue
        speaker = name = label = None
        if c.speaker is not None:
            sp = c.speaker
            speaker = Span.of(text, sp.start, sp.end)
            name, label = names.resolve(sp.start, sp.end, sp.root, earlier)
            if name:
                earlier.append(Resolved(sp.start, name, label))
        quote = Quote(c.kind, content, cue, speaker, name)
        out.append(quote)
        if c.kind == "direct" and speaker is not None:
            last_direct = quote
    return out


@register("quotes", 1, requires={"doc", "entities"}, provides={"quotes"}, english_only=True)
def quotes(article: Article, doc: Doc | None, resources: Resources) -> Article:
    assert doc is not None
    tables = cue_tables(resources)
    names = SpeakerNames(article.text, article.entities, tables)
    found, unpaired = find_quotes(article.text, doc, names, tables)
    article = article.evolve(quotes=tuple(found))
    if unpaired:
        article = article.with_error(
            UNPAIRED_QUOTE_MARKS, f"{unpaired} quotation mark(s) could not be paired"
        )
    return article
