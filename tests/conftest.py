"""Shared fixtures: where the development set lives (``../shared`` beside the clone)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GONGEXTRACT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared development set, or a skip saying why it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"development set not found at {SHARED} (it sits beside the clone in CI, not in a user's clone)")
    return SHARED
