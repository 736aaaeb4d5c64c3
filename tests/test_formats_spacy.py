"""The spaCy DocBin export: spans in doc.spans on token boundaries, sentence starts set."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimset.formats.corpus import CorpusDocument
from formats_samples import essay_documents, unicode_document

spacy = pytest.importorskip("spacy", reason="spaCy is not installed: pip install 'claimset[spacy]'")
from claimset.formats.spacy_docbin import export_spacy, to_doc  # noqa: E402

DOCS = essay_documents()


def _expected_spans(doc: CorpusDocument) -> set[tuple[str, int, int]]:
    """(role, start, end) in document offsets for every span of every claim."""
    spans = set()
    for s in doc.sentences:
        by_id = {x.id: x for x in doc.sentences}
        for c in s.claims:
            if c.actor.quote is not None:
                assert c.actor.start is not None and c.actor.end is not None
                spans.add(("Actor", s.start + c.actor.start, s.start + c.actor.end))
            e = c.expectation
            assert e.start is not None and e.end is not None
            spans.add(("Expectation", s.start + e.start, s.start + e.end))
            for ev in c.evidence:
                home = by_id[ev.sentence or s.id]
                assert ev.start is not None and ev.end is not None
                spans.add(("Evidence", home.start + ev.start, home.start + ev.end))
            for cue in c.hedge.cues:
                assert cue.start is not None and cue.end is not None
                spans.add((cue.kind.capitalize(), s.start + cue.start, s.start + cue.end))
    return spans


@pytest.mark.parametrize(
    "doc", [d for _, d in DOCS] + [unicode_document()], ids=[d.id for _, d in DOCS] + ["unicode"]
)
def test_every_span_aligns_to_tokens_and_sentences_start_where_records_say(
    doc: CorpusDocument,
) -> None:
    sdoc, problems = to_doc(spacy.blank("en"), doc)
    assert problems == []
    got = {(sp.label_, sp.start_char, sp.end_char) for sp in sdoc.spans["sc"]}
    assert got == _expected_spans(doc)
    for sp in sdoc.spans["sc"]:
        assert sp.text == doc.text[sp.start_char : sp.end_char]
    starts = [sent.start_char for sent in sdoc.sents]
    assert starts[1:] == [s.start for s in doc.sentences][1:]


def test_the_docbin_file_loads_back_with_spans_and_claims(tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    docs = [d for _, d in DOCS[:2]] + [unicode_document()]
    path = tmp_path / "corpus.spacy"
    assert export_spacy(docs, path) == []
    nlp = spacy.blank("en")
    loaded = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    assert [d.user_data["claimset"]["doc"] for d in loaded] == [d.id for d in docs]
    last = loaded[-1]
    assert {sp.label_ for sp in last.spans["expectation"]} == {"desire", "prediction", "other"}
    assert [sp.text for sp in last.spans["cue"]] == ["probably"]
    assert last.user_data["claimset"]["sentences"][1]["claims"][0]["polarity"] == "negative"
    assert len(list(last.sents)) == 3


def test_a_span_inside_a_token_is_widened_and_reported() -> None:
    doc = unicode_document()
    first = doc.sentences[0]
    cue = {"quote": "ope", "start": 12, "end": 15, "kind": "hedge"}  # inside "hopes"
    claims = [first.claims[0].model_copy(deep=True)]
    claims[0].hedge = claims[0].hedge.model_validate({"certainty": "probable", "cues": [cue]})
    broken = CorpusDocument(doc.id, doc.text, [first.model_copy(update={"claims": claims})])
    assert first.text[12:15] == "ope"
    sdoc, problems = to_doc(spacy.blank("en"), broken)
    assert [p.message for p in problems] == ["edges fall inside tokens; widened to 11-16"]
    assert [sp.text for sp in sdoc.spans["cue"]] == ["hopes"]
