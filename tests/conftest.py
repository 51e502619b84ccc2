"""Shared fixtures: the real pipeline (loaded once per session) and the paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed"
BENCHMARKS = SHARED / "benchmarks"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code a text with the shared pipeline: code(text, published=None, title=None) -> Article."""
    from eventwire.model import Document, content_hash

    def _code(text: str, published: str | None = None, title: str | None = None, html: bool = False):
        return pipeline.code(Document(id=content_hash(text), text=text, title=title,
                                      published=published, is_html=html))

    return _code


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the checkout)")
    return path
