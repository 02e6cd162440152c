"""``python -m benchmarks [analyze|extract|ingest] [--repeat N] [--copies N] [--no-ray]
[--memory]``.

Speed as ratios against a baseline measured in the same run (the machine is shared, so
absolute seconds mean little). Skips cleanly when the shared evaluation data is missing.
"""

from __future__ import annotations

import argparse
import sys

from . import bench_analyze, bench_extract, bench_ingest


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks")
    ap.add_argument("which", nargs="*", choices=["analyze", "extract", "ingest"], default=[])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each side (fastest counts)")
    ap.add_argument("--copies", type=int, default=2, help="ingest: copies of the AEB pages")
    ap.add_argument("--no-ray", action="store_true", help="ingest: leave out --engine ray")
    ap.add_argument(
        "--memory",
        action="store_true",
        help="ingest: only the memory run (1,000 and 20,000 synthetic pages; minutes)",
    )
    ap.add_argument(
        "--sizes",
        default=",".join(str(n) for n in bench_ingest.MEMORY_SIZES),
        help="ingest --memory: page counts to compare",
    )
    args = ap.parse_args(argv)
    which = args.which or ["analyze", "extract", "ingest"]
    if "analyze" in which:
        bench_analyze.run(repeat=args.repeat)
    if "extract" in which:
        bench_extract.run(repeat=max(args.repeat, 3))
    if "ingest" in which and args.memory:
        sizes = tuple(int(n) for n in args.sizes.split(","))
        bench_ingest.run_memory(sizes)
    elif "ingest" in which:
        bench_ingest.run(copies=args.copies, ray=False if args.no_ray else None, repeat=args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
