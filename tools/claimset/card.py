"""The dataset card (README.md) of the export: YAML metadata and the Hub's card sections.

Everything here is generated and deterministic (no dates, no absolute paths): the same corpus
gives the same bytes. Column meanings come from the pydantic models' field descriptions (through
`features.py`), label definitions from the project's annotation guidelines (docs/guidelines.md),
counts from the export itself. The sections follow the Hugging Face dataset card template.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import __version__
from .export_paths import EXPORT_MARKER, data_path
from .features import CLASS_LABELS, CONFIGS, config_columns, features, walk
from .project import Project
from .words import plural

#: Where the guidelines live in a project, and the name of their copy in the export.
GUIDELINES = Path("docs/guidelines.md")
#: Second annotations for agreement studies: folders of annotation files, one per annotator
#: (`agreement/ann2/<doc>.jsonl`), scored against the corpus with `claimset eval` at export.
AGREEMENT_DIR = Path("agreement")
#: Agreement figures a project records itself (each found is shown): JSON from
#: `claimset eval --format json`, or Markdown included as it is.
AGREEMENT_FILES = (
    Path("corpus/agreement.json"),
    Path("corpus/agreement.md"),
    Path("docs/agreement.md"),
)

# Starts with the export's marker, by which a later export knows the folder is its own.
MARKER = (
    f"{EXPORT_MARKER} from the corpus: edit the corpus, the guidelines or the project README, "
    "not this file. -->"
)

CONFIG_SUMMARY = {
    "sentences": "one row per sentence (every status), with its claims nested as in the JSONL "
    "files; the default config, and the lossless one",
    "claims": "one row per claim, spans flattened into columns, with sentence and document offsets",
    "documents": "one row per essay: its full text and metadata",
    "actors": "the actor registry that `actor` and `target` refer to",
}

_SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
)


@dataclass
class CardData:
    """What the export knows that the card reports.

    Attributes:
        rows: Rows per config and split.
        num_bytes: In-memory (Arrow) bytes per config and split, for `dataset_info`.
        file_sizes: Bytes of each Parquet file, by its path in the export folder.
        documents: The documents' metadata records (without text).
        actors: The actor registry's records.
        stats: The corpus counts the export gathered (see `export.ExportResult.stats`).
        include_drafts: Whether the claims config holds machine drafts.
    """

    rows: dict[str, dict[str, int]]
    num_bytes: dict[str, dict[str, int]]
    file_sizes: dict[str, int]
    documents: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    stats: dict[str, Any]
    include_drafts: bool = False


# -- inputs from the project -----------------------------------------------------------------------


def project_name(project: Project) -> str:
    """The project's name: the first `# ` heading of its README, else the folder name."""
    readme = project.root / "README.md"
    if readme.is_file():
        for line in readme.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("# ") and line[2:].strip():
                return line[2:].strip()
    return project.root.name


#: Words that mark the guideline passages about each label set (in a heading above the passage,
#: or in the first cell of a table row: `| expectation.type | desire | ... |`).
_CONTEXT_WORDS = {
    "expectation type": ("expectation",),
    "evidence type": ("evidence",),
    "certainty": ("certainty",),
    "cue kind": ("cue", "hedges and boosters"),
    "polarity": ("polarity",),
}

_TOKEN = re.compile(r"`([^`]+)`|([A-Za-z][\w-]*)")


