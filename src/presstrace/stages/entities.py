"""Entities stage: spaCy NER, corrected where the small model is weak.

- ORG names the model cut short are repaired ("the Legion of Freedom for" + "Russia").
- An ORG described with a person's role ("The Secretary ..., Oleksii Danilov") is a PERSON.
- Within-article name coreference: "Malyar" is "Hanna Malyar" (whatever label the model
  gave the bare surname), "the Volunteer Corps" is "the Russian Volunteer Corps".
- Known places (the gazetteer in ``places.py``) are PLACE even when the model says ORG or
  PERSON, and every PLACE is resolved to a gazetteer entry where that is unambiguous
  (``Entity.place_id``; ``name`` is then the gazetteer's name, ``text`` the surface form).
- Roles (``roles.py``) are found per mention and shared by all mentions of one name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..pipeline import register
from ..records import Article, Entity
from ..resources import Resources
from . import roles as roles_mod
from .places import Gazetteer, Place, gazetteer, is_known_place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "PLACE": "PLACE",
    "NORP": "NORP",
    "DATE": "DATE",
    "MONEY": "MONEY",
    "EVENT": "EVENT",
    "LAW": "LAW",
}
# Labels the gazetteer may overrule: the model's guesses for capitalised names.
RELABELLABLE = {"ORG", "PERSON", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "FAC", "LOC", "GPE"}
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
# Prepositions that put a name on the map only when the gazetteer knows the name well (the
# stricter ``place_cues.txt`` also turns unknown one-word "people" into places).
LOOSE_PLACE_CUES = frozenset({"at", "from", "to", "between", "and", "via"})
CUE_KEY = "entities.place_cues"
CUED = "CUED"  # a place candidate found by a cue, kept only if it resolves


@dataclass(slots=True)
class Mention:
    """A working entity in token offsets, before it becomes an ``Entity``."""

    start: int
    end: int
    label: str
    name: str = ""
    role: str | None = None
    place_id: str | None = None


def bare(text: str) -> str:
    """A name without a leading 'the' or a trailing possessive."""
    t = " ".join(text.split())
    if t.lower().startswith("the "):
        t = t[4:]
    for ending in POSSESSIVE_ENDINGS:
        if t.endswith(ending):
            t = t[: -len(ending) + (1 if ending[0] == "s" else 0)]  # "States'" -> "States"
    return t.strip()


def repair_orgs(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Join "the Legion of Freedom for" + "Russia"; extend "the Russian" over "Volunteer Corps"."""
    out: list[Mention] = []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if out and out[-1].label == "ORG" and out[-1].end == m.start:
            last = doc[out[-1].end - 1]
            if last.lower_ in ("of", "for", "and", "de") and m.label in ("ORG", "GPE", "LOC"):
                out[-1].end = m.end
                continue
        if m.label == "ORG":
            j = m.end
            while (
                j < len(doc)
                and j not in taken
                and doc[j].pos_ == "PROPN"
                and doc[j].is_title
                and "\n" not in doc[j - 1].whitespace_
            ):
                j += 1
            m.end = j
        out.append(m)
    return out


