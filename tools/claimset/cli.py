"""The command-line interface: a thin click layer over the library functions.

Each command parses its arguments, calls one library function, and renders the result with rich.
Library exceptions become `Error: ...` lines with the exit code they carry (1 data, 2 usage).
Heavy modules (datasets, pyarrow) are imported inside the commands that need them, so that
`claimset --help` stays instant.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape

from . import __version__
from .errors import ClaimsetError
from .words import plural

if TYPE_CHECKING:
    from .project import Project

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes, in one place (SPEC, "Exit codes").
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def stdout() -> Console:
    """A console for results."""
    return Console(soft_wrap=True, highlight=False)


def stderr() -> Console:
    """A console for warnings, errors and progress."""
    return Console(stderr=True, soft_wrap=True, highlight=False)


def handle_errors(func: F) -> F:
    """Turn library exceptions into a one-line `Error: ...` and the exception's exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimsetError as exc:
            stderr().print(f"[bold red]Error:[/] {escape(str(exc))}", markup=True, highlight=False)
            sys.exit(exc.exit_code)
        except OSError as exc:  # a folder where a file should be, a permission, a full disk
            where = f": {exc.filename}" if exc.filename else ""
            message = f"{exc.strerror or exc}{where}"
            stderr().print(f"[bold red]Error:[/] {escape(message)}", markup=True, highlight=False)
            sys.exit(EXIT_INVALID)

    return wrapper  # type: ignore[return-value]


def find_project() -> Project:
    """The project at or above the working directory."""
    # Imported here: the models behind it load pydantic, which `claimset --help` does not need.
    from .project import Project

    return Project.find()


def resolve_paths(project: Project, paths: tuple[str, ...]) -> list[Path] | None:
    """User-given paths resolved inside the project; None when no path was given."""
    if not paths:
        return None
    return [project.resolve(p) for p in paths]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="claimset")
def cli() -> None:
    """Build, validate and export annotated corpora of claims from argumentative essays.

    Run the commands from the root of a claimset project (or any folder inside it).
    Exit codes: 0 success, 1 invalid data or refused to protect data, 2 usage error.
    """


# -- commands -------------------------------------------------------------------------------------


@cli.command("split")
@click.argument("seeds", nargs=-1, type=click.Path())
@handle_errors
def split_cli(seeds: tuple[str, ...]) -> None:
    """Segment seed essays into corpus/annotations/<doc>.jsonl.

    With no SEEDS, splits every seeds/*.txt. Idempotent: an unchanged seed leaves its file
    byte-identical. Refuses (exit 1, nothing changed) when a seed changed under done or
    reviewed sentences; machine drafts on a changed seed are discarded and reported.
    """
    from .split import split

    project = find_project()
    result = split(project, resolve_paths(project, seeds))
    render_split(result)
    if not result.ok:
        sys.exit(EXIT_INVALID)


def render_split(result: Any) -> None:
    """Messages on stderr, then one line per split seed."""
    out, err = stdout(), stderr()
    for outcome in result.outcomes:
        for level, text in outcome.messages:
            style = "red" if level == "error" else "yellow"
            err.print(f"[{style}]{level}:[/] {escape(text)}", markup=True, highlight=False)
        if outcome.action in ("created", "updated", "unchanged"):
            count = plural(outcome.sentences, "sentence")
            out.print(f"{escape(outcome.path)}: {count} ({outcome.action})")
    if not result.outcomes:
        err.print("[yellow]warning:[/] no seeds to split (put essays in seeds/*.txt)")


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Add missing project files to a non-empty folder.")
@handle_errors
def init_cli(directory: Path, force: bool) -> None:
    """Scaffold a new claimset project in DIRECTORY.

    Creates seeds/, corpus/ (actors.jsonl with `author`, documents.jsonl, annotations/),
    schema/, a pre-commit config, a GitHub Actions workflow and a README. Refuses a
    non-empty folder unless --force; existing files are never overwritten.
    """
    from .scaffold import init

    written = init(directory, force=force)
    out = stdout()
    if written:
        files = plural(len(written), "file")
        out.print(f"Created a claimset project in {escape(str(directory))} ({files}).")
    else:
        out.print(f"{escape(str(directory))} already holds every project file; nothing added.")
    out.print("Next: put essays in seeds/*.txt, then run `claimset build` inside the project.")


