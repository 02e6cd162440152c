"""What entities + quotes + claims + conflicts add to the spaCy parse, as a ratio of CPU time.

Parses N articles (Wikinews from the shared eval data, else the example pages) with the
pipeline's batched ``nlp.pipe``, then runs each stage over the parsed docs, timing each with
process CPU time (stable on a shared machine). Budgets: entities + claims + conflicts at
most 0.25; quotes alone at most 0.20.

    PYTHONPATH=src python -m benchmarks.stage_cost [--n 120]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from presstrace import Resources
from presstrace.records import Article
from presstrace.stages.claims import claims
from presstrace.stages.conflicts import conflicts
from presstrace.stages.entities import entities
from presstrace.stages.quotes import quotes

ROOT = Path(__file__).resolve().parent.parent


def texts(n: int) -> list[str]:
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        path = base / "evaldata" / "wikinews" / "articles.jsonl"
        if path.exists():
            with path.open() as f:
                return [json.loads(line)["text"] for _, line in zip(range(n), f, strict=False)]
    from presstrace import analyze_paths

    pages = sorted(str(p) for p in (ROOT / "examples" / "pages").iterdir())
    return [a.text for a in analyze_paths(pages) if a.text][:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=120)
    args = ap.parse_args()
    res = Resources()
    nlp = res.nlp
    docs_in = texts(args.n)
    warm = nlp(docs_in[0])
    claims(entities(Article(text=docs_in[0]), warm, res), warm, res)  # build the tables
    t0 = time.process_time()
    docs = list(nlp.pipe(docs_in, batch_size=16))
    parse = time.process_time() - t0
    arts = [Article(text=t) for t in docs_in]
    cost = {}
    stages = (
        ("entities", entities),
        ("quotes", quotes),
        ("claims", claims),
        ("conflicts", conflicts),
    )
    for name, stage in stages:
        t0 = time.process_time()
        arts = [stage(a, d, res) for a, d in zip(arts, docs, strict=True)]
        cost[name] = time.process_time() - t0
    total = sum(cost.values()) - cost["quotes"]
    print(f"{len(docs)} articles, parse {parse:.2f}s CPU")
    for name, secs in cost.items():
        print(f"  {name:10s} {secs:6.2f}s  {secs / parse:6.1%} of parse")
    print(f"  {'all but quotes':10s} {total:6.2f}s  {total / parse:6.1%} of parse (budget 25%)")
    print(f"  quotes budget 20%: {'ok' if cost['quotes'] <= 0.2 * parse else 'OVER'}")


if __name__ == "__main__":
    main()
