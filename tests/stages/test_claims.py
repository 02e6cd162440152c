from __future__ import annotations

from pathlib import Path

import pytest

from presstrace import Resources, analyze_paths
from presstrace.records import Article, Claim, Quote, Span
from presstrace.stages.claims import claims
from presstrace.stages.entities import entities

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pages"


def _claims(resources: Resources, text: str, **fields: object) -> list[Claim]:
    doc = resources.nlp(text)
    art = entities(Article(text=text, **fields), doc, resources)  # type: ignore[arg-type]
    return list(claims(art, doc, resources).claims)


def test_reporting_verb_subject_is_the_source(resources: Resources) -> None:
    text = "The Chilean Interior Ministry reported the deaths of at least 14 miners on Friday."
    found = _claims(resources, text)
    assert len(found) == 1
    c = found[0]
    assert (c.about, c.value_low, c.value_high, c.qualifier) == ("killed", 14, None, "at least")
    assert c.source_name == "Chilean Interior Ministry"
    assert text[c.start : c.end] == c.text


def test_according_to_and_vague_counts(resources: Resources) -> None:
    text = "Dozens of homes were flooded, according to the Red Cross."
    (c,) = _claims(resources, text)
    assert c.about == "homes" and (c.value_low, c.value_high) == (24, 99)
    assert c.source_name == "Red Cross"


def test_denial_of_casualties_is_zero(resources: Resources) -> None:
    text = "The rebels claimed no casualties in the raid."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.value_high) == ("casualties", 0, 0)


def test_group_noun_resolves_to_named_organisation(resources: Resources) -> None:
    text = (
        "The Baltic Volunteer Brigade said it had entered the town. "
        "The volunteers claimed no casualties during the raid."
    )
    found = [c for c in _claims(resources, text) if c.about == "casualties"]
    assert found and found[0].source_name == "Baltic Volunteer Brigade"


def test_quote_speaker_wins_and_outlet_is_the_fallback(resources: Resources) -> None:
    text = "“We evacuated about 300 residents,” said the mayor. Two towns lost power."
    content = Span.of(text, 0, text.index("”") + 1)
    quote = Quote("direct", content, None, None, "Ana Ruiz")
    doc = resources.nlp(text)
    art = entities(
        Article(text=text, publisher="The Example Post", quotes=(quote,)), doc, resources
    )
    found = {c.about: c for c in claims(art, doc, resources).claims}
    assert found["evacuated"].source_name == "Ana Ruiz"
    assert found["evacuated"].qualifier == "about"
    assert found["towns"].source_name == "The Example Post"


def test_years_and_scores_make_no_claims(resources: Resources) -> None:
    text = "In 2014 the club won 3-1, and since 2016 it has played 24/7 charity matches."
    assert _claims(resources, text) == []


@pytest.mark.parametrize(
    ("page", "about", "low", "source"),
    [
        ("atlantic-courier_ngo-toll-20.html", "killed", 20, "Socorro Norte"),
        ("northern-ledger_valdora-dam-day1.html", "evacuated", 1800, "Marta Quiroga"),
        ("coastline-times_election-harbour-analysis.html", "jobs", 250, None),
    ],
)
def test_example_pages(
    resources: Resources, page: str, about: str, low: float, source: str | None
) -> None:
    (art,) = analyze_paths([str(EXAMPLES / page)])
    hits = [c for c in art.claims if c.about == about and c.value_low == low]
    assert hits, art.claims
    if source is not None:
        assert hits[0].source_name == source


def test_agents_ages_and_treatment(resources: Resources) -> None:
    text = (
        "Two explosions killed 14 people in the port. The ferry captain died aged 64. "
        "Another 9 were treated for injuries, and 3 others are still missing."
    )
    found = {(c.about, c.value_low) for c in _claims(resources, text)}
    assert ("killed", 14) in found
    assert ("killed", 2) not in found  # the explosions did the killing
    assert ("killed", 64) not in found  # an age
    assert ("injured", 9) in found
    assert ("missing", 3) in found


