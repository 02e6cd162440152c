"""Run a command as a whole process with this checkout's source first, and time it."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence

from .corpus import ROOT


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}


def timed(cmd: Sequence[str], ok: tuple[int, ...] = (0,)) -> float:
    """Seconds the command took; raises when it exits with a status not in ``ok``."""
    t0 = time.perf_counter()
    proc = subprocess.run(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env())
    took = time.perf_counter() - t0
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd[:5])} ... failed: {proc.stderr.decode()[-800:]}")
    return took
