"""Stage: events. Clause-level events from the dependency parse, coded in CAMEO and PLOVER.

For each verb (and each event noun) in the verb/noun dictionary: find its source (subject, passive
agent, or the subject it inherits through verb chains, coordination and relative clauses), its
recipient (object, prepositional object, or an actor inside the object's phrase), and flags
(negated, future). Reported speech is coded as the reported clause, with the speaker kept as
attribution. One event is emitted per source and recipient pair.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..config import Config
from ..model import Actor, Article, Event
from ..nlp import np_start, paragraph_start
from .dictionary import NO_EVENT, Dictionaries, Sense, load_dictionaries
from .syntax import (SUBJ, agents, disagree, governing_clause, in_purpose_clause, is_passive, misparsed_subject,
                     passive_without_agent, preceding_subject, purpose_clause, with_conj)

# Dependents of a subject that do not say who acts ("the attack on X", "which ...").
SUBJ_SKIP = ("relcl", "acl", "advcl", "ccomp", "prep", "appos", "conj")
# The dependencies an act or event noun hangs from inside its clause: walked up to see whether
# the clause states a fact (events in conditions and requests do not happen).
UNREAL_PATH = ("xcomp", "conj", "dobj", "pobj", "prep", "attr", "nsubjpass", "oprd", "compound", "acomp")
# Prepositions of circumstance, whose phrase names no recipient of the act ("without", "despite").
CIRCUMSTANCE_PREPS = {"without", "despite"}
# Verbs of letting someone act, whose clause's subject is the one let act ("allow X to land").
PERMIT_VERBS = {"allow", "permit", "let", "enable"}
# Verbs of saying whose object noun is the speaker's own act ("announced a suspension of talks").
ANNOUNCING = {"announce", "declare", "claim", "reiterate", "repeat", "confirm", "report", "decide", "rule", "conclude"}
# Words of a time expression that place an event before the news it is told with ("six months
# ago", "last year", "earlier this month", "this year"); the adverbs count outside a date too.
PAST_WORDS = {"ago", "last", "earlier", "previous", "previously", "past", "this"}
PAST_ADVERBS = {"ago", "earlier", "previously"}
# Nouns of a stance whose "in ... of/against X" phrase names whom an act is aimed at ("in
# defiance of the authorities", "in protest against the verdict").
STANCE_NOUNS = {"defiance", "protest", "opposition"}
# CAMEO's root code for rejections (12 REJECT): refused in spite of whose demand.
REFUSAL_PREFIX = "12"
# CAMEO's root code for threats (13 THREATEN); a threat's recipient may be named by its condition.
THREAT_PREFIX = "13"
# Prepositions whose object is a recipient when the dictionary names none.
RECIPIENT_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "for", "from", "upon")
# Object heads that stand for their "of" phrase: "part of the program", "most of the aid".
PARTITIVES = {"part", "parts", "most", "much", "some", "all", "half", "rest", "portion", "section", "total",
              "share", "bulk", "remainder", "majority", "many", "one", "two", "several",
              # measures: "700 kg of medicine", "$50,000 worth of goods", "tons of aid"
              "kg", "kilogram", "kilo", "ton", "tonne", "pound", "litre", "liter", "worth", "lot",
              "amount", "quantity", "batch", "consignment", "shipment", "truckload", "load",
              "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
              "number",
              # spans and rounds: "launched ten days of war games", "held two rounds of talks"
              "day", "days", "week", "weeks", "month", "months", "hour", "hours", "round", "rounds",
              # runs of one act: "conducted a wave of airstrikes", "fired a barrage of rockets"
              "series", "string", "wave", "waves", "spate", "barrage", "volley", "salvo", "flurry",
              "succession", "chain", "campaign"}


# The start of the explanation of a crowd the protest rule makes an actor ("15 nurses").
CROWD = "subject of the protest verb"

# Occurrence verbs that take no object: "a clash ensued", "fighting erupted".
INTRANSITIVE_OCCURRENCE = {"break", "erupt", "occur", "happen", "ensue", "flare", "rage", "resume",
                           "continue", "intensify", "escalate"}


@dataclass
class Trigger:
    token: object
    sense: Sense
    kind: str  # verb | noun | endorse


class EventExtractor:
    def __init__(self, dictionaries: Dictionaries):
        self.d = dictionaries
        self.reporting = dictionaries.words("reporting_verbs")
        self.future = dictionaries.words("future_markers")
        self.negating = dictionaries.words("negating_verbs")
        self.proposals = dictionaries.words("proposal_nouns")
        self.demands = dictionaries.words("demand_nouns")
        self.endorse = [p.lower() for p in dictionaries.lexicon.get("endorsement_predicates", []) or []]
        self.attempt = dictionaries.words("attempt_nouns")
        self.reciprocal = {str(r) for r in dictionaries.lexicon.get("reciprocal_roots", ["03", "04", "05", "06"])}
        self.endorse_code = str(dictionaries.lexicon.get("endorsement_cameo", "051"))
        self.rejecting = [p.lower() for p in dictionaries.lexicon.get("rejection_predicates", []) or []]
        self.responsible = dictionaries.words("responsibility_predicates")
        self.rejection_code = str(dictionaries.lexicon.get("rejection_cameo", "120"))
        self.demand = dictionaries.words("demand_markers")
        self.agentless = {str(t).upper() for t in dictionaries.lexicon.get("agentless_passive_types", []) or []}
        self.demand_code = str(dictionaries.lexicon.get("demand_cameo", "100"))
        self.demand_reporters = self.reporting | dictionaries.words("demand_reporters")
        self.accusers = dictionaries.words("accusation_reporters")
        self.agreement_intent = str(dictionaries.lexicon.get("agreement_intent_cameo", "030"))
        self.joint = {str(k): str(v) for k, v in (dictionaries.lexicon.get("joint_cameo") or {}).items()}
        self.accusation_code = str(dictionaries.lexicon.get("accusation_cameo", "112"))
        self.intent = _code_table(dictionaries, "intent_cameo")
        self.ultimatum = str(dictionaries.lexicon.get("ultimatum_cameo", "139"))
        self.conditions = dictionaries.words("condition_marks")
        self.pending = dictionaries.words("pending_marks")
        self.occurrence = dictionaries.words("occurrence_verbs")
        self.refusal = _code_table(dictionaries, "refusal_cameo")
        self.requesting = dictionaries.words("request_verbs")
        self.protesters = dictionaries.words("protester_nouns")
        self.gathering = dictionaries.words("gathering_verbs")
        self.symmetric = {str(c) for c in dictionaries.lexicon.get("symmetric_codes", []) or []}
        self.protest_code = str(dictionaries.lexicon.get("protest_cameo", "141"))
        self.weapons = dictionaries.words("weapon_nouns")
        self.accidents = dictionaries.words("accident_words")
        self.perception = dictionaries.words("perception_verbs")
        self.nested_nouns = bool(dictionaries.lexicon.get("code_nested_event_nouns", False))
        self.code_complements = bool(dictionaries.lexicon.get("code_complement_repeats", False))
        self.code_background = bool(dictionaries.lexicon.get("code_background_events", True))
        self.own_object = tuple(str(c) for c in dictionaries.lexicon.get("own_object_codes", []) or [])

    @classmethod
    def from_config(cls, config: Config) -> "EventExtractor":
        return cls(load_dictionaries(config.user_dictionaries))

    # -- matching the dictionary ---------------------------------------------------------------
    def _sense(self, tok, table) -> Sense | None:
        senses = (table.get(tok.lemma_.lower()) or table.get(tok.lower_) or _deinflected(tok, table)
                  or _hyphenated(tok, table))
        if not senses:
            return None
        children = list(tok.children)
        # a phrase of time is no argument: "insisted on Monday (that ...)" is not "insisted on"
        preps = {c.lower_ for c in children if c.dep_ in ("prep", "agent", "dative") and not _of_time(c)}
        particles = {c.lower_ for c in children if c.dep_ == "prt"}
        # the object, or in a passive its subject ("a rally was held", "sanctions were imposed")
        heads = [c for c in children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
        # "suspended part of the aid program": a partitive object stands for its "of" phrase
        heads += [g for c in heads if c.lemma_.lower() in PARTITIVES for p in c.children
                  if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        # an object's compound modifier counts too: "suspended aid deliveries", "halt mediation efforts"
        objs = {w.lemma_.lower() for c in heads for w in [c] + [g for g in c.children if g.dep_ == "compound"]}
        # failing a sense with these, the objects coordinated with them: "fired 122 mm and 82 mm mortars"
        conj_objs = objs | {w.lemma_.lower() for c in heads for x in c.children
                            if x.dep_ == "conj" and x.pos_ in ("NOUN", "PROPN")
                            for w in [x] + [g for g in x.children if g.dep_ == "compound"]}
        pobjs = {w.lemma_.lower() for c in children if c.dep_ in ("prep", "agent") for g in c.children
                 if g.dep_ == "pobj" for w in [g] + [x for x in g.children if x.dep_ == "compound"]}
        # a partitive stands for its "of" phrase here too: "gathered as part of a strike"
        pobjs |= {w.lemma_.lower() for c in children if c.dep_ == "prep" for g in c.children
                  if g.dep_ == "pobj" and g.lemma_.lower() in PARTITIVES for p in g.children
                  if p.dep_ == "prep" and p.lower_ == "of" for w in p.children if w.dep_ == "pobj"}
        # and the object's own "with" phrase: "held a news conference with placards"
        pobjs |= {g.lemma_.lower() for c in heads for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                  for g in p.children if g.dep_ == "pobj"}
        # the prepositions of the object's own phrase, for a sense that names both ("took control
        # of the town", "took part in a protest": the parser hangs the phrase on the object)
        obj_preps = {p.lower_ for c in heads for p in c.children if p.dep_ == "prep"}
        obj_pobjs = {w.lemma_.lower() for c in heads for p in c.children if p.dep_ == "prep"
                     for g in p.children if g.dep_ == "pobj"
                     for w in [g] + [x for x in g.children if x.dep_ == "compound"]}
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        # an infinitive complement, a purpose clause ("gathered to demand") or a participial one
        # ("gathered outside parliament, demanding ...")
        # The small model parses "allowed X to hold a rally" as a clause with its own subject
        # (ccomp with 'to'): an infinitive complement too.
        xcomps = {c.lemma_.lower() for c in children
                  if c.dep_ == "xcomp" or purpose_clause(c) or (c.dep_ == "advcl" and c.tag_ == "VBG")
                  or (c.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))}
        # a purpose clause the parser hung on a place noun ("gathered at the stops in X to
        # support ...": "to support" read as a clause of "stops")
        nouns = [g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        nouns += [c for c in children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        nouns += [x for n in nouns for p in n.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"]
        xcomps |= {a.lemma_.lower() for n in nouns for a in n.children
                   if a.dep_ == "acl" and a.tag_ == "VB" and any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)}
        mods = {c.lemma_.lower() for c in children if c.dep_ in ("compound", "amod")}

        def first(objects: set[str], candidates: list[Sense]) -> Sense | None:
            for s in candidates:
                if s.particle and s.particle.lower() not in particles:
                    continue
                if s.prep and not (set(s.prep) & (preps | obj_preps if s.obj else preps)):
                    continue
                if s.obj and not (set(s.obj) & objects):
                    continue
                if s.pobj and not (set(s.pobj) & (pobjs | obj_pobjs if s.obj else pobjs)):
                    continue
                if s.passive is not None and bool(s.passive) != passive:
                    continue
                if s.xcomp and not (set(s.xcomp) & xcomps):
                    continue
                if s.mod and not (set(s.mod) & mods):
                    continue
                return s
            return None

        found = first(objs, senses)
        if found is None and conj_objs != objs:
            found = first(conj_objs, [s for s in senses if s.obj])
        return found

    # -- the stage -----------------------------------------------------------------------------
    def extract(self, doc, article: Article, mentions) -> list[Event]:
        events: list[Event] = []
        quote_at = _quote_lookup(article)
        verb_triggers: set[int] = set()
        for sent_i, sent in enumerate(doc.sents):
            for tok in sent:
                if mentions.excluded and mentions.excluded[0] <= tok.idx < mentions.excluded[1]:
                    continue
                trigger = None
                if in_purpose_clause(tok) and not self._protest_verb(tok):
                    continue  # "attacked X to defend Y": an intention, not an event that happened
                if self._condition(tok) or self._in_unreal_clause(tok):
                    continue  # "... if it is attacked": a condition, not an event
                if self._requested(tok):
                    continue  # "urged Iran to release ...": the request is the event
                if self._demanded(tok) is not None:
                    continue  # "Russia said Sudan must return ...": coded as Russia's demand instead
                if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and tok.lemma_.lower() in self.responsible:
                    continue  # "X is to blame": X is blamed (responsibility_predicates), X blames no one
                if tok.pos_ == "VERB" and tok.lemma_.lower() in self.accusers:
                    trigger = self._accusation_trigger(tok)
                if trigger is None and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in self.reporting:
                    sense = self._sense(tok, self.d.verbs) or self._protesters_gather(tok)
                    if sense and sense.cameo == NO_EVENT:
                        continue  # a sense that says this use of the verb is no event
                    if sense:
                        trigger = Trigger(tok, sense, "verb")
                elif trigger is None and tok.pos_ == "VERB" and tok.lemma_.lower() in self.reporting:
                    trigger = self._endorsement(tok) or self._demand_trigger(tok) or self._blamed(tok)
                if trigger is None and tok.pos_ == "VERB" and tok.lemma_.lower() in self.demand_reporters:
                    trigger = self._demand_trigger(tok)
                if tok.pos_ == "NOUN" and trigger is None and not purpose_clause(tok.head) \
                        and self._demanded(tok.head) is None:
                    sense = self._sense(tok, self.d.nouns)
                    if sense and sense.cameo != NO_EVENT and tok.head.i not in verb_triggers:
                        trigger = Trigger(tok, sense, "noun")
                if trigger is None:
                    continue
                new = self._code(trigger, doc, article, mentions, sent_i, quote_at)
                if new and trigger.kind == "verb":
                    verb_triggers.add(tok.i)
                events.extend(new)
        if not self.nested_nouns:
            events = _without_nested_nouns(events, doc)
        if not self.code_complements:
            events = _without_complement_repeats(events, doc)
        if not self.code_background:
            events = _without_background(events, doc)
        return _dedupe(_protest_content(self._protesters_speak(events, doc)))

    def _endorsement(self, verb) -> Trigger | None:
        """'X say(s) Y's plan is the only way forward': X endorses Y; 'X said lifting the
        sanctions is out of the question': X rejects it (a general reporting pattern)."""
        if not (self.endorse or self.rejecting):
            return None
        for c in verb.children:
            if c.dep_ == "ccomp" and c.lemma_ == "be":
                preds = [g for g in c.children if g.dep_ in ("attr", "acomp", "prep")]
                if not preds:
                    continue
                phrase = " ".join(t.lower_ for g in preds for t in g.subtree)
                if any(p in phrase for p in self.endorse):
                    sense = Sense(lemma=verb.lemma_.lower(), cameo=self.endorse_code, source="lexicon.yaml endorsement_predicates")
                    return Trigger(c, sense, "endorse")
                if any(p in phrase for p in self.rejecting):
                    sense = Sense(lemma=verb.lemma_.lower(), cameo=self.rejection_code,
                                  source="lexicon.yaml rejection_predicates")
                    return Trigger(c, sense, "endorse")
        return None

    def _blamed(self, verb) -> Trigger | None:
        """'X said Y was responsible for / behind the attack': X accuses Y (lexicon.yaml
        responsibility_predicates), coded like the accusation reporters."""
        if any(g.dep_ == "neg" for g in verb.children):
            return None  # "did not say who was behind it"
        for c in verb.children:
            subj = [g for g in c.children if g.dep_ in SUBJ]
            if c.dep_ != "ccomp" or c.lemma_ != "be" or not subj or subj[0].tag_ in ("WP", "WDT") \
                    or any(g.dep_ == "neg" for g in c.children):
                continue  # not "... who is responsible" nor "... is not responsible"
            if any((g.dep_ in ("acomp", "xcomp") and g.lemma_.lower() in self.responsible)
                   or (g.dep_ == "prep" and g.lower_ in self.responsible) for g in c.children):
                sense = Sense(lemma=verb.lemma_.lower(), cameo=self.accusation_code,
                              source="lexicon.yaml responsibility_predicates")
                return Trigger(c, sense, "accusation")
        return None

    def _protesters_speak(self, events: list[Event], doc) -> list[Event]:
        """What protesters demand, denounce or reject is their protest (lexicon protester_nouns)."""
        if not self.protesters:
            return events
        cameo = self.d.code(self.protest_code)
        out = []
        for e in events:
            if e.type in ("REQUEST", "ACCUSE", "REJECT") and e.actors and e.actors[0].span:
                span = doc.char_span(*e.actors[0].span, alignment_mode="expand")
                head = span.root if span is not None else None
                if head is not None and (head.lemma_.lower() in self.protesters or head.lower_ in self.protesters):
                    e = replace(e, type=cameo.plover_type, mode=cameo.plover_mode, cameo=cameo.code,
                                cameo_name=cameo.name, goldstein=cameo.goldstein, quad_class=cameo.quad_class,
                                explanation=f"{e.explanation}; said by protesters ('{head.text}'): the "
                                            f"content of their protest, coded {cameo.code} (was {e.cameo})")
            out.append(e)
        return out

    def _thing_subject(self, verb, mentions) -> bool:
        """The subject is a weapon or an event, not an actor ("a roadside bomb killed ...")."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
            subj = verb.head  # "a chemical attack that killed 400 civilians"
        return subj is not None and not mentions.at(subj) and self._is_thing(subj)

    def _thing_agent(self, verb) -> bool:
        """A passive whose agent is a weapon or an event ("killed by a roadside bomb")."""
        found = agents(verb)
        return bool(found) and all(self._is_thing(g) for g in found)

    def _is_thing(self, tok) -> bool:
        """A weapon (lexicon weapon_nouns) or an event noun (nouns.yaml)."""
        lemma = tok.lemma_.lower()
        return lemma in self.weapons or lemma in self.d.nouns

    def _occurring(self, noun):
        """The verb that says an event noun happened ("clashes broke out", "monitors recorded 54
        explosions"), or None."""
        head = noun.head
        if noun.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in self.occurrence:
            return head
        for c in noun.children:
            # "a clash ensued between ...", parsed with 'ensued' as a modifier of 'clash'
            # (an intransitive verb: a participle of it cannot be passive)
            if c.dep_ == "acl" and c.pos_ == "VERB" and c.lemma_.lower() in self.occurrence \
                    and c.lemma_.lower() in INTRANSITIVE_OCCURRENCE and not any(g.dep_ == "agent" for g in c.children):
                return c
        if noun.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children):
            return head  # "there were three clashes between rival gangs"
        obj = noun
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PARTITIVES:
            obj = head.head  # "a total of 14 explosions", "dozens of airstrikes"
        if obj.dep_ == "dobj" and obj.head.pos_ == "VERB" and obj.head.lemma_.lower() in self.perception:
            return obj.head
        return None

    def _crowd(self, verb, mentions) -> Actor | None:
        """The subject of a protest verb that names no known actor ("relatives of a man",
        "hundreds of aspirants", "taxi drivers"): people who protest are a civilian group."""
        node = verb
        for _ in range(4):
            subj = (next((c for c in node.children if c.dep_ == "nsubj"), None) or misparsed_subject(node)
                    or preceding_subject(node))
            if subj is None and node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN") \
                    and not any(c.dep_ in ("dobj", "agent") for c in node.children):
                # "15 people protested outside ...": a protest verb takes no object, so its
                # participle cannot be a passive modifier; the noun it hangs on protests
                subj = node.head
            if subj is not None:
                break
            if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
                return None
            node = node.head
        else:
            return None
        if subj.pos_ == "ADP":
            # "between 60 and 80 nurses marched": the parser makes the preposition the subject
            subj = next((c for c in subj.children if c.dep_ == "pobj"), subj)
        # "about 200 gathered to protest": a bare number of people
        headcount = subj.pos_ == "NUM" and subj.dep_ == "nsubj" and not any(c.dep_ == "prep" for c in subj.children)
        if subj.pos_ not in ("NOUN", "PROPN") and not headcount:
            return None
        if mentions.at(subj):
            return mentions.at(subj)[0]  # a known actor the parser detached ("15 people protested")
        span = _phrase(subj, mentions, of_phrase=True)  # "relatives of a man"
        if span is None:
            return None
        return Actor(text=span.text, code="CVL", sector="CVL", span=(span.start_char, span.end_char),
                     explanation=f"{CROWD} {verb.text!r}, not in the dictionaries: a civilian group")

    def _protest_verb(self, tok) -> bool:
        """'blocked the road to protest against ...': the purpose is itself the act of protest."""
        sense = self._sense(tok, self.d.verbs)
        return bool(sense) and (sense.plover or self.d.code(sense.cameo).plover_type) == "PROTEST"

    def _demanded(self, verb):
        """The reporting verb above a clause with "must/should/has to", or None."""
        if not self.demand or verb.pos_ not in ("VERB", "AUX"):
            return None
        modal = any(c.dep_ == "aux" and c.lower_ in self.demand for c in verb.children)
        node = verb
        if not modal and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("have", "need"):
            modal, node = True, verb.head
        if modal and node.dep_ == "ccomp" and node.head.lemma_.lower() in self.demand_reporters:
            return node.head
        return None

    def _demand_trigger(self, reporter) -> Trigger | None:
        """'X said Y must do Z': X demands of Y (the clause's subject), whatever Z is."""
        for c in reporter.children:
            if c.dep_ == "ccomp":
                target = c
                if self._demanded(c) is None:
                    xc = next((g for g in c.children if g.dep_ == "xcomp"), None)
                    if xc is None or self._demanded(xc) is None:
                        continue
                sense = Sense(lemma=reporter.lemma_.lower(), cameo=self.demand_code,
                              source="lexicon.yaml demand_markers")
                return Trigger(target, sense, "demand")
        return None

    @staticmethod
    def _agreement_to_act(verb) -> bool:
        """The verb's object has an infinitive complement: 'an agreement / a consensus to X'."""
        return any(c.dep_ == "dobj" and any(g.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in g.children) for g in c.children)
            for c in verb.children)

    def _unnamed_subject(self, verb, sense, mentions) -> Actor | None:
        """'DGSN agents abducted an activist': a violent or coercive act whose subject names
        nobody the dictionaries know is still an event; its source is that noun phrase, uncoded
        (the places stage may give it the country of the event's place)."""
        plover = sense.plover or self.d.code(sense.cameo).plover_type
        if plover not in self.agentless:
            return None
        # "killed by unknown gunmen": the agent no dictionary names is the source
        agent = agents(verb)
        if agent:
            return self._uncoded(agent[0], mentions, verb)
        if is_passive(verb):
            return None
        # done to someone or something: "tensions exploded" names no act of an actor
        def aimed(c) -> bool:
            return c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS and any(
                g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC") for g in c.children))

        if not any(aimed(c) for v in [verb] + [x for x in verb.children if x.dep_ == "conj"] for c in v.children):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            subj = misparsed_subject(verb)
        return self._uncoded(subj, mentions, verb)

    def _uncoded(self, subj, mentions, verb) -> Actor | None:
        """A noun phrase that acts but that no dictionary names, as an actor with no code."""
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or mentions.at(subj) or self._is_thing(subj) \
                or subj.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME"):
            return None
        if any(t.lemma_.lower() in self.accidents for t in verb.sent):
            return None  # "an earthquake struck ...": a disaster, not an actor
        span = _phrase(subj, mentions)
        if span is None:
            return None
        return Actor(text=span.text, span=(span.start_char, span.end_char),
                     explanation="subject of the act, in no dictionary: an actor with no code")

    def _protesters_gather(self, verb) -> Sense | None:
        """'500 protesters gathered outside parliament': a gathering of people named as protesters
        is a protest, whatever its stated purpose (lexicon gathering_verbs, protester_nouns)."""
        if verb.lemma_.lower() not in self.gathering:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        heads = [subj] + [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]  # "hundreds of demonstrators"
        if not any(h.lemma_.lower() in self.protesters or h.lower_ in self.protesters
                   for x in heads for h in with_conj(x)):
            return None
        return Sense(lemma=verb.lemma_.lower(), cameo=self.protest_code,
                     source="lexicon.yaml gathering_verbs + protester_nouns")

    def _accusation_trigger(self, reporter) -> Trigger | None:
        """'X alleged/complained that Y did Z': X accuses Y (the reported clause's subject)."""
        for c in reporter.children:
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(g.dep_ in SUBJ for g in c.children):
                sense = Sense(lemma=reporter.lemma_.lower(), cameo=self.accusation_code,
                              source="lexicon.yaml accusation_reporters")
                return Trigger(c, sense, "accusation")
        return None

    # -- one trigger ---------------------------------------------------------------------------
    def _code(self, trig: Trigger, doc, article, mentions, sent_i, quote_at) -> list[Event]:
        tok, sense = trig.token, trig.sense
        how: list[str] = []
        if trig.kind == "endorse":
            reporter = tok.head
            sources = self._subjects(reporter, mentions, how)
            subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
            targets = (mentions.at(subj) or mentions.within(subj)) if subj is not None else []
            how.append(f"{'rejection' if sense.cameo == self.rejection_code else 'endorsement'}: "
                       f"{reporter.text!r} + '{tok.text} …' predicate")
        elif trig.kind in ("demand", "accusation"):
            reporter = tok.head
            sources = self._subjects(reporter, mentions, how)
            subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
            targets = [a for x in with_conj(subj) for a in self._actors(x, mentions, quote_at)] if subj is not None else []
            how.append(f"demand: '{reporter.text}' + a clause with a modal of obligation" if trig.kind == "demand"
                       else f"accusation: '{reporter.text}' + the reported clause; its subject is the accused")
        elif trig.kind == "noun":
            sources, targets = self._noun_participants(tok, sense, mentions, how)
        else:
            sources, targets = self._verb_participants(tok, sense, mentions, how, quote_at)
        sources = [a for a in sources if a.root or a.sector or a.name]
        if not sources and trig.kind == "verb" and self._protest_verb(tok):
            crowd = self._crowd(tok, mentions)
            if crowd is not None:
                sources = [crowd]
                how.append(f"source: the crowd {crowd.text!r} (no dictionary entry; coded as civilians)"
                           if crowd.explanation.startswith(CROWD)
                           else f"source: {crowd.text!r}, the subject the parser detached from the verb")
        if not sources and trig.kind == "verb":
            unnamed = self._unnamed_subject(tok, sense, mentions)
            if unnamed is not None:
                sources = [unnamed]
                how.append(f"source: {unnamed.text!r}, a subject no dictionary names (left uncoded)")
        agentless = False
        if not sources:
            # "Three soldiers were killed": an assault whose perpetrator the text does not name
            # is still an event; its source is left empty rather than guessed.
            # "Three soldiers were killed", "a man was killed" (whoever the victim is); a victim the
            # text does not name is taken on the narrator's word, not a quote's ("every time I'd
            # send people they'd be killed").
            occurring = self._occurring(tok) if trig.kind == "noun" else None
            if trig.kind == "verb" and (passive_without_agent(tok) or self._thing_agent(tok)) and (
                    targets or (any(c.dep_ == "nsubjpass" for c in tok.children)
                                and not (quote_at and quote_at(tok.idx)))):
                how.append("passive without an agent: the source is not stated")
            elif trig.kind == "verb" and self._thing_subject(tok, mentions):
                how.append("a weapon or an event as subject: the source is not stated")
            elif occurring is not None:
                how.append(f"an event noun that '{occurring.text}': the source is not stated")
            else:
                return []
            accident = next((t for t in tok.sent if t.lemma_.lower() in self.accidents), None)
            if accident is not None:
                return []  # "killed when a gas tank exploded": an accident, not an assault
            agentless = True
        negated = self._negated(tok)
        code = sense.cameo
        if negated and sense.negated_cameo:
            code = sense.negated_cameo
            how.append(f"negated, so coded as {code}")
            negated = False
        elif negated and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.negating:
            refusal = _by_prefix(self.refusal, code)
            if refusal:
                how.append(f"'{tok.head.text} to …': a refusal, {code} coded as {refusal}")
                code, negated = refusal, False
        if code in self.joint and (len({a.root for a in sources if a.root}) >= 2 or any(
                g.lower_ in ("joint", "combined", "bilateral") for c in tok.children if c.dep_ == "dobj"
                for g in c.children)):
            # "French and Egyptian warships launched joint exercises": done together, cooperation
            how.append(f"done jointly by several countries: {code} coded as {self.joint[code]}")
            code = self.joint[code]
        if code.startswith("057") and trig.kind == "verb" and self._agreement_to_act(tok):
            # "reached an agreement to exchange prisoners": agreeing to do it (03x), not a signed accord
            how.append(f"an agreement to act, not a signed accord: {code} coded as {self.agreement_intent}")
            code = self.agreement_intent
        future = self._future(tok)
        intended = False
        if future and not negated and trig.kind == "verb":
            intent = self._intent(tok, code)
            if intent != code:
                how.append(f"promised or planned, not done: {code} coded as the intent {intent}")
                code, intended = intent, True
        cameo = self.d.code(code)
        # the sense's own PLOVER type and mode are for its own code, not for one it was recoded
        # to (a refusal, an intent, a negation: "declined to resign" is no RETREAT)
        recoded = intended or code != sense.cameo
        plover = cameo.plover_type if recoded else sense.plover or cameo.plover_type
        if not plover:
            return []
        if code.startswith(THREAT_PREFIX) and trig.kind == "verb":
            # "threatened to halt talks if the US deploys missiles": a threat is aimed at the one
            # whose act its condition names
            pressed = [a for a in self._condition_subjects(tok, mentions, quote_at)
                       if a.root and not any(_same(a, s_) for s_ in sources)]
            if pressed:
                how.append(f"recipient: the subject of the threat's condition ({pressed[0].text!r})")
                targets = pressed
        attribution = self._attribution(tok, mentions, quote_at)
        if agentless and intended and attribution is not None and attribution.root:
            # "X said ten diplomats will be expelled": the speaker announces the act
            sources, agentless = [attribution], False
            how.append(f"planned act without an agent: the source is its announcer {attribution.text!r}")
        if agentless and plover not in self.agentless:
            return []
        mode = cameo.plover_mode if recoded else sense.mode or cameo.plover_mode
        date, precision, date_source = self._date(tok, article, doc)
        sentence = article.sentences[sent_i]
        weak = all(getattr(t, "_weak", False) for t in targets)
        # an object the sense is conditioned on names no one ("reached agreement on X")
        intransitive = not any(c.dep_ == "dobj" and c.lemma_.lower() not in sense.obj for c in tok.children)
        # the root of the act itself: "failed to reach agreement" (057 refused, 127) is still mutual
        if (((weak and intransitive) or not targets) and len({a.root for a in sources if a.root}) >= 2
                and (code[:2] in self.reciprocal or sense.cameo[:2] in self.reciprocal)):
            pairs = [(a, b) for a in sources for b in sources if a.root and b.root and a.root != b.root]
            how.append("reciprocal: coordinated actors act on each other")
        else:
            pairs = [(a, b) for a in (sources or [None]) for b in (targets or [None])]
        kept = [(src, tgt) for src, tgt in pairs
                if src is None or tgt is None or tgt.code != src.code or tgt.root != src.root]
        if not kept and pairs:
            # every recipient is the source itself: the act stands without one
            firsts = {id(src): src for src, _ in pairs if src is not None}
            kept = [(src, None) for src in firsts.values()]
        if cameo.code in self.symmetric:
            mutual = [(t, s_) for s_, t in kept if s_ is not None and t is not None and s_.root and t.root
                      and s_.root != t.root and not any(_same(t, a) and _same(s_, b) for a, b in kept)]
            if mutual:
                how.append("mutual: a meeting or talks between the two")
                kept += mutual
        out = []
        # the trigger's text: with its particle ("cracked down"), or whole when the tokenizer split
        # a hyphenated word ("shoot-out")
        start, end = tok.idx, tok.idx + len(tok)
        if _hyphenated(tok, self.d.nouns if trig.kind == "noun" else self.d.verbs) is not None:
            start = doc[tok.i - 2].idx
        for src, tgt in kept:
            trigger_tokens = [tok] + [c for c in tok.children if c.dep_ in ("prt",)]
            trigger = " ".join(t.text for t in sorted(trigger_tokens, key=lambda t: t.i))
            if start != tok.idx:
                trigger = doc.text[start:end]
            out.append(Event(
                article_id=article.id, sentence_index=sent_i, sentence=sentence.text,
                section=sentence.section, type=plover, mode=mode, cameo=cameo.code,
                cameo_name=cameo.name, goldstein=cameo.goldstein, quad_class=cameo.quad_class,
                actors=[src] if src is not None else [], recipients=[tgt] if tgt is not None else [],
                trigger=trigger, trigger_span=(start, end), date=date, date_precision=precision,
                date_source=date_source, negated=negated, future=future, attribution=attribution,
                explanation=f"{trig.kind} {sense.describe()}; " + "; ".join(how),
            ))
        return out

    def _verb_participants(self, verb, sense, mentions, how, quote_at):
        children = list(verb.children)
        agent = agents(verb)
        if not agent and any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
            # "were shot and killed by gunmen": the agent of the coordinated verb is the first's too
            agent = [g for v in children if v.dep_ == "conj" and v.pos_ == "VERB" for g in agents(v)]
            if not agent:
                agent = _stray_agent(verb)
        # A coordinated verb with the agent is passive too ("were shot and killed by X": the
        # auxiliary sits on the first); a participle modifying a noun ("militants backed by
        # Ankara") describes and is not.
        passive = is_passive(verb) or (verb.tag_ != "VBD" and bool(agent) and verb.dep_ == "conj")
        # "a farmer killed by gunmen": a violent act in a participle with its agent happened, to
        # the noun it describes (a participle of support, "militants backed by X", only describes)
        reduced = (not passive and bool(agent) and verb.dep_ == "acl" and verb.tag_ == "VBN"
                   and (sense.plover or self.d.code(sense.cameo).plover_type) in self.agentless)
        passive = passive or reduced
        if passive and not sense.passive:
            sources = [a for g in agent for x in with_conj(g) for a in self._actors(x, mentions, quote_at)]
            if not sources:
                # "beaten by Taliban members": the actor that owns the agent's phrase
                sources = [a for g in agent for x in with_conj(g)
                           for a in _rooted(mentions.within(x, max_depth=2, skip_deps=SUBJ_SKIP))[:1]]
            subj = [c for c in children if c.dep_ == "nsubjpass"] or ([verb.head] if reduced else [])
            if not subj and verb.dep_ == "conj":
                # "were shot and wounded": the first verb's passive subject; "attacked the town
                # but were repelled by X": the active subject of the first verb is the one repelled
                subj = [c for c in verb.head.children if c.dep_ == "nsubjpass"] or [
                    c for c in verb.head.children if c.dep_ == "nsubj"]
            targets = [a for s in subj for x in with_conj(s) for a in self._actors(x, mentions, quote_at)]
            if not targets and not reduced:
                # "a shelter for Syrian refugees was attacked": the actor inside the subject's phrase
                targets = [_weak(a) for s in subj for x in with_conj(s)
                           for a in _rooted(mentions.within(x, max_depth=2))[:1]]
            how.append("passive: agent is the source")
            return sources, targets
        if sense.passive:
            # the dictionary codes this passive itself ("were bound by a truce"): its subject acts
            sources = [a for c in children if c.dep_ == "nsubjpass" for x in with_conj(c)
                       for a in self._actors(x, mentions, quote_at)]
            if not sources:
                sources = self._subjects(verb, mentions, how, quote_at)
        else:
            sources = self._subjects(verb, mentions, how, quote_at)
        targets: list[Actor] = []
        if sense.passive and agent:
            targets = [a for g in agent for x in with_conj(g)
                       for a in (self._actors(x, mentions, quote_at) or _rooted(mentions.within(x))[:1])]
            how.append("passive coded as such: subject acts, agent phrase is the recipient")
            return sources, targets
        preps = [c for c in children if c.dep_ in ("prep", "dative")]
        dobj = [c for c in children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"
                and not self._trailing_speaker(c)]
        # the object the sense is conditioned on is the means, not the recipient ("fired
        # artillery at X", "imposed sanctions on X"); an actor inside its phrase still counts
        direct = [o for o in dobj if o.lemma_.lower() not in sense.obj and o.lower_ not in sense.obj]
        own_forces: list = []  # objects that are the source's own forces (own_object_codes)
        if sense.target != "obj":
            for p in preps:
                if sense.prep and p.lower_ not in sense.prep:
                    continue
                if not sense.prep and p.lower_ not in RECIPIENT_PREPS:
                    continue
                for g in [g for g in p.children if g.dep_ == "pobj"] or _stranded_object(p):
                    for x in with_conj(g):
                        targets.extend(self._actors(x, mentions, quote_at))
                if targets:
                    how.append(f"recipient from '{p.text} …'")
                    break
        if not targets and sense.target != "prep":
            for o in direct:
                for x in with_conj(o):
                    targets.extend(self._actors(x, mentions, quote_at))
            if targets and self.own_object and sense.cameo.startswith(self.own_object):
                # "mobilized army reservists": the source's own people, not the recipient
                own = {a.country for a in sources if a.country} | {None}
                targets = [a for a in targets if a.country not in own]
                if not targets:
                    how.append("direct object: the source's own forces, not the recipient")
                    own_forces = direct
            if targets:
                how.append("recipient: direct object")
        if not targets and sense.target != "none":
            # "marched in defiance of the authorities": whom the act defies or protests
            stance = [g for p in preps if p.lower_ == "in" for n in p.children
                      if n.dep_ == "pobj" and n.lemma_.lower() in STANCE_NOUNS
                      for q in n.children if q.dep_ == "prep" and q.lower_ in ("of", "against", "at", "to")
                      for g in q.children if g.dep_ == "pobj"]
            targets = [a for g in stance for x in with_conj(g) for a in _actors_or_country_word(x, mentions)]
            if targets:
                how.append("recipient: whom the act defies or protests ('in defiance of …')")
        recipient_preps = [p for p in preps if p.lower_ in (sense.prep or RECIPIENT_PREPS)]
        objects = [o for o in dobj if o not in own_forces]
        objects += [g for p in recipient_preps for g in p.children if g.dep_ == "pobj"]
        if not targets and sense.target != "none":
            targets = self._proposer(objects, mentions, how, quote_at, sources)
        if not targets and sense.target != "none":
            for o in objects:
                # the object's own country word before anything further in its phrase: "downed two
                # Israeli drones near Damascus", "attacked a Russian convoy outside Kyiv"
                # ("Ghanaian and Togolese traders": each coordinated country word)
                own = _country_words(o, mentions)
                if own:
                    targets = [_weak(a) for a in own]
                    how.append(f"recipient: the country word of '{o.text}'")
                    break
                inner = _rooted(mentions.within(o))
                if inner:
                    targets = [_weak(a) for a in _with_coordinated(inner[0], o.doc, mentions)]
                    how.append(f"recipient: actor inside the phrase '{o.text} …'")
                    break
        if not targets and sense.target != "none" and sense.cameo.startswith(REFUSAL_PREFIX):
            # "declined to resign despite pressure from the commission": a refusal in spite of
            # someone's demand refuses them
            spite = [g for v in [verb] + [c for c in children if c.dep_ == "xcomp"] for p in v.children
                     if p.dep_ == "prep" and p.lower_ in CIRCUMSTANCE_PREPS for g in p.children if g.dep_ == "pobj"]
            targets = self._proposer(spite, mentions, how, quote_at, sources)
        if not targets and sense.target != "none":
            targets = self._complement_recipient(verb, mentions, how, quote_at, sources)
        return sources, targets

    def _trailing_speaker(self, obj) -> bool:
        """An "object" that is the speaker of a trailing reporting clause the parser attached to
        the verb ("beat migrants in detention, a refugee charity charged": "charity" as a second
        object, "charged" as its modifier)."""
        first = obj.left_edge
        # a finite verb, or a participle on a second object (a verb has one)
        second = any(c.dep_ == "dobj" and c.i < obj.i for c in obj.head.children)
        return (first.i > 0 and first.nbor(-1).text == "," and any(
            c.dep_ == "acl" and (c.tag_ == "VBD" or second) and c.lemma_.lower() in self.reporting | self.accusers
            for c in obj.children))

    def _proposer(self, objects, mentions, how, quote_at, sources) -> list[Actor]:
        """Who made the demand, offer or appeal that is accepted or rejected ("dismissed an appeal
        from President X", "conceded to demands by the union", "rejected Belarus's calls"): the
        recipient, even when known only by its role (a later rule may give it a country)."""
        source_codes = {a.code for a in sources}
        for o in objects:
            if o.lemma_.lower() not in self.proposals and o.lower_ not in self.proposals:
                continue
            owners = [c for c in o.children if c.dep_ == "poss"]
            owners += [g for p in o.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                       for g in p.children if g.dep_ == "pobj"]
            found = [a for g in owners for x in with_conj(g) for a in self._actors(x, mentions, quote_at)
                     if a.code not in source_codes or not a.code]
            if not found:
                # a body named after its country that the parser did not tag as an organisation
                # ("pressure by the Ghana Ombudsman"; a tagged one is already an actor, from
                # ActorResolver._unknown_organisation)
                found = [replace(a, text=body.text, span=(body.start_char, body.end_char), name=body.text,
                                 explanation=f"{a.explanation}; a body named after its country, {body.text!r}")
                         for g in owners for x in with_conj(g) for c in x.children if c.dep_ == "compound"
                         for a in mentions.at(c) if a.root and a.code not in source_codes
                         for body in [x.doc[x.left_edge.i:x.i + 1]]]
            if found:
                how.append(f"recipient: who made the {o.text!r}")
                return found
        return []

    def _complement_recipient(self, verb, mentions, how, quote_at, sources) -> list[Actor]:
        """No recipient in the clause itself: "demanded that the US cancel ..." (the complement's
        subject), "threatened to cut off power to X", "went on strike to protest against X"."""
        source_codes = {a.code for a in sources}
        # "reiterated its demand that Israel ease ...": the clause of the demand named by the object
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        # (or of a preposition: "insisted on its demand that ...")
        named = [o for o in verb.children if o.dep_ == "dobj"]
        named += [g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        clauses += [g for o in named if o.lemma_.lower() in self.demands
                    for g in o.children if g.dep_ in ("acl", "ccomp")]
        # "refused to allow UN planes to land": whom the act does or does not let act
        clauses += [g for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in PERMIT_VERBS
                    for g in c.children if g.dep_ in ("ccomp", "xcomp")]
        for c in clauses:
            subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            out = [a for s_ in subj for x in with_conj(s_) for a in self._actors(x, mentions, quote_at)
                   if a.code not in source_codes]
            if not out:
                # "demanded that its NATO allies ...": an actor named inside the subject's phrase
                out = [a for s_ in subj for a in _rooted(mentions.within(s_, max_depth=1, skip_deps=SUBJ_SKIP))[:1]
                       if a.code not in source_codes]
            if out:
                how.append(f"recipient: subject of the complement '{c.text} …'")
                return out
        complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or purpose_clause(c)]
        # and the verb such a clause helps to: "send equipment to help defend Kuwait"
        complements += [x for c in complements if c.lemma_.lower() in ("help", "try", "seek", "work")
                        for x in c.children if x.dep_ == "xcomp"]
        for c in complements:
            for g in c.children:
                # not a circumstance: "agreed to quit without going back to X"
                if g.dep_ in ("dobj", "prep", "dative") and g.lower_ not in CIRCUMSTANCE_PREPS:
                    found = [a for a in (self._actors(g, mentions, quote_at) or mentions.within(g))
                             if a.root and a.code not in source_codes]
                    if found:
                        how.append(f"recipient: inside the complement '{c.text} …'")
                        return [_weak(a) for a in _with_coordinated(found[0], verb.doc, mentions)
                                if a.code not in source_codes]
        return []

    def _noun_participants(self, noun, sense, mentions, how):
        sources: list[Actor] = []
        targets: list[Actor] = []
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.i in mentions.by_head):
                sources.extend(mentions.at(c))
        for p in noun.children:
            if p.dep_ != "prep":
                continue
            objs = [x for g in p.children if g.dep_ == "pobj" for x in with_conj(g)]
            actors = [a for x in objs for a in (mentions.at(x))]
            if not actors and sense.prep and p.lower_ in sense.prep and p.lower_ != "of":
                # "riots against Chinese policies": the country word of what the act is against
                actors = [a for x in objs for a in _actors_or_country_word(x, mentions)]
            if not actors:
                continue
            if p.lower_ == "between" and len(actors) >= 2:
                sources, targets = [actors[0]], actors[1:]
                how.append(f"participants: '{p.text} …'")
                break
            if p.lower_ == "by" and not sources:
                sources = actors
            elif sense.prep and p.lower_ in sense.prep:
                if p.lower_ == "of" and not sources and noun.lemma_.lower() in ("summit", "meeting"):
                    targets = actors
                else:
                    targets = actors
        plover = self.d.code(sense.cameo).plover_type
        if not targets and plover == "RETREAT":
            # "the withdrawal of some forces from Panama": the place they leave is the recipient
            left = [x for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"
                    for q in g.children if q.dep_ == "prep" and q.lower_ == "from"
                    for y in q.children if y.dep_ == "pobj" for x in with_conj(y)]
            targets = [a for x in left for a in mentions.at(x) if a.root]
            if targets:
                how.append("recipient: where the forces withdraw from")
        if not targets:
            # "a suspension of trade links with Belarus", "the halt of aid to Sudan": the recipient
            # named inside the noun's "of" phrase
            inner = [x for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" and not mentions.at(g)
                     for q in g.children if q.dep_ == "prep" and q.lower_ in ("with", "to", "against")
                     for y in q.children if y.dep_ == "pobj" for x in with_conj(y)]
            targets = [a for x in inner for a in mentions.at(x) if a.root]
            if targets:
                how.append("recipient: named inside the 'of' phrase")
        if not sources and plover in ("PROTEST", "ASSAULT", "COERCE"):
            # "Palestinian riots", "Russian shelling": the country word is who acts
            mods = [m for c in noun.children if c.dep_ == "amod" for m in mentions.modifiers.get(c.i, [])]
            if mods:
                sources = mods[:1]
                how.append(f"source: '{mods[0].text}' describing '{noun.text}'")
        verb = self._occurring(noun)
        if verb is not None and not sources and not targets:
            # "clashes broke out between A and B", "fighting erupted with B"
            for p in verb.children:
                if p.dep_ == "prep" and p.lower_ in ("between", "with", "against"):
                    objs = [x for g in p.children if g.dep_ == "pobj" for x in with_conj(g)]
                    actors = [a for x in objs for a in mentions.at(x)]
                    if p.lower_ == "between" and actors:
                        sources, targets = [actors[0]], actors[1:]
                    elif actors:
                        targets = actors
                    if actors:
                        how.append(f"participants: '{p.text} …' of '{verb.text}'")
                        break
        if not sources and verb is None:
            # The noun's verb: "X held talks with Y", "X is attending a summit of Y".
            head = noun.head
            # not a verb of saying (reporting_verbs, demand_reporters) other than one that makes
            # the act ("announced a suspension", "declared a ceasefire"): in "insisted unrest
            # reflected old tensions" (the parser takes 'unrest' for the object) the speaker
            # talks about it
            said = head.lemma_.lower()
            if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") \
                    and (said not in self.demand_reporters or said in ANNOUNCING):
                sources = self._subjects(head, mentions, how)
        return sources, targets

    # -- arguments ------------------------------------------------------------------------------
    def _actors(self, tok, mentions, quote_at=None) -> list[Actor]:
        actors = mentions.at(tok)
        if not actors and quote_at and tok.lower_ in ("we", "us", "our", "i"):
            speaker = quote_at(tok.idx)
            if speaker is not None:
                actors = [Actor(text=tok.text, code=speaker.code, country=speaker.country, org=speaker.org,
                                sector=speaker.sector, span=(tok.idx, tok.idx + len(tok)), name=speaker.name,
                                explanation=f"first person in a quote -> speaker {speaker.text!r}")]
        return actors

    def _subjects(self, verb, mentions, how, quote_at=None, depth=0) -> list[Actor]:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            out = [a for s in subj for x in with_conj(s) for a in self._actors(x, mentions, quote_at)]
            if not out:
                # "Israeli tanks fired", "Russian aircraft killed": the actor that owns the subject
                out = [a for s in subj for x in with_conj(s)
                       for a in _rooted(mentions.within(x, max_depth=2, skip_deps=SUBJ_SKIP))[:1]]
                # "the Indian and Chinese sides": each coordinated country word is an actor
                out += [m for s in subj for x in with_conj(s) for c in x.children if c.dep_ == "amod"
                        for y in with_conj(c)[1:] for m in mentions.modifiers.get(y.i, [])
                        if m.root and all(m.root != a.root for a in out)]
                if out:
                    how.append("subject: the actor inside the subject's phrase")
                else:
                    # "Israeli army bulldozers": a sector word and a country word both modify
                    # the subject; together they are the actor
                    out = [_with_modifier_country(a, m) for s in subj for x in with_conj(s)
                           for m in [m for c in x.children for m in mentions.modifiers.get(c.i, [])][:1]
                           for a in mentions.within(x, max_depth=1, skip_deps=SUBJ_SKIP)[:1]
                           if a.sector and not a.root]
                    if out:
                        how.append("subject: the sector and the country words of the subject's phrase")
            if not out:
                # "in San Miguel, unidentified attackers shot ...": the parser made the place the
                # subject and the actors its apposition
                out = [a for s in subj if s.ent_type_ in ("GPE", "LOC", "FAC") or s.i in mentions.places
                       for c in s.children if c.dep_ == "appos" for a in self._actors(c, mentions, quote_at)]
                if out:
                    how.append("subject: the actor in apposition to a place the parser made the subject")
            if not out and subj[0].lower_ in ("which", "who", "that"):
                clause = verb
                while clause.dep_ not in ("relcl",) and clause.head.i != clause.i:
                    clause = clause.head
                out = mentions.within(clause.head, max_depth=2) if clause.dep_ == "relcl" else []
                if out:
                    how.append(f"subject: inside the antecedent '{clause.head.text}'")
            return out
        if depth > 4:
            return []
        head = verb.head
        if verb.dep_ == "ccomp" and head.lemma_.lower() in self.reporting and head.i != verb.i:
            # a reported clause the parser left without a subject ("whose forces the UN says have
            # killed"): the nearest candidate is the reporting clause's subject
            how.append(f"subject: reported clause without one, taken from '{head.text}'")
            return self._subjects(head, mentions, how, quote_at, depth + 1)
        if verb.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            root = misparsed_subject(verb)  # "gunmen on a scooter shot and wounded ..."
            out = (mentions.at(root) or _rooted(mentions.within(root, max_depth=2, skip_deps=SUBJ_SKIP))[:1]
                   ) if root is not None else []
            if out:
                how.append(f"subject: '{root.text}', the noun the parser coordinated '{verb.text}' with")
                return out
        if verb.dep_ in ("xcomp", "advcl", "conj", "acomp") and head.i != verb.i:
            if verb.dep_ == "conj" and disagree(verb, head):
                # "X say Y is ..., but have blocked ...": the verb agrees with X, not Y.
                up = head.head
                while up.dep_ in ("ccomp", "conj") and up.head.i != up.i and depth < 4:
                    if not disagree(verb, up.head):
                        break
                    up = up.head
                how.append("subject: number agreement skips the nearer clause")
                return self._subjects(up.head if up.dep_ == "ccomp" else up, mentions, how, quote_at, depth + 1)
            if verb.dep_ == "xcomp":
                # object control: "urged Iran to release", "called on both sides to respect"
                controller = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                controller += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                               for g in c.children if g.dep_ == "pobj"]
                out = [a for c in controller for x in with_conj(c) for a in self._actors(x, mentions, quote_at)]
                if out:
                    how.append(f"subject: the object of '{head.text}'")
                    return out
                if controller:
                    return []
            if verb.dep_ == "advcl" and verb.tag_ == "VBG" and is_passive(head):
                # "was shelled by rebels, killing 15 people": the passive's agent acts
                out = [a for g in agents(head) for x in with_conj(g) for a in self._actors(x, mentions, quote_at)]
                if out:
                    how.append(f"subject: the agent of the passive '{head.text}'")
                    return out
            how.append(f"subject inherited from '{head.text}'")
            return self._subjects(head, mentions, how, quote_at, depth + 1)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
                and head.lower_ in ("to", "by", "after", "before", "while", "upon"):
            # "resorted to throwing stones", "after attacking the convoy, they ..."
            how.append(f"subject inherited from '{head.head.text}'")
            return self._subjects(head.head, mentions, how, quote_at, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.i in mentions.by_head and self._protest_verb(verb):
            # "demonstrators protesting election results": the noun protests
            how.append(f"subject: '{head.text}', the protesters the participle describes")
            return mentions.at(head)
        root = misparsed_subject(verb) or preceding_subject(verb)
        if root is not None:
            out = mentions.at(root) or _rooted(mentions.within(root, max_depth=2, skip_deps=SUBJ_SKIP))[:1]
            if out:
                how.append(f"subject: '{root.text}', the noun phrase the parser did not attach to "
                           f"'{verb.text}'")
                return out
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" \
                and verb.tag_ == "VBG" and head.head.pos_ == "VERB":
            # "X issued a statement demanding ...": the statement's author
            how.append(f"subject: the author of '{head.text}'")
            return self._subjects(head.head, mentions, how, quote_at, depth + 1)
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # "efforts by Western powers to condemn ..."
            for p in head.children:
                if p.dep_ == "prep" and p.lower_ == "by":
                    out = [a for g in p.children for x in with_conj(g) for a in mentions.at(x)]
                    if out:
                        how.append(f"subject: '{p.text} …' of '{head.text}'")
                        return out
        return []

    # -- flags, attribution, date ---------------------------------------------------------------
    def _negated(self, tok) -> bool:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "hardly", "scarcely")):
                return True
            if c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children):
                return True  # "no longer", "not yet"
        head = tok.head
        if tok.dep_ == "xcomp" and head.lemma_.lower() in self.negating:
            return True
        if tok.dep_ == "xcomp" and head.pos_ == "ADJ":
            # "are hardly likely to attack", "is not ready to sign": the negation sits on the
            # adjective or on its copula
            holders = [head] + ([head.head] if head.dep_ == "acomp" else [])
            if any(c.dep_ in ("neg", "advmod") and c.lower_ in ("not", "n't", "hardly", "scarcely", "never")
                   for h in holders for c in h.children):
                return True
        return False

    def _condition_subjects(self, tok, mentions, quote_at) -> list[Actor]:
        """The actors named as subject of an "if"/"unless" clause on the trigger or on the act it
        threatens ("threatened to strike unless Israel withdraws")."""
        acts = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
        for act in acts:
            for clause in act.children:
                if not self._condition(clause):
                    continue
                subj = next((c for c in clause.children if c.dep_ in SUBJ), None)
                if subj is not None:
                    return [a for x in with_conj(subj) for a in self._actors(x, mentions, quote_at)]
        return []

    def _condition(self, tok) -> bool:
        """The trigger heads a conditional clause ("if it is attacked", "unless X agrees") or a
        clause of time about the future ("before they disarm", lexicon pending_marks)."""
        if tok.dep_ != "advcl":
            return False
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        return bool(marks & self.conditions) or (bool(marks & self.pending) and _present_tense(tok))

    def _in_unreal_clause(self, tok) -> bool:
        """Inside a clause that states no fact, further down than its head: an act or event noun
        in a condition ("unless the king agrees to resign"), in what is asked for
        ("demanded that the EU refuse to recognize X", "urged Y to lift the curfew"), or in what a
        speaker says must happen ("said Sudan must return the helicopter"). The clause's head is
        checked by the callers; here its dependents are."""
        node = tok
        for _ in range(5):
            if node.dep_ not in UNREAL_PATH or node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in ("VERB", "AUX") and (self._condition(node) or self._requested(node)
                                                 or self._demanded(node) is not None):
                return True
        return False

    def _intent(self, tok, code: str) -> str:
        """The CAMEO code of a promised or planned act: its intent (lexicon intent_cameo), or an
        ultimatum when an "unless ..." condition comes with it."""
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
               for c in tok.children):
            return self.ultimatum
        return _by_prefix(self.intent, code) or code

    def _requested(self, tok) -> bool:
        """The complement of a request ("urged X to release", "demanded that Y withdraw"), or of a
        demand or call named by a noun ("its demand that Israel ease restrictions")."""
        head = tok.head
        if head.i == tok.i:
            return False
        return ((tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in self.requesting and head.pos_ == "VERB")
                or (tok.dep_ in ("acl", "ccomp") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                    and any(n.pos_ == "NOUN" and n.lemma_.lower() in self.demands
                            for n in [head] + [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i])))

    def _future(self, tok) -> bool:
        node = tok
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in self.future for c in node.children):
                return True
            if node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "'d" for c in node.children):
                return True  # "they'd be killed", "we'd send": 'd before a bare verb is "would"
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in self.future:
                return True
            if node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
                node = node.head
            else:
                break
        if tok.dep_ == "relcl" and any(c.lower_ in ("would", "will") for c in tok.children):
            return True
        return False

    def _attribution(self, tok, mentions, quote_at) -> Actor | None:
        node = tok
        for _ in range(6):
            if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in self.reporting:
                reporter = node.head
                subj = next((c for c in reporter.children if c.dep_ in SUBJ), None)
                if subj is not None and mentions.at(subj):
                    return mentions.at(subj)[0]
                return None
            if node.head.i == node.i:
                break
            node = node.head
        return quote_at(tok.idx) if quote_at else None

    def _date(self, tok, article: Article, doc) -> tuple[str | None, str | None, str | None]:
        """The date expression governed by the trigger's clause, else by the clauses above it."""
        if article.dates:
            node = tok
            for _ in range(6):
                own = [m for m in article.dates if governing_clause(doc, m) == node.i]
                if own:
                    m = own[0]
                    return m.value, m.precision, "text" if node.i == tok.i else "reported"
                if node.head.i == node.i:
                    break
                node = node.head
        sent = tok.sent
        # A date in the trigger's own sentence that the parse left outside its clause ("On 31
        # March, in Natal, a man was killed ...", where the parser made "On" the root).
        same = [m for m in article.dates if sent.start_char <= m.span[0] < sent.end_char
                and m.span[0] < tok.idx] if article.dates else []
        if same:
            m = same[-1]
            return m.value, m.precision, "sentence"
        # A date set by an earlier sentence of the same paragraph ("On 4 May, ... . Police then ...").
        para_start = paragraph_start(doc, sent.start)
        earlier = [m for m in article.dates if para_start <= doc.char_span(*m.span, alignment_mode="expand").start < sent.start] \
            if article.dates else []
        if earlier:
            m = earlier[-1]
            return m.value, m.precision, "context"
        if article.published_date:
            return article.published_date.isoformat(), "day", "published"
        return None, None, None


