"""Candidate pairs for the copy verifier, never all pairs.

Two indexes propose pairs: MinHash LSH buckets over word 3-gram shingles (verbatim and
lightly edited copies) and an inverted index of anchors (names, numbers, dates) for what
shares no shingles: spun copies and translations. Anchors found in many articles (a
country's name, the year) are skipped, and each article keeps only its best few anchor
partners, so the work per article stays bounded as the corpus grows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Fingerprint

LSH_THRESHOLD = 0.3
MIN_SHARED_ANCHORS = 4
ANCHOR_SHARE = 0.3  # shared anchors / anchors of the article with fewer
MAX_PARTNERS = 10  # anchor partners kept per article
MAX_POSTINGS = 50  # an anchor in more articles than this says nothing about copying


@dataclass(frozen=True)
class Candidate:
    a: str
    b: str
    via: str  # "lsh" or "anchors"


def candidate_pairs(items: Sequence[tuple[str, Fingerprint]]) -> list[Candidate]:
    """Pairs (a < b by id) proposed by LSH buckets or shared rare anchors."""
    found: dict[tuple[str, str], str] = {}
    for a, b in _lsh_pairs(items):
        found.setdefault(_key(a, b), "lsh")
    for a, b in _anchor_pairs(items):
        found.setdefault(_key(a, b), "anchors")
    return [Candidate(a, b, via) for (a, b), via in sorted(found.items())]


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _lsh_pairs(items: Sequence[tuple[str, Fingerprint]]) -> list[tuple[str, str]]:
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    if not items:
        return []
    num_perm = len(items[0][1].minhash)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm)
    scheme = MinHash(num_perm=num_perm).scheme  # the scheme the fingerprint stage used
    hashes = {}
    for aid, fp in items:
        if len(fp.minhash) != num_perm:
            continue
        m = LeanMinHash(seed=1, hashvalues=fp.minhash, scheme=scheme)
        hashes[aid] = m
        lsh.insert(aid, m)
    out = []
    for aid, m in hashes.items():
        for other in lsh.query(m):
            if other != aid:
                out.append((aid, str(other)))
    return out


def _anchor_pairs(items: Sequence[tuple[str, Fingerprint]]) -> list[tuple[str, str]]:
    sets = {aid: {k for k in fp.anchors if not k.startswith("q:")} for aid, fp in items}
    postings: dict[str, list[str]] = {}
    for aid, keys in sets.items():
        for k in keys:
            postings.setdefault(k, []).append(aid)
    out = []
    for aid, keys in sets.items():
        shared: Counter[str] = Counter()
        for k in keys:
            ids = postings[k]
            if len(ids) <= MAX_POSTINGS:
                shared.update(ids)
        shared.pop(aid, None)
        kept = 0
        for other, n in shared.most_common():
            if n < MIN_SHARED_ANCHORS or kept >= MAX_PARTNERS:
                break
            if n / min(len(keys), len(sets[other])) >= ANCHOR_SHARE:
                out.append((aid, other))
                kept += 1
    return out
