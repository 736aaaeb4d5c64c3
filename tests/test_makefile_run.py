"""`make run` installs claimset with its own dependencies only, not the test extras (hundreds of
MB: spaCy, Spark, playwright...) that `make test` needs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_installs_claimset_alone() -> None:
    # -n: print the commands without running them; -B: as if nothing were installed yet.
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", "-B", "run"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    installs = [line for line in done.stdout.splitlines() if "pip install" in line]
    assert any(line.endswith("pip install --quiet -e .") for line in installs), done.stdout
    assert not any("[test]" in line for line in installs), done.stdout
    assert done.stdout.splitlines()[-1].endswith("/claimset build"), done.stdout
