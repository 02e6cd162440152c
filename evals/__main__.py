"""``python -m evals [--ratchet] [NAME...]``: print scores against floors."""

from __future__ import annotations

import argparse
import sys
import time

import pytest

from evals.registry import modules
from evals.shared import load_floors, save_floors


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m evals")
    ap.add_argument("names", nargs="*", help="evals to run (default: all)")
    ap.add_argument("--ratchet", action="store_true", help="raise floors to measured scores")
    args = ap.parse_args()
    floors = load_floors()
    failed = False
    for mod in modules():
        if args.names and mod.NAME not in args.names:
            continue
        t0 = time.perf_counter()
        try:
            scores = mod.run()
        except pytest.skip.Exception as e:
            print(f"{mod.NAME}: skipped ({e.msg})")
            continue
        took = time.perf_counter() - t0
        print(f"{mod.NAME} ({took:.1f}s)")
        mine = floors.setdefault(mod.NAME, {})
        for key, value in sorted(scores.items()):
            floor = mine.get(key)
            mark = "" if floor is None or value + 1e-6 >= floor else "  BELOW FLOOR"
            failed = failed or bool(mark)
            print(f"  {key:32s} {value:8.4f}   floor {floor if floor is not None else '-'}{mark}")
            if args.ratchet:
                mine[key] = max(floor or 0.0, int(value * 1000) / 1000)
    if args.ratchet:
        save_floors(floors)
        print("floors updated")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
