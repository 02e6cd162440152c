"""Where the shared evaluation data lives, and skipping cleanly when it does not."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).with_name("floors.json")


def shared_dir() -> Path | None:
    """``$PRESSTRACE_SHARED``, else ``../shared`` beside the repo, else ``/work/shared``."""
    candidates = [os.environ.get("PRESSTRACE_SHARED"), ROOT.parent / "shared", "/work/shared"]
    for c in candidates:
        if c and (Path(c) / "evaldata").is_dir():
            return Path(c)
    return None


def evaldata(*parts: str) -> Path:
    """Path inside ``shared/evaldata``; skips the calling test when it is missing."""
    base = shared_dir()
    path = base.joinpath("evaldata", *parts) if base else None
    if path is None or not path.exists():
        pytest.skip(
            f"evaluation data {'/'.join(parts)} not found (set PRESSTRACE_SHARED "
            "to the folder holding evaldata/)"
        )
    return path


def load_floors() -> dict[str, dict[str, float]]:
    return json.loads(FLOORS.read_text()) if FLOORS.exists() else {}


def save_floors(floors: dict[str, dict[str, float]]) -> None:
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
