"""Synthetic content-farm pages: Wikinews articles with farm signals inserted, for recall.

How a page is made (deterministic, nothing stored): the first ``PAGES`` Wikinews articles
by id; page ``i`` receives three of the signal kinds below, chosen as ``KINDS[(3i + k) mod 8]`` for
k = 0, 1, 2 (so every kind lands on ``3 * PAGES / len(KINDS)`` pages), and the variant of each
kind is picked by ``i``. Signals are whole inserted paragraphs (a widget heading, a
persona, a "Source:" credit, a chatbot preamble, placeholder filler), a repeated headline,
or edits inside the body (two words glued together, a quote glued to the next word, a
stock phrase replaced by its spun version). Each insertion records its span in the final
text; a signal counts as found when a flag of its code overlaps that span.

The spun and chatbot variants here are written independently of the phrase lists in
``presstrace/data`` (some are not in them), so recall is not true by construction.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from evals.shared import evaldata

PAGES = 48
KINDS = (
    "placeholder_text",
    "template_leftover",
    "persona_bio",
    "republished_content",
    "duplicated_title",
    "machine_translation_artifacts",
    "spun_text",
    "chatbot_leftover",
)
PLACEHOLDERS = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
    "Lorem ipsum dolor sit amet.",
    "Your content goes here. Edit or delete it, then start writing!",
)
HEADINGS = ("Related Posts", "Hot News", "You May Also Like", "Recent Posts", "Trending Now")
PERSONAS = (
    "I am {name}, a passionate reporter with a keen interest in world affairs and politics.",
    "Hi, I'm {name}, an avid writer with over ten years of experience in digital media.",
    "My name is {name}, a dedicated news writer who covers politics and the economy.",
)
NAMES = ("Clara Benton", "Owen Marsh", "Priya Solberg", "Dylan Ortega")
OUTLETS = ("El Diario Central", "The Northern Ledger", "Radio Meridian", "Gazeta Polska Dziś")
CHATBOT = (
    "Certainly! Here is the rewritten article:",
    "As an AI language model, I cannot verify events after my knowledge cutoff.",
    "Here's a rewritten version of the news story in a neutral tone:",
    "I'm sorry, but I cannot browse the internet for the latest figures.",
)
SPUN = (
    "Officials at the Ministry of Protection declined to comment.",
    "Analysts said synthetic intelligence tools played a part.",
    "A spokesperson for the White Home did not respond.",
    "The case may still reach the Supreme Courtroom, lawyers said.",
)
_GLUE_SITE = re.compile(r"\b([A-Z][a-z]{3,}) (both|the|and|of|in|for|with|from)\b")
_QUOTE_SITE = re.compile(r"[.,]” ([A-Z][a-z]+)")


@dataclass(frozen=True)
class Signal:
    kind: str
    start: int
    end: int


@dataclass
class FarmPage:
    title: str
    text: str
    signals: list[Signal]


def _wikinews() -> list[dict[str, str]]:
    path = evaldata("wikinews") / "articles.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return sorted(rows, key=lambda r: r["id"])


def _articles() -> list[dict[str, str]]:
    rows = [r for r in _wikinews() if len(r.get("text") or "") > 600 and r.get("title")]
    return rows[:PAGES]


def _edit(text: str, i: int, kind: str) -> tuple[str, tuple[int, int] | None]:
    """Apply an in-body edit; returns new text and the edited span (None: no site found)."""
    if kind == "machine_translation_artifacts":
        m = _QUOTE_SITE.search(text) if i % 2 else None
        if m:
            cut = m.start() + 2
            return text[:cut] + text[cut + 1 :], (m.start(), m.end() - 1)
        m = _GLUE_SITE.search(text)
        if m:
            cut = m.start() + len(m.group(1))
            return text[:cut] + text[cut + 1 :], (m.start(), m.end() - 1)
    return text, None


def make_page(row: dict[str, str], i: int) -> FarmPage:
    kinds = [KINDS[(3 * i + k) % len(KINDS)] for k in range(3)]
    # In-body edits first, so they never land inside an inserted paragraph.
    kinds.sort(key=lambda k: k not in ("machine_translation_artifacts", "spun_text"))
    paras = [p for p in row["text"].split("\n\n") if p.strip()]
    title = row["title"]
    text = "\n\n".join(paras)
    signals: list[Signal] = []

    def append(kind: str, para: str, at_start: bool = False) -> None:
        nonlocal text, signals
        if at_start:
            shift = len(para) + 2
            signals = [Signal(s.kind, s.start + shift, s.end + shift) for s in signals]
            text = para + "\n\n" + text
            signals.append(Signal(kind, 0, len(para)))
        else:
            text = text + "\n\n" + para
            signals.append(Signal(kind, len(text) - len(para), len(text)))

    for kind in kinds:
        if kind == "machine_translation_artifacts":
            text, span = _edit(text, i, kind)
            if span:
                signals.append(Signal(kind, *span))
        elif kind == "spun_text":
            sentence = SPUN[i % len(SPUN)]
            text = text + " " + sentence
            signals.append(Signal(kind, len(text) - len(sentence), len(text)))
        elif kind == "placeholder_text":
            append(kind, PLACEHOLDERS[i % len(PLACEHOLDERS)])
        elif kind == "template_leftover":
            append(kind, HEADINGS[i % len(HEADINGS)])
        elif kind == "persona_bio":
            append(kind, PERSONAS[i % len(PERSONAS)].format(name=NAMES[i % len(NAMES)]))
        elif kind == "republished_content":
            append(kind, f"Source: {OUTLETS[i % len(OUTLETS)]}")
        elif kind == "duplicated_title":
            append(kind, title, at_start=True)
        elif kind == "chatbot_leftover":
            append(kind, CHATBOT[i % len(CHATBOT)], at_start=True)
    return FarmPage(title, text, signals)


def farm_pages() -> list[FarmPage]:
    return [make_page(row, i) for i, row in enumerate(_articles())]


def farm_recall() -> dict[str, float]:
    """Recall per signal kind over the synthetic pages, plus ``quiet_originals``: the share of
    all Wikinews articles, untouched, with no flag of severity warning or above."""
    from presstrace import Resources
    from presstrace.records import Article
    from presstrace.stages.flags import at_least, find_flags

    resources = Resources()
    found: dict[str, list[bool]] = defaultdict(list)
    for page in farm_pages():
        article = Article(title=page.title, text=page.text, language="en")
        flags = find_flags(article, resources)
        for s in page.signals:
            found[s.kind].append(
                any(
                    f.code == s.kind
                    and f.start is not None
                    and f.end is not None
                    and f.start < s.end
                    and s.start < f.end
                    for f in flags
                )
            )
    out = {kind: sum(v) / len(v) for kind, v in sorted(found.items())}
    originals = _wikinews()
    loud = 0
    for row in originals:
        article = Article(title=row["title"], text=row["text"], language="en")
        loud += any(at_least(f.severity, "warning") for f in find_flags(article, resources))
    out["quiet_originals"] = 1 - loud / len(originals)
    return out
