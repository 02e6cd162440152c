from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from presstrace import Resources
from presstrace.corpus import copies
from presstrace.corpus.vectors import _shares, embed_ahead, sides_to_embed
from tests.corpus import texts


def _side(text: str, language: str) -> copies.Prepared:
    return copies.prepare(copies.Side(text, language), Resources())


def test_only_sides_of_cross_language_pairs_are_embedded_and_each_text_once() -> None:
    en, en_again = _side(texts.ORIGINAL, "en"), _side(texts.ORIGINAL, "en")
    es, spun = _side(texts.TRANSLATED, "es"), _side(texts.SPUN, "en")
    short = _side("Too short to compare.", "de")
    sides = sides_to_embed([(en, es), (en_again, es), (en, spun), (short, en)])
    assert sides == [en, es, en_again]
    calls: list[list[str]] = []

    def embed(batch: Sequence[str]) -> Any:
        calls.append(list(batch))
        return np.ones((len(batch), 4), dtype=np.float32)

    assert embed_ahead(sides, embed, workers=1) == 0
    # the same sentences (a verbatim copy) are embedded once and the vectors shared
    assert calls == [en.embedding_texts(), es.embedding_texts()]
    assert en_again.vectors["e5"] is en.vectors["e5"]
    assert "e5" not in spun.vectors and "e5" not in short.vectors
    assert sides_to_embed([(en, es)]) == []  # vectors already there


def test_shares_balance_cost_and_keep_every_index_once() -> None:
    costs = [3, 1, 5, 2, 4, 3]
    shares = _shares(costs, 2)
    assert sorted(i for s in shares for i in s) == list(range(6))
    totals = sorted(sum(costs[i] for i in s) for s in shares)
    assert totals == [9, 9]
    assert _shares([5], 4) == [[0]]
    assert _shares([4, 2], 8) == [[0], [1]]
    assert _shares([], 2) == []
    assert _shares([1, 2, 3], 1) == [[0, 1, 2]]
