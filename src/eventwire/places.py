"""Stage: places. Gives each event a location and fills in actors' missing countries from it.

An event's place is, in order: a place named in its clause ("attacked positions near Kharkiv"),
one in the clause's phrase or in a clause that governs it, one anywhere in the main clause of a
participial clause without its own subject ("demonstrators responded to the call to march in
Gedaref, denouncing the coup"), one named in an earlier sentence of its paragraph (news and event
summaries name the place once: "On 4 May, in Camaguey, ..."), else the dateline.

Place names resolve through the knowledge base (countries and capitals) and the gazetteer
(GeoNames towns, ISO 3166-2 subdivisions), ambiguity settled by the article's countries: its
actors' countries and the countries of the places it names that can only be in one country. A
name in a locative phrase may be a small town ("in Azangaro"); a name followed by its
subdivision ("in Los Reyes, Michoacan", "in Tibu (Norte de Santander)", "in Eastbrook (Eastbrook
locality, Upper Valley state)") is looked up in that subdivision's country, and when the town
itself is unknown the subdivision stands in for it.

An actor known only by its sector ("police", "protesters") takes the country of its event's
place; failing that, the country of the article's places when they all lie in one country (local
news names the country once, or never). The dateline is not used for actors: a Beijing dateline
says where the story was filed, not whose police acted. Every choice is written into the event's
or the actor's explanation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .actors.kb import make_code
from .gazetteer import ARABIC_ARTICLES
from .model import Article, Location
from .nlp import paragraph_start

PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout", "around", "from",
               "through", "along")
PLACE_ENTS = ("GPE", "LOC", "FAC")
# Entities the small English model often gives to unfamiliar place names ("in Gedaref", tagged
# ORG): taken as places only in a locative phrase, when they are no known actor, and when the
# gazetteer knows them as a town of 15,000 or more or a subdivision, or the admin names after
# them ("Gedaref (Gedaref state)") say where they are.
UNTAGGED = "UNTAGGED"  # a capitalised name in a locative phrase that the tagger left untagged
# Names tagged as something else that may still be places in a locative phrase: the small model
# tags "in Montevideo (Montevideo)" as a WORK_OF_ART and many towns as people or organisations.
WEAK_PLACE_ENTS = ("ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", UNTAGGED)
ACTOR_KINDS = ("org", "person", "adjective", "seat", "petrarch", "user")

# Words whose "of" phrase is where something happened: "20 km north of Baghdad", "outside of Basra".
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "north-east", "north-west", "south-east", "south-west", "outside", "inside", "ahead"}

# Nouns for a stretch of land or water that "on"/"off" make a place of the name in their "of"
# phrase ("on the beach of X", "off the coast of Y"); "on" alone is mostly no place ("talks on Syria").
SURFACE_NOUNS = {"beach", "outskirts", "outskirt", "island", "coast", "shore", "shores", "bank", "banks", "border",
                 "edge", "road", "highway", "street", "streets", "square", "frontline", "territory",
                 "soil", "ground", "grounds", "premises", "campus", "seafront", "waterfront", "periphery"}

# People named by where they live: "residents of X" act in X.
RESIDENT_NOUNS = {"resident", "inhabitant", "villager", "townspeople", "townsfolk", "dweller", "local"}

# Clause links across which a clause shares its main clause's subject, and so its place.
SHARED_SUBJECT_DEPS = ("advcl", "xcomp", "conj", "pcomp")

# A parenthesis after a place name longer than this (in tokens) is not an admin list.
MAX_PAREN_TOKENS = 40


@lru_cache(maxsize=1)
def _gazetteer():
    """One gazetteer per process: loading it takes a few seconds and some 100 MB."""
    try:
        from .gazetteer import default_gazetteer
    except ImportError:  # the gazetteer is optional; the dictionaries still know capitals
        return None
    return default_gazetteer()


def _resolve_place(name: str, kb, context: tuple[str, ...], gaz, *, small_towns: bool = False,
                   within: str | None = None, stoplist: bool = True) -> Location | None:
    if within is None:
        for entry in kb.lookup(name):
            if entry.kind in ("country", "capital"):
                feature = "country" if entry.kind == "country" else "city"
                return Location(name=name, country=entry.country, feature=feature)
    if gaz is not None:
        place = gaz.lookup(name, context=context, small_towns=small_towns, within=within, stoplist=stoplist)
        if place is None and re.search(r"\s-|-\s", name):  # "Taizz - Usayfarah": the town, then its district
            for part in re.split(r"\s+-\s*|\s*-\s+", name):
                place = gaz.lookup(part, context=context, small_towns=small_towns, within=within)
                if place is not None:
                    break
        if place is not None:
            return _location(place)
    return None


def _location(place) -> Location:
    """A gazetteer place as the event's Location."""
    return Location(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                    lon=place.lon, feature=place.feature)