def strip_titles(doc: Doc, mentions: list[Mention], resources: Resources) -> None:
    """ "Sultan Said bin Taimur", "Dr Meerjady", "(Mayor of) Koszalin Piotr Jedlinski": titles
    and the places closing them that the model put inside a name move out of it, where
    ``title_before`` finds them as the role."""
    lex = roles_mod.lexicon(resources)
    gaz = gazetteer(resources)
    for m in mentions:
        if (
            m.label in ("PERSON", "ORG", "GPE", "LOC", "NORP")
            and m.end - m.start >= 3
            and m.start >= 2
            and doc[m.start - 1].lower_ in ("of", "for", "from")
            and roles_mod.is_role_word(doc[m.start - 2], lex)
        ):
            # "Mayor of Koszalin Piotr Jedlinski", "Chief Executive of Hong Kong Carrie Lam",
            # "Senator from Vermont Bernie Sanders": the place closes the title, the rest is
            # the name
            for k in range(m.end - m.start - 2, 0, -1):
                places = gaz.candidates(doc[m.start : m.start + k].text)
                if places:
                    rest = doc[m.start + k : m.end]
                    if m.label != "PERSON" and not (
                        _bare_name(rest, lex) and any(p.prominent for p in places)
                    ):
                        break
                    mentions.append(Mention(m.start, m.start + k, "GPE"))
                    m.start, m.label = m.start + k, "PERSON"
                    break
        title_start = m.start
        _person_inside_org(doc, m, lex)
        if m.label == "PERSON" and m.start > title_start:
            place = _place_prefix(doc, title_start, m.start - 1, gaz)
            if place is not None:  # "[United States] Representative Elijah Cummings"
                mentions.append(Mention(title_start, place, "GPE"))
        elif (
            m.label == "ORG"
            and m.end - m.start >= 2
            and roles_mod.is_role_word(doc[m.end - 1], lex)
            and not roles_mod.has_org_word([t.text for t in doc[m.start : m.end]], lex)
        ):
            place = _place_prefix(doc, m.start, m.end - 1, gaz)
            if place is not None:  # "[United States] Federal District Judge": a title
                m.label, m.end = "GPE", place
        while m.label == "PERSON" and m.end - m.start >= 2:
            first = doc[m.start]
            if first.text in lex.honorifics or roles_mod.is_role_word(first, lex):
                m.start += 1
            else:
                break


MAX_PLACE_TOKENS = 4


def _bare_name(toks: Span, lex: roles_mod.Lexicon) -> bool:
    """Two or three capitalised words, none an organisation or role word: a person's name."""
    words = [t.text for t in toks]
    return (
        2 <= len(toks) <= 3
        and all(t.pos_ == "PROPN" and t.is_title for t in toks)
        and not roles_mod.has_org_word(words, lex)
        and not any(roles_mod.is_role_word(t, lex) for t in toks)
    )


def _place_prefix(doc: Doc, start: int, stop: int, gaz: Gazetteer) -> int | None:
    """End of the longest run of tokens from ``start`` (ending before ``stop``) that names a
    country, US state or prominent city: where a title written as a name says it is from."""
    for end in range(min(stop, start + MAX_PLACE_TOKENS), start, -1):
        if any(p.prominent for p in gaz.candidates(doc[start:end].text)):
            return end
    return None


def _person_inside_org(doc: Doc, m: Mention, lex: roles_mod.Lexicon) -> None:
    """ "[United States Representative Elijah Cummings]" as one ORG: a role word followed by
    a two- or three-word capitalised name closing the mention makes that name a PERSON."""
    if m.label != "ORG" or m.end - m.start < 3:
        return
    for k in range(m.end - 3, max(m.start - 1, m.end - 5), -1):
        name = doc[k + 1 : m.end]
        if (
            roles_mod.is_role_word(doc[k], lex)
            and all(t.pos_ == "PROPN" and t.is_title for t in name)
            and not roles_mod.has_org_word([t.text for t in name], lex)
            and not any(roles_mod.is_role_word(t, lex) for t in name)
        ):
            m.label, m.start = "PERSON", k + 1
            return


def extend_names(doc: Doc, mentions: list[Mention], resources: Resources) -> None:
    """ "Sławoj [Leszek Głódź]", "Tomasz [Kubiak]": a capitalised given name the model left
    outside a person's (or one-word organisation's) name joins it."""
    lex = roles_mod.lexicon(resources)
    gaz = gazetteer(resources)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.label != "PERSON" and not (m.label == "ORG" and m.end - m.start == 1):
            continue
        first = doc[m.start]
        if first.text in lex.honorifics or roles_mod.is_role_word(first, lex):
            continue  # "Ayatollah Mousa ...": the title is the model's, stripped later
        while m.start > 0:
            t = doc[m.start - 1]
            if (
                t.i in covered
                or t.pos_ != "PROPN"
                or not t.is_title
                or t.dep_ != "compound"
                or not m.start <= t.head.i < m.end
                or t.text in lex.honorifics
                or roles_mod.is_role_word(t, lex)
                or "\n" in t.whitespace_
                or gaz.candidates(t.text)
                or (
                    t.i >= 2
                    and doc[t.i - 1].lower_ in ("of", "for")
                    and roles_mod.is_role_word(doc[t.i - 2], lex)
                )  # "Minister of Information [Moammar al-Eryani]": the title's tail
            ):
                break
            m.start -= 1
            covered.add(m.start)


