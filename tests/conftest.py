"""Shared fixtures (a fresh claimset project, the seed essay) and the suite's settings.

Property tests run under a hypothesis profile: `ci` (the default) is derandomized, so a run
finds the same examples every time and a failure reproduces; `thorough` (for local runs:
`pytest --hypothesis-profile=thorough`) draws fresh random examples, ten times as many per test.
See docs/testing.md.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

_HERE = Path(__file__).resolve().parent
if _HERE.parent.name == "mutants":
    # Under mutmut (tests/mutation.py) the suite runs in a copy of the tree whose src/claimset
    # holds the mutated code: import that one, here and in every subprocess a test starts.
    _MUTATED = str(_HERE.parent / "src")
    sys.path.insert(0, _MUTATED)
    # A subprocess started while mutmut only records which tests reach which function runs
    # the code unmutated (it could not record anything, and mutmut's set-up would fail there).
    _CHILD = _HERE.parent / "child-site"
    _CHILD.mkdir(exist_ok=True)
    (_CHILD / "sitecustomize.py").write_text(
        "import os\n"
        "if os.environ.get('MUTANT_UNDER_TEST') in ('stats', 'list_all_tests'):\n"
        "    os.environ['MUTANT_UNDER_TEST'] = ''\n"
    )
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (_MUTATED, str(_CHILD), os.environ.get("PYTHONPATH")) if p
    )

settings.register_profile(
    "ci",
    derandomize=True,  # the same examples on every run: CI is reproducible
    database=None,  # nothing learnt on one machine changes what another runs
    deadline=None,  # timing on a shared 2-core machine is noise, not a bug
    print_blob=True,
)
settings.register_profile(
    "thorough",
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: How many more examples each property test draws under the `thorough` profile.
THOROUGH_FACTOR = 10

from claimset.project import Project  # noqa: E402  (after the path set-up above)
from claimset.scaffold import init  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    """claimset's own warnings are errors (imported here, once coverage is measuring)."""
    from claimset.errors import ClaimsetWarning

    warnings.filterwarnings("error", category=ClaimsetWarning)
    config.addinivalue_line("filterwarnings", "error::claimset.errors.ClaimsetWarning")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under the `thorough` profile, multiply each property test's own `max_examples`."""
    if settings.get_current_profile_name() != "thorough":
        return
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is not None:
            test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
                own, max_examples=own.max_examples * THOROUGH_FACTOR
            )


REPO = Path(__file__).resolve().parents[1]
SEED_PATH = REPO / "seeds" / "000_a59439a6f7a726ad.txt"


@pytest.fixture
def new_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """An empty project made by `claimset init`, with the working directory inside it."""
    root = tmp_path / "proj"
    init(root)
    monkeypatch.chdir(root)
    return Project(root.resolve())


@pytest.fixture
def seeded_project(new_project: Project) -> Project:
    """A new project holding the seed essay (not yet split)."""
    (new_project.seeds_dir / SEED_PATH.name).write_bytes(SEED_PATH.read_bytes())
    return new_project


def offline_env(tmp: Path) -> dict[str, str]:
    """The environment for a fresh process that loads exports with `datasets`, offline."""
    env = dict(os.environ)
    env.update(
        HF_DATASETS_OFFLINE="1",
        HF_HUB_OFFLINE="1",
        HF_HOME=str(tmp / "hf-home"),
        HF_DATASETS_CACHE=str(tmp / "hf-cache"),
        HF_HUB_DISABLE_TELEMETRY="1",
    )
    return env


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session (2 cores) for every Spark test: starting Spark takes seconds."""
    import shutil

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17 or later): no `java` on PATH and no JAVA_HOME")
    import sys

    from pyspark.sql import SparkSession

    # The Python workers run this interpreter (with claimset and pyarrow), not `python3`.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("claimset-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
