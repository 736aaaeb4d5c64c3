"""`claimset init`: scaffold a new claimset project that works at once."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from .atomic import atomic_write_bytes
from .errors import ClaimsetError
from .jsonio import jsonl_bytes
from .labels import markdown
from .merge import GITATTRIBUTES
from .models import Actor
from .schema import json_schemas, schema_bytes

README = """\
# {name}

A corpus of claims in argumentative essays, built with
[claimset](https://pypi.org/project/claimset/).

## Workflow

1. Put essays (UTF-8 `.txt`) in `seeds/`; the file name (without `.txt`) is the document id.
2. `claimset split` segments them into `corpus/annotations/<doc>.jsonl`, one sentence per line.
3. Optional: `claimset draft` adds machine suggestions to sentences nobody has annotated yet.
4. Annotate: edit the JSONL files in your editor; type quotes, not offsets.
5. `claimset fmt` fills in offsets and writes the canonical form;
   `claimset validate` checks everything.
6. `claimset build` runs split, fmt, validate and export; the dataset lands in `dist/claimset`.

Register every actor (who holds an expectation) in `corpus/actors.jsonl`, and every annotator id
(with its kind: human, model or machine) in `corpus/annotators.jsonl`: the dataset card says who
annotated from it.
"""

SEEDS_README = """\
# Seeds

Put the essays to annotate here, one UTF-8 `.txt` file each. The file name without `.txt` is the
document id (letters, digits, `.`, `_`, `-`). claimset never modifies these files; record where each
essay comes from and its license in `corpus/documents.jsonl`.
"""

#: The files the fmt hook leaves alone and those that validate the whole project (the same
#: as .pre-commit-hooks.yaml's; here, where a line of the template would be too long).
FMT_EXCLUDE = r"^(corpus/orphans/|agreement/(.*/)?(orphans/|(actors|documents|annotators)\.jsonl$))"
PROJECT_FILES = (
    r"^(seeds/|corpus/(actors\.jsonl|annotators\.jsonl|documents\.jsonl|orphans/)"
    r"|agreement/(.*/)?actors\.jsonl$)"
)

PRE_COMMIT = """\
# The checks CI runs, before each commit: `pip install pre-commit`, then `pre-commit install`
# (`pre-commit run --all-files` runs them now). fmt first: it fills in offsets and claim ids, so
# validate then sees the canonical form. Annotation files and agreement files
# (agreement/<annotator>/<doc>.jsonl, a second annotator's) are formatted and validated alike.
# A change to seeds/, actors.jsonl, annotators.jsonl, documents.jsonl, an orphans file or an
# annotator's own agreement/<annotator>/actors.jsonl validates the whole project (the files
# depend on them).
# pre-commit installs claimset into an environment of its own from the source below, so no
# activated virtual environment is needed; to share this file, use a source every machine can
# reach (a git URL such as "claimset @ git+https://…/claimset@<tag>", or "claimset==<version>").
repos:
  - repo: local
    hooks:
      - id: claimset-fmt
        name: claimset fmt
        entry: claimset fmt
        language: python
        additional_dependencies: [{source}]
        files: ^(corpus|agreement)/.*\\.jsonl$
        exclude: {fmt_exclude}
        require_serial: true
      - id: claimset-validate
        name: claimset validate (changed annotation and agreement files)
        entry: claimset validate
        language: python
        additional_dependencies: [{source}]
        files: ^(corpus/annotations|agreement)/.*\\.jsonl$
        exclude: ^agreement/(.*/)?(actors|documents|annotators)\\.jsonl$
        require_serial: true
      - id: claimset-validate-project
        name: claimset validate (whole project)
        entry: claimset validate
        language: python
        additional_dependencies: [{source}]
        files: {project_files}
        pass_filenames: false
        require_serial: true
"""

WORKFLOW = """\
# Checks the corpus on every push and pull request.
name: corpus
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
{note}      - run: pip install {source}
      - name: Check schema/ against the installed claimset
        run: claimset schema --check
      - name: Validate the corpus
        if: success() || failure()
        run: claimset validate --format github
      - name: Check the canonical form
        if: success() || failure()
        run: claimset fmt --check --diff
      - name: Check that the files are what split makes of the seeds
        if: success() || failure()
        run: claimset split --check
      - name: Write the JSON report
        if: success() || failure()
        run: claimset validate --format json > validation-report.json || true
      - uses: actions/upload-artifact@v4
        if: success() || failure()
        with:
          name: validation-report
          path: validation-report.json
"""

LOCAL_SOURCE_NOTE = """\
      # claimset was installed from a folder on the machine that ran `claimset init`, which CI
      # runners cannot reach: replace it with a git URL or a released version.
"""


def install_source() -> str:
    """Where this claimset was installed from, as a pip requirement (PEP 610's direct_url.json):
    a git URL at the installed commit, a local folder or archive, else this version."""
    from importlib.metadata import PackageNotFoundError, distribution

    from . import __version__

    try:
        raw = distribution("claimset").read_text("direct_url.json")
    except PackageNotFoundError:
        raw = None
    info = json.loads(raw) if raw else {}
    url = info.get("url") if isinstance(info, dict) else None
    if isinstance(url, str):
        vcs = info.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
            return f"claimset @ {vcs['vcs']}+{url}@{vcs['commit_id']}"
        return f"claimset @ {url}"
    return f"claimset=={__version__}"


def _yaml_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar


#: The export, the environment, claimset's lock and the temp files of an interrupted write.
GUIDELINES = """\
# {name}: annotation guidelines

*Version 0.1. A starter written by `claimset init`: make these rules your own, raise the version
when they change (the dataset card names the version and the file's sha256).*

## 1. What we annotate

A **claim**: an actor (a state, a government, a person, the author…) holds an expectation (a
desire, intention, prediction, belief, demand or obligation), possibly directed at a target,
possibly supported by evidence, stated with some certainty. One JSONL line per sentence in
`corpus/annotations/<doc>.jsonl`; type quotes, `claimset fmt` computes the offsets.

## 2. The labels

<!-- labels:start -->
{labels}
<!-- labels:end -->

## 3. Decisions of this project

Write down each case you decide (with the sentence id), so that every annotator decides it the
same way: who counts as an actor (and its id in `corpus/actors.jsonl`), where a span starts and
ends, when a fact is linked as evidence, which words are cues.
"""

GITIGNORE = "dist/\n.venv/\n.claimset.lock\n.claimset-tmp-*\n"


def scaffold_files(name: str, source: str | None = None) -> dict[str, bytes]:
    """The files of a new project, by relative path; `source` is the pip requirement that
    pre-commit and CI install claimset from (default: where this claimset came from)."""
    source = source or install_source()
    note = LOCAL_SOURCE_NOTE if source.startswith("claimset @ file:") else ""
    author = Actor(id="author", name="The essay's author", kind="author")
    files = {
        "README.md": README.format(name=name).encode(),
        ".gitignore": GITIGNORE.encode(),
        ".gitattributes": GITATTRIBUTES.encode(),
        ".pre-commit-config.yaml": PRE_COMMIT.format(
            source=_yaml_string(source), fmt_exclude=FMT_EXCLUDE, project_files=PROJECT_FILES
        ).encode(),
        ".github/workflows/corpus.yml": WORKFLOW.format(
            note=note, source=_yaml_string(source)
        ).encode(),
        "seeds/README.md": SEEDS_README.encode(),
        "docs/guidelines.md": GUIDELINES.format(name=name, labels=markdown()).encode(),
        "corpus/actors.jsonl": jsonl_bytes([author.model_dump(mode="json")]),
        "corpus/documents.jsonl": b"",
        "corpus/annotators.jsonl": b"",
        "corpus/annotations/.gitkeep": b"",
    }
    for schema_name, schema in json_schemas().items():
        files[f"schema/{schema_name}"] = schema_bytes(schema)
    return files


def init(directory: Path, *, force: bool = False, source: str | None = None) -> list[Path]:
    """Create a project in `directory`; return the files written.

    Refuses a non-empty directory unless `force`; even then no existing file is overwritten.
    `source`: where pre-commit and CI install claimset from (see `scaffold_files`).
    """
    if directory.exists() and not directory.is_dir():
        raise ClaimsetError(f"{directory} exists and is not a folder")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise ClaimsetError(
            f"{directory} is not empty; use --force to add the missing project files "
            "(existing files are kept)"
        )
    written: list[Path] = []
    folders: list[Path] = []  # the folders this init creates, outermost first
    try:
        for relative, data in scaffold_files(directory.resolve().name, source).items():
            path = directory / relative
            if path.exists():
                continue
            missing = [p for p in reversed(path.parents) if not p.exists()]
            folders.extend(p for p in missing if p not in folders)
            atomic_write_bytes(path, data)
            written.append(path)
    except (ClaimsetError, OSError) as exc:
        # A full disk or a permission: take back what was made, so no half project remains.
        for path in written:
            path.unlink(missing_ok=True)
        for folder in reversed(folders):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise ClaimsetError(
            f"{directory}: the project could not be created ({exc}); nothing was left behind"
        ) from exc
    return written
