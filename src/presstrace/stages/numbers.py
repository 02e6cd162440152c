"""Numbers as news prose writes them, turned into value ranges.

Finds "more than 70", "between 300 and 400", "1,200" / "1.200" / "1 200", "twelve hundred",
"1.2m", "70+", "€740 million", "11.2%", vague quantities ("dozens of", ranges in
``data/vague_quantities.tsv``) and "no"/"no one"/"nobody" (zero). What a number counts is the
claims stage's business; this module only says where the number is and what range it states.

Things that look like numbers but are not counts are skipped: years (2014), clock times
(4.40am, 24/7), ages and compounds ("67-year-old"), phone numbers, scores ("3-1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import Resources

MEMO_KEY = "numbers.patterns"
SEPARATORS = ",\u00a0\u202f "
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "mn": 1e6}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number expression: ``start``/``end`` cover qualifier to number (and %/currency)."""

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str | None = None
    unit: str | None = None
    kind: str = "exact"  # exact | range | vague | none | tally


@dataclass(frozen=True, slots=True)
class Patterns:
    number: re.Pattern[str]
    vague: re.Pattern[str]
    none: re.Pattern[str]
    vague_ranges: dict[str, tuple[float, float | None]]
    qualifiers: dict[str, str]
    words: dict[str, tuple[int, bool]]
    currencies: dict[str, str]
    currency_after: re.Pattern[str]
    currency_scales: dict[str, float]


def _alt(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len)[::-1])


def patterns(resources: Resources) -> Patterns:
    memo = resources.memo
    if MEMO_KEY in memo:
        cached: Patterns = memo[MEMO_KEY]
        return cached
    words: dict[str, tuple[int, bool]] = {}
    for line in resources.data_lines("number_words.tsv"):
        w, v = line.split("\t")
        words[w] = (int(v.lstrip("*")), v.startswith("*"))
    quals = dict(line.split("\t") for line in resources.data_lines("claim_qualifiers.tsv"))
    vague: dict[str, tuple[float, float | None]] = {}
    for line in resources.data_lines("vague_quantities.tsv"):
        phrase, low, *high = line.split("\t")
        vague[phrase] = (float(low), float(high[0]) if high and high[0] else None)
    rows = [line.split("\t") for line in resources.data_lines("currencies.tsv")]
    currencies = {r[0]: r[1] for r in rows}
    scales = {r[0]: float(r[2]) for r in rows if len(r) > 2}  # "75 cents": 0.75
    symbols = [c for c in currencies if not c.isalpha()]
    cur_words = [c for c in currencies if c.isalpha()]
    codes = sorted(set(currencies.values()))  # "SEK9 million", "USD910 thousand"
    word = _alt(list(words))
    digits = (
        rf"\d{{1,3}}(?:[{SEPARATORS}]\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:\.\d{{3}})+|\d+(?:\.\d+)?"
        r"|\.\d+(?=\s?(?:%|per\s?cent|[a-z]))"  # ".0605 square km": no leading zero
    )
    scale = r"(?:\s?(?:thousand|million|billion)\b|(?:m|mn|bn|k)\b)?"
    num = rf"(?:(?:{digits}){scale}\+?|(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*\b)"
    qual = _alt(list(quals))
    sym = _alt(symbols)
    number = re.compile(
        rf"(?<![\w.,:/+-])(?:(?P<qual>{qual})\s+)?"
        rf"(?:(?P<cur>{_alt(symbols)})|(?P<code>(?-i:{_alt(codes)}))(?=\d))?\s?"
        rf"(?:between\s+(?P<bcur>{sym})?\s?(?P<b1>{num}){PCT1}\s+and\s+(?:{sym})?\s?(?P<b2>{num})"
        rf"|from\s+(?P<f1>{num}){PCT1}\s+to\s+(?P<f2>{num})"
        rf"|(?P<r1>{digits}){PCT1}\s?(?:-to-|-|–|to)\s?(?P<r2>{digits}){scale}"
        rf"|(?P<w1>{word})\s+(?:to|or)\s+(?P<w2>(?:{word})(?:\s+(?:hundred|thousand|million|billion))?)\b"
        rf"|(?P<num>{num}))"
        rf"(?P<pct>\s?(?:%|per\s?cent\b|percent(?:age\s+points?)?\b))?"
        rf"(?:\s(?:(?-i:[A-Z][a-z]+|[A-Z]{{2,3}})\s)?(?P<curw>{_alt(cur_words)})\b)?",
        re.IGNORECASE,
    )
    vague_re = re.compile(rf"\b(?P<vague>{_alt(list(vague))})(?=[\s.,;:!?)]|$)", re.IGNORECASE)
    none_re = re.compile(r"\b(?:no\s+one|nobody|none|no)\b(?=\s)", re.IGNORECASE)
    currency_after = re.compile(
        rf"\s(?:(?-i:[A-Z][a-z]+|[A-Z]{{2,3}})\s)?(?P<curw>{_alt(cur_words)})\b", re.IGNORECASE
    )
    pats = Patterns(
        number, vague_re, none_re, vague, quals, words, currencies, currency_after, scales
    )
    memo[MEMO_KEY] = pats
    return pats


