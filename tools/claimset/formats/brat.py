"""brat standoff, both ways: `<doc>.txt` + `<doc>.ann`, and the `annotation.conf` beside them.

The `.txt` is the seed text as it is. In the `.ann`:

- `T` lines: one `Sentence` entity per sentence (attribute `Status`, note `id=… annotator=…`,
  and `reviewer=…`, `note="…"` when the record has them),
  then the claims' `Expectation`, `Actor`, `Evidence`, `Hedge` and `Booster` entities. A span
  that crosses a line break is written as fragments (`0 10;11 20`), as brat itself does; reading
  joins fragments separated only by whitespace.
- `A` lines, one per attribute: `ExpectationType`, `Certainty`, `Polarity`, `Origin` on
  expectations, `EvidenceType` on evidence, `Status` on sentences.
- `R` lines: `HeldBy` (expectation → actor), `SupportedBy` (→ evidence), `HedgedBy` (→ cue).
- `#` notes (`AnnotatorNotes`): `claim=c1 target=russia actor=author` on an expectation (the
  actor ref there only for an implicit actor), `ref=south_korea` on an actor.

Offsets are code points, as brat counts them. Reading checks each entity's text against the
offsets and reports every line it cannot use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from ..models import CERTAINTIES, EVIDENCE_TYPES, EXPECTATION_TYPES, ORIGINS, POLARITIES, STATUSES
from .corpus import CorpusDocument
from .graph import (
    Graph,
    Problem,
    Region,
    SentenceMeta,
    from_graph,
    records,
    sentence_meta,
    to_graph,
)

#: brat attribute name → (role, graph attribute, values).
ATTRIBUTE_NAMES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "ExpectationType": ("Expectation", "type", EXPECTATION_TYPES),
    "Certainty": ("Expectation", "certainty", CERTAINTIES),
    "Polarity": ("Expectation", "polarity", POLARITIES),
    "Origin": ("Expectation", "origin", ORIGINS),
    "EvidenceType": ("Evidence", "type", EVIDENCE_TYPES),
    "Status": ("Sentence", "status", STATUSES),
}
_BY_ROLE_ATTR = {(role, attr): name for name, (role, attr, _) in ATTRIBUTE_NAMES.items()}
#: Graph attributes kept in notes, by role.
NOTE_KEYS = {"Expectation": ("claim", "target", "actor"), "Actor": ("ref",), "Sentence": ("id",)}
RELATIONS = {
    "Actor": "HeldBy",
    "Evidence": "SupportedBy",
    "Hedge": "HedgedBy",
    "Booster": "HedgedBy",
}

_LINE_BREAK = re.compile(r"[\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_NOTE_ITEM = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|[^\s"]+)')
_BARE = re.compile(r'^[^\s"=]+$')


def annotation_conf() -> str:
    """brat's annotation.conf for claimset's span types, relations and attributes."""
    lines = [
        "# claimset: claims in argumentative essays (see docs/formats.md)",
        "[entities]",
        "Sentence",
        "Actor",
        "Expectation",
        "Evidence",
        "Hedge",
        "Booster",
        "",
        "[relations]",
        "HeldBy\tArg1:Expectation, Arg2:Actor",
        "SupportedBy\tArg1:Expectation, Arg2:Evidence",
        "HedgedBy\tArg1:Expectation, Arg2:Hedge|Booster",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        "",
        "[attributes]",
    ]
    for name, (role, _, values) in ATTRIBUTE_NAMES.items():
        lines.append(f"{name}\tArg:{role}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def visual_conf() -> str:
    """brat's visual.conf: colour-blind-safe colours (Okabe–Ito), as in the HTML report."""
    colours = {
        "Sentence": "#f2f2f2",
        "Actor": "#56b4e9",
        "Expectation": "#009e73",
        "Evidence": "#e69f00",
        "Hedge": "#cc79a7",
        "Booster": "#d55e00",
    }
    lines = ["[labels]", *colours, "", "[drawing]"]
    lines += [f"{role}\tbgColor:{colour}" for role, colour in colours.items()]
    return "\n".join(lines) + "\n"


#: A sentence's fields besides its status and id, kept in its note (`annotator=ann1
#: reviewer=ann2 note="..."`): a round trip through brat loses none of them.
_SENTENCE_NOTES = ("annotator", "reviewer", "note")


def _note(values: dict[str, str]) -> str:
    return " ".join(
        f"{k}={v if _BARE.match(v) else json.dumps(v, ensure_ascii=False)}"
        for k, v in values.items()
    )


