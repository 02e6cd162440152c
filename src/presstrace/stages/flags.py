"""Provenance and quality flags: the evidence that a page comes from a content farm.

Each flag points at the characters that triggered it (or has no span when it concerns
removed material or metadata) and carries a severity: ``info`` is context a reader may want
(a credited wire service, a widget heading), ``warning`` is a signal worth weighing, ``strong``
is a leftover no edited page contains. Flags are evidence, never a verdict, so anything that
ordinary newsroom pages also show stays at ``info``; ``evals/eval_flags.py`` measures that.

Phrase lists live in ``presstrace/data/flags_*.txt``. Every scan is a regex pass or a walk
over lines or tokens, so enormous pages cost linear time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..lexicon import Glue, Lexicon, english_lexicon
from ..phrases import PhraseList, fold, phrase_list
from ..pipeline import register
from ..records import Article, Flag
from ..resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

SEVERITIES = ("info", "warning", "strong")
PLACEHOLDER = "placeholder_text"
TEMPLATE = "template_leftover"
PERSONA = "persona_bio"
REPUBLISHED = "republished_content"
DUPLICATED_TITLE = "duplicated_title"
MACHINE_TRANSLATION = "machine_translation_artifacts"
SPUN = "spun_text"
CHATBOT = "chatbot_leftover"
UNATTRIBUTED_QUOTE = "unattributed_quote"
CODES = (
    PLACEHOLDER,
    TEMPLATE,
    PERSONA,
    REPUBLISHED,
    DUPLICATED_TITLE,
    MACHINE_TRANSLATION,
    SPUN,
    CHATBOT,
    UNATTRIBUTED_QUOTE,
)
# Reasons the structure stage gives removed blocks that mean "the headline was printed twice".
DUPLICATE_REASONS = frozenset({"duplicate_title", "duplicated_title", "duplicate"})
EVIDENCE_CHARS = 160
# A placeholder phrase in a line with this many other words is talked about, not left over.
PROSE_WORDS = 8
# Distinct machine-translation artifacts a page needs before they count as a warning.
MT_WARNING_COUNT = 2
MT_WORDS_PER_ARTIFACT = 500

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[\w’'-]+")
_TOKEN = re.compile(r"(?<![\w@#/.\-_&=])[A-Za-z]{5,30}(?![\w@/\-_&=]|\.\w)")
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
_PREV_CAPITAL = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*[ \t]+$")
_GLUED_QUOTE = re.compile(r"\b\w+[.,!?][”\"][A-Z][a-z]+")
_STRAY_STOP = re.compile(r"(?<=[\w”’\")])\.[ \t]+\.(?![ \t]*\.)")
_PERSONA = re.compile(
    r"^(?:(?:Hi|Hello|Hey)[,!]?\s+)?(?:I am|I['’]m|My name is)\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*[,.]?\s+(?:and\s+)?(?:I am\s+)?"
    r"(?:an?|the)\s+(?P<rest>[^\n]{0,120})"
)
_SOURCE_LINE = re.compile(r"^(?:Source|Sources|Via)\s*[:\-–—]\s*(?P<who>\S.{1,80})$")
_REPUBLISHED_LINE = re.compile(
    r"^(?:This (?:article|story|post|piece) (?:was |is )?(?:originally |first )?"
    r"(?:published|appeared|posted)|Originally (?:published|appeared)|"
    r"Republished (?:from|with permission from))\s+(?:on|in|by|at|from)?\s*(?P<who>\S.{1,100})$"
)
_MENTIONED = re.compile(
    r"[”\"]\s*,?\s*(?:mentioned\s+[A-Z]\w+|(?:he|she|they|[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)"
    r"{0,3})\s+mentioned)\b"
)
_SAID = re.compile(
    r"[”\"]\s*,?\s*(?:said\s+[A-Z]\w+|(?:he|she|they|[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)"
    r"{0,3})\s+said)\b"
)


def _clip(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= EVIDENCE_CHARS else s[: EVIDENCE_CHARS - 1] + "…"


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped text) of every non-blank line, offsets into ``text``."""
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            yield start, start + len(stripped), stripped


