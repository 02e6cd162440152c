"""What page_meta reads around the headline (hand-written pages)."""

from __future__ import annotations

from lxml import html

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
