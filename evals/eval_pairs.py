"""The team's fictional example pairs (``examples/pairs.jsonl``): relation accuracy.

Ten labelled pairs, two per relation; small, but every relation is represented, and a
regression in any rule shows here first.
"""

from __future__ import annotations

import json

from evals.shared import ROOT

NAME = "pairs"


def run() -> dict[str, float]:
    from presstrace import Resources
    from presstrace.corpus.copies import compare
    from presstrace.corpus.embedding import multilingual_embedder

    rows = [
        json.loads(x)
        for x in (ROOT / "examples" / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    res = Resources()
    embed = multilingual_embedder(res)
    hits = anchors_only = 0
    for r in rows:
        hits += compare(r["a"], r["b"], resources=res, embed=embed).relation == r["expected"]
        anchors_only += compare(r["a"], r["b"], resources=res).relation == r["expected"]
    return {"accuracy": hits / len(rows), "accuracy_without_embedding": anchors_only / len(rows)}
