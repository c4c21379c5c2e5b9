"""The Spark adapter in local[2]: the claims' schema, chosen columns, documents without text, and
Spark reading the CLI's Parquet back. (Its records equal the CLI's: tests/test_engines.py.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gongextract.cli import app
from gongextract.output import arrow_schema

Rows = list[tuple[object, ...]]
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


def test_schema_is_the_parquet_schema(spark: Any) -> None:
    from pyspark.sql.pandas.types import to_arrow_schema

    from gongextract.spark import claims_schema

    assert to_arrow_schema(claims_schema()) == arrow_schema()


def test_chosen_columns_and_a_document_without_text(spark: Any) -> None:
    from gongextract.spark import extract_frame

    frame = spark.createDataFrame([(1, "建成驿站160个。"), (2, None), (3, "投入资金7.1亿元。")], "uid long, body string")
    rows = extract_frame(frame, id_column="uid", text_column="body").collect()
    assert sorted((r.doc, r.text, r.value, r.unit) for r in rows) == [("1", "160个", 160.0, "个"), ("3", "7.1亿元", 710000000.0, "元")]


def test_spark_reads_the_cli_parquet(spark: Any, tmp_path: Path, as_rows: Callable[..., Rows]) -> None:
    path, out = tmp_path / "a.txt", tmp_path / "claims.parquet"
    path.write_text("2024年全省建成职工书屋1.5万余家，投入资金7.1亿元，建成3000—5000个驿站，满意率99.5%。", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, [str(path), "-q", "-f", "parquet", "-o", str(out)]).exit_code == 0
    jsonl = [json.loads(line) for line in runner.invoke(app, [str(path), "-q"]).stdout.splitlines()]
    back = spark.read.parquet(str(out))
    assert back.columns == list(arrow_schema().names)
    assert as_rows(row.asDict() for row in back.collect()) == as_rows(jsonl)
    assert len(jsonl) == 4
