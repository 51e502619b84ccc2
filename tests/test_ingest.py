"""Ingest sources: every file type, compression, stdin, feeds over local HTTP, and bad bytes."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest import (IngestOptions, SourceKind, check_inputs, estimate_total, kind_of,
                              read_inputs, register_source, SOURCES)
from eventwire.ingest import stdin as stdin_source
from eventwire.model import Document, Rejected, content_hash

STORY = "Paris met Berlin on Tuesday to discuss trade. Rome accused Oslo of delaying the talks."
HTML = ("<html><head><title>Talks in Paris</title></head><body><article><h1>Talks in Paris</h1>"
        f"<p>{STORY}</p><p>Officials said more meetings would follow next month.</p></article>"
        "</body></html>")


# -- builders of each input type --------------------------------------------------------------

def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gzip_records: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


def write_parquet(path: Path, rows: list[dict]) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><link>http://example.test/</link>
<description>d</description>{items}</channel></rss>"""


def rss_item(title: str, link: str | None = None, body: str | None = None, guid: str | None = None) -> str:
    parts = [f"<title>{title}</title>", "<pubDate>Tue, 05 Jun 2012 10:00:00 GMT</pubDate>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if guid:
        parts.append(f"<guid>{guid}</guid>")
    if body:
        parts.append(f"<description>{body}</description>")
    return "<item>" + "".join(parts) + "</item>"


def mixed_directory(root: Path) -> dict[str, int]:
    """A directory with one input of each type; returns the documents expected from each."""
    import zstandard

    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(STORY + " One.")
    (root / "b.html").write_text(HTML)
    (root / "c.htm.gz").write_bytes(gzip.compress(HTML.replace("Paris", "Lyon").encode()))
    (root / "d.json").write_text(json.dumps([{"id": "j1", "text": STORY + " Two."},
                                             {"id": "j2", "text": STORY + " Three."}]))
    (root / "sub" / "e.jsonl").write_text("\n".join(json.dumps({"text": STORY + f" L{i}.", "title": f"T{i}"})
                                                    for i in range(3)) + "\n")
    (root / "f.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(
        (json.dumps({"id": "z1", "text": STORY + " Zst."}) + "\n").encode()))
    (root / "g.csv").write_text('id,title,text\nc1,A,"' + STORY + ' Csv one."\nc2,B,"' + STORY + ' Csv two."\n')
    write_parquet(root / "h.parquet", [{"id": "p1", "text": STORY + " Pq."}])
    write_warc(root / "i.warc.gz", [("http://example.test/1", HTML.replace("Paris", "Nice").encode(),
                                     "text/html; charset=utf-8")])
    (root / "j.rss").write_text(RSS.format(items=rss_item("Feed item", body=STORY + " Feed.", guid="g1")))
    (root / "k.txt.gz").write_bytes(gzip.compress((STORY + " Gz.").encode()))
    (root / ".hidden.txt").write_text("never read")
    (root / "notes.bin").write_bytes(b"\x00\x01")
    return {"a.txt": 1, "b.html": 1, "c.htm.gz": 1, "d.json": 2, "e.jsonl": 3, "f.jsonl.zst": 1,
            "g.csv": 2, "h.parquet": 1, "i.warc.gz": 1, "j.rss": 1, "k.txt.gz": 1}


def _by_file(items) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        name = Path(item.source.split(":")[0].split("#")[0].split("@")[0]).name
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_mixed_directory_reads_every_type_and_ignores_the_rest(tmp_path):
    expected = mixed_directory(tmp_path / "in")
    ignored: list[str] = []
    items = list(read_inputs([str(tmp_path / "in")], ignored=ignored.append))
    assert all(isinstance(i, Document) for i in items), [i for i in items if isinstance(i, Rejected)]
    assert _by_file(items) == expected
    assert [Path(p).name for p in ignored] == ["notes.bin"]  # hidden files are not even listed
    by_id = {d.id: d for d in items}
    assert {"j1", "j2", "z1", "c1", "c2", "p1", "g1"} <= set(by_id)
    assert by_id["c1"].title == "A"
    assert by_id["g1"].published and by_id["g1"].title == "Feed item"
    warc_doc = next(d for d in items if d.source.endswith(tuple("0123456789")) and "@" in d.source)
    assert warc_doc.is_html and warc_doc.url == "http://example.test/1"
    assert warc_doc.id.startswith("<urn:uuid:")  # the WARC record id
    txt = next(d for d in items if d.source.endswith("a.txt"))
    assert txt.id == content_hash(txt.text) and not txt.is_html
    assert next(d for d in items if d.source.endswith("b.html")).is_html


def test_order_is_stable_and_globs_work(tmp_path):
    mixed_directory(tmp_path / "in")
    first = [d.id for d in read_inputs([str(tmp_path / "in")])]
    assert first == [d.id for d in read_inputs([str(tmp_path / "in")])]
    globbed = list(read_inputs([str(tmp_path / "in" / "**" / "*.jsonl")]))
    assert len(globbed) == 3


