"""Roles: the description an article gives a person or organisation.

Three shapes cover most news prose:

- a title in front of the name: "White House National Security Council spokesman John Kirby";
- an apposition, before or after: "an adviser to the Ukrainian president, Mikhailo Podolyak",
  "Iker Salcedo, the group's coordinator in the valley, said";
- a relative clause: "X, who chairs the committee" -> "chair of the committee".

A description counts as a person's role only if it holds a role noun from
``data/role_nouns.txt``; that keeps "the attack, Podolyak said" from making "attack" a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MEMO_KEY = "roles.lexicon"
MAX_ROLE_TOKENS = 14
# "of the Iranian Expediency Discernment Council": how far a title's tail may reach.
MAX_TAIL_TOKENS = 6
POSSESSIVE = {"'s", "’s", "'", "’"}
LEADING_DROP = {
    "a",
    "an",
    "another",
    "the",
    "its",
    "his",
    "her",
    "their",
    "our",
    "and",
    "but",
    "to",
    "of",
    "for",
}
# Words that may open an apposition without being part of the role: "Francis D'Souza,
# previously the Deputy Chief Minister of Goa,", "X, also an Ithaca undergrad,",
# "One activist, Nur Khan Liton," (but "one of the organisers" keeps its "one").
LEADING_SKIP = {"also", "previously", "formerly", "currently", "now", "once", "one"}
CONNECTORS = {"of", "for", "and", "to"}
PEERAGES = {"Lord", "Lady", "Baron", "Baroness", "Earl", "Viscount", "Sir", "Dame"}
BOUNDARY = {",", ";", ":", "(", ")", "“", "”", '"', ".", "!", "?", "—", "–"}
NUMERIC_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
ORDINAL_TITLES = {"first", "second", "third"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    nouns: frozenset[str]
    verbs: dict[str, str]
    org_words: frozenset[str]
    honorifics: frozenset[str]
    family: frozenset[str]
    candidacy: frozenset[str]


def lexicon(resources: Resources) -> Lexicon:
    memo = resources.memo
    if MEMO_KEY not in memo:
        verbs = dict(line.split("\t", 1) for line in resources.data_lines("role_verbs.tsv"))
        memo[MEMO_KEY] = Lexicon(
            frozenset(w.lower() for w in resources.data_lines("role_nouns.txt")),
            verbs,
            frozenset(w.lower() for w in resources.data_lines("org_words.txt")),
            frozenset(resources.data_lines("honorifics.txt")),
            frozenset(w.lower() for w in resources.data_lines("family_nouns.txt")),
            frozenset(resources.data_lines("candidacy_nouns.txt")),
        )
    lex: Lexicon = memo[MEMO_KEY]
    return lex


def is_role_word(tok: Token, lex: Lexicon) -> bool:
    low = tok.lower_
    if low == "elect" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
        return is_role_word(tok.doc[tok.i - 2], lex)  # "President-elect", "Governor-elect"
    if "-" in low.strip("-"):
        low = low.rsplit("-", 1)[1]  # "U.S.-president" (one token in "then-U.S.-president")
        return low in lex.nouns or low.rstrip("s") in lex.nouns
    return low in lex.nouns or tok.lemma_.lower() in lex.nouns or low.rstrip("s") in lex.nouns


def has_org_word(words: list[str], lex: Lexicon) -> bool:
    return any(w.lower() in lex.org_words for w in words)


def _text(doc: Doc, start: int, end: int) -> str:
    """Text of tokens [start, end) with leading determiners/pronouns dropped."""
    while start < end and doc[start].lower_ in LEADING_DROP:
        start += 1
    if start >= end:
        return ""
    return doc[start:end].text.strip()


def _other_person(tok: Token, start: int) -> bool:
    """Whether ``tok`` sits in a full name (two or more words) of someone other than the
    person whose name starts at ``start`` (the model may have put a title in that name)."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.label_ == "PERSON" and len(ent) >= 2 and not ent.start <= start < ent.end
    return False


