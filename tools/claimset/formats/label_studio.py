"""Label Studio, both ways: tasks and a labeling config out, JSON exports back in.

One task per document (`data.text` is the whole essay), so evidence in another sentence can be
linked to its claim. Spans are `labels` regions (Actor, Expectation, Evidence, Hedge, Booster);
claim fields are per-region choices (`expectation_type`, `certainty`, `polarity`, `origin`,
`target`, `implicit_actor` on an expectation, `actor_ref` on an actor, `evidence_type` on
evidence); the claim structure is relations (`holds`: actor → expectation, `supported_by`:
expectation → evidence, `hedged_by`: expectation → cue). An expectation region's id is
`e<n>.<claim id>`, which keeps claim ids across the trip. `data.claimset.sentences` records the
sentences as exported (id, offsets, status, annotator, a digest of their claims).

Label Studio counts offsets in UTF-16 code units: they are written that way, and on import never
trusted: every region is re-anchored by its text, the occurrence nearest its offsets winning.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from ..anchor import anchor
from ..models import (
    ANNOTATOR_ID_PATTERN,
    CERTAINTIES,
    EVIDENCE_TYPES,
    EXPECTATION_TYPES,
    HUMAN_STATUSES,
    ORIGINS,
    POLARITIES,
    Actor,
)
from .corpus import CorpusDocument
from .graph import (
    Graph,
    Problem,
    Region,
    SentenceMeta,
    claims_digest,
    from_graph,
    records,
    sentence_meta,
    to_graph,
)

LABELS_NAME, TEXT_NAME, DOC_STATUS = "label", "text", "doc_status"
MODEL_VERSION = "claimset-draft"

#: Per-region choices: name → (label it shows for, graph attribute, values; None: actor ids).
REGION_CHOICES: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "actor_ref": ("Actor", "ref", None),
    "expectation_type": ("Expectation", "type", EXPECTATION_TYPES),
    "certainty": ("Expectation", "certainty", CERTAINTIES),
    "polarity": ("Expectation", "polarity", POLARITIES),
    "target": ("Expectation", "target", None),
    "implicit_actor": ("Expectation", "actor", None),
    "origin": ("Expectation", "origin", ORIGINS),
    "evidence_type": ("Evidence", "type", EVIDENCE_TYPES),
}
_CHOICE_FOR = {(role, attr): name for name, (role, attr, _) in REGION_CHOICES.items()}
RELATION_LABELS = {"Actor": "holds", "Evidence": "supported_by", "Hedge": "hedged_by"}
RELATION_LABELS["Booster"] = "hedged_by"
#: Okabe–Ito colours, safe for colour-blind readers (the HTML report uses the same).
COLOURS = {
    "Actor": "#56B4E9",
    "Expectation": "#009E73",
    "Evidence": "#E69F00",
    "Hedge": "#CC79A7",
    "Booster": "#D55E00",
}
_EXPECTATION_ID = re.compile(r"^e\d+\.([A-Za-z0-9][A-Za-z0-9_-]*)$")


def label_config(actors: Sequence[Actor]) -> str:
    """The labeling config XML: span labels, relations, per-region choices, document status."""
    view = ET.Element("View")
    ET.SubElement(view, "Header", value="Select a span, pick its label, then fill in its fields")
    labels = ET.SubElement(view, "Labels", name=LABELS_NAME, toName=TEXT_NAME)
    for role, colour in COLOURS.items():
        ET.SubElement(labels, "Label", value=role, background=colour)
    relations = ET.SubElement(view, "Relations")
    for value in ("holds", "supported_by", "hedged_by"):
        ET.SubElement(relations, "Relation", value=value)
    ET.SubElement(view, "Text", name=TEXT_NAME, value="$text", granularity="symbol")
    actor_ids = [(a.id, a.name) for a in actors]
    for name, (role, _, values) in REGION_CHOICES.items():
        box = ET.SubElement(
            view,
            "View",
            visibleWhen="region-selected",
            whenTagName=TEXT_NAME,
            whenLabelValue=role,
        )
        ET.SubElement(box, "Header", value=name.replace("_", " "))
        choices = ET.SubElement(
            box,
            "Choices",
            name=name,
            toName=TEXT_NAME,
            perRegion="true",
            choice="single",
            showInline="true",
        )
        if name in ("expectation_type", "certainty", "actor_ref", "evidence_type"):
            choices.set("required", "true")
        for value, hint in actor_ids if values is None else [(v, v) for v in values]:
            ET.SubElement(choices, "Choice", value=value, hint=hint)
    ET.SubElement(view, "Header", value="When the whole document is annotated")
    status = ET.SubElement(view, "Choices", name=DOC_STATUS, toName=TEXT_NAME, choice="single")
    ET.SubElement(status, "Choice", value="done", hint="every sentence annotated")
    ET.SubElement(status, "Choice", value="reviewed", hint="every sentence checked")
    ET.indent(view)
    return ET.tostring(view, encoding="unicode") + "\n"


class Utf16:
    """Conversions between code point offsets and UTF-16 code units in one text."""

    def __init__(self, text: str) -> None:
        self.units = [0]
        for ch in text:
            self.units.append(self.units[-1] + (2 if ord(ch) > 0xFFFF else 1))

    def to_units(self, index: int) -> int:
        return self.units[index]

    def to_index(self, unit: int) -> int:
        """The code point offset at (or just before) a UTF-16 offset."""
        return max(0, bisect.bisect_right(self.units, unit) - 1)


def _result(graph: Graph, text: str) -> list[dict[str, Any]]:
    """Label Studio result items for a graph: labels, per-region choices, relations."""
    utf16 = Utf16(text)
    items: list[dict[str, Any]] = []
    ids: dict[str, str] = {}
    for n, region in enumerate(graph.regions, start=1):
        rid = f"r{n}"
        if region.role == "Expectation":
            rid = f"e{n}.{region.attrs['claim']}" if "claim" in region.attrs else f"e{n}"
        ids[region.key] = rid
        value = {
            "start": utf16.to_units(region.start),
            "end": utf16.to_units(region.end),
            "text": text[region.start : region.end],
        }
        items.append(_item(rid, LABELS_NAME, "labels", {**value, "labels": [region.role]}))
        for attr, choice in region.attrs.items():
            name = _CHOICE_FOR.get((region.role, attr))
            if name is not None:
                items.append(_item(rid, name, "choices", {**value, "choices": [choice]}))
    roles = {r.key: r.role for r in graph.regions}
    for exp_key, other in graph.links:
        a, b = (other, exp_key) if roles[other] == "Actor" else (exp_key, other)
        items.append(
            {
                "type": "relation",
                "from_id": ids[a],
                "to_id": ids[b],
                "direction": "right",
                "labels": [RELATION_LABELS[roles[other]]],
            }
        )
    return items


def _item(rid: str, name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rid,
        "from_name": name,
        "to_name": TEXT_NAME,
        "type": kind,
        "origin": "prediction",
        "value": value,
    }


def to_task(doc: CorpusDocument) -> tuple[dict[str, Any], list[Problem]]:
    """One document as a Label Studio task.

    Claims go in an `annotations` entry when a person has worked on the document (a `done` or
    `reviewed` sentence), so the annotator continues it; otherwise machine drafts go in
    `predictions`, which Label Studio shows as suggestions.
    """
    graph, problems = to_graph(doc.sentences)
    sentences = [
        {
            "id": m.id,
            "start": m.start,
            "end": m.end,
            "status": m.status,
            "annotator": m.annotator,
            "claims_sha256": m.claims_sha256,
            **{k: v for k, v in (("reviewer", m.reviewer), ("note", m.note)) if v is not None},
        }
        for m in map(sentence_meta, doc.sentences)
    ]
    task: dict[str, Any] = {
        "data": {"text": doc.text, "doc": doc.id, "claimset": {"sentences": sentences}}
    }
    result = _result(graph, doc.text)
    if any(s.status in HUMAN_STATUSES for s in doc.sentences):
        task["annotations"] = [{"result": result}]
    elif result:
        task["predictions"] = [{"model_version": MODEL_VERSION, "result": result}]
    return task, problems


def to_tasks(docs: Sequence[CorpusDocument]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Every document as a task, and what could not be written."""
    tasks: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for doc in docs:
        task, lost = to_task(doc)
        tasks.append(task)
        problems.extend(lost)
    return tasks, problems


