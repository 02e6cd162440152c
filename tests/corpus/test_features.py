from __future__ import annotations

from presstrace import Resources
from presstrace.corpus import features


def test_anchors_agree_across_languages() -> None:
    res = Resources()
    en = "About 2,300 people left on 12 March, said Elena García in Valdora."
    es = "Unas 2.300 personas se fueron el 12 de marzo, dijo Elena Garcia en Valdora."
    keys_en = [a.key for a in features.anchors(en, res)]
    keys_es = [a.key for a in features.anchors(es, res)]
    for key in ("n:2300", "n:12", "m:3", "c:elena", "c:garcia", "c:valdora"):
        assert key in keys_en and key in keys_es


def test_anchor_offsets_point_into_the_text() -> None:
    text = "Mayor Ana Ruiz said “no anomaly” was found in ٢٠٢٤."
    for a in features.anchors(text, Resources()):
        assert text[a.start : a.end]
    keys = {a.key for a in features.anchors(text, Resources())}
    assert {"c:ana", "c:ruiz", "q:no anomaly", "n:2024"} <= keys
    assert "c:mayor" not in keys  # sentence-initial capitals are not names


def test_sentences_split_latin_and_urdu_stops() -> None:
    text = "First one. Second one!\n\nThird paragraph۔چوتھا جملہ"
    sents = features.sentences(text)
    assert [text[s.start : s.end] for s in sents] == [
        "First one.",
        "Second one!",
        "Third paragraph۔",
        "چوتھا جملہ",
    ]


def test_words_keep_combining_marks() -> None:
    assert [t.norm for t in features.tokens("کیا ہے")] == ["کیا", "ہے"]
    assert len(features.tokens("بَڑا")) == 1


def test_minhash_is_stable_and_sized() -> None:
    sh = features.shingles("the dam gave way before dawn".split())
    assert features.minhash_values(sh) == features.minhash_values(sh)
    assert len(features.minhash_values(sh)) == features.NUM_PERM
