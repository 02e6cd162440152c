"""Which of two copies is the original: the evidence a reader would check, in order.

A credit line in one text naming the other's outlet ("Source: Coastal Wire", "© CPA")
settles it; then the earlier publication date; then which text carries a credit line at
all (the one that credits someone is the copy); then the fuller text, since copies trim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..resources import Resources
from . import features

if TYPE_CHECKING:
    from .copies import Prepared


def credit_lines(p: Prepared, res: Resources) -> list[str]:
    """Folded lines of a text (and its credited source) that credit another outlet."""
    markers = res.memo.get("copies.credit_markers")
    if markers is None:
        markers = tuple(res.data_lines("credit_markers.txt"))
        res.memo["copies.credit_markers"] = markers
    out = []
    if p.side.credited_source:
        out.append(features.fold(p.side.credited_source))
    text = p.side.text
    for line in (text[:400] + "\n" + text[-600:]).splitlines():
        folded = features.fold(line.strip())
        if folded and any(m in folded for m in markers):
            out.append(folded)
    return out


def _names(p: Prepared) -> list[str]:
    return [features.fold(n) for n in p.side.outlet if n and len(n) > 2]


def likely_original(pa: Prepared, pb: Prepared, res: Resources) -> Literal["a", "b"] | None:
    """A credit line naming the other outlet, then the earlier date, then the fuller text."""
    credits_a, credits_b = credit_lines(pa, res), credit_lines(pb, res)
    names_a, names_b = _names(pa), _names(pb)
    b_names_a = any(n in line for n in names_a for line in credits_b)
    a_names_b = any(n in line for n in names_b for line in credits_a)
    if b_names_a != a_names_b:
        return "a" if b_names_a else "b"
    da, db = (pa.side.published or "")[:10], (pb.side.published or "")[:10]
    if da and db and da != db:
        return "a" if da < db else "b"
    if bool(credits_a) != bool(credits_b):
        return "b" if credits_a else "a"
    if pa.words >= 1.1 * pb.words:
        return "a"
    if pb.words >= 1.1 * pa.words:
        return "b"
    return None
