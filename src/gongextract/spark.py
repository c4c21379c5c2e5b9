"""Run gongextract on Spark: a DataFrame of documents to a DataFrame of claims, through Arrow batches.

    from gongextract.spark import extract_frame
    claims = extract_frame(spark.read.json("articles.jsonl"))  # columns id and text
    claims.write.parquet("claims/")

The claims have the schema of the Parquet output (:func:`gongextract.output.arrow_schema`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .batch import records_of
from .output import arrow_schema, arrow_table

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType


def claims_schema() -> StructType:
    """The claims' Spark schema: SPEC field order, bigint offsets, double values, int year."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema())


def map_batches(
    batches: Iterable[pa.RecordBatch], id_column: str = "id", text_column: str = "text", rules_dir: str | None = None
) -> Iterator[pa.RecordBatch]:
    """Claim batches from document batches: the function ``DataFrame.mapInArrow`` runs in each Python
    worker (which loads the rules once). A document without text is logged by its id and skipped."""
    for batch in batches:
        documents = zip(batch.column(id_column).to_pylist(), batch.column(text_column).to_pylist(), strict=True)
        yield from arrow_table(list(records_of(documents, rules_dir))).to_batches()


def extract_frame(
    documents: DataFrame, id_column: str = "id", text_column: str = "text", rules_dir: str | Path | None = None
) -> DataFrame:
    """A DataFrame of claims, one row per claim, from a DataFrame with a document id and text column."""
    rules_arg = None if rules_dir is None else str(rules_dir)
    mapper = functools.partial(map_batches, id_column=id_column, text_column=text_column, rules_dir=rules_arg)
    return documents.select(id_column, text_column).mapInArrow(mapper, claims_schema())
