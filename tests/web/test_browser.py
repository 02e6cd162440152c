"""The UI in real headless Chromium: navigation, highlights, copy graph, a hostile page.

Needs the Debian package ``chromium`` (installed by ``.ci/run``) and Playwright for
Python, which drives the system browser (no browser download). Skips cleanly without
them. Screenshots land in ``build/screenshots/``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from presstrace.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(db_with_stories: tuple[Path, dict[str, str]]) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(
        create_app(db_with_stories[0]), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_browse_story_article_and_hostile_page(
    server: str, db_with_stories: tuple[Path, dict[str, str]]
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    ids = db_with_stories[1]
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    console_errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page()

            def on_dialog(dialog: object) -> None:
                dialogs.append(dialog.message)  # type: ignore[attr-defined]
                dialog.dismiss()  # type: ignore[attr-defined]

            page.on("dialog", on_dialog)
            page.on(
                "console",
                lambda msg: console_errors.append(msg.text) if msg.type == "error" else None,
            )

            page.goto(server + "/")
            page.screenshot(path=str(SHOTS / "home.png"), full_page=True)
            page.click("ol.stories a.title")
            page.wait_for_selector("#copy-graph")
            assert page.locator("#copy-graph path.edge").count() == 2
            assert page.locator("#copy-graph .node").count() == 3
            assert page.locator("#copy-graph").bounding_box()["width"] > 100
            page.screenshot(path=str(SHOTS / "story.png"), full_page=True)

            page.click(f'ol.timeline a[href="/articles/{ids["ledger"]}"]')
            quote = page.locator("#text .hl.quote").first
            assert quote.inner_text() == "We are doing everything we can"
            assert "speaker: Elena Garcia" in (quote.get_attribute("title") or "")
            page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
            # the legend's checkbox hides a layer (external script, allowed by the CSP)
            page.uncheck('input[data-layer="quote"]')
            assert "hide-quote" in (page.get_attribute("#text", "class") or "")

            page.goto(server + f"/articles/{ids['hostile']}")
            page.wait_for_timeout(300)
            page.screenshot(path=str(SHOTS / "hostile.png"), full_page=True)
            assert page.title().startswith("<script>alert(1)</script>")
            assert page.locator("img, iframe, #text script, #text b").count() == 0
            assert page.locator(".unsafe-url").inner_text() == "javascript:alert(1)"
        finally:
            browser.close()
    assert dialogs == []
    assert [e for e in console_errors if "Content Security Policy" in e] == []