def _possible_countries(name: str, kb, gaz, *, listed: bool = False) -> set[str]:
    """Every country a place name (or the name without its admin word) can be in. ``listed``:
    the name stands in an admin list, so it is a place even if it is also a common word."""
    from .gazetteer import strip_admin_word

    found = {e.country for e in kb.lookup(name) if e.kind in ("country", "capital")}
    found |= gaz.countries_of(name.split(" - ")[0], small_towns=True, stoplist=not listed)
    stripped = strip_admin_word(name)
    if not found and stripped:
        found = set(gaz.countries_of(stripped[0], small_towns=True, stoplist=not listed))
    return found


def _unambiguous_country(name: str, kb, gaz) -> str | None:
    """The country a place name can only be in (towns of 15,000 or more, subdivisions,
    countries, capitals), else None."""
    found = {e.country for e in kb.lookup(name) if e.kind in ("country", "capital")}
    if not found and gaz is not None:
        found = set(gaz.countries_of(name))
    return found.pop() if len(found) == 1 else None


# Lower-case words that may sit inside a place name ("Rio das Ostras", "Newfoundland and Labrador").
NAME_LINKS = {"de", "da", "das", "do", "dos", "del", "de la", "la", "las", "los", "el", "al", "and",
              "of", "on", "upon", "sur", "-"}
# Arabic articles inside romanised names ("Deir ez Zor", "Tell es Sultan"), less the forms that
# are English words and would run a name on past its end ("Kabul as Taliban ...")
NAME_LINKS |= {a for a in ARABIC_ARTICLES if a not in ("as", "an", "at", "en", "et")}
MAX_NAME_EXTENSION = 6


def _clean(name: str) -> str:
    return name.strip(" -,;:.'\"")


def _longer_names(doc, ent) -> list[int]:
    """End indices of longer names that start with the entity, longest first: the entity
    followed by capitalised words, name links ("das", "and") and at most a closing admin word
    ("Rio das Ostras municipality", "Bolivar state")."""
    from .gazetteer import ADMIN_WORDS

    ends = []
    k = ent.end
    while k < len(doc) and k - ent.end < MAX_NAME_EXTENSION:
        tok = doc[k]
        word = tok.text
        if word.lower() in ADMIN_WORDS:
            ends.append(k + 1)
            break
        if not (word[:1].isupper() and word.isalpha()) and word.lower() not in NAME_LINKS:
            break
        if word[:1].isupper():
            ends.append(k + 1)
        k += 1
    return ends[::-1]


def _past_admin_words(doc, i: int) -> int:
    """The index past admin words after a place name ("Minakulu sub-county (Oyam, Northern)")."""
    from .gazetteer import ADMIN_WORDS

    j = i
    while j < len(doc) and j - i < 4 and (doc[j].lower_ in ADMIN_WORDS or doc[j].text == "-"
                                          or doc[j].lower_ in ("sub", "rural", "urban")):
        j += 1
    return j if j < len(doc) and doc[j].text == "(" else i


def _untagged_places(doc, ents) -> list:
    """Capitalised names in a locative phrase that the tagger did not mark at all ("in Pirque
    (Cochabamba)"): candidates, resolved as weakly as names tagged ORG."""
    from spacy.tokens import Span

    from .gazetteer import ADMIN_WORDS

    tagged = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for tok in doc:
        # the object of "in", "near"...; or a name on an admin noun there ("in Idleb governorate")
        named = tok.dep_ == "pobj" or (tok.dep_ in ("compound", "amod") and tok.head.lower_ in ADMIN_WORDS)
        if (tok.pos_ == "PROPN" and named and _locative(tok)
                and tok.i not in tagged and tok.text[:1].isupper()):
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                    and start - 1 not in tagged:
                start -= 1
            out.append(Span(doc, start, tok.i + 1, label=UNTAGGED))
    return out


def _untagged_owners(doc, ents, words: frozenset[str]) -> list:
    """Capitalised names the tagger did not mark that qualify a noun ("Tigray forces"):
    candidates for the place an actor's name holds. At the start of a sentence, or in a title-case
    one, only a name that is no word of the parser's tables ("Riot police" is no place)."""
    from spacy.tokens import Span

    tagged = {i for e in ents for i in range(e.start, e.end)}
    return [Span(doc, tok.i, tok.i + 1, label=UNTAGGED) for tok in doc
            if tok.i not in tagged and tok.text[:1].isupper() and tok.is_alpha and tok.pos_ in ("PROPN", "ADJ")
            and tok.dep_ in ("compound", "amod", "nmod")
            and (tok.lower_ not in words or _mid_sentence(doc[tok.i:tok.i + 1]))]


def _mid_sentence(ent) -> bool:
    """A capitalised name inside a sentence that is not in title case (a headline)."""
    sent = ent.sent
    if ent.start == sent.start:
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return sum(1 for t in words if t.text[:1].isupper()) < len(words) * 0.5


