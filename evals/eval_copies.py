"""Copy detection on pairs built from Wikinews: syndicated, spun, same story, unrelated.

Syndicated copies get a byline, a wire dateline and a share footer, and lose their last
paragraph; spun copies swap words by the table in ``data/spin_synonyms.tsv`` (the kind of
substitution content farms make); same-story pairs are the articles of one Wikinews
same-event group (follow-ups written separately); unrelated pairs are random articles.
Scores: copy-vs-not F1 and accuracy over the four relations.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path
from typing import Any

from evals.shared import evaldata

NAME = "copies"
SAMPLE = 40  # syndicated, spun and unrelated pairs each


def _synonyms() -> dict[str, str]:
    path = Path(__file__).with_name("data") / "spin_synonyms.tsv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, repl = line.split("\t")
            table[word] = repl
    return table


def spin(text: str, table: dict[str, str]) -> str:
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, table)) + r")\b", re.IGNORECASE)

    def swap(m: re.Match[str]) -> str:
        repl = table[m.group().lower()]
        return repl[:1].upper() + repl[1:] if m.group()[:1].isupper() else repl

    return pattern.sub(swap, text)


def syndicate(text: str) -> str:
    paras = text.split("\n\n")
    if len(paras) > 4:
        paras = paras[:-1]
    paras[0] = "(Newswire) — " + paras[0]
    return "By Staff Writer\n\n" + "\n\n".join(paras) + "\n\nShare this: Facebook Twitter Email"


def pairs() -> list[tuple[str, str, str]]:
    base = evaldata("wikinews")
    arts = {
        a["id"]: a
        for a in (json.loads(x) for x in (base / "articles.jsonl").read_text().splitlines() if x)
    }
    groups = json.loads((base / "story_groups.json").read_text())
    grouped = {a["id"] for g in groups for a in g["articles"]}
    rnd = random.Random(11)
    loose = sorted(i for i in arts if i not in grouped)
    table = _synonyms()
    out: list[tuple[str, str, str]] = []
    for i in rnd.sample(loose, SAMPLE):
        out.append(("syndicated", arts[i]["text"], syndicate(arts[i]["text"])))
    for i in rnd.sample(loose, SAMPLE):
        out.append(("rewritten", arts[i]["text"], spin(arts[i]["text"], table)))
    for g in groups:
        if g["kind"] == "same_event":
            for x, y in itertools.combinations(g["articles"], 2):
                out.append(("same_story", arts[x["id"]]["text"], arts[y["id"]]["text"]))
    for _ in range(SAMPLE):
        x, y = rnd.sample(loose, 2)
        out.append(("unrelated", arts[x]["text"], arts[y]["text"]))
    return out


def run() -> dict[str, Any]:
    from presstrace import Resources
    from presstrace.corpus.copies import COPY_RELATIONS, compare

    res = Resources()
    tp = fp = fn = right = 0
    made = pairs()
    for expected, a, b in made:
        got = compare(a, b, resources=res).relation
        right += got == expected
        is_copy, should = got in COPY_RELATIONS, expected in COPY_RELATIONS
        tp += is_copy and should
        fp += is_copy and not should
        fn += should and not is_copy
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"copy_f1": f1, "relation_accuracy": right / len(made)}
