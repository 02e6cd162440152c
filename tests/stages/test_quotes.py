"""The quotes stage on hand-written sentences: every quote form, speakers, scare quotes."""

from __future__ import annotations

import pytest

from presstrace import Pipeline, Resources
from presstrace.records import Article, Quote
from presstrace.stages.attribution import Candidate, Context
from presstrace.stages.quote_marks import find_quoted, top_level
from presstrace.stages.quotes import _absorb_quoted, _complement
from presstrace.stages.speakers import cue_tables


def run(text: str, resources: Resources) -> Article:
    pipe = Pipeline(["entities", "quotes"], resources=resources, strict=True)
    return pipe.analyze_articles([Article(text=text, language="en")])[0]


def quotes_of(text: str, resources: Resources) -> list[Quote]:
    article = run(text, resources)
    for q in article.quotes:
        for span in (q.content, q.cue, q.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return list(article.quotes)


def find(quotes: list[Quote], starts: str) -> Quote:
    hits = [q for q in quotes if q.content.text.startswith(starts)]
    assert hits, f"no quote starting {starts!r} in {[q.content.text for q in quotes]}"
    return hits[0]


# -- pairing marks, no model needed ---------------------------------------------------


@pytest.mark.parametrize(
    "text, inner",
    [
        ("She said “the bridge is closed” today.", "the bridge is closed"),
        ('She said "the bridge is closed" today.', "the bridge is closed"),
        ("Elle a dit «le pont est fermé» hier.", "le pont est fermé"),
        ("Er sagte „die Brücke ist zu“ gestern.", "die Brücke ist zu"),
        ("She said ‘the bridge is closed’ today.", "the bridge is closed"),
    ],
)
def test_every_common_mark_pairs(text: str, inner: str) -> None:
    quoted, unpaired = find_quoted(text)
    assert unpaired == 0
    assert [text[q.inner_start : q.inner_end] for q in top_level(quoted)] == [inner]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "“They called it ‘a mistake’ and left,” she said."
    quoted, _ = find_quoted(text)
    assert [(q.depth, text[q.inner_start : q.inner_end]) for q in quoted] == [
        (0, "They called it ‘a mistake’ and left,"),
        (1, "a mistake"),
    ]


def test_apostrophes_are_not_quote_marks() -> None:
    quoted, unpaired = find_quoted("The mayor’s plan isn’t ready, it's said.")
    assert quoted == [] and unpaired == 0


def test_quote_over_paragraphs_and_unclosed_quote() -> None:
    text = "He said: “One.\n\n“Two.\n\n“Three.”\n\nShe said: “Four, never closed.\n\nAfter."
    tops = top_level(find_quoted(text)[0])
    assert [text[q.inner_start : q.inner_end] for q in tops] == [
        "One.\n\n“Two.\n\n“Three.",
        "Four, never closed.",
    ]
    assert [q.closed for q in tops] == [True, False]


@pytest.mark.parametrize("text", ["“" * 2000, '"' * 2001, "” stray ” marks ” “", "“”", "«»“”"])
def test_bad_marks_never_raise(text: str) -> None:
    quoted, unpaired = find_quoted(text)
    assert unpaired >= 0
    assert all(0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text) for q in quoted)


# -- the stage, with the model ----------------------------------------------------------


def test_direct_quote_with_cue_after(resources: Resources) -> None:
    text = "“We will rebuild the harbour before winter,” said Maria Lopez, the port director."
    q = find(quotes_of(text, resources), "We will rebuild")
    assert q.kind == "direct" and q.cue is not None and q.cue.text == "said"
    assert q.speaker_name == "Maria Lopez"


def test_colon_and_canonical_full_name(resources: Resources) -> None:
    text = (
        "Port director Maria Lopez visited the docks on Monday.\n\n"
        "Lopez told reporters: “The harbour will open in spring.”"
    )
    q = find(quotes_of(text, resources), "The harbour will open")
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Lopez"
    assert q.speaker_name == "Maria Lopez"


