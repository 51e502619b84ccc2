"""Source: CSV files with a header row, one document a row (columns mapped like JSON fields)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from ..model import Rejected
from .base import IngestOptions, Item, bytes_id, open_binary, record_document

MAX_CONSECUTIVE_ERRORS = 100


def read(path: str, options: IngestOptions) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, options.max_bytes))
    with open_binary(path) as stream:
        # surrogateescape keeps undecodable bytes visible so that one bad row is rejected
        # as ``encoding`` and the rest of the file is still read.
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.DictReader(text)
        errors = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                errors += 1
                source = f"{path}:{reader.line_num}"
                yield Rejected(bytes_id(source.encode()), "malformed", f"bad CSV row: {exc}", source)
                if errors >= MAX_CONSECUTIVE_ERRORS:
                    yield Rejected(bytes_id(path.encode()), "malformed",
                                   f"stopped after {errors} bad rows in a row", path)
                    return
                continue
            errors = 0
            source = f"{path}:{reader.line_num}"
            if None in row:  # more cells than header columns
                row.pop(None)
            if any(_has_surrogates(v) for v in row.values() if isinstance(v, str)):
                raw = "".join(v for v in row.values() if isinstance(v, str))
                yield Rejected(bytes_id(raw.encode("utf-8", "surrogateescape")), "encoding",
                               "the row is not valid UTF-8; convert the file to UTF-8", source)
                continue
            yield record_document(row, source=source, options=options)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def count(path: str, options: IngestOptions) -> int | None:
    return None
