"""Data files (dictionaries, ontologies, patterns): read-only tables, no logic.

``load_yaml`` and ``load_tsv`` read a file under this folder by relative path. TSV files may begin
with ``#`` comment lines (a header saying what they hold); the first other line names the columns.
"""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from ..errors import DictionaryError

DATA_DIR = Path(__file__).parent


def data_path(relative: str) -> Path:
    return DATA_DIR / relative


def load_yaml(relative: str | Path):
    path = Path(relative) if Path(relative).is_absolute() else data_path(str(relative))
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read dictionary {path}: {exc}") from exc


def load_tsv(relative: str | Path) -> list[dict[str, str]]:
    path = Path(relative) if Path(relative).is_absolute() else data_path(str(relative))
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise DictionaryError(f"cannot read table {path}: {exc}") from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row:
            raise DictionaryError(f"{path}: row {n} has more columns than the header")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]
