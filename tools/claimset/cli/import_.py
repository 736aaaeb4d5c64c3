"""`claimset import`: annotations made in Label Studio or brat, back into the corpus.

Named `import_` because `import` is a Python keyword; the command is `claimset import`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.markup import escape

from ._shared import find_project, handle_errors, stdout, writing

if TYPE_CHECKING:
    from ..formats.files import FormatResult

F = TypeVar("F", bound=Callable[..., Any])


def _annotator_id(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--annotator as an annotator id (the grammar the records hold), else a usage error."""
    import re

    from ..models import ANNOTATOR_ID_PATTERN

    if value is not None and not re.fullmatch(ANNOTATOR_ID_PATTERN, value):
        raise click.BadParameter(
            f"{value!r} is not an annotator id (letters, digits, '.', '_', '-'; starting with a "
            "letter or digit), such as ann1"
        )
    return value


def _options(func: F) -> F:
    for option in reversed(
        [
            click.option(
                "--annotator",
                default=None,
                callback=_annotator_id,
                help="Who annotated, an annotator id such as ann1 (default: the tool's user "
                "name, where the export has one that is an id).",
            ),
            click.option(
                "--force",
                is_flag=True,
                help="Overwrite done or reviewed sentences the import changes.",
            ),
            click.option(
                "--allow-loss",
                is_flag=True,
                help="Import what can be placed even when something cannot (it is listed).",
            ),
        ]
    ):
        func = option(func)
    return func


@click.group("import", context_settings={"help_option_names": ["-h", "--help"]})
def import_cli() -> None:
    """Import annotations made in Label Studio or brat into corpus/annotations/.

    Every span is re-anchored by its text; everything that cannot be placed is listed, and then
    nothing is written (exit 1) unless --allow-loss. Refuses to change done or reviewed sentences
    unless --force, and a document whose text differs from its seed. See docs/formats.md.
    """


def _report(result: FormatResult) -> None:
    from ._formats import print_problems

    print_problems(result.problems, "warning")
    changed = ", ".join(result.files) or "no file changed"
    stdout().print(
        f"Imported {result.documents} document(s) from {escape(str(result.out))}: {escape(changed)}"
    )


@import_cli.command("label-studio")
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_options
@handle_errors
def label_studio_cmd(export: Path, annotator: str | None, force: bool, allow_loss: bool) -> None:
    """Import a Label Studio JSON export (or the tasks.json claimset wrote).

    One task per document; the claims come from its annotation (else its prediction). A
    sentence whose claims changed becomes `done` by the annotator; the `doc_status` choice marks
    every sentence done or reviewed.
    """
    from ..formats.files import import_label_studio
    from ._formats import run_conversion

    project = find_project()
    with writing(project, "import"):
        result = run_conversion(
            lambda: import_label_studio(
                project, export, annotator=annotator, force=force, allow_loss=allow_loss
            )
        )
    _report(result)


@import_cli.command("brat")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_options
@handle_errors
def brat_cmd(folder: Path, annotator: str | None, force: bool, allow_loss: bool) -> None:
    """Import a folder of brat standoff files (<doc>.txt + <doc>.ann).

    Sentences, their status and annotator come from the `Sentence` entities claimset writes;
    without them, from the project's current sentences (a `todo` sentence given claims becomes
    `done` by --annotator).
    """
    from ..formats.files import import_brat
    from ._formats import run_conversion

    project = find_project()
    with writing(project, "import"):
        result = run_conversion(
            lambda: import_brat(
                project, folder, annotator=annotator, force=force, allow_loss=allow_loss
            )
        )
    _report(result)
