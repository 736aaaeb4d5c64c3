"""The card's agreement figures: second annotations scored at export, and recorded figures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...project import Project

if TYPE_CHECKING:
    from ...agree import AgreementReport, FieldAgreement
    from ...models import SentenceRecord
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
    """Agreement figures computed at export from `agreement/<annotator>/` folders.

    First between annotators: each pair of folders that annotated the same documents, compared
    with each other (their own files, before any adjudication). Then each folder against the
    corpus annotations, labelled for what it is: when the corpus is adjudicated, and so holds
    some of this annotator's own versions, that measures the gold's distance from the
    annotator, not agreement between annotators. `claimset validate` (and so the export) has
    already checked these files; a file that still cannot be read is named by its
    project-relative path, never an absolute one.
    """
    from ...agreement_files import agreement_paths

    gold = {p.stem: p for p in project.annotation_paths()}
    folders: dict[Path, list[Path]] = {}
    for path in agreement_paths(project):  # not registries, not the orphans split leaves
        if path.stem in gold:  # other documents' studies are kept for reference
            folders.setdefault(path.parent, []).append(path)
    blocks = _between_annotators(project, folders)
    for folder, other in sorted(folders.items()):
        rel = code(f"{project.relative(folder)}/", cell=False)
        docs = ", ".join(f"`{p.stem}`" for p in other)
        scored = _scored(project, [[gold[p.stem] for p in other], other], ["gold", folder.name])
        if scored is None:
            blocks.append(f"{rel} could not be scored: run `claimset validate` on it")
            continue
        report, (gold_records, theirs) = scored
        blocks.append(
            _agreement_table(report, f"{rel} ({docs})", _against_gold(gold_records, theirs, report))
        )
    return blocks


def _scored(
    project: Project, paths: list[list[Path]], names: list[str]
) -> tuple[AgreementReport, list[dict[str, SentenceRecord]]] | None:
    """`claimset agree` of the given files, one list per annotator; None if one cannot be read."""
    from ...agree import agree_records
    from ...errors import ClaimsetError
    from ...evaluate import read_records

    try:
        records = [read_records(files) for files in paths]
        return agree_records(records, names), records
    except ClaimsetError:
        return None


def _between_annotators(project: Project, folders: dict[Path, list[Path]]) -> list[str]:
    """A table per pair of agreement folders sharing documents, and all pairs pooled."""
    pairs = []
    ordered = sorted(folders)
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            shared = sorted({p.stem for p in folders[first]} & {p.stem for p in folders[second]})
            if shared:
                pairs.append((first, second, shared))
    blocks = []
    for first, second, shared in pairs:
        names = [first.name, second.name] if first.name != second.name else ["first", "second"]
        what = (
            f"{code(f'{project.relative(first)}/', cell=False)} and "
            f"{code(f'{project.relative(second)}/', cell=False)} "
            f"({', '.join(f'`{d}`' for d in shared)})"
        )
        scored = _scored(
            project,
            [[first / f"{d}.jsonl" for d in shared], [second / f"{d}.jsonl" for d in shared]],
            names,
        )
        if scored is None:
            blocks.append(f"{what} could not be scored: run `claimset validate` on them")
            continue
        blocks.append(_agreement_table(scored[0], what, BETWEEN, against_gold=False))
    if len(pairs) > 1:
        scored = _scored(
            project,
            [
                [first / f"{d}.jsonl" for first, _, shared in pairs for d in shared],
                [second / f"{d}.jsonl" for _, second, shared in pairs for d in shared],
            ],
            ["first", "second"],
        )
        if scored is not None:
            what = f"All {len(pairs)} pairs above, pooled (first and second annotator of each),"
            blocks.append(_agreement_table(scored[0], what, BETWEEN, against_gold=False))
    return blocks


#: What a comparison of two annotators' own files measures.
BETWEEN = (
    "Agreement between annotators: two independent annotations compared with each other, "
    "before any adjudication."
)


def _against_gold(
    gold: dict[str, SentenceRecord], theirs: dict[str, SentenceRecord], report: AgreementReport
) -> str:
    """What comparing an annotator with the corpus annotations measures, from the sentences'
    provenance: agreement between annotators only while the corpus holds none of their work."""
    from ...models import HUMAN_STATUSES

    compared = [
        sid
        for sid in gold.keys() & theirs.keys()
        if gold[sid].status in HUMAN_STATUSES
        and theirs[sid].status in HUMAN_STATUSES
        and gold[sid].text == theirs[sid].text
    ]
    reviewed = sum(1 for sid in compared if gold[sid].status == "reviewed")
    own = sum(
        1
        for sid in compared
        if gold[sid].annotator is not None and gold[sid].annotator == theirs[sid].annotator
    )
    if not reviewed and not own:
        return (
            "Agreement between annotators: the corpus annotations and this second annotation "
            "were made independently (no sentence compared is adjudicated or shared)."
        )
    other = report.annotators[1]
    return (
        "**Not agreement between annotators**: the corpus annotations are the adjudicated "
        f"gold ({reviewed} of the {len(compared)} sentences compared are `reviewed`), and in "
        f"{own} of them the gold holds `{other}`'s own version (same `annotator`), accepted in "
        "adjudication, where the two agree by construction. These figures measure how far the "
        "adjudicated gold is from this annotator and overstate agreement between annotators, "
        "which only the annotators' own files, compared before adjudication, measure."
    )


def _agreement_table(
    report: AgreementReport, what: str, measures: str, *, against_gold: bool = True
) -> str:
    """Two annotations compared: what it measures, kappa/alpha per field, span F1."""
    first, second = report.annotators
    if against_gold:
        compared = "compared with the corpus annotations"
        claims = f"{report.claims.get(first, 0)} in the corpus"
    else:
        compared = "compared with each other"
        claims = f"{report.claims.get(first, 0)} in `{first}`"
    lines = [
        f"{what} {compared} (`claimset agree`), over {report.sentences} sentences annotated "
        f"in both; claims: {claims}, {report.claims.get(second, 0)} in `{second}`. {measures} "
        "Kappa is Cohen's, alpha Krippendorff's (nominal), over the claims both made (aligned "
        "by expectation span); n/a where there is nothing to measure.",
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