def _title_tail(doc: Doc, start: int, lex: Lexicon) -> int | None:
    """Where a title's trailing "of/for ..." begins when the word before the name is not a
    role word: "speaker of the parliament Ali Larijani", "Mayor of Koszalin Piotr ...".
    Returns the index of the role word before "of"/"for", or None."""
    i = start - 1
    if doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    while i > 0 and start - i <= MAX_TAIL_TOKENS:
        t = doc[i]
        if t.lower_ in ("of", "for", "from"):  # "Senator from Vermont Bernie Sanders"
            found = i < start - 1 and is_role_word(doc[i - 1], lex)
            return i - 1 if found else None
        if t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "CCONJ") or "\n" in t.whitespace_:
            return None
        if t.ent_type_ in NUMERIC_ENTS:
            return None
        i -= 1
    return None


def _bracket_start(doc: Doc, close: int) -> int | None:
    """Index of the "(" opening a short bracket of capitalised words that ends at ``close``."""
    for j in range(close - 1, max(-1, close - 12), -1):
        if doc[j].text == "(":
            words = doc[j + 1 : close]
            ok = len(words) > 0 and all(
                t.is_title or t.is_upper or t.is_stop or t.text == "," for t in words
            )
            return j if ok else None
    return None


def _in_list(doc: Doc, comma: int, inside: set[int], lex: Lexicon) -> bool:
    """A comma inside a title that lists roles: "radio personality, television host, and
    philanthropist Don Imus" (the list closes with "and" before the name)."""
    return (
        comma > 0
        and is_role_word(doc[comma - 1], lex)
        and any(doc[j].lower_ == "and" for j in inside)
    )


