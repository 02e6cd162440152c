"""What copy detection sees in a text: words, sentences, shingles and anchors, with offsets.

Words are ``\\w+`` runs (any script), so the same code serves English, Spanish and Urdu.
Anchors are the parts of a text that survive translation: numbers (digits of any script,
separators dropped), month names (mapped to their number), capitalised names (accents
stripped, lower-cased) and short quoted phrases. Each anchor keeps its offset so aligned
anchors can be turned into aligned passages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..resources import Resources

# Letters and digits of any script, with the combining marks (Arabic harakat, Indic vowel
# signs, Latin accents in decomposed text) that ``\w`` alone would split words at.
WORD = re.compile(
    r"(?:\w|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    r"\u0900-\u0903\u093a-\u094f\u0962\u0963\u200c\u200d])+"
)
# Sentence ends: Latin punctuation, the Urdu full stop, the Devanagari danda, CJK stops,
# and paragraph breaks.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’»)\]]*\s+|(?<=[۔।。！？])[\"'”’»)\]]*\s*|\n\s*\n")
NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c\u00a0 ]\d{3})*(?:[.,\u066b]\d+)?")
QUOTED = re.compile(r"[“\"«„]([^“”\"«»„\n]{2,60})[”\"»“]")
NUM_PERM = 128
SHINGLE = 3


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    norm: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    key: str


def fold(s: str) -> str:
    """Lower-case without accents: "García" and "Garcia" are the same name."""
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]


def sentences(text: str) -> list[Sentence]:
    """Sentences with offsets (trimmed), each with its folded words."""
    out: list[Sentence] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        _add_sentence(text, start, m.start(), out)
        start = m.end()
    _add_sentence(text, start, len(text), out)
    return out


def _add_sentence(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        words = tuple(fold(w) for w in WORD.findall(text[start:end]))
        if words:
            out.append(Sentence(start, end, words))


def shingles(words: Sequence[str], n: int = SHINGLE) -> set[str]:
    """Word n-grams joined by spaces; a short text is one shingle of all its words."""
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def minhash_values(shingle_set: set[str], num_perm: int = NUM_PERM) -> tuple[int, ...]:
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm)
    m.update_batch(s.encode("utf-8") for s in sorted(shingle_set))
    return tuple(int(v) for v in m.hashvalues)


def month_table(resources: Resources) -> dict[str, str]:
    memo = resources.memo
    if "features.months" not in memo:
        data = resources.data_json("months.json")
        memo["features.months"] = {
            name: month
            for month, names in data.items()
            if not month.startswith("_")
            for name in names
        }
    table: dict[str, str] = memo["features.months"]
    return table


def number_key(raw: str) -> str:
    """Digits of any script, separators dropped: "2,300", "2.300" and "۲۳۰۰" agree."""
    digits = "".join(
        str(unicodedata.digit(c)) for c in raw if unicodedata.digit(c, None) is not None
    )
    return "n:" + (digits.lstrip("0") or "0")


def anchors(text: str, resources: Resources) -> list[Anchor]:
    """Language-independent anchors in text order."""
    months = month_table(resources)
    found: list[Anchor] = []
    for m in NUMBER.finditer(text):
        found.append(Anchor(m.start(), m.end(), number_key(m.group())))
    sentence_starts = {s.start for s in sentences(text)}
    for m in WORD.finditer(text):
        word = m.group()
        folded = fold(word)
        if folded in months and (len(word) > 3 or word[:1].isupper()):
            found.append(Anchor(m.start(), m.end(), "m:" + months[folded]))
        elif (
            len(word) > 1
            and word[0].isupper()
            and not word.isdigit()
            and m.start() not in sentence_starts
            and not _after_quote_open(text, m.start(), sentence_starts)
        ):
            found.append(Anchor(m.start(), m.end(), "c:" + folded))
    for m in QUOTED.finditer(text):
        inner = m.group(1).strip()
        if 1 <= len(inner.split()) <= 4:
            found.append(Anchor(m.start(1), m.end(1), "q:" + " ".join(WORD.findall(fold(inner)))))
    found.sort(key=lambda a: (a.start, a.key))
    return found


def _after_quote_open(text: str, pos: int, sentence_starts: set[int]) -> bool:
    """A capital right after an opening quote at a sentence start is not a name."""
    i = pos - 1
    while i >= 0 and text[i] in "“\"«„'‘(":
        i -= 1
    return i < pos - 1 and (i + 1) in sentence_starts


def in_order_matches(a: Sequence[str], b: Sequence[str], cap: int = 400) -> list[tuple[int, int]]:
    """Index pairs of the longest common subsequence of two key sequences (the first
    ``cap`` of each): the anchors two texts share in the same order."""
    a, b = a[:cap], b[:cap]
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if a[i] == b[j] else max(below[j], row[j + 1])
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append((i, j))
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out
