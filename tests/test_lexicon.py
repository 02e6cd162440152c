"""The glued-word test: a word glued to a function word splits; real words and compounds do not."""

from __future__ import annotations

import pytest

from presstrace import Resources
from presstrace.lexicon import Lexicon, english_lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return english_lexicon(Resources())


def test_zipf_of_common_and_unknown_words(lexicon: Lexicon) -> None:
    assert lexicon.zipf("the") > 6 > lexicon.zipf("harbour") > 3
    assert lexicon.zipf("qzxv") == 0.0 and not lexicon.known("qzxv")


@pytest.mark.parametrize(
    ("token", "head", "tail"),
    [
        ("Ukraineboth", "Ukraine", "both"),
        ("dayof", "day", "of"),
        ("companiesin", "companies", "in"),
    ],
)
def test_word_glued_to_a_particle(lexicon: Lexicon, token: str, head: str, tail: str) -> None:
    glue = lexicon.glued(token)
    assert glue is not None and (glue.head, glue.tail) == (head, tail)


@pytest.mark.parametrize(
    "token", ["harbour", "Facebook", "smallcaps", "multiplanetary", "iPhone", "ShareTweet", "abc"]
)
def test_words_compounds_and_camel_case_are_not_glued(lexicon: Lexicon, token: str) -> None:
    assert lexicon.glued(token) is None


def test_name_links_need_the_name_to_go_on(lexicon: Lexicon) -> None:
    assert lexicon.glued("Vozde") is None
    assert lexicon.glued("Vozde", name_goes_on=True) is None
    glue = lexicon.glued("Vozde", name_goes_on=True, name_before=True)
    assert glue is not None and (glue.head, glue.tail) == ("Voz", "de")
    assert lexicon.glued("Quorvalof") is None
    assert lexicon.glued("Quorvalof", names=frozenset({"Quorval"})) is not None


def test_lexicon_is_memoised_per_resources() -> None:
    res = Resources()
    assert english_lexicon(res) is english_lexicon(res)