def test_infections_and_recoveries(resources: Resources) -> None:
    text = "The health office reported 420 new infections, and 37 recovered patients went home."
    found = {(c.about, c.value_low, c.source_name) for c in _claims(resources, text)}
    assert ("infected", 420, "health office") in found
    assert any(about == "recovered" and low == 37 for about, low, _ in found)


def _one_claim(
    resources: Resources, text: str
) -> tuple[str, float | None, float | None, str | None]:
    (c,) = _claims(resources, text)
    return c.about, c.value_low, c.value_high, c.source_name


def test_events_reached_through_objects_and_prepositions(resources: Resources) -> None:
    text = "Officials said at least a dozen people lost their lives in the blast."
    assert _one_claim(resources, text) == ("killed", 12, None, "Officials")
    text = "A police spokesman said 13 pupils with minor injuries were treated at the scene."
    assert _one_claim(resources, text)[:3] == ("injured", 13, 13)
    text = "The ministry said between 30 and 40 people under the rubble could still be alive."
    assert _one_claim(resources, text)[:3] == ("missing", 30, 40)


def test_counted_nouns_that_are_not_events(resources: Resources) -> None:
    assert _claims(resources, "The court issued 36 arrest warrants on Monday.") == []
    text = "Rescuers recovered at least ten survivors from the debris."
    assert _one_claim(resources, text)[:3] == ("rescued", 10, None)


def test_sources_passive_agent_and_anonymous_reports(resources: Resources) -> None:
    text = "He was told by Health Minister Anna Berg of 40 people killed in the fire."
    assert _one_claim(resources, text)[3] == "Anna Berg"
    text = "Reports said at least 116 people died in the quake."
    assert _one_claim(resources, text)[3] is None


def test_time_clauses_and_posted_objects_are_not_sources(resources: Resources) -> None:
    text = "He was released on Friday after his lawyers posted US$2 million bond."
    assert _one_claim(resources, text)[:2] == ("money", 2_000_000)
    assert _one_claim(resources, text)[3] is None


def test_a_rising_toll_gives_both_figures(resources: Resources) -> None:
    text = "More bodies were found, increasing the confirmed death toll from fourteen to 31."
    found = _claims(resources, text)
    assert [(c.about, c.value_low) for c in found] == [("killed", 14), ("killed", 31)]


def test_murders_and_proper_adjectives_before_the_people(resources: Resources) -> None:
    assert _one_claim(resources, "The man admitted nine murders in court.")[:3] == (
        "killed",
        9,
        9,
    )
    text = "The consulate said three Danish tourists died in the crash."
    assert _one_claim(resources, text) == ("killed", 3, 3, "consulate")


def test_sentence_attribution_beats_an_indirect_quote_speaker(resources: Resources) -> None:
    text = "Deputy Governor Lena Hart said 68 people were missing."
    content = Span.of(text, text.index("68"), len(text) - 1)
    wrong = Quote("indirect", content, None, None, "Someone Else")
    (c,) = _claims_with_quote(resources, text, wrong)
    assert c.source_name == "Lena Hart"
    direct = Quote("direct", content, None, None, "Someone Else")
    (d,) = _claims_with_quote(resources, text, direct)
    assert d.source_name == "Someone Else"


def test_indirect_quote_speaker_when_the_sentence_names_no_one(resources: Resources) -> None:
    text = "At least 12 people were killed."
    content = Span.of(text, 0, len(text) - 1)
    quote = Quote("indirect", content, None, None, "Ana Ruiz")
    (c,) = _claims_with_quote(resources, text, quote)
    assert c.source_name == "Ana Ruiz"


def _claims_with_quote(resources: Resources, text: str, quote: Quote) -> list[Claim]:
    doc = resources.nlp(text)
    art = entities(Article(text=text, quotes=(quote,)), doc, resources)
    return list(claims(art, doc, resources).claims)


def _found(resources: Resources, text: str) -> list[tuple[str, str | None, float | None]]:
    return [(c.text, c.about, c.value_low) for c in _claims(resources, text)]


