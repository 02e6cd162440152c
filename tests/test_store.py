from __future__ import annotations

from collections.abc import Iterator

import pytest

from presstrace import Store, StoreError
from presstrace.records import Article, ErrorRecord
from presstrace.store import MIGRATIONS, _original_side, open_store
from tests.test_records import full_article
from tests.web.corpus import STORY_TABLES, add_copy, add_story


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store in memory (SQLite), then in a fresh PostgreSQL schema."""
    target = ":memory:" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(target) as s:
        yield s


def test_upsert_is_idempotent(store: Store) -> None:
    a = full_article()
    assert store.upsert(a, {"quotes": "quotes.v1"}) == "ingested"
    assert store.upsert(a, {"quotes": "quotes.v1"}) == "unchanged"
    assert store.count() == 1
    assert store.count("quotes") == 1


def test_update_replaces_child_rows(store: Store) -> None:
    a = full_article()
    store.upsert(a)
    b = a.evolve(title="New title", quotes=())
    assert store.upsert(b) == "updated"
    assert store.count("quotes") == 0
    got = store.get(a.id)
    assert got is not None and got.title == "New title"


def test_record_round_trips_through_the_store(store: Store) -> None:
    a = full_article()
    store.upsert(a)
    assert store.get(a.id) == a
    assert list(store.iter_records()) == [a.to_dict()]


def test_rows_are_readable_with_plain_sql(store: Store) -> None:
    store.upsert(full_article(), {"quotes": "quotes.v1", "claims": "claims.v1"})
    row = store.conn.execute("SELECT speaker_name, content, stage FROM quotes").fetchone()
    assert (row["speaker_name"], row["stage"]) == ("Ana Ruiz", "quotes.v1")
    assert row["content"] == "We will rebuild,"[:15]
    assert store.conn.execute("SELECT about, value_low FROM claims").fetchone()[0] == "killed"
    assert store.conn.execute("SELECT site FROM articles").fetchone()[0] == "news.example"


def test_inputs_without_text_are_kept_apart_with_reason(store: Store) -> None:
    bad = Article(input="junk.bin", errors=(ErrorRecord("binary_input", "binary"),))
    assert store.upsert(bad) == "kept_apart"
    assert store.count() == 0
    assert store.kept_apart()[0]["code"] == "binary_input"


def test_search_ranks_and_snippets(store: Store) -> None:
    store.upsert(full_article())
    store.upsert(Article(url="https://b.example/x", title="Other", text="Nothing here."))
    hits = store.search("rebuild")
    assert [h.title for h in hits] == ["Flood"]
    assert "[rebuild]" in hits[0].snippet


def test_search_treats_operators_as_words(store: Store) -> None:
    store.upsert(full_article())
    for hostile in ['" OR 1=1 --', "NEAR(", "title:*", "'); DROP TABLE articles; --"]:
        store.search(hostile)
    assert store.count() == 1


def test_migrations_are_recorded_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.db"
    Store(path).close()
    with Store(path) as s:
        assert s.schema_version >= 1
        versions = s.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        # Numbers are assigned per feature and may land out of order: count, don't assume 1..n.
        assert versions == len(MIGRATIONS)
        assert s.schema_version == max(n for n, _ in MIGRATIONS)
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_readonly_store_refuses_writes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.db"
    Store(path).close()
    with Store(path, readonly=True) as s, pytest.raises(StoreError):
        s.upsert(full_article())


def test_missing_readonly_db_is_a_store_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError):
        Store(tmp_path / "nope.db", readonly=True)


def test_failed_batch_leaves_earlier_rows(store: Store) -> None:
    store.upsert(full_article())
    with pytest.raises(StoreError), store.transaction():
        store.conn.execute("INSERT INTO nonexistent VALUES (1)")
    assert store.count() == 1


def test_quotes_listed_by_speaker_most_quoted_first(store: Store) -> None:
    from presstrace.records import Quote, Span

    def quoted(text: str, *names: str | None) -> Article:
        qs = tuple(Quote("direct", Span.of(text, 0, 5), None, None, n) for n in names)
        return Article(url=f"https://x.test/{text}", text=text, quotes=qs)

    store.upsert(quoted("alpha one", "Ann Lee", "Bo Ray"))
    store.upsert(quoted("beta two", "Bo Ray", None))
    names = [h.speaker_name for h in store.quotes_by_speaker()]
    assert names == ["Bo Ray", "Bo Ray", "Ann Lee", None]
    assert [h.content for h in store.quotes_by_speaker("ann")] == ["alpha"]
    assert store.quotes_by_speaker("%") == [] and store.quotes_by_speaker("_") == []


def test_browse_views_are_empty_before_story_and_copy_tables_exist(store: Store) -> None:
    a = full_article()
    store.upsert(a)
    assert store.latest_stories() == []
    assert store.story("1") is None
    assert store.copies_of(a.id) == []
    assert store.site_profile("news.example") is not None
    assert store.site_profile("news.example")["copies"] == {"copied_from": [], "copied_by": []}


def test_browse_views_read_story_and_copy_tables(store: Store) -> None:
    a = full_article()
    b = Article(
        url="https://b.example/x", title="Other", text="Nothing here.", published="2026-03-02"
    )
    store.upsert(a)
    store.upsert(b)
    store.conn.executescript(STORY_TABLES)
    add_story(store, "s-1", [a.id, b.id])
    add_copy(store, a.id, b.id, "syndicated", 0.95, b.id)
    [head] = store.latest_stories()
    assert head["id"] == "s-1" and head["title"] == "Flood" and head["copies_count"] == 1
    assert head["outlets"] == ["b.example", "news.example"]
    story = store.story("s-1")
    assert story is not None and story["copies"][0]["original"] == b.id
    assert [q["speaker_name"] for q in story["quotes"]] == ["Ana Ruiz"]
    assert store.copies_of(a.id)[0]["this_is"] == "copy"
    assert store.site_profile("b.example")["copies"]["copied_by"] == [
        {"site": "news.example", "relation": "syndicated", "count": 1}
    ]


def test_person_roles_by_site_and_quotes(store: Store) -> None:
    store.upsert(full_article())
    person = store.person("Ana Ruiz")
    assert person is not None
    assert person["roles"] == [{"site": "news.example", "role": "Mayor", "mentions": 1}]
    assert [q["content"]["text"] for q in person["quotes"]] == ["We will rebuild"]
    assert store.person("Nobody") is None
    assert store.people() == [{"name": "Ana Ruiz", "mentions": 1, "articles": 1, "quotes": 1}]


def test_search_articles_snippets_with_chosen_marks(store: Store) -> None:
    store.upsert(full_article())
    [hit] = store.search_articles("rebuild", marks=("<<", ">>"))
    assert "<<rebuild>>" in hit["snippet"] and hit["site"] == "news.example"
    assert store.search_articles("\x00") == []


def test_original_side_reads_either_form() -> None:
    assert _original_side("a", "id1", "id2") == "a"
    assert _original_side("id2", "id1", "id2") == "b"
    assert _original_side(None, "id1", "id2") is None
    assert _original_side("other", "id1", "id2") is None
