"""The language of an article: the page's own declaration first, else a classifier."""

from __future__ import annotations

import re

_CODE = re.compile(r"^[a-zA-Z]{2,3}\b")


def normalise_code(code: str | None) -> str | None:
    """ "en-GB" / "EN_us" / "fra" -> "en" / "en" / "fra"; junk -> None."""
    m = _CODE.match((code or "").strip())
    return m.group(0).lower() if m else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for too little text."""
    sample = text[:5000]
    if len(sample.strip()) < 20:
        return None
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang)
