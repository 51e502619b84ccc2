"""Part of the parse stage: repairs for six ways the small English model misparses news, run as a
spaCy component after the parser and NER (``load_model`` adds it).

1. A fronted date and place ("On 12 May 2021, in Kutupalong camp, Cox's Bazar, a group of refugees
   protested ...") can make the model hang the whole sentence on the first preposition or name,
   with the verbs read as nouns. A sentence that opens with a preposition, an adverb or a date and
   whose root is no verb is parsed again from each of the first ``MAX_CUTS`` commas of its first
   ``MAX_FRONT_TOKENS`` tokens on; the first rest whose root is a verb with a subject is grafted
   back, and the fronted phrases hang on that verb. The words, offsets and entities do not change.
   The same is done when the root is a finite verb without a subject ("With the signing of the
   accord, the government and the rebels have agreed ...": the subject swallowed by the phrase).
2. "IS" before a noun ("IS militants") is the Islamic State, not the verb "is": it becomes a proper
   noun in compound with that noun.
3. "up to" before a number ("abducted up to 30 students") read as a verb particle and a
   preposition: both words count the number, and the noun is the verb's object again.
4. "shot" read as a noun in "the military shot and wounded two farmers": it becomes the past
   verb, with the word before it as its subject.
5. A verb in the simple past read as a modifier inside the noun phrase that the model made the
   sentence's root ("an unknown number of nurses gathered outside ..."): the verb is the root.
6. A headline's passive without its auxiliary ("Three people killed in bomb attack") read as an
   active verb with the victims as subject: in a sentence without a final full stop, the
   subject becomes the passive subject.

The repaired document is rebuilt with ``spacy.tokens.Doc``, so every stage sees one parse.
"""

from __future__ import annotations

REPAIRS = "eventwire_parse_repairs"
# Commas this far into a sentence may close a fronted date or place phrase.
MAX_FRONT_TOKENS = 30
# At most this many cuts are tried per sentence (each is a parse of the rest of the sentence).
MAX_CUTS = 4
# Components that give a re-parsed stretch its tags, lemmas and tree (not its entities: those
# of the whole sentence are kept).
REPARSE_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")
VERBAL = ("VERB", "AUX")
# Past verbs the small model reads as nouns before "and <past verb>" ("militants shot and killed
# ..."), with their lemma.
SHOT_NOUNS = {"shot": "shoot"}
# The dependencies that stay inside a noun phrase ("a large number of nurses").
NP_INSIDE = ("prep", "pobj", "compound", "amod", "nmod", "appos")
# Verbs of collective action that take no object: their past participle is never passive.
INTRANSITIVE_ACTS = {"gather", "assemble", "congregate", "converge", "rally", "march", "demonstrate",
                     "riot", "clash"}


def register(nlp) -> None:
    """Add the repairs after the last component of ``nlp`` (once)."""
    from spacy.language import Language

    if not Language.has_factory(REPAIRS):
        Language.factory(REPAIRS)(lambda nlp, name: _Repairs(nlp))
    if REPAIRS not in nlp.pipe_names:
        nlp.add_pipe(REPAIRS, last=True)


