"""Parquet shards of Article records: written by ``ingest --engine ray``, read by ``load``.

Every column is a string: nested fields (lists of quotes, claims, ...) are JSON strings,
as ``export --format parquet`` writes them, so every shard has one fixed schema whatever
an article holds, and a ``presstrace export`` file loads back too. A ``stages`` column
carries which stage version made each fact (the store keeps it per article).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, InputError
from .records import RECORD_KEYS, Article
from .store import open_store

if TYPE_CHECKING:
    import pyarrow as pa

    from .ingest import IngestSummary
    from .resources import Resources

NESTED = (
    "authors",
    "captions",
    "removed",
    "entities",
    "quotes",
    "claims",
    "conflicts",
    "flags",
    "errors",
)
COLUMNS = (*RECORD_KEYS, "stages")
LOAD_BATCH = 256


def article_row(article: Article, provenance: Mapping[str, str]) -> dict[str, str | None]:
    """One Article as a flat row of strings (nested fields as JSON)."""
    return record_row(article.to_dict(), provenance)


def record_row(
    record: Mapping[str, Any], provenance: Mapping[str, str] | None
) -> dict[str, str | None]:
    """A record dict as a flat row of strings: one fixed schema for every Parquet file."""
    row: dict[str, str | None] = {}
    for key in RECORD_KEYS:
        value = record.get(key)
        if key in NESTED:
            row[key] = json.dumps(value if value is not None else [], ensure_ascii=False)
        else:
            row[key] = None if value is None else str(value)
    row["stages"] = None if provenance is None else json.dumps(dict(provenance), sort_keys=True)
    return row


def rows_table(rows: list[dict[str, str | None]]) -> pa.Table:
    import pyarrow as pa

    schema = pa.schema([(k, pa.string()) for k in COLUMNS])
    return pa.Table.from_pylist(rows, schema=schema)


def row_article(row: Mapping[str, Any]) -> tuple[Article, dict[str, str]]:
    """Inverse of ``article_row``: the Article and its stage provenance."""
    record: dict[str, Any] = {}
    for key in RECORD_KEYS:
        value = row.get(key)
        record[key] = json.loads(value) if key in NESTED and value else value
    stages = row.get("stages")
    return Article.from_dict(record), (json.loads(stages) if stages else {})


def iter_shard_rows(directory: Path) -> Iterator[dict[str, Any]]:
    """Rows of every ``*.parquet`` under ``directory`` (or one file), streamed by batch."""
    import pyarrow.parquet as pq

    if directory.is_file():
        files = [directory]
    elif directory.is_dir():
        files = sorted(p for p in directory.rglob("*.parquet") if p.is_file())
    else:
        raise InputError(f"no such file or folder: {directory}")
    if not files:
        raise InputError(f"no .parquet files under {directory}")
    for path in files:
        try:
            pf = pq.ParquetFile(path)
        except (OSError, ValueError) as e:
            raise InputError(f"{path} is not a readable Parquet file: {e}") from e
        missing = {"text", "input"} - set(pf.schema_arrow.names)
        if missing:
            raise ConfigError(f"{path} has no {', '.join(sorted(missing))} column")
        for batch in pf.iter_batches(batch_size=LOAD_BATCH):
            yield from batch.to_pylist()


def load_parquet(
    directory: str | Path,
    db: str | Path,
    *,
    corpus: bool = True,
    resources: Resources | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Upsert every record of the shards into the database, one transaction per batch.

    Then, unless ``corpus`` is false, the corpus jobs (copies, stories) for the articles
    that came in or changed: they need the whole store, so they run after the load,
    from the database, not on the cluster that wrote the shards.
    """
    from .corpus import run_corpus_jobs
    from .ingest import IngestSummary

    summary = IngestSummary(keep_changed=corpus)
    with open_store(db) as store:
        for chunk in _chunks(iter_shard_rows(Path(directory)), LOAD_BATCH):
            by_stages: dict[str, list[Article]] = {}
            provenance: dict[str, dict[str, str]] = {}
            for row in chunk:
                article, stages = row_article(row)
                key = json.dumps(stages, sort_keys=True)
                by_stages.setdefault(key, []).append(article)
                provenance[key] = stages
            for key, articles in by_stages.items():
                results = store.upsert_many(articles, provenance[key])
                for article, result in zip(articles, results, strict=True):
                    summary.add(article, result)
        if corpus:
            summary.corpus = run_corpus_jobs(store, resources, summary.changed, workers=workers)
    return summary


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
