"""`claimset edit`: one sentence record in $EDITOR as YAML, checked before it is written back."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import click
from rich.markup import escape

from ..errors import ClaimsetError
from ._shared import EXIT_INVALID, find_project, handle_errors, stderr, writing


@click.command("edit")
@click.argument("target")
@handle_errors
def edit_cli(target: str) -> None:
    """Edit one sentence record in $EDITOR as YAML, checked before it is written back.

    TARGET is DOC:N, the sentence at position N of a document counting from 0 in document order
    (`essay:3`: one to three digits), or a sentence id (`essay:0003`: four digits or more,
    zero-padded), which stays with its sentence when the seed changes. The record opens as
    YAML with the sentence text as a comment on top. On save its quotes are anchored and it is
    checked as `validate` would; if there is a problem, the editor opens again with the
    problems listed on top, until the record is valid (then its one line is replaced
    atomically) or you quit without saving (then nothing is written; exit 1). Uses $VISUAL or
    $EDITOR (else sensible-editor, vim, nano or vi).
    """
    from ..edit import open_session

    project = find_project()
    session = open_session(project, target)
    err = stderr()
    handle, name = tempfile.mkstemp(prefix=f"claimset-edit-{session.path.stem}-", suffix=".yaml")
    os.close(handle)
    path = Path(name)
    document = original = session.document()
    problems: list[str] = []

    def give_up(why: str, code: int = EXIT_INVALID) -> NoReturn:
        """Stop (exit 1) without losing the user's YAML: kept, and its path said, when it holds
        anything the user typed; else removed."""
        typed = path.exists() and path.read_text(encoding="utf-8") != original
        if typed:
            why += f"; your version is kept in {path}"
        else:
            path.unlink(missing_ok=True)
        err.print(f"[bold red]Error:[/] {escape(why)}")
        sys.exit(code)

    while True:
        path.write_text(document, encoding="utf-8")
        try:
            click.edit(filename=str(path))  # $VISUAL, $EDITOR, else the system's editor
        except click.ClickException as exc:  # the editor is missing, or exited with an error
            give_up(f"the editor failed ({exc.format_message()}); nothing was written")
        edited = path.read_text(encoding="utf-8")
        if edited == document:  # quit without saving (or saved it unchanged)
            if problems:
                err.print(
                    f"[red]not saved:[/] {escape(session.rel)}:{session.lineno} is unchanged; "
                    f"your last version is kept in {escape(str(path))}"
                )
                sys.exit(EXIT_INVALID)
            path.unlink()
            err.print(f"{escape(session.rel)}:{session.lineno}: no change")
            return
        record, problems = session.apply(edited)
        if record is None:
            document = session.document(problems, edited)
            continue
        try:
            with writing(project, "edit"):
                changed = session.save(record)
        except ClaimsetError as exc:  # the line changed on disk meanwhile, or the lock is held
            give_up(str(exc), exc.exit_code)
        path.unlink()
        verb = "saved" if changed else "no change to"
        err.print(f"{verb} {escape(session.rel)}:{session.lineno} ({escape(str(record['id']))})")
        return
