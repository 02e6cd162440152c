from __future__ import annotations

import pytest

from presstrace import Resources
from presstrace.stages.numbers import find_quantities, find_tallies, parse_number, patterns


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,200", 1200.0),
        ("1.200", 1200.0),
        ("1 200", 1200.0),
        ("1\u202f200", 1200.0),
        ("twelve hundred", 1200.0),
        ("1.2m", 1_200_000.0),
        ("1.2 million", 1_200_000.0),
        ("€3bn".lstrip("€"), 3e9),
        ("70+", 70.0),
        ("seventy-two", 72.0),
        ("11.5", 11.5),
    ],
)
def test_parse_number(light_resources: Resources, raw: str, value: float) -> None:
    assert parse_number(raw, patterns(light_resources).words) == value


def _one(resources: Resources, text: str) -> tuple[str, float | None, float | None, str | None]:
    found = find_quantities(text, resources)
    assert len(found) == 1, found
    q = found[0]
    return text[q.start : q.end], q.low, q.high, q.qualifier


def test_qualifiers_ranges_and_vague(light_resources: Resources) -> None:
    r = light_resources
    assert _one(r, "Police said more than 40 people were held.") == (
        "more than 40",
        40,
        None,
        "more than",
    )
    assert _one(r, "Up to 15 boats sank.") == ("Up to 15", 0, 15, "up to")
    assert _one(r, "It cost between 300 and 450 dollars.")[1:3] == (300, 450)
    assert _one(r, "Dozens of shops shut.")[1:3] == (24, 99)
    assert _one(r, "There were no injuries.")[1:3] == (0, 0)


def test_money_and_percent_units(light_resources: Resources) -> None:
    found = find_quantities("Sales fell 4.5% to €12 million.", light_resources)
    assert [(q.low, q.unit) for q in found] == [(4.5, "%"), (12_000_000, "EUR")]


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opened in 1998 to traffic.",
        "Call 0161 496 0000 for help.",
        "The final score was 3-1 after extra time.",
        "The shop is open 24/7 all year.",
        "The train left at 4.40am sharp.",
        "A 67-year-old man was there.",
        "She is ranked number 27 in the world.",
        "The victims were aged nine, ten, 49, and 59.",
        "Bishop Anton Weller of Tarlow, 79, died on Sunday.",
    ],
)
def test_things_that_are_not_counts(light_resources: Resources, text: str) -> None:
    assert find_quantities(text, light_resources) == []


@pytest.mark.parametrize(
    "text",
    [
        "1,200 / 1.200 / 1 200 / twelve hundred / 1.2m / 70+",
        "Scores 3-1, 2-2 and 10-0; dates 2014, 24/7, 12/03/2026; phone +44 20 7946 0958.",
        "99999999999999999999999999 people, 1e309 people, ∞ people, ١٢ people, ½ people",
        "between 5 and and 7, from to, more than than, at least",
        "€, $, %, per cent, dozens of, tens of thousands of",
    ],
)
def test_odd_forms_never_crash_and_spans_hold(light_resources: Resources, text: str) -> None:
    for q in find_quantities(text, light_resources):
        assert 0 <= q.start < q.end <= len(text)
        assert q.low is None or q.high is None or q.low <= q.high


def test_change_from_one_figure_to_another_is_two_figures(light_resources: Resources) -> None:
    text = "The toll rose from fourteen to 31 overnight."
    found = find_quantities(text, light_resources)
    assert [(text[q.start : q.end], q.low, q.high) for q in found] == [
        ("fourteen", 14, 14),
        ("31", 31, 31),
    ]
    # without a change word it stays one range
    assert _one(light_resources, "From 10 to 15 boats sank.")[1:3] == (10, 15)


def test_bounds_on_vague_and_verbal_floors(light_resources: Resources) -> None:
    r = light_resources
    assert _one(r, "At least a dozen people died.") == ("At least a dozen", 12, None, "at least")
    assert _one(r, "Cases surpassed 100,000 on Monday.")[1:3] == (100_000, None)
    assert _one(r, "They lived within two miles of the plant.")[1:3] == (0, 2)
    text = "It still counts two aged fourteen among them."
    assert _one(r, text)[:3] == ("two", 2, 2)


def test_currency_word_after_a_nationality(light_resources: Resources) -> None:
    (q,) = find_quantities("Bail was set at 100,000 Georgian lari on Monday.", light_resources)
    assert (q.low, q.unit) == (100_000, "GEL")


def test_a_count_between_commas_after_a_lower_case_word_stays(light_resources: Resources) -> None:
    found = find_quantities("Of the dead, 12, officials said, were soldiers.", light_resources)
    assert [q.low for q in found] == [12.0]


def test_from_under_is_a_place_not_a_ceiling(light_resources: Resources) -> None:
    text = "It was pulled from under eight metres of mud; under 20 people saw it."
    found = find_quantities(text, light_resources)
    assert [(text[q.start : q.end], q.low, q.high) for q in found] == [
        ("eight", 8.0, 8.0),
        ("under 20", 0.0, 20.0),
    ]