def _annotator(annotation: dict[str, Any]) -> str | None:
    """The annotator id of a Label Studio annotation: the first of the user's username, e-mail
    and number that is an annotator id (the grammar `annotator` holds: an e-mail is not one),
    else None (the import then asks for --annotator)."""
    by = annotation.get("completed_by")
    found: list[str] = []
    if isinstance(by, dict):
        found += [str(by[key]) for key in ("username", "email") if by.get(key)]
        if by.get("id"):
            found.append(f"label-studio-user-{by['id']}")
    username = annotation.get("created_username")
    if isinstance(username, str) and username.strip():
        found.append(username.split(",")[0].strip())
    if isinstance(by, int):
        found.append(f"label-studio-user-{by}")
    return next((name for name in found if re.fullmatch(ANNOTATOR_ID_PATTERN, name)), None)


def _pick(
    task: dict[str, Any], where: str, problems: list[Problem]
) -> tuple[dict[str, Any] | None, bool]:
    """The annotation to import (else the last prediction), and whether it is a person's."""
    annotations = [
        a
        for a in task.get("annotations") or []
        if isinstance(a, dict) and not a.get("was_cancelled")
    ]
    if annotations:
        chosen = max(
            enumerate(annotations),
            key=lambda ia: (
                bool(ia[1].get("ground_truth")),
                str(ia[1].get("updated_at", "")),
                ia[0],
            ),
        )[1]
        for other in annotations:
            if other is not chosen:
                problems.append(
                    Problem(
                        where,
                        f"annotation {other.get('id', '?')} not imported: only one annotation "
                        f"per document is (chose {chosen.get('id', '?')}, the ground truth or "
                        "the latest)",
                    )
                )
        return chosen, True
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    for other in predictions[:-1]:
        problems.append(Problem(where, f"prediction {other.get('id', '?')} not imported"))
    return (predictions[-1] if predictions else None), False