def described_people(doc: Doc, mentions: list[Mention], resources: Resources) -> list[Mention]:
    """ "Tomasz Kubiak, a fire service spokesman, told ...", "the death of cosmonaut Alexei
    Leonov": a two- or three-word capitalised name the model missed, followed by an
    apposition holding a role or right after a lower-case role word, is a person."""
    lex = roles_mod.lexicon(resources)
    gaz = gazetteer(resources)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added: list[Mention] = []
    i = 0
    while i < len(doc):
        j = i
        while (
            j < len(doc)
            and j not in covered
            and doc[j].pos_ == "PROPN"
            and doc[j].is_title
            and not roles_mod.is_role_word(doc[j], lex)
            and doc[j].text not in lex.honorifics
        ):
            j += 1
        if (
            2 <= j - i <= 3
            and j < len(doc)
            and not gaz.candidates(doc[i:j].text)
            and not roles_mod.has_org_word([t.text for t in doc[i:j]], lex)
            and (
                (doc[j].text == "," and roles_mod.apposition_after(doc, j, True, lex))
                or (
                    i > 0
                    and roles_mod.is_role_word(doc[i - 1], lex)
                    and _opens_title(doc, i - 1, j)
                )
            )
        ):
            added.append(Mention(i, j, "PERSON"))
        i = max(j, i + 1)
    return sorted([*mentions, *added], key=lambda m: m.start)


def _opens_title(doc: Doc, k: int, run_end: int) -> bool:
    """Whether the role word ``doc[k]`` is a title of its own before the name ending at
    ``run_end``: lower case ("cosmonaut X"), or capitalised after a word that is no name
    ("resignation of Governor X"), not the last word of an organisation's name."""
    if doc[k].is_lower:
        return True
    before = doc[k - 1] if k > 0 else None
    if run_end < len(doc) and doc[run_end].pos_ in ("NOUN", "PROPN"):
        return False  # "Deputy Emergency Situations Minister X": the title goes on
    return doc[k].is_title and (
        before is None or before.is_lower or before.is_punct or before.is_space
    )  # (a paragraph's first word: "\n\nCardinal X of the Holy See said")


PLACE_GUESSES = frozenset({"GPE", "LOC", "FAC"})


MAX_FACILITY_RUN = 4


def facility_end(doc: Doc, m: Mention, facilities: frozenset[str]) -> int | None:
    """End of a facility's name that a person's name runs on into ("General Bernardo
    O'Higgins Riquelme Base"), or None."""
    j = m.end
    while j < len(doc) and j - m.end < MAX_FACILITY_RUN and doc[j].is_title:
        if doc[j].text in facilities:
            return j + 1
        if doc[j].pos_ != "PROPN" or "\n" in doc[j - 1].whitespace_:
            return None
        j += 1
    return None


def assign_roles(doc: Doc, mentions: list[Mention], resources: Resources) -> None:
    lex = roles_mod.lexicon(resources)
    gaz = gazetteer(resources)
    facilities = frozenset(resources.data_lines("facility_words.txt"))
    for m in mentions:
        end = facility_end(doc, m, facilities) if m.label == "PERSON" else None
        if end is not None:
            m.end, m.label = end, "FAC"  # named after a person: a place, not the person
        elif m.label == "PERSON":
            m.role = roles_mod.find_role(doc, m.start, m.end, True, lex)
        elif m.label in PLACE_GUESSES and m.end - m.start in (2, 3):
            # "Dominic Hare, chief executive of the palace": a name the model took for a
            # place, unknown to the gazetteer, described the way people are
            toks = doc[m.start : m.end]
            words = [t.text for t in toks]
            role = roles_mod.find_role(doc, m.start, m.end, True, lex)
            if (
                role
                and all(t.pos_ == "PROPN" and t.is_title for t in toks)
                and not gaz.candidates(bare(toks.text), alternates=True)
                and not any(gaz.candidates(w) for w in words)
                and not roles_mod.has_org_word(words, lex)
            ):
                m.label, m.role = "PERSON", role
        elif m.label == "ORG":
            words = [t.text for t in doc[m.start : m.end]]
            as_person = roles_mod.find_role(doc, m.start, m.end, True, lex)
            looks_personal = (
                as_person
                and not roles_mod.has_org_word(words, lex)
                and 2 <= len(words) <= 4
                and all(w[:1].isupper() for w in words)
            )
            if looks_personal:
                m.label, m.role = "PERSON", as_person
            else:
                m.role = roles_mod.find_role(doc, m.start, m.end, False, lex)


