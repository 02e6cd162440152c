"""Structure recovery: the clean Article from HTML or from a page's saved text.

HTML goes through trafilatura (body and metadata); saved page text is split into
paragraphs with the first line as the title.
"""

from __future__ import annotations

import re

from ..records import Article
from ..resources import Resources

_BLANKS = re.compile(r"\n\s*\n+")


def paragraphs_to_text(paragraphs: list[str]) -> str:
    """Our body convention: paragraphs separated by one blank line."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for too little text."""
    sample = text[:5000]
    if len(sample.strip()) < 20:
        return None
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang)


def from_page_text(raw: str, base: Article, resources: Resources) -> Article:
    """A first version: paragraphs, and the first line as title."""
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return base
    title, body = lines[0], lines[1:]
    text = paragraphs_to_text(body)
    return base.evolve(title=title, text=text, language=detect_language(text))


def from_html(raw: str, base: Article, resources: Resources) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        raw,
        url=base.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    if doc is None:
        return base
    paras = [p for p in (doc.text or "").split("\n")]
    if paras and doc.title and paras[0].strip() == doc.title.strip():
        paras = paras[1:]
    text = paragraphs_to_text(paras)
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    language = doc.language or detect_language(text)
    return base.evolve(
        url=base.url or doc.url,
        title=doc.title,
        authors=authors,
        publisher=doc.sitename,
        published=doc.date,
        language=language,
        text=text,
    )
