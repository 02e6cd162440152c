"""Structure recovery: the clean Article from HTML or from a page's saved text.

The two readers live in ``structure_html`` and ``structure_text``; both fill the same
fields (title, subtitle, authors, publisher, date, captions, credited source, language)
and list what they took out of the body in ``Article.removed`` with a reason.
"""

from __future__ import annotations

from .language import detect_language
from .structure_html import from_html
from .structure_text import from_page_text


def paragraphs_to_text(paragraphs: list[str]) -> str:
    """Our body convention: paragraphs separated by one blank line."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


__all__ = ["detect_language", "from_html", "from_page_text", "paragraphs_to_text"]
