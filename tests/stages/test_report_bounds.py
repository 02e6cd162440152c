"""Where reported content ends: hand-written sentences through the quotes stage."""

from __future__ import annotations

import pytest

from presstrace import Pipeline, Resources
from presstrace.records import Article


def contents(text: str, resources: Resources) -> list[str]:
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    article = pipe.analyze_articles([Article(text=text, language="en")])[0]
    return [q.content.text for q in article.quotes]


@pytest.mark.parametrize(
    "text, wanted",
    [
        # a contrasting group's view is a report of its own
        (
            "Most of the farmers polled say they want a new dam on the river, "
            "while about 4 in 10 want the old mill restored.",
            ["they want a new dam on the river", "the old mill restored"],
        ),
        # a second group saying something
        (
            "About 8 in 10 said Lopez is honest and fair, and two-thirds said the same of Moran.",
            ["Lopez is honest and fair", "the same of Moran"],
        ),
        # a second predicate of the speaker, in a tense the report does not share
        (
            "Mayor Ana Ruiz said she has signed the budget and called on the council to do "
            "the same.",
            ["she has signed the budget", "the council to do the same"],
        ),
        (
            "The governor denies that the bridge was unsafe and plans to reopen it next week.",
            ["that the bridge was unsafe"],
        ),
        # the writer's aside
        (
            "Ruiz insisted that the district would win – even though she had backed the "
            "other bid in March.",
            ["that the district would win"],
        ),
        # what the writer adds to an object report is not the report
        ("The mayor discussed the flood plan, including new pumps and levees.", ["the flood plan"]),
        (
            "The council opposed the new tax on boats — one of the mayor's main goals "
            "for the year.",
            ["the new tax on boats"],
        ),
    ],
)
def test_a_report_ends_where_another_thing_begins(
    text: str, wanted: list[str], resources: Resources
) -> None:
    assert contents(text, resources) == wanted


@pytest.mark.parametrize(
    "text, wanted",
    [
        # the same speaker going on, in the report's own tense or with a "that"
        (
            "Ruiz said that the river was clean and is safe for swimming.",
            "that the river was clean and is safe for swimming",
        ),
        (
            "Mayor Ana Ruiz said the bridge is safe and that the council will vote on Friday.",
            "the bridge is safe and that the council will vote on Friday",
        ),
        # a condition is part of the claim
        (
            "The coach said the team was ready even if the weather turned bad.",
            "the team was ready even if the weather turned bad",
        ),
        # a topic stays with its object
        (
            "The senator criticized the governor's stance on river dredging.",
            "the governor's stance on river dredging",
        ),
    ],
)
def test_a_report_going_on_stays_whole(text: str, wanted: str, resources: Resources) -> None:
    assert wanted in contents(text, resources)


@pytest.mark.parametrize(
    "text, wanted, kind",
    [
        # reported words leading into a quotation after its cue: one mixed quote
        (
            "Ruiz says no matter what the council decides, “the bridge will stay open.”",
            "no matter what the council decides, “the bridge will stay open.”",
            "mixed",
        ),
        (
            "The mayor told the crowd that the plan has two parts: “We build, then we pay.”",
            "that the plan has two parts: “We build, then we pay.”",
            "mixed",
        ),
        # when and where it was said is no lead-in
        (
            "Ruiz said in a statement on Tuesday, “The bridge will stay open.”",
            "The bridge will stay open.",
            "direct",
        ),
    ],
)
def test_a_quotation_led_in_by_reported_words(
    text: str, wanted: str, kind: str, resources: Resources
) -> None:
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    article = pipe.analyze_articles([Article(text=text, language="en")])[0]
    assert [(q.content.text, q.kind) for q in article.quotes] == [(wanted, kind)]