def _source_code(e: Event) -> str | None:
    return e.actors[0].code if e.actors else None


def _with_modifier_country(actor: Actor, modifier: Actor) -> Actor:
    from ..actors.kb import make_code

    return replace(actor, country=modifier.country, code=make_code(modifier.country, actor.sector),
                   explanation=f"{actor.explanation}; country from {modifier.text!r} in the same phrase")


def _country_words(tok, mentions) -> list[Actor]:
    """The country words that describe a noun, coordinated ones too ("Ghanaian and Togolese
    traders", "Chinese policies")."""
    return [m for c in tok.children if c.dep_ in ("amod", "compound")
            for x in with_conj(c) for m in mentions.modifiers.get(x.i, []) if m.root]


def _actors_or_country_word(tok, mentions) -> list[Actor]:
    """The actors at a noun, else the country words that describe it."""
    return mentions.at(tok) or _country_words(tok, mentions)


def _present_tense(verb) -> bool:
    """The clause's finite verb is in the present tense ("takes over", "are finalized", "has
    signed"), not the past or a modal."""
    finite = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb]
    return finite[0].tag_ in ("VBZ", "VBP")


def _stranded_object(prep) -> list:
    """The object of a preposition the parser left without one, having made the noun phrase after
    it the subject of a clause ("granted asylum to five officers holed up in ...": "officers" as
    the subject of "holed", a clause hung on the preposition or on the verb)."""
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    return [t for t in prep.doc[prep.i + 1:prep.sent.end]
            if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == prep.i + 1 and t.pos_ in ("NOUN", "PROPN")][:1]


