"""Benchmark: `fmt`, `validate` and `export` on growing corpora, time and peak memory.

For each size (200k, 1M, 2M sentence records by default) a project is generated with
`bench_export.generate` (100 annotation files, so each file grows with the corpus: 2k, 10k, 20k
records), its annotation files rewritten as typed (`as_typed.py`), then, each in a fresh
process, timed while its memory is sampled: `claimset fmt` (which rewrites every file into
canonical form), `claimset validate` and `claimset export`. The corpus is generated in a
separate process under `nice -n 10` (it is not timed; at 2M records it takes minutes of CPU that
the other users of a shared machine should have first). Peak memory is the process tree's
peak proportional set size (Pss, sampled every 10 ms, worker processes included) and the
process's own maximum RSS. CPU time (user + system of the step and its workers) is reported
beside wall time, and linearity is judged on it: on a shared machine wall time follows the
load, CPU time much less. The table
goes into docs/scale.md between `<!-- bench_scale:start -->` and `<!-- bench_scale:end -->`.

    python benchmarks/bench_scale.py [--sizes 200000 1000000 2000000] [--no-write]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "scale.md"
START, END = "<!-- bench_scale:start -->", "<!-- bench_scale:end -->"
sys.path.insert(0, str(ROOT / "tools"))

from bench_export import PRELUDE  # noqa: E402

# Run in a niced child: generates the corpus, rewrites it as typed, prints the file paths.
GENERATE = """
import json, sys
from pathlib import Path
sys.path[:0] = json.loads(sys.argv[2])
from as_typed import rewrite_as_typed
from bench_export import generate
files = generate(Path(sys.argv[1]), int(sys.argv[3]))
rewrite_as_typed(files)
print(json.dumps([str(f) for f in files]))
"""

JOB = (
    PRELUDE
    + """
from pathlib import Path
root, step, sample = json.loads(sys.argv[1])
from claimset.project import Project
project = Project(Path(root))

def job():
    if step == "fmt":
        from claimset.fmt import fmt
        assert fmt(project).ok
    elif step == "validate":
        from claimset.validate import validate
        assert validate(project).valid
    else:
        import datasets
        datasets.disable_progress_bars()
        from claimset.export import export
        export(project, Path(root) / "dist" / "claimset")

# The process's own peak (VmHWM): ru_maxrss would count the parent's peak at the fork, here
# the benchmark that generated the corpus.
import contextlib, io
captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    measure(job, sample)
found = json.loads(captured.getvalue().strip().splitlines()[-1])
with open("/proc/self/status") as status:
    found["rss"] = int(status.read().split("VmHWM:")[1].split()[0]) * 1024