def parse_number(s: str, words: dict[str, tuple[int, bool]], decimal: bool = False) -> float | None:
    """ "1,200" / "1.200" / "1 200" / "twelve hundred" / "1.2m" / "70+" -> a float.

    "1.200" is read as European thousands unless ``decimal`` (percentages: "0.145%")."""
    t = s.strip().lower().rstrip("+").strip()
    m = re.fullmatch(r"([\d.,\u00a0\u202f ]+?)\s?(thousand|million|billion|m|mn|bn|k)?", t)
    if m and any(ch.isdigit() for ch in m.group(1)):
        core = m.group(1).strip()
        if re.fullmatch(rf"\d{{1,3}}(?:[{SEPARATORS}]\d{{3}})+(?:\.\d+)?", core):
            core = re.sub(rf"[{SEPARATORS}]", "", core)
        elif re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", core) and not decimal:
            core = core.replace(".", "")  # European thousands: 1.200
        try:
            value = float(core)
        except ValueError:
            return None
        return value * SCALES.get(m.group(2) or "", 1.0)
    total, current = 0, 0
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        if w not in words:
            return None
        v, multiplier = words[w]
        if multiplier:
            current = max(current, 1) * v
            if v >= 1000:
                total, current = total + current, 0
        else:
            current += v
    return float(total + current)


def _numberish(word: str, words: dict[str, tuple[int, bool]]) -> bool:
    return word.isdigit() or all(w in words for w in word.lower().split("-") if w)


# "a five-foot tusk", "a 10-mile queue": a hyphenated measure is a length, not an age or a name.
MEASURE_WORDS = r"(?:foot|feet|inch|mile|metre|meter|kilometre|kilometer|km|yard)\b"


def _not_a_count(
    text: str, start: int, end: int, m: re.Match[str], words: dict[str, tuple[int, bool]]
) -> bool:
    """Years, clock times, ages, phone numbers, scores and ranks."""
    after = text[end : end + 12]
    before = text[max(0, start - 2) : start]
    if re.match(
        rf"\s?(?:am\b|pm\b|a\.m\.|p\.m\.|[:/,.]\d|[-–](?!{MEASURE_WORDS})[a-z]|\d)", after, re.I
    ):
        return True
    if re.search(r"(?:\d\s?|[:/])$", before):
        return True  # "12:54", "24/7"; not a figure after a colon and a space ("update: 3,728")
    if re.match(r"[\s-]+(?:thirds?|quarters?|halves|fifths?|tenths?)\b", text[end : end + 10]):
        return True  # "two thirds of those infected": a fraction, not a count
    if re.search(
        r"(?:\bnumber|\bno\.|\branked|\branking|#)\s*$", text[max(0, start - 10) : start], re.I
    ):
        return True  # "world ranking number 27", "No. 3", "#19": a rank
    ages = r"\b(?:aged|age of|age)\s+(?:above|over|under|below|between|from)?\s*$"
    if re.search(ages, text[max(0, start - 20) : start], re.I):
        return True  # "died aged 91"
    listed = re.search(r"\b(?:aged|ages of|ages)\s+([\w\s,-]*)$", text[max(0, start - 80) : start])
    if listed and not re.match(r"\s+aged\b", text[end : end + 8]):
        items = re.split(r"[\s,]+", listed.group(1).strip())
        if all(w.lower() in ("and", "aged", "") or _numberish(w, words) for w in items):
            return True  # "aged nine, ten, thirteen, 49, and 59" (but "two aged fourteen")
    raw = m.group("num")
    marked = (
        m.group("qual") or m.group("cur") or m.group("code") or m.group("pct") or m.group("curw")
    )
    if (
        raw
        and raw.strip().isdigit()
        and int(raw) <= 120
        and re.search(r"\b[A-Z][\w.'’-]*,\s?$", text[max(0, start - 40) : start])
        and re.match(r",", text[end : end + 1])
    ):
        return True  # "Dinualdo Gutierrez of the Philippines, 79, died": an age in apposition
    if raw and not marked:
        if re.fullmatch(r"(1[89]|20|21)\d\d", raw.strip()):
            return True  # a year
    if re.match(r"[\s-]\d{2,}", text[end : end + 4]):
        return True  # a longer digit run: phone or ID
    return False


