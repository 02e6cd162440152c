"""Quotes stage: who said what, as direct, indirect and mixed quotes.

Direct quotes come from paired quotation marks (``quote_marks``) attributed by the cue
next to them (``direct_quotes``). A quote split around its cue (``"A," he said, "B."``)
gives two quotes with the same cue and speaker, so each content span is one unbroken
stretch of text; a quote standing alone after another continues its speaker and cue.
Indirect quotes come from the parse: a speech or cognition verb from
``data/speech_cues.json`` with its reported clause (or object, for frames like
"claimed no casualties"), "according to X", and headline-style "Name: words".
Reported speech holding a quoted fragment is one ``mixed`` quote. Beyond these frames,
the learned cue and content models of ``quote_model`` (trained on PolNeAR) add reported
speech the rules do not know: other cue words ("slammed", "called for", a colon after a
name) and content spans read off the parse. Speaker spans become canonical names in
``speakers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..pipeline import register
from ..records import Article, Quote, Span
from ..resources import Resources
from .attribution import Candidate, Context, Speaker, paragraph, strip_edges, words
from .direct_quotes import direct_quote
from .learned_reports import learned_reports, outer_cue
from .quote_marks import Quoted, find_quoted, top_level
from .quote_model import QuoteModel, quote_model
from .report_bounds import bound_reports, lead_in
from .report_pieces import left_pieces
from .speakers import CueTables, Resolved, SpeakerNames, cue_tables
from .viewpoints import viewpoints

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_TRANSCRIPT = re.compile(r"^[\"“]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}): ([^\n]+)$", re.M)
_HEADLINE = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): ([^\n]{10,200})$", re.M)


def _indirect(ctx: Context) -> Iterable[Candidate]:
    for tok in ctx.doc:
        if tok.lower_ == "according":
            cand = _according(tok, ctx)
            if cand is not None:
                yield cand
            continue
        if not tok.tag_.startswith("VB"):
            continue
        frames = ctx.tables.frames.get(tok.lemma_.lower())
        if not frames:
            continue
        comp = _complement(tok, frames, ctx.tables.non_speech_objects)
        if comp is None:
            continue
        toks = _content_tokens(comp, ctx)
        oprd = [c for c in tok.children if c.dep_ == "oprd" and c.i > comp.i]
        if toks and oprd and comp.dep_ == "dobj":  # called him "a total stiff"
            toks = list(ctx.doc[toks[0].i : max(t.i for t in oprd[0].subtree) + 1])
            while toks and toks[-1].is_punct:
                toks.pop()
        toks += _joined_content(tok, toks, ctx)
        if len(toks) < 2:
            continue
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
        if b <= tok.idx and any(ch in ctx.text[b : tok.idx] for ch in ":;"):
            continue  # "X set off fireworks: Republicans said ...": not what they said
        who = outer_cue(tok, ctx) or tok
        speaker = ctx.subject(who, tok.sent.start_char, tok.sent.end_char)
        if speaker is None or (speaker.start < b and speaker.end > a):
            continue
        yield Candidate("indirect", a, b, (tok.idx, tok.idx + len(tok)), speaker)


def _content_tokens(comp: Token, ctx: Context) -> list[Token]:
    """The reported clause: ``comp``'s subtree, cut before a further cue joined to it
    ("says X and says Y") and at a paragraph break, without edge punctuation."""
    toks = list(comp.subtree)
    for k, t in enumerate(toks):
        if t.i <= comp.i:
            continue
        # "said he would act and warned ...": the parse often hangs the second cue on the
        # reported verb; a cue verb in the cue's own tense starts a report of its own.
        joined = t.dep_ == "conj" and (
            t.lemma_ == comp.head.lemma_
            or (t.tag_ == comp.head.tag_ and ctx.tables.has(t.lemma_, "direct"))
        )
        if joined or "\n" in t.text:
            toks = toks[:k]
            break
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def _joined_content(verb: Token, toks: list[Token], ctx: Context) -> list[Token]:
    """What a cue verb's conjoined verb adds to the report ("says he is proud and expects
    to win"), up to the sentence end; not a further cue of its own ("and says ...")."""
    if not toks:
        return []
    last = toks[-1].i
    extra: list[Token] = []
    for c in verb.children:
        if c.dep_ != "conj" or c.i < last or c.lemma_.lower() in ctx.tables.frames:
            continue
        sub = [t for t in c.subtree if t.i > last]
        if sub and all("\n" not in t.text for t in sub):
            extra = list(ctx.doc[last + 1 : sub[-1].i + 1])
    while extra and extra[-1].is_punct:
        extra.pop()
    return extra


