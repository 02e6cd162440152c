"""Blocks that belong to the page, not the article: templates, filler, menus, notices.

The phrase lists are data files (``template_phrases.txt``, ``placeholder_phrases.txt``,
``navigation_phrases.txt``, ``notice_phrases.txt``, ``footer_phrases.txt``,
``disclosure_phrases.txt``, ``signup_phrases.txt``, ``disclaimer_phrases.txt``) so other
stages (flags) read the same words, and a language is added without touching code.
A block is removed with the reason that names what it is; the reasons are the stable
strings below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import Resources

TEMPLATE = "template"
PLACEHOLDER = "placeholder"
NAVIGATION = "navigation"
NOTICE = "notice"
FOOTER = "footer"
AUTHOR_BIO = "author_bio"
BYLINE = "byline"
CREDIT = "credit"
HEADER = "header"
CAPTION = "caption"
TITLE = "title"
DUPLICATE_TITLE = "duplicate_title"
SUBTITLE = "subtitle"
COMMENTS = "comments"
REPEATED = "repeated_block"
SIGNUP = "signup"

# a run of this many paragraphs, opened by one this long, carrying this share of the body
RUN_PARAGRAPHS = 3
RUN_OPENER_WORDS = 8
RUN_SHARE = 0.25
# sign-up boxes and their consent lines; site disclaimers (longer: legal text runs on)
SIGNUP_WORDS = 70
DISCLAIMER_WORDS = 150
_WORD = re.compile(r"\w+")

_KEY_STRIP = re.compile(r"[\s:：.…»›>|•·\-–—]+$")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)。！？」』]\s*$")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The phrase lists, compiled once per process (held in ``resources.memo``)."""

    template: frozenset[str]
    navigation: frozenset[str]
    placeholder: re.Pattern[str]
    notice: re.Pattern[str]
    footer: re.Pattern[str]
    disclosure: re.Pattern[str]
    signup: re.Pattern[str]
    disclaimer: re.Pattern[str]


def phrase_key(block: str) -> str:
    """The block as compared with the phrase lists: lower-case, one space, no end marks."""
    key = _SPACES.sub(" ", block.replace("’", "'")).strip().lower()
    return _KEY_STRIP.sub("", key)


def _any_of(phrases: list[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(p.lower()) for p in phrases), key=len, reverse=True)
    return re.compile("|".join(alts))


def _footer_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Phrases written "^word" must open the block (after stray marks); others go anywhere."""
    anchored = [re.escape(p[1:].lower()) for p in phrases if p.startswith("^")]
    anywhere = [re.escape(p.lower()) for p in phrases if not p.startswith("^")]
    alts = [rf"^[\W_]*(?:{'|'.join(anchored)})"] if anchored else []
    alts += anywhere
    return re.compile("|".join(alts))


def lexicon(resources: Resources) -> Lexicon:
    memo = resources.memo
    lex = memo.get("boilerplate.lexicon")
    if lex is None:
        lex = Lexicon(
            template=frozenset(phrase_key(p) for p in resources.data_lines("template_phrases.txt")),
            navigation=frozenset(
                phrase_key(p) for p in resources.data_lines("navigation_phrases.txt")
            ),
            placeholder=_any_of(resources.data_lines("placeholder_phrases.txt")),
            notice=_any_of(resources.data_lines("notice_phrases.txt")),
            footer=_footer_pattern(resources.data_lines("footer_phrases.txt")),
            disclosure=_any_of(resources.data_lines("disclosure_phrases.txt")),
            signup=_any_of(resources.data_lines("signup_phrases.txt")),
            disclaimer=_any_of(resources.data_lines("disclaimer_phrases.txt")),
        )
        memo["boilerplate.lexicon"] = lex
    return lex


def word_count(block: str) -> int:
    """Words split on spaces; scripts written without spaces count two characters a word."""
    return max(len(block.split()), len(_UNSPACED.findall(block)) // 2)


def classify(block: str, lex: Lexicon) -> str | None:
    """The reason this block is page furniture, or None when it may be article text."""
    lower = block.replace("’", "'").lower()
    if lex.placeholder.search(lower):
        return PLACEHOLDER
    words = word_count(block)
    key = phrase_key(block)
    if key in lex.template:
        return TEMPLATE
    if key in lex.navigation:
        return NAVIGATION
    if words <= 30 and lex.notice.search(lower):
        return NOTICE
    if words <= 25 and lex.footer.search(lower):
        return FOOTER
    if words <= SIGNUP_WORDS and lex.signup.search(lower):
        return SIGNUP
    return None


DISCLOSURE_WORDS = 60


def is_disclosure(block: str, lex: Lexicon) -> bool:
    """An affiliate or editorial disclosure ("we may earn a commission"). Only the caller
    knows where the block sits: at the body's edges it is the site's, inside the article
    it may be what the article is about."""
    return word_count(block) <= DISCLOSURE_WORDS and bool(
        lex.disclosure.search(block.replace("’", "'").lower())
    )


def is_disclaimer(block: str, lex: Lexicon) -> bool:
    """A site's legal, medical or financial disclaimer ("for informational purposes only").
    Like a disclosure, only at the body's edges: inside the article the same words may be
    a quoted statement (WCXB dev: anywhere lost two more pages than at the edges)."""
    return word_count(block) <= DISCLAIMER_WORDS and bool(
        lex.disclaimer.search(block.replace("’", "'").lower())
    )


def is_link_line(block: str) -> bool:
    """A short line that reads like a headline or a menu item, not a sentence."""
    return word_count(block) <= 16 and len(block) <= 140 and not block.rstrip().endswith(".")


def is_sentence(block: str) -> bool:
    return bool(_SENTENCE_END.search(block))


def repeated_runs(paragraphs: list[str]) -> set[int]:
    """Indexes of paragraphs that repeat an earlier run of the body, in the same order.

    Responsive pages print the article two or three times (desktop, tablet and mobile
    copies) and the extractors keep every copy. A copy is a run of at least
    ``RUN_PARAGRAPHS`` paragraphs, opened by one of ``RUN_OPENER_WORDS`` words or more,
    that carries ``RUN_SHARE`` of the body's words; a single repeated line (a table row,
    the same warm-up in every week of a training plan) is the article's own and stays.
    """
    keys = [" ".join(_WORD.findall(p.lower())) for p in paragraphs]
    total = sum(len(k.split()) for k in keys) or 1
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        first.setdefault(k, i)
    drop: set[int] = set()
    i = 0
    while i < len(keys):
        j = first[keys[i]]
        if j < i and len(keys[i].split()) >= RUN_OPENER_WORDS:
            n = 0
            while i + n < len(keys) and j + n < i and keys[j + n] == keys[i + n]:
                n += 1
            words = sum(len(keys[i + t].split()) for t in range(n))
            if n >= RUN_PARAGRAPHS and words >= RUN_SHARE * total:
                drop.update(range(i, i + n))
                i += n
                continue
        i += 1
    return drop
