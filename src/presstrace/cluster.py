"""``ingest --engine ray``: the same stages on Ray Data, Parquet shards, then a load.

One Ray task per input file (a WARC or JSON Lines file; small page files are grouped),
run by actors that each build the ``Pipeline`` once. Each actor yields one Arrow table
per pipeline batch, so a 1 GB WARC never sits in memory as Articles at once. The shards
are then loaded into the database by this process, the only writer; ``presstrace load``
does the same step later or elsewhere. The corpus jobs run after the load.

Without ``address`` a local Ray with 2 CPUs is started (and stopped); with it the run
joins that cluster, whose workers must see the same input paths and shard folder.
Ray is an optional extra (``pip install presstrace[ray]``), imported only here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .readers import iter_documents, kind_for_path
from .resources import Resources, Settings

if TYPE_CHECKING:
    import pyarrow as pa

    from .ingest import IngestSummary

LOCAL_CPUS = 2
GROUP_SIZE = 32  # small page files per task


def import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise ConfigError("the ray engine needs Ray: pip install 'presstrace[ray]'") from e
    return ray


def plan_tasks(paths: Sequence[str]) -> list[list[str]]:
    """Input files grouped into tasks: one per WARC/JSONL file, small pages by the dozen."""
    tasks: list[list[str]] = []
    group: list[str] = []
    for p in paths:
        path = Path(p)
        files = (
            [c for c in sorted(path.rglob("*")) if c.is_file() and not c.name.startswith(".")]
            if path.is_dir()
            else [path]
        )
        for f in files:
            kind = kind_for_path(f)
            if path.is_dir() and kind is None:
                continue
            if kind in ("warc", "jsonl"):
                tasks.append([str(f)])
            else:
                group.append(str(f))
                if len(group) >= GROUP_SIZE:
                    tasks.append(group)
                    group = []
    if group:
        tasks.append(group)
    return tasks


class AnalyseFiles:
    """A Ray Data actor: builds the pipeline once, then turns file lists into Arrow tables."""

    def __init__(self, settings: Settings, plain: bool) -> None:
        from .pipeline import Pipeline

        self.pipeline = Pipeline(resources=Resources(settings))
        self.plain = plain

    def __call__(self, batch: dict[str, Any]) -> Iterator[pa.Table]:
        from .shards import article_row, rows_table

        settings = self.pipeline.resources.settings
        provenance = self.pipeline.provenance
        for task in batch["paths"]:
            paths = json.loads(str(task))
            docs = iter_documents(paths, plain=self.plain, max_bytes=settings.max_input_bytes)
            rows = []
            for article in self.pipeline.run(docs):
                rows.append(article_row(article, provenance))
                if len(rows) >= settings.batch_size:
                    yield rows_table(rows)
                    rows = []
            if rows:
                yield rows_table(rows)


def run_ray(
    paths: Sequence[str],
    shard_dir: Path,
    *,
    plain: bool = False,
    address: str | None = None,
    settings: Settings | None = None,
    actors: int | None = None,
) -> int:
    """Analyse ``paths`` on Ray and write Parquet shards to ``shard_dir``; returns tasks."""
    ray = import_ray()
    tasks = plan_tasks(paths)
    if not tasks:
        return 0
    started = not ray.is_initialized()
    if started:
        ray.init(
            address=address,
            num_cpus=None if address else LOCAL_CPUS,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        size = actors or max(1, int(ray.cluster_resources().get("CPU", LOCAL_CPUS)))
        size = min(size, len(tasks))
        ds = ray.data.from_items(
            [{"paths": json.dumps(t)} for t in tasks], override_num_blocks=len(tasks)
        )
        ds = ds.map_batches(
            AnalyseFiles,
            fn_constructor_kwargs={"settings": settings or Settings(), "plain": plain},
            batch_size=1,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=size),
            num_cpus=1,
        )
        ds.write_parquet(str(shard_dir))
    finally:
        if started:
            ray.shutdown()
    return len(tasks)


def default_shard_dir(db: str | Path) -> Path:
    """``DB.shards/<UTC time>``: beside the database, one folder per run (for a database
    server, ``presstrace.shards/<UTC time>`` in the working directory)."""
    from .store import is_database_url

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    if is_database_url(db):
        return Path("presstrace.shards") / stamp
    return Path(f"{os.fspath(db)}.shards") / stamp


def ingest_with_ray(
    paths: Sequence[str],
    db: str | Path,
    *,
    plain: bool = False,
    address: str | None = None,
    resources: Resources | None = None,
    shard_dir: Path | None = None,
    corpus: bool = True,
    workers: int = 1,
) -> IngestSummary:
    """Analyse on Ray into Parquet shards, then load them into ``db`` (and, unless
    ``corpus`` is false, run the corpus jobs there with ``workers`` processes)."""
    from .ingest import IngestSummary
    from .shards import load_parquet

    out = shard_dir or default_shard_dir(db)
    settings = (resources or Resources()).settings
    if not run_ray(paths, out, plain=plain, address=address, settings=settings):
        return IngestSummary()
    return load_parquet(out, db, corpus=corpus, resources=resources, workers=workers)
