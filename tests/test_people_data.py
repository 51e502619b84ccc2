"""people.tsv: office holders by date (one person, several offices), coverage, well-formed rows,
and user dictionaries that add people or win over a built-in entry."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.kb import SECTORS, load_knowledge_base, load_people
from eventwire.cli.actors import is_head_office
from eventwire.data import data_path

PEOPLE = data_path("actors/people.tsv")
IGO_ORGS = {"UN", "NATO", "EU", "AU", "IAEA", "WHO", "IMF", "WORLD_BANK", "ICC", "ARAB_LEAGUE", "WTO"}

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()


@pytest.fixture(scope="module")
def people():
    return load_people()


def offices(entries, name: str, on: date) -> list[tuple[str | None, str | None, str | None]]:
    return sorted((e.country, e.sector, e.office) for e in entries
                  if e.kind == "person" and name in e.names and e.valid_on(on))


def test_un_member_list_is_complete():
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193


def test_one_person_holds_two_offices_at_two_dates(people):
    assert offices(people, "Putin", date(2010, 6, 1)) == [("RUS", "GOV", "prime minister")]
    assert offices(people, "Putin", date(2013, 6, 1)) == [("RUS", "GOV", "president")]
    assert offices(people, "Putin", date(1995, 1, 1)) == []


def test_knowledge_base_resolves_a_bare_name_by_date():
    kb = load_knowledge_base()
    (in_2010,) = [e for e in kb.lookup("Putin", on=date(2010, 6, 1)) if e.kind == "person"]
    assert (in_2010.code, in_2010.office) == ("RUSGOV", "prime minister")
    assert in_2010.end == date(2012, 5, 7) and "people.tsv" in in_2010.source
    (in_2013,) = [e for e in kb.lookup("putin", on=date(2013, 1, 1)) if e.kind == "person"]
    assert in_2013.office == "president"
    # spellings and transliterations resolve to the same office holder
    for spelling in ("Erdogan", "Erdoğan", "Assad", "Bashar al-Assad", "Gaddafi", "Qaddafi", "Kadhafi"):
        assert kb.lookup(spelling, on=date(2011, 3, 1)), spelling



def _person(kb, name: str, on: date):
    """The office holders a bare name denotes on a date."""
    return [e for e in kb.lookup(name, on=on) if e.kind == "person"]


def test_bare_names_from_the_1980s_and_1990s_resolve_by_date():
    kb = load_knowledge_base()
    (mitterrand,) = _person(kb, "Mitterrand", date(1990, 6, 1))
    assert (mitterrand.code, mitterrand.office) == ("FRAGOV", "president")
    gorbachev = _person(kb, "Gorbachev", date(1989, 6, 1))
    assert gorbachev and {e.code for e in gorbachev} == {"RUSGOV"}
    assert {e.code for e in _person(kb, "Kohl", date(1995, 6, 1))} == {"DEUGOV"}
    assert _person(kb, "Kohl", date(2005, 6, 1)) == []  # out of office since 1998
    assert _person(kb, "Gorbachev", date(1995, 6, 1)) == []
    # a name borne by office holders of different eras goes to the one in office on the date
    assert [e.office for e in _person(kb, "Bush", date(1990, 6, 1))] == ["president"]
    assert [e.start.year for e in _person(kb, "Bush", date(2005, 6, 1))] == [2001]
    assert {e.code for e in _person(kb, "Assad", date(1990, 6, 1))} == {"SYRGOV"}
    assert {e.names[0] for e in _person(kb, "Assad", date(2010, 6, 1))} == {"Bashar al-Assad"}


@pytest.mark.parametrize("name, on, root", [
    ("Yeltsin", date(1995, 6, 1), "RUS"), ("Reagan", date(1985, 6, 1), "USA"),
    ("Thatcher", date(1985, 6, 1), "GBR"), ("Mubarak", date(1990, 6, 1), "EGY"),
    ("Arafat", date(1988, 6, 1), "PSE"), ("Rabin", date(1993, 9, 13), "ISR"),
    ("Rabin", date(1988, 6, 1), "ISR"), ("Shamir", date(1990, 6, 1), "ISR"),
    ("Saddam Hussein", date(1990, 8, 2), "IRQ"), ("Milosevic", date(1992, 6, 1), "SRB"),
    ("Tudjman", date(1993, 6, 1), "HRV"), ("Izetbegovic", date(1993, 6, 1), "BIH"),
    ("Mandela", date(1992, 6, 1), "ZAF"), ("de Klerk", date(1992, 6, 1), "ZAF"),
    ("Mobutu", date(1991, 6, 1), "COD"), ("Museveni", date(1990, 6, 1), "UGA"),
    ("Habyarimana", date(1993, 6, 1), "RWA"), ("Doe", date(1985, 6, 1), "LBR"),
    ("Taylor", date(1991, 6, 1), "LBR"), ("Gaddafi", date(1986, 4, 15), "LBY"),
    ("Khamenei", date(1985, 6, 1), "IRN"), ("Rafsanjani", date(1992, 6, 1), "IRN"),
    ("Deng Xiaoping", date(1985, 6, 1), "CHN"), ("Li Peng", date(1989, 6, 4), "CHN"),
    ("Jiang Zemin", date(1990, 6, 1), "CHN"), ("Kaifu", date(1990, 6, 1), "JPN"),
    ("Nakasone", date(1985, 6, 1), "JPN"), ("Rajiv Gandhi", date(1987, 6, 1), "IND"),
    ("Zia-ul-Haq", date(1985, 6, 1), "PAK"), ("Benazir Bhutto", date(1989, 6, 1), "PAK"),
    ("Nawaz Sharif", date(1991, 6, 1), "PAK"), ("Suharto", date(1990, 6, 1), "IDN"),
    ("Aquino", date(1987, 6, 1), "PHL"), ("Marcos", date(1985, 6, 1), "PHL"),
    ("Menem", date(1990, 6, 1), "ARG"), ("Alfonsin", date(1985, 6, 1), "ARG"),
    ("Pinochet", date(1985, 6, 1), "CHL"), ("Fujimori", date(1992, 4, 5), "PER"),
    ("Noriega", date(1988, 6, 1), "PAN"), ("Ortega", date(1986, 6, 1), "NIC"),
    ("Castro", date(1985, 6, 1), "CUB"), ("Honecker", date(1985, 6, 1), "DEU"),
    ("Shultz", date(1985, 6, 1), "USA"), ("Baker", date(1990, 6, 1), "USA"),
    ("Christopher", date(1994, 6, 1), "USA"), ("Gromyko", date(1983, 6, 1), "RUS"),
    ("Shevardnadze", date(1988, 6, 1), "RUS"), ("Kozyrev", date(1993, 6, 1), "RUS"),
    ("Primakov", date(1997, 6, 1), "RUS"), ("Genscher", date(1989, 6, 1), "DEU"),
    ("Kinkel", date(1995, 6, 1), "DEU"), ("Hurd", date(1992, 6, 1), "GBR"),
    ("Peres", date(1993, 9, 13), "ISR"), ("Velayati", date(1988, 6, 1), "IRN"),
    ("Tariq Aziz", date(1990, 6, 1), "IRQ"),
])
def test_leaders_and_foreign_ministers_of_1980_1999_resolve(name, on, root):
    kb = load_knowledge_base()
    found = _person(kb, name, on)
    assert found, f"{name} on {on}: nothing"
    assert {e.root for e in found} == {root}, [e.describe() for e in found]


@pytest.mark.parametrize("name, on, org", [
    ("Perez de Cuellar", date(1988, 6, 1), "UN"), ("Boutros-Ghali", date(1994, 6, 1), "UN"),
    ("Waldheim", date(1980, 6, 1), "UN"), ("Delors", date(1990, 6, 1), "EU"),
    ("Wörner", date(1990, 6, 1), "NATO"), ("Solana", date(1997, 6, 1), "NATO"),
    ("Salim Ahmed Salim", date(1995, 6, 1), "AU"), ("Blix", date(1991, 6, 1), "IAEA"),
])
def test_igo_heads_of_1980_1999_resolve(name, on, org):
    kb = load_knowledge_base()
    found = _person(kb, name, on)
    assert found and {(e.org, e.country, e.sector) for e in found} == {(org, None, "IGO")}


@pytest.mark.parametrize("on", [date(1985, 6, 1), date(1990, 1, 1), date(1995, 6, 1)])
def test_heads_of_state_or_government_are_listed_back_to_1980(people, on):
    # the major powers and most of today's UN members had a listed head on these dates
    heads = {e.country for e in people if e.country and is_head_office(e.office) and e.valid_on(on)}
    for iso in ("USA", "RUS", "GBR", "FRA", "DEU", "CHN", "JPN", "IND", "ISR", "EGY", "SYR", "IRN", "IRQ"):
        assert iso in heads, iso
    share, gaps = _head_coverage(people, on)
    print(f"{on}: {share:.1%} of today's UN members covered; gaps: {' '.join(gaps) or 'none'}")
    assert share >= 0.8, gaps


def test_the_same_person_and_office_never_overlaps(people):
    by_key: dict[tuple, list] = {}
    for e in people:
        by_key.setdefault((e.names[0], e.country, e.org, e.office), []).append(e)
    for key, rows in by_key.items():
        rows.sort(key=lambda e: e.start)
        for a, b in zip(rows, rows[1:]):
            assert a.end is not None and a.end <= b.start, f"{key}: {a.source} overlaps {b.source}"

def test_igo_officials_carry_the_org_and_no_country(people):
    on = date(2019, 6, 1)
    assert offices(people, "Guterres", on) == [(None, "IGO", "secretary-general")]
    (stoltenberg,) = [e for e in people if "Jens Stoltenberg" in e.names and e.valid_on(on)]
    assert (stoltenberg.org, stoltenberg.country) == ("NATO", None)
    # the same man was Norway's prime minister earlier
    assert offices(people, "Stoltenberg", date(2010, 1, 1)) == [("NOR", "GOV", "prime minister")]


def _head_coverage(people, on: date) -> tuple[float, list[str]]:
    covered = {e.country for e in people if e.country and is_head_office(e.office) and e.valid_on(on)}
    gaps = [c for c in UN_MEMBERS if c not in covered]
    return 1 - len(gaps) / len(UN_MEMBERS), gaps


@pytest.mark.parametrize("on", [date(2012, 6, 5), date(2020, 1, 1)])
def test_every_un_member_has_a_head_of_state_or_government(people, on):
    share, gaps = _head_coverage(people, on)
    print(f"{on}: {share:.1%} of UN members covered; gaps: {' '.join(gaps) or 'none'}")
    assert share >= 0.95, gaps


def test_rows_are_well_formed(people):
    assert len(people) > 1000
    assert len({e.names[0] for e in people}) > 1000
    for e in people:
        where = f"{e.names[0]} ({e.source})"
        assert e.start is not None, f"{where}: no start date"
        assert e.end is None or e.end >= e.start, f"{where}: ends before it starts"
        assert e.office, f"{where}: no office"
        assert e.sector in SECTORS, f"{where}: sector {e.sector!r}"
        assert bool(e.country) != bool(e.org), f"{where}: needs a country or an org, not both"
        if e.org:
            assert e.org in IGO_ORGS, f"{where}: org {e.org!r}"
        else:
            assert len(e.country) == 3 and e.country.isupper(), where
        assert len(set(e.names)) == len(e.names), f"{where}: repeated alias"


def test_countries_are_known_to_the_country_table(people):
    kb = load_knowledge_base()
    unknown = {e.country for e in people if e.country} - set(kb.countries)
    assert not unknown


def test_file_starts_with_a_header_saying_how_to_extend_it():
    head = PEOPLE.read_text(encoding="utf-8").split("\nname\t", 1)[0]
    assert head.startswith("#")
    for word in ("Source", "Dates", "Extend", "--dictionary"):
        assert word in head


# -- user dictionaries ----------------------------------------------------------------------------
def _write(tmp_path, text: str):
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_dictionary_adds_a_person(tmp_path):
    path = _write(tmp_path, """
