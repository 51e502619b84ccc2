"""Analytics over merged events: dyad counts per period, top actors, a cooperation-conflict index.

The unit is the merged event (one real-world event however many articles report it), so a
story that fifty outlets carried counts once; ``mentions`` gives the reporting volume.

Conflict/cooperation index of a dyad in a period::

    index = (cooperation - conflict) / (cooperation + conflict)

where cooperation counts events in quad classes 1-2 (verbal and material cooperation) and
conflict those in 3-4. It runs from -1 (only conflict) to +1 (only cooperation), 0 when balanced,
and is empty when the dyad has no event with a quad class. Counting events rather than summing
Goldstein scores keeps one severe event from swamping a period and does not depend on the
Goldstein scale's spacing; ``goldstein_sum`` is reported next to it for users who want weights.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from ..errors import StoreError
from .store import EventStore

PERIODS = ("day", "week", "month")
LEVELS = {"root": ("source_root", "target_root"), "code": ("source_code", "target_code")}
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def _check(by: str, level: str) -> tuple[str, str]:
    if by not in PERIODS:
        raise StoreError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")
    if level not in LEVELS:
        raise StoreError(f"unknown actor level {level!r}: use one of {', '.join(LEVELS)}")
    return LEVELS[level]


def _actor_filter(column_root: str, column_code: str, value: str | None) -> tuple[str, list]:
    """Match an actor by its root (RUS) or its full code (RUSMIL), case-insensitively."""
    if not value:
        return "TRUE", []
    return f"({column_root} = upper(?) OR {column_code} = upper(?))", [value, value]


def cooperation_index(cooperation: int, conflict: int) -> float | None:
    total = cooperation + conflict
    return None if total == 0 else (cooperation - conflict) / total


def format_period(value: date, by: str) -> str:
    if by == "month":
        return value.strftime("%Y-%m")
    if by == "week":
        iso = value.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return value.isoformat()


def dyad_counts(store: EventStore, *, source: str | None = None, target: str | None = None,
                by: str = "month", level: str = "root") -> list[dict[str, Any]]:
    """Per period and directed dyad: events, mentions, counts per quad class and per event type
    (PLOVER type; ``CAMEO01``/``CAMEO02`` for statements and appeals, which PLOVER drops), the
    Goldstein sum and the cooperation-conflict index. Events without a known day are left out."""
    src_col, tgt_col = _check(by, level)
    store.ensure_merged()
    src_sql, src_params = _actor_filter("source_root", "source_code", source)
    tgt_sql, tgt_params = _actor_filter("target_root", "target_code", target)
    where = f"event_day IS NOT NULL AND {src_sql} AND {tgt_sql}"
    params = [by, *src_params, *tgt_params]
    rows = store.query(f"""
        SELECT CAST(date_trunc(?, event_day) AS DATE) AS period,
               {src_col} AS source, {tgt_col} AS target,
               count(*) AS events, sum(num_mentions) AS mentions,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               coalesce(sum(goldstein), 0) AS goldstein_sum
        FROM merged_events WHERE {where}
        GROUP BY ALL ORDER BY period, events DESC, source NULLS LAST, target NULLS LAST""", params)
    types: dict[tuple, dict[str, int]] = defaultdict(dict)
    for t in store.query(f"""
        SELECT CAST(date_trunc(?, event_day) AS DATE) AS period,
               {src_col} AS source, {tgt_col} AS target,
               coalesce(plover_type, 'CAMEO' || cameo_root) AS type, count(*) AS n
        FROM merged_events WHERE {where}
        GROUP BY ALL ORDER BY n DESC, type""", params):
        types[(t["period"], t["source"], t["target"])][t["type"]] = t["n"]
    for r in rows:
        r["period"] = format_period(r["period"], by)
        r["mentions"] = int(r["mentions"])
        r["goldstein_sum"] = round(float(r["goldstein_sum"]), 2)
        r["types"] = types.get((_unformat(r["period"], by), r["source"], r["target"]), {})
        r["index"] = cooperation_index(r["verbal_coop"] + r["material_coop"],
                                       r["verbal_conflict"] + r["material_conflict"])
    return rows


def _unformat(period: str, by: str) -> date:
    if by == "month":
        return date.fromisoformat(period + "-01")
    if by == "week":
        year, week = period.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    return date.fromisoformat(period)


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive (to show quiet periods as zero)."""
    start, end = _unformat(first, by), _unformat(last, by)
    out, day = [], start
    while day <= end:
        out.append(format_period(day, by))
        if by == "month":
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        else:
            day = date.fromordinal(day.toordinal() + (7 if by == "week" else 1))
    return out


def top_actors(store: EventStore, *, n: int = 10, level: str = "root") -> list[dict[str, Any]]:
    """The actors in most merged events, as source or target, with their mean Goldstein score."""
    if n < 1:
        raise StoreError(f"the number of actors must be 1 or more, not {n}")
    src_col, tgt_col = _check("day", level)
    store.ensure_merged()
    rows = store.query(f"""
        WITH roles AS (
            SELECT {src_col} AS actor, 'source' AS role, goldstein, num_mentions, quad_class
            FROM merged_events WHERE {src_col} IS NOT NULL
            UNION ALL
            SELECT {tgt_col}, 'target', goldstein, num_mentions, quad_class
            FROM merged_events WHERE {tgt_col} IS NOT NULL
        )
        SELECT actor, count(*) AS events,
               count(*) FILTER (WHERE role = 'source') AS as_source,
               count(*) FILTER (WHERE role = 'target') AS as_target,
               sum(num_mentions) AS mentions,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               avg(goldstein) AS mean_goldstein
        FROM roles GROUP BY actor ORDER BY events DESC, mentions DESC, actor LIMIT ?""", [n])
    from ..export.codes import country_name

    for r in rows:
        r["name"] = country_name(r["actor"][:3]) if len(r["actor"]) >= 3 else ""
        r["mentions"] = int(r["mentions"])
        if r["mean_goldstein"] is not None:
            r["mean_goldstein"] = round(float(r["mean_goldstein"]), 2)
    return rows


def event_types(store: EventStore) -> list[dict[str, Any]]:
    """Merged events per event type (PLOVER type, else CAMEO root) and quad class."""
    store.ensure_merged()
    return store.query("""
        SELECT coalesce(plover_type, 'CAMEO' || cameo_root) AS type, quad_class,
               count(*) AS events, sum(num_mentions) AS mentions
        FROM merged_events GROUP BY ALL ORDER BY events DESC, type""")


def actor_network(store: EventStore, *, level: str = "root") -> list[dict[str, Any]]:
    """Directed edges source -> target with event counts and mean Goldstein score."""
    src_col, tgt_col = _check("day", level)
    store.ensure_merged()
    return store.query(f"""
        SELECT {src_col} AS source, {tgt_col} AS target, count(*) AS events,
               avg(goldstein) AS mean_goldstein
        FROM merged_events WHERE {src_col} IS NOT NULL AND {tgt_col} IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, source, target""")
