"""Claims stage: statements that put a number on something, and who makes them.

For each number expression (``numbers.py``) the parse tells us what it counts (``about``):
an event word near it ("killed", "evacuated", the "killing of"), else the counted noun
("towns", "kilometres"), else its unit (money, percent). Nouns for people ("residents",
"infiltrators") need an event word: "180 volunteers" is not a claim about anything.

Who claims it (``source_name``), in order: the speaker of the direct quote that holds it,
"according to X" in the sentence, the subject of the reporting verb governing it ("the
Russian Defense Ministry reported ..."), the speaker of the indirect quote that holds it, else
the outlet itself. Common
nouns as sources ("the volunteers") are resolved to the organisations the article names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..pipeline import register
from ..records import Article, Claim, Entity, Quote
from ..resources import Resources
from .numbers import Quantity, find_quantities, find_tallies

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MEMO_KEY = "claims.lexicon"
# Counted things that are events happening to people: a person noun needs one of these.
EVENTS = frozenset(
    {
        "killed",
        "casualties",
        "injured",
        "missing",
        "arrested",
        "displaced",
        "evacuated",
        "rescued",
        "infected",
        "recovered",
    }
)
MEASURES = frozenset({"distance", "area", "volume"})
MAX_CLIMB = 6
VIA_PREP = "@prep"  # claim_terms.tsv: a word that counts only as "taken to hospital"
# Dependencies an event word may be reached through: within one clause, never across
# "and" (conj) or into another clause (advcl, ccomp), where a different number lives.
CLIMB_THROUGH = frozenset(
    {
        "nummod",
        "quantmod",
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "prep",
        "attr",
        "appos",
        "compound",
        "amod",
        "npadvmod",
        "acomp",
        "oprd",
        "agent",
        "det",
        "dative",
    }
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    terms: dict[str, str]
    person_nouns: frozenset[str]
    reporting: frozenset[str]
    units: dict[str, str]
    via_prep: dict[str, str]
    anonymous: frozenset[str]
    event_nouns: frozenset[str]
    voters: frozenset[str]
    vote_verbs: frozenset[str]
    vote_measures: frozenset[str]
    source_nouns: frozenset[str]
    sample_nouns: frozenset[str]
    research_words: frozenset[str]
    chamber_words: frozenset[str]


def lexicon(resources: Resources) -> Lexicon:
    memo = resources.memo
    if MEMO_KEY not in memo:
        rows = [line.split("\t") for line in resources.data_lines("claim_terms.tsv")]
        memo[MEMO_KEY] = Lexicon(
            {r[0]: r[1] for r in rows if len(r) < 3 or r[2] != VIA_PREP},
            frozenset(resources.data_lines("person_nouns.txt")),
            frozenset(resources.data_lines("reporting_verbs.txt")),
            {r[0]: r[2] for r in rows if len(r) > 2 and r[2] != VIA_PREP},
            {r[0]: r[1] for r in rows if len(r) > 2 and r[2] == VIA_PREP},
            frozenset(resources.data_lines("anonymous_sources.txt")),
            frozenset(resources.data_lines("event_nouns.txt")),
            frozenset(resources.data_lines("voter_nouns.txt")),
            frozenset(resources.data_lines("vote_verbs.txt")),
            frozenset(resources.data_lines("vote_measures.txt")),
            frozenset(
                w.lower()
                for name in ("source_nouns.txt", "org_words.txt")
                for w in resources.data_lines(name)
            ),
            frozenset(resources.data_lines("sample_nouns.txt")),
            frozenset(resources.data_lines("research_words.txt")),
            frozenset(resources.data_lines("chamber_words.txt")),
        )
    lex: Lexicon = memo[MEMO_KEY]
    return lex


def term(tok: Token, lex: Lexicon) -> str | None:
    return lex.terms.get(tok.lower_) or lex.terms.get(tok.lemma_.lower())


def joined(tok: Token) -> str:
    """A measure written as two words, hyphenated as the lexicon holds it ("light-year")."""
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return f"{before}-{tok.lemma_.lower()}"


def is_person(tok: Token, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.person_nouns or tok.lower_ in lex.person_nouns


def counted_token(doc: Doc, q: Quantity) -> tuple[Token | None, Token]:
    """(the noun the number counts, or None; the number's own last token)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    assert span is not None
    num = span[-1]
    sent_end = num.sent.end
    j = num.i + 1
    # "tens of kilometres", "six of the dead": the noun after "of"
    if num.lower_ == "of" or (j < sent_end and doc[j].lower_ == "of"):
        k = num.i + 1 if num.lower_ == "of" else j + 1
        while k < sent_end and doc[k].pos_ in ("DET", "ADJ", "NUM", "ADV", "PRON"):
            if term(doc[k], lexicon_of(doc)) and doc[k].pos_ == "ADJ":
                break
            k += 1
        if k < sent_end and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
            t = doc[k]
            while t.dep_ in ("compound", "poss") and t.i < t.head.i < sent_end:
                t = t.head  # "over 4,200 of the island nation's residents": the residents
            if is_person(t, lexicon_of(doc)):
                return t, num
            return doc[k], num  # not "80 of other people's ballots"
    for k in range(j, min(j + 4, sent_end)):
        t = doc[k]
        if t.pos_ == "SPACE":
            continue  # "50\u00a0m": a no-break space is a token of its own
        if t.lower_ in lexicon_of(doc).units and t.pos_ not in ("NOUN", "PROPN"):
            return t, num  # "m", "ft" tagged as a verb or a foreign word
        if t.pos_ in ("NOUN", "PROPN"):
            lex = lexicon_of(doc)
            # "31 cholera related deaths": the deaths; but "a 75 ft long boat" measures feet
            if (
                t.dep_ == "npadvmod"
                and not term(t, lex)
                and t.head.dep_ == "amod"
                and t.i < t.head.i < t.head.head.i
            ):
                t = t.head.head
            while (
                (
                    t.dep_ == "compound"
                    or (t.dep_ == "nmod" and not term(t, lex))
                    or (t.dep_ == "amod" and t.pos_ == "PROPN")
                )
                and t.head.i > t.i
                and t.head.i < sent_end
            ):
                t = t.head  # "620 emergency workers", "two Buddhist pilgrims": the people
            return t, num
        if t.pos_ == "ADJ" and (term(t, lexicon_of(doc)) or k + 1 >= sent_end):
            return t, num
        if t.tag_ == "VBN" and t.dep_ == "amod" and t.i < t.head.i < sent_end:
            continue  # "21 confirmed cases", "53 measles related deaths": a participle
        if t.pos_ not in ("ADJ", "ADV", "NUM") and t.lower_ != "-":
            break
    head = num.head
    if num.dep_ in ("nummod", "det", "quantmod", "amod") and num.i < head.i <= num.i + 5:
        between = doc[num.i + 1 : head.i]
        if head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON") and not any(t.is_punct for t in between):
            return head, num
    return None, num


def lexicon_of(doc: Doc) -> Lexicon:
    lex: Lexicon = doc.user_data["presstrace.claims.lexicon"]
    return lex


def of_term(tok: Token, lex: Lexicon) -> str | None:
    """ "the number of deaths" -> killed."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and term(obj, lex):
                    return term(obj, lex)
    return None


TALLY_NOUNS = frozenset({"count", "tally", "figure", "number", "total"})


def compound_term(tok: Token, lex: Lexicon) -> str | None:
    """ "placed the protester death count in the hundreds": an event word compounded with
    a noun for a tally."""
    if tok.lemma_.lower() not in TALLY_NOUNS:
        return None
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and term(child, lex) in EVENTS:
            return term(child, lex)
    return None


def event_near(start: Token, lex: Lexicon) -> str | None:
    """An event word governing or modifying ``start``: "people killed", "died", "killing of"."""
    head = start.head
    if start.dep_ == "nsubj" and head.pos_ == "VERB" and term(head, lex) in EVENTS:
        if any(c.dep_ == "dobj" for c in head.children):
            return None  # "two blasts killed 20 people": the blasts did the killing
    for child in start.children:
        if child.dep_ in ("acl", "amod", "relcl", "appos") and term(child, lex) in EVENTS:
            return term(child, lex)
    nxt = start.doc[start.i + 1] if start.i + 1 < len(start.doc) else None
    if nxt is not None and nxt.pos_ in ("ADJ", "VERB") and term(nxt, lex) in EVENTS:
        return term(nxt, lex)
    if start.pos_ in ("NOUN", "PROPN"):
        for prep in start.children:  # "13 students with minor injuries", "40 under the rubble"
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "under", "in"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.via_prep:
                    return lex.via_prep[obj.lemma_.lower()]
                if obj.dep_ == "pobj" and prep.lower_ == "with" and term(obj, lex) in EVENTS:
                    return term(obj, lex)
    tok = start
    for _ in range(MAX_CLIMB):
        nouns = tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        if tok.head.i == tok.i or (tok.dep_ not in CLIMB_THROUGH and not nouns):
            break  # "a man and two women" climbs; "... and nine are missing" does not
        tok = tok.head
        about = term(tok, lex)
        if about in EVENTS:
            return about
        if tok.pos_ in ("VERB", "AUX"):
            for child in tok.children:
                # "lost their lives", "suffered injuries", "raised the death toll"
                # "have been confirmed killed": the event is the verb's complement
                if child.dep_ in ("nsubj", "nsubjpass", "acomp", "oprd", "attr", "dobj", "xcomp"):
                    found = term(child, lex) or of_term(child, lex) or compound_term(child, lex)
                    if found in EVENTS and child.i != start.i:
                        return found
                if child.dep_ == "prep":
                    for gc in child.children:
                        if gc.dep_ != "pobj":
                            continue
                        if gc.lemma_.lower() in lex.via_prep:  # "taken to hospital"
                            return lex.via_prep[gc.lemma_.lower()]
                        if gc.pos_ == "NOUN" and term(gc, lex) in EVENTS:  # "treated for injuries"
                            return term(gc, lex)
            if tok.lemma_.lower() in lex.reporting:
                break
    return None


def _near(num: Token, words: set[str] | frozenset[str], width: int = 4) -> bool:
    doc = num.doc
    lo, hi = max(num.sent.start, num.i - width), min(num.sent.end, num.i + width + 1)
    return any(doc[k].lower_ in words for k in range(lo, hi))


BALLOT = frozenset({"vote", "ballot"})
WINNING = frozenset({"won", "win", "wins", "winning", "received", "receiving", "garnered"})
ELECTIONS = frozenset(
    {"election", "elections", "reelection", "primary", "primaries", "caucus", "caucuses"}
    | {"runoff", "constituency"}
)
POLLING = frozenset({"support", "approval", "poll", "polls", "polling", "favorability"})
REFERENDUM = frozenset({"referendum", "plebiscite"})


def _of_object(num: Token) -> str | None:
    """The lemma of the noun in "N% of the ... X" ("70% of the two-party-preferred vote")."""
    doc = num.doc
    for k in range(num.i + 1, min(num.i + 3, num.sent.end)):
        if doc[k].lower_ == "of":
            objs = [c for c in doc[k].children if c.dep_ == "pobj"]
            return objs[0].lemma_.lower() if objs else None
    return None


def _clause_subject(num: Token) -> str | None:
    """The lemma of the subject of the clause holding ``num`` ("turnout was ... 67.3%")."""
    tok = num
    for _ in range(MAX_CLIMB):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0].lemma_.lower() if subjects else None


SAVED = frozenset({"saved", "save", "saving"})


def _stem(tok: Token) -> str:
    """Lemma of a noun, with a plural name's "s" dropped ("Democrats" -> "democrat")."""
    lemma = tok.lemma_.lower()
    return lemma[:-1] if tok.tag_ == "NNPS" and lemma.endswith("s") else lemma


def is_party_vote(counted: Token, lex: Lexicon) -> bool:
    """ "231 Democrats supporting the resolution, ... two Democrats opposed": members of a
    voting body counted as the subject of a vote verb, in a sentence naming the measure."""
    if _stem(counted) not in lex.voters:
        return False
    verbs = [c for c in counted.children if c.dep_ in ("acl", "relcl")]
    if counted.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(counted.head)
    if not any(v.lemma_.lower() in lex.vote_verbs for v in verbs):
        return False
    return voted_on(counted, lex)


def voted_on(tok: Token, lex: Lexicon) -> bool:
    """Whether the sentence of ``tok`` names a measure voted on (a bill, a resolution)."""
    return any(t.lemma_.lower() in lex.vote_measures for t in tok.sent)


def about_of(doc: Doc, q: Quantity, lex: Lexicon) -> tuple[str | None, Token, Token | None]:
    """(counted thing or None, number token, counted token)."""
    counted, num = counted_token(doc, q)
    if q.unit == "%":
        if _near(num, {"turnout"}) or _clause_subject(num) == "turnout":
            return "turnout", num, None
        voting = _near(num, {"vote", "votes", "voted", "voters"}) or _of_object(num) in BALLOT
        # "held a referendum ..., and 67% came out against": a referendum's result
        voting = voting or any(t.lower_ in REFERENDUM for t in num.sent)
        # "won re-election with 58 percent": a candidate's result in an election
        voting = voting or (
            _near(num, WINNING, width=6) and any(t.lower_ in ELECTIONS for t in num.sent)
        )
        if _near(num, POLLING, width=2) and _of_object(num) not in BALLOT:
            voting = False  # "21% support among Democratic voters": a poll, not a vote
        return ("vote share" if voting else "percent"), num, None
    if q.unit is not None:
        return "money", num, None
    if counted is not None:
        if is_party_vote(counted, lex):
            return "votes", num, counted
        for child in counted.children:  # "33 recovered cases", "12 injured people"
            if child.dep_ not in ("amod", "compound") or term(child, lex) not in EVENTS:
                continue
            if child.dep_ == "compound" and not (is_person(counted, lex) or term(counted, lex)):
                continue  # "36 arrest warrants" count warrants, not arrests
            return term(child, lex), num, counted
        about = term(counted, lex)
        if about is None and lex.terms.get(joined(counted)) in MEASURES:
            return lex.terms[joined(counted)], num, counted  # "50 light years away"
        if counted.lemma_.lower() == "life" and _near(counted, SAVED, width=2):
            return "rescued", num, counted  # "14,000 lives saved"
        on = doc.text[max(0, q.start - 4) : q.start].rstrip().lower().endswith(" on")
        on = on or (counted.dep_ == "pobj" and counted.head.lower_ == "on")
        if on and counted.lemma_.lower() == "ballot":
            return None, num, counted  # "appeared on four state ballots": ballot papers
        if about in ("distance", "area") and counted.i > 0:
            before = doc[counted.i - 1].lower_
            about = {"cubic": "volume", "square": "area"}.get(before, about)
        if about is not None and about not in EVENTS and not is_person(counted, lex):
            return about, num, counted
        if about in EVENTS and counted.pos_ in ("NOUN", "ADJ"):
            return about, num, counted
        # people ("residents", "miners"...): what happened to them is the claim
        if is_person(counted, lex):
            event = event_near(counted, lex)
            if counted.lemma_.lower() == "survivor" and event in ("recovered", "killed"):
                event = "rescued"  # "recovered ten survivors from the debris"
            return event, num, counted
        # other plural nouns only as the event's own subject or object: "killed two
        # visitors", not "infected 35,000 in at least 28 countries"
        direct = counted.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos", "attr") or (
            counted.dep_ == "pobj"
            and counted.head.head.pos_ == "NOUN"
            and term(counted.head.head, lex) in EVENTS  # "the deaths of 14 miners"
        )
        if counted.tag_ in ("NNS", "NNPS", "PRP") and direct:
            return event_near(counted, lex), num, counted
        return None, num, counted
    for child in num.children:  # "of the 2.8 million who voted"
        if child.dep_ == "relcl" and term(child, lex) == "votes":
            return "votes", num, None
    after = doc[num.i + 1] if num.i + 1 < num.sent.end else None
    if num.dep_ == "nsubj" and after is not None and after.lower_.rstrip("s") in lex.voters:
        # "one independent voted against": the parser made the number the subject
        if num.head.lemma_.lower() in lex.vote_verbs and voted_on(num, lex):
            return "votes", num, None
    if exceeded(num):
        subjects = [c for c in num.head.children if c.dep_ == "nsubj"]
        found = _counted_by_subject(subjects[0], lex) if subjects else None
        if found is not None:
            return found, num, counted
    return event_near(num, lex), num, counted