def share_plural_titles(doc: Doc, mentions: list[Mention], resources: Resources) -> None:
    """ "Senior Advisors Jared Kushner and Ivanka Trump": a plural title before names joined
    by "and" or commas is each one's role."""
    lex = roles_mod.lexicon(resources)
    people = [m for m in mentions if m.label == "PERSON"]
    for a, b in zip(people, people[1:], strict=False):
        gap = doc[a.end : b.start]
        if b.role or not a.role or not 0 < len(gap) <= 2:
            continue
        if not all(t.lower_ in LIST_GLUE for t in gap):
            continue
        last = doc[a.start - 1] if a.start > 0 else None
        plural = last is not None and (
            last.tag_ in ("NNS", "NNPS")
            or (last.lower_.endswith("s") and last.lower_[:-1] in lex.nouns)
        )
        if not plural:
            continue
        if roles_mod.title_before(doc, a.start, lex) == a.role:
            b.role = a.role


def corefer_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Give each person their full name; bare surnames ("Malyar") become that PERSON."""
    full: dict[str, str] = {}
    ambiguous: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and m.end - m.start >= 2:
            name = bare(doc[m.start : m.end].text)
            surname = name.split()[-1]
            if full.get(surname, name) != name and not name.endswith(full[surname]):
                ambiguous.add(surname)
            full.setdefault(surname, name)
            if len(name) > len(full[surname]) and name.endswith(full[surname]):
                full[surname] = name
    for s in ambiguous:
        full.pop(s, None)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        text = bare(doc[m.start : m.end].text)
        if m.label in ("PERSON", *RELABELLABLE) and text in full:
            m.label, m.name = "PERSON", full[text]
        elif m.label == "PERSON":
            surname = text.split()[-1] if text else ""
            m.name = full.get(surname, text) if text.endswith(surname) else text
    for tok in doc:
        if tok.i not in covered and tok.pos_ == "PROPN" and tok.text in full:
            mentions.append(Mention(tok.i, tok.i + 1, "PERSON", full[tok.text]))
    mentions.sort(key=lambda m: m.start)
    return mentions


def placed_names(doc: Doc, mentions: list[Mention], resources: Resources) -> set[str]:
    """Bare one-word "person" names the article writes after a place cue ("in Valdora")."""
    cues = [tuple(c.lower().split()) for c in resources.data_lines("place_cues.txt")]
    out: set[str] = set()
    for m in mentions:
        if m.label != "PERSON" or m.end - m.start != 1 or len(m.name.split()) > 1:
            continue
        before = tuple(t.lower_ for t in doc[max(0, m.start - 3) : m.start])
        if any(before[-len(c) :] == c for c in cues):
            out.add(doc[m.start].text)
    return out


def split_lists(doc: Doc, mentions: list[Mention], resources: Resources) -> list[Mention]:
    """ "Winchester, Hampshire": a PLACE the gazetteer does not know as a whole is split at
    its commas into places of their own; an ORG "... in <known place>" loses the place."""
    gaz = gazetteer(resources)
    out: list[Mention] = []
    for m in mentions:
        cut = next((i for i in range(m.start + 1, m.end - 1) if doc[i].lower_ == "in"), None)
        if (
            m.label == "ORG"
            and cut is not None
            and gaz.candidates(m_text(doc, Mention(cut + 1, m.end, "")))
        ):
            # "White Medical Center in College Station": the organisation, then its place
            out += [Mention(m.start, cut, m.label), Mention(cut + 1, m.end, "GPE")]
            continue
        commas = [i for i in range(m.start, m.end) if doc[i].text == ","]
        if LABELS.get(m.label) != "PLACE" or not commas or gaz.candidates(bare(m_text(doc, m))):
            out.append(m)
            continue
        start = m.start
        for i in (*commas, m.end):
            if i > start:
                out.append(Mention(start, i, m.label))
            start = i + 1
    return out


def m_text(doc: Doc, m: Mention) -> str:
    return doc[m.start : m.end].text


def cued_places(doc: Doc, mentions: list[Mention], resources: Resources) -> list[Mention]:
    """Capitalised names the model left unlabelled after a place cue ("a landing at Calicut",
    "in Reading") that the gazetteer knows well: places if the article's context resolves
    them (label ``CUED`` until then; unresolved ones are dropped)."""
    gaz = gazetteer(resources)
    cues = resources.memo.get(CUE_KEY)
    if cues is None:
        cues = {c.lower() for c in resources.data_lines("place_cues.txt") if " " not in c}
        cues |= LOOSE_PLACE_CUES
        resources.memo[CUE_KEY] = cues
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added: list[Mention] = []
    i = 1
    while i < len(doc):
        tok = doc[i]
        if i in covered or tok.pos_ != "PROPN" or not tok.is_title or doc[i - 1].lower_ not in cues:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in covered and doc[j].pos_ == "PROPN" and doc[j].is_title:
            j += 1
        if any(p.prominent for p in gaz.candidates(doc[i:j].text, alternates=True)):
            added.append(Mention(i, j, CUED))
        i = j
    return sorted([*mentions, *added], key=lambda m: m.start)


HYPHEN_PREFIXES = frozenset({"pro", "anti"})


def prefixed_places(doc: Doc, mentions: list[Mention], resources: Resources) -> list[Mention]:
    """ "pro-Israel", "the pro-Beijing camp", "a Canadian-US scientist": a well-known place
    after "pro-"/"anti-" or a nationality and a hyphen is a mention of it (the model tags the
    compound as a nationality, or nothing); so is a country opening an event's name."""
    gaz = gazetteer(resources)
    added: list[Mention] = []
    for m in mentions:
        place = _place_prefix(doc, m.start, m.end - 1, gaz) if m.label == "EVENT" else None
        if place is not None and all(t.is_title for t in doc[place : m.end]):
            # "the 2020 US Presidential Election": the country the event is held in
            added.append(Mention(m.start, place, "GPE"))
            m.start = place
    for tok in doc[2:]:
        i = tok.i
        hyphen, prefix = doc[i - 1], doc[i - 2]
        if (
            not (tok.is_title or tok.is_upper)
            or hyphen.text != "-"
            or not (prefix.lower_ in HYPHEN_PREFIXES or prefix.ent_type_ == "NORP")
            or prefix.whitespace_
            or hyphen.whitespace_
        ):
            continue  # "pro-Beijing", "a Canadian-US scientist"
        for j in range(min(len(doc), i + MAX_PLACE_TOKENS), i, -1):
            if all(t.is_title or t.is_upper for t in doc[i:j]) and any(
                p.prominent for p in gaz.candidates(doc[i:j].text)
            ):
                added.append(Mention(i, j, "GPE"))
                break
    if not added:
        return mentions
    spans = [(a.start, a.end) for a in added]
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in spans)]
    return sorted([*kept, *added], key=lambda m: m.start)


