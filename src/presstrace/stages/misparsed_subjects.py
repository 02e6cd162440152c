"""Subjects the parse missed, mostly in poll sentences where a share of people speaks.

"About 4 in 10 say they want ..." is often parsed with "10" as a number modifying the
verb, and "Majorities of Democrats in five states going to the polls say ..." with
"going" as the main verb and "say" hanging off it, or as a clause that is the subject.
A title line with no full stop may run into the next line's sentence, leaving the name
that opens that line unattached. The words before the cue still name who says it;
these rules recover them when the cue has no subject of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_NUMBER_DEPS = frozenset({"nummod", "npadvmod", "quantmod"})
_PARTICIPLES = frozenset({"VBG", "VBN"})
_NAME_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ"})


def missed_subject(verb: Token) -> tuple[Token, Token, Token] | None:
    """The first and last token of the phrase naming who speaks, right before ``verb``,
    and its head word, when the parse gave ``verb`` no subject; None when there is none
    to recover."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    # "Majorities of voters going to the polls said": the same reduced relative taken
    # for a clausal subject of the cue.
    for c in verb.lefts:
        if c.dep_ != "csubj" or c.tag_ not in _PARTICIPLES or not _adjacent(c, verb):
            continue
        subjects = [g for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
        if subjects:
            return subjects[0].left_edge, verb.doc[verb.i - 1], subjects[0]
    if any(c.dep_ == "csubj" for c in verb.children):
        return None
    # "About 4 in 10 say": a share hung on the verb as a number modifier.
    for c in verb.lefts:
        if c.dep_ in _NUMBER_DEPS and c.right_edge.i == verb.i - 1:
            if any(t.tag_ == "CD" or t.pos_ == "NOUN" for t in c.subtree):
                return c.left_edge, c.right_edge, c
    # "Majorities of voters going to the polls say": a reduced relative taken for the
    # main verb, the cue left as its loose dependent.
    head = verb.head
    if verb.dep_ == "dep" and head.i < verb.i and head.tag_ in _PARTICIPLES:
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
        if subjects and verb.i - 1 > head.i:
            return subjects[0].left_edge, verb.doc[verb.i - 1], subjects[0]
    return None


def _adjacent(phrase: Token, verb: Token) -> bool:
    """Does ``phrase`` run up to ``verb``, but for words that tell when ("... on
    Super Tuesday said": the parse hangs "Tuesday" on the verb)?"""
    between = verb.doc[phrase.right_edge.i + 1 : verb.i]
    return all(t.head.i == verb.i and t.dep_ in ("npadvmod", "advmod") for t in between)


def line_opening_subject(verb: Token, line_start: int) -> tuple[Token, Token, Token] | None:
    """The name opening the cue's line when the parse ran a title line above into the
    cue's sentence ("... before the polls\nTrump, in Kentucky, said ..."): the words at
    the line start up to a comma or the cue, if they are a name or a noun phrase."""
    doc = verb.doc
    if verb.sent.start_char >= line_start:
        return None
    first = next((t for t in doc[verb.sent.start : verb.i] if t.idx >= line_start), None)
    if first is None or first.is_space:
        return None
    run = []
    for t in doc[first.i : verb.i]:
        if t.pos_ not in _NAME_POS:
            break
        run.append(t)
    if not run:
        return None
    after = doc[run[-1].i + 1]
    if after.i != verb.i and after.text != ",":
        return None
    heads = [t for t in run if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return (run[0], run[-1], heads[-1]) if heads else None
