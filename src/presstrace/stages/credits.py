"""Who the article and its pictures are credited to.

Three shapes, all read from data files (``credit_leads.txt``, ``news_agencies.txt``,
``photo_credit_leads.txt``): a line that credits a source ("Source: X", "With
information from X", "— AFP"); a dateline that names an agency ("VALDORA, Spain (CPA) —",
"(Reuters) -"); and a photo credit at the end of a caption ("... MICHAEL REYNOLDS | EFE",
"Photo: Jane Roe/AFP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import Resources

_DASHES = "–—‐-"
_DASH_CLASS = r"\-–—‐"
_TRIM = " \t.,;:()[]" + _DASHES


@dataclass(frozen=True, slots=True)
class CreditLexicon:
    leads: tuple[str, ...]
    agencies: frozenset[str]
    line_agency: re.Pattern[str]
    dateline: re.Pattern[str]
    trailing_agency: re.Pattern[str]
    photo: re.Pattern[str]


def lexicon(resources: Resources) -> CreditLexicon:
    memo = resources.memo
    lex = memo.get("credits.lexicon")
    if lex is None:
        leads = tuple(
            sorted(
                (p.lower() for p in resources.data_lines("credit_leads.txt")), key=len, reverse=True
            )
        )
        agencies = resources.data_lines("news_agencies.txt")
        agency_alt = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
        photo_alt = "|".join(
            re.escape(p)
            for p in sorted(resources.data_lines("photo_credit_leads.txt"), key=len)[::-1]
        )
        lex = CreditLexicon(
            leads=leads,
            agencies=frozenset(a.lower() for a in agencies),
            # "— AFP", "(Reuters)", "AFP/dpa", "-- CPA --": the whole line is the credit
            line_agency=re.compile(
                rf"^(?:[\s{_DASH_CLASS}(]*(?P<src>(?:{agency_alt})"
                rf"(?:\s*[/,]\s*(?:{agency_alt}))*)[\s{_DASH_CLASS})]*"
                rf"|[{_DASH_CLASS}]+\s*(?P<wire>[A-Z]{{2,6}})\s*[{_DASH_CLASS}]+)$"
            ),
            # "CITY, Country (AGENCY) —" or "(AGENCY) -" opening the first paragraph
            dateline=re.compile(
                rf"^(?:[A-ZÀ-Þ][^\n()]{{0,80}}?\s)?\((?P<src>(?:{agency_alt}|[A-Z]{{2,6}})"
                rf"(?:\s*[/,]\s*(?:{agency_alt}|[A-Z]{{2,6}}))*)\)\s*[{_DASH_CLASS}]+\s"
            ),
            # "... strengthening. — AFP" or "(AFP)" closing the last paragraph
            trailing_agency=re.compile(
                rf"(?:\s[{_DASH_CLASS}]+\s*|\s\()(?P<src>(?:{agency_alt})"
                rf"(?:\s*[/,]\s*(?:{agency_alt}))*)\)?\s*$"
            ),
            photo=re.compile(
                rf"[\s(\[|]*(?:{photo_alt})(?:\s*:|\s+by\b|\s+de\b|\s+von\b|\s+di\b)\s*"
                rf"(?P<credit>[^()\[\]\n]{{2,80}}?)[)\]]?\s*$",
                re.IGNORECASE,
            ),
        )
        memo["credits.lexicon"] = lex
    return lex


def credit_line(block: str, lex: CreditLexicon) -> str | None:
    """The source a short credit line names ("Source: La Voz", "— AFP"), else None."""
    text = block.strip()
    if len(text.split()) > 20:
        return None
    lower = text.lower()
    for lead in lex.leads:
        if lower.startswith(lead):
            rest = text[len(lead) :].strip(_TRIM)
            if rest and (lead.endswith(":") or len(rest.split()) <= 6):
                return rest
    m = lex.line_agency.match(text)
    if m and any(c in text for c in "()" + _DASHES):
        return (m.group("src") or m.group("wire")).strip()
    return None


def dateline_source(paragraph: str, lex: CreditLexicon) -> str | None:
    """The agency named in a dateline that opens a paragraph, else None."""
    m = lex.dateline.match(paragraph)
    return m.group("src").strip() if m else None


def trailing_source(paragraph: str, lex: CreditLexicon) -> str | None:
    """The agency signed at the end of the last paragraph ("... — AFP"), else None."""
    m = lex.trailing_agency.search(paragraph)
    return m.group("src").strip() if m else None


_CAPS_TOKEN = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]*$|^[A-Z]\.$")


def split_photo_credit(text: str, lex: CreditLexicon) -> tuple[str, str | None]:
    """A caption and the photo credit at its end: ("Kirby speaks", "MICHAEL REYNOLDS | EFE")."""
    text = text.strip()
    m = lex.photo.search(text)
    if m and m.start() > 0:
        return text[: m.start()].strip(), m.group("credit").strip()
    if "|" in text:
        left, _, right = text.rpartition("|")
        right = right.strip()
        tokens = left.split()
        caps: list[str] = []
        while tokens and _CAPS_TOKEN.match(tokens[-1]):
            caps.insert(0, tokens.pop())
        if right and len(right.split()) <= 4 and tokens and (caps or len(left.split()) <= 4):
            credit = " ".join(caps) + " | " + right if caps else right
            return " ".join(tokens), credit
    tokens = text.split()
    if tokens and "/" in tokens[-1] and _CAPS_TOKEN.match(tokens[-1].replace("/", "")):
        return " ".join(tokens[:-1]), tokens[-1]
    return text, None


def is_credit_suffix(remainder: str, lex: CreditLexicon) -> bool:
    """Whether text added after a repeated caption line is a photo credit."""
    rest = remainder.strip()
    if not rest or len(rest.split()) > 8:
        return False
    if "|" in rest or "/" in rest or rest.startswith("©"):
        return True
    if lex.photo.match(rest):
        return True
    letters = [c for c in rest if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