def _colon_paragraph(ctx: Context) -> Iterable[Candidate]:
    """A cue ending its paragraph with a colon introduces the next paragraph as a whole
    ("In a speech last July, he said:" / "Her letter reads:"), quoted or not; a quoted
    one is the direct quotes' already."""
    text = ctx.text
    for tok in ctx.doc:
        if tok.text != ":" or tok.i == 0 or not ctx.cue(tok.doc[tok.i - 1], "direct"):
            continue
        end = tok.idx + 1
        if text[end : end + 1] not in ("\n", "\r"):
            continue
        a = end
        while a < len(text) and text[a].isspace():
            a += 1
        if a >= len(text) or text[a] in "“\"«„‘'":
            continue
        b = _block_end(text, a)
        a, b = strip_edges(text, a, b)
        if words(text[a:b]) < 3:
            continue
        verb = tok.doc[tok.i - 1]
        speaker = ctx.subject(verb, verb.sent.start_char, verb.sent.end_char)
        if speaker is not None:
            yield Candidate("indirect", a, b, (verb.idx, verb.idx + len(verb)), speaker)


def _block_end(text: str, a: int, most: int = 6) -> int:
    """Where a block introduced by a colon ends: its paragraph, or in a text whose
    paragraphs are parted by blank lines, up to the next blank line (a block quote set
    line by line), stopping before markup."""
    _, b = paragraph(text, a)
    if "\n\n" not in text:
        return b
    for _ in range(most):
        if text[b : b + 1] != "\n" or b + 1 >= len(text) or text[b + 1] in "\n<":
            break
        _, b = paragraph(text, b + 1)
    return b


def _headline(ctx: Context) -> Iterable[Candidate]:
    """Headline-style attribution: a short line "Name: what they said"."""
    for m in _HEADLINE.finditer(ctx.text):
        toks = ctx.tokens(m.start(1), m.end(1))
        if not toks or not all(t.pos_ == "PROPN" or t.is_punct for t in toks):
            continue
        a, b = strip_edges(ctx.text, m.start(2), m.end(2))
        if words(ctx.text[a:b]) < 3:
            continue
        speaker = Speaker(m.start(1), m.end(1), toks[-1])
        yield Candidate("indirect", a, b, (m.end(1), m.end(1) + 1), speaker)


def _transcript(ctx: Context) -> Iterable[Candidate]:
    """A transcript turn: a paragraph opening with a speaker's name in capitals and a
    colon ("PENCE: Well, look, ..."); the content is the rest of the paragraph."""
    for m in _TRANSCRIPT.finditer(ctx.text):
        label = m.group(1)
        if label in ctx.tables.not_speakers or len(label.replace(".", "")) < 2:
            continue
        a, b = strip_edges(ctx.text, m.start(2), m.end(2))
        if words(ctx.text[a:b]) < 3:
            continue
        toks = ctx.tokens(m.start(1), m.end(1))
        if not toks:
            continue
        speaker = Speaker(m.start(1), m.end(1), toks[-1])
        yield Candidate("indirect", a, b, (m.end(1), m.end(1) + 1), speaker)


