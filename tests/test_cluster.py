from __future__ import annotations

import json
from pathlib import Path

import pytest

from presstrace import Store
from presstrace.cluster import plan_tasks
from presstrace.ingest import ingest_paths

from .readers.warc_build import page, record, uid, write_warc


def test_one_task_per_warc_and_pages_grouped(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    for i in range(3):
        (tmp_path / "pages" / f"{i}.html").write_text("<html></html>")
    (tmp_path / "pages" / "notes.md").write_text("skip")
    w1 = write_warc(tmp_path / "a.warc.gz", [record("https://x.example/", page(1))])
    w2 = write_warc(tmp_path / "b.warc", [record("https://x.example/", page(2))])
    tasks = plan_tasks([str(w1), str(tmp_path / "pages"), str(w2)])
    assert tasks == [
        [str(w1)],
        [str(w2)],
        [str(tmp_path / "pages" / f"{i}.html") for i in range(3)],
    ]


def test_ray_engine_stores_the_same_records_as_local(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    recs = [record(f"https://news.example/{i}", page(i), record_id=uid(i)) for i in range(3)]
    a = write_warc(tmp_path / "a.warc.gz", recs[:2])
    b = write_warc(tmp_path / "b.warc.gz", recs[2:])
    local, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    ingest_paths([str(a), str(b)], local)
    summary = ingest_paths([str(a), str(b)], ray_db, engine="ray", shard_dir=tmp_path / "sh")
    assert summary.counts == {"ingested": 3}
    assert list((tmp_path / "sh").glob("*.parquet"))

    def records(db: Path) -> dict[str, str]:
        with Store(db, readonly=True) as store:
            return {r["id"]: json.dumps(r, sort_keys=True) for r in store.iter_records()}

    assert records(local) == records(ray_db)
