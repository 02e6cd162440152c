"""How much of one text is taken from another: a directional text-reuse score.

Word containment alone (share of the copy's words found in the source) mistakes an
independent report of the same event for a copy: both name the same people, places
and numbers. The score combines signals that hold in any script:

- character 3- and 5-gram containment of the copy in the source, over the words run
  together: survives the spelling and spacing variants of Urdu ("کہاگیا" / "کہا گیا") and
  inflected endings, and counts shared phrasing (grams across word boundaries), not only
  shared vocabulary; word-bigram containment adds the copy's reused two-word phrases;
- the 5-gram containment the other way (how much of the source the copy covers): a
  derived text retells most of its source, an independent one only the shared facts;
- the share of the source's word trigrams the copy repeats verbatim. At a given coverage
  this points *away* from derivation: an independent report repeats the quoted statement
  word for word and rewrites nothing else, while a rewrite keeps the wording of the whole
  text loosely (verbatim syndication is caught by sentence alignment in ``copies``);
- the share of the copy's anchors (numbers, dates, names, quoted words) in the source;
- the copy's length over the source's, and the copy's own length: a derived text seldom
  adds much, and a long text written from one short report usually was not.

The weights are a logistic regression fitted on one half of the COUNTER Urdu reuse
corpus (pairs with even ids) by ``scripts/fit_reuse.py`` and checked on the other half
(``evals/eval_counter.py`` reports both halves). Containment enters as a logarithm: the
difference between 10% and 20% shared grams (independent vs partly derived) matters more
than that between 70% and 80%.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T", bound=Hashable)

GRAM = 5
SHORT_GRAM = 3
MAX_LENGTH_RATIO = 4.0
MAX_WORDS = 1000  # copies longer than this count as this long (COUNTER's longest ~1000)
FLOOR = 0.02  # added before taking the logarithm of a share (a share of 0 stays finite)

# How each signal enters the model: log(x + FLOOR), sqrt(x), or as it is.
TRANSFORM = {
    "grams": "log",
    "grams3": "log",
    "bigrams": "log",
    "covered": "log",
    "trigrams_covered": "sqrt",
    "anchors": "raw",
    "length": "raw",
    "words": "raw",
}
# Logistic weights, fitted on the even half of COUNTER (``scripts/fit_reuse.py``).
WEIGHTS = {
    "grams": -3.41,
    "grams3": 5.35,
    "bigrams": 1.65,
    "covered": 5.59,
    "trigrams_covered": -11.85,
    "anchors": 2.74,
    "length": -0.79,
    "words": -1.75,
}
BIAS = 23.85


def char_grams(words: Sequence[str], n: int = GRAM) -> set[str]:
    """Character n-grams of the words written without spaces."""
    s = "".join(words)
    if len(s) < n:
        return {s} if s else set()
    return {s[i : i + n] for i in range(len(s) - n + 1)}


def word_grams(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _share(part: set[T], whole: set[T]) -> float:
    """How much of ``part`` is in ``whole``."""
    return len(part & whole) / len(part) if part else 0.0


def signals(
    source: Sequence[str],
    copy: Sequence[str],
    source_anchors: Collection[str],
    copy_anchors: Collection[str],
) -> dict[str, float]:
    """The reuse signals of ``copy`` taken from ``source`` (word lists, anchor keys)."""
    src_grams, copy_grams = char_grams(source), char_grams(copy)
    copy_keys = set(copy_anchors)
    ratio = max(1, len(copy)) / max(1, len(source))
    return {
        "grams": _share(copy_grams, src_grams),
        "grams3": _share(char_grams(copy, SHORT_GRAM), char_grams(source, SHORT_GRAM)),
        "bigrams": _share(word_grams(copy, 2), word_grams(source, 2)),
        "covered": _share(src_grams, copy_grams),
        "trigrams_covered": _share(word_grams(source, 3), word_grams(copy, 3)),
        "anchors": _share(copy_keys, set(source_anchors)),
        "length": math.log(min(MAX_LENGTH_RATIO, max(1 / MAX_LENGTH_RATIO, ratio))),
        "words": math.log(min(MAX_WORDS, max(1, len(copy)))),
    }


def model_inputs(sig: dict[str, float]) -> dict[str, float]:
    """The signals as the model reads them (see TRANSFORM)."""
    out = {}
    for k, how in TRANSFORM.items():
        x = sig[k]
        out[k] = math.log(x + FLOOR) if how == "log" else math.sqrt(x) if how == "sqrt" else x
    return out


def score(sig: dict[str, float]) -> float:
    """Probability-like 0..1 score that the copy is derived from the source."""
    inputs = model_inputs(sig)
    z = BIAS + sum(w * inputs[k] for k, w in WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-z))
