"""The flags stage on hand-built Articles: each code fires on its signal and stays quiet
on ordinary prose, with spans that index into the text."""

from __future__ import annotations

import pytest

from presstrace import Pipeline, Resources
from presstrace.records import Article, Flag, Quote, Removed, Span
from presstrace.stages.flags import SEVERITIES, at_least, find_flags, flags_stage

ORDINARY = (
    "The city council approved the new budget on Tuesday after a long debate.\n\n"
    "“We had to make hard choices,” said Mayor Ruth Calloway, who chairs the council. "
    "She said the plan keeps libraries open on weekends.\n\n"
    "Opposition members said the cuts to road repairs would cost more in the long run. "
    "The vote was seven to four."
)


def flags_of(article: Article, resources: Resources) -> list[Flag]:
    return find_flags(article, resources)


def codes(flags: list[Flag]) -> set[str]:
    return {f.code for f in flags}


def loud(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if at_least(f.severity, "warning")]


@pytest.fixture()
def res(light_resources: Resources) -> Resources:
    return light_resources


def assert_spans(article: Article, flags: list[Flag]) -> None:
    for f in flags:
        assert f.severity in SEVERITIES
        if f.start is not None:
            assert f.end is not None and 0 <= f.start < f.end <= len(article.text)
            assert article.text[f.start : f.end].split()[0] in f.evidence


def test_ordinary_article_carries_no_flags(res: Resources) -> None:
    article = Article(title="Council passes budget", text=ORDINARY, language="en")
    assert flags_of(article, res) == []


def test_placeholder_filler_is_strong_and_points_at_text(res: Resources) -> None:
    text = ORDINARY + "\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit."
    article = Article(text=text, language="en")
    flags = [f for f in flags_of(article, res) if f.code == "placeholder_text"]
    assert [f.severity for f in flags] == ["strong"]
    assert (
        text[flags[0].start : flags[0].end]
        == "Lorem ipsum dolor sit amet, consectetur adipiscing elit"
    )
    assert_spans(article, flags)


def test_placeholder_talked_about_is_info_and_says_so(res: Resources) -> None:
    text = (
        "Designers have filled mock-ups with lorem ipsum since the 1500s, when a printer "
        "scrambled a passage of Cicero to make a type specimen book."
    )
    flags = flags_of(Article(text=text, language="en"), res)
    assert [f.severity for f in flags if f.code == "placeholder_text"] == ["info"]
    assert "mentioned in prose" in flags[0].evidence


def test_template_headings_only_as_whole_lines(res: Resources) -> None:
    text = ORDINARY + "\n\nRelated Posts\n\nHot News:"
    flags = [f for f in flags_of(Article(text=text, language="en"), res)]
    headings = [text[f.start : f.end] for f in flags if f.code == "template_leftover"]
    assert headings == ["Related Posts", "Hot News:"]
    inline = "Readers kept asking for related posts about the budget in the comments."
    assert "template_leftover" not in codes(flags_of(Article(text=inline), res))


def test_persona_bio_in_text_and_in_removed(res: Resources) -> None:
    bio = (
        "I am Nora Quill, a passionate journalist with more than five years of experience "
        "covering world news for this site."
    )
    flags = flags_of(Article(text=ORDINARY + "\n\n" + bio, language="en"), res)
    assert [f.severity for f in flags if f.code == "persona_bio"] == ["warning"]
    removed = Article(text=ORDINARY, language="en", removed=(Removed(bio, "author_bio"),))
    from_removed = [f for f in flags_of(removed, res) if f.code == "persona_bio"]
    assert (
        from_removed and from_removed[0].start is None and "Nora Quill" in from_removed[0].evidence
    )


def test_third_person_staff_bio_is_not_a_persona(res: Resources) -> None:
    staff = "Ruth Calloway is a reporter covering City Hall. She joined the paper in 2015."
    article = Article(text=ORDINARY, language="en", removed=(Removed(staff, "author_bio"),))
    assert "persona_bio" not in codes(flags_of(article, res))


def test_republished_from_source_line_and_credited_source(res: Resources) -> None:
    text = ORDINARY + "\n\nSource: El Diario Central"
    flags = [f for f in flags_of(Article(text=text), res) if f.code == "republished_content"]
    assert len(flags) == 1 and text[flags[0].start : flags[0].end] == "Source: El Diario Central"
    credited = Article(text=ORDINARY, credited_source="Radio Meridian")
    flags = [f for f in flags_of(credited, res) if f.code == "republished_content"]
    assert len(flags) == 1 and flags[0].start is None and "Radio Meridian" in flags[0].evidence