def _complement(
    verb: Token, frames: frozenset[str], non_speech: frozenset[str] = frozenset()
) -> Token | None:
    if "ccomp" in frames:
        ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
        # "Claiming X, Trump told Fox that Y": a clause after the cue is the one reported.
        after = [c for c in ccomps if c.i > verb.i]
        if ccomps:
            return after[0] if after and len(ccomps) > 1 else ccomps[0]
    deps = {c.dep_ for c in verb.children}
    for c in verb.children:
        if c.dep_ == "dobj" and ("dobj" in frames or ("oprd" in frames and "oprd" in deps)):
            return None if c.lemma_.lower() in non_speech else c
        if c.dep_ == "prep" and f"prep:{c.lower_}" in frames:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _according(tok: Token, ctx: Context) -> Candidate | None:
    to = [c for c in tok.children if c.lower_ == "to"]
    objs = [c for t in to for c in t.children if c.dep_ == "pobj"]
    if not objs:
        return None
    sent = tok.sent
    phrase = list(tok.subtree)
    pa, pb = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    if tok.i == sent.start:
        # "According to X, Y.": the phrase ends at its comma, whatever the parse hung on it.
        comma = next((t for t in ctx.doc[objs[0].i : sent.end] if t.text == ","), None)
        if comma is not None and comma.idx < pb:
            pb = comma.idx
    speaker = ctx.phrase(objs[0], pa, pb)
    if pa - sent.start_char > sent.end_char - pb:
        a, b = sent.start_char, pa
    else:
        a, b = pb, sent.end_char
    while a < b and ctx.text[a] in ",;:–— \n":
        a += 1
    while b > a and ctx.text[b - 1] in ",;:.–— \n":
        b -= 1
    if speaker is None or words(ctx.text[a:b]) < 3:
        return None
    return Candidate("indirect", a, b, (tok.idx, to[0].idx + len(to[0])), speaker)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def find_quotes(
    text: str, doc: Doc, names: SpeakerNames, tables: CueTables, model: QuoteModel | None = None
) -> tuple[list[Quote], int]:
    """All quotes of one text, in text order, and the count of unpaired quotation marks."""
    ctx = Context(text, doc, tables)
    quoted, unpaired = find_quoted(text)
    tops = top_level(quoted)
    cands: list[Candidate] = []
    for i, q in enumerate(tops):
        prev = tops[i - 1] if i > 0 else None
        nxt = tops[i + 1] if i + 1 < len(tops) else None
        c = direct_quote(q, prev, nxt, ctx)
        if c is not None:
            lead_in(c, q, ctx)
            cands.append(c)
    # A transcript ("PENCE: Well, ...") often opens each turn with a stray mark that pairs
    # across turns; the turn, not the mis-paired quotation, is the quote.
    turns = list(_transcript(ctx))
    cands = [c for c in cands if not any(c.start <= t.cue[0] < c.end for t in turns if t.cue)]
    direct = list(cands)
    # The rules' reported speech first (exact frames), then the learned model's for what
    # the rules do not cover; a candidate overlapping an earlier one is dropped below.
    others = [*turns, *_headline(ctx), *_colon_paragraph(ctx), *_indirect(ctx)]
    if model is not None:
        others += learned_reports(ctx, model, tops)
    # A fronted source ("In the poll, ...") last: a speech verb in the sentence says more.
    views = list(viewpoints(ctx))
    for c in others:
        _drop_cue_prep(c, ctx)
    bound_reports(others, ctx)
    for c in others + views:
        if c in turns:
            pass
        elif c in views and any(o.cue and c.start <= o.cue[0] < c.end for o in cands):
            continue
        elif c.cue is not None and any(q.inner_start <= c.cue[0] < q.inner_end for q in tops):
            continue  # reported speech inside a quotation belongs to the quote
        inside = [d for d in direct if d.cue == c.cue and c.start < d.start - 1 and d.end <= c.end]
        if inside and c.end - c.start > max(d.end - d.start for d in inside):
            # A quoted fragment of reported speech: one mixed quote, not a direct one.
            for d in inside:
                direct.remove(d)
                cands.remove(d)
        if any(_overlap(c.start, c.end, d.start, d.end) * 2 >= c.end - c.start for d in direct):
            continue
        same = [o for o in cands if c.cue is not None and o.cue == c.cue]
        if same:  # one cue reports one content: the longer of the rules' and the model's
            if any(not (c.start <= o.start and o.end <= c.end) or o in direct for o in same):
                continue
            for o in same:
                cands.remove(o)
        if any(_overlap(c.start, c.end, o.start, o.end) * 2 >= c.end - c.start for o in cands):
            continue

        _absorb_quoted(c, tops, ctx)
        if any(_overlap(c.start, c.end, d.start, d.end) * 2 >= c.end - c.start for d in direct):
            continue  # cut back to a quotation already attributed on its own
        cands.append(c)
    cands += left_pieces(cands, ctx)
    cands.sort(key=lambda c: c.start)
    return _name(cands, text, names), unpaired


