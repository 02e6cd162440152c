"""Counts the generated inputs fuzz tests run, and prints the total at the end."""

from __future__ import annotations

from collections import Counter

import pytest

COUNTS: Counter[str] = Counter()


def count(name: str) -> None:
    COUNTS[name] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if COUNTS:
        total = sum(COUNTS.values())
        terminalreporter.write_line(
            f"fuzz: {total:,} generated inputs ("
            + ", ".join(f"{k} {v:,}" for k, v in sorted(COUNTS.items()))
            + ")"
        )
