"""Clustering scores shared by the story evals: pairwise F1, B-cubed F1, adjusted Rand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from math import comb


def pairwise_f1(gold: Mapping[str, str], pred: Mapping[str, str]) -> float:
    """F1 over pairs of items put together (gold and predicted)."""
    ids = sorted(gold)
    same_gold = same_pred = both = 0
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            g = gold[ids[x]] == gold[ids[y]]
            p = pred[ids[x]] == pred[ids[y]]
            same_gold += g
            same_pred += p
            both += g and p
    precision = both / same_pred if same_pred else 1.0
    recall = both / same_gold if same_gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed_f1(gold: Mapping[str, str], pred: Mapping[str, str]) -> float:
    pairs = Counter((gold[i], pred[i]) for i in gold)
    g_size = Counter(gold[i] for i in gold)
    p_size = Counter(pred[i] for i in gold)
    n = len(gold)
    precision = sum(c * c / p_size[p] for (_, p), c in pairs.items()) / n
    recall = sum(c * c / g_size[g] for (g, _), c in pairs.items()) / n
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def adjusted_rand(gold: Mapping[str, str], pred: Mapping[str, str]) -> float:
    pairs = Counter((gold[i], pred[i]) for i in gold)
    index = sum(comb(c, 2) for c in pairs.values())
    a = sum(comb(c, 2) for c in Counter(gold[i] for i in gold).values())
    b = sum(comb(c, 2) for c in Counter(pred[i] for i in gold).values())
    total = comb(len(gold), 2)
    expected = a * b / total if total else 0.0
    top = (a + b) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0
