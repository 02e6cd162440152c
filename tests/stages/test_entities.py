from __future__ import annotations

from presstrace import Resources
from presstrace.records import Article
from presstrace.stages.entities import (
    Mention,
    assign_roles,
    bare,
    entities,
    placed_names,
    repair_orgs,
    strip_titles,
)
from presstrace.stages.places import place_info


def _run(resources: Resources, text: str) -> Article:
    return entities(Article(text=text), resources.nlp(text), resources)


def test_bare_drops_the_and_possessive() -> None:
    assert bare("the Royal Navy’s") == "Royal Navy"
    assert bare("The  Senate") == "Senate"


def test_surnames_corefer_to_the_full_name(resources: Resources) -> None:
    text = (
        "Ukraine’s deputy health minister, Olena Petrenko, visited the hospital. "
        "According to Petrenko, the wards were full."
    )
    art = _run(resources, text)
    people = [e for e in art.entities if e.label == "PERSON"]
    assert {e.name for e in people} == {"Olena Petrenko"}
    short = [e for e in people if e.text == "Petrenko"]
    assert short and short[0].role == "Ukraine’s deputy health minister"
    for e in art.entities:
        assert text[e.start : e.end] == e.text


def test_known_places_are_places_and_resolved(resources: Resources) -> None:
    text = "Shelling hit Kharkov and Briansk overnight, officials in Kiev said."
    art = _run(resources, text)
    places = {e.text: e for e in art.entities if e.label == "PLACE"}
    assert {"Kharkov", "Briansk", "Kiev"} <= set(places)
    assert places["Kiev"].name == "Kyiv"
    pid = places["Briansk"].place_id
    assert pid is not None
    info = place_info(pid, resources)
    assert info is not None and info.country == "RU"


def test_truncated_org_is_repaired(resources: Resources) -> None:
    text = "Fighters from the Legion of Freedom for Russia crossed the border on Monday."
    doc = resources.nlp(text)
    # the small model's typical cut: "the Legion of Freedom for" + "Russia"
    start = text.index("the Legion")
    cut = text.index("Russia")
    org, gpe = doc.char_span(start, cut - 1), doc.char_span(cut, cut + len("Russia"))
    assert org is not None and gpe is not None and gpe.text == "Russia"
    mentions = [Mention(org.start, org.end, "ORG"), Mention(gpe.start, gpe.end, "GPE")]
    fixed = repair_orgs(doc, mentions)
    assert len(fixed) == 1 and doc[fixed[0].start : fixed[0].end].text.endswith("for Russia")


def test_place_cues_make_a_bare_name_a_place(resources: Resources) -> None:
    text = "Water reached the town of Marrowby at dawn. Later Harlan spoke."
    doc = resources.nlp(text)
    town = doc.char_span(text.index("Marrowby"), text.index("Marrowby") + len("Marrowby"))
    man = doc.char_span(text.index("Harlan"), text.index("Harlan") + len("Harlan"))
    assert town is not None and man is not None
    mentions = [
        Mention(town.start, town.end, "PERSON", "Marrowby"),
        Mention(man.start, man.end, "PERSON", "Harlan"),
    ]
    assert placed_names(doc, mentions, resources) == {"Marrowby"}


def test_place_lists_split_and_resolve_in_state_context(resources: Resources) -> None:
    text = "The lorry overturned near Pasadena, California on Monday."
    places = {e.text: e for e in _run(resources, text).entities if e.label == "PLACE"}
    pasadena = places["Pasadena"].place_id
    assert pasadena is not None
    info = place_info(pasadena, resources)
    assert info is not None and info.admin1 == "CA"
    text = "A bus crashed into a bridge in Winchester, Hampshire, England this morning."
    places = {e.text: e for e in _run(resources, text).entities if e.label == "PLACE"}
    assert "Winchester" in places and places["Winchester"].place_id is not None
    info = place_info(places["Winchester"].place_id or "", resources)
    assert info is not None and info.country == "GB"


def test_unlabelled_name_after_a_cue_is_a_place_when_known(resources: Resources) -> None:
    text = "The flight from Dubai made a second attempt at a landing at Calicut during the rain."
    places = {e.text: e for e in _run(resources, text).entities if e.label == "PLACE"}
    assert "Calicut" in places and places["Calicut"].name == "Kozhikode"


def test_org_with_a_trailing_place_is_split(resources: Resources) -> None:
    text = "He died at the Harlow Memorial Medical Center in College Station, Texas last week."
    art = _run(resources, text)
    places = {e.text for e in art.entities if e.label == "PLACE"}
    assert "College Station" in places
    assert all("College Station" not in e.text for e in art.entities if e.label == "ORG")


