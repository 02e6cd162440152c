"""PolNeAR attributions: how well the quotes stage finds who said what in news text.

Data: ``polnear/gold_dev.jsonl`` (one line per article and annotator; gold ``source``,
``cue`` and ``content`` spans with char offsets into ``text``). One annotator per
article is scored: the first by annotator id, so the choice is deterministic. The
text is analysed as given (``--plain`` semantics) with the newest entities stage + quotes.

A predicted quote matches a gold attribution when their content spans overlap by at
least half of the longer one (one-to-one, greedy by overlap; predicted quotes sharing
one cue count as one attribution with several content pieces, as PolNeAR annotates a
quote split around or continued after its cue); it is right end to end
when its speaker span also overlaps the gold source span (or both have none).
Scores: content F1 (match only), end-to-end F1, the same two for direct quotes (gold
content holds a double quotation mark; predictions of kind direct or mixed; and
``direct_e2e_f1_any_mark``, whose gold also counts an opening single mark ‘ or ‹), exact content F1
(texts equal once each content piece is trimmed of quotation marks, punctuation and
spaces at its edges) and speaker
accuracy on content matches. ``python -m evals.eval_polnear train`` scores the train
split (for tuning; floors are kept for dev only).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evals.shared import evaldata

NAME = "polnear"
MARKS = "“”\"«»„‘’'"
_TRIM = MARKS + " \t\n.,;:!?()[]—–-"


@dataclass(frozen=True)
class Attribution:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    text: str
    exact: str = ""

    @property
    def length(self) -> int:
        return sum(b - a for a, b in self.content)

    def overlap(self, a: int, b: int) -> int:
        return sum(max(0, min(b, y) - max(a, x)) for x, y in self.content)


def load(split: str = "dev", limit: int | None = None) -> list[dict[str, Any]]:
    """One record per article: the first annotator's (by id)."""
    path = evaldata("polnear", f"gold_{split}.jsonl")
    chosen: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            key = row["article"]
            if key not in chosen or row["annotator"] < chosen[key]["annotator"]:
                chosen[key] = row
    rows = [chosen[k] for k in sorted(chosen)]
    return rows[:limit] if limit else rows


def gold_of(row: dict[str, Any]) -> list[Attribution]:
    out = []
    for att in row["attributions"]:
        content = tuple((c["start"], c["end"]) for c in att["content"])
        if not content:
            continue
        source = tuple((s["start"], s["end"]) for s in att["source"])
        text = " ".join(row["text"][a:b] for a, b in content)
        out.append(Attribution(content, source, text, _pieces_trimmed(row["text"], content)))
    return out


def _trimmed(s: str) -> str:
    return " ".join(s.split()).strip(_TRIM).lower()


def _pieces_trimmed(text: str, pieces: Sequence[tuple[int, int]]) -> str:
    """The content pieces, each trimmed, joined: a quote split around its cue compares
    equal whatever the marks and commas at the cut (“A,” he said, “B.” vs A / B)."""
    return " ".join(t for t in (_trimmed(text[a:b]) for a, b in sorted(pieces)) if t)


def _is_direct_gold(g: Attribution) -> bool:
    """A double quotation mark, including the two-apostrophe '' some archives use."""
    return any(m in g.text for m in ("“", "”", '"', "«", "»", "''"))


def _is_direct_gold_any_mark(g: Attribution) -> bool:
    """Also an opening single mark (‘ or ‹), as the issue defines direct quotes: content
    holding a quotation mark. A lone ’ is an apostrophe (it's, Trump’s) and does not count."""
    return _is_direct_gold(g) or any(m in g.text for m in ("‘", "‹"))


