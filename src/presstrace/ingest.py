"""Ingest: read inputs, run the pipeline in batches, store each batch in one transaction.

A batch is committed as a whole, so a run stopped at any moment leaves every earlier
batch stored; re-running upserts by stable id, so nothing is duplicated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import run_corpus_jobs
from .pipeline import Pipeline
from .readers import iter_documents
from .records import Article
from .resources import Resources
from .store import Store

if TYPE_CHECKING:
    from .corpus.jobs import CorpusSummary


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    corpus: CorpusSummary | None = None
    changed: set[str] = field(default_factory=set)  # ids ingested or updated

    def add(self, article: Article, result: str) -> None:
        self.counts[result] += 1
        if result in ("ingested", "updated"):
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
) -> IngestSummary:
    """Analyse and store every input under ``paths``; returns what happened to each."""
    pipeline = Pipeline(resources=resources)
    docs = list(
        iter_documents(paths, plain=plain, max_bytes=pipeline.resources.settings.max_input_bytes)
    )
    summary = IngestSummary()
    size = pipeline.resources.settings.batch_size
    with Store(db) as store:
        bar = _progress(len(docs)) if progress else None
        try:
            for i in range(0, len(docs), size):
                chunk = docs[i : i + size]
                articles = pipeline.run_batch(chunk)
                results = store.upsert_many(articles, pipeline.provenance)
                for article, result in zip(articles, results, strict=True):
                    summary.add(article, result)
                if bar is not None:
                    bar[0].update(bar[1], advance=len(chunk))
        finally:
            if bar is not None:
                bar[0].stop()
        summary.corpus = run_corpus_jobs(store, pipeline.resources, summary.changed)
    return summary


def _progress(total: int):  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    prog = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    prog.start()
    task = prog.add_task("ingesting", total=total)
    return prog, task
