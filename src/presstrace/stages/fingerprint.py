"""Fingerprint stage: what the corpus copy job needs from each article, in any language.

A MinHash of word 3-gram shingles finds near-verbatim and lightly edited copies through
LSH buckets; the language-independent anchors (numbers, dates, capitalised names, quoted
words) in text order find translations and same-story pairs through an anchor index.
Entities are used when an earlier stage found them (English); the stage runs without them
for every language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..corpus import features
from ..pipeline import register
from ..records import Article, Entity, Fingerprint
from ..resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc


NAME_LABELS = frozenset({"PERSON", "ORG", "PLACE"})


def fingerprint_of(
    text: str, language: str | None, resources: Resources, entities: tuple[Entity, ...] = ()
) -> Fingerprint:
    """MinHash and anchors of ``text``; names the entities stage found (at a sentence
    start, say, where the capital-letter rule cannot tell a name) join the anchors."""
    words = [t.norm for t in features.tokens(text)]
    found = {(a.start, a.key) for a in features.anchors(text, resources)}
    for e in entities:
        if e.label in NAME_LABELS:
            for t in features.tokens(e.text):
                if not t.norm.isdigit():
                    found.add((e.start + t.start, "c:" + t.norm))
    return Fingerprint(
        minhash=features.minhash_values(features.shingles(words)),
        anchors=tuple(key for _, key in sorted(found)),
        language=language,
    )


@register("fingerprint", 1, requires={"text"}, provides={"fingerprint"}, english_only=False)
def fingerprint(article: Article, doc: Doc | None, resources: Resources) -> Article:
    fp = fingerprint_of(article.text, article.language, resources, article.entities)
    return article.evolve(fingerprint=fp)
