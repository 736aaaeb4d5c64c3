"""Benchmark: `claimset draft-corpus` on each engine, over 20 MB of essay text (200 MB with
`--megabytes 200`).

The documents are generated from the project's essays (seeds/ and the test essays): each one a
deterministic draw of 8 to 16 of their paragraphs, until the text reaches --megabytes. Each
engine runs as a whole process (`claimset draft-corpus documents.parquet OUT --engine E`,
interpreter, imports and for Spark the JVM included) with --jobs 2, and its rows are counted
from the Parquet it wrote. Beside the wall time, the CPU seconds of the process and everything it
started (the JVM and the Python workers of Spark, the `datasets` workers): on a shared machine
the wall time depends on the neighbours, the CPU seconds much less, and sentences per CPU second
is what a cluster's cores would each deliver. The table goes into docs/scale.md between
`<!-- bench_pipeline:start -->` and `<!-- bench_pipeline:end -->`.

    python benchmarks/bench_pipeline.py [--megabytes 20] [--engines local datasets spark]

The default is small because on a shared two-core machine one engine takes about half an hour
per 200 MB; `--megabytes 200` is the size the scale work is judged on (run it on quiet cores).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "scale.md"
START, END = "<!-- bench_pipeline:start -->", "<!-- bench_pipeline:end -->"


def paragraphs() -> list[str]:
    """The paragraphs of every essay the repository holds."""
    sources = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/data/*/*/seeds/*.txt"))
    found = []
    for path in sources:
        text = path.read_text(encoding="utf-8")
        found += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 80]
    return found


def generate(path: Path, megabytes: float) -> tuple[int, int]:
    """A Parquet file of documents (id, text); (documents, bytes of text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pool, rng = paragraphs(), random.Random(11)
    target = int(megabytes * 1_000_000)
    total, count = 0, 0
    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        while total < target:
            ids, texts = [], []
            for _ in range(1000):
                text = "\n\n".join(rng.sample(pool, rng.randint(8, 16))) + "\n"
                ids.append(f"doc{count:07d}")
                texts.append(text)
                total += len(text.encode("utf-8"))
                count += 1
            writer.write_table(pa.table({"id": ids, "text": texts}, schema=schema))
    return count, total


def children_cpu() -> float:
    """CPU seconds of every finished child process and the children they waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


TICK = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    pids = [pid]
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                for child in f.read().split():
                    pids += tree(int(child))
    except OSError:
        pass
    return pids


def own_cpu(pid: int) -> float | None:
    """User + system seconds of one process alone (not its children), from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; its wall seconds and the CPU seconds of it and everything it started.

    A process that waits for its children hands their CPU to us through RUSAGE_CHILDREN; Spark
    does not reap its JVM's Python workers that way, so the process tree is also sampled every
    0.2 s (the last figure seen of each process) and the larger of the two counts."""
    started, reaped = time.perf_counter(), children_cpu()
    seen: dict[int, float] = {}
    # stderr to a file, not a pipe: Spark logs more than a pipe holds while nobody reads it.
    with tempfile.TemporaryFile() as errors:
        with subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=errors
        ) as process:
            while process.poll() is None:
                for pid in tree(process.pid):
                    cpu = own_cpu(pid)
                    if cpu is not None:
                        seen[pid] = max(cpu, seen.get(pid, 0.0))
                time.sleep(0.2)
        if process.returncode:
            errors.seek(0)
            text = errors.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(command)} failed:\n{text}")
    seconds = time.perf_counter() - started
    return seconds, max(children_cpu() - reaped, sum(seen.values()))


def run_engine(engine: str, source: Path, out: Path) -> tuple[float, float, int]:
    import pyarrow.parquet as pq

    command = [
        sys.executable, "-m", "claimset", "draft-corpus", str(source), str(out),
        "--engine", engine, "--jobs", "2", "--actors", str(ROOT / "corpus" / "actors.jsonl"),
    ]  # fmt: skip
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    seconds, cpu = run_measured(command, env)
    rows = pq.read_table(out, columns=["id"]).num_rows
    shutil.rmtree(out)
    return seconds, cpu, rows


def table(
    results: dict[str, tuple[float, float, int, str]], documents: int, size: int, left: list[str]
) -> str:
    mb = size / 1_000_000
    rows = [
        f"| {engine} | {seconds:.0f} | {mb / seconds:.2f} | {count / seconds:,.0f} | {cpu:.0f} "
        f"| {count / cpu:,.0f} | {count:,} | {load} |"
        for engine, (seconds, cpu, count, load) in results.items()
    ]
    return "\n".join(
        [
            "Generated by `python benchmarks/bench_pipeline.py`; do not edit by hand.",
            "",
            f"{documents:,} documents, {mb:.0f} MB of essay text (paragraphs of the project's "
            f"essays, drawn at random). Each engine is a whole `claimset draft-corpus` process "
            f"with `--jobs 2` on this machine: Python {platform.python_version()}, "
            f"{platform.machine()}, {os.cpu_count()} CPUs shared with other work (the load "
            "average when each engine started and when it ended is in the last column). CPU "
            "seconds count the process and every process it started (JVM, workers).",
            "",
            "| engine | seconds | MB of text/s | sentences/s | CPU seconds | sentences per CPU "
            "second | sentence rows | load average |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
            *rows,
            *(["", f"Not measured in this run: {', '.join(left)}."] if left else []),
        ]
    )


def write_section(body: str) -> None:
    block = f"{START}\n{body}\n{END}"
    text = DOC.read_text(encoding="utf-8")
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--engines", nargs="+", default=["local", "datasets", "spark"])
    parser.add_argument("--no-write", action="store_true", help="Print only; leave the docs alone.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "documents.parquet"
        documents, size = generate(source, args.megabytes)
        print(f"{documents:,} documents, {size / 1e6:.0f} MB of text", flush=True)
        results: dict[str, tuple[float, float, int, str]] = {}
        for number, engine in enumerate(args.engines):
            load = " ".join(f"{x:.1f}" for x in os.getloadavg())
            seconds, cpu, rows = run_engine(engine, source, tmp / f"out-{engine}")
            load += " → " + " ".join(f"{x:.1f}" for x in os.getloadavg())
            results[engine] = (seconds, cpu, rows, load)
            # Written after each engine: a long run that is stopped keeps what it measured.
            body = table(results, documents, size, args.engines[number + 1 :])
            print(body, flush=True)
            if not args.no_write:
                write_section(body)


if __name__ == "__main__":
    main()