def _drop_cue_prep(c: Candidate, ctx: Context) -> None:
    """Start reported content after a preposition that completes its cue ("called for
    | a boycott", "talked about | the wall", "pointed to | the case"): PolNeAR and readers
    take "called for" as the cue. An infinitive "to" ("vowed to | act") stays content."""
    if c.cue is None or c.kind == "direct" or c.start < c.cue[1]:
        return
    first = ctx.token_at(c.start)
    if (
        first is None
        or first.idx != c.start
        or first.lower_ not in ctx.tables.cue_preps
        or first.dep_ != "prep"
        or first.head.idx != c.cue[0]
        or ctx.text[c.cue[1] : c.start].strip()
    ):
        return
    a, b = strip_edges(ctx.text, first.idx + len(first), c.end)
    if words(ctx.text[a:b]) >= 1 and b > a:
        c.start = a


def _absorb_quoted(c: Candidate, tops: list[Quoted], ctx: Context) -> None:
    """Reported speech overlapping a quotation in its paragraph is a mixed quote that
    holds the whole quotation, marks included: its edges may have been trimmed of an
    opening mark ("''Of course ...''"), or the parse may have kept only the quotation's
    last sentence as the reported clause."""
    text = ctx.text
    para_a, _ = paragraph(text, c.start)
    _, para_b = paragraph(text, max(c.start, c.end - 1))
    last = None
    for q in tops:
        if _overlap(c.start, c.end, q.inner_start, q.inner_end) <= 0:
            continue
        if q.start < para_a or q.end > para_b + 1:
            continue
        cut = _own_cue_before(q, c, ctx)
        if cut is not None:
            # "… golf courses, saying, “Maybe …”": the quotation has a cue of its own.
            c.end = cut
            break
        c.kind = "mixed"
        c.start = min(c.start, q.start)
        c.end = max(c.end, q.end)  # the quoted fragment ends with its closing mark
        last = q
    if last is not None and c.end > last.end:
        if _adjunct_tail(last.end, c.end, ctx):
            c.end = last.end
        else:
            c.end = _tail_cut(c.start, last.end, c.end, ctx)


def _own_cue_before(q: Quoted, c: Candidate, ctx: Context) -> int | None:
    """Where reported speech should end when a quotation inside it is introduced by a cue
    of its own ("…, tweeting, “…”", "… and said: “…”"): before that cue's clause."""
    text = ctx.text
    lead = text[c.start : q.start].rstrip()
    if not lead.endswith((",", ":")):
        return None
    toks = [t for t in ctx.tokens(c.start, q.start) if not t.is_punct and not t.is_space]
    if (
        len(toks) < 3
        or not ctx.cue(toks[-1], "direct")
        or c.cue == (toks[-1].idx, toks[-1].idx + len(toks[-1]))
    ):
        return None
    cue = toks[-1]
    first = min((t for t in cue.subtree if t.i <= cue.i), key=lambda t: t.i)
    if first.idx <= c.start:
        return None
    end = first.idx
    while end > c.start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
        end -= 1
    for word in (" and", " but"):
        if text[c.start : end].endswith(word):
            end -= len(word)
    while end > c.start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return end if end > c.start else None


_TAIL_PREPS = frozenset({"during", "amid", "while", "after", "before", "when"})


def _adjunct_tail(after: int, end: int, ctx: Context) -> bool:
    """Does what follows a mixed quote's last quotation tell when or how it was said,
    rather than go on with the words reported? ("called it a “disgrace” Wednesday",
    "… “crazy system” during a stop", "… “fair” to him, engaging in …", "… “opposed”
    and warned …"): the parse often hangs these off the quoted noun."""
    toks = [t for t in ctx.tokens(after, end) if not t.is_space]
    if not toks:
        return False
    gap = ctx.text[after : toks[0].idx]
    first = next((t for t in toks if not t.is_punct), None)
    if first is None:
        return False
    lead = "".join(t.text for t in toks if t.i < first.i) + gap
    if any(d in lead for d in "–—") or (
        lead.strip() == "-" and " -" in ctx.text[after : first.idx + 1]
    ):
        return True  # "… “burning the Constitution” - a charge that stung"
    if first.ent_type_ in ("DATE", "TIME") or first.lower_ in _TAIL_PREPS:
        return True
    if "," in lead and first.tag_ == "VBG":
        return True
    if first.lower_ == "and":
        verb = next((t for t in toks if t.i > first.i and not t.is_punct), None)
        return (
            verb is not None
            and verb.tag_.startswith("VB")
            and (verb.lemma_.lower() in ctx.tables.frames)
        )
    return False