def title_before(doc: Doc, start: int, lex: Lexicon, end: int | None = None) -> str | None:
    """A title written straight before the name: "Russian President Vladimir Putin"."""
    if start == 0:
        return None
    end = start + 1 if end is None else end
    i = start - 1
    inside: set[int] = set()
    if doc[i].text == ")":
        opening = _bracket_start(doc, i)
        if opening is None or opening == 0:
            return None
        inside = set(range(opening, start))  # "Labour MP (Member of Parliament) Tom Watson"
        i = opening - 1
        if not is_role_word(doc[i], lex):
            tail = _title_tail(doc, opening, lex)  # "Member of Parliament (MP) Yvette Cooper"
            if tail is None:
                return None
            inside |= set(range(tail + 1, opening))
            i = tail
    elif not is_role_word(doc[i], lex):
        tail = _title_tail(doc, start, lex)
        if tail is None:
            return None
        inside = set(range(tail + 1, start))
        i = tail
    while i >= 0:
        t = doc[i]
        ordinal = t.lower_ in ORDINAL_TITLES and t.is_title  # "First Minister", "Second Lady"
        if t.is_space or "\n" in t.whitespace_ or (t.ent_type_ in NUMERIC_ENTS and not ordinal):
            break
        if t.lower_ in ("and", "or") and i > 0 and _name_before(doc, i - 1, lex):
            break  # "between Biden and Senator Bernie Sanders": the name before is no title
        if (
            t.ent_type_ == "PERSON"
            and doc[i + 1].text not in POSSESSIVE
            and _other_person(t, start)
        ):
            break  # "US President Donald Trump and Turkish President ...": another person
        if (
            t.text == ")"
            and i >= 2
            and doc[i - 1].is_upper
            and doc[i - 2].text == "("
            and i + 1 in inside | {start}
        ):
            inside |= {i, i - 1, i - 2}  # "Organisation of Islamic Cooperation (OIC) head"
            i -= 3
            continue
        office = (  # "Secretary of Justice X": a capitalised office of a department
            t.lower_ == "of"
            and i > 0
            and i + 1 == start - 1
            and doc[i - 1].is_title
            and is_role_word(doc[i - 1], lex)
        )
        inside_name = (  # "House of Representatives Speaker X": "of" inside a body's name
            i + 2 < start and is_role_word(doc[i + 2], lex) and i > 0 and doc[i - 1].is_title
        )
        if (
            t.lower_ in CONNECTORS
            and t.lower_ != "and"
            and is_role_word(doc[i + 1], lex)
            and not office
            and not inside_name
        ):
            break  # "spokesperson for President X": the title after "for" is X's own
        if t.lower_ in ("for", "to") and _own_title(doc, i + 1, start, lex):
            break  # "advisor for U.S. President X", "adviser to Prime Minister X": likewise
        if (
            t.lower_ == "and"
            and i > 0
            and i + 1 in inside
            and doc[i + 1].dep_ in ("compound", "amod")
            and doc[i - 1].pos_ in ("NOUN", "ADJ", "PROPN")
            and (doc[i - 1].is_lower or (doc[i - 1].is_sent_start and doc[i - 1].is_title))
        ):  # (the first word of a sentence capitalised: "Clinic and advocacy manager X")
            inside |= {i, i - 1}  # "railroad and shipping tycoon", "coworker and rival"
            i -= 2
            continue
        if (
            t.tag_ in ("VBG", "VBN")
            and t.is_lower
            # not "from using Princess X": a verb taking the titled name as its object
            and (t.dep_ in ("amod", "compound") or doc[i + 1].is_lower)
            and i + 1 in inside
            and is_role_word(doc[i + 1], lex)
            and i > 0
            and (
                doc[i - 1].pos_ in ("DET", "ADP")
                or doc[i - 1].tag_ == "PRP$"
                or (doc[i - 1].lower_ == "and" and i > 1 and is_role_word(doc[i - 2], lex))
            )
        ):
            pass  # "of pioneering oceanographer X", "by retired judge X", "its alleged operator"
            # ("adviser and retired general X": a second description joined by "and")
        elif t.text in POSSESSIVE and i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper):
            pass
        elif (
            t.pos_ == "VERB"
            and t.is_lower
            and (i + 1 == start or i + 1 in inside)
            and is_role_word(t, lex)
            and i > 0
            and doc[i - 1].pos_ in ("NOUN", "ADJ", "CCONJ", "DET")
        ):
            pass  # "systems engineer Yutaka Iwasaki": a role noun the tagger took for a verb
        elif t.pos_ == "NOUN" and t.is_lower and i + 1 in inside and is_role_word(doc[i + 1], lex):
            pass  # "systems engineer", "software developer": what the role works on
        elif t.text == "-" and i > 0 and not t.whitespace_ and not doc[i - 1].whitespace_:
            pass  # "then-new owner", "ex-UK Prime Minister"
        elif (
            t.text == "/"
            and i > 0
            and not t.whitespace_
            and not doc[i - 1].whitespace_
            and is_role_word(doc[i - 1], lex)
        ):
            pass  # "singer/guitarist X": two roles joined by a slash
        elif i + 1 < start and doc[i + 1].text == "-" and not t.whitespace_ and i + 1 in inside:
            pass  # the word before such a hyphen
        elif t.text == "," and _in_list(doc, i, inside, lex):
            pass
        elif (
            t.text == ","
            and 0 < i < start - 1
            and doc[i - 1].ent_type_ in ("GPE", "LOC")
            and doc[i + 1].ent_type_ in ("GPE", "LOC")
            and i + 1 in inside
        ):
            pass  # "former South Bend, Indiana Mayor X": a town and its state
        elif t.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "ADV"):
            prev = doc[i - 1] if i > 0 else None
            joined = prev is not None and (
                prev.is_title or is_role_word(prev, lex) or prev.text == ","
            )
            if not (t.lower_ in CONNECTORS and inside and joined):
                break  # "of"/"and" only inside a title: "computer scientist and mathematician"
        elif is_role_word(t, lex):
            pass
        elif (t.is_title or t.is_upper) and (
            t.pos_ == "PROPN" or t.dep_ in ("compound", "amod", "poss") or t.ent_type_
        ):
            pass
        elif t.dep_ in ("compound", "amod") and t.head.i > i and t.head.i < end:
            pass
        else:
            break
        inside.add(i)
        i -= 1
    first = i + 1
    if first > 0 and doc[first - 1].text in POSSESSIVE:
        owner = doc[first - 2] if first > 1 else None
        if owner is None or owner.pos_ != "NOUN" or not owner.is_lower:
            return None
        first -= 2  # "the county's Police and Crime Commissioner X": whose commissioner
    for k in range(first, start - 1):
        if doc[k].lower_ == "and" and any(doc[j].lower_ in lex.family for j in range(first, k)):
            first = k + 1  # "First Family and Senior Advisors X": the relation is no role
            break
    role = _text(doc, first, start)
    return role or None


