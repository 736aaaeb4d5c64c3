"""No traceback on any input: every command over a hostile corpus exits 0, 1 or 2 with a located
diagnostic, and prints no control character raw."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.safetext import escape_controls, has_controls
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import FIXTURE

ANNOTATIONS = "corpus/annotations/demo.jsonl"


def _replace(old: str, new: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / ANNOTATIONS
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def _line(content: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / ANNOTATIONS
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join([content, *lines[1:]]) + "\n", encoding="utf-8")

    return mutate


def _file(rel: str, data: bytes) -> Callable[[Path], None]:
    return lambda root: (root / rel).write_bytes(data)


#: The findings of the attack, one project each.
CASES: dict[str, Callable[[Path], None]] = {
    "integer-of-5000-digits": _replace('"start": 0', '"start": 1' + "0" * 5000),
    "nested-100000-deep": _line("[" * 100_000 + "]" * 100_000),
    "nested-deep-in-a-record": _replace(
        '"claims": [', '"claims": [' + "[" * 50_000 + "]" * 50_000 + ", "
    ),
    "start-1e400": _replace('"start": 0', '"start": 1e400'),
    "lone-surrogate-annotator": _replace('"annotator": "ann1"', '"annotator": "\\ud800"'),
    "terminal-escapes": _replace(
        '"annotator": "ann1"',
        '"annotator": "\\u001b]0;pwned\\u0007\\u001b[2J\\u001b]8;;http://x\\u001b\\\\link\\u202e"',
    ),
    "seed-named-evil-newline": _file("seeds/evil\n.txt", b"An essay. It has two sentences.\n"),
    "seed-of-nul-bytes": _file("seeds/nul.txt", b"\0" * 100_000),
    "file-name-with-escape": _file("corpus/annotations/x\x1b[2J.jsonl", b"{}\n"),
    "invalid-utf8": _file(ANNOTATIONS, b'{"id": "demo:0000", "text": "\xff"}\n'),
    "line-of-2-mib": _line('{"id": "demo:0000", "text": "' + "a" * (2 << 20) + '"}'),
    "not-an-object": _line("[1, 2, 3]"),
    "empty-object": _line("{}"),
}

#: Every command, as a user would type it (paths relative to the project root).
COMMANDS = [
    ["split"],
    ["fmt", "--check"],
    ["fmt", "--diff"],
    ["fmt"],
    ["validate"],
    ["validate", "--format", "json"],
    ["validate", "--format", "github"],
    ["stats"],
    ["stats", "--format", "json"],
    ["show"],
    ["draft"],
    ["eval", "corpus/annotations", "corpus/annotations"],
    ["agree", "corpus/annotations", "corpus/annotations"],
    ["merge", ANNOTATIONS, ANNOTATIONS, ANNOTATIONS],
    ["schema", "--check"],
    ["export", "--out", "dist/x"],
    ["export", "--format", "label-studio", "--out", "dist/ls"],
    ["export", "--format", "brat", "--out", "dist/brat"],
    ["render", "--out", "dist/report"],
    ["edit", "demo:0"],
    ["build", "--out", "dist/y"],
    ["draft-corpus", "seeds", "dist/rows"],
    ["draft-corpus", ANNOTATIONS, "dist/rows-jsonl"],
]


def project_with(tmp_path: Path, mutate: Callable[[Path], None]) -> Path:
    root = tmp_path / "proj"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(FIXTURE, root)
    (root / "schema").mkdir(exist_ok=True)
    mutate(root)
    return root


def run_safely(root: Path, args: list[str]) -> tuple[int, str]:
    """Run a command in `root`; fail on a traceback, a bad exit code or a raw control char."""
    os.chdir(root)
    # `edit` opens $EDITOR: `true` saves nothing, which is what a user closing it does.
    result = CliRunner().invoke(cli, args, env={"EDITOR": "true", "VISUAL": "true"})
    output = result.stdout + result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, output[-2000:])
    assert "Traceback" not in output, (args, output[-2000:])
    assert not has_controls(output.replace("\x1b[0m", "")), (args, escape_controls(output[:2000]))
    return result.exit_code, output


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_command_survives_each_finding(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for args in COMMANDS:
        root = project_with(tmp_path, CASES[case])
        code, output = run_safely(root, args)
        if code != 0 and args[0] not in ("schema", "agree", "eval", "merge", "edit"):
            # Located: the message names a file of the project.
            assert "corpus/" in output or "seeds/" in output or "dist/" in output, (args, output)


def test_a_seed_of_nul_bytes_is_refused_not_exported(tmp_path: Path) -> None:
    root = project_with(tmp_path, CASES["seed-of-nul-bytes"])
    code, output = run_safely(root, ["build"])
    assert code == 1 and "seeds/nul.txt" in output and "NUL byte" in output
    assert not (root / ANNOTATIONS.replace("demo", "nul")).exists()


def test_a_2_mib_line_is_refused_by_every_reader_in_bounded_time(tmp_path: Path) -> None:
    root = project_with(tmp_path, CASES["line-of-2-mib"])
    for args, expected in (
        (["fmt", "--check"], "longer than 1048576 bytes"),
        (["validate"], "longer than 1048576 bytes"),
        (["show"], "longer than 1048576 bytes"),
        (["stats"], ""),
        (["draft"], "longer than 1048576 bytes"),
    ):
        _, output = run_safely(root, args)
        assert expected in output, (args, output)


def test_split_never_writes_a_line_validate_refuses(tmp_path: Path) -> None:
    """`build` must not produce what its own `validate` rejects."""
    root = project_with(tmp_path, _file("seeds/huge.txt", ("word " * 250_000).encode()))
    code, output = run_safely(root, ["split"])
    assert code == 1 and "over the limit" in output and "huge" in output
    assert not (root / "corpus/annotations/huge.jsonl").exists()


def test_output_that_cannot_be_encoded_is_escaped(tmp_path: Path) -> None:
    """A lone surrogate, or a terminal that only knows ASCII: an escape, not a traceback."""
    root = project_with(tmp_path, CASES["lone-surrogate-annotator"])
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LANG": "C"}
    for args in (["show"], ["validate"], ["stats"]):
        proc = subprocess.run(
            [sys.executable, "-m", "claimset", *args],
            cwd=root,
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert proc.returncode in (0, 1), proc.stderr
        assert b"Traceback" not in proc.stderr


def test_an_nfd_quote_gets_a_normalization_hint(tmp_path: Path) -> None:
    nfc = "Korea pursues a policy toward Kor\u00e9a."
    record = {
        "id": "demo:0000",
        "doc": "demo",
        "start": 0,
        "end": len(nfc),
        "text": nfc,
        "status": "todo",
        "claims": [
            {
                "actor": {"ref": "author", "quote": None},
                "expectation": {
                    "quote": unicodedata.normalize("NFD", "Kor\u00e9a."),
                    "type": "belief",
                    "target": "russia",
                },
                "hedge": {"certainty": "certain", "cues": []},
            }
        ],
    }
    root = project_with(tmp_path, _line(json.dumps(record)))
    _, output = run_safely(root, ["validate"])
    assert "Unicode normalization" in output and "NFD" in output, output
    _, output = run_safely(root, ["fmt"])
    assert "Unicode normalization" in output, output


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
FIELDS = ["id", "doc", "start", "end", "text", "status", "annotator", "claims"]


@st.composite
def hostile_line(draw: st.DrawFn) -> str:
    """A line: random JSON, a record with random fields, or random text."""
    kind = draw(st.sampled_from(["value", "record", "text"]))
    if kind == "value":
        return json.dumps(draw(JSON_VALUES), ensure_ascii=draw(st.booleans()))
    if kind == "record":
        keys = draw(st.lists(st.sampled_from(FIELDS), unique=True))
        return json.dumps({k: draw(JSON_VALUES) for k in keys})
    return draw(st.text(max_size=40))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(line=hostile_line())
def test_no_command_raises_on_any_line(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["fmt", "--diff"], ["validate"], ["stats"], ["show"], ["draft"], ["fmt"]):
        run_safely(project_with(tmp_path, _line(line)), args)


def test_the_hostile_corpus_runs_every_command() -> None:
    """A new command joins the list above (init and import take other inputs than a project)."""
    fuzzed = {args[0] for args in COMMANDS}
    assert fuzzed | {"init", "import"} == set(cli.commands)  # type: ignore[attr-defined]
