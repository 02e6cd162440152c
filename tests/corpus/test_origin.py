from __future__ import annotations

from presstrace import Resources
from presstrace.corpus.copies import Side, prepare
from presstrace.corpus.origin import credit_lines, likely_original
from tests.corpus import texts


def test_credit_lines_are_found_at_the_head_and_foot() -> None:
    res = Resources()
    lines = credit_lines(prepare(texts.SYNDICATED, res), res)
    assert lines == ["source: coastal wire"]
    assert credit_lines(prepare(texts.ORIGINAL, res), res) == []


def test_credit_naming_the_other_outlet_beats_dates() -> None:
    res = Resources()
    wire = prepare(Side(texts.ORIGINAL, published="2026-05-04", outlet=("Coastal Wire",)), res)
    copy = prepare(Side(texts.SYNDICATED, published="2026-05-03"), res)
    assert likely_original(copy, wire, res) == "b"
    assert likely_original(wire, copy, res) == "a"


def test_nothing_to_tell_gives_none() -> None:
    res = Resources()
    a = prepare(texts.ORIGINAL, res)
    assert likely_original(a, a, res) is None
