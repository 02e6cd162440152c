from __future__ import annotations

from pathlib import Path

import pytest

from presstrace import Pipeline, Resources, Store
from presstrace.corpus import run_corpus_jobs, vectors
from presstrace.corpus.jobs import COPIES_JOB
from presstrace.records import Article
from presstrace.store import CopyLink, job_family
from tests.corpus import texts


def _store_with(target: str, articles: list[Article]) -> Store:
    store = Store(target)
    pipe = Pipeline(stages=["fingerprint.v1"], resources=Resources())
    store.upsert_many(pipe.analyze_articles(articles), pipe.provenance)
    return store


def test_copy_links_and_stories_are_stored(empty_db: str) -> None:
    store = _store_with(
        empty_db,
        [
            Article(
                url="https://coastalwire.example/fire",
                publisher="Coastal Wire",
                published="2026-05-03",
                text=texts.ORIGINAL,
                language="en",
            ),
            Article(
                url="https://farm.example/fire",
                published="2026-05-04",
                text=texts.SPUN,
                language="en",
            ),
            Article(
                url="https://farm.example/chess",
                published="2026-05-04",
                text=texts.UNRELATED,
                language="en",
            ),
        ],
    )
    assert store.count("fingerprints") == 3
    summary = run_corpus_jobs(store)
    links = store.copies()
    assert [(c.relation, c.original) for c in links] == [
        ("rewritten", Article(url="https://coastalwire.example/fire").id)
    ]
    assert links[0].aligned and set(links[0].aligned[0]) == {"a", "b"}
    assert summary.relations["rewritten"] == 1
    stories = store.stories()
    assert sorted(len(s.articles) for s in stories) == [1, 2]
    big = next(s for s in stories if len(s.articles) == 2)
    assert (big.first, big.last) == ("2026-05-03", "2026-05-04")
    assert big.outlets == ("coastalwire.example", "farm.example")


def test_rerunning_the_jobs_replaces_not_duplicates(empty_db: str) -> None:
    store = _store_with(
        empty_db,
        [
            Article(url="https://a.example/1", text=texts.ORIGINAL, language="en"),
            Article(url="https://b.example/1", text=texts.SYNDICATED, language="en"),
        ],
    )
    run_corpus_jobs(store)
    run_corpus_jobs(store)
    assert store.count("copies") == 1
    assert store.count("story_articles") == 2


def test_site_that_mostly_republishes_is_profiled(empty_db: str) -> None:
    store = _store_with(
        empty_db,
        [
            Article(
                url="https://wire.example/fire",
                published="2026-05-03",
                text=texts.ORIGINAL,
                language="en",
            ),
            Article(
                url="https://farm.example/fire",
                published="2026-05-05",
                text=texts.SYNDICATED,
                language="en",
            ),
        ],
    )
    run_corpus_jobs(store)
    profiles = {p.site: p for p in store.site_profiles()}
    assert profiles["farm.example"].mostly_republishes
    assert profiles["farm.example"].copied_share == 1.0
    assert not profiles["wire.example"].mostly_republishes


def test_shared_site_footer_does_not_link_every_page(empty_db: str) -> None:
    footer = (
        "\n\nSubscribe to the Harbour Herald newsletter for the latest news from the coast. "
        "Follow us on social media and share this story with your friends and family today."
    )
    other = (
        "The town library will extend its opening hours from June, the council said on "
        "Wednesday. Readers will be able to borrow books until nine in the evening."
    )
    store = _store_with(
        empty_db,
        [
            Article(url="https://herald.example/1", text=texts.ORIGINAL + footer, language="en"),
            Article(url="https://herald.example/2", text=texts.UNRELATED + footer, language="en"),
            Article(url="https://herald.example/3", text=other + footer, language="en"),
        ],
    )
    run_corpus_jobs(store)
    assert [c for c in store.copies() if c.relation != "same_story"] == []


