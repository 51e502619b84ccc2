"""Stage: actors. Finds actor mentions in a parsed article and codes them.

A mention is keyed by its head token. Its code comes from the whole noun phrase: names of
countries, capitals, seats of power and organisations (knowledge base), people (office-holder
table by the article's date, or an earlier full mention in the same article), and role nouns and
titles for the sector ("Russian President" -> RUS + GOV). Later mentions are resolved within the
article: a surname to its earlier full mention, "both countries" to the pair just named, relative
pronouns to their antecedent, subject pronouns in reported speech to the speaker, and a subject
'it'/'he'/'she' elsewhere to the nearest earlier subject that agrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from ..config import Config
from ..data import data_path
from ..nlp import np_start, with_conj
from ..model import Actor, Article
from .kb import ActorEntry, KnowledgeBase, load_knowledge_base, make_code, normalise

# Dependents that belong to a noun phrase's identity ("the Russian Foreign Ministry spokesman").
NP_DEPS = {"compound", "amod", "poss", "nmod", "nummod", "flat", "case", "det", "predet",
           "quantmod", "npadvmod", "preconj"}
# Heads whose "of"/"for" phrase names who they belong to ("the president of Syria").
# Entity types that show a capitalised surname-like word is something else ("May" the month).
NOT_PEOPLE = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT", "GPE", "LOC",
              "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
PERSONAL_PRONOUNS = {"they", "he", "she", "it", "them", "him", "her"}
# Clause links a subject pronoun looks up through to find the clause that reports it.
PRONOUN_CLAUSE_UP = ("xcomp", "conj", "advcl", "ccomp", "parataxis")
RELATIVE_PRONOUNS = {"who", "whom", "whose", "which", "that"}
PAIR_NOUNS = {"country", "side", "nation", "government", "state", "leader", "party"}
# Nouns of an office whose compound modifier names its portfolio, not an organisation: the
# "Labour" of "Labour Minister" is no party.
PORTFOLIO_HEADS = {"minister", "ministry", "secretary", "department"}
PEOPLES = "peoples.tsv"  # the source of a people's entry (coded where they live, kb.load_peoples)


@dataclass
class Mentions:
    """Actor mentions of one article, keyed by head token index."""

    by_head: dict[int, list[Actor]] = field(default_factory=dict)
    # country adjectives that modify a non-actor noun ("Ukrainian positions"): not actors by
    # themselves, but the nearest actor inside an object's phrase when nothing better is there
    modifiers: dict[int, list[Actor]] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)  # head token -> ISO3 of a place mention
    excluded: tuple[int, int] | None = None  # character span (the dateline) that holds no actors

    def at(self, token) -> list[Actor]:
        return self.by_head.get(token.i, [])

    def countries_named(self, doc) -> set[str]:
        """Every country the article names: its actors' (not an international organisation's),
        the country adjectives on other nouns, and its places; not where a group is based ("a
        UK-based monitor"), which says nothing of where the news happens."""
        def based(i: int) -> bool:
            return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "based"

        found = {a.country for group in (self.by_head, self.modifiers) for i, actors in group.items()
                 if not based(i) for a in actors if a.country and not a.org}
        return found | {iso for i, iso in self.places.items() if iso and not based(i)}

    def within(self, token, *, max_depth: int = 4, skip_deps=("relcl", "acl", "advcl", "ccomp")) -> list[Actor]:
        """Actors in the phrase governed by ``token`` (breadth first, nearest first)."""
        found: list[Actor] = []
        weak: list[Actor] = []

        def keep(c) -> bool:
            return c.dep_ not in skip_deps

        frontier = [(c, 1) for c in token.children if keep(c)]
        seen = set()
        while frontier:
            tok, depth = frontier.pop(0)
            if tok.i in seen or depth > max_depth:
                continue
            seen.add(tok.i)
            if tok.i in self.by_head:
                found.extend(self.by_head[tok.i])
                continue
            weak.extend(self.modifiers.get(tok.i, []))
            frontier.extend((c, depth + 1) for c in tok.children if keep(c))
        if not found and token.i in self.modifiers:
            return []
        return found or weak


class ActorResolver:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._matchers: dict[int, object] = {}

    @classmethod
    def from_config(cls, config: Config) -> "ActorResolver":
        return cls(load_knowledge_base(config.user_dictionaries, config.petrarch_actors))

    # -- name matching -------------------------------------------------------------------------
    def _matcher(self, vocab):
        from spacy.matcher import PhraseMatcher

        key = id(vocab)
        if key not in self._matchers:
            import spacy

            tokenizer = spacy.blank("en", vocab=vocab).tokenizer
            matcher = PhraseMatcher(vocab, attr="ORTH")
            forms: set[str] = set()
            for entry in self.kb.entries:
                for name in entry.names:
                    base = name[4:] if name.lower().startswith("the ") else name
                    forms.update({base, base.upper()} if len(base) > 3 else {base})
                    if len(base) > 3 and base.isupper() and base.isalpha():
                        forms.add(base.title())  # house styles that write "Nato", "Isis", "Unicef"
            patterns = [tokenizer(f) for f in sorted(forms) if f.strip()]
            matcher.add("ACTOR", patterns)
            self._matchers[key] = matcher
        return self._matchers[key]

    def _name_spans(self, doc, excluded):
        matches = self._matcher(doc.vocab)(doc, as_spans=True)
        # Longest match wins; overlapping shorter ones are dropped.
        matches = sorted(matches, key=lambda s: (-(s.end - s.start), s.start))
        taken: set[int] = set()
        spans = []
        ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}  # token -> its tagged entity
        covered = {i for m in matches for i in range(m.start, m.end)}  # tokens some known name covers
        for span in matches:
            if taken & set(range(span.start, span.end)):
                continue
            if excluded and excluded[0] <= span.start_char < excluded[1]:
                continue
            if self._inside_longer_name(doc, span, ent_at, covered):
                continue
            taken.update(range(span.start, span.end))
            spans.append(span)
        return sorted(spans, key=lambda s: s.start)

    def _inside_longer_name(self, doc, span, ent_at, covered) -> bool:
        """An organisation's or a person's name inside the longer name of another one: "the Qzar
        Democratic Party" is not the US Democratic Party, nor "the Democratic Party of Korea" or "the Human
        Rights Council of Bangladesh" the US party or the UN council. The longer name is a
        tagged entity that runs on past the known name: a capitalised word before it that no
        dictionary knows, or "of" and a country after it. ``ent_at``: each token's tagged entity;
        ``covered``: the tokens that known names cover."""
        ent = ent_at.get(span.start)
        if ent is None or span.end > ent.end or (ent.start, ent.end) == (span.start, span.end):
            return False
        entries = self.kb.lookup(span.text)
        if entries and all(e.kind == "person" for e in entries):
            # a person's name with more name after it is another name: "Mitchell High School",
            # "Sri Rama Sene" (not Keith Mitchell, not Edi Rama)
            return span.end < ent.end and doc[span.end].text[:1].isupper()
        if not any(e.kind == "org" for e in entries):
            return False
        before = doc[span.start - 1] if span.start > ent.start else None  # outside the span itself
        if (before is not None and before.text[:1].isupper() and before.i not in covered
                and before.lower_ != "the" and before.i > before.sent.start):
            return True
        if span.end + 1 < ent.end and doc[span.end].lower_ == "of":
            after = doc[span.end + 1:ent.end]
            return any(e.kind in ("country", "adjective") for e in self.kb.lookup(after.text))
        return False

    # -- the stage -----------------------------------------------------------------------------
    def resolve(self, doc, article: Article, *, excluded: tuple[int, int] | None = None) -> Mentions:
        on = article.published_date
        mentions = Mentions(excluded=excluded)
        spans = self._name_spans(doc, excluded)
        span_at: dict[int, tuple] = {}
        for span in spans:
            entries = self.kb.lookup(span.text, on)
            if not entries and span.text.isupper():
                entries = self.kb.lookup(span.text.title(), on)
            if entries and all(e.kind == "person" for e in entries) and (
                    any(t.ent_type_ in NOT_PEOPLE for t in span) or _hyphen_joined(doc, span)):
                # "May" the month, "Rice" the crop, "Franco-German": a surname only where it
                # names a person
                continue
            entries = [e for e in entries if e.kind != "region"]  # a region blocks, it codes nothing
            if entries and _stance_prefixed(doc, span) and all(e.kind in ("country", "adjective", "capital")
                                                              for e in entries):
                continue  # "pro-Russian separatists", "an anti-Syria journalist": a stance, not a country
            if entries:
                for tok in span:
                    span_at[tok.i] = (span, entries)
        people: dict[str, Actor] = {}  # surname/full name -> actor, in article order
        pairs: list[tuple[int, bool, list[Actor]]] = []  # (sentence start, is subject, actors), most recent last
        countries_seen: list[Actor] = []

        def in_excluded(tok) -> bool:
            return bool(excluded) and excluded[0] <= tok.idx < excluded[1]

        for tok in doc:
            if in_excluded(tok) or (tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM")
                                    and tok.tag_ not in ("WP", "WP$", "WDT")):
                continue
            actors = self._resolve_head(tok, doc, span_at, people, pairs, countries_seen, on, mentions)
            if actors:
                mentions.by_head[tok.i] = actors
                for a in actors:
                    if a.country and not a.org and (not countries_seen or countries_seen[-1].country != a.country):
                        countries_seen.append(a)
                self._record_pair(tok, actors, mentions, pairs)
        self._collectives(doc, mentions, excluded)
        return mentions

    def _collectives(self, doc, mentions: Mentions, excluded) -> None:
        """'dozens of protesters', 'a group of residents': the 'of' phrase names the actor."""
        words = _collective_words()
        for tok in doc:
            if tok.lemma_.lower() not in words and tok.lower_ not in words:
                continue
            if excluded and excluded[0] <= tok.idx < excluded[1]:
                continue
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if pobj is None or pobj.i not in mentions.by_head:
                        continue
                    start = doc[np_start(tok)].idx  # "a group of ...", not a date before it
                    end = pobj.idx + len(pobj)
                    mentions.by_head[tok.i] = [
                        replace(a, text=doc.text[start:end], span=(start, end),
                                explanation=f"{a.explanation}; '{tok.text} of …' names its members")
                        for a in mentions.by_head[pobj.i]]

    def _record_pair(self, tok, actors, mentions, pairs) -> None:
        if tok.dep_ != "conj":
            return
        first = tok
        while first.dep_ == "conj":
            first = first.head
        group = mentions.by_head.get(first.i, []) + actors
        roots = [a for a in group if a.root]
        if len({a.code for a in roots}) >= 2:
            pairs.append((first.sent.start, first.dep_ in ("nsubj", "nsubjpass"), roots))

    def _np(self, head, excluded=None) -> list:
        """The head and its left modifiers (not the dateline, not trailing adjectives)."""
        tokens = [head]
        stack = [c for c in head.children if c.dep_ in NP_DEPS]
        while stack:
            t = stack.pop()
            if t.i > head.i and t.dep_ not in ("case", "flat"):
                continue
            if excluded and excluded[0] <= t.idx < excluded[1]:
                continue
            tokens.append(t)
            stack.extend(c for c in t.children if c.dep_ in NP_DEPS)
        return sorted(tokens, key=lambda t: t.i)

    def _sector(self, tokens, head) -> tuple[str | None, str]:
        """Sector from the role noun that heads the phrase ("Syrian rebels"), or for a name, from
        the title before it ("Foreign Ministry spokesman Liu Weimin"): the one nearest the head."""
        words = [t for t in tokens if t.i <= head.i]
        best = None
        n = self.kb.max_sector_words
        if head.pos_ == "PROPN":
            ends = range(len(words), 0, -1)
        elif head.lemma_.lower() in _file_words("actors/holdings.txt") and len(words) > 1:
            ends = [len(words), len(words) - 1]  # "rebel positions": the role word before the holding
        else:
            ends = [len(words)]
        for end in ends:
            for size in range(min(n, end), 0, -1):
                chunk = words[end - size:end]
                text = " ".join(t.text for t in chunk)
                lemma = " ".join(t.lemma_ for t in chunk)
                agent = self.kb.sector(text) or self.kb.sector(lemma)
                if agent:
                    best = (agent.sector, f"role word {text!r} -> {agent.sector} ({agent.source})")
                    break
            if best:
                break
        return best if best else (None, "")

    def _resolve_head(self, tok, doc, span_at, people, pairs, countries_seen, on, mentions):
        lower = tok.lower_
        # Relative pronouns point at their antecedent ("Assad, whose forces ...").
        if lower in RELATIVE_PRONOUNS and tok.tag_ in ("WP", "WP$", "WDT"):
            clause = tok
            while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ in ("relcl", "acl") and clause.head.i in mentions.by_head:
                return [replace(a, text=tok.text, span=(tok.idx, tok.idx + len(tok)),
                                explanation=f"relative pronoun -> {a.text!r}")
                        for a in mentions.by_head[clause.head.i]]
            return []
        # "both countries", "the two sides": the pair just named.
        if tok.lemma_.lower() in PAIR_NOUNS and tok.tag_ == "NNS" and any(
                c.lower_ in ("both", "two") for c in tok.children):
            # the pair named in an earlier sentence ("both sides" in the sentence that names two
            # others refers back, not to them)
            earlier = [(subject, p) for start, subject, p in pairs if start < tok.sent.start]
            subjects = [p for subject, p in earlier if subject]  # a coordinated subject is the more salient pair
            pair = (subjects[-1] if subjects else earlier[-1][1] if earlier
                    else countries_seen[-2:] if len(countries_seen) >= 2 else [])
            return [replace(a, text=tok.text, span=(tok.idx, tok.idx + len(tok)), name=a.name or a.text,
                            explanation=f"{' '.join(c.text for c in tok.lefts)} {tok.text} -> "
                                        f"the pair just named ({a.text})")
                    for a in pair]
        if lower in PERSONAL_PRONOUNS:
            return self._pronoun(tok, mentions)
        if tok.pos_ in ("PRON", "NUM"):
            return []

        tokens = self._np(tok, mentions.excluded)
        # A name matched by the knowledge base, or a person the NER found.
        entry, name_span = None, None
        country = org = sector = None
        person_name = None
        why: list[str] = []
        own = span_at.get(tok.i)
        if tok.pos_ == "ADJ" and not own:
            return []
        if own and own[1][0].kind == "org" and own[0].end == tok.i + 1 and tok.dep_ == "compound" \
                and tok.head.lemma_.lower() in PORTFOLIO_HEADS:
            return []  # "Labour Minister": the minister's portfolio
        if own and _head(own[0]) != tok.i:
            return []  # inside a longer name; the name's own head carries it
        for t in tokens:
            hit = span_at.get(t.i)
            if hit and (name_span is None or _head(hit[0]) == tok.i):
                if name_span is not None and hit[0] == name_span:
                    continue
                cand_span, entries = hit
                cand = entries[0]
                # Prefer an organisation or a person over a country adjective in the same phrase.
                if entry is None or _rank(cand) < _rank(entry) or _head(cand_span) == tok.i:
                    entry, name_span = cand, cand_span
        ent_person = None
        for t in tokens:
            if t.ent_type_ == "PERSON":
                ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
                if ent is not None:
                    ent_person = ent
                    break
        head_sector, sector_why = self._sector(tokens, tok)
        own_name = span_at.get(tok.i)
        if own_name and own_name[1][0].kind in ("org", "user", "petrarch") and _head(own_name[0]) == tok.i:
            # Role words inside an organisation's own name ("Rapid Support Forces") do not recode it.
            head_sector, sector_why = None, ""

        # Country, org and sector from every name in the phrase.
        org_entry = None
        igo_named = any(span_at[t.i][1][0].kind == "org" and span_at[t.i][1][0].sector == "IGO"
                        for t in tokens if t.i in span_at)
        for t in tokens:
            hit = span_at.get(t.i)
            if not hit:
                continue
            e = hit[1][0]
            if e.org and not org:
                org = e.org
                org_entry = e if e.kind == "org" else None
                why.append(f"{e.kind} {hit[0].text!r} -> {e.org} ({e.source})")
            if e.kind == "person" and igo_named and not e.org:
                # "NATO Secretary General Jens Stoltenberg": the international organisation's
                # title, not the person's national office, says whom he acts for
                why.append(f"person {hit[0].text!r} named with an international organisation's title: "
                           f"the organisation, not {e.country}")
                continue
            if e.country and not country and (not e.org or e.kind in ("person", "user")):
                country = e.country
                why.append(f"{e.kind} {hit[0].text!r} -> {e.country} ({e.source})")
            if e.kind == "person":
                person_name = e.names[0]
                sector = sector or e.sector
                if e.office:
                    why.append(f"office holder: {e.describe()}")
        # People: an earlier mention in the article, then the office-holder table.
        if ent_person is None and tok.pos_ == "PROPN" and normalise(tok.text) in people and not (country or org):
            ent_person = doc[tok.i:tok.i + 1]  # a surname the NER missed, seen in full earlier
        if ent_person is not None:
            key_full = normalise(ent_person.text.replace("'s", ""))
            prior = people.get(key_full) or next(
                (people[normalise(w.text)] for w in ent_person if normalise(w.text) in people), None)
            if prior is not None and not (country or org):
                country, org = prior.country, prior.org
                sector = sector or prior.sector
                person_name = prior.name
                why.append(f"coreference: {ent_person.text!r} -> earlier mention {prior.text!r}")
            elif not (country or org):
                for entry_p in self.kb.lookup(ent_person.text.replace("'s", ""), on):
                    if entry_p.kind in ("person", "user", "petrarch"):
                        country, org, sector = entry_p.country, entry_p.org, sector or entry_p.sector
                        person_name = entry_p.names[0]
                        why.append(f"office holder: {entry_p.describe()}")
                        break
        # Possessives carry their owner's country: "Assad's forces", "China's Foreign Ministry".
        for c in tok.children:
            if c.dep_ == "poss" and c.i in mentions.by_head and not (country or org):
                owner = mentions.by_head[c.i][0]
                country, org = owner.country, owner.org
                why.append(f"possessive {c.text!r} -> {owner.root}")
        # "the president of Syria", "spokesman for the ministry".
        owners_also: list[tuple[str, object]] = []  # "the presidents of Kenya and Uganda": the others
        owner_code: tuple[str | None, str | None] | None = None  # an organisation owner's (code, sector)
        if head_sector and not (country or org):
            # "fighters loyal to X", "a militia affiliated with Y": the one they belong to
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "in")]
            preps += [p for a in tok.children if a.dep_ in ("amod", "acl") and a.lemma_.lower() in ALLEGIANCE
                      for p in a.children if p.dep_ == "prep" and p.lower_ in ("to", "with")]
            for prep in preps:
                for pobj in prep.children:
                    if pobj.i in mentions.by_head:
                        owner = mentions.by_head[pobj.i][0]
                        country, org = owner.country, owner.org
                        owner_code = (owner.code, owner.sector) if owner.org else None
                        why.append(f"'{prep.text} {pobj.text}' -> {owner.root}")
                    elif pobj.dep_ == "pobj" and pobj.i in span_at:
                        # a name later in the sentence: "the government of Britain"
                        owner_entry = span_at[pobj.i][1][0]
                        country, org = owner_entry.country, owner_entry.org
                        owner_code = (owner_entry.code, owner_entry.sector) if owner_entry.org else None
                        why.append(f"'{prep.text} {pobj.text}' -> {owner_entry.root}")
                    elif pobj.dep_ == "pobj" and (prep.head.i != tok.i or self.kb.sector(pobj.lemma_)):
                        # "loyal to the Syrian government", "leaders of Estonia's new government",
                        # not yet resolved: its country word
                        named = [span_at[c.i][1][0] for c in pobj.children
                                 if c.dep_ in ("amod", "compound", "poss") and c.i in span_at]
                        named = [e for e in named if e.kind in ("country", "adjective", "capital") and e.country]
                        if named:
                            country = named[0].country
                            why.append(f"'{prep.text} {pobj.text}' -> {country}")
                    if pobj.dep_ == "pobj" and tok.tag_ in ("NNS", "NNPS") and (country or org):
                        owners_also += [(c.text, span_at[c.i][1][0]) for c in with_conj(pobj)[1:]
                                        if c.i in span_at and span_at[c.i][1][0].kind == "country"]
        if head_sector and not (country or org) and tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "Israeli helicopters and tanks": the country word before the first noun is the
            # second's too
            named = [(c, span_at[c.i][1][0]) for c in tok.head.children if c.dep_ in ("amod", "compound")
                     and c.i < tok.head.i and c.i in span_at and span_at[c.i][1][0].kind in ("adjective", "country")]
            if named and named[0][1].country:
                country = named[0][1].country
                why.append(f"{named[0][0].text!r} before '{tok.head.text} and {tok.text}' -> {country}")
        if head_sector:
            sector = head_sector if not (sector and tok.i in (_head(name_span) if name_span else -1,)
                                         and entry and entry.kind == "person") else sector
            why.append(sector_why)
        elif entry is not None and entry.sector and not sector:
            sector = entry.sector
            if entry.kind in ("capital", "seat"):
                why.append(f"{entry.kind} {name_span.text!r} stands for the government")

        is_actor = bool(
            (name_span is not None and (_head(name_span) == tok.i or tok.i in range(name_span.start, name_span.end)))
            or head_sector or (ent_person is not None and tok.i in range(ent_person.start, ent_person.end)
                               and (country or org or sector))
        )
        if not (is_actor and (country or org or sector)):
            return self._unknown_organisation(tok, doc, tokens, mentions, span_at)
        demonym_noun = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound") \
            and tok.tag_ in ("NNS", "NNPS")  # "Palestinians blamed ...", "ethnic Albanians"
        if entry is not None and name_span is not None and _head(name_span) == tok.i and entry.kind == "adjective" \
                and not head_sector and not demonym_noun:
            # "Chinese" modifying a noun that is no actor ("Chinese projects") is not an actor
            mentions.modifiers[tok.i] = [Actor(text=tok.text, code=entry.code, country=entry.country,
                                               span=(tok.idx, tok.idx + len(tok)),
                                               explanation=f"adjective {tok.text!r} -> {entry.country} ({entry.source})")]
            return []
        ethnic = None  # "ethnic Albanians": a people, coded to where they live
        if entry is not None and entry.kind == "adjective" and name_span is not None \
                and _head(name_span) == tok.i and org is None and demonym_noun:
            home = self._residence(tok, span_at)
            if home is not None and home[1] != country:
                why.append(f"a people coded where they live: '{home[0]}' -> {home[1]}")
                country = home[1]
            elif home is None and (entry.source == PEOPLES or any(c.lower_ == "ethnic" for c in tok.children)):
                ethnic = country  # a people's home country (peoples.tsv) is only a default
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        if name_span is not None and tok.i in range(name_span.start, name_span.end):
            # a name whose tokens the parser hung elsewhere ("al-Shabaab": "-" and "Shabaab" on
            # the next noun) is still the whole name
            start, end = min(start, name_span.start_char), max(end, name_span.end_char)
        text = doc.text[start:end]
        if (entry is not None and entry.code and entry.kind in ("org", "person", "user", "petrarch")
                and sector in (None, entry.sector) and entry.root == (org or country)):
            code = entry.code
        elif (entry is not None and entry.code and entry.kind in ("org", "user") and org and entry.org == org
              and entry.sector == "IGO"):
            # "EU officials" are the EU (IGOEUREEC); "NATO troops" its military (IGOWSTNATMIL)
            code = _org_code(entry.code, sector)
        elif owner_code and owner_code[0] and org and not country:
            # "militants loyal to al-Qaeda", "a spokesman for the UN": the organisation's own code
            code = _org_code(owner_code[0], sector, owner_code[1])
        elif org_entry is not None and org_entry.sector == "IGO" and org_entry.code and not country:
            # "the Arab League's secretary general Amr Moussa": the organisation's own code
            code = _org_code(org_entry.code, sector)
        else:
            code = make_code(country, sector, org)
        actor = Actor(text=text, code=code, country=country, org=org, sector=sector, span=(start, end),
                      name=person_name or (ent_person.text if ent_person is not None else None),
                      explanation="; ".join(w for w in why if w) or "role word")
        if ethnic:
            object.__setattr__(actor, "_ethnic", ethnic)  # the places stage may move it (places.py)
        if ent_person is not None and (country or org):
            people.setdefault(normalise(ent_person.text), actor)
            for w in ent_person:
                if w.pos_ == "PROPN":
                    people.setdefault(normalise(w.text), actor)
        also = [replace(actor, country=e.country, code=make_code(e.country, sector, None),
                        explanation=f"'{text}' -> {e.country}, coordinated with the first owner")
                for text, e in owners_also if e.country and e.country != country]
        return [actor] + also + self._coordinated_countries(tokens, span_at, actor, country, org, sector, tok)

    @staticmethod
    def _residence(tok, span_at) -> tuple[str, str] | None:
        """'Albanians in south Serbia', 'the Kurds of Iraq': the country a people lives in."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from"):
                continue
            for pobj in prep.children:
                hit = span_at.get(pobj.i)
                if pobj.dep_ == "pobj" and hit and hit[1][0].kind in ("country", "capital", "seat") \
                        and hit[1][0].country:
                    return hit[0].text, hit[1][0].country
        return None

    def _coordinated_countries(self, tokens, span_at, actor, country, org, sector, head=None) -> list[Actor]:
        """"Hungarian and Romanian officials": one actor for each coordinated country word."""
        if org or not country:
            return []
        out = []
        if head is not None and head.dep_ == "conj" and head.head.i in span_at and head.head.i < head.i:
            # the parser made the first country word a noun and coordinated the phrase with it
            # ("Sri Lankan [and Indian aid workers]"): the first word shares the noun
            first = head.head
            other = span_at[first.i][1][0]
            if other.kind == "adjective" and other.country and other.country != country \
                    and first.tag_ not in ("NNS", "NNPS") and not first.lower_.endswith("s"):
                out.append(replace(actor, country=other.country, code=make_code(other.country, sector, None),
                                   explanation=f"{other.kind} {first.text!r} -> {other.country} ({other.source}), "
                                               f"coordinated with {actor.text!r}"))
        for t in tokens:
            hit = span_at.get(t.i)
            if not hit or hit[1][0].country != country or t.dep_ not in ("amod", "compound", "nmod"):
                continue
            for c in t.children:
                if c.dep_ != "conj" or c.i not in span_at:
                    continue
                other = span_at[c.i][1][0]
                if other.kind in ("adjective", "country") and other.country and other.country != country:
                    out.append(replace(actor, country=other.country, code=make_code(other.country, sector, None),
                                       explanation=f"{other.kind} {c.text!r} -> {other.country} ({other.source}), "
                                                   f"coordinated with {t.text!r}"))
        return out

    def _unknown_organisation(self, tok, doc, tokens, mentions, span_at=None) -> list[Actor]:
        """A named organisation the dictionaries do not know ("the RPP", "Resistance Committees"):
        an actor with no code yet; the event's place may later give it a country. A country
        named inside its name makes it a national organisation of that country ("the Nigerian
        Union of Teachers")."""
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "amod", "poss") or tok.ent_type_ not in ("ORG", "NORP"):
            return []
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or ent.root.i != tok.i:
            return []
        if mentions.excluded and mentions.excluded[0] <= ent.start_char < mentions.excluded[1]:
            return []
        known = self._known_part(ent, tok, span_at or {})
        if known is not None:
            entry, why = known
            return [Actor(text=ent.text, code=entry.code, country=entry.country, org=entry.org, sector=entry.sector,
                          span=(ent.start_char, ent.end_char), name=ent.text,
                          explanation=f"organisation not in the dictionaries (named entity {ent.label_}): {why}")]
        # a country named inside the name, or (for a people, NORP) before it: "Iraqi Kurds"
        words = list(ent) + ([t for t in tokens if t.i < ent.start] if ent.label_ == "NORP" else [])
        named = {span_at[t.i][1][0].country for t in words if span_at and t.i in span_at
                 and span_at[t.i][1][0].kind in ("country", "adjective")}
        if len(named) == 1 and None not in named:
            country = named.pop()
            return [Actor(text=ent.text, code=country, country=country, span=(ent.start_char, ent.end_char),
                          name=ent.text, explanation=f"organisation not in the dictionaries (named entity "
                                                     f"{ent.label_}), of {country}: the country is named in "
                                                     f"or before its name")]
        if ent.label_ == "ORG" and {t.lower_ for t in ent} & _file_words("actors/international_words.txt"):
            # "the Union of African Lawyers", "the Global Rivers Forum": a body whose name
            # spans countries is an international organisation (an NGO unless known otherwise)
            return [Actor(text=ent.text, code="NGO", org="NGO", sector="NGO", span=(ent.start_char, ent.end_char),
                          name=ent.text, explanation=f"organisation not in the dictionaries (named entity "
                                                     f"{ent.label_}), international by its name")]
        return [Actor(text=ent.text, span=(ent.start_char, ent.end_char), name=ent.text,
                      explanation=f"organisation not in the dictionaries (named entity {ent.label_})")]

    @staticmethod
    def _known_part(ent, tok, span_at) -> tuple[ActorEntry, str] | None:
        """A known organisation an unknown name stands for: its abbreviation in parentheses after
        it ("the International Labor Office (ILO)"), or an international organisation its name
        begins with, whose body or official it is ("the United Nations Aid Coordinator"; a
        party's or a union's longer name is another organisation)."""
        for c in tok.children:
            if c.dep_ == "appos" and c.i in span_at and _in_parens(c):
                entry = span_at[c.i][1][0]
                if entry.kind == "org":
                    return entry, f"its abbreviation {c.text!r} -> {entry.root}"
        first = span_at.get(ent.start) or (span_at.get(ent.start + 1) if ent[0].lower_ == "the" else None)
        if first is not None and first[0].end < ent.end:
            entry = first[1][0]
            if entry.kind == "org" and entry.sector == "IGO" and entry.org and not entry.country:
                return entry, f"a body or official of {first[0].text!r} -> {entry.root}"
        return None

    def _pronoun(self, tok, mentions: Mentions) -> list[Actor]:
        """A subject pronoun: in reported speech, the speaker ("Syria says it will ...", "they
        said they had ..."); else 'it'/'he'/'she' take the nearest earlier subject of the same or
        the previous sentence that agrees ('it' no named person, 'he'/'she' a person or a
        singular role noun). Agreement is a heuristic: 'it' can still take a role noun such as
        "a militant"."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return []
        lower = tok.lower_

        def agrees(head) -> bool:
            person = head.ent_type_ == "PERSON"
            if lower == "it":
                return not person and head.tag_ in ("NN", "NNP")
            if lower in ("he", "she"):
                return person or (head.pos_ == "NOUN" and head.tag_ == "NN")
            return True

        def resolved(a: Actor, why: str) -> Actor:
            return replace(a, text=tok.text, span=(tok.idx, tok.idx + len(tok)),
                           explanation=f"pronoun {tok.text!r} -> {why} {a.text!r}")

        clause = tok.head
        for _ in range(4):
            if clause.dep_ in ("ccomp", "parataxis") and clause.head.pos_ in ("VERB", "AUX"):
                for c in clause.head.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i in mentions.by_head and c.i != tok.i:
                        if not agrees(c):
                            return []
                        return [resolved(a, "speaker") for a in mentions.by_head[c.i]]
            if clause.dep_ not in PRONOUN_CLAUSE_UP or clause.head.i == clause.i:
                break
            clause = clause.head
        if lower not in ("it", "he", "she"):
            return []
        # the nearest earlier subject: this sentence first, then the one before
        sent = tok.sent
        start = sent.start
        if start > 0:
            start = tok.doc[start - 1].sent.start
        for i in range(tok.i - 1, start - 1, -1):
            cand = tok.doc[i]
            if cand.dep_ in ("nsubj", "nsubjpass") and cand.i in mentions.by_head:
                if cand.lower_ in PERSONAL_PRONOUNS and cand.lower_ != lower:
                    continue
                if not agrees(cand) and cand.lower_ != lower:
                    return []
                return [resolved(a, "earlier subject") for a in mentions.by_head[cand.i]]
        return []


@lru_cache(maxsize=None)
def _file_words(name: str) -> frozenset[str]:
    """The words of a one-word-a-line data file ('#' starts a comment line)."""
    path = data_path(name)
    return frozenset(ln.strip().lower() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


def _collective_words() -> frozenset[str]:
    return _file_words("actors/collectives.txt")


def _rank(entry: ActorEntry) -> int:
    order = ("user", "person", "org", "petrarch", "seat", "capital", "country", "adjective")
    return order.index(entry.kind) if entry.kind in order else 99


def _org_code(code: str, sector: str | None, own_sector: str | None = None) -> str:
    """An organisation's own code for the organisation itself, its officials or its own kind of
    member ("EU officials" IGOEUREEC); its code and the sector for another part ("NATO troops"
    IGOWSTNATMIL)."""
    return code if sector in (None, "GOV", "IGO", own_sector) else f"{code}{sector}"


STANCE_PREFIXES = ("pro", "anti")
# Words by which an armed group or a crowd is said to belong to someone: "forces loyal to X".
ALLEGIANCE = {"loyal", "allied", "ally", "affiliated", "affiliate", "aligned", "align", "belong", "belonging"}


def _in_parens(tok) -> bool:
    """A token right inside parentheses: "(ILO)"."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "(" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")"


