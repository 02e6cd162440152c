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


ARTICLE = [
    "The harbour bridge in Eastport opened again on Monday after a repair of two years.",
    "Council engineer Priya Shah said the steel deck had been replaced in full this spring.",
    "Ferry operators said they expected fewer passengers once the bridge was busy again.",
    "Shopkeepers on the north bank said trade had fallen by a third during the works.",
]


def test_repeated_runs_drop_a_second_copy_of_the_article() -> None:
    body = ["Posted on March 2", *ARTICLE, *ARTICLE, *ARTICLE]
    assert bp.repeated_runs(body) == set(range(5, 13))


def test_repeated_runs_keep_short_repeats_inside_the_article() -> None:
    longer = ARTICLE + [f"Paragraph {n} of the report adds one more detail." for n in range(12)]
    # a repeated table row, a refrain, and a three-line block that is a small share
    body = longer + ["Price: 12 pounds", "Price: 12 pounds"] + ARTICLE[:3] + ["The end."]
    assert bp.repeated_runs(body) == set()
    short = [ARTICLE[0], "Meal 1", ARTICLE[0], "Meal 2"]
    assert bp.repeated_runs(short) == set()


def test_disclosures_are_recognised_but_not_ordinary_sentences() -> None:
    lx = bp.lexicon(Resources())
    assert bp.is_disclosure("This post contains affiliate links; we may earn a commission.", lx)
    assert bp.is_disclosure("Este artículo contiene enlaces de afiliados.", lx)
    assert not bp.is_disclosure("The council earned praise for the bridge repair.", lx)


def test_signup_boxes_and_their_consent_lines() -> None:
    lx = bp.lexicon(Resources())
    box = "Get the Eastport Weekly: the best of the harbour delivered to your inbox."
    consent = "By signing up, you agree to receive marketing emails. Unsubscribe at any time."
    assert bp.classify(box, lx) == "signup"
    assert bp.classify(consent, lx) == "signup"
    assert bp.classify("Abonnez-vous à notre newsletter", lx) == "signup"
    # an article sentence about newsletters is not a sign-up box
    assert bp.classify("The council said its newsletter would stop in May.", lx) is None


def test_site_disclaimers() -> None:
    lx = bp.lexicon(Resources())
    medical = (
        "This article is for informational purposes only and is not a substitute for "
        "professional medical advice."
    )
    views = "The views expressed here do not necessarily reflect the views of the Herald."
    assert bp.is_disclaimer(medical, lx)
    assert bp.is_disclaimer(views, lx)
    assert bp.is_disclaimer("Der Text dient nur zu Informationszwecken.", lx)
    assert not bp.is_disclaimer("The nurse said the advice was out of date.", lx)
    # a long paragraph that mentions the phrase is article text
    long = " ".join(["The bridge report ran to many pages of detail."] * 20)
    assert not bp.is_disclaimer(long + " It was for informational purposes only.", lx)