def test_dash_attribution(resources: Resources) -> None:
    text = "“Nobody expected the river to rise this fast.” – Tom Berger"
    q = find(quotes_of(text, resources), "Nobody expected")
    assert q.speaker_name == "Tom Berger"


def test_horizontal_bar_signs_a_reader_comment(resources: Resources) -> None:
    text = "Readers wrote in.\n“The new tram line changed my whole week.”― Maria Lopez\n"
    q = find(quotes_of(text, resources), "The new tram line")
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Maria Lopez"


def test_a_quoted_heading_does_not_continue_the_quote(resources: Resources) -> None:
    text = (
        "“We are ready for the storm,” said Anna Berg, the city engineer.\n\n"
        "'Pumps on Every Street.'\n\n"
        "The council met on Monday."
    )
    assert [q.content.text for q in quotes_of(text, resources)] == ["We are ready for the storm,"]


def test_learned_cues_find_reported_speech_beyond_the_cue_list(resources: Resources) -> None:
    text = "The opposition leader slammed the budget as a gift to landlords."
    (q,) = quotes_of(text, resources)  # "slam" is in no cue list
    assert q.cue is not None and q.speaker is not None
    assert (q.cue.text, q.speaker.text) == ("slammed", "The opposition leader")
    assert q.content.text.startswith("the budget")


def test_split_quote_gives_two_quotes_with_one_speaker(resources: Resources) -> None:
    text = (
        "Engineer Paul Adams inspected the dam.\n\n"
        "“The wall is cracked,” he said, “and it must be drained this week.”"
    )
    qs = quotes_of(text, resources)
    first, second = find(qs, "The wall is cracked"), find(qs, "and it must be drained")
    assert first.cue == second.cue and first.speaker == second.speaker
    assert first.speaker_name == second.speaker_name == "Paul Adams"


def test_quote_on_its_own_line_continues_the_speaker(resources: Resources) -> None:
    text = (
        "“We are ready for the storm,” said Anna Berg, the city engineer.\n\n"
        "“Every pump in the district has been tested twice this month.”"
    )
    q = find(quotes_of(text, resources), "Every pump in the district")
    assert q.kind == "direct" and q.speaker_name == "Anna Berg"


def test_quote_over_paragraphs_is_one_quote(resources: Resources) -> None:
    text = (
        "Farmer Ruth Klein said: “The rain came late this year.\n\n"
        "“Half of the wheat was lost before the harvest began.”"
    )
    q = find(quotes_of(text, resources), "The rain came late")
    assert q.content.text.endswith("before the harvest began.")
    assert q.speaker_name == "Ruth Klein"


def test_unclosed_quote_ends_at_the_paragraph(resources: Resources) -> None:
    text = (
        "The mayor, Jon Park, said of the plan: “The budget is simply too small.\n\n"
        "The council meets again in May."
    )
    article = run(text, resources)
    q = find(list(article.quotes), "The budget is simply too small")
    assert q.content.text == "The budget is simply too small."
    assert q.speaker_name == "Jon Park"
    assert not article.errors


def test_indirect_quote_and_pronoun(resources: Resources) -> None:
    text = (
        "Health minister Clara Novak visited the hospital on Friday.\n\n"
        "She warned that the winter wave of flu could fill every bed in the region."
    )
    q = find(quotes_of(text, resources), "that the winter wave")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "warned"
    assert q.speaker is not None and q.speaker.text == "She"
    assert q.speaker_name == "Clara Novak"


def test_according_to(resources: Resources) -> None:
    text = (
        "Economist Lena Fischer studies the port.\n\n"
        "According to Fischer, exports will fall by a third next year."
    )
    q = find(quotes_of(text, resources), "exports will fall")
    assert q.kind == "indirect" and q.speaker_name == "Lena Fischer"


