"""Phrase lists kept as data files, compiled once into one word-bounded regex each.

A list is ``data/NAME`` with one phrase per line, optionally ``phrase | note`` (what a spun
phrase replaced, what a calque translates). Matching ignores case, runs of white space and
the difference between ' and ’, so a list written plainly finds typeset text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .resources import Resources


@dataclass(frozen=True)
class PhraseList:
    """A data file of phrases compiled into one case-insensitive, word-bounded pattern."""

    pattern: re.Pattern[str] | None
    notes: dict[str, str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.pattern else iter(())

    def note(self, matched: str) -> str | None:
        return self.notes.get(fold(matched))


def fold(s: str) -> str:
    """Case-, space- and apostrophe-insensitive key of a phrase."""
    return " ".join(s.replace("’", "'").split()).lower()


def phrase_list(resources: Resources, name: str) -> PhraseList:
    """Compile ``data/name`` (lines ``phrase`` or ``phrase | note``), memoised."""
    key = f"phrases.{name}"
    if key not in resources.memo:
        notes: dict[str, str] = {}
        for line in resources.data_lines(name):
            phrase, _, note = line.partition("|")
            notes[fold(phrase)] = note.strip()
        alts = sorted(notes, key=len, reverse=True)
        body = "|".join(_phrase_regex(p) for p in alts)
        pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if alts else None
        resources.memo[key] = PhraseList(pattern, notes)
    compiled: PhraseList = resources.memo[key]
    return compiled


def _phrase_regex(phrase: str) -> str:
    parts = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
    return r"\s+".join(parts)
