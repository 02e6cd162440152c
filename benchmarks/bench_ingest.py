"""Ingest throughput and memory, each mode a whole process into a fresh database.

Speed: the AEB pages as a CC-NEWS-style ``.warc.gz``, ``--workers 1`` vs ``--workers 2``
(and ``--engine ray`` when Ray is installed). The analysis phase (read, analyse, store)
and the corpus jobs (copies, stories: one pass over the whole store after the analysis)
are timed apart: the analysis is spread over workers, of the corpus jobs only the
multilingual embedding is; both ratios are printed, and the whole run's. Checks that every
mode stores the same records.

Memory (``--memory``): short synthetic pages, 1,000 and 20,000 of them, with two workers
and without the corpus jobs (they hold the whole corpus by design); prints the peak
memory of each worker and of the parent at both sizes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import aeb_dir, aeb_warc, synthetic_warc
from .timing import Run
from .timing import run as run_cmd

GOAL = 1.6
FLAT = 1.1  # memory goal: peak at the larger size at most this times the peak at the smaller
MEMORY_SIZES = (1_000, 20_000)


@dataclass
class Measured:
    """One ingest process: the sampler's view (``run``) plus what it reported itself."""

    run: Run
    report: dict[str, Any]

    @property
    def analysis_s(self) -> float:
        return float(self.report["seconds"]["analysis"])

    @property
    def corpus_s(self) -> float:
        return float(self.report["seconds"].get("corpus", 0.0))

    @property
    def workers(self) -> list[dict[str, Any]]:
        return list(self.report["workers"])

    @property
    def worker_cpu(self) -> float:
        return sum(w["cpu_seconds"] for w in self.workers)

    @property
    def worker_startup_cpu(self) -> float:
        return sum(w["startup_cpu_seconds"] for w in self.workers)

    @property
    def parent_analysis_cpu(self) -> float:
        return float(self.report["cpu_seconds"]["analysis"])

    @property
    def helper_cpu(self) -> float:
        """CPU of processes neither the parent nor a worker (the forkserver)."""
        skip = {self.run.pid} | {w["pid"] for w in self.workers}
        return sum(c for pid, c in self.run.cpu_by_pid.items() if pid not in skip)

    @property
    def corpus_critical_path_cpu(self) -> float:
        """The corpus jobs' least wall time on idle cores: this process's CPU in them, with
        its share of the embedding replaced by the largest share (the processes embed at
        the same time)."""
        cpu = float(self.report["cpu_seconds"].get("corpus", 0.0))
        shares = [float(c) for c in self.report.get("embedding_cpu", [])]
        return cpu - shares[0] + max(shares) if shares else cpu

    @property
    def whole_critical_path_cpu(self) -> float:
        """Start-up (imports, before the analysis), the analysis and the corpus jobs."""
        phases = sum(float(c) for c in self.report["cpu_seconds"].values())
        startup = float(self.report["process_cpu"]) - phases
        return startup + self.critical_path_cpu + self.corpus_critical_path_cpu

    @property
    def critical_path_cpu(self) -> float:
        """The analysis phase's least wall time on idle cores: the forkserver (which
        starts the workers) plus the busiest worker, and at least the phase's CPU shared
        out over the cores."""
        if not self.workers:
            return self.parent_analysis_cpu
        busiest = max(w["cpu_seconds"] for w in self.workers)
        total = self.parent_analysis_cpu + self.helper_cpu + self.worker_cpu
        return max(self.helper_cpu + busiest, total / len(self.workers))


def measure(source: Path, db: Path, workers: int, *, corpus: bool = True) -> Measured:
    """Ingest ``source`` into a new ``db`` in a child process; returns its measurements."""
    out = db.with_suffix(".json")
    cmd = [sys.executable, "-m", "benchmarks.ingest_run", str(source), str(db)]
    cmd += ["--workers", str(workers), "--json", str(out)]
    if not corpus:
        cmd.append("--no-corpus")
    run = run_cmd(cmd)
    return Measured(run, json.loads(out.read_text()))