people:
  - {name: Jane Doe, aliases: [Doe], country: FRA, sector: GOV, office: foreign minister,
     start: 2026-01-01}
""")
    kb = load_knowledge_base(user_dictionaries=[path])
    (doe,) = kb.lookup("Doe", on=date(2026, 6, 1))
    assert (doe.kind, doe.code, doe.office, doe.source) == ("user", "FRAGOV", "foreign minister", "mine.yaml")
    assert kb.lookup("Doe", on=date(2025, 6, 1)) == []  # not yet in office
    # the built-in knowledge base is untouched (its only "Doe" is Liberia's Samuel Doe, 1980-1990)
    assert load_knowledge_base().lookup("Doe", on=date(2026, 6, 1)) == []
    assert all(e.kind == "person" and e.country == "LBR" for e in load_knowledge_base().lookup("Doe"))


def test_a_user_dictionary_wins_over_a_built_in_entry(tmp_path):
    path = _write(tmp_path, """
people:
  - name: Vladimir Putin
    aliases: [Putin]
    country: BLR
    sector: GOV
    office: honorary chairman
    start: 2000-01-01
""")
    kb = load_knowledge_base(user_dictionaries=[path])
    (entry,) = kb.lookup("Putin", on=date(2013, 1, 1))
    assert (entry.kind, entry.country, entry.office) == ("user", "BLR", "honorary chairman")
    assert all(e.kind == "user" for e in kb.by_name["putin"])
