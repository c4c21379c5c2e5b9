"""Shared fixtures: where the development set lives (``../shared`` beside the clone), records compared
across engines and readers, and one Spark session."""

from __future__ import annotations

import math
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GONGEXTRACT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared development set, or a skip saying why it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"development set not found at {SHARED} (it sits beside the clone in CI, not in a user's clone)")
    return SHARED


@pytest.fixture(scope="session")
def development_folders() -> list[str]:
    """The development articles' folders (corpus and wider), or none when ``../shared`` is absent."""
    folders = [SHARED / "corpus", SHARED / "wider" / "corpus"]
    return [str(f) for f in folders] if all(f.is_dir() for f in folders) else []


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


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local[2] Spark session for the whole run (it costs 10-20 s to start), or a skip saying why."""
    pytest.importorskip("pyspark")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("no Java found (Spark needs Java 17): set JAVA_HOME or put java on PATH")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # Spark's Python workers: this environment
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("gongextract-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
