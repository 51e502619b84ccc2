"""The ontology and event dictionaries are consistent data: codes exist, values are in range,
senses use only known keys. Fast: reads the files, no parsing model."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from eventwire.data import data_path, load_tsv, load_yaml

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
POLECAT_TYPES = {"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                 "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT",
                 "THREATEN"}
CONDITION_KEYS = {"prep", "particle", "obj", "pobj", "passive", "xcomp", "mod"}
SENSE_KEYS = CONDITION_KEYS | {"cameo", "negated_cameo", "plover", "mode", "target", "note", "source"}


@pytest.fixture(scope="module")
def cameo():
    return {row["code"]: row for row in load_tsv("ontology/cameo.tsv")}


@pytest.fixture(scope="module")
def plover():
    return {row["type"]: row for row in load_tsv("ontology/plover.tsv")}


@lru_cache(maxsize=None)
def _load(relative):
    return load_yaml(relative)


def _senses(name):
    for lemma, senses in _load(f"events/{name}.yaml").items():
        for sense in senses:
            yield lemma, sense


# -- ontology ---------------------------------------------------------------------------------

def test_cameo_codes_are_the_reference_codes(cameo):
    path = REFERENCE / "cameo_eventcodes.tsv"
    if not path.exists():
        pytest.skip("../shared/reference is not available")
    reference = {line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()[1:]
                 if line.strip()}
    reference = {c for c in reference if len(c) >= 2}  # rows 1-4 are quad classes
    assert set(cameo) == reference


def test_cameo_rows_are_well_formed(cameo, plover):
    quads = {row["root"]: row for row in load_tsv("ontology/quad_classes.tsv")}
    assert sorted(quads) == [f"{r:02d}" for r in range(1, 21)]
    for code, row in cameo.items():
        assert code.isdigit() and 2 <= len(code) <= 4, code
        assert row["name"], code
        assert -10 <= float(row["goldstein"]) <= 10, code
        assert int(row["quad_class"]) in (1, 2, 3, 4), code
        assert row["quad_class"] == quads[code[:2]]["gdelt"], code
        assert row["plover_type"] in POLECAT_TYPES | {""}, code
        if row["plover_mode"]:
            assert row["plover_mode"] in plover[row["plover_type"]]["modes"].split("|"), code


def test_every_root_but_statements_has_a_plover_type(cameo):
    for root in range(1, 21):
        code = f"{root:02d}"
        assert bool(cameo[code]["plover_type"]) == (code != "01"), code
    assert cameo["02"]["plover_type"] == "REQUEST"
    assert cameo["19"]["plover_type"] == "ASSAULT"
    assert cameo["163"]["plover_type"] == "SANCTION"


def test_quad_classes_follow_both_schemes():
    quads = {row["root"]: row for row in load_tsv("ontology/quad_classes.tsv")}
    assert [quads[f"{r:02d}"]["gdelt"] for r in (1, 5, 6, 9, 10, 14, 15, 20)] == list("11223344")
    assert quads["02"]["phoenix"] == "0" and quads["16"]["phoenix"] == "3"
    assert quads["14"]["phoenix"] == "4"


def test_plover_has_the_16_types(plover):
    assert set(plover) == POLECAT_TYPES
    assert all(row["definition"] for row in plover.values())


# -- event dictionaries -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["verbs", "nouns"])
def test_senses_use_known_keys_and_codes(name, cameo):
    for lemma, sense in _senses(name):
        assert isinstance(sense, dict), lemma
        assert set(sense) <= SENSE_KEYS, (lemma, set(sense) - SENSE_KEYS)
        assert isinstance(sense["cameo"], str) and (sense["cameo"] in cameo or sense["cameo"] == "none"), (lemma, sense)
        if "negated_cameo" in sense:
            assert sense["negated_cameo"] in cameo, (lemma, sense)
        if "plover" in sense:
            assert sense["plover"] in POLECAT_TYPES, (lemma, sense)
        if "target" in sense:
            assert sense["target"] in ("obj", "prep", "none"), (lemma, sense)
        if "passive" in sense:
            assert isinstance(sense["passive"], bool), (lemma, sense)
        if "particle" in sense:
            assert isinstance(sense["particle"], str), (lemma, sense)
        for key in ("prep", "obj", "pobj", "xcomp", "mod"):
            value = sense.get(key)
            words = [value] if isinstance(value, str) else (value or [])
            assert all(isinstance(w, str) and w == w.lower() for w in words), (lemma, key, words)


@pytest.mark.parametrize("name", ["verbs", "nouns"])
def test_mode_overrides_are_modes_of_the_type(name, cameo, plover):
    for lemma, sense in _senses(name):
        if "mode" in sense:
            ptype = sense.get("plover") or cameo[sense["cameo"]]["plover_type"]
            assert sense["mode"] in plover[ptype]["modes"].split("|"), (lemma, sense)


@pytest.mark.parametrize("name", ["verbs", "nouns"])
def test_no_duplicate_lemmas(name):
    # yaml.safe_load keeps the last of two equal keys silently; check the raw mapping instead
    node = yaml.compose(data_path(f"events/{name}.yaml").read_text(encoding="utf-8"))
    keys = [k.value for k, _ in node.value]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_verb_dictionary_is_broad():
    verbs = _load("events/verbs.yaml")
    assert len(verbs) >= 400
    roots = {sense["cameo"][:2] for _, sense in _senses("verbs")}
    assert roots >= {f"{r:02d}" for r in range(1, 21)}


def test_a_specific_sense_comes_before_the_general_one():
    verbs = _load("events/verbs.yaml")
    for lemma, senses in verbs.items():
        bare = [i for i, s in enumerate(senses) if not set(s) & CONDITION_KEYS]
        assert len(bare) <= 1 and (not bare or bare[0] == len(senses) - 1), lemma


def test_lexicon_lists():
    lex = _load("events/lexicon.yaml")
    for key in ("reporting_verbs", "future_markers", "negation_markers", "negating_verbs",
                "endorsement_predicates", "attempt_nouns"):
        words = lex[key]
        assert words and all(isinstance(w, str) and w == w.lower() for w in words), key
    # an event verb must not be silenced as a reporting verb
    verbs = _load("events/verbs.yaml")
    for lemma in ("deny", "warn", "threaten", "accuse", "declare", "reject"):
        assert lemma in verbs and lemma not in lex["reporting_verbs"], lemma
    codes = {row["code"] for row in load_tsv("ontology/cameo.tsv")}
    assert lex["endorsement_cameo"] in codes
    # every intent mapping goes from a real act to a real 03x/13x intent code
    intents = lex["intent_cameo"]
    assert intents
    for act, intent in intents.items():
        assert act in codes and intent in codes, (act, intent)
        assert intent[:2] in ("03", "13") and act[:2] not in ("03", "13"), (act, intent)
    assert lex["ultimatum_cameo"] in codes
    for act, refusal in lex["refusal_cameo"].items():
        assert act in codes and refusal in codes and refusal[:2] == "12", (act, refusal)
