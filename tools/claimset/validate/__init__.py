"""`claimset validate`: every problem in the corpus files, located and explained.

- `runner`: which files to check, one document at a time; `validate()` and `schema_errors()`.
- `files` and `reader`: one JSONL file, line by line, on the fast path (`fast_path`) or the
  precise one; `lines`, `positions` (columns), `state` (what a file's checks remember).
- `checks/`: every check, one registered unit (`registry`) declaring the codes it reports.
"""

from .runner import schema_errors, validate

__all__ = ["schema_errors", "validate"]