def _tail_cut(start: int, after: int, end: int, ctx: Context) -> int:
    """Where a mixed quote's content should end: before the first phrase after its last
    quotation that hangs off the cue rather than the reported words ("called her a
    “disgrace” on Wednesday", "... “a con artist” and left")."""
    toks = [t for t in ctx.tokens(start, end) if not t.is_space]
    if not toks:
        return end
    lo, hi = toks[0].i, toks[-1].i
    roots = [t for t in toks if not lo <= t.head.i <= hi or t.head.i == t.i]
    if not any(t.idx < after for t in roots if not t.is_punct):
        return end  # the clause's head comes after the quotation ("“X” remains unclear")
    for t in toks:
        if t.idx < after or t.is_punct:
            continue
        top = t
        while lo <= top.head.i <= hi and top.head.idx >= after and top.head.i != top.i:
            top = top.head
        if lo <= top.head.i <= hi and top.head.i != top.i:
            continue  # attached to the reported words before it
        if top.dep_ == "conj" and not any(c.lower_ == "but" for c in top.head.children):
            continue  # "said X and Y": the parse cannot tell which verb "and" joins
        return _cut_before(t, start, after, ctx.text)
    return end


def _cut_before(t: Token, start: int, after: int, text: str) -> int:
    """The content's end just before ``t``: at the last closing mark or word."""
    _, cut = strip_edges(text, start, t.idx)
    while cut > after and text[cut - 1] not in "”\"»’'" and not text[cut - 1].isalnum():
        cut -= 1
    return max(cut, after)


def _ends_quoted(text: str, end: int) -> bool:
    """Does a quote end with (or just before) a closing quotation mark? Then a quoted
    sentence standing alone after it continues it ("X is “A,” says Y. “B.”")."""
    return any(ch in "”\"»’'" for ch in text[max(0, end - 1) : end + 1])


def _name(cands: list[Candidate], text: str, names: SpeakerNames) -> list[Quote]:
    out: list[Quote] = []
    earlier: list[Resolved] = []
    last_direct: Quote | None = None
    for c in cands:
        content = Span.of(text, c.start, c.end)
        cue = Span.of(text, *c.cue) if c.cue else None
        if c.inherit:
            para_a, _ = paragraph(text, c.start)
            if last_direct is not None:
                prior = last_direct
                prior_a, prior_end = paragraph(text, prior.content.end)
                if prior_a != para_a and text[prior_end:para_a].strip():
                    continue
                quote = Quote("direct", content, prior.cue, prior.speaker, prior.speaker_name)
                out.append(quote)
                last_direct = quote
            continue
        speaker = name = label = None
        if c.speaker is not None:
            sp = c.speaker
            speaker = Span.of(text, sp.start, sp.end)
            name, label = names.resolve(sp.start, sp.end, sp.root, earlier)
            if name:
                earlier.append(Resolved(sp.start, name, label))
        quote = Quote(c.kind, content, cue, speaker, name)
        out.append(quote)
        if c.kind in ("direct", "mixed") and speaker is not None and _ends_quoted(text, c.end):
            last_direct = quote
    return out


@register("quotes", 7, requires={"doc", "entities"}, provides={"quotes"}, english_only=True)
def quotes(article: Article, doc: Doc | None, resources: Resources) -> Article:
    assert doc is not None
    tables = cue_tables(resources)
    names = SpeakerNames(article.text, article.entities, tables)
    # Unpaired marks are common in scraped text; they are skipped, not reported as an
    # error (errors mean the article could not be analysed).
    found, _unpaired = find_quotes(article.text, doc, names, tables, quote_model(resources))
    return article.evolve(quotes=tuple(found))
