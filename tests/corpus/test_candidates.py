from __future__ import annotations

from presstrace import Resources
from presstrace.corpus.candidates import candidate_pairs
from presstrace.stages.fingerprint import fingerprint_of
from tests.corpus import texts


def test_lsh_and_anchor_index_propose_copies_not_everything() -> None:
    res = Resources()
    docs = {
        "orig": texts.ORIGINAL,
        "synd": texts.SYNDICATED,
        "spun": texts.SPUN,
        "es": texts.TRANSLATED,
        "chess": texts.UNRELATED,
    }
    items = [(k, fingerprint_of(v, None, res)) for k, v in docs.items()]
    pairs = {(c.a, c.b): c.via for c in candidate_pairs(items)}
    assert pairs[("orig", "synd")] == "lsh"
    assert ("orig", "spun") in pairs
    assert ("es", "orig") in pairs  # shares no shingles: found through anchors
    assert not any("chess" in p for p in pairs)


def test_no_items_no_pairs() -> None:
    assert candidate_pairs([]) == []
