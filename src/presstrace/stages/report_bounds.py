"""Where reported content begins and ends: a report stops before a clause that is a report of
its own, and a quotation led in by reported words begins with them.

The parse often hangs a second clause on the reported verb: "Most said they were worried,
and more than 4 in 10 said Trump would do best" makes "more than 4 in 10 said ..." part of
the first report, and "they prefer an outsider, while about 4 in 10 want experience" makes
the contrasting clause so. PolNeAR (and a reader) sees two attributions: the first report
ends before the second clause, whose own cue reports its own content. Cutting there lets
both be matched instead of one over-long span matching neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution import Candidate, Context, strip_edges
from .quote_marks import Quoted, inside_quotation
from .report_tails import cut_tails

if TYPE_CHECKING:
    from spacy.tokens import Token

_MARKS = frozenset('“”"«»„‘')
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
_LEAD_WORDS = frozenset(
    {"no", "whatever", "whoever", "if", "when", "while", "although", "though", "because", "unless"}
)
_ADJUNCT_PREPS = frozenset({"at", "during"})
_CONCESSIVE = frozenset({"though", "as"})
_DASHES = frozenset({"—", "–", "--"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_TAIL_WORDS = frozenset({"and", "but", "while", "whereas", "though", "although", "however"})


def lead_in(c: Candidate, q: Quoted, ctx: Context) -> None:
    """A quotation led in by reported words after its cue ("says no matter what he does,
    “…”", "adds that voters have two choices: “…”") is a mixed quote of both."""
    if c.cue is None or c.inherit or c.cue[1] > q.start:
        return
    text = ctx.text
    a, b = c.cue[1], q.start
    while a < b and text[a] in " ,:\u00a0":
        a += 1
    while b > a and text[b - 1] in " ,:\u00a0–—-":
        b -= 1
    lead = text[a:b]
    if len(lead.split()) < 3 or "\n" in lead or any(ch in lead for ch in '.!?;“”"«»'):
        return
    toks = [t for t in ctx.tokens(a, b) if not t.is_space]
    if not toks or toks[0].sent != ctx.doc[toks[-1].i].sent:
        return
    that = next((t for t in toks if t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is not None:  # "told the crowd that …, “…”": the report starts at "that"
        toks = [t for t in toks if t.i >= that.i]
    elif toks[0].lower_ not in _LEAD_WORDS and toks[0].dep_ not in ("nsubj", "expl"):
        return
    if not any(t.tag_ in _FINITE for t in toks) or any(ctx.cue(t, "direct") for t in toks):
        return  # no clause, or a cue of its own ("..., Hillary shot back, “…”")
    a = toks[0].idx
    if c.speaker is not None and a <= c.speaker.start < q.start:
        return
    c.kind = "mixed"
    c.start = a
    c.end = max(c.end, q.end)


def bound_reports(cands: list[Candidate], ctx: Context) -> None:
    """Cut reported content (not a quotation) to the report's own words, in order."""
    for c in cands:
        drop_cue_noun(c, ctx)
        cut_second_report(c, ctx)
        trim_object(c, ctx)
        cut_concession(c, ctx)
        cut_dash_aside(c, ctx)
    cut_tails(cands, ctx)


def drop_cue_noun(c: Candidate, ctx: Context) -> None:
    """Start reported content after a noun and preposition that are part of its cue
    ("made no mention of | the plan", "took a swipe at | Ruiz", "voiced concern about |
    the cost"): what is reported is the preposition's object, as PolNeAR marks it."""
    if c.kind != "indirect" or c.cue is None or c.start < c.cue[1]:
        return
    toks = [t for t in ctx.tokens(c.start, c.end) if not t.is_space]
    lo, hi = (toks[0].i, toks[-1].i) if toks else (0, -1)
    noun = next((t for t in toks[:4] if t.pos_ == "NOUN"), None)
    if noun is None or noun.lemma_.lower() not in ctx.tables.cue_nouns:
        return
    if lo <= noun.head.i <= hi and noun.head.i != noun.i:
        return  # the noun is not what the content is built on
    if any(x.dep_ == "poss" for x in noun.children):
        return  # "criticized his remarks about X": someone's words are the content
    prep = next((x for x in noun.rights if x.dep_ == "prep"), None)
    if prep is None or prep.i != noun.i + 1 or prep.lower_ not in ctx.tables.cue_preps:
        return
    obj = next((x for x in prep.children if x.dep_ in ("pobj", "pcomp")), None)
    if obj is None or max(x.i for x in obj.subtree) < hi - 1:
        return
    a, b = strip_edges(ctx.text, ctx.doc[prep.i + 1].idx, c.end)
    if b > a:
        c.start = a


def cut_second_report(c: Candidate, ctx: Context) -> None:
    """End reported speech before a coordinated clause with its own subject that is a
    report of its own (its verb is a cue: "..., and three-quarters said the same") or that
    contrasts another group's view ("..., while 4 in 10 want ...")."""
    if c.kind != "indirect" or c.cue is None or c.start < c.cue[1]:
        return
    cue = ctx.token_at(c.cue[0])
    toks = [t for t in ctx.tokens(c.start, c.end) if not t.is_space]
    if cue is None or len(toks) < 4:
        return
    sent_end = toks[0].sent.end
    if toks[-1].i >= sent_end:
        return  # a block of several sentences (a colon's paragraph) is one report
    for t in toks[2:]:
        left = _second_report(t, ctx, toks[0].i, cue)
        if left is None or left <= toks[0].i + 1:
            continue
        if inside_quotation(ctx.text, c.start, t.idx):
            return  # a quotation's own words are not cut by the parse of them
        a, b = strip_edges(ctx.text, c.start, ctx.doc[left].idx)
        b = _without_conjunction(ctx.text, a, b)
        if len(ctx.text[a:b].split()) >= 2:
            c.end = b
        return


def trim_object(c: Candidate, ctx: Context) -> None:
    """End reported content that is a noun phrase (the object of "attacked", "shared",
    "discussed") before what the parse hung on the noun but tells where or when it was
    said, or comments on it: "backed a public option | during the talks", "shared the
    news last week", "attacked Trump|, with whom he clashed", "discussed the issues|,
    including ...". A topic ("his views on immigration") stays."""
    if c.kind != "indirect" or c.cue is None or c.start < c.cue[1]:
        return
    toks = [t for t in ctx.tokens(c.start, c.end) if not t.is_space]
    if len(toks) < 3:
        return
    lo, hi = toks[0].i, toks[-1].i
    roots = [t for t in toks if not lo <= t.head.i <= hi or t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return
    head = roots[0]
    if head.dep_ not in ("dobj", "pobj") or _quoted_near(ctx.text, c.start, c.end):
        return
    for t in head.children:
        if t.i <= head.i or t.i > hi:
            continue
        after_comma = ctx.doc[t.i - 1].text == ","
        adjunct = (
            (t.dep_ == "prep" and t.lower_ in _ADJUNCT_PREPS)
            or (t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME"))
            or (after_comma and (t.dep_ == "relcl" or t.lower_ == "including"))
        )
        if adjunct:
            left = min(x.i for x in t.subtree)
            a, b = strip_edges(ctx.text, c.start, ctx.doc[left].idx)
            if b > a:
                c.end = b
            return


def cut_concession(c: Candidate, ctx: Context) -> None:
    """End reported content before an "even though" / "even as" clause hung on its end
    ("... would win – even though he picked Denver", "... to turn to Trump even as she
    faces ..."): the writer's aside, which PolNeAR leaves out of the report. "Even if"
    states the claim's condition and stays."""
    if c.kind != "indirect" or c.cue is None or c.start < c.cue[1]:
        return
    toks = [t for t in ctx.tokens(c.start, c.end) if not t.is_space]
    for t in toks[3:]:
        if t.dep_ != "mark" or t.lower_ not in _CONCESSIVE or t.head.dep_ != "advcl":
            continue
        prev = ctx.doc[t.i - 1]
        if prev.lower_ != "even" or max(x.i for x in t.head.subtree) < toks[-1].i - 1:
            continue  # "although ..." is often the speaker's own; an aside mid-report stays
        lead = prev.i - 1
        if _quoted_near(ctx.text, c.start, t.idx):
            return
        a, b = strip_edges(ctx.text, c.start, ctx.doc[lead + 1].idx)
        b = _without_conjunction(ctx.text, a, b)
        if len(ctx.text[a:b].split()) >= 2:
            c.end = b
        return


def _quoted_near(text: str, a: int, b: int) -> bool:
    """Does a quotation mark lie in or just after text[a:b]? A mixed quote's edges are
    settled by its quotation, not by the parse."""
    near = text[a : b + 3]
    return "''" in near or any(ch in _MARKS for ch in near)


def cut_dash_aside(c: Candidate, ctx: Context) -> None:
    """End reported content before a dash and a noun phrase running to its end ("...
    reached $2 million — a high sum, but ...", "opposed the pact — one of the biggest
    goals of his term"): the writer's comment on what was said."""
    if c.kind != "indirect" or c.cue is None or c.start < c.cue[1]:
        return
    toks = [t for t in ctx.tokens(c.start, c.end) if not t.is_space]
    if not toks or toks[-1].i >= toks[0].sent.end:
        return
    dashes = [t for t in toks[2:-1] if t.text in _DASHES]
    if len(dashes) != 1:
        return  # a pair of dashes sets off an aside inside the report
    for t in dashes:
        after = [x for x in toks if x.i > t.i]
        heads = [x for x in after if not t.i < x.head.i <= toks[-1].i or x.head.i == x.i]
        if (
            len(heads) != 1
            or heads[0].pos_ not in ("NOUN", "PRON", "NUM", "ADJ")
            or heads[0].dep_ not in ("appos", "npadvmod", "attr", "dobj", "conj")
            or inside_quotation(ctx.text, c.start, t.idx)
        ):
            return
        a, b = strip_edges(ctx.text, c.start, t.idx)
        if len(ctx.text[a:b].split()) >= 2:
            c.end = b
        return


def _second_report(t: Token, ctx: Context, first: int, cue: Token) -> int | None:
    """Where the clause of ``t`` starts when it is one of its own after the report's
    start: coordinated or contrasting, with a subject of its own, and a cue or led by
    'while'/'whereas'."""
    if not (t.pos_ in ("VERB", "AUX") and t.head.i < t.i):
        return None
    joint = _repeated_cue(t, ctx, first, cue)
    if joint is not None:
        return joint
    subj = [x for x in t.children if x.dep_ in _SUBJECTS and x.i < t.i]
    if not subj:
        return _speaker_predicate(t, first)
    left = min(x.i for x in t.subtree)
    if t.dep_ == "conj":
        # "... and (that) he feels ..." goes on with the same speaker's report: a cue
        # with a pronoun subject or a "that" of its own continues it.
        own = (
            t.tag_.startswith("VB")
            and ctx.tables.has(t.lemma_, "direct")
            and subj[0].pos_ != "PRON"
            and not any(x.dep_ == "mark" for x in t.children)
        )
        return left if own else None
    if t.dep_ == "advcl":
        marks = [x for x in t.children if x.dep_ == "mark" and x.i < subj[0].i]
        lead = ctx.doc[marks[0].i - 1] if marks and marks[0].i > 0 else None
        contrast = (
            bool(marks)
            and marks[0].lower_ in ("while", "whereas")
            and lead is not None
            and lead.text == ","
        )
        return left if contrast else None
    return None


def _finite(v: Token) -> str:
    """The tense tag a verb shows: its first auxiliary's, else its own."""
    aux = [x for x in v.children if x.dep_ in ("aux", "auxpass") and x.i < v.i]
    return aux[0].tag_ if aux else v.tag_


def _speaker_predicate(t: Token, first: int) -> int | None:
    """Where a second predicate of the speaker starts ("says that she has released her
    returns and called on X to do the same", "denies that it was a genocide and goes
    on to ..."): a subjectless verb joined to the reported verb in a finite tense of its
    own, which the reported verb does not share."""
    if t.dep_ != "conj" or t.pos_ != "VERB" or t.lemma_ in ("be", "have"):
        return None
    head = t.head
    if head.i < first or first <= head.head.i <= t.i and head.head.i != head.i:
        return None  # joined inside the report ("a show in which they ... and competed")
    tense = _finite(t)
    aux = [x for x in t.children if x.dep_ == "aux" and x.i < t.i]
    if aux and aux[0].lemma_ != "do":
        return None  # "... but hasn't decided": the perfect goes on with the report
    if tense not in ("VBD", "VBZ") or _finite(head) == tense:
        return None  # "was born abroad and is a Muslim", "... but hasn't decided": one report
    left = min(x.i for x in t.subtree)
    return left if left > first + 1 else None


def _repeated_cue(t: Token, ctx: Context, first: int, cue: Token) -> int | None:
    """The report's own cue word again after ", and" and a few words of subject
    ("Most said they were worried, and more than 4 in 10 said ..."), however parsed:
    where the second report starts (its conjunction)."""
    if t.lower_ != cue.lower_ or t.i - first < 3:
        return None
    for x in ctx.doc[max(first + 1, t.i - 7) : t.i - 1]:
        if x.lower_ in ("and", "but", "while") and ctx.doc[x.i - 1].text == ",":
            return x.i
    return None


def _without_conjunction(text: str, a: int, b: int) -> int:
    """``b`` moved back over a trailing conjunction and the punctuation before it."""
    while True:
        head = text[a:b].rstrip(" ,;–—-")
        word = head.rsplit(None, 1)[-1].lower() if head.split() else ""
        if word in _TAIL_WORDS:
            b = a + len(head) - len(word)
            continue
        return a + len(head)
