from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from presstrace import StoreError
from presstrace.records import RECORD_KEYS
from presstrace.store import Store
from presstrace.web import create_app
from tests.web.corpus import courier, ledger


def test_home_lists_stories_with_counts(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "Dam fails above Valdora" in r.text
    assert "3 articles · 2 outlets · 1 copies · 1 conflicts" in r.text


def test_home_lists_recent_articles_before_stories_exist(db_plain: tuple[Path, dict]) -> None:
    with TestClient(create_app(db_plain[0])) as c:
        html = c.get("/").text
        assert "Recent articles" in html
        # newest first
        assert html.index("Toll disputed") < html.index("Dam fails above Valdora")
        assert c.get("/stories/1").status_code == 404
        assert c.get("/api/stories").json()["items"] == []
        assert c.get(f"/api/articles/{db_plain[1]['ledger']}/copies").json()["items"] == []


def test_search_page_marks_matches(client: TestClient) -> None:
    r = client.get("/", params={"q": "rescue group"})
    assert "<mark>rescue</mark> <mark>group</mark>" in r.text
    assert "Toll disputed in Valdora" in r.text
    assert "Dam fails" not in r.text


def test_article_page_highlights_findings(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get(f"/articles/{ids['ledger']}")
    assert r.status_code == 200
    html = r.text
    assert (
        '<span class="hl quote quote-direct" title="direct quote, speaker: Elena Garcia">'
        "We are doing everything we can</span>" in html
    )
    assert 'title="claim: killed = at least 7 people, source: regional government"' in html
    assert 'id="q0"' in html and 'id="c0"' in html
    assert "The broken dam wall" in html and "PHOTO: Ledger staff" in html
    assert "Read more: other stories" in html and "template" in html
    assert 'href="https://ledger.example/valdora-dam"' in html
    # the copy made from this article links to it, naming the relation
    assert f'href="/articles/{ids["courier"]}"' in html and "copied by:" in html


def test_story_page_has_graph_timeline_claims_and_quotes(
    client: TestClient, ids: dict[str, str]
) -> None:
    html = client.get("/stories/1").text
    assert '<svg id="copy-graph"' in html
    assert 'class="edge rel-rewritten"' in html and 'marker-end="url(#arrow)"' in html
    assert 'class="edge rel-other"' in html  # an unknown relation is never used as a class
    assert html.index("Dam fails above Valdora</a>") < html.index("Toll disputed in Valdora</a>")
    assert "values differ" in html
    assert "Quotes by speaker" in html and "/people/Elena%20Garcia" in html


def test_person_page_shows_roles_by_outlet(client: TestClient) -> None:
    html = client.get("/people/Elena Garcia").text
    assert "Mayor" in html and "the town&#39;s mayor" in html
    assert "ledger.example" in html and "courier.example" in html
    assert "We are doing everything we can" in html


def test_site_page_profiles_flags_bylines_copies(client: TestClient) -> None:
    html = client.get("/sites/courier.example").text
    assert "no_byline_source" in html and "100%" in html
    assert "Tom Reyes" in html
    assert "ledger.example" in html  # copied from


def test_api_article_is_the_design_record(client: TestClient, ids: dict[str, str]) -> None:
    d = client.get(f"/api/articles/{ids['ledger']}").json()
    assert set(d) == set(RECORD_KEYS)
    assert d == ledger().to_dict()


def test_api_lists_are_paginated(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert first["ok"] is True and len(first["items"]) == 2 and first["next_offset"] == 2
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    seen = {a["id"] for a in first["items"]} | {a["id"] for a in rest["items"]}
    assert len(seen) == 3


def test_api_search_quotes_claims_conflicts(client: TestClient, ids: dict[str, str]) -> None:
    hits = client.get("/api/articles", params={"q": "confirmed dead"}).json()["items"]
    assert [h["id"] for h in hits] == [ids["courier"]]
    assert "[confirmed] [dead]" in hits[0]["snippet"]
    quotes = client.get("/api/quotes", params={"speaker": "Elena Garcia"}).json()["items"]
    assert {q["article"]["site"] for q in quotes} == {"ledger.example", "courier.example"}
    claims = client.get("/api/claims", params={"about": "killed"}).json()["items"]
    assert sorted(c["value_low"] for c in claims) == [7, 12, 20]
    conflicts = client.get("/api/conflicts").json()["items"]
    assert len(conflicts) == 1
    assert [c["source_name"] for c in conflicts[0]["claims"]] == ["rescue group", "Elena Garcia"]


def test_api_stories_and_sites(client: TestClient, ids: dict[str, str]) -> None:
    story = client.get("/api/stories").json()["items"][0]
    assert story["articles_count"] == 3 and story["copies_count"] == 1
    full = client.get(f"/api/stories/{story['id']}").json()
    assert [a["id"] for a in full["articles"]][:2] == [ids["ledger"], ids["courier"]]
    assert {c["relation"] for c in full["copies"]} == {"rewritten", "<script>"}  # not unrelated
    rewritten = [c for c in full["copies"] if c["relation"] == "rewritten"]
    assert rewritten[0]["original"] == ids["ledger"]
    site = client.get("/api/sites/ledger.example").json()
    assert site["copies"]["copied_by"] == [
        {"site": "courier.example", "relation": "rewritten", "count": 1}
    ]
    assert client.get("/api/people/Elena Garcia").json()["roles"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/articles/nope", 404),
        ("/api/stories/999", 404),
        ("/api/people/Nobody", 404),
        ("/api/sites/none.example", 404),
        ("/api/no-such-endpoint", 404),
        ("/api/articles?limit=0", 422),
        ("/api/articles?limit=201", 422),
        ("/api/quotes?offset=-1", 422),
        ("/api/claims?limit=ten", 422),
        ("/api/articles?offset=99999999999999999999999", 422),
    ],
)
def test_api_errors_have_one_shape(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_page_errors_are_html(client: TestClient) -> None:
    r = client.get("/articles/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no article" in r.text


def test_crash_gives_the_error_shape_without_details(
    db_plain: tuple[Path, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(Store, "latest_stories", boom)
    with TestClient(create_app(db_plain[0]), raise_server_exceptions=False) as c:
        r = c.get("/api/stories")
        assert r.status_code == 500
        assert r.json() == {"ok": False, "error": "internal server error", "status": 500}
        assert "secret" not in r.text
        assert r.headers["x-content-type-options"] == "nosniff"
        page = c.get("/")
        assert page.status_code == 500 and "secret" not in page.text


def test_openapi_is_served_and_lists_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/articles", "/api/articles/{article_id}", "/api/quotes"):
        assert path in spec["paths"]
    assert not any(p.startswith("/articles") for p in spec["paths"])  # pages are not API


def test_no_request_changes_the_database(
    client: TestClient, db_with_stories: tuple[Path, dict]
) -> None:
    path = db_with_stories[0]
    before = path.read_bytes()
    for method in ("post", "put", "delete", "patch"):
        r = client.request(method, "/api/articles")
        assert r.status_code == 405
        assert r.json()["status"] == 405
    client.get("/api/articles", params={"q": "x'); DELETE FROM articles; --"})
    assert path.read_bytes() == before


def test_connections_are_read_only(db_plain: tuple[Path, dict]) -> None:
    app = create_app(db_plain[0])
    store = app.state.stores.get()
    with pytest.raises(StoreError):
        store.upsert(courier().evolve(title="changed"))


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        create_app(tmp_path / "missing.db")


def test_static_files_are_served_with_headers(client: TestClient) -> None:
    r = client.get("/static/app.css")
    assert r.status_code == 200 and "text/css" in r.headers["content-type"]
    assert r.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


def test_worker_factory_serves_the_database_named_in_the_environment(
    db_with_stories,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from presstrace.web import DB_ENV, app_from_env

    monkeypatch.setenv(DB_ENV, str(db_with_stories[0]))
    client = TestClient(app_from_env())
    r = client.get("/api/articles")
    assert r.status_code == 200 and r.json()["items"]