def test_mixed_quote(resources: Resources) -> None:
    text = "Senator Mark Hill said that the new law was “a disaster for farmers” in his state."
    q = find(quotes_of(text, resources), "that the new law")
    assert q.kind == "mixed" and q.speaker_name == "Mark Hill"


def test_scare_quotes_are_not_quotes(resources: Resources) -> None:
    text = (
        "The floods hit during the “wettest week” of the decade, and the "
        "so-called “river people” moved to higher ground."
    )
    assert quotes_of(text, resources) == []


def test_message_speaks_for_its_organisation(resources: Resources) -> None:
    text = (
        "The Northern Rail Union called a strike on Monday.\n\n"
        "“Our members have waited long enough,” reads a message of the Rail Union. "
        "“We will not wait another year,” the message added."
    )
    qs = quotes_of(text, resources)
    assert find(qs, "Our members").speaker_name == "Northern Rail Union"
    assert find(qs, "We will not wait").speaker_name == "Northern Rail Union"


def test_role_noun_resolves_to_the_titled_person(resources: Resources) -> None:
    text = (
        "Police spokesman Ian Cole spoke after the fire.\n\n"
        "The spokesman said that two buildings were destroyed overnight."
    )
    q = find(quotes_of(text, resources), "that two buildings")
    assert q.speaker_name == "Ian Cole"


def test_unpaired_marks_are_tolerated_not_errors(resources: Resources) -> None:
    # Stray marks are ordinary in scraped text: no quote is invented and the article is
    # not marked as failed (errors make ``analyze`` exit 1 and mean "could not analyse").
    article = run("The minister said ” nothing ” about the ” plan.", resources)
    assert not article.errors
    assert all(
        article.text[q.content.start : q.content.end] == q.content.text for q in article.quotes
    )


@pytest.mark.parametrize(
    "text",
    [
        "“The whole article is one quotation, said nobody in particular.\n\n“It goes on.”",
        "He said “” and “ ” and left.",
        "“" * 2000 + " words " + "”" * 1999,
        'Odd "marks" everywhere " said " the ” man “ today.',
    ],
)
def test_bad_quotation_marks_never_raise(text: str, resources: Resources) -> None:
    article = run(text, resources)
    assert not any(e.code == "stage_failed" for e in article.errors)
    for q in article.quotes:
        assert q.content.text.strip()
        assert text[q.content.start : q.content.end] == q.content.text


def test_a_dash_before_the_cue_is_no_speaker(resources: Resources) -> None:
    text = "001\n–said 1 qold"
    article = run(text, resources)
    assert all(q.speaker is None or q.speaker.text.strip() for q in article.quotes)


def test_speaker_phrase_ignores_dates_and_attachments(resources: Resources) -> None:
    text = "According to officials on Saturday, the storm damaged two bridges near the port."
    q = find(quotes_of(text, resources), "the storm damaged two bridges")
    assert q.speaker_name != "Saturday"


def test_indefinite_reports_do_not_borrow_the_last_speaker(resources: Resources) -> None:
    text = (
        "Mayor Lena Ortiz said the shelters were full. "
        "Reports as of Wednesday said an estimated two hundred cars had been damaged."
    )
    q = find(quotes_of(text, resources), "an estimated two hundred cars")
    assert q.speaker_name is None


def test_claimed_lives_is_not_speech(resources: Resources) -> None:
    text = "The hurricane destroyed the harbour and claimed about 3000 lives in the region."
    assert quotes_of(text, resources) == []


def test_a_title_abbreviation_does_not_end_the_cue_clause(resources: Resources) -> None:
    text = (
        "The council met on Monday.\u00a0\n"
        "“This is a fine day,” said Rep. Jane Doe, head of the city caucus. "
        "“The budget is balanced.\u00a0It cost us a year.”\u00a0\nOthers disagreed."
    )
    qs = quotes_of(text, resources)
    first, second = find(qs, "This is a fine day"), find(qs, "The budget is balanced")
    assert first.kind == second.kind == "direct"
    assert first.cue == second.cue and first.speaker_name == second.speaker_name == "Jane Doe"