EXCEED_VERBS = frozenset({"exceed", "surpass", "top"})


def exceeded(num: Token) -> bool:
    """ "the number ... may considerably exceed 1000": the figure is a floor."""
    return num.dep_ == "dobj" and num.head.lemma_.lower() in EXCEED_VERBS


def _counted_by_subject(subject: Token, lex: Lexicon) -> str | None:
    """What "the number of people infected" counts: the event said of the people."""
    about = term(subject, lex) or of_term(subject, lex)
    if about is not None:
        return about
    for prep in subject.children:
        for obj in prep.children:
            if prep.lower_ == "of" and obj.dep_ == "pobj" and is_person(obj, lex):
                for child in obj.children:
                    if child.dep_ in ("acl", "amod", "relcl") and term(child, lex) in EVENTS:
                        return term(child, lex)
    return None


# Words that end the stretch a listed figure shares with the verb after it: a new clause.
CLAUSE_BREAK = frozenset(
    {
        ";",
        ":",
        ".",
        "who",
        "which",
        "that",
        "where",
        "when",
        "while",
        "after",
        "before",
        "because",
        "as",
        "but",
        "if",
        "since",
        "until",
    }
)
LIST_SCAN = 20


def countable(counted: Token | None, lex: Lexicon) -> bool:
    """A figure that may count people: bare, a person noun, a plural or a group's name."""
    if counted is None:
        return True
    return is_person(counted, lex) or counted.tag_ in ("NNS", "NNPS") or counted.pos_ == "PROPN"


