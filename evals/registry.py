"""The list of evals. Add a module name here when you add an eval."""

from __future__ import annotations

import importlib
from types import ModuleType

EVALS = [
    "evals.eval_seed",
    "evals.eval_aeb",
    "evals.eval_counter",
    "evals.eval_stories",
    "evals.eval_pairs",
    "evals.eval_copies",
    "evals.eval_polnear",
    "evals.eval_wcxb",
    "evals.eval_aeb_text",
    "evals.eval_claims_wikinews",
    "evals.eval_roles_wikinews",
    "evals.eval_places_wikinews",
    "evals.eval_flags",
]


def modules() -> list[ModuleType]:
    return [importlib.import_module(m) for m in EVALS]
