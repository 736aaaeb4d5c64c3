"""init → an essay in seeds/ → `claimset build` → `datasets.load_dataset` in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import offline_env

ESSAY = """\
Brussels and Ankara: a partnership of necessity

The European Union wants Turkey to keep hosting refugees, and Ankara knows it. Turkish officials
have repeatedly demanded faster visa liberalisation in return. According to the Commission, some
4 million refugees live in Turkey today. The bargain will probably hold for another few years.
But Europe should stop pretending that money alone can buy a stable neighbourhood.
"""


@pytest.mark.slow
def test_init_build_and_load_in_a_fresh_process(tmp_path: Path) -> None:
    claimset = [sys.executable, "-m", "claimset"]
    project = tmp_path / "mycorpus"
    subprocess.run([*claimset, "init", str(project)], check=True, capture_output=True)
    (project / "seeds" / "eu-turkey.txt").write_text(ESSAY, encoding="utf-8")
    build = subprocess.run(
        [*claimset, "build"], cwd=project, capture_output=True, text=True, env=offline_env(tmp_path)
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert (project / "dist" / "claimset" / "README.md").is_file()
    assert list((project / "dist" / "claimset").rglob("*.parquet"))

    loader = textwrap.dedent(
        f"""
        import json, datasets
        ds = datasets.load_dataset({str(project / "dist" / "claimset")!r}, "sentences",
                                   split="train")
        print(json.dumps({{"rows": ds.num_rows, "texts": list(ds["text"])}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", loader],
        capture_output=True,
        text=True,
        env=offline_env(tmp_path),
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.strip().splitlines()[-1])
    records = [
        json.loads(line)
        for line in (project / "corpus/annotations/eu-turkey.jsonl").read_text().splitlines()
    ]
    assert data["rows"] == len(records) == 6  # the heading and five sentences
    assert data["texts"] == [r["text"] for r in records]
    assert data["texts"][0] == "Brussels and Ankara: a partnership of necessity"
