"""Where reported content ends when the speaker's next act follows: hand-written sentences
through the quotes stage."""

from __future__ import annotations

import pytest

from presstrace import Pipeline, Resources
from presstrace.records import Article, Quote


def quotes(text: str, resources: Resources) -> list[Quote]:
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    return list(pipe.analyze_articles([Article(text=text, language="en")])[0].quotes)


@pytest.mark.parametrize(
    "text, first",
    [
        # the speaker's second report, joined by "and"
        (
            "Mayor Ana Ruiz says she trusts the new engineer and calls him the best hire "
            "of the year.",
            "she trusts the new engineer",
        ),
        # someone else's report in a clause of time or contrast
        (
            "The coach insisted the team was ready after a reporter told him the players "
            "were tired.",
            "the team was ready",
        ),
    ],
)
def test_a_report_ends_before_the_next_report(text: str, first: str, resources: Resources) -> None:
    assert [q.content.text for q in quotes(text, resources)][0] == first


def test_the_second_report_keeps_the_speaker(resources: Resources) -> None:
    found = quotes(
        "Mayor Ana Ruiz says she trusts the new engineer and calls him the best hire of the year.",
        resources,
    )
    speakers = {q.speaker.text for q in found if q.speaker is not None}
    assert speakers == {"Mayor Ana Ruiz"}


@pytest.mark.parametrize(
    "text, wanted",
    [
        # a plan the speaker reports, not a second report
        (
            "Ruiz said the council would meet and vote on the budget in May.",
            "the council would meet and vote on the budget in May",
        ),
        # "right after" times what is reported
        (
            "Ruiz said the bridge closed right after the inspector said it was unsafe.",
            "the bridge closed right after the inspector said it was unsafe",
        ),
    ],
)
def test_a_report_going_on_stays_whole(text: str, wanted: str, resources: Resources) -> None:
    assert wanted in [q.content.text for q in quotes(text, resources)]


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("Ruiz made no mention of the new dam.", "the new dam"),
        ("The governor voiced concern about the cost of the bridge.", "the cost of the bridge"),
        ("Ruiz offered harsh criticism of the council.", "the council"),
    ],
)
def test_a_noun_and_preposition_are_part_of_the_cue(
    text: str, wanted: str, resources: Resources
) -> None:
    assert [q.content.text for q in quotes(text, resources)] == [wanted]
