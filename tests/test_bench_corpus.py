"""The benchmark's synthetic pages: distinct, deterministic, and real news-like pages."""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.corpus import synthetic_page, synthetic_warc

from presstrace import Document, Resources
from presstrace.pipeline import Pipeline
from presstrace.readers import iter_documents


def test_synthetic_pages_are_deterministic_and_distinct(tmp_path: Path) -> None:
    assert synthetic_page(random.Random(3), 7) == synthetic_page(random.Random(3), 7)
    warc = tmp_path / "s.warc.gz"
    assert synthetic_warc(warc, 30) == 30
    docs = list(iter_documents([str(warc)]))
    assert len(docs) == 30 and not any(d.error for d in docs)
    assert len({d.url for d in docs}) == len({d.data for d in docs}) == 30


def test_a_synthetic_page_is_a_short_article_with_a_quote(resources: Resources) -> None:
    url, html = synthetic_page(random.Random(5), 1)
    doc = Document(source="s1", data=html, kind="html", url=url, charset="utf-8")
    (article,) = Pipeline(resources=resources).run_batch([doc])
    assert not article.errors
    assert 100 <= len(article.text.split()) <= 200
    assert article.quotes
