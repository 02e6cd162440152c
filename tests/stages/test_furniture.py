from __future__ import annotations

from lxml import html

from presstrace import Resources
from presstrace.stages import furniture

STORY = (
    "The harbour bridge in Eastport opened again on Monday after a repair of two years. "
    "Council engineer Priya Shah said the steel deck had been replaced in full this spring."
)


def _page(extra: str) -> str:
    return f"<html><body><article><p>{STORY}</p><p>{STORY}</p>{extra}</article></body></html>"


def test_named_containers_give_their_reason() -> None:
    bio = "Jane Roe covers transport and the harbour for the Herald."
    slide = "Ten ferries that changed the town"
    tree = html.fromstring(
        _page(
            f"<div class='author-bio'><p>{bio}</p></div>"
            f"<div class='swiper-slide'><h3>{slide}</h3></div>"
        )
    )
    found = furniture.containers(tree, 80, Resources())
    assert furniture.reason_for(bio, found) == "author_bio"
    assert furniture.reason_for(slide, found) == "template"
    assert furniture.reason_for(STORY, found) is None


def test_a_line_inside_a_named_container_counts_only_when_long_enough() -> None:
    tree = html.fromstring(
        _page(
            "<div class='carousel'><p>Bridge news</p>"
            "<p>Ferries cut their evening trips from May until the autumn</p></div>"
        )
    )
    found = furniture.containers(tree, 80, Resources())
    assert (
        furniture.reason_for("Ferries cut their evening trips from May until the autumn", found)
        == "template"
    )
    # two words that merely occur inside the container are not enough
    assert furniture.reason_for("Bridge news", found) is None


def test_a_named_wrapper_holding_the_article_is_not_furniture() -> None:
    # "bio" in the class of the wrapper of the whole story: the story's own container
    tree = html.fromstring(f"<html><body><div class='bio-page'><p>{STORY}</p></div></body></html>")
    found = furniture.containers(tree, 30, Resources())
    assert furniture.reason_for(STORY, found) is None