def _clean(text: str) -> str:
    """Inline Markdown as one line for a table cell: emphasis and links dropped, `|` escaped."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return " ".join(text.replace("|", "\\|").split())


def _labels_in(cell: str) -> list[str]:
    """The labels a cell consists of (`desire`; `positive`, `negative`), or [] if it has prose."""
    rest = re.sub(r"[\s,/]+|\b(?:and|or)\b", " ", cell).strip()
    if not rest:
        return []
    tokens = [a or b for a, b in _TOKEN.findall(rest)]
    if " ".join(tokens) != " ".join(rest.replace("`", "").split()):
        return []
    known = {label for labels in CLASS_LABELS.values() for label in labels}
    return tokens if all(t in known for t in tokens) else []


@dataclass
class _Candidate:
    score: float
    position: int
    text: str


def label_definitions(guidelines: str) -> dict[str, dict[str, str]]:
    """For each ClassLabel set, the guidelines' definition of each label ('' when not found).

    Definitions are found in Markdown tables (a cell holding just the label, its definition in
    the next cell: `| | desire | the actor wants ... |`), under a heading that is the label
    (its `**Is**:` bullet, or first paragraph) and in list items (`- **desire**: ...`). A
    passage counts for a label set when a heading above it, or its table row's first cell,
    names the set (`## 13. Evidence`, `| expectation.type | ...`); the label `other`, in two
    sets, is only taken from such passages. Rows that define several labels at once
    (`| positive, negative | ... |`) are the last resort.
    """
    best: dict[tuple[str, str], _Candidate] = {}
    sets_of: dict[str, list[str]] = {}
    for set_name, names in CLASS_LABELS.items():
        for name in names:
            sets_of.setdefault(name, []).append(set_name)

    def offer(labels: list[str], context: str, text: str, score: float, position: int) -> None:
        text = _clean(text)
        if not text:
            return
        context = context.lower()
        for label in labels:
            for set_name in sets_of[label]:
                fits = any(w in context for w in _CONTEXT_WORDS[set_name])
                if not fits and len(sets_of[label]) > 1:
                    continue
                value = score + (2 if fits else 0) - (1 if len(labels) > 1 else 0)
                old = best.get((set_name, label))
                if old is None or value > old.score:
                    best[set_name, label] = _Candidate(value, position, text)

    lines = guidelines.splitlines()
    headings: list[tuple[int, str]] = []
    first_cell = ""
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        context = " ".join(h for _, h in headings)
        heading = re.match(r"(#{1,6})\s+(.*)", line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2).strip()
            headings = [h for h in headings if h[0] < level] + [(level, title)]
            labels = _labels_in(title)
            if len(labels) == 1:
                offer(labels, context + " " + title, _heading_definition(lines, i + 1), 2, i)
            continue
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                continue
            if cells[0]:
                first_cell = cells[0]
            row_context = f"{context} {first_cell}"
            for j, cell in enumerate(cells):
                labels = _labels_in(cell)
                following = [c for c in cells[j + 1 :] if c and not _labels_in(c)]
                if labels and following:
                    offer(labels, row_context, following[0], 3, i)
                    break
            continue
        first_cell = ""
        item = re.match(r"\s*(?:[-*+]|\d+\.)\s+(\*\*[^*]+\*\*|`[^`]+`)\s*(?::|—|–)\s*(.+)", line)
        if item:
            labels = _labels_in(item.group(1).strip("*"))
            if labels:
                offer(labels, context, item.group(2), 1, i)
    return {
        set_name: {
            name: best[set_name, name].text if (set_name, name) in best else "" for name in names
        }
        for set_name, names in CLASS_LABELS.items()
    }


def _heading_definition(lines: list[str], start: int) -> str:
    """The text under a label heading: its `**Is**:` bullet, else its first paragraph."""
    body: list[str] = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        body.append(line)
    text = "\n".join(body)
    match = re.search(
        r"^\s*[-*]\s+\*\*Is\*\*:?\s*(.+?)(?=\n\s*[-*]\s|\n\s*\n|\Z)", text, re.M | re.S
    )
    if match:
        return match.group(1)
    paragraph = text.strip().split("\n\n")[0] if text.strip() else ""
    return paragraph


def _agreement(project: Project) -> str | None:
    """The agreement figures as Markdown, if the project has any."""
    blocks = _scored_agreement(project)
    for rel in AGREEMENT_FILES:
        path = project.root / rel
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            header = f"From `{rel.as_posix()}` (`claimset eval` of one annotation against another):"
            blocks.append(_agreement_json(json.loads(text), header))
        else:
            # Demote headings so that they nest under the card's own.
            body = re.sub(
                r"^(#{1,4}) ", lambda m: "#" * min(len(m.group(1)) + 3, 6) + " ", text, flags=re.M
            )
            blocks.append(f"From `{rel.as_posix()}`:\n\n{body.strip()}")
    return "\n\n".join(blocks) if blocks else None


def _scored_agreement(project: Project) -> list[str]:
    """`claimset eval` of each `agreement/<annotator>/` folder against the corpus (as gold)."""
    from .errors import ClaimsetError
    from .evaluate import evaluate

    root = project.root / AGREEMENT_DIR
    if not root.is_dir():
        return []
    gold = {p.stem: p for p in project.annotation_paths()}
    blocks = []
    for folder in sorted({p.parent for p in root.rglob("*.jsonl") if p.is_file()}):
        other = sorted(p for p in folder.glob("*.jsonl") if p.is_file() and p.stem in gold)
        if not other:
            continue  # documents that are not in this corpus
        rel = project.relative(folder)
        docs = ", ".join(f"`{p.stem}`" for p in other)
        try:
            report = evaluate([gold[p.stem] for p in other], other).to_dict()
        except ClaimsetError as exc:
            blocks.append(f"`{rel}/` could not be scored: {exc}")
            continue
        scored = report.get("sentences", {}).get("scored", "?")
        header = (
            f"`{rel}/` ({docs}) scored with `claimset eval` against the corpus annotations as "
            f"gold, over {scored} sentences annotated in both:"
        )
        blocks.append(_agreement_json(report, header))
    return blocks


def _agreement_json(data: Any, header: str) -> str:
    """Tables of the JSON `claimset eval GOLD PRED --format json` prints (else the JSON itself)."""
    lines = [header]
    scores = data.get("scores") if isinstance(data, dict) else None
    accuracy = data.get("accuracy") if isinstance(data, dict) else None
    claims = data.get("claims") if isinstance(data, dict) else None
    if isinstance(claims, dict):
        lines += [
            "",
            f"Claims: {claims.get('gold', '?')} in the gold, {claims.get('predicted', '?')} in "
            f"the other annotation, {claims.get('paired', '?')} paired (by expectation span).",
        ]
    if isinstance(scores, dict) and scores:
        from .evaluate import MEASURES as names

        rows = [
            [names.get(k, k), *(_number(v.get(m)) for m in ("precision", "recall", "f1"))]
            for k, v in scores.items()
            if isinstance(v, dict)
        ]
        lines += ["", _table(["measure", "precision", "recall", "F1"], rows)]
    if isinstance(accuracy, dict) and accuracy:
        rows = [
            [k, _number(v.get("accuracy")), f"{v.get('correct', '?')}/{v.get('total', '?')}"]
            for k, v in accuracy.items()
            if isinstance(v, dict)
        ]
        lines += ["", "On paired claims:", "", _table(["field", "accuracy", "agree"], rows)]
    if len(lines) == 1:
        dump = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
        lines += ["", "```json", dump, "```"]
    return "\n".join(lines)


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


# -- the YAML metadata -----------------------------------------------------------------------------


def size_category(n: int) -> str:
    """The Hub's size category of n rows."""
    for limit, name in _SIZE_CATEGORIES:
        if n < limit:
            return name
    return "n>100M"


