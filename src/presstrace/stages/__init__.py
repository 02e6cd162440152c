"""Built-in per-article stages. Importing this package registers them.

``DEFAULT_STAGES`` is the order ``Pipeline()`` runs when none is given.
"""

from __future__ import annotations

from . import claims, conflicts, entities, fingerprint, flags, quotes  # noqa: F401

DEFAULT_STAGES: tuple[str, ...] = (
    "entities.v8",
    "quotes.v7",
    "claims.v7",
    "conflicts.v1",
    "flags.v1",
    "fingerprint.v1",
)