def coordination(tok: Token) -> set[int]:
    """Token indices of the noun list ``tok`` is part of ("150 soldiers, 95 civilians and
    hundreds of rebels"): up through conj/appos to the first item, then down again."""
    root = tok
    while (
        root.dep_ in ("conj", "appos")
        and root.head.i != root.i
        and root.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ")
    ):
        root = root.head
    group: set[int] = set()
    stack = [root]
    while stack:
        t = stack.pop()
        group.add(t.i)
        stack += [c for c in t.children if c.dep_ in ("conj", "appos")]
    return group


def verb_after(start: Token, lex: Lexicon, figures: frozenset[int] = frozenset()) -> str | None:
    """The event of a list whose verb comes last: "150 soldiers, 95 civilians and hundreds
    of rebels killed", "around twenty more, including a reporter, were injured", "one child
    was, according to the fire service, among the dead". The first verb after the figure
    decides; a new clause, or a verb with an object of its own ("killed 20"), ends the search."""
    doc = start.doc
    end = min(start.sent.end, start.i + LIST_SCAN)
    listed = coordination(start)
    for k in range(start.i + 1, end):
        t = doc[k]
        if t.lower_ in CLAUSE_BREAK:
            return None
        if (t.like_num or t.i in figures) and not ({t.i, t.head.i} & listed):
            return None  # "between the two blasts, at least 20 were killed": 20's verb
        nxt = doc[k + 1] if k + 1 < end else None
        if t.pos_ == "CCONJ" and nxt is not None and nxt.pos_ in ("VERB", "AUX"):
            return None  # "He was 101 and died ...": a second clause
        about = term(t, lex)
        if (
            about in EVENTS
            and k >= 2
            and doc[k - 2].lower_ == "among"
            and doc[k - 1].lower_ == "the"
        ):
            return about
        if t.pos_ == "AUX" or (t.pos_ == "VERB" and t.dep_ == "prep"):
            continue  # "were", "including", "according (to)"
        if t.pos_ == "ADJ" and doc[k - 1].lemma_ == "be":
            return about if about in EVENTS else None  # "were dead"; not "were unemployed"
        if t.pos_ == "VERB":
            if about not in EVENTS or any(c.dep_ == "dobj" for c in t.children):
                return None
            return about
    return None


