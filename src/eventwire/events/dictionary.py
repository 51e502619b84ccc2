"""The event dictionaries: CAMEO ontology (with Goldstein, quad class, PLOVER) and the verb and
noun dictionaries that map triggers to CAMEO codes. All read from ``data/``; see docs/dictionaries.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..data import load_tsv, load_yaml
from ..errors import DictionaryError

# The code of a sense that blocks the verb's other senses: the trigger codes no event ("destroyed
# IEDs" is demining, not an attack).
NO_EVENT = "none"

SENSE_KEYS = {"cameo", "negated_cameo", "plover", "mode", "target", "prep", "particle", "obj",
              "pobj", "passive", "xcomp", "mod", "note", "source"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Sense:
    lemma: str
    cameo: str
    negated_cameo: str | None = None
    plover: str | None = None
    mode: str | None = None
    target: str | None = None
    prep: tuple[str, ...] = ()
    particle: str | None = None
    obj: tuple[str, ...] = ()
    pobj: tuple[str, ...] = ()
    passive: bool | None = None
    xcomp: tuple[str, ...] = ()
    mod: tuple[str, ...] = ()  # a compound or adjective modifying the trigger word ("air strike")
    source: str = "verbs.yaml"

    def describe(self) -> str:
        cond = []
        if self.particle:
            cond.append(f"particle {self.particle!r}")
        if self.prep:
            cond.append("prep " + "/".join(self.prep))
        if self.obj:
            cond.append("object " + "/".join(self.obj[:4]) + ("…" if len(self.obj) > 4 else ""))
        if self.pobj:
            cond.append("prep object " + "/".join(self.pobj[:4]))
        if self.passive:
            cond.append("passive")
        if self.xcomp:
            cond.append("complement " + "/".join(self.xcomp[:4]))
        if self.mod:
            cond.append("modifier " + "/".join(self.mod[:4]))
        return f"{self.source} {self.lemma!r}" + (f" [{', '.join(cond)}]" if cond else "") + f" -> {self.cameo}"


def _tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value)


def parse_senses(data: dict, source: str) -> dict[str, list[Sense]]:
    out: dict[str, list[Sense]] = {}
    for lemma, senses in (data or {}).items():
        if isinstance(senses, dict):
            senses = [senses]
        parsed = []
        for s in senses or []:
            unknown = set(s) - SENSE_KEYS
            if unknown or "cameo" not in s:
                raise DictionaryError(f"{source}: entry {lemma!r} has unknown keys {sorted(unknown)} "
                                      "or no cameo code")
            parsed.append(Sense(
                lemma=str(lemma).lower(), cameo=str(s["cameo"]), negated_cameo=
                str(s["negated_cameo"]) if s.get("negated_cameo") else None,
                plover=s.get("plover"), mode=s.get("mode"), target=s.get("target"),
                prep=_tuple(s.get("prep")), particle=(s.get("particle") or None),
                obj=_tuple(s.get("obj")), pobj=_tuple(s.get("pobj")), passive=s.get("passive"),
                xcomp=_tuple(s.get("xcomp")), mod=_tuple(s.get("mod")), source=source))
        out[str(lemma).lower()] = parsed
    return out


@dataclass
class Dictionaries:
    cameo: dict[str, CameoCode]
    verbs: dict[str, list[Sense]]
    nouns: dict[str, list[Sense]]
    lexicon: dict = field(default_factory=dict)

    def code(self, code: str) -> CameoCode:
        try:
            return self.cameo[code]
        except KeyError:
            raise DictionaryError(f"CAMEO code {code!r} is not in cameo.tsv") from None

    def words(self, key: str) -> set[str]:
        return {str(w).lower() for w in self.lexicon.get(key, []) or []}

    def extend(self, path: Path) -> "Dictionaries":
        data = load_yaml(Path(path).resolve())
        verbs = dict(self.verbs)
        nouns = dict(self.nouns)
        # user senses come first, so they win over the built-in ones for the same lemma
        for lemma, senses in parse_senses(data.get("verbs") or {}, Path(path).name).items():
            verbs[lemma] = senses + verbs.get(lemma, [])
        for lemma, senses in parse_senses(data.get("nouns") or {}, Path(path).name).items():
            nouns[lemma] = senses + nouns.get(lemma, [])
        out = Dictionaries(self.cameo, verbs, nouns, self.lexicon)
        out.validate()
        return out

    def validate(self) -> None:
        for table in (self.verbs, self.nouns):
            for senses in table.values():
                for s in senses:
                    if s.cameo != NO_EVENT:
                        self.code(s.cameo)
                    if s.negated_cameo:
                        self.code(s.negated_cameo)


def _float(v: str) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def builtin() -> Dictionaries:
    cameo = {}
    for row in load_tsv("ontology/cameo.tsv"):
        cameo[row["code"]] = CameoCode(
            code=row["code"], name=row["name"], goldstein=_float(row.get("goldstein")),
            quad_class=int(row["quad_class"]) if row.get("quad_class") else None,
            plover_type=row.get("plover_type") or None, plover_mode=row.get("plover_mode") or None)
    d = Dictionaries(cameo=cameo, verbs=parse_senses(load_yaml("events/verbs.yaml"), "verbs.yaml"),
                     nouns=parse_senses(load_yaml("events/nouns.yaml"), "nouns.yaml"),
                     lexicon=load_yaml("events/lexicon.yaml"))
    d.validate()
    return d


def load_dictionaries(user_dictionaries=()) -> Dictionaries:
    d = builtin()
    for path in user_dictionaries:
        data = load_yaml(Path(path).resolve())
        if data.get("verbs") or data.get("nouns"):
            d = d.extend(path)
    return d