class _Repairs:
    def __init__(self, nlp):
        self.nlp = nlp

    def __call__(self, doc):
        fix: dict[int, tuple] = {}  # token index -> (head index, dep, pos, tag, lemma)
        for sent in doc.sents:
            first = sent[0]
            fronted = first.pos_ in ("ADP", "ADV") or first.ent_type_ in ("DATE", "TIME")
            if fronted and sent.root.pos_ not in VERBAL:
                fix.update(self._fronted(doc, sent))
            elif fronted and _subjectless(sent.root):
                fix.update(self._fronted(doc, sent, strict=True))
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if tok.text == "IS" and tok.pos_ in VERBAL and nxt.pos_ in ("NOUN", "PROPN") \
                    and nxt.text[:1].islower() and tok.i not in fix and nxt.sent.start == tok.sent.start \
                    and tok.head.i != tok.i and all(c.i == nxt.i for c in tok.children):
                fix[tok.i] = (nxt.i, "compound", "PROPN", "NNP", "IS")
                if nxt.head.i == tok.i:  # "IS(aux) militants(attr)": the noun takes the verb's place
                    fix[nxt.i] = (tok.head.i, tok.dep_ if tok.dep_ not in ("aux", "auxpass") else "nsubj",
                                  nxt.pos_, nxt.tag_, nxt.lemma_)
        fix.update(_up_to_number(doc, fix))
        fix.update(_shot_and(doc, fix))
        fix.update(_finite_modifier(doc, fix))
        fix.update(_headline_passive(doc, fix))
        if not fix:
            return doc
        try:
            return _rebuilt(doc, fix)
        except ValueError:  # a repair that would not make a tree: keep the model's parse
            return doc

    def _fronted(self, doc, sent, strict: bool = False) -> dict[int, tuple]:
        """``strict``: a rest whose subject is a name followed by a comma (an admin name the
        rest's parse made the subject: "in X, Morazan, a group of residents blocked ...") is
        taken only when no later cut gives a better one."""
        fallback: dict[int, tuple] = {}
        for comma in _cuts(doc, sent)[:MAX_CUTS]:
            rest = doc[comma.i + 1:sent.end]
            sub = self.nlp.make_doc(rest.text)
            if len(sub) != len(rest) or any(a.text != b.text for a, b in zip(sub, rest)):
                continue  # tokenised differently on its own: offsets would not line up
            for name, proc in self.nlp.pipeline:
                if name in REPARSE_COMPONENTS:
                    sub = proc(sub)
            roots = [t for t in sub if t.dep_ == "ROOT"]
            subjects = [c for c in roots[0].children if c.dep_ in ("nsubj", "nsubjpass")] if roots else []
            # one verb root with one subject (two are a parse as broken as the first)
            if len(roots) != 1 or roots[0].pos_ not in VERBAL or len(subjects) != 1:
                continue
            offset = rest.start
            root = roots[0].i + offset
            fix = {t.i + offset: (t.head.i + offset, t.dep_, t.pos_, t.tag_, t.lemma_) for t in sub}
            fix[root] = (root, "ROOT", roots[0].pos_, roots[0].tag_, roots[0].lemma_)
            # the fronted phrases keep their own structure and hang on the new root
            for tok in doc[sent.start:comma.i + 1]:
                if tok.head.i > comma.i or tok.head.i < sent.start or tok.head.i == tok.i:
                    dep = "punct" if tok.is_punct else "prep" if tok.pos_ == "ADP" else "npadvmod"
                    fix[tok.i] = (root, dep, tok.pos_, tok.tag_, tok.lemma_)
            subj = subjects[0]
            if strict and subj.pos_ == "PROPN" and subj.i + 1 < len(sub) and sub[subj.i + 1].text == ",":
                fallback = fallback or fix
                continue
            return fix
        return fallback


def _cuts(doc, sent) -> list:
    """The commas of the sentence's first tokens that may end a fronted phrase; one inside
    parentheses ("(La Spezia, Liguria)") does not."""
    return [t for t in sent[:MAX_FRONT_TOKENS] if t.text == "," and t.i + 2 < sent.end
            and doc[sent.start:t.i].text.count("(") <= doc[sent.start:t.i].text.count(")")]


def _subjectless(root) -> bool:
    """A finite verb heading the sentence with no subject: the subject was swallowed by a
    fronted phrase ("With the signing of X, the government and the rebels have agreed ...")."""
    if root.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in root.children):
        return False  # "Among the talks ... will be a gas deal": a copula's subject may follow it
    finite = ("VBD", "VBZ", "VBP", "MD")
    return root.tag_ in finite or any(c.dep_ in ("aux", "auxpass") and c.tag_ in finite for c in root.children)


def _up_to_number(doc, fix: dict[int, tuple]) -> dict[int, tuple]:
    """Repair 3: "abducted up to 30 students" read as the particle verb "abduct up" with the
    students in a "to" phrase. "up to" counts the object: both words modify the number, and the
    noun is the verb's direct object again."""
    out: dict[int, tuple] = {}
    for tok in doc[:-2]:
        to, num = doc[tok.i + 1], doc[tok.i + 2]
        if tok.lower_ != "up" or tok.dep_ != "prt" or to.lower_ != "to" or to.dep_ != "prep" \
                or to.head.i not in (tok.i, tok.head.i) or not num.like_num or num.dep_ != "nummod":
            continue
        noun = num.head
        if noun.dep_ != "pobj" or noun.head.i != to.i or {tok.i, to.i, noun.i} & set(fix):
            continue
        out[tok.i] = (num.i, "quantmod", "ADV", "RB", "up")
        out[to.i] = (num.i, "quantmod", "ADP", "IN", "to")
        out[noun.i] = (tok.head.i, "dobj", noun.pos_, noun.tag_, noun.lemma_)
    return out