def listed_event(
    num: Token,
    counted: Token | None,
    events: dict[int, str],
    lex: Lexicon,
    figures: frozenset[int] = frozenset(),
) -> str | None:
    """What a figure with no event of its own counts, from the list it stands in: the event
    of another item of the same noun list (``events``: token index -> event of the figures
    already placed), else a verb after the whole list."""
    if not countable(counted, lex):
        return None
    doc = num.doc
    if counted is None and (num.dep_ == "attr" or (num.i > 0 and doc[num.i - 1].pos_ == "PROPN")):
        return None  # "he was 101", "Flight 610": an age, a name
    anchors = [t for t in (num, counted) if t is not None]
    if num.i >= 2 and doc[num.i - 2].lower_ == "as" and doc[num.i - 1].lemma_ in ("be", "do"):
        # "90 civilians were wounded, as were seventeen soldiers": the event before
        earlier = [i for i in events if num.sent.start <= i < num.i]
        if earlier:
            return events[max(earlier)]
    for anchor in anchors:
        for i in coordination(anchor):
            if i in events and i not in (num.i, counted.i if counted is not None else -1):
                return events[i]
    last = anchors[-1]
    if last.dep_ == "dobj" and last.head.lemma_ == "include":
        # "the 36 people infected included 26 army personnel": a part of the subject's count
        for subject in last.head.children:
            if subject.dep_ in ("nsubj", "nsubjpass"):
                found = [events[t.i] for t in subject.subtree if t.i in events]
                if found:
                    return found[0]
    governor = last.head.head if last.dep_ == "pobj" else last.head
    if (
        last.dep_ in ("dobj", "pobj")
        and governor.pos_ == "VERB"
        and governor.i < last.i
        and (
            governor.lemma_.lower() not in lex.reporting or governor.lemma_.lower() in NOT_BY_OBJECT
        )
    ):
        return None  # "has published over 300 papers ...": the figure has its verb
    return verb_after(last, lex, figures)


def shares_list(before: Token, num: Token, figures: frozenset[int]) -> bool:
    """Whether ``num`` follows the figure ``before`` in the same list of one clause: the same
    sentence, no clause break and no other figure between them, at most ``LIST_SCAN`` apart."""
    if before.sent.start != num.sent.start or not 0 < num.i - before.i <= LIST_SCAN:
        return False
    between = num.doc[before.i + 1 : num.i]
    return not any(t.lower_ in CLAUSE_BREAK or t.i in figures for t in between)


PLACE_PREPS = frozenset({"in", "at", "from"})


def by_place(before: Token, num: Token, figures: frozenset[int]) -> bool:
    """Whether a bare ``num`` breaks the count of ``before`` down by place: "21 injured in
    A, 36 in B and seven in C" (a comma or "and" before it, "in"/"at" after it)."""
    doc = num.doc
    if num.i + 1 >= num.sent.end or not shares_list(before, num, figures):
        return False
    return doc[num.i - 1].lower_ in (",", "and") and doc[num.i + 1].lower_ in PLACE_PREPS


PASSING = frozenset({"pass", "approve", "reject", "defeat", "adopt", "confirm", "acquit"})
VOTE_WORDS = frozenset({"vote", "votes", "voted", "voting", "ballot", "ballots"})


def qualifier_of(doc: Doc, q: Quantity, num: Token) -> str | None:
    """The stated qualifier, or "additional" ("three more bodies") / "part of" ("six of the")."""
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if q.kind != "vague" and nxt is not None:
        if nxt.lower_ in ("more", "additional", "further", "new", "other"):
            return "additional"
        after = doc[num.i + 2].lower_ if num.i + 2 < len(doc) else ""
        if nxt.lower_ == "of" and after in ("the", "its") and q.unit is None:
            return "part of"
    return q.qualifier


def entity_names(entities: tuple[Entity, ...], start: int, end: int) -> list[str]:
    """Names of PERSON/ORG entities inside [start, end), in order, without repeats."""
    names: list[str] = []
    for e in entities:
        if e.start >= start and e.end <= end and e.label in ("PERSON", "ORG"):
            if e.name not in names:
                names.append(e.name)
    return names


def resolve_group(
    np: Span, entities: tuple[Entity, ...], anonymous: frozenset[str] = frozenset()
) -> str | None:
    """ "the volunteers" -> the organisations named with that word; else the phrase itself."""
    root = np.root
    for tok in (root, *(c for c in root.children if c.dep_ == "appos")):
        for e in entities:
            if e.start <= tok.idx < e.end and e.label in ("PERSON", "ORG", "PLACE", "NORP"):
                return e.name  # "the director of X, Dr Y" -> Y
    stem = root.lemma_.lower()
    if stem in anonymous or root.lower_ in anonymous:
        # "the situational report of NDRRMC", "a BBC report": whoever the report is of
        named = [
            e.name
            for e in entities
            if np.start_char <= e.start
            and e.end <= np.end_char
            and e.label in ("PERSON", "ORG")
            and (e.end <= root.idx or _of_phrase(root, e.start))
        ]
        return named[0] if named else None  # "Reports said": nobody named
    if root.pos_ == "NUM" or root.like_num:
        return None  # "33 were reported ...": the subject is another figure
    if root.pos_ == "PROPN":
        return compact_phrase(root)
    named = entity_names(entities, np.start_char, np.end_char)
    if named:
        return " / ".join(named)
    if root.pos_ == "PRON":
        if root.lower_ in ("which", "that", "who", "it", "they", "this"):
            return None
        want = "PERSON" if root.lower_ in ("he", "she") else "ORG"
        before = [e for e in entities if e.label == want and e.end <= np.start_char]
        return before[-1].name if before else None
    orgs = [e for e in entities if e.label == "ORG" and stem in e.name.lower()]
    if orgs:
        best = min(orgs, key=lambda e: abs(e.start - np.start_char))
        return best.name
    return compact_phrase(root)


def _of_phrase(root: Token, start: int) -> bool:
    """Whether the character ``start`` lies in an "of"/"by"/"from" phrase of ``root``."""
    return any(
        c.dep_ in ("prep", "agent")
        and c.lower_ in ("of", "by", "from")
        and c.idx < start <= c.right_edge.idx
        for c in root.children
    )


def compact_phrase(root: Token) -> str | None:
    """ "the regional emergency service" -> "regional emergency service" (no clauses)."""
    first = root.i
    doc = root.doc
    while first > root.sent.start:
        t = doc[first - 1]
        if t.dep_ not in ("compound", "amod", "poss", "case", "nmod") or "\n" in t.whitespace_:
            break
        first -= 1
    return doc[first : root.i + 1].text or None


def _phrase(doc: Doc, tok: Token) -> Span:
    """The subtree of ``tok`` clipped to its sentence."""
    sent = tok.sent
    return doc[max(tok.left_edge.i, sent.start) : min(tok.right_edge.i + 1, sent.end)]


# Reporting verbs whose direct object is a thing posted or told, never the figure itself.
NOT_BY_OBJECT = frozenset({"post", "tweet", "write", "tell", "publish", "add", "release"})


def _via_object(num: Token, verb: Token) -> bool:
    """Whether ``num`` hangs under ``verb`` through its direct object."""
    tok = num
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
    return tok.head.i == verb.i and tok.dep_ == "dobj"


def _with_holder(verb: Token) -> Token | None:
    """ "with the next highest country, the United Kingdom, reporting ...": the noun after
    "with" just before a subjectless reporting verb (its appositive name when it has one)."""
    doc = verb.doc
    for prep in doc[verb.sent.start : verb.i]:
        if prep.lower_ != "with" or prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and 0 < verb.i - obj.right_edge.i <= 2:
                names = [c for c in obj.children if c.dep_ == "appos"]
                return names[0] if names else obj
    return None


