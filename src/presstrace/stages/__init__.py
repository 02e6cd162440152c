"""Built-in per-article stages. Importing this package registers them.

``DEFAULT_STAGES`` is the order ``Pipeline()`` runs when none is given.
"""

from __future__ import annotations

from . import claims, conflicts, entities, flags  # noqa: F401

DEFAULT_STAGES: tuple[str, ...] = ("entities.v2", "claims.v1", "conflicts.v1", "flags.v1")
