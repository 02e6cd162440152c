"""Saved page text: the structure recovered from lines alone (hand-written pages)."""

from __future__ import annotations

from pathlib import Path

from presstrace import Resources
from presstrace.records import Article
from presstrace.stages.structure_text import blocks, from_page_text, parse_date

FIXTURES = Path(__file__).with_name("fixtures")

FARM_PAGE = (FIXTURES / "farm-page.txt").read_text()


def recover(text: str) -> Article:
    return from_page_text(text, Article(), Resources())


def test_title_once_caption_credit_and_subtitle() -> None:
    a = recover(FARM_PAGE)
    assert a.title == "Harbour Bridge Reopens After Two Years Of Repairs"
    assert [(c.text, c.credit) for c in a.captions] == [
        ("Cyclists cross the bridge on its first morning.", "JANE ROE | NORTHWIRE")
    ]
    assert a.subtitle == "Traffic is expected to double by the summer"
    assert a.text.startswith("The old harbour bridge in Eastport")
    assert a.text.endswith("once the bridge was busy again.")
    assert "JANE ROE" not in a.text and a.title not in a.text


def test_subheading_stays_as_its_own_paragraph() -> None:
    paragraphs = recover(FARM_PAGE).text.split("\n\n")
    assert "What Comes Next" in paragraphs


def test_credit_bio_templates_and_filler_are_removed_with_reasons() -> None:
    a = recover(FARM_PAGE)
    reasons = {r.text: r.reason for r in a.removed}
    assert a.credited_source == "The Eastport Herald"
    assert reasons["Source: The Eastport Herald"] == "credit"
    assert any(r.reason == "author_bio" and r.text.startswith("I am Tom Vale") for r in a.removed)
    assert reasons["Related Posts"] == "template"
    assert reasons["Ten Bridges You Must See Before You Die"] == "template"
    assert reasons["Share this"] == "template"
    assert reasons["Lorem ipsum dolor sit amet, consectetur adipiscing elit."] == "placeholder"
    assert a.authors == ("Tom Vale",)
    assert a.publisher == "Daily Buzz Wire"
    for junk in ("Related Posts", "Lorem ipsum", "I am Tom Vale", "Source:"):
        assert junk not in a.text


WIRE_PAGE = (FIXTURES / "wire-page.txt").read_text()


def test_wire_header_byline_dateline_and_footer() -> None:
    a = recover(WIRE_PAGE)
    assert a.title == "Dockers walk out in Eastport over night shifts"
    assert a.published == "2026-04-02"
    assert a.authors == ("Ana Costa", "Luis Prado")
    assert a.credited_source == "NW"
    reasons = [r.reason for r in a.removed]
    assert reasons[0] == "notice"
    assert reasons.count("header") == 3
    assert "footer" in reasons and "byline" in reasons
    assert a.text.startswith("EASTPORT, Atlantis (NW)")
    assert a.text.endswith("until the dispute was settled.")


def test_fiction_notice_first_line_is_not_the_title(light_resources: Resources) -> None:
    pages = sorted((Path(__file__).parents[2] / "examples" / "pages").glob("*.txt"))
    assert pages
    for page in pages:
        a = from_page_text(page.read_text(), Article(), light_resources)
        assert a.title and "Fictional" not in a.title
        assert a.removed[0].reason == "notice"
        assert a.text and "Fictional example page" not in a.text


def test_hard_wrapped_paragraphs_are_joined() -> None:
    raw = (
        "A short headline\n\n"
        "The committee met on Tuesday to discuss the budget for next year, and\n"
        "members agreed that the road repairs should come first, ahead of the new\n"
        "library and the sports hall that had been promised in the spring.\n"
    )
    assert len(blocks(raw)) == 2