def _vote_cue(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a quote's cue is a vote ("voted", "opposed"), which states no figure."""
    if doc.text[start:end].lower() in VOTE_WORDS:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in lex.vote_verbs for t in span)


def source_of(article: Article, doc: Doc, num: Token, q: Quantity, lex: Lexicon) -> str | None:
    """The speaker of a direct quote holding the number; else who the number's own sentence
    names ("according to X", the subject of a reporting verb); else the speaker of an indirect
    quote holding it; else the outlet. The sentence's own attribution beats an indirect
    quote's speaker, which the quotes stage may have resolved across sentences."""
    quoted: Quote | None = None
    for quote in article.quotes:
        c = quote.content
        if quote.cue is not None and _vote_cue(doc, quote.cue.start, quote.cue.end, lex):
            continue  # "the legislature voted 66 to 27", "two Democrats opposed": a decision
        if c.start <= q.start and q.end <= c.end and quote.speaker_name:
            quoted = quote
            break
    if quoted is not None and quoted.speaker_name is not None:
        if quoted.speaker_name.casefold() in lex.anonymous:
            return None  # "Reports said at least 116 people died"
        if quoted.kind == "direct":
            return quoted.speaker_name
    local = _sentence_source(article, doc, num, q, lex)
    if local is not None:
        return local
    if quoted is not None:
        return quoted.speaker_name
    return article.credited_source or article.publisher


def _sentence_source(
    article: Article, doc: Doc, num: Token, q: Quantity, lex: Lexicon
) -> str | None:
    """Who the number's own sentence says makes the claim, or None."""
    sent = num.sent
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            objs = [t for t in doc[tok.i + 1].children if t.dep_ == "pobj"]
            if objs:
                found = resolve_group(_phrase(doc, objs[0]), article.entities, lex.anonymous)
                if found:
                    return found
    for tok in sent:  # "In a situational report of NDRRMC, ...": a document as attribution
        if tok.lower_ == "in" and tok.dep_ == "prep" and tok.head.i == sent.root.i:
            objs = [t for t in tok.children if t.dep_ == "pobj" and t.lemma_.lower() in DOCUMENTS]
            after = objs[0].right_edge.i + 1 if objs else sent.end
            if after < sent.end and doc[after].text == ",":
                phrase = _phrase(doc, objs[0])
                if entity_names(article.entities, phrase.start_char, phrase.end_char):
                    return resolve_group(phrase, article.entities, lex.anonymous)
    verbs = []
    weak: str | None = None
    tok = num
    for _ in range(MAX_CLIMB + 2):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.reporting:
            verbs.append(tok)  # the nearest first; "has reported being told ...": go on
        if tok.pos_ == "VERB" and tok.lemma_.lower() in TOLL_VERBS:
            found = _toll_keeper(article, doc, tok, lex)
            if found:
                return found
        if tok.dep_ == "acl" and tok.lemma_.lower() in lex.reporting:
            # "the next highest country, the United Kingdom, reporting 37,542 deaths"
            noun = _phrase(doc, tok.head)
            author = _author_of(tok.head)
            if author is not None:  # "researchers posted findings estimating ...": theirs
                found = resolve_group(_phrase(doc, author), article.entities, lex.anonymous)
                if found:
                    return found
            if tok.i > tok.head.i:  # the noun without its own "reporting ..." clause
                noun = doc[noun.start : max(noun.start + 1, tok.left_edge.i)]
            found = resolve_group(noun, article.entities, lex.anonymous)
            if found:
                return found
    # "A total of 39 are confirmed dead, officials told state media": a reporting verb
    # hanging off the sentence's root (not a clause of time: "after his lawyers posted")
    verbs += [
        t
        for t in sent.root.children
        if t.dep_ in ("parataxis", "advcl", "ccomp")
        and t.lemma_.lower() in lex.reporting
        and t.i > num.i
        and not any(c.dep_ == "mark" for c in t.children)
        and not any(doc[k].text == ";" for k in range(num.i, t.i))
    ]
    for verb in verbs:
        if verb.lemma_.lower() in NOT_BY_OBJECT and _via_object(num, verb):
            continue  # "his lawyers posted US$2 million bond": no statement
        relayed = _relayed_speaker(article, doc, verb, num, lex)
        if relayed:
            return relayed
        agents = [
            gc for c in verb.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"
        ]
        for agent in agents:  # "he was told by Emergencies Minister X of ..."
            found = resolve_group(_phrase(doc, agent), article.entities, lex.anonymous)
            if found:
                return found
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            holder = _with_holder(verb)
            if holder is not None:  # "with the UK reporting 37,542 deaths"
                found = resolve_group(_phrase(doc, holder), article.entities, lex.anonymous)
                if found:
                    return found
            before = doc[verb.i - 1] if verb.i > sent.start else None
            if before is not None and before.dep_ == "conj" and before.pos_ == "NOUN":
                # "... to New Orleans and other forecasters predicted": the parser joined the
                # subject to the noun before it; the noun right before the verb is its subject
                np = doc[min(c.i for c in before.lefts) if any(before.lefts) else before.i : verb.i]
                found = resolve_group(np, article.entities, lex.anonymous)
                if found:
                    return found
        # a passive subject is what was reported (or released), not who; of two subjects
        # the parser gave one verb ("The news agency AFP has placed"), the named one
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        subjects.sort(key=lambda c: not _names(doc, c, article.entities))
        for child in subjects:
            phrase = _phrase(doc, child)
            if phrase.start_char <= q.start < phrase.end_char or term(child, lex):
                continue  # "no deaths were reported": the claim is the subject
            found = resolve_group(phrase, article.entities, lex.anonymous)
            if found and _is_thing(child, lex) and not _names(doc, child, article.entities):
                weak = weak or found  # "the population counted ... was": no one who reports
            elif found:
                return found
    if weak:
        return weak
    found = _study_source(article, doc, sent, lex) or _document_source(article, doc, sent, lex)
    if found:
        return found
    return _inverted_source(article, doc, sent, lex)


def _names(doc: Doc, tok: Token, entities: tuple[Entity, ...]) -> bool:
    """Whether the phrase of ``tok`` holds a named person, organisation, group or place."""
    phrase = _phrase(doc, tok)
    return any(
        phrase.start_char <= e.start and e.end <= phrase.end_char
        for e in entities
        if e.label in ("PERSON", "ORG", "NORP", "PLACE")
    )


def _is_thing(tok: Token, lex: Lexicon) -> bool:
    """A common noun for neither people nor a body that could report (``source_nouns.txt``):
    the subject of a verb the parser misread as reporting ("the population counted ...")."""
    return (
        tok.pos_ == "NOUN"
        and not is_person(tok, lex)
        and tok.lemma_.lower() not in lex.source_nouns
        and tok.lower_ not in lex.source_nouns
        and tok.lemma_.lower() not in lex.anonymous
    )


