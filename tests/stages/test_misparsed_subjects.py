"""Poll sentences whose share of people the parse did not make the subject."""

from __future__ import annotations

import pytest

from presstrace import Pipeline, Resources
from presstrace.records import Article
from presstrace.stages.misparsed_subjects import missed_subject


def _quotes(text: str, resources: Resources) -> list[tuple[str, str | None]]:
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    art = pipe.analyze_articles([Article(text=text, language="en")])[0]
    return [(q.content.text, q.speaker.text if q.speaker else None) for q in art.quotes]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Nearly 3 in 10 say they would move to another city for a better job.",
            "they would move to another city for a better job",
            "Nearly 3 in 10",
        ),
        (
            "Majorities of teachers in four districts going to the polls Friday say they "
            "would accept the new contract.",
            "they would accept the new contract",
            "Majorities of teachers in four districts going to the polls Friday",
        ),
        (
            "Large majorities of nurses in three states going to the polls on Super Tuesday "
            "said they back the new contract.",
            "they back the new contract",
            "Large majorities of nurses in three states going to the polls on Super Tuesday",
        ),
        (
            "The mayor keeps up her criticism of the council before the vote\n"
            "Ms. Reed, in Springfield, said Tuesday that the budget was a disgrace.",
            "that the budget was a disgrace",
            "Ms. Reed",
        ),
    ],
)
def test_a_share_of_people_speaks(
    text: str, content: str, speaker: str, resources: Resources
) -> None:
    assert (content, speaker) in _quotes(text, resources)


def test_a_cue_with_its_own_subject_is_left_alone(resources: Resources) -> None:
    doc = resources.nlp("Most teachers say the contract is fair.")
    say = next(t for t in doc if t.lower_ == "say")
    assert missed_subject(say) is None
