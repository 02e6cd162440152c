"""trafilatura's metadata fields without its category, tag and licence scans."""

from __future__ import annotations

from lxml import html
from trafilatura.metadata import extract_metadata

from presstrace.stages import trafilatura_meta

PAGES = [
    # declared in meta tags and JSON-LD
    """<html><head><title>Bridge reopens | Harbour Times</title>
    <meta property="og:title" content="Bridge reopens after two years">
    <meta name="author" content="Jane Roe">
    <meta property="og:site_name" content="Harbour Times">
    <meta property="article:published_time" content="2025-03-04T08:00:00Z">
    <link rel="canonical" href="https://harbour.example/2025/03/04/bridge">
    <script type="application/ld+json">{"@type": "NewsArticle",
      "headline": "Bridge reopens after two years", "datePublished": "2025-03-04"}</script>
    </head><body><article><h1>Bridge reopens after two years</h1>
    <p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>
    </article></body></html>""",
    # nothing declared: the title, author and date come from the page itself
    """<html><head><title>Council votes on the budget</title></head><body>
    <h1>Council votes on the budget</h1><p class="byline">By Ann Lee</p>
    <p>Published March 5, 2025</p>
    <p>The town council voted on Wednesday to approve the budget for next year.</p>
    <p>Category: <a rel="tag" href="/tag/budget">budget</a></p></body></html>""",
    # broken JSON-LD and a handle as the author
    """<html><head><meta name="author" content="jroe">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
    </head><body><p>Short page.</p></body></html>""",
]


def test_the_fields_we_use_are_the_ones_extract_metadata_gives() -> None:
    for page in PAGES:
        want = extract_metadata(html.fromstring(page), "https://harbour.example/x")
        tree = html.fromstring(page)
        got = trafilatura_meta.read(tree, "https://harbour.example/x")
        author = got.author or trafilatura_meta.scanned_author(tree)
        assert (got.title, author, got.url, got.date, got.sitename) == (
            want.title,
            want.author,
            want.url,
            want.date,
            want.sitename,
        ), page[:60]


def test_a_declared_author_needs_no_scan() -> None:
    got = trafilatura_meta.read(html.fromstring(PAGES[0]), None)
    assert got.author == "Jane Roe"
    assert got.date == "2025-03-04"