WRITINGS = frozenset({"finding", "study", "paper", "report", "analysis"})


def _author_of(writing: Token) -> Token | None:
    """The subject of "posted findings", "published a study": whoever wrote it."""
    if writing.lemma_.lower() not in WRITINGS or writing.dep_ != "dobj":
        return None
    subjects = [c for c in writing.head.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


STUDIES = frozenset({"study", "model", "analysis", "survey", "paper", "research"})
ESTIMATES = frozenset({"estimate", "projection", "calculation"})


def _study_source(article: Article, doc: Doc, sent: Span, lex: Lexicon) -> str | None:
    """ "The study accounts for air traffic ... to construe the estimate, a total of 1,723
    cases": a study the sentence makes the subject of an estimate is its source."""
    if not any(t.lemma_.lower() in ESTIMATES for t in sent):
        return None
    for child in sent.root.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in STUDIES:
            return resolve_group(_phrase(doc, child), article.entities, lex.anonymous)
    return None


def _relayed_speaker(
    article: Article, doc: Doc, verb: Token, num: Token, lex: Lexicon
) -> str | None:
    """ "..., CNN reported the governor said": the outlet relays what the governor said, so
    the governor makes the claim (a second reporting verb after the figure, with a subject)."""
    for inner in verb.children:
        if (
            inner.dep_ != "ccomp"
            or inner.i < num.i
            or inner.lemma_.lower() not in lex.reporting
            or inner.left_edge.i <= num.i <= inner.right_edge.i
        ):
            continue
        for child in inner.children:
            if child.dep_ == "nsubj":
                found = resolve_group(_phrase(doc, child), article.entities, lex.anonymous)
                if found:
                    return found
    return None


# "The council raised the death toll to six": who revises a toll states the new figure.
TOLL_VERBS = frozenset({"raise", "increase", "revise", "update", "lower", "put"})


def _toll_keeper(article: Article, doc: Doc, verb: Token, lex: Lexicon) -> str | None:
    """The named subject of a verb revising a toll ("the NDRRMC increased the death toll to
    six"); not an unnamed cause ("aftershocks have increased the toll")."""
    if not any(c.dep_ == "dobj" and (term(c, lex) or of_term(c, lex)) for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            phrase = _phrase(doc, child)
            if entity_names(article.entities, phrase.start_char, phrase.end_char):
                return resolve_group(phrase, article.entities, lex.anonymous)
    return None


# "In a report of X, ...", "In its statement, ...": documents whose author makes the claim.
DOCUMENTS = frozenset(
    {"report", "statement", "bulletin", "release", "update", "briefing", "advisory"}
)
# "The NHC's 5 p.m. update had the depression 120 miles ...": what a named body's document
# states, whatever the verb; "has" or "put" as the root says where the document puts it.
DOCUMENT_VERBS = frozenset({"have", "put", "place", "show", "list", "give"})


def _document_source(article: Article, doc: Doc, sent: Span, lex: Lexicon) -> str | None:
    """The named author of a document that is the subject of the sentence's root verb."""
    root = sent.root
    if root.lemma_.lower() not in DOCUMENT_VERBS:
        return None
    for child in root.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in DOCUMENTS:
            phrase = _phrase(doc, child)
            if entity_names(article.entities, phrase.start_char, phrase.end_char):
                return resolve_group(phrase, article.entities, lex.anonymous)
    return None


INVERTED_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})


def _inverted_source(article: Article, doc: Doc, sent: Span, lex: Lexicon) -> str | None:
    """ "..., reported officials, with 25 others injured": a reporting verb set off by a comma
    and followed by its subject (the parser often misreads the inversion)."""
    for tok in sent:
        if (
            tok.i == sent.start
            or doc[tok.i - 1].text != ","
            or tok.tag_ != "VBD"
            or tok.lemma_.lower() not in lex.reporting
        ):
            continue
        k = tok.i + 1
        while k < sent.end and doc[k].pos_ in INVERTED_NP_POS:
            k += 1
        if k == tok.i + 1 or k >= sent.end or doc[k].text not in (",", ".", ";"):
            continue
        found = resolve_group(doc[tok.i + 1 : k], article.entities, lex.anonymous)
        if found:
            return found
    return None


def unit_of(about: str, counted: Token | None, lex: Lexicon) -> str | None:
    """Measures get a unit ("km"; "m3" for cubic metres); counts have none."""
    if counted is None:
        return None
    unit = lex.units.get(counted.lower_) or lex.units.get(counted.lemma_.lower())
    unit = unit or lex.units.get(joined(counted))
    if unit and about == "volume":
        return unit + "3"
    if unit and about == "area" and unit in ("m", "km"):
        return unit + "2"
    return unit


def is_rate(text: str, q: Quantity) -> bool:
    """ "18.9 deaths per 100,000 people": a rate, neither number is a count."""
    before = text[max(0, q.start - 4) : q.start].lower()
    after = text[q.end : q.end + 40].lower().split()
    if q.unit is not None and q.unit != "%" and PER_TIME.match(text, q.end):
        return True  # "a minimum wage of USD15 an hour": a wage, not an amount
    return before.endswith("per ") or "per" in after[:3]  # "four premature deaths per ..."


PER_TIME = re.compile(r"\s+(?:an?|each)\s+(?:hour|day|week|month)\b", re.IGNORECASE)


# "even one percent of users attending would ...": a figure imagined, not stated.
EVEN_BEFORE = re.compile(r"\beven\s+$", re.IGNORECASE)
# "one bitcoin is worth approximately US$8000 or €7000": the price of one unit.
UNIT_PRICE = re.compile(
    r"\b(?:one|a|an|each)\s+[\w-]+\s+(?:is|was|are|were)\s+(?:\w+\s+)?worth\b[^.;]{0,40}$",
    re.IGNORECASE,
)


ONE_OF_THEM = re.compile(r" of (?:them|those|whom)\b", re.IGNORECASE)
SETTING_PREPS = frozenset({"in", "across", "from"})


def is_setting(counted: Token) -> bool:
    """ "337 suspected users in 38 countries were arrested": a figure in a phrase that places
    another counted noun says where they were, not what happened to it."""
    prep = counted.head
    if counted.dep_ != "pobj" or prep.lower_ not in SETTING_PREPS or prep.head.pos_ != "NOUN":
        return False
    return any(c.dep_ == "nummod" for c in prep.head.children)


# "the one who eats them": "one" standing for a person, not a count.
PRONOUN_ONE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
PRONOUN_ONE_AFTER = re.compile(r"\s+(?:who|whom|that|which)\b", re.IGNORECASE)


def is_pronoun_one(text: str, q: Quantity) -> bool:
    return (
        text[q.start : q.end].lower() == "one"
        and bool(PRONOUN_ONE_BEFORE.search(text[max(0, q.start - 10) : q.start]))
        and bool(PRONOUN_ONE_AFTER.match(text, q.end))
    )


