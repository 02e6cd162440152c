"""COUNTER (Urdu text reuse): does the verifier tell derived from independent news texts?

600 source/derived pairs labelled WD (wholly derived), PD (partially derived) and ND
(non-derived: the same story written independently). Derived = WD + PD. Scores: ROC-AUC
of the directional copy score (how much of the derived text comes from the source; the
baseline, word containment alone, reaches 0.87), also on the odd-numbered half alone (the
weights of ``corpus.reuse`` were fitted on the even half, so that figure is held out),
and accuracy and macro-F1 of the verifier's relation read as derived (syndicated,
rewritten, translated) vs independent.
"""

from __future__ import annotations

import json

from evals.shared import evaldata

NAME = "counter"


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    ranked = sorted(zip(scores, labels, strict=True))
    pos = sum(labels)
    neg = len(labels) - pos
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie group
        rank_sum += mid * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg) if pos and neg else 0.0


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def run() -> dict[str, float]:
    from presstrace import Resources
    from presstrace.corpus.copies import Side, compare

    path = evaldata("counter-urdu", "pairs.jsonl")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    res = Resources()
    labels, scores, called, held_out = [], [], [], []
    for r in rows:
        src, der = r["source"], r["derived"]
        c = compare(
            Side(src["body"], language="ur"), Side(der["body"], language="ur"), resources=res
        )
        labels.append(r["label"] != "ND")
        scores.append(c.evidence.get("b_from_a", 0.0))
        called.append(c.is_copy)
        held_out.append(int(r["pair_id"]) % 2 == 1)
    tp = sum(g and p for g, p in zip(labels, called, strict=True))
    tn = sum(not g and not p for g, p in zip(labels, called, strict=True))
    fp = sum(not g and p for g, p in zip(labels, called, strict=True))
    fn = sum(g and not p for g, p in zip(labels, called, strict=True))
    return {
        "derived_roc_auc": roc_auc(scores, labels),
        "derived_roc_auc_held_out": roc_auc(
            [s for s, h in zip(scores, held_out, strict=True) if h],
            [g for g, h in zip(labels, held_out, strict=True) if h],
        ),
        "accuracy": (tp + tn) / len(labels),
        "macro_f1": (_f1(tp, fp, fn) + _f1(tn, fn, fp)) / 2,
    }
