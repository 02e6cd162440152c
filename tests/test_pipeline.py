from __future__ import annotations

import time

import pytest

from presstrace import Article, ConfigError, Pipeline, Resources, Settings
from presstrace.errors import DocumentTimeout
from presstrace.pipeline import REGISTRY, deadline, get_stage, register
from presstrace.records import Document


@register("test_upper", 1, requires={"text"}, provides={"upper"})
def _upper(article: Article, doc: object, res: Resources) -> Article:
    return article.evolve(title=article.text.upper())


@register("test_needs_upper", 1, requires={"upper"}, provides={"done"})
def _needs_upper(article: Article, doc: object, res: Resources) -> Article:
    return article


@register("test_boom", 1, requires={"text"}, provides={"boom"})
def _boom(article: Article, doc: object, res: Resources) -> Article:
    raise RuntimeError("bug in stage")


@register("test_slow", 1, requires={"text"}, provides={"slow"})
def _slow(article: Article, doc: object, res: Resources) -> Article:
    time.sleep(2)
    return article


def plain(text: str) -> Document:
    return Document(source="t", data=text.encode(), kind="plain")


def test_requires_checked_when_built() -> None:
    with pytest.raises(ConfigError, match="requires upper"):
        Pipeline(["test_needs_upper.v1"])
    Pipeline(["test_upper.v1", "test_needs_upper.v1"])


def test_unknown_stage_is_config_error() -> None:
    with pytest.raises(ConfigError):
        Pipeline(["nope.v9"])


def test_bare_name_picks_highest_version() -> None:
    assert get_stage("test_upper").key == "test_upper.v1"
    assert "test_upper.v1" in REGISTRY


def test_stages_run_and_provenance_recorded() -> None:
    pipe = Pipeline(["test_upper.v1"])
    (a,) = pipe.run_batch([plain("hello there")])
    assert a.title == "HELLO THERE"
    assert pipe.provenance == {"upper": "test_upper.v1"}


def test_a_failing_stage_is_recorded_not_raised() -> None:
    (a,) = Pipeline(["test_boom.v1"]).run_batch([plain("hello there")])
    assert a.errors[0].code == "stage_failed"
    assert "test_boom.v1" in a.errors[0].message
    with pytest.raises(RuntimeError):
        Pipeline(["test_boom.v1"], strict=True).run_batch([plain("hello")])


def test_per_document_time_limit() -> None:
    res = Resources(Settings(doc_timeout=0.3))
    (a, b) = Pipeline(["test_slow.v1"], resources=res).run_batch(
        [plain("first doc"), plain("second doc")]
    )
    assert a.errors[0].code == "timeout" and b.errors[0].code == "timeout"


def test_deadline_context() -> None:
    with pytest.raises(DocumentTimeout), deadline(0.05):
        time.sleep(1)


def test_bad_inputs_skip_stages_and_keep_order() -> None:
    pipe = Pipeline(["test_upper.v1"])
    docs = [
        Document(source="e", data=b""),
        plain("ok text"),
        Document(source="b", data=b"\x00" * 50),
    ]
    out = pipe.run_batch(docs)
    assert [a.input for a in out] == ["e", "t", "b"]
    assert [e.code for e in out[0].errors] == ["empty_input"]
    assert out[1].title == "OK TEXT"
    assert [e.code for e in out[2].errors] == ["binary_input"]


def test_plain_text_is_kept_exactly() -> None:
    text = "  Exactly\r\nthis   text.\n"
    (a,) = Pipeline([]).run_batch([plain(text)])
    assert a.text == text


def test_limits_are_settings_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSTRACE_MAX_INPUT_BYTES", "1000")
    monkeypatch.setenv("PRESSTRACE_DOC_TIMEOUT", "5")
    s = Settings()
    assert (s.max_input_bytes, s.doc_timeout, s.max_text_chars) == (1000, 5.0, 1_000_000)
    (a,) = Pipeline([]).run_batch([plain("x" * 2000)])
    assert a.errors[0].code == "too_large"
    monkeypatch.setenv("PRESSTRACE_DOC_TIMEOUT", "soon")
    with pytest.raises(ConfigError):
        Settings()
