"""The PolNeAR scorer on hand-made rows: which gold counts as a direct quote."""

from __future__ import annotations

from typing import Any

from evals.eval_polnear import score


def _row(text: str, contents: list[str], speaker: str) -> dict[str, Any]:
    atts = []
    for c in contents:
        a = text.index(c)
        s = text.index(speaker)
        atts.append(
            {
                "content": [{"start": a, "end": a + len(c)}],
                "source": [{"start": s, "end": s + len(speaker)}],
            }
        )
    return {"article": "a", "text": text, "attributions": atts}


def _quote(text: str, content: str, speaker: str) -> dict[str, Any]:
    a, s = text.index(content), text.index(speaker)
    return {
        "kind": "direct",
        "content": {"start": a, "end": a + len(content), "text": content},
        "cue": None,
        "speaker": {"start": s, "end": s + len(speaker), "text": speaker},
    }


TEXT = "Mayor Lee: ‘We Will Rebuild.’ Lee said “the bridge opens in May.” It’s late."


def test_single_marks_count_only_in_the_any_mark_subset() -> None:
    row = _row(TEXT, ["‘We Will Rebuild.’", "“the bridge opens in May.”"], "Lee")
    preds = [
        _quote(TEXT, "‘We Will Rebuild.’", "Lee"),
        _quote(TEXT, "“the bridge opens in May.”", "Lee"),
    ]
    out = score([row], [{"quotes": preds}])
    # Double marks only: one gold, two direct predictions; any mark: both gold found.
    assert out["direct_e2e_f1"] < 1.0
    assert out["direct_e2e_f1_any_mark"] == 1.0


def test_an_apostrophe_alone_is_not_a_quotation_mark() -> None:
    row = _row(TEXT, ["It’s late"], "Lee")
    out = score([row], [{"quotes": [_quote(TEXT, "It’s late", "Lee")]}])
    assert out["direct_e2e_f1_any_mark"] == out["direct_e2e_f1"] == 0.0
