"""Import PETRARCH / TABARI actor (``.actors.txt``) and agent (``.agents.txt``) dictionaries.

Users who already maintain PETRARCH dictionaries can bring them as they are
(``Config.petrarch_actors`` / ``load_knowledge_base(petrarch=[...])``). The formats, as PETRARCH
reads them:

Actors::

    UNITED_STATES  [USA]          # a phrase (words joined by _ or spaces) and its default code
    +U.S.                         # a synonym of the phrase above
    GOLLUM                        # a phrase whose codes follow on indented lines
        [HOB <950601]             # before (or on) 1 June 1995
        [HOBGOV 19950601-19990815]
        [HOBREB >990816]          # after (or on) 16 Aug 1999; dates are YYYYMMDD or YYMMDD
        [HOB]                     # the default: applies when no restriction does

Agents::

    !PERSON! = MAN, MEN, WOMAN    # a substitution set
    CONGRESS!PERSON! [~LEG]       # -> congressman, congressmen, congresswoman
    PRESIDENT [~GOV]              # plural formed by rule (presidents)
    POLICE {} [~COP]              # {} : no plural; {ATTORNEYS_GENERAL} : this plural
    HUMAN_RIGHTS_BODY [NGO~]      # code before the actor's (NGO~) or after it (~GOV)

Comments are ``<!-- ... -->`` (also over several lines), lines starting with ``<!`` or ``#``, and
anything after ``#`` or ``;`` on a line. Actor entries keep the raw PETRARCH code in
``ActorEntry.code``; their root is the code's first three letters (the org code itself for IGO/
NGO/IMG codes) and their sector the first three-letter part that maps to an eventwire sector
(``AGENT_SECTORS``). Agents whose code maps to no eventwire sector are skipped, with a log line.
A null code (``---``, ``+++``) means "no actor" for its dates.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import DictionaryError
from .kb import SECTORS, ActorEntry, AgentEntry

log = logging.getLogger(__name__)

# PETRARCH/CAMEO agent codes -> eventwire sectors. The CAMEO codes that are also eventwire
# sectors map to themselves; the others listed here are near-synonyms. Codes not listed (ELI,
# UAF, CRM, religion and ethnic codes such as MUS or CHR, ...) have no eventwire sector.
AGENT_SECTORS: dict[str, str] = {
    **{s: s for s in SECTORS},
    "NGM": "NGO",  # non-governmental movement
    "HRI": "NGO",  # human-rights organisation
    "ENV": "NGO",  # environmental group
    "CIV": "CVL",
    "INS": "REB",  # insurgents
    "SEP": "REB",  # separatists
    "MNC": "BUS",  # multinational corporation
    "JRN": "MED",
}

# Code prefixes that make the whole code an organisation root, and the sector it gets.
ORG_PREFIXES: dict[str, str] = {"IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "IMG": "REB", "MNC": "BUS"}

NULL_CODES = {"---", "+++", "###", ""}
_FAR_PAST = date(1, 1, 1)
_FAR_FUTURE = date(9999, 12, 31)


def petrarch_date(value: str) -> date:
    """YYYYMMDD, or YYMMDD with YY <= 30 read as 20YY (as KEDS, TABARI and PETRARCH do)."""
    digits = value.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"not a YYMMDD or YYYYMMDD date: {value!r}")
    if len(digits) == 8:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    yy = int(digits[:2])
    return date(yy + (2000 if yy <= 30 else 1900), int(digits[2:4]), int(digits[4:6]))


def _strip_comments(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) pairs with comments removed; leading whitespace is kept."""
    out = []
    in_comment = False
    for n, line in enumerate(lines, start=1):
        line = line.rstrip("\n").rstrip("\r")
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line[line.index("-->") + 3:]
            else:
                continue
        while "<!--" in line:
            start = line.index("<!--")
            end = line.find("-->", start)
            if end < 0:
                in_comment = True
                line = line[:start]
                break
            line = line[:start] + line[end + 3:]
        if line.lstrip().startswith("<!") or line.lstrip().startswith("#"):
            continue
        line = re.split(r"[#;]", line, maxsplit=1)[0]
        if "---STOP---" in line:
            break
        if line.strip():
            out.append((n, line))
    return out


def _phrase(text: str) -> str:
    words = text.strip().rstrip("_").replace("_", " ").split()
    phrase = " ".join(words)
    return phrase.title() if phrase.isupper() else phrase


