"""Build eventwire's ontology tables (src/eventwire/data/ontology/) from the public reference files.

Run once from the repository root; the generated files are committed and reviewed as data:

    .venv/bin/python scripts/build_ontology.py [--shared ../shared]

Reads
  <shared>/reference/cameo_eventcodes.tsv    CAMEO codes and names (GDELT's lookup)
  <shared>/reference/cameo_goldstein.tsv     Goldstein scores (GDELT's lookup)
  <shared>/benchmarks/plover_gsr_cameo/CAMEO2PLOVER-2021.txt
                                             CAMEO -> PLOVER table (PLOVER manual draft 0.8, 2021)
  <shared>/benchmarks/plover_gsr_cameo/POLECAT_PLOVER_structured_codebook_NGEC2025.csv
                                             the 16 POLECAT event types, definitions and modes
Writes
  quad_classes.tsv, cameo.tsv, plover.tsv

Every mapping decision that is not a copy of a source is a named table below, so a reviewer can
read the choices here and in the generated file headers.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import OrderedDict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "data" / "ontology"

POLECAT_TYPES = ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                 "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT",
                 "THREATEN")

# Older PLOVER names (PLOVER 0.5b1, as in the gold-standard records) -> POLECAT's 16 types.
# The 2021 table already uses POLECAT names; this keeps the build correct for older tables too.
TYPE_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                "FIGHT": "ASSAULT", "YIELD": "CONCEDE", "ENGAGE": "COOPERATE"}

# Quad classes by CAMEO root. GDELT: the reference file places its quad rows 1-4 before roots
# 01, 06, 10 and 15. Phoenix groups the roots differently (01-02 neutral).
GDELT_QUAD = {**{r: 1 for r in range(1, 6)}, **{r: 2 for r in range(6, 10)},
              **{r: 3 for r in range(10, 15)}, **{r: 4 for r in range(15, 21)}}
PHOENIX_QUAD = {1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3, 12: 3, 13: 3,
                14: 4, 15: 4, 16: 3, 17: 4, 18: 4, 19: 4, 20: 4}

# Codes where eventwire departs from the 2021 table: code -> (type, mode, context or None to keep).
OVERRIDES = {
    # Imposing sanctions/embargoes reduces relations: POLECAT's SANCTION ("curtail, decrease,
    # break, or terminate ... commercial or material exchanges"); the gold records code it
    # SANCTION too. The 2021 table has COERCE.
    "163": ("SANCTION", "discontinue", "economic"),
    # "Find guilty or liable": POLECAT's codebook lists convictions under SANCTION/convict.
    "116": ("SANCTION", "convict", None),
    # Aerial weapons: POLECAT has an "aerial" mode; the 2021 table reuses heavy-weapons.
    "195": ("ASSAULT", "aerial", None),
}

# GDELT's lookup names 101 and 105-108 differently from the CAMEO 1.1b3 manual that the 2021
# table follows (manual: 101 material cooperation, 105 yield, 106 meeting, 107 settle dispute,
# 108 mediation). eventwire keeps GDELT's names (what GDELT users read) and gives these codes
# the PLOVER mode that fits GDELT's name, so a code means one thing throughout the project.
GDELT_NAME_MODES = {"101": ("REQUEST", "", ""), "105": ("REQUEST", "meet", "diplomatic"),
                    "106": ("REQUEST", "yield", "military"), "107": ("REQUEST", "yield", "military"),
                    "108": ("REQUEST", "meet", "diplomatic")}

# Modes of the 2021 table that are not POLECAT modes of that type -> the POLECAT mode ("" = none).
MODE_FIXES = {
    ("RETREAT", "ease"): "",              # the table itself notes "ease" is no longer a mode
    ("THREATEN", "political"): "rights",  # 1321 restrictions on freedoms: POLECAT "rights"
    ("COERCE", "martial-law"): "curfew",  # POLECAT's curfew mode covers emergency/martial law
    ("ASSAULT", "pro_autocracy"): "",     # 175: a context written in the mode column
    ("ASSAULT", "seize"): "destroy",      # 1712 destroy property: POLECAT ASSAULT/destroy
}
MODE_TO_CONTEXT = {("ASSAULT", "pro_autocracy"): "pro_autocracy"}

# CAMEO 02 (appeals) is dropped by the 2021 table; eventwire codes it REQUEST, because POLECAT's
# REQUEST covers "all requests, demands, and orders", appeals included. The 02x sub-codes copy
# the mode and context of the parallel 10x code in the 2021 table (both follow the same pattern:
# x1 material cooperation, x2 diplomatic, x3 aid, x4 reform, x5 yield, x6 meet, x7 settle,
# x8 mediation).
APPEAL_TYPE = "REQUEST"


def read_reference(path: Path) -> "OrderedDict[str, str]":
    rows: OrderedDict[str, str] = OrderedDict()
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            if line.strip():
                code, value = line.rstrip("\n").split("\t")[:2]
                rows[code.strip()] = value.strip()
    return rows


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """code -> (type, mode, context); the first line for a code wins (08 is listed twice)."""
    table: dict[str, tuple[str, str, str]] = {}
    pattern = re.compile(r"^(\d{2,4}):\s*([^#]*)")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = pattern.match(line.strip())
            if not m or m.group(1) in table:
                continue
            parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
            ptype = TYPE_RENAMES.get(parts[0].upper(), parts[0].upper())
            context = "|".join(c.strip() for c in parts[2].split(";") if c.strip())
            table[m.group(1)] = (ptype, parts[1].strip(), context)
    return table


def read_codebook(path: Path) -> "OrderedDict[str, dict]":
    types: OrderedDict[str, dict] = OrderedDict()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            t = row["event"].strip()
            entry = types.setdefault(t, {"definition": " ".join(row["event_def"].split()), "modes": []})
            mode = (row.get("mode") or "").strip()
            if mode and mode not in entry["modes"]:
                entry["modes"].append(mode)
    return types


def plover_for(code: str, table, modes_of) -> tuple[str, str, str]:
    if code.startswith("01"):
        return ("", "", "")
    if code in OVERRIDES:
        t, m, c = OVERRIDES[code]
        return (t, m, c if c is not None else table.get(code, ("", "", ""))[2])
    if code in GDELT_NAME_MODES:
        return GDELT_NAME_MODES[code]
    if code.startswith("02"):
        parallel = "10" + code[2:]
        _, mode, context = table.get(parallel, ("", "", ""))
        return (APPEAL_TYPE, mode, context)
    # the code itself, else the nearest parent (4 -> 3 -> 2 digits)
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            ptype, mode, context = table[code[:n]]
            if n != len(code):
                mode, context = (mode, context) if n == 3 else ("", context)
            break
    else:
        return ("", "", "")
    if (ptype, mode) in MODE_TO_CONTEXT:
        context = "|".join(c for c in (MODE_TO_CONTEXT[(ptype, mode)], context) if c)
    if mode and mode not in modes_of.get(ptype, ()):
        mode = MODE_FIXES.get((ptype, mode), "")
    return (ptype, mode, context)


def write_tsv(path: Path, header: list[str], columns: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for line in header:
            fh.write(f"# {line}".rstrip() + "\n")
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            cells = [str(c) for c in row]
            if any("\t" in c or "\n" in c for c in cells):
                raise ValueError(f"tab or newline in {cells}")
            fh.write("\t".join(cells) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="folder holding reference/ and benchmarks/ (default: ../shared)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    ref = args.shared / "reference"
    bench = args.shared / "benchmarks" / "plover_gsr_cameo"

    names = read_reference(ref / "cameo_eventcodes.tsv")
    goldstein = read_reference(ref / "cameo_goldstein.tsv")
    table = read_cameo2plover(bench / "CAMEO2PLOVER-2021.txt")
    codebook = read_codebook(bench / "POLECAT_PLOVER_structured_codebook_NGEC2025.csv")
    if tuple(sorted(codebook)) != POLECAT_TYPES:
        raise SystemExit(f"codebook types differ from POLECAT's 16: {sorted(codebook)}")
    modes_of = {t: tuple(v["modes"]) for t, v in codebook.items()}
    args.out.mkdir(parents=True, exist_ok=True)

    # quad_classes.tsv
    write_tsv(args.out / "quad_classes.tsv", [
        "CAMEO root code -> quad class, one column per scheme. Generated by scripts/build_ontology.py.",
        "Quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material",
        "conflict (Phoenix adds 0 = neutral).",
        "gdelt: GDELT's grouping, read from the order of GDELT's CAMEO.eventcodes.txt lookup, which",
        "  places the quad rows before roots 01, 06, 10 and 15 (01-05 -> 1, 06-09 -> 2, 10-14 -> 3,",
        "  15-20 -> 4). cameo.tsv's quad_class column uses this scheme.",
        "phoenix: the Phoenix data set's grouping (01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3,",
        "  14-15 and 17-20 -> 4).",
        "To add a scheme, add a column; code reads a scheme by its column name.",
    ], ["root", "gdelt", "phoenix"],
        [[f"{r:02d}", GDELT_QUAD[r], PHOENIX_QUAD[r]] for r in range(1, 21)])

    # cameo.tsv
    rows = []
    for code, name in names.items():
        if len(code) < 2:  # the quad-class rows 1-4
            continue
        if code not in goldstein:
            raise SystemExit(f"no Goldstein score for CAMEO {code}")
        ptype, mode, context = plover_for(code, table, modes_of)
        if ptype and ptype not in POLECAT_TYPES:
            raise SystemExit(f"CAMEO {code}: {ptype} is not a POLECAT type")
        score = float(goldstein[code])
        rows.append([code, name, f"{score:g}", GDELT_QUAD[int(code[:2])], ptype, mode, context])
    write_tsv(args.out / "cameo.tsv", [
        "CAMEO event codes (2, 3 and 4 digits) with Goldstein score, quad class and PLOVER type.",
        "Generated by scripts/build_ontology.py; edit the script's tables, not this file, and re-run.",
        "Sources: code and name from GDELT's CAMEO.eventcodes.txt; goldstein from GDELT's",
        "  CAMEO.goldsteinscale.txt (-10 conflict .. +10 cooperation); quad_class from quad_classes.tsv",
        "  (gdelt column); plover_type/plover_mode/plover_context from the CAMEO2PLOVER table of the",
        "  PLOVER manual draft 0.8 (2021), with modes checked against the POLECAT codebook (NGEC-2025).",
        "Choices (not copies of a source):",
        "- A code missing from the PLOVER table takes its nearest parent's type (and the 3-digit",
        "  parent's mode); the 4-digit CAMEO codes 1213/1214 of the table are not GDELT codes.",
        "- 01 (public statements) has no PLOVER type: PLOVER drops statements. Such events are not emitted",
        "  as PLOVER events.",
        "- 02 (appeals) -> REQUEST. The 2021 table drops 02, but POLECAT's REQUEST covers all requests,",
        "  demands and orders, appeals included; 02x copies the mode/context of the parallel 10x code.",
        "- Type names outside POLECAT's 16 are renamed: DEMAND->REQUEST, DISAPPROVE->ACCUSE,",
        "  INVESTIGATE->ACCUSE, FIGHT->ASSAULT (the 2021 table already uses POLECAT names). So 09",
        "  (investigate) and 11 (disapprove) are ACCUSE, 10 (demand) REQUEST, 19 (fight) ASSAULT.",
        "- 163 (impose embargo, boycott, sanctions) -> SANCTION/discontinue (table: COERCE); 116 (find",
        "  guilty) -> SANCTION/convict (table: ACCUSE); 195 (aerial weapons) mode aerial (table:",
        "  heavy-weapons). Per POLECAT's codebook definitions.",
        "- Modes that are not POLECAT modes of the type are mapped: RETREAT 'ease' -> none, THREATEN",
        "  'political' -> rights, COERCE 'martial-law' -> curfew, ASSAULT 'seize' (1712) -> destroy,",
        "  175's 'pro_autocracy' moves to the context.",
        "- GDELT names 101 and 105-108 differently from the CAMEO 1.1b3 manual (manual: 101 demand",
        "  material cooperation, 105 demand that target yield, 106 meeting, 107 settle dispute, 108",
        "  mediation). eventwire keeps GDELT's names and gives these five codes the mode that fits the",
        "  name: dictionaries code 'demand withdrawal' 106, 'demand a ceasefire' 107, 'demand talks' 108.",
        "- Root 08 is CONCEDE (verbal/legal concessions 080-083) with 084-087 RETREAT, as in the table.",
        "Contexts are |-separated.",
    ], ["code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context"], rows)

    # plover.tsv
    write_tsv(args.out / "plover.tsv", [
        "The 16 PLOVER event types used by POLECAT, with a one-line definition and their modes",
        "(|-separated; empty where the type has no modes). Generated by scripts/build_ontology.py from",
        "POLECAT_PLOVER_structured_codebook_NGEC2025.csv (NGEC-2025, MIT); definitions are the",
        "codebook's event definitions, whitespace normalised.",
    ], ["type", "definition", "modes"],
        [[t, codebook[t]["definition"], "|".join(codebook[t]["modes"])] for t in sorted(codebook)])

    print(f"wrote {len(rows)} CAMEO codes, 20 quad rows, {len(codebook)} PLOVER types to {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
