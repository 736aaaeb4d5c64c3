"""The computed parts of the card: each function fills a `${placeholder}` of card.md.tmpl."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from typing import Any

from ...about import About
from ...features import CLASS_LABELS, CONFIGS, config_columns, walk
from ...labels import DEFINITIONS
from ...project import Project
from ...safetext import has_controls, safe_json
from ...words import plural
from ..paths import data_path
from .guidelines import guidelines_version
from .inputs import CardData
from .markdown import bibtex as bibtex_text
from .markdown import code, fenced, one_line, table, text

#: What each config holds, for the table of configs and splits.
CONFIG_SUMMARY = {
    "sentences": "one row per sentence (every status), with its claims nested as in the JSONL "
    "files; the default config, and the lossless one",
    "claims": "one row per claim, spans flattened into columns, with sentence and document offsets",
    "documents": "one row per essay: its full text and metadata",
    "actors": "the actor registry that `actor` and `target` refer to",
}


def load_claims(stats: dict[str, Any]) -> str:
    """The line of the loading example that loads the `claims` config, if there is one."""
    if stats["exported_claims"]:
        return 'claims = datasets.load_dataset("<this folder or hub repo>", "claims")'
    return "# no `claims` config yet: no claim to export (see Configs and splits)"


def guidelines_source(guidelines: str) -> str:
    """The end of the Repository line: the guidelines' copy, when the project has guidelines."""
    if not guidelines:
        return "."
    return (
        ", `docs/guidelines.md` (the annotation guidelines, copied here as "
        "[guidelines.md](guidelines.md))."
    )


def configs_table(data: CardData) -> str:
    """Every config and split with its rows and file; configs without rows say so."""
    rows = []
    for config in CONFIGS:
        splits = data.rows.get(config, {})
        if not splits:
            rows.append([f"`{config}`", CONFIG_SUMMARY[config], "—", 0, "not written: no rows"])
        for i, (s, n) in enumerate(splits.items()):
            holds = CONFIG_SUMMARY[config] if i == 0 else ""
            rows.append([f"`{config}`", holds, s, n, f"`{data_path(config, s)}`"])
    return table(["config", "holds", "split", "rows", "file"], rows)


def column_tables() -> str:
    """A section per config: its columns, their types and meanings (from the models)."""
    return "\n\n".join(f"### Columns of `{c}`\n\n{_column_table(c)}" for c in CONFIGS)


def _column_table(config: str) -> str:
    rows = []
    for path, column in walk(config_columns(config)):
        kind = column.type_name
        if column.kind == "label":
            kind = f"ClassLabel ({', '.join(f'{i} {n}' for i, n in enumerate(column.labels))})"
        elif column.kind == "string" and column.labels:
            kind = "string (" + " \\| ".join(column.labels) + ")"
        if column.nullable:
            kind += ", nullable"
        rows.append([f"`{path}`", kind, one_line(column.description)])
    return table(["column", "type", "meaning"], rows)


def label_tables() -> str:
    """A section per ClassLabel set: ids, names and definitions (claimset.labels)."""
    sections = []
    for set_name, labels in CLASS_LABELS.items():
        rows = [[i, f"`{label}`", DEFINITIONS[set_name][label]] for i, label in enumerate(labels)]
        heading = f"#### {set_name.capitalize()}"
        sections.append(f"{heading}\n\n{table(['id', 'label', 'definition'], rows)}")
    return "\n\n".join(sections)


def documents_table(data: CardData) -> str:
    """Every document's metadata, with the sha256 of its seed; when a document is a speech,
    a column of the party each speaker speaks for (`speaks_for`)."""
    speeches = any(d.get("speaks_for") for d in data.documents)
    rows = [
        [
            code(d["id"]),
            text(d.get("title") or "unknown"),
            text(d.get("source") or "unknown"),
            text(d.get("license") or "unknown"),
            text(d.get("split")),
            text(d.get("sentence_count")),
            *([code(d["speaks_for"]) if d.get("speaks_for") else ""] if speeches else []),
            code(d.get("sha256")),
        ]
        for d in data.documents
    ]
    header = ["document", "title", "source", "license", "split", "sentences"]
    header += [*(["speaker speaks for"] if speeches else []), "sha256"]
    return table(header, rows)


def guidelines_note(guidelines: str) -> str:
    """Which guidelines the annotators follow (with the copy's sha256), or that there are none."""
    if not guidelines:
        return "The project has no `docs/guidelines.md`; the label definitions are above."
    digest = hashlib.sha256(guidelines.encode("utf-8")).hexdigest()
    version = guidelines_version(guidelines)
    which = f"version {version} of " if version else ""
    return (
        f"Annotators follow {which}the guidelines in [guidelines.md](guidelines.md) (a copy of "
        f"the project's `docs/guidelines.md`, sha256 `{digest}`): definitions, decision tests "
        "and worked examples."
    )


def drafts_note(include_drafts: bool) -> str:
    """The end of the sentence saying which claims the `claims` config holds."""
    if include_drafts:
        return " (exported with `--include-drafts`: unchecked machine drafts included)."
    return "; machine drafts stay in the `sentences` config only."


def orphans_note(orphaned: dict[str, int]) -> str:
    """How many claims wait in corpus/orphans/ (left out of this export), and where."""
    total = sum(orphaned.values())
    if not total:
        return "No claim is waiting in `corpus/orphans/`."
    docs = ", ".join(f"{code(doc, cell=False)} ({n})" for doc, n in sorted(orphaned.items()))
    wait, are = ("waits", "is") if total == 1 else ("wait", "are")
    return (
        f"{plural(total, 'claim')} that `claimset split` could not place after an essay was "
        f"edited {wait} in `corpus/orphans/` for a person and {are} left out of this export: "
        f"{docs}."
    )


