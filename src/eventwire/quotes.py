"""Stage: quotes. Direct quotations with their speaker resolved to an actor.

A quote is text between double quotation marks (straight or curly) of at least four words. Its
speaker is the subject of a reporting verb outside the quote in the same paragraph ('"...," Liu
said'); a paragraph that opens with a quote and names no speaker continues the previous quote's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .data import load_yaml
from .model import Actor, Article, Quote

QUOTE = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"")
MIN_WORDS = 4


@lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("events/lexicon.yaml").get("reporting_verbs", []))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _speaker(doc, para: tuple[int, int], quote_spans: list[tuple[int, int]], mentions) -> tuple[Actor | None, str]:
    reporting = _reporting()
    for tok in doc:
        if not (para[0] <= tok.idx < para[1]) or any(s <= tok.idx < e for s, e in quote_spans):
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        actors = mentions.at(subj)
        if actors:
            return actors[0], f"subject of {tok.text!r}"
        if subj.pos_ == "PROPN":
            span = doc[subj.left_edge.i: subj.right_edge.i + 1]
            return Actor(text=span.text, span=(span.start_char, span.end_char), name=span.text,
                         explanation="speaker not in the dictionaries"), f"subject of {tok.text!r}"
    return None, ""


def find_quotes(doc, article: Article, mentions) -> list[Quote]:
    text = article.text
    quotes: list[Quote] = []
    last_speaker: Actor | None = None
    last_para_had_quote = False
    for para in _paragraphs(text):
        found = [m for m in QUOTE.finditer(text, para[0], para[1])]
        found = [m for m in found if len((m.group(1) or m.group(2)).split()) >= MIN_WORDS]
        if not found:
            last_para_had_quote = False
            continue
        spans = [(m.start(), m.end()) for m in found]
        speaker, why = _speaker(doc, para, spans, mentions)
        if speaker is None and last_para_had_quote and text[para[0]:para[0] + 1] in "\"“":
            speaker, why = last_speaker, "continues the previous paragraph's quote"
        for m in found:
            inner = m.group(1) if m.group(1) is not None else m.group(2)
            start = m.start() + 1
            sent = next((s.index for s in article.sentences if s.start <= start < s.end), 0)
            quotes.append(Quote(text=inner.strip(), span=(start, start + len(inner)), sentence_index=sent,
                                speaker=speaker, explanation=why))
        last_speaker = speaker or last_speaker
        last_para_had_quote = True
    return quotes
