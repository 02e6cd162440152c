"""The web UI and JSON API over a presstrace database: ``create_app(db_path)``.

Server-rendered pages (Jinja2, autoescaped) and a JSON API under ``/api/`` that mirrors
them. The database is opened read-only, one connection per worker thread (sqlite
connections must not be shared by threads running at once), and only GET routes exist,
so no request can change it. Errors have one JSON shape under ``/api/`` and an HTML
page elsewhere; both carry the security headers.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store import Store, open_store
from .highlight import claim_value, snippet_html
from .security import SECURITY_HEADERS, safe_url

HERE = Path(__file__).parent


class StorePool:
    """One read-only Store per thread, all closed when the app shuts down."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        open_store(self.path, readonly=True).close()  # fail now, with a clear error, if missing
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path, readonly=True)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


class SecurityHeaders:
    """Adds the security headers to every HTTP response (pages, API, static files)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def path_quote(value: Any) -> str:
    """Quote a value as one URL path segment (names contain spaces and slashes)."""
    return quote(str(value), safe="")


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = path_quote
    env.filters["snippet"] = snippet_html
    env.globals["safe_url"] = safe_url
    env.globals["claim_value"] = claim_value
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """The one error shape: JSON under /api/, an HTML page elsewhere."""
    if wants_json(request):
        return JSONResponse(
            {"ok": False, "error": message, "status": status},
            status_code=status,
            headers=SECURITY_HEADERS,
        )
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message},
        status_code=status,
        headers=SECURITY_HEADERS,
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(db_path: str | Path) -> FastAPI:
    """The ASGI app serving ``db_path`` read-only. Raises StoreError if it cannot open."""
    from .api import router as api_router
    from .pages import router as pages_router

    stores = StorePool(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="presstrace",
        version=__version__,
        description="Evidence found in news pages: articles, quotes, claims, copies, stories.",
        docs_url=None,  # the Swagger page needs inline script and a CDN; the CSP forbids both
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.templates = make_templates()

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return error_response(request, exc.status_code, str(exc.detail))

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "internal server error")

    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(Exception, on_crash)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    return app
