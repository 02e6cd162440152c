"""Speakers of the learned model's cues where the parse gives the cue no subject."""

from __future__ import annotations

from presstrace import Resources
from presstrace.stages.attribution import Context
from presstrace.stages.learned_reports import _described_noun, learned_speaker
from presstrace.stages.speakers import cue_tables


def _ctx(text: str, resources: Resources) -> Context:
    return Context(text, resources.nlp(text), cue_tables(resources))


def _span(ctx: Context, cue: str) -> str | None:
    tok = next(t for t in ctx.doc if t.lower_ == cue)
    found = _described_noun(tok, ctx)
    return None if found is None else ctx.text[found.start : found.end]


def test_the_noun_a_participle_cue_describes_speaks(resources: Resources) -> None:
    ctx = _ctx("A petition calling on the council to reopen the library has grown.", resources)
    assert _span(ctx, "calling") == "A petition"


def test_an_occasion_is_no_speaker(resources: Resources) -> None:
    ctx = _ctx(
        "At a news conference announcing the closure, the mayor thanked the staff.", resources
    )
    assert _span(ctx, "announcing") is None


def test_a_subject_keeps_priority(resources: Resources) -> None:
    ctx = _ctx("The mayor said the bridge would reopen in May.", resources)
    said = next(t for t in ctx.doc if t.lower_ == "said")
    found = learned_speaker(said, ctx)
    assert found is not None and ctx.text[found.start : found.end] == "The mayor"


def test_a_belief_is_not_the_described_noun_s_speech(resources: Resources) -> None:
    ctx = _ctx("He met delegates knowing that the vote was lost.", resources)
    knowing = next(t for t in ctx.doc if t.lower_ == "knowing")
    assert knowing.dep_ == "acl"  # the parse this rule is about
    assert _span(ctx, "knowing") is None
