"""One measured ingest, run as its own process by ``bench_ingest``:

``python -m benchmarks.ingest_run INPUT DB --workers N --json OUT [--no-corpus]``

Writes to OUT what the process itself knows: the wall and CPU seconds of each phase
(analysis = read, analyse, store; corpus = copies and stories), each worker's peak memory
and CPU, this process's own peak memory (with one worker, the analysis runs here) and
CPU, and the CPU seconds of each process's share of the corpus jobs' embedding.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from dataclasses import asdict
from pathlib import Path


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ingest_run")
    ap.add_argument("input")
    ap.add_argument("db")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--json", required=True, type=Path)
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args(argv)

    from presstrace.ingest import ingest_paths

    summary = ingest_paths([args.input], args.db, workers=args.workers, corpus=not args.no_corpus)
    # ru_maxrss is in KiB on Linux: this process's peak over the whole run.
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb = usage.ru_maxrss / 1024
    embedding = summary.corpus.embedding if summary.corpus is not None else None
    out = {
        "process_cpu": usage.ru_utime + usage.ru_stime,
        "embedding_cpu": embedding.cpu_seconds if embedding else [],
        "embedded_sentences": embedding.sentences if embedding else 0,
        "counts": dict(summary.counts),
        "seconds": summary.seconds,
        "cpu_seconds": summary.cpu_seconds,
        "parent_peak_mb": peak_mb,
        "workers": [asdict(w) for w in summary.workers],
    }
    args.json.write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