def resolve_places(doc: Doc, mentions: list[Mention], resources: Resources) -> None:
    """Relabel known places as PLACE and resolve PLACEs, using the article's countries and
    US states: "Pasadena, California" is the Californian Pasadena."""
    gaz = gazetteer(resources)
    placed = placed_names(doc, mentions, resources)
    people = frozenset(resources.data_lines("person_nouns.txt"))
    for m in mentions:
        if m.label == "PERSON" and m.end - m.start == 1 and doc[m.start].text in placed:
            m.label = "PLACE"
            continue
        if m.label == "PERSON" and len(m.name.split()) > 1:
            continue
        name = bare(m_text(doc, m))
        if LABELS.get(m.label) == "PLACE" or (
            m.label in RELABELLABLE and is_known_place(name, resources)
        ):
            m.label = "PLACE"
        elif m.label == "ORG" and _modifies_person(doc, m, people) and gaz.candidates(name):
            m.label = "PLACE"  # "a 36-year-old Cheltenham man": where he is from
    pending = [m for m in mentions if m.label in ("PLACE", CUED)]
    # a name that is both a country and a US state ("Georgia") waits for the other places
    pending.sort(key=lambda m: _country_and_state(gaz, bare(m_text(doc, m))))
    countries: set[str] = set()
    states: set[str] = set()
    # Unambiguous names first; each place resolved narrows the next ("Florida" needs the US,
    # "Gainesville" then needs Florida).
    progress = True
    while pending and progress:
        progress, left = False, []
        for m in pending:
            place = gaz.resolve(bare(m_text(doc, m)), countries, states)
            if m.start >= 2 and doc[m.start - 2 : m.start].text.lower() in STATE_OF:
                # "the state of Montana": the US state, not a town elsewhere of that name
                us = [
                    p
                    for p in gaz.candidates(bare(m_text(doc, m)))
                    if p.kind == "state" and p.country == "US"
                ]
                place = us[0] if len(us) == 1 else place
            if place is None:
                left.append(m)
                continue
            progress = True
            m.label, m.place_id, m.name = "PLACE", place.id, place.name
            if place.country:
                countries.add(place.country)
            if place.kind == "state":
                states.add(place.admin1)
        pending = left
    if pending:  # still ambiguous between countries: the one the article names most
        weights = Counter(
            gaz.by_id[m.place_id].country for m in mentions if m.label == "PLACE" and m.place_id
        )
        for m in pending:
            place = gaz.resolve(bare(m_text(doc, m)), countries, states, weights=weights)
            if place is not None:
                m.label, m.place_id, m.name = "PLACE", place.id, place.name
    placed_by_neighbour(doc, mentions, resources)
    cues = resources.memo.get(CUE_KEY, LOOSE_PLACE_CUES)
    for m in mentions:
        # "between Baracoa and ...": a one-word name the model called a nationality or an
        # organisation, after a place cue, naming a city of a country the article is in.
        if m.label not in RELABELLABLE or m.label == "PERSON" or m.end - m.start != 1:
            continue
        if m.start == 0 or doc[m.start - 1].lower_ not in cues:
            continue
        place = gaz.resolve(m_text(doc, m), countries, states)
        if place is not None and place.kind == "city" and place.country in countries:
            m.label, m.place_id, m.name = "PLACE", place.id, place.name