def _records(db: Path) -> dict[str, str]:
    from presstrace import Store

    with Store(db, readonly=True) as store:
        out = {}
        for rec in store.iter_records():
            rec.pop("input", None)  # the WARC path differs per run folder only
            out[rec["id"]] = json.dumps(rec, sort_keys=True)
        return out


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def run(copies: int = 2, ray: bool | None = None, repeat: int = 1) -> dict[str, float] | None:
    """Workers 1 vs 2 (``repeat`` times each, alternating; the fastest of each counts)."""
    if aeb_dir() is None:
        print("ingest: skipped (no shared evaldata/aeb)")
        return None
    if ray is None:
        ray = importlib.util.find_spec("ray") is not None
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="presstrace-bench-") as tmp:
        work = Path(tmp)
        warc = work / "aeb.warc.gz"
        n = aeb_warc(warc, copies=copies)
        best: dict[int, Measured] = {}
        records: dict[str, dict[str, str]] = {}
        for i in range(repeat):
            for w in (1, 2):
                db = work / f"workers{w}-{i}.db"
                m = measure(warc, db, w)
                if w not in best or m.analysis_s < best[w].analysis_s:
                    best[w] = m
                records.setdefault(f"workers{w}", _records(db))
        ray_run: Run | None = None
        if ray:
            db = work / "ray.db"
            cmd = [sys.executable, "-m", "presstrace", "ingest", str(warc), "--db", str(db)]
            ray_run = run_cmd([*cmd, "--engine", "ray"], ok=(0, 1))
            records["ray"] = _records(db)
    w1, w2 = best[1], best[2]
    same = all(r == records["workers1"] for r in records.values())
    speedup = w1.analysis_s / w2.analysis_s
    whole = w1.run.seconds / w2.run.seconds
    print(f"ingest {n} WARC records (AEB pages x {copies}); load {load_before} -> {_load()}")
    print("  mode       whole run  analysis  corpus jobs  articles/s (analysis)  per core")
    for name, m, cores in (("workers1", w1, 1), ("workers2", w2, 2)):
        rate = n / m.analysis_s
        print(
            f"  {name:9}  {m.run.seconds:8.1f}s  {m.analysis_s:7.1f}s  {m.corpus_s:10.1f}s"
            f"  {rate:21.2f}  {rate / cores:8.2f}"
        )
    if ray_run is not None:
        print(f"  ray        {ray_run.seconds:8.1f}s  (analysis, Parquet, load and corpus jobs)")
    print(
        f"  speed-up 1 -> 2 workers: analysis phase {speedup:.2f}x (goal >= {GOAL}); "
        f"whole run {whole:.2f}x (corpus jobs {w1.corpus_s:.1f}s -> {w2.corpus_s:.1f}s: "
        f"{w1.corpus_s / w2.corpus_s if w2.corpus_s else 0.0:.2f}x; only their embedding "
        "is spread over workers)"
    )
    # CPU, which unlike wall time does not depend on who else uses the cores.
    work_cpu = w2.worker_cpu - w2.worker_startup_cpu
    parent = w2.parent_analysis_cpu
    per_article = work_cpu / n
    each = " + ".join(f"{w['cpu_seconds']:.1f}" for w in w2.workers)
    print(
        f"  CPU in the 2-worker analysis phase: parent {parent:.1f}s "
        f"({parent / (parent + w2.worker_cpu):.0%} of the phase's CPU: reading, storing), "
        f"workers {each}s "
        f"of which {w2.worker_startup_cpu:.1f}s loading; "
        f"{per_article * 1000:.0f} ms per article in a worker = {1 / per_article:.2f} "
        "articles/s per core once loaded"
    )
    bound = w1.parent_analysis_cpu / w2.critical_path_cpu
    print(
        f"  from CPU seconds (what wall time shows on 2 idle cores): analysis phase "
        f"{w1.parent_analysis_cpu:.1f}s with 1 worker, critical path "
        f"{w2.critical_path_cpu:.1f}s with 2 (forkserver + busiest worker, or all CPU / 2): "
        f"speed-up {bound:.2f}x"
    )
    corpus_bound = w1.corpus_critical_path_cpu / w2.corpus_critical_path_cpu
    whole_bound = w1.whole_critical_path_cpu / w2.whole_critical_path_cpu
    shares = " + ".join(f"{c:.1f}" for c in w2.report["embedding_cpu"])
    print(
        f"  from CPU seconds, corpus jobs: {w1.corpus_critical_path_cpu:.1f}s with 1 worker, "
        f"{w2.corpus_critical_path_cpu:.1f}s with 2 (embedding of "
        f"{w2.report['embedded_sentences']} sentences shared {shares}s): {corpus_bound:.2f}x; "
        f"whole run {w1.whole_critical_path_cpu:.1f}s vs {w2.whole_critical_path_cpu:.1f}s: "
        f"speed-up {whole_bound:.2f}x"
    )
    worker_mb = ", ".join(f"{w['peak_mb']:.0f}" for w in w2.workers)
    print(
        f"  peak memory: workers1 process {w1.report['parent_peak_mb']:.0f} MB; workers2 "
        f"parent {w2.report['parent_peak_mb']:.0f} MB, workers {worker_mb} MB; "
        f"same records in every mode: {same}"
    )
    out = {
        "records": float(n),
        "speedup": speedup,
        "speedup_whole_run": whole,
        "speedup_from_cpu": bound,
        "speedup_whole_run_from_cpu": whole_bound,
        "speedup_corpus_from_cpu": corpus_bound,
        "same_records": float(same),
        "worker_peak_mb": max((w["peak_mb"] for w in w2.workers), default=0.0),
        "articles_per_s_per_core_1": n / w1.analysis_s,
        "articles_per_s_per_core_2": n / w2.analysis_s / 2,
        "worker_cpu_per_article": per_article,
        "parent_cpu_share": parent / (parent + w2.worker_cpu),
        "workers1_s": w1.analysis_s,
        "workers2_s": w2.analysis_s,
        "corpus_s": w2.corpus_s,
        "corpus_1_s": w1.corpus_s,
    }
    if ray_run is not None:
        out["ray_s"] = ray_run.seconds
    return out


