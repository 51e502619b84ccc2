"""The implicit domestic recipient: who a protest, a crackdown or an attack is aimed at when the
text names nobody.

"Thousands demonstrated in Kirkuk", "police imposed a curfew in Cizre", "rebels exploded bombs in
Kabul": the act falls on the country where it happens (its government, its people). The CAMEO
manual's coded examples, and the PLOVER gold records made from them, code such events with that
country as the target (IRQ, TUR, AFG), and a dyad with an empty side is lost to every dyad-level
analysis. So, for the PLOVER types listed in ``lexicon.yaml`` ``domestic_recipient_types``, an
event that has no recipient gets one: the country of the event's place, or failing that the
source's own country (for protests, repression and the violence of domestic actors; an attack
by a state's military with no place named may be abroad, so it gets none). The recipient's
explanation says it is inferred; its text and span are the place's mention when it comes from
one, else empty (no span). An empty ``domestic_recipient_types`` list turns the rule off.
``domestic_recipient_codes`` adds CAMEO code prefixes coded the same way whatever their PLOVER
type: acts that fall on a country's own people (a curfew threatened or eased, a strike called off).

A third rule, ``unidentified_source_types``: an attack or an abduction that names no perpetrator
("a roadside bomb killed three soldiers near Samarra", "two men were abducted in Kidal") is coded
to an unidentified armed actor (sector UAF, CAMEO's unaligned armed forces) of the country where
it happened, the convention of ACLED ("Unidentified Armed Group (Mali)") and of the PLOVER gold
records. It needs the event's place; without one the source stays empty. Its text is empty and
its span null, and its explanation says it is inferred.

A fourth rule, ``unnamed_protester_types``: a protest that names no protester ("a rally was
held in Tunceli", "a demonstration was staged outside the court") is coded to the civilians (CVL)
of the country where it happened, ACLED's "Protesters (Turkey)". It too needs the event's place
and is marked inferred.

A second rule, ``co_national_sectors``: a state institution named only by its role ("the
government", "the army", "a judge", "the vice-president") in an event whose other side is a
non-state actor with a country, and no place to say otherwise, is taken to be of that country
("Colombian guerrillas ambushed an army patrol": the Colombian army). Opposite another state
("the government thanked China") it is left unknown. In words only (verbal events), the converse
holds too: "the Sudanese government accused rebels" makes them Sudanese rebels; in fighting it
does not ("US troops killed insurgents"). Both rules run after the places stage, since a
place's country comes first.

A fifth rule, ``sole_country_sectors``: an actor still named only by its role ("Judge X opened an
inquiry into Peruvian officials", "the interior minister allowed the rally", "rebels demanded")
is of the one country its article names, when it names one only; a non-state actor only as the
source. Not when the other side of its event is that country as a state ("the president thanked
Ghana"), except for courts and police.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..actors.kb import make_code
from ..model import Actor, Article

RULE = "lexicon.yaml domestic_recipient_types"
SOURCE_RULE = "lexicon.yaml unidentified_source_types"
PROTESTER_RULE = "lexicon.yaml unnamed_protester_types"
UNIDENTIFIED = "UAF"  # CAMEO's unaligned armed forces: an armed actor the text does not identify
DOMESTIC_BY_NATURE = {"PROTEST", "COERCE"}
INTERNATIONAL_SECTORS = {"NGO", "IGO", "MED"}  # often foreign: a rights group, the press
HOME_SECTORS = {"JUD", "COP"}  # courts and police act in their own country
DOMESTIC_SECTORS = {"REB", "COP", "CVL", "OPP", "PTY", "LAB", "EDU", "REL", "JUD", "BUS", "MED", "REF", "UAF"}


@dataclass(frozen=True)
class Implicit:
    """The stage: its two tables, read from ``lexicon.yaml``."""

    domestic_types: frozenset[str] = frozenset()
    domestic_codes: tuple[str, ...] = ()
    co_national_sectors: frozenset[str] = frozenset()
    sole_country_sectors: frozenset[str] = frozenset()
    unidentified_types: frozenset[str] = frozenset()
    unnamed_protester_types: frozenset[str] = frozenset()

    @classmethod
    def from_dictionaries(cls, dictionaries) -> "Implicit":
        def upper(key: str) -> frozenset[str]:
            return frozenset(str(t).upper() for t in dictionaries.lexicon.get(key, []) or [])

        codes = tuple(str(c) for c in dictionaries.lexicon.get("domestic_recipient_codes", []) or [])
        return cls(upper("domestic_recipient_types"), codes, upper("co_national_sectors"),
                   upper("sole_country_sectors"), upper("unidentified_source_types"),
                   upper("unnamed_protester_types"))

    def apply(self, article: Article, country_name=None, countries: set[str] | None = None) -> None:
        """``countries``: every country the article names (actors, adjectives, places)."""
        unidentified_sources(article, set(self.unidentified_types), country_name)
        unidentified_sources(article, set(self.unnamed_protester_types), country_name, sector="CVL",
                             who="unnamed civilians", rule=PROTESTER_RULE)
        co_nationals(article, set(self.co_national_sectors))
        sole_country(article, set(self.sole_country_sectors), countries or set(),
                     state=set(self.co_national_sectors))
        domestic_recipients(article, set(self.domestic_types), country_name, codes=self.domestic_codes)


def domestic_recipients(article: Article, types: set[str], country_name=None, *, codes: tuple[str, ...] = ()) -> None:
    """Give each event of ``types``, or whose CAMEO code starts with one of ``codes`` (acts that
    fall on a country's own people: a curfew threatened or eased, a strike called off), without a
    recipient its implicit domestic recipient."""
    if not types and not codes:
        return
    for event in article.events:
        by_code = bool(codes) and event.cameo.startswith(codes)
        if event.recipients or not (event.type in types or by_code) or event.negated:
            continue
        # an attack by a state with no place named may be abroad: only protests, repression and
        # the violence of domestic actors (rebels, police, crowds) fall back on the source's country
        own = by_code or event.type in DOMESTIC_BY_NATURE or any(a.sector in DOMESTIC_SECTORS for a in event.actors)
        country, why, span = _country(event, own=own)
        if country is None:
            continue
        name = (country_name(country) if country_name else None) or country
        text = article.text[span[0]:span[1]] if span else ""
        event.recipients = [Actor(
            text=text, code=country, country=country, name=name, span=span,
            explanation=(f"inferred, not named as a recipient: the {event.type} is coded against {why} "
                         f"({RULE})"))]
        event.explanation += f"; recipient inferred: {why}"


def unidentified_sources(article: Article, types: set[str], country_name=None, *, sector: str = UNIDENTIFIED,
                         who: str = "unidentified armed actor", rule: str = SOURCE_RULE) -> None:
    """Give each event of ``types`` that names no perpetrator ("a roadside bomb killed three
    soldiers near Samarra") an unidentified armed actor of the country where it happened; with
    ``sector="CVL"``, a protest that names no protester ("a rally was held in X") its civilians."""
    if not types:
        return
    for event in article.events:
        if event.actors or event.type not in types or event.negated:
            continue
        loc = event.location
        if loc is None or not loc.country:
            continue
        name = (country_name(loc.country) if country_name else None) or loc.country
        event.actors = [Actor(
            text="", code=make_code(loc.country, sector), country=loc.country, sector=sector,
            name=f"{who} ({name})",
            explanation=(f"inferred, not named: the {event.type} names no one who did it, so it is coded to "
                         f"{who} of the country of its place {loc.name!r} ({rule})"))]
        event.explanation += f"; source inferred: {who} of {loc.country}"


def co_nationals(article: Article, sectors: set[str]) -> None:
    """Give a role-only state actor the country of the other side of its event."""
    if not sectors:
        return
    for event in article.events:
        sides = (event.actors, event.recipients)
        verbal = event.quad_class in (1, 3)
        for mine, other in (sides, sides[::-1]):
            # only opposite a named non-state actor: "the government thanked China" is another
            # country's government, "Syrian rebels attacked government forces" the same one's
            known = [a for a in other if a.country and not a.org and a.sector and a.sector not in sectors]
            # and, in words only (verbal cooperation or conflict), a non-state actor named only by
            # its role opposite a named state institution: "the Sudanese government accused rebels"
            known_state = [a for a in other if a.country and not a.org and a.sector in sectors] if verbal else []
            if not (known or known_state):
                continue
            for i, actor in enumerate(mine):
                if actor.country or actor.org or not actor.sector:
                    continue
                if actor.sector in sectors and known:
                    known_one = known[0]
                elif actor.sector not in sectors and actor.sector not in INTERNATIONAL_SECTORS and known_state:
                    known_one = known_state[0]
                else:
                    continue
                country = known_one.country
                mine[i] = replace(actor, country=country, code=make_code(country, actor.sector),
                                  explanation=f"{actor.explanation}; inferred: a {actor.sector} named only by its "
                                              f"role, taken to be of {country} like {known_one.text!r} "
                                              f"(lexicon.yaml co_national_sectors)")


def sole_country(article: Article, sectors: set[str], countries: set[str], *, state: set[str]) -> None:
    """Give an actor named only by its role ("the judge", "the interior minister", "Vice-President
    X", "rebels", "an activist") still without a country the country of the article when the
    article names one country only. A non-state actor (not in ``state``) only as the event's
    source: the victims and the people an act is aimed at are often foreigners ("a UK-based group
    said eight people were killed"). Not when the other side of its event is that country as a
    state ("the president thanked China", "the minister arrived in Kyiv": a visitor's act),
    except for courts and police, which act at home."""
    if not sectors or len(countries) != 1:
        return
    (country,) = countries
    for event in article.events:
        sides = (event.actors, event.recipients)
        for side, (mine, other) in enumerate((sides, sides[::-1])):
            for i, actor in enumerate(mine):
                if actor.country or actor.org or actor.sector not in sectors:
                    continue
                if side == 1 and actor.sector not in state:
                    continue
                # (a named body of the country, "the Zambia Electoral Review Board", is no visit
                # host or foreign state: its counterpart acts at home)
                if actor.sector not in HOME_SECTORS and any(
                        o.country == country and ((o.sector is None and not o.name) or o.sector in sectors)
                        for o in other):
                    continue
                mine[i] = replace(actor, country=country, code=make_code(country, actor.sector),
                                  explanation=f"{actor.explanation}; inferred: a {actor.sector} named only by its "
                                              f"role in an article that names one country, {country} "
                                              f"(lexicon.yaml sole_country_sectors)")


def _country(event, *, own: bool) -> tuple[str | None, str, tuple[int, int] | None]:
    """The country, why, and the span of the place mention it comes from (None: no mention)."""
    loc = event.location
    if loc is not None and loc.country:
        span = tuple(loc.span) if loc.span and loc.source == "text" else None
        return loc.country, f"the country of its place {loc.name!r}", span
    if not own:
        return None, "", None
    for actor in event.actors:
        if actor.country and not actor.org:
            return actor.country, f"its source's own country ({actor.text!r})", None
    return None, "", None
