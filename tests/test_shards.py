from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from presstrace import Article, ErrorRecord, InputError, Quote, Span, Store
from presstrace.export import export_store
from presstrace.shards import article_row, load_parquet, row_article, rows_table

TEXT = 'The mayor said "we will rebuild the bridge" on Monday.'


def _article(n: int) -> Article:
    return Article(
        input=f"crawl.warc.gz#urn:{n}",
        url=f"https://news.example/{n}",
        title=f"Bridge {n}",
        authors=("Ann Clark",),
        crawled="2024-03-01T12:00:00Z",
        text=TEXT,
        quotes=(Quote("direct", Span.of(TEXT, 16, 42), speaker=Span.of(TEXT, 4, 9)),),
    )


def test_rows_round_trip() -> None:
    art = _article(1)
    row = article_row(art, {"quotes": "quotes.v1"})
    assert all(v is None or isinstance(v, str) for v in row.values())
    back, stages = row_article(row)
    assert back == art and stages == {"quotes": "quotes.v1"}


def test_load_shards_is_idempotent(tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    shards.mkdir()
    rows = [article_row(_article(n), {"quotes": "quotes.v1"}) for n in range(3)]
    pq.write_table(rows_table(rows[:2]), shards / "a.parquet")
    kept = Article(input="bad.html").with_error("empty_input", "the input is empty")
    pq.write_table(rows_table([rows[2], article_row(kept, {})]), shards / "b.parquet")
    db = tmp_path / "s.db"
    first = load_parquet(shards, db)
    assert first.counts == {"ingested": 3, "kept_apart": 1}
    assert load_parquet(shards, db).counts == {"unchanged": 3, "kept_apart": 1}
    with Store(db, readonly=True) as store:
        rec = store.get(_article(1).id)
        assert rec == _article(1)
        assert store.count("quotes") == 3
        stages = store.conn.execute("SELECT DISTINCT stages FROM articles").fetchall()
    assert [json.loads(r[0]) for r in stages] == [{"quotes": "quotes.v1"}]


def test_an_export_file_loads_back(tmp_path: Path) -> None:
    src = tmp_path / "src.db"
    with Store(src) as store:
        store.upsert_many([_article(1), _article(2)])
        out = tmp_path / "export.parquet"
        export_store(store, "parquet", out)
    assert load_parquet(out, tmp_path / "copy.db").counts == {"ingested": 2}


def test_missing_or_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_parquet(tmp_path / "nope", tmp_path / "x.db")
    with pytest.raises(InputError):
        load_parquet(tmp_path, tmp_path / "x.db")


def test_error_record_survives(tmp_path: Path) -> None:
    art = _article(4).evolve(errors=(ErrorRecord("timeout", "slow"),))
    back, _ = row_article(article_row(art, {}))
    assert back.errors == art.errors


def test_load_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from presstrace.cli import app

    src = tmp_path / "src.db"
    with Store(src) as store:
        store.upsert_many([_article(1)])
        export_store(store, "parquet", tmp_path / "e.parquet")
    result = CliRunner().invoke(
        app, ["load", str(tmp_path / "e.parquet"), "--db", str(tmp_path / "n.db")]
    )
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.output
    missing = CliRunner().invoke(
        app, ["load", str(tmp_path / "none"), "--db", str(tmp_path / "n.db")]
    )
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_load_runs_the_corpus_jobs_unless_told_not_to(tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    shards.mkdir()
    rows = [article_row(_article(n), {"quotes": "quotes.v1"}) for n in range(3)]
    pq.write_table(rows_table(rows), shards / "a.parquet")
    later = load_parquet(shards, tmp_path / "later.db", corpus=False)
    assert later.corpus is None
    with Store(tmp_path / "later.db", readonly=True) as store:
        assert store.stories() == []
    loaded = load_parquet(shards, tmp_path / "now.db")
    assert loaded.corpus is not None and loaded.corpus.articles == 3
    with Store(tmp_path / "now.db", readonly=True) as store:
        stories = store.stories()
    assert sorted(a for s in stories for a in s.articles) == sorted(
        _article(n).id for n in range(3)
    )
