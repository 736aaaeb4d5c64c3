"""The pydantic models: the single source of truth for every record claimset reads or writes.

The JSON Schema files (`schema/*.schema.json`), the validator's structural checks, the canonical
key order written by `fmt`, the Hugging Face features of the export and the column descriptions of
the dataset card are all derived from these classes. Cross-field and cross-file rules (offsets that
must match a quote, actor refs that must exist, ...) live in `validate.py`, not here, so that the
JSON Schema stays a faithful description of the structure.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    model_serializer,
)
from pydantic.fields import FieldInfo

from .vocabulary import (
    ACTOR_ID_PATTERN,
    ACTOR_KINDS,
    ANNOTATOR_ID_PATTERN,
    CERTAINTIES,
    CLAIM_ID_PATTERN,
    CUE_KINDS,
    DOC_ID_PATTERN,
    EVIDENCE_TYPES,
    EXPECTATION_TYPES,
    HUMAN_STATUSES,
    ORIGINS,
    POLARITIES,
    SENTENCE_ID_PATTERN,
    SHA256_PATTERN,
    SPLITS,
    STATUSES,
    ActorKind,
    AnnotatorKind,
    Certainty,
    CueKind,
    EvidenceType,
    ExpectationType,
    Origin,
    Polarity,
    Split,
    Status,
)

#: The words `vocabulary.py` defines, re-exported: most modules read them from here.
__all__ = [
    "ACTOR_ID_PATTERN",
    "ACTOR_KINDS",
    "ANNOTATOR_ID_PATTERN",
    "CERTAINTIES",
    "CLAIM_ID_PATTERN",
    "CUE_KINDS",
    "DOC_ID_PATTERN",
    "EVIDENCE_TYPES",
    "EXPECTATION_TYPES",
    "HUMAN_STATUSES",
    "ORIGINS",
    "POLARITIES",
    "SENTENCE_ID_PATTERN",
    "SHA256_PATTERN",
    "SPLITS",
    "STATUSES",
    "ActorKind",
    "AnnotatorKind",
    "Certainty",
    "CueKind",
    "EvidenceType",
    "ExpectationType",
    "Origin",
    "Polarity",
    "Split",
    "Status",
]


class Record(BaseModel):
    """Base for every record: unknown fields are errors and values are never coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # An optional field left null (`occurrence`, `note`, `reviewer`) is not written: a dump,
        # like the canonical form, leaves it out, so no writer puts `"note": null` into a file.
        data: dict[str, Any] = handler(self)
        for name in _omitted_fields(type(self)):
            if data.get(name, 0) is None:
                del data[name]
        return data


def _quote_field() -> Any:
    return Field(
        min_length=1,
        description="The exact text of the span, as it appears in its sentence "
        "(any run of whitespace matches any run of whitespace). Authoritative over the offsets.",
    )


def _start_field() -> Any:
    return Field(
        default=None,
        ge=0,
        description="Start of the quote in its sentence's text (code points, inclusive).",
    )


def _end_field() -> Any:
    return Field(
        default=None,
        ge=0,
        description="End of the quote in its sentence's text (code points, exclusive).",
    )


def _occurrence_field() -> Any:
    return Field(
        default=None,
        ge=1,
        # Written by annotators and consumed by `fmt`: never in the canonical form, never
        # exported. JSON Schema's `writeOnly` says just that (see `input_only`).
        json_schema_extra={"writeOnly": True},
        description="Which occurrence of the quote to anchor (1 = the first), instead of typing "
        "`start`; occurrences are counted as whole words when the quote occurs as one. `fmt` "
        "turns it into start/end and removes it.",
    )


@functools.cache
def _omitted_fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if omitted_when_absent(info))


def _optional(info: dict[str, Any]) -> None:
    """The JSON Schema marker of an optional field left out when absent (`note`, `reviewer`,
    `speaks_for`): the identity of this function is what `omitted_when_absent` recognises; the
    schema itself is unchanged."""


def omitted_when_absent(info: FieldInfo) -> bool:
    """Whether a field is left out of the canonical form and of dumps when null: input-only
    fields (`occurrence`) and the optional `note`, `reviewer`, `speaks_for` and an actor's
    `state` (which are exported)."""
    return input_only(info) or info.json_schema_extra is _optional


def _actor_id_field(description: str) -> Any:
    """An optional id of corpus/actors.jsonl, left out when absent (`state`, `speaks_for`)."""
    return Field(
        default=None,
        pattern=ACTOR_ID_PATTERN,
        json_schema_extra=_optional,
        description=description,
    )