# A percent sign on the first end of a range whose second end has one too ("from 45% to 60%").
PCT1 = r"(?:\s?%(?=\s?(?:-|–|to|and)\s?\d[\d.,]*\s?%))?"
# A bounding qualifier written before a vague quantity ("at least a dozen", "up to hundreds").
PRE_QUALIFIER = re.compile(
    r"\b(more than|at least|over|up to|fewer than|less than|nearly|almost|as many as)\s+$",
    re.IGNORECASE,
)
# Words before "from X to Y" that make it a change between two figures, not a range.
CHANGE = re.compile(
    r"\b(?:r[io]se|risen|rising|increas\w*|climb\w*|jump\w*|gr[eo]w\w*|f[ae]ll\w*|"
    r"dropp?\w*|declin\w*|revis\w*|rais\w*|lower\w*|up|down|went|moved|"
    r"shift\w*|chang\w*|swung|swing\w*|improv\w*|slipp?\w*|surg\w*|soar\w*|plung\w*|"
    r"dipp?\w*)\b[^.;]*$",
    re.IGNORECASE,
)


YEAR = re.compile(r"(?:1[89]|20)\d\d")
YEAR_TO = re.compile(r"\s+to\s")
# Qualifiers that are also prepositions of place; after "from" they say where, not how many.
PLACE_PREPOSITIONS = frozenset({"under", "over", "within"})
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def find_quantities(text: str, resources: Resources) -> list[Quantity]:
    """Every number expression in ``text``, in order, with the range it states."""
    p = patterns(resources)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in p.vague.finditer(text):
        low, high = p.vague_ranges[" ".join(m.group("vague").lower().split())]
        start, qualifier = m.start(), None
        before = PRE_QUALIFIER.search(text[max(0, start - 25) : start])
        if before and p.qualifiers.get(before.group(1).lower()) in ("low", "high"):
            # "at least a dozen": the qualifier bounds the vague range
            qualifier = " ".join(before.group(1).lower().split())
            start -= len(before.group(0))
            if p.qualifiers[qualifier] == "low":
                high = None
            else:
                low = 0.0
        cur = p.currency_after.match(text, m.end())  # "half a million US dollars"
        unit = p.currencies.get(cur.group("curw").lower()) if cur else None
        found.append(Quantity(start, m.end(), low, high, qualifier, unit, "vague"))
        taken.append((start, m.end()))
    pos = 0
    while (found_at := p.number.search(text, pos)) is not None:
        m, pos = found_at, max(found_at.end(), pos + 1)
        if not m.group(0).strip() or any(s <= m.start() < e for s, e in taken):
            continue
        if m.group("r1") and YEAR.fullmatch(m.group("r1")) and YEAR_TO.match(text, m.end("r1")):
            pos = m.start("r2")  # "the forecast for 2019 to 0 – 1%": a year, then a figure
            continue
        if m.group("f1") and CHANGE.search(text[max(0, m.start() - 60) : m.start()]):
            # "the toll rose from fourteen to 31": two figures, the old and the new
            unit = "%" if m.group("pct") else None  # "rose from 5% to 8%"
            for g in ("f1", "f2"):
                value = parse_number(m.group(g), p.words, decimal=unit is not None)
                end = m.end(g)
                if unit is not None:
                    end = m.end("pct") if g == "f2" else end + text[end : end + 2].find("%") + 1
                if value is not None:
                    found.append(Quantity(m.start(g), end, value, value, None, unit))
            continue
        q = _quantity(text, m, p)
        if q is not None:
            found.append(q)
    for m in p.none.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            found.append(Quantity(m.start(), m.end(), 0.0, 0.0, None, None, "none"))
    return sorted(found, key=lambda q: q.start)


