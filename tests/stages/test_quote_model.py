"""The learned cue and content models: loading, scoring and candidates on hand-written text."""

from __future__ import annotations

import math

import pytest

from presstrace import Resources
from presstrace.errors import ConfigError
from presstrace.stages.quote_model import (
    Linear,
    content_candidates,
    cue_candidate,
    predict,
    quote_model,
    quoted_mask,
    quoted_tokens,
)
from presstrace.stages.speakers import cue_tables


def test_linear_scores_are_sums_of_feature_weights() -> None:
    model = Linear({"a": 1.5, "b": -0.5}, bias=-1.0, threshold=0.5)
    assert model.score(["a", "b", "unknown"]) == pytest.approx(0.0)
    assert model.prob(["a", "b"]) == pytest.approx(0.5)
    assert model.prob(["a"]) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert model.prob(["b"] * 200) == 0.0  # no overflow far from the boundary


def test_shipped_model_loads_once(light_resources: Resources) -> None:
    model = quote_model(light_resources)
    assert model is quote_model(light_resources)
    assert model.cue.weights and 0.0 < model.cue.threshold < 1.0
    assert model.content.weights and 0.0 <= model.content.threshold < 1.0
    assert model.cue.weights.get("l=say", 0.0) > 0.0  # "say" is the commonest cue


def test_a_model_file_of_the_wrong_shape_is_a_config_error(
    light_resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Resources, "data_json", lambda self, name: {"cue": {"weights": {}}})
    with pytest.raises(ConfigError):
        quote_model(light_resources)


def test_candidates_include_the_reported_clause(resources: Resources) -> None:
    doc = resources.nlp("The mayor said that the old bridge would reopen in May.")
    said = next(t for t in doc if t.text == "said")
    spans = {doc[c.start : c.end].text for c in content_candidates(said, [])}
    clause = "the old bridge would reopen in May"
    assert {clause, f"that {clause}"} <= spans
    assert all("said" not in s.split() for s in spans)


def test_candidates_stay_in_the_cue_paragraph(resources: Resources) -> None:
    doc = resources.nlp("Rain fell all night.\nThe council said the roads were closed.")
    said = next(t for t in doc if t.text == "said")
    for c in content_candidates(said, []):
        assert "Rain" not in doc[c.start : c.end].text


def test_quoted_mask_marks_tokens_inside_quotes(resources: Resources) -> None:
    text = 'He wrote "the vote is off" yesterday.'
    doc = resources.nlp(text)
    mask = quoted_mask(doc, quoted_tokens(doc, [(9, 26)]))
    assert [t.text for t in doc if mask[t.i]] == ['"', "the", "vote", "is", "off", '"']


def test_cue_candidates_are_content_words_and_colons(resources: Resources) -> None:
    doc = resources.nlp("The minister: we will build it, and fast.")
    picked = [t.text for t in doc if cue_candidate(t)]
    assert ":" in picked and "," not in picked and "." not in picked


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The mayor said that the old bridge would reopen in May.",
            "said",
            "that the old bridge would reopen in May",  # PolNeAR keeps the "that"
        ),
        (
            "The new school will open in the autumn, the education minister told reporters.",
            "told",
            "The new school will open in the autumn",
        ),
        (
            "According to the fire service, nobody was hurt in the blaze.",
            "According",
            "nobody was hurt in the blaze",
        ),
    ],
)
def test_predict_finds_cue_and_content(
    text: str, cue: str, content: str, resources: Resources
) -> None:
    doc = resources.nlp(text)
    found = predict(doc, quote_model(resources), cue_tables(resources), [])
    got = {(tok.text, doc[c.start : c.end].text) for tok, c, _pc, _ps in found}
    assert (cue, content) in got


def test_predict_finds_nothing_without_reported_speech(resources: Resources) -> None:
    doc = resources.nlp("The river rose by two metres and the ferry stopped running.")
    assert predict(doc, quote_model(resources), cue_tables(resources), []) == []
