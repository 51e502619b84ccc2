"""Source: standard input ('-'). JSON Lines when it starts with '{', else one text or HTML document.

Compressed input (gzip, zstd) is recognised by its magic number.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

from ..model import Rejected
from .base import IngestOptions, Item, bytes_id, decode, decompressed, document, read_capped
from .jsonl import read_stream

NAME = "<stdin>"


def read(path: str, options: IngestOptions, stream=None) -> Iterator[Item]:
    raw = stream if stream is not None else sys.stdin.buffer
    data = decompressed(raw, "")
    if not hasattr(data, "peek"):
        data = io.BufferedReader(data)  # type: ignore[arg-type]
    head = data.peek(64)
    if head.lstrip()[:1] == b"{":
        yield from read_stream(data, NAME, options)
        return
    body, more = read_capped(data, options.max_bytes)
    if more:
        yield Rejected(bytes_id(body[:4096]), "too-large",
                       f"over the limit of {options.max_bytes:,} bytes", NAME)
        return
    text = decode(body, source=NAME, options=options)
    if isinstance(text, Rejected):
        yield text
        return
    yield document(text, source=NAME)


def count(path: str, options: IngestOptions) -> int | None:
    return None
