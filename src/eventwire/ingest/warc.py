"""Source: WARC and WARC.gz files (as in Common Crawl's CC-NEWS): one document per HTML response.

Only ``response`` records with a 2xx status and an HTML or plain-text body are documents; request,
metadata and other records are not news and are passed over. A record that cannot be parsed ends
the file (its offsets cannot be trusted after it): it is rejected as ``malformed`` with its offset.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Rejected
from .base import IngestOptions, Item, MissingDependency, bytes_id, decode, document, read_capped

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _warcio():
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise MissingDependency("warcio", "WARC input") from exc
    return ArchiveIterator, ArchiveLoadFailed


def read(path: str, options: IngestOptions) -> Iterator[Item]:
    ArchiveIterator, ArchiveLoadFailed = _warcio()
    with open(path, "rb") as raw:
        stream = raw  # a BufferedReader: it can peek
        if path.lower().endswith(".zst"):
            from .base import decompressed

            stream = decompressed(raw, path)
        head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
        if head and not head.startswith((b"WARC/", b"\x1f\x8b", b"filedesc")):
            yield Rejected(bytes_id(path.encode()), "malformed",
                           f"not a WARC file (it starts with {head!r}, not 'WARC/'); "
                           "nothing read at offset 0", f"{path}@0")
            return
        records = ArchiveIterator(stream)
        offset = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
                source = f"{path}@{offset}"
                yield Rejected(bytes_id(source.encode()), "malformed",
                               f"bad WARC record after offset {offset}: "
                               f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}; "
                               "the rest of the file is skipped", source)
                return
            # The record's start (get_record_offset() would read the body away first).
            offset = getattr(records, "offset", offset)
            source = f"{path}@{offset}"
            try:
                item = _record_item(record, source, options)
            except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
                yield Rejected(bytes_id(source.encode()), "malformed",
                               f"bad WARC record body: {exc}; the rest of the file is skipped", source)
                return
            if item is not None:
                yield item


WARC_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
              "continuation"}


class TruncatedRecord(ValueError):
    pass


def _record_item(record, source: str, options: IngestOptions) -> Item | None:
    if record.rec_type not in WARC_TYPES:
        raise ValueError(f"a record without a valid WARC-Type ({record.rec_type!r})")
    if record.rec_type != "response":
        return None
    headers = record.http_headers
    if headers is None:  # a response record without HTTP headers (e.g. DNS): not a page
        return None
    status = headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    content_type = (headers.get_header("Content-Type") or "").lower()
    mime = content_type.split(";")[0].strip()
    if mime and mime not in TEXT_TYPES:
        return None
    charset = _charset(content_type)
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    body, more = read_capped(record.content_stream(), options.max_bytes)
    if not more and getattr(record.raw_stream, "limit", 0) > 0:
        raise TruncatedRecord(f"the record is shorter than its Content-Length "
                              f"({record.raw_stream.limit:,} bytes missing)")
    if more:
        return Rejected(record_id or bytes_id(source.encode()), "too-large",
                        f"over the limit of {options.max_bytes:,} bytes", url or source)
    text = decode(body, source=url or source, options=options, id=record_id, charset=charset)
    if isinstance(text, Rejected):
        return text
    return document(text, source=source, id=record_id, url=url, is_html=mime != "text/plain")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def count(path: str, options: IngestOptions) -> int | None:
    return None
