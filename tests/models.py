"""Skip model-backed tests only while no model set exists (before the first build)."""

from __future__ import annotations

import pytest

from quotex.modelset import ModelError, resolve_model_set


def require_models() -> None:
    try:
        resolve_model_set()
    except ModelError as error:
        pytest.skip(f"no model set: {error}")
