"""Exceptions raised by the library. The CLI turns each into a one-line message and exit code."""

from __future__ import annotations


class ClaimsetError(Exception):
    "Base class: an operation could not be done; the message says why and how to fix it."

    exit_code = 1


class UsageError(ClaimsetError):
    """The command was called wrongly (a path that does not exist or lies outside the project);
    `file` is the path it concerns as shown, when there is one (for `validate`'s reports)."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None) -> None:
        super().__init__(message)
        self.file = file


class ProjectNotFound(UsageError):
    "No claimset project (a folder with corpus/) at or above the working directory."


class OutsideProject(UsageError):
    "A path lies outside the project root; `file` is the path as shown, when known."


class InvalidDocumentId(ClaimsetError):
    "A seed's file stem is not a valid document id."


class SeedDecodeError(ClaimsetError):
    "A seed file is not valid UTF-8."


class InvalidLine(ClaimsetError):
    "A JSONL line could not be parsed; carries the file, line and column."

    def __init__(self, message: str, *, file: str, line: int, column: int = 1) -> None:
        super().__init__(f"{file}:{line}:{column}: {message}")
        self.file = file
        self.line = line
        self.column = column
        self.reason = message


class DataProtected(ClaimsetError):
    "The operation would lose human annotations, so it was refused and nothing changed."


class ChangedOnDisk(DataProtected):
    "A file changed on disk after a command read it (an editor saved it): it is not overwritten."


class ProjectLocked(DataProtected):
    "Another claimset command is writing this project (it holds the project's lock)."


class InvalidCorpus(ClaimsetError):
    "The corpus has validation errors; carries the report."

    def __init__(self, message: str, report: object = None) -> None:
        super().__init__(message)
        self.report = report


class ClaimsetWarning(UserWarning):
    "A warning issued by claimset itself (the test-suite turns these into errors)."
