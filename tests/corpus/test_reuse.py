from __future__ import annotations

from presstrace import Resources
from presstrace.corpus import features, reuse
from presstrace.corpus.copies import compare
from tests.corpus import texts


def _words(text: str) -> list[str]:
    return [t.norm for t in features.tokens(text)]


def _keys(text: str, res: Resources) -> list[str]:
    return [a.key for a in features.anchors(text, res)]


def test_char_grams_ignore_spacing() -> None:
    # The same word written joined or split gives the same grams.
    assert reuse.char_grams(["kahagaya"]) == reuse.char_grams(["kaha", "gaya"])
    assert reuse.char_grams(["ab"]) == {"ab"}
    assert reuse.char_grams([]) == set()


def test_copy_outscores_same_story_and_unrelated() -> None:
    res = Resources()

    def score(other: str) -> float:
        sig = reuse.signals(
            _words(texts.ORIGINAL), _words(other), _keys(texts.ORIGINAL, res), _keys(other, res)
        )
        return reuse.score(sig)

    syndicated, spun = score(texts.SYNDICATED), score(texts.SPUN)
    same, unrelated = score(texts.SAME_STORY), score(texts.UNRELATED)
    assert syndicated > 0.9
    assert min(syndicated, spun) > same > unrelated


def test_signals_are_directional() -> None:
    short = "The harbour council met on Monday and voted to close the old pier for repairs."
    long = short + " " + texts.UNRELATED
    into_long = reuse.signals(_words(long), _words(short), [], [])
    into_short = reuse.signals(_words(short), _words(long), [], [])
    assert into_long["grams"] == 1.0
    assert into_short["grams"] < 0.5
    assert into_long["covered"] < 0.5 and into_short["covered"] == 1.0


def test_compare_reports_the_reuse_score_both_ways() -> None:
    c = compare(texts.ORIGINAL, texts.SYNDICATED, resources=Resources())
    assert c.evidence["b_from_a"] > 0.9 and c.evidence["a_from_b"] > 0.9
    assert c.derived == max(c.evidence["a_from_b"], c.evidence["b_from_a"])


def test_word_gram_signals_count_phrases_not_vocabulary() -> None:
    source = "the council voted on monday to close the old pier".split()
    shuffled = "monday the pier old council the close to voted on".split()
    sig = reuse.signals(source, shuffled, [], [])
    assert sig["bigrams"] < 0.3 and sig["trigrams_covered"] == 0.0
    same = reuse.signals(source, source, [], [])
    assert same["bigrams"] == 1.0 and same["trigrams_covered"] == 1.0


def test_a_long_verbatim_copy_still_scores_as_derived() -> None:
    # The copy's own length lowers the score, but only up to MAX_WORDS words.
    words = [f"w{i}" for i in range(3 * reuse.MAX_WORDS)]
    sig = reuse.signals(words, words, ["n:12"], ["n:12"])
    assert sig["words"] == reuse.signals(words[:1000], words[:1000], [], [])["words"]
    assert reuse.score(sig) > 0.9