def test_a_quote_opening_reported_speech_makes_it_mixed(resources: Resources) -> None:
    text = "“You cut wages to the bone” to raise the price of the stock, Ms. Ward said."
    q = find(quotes_of(text, resources), "“You cut wages")
    assert q.kind == "mixed" and q.speaker is not None and q.speaker.text == "Ms. Ward"


def test_a_quoted_sentence_after_a_mixed_quote_continues_it(resources: Resources) -> None:
    text = (
        "The answers to the flooding are “not meeting the demand,” says Tom Reed, the "
        "head of the farmers union. “We compare it to the drought of 1990.”"
    )
    qs = quotes_of(text, resources)
    first, second = find(qs, "The answers to the flooding"), find(qs, "We compare it")
    assert first.kind == "mixed" and second.cue == first.cue
    assert second.speaker_name == first.speaker_name == "Tom Reed"


def test_transcript_turns_are_quotes_of_their_speaker(resources: Resources) -> None:
    text = (
        "The debate went on.\n\n"
        '"LANE: Well, look, the mayor thinks this is a game show. But this is serious.\n\n'
        '"WALLACE: If I may, sir, we have limited time.\n\n'
        "UPDATE: The story was changed after it was published."
    )
    qs = quotes_of(text, resources)
    lane, wallace = find(qs, "Well, look"), find(qs, "If I may")
    assert lane.speaker is not None and lane.speaker.text == "LANE"
    assert wallace.speaker is not None and wallace.speaker.text == "WALLACE"
    assert not [q for q in qs if q.content.text.startswith("The story")]


def test_reported_speech_inside_a_quotation_becomes_the_whole_mixed_quote(
    resources: Resources,
) -> None:
    text = "Asked about the levy, the mayor said ''Of course, we pay. We always did.''"
    doc = resources.nlp(text)
    tops = top_level(find_quoted(text)[0])
    inner = text.index("We always")  # the parse kept only the last sentence
    cand = Candidate("indirect", inner, inner + len("We always did"), None, None)
    _absorb_quoted(cand, tops, Context(text, doc, cue_tables(resources)))
    assert cand.kind == "mixed"
    assert text[cand.start : cand.end] == "''Of course, we pay. We always did.''"


def test_a_transcript_turn_with_a_quoted_title_is_mixed(resources: Resources) -> None:
    text = (
        "The interview went on.\n\n"
        "LANE: Well, look, the mayor thinks this is an episode of “Dragon Den.” But it is not.\n"
    )
    q = find(quotes_of(text, resources), "Well, look")
    assert q.kind == "mixed"


def test_a_capital_after_an_abbreviation_starts_the_next_quote(resources: Resources) -> None:
    text = "“I would,” Melanie said to the TV. “I would, Donald.”\n\nThe show went on."
    qs = quotes_of(text, resources)
    second = find(qs, "I would, Donald")
    assert second.speaker is not None and second.speaker.text == "Melanie"


def test_a_quote_joined_by_but_to_the_cue_continues_it(resources: Resources) -> None:
    text = (
        "“I like Larry,” the mayor said, but “when it comes to the harbour, Larry has a "
        "history of siding with the shipping firms.”"
    )
    qs = quotes_of(text, resources)
    first, second = find(qs, "I like Larry"), find(qs, "when it comes")
    assert second.cue == first.cue and second.speaker == first.speaker


def test_a_dateline_before_the_speaker_is_not_the_speaker(resources: Resources) -> None:
    text = (
        "The Latest on the council race (all times local):\n\n7 p.m.\n\n"
        "Mayor Anna Berg says the budget will be balanced by spring.\n"
    )
    q = find(quotes_of(text, resources), "the budget will be balanced")
    assert q.speaker is not None and "Anna Berg" in q.speaker.text
    assert q.speaker_name == "Anna Berg"


