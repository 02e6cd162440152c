"""A full disk fails cleanly: one StoreError, earlier rows kept, the database usable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from presstrace import Store, StoreError
from presstrace.records import Article


def big_article(i: int) -> Article:
    return Article(url=f"https://full.example/{i}", title=f"T{i}", text=f"word{i} " * 20_000)


def test_page_limit_full_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with Store(path) as store:
        store.upsert(big_article(0))
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 5}")
        with pytest.raises(StoreError, match="full"):
            store.upsert_many([big_article(1), big_article(2)])
        assert store.count() == 1
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.conn.execute("PRAGMA max_page_count = 1000000")
        assert store.upsert(big_article(3)) == "ingested"
        assert store.count() == 2


@pytest.fixture()
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 700 KB tmpfs (needs root and mount; skipped elsewhere)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", str(mnt)], capture_output=True
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode(errors='replace').strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_ingest_on_a_full_disk_is_one_line_and_keeps_the_db(
    tiny_disk: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        words = " ".join(f"w{i}x{j}" for j in range(3000))
        (corpus / f"p{i:02}.txt").write_text(f"Title {i}\n\n{words}\n\nEnd of story {i}.")
    db = tiny_disk / "x.db"
    r = subprocess.run(
        [sys.executable, "-m", "presstrace", "ingest", str(corpus), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "full" in r.stderr.lower()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = store.count()
        assert 0 <= n < 40
        assert all(rec["text"] for rec in store.iter_records())