def test_duplicated_title_from_text_and_from_removed(res: Resources) -> None:
    title = "Council passes budget after long debate"
    article = Article(title=title, text=title + "\n\n" + ORDINARY)
    flags = [f for f in flags_of(article, res) if f.code == "duplicated_title"]
    assert [(f.start, f.end) for f in flags] == [(0, len(title))]
    removed = Article(title=title, text=ORDINARY, removed=(Removed(title, "duplicate_title"),))
    assert "duplicated_title" in codes(flags_of(removed, res))


def test_removed_placeholder_and_template_blocks(res: Resources) -> None:
    article = Article(
        text=ORDINARY,
        removed=(
            Removed("Lorem ipsum dolor sit amet", "placeholder"),
            Removed("Related Posts", "template"),
            Removed("Read more", "template"),
            Removed("Home | World | Sport", "navigation"),
            Removed("Lorem ipsum 2", "placeholder"),
            Removed("Council passes budget", "title"),
        ),
    )
    flags = flags_of(article, res)
    assert [(f.code, f.severity) for f in flags] == [
        ("placeholder_text", "strong"),
        ("template_leftover", "info"),
    ]
    assert flags[0].evidence == "removed placeholder: Lorem ipsum dolor sit amet (+1 more)"
    assert flags[1].evidence == "removed template: Related Posts"
    assert all(f.start is None and f.end is None for f in flags)


def test_machine_translation_artifacts(res: Resources) -> None:
    text = (
        "The weapons were received by Ukraineboth from the United States and its allies. "
        "“We will not allow it.”Kirby said the matter was closed.\n\n"
        "The fighting went on for a week. ."
    )
    flags = [f for f in flags_of(Article(text=text, language="en"), res)]
    found = {text[f.start : f.end] for f in flags if f.code == "machine_translation_artifacts"}
    assert found == {"Ukraineboth", "it.”Kirby", ". ."}
    assert all(f.severity == "warning" for f in flags if f.code == "machine_translation_artifacts")


def test_one_slip_or_a_recurring_name_stays_info(res: Resources) -> None:
    single = ORDINARY + " The mayor thanked Calloway's staff.\n\nIt was a long dayof debate."
    flags = flags_of(Article(text=single, language="en"), res)
    assert [f.severity for f in flags if f.code == "machine_translation_artifacts"] == ["info"]
    name = "Minetest is a free game. Players of Minetest build worlds. Minetest is old."
    assert "machine_translation_artifacts" not in codes(flags_of(Article(text=name), res))


def test_ellipsis_is_not_a_stray_stop(res: Resources) -> None:
    text = "He paused . . . and then went on. She said no. . . . The end."
    assert "machine_translation_artifacts" not in codes(flags_of(Article(text=text), res))


def test_spun_phrases_and_quotation_context(res: Resources) -> None:
    text = "The Ministry of Protection said synthetic intelligence would guide its drones."
    flags = [f for f in flags_of(Article(text=text, language="en"), res) if f.code == "spun_text"]
    assert [text[f.start : f.end] for f in flags] == [
        "Ministry of Protection",
        "synthetic intelligence",
    ]
    assert all(f.severity == "warning" for f in flags)
    quoted = 'A reader wrote: "Who runs the Ministry of Protection?" The paper corrected it.'
    spun = [f for f in flags_of(Article(text=quoted), res) if f.code == "spun_text"]
    assert [f.severity for f in spun] == ["info"] and "inside a quotation" in spun[0].evidence


def test_mentioned_as_reporting_verb(res: Resources) -> None:
    text = (
        "“The plan works,” Smith mentioned. “It will pass,” she mentioned.\n\n"
        "“We are ready,” Jones mentioned."
    )
    spun = [f for f in flags_of(Article(text=text, language="en"), res) if f.code == "spun_text"]
    assert len(spun) == 3 and all(f.severity == "warning" for f in spun)
    mixed = "“The plan works,” Smith said. “It will pass,” she said. “Fine,” Jones mentioned."
    spun = [f for f in flags_of(Article(text=mixed), res) if f.code == "spun_text"]
    assert [f.severity for f in spun] == ["info"]


