"""The hand-labelled Wikinews set (``wikinews_gold/``): gold by article id and offsets only.

The article texts stay in ``../shared``; this joins them with our labels.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evals.shared import evaldata

GOLD_DIR = Path(__file__).with_name("wikinews_gold")


def load(kind: str) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """(Wikinews rows by id for the labelled articles, gold ``kind`` items by article id)."""
    gold: dict[str, Any] = {}
    for line in (GOLD_DIR / f"{kind}.jsonl").read_text().splitlines():
        item = json.loads(line)
        gold[item["article"]] = item[kind]
    rows: dict[str, dict[str, Any]] = {}
    with (evaldata("wikinews") / "articles.jsonl").open() as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in gold:
                rows[row["id"]] = row
    return rows, gold


def analyzed(rows: dict[str, dict[str, Any]], ids: list[str], stages: list[str] | None) -> list:  # type: ignore[type-arg]
    """The labelled articles run through ``stages`` (all default stages when None)."""
    from presstrace import Pipeline
    from presstrace.records import Article

    articles = [Article(text=rows[i]["text"], url=rows[i]["url"], language="en") for i in ids]
    return Pipeline(stages).analyze_articles(articles)