def _admin_listed_nouns(doc, ents) -> list:
    """Words before a parenthesis that the tagger left out: an untagged name ("Waya (Kwande,
    Benue)") or an admin noun ("a village (Dholpur, Rajasthan)"); kept by the caller only when
    the parenthesis is an admin list."""
    from spacy.tokens import Span

    from .gazetteer import ADMIN_WORDS

    tagged = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for tok in doc[1:]:
        if tok.text != "(":
            continue
        prev = doc[tok.i - 1]
        while prev.i > 0 and prev.lower_ in ADMIN_WORDS and not prev.text[:1].isupper() \
                and doc[prev.i - 1].pos_ == "PROPN":
            prev = doc[prev.i - 1]  # "Kanchanpur village (...)": the name before the admin word
        if prev.i in tagged or not (prev.pos_ == "PROPN" or prev.lower_ in ADMIN_WORDS):
            continue
        start = prev.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 not in tagged:
            start -= 1
        out.append(Span(doc, start, prev.i + 1, label=UNTAGGED))
    return out


def _agreed_countries(ent, after, kb, gaz) -> set[str] | None:
    """The countries a place name and the admin names after it can all be in, or None."""
    from .gazetteer import strip_admin_word

    agreed: set[str] | None = None
    # the widest name (last: the region) first, then the narrower ones where they agree:
    # "(Kwande, Benue)" is in Nigeria, though a town in Benin is also called Kwande
    for text, _ in reversed(after):
        found = _possible_countries(_clean(text), kb, gaz, listed=True)
        if found and (agreed is None or agreed & found):
            agreed = found if agreed is None else agreed & found
    own = _possible_countries(_clean(ent.text), kb, gaz)
    if agreed is None:
        return own or None
    glossed = ent.doc.text[:after[-1][1][0]].rstrip().lower().endswith(("coded to", "coded as"))
    if len(agreed) > 1 and not glossed:
        # an admin list names regions: "(San Pedro)" is the department of Paraguay rather than
        # one of the towns of that name elsewhere, whatever towns the place's own name matches;
        # a town the place is "coded to" is no region
        widest = _clean(after[-1][0])
        regions = {p.country for p, _ in gaz.candidates(widest) if p.feature == "region"}
        stripped = strip_admin_word(widest)
        if stripped:
            regions |= {p.country for p, _ in gaz.candidates(stripped[0]) if p.feature == "region"}
        agreed = agreed & regions or agreed
    if own & agreed:
        agreed = own & agreed
    else:
        # a national capital with no namesake in the listed country keeps its own ("Islamabad
        # (FCT)": Nigeria's capital territory goes by the same letters)
        capital = {e.country for e in kb.lookup(_clean(ent.text)) if e.kind == "capital"}
        if len(capital) == 1:
            return capital
    return agreed


def _admin_list(doc, ent, kb, gaz) -> bool:
    """A parenthesis after the name whose names are places ("(Kwande, Benue)"), not an
    acronym or a gloss ("(RUF)", "(Party of God)")."""
    if gaz is None:
        return False
    i = _past_admin_words(doc, ent.end)
    if i >= len(doc) or doc[i].text != "(":
        return False
    names = [_clean(text) for text, _ in _paren_parts(doc, ent.end)]
    return any(_possible_countries(name, kb, gaz, listed=True) for name in names
               if not _organisation_acronym(name, kb))


@lru_cache(maxsize=1)
def _admin_abbreviations() -> dict[str, str]:
    """'J&K' -> 'Jammu and Kashmir' (data/actors/admin_abbreviations.tsv), for admin lists only."""
    import pycountry

    from .data import load_tsv

    out = {}
    for row in load_tsv("actors/admin_abbreviations.tsv"):
        sub = pycountry.subdivisions.get(code=row["iso3166_2"])
        if sub is not None:
            out[row["abbreviation"]] = sub.name
    return out


def _paren_end(doc, i: int) -> int:
    """The index after the parenthesis that opens at token ``i`` ("Cumana (Sucre)": the admin
    names in it are part of the place already resolved), else ``i``."""
    while i < len(doc) and doc[i].text == "(":  # and the one after it, if another follows
        close = _closing(doc, i)
        if close is None:
            break
        i = close + 1
    return i


_DEPTH = {"(": 1, ")": -1}  # how a token changes the parenthesis depth


def _closing(doc, i: int) -> int | None:
    """The index of the ")" that closes the parenthesis opening at token ``i``, nested ones
    skipped ("(coded as X (Y))"), within :data:`MAX_PAREN_TOKENS`; None when there is none."""
    depth = 0
    for j in range(i, min(len(doc), i + MAX_PAREN_TOKENS)):
        depth += _DEPTH.get(doc[j].text, 0)
        if depth == 0:
            return j
    return None