def code_parts(code: str) -> tuple[str | None, str | None, str | None]:
    """(country, org, sector) of a PETRARCH actor code: USAGOV -> (USA, None, GOV);
    IGOEEU -> (None, IGOEEU, IGO); PSEREBHMS -> (PSE, None, REB)."""
    code = code.strip().upper()
    head = code[:3]
    if head in ORG_PREFIXES:
        return None, code, ORG_PREFIXES[head]
    sector = None
    rest = code[3:]
    for i in range(0, len(rest) - 2, 3):
        sector = AGENT_SECTORS.get(rest[i:i + 3])
        if sector:
            break
    return head, None, sector


@dataclass
class _Restriction:
    codes: list[str]
    start: date | None
    end: date | None
    line: int


@dataclass
class _Record:
    names: list[str]
    line: int
    default: list[str] | None = None  # None: no default; [] : a null default
    restrictions: list[_Restriction] = field(default_factory=list)


def _codes(text: str) -> list[str]:
    return [c.strip().upper() for c in text.split("/")]


def _parse_bracket(inner: str, where: str) -> tuple[list[str], date | None, date | None, bool]:
    """The codes in ``[...]`` and their date restriction; the bool says whether one was given."""
    m = re.match(r"\s*([^\s<>]*)\s*(.*)$", inner)
    code, rest = m.group(1), m.group(2).strip()
    if not rest:
        return _codes(code), None, None, False
    try:
        if rest.startswith("<"):
            return _codes(code), None, petrarch_date(rest[1:]), True
        if rest.startswith(">"):
            return _codes(code), petrarch_date(rest[1:]), None, True
        if "-" in rest:
            a, b = rest.split("-", 1)
            start, end = petrarch_date(a), petrarch_date(b)
            if end < start:
                raise ValueError("the end date is before the start date")
            return _codes(code), start, end, True
    except ValueError as exc:
        raise DictionaryError(f"{where}: bad date restriction [{inner}]: {exc}") from exc
    raise DictionaryError(f"{where}: cannot read the date restriction [{inner}]: use <date, >date or "
                          "date-date with YYYYMMDD dates")


def _read_actors(lines: list[tuple[int, str]], src: str) -> list[_Record]:
    records: list[_Record] = []
    current: _Record | None = None
    for n, line in lines:
        where = f"{src} line {n}"
        stripped = line.strip()
        if line[:1].isspace() and stripped.startswith("["):
            if current is None:
                log.warning("%s: a code line before any actor phrase; skipped", where)
                continue
            inner = stripped[1:stripped.index("]")] if "]" in stripped else stripped[1:]
            try:
                codes, start, end, restricted = _parse_bracket(inner, where)
            except DictionaryError as exc:
                log.warning("%s; line skipped", exc)
                continue
            if restricted:
                current.restrictions.append(_Restriction(codes, start, end, n))
            else:
                current.default = codes
            continue
        if stripped.startswith("+"):
            if current is None:
                log.warning("%s: a synonym before any actor phrase; skipped", where)
                continue
            name = _phrase(stripped[1:].split("[", 1)[0])
            if name:
                current.names.append(name)
            continue
        name_part, _, code_part = stripped.partition("[")
        current = _Record(names=[_phrase(name_part)], line=n)
        records.append(current)
        if code_part:
            inner = code_part.split("]", 1)[0]
            try:
                codes, start, end, restricted = _parse_bracket(inner, where)
            except DictionaryError as exc:
                log.warning("%s; code skipped", exc)
                continue
            if restricted:
                current.restrictions.append(_Restriction(codes, start, end, n))
            else:
                current.default = codes
    return records


def _gaps(intervals: list[tuple[date, date]]) -> list[tuple[date | None, date | None]]:
    """The stretches of time no interval covers (None = open-ended)."""
    spans = sorted(intervals)
    gaps: list[tuple[date | None, date | None]] = []
    cursor = _FAR_PAST
    for start, end in spans:
        if start > cursor:
            gaps.append((cursor, start - timedelta(days=1)))
        if end >= cursor:
            cursor = end + timedelta(days=1) if end < _FAR_FUTURE else _FAR_FUTURE
            if end >= _FAR_FUTURE:
                return [(None if a == _FAR_PAST else a, b) for a, b in gaps]
    gaps.append((cursor, _FAR_FUTURE))
    return [(None if a == _FAR_PAST else a, None if b == _FAR_FUTURE else b) for a, b in gaps]


