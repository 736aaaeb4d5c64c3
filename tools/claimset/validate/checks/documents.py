"""Documents: each has a readable seed, a record in documents.jsonl and an annotation file that
agree (same sha256, same sentence count), and a name that is a document id.

Problems of a whole file are reported at its line 1.
"""

from __future__ import annotations

from ...diagnostics import Diagnostic
from ...jsonio import byte_position
from ...vocabulary import DOC_ID_PATTERN
from ..problems import DOC_ID, PATTERN_NAMES
from ..registry import check


@check("seed-utf8", {"encoding": "error"})
def seed_encoding(seed_rel: str, data: bytes, index: int) -> list[Diagnostic]:
    """A seed is valid UTF-8 text: `index` is the first byte that is not (a NUL byte is)."""
    line, column = byte_position(data, index)
    message = f"invalid UTF-8 at byte {index}: save the seed as UTF-8"
    if data[index : index + 1] == b"\0":  # valid UTF-8, but no essay holds a NUL character
        message = f"a NUL byte at byte {index}: not a text file; save the essay as UTF-8 text"
    return [Diagnostic(seed_rel, line, column, "", "encoding", message)]


@check("seed-byte-order-mark", {"bom": "warning"})
def seed_bom(seed_rel: str) -> list[Diagnostic]:
    """A seed has no byte order mark (offsets ignore it: a warning)."""
    message = (
        "byte order mark at the start of the seed: it is not part of the text "
        "(offsets ignore it); save the seed without BOM"
    )
    return [Diagnostic(seed_rel, 1, 1, "", "bom", message, "warning")]


@check("document-name", {"value": "error"})
def document_name(rel: str, doc_id: str) -> list[Diagnostic]:
    """A seed's or an annotation file's name is a valid document id."""
    if DOC_ID.fullmatch(doc_id):  # `$` alone accepts a final newline
        return []
    message = f"{doc_id!r} is not {PATTERN_NAMES[DOC_ID_PATTERN]}: rename the file"
    return [Diagnostic(rel, 1, 1, "", "value", message)]


@check("annotation-link", {"broken-link": "error"})
def broken_link(rel: str, target: str) -> list[Diagnostic]:
    """An annotation file that is a symbolic link leads to a file (else its records are lost)."""
    message = (
        f"a symbolic link to {target}, which does not exist: its sentences are not checked; "
        "restore the file it points to, or replace the link with the file"
    )
    return [Diagnostic(rel, 1, 1, "", "broken-link", message)]


@check("split", {"not-split": "warning"})
def not_split(seed_rel: str) -> list[Diagnostic]:
    """Every seed has an annotation file."""
    message = "this seed has no annotation file yet: run `claimset split`"
    return [Diagnostic(seed_rel, 1, 1, "", "not-split", message, "warning")]


@check("record-seed", {"missing-seed": "error"})
def record_without_seed(
    documents_rel: str, line: int, doc_id: str, seed_rel: str
) -> list[Diagnostic]:
    """A document listed in documents.jsonl has a seed."""
    message = f"document {doc_id!r} has no seed file {seed_rel}: restore it, or remove this record"
    return [Diagnostic(documents_rel, line, 1, "id", "missing-seed", message)]


@check("annotation-seed", {"missing-seed": "error"})
def annotation_without_seed(rel: str, seed_rel: str, unreadable: str) -> list[Diagnostic]:
    """An annotation file has a readable seed, to check its offsets against."""
    if unreadable:
        message = f"{unreadable}: sentence offsets are not checked"
    else:
        message = (
            f"no seed {seed_rel} for this file: sentence offsets cannot be checked (restore "
            "the seed, or remove this file)"
        )
    return [Diagnostic(rel, 1, 1, "", "missing-seed", message)]


@check("stale-record", {"stale-seed": "error"})
def stale_record(documents_rel: str, line: int, seed_rel: str) -> list[Diagnostic]:
    """The seed's sha256 is the one documents.jsonl recorded (seen from documents.jsonl)."""
    message = f"{seed_rel} changed since it was split: run `claimset split`"
    return [Diagnostic(documents_rel, line, 1, "sha256", "stale-seed", message)]


@check("stale-seed", {"stale-seed": "error"})
def stale_seed(
    rel: str, seed_rel: str, seed_sha: str, documents_rel: str, line: int, recorded: object
) -> list[Diagnostic]:
    """The seed's sha256 is the one documents.jsonl recorded (seen from the annotation file)."""
    message = (
        f"{seed_rel} changed since it was split (its sha256 is {seed_sha[:12]}…, "
        f"{documents_rel} line {line} has {str(recorded)[:12]}…): run "
        "`claimset split`; offsets below may point at the old text"
    )
    return [Diagnostic(rel, 1, 1, "", "stale-seed", message)]


@check("document-record", {"unknown-document": "error"})
def unknown_document(rel: str, doc_id: str, documents_rel: str) -> list[Diagnostic]:
    """An annotation file's document has a record in documents.jsonl."""
    message = f"no record for {doc_id!r} in {documents_rel}: run `claimset split` to add it"
    return [Diagnostic(rel, 1, 1, "", "unknown-document", message)]


@check("sentence-count", {"sentence-count": "error"})
def sentence_count(
    rel: str, sentences: int, documents_rel: str, line: int, counted: int
) -> list[Diagnostic]:
    """An annotation file holds as many sentences as documents.jsonl counts."""
    if counted == sentences:
        return []
    message = (
        f"{sentences} sentence records, but {documents_rel} line {line} counts {counted}: "
        "lines were deleted or added by hand; `claimset split` brings deleted sentences back "
        "as todo and sets the count (or restore the file from git)"
    )
    return [Diagnostic(rel, 1, 1, "", "sentence-count", message)]