def test_place_closing_a_title_leaves_the_name(resources: Resources) -> None:
    text = "Mayor of Koszalin Piotr Jedlinski has declared a day of mourning."
    people = [e for e in _run(resources, text).entities if e.label == "PERSON"]
    assert [(e.text, e.role) for e in people] == [("Piotr Jedlinski", "Mayor of Koszalin")]


def test_missed_name_with_a_role_apposition_is_a_person(resources: Resources) -> None:
    text = "Marek Zielny, a fire service spokesman, told reporters the blaze was out."
    people = [e for e in _run(resources, text).entities if e.label == "PERSON"]
    assert any(e.name == "Marek Zielny" and e.role == "fire service spokesman" for e in people)


def test_a_title_tail_stays_out_of_the_name(resources: Resources) -> None:
    text = (
        "The bomb was left in a market, stated Minister of Information Moammar al-Eryani, "
        "and then went off."
    )
    doc = resources.nlp(text)
    art = entities(Article(text=text), doc, resources)
    (person,) = [e for e in art.entities if e.label == "PERSON"]
    assert (person.name, person.role) == ("Moammar al-Eryani", "Minister of Information")


def test_name_after_a_lower_case_title_is_a_person(resources: Resources) -> None:
    text = "The agency announced the death of cosmonaut Pavel Orlovsky on Friday."
    people = [e for e in _run(resources, text).entities if e.label == "PERSON"]
    assert any(e.name == "Pavel Orlovsky" and e.role == "cosmonaut" for e in people)


def test_org_holding_a_title_and_a_name_becomes_the_person(resources: Resources) -> None:
    doc = resources.nlp("Yesterday United States Representative Harold Baines died.")
    start = next(t.i for t in doc if t.text == "United")
    m = Mention(start, start + 5, "ORG")
    strip_titles(doc, [m], resources)
    assert (m.label, doc[m.start : m.end].text) == ("PERSON", "Harold Baines")


def test_names_listed_beside_us_states_are_states(resources: Resources) -> None:
    text = "Arrests were made in Alabama, Florida, Georgia, Kansas, Ohio and Oregon last year."
    places = {e.text: e.place_id for e in _run(resources, text).entities if e.label == "PLACE"}
    georgia, oregon = (place_info(places[n], resources) for n in ("Georgia", "Oregon"))
    assert georgia is not None and (georgia.kind, georgia.country) == ("state", "US")
    assert oregon is not None and (oregon.kind, oregon.country) == ("state", "US")


def test_name_before_a_state_is_a_city_there(resources: Resources) -> None:
    text = "The suspect, Mark Doyle of Allen, Texas, was arrested on Sunday."
    places = {e.text: e.place_id for e in _run(resources, text).entities if e.label == "PLACE"}
    allen = place_info(places.get("Allen", ""), resources)
    assert allen is not None and (allen.kind, allen.admin1) == ("city", "TX")


def test_place_opening_a_title_is_a_place(resources: Resources) -> None:
    doc = resources.nlp("Yesterday United States Representative Harold Baines died.")
    start = next(t.i for t in doc if t.text == "United")
    mentions = [Mention(start, start + 5, "ORG")]
    strip_titles(doc, mentions, resources)
    assert [(m.label, doc[m.start : m.end].text) for m in mentions] == [
        ("PERSON", "Harold Baines"),
        ("GPE", "United States"),
    ]
    doc = resources.nlp("On Monday, United States District Judge Carla Moss ruled.")
    start = next(t.i for t in doc if t.text == "United")
    title = Mention(start, start + 4, "ORG")
    strip_titles(doc, [title], resources)
    assert (title.label, doc[title.start : title.end].text) == ("GPE", "United States")


def test_text_without_names_has_no_entities(resources: Resources) -> None:
    found = _run(resources, "it rained and then it stopped.").entities
    assert [e for e in found if e.label != "DATE"] == []


def _places(resources: Resources, text: str) -> dict[str, str | None]:
    return {e.text: e.place_id for e in _run(resources, text).entities if e.label == "PLACE"}


def test_the_state_of_a_name_is_the_us_state(resources: Resources) -> None:
    places = _places(resources, "A group sued the state of Georgia over the new voting law.")
    georgia = place_info(places.get("Georgia") or "", resources)
    assert georgia is not None and (georgia.kind, georgia.country) == ("state", "US")


def test_a_town_written_with_city_resolves_in_the_articles_country(resources: Resources) -> None:
    text = "Floods hit the Philippines on Monday, 30 km north of Surigao City."
    surigao = place_info(_places(resources, text).get("Surigao City") or "", resources)
    assert surigao is not None and (surigao.kind, surigao.country) == ("city", "PH")


