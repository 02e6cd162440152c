"""Fingerprint stage: what the corpus copy job needs from each article, in any language.

A MinHash of word 3-gram shingles finds near-verbatim and lightly edited copies through
LSH buckets; the language-independent anchors (numbers, dates, capitalised names, quoted
words) in text order find translations and same-story pairs through an anchor index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..corpus import features
from ..pipeline import register
from ..records import Article, Fingerprint
from ..resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc


def fingerprint_of(text: str, language: str | None, resources: Resources) -> Fingerprint:
    words = [t.norm for t in features.tokens(text)]
    return Fingerprint(
        minhash=features.minhash_values(features.shingles(words)),
        anchors=tuple(a.key for a in features.anchors(text, resources)),
        language=language,
    )


@register("fingerprint", 1, requires={"text"}, provides={"fingerprint"}, english_only=False)
def fingerprint(article: Article, doc: Doc | None, resources: Resources) -> Article:
    return article.evolve(fingerprint=fingerprint_of(article.text, article.language, resources))
