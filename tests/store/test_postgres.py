"""The PostgreSQL backend: schema parity with SQLite, errors, search limits, concurrency.

Tests taking ``pg_url`` skip unless PRESSTRACE_TEST_PG_URL names a server; the shared
store tests (tests/test_store.py) run on both backends as well.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presstrace import StoreError
from presstrace.cli import app
from presstrace.records import Article, Flag
from presstrace.store import MIGRATIONS, display_name, open_store
from presstrace.store import postgres as pg
from tests.test_records import full_article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_every_sqlite_migration_has_a_postgresql_twin() -> None:
    assert sorted(n for n, _ in pg.MIGRATIONS) == sorted(n for n, _ in MIGRATIONS)


_CREATE = re.compile(r"CREATE\s+(TABLE|VIEW)\s+(\w+)\s*(?:AS\b|\((.*?)\n\s*\);)", re.S | re.I)
_NOT_COLUMNS = {"PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT"}


def _columns(body: str) -> list[str]:
    """Column names of a CREATE TABLE body: its top-level comma-separated items, first word."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(body + ","):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            items.append(body[start:i].strip())
            start = i + 1
    names = (item.split()[0].strip('"') for item in items if item)
    return [n for n in names if n.upper() not in _NOT_COLUMNS]


def _schema(migrations: list[tuple[int, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for _, sql in migrations:
        for kind, name, body in _CREATE.findall(sql):
            out[name] = _columns(body) if kind.upper() == "TABLE" else []
    return out


def test_both_schemas_hold_the_same_tables_views_and_columns() -> None:
    """The PostgreSQL DDL is a hand-kept twin of SQLite's: a column added to one only must fail
    here, without a server. PostgreSQL's generated ``fts`` column stands for SQLite's
    ``articles_fts`` table."""
    lite, pgs = _schema(MIGRATIONS), _schema(pg.MIGRATIONS)
    assert "articles" in lite and len(lite["articles"]) > 10
    assert pgs["articles"][-1] == "fts"
    pgs["articles"] = pgs["articles"][:-1]
    assert lite == pgs


def test_messages_never_show_the_password() -> None:
    url = "postgresql://ana:s3cret@127.0.0.1:1/news"
    assert display_name(url) == "postgresql://ana:***@127.0.0.1:1/news"
    assert display_name("/tmp/x.db") == "/tmp/x.db"
    pytest.importorskip("psycopg", reason="the postgres extra is not installed")
    with pytest.raises(StoreError) as e:  # nothing listens on port 1
        open_store(url)
    assert "s3cret" not in str(e.value) and "127.0.0.1" in str(e.value)


def test_readonly_needs_an_existing_schema(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no presstrace database"):
        open_store(pg_url, readonly=True)


def test_migrations_apply_once_and_readonly_refuses_writes(pg_url: str) -> None:
    open_store(pg_url).close()
    with open_store(pg_url) as s:
        rows = s.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert rows == len(MIGRATIONS) and s.schema_version == max(n for n, _ in MIGRATIONS)
    with open_store(pg_url, readonly=True) as s, pytest.raises(StoreError):
        s.upsert(full_article())


def test_long_text_is_stored_whole_and_searchable_at_its_start(pg_url: str) -> None:
    filler = "word " * (pg.FTS_CHARS // 5)
    text = "Zanzibarite opening. " + filler + "Quetzalcoatlite closing."
    with open_store(pg_url) as s:
        s.upsert(Article(url="https://long.example/a", title="Long", text=text))
        got = s.get(s.find_ids("")[0])
        assert got is not None and got.text == text
        assert [h.title for h in s.search("zanzibarite")] == ["Long"]
        assert s.search("quetzalcoatlite") == []  # past FTS_CHARS: stored, not indexed


def test_two_writers_of_one_article_take_turns(pg_url: str) -> None:
    open_store(pg_url).close()
    base = full_article()
    errors: list[BaseException] = []

    def write(title: str) -> None:
        try:
            with open_store(pg_url) as s:
                for i in range(10):
                    s.upsert(base.evolve(title=f"{title} {i}"))
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(t,)) for t in ("left", "right")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(pg_url) as s:
        assert s.count() == 1 and s.count("quotes") == len(base.quotes)


def test_cli_ingests_the_examples_then_searches_and_shows(pg_url: str) -> None:
    runner = CliRunner()
    pages, feed = str(EXAMPLES / "pages"), str(EXAMPLES / "feed.jsonl")
    first = runner.invoke(app, ["ingest", pages, feed, "--db", pg_url, "--workers", "1"])
    stored = re.search(r"(\d+) ingested", first.output)
    assert stored and int(stored[1]) > 10, first.output
    again = runner.invoke(app, ["ingest", pages, feed, "--db", pg_url, "--no-resume"])
    assert f"0 ingested, 0 updated, {stored[1]} unchanged" in again.output
    found = runner.invoke(app, ["search", "Valdora dam", "--db", pg_url, "--format", "jsonl"])
    assert found.exit_code == 0, found.output
    hits = [json.loads(x) for x in found.stdout.splitlines()]
    assert hits and all("[" in h["snippet"] for h in hits)
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)
    show = runner.invoke(app, ["show", hits[0]["id"][:10], "--db", pg_url])
    assert show.exit_code == 0 and hits[0]["title"] in show.stdout
    for command in (["quotes"], ["copies"], ["stories"], ["flags"], ["sites"]):
        r = runner.invoke(app, [*command, "--db", pg_url])
        assert r.exit_code == 0, (command, r.output)


def test_parquet_export_loads_into_sqlite_unchanged(pg_url: str, tmp_path: Path) -> None:
    with open_store(pg_url) as s:
        s.upsert(full_article())
        s.upsert(Article(url="https://b.example/x", title="Other", text="Nothing here."))
    runner = CliRunner()
    shards = tmp_path / "shards"
    shards.mkdir()
    out = runner.invoke(
        app, ["export", "--db", pg_url, "--format", "parquet", "--out", str(shards / "a.parquet")]
    )
    assert out.exit_code == 0, out.output
    lite = str(tmp_path / "copy.db")
    assert runner.invoke(app, ["load", str(shards), "--db", lite]).exit_code == 0
    with open_store(pg_url) as s, open_store(lite) as t:
        assert list(s.iter_records()) == list(t.iter_records())


def test_a_failing_article_rolls_back_its_whole_batch(pg_url: str) -> None:
    good = full_article()
    # An offset past a 32-bit INTEGER: SQLite would take it, PostgreSQL refuses the row.
    bad = Article(url="https://b.example/x", text="Body.", flags=(Flag("x", 2**40, None, "e"),))
    with open_store(pg_url) as s:
        with pytest.raises(StoreError):
            s.upsert_many([good, bad])
        assert s.count() == 0 and s.count("inputs") == 0
        assert s.upsert_many([good]) == ["ingested"]


def test_nul_in_a_plain_column_is_replaced_and_the_record_kept(pg_url: str) -> None:
    odd = Article(url="https://b.example/\x00x", title="Nul\x00title", text="Body.")
    with open_store(pg_url) as s:
        assert s.upsert(odd) == "ingested"
        assert s.get(odd.id) == odd
        assert s.conn.execute("SELECT title FROM articles").fetchone()[0] == "Nul\ufffdtitle"


def test_ingest_killed_at_random_moments_stores_each_input_once(
    pg_url: str, tmp_path: Path
) -> None:
    """As tests/test_crash_safety.py for SQLite, with fewer kills: a client killed mid-write
    leaves nothing half-written, and the resumed run stores every input exactly once."""
    pages = 40
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(pages):
        body = " ".join(f"Sentence {j} of story {i} about the harbour." for j in range(20))
        (corpus / f"p{i:02}.txt").write_text(f"Story number {i}\n\n{body}")
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src), "PRESSTRACE_BATCH_SIZE": "2"}
    cmd = [sys.executable, "-m", "presstrace", "ingest", str(corpus), "--db", pg_url]
    rng = random.Random(99)
    open_store(pg_url).close()

    def committed() -> set[str]:
        with open_store(pg_url, readonly=True) as s:
            return {r[0] for r in s.conn.execute("SELECT id FROM articles")}

    for _ in range(6):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 6.0))
        before = committed()
        proc.kill()
        proc.wait()
        assert before <= committed(), "an article committed before the kill is gone"
    final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    with open_store(pg_url, readonly=True) as s:
        q = s.conn.execute
        assert tuple(q("SELECT count(*), count(DISTINCT source) FROM inputs").fetchone()) == (
            pages,
            pages,
        )
        assert tuple(q("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()) == (
            pages,
            pages,
        )
