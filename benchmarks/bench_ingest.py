"""Ingest throughput: the AEB pages as a CC-NEWS-style ``.warc.gz``, ``--workers 1`` vs
``--workers 2`` (and ``--engine ray`` when Ray is installed), each a whole process into a
fresh database. Checks that every mode stores the same records, and prints the speed-up
and articles per second per core.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from .corpus import aeb_dir, aeb_warc
from .timing import Run
from .timing import run as run_cmd

GOAL = 1.6


def _records(db: Path) -> dict[str, str]:
    from presstrace import Store

    with Store(db, readonly=True) as store:
        out = {}
        for rec in store.iter_records():
            rec.pop("input", None)  # the WARC path differs per run folder only
            out[rec["id"]] = json.dumps(rec, sort_keys=True)
        return out


def run(copies: int = 1, ray: bool | None = None) -> dict[str, float] | None:
    if aeb_dir() is None:
        print("ingest: skipped (no shared evaldata/aeb)")
        return None
    if ray is None:
        ray = importlib.util.find_spec("ray") is not None
    with tempfile.TemporaryDirectory(prefix="presstrace-bench-") as tmp:
        work = Path(tmp)
        warc = work / "aeb.warc.gz"
        n = aeb_warc(warc, copies=copies)
        modes = {"workers1": ["--workers", "1"], "workers2": ["--workers", "2"]}
        if ray:
            modes["ray"] = ["--engine", "ray"]
        runs: dict[str, Run] = {}
        records: dict[str, dict[str, str]] = {}
        for mode, extra in modes.items():
            db = work / f"{mode}.db"
            cmd = [sys.executable, "-m", "presstrace", "ingest", str(warc), "--db", str(db)]
            runs[mode] = run_cmd([*cmd, *extra], ok=(0, 1))
            records[mode] = _records(db)
    seconds = {m: r.seconds for m, r in runs.items()}
    speedup = seconds["workers1"] / seconds["workers2"]
    same = all(r == records["workers1"] for r in records.values())
    counts = {m: len(r) for m, r in records.items()}
    print(
        f"ingest {n} WARC records: "
        + ", ".join(f"{m} {s:.1f}s ({counts[m]} articles)" for m, s in seconds.items())
    )
    print(
        f"  speed-up 1 -> 2 workers {speedup:.2f}x (goal >= {GOAL}); "
        f"{n / seconds['workers1']:.2f} articles/s/core with 1 worker, "
        f"{n / seconds['workers2'] / 2:.2f} with 2; same records in every mode: {same}"
    )
    w1, w2 = runs["workers1"], runs["workers2"]
    cpu1, cpu2 = w1.cpu_seconds / n, w2.cpu_seconds / n
    print(
        f"  CPU per article: {cpu1 * 1000:.0f} ms with 1 worker, {cpu2 * 1000:.0f} ms with 2 "
        f"(parallel overhead {cpu2 / cpu1 - 1:+.0%}); {1 / cpu1:.2f} articles per CPU-second; "
        f"speed-up bound on 2 idle cores {2 * cpu1 / cpu2:.2f}x (on a busy machine the "
        "scheduler shares the cores per session, so wall time cannot show it)"
    )
    print(
        f"  peak memory: --workers 1 process {w1.parent_mb:.0f} MB; --workers 2 parent "
        f"{w2.parent_mb:.0f} MB, largest worker {w2.largest_child_mb:.0f} MB"
    )
    out = {
        "records": float(n),
        "speedup": speedup,
        "same_records": float(same),
        "worker_peak_mb": w2.largest_child_mb,
        "cpu_per_article_1": cpu1,
        "cpu_per_article_2": cpu2,
    }
    out.update({f"{m}_s": s for m, s in seconds.items()})
    return out
