"""A learned layer over the parse: which words are speech cues, and what each one reports.

Two linear models, trained on PolNeAR's train split by ``scripts/train_quotes.py`` and
shipped as feature weights in ``data/quote_model.json.gz`` (no PolNeAR text, only feature
names such as ``l=say`` with their weights):

- the *cue* model scores each word as the head of an attribution cue ("said", "according",
  "told", "called", a colon after a name ...);
- the *content* model scores candidate content spans for one cue, all read off the parse
  (its clausal complement, its object, the clause it is attached to, the rest of the
  sentence, the part before its subject, the quotation next to it, a passive cue's
  subject, the cue's right side stopped before each of its dependents, each also without
  a comma-joined tail ...); a ranker, the highest-scoring one is the reported content.

Features are strings built here and used both at training and at run time, so the two
cannot drift apart. Scoring is a sum of dictionary look-ups: no numeric library at run time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..resources import Resources
from .speakers import CueTables

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_FILE = "quote_model.json.gz"
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PUNCT", "PROPN", "SCONJ"})
_EDGE = frozenset(" \t\n.,;:!?()[]—–-")
_MARKS = frozenset("“”\"«»„‘’'")
_OBJECTS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "dative", "acomp")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True, slots=True)
class Linear:
    """A linear model: feature-name weights, a bias and a threshold on its probability
    (the cue's; for the content ranker, the best span's softmax share)."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feats: Iterable[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in feats)

    def prob(self, feats: Iterable[str]) -> float:
        s = self.score(feats)
        return 1.0 / (1.0 + math.exp(-s)) if s > -30 else 0.0


@dataclass(frozen=True, slots=True)
class QuoteModel:
    cue: Linear
    content: Linear


def _linear(raw: dict[str, Any]) -> Linear:
    return Linear(
        {str(k): float(v) for k, v in raw["weights"].items()},
        float(raw["bias"]),
        float(raw["threshold"]),
    )


def quote_model(resources: Resources) -> QuoteModel:
    """The shipped model, loaded once per Resources."""
    key = "quotes.model"
    if key not in resources.memo:
        raw = resources.data_json(MODEL_FILE)
        try:
            resources.memo[key] = QuoteModel(_linear(raw["cue"]), _linear(raw["content"]))
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"data file {MODEL_FILE!r} is not a quote model") from e
    model: QuoteModel = resources.memo[key]
    return model


def quoted_tokens(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quoted stretches (char offsets) as token ranges [start, end)."""
    out = []
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end))
    return out


def quoted_mask(doc: Doc, ranges: Sequence[tuple[int, int]]) -> list[bool]:
    """For each token: does it lie inside one of the quoted token ranges?"""
    mask = [False] * len(doc)
    for a, b in ranges:
        mask[a:b] = [True] * (b - a)
    return mask


def cue_candidate(tok: Token) -> bool:
    """Words the cue model looks at: content words, prepositions and colons."""
    return tok.pos_ in CUE_POS and not tok.is_space and (tok.pos_ != "PUNCT" or tok.text == ":")


def cue_features(tok: Token, tables: CueTables, inside: bool) -> list[str]:
    lemma = tok.lemma_.lower()
    deps = sorted({c.dep_ for c in tok.children})
    head = tok.head
    frames = tables.frames.get(lemma, frozenset())
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "<end>"
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<start>"
    near = doc[max(tok.sent.start, tok.i - 3) : min(tok.sent.end, tok.i + 4)]
    marks_near = "".join(
        ("<" if t.i < tok.i else ">") for t in near if t.text in _MARKS or t.text == "''"
    )[:2]
    feats = [
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"lp={lemma}|{tok.pos_}",
        f"ld={lemma}|{tok.dep_}",
        f"hl={head.lemma_.lower()}|{tok.dep_}",
        f"q={inside}",
        f"pq={tok.pos_}|{inside}",
        f"nx={nxt}",
        f"lnx={lemma}|{nxt}",
        f"pv={prev}",
        f"hp={head.pos_}|{tok.dep_}",
        f"mk={marks_near}",
        f"lmk={lemma}|{marks_near}",
    ]
    subj = [c for c in tok.children if c.dep_ in _SUBJECTS]
    if subj:
        s = subj[0]
        kind = s.ent_type_ or ("PRON" if s.pos_ == "PRON" else s.pos_)
        feats += [f"se={kind}", f"lse={lemma}|{kind}"]
        if s.pos_ == "PRON":
            feats.append(f"sw={s.lower_}")
    if head.i != tok.i:
        # "began by saying", "declined to comment": the word it depends on is a cue too
        feats.append(f"hf={bool(tables.frames.get(head.lemma_.lower()))}|{tok.dep_}")
    marks = [g.lower_ for c in tok.children if c.dep_ == "ccomp" for g in c.children]
    if "that" in marks:
        feats.append(f"cthat={lemma}")
    objs = [c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "prep")]
    feats += [f"lo={lemma}|{o}" for o in objs[:2]]
    feats += [f"c={d}" for d in deps]
    feats += [f"pc={tok.pos_}|{d}" for d in deps]
    feats += [f"lc={lemma}|{d}" for d in deps if d in _OBJECTS or d in _SUBJECTS or d == "prep"]
    feats += [f"f={f}" for f in frames]
    if frames:
        feats.append(f"fd={tok.dep_}")
        feats += [f"fc={d}" for d in deps]
    if tok.text == ":":
        left = tok.doc[max(tok.sent.start, tok.i - 4) : tok.i]
        feats.append(f"colon={'+'.join(t.pos_ for t in left)}")
    return feats


@dataclass(frozen=True, slots=True)
class ContentSpan:
    """A content span for one cue: tokens [start, end) and how it was read off the parse."""

    start: int
    end: int
    how: str


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without edge punctuation, spaces and a leading conjunction."""
    while start < end and (
        doc[start].is_space
        or (doc[start].is_punct and doc[start].text not in _MARKS)
        or doc[start].dep_ == "cc"
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in _MARKS)
    ):
        end -= 1
    return start, end


