"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEED = SAMPLES / "seed-tehran-election.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_articles():
    """Every sample article extracted once with the bundled models (skips without them)."""
    from models import require_models

    import quotex

    require_models()
    paths = sorted(SAMPLES.glob("*.txt"))
    items = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    return {Path(a.source).stem: a for a in quotex.extract_many(items)}
