"""Reported speech found by the learned cue and content models of ``quote_model``.

The rules of ``quotes`` know a fixed set of cue frames; the model, trained on PolNeAR,
adds cue words they do not know ("slammed", "called for", a colon after a name) with a
content span read off the parse. This module turns its predictions into candidates:
content cut before a second joined cue, and a speaker found from the parse, including
where the parse leaves the cue without a subject ("a petition calling on him to
resign": the noun a participle describes speaks; "Trump, in Kentucky, said ...": the
subject the sentence splitter cut off).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .attribution import Candidate, Context, Speaker, strip_edges
from .quote_marks import Quoted
from .quote_model import QuoteModel, predict
from .speakers import CueTables

if TYPE_CHECKING:
    from spacy.tokens import Token

_MARKS = frozenset('“”"«»„‘’')


def outer_cue(verb: Token, ctx: Context) -> Token | None:
    """The cue whose speaker a subjectless joined cue shares when the parse hung it inside
    the first report ("May said that the country would leave and suggested that ...":
    "suggested" is May's, not the country's)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head  # the reported verb it is joined to, the complement of the cue
    cue = clause.head
    if clause.dep_ != "ccomp" or cue.tag_ != verb.tag_ or not ctx.tables.has(cue.lemma_, "direct"):
        return None
    return cue


def learned_reports(ctx: Context, model: QuoteModel, tops: list[Quoted]) -> Iterable[Candidate]:
    """Reported speech found by the learned cue and content models."""
    spans = [(q.start, q.end) for q in tops]
    non_speech = ctx.tables.non_speech_objects
    for tok, cand, _p_cue, _p_content in predict(ctx.doc, model, ctx.tables, spans):
        if any(c.dep_ == "dobj" and c.lemma_.lower() in non_speech for c in tok.children):
            continue  # "claimed 3000 lives" is not speech
        doc = ctx.doc
        end = _joined_cue_cut(tok, cand.start, cand.end, ctx)
        a = doc[cand.start].idx
        b = doc[end - 1].idx + len(doc[end - 1])
        a, b = strip_edges(ctx.text, a, b)
        if b <= a:
            continue
        cue = (tok.idx, tok.idx + len(tok))
        if _sourceless(tok, ctx.tables):
            yield Candidate("indirect", a, b, cue, None)
            continue
        speaker = learned_speaker(tok, ctx)
        if speaker is not None and speaker.start < b and speaker.end > a:
            continue
        if speaker is None:  # an attribution with no source is mostly a false cue
            continue
        yield Candidate("indirect", a, b, cue, speaker)


def _joined_cue_cut(cue: Token, start: int, end: int, ctx: Context) -> int:
    """Token end of reported content that stops before a second speech verb in the cue's
    own tense joined by "and"/"but" ("said X and warned Y": Y is a report of its own; a
    cognition verb, "... but she knows that ...", stays part of the report)."""
    if start >= cue.i:
        for t in ctx.doc[start + 1 : end]:
            prev = ctx.doc[t.i - 1]
            if (
                t.dep_ == "conj"
                and t.tag_ == cue.tag_
                and ctx.tables.has(t.lemma_, "direct")
                and prev.dep_ == "cc"
                and prev.i > start
                and not any(ch in _MARKS for ch in ctx.text[ctx.doc[start].idx : prev.idx])
            ):
                return prev.i
    return end


def _sourceless(tok: Token, tables: CueTables) -> bool:
    """A cue whose subject is not a speaker: "X seems to ...", "X is expected to ..."."""
    if tok.lemma_.lower() in tables.sourceless:
        return True
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    return passive and not any(c.dep_ == "agent" for c in tok.children)


def learned_speaker(tok: Token, ctx: Context) -> Speaker | None:
    sent = tok.sent
    if tok.lower_ == "according":
        objs = [
            g
            for c in tok.children
            if c.lower_ == "to"
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")  # "according to show insiders": "show" a verb
        ]
        return ctx.phrase(objs[0], sent.start_char, sent.end_char) if objs else None
    if tok.text == ":":
        left = [t for t in ctx.doc[sent.start : tok.i] if not t.is_space]
        while left and left[0].is_punct:
            left.pop(0)
        if not left:
            return None
        root = max(left, key=lambda t: t.pos_ in ("PROPN", "NOUN", "PRON"))
        return Speaker(left[0].idx, left[-1].idx + len(left[-1]), root)
    found = ctx.subject(outer_cue(tok, ctx) or tok, sent.start_char, sent.end_char)
    if found is None:
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss:
            found = ctx.phrase(poss[0], sent.start_char, sent.end_char)
    if found is None:
        found = _described_noun(tok, ctx)
    if found is None:
        # A subject the sentence splitter cut off ("Trump, in Kentucky, | said ..."):
        # look for it in the whole paragraph.
        found = ctx.subject(outer_cue(tok, ctx) or tok, 0, len(ctx.text))
    return found


def _described_noun(tok: Token, ctx: Context) -> Speaker | None:
    """The noun a present participle cue describes speaks ("a petition calling on him
    to resign", "voters saying they want ..."); not an occasion ("a news conference
    announcing ..."), not for a cue the tables know only with a clause, a belief
    ("knowing"), nor the subject of a passive one ("a group called X")."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or head.i >= tok.i:
        return None
    if head.lemma_.lower() in ctx.tables.occasion_nouns:
        return None
    if ctx.tables.frames.get(tok.lemma_.lower()) == frozenset({"ccomp"}):
        return None  # a belief ("the other side knowing that ..."): the noun is no source
    sent = tok.sent
    return ctx.phrase(head, sent.start_char, sent.end_char, upto=tok.doc[tok.i - 1])