def _sub(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def content_candidates(cue: Token, quoted: Sequence[tuple[int, int]]) -> list[ContentSpan]:
    """``quoted``: the text's quoted stretches as token ranges (``quoted_tokens``)."""
    """Where the content of ``cue`` may be, as token ranges inside its paragraph."""
    doc = cue.doc
    sent = cue.sent
    s0, s1 = sent.start, sent.end
    raw: list[tuple[int, int, str]] = []
    for c in cue.children:
        if c.dep_ in _OBJECTS:
            a, b = _sub(c)
            raw.append((a, b, c.dep_))
            marks = [m for m in c.children if m.dep_ == "mark" and m.i == a]
            if marks:
                raw.append((a + 1, b, c.dep_ + "-mark"))
        elif c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                raw.append((*_sub(objs[0]), "prep"))
    ca, cb = _sub(cue)
    if cb > cue.i + 1:
        raw.append((cue.i + 1, cb, "cue-right"))
    # The cue's right dependents one by one ("called X a “Y” | on Wednesday | after ..."):
    # the report usually stops before the time, place and circumstance of the saying.
    right = [c for c in cue.children if c.i > cue.i and c.dep_ not in ("punct", "cc")]
    for c in right[:-1]:
        raw.append((cue.i + 1, c.right_edge.i + 1, "upto"))
    objs = [c for c in cue.children if c.i > cue.i and c.dep_ not in ("punct", "advmod", "cc")]
    if objs and (objs[0].left_edge.i, cb) != (cue.i + 1, cb):
        raw.append((objs[0].left_edge.i, cb, "obj-right"))
    if cue.head.i != cue.i:  # a cue attached to the clause it reports ("X, he said.")
        ha, hb = _sub(cue.head)
        if ca > ha:
            raw.append((ha, ca, "head-left"))
        if hb > cb:
            raw.append((cb, hb, "head-right"))
    raw.append((s0, ca, "sent-left"))
    raw.append((cue.i + 1, s1, "after"))
    raw.append((cb, s1, "sent-right"))
    subj = [c for c in cue.children if c.dep_ in _SUBJECTS]
    if subj:
        raw.append((subj[0].right_edge.i + 1, s1, "after-subj"))
        if subj[0].dep_ == "nsubjpass" or cue.dep_ in ("acl", "relcl"):
            # "X was endorsed by Y", "the plan, backed by Y": X is what Y said or backed
            raw.append((*_sub(subj[0]), "subj"))
    elif cue.dep_ == "acl" and cue.head.i < cue.i:
        raw.append((cue.head.left_edge.i, cue.i, "noun-left"))
    if cue.text == ":" or cue.i + 2 >= s1:
        nxt = s1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc):
            raw.append((nxt, doc[nxt].sent.end, "next-sent"))
    for qa, qb in quoted:
        if 0 < qa - cue.i <= 4 or 0 < cue.i - qb < 6:
            raw.append((qa, qb, "quoted"))
    for a, b, how in list(raw):
        if how in ("ccomp", "xcomp") and b <= ca and a > s0:  # "Even if ..., X, he said"
            raw.append((s0, b, how + "-sent"))
    out: list[ContentSpan] = []
    seen: set[tuple[int, int]] = set()
    for a, b, how in raw:
        a, b = _cut_paragraph(doc, cue.i, *_trimmed(doc, a, b))
        if b - a < 1 or (a <= cue.i < b) or (a, b) in seen:
            continue
        seen.add((a, b))
        out.append(ContentSpan(a, b, how))
        cut = _comma_cut(doc, a, b)
        if cut is not None and (a, cut) not in seen:
            seen.add((a, cut))
            out.append(ContentSpan(a, cut, how + "-cut"))
    return out


