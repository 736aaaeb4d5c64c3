"""Time and memory of claimset on hostile sizes: the quadratic cases of the safety review.

Each case runs in a fresh process (so its peak memory is its own) with a time limit:
- `quote-not-found`: validate a 15 KB sentence whose quote (100 to 1,000 characters) is not in
  it, which runs the "closest passage" search;
- `draft`: draft one sentence of 5,000 to 20,000 words;
- `show`: show one sentence holding thousands of claims;
- `fmt --check`: on a file holding one line of tens of MB.

Run from the repository root: `python benchmarks/bench_hostile.py [CASE...]`. With
`CLAIMSET_SRC=<folder>` the cases import claimset from that folder (to time another version).
Prints one line per case: seconds and peak memory.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = os.environ.get("CLAIMSET_SRC", str(ROOT / "tools"))
SEED = ROOT / "seeds" / "000_a59439a6f7a726ad.txt"
LIMIT = float(os.environ.get("BENCH_TIMEOUT", "120"))


def words(n: int, rng: random.Random) -> str:
    vocabulary = SEED.read_text(encoding="utf-8").split()
    return " ".join(rng.choice(vocabulary) for _ in range(n))


def project(root: Path, text: str, claims: list[dict[str, object]], status: str = "todo") -> None:
    """A project with one document `doc` of one sentence."""
    for folder in ("seeds", "corpus/annotations", "schema"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "seeds" / "doc.txt").write_text(text, encoding="utf-8")
    actor = {"id": "author", "name": "The author", "aliases": [], "kind": "author"}
    (root / "corpus" / "actors.jsonl").write_text(json.dumps(actor) + "\n")
    (root / "corpus" / "documents.jsonl").write_text("")
    record = {
        "id": "doc:0000",
        "doc": "doc",
        "start": 0,
        "end": len(text),
        "text": text,
        "status": status,
        "annotator": "ann1" if status == "done" else None,
        "claims": claims,
    }
    (root / "corpus" / "annotations" / "doc.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def claim(quote: str, number: int = 1, start: int | None = None) -> dict[str, object]:
    return {
        "id": f"c{number}",
        "actor": {"ref": "author", "quote": None, "start": None, "end": None},
        "expectation": {
            "quote": quote,
            "start": start,
            "end": None if start is None else start + len(quote),
            "type": "belief",
            "target": "author",
        },
        "evidence": [],
        "hedge": {"certainty": "certain", "cues": []},
        "polarity": "positive",
        "origin": "human",
    }


CHILD = textwrap.dedent(
    """
    import os, resource, sys, time
    sys.path.insert(0, os.environ["CLAIMSET_SRC"])
    case, root = sys.argv[1], sys.argv[2]
    os.chdir(root)
    from pathlib import Path
    from claimset.project import Project
    project = Project(Path(root))
    started = time.perf_counter()
    if case == "validate":
        from claimset.validate import validate
        validate(project)
    elif case == "draft":
        from claimset.draft import draft
        draft(project)
    else:
        from claimset.cli import cli
        sys.stdout = open(os.devnull, "w")
        try:
            cli(case.split(), standalone_mode=False)
        except SystemExit:
            pass
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.2f} {peak:.0f}", file=sys.stderr)
    """
)


def run(case: str, root: Path) -> str:
    env = {**os.environ, "CLAIMSET_SRC": SRC}
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, case, str(root)],
            capture_output=True,
            text=True,
            timeout=LIMIT,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return f"> {LIMIT:.0f} s (stopped)"
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "?"
    try:
        seconds, peak = last.split()
        return f"{float(seconds):7.2f} s, peak {float(peak):6.0f} MiB"
    except ValueError:
        return f"failed: {last}"


def quote_not_found(tmp: Path) -> None:
    rng = random.Random(1)
    text = words(2500, rng)[:15_000]
    for size in (100, 200, 400, 1000):
        at = rng.randrange(0, len(text) - size)
        quote = list(text[at : at + size])
        for i in range(0, size, 7):  # a typo every 7 characters: similar, never equal
            quote[i] = "#"
        root = tmp / f"q{size}"
        project(root, text, [claim("".join(quote))], status="done")
        print(f"quote-not-found, 15 KB sentence, quote of {size:5} chars: {run('validate', root)}")


def draft_long(tmp: Path) -> None:
    rng = random.Random(2)
    for n in (5000, 10000, 20000):
        root = tmp / f"d{n}"
        project(root, words(n, rng) + ".", [])
        print(f"draft, one sentence of {n:6} words:                {run('draft', root)}")


def show_many(tmp: Path) -> None:
    text = "Moscow will help Seoul deal with the DPRK."
    for n in (3000, 25000, 50000):
        root = tmp / f"s{n}"
        project(root, text, [claim("Moscow will help", k, 0) for k in range(1, n + 1)], "done")
        size = (root / "corpus" / "annotations" / "doc.jsonl").stat().st_size / 2**20
        print(f"show, one sentence with {n:6} claims ({size:5.1f} MiB line): {run('show', root)}")


def fmt_huge_line(tmp: Path) -> None:
    for mib in (20, 200):
        root = tmp / f"f{mib}"
        project(root, "One sentence.", [])
        path = root / "corpus" / "annotations" / "doc.jsonl"
        with path.open("w") as handle:
            handle.write('{"id": "doc:0000", "text": "')
            chunk = "a" * (1 << 20)
            for _ in range(mib):
                handle.write(chunk)
            handle.write('"}\n')
        print(f"fmt --check, one line of {mib:4} MiB:                  {run('fmt --check', root)}")
        shutil.rmtree(root)


CASES = {"quote": quote_not_found, "draft": draft_long, "show": show_many, "fmt": fmt_huge_line}


def main() -> None:
    chosen = sys.argv[1:] or list(CASES)
    print(f"claimset from {SRC}; time limit {LIMIT:.0f} s per case")
    with tempfile.TemporaryDirectory() as folder:
        for name in chosen:
            CASES[name](Path(folder))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
