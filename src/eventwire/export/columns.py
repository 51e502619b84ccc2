"""Published column lists of the export formats, and the code tables the exports use.

These are data: tests read every export back against these lists. Sources: the GDELT 2.0 Event
and Mentions codebooks (2015), the ICEWS Coded Event Data (Harvard Dataverse doi:10.7910/DVN/28075)
file header, and the PLOVER manual (0.7b1, chapter "JSON Data Fields").
"""

from __future__ import annotations

# GDELT 2.0 Events: 61 tab-separated columns, no header row.
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

# GDELT 2.0 Mentions: 16 tab-separated columns, no header row.
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
    "Extras",
)

# ICEWS coded event data: 20 tab-separated columns, with this header row.
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)

# PLOVER JSON lines: the manual's field names that eventwire fills (id, date, source and event
# are required by the manual; the rest are optional).
PLOVER_FIELDS: tuple[str, ...] = (
    "id", "date", "source", "recipient", "event", "mode", "context", "event_loc", "event_text",
    "quad_code", "event_scale", "text_info", "cite_info", "coder", "coded_date",
)
PLOVER_ACTOR_FIELDS: tuple[str, ...] = ("code", "sector", "actor_text", "identifier_text")
# Fields beyond the manual's (which it allows), carrying the GDELT-style counts and the CAMEO code.
PLOVER_EXTRA_FIELDS: tuple[str, ...] = ("cameo", "num_mentions", "num_sources", "num_articles",
                                        "negated", "future")

# GDELT geographic resolution (Geo_Type).
GEO_TYPE = {"none": 0, "country": 1, "us_state": 2, "us_city": 3, "world_city": 4,
            "world_state": 5}

# GDELT Mentions MentionType: 1 = web page; 2 = citation only (eventwire: a document without a URL).
MENTION_TYPE_WEB = 1
MENTION_TYPE_CITATION = 2

# Sector codes (docs/dictionaries.md) -> the sector names ICEWS writes in Source/Target Sectors.
SECTOR_NAMES: dict[str, str] = {
    "GOV": "Government", "MIL": "Military", "COP": "Police", "JUD": "Judicial",
    "LEG": "Legislative / Parliamentary", "SPY": "Intelligence", "REB": "Rebel",
    "OPP": "Opposition", "PTY": "Parties", "BUS": "Business", "MED": "Media", "CVL": "Civilian",
    "REF": "Refugees / Displaced", "REL": "Religious", "LAB": "Labor", "EDU": "Education",
    "IGO": "International Government Organization", "NGO": "Non-Governmental Organization",
    "UAF": "Unidentified Forces",
}

# Sector codes that, written first in an actor code, mark a transnational group (IGOUNO):
# GDELT's KnownGroupCode is then the code that follows.
GROUP_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC"})