def _paren_parts(doc, i: int) -> list[tuple[str, tuple[int, int]]]:
    """The comma-separated names in a parenthesis right after a place name ("Eastbrook
    (Eastbrook town locality, Upper Valley state)"), or the place name after a comma ("Tibu, Norte de
    Santander"), each with its character span, most specific first. ``i``: the token after
    the name."""
    from .gazetteer import ADMIN_WORDS

    parts: list[tuple[str, tuple[int, int]]] = []
    while 0 < i < len(doc) and not doc[i - 1].whitespace_ and doc[i].text not in (",", "(", ")", ".", ";"):
        i += 1  # the rest of a hyphenated name: "Nawa-i-Barikzayi"
    k = i
    while k < len(doc) and doc[k].lower_ in ADMIN_WORDS:
        k += 1
    admin_word = False
    if k < len(doc) and doc[k].text == "," and k > i:
        i, admin_word = k, True  # "Nawa-i-Barikzayi district, Helmand"
    i = _past_admin_words(doc, i)
    paren = i < len(doc) and doc[i].text == "("
    while i < len(doc) and doc[i].text == "(":
        # one parenthesis after another ("X (coded as Y) (Z township, W region)"): the later
        # ones are read as the wider names
        j = _closing(doc, i)
        if j is None:
            return parts
        start = i + 1
        depth = 0
        for k in range(i + 1, j + 1):
            depth += _DEPTH.get(doc[k].text, 0) if k < j else 0
            if k == j or (depth == 0 and doc[k].text in (",", ";")):
                span = doc[start:k]
                inner = next((t.i for t in span if t.text == "("), None)
                if inner is not None:  # "X (Y)": the name before its gloss
                    span = doc[start:inner]
                # "coded as Yae Ni", "coded to Merida": drop the lower-case lead-in
                toks = list(span)
                while toks and not toks[0].text[:1].isupper():
                    toks.pop(0)
                if toks:
                    text = doc[toks[0].i:toks[-1].i + 1].text
                    parts.append((_admin_abbreviations().get(text, text),
                                  (toks[0].idx, toks[-1].idx + len(toks[-1].text))))
                start = k + 1
        i = j + 1
    if paren:
        return parts
    if i + 1 < len(doc) and doc[i].text == ",":
        # after "X town," any capitalised name is read as the admin name ("Artuklu town,
        # Mardin", the province tagged as a person)
        for other in doc.ents:
            if other.start == i + 1 and (other.label_ in PLACE_ENTS or (admin_word and other.label_ in WEAK_PLACE_ENTS)):
                # the whole name: "La Paz, Baja California" (tagged as two places)
                end = max(_longer_names(doc, other) or [other.end])
                end = min(end, len(doc))
                while end > other.end and doc[end - 1].lower_ in ADMIN_WORDS:
                    end -= 1
                span = doc[other.start:end]
                parts.append((span.text, (span.start_char, span.end_char)))
        nxt = doc[i + 1]
        run = None
        if not parts and nxt.ent_iob_ == "I" and nxt.ent_type_ in PLACE_ENTS:
            # "Zacatecas, Zacatecas" tagged as one name: the part after the comma
            run = _run(doc, i + 1, lambda t: t.ent_iob_ == "I" and t.text != ",")
        elif not parts and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.ent_type_:
            # an untagged name after the comma ("over X, Donetsk")
            run = _run(doc, i + 1, lambda t: t.pos_ == "PROPN" and not t.ent_type_)
        if run is not None:
            parts.append((run.text, (run.start_char, run.end_char)))
    return parts


def _run(doc, start: int, keep):
    """The span from token ``start`` on while ``keep(token)`` holds (the first token always)."""
    end = start + 1
    while end < len(doc) and keep(doc[end]):
        end += 1
    return doc[start:end]


