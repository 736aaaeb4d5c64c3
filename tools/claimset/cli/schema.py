"""`claimset schema`: JSON Schema files from the models (wraps `claimset.schema.write_schemas`)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from ..words import plural
from ._shared import EXIT_INVALID, find_project, handle_errors, stderr, stdout, writing

if TYPE_CHECKING:
    from ..project import Project
    from ..schema import SchemaResult


@click.command("schema")
@click.option(
    "--check", is_flag=True, help="Only check that schema/ is up to date (exit 1 if not)."
)
@handle_errors
def schema_cli(check: bool) -> None:
    """Write schema/*.schema.json (JSON Schema 2020-12) from the pydantic models.

    With --check, writes nothing and exits 1 if a file is missing or differs (drift).
    """
    from ..schema import write_schemas

    project = find_project()
    with nullcontext() if check else writing(project, "schema"):
        result = write_schemas(project.schema_dir, check=check)
    render_schema(project, result, check=check)
    if check and result.changed:
        sys.exit(EXIT_INVALID)


def render_schema(project: Project, result: SchemaResult, *, check: bool) -> None:
    """One line per changed (or, with check, stale) file, else that all are up to date."""
    out = stdout()
    for path in result.changed:
        rel = project.relative(path)
        out.print(f"{escape(rel)}: out of date" if check else f"{escape(rel)}: written")
    if check and result.changed:
        stderr().print("[red]error:[/] schema/ differs from the models; run `claimset schema`")
    if not result.changed:
        out.print(f"schema/: {plural(len(result.unchanged), 'file')} up to date")
