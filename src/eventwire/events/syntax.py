"""Parse-tree helpers for the events stage: clause roles, and repairs for the ways spaCy's small
English model misparses news ("police forces arrested ..." with the verb as a noun modifier, a
subject hung on a leading place). Pure functions of the dependency parse; no dictionary data."""

from __future__ import annotations

from ..nlp import with_conj  # noqa: F401  (re-exported: the events stage imports it from here)

SUBJ = ("nsubj", "nsubjpass", "csubj")


def agents(verb) -> list:
    """The objects of a verb's passive 'by' phrase ("killed by gunmen")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def disagree(verb, other) -> bool:
    """True when a finite verb's number clashes with another clause's subject."""
    aux = [c for c in verb.children if c.dep_ == "aux"] + [verb]
    tags = {t.tag_ for t in aux}
    subj = next((c for c in other.children if c.dep_ in SUBJ), None)
    if subj is None:
        return False
    plural_subj = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    if "VBP" in tags and not plural_subj and subj.lower_ not in ("i", "you", "we", "they"):
        return True
    if "VBZ" in tags and plural_subj:
        return True
    return False


def purpose_clause(tok) -> bool:
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def in_purpose_clause(tok) -> bool:
    """In a purpose clause, or in a verb chain that starts in one ("to help defend X")."""
    node = tok
    for _ in range(4):
        if purpose_clause(node):
            return True
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
    return False


def is_passive(tok) -> bool:
    """A passive clause. A simple past (VBD) never is: "IS militants attacked", with "IS" parsed
    as the auxiliary "is"."""
    return tok.tag_ != "VBD" and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def passive_without_agent(tok) -> bool:
    children = list(tok.children)
    return is_passive(tok) and not any(
        c.dep_ == "agent" for c in children)


def governing_clause(doc, mention) -> int | None:
    span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok.i
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj"):
            tok = tok.head
            continue
        if tok.head.i == tok.i:
            return tok.i
        tok = tok.head
    return None


def misparsed_subject(verb):
    """'Police forces arrested ...' parsed with 'arrested' as a modifier (acl) of 'forces', or
    'relatives of a man protested ...' with 'relatives' as the sentence's root: the small parser
    often does this after a long leading date and place. A finite past-tense verb (VBD) cannot
    modify a noun, nor can a participle with a direct object, so the noun it hangs on (or the
    head of its "X of Y" phrase) is its subject; another participle is taken as the main verb
    only when the sentence has no finite verb."""
    if any(c.dep_ in SUBJ for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT":
        # "masked gunmen on a scooter shot and wounded a trader", with "shot" read as a noun:
        # a finite verb coordinated with the sentence's root noun has that noun as its subject
        return head
    if verb.dep_ != "acl":
        return None
    # a participle with a direct object is active too ("forces arrested 66 members")
    # ("shot and killed a civilian": the object may sit on the coordinated verb)
    active = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "dobj" for v in [verb] + [x for x in verb.children if x.dep_ == "conj"] for c in v.children))
    if active and head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            return head.head.head
        return head
    root = verb.sent.root
    if verb.tag_ == "VBN" and root.pos_ in ("NOUN", "PROPN") and root.i < verb.i \
            and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.sent) \
            and not any(t.dep_ == "acl" and t.pos_ == "VERB" for t in verb.sent if t.i < verb.i):
        return root
    return None


def preceding_subject(verb):
    """'In Ixtapaluca, Mexico, residents of the colonias held a protest': after a leading place the
    parser often hangs the subject on the place (appos) and leaves the verb without one. When a
    finite root or modifier verb has no subject, the noun phrase that ends right before it is it."""
    if verb.dep_ not in ("ROOT", "acl"):
        return None
    csubj = next((c for c in verb.children if c.dep_ == "csubj"), None)
    if csubj is not None:
        return gerund_noun(csubj)
    if any(c.dep_ in SUBJ for c in verb.children):
        return None
    # a past participle as the root with no auxiliary ("500 persons demonstrated", tagged VBN)
    # is a finite verb too
    bare_root = verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not (
            verb.tag_ == "VBN" and (bare_root or any(c.dep_ == "dobj" for c in verb.children))):
        return None
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod")
                                    or verb.doc[i].pos_ in ("ADV", "PART") or verb.doc[i].text in (")", ",")):
        i -= 1
    if i < verb.sent.start:
        return None
    t = verb.doc[i]
    if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("DATE", "TIME") or t.head.i == verb.i:
        return None
    for _ in range(6):
        if t.dep_ in ("compound", "amod", "nummod", "poss", "flat", "nmod") and t.head.i > t.i:
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            t = t.head.head
        elif t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head
        else:
            break
    return t if t.dep_ in ("appos", "conj", "pobj", "npadvmod", "dobj", "ROOT", "nsubj") and t.i < verb.i else None


def gerund_noun(csubj):
    """'Driving instructors held a rally': the parser reads "driving instructors" as a clause
    (csubj "driving" with object "instructors"). A bare -ing word whose only dependent is the
    noun right after it is an adjective on that noun, which is the subject; else None."""
    kids = list(csubj.children)
    if (csubj.tag_ == "VBG" and len(kids) == 1 and kids[0].dep_ == "dobj" and kids[0].i == csubj.i + 1
            and kids[0].pos_ in ("NOUN", "PROPN")):
        return kids[0]
    return None
