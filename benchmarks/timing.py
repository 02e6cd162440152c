"""Run a command as a whole process with this checkout's source first; time it and watch
the peak memory (VmHWM) of it and every process it starts."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import ROOT


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}


@dataclass
class Run:
    seconds: float
    parent_mb: float = 0.0  # peak resident memory of the command's own process
    children_mb: dict[int, float] = field(default_factory=dict)  # pid -> peak, descendants
    cpu_by_pid: dict[int, float] = field(default_factory=dict)  # last CPU seconds seen
    pid: int = 0  # the command's own process

    @property
    def cpu_seconds(self) -> float:
        """CPU time of the whole process tree (sampled, so it misses each process's last
        ``sample`` seconds): unlike wall time, it does not depend on who else uses the cores.
        """
        return sum(self.cpu_by_pid.values())

    @property
    def largest_child_mb(self) -> float:
        """With worker processes: the peak of the biggest worker (the model lives there)."""
        return max(self.children_mb.values(), default=0.0)


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                continue
    return out


def _cpu(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def timed(cmd: Sequence[str], ok: tuple[int, ...] = (0,)) -> float:
    """Seconds the command took; raises when it exits with a status not in ``ok``."""
    return run(cmd, ok).seconds


def run(cmd: Sequence[str], ok: tuple[int, ...] = (0,), sample: float = 0.2) -> Run:
    """Run, sampling the peak memory of the process tree (Linux /proc; empty elsewhere)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env())
    result = Run(0.0, pid=proc.pid)
    while proc.poll() is None:
        if Path("/proc").is_dir():
            for pid in _descendants(proc.pid):
                if (cpu := _cpu(pid)) is not None:
                    result.cpu_by_pid[pid] = cpu
                mb = _peak_mb(pid)
                if mb is None:
                    continue
                if pid == proc.pid:
                    result.parent_mb = max(result.parent_mb, mb)
                else:
                    result.children_mb[pid] = max(mb, result.children_mb.get(pid, 0.0))
        time.sleep(sample)
    result.seconds = time.perf_counter() - t0
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd[:5])} ... failed: {stderr[-800:]}")
    return result
