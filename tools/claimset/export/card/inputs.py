"""What the export hands the card: rows, sizes, records and counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class CardData:
    """What the export knows that the card reports.

    Attributes:
        rows: Rows per config and split.
        num_bytes: In-memory (Arrow) bytes per config and split, for `dataset_info`.
        file_sizes: Bytes of each Parquet file, by its path in the export folder.
        documents: The documents' metadata records (without text).
        actors: The actor registry's records.
        stats: The corpus counts the export gathered (see `ExportResult.stats`).
        include_drafts: Whether the claims config holds machine drafts.
        example: The first row of the claims config, shown in the card.
    """

    rows: dict[str, dict[str, int]]
    num_bytes: dict[str, dict[str, int]]
    file_sizes: dict[str, int]
    documents: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    stats: dict[str, Any]
    include_drafts: bool = False
    example: dict[str, Any] | None = None
