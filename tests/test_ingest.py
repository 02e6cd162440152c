from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from presstrace import Resources, Settings, Store
from presstrace.corpus import run_corpus_jobs
from presstrace.ingest import ingest_paths

from .readers.warc_build import page, record, uid, write_warc

SRC = Path(__file__).resolve().parent.parent / "src"


def _corpus(tmp_path: Path, n: int = 6) -> Path:
    recs = [record(f"https://news.example/{i}", page(i), record_id=uid(i)) for i in range(n)]
    recs.append(
        record(
            "https://news.example/doc.pdf",
            b"%PDF",
            content_type="application/pdf",
            record_id=uid(999),
        )
    )
    return write_warc(tmp_path / "crawl.warc.gz", recs)


def _records(db: Path) -> dict[str, str]:
    with Store(db, readonly=True) as store:
        return {r["id"]: json.dumps(r, sort_keys=True) for r in store.iter_records()}


def test_warc_ingest_keeps_crawl_time_apart(tmp_path: Path, resources: Resources) -> None:
    warc = _corpus(tmp_path, 2)
    db = tmp_path / "a.db"
    summary = ingest_paths([str(warc)], db, resources=resources)
    assert summary.counts["ingested"] == 2
    assert summary.reasons == {"unsupported_format": 1}
    with Store(db, readonly=True) as store:
        recs = list(store.iter_records())
        assert store.count("inputs") == 3
    assert {r["crawled"] for r in recs} == {"2024-03-01T12:00:00Z"}
    assert all(r["published"] != r["crawled"] for r in recs)
    assert {r["url"] for r in recs} == {"https://news.example/0", "https://news.example/1"}


def test_resume_skips_recorded_sources(tmp_path: Path, resources: Resources) -> None:
    warc = _corpus(tmp_path, 3)
    db = tmp_path / "a.db"
    ingest_paths([str(warc)], db, resources=resources)
    again = ingest_paths([str(warc)], db, resources=resources)
    assert again.counts == {"skipped": 4}
    redo = ingest_paths([str(warc)], db, resources=resources, resume=False)
    assert redo.counts["unchanged"] == 3 and "skipped" not in redo.counts


def test_a_modified_file_is_analysed_again(tmp_path: Path, resources: Resources) -> None:
    p = tmp_path / "a.txt"
    p.write_text("A headline\n\nThe first version of the body.")
    db = tmp_path / "a.db"
    ingest_paths([str(p)], db, resources=resources)
    p.write_text("A headline\n\nThe second version of the body.")
    future = time.time() + 10
    os.utime(p, (future, future))
    # no URL: the id is a hash of the text, so the new body is a new article
    assert ingest_paths([str(p)], db, resources=resources).counts == {"ingested": 1}


def test_two_workers_store_the_same_records_as_one(tmp_path: Path) -> None:
    warc = _corpus(tmp_path, 6)
    res = Resources(Settings(batch_size=2))
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    s1 = ingest_paths([str(warc)], one, resources=res, workers=1)
    s2 = ingest_paths([str(warc)], two, resources=res, workers=2)
    assert s1.counts == s2.counts and s1.counts["ingested"] == 6
    assert _records(one) == _records(two)
    # each worker's usage is reported; in-process analysis has no workers to report
    assert s1.workers == [] and len(s2.workers) == 2
    assert sum(w.batches for w in s2.workers) == 4  # 7 records in batches of 2


def test_corpus_jobs_can_be_left_for_later(tmp_path: Path, resources: Resources) -> None:
    warc = _corpus(tmp_path, 3)
    db = tmp_path / "later.db"
    summary = ingest_paths([str(warc)], db, resources=resources, corpus=False)
    assert summary.corpus is None and set(summary.seconds) == {"analysis"}
    assert summary.counts["ingested"] == 3 and summary.changed == set()
    with Store(db, readonly=True) as store:
        assert store.count("articles") == 3 and store.stories() == []
    with Store(db) as store:
        later = run_corpus_jobs(store, resources)  # everything in the store, once
        assert later.articles == 3 and store.stories() != []
    (tmp_path / "more").mkdir()
    more = ingest_paths([str(_corpus(tmp_path / "more", 4))], db, resources=resources)
    assert more.counts["ingested"] == 1 and set(more.seconds) == {"analysis", "corpus"}
    assert len(more.changed) == 4  # 1 new, 3 stored again from another file (updated)
    assert more.corpus is not None and more.corpus.articles == 4
    assert all(v >= 0 for v in more.cpu_seconds.values())


def test_kill_during_ingest_then_rerun_stores_each_input_once(tmp_path: Path) -> None:
    """kill -9 the ingest once the first batches are committed; a rerun completes it."""
    warc = _corpus(tmp_path, 16)
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(SRC), "PRESSTRACE_BATCH_SIZE": "2"}
    cmd = [sys.executable, "-m", "presstrace", "ingest", str(warc), "--db", str(db)]
    proc = subprocess.Popen([*cmd, "--workers", "2"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists() and _count_inputs(db) >= 2:
                break
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    partial = _count_inputs(db)
    assert 0 < partial < 17
    subprocess.run([*cmd, "--workers", "1"], env=env, check=False, capture_output=True)
    with Store(db, readonly=True) as store:
        assert store.count("inputs") == 17
        assert store.count("articles") == 16
        ids = [r["id"] for r in store.iter_records()]
    assert len(ids) == len(set(ids)) == 16


def _count_inputs(db: Path) -> int:
    try:
        with Store(db, readonly=True) as store:
            return store.count("inputs")
    except Exception:  # the database may not have its tables yet
        return 0