def test_a_list_with_its_verb_last_shares_the_event(resources: Resources) -> None:
    text = "The officials reported 150 soldiers, 95 civilians, and hundreds of rebels killed."
    found = _claims(resources, text)
    assert [(c.about, c.value_low) for c in found] == [
        ("killed", 150),
        ("killed", 95),
        ("killed", 200),
    ]
    assert all(c.source_name == "officials" for c in found)


def test_elliptical_counts_take_the_verb_after_them(resources: Resources) -> None:
    text = "Two guards died in the attack; around twenty more, including the cook, were injured."
    assert _found(resources, text) == [
        ("Two guards", "killed", 2),
        ("around twenty more", "injured", 20),
    ]
    text = "Officials said the fire killed nine people and injured at least 50 more."
    assert _found(resources, text)[1] == ("at least 50 more", "injured", 50)


def test_a_listed_group_takes_the_event_of_its_neighbour(resources: Resources) -> None:
    found = _found(resources, "The fatalities included four males and one female.")
    assert found == [("four males", "killed", 4), ("one female", "killed", 1)]


def test_list_scan_stops_at_other_figures_and_clauses(resources: Resources) -> None:
    text = "Between the two blasts, at least 20 were killed."
    assert _found(resources, text) == [("at least 20", "killed", 20)]
    text = "The author, who has published over 300 papers in many fields, died on Monday."
    assert _found(resources, text) == []
    assert _found(resources, "He was 101 and died of pneumonia.") == []
    text = "He claimed 85,000 Americans were unemployed and millions had died."
    assert all(about != "killed" or value != 85_000 for _, about, value in _found(resources, text))
    assert _found(resources, "The recorder from Air Flight 610 has been recovered.") == []


def test_feet_metres_and_votes(resources: Resources) -> None:
    text = "The two wrecks lay around 50 m (165 ft) apart."
    assert _found(resources, text) == [("around 50 m", "distance", 50), ("165 ft", "distance", 165)]
    assert _found(resources, "The guard, standing six feet tall, fell.") == []
    assert _found(resources, "It reached a top speed of about 8 m/s on the track.") == []
    text = "Of the 2.8 million who voted, 85% were in favour."
    assert _found(resources, text) == [
        ("2.8 million", "votes", 2_800_000),
        ("85%", "vote share", 85),
    ]


def test_a_compound_subject_of_a_reporting_verb_is_the_source(resources: Resources) -> None:
    text = "The Committee to Protect Journalists reports sixteen other journalist deaths."
    (c,) = _claims(resources, text)
    assert c.about == "killed" and c.source_name == "Committee to Protect Journalists"


def test_as_were_takes_the_event_before_and_units_after_a_no_break_space(
    resources: Resources,
) -> None:
    text = "The general said 90 civilians were wounded, as were seventeen from the army."
    assert [(c.about, c.value_low) for c in _claims(resources, text)] == [
        ("injured", 90),
        ("injured", 17),
    ]
    text = "The wrecks were around 50\u00a0m (165\u00a0ft) apart."
    assert [(c.about, c.unit) for c in _claims(resources, text)] == [
        ("distance", "m"),
        ("distance", "ft"),
    ]


def test_ages_in_apposition_are_not_counts(resources: Resources) -> None:
    assert _found(resources, "Two men, 24 and 31, were arrested.") == [("Two men", "arrested", 2)]
    assert _found(resources, "Two soldiers, both 19, were killed.") == [
        ("Two soldiers", "killed", 2)
    ]
    assert _found(resources, "Officials reported 30 dead, 45 injured.") == [
        ("30 dead", "killed", 30),
        ("45", "injured", 45),
    ]
    text = "Of the dead, 12, officials said, were soldiers."
    assert [c.value_low for c in _claims(resources, text)] == [12]


def test_a_tally_is_two_vote_counts_but_a_score_is_nothing(resources: Resources) -> None:
    text = "The bill passed by a vote of 230 to 202 on Tuesday."
    assert _found(resources, text) == [("230", "votes", 230), ("202", "votes", 202)]
    assert _found(resources, "The team won 3-1 on Sunday, killing the rival's hopes.") == []


