"""The store: SQLite files and PostgreSQL databases behind one ``Store`` interface.

``open_store(target)`` opens a SQLite file path (or ``":memory:"``) or a
``postgresql://user@host:port/dbname`` URL; both hold the same tables.
"""

from __future__ import annotations

from .backend import display_name, is_database_url
from .base import (
    CHILD_TABLES,
    COPY_RELATIONS,
    CORPUS_TABLES,
    Store,
    UpsertResult,
    backend_for,
    job_family,
    open_store,
)
from .rows import (
    CopyLink,
    CorpusRow,
    QuoteHit,
    SearchHit,
    StoryRow,
    _original_side,
    fts_query,
    site_of,
)
from .sqlite import MIGRATIONS

__all__ = [
    "CHILD_TABLES",
    "COPY_RELATIONS",
    "CORPUS_TABLES",
    "MIGRATIONS",
    "CopyLink",
    "CorpusRow",
    "QuoteHit",
    "SearchHit",
    "Store",
    "StoryRow",
    "UpsertResult",
    "_original_side",
    "backend_for",
    "display_name",
    "is_database_url",
    "fts_query",
    "job_family",
    "open_store",
    "site_of",
]
