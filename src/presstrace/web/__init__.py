"""The web UI and JSON API (``presstrace serve``). Needs fastapi, jinja2 and uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..store import is_database_url
from .app import create_app
from .security import check_host

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["app_from_env", "check_host", "create_app", "serve"]

DB_ENV = "PRESSTRACE_SERVE_DB"


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes: each opens ``$PRESSTRACE_SERVE_DB`` itself."""
    return create_app(os.environ[DB_ENV])


def serve(
    db_path: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_remote: bool = False,
    workers: int = 1,
    access_log: bool = False,
) -> None:
    """Serve ``db_path`` read-only until interrupted; loopback only unless ``allow_remote``.

    With ``workers > 1`` uvicorn runs that many processes (SQLite readers do not block each
    other in WAL mode), which is what lets a 2-core machine use both cores. The per-request
    access log is off unless asked for: writing it costs more than serving a search.
    """
    import uvicorn

    check_host(host, allow_remote)
    app = create_app(db_path)  # opens the database now, so a bad path fails before binding
    if workers <= 1:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="info",
            access_log=access_log,
            server_header=False,
        )
        return
    os.environ[DB_ENV] = db_path if is_database_url(db_path) else str(Path(db_path).resolve())
    uvicorn.run(
        "presstrace.web:app_from_env",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        access_log=access_log,
        server_header=False,
    )