def _shot_and(doc, fix: dict[int, tuple]) -> dict[int, tuple]:
    """Repair 4: "the military shot and wounded two farmers" read as the noun phrase "the military
    shot" (root) coordinated with "wounded". When the root of a sentence is the noun "shot"
    coordinated with a past verb right after "and", "shot" is that verb's first half: a past verb
    whose subject is the last word before it, and the words before that modify the subject."""
    out: dict[int, tuple] = {}
    for sent in doc.sents:
        shot = sent.root
        # (or tagged a verb but with its subject words as modifiers: "a police sniper shot(VERB)")
        if shot.lower_ not in SHOT_NOUNS or shot.i + 2 >= sent.end or shot.i in fix or not (
                shot.pos_ == "NOUN" or (shot.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                       for c in shot.children))):
            continue
        conj = doc[shot.i + 2]
        if doc[shot.i + 1].lower_ != "and" or conj.head.i != shot.i or conj.dep_ != "conj" \
                or conj.pos_ != "VERB" or conj.tag_ not in ("VBD", "VBN"):
            continue
        left = [c for c in shot.lefts if c.i > sent.start]
        words = [c for c in left if c.dep_ in ("compound", "amod", "nmod", "poss")
                 and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        if not words or words[-1].i != shot.i - 1 or set(c.i for c in left) & set(fix):
            continue
        subj = words[-1]
        out[shot.i] = (shot.i, "ROOT", "VERB", "VBD", SHOT_NOUNS[shot.lower_])
        out[subj.i] = (shot.i, "nsubj", "NOUN" if subj.pos_ == "ADJ" else subj.pos_,
                       "NN" if subj.pos_ == "ADJ" else subj.tag_, subj.lemma_)
        for c in left:
            if c.i < subj.i and c.dep_ not in ("prep", "punct", "advmod", "npadvmod"):
                out[c.i] = (subj.i, c.dep_, c.pos_, c.tag_, c.lemma_)
    return out


def _finite_modifier(doc, fix: dict[int, tuple]) -> dict[int, tuple]:
    """Repair 5: "an unknown number of nurses gathered outside the hospital" read as one noun
    phrase whose last noun a past verb modifies (acl). A verb in the simple past (VBD), or the
    participle of a collective act that takes no object, does not modify a noun there: when a
    sentence's root is a noun and such a verb without a subject hangs inside the root's own
    phrase, the verb is the root and the noun phrase its subject."""
    out: dict[int, tuple] = {}
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or root.i in fix:
            continue
        for verb in sent:
            # (a participle only of a verb that takes no object, so that it cannot be passive:
            # "people assembled" is active, "people killed" is not)
            finite = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.lemma_.lower() in INTRANSITIVE_ACTS
                                            and not any(c.dep_ == "dobj" for c in verb.children))
            if verb.dep_ != "acl" or not finite or verb.pos_ != "VERB" or verb.i < root.i \
                    or verb.i in fix or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            node = verb.head
            while node.i != root.i and node.dep_ in NP_INSIDE:
                node = node.head
            if node.i != root.i:
                continue
            out[verb.i] = (verb.i, "ROOT", verb.pos_, verb.tag_, verb.lemma_)
            out[root.i] = (verb.i, "nsubj", root.pos_, root.tag_, root.lemma_)
            break
    return out


def _headline_passive(doc, fix: dict[int, tuple]) -> dict[int, tuple]:
    """Repair 6: a headline's passive without its auxiliary ("Three people killed in bomb
    attack") read as an active past with the victims as its subject. In a sentence that does not
    end in a full stop (a headline or title), a past participle (VBN) at the root with a subject,
    no auxiliary and no object is a passive: its subject becomes the passive subject. Collective
    acts that take no object (INTRANSITIVE_ACTS) are left alone. (Body sentences are not touched:
    the tagger marks many active past verbs there as participles.)"""
    out: dict[int, tuple] = {}
    for sent in doc.sents:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        root = sent.root
        if last is None or last.text in (".", "!", "?") or root.tag_ != "VBN" or root.pos_ != "VERB" \
                or root.lemma_.lower() in INTRANSITIVE_ACTS:
            continue
        if {c.dep_ for c in root.children} & {"aux", "auxpass", "dobj", "nsubjpass", "ccomp", "xcomp"}:
            continue
        for c in root.children:
            if c.dep_ == "nsubj" and c.i < root.i and c.i not in fix:
                out[c.i] = (root.i, "nsubjpass", c.pos_, c.tag_, c.lemma_)
    return out


def _rebuilt(doc, fix: dict[int, tuple]):
    """A copy of ``doc`` with the fixed tokens' heads, labels, tags and lemmas."""
    from spacy.tokens import Doc

    heads, deps, pos, tags, lemmas = [], [], [], [], []
    for i in fix:
        # every changed token must still reach a root: no cycles
        node, seen = i, set()
        while True:
            head = fix[node][0] if node in fix else doc[node].head.i
            if head == node:
                break
            if node in seen:
                raise ValueError(f"repair would make a cycle at token {i}")
            seen.add(node)
            node = head
    for tok in doc:
        head, dep, p, tag, lemma = fix.get(tok.i, (tok.head.i, tok.dep_, tok.pos_, tok.tag_, tok.lemma_))
        heads.append(head)
        deps.append(dep)
        pos.append(p)
        tags.append(tag)
        lemmas.append(lemma)
    ents = ["O"] * len(doc)
    for ent in doc.ents:
        ents[ent.start] = f"B-{ent.label_}"
        for i in range(ent.start + 1, ent.end):
            ents[i] = f"I-{ent.label_}"
    new = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              morphs=[str(t.morph) for t in doc], ents=ents)
    return new
