"""Every eval as a pytest test: measured metrics must not fall below their floors."""

from __future__ import annotations

import pytest

from evals.registry import modules
from evals.shared import load_floors

EPS = 1e-6


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.NAME)
def test_eval_meets_floors(module) -> None:  # type: ignore[no-untyped-def]
    scores = module.run()
    floors = load_floors().get(module.NAME, {})
    assert floors, f"no floors recorded for {module.NAME}; run `make eval-ratchet`"
    below = {k: (scores.get(k), f) for k, f in floors.items() if scores.get(k, -1) + EPS < f}
    print(f"\n{module.NAME}: " + ", ".join(f"{k}={v:.4f}" for k, v in sorted(scores.items())))
    assert not below, f"{module.NAME} below floor: {below}"
