"""Conflicts: claims about the same counted thing, from different sources, that disagree.

Two claims conflict when they count the same thing (``about``, folded into families by
``data/claim_families.tsv``: "killed", "dead" and "casualties" are one death toll), come from
different sources, and either

- their ranges cannot both be true ("no casualties" = 0..0 against "more than 70"), or
- both are floors of a toll ("at least 12" against "more than 20") and one is at least
  ``FLOOR_RATIO`` times the other: in toll reporting "at least N" is that source's count, and
  counts this far apart are what a fact-checker wants side by side, as ACLED and UCDP record
  disputed fatality figures.

Increments ("three more bodies") and parts ("six of the dead") are never compared.
``find_conflicts`` works on any list of claims, so the same code serves one article (the
``conflicts.v1`` stage) and all the articles of one story.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..pipeline import register
from ..records import Article, Claim, Conflict
from ..resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

MEMO_KEY = "conflicts.families"
FLOOR_RATIO = 1.5
NOT_COMPARABLE = frozenset({"additional", "part of"})


@dataclass(frozen=True, slots=True)
class Estimate:
    """Low / best / high over the conflicting figures, and the conservative one.

    ``low``: smallest lower bound; ``high``: largest upper bound (None when a figure is
    open-ended); ``best``: median of the figures as stated (a floor counts as its value, a
    range as its midpoint); ``conservative``: the smallest stated figure (ACLED's rule).
    """

    low: float
    best: float
    high: float | None
    conservative: float


@dataclass(frozen=True, slots=True)
class ClaimConflict:
    """Claims (indexes into the list given to ``find_conflicts``) that contradict each other."""

    about: str
    members: tuple[int, ...]
    sources: tuple[str, ...]
    estimate: Estimate


@dataclass(frozen=True, slots=True)
class Tables:
    families: dict[str, str]
    toll_nouns: frozenset[str]
    number_words: frozenset[str]


def tables(resources: Resources) -> Tables:
    memo = resources.memo
    if MEMO_KEY not in memo:
        memo[MEMO_KEY] = Tables(
            dict(line.split("\t") for line in resources.data_lines("claim_families.tsv")),
            frozenset(resources.data_lines("toll_nouns.txt")),
            frozenset(line.split("\t")[0] for line in resources.data_lines("number_words.tsv")),
        )
    found: Tables = memo[MEMO_KEY]
    return found


def is_group(c: Claim, t: Tables) -> bool:
    """ "three soldiers" counts a group; "12 people", "no casualties", "at least 7" a total."""
    words = c.text.replace("-", " ").split()
    last = words[-1].strip(".,;:!?'’\"”").lower() if words else ""
    if not last.isalpha() or last in t.number_words or last in t.toll_nouns:
        return False
    return last not in ("of", "than", "least", "most", "about", "around", "some", "dozens")


def _source_key(name: str) -> frozenset[str]:
    return frozenset(" ".join(part.split()).casefold() for part in name.split("/") if part.strip())


def same_source(a: str, b: str) -> bool:
    """Sources overlap: "Corps" is one of "Legion / Corps" (names joined with " / ")."""
    return bool(_source_key(a) & _source_key(b))


def figure(c: Claim) -> float:
    """The figure a claim states: its value, a range's midpoint, a floor's floor."""
    low = c.value_low or 0.0
    if c.value_high is None:
        return low
    return (low + c.value_high) / 2


def contradicts(a: Claim, b: Claim, a_group: bool = False, b_group: bool = False) -> bool:
    """Whether two claims about the same thing cannot both be right (see module doc).

    A group's figure ("70 infiltrators") contradicts a total ("no casualties") only by
    exceeding it, and is never compared with another group's figure.
    """
    if a.unit != b.unit or a.value_low is None or b.value_low is None:
        return False
    if a_group and b_group:
        return False
    if a_group or b_group:
        group, total = (a, b) if a_group else (b, a)
        return total.value_high is not None and (group.value_low or 0.0) > total.value_high
    a_high = float("inf") if a.value_high is None else a.value_high
    b_high = float("inf") if b.value_high is None else b.value_high
    if a_high < b.value_low or b_high < a.value_low:
        return True
    if a.value_high is None and b.value_high is None:
        small, big = sorted((a.value_low, b.value_low))
        return small > 0 and big >= FLOOR_RATIO * small
    return False


def summarize(claims: Sequence[Claim]) -> Estimate:
    figures = [figure(c) for c in claims]
    highs = [c.value_high for c in claims]
    return Estimate(
        low=min(c.value_low or 0.0 for c in claims),
        best=float(statistics.median(figures)),
        high=None if any(h is None for h in highs) else max(h for h in highs if h is not None),
        conservative=min(figures),
    )


def _root(parent: dict[int, int], i: int) -> int:
    """Union-find root, with path halving."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def find_conflicts(
    claims_with_article_ids: Sequence[tuple[str, Claim]], resources: Resources | None = None
) -> list[ClaimConflict]:
    """Conflicts among ``(article_id, claim)`` pairs: one per connected group of disagreeing
    claims about one counted thing. Claims with no source are left out: nobody to disagree."""
    t = tables(resources or Resources())
    groups: dict[str, list[int]] = {}
    for i, (_, c) in enumerate(claims_with_article_ids):
        if c.source_name and c.qualifier not in NOT_COMPARABLE and c.about in t.families:
            groups.setdefault(t.families[c.about], []).append(i)
    in_group = {i: is_group(c, t) for i, (_, c) in enumerate(claims_with_article_ids)}
    out: list[ClaimConflict] = []
    for about, idxs in groups.items():
        parent = {i: i for i in idxs}
        linked: set[int] = set()
        for n, i in enumerate(idxs):
            for j in idxs[n + 1 :]:
                a, b = claims_with_article_ids[i][1], claims_with_article_ids[j][1]
                assert a.source_name and b.source_name
                if same_source(a.source_name, b.source_name):
                    continue
                if contradicts(a, b, in_group[i], in_group[j]):
                    parent[_root(parent, i)] = _root(parent, j)
                    linked |= {i, j}
        components: dict[int, list[int]] = {}
        for i in sorted(linked):
            components.setdefault(_root(parent, i), []).append(i)
        for members in components.values():
            claims = [claims_with_article_ids[i][1] for i in members]
            sources: list[str] = []
            for c in claims:
                if c.source_name and c.source_name not in sources:
                    sources.append(c.source_name)
            out.append(ClaimConflict(about, tuple(members), tuple(sources), summarize(claims)))
    return sorted(out, key=lambda c: c.members)


@register("conflicts", 1, requires={"claims"}, provides={"conflicts"})
def conflicts(article: Article, doc: Doc | None, resources: Resources) -> Article:
    pairs = [(article.id, c) for c in article.claims]
    found = find_conflicts(pairs, resources)
    return article.evolve(conflicts=tuple(Conflict(c.about, c.members, c.sources) for c in found))