@cli.command("schema")
@click.option(
    "--check", is_flag=True, help="Only check that schema/ is up to date (exit 1 if not)."
)
@handle_errors
def schema_cli(check: bool) -> None:
    """Write schema/*.schema.json (JSON Schema 2020-12) from the pydantic models.

    With --check, writes nothing and exits 1 if a file is missing or differs (drift).
    """
    from .schema import write_schemas

    project = find_project()
    result = write_schemas(project.schema_dir, check=check)
    out = stdout()
    for path in result.changed:
        rel = project.relative(path)
        out.print(f"{escape(rel)}: out of date" if check else f"{escape(rel)}: written")
    if check and result.changed:
        stderr().print("[red]error:[/] schema/ differs from the models; run `claimset schema`")
        sys.exit(EXIT_INVALID)
    if not result.changed:
        out.print(f"schema/: {plural(len(result.unchanged), 'file')} up to date")


#: `--format text|json` of the commands that report numbers.
text_or_json = click.option(
    "--format",
    "fmt_",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Rich tables, or one JSON object with the same numbers.",
)


def print_numbers(
    data: dict[str, Any], fmt_: str, render: Callable[[dict[str, Any]], None]
) -> None:
    """Print `data` as one JSON object (`--format json`), or as `render` draws it."""
    if fmt_ == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        render(data)


@cli.command("stats")
@click.argument("paths", nargs=-1, type=click.Path())
@text_or_json
@handle_errors
def stats_cli(paths: tuple[str, ...], fmt_: str) -> None:
    """Annotation progress and counts: status, actors, types, certainty, cues, evidence.

    With no PATHS, counts every corpus/annotations/*.jsonl.
    """
    from .stats import compute_stats

    project = find_project()
    stats = compute_stats(project, resolve_paths(project, paths))
    print_numbers(stats.to_dict(), fmt_, render_stats)


def render_stats(data: dict[str, Any]) -> None:
    """A summary line, then a table of counts per field (from `Stats.to_dict()`)."""
    from rich.table import Table
    from rich.text import Text

    out = stdout()
    total = data["sentences"]
    out.print(
        f"[bold]{plural(data['files'], 'file')}[/], [bold]{plural(total, 'sentence')}[/], "
        f"[bold]{plural(data['claims'], 'claim')}[/] in "
        f"{plural(data['claim_sentences'], 'sentence')}; "
        f"{data['progress']:.0%} done or reviewed",
        markup=True,
    )
    if data["skipped_lines"]:
        stderr().print(
            f"[yellow]warning:[/] {plural(data['skipped_lines'], 'line')} could not be read; "
            "run `claimset validate`"
        )

    def table(title: str, counts: dict[str, int], limit: int = 15) -> None:
        if not counts:
            return
        t = Table(title=title, title_justify="left", show_edge=False)
        t.add_column("value")
        t.add_column("count", justify="right")
        t.add_column("share", justify="right")
        whole = sum(counts.values()) or 1
        for key, count in list(counts.items())[:limit]:
            t.add_row(Text(key), str(count), f"{count / whole:.0%}")
        if len(counts) > limit:
            t.add_row(f"... {len(counts) - limit} more", "", "")
        out.print(t)

    table("Sentences by status", data["status"])
    table("Claims by actor", data["actors"])
    table("Claims by target", data["targets"])
    table("Expectation types", data["expectation_types"])
    table("Certainty", data["certainty"])
    table("Polarity", data["polarity"])
    table("Origin", data["origin"])
    for kind, cues in data["cues"].items():
        table(f"Most frequent {kind} cues", cues, limit=10)
    table("Evidence types", data["evidence_types"])
    out.print(
        f"{data['evidence']} evidence links, {data['cross_sentence_evidence']} to other "
        f"sentences; {data['implicit_actors']} implicit (unnamed, non-author) actors"
    )


#: The export options, shared by `export` and `build`.
out_option = click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Dataset folder (default: dist/claimset under the project root).",
)
include_drafts_option = click.option(
    "--include-drafts",
    is_flag=True,
    help="Also put the machine-drafted claims of draft sentences in the claims config.",
)


