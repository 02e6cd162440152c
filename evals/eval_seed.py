"""The seed page: share of the careful reader's ``must`` items presstrace recovers.

Scored per section, so a later capability raises its own number without hiding a
regression in another.
"""

from __future__ import annotations

import json
from typing import Any

from evals.shared import evaldata

NAME = "seed"


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("’", "'").split()).lower()


def _any(expected: Any, got: str | None) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return any(_norm(o) == _norm(got) for o in options)


def _speaker_ok(expected: str, got: str | None) -> bool:
    names = [n.strip() for n in expected.split("/")]
    g = _norm(got)
    return bool(g) and any(_norm(n) in g or g in _norm(n) for n in names)


def score(record: dict[str, Any], must: dict[str, Any]) -> dict[str, float]:
    text = record["text"]
    out: dict[str, float] = {}
    structure = [
        _any(must["title"], record["title"]),
        _any(must["subtitle"], record["subtitle"]),
        _any(must["credited_source"], record["credited_source"]),
        text.startswith(must["body_starts_with"]),
        # the reader's note leaves out a closing quotation mark after the last full stop
        text.rstrip().rstrip('”"’»').endswith(must["body_ends_with"]),
        all(
            any(
                _norm(c["text"]) == _norm(g["text"]) and _norm(c["credit"]) == _norm(g["credit"])
                for g in record["captions"]
            )
            for c in must["captions"]
        ),
    ]
    structure += [bad not in text for bad in must["not_in_body"]]
    removed = record["removed"]
    structure += [
        any(r["text"].startswith(start) and r["reason"] == reason for r in removed)
        for start, reason in must["removed_reasons"].items()
    ]
    out["structure"] = sum(structure) / len(structure)

    quotes = record["quotes"]
    direct = [
        any(
            q["kind"] == "direct"
            and q["content"]["text"].lstrip('“"').startswith(d["starts_with"])
            and _speaker_ok(d["speaker"], q["speaker_name"])
            for q in quotes
        )
        for d in must["direct_quotes"]
    ]
    indirect = [
        any(
            q["kind"] in ("indirect", "mixed")
            and d["contains"] in q["content"]["text"]
            and _speaker_ok(d["speaker"], q["speaker_name"])
            for q in quotes
        )
        for d in must["indirect_quotes"]
    ]
    out["quotes"] = (sum(direct) + sum(indirect)) / (len(direct) + len(indirect))

    ents = record["entities"]
    roles = [
        any(_speaker_ok(name, e["name"]) and _norm(role) in _norm(e.get("role")) for e in ents)
        for name, role in must["people_roles"].items()
    ]
    out["roles"] = sum(roles) / len(roles)
    places = [
        any(e["label"] == "PLACE" and (_norm(e["text"]) == _norm(p)) for e in ents)
        for p in must["places"]
    ]
    out["places"] = sum(places) / len(places)

    claims = record["claims"]
    found = [
        any(
            c["about"] in (m["about"], "casualties", "killed", "dead")
            and c["value_low"] == m["value"]
            and _speaker_ok(m["source"], c["source_name"])
            for c in claims
        )
        for m in must["claims"]
    ]
    out["claims"] = sum(found) / len(found)
    conflicts = record["conflicts"]
    out["conflicts"] = (
        float(
            any(
                all(any(_speaker_ok(b, s) for s in c["sources"]) for b in m["between"])
                for c in conflicts
                for m in must["conflicts"]
            )
        )
        if must["conflicts"]
        else 1.0
    )
    codes = {f["code"] for f in record["flags"]}
    out["flags"] = sum(f in codes for f in must["flags"]) / len(must["flags"])
    return out


def run() -> dict[str, float]:
    from presstrace import analyze_paths

    base = evaldata("seed")
    must = json.loads((base / "belgorod-page.expected.json").read_text())["must"]
    article = next(iter(analyze_paths([str(base / "belgorod-page.txt")])))
    return score(article.to_dict(), must)
