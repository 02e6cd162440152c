"""Readers turn paths into ``Document``s and never crash the run.

An unreadable input becomes a Document carrying an ``error``; the pipeline turns it
into an Article with that error, and the run goes on.
"""

from __future__ import annotations

from .files import iter_documents, kind_for_path

__all__ = ["iter_documents", "kind_for_path"]
