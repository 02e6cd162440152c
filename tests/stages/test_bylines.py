from __future__ import annotations

from presstrace import Resources
from presstrace.stages import bylines


def lex() -> bylines.BylineLexicon:
    return bylines.lexicon(Resources())


def test_people_without_by_and_titles() -> None:
    lx = lex()
    assert bylines.people("By Jane Roe and John Doe", lx) == ["Jane Roe", "John Doe"]
    assert bylines.people("Jane Roe, Senior Reporter", lx) == ["Jane Roe"]
    assert bylines.people("Dana Lee, PhD; Staff Writer", lx) == ["Dana Lee"]
    assert bylines.people("ByJane Roe", lx) == ["Jane Roe"]
    assert bylines.people("Jane Roe December", lx) == ["Jane Roe"]
    assert bylines.people("Por Ana Costa y Luis Prado", lx) == ["Ana Costa", "Luis Prado"]
    assert bylines.people("Updated 12 May 2026", lx) == []


def test_byline_line_only_for_short_lines_with_a_lead() -> None:
    lx = lex()
    assert bylines.byline_line("By Ana Costa", lx) == ["Ana Costa"]
    assert bylines.byline_line("Ana Costa", lx) is None
    assert bylines.byline_line("By the end of the week the port was quiet.", lx) is None


def test_author_bio() -> None:
    lx = lex()
    bio = "I am Tom Vale, a journalist with ten years of experience, writing for Buzz Wire."
    assert bylines.author_bio(bio, lx) == ("Tom Vale", "Buzz Wire")
    third = "Tom Vale is a writer based in Eastport who covers transport."
    assert bylines.author_bio(third, lx) == ("Tom Vale", None)
    assert bylines.author_bio(third, lx, first_person_only=True) is None
    assert bylines.author_bio("I am sure the bridge will open.", lx) is None


def test_people_cut_run_on_titles_facets_and_avatar_text() -> None:
    lx = lex()
    assert bylines.people("Jane Roe Senior Transport Reporter", lx) == ["Jane Roe"]
    assert bylines.people("Tom Vale Founder", lx) == ["Tom Vale"]
    assert bylines.people("Certified Sleep Consultant", lx) == []
    assert bylines.people("By Role", lx) == []
    assert bylines.people("Written by", lx) == []
    assert bylines.people("JR Jane Roe", lx) == ["Jane Roe"]
    assert bylines.people("Ann Lee Ann Lee", lx) == ["Ann Lee"]
    assert bylines.people("Jane Roe Last updated on 3 May 2026", lx) == ["Jane Roe"]
    assert bylines.people("Dr Jane Roe", lx) == ["Dr Jane Roe"]