def metadata(project: Project, data: CardData) -> dict[str, Any]:
    """The card's YAML metadata: Hub fields, the `configs` block and `dataset_info`."""
    languages = sorted({str(d.get("language") or "en") for d in data.documents}) or ["en"]
    configs = []
    infos = []
    present = [c for c in CONFIGS if data.rows.get(c)]
    for config in present:
        splits = data.rows[config]
        entry: dict[str, Any] = {
            "config_name": config,
            "data_files": [{"split": s, "path": data_path(config, s)} for s in splits],
        }
        if config == "sentences":
            entry["default"] = True
        configs.append(entry)
        infos.append(
            {
                "config_name": config,
                "features": features(config)._to_yaml_list(),
                "splits": [
                    {
                        "name": s,
                        "num_bytes": data.num_bytes[config][s],
                        "num_examples": n,
                    }
                    for s, n in splits.items()
                ],
                "download_size": sum(data.file_sizes[data_path(config, s)] for s in splits),
                "dataset_size": sum(data.num_bytes[config].values()),
            }
        )
    return {
        "pretty_name": project_name(project),
        "license": "other",
        "license_name": "essay-rights-unknown",
        "license_link": "LICENSE.md",
        "language": languages,
        "multilinguality": "monolingual" if len(languages) == 1 else "multilingual",
        "task_categories": ["token-classification", "text-classification"],
        "tags": [
            "claims",
            "argument-mining",
            "expectations",
            "hedging",
            "factuality",
            "evidence",
            "span-extraction",
            "claimset",
        ],
        "annotations_creators": ["expert-generated", "machine-generated"]
        if data.include_drafts
        else ["expert-generated"],
        "source_datasets": ["original"],
        "size_categories": [size_category(data.stats.get("sentences", 0))],
        "configs": configs,
        "dataset_info": infos,
    }