# What a study's sample is chosen for; volunteers killed or injured in one are news.
SAMPLE_STATES = frozenset({"infected", "recovered", None})


def is_sample(num: Token, counted: Token | None, lex: Lexicon) -> bool:
    """ "samples from eighteen infected volunteers": the people a study examined are its
    sample, counted like participants, not a tally of cases (``sample_nouns.txt``)."""
    nouns = {num.head} if counted is None else {num.head, counted, counted.head}
    if not any(t.lemma_.lower() in lex.sample_nouns for t in nouns):
        return False
    return any(t.lemma_.lower() in lex.research_words for t in num.sent)


def is_chamber(counted: Token, lex: Lexicon) -> bool:
    """ "a female majority in one house": a house of a legislature, not a home."""
    if counted.lemma_.lower() != "house":
        return False
    return any(t.lower_ in lex.chamber_words for t in counted.sent)


@dataclass(frozen=True, slots=True)
class Conversion:
    """The bounds of the figure a bracketed conversion restates ("up to 30 inches (76 cm)")."""

    open_low: bool  # "up to": from 0
    open_high: bool  # "at least": no ceiling
    qualifier: str | None

    def bounds(self, value: float | None) -> tuple[float | None, float | None, str | None]:
        if self.open_high:
            return value, None, self.qualifier
        if self.open_low:
            return 0.0, value, self.qualifier
        return value, value, None


CONVERSION_GAP = re.compile(r"\s*\(\s*$")


def conversion_of(text: str, q: Quantity, about: str, claims: list[Claim]) -> Conversion | None:
    """The claim just before ``q`` when ``q`` opens a bracket after it on the same measure:
    a conversion into other units states the same amount, so it keeps its qualifier."""
    if not claims or about not in MEASURES:
        return None
    prev = claims[-1]
    if prev.about != about or not CONVERSION_GAP.fullmatch(text[prev.end : q.start]):
        return None
    if prev.value_high is None and prev.value_low is not None:
        return Conversion(False, True, prev.qualifier)
    if prev.value_low == 0 and prev.value_high:
        return Conversion(True, False, prev.qualifier)
    return None


# "incomes below US$10,000 versus above $200,000", "aged above 60, two between 51 and 60":
# the bounds of a bracket that sorts people by income or age, not an amount anyone has.
BRACKET_GAP = (
    r"(?:\s|[\d,.$€£%-]|\b(?:US|versus|vs|and|or|to|one|two|three|four|five|six|seven|eight|"
    r"nine|ten)\b)*"
)
BRACKET_NOUN = re.compile(
    r"\b(?:aged|ages?|incomes?|earnings|salar(?:y|ies))\s+(?:below|above|under|over|between)"
    + r"(?:\b"
    + BRACKET_GAP
    + r"\b(?:below|above|under|over|between))?\s*$",
    re.IGNORECASE,
)
BRACKET_OPEN = re.compile(r"(?:below|above|under|over|between)\b", re.IGNORECASE)


def is_bracket(text: str, q: Quantity) -> bool:
    """A bound of an income or age bracket: the comparative and only figures and connectors
    between the bracket's noun and the number."""
    before = text[max(0, q.start - 60) : q.start]
    opening = BRACKET_OPEN.match(text, q.start)
    return bool(BRACKET_NOUN.search(before + (opening.group(0) if opening else "")))


# "magnitude 6.3", "a 6.3-magnitude quake": the strength of an event, no count.
MAGNITUDE = re.compile(r"\bmagnitude\s+(?:of\s+)?$", re.IGNORECASE)
MAGNITUDE_AFTER = re.compile(r"[\s-]*magnitude\b", re.IGNORECASE)
# "weighed 82 pounds": a weight, not money, though the word names a currency.
WEIGHED = re.compile(r"\bweigh\w*\s+(?:\w+\s+)?$", re.IGNORECASE)
WEIGHT_UNITS = frozenset({"GBP"})


def is_measure_of_no_count(text: str, q: Quantity) -> bool:
    """A quake's magnitude or a weight in pounds: figures no claim counts."""
    before = text[max(0, q.start - 30) : q.start]
    if MAGNITUDE.search(before) or MAGNITUDE_AFTER.match(text, q.end):
        return True
    return q.unit in WEIGHT_UNITS and bool(WEIGHED.search(before))


