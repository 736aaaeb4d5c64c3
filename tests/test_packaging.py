"""A wheel built from the sdist installs and runs (STYLE: hatchling's wheel `packages` table)."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tarfile
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_built_from_sdist_installs_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # `python -m build` without --sdist/--wheel builds the sdist, then the wheel *from the sdist*.
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    sdist = next(dist.glob("claimset-*.tar.gz"))
    wheel = next(dist.glob("claimset-*.whl"))
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert any(n.endswith("tools/claimset/cli/__init__.py") for n in names)

    # A fresh venv that borrows the test environment's dependencies through a .pth file, so the
    # test stays offline; the wheel itself is installed without dependencies.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    version = subprocess.run(
        [str(bin_dir / "claimset"), "--version"], check=True, capture_output=True, text=True
    )
    assert version.stdout.startswith("claimset, version ")
    where = subprocess.run(
        [str(python), "-c", "import claimset, pathlib; print(pathlib.Path(claimset.__file__))"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(site), where  # the installed wheel, not the source tree
    lexicons = Path(where).parent / "lexicons"
    assert sorted(p.name for p in lexicons.iterdir() if p.suffix == ".json"), "no package data"
    card = Path(where).parent / "export" / "card"
    assert (card / "card.md.tmpl").is_file() and (card / "license.md.tmpl").is_file()
    project = tmp_path / "p"
    subprocess.run([str(bin_dir / "claimset"), "init", str(project)], check=True)
    (project / "seeds" / "e.txt").write_text("One claim. Another one.\n", encoding="utf-8")
    split = subprocess.run(
        [str(bin_dir / "claimset"), "split"], cwd=project, capture_output=True, text=True
    )
    assert split.returncode == 0, split.stderr
    assert "seeds/e.txt: 2 sentences (created)" in split.stdout
    # The export reads its card templates as package data: from the wheel, not the source tree.
    exported = subprocess.run(
        [str(bin_dir / "claimset"), "export"], cwd=project, capture_output=True, text=True
    )
    assert exported.returncode == 0, exported.stderr
    card_text = (project / "dist" / "claimset" / "README.md").read_text(encoding="utf-8")
    assert "# p\n" in card_text and "${" not in card_text
