"""What every ingest source shares: options, byte decoding, transparent decompression, records.

A source turns one input (a path, a URL, standard input) into a stream of ``Document`` or
``Rejected``. Nothing is dropped silently: bytes that cannot be news text come out as a
``Rejected`` with a short reason (``binary``, ``encoding``, ``too-large``, ``malformed``,
``unreadable``, ``unreachable``) so that the run can account for every input.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Union

from ..model import Document, Rejected, content_hash

Item = Union[Document, Rejected]

# Default column names tried, in order, for each field of a record (JSON, CSV, Parquet) when the
# user gives no mapping. The first present and non-empty column wins.
DEFAULT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "document_id", "article_id", "guid", "uuid"),
    "text": ("text", "body", "content", "article", "story", "html"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "datetime",
                  "timestamp"),
    "url": ("url", "link", "uri"),
}
FIELD_NAMES = tuple(DEFAULT_FIELDS)

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
COMPRESSED_SUFFIXES = (".gz", ".zst")


@dataclass(frozen=True)
class IngestOptions:
    """How sources read their inputs.

    ``max_chars`` is the pipeline's limit; a record whose bytes could not fit in it even at one
    byte per character is rejected as ``too-large`` without being read into memory whole.
    ``fields`` maps a record field (id, text, title, published, url) to the column that holds it.
    """

    max_chars: int = 1_000_000
    fields: Mapping[str, str] = field(default_factory=dict)
    fetch_timeout: float = 20.0
    fetch_workers: int = 4
    user_agent: str = "eventwire (+https://pypi.org/project/eventwire/)"

    @property
    def max_bytes(self) -> int:
        # UTF-8 takes at most 4 bytes a character, and an HTML page carries markup around its text,
        # so the byte cap is generous; the pipeline applies the exact character limit afterwards.
        return self.max_chars * 4

    def column(self, name: str, record: Mapping[str, Any]) -> Any:
        """The value of field ``name`` in ``record`` under the mapping (or the default names)."""
        if name in self.fields:
            return record.get(self.fields[name])
        found = None
        for column in DEFAULT_FIELDS[name]:
            value = record.get(column)
            if value not in (None, ""):
                return value
            if value == "" and found is None:
                found = value  # present but empty: an empty document, not a missing field
        return found


def bytes_id(data: bytes) -> str:
    """Identity of undecodable input: sha256 of its bytes, 16 hex digits (like content_hash)."""
    return hashlib.sha256(data).hexdigest()[:16]


def decode(data: bytes, *, source: str, options: IngestOptions, id: str | None = None,
           charset: str | None = None) -> str | Rejected:
    """Bytes -> text, strictly. UTF-8 unless the transport declared another charset.

    Returns a ``Rejected`` (binary, encoding, too-large) rather than text that would be garbage.
    """
    rid = id or bytes_id(data)
    if len(data) > options.max_bytes:
        return Rejected(rid, "too-large", f"{len(data):,} bytes, over the limit of "
                        f"{options.max_bytes:,} bytes", source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Rejected(rid, "encoding", "UTF-16 text; convert it to UTF-8", source)
    if b"\x00" in data[:8192]:
        return Rejected(rid, "binary", "the input contains NUL bytes: it is binary, not text", source)
    encoding = "utf-8"
    if charset:
        try:
            encoding = codecs.lookup(charset).name
        except LookupError:
            encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        return Rejected(rid, "encoding", f"not valid {encoding} (byte {exc.start}: "
                        f"{data[exc.start:exc.start + 4]!r}); convert it to UTF-8", source)
    return text.lstrip("\ufeff")


def document(text: str, *, source: str, id: str | None = None, title: Any = None,
             published: Any = None, url: Any = None, is_html: bool | None = None) -> Document:
    """A Document identified by its record id, or else by its content hash."""
    if is_html is None:
        is_html = looks_like_html(text)
    return Document(id=str(id) if id not in (None, "") else content_hash(text), text=text,
                    title=_str(title), published=_str(published), url=_str(url), source=source,
                    is_html=is_html)


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


_CLOSING_TAG = re.compile(r"</(?:p|div|article|span|a|li|ul|h[1-6]|td|tr|table|section|body|html)\s*>", re.I)


def looks_like_html(text: str) -> bool:
    """HTML by its start, or by closing tags (wire copy has "<BAC>"-style tickers, never "</p>")."""
    head = text[:1000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        return True
    return len(_CLOSING_TAG.findall(text[:5000])) >= 2


def record_document(record: Any, *, source: str, options: IngestOptions) -> Item:
    """One structured record (a JSON object, a CSV row, a Parquet row) -> Document or Rejected."""
    if not isinstance(record, Mapping):
        return Rejected(bytes_id(repr(record).encode("utf-8", "replace")), "malformed",
                        f"expected an object with a text field, got {type(record).__name__}", source)
    rid = options.column("id", record)
    text = options.column("text", record)
    if text is None or not isinstance(text, str):
        what = "no text field" if text is None else f"text is a {type(text).__name__}, not a string"
        keys = ", ".join(list(map(str, record))[:8])
        wanted = options.fields.get("text") or "/".join(DEFAULT_FIELDS["text"])
        return Rejected(str(rid) if rid is not None else bytes_id(repr(record).encode("utf-8", "replace")),
                        "malformed", f"{what} (looked for {wanted}; the record has {keys})", source)
    if len(text) > options.max_chars:
        return Rejected(str(rid) if rid is not None else content_hash(text), "too-large",
                        f"{len(text):,} characters, over the limit of {options.max_chars:,}", source)
    return document(text, source=source, id=rid, title=options.column("title", record),
                    published=options.column("published", record), url=options.column("url", record))


def strip_compression(name: str) -> str:
    """'a.jsonl.gz' -> 'a.jsonl' (the suffix that says what the content is)."""
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def open_binary(path: str) -> IO[bytes]:
    """Open a file for reading, decompressing .gz and .zst (by suffix or by magic number)."""
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    return decompressed(raw, path)


def decompressed(raw: IO[bytes], name: str = "") -> IO[bytes]:
    stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
    head = stream.peek(4)[:4]  # type: ignore[union-attr]
    lower = name.lower()
    if head.startswith(GZIP_MAGIC) or lower.endswith(".gz"):
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    if head.startswith(ZSTD_MAGIC) or lower.endswith(".zst"):
        try:
            import zstandard
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise MissingDependency("zstandard", ".zst input") from exc
        reader = zstandard.ZstdDecompressor().stream_reader(stream, closefd=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]  # gives readline and peek
    return stream  # type: ignore[return-value]


class MissingDependency(ImportError):
    """An optional package an input type needs is not installed."""

    def __init__(self, package: str, what: str):
        super().__init__(f"reading {what} needs the {package!r} package: "
                         f"pip install 'eventwire[ingest]'")
        self.package = package


def read_capped(stream: IO[bytes], cap: int) -> tuple[bytes, bool]:
    """Read at most ``cap`` bytes; say whether there was more (without reading it all)."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        return data[:cap], True
    return data, False


def iter_lines(stream: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Lines of a byte stream, each at most ``cap`` bytes: yields (line_no, line, size).

    An over-long line is skipped in pieces (never held whole) and yielded as ``None``.
    """
    line_no = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        line_no += 1
        if len(line) > cap and not line.endswith(b"\n"):
            size = len(line)
            while True:
                rest = stream.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield line_no, None, size
            continue
        yield line_no, line, len(line)