def _parse_note(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, raw in _NOTE_ITEM.findall(text):
        values[key] = json.loads(raw) if raw.startswith('"') else raw
    return values


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks (and tabs), which a `.ann` line cannot hold."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in _LINE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        pieces.append((pos, end))
    return pieces or [(start, end)]


def to_brat(doc: CorpusDocument) -> tuple[str, list[Problem]]:
    """The `.ann` text of one document, and what could not be written."""
    graph, problems = to_graph(doc.sentences)
    out: list[str] = []
    counters = {"T": 0, "A": 0, "R": 0, "#": 0}

    def next_id(kind: str) -> str:
        counters[kind] += 1
        return f"{kind}{counters[kind]}"

    def entity(role: str, start: int, end: int, attrs: dict[str, str]) -> str:
        tid = next_id("T")
        frags = _fragments(doc.text, start, end)
        where = ";".join(f"{s} {e}" for s, e in frags)
        quote = " ".join(doc.text[s:e] for s, e in frags)
        out.append(f"{tid}\t{role} {where}\t{quote}")
        for attr, value in attrs.items():
            name = _BY_ROLE_ATTR.get((role, attr))
            if name is not None:
                out.append(f"{next_id('A')}\t{name} {tid} {value}")
        notes = {k: attrs[k] for k in NOTE_KEYS.get(role, ()) if k in attrs}
        if role == "Sentence":
            notes.update({k: attrs[k] for k in _SENTENCE_NOTES if k in attrs})
        if notes:
            out.append(f"{next_id('#')}\tAnnotatorNotes {tid}\t{_note(notes)}")
        return tid

    for sentence in doc.sentences:
        attrs = {"status": sentence.status, "id": sentence.id}
        for key in _SENTENCE_NOTES:
            if (value := getattr(sentence, key)) is not None:
                attrs[key] = value
        entity("Sentence", sentence.start, sentence.end, attrs)
    tids = {r.key: entity(r.role, r.start, r.end, r.attrs) for r in graph.regions}
    roles = {r.key: r.role for r in graph.regions}
    for exp_key, other in graph.links:
        relation = RELATIONS[roles[other]]
        out.append(f"{next_id('R')}\t{relation} Arg1:{tids[exp_key]} Arg2:{tids[other]}")
    return "".join(line + "\n" for line in out), problems


def export_brat(docs: Sequence[CorpusDocument], out: Path) -> list[Problem]:
    """Write `<doc>.txt`, `<doc>.ann`, `annotation.conf` and `visual.conf` into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    problems: list[Problem] = []
    for doc in docs:
        ann, lost = to_brat(doc)
        problems.extend(lost)
        (out / f"{doc.id}.txt").write_bytes(doc.text.encode("utf-8"))
        (out / f"{doc.id}.ann").write_bytes(ann.encode("utf-8"))
    (out / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    (out / "visual.conf").write_text(visual_conf(), encoding="utf-8")
    return problems


@dataclass
class _Entity:
    tid: str
    role: str
    start: int
    end: int
    where: str
    attrs: dict[str, str] = field(default_factory=dict)


def _read_entity(
    tid: str, middle: str, quote: str, text: str, where: str, problems: list[Problem]
) -> _Entity | None:
    role, _, spans = middle.partition(" ")
    try:
        frags = [(int(s), int(e)) for s, e in (f.split() for f in spans.split(";"))]
    except ValueError:
        problems.append(Problem(where, f"cannot read the offsets {spans!r}"))
        return None
    if any(not 0 <= s <= e <= len(text) for s, e in frags):
        problems.append(Problem(where, f"offsets {spans} lie outside the text"))
        return None
    for (_, e1), (s2, _) in pairwise(frags):
        if s2 < e1 or text[e1:s2].strip():
            problems.append(Problem(where, "a discontinuous span (claimset spans are contiguous)"))
            return None
    if " ".join(quote.split()) != " ".join(" ".join(text[s:e] for s, e in frags).split()):
        problems.append(Problem(where, f"text {quote!r} differs from the text at {spans}"))
        return None
    return _Entity(tid, role, frags[0][0], frags[-1][1], where)


def from_brat(
    doc_id: str,
    text: str,
    ann: str,
    fallback: Sequence[SentenceMeta] = (),
    *,
    ann_name: str = "",
    annotator: str | None = None,
) -> tuple[CorpusDocument, list[Problem]]:
    """Rebuild one document's sentence records from its `.ann`; report every line left out.

    Sentences come from the `Sentence` entities; without any (a file made elsewhere), from
    `fallback` (the project's current sentences, or the segmenter's), and a `todo` sentence that
    gets claims becomes `done` by `annotator`.
    """
    name = ann_name or f"{doc_id}.ann"
    problems: list[Problem] = []
    entities, links = _read_ann(ann, name, text, problems)
    sentence_entities = [e for e in entities.values() if e.role == "Sentence"]
    metas = _sentences(doc_id, sentence_entities, problems) if sentence_entities else []
    if not sentence_entities:
        metas = list(fallback)
    regions = [
        Region(e.tid, e.role, e.start, e.end, e.attrs, e.where)
        for e in entities.values()
        if e.role != "Sentence"
    ]
    graph = Graph(regions, links)
    claims, lost = from_graph(text, metas, graph)
    problems.extend(lost)
    if not sentence_entities:
        metas = [
            SentenceMeta(m.id, m.start, m.end, "done", annotator)
            if m.status == "todo" and claims.get(m.id) and annotator
            else m
            for m in metas
        ]
    return CorpusDocument(doc_id, text, records(doc_id, text, metas, claims)), problems


def _read_ann(
    ann: str, name: str, text: str, problems: list[Problem]
) -> tuple[dict[str, _Entity], list[tuple[str, str]]]:
    """The entities (with their attributes and notes) and the relations of an `.ann` file."""
    entities: dict[str, _Entity] = {}
    links: list[tuple[str, str]] = []
    notes: list[tuple[str, str, str]] = []
    for lineno, line in enumerate(ann.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        fields = line.split("\t")
        kind = fields[0][:1]
        if kind == "T" and len(fields) >= 3:
            entity = _read_entity(fields[0], fields[1], fields[2], text, where, problems)
            if entity is not None:
                entities[entity.tid] = entity
        elif kind in "AM" and len(fields) >= 2:
            _read_attribute(fields[1], entities, where, problems)
        elif kind == "R" and len(fields) >= 2:
            args = dict(p.split(":", 1) for p in fields[1].split()[1:] if ":" in p)
            if "Arg1" in args and "Arg2" in args:
                links.append((args["Arg1"], args["Arg2"]))
            else:
                problems.append(Problem(where, f"cannot read the relation {fields[1]!r}"))
        elif kind == "#" and len(fields) >= 3:
            notes.append((where, fields[1].split()[-1], fields[2]))
        else:
            problems.append(Problem(where, f"a line claimset does not use: {line[:60]!r}"))
    for where, tid, note in notes:
        _apply_note(entities, where, tid, note, problems)
    return entities, links


def _read_attribute(
    spec_text: str, entities: dict[str, _Entity], where: str, problems: list[Problem]
) -> None:
    """An `A`/`M` line: one attribute of one entity, if it applies to that entity."""
    parts = spec_text.split()
    spec = ATTRIBUTE_NAMES.get(parts[0])
    target = entities.get(parts[1]) if len(parts) > 1 else None
    if (
        spec is None
        or target is None
        or len(parts) != 3
        or spec[0] != target.role
        or parts[2] not in spec[2]
    ):
        problems.append(Problem(where, f"attribute {spec_text!r} does not apply here"))
    else:
        target.attrs[spec[1]] = parts[2]


def _apply_note(
    entities: dict[str, _Entity], where: str, tid: str, note: str, problems: list[Problem]
) -> None:
    """A `#` note's fields (ids, status) onto its entity; unknown fields are reported."""
    target = entities.get(tid)
    if target is None:
        problems.append(Problem(where, f"note on unknown annotation {tid}"))
        return
    for key, value in _parse_note(note).items():
        if key in NOTE_KEYS.get(target.role, ()) or (
            target.role == "Sentence" and key in _SENTENCE_NOTES
        ):
            target.attrs[key] = value
        else:
            problems.append(Problem(where, f"note field {key!r} means nothing on {tid}"))


def _sentences(doc_id: str, entities: list[_Entity], problems: list[Problem]) -> list[SentenceMeta]:
    """Sentence metadata from `Sentence` entities, in text order; ids default to the order."""
    metas: list[SentenceMeta] = []
    for ordinal, e in enumerate(sorted(entities, key=lambda e: e.start)):
        status = e.attrs.get("status", "todo")
        metas.append(
            SentenceMeta(
                e.attrs.get("id", f"{doc_id}:{ordinal:04d}"),
                e.start,
                e.end,
                status,
                e.attrs.get("annotator"),
                reviewer=e.attrs.get("reviewer"),
                note=e.attrs.get("note"),
            )
        )
    for a, b in pairwise(metas):
        if b.start < a.end:
            problems.append(Problem(b.id, f"sentence overlaps {a.id}"))
    return metas


def read_brat_dir(folder: Path) -> list[tuple[str, str, str]]:
    """(doc id, text, ann) for each `<doc>.txt` with a `<doc>.ann` beside it, sorted by id."""
    found: list[tuple[str, str, str]] = []
    for txt in sorted(folder.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if ann.exists():
            found.append(
                (
                    txt.stem,
                    txt.read_bytes().decode("utf-8"),
                    ann.read_bytes().decode("utf-8"),
                )
            )
    return found


__all__ = [
    "annotation_conf",
    "export_brat",
    "from_brat",
    "read_brat_dir",
    "sentence_meta",
    "to_brat",
    "visual_conf",
]
