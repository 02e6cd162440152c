from __future__ import annotations

from pytest import MonkeyPatch

from presstrace.corpus import stories
from presstrace.corpus.stories import (
    StoryInput,
    assignments,
    cluster,
    merge_linked,
    stated_year,
    update,
)
from tests.corpus import texts

OTHER_FIRE = (
    "A fire gutted a warehouse on the industrial estate in Kellby on Thursday afternoon, and "
    "one worker was taken to hospital with burns, the county fire brigade said. Crews from "
    "Kellby and Oston fought the flames for four hours. The owner, Dmitri Sokol, said stock "
    "worth £2 million had been lost."
)


def _items(dates: dict[str, str | None]) -> list[StoryInput]:
    bodies = {
        "orig": texts.ORIGINAL,
        "same": texts.SAME_STORY,
        "spun": texts.SPUN,
        "chess": texts.UNRELATED,
        "kellby": OTHER_FIRE,
    }
    return [StoryInput(k, bodies[k], date=dates.get(k)) for k in bodies]


def test_same_event_together_other_events_apart() -> None:
    story = assignments(cluster(_items({})))
    assert story["orig"] == story["same"] == story["spun"]
    assert story["chess"] != story["orig"]
    assert story["kellby"] != story["orig"]  # another fire is another story


def test_time_window_splits_distant_articles() -> None:
    dates = {"orig": "2026-05-03", "spun": "2026-05-04", "same": "2026-08-20"}
    story = assignments(cluster(_items(dates), window_days=7))
    assert story["orig"] == story["spun"]
    assert story["same"] != story["orig"]


def test_story_metadata_spans_its_articles() -> None:
    items = [
        StoryInput("a", texts.ORIGINAL, "Footbridge burns", "2026-05-03", "one.example"),
        StoryInput("b", texts.SPUN, None, "2026-05-05", "two.example"),
    ]
    (story,) = cluster(items)
    assert (story.title, story.first_date, story.last_date) == (
        "Footbridge burns",
        "2026-05-03",
        "2026-05-05",
    )
    assert story.outlets == ("one.example", "two.example")


def test_copy_links_merge_stories() -> None:
    found = cluster(_items({}))
    story = assignments(found)
    assert story["chess"] != story["kellby"]
    merged = assignments(merge_linked(found, [("chess", "kellby")]))
    assert merged["chess"] == merged["kellby"]
    assert len(set(merged.values())) == len(set(story.values())) - 1


def test_update_places_arrivals_without_renumbering() -> None:
    dates = {"orig": "2026-05-03", "chess": "2026-05-03", "kellby": "2026-05-04"}
    first = [it for it in _items(dates) if it.id in dates]
    before = {s.id: [m.id for m in s.members] for s in cluster(first)}
    later = _items({**dates, "spun": "2026-05-05", "same": "2026-05-06"})
    after = update(later, before, {"spun", "same"})
    story = assignments(after)
    for sid, members in before.items():  # every old article keeps its story id
        assert {story[m] for m in members} == {sid}
    assert story["spun"] == story["same"] == story["orig"]
    assert len(after) == len(before)


def test_update_opens_a_story_for_an_unrelated_arrival() -> None:
    first = [StoryInput("orig", texts.ORIGINAL, date="2026-05-03")]
    before = {s.id: [m.id for m in s.members] for s in cluster(first)}
    later = [*first, StoryInput("chess", texts.UNRELATED, date="2026-05-04")]
    story = assignments(update(later, before, {"chess"}))
    assert story["orig"] in before and story["chess"] not in before


def test_update_moves_a_changed_article() -> None:
    items = _items({})
    before = {s.id: [m.id for m in s.members] for s in cluster(items)}
    old = assignments(cluster(items))
    rewritten = [StoryInput("chess", OTHER_FIRE) if it.id == "chess" else it for it in items]
    story = assignments(update(rewritten, before, {"chess"}))
    assert story["chess"] == story["kellby"] == old["kellby"]


def test_update_never_reuses_the_id_of_a_story_left_behind() -> None:
    items = [
        StoryInput("orig", texts.ORIGINAL, date="2026-05-03"),
        StoryInput("spun", texts.SPUN, date="2026-05-04"),
    ]
    before = {s.id: [m.id for m in s.members] for s in cluster(items)}
    assert list(before) == ["story-orig"]
    edited = [StoryInput("orig", texts.UNRELATED, date="2026-05-03"), items[1]]
    after = update(edited, before, {"orig"})
    assert sorted(s.id for s in after) == ["story-orig", "story-orig-own"]
    assert assignments(after)["spun"] == "story-orig"


def test_stated_year_is_the_latest_year_of_an_undated_lead() -> None:
    text = "Updated March 4, 2009. The dam, finished in 1998, held 2,010 tonnes of silt."
    assert stated_year(StoryInput("a", text)) == "2009"
    assert stated_year(StoryInput("b", text, date="2009-03-04")) is None  # the date rules
    assert stated_year(StoryInput("c", "The dam held 2,010 tonnes, or 2010.5 m3.")) is None


FLOOD = (
    " Floods drove families from their homes in Marlow, the emergency office said, and rescue"
    " boats searched the streets."
)
FLOOD_2004 = FLOOD + " It was June 3, 2004."
FLOOD_2011 = FLOOD + " It was May 9, 2011."


def _floods(date: str | None = None) -> list[StoryInput]:
    """Two floods in one town, years apart, told in mostly the same words."""
    return [
        StoryInput("a1", "The river rose two metres overnight." + FLOOD_2004, date=date),
        StoryInput("a2", "The river rose two metres in one night." + FLOOD_2004, date=date),
        StoryInput("b1", "A bridge on the ring road collapsed." + FLOOD_2011, date=date),
        StoryInput("b2", "The ring road bridge collapsed." + FLOOD_2011, date=date),
    ]


def test_undated_articles_stating_other_years_are_other_events(monkeypatch: MonkeyPatch) -> None:
    story = assignments(cluster(_floods(), threshold=0.25))
    assert story["a1"] == story["a2"]
    assert story["b1"] == story["b2"]
    assert story["a1"] != story["b1"]
    monkeypatch.setattr(stories, "YEAR_PENALTY", 0.0)  # without the rule: one flood
    monkeypatch.setattr(stories, "YEAR_BONUS", 0.0)
    story = assignments(cluster(_floods(), threshold=0.25))
    assert story["a1"] == story["b1"]


def test_dated_articles_ignore_the_years_they_state() -> None:
    story = assignments(cluster(_floods("2026-06-03"), threshold=0.25))
    assert story["a1"] == story["b1"]
