"""Whether two aligned sentences agree on their anchors: the test a copy passes.

A syndicated or spun copy keeps the figures, dates and names of its source: a spinner
swaps words ("Ministry of Protection" for "Ministry of Defense"), not numbers. Two reports
written from one template about different events or days ("On Tuesday, the party held
primaries in Idaho and Michigan" / "On Tuesday, the party held primaries in Ohio and
Florida") align sentence for sentence, but their anchors differ. An aligned sentence pair
is evidence of copying only when its anchors agree, or one side merely lacks some of the
other's (copies trim and add):

- a number or month on each side that the other side lacks, in sentences that are
  surely the same statement: worded alike (word Dice >= ``TEMPLATE_SIM``) or sharing
  another anchor. A loose paraphrase sharing no anchor says too little either way (a
  rewriter who updates a figure in a paraphrased sentence has still copied it);
- at least ``NAME_SWAPS`` names on each side that the other lacks: other people or
  places (a spinner swaps a capitalised common word or two, not a list of names).

Quoted phrases do not decide: a spinner rewrites inside quotes as elsewhere.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence

from . import features

NAME_SWAPS = 3  # names replaced on each side of one sentence pair: another event
TEMPLATE_SIM = 0.6  # word Dice of two sentences worded alike (copies.PAIR_SIM is 0.5)
FIGURE_KINDS = ("n:", "m:")  # numbers and months
NAME_KIND = "c:"


def sentence_anchors(
    sentences: Sequence[features.Sentence], anchors: Sequence[features.Anchor]
) -> list[frozenset[str]]:
    """The anchor keys inside each sentence (anchors between sentences belong to none)."""
    starts = [s.start for s in sentences]
    keys: list[set[str]] = [set() for _ in sentences]
    for a in anchors:
        i = bisect.bisect_right(starts, a.start) - 1
        if i >= 0 and a.start < sentences[i].end:
            keys[i].add(a.key)
    return [frozenset(k) for k in keys]


def disagree(a: Collection[str], b: Collection[str], similarity: float) -> bool:
    """Whether two aligned sentences (anchor keys, word Dice ``similarity``) state
    different figures, dates or names."""
    keys_a, keys_b = set(a), set(b)
    only_a, only_b = keys_a - keys_b, keys_b - keys_a
    figures = _of_kind(only_a, FIGURE_KINDS) and _of_kind(only_b, FIGURE_KINDS)
    if figures and (similarity >= TEMPLATE_SIM or keys_a & keys_b):
        return True
    names_a = _of_kind(only_a, (NAME_KIND,))
    names_b = _of_kind(only_b, (NAME_KIND,))
    return min(len(names_a), len(names_b)) >= NAME_SWAPS


def _of_kind(keys: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {k for k in keys if k.startswith(prefixes)}