@cli.command("build")
@out_option
@include_drafts_option
@handle_errors
def build_cli(out_dir: Path | None, include_drafts: bool) -> None:
    """The main job: split → fmt → validate → export, with progress and a summary.

    Stops at the first step that fails (exit 1) and shows why: a seed that changed under
    annotated sentences, a file fmt cannot parse, or the validation errors.
    """
    from rich.table import Table

    from .build import STEPS, build

    project = find_project()
    err = stderr()
    with err.status("building…") as status:
        result = build(
            project,
            out_dir=out_dir,
            include_drafts=include_drafts,
            on_step=lambda name: status.update(f"{name}…"),
        )
    summary = Table(title="claimset build", title_justify="left", show_edge=False)
    summary.add_column("step")
    summary.add_column("result")
    for name in STEPS:
        if name in result.results:
            failed = name == result.stopped_at
            text = describe_step(name, result.results[name])
            summary.add_row(name, f"[red]failed[/] {text}" if failed else f"[green]ok[/] {text}")
        else:
            summary.add_row(name, "[dim]not run[/]")
    stdout().print(summary)
    if not result.ok:
        stopped = result.stopped_at
        if stopped == "split":
            render_split(result.results["split"])
        elif stopped == "fmt":
            render_fmt(result.results["fmt"], check=False, diff=False)
        else:
            from .reporters import render_text

            render_text(result.results["validate"], err)
        err.print(f"[bold red]Error:[/] build stopped at {stopped}")
        sys.exit(EXIT_INVALID)


def describe_step(name: str, value: Any) -> str:
    """One line per build step for the summary table."""
    if name == "split":
        n = sum(o.sentences for o in value.outcomes)
        return f"{plural(len(value.outcomes), 'seed')}, {plural(n, 'sentence')}"
    if name == "fmt":
        return f"{plural(len(value.changed), 'file')} reformatted"
    if name == "validate":
        files, records = plural(value.files, "file"), plural(value.records, "record")
        return f"{files}, {records}, {plural(len(value.errors), 'error')}"
    if name == "export":
        rows = ", ".join(
            f"{config} {sum(splits.values())}" for config, splits in value.rows.items()
        )
        return f"{value.out_dir} ({rows} rows)"
    return ""


@cli.command("export")
@out_option
@include_drafts_option
@handle_errors
def export_cli(out_dir: Path | None, include_drafts: bool) -> None:
    """Export the validated corpus as a Hugging Face dataset folder.

    Writes Parquet files for the configs sentences (default), claims, documents and actors,
    split by document, and a dataset card (README.md) that `datasets.load_dataset(DIR, CONFIG)`
    and the Hub read directly. Validates first and refuses (exit 1, with the diagnostics) an
    invalid corpus. The folder is built aside and swapped in at the end; an existing folder is
    only replaced if it is a previous export.
    """
    from .errors import InvalidCorpus
    from .export import export

    project = find_project()
    err = stderr()
    try:
        with err.status("exporting…") as status:
            result = export(
                project,
                out_dir,
                include_drafts=include_drafts,
                on_step=lambda name: status.update(f"{name}…"),
            )
    except InvalidCorpus as exc:
        from .reporters import render_text

        if exc.report is not None:
            render_text(exc.report, err)  # type: ignore[arg-type]
        raise
    render_export(result)


def render_export(result: Any) -> None:
    """Rows per config and split, then where the folder is."""
    from rich.table import Table

    from .models import SPLITS

    table = Table(title="claimset export", title_justify="left", show_edge=False)
    table.add_column("config")
    for split in SPLITS:
        table.add_column(split, justify="right")
    table.add_column("total", justify="right")
    for config, splits in result.rows.items():
        cells = [str(splits[s]) if s in splits else "-" for s in SPLITS]
        table.add_row(config, *cells, str(sum(splits.values())))
    out = stdout()
    out.print(table)
    drafts = " (machine drafts included)" if result.include_drafts else ""
    out.print(f"Wrote {escape(str(result.out_dir))}{drafts}")
    if not result.rows.get("claims"):
        stderr().print(
            "[yellow]warning:[/] no claims to export (no `done` or `reviewed` sentence has one"
            f"{'' if result.include_drafts else '; --include-drafts adds machine drafts'}): "
            'the `claims` config is not written, so `load_dataset(DIR, "claims")` fails '
            "until there are some"
        )


@cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text: file:line:col diagnostics with the offending snippet; json: one report object; "
    "github: GitHub Actions annotations.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Check annotation files in N processes (0: one per CPU).",
)
@handle_errors
def validate_cli(paths: tuple[str, ...], format_: str, strict: bool, jobs: int) -> None:
    """Check the corpus and report every problem, never stopping at the first.

    With no PATHS, checks the whole project: annotation files, actors.jsonl, documents.jsonl
    and seeds. With PATHS (files or folders, as pre-commit passes them), reports on those only,
    still reading the registry, documents and seeds the checks need. Exit 0 valid, 1 invalid,
    2 usage error. The codes are explained in docs/diagnostics.md.
    """
    from .reporters import render_github, render_json, render_text
    from .validate import validate

    project = find_project()
    report = validate(project, resolve_paths(project, paths), strict=strict, jobs=jobs)
    if format_ == "json":
        click.echo(render_json(report))
    elif format_ == "github":
        click.echo(render_github(report), nl=False)
    else:
        render_text(report, stdout())
    if not report.valid:
        sys.exit(EXIT_INVALID)


