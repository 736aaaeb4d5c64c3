"""Benchmark: `claimset validate` against JSON Schema validators and plain parsing.

Generates a corpus of sentence records like the real ones (about 70% with one or two claims, with
evidence, cues and offsets), then times on the same files, in the same run: orjson parsing alone,
json.loads with a duplicate-key hook, pydantic's validate_json, fastjsonschema and jsonschema
(Draft 2020-12) with schema/sentence.schema.json, and claimset's full validation (every check:
schema, offsets against the seeds, quotes, actors, evidence sentences, ids, order, stale seeds),
in one process and with --jobs 2. The same records are then rewritten as a script or an
annotator types them (`as_typed.py`: keys in another order, defaults left out, other spacing)
and timed again; and whole processes are timed on both corpora: `claimset validate` and
`claimset fmt` against a process that only parses every line with orjson (the floor). Peak
memory is measured in fresh processes on a corpus of 20k and of the full size. The table goes
into docs/benchmarks.md between `<!-- bench_validate:start -->` and
`<!-- bench_validate:end -->`, and is printed.

    python benchmarks/bench_validate.py [--records 200000] [--no-write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from as_typed import rewrite_as_typed  # noqa: E402
from claimset.canonical import canonical  # noqa: E402
from claimset.jsonio import dumps, loads_strict  # noqa: E402
from claimset.models import SentenceRecord  # noqa: E402
from claimset.project import Project  # noqa: E402
from claimset.validate import fast_path, validate  # noqa: E402

SENTENCES_PER_DOC = 100
ACTORS = [
    ("author", "The essay's author", [], "author"),
    ("russia", "Russia", ["Moscow", "the Kremlin"], "state"),
    ("south_korea", "South Korea", ["Seoul", "Korea"], "state"),
    ("north_korea", "North Korea", ["Pyongyang", "the DPRK"], "state"),
    ("japan", "Japan", ["Tokyo"], "state"),
    ("china", "China", ["Beijing"], "state"),
]
NAMES = [("Seoul", "south_korea"), ("Moscow", "russia"), ("Tokyo", "japan"), ("Beijing", "china")]
VERBS = ["hopes that", "expects that", "believes that", "insists that", "fears that"]
OBJECTS = [
    "{t} will help it to deal with the DPRK",
    "{t} will invest in the Far East within a decade",
    "{t} should condemn the missile tests without delay",
    "{t} may finally deliver on the gas pipeline project",
]
FACTS = [
    "{a} did not side with {b} over the sinking of the Cheonan corvette.",
    "Trade between {a} and {b} grew by a third in 2010, to some 18 billion dollars.",
    "{a} and {b} signed a strategic partnership during the September summit.",
]


def sentence(rng: random.Random) -> tuple[str, dict[str, Any] | None]:
    """A sentence and, for claim sentences, the parts of a claim."""
    (actor, ref), (target, tref) = rng.sample(NAMES, 2)
    if rng.random() < 0.3:
        return rng.choice(FACTS).format(a=actor, b=target), None
    verb = rng.choice(VERBS)
    expectation = rng.choice(OBJECTS).format(t=target)
    hedge = rng.choice(["", "probably ", "clearly "])
    text = f"{actor} {hedge}{verb} {expectation}, as the talks showed."
    return text, {"actor": (actor, ref), "expectation": expectation, "target": tref, "hedge": hedge}


def span(text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def document(doc_id: str, rng: random.Random, count: int) -> tuple[str, list[str]]:
    """A seed text and its canonical annotation lines."""
    parts = [sentence(rng) for _ in range(count)]
    seed, lines = "", []
    for ordinal, (text, claim) in enumerate(parts):
        sep = "\n" if ordinal % 5 == 4 else " "
        start = len(seed)
        seed += text + sep
        record: dict[str, Any] = {
            "id": f"{doc_id}:{ordinal:04d}",
            "doc": doc_id,
            "start": start,
            "end": start + len(text),
            "text": text,
            "status": "todo",
            "annotator": None,
            "claims": [],
        }
        if claim is not None:
            actor, ref = claim["actor"]
            claims = []
            for number in range(1 + (rng.random() < 0.3)):
                evidence = []
                if ordinal > 0 and rng.random() < 0.6:
                    prev_text = parts[ordinal - 1][0]
                    evidence.append(
                        {
                            **span(prev_text, prev_text.split(" ", 3)[-1][:30]),
                            "sentence": f"{doc_id}:{ordinal - 1:04d}",
                            "type": "event",
                        }
                    )
                cues = []
                if claim["hedge"]:
                    cues.append({**span(text, claim["hedge"].strip()), "kind": "hedge"})
                claims.append(
                    {
                        "id": f"c{number + 1}",
                        "actor": {"ref": ref, **span(text, actor)},
                        "expectation": {
                            **span(text, claim["expectation"]),
                            "type": "prediction",
                            "target": claim["target"],
                        },
                        "evidence": evidence,
                        "hedge": {
                            "certainty": "probable" if cues else "certain",
                            "cues": cues,
                        },
                        "polarity": "positive",
                        "origin": "human",
                    }
                )
            record.update(status="done", annotator="ann1", claims=claims)
        # In the canonical key order, as `claimset fmt` writes (and the real corpus holds).
        line = dumps(canonical(record, SentenceRecord))
        # A line off the fast path would measure the slow path: fail loudly, not quietly.
        assert fast_path.canonical_and_valid(SentenceRecord, line.encode()), line
        lines.append(line)
    return seed, lines


def make_corpus(root: Path, records: int, seed: int = 1) -> Project:
    """A claimset project with `records` sentence records in documents of 100 sentences."""
    rng = random.Random(seed)
    for folder in ("seeds", "corpus/annotations"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "corpus" / "actors.jsonl").write_text(
        "".join(
            dumps({"id": i, "name": n, "aliases": a, "kind": k}) + "\n" for i, n, a, k in ACTORS
        )
    )
    documents = []
    for number in range(max(1, records // SENTENCES_PER_DOC)):
        doc_id = f"doc{number:05d}"
        text, lines = document(doc_id, rng, SENTENCES_PER_DOC)
        data = text.encode()
        (root / "seeds" / f"{doc_id}.txt").write_bytes(data)
        (root / "corpus" / "annotations" / f"{doc_id}.jsonl").write_text("\n".join(lines) + "\n")
        documents.append(
            dumps(
                {
                    "id": doc_id,
                    "title": None,
                    "source": None,
                    "license": None,
                    "language": "en",
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "sentence_count": len(lines),
                    "split": "train",
                }
            )
        )
    (root / "corpus" / "documents.jsonl").write_text("\n".join(documents) + "\n")
    return Project(root.resolve())


def lines_of(project: Project) -> Iterator[bytes]:
    for path in project.annotation_paths():
        with path.open("rb") as handle:
            yield from handle


def timed(func: Callable[[], object], repeat: int = 3) -> float:
    """The median of `repeat` wall-clock runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_memory(root: Path) -> tuple[float, float]:
    """(peak RSS MiB, peak traced Python allocations MiB) of validating the corpus at `root`.

    Each in a fresh process that only imports claimset and validates, so nothing else counts.
    """
    code = f"""
import resource, sys, tracemalloc
from pathlib import Path
from claimset.project import Project
from claimset.validate import validate
project = Project(Path({str(root)!r}))
traced = sys.argv[1] == "traced"
if traced:
    tracemalloc.start()
report = validate(project)
assert report.valid, report.diagnostics[:3]
if traced:
    print(tracemalloc.get_traced_memory()[1] / 2**20)
else:
    # VmHWM is this process's own peak; ru_maxrss can include the parent's peak before exec.
    try:
        status = Path("/proc/self/status").read_text()
        print(int(status.split("VmHWM:")[1].split()[0]) / 1024)
    except (OSError, IndexError):
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    env = {**os.environ, "PYTHONPATH": str(REPO / "tools")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, mode], capture_output=True, text=True, env=env, check=True
        )
        for mode in ("rss", "traced")
    ]
    return float(runs[0].stdout), float(runs[1].stdout)


FLOOR = """
import sys
from pathlib import Path
import orjson
for path in sorted(Path(sys.argv[1], "corpus", "annotations").glob("*.jsonl")):
    with path.open("rb") as handle:
        for line in handle:
            orjson.loads(line)