def test_who_said_names_the_antecedent_not_the_clause(resources: Resources) -> None:
    text = (
        "The council met Joan Hale, who in 2010 said the port's most "
        "important goal was to double its traffic."
    )
    q = find(quotes_of(text, resources), "the port's most important goal")
    assert q.speaker is not None and q.speaker.text.endswith("who")
    assert q.speaker_name == "Joan Hale"


def test_a_party_label_after_the_name_is_no_sentence_end(resources: Resources) -> None:
    text = (
        '"She would be a great mayor. Not good, great," Rep. Tom Reed (D-Md.) said in an '
        "interview.\n\nThe vote is in May."
    )
    q = find(quotes_of(text, resources), "She would be a great mayor")
    assert q.speaker is not None and "Tom Reed" in q.speaker.text


def test_inverted_cue_before_a_colon(resources: Resources) -> None:
    text = "The plan is vague. Said Ellis: “I don’t get the sense she is interested in reform.”"
    q = find(quotes_of(text, resources), "I don’t get the sense")
    assert q.speaker is not None and q.speaker.text == "Ellis"


def test_a_stray_straight_mark_does_not_run_on_into_a_curly_paragraph() -> None:
    text = '"The crowd sang “Hey Jude!” all night.\n\n“Good night,” the singer said.'
    quoted, unpaired = find_quoted(text)
    assert [text[q.inner_start : q.inner_end] for q in top_level(quoted)] == [
        "Hey Jude!",
        "Good night,",
    ]
    assert unpaired == 1


def test_same_style_marks_still_run_on_over_paragraphs() -> None:
    text = '"The first part.\n\n"The second part," she said.'
    tops = top_level(find_quoted(text)[0])
    assert [text[q.inner_start : q.inner_end] for q in tops] == [
        'The first part.\n\n"The second part,'
    ]


def test_a_quoted_nickname_does_not_end_the_cue_clause(resources: Resources) -> None:
    text = (
        '"This is a great day for our town!" state Del. Ann "Annie" Ford shouted to the '
        'crowd. "We will build the bridge."'
    )
    qs = quotes_of(text, resources)
    first, second = find(qs, "This is a great day"), find(qs, "We will build")
    assert first.kind == second.kind == "direct"
    assert first.speaker is not None and "Ford" in first.speaker.text
    assert second.speaker == first.speaker


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Governor Tom Reed called the harbour plan a “disaster” Tuesday on a radio show.",
            "the harbour plan a “disaster”",
        ),
        (
            "Mayor Ann Ford described the new bus lanes as a “costly mess” during a visit "
            "to the depot.",
            "the new bus lanes as a “costly mess”",
        ),
    ],
)
def test_a_mixed_quote_ends_before_when_it_was_said(
    text: str, content: str, resources: Resources
) -> None:
    q = find(quotes_of(text, resources), content[:8])
    assert q.kind == "mixed" and q.content.text == content


def test_a_quotation_with_its_own_cue_is_not_absorbed_into_reported_speech(
    resources: Resources,
) -> None:
    text = (
        "A builder who worked for the mayor said he was never paid for the new school "
        "roof, saying, “Maybe the work was late, but we did it well.”"
    )
    qs = quotes_of(text, resources)
    report, quote = find(qs, "he was never paid"), find(qs, "Maybe the work")
    assert report.kind == "indirect" and report.content.text.endswith("school roof")
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "saying"


