"""presstrace: turn raw news pages into checkable evidence.

Every finding points at the characters of ``Article.text`` that support it.
"""

from __future__ import annotations

from .api import analyze, analyze_paths
from .errors import ConfigError, InputError, PresstraceError, StageError, StoreError
from .pipeline import Pipeline, register
from .records import (
    Article,
    Caption,
    Claim,
    Conflict,
    Document,
    Entity,
    ErrorRecord,
    Flag,
    Quote,
    Removed,
    Span,
)
from .resources import Resources, Settings
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Caption",
    "Claim",
    "ConfigError",
    "Conflict",
    "Document",
    "Entity",
    "ErrorRecord",
    "Flag",
    "InputError",
    "Pipeline",
    "PresstraceError",
    "Quote",
    "Removed",
    "Resources",
    "Settings",
    "Span",
    "StageError",
    "Store",
    "StoreError",
    "__version__",
    "analyze",
    "analyze_paths",
    "register",
]
