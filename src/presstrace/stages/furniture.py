"""Page furniture the markup names: containers whose class or id says what they are.

Both extractors keep some boxes inside the article column (a carousel of other stories,
the author box under the piece, an affiliate disclosure, a sign-up box). Their
``class``/``id`` words ("author-bio", "swiper-slide") name them; the words and the reason
each one gives are a data file (``furniture_classes.txt``). A container that holds half
the body or more is the article's own wrapper, whatever its name, and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..resources import Resources

MAX_SHARE = 0.5  # of the body's words a furniture container may hold
SUBSTRING_WORDS = 8  # a shorter line must equal a container's text, not just occur in it

_LETTERS = re.compile(r"[a-z]+")
_WORD = re.compile(r"\w+")
# boxes are block containers; links, spans and icons inside them are not looked at one by one
_BOX_TAGS = (
    "div",
    "section",
    "aside",
    "footer",
    "ul",
    "li",
    "p",
    "figure",
    "form",
    "span",
    "details",
)


@dataclass(frozen=True, slots=True)
class Container:
    key: str  # the container's words, lower-case, one space apart
    reason: str


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def class_words(resources: Resources) -> dict[str, str]:
    """Class/id word -> reason, from ``furniture_classes.txt``."""
    memo = resources.memo
    words: dict[str, str] | None = memo.get("furniture.classes")
    if words is None:
        words = dict(line.split() for line in resources.data_lines("furniture_classes.txt"))
        memo["furniture.classes"] = words
    return words


def _any_word(resources: Resources) -> re.Pattern[str]:
    memo = resources.memo
    pattern: re.Pattern[str] | None = memo.get("furniture.any")
    if pattern is None:
        pattern = re.compile("|".join(map(re.escape, class_words(resources))))
        memo["furniture.any"] = pattern
    return pattern


def containers(tree: Any, body_words: int, resources: Resources) -> tuple[Container, ...]:
    """The named furniture containers of the page, outermost first, none inside another."""
    words = class_words(resources)
    out: list[Container] = []
    taken: set[Any] = set()
    anywhere = _any_word(resources)
    for el in tree.iter(*_BOX_TAGS):
        cls, ident = el.get("class"), el.get("id")
        if not (cls or ident):
            continue
        label = f"{cls} {ident}".lower()
        if not anywhere.search(label):  # a cheap test before splitting into words
            continue
        reason = next((words[w] for w in _LETTERS.findall(label) if w in words), None)
        if reason is None or (taken and any(a in taken for a in el.iterancestors())):
            continue
        key = _key(" ".join(el.itertext()))
        if key and len(key.split()) < MAX_SHARE * body_words:
            out.append(Container(key, reason))
            taken.add(el)
    return tuple(out)


def reason_for(line: str, found: tuple[Container, ...]) -> str | None:
    """Why ``line`` is furniture: it is (or, when long enough, lies in) a named container."""
    key = _key(line)
    if not key:
        return None
    long_enough = len(key.split()) >= SUBSTRING_WORDS
    for c in found:
        if key == c.key or (long_enough and f" {key} " in f" {c.key} "):
            return c.reason
    return None