def _comma_cut(doc: Doc, a: int, b: int) -> int | None:
    """Where a span would end without its last comma-joined tail (", who is 70",
    ", forcing them to ...", ", but with an edge"), if it has one."""
    for i in range(b - 2, a + 1, -1):
        if doc[i].text in (",", ";", "—", "–", "―") and doc[i + 1].dep_ != "punct":
            return i
    return None


def _cut_paragraph(doc: Doc, at: int, a: int, b: int) -> tuple[int, int]:
    """Keep the part of [a, b) in the cue's paragraph (or, after a colon, the next one)."""
    for i in range(a, b):
        if "\n" in doc[i].text:
            if i < at:
                a = i + 1
            elif i > at and i > a:
                return a, i if doc[at].text != ":" or at + 1 < i else b
    return a, b


def content_features(cue: Token, cand: ContentSpan, inside: bool) -> list[str]:
    doc = cue.doc
    lemma = cue.lemma_.lower()
    first, last = doc[cand.start], doc[cand.end - 1]
    n = cand.end - cand.start
    size = "1" if n == 1 else "2-3" if n < 4 else "4-8" if n < 9 else "9-20" if n < 21 else "21+"
    side = "R" if cand.start > cue.i else "L"
    sent = cue.sent
    ends_sent = cand.end >= sent.end - 1
    starts_sent = cand.start <= sent.start + 1
    marks = any(t.text in _MARKS for t in doc[cand.start : cand.end])
    verbs = sum(1 for t in doc[cand.start : cand.end] if t.pos_ == "VERB")
    nverb = "0" if verbs == 0 else "1" if verbs == 1 else "2+"
    feats = [
        f"h={cand.how}",
        f"hl={cand.how}|{lemma}",
        f"hd={cand.how}|{cue.dep_}",
        f"hp={cand.how}|{cue.pos_}",
        f"hs={cand.how}|{size}",
        f"s={size}",
        f"side={side}",
        f"sl={side}|{lemma}",
        f"es={ends_sent}|{cand.how}",
        f"ss={starts_sent}|{cand.how}",
        f"f0={first.lower_ if first.is_stop else first.pos_}",
        f"fl={last.pos_}",
        f"m={marks}|{cand.how}",
        f"q={inside}|{cand.how}",
        f"gap={min(abs(cand.start - cue.i), abs(cue.i - cand.end + 1), 6)}|{side}",
        f"fw={cand.how}|{first.lower_ if first.is_stop or first.is_punct else first.pos_}",
        f"fd={cand.how}|{first.dep_}",
        f"lw={cand.how}|{last.lower_ if last.is_stop or last.is_punct else last.pos_}",
        f"v={cand.how}|{nverb}",
        f"hsl={cand.how}|{size}|{lemma}",
        f"cd={cand.how}|{'+'.join(sorted({c.dep_ for c in cue.children if c.i > cue.i}))}",
    ]
    span = doc[cand.start : cand.end]
    n_marks = sum(1 for t in span if t.text in _MARKS or t.text == "''")
    feats += [
        f"mk={n_marks % 2}|{n_marks > 0}|{cand.how}",
        f"endmk={last.text in _MARKS}|{cand.how}",
    ]
    if side == "R":
        # What the span leaves out: the cue's next dependent ("prep|during", "advcl").
        nxt = [c for c in cue.children if c.i >= cand.end and c.dep_ not in ("punct", "cc")]
        stop = (
            "none"
            if not nxt
            else nxt[0].dep_ + ("|" + nxt[0].lower_ if nxt[0].dep_ == "prep" else "")
        )
        feats += [f"stop={stop}|{cand.how}", f"stopl={stop}|{lemma}"]
    if cand.how.endswith("-cut"):
        tail = doc[cand.end + 1] if cand.end + 1 < len(doc) else doc[cand.end]
        feats += [f"tail={tail.dep_}", f"tailw={tail.lower_ if tail.is_stop else tail.pos_}"]
    return feats


def predict(
    doc: Doc, model: QuoteModel, tables: CueTables, quoted: Sequence[tuple[int, int]]
) -> list[tuple[Token, ContentSpan, float, float]]:
    """(cue token, best content candidate, cue probability, content probability) for each
    word the cue model accepts and whose best content clears the content threshold.
    ``quoted``: the text's quoted stretches as char offsets."""
    ranges = quoted_tokens(doc, quoted)
    mask = quoted_mask(doc, ranges)
    out = []
    for tok in doc:
        if not cue_candidate(tok):
            continue
        p_cue = model.cue.prob(cue_features(tok, tables, mask[tok.i]))
        if p_cue < model.cue.threshold:
            continue
        cands = content_candidates(tok, ranges)
        if not cands:
            continue
        scores = [model.content.score(content_features(tok, c, mask[tok.i])) for c in cands]
        top = max(scores)
        # The best candidate's share of the softmax over this cue's candidates.
        p_content = 1.0 / sum(math.exp(max(s - top, -30.0)) for s in scores)
        if p_content >= model.content.threshold:
            out.append((tok, cands[scores.index(top)], p_cue, p_content))
    return out