class Page:
    """What the detectors look at: the article, its lines, and quote spans."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.lines = list(_lines(self.text))
        self._line_starts = [s for s, _, _ in self.lines]
        self.quote_spans = sorted(
            (q.content.start, q.content.end) for q in article.quotes if q.kind == "direct"
        )

    @property
    def english(self) -> bool:
        return self.article.language in (None, "en")

    def line_at(self, pos: int) -> tuple[int, int, str]:
        import bisect

        i = bisect.bisect_right(self._line_starts, pos) - 1
        return self.lines[max(i, 0)]

    def in_quotation(self, start: int) -> bool:
        """Is ``start`` inside quotation marks (in its line) or inside a found direct quote?"""
        if any(s <= start < e for s, e in self.quote_spans):
            return True
        line_start, _, _ = self.line_at(start)
        before = self.text[line_start:start]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _flag(page: Page, code: str, start: int, end: int, severity: str, note: str = "") -> Flag:
    evidence = _clip(page.text[start:end])
    return Flag(code, start, end, f"{evidence} ({note})" if note else evidence, severity)


def placeholder_flags(page: Page, resources: Resources) -> list[Flag]:
    """One flag per line holding filler, spanning its first to its last filler phrase."""
    phrases = phrase_list(resources, "flags_placeholders.txt")
    by_line: dict[int, list[re.Match[str]]] = {}
    for m in phrases.finditer(page.text):
        by_line.setdefault(page.line_at(m.start())[0], []).append(m)
    out = []
    for matches in by_line.values():
        start, end = matches[0].start(), matches[-1].end()
        line_start, _, line = page.line_at(start)
        rest = line
        for m in matches:
            rest = rest.replace(m.group(), " ")
        if page.in_quotation(start):
            out.append(_flag(page, PLACEHOLDER, start, end, "info", "inside a quotation"))
        elif start != line_start and len(_WORD.findall(rest)) >= PROSE_WORDS:
            out.append(_flag(page, PLACEHOLDER, start, end, "info", "mentioned in prose"))
        else:
            out.append(_flag(page, PLACEHOLDER, start, end, "strong"))
    return out


def template_flags(page: Page, resources: Resources) -> list[Flag]:
    phrases = phrase_list(resources, "flags_template_headings.txt")
    out = []
    for start, end, line in page.lines:
        if _is_heading(line, phrases):
            out.append(_flag(page, TEMPLATE, start, end, "info"))
    return out


def persona_flags(page: Page, resources: Resources) -> list[Flag]:
    out = []
    for start, end, line in page.lines:
        severity = persona_severity(line, resources)
        if severity:
            out.append(_flag(page, PERSONA, start, end, severity))
    return out


def persona_severity(paragraph: str, resources: Resources) -> str | None:
    """``warning`` for a first-person author persona with the usual boasts, ``info`` without,
    None when the paragraph is no persona ("Ana Ruiz is a reporter" is a staff bio)."""
    m = _PERSONA.match(paragraph.strip())
    jobs = phrase_list(resources, "flags_persona.txt")
    if not m or next(jobs.finditer(m.group("rest")), None) is None:
        return None
    boasts = phrase_list(resources, "flags_persona_boasts.txt")
    return "warning" if next(boasts.finditer(paragraph), None) else "info"


def republished_flags(page: Page) -> list[Flag]:
    """A lone "Source: X" line (several are a chart's data sources), a "first published on
    X" line, or the structure stage's ``credited_source``."""
    out = []
    sources = [ln for ln in page.lines if _SOURCE_LINE.match(ln[2])]
    if len(sources) == 1 and len(sources[0][2].split()) <= 12:
        start, end, _ = sources[0]
        out.append(_flag(page, REPUBLISHED, start, end, "info", "credits another outlet"))
    for start, end, line in page.lines:
        m = _REPUBLISHED_LINE.match(line)
        # "Originally published in March 2022" dates the page; it names no outlet.
        if m and len(line.split()) <= 20 and not any(c.isdigit() for c in m.group("who")):
            out.append(_flag(page, REPUBLISHED, start, end, "info", "first published elsewhere"))
    credited = page.article.credited_source
    if credited and not any(fold(credited) in fold(f.evidence) for f in out):
        out.append(Flag(REPUBLISHED, None, None, f"credited source: {_clip(credited)}", "info"))
    return out


def duplicated_title_flags(page: Page) -> list[Flag]:
    """The headline printed again as the body's first line (or twice in the body), or a line
    repeated right below itself, perhaps with a photo credit added (a caption twice)."""
    out = []
    title = fold(page.article.title or "").rstrip(".")
    if len(title) >= 15:
        same = [ln for ln in page.lines if fold(ln[2]).rstrip(".") == title]
        if same and (same[0] is page.lines[0] or len(same) > 1):
            out += [_flag(page, DUPLICATED_TITLE, s, e, "info", "the headline") for s, e, _ in same]
    for (_, _, a), (s2, _, b) in zip(page.lines, page.lines[1:], strict=False):
        if _is_prose(a) and b.startswith(a) and fold(a).rstrip(".") != title:
            extra = b[len(a) :].strip()
            if not extra or (len(extra) <= 40 and (extra.upper() == extra or "|" in extra)):
                out.append(_flag(page, DUPLICATED_TITLE, s2, s2 + len(a), "info", "line repeated"))
    return out


def _is_prose(line: str) -> bool:
    """Words, not a link, a rule of dashes or a code comment (those repeat legitimately)."""
    words = line.split()
    alpha = sum(w.strip(".,:;!?()’'\"").isalpha() for w in words)
    return len(line) >= 20 and len(words) >= 3 and alpha >= 0.6 * len(words) and "://" not in line


def machine_translation_flags(page: Page, resources: Resources) -> list[Flag]:
    """Glued words, glued quotes, stray stops and calques.

    A glued-looking token that recurs in the page is a name ("Minetest"), not a slip, so
    only one-off tokens count. One artifact alone is a typo as often as a translation, so
    the flags become warnings only when there are at least ``MT_WARNING_COUNT`` distinct
    ones and at least one per ``MT_WORDS_PER_ARTIFACT`` words.
    """
    lexicon = english_lexicon(resources)
    found: list[tuple[int, int, str]] = []
    tokens = Counter(m.group() for m in _TOKEN.finditer(page.text))
    names = frozenset(t for t in tokens if t[0].isupper())
    for m in _TOKEN.finditer(page.text):
        token = m.group()
        glue = None
        if tokens[token] == 1:
            glue = _glue_at(lexicon, page.text, m, names)
        if glue:
            found.append((m.start(), m.end(), f"glued words: {glue.head} + {glue.tail}"))
    for m in _GLUED_QUOTE.finditer(page.text):
        found.append((m.start(), m.end(), "quote glued to the next word"))
    for m in _STRAY_STOP.finditer(page.text):
        found.append((m.start(), m.end(), "stray full stop"))
    calques = phrase_list(resources, "flags_mt_calques.txt")
    for m in calques.finditer(page.text):
        found.append((m.start(), m.end(), f"calque: {calques.note(m.group()) or 'known'}"))
    meta = _metadata_glues(page, lexicon, names)
    distinct = len({fold(page.text[s:e]) for s, e, _ in found}) + len(meta)
    words = len(page.text.split())
    loud = distinct >= max(MT_WARNING_COUNT, words / MT_WORDS_PER_ARTIFACT)
    severity = "warning" if loud else "info"
    out = [_flag(page, MACHINE_TRANSLATION, s, e, severity, note) for s, e, note in found]
    return out + [Flag(MACHINE_TRANSLATION, None, None, ev, severity) for ev in meta]


def _glue_at(lexicon: Lexicon, text: str, m: re.Match[str], names: frozenset[str]) -> Glue | None:
    """The glue test for the token ``m`` with its neighbours in ``text`` as context."""
    before = _PREV_CAPITAL.search(text, max(0, m.start() - 40), m.start())
    after = _NEXT_CAPITAL.match(text, m.end())
    return lexicon.glued(m.group(), names, bool(after), bool(before))


def _metadata_glues(page: Page, lexicon: Lexicon, names: frozenset[str]) -> list[str]:
    """Glued words in the title, subtitle and credited source (not in ``text``: no span)."""
    out = []
    a = page.article
    for field, value in (
        ("title", a.title),
        ("subtitle", a.subtitle),
        ("credited source", a.credited_source),
    ):
        for m in _TOKEN.finditer(value or ""):
            glue = _glue_at(lexicon, value or "", m, names)
            if glue:
                out.append(f"{field}: {glue.token} (glued words: {glue.head} + {glue.tail})")
    return out


def spun_flags(page: Page, resources: Resources) -> list[Flag]:
    phrases = phrase_list(resources, "flags_spun_phrases.txt")
    out = []
    for m in phrases.finditer(page.text):
        note = f"spun for '{phrases.note(m.group())}'"
        if page.in_quotation(m.start()):
            out.append(_flag(page, SPUN, m.start(), m.end(), "info", note + "; inside a quotation"))
        else:
            out.append(_flag(page, SPUN, m.start(), m.end(), "warning", note))
    mentioned = list(_MENTIONED.finditer(page.text))
    if mentioned:
        said = len(_SAID.findall(page.text))
        severity = "warning" if len(mentioned) >= 2 and len(mentioned) > said else "info"
        note = f"'mentioned' as a reporting verb {len(mentioned)}×, 'said' {said}×"
        out.extend(_flag(page, SPUN, m.start(), m.end(), severity, note) for m in mentioned)
    return out


def chatbot_flags(page: Page, resources: Resources) -> list[Flag]:
    phrases = phrase_list(resources, "flags_chatbot.txt")
    matches = list(phrases.finditer(page.text))
    if not matches:
        return []
    topic = phrase_list(resources, "flags_chatbot_topic.txt")
    discussed = any(
        not any(t.start() < m.end() and m.start() < t.end() for m in matches)
        for t in topic.finditer(page.text)
    )
    out = []
    for m in matches:
        if page.in_quotation(m.start()):
            out.append(_flag(page, CHATBOT, m.start(), m.end(), "info", "inside a quotation"))
        elif discussed:
            out.append(
                _flag(page, CHATBOT, m.start(), m.end(), "info", "the article discusses chatbots")
            )
        else:
            out.append(_flag(page, CHATBOT, m.start(), m.end(), "strong"))
    return out


def unattributed_quote_flags(page: Page) -> list[Flag]:
    return [
        _flag(page, UNATTRIBUTED_QUOTE, q.content.start, q.content.end, "info", "no speaker")
        for q in page.article.quotes
        if q.kind == "direct" and q.speaker is None and not q.speaker_name
    ]


def removed_flags(article: Article, resources: Resources) -> list[Flag]:
    """Flags about blocks the structure stage took out of the body (no span: not in text).

    One flag per code, its evidence the removed blocks (counted), so a page whose template
    repeats "Lorem ipsum" twenty times gives one flag, not twenty. A removed ``template``
    block counts only when it is a widget heading from our list: structure also removes
    "Read more" links and related-article lists, which every newsroom page has. A removed
    ``title`` is not a duplicate (the HTML path removes the body's own headline that way);
    only the explicit ``DUPLICATE_REASONS`` are.
    """
    placeholders = phrase_list(resources, "flags_placeholders.txt")
    headings = phrase_list(resources, "flags_template_headings.txt")
    found: dict[str, list[str]] = {}
    severity: dict[str, str] = {}
    for r in article.removed:
        code, sev = None, "info"
        filler = next(placeholders.finditer(r.text), None) is not None
        if r.reason == "placeholder" or (r.reason in ("template", "navigation") and filler):
            code, sev = PLACEHOLDER, "strong" if filler else "warning"
        elif r.reason == "template" and _is_heading(r.text, headings):
            code = TEMPLATE
        elif r.reason == "author_bio":
            persona = persona_severity(r.text, resources)
            code, sev = (PERSONA, persona) if persona else (None, sev)
        elif r.reason in DUPLICATE_REASONS:
            code = DUPLICATED_TITLE
        if code:
            found.setdefault(code, []).append(f"removed {r.reason}: {_clip(r.text)}")
            if at_least(sev, severity.get(code, "info")):
                severity[code] = sev
    out = []
    for code, items in found.items():
        more = f" (+{len(items) - 1} more)" if len(items) > 1 else ""
        out.append(Flag(code, None, None, items[0] + more, severity[code]))
    return out


def _is_heading(line: str, headings: PhraseList) -> bool:
    line = line.strip()
    core = line.rstrip(":»›>… ").strip()
    return len(line) <= 40 and (headings.note(core) is not None or headings.note(line) is not None)


def find_flags(article: Article, resources: Resources) -> list[Flag]:
    """Every flag for one article, in a stable order, without exact duplicates."""
    page = Page(article)
    groups: list[Iterable[Flag]] = [
        placeholder_flags(page, resources),
        template_flags(page, resources),
        chatbot_flags(page, resources),
        republished_flags(page),
        duplicated_title_flags(page),
        unattributed_quote_flags(page),
        removed_flags(article, resources),
    ]
    if page.english:
        groups += [
            persona_flags(page, resources),
            machine_translation_flags(page, resources),
            spun_flags(page, resources),
        ]
    seen: set[tuple[str, int | None, int | None, str]] = set()
    out = []
    for flag in (f for g in groups for f in g):
        key = (flag.code, flag.start, flag.end, flag.evidence)
        if key not in seen:
            seen.add(key)
            out.append(flag)
    return out


def at_least(severity: str, floor: str) -> bool:
    """Is ``severity`` at or above ``floor`` in ``SEVERITIES`` order? Unknown counts as info."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return rank.get(severity, 0) >= rank[floor]


@register("flags", 1, requires={"text"}, provides={"flags"})
def flags_stage(article: Article, doc: Doc | None, resources: Resources) -> Article:
    """Attach provenance and quality flags; runs after quotes when they are there.

    Flags other stages set under other codes are kept; ours are recomputed, so running the
    stage twice gives the same record.
    """
    kept = tuple(f for f in article.flags if f.code not in CODES)
    return article.evolve(flags=(*kept, *find_flags(article, resources)))
