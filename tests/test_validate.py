"""`validate`: the sample files, the project-level checks, scope, and the CLI."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.diagnostics import Report
from claimset.project import Project
from claimset.validate import fast_path, reader, validate
from claimset.validate.checks import claims, spans
from claimset.validate.problems import ActorIndex, Problem
from claimset.validate.state import AnnotationState
from click.testing import CliRunner
from samples import DATA, INVALID, VALID, copy_fixture, expected_lines, sample_project

#: Seeds added to the fixture project (a problem of a seed, or of a document without files).
SEED_SAMPLES = sorted((DATA / "invalid").glob("*.txt"))


def lines(report: Report) -> list[str]:
    return [d.format() for d in report.diagnostics]


def test_the_fixture_project_is_valid_without_warnings(tmp_path: Path) -> None:
    report = validate(copy_fixture(tmp_path))
    assert report.valid and report.diagnostics == []
    assert (report.files, report.records) == (3, 10)


@pytest.mark.parametrize("sample", VALID, ids=lambda p: p.name)
def test_valid_samples(tmp_path: Path, sample: Path) -> None:
    report = validate(sample_project(tmp_path, sample))
    assert report.valid
    assert lines(report) == expected_lines(sample)


@pytest.mark.parametrize("sample", INVALID, ids=lambda p: p.name)
def test_invalid_samples(tmp_path: Path, sample: Path) -> None:
    report = validate(sample_project(tmp_path, sample))
    assert not report.valid
    assert lines(report) == expected_lines(sample)
    assert all(d.line >= 1 and d.column >= 1 for d in report.diagnostics)


@pytest.mark.parametrize("sample", SEED_SAMPLES, ids=lambda p: p.name)
def test_seed_samples(tmp_path: Path, sample: Path) -> None:
    project = copy_fixture(tmp_path)
    (project.seeds_dir / sample.name).write_bytes(sample.read_bytes())
    assert lines(validate(project)) == expected_lines(sample)


@pytest.mark.parametrize("sample", INVALID, ids=lambda p: p.name)
def test_the_slow_path_alone_reports_the_same(
    tmp_path: Path, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = sample_project(tmp_path, sample)
    fast = lines(validate(project))
    monkeypatch.setattr(fast_path, "pattern", lambda model: None)
    monkeypatch.setattr(fast_path, "valid_record", lambda model, raw: None)
    assert lines(validate(project)) == fast


def test_the_fast_path_takes_canonical_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_lines: list[int] = []
    original = reader.JsonlFile.slow

    def spy(self: reader.JsonlFile, lineno: int, raw: bytes) -> None:
        slow_lines.append(lineno)
        original(self, lineno, raw)

    monkeypatch.setattr(reader.JsonlFile, "slow", spy)
    assert validate(copy_fixture(tmp_path)).valid
    assert slow_lines == []


def add_document(project: Project, doc_id: str, seed: bytes, records: list[str]) -> None:
    (project.seeds_dir / f"{doc_id}.txt").write_bytes(seed)
    project.annotation_path(doc_id).write_text("".join(r + "\n" for r in records))
    record = {
        "id": doc_id,
        "title": None,
        "source": None,
        "license": None,
        "language": "en",
        "sha256": hashlib.sha256(seed).hexdigest(),
        "sentence_count": len(records),
        "split": "train",
    }
    with project.documents_path.open("a") as handle:
        handle.write(json.dumps(record) + "\n")


def test_an_empty_file_is_valid(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    add_document(project, "empty", b"", [])
    report = validate(project)
    assert report.valid and report.diagnostics == []
    assert report.files == 4


def test_an_empty_registry_is_valid_when_unused(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    project.actors_path.write_bytes(b"")
    project.annotation_path("demo").unlink()
    report = validate(project, [project.actors_path])
    assert report.valid and (report.files, report.records) == (1, 0)


def test_paths_limit_the_report_but_not_the_checks(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    actors = project.actors_path.read_text().replace('"state"', '"nation"')
    project.actors_path.write_text(actors)
    assert any(d.file == "corpus/actors.jsonl" for d in validate(project).diagnostics)
    report = validate(project, [project.annotation_path("demo")])
    assert report.valid and report.files == 1 and report.records == 4
    # The registry is still read: an unknown actor in the annotation file is still found.
    path = project.annotation_path("demo")
    path.write_text(path.read_text().replace('"ref": "japan"', '"ref": "china"'))
    report = validate(project, [path])
    assert [d.code for d in report.diagnostics] == ["unknown-actor"]


def test_a_folder_path_means_the_data_files_in_it(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    report = validate(project, [project.annotations_dir])
    assert (report.files, report.records) == (1, 4)


def test_a_path_that_is_not_a_data_file_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    (project.root / "notes.txt").write_text("x")
    monkeypatch.chdir(project.root)
    runner = CliRunner()
    for args in (["notes.txt"], ["../elsewhere"], ["corpus/annotations/nope.jsonl"]):
        result = runner.invoke(cli, ["validate", *args])
        assert result.exit_code == 2, (args, result.output)
        assert "Error:" in result.stderr and "Traceback" not in result.output


def test_a_missing_seed(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    (project.seeds_dir / "demo.txt").unlink()
    assert lines(validate(project)) == [
        "corpus/annotations/demo.jsonl:1:1: no seed seeds/demo.txt for this file: sentence "
        "offsets cannot be checked (restore the seed, or remove this file) [missing-seed]",
        "corpus/documents.jsonl:1:1: id: document 'demo' has no seed file seeds/demo.txt: "
        "restore it, or remove this record [missing-seed]",
    ]


def test_a_seed_with_a_bom_is_a_warning_and_strict_makes_it_an_error(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    seed = project.seeds_dir / "demo.txt"
    data = b"\xef\xbb\xbf" + seed.read_bytes()
    seed.write_bytes(data)
    documents = project.documents_path.read_text()
    old = json.loads(documents)["sha256"]
    project.documents_path.write_text(documents.replace(old, hashlib.sha256(data).hexdigest()))
    report = validate(project)
    assert report.valid and [(d.code, d.severity) for d in report.diagnostics] == [
        ("bom", "warning")
    ]
    strict = validate(project, strict=True)
    assert not strict.valid and [d.code for d in strict.errors] == ["bom"]


def test_a_seed_that_is_not_utf8(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    seed = project.seeds_dir / "demo.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Tokyo", b"T\xf6kyo"))
    got = {(d.file, d.line, d.column, d.code) for d in validate(project).diagnostics}
    assert ("seeds/demo.txt", 2, 49, "encoding") in got  # the byte after the T
    assert ("corpus/annotations/demo.jsonl", 1, 1, "missing-seed") in got


def test_a_seed_named_as_a_path_counts_as_a_checked_file(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    seed = project.seeds_dir / "demo.txt"
    assert (validate(project, [seed]).files, validate(project, [project.seeds_dir]).files) == (1, 1)
    seed.write_bytes(seed.read_bytes().replace(b"Tokyo", b"T\xf6kyo"))
    report = validate(project, [seed])
    assert [d.code for d in report.diagnostics] == ["encoding"]
    assert (report.files, report.records) == (1, 0)


def test_a_seed_not_split_and_an_unknown_document(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    (project.seeds_dir / "new.txt").write_text("A new essay.\n")
    documents = project.documents_path.read_text()
    project.documents_path.write_text("")
    assert lines(validate(project)) == [
        "corpus/annotations/demo.jsonl:1:1: no record for 'demo' in corpus/documents.jsonl: "
        "run `claimset split` to add it [unknown-document]",
        "seeds/new.txt:1:1: warning: this seed has no annotation file yet: run `claimset "
        "split` [not-split]",
    ]
    project.documents_path.write_text(documents)


def test_an_annotation_file_linked_to_nothing_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    path.unlink()
    path.symlink_to("../../moved/demo.jsonl")
    # Its seed is split (no "not-split" warning, which would invite a split over the link).
    assert lines(validate(project)) == [
        "corpus/annotations/demo.jsonl:1:1: a symbolic link to ../../moved/demo.jsonl, which "
        "does not exist: its sentences are not checked; restore the file it points to, or "
        "replace the link with the file [broken-link]"
    ]
    assert invoke(project, monkeypatch)[0] == 1
    # A hidden one is an editor's, like hidden files.
    path.rename(path.with_name(".demo.jsonl"))
    assert "[broken-link]" not in "\n".join(lines(validate(project)))


def test_a_changed_seed_never_split_is_reported_on_its_document_record(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    project.annotation_path("demo").unlink()
    seed = project.seeds_dir / "demo.txt"
    seed.write_text(seed.read_text("utf-8") + "More.\n", "utf-8")
    assert lines(validate(project)) == [
        "corpus/documents.jsonl:1:1: sha256: seeds/demo.txt changed since it was split: run "
        "`claimset split` [stale-seed]",
        "seeds/demo.txt:1:1: warning: this seed has no annotation file yet: run `claimset "
        "split` [not-split]",
    ]
    shutil.rmtree(project.annotations_dir)  # no folder at all: the same, no link to look for
    report = validate(project)
    assert [d.code for d in report.diagnostics] == ["stale-seed", "not-split"]
    assert (report.files, report.records) == (2, 6)


def test_a_line_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 1000)
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    records = path.read_text().splitlines()
    records.insert(1, '{"id": "' + "x" * 5000 + '"}')
    path.write_text("\n".join(records) + "\n")
    report = validate(project)
    assert [(d.line, d.code) for d in report.diagnostics] == [(2, "limit")]


def test_a_sentence_too_long_to_read_is_not_also_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Like an unparsable line, it may hold its sentence: no `order` or `sentence-count` echo.
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 1000)
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    records = path.read_text().splitlines()
    records[1] = records[1][:-1] + ', "note": "' + "x" * 5000 + '"}'
    path.write_text("\n".join(records) + "\n")
    report = validate(project)
    # Evidence on line 1 cites the unread sentence: reported, with the hint that line 2 may hold it.
    assert [(d.line, d.code) for d in report.diagnostics] == [(1, "unknown-sentence"), (2, "limit")]
    assert "have no readable id and may hold it" in report.diagnostics[0].message


def test_bad_bytes_in_a_sentence_do_not_fail_the_evidence_quoting_it(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    data = path.read_bytes().split(b"\n")
    data[1] = data[1].replace(b"did not side", b"did\xff\xfe not side", 1)  # line 1 cites it
    path.write_bytes(b"\n".join(data))
    assert lines(validate(project)) == [
        "corpus/annotations/demo.jsonl:2:80: invalid UTF-8 (byte 0xff): save the file as UTF-8 "
        "[encoding]"
    ]


def test_jobs_give_the_same_report(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    sample = next(p for p in INVALID if p.name == "quote_not_found.jsonl")
    path = project.annotation_path("demo")
    path.write_bytes(sample.read_bytes())
    add_document(project, "second", b"", [])
    one = validate(project)
    two = validate(project, jobs=2)
    assert two.to_dict() == one.to_dict() and not one.valid


# -- the CLI --------------------------------------------------------------------------------------


def invoke(project: Project, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["validate", *args])
    return result.exit_code, result.stdout


def test_cli_json_equals_the_library_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = next(p for p in INVALID if p.name == "unknown_actor.jsonl")
    project = sample_project(tmp_path, sample)
    code, out = invoke(project, monkeypatch, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data == validate(project).to_dict()
    assert set(data) == {"valid", "files", "records", "errors", "warnings"}
    assert set(data["errors"][0]) == {"file", "line", "column", "path", "code", "message"}


def test_cli_exit_codes_and_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_fixture(tmp_path)
    assert invoke(project, monkeypatch) == (0, "valid (3 files, 10 records checked)\n")
    sample = next(p for p in INVALID if p.name == "bad_enum.jsonl")
    project.annotation_path("demo").write_bytes(sample.read_bytes())
    code, out = invoke(project, monkeypatch, "corpus/annotations/demo.jsonl")
    assert code == 1
    first, snippet, caret = out.splitlines()[:3]
    assert first == expected_lines(sample)[0]
    assert snippet.strip().startswith("…") and '"type": "desir"' in snippet
    assert caret.strip() == "^" * len('"desir"')
    assert snippet.index('"desir"') == caret.index("^")
    assert out.splitlines()[-1] == "invalid: 2 errors, 0 warnings (1 file, 4 records checked)"


def test_cli_github_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = next(p for p in INVALID if p.name == "bad_enum.jsonl")
    project = sample_project(tmp_path, sample)
    code, out = invoke(project, monkeypatch, "--format", "github")
    assert code == 1
    assert out.splitlines()[0] == (
        "::error file=corpus/annotations/demo.jsonl,line=1,col=368::claims[0].expectation.type: "
        "'desir' is not allowed (did you mean 'desire'?); allowed: desire, intention, "
        "prediction, belief, demand, obligation, other [enum]"
    )


def test_cli_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = next(p for p in VALID if p.name == "unformatted.jsonl")
    project = sample_project(tmp_path, sample)
    assert invoke(project, monkeypatch)[0] == 0
    code, out = invoke(project, monkeypatch, "--strict", "--format", "json")
    assert code == 1 and json.loads(out)["warnings"] == []


def test_cli_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_fixture(tmp_path)
    assert invoke(project, monkeypatch, "--jobs", "2")[0] == 0
    assert invoke(project, monkeypatch, "--jobs", "-1")[0] == 2


def test_an_id_with_thousands_of_digits_is_reported_not_raised(tmp_path: Path) -> None:
    # int() refuses strings of more than 4300 digits: ids are bounded to 9 digits instead.
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["id"] = "demo:" + "1" * 5000
    path.write_text(json.dumps(record) + "\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    report = validate(project)
    assert any(d.line == 1 and d.path == "id" and d.code == "value" for d in report.errors)


def test_an_unknown_actor_without_a_quote_is_reported(tmp_path: Path) -> None:
    # An implicit actor's own check adds to the claim's problems, never replaces them.
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    text = path.read_text()
    assert text.count('"ref": "author", "quote": null') == 1
    path.write_text(
        text.replace('"ref": "author", "quote": null', '"ref": "nobody", "quote": null')
    )
    report = validate(project)
    assert [d.code for d in report.diagnostics] == ["unknown-actor"]


def test_evidence_misquoting_an_earlier_sentence_names_that_sentence(tmp_path: Path) -> None:
    # demo:0002 cites demo:0001, read before it: the message names the sentence quoted.
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    records[2]["claims"][0]["evidence"] = [
        {"quote": "Moscow sided with Seoul", "sentence": "demo:0001", "type": "event"}
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    report = validate(project)
    assert [d.code for d in report.diagnostics] == ["quote-not-found"]
    assert "not found in sentence demo:0001" in report.diagnostics[0].message
    assert report.diagnostics[0].line == 3


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        # Its own sentence named: quoted from the sentence itself, told as "the sentence".
        (
            "demo:0000",
            "Seoul fears",
            ["quote-not-found: quote 'Seoul fears' not found in the sentence;"],
        ),
        # Not a sentence id: only the field's own problem, no lookup of a sentence.
        ("not an id", "Moscow", ["value: 'not an id' is not a sentence id"]),
        (5, "Moscow", ["type: expected a sentence id"]),
    ],
)
def test_evidence_citing_its_own_sentence_or_no_sentence_id(
    tmp_path: Path, sentence: object, quote: str, expected: list[str]
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    records[0]["claims"][0]["evidence"] = [{"quote": quote, "sentence": sentence, "type": "event"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    report = validate(project)
    got = [f"{d.code}: {d.message}" for d in report.diagnostics]
    assert len(got) == len(expected)
    assert all(g.startswith(e) for g, e in zip(got, expected, strict=True)), got


WARS = "war and war and war"  # "war" at 0, 8 and 16


@pytest.mark.parametrize(
    ("item", "text", "sentence", "message"),
    [
        # The nearest occurrence by its start (13 is nearer 16 than 8, though 11 ends nearer).
        (
            {"quote": "war", "start": 13, "end": 15},
            WARS,
            None,
            "offsets 13..15 hold 'nd', not the quote, which is at 16..19: run `claimset fmt` "
            "to re-anchor",
        ),
        (
            {"quote": "war", "start": 0, "end": 2},
            WARS,
            None,
            "offsets 0..2 hold 'wa', not the quote, which is at 0..3: run `claimset fmt` "
            "to re-anchor",
        ),
        (
            {"quote": "war", "occurrence": 4},
            WARS,
            "s:0001",
            "there is no occurrence 4: the quote occurs 3 times as a word in sentence s:0001: "
            "1) '[war] and war and war' (start 0), 2) 'war and [war] and war' (start 8), "
            "3) 'war and war and [war]' (start 16)",
        ),
        (
            {"quote": "ar", "occurrence": 4},
            WARS,
            None,
            "there is no occurrence 4: the quote occurs 3 times in the sentence: "
            "1) 'w[ar] and war and war' (start 1), 2) 'war and w[ar] and war' (start 9), "
            "3) '…and war and w[ar]' (start 17)",
        ),
        (
            {"quote": "and", "occurrence": 2},
            "war and peace",
            None,
            "there is no occurrence 2: the quote occurs 1 time as a word in the sentence: "
            "1) 'war [and] peace' (start 4)",
        ),
        (
            {"quote": "and peace", "start": 4, "end": 13},
            "war and\u00a0peace",
            None,
            "the quote differs from the text at 4..13 in whitespace (the text has a "
            "non-breaking space): `claimset fmt` rewrites it to 'and\\xa0peace'",
        ),
        (
            {"quote": "and", "occurrence": 3},
            "war and peace and war",
            None,
            "there is no occurrence 3: the quote occurs 2 times as a word in the sentence: "
            "1) 'war [and] peace and war' (start 4), 2) 'war and peace [and] war' (start 14)",
        ),
        # Only the first 20 starts are listed.
        (
            {"quote": "x", "start": 1},
            " ".join(["x"] * 25),
            None,
            "no occurrence of the quote has start 1; it starts at "
            + ", ".join(str(n) for n in range(0, 40, 2)),
        ),
    ],
)
def test_span_messages_name_what_was_found(
    item: dict[str, object], text: str, sentence: str | None, message: str
) -> None:
    (problem,) = spans.span(item, ("claims", 0, "expectation"), text, sentence)
    assert problem.message == message


# The claims' checks, called in-process: each problem asserted whole (path, code, message,
# severity, where it points), so a mutated message or path fails.
CLAIM = ("claims", 2)


def test_claim_id_missing_null_other_types_repeated_and_new() -> None:
    seen: dict[str, int] = {"c1": 0}
    missing = "claim without an id: `claimset fmt` assigns the next free c<n>"
    assert claims.claim_id({}, CLAIM, 2, seen) == [
        Problem(("claims", 2, "id"), "missing-id", missing, "warning", "object")
    ]
    assert claims.claim_id({"id": None}, CLAIM, 2, seen) == [
        Problem(("claims", 2, "id"), "missing-id", missing, "warning", "value")
    ]
    assert claims.claim_id({"id": 5}, CLAIM, 2, seen) == []
    assert claims.claim_id({"id": "c1"}, CLAIM, 2, seen) == [
        Problem(
            ("claims", 2, "id"),
            "duplicate-id",
            "claim id 'c1' is also claims[0]'s: ids are unique within a sentence (rename one, "
            "or remove it and run `claimset fmt`)",
            "error",
            "value",
        )
    ]
    assert seen == {"c1": 0}  # the first claim with the id stays the one named
    assert claims.claim_id({"id": "c2"}, CLAIM, 3, seen) == []
    assert seen == {"c1": 0, "c2": 3}


def test_actor_ref_unknown_known_and_malformed() -> None:
    actors = ActorIndex()
    actors.add({"id": "russia", "name": "Russia", "aliases": ["Moscow"]})
    path = ("claims", 0, "actor", "ref")
    assert claims.actor_ref(actors, "russia", path) == []
    assert claims.actor_ref(actors, 5, path) == []
    assert claims.actor_ref(actors, "Not an id", path) == []  # a `value` problem instead
    message = (
        "unknown actor 'moscow' (did you mean 'russia'?): actors are listed in "
        "corpus/actors.jsonl (fix the ref, or add the actor there)"
    )
    assert claims.actor_ref(actors, "moscow", path) == [
        Problem(path, "unknown-actor", message, "error", "value")
    ]


@pytest.mark.parametrize(
    ("actor", "reported"),
    [
        ({"ref": "author", "quote": None}, False),
        ({"ref": "author", "quote": None, "start": None, "end": None}, False),
        ({"ref": "author", "quote": None, "start": 3, "end": None}, True),
        ({"ref": "author", "quote": None, "start": None, "end": 4}, True),
        ({"ref": "author", "quote": None, "end": 0}, True),
    ],
)
def test_implicit_actor_with_offsets(actor: dict[str, object], reported: bool) -> None:
    message = (
        "offsets without a quote: give the quote, or set start and end to null for an "
        "implicit actor"
    )
    expected = [Problem(("claims", 2, "actor", "start"), "offset-mismatch", message)]
    assert claims.implicit_actor(actor, CLAIM) == (expected if reported else [])


def _state() -> AnnotationState:
    state = AnnotationState("demo", None, set())
    state.ids = {"demo:0001": 1, "demo:0004": 2}
    state.texts = {"demo:0001": "One.", "demo:0004": "Four."}
    return state


def test_evidence_from_another_document_names_both() -> None:
    path = ("claims", 0, "evidence", 1)
    assert claims.evidence_from_other_document(_state(), "demo:0007", path) == []
    message = (
        "sentence 'demo2:0001' is in another document: evidence comes from the claim's own "
        "document (demo)"
    )
    assert claims.evidence_from_other_document(_state(), "demo2:0001", path) == [
        Problem((*path, "sentence"), "unknown-sentence", message)
    ]


def test_evidence_of_a_sentence_not_in_the_file_lists_the_ids_there() -> None:
    path = ("claims", 0, "evidence", 1)
    where = (*path, "sentence")
    state = _state()
    assert claims.evidence_exists(state, "demo:0004", path) == []
    state.unreadable_ids.add("demo:0009")
    assert claims.evidence_exists(state, "demo:0009", path) == []
    assert claims.evidence_exists(state, "demo:0002", path) == [
        Problem(
            where,
            "unknown-sentence",
            "no sentence 'demo:0002' in this document (demo:0001..demo:0004)",
        )
    ]
    state.anonymous = 2
    assert claims.evidence_exists(state, "demo:0002", path) == [
        Problem(
            where,
            "unknown-sentence",
            "no sentence 'demo:0002' in this document (demo:0001..demo:0004); 2 line(s) of this "
            "file have no readable id and may hold it",
        )
    ]
    empty = AnnotationState("demo", None, set())
    assert claims.evidence_exists(empty, "demo:0002", path) == [
        Problem(where, "unknown-sentence", "no sentence 'demo:0002' in this document")
    ]


TWO = "war and war"  # "war" at 0 and 8
_QUOTE, _OCC = ("claims", 0, "expectation", "quote"), ("claims", 0, "expectation", "occurrence")


@pytest.mark.parametrize(
    ("item", "sentence", "expected"),
    [
        # Nothing to say: exact, or a problem another check reports (types, values).
        ({"quote": "war", "start": 0, "end": 3}, None, []),
        ({"quote": 5}, None, []),
        ({"quote": "war", "start": "0", "end": 3}, None, []),
        ({"quote": "war", "start": 0, "end": "3"}, None, []),
        ({"quote": "war", "start": True, "end": 3}, None, []),
        ({"quote": "war", "occurrence": 0}, None, []),
        ({"quote": "war", "occurrence": "1"}, None, []),
        ({"quote": "war", "occurrence": 2, "start": 8, "end": 11}, None, []),
        ({"quote": "war", "occurrence": 1, "start": 0, "end": 3}, None, []),
        ({"quote": ""}, None, []),  # empty: a `value` problem of the model
        ({"quote": "  "}, None, [Problem(_QUOTE, "value", "the quote is blank")]),
        (
            {"quote": "love"},
            "s:0001",
            [Problem(_QUOTE, "quote-not-found", "quote 'love' not found in sentence s:0001")],
        ),
        (
            {"quote": "love", "start": 0, "end": 3},
            None,
            [Problem(_QUOTE, "quote-not-found", "quote 'love' not found in the sentence")],
        ),
        (
            {"quote": "war", "start": None, "end": None},
            None,
            [
                Problem(
                    _QUOTE,
                    "quote-ambiguous",
                    "the quote occurs 2 times as a word in the sentence: 1) '[war] and war' "
                    "(start 0), 2) 'war and [war]' (start 8): add \"occurrence\": 1 or 2 (or "
                    '"start"), or quote more words',
                )
            ],
        ),
        (
            {"quote": "and"},
            None,
            [
                Problem(
                    _QUOTE,
                    "unanchored",
                    "the quote has no offsets: run `claimset fmt` to fill start and end",
                    "warning",
                )
            ],
        ),
        (
            {"quote": "and war"},
            "s:0001",
            [
                Problem(
                    _QUOTE,
                    "unanchored",
                    "the quote has no offsets: run `claimset fmt` to fill start and end",
                    "warning",
                )
            ],
        ),
        (
            {"quote": "nd"},
            None,
            [
                Problem(
                    _QUOTE,
                    "unanchored",
                    "the quote has no offsets: run `claimset fmt` to fill start and end (it "
                    "occurs only inside the word 'and': check it)",
                    "warning",
                )
            ],
        ),
        (
            {"quote": "war", "occurrence": 2},
            None,
            [
                Problem(
                    _OCC,
                    "unanchored",
                    "occurrence 2 of the quote is at 8..11: run `claimset fmt` to write its "
                    "start and end",
                    "warning",
                )
            ],
        ),
        (
            {"quote": "war", "occurrence": 2, "start": 0, "end": 3},
            None,
            [
                Problem(
                    _OCC,
                    "unanchored",
                    "occurrence 2 of the quote is at 8..11: run `claimset fmt` to write its "
                    "start and end",
                    "warning",
                )
            ],
        ),
        (
            {"quote": "war", "start": 8},
            None,
            [
                Problem(
                    ("claims", 0, "expectation"),
                    "unanchored",
                    "the span is not fully anchored: run `claimset fmt` to fill start and end",
                    "warning",
                )
            ],
        ),
        (
            {"quote": "war", "end": 11},
            None,
            [
                Problem(
                    ("claims", 0, "expectation"),
                    "unanchored",
                    "the span is not fully anchored: run `claimset fmt` to fill start and end",
                    "warning",
                )
            ],
        ),
        (
            {"quote": "war", "end": 10},
            None,
            [
                Problem(
                    ("claims", 0, "expectation", "end"),
                    "offset-mismatch",
                    "no occurrence of the quote has end 10; it ends at 3, 11",
                )
            ],
        ),
    ],
)
def test_span_reports_each_case_whole(
    item: dict[str, object], sentence: str | None, expected: list[Problem]
) -> None:
    assert spans.span(item, ("claims", 0, "expectation"), TWO, sentence) == expected