def _country_and_state(gaz: Gazetteer, name: str) -> bool:
    kinds = [p.kind for p in gaz.candidates(name)]
    return "country" in kinds and "state" in kinds


def _modifies_person(doc: Doc, m: Mention, people: frozenset[str]) -> bool:
    """A one-word name right before a noun for a person ("a Cheltenham man")."""
    after = doc[m.end] if m.end < len(doc) else None
    return (
        m.end - m.start == 1
        and after is not None
        and after.lemma_.lower() in people
        and after.is_lower
        and (m.start == 0 or doc[m.start - 1].pos_ in ("DET", "ADJ", "NUM", "PUNCT"))
    )


LIST_GLUE = frozenset({",", "and"})
STATE_OF = frozenset({"state of"})


def _next_to(doc: Doc, a: Mention, b: Mention) -> bool:
    """Whether ``b`` follows ``a`` with only commas and "and" between them."""
    gap = doc[a.end : b.start]
    return 0 < len(gap) <= 2 and all(t.lower_ in LIST_GLUE for t in gap)


def placed_by_neighbour(doc: Doc, mentions: list[Mention], resources: Resources) -> None:
    """ "Florida, Georgia, Kansas": a name listed beside US states is the state (not the
    country, not a town in one of them); "Allen, Texas", "Ciudad Juárez, Mexico": a name
    followed by a comma and a state or country is a city there when the gazetteer has one."""
    gaz = gazetteer(resources)

    def place(m: Mention) -> Place | None:
        return gaz.by_id.get(m.place_id) if m.label == "PLACE" and m.place_id else None

    befores: list[Mention | None] = [None, *mentions[:-1]]
    afters: list[Mention | None] = [*mentions[1:], None]
    for prev, m, nxt in zip(befores, mentions, afters, strict=False):
        here = place(m)
        states = [
            p
            for p in gaz.candidates(bare(m_text(doc, m)))
            if p.kind == "state" and p.country == "US"
        ]
        beside = [
            o for o in (prev, nxt) if o is not None and (_next_to(doc, o, m) or _next_to(doc, m, o))
        ]
        then = place(nxt) if nxt is not None and doc[m.end : nxt.start].text == "," else None
        if (
            here is not None
            and here.kind != "state"
            and len(states) == 1
            and (then is None or then.kind == "state")  # not "Washington, D.C."
            and any((q := place(o)) is not None and q.kind == "state" for o in beside)
        ):
            m.place_id, m.name = states[0].id, states[0].name
            continue
        area = then
        if here is not None or area is None or area.kind not in ("state", "country"):
            continue
        if m.label not in RELABELLABLE:
            continue
        cities = [
            p
            for p in gaz.candidates(bare(m_text(doc, m)), alternates=True)
            if p.kind == "city"
            and p.country == area.country
            and (area.kind == "country" or p.admin1 == area.admin1)
        ]
        if len(cities) == 1:
            m.label, m.place_id, m.name = "PLACE", cities[0].id, cities[0].name