print(json.dumps(found))
"""
)


def run(root: Path, step: str, sample: bool) -> dict[str, Any]:
    env = dict(os.environ)
    cache = root.parent / "hf-cache"
    env.update(HF_DATASETS_CACHE=str(cache), HF_HOME=str(cache / "home"), HF_HUB_OFFLINE="1")
    env["PYTHONPATH"] = str(ROOT / "tools") + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-c", JOB, json.dumps([str(root), step, sample])],
        capture_output=True,
        text=True,
        env=env,
    )
    if proc.returncode:
        raise SystemExit(proc.stderr[-4000:])
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def measure_size(tmp: Path, records: int) -> dict[str, Any]:
    root = tmp / f"proj-{records}"
    paths = json.dumps([str(Path(__file__).resolve().parent), str(ROOT / "tools")])
    proc = subprocess.run(
        ["nice", "-n", "10", sys.executable, "-c", GENERATE, str(root), paths, str(records)],
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        raise SystemExit(proc.stderr[-4000:])
    files = [Path(f) for f in json.loads(proc.stdout.strip().splitlines()[-1])]
    size = sum(f.stat().st_size for f in files)
    found: dict[str, Any] = {
        "records": records,
        "bytes": size,
        "largest": max(f.stat().st_size for f in files),
    }
    # One run per step, timed while its memory is sampled (the sampler, every 10 ms, costs a
    # few per cent): at 2M records a second run of each step would double a long benchmark.
    for step in ("fmt", "validate", "export"):
        measured = run(root, step, True)
        found[step] = {
            "seconds": measured["seconds"],
            "cpu": measured["cpu"],
            "tree_pss": measured["tree_pss"],
            "rss": measured["rss"],
        }
    shutil.rmtree(root)
    return found


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def table(results: list[dict[str, Any]], started: float, load: str) -> str:
    mib = 1024 * 1024
    lines = [
        "Generated by `python benchmarks/bench_scale.py`; do not edit by hand.",
        "",
        f"Corpora of valid records as typed (keys in another order, defaults left out) in 100 "
        f"annotation files; each step a fresh process. Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs shared with other work (load average "
        f"{load} when the run started, {_load()} when it ended); the whole run took "
        f"{time.time() - started:.0f} s.",
        "*Pss* is the peak proportional set size of the process and its workers, sampled every "
        "10 ms during the timed run; *RSS* the process's own peak (VmHWM). Both include the "
        "libraries (about 40 MiB for `fmt` and `validate`, 140 MiB with `datasets` for `export`). "
        "*CPU s* is the step's user + system time, its worker processes' included (the sampler's "
        "not): unlike seconds, it hardly grows when other work shares the cores.",
        "",
        "| records | JSONL | largest file | step | seconds | records/s | CPU s | µs CPU/record "
        "| peak Pss (MiB) | peak RSS (MiB) |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for step in ("fmt", "validate", "export"):
            m = r[step]
            lines.append(
                f"| {r['records']:,} | {r['bytes'] / mib:,.0f} MiB | {r['largest'] / mib:.1f} MiB "
                f"| `{step}` | {m['seconds']:.1f} | {r['records'] / m['seconds']:,.0f} "
                f"| {m['cpu']:.1f} | {m['cpu'] / r['records'] * 1e6:.1f} "
                f"| {m['tree_pss'] / mib:.0f} | {m['rss'] / mib:.0f} |"
            )
    if len(results) > 1:
        lines += ["", *growth(results)]
        a, b = results[0], results[-1]
        span = b["records"] - a["records"]

        def per_record(step: str, key: str) -> float:
            return float((b[step][key] - a[step][key]) / span)

        lines += [
            "",
            f"Between {a['records']:,} and {b['records']:,} records, `validate` grows by "
            f"{per_record('validate', 'rss'):.0f} bytes of RSS per record "
            f"({per_record('validate', 'tree_pss'):.0f} of tree Pss): the index of documents and "
            "the sentence ids and offsets of the file being read (here every file grows with the "
            "corpus); `export` by "
            f"{per_record('export', 'rss'):.0f} bytes of RSS per record "
            f"({per_record('export', 'tree_pss'):.0f} of tree Pss): it holds a block of each "
            "file (1 MiB of JSONL, two blocks read ahead), a row group per split (10,000 rows or "
            "8 MiB) and the start of each sentence of the file being read. `fmt` holds one line "
            "(and the texts of the last 4,096 sentences) at a time, so its memory does not follow "
            "the file size.",
        ]
    return "\n".join(lines)


def growth(results: list[dict[str, Any]]) -> list[str]:
    """Linearity, in CPU time: what each record added between one size and the next.

    A step is linear when the CPU that the records between two sizes add, per record, is the
    same from size to size (and close to the CPU per record at each size, which also carries
    the start-up).
    """
    lines = [
        "CPU per record added between sizes (the CPU of the larger run minus that of the "
        "smaller, over the records between them); a linear step adds the same at every size:",
        "",
        "| step | "
        + " | ".join(f"{a['records']:,} → {b['records']:,}" for a, b in itertools.pairwise(results))
        + " | change |",
        "|---|" + "---:|" * len(results),
    ]
    for step in ("fmt", "validate", "export"):
        added = [
            (b[step]["cpu"] - a[step]["cpu"]) / (b["records"] - a["records"]) * 1e6
            for a, b in itertools.pairwise(results)
        ]
        change = f"{added[-1] / added[0] - 1:+.0%}" if len(added) > 1 and added[0] > 0 else ""
        lines.append(f"| `{step}` | " + " | ".join(f"{x:.1f} µs" for x in added) + f" | {change} |")
    return lines


def write_section(body: str) -> None:
    block = f"{START}\n{body}\n{END}"
    text = DOC.read_text(encoding="utf-8")
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Large corpora: fmt, validate, export\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000, 2_000_000])
    parser.add_argument("--no-write", action="store_true", help="Print only; leave the docs alone.")
    args = parser.parse_args()
    started, load = time.time(), _load()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp_name:
        for records in args.sizes:
            results.append(measure_size(Path(tmp_name), records))
            body = table(results, started, load)
            print(body, flush=True)
            if not args.no_write:  # after each size: a stopped run keeps what it measured
                write_section(body)


if __name__ == "__main__":
    main()
