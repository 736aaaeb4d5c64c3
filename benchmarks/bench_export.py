"""`claimset export` against `datasets.Dataset.from_json(files).to_parquet()` on the same files.

Generates a claimset project with 200,000 sentences (100 essays, about half of the sentences
annotated, with claims, evidence in other sentences, cues, implicit actors, machine drafts),
then times, each in a fresh Python process with its own fresh Hugging Face cache directory:

- baseline: `datasets.Dataset.from_json(<the annotation files>).to_parquet(<file>)`, the least
  any exporter has to do (parse the JSONL, write Parquet), with inferred (untyped) features;
- claimset: `claimset.export.export(project)`, which validates the corpus first, then writes the
  four configs with explicit features and the card;

both on the corpus in canonical form (as `claimset fmt` writes it) and on the same records as
typed (`as_typed.py`: keys in another order, defaults left out, other spacing), each compared
with the baseline on the same files.

Both processes import `datasets` before the clock starts. Peak memory is the process's maximum
resident set size (so it includes the imported libraries, the same for both). The table goes
into docs/benchmarks.md between `<!-- bench_export:start -->` and `<!-- bench_export:end -->`
and is printed.

    python benchmarks/bench_export.py [--sentences 200000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from as_typed import rewrite_as_typed  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench_export:start -->", "<!-- bench_export:end -->"

ACTORS = [
    {"id": "author", "name": "The essay's author", "aliases": [], "kind": "author"},
    {"id": "russia", "name": "Russia", "aliases": ["Moscow"], "kind": "state"},
    {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
    {"id": "north_korea", "name": "North Korea", "aliases": ["Pyongyang"], "kind": "state"},
    {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
]

# (sentence, claims); a claim is (actor ref, actor quote or None, expectation quote, type,
# target, certainty, cues, evidence-in-previous-sentence quote or None).
Template = tuple[
    str, list[tuple[str, str | None, str, str, str | None, str, list[tuple[str, str]], str | None]]
]
TEMPLATES: list[Template] = [
    ("Moscow did not side with Seoul over the sinking of the corvette in {n}.", []),
    (
        "Seoul hopes that Moscow will help it to deal with Pyongyang after {n}.",
        [("south_korea", "Seoul", "Moscow will help it to deal with Pyongyang", "desire",
          "russia", "certain", [], "Moscow did not side with Seoul")],
    ),
    (
        "Russia should perhaps clearly stay neutral in the {n} talks.",
        [("author", None, "Russia should perhaps clearly stay neutral", "obligation", "russia",
          "probable", [("perhaps", "hedge"), ("clearly", "booster")], None)],
    ),
    (
        "It is hard to say whether Tokyo will welcome the {n} plan, and Pyongyang will not disarm.",
        [("japan", "Tokyo", "Tokyo will welcome the", "prediction", None, "underspecified",
          [("It is hard to say", "hedge")], None),
         ("north_korea", "Pyongyang", "Pyongyang will not disarm", "prediction", None,
          "certain", [], None)],
    ),
    ("The trade volume reached {n} million dollars last year – a record.", []),
]  # fmt: skip

NO_SPAN: dict[str, Any] = {"quote": None, "start": None, "end": None}
STATUSES = ["todo"] * 30 + ["draft"] * 10 + ["done"] * 50 + ["reviewed"] * 10


def _span(text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def generate(root: Path, sentences: int, docs: int = 100, seed: int = 7) -> list[Path]:
    """A valid claimset project with `sentences` sentences; returns its annotation files."""
    sys.path.insert(0, str(ROOT / "tools"))
    from claimset.canonical import canonical
    from claimset.jsonio import dumps
    from claimset.models import SentenceRecord
    from claimset.segment import split_sentences

    rng = random.Random(seed)
    for sub in ("seeds", "corpus/annotations", "schema"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "README.md").write_text("# Benchmark corpus\n", encoding="utf-8")
    (root / "corpus/actors.jsonl").write_text("".join(dumps(a) + "\n" for a in ACTORS), "utf-8")
    per_doc = sentences // docs
    documents, paths = [], []
    for d in range(docs):
        doc = f"essay{d:04d}"
        order = [rng.randrange(len(TEMPLATES)) for _ in range(per_doc)]
        lines, para = [], []
        for i, t in enumerate(order):
            para.append(TEMPLATES[t][0].format(n=1900 + (d * per_doc + i) % 200))
            if len(para) == 5:
                lines.append(" ".join(para))
                para = []
        if para:
            lines.append(" ".join(para))
        text = "\n".join(lines) + "\n"
        seed_path = root / "seeds" / f"{doc}.txt"
        seed_path.write_bytes(text.encode("utf-8"))
        segments = split_sentences(text)
        assert len(segments) == per_doc, (len(segments), per_doc)
        out = []
        for i, (seg, t) in enumerate(zip(segments, order, strict=True)):
            status = rng.choice(STATUSES)
            claims: list[dict[str, Any]] = []
            if status != "todo":
                for k, (ref, aq, eq, etype, target, cert, cues, ev) in enumerate(TEMPLATES[t][1]):
                    evidence: list[dict[str, Any]] = []
                    if ev and i and order[i - 1] == 0:
                        prev = segments[i - 1].text
                        evidence = [
                            {**_span(prev, ev), "sentence": f"{doc}:{i - 1:04d}", "type": "event"}
                        ]
                    actor: dict[str, Any] = {"ref": ref, **(_span(seg.text, aq) if aq else NO_SPAN)}
                    expectation: dict[str, Any] = {**_span(seg.text, eq), "type": etype}
                    expectation["target"] = target
                    claims.append(
                        {
                            "id": f"c{k + 1}",
                            "actor": actor,
                            "expectation": expectation,
                            "evidence": evidence,
                            "hedge": {
                                "certainty": cert,
                                "cues": [{**_span(seg.text, q), "kind": kind} for q, kind in cues],
                            },
                            "polarity": "negative" if " not " in eq else "positive",
                            "origin": "auto" if status == "draft" else "human",
                        }
                    )
            record = {
                "id": f"{doc}:{i:04d}",
                "doc": doc,
                "start": seg.start,
                "end": seg.end,
                "text": seg.text,
                "status": status,
                "annotator": rng.choice(["ann1", "ann2"])
                if status in ("done", "reviewed")
                else None,
                "claims": claims,
            }
            # The canonical form `claimset fmt` writes, so validation takes its fast path.
            out.append(dumps(canonical(record, SentenceRecord)) + "\n")
        path = root / "corpus" / "annotations" / f"{doc}.jsonl"
        path.write_text("".join(out), encoding="utf-8")
        paths.append(path)
        documents.append(
            {
                "id": doc,
                "title": f"Essay {d}",
                "source": None,
                "license": None,
                "language": "en",
                "sha256": hashlib.sha256(seed_path.read_bytes()).hexdigest(),
                "sentence_count": per_doc,
                "split": ("train", "train", "train", "validation", "test")[d % 5],
            }
        )
    (root / "corpus/documents.jsonl").write_text(
        "".join(dumps(doc) + "\n" for doc in documents), encoding="utf-8"
    )
    return paths


# Runs in each measured process: times `job()`, and with `sample` set, samples the proportional
# set size (Pss: shared pages split between the processes sharing them) of the process and all
# its descendants every 10 ms, so worker processes count too. Timing runs do not sample. `cpu`
# is the job's user + system seconds, its ended worker processes' included, the sampler's not.
PRELUDE = textwrap.dedent(
    """
    import json, os, resource, sys, threading, time

    def pss(pid):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                return next(int(l.split()[1]) * 1024 for l in f if l.startswith("Pss:"))
        except (OSError, StopIteration):
            return 0

    def tree(pid):
        pids = [pid]
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    for child in f.read().split():
                        pids += tree(int(child))
        except OSError:
            pass
        return pids

    def cpu():
        # user + system seconds of this process and of its children that have ended (workers)
        own = resource.getrusage(resource.RUSAGE_SELF)
        ended = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime

    def measure(job, sample):
        peak, stop, sampler_cpu = [0], threading.Event(), [0.0]

        def sampler():
            while not stop.wait(0.01):
                peak[0] = max(peak[0], sum(pss(p) for p in tree(os.getpid())))
            sampler_cpu[0] = time.thread_time()  # the sampler's own CPU: not the job's

        thread = threading.Thread(target=sampler, daemon=True)
        if sample:
            thread.start()
        t, c = time.perf_counter(), cpu()
        extra = job()
        seconds, cpu_seconds = time.perf_counter() - t, cpu() - c
        stop.set()
        if sample:
            thread.join()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(json.dumps({"seconds": seconds, "cpu": cpu_seconds - sampler_cpu[0], "rss": rss,
                          "tree_pss": peak[0], **(extra or {})}))
    """
)

BASELINE = PRELUDE + textwrap.dedent(
    """
    import datasets
    datasets.disable_progress_bars()
    files, out, cache, sample = json.loads(sys.argv[1])
    measure(lambda: datasets.Dataset.from_json(files, cache_dir=cache).to_parquet(out) and None,
            sample)
    """
)

CLAIMSET = PRELUDE + textwrap.dedent(
    """
    from pathlib import Path
    import datasets, pyarrow.parquet
    from claimset.export import export
    from claimset.project import Project
    datasets.disable_progress_bars()
    root, out, sample = json.loads(sys.argv[1])

    def job():
        result = export(Project(Path(root)), Path(out))
        return {"timings": result.timings, "rows": result.rows}

    measure(job, sample)
    """
)


def run(script: str, arg: Any, cache: Path) -> dict[str, Any]:
    """Run a measuring script in a fresh process with its own fresh HF cache folder."""
    env = dict(os.environ)
    env.update(
        HF_DATASETS_CACHE=str(cache),
        HF_HOME=str(cache / "home"),
        HF_DATASETS_OFFLINE="1",
        HF_HUB_OFFLINE="1",
        PYTHONPATH=str(ROOT / "tools") + os.pathsep + env.get("PYTHONPATH", ""),
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, json.dumps(arg)], capture_output=True, text=True, env=env
    )
    if proc.returncode:
        raise SystemExit(proc.stderr[-4000:])
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r["seconds"])[(len(runs) - 1) // 2]


#: The measured commands: (key, label, the baseline run on the same files).
COMMANDS = (
    ("baseline", "`Dataset.from_json(files).to_parquet()`, canonical files", "baseline"),
    ("claimset", "`claimset export` (validation included), canonical files", "baseline"),
    ("baseline_typed", "`Dataset.from_json(files).to_parquet()`, as typed", "baseline_typed"),
    ("typed", "`claimset export` (validation included), as typed", "baseline_typed"),
)


def table(
    n: int,
    files: int,
    sizes: dict[str, int],
    runs: dict[str, list[dict[str, Any]]],
    memory: dict[str, Any],
    load: str,
) -> str:
    mib = 1024 * 1024
    ours = median_run(runs["claimset"])
    rows = []
    for name, label, baseline in COMMANDS:
        run, base = median_run(runs[name]), median_run(runs[baseline])
        mem, ref = memory[name], memory[baseline]
        rows.append(
            f"| {label} | {run['seconds']:.2f} | {run['seconds'] / base['seconds']:.2f}x | "
            f"{mem['tree_pss'] / mib:.0f} | {mem['tree_pss'] / ref['tree_pss']:.2f}x "
            f"| {mem['rss'] / mib:.0f} | {mem['rss'] / ref['rss']:.2f}x |"
        )
    claims = sum(ours["rows"]["claims"].values())
    lines = [
        "Generated by `python benchmarks/bench_export.py`; do not edit by hand.",
        "",
        f"Corpus: {n:,} sentences in {files} annotation files, {claims:,} exported claims; in "
        f"canonical form ({sizes['canonical'] / mib:.0f} MiB of JSONL, as `claimset fmt` writes "
        f"it) and as typed ({sizes['typed'] / mib:.0f} MiB: the same records with keys in "
        "another order, defaults left out, other spacing; `benchmarks/as_typed.py`). "
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs "
        f"shared with other work (load average {load} when the run started). Each run is a "
        "fresh process with a fresh HF cache; seconds are from the median "
        f"of {len(runs['baseline'])} runs, interleaved. Every ratio is against "
        "`Dataset.from_json(files).to_parquet()` on the same files (targets for the corpus as "
        "typed: at most 2x its time and 1.5x its memory). Memory comes from separate runs: "
        "*tree Pss* is the peak proportional set size of the process and all its children "
        "(validation workers included), sampled every 10 ms; *RSS* is the process's own maximum "
        "resident set size. Both include the imported libraries (about 140 MiB).",
        "",
        "| | seconds | time vs baseline | peak tree Pss (MiB) | vs baseline | peak RSS (MiB) "
        "| vs baseline |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "Where `claimset export`'s time goes (median runs). On a corpus this size validation runs "
        "in its own processes while the tables are built; *wait* is how long the export waited for "
        "it after the tables were written:",
        "",
        "| step | canonical: seconds | share | as typed: seconds | share |",
        "|---|---:|---:|---:|---:|",
    ]
    typed = median_run(runs["typed"])
    for k, v in ours["timings"].items():
        w = typed["timings"].get(k, 0.0)
        lines.append(
            f"| {k} | {v:.2f} | {v / ours['seconds']:.0%} | {w:.2f} | {w / typed['seconds']:.0%} |"
        )
    return "\n".join(lines)


def write_section(body: str) -> None:
    """Put the table between this benchmark's markers in docs/benchmarks.md, nothing else."""
    block = f"{START}\n{body}\n{END}"
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Export\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="Print only; leave the docs alone.")
    args = parser.parse_args()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp_name:
        tmp = Path(tmp_name)
        files = generate(tmp / "proj", args.sentences)
        size = sum(f.stat().st_size for f in files)
        counter = iter(range(1_000_000))

        # The same corpus as a script or an annotator types it (keys in another order,
        # defaults left out, other spacing): export must be as fast on it.
        shutil.copytree(tmp / "proj", tmp / "typed")
        typed_files = sorted((tmp / "typed" / "corpus" / "annotations").glob("*.jsonl"))
        rewrite_as_typed(typed_files)
        sizes = {"canonical": size, "typed": sum(f.stat().st_size for f in typed_files)}

        def measure(name: str, sample: bool) -> dict[str, Any]:
            cache = tmp / f"cache-{next(counter)}"
            if name.startswith("baseline"):
                paths = files if name == "baseline" else typed_files
                job = [[str(f) for f in paths], str(tmp / "baseline.parquet"), str(cache), sample]
                return run(BASELINE, job, cache)
            project = tmp / ("proj" if name == "claimset" else "typed")
            return run(CLAIMSET, [str(project), str(tmp / f"out-{name}"), sample], cache)

        runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in COMMANDS}
        for _ in range(args.repeat):
            for name in runs:
                runs[name].append(measure(name, False))
        memory = {name: measure(name, True) for name in runs}
        body = table(args.sentences, len(files), sizes, runs, memory, load)
    if not args.no_write:
        write_section(body)
    print(body)


if __name__ == "__main__":
    main()