def name_orgs(doc: Doc, mentions: list[Mention]) -> None:
    """Canonical ORG name: the longest ORG in the article that ends with this one."""
    names = {bare(doc[m.start : m.end].text) for m in mentions if m.label == "ORG"}
    for m in mentions:
        if m.label != "ORG":
            continue
        own = bare(doc[m.start : m.end].text)
        longer = [n for n in names if n != own and n.endswith(" " + own)]
        m.name = max(longer, key=len) if len(longer) == 1 else own


def share_roles(mentions: list[Mention]) -> None:
    """Every mention of one person or organisation carries the first role found for it."""
    first: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.role and (m.label, m.name) not in first:
            first[(m.label, m.name)] = m.role
    for m in mentions:
        if m.role is None and m.label in ("PERSON", "ORG"):
            m.role = first.get((m.label, m.name))


def find_entities(doc: Doc, resources: Resources) -> list[Mention]:
    """All corrected mentions in a parsed text, in text order."""
    mentions = [Mention(e.start, e.end, e.label_) for e in doc.ents]
    mentions = repair_orgs(doc, mentions)
    extend_names(doc, mentions, resources)
    strip_titles(doc, mentions, resources)
    mentions = described_people(doc, mentions, resources)
    assign_roles(doc, mentions, resources)
    share_plural_titles(doc, mentions, resources)
    mentions = corefer_people(doc, mentions)
    mentions = split_lists(doc, mentions, resources)
    mentions = cued_places(doc, mentions, resources)
    mentions = prefixed_places(doc, mentions, resources)
    resolve_places(doc, mentions, resources)
    name_orgs(doc, mentions)
    for m in mentions:
        if not m.name:
            m.name = bare(doc[m.start : m.end].text)
    share_roles(mentions)
    return mentions


@register("entities", 8, requires={"doc"}, provides={"entities"}, english_only=True)
def entities(article: Article, doc: Doc | None, resources: Resources) -> Article:
    assert doc is not None
    found = []
    for m in find_entities(doc, resources):
        label = LABELS.get(m.label)
        if label is None:
            continue
        start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
        text = article.text[start:end]
        role = m.role if label in ("PERSON", "ORG") else None
        found.append(Entity(start, end, text, label, m.name or text, role, m.place_id))
    return article.evolve(entities=tuple(found))


@register("entities", 1, requires={"doc"}, provides={"entities"}, english_only=True)
def entities_v1(article: Article, doc: Doc | None, resources: Resources) -> Article:
    """The first version, plain spaCy labels mapped: kept so pinned pipelines still run."""
    assert doc is not None
    found = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is not None:
            text = article.text[ent.start_char : ent.end_char]
            found.append(Entity(ent.start_char, ent.end_char, text, label, text.strip()))
    return article.evolve(entities=tuple(found))
