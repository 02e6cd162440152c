"""Ingest: read inputs, run the pipeline in batches, store each batch in one transaction.

Documents are streamed from the readers, never listed, and at most a few batches per
worker are in flight, so memory stays flat whatever the input size. With
``workers > 1`` worker processes analyse and this process is the only writer.

Resuming: a batch is committed as a whole and every input's source (a path, or
``file.warc.gz#record-id`` / ``file.jsonl#line``) is recorded in the ``inputs`` table in
that same transaction. With ``resume`` (the default) a source already recorded is
skipped, unless its file was modified after it was recorded; so a run killed at any
moment and started again stores every input exactly once. ``resume=False`` analyses
everything again (the upserts are idempotent per article id).
"""

from __future__ import annotations

import itertools
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.progress import Progress, TaskID

from .corpus import run_corpus_jobs
from .errors import ConfigError
from .pipeline import Pipeline
from .readers import iter_documents
from .records import Article, Document
from .resources import Resources
from .store import Store, open_store

Engine = str  # "local" | "ray"
# Batches handed to worker processes are small, so the last batches of a run are shared
# out evenly instead of one worker finishing a long batch alone (with 8, the busiest of two
# workers did ~5% more than its share on 91 pages). Smaller costs nothing measurable: the
# parse is as fast per page in batches of 4 as of 32.
PARALLEL_BATCH = 4

if TYPE_CHECKING:
    from .corpus.jobs import CorpusSummary
    from .workers import WorkerStats


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    corpus: CorpusSummary | None = None
    changed: set[str] = field(default_factory=set)  # ids ingested or updated
    # The corpus jobs are the only users of ``changed``: without them it is not kept, so
    # the writer's memory does not grow with the input (~100 bytes per article).
    keep_changed: bool = True
    # Per phase ("analysis": read, analyse, store; "corpus": copies and stories): wall
    # seconds, and CPU seconds of this process (workers' CPU is in ``workers``).
    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    workers: list[WorkerStats] = field(default_factory=list)  # with ``workers > 1``

    def add(self, article: Article, result: str) -> None:
        self.counts[result] += 1
        if result in ("ingested", "updated") and self.keep_changed:
            self.changed.add(article.id)
        if result == "kept_apart":
            self.reasons.update(e.code for e in article.errors[:1])


def ingest_paths(
    paths: Sequence[str],
    db: str | Path,
    *,
    plain: bool = False,
    progress: bool = False,
    resources: Resources | None = None,
    workers: int = 1,
    resume: bool = True,
    engine: Engine = "local",
    address: str | None = None,
    shard_dir: Path | None = None,
    corpus: bool = True,
) -> IngestSummary:
    """Analyse and store every input under ``paths``; returns what happened to each.

    ``workers``: analysis processes (1 = in this process). ``corpus=False`` leaves the
    corpus jobs (copies, stories) for later, e.g. after the last of several ingests, since
    each run of them looks at the whole store. ``engine="ray"`` runs the
    stages on Ray (``address`` joins a cluster), writes Parquet shards to ``shard_dir``
    (default ``DB.shards/<time>``) and loads them; it analyses every input again (no
    resume), the load being an idempotent upsert.
    """
    if engine == "ray":
        from .cluster import ingest_with_ray

        return ingest_with_ray(
            paths, db, plain=plain, address=address, resources=resources, shard_dir=shard_dir
        )
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}; use local or ray")
    pipeline = Pipeline(resources=resources)
    settings = pipeline.resources.settings
    docs = iter_documents(paths, plain=plain, max_bytes=settings.max_input_bytes)
    summary = IngestSummary(keep_changed=corpus)
    wall, cpu = time.perf_counter(), time.process_time()
    with open_store(db) as store:
        bar = _progress() if progress else None
        try:
            size = settings.batch_size if workers <= 1 else min(settings.batch_size, PARALLEL_BATCH)
            batches = _unrecorded_batches(store, docs, size, resume, summary)
            for articles in _analysed(batches, pipeline, workers, summary):
                results = store.upsert_many(articles, pipeline.provenance)
                for article, result in zip(articles, results, strict=True):
                    summary.add(article, result)
                if bar is not None:
                    bar[0].update(bar[1], advance=len(articles))
        finally:
            if bar is not None:
                bar[0].stop()
        wall, cpu = _phase(summary, "analysis", wall, cpu)
        if corpus:
            summary.corpus = run_corpus_jobs(
                store, pipeline.resources, summary.changed, workers=workers
            )
            _phase(summary, "corpus", wall, cpu)
    return summary


def _phase(summary: IngestSummary, name: str, wall: float, cpu: float) -> tuple[float, float]:
    """Record the time since ``(wall, cpu)`` under ``name``; returns the time now."""
    now_wall, now_cpu = time.perf_counter(), time.process_time()
    summary.seconds[name] = now_wall - wall
    summary.cpu_seconds[name] = now_cpu - cpu
    return now_wall, now_cpu


def _analysed(
    batches: Iterator[list[Document]], pipeline: Pipeline, workers: int, summary: IngestSummary
) -> Iterator[list[Article]]:
    """Articles batch by batch: in this process, or on a pool of ``workers`` processes.

    The pool only starts when there is more than one batch to share out, so a handful
    of pages never pays for loading the model in several processes.
    """
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None) if workers > 1 else None
    if second is None:
        yield pipeline.run_batch(first)
        for batch in batches:
            yield pipeline.run_batch(batch)
        return
    from .workers import WorkerPool

    stages = [st.key for st in pipeline.stages]
    with WorkerPool(workers, pipeline.resources.settings, stages=stages) as pool:
        all_batches = itertools.chain([first, second], batches)
        yield from pool.map_unordered(all_batches, max_in_flight=2 * workers)
    summary.workers = pool.stats


def _unrecorded_batches(
    store: Store,
    docs: Iterable[Document],
    size: int,
    resume: bool,
    summary: IngestSummary,
) -> Iterator[list[Document]]:
    """Batches of ``size`` documents, leaving out (with ``resume``) those already stored."""
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield from _fresh(store, batch, resume, summary)
            batch = []
    if batch:
        yield from _fresh(store, batch, resume, summary)


def _fresh(
    store: Store, batch: list[Document], resume: bool, summary: IngestSummary
) -> Iterator[list[Document]]:
    if resume:
        recorded = store.recorded_sources([d.source for d in batch])
        keep = [d for d in batch if not _already_done(d.source, recorded)]
        if len(keep) < len(batch):
            summary.counts["skipped"] += len(batch) - len(keep)
        batch = keep
    if batch:
        yield batch


def _already_done(source: str, recorded: dict[str, str]) -> bool:
    """Recorded, and its file not modified since (a changed file is analysed again)."""
    when = recorded.get(source)
    if when is None:
        return False
    path = source.partition("#")[0] if "#" in source and not os.path.exists(source) else source
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return True
    try:
        stored = datetime.fromisoformat(when).timestamp()
    except ValueError:
        return False
    # updated_at has whole seconds: allow one second so a file is not redone needlessly.
    return mtime <= stored + 1.0


def _progress() -> tuple[Progress, TaskID]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TimeElapsedColumn

    prog = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    prog.start()
    task = prog.add_task("ingesting", total=None)
    return prog, task
