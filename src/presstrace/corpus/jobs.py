"""The corpus jobs over a store: copy links between articles, then stories.

Copies: candidate pairs from LSH buckets and the anchor index (``candidates``), the
verifier (``copies.compare``) on each, and every pair that is a copy or the same story
stored as a link with its aligned passages. Stories: online clustering over all stored
articles in time order (``stories``). A full run replaces what was stored before; a run
after an ingest (``changed`` ids) verifies only pairs touching the new articles and places
them into the stored stories online, so stories found before keep their ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from ..resources import Resources
from ..store import CopyLink, CorpusRow, Store, StoryRow, job_family
from . import copies, features, stories
from .candidates import candidate_pairs
from .embedding import multilingual_embedder
from .vectors import Embedded, embed_ahead, sides_to_embed

COPIES_JOB = "copies.v2"  # v2: aligned sentences count only when their anchors agree
BOILERPLATE_PAGES = 3  # a sentence on this many pages of one site is the site's template
STORIES_JOB = "stories.v1"


@dataclass
class CorpusSummary:
    articles: int = 0
    candidates: int = 0
    relations: Counter[str] = field(default_factory=Counter)
    stories: int = 0
    embedding: Embedded = field(default_factory=Embedded)  # see ``vectors``


def _side(row: CorpusRow) -> copies.Side:
    outlet = tuple(n for n in (row.publisher, row.site) if n)
    language = row.fingerprint.language if row.fingerprint else row.language
    return copies.Side(row.text, language, row.published, outlet, row.credited_source)


def find_copies(
    rows: list[CorpusRow],
    resources: Resources,
    summary: CorpusSummary,
    changed: Collection[str] | None = None,
    workers: int = 1,
) -> list[CopyLink]:
    """Verify the candidate pairs (only those touching ``changed``, when given).

    The sentence embeddings of cross-language pairs, most of the time here, are computed
    first (``vectors``), in ``workers`` processes; the links are the same for any number.
    """
    by_id = {r.id: r for r in rows}
    items = [(r.id, r.fingerprint) for r in rows if r.fingerprint is not None]
    pairs = candidate_pairs(items)
    if changed is not None:
        pairs = [c for c in pairs if c.a in changed or c.b in changed]
    summary.candidates = len(pairs)
    embed = multilingual_embedder(resources)
    template = boilerplate_by_site(rows)
    prepared: dict[str, copies.Prepared] = {}

    def prep(aid: str) -> copies.Prepared:
        if aid not in prepared:
            row = by_id[aid]
            shared = template.get(row.site or "", frozenset())
            prepared[aid] = copies.prepare(_side(row), resources, shared)
        return prepared[aid]

    sides = [(prep(cand.a), prep(cand.b)) for cand in pairs]
    if embed is not None:
        summary.embedding = embed_ahead(sides_to_embed(sides), embed, workers, embed.tokens)
    links = []
    for cand, (pa, pb) in zip(pairs, sides, strict=True):
        result = copies.compare(pa, pb, resources=resources, embed=embed)
        summary.relations[result.relation] += 1
        if result.relation == "unrelated":
            continue
        original = {"a": cand.a, "b": cand.b}.get(result.original or "")
        aligned = [p.to_dict() for p in result.aligned]
        links.append(CopyLink(cand.a, cand.b, result.relation, result.score, original, aligned))
    return links


def boilerplate_by_site(rows: list[CorpusRow]) -> dict[str, frozenset[str]]:
    """Per site, the sentences found on BOILERPLATE_PAGES or more of its pages."""
    by_site: dict[str, list[CorpusRow]] = {}
    for r in rows:
        if r.site:
            by_site.setdefault(r.site, []).append(r)
    out: dict[str, frozenset[str]] = {}
    for site, pages in by_site.items():
        if len(pages) < BOILERPLATE_PAGES:
            continue
        counts: Counter[str] = Counter()
        for page in pages:
            counts.update({copies.sentence_key(s) for s in features.sentences(page.text)})
        shared = frozenset(k for k, n in counts.items() if n >= BOILERPLATE_PAGES)
        if shared:
            out[site] = shared
    return out


def find_stories(
    rows: list[CorpusRow],
    links: list[CopyLink],
    resources: Resources,
    previous: list[StoryRow] | None = None,
    changed: Collection[str] = (),
) -> list[StoryRow]:
    """Cluster every article, or (``previous`` stories given) place only the ``changed``
    ones into them, so stories found before keep their ids."""
    items = [stories.StoryInput(r.id, r.text, r.title, r.published, r.site) for r in rows]
    copied = [(c.a, c.b) for c in links if c.relation in copies.COPY_RELATIONS]
    if previous:
        before = {s.id: s.articles for s in previous}
        clustered = stories.update(items, before, frozenset(changed), resources)
    else:
        clustered = stories.cluster(items, resources)
    found = stories.merge_linked(clustered, copied)
    return [
        StoryRow(
            s.id, s.title, s.first_date, s.last_date, s.outlets, tuple(m.id for m in s.members)
        )
        for s in found
    ]


def run_corpus_jobs(
    store: Store,
    resources: Resources | None = None,
    changed: Collection[str] | None = None,
    workers: int = 1,
) -> CorpusSummary:
    """Recompute copy links and stories for everything in ``store``.

    With ``changed`` (ids of articles just ingested or updated) only pairs touching those
    articles are verified again, and only those articles are placed into the stored
    stories (``stories.update``); candidate generation still sees the whole store.
    Nothing changed: nothing to do. Links stored by an earlier version of the copy job
    are all verified again (a full run). ``workers``: processes for the copy verifier's
    sentence embeddings (``find_copies``).
    """
    res = resources or Resources()
    if changed is not None and changed and _links_outdated(store):
        changed = None
    rows = list(store.iter_corpus())
    summary = CorpusSummary(articles=len(rows))
    if changed is not None and not changed:
        return summary
    links = find_copies(rows, res, summary, changed, workers)
    store.replace_copies(links, COPIES_JOB, touching=changed)
    all_links = links if changed is None else store.copies()
    previous = store.stories() if changed is not None else None
    found = find_stories(rows, all_links, res, previous, changed or ())
    summary.stories = store.replace_stories(found, STORIES_JOB)
    return summary


def _links_outdated(store: Store) -> bool:
    """Whether the stored copy links come from an earlier version of the copy job."""
    return store.corpus_ran(job_family(COPIES_JOB)) and not store.corpus_ran(COPIES_JOB)