class _Places:
    """Resolved place mentions of one document, by entity, cached."""

    def __init__(self, doc, kb, context, gaz, words: frozenset[str] = frozenset()):
        self.found: list[tuple[object, Location]] = []
        self.why: dict[int, str] = {}  # ent.start -> how the name was resolved, when notable
        self.owned: dict[int, tuple[object, Location]] = {}  # actor head -> the place its name holds
        ents = [_with_article(part) for ent in doc.ents for part in _split_entity(_before_paren(ent))]
        ents = sorted(ents + _untagged_places(doc, ents), key=lambda e: e.start)
        extra = _admin_listed_nouns(doc, ents)
        listed = {ent.start for ent in ents + extra if _admin_list(doc, ent, kb, gaz)}
        ents = sorted(ents + [e for e in extra if e.start in listed], key=lambda e: e.start)
        for ent in ents + _untagged_owners(doc, ents, words):
            owner = _owner(ent.root) if ent.start not in listed else None
            if owner is None or _locative(ent.root) or _object_place(ent.root) or any(
                    e.kind in ACTOR_KINDS for e in kb.lookup(ent.text)):
                continue
            # "Karachi police", "the government of Balochistan province": a place that says whose
            # the actor is gives the actor a country, not the event a place
            loc, _, _ = self._resolve(doc, ent, kb, context, gaz, words=words, weak=ent.label_ not in PLACE_ENTS)
            if loc is not None and loc.country and loc.feature != "country":
                self.owned.setdefault(owner.i, (ent, loc))
        ents = [ent for ent in ents if (ent.label_ in PLACE_ENTS and not _organisation_acronym(ent.text, kb)) or (
            ent.label_ in WEAK_PLACE_ENTS and (_locative(ent.root) or ent.start in listed or _object_place(ent.root))
            and not any(e.kind in ACTOR_KINDS and not (e.kind == "person" and _in_place_phrase(ent))
                        for e in kb.lookup(ent.text)))]
        # The article's place countries: names that can only be in one country widen the context
        # for the ambiguous ones ("Merida" next to "Caracas").
        quarters = {ent.start for ent in ents if _quarter(doc, ent)}
        named = set(context)
        for ent in ents:
            if ent.start in quarters:
                continue
            country = _unambiguous_country(ent.text, kb, gaz)
            if country is None and ent.start in listed:
                # "Cariamanga (Loja)": the country the name and its admin list agree on
                agreed = _agreed_countries(ent, _paren_parts(doc, ent.end), kb, gaz)
                country = next(iter(agreed)) if agreed and len(agreed) == 1 else None
            if country:
                named.add(country)
        context = tuple(sorted(named))
        covered: dict[int, Location] = {}  # token index -> the place of a longer name holding it
        for ent in ents:
            if ent.start in covered:  # "Labrador" in "Newfoundland and Labrador"
                self.found.append((ent, covered[ent.start]))
                continue
            target = False
            if not _locative(ent.root) and ent.start not in listed:
                # a name with its admin list, "residents of Waya (Kwande, Benue)", is a place
                # wherever it stands
                # a town that is the object of the act ("shelled Kreminna, Luhansk", "captured
                # the village of X") is where it happened; a country object is an actor
                if not _object_place(ent.root):
                    continue
                target = True
            if ent.start in quarters:
                # "the Rocha neighbourhood", "colonia El Limon": a part of a town, looked up in
                # the article's countries only (a town of that name elsewhere is not it)
                loc, why, end = None, "", ent.end
                for country in context:
                    loc, why, end = self._resolve(doc, ent, kb, context, gaz, weak=True, within=country)
                    if loc is not None:
                        break
            else:
                loc, why, end = self._resolve(doc, ent, kb, context, gaz, words=words,
                                              weak=ent.label_ not in PLACE_ENTS or target)
            if loc is not None and target and loc.feature == "country":
                continue
            if loc is not None:
                if loc.span is None:
                    loc.span = (ent.start_char, doc[end - 1].idx + len(doc[end - 1].text))
                self.found.append((ent, loc))
                covered.update((i, loc) for i in range(ent.end, _paren_end(doc, end)))
                if why:
                    self.why[ent.start] = why

    @staticmethod
    def _resolve(doc, ent, kb, context, gaz, *, weak: bool = False, within: str | None = None,
                 words: frozenset[str] = frozenset()) -> tuple[Location | None, str, int]:
        """The place an entity names, how, and the token index where the name ends (past the
        entity when a longer name was found: "Rio" -> "Rio das Ostras municipality"); with
        ``within``, only a place in that country."""
        if within is not None:
            for end in (_longer_names(doc, ent) if gaz is not None else []) + [ent.end]:
                loc = _resolve_place(_clean(doc[ent.start:end].text), kb, context, gaz, small_towns=True,
                                     within=within)
                if loc is not None:
                    return loc, f"a part of a town, looked up in {within} only", end
            return None, "", ent.end
        # The admin names after the place first: they say which country the place is in, the
        # one country all the names (the place's own included) can be in.
        admin = None
        ends = _longer_names(doc, ent) if gaz is not None else []
        after: list[tuple[str, tuple[int, int]]] = []
        if gaz is not None:
            after = _paren_parts(doc, ent.end) or (_paren_parts(doc, ends[0]) if ends else [])
        if after:
            # The admin names settle the country: a town name is often ambiguous ("Pale" is in
            # Bosnia and in Myanmar; "(Sagaing region)" after it says which), so the countries
            # the admin names agree on come first, and the town's own only narrow them.
            agreed = _agreed_countries(ent, after, kb, gaz)
            country = None
            if agreed and len(agreed) > 1:
                agreed = agreed & set(context) or agreed
            if agreed and len(agreed) == 1:
                country = next(iter(agreed))
            for text, span in after:
                admin = _resolve_place(_clean(text), kb, context, gaz, small_towns=True, within=country)
                if admin is not None:
                    admin.span = span
                    break
        for end in ends:
            text = _clean(doc[ent.start:end].text)
            loc = _resolve_place(text, kb, context, gaz, small_towns=not weak,
                                 within=admin.country if admin is not None else None)
            if loc is not None:
                return loc, f"the name runs on to {text!r}", end
        name = _clean(ent.text)
        if admin is not None and admin.country:
            loc = _resolve_place(name, kb, context, gaz, within=admin.country) if name[:1].isupper() else None
            if loc is not None:
                return loc, f"in {admin.country}, as {admin.name!r} after it says", ent.end
            # not known in the country the admin names give: the admin place stands in for it
            return admin, f"{ent.text!r} is not in the gazetteer; {admin.name!r} after it is", ent.end
        loc = _resolve_place(name, kb, context, gaz, small_towns=not weak)
        if loc is None and ent.label_ == "GPE" and _locative(ent.root) and _mid_sentence(ent):
            # "thirty people gathered in Tours": a stoplisted word ("tours") tagged as a place in
            # a locative phrase, capitalised inside a sentence, is the town (15,000 or more)
            loc = _resolve_place(name, kb, context, gaz, stoplist=False)
            if loc is not None:
                return loc, f"{ent.text!r} (a common word) is a place in 'in {ent.text}' mid-sentence", ent.end
        if loc is None and weak and gaz is not None:
            # a weakly tagged name in a locative phrase is still a place: a small town whose
            # name is found in one country only is taken ("marched through X")
            place = gaz.sole_small_town(name, context)
            if place is not None:
                loc = _location(place)
        if loc is None and gaz is not None and words and _locative(ent.root) and not any(
                t.lower_ in words for t in ent if t.is_alpha):
            # a name that is no English word, in a locative phrase: a town of 1,000 or more whose
            # name is found in one country only ("demonstrated in Gnoien")
            from .gazetteer import UNWORDED_SOLE_TOWN_POPULATION

            place = gaz.sole_small_town(name, context, min_population=UNWORDED_SOLE_TOWN_POPULATION)
            if place is not None:
                return _location(place), f"{ent.text!r} is no English word; {place.reason}", ent.end
        if loc is not None and weak:
            return loc, f"{ent.text!r} (tagged {ent.label_}) is in the gazetteer", ent.end
        return loc, "", ent.end

    def _note(self, ent) -> str:
        why = self.why.get(ent.start)
        return f" ({why})" if why else ""

    def for_trigger(self, verb) -> tuple[Location | None, str]:
        sent = verb.sent
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for ent, loc in self.found:
                    if any(t.head == prep or t.head.head == prep for t in ent) or (
                            ent.start == prep.i + 1 and _after_bare_prep(ent[0])):
                        return loc, f"'{prep.text} {ent.text}' in the clause{self._note(ent)}"
        # A place inside the trigger's own phrase ("marched to the square in Baghdad"), or
        # attached to a clause above it.
        own = {t.i for t in verb.subtree}
        above = set()
        node = verb
        while node.head.i != node.i:
            node = node.head
            above.update(c.i for c in node.children if c.dep_ == "prep")
        in_sentence = [(ent, loc) for ent, loc in self.found if sent.start <= ent.start < sent.end]
        for ent, loc in in_sentence:
            if ent.root.i in own:
                return loc, f"{ent.text!r} in the clause's phrase{self._note(ent)}"
            if any(a.i in above for a in ent.root.ancestors):
                return loc, f"{ent.text!r} in a governing clause{self._note(ent)}"
        # A participial or coordinated clause without a subject of its own ("..., denouncing the
        # coup") happens where its main clause does: a place anywhere in the main clause, the
        # nearest before the trigger first. A clause with its own subject ("as Putin arrived")
        # is left alone: a place in a sibling clause is about something else.
        main = verb
        while (main.dep_ in SHARED_SUBJECT_DEPS and main.head.i != main.i
               and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in main.children)):
            main = main.head
        if main is not verb:
            clause = {t.i for t in main.subtree}
            shared = [(ent, loc) for ent, loc in in_sentence if ent.root.i in clause]
            if shared:
                before = [(ent, loc) for ent, loc in shared if ent.start < verb.i]
                ent, loc = before[-1] if before else shared[0]
                return loc, f"{ent.text!r} in the main clause {main.text!r}{self._note(ent)}"
        para = paragraph_start(verb.doc, sent.start)
        earlier = [(ent, loc) for ent, loc in self.found if para <= ent.start < sent.start]
        if earlier:
            ent, loc = earlier[-1]
            return loc, f"{ent.text!r} earlier in the paragraph{self._note(ent)}"
        return None, ""

    def own_place(self, doc, actor):
        """An actor without a country, given the country of the place named in its own phrase."""
        if not actor.span or not _needs_country(actor):
            return actor
        span = doc.char_span(*actor.span, alignment_mode="expand")
        hit = self.owned.get(span.root.i) if span is not None else None
        if hit is None:
            return actor
        ent, loc = hit
        return replace(actor, country=loc.country, code=make_code(loc.country, actor.sector),
                       explanation=f"{actor.explanation}; country from its own place name {ent.text!r}")

    def dominant_country(self) -> tuple[str | None, list[str]]:
        """The one country all the article's resolved places are in, with their names; None when
        there are none or they are in several countries."""
        countries = {loc.country for _, loc in self.found if loc.country}
        if len(countries) != 1:
            return None, []
        names = list(dict.fromkeys(ent.text for ent, _ in self.found))
        return countries.pop(), names


