"""`claimset schema`: JSON Schema (draft 2020-12) files generated from the pydantic models."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes
from .models import MODELS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schemas() -> dict[str, dict[str, Any]]:
    """The schema of each record kind, keyed by file name (`sentence.schema.json`, ...)."""
    schemas = {}
    for kind, model in MODELS.items():
        schema = model.model_json_schema()
        schemas[f"{kind}.schema.json"] = {"$schema": DIALECT, **schema}
    return schemas


def schema_bytes(schema: dict[str, Any]) -> bytes:
    """A schema file's bytes: indented JSON, UTF-8, a final newline."""
    return (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class SchemaResult:
    """Which schema files were written (or, with check, are out of date)."""

    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def write_schemas(schema_dir: Path, *, check: bool = False) -> SchemaResult:
    """Write schema/*.schema.json; with check, only report the files that differ or are missing."""
    result = SchemaResult()
    for name, schema in json_schemas().items():
        path = schema_dir / name
        data = schema_bytes(schema)
        if path.exists() and path.read_bytes() == data:
            result.unchanged.append(path)
            continue
        result.changed.append(path)
        if not check:
            atomic_write_bytes(path, data)
    return result
