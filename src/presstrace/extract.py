"""From a reader's Document to an Article: guards first, then structure recovery.

Every content problem (empty, binary, too large, no body) ends here as an error
record on the Article; nothing in this module raises on bad content.
"""

from __future__ import annotations

from . import errors
from .encoding import check_bytes, clean_text, decode
from .records import Article, Document
from .resources import Resources
from .stages import structure


def extract_document(document: Document, resources: Resources) -> Article:
    base = Article(input=document.source, url=document.url, crawled=document.crawled)
    if document.error is not None:
        return base.evolve(errors=(document.error,))
    problem = check_bytes(document.data, resources.settings.max_input_bytes)
    if problem is not None:
        return base.evolve(errors=(problem,))
    raw = clean_text(decode(document.data, document.charset, html=document.kind == "html"))
    if document.kind == "plain":
        article = base.evolve(
            text=raw,
            title=document.title,
            published=document.published,
            language=structure.detect_language(raw),
        )
    elif document.kind == "text":
        article = structure.from_page_text(raw, base, resources)
    else:
        article = structure.from_html(raw, base, resources)
    if not article.text.strip() and not article.errors:
        article = article.with_error(errors.NO_BODY, "no article body was found in the page")
    limit = resources.settings.max_text_chars
    if len(article.text) > limit:
        article = article.with_error(
            errors.TOO_LARGE,
            f"the body is {len(article.text):,} characters; the limit is {limit:,}",
        )
    return article