def _split_entity(ent) -> list:
    """An entity the tagger ran over a comma or a place preposition: its parts ("Zacatecas,
    Zacatecas" -> the town and its state; "the City Hall in Malmo" -> the hall and the town)."""
    from spacy.tokens import Span

    # "X of Y" too in a name not tagged as a place ("Speney Adda of Herat", tagged ORG); a place
    # name keeps its "of" ("Democratic Republic of Congo")
    links = ("in", "at") if ent.label_ in PLACE_ENTS else ("in", "at", "of")
    cuts = [t.i for t in ent if t.i > ent.start and (t.text == "," or (t.lower_ in links and t.pos_ == "ADP"))]
    if not cuts:
        return [ent]
    parts, start = [], ent.start
    for cut in cuts + [ent.end]:
        if cut > start:
            parts.append(Span(ent.doc, start, cut, label=ent.label_))
        start = cut + 1
    return parts


def _in_place_phrase(ent) -> bool:
    """A name right in a locative phrase ("in central Bolton", "near Bolton"), where a person's
    name is the town's."""
    root = ent.root
    return (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and root.head.lower_ != "from"
            and not any(c.dep_ == "case" for c in root.children))


def _organisation_acronym(text: str, kb) -> bool:
    """An organisation's abbreviation in capitals, whatever the tagger calls it: "(ILO)" is the
    International Labour Organization, not the Peruvian port of Ilo."""
    return (kb is not None and text.isupper() and text.isalpha() and len(text) <= 6
            and any(e.kind == "org" for e in kb.lookup(text)))