def test_participles_and_complements_between_number_and_event(resources: Resources) -> None:
    text = (
        "The mayor said on Friday that nine people had been confirmed killed. "
        "Health officials reported 14 confirmed cases at the school. "
        "So far 31 flu related deaths have been recorded in the county."
    )
    got = {(c.about, c.value_low) for c in _claims(resources, text)}
    assert got == {("killed", 9), ("infected", 14), ("killed", 31)}


def test_a_count_after_a_colon_and_a_fraction(resources: Resources) -> None:
    text = (
        'The ministry wrote: "Update: 2,415 cases have been reported so far." '
        "Three quarters of the patients, more than 300 people, have recovered."
    )
    got = {(c.about, c.value_low, c.value_high) for c in _claims(resources, text)}
    assert ("infected", 2415, 2415) in got
    assert ("recovered", 300, None) in got
    assert all(c.value_low != 3 for c in _claims(resources, text))


def test_of_a_possessive_noun_and_wounding(resources: Resources) -> None:
    text = "The fever has infected over 900 of the valley town's residents since May."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.value_high) == ("infected", 900, None)
    text = "Each volunteer could carry 40 of other voters' ballots to the office."
    assert _claims(resources, text) == []
    text = "The gang caused the deaths of dozens of soldiers and the wounding of hundreds more."
    got = [(c.about, c.value_low) for c in _claims(resources, text)]
    assert got == [("killed", 24), ("injured", 200)]


def test_inches_turnout_as_subject_and_share_of_the_vote(resources: Resources) -> None:
    text = "Forecasters expect up to 12 inches of snow in the hills."
    (c,) = _claims(resources, text)
    assert (c.about, c.unit, c.value_low, c.value_high) == ("distance", "in", 0, 12)
    text = "Turnout in the city was down on the last poll, at roughly 58.5%."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low) == ("turnout", 58.5)
    text = "The mayor kept her seat with 61% of the first-preference vote."
    (c,) = _claims(resources, text)
    assert c.about == "vote share"


def test_shares_in_one_list_ballots_one_is_on_and_tens_of_thousands(resources: Resources) -> None:
    text = "In the referendum 61% of voters backed the plan and 39% opposed it."
    assert [c.about for c in _claims(resources, text)] == ["vote share", "vote share"]
    text = "The party won 40% of the vote. Inflation stood at 3% in May."
    assert [c.about for c in _claims(resources, text)] == ["vote share", "percent"]
    text = "The party's nominee appeared on at least six state ballots in 1996."
    assert _claims(resources, text) == []
    text = "The flu has killed over 300 people and infected tens of thousands."
    got = [(c.about, c.value_low, c.value_high) for c in _claims(resources, text)]
    assert got == [("killed", 300, None), ("infected", 20000, 99999)]


def test_a_part_of_the_count_the_subject_holds(resources: Resources) -> None:
    text = "Police said the 40 people arrested included 12 students."
    got = [(c.about, c.value_low) for c in _claims(resources, text)]
    assert got == [("arrested", 40), ("arrested", 12)]
    assert _claims(resources, "The 300 delegates included 40 students.") == []


def test_votes_a_bill_passed_on_are_votes(resources: Resources) -> None:
    (c,) = _claims(resources, "The motion passed on 212 votes after a long debate.")
    assert (c.about, c.value_low) == ("votes", 212)


def test_a_measure_before_long_or_tall_keeps_its_unit(resources: Resources) -> None:
    (c,) = _claims(resources, "Divers found a 40 ft long wreck off the coast.")
    assert (c.about, c.unit, c.value_low) == ("distance", "ft", 40)


def test_rates_imagined_figures_and_unit_prices_are_not_claims(resources: Resources) -> None:
    text = "There were nine premature deaths per 100,000 residents in the county."
    assert _claims(resources, text) == []
    text = "The mayor said even ten percent of fans arriving would overwhelm the town."
    assert _claims(resources, text) == []
    text = "The gang stole ₿40 in fees; one bitcoin is worth about US$9000 or €8000."
    found = _claims(resources, text)
    assert [(c.about, c.value_low, c.unit) for c in found] == [("money", 40, "BTC")]


