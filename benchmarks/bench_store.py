"""Store throughput, SQLite file against PostgreSQL: batched upserts of analysed articles,
then full-text searches and article pages, each side timed in this one process.

``python -m benchmarks.bench_store [--articles N] [--pg postgresql://...]`` (the URL defaults
to ``$PRESSTRACE_TEST_PG_URL``; without one only SQLite is measured). The PostgreSQL side
writes into a fresh schema that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from presstrace.records import Article, Claim, Entity, Flag, Quote, Span
from presstrace.store import open_store

WORDS = (
    "river dam town council rescue flood water mayor minister police hospital bridge road "
    "school market harbour storm fire election budget court strike train airport farm"
).split()


def synthetic(i: int) -> Article:
    """An article of ~400 words with a quote, an entity, a claim and a flag."""
    body = " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(400))
    text = f"“We will rebuild,” said Mayor Ana Ruiz{i}. At least {i % 50} people died. {body}"
    name_end = text.index(".")
    return Article(
        url=f"https://site{i % 20}.example/a/{i}",
        title=f"Story {i} about the {WORDS[i % len(WORDS)]}",
        published=f"2026-03-{1 + i % 28:02d}",
        language="en",
        text=text,
        entities=(Entity(29, name_end, text[29:name_end], "PERSON", f"Ana Ruiz{i}", "Mayor"),),
        quotes=(
            Quote(
                "direct",
                Span.of(text, 1, 16),
                Span.of(text, 18, 22),
                Span.of(text, 23, name_end),
                f"Ana Ruiz{i}",
            ),
        ),
        claims=(Claim(0, 5, text[0:5], None, "killed", float(i % 50), None, "at least", None),),
        flags=(Flag("placeholder_text", None, None, "Lorem ipsum"),),
    )


@contextmanager
def pg_schema(base: str) -> Iterator[str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def measure(target: str, n: int, batch: int = 32) -> dict[str, float]:
    articles = [synthetic(i) for i in range(n)]
    with open_store(target) as store:
        t0 = time.perf_counter()
        for k in range(0, n, batch):
            store.upsert_many(articles[k : k + batch])
        write = time.perf_counter() - t0
        queries = ["flood", "rescue bridge", "mayor harbour election", "story"]
        t0 = time.perf_counter()
        for _ in range(25):
            for q in queries:
                assert store.search_articles(q, limit=20)
        search = (time.perf_counter() - t0) / (25 * len(queries))
        ids = [a.id for a in articles[:: max(1, n // 100)]]
        t0 = time.perf_counter()
        for aid in ids:
            assert store.get(aid) is not None and store.copies_of(aid) == []
        page = (time.perf_counter() - t0) / len(ids)
        assert store.count() == n
    return {"articles_per_s": n / write, "search_ms": search * 1000, "article_ms": page * 1000}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_store")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--pg", default=os.environ.get("PRESSTRACE_TEST_PG_URL"))
    args = ap.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="presstrace-bench-") as tmp:
        results["sqlite"] = measure(str(Path(tmp) / "bench.db"), args.articles)
    if args.pg:
        with pg_schema(args.pg) as url:
            results["postgresql"] = measure(url, args.articles)
    else:
        print("postgresql: skipped (no --pg URL or PRESSTRACE_TEST_PG_URL)")
    for name, r in results.items():
        print(
            f"{name:<10} {r['articles_per_s']:8.0f} articles/s written   "
            f"search {r['search_ms']:6.1f} ms   article {r['article_ms']:5.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
