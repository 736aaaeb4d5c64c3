"""brat standoff: exact round trips on every test essay, and every loss reported on import."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimset.formats.brat import (
    annotation_conf,
    export_brat,
    from_brat,
    read_brat_dir,
    to_brat,
)
from claimset.formats.corpus import CorpusDocument, records_bytes
from claimset.formats.graph import sentence_meta
from formats_samples import essay_documents, reviewed_document, unicode_document

DOCS = essay_documents()


@pytest.mark.parametrize(("set_name", "doc"), DOCS, ids=[f"{s}/{d.id}" for s, d in DOCS])
def test_round_trip_is_exact_on_every_test_essay(set_name: str, doc: CorpusDocument) -> None:
    ann, lost = to_brat(doc)
    back, problems = from_brat(doc.id, doc.text, ann)
    assert lost == [] and problems == []
    assert records_bytes(back.sentences) == records_bytes(doc.sentences)
    # Every entity line's text is the text at its offsets (fragments joined by a space).
    for line in ann.splitlines():
        if line.startswith("T"):
            _, middle, text = line.split("\t")
            frags = [tuple(map(int, f.split())) for f in middle.split(" ", 1)[1].split(";")]
            assert text == " ".join(doc.text[s:e] for s, e in frags)


def test_non_bmp_text_round_trips_with_code_point_offsets() -> None:
    doc = unicode_document()
    ann, _ = to_brat(doc)
    assert "T5\tActor 0 10\tBeijing 🇨🇳" in ann.splitlines()  # the flag is two code points
    back, problems = from_brat(doc.id, doc.text, ann)
    assert problems == []
    assert records_bytes(back.sentences) == records_bytes(doc.sentences)


def test_export_writes_the_folder_and_reads_it_back(tmp_path: Path) -> None:
    docs = [doc for _, doc in DOCS[:2]] + [unicode_document()]
    assert export_brat(docs, tmp_path / "brat") == []
    names = sorted(p.name for p in (tmp_path / "brat").iterdir())
    assert "annotation.conf" in names and "visual.conf" in names
    assert (tmp_path / "brat" / "unicode.txt").read_bytes() == docs[-1].text.encode("utf-8")
    found = read_brat_dir(tmp_path / "brat")
    assert [f[0] for f in found] == sorted(d.id for d in docs)
    for doc_id, text, ann in found:
        doc = next(d for d in docs if d.id == doc_id)
        back, problems = from_brat(doc_id, text, ann)
        assert problems == []
        assert back.sentences == doc.sentences


def test_annotation_conf_declares_every_type_attribute_and_relation() -> None:
    conf = annotation_conf()
    for word in ("[entities]", "Expectation", "Hedge", "Booster", "[relations]", "HeldBy"):
        assert word in conf
    assert "Certainty\tArg:Expectation, Value:certain|probable|possible|underspecified" in conf
    assert "EvidenceType\tArg:Evidence, Value:statistic|" in conf


def test_a_multi_line_span_is_written_as_fragments_and_joined_back() -> None:
    doc = next(d for s, d in DOCS if d.id == "egypt_ethiopia")
    ann, _ = to_brat(doc)
    assert any(";" in line.split("\t")[1] for line in ann.splitlines() if line.startswith("T"))


def _ann(doc: CorpusDocument) -> str:
    return to_brat(doc)[0]


def test_every_unusable_line_is_reported_not_dropped() -> None:
    doc = unicode_document()
    ann = _ann(doc)
    extra = "\n".join(
        [
            "T90\tMajorClaim 0 7\tBeijing",  # a type claimset does not have
            "T91\tActor 0 7\tTokyo",  # text that is not at the offsets
            "T92\tEvidence 0 7;11 16\tBeijing hopes",  # a discontinuous span
            "T93\tEvidence 117 123\tNobody",  # evidence linked to nothing
            "A90\tCertainty T93 certain",  # an attribute on the wrong type
            "E1\tEvent:T90",  # brat events: not used
            "R90\tHeldBy Arg1:T93 Arg2:T5",  # a link between evidence and an actor
            "#90\tAnnotatorNotes T93\tfoo=bar",  # a note field that means nothing
        ]
    )
    back, problems = from_brat(doc.id, doc.text, ann + extra + "\n", ann_name="u.ann")
    text = "\n".join(map(str, problems))
    lines = len(ann.splitlines())
    for offset, words in [
        (1, "unknown span type 'MajorClaim'"),
        (2, "differs from the text"),
        (3, "discontinuous"),
        (5, "does not apply"),
        (6, "does not use"),
        (8, "means nothing"),
    ]:
        assert f"u.ann:{lines + offset}: " in text and words in text, (offset, words, text)
    assert "Evidence span is not linked to an expectation" in text
    assert "a link between Evidence and Actor" in text
    # What could be placed still is: the claims of the exported file are all there.
    assert back.sentences == doc.sentences


def test_a_claim_without_actor_or_type_is_reported_with_its_spans() -> None:
    doc = unicode_document()
    ann = "\n".join(
        line
        for line in _ann(doc).splitlines()
        if not line.startswith(("A4\t", "R1\t"))  # c1's type, and its actor link
    )
    _, problems = from_brat(doc.id, doc.text, ann, ann_name="u.ann")
    messages = [p.message for p in problems]
    assert any("expectation has no type" in m and "not imported" in m for m in messages)
    assert any("Actor span is not linked" in m for m in messages)


def test_a_file_made_elsewhere_uses_the_fallback_sentences(tmp_path: Path) -> None:
    doc = unicode_document()
    todo = [
        sentence_meta(s.model_copy(update={"status": "todo", "annotator": None, "claims": []}))
        for s in doc.sentences
    ]
    ann = "\n".join(
        [
            "T1\tExpectation 22 52\tTokyo will return the 𠜎 scroll",
            "A1\tExpectationType T1 desire",
            "A2\tCertainty T1 certain",
            "T2\tActor 0 7\tBeijing",
            "#1\tAnnotatorNotes T2\tref=china",
            "R1\tHeldBy Arg1:T1 Arg2:T2",
        ]
    )
    back, problems = from_brat(doc.id, doc.text, ann, todo, annotator="ann2")
    assert problems == []
    first = back.sentences[0]
    assert (first.status, first.annotator, len(first.claims)) == ("done", "ann2", 1)
    assert first.claims[0].id == "c1" and first.claims[0].actor.quote == "Beijing"
    assert [s.status for s in back.sentences[1:]] == ["todo", "todo"]


def test_a_reviewer_and_a_note_survive_the_round_trip() -> None:
    doc = reviewed_document()
    ann, lost = to_brat(doc)
    back, problems = from_brat(doc.id, doc.text, ann)
    assert lost == [] and problems == []
    assert back.sentences[0].reviewer == "ann2"
    assert back.sentences[0].note == 'desire or "belief"?\tsee\n§8.2'
    assert back.sentences[1].note == "a = b; c"
    assert records_bytes(back.sentences) == records_bytes(doc.sentences)