@cli.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--check", is_flag=True, help="Change nothing; exit 1 and list the files fmt would change."
)
@click.option("--diff", is_flag=True, help="Change nothing; print what would change as a diff.")
@handle_errors
def fmt_cli(paths: tuple[str, ...], check: bool, diff: bool) -> None:
    """Anchor quotes to offsets and rewrite data files in canonical form, atomically.

    Fills span start/end from the quotes (re-anchoring stale offsets to the nearest
    occurrence), writes evidence sentence ids and missing claim ids, orders keys as the schema
    does, one record per line. With no PATHS, formats every annotation file, actors.jsonl and
    documents.jsonl. Never changes meaning or deletes anything: a file with a line it cannot
    parse is left untouched (exit 1).
    """
    from .fmt import fmt

    project = find_project()
    result = fmt(project, resolve_paths(project, paths), check=check, diff=diff)
    render_fmt(result, check=check, diff=diff)
    if result.refused or (check and result.changed):
        sys.exit(EXIT_INVALID)


def render_fmt(result: Any, *, check: bool, diff: bool) -> None:
    """Per changed or refused file a line (and notes, and the diff), then a summary."""
    from rich.text import Text

    out, err = stdout(), stderr()
    for outcome in result.files:
        if outcome.refused:
            for message in outcome.messages:
                err.print(f"[red]error:[/] {escape(message)}")
            continue
        if not outcome.changed:
            continue
        verb = "would reformat" if check or diff else "reformatted"
        out.print(f"{verb} {escape(outcome.path)}")
        for message in outcome.messages:
            out.print(f"  [dim]{escape(message)}[/]")
        if diff and outcome.diff:
            for line in outcome.diff.splitlines():
                style = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1], "")
                out.print(Text(line, style=style))
    changed, refused = len(result.changed), len(result.refused)
    unchanged = len(result.files) - changed - refused
    verb = "would be reformatted" if check or diff else "reformatted"
    parts = [f"{plural(changed, 'file')} {verb}", f"{unchanged} unchanged"]
    if refused:
        parts.append(f"{refused} refused (cannot be parsed)")
    err.print(", ".join(parts))


@cli.command("draft")
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--redo", is_flag=True, help="Also re-draft sentences that are already `draft`.")
@handle_errors
def draft_cli(files: tuple[str, ...], redo: bool) -> None:
    """Suggest claims for `todo` sentences (they become `draft`, also when none is found).

    With no FILES, drafts every corpus/annotations/*.jsonl. `done` and `reviewed` sentences are
    never touched; `draft` ones only with --redo. Rules and lexicons only (see
    docs/drafting.md): the same input always gives the same output.
    """
    from .draft import draft

    project = find_project()
    result = draft(project, resolve_paths(project, files), redo=redo)
    out, err = stdout(), stderr()
    for o in result.outcomes:
        if o.action == "error":
            err.print(f"[red]error:[/] {escape(o.message)}", markup=True, highlight=False)
            continue
        out.print(
            f"{escape(o.path)}: {plural(o.drafted, 'sentence')} drafted, "
            f"{plural(o.claims, 'claim')} suggested, {o.kept} left alone ({o.action})"
        )
        for sid in o.protected:
            err.print(
                f"[yellow]warning:[/] {escape(o.path)}: {escape(sid)} left alone: it holds human "
                "claims (set its status to done when it is finished)"
            )
    if not result.outcomes:
        err.print("[yellow]warning:[/] no annotation files (run `claimset split` first)")
    if not result.ok:
        sys.exit(EXIT_INVALID)


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("pred", type=click.Path(path_type=Path))
@text_or_json
@handle_errors
def eval_cli(gold: Path, pred: Path, fmt_: str) -> None:
    """Precision, recall and F1 of PRED's claims against GOLD's, per field.

    GOLD and PRED are annotation files or folders of them; only `done` and `reviewed` gold
    sentences are scored. Claims are paired within a sentence by the largest expectation-span
    overlap. Hedge cues are scored as in CoNLL-2010 (exact span and kind).
    """
    from .evaluate import evaluate

    report = evaluate([gold], [pred])
    if not report.sentences:
        stderr().print(
            f"[yellow]warning:[/] no sentence scored: {escape(str(gold))} holds no `done` or "
            "`reviewed` sentence whose text PRED shares (the order is GOLD PRED)"
        )
    print_numbers(report.to_dict(), fmt_, render_eval)


