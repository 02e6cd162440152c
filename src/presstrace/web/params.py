"""Pagination shared by pages and API: bounded limit and offset, and the page envelope."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 200).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def page_info(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """Where this page sits; ``next_offset`` is None on the last page."""
    return {
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(items) == limit else None,
        "prev_offset": max(offset - limit, 0) if offset > 0 else None,
    }


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """The API's list envelope."""
    info = page_info(items, limit, offset)
    return {
        "ok": True,
        "items": items,
        "limit": limit,
        "offset": offset,
        "next_offset": info["next_offset"],
    }
