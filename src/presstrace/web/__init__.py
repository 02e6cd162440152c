"""The web UI and JSON API (``presstrace serve``). Needs fastapi, jinja2 and uvicorn."""

from __future__ import annotations

from .app import create_app
from .security import check_host

__all__ = ["check_host", "create_app", "serve"]


def serve(
    db_path: str, host: str = "127.0.0.1", port: int = 8000, allow_remote: bool = False
) -> None:
    """Serve ``db_path`` read-only until interrupted; loopback only unless ``allow_remote``."""
    import uvicorn

    check_host(host, allow_remote)
    app = create_app(db_path)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