def _note_field(what: str) -> Any:
    return Field(
        default=None,
        min_length=1,
        json_schema_extra=_optional,
        description=f"Free text for the reviewer about {what} (a doubt: `desire or belief?`); "
        "optional, omitted when absent, exported.",
    )


def input_only(info: FieldInfo) -> bool:
    """Whether a field is written by annotators only and consumed by `fmt` (`occurrence`)."""
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get("writeOnly") is True


class Span(Record):
    """A quoted stretch of a sentence: annotators type `quote`, `fmt` fills the offsets."""

    quote: str = _quote_field()
    start: int | None = _start_field()
    end: int | None = _end_field()
    occurrence: int | None = _occurrence_field()


class ActorSpan(Record):
    """Who holds the expectation: a registry actor, and where the sentence names it."""

    ref: str = Field(
        pattern=ACTOR_ID_PATTERN,
        description="Id of the actor in corpus/actors.jsonl (`author` for the essay's author).",
    )
    quote: str | None = Field(
        default=None,
        min_length=1,
        description="The words naming the actor in the sentence; null for an implicit actor.",
    )
    start: int | None = Field(
        default=None, ge=0, description="Start of the actor quote in the sentence (code points)."
    )
    end: int | None = Field(
        default=None, ge=0, description="End of the actor quote in the sentence (exclusive)."
    )
    occurrence: int | None = _occurrence_field()


class Expectation(Span):
    """What the actor wants, intends, predicts, believes, demands or ought to do."""

    type: ExpectationType = Field(
        description="desire, intention, prediction, belief, demand, obligation or other."
    )
    target: str | None = Field(
        default=None,
        pattern=ACTOR_ID_PATTERN,
        description="Id of the actor the expectation is directed at, if any.",
    )


class Evidence(Record):
    """A fact offered in support of the claim, in this or another sentence of the document.

    Declared field by field (not as a Span subclass) to keep SPEC's key order: quote, sentence,
    start, end, type.
    """

    quote: str = _quote_field()
    sentence: str | None = Field(
        default=None,
        pattern=SENTENCE_ID_PATTERN,
        description="Id of the sentence holding the evidence; defaults to the claim's own "
        "sentence (`fmt` writes it out). The offsets index that sentence's text.",
    )
    start: int | None = _start_field()
    end: int | None = _end_field()
    occurrence: int | None = _occurrence_field()
    type: EvidenceType = Field(
        description="statistic, event, statement, expert, example, reasoning or other."
    )


class Cue(Span):
    """A hedging or boosting expression in the claim's own sentence."""

    kind: CueKind = Field(description="hedge (lowers certainty) or booster (raises it).")


class Hedge(Record):
    """How certain the author sounds about the claim (FactBank's scale) and the cue words."""

    certainty: Certainty = Field(
        description="certain, probable, possible or underspecified (FactBank CT/PR/PS/U)."
    )
    cues: list[Cue] = Field(
        default_factory=list, description="Hedge and booster cues, each a minimal span."
    )


class Claim(Record):
    """An actor holds an expectation, supported by evidence, stated with some certainty."""

    id: str | None = Field(
        default=None,
        pattern=CLAIM_ID_PATTERN,
        description="Id unique within the sentence (`c1`, `c2`, ...); `fmt` assigns a free one.",
    )
    actor: ActorSpan = Field(description="Who holds the expectation.")
    expectation: Expectation = Field(description="What is expected, of whom, of which type.")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Supporting facts, possibly in other sentences."
    )
    hedge: Hedge = Field(description="The author's certainty and the cues that express it.")
    polarity: Polarity = Field(
        default="positive",
        description="negative when the expectation is negated (`will not ...`).",
    )
    origin: Origin = Field(
        default="human",
        description="human, or auto when suggested by `claimset draft` (possibly edited since).",
    )
    note: str | None = _note_field("this claim")


