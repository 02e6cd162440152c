"""Place resolution against the hand-labelled Wikinews set (``wikinews_gold/places.jsonl``).

Recall: gold places (first mention) that presstrace marks PLACE and resolves to the gold
GeoNames id. Precision: of the PLACE entities presstrace resolves at a gold place's mention,
the share resolved to the right id (a wrong entry is worse than none).
"""

from __future__ import annotations

from typing import Any

from evals import wikinews_labels

NAME = "places_wikinews"


def score(gold: dict[str, list[dict[str, Any]]], found: dict[str, list[Any]]) -> dict[str, float]:
    n_gold = right = resolved = 0
    for aid, items in gold.items():
        n_gold += len(items)
        for g in items:
            start, end = g["span"]
            hits = [
                e
                for e in found.get(aid, [])
                if e.label == "PLACE" and e.start < end and start < e.end and e.place_id
            ]
            if hits:
                resolved += 1
                right += hits[0].place_id == g["id"]
    precision = right / resolved if resolved else 0.0
    recall = right / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "resolution_precision": round(precision, 4),
        "resolution_recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def run() -> dict[str, float]:
    return wikinews_labels.every_split(_split)


def _split(split: str) -> dict[str, float]:
    rows, gold = wikinews_labels.load("places", split)
    ids = list(gold)
    done = wikinews_labels.analyzed(rows, ids, wikinews_labels.entities_stage())
    return score(gold, {i: list(a.entities) for i, a in zip(ids, done, strict=True)})
