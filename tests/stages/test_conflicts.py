from __future__ import annotations

from pathlib import Path

from presstrace import Resources, analyze_paths
from presstrace.records import Claim
from presstrace.stages.conflicts import contradicts, find_conflicts, same_source, summarize

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pages"


def _c(
    source: str | None,
    about: str,
    low: float,
    high: float | None,
    q: str | None = None,
    text: str = "the toll",
) -> Claim:
    return Claim(0, len(text), text, source, about, low, high, q)


def test_ranges_that_cannot_both_be_true() -> None:
    assert contradicts(_c("A", "killed", 0, 0), _c("B", "killed", 70, None, "more than"))
    assert not contradicts(_c("A", "killed", 10, 20), _c("B", "killed", 15, 15))
    # two floors far apart are two different counts
    assert contradicts(_c("A", "killed", 12, None), _c("B", "killed", 20, None))
    assert not contradicts(_c("A", "killed", 12, None), _c("B", "killed", 13, None))


def test_find_conflicts_groups_by_family_and_needs_two_sources(light_resources: Resources) -> None:
    pairs = [
        ("a1", _c("Defence Ministry", "killed", 70, None, "more than")),
        ("a1", _c("Rebel Front", "casualties", 0, 0)),
        ("a2", _c("Defence Ministry", "killed", 5, 5)),  # same source: a revision, not a conflict
        ("a2", _c("Rebel Front", "injured", 3, 3)),
        ("a2", _c("Rebel Front", "killed", 2, 2, "additional")),
        ("a3", _c(None, "killed", 400, 400)),
    ]
    found = find_conflicts(pairs, light_resources)
    assert len(found) == 1
    (conflict,) = found
    assert conflict.about == "deaths"
    assert set(conflict.sources) == {"Defence Ministry", "Rebel Front"}
    assert 0 in conflict.members and 1 in conflict.members
    assert conflict.estimate.low == 0 and conflict.estimate.high is None


def test_a_group_contradicts_a_total_only_by_exceeding_it(light_resources: Resources) -> None:
    first = [
        ("a", _c("Army", "killed", 70, None, "more than", "more than 70 armed rebels")),
        ("a", _c("Rebels", "casualties", 0, 0, None, "no casualties")),
    ]
    assert [c.members for c in find_conflicts(first, light_resources)] == [(0, 1)]
    second = [
        ("b", _c("Police", "killed", 39, 39, None, "39 people")),
        ("b", _c("Mayor", "killed", 3, 3, None, "three soldiers")),
        ("b", _c("Clinic", "killed", 5, 5, None, "five children")),
    ]
    assert find_conflicts(second, light_resources) == []
    second.append(("b", _c("Rebels", "killed", 45, 45, None, "45 soldiers")))
    assert [c.members for c in find_conflicts(second, light_resources)] == [(0, 3)]


def test_percentages_and_money_are_not_compared(light_resources: Resources) -> None:
    pairs = [
        ("a", _c("Poll A", "vote share", 38.4, 38.4, None, "38.4 per cent")),
        ("a", _c("Poll B", "vote share", 21.7, 21.7, None, "21.7 per cent")),
    ]
    assert find_conflicts(pairs, light_resources) == []


def test_summary_and_source_overlap() -> None:
    est = summarize(
        [_c("A", "killed", 12, None), _c("B", "killed", 20, None), _c("C", "killed", 15, 15)]
    )
    assert (est.low, est.best, est.conservative) == (12, 15, 12)
    assert same_source("Legion / Volunteer Corps", "volunteer corps")
    assert not same_source("Legion", "Volunteer Corps")


def test_example_page_official_toll_against_ngo_toll(resources: Resources) -> None:
    (art,) = analyze_paths([str(EXAMPLES / "atlantic-courier_ngo-toll-20.html")])
    deaths = [c for c in art.conflicts if c.about == "deaths"]
    assert deaths
    sources = set(deaths[0].sources)
    assert "Socorro Norte" in sources and len(sources) >= 2
    for i in deaths[0].claims:
        assert art.claims[i].about in ("killed", "casualties")
