from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from presstrace import ConfigError
from presstrace.store import Store
from presstrace.web.security import check_host, safe_url

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "header", "a", "form", "input",
    "button", "nav", "main", "footer", "h1", "h2", "h3", "p", "dl", "dt", "dd", "time", "ul",
    "ol", "li", "span", "code", "div", "section", "aside", "article", "fieldset", "legend",
    "label", "table", "tr", "th", "td", "strong", "mark", "figure", "figcaption", "svg",
    "defs", "marker", "path", "circle", "text",
}  # fmt: skip


class Audit(HTMLParser):
    """Collects every element and attribute a browser would see as live markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            v = (value or "").strip().lower()
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src", "action") and not (
                v.startswith(("/", "#", "http://", "https://", "?")) or v == "url(#arrow)"
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "script" and dict(attrs).get("src") != "/static/app.js":
            self.problems.append("inline script")

    def handle_data(self, data: str) -> None:
        pass


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    parser.close()
    return parser.problems


def test_every_page_renders_the_hostile_page_inert(client: TestClient, ids: dict[str, str]) -> None:
    name = "<script>alert(1)</script>"
    urls = [
        "/",
        "/?q=script",
        "/?q=alert",
        "/stories/1",
        f"/articles/{ids['hostile']}",
        f"/articles/{ids['courier']}",
        "/people/" + name.replace("/", "%2F"),
        "/sites/courier.example",
        "/articles/<script>alert(1)</script>",  # the error page echoes the id
    ]
    for url in urls:
        r = client.get(url)
        assert r.status_code in (200, 404), url
        assert audit(r.text) == [], url
        assert "<script>alert" not in r.text and "<img" not in r.text, url


def test_hostile_url_is_shown_but_never_linked(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "javascript:alert(1)" in html  # shown as text
    assert 'href="javascript' not in html.lower()


def test_security_headers_on_pages_api_and_errors(client: TestClient) -> None:
    for url in ("/", "/api/stories", "/api/articles/nope", "/nope", "/openapi.json"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"


def test_api_returns_hostile_strings_as_json_not_html(
    client: TestClient, ids: dict[str, str]
) -> None:
    r = client.get(f"/api/articles/{ids['hostile']}")
    assert r.headers["content-type"] == "application/json"
    assert r.json()["title"] == "<script>alert(1)</script>"


INJECTIONS = [
    "' OR '1'='1",
    '" OR ""="',
    "1; DROP TABLE articles; --",
    "x') UNION SELECT record, 1, 1, 1 FROM articles --",
    "*",
    "NEAR(a b)",
    'title:"x" OR text:*',
    "%",
    "_",
    "\\",
    "-",
    "\x00",
    "'" * 300,
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_in_every_parameter_is_inert(
    client: TestClient, db_with_stories: tuple[Path, dict], payload: str
) -> None:
    path = db_with_stories[0]
    for url, params in [
        ("/api/articles", {"q": payload}),
        ("/", {"q": payload}),
        ("/api/quotes", {"speaker": payload}),
        ("/api/claims", {"about": payload}),
        ("/api/articles", {"limit": payload}),
        ("/api/quotes", {"offset": payload}),
    ]:
        r = client.get(url, params=params)
        assert r.status_code in (200, 422), (url, payload, r.text)
        if url.startswith("/api/") and r.status_code == 200:
            if "speaker" in params or "about" in params:
                assert r.json()["items"] == [], (url, payload)
    quoted = quote(payload, safe="")
    for url in (
        f"/api/articles/{quoted}",
        f"/api/stories/{quoted}",
        f"/api/people/{quoted}",
        f"/api/sites/{quoted}",
        f"/stories/{quoted}",
        f"/people/{quoted}",
    ):
        r = client.get(url)
        assert r.status_code in (404, 422), (url, r.status_code, r.text)
    with Store(path, readonly=True) as store:
        assert store.count() == 3


def test_safe_url_allows_only_http_links() -> None:
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    assert safe_url("HTTP://a.example/") == "HTTP://a.example/"
    for bad in (
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>x</script>",
        "vbscript:x",
        "//evil.example/x",
        "/relative",
        "https:///nohost",
        "http://a.example/\nx",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad


def test_server_refuses_non_loopback_host_without_allow_remote() -> None:
    for host in ("127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"):
        check_host(host, allow_remote=False)
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.com"):
        with pytest.raises(ConfigError, match="--allow-remote"):
            check_host(host, allow_remote=False)
        check_host(host, allow_remote=True)
