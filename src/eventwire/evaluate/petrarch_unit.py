"""PETRARCH unit-test records (``petrarch_validation/PETR.UnitTest.records.xml``): stylised
sentences about a fictional world, coded with the validation dictionaries next to the file
(``PETR.Validate.actors.txt`` / ``.agents.txt``, loaded through the PETRARCH importer). Pass
rates are reported per record category; the verb-pattern categories (VERB, PATTERN, SYNSET)
test PETRARCH's own verb dictionary and are reported but left out of the headline."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from .common import Dataset, describe_actors
from .gold import ORG, UNKNOWN, GoldItem, Prediction
from .petr_gsr import coding_events, petrarch_date, read_records
from .report import ErrorCase, Report, Table

ACTORS_FILE = "PETR.Validate.actors.txt"
AGENTS_FILE = "PETR.Validate.agents.txt"
VERB_CATEGORIES = ("VERB", "PATTERN", "SYNSET")
NOT_SCORED = ("ERROR",)  # PETRARCH's own input-error handling (parse trees, datelines)


def read(path: str | Path, limit: int | None = None) -> Iterator[GoldItem]:
    for n, rec in enumerate(read_records(path)):
        if limit is not None and n >= limit:
            return
        attrs = rec["attrs"]
        events, scored, error = coding_events(rec["codings"], aliases=False)
        category = (attrs.get("category") or "").upper().rstrip("S") or "OTHER"  # AGENTS -> AGENT
        yield GoldItem(id=attrs.get("id", str(n)), text=rec["text"], published=petrarch_date(attrs.get("date")),
                       events=events, scored=scored and category not in NOT_SCORED, category=category,
                       label=", ".join(e.cameo or "" for e in events) or (error or "no events"))


def dictionaries(path: Path) -> dict:
    folder = Path(path).parent
    return {"petrarch_actors": tuple(p for p in (folder / ACTORS_FILE, folder / AGENTS_FILE) if p.exists())}


def _actor_key(root: str, sector: str | None) -> tuple[str, str | None]:
    root = root or UNKNOWN
    return (root, None if root == ORG else sector)  # an organisation's code already says what it is


def _codings(events, *, level: str) -> Counter:
    """(source, target[, code]) keys of gold or coded events, counted, at one scoring level."""
    out = Counter()
    for e in events:
        s = e.sources[0] if e.sources else None
        t = e.targets[0] if e.targets else None
        key_s = _actor_key(s.root, s.sector) if s else None
        key_t = _actor_key(t.root, t.sector) if t else None
        if level == "actors":
            out[(key_s, key_t)] += 1
        else:
            out[(key_s, key_t, e.cameo if level == "full" else (e.cameo or "")[:2])] += 1
    return out


def _gold_codings(gold: GoldItem, *, level: str) -> Counter:
    return _codings(gold.events, level=level)


def _pred_codings(pred: Prediction, *, level: str) -> Counter:
    return _codings(pred.events, level=level)


def score(pairs: list[tuple[GoldItem, Prediction]], path: str = "") -> Report:
    levels = ("full", "root", "actors", "found")
    per_cat: dict[str, dict[str, list[int]]] = defaultdict(lambda: {lv: [0, 0] for lv in levels})
    errors, patterns = [], Counter()
    for gold, pred in pairs:
        if not gold.scored:
            continue
        cat = per_cat[gold.category or "OTHER"]
        results = {}
        for lv in levels:
            if lv == "found":  # every gold (source, target) pair is among the coded ones
                ok = not (_gold_codings(gold, level="actors") - _pred_codings(pred, level="actors"))
            else:
                ok = _gold_codings(gold, level=lv) == _pred_codings(pred, level=lv)
            results[lv] = ok
            cat[lv][0] += ok
            cat[lv][1] += 1
        pats = []
        severity = 0.0
        if not results["actors"]:
            severity += 2
            if not gold.events and pred.events:
                pats.append("event coded where none expected")
            elif gold.events and not pred.events:
                pats.append("no event coded")
            else:
                pats.append("actor codes differ")
        if not results["root"]:
            severity += 1
            if gold.events and pred.events:
                pats.append("CAMEO root differs")
        if gold.category in VERB_CATEGORIES:
            severity /= 4  # out of scope: listed after the in-scope failures
        patterns.update(f"{gold.category}: {p}" for p in pats)
        gold_text = "; ".join(f"{e.cameo} {describe_actors(e.sources)} -> {describe_actors(e.targets)}"
                              for e in gold.events) or gold.label
        errors.append(ErrorCase(gold.id, gold.text, gold_text, pred.describe(), severity, pats))
    rows = []
    totals = {lv: [0, 0] for lv in levels}
    scope_totals = {lv: [0, 0] for lv in levels}
    for cat, res in sorted(per_cat.items()):
        in_scope = cat not in VERB_CATEGORIES
        rows.append([cat + ("" if in_scope else " (verb patterns)"), res["full"][1],
                     *(res[lv][0] / res[lv][1] if res[lv][1] else 0.0 for lv in levels)])
        for lv in levels:
            totals[lv][0] += res[lv][0]
            totals[lv][1] += res[lv][1]
            if in_scope:
                scope_totals[lv][0] += res[lv][0]
                scope_totals[lv][1] += res[lv][1]

    def rate(t):
        return t[0] / t[1] if t[1] else 0.0

    rows.append(["all in-scope categories", scope_totals["full"][1], *(rate(scope_totals[lv]) for lv in levels)])
    rows.append(["all categories", totals["full"][1], *(rate(totals[lv]) for lv in levels)])
    return Report(
        dataset="petrarch-unit", title="PETRARCH unit-test records (fictional world, imported dictionaries)",
        path=path, n_items=len(pairs),
        headline={"actor-coding pass rate (in-scope categories)": rate(scope_totals["actors"]),
                  "record pass rate, CAMEO root (in-scope)": rate(scope_totals["root"]),
                  "record pass rate, full code (in-scope)": rate(scope_totals["full"]),
                  "record pass rate, full code (all)": rate(totals["full"]),
                  "gold actor pairs found (in-scope)": rate(scope_totals["found"])},
        metrics={"categories": {c: {lv: {"passed": r[lv][0], "n": r[lv][1]} for lv in levels}
                                for c, r in per_cat.items()},
                 "in_scope": {lv: {"passed": scope_totals[lv][0], "n": scope_totals[lv][1]} for lv in levels},
                 "all": {lv: {"passed": totals[lv][0], "n": totals[lv][1]} for lv in levels}},
        tables=[Table("Pass rates by category",
                      ["category", "records", "full code", "CAMEO root", "actors only", "actors found"],
                      rows, note="A record passes when its coded events equal the gold codings (as multisets) "
                                 "at that level. 'actors only' compares the (source, target) pairs and ignores "
                                 "the event code; 'actors found' asks only that every gold (source, target) pair "
                                 "is among the coded ones (extra events allowed), which tests the imported "
                                 "dictionaries more than the verbs.")],
        notes=["Dictionaries: PETR.Validate.actors.txt and .agents.txt next to the records file, imported with "
               "eventwire.actors.petrarch and added to the built-in knowledge base.",
               "Actors are compared as (root, sector): the code's first three letters and its first part that maps "
               f"to an eventwire sector (PSEREBHMS -> PSE, REB); IGO/NGO codes and coded organisations as {ORG}.",
               "The record date is passed as the publication date, so date-restricted codes apply.",
               "ERROR records (PETRARCH parse-tree and dateline errors) are not scored; discard records expect "
               "no event. VERB, PATTERN and SYNSET test PETRARCH's fictional verb dictionary and are left out "
               "of the in-scope figures.",
               "Negated events are left out of the output before scoring."],
        errors=errors, patterns=patterns,
    )


DATASET = Dataset(
    name="petrarch-unit", title="PETRARCH unit-test records",
    default_path="petrarch_validation/PETR.UnitTest.records.xml", read=read, score=score,
    headline="actor-coding pass rate (in-scope categories)", config=dictionaries,
)
