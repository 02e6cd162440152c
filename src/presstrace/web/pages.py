"""The HTML pages: home and search, stories, articles, people, sites."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..store import Store, site_of
from .app import StorePool
from .graph import copy_graph
from .highlight import SNIPPET_CLOSE, SNIPPET_OPEN, claim_value, highlighted_article
from .params import Limit, Offset, page_info

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

SearchQuery = Annotated[str | None, Query(max_length=500, description="Words to search for.")]


def _store(request: Request) -> Store:
    pool: StorePool = request.app.state.stores
    return pool.get()


def _render(request: Request, name: str, context: dict[str, Any]) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)


@router.get("/")
def home(
    request: Request, q: SearchQuery = None, limit: Limit = 50, offset: Offset = 0
) -> Response:
    """Stories newest first (or recent articles before stories exist); search results."""
    db = _store(request)
    ctx: dict[str, Any] = {"q": q or "", "hits": None, "stories": [], "articles": []}
    if q and q.strip():
        ctx["hits"] = db.search_articles(q, limit, offset, marks=(SNIPPET_OPEN, SNIPPET_CLOSE))
        ctx["page"] = page_info(ctx["hits"], limit, offset)
    else:
        ctx["stories"] = db.latest_stories(limit, offset)
        if not ctx["stories"]:
            ctx["articles"] = db.recent_articles(limit, offset)
        ctx["people"] = db.people(limit=15) if offset == 0 else []
        ctx["page"] = page_info(ctx["stories"] or ctx["articles"], limit, offset)
    return _render(request, "home.html", ctx)


def by_key(rows: list[dict[str, Any]], key: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Rows grouped by ``row[key]`` (None last), groups in first-seen order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[r[key] or ""].append(r)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "", -len(kv[1]), kv[0]))


def claim_groups(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims about each quantity side by side, noting when the stated values differ."""
    out = []
    for about, rows in by_key(claims, "about"):
        values = {claim_value(r["value_low"], r["value_high"], r["qualifier"]) for r in rows}
        out.append({"about": about, "claims": rows, "values_differ": len(values) > 1})
    return out


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> Response:
    story = _store(request).story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    ctx = {
        "story": story,
        "graph": copy_graph(story["articles"], story["copies"]),
        "speakers": by_key(story["quotes"], "speaker_name"),
        "claim_groups": claim_groups(story["claims"]),
    }
    return _render(request, "story.html", ctx)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    db = _store(request)
    article = db.get(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    ctx = {
        "a": article,
        "site": site_of(article.url),
        "text_html": highlighted_article(article),
        "copies": db.copies_of(article.id),
        "people": sorted({e.name for e in article.entities if e.label == "PERSON"}),
    }
    return _render(request, "article.html", ctx)


@router.get("/people/{name:path}")
def person_page(request: Request, name: str, limit: Limit = 50, offset: Offset = 0) -> Response:
    person = _store(request).person(name, limit, offset)
    if person is None:
        raise HTTPException(404, f"no person named {name!r}")
    ctx = {
        "p": person,
        "roles": by_key(person["roles"], "site"),
        "page": page_info(person["quotes"], limit, offset),
    }
    return _render(request, "person.html", ctx)


@router.get("/sites/{domain}")
def site_page(request: Request, domain: str, limit: Limit = 50, offset: Offset = 0) -> Response:
    profile = _store(request).site_profile(domain, limit, offset)
    if profile is None:
        raise HTTPException(404, f"no articles from {domain!r}")
    ctx = {"s": profile, "page": page_info(profile["articles"], limit, offset)}
    return _render(request, "site.html", ctx)