def test_chatbot_leftover_strong_unless_the_article_is_about_chatbots(res: Resources) -> None:
    text = "Certainly! Here is the rewritten article:\n\n" + ORDINARY
    flags = [f for f in flags_of(Article(text=text), res) if f.code == "chatbot_leftover"]
    assert [f.severity for f in flags] == ["strong"]
    about = (
        "Users of ChatGPT noticed that the chatbot often begins with a refusal. "
        "As an AI language model, it cannot browse, the company explained."
    )
    flags = [f for f in flags_of(Article(text=about), res) if f.code == "chatbot_leftover"]
    assert [f.severity for f in flags] == ["info"]
    assert "discusses chatbots" in flags[0].evidence


def test_unattributed_quote_uses_quotes_when_present(res: Resources) -> None:
    text = "“Nobody saw it coming,” the statement began. “We did,” said Ruth Calloway."
    first = text.index("“Nobody")
    second = text.index("“We did")
    quotes = (
        Quote("direct", Span.of(text, first, text.index("”") + 1)),
        Quote(
            "direct",
            Span.of(text, second, second + 9),
            speaker=Span.of(text, text.index("Ruth"), len(text) - 1),
            speaker_name="Ruth Calloway",
        ),
    )
    flags = flags_of(Article(text=text, quotes=quotes), res)
    unattributed = [f for f in flags if f.code == "unattributed_quote"]
    assert [(f.start, f.severity) for f in unattributed] == [(first, "info")]


def test_english_only_flags_skip_other_languages(res: Resources) -> None:
    text = "La Ukraineboth noticia.\n\nLorem ipsum dolor sit amet."
    found = codes(flags_of(Article(text=text, language="es"), res))
    assert "placeholder_text" in found and "machine_translation_artifacts" not in found


def test_stage_is_idempotent_and_keeps_other_stages_flags(res: Resources) -> None:
    other = Flag("copied_from", None, None, "an earlier original", "info")
    article = Article(text=ORDINARY + "\n\nRelated Posts", flags=(other,))
    once = flags_stage(article, None, res)
    assert flags_stage(once, None, res).flags == once.flags
    assert once.flags[0] == other and "template_leftover" in codes(list(once.flags))


def test_pipeline_runs_flags_without_a_parse(res: Resources) -> None:
    pipe = Pipeline(stages=["flags.v1"], resources=res)
    [out] = pipe.analyze_articles([Article(text="Lorem ipsum dolor sit amet.")])
    assert "placeholder_text" in codes(list(out.flags))
    assert not res.nlp_loaded


def test_enormous_page_is_scanned(res: Resources) -> None:
    text = ("A plain sentence about the weather in town. " * 20 + "\n\n") * 2000
    article = Article(text=text + "Lorem ipsum dolor sit amet.", language="en")
    assert "placeholder_text" in codes(flags_of(article, res))


def test_ordinary_repetitions_and_dates_are_not_flagged(res: Resources) -> None:
    text = (
        "Harbour Moving and Storage\n\n"
        "Harbour Moving and Storage is a family firm that has served the town since 1990.\n\n"
        "https://example.org/listing/12345\n\nhttps://example.org/listing/12345\n\n"
        "Originally published in March 2022.\n\n"
        "Source: Census Bureau\n\nSource: Labour Force Survey"
    )
    assert flags_of(Article(title="Moving firms in town", text=text, language="en"), res) == []
    credit = "Originally published on The Northern Ledger."
    flags = flags_of(Article(text=ORDINARY + "\n\n" + credit), res)
    assert [f.code for f in flags] == ["republished_content"]


def test_glued_words_in_the_credited_source(res: Resources) -> None:
    article = Article(
        text="The talks resumed in Ukraineboth capitals on Monday.",
        credited_source="La Vozde Galicia",
        language="en",
    )
    mt = [f for f in flags_of(article, res) if f.code == "machine_translation_artifacts"]
    assert [(f.start is None, f.severity) for f in mt] == [(False, "warning"), (True, "warning")]
    assert "credited source: Vozde" in mt[1].evidence


def test_name_links_only_inside_a_name(res: Resources) -> None:
    text = "The report in El Correodel Valle was read by Jolinda Smith on Monday."
    mt = [f for f in flags_of(Article(text=text, language="en"), res)]
    assert [text[f.start : f.end] for f in mt if f.start is not None] == ["Correodel"]
