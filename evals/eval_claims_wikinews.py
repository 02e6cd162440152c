"""Numeric claims against a small hand-labelled Wikinews set (``wikinews_gold/``).

A gold claim is found when a claim's span holds the gold number; it is right when the value
(low and high), the counted thing (deaths folded together) and the source all agree. Recall:
right gold claims / gold claims; precision: right claims / claims presstrace made.
The annotation rules are in ``wikinews_gold/RULES.md``.
"""

from __future__ import annotations

from typing import Any

from evals import wikinews_labels

NAME = "claims_wikinews"
FAMILY = {"dead": "killed", "casualties": "killed"}


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("’", "'").split()).casefold()


def _source_ok(text: str, gold: list[int] | None, got: str | None) -> bool:
    if gold is None:
        return got is None
    want, have = _norm(text[gold[0] : gold[1]]), _norm(got)
    return bool(have) and (want in have or have in want)


def score(
    texts: dict[str, str],
    gold: dict[str, list[dict[str, Any]]],
    found: dict[str, list[dict[str, Any]]],
) -> dict[str, float]:
    n_gold = n_found = right = detected = value_ok = about_ok = source_ok = 0
    for aid, items in gold.items():
        claims = found.get(aid, [])
        n_gold += len(items)
        n_found += len(claims)
        used: set[int] = set()
        for g in items:
            match = next(
                (
                    i
                    for i, c in enumerate(claims)
                    if i not in used and c["start"] <= g["start"] < c["end"]
                ),
                None,
            )
            if match is None:
                continue
            used.add(match)
            c = claims[match]
            detected += 1
            v = c["value_low"] == g["low"] and c["value_high"] == g["high"]
            a = FAMILY.get(c["about"], c["about"]) == FAMILY.get(g["about"], g["about"])
            s = _source_ok(texts[aid], g["source"], c["source_name"])
            value_ok += v
            about_ok += a
            source_ok += s
            right += v and a and s
    precision = right / n_found if n_found else 0.0
    recall = right / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "detected_recall": round(detected / n_gold, 4) if n_gold else 0.0,
        "value_accuracy": round(value_ok / detected, 4) if detected else 0.0,
        "about_accuracy": round(about_ok / detected, 4) if detected else 0.0,
        "source_accuracy": round(source_ok / detected, 4) if detected else 0.0,
    }


def _split(split: str) -> dict[str, float]:
    rows, gold = wikinews_labels.load("claims", split)
    ids = list(gold)
    done = wikinews_labels.analyzed(rows, ids, None)
    found = {i: [c.to_dict() for c in a.claims] for i, a in zip(ids, done, strict=True)}
    texts = {i: rows[i]["text"] for i in ids}
    return score(texts, gold, found)


def run() -> dict[str, float]:
    return wikinews_labels.every_split(_split)
