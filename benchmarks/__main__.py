"""``python -m benchmarks [analyze|ingest] [--repeat N] [--copies N] [--no-ray]``.

Speed as ratios against a baseline measured in the same run (the machine is shared, so
absolute seconds mean little). Skips cleanly when the shared evaluation data is missing.
"""

from __future__ import annotations

import argparse
import sys

from . import bench_analyze, bench_ingest


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks")
    ap.add_argument("which", nargs="*", choices=["analyze", "ingest"], default=[])
    ap.add_argument("--repeat", type=int, default=1, help="analyze: runs of each side")
    ap.add_argument("--copies", type=int, default=1, help="ingest: copies of the AEB pages")
    ap.add_argument("--no-ray", action="store_true", help="ingest: leave out --engine ray")
    args = ap.parse_args(argv)
    which = args.which or ["analyze", "ingest"]
    if "analyze" in which:
        bench_analyze.run(repeat=args.repeat)
    if "ingest" in which:
        bench_ingest.run(copies=args.copies, ray=False if args.no_ray else None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
