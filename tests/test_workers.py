from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from presstrace import Article, ConfigError, Document, Settings
from presstrace.pipeline import register
from presstrace.workers import WorkerPool, process_usage


def _troublesome(article: Article, doc: object, resources: object) -> Article:
    """A stage that dies on CRASH and hangs (deaf to the alarm) on HANG."""
    if "CRASH" in article.text:
        os._exit(3)
    if "HANG" in article.text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    return article.evolve(title="seen")


def install_troublesome() -> None:
    register("troublesome", 1)(_troublesome)


def fail_to_start() -> None:
    raise RuntimeError("cannot start")


def _doc(n: int, text: str) -> Document:
    return Document(source=f"doc{n}", data=text.encode(), kind="plain", charset="utf-8")


def _run(texts: list[str], batch: int = 3, timeout: float = 60.0) -> list[Article]:
    docs = [_doc(i, t) for i, t in enumerate(texts)]
    batches = [docs[i : i + batch] for i in range(0, len(docs), batch)]
    settings = Settings(doc_timeout=timeout)
    with WorkerPool(
        2, settings, stages=["troublesome"], initializer=install_troublesome, grace=3.0
    ) as pool:
        out = [a for arts in pool.map_unordered(iter(batches), max_in_flight=2) for a in arts]
    return sorted(out, key=lambda a: int(str(a.input)[3:]))


def test_every_document_comes_back_once() -> None:
    arts = _run([f"Plain body number {i}." for i in range(7)])
    assert [a.input for a in arts] == [f"doc{i}" for i in range(7)]
    assert all(a.title == "seen" and not a.errors for a in arts)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux /proc")
def test_each_worker_reports_its_peak_memory_and_cpu() -> None:
    docs = [_doc(i, f"Plain body number {i}.") for i in range(6)]
    with WorkerPool(2, Settings(), stages=["troublesome"], initializer=install_troublesome) as pool:
        done = list(pool.map_unordered(iter([docs[:2], docs[2:4], docs[4:]]), max_in_flight=2))
        pids = {slot.proc.pid for slot in pool.slots}
    assert len(done) == 3
    assert {w.pid for w in pool.stats} == pids
    assert sum(w.batches for w in pool.stats) == 3
    for w in pool.stats:
        assert w.peak_mb > 1 and 0 <= w.startup_cpu_seconds <= w.cpu_seconds


def test_process_usage_of_a_missing_process_is_none() -> None:
    assert process_usage(2**22 + 12345) is None


def test_a_crashing_document_costs_only_itself() -> None:
    arts = _run(["Fine one.", "Fine two. CRASH", "Fine three.", "Fine four."])
    codes = [[e.code for e in a.errors] for a in arts]
    assert codes == [[], ["worker_crashed"], [], []]
    assert arts[0].title == "seen" and arts[2].title == "seen"


def test_a_hanging_document_is_killed_and_timed_out() -> None:
    arts = _run(["Fine one.", "Stuck HANG", "Fine three."], batch=1, timeout=8.0)
    codes = [[e.code for e in a.errors] for a in arts]
    assert codes == [[], ["timeout"], []]


def test_a_worker_that_cannot_start_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        with WorkerPool(1, Settings(), stages=[], initializer=fail_to_start) as pool:
            list(pool.map_unordered(iter([[_doc(0, "x")]]), max_in_flight=1))
