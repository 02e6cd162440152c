"""Ingest killed with SIGKILL at 20 random moments: nothing committed is lost, nothing doubles.

After every kill the database passes ``PRAGMA integrity_check`` and still holds every
article that was visible (committed) just before the kill; the final resumed run ends
with each input stored exactly once.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
KILLS = 20
PAGES = 120


def committed_ids(db: Path) -> set[str]:
    """Article ids a reader sees now (only committed transactions are visible)."""
    if not db.exists():
        return set()
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return {r[0] for r in conn.execute("SELECT id FROM articles")}
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the first migration has not committed yet
        return set()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_twenty_random_kills_lose_nothing(tmp_path: Path, workers: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(PAGES):
        body = " ".join(
            f"Sentence {j} of story {i} about the river and the town." for j in range(30)
        )
        (corpus / f"p{i:02}.txt").write_text(f"Story number {i}\n\n{body}\n\nThe end of {i}.")
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONPATH": str(SRC), "PRESSTRACE_BATCH_SIZE": "2"}
    cmd = [
        sys.executable,
        "-m",
        "presstrace",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        workers,
    ]
    rng = random.Random(1234 + int(workers))
    survived = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(
            cmd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.3, 5.0))
        before = committed_ids(db)
        print(len(before), end=" ")
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and any worker processes
        proc.wait()
        if db.exists():
            assert integrity(db) == "ok"
            assert before <= committed_ids(db), "an article committed before the kill is gone"
        survived += 1
    assert survived == KILLS
    final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    try:
        inputs = conn.execute("SELECT count(*), count(DISTINCT source) FROM inputs").fetchone()
        articles = conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        stored = conn.execute("SELECT count(*) FROM inputs WHERE status = 'stored'").fetchone()
    finally:
        conn.close()
    assert tuple(inputs) == (PAGES, PAGES)
    assert tuple(articles) == (PAGES, PAGES)
    assert stored[0] == PAGES
