"""Exports of an event store: GDELT 2.0 Events and Mentions, PLOVER JSON lines, ICEWS, Parquet.

    from eventwire.export import export
    result = export(store, "gdelt", "events.tsv")   # -> ExportResult(format, path, rows, skipped)

Tab-separated outputs never quote (GDELT's convention): read them with
``csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)``. Every exporter reads merged events (merging first if the store changed). The column lists are
data in ``eventwire.export.columns``. ``out`` may be ``"-"`` (standard output) for the text
formats; for ``parquet`` it is a directory that receives one ``TABLE.parquet`` per table.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import ExportError
from ..store import EventStore
from ..store.schema import TABLES
from . import gdelt, icews, plover
from .columns import (GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, ICEWS_COLUMNS, PLOVER_FIELDS)
from .records import event_records

__all__ = ["FORMATS", "ExportResult", "export", "GDELT_EVENT_COLUMNS", "GDELT_MENTION_COLUMNS",
           "ICEWS_COLUMNS", "PLOVER_FIELDS"]


@dataclass
class ExportResult:
    format: str
    path: str
    rows: int
    skipped: int = 0  # events a format cannot represent (see the format's module)


@contextmanager
def _open_text(out: str | Path):
    if str(out) == "-":
        yield sys.stdout
        return
    path = Path(out)
    if path.is_dir():
        raise ExportError(f"{path} is a directory: give a file name with -o")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc


# Tab-separated formats cannot quote: a tab or line break inside a field becomes a space.
_UNQUOTABLE = str.maketrans({"\t": " ", "\r": " ", "\n": " "})
_SEP = "\x1f"


def _clean(value: str) -> str:
    return value.translate(_UNQUOTABLE)


def _write_tsv(fh: IO[str], rows: Iterable[list[str]], header: Iterable[str] | None = None) -> int:
    n = 0
    if header is not None:
        fh.write("\t".join(header) + "\n")
    for row in rows:
        # One translate per line, not per field: join on the unit separator, clean, then split
        # on it again (per field only when a value itself holds that character).
        line = _SEP.join(row)
        if line.count(_SEP) == len(row) - 1:
            line = line.translate(_UNQUOTABLE).replace(_SEP, "\t")
        else:
            line = "\t".join(_clean(v) for v in row)
        fh.write(line + "\n")
        n += 1
    return n


def export_gdelt(store: EventStore, out: str | Path) -> ExportResult:
    rows = [gdelt.event_row(r) for r in event_records(store)]
    with _open_text(out) as fh:
        n = _write_tsv(fh, rows)
    return ExportResult("gdelt", str(out), n)


def export_gdelt_mentions(store: EventStore, out: str | Path) -> ExportResult:
    rows = gdelt.mention_rows(store)
    with _open_text(out) as fh:
        n = _write_tsv(fh, rows)
    return ExportResult("gdelt-mentions", str(out), n)


def export_icews(store: EventStore, out: str | Path) -> ExportResult:
    rows = [icews.event_row(r) for r in event_records(store)]
    with _open_text(out) as fh:
        n = _write_tsv(fh, rows, header=ICEWS_COLUMNS)
    return ExportResult("icews", str(out), n)


def export_plover(store: EventStore, out: str | Path) -> ExportResult:
    records = event_records(store)
    written = 0
    with _open_text(out) as fh:
        for record in records:
            obj = plover.event_record(record)
            if obj is None:
                continue
            fh.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
            written += 1
    return ExportResult("plover", str(out), written, skipped=len(records) - written)


def export_parquet(store: EventStore, out: str | Path) -> ExportResult:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError("Parquet export needs pyarrow: pip install 'eventwire[export]'") from exc
    if str(out) == "-":
        raise ExportError("Parquet export writes a directory: give one with -o")
    store.ensure_merged()
    directory = Path(out)
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is a file: Parquet export writes a directory, one file "
                          "per table")
    total = 0
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            # Table names come from the schema, never from the user.
            relation = store.con.sql(f"SELECT * FROM {table}")
            # DuckDB 2 names it to_arrow_table, DuckDB 1 arrow; pyproject allows both.
            to_arrow = getattr(relation, "to_arrow_table", None) or relation.arrow
            data = to_arrow()
            pq.write_table(data, directory / f"{table}.parquet")
            total += data.num_rows
    except OSError as exc:
        raise ExportError(f"cannot write {directory}: {exc.strerror or exc}") from exc
    return ExportResult("parquet", str(directory), total)


FORMATS: dict[str, Callable[[EventStore, Any], ExportResult]] = {
    "gdelt": export_gdelt,
    "gdelt-mentions": export_gdelt_mentions,
    "plover": export_plover,
    "icews": export_icews,
    "parquet": export_parquet,
}


def export(store: EventStore, format: str, out: str | Path) -> ExportResult:
    """Write the store in one of ``FORMATS`` to ``out``."""
    try:
        exporter = FORMATS[format]
    except KeyError:
        raise ExportError(f"unknown export format {format!r}: use one of "
                          f"{', '.join(FORMATS)}") from None
    return exporter(store, out)

