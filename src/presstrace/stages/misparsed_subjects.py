"""Subjects the parse missed in poll sentences, where the speaker is a share of people.

"About 4 in 10 say they want ..." is often parsed with "10" as a number modifying the
verb, and "Majorities of Democrats in five states going to the polls say ..." with
"going" as the main verb and "say" hanging off it. The words before the cue still name
who says it; these rules recover them when the cue has no subject of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_NUMBER_DEPS = frozenset({"nummod", "npadvmod", "quantmod"})
_PARTICIPLES = frozenset({"VBG", "VBN"})


def missed_subject(verb: Token) -> tuple[Token, Token, Token] | None:
    """The first and last token of the phrase naming who speaks, right before ``verb``,
    and its head word, when the parse gave ``verb`` no subject; None when there is none
    to recover."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
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
