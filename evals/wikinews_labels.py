"""The hand-labelled Wikinews set (``wikinews_gold/``): gold by article id and offsets only.

The article texts stay in ``../shared``; this joins them with our labels. ``dev`` is the 40
articles the stages were tuned on; each held-out split was labelled before the system was run
on it, so in-sample and unseen figures stay apart. ``heldout`` (20 later articles) and then
``heldout2`` (20 more, a seeded sample) and ``heldout3`` (20 more, labelled blind while
heldout2's errors were being read) and ``heldout4`` (20 more, labelled blind while heldout3
was read for errors) and ``heldout5`` (20 more, labelled blind while heldout4 was read) were in
turn read for errors while tuning (heldout4 in session 4's third round, heldout5 in session
5), as was ``heldout6`` (20 more, labelled blind while heldout5 was read) in session 5's second
round; ``heldout7``, labelled blind meanwhile, takes its place as the measured-only split.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.shared import evaldata

GOLD_DIR = Path(__file__).with_name("wikinews_gold")
SPLITS = {
    "dev": GOLD_DIR,
    "heldout": GOLD_DIR / "heldout",
    "heldout2": GOLD_DIR / "heldout2",
    "heldout3": GOLD_DIR / "heldout3",
    "heldout4": GOLD_DIR / "heldout4",
    "heldout5": GOLD_DIR / "heldout5",
    "heldout6": GOLD_DIR / "heldout6",
    "heldout7": GOLD_DIR / "heldout7",
}


def load(kind: str, split: str = "dev") -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """(Wikinews rows by id for the labelled articles, gold ``kind`` items by article id)."""
    gold: dict[str, Any] = {}
    for line in (SPLITS[split] / f"{kind}.jsonl").read_text().splitlines():
        item = json.loads(line)
        gold[item["article"]] = item[kind]
    rows: dict[str, dict[str, Any]] = {}
    with (evaldata("wikinews") / "articles.jsonl").open() as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in gold:
                rows[row["id"]] = row
    return rows, gold


def every_split(score_split: Callable[[str], dict[str, float]]) -> dict[str, float]:
    """Dev-set keys unprefixed (as before); each held-out split's under ``<split>_``."""
    scores = score_split("dev")
    for split in SPLITS:
        if split != "dev":
            scores.update({f"{split}_{k}": v for k, v in score_split(split).items()})
    return scores


def entities_stage() -> list[str]:
    """The default pipeline's entities stage alone (roles and places need nothing else)."""
    from presstrace.stages import DEFAULT_STAGES

    return [s for s in DEFAULT_STAGES if s.startswith("entities.")]


def analyzed(rows: dict[str, dict[str, Any]], ids: list[str], stages: list[str] | None) -> list:  # type: ignore[type-arg]
    """The labelled articles run through ``stages`` (all default stages when None)."""
    from presstrace import Pipeline
    from presstrace.records import Article

    articles = [Article(text=rows[i]["text"], url=rows[i]["url"], language="en") for i in ids]
    return Pipeline(stages).analyze_articles(articles)


def span_problems(split: str) -> list[str]:
    """Gold spans that fall outside their article, are empty, or start/end on whitespace.

    Labels are offsets only, so a shifted offset would silently score the wrong words; this
    is the check run after writing gold by hand (``evals/test_wikinews_labels.py``).
    """
    problems: list[str] = []
    for kind, fields in (("claims", ("", "source")), ("roles", ("name", "role"))):
        rows, gold = load(kind, split)
        for aid, items in gold.items():
            text = rows[aid]["text"]
            for item in items:
                for field in fields:
                    span = [item["start"], item["end"]] if field == "" else item[field]
                    if span is not None:
                        problems += _span_problem(text, aid, kind, span)
    rows, gold = load("places", split)
    for aid, items in gold.items():
        for item in items:
            problems += _span_problem(rows[aid]["text"], aid, "places", item["span"])
    return problems


def _span_problem(text: str, aid: str, kind: str, span: list[int]) -> list[str]:
    start, end = span
    piece = text[start:end]
    if not 0 <= start < end <= len(text) or piece != piece.strip():
        return [f"{kind} {aid} {start}:{end}"]
    return []