def _hyphen_joined(doc, span) -> bool:
    """A name joined by a hyphen to the next or the previous word ("Franco-German ties"), not
    to a stance prefix ("pro-Hadi forces" are Hadi's)."""
    after = span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end].whitespace_ \
        and not doc[span.end - 1].whitespace_
    before = span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_ \
        and not doc[span.start - 1].whitespace_ and doc[span.start - 2].lower_ not in STANCE_PREFIXES
    return after or before  # "pro-Hadi forces" still names Hadi


def _head(span) -> int:
    """The index of a known name's head word. The parser sometimes breaks a long name up ("demands
    from Front for the Liberation of the Enclave of Cabinda": "for ..." hung on "demands"), and
    the span's root is then a preposition; the head is the name's noun that the sentence hangs on."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN"):
        return root.i
    outside = [t for t in span if t.pos_ in ("NOUN", "PROPN")
               and (t.head.i == t.i or not span.start <= t.head.i < span.end)]
    return outside[0].i if outside else root.i


def _stance_prefixed(doc, span) -> bool:
    """A country written after "pro-" or "anti-": what the actor is for or against."""
    i = span.start
    return (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES) or (
        i >= 1 and doc[i - 1].lower_ in tuple(p + "-" for p in STANCE_PREFIXES))
