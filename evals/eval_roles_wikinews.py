"""People's roles against the hand-labelled Wikinews set (``wikinews_gold/roles.jsonl``).

Per article and person: a person presstrace gives a role is right when the gold names that
person (names match by containment: "Khan" / "Sadiq Khan") and one of the roles presstrace
gives matches the gold description (equal, or one holds the other and is at least 60% of
its length). Precision: right people / people given a role; recall: right / gold people.
"""

from __future__ import annotations

from typing import Any

from evals import wikinews_labels

NAME = "roles_wikinews"


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("’", "'").split()).casefold()


def _same_name(a: str, b: str) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x) and bool(y) and (x in y or y in x)


def _same_role(a: str, b: str) -> bool:
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    return short == long or (short in long and len(short) >= 0.6 * len(long))


def score(
    texts: dict[str, str],
    gold: dict[str, list[dict[str, Any]]],
    found: dict[str, dict[str, set[str]]],
) -> dict[str, float]:
    n_gold = n_found = right_gold = right_found = 0
    for aid, items in gold.items():
        text = texts[aid]
        want = [
            (text[g["name"][0] : g["name"][1]], text[g["role"][0] : g["role"][1]]) for g in items
        ]
        have = found.get(aid, {})
        n_gold += len(want)
        n_found += len(have)
        for name, role in want:
            right_gold += any(
                _same_name(name, n) and any(_same_role(role, r) for r in rs)
                for n, rs in have.items()
            )
        for n, rs in have.items():
            right_found += any(
                _same_name(name, n) and any(_same_role(role, r) for r in rs) for name, role in want
            )
    precision = right_found / n_found if n_found else 0.0
    recall = right_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def run() -> dict[str, float]:
    return wikinews_labels.every_split(_split)


def _split(split: str) -> dict[str, float]:
    rows, gold = wikinews_labels.load("roles", split)
    ids = list(gold)
    done = wikinews_labels.analyzed(rows, ids, wikinews_labels.entities_stage())
    found: dict[str, dict[str, set[str]]] = {}
    for aid, art in zip(ids, done, strict=True):
        people = found.setdefault(aid, {})
        for e in art.entities:
            if e.label == "PERSON" and e.role:
                people.setdefault(e.name, set()).add(e.role)
    return score({i: rows[i]["text"] for i in ids}, gold, found)