def test_a_figure_placing_others_is_not_their_count(resources: Resources) -> None:
    text = "Police said 120 suspects in 14 countries were arrested."
    found = _claims(resources, text)
    assert [(c.about, c.value_low) for c in found] == [("arrested", 120)]


def test_inverted_reporting_verb_names_the_source(resources: Resources) -> None:
    text = (
        "Fire swept the depot in Leeds, with the death toll rising to 12 people on Sunday, "
        "reported officials, with 30 others injured."
    )
    found = _claims(resources, text)
    assert [(c.about, c.value_low, c.source_name) for c in found] == [
        ("killed", 12, "officials"),
        ("injured", 30, "officials"),
    ]


def test_number_word_range_of_a_measure(resources: Resources) -> None:
    text = "Forecasters predicted waves of three to five metres along the coast."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.value_high, c.unit) == ("distance", 3, 5, "m")
    assert c.source_name is not None and "Forecasters" in c.source_name


def test_a_count_of_deadly_events_is_no_casualty_claim(resources: Resources) -> None:
    text = "Police counted four shootings killing nine people in the city."
    found = _claims(resources, text)
    assert [(c.about, c.value_low) for c in found] == [("killed", 9)]


def test_one_of_them_is_a_count_but_one_of_the_is_not(resources: Resources) -> None:
    text = "Gunmen attacked the bus, and one of them died in the crossfire, police said."
    found = _claims(resources, text)
    assert [(c.about, c.value_low, c.value_high) for c in found] == [("killed", 1, 1)]
    text = "It was one of the deadliest fires in the city's history."
    assert _claims(resources, text) == []


def test_magnitudes_weights_and_definitional_thresholds_are_not_claims(
    resources: Resources,
) -> None:
    text = (
        "A magnitude 5.8 earthquake shook the valley. The 6.1-magnitude tremor killed two people."
    )
    assert [(c.about, c.value_low) for c in _claims(resources, text)] == [("killed", 2)]
    text = "The rescued dog weighed 40 pounds (18 kg) when it was found."
    assert _claims(resources, text) == []
    text = "The survey counts incidents where four or more people are injured as major."
    assert _claims(resources, text) == []


def test_a_scale_word_after_a_word_range_counts_for_both_ends(resources: Resources) -> None:
    text = "The museum's director put the painting's value at three to four million US dollars."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.value_high, c.unit) == ("money", 3e6, 4e6, "USD")


def test_a_count_broken_down_by_place_keeps_its_event(resources: Resources) -> None:
    text = "The agency counted 12 injured people in Northfield, 9 in Easton and four in Weston."
    found = _claims(resources, text)
    assert [(c.about, c.value_low) for c in found] == [
        ("injured", 12),
        ("injured", 9),
        ("injured", 4),
    ]


def test_relocated_residents_are_displaced(resources: Resources) -> None:
    text = "Over 3,000 residents near the volcano have been relocated to other towns."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.value_high) == ("displaced", 3000, None)


def test_a_report_of_a_named_agency_is_the_source(resources: Resources) -> None:
    text = "In a situational report of the Red Cross, the storm damaged 30 houses in the town."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.source_name) == ("homes", 30, "Red Cross")
    text = "In a statement, the Red Cross said 14 people died."
    (c,) = _claims(resources, text)
    assert c.source_name == "Red Cross"


def test_a_named_body_revising_a_toll_is_the_source(resources: Resources) -> None:
    text = "The Civil Defence Agency of Peru raised the death toll to nine on Sunday."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.source_name) == ("killed", 9, "Civil Defence Agency")
    text = "Aftershocks have increased the death toll to nine."
    (c,) = _claims(resources, text)
    assert c.source_name is None


def test_an_outlet_relaying_what_someone_said_names_that_speaker(resources: Resources) -> None:
    text = "The clinic treated 25 injured people on Monday, the Daily Star reported the mayor said."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.source_name) == ("injured", 25, "mayor")


