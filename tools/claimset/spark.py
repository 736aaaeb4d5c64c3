"""Apache Spark: `claimset.spark.draft(df, actors=PATH)`, the pipeline over `mapInArrow`.

Needs the `spark` extra (`pip install 'claimset[spark]'`) and Java. Each partition's Arrow
batches go through `claimset.pipeline.Drafter` on an executor: what is shipped there is the
drafter (the actor registry's bytes, a few kilobytes); claimset itself must be installed on
the executors (as on any Python worker). See docs/scale.md for partitions and memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pipeline import Drafter, output_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def spark_schema() -> Any:
    """The `sentences` rows as a Spark StructType (ClassLabel columns are their int64 ids)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(output_schema())


def draft(df: DataFrame, actors: str | Path | None = None) -> DataFrame:
    """Sentence records with drafted claims for a DataFrame of documents (`id`, `text`).

    Args:
        df: One row per document: `id` (a document id) and `text` (the essay), and optionally
            `speaks_for` (a speech's party, or null: see corpus/documents.jsonl).
        actors: The path of an `actors.jsonl` registry, read here on the driver and shipped
            to the executors with the function (None: the author only).

    Returns:
        One row per sentence in the export's `sentences` schema, as `claimset split` and
        `claimset draft` would write them. `df.write.parquet(OUT)` gives files that
        `datasets.load_dataset("parquet", data_files=..., features=features("sentences"))`
        reads.
    """
    from pyspark.sql import functions

    drafter = Drafter.from_path(actors)
    party = (
        functions.col("speaks_for")
        if "speaks_for" in df.columns
        else functions.lit(None).cast("string").alias("speaks_for")
    )
    return df.select("id", "text", party).mapInArrow(drafter.batches, spark_schema())


def session(master: str = "local[*]", app: str = "claimset") -> SparkSession:
    """A Spark session for the command line (quiet, Arrow on)."""
    import os
    import sys

    from pyspark.sql import SparkSession

    # Local workers run this interpreter, which has claimset (not whatever `python3` is).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(source: Path, out: Path, drafter_actors: str | Path | None, master: str) -> int:
    """`claimset draft-corpus --engine spark`: read the documents, draft, write Parquet."""
    import pyarrow as pa

    from .pipeline import input_schema, output_folder, read_documents

    output_folder(out)
    spark = session(master)
    if source.is_dir() or source.suffix != ".parquet":
        # A folder of .txt files or a JSONL file: read here, handed to Spark as Arrow.
        table = pa.concat_tables([*read_documents(source)] or [input_schema().empty_table()])
        # The schema is given: Spark cannot infer a type for an all-null `speaks_for`.
        df = spark.createDataFrame(
            table.to_pandas(), schema="id string, text string, speaks_for string"
        )
    else:
        df = spark.read.parquet(str(source))
    result = draft(df, drafter_actors)
    out.rmdir() if out.is_dir() else None
    result.write.parquet(str(out))
    return int(spark.read.parquet(str(out)).count())
