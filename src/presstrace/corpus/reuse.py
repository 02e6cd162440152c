"""How much of one text is taken from another: a directional text-reuse score.

Word containment alone (share of the copy's words found in the source) mistakes an
independent report of the same event for a copy: both name the same people, places
and numbers. The score combines signals that hold in any script:

- character 5-gram containment over the words run together, which survives the spelling
  and spacing variants of Urdu ("کہاگیا" / "کہا گیا") and inflected endings, and counts
  shared phrasing (grams across word boundaries), not only shared vocabulary;
- the same containment the other way (how much of the source the copy covers): a
  derived text retells most of its source, an independent one only the shared facts;
- the share of the copy's anchors (numbers, dates, names, quoted words) in the source;
- the copy's length over the source's (capped): a derived text seldom adds much.

The weights are a logistic regression fitted on one half of the COUNTER Urdu reuse
corpus (pairs with even ids) and checked on the other half (``evals/eval_counter.py``
reports both halves). Longest verbatim run and best local passage were tried as further
signals; on COUNTER they took negative weights (heavily rewritten derived texts have
short runs), which would penalise verbatim syndication, so they are left out.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

GRAM = 5
MAX_LENGTH_RATIO = 4.0

# Logistic weights, fitted on the even half of COUNTER (the odd half is held out).
WEIGHTS = {"grams": 3.13, "covered": 4.36, "anchors": 2.52, "length": -1.55}
BIAS = 0.46


def char_grams(words: Sequence[str], n: int = GRAM) -> set[str]:
    """Character n-grams of the words written without spaces."""
    s = "".join(words)
    if len(s) < n:
        return {s} if s else set()
    return {s[i : i + n] for i in range(len(s) - n + 1)}


def signals(
    source: Sequence[str],
    copy: Sequence[str],
    source_anchors: Collection[str],
    copy_anchors: Collection[str],
) -> dict[str, float]:
    """The reuse signals of ``copy`` taken from ``source`` (word lists, anchor keys)."""
    src_grams = char_grams(source)
    copy_grams = char_grams(copy)
    shared = len(src_grams & copy_grams)
    copy_keys = set(copy_anchors)
    anchors = len(copy_keys & set(source_anchors)) / len(copy_keys) if copy_keys else 0.0
    return {
        "grams": shared / len(copy_grams) if copy_grams else 0.0,
        "covered": shared / len(src_grams) if src_grams else 0.0,
        "anchors": anchors,
        "length": min(MAX_LENGTH_RATIO, len(copy) / max(1, len(source))),
    }


def score(sig: dict[str, float]) -> float:
    """Probability-like 0..1 score that the copy is derived from the source."""
    z = BIAS + sum(w * sig[k] for k, w in WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-z))