def render_eval(data: dict[str, Any]) -> None:
    """The scores, the accuracies and the certainty confusion (from `EvalReport.to_dict()`)."""
    from rich.table import Table

    from .evaluate import MEASURES

    out = stdout()
    sents, claims = data["sentences"], data["claims"]
    out.print(
        f"{sents['scored']} gold sentences scored ({sents['missing_prediction']} without "
        f"prediction, {sents['text_mismatch']} with another text skipped); "
        f"{claims['gold']} gold claims, {claims['predicted']} predicted, {claims['paired']} paired"
    )
    t = Table(show_edge=False)
    for name, justify in (("measure", "left"), ("P", "right"), ("R", "right"), ("F1", "right")):
        t.add_column(name, justify=justify)  # type: ignore[arg-type]
    for name in ("TP", "FP", "FN"):
        t.add_column(name, justify="right")
    for key, label in MEASURES.items():
        s = data["scores"][key]
        t.add_row(
            label,
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
        )
    out.print(t)
    acc = Table(show_edge=False)
    acc.add_column("on paired claims")
    acc.add_column("accuracy", justify="right")
    acc.add_column("n", justify="right")
    for key, value in data["accuracy"].items():
        acc.add_row(key.replace("_", " "), f"{value['accuracy']:.3f}", str(value["total"]))
    out.print(acc)
    conf = Table(title="certainty: gold (rows) × predicted", title_justify="left", show_edge=False)
    conf.add_column("")
    labels = list(data["certainty_confusion"])
    for label in labels:
        conf.add_column(label, justify="right")
    for label in labels:
        row = data["certainty_confusion"][label]
        conf.add_row(label, *(str(row[p]) for p in labels))
    out.print(conf)


SHOW_STYLES = {
    "evidence": "on grey23",
    "expectation": "underline bold green",
    "actor": "bold cyan",
    "hedge": "bold magenta",
    "booster": "bold red",
}


@cli.command("show")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["todo", "draft", "done", "reviewed"]),
    help="Only sentences with this status (repeatable).",
)
@click.option(
    "--id",
    "ids",
    multiple=True,
    help="Only this sentence id, or every sentence of this document id (repeatable).",
)
@handle_errors
def show_cli(paths: tuple[str, ...], statuses: tuple[str, ...], ids: tuple[str, ...]) -> None:
    """Show sentences with their annotations highlighted in the terminal.

    Actors are cyan, expectations green and underlined, hedge cues magenta, boosters red,
    evidence in the same sentence shaded; each claim gets a summary line (actor, type,
    target, certainty, evidence). Works on unfinished files: spans without offsets are
    located from their quotes, and unreadable lines are reported and skipped.
    """
    from rich.text import Text

    from .show import SPAN_KINDS, iter_highlights

    project = find_project()
    out, err = stdout(), stderr()
    shown = 0
    for item in iter_highlights(
        project,
        resolve_paths(project, paths),
        statuses=frozenset(statuses) or None,
        ids=frozenset(ids) or None,
    ):
        if isinstance(item, str):
            err.print(f"[yellow]warning:[/] {escape(item)}", markup=True, highlight=False)
            continue
        shown += 1
        who = f" {item.annotator}" if item.annotator else ""
        out.print(
            f"[bold]{escape(item.id)}[/] [dim]{escape(f'{item.status}{who} · {item.file}')}"
            f":{item.line}[/]"
        )
        text = Text(item.text)
        for kind in SPAN_KINDS:  # paint in a fixed order so overlaps look the same every time
            for mark in item.marks:
                if mark.kind == kind:
                    text.stylize(SHOW_STYLES[kind], mark.start, mark.end)
        out.print(text)
        for line in item.claims:
            out.print(f"  {escape(line)}", highlight=False)
        for problem in item.problems:
            err.print(f"  [yellow]warning:[/] {escape(problem)}", markup=True, highlight=False)
        out.print()
    if not shown:
        err.print("no sentences to show")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="claimset")
