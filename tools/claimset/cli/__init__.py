"""The command-line interface: a thin click layer over the library functions.

One module per command (`split.py`, `validate.py`, ...), each a click command that parses its
arguments, calls one library function that never prints or exits (`split_cli` wraps
`claimset.split.split`), and hands the result to the module's renderer (`render_split`). What
the commands share (exit codes, consoles, the error handler, common options) is in `_shared.py`.
Heavy modules (datasets, pyarrow) are imported inside the commands that need them, so that
`claimset --help` stays instant.
"""

from __future__ import annotations

import click

from .. import __version__
from .agree import agree_cli
from .build import build_cli
from .draft import draft_cli
from .draft_corpus import draft_corpus_cli
from .edit import edit_cli
from .eval import eval_cli
from .export import export_cli
from .fmt import fmt_cli
from .import_ import import_cli
from .init import init_cli
from .merge import merge_cli
from .render import render_cli
from .schema import schema_cli
from .show import show_cli
from .split import split_cli
from .stats import stats_cli
from .validate import validate_cli

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="claimset")
def cli() -> None:
    """Build, validate and export annotated corpora of claims from argumentative essays.

    Run the commands from the root of a claimset project (or any folder inside it).
    Exit codes: 0 success, 1 invalid data or refused to protect data, 2 usage error.
    """


#: Every command, each added to the `cli` group (`claimset --help` lists them by name).
COMMANDS = (
    split_cli,
    init_cli,
    schema_cli,
    stats_cli,
    build_cli,
    export_cli,
    validate_cli,
    fmt_cli,
    draft_cli,
    draft_corpus_cli,
    eval_cli,
    show_cli,
    edit_cli,
    merge_cli,
    agree_cli,
    import_cli,
    render_cli,
)
for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    import io
    import sys

    # A terminal or pipe that cannot encode a character (LANG=C) gets an escape, not a crash.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    cli(prog_name="claimset")
