"""Export stored Article records as JSON Lines, CSV (one row per article) or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Any

from .errors import ConfigError
from .store import Store

CSV_COLUMNS = (
    "id",
    "url",
    "input",
    "title",
    "subtitle",
    "authors",
    "publisher",
    "published",
    "language",
    "credited_source",
    "quotes",
    "claims",
    "entities",
    "flags",
    "errors",
    "text",
)


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """Flatten one record: lists of findings become counts, authors are joined."""
    row = {k: record.get(k) for k in CSV_COLUMNS}
    row["authors"] = "; ".join(record.get("authors") or [])
    for key in ("quotes", "claims", "entities", "flags", "errors"):
        row[key] = len(record.get(key) or [])
    return row


def export_store(store: Store, fmt: str, out: Path | None) -> int:
    """Write every record to ``out`` (stdout when None); returns how many."""
    if fmt == "parquet":
        if out is None:
            raise ConfigError("parquet export needs an output file")
        return _export_parquet(store, out)
    fh: IO[str] = sys.stdout if out is None else open(out, "w", encoding="utf-8", newline="")
    try:
        n = 0
        if fmt == "jsonl":
            for rec in store.iter_records():
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for rec in store.iter_records():
                writer.writerow(csv_row(rec))
                n += 1
        else:
            raise ConfigError(f"unknown export format {fmt!r}")
        return n
    finally:
        if out is not None:
            fh.close()


def _export_parquet(store: Store, out: Path) -> int:
    """Parquet in the shard layout (nested lists as JSON strings, one fixed schema), so
    ``presstrace load`` reads an export back."""
    import pyarrow.parquet as pq

    from .shards import record_row, rows_table

    rows = [record_row(rec, None) for rec in store.iter_records()]
    pq.write_table(rows_table(rows), out)
    return len(rows)
