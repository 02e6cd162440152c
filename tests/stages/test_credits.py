from __future__ import annotations

from presstrace import Resources
from presstrace.stages import credits


def lex() -> credits.CreditLexicon:
    return credits.lexicon(Resources())


def test_credit_lines() -> None:
    lx = lex()
    assert credits.credit_line("Source: The Eastport Herald", lx) == "The Eastport Herald"
    assert credits.credit_line("With information from Northwire", lx) == "Northwire"
    assert credits.credit_line("Fuente: El Diario del Puerto", lx) == "El Diario del Puerto"
    assert credits.credit_line("— AFP", lx) == "AFP"
    assert credits.credit_line("-- NW --", lx) == "NW"
    assert credits.credit_line("- HVAC", lx) is None
    assert credits.credit_line("The source said the bridge was safe.", lx) is None


def test_datelines_and_signatures() -> None:
    lx = lex()
    assert credits.dateline_source("EASTPORT, Atlantis (NW) — Workers struck.", lx) == "NW"
    assert credits.dateline_source("(Reuters) - Shares fell on Monday.", lx) == "Reuters"
    assert credits.dateline_source("Shares fell (a lot) - said one trader.", lx) is None
    assert credits.trailing_source("The bridge opened on Monday. — AFP", lx) == "AFP"
    assert credits.trailing_source("The bridge opened on Monday.", lx) is None


def test_photo_credits() -> None:
    lx = lex()
    assert credits.split_photo_credit("Mayor Lee at the opening JOHN DOE | NORTHWIRE", lx) == (
        "Mayor Lee at the opening",
        "JOHN DOE | NORTHWIRE",
    )
    assert credits.split_photo_credit("Mayor Lee at the opening. Photo: John Doe/AFP", lx) == (
        "Mayor Lee at the opening.",
        "John Doe/AFP",
    )
    assert credits.split_photo_credit("Mayor Lee at the opening.", lx) == (
        "Mayor Lee at the opening.",
        None,
    )
    assert credits.is_credit_suffix(" JOHN DOE | NORTHWIRE", lx)
    assert not credits.is_credit_suffix(" and her deputy, who spoke first", lx)
