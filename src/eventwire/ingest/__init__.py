"""Ingest: inputs (paths, globs, directories, URLs, '-') -> a stream of Document or Rejected.

Each source type is a module with ``read(location, options)`` (and optionally ``count``), listed
in one registry, ``SOURCES``, by kind. The built-in kinds are registered the same way a plugin
registers its own: ``register_source(SourceKind(...))`` or an entry point in the group
``eventwire.sources`` whose object is a ``SourceKind``.

    >>> from eventwire.ingest import read_inputs
    >>> for item in read_inputs(["news/", "feed.xml"]): ...
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..model import Rejected
from . import csvfile, feed, files, jsonl, parquet, stdin, warc
from .base import (DEFAULT_FIELDS, FIELD_NAMES, IngestOptions, Item, MissingDependency, bytes_id,
                   strip_compression)

__all__ = [
    "DEFAULT_FIELDS", "FIELD_NAMES", "IngestOptions", "Item", "MissingDependency", "SOURCES",
    "SourceKind", "check_inputs", "estimate_total", "expand", "kind_of", "read_inputs",
    "register_source",
]

Reader = Callable[[str, IngestOptions], Iterator[Item]]
Counter = Callable[[str, IngestOptions], "int | None"]


@dataclass(frozen=True)
class SourceKind:
    """One kind of input: its name, the file suffixes it claims, a reader and a counter."""

    name: str
    read: Reader
    suffixes: tuple[str, ...] = ()
    count: Counter | None = None
    description: str = ""


SOURCES: dict[str, SourceKind] = {}


def register_source(kind: SourceKind) -> SourceKind:
    """Add (or replace) a source kind; its suffixes claim files in directories and globs."""
    SOURCES[kind.name] = kind
    return kind


for _kind in (
    SourceKind("text", files.read, (".txt", ".text"), files.count, "one plain-text document a file"),
    SourceKind("html", files.read, files.HTML_SUFFIXES, files.count, "one HTML page a file"),
    SourceKind("jsonl", jsonl.read, (".jsonl", ".ndjson"), jsonl.count, "JSON Lines records"),
    SourceKind("json", jsonl.read_json, (".json",), jsonl.count_json, "a JSON record or list of records"),
    SourceKind("csv", csvfile.read, (".csv",), csvfile.count, "CSV rows with a header"),
    SourceKind("parquet", parquet.read, (".parquet",), parquet.count, "Parquet rows"),
    SourceKind("warc", warc.read, (".warc", ".arc"), warc.count, "WARC response records (HTML)"),
    SourceKind("feed", feed.read, feed.FEED_SUFFIXES, feed.count, "RSS/Atom feed items (pages fetched)"),
    SourceKind("stdin", stdin.read, (), stdin.count, "standard input ('-')"),
):
    register_source(_kind)

_plugins_loaded = False


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    from importlib.metadata import entry_points

    for entry in entry_points(group="eventwire.sources"):
        kind = entry.load()
        register_source(kind() if callable(kind) and not isinstance(kind, SourceKind) else kind)


def kind_of(location: str) -> str | None:
    """The source kind for a location by its name, or None if no kind claims it."""
    _load_plugins()
    if location == "-":
        return "stdin"
    if location.startswith(("http://", "https://")):
        return "feed"
    name = strip_compression(location).lower()
    for kind in SOURCES.values():
        if kind.suffixes and name.endswith(kind.suffixes):
            return kind.name
    return None


def _is_glob(location: str) -> bool:
    return any(ch in location for ch in "*?[")


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise ``InputError('missing', ...)`` for an input that names nothing (a usage error)."""
    for location in inputs:
        if location == "-" or location.startswith(("http://", "https://")):
            continue
        if _is_glob(location):
            if not any(True for _ in glob.iglob(location, recursive=True)):
                raise InputError("missing", f"{location}: no file matches this pattern")
            continue
        if not os.path.exists(location):
            raise InputError("missing", f"{location}: no such file or directory")


def expand(location: str, ignored: Callable[[str], None] | None = None) -> Iterator[tuple[str, str]]:
    """(kind, location) for every input a location names, in a stable (sorted) order.

    Directories are walked recursively (hidden files and folders skipped); files in them whose
    type no source claims are reported to ``ignored``. A file named explicitly is read as text
    (or HTML, by its content) when no kind claims its suffix.
    """
    if location == "-" or location.startswith(("http://", "https://")):
        yield kind_of(location) or "feed", location
        return
    if _is_glob(location):
        paths = (p for p in sorted(glob.iglob(location, recursive=True)) if not os.path.isdir(p))
        yield from _classified(paths, ignored)
        return
    if os.path.isdir(location):
        yield from _classified(_walk(location), ignored)
        return
    yield kind_of(location) or "text", location


def _walk(directory: str):
    """Files below a directory in a stable order, hidden files and folders left out."""
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _classified(paths, ignored):
    """(kind, path) for each path of a readable kind; the others are reported to ``ignored``."""
    for path in paths:
        kind = kind_of(path)
        if kind is None:
            if ignored:
                ignored(path)
            continue
        yield kind, path


def read_inputs(inputs: Iterable[str], options: IngestOptions | None = None,
                ignored: Callable[[str], None] | None = None) -> Iterator[Item]:
    """Every document the inputs hold, as Document or Rejected, in input order.

    A source that fails part-way (an unreadable file, a truncated gzip) yields a ``Rejected`` for
    what it could not read, and the other inputs are still read.
    """
    options = options or IngestOptions()
    for location in inputs:
        for kind, path in expand(location, ignored):
            yield from _read_one(kind, path, options)


def _read_one(kind: str, path: str, options: IngestOptions) -> Iterator[Item]:
    read = SOURCES[kind].read
    produced = 0
    try:
        for item in read(path, options):
            produced += 1
            yield item
    except MissingDependency:
        raise
    except Exception as exc:  # a broken input must not end the run
        reason = "unreadable" if isinstance(exc, OSError) and _is_io_error(exc) else "malformed"
        where = f" after {produced} record(s)" if produced else ""
        detail = f"cannot read {kind} input{where}: {type(exc).__name__}: {exc}"
        yield Rejected(bytes_id(f"{path}|{produced}".encode()), reason, detail, path)


def _is_io_error(exc: OSError) -> bool:
    import gzip

    return not isinstance(exc, (gzip.BadGzipFile, EOFError)) and exc.errno is not None


def estimate_total(inputs: Iterable[str], options: IngestOptions | None = None) -> int | None:
    """How many records the inputs hold, when every source can tell cheaply; else None."""
    options = options or IngestOptions()
    total = 0
    for location in inputs:
        for kind, path in expand(location):
            counter = SOURCES[kind].count
            n = counter(path, options) if counter else None
            if n is None:
                return None
            total += n
    return total
