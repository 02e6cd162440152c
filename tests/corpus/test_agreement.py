from __future__ import annotations

from presstrace import Resources
from presstrace.corpus import agreement, features


def keys(sentence: str) -> frozenset[str]:
    return frozenset(a.key for a in features.anchors(sentence, Resources()))


def test_a_different_figure_in_a_sentence_worded_alike_disagrees() -> None:
    a = keys("The council approved the budget with 12 votes in favour on Monday.")
    b = keys("The council approved the budget with 17 votes in favour on Monday.")
    assert agreement.disagree(a, b, similarity=0.9)


def test_a_different_date_disagrees() -> None:
    a = keys("The vote was held in the town hall of Marlow Cove in March.")
    b = keys("The vote was held in the town hall of Marlow Cove in June.")
    assert agreement.disagree(a, b, similarity=0.9)


def test_a_figure_dropped_or_added_is_not_a_disagreement() -> None:
    a = keys("Firefighters from 3 stations fought the blaze for 6 hours in Marlow Cove.")
    b = keys("Firefighters from 3 stations fought the blaze in Marlow Cove.")
    assert not agreement.disagree(a, b, similarity=0.9)
    assert not agreement.disagree(b, a, similarity=0.9)


def test_a_loose_paraphrase_sharing_no_anchor_does_not_decide() -> None:
    a = keys("About 20 families were moved out of the flooded streets overnight.")
    b = keys("Overnight 25 families had to leave the streets under water.")
    assert not a & b
    assert not agreement.disagree(a, b, similarity=0.52)
    assert agreement.disagree(a, b, similarity=0.8)


def test_one_swapped_capitalised_word_is_a_spin_not_another_event() -> None:
    a = keys("The Ministry of Defence said General Ana Ruiz would visit Valdora.")
    b = keys("The Ministry of Protection said General Ana Ruiz would visit Valdora.")
    assert not agreement.disagree(a, b, similarity=0.9)


def test_other_names_throughout_a_sentence_disagree() -> None:
    a = keys("Primaries were held in Idaho, Michigan, Missouri and Washington.")
    b = keys("Primaries were held in Florida, Illinois, Ohio and Arizona.")
    assert agreement.disagree(a, b, similarity=0.7)


def test_sentence_anchors_fall_into_their_sentences() -> None:
    text = "Ana Ruiz arrived in 2024. Then Omar Diaz left on 3 May."
    sents = features.sentences(text)
    found = agreement.sentence_anchors(sents, features.anchors(text, Resources()))
    assert found[0] == {"c:ruiz", "n:2024"}  # "Ana" opens the sentence: not an anchor
    assert found[1] == {"c:omar", "c:diaz", "n:3", "m:5"}