def test_a_recorded_tally_is_votes_with_no_source(resources: Resources) -> None:
    text = "The city council voted 9 to 4 to close the depot."
    start = text.index("9 to")
    cue = Span.of(text, text.index("voted"), start - 1)
    quote = Quote("indirect", Span.of(text, start, len(text) - 1), cue, None, "city council")
    found = _claims_with_quote(resources, text, quote)
    assert [(c.about, c.value_low, c.source_name) for c in found] == [
        ("votes", 9, None),
        ("votes", 4, None),
    ]
    text = "The bill was debated for a day. The vote passed along party lines, 212-to-190."
    assert [(c.about, c.value_low) for c in _claims(resources, text)] == [
        ("votes", 212),
        ("votes", 190),
    ]


def test_a_referendum_result_is_a_vote_share(resources: Resources) -> None:
    text = "The island held a referendum on the new flag in May, and 58% came out against."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low) == ("vote share", 58)


def test_a_bar_set_by_a_rule_is_no_claim(resources: Resources) -> None:
    text = "Parties must receive at least 5% of the vote to win seats in the assembly."
    assert _claims(resources, text) == []


def test_instances_populations_and_counts_of_rescues_are_no_claims(resources: Resources) -> None:
    text = "The lizards bite when cornered or, in a few rare cases, spit at their prey."
    assert _claims(resources, text) == []
    text = "Infections are rising among the region's 2.1 million people, doctors said."
    assert _claims(resources, text) == []
    text = "The charity says its crew saved 900 lives during 25 rescues since 2018."
    assert [(c.about, c.value_low) for c in _claims(resources, text)] == [("rescued", 900)]


def test_money_in_iso_codes_and_distances_in_light_years(resources: Resources) -> None:
    text = "The winners share an award of NOK4 million (about EUR350 thousand)."
    found = [(c.about, c.value_low, c.unit) for c in _claims(resources, text)]
    assert found == [("money", 4e6, "NOK"), ("money", 350e3, "EUR")]
    text = "The telescope found a planet some 40 light years away from the Sun."
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.unit) == ("distance", 40, "ly")


def test_a_reporting_verb_past_a_semicolon_speaks_for_its_own_clause(
    resources: Resources,
) -> None:
    text = (
        "The boy was among nine migrants who died in a storm at sea; they had, his uncle says, "
        "paid smugglers to take them across."
    )
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.source_name) == ("killed", 9, None)


def test_a_figure_a_count_may_exceed_is_a_floor_and_its_writers_are_the_source(
    resources: Resources,
) -> None:
    text = (
        "On Monday, scientists at Westbrook University posted findings estimating the number "
        "of people infected with the new virus may well exceed 1500."
    )
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low, c.value_high, c.qualifier) == (
        "infected",
        1500,
        None,
        "more than",
    )
    assert c.source_name is not None and "Westbrook University" in c.source_name


