"""The columns of the exported dataset, derived from the pydantic models in `models.py`.

Every config's columns are described once, as a tree of `Column`s built from the models' fields
(types, defaults, descriptions). From that tree come the Hugging Face `Features` (ClassLabel for
the annotation label sets, in SPEC's order; int32 offsets; lists of structs), the Arrow schema
used to read the JSONL files, and the column table of the dataset card. `datasets` and `pyarrow`
are imported inside the functions that need them, so importing this module stays cheap.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .models import (
    CERTAINTIES,
    CUE_KINDS,
    EVIDENCE_TYPES,
    EXPECTATION_TYPES,
    POLARITIES,
    Actor,
    ActorSpan,
    Claim,
    Document,
    Evidence,
    Expectation,
    Hedge,
    SentenceRecord,
    input_only,
)

if TYPE_CHECKING:
    import datasets
    import pyarrow as pa

#: The label sets exported as ClassLabel, by the name the card uses for them. The ids follow the
#: order of the Literal in models.py (SPEC's order). Workflow fields (status, origin, actor kind,
#: split) stay plain strings: researchers filter on them, they do not predict them.
CLASS_LABELS: dict[str, tuple[str, ...]] = {
    "expectation type": EXPECTATION_TYPES,
    "evidence type": EVIDENCE_TYPES,
    "certainty": CERTAINTIES,
    "cue kind": CUE_KINDS,
    "polarity": POLARITIES,
}
_LABEL_SETS = frozenset(CLASS_LABELS.values())

Kind = Literal["string", "int32", "label", "struct", "list"]

#: The configs in the order the card lists them; the first is the default.
CONFIGS: tuple[str, ...] = ("sentences", "claims", "documents", "actors")


@dataclass(frozen=True)
class Column:
    """One column (or struct member, or list item) of an exported config.

    Attributes:
        name: Column or member name (`item` for a list's items).
        kind: string, int32, label (a ClassLabel), struct or list.
        description: What the column means, for the dataset card.
        labels: The label names of a `label` column (or the allowed values of an enum string).
        fields: The members of a struct.
        item: The item column of a list.
        nullable: Whether the value may be null.
        default: The value that replaces a null read from JSONL (the model's default), if any.
        source: The model field it comes from, as `Model.field`, or None for derived columns.
    """

    name: str
    kind: Kind
    description: str = ""
    labels: tuple[str, ...] = ()
    fields: tuple[Column, ...] = ()
    item: Column | None = None
    nullable: bool = False
    default: Any = None
    source: str | None = None

    def member(self, name: str) -> Column:
        """The struct member (or, for a list of structs, the item's member) called name."""
        owner = self.item if self.kind == "list" and self.item is not None else self
        for child in owner.fields:
            if child.name == name:
                return child
        raise KeyError(f"{self.name} has no member {name!r}")

    @property
    def type_name(self) -> str:
        """A short type for the card: `string`, `int32`, `ClassLabel`, `list<struct>`..."""
        if self.kind == "label":
            return "ClassLabel"
        if self.kind == "list" and self.item is not None:
            return f"list<{self.item.type_name}>"
        return self.kind


# -- from the models ------------------------------------------------------------------------------


def _annotation_column(name: str, annotation: Any, description: str) -> Column:
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"{name}: no export type for the union {annotation!r}")
        return replace(_annotation_column(name, args[0], description), nullable=True)
    if origin is Literal:
        labels = tuple(str(a) for a in get_args(annotation))
        kind: Kind = "label" if labels in _LABEL_SETS else "string"
        return Column(name, kind, description, labels=labels)
    if origin is list:
        (item,) = get_args(annotation)
        return Column(name, "list", description, item=_annotation_column("item", item, ""))
    if annotation is str:
        return Column(name, "string", description)
    if annotation is int:
        return Column(name, "int32", description)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Column(name, "struct", description, fields=model_columns(annotation))
    raise TypeError(f"{name}: no export type for {annotation!r}")


def field_column(model: type[BaseModel], name: str, rename: str | None = None) -> Column:
    """The column of one model field: its type, default and description."""
    info = model.model_fields[name]
    column = _annotation_column(rename or name, info.annotation, info.description or "")
    default: Any = None
    if info.default_factory is list:
        default = []
    elif info.default is not PydanticUndefined and info.default is not None:
        default = info.default
    return replace(column, default=default, source=f"{model.__name__}.{name}")


def model_columns(model: type[BaseModel]) -> tuple[Column, ...]:
    """The columns of every field of a model, in field order (input-only ones are not data)."""
    return tuple(
        field_column(model, name)
        for name, info in model.model_fields.items()
        if not input_only(info)
    )


def _described(column: Column, description: str) -> Column:
    return replace(column, description=description)


def _lead(column: Column, lead: str) -> Column:
    return replace(column, description=f"{lead} {column.description}".strip())


def _anchored(column: Column) -> Column:
    """The column with its offsets (and those of its list items) marked non-null.

    Export refuses spans without offsets (`claimset fmt` fills them), so in the `claims` config
    only the actor's offsets can be null (an implicit actor).
    """
    if column.kind == "list" and column.item is not None:
        return replace(column, item=_anchored(column.item))
    if column.kind == "struct":
        return replace(column, fields=tuple(_anchored(c) for c in column.fields))
    if column.name in ("start", "end", "expectation_start", "expectation_end"):
        return replace(column, nullable=False)
    return column


def _sentence_columns() -> tuple[Column, ...]:
    return model_columns(SentenceRecord)


def _claim_columns() -> tuple[Column, ...]:
    """The flat `claims` config (SPEC, "Export"): one row per claim, spans as separate columns."""
    string = Column("", "string")
    evidence_item = Column(
        "item",
        "struct",
        fields=(
            field_column(Evidence, "quote"),
            _described(
                field_column(Evidence, "sentence", rename="sentence_id"),
                "Id of the sentence holding the evidence (always filled: the claim's own "
                "sentence when the annotation leaves it out). `start`/`end` index its text.",
            ),
            _anchored(field_column(Evidence, "start")),
            _anchored(field_column(Evidence, "end")),
            Column(
                "doc_start",
                "int32",
                "Start of the evidence in the document text: its sentence's start + `start`.",
            ),
            Column(
                "doc_end",
                "int32",
                "End of the evidence in the document text (exclusive): its sentence's start "
                "+ `end`.",
            ),
            field_column(Evidence, "type"),
        ),
    )
    evidence = replace(
        field_column(Claim, "evidence"),
        item=evidence_item,
        description="Supporting facts, possibly in other sentences of the document; each "
        "with its sentence id, sentence offsets and document offsets.",
    )
    return (
        replace(
            string,
            name="id",
            description="Global claim id: `<sentence id>/<claim id>` (the claim id is unique "
            "within its sentence).",
            source="Claim.id",
        ),
        field_column(SentenceRecord, "doc"),
        _described(
            field_column(SentenceRecord, "id", rename="sentence_id"),
            "Id of the claim's sentence: `<doc>:<ordinal>`.",
        ),
        _described(
            field_column(SentenceRecord, "text", rename="sentence"),
            "Text of the claim's sentence; the actor, expectation and cue offsets index it.",
        ),
        _described(
            field_column(SentenceRecord, "start", rename="sentence_start"),
            "Start of the sentence in the document text (code points): add it to the "
            "`start`/`end` of the actor, expectation and cues to get document offsets.",
        ),
        _lead(field_column(ActorSpan, "ref", rename="actor"), "Who holds the expectation:"),
        _lead(field_column(ActorSpan, "quote", rename="actor_quote"), "Actor:"),
        field_column(ActorSpan, "start", rename="actor_start"),
        field_column(ActorSpan, "end", rename="actor_end"),
        _described(
            field_column(Expectation, "quote", rename="expectation"),
            "What is expected: the exact text, `sentence[expectation_start:expectation_end]`.",
        ),
        _anchored(
            _lead(field_column(Expectation, "start", rename="expectation_start"), "Expectation:")
        ),
        _anchored(
            _lead(field_column(Expectation, "end", rename="expectation_end"), "Expectation:")
        ),
        _lead(field_column(Expectation, "type", rename="expectation_type"), "Expectation type:"),
        _lead(field_column(Expectation, "target"), "Target:"),
        evidence,
        _lead(field_column(Hedge, "certainty"), "How certain the author sounds:"),
        _anchored(
            _described(
                field_column(Hedge, "cues"),
                "Hedge and booster cues in the claim's own sentence, each a minimal span.",
            )
        ),
        field_column(Claim, "polarity"),
        field_column(Claim, "origin"),
        _described(
            field_column(SentenceRecord, "status"),
            "Status of the claim's sentence: done (annotated by an annotator), reviewed "
            "(checked by a second one) or, with `--include-drafts`, draft (machine suggestions).",
        ),
        _described(
            field_column(SentenceRecord, "annotator"),
            "Who annotated the claim's sentence (null on draft sentences).",
        ),
        _described(
            field_column(SentenceRecord, "reviewer"),
            "Who reviewed the claim's sentence (null when nobody recorded a review).",
        ),
        _lead(field_column(Claim, "note"), "The annotator's note on the claim:"),
    )


def _document_columns() -> tuple[Column, ...]:
    columns = list(model_columns(Document))
    text = Column(
        "text",
        "string",
        "The document text: the seed file decoded as UTF-8, a leading BOM removed, line "
        "endings untouched. Sentence `start`/`end` index it.",
    )
    columns.insert(1, text)
    return tuple(columns)


@functools.cache
def config_columns(config: str) -> tuple[Column, ...]:
    """The columns of one export config (`sentences`, `claims`, `documents`, `actors`)."""
    if config == "sentences":
        return _sentence_columns()
    if config == "claims":
        return _claim_columns()
    if config == "documents":
        return _document_columns()
    if config == "actors":
        return model_columns(Actor)
    raise KeyError(f"unknown config {config!r}; configs: {', '.join(CONFIGS)}")


def walk(columns: tuple[Column, ...], prefix: str = "") -> Iterator[tuple[str, Column]]:
    """Every column and nested member with its dotted path (`claims[].actor.ref`)."""
    for column in columns:
        path = f"{prefix}{column.name}"
        yield path, column
        if column.kind == "struct":
            yield from walk(column.fields, f"{path}.")
        elif column.kind == "list" and column.item is not None and column.item.kind == "struct":
            yield from walk(column.item.fields, f"{path}[].")


# -- to datasets and Arrow ------------------------------------------------------------------------


def _feature(column: Column, labels_as_strings: bool) -> Any:
    from datasets import ClassLabel, List, Value

    if column.kind == "string":
        return Value("string")
    if column.kind == "int32":
        return Value("int32")
    if column.kind == "label":
        return Value("string") if labels_as_strings else ClassLabel(names=list(column.labels))
    if column.kind == "struct":
        return {child.name: _feature(child, labels_as_strings) for child in column.fields}
    assert column.item is not None
    return List(_feature(column.item, labels_as_strings))


def features(config: str, *, labels_as_strings: bool = False) -> datasets.Features:
    """The Hugging Face Features of a config (ClassLabels, or their names as strings)."""
    from datasets import Features

    return Features({c.name: _feature(c, labels_as_strings) for c in config_columns(config)})


def arrow_type(column: Column, *, labels_as_strings: bool = False) -> pa.DataType:
    """The Arrow type of a column as stored (ClassLabel ids are int64, as in `datasets`)."""
    import pyarrow as pa

    if column.kind == "string":
        return pa.string()
    if column.kind == "int32":
        return pa.int32()
    if column.kind == "label":
        return pa.string() if labels_as_strings else pa.int64()
    if column.kind == "struct":
        return pa.struct(
            [
                pa.field(c.name, arrow_type(c, labels_as_strings=labels_as_strings))
                for c in column.fields
            ]
        )
    assert column.item is not None
    return pa.list_(arrow_type(column.item, labels_as_strings=labels_as_strings))


def read_schema(columns: tuple[Column, ...]) -> pa.Schema:
    """The Arrow schema to read JSONL records with: label columns as strings."""
    import pyarrow as pa

    return pa.schema([pa.field(c.name, arrow_type(c, labels_as_strings=True)) for c in columns])


# -- back to plain records ------------------------------------------------------------------------


def decode_labels(value: Any, feature: Any) -> Any:
    """A loaded value with every ClassLabel id replaced by its name (recursively).

    `load_dataset` returns ClassLabel columns as ids; this turns a row (with `feature` the
    dataset's `Features`) back into the names the JSONL files hold.
    """
    from datasets import ClassLabel, List

    if value is None:
        return None
    if isinstance(feature, ClassLabel):
        return feature.int2str(value)
    if isinstance(feature, List):
        return [decode_labels(v, feature.feature) for v in value]
    if isinstance(feature, Mapping):
        return {k: decode_labels(value[k], f) for k, f in feature.items()}
    return value


def model_fields_covered(config: str) -> set[str]:
    """The `Model.field` names a config's columns come from (for the completeness test)."""
    return {c.source for _, c in walk(config_columns(config)) if c.source is not None}
