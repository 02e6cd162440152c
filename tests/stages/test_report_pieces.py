"""Reported content split around its cue: hand-written sentences through the quotes stage."""

from __future__ import annotations

import pytest

from presstrace import Pipeline, Resources
from presstrace.records import Article, Quote


def found(text: str, resources: Resources) -> list[Quote]:
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    return list(pipe.analyze_articles([Article(text=text, language="en")])[0].quotes)


@pytest.mark.parametrize(
    "text, pieces",
    [
        # a source and cue set off by commas inside the report
        (
            "Her neighbours, the mayor said, should not have to pay for the new bridge.",
            ["Her neighbours", "should not have to pay for the new bridge"],
        ),
        # a relative pronoun right before the source is the reported clause's subject
        (
            "It is a plan that critics say could fail within a year.",
            ["that", "could fail within a year"],
        ),
        # a raising verb: its subject is what the report is about
        (
            "The harbour bridge is expected to reopen to traffic next spring.",
            ["The harbour bridge", "to reopen to traffic next spring"],
        ),
    ],
)
def test_a_report_wrapped_around_its_cue_has_two_pieces(
    text: str, pieces: list[str], resources: Resources
) -> None:
    quotes = found(text, resources)
    assert [q.content.text for q in quotes] == pieces
    assert len({(q.cue.start, q.cue.end) for q in quotes if q.cue}) == 1  # one cue, one report
    assert len({q.speaker for q in quotes}) == 1


@pytest.mark.parametrize(
    "text, left",
    [
        # the time of the saying is not the report
        ("On Tuesday, the mayor said the bridge would reopen next spring.", "On Tuesday"),
        # an addressee is not what is reported
        ("Ruiz was pressed to explain the cost of the new bridge.", "Ruiz"),
        # nor the subject of what seems so to someone
        ("Nothing about the new plan seems credible to me.", "Nothing"),
        # nor is an empty "it"
        ("It was revealed that the bridge had been closed for years.", "It"),
    ],
)
def test_words_before_the_source_are_not_always_reported(
    text: str, left: str, resources: Resources
) -> None:
    assert all(left not in q.content.text for q in found(text, resources))