def status_table(stats: dict[str, Any]) -> str:
    """Sentences per status."""
    rows = [[f"`{k}`", v] for k, v in stats["sentences_by_status"].items()]
    return table(["status", "sentences"], rows)


def origin_table(stats: dict[str, Any]) -> str:
    """Claims per sentence status and origin (human, auto)."""
    rows = [
        [f"`{st}`", v.get("human", 0), v.get("auto", 0)]
        for st, v in stats["claims_by_status_origin"].items()
    ]
    return table(["sentence status", "human", "auto"], rows)


def label_counts_table(stats: dict[str, Any]) -> str:
    """Exported claims per expectation type, certainty and polarity."""
    rows = (
        _counts_rows("expectation_type", stats["expectation_types"])
        + _counts_rows("certainty", stats["certainty"])
        + _counts_rows("polarity", stats["polarity"])
    )
    return table(["column", "label", "claims"], rows)


def _counts_rows(column: str, counts: dict[str, int]) -> list[list[Any]]:
    return [[f"`{column}`", f"`{k}`", v] for k, v in counts.items()]


#: Actors the card names one by one (the most frequent); the others share a last row.
ACTORS_SHOWN = 20


def actors_table(stats: dict[str, Any]) -> str:
    """Exported claims per actor: the ACTORS_SHOWN most frequent, then one row for the others
    (how many, and their claims), so that the table always adds up to every claim."""
    counted = list(stats["actors"].items())
    rows: list[list[Any]] = [[f"`{actor}`", n] for actor, n in counted[:ACTORS_SHOWN]]
    rest = [n for _, n in counted[ACTORS_SHOWN:]]
    if rest:
        each = f", {plural(rest[0], 'claim')} each" if len(set(rest)) == 1 else ""
        rows.append([f"{plural(len(rest), 'other actor')}{each}", sum(rest)])
    return table(["actor", "claims"], rows)


def actor_kinds(actors: list[dict[str, Any]]) -> str:
    """`9 actors: 5 state, 1 person, ...` (most frequent kind first), or `empty`."""
    kinds = Counter(str(a.get("kind")) for a in actors)
    parts = [f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
    return f"{len(actors)} actors: " + ", ".join(parts) if actors else "empty"


def citation_key(name: str) -> str:
    """A BibTeX key from the project's name."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "claimset"


def _bibtex_author(name: str) -> str:
    """One author for BibTeX's `author` field. A name written in braces (`{The claimset
    developers}`: a team or an organisation, as BibTeX writes one) stays one group, so that
    BibTeX does not read it as a person's first and last names."""
    if len(name) > 2 and name.startswith("{") and name.endswith("}"):
        return "{" + bibtex_text(name[1:-1]) + "}"
    return bibtex_text(name)


def bibtex(name: str, about: About, version: str, corpus: str) -> str:
    """The citation entry: the authors, year and URL claimset.toml records, else a reminder."""
    fields = [("title", f"{{{bibtex_text(name)}}}: a corpus of claims in argumentative essays")]
    if about.authors:
        fields.append(("author", " and ".join(_bibtex_author(a) for a in about.authors)))
    if about.year is not None:
        fields.append(("year", bibtex_text(about.year)))
    if about.url:
        fields.append(("howpublished", f"\\url{{{bibtex_text(about.url)}}}"))
    fields.append(("note", f"Exported with claimset {version}; corpus sha256 {corpus[:16]}"))
    key = citation_key(name) + (f"_{about.year}" if about.year is not None else "")
    body = ",\n".join(f"  {k:<12} = {{{v}}}" for k, v in fields)
    missing = [
        k
        for k, v in (("authors", about.authors), ("year", about.year), ("url", about.url))
        if not v
    ]
    note = ""
    if missing:
        note = f"\n% {', '.join(missing)}: not recorded (add them to claimset.toml, [dataset])"
    return f"@misc{{{key},\n{body},\n}}{note}"


def repository(about: About) -> str:
    """Where the corpus lives: claimset.toml's url, else the project it was exported from."""
    if about.url:
        url = str(about.url)
        if re.fullmatch(r"https?://[^\s<>`\\]+", url) and not has_controls(url):
            return f"<{url}>"
        return text(url)
    return "the claimset project this folder was exported from (no URL recorded in claimset.toml)"


#: The project files whose bytes make up the corpus version: the data the card's figures come
#: from, the second annotations (its agreement figures) among them.
_CORPUS_GLOBS = (
    "seeds/*.txt",
    "corpus/*.jsonl",
    "corpus/annotations/*.jsonl",
    "agreement/**/*.jsonl",
)


def corpus_hash(project: Project) -> str:
    """sha256 over the corpus files' names and contents: one version id for citing."""
    digest = hashlib.sha256()
    for pattern in _CORPUS_GLOBS:
        for path in sorted(project.root.glob(pattern)):
            # (not a hidden file: a temporary file of an interrupted write is no data)
            if path.is_file() and not path.name.startswith("."):
                digest.update(path.relative_to(project.root).as_posix().encode() + b"\0")
                content = hashlib.sha256()
                with path.open("rb") as file:  # in blocks: a file's size must not matter
                    for block in iter(lambda: file.read(1 << 20), b""):
                        content.update(block)
                digest.update(content.digest())
    return digest.hexdigest()


def example_row(example: dict[str, Any] | None) -> str:
    """The first row of the claims config, as it loads (ClassLabels as their ids)."""
    if example is None:
        return "No claim yet, so no example row."
    row = safe_json(json.dumps(example, ensure_ascii=False, indent=1))
    return f"An example row of the `claims` config:\n\n{fenced(row, 'json')}"