# -- the Markdown body -----------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


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
        rows.append([f"`{path}`", kind, _clean(column.description)])
    return _table(["column", "type", "meaning"], rows)


def _counts_table(title: str, counts: dict[str, int]) -> list[list[Any]]:
    return [[f"`{title}`", f"`{k}`", v] for k, v in counts.items()]


def render(project: Project, data: CardData) -> str:
    """The whole README.md: YAML front matter, then the card sections."""
    stats = data.stats
    meta = metadata(project, data)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    name = meta["pretty_name"]
    guidelines_path = project.root / GUIDELINES
    guidelines = guidelines_path.read_text(encoding="utf-8") if guidelines_path.is_file() else ""
    definitions = label_definitions(guidelines)
    status = stats["sentences_by_status"]
    annotated = status.get("done", 0) + status.get("reviewed", 0)
    claim_statuses = " and ".join(f"`{s}`" for s in stats["claim_statuses"])
    out: list[str] = ["---", front.rstrip(), "---", "", MARKER, "", f"# {name}", ""]
    out += [
        "A corpus of **claims** in argumentative essays: who (the **actor**) expects what (the "
        "**expectation**: a desire, intention, prediction, belief, demand or obligation, often "
        "directed at a **target**), on what **evidence**, and how sure the author sounds (the "
        "**hedge**: a certainty level and the hedge/booster cue words). "
        f"It holds {plural(stats['documents'], 'document')}, "
        f"{plural(stats['sentences'], 'sentence')} ({annotated} annotated by a person) and "
        f"{plural(stats['exported_claims'], 'claim')} in the `claims` config (from "
        f"{claim_statuses} sentences).",
        "",
        "```python",
        "import datasets",
        "",
        'claims = datasets.load_dataset("<this folder or hub repo>", "claims")'
        if stats["exported_claims"]
        else "# no `claims` config yet: no claim to export (see Configs and splits)",
        'sentences = datasets.load_dataset("<this folder or hub repo>")  # the default config',
        "```",
        "",
        "## Dataset Details",
        "",
        "### Dataset Description",
        "",
        f"- **Curated by:** the annotators listed under [Annotations](#annotations) "
        f"({', '.join(stats['annotators']) or 'none yet'})",
        f"- **Language(s) (NLP):** {', '.join(meta['language'])}",
        "- **License:** `other`. The rights to the essays are unknown (see each document's "
        "`license` below and [LICENSE.md](LICENSE.md)); do not redistribute the texts without "
        "clearing them. The claimset tool that produced this folder is MIT-licensed.",
        f"- **Built with:** [claimset](https://pypi.org/project/claimset/) {__version__} "
        "(`claimset export`)",
        "",
        "### Dataset Sources",
        "",
        "- **Repository:** the claimset project this folder was exported from: `seeds/` (the "
        "essays), `corpus/` (the annotations, in JSONL)"
        + (
            ", `docs/guidelines.md` (the annotation guidelines, copied here as "
            "[guidelines.md](guidelines.md))."
            if guidelines
            else "."
        ),
        "",
        "## Uses",
        "",
        "### Direct Use",
        "",
        "- Training and evaluating claim extraction: finding expectations, their holders (actors) "
        "and targets in sentences, with exact character spans.",
        "- Classifying expectation type, author certainty (FactBank-style) and polarity; detecting "
        "hedge and booster cues; linking claims to their evidence, also across sentences.",
        "- Studying how authors of argumentative and analytical essays attribute expectations to "
        "states and other actors, and how sure they sound.",
        "",
        "### Out-of-Scope Use",
        "",
        "- Not a source of facts: claims are what the essay's author says someone expects; the "
        "evidence spans are what the author offers, not verified facts.",
        "- Not a representative sample of opinion about any country, government or person, and "
        "not for profiling individuals.",
        "- The corpus is small; do not read label distributions as properties of a genre.",
        "- Claims with `origin` `auto` on `draft` sentences are unchecked machine suggestions: do "
        "not use them as gold labels.",
        "",
        "## Dataset Structure",
        "",
        "### Configs and splits",
        "",
        "Splits are by document (`split` in `corpus/documents.jsonl`, `train` when unset), so no "
        "document contributes to two splits. A config or split with no rows is not written "
        "(`datasets` cannot load an empty Parquet split).",
        "",
    ]
    rows = []
    for config in CONFIGS:
        splits = data.rows.get(config, {})
        if not splits:
            rows.append([f"`{config}`", CONFIG_SUMMARY[config], "—", 0, "not written: no rows"])
        for i, (s, n) in enumerate(splits.items()):
            holds = CONFIG_SUMMARY[config] if i == 0 else ""
            rows.append([f"`{config}`", holds, s, n, f"`{data_path(config, s)}`"])
    out += [_table(["config", "holds", "split", "rows", "file"], rows), ""]
    out += [
        "### Offsets",
        "",
        "All offsets are Unicode code points (Python `str` indices), end-exclusive. A sentence's "
        "`start`/`end` index its document's `text` (the `documents` config). A span's `start`/"
        "`end` index its own sentence's text: for the actor, expectation and cues that is the "
        "claim's sentence, for evidence the sentence `sentence_id` names. So, in the `claims` "
        "config:",
        "",
        "```python",
        "sentence[expectation_start:expectation_end] == expectation",
        "document_text[sentence_start + expectation_start : sentence_start + expectation_end]"
        " == expectation",
        'document_text[ev["doc_start"]:ev["doc_end"]] == ev["quote"]  # for ev in evidence',
        "```",
        "",
        "`actor_quote`, `actor_start` and `actor_end` are null for an implicit actor (the "
        "sentence does not name who holds the expectation).",
        "",
    ]
    for config in CONFIGS:
        out += [f"### Columns of `{config}`", "", _column_table(config), ""]
    out += [
        "### Labels",
        "",
        "ClassLabel columns store ids; `ds.features[column].int2str(id)` gives the name (for "
        "nested ones, e.g. `ds.features['cues'].feature['kind']`). The ids follow this order; "
        "the definitions are quoted from the annotation guidelines.",
        "",
    ]
    for set_name, labels in CLASS_LABELS.items():
        texts = definitions[set_name]
        shared = len(set(texts.values())) == 1 and all(texts.values())
        if shared:
            # One definition for the whole set (`| positive, negative | ... |`).
            text = texts[labels[0]]
            out += [f"#### {set_name.capitalize()}", "", f"{text[0].upper()}{text[1:]}.", ""]
            out += [_table(["id", "label"], [[i, f"`{x}`"] for i, x in enumerate(labels)]), ""]
            continue
        rows = [
            [i, f"`{label}`", texts[label] or "see the guidelines"]
            for i, label in enumerate(labels)
        ]
        out += [
            f"#### {set_name.capitalize()}",
            "",
            _table(["id", "label", "definition"], rows),
            "",
        ]
    out += [
        "## Dataset Creation",
        "",
        "### Curation Rationale",
        "",
        "Argumentative essays are full of expectations attributed to states, organisations and "
        "people, stated with varying certainty and supported by varying evidence. This corpus "
        "makes those claims, their holders, targets, evidence and hedging explicit, with exact "
        "offsets into the original text, so that extraction models can be trained and "
        "evaluated on them and the authors' argumentation can be studied.",
        "",
        "### Source Data",
        "",
        "#### Data Collection and Processing",
        "",
        "Each essay is a UTF-8 text file (`seeds/<doc>.txt`), kept byte-exact; the sha256 below is "
        "of the file's bytes. A leading byte order mark is removed before offsets are counted; "
        "line endings are kept. `claimset split` segments each essay into sentences that never "
        "cross a paragraph break (a heading is a segment of its own); annotators then work on "
        "one JSONL line per sentence.",
        "",
    ]
    doc_rows = [
        [
            f"`{d['id']}`",
            d.get("title") or "unknown",
            d.get("source") or "unknown",
            d.get("license") or "unknown",
            d.get("split"),
            d.get("sentence_count"),
            f"`{d.get('sha256')}`",
        ]
        for d in data.documents
    ]
    out += [
        _table(
            ["document", "title", "source", "license", "split", "sentences", "sha256"], doc_rows
        ),
        "",
        "#### Who are the source data producers?",
        "",
        "The essays' authors, as named by each document's `source` above (unknown where it is "
        "unknown). The essays were written for publication, not for this corpus.",
        "",
        "### Annotations",
        "",
        "#### Annotation process",
        "",
    ]
    if guidelines:
        digest = hashlib.sha256(guidelines.encode("utf-8")).hexdigest()
        out.append(
            "Annotators follow the guidelines in [guidelines.md](guidelines.md) (a copy of the "
            f"project's `docs/guidelines.md`, sha256 `{digest}`): definitions, decision tests "
            "and worked examples."
        )
    else:
        out.append("The project has no `docs/guidelines.md`; the label definitions are above.")
    out += [
        "",
        "Annotators edit one JSONL line per sentence: they type quotes, and `claimset fmt` "
        "computes the offsets; `claimset validate` checks every file against the schema "
        "(offsets, actor ids, evidence sentences, statuses) in CI, and this export refuses an "
        "invalid corpus. `claimset draft` may pre-fill machine suggestions (`origin: auto`) for "
        "a person to correct. A sentence's `status` says whether a person has checked it: "
        "`todo` (nobody has looked), `draft` (machine suggestions only), `done` (annotated by a "
        "person; no claims then means none), `reviewed` (checked by a second person).",
        "",
        f"The `claims` config holds the claims of {claim_statuses} sentences"
        + (
            " (exported with `--include-drafts`: unchecked machine drafts included)."
            if data.include_drafts
            else "; machine drafts stay in the `sentences` config only."
        ),
        "",
        "Sentences by status:",
        "",
        _table(["status", "sentences"], [[f"`{k}`", v] for k, v in status.items()]),
        "",
        "Claims (in the `sentences` config) by sentence status and origin:",
        "",
        _table(
            ["sentence status", "human", "auto"],
            [
                [f"`{st}`", v.get("human", 0), v.get("auto", 0)]
                for st, v in stats["claims_by_status_origin"].items()
            ],
        ),
        "",
        "Claims in the `claims` config by label:",
        "",
        _table(
            ["column", "label", "claims"],
            _counts_table("expectation_type", stats["expectation_types"])
            + _counts_table("certainty", stats["certainty"])
            + _counts_table("polarity", stats["polarity"]),
        ),
        "",
        "Implicit actors (unnamed holders other than the author): "
        f"{stats['implicit_actors']}; evidence spans: {stats['evidence']}, "
        f"{stats['cross_sentence_evidence']} of them in another sentence than their claim.",
        "",
        "Claims in the `claims` config by actor:",
        "",
        _table(
            ["actor", "claims"],
            [[f"`{actor}`", n] for actor, n in list(stats["actors"].items())[:20]],
        ),
        "",
        "#### Who are the annotators?",
        "",
    ]
    if stats["annotators"]:
        out += [
            "Annotator ids as recorded in the corpus, with the sentences each marked `done` or "
            "`reviewed`:",
            "",
            _table(
                ["annotator", "sentences"], [[f"`{k}`", v] for k, v in stats["annotators"].items()]
            ),
        ]
    else:
        out.append("No sentence has been annotated by a person yet.")
    out += ["", "#### Agreement", ""]
    agreement = _agreement(project)
    out.append(
        agreement if agreement else "No inter-annotator agreement figures are available yet."
    )
    out += [
        "",
        "#### Personal and Sensitive Information",
        "",
        f"The actor registry ({_actor_kinds(data.actors)}) names the parties the essays discuss; "
        "persons in it are the public figures the essays name. The corpus adds no personal data "
        "beyond what the published essays contain; annotators appear only under the ids they "
        "chose.",
        "",
        "## Bias, Risks, and Limitations",
        "",
        f"- {plural(stats['documents'], 'essay')}: the claims reflect their authors' viewpoints, "
        "topics and style, not a balanced picture of the actors discussed.",
        "- The labels are judgements that follow the guidelines; certainty, expectation type and "
        "implicit actors are the hardest calls. See the agreement figures above, where present.",
        "- Sentence boundaries are automatic; a claim never spans two sentences, so claims that "
        "do in the text are split or anchored on one of them.",
        "",
        "### Recommendations",
        "",
        "Split by document (as given) when evaluating; report results per label with their "
        "counts; keep machine drafts (`origin` `auto` on `draft` sentences) out of gold data; "
        "check the essays' rights before redistributing their text.",
        "",
        "## Citation",
        "",
        "If you use this corpus, please cite it (add the version or commit you used):",
        "",
        "```bibtex",
        f"@misc{{{_slug(name)},",
        f"  title        = {{{{{name}}}: a corpus of claims in argumentative essays}},",
        f"  note         = {{Exported with claimset {__version__}}},",
        "}",
        "```",
        "",
        "## Dataset Card Authors",
        "",
        "Generated by `claimset export` from the corpus, its metadata and its guidelines.",
        "",
    ]
    return "\n".join(out)