def test_estimate_total_counts_when_every_source_can(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}')
    assert estimate_total([str(tmp_path)]) == 3
    (tmp_path / "c.warc").write_bytes(b"")
    assert estimate_total([str(tmp_path)]) is None


@pytest.mark.parametrize("data,reason", [
    (b"Caf\xe9 au lait is served in Paris every day.", "encoding"),
    (b"\xff\xfeP\x00a\x00r\x00", "encoding"),
    (b"PK\x03\x04\x00\x00binary zip", "binary"),
])
def test_bad_bytes_are_rejected_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    [item] = read_inputs([str(path)])
    assert isinstance(item, Rejected) and item.reason == reason
    assert item.source == str(path)


def test_too_large_is_rejected_without_reading_it_whole(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 1000)
    (tmp_path / "big.jsonl").write_text(json.dumps({"text": "word " * 1000}) + "\n"
                                        + json.dumps({"text": STORY}) + "\n")
    items = list(read_inputs([str(tmp_path)], IngestOptions(max_chars=500)))
    assert [(type(i).__name__, getattr(i, "reason", None)) for i in items] == [
        ("Rejected", "too-large"), ("Document", None), ("Rejected", "too-large")]


def test_jsonl_bad_lines_are_rejected_and_the_file_goes_on(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "first good record here"}\n{oops\n\n[1, 2]\n{"body": 5}\n'
                     b'{"text": "caf\xe9"}\n{"text": "last good record here"}\n')
    items = list(read_inputs([str(path)]))
    assert [getattr(i, "reason", "doc") for i in items] == ["doc", "malformed", "malformed", "malformed",
                                                            "encoding", "doc"]
    assert items[1].source == f"{path}:2" and items[-1].source == f"{path}:7"


def test_column_mapping(tmp_path):
    (tmp_path / "x.csv").write_text("key,story,head,when,link\nk1,\"" + STORY + "\",H,2012-06-05,http://x.test/\n")
    opts = IngestOptions(fields={"id": "key", "text": "story", "title": "head", "published": "when", "url": "link"})
    [doc] = read_inputs([str(tmp_path / "x.csv")], opts)
    assert (doc.id, doc.title, doc.published, doc.url) == ("k1", "H", "2012-06-05", "http://x.test/")
    [rej] = read_inputs([str(tmp_path / "x.csv")], IngestOptions(fields={"text": "nope"}))
    assert rej.reason == "malformed" and "nope" in rej.detail


def test_csv_bad_row_encoding_is_rejected_alone(tmp_path):
    (tmp_path / "x.csv").write_bytes(b"text\n\"caf\xe9 bad\"\n\"" + STORY.encode() + b"\"\n")
    items = list(read_inputs([str(tmp_path / "x.csv")]))
    assert [getattr(i, "reason", "doc") for i in items] == ["encoding", "doc"]


def test_json_file_shapes(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "o", "text": STORY}))
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [{"text": STORY}, {"text": STORY + "!"}]}))
    (tmp_path / "lines.json").write_text(json.dumps({"text": STORY}) + "\n" + json.dumps({"text": "b " + STORY}) + "\n")
    (tmp_path / "broken.json").write_text('{"text": "unfinished')
    counts = {}
    for item in read_inputs([str(tmp_path)]):
        name = Path(item.source.split(":")[0].split("#")[0]).name
        counts.setdefault(name, []).append(getattr(item, "reason", "doc"))
    assert counts == {"broken.json": ["malformed"], "lines.json": ["doc", "doc"], "one.json": ["doc"],
                      "wrapped.json": ["doc", "doc"]}


def test_truncated_gzip_is_rejected_after_what_could_be_read(tmp_path):
    body = "".join(json.dumps({"text": f"{STORY} {i}"}) + "\n" for i in range(200)).encode()
    data = gzip.compress(body)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(tmp_path / "cut.jsonl.gz")]))
    assert isinstance(items[-1], Rejected) and items[-1].reason == "malformed"
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 1