def _before_paren(ent):
    """An entity the tagger ran into a parenthesis ("Barranquilla (Atlantico"): its part before."""
    cut = next((t.i for t in ent if t.text == "("), None)
    if cut is None or cut == ent.start:
        return ent
    from spacy.tokens import Span

    return Span(ent.doc, ent.start, cut, label=ent.label_)


# Arabic articles the tagger leaves out of a name, or the parser reads as English words ("in As
# Samawah": "As" a preposition).
ARTICLES = {a.title() for a in ARABIC_ARTICLES}


def _article(tok) -> bool:
    """An Arabic article starting a name: capitalised mid-sentence, a capitalised word after it."""
    return (tok.text in ARTICLES and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text[:1].isupper()
            and tok.i > tok.sent.start)


def _with_article(ent):
    """The entity with the Arabic article before it ("As Samawah", the tagger gave "Samawah")."""
    if ent.start > 0 and _article(ent.doc[ent.start - 1]):
        from spacy.tokens import Span

        return Span(ent.doc, ent.start - 1, ent.end, label=ent.label_)
    return ent


# Words for a part of a town: a name with one is looked up in the article's countries only.
QUARTER_WORDS = {"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "colonia", "barrio",
                 "reparto", "vereda", "quarter", "sector", "fraccionamiento", "favela", "corregimiento"}


def _quarter(doc, ent) -> bool:
    """The name of a part of a town: "colonia X", "the X neighbourhood", "X quarter"."""
    before = ent.start - 1  # "colonia X"; but "the X neighbourhood of Y city": Y is the town
    return (before >= 0 and doc[before].lower_ in QUARTER_WORDS) or (
        ent.end < len(doc) and doc[ent.end].lower_ in QUARTER_WORDS)