def _name_before(doc: Doc, k: int, lex: Lexicon) -> bool:
    """Whether ``doc[k]`` ends someone's or something's name, joined by "and" to the title
    after it ("between Biden and Senator X"), not a word of that title ("Minister for
    Finance and Minister of Economy X")."""
    tok = doc[k]
    if tok.ent_type_ == "PERSON":
        return True
    return (
        k + 2 < len(doc)
        and is_role_word(doc[k + 2], lex)  # not "Road Transport and Bridges Minister"
        and tok.ent_type_ in ("ORG", "NORP")
        and tok.pos_ == "PROPN"
        and not is_role_word(tok, lex)
        and not (k > 0 and doc[k - 1].lower_ in CONNECTORS)
    )


def _own_title(doc: Doc, first: int, start: int, lex: Lexicon) -> bool:
    """Whether ``doc[first:start]`` is a title of its own: capitalised words ending in a role
    word ("U.S. President", "Prime Minister"), with no connector that would join it on."""
    words = doc[first:start]
    return (
        len(words) > 1
        and is_role_word(words[-1], lex)
        and all(w.is_title or w.is_upper or w.text == "." for w in words)
        and not any(w.lower_ in CONNECTORS for w in words)
    )


def _skip_lead(doc: Doc, start: int, end: int) -> int:
    """First token of an apposition after the words in ``LEADING_SKIP``."""
    while (
        start + 1 < end
        and doc[start].lower_ in LEADING_SKIP
        and doc[start + 1].lower_ not in ("of", ",")
    ):
        start += 1
    return start


def _segment_ok(doc: Doc, start: int, end: int, person: bool, lex: Lexicon) -> bool:
    if end <= start or end - start > MAX_ROLE_TOKENS:
        return False
    toks = [doc[i] for i in range(start, end)]
    if toks[0].pos_ in ("ADP", "SCONJ", "ADV", "VERB", "AUX", "PART"):
        return False
    for n, t in enumerate(toks):
        if t.pos_ == "AUX" or (
            t.pos_ == "VERB"
            and t.dep_ not in ("amod", "compound")
            and not _participle(toks, n, lex)
        ):
            return False
        if t.ent_type_ in ("DATE", "TIME") or t.tag_ in ("WDT", "WP", "WP$", "WRB"):
            return False
        if (
            t.ent_type_ == "PERSON"
            and not (n + 1 < len(toks) and toks[n + 1].text in POSSESSIVE)
            and not _after_of(toks, n, lex)
            and not (t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.is_lower)
            and not any(_participle(toks, k, lex) for k in range(n))  # "lawyer representing X"
        ):
            return False  # (but "the Trump administration's ...": a name as a modifier)
    if person:
        return any(is_role_word(t, lex) for t in toks)
    # an organisation's description: "the dam's operator", "a volunteer rescue group"
    opens = (
        toks[0].pos_ == "DET"
        or toks[0].tag_ == "PRP$"
        or (len(toks) > 1 and toks[1].text in POSSESSIVE)
    )
    return opens and any(t.pos_ == "NOUN" and t.is_lower for t in toks)


def _participle(toks: list[Token], n: int, lex: Lexicon) -> bool:
    """ "a Toronto lawyer representing Spanton": a participle phrase after the role word,
    part of the description (taken whole, as prepositional phrases are)."""
    t = toks[n]
    return (
        t.tag_ in ("VBG", "VBN")
        and t.dep_ == "acl"
        and n > 0
        and any(is_role_word(x, lex) for x in toks[:n])
        and t.head.i < t.i
    )


def _after_of(toks: list[Token], n: int, lex: Lexicon) -> bool:
    """Whether the name at ``toks[n]`` follows "<role word> of": "the general manager of
    Cipriani Dolci" (the model may call a restaurant or firm a person)."""
    j = n
    while j > 0 and toks[j - 1].ent_type_ == "PERSON" and toks[j].ent_iob_ != "B":
        j -= 1
    return j >= 2 and toks[j - 1].lower_ == "of" and is_role_word(toks[j - 2], lex)


