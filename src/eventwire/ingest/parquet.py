"""Source: Parquet files, one document a row, read in batches (needs pyarrow)."""

from __future__ import annotations

from collections.abc import Iterator

from .base import IngestOptions, Item, MissingDependency, record_document

BATCH_ROWS = 256


def _pq():
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependency("pyarrow", "Parquet input") from exc
    return pq


def read(path: str, options: IngestOptions) -> Iterator[Item]:
    parquet = _pq().ParquetFile(path)
    row = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
        for record in batch.to_pylist():
            yield record_document(record, source=f"{path}#{row}", options=options)
            row += 1


def count(path: str, options: IngestOptions) -> int | None:
    try:
        return _pq().ParquetFile(path).metadata.num_rows
    except Exception:
        return None
