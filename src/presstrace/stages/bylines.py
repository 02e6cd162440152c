"""Bylines as lists of people, and author self-descriptions ("I am Jane Roe, a ...").

Job titles and credentials (``byline_titles.txt``) and the words that open a byline
(``byline_leads.txt``) or a self-description (``author_bio_openers.txt``,
``author_bio_cues.txt``) are data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import Resources

_SPLIT = re.compile(r"\s*(?:;|,|\||&|•|·|\band\b|\by\b|\bet\b|\bund\b|\be\b)\s*")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.\-]*|de|da|del|van|von|der|den|la|le|di|du|dos|das)$")
_BIO_NAME = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w'’\-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.\-]+|de|da|del|van|von|der|la|di)){1,3})"
)
_PUB_TOKEN = r"(?:[A-Z][\w&'’\-]*(?:\.[a-z]{2,4}\b)?|\d+)"
_PUBLISHER = re.compile(
    r"\b(?:for|at|with|para|pour|für|per)\s+(?:the\s+)?"
    rf"(?P<pub>{_PUB_TOKEN}(?:\s+{_PUB_TOKEN}){{0,4}})"
)
_IN_PLACE = re.compile(r"\s+(?:in|en|à|a|aus|da|em)\s+.*$")
_DATE_CLAUSE = re.compile(
    r"\s+(?:(?:last\s+)?(?:updated|published|posted|reviewed)\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)


_TITLE_MODIFIERS = {"senior", "chief", "deputy", "associate", "assistant", "executive", "former"}
_CALENDAR = {
    *"jan feb mar apr may jun jul aug sep sept oct nov dec".split(),
    *"january february march april june july august september october november december".split(),
    *"mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday".split(),
    "updated",
    "sponsored",
    "published",
}
_GLUED_BY = re.compile(r"^(?:By|BY)(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class BylineLexicon:
    titles: frozenset[str]
    leads: tuple[str, ...]
    bio_openers: tuple[str, ...]
    bio_cues: re.Pattern[str]
    not_names: frozenset[str]
    honorifics: frozenset[str]
    # a byline lead standing alone as a label ("Written by", "Author:"), lower-cased
    labels: frozenset[str]


def lexicon(resources: Resources) -> BylineLexicon:
    memo = resources.memo
    lex = memo.get("bylines.lexicon")
    if lex is None:

        def longest_first(name: str) -> tuple[str, ...]:
            return tuple(sorted((p.lower() for p in resources.data_lines(name)), key=len)[::-1])

        cues = longest_first("author_bio_cues.txt")
        leads = longest_first("byline_leads.txt")
        lex = BylineLexicon(
            titles=frozenset(t.lower() for t in resources.data_lines("byline_titles.txt")),
            leads=leads,
            bio_openers=longest_first("author_bio_openers.txt"),
            bio_cues=re.compile("|".join(re.escape(c) for c in cues)),
            not_names=frozenset(w.lower() for w in resources.data_lines("byline_not_names.txt")),
            honorifics=frozenset(
                w.lower().rstrip(".") for w in resources.data_lines("honorifics.txt")
            ),
            labels=frozenset(leads),
        )
        memo["bylines.lexicon"] = lex
    return lex


def _is_title(part: str, lex: BylineLexicon) -> bool:
    """A job title or credential: every word is one ("Senior Staff Writer", "PhD")."""
    low = part.lower().strip(" .")
    if low in lex.titles:
        return True
    words = low.split()
    return all(w in lex.titles or w in _TITLE_MODIFIERS for w in words)


def _title_word(token: str, lex: BylineLexicon) -> bool:
    low = token.lower().strip(".,")
    return low in lex.titles or low in _TITLE_MODIFIERS


def cut_title(part: str, lex: BylineLexicon) -> str:
    """A name with its job title run on ("Jane Roe Senior Reporter") -> "Jane Roe".

    Bylines rendered from separate elements lose their comma; the title starts at the
    first capitalised title word after at least two name words. A part that opens with a title word
    other than a form of address ("Certified Sleep Consultant") is no name at all.
    """
    tokens = part.split()
    if (
        tokens
        and _title_word(tokens[0], lex)
        and tokens[0].lower().rstrip(".") not in (lex.honorifics)
    ):
        return ""
    for k in range(2, len(tokens)):
        if tokens[k][0].isupper() and _title_word(tokens[k], lex):
            # "Jane Roe Content Marketing Coordinator": a department before the title
            words = tokens[2:k]
            if len(words) >= 2 and all(w[0].isupper() and len(w) > 2 for w in words):
                k = 2
            return " ".join(tokens[:k])
    return part


def _drop_echo(part: str) -> str:
    """Avatar text run into the name: "JR Jane Roe" or "Jane Roe Jane Roe" -> "Jane Roe"."""
    tokens = part.split()
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:]:
        return " ".join(tokens[:half])
    if len(tokens) >= 3 and tokens[0].isupper() and 2 <= len(tokens[0]) <= 3:
        initials = "".join(t[0] for t in tokens[1 : 1 + len(tokens[0])])
        if initials.upper() == tokens[0]:
            return " ".join(tokens[1:])
    return part


def person_like(part: str) -> bool:
    """One to five capitalised words, no digits, dates or addresses: reads as a byline."""
    tokens = part.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in part) or "@" in part:
        return False
    if len(tokens) == 1 and (len(part) <= 2 or part.lower().strip(".") in _CALENDAR):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens) and tokens[0][0].isupper()


def strip_lead(text: str, lex: BylineLexicon) -> str | None:
    """The names after a byline lead ("By Jane Roe" -> "Jane Roe"), else None."""
    lower = text.lower()
    if lower.strip(" :") in lex.leads:
        return ""
    for lead in lex.leads:
        if lower.startswith(lead + " ") or lower.startswith(lead + ":"):
            return text[len(lead) + 1 :].strip(" :")
    return None


def people(byline: str, lex: BylineLexicon) -> list[str]:
    """The people a byline names, without "By", job titles or credentials."""
    text = _GLUED_BY.sub("", byline.strip())
    rest = strip_lead(text, lex)
    if rest is not None:
        text = rest
    out: list[str] = []
    for part in _SPLIT.split(text):
        part = _DATE_CLAUSE.sub("", _IN_PLACE.sub("", part.strip(" .:-–—()")))
        part = _drop_echo(part)
        while part.split() and part.split()[-1].lower().strip(".") in _CALENDAR:
            part = part.rsplit(" ", 1)[0] if " " in part else ""
        if not part or _is_title(part, lex):
            continue
        part = cut_title(part, lex)
        if not person_like(part) or part.lower() in lex.not_names:
            continue
        if out and " " not in part and part.isupper():
            # "Jane Roe, MD, FACP": credentials after the name
            continue
        if part not in out:
            out.append(part)
    return out


def byline_line(block: str, lex: BylineLexicon) -> list[str] | None:
    """The people named by a short byline line ("By Jane Roe and John Doe"), else None."""
    text = block.strip().strip("()")
    if len(text.split()) > 14:
        return None
    rest = strip_lead(text, lex)
    if rest is None:
        return None
    names = people(rest, lex)
    return names or None


def author_bio(
    block: str, lex: BylineLexicon, first_person_only: bool = False
) -> tuple[str, str | None] | None:
    """(name, publisher) of an author's self-description, else None.

    First person ("I am Jane Roe, a journalist ...") always counts; third person ("Jane
    Roe is a writer ...") only where the caller knows the block sits outside the article.
    """
    text = block.strip()
    if len(text) > 1200:
        return None
    lower = text.replace("’", "'").lower()
    if not lex.bio_cues.search(lower):
        return None
    name = None
    for opener in lex.bio_openers:
        if lower.startswith(opener + " "):
            m = _BIO_NAME.match(text[len(opener) + 1 :].lstrip())
            if m:
                name = m.group("name")
            break
    if name is None and not first_person_only:
        m = _BIO_NAME.match(text)
        if m and re.match(r"\s+(?:is|was)\s+an?\s", text[m.end() :]):
            name = m.group("name")
    if name is None:
        return None
    for m in _PUBLISHER.finditer(text):
        pub = m.group("pub")
        if any(t[0].isupper() for t in pub.split()) and name not in pub:
            return name, pub
    return name, None