def _left_segment(doc: Doc, comma: int) -> int:
    """Index of the first token of the phrase that ends just before ``comma``."""
    i = comma - 1
    sent_start = doc[comma].sent.start
    while i >= sent_start and doc[i].text not in BOUNDARY and "\n" not in doc[i].text:
        if i < comma - 1 and "\n" in doc[i].whitespace_:
            break
        i -= 1
    return i + 1


def _right_segment(doc: Doc, start: int) -> int:
    """End (exclusive) of the phrase that starts at ``start``."""
    i = start
    sent_end = doc[start].sent.end if start < len(doc) else start
    while i < sent_end and doc[i].text not in BOUNDARY and "\n" not in doc[i].text:
        if i > start and doc[i].lower_ in ("who", "which", "whose"):
            break  # "a British mathematician who has published ..."
        if i > start and doc[i].lower_ == "and" and doc[i + 1].lower_ in ("a", "an", "the"):
            break  # "the minister for X and a figure in ...": a second description
        i += 1
    return i


def apposition_before(doc: Doc, start: int, person: bool, lex: Lexicon) -> str | None:
    """ "an adviser to the Ukrainian president, Mikhailo Podolyak," -> the phrase before."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    stop = start - 1  # where the description's checked words end
    if doc[start - 2].text == ")":
        opening = _bracket_start(doc, start - 2)
        if opening is None:
            return None
        stop = opening  # "general secretary of the RMT union (National Union of ...), X,"
    seg = _left_segment(doc, stop)
    for j in range(start - 3, seg - 1, -1):
        if doc[j].lower_ == "and" and doc[j + 1].lower_ in ("a", "an", "the"):
            seg = j + 1  # "Politicians and the Archbishop of X, Name": the last phrase
            break
    if seg + 2 < stop and doc[seg].lower_ == "according" and doc[seg + 1].lower_ == "to":
        seg += 2  # "According to the El Paso mayor, Dee Margo, ..."
    elif (
        seg + 2 < stop
        and doc[seg].pos_ == "VERB"
        and doc[seg].tag_ in ("VBD", "VBZ")
        and doc[seg + 1].pos_ == "DET"
    ):
        # '"...," argued the government's lawyer, Richard Keen': a verb (an inverted quote's
        # or one taking the person as object) before the description in apposition
        seg += 1
    seg = _skip_lead(doc, seg, stop)
    if not _segment_ok(doc, seg, stop, person, lex):
        return None
    first_role = next((t for t in doc[seg:stop] if is_role_word(t, lex)), None)
    if person and first_role is not None and first_role.tag_ == "NNS":
        return None  # "According to police and county officials, X": a group, no description
    return _text(doc, seg, start - 1) or None


def apposition_after(doc: Doc, end: int, person: bool, lex: Lexicon) -> str | None:
    """ "Iker Salcedo, the group's coordinator, said" -> the phrase after."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    if doc[end + 1].lower_ in ("who", "which", "whose", "that", "and", "or"):
        return None  # "by Quirin, Redouane, and an unidentified third officer": a list
    first = _skip_lead(doc, end + 1, _right_segment(doc, end + 1))
    then = None  # "Justin Trudeau, then the Prime Minister": "then" stays in the role
    if doc[first].lower_ == "then" and first + 2 < len(doc) and doc[first + 1].pos_ == "DET":
        then, first = first, first + 1
    seg_end = _right_segment(doc, first)
    if (
        person
        and doc[first].text in PEERAGES
        and seg_end + 1 < len(doc)
        and doc[seg_end].text == ","
        and all(t.is_title for t in doc[first:seg_end])
    ):
        # "Colin Sutherland, Lord Carloway, the Lord President of the court": the peerage
        # title is another name; the description after it is the role
        first = _skip_lead(doc, seg_end + 1, _right_segment(doc, seg_end + 1))
        seg_end = _right_segment(doc, first)
    closing = (",", ".", ";", "—", "–", ")", "who", "which", "whose", "and")
    closed = seg_end < len(doc) and doc[seg_end].lower_ in closing
    if (
        person
        and closed
        and doc[seg_end].lower_ == "and"
        and not _segment_ok(doc, first, seg_end, person, lex)
    ):
        # "X, his wife and the current chairwoman of Y,": a relation, then the role
        first = seg_end + 1
        seg_end = _right_segment(doc, first)
        closed = seg_end < len(doc) and doc[seg_end].lower_ in closing
    if not (closed and _segment_ok(doc, first, seg_end, person, lex)):
        # "Michael Makuei, the Information Minister paid tribute": the closing comma is
        # missing; the parse's apposition ends the description when a verb follows it
        appos = [c for c in doc[end - 1].children if c.dep_ == "appos" and end < c.i < seg_end]
        if not appos:
            return None
        seg_end = appos[0].right_edge.i + 1
        if seg_end >= len(doc) or doc[seg_end].pos_ not in ("VERB", "AUX"):
            return None
        if not _segment_ok(doc, first, seg_end, person, lex):
            return None
    if then is not None:
        return doc[then:seg_end].text.strip() or None
    return _text(doc, first, seg_end) or None


