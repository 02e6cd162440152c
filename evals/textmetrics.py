"""Text-overlap metrics shared by the extraction evals."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles of ``\\w+`` tokens (the AEB benchmark's unit)."""
    toks = _WORD.findall(text.lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def precision_recall(pred: str, truth: str) -> tuple[float, float]:
    p, t = shingles(pred), shingles(truth)
    if not p and not t:
        return 1.0, 1.0
    overlap = sum((p & t).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(t.values()) if t else 1.0
    return precision, recall


def f1_of_averages(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Per-page P/R averaged, then F1 of the averages (the AEB convention)."""
    if not pairs:
        return 0.0, 0.0, 0.0
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
