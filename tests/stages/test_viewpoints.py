"""Fronted-source attributions ("In the poll, ...", "To Ms. Lane, ...") on hand-written text."""

from __future__ import annotations

import pytest

from presstrace import Pipeline, Resources
from presstrace.records import Article
from presstrace.stages.attribution import Context
from presstrace.stages.speakers import cue_tables
from presstrace.stages.viewpoints import viewpoints


def found(text: str, resources: Resources) -> list[tuple[str, str, str]]:
    ctx = Context(text, resources.nlp(text), cue_tables(resources))
    out = []
    for c in viewpoints(ctx):
        assert c.speaker is not None and c.cue is not None
        out.append(
            (
                text[c.cue[0] : c.cue[1]],
                text[c.speaker.start : c.speaker.end],
                text[c.start : c.end],
            )
        )
    return out


def test_a_poll_named_up_front_is_the_source(resources: Resources) -> None:
    text = "In the new county poll, most voters back the plan to rebuild the old bridge."
    assert found(text, resources) == [
        ("In", "the new county poll", "most voters back the plan to rebuild the old bridge")
    ]


def test_a_persons_view_up_front(resources: Resources) -> None:
    text = "To Maria Lopez, the new toll is a tax on the poorest drivers in town."
    assert found(text, resources) == [
        ("To", "Maria Lopez", "the new toll is a tax on the poorest drivers in town")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In 2015, the council voted to close the old bridge for repairs.",  # a date
        "In the garden, the children planted three rows of beans.",  # not a source
        "To the north, the river floods almost every spring.",  # not a person
        "In the new poll most voters back the plan to rebuild the bridge.",  # no comma
    ],
)
def test_no_fronted_source(text: str, resources: Resources) -> None:
    assert found(text, resources) == []


def test_a_speech_verb_in_the_sentence_wins(resources: Resources) -> None:
    text = "In an interview, the mayor said the bridge would reopen soon."
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    article = pipe.analyze_articles([Article(text=text, language="en")])[0]
    assert [(q.cue.text if q.cue else None, q.content.text) for q in article.quotes] == [
        ("said", "the bridge would reopen soon")
    ]