def _actor_kinds(actors: list[dict[str, Any]]) -> str:
    kinds = Counter(str(a.get("kind")) for a in actors)
    parts = [f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
    return f"{len(actors)} actors: " + ", ".join(parts) if actors else "empty"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "claimset"


def license_note(data: CardData) -> str:
    """LICENSE.md of the export: the essays' rights per document, the tool's license."""
    rows = [
        [f"`{d['id']}`", d.get("license") or "unknown", d.get("source") or "unknown"]
        for d in data.documents
    ]
    return "\n".join(
        [
            "# License",
            "",
            "The rights to the essays in this dataset are unknown unless stated below. The "
            "annotations are distributed for research; do not redistribute the essay texts "
            "(the `documents` config and the sentence texts) without clearing their rights.",
            "",
            _table(["document", "license", "source"], rows),
            "",
            "The claimset tool that produced this folder is MIT-licensed "
            "(https://pypi.org/project/claimset/).",
            "",
        ]
    )


def card_files(project: Project, data: CardData) -> dict[str, bytes]:
    """The non-Parquet files of the export: README.md (the card), LICENSE.md, guidelines.md."""
    files = {
        "README.md": render(project, data).encode("utf-8"),
        "LICENSE.md": license_note(data).encode("utf-8"),
    }
    guidelines = project.root / GUIDELINES
    if guidelines.is_file():
        files["guidelines.md"] = guidelines.read_bytes()
    return files
