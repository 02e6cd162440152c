from __future__ import annotations

from presstrace import Resources
from presstrace.stages.places import Gazetteer, Place, is_known_place, place_info, resolve_place


def test_alternate_spellings_resolve_to_the_gazetteer_name(light_resources: Resources) -> None:
    kiev = resolve_place("Kiev", light_resources)
    assert kiev is not None and kiev.name == "Kyiv" and kiev.country == "UA"
    assert kiev.lat is not None and 50 < kiev.lat < 51
    bryansk = resolve_place("Briansk", light_resources)
    assert bryansk is not None and bryansk.name == "Bryansk" and bryansk.country == "RU"
    kharkiv = resolve_place("Kharkov", light_resources)
    assert kharkiv is not None and kharkiv.name == "Kharkiv"


def test_countries_regions_and_the(light_resources: Resources) -> None:
    russia = resolve_place("the Russian Federation", light_resources)
    assert russia is not None and russia.kind == "country" and russia.name == "Russia"
    crimea = resolve_place("Crimea", light_resources)
    assert crimea is not None and crimea.kind == "region" and crimea.lat is not None
    us = resolve_place("U.S.", light_resources)
    assert us is not None and us.name == "United States"


def test_ambiguous_names_stay_unresolved(light_resources: Resources) -> None:
    # several US towns called Jackson, none dominant
    assert resolve_place("Jackson", light_resources) is None
    assert not is_known_place("Jackson", light_resources)
    # London, Ontario is dwarfed by London, England
    london = resolve_place("London", light_resources)
    assert london is not None and london.country == "GB"


def test_context_countries_pick_among_equals() -> None:
    gaz = Gazetteer()
    gaz.add(Place("1", "Springfield", "US", "city", 1.0, 1.0, 100_000))
    gaz.add(Place("2", "Springfield", "AU", "city", 2.0, 2.0, 90_000))
    assert gaz.resolve("Springfield") is None
    found = gaz.resolve("Springfield", countries={"AU"})
    assert found is not None and found.id == "2"


def test_place_info_round_trips_an_id(light_resources: Resources) -> None:
    voronezh = resolve_place("Voronezh", light_resources)
    assert voronezh is not None
    assert place_info(voronezh.id, light_resources) == voronezh
    assert place_info("no-such-id", light_resources) is None
    assert resolve_place("Nowhereville", light_resources) is None


def test_accents_and_alternate_names(light_resources: Resources) -> None:
    izmir = resolve_place("Izmir", light_resources)
    assert izmir is not None and izmir.country == "TR"
    # GeoNames' alternate name of a large city, used only when no place bears the name
    calicut = resolve_place("Calicut", light_resources)
    assert calicut is not None and calicut.name == "Kozhikode"
    # alternate names do not make a name "known" enough to overrule the NER model
    assert not is_known_place("Calicut", light_resources)


def test_us_state_context_picks_the_city() -> None:
    gaz = Gazetteer()
    gaz.add(Place("1", "Lakeport", "US", "city", 1.0, 1.0, 100_000, "CA"))
    gaz.add(Place("2", "Lakeport", "US", "city", 2.0, 2.0, 90_000, "TX"))
    assert gaz.resolve("Lakeport", countries={"US"}) is None
    found = gaz.resolve("Lakeport", countries={"US"}, states={"TX"})
    assert found is not None and found.id == "2"


def test_a_world_city_beats_a_small_local_namesake() -> None:
    gaz = Gazetteer()
    gaz.add(Place("1", "Lutece", "FR", "city", 1.0, 1.0, 2_000_000))
    gaz.add(Place("2", "Lutece", "US", "city", 2.0, 2.0, 20_000, "TX"))
    found = gaz.resolve("Lutece", countries={"US"})
    assert found is not None and found.id == "1"
    # ... unless the article is set in that town's own state
    found = gaz.resolve("Lutece", countries={"US"}, states={"TX"})
    assert found is not None and found.id == "2"
    # a local place only 25 times smaller keeps the article's context
    gaz.add(Place("3", "Tamford", "GB", "city", 1.0, 1.0, 2_500_000))
    gaz.add(Place("4", "Tamford", "CA", "city", 2.0, 2.0, 100_000))
    found = gaz.resolve("Tamford", countries={"CA"})
    assert found is not None and found.id == "4"
    # a US state (no population recorded) is never outranked by a foreign city
    gaz.add(Place("5", "Oregano", "US", "state", admin1="OG"))
    gaz.add(Place("6", "Oregano", "CU", "city", 3.0, 3.0, 60_000))
    found = gaz.resolve("Oregano", countries={"US"})
    assert found is not None and found.id == "5"


def test_okina_and_hyphens_are_ignored_in_lookups(light_resources: Resources) -> None:
    hawaii = resolve_place("Hawaiʻi", light_resources)
    assert hawaii is not None and hawaii.kind == "state"
    us = resolve_place("United-States", light_resources)
    assert us is not None and us.kind == "country" and us.country == "US"


def test_a_tie_between_countries_goes_to_the_articles_main_country() -> None:
    gaz = Gazetteer()
    gaz.add(Place("1", "Lakeside", "CA", "city", 1.0, 1.0, 300_000))
    gaz.add(Place("2", "Lakeside", "US", "city", 2.0, 2.0, 100_000))
    assert gaz.resolve("Lakeside", countries={"CA", "US"}) is None
    found = gaz.resolve("Lakeside", countries={"CA", "US"}, weights={"CA": 3, "US": 1})
    assert found is not None and found.id == "1"
    assert gaz.resolve("Lakeside", countries={"CA", "US"}, weights={"CA": 2, "US": 2}) is None


def test_a_us_state_beats_the_towns_named_after_it(light_resources: Resources) -> None:
    for name in ("Oregon", "Virginia", "Colorado", "Wyoming"):
        place = resolve_place(name, light_resources, countries={"US"})
        assert place is not None and place.kind == "state", name
    washington = resolve_place("Washington", light_resources, countries={"US"})
    assert washington is not None and washington.kind == "city"  # D.C. is a big city