def _same(a: Actor, b: Actor) -> bool:
    return a.code == b.code and a.root == b.root


def _code_table(dictionaries: Dictionaries, key: str) -> dict[str, str]:
    """A lexicon table of CAMEO code prefix -> CAMEO code (``intent_cameo``, ``refusal_cameo``)."""
    return {str(k): str(v) for k, v in (dictionaries.lexicon.get(key) or {}).items()}


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The value for the longest key of ``table`` that ``code`` starts with."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _rooted(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.root]


def _weak(actor: Actor) -> Actor:
    """Mark a recipient found only somewhere inside the object's phrase (not its head)."""
    object.__setattr__(actor, "_weak", True)
    return actor


def _phrase(head, mentions, *, of_phrase: bool = False):
    """The noun phrase a head noun ends (with its "of" phrase when asked: "relatives of a man"),
    or None inside the dateline."""
    end = head.i + 1
    if of_phrase:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            end = pobj.i + 1
    span = head.doc[np_start(head):end]
    if mentions.excluded and mentions.excluded[0] <= span.start_char < mentions.excluded[1]:
        return None
    return span


def _with_coordinated(actor: Actor, doc, mentions) -> list[Actor]:
    """An actor and the actors coordinated with it ("duties on Argentina and Uruguay")."""
    head = next((i for i, found in mentions.by_head.items() if any(a is actor for a in found)), None)
    if head is None:
        return [actor]
    # and the other countries' actors at the same head ("Sri Lankan and Indian aid workers")
    out = [actor] + [a for a in mentions.by_head[head] if a is not actor and a.root and a.root != actor.root]
    for x in with_conj(doc[head])[1:]:
        out += [a for a in mentions.by_head.get(x.i, []) if a.root and a.root != actor.root]
    return out


