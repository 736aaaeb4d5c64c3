"""The package's shape: no import cycle anywhere, no module over ~600 lines.

Imports are read with `ast`, so the check sees every import a module can run: at the top, inside
functions (the lazy imports that keep `claimset --help` fast) and under `if TYPE_CHECKING:` (a
type-only import is still a dependency, and a cycle there is one refactor away from a real one).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "claimset"
MAX_LINES = 600

#: Modules still over MAX_LINES while they are being split into packages. Empty it as they go:
#: the test fails on an entry that no longer exists or is no longer too long.
OVERSIZED_FOR_NOW: set[str] = set()


def module_name(path: Path) -> str:
    parts = ("claimset", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports, anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    # Every import counts: at the top, inside functions, and under `if TYPE_CHECKING:` (types
    # named in annotations only, but a dependency all the same).
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            # `from . import jsonio` imports the module claimset.jsonio; `from .x import f`, x.
            submodules = {f"{source}.{alias.name}" for alias in node.names} & known
            found.update(submodules or {source})
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_lazy_and_type_only_imports() -> None:
    graph = import_graph()
    assert "claimset.segment" in graph["claimset.split"]  # top level
    assert "claimset.project" in graph["claimset.build"]  # top level
    assert "claimset.export" in graph["claimset.build"]  # inside a function
    # The package's __init__: segment at the top, corpus inside `__getattr__` (lazily).
    assert graph["claimset"] == {"claimset.segment", "claimset.corpus"}
    # cli/eval.py imports EvalReport under TYPE_CHECKING and evaluate inside the command.
    assert "claimset.evaluate" in graph["claimset.cli.eval"]
    # cli/_formats.py names formats.graph's `Problem` in annotations only.
    assert "claimset.formats.graph" in graph["claimset.cli._formats"]


def test_a_type_only_import_is_a_dependency(tmp_path: Path) -> None:
    module = tmp_path / "reader.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from .models import Record\n"
        "def read() -> Record: ...\n",
        encoding="utf-8",
    )
    found = imports_of("claimset.reader", module, {"claimset.reader", "claimset.models"})
    assert found == {"claimset.models"}


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycle() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles (move the shared part into a module both import):\n" + (
        "\n".join(" <-> ".join(c) for c in found)
    )


def test_no_module_over_the_limit() -> None:
    lengths = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in modules().values()
    }
    too_long = {rel: n for rel, n in lengths.items() if n > MAX_LINES}
    assert set(too_long) <= OVERSIZED_FOR_NOW, (
        f"modules over {MAX_LINES} lines (split them by concern): "
        f"{ {k: v for k, v in too_long.items() if k not in OVERSIZED_FOR_NOW} }"
    )
    done = sorted(OVERSIZED_FOR_NOW - set(too_long))
    assert not done, (
        f"no longer over {MAX_LINES} lines (or gone), remove from OVERSIZED_FOR_NOW: {done}"
    )


def test_each_cli_module_is_one_registered_command() -> None:
    """`cli/<name>.py` holds the command `claimset <name>`, and the group registers it."""
    import importlib

    import click
    from claimset.cli import cli

    # A command named by a Python keyword lives in `<name>_.py` (PEP 8): `import_.py`; a
    # module name cannot hold a hyphen: `draft-corpus` lives in `draft_corpus.py`.
    modules_ = {
        p.stem.removesuffix("_").replace("_", "-"): p.stem
        for p in (PACKAGE / "cli").glob("[!_]*.py")
    }
    names = sorted(modules_)
    assert sorted(cli.commands) == names  # type: ignore[attr-defined]
    for name in names:
        module = importlib.import_module(f"claimset.cli.{modules_[name]}")
        found = [v for v in vars(module).values() if isinstance(v, click.Command)]
        # A group's subcommands (`import label-studio`) are part of its one command.
        subcommands = [c for g in found if isinstance(g, click.Group) for c in g.commands.values()]
        commands = [c for c in found if c not in subcommands]
        assert [c.name for c in commands] == [name], f"cli/{name}.py: {commands}"
        assert cli.commands[name] is commands[0]  # type: ignore[attr-defined]


# -- dependencies ---------------------------------------------------------------------------------

#: Import names that differ from the distribution that provides them. pydantic_core comes with
#: pydantic, which pins its exact version, so declaring pydantic declares it.
DISTRIBUTION_OF = {"yaml": "pyyaml", "pydantic_core": "pydantic"}


def third_party_imports() -> set[str]:
    """The distributions whose modules the package imports, anywhere in its files."""
    found: set[str] = set()
    for path in modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top != "claimset" and top not in sys.stdlib_module_names:
                    found.add(DISTRIBUTION_OF.get(top, top))
    return found


def declared_dependencies() -> set[str]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    pyproject = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    names = (re.match(r"[A-Za-z0-9._-]+", r) for r in pyproject["project"]["dependencies"])
    return {m.group(0).lower().replace("_", "-") for m in names if m}


def optional_integrations() -> set[str]:
    """Distributions of the extras users install for an integration (not test or bench)."""
    tomllib = pytest.importorskip("tomllib")
    pyproject = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    extras = pyproject["project"]["optional-dependencies"]
    names = (
        re.match(r"[A-Za-z0-9._-]+", r)
        for extra, reqs in extras.items()
        if extra not in ("test", "bench")
        for r in reqs
    )
    return {m.group(0).lower().replace("_", "-") for m in names if m}


def test_dependencies_are_declared_exactly_as_imported() -> None:
    imported, declared = third_party_imports(), declared_dependencies()
    # An optional integration (spaCy) is imported lazily and declared in its extra.
    missing = imported - declared - optional_integrations()
    assert missing == set(), "imported but not declared in pyproject.toml"
    assert declared - imported == set(), "declared in pyproject.toml but never imported"


# -- complexity ---------------------------------------------------------------------------------

#: Functions allowed a rank worse than D (cyclomatic complexity over 30), as `module:function`:
#: none. One that grows past D is split into named steps, not listed here; the test fails on an
#: entry that is fixed, so the list cannot go stale.
COMPLEX_FOR_NOW: set[str] = set()


def test_no_function_is_ranked_worse_than_d() -> None:
    from radon.complexity import cc_rank, cc_visit

    too_complex = set()
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if source.startswith('"""Generated by '):
            # Straight-line code generated from the models (`validate/checkers.py`): one test
            # per field, each `and` counted; its tests hold it to the models, nobody edits it.
            continue
        blocks = cc_visit(source)
        for block in [*blocks, *(m for b in blocks for m in getattr(b, "methods", []))]:
            if cc_rank(block.complexity) in "EF":
                short = name.removeprefix("claimset.").replace(".", "/")
                too_complex.add(f"{short}:{block.name}")
    assert too_complex <= COMPLEX_FOR_NOW, f"split these (radon rank E/F): {too_complex}"
    fixed = COMPLEX_FOR_NOW - too_complex
    assert not fixed, f"ranked D or better now: remove {fixed} from COMPLEX_FOR_NOW"
