"""Benchmark `claimset draft`: speed on one core, and quality against gold annotations.

Speed: the rule engine (`draft_document`) and the whole command (`draft`: read, validate, draft,
write) on a corpus made by repeating every gold document below. Quality: each gold set (the seed
and the real documents of the train and validation splits, the development set; the essays under
tests/data/, held out) is copied with its sentences reset to `todo`, drafted, and scored with
`claimset eval --baseline`: the trivial baseline (every sentence one author belief spanning it)
puts the figures in context. The test-split documents of the corpus are never drafted or scored
here: they measure the drafter once, at the end.

Writes its section of docs/benchmarks.md (between `<!-- bench_draft:start -->` and
`<!-- bench_draft:end -->`) and prints it. Run from the repository root:
`python benchmarks/bench_draft.py`.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from claimset import atomic, jsonio  # noqa: E402
from claimset.draft import ActorIndex, draft, draft_document, load_actors  # noqa: E402
from claimset.draft.afresh import todo_copy  # noqa: E402
from claimset.draft.files import processes_for  # noqa: E402
from claimset.evaluate import MEASURES, EvalReport, evaluate  # noqa: E402
from claimset.models import Actor  # noqa: E402
from claimset.project import Project  # noqa: E402
from gold_sets import SEED, development_documents  # noqa: E402  (beside this file)

START, END = "<!-- bench_draft:start -->", "<!-- bench_draft:end -->"
# Held-out essays whose drafter errors were looked at during development (to fix general bugs,
# not to fit their sentences): reported, but marked, since they are not fully unseen.
INSPECTED = frozenset({"australia_china", "eu_turkey", "india_china"})
DOCS = ROOT / "docs" / "benchmarks.md"
MIN_RATE = 5000  # sentences/s, the target for the whole command
SHOWN = tuple(MEASURES)  # every measure `claimset eval` reports, in its order


def gold_projects() -> list[tuple[str, Path, list[str] | None]]:
    """(label, project root, documents or None for all) of every gold set: the seed, the real
    development documents, then the essays under tests/data."""
    out: list[tuple[str, Path, list[str] | None]] = [
        ("seed (development)", ROOT, [SEED]),
        ("real documents (development)", ROOT, development_documents()),
    ]
    essays = ROOT / "tests" / "data" / "essays"
    if essays.is_dir():
        out += [
            (f"{p.name} (held out{'*' if p.name in INSPECTED else ''})", p, None)
            for p in sorted(essays.iterdir())
            if p.is_dir()
        ]
    # Written by another annotator after the rules were final, never looked at while developing.
    blind = ROOT / "tests" / "data" / "blind"
    if blind.is_dir():
        out += [(f"{p.name} (blind†)", p, None) for p in sorted(blind.iterdir()) if p.is_dir()]
    # Written after the rules were final; nothing about them reached the rules' developers.
    blind2 = ROOT / "tests" / "data" / "blind2"
    if blind2.is_dir():
        out += [(f"{p.name} (blind)", p, None) for p in sorted(blind2.iterdir()) if p.is_dir()]
    # Opinion essays written and annotated without sight of any draft (session 7).
    blind3 = ROOT / "tests" / "data" / "blind3"
    if blind3.is_dir():
        out += [
            (f"{p.name} (blind, op-ed)", p, None) for p in sorted(blind3.iterdir()) if p.is_dir()
        ]
    # Real texts (US government works) chosen, annotated twice and adjudicated by annotators who
    # never saw a draft (sessions 8 to 11): each set was measured blind at the start of a session,
    # then read while developing (blind4 and blind5: CRS texts and a speech; blind6: two speeches;
    # blind7: two CRS reports, blind through session 9; blind8: two CRS Insights, blind through
    # session 10); blind9 (three CRS texts) was measured at the start and end of session 11 only.
    for folder in ("blind4", "blind5", "blind6", "blind7", "blind8", "blind9"):
        real = ROOT / "tests" / "data" / folder
        mark = "real, blind" if folder == "blind9" else "real, read"
        if real.is_dir():
            out += [(f"{p.name} ({mark})", p, None) for p in sorted(real.iterdir()) if p.is_dir()]
    return [(label, p, docs) for label, p, docs in out if gold_files(p, docs)]


def gold_files(root: Path, docs: list[str] | None) -> list[Path]:
    """The annotation files of a gold set (only `docs`, when given)."""
    paths = sorted((root / "corpus" / "annotations").glob("*.jsonl"))
    return [p for p in paths if docs is None or p.stem in docs]


def quality() -> list[tuple[str, EvalReport, EvalReport]]:
    rows = []
    for label, root, docs in gold_projects():
        with tempfile.TemporaryDirectory() as tmp:
            drafted = todo_copy(root, Path(tmp) / "drafted", docs)
            draft(drafted)
            report = evaluate(gold_files(root, docs), [drafted.annotations_dir], baseline=True)
        assert report.baseline is not None
        rows.append((label, report, report.baseline))
    return rows


def speed_corpus(dest: Path, copies: int) -> tuple[Project, int]:
    """A project holding `copies` copies of every gold document, with a merged registry."""
    actors: dict[str, Any] = {}
    (dest / "seeds").mkdir(parents=True)
    (dest / "corpus" / "annotations").mkdir(parents=True)
    sentences = 0
    for _, root, docs in gold_projects():
        for actor in jsonio.read_jsonl(root / "corpus" / "actors.jsonl"):
            actors.setdefault(actor["id"], actor)
        for path in gold_files(root, docs):
            records = jsonio.read_jsonl(path)
            seed = (root / "seeds" / f"{path.stem}.txt").read_bytes()
            for n in range(copies):
                doc = f"{path.stem}.{n:03d}"
                out = []
                for r in records:
                    r = dict(r, doc=doc, id=f"{doc}:{r['id'].rsplit(':', 1)[1]}")
                    r.update(status="todo", annotator=None, claims=[])
                    out.append(r)
                jsonio.write_jsonl(dest / "corpus" / "annotations" / f"{doc}.jsonl", out)
                (dest / "seeds" / f"{doc}.txt").write_bytes(seed)
                sentences += len(out)
    jsonio.write_jsonl(dest / "corpus" / "actors.jsonl", actors.values())
    return Project(dest), sentences


def speed(copies: int = 60) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        project, n = speed_corpus(Path(tmp), copies)
        index: ActorIndex = load_actors(project)
        docs = [[r["text"] for r in jsonio.read_jsonl(p)] for p in project.annotation_paths()]
        draft_document(docs[0], index)  # warm the lexicon cache
        # The median of three rounds.
        engines, commands = [], []
        for _ in range(3):
            t0 = time.process_time()
            for texts in docs:
                draft_document(texts, index)
            engines.append(time.process_time() - t0)
        # The command, in two cases: a first draft (every sentence `todo`: read, validate,
        # draft, write every file; the `todo` files are put back, untimed, before each round)
        # and `--redo` (every sentence drafted again; a file whose drafts did not change is not
        # written). One median over both cases, as before, measured `--redo` only.
        todo = {p: p.read_bytes() for p in project.annotation_paths()}
        redos: list[float] = []
        first: list[bytes] = []
        deterministic = True
        for _ in range(3):
            for path, data in todo.items():
                path.write_bytes(data)
            t0 = time.process_time()
            draft(project, jobs=1)  # one process: its CPU time is the whole command's
            commands.append(time.process_time() - t0)
            now = [p.read_bytes() for p in project.annotation_paths()]
            first = first or now
            deterministic = deterministic and now == first
        for _ in range(3):
            t0 = time.process_time()
            draft(project, redo=True, jobs=1)  # every sentence drafted again
            redos.append(time.process_time() - t0)
        now = [p.read_bytes() for p in project.annotation_paths()]
        deterministic = deterministic and now == first
        # The command at its default (`-j 0`: one process per CPU for a corpus this size), a
        # first draft, in wall time: CPU time of the parent would not count the workers. The
        # same bytes are checked.
        processes = processes_for(0, project.annotation_paths())
        walls = []
        for _ in range(3):
            for path, data in todo.items():
                path.write_bytes(data)
            t0 = time.perf_counter()
            draft(project)
            walls.append(time.perf_counter() - t0)
        deterministic = (
            deterministic and [p.read_bytes() for p in project.annotation_paths()] == first
        )
    return {
        "sentences": n,
        "engine_rate": n / statistics.median(engines),
        "command_rate": n / statistics.median(commands),
        "redo_rate": n / statistics.median(redos),
        "processes": processes,
        "parallel_rate": n / statistics.median(walls),
        "deterministic": deterministic,
    }


def _registry_size(root: Path) -> int:
    path = root / "corpus" / "actors.jsonl"
    return sum(1 for r in jsonio.read_jsonl(path) if Actor.model_validate(r).kind != "author")


def render(rows: list[tuple[str, EvalReport, EvalReport]], rate: dict[str, Any]) -> str:
    lines = [
        START,
        "## Drafting (`claimset draft`, `claimset eval`)",
        "",
        "Generated by `python benchmarks/bench_draft.py`; do not edit by hand.",
        "",
        f"Machine: Python {platform.python_version()} on {platform.machine()}, one process; "
        "median of three rounds, in CPU time of the process (on a shared machine wall time "
        "measures the neighbours).",
        "",
        "### Speed",
        "",
        "| what | sentences | sentences/s |",
        "|---|---:|---:|",
        f"| rule engine (`draft_document`) | {rate['sentences']} | {rate['engine_rate']:,.0f} |",
        "| whole command, first draft (`draft`: read, validate, draft, write) "
        f"| {rate['sentences']} | {rate['command_rate']:,.0f} |",
        "| whole command again (`draft --redo`: every sentence drafted again) "
        f"| {rate['sentences']} | {rate['redo_rate']:,.0f} |",
        f"| whole command, first draft, at its default (`draft`, `-j 0`: {rate['processes']} "
        f"processes here; wall time) | {rate['sentences']} | {rate['parallel_rate']:,.0f} |",
        "",
        f"Target: at least {MIN_RATE:,} sentences/s. The first three rows are one process "
        "(`-j 1`) on one core; the last is the command as a user runs it, its files drafted "
        "side by side on this machine's cores (one file is always drafted by one process). "
        "Re-drafting with `--redo`, in one process or several, gives byte-identical files: "
        f"**{'yes' if rate['deterministic'] else 'NO'}**.",
        "",
        "### Quality against the gold annotations",
        "",
        "The real documents (five of the corpus's public-domain reports and speeches, the train",
        "and validation splits of `corpus/documents.jsonl`, pooled) are, with the seed, the",
        "development set: their drafter errors (`claimset eval --errors`) were read to choose",
        "general rules (docs/drafting.md), so they are not blind. The corpus's test-split",
        "documents are left out of this benchmark.",
        "",
        "The seed's gold is the development set the rules were written against; the essays under",
        "`tests/data/essays/` were annotated before the drafter ran on them and are held out",
        "(\\* their drafts were inspected to fix general bugs, e.g. a guideline cue the lexicon",
        "lacked or a misread *regard that X as Y*, and, for the v1.2 evidence rules, to choose",
        "between two variants of the facts-then-claim rule; no rule was fitted to their sentences:",
        "they are no longer blind). The essays under `tests/data/blind/` were written and",
        "annotated by another annotator after the rules were final and were never looked at",
        "while developing: they are the most honest figure, with one caveat (†): after their",
        "first measurement, the blind annotator's summary of the drafter's error *categories*",
        "(quotation marks cutting spans, spans starting at a frame such as *The danger is that*,",
        "*need not* / *would do well to* / *regards … as* mistyped, objective needs taken for",
        "desires, missing targets) was passed on to the rules' developer, who fixed those",
        "categories on the other essays without seeing the blind texts. The first blind",
        "measurement, before that, gave F1 claim-bearing sentences 1.00 / 0.91, actor refs",
        "0.85 / 0.84, hedge cues 1.00 / 0.91, exact spans 0.64 / 0.65, types 0.77 / 0.61,",
        "targets 0.52 / 0.56, evidence 0.58 / 0.22 (brazil_argentina / egypt_ethiopia).",
        "The essays under `tests/data/blind2/` (marked *blind*, without †) were written after the",
        "rules were final and nothing about them reached the rules' developers: **they are the",
        "honest figure**. The opinion essays under `tests/data/blind3/` (*blind, op-ed*) were",
        "written and annotated by two annotators who never saw a draft, after this session's",
        "rules: measured once with the code of the session's start and once with its end",
        "(figures of both in the session's closing note); their errors were not read.",
        "The real texts under `tests/data/blind4/` and `tests/data/blind5/` (two Congressional",
        "Research Service products, a White House speech: US government works, public domain)",
        "were chosen, cut, annotated by two annotators each and adjudicated, all without sight",
        "of a draft: *real, read* was measured blind once and then read to find general",
        "failures; *real, blind* was measured only at the start and the end of the session.",
        "F1 per measure (P/R in `claimset eval`); the baseline marks every sentence as one",
        "author claim spanning the whole sentence.",
        "",
    ]
    header = "| measure | " + " | ".join(label for label, _, _ in rows) + " |"
    lines += [header, "|---|" + "---:|" * len(rows)]
    for key in SHOWN:
        cells = []
        for _, report, base in rows:
            s, b = report.scores[key], base.scores[key]
            cells.append(f"{s.f1:.2f} (P {s.precision:.2f} R {s.recall:.2f}; base {b.f1:.2f})")
        lines.append(f"| {MEASURES[key]} | " + " | ".join(cells) + " |")
    for name, attr in (
        ("certainty accuracy (paired)", "certainty"),
        ("type accuracy (paired)", "type_accuracy"),
    ):
        cells = [f"{getattr(r, attr).value:.2f}" for _, r, _ in rows]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    sizes = [f"{r.sentences} sentences, {r.gold_claims} claims" for _, r, _ in rows]
    lines += ["| gold size | " + " | ".join(sizes) + " |", "", END]
    return "\n".join(lines)


def write_section(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    atomic.atomic_write_bytes(DOCS, text.encode("utf-8"))


def main() -> None:
    rows = quality()
    rate = speed()
    section = render(rows, rate)
    write_section(section)
    print(section)
    print(json.dumps({label: r.to_dict()["scores"]["cues"] for label, r, _ in rows}))
    slowest = min(rate["command_rate"], rate["redo_rate"])
    if slowest < MIN_RATE or not rate["deterministic"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