def run_memory(sizes: tuple[int, ...] = MEMORY_SIZES, workers: int = 2) -> dict[str, float]:
    """Peak memory per worker and of the parent at each size; ratio largest / smallest."""
    load_before = _load()
    results: dict[int, Measured] = {}
    with tempfile.TemporaryDirectory(prefix="presstrace-mem-") as tmp:
        for size in sizes:
            warc = Path(tmp) / f"synthetic-{size}.warc.gz"
            synthetic_warc(warc, size)
            results[size] = measure(warc, Path(tmp) / f"mem-{size}.db", workers, corpus=False)
            warc.unlink()
    print(
        f"memory: {workers} workers, synthetic ~150-word pages, default stages, no corpus "
        f"jobs; load average {load_before} -> {_load()}"
    )
    out: dict[str, float] = {}
    for size, m in results.items():
        peaks = [w["peak_mb"] for w in m.workers]
        stored = m.report["counts"].get("ingested", 0)
        per_article = (m.worker_cpu - m.worker_startup_cpu) / max(stored, 1)
        print(
            f"  {size:>6,} pages ({stored:,} stored, analysis {m.analysis_s:.0f}s, "
            f"{per_article * 1000:.0f} ms CPU per article): workers "
            + ", ".join(f"{p:.0f}" for p in peaks)
            + f" MB; parent {m.report['parent_peak_mb']:.0f} MB"
        )
        out[f"worker_peak_mb_{size}"] = max(peaks, default=0.0)
        out[f"parent_peak_mb_{size}"] = float(m.report["parent_peak_mb"])
    small, large = min(sizes), max(sizes)
    worker_ratio = out[f"worker_peak_mb_{large}"] / out[f"worker_peak_mb_{small}"]
    parent_ratio = out[f"parent_peak_mb_{large}"] / out[f"parent_peak_mb_{small}"]
    print(
        f"  {large:,} vs {small:,} pages: worker peak x{worker_ratio:.2f}, "
        f"parent peak x{parent_ratio:.2f} (goal: flat, <= {FLAT}x)"
    )
    out["worker_ratio"], out["parent_ratio"] = worker_ratio, parent_ratio
    return out