def _graph(
    result: list[Any], text: str, where: str, problems: list[Problem]
) -> tuple[Graph, str | None]:
    """Regions (re-anchored by their text) and links from result items; the document status."""
    utf16 = Utf16(text)
    regions: dict[str, Region] = {}
    attrs: dict[str, dict[str, str]] = {}
    links: list[tuple[str, str]] = []
    doc_status: str | None = None
    for n, item in enumerate(result):
        at = f"{where} result[{n}]"
        if not isinstance(item, dict):
            problems.append(Problem(at, "not a result object"))
            continue
        kind, name, value = item.get("type"), item.get("from_name"), item.get("value") or {}
        if kind == "relation":
            links.append((str(item.get("from_id")), str(item.get("to_id"))))
            continue
        if name == DOC_STATUS and kind == "choices":
            doc_status = (value.get("choices") or [None])[0]
            continue
        rid = str(item.get("id"))
        at = f"{where} region {rid}"
        choices = value.get("choices") if kind == "choices" else None
        if kind == "labels" and name == LABELS_NAME:
            region = _region(rid, value, text, utf16, at, problems)
            if region is not None:
                regions[rid] = region
                match = _EXPECTATION_ID.fullmatch(rid)
                if match and region.role == "Expectation":
                    attrs.setdefault(rid, {}).setdefault("claim", match.group(1))
        elif name in REGION_CHOICES and isinstance(choices, list) and len(choices) == 1:
            _, attr, _ = REGION_CHOICES[name]
            attrs.setdefault(rid, {})[attr] = str(choices[0])
        else:
            problems.append(Problem(at, f"a {kind} result from {name!r} claimset does not use"))
    _attach_choices(regions, attrs, where, problems)
    graph = Graph(list(regions.values()), [])
    for a, b in links:
        if a in regions and regions[a].role == "Actor":
            a, b = b, a  # holds is drawn actor → expectation
        graph.links.append((a, b))
    return graph, doc_status


def _region(
    rid: str, value: dict[str, Any], text: str, utf16: Utf16, at: str, problems: list[Problem]
) -> Region | None:
    """A labelled region placed by its text (the tool's UTF-16 offset only picks a repeat)."""
    labels = value.get("labels") or []
    if len(labels) != 1:
        problems.append(Problem(at, f"needs exactly one label, has {labels}"))
        return None
    quote = value.get("text")
    if not isinstance(quote, str) or not quote.strip():
        problems.append(Problem(at, "has no text to anchor"))
        return None
    hint = value.get("start")
    placed = anchor(text, quote, utf16.to_index(hint) if isinstance(hint, int) else None)
    if placed.start is None or placed.end is None:
        problems.append(Problem(at, f"text {quote!r} is {placed.status} in the document"))
        return None
    return Region(rid, str(labels[0]), placed.start, placed.end, where=at)


def _attach_choices(
    regions: dict[str, Region],
    attrs: dict[str, dict[str, str]],
    where: str,
    problems: list[Problem],
) -> None:
    """Per-region choices onto their regions; choices of a lost region or role are reported."""
    for rid, values in attrs.items():
        region = regions.get(rid)
        if region is None:
            if set(values) != {"claim"}:
                problems.append(Problem(f"{where} region {rid}", "choices for a lost region"))
            continue
        for attr, value in values.items():
            known = _CHOICE_FOR.get((region.role, attr)) or attr == "claim"
            if known:
                region.attrs[attr] = value
            else:
                problems.append(Problem(region.where, f"{attr} does not apply to {region.role}"))


