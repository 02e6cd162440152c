"""Attributions with no speech verb: a source named in a sentence-opening phrase.

PolNeAR-style news attributes much content through a fronted prepositional phrase rather
than a verb: "In a new poll released Monday, 40 percent back Sanders" (the poll is the
source), "To Sanders, there is no sense of urgency" (a person's view). The content is the rest
of the sentence. ("For X, ..." is left alone: mostly a topic, not a view.) Which nouns
may head an "In ..." source lives in ``data/speech_cues.json``
(``source_nouns``, with the ``message_nouns``); only people (names, pronouns, role
nouns) hold a "To ..." view.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .attribution import Candidate, Context, strip_edges, words

if TYPE_CHECKING:
    from spacy.tokens import Token

_VIEW_PREPS = frozenset({"to"})
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})


def viewpoints(ctx: Context) -> Iterable[Candidate]:
    """Candidates for fronted-source attributions, in text order."""
    for sent in ctx.doc.sents:
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        if first is None or first.lower_ not in ("in", *_VIEW_PREPS) or first.dep_ != "prep":
            continue
        objs = [c for c in first.children if c.dep_ == "pobj"]
        if not objs or not _is_source(first, objs[0], ctx) or _person_subject(first, objs[0], ctx):
            continue
        phrase_end = first.right_edge.i
        after = ctx.doc[phrase_end + 1] if phrase_end + 1 < sent.end else None
        if after is None or after.text != ",":
            continue  # "In 2016 Trump won": no comma, no fronted source
        a, b = strip_edges(ctx.text, after.idx + 1, sent.end_char)
        if words(ctx.text[a:b]) < 3 or "\n" in ctx.text[a:b]:
            continue
        speaker = ctx.phrase(objs[0], first.idx, after.idx)
        if speaker is None:
            continue
        cue = (first.idx, first.idx + len(first))
        yield Candidate("indirect", a, b, cue, speaker)


def _person_subject(prep: Token, obj: Token, ctx: Context) -> bool:
    """Is the clause's subject a person ("In an interview, Obama castigated ...")? Then the
    person, through the verb, is the source; the rule stays out. A poll's findings may
    be about a named person ("In the poll, Trump rose 2 points")."""
    subjects = [c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.ent_type_ == "PERSON" or s.lower_ in _SUBJECT_PRONOUNS for s in subjects):
        return True
    poll = obj.lemma_.lower() in ctx.tables.poll_nouns
    return not poll and any(s.pos_ == "PROPN" for s in subjects)


def _is_source(prep: Token, obj: Token, ctx: Context) -> bool:
    lemma = obj.lemma_.lower()
    if any(c.lower_ == "other" for c in obj.children):
        return False  # "In other words, ..."
    if prep.lower_ == "in":
        return lemma in ctx.tables.source_nouns or lemma in ctx.tables.message_nouns
    if obj.pos_ == "PRON":
        return obj.lower_ in _PERSON_PRONOUNS
    return obj.ent_type_ == "PERSON" or lemma in ctx.tables.role_nouns
