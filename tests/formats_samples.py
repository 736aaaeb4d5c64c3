"""Documents for the format tests: every annotated test essay, and one with non-BMP text."""

from __future__ import annotations

import sys
from pathlib import Path

from claimset import split_sentences
from claimset.formats.corpus import CorpusDocument, load_documents
from claimset.models import SentenceRecord
from claimset.project import Project

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
sys.path.insert(0, str(REPO / "benchmarks"))

from gold_sets import DATA_FOLDERS  # noqa: E402  (the sets: one list, in benchmarks/)

#: Every annotated essay project: those of every folder of `gold_sets.DATA_FOLDERS` (the test
#: essays, then the sets), and the seed corpus.
ESSAY_PROJECTS = [
    *(path for folder in DATA_FOLDERS for path in sorted((DATA / folder).iterdir())),
    REPO,
]


def essay_documents() -> list[tuple[str, CorpusDocument]]:
    """(set name, document) for every annotated test essay."""
    found = []
    for root in ESSAY_PROJECTS:
        set_name = "seed" if root == REPO else root.parent.name
        for doc in load_documents(Project(root)):
            found.append((set_name, doc))
    return found


#: Emoji (a flag: two code points), and CJK characters outside the BMP (U+2070E, U+24B62).
UNICODE_TEXT = (
    "Beijing 🇨🇳 hopes that Tokyo will return the 𠜎 scroll.\n"
    "😀 Seoul probably expects the talks to fail, says the 𤭢 report.\n"
    "Nobody doubts the outcome."
)


def _span(text: str, quote: str) -> dict[str, object]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def unicode_document(doc_id: str = "unicode") -> CorpusDocument:
    """A three-sentence document with non-BMP characters inside and before the spans."""
    segs = split_sentences(UNICODE_TEXT)
    assert len(segs) == 3, segs
    texts = [s.text for s in segs]
    sid = [f"{doc_id}:{i:04d}" for i in range(3)]
    claims0 = [
        {
            "id": "c1",
            "actor": {"ref": "china", **_span(texts[0], "Beijing 🇨🇳")},
            "expectation": {
                **_span(texts[0], "Tokyo will return the 𠜎 scroll"),
                "type": "desire",
                "target": "japan",
            },
            "evidence": [],
            "hedge": {"certainty": "certain", "cues": []},
            "polarity": "positive",
            "origin": "human",
        }
    ]
    claims1 = [
        {
            "id": "c1",
            "actor": {"ref": "south_korea", **_span(texts[1], "Seoul")},
            "expectation": {
                **_span(texts[1], "the talks to fail"),
                "type": "prediction",
                "target": None,
            },
            "evidence": [
                {**_span(texts[1], "the 𤭢 report"), "sentence": sid[1], "type": "statement"},
                {
                    "quote": "hopes that Tokyo",
                    "sentence": sid[0],
                    **{
                        k: v for k, v in _span(texts[0], "hopes that Tokyo").items() if k != "quote"
                    },
                    "type": "statement",
                },
            ],
            "hedge": {
                "certainty": "probable",
                "cues": [{**_span(texts[1], "probably"), "kind": "hedge"}],
            },
            "polarity": "negative",
            "origin": "auto",
        },
        {
            "id": "c7",
            "actor": {"ref": "author", "quote": None, "start": None, "end": None},
            "expectation": {**_span(texts[1], "😀"), "type": "other", "target": None},
            "evidence": [],
            "hedge": {"certainty": "underspecified", "cues": []},
            "polarity": "positive",
            "origin": "human",
        },
    ]
    status = ["done", "reviewed", "todo"]
    records = [
        SentenceRecord.model_validate(
            {
                "id": sid[i],
                "doc": doc_id,
                "start": seg.start,
                "end": seg.end,
                "text": seg.text,
                "status": status[i],
                "annotator": "ann1" if i < 2 else None,
                "claims": [claims0, claims1, []][i],
            }
        )
        for i, seg in enumerate(segs)
    ]
    return CorpusDocument(doc_id, UNICODE_TEXT, records)


def reviewed_document() -> CorpusDocument:
    """The non-BMP document, its first sentence reviewed by a second annotator with a note of
    quotes, tabs and a newline, its second with a note only: what the converters must carry."""
    doc = unicode_document("reviewed")
    first, second = doc.sentences[0], doc.sentences[1]
    doc.sentences[0] = first.model_copy(
        update={"status": "reviewed", "reviewer": "ann2", "note": 'desire or "belief"?\tsee\n§8.2'}
    )
    doc.sentences[1] = second.model_copy(update={"note": "a = b; c"})
    return doc