def _object_place(tok) -> bool:
    """The direct object of a verb, or the head of "the village/town of X" as one."""
    for _ in range(4):
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head
            continue
        if tok.dep_ not in ("appos", "compound", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _owner(tok):
    """The noun a place name qualifies as whose it is ("Karachi police", "the Gaza authorities",
    "the government of Balochistan province", "Kabul's mayor"), through admin words
    ("Balochistan province"); None when the name is no such qualifier."""
    from .gazetteer import ADMIN_WORDS

    for _ in range(4):
        head = tok.head
        if tok.dep_ in ("compound", "amod", "nmod", "poss") and head.pos_ in ("NOUN", "PROPN") and head.i > tok.i \
                and not head.ent_type_:
            node = head
        elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") \
                and head.head.i < tok.i:
            node = head.head
        else:
            return None
        if node.lemma_.lower() in ADMIN_WORDS:
            tok = node  # "Balochistan province", "the province of X": the province is the name
            continue
        return node
    return None


def _locative(tok) -> bool:
    """A place named as where something happened ("in Mosul", "near the town of Kharkiv",
    "Kabul, Afghanistan"), not a country acting as subject or object."""
    from .gazetteer import ADMIN_WORDS

    if _after_bare_prep(tok.left_edge):
        return True
    for _ in range(5):
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            # "from" on people says where they come from ("refugees from Ukraine gathered in
            # Paris"), not where the act is; on an act it does ("the withdrawal from X")
            origin = tok.head.head
            return not (tok.head.lower_ == "from" and (origin.tag_ in ("NNS", "NNPS")
                                                       or origin.pos_ in ("PROPN", "PRON")))
        if tok.dep_ == "pobj" and tok.head.lower_ in ("over", "of") and (
                tok.head.head.lemma_.lower() == "control" or any(
                    c.dep_ == "dobj" and c.lemma_.lower() == "control" for c in tok.head.head.children)):
            return True  # "took control of X", "established control over X": where it happened
        if tok.dep_ == "pobj" and _article(tok.head):  # "in As Samawah", "As" parsed as a preposition
            return _after_bare_prep(tok.head) or tok.head.head.lower_ in PLACE_PREPS
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ in ("near", "close", "next"):
            return True  # "near to Jikou", "close to the border"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in DIRECTIONS:
            return True  # "20 km north of Baghdad", "outside of Basra"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head  # "the town of Samarra", "the outskirts of Kyiv"
            if tok.lemma_.lower() in RESIDENT_NOUNS:
                return True  # "residents of Katowice protested": where they live and act
            if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "off") and tok.lemma_.lower() in SURFACE_NOUNS:
                return True  # "on the outskirts of Kyiv", "off the coast of Yemen"
            continue
        # "in Melbourne (Victoria)": the parser may hang the town on its admin name (nmod);
        # "in Aleppo countryside": a name tagged as an adjective of its admin noun
        if tok.head.i == tok.i or tok.dep_ not in ("appos", "compound", "conj", "npadvmod", "nmod") and not (
                tok.dep_ == "amod" and tok.head.lower_ in ADMIN_WORDS):
            return False
        tok = tok.head
    return False


def _after_bare_prep(tok) -> bool:
    """A name right after a place preposition the parser left without an object ("On 5 May, in
    Morelia, Michoacan, students marched": "Morelia" hung on the subject)."""
    if tok.i == 0:
        return False
    prep = tok.doc[tok.i - 1]
    return (prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS and tok.text[:1].isupper()
            and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children))


def locate_events(doc, article: Article, mentions, kb=None, words: frozenset[str] = frozenset()) -> None:
    """Give each event of the article its place, and sector-only actors their country.
    ``words``: English words (the parser's lemmatizer tables); a name that is none of them may
    be a small town of 1,000 people or more (else 5,000) when no other country claims it."""
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
            context = tuple(sorted(set(context) | {dateline.country} - {None}))
    places = _Places(doc, kb, context, gaz, words)
    dominant, dominant_names = places.dominant_country()
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
        # "Karachi police", "Darfur rebels": the place in the actor's own name, when the event's
        # place gave none (a place name inside an actor's name is more often ambiguous)
        event.actors = [places.own_place(doc, a) for a in event.actors]
        event.recipients = [places.own_place(doc, a) for a in event.recipients]
        if dominant is not None:
            event.actors = [_with_article_country(a, dominant, dominant_names) for a in event.actors]
            event.recipients = [_with_article_country(a, dominant, dominant_names) for a in event.recipients]
        event.location = loc


def _needs_country(actor) -> bool:
    # an unknown organisation, or a subject no dictionary names ("SNR agents")
    known_by_name_only = actor.code is None and bool(actor.name or actor.text)
    return not actor.country and not actor.org and bool(actor.sector or known_by_name_only)


def _with_country(actor, loc: Location):
    kin = getattr(actor, "_ethnic", None)
    if kin and loc.country and loc.country != kin:
        # "ethnic Albanians demonstrated in Serbia": a people is coded where it lives
        return replace(actor, country=loc.country, code=make_code(loc.country, actor.sector),
                       explanation=f"{actor.explanation}; an ethnic group, coded to the country of the "
                                   f"event's place {loc.name!r} rather than to {kin}")
    if not _needs_country(actor) or not loc.country:
        return actor
    return replace(actor, country=loc.country, code=make_code(loc.country, actor.sector),
                   explanation=f"{actor.explanation}; country from the event's place {loc.name!r}")


def _with_article_country(actor, country: str, names: list[str]):
    if not _needs_country(actor):
        return actor
    shown = ", ".join(repr(n) for n in names[:3]) + (", ..." if len(names) > 3 else "")
    return replace(actor, country=country, code=make_code(country, actor.sector),
                   explanation=f"{actor.explanation}; country from the article's places, all in {country} ({shown})")
