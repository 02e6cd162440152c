"""Stories: articles about one real-world event or development, found by online clustering.

Articles arrive in time order; each joins the most similar story still open (its latest
article within ``window_days``) if the cosine of its vector to the story's centroid
reaches the threshold, else it starts a new story. An article's vector is TF-IDF over
the title (counted twice) and the lead, plus its anchors (names, numbers, dates), which
tell apart two events of the same kind (two earthquakes, two rehab check-ins) that share
most of their vocabulary. IDF comes from the batch being clustered.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..resources import Resources
from . import features

LEAD_WORDS = 1000  # long texts: their topic is in the title and the lead
THRESHOLD = 0.27  # cosine to a story centroid (ECB+ and the example corpus)
WINDOW_DAYS = 30  # a story stays open this long after its latest article (Wikinews)
NAME_WEIGHT = 2.0  # anchors (names, numbers, dates) weigh twice a word (ECB+)
MIN_WORD = 3
REFINE_PASSES = 2
TITLE_WEIGHT = 2  # a title word counts as this many words of the body
LEAD_AS_TITLE = True  # an article without a title: its first sentence (the lead) stands in
# IDF is counted as if this many unseen articles (none using the word) came with the batch:
# in a small batch about one event, the event's own words then keep their weight.
BACKGROUND_DOCS = 200
# Two events of one kind (two earthquakes, two elections) are often years apart. An undated
# article's cosine to a story moves by these, in proportion to the share of the story's
# year-stating members that state its year (bonus) or another year (penalty); ECB+ tuned.
YEAR_PENALTY = 0.1
YEAR_BONUS = 0.1
YEAR_CHARS = 1000
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")


@dataclass(frozen=True)
class StoryInput:
    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601; only the day is used
    site: str | None = None


@dataclass
class Story:
    id: str
    members: list[StoryInput] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0  # squared length of ``centroid``, kept as members are added
    last: date | None = None
    years: Counter[str] = field(default_factory=Counter)  # stated year -> members stating it

    def add(
        self, item: StoryInput, vec: dict[str, float], day: date | None, year: str | None = None
    ) -> None:
        self.members.append(item)
        if year:
            self.years[year] += 1
        for t, v in vec.items():
            old = self.centroid.get(t, 0.0)
            self.centroid[t] = old + v
            self.norm2 += 2 * old * v + v * v
        if day and (self.last is None or day > self.last):
            self.last = day

    @property
    def title(self) -> str | None:
        return next((m.title for m in self.members if m.title), None)

    @property
    def first_date(self) -> str | None:
        dates = [m.date for m in self.members if m.date]
        return min(dates) if dates else None

    @property
    def last_date(self) -> str | None:
        dates = [m.date for m in self.members if m.date]
        return max(dates) if dates else None

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({m.site for m in self.members if m.site}))


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _stopwords(resources: Resources) -> frozenset[str]:
    memo = resources.memo
    if "stories.stopwords" not in memo:
        words = {w for line in resources.data_lines("stopwords.txt") for w in line.split()}
        memo["stories.stopwords"] = frozenset(words)
    found: frozenset[str] = memo["stories.stopwords"]
    return found


def _terms(item: StoryInput, resources: Resources) -> Counter[str]:
    stop = _stopwords(resources)
    text = item.text
    words = [t.norm for t in features.tokens(text)[:LEAD_WORDS]]
    title = item.title
    if not title and LEAD_AS_TITLE:
        first = features.sentences(text[:2000])
        title = text[first[0].start : first[0].end] if first else None
    title_words = [t.norm for t in features.tokens(title or "")]
    terms: Counter[str] = Counter(
        w
        for w in words + title_words * TITLE_WEIGHT
        if len(w) >= MIN_WORD and not w.isdigit() and w not in stop
    )
    lead_end = features.tokens(text)[LEAD_WORDS - 1].end if len(words) >= LEAD_WORDS else None
    for a in features.anchors(text[:lead_end], resources):
        if not a.key.startswith("q:"):
            terms[a.key] += 1
    for a in features.anchors(title or "", resources):
        terms[a.key] += TITLE_WEIGHT
    return terms


def _weigh(terms: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vec = {
        t: (1 + math.log(n)) * idf[t] * (NAME_WEIGHT if ":" in t else 1.0) for t, n in terms.items()
    }
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cluster(
    items: Sequence[StoryInput],
    resources: Resources | None = None,
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    passes: int = REFINE_PASSES,
) -> list[Story]:
    """Group articles into stories; returns stories in order of their first article.

    The online pass is followed by ``passes`` rounds in which every article moves to the
    story whose centroid (without itself) it is now closest to: an early article that
    opened a story before its event's other coverage arrived finds its way back.
    """
    vectors = _vectors(items, resources or Resources())
    years = [stated_year(it) for it in items]
    order = _in_time_order(items, range(len(items)))
    stories = _online(items, vectors, years, order, threshold, window_days)
    for _ in range(passes):
        stories = _refine(items, vectors, years, order, stories, threshold, window_days)
    return stories


def update(
    items: Sequence[StoryInput],
    previous: Mapping[str, Sequence[str]],
    arrived: Collection[str],
    resources: Resources | None = None,
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    passes: int = REFINE_PASSES,
) -> list[Story]:
    """The online step: place the articles that ``arrived`` (new or changed) into the
    stories found before (``previous``: story id -> article ids), without renumbering.

    Arrivals join the closest open story or start their own; only the stories that gained
    or lost an article are refined again, so every other story keeps its articles and
    its id. ``items`` is the whole corpus (for IDF and the stories' centroids).
    """
    vectors = _vectors(items, resources or Resources())
    years = [stated_year(it) for it in items]
    index = {it.id: k for k, it in enumerate(items)}
    kept: list[Story] = []
    touched: set[str] = set()
    for sid, members in previous.items():
        alive = [index[m] for m in members if m in index and m not in arrived]
        if len(alive) < len(members):
            touched.add(sid)
        if alive:
            story = Story(id=sid)
            for k in _in_time_order(items, alive):
                story.add(items[k], vectors[k], _day(items[k].date), years[k])
            kept.append(story)
    placed = {m.id for st in kept for m in st.members}
    order = _in_time_order(items, [k for k, it in enumerate(items) if it.id not in placed])
    found = _online(items, vectors, years, order, threshold, window_days, kept)
    touched.update(found[k].id for k in range(len(kept), len(found)))
    touched.update(
        st.id for st in found[: len(kept)] if any(m.id not in placed for m in st.members)
    )
    affected = [st for st in found if st.id in touched]
    regrouped = _in_time_order(items, [index[m.id] for st in affected for m in st.members])
    for _ in range(passes):
        affected = _refine(items, vectors, years, regrouped, affected, threshold, window_days)
    stable = [st for st in found if st.id not in touched]
    return sorted(stable + affected, key=lambda st: (st.first_date is None, st.first_date or ""))


def _vectors(items: Sequence[StoryInput], resources: Resources) -> list[dict[str, float]]:
    """Each article's weighted term vector, IDF from the items themselves."""
    terms = [_terms(it, resources) for it in items]
    df: Counter[str] = Counter()
    for t in terms:
        df.update(t.keys())
    n = len(items) or 1
    idf = {t: math.log((1 + n + BACKGROUND_DOCS) / (1 + c)) for t, c in df.items()}
    return [_weigh(t, idf) for t in terms]


def stated_year(item: StoryInput) -> str | None:
    """For an undated article, the latest year its lead states ("March 4, 2009", "in
    2006"): near its own date, so two events of one kind years apart differ in it. A dated
    article has none: its date and the window already keep other years apart."""
    if _day(item.date):
        return None
    years = YEAR.findall(item.text[:YEAR_CHARS])
    return max(years) if years else None


def _year_penalty(years: Counter[str], year: str | None) -> float:
    """Cosine lost (or, negative, gained) by an article stating ``year`` against a story
    whose members state ``years``: disagreement costs, agreement pays."""
    stated = sum(years.values())
    if not year or not stated:
        return 0.0
    agree = years[year] / stated
    return YEAR_PENALTY * (1 - agree) - YEAR_BONUS * agree


def _in_time_order(items: Sequence[StoryInput], indexes: Iterable[int]) -> list[int]:
    return sorted(indexes, key=lambda i: (items[i].date is None, items[i].date or "", i))


def _online(
    items: Sequence[StoryInput],
    vectors: list[dict[str, float]],
    years: list[str | None],
    order: list[int],
    threshold: float,
    window_days: int,
    start: Sequence[Story] = (),
) -> list[Story]:
    """Place the articles of ``order`` one by one, after the stories in ``start``."""
    stories: list[Story] = list(start)
    postings: dict[str, set[int]] = {}  # term -> indexes of stories whose centroid has it
    for k, st in enumerate(stories):
        for t in st.centroid:
            postings.setdefault(t, set()).add(k)
    for i in order:
        item = items[i]
        vec = vectors[i]
        day = _day(item.date)
        year = years[i]
        scores: dict[int, float] = {}
        for t, v in vec.items():
            for s in postings.get(t, ()):
                scores[s] = scores.get(s, 0.0) + v * stories[s].centroid[t]
        best, best_sim = -1, 0.0
        for s, dot in scores.items():
            story = stories[s]
            if day and story.last and abs((day - story.last).days) > window_days:
                continue
            sim = dot / (math.sqrt(story.norm2) or 1.0) - _year_penalty(story.years, year)
            if sim > best_sim:
                best, best_sim = s, sim
        if best < 0 or best_sim < threshold:
            best = len(stories)
            stories.append(Story(id=_fresh_id(item.id, {st.id for st in start})))
        stories[best].add(item, vec, day, year)
        for t in vec:
            postings.setdefault(t, set()).add(best)
    return stories


def _fresh_id(article_id: str, taken: Collection[str]) -> str:
    """A new story's id, from the article that opens it; an article leaving the story it
    opened (after an edit) must not take that story's id."""
    sid = f"story-{article_id}"
    return f"{sid}-own" if sid in taken else sid


def _refine(
    items: Sequence[StoryInput],
    vectors: list[dict[str, float]],
    years: list[str | None],
    order: list[int],
    stories: list[Story],
    threshold: float,
    window_days: int,
) -> list[Story]:
    """One reassignment round against fixed centroids; returns the new stories."""
    story_of = {m.id: k for k, st in enumerate(stories) for m in st.members}
    spans = [(_day(st.first_date), _day(st.last_date)) for st in stories]
    postings: dict[str, set[int]] = {}
    for k, st in enumerate(stories):
        for t in st.centroid:
            postings.setdefault(t, set()).add(k)
    target: dict[int, int] = {}  # item index -> story index, or -1 for a story of its own
    for i in order:
        vec, own = vectors[i], story_of[items[i].id]
        day = _day(items[i].date)
        year = years[i]
        dots: dict[int, float] = {}
        for t, v in vec.items():
            for k in postings.get(t, ()):
                dots[k] = dots.get(k, 0.0) + v * stories[k].centroid[t]
        best, best_sim = -1, 0.0
        for k, dot in dots.items():
            norm2, stated = stories[k].norm2, stories[k].years
            if k == own:  # compare with the story as it would be without this article
                dot, norm2 = dot - 1.0, norm2 - 2 * dot + 1.0
                stated = stated - Counter([year] if year else [])
            first, last = spans[k]
            if (
                day
                and first
                and last
                and not ((first - day).days <= window_days and (day - last).days <= window_days)
            ):
                continue
            sim = dot / math.sqrt(norm2) if norm2 > 1e-9 else 0.0
            sim -= _year_penalty(stated, year)
            if sim > best_sim:
                best, best_sim = k, sim
        alone = len(stories[own].members) == 1  # a story of its own already: keep its id
        target[i] = best if best_sim >= threshold else (own if alone else -1)
    fresh: dict[int, Story] = {}
    out: list[Story] = []
    taken = {st.id for st in stories}
    for i in order:
        k = target[i]
        key = k if k >= 0 else -1 - i
        if key not in fresh:
            if k >= 0:
                sid = stories[k].id
            else:
                sid = _fresh_id(items[i].id, taken)
            fresh[key] = Story(id=sid)
            out.append(fresh[key])
        fresh[key].add(items[i], vectors[i], _day(items[i].date), years[i])
    return out


def assignments(stories: Iterable[Story]) -> dict[str, str]:
    """Article id -> story id."""
    return {m.id: s.id for s in stories for m in s.members}


def merge_linked(found: list[Story], links: Iterable[tuple[str, str]]) -> list[Story]:
    """Join stories that hold the two ends of a copy link: a copy is the same story even
    when a translation or a spun text shares too few words with the cluster."""
    story_of = {m.id: k for k, s in enumerate(found) for m in s.members}
    parent = list(range(len(found)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in links:
        if a in story_of and b in story_of:
            ra, rb = root(story_of[a]), root(story_of[b])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    merged: dict[int, Story] = {}
    for k, s in enumerate(found):
        r = root(k)
        if r not in merged:
            merged[r] = Story(id=found[r].id)
        target = merged[r]
        target.members.extend(s.members)
        target.years.update(s.years)
        for t, v in s.centroid.items():
            target.centroid[t] = target.centroid.get(t, 0.0) + v
        if s.last and (target.last is None or s.last > target.last):
            target.last = s.last
    for s in merged.values():
        s.members.sort(key=lambda m: (m.date is None, m.date or ""))
        s.norm2 = sum(v * v for v in s.centroid.values())
    return list(merged.values())
