"""Where reported content ends: hand-written sentences through the quotes stage."""

from __future__ import annotations

from presstrace import Pipeline, Resources
from presstrace.records import Article, Quote


def contents(text: str, resources: Resources) -> list[str]:
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    article = pipe.analyze_articles([Article(text=text, language="en")])[0]
    quotes: tuple[Quote, ...] = article.quotes
    return [q.content.text for q in quotes]


def test_a_second_group_saying_something_is_a_report_of_its_own(resources: Resources) -> None:
    text = "About 8 in 10 said Lopez is honest and fair, and two-thirds said the same of Moran."
    found = contents(text, resources)
    assert "Lopez is honest and fair" in found
    assert "the same of Moran" in found


def test_a_contrasting_group_ends_the_report(resources: Resources) -> None:
    text = (
        "Most of the farmers polled say they want a new dam on the river, "
        "while about 4 in 10 want the old mill restored."
    )
    found = contents(text, resources)
    assert "they want a new dam on the river" in found


def test_the_same_speaker_going_on_stays_one_report(resources: Resources) -> None:
    text = "Mayor Ana Ruiz said the bridge is safe and that the council will vote on Friday."
    found = contents(text, resources)
    assert "the bridge is safe and that the council will vote on Friday" in found


def test_an_object_report_ends_before_when_it_was_said(resources: Resources) -> None:
    text = "The senator praised a new school plan during a visit to Millbrook."
    found = contents(text, resources)
    assert found and found[0] == "a new school plan"


def test_a_topic_stays_with_its_object(resources: Resources) -> None:
    text = "The senator criticized the governor's stance on river dredging."
    found = contents(text, resources)
    assert found and found[0].endswith("on river dredging")
