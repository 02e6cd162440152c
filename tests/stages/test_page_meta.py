"""What page_meta reads around the headline (hand-written pages)."""

from __future__ import annotations

from lxml import html

from presstrace.stages import page_meta
from presstrace.stages.page_meta import read


def test_header_lines_start_at_the_headline_then_look_above_it() -> None:
    tree = html.fromstring(
        "<html><body><nav><span>Home</span></nav>"
        "<div><span>Updated: 04.03.2021</span><span>Opinion</span></div>"
        "<h1>Bridge works end</h1><p>By Jane Roe</p>"
        "<p>The harbour bridge in Eastport opened again on Monday after a repair that took "
        "two years and cost the city thirty million pounds.</p>"
        "<footer><span>12 May 2020</span></footer></body></html>"
    )
    lines = read(tree).header_lines
    assert lines == ["Bridge works end", "By Jane Roe", "Opinion", "Updated: 04.03.2021"]


def test_no_headline_no_header_lines() -> None:
    tree = html.fromstring("<html><body><p>Published 4 March 2021</p></body></html>")
    assert read(tree).header_lines == []


def test_a_time_element_in_the_header_gives_its_machine_date() -> None:
    tree = html.fromstring(
        "<html><body><h1>Bridge works end</h1>"
        "<time datetime='2017-03-01T12:00:00Z'>03/01/2017</time></body></html>"
    )
    assert read(tree).header_lines == ["Bridge works end", "2017-03-01"]


def test_headings_above_the_first_h1() -> None:
    tree = html.fromstring(
        "<html><body><nav><h2>Menu</h2></nav><header><h2>Why the bridge took two years</h2>"
        "</header><p>The harbour bridge opened again.</p><h1>But the deck was hard</h1>"
        "<h2>Later section</h2></body></html>"
    )
    assert read(tree).headings_above == ["Why the bridge took two years"]


def test_the_class_prefilter_lets_through_every_class_a_rule_wants() -> None:
    classes = (
        "byline author-name article__author ArticleAuthor autor auteur by-author writer "
        "posted-by standfirst sub-title subheadline dek Deck sapo entradilla chapo chapeau "
        "bajada article-summary article__summary article-lede wp-caption-text photo-credit "
        "promo teaser related-links"
    ).split()
    for cls in classes:
        wanted = (
            page_meta._BYLINE.search(cls)
            or page_meta._STANDFIRST.search(cls)
            or page_meta._FURNITURE.search(cls.lower())
        )
        assert wanted, cls
        assert page_meta._CLASS_WORDS.search(cls.lower()), cls


def test_one_walk_reads_bylines_standfirst_links_captions_times_and_furniture() -> None:
    tree = html.fromstring(
        "<html><body><nav><span class='byline'>Menu Person</span></nav>"
        "<div class='Article-Byline'>Jane Roe</div>"
        "<p class='standfirst'>A standfirst long enough to count as the article's own.</p>"
        "<a href='/author/jane-roe'>Jane Roe</a>"
        "<figure><img src='x.jpg'><figcaption>Harbour at dawn "
        "<span class='credit'>Ann Lee</span></figcaption></figure>"
        "<time datetime='2025-03-04T10:00'>4 March</time>"
        "<div class='related-stories'>More stories</div></body></html>"
    )
    pm = read(tree)
    assert pm.byline_texts == ["Jane Roe"]
    assert pm.standfirst == "A standfirst long enough to count as the article's own."
    assert pm.author_links == ["Jane Roe"]
    assert pm.captions == [("Harbour at dawn", "Ann Lee")]
    assert pm.time_dates == ["2025-03-04"]
    assert "More stories" in pm.furniture


def test_an_h1_is_placed_in_an_article_a_header_or_when_named_a_title() -> None:
    def placed(body: str) -> bool:
        return read(html.fromstring(f"<html><body>{body}<p>Text.</p></body></html>")).h1_placed

    assert placed("<article><div><h1>Bridge works end</h1></div></article>")
    assert placed("<header class='top'><h1>Bridge works end</h1></header>")
    assert placed("<div><h1 class='entry-title'>Bridge works end</h1></div>")
    assert placed("<div><h1 itemprop='headline'>Bridge works end</h1></div>")
    assert not placed("<div class='hero'><div><h1>Plan your bridge trip today</h1></div></div>")