def _stray_agent(verb) -> list:
    """'was accused of misusing funds by officials': the small model hangs the passive's 'by'
    phrase on the active gerund inside it, which cannot have an agent of its own. The pobj of
    such a 'by', reached through prepositional phrases and active gerunds only."""
    stack = [c for c in verb.children if c.dep_ == "prep"]
    while stack:
        node = stack.pop()
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "by" and node.tag_ == "VBG" \
                    and not any(g.dep_ == "auxpass" for g in node.children):
                return [g for g in c.children if g.dep_ == "pobj"]
            if c.dep_ in ("pcomp", "pobj", "prep", "dobj"):
                stack.append(c)
    return []


def _quote_lookup(article: Article):
    quotes = [(q.span, q.speaker) for q in article.quotes if q.speaker is not None]

    def speaker_at(offset: int) -> Actor | None:
        for (start, end), speaker in quotes:
            if start <= offset < end:
                return speaker
        return None

    return speaker_at


def _protest_content(events: list[Event]) -> list[Event]:
    """In a sentence where an actor protests, what it demands or denounces is the protest's
    content ("workers gathered demanding better pay"), not separate verbal events."""
    protests: dict[tuple, list[Event]] = {}
    for e in events:
        if e.type == "PROTEST":
            protests.setdefault((e.sentence_index, _source_code(e)), []).append(e)

    def content(e: Event) -> bool:
        # a protest noun inside what is denounced ("denounced Serbia's suppression of Albanian
        # unrest") is the topic of the accusation, not a protest it belongs to
        return any(not (p.explanation.startswith("noun") and p.trigger_span[0] > e.trigger_span[0])
                   for p in protests.get((e.sentence_index, _source_code(e)), []))

    return [e for e in events if e.type == "PROTEST" or e.type not in ("REQUEST", "ACCUSE", "REJECT")
            or not content(e)]


