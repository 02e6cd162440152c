from __future__ import annotations

from presstrace import Pipeline, Resources
from presstrace.records import Article


def test_fingerprint_runs_for_any_language() -> None:
    pipe = Pipeline(stages=["fingerprint.v1"], resources=Resources())
    urdu = Article(text="وزیر اعظم نے کہا کہ 2024 میں نئی سڑک بنے گی۔", language="ur")
    english = Article(text="Mayor Ana Ruiz said 40 homes were damaged in Valdora.", language="en")
    out = pipe.analyze_articles([urdu, english])
    assert all(a.fingerprint is not None for a in out)
    fp_ur, fp_en = out[0].fingerprint, out[1].fingerprint
    assert fp_ur is not None and fp_en is not None
    assert fp_ur.language == "ur" and "n:2024" in fp_ur.anchors
    assert {"c:ana", "c:ruiz", "n:40", "c:valdora"} <= set(fp_en.anchors)
    assert len(fp_en.minhash) == 128
    assert not pipe.resources.nlp_loaded  # no parse needed


def test_fingerprint_is_in_the_default_pipeline() -> None:
    from presstrace.stages import DEFAULT_STAGES

    assert "fingerprint.v1" in DEFAULT_STAGES


def test_entities_add_names_the_capital_rule_misses() -> None:
    from presstrace.records import Entity
    from presstrace.stages.fingerprint import fingerprint_of

    text = "Quiroga said the water was rising. Officials agreed."
    res = Resources()
    plain = fingerprint_of(text, "en", res)
    assert "c:quiroga" not in plain.anchors  # sentence-initial: not taken for a name
    with_ents = fingerprint_of(text, "en", res, (Entity(0, 7, "Quiroga", "PERSON", "Quiroga"),))
    assert with_ents.anchors[0] == "c:quiroga"