def test_a_larger_figure_first_is_a_tally(light_resources: Resources) -> None:
    text = "It passed 51-49; the range was 3-7."
    assert [(q.low, q.kind) for q in find_tallies(text, light_resources)] == [
        (51.0, "tally"),
        (49.0, "tally"),
    ]
    assert [(q.low, q.high) for q in find_quantities(text, light_resources)] == [(3.0, 7.0)]


def test_percent_ranges_fractions_and_a_figure_after_a_colon(light_resources: Resources) -> None:
    def got(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
        qs = find_quantities(text, light_resources)
        return [(text[q.start : q.end], q.low, q.high, q.unit) for q in qs]

    assert got("Estimates ranged from 35% to 50% of the crop.") == [
        ("from 35% to 50%", 35, 50, "%")
    ]
    assert got("Between 12% and 20% said yes; 3%-4% said no.") == [
        ("Between 12% and 20%", 12, 20, "%"),
        ("3%-4%", 3, 4, "%"),
    ]
    assert got("Approval rose from 41% to 44% last month.") == [
        ("41%", 41, 41, "%"),
        ("44%", 44, 44, "%"),
    ]
    assert got("Two thirds of the staff left.") == []
    assert got("The notice read: 1,250 homes lost power at 4:30.") == [("1,250", 1250, 1250, None)]


def test_a_change_between_two_percents_is_two_figures(light_resources: Resources) -> None:
    text = "Support for the plan went from 31% to 38% in a year."
    got = [(text[q.start : q.end], q.low) for q in find_quantities(text, light_resources)]
    assert got == [("31%", 31), ("38%", 38)]


def test_number_word_ranges(light_resources: Resources) -> None:
    text = "a swell of three to six feet (one to two metres), about five or six feet"
    found = [
        (text[q.start : q.end], q.low, q.high, q.kind)
        for q in find_quantities(text, light_resources)
    ]
    assert found == [
        ("three to six", 3, 6, "range"),
        ("one to two", 1, 2, "range"),
        ("about five or six", 5, 6, "range"),
    ]


def test_hyphenated_measure_is_a_number_but_an_age_is_not(light_resources: Resources) -> None:
    text = "a five-foot pole held by a five-year-old"
    found = [text[q.start : q.end] for q in find_quantities(text, light_resources)]
    assert found == ["five"]


def test_currency_after_vague_amounts_and_abbreviated_names(light_resources: Resources) -> None:
    text = "fines of nearly half a million US dollars and a two million US dollar bond"
    found = [(q.low, q.high, q.unit) for q in find_quantities(text, light_resources)]
    assert found == [(0, 500_000, "USD"), (2_000_000, 2_000_000, "USD")]


def test_a_scale_word_ends_a_word_range(light_resources: Resources) -> None:
    assert _one(light_resources, "It cost two to three million dollars.")[:3] == (
        "two to three million dollars",
        2e6,
        3e6,
    )
    assert _one(light_resources, "Two or three hundred came.")[1:3] == (200, 300)


def test_iso_currency_codes_before_the_figure_and_hyphenated_tallies(
    light_resources: Resources,
) -> None:
    text = "an award of NOK4 million (approximately GBP310 thousand)"
    found = [(text[q.start : q.end], q.low, q.unit) for q in find_quantities(text, light_resources)]
    assert found == [("NOK4 million", 4e6, "NOK"), ("approximately GBP310 thousand", 310e3, "GBP")]
    text = "The motion passed 230-to-198."
    assert [(q.low, q.kind) for q in find_tallies(text, light_resources)] == [
        (230, "tally"),
        (198, "tally"),
    ]
    assert find_quantities(text, light_resources) == []
    text = "Flight ABC123 landed."
    assert find_quantities(text, light_resources) == []


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("The fair raised nearly CDN$8,200 for the shelter.", "nearly CDN$8,200", 0, 8200, "CAD"),
        ("Tickets were A$35 each.", "A$35", 35, 35, "AUD"),
        ("A kit costs 75 cents to make.", "75 cents", 0.75, 0.75, "USD"),
        ("The stamp cost 40 pence.", "40 pence", 0.4, 0.4, "GBP"),
        ("The lake shrank to .0605 square km.", ".0605", 0.0605, 0.0605, None),
        ("They cut the forecast for 2019 to 0 – 1%.", "0 – 1%", 0, 1, "%"),
    ],
)
def test_prefixed_currencies_cents_bare_decimals_and_a_range_after_a_year(
    light_resources: Resources, text: str, span: str, low: float, high: float, unit: str | None
) -> None:
    (q,) = find_quantities(text, light_resources)
    assert (text[q.start : q.end], q.low, q.high, q.unit) == (span, low, high, unit)
