"""Entities stage: spaCy NER mapped onto presstrace's labels.

GPE, LOC and FAC become PLACE; PERSON and ORG are kept; of spaCy's other labels we
keep the ones a fact-checker filters on (DATE, MONEY, NORP, EVENT, LAW).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..pipeline import register
from ..records import Article, Entity
from ..resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
    "DATE": "DATE",
    "MONEY": "MONEY",
    "EVENT": "EVENT",
    "LAW": "LAW",
}


@register("entities", 1, requires={"doc"}, provides={"entities"}, english_only=True)
def entities(article: Article, doc: Doc | None, resources: Resources) -> Article:
    assert doc is not None
    found = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        text = article.text[ent.start_char : ent.end_char]
        found.append(Entity(ent.start_char, ent.end_char, text, label, text.strip()))
    return article.evolve(entities=tuple(found))
