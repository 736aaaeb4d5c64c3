"""`claimset export`: the validated corpus as a Hugging Face dataset folder (Parquet + card).

The folder holds one Parquet file per config and split (`<config>/<split>-00000-of-00001.parquet`)
and a generated dataset card (README.md) whose YAML `configs:` block tells `datasets` and the Hub
which files make which config, so no loading script is needed. The ClassLabel names travel twice:
in the card's `dataset_info.features` and in each Parquet file's `huggingface` schema metadata.

The tables are built with pyarrow, column by column and one annotation file at a time
(`tables.py`), appended to the Parquet writer of the file's split (`writer.py`) while the card's
counts are gathered (`counts.py`). Nothing goes through Python row by row
(`datasets.Dataset.from_generator` is an order of magnitude slower), and memory holds a few files'
tables at a time, not the corpus. `run.py` puts it together: validation first (`validation.py`),
then the tables and the card (`card/`) in a temporary folder swapped in at the end (`folder.py`).
"""

from __future__ import annotations

from .folder import ExportRefused
from .run import ExportResult, export

__all__ = ["ExportRefused", "ExportResult", "export"]
