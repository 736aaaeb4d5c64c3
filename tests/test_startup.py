"""`claimset --help` stays instant: it must not import the heavy data libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("datasets", "pyarrow", "pandas", "numpy")


def imported_modules(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "claimset", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    # -X importtime writes one line per import to stderr: "import time: self | cumulative | name".
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_help_does_not_import_heavy_libraries() -> None:
    names = imported_modules("--help")
    assert "claimset" in names and "click" in names
    assert not names & set(HEAVY), sorted(names & set(HEAVY))


def test_version_does_not_import_heavy_libraries() -> None:
    assert not imported_modules("--version") & set(HEAVY)
