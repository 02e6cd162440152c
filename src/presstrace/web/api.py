"""The JSON API under ``/api/``, mirroring the pages.

Lists come in one envelope ``{"ok": true, "items": [...], "limit", "offset",
"next_offset"}`` (``next_offset`` null on the last page); single things come as
themselves (``/api/articles/{id}`` is exactly the Article record of DESIGN.md).
Errors are ``{"ok": false, "error": ..., "status": ...}``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from ..store import Store
from .app import StorePool
from .params import Limit, Offset, page

router = APIRouter(prefix="/api", tags=["api"])

Text = Annotated[str | None, Query(max_length=500)]
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not found: {ok: false, error, status}"},
    422: {"description": "Invalid parameters: {ok: false, error, status}"},
}


def _store(request: Request) -> Store:
    pool: StorePool = request.app.state.stores
    return pool.get()


@router.get("/stories", responses=ERRORS)
def stories(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stories newest first with outlets and article, copy and conflict counts."""
    return page(_store(request).latest_stories(limit, offset), limit, offset)


@router.get("/stories/{story_id}", responses=ERRORS)
def story(request: Request, story_id: str) -> dict[str, Any]:
    """One story: articles (a timeline), copies among them, quotes, claims, conflicts."""
    found = _store(request).story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return found


@router.get("/articles", responses=ERRORS)
def articles(
    request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Recent articles, or full-text search hits (best first, with snippets) when ``q``."""
    db = _store(request)
    if q and q.strip():
        return page(db.search_articles(q, limit, offset), limit, offset)
    return page(db.recent_articles(limit, offset), limit, offset)


@router.get("/articles/{article_id}", responses=ERRORS)
def article(request: Request, article_id: str) -> dict[str, Any]:
    """The Article record (DESIGN.md), every key present."""
    found = _store(request).get(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found.to_dict()


@router.get("/articles/{article_id}/copies", responses=ERRORS)
def article_copies(request: Request, article_id: str) -> dict[str, Any]:
    """Copy relations of one article: the other article, relation, score, which is original."""
    db = _store(request)
    if not db.find_ids(article_id) or article_id not in db.find_ids(article_id):
        raise HTTPException(404, f"no article {article_id!r}")
    items = db.copies_of(article_id)
    return {"ok": True, "items": items, "limit": len(items), "offset": 0, "next_offset": None}


@router.get("/quotes", responses=ERRORS)
def quotes(
    request: Request, speaker: Text = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Quotes newest first, all or by one speaker (canonical name)."""
    return page(_store(request).quotes(speaker, limit, offset), limit, offset)


@router.get("/claims", responses=ERRORS)
def claims(
    request: Request, about: Text = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Numeric claims newest first, all or about one quantity (``killed``, ``missing``...)."""
    return page(_store(request).claims(about, limit, offset), limit, offset)


@router.get("/conflicts", responses=ERRORS)
def conflicts(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Conflicting claims, each with the claims and sources it sets against each other."""
    return page(_store(request).conflicts(limit, offset), limit, offset)


@router.get("/people", responses=ERRORS)
def people(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """People mentioned, most mentioned first, with quote counts."""
    return page(_store(request).people(limit, offset), limit, offset)


@router.get("/people/{name:path}", responses=ERRORS)
def person(request: Request, name: str, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """A person's roles by outlet, their articles, and a page of their quotes."""
    found = _store(request).person(name, limit, offset)
    if found is None:
        raise HTTPException(404, f"no person named {name!r}")
    return found


@router.get("/sites/{domain}", responses=ERRORS)
def site(request: Request, domain: str, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """A site's profile: flag shares, bylines, copies, and a page of its articles."""
    found = _store(request).site_profile(domain, limit, offset)
    if found is None:
        raise HTTPException(404, f"no articles from {domain!r}")
    return found