class SentenceRecord(Record):
    """One sentence of a document with its claims: one line of corpus/annotations/<doc>.jsonl."""

    id: str = Field(
        pattern=SENTENCE_ID_PATTERN,
        description="`<doc>:<ordinal>`, 0-based ordinal zero-padded to 4 to 9 digits.",
    )
    doc: str = Field(pattern=DOC_ID_PATTERN, description="Document id (the seed file's stem).")
    start: int = Field(ge=0, description="Start of the sentence in the seed text (code points).")
    end: int = Field(ge=0, description="End of the sentence in the seed text (exclusive).")
    text: str = Field(description="The sentence, exactly `seed_text[start:end]`.")
    status: Status = Field(
        description="todo (unseen), draft (machine suggestions only), done (annotated "
        "completely by an annotator), reviewed (checked by a second annotator)."
    )
    annotator: str | None = Field(
        default=None,
        pattern=ANNOTATOR_ID_PATTERN,
        description="Who annotated the sentence (an annotator id, `ann1`: letters, digits, "
        "'.', '_', '-'); required for done and reviewed.",
    )
    claims: list[Claim] = Field(
        default_factory=list,
        description="The claims in this sentence; empty on a done sentence means no claim.",
    )
    note: str | None = _note_field("this sentence")
    reviewer: str | None = Field(
        default=None,
        pattern=ANNOTATOR_ID_PATTERN,
        json_schema_extra=_optional,
        description="Who reviewed the sentence (an annotator id; set by `claimset agree "
        "--accept`); optional, omitted when absent, exported.",
    )


class Annotator(Record):
    """An entry of the annotator registry, corpus/annotators.jsonl: who the `annotator` ids are."""

    id: str = Field(
        pattern=ANNOTATOR_ID_PATTERN,
        description="The id annotators write in `annotator` (`ann1`); a pseudonym, not an e-mail.",
    )
    kind: AnnotatorKind = Field(
        description="human (a person), model (a language-model annotator) or machine (a rule "
        "system or other program)."
    )
    description: str | None = Field(
        default=None,
        description="Who or what this is and how they worked (expertise, tool, guidelines "
        "version), as the dataset card should say it.",
    )


class Actor(Record):
    """An entry of the actor registry, corpus/actors.jsonl."""

    id: str = Field(
        pattern=ACTOR_ID_PATTERN, description="Stable id used by `actor.ref` and `target`."
    )
    name: str = Field(min_length=1, description="Canonical name.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names and forms: capitals, abbreviations, adjectives (`Seoul`, "
        "`the ROK`, `Korean`).",
    )
    kind: ActorKind = Field(
        description="author, state, government, person, organization, group or other."
    )
    state: str | None = _actor_id_field(
        "For a person or body that serves a state: id of that state in "
        "corpus/actors.jsonl (guidelines §9: it counts as that state, never its target; "
        "§14.2: *the Trump Administration* is that state); optional, omitted when absent.",
    )


class Document(Record):
    """A record of corpus/documents.jsonl: one per seed essay."""

    id: str = Field(pattern=DOC_ID_PATTERN, description="Document id: the seed file's stem.")
    title: str | None = Field(default=None, description="Title of the essay, if known.")
    source: str | None = Field(
        default=None, description="Where the essay comes from (publication, URL), if known."
    )
    license: str | None = Field(default=None, description="The essay's license, if known.")
    language: str = Field(default="en", description="BCP-47 language code.")
    sha256: str = Field(pattern=SHA256_PATTERN, description="sha256 of the seed file's bytes, hex.")
    sentence_count: int = Field(ge=0, description="Number of sentences `split` produced.")
    split: Split = Field(default="train", description="Dataset split: train, validation, test.")
    speaks_for: str | None = _actor_id_field(
        "For a speech: id of the actor in corpus/actors.jsonl the speaker speaks "
        "for (the party of an institutional `we`, guidelines §6.1); optional, omitted when "
        "absent.",
    )


class OrphanRecord(Record):
    """One line of corpus/orphans/<doc>.jsonl: a claim split could not place, and why."""

    doc: str = Field(description="The document.")
    sentence: str = Field(description="Id of the sentence the claim was annotated on.")
    text: str = Field(description="That sentence's text then.")
    status: Status | None = Field(description="That sentence's status then.")
    annotator: str | None = Field(
        pattern=ANNOTATOR_ID_PATTERN, description="That sentence's annotator then."
    )
    reason: str = Field(description="Why the claim could not be placed in the new text.")
    claim: dict[str, Any] = Field(description="The claim, as it was.")


def first_error(exc: ValidationError) -> str:
    """pydantic's first problem as `path: message`, for a one-line error about a record."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}" if where else str(err["msg"])


#: The record models by file kind, as used by `schema` and `validate`.
MODELS: dict[str, type[Record]] = {
    "sentence": SentenceRecord,
    "actor": Actor,
    "document": Document,
    "annotator": Annotator,
}
