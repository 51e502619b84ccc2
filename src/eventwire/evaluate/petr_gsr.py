"""PETRARCH-2 gold-standard validation sentences (``petrarch_validation/PETR2_GSR_validation.xml``):
78 sentences, mostly real news, each with CAMEO event codes and CAMEO actor codes (or "no
events"). Also the reader of PETRARCH validation XML shared with ``petrarch_unit``."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError
from .common import Dataset, describe_actors, gold_actor_from_code, mappings
from .gold import NONE, GoldEvent, GoldItem, Prediction
from .metrics import PRF, best_match, multiset_prf, score_label_sets
from .report import ErrorCase, Report, Table

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)>", re.S)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def petrarch_date(value: str | None) -> str | None:
    """YYYYMMDD or YYMMDD (PETRARCH reads YY <= 30 as 20YY) -> YYYY-MM-DD, or None."""
    value = (value or "").strip()
    try:
        if len(value) >= 8:
            return date(int(value[:4]), int(value[4:6]), int(value[6:8])).isoformat()
        if len(value) == 6:
            yy = int(value[:2])
            return date(yy + (2000 if yy <= 30 else 1900), int(value[2:4]), int(value[4:6])).isoformat()
    except ValueError:
        return None
    return None


def read_records(path: str | Path) -> Iterator[dict]:
    """The records of a PETRARCH validation file: attributes, codings, text. The files are not
    well-formed XML (``#`` banners, unclosed ``<Sentence>``), so they are read tag by tag."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError("malformed", f"cannot read {path}: {exc}") from exc
    raw = _COMMENT.sub("", raw)
    starts = list(_SENTENCE.finditer(raw))
    for i, m in enumerate(starts):
        chunk = raw[m.end(): starts[i + 1].start() if i + 1 < len(starts) else len(raw)]
        attrs = dict(_ATTR.findall(m.group(1)))
        text_m = _TEXT.search(chunk)
        if not text_m:
            continue
        text = html.unescape(" ".join(text_m.group(1).split()))
        codings = [dict(_ATTR.findall(c.group(1))) for c in _CODING.finditer(chunk[: text_m.start()])]
        yield {"attrs": attrs, "codings": codings, "text": text}


def coding_events(codings: list[dict], *, aliases: bool = True) -> tuple[list[GoldEvent], bool, str | None]:
    """Gold events of a record, whether it is scored, and the error kind it expects (if any)."""
    events = []
    for c in codings:
        if c.get("error"):
            # discards expect no event; parser and dateline errors test PETRARCH's own input handling
            return [], c["error"] in ("sentencediscard", "storydiscard"), c["error"]
        if c.get("noevents", "").lower() == "true" or not c.get("eventcode"):
            continue
        code = c["eventcode"].strip()
        events.append(GoldEvent(
            types=(code[:2],), cameo=code,
            sources=(gold_actor_from_code(c.get("sourcecode"), aliases=aliases),),
            targets=(gold_actor_from_code(c.get("targetcode"), aliases=aliases),) if c.get("targetcode") else (),
        ))
    return events, True, None


def read(path: str | Path, limit: int | None = None) -> Iterator[GoldItem]:
    for n, rec in enumerate(read_records(path)):
        if limit is not None and n >= limit:
            return
        attrs = rec["attrs"]
        events, scored, _ = coding_events(rec["codings"])
        yield GoldItem(id=attrs.get("id", str(n)), text=rec["text"], published=petrarch_date(attrs.get("date")),
                       events=events, scored=scored, category=attrs.get("category"),
                       label=", ".join(e.cameo or "" for e in events) or "no events")


def _root(ev) -> str:
    return (ev.cameo or "")[:2] or NONE


def score(pairs: list[tuple[GoldItem, Prediction]], path: str = "") -> Report:
    pairs = [(g, p) for g, p in pairs if g.scored]
    roots = score_label_sets(([e.cameo[:2] for e in g.events], [_root(e) for e in p.events]) for g, p in pairs)
    full = PRF()
    dyads = PRF()
    src, tgt = PRF(), PRF()
    quiet = PRF()  # sentences with no gold event: did the coder stay quiet?
    errors, patterns = [], Counter()
    names = mappings()["cameo_roots"]
    for gold, pred in pairs:
        full.add(multiset_prf([e.cameo for e in gold.events], [e.cameo for e in pred.events]))
        g_dyads = [(e.sources[0].root if e.sources else "---", e.cameo[:2],
                    e.targets[0].root if e.targets else None) for e in gold.events]
        p_dyads = [(s, _root(e), t) for e in pred.events for (s, _, t) in e.dyads()]
        dyads.add(multiset_prf(g_dyads, p_dyads))
        sev, pats = 0.0, []
        if not gold.events:
            if pred.events:
                quiet.fp += 1
                sev += 3
                pats.append("event coded where none expected")
            else:
                quiet.tp += 1
        for gev in gold.events:
            as_cameo = [_as_root_event(e) for e in pred.events]
            ev = best_match(gev, as_cameo)
            src.add(multiset_prf([a.root for a in gev.sources], [a.root for a in ev.sources] if ev else []))
            tgt.add(multiset_prf([a.root for a in gev.targets], [a.root for a in ev.targets] if ev else []))
            if ev is None:
                sev += 3
                pats.append("no event coded")
                continue
            if ev.label != gev.label:
                sev += 3
                pats.append(f"CAMEO root {gev.label} coded as {ev.label}")
            elif ev.cameo != gev.cameo:
                sev += 0.5
                pats.append("right root, other CAMEO code")
            if {a.root for a in gev.sources} - {a.root for a in ev.sources}:
                sev += 1
                pats.append("wrong or missing source root")
            if {a.root for a in gev.targets} - {a.root for a in ev.targets}:
                sev += 1
                pats.append("wrong or missing target root")
        pats = list(dict.fromkeys(pats))
        patterns.update(pats)
        gold_text = "; ".join(f"{e.cameo} {describe_actors(e.sources)} -> {describe_actors(e.targets)}"
                              for e in gold.events) or "no events"
        errors.append(ErrorCase(gold.id, gold.text, gold_text, pred.describe(), sev, pats))
    rows = []
    for code, prf in sorted(roots.per_type.items()):
        rows.append([f"{code} {names.get(code, '')}".strip(), prf.precision, prf.recall, prf.f1, prf.tp + prf.fn])
    micro = roots.micro()
    rows.append(["micro", micro.precision, micro.recall, micro.f1, micro.tp + micro.fn])
    rows.append(["macro (gold roots)", "", "", roots.macro_f1(), ""])
    summary = [["CAMEO root code (2 digits)", micro.precision, micro.recall, micro.f1],
               ["full CAMEO code", full.precision, full.recall, full.f1],
               ["source root", src.precision, src.recall, src.f1],
               ["target root", tgt.precision, tgt.recall, tgt.f1],
               ["dyad event (source root, CAMEO root, target root)", dyads.precision, dyads.recall, dyads.f1]]
    quiet_n = quiet.tp + quiet.fp
    return Report(
        dataset="petr-gsr", title="PETRARCH-2 gold-standard validation sentences", path=path, n_items=len(pairs),
        headline={"CAMEO root-code F1": micro.f1, "full-code F1": full.f1, "dyad-event F1": dyads.f1,
                  "source-root F1": src.f1, "target-root F1": tgt.f1,
                  "sentences coded exactly (root codes)": roots.exact_rate},
        metrics={"root_codes": roots.to_dict(), "full_codes": full.to_dict(), "source_root": src.to_dict(),
                 "target_root": tgt.to_dict(), "dyads": dyads.to_dict(),
                 "no_event_sentences": {"quiet": quiet.tp, "n": quiet_n}},
        tables=[Table("Codings", ["figure", "P", "R", "F1"], summary,
                      note=f"{quiet.tp} of {quiet_n} sentences without a gold event were left uncoded."),
                Table("CAMEO root codes: precision, recall, F1", ["root", "P", "R", "F1", "gold"], rows)],
        notes=["Codings are matched within each sentence as multisets; the root is the first two digits.",
               "The gold was made from PETRARCH-2 output corrected by hand (see SOURCE.md): it is not independent.",
               "Actor roots: the first three letters of the CAMEO code; IGO/NGO/IMG codes and coded "
               "organisations compare as ORG; '---' (unknown country) matches an actor coded without a country.",
               "Records whose gold is a PETRARCH input error (parse or dateline) are not scored; discards expect "
               "no event.",
               "Negated events are left out of the output before scoring."],
        errors=errors, patterns=patterns,
    )


def _as_root_event(ev):
    from dataclasses import replace

    return replace(ev, type=_root(ev))


DATASET = Dataset(
    name="petr-gsr", title="PETRARCH-2 gold-standard validation sentences",
    default_path="petrarch_validation/PETR2_GSR_validation.xml", read=read, score=score,
    headline="CAMEO root-code F1",
)