def _trigger_roots(events: list[Event], doc) -> list:
    """Each event's trigger token (the root of its trigger span), or None."""
    spans = [doc.char_span(*e.trigger_span, alignment_mode="expand") if e.trigger_span else None for e in events]
    return [span.root if span is not None else None for span in spans]


def _without_nested_nouns(events: list[Event], doc) -> list[Event]:
    """Drop an event named by a noun inside the phrase of another event's verb, up to the clause
    that verb heads ("agreed upon a new trade pact", "complained over two air raids", "closed
    its borders because of fighting"): the noun refers to the act that the verb's event is about,
    and coding it again would count it twice. A coordinated clause ("... and said ...") is not
    crossed. lexicon.yaml ``code_nested_event_nouns: true`` keeps them."""
    roots = _trigger_roots(events, doc)
    verbs = {tok.i: e for e, tok in zip(events, roots) if tok is not None and tok.pos_ in ("VERB", "AUX")}
    out = []
    for e, tok in zip(events, roots):
        if tok is not None and tok.pos_ == "NOUN":
            node, nested = tok, False
            while node.head.i != node.i and not (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
                node = node.head
                if node.i in verbs and verbs[node.i] is not e:
                    nested = True
                    break
            if nested:
                continue
        out.append(e)
    return out


def _without_complement_repeats(events: list[Event], doc) -> list[Event]:
    """One event where a verb and the verb of its complement code the same type for the same
    source ("threatened to impose sanctions", "refused to lift the curfew", "agreed to postpone
    the rally", "began a hunger strike to protest"): the complement states what the first act
    is, so it is one act. Of the two, the one whose known recipients include the other's is kept
    ("threatened to shell Iraqi towns": the complement's); when they have the same, the first
    verb's, unless only the complement names a recipient at all. Both are kept when each names
    recipients the other does not ("agreed with Cuba to lift sanctions on Iran").
    lexicon.yaml ``code_complement_repeats: true`` keeps both always."""
    groups: dict[int, list[int]] = {}
    for i, tok in enumerate(_trigger_roots(events, doc)):
        if tok is not None and tok.pos_ in ("VERB", "AUX"):
            groups.setdefault(tok.i, []).append(i)

    def signature(members: list[int]) -> tuple[set, set, set]:
        return ({events[i].type for i in members}, {_source_code(events[i]) for i in members},
                {a.root for i in members for a in events[i].recipients if a.root and a.root != "---"})

    dropped: set[int] = set()
    for tok_i, members in groups.items():
        node = doc[tok_i]
        for _ in range(3):
            if node.head.i == node.i or not (node.dep_ in ("xcomp", "ccomp") or purpose_clause(node)):
                break
            node = node.head
            if node.i not in groups:
                continue
            inner, outer = signature(members), signature(groups[node.i])
            if inner[:2] == outer[:2] and len(inner[0]) == 1:
                named = [any(events[i].recipients for i in g) for g in (members, groups[node.i])]
                if inner[2] < outer[2] or (inner[2] == outer[2] and (named[1] or not named[0])):
                    dropped.update(members)
                elif outer[2] <= inner[2]:
                    dropped.update(groups[node.i])
            break
    return [e for i, e in enumerate(events) if i not in dropped]


def _without_background(events: list[Event], doc) -> list[Event]:
    """Drop an event told in a relative clause on a noun of another event of the sentence, with a
    time before the news ("lifted the curfew in X, where 12 people were killed in riots last year",
    "the state of emergency that was declared two years ago", "the raid last week in which ..."),
    or a standing fact in the simple present ("Qatar, which supports X"): background to the news.
    lexicon.yaml ``code_background_events: true`` keeps them."""
    roots = _trigger_roots(events, doc)
    by_trigger = {tok.i: e for e, tok in zip(events, roots) if tok is not None}
    out = []
    for e, tok in zip(events, roots):
        clause = tok
        while clause is not None and clause.dep_ != "relcl":
            clause = clause.head if clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i else None
        if clause is not None and clause.dep_ == "relcl" and any(a.i in by_trigger for a in clause.ancestors):
            # a time before the news, in the clause or on the noun it describes ("six months
            # ago", "last week's ambush, in which ..."); an absolute date may as well tell
            # what happened next ("where they were executed on 24 January")
            noun = clause.head
            words = list(clause.subtree) + [t for c in noun.children if c.i != clause.i and c.dep_ != "relcl"
                                            for t in c.subtree]
            if any(t.lower_ in PAST_WORDS and (t.ent_type_ == "DATE" or t.lower_ in PAST_ADVERBS) for t in words):
                continue
            # "Hamas, which advocates X's destruction": a simple present after a comma describes
            # the noun, it tells no event
            if tok is clause and tok.tag_ in ("VBZ", "VBP") and doc[clause.left_edge.i - 1].text == "," \
                    and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
                continue
        out.append(e)
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    """Drop repeats, and an event without a recipient where the same source and type in the same
    sentence has one ("oppose intervention in Syria and oppose regime change")."""
    with_target = {(e.sentence_index, e.type, _source_code(e)) for e in events if e.recipients}
    events = [e for e in events if e.recipients or (e.sentence_index, e.type, _source_code(e)) not in with_target]
    seen = set()
    out = []
    for e in events:
        # one event per sentence, code and dyad: "refused to release X" is coded by 'refused'
        # and by the negated 'release' alike
        key = (e.sentence_index, e.cameo, _source_code(e),
               e.recipients[0].code if e.recipients else None,
               e.actors[0].span if e.actors else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def _of_time(prep) -> bool:
    """A prepositional phrase of time ("on Monday", "in March 2021")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _deinflected(tok, table):
    """The senses of a past or -ing form the lemmatizer got wrong ("staged" -> "stag"): the form
    without its ending, tried as written and with a final "e"."""
    word = tok.lower_
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN", "VBG"):
        return None
    for ending in (("ing",) if tok.tag_ == "VBG" else ("ed", "d")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else None):
                if cand and cand in table:
                    return table[cand]
    return None


def _hyphenated(tok, table):
    """The senses of a hyphenated word the tokenizer split ("shoot-out": "shoot", "-", "out"),
    looked up joined ("shootout") and hyphenated, at its last part."""
    doc = tok.doc
    i = tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    left = doc[i - 2].lower_
    return table.get(left + tok.lower_) or table.get(f"{left}-{tok.lower_}")
