"""Stage: dates. Resolves time expressions against the publication date.

dateparser handles explicit dates ("June 5", "5 June 2012", "2012-06-05"); the rules it lacks are
here: a bare weekday is the same day or the most recent past one ("on Monday" in a Tuesday story
is the day before), a month with "last/next year" ("March last year"), "last/this/next" with a
unit. Each resolved mention records its precision (day, month, year) and the rule that made it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .model import Article, DateMention

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
LEADING = re.compile(r"^(?:on|in|since|from|by|until|till|through|during|at|early|late|mid|"
                     r"the|their|its|his|her|our|this|that|last|next)\b\s*", re.I)
DURATION = re.compile(r"^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|"
                      r"many|few|years?|months?|weeks?|days?|decades?|hours?)\b.*\b(?:years?|months?|"
                      r"weeks?|days?|decades?|hours?|minutes?)(?: ago)?$", re.I)


def _weekday_before(ref: date, weekday: int, *, direction: str = "past") -> date:
    delta = (ref.weekday() - weekday) % 7
    if direction == "future":
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)
    return ref - timedelta(days=delta)


def resolve(text: str, ref: date | None) -> tuple[str, str, str] | None:
    """Resolve one time expression: (ISO value at its precision, precision, rule) or None."""
    if ref is None:
        return None
    raw = text.strip()
    t = raw.lower().replace("’", "'").strip(" .,")
    t = re.sub(r"'s$", "", t)
    direction = "past"
    if re.match(r"^(next|coming|this coming)\b", t):
        direction = "future"
    core = t
    for _ in range(3):
        core = LEADING.sub("", core).strip()
    if not core or DURATION.match(core) and not re.search(r"\bago$", core):
        return None
    if core in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return ref.isoformat(), "day", "today"
    if core in ("yesterday", "last night"):
        return (ref - timedelta(days=1)).isoformat(), "day", "yesterday"
    if core == "tomorrow":
        return (ref + timedelta(days=1)).isoformat(), "day", "tomorrow"
    m = re.fullmatch(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"(?:\s+(?:morning|afternoon|evening|night|deadline))?", core)
    if m:
        day = _weekday_before(ref, WEEKDAYS.index(m.group(1)), direction=direction)
        return day.isoformat(), "day", f"weekday: the same or most recent {'next' if direction == 'future' else 'past'} {m.group(1).title()}"
    m = re.fullmatch(r"(january|february|march|april|may|june|july|august|september|october|"
                     r"november|december)(?:\s+(last|this|next)\s+year|\s+(\d{4}))?", core)
    if m:
        month = MONTHS.index(m.group(1)) + 1
        if m.group(3):
            return f"{int(m.group(3)):04d}-{month:02d}", "month", "month and year"
        year = ref.year + {"last": -1, "next": 1, "this": 0, None: 0}[m.group(2)]
        if m.group(2) is None and month > ref.month and direction == "past":
            year -= 1  # a bare month later than the publication month is last year's
        rule = f"month, {m.group(2)} year" if m.group(2) else "bare month: most recent"
        return f"{year:04d}-{month:02d}", "month", rule
    m = re.fullmatch(r"(?:(last|this|next)\s+)?(year|month|week)", core)
    if m and re.match(r"^(last|this|next)\b", t):
        which = re.match(r"^(last|this|next)\b", t).group(1)
        step = {"last": -1, "this": 0, "next": 1}[which]
        unit = m.group(2)
        if unit == "year":
            return f"{ref.year + step:04d}", "year", f"{which} year"
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
            return f"{y:04d}-{mo + 1:02d}", "month", f"{which} month"
        start = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return start.isoformat(), "week", f"{which} week"
    m = re.fullmatch(r"(\d{4})", core)
    if m and 1800 < int(m.group(1)) < 2200:
        return m.group(1), "year", "year"
    if m := re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago", core):
        n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10}.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat(), "day", "n days ago"
        if unit == "week":
            return (ref - timedelta(weeks=n)).isoformat(), "week", "n weeks ago"
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}", "month", "n months ago"
        return f"{ref.year - n:04d}", "year", "n years ago"
    return _dateparser(core, ref)


def _dateparser(core: str, ref: date) -> tuple[str, str, str] | None:
    has_month = any(re.search(rf"\b{m[:3]}", core) for m in MONTHS) or re.search(r"\d{1,2}[/.-]\d{1,2}", core)
    if not has_month:
        return None
    import dateparser
    from datetime import datetime

    value = dateparser.parse(core, languages=["en"], settings={
        "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["month"]})
    if value is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", core)))
    if has_day:
        return value.date().isoformat(), "day", "dateparser"
    return f"{value.year:04d}-{value.month:02d}", "month", "dateparser"


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def _with_leading_day(doc, ent):
    """'Around 22 March 2022': the tagger sometimes leaves the day number out of the entity
    ("March 2022"); a day number right before a month name belongs to it."""
    if ent.start == 0 or ent[0].lower_ not in MONTHS:
        return ent
    prev = doc[ent.start - 1]
    if prev.like_num and prev.text.isdigit() and 1 <= int(prev.text) <= 31:
        from spacy.tokens import Span

        return Span(doc, ent.start - 1, ent.end, label=ent.label_)
    return ent


def find_dates(doc, article: Article) -> list[DateMention]:
    """Every resolvable time expression in the article (spaCy DATE and TIME entities)."""
    ref = article.published_date
    found: list[DateMention] = []
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        ent = _with_leading_day(doc, ent)
        resolved = resolve(ent.text, ref)
        if resolved is None:
            continue
        value, precision, rule = resolved
        # Widen to the preposition before it ("on Tuesday", "since March last year").
        start = ent.start_char
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.dep_ == "prep" and prev.pos_ in ("ADP", "SCONJ"):
            start = prev.idx
        found.append(DateMention(text=doc.text[start:ent.end_char], value=value,
                                 precision=precision, span=(start, ent.end_char),
                                 sentence_index=sent_index.get(ent.sent.start, 0), rule=rule))
    return found
