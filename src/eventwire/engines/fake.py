"""A fake pipeline for tests of ingest, engines and the runner (like httpx's MockTransport).

It does what the real pipeline's contract says about inputs (every document comes back as an
Article or a Rejected; bad text is rejected by the real ``clean.check_text``) without loading
spaCy: sentences are split on end punctuation, and a sentence with one of a few verbs between
two capitalised words gives one event. It is deterministic, fast and picklable, so tests can
run it in worker processes. It is not a coder: never use it for real data.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator

from ..clean import check_text
from ..errors import InputError
from ..model import Actor, Article, Document, Event, Rejected, Sentence, content_hash

VERBS = {"met": ("040", "CONSULT"), "accused": ("112", "ACCUSE"), "attacked": ("190", "ASSAULT"),
         "visited": ("042", "CONSULT"), "praised": ("051", "COOPERATE")}
SENTENCE = re.compile(r"[^.!?]+[.!?]?")
CLAUSE = re.compile(r"\b([A-Z][a-z]+)\s+(" + "|".join(VERBS) + r")\s+([A-Z][a-z]+)")


class FakePipeline:
    """``code_many`` like eventwire.pipeline.Pipeline; ``delay`` seconds a document; a document
    containing ``fail_on`` makes the whole call raise, and one containing ``hang_on`` makes it
    loop forever (to test that engines isolate such documents)."""

    def __init__(self, *, delay: float = 0.0, fail_on: str | None = None, hang_on: str | None = None,
                 max_chars: int = 1_000_000, min_words: int = 3):
        self.delay = delay
        self.fail_on = fail_on
        self.hang_on = hang_on
        self.max_chars = max_chars
        self.min_words = min_words

    def code_many(self, documents: Iterable[Document]) -> Iterator[Article | Rejected]:
        documents = list(documents)
        if self.fail_on and any(self.fail_on in d.text for d in documents):
            raise RuntimeError(f"fake failure on {self.fail_on!r}")
        if self.hang_on and any(self.hang_on in d.text for d in documents):
            while True:  # a stage stuck in a loop
                time.sleep(0.01)
        for document in documents:
            if self.delay:
                time.sleep(self.delay)
            try:
                yield self.code(document)
            except InputError as exc:
                yield Rejected(document.id, exc.reason, exc.detail, document.source)

    def code(self, document: Document) -> Article:
        text = document.text.replace("\r\n", "\n")
        check_text(text, max_chars=self.max_chars, min_words=self.min_words)
        article = Article(id=document.id, text=text, title=document.title, body=text,
                          url=document.url, source=document.source,
                          content_hash=content_hash(document.text))
        for index, match in enumerate(SENTENCE.finditer(text)):
            sentence = Sentence(index, match.group(), match.start(), match.end(), "body")
            article.sentences.append(sentence)
            for clause in CLAUSE.finditer(sentence.text):
                base = sentence.start
                cameo, plover = VERBS[clause.group(2)]
                article.events.append(Event(
                    article_id=document.id, sentence_index=index, sentence=sentence.text,
                    section="body", type=plover, mode=None, cameo=cameo, cameo_name=clause.group(2),
                    goldstein=None, quad_class=None,
                    actors=[Actor(clause.group(1), span=(base + clause.start(1), base + clause.end(1)))],
                    recipients=[Actor(clause.group(3), span=(base + clause.start(3), base + clause.end(3)))],
                    trigger=clause.group(2), trigger_span=(base + clause.start(2), base + clause.end(2)),
                    explanation="fake pipeline"))
        return article