def test_warc_skips_non_pages_and_rejects_a_broken_record(tmp_path):
    path = tmp_path / "x.warc.gz"
    write_warc(path, [("http://a.test/", HTML.encode(), "text/html"),
                      ("http://a.test/logo.png", b"\x89PNG....", "image/png"),
                      ("http://a.test/latin", HTML.replace("Paris", "Par\xeds").encode("latin-1"),
                       "text/html; charset=ISO-8859-1"),
                      ("http://a.test/bad", HTML.replace("Paris", "Par\xeds").encode("latin-1"), "text/html")])
    items = list(read_inputs([str(path)]))
    assert [getattr(i, "reason", "doc") for i in items] == ["doc", "doc", "encoding"]
    assert "París" in items[1].text  # the declared charset is honoured
    good = path.read_bytes()
    for tail in (b"WARC/1.0\r\nthis is not a record\r\n\r\n", b"garbage\n" * 5,
                 b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200 OK\r\n\r\ncut"):
        path.write_bytes(good + tail)
        items = list(read_inputs([str(path)]))
        assert len(items) == 4 and items[-1].reason == "malformed", (tail, items[-1])
    (tmp_path / "junk.warc").write_bytes(b"not a warc at all\n" * 10)
    [junk] = read_inputs([str(tmp_path / "junk.warc")])
    assert junk.reason == "malformed" and "offset" in junk.detail


def test_stdin_jsonl_text_and_gzip():
    docs = list(stdin_source.read("-", IngestOptions(), stream=io.BytesIO(
        b'  {"id": "s1", "text": "one two three four"}\n{"text": "five six seven"}\n')))
    assert [d.id for d in docs][0] == "s1" and len(docs) == 2 and docs[0].source == "<stdin>:1"
    [doc] = stdin_source.read("-", IngestOptions(), stream=io.BytesIO(HTML.encode()))
    assert doc.is_html and doc.source == "<stdin>"
    [doc] = stdin_source.read("-", IngestOptions(), stream=io.BytesIO(gzip.compress(STORY.encode())))
    assert doc.text == STORY
    [rej] = stdin_source.read("-", IngestOptions(), stream=io.BytesIO(b"\xff\xff\xff bad"))
    assert rej.reason == "encoding"


def test_missing_inputs_are_usage_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        check_inputs([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="no file matches"):
        check_inputs([str(tmp_path / "*.nope")])
    check_inputs(["-", "https://example.test/feed", str(tmp_path)])


def test_kinds_by_name_and_plugin_registration(tmp_path):
    assert kind_of("a.warc.gz") == "warc" and kind_of("x.JSONL.zst") == "jsonl"
    assert kind_of("https://x.test/rss") == "feed" and kind_of("-") == "stdin"
    assert kind_of("a.docx") is None
    explicit = tmp_path / "story.md"
    explicit.write_text(STORY)
    [doc] = read_inputs([str(explicit)])  # a file named on purpose is read as text
    assert doc.text == STORY

    def read_upper(path, options):
        yield Document(id="u", text=Path(path).read_text().upper(), source=path)

    register_source(SourceKind("upper", read_upper, (".upper",)))
    try:
        (tmp_path / "x.upper").write_text("abc def ghi")
        assert [d.text for d in read_inputs([str(tmp_path / "x.upper")])] == ["ABC DEF GHI"]
    finally:
        SOURCES.pop("upper")


# -- feeds over a local HTTP server -------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}

    def do_GET(self):  # noqa: N802 - the stdlib's name
        page = self.pages.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        ctype, body = page
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base, _Handler.pages
    httpd.shutdown()
    httpd.server_close()
    _Handler.pages.clear()


def test_feed_by_url_fetches_each_item_page(server):
    base, pages = server
    items = "".join(rss_item(f"Story {i}", link=f"{base}/story/{i}", guid=f"guid-{i}") for i in range(3))
    items += rss_item("Gone", link=f"{base}/missing", guid="guid-gone")
    items += rss_item("Inline", body=STORY, guid="guid-inline")
    pages["/feed"] = ("application/rss+xml", RSS.format(items=items).encode())
    for i in range(3):
        pages[f"/story/{i}"] = ("text/html; charset=utf-8", HTML.replace("Paris", f"City{i}").encode())
    out = list(read_inputs([f"{base}/feed"]))
    assert [getattr(i, "reason", "doc") for i in out] == ["doc", "doc", "doc", "unreachable", "doc"]
    assert out[0].id == "guid-0" and out[0].url == f"{base}/story/0" and out[0].is_html
    assert "City1" in out[1].text and out[1].title == "Story 1" and out[1].published
    assert "404" in out[3].detail and out[3].source == f"{base}/missing"
    assert out[4].text == STORY


def test_url_of_a_page_is_one_document_and_a_feed_file_fetches_too(server, tmp_path):
    base, pages = server
    pages["/page"] = ("text/html", HTML.encode())
    [doc] = read_inputs([f"{base}/page"])
    assert doc.is_html and doc.url == f"{base}/page"
    pages["/s"] = ("text/html", HTML.encode())
    (tmp_path / "f.xml").write_text(RSS.format(items=rss_item("S", link=f"{base}/s")))
    [doc] = read_inputs([str(tmp_path / "f.xml")])
    assert doc.url == f"{base}/s"
    [rej] = read_inputs([f"{base}/nothing-here"])
    assert rej.reason == "unreachable"


def test_wire_tickers_are_not_mistaken_for_html(tmp_path):
    from eventwire.ingest.base import looks_like_html

    assert not looks_like_html("International American said it will acquire <Diversified Shelter Group\nLtd> "
                               "and <BAC> shares rose <p")
    assert looks_like_html("<p>One paragraph.</p><p>Two.</p>")
    assert looks_like_html("<!DOCTYPE html><title>x</title>")
