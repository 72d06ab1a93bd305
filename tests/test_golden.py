"""Golden tests: each sample's statements as pinned in tests/golden/ (reviewed by hand;
`python scripts/update_golden.py` rewrites them after a deliberate change)."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import REPO, SAMPLES

spec = importlib.util.spec_from_file_location("update_golden", REPO / "scripts/update_golden.py")
update_golden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_golden)

GOLDEN = REPO / "tests" / "golden"


@pytest.mark.parametrize("sample", [p.stem for p in sorted(SAMPLES.glob("*.txt"))])
def test_sample_matches_its_golden_file(sample, sample_articles):
    expected = json.loads((GOLDEN / f"{sample}.json").read_text(encoding="utf-8"))
    assert update_golden.golden_view(sample_articles[sample]) == expected
