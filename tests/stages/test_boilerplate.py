from __future__ import annotations

from presstrace import Resources
from presstrace.stages import boilerplate as bp


def test_classify_reasons() -> None:
    lx = bp.lexicon(Resources())
    assert bp.classify("Related Posts", lx) == "template"
    assert bp.classify("Te puede interesar:", lx) == "template"
    assert bp.classify("Lorem ipsum dolor sit amet.", lx) == "placeholder"
    assert bp.classify("Skip to content", lx) == "navigation"
    assert bp.classify("We use cookies to improve your visit.", lx) == "notice"
    assert bp.classify("© 2026 Eastport Herald", lx) == "footer"
    assert bp.classify("Tous droits réservés", lx) == "footer"
    assert bp.classify("The court ruled on copyright for the bridge photos.", lx) is None
    assert bp.classify("Share prices rose on Monday after the bridge opened.", lx) is None


def test_link_lines() -> None:
    assert bp.is_link_line("Ten Bridges You Must See")
    assert not bp.is_link_line("The bridge opened on Monday after two years of repairs.")