# "events where four or more people are killed": a threshold in a definition.
THRESHOLD = re.compile(r"\s+or\s+(?:more|fewer|less)\b", re.IGNORECASE)
DEFINING = re.compile(
    r"\b(?:where|when|whenever|if|in\s+which|defined\s+as|defines?\s+\w+\s+as)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# "candidates must receive at least 15% of the vote": a bar a rule sets, not a result.
REQUIRED = re.compile(
    r"\b(?:must|needs?\s+to|needed\s+to|required\s+to)\s+"
    r"(?:receive|get|win|reach|obtain|gain|secure|exceed|meet|have)\s+$",
    re.IGNORECASE,
)


# "exceeded their goal of $10,000": a target set, not an amount reached.
TARGET = re.compile(
    r"\b(?:goal|target|aim)\s+(?:of\s+)?$|\bgetting\s+(?:up\s+)?to\s+$", re.IGNORECASE
)


def is_hypothetical(text: str, q: Quantity) -> bool:
    """A figure the text imagines ("even one percent ... would"), a threshold a definition
    sets ("events where four or more people are killed") or the price of one unit."""
    before = text[max(0, q.start - 80) : q.start]
    if EVEN_BEFORE.search(before):
        return True
    if THRESHOLD.match(text, q.end) and DEFINING.search(before):
        return True
    if REQUIRED.search(before) or TARGET.search(before):
        return True
    return q.unit is not None and q.unit != "%" and bool(UNIT_PRICE.search(before))


STATURE = re.compile(r"^[\w\s-]{0,25}?\btall\b", re.IGNORECASE)


AGE_LIST_WORDS = frozenset({"and", "both", "all", "aged", "respectively"})
MAX_AGE = 120


def is_age_apposition(num: Token) -> bool:
    """ "Two men, 24 and 31, were arrested", "two soldiers, both 19,": bare figures set off
    by commas straight after a noun are the ages of the people it names."""
    doc, sent = num.doc, num.sent
    j = num.i - 1
    while (
        j > sent.start
        and doc[j].text != ","
        and (doc[j].like_num or doc[j].lower_ in AGE_LIST_WORDS)
    ):
        j -= 1
    if j <= sent.start or doc[j].text != "," or doc[j - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    if doc[j - 1].dep_ == "pobj" and doc[j - 1].head.lower_ in ("of", "among"):
        return False  # "Of the victims, 12, officials said, were soldiers": a count
    k = num.i + 1
    while k < sent.end and (doc[k].like_num or doc[k].lower_ in AGE_LIST_WORDS):
        k += 1
    if k < sent.end and doc[k].text not in (",", ".", ")", ";"):
        return False
    figures = [t for t in doc[j + 1 : k] if t.like_num]
    return all(t.text.isdigit() and int(t.text) <= MAX_AGE for t in figures)


def is_stature(text: str, q: Quantity) -> bool:
    """ "standing six feet five inches tall": how tall someone is, like an age, no claim."""
    return bool(STATURE.match(text[q.end : q.end + 40]))


def is_instances(counted: Token) -> bool:
    """ "in a few rare cases, are venomous": cases as instances, not patients."""
    return (
        counted.lemma_.lower() == "case" and counted.dep_ == "pobj" and counted.head.lower_ == "in"
    )


POSSESSED = re.compile(r"\w['’]s?\s+$")


def is_population(text: str, q: Quantity, counted: Token, lex: Lexicon) -> bool:
    """ "the nation's 5.5 million people": the people a place or body has, not a claim."""
    before = text[max(0, q.start - 4) : q.start]
    return bool(POSSESSED.search(before)) and is_person(counted, lex) and term(counted, lex) is None


def is_time(ent: Span) -> bool:
    """A DATE/TIME entity that says when, not one the model made of bare numbers ("the
    toll rose from fourteen to 31" is no date: years are already set aside as numbers)."""
    if ent.label_ not in ("DATE", "TIME"):
        return False
    return not all(
        t.like_num or t.lower_ in ("to", "or", "and", "from", "between", "-") for t in ent
    )


# "..., up from 2.48 last year": a figure compared with the one before, its unit left out.
COMPARED = re.compile(r"\b(?:up|down)\s+from\s+$|\bcompared\s+(?:with|to)\s+$", re.IGNORECASE)


def compared_with(text: str, num: Token, claims: list[Claim]) -> Claim | None:
    """The claim of the same sentence a bare figure after "up from" is compared with (the
    last one outside brackets: "6.05 hectares (14.95 acres), up from 2.48" is hectares)."""
    start = num.idx
    if not COMPARED.search(text[max(0, start - 20) : start]):
        return None
    sent_start = num.sent.start_char
    for claim in reversed(claims):
        if claim.start < sent_start:
            return None
        before = text[sent_start : claim.start]
        if before.count("(") <= before.count(")"):
            return claim
    return None


def find_claims(article: Article, doc: Doc, resources: Resources) -> list[Claim]:
    lex = lexicon(resources)
    doc.user_data["presstrace.claims.lexicon"] = lex
    claims: list[Claim] = []
    found: list[tuple[Quantity, str | None, Token, Token | None]] = []
    tallies = find_tallies(article.text, resources)
    for q in sorted([*find_quantities(article.text, resources), *tallies], key=lambda q: q.start):
        if doc.char_span(q.start, q.end, alignment_mode="expand") is None:
            continue
        if article.text[q.start : q.end + 3].lower() == "one of" and not ONE_OF_THEM.match(
            article.text, q.end
        ):
            continue  # "one of its dams": a figure of speech, not a count ("one of them died" is)
        if is_pronoun_one(article.text, q):
            continue
        if (
            is_rate(article.text, q)
            or is_bracket(article.text, q)
            or is_hypothetical(article.text, q)
            or is_measure_of_no_count(article.text, q)
        ):
            continue
        about, num, counted = about_of(doc, q, lex)
        if counted is not None and is_setting(counted):
            continue
        if counted is not None and is_instances(counted):
            continue
        if (about in SAMPLE_STATES and is_sample(num, counted, lex)) or (
            counted is not None and is_chamber(counted, lex)
        ):
            continue
        if counted is not None and is_population(article.text, q, counted, lex):
            continue
        if counted is not None and about in EVENTS and counted.lemma_.lower() in lex.event_nouns:
            continue  # "four deadly mass shootings": a count of events, not of the dead
        if q.kind == "tally":  # "passed by a vote of 230 to 202"; "won 3-1" is a score
            voted = any(t.lower_ in VOTE_WORDS for t in num.sent) or (
                voted_on(num, lex) and any(t.lemma_ in PASSING for t in num.sent)
            )  # "The measure passed 228 to 193"
            about = "votes" if voted else None
        if (
            num.head.i < num.i
            and num.head.pos_ == "PROPN"
            and q.unit is None
            and not (
                num.i + 1 < len(doc)
                and doc[num.i - 1].lower_ in (",", "and")
                and doc[num.i + 1].lower_ in PLACE_PREPS
            )
        ):
            continue  # "Flight 610", "Apollo 11": part of a name
        if counted is None and q.unit is None and q.kind == "exact" and is_age_apposition(num):
            continue
        found.append((q, about, num, counted))
    events: dict[int, str] = {}
    figures = frozenset(num.i for _, _, num, _ in found)
    for _, about, num, counted in found:
        if about in EVENTS:
            events.update({t.i: about for t in (num, counted) if t is not None})
    shares: list[Token] = []  # figures already read as vote shares
    last_event: tuple[Token, str] | None = None  # the latest figure placed as an event
    for q, about, num, counted in found:
        if about is None and q.unit is None:
            about = listed_event(num, counted, events, lex, figures)
        if about is None and q.unit is None and counted is None and last_event is not None:
            if by_place(last_event[0], num, figures):
                about = last_event[1]  # "21 injured in A, 36 in B and seven in C"
        if about in EVENTS:
            last_event = (num, about)
        if about == "percent" and shares and shares_list(shares[-1], num, figures):
            about = "vote share"  # "52% voted to leave and 48% to stay"
        if about == "vote share":
            shares.append(num)
        unit = q.unit
        if about is None and unit is None and (counted is None or counted.ent_type_ == "DATE"):
            earlier = compared_with(article.text, num, claims)
            if earlier is not None:  # "6.05 hectares ..., up from 2.48 last year"
                about, unit = earlier.about, earlier.unit
        if about is None or (about == "distance" and is_stature(article.text, q)):
            continue
        if about not in MEASURES and any(
            is_time(ent) for ent in doc.ents if ent.start <= num.i < ent.end
        ):
            continue  # ("50 light years away" is a distance, whatever the parser's DATE says)
        end = q.end
        if q.unit is None and counted is not None and 0 < counted.i - num.i <= 5:
            end = max(end, counted.idx + len(counted))
        if about in MEASURES and article.text[end : end + 1] == "/":
            continue  # "8 m/s": a speed
        source = source_of(article, doc, num, q, lex)
        low, high, qualifier = q.low, q.high, qualifier_of(doc, q, num)
        if qualifier is None and exceeded(num):
            high, qualifier = None, "more than"
        converted = conversion_of(article.text, q, about, claims)
        if converted is not None and qualifier is None and low == high:
            low, high, qualifier = converted.bounds(low)
        claims.append(
            Claim(
                q.start,
                end,
                article.text[q.start : end],
                source,
                about,
                low,
                high,
                qualifier,
                unit or unit_of(about, counted, lex),
            )
        )
    return claims


@register("claims", 7, requires={"doc", "entities"}, provides={"claims"}, english_only=True)
def claims(article: Article, doc: Doc | None, resources: Resources) -> Article:
    assert doc is not None
    return article.evolve(claims=tuple(find_claims(article, doc, resources)))
