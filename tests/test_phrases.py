"""Phrase lists from data files: case, spacing and apostrophes do not matter; words are whole."""

from __future__ import annotations

from presstrace import Resources
from presstrace.phrases import fold, phrase_list


def test_matching_ignores_case_spacing_and_apostrophe_style() -> None:
    spun = phrase_list(Resources(), "flags_spun_phrases.txt")
    text = "Officials at the ministry  of\nprotection spoke."
    [m] = list(spun.finditer(text))
    assert m.group() == text[m.start() : m.end()] and spun.note(m.group()) == "Ministry of Defence"
    chat = phrase_list(Resources(), "flags_chatbot.txt")
    assert [m.group() for m in chat.finditer("I’m sorry, but I cannot do that.")] == [
        "I’m sorry, but I cannot"
    ]


def test_only_whole_words_match() -> None:
    spun = phrase_list(Resources(), "flags_spun_phrases.txt")
    assert list(spun.finditer("the White Homes estate")) == []


def test_fold() -> None:
    assert fold("  Don’t   Miss ") == "don't miss"


def test_compiled_once_per_resources() -> None:
    res = Resources()
    assert phrase_list(res, "flags_chatbot.txt") is phrase_list(res, "flags_chatbot.txt")
