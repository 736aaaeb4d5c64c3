"""Run mutmut on one claimset module with the tests that guard it, and print its score.

Usage: `python tests/mutation.py MODULE [MUTANT...]` (what `make mutation MODULE=fmt` runs).
MODULE is a path under `tools/claimset` without `.py`: `fmt`, or a module of a package such as
`validate/fast_path` (its mutants are then named `claimset.validate.fast_path.…`).

mutmut imports the code it mutates from `src/` or the project root, while claimset lives in
`tools/claimset`; so each module gets a small work folder, `.mutation/<module>/`, with a copy of
the package in `src/` and of the tests and the data they read. mutmut copies that into
`mutants/` (the suite's conftest then imports the mutated copy, in subprocesses too) and keeps
its results there, so a second run only retests what changed. One worker: the machine is shared.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The tests of the validator's checks: the golden samples, both paths, the fuzzer.
VALIDATE = [
    "tests/test_validate.py",
    "tests/test_fastcheck.py",
    "tests/test_validate_fuzz.py",
    "tests/test_json_errors.py",
    "tests/test_validate_structure.py",
    "tests/test_validate_checks.py",
    "tests/test_validate_reading.py",
    "tests/test_validate_words.py",
]
#: The validator's own modules (its checks are in CHECKS).
VALIDATOR = ["files", "lines", "positions", "problems", "reader", "runner", "state"]
CHECKS = [
    "claims", "conflicts", "documents", "ids", "markers", "offsets",
    "orphans", "registries", "spans", "status", "structure", "syntax",
]  # fmt: skip
#: The tests of the export: its folder, its failure paths, the dataset and its card.
EXPORT = [
    "tests/test_export_tables.py",
    "tests/test_export_validation.py",
    "tests/test_export_failures.py",
    "tests/test_hostile_export.py",
    "tests/test_export.py",
    "tests/test_card.py",
]

#: The tests of the drafter's claim assembly: rules told apart sentence by sentence, evidence
#: links, real-text constructions, and the quality floors on every annotated test essay.
DRAFT = [
    "tests/test_draft_candidate.py",
    "tests/test_draft_claims.py",
    "tests/test_draft_document.py",
    "tests/test_draft.py",
    "tests/test_draft_evidence.py",
    "tests/test_draft_real_text.py",
    "tests/test_draft_rules.py",
    "tests/test_draft_sentence.py",
    "tests/test_draft_floors.py",
]

#: The test files that guard each module (and only them run, for speed).
TESTS: dict[str, list[str]] = {
    # The tests that reach atomic in the pytest process. tests/test_atomic_writes.py and
    # tests/test_hostile_concurrency.py check it in the claimset processes they start (which
    # mutmut cannot attribute) and cost minutes per mutant: their bugs are planted by hand.
    "atomic": ["tests/test_atomic.py", "tests/test_atomic_steps.py", "tests/test_jsonio.py"],
    "jsonio": [
        "tests/test_jsonio.py",
        "tests/test_jsonio_limits.py",
        "tests/test_fmt.py",
        "tests/test_split_command.py",
    ],
    "anchor": ["tests/test_anchor.py", "tests/test_anchor_edges.py", "tests/test_fmt.py"],
    "fmt": [
        "tests/test_fmt.py",
        "tests/test_fmt_files.py",
        "tests/test_fmt_records.py",
        "tests/test_fmt_text.py",
    ],
    "fmt_stream": [
        "tests/test_fmt_stream.py",
        "tests/test_fmt.py",
        "tests/test_fmt_files.py",
        "tests/test_fmt_records.py",
    ],
    "fmt_record": [
        "tests/test_fmt_records.py",
        "tests/test_fmt.py",
        "tests/test_quotes.py",
        "tests/test_anchor_edges.py",
    ],
    "split": ["tests/test_split_command.py", "tests/test_split_bookkeeping.py"],
    "evaluate": [
        "tests/test_evaluate.py",
        "tests/test_eval_pairing.py",
        "tests/test_eval_errors.py",
    ],
    "eval_errors": [
        "tests/test_eval_errors.py",
        "tests/test_evaluate.py",
        "tests/test_eval_pairing.py",
    ],
    "build": ["tests/test_build_steps.py"],
    # The generated canonical-JSON encoder `fmt` writes with: its own tests, which generate the
    # encoders anew for each test (the ones that reach it through `fmt` use the cached ones).
    "encode": ["tests/test_encode.py"],
    # The canonical form `fmt` writes: the generated functions against the field-by-field
    # definition, and the encoder, written apart from it, against both.
    "canonical": ["tests/test_canonical.py", "tests/test_encode.py"],
    # Modules of packages: the key is the path under tools/claimset, without `.py`.
    "validate/fast_path": [
        "tests/test_fastcheck.py",
        "tests/test_fastcheck_typed.py",
        "tests/test_validate.py",
    ],
    # The fast path's patterns and checkers, derived from the models: every shape on small
    # models, and `patterns.py` and `checkers.py` held to what the project's models give.
    "validate/derive": [
        "tests/test_derive.py",
        "tests/test_checkers.py",
        "tests/test_fastcheck.py",
    ],
    **{f"validate/checks/{name}": VALIDATE for name in CHECKS},
    **{f"validate/{name}": VALIDATE for name in VALIDATOR if name not in ("runner", "files")},
    # A document's `speaks_for` is checked by DocumentFile; `--jobs` is the runner's.
    "validate/files": [*VALIDATE, "tests/test_documents_speaks_for.py"],
    "validate/runner": [
        *VALIDATE,
        "tests/test_agreement_files.py",
        "tests/test_schema_agreement.py",
        "tests/test_validate_jobs.py",
        "tests/test_documents_speaks_for.py",
    ],
    "validate/registry": ["tests/test_diagnostics.py", *VALIDATE],
    # Each export module with the tests that reach it, fastest first (all of EXPORT takes half
    # a minute per surviving mutant).
    "export/tables": ["tests/test_export_tables.py", "tests/test_export.py"],
    "export/writer": [
        "tests/test_export_writer.py",
        "tests/test_export_counts.py",
        "tests/test_export_tables.py",
        "tests/test_export_failures.py",
        "tests/test_export.py",
    ],
    "export/validation": [
        "tests/test_export_validation.py",
        "tests/test_export.py",
        "tests/test_hostile_export.py",
    ],
    "export/counts": ["tests/test_export_counts.py", "tests/test_export.py"],
    "export/run": ["tests/test_export_run.py", *EXPORT],
    "export/folder": ["tests/test_export_folder.py", *EXPORT],
    "draft/candidate": [
        "tests/test_draft_candidate.py",
        "tests/test_draft_claims.py",
        "tests/test_draft.py",
    ],
    "draft/document": DRAFT,
    "draft/sentence": DRAFT,
}

#: What the tests read besides themselves, copied into the work folder.
LINKED = ["tests", "seeds", "schema", "corpus", "docs", "README.md", "benchmarks", "LICENSE"]


def _config(module: str, tests: list[str]) -> str:
    """pyproject.toml for the work folder: the project's own, with this module's mutmut table."""
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    text = re.sub(r"\n\[tool\.mutmut\]\n(?:[^\[].*\n|\n)*", "\n", text)
    extra = [p for p in LINKED if p != "tests"]
    return (
        text.rstrip("\n")
        + "\n\n[tool.mutmut]\n"
        + 'source_paths = ["src/claimset"]\n'
        + f'only_mutate = ["src/claimset/{module}.py"]\n'
        + f"also_copy = {extra!r}\n".replace("'", '"')
        + f"pytest_add_cli_args_test_selection = {tests!r}\n".replace("'", '"')
        + 'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
    )


#: Decorators that only register a function (validate's `@check`). mutmut mutates no decorated
#: function, so the work folder's copy of the module registers such functions just after their
#: definition instead (`name = check(...)(name)`, what the decorator does): their bodies are
#: then mutated like any other function's.
REGISTERING = {"check", "_handles"}


def registered_after(source: str) -> str:
    """`source` with each top-level `@check(...)` decorator moved after its function."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    for node in reversed(tree.body):
        if not isinstance(node, ast.FunctionDef) or len(node.decorator_list) != 1:
            continue
        decorator = node.decorator_list[0]
        if not (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Name)
            and decorator.func.id in REGISTERING
        ):
            continue
        call = ast.get_source_segment(source, decorator)
        assert call is not None and decorator.end_lineno is not None
        assert node.end_lineno is not None
        lines.insert(node.end_lineno, f"{node.name} = {call}({node.name})\n")
        del lines[decorator.lineno - 1 : decorator.end_lineno]
    return "".join(lines)


