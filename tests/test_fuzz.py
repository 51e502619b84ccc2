"""Fuzz: thousands of malformed and random documents through ingest and the pipeline contract.

Every input must come out coded or rejected with a known reason, with nothing lost and no crash.
The bulk runs through the real ingest and run loop with the fake pipeline (which applies the
real ``clean.check_text``); a smaller sample goes through the real clean-up stage.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.config import Config
from eventwire.engines.fake import FakePipeline
from eventwire.engines.inprocess import InProcessEngine
from eventwire.errors import InputError
from eventwire.ingest import IngestOptions
from eventwire.model import Document
from eventwire.runner import RunOptions, run

MAX_CHARS = 3000
REASONS = {"empty", "binary", "encoding", "not-english", "too-large", "malformed", "unreadable",
           "unreachable", "error"}
WORDS = ["Paris", "met", "Berlin", "accused", "Rome", "the", "talks", "said", "on", "Monday", ".", ","]


def _warc(pages: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(pages):
        body = f"<html><body><p>Paris met Berlin on day {i}. Talks went on.</p></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://x.test/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


WARC = _warc(4)

sentences = st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(" ".join)
junk_text = st.text(max_size=400)  # any code points: controls, NUL, surrogates excluded by utf-8
html = st.builds(lambda parts, close: "<html><body>" + "".join(f"<{t}>{s}" + (f"</{t}>" if close else "")
                                                                   for t, s in parts),
                 st.lists(st.tuples(st.sampled_from(["p", "div", "script", "h1", "span", "!--", "td"]),
                                    st.one_of(sentences, junk_text)), max_size=8), st.booleans())


def _line(value) -> str:
    return value if isinstance(value, str) else json.dumps(value)


json_record = st.one_of(
    st.fixed_dictionaries({"text": st.one_of(sentences, junk_text)}, optional={"id": st.text(max_size=8),
                                                                               "title": st.text(max_size=20)}),
    st.fixed_dictionaries({"text": st.one_of(st.integers(), st.none(), st.lists(st.integers(), max_size=2))}),
    st.lists(st.integers(), max_size=3),
    st.text(max_size=30),  # a raw line: usually not JSON at all
)

documents = st.one_of(
    st.tuples(st.just(".txt"), st.binary(max_size=300)),
    st.tuples(st.just(".txt"), junk_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".txt"), sentences.map(str.encode)),
    st.tuples(st.just(".txt"), sentences.map(lambda t: t.encode("utf-16"))),
    st.tuples(st.just(".txt"), st.integers(MAX_CHARS, 4 * MAX_CHARS + 50).map(lambda n: b"word " * n)),
    st.tuples(st.just(".txt"), st.just(b"")),
    st.tuples(st.just(".html"), html.map(str.encode)),
    st.tuples(st.just(".html"), html.map(lambda t: t.encode("latin-1", "replace"))),
    st.tuples(st.just(".jsonl"), st.lists(json_record, max_size=12).map(
        lambda rs: "\n".join(map(_line, rs)).encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".json"), st.lists(json_record, max_size=5).map(lambda rs: json.dumps(rs).encode())),
    st.tuples(st.just(".json"), st.binary(max_size=100)),
    st.tuples(st.just(".csv"), st.lists(st.one_of(sentences, junk_text), max_size=6).map(
        lambda rows: ("text\n" + "\n".join(rows)).encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".warc.gz"), st.integers(0, len(WARC)).map(lambda n: WARC[:n])),
    st.tuples(st.just(".warc.gz"), st.tuples(st.integers(0, len(WARC) - 1), st.binary(min_size=1, max_size=8)).map(
        lambda t: WARC[: t[0]] + t[1] + WARC[t[0] + len(t[1]):])),
    st.tuples(st.just(".warc"), st.binary(max_size=200)),
    st.tuples(st.just(".txt.gz"), sentences.map(lambda t: gzip.compress(t.encode()))),
    st.tuples(st.just(".jsonl.gz"), st.binary(max_size=60).map(lambda b: gzip.compress(b)[: max(1, len(b))])),
    st.tuples(st.just(".rss"), st.one_of(junk_text, html).map(lambda t: t.encode("utf-8", "surrogatepass"))),
)

SEEN = {"documents": 0, "examples": 0}


def _check_batch(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        root.mkdir()
        single = 0
        for i, (suffix, data) in enumerate(files):
            (root / f"f{i:03d}{suffix}").write_bytes(data)
            single += suffix in (".txt", ".html", ".txt.gz")
        out = Path(tmp) / "out.jsonl"
        config = Config(max_chars=MAX_CHARS)
        messages: list[str] = []
        summary = run(RunOptions([str(root)], output=str(out), workers=1, config=config,
                                 ingest=IngestOptions(max_chars=MAX_CHARS)),
                      engine=InProcessEngine(FakePipeline(max_chars=MAX_CHARS), chunk_size=7),
                      say=messages.append)
        t = summary.this_run
        rejected = sum(t.rejected.values())
        # every record read is accounted for: coded, rejected or a duplicate of one coded
        assert summary.read == t.coded + rejected + t.duplicates
        assert summary.read >= single  # a one-document file always yields its document
        assert set(t.rejected) <= REASONS, t.rejected
        # count b"\n" only: str.splitlines() would also split on U+0085 and U+2028 inside strings
        assert out.read_bytes().count(b"\n") == t.coded
        rejects = Path(tmp) / "out.rejects.jsonl"
        n_rejects = rejects.read_bytes().count(b"\n") if rejects.exists() else 0
        assert n_rejects == rejected == len(messages)
        assert all("\n" not in m for m in messages)
        SEEN["documents"] += summary.read
        SEEN["examples"] += 1


@settings(max_examples=380, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(documents, min_size=1, max_size=16))
def _fuzz_ingest_and_pipeline(files):
    _check_batch(files)


def test_random_documents_are_each_coded_or_rejected():
    SEEN.update(documents=0, examples=0)
    _fuzz_ingest_and_pipeline()
    assert SEEN["documents"] >= 2500, SEEN  # thousands of documents, not a handful


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(junk_text, sentences, html, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))),
       st.booleans())
def test_real_clean_up_either_cleans_or_rejects(text, is_html):
    from eventwire.clean import clean_document

    try:
        page = clean_document(Document(id="x", text=text, is_html=is_html), max_chars=MAX_CHARS)
    except InputError as exc:
        assert exc.reason in REASONS
        return
    assert isinstance(page.text, str)
    for start, end, name in page.sections:
        assert 0 <= start <= end <= len(page.text) and name in ("headline", "standfirst", "body")
