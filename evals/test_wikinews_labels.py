"""The hand-written Wikinews gold: offsets sound, and the held-out split kept apart."""

from __future__ import annotations

import json

import pytest

from evals import wikinews_labels
from evals.shared import evaldata


@pytest.mark.parametrize("split", sorted(wikinews_labels.SPLITS))
def test_gold_spans_are_sound(split: str) -> None:
    assert wikinews_labels.span_problems(split) == []


def test_heldout_articles_are_not_in_dev() -> None:
    for kind in ("claims", "roles", "places"):
        seen: set[str] = set(wikinews_labels.load(kind, "dev")[1])
        for split in ("heldout", "heldout2", "heldout3", "heldout4", "heldout5"):
            _, held = wikinews_labels.load(kind, split)
            assert len(held) == 20
            assert not seen & set(held)
            seen |= set(held)


def test_every_split_reports_every_heldout_split() -> None:
    keys = wikinews_labels.every_split(lambda split: {"f1": 1.0})
    assert {
        "f1",
        "heldout_f1",
        "heldout2_f1",
        "heldout3_f1",
        "heldout4_f1",
        "heldout5_f1",
    } <= set(keys)


def test_heldout_follows_the_selection_rule() -> None:
    """RULES.md: the next 20 title-filter matches after the dev set's last one, none skipped."""
    import re

    pattern = re.compile(
        r"kill|dead|die|death|injur|attack|fire|crash|flood|quake|storm|explos|shoot|arrest|evacuat",
        re.I,
    )
    with (evaldata("wikinews") / "articles.jsonl").open() as f:
        rows = [json.loads(line) for line in f]
    matching = [r["id"] for r in rows if len(r["text"]) < 4000 and pattern.search(r["title"])]
    _, dev = wikinews_labels.load("claims", "dev")
    _, held = wikinews_labels.load("claims", "heldout")
    # the dev set wrapped round to take the first 6 matches of the file; held-out goes on from there
    assert all(aid in dev for aid in matching[:6]) and matching[6] not in dev
    assert list(held) == matching[6:26]


def test_heldout2_follows_the_seeded_sample() -> None:
    """RULES.md: 20 of the unused filter matches holding two non-year numbers, seed 20261201."""
    import random
    import re

    pattern = re.compile(
        r"kill|dead|die|death|injur|attack|fire|crash|flood|quake|storm|explos|shoot|arrest|evacuat",
        re.I,
    )
    number = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")
    with (evaldata("wikinews") / "articles.jsonl").open() as f:
        rows = [json.loads(line) for line in f]
    used = set(wikinews_labels.load("claims", "dev")[1]) | set(
        wikinews_labels.load("claims", "heldout")[1]
    )
    candidates = [
        i
        for i, r in enumerate(rows)
        if len(r["text"]) < 4000
        and pattern.search(r["title"])
        and r["id"] not in used
        and len(number.findall(r["text"])) >= 2
    ]
    picked = sorted(random.Random(20261201).sample(candidates, 20))
    _, held2 = wikinews_labels.load("claims", "heldout2")
    assert list(held2) == [rows[i]["id"] for i in picked]


def test_heldout3_follows_the_seeded_sample() -> None:
    """RULES.md: every unused filter match with two non-year numbers, the rest a seeded sample."""
    import random
    import re

    pattern = re.compile(
        r"kill|dead|die|death|injur|attack|fire|crash|flood|quake|storm|explos|shoot|arrest|evacuat",
        re.I,
    )
    number = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")
    with (evaldata("wikinews") / "articles.jsonl").open() as f:
        rows = [json.loads(line) for line in f]
    used: set[str] = set()
    for split in ("dev", "heldout", "heldout2"):
        used |= set(wikinews_labels.load("claims", split)[1])
    pool = [
        i
        for i, r in enumerate(rows)
        if len(r["text"]) < 4000 and r["id"] not in used and len(number.findall(r["text"])) >= 2
    ]
    matching = [i for i in pool if pattern.search(rows[i]["title"])]
    others = [i for i in pool if not pattern.search(rows[i]["title"])]
    picked = sorted(matching + random.Random(20261202).sample(others, 20 - len(matching)))
    _, held3 = wikinews_labels.load("claims", "heldout3")
    assert list(held3) == [rows[i]["id"] for i in picked]
    for kind in ("roles", "places"):
        assert list(wikinews_labels.load(kind, "heldout3")[1]) == list(held3)


def test_heldout4_follows_the_seeded_sample() -> None:
    """RULES.md: no unused filter match is left, so all 20 are a seeded sample of the rest."""
    import random
    import re

    pattern = re.compile(
        r"kill|dead|die|death|injur|attack|fire|crash|flood|quake|storm|explos|shoot|arrest|evacuat",
        re.I,
    )
    number = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")
    with (evaldata("wikinews") / "articles.jsonl").open() as f:
        rows = [json.loads(line) for line in f]
    used: set[str] = set()
    for split in ("dev", "heldout", "heldout2", "heldout3"):
        used |= set(wikinews_labels.load("claims", split)[1])
    pool = [
        i
        for i, r in enumerate(rows)
        if len(r["text"]) < 4000 and r["id"] not in used and len(number.findall(r["text"])) >= 2
    ]
    matching = [i for i in pool if pattern.search(rows[i]["title"])]
    others = [i for i in pool if not pattern.search(rows[i]["title"])]
    assert matching == []
    picked = sorted(random.Random(20261203).sample(others, 20))
    _, held4 = wikinews_labels.load("claims", "heldout4")
    assert list(held4) == [rows[i]["id"] for i in picked]
    for kind in ("roles", "places"):
        assert list(wikinews_labels.load(kind, "heldout4")[1]) == list(held4)


def test_heldout5_follows_the_seeded_sample() -> None:
    """RULES.md: as heldout4, a seeded sample of the unused two-number articles, seed 20261204."""
    import random
    import re

    pattern = re.compile(
        r"kill|dead|die|death|injur|attack|fire|crash|flood|quake|storm|explos|shoot|arrest|evacuat",
        re.I,
    )
    number = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")
    with (evaldata("wikinews") / "articles.jsonl").open() as f:
        rows = [json.loads(line) for line in f]
    used: set[str] = set()
    for split in ("dev", "heldout", "heldout2", "heldout3", "heldout4"):
        used |= set(wikinews_labels.load("claims", split)[1])
    pool = [
        i
        for i, r in enumerate(rows)
        if len(r["text"]) < 4000 and r["id"] not in used and len(number.findall(r["text"])) >= 2
    ]
    matching = [i for i in pool if pattern.search(rows[i]["title"])]
    others = [i for i in pool if not pattern.search(rows[i]["title"])]
    assert matching == [] and len(others) == 94
    picked = sorted(random.Random(20261204).sample(others, 20))
    _, held5 = wikinews_labels.load("claims", "heldout5")
    assert list(held5) == [rows[i]["id"] for i in picked]
    for kind in ("roles", "places"):
        assert list(wikinews_labels.load(kind, "heldout5")[1]) == list(held5)