def _metas(task: dict[str, Any], fallback: Sequence[SentenceMeta]) -> list[SentenceMeta]:
    data = task.get("data") or {}
    listed = (data.get("claimset") or {}).get("sentences")
    if not isinstance(listed, list):
        return list(fallback)
    return [
        SentenceMeta(
            s["id"],
            s["start"],
            s["end"],
            s["status"],
            s.get("annotator"),
            s.get("claims_sha256", ""),
            s.get("reviewer"),
            s.get("note"),
        )
        for s in listed
    ]


def from_task(
    task: dict[str, Any],
    *,
    fallback: Sequence[SentenceMeta] = (),
    annotator: str | None = None,
    where: str = "task",
) -> tuple[CorpusDocument | None, list[Problem]]:
    """One task (as claimset wrote it, or from a Label Studio JSON export) as sentence records.

    The claims come from the task's annotation (else its prediction). A sentence whose claims
    are unchanged keeps its status and annotator; a changed one becomes `done` by the person
    who annotated it (`annotator`, else Label Studio's user). The `doc_status` choice marks
    every sentence `done` or `reviewed`. Sentences come from `data.claimset.sentences`, else
    from `fallback` (the project's current ones, or the segmenter's).
    """
    problems: list[Problem] = []
    data = task.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return None, [Problem(where, "no data.text: not a claimset document task")]
    text, doc_id = data["text"], str(data.get("doc") or "")
    if not doc_id:
        return None, [Problem(where, "no data.doc: which document is this?")]
    where = f"{where} ({doc_id})"
    metas = _metas(task, fallback)
    if not metas:
        return None, [Problem(where, "no sentences: run `claimset split` for this document first")]
    chosen, human = _pick(task, where, problems)
    claims: dict[str, list[Any]] = {}
    doc_status = None
    if chosen is not None:
        graph, doc_status = _graph(chosen.get("result") or [], text, where, problems)
        claims, lost = from_graph(text, metas, graph)
        problems.extend(lost)
    person = annotator or (_annotator(chosen) if chosen is not None and human else None)
    updated: list[SentenceMeta] = []
    for m in metas:
        status, by = _status_after(m, claims.get(m.id, []), human, doc_status, person)
        if status in HUMAN_STATUSES and not by:
            problems.append(
                Problem(
                    where,
                    f"{m.id}: no annotator id in the export (a user name such as ann1; an "
                    "e-mail is not one); pass --annotator",
                )
            )
            status, by = m.status, m.annotator
        # The review stands while the reviewed claims do; the sentence's note always stays.
        unchanged = claims_digest(claims.get(m.id, [])) == m.claims_sha256
        kept = status == "reviewed" and m.status == "reviewed" and unchanged and by == m.annotator
        reviewer = m.reviewer if kept else None
        updated.append(SentenceMeta(m.id, m.start, m.end, status, by, "", reviewer, m.note))
    return CorpusDocument(doc_id, text, records(doc_id, text, updated, claims)), problems


def _status_after(
    m: SentenceMeta, mine: list[Any], human: bool, doc_status: str | None, person: str | None
) -> tuple[str, str | None]:
    """A sentence's status and annotator after the import: unchanged claims keep both; a person's
    change makes it `done` by that person, the `reviewed` choice `reviewed`; a changed machine
    prediction makes it `draft`."""
    unchanged = claims_digest(mine) == m.claims_sha256
    status, by = m.status, m.annotator
    if human and doc_status == "reviewed":
        status, by = "reviewed", (by if m.status in HUMAN_STATUSES and unchanged else person)
    elif (
        human
        and (doc_status == "done" or not unchanged)
        and not (m.status == "reviewed" and unchanged)
    ):
        status, by = "done", (by if m.status in HUMAN_STATUSES and unchanged else person)
    elif not human and not unchanged:
        status, by = ("draft" if mine else m.status), m.annotator
    return status, by


def from_tasks(
    tasks: Any,
    *,
    fallbacks: Mapping[str, Sequence[SentenceMeta]] | None = None,
    annotator: str | None = None,
) -> tuple[list[CorpusDocument], list[Problem]]:
    """Every task of a Label Studio JSON export (a list of tasks) as documents."""
    if not isinstance(tasks, list):
        return [], [Problem("export", "not a list of tasks (export from Label Studio as JSON)")]
    docs: list[CorpusDocument] = []
    problems: list[Problem] = []
    for n, task in enumerate(tasks):
        if not isinstance(task, dict):
            problems.append(Problem(f"task[{n}]", "not a task object"))
            continue
        doc_id = str((task.get("data") or {}).get("doc") or "")
        doc, lost = from_task(
            task,
            fallback=(fallbacks or {}).get(doc_id, ()),
            annotator=annotator,
            where=f"task {task.get('id', n)}",
        )
        problems.extend(lost)
        if doc is not None:
            docs.append(doc)
    return docs, problems