"""


def process_run(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of a command: user + system time of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def whole_processes(root: Path, fmt: bool, repeat: int = 3) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of whole processes on the corpus at root: the orjson floor,
    validate and (with `fmt`) fmt, each repetition running every command once in turn, so that
    a change in the machine's load falls on all of them alike."""
    commands = {
        "orjson": [sys.executable, "-c", FLOOR, str(root)],
        "validate": [sys.executable, "-m", "claimset", "validate"],
    }
    annotations = root / "corpus" / "annotations"
    keep = root.parent / "annotations-as-typed"
    if fmt:
        commands["fmt"] = [sys.executable, "-m", "claimset", "fmt"]
        shutil.copytree(annotations, keep)
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(process_run(command, root))
            if name == "fmt":  # each fmt run starts from the unformatted files
                shutil.rmtree(annotations)
                shutil.copytree(keep, annotations)
    if fmt:
        shutil.rmtree(keep)
    return {
        name: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
        for name, found in runs.items()
    }


def process_rows(
    corpus: str, seconds: dict[str, tuple[float, float]], targets: dict[str, str]
) -> list[str]:
    wall_base, cpu_base = seconds["orjson"]
    names = {"orjson": "orjson parse of every line", "validate": "`claimset validate`"}
    names["fmt"] = "`claimset fmt` (rewrites every file)"
    return [
        f"| {corpus} | {names[k]} | {wall:.2f} | {wall / wall_base:.2f}x | {cpu:.2f} | "
        f"{cpu / cpu_base:.2f}x | {targets.get(k, '')} |"
        for k, (wall, cpu) in seconds.items()
    ]


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--jsonschema-records", type=int, default=10_000)
    parser.add_argument("--no-write", action="store_true", help="only print the table")
    args = parser.parse_args()

    import fastjsonschema
    import jsonschema

    load_start = _load()
    schema = json.loads((REPO / "schema" / "sentence.schema.json").read_text())
    with tempfile.TemporaryDirectory() as folder:
        project = make_corpus(Path(folder), args.records)
        raw = list(lines_of(project))
        n = len(raw)
        size = sum(len(line) for line in raw)

        def orjson_only() -> None:
            for line in lines_of(project):
                orjson.loads(line)

        def json_hook() -> None:
            for line in lines_of(project):
                loads_strict(line.decode())

        validator = SentenceRecord.__pydantic_validator__

        def pydantic_json() -> None:
            for line in lines_of(project):
                validator.validate_json(line)

        fast = fastjsonschema.compile(schema)

        def fastjson() -> None:
            for line in lines_of(project):
                fast(orjson.loads(line))

        draft = jsonschema.Draft202012Validator(schema)
        subset = raw[: args.jsonschema_records]

        def jsonschema_subset() -> None:
            for line in subset:
                draft.validate(orjson.loads(line))

        def claimset_full() -> None:
            report = validate(project)
            assert report.valid and report.records == n + n // SENTENCES_PER_DOC + len(ACTORS), (
                report.diagnostics[:3]
            )

        def claimset_jobs() -> None:
            assert validate(project, jobs=2).valid

        results = [
            ("orjson.loads only (parse, no checks)", timed(orjson_only), n),
            ("json.loads with a duplicate-key hook", timed(json_hook), n),
            ("pydantic validate_json (schema only)", timed(pydantic_json), n),
            ("fastjsonschema (schema only)", timed(fastjson), n),
            (
                "jsonschema Draft202012Validator (schema only)",
                timed(jsonschema_subset, 1),
                len(subset),
            ),
            ("**claimset validate (all checks)**", timed(claimset_full), n),
            ("claimset validate --jobs 2 (all checks)", timed(claimset_jobs), n),
        ]
        load_before = _load()
        canonical_processes = whole_processes(project.root, fmt=False)
        rewrite_as_typed(project.annotation_paths())
        typed = [
            ("orjson.loads only, as typed", timed(orjson_only), n),
            ("**claimset validate, as typed (all checks)**", timed(claimset_full), n),
        ]
        typed_processes = whole_processes(project.root, fmt=True)
        load_after = _load()
        memory = {n: peak_memory(Path(folder))}
    small = min(20_000, args.records // 10)
    with tempfile.TemporaryDirectory() as folder:
        memory[small] = peak_memory(make_corpus(Path(folder), small).root)
    memory = dict(sorted(memory.items()))

    base = results[0][1] / results[0][2]
    jsonschema_rate = results[4][2] / results[4][1]
    claimset_rate = results[5][2] / results[5][1]
    rows = [
        "| validator | records/s | time per record | vs orjson parse |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds, count in results:
        per = seconds / count
        rows.append(f"| {name} | {count / seconds:,.0f} | {per * 1e6:.1f} µs | {per / base:.2f}x |")
    lines = [
        f"{n:,} sentence records ({size / n:.0f} bytes each on average, 70% with claims) in "
        f"{n // SENTENCES_PER_DOC:,} documents; median of 3 runs (jsonschema: 1 run on the first "
        f"{len(subset):,} records); one process unless noted. Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs shared with other work (load average "
        f"{load_start} when the run started).",
        "",
        *rows,
        "",
        f"claimset (all checks) is {claimset_rate / jsonschema_rate:.0f}x faster than jsonschema "
        f"and takes {results[5][1] / results[5][2] / base:.2f}x the time of orjson parsing alone; "
        f"--jobs 2 gives {results[5][1] / results[6][1]:.2f}x over one process.",
        "",
        "| corpus | peak RSS of the process | peak Python allocations (tracemalloc) |",
        "|---|---:|---:|",
        *(
            f"| {count:,} records | {rss:.0f} MiB | {traced:.1f} MiB |"
            for count, (rss, traced) in memory.items()
        ),
        "",
        "Records are checked one document at a time (its seed, sentence ids and texts); what "
        "grows is the index of documents (paths and documents.jsonl entries, about 1 KB each).",
    ]
    typed_base = typed[0][1] / typed[0][2]
    lines += [
        "",
        "The same records as typed (keys in another order, defaults left out, other spacing; "
        "`benchmarks/as_typed.py`), in one process:",
        "",
        "| validator | records/s | time per record | vs orjson parse of the same lines |",
        "|---|---:|---:|---:|",
        *(
            f"| {name} | {count / seconds:,.0f} | {seconds / count * 1e6:.1f} µs | "
            f"{seconds / count / typed_base:.2f}x |"
            for name, seconds, count in typed
        ),
        "",
        "Whole processes (interpreter start and imports included), against a process that "
        "only parses every line of the same files with orjson; medians of 3 repetitions, each "
        "running the commands of its corpus in turn. *CPU s* is the user + system time of the "
        "process, which other work on the machine changes much less than the wall time (load "
        f"average {load_before} before these runs, {load_after} after):",
        "",
        "| corpus | command | seconds | vs the orjson process | CPU s | vs the orjson process "
        "(CPU) | target |",
        "|---|---|---:|---:|---:|---:|---:|",
        *process_rows("canonical", canonical_processes, {"validate": "≤ 3x"}),
        *process_rows("as typed", typed_processes, {"validate": "≤ 6x", "fmt": "≤ 8x"}),
    ]
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        write_section(REPO / "docs" / "benchmarks.md", table)


def write_section(path: Path, table: str) -> None:
    """Replace this benchmark's section of docs/benchmarks.md, leaving the others alone."""
    start, end = "<!-- bench_validate:start -->", "<!-- bench_validate:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{start}\n{table}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## validate\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