def test_changed_articles_are_relinked_and_old_links_kept(empty_db: str) -> None:
    store = _store_with(
        empty_db,
        [
            Article(url="https://a.example/1", text=texts.ORIGINAL, language="en"),
            Article(url="https://b.example/1", text=texts.SYNDICATED, language="en"),
        ],
    )
    run_corpus_jobs(store)
    pipe = Pipeline(stages=["fingerprint.v1"], resources=Resources())
    spun = pipe.analyze_articles(
        [Article(url="https://c.example/1", text=texts.SPUN, language="en")]
    )
    store.upsert_many(spun, pipe.provenance)
    summary = run_corpus_jobs(store, changed={spun[0].id})
    relations = sorted(c.relation for c in store.copies())
    assert relations == ["rewritten", "rewritten", "syndicated"]
    assert sum(summary.relations.values()) == 2  # only the pairs with the new article
    assert run_corpus_jobs(store, changed=set()).relations == {}
    assert store.count("story_articles") == 3


def test_a_second_ingest_keeps_story_ids(empty_db: str) -> None:
    store = _store_with(
        empty_db,
        [
            Article(url="https://a.example/1", text=texts.ORIGINAL, published="2026-05-03"),
            Article(url="https://b.example/1", text=texts.UNRELATED, published="2026-05-03"),
        ],
    )
    run_corpus_jobs(store)
    before = {s.id: s.articles for s in store.stories()}
    pipe = Pipeline(stages=["fingerprint.v1"], resources=Resources())
    arrived = pipe.analyze_articles(
        [Article(url="https://c.example/1", text=texts.SAME_STORY, published="2026-05-04")]
    )
    store.upsert_many(arrived, pipe.provenance)
    run_corpus_jobs(store, changed={arrived[0].id})
    after = {s.id: s.articles for s in store.stories()}
    assert set(after) == set(before)
    fire = Article(url="https://a.example/1").id
    (story,) = [sid for sid, members in after.items() if fire in members]
    assert after[story] == (*before[story], arrived[0].id)


def test_two_workers_find_the_same_links_and_stories_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vectors, "MIN_SHARE", 1)  # share out even a few sentences
    articles = [
        Article(url="https://wire.example/fire", text=texts.ORIGINAL, language="en"),
        Article(url="https://b.example/fire", text=texts.SYNDICATED, language="en"),
        Article(url="https://c.example/fuego", text=texts.TRANSLATED, language="es"),
        Article(url="https://d.example/fire", text=texts.SPUN, language="en"),
        Article(url="https://e.example/fire", text=texts.SAME_STORY, language="en"),
        Article(url="https://f.example/chess", text=texts.UNRELATED, language="en"),
    ]
    found = {}
    for workers in (1, 2):
        with _store_with(str(tmp_path / f"w{workers}.db"), articles) as store:
            summary = run_corpus_jobs(store, workers=workers)
            links = [(c.a, c.b, c.relation, c.score, c.original, c.aligned) for c in store.copies()]
            stories = sorted(s.articles for s in store.stories())
        found[workers] = (links, stories, summary.relations)
        # the Spanish text and the English ones it is compared with are embedded in two
        # processes (this one and one more) when two workers are asked for
        assert summary.embedding.processes == workers - 1
        assert len(summary.embedding.cpu_seconds) == workers
    assert found[1] == found[2]
    assert found[1][2]["translated"] >= 1 and found[1][2]["syndicated"] == 1


def test_links_of_an_earlier_copy_job_are_all_verified_again(empty_db: str) -> None:
    store = _store_with(
        empty_db,
        [
            Article(url="https://a.example/1", text=texts.ORIGINAL, language="en"),
            Article(url="https://b.example/1", text=texts.UNRELATED, language="en"),
        ],
    )
    a, b = (Article(url=u).id for u in ("https://a.example/1", "https://b.example/1"))
    # A link an older verifier stored between two unrelated articles.
    store.replace_copies([CopyLink(a, b, "rewritten", 0.5, a, [])], "copies.v1")
    pipe = Pipeline(stages=["fingerprint.v1"], resources=Resources())
    spun = pipe.analyze_articles(
        [Article(url="https://c.example/1", text=texts.SPUN, language="en")]
    )
    store.upsert_many(spun, pipe.provenance)
    run_corpus_jobs(store, changed={spun[0].id})
    links = {(c.a, c.b): c.relation for c in store.copies()}
    assert (a, b) not in links and (b, a) not in links  # judged again, not kept
    assert list(links.values()) == ["rewritten"]  # the spun copy of the original
    assert store.corpus_ran(COPIES_JOB)


def test_job_family_covers_every_version() -> None:
    assert job_family("copies.v2") == "copies.v"
    assert job_family("copies") == "copies"
