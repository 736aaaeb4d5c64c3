"""Label Studio: tasks and config out, exports back in, offsets re-anchored by their text."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from claimset.formats.corpus import CorpusDocument, records_bytes
from claimset.formats.label_studio import Utf16, from_task, from_tasks, label_config, to_task
from claimset.models import Actor
from formats_samples import essay_documents, reviewed_document, unicode_document

DOCS = essay_documents()
ACTORS = [
    Actor(id=i, name=n, kind="state")  # type: ignore[arg-type]
    for i, n in [("china", "China"), ("japan", "Japan"), ("south_korea", "South Korea")]
] + [Actor(id="author", name="The essay's author", kind="author")]


def _trip(task: dict[str, Any]) -> dict[str, Any]:
    """The task as a file would hold it."""
    return json.loads(json.dumps(task, ensure_ascii=False))


def _result(task: dict[str, Any]) -> list[dict[str, Any]]:
    source = task.get("annotations") or task.get("predictions")
    assert source
    return source[0]["result"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("set_name", "doc"), DOCS, ids=[f"{s}/{d.id}" for s, d in DOCS])
def test_round_trip_is_exact_on_every_test_essay(set_name: str, doc: CorpusDocument) -> None:
    task, lost = to_task(doc)
    docs, problems = from_tasks([_trip(task)])
    assert lost == [] and problems == []
    assert records_bytes(docs[0].sentences) == records_bytes(doc.sentences)


def test_offsets_are_utf16_code_units_and_text_is_the_quote() -> None:
    doc = unicode_document()
    task, _ = to_task(doc)
    units = doc.text.encode("utf-16-le")
    for item in _result(task):
        value = item.get("value", {})
        if "start" in value:
            # What Label Studio's JavaScript would cut with text.slice(start, end).
            cut = units[2 * value["start"] : 2 * value["end"]].decode("utf-16-le")
            assert cut == value["text"]
    report = next(i for i in _result(task) if i.get("value", {}).get("text") == "the 𤭢 report")
    start = doc.text.index("the 𤭢 report")
    # Before it: the flag (two non-BMP code points), 😀 and 𠜎, each non-BMP one two units.
    assert report["value"]["start"] == start + 4


def test_non_bmp_document_round_trips() -> None:
    doc = unicode_document()
    task, _ = to_task(doc)
    assert "annotations" in task  # done and reviewed sentences: a person's work
    docs, problems = from_tasks([_trip(task)])
    assert problems == []
    assert records_bytes(docs[0].sentences) == records_bytes(doc.sentences)


def test_offsets_are_never_trusted_on_import() -> None:
    doc = unicode_document()
    task = _trip(to_task(doc)[0])
    for item in _result(task):
        value = item.get("value", {})
        if "start" in value:  # code points instead of UTF-16 units, and shifted: all wrong
            value["start"] = max(0, value["start"] - 5)
            value["end"] = value["start"] + 1
    docs, problems = from_tasks([task])
    assert problems == []
    assert records_bytes(docs[0].sentences) == records_bytes(doc.sentences)


def test_drafts_only_go_out_as_predictions_and_come_back_as_drafts() -> None:
    doc = unicode_document()
    drafted = CorpusDocument(
        doc.id,
        doc.text,
        [
            s.model_copy(update={"status": "draft" if s.claims else "todo", "annotator": None})
            for s in doc.sentences
        ],
    )
    task = _trip(to_task(drafted)[0])
    assert "annotations" not in task and task["predictions"][0]["model_version"]
    docs, problems = from_tasks([task])
    assert problems == [] and docs[0].sentences == drafted.sentences


def _annotate(task: dict[str, Any], result: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """The task as Label Studio exports it after a person submitted `result`."""
    task = copy.deepcopy(task)
    task.pop("predictions", None)
    task["id"] = 7
    task["annotations"] = [
        {
            "id": 31,
            "completed_by": {"id": 2, "email": "ann2@example.org", "username": "ann2"},
            "result": result,
            **extra,
        }
    ]
    return task


def _region(rid: str, text: str, doc_text: str, label: str, **choices: str) -> list[dict[str, Any]]:
    utf16 = Utf16(doc_text)
    start = doc_text.index(text)
    value = {"start": utf16.to_units(start), "end": utf16.to_units(start + len(text)), "text": text}
    items = [
        {
            "id": rid,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {**value, "labels": [label]},
        }
    ]
    for name, choice in choices.items():
        items.append(
            {
                "id": rid,
                "from_name": name,
                "to_name": "text",
                "type": "choices",
                "value": {**value, "choices": [choice]},
            }
        )
    return items


def test_a_persons_edit_marks_only_the_changed_sentence_done() -> None:
    doc = unicode_document()
    task = _trip(to_task(doc)[0])
    result = _result(task) + _region(
        "new1",
        "the outcome",
        doc.text,
        "Expectation",
        expectation_type="belief",
        certainty="certain",
        implicit_actor="author",
    )
    docs, problems = from_tasks([_annotate(task, result)])
    assert problems == []
    old, new = doc.sentences, docs[0].sentences
    assert new[:2] == old[:2]  # unchanged: status and annotator kept
    assert (new[2].status, new[2].annotator) == ("done", "ann2")  # the user name: an id
    claim = new[2].claims[0]
    assert (claim.id, claim.actor.ref, claim.expectation.quote) == ("c1", "author", "the outcome")
    assert new[2].text[claim.expectation.start : claim.expectation.end] == "the outcome"


def test_an_email_is_not_taken_for_an_annotator_id() -> None:
    # Annotator ids are pseudonyms of one grammar (`ann1`): an e-mail would fail `validate`,
    # and a published corpus should not hold one. Without a user name, the import asks.
    doc = unicode_document()
    task = _trip(to_task(doc)[0])
    result = _result(task) + _region(
        "new1", "the outcome", doc.text, "Expectation", expectation_type="belief",
        certainty="certain", implicit_actor="author",
    )  # fmt: skip
    annotated = _annotate(task, result)
    annotated["annotations"][0]["completed_by"] = {"email": "ann2@example.org"}
    docs, problems = from_tasks([annotated])
    assert [p.message for p in problems] == [
        f"{doc.sentences[2].id}: no annotator id in the export (a user name such as ann1; an "
        "e-mail is not one); pass --annotator"
    ]
    assert docs[0].sentences[2].annotator == doc.sentences[2].annotator  # left as it was
    docs, problems = from_tasks([annotated], annotator="ann3")
    assert problems == [] and docs[0].sentences[2].annotator == "ann3"
    annotated["annotations"][0]["completed_by"] = {"id": 7, "email": "ann2@example.org"}
    docs, problems = from_tasks([annotated])
    assert problems == [] and docs[0].sentences[2].annotator == "label-studio-user-7"


def test_document_status_choice_marks_every_sentence() -> None:
    doc = unicode_document()
    task = _trip(to_task(doc)[0])
    status = {
        "id": "s",
        "from_name": "doc_status",
        "to_name": "text",
        "type": "choices",
        "value": {"choices": ["reviewed"]},
    }
    docs, problems = from_tasks([_annotate(task, [*_result(task), status])], annotator="rev")
    assert problems == []
    assert [(s.status, s.annotator) for s in docs[0].sentences] == [
        ("reviewed", "ann1"),
        ("reviewed", "ann1"),
        ("reviewed", "rev"),
    ]


def test_everything_that_cannot_be_placed_is_reported() -> None:
    doc = unicode_document()
    task = _trip(to_task(doc)[0])
    result = [
        *_result(task),
        *_region("x1", "the outcome", doc.text, "Expectation", certainty="certain"),  # no type
        *_region("x2", "Nobody", doc.text, "Actor"),  # no ref, no claim
        {
            "id": "x3",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": 0, "end": 3, "text": "Pyongyang", "labels": ["Actor"]},
        },
        {
            "id": "x4",
            "from_name": "mood",
            "to_name": "text",
            "type": "choices",
            "value": {"choices": ["happy"]},
        },
        {"type": "relation", "from_id": "x2", "to_id": "r2", "direction": "right"},
    ]
    ls_task = _annotate(task, result, updated_at="2026-01-02T10:00:00Z")
    older = {"id": 30, "completed_by": 3, "result": [], "updated_at": "2026-01-01T10:00:00Z"}
    ls_task["annotations"].append(older)
    docs, problems = from_tasks([ls_task])
    text = "\n".join(map(str, problems))
    assert "task 7 (unicode) region x1: expectation has no type" in text
    assert "region x3: text 'Pyongyang' is not-found in the document" in text
    assert "region x4: a choices result from 'mood' claimset does not use" in text
    assert "annotation 30 not imported" in text
    assert "a link between Actor and Actor" in text or "Actor span" in text
    assert len(docs[0].sentences) == 3  # what could be placed still is


def test_a_task_claimset_did_not_write_is_refused_with_a_reason() -> None:
    docs, problems = from_tasks([{"data": {"text": "Hello."}}, "nonsense"])
    assert docs == []
    assert [str(p) for p in problems] == [
        "task 0: no data.doc: which document is this?",
        "task[1]: not a task object",
    ]
    assert from_tasks({"not": "a list"})[1][0].message.startswith("not a list of tasks")
    doc, problems = from_task({"data": {"text": "Hi.", "doc": "x"}})
    assert doc is None and "claimset split" in problems[0].message


def test_label_config_is_valid_xml_with_every_choice() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(label_config(ACTORS))
    names = {c.get("name") for c in root.iter("Choices")}
    assert names >= {
        "actor_ref",
        "expectation_type",
        "certainty",
        "polarity",
        "target",
        "implicit_actor",
        "origin",
        "evidence_type",
        "doc_status",
    }
    labels = [label.get("value") for label in root.iter("Label")]
    assert labels == ["Actor", "Expectation", "Evidence", "Hedge", "Booster"]


# The SDK's own validation of the config and of what claimset writes (claimset[label-studio]).


def _interface(actors: list[Actor]) -> Any:
    sdk = pytest.importorskip(
        "label_studio_sdk.label_interface",
        reason="label-studio-sdk is not installed: pip install 'claimset[label-studio]'",
    )
    return sdk.LabelInterface(label_config(actors))


@pytest.mark.parametrize(("set_name", "doc"), DOCS, ids=[f"{s}/{d.id}" for s, d in DOCS])
def test_the_sdk_accepts_the_config_and_every_task(set_name: str, doc: CorpusDocument) -> None:
    from claimset.formats.corpus import load_actors
    from claimset.project import Project
    from formats_samples import ESSAY_PROJECTS

    root = next(r for r in ESSAY_PROJECTS if (r / "seeds" / f"{doc.id}.txt").exists())
    interface = _interface(load_actors(Project(root)))
    task = _trip(to_task(doc)[0])
    # validate_task checks the data the config needs (it cannot take annotations: an SDK bug).
    assert interface.validate_task({"data": task["data"]}) is True
    assert interface.validate_annotation({"result": _result(task)}) is True
    assert interface.validate_prediction({"result": _result(task)}, return_errors=True) == []


def test_the_sdk_accepts_non_bmp_tasks_and_rejects_a_broken_one() -> None:
    interface = _interface(ACTORS)
    task = _trip(to_task(unicode_document())[0])
    assert interface.validate_prediction({"result": _result(task)}, return_errors=True) == []
    broken = copy.deepcopy(_result(task))
    broken[0]["value"]["labels"] = ["Claim"]
    assert interface.validate_prediction({"result": broken}, return_errors=True) != []
    assert interface.validate_annotation({"result": broken}) is False
    assert interface.validate_task({"data": {"doc": "x"}}) is False  # no text


def test_a_reviewer_and_a_note_survive_the_round_trip() -> None:
    doc = reviewed_document()
    task, lost = to_task(doc)
    docs, problems = from_tasks([_trip(task)])
    assert lost == [] and problems == []
    assert docs[0].sentences[0].reviewer == "ann2"
    assert docs[0].sentences[1].note == "a = b; c"
    assert records_bytes(docs[0].sentences) == records_bytes(doc.sentences)