def _register_after(path: Path) -> None:
    """Rewrite `path` with `registered_after`. Its new modification time makes mutmut read it
    again (a work folder made before this rewrite existed); mutmut keeps the results of every
    function whose text did not change."""
    source = path.read_text("utf-8")
    rewritten = registered_after(source)
    if rewritten != source:
        path.write_text(rewritten, "utf-8")


def _prepare(module: str) -> Path:
    work = ROOT / ".mutation" / module
    work.mkdir(parents=True, exist_ok=True)
    # Copies, not links: a link back into the tree would make hatchling leave `tools/` out of
    # the sdist. copy2 keeps modification times, which mutmut uses to skip unchanged files.
    copies = {"src/claimset": "tools/claimset", **{name: name for name in LINKED}}
    for name, source in copies.items():
        target, origin = work / name, ROOT / source
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        if origin.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", ".hypothesis")
            shutil.copytree(origin, target, ignore=ignore)
        elif origin.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target)
    _register_after(work / "src" / "claimset" / f"{module}.py")
    tests = [t for t in TESTS[module] if (ROOT / t).exists()]
    (work / "pyproject.toml").write_text(_config(module, tests), "utf-8")
    return work


def score(work: Path) -> tuple[int, int, list[str]]:
    """(killed, total, surviving mutant names) from mutmut's results."""
    out = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    statuses = dict(
        line.strip().rsplit(": ", 1) for line in out.splitlines() if ": " in line.strip()
    )
    survivors = sorted(name for name, status in statuses.items() if status != "killed")
    return len(statuses) - len(survivors), len(statuses), survivors


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TESTS:
        print(f"usage: mutation.py MODULE [MUTANT...]; MODULE is one of {', '.join(TESTS)}")
        return 2
    module, mutants = argv[0], argv[1:]
    work = _prepare(module)
    env = {**os.environ, "HYPOTHESIS_PROFILE": "ci"}
    mutmut = str(Path(sys.executable).parent / "mutmut")
    run = subprocess.run([mutmut, "run", "--max-children", "1", *mutants], cwd=work, env=env)
    if run.returncode:
        return run.returncode
    killed, total, survivors = score(work)
    print(f"\n{module}: {killed}/{total} mutants killed ({100 * killed / max(total, 1):.1f}%)")
    for name in survivors:
        print(f"  survived: {name}   (see: cd {work.relative_to(ROOT)} && mutmut show {name})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