def test_a_name_the_model_took_for_a_place_described_as_a_person(resources: Resources) -> None:
    doc = resources.nlp(
        "Oliver Fenwick, chief executive of the museum, said the vase was priceless."
    )
    guessed = Mention(0, 2, "GPE")
    assign_roles(doc, [guessed], resources)
    assert (guessed.label, guessed.role) == ("PERSON", "chief executive of the museum")
    doc = resources.nlp("Paris, the capital of France, hosted the games.")
    city = Mention(0, 1, "GPE")
    assign_roles(doc, [city], resources)
    assert city.label == "GPE"


def test_plural_title_is_shared_by_joined_names(resources: Resources) -> None:
    text = "Senators Maria Lopez and Daniel Hart voted against the bill."
    people = {e.name: e.role for e in _run(resources, text).entities if e.label == "PERSON"}
    assert people.get("Maria Lopez") == people.get("Daniel Hart") == "Senators"


def test_an_org_naming_where_a_person_is_from_is_a_place(resources: Resources) -> None:
    text = "Fire broke out in England. Police later questioned a 40-year-old Gloucester woman."
    art = _run(resources, text)
    glos = [e for e in art.entities if e.text == "Gloucester"]
    assert glos and glos[0].label == "PLACE"
    info = place_info(glos[0].place_id or "", resources)
    assert info is not None and info.country == "GB"


def _people(resources: Resources, text: str) -> dict[str, str | None]:
    return {e.name: e.role for e in _run(resources, text).entities if e.label == "PERSON"}


def test_a_title_of_office_ending_in_a_place_leaves_the_place_and_the_name(
    resources: Resources,
) -> None:
    text = "Today, Chief Executive of Hong Kong Carrie Lam delivered her annual policy speech."
    assert _people(resources, text).get("Carrie Lam") == "Chief Executive of Hong Kong"
    assert "Hong Kong" in _places(resources, text)
    text = "On Wednesday, United States Senator from Vermont Bernie Sanders ended his bid."
    assert _people(resources, text).get("Bernie Sanders") == "United States Senator from Vermont"
    assert place_info(_places(resources, text).get("Vermont") or "", resources) is not None


def test_a_capitalised_title_before_a_missed_name(resources: Resources) -> None:
    text = "He took over after the resignation of Governor Ricardo Rosselló Nevares in August."
    assert _people(resources, text).get("Ricardo Rosselló Nevares") == "Governor"
    text = '"It is over," Deputy Emergency Situations Minister Alexander Chupriyan told TASS.'
    assert "Emergency Situations" not in _people(resources, text)


def test_a_name_running_into_a_facility_word_is_no_person(resources: Resources) -> None:
    text = "Officials reported 36 infections at General Bernardo O'Higgins Riquelme Base."
    assert _people(resources, text) == {}


def test_places_after_pro_and_a_state_written_with_state(resources: Resources) -> None:
    text = "Sirhan opposed the senator's pro-Israel stance. Ip from the pro-Beijing camp spoke."
    places = _places(resources, text)
    assert {"Israel", "Beijing"} <= set(places) and all(places[p] for p in ("Israel", "Beijing"))
    text = "The border closure between New York State and Ontario raised prices."
    state = place_info(_places(resources, text).get("New York State") or "", resources)
    assert state is not None and state.kind == "state"


def test_a_country_opening_an_event_or_after_a_nationality_and_hyphen(
    resources: Resources,
) -> None:
    text = "The board met after the 2020 US Presidential Election on November 3."
    assert _places(resources, text).get("US") is not None
    text = "Canadian-US physicist Jim Pebble shared the prize."
    assert _places(resources, text).get("US") is not None


def test_first_lady_is_a_title(resources: Resources) -> None:
    text = "The president said he and his wife First Lady Ann Marlow tested positive."
    assert _people(resources, text).get("Ann Marlow") == "First Lady"


def test_georgia_among_us_states_is_the_state(resources: Resources) -> None:
    text = "The next debate will be held in Georgia, after contests in Iowa and Nevada."
    georgia = place_info(_places(resources, text).get("Georgia") or "", resources)
    assert georgia is not None and georgia.kind == "state"
    text = "Russia and Georgia fought a short war over the region."
    georgia = place_info(_places(resources, text).get("Georgia") or "", resources)
    assert georgia is not None and georgia.kind == "country"


def test_a_title_opening_a_paragraph_marks_a_missed_name(resources: Resources) -> None:
    text = "The review ends in May.\n\nCardinal Luca Ferrante of the diocese said it was late."
    people = {e.name: e.role for e in _run(resources, text).entities if e.label == "PERSON"}
    assert people.get("Luca Ferrante") == "Cardinal"