def _entries(record: _Record, src: str) -> list[ActorEntry]:
    names = tuple(dict.fromkeys(n for n in record.names if n))
    if not names:
        return []
    out: list[ActorEntry] = []

    def add(codes: list[str], start: date | None, end: date | None, line: int) -> None:
        for code in codes:
            if code in NULL_CODES:
                continue
            country, org, sector = code_parts(code)
            out.append(ActorEntry(names, "petrarch", country=country, org=org, sector=sector, code=code,
                                  start=start, end=end, source=f"{src} line {line}"))

    # Restrictions first, in file order: when two overlap, the first listed wins.
    for r in record.restrictions:
        add(r.codes, r.start, r.end, r.line)
    if record.default is not None:
        if record.restrictions:
            covered = [(r.start or _FAR_PAST, r.end or _FAR_FUTURE) for r in record.restrictions]
            for start, end in _gaps(covered):
                add(record.default, start, end, record.line)
        else:
            add(record.default, None, None, record.line)
    elif not record.restrictions:
        log.warning("%s line %d: actor %r has no code; skipped", src, record.line, names[0])
    return out


def _plural(phrase: str) -> str | None:
    """The regular plural of a phrase's last word; None when it already looks plural."""
    if re.search(r"[^s]s$", phrase, re.I):
        return None
    if re.search(r"[^aeiou]y$", phrase, re.I):
        return phrase[:-1] + ("IES" if phrase.isupper() else "ies")
    if re.search(r"(s|x|z|ch|sh)$", phrase, re.I):
        return phrase + ("ES" if phrase.isupper() else "es")
    return phrase + ("S" if phrase.isupper() else "s")


def agent_sector(code: str) -> str | None:
    """The eventwire sector of an agent code: ~GOVFRM -> GOV, NGO~ -> NGO, ~MUSUAF -> None."""
    code = code.replace("~", "").replace(" ", "").upper()
    for i in range(0, len(code) - 2, 3):
        sector = AGENT_SECTORS.get(code[i:i + 3])
        if sector:
            return sector
    return None


def _read_agents(lines: list[tuple[int, str]], src: str) -> list[AgentEntry]:
    markers: dict[str, list[str]] = {}
    agents: list[AgentEntry] = []
    for n, line in lines:
        where = f"{src} line {n}"
        stripped = line.strip()
        if "!" in stripped and "=" in stripped and "[" not in stripped:
            m = re.match(r"!([^!]+)!\s*=\s*(.*)$", stripped)
            if not m:
                log.warning("%s: cannot read the substitution set %r; skipped", where, stripped)
                continue
            markers[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        if "[" not in stripped:
            log.warning("%s: agent %r has no [code]; skipped", where, stripped)
            continue
        phrase_part, _, code_part = stripped.partition("[")
        code = code_part.split("]", 1)[0]
        sector = agent_sector(code)
        if sector is None:
            log.info("%s: agent code [%s] has no eventwire sector; %r skipped", where, code.strip(),
                     phrase_part.strip())
            continue
        forms: list[str] = []
        if "!" in phrase_part:
            m = re.search(r"!([^!]+)!", phrase_part)
            if not m or m.group(1) not in markers:
                log.warning("%s: unknown substitution marker in %r; skipped", where, phrase_part.strip())
                continue
            forms = [phrase_part[:m.start()] + sub + phrase_part[m.end():] for sub in markers[m.group(1)]]
        elif "{" in phrase_part:
            if "}" not in phrase_part:
                log.warning("%s: missing '}' in %r; skipped", where, phrase_part.strip())
                continue
            singular = phrase_part[:phrase_part.index("{")]
            plural = phrase_part[phrase_part.index("{") + 1:phrase_part.index("}")]
            forms = [singular] + ([plural] if plural.strip() else [])
        else:
            singular = phrase_part.strip().rstrip("_")
            forms = [singular] + [p for p in (_plural(singular),) if p]
        for form in forms:
            words = form.strip().rstrip("_").replace("_", " ").split()
            if words:
                agents.append(AgentEntry(" ".join(words).lower(), sector, where))
    return agents


def _is_agents_file(path: Path, lines: list[tuple[int, str]]) -> bool:
    if "agent" in path.name.lower():
        return True
    if "actor" in path.name.lower():
        return False
    return any("~" in line.split("[", 1)[-1] for _, line in lines if "[" in line)


def load_petrarch_dictionary(path: str | Path) -> tuple[list[ActorEntry], list[AgentEntry]]:
    """Read a PETRARCH/TABARI actors or agents dictionary (told apart by the file name, else by
    the ``~`` that marks agent codes) as eventwire knowledge-base entries."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"cannot read the PETRARCH dictionary {path}: {exc}; check the path "
                              "(config petrarch_actors)") from exc
    lines = _strip_comments(text.splitlines())
    if _is_agents_file(path, lines):
        return [], _read_agents(lines, path.name)
    entries: list[ActorEntry] = []
    for record in _read_actors(lines, path.name):
        entries.extend(_entries(record, path.name))
    return entries, []