def find_tallies(text: str, resources: Resources) -> list[Quantity]:
    """ "230 to 202", "51-49": a larger figure first is a tally (a vote, a score), never a
    range, so ``find_quantities`` drops it; both figures, kind "tally", for a caller that
    can tell a vote from a score."""
    p = patterns(resources)
    found: list[Quantity] = []
    for m in p.number.finditer(text):
        if m.group("r1") and not _not_a_count(text, m.start(), m.end(), m, p.words):
            found += _tally(m, p)
    return found


def _tally(m: re.Match[str], p: Patterns) -> list[Quantity]:
    low, high = parse_number(m.group("r1"), p.words), parse_number(m.group("r2"), p.words)
    if low is None or high is None or low <= high:
        return []
    return [
        Quantity(m.start(g), m.end(g), v, v, None, None, "tally")
        for g, v in (("r1", low), ("r2", high))
    ]


def _quantity(text: str, m: re.Match[str], p: Patterns) -> Quantity | None:
    start, end = m.start(), m.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1  # the optional currency's space matched with no currency before it
    if _not_a_count(text, start, end, m, p.words):
        return None
    words = p.words
    kind = "exact"
    if m.group("b1") or m.group("f1") or m.group("r1") or m.group("w1"):
        a = m.group("b1") or m.group("f1") or m.group("r1") or m.group("w1")
        b = m.group("b2") or m.group("f2") or m.group("r2") or m.group("w2")
        low, high = parse_number(a, words), parse_number(b, words)
        scale = re.search(r"(thousand|million|billion|mn|bn|m|k)\s*$", b.strip().lower())
        if low is not None and high is not None and scale and not re.search(r"[a-z]", a):
            low *= SCALES[scale.group(1)]  # "between $300 and 400 billion"
        elif low is not None and high is not None and m.group("w2"):
            # "five to six million": the scale word of the second figure counts for both
            said = re.search(r"\s(hundred|thousand|million|billion)$", m.group("w2").lower())
            if said and not re.search(r"hundred|thousand|million|billion", a.lower()):
                low *= words[said.group(1)][0]
        if low is None or high is None or low >= high:
            return None  # "3-1" is a score, not a range
        kind = "range"
    else:
        value = parse_number(m.group("num"), words, decimal=bool(m.group("pct")))
        if value is None:
            return None
        low, high = value, value
        if m.group("num").strip().endswith("+"):
            high = None
    qualifier = " ".join(m.group("qual").lower().split()) if m.group("qual") else None
    if qualifier in PLACE_PREPOSITIONS and FROM_BEFORE.search(text[max(0, start - 6) : start]):
        # "recovered from under eight metres of mud": where, not a bound on the figure
        qualifier = None
        start = m.start("qual") + len(m.group("qual"))
        while start < end and text[start].isspace():
            start += 1
    if qualifier is None and m.group("num") and m.group("num").strip().endswith("+"):
        qualifier = "more than"
    how = p.qualifiers.get(qualifier or "")
    if how == "low":
        high = None
    elif how == "high":
        low = 0.0
    unit = None
    if m.group("pct"):
        unit = "%"
    elif m.group("code"):
        unit = m.group("code")
    elif m.group("cur") or m.group("bcur") or m.group("curw"):
        mark = m.group("cur") or m.group("bcur") or m.group("curw").lower()
        unit = p.currencies.get(mark)
        factor = p.currency_scales.get(mark)
        if factor is not None:  # "75 cents": money in the currency's unit
            low = None if low is None else round(low * factor, 6)
            high = None if high is None else round(high * factor, 6)
    return Quantity(start, end, low, high, qualifier, unit, kind)
