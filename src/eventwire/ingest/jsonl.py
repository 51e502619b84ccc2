"""Sources: JSON Lines (one record a line) and JSON files (one record, or a list of records).

A record is an object with a text field and optionally id, title, published and url (the column
names are mapped by ``IngestOptions.fields``; see ``base.DEFAULT_FIELDS`` for the names tried).
A line that is not valid JSON is rejected as ``malformed`` and the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Rejected
from .base import IngestOptions, Item, bytes_id, decode, iter_lines, open_binary, read_capped, record_document

# A .json file is parsed whole; past this size it must be JSON Lines.
MAX_JSON_FILE = 256 << 20
LIST_KEYS = ("documents", "articles", "records", "items", "data", "results")


def read(path: str, options: IngestOptions) -> Iterator[Item]:
    with open_binary(path) as stream:
        yield from read_stream(stream, path, options)


def read_stream(stream, name: str, options: IngestOptions, first_line: int = 0) -> Iterator[Item]:
    cap = options.max_bytes + 1024  # room for the record's other fields
    for line_no, line, size in iter_lines(stream, cap):
        source = f"{name}:{line_no + first_line}"
        if line is None:
            yield Rejected(bytes_id(source.encode()), "too-large",
                           f"a {size:,}-byte line, over the limit of {cap:,} bytes", source)
            continue
        if not line.strip():
            continue
        yield parse_line(line, source, options)


def parse_line(line: bytes, source: str, options: IngestOptions) -> Item:
    text = decode(line, source=source, options=options)
    if isinstance(text, Rejected):
        return text
    try:
        record = json.loads(text)
    except ValueError as exc:
        return Rejected(bytes_id(line), "malformed", f"not valid JSON: {exc}", source)
    return record_document(record, source=source, options=options)


def read_json(path: str, options: IngestOptions) -> Iterator[Item]:
    with open_binary(path) as stream:
        data, more = read_capped(stream, MAX_JSON_FILE)
    if more:
        yield Rejected(bytes_id(path.encode()), "too-large",
                       f"a JSON file over {MAX_JSON_FILE >> 20} MB: write it as JSON Lines", path)
        return
    text = decode(data, source=path, options=IngestOptions(max_chars=MAX_JSON_FILE))
    if isinstance(text, Rejected):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects, one a line: JSON Lines named .json
            import io

            yield from read_stream(io.BytesIO(data), path, options)
            return
        yield Rejected(bytes_id(data), "malformed", f"not valid JSON: {exc}", path)
        return
    if isinstance(value, dict) and options.column("text", value) is None:
        lists = [value[k] for k in LIST_KEYS if isinstance(value.get(k), list)]
        if lists:
            value = lists[0]
    if isinstance(value, list):
        for i, record in enumerate(value):
            yield record_document(record, source=f"{path}#{i}", options=options)
    else:
        yield record_document(value, source=path, options=options)


def count(path: str, options: IngestOptions) -> int | None:
    """Lines in the file (an upper bound on records), or None when compressed."""
    if path.lower().endswith((".gz", ".zst")):
        return None
    n, last = 0, b"\n"
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


def count_json(path: str, options: IngestOptions) -> int | None:
    return None
