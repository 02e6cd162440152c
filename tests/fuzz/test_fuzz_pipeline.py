"""Structure recovery and every default stage on hostile input: invariants hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presstrace import Pipeline, Resources
from presstrace.records import Article, Document
from tests.fuzz.conftest import count
from tests.fuzz.invariants import check_article
from tests.fuzz.strategies import html_text, page_text

SLOW = settings(
    max_examples=2500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@settings(max_examples=15000, deadline=None)
@given(page_text)
def test_page_text_structure(text: str) -> None:
    count("page_text")
    (a,) = Pipeline([]).run_batch(
        [Document(source="f.txt", data=text.encode("utf-8", "surrogatepass"), kind="text")]
    )
    check_article(a)


@settings(max_examples=15000, deadline=None)
@given(page_text)
def test_plain_text_is_the_input(text: str) -> None:
    count("plain")
    # Valid Unicode without NUL (which is always removed) comes back character for character.
    text = text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    (a,) = Pipeline([]).run_batch(
        [Document(source="p", data=text.encode("utf-8"), kind="plain", charset="utf-8")]
    )
    expected = text[1:] if text.startswith("\ufeff") else text  # a BOM is not text
    if a.errors:  # empty, blank, or control bytes enough to look binary: refused with a reason
        assert a.errors[0].code in ("empty_input", "binary_input", "no_body")
        assert a.text in ("", expected)
    else:
        assert a.text == expected
    check_article(a)


@SLOW
@given(html_text)
def test_html_structure(html: str) -> None:
    count("html")
    (a,) = Pipeline([]).run_batch(
        [Document(source="f.html", data=html.encode("utf-8", "surrogatepass"), kind="html")]
    )
    check_article(a)


@SLOW
@given(st.lists(page_text, min_size=1, max_size=4))
def test_all_default_stages(resources: Resources, texts: list[str]) -> None:
    count("stages")
    pipe = Pipeline(resources=resources)
    articles = [
        Article(
            input=f"t{i}",
            text=t.replace("\x00", "").encode("utf-8", "replace").decode("utf-8"),
            language="en",
        )
        for i, t in enumerate(texts)
    ]
    for a in pipe.analyze_articles(articles):
        assert not [e for e in a.errors if e.code == "stage_failed"], a.errors
        check_article(a)


def test_deeply_nested_html_is_handled() -> None:
    inner = "<p>Deep text that should not crash the reader.</p>"
    html = "<div>" * 10_000 + inner + "</div>" * 10_000
    (a,) = Pipeline([]).run_batch([Document(source="deep.html", data=html.encode(), kind="html")])
    check_article(a)


def test_ten_megabyte_single_line() -> None:
    line = ("word " * 2_100_000).encode()
    docs = [
        Document(source="big.txt", data=b"A title\n\n" + line, kind="text"),
        Document(source="big-plain.txt", data=line, kind="plain"),
    ]
    for a in Pipeline([]).run_batch(docs):
        check_article(a)
        # over the 1,000,000-character body limit: kept apart with a reason
        assert [e.code for e in a.errors] == ["too_large"], (a.input, a.errors)
    html = b"<html><body><p>" + line + b"</p></body></html>"
    (a,) = Pipeline([]).run_batch([Document(source="big.html", data=html)])
    assert a.errors and a.errors[0].code in ("too_large", "no_body")