def test_text_dump_without_blank_lines_and_empty_input() -> None:
    a = recover("Only a title\nHome\nThe body is a single sentence that is long enough.\n")
    assert a.title == "Only a title"
    assert any(r.reason == "navigation" for r in a.removed)
    assert a.text == "The body is a single sentence that is long enough."
    empty = recover("\n\n  \n")
    assert empty.text == "" and empty.title is None


def test_parse_date_forms() -> None:
    assert parse_date("Published 3 March 2026") == "2026-03-03"
    assert parse_date("March 3, 2026") == "2026-03-03"
    assert parse_date("12 de marzo de 2026") == "2026-03-12"
    assert parse_date("no date here") is None


def test_third_person_bio_only_in_the_tail() -> None:
    profile = (
        "A novelist comes home\n\n"
        "Mara Quill is a writer who grew up in Eastport and left for the capital at eighteen.\n\n"
        "Her new book, about the harbour, comes out in May and has already sold out twice.\n\n"
        "She will read from it at the town library on Saturday evening, the library said.\n\n"
        "Local schools have asked her to visit in the autumn, and she has agreed to go.\n\n"
        "Tickets for the reading are free but must be booked in advance at the desk.\n"
    )
    a = recover(profile)
    assert a.text.startswith("Mara Quill is a writer")
    assert not any(r.reason == "author_bio" for r in a.removed)


def test_whole_page_dump_keeps_the_densest_prose_run() -> None:
    menu = "\n".join(["News", "Sport", "Weather", "Local", "Business", "Opinion"])
    article = (
        "The harbour bridge in Eastport opened again on Monday after two years of repairs.\n"
        "Council engineer Priya Shah said the steel deck had been replaced in full.\n"
        "What Comes Next\n"
        "Ferry operators said they expected fewer passengers once the bridge was busy.\n"
    )
    footer = "\n".join(["About", "Careers", "Advertise with us", "Our journalists", "Archive"])
    a = recover(f"Eastport Herald\n{menu}\n{article}{footer}\n")
    assert a.text.split("\n\n")[0].startswith("The harbour bridge in Eastport")
    assert "What Comes Next" in a.text.split("\n\n")
    assert a.text.rstrip().endswith("once the bridge was busy.")
    assert not any(word in a.text for word in ("Weather", "Careers", "Archive"))


def test_reader_comments_and_debris_leave_the_article() -> None:
    prose = [
        "The library in Westford will stay open until nine on weekdays from next month.",
        "The council said the longer hours would cost less than a new reading room would.",
        "https://example.org/library-hours",
        "facebook",
        "Readers asked for evening hours in a survey last spring, the librarian said.",
    ]
    comments = [
        "reader_one says:",
        "Finally some good news for people who work late in this town, thank you all.",
        "Ann Lee says:",
        "I would rather they opened on Sunday mornings, which is when families have time.",
    ]
    a = recover("\n\n".join(["Library Hours Grow", *prose, *comments]))
    assert "survey last spring" in a.text
    assert "example.org" not in a.text and "facebook" not in a.text
    assert "says:" not in a.text and "Sunday mornings" not in a.text
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons["Ann Lee says:"] == "comments"


def test_article_run_stops_at_a_template_heading_and_keeps_long_list_lines() -> None:
    article = [
        "The ferry from Westford to the islands will run twice a day from the first of June.",
        "Tickets go on sale next week, and children under twelve will travel free all summer.",
        "Timetable: depart Westford at eight and at four, return from the islands at ten and six",
        "The operator said the new boat carries two hundred people and forty cars at a time.",
    ]
    teasers = [
        "Related Posts",
        "Council Votes On Harbour Budget",
        "Members met on Tuesday and agreed the budget for the harbour after a long debate.",
        "School Opens New Library",
        "Pupils moved into the new library on Monday, which has room for ten thousand books.",
    ]
    a = recover("\n\n".join(["Ferry Returns To The Islands", *article, *teasers]))
    assert "Timetable: depart Westford" in a.text
    assert a.text.endswith("forty cars at a time.")
    assert "harbour after a long debate" not in a.text
