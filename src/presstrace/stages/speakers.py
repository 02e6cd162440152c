"""Who a speaker mention stands for: the canonical name a reader files a quote under.

"Malyar" and "she" become "Hanna Malyar" (the fullest earlier mention that contains the
words); "one of the last messages of the Volunteer Corps" becomes "Russian Volunteer
Corps"; "the message" and "the text" speak for the author of the quote before them; "the
spokesman" is the nearest earlier person introduced with that title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import Entity
from ..resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "PLACE")
_EDGE = re.compile(r"^(?:the|The|THE)\s+|(?:['’]s?)$")
_PUNCT = " \t\n.,;:!?\"'“”‘’«»()[]—–-"


@dataclass(frozen=True, slots=True)
class CueTables:
    """The data file ``speech_cues.json`` in the shapes the stage looks things up in."""

    frames: dict[str, frozenset[str]]
    source_preps: tuple[tuple[str, ...], ...]
    message_nouns: frozenset[str]
    role_nouns: frozenset[str]
    pronouns: dict[str, str]
    non_speech_objects: frozenset[str] = frozenset()
    sourceless: frozenset[str] = frozenset()
    raising: frozenset[str] = frozenset()  # passives whose subject is content ("is expected to")
    not_speakers: frozenset[str] = frozenset()  # capitalised labels before a colon
    source_nouns: frozenset[str] = frozenset()  # "In a new poll, ...": the poll is the source
    poll_nouns: frozenset[str] = frozenset()  # sources whose findings may name a person
    cue_preps: frozenset[str] = frozenset()  # "called for", "talked about": part of the cue
    occasion_nouns: frozenset[str] = frozenset()  # "a news conference announcing": no speaker
    cue_nouns: frozenset[str] = frozenset()  # "criticism of", "a swipe at": part of the cue

    def has(self, lemma: str, frame: str) -> bool:
        return frame in self.frames.get(lemma.lower(), frozenset())


def cue_tables(resources: Resources) -> CueTables:
    """Build (once per Resources) the lookup tables from ``data/speech_cues.json``."""
    key = "quotes.cue_tables"
    if key not in resources.memo:
        raw: dict[str, Any] = resources.data_json("speech_cues.json")
        resources.memo[key] = CueTables(
            frames={k.strip(): frozenset(v.split()) for k, v in raw["cues"].items()},
            source_preps=tuple(tuple(p.split()) for p in raw["source_preps"]),
            message_nouns=frozenset(raw["message_nouns"]),
            role_nouns=frozenset(raw["role_nouns"]),
            pronouns=dict(raw["pronouns"]),
            non_speech_objects=frozenset(raw.get("non_speech_objects", ())),
            sourceless=frozenset(raw.get("sourceless_cues", ())),
            raising=frozenset(raw.get("raising_passives", ())),
            not_speakers=frozenset(raw.get("transcript_non_speakers", ())),
            source_nouns=frozenset(raw.get("source_nouns", ())),
            cue_preps=frozenset(raw.get("cue_prepositions", ())),
            poll_nouns=frozenset(raw.get("poll_nouns", ())),
            occasion_nouns=frozenset(raw.get("occasion_nouns", ())),
            cue_nouns=frozenset(raw.get("cue_nouns", ())),
        )
    tables: CueTables = resources.memo[key]
    return tables


def clean_name(name: str) -> str:
    """Drop a leading article, a possessive and edge punctuation: "the Kremlin's" -> "Kremlin"."""
    name = " ".join(name.split()).strip(_PUNCT)
    previous = None
    while previous != name:
        previous = name
        name = _EDGE.sub("", name).strip(_PUNCT)
    return name


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    label: str
    name: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resolved:
    """A speaker already named earlier in the article (for pronouns and "the message")."""

    position: int
    name: str
    label: str | None


def _drop_titles(name: str, titles: frozenset[str]) -> str:
    """ "Senator Mark Hill" -> "Mark Hill": the title is not part of the name."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        words.pop(0)
    return " ".join(words)