def merge(quotes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes sharing one cue are one attribution, as PolNeAR annotates them: a quote
    split around its cue ("A," he said, "B.") or continued after it."""
    out: list[dict[str, Any]] = []
    by_cue: dict[tuple[int, int], dict[str, Any]] = {}
    for q in quotes:
        piece = (q["content"]["start"], q["content"]["end"])
        cue = q["cue"]
        key = (cue["start"], cue["end"]) if cue else None
        if key is not None and key in by_cue:
            by_cue[key]["pieces"].append(piece)
            by_cue[key]["text"] += " " + q["content"]["text"]
            continue
        item = {**q, "pieces": [piece], "text": q["content"]["text"]}
        out.append(item)
        if key is not None:
            by_cue[key] = item
    return out


def match(preds: Sequence[dict[str, Any]], gold: Sequence[Attribution]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index) with overlap >= half the longer."""
    pairs = []
    for i, p in enumerate(preds):
        length = sum(b - a for a, b in p["pieces"])
        for j, g in enumerate(gold):
            ov = sum(g.overlap(a, b) for a, b in p["pieces"])
            if ov * 2 >= max(length, g.length) and ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _ov, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def speaker_ok(pred: dict[str, Any], gold: Attribution) -> bool:
    sp = pred["speaker"]
    if sp is None or not gold.source:
        return sp is None and not gold.source
    return any(max(0, min(sp["end"], y) - max(sp["start"], x)) > 0 for x, y in gold.source)


def _f1(tp: float, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(rows: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]]) -> dict[str, float]:
    tally = {k: 0 for k in ("pred", "gold", "match", "e2e", "exact", "dpred", "dgold", "de2e")}
    tally |= {"adgold": 0, "ade2e": 0}
    for row, rec in zip(rows, records, strict=True):
        gold = gold_of(row)
        preds = merge(rec["quotes"])
        tally["pred"] += len(preds)
        tally["gold"] += len(gold)
        pairs = match(preds, gold)
        tally["match"] += len(pairs)
        tally["e2e"] += sum(speaker_ok(preds[i], gold[j]) for i, j in pairs)
        gold_texts = [g.exact for g in gold]
        used: set[int] = set()
        for p in preds:
            t = _pieces_trimmed(row["text"], p["pieces"])
            hit = next((k for k, g in enumerate(gold_texts) if g == t and k not in used), None)
            if hit is not None:
                used.add(hit)
        tally["exact"] += len(used)
        dgold = [g for g in gold if _is_direct_gold(g)]
        dpreds = [p for p in preds if p["kind"] in ("direct", "mixed")]
        tally["dpred"] += len(dpreds)
        tally["dgold"] += len(dgold)
        tally["de2e"] += sum(speaker_ok(dpreds[i], dgold[j]) for i, j in match(dpreds, dgold))
        adgold = [g for g in gold if _is_direct_gold_any_mark(g)]
        tally["adgold"] += len(adgold)
        tally["ade2e"] += sum(speaker_ok(dpreds[i], adgold[j]) for i, j in match(dpreds, adgold))
    out: dict[str, float] = {}
    p, r, f = _f1(tally["match"], tally["pred"], tally["gold"])
    out |= {"content_precision": p, "content_recall": r, "content_f1": f}
    out["e2e_f1"] = _f1(tally["e2e"], tally["pred"], tally["gold"])[2]
    out["exact_content_f1"] = _f1(tally["exact"], tally["pred"], tally["gold"])[2]
    out["direct_e2e_f1"] = _f1(tally["de2e"], tally["dpred"], tally["dgold"])[2]
    out["direct_e2e_f1_any_mark"] = _f1(tally["ade2e"], tally["dpred"], tally["adgold"])[2]
    out["speaker_accuracy"] = tally["e2e"] / tally["match"] if tally["match"] else 0.0
    return {k: round(v, 4) for k, v in out.items()}


def analyse(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    from presstrace import Pipeline
    from presstrace.records import Article

    pipe = Pipeline(["entities", "quotes"])
    articles = [Article(input=r["article"], text=r["text"], language="en") for r in rows]
    return [a.to_dict() for a in pipe.analyze_articles(articles)]


def run(split: str = "dev", limit: int | None = None) -> dict[str, float]:
    rows = load(split, limit)
    return score(rows, analyse(rows))


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    print(json.dumps(run(split, limit), indent=2))
