"""Shared fixtures: where the development set lives (``../shared`` beside the clone)."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping
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


Row = tuple[object, ...]


def _plain(name: str, value: object) -> object:
    """A field as Python sees it in JSONL, whichever reader produced it (NaN and numpy types included)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if name in ("value", "value_max"):
        return float(value)  # type: ignore[arg-type]
    if name in ("start", "end", "year"):
        return int(value)  # type: ignore[call-overload]
    return str(value)


@pytest.fixture(scope="session")
def as_rows() -> Callable[[Iterable[Mapping[str, object]]], list[Row]]:
    """Records from any engine or reader as comparable rows in FIELDS order, sorted by doc and start."""
    from gongextract.claims import FIELDS

    def rows(records: Iterable[Mapping[str, object]]) -> list[Row]:
        found = [tuple(_plain(name, record[name]) for name in FIELDS) for record in records]
        return sorted(found, key=lambda row: (row[0], row[1], row[2]))  # type: ignore[arg-type, return-value]

    return rows