def test_a_study_making_an_estimate_is_its_source(resources: Resources) -> None:
    text = (
        "The study uses flight data and known cases abroad to reach the estimate, a total of "
        "3,400 cases in the city by March."
    )
    (c,) = _claims(resources, text)
    assert (c.about, c.value_low) == ("infected", 3400)
    assert c.source_name is not None and "study" in c.source_name.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # members of a voting body counted as the subject of a vote verb: votes, no speaker
        (
            "The motion passed with 58 Conservatives supporting it, and 41 Liberals opposing "
            "it; three Liberals abstained, and one independent voted against.",
            [
                (v, n, n, None)
                for v, n in [("votes", 58), ("votes", 41), ("votes", 3), ("votes", 1)]
            ],
        ),
        ("The bill cleared the chamber after 52 senators voted for it.", [("votes", 52, 52, None)]),
        # a tally on a measure passed is votes; a poll's support is a percent
        (
            "The measure passed 228 to 193 on Thursday.",
            [("votes", 228, 228, None), ("votes", 193, 193, None)],
        ),
        ("The team beat the visitors 3-1 and passed the ball well.", []),
        (
            "A new poll shows Ortiz with 21% support among likely voters.",
            [("percent", 21, 21, None)],
        ),
        # a candidate's result in an election is a vote share; percentage points are percent
        ("The senator won re-election with 58 percent.", [("vote share", 58, 58, None)]),
        ("The firm won a contract worth 5% of the market.", [("percent", 5, 5, None)]),
        ("Moreno leads by a margin of 4 percentage points.", [("percent", 4, 4, None)]),
        # a range after "<year> to": the year is no end of it
        (
            "The bank cut its growth forecast for 2021 to 2 – 3%, the governor said.",
            [("percent", 2, 3, "governor")],
        ),
        # currencies written with a country prefix, and amounts in cents
        ("The bake sale raised nearly CDN$4,500 for the shelter.", [("money", 0, 4500, None)]),
        ("Each test kit cost 60 cents, the clinic said.", [("money", 0.6, 0.6, "clinic")]),
        # a wage per hour is a rate; a goal is a target, not an amount raised
        ("He promised to raise the minimum wage to US$14 an hour.", []),
        ("The appeal passed its goal of $2,000 within a day.", []),
        # "the death count" as the object of a reporting verb; "in the hundreds" is vague
        (
            "The news agency Reuters has placed the death count in the hundreds.",
            [("killed", 200, 999, "Reuters")],
        ),
        # "up from N": the bare figure is the measure it is compared with
        (
            "The colony covered 4.2 hectares (10.4 acres) this winter, up from 3.1 last year.",
            [("area", 4.2, 4.2, None), ("area", 10.4, 10.4, None), ("area", 3.1, 3.1, None)],
        ),
        # a misread reporting verb whose subject is a thing: the named body is the source
        (
            "The Wildlife Trust announced on Monday the bat population counted in caves in "
            "Spain was 30% higher than last year.",
            [("percent", 30, 30, "Wildlife Trust")],
        ),
    ],
)
def test_votes_by_party_currencies_rates_and_comparisons(
    resources: Resources,
    text: str,
    expected: list[tuple[str, float, float | None, str | None]],
) -> None:
    found = [(c.about, c.value_low, c.value_high, c.source_name) for c in _claims(resources, text)]
    assert len(found) == len(expected), found
    for (about, low, high, source), want in zip(found, expected, strict=True):
        assert (about, low, high) == want[:3]
        assert (source is None) == (want[3] is None), source
        assert want[3] is None or want[3] in (source or "")


@pytest.mark.parametrize(
    "text",
    [
        # "one" standing for a person
        "They said the storm was a punishment for the one who cut the trees.",
        # a study's sample of volunteers is not a count of cases
        "Researchers took swabs from twelve infected volunteers in the trial.",
        # a house of a legislature is no home
        "Women once held a majority in one house of the state legislature.",
        # a figure named as a goal
        "Getting to 40 percent in any one county would be significant, she said.",
        # the bounds of an income or age bracket
        "The gap was widest between incomes below $20,000 versus above $150,000.",
    ],
)
def test_figures_that_are_no_claims(resources: Resources, text: str) -> None:
    assert _claims(resources, text) == []


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Two volunteers were killed when the roof of the school collapsed.", "killed"),
        ("The flood destroyed one house in the village.", "homes"),
        ("Families with incomes under $30,000 lost over $2 million in the fire.", "money"),
    ],
)
def test_nearby_claims_are_kept(resources: Resources, text: str, about: str) -> None:
    assert about in {c.about for c in _claims(resources, text)}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Forecasters warned of up to 20 inches (51 cm) of rain.", 0, 51),
        ("Waves of at least 30 feet (9 m) were seen offshore.", 9, None),
        ("The boat sank 12 miles (19 km) off the coast.", 19, 19),
    ],
)
def test_a_bracketed_conversion_keeps_the_qualifier(
    resources: Resources, text: str, low: float, high: float | None
) -> None:
    converted = [c for c in _claims(resources, text) if "(" in text[: c.start]]
    assert [(c.value_low, c.value_high) for c in converted] == [(low, high)]


def test_a_named_body_s_document_is_the_source(resources: Resources) -> None:
    text = (
        "The National Weather Service's 11 a.m. update on Tuesday had the storm 80 miles "
        "east of Miami."
    )
    (c,) = _claims(resources, text)
    assert (c.about, c.source_name) == ("distance", "National Weather Service")