def _extends(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``words`` ends with ``part`` and adds only capitalised words before it ("Hanna
    Malyar" extends "Malyar"; "Defense of Ukraine" does not extend "Ukraine")."""
    n = len(part)
    if n == 0 or words[len(words) - n :] != part:
        return False
    return all(w[:1].isupper() for w in words[: len(words) - n])


class SpeakerNames:
    """Resolves speaker spans of one article against its entity mentions."""

    def __init__(self, text: str, entities: Sequence[Entity], tables: CueTables) -> None:
        self.text = text
        self.tables = tables
        self.mentions: list[Mention] = []
        for e in entities:
            if e.label not in SPEAKER_LABELS:
                continue
            name = clean_name(e.text)
            if e.label == "PERSON":
                name = _drop_titles(name, tables.role_nouns)
            if name:
                self.mentions.append(Mention(e.start, e.end, e.label, name, tuple(name.split())))
        self.mentions.sort(key=lambda m: m.start)

    def canonical(self, name: str, label: str | None = None) -> str:
        """The fullest mention that ends with ``name``'s words ("Malyar" -> "Hanna Malyar",
        "Volunteer Corps" -> "Russian Volunteer Corps"); the earliest on a tie, and a
        mention of the same label on a tie in length."""
        return self.lookup(name, label)[0]

    def lookup(self, name: str, label: str | None = None) -> tuple[str, str | None]:
        words = tuple(clean_name(name).split())
        best: Mention | None = None
        for m in self.mentions:
            if not _extends(m.words, words):
                continue
            if best is None or (len(m.words), m.label == label) > (
                len(best.words),
                best.label == label,
            ):
                best = m
        if best is None:
            return " ".join(words), label
        return best.name, best.label

    def resolve(
        self, start: int, end: int, root: Token | None, earlier: Sequence[Resolved]
    ) -> tuple[str | None, str | None]:
        """(canonical name, label) for the speaker at text[start:end] whose head word is
        ``root`` (None when the parse could not give one), or (None, None) when unknown."""
        inside = [m for m in self.mentions if m.start < end and m.end > start]
        if inside:
            return self._pick(inside, root)
        if root is None:
            name = clean_name(self.text[start:end])
            if name[:1].isupper():
                return self.lookup(name)
            return None, None
        lemma = root.lemma_.lower()
        low = root.lower_
        if low in self.tables.pronouns:
            return self._nearest(start, self.tables.pronouns[low], earlier)
        if lemma in self.tables.message_nouns and _definite(root):
            # "the message added" points back at the last speaker; "reports said" does not
            named = [r for r in earlier if r.position < start]
            if named:
                return named[-1].name, named[-1].label
            return None, None
        if lemma in self.tables.role_nouns and _definite(root):
            return self._by_role(start, lemma, earlier)
        # Proper nouns of the speaker phrase itself: "officials on Saturday" is not "Saturday".
        attached = {
            t.i for c in root.children if c.dep_ in ("prep", "relcl", "acl") for t in c.subtree
        }
        proper = [
            t
            for t in root.subtree
            if start <= t.idx < end
            and t.i not in attached
            and t.ent_type_ not in _NOT_SPEAKERS
            and (t.pos_ == "PROPN" or (t.is_title and t.pos_ == "NOUN" and not t.is_sent_start))
        ]
        if proper:
            run = self.text[proper[0].idx : proper[-1].idx + len(proper[-1])]
            return self.lookup(run)
        return None, None

    def _pick(self, inside: list[Mention], root: Token | None) -> tuple[str, str | None]:
        """The mention that names the speaker: the head word's, its apposition's, else
        the first by label preference (a person over an organisation)."""
        rank = {label: i for i, label in enumerate(SPEAKER_LABELS)}
        heads = [root] if root is not None else []
        if root is not None:
            heads += [c for c in root.children if c.dep_ == "appos"]
        for h in heads:
            for m in inside:
                if m.start <= h.idx < m.end:
                    return self.lookup(m.name, m.label)
        pick = sorted(inside, key=lambda m: rank[m.label])[0]
        return self.lookup(pick.name, pick.label)

    def _nearest(
        self, position: int, label: str, earlier: Sequence[Resolved]
    ) -> tuple[str | None, str | None]:
        """Nearest earlier speaker or mention with a compatible label."""
        best: tuple[int, str, str | None] | None = None
        for r in earlier:
            if r.position < position and r.label in (label, None):
                if best is None or r.position > best[0]:
                    best = (r.position, r.name, r.label)
        for m in self.mentions:
            if m.start < position and m.label == label and (best is None or m.start > best[0]):
                best = (m.start, self.canonical(m.name, m.label), m.label)
        return (best[1], best[2]) if best else (None, None)

    def _by_role(
        self, position: int, role: str, earlier: Sequence[Resolved]
    ) -> tuple[str | None, str | None]:
        """The nearest earlier person introduced with this title ("spokesman John Kirby")."""
        for m in reversed(self.mentions):
            if m.start >= position or m.label != "PERSON":
                continue
            around = self.text[max(0, m.start - 80) : m.end + 80].lower()
            if re.search(rf"\b{re.escape(role)}\b", around):
                return self.lookup(m.name, m.label)
        return self._nearest(position, "PERSON", earlier)


_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _definite(root: Token) -> bool:
    """ "the spokesman", "his adviser": a title that points back at someone already named."""
    dets = [c.lower_ for c in root.children if c.dep_ in ("det", "poss")]
    return any(d in ("the", "this", "that", "his", "her", "its", "their") for d in dets)
