"""The words of the data model that need no pydantic: label sets, statuses and id patterns.

`models.py` builds the records from them (and re-exports them); they live here so that the
commands that only read valid records (`validate`, `fmt` on a canonical corpus) need not import
pydantic, a tenth of their start-up.
"""

from __future__ import annotations

from typing import Literal, get_args

# Label sets, in the order SPEC gives them; the export's ClassLabel ids follow this order.
ExpectationType = Literal[
    "desire", "intention", "prediction", "belief", "demand", "obligation", "other"
]
EvidenceType = Literal["statistic", "event", "statement", "expert", "example", "reasoning", "other"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]
CueKind = Literal["hedge", "booster"]
Polarity = Literal["positive", "negative"]
Origin = Literal["human", "auto"]
Status = Literal["todo", "draft", "done", "reviewed"]
ActorKind = Literal["author", "state", "government", "person", "organization", "group", "other"]
AnnotatorKind = Literal["human", "model", "machine"]
Split = Literal["train", "validation", "test"]

EXPECTATION_TYPES: tuple[str, ...] = get_args(ExpectationType)
EVIDENCE_TYPES: tuple[str, ...] = get_args(EvidenceType)
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
CUE_KINDS: tuple[str, ...] = get_args(CueKind)
POLARITIES: tuple[str, ...] = get_args(Polarity)
ORIGINS: tuple[str, ...] = get_args(Origin)
STATUSES: tuple[str, ...] = get_args(Status)
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
SPLITS: tuple[str, ...] = get_args(Split)

#: The statuses only a person sets: their sentences hold human work and need an annotator.
HUMAN_STATUSES: tuple[str, ...] = ("done", "reviewed")

DOC_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
SENTENCE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*:[0-9]{4,9}$"
CLAIM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
ACTOR_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ANNOTATOR_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
