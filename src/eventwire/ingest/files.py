"""Source: one plain-text or HTML file per document (.txt, .html, .htm; also .gz / .zst)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..model import Rejected
from .base import IngestOptions, Item, bytes_id, decode, document, open_binary, read_capped, strip_compression

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read(path: str, options: IngestOptions) -> Iterator[Item]:
    with open_binary(path) as stream:
        data, more = read_capped(stream, options.max_bytes)
    if more:
        size = os.path.getsize(path)
        yield Rejected(bytes_id(f"{path}|{size}".encode()), "too-large",
                       f"over the limit of {options.max_bytes:,} bytes", path)
        return
    text = decode(data, source=path, options=options)
    if isinstance(text, Rejected):
        yield text
        return
    is_html = strip_compression(path).lower().endswith(HTML_SUFFIXES) or None
    yield document(text, source=path, is_html=is_html)


def count(path: str, options: IngestOptions) -> int:
    return 1
