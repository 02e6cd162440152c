"""Corpus jobs: what needs many articles at once (copies, stories), run over the store."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..resources import Resources
    from ..store import Store
    from .jobs import CorpusSummary


def run_corpus_jobs(
    store: Store,
    resources: Resources | None = None,
    changed: Collection[str] | None = None,
    workers: int = 1,
) -> CorpusSummary:
    """Find copy links, then stories, over everything in ``store``; see ``jobs``."""
    from .jobs import run_corpus_jobs as run

    return run(store, resources, changed, workers)
