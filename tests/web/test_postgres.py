"""The web UI and JSON API over PostgreSQL answer as they do over SQLite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from presstrace import StoreError
from presstrace.web import create_app
from tests.web.corpus import build_db, courier


@pytest.fixture()
def clients(tmp_path: Path, pg_url: str) -> Iterator[tuple[TestClient, TestClient, dict[str, str]]]:
    ids = build_db(tmp_path / "same.db", with_stories=True)
    assert build_db(pg_url, with_stories=True) == ids
    with (
        TestClient(create_app(tmp_path / "same.db")) as lite,
        TestClient(create_app(pg_url)) as pg,
    ):
        yield lite, pg, ids


def _without(value: Any, keys: set[str]) -> Any:
    """``value`` with the given keys dropped at every depth."""
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def test_every_api_endpoint_matches_sqlite(
    clients: tuple[TestClient, TestClient, dict[str, str]],
) -> None:
    lite, pg, ids = clients
    paths = [
        "/api/stories",
        "/api/stories/1",
        "/api/articles",
        "/api/articles?limit=1&offset=1",
        "/api/quotes",
        "/api/quotes?speaker=Elena%20Garcia",
        "/api/claims",
        "/api/claims?about=killed",
        "/api/conflicts",
        "/api/people",
        "/api/people/Elena%20Garcia",
        "/api/sites/ledger.example",
        "/api/sites/courier.example",
        "/api/sites/nowhere.example",
        "/api/stories/2",
    ]
    for aid in ids.values():
        paths += [f"/api/articles/{aid}", f"/api/articles/{aid}/copies"]
    for path in paths:
        a, b = lite.get(path), pg.get(path)
        assert (a.status_code, a.json()) == (b.status_code, b.json()), path


def test_search_finds_the_same_articles_with_marked_snippets(
    clients: tuple[TestClient, TestClient, dict[str, str]],
) -> None:
    lite, pg, _ = clients
    for q in ["valdora", "rescue group", "dam OR", '"); DROP TABLE articles; --', "\x00"]:
        a = lite.get("/api/articles", params={"q": q}).json()
        b = pg.get("/api/articles", params={"q": q}).json()
        assert {h["id"] for h in a["items"]} == {h["id"] for h in b["items"]}, q
        assert _without(a, {"rank", "snippet", "items"}) == _without(
            b, {"rank", "snippet", "items"}
        )
        for hit in b["items"]:
            assert "[" in hit["snippet"], (q, hit["snippet"])
    page = pg.get("/", params={"q": "rescue group"}).text
    assert "<mark>rescue</mark> <mark>group</mark>" in page


def test_pages_render(clients: tuple[TestClient, TestClient, dict[str, str]]) -> None:
    _, pg, ids = clients
    for path in [
        "/",
        "/stories/1",
        f"/articles/{ids['ledger']}",
        "/people/Elena Garcia",
        "/sites/ledger.example",
    ]:
        r = pg.get(path)
        assert r.status_code == 200 and "Valdora" in r.text, path


def test_web_connections_are_read_only(pg_url: str) -> None:
    build_db(pg_url, with_stories=False)
    store = create_app(pg_url).state.stores.get()
    with pytest.raises(StoreError):
        store.upsert(courier().evolve(title="changed"))


def test_serve_hands_the_url_to_worker_processes(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from presstrace.cli import app
    from presstrace.web import DB_ENV

    build_db(pg_url, with_stories=False)
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append(kw))
    monkeypatch.setenv(DB_ENV, "")  # restored after the test: serve sets it for its workers
    result = CliRunner().invoke(app, ["serve", "--db", pg_url, "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert calls[0]["workers"] == 2 and os.environ[DB_ENV] == pg_url
