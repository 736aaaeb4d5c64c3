"""The card's agreement figures: second annotations scored at export, and recorded figures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...project import Project

if TYPE_CHECKING:
    from ...agree import AgreementReport, FieldAgreement
from .markdown import code, table

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


def agreement_section(project: Project) -> str | None:
    """The agreement figures as Markdown, if the project has any."""
    blocks = _scored_agreement(project)
    for rel in AGREEMENT_FILES:
        path = project.root / rel
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            where = code(rel.as_posix(), cell=False)
            header = f"From {where} (`claimset eval` of one annotation against another):"
            blocks.append(_agreement_json(json.loads(text), header))
        else:
            # Demote headings so that they nest under the card's own.
            body = re.sub(
                r"^(#{1,4}) ", lambda m: "#" * min(len(m.group(1)) + 3, 6) + " ", text, flags=re.M
            )
            blocks.append(f"From {code(rel.as_posix(), cell=False)}:\n\n{body.strip()}")
    return "\n\n".join(blocks) if blocks else None


def _scored_agreement(project: Project) -> list[str]:
    """`claimset agree` of each `agreement/<annotator>/` folder with the corpus annotations.

    `claimset validate` (and so the export) has already checked these files; a file that still
    cannot be read is named by its project-relative path, never an absolute one.
    """
    from ...agree import agree_records
    from ...agreement_files import agreement_paths
    from ...errors import ClaimsetError
    from ...evaluate import read_records

    root = project.root / AGREEMENT_DIR
    if not root.is_dir():
        return []
    gold = {p.stem: p for p in project.annotation_paths()}
    blocks = []
    files = agreement_paths(project)  # not registries, not the orphans split left beside them
    for folder in sorted({p.parent for p in files}):
        other = sorted(p for p in files if p.parent == folder and p.stem in gold)
        if not other:
            continue  # documents that are not in this corpus
        rel = project.relative(folder)
        docs = ", ".join(f"`{p.stem}`" for p in other)
        try:
            report = agree_records(
                [read_records([gold[p.stem] for p in other]), read_records(other)],
                ["gold", folder.name],
            )
        except ClaimsetError:
            blocks.append(
                f"{code(f'{rel}/', cell=False)} could not be scored: run `claimset validate` on it"
            )
            continue
        blocks.append(_agreement_table(report, f"{code(f'{rel}/', cell=False)} ({docs})"))
    return blocks


def _agreement_table(report: AgreementReport, what: str) -> str:
    """One annotator's agreement with the corpus annotations: kappa/alpha per field, span F1."""
    other = report.annotators[1]
    lines = [
        f"{what} compared with the corpus annotations (`claimset agree`), over "
        f"{report.sentences} sentences annotated in both; claims: "
        f"{report.claims.get('gold', 0)} in the corpus, {report.claims.get(other, 0)} in "
        f"`{other}`. Kappa is Cohen's, alpha Krippendorff's (nominal), over the claims both "
        "made (aligned by expectation span); n/a where there is nothing to measure.",
        "",
    ]
    rows = [
        ["claim-bearing sentence", *_cells(report.claim_sentences)],
        *([name.replace("_", " "), *_cells(f)] for name, f in report.fields.items()),
    ]
    lines.append(table(["field", "units", "observed", "kappa", "alpha"], rows))
    lines += [
        "",
        f"Expectation span F1: exact {_number(report.span_exact_f1)}, overlap "
        f"{_number(report.span_overlap_f1)}.",
    ]
    return "\n".join(lines)


def _cells(f: FieldAgreement) -> list[str]:
    return [str(f.units), _number(f.observed), _number(f.kappa), _number(f.alpha)]


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
        from ...evaluate import MEASURES as names

        rows = [
            [names.get(k, k), *(_number(v.get(m)) for m in ("precision", "recall", "f1"))]
            for k, v in scores.items()
            if isinstance(v, dict)
        ]
        lines += ["", table(["measure", "precision", "recall", "F1"], rows)]
    if isinstance(accuracy, dict) and accuracy:
        rows = [
            [k, _number(v.get("accuracy")), f"{v.get('correct', '?')}/{v.get('total', '?')}"]
            for k, v in accuracy.items()
            if isinstance(v, dict)
        ]
        lines += ["", "On paired claims:", "", table(["field", "accuracy", "agree"], rows)]
    if len(lines) == 1:
        dump = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
        lines += ["", "```json", dump, "```"]
    return "\n".join(lines)


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "n/a" if value is None else str(value)
