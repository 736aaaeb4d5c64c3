"""The dataset card (README.md) of the export, and the files beside it (LICENSE.md, guidelines.md).

The card is a template, `card.md.tmpl` (the Hugging Face dataset card's sections), whose
`${placeholders}` small functions fill: the YAML metadata (`metadata.py`), the tables and notes
computed from the export (`sections.py`), the label definitions quoted from the project's
guidelines (`guidelines.py`) and the agreement figures (`agreement.py`). Column meanings come from
the pydantic models' field descriptions (through `features.py`). Everything is deterministic (no
dates, no absolute paths): the same corpus gives the same bytes.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from importlib import resources

import yaml

from ... import __version__
from ...about import read_about
from ...orphans import count_orphans
from ...paths import check_inside
from ...project import Project
from ...words import plural
from ..paths import EXPORT_MARKER
from . import markdown, sections
from .agreement import agreement_section
from .annotators import read_annotators
from .guidelines import GUIDELINES
from .inputs import CardData
from .licensing import licensing
from .markdown import table
from .metadata import metadata
from .report import report_files, report_link

__all__ = ["CardData", "card_files", "license_note", "render"]

# Starts with the export's marker, by which a later export knows the folder is its own.
MARKER = (
    f"{EXPORT_MARKER} from the corpus: edit the corpus, the guidelines or the project README, "
    "not this file. -->"
)

_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def fill(template: str, fields: Mapping[str, object]) -> str:
    """A template of this package with each `${name}` replaced by `fields[name]`.

    A placeholder without a field, or a field without a placeholder, is an error: the template
    and the code that fills it cannot drift apart silently.
    """
    text = resources.files(__name__).joinpath(template).read_text(encoding="utf-8")
    names = set(_PLACEHOLDER.findall(text))
    if names != set(fields):
        raise ValueError(
            f"{template}: placeholders without a field {sorted(names - set(fields))}, "
            f"fields without a placeholder {sorted(set(fields) - names)}"
        )
    return string.Template(text).substitute(fields)


def render(project: Project, data: CardData, report: dict[str, bytes] | None = None) -> str:
    """The whole README.md: YAML front matter, then the card sections.

    `report` holds the export's HTML report files, if it has one (`report_files`).
    """
    stats = data.stats
    meta = metadata(project, data, read_annotators(project, data.stats["annotators"]))
    name = meta["pretty_name"]
    guidelines_path = project.root / GUIDELINES
    guidelines = guidelines_path.read_text(encoding="utf-8") if guidelines_path.is_file() else ""
    status = stats["sentences_by_status"]
    agreement = agreement_section(project)
    about = read_about(project.root)
    who = read_annotators(project, stats["annotators"])
    rights = licensing(data.documents)
    corpus = sections.corpus_hash(project)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    fields = {
        "front_matter": front.rstrip(),
        "marker": MARKER,
        "name": markdown.text(name),
        "version": __version__,
        # the opening paragraph and the loading example
        "documents": plural(stats["documents"], "document"),
        "sentences": plural(stats["sentences"], "sentence"),
        "annotated": status.get("done", 0) + status.get("reviewed", 0),
        "claims": plural(stats["exported_claims"], "claim"),
        "claim_statuses": " and ".join(f"`{s}`" for s in stats["claim_statuses"]),
        "load_claims": sections.load_claims(stats),
        # Dataset Details
        "annotator_names": ", ".join(stats["annotators"]) or "none yet",
        "languages": ", ".join(meta["language"]),
        "guidelines_source": sections.guidelines_source(guidelines),
        "report_link": report_link(report or {}),
        # Dataset Structure
        "configs_table": sections.configs_table(data),
        "column_tables": sections.column_tables(),
        "label_tables": sections.label_tables(),
        # Dataset Creation
        "documents_table": sections.documents_table(data),
        "guidelines_note": sections.guidelines_note(guidelines),
        "drafts_note": sections.drafts_note(data.include_drafts),
        "orphans_note": sections.orphans_note(count_orphans(project)),
        "status_table": sections.status_table(stats),
        "origin_table": sections.origin_table(stats),
        "label_counts_table": sections.label_counts_table(stats),
        "implicit_actors": stats["implicit_actors"],
        "evidence": stats["evidence"],
        "cross_sentence_evidence": stats["cross_sentence_evidence"],
        "actors_table": sections.actors_table(stats),
        "annotators": who.section(),
        "annotated_by": who.by_kind(),
        "agreement": agreement or "No inter-annotator agreement figures are available yet.",
        "actor_kinds": sections.actor_kinds(data.actors),
        # Bias, Risks, and Limitations; Citation
        "essays": plural(stats["documents"], "essay"),
        "bibtex": sections.bibtex(name, about, __version__, corpus),
        "license_summary": rights.summary,
        "corpus_hash": corpus,
        "repository": sections.repository(about),
        "example_row": sections.example_row(data.example),
    }
    return fill("card.md.tmpl", fields)


def license_note(data: CardData) -> str:
    """LICENSE.md of the export: the essays' rights per document, the tool's license."""
    rows = [
        [
            markdown.code(d["id"]),
            markdown.text(d.get("license") or "unknown"),
            markdown.text(d.get("source") or "unknown"),
        ]
        for d in data.documents
    ]
    return fill(
        "license.md.tmpl",
        {
            "intro": licensing(data.documents).intro,
            "documents_table": table(["document", "license", "source"], rows),
        },
    )


def card_files(project: Project, data: CardData) -> dict[str, bytes]:
    """The non-Parquet files of the export: README.md (the card), LICENSE.md, guidelines.md,
    and the HTML report (`report/`) when `claimset render` has built one."""
    report = report_files(project)
    files = {
        "README.md": render(project, data, report).encode("utf-8"),
        "LICENSE.md": license_note(data).encode("utf-8"),
        **report,
    }
    guidelines = project.root / GUIDELINES
    if guidelines.is_file():
        files["guidelines.md"] = check_inside(project.root, guidelines).read_bytes()
    return files