def relative_clause(doc: Doc, end: int, lex: Lexicon) -> str | None:
    """ "X, who chairs the committee," -> "chair of the committee"."""
    if end + 3 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "who":
        return None
    verb = doc[end + 2]
    seg_end = _right_segment(doc, end + 3)
    if seg_end - (end + 3) > MAX_ROLE_TOKENS:
        return None
    rest = _text(doc, end + 3, seg_end)
    if not rest:
        return None
    noun = lex.verbs.get(verb.lower_)
    if noun:
        return f"{noun} {doc[end + 3 : seg_end].text.strip()}"
    if verb.lemma_ == "be" and _segment_ok(doc, end + 3, seg_end, True, lex):
        return rest
    return None


TITLE_POS = frozenset({"ADJ", "NOUN", "PROPN", "CCONJ"})
MAX_TITLE_TOKENS = 8


def _apposition_before_title(doc: Doc, start: int, person: bool, lex: Lexicon) -> str | None:
    """ "The study's lead author, doctoral candidate X": when a comma closes a description
    just before a title, that description came first and is the role."""
    i = start - 1
    while i > 0 and start - i <= MAX_TITLE_TOKENS and doc[i].text != ",":
        if doc[i].pos_ not in TITLE_POS and doc[i].text != "-":
            return None
        i -= 1
    if i <= 0 or doc[i].text != "," or i == start - 1:
        return None
    if doc[i + 1].lower_ in ("and", "or"):
        return None  # "Representative X of Hawaii, and businessman Y": a list, no apposition
    return apposition_before(doc, i + 1, person, lex)


def find_role(doc: Doc, start: int, end: int, person: bool, lex: Lexicon) -> str | None:
    """The role the text gives the entity at tokens [start, end), or None."""
    if (
        person
        and start >= 2
        and doc[start - 1].text in lex.honorifics
        and doc[start - 2].lower_ in ORDINAL_TITLES
        and doc[start - 2].is_title
    ):
        return doc[start - 2 : start].text  # "First Lady X": the honorific makes a title
    while start > 0 and doc[start - 1].text in lex.honorifics:
        start -= 1  # "the director of IEDCR, Dr Meerjady Sabrina Flora"
    if person:
        title = title_before(doc, start, lex, end)
        if title and "," not in title:  # a comma inside is a list of titles: "X, Y, and Z Name"
            first = _office(_apposition_before_title(doc, start, person, lex), lex)
            if first:
                return first
        role = _office(title, lex)
        if role:
            return role
    return _office(
        apposition_before(doc, start, person, lex)
        or apposition_after(doc, end, person, lex)
        or (relative_clause(doc, end, lex) if person else None),
        lex,
    )


# "Labour MP (Member of Parliament)": an abbreviation's expansion in brackets closing a title.
EXPANSION = re.compile(r"^(.*\b[A-Z]{2,}s?)\s*\([^()]*\s[^()]*\)$")


def _office(role: str | None, lex: Lexicon) -> str | None:
    """The role without a bracketed expansion of its abbreviation; None for a candidacy
    alone ("presidential nominee", "candidate"): standing for an office is no office."""
    if role is None:
        return None
    expanded = EXPANSION.match(role)
    if expanded:
        role = expanded.group(1)
    words = [w.lower() for w in re.findall(r"[\w'-]+", role)]
    if words and words[-1].rstrip("s") in lex.candidacy:
        others = [w for w in words[:-1] if w in lex.nouns and w not in lex.candidacy]
        if not others:
            return None
    return role