def test_the_clause_after_the_cue_is_the_one_reported(resources: Resources) -> None:
    # A parse with two clausal complements, one on each side of the cue, as spaCy gives
    # for "Claiming X is meant to Y, Ford told Fox that Z".
    from spacy.tokens import Doc

    words = ["Claiming", "it", "is", "late", ",", "Ford", "told", "Fox", "that", "we", "won"]
    heads = [2, 2, 6, 2, 6, 6, 6, 6, 10, 10, 6]
    deps = ["csubj", "dobj", "ccomp", "acomp", "punct", "nsubj", "ROOT", "dobj", "mark"]
    doc = Doc(resources.nlp.vocab, words=words, heads=heads, deps=[*deps, "nsubj", "ccomp"])
    comp = _complement(doc[6], frozenset({"ccomp", "dobj"}))
    assert comp is not None and comp.text == "won"


def test_according_to_at_the_sentence_start_ends_at_its_comma(resources: Resources) -> None:
    text = "According to local radio host Tom Reed, the new bridge reeks of “waste” and delay."
    q = find(quotes_of(text, resources), "the new bridge")
    assert q.content.text == "the new bridge reeks of “waste” and delay"
    assert q.speaker is not None and q.speaker.text.endswith("Tom Reed")


# -- cue prepositions, a second cue joined to the report, a block after a colon ---------


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Mayor Tom Reyes called for a full audit of the harbour accounts.",
            "called",
            "a full audit of the harbour accounts",
        ),
        (
            "Senator Ada Lin talked about the cost of the new dam at length.",
            "talked",
            "the cost of the new dam",
        ),
    ],
)
def test_a_preposition_after_the_cue_is_not_content(
    text: str, cue: str, content: str, resources: Resources
) -> None:
    qs = [q for q in quotes_of(text, resources) if q.cue is not None and q.cue.text == cue]
    assert qs, f"no quote with cue {cue!r}"
    assert qs[0].content.text.startswith(content)
    assert not qs[0].content.text.lower().startswith(("for ", "about "))


def test_an_infinitive_to_stays_in_the_content(resources: Resources) -> None:
    text = "Governor Lena Park promised to rebuild every school the flood destroyed."
    qs = [q for q in quotes_of(text, resources) if q.cue is not None]
    assert qs and qs[0].content.text.startswith("to rebuild")


def test_a_second_cue_joined_to_the_report_ends_it(resources: Resources) -> None:
    text = (
        "Police chief Mary Cole said the road would stay closed until Monday "
        "and warned drivers against crossing the old bridge."
    )
    q = find(quotes_of(text, resources), "the road would stay closed")
    assert q.cue is not None and q.cue.text == "said"
    assert q.content.text == "the road would stay closed until Monday"


def test_a_cue_ending_with_a_colon_reports_the_block_below(resources: Resources) -> None:
    text = (
        "The fire chief, Omar Haddad, spoke after the blaze. He said:\n\n"
        "The crews worked through the night to save the mill.\n"
        "Nobody was hurt, and the river kept the flames from the houses.\n\n"
        "The mill will stay closed for a month."
    )
    q = find(quotes_of(text, resources), "The crews worked")
    assert q.cue is not None and q.cue.text == "said"
    assert q.content.text.endswith("kept the flames from the houses")
    assert q.speaker_name == "Omar Haddad"


def test_a_cue_with_its_own_report_after_a_closed_quotation_reports_that(
    resources: Resources,
) -> None:
    text = (
        "“The river has never been this low.” Later, the mayor said the town would "
        "ration water until the autumn."
    )
    quotes = quotes_of(text, resources)
    report = find(quotes, "the town would ration water")
    assert report.speaker is not None and report.speaker.text == "the mayor"
    assert report.cue is not None and report.cue.text == "said"
    assert all(q.cue is None or q.cue != report.cue for q in quotes if q is not report)


def test_a_cue_alone_after_a_closed_quotation_still_attributes_it(
    resources: Resources,
) -> None:
    quotes = quotes_of("“The river has never been this low.” The mayor said.", resources)
    quote = find(quotes, "The river has never")
    assert quote.speaker is not None and quote.speaker.text == "The mayor"
