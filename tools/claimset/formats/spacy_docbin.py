"""A spaCy `DocBin` of the corpus, for training a span categorizer (needs `claimset[spacy]`).

One `Doc` per document, tokenized by a blank English pipeline (no model is downloaded), with
`token.is_sent_start` set from the sentence records and the spans in `doc.spans`:

- `sc`: every span labelled by its role (Actor, Expectation, Evidence, Hedge, Booster), the key
  spaCy's `spancat` reads by default;
- `expectation`: expectations labelled by type (desire, belief, ...);
- `evidence`: evidence labelled by type (statistic, event, ...);
- `cue`: hedge and booster cues labelled by kind.

`doc.user_data["claimset"]` holds the document id and its sentence records as JSON, so the
claim structure (which actor holds which expectation) travels with the tokens. A span whose
edges fall inside a token is widened to whole tokens and reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ClaimsetError
from .corpus import CorpusDocument, record_json
from .graph import Problem, to_graph

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, DocBin

SPAN_KEYS = ("sc", "expectation", "evidence", "cue")


class MissingExtra(ClaimsetError):
    "An optional dependency is not installed."


def blank_english() -> Language:
    """spaCy's blank English pipeline (tokenizer only); a clear error without the extra."""
    try:
        import spacy
    except ImportError as exc:
        raise MissingExtra("the spaCy export needs spaCy: pip install 'claimset[spacy]'") from exc
    return spacy.blank("en")


def to_doc(nlp: Language, doc: CorpusDocument) -> tuple[Doc, list[Problem]]:
    """One document as a spaCy Doc with sentence starts and spans."""
    graph, problems = to_graph(doc.sentences)
    sdoc = nlp.make_doc(doc.text)
    starts: set[int] = set()
    for sentence in doc.sentences:
        span = _span(sdoc, sentence.start, sentence.end, None, sentence.id, problems)
        if span is not None:
            starts.add(span.start)
    if doc.sentences:
        for token in sdoc:
            token.is_sent_start = token.i in starts or token.i == 0
    groups: dict[str, list[Any]] = {key: [] for key in SPAN_KEYS}
    seen: set[tuple[str, int, int, str]] = set()
    from spacy.tokens import Span

    for region in graph.regions:
        where = f"{doc.id} {region.role} {region.start}-{region.end}"
        labels = [("sc", region.role)]
        if region.role == "Expectation":
            labels.append(("expectation", region.attrs["type"]))
        elif region.role == "Evidence":
            labels.append(("evidence", region.attrs["type"]))
        elif region.role in ("Hedge", "Booster"):
            labels.append(("cue", region.role.lower()))
        base = _span(sdoc, region.start, region.end, None, where, problems)
        if base is None:
            continue
        for key, label in labels:
            if (key, base.start, base.end, label) not in seen:
                seen.add((key, base.start, base.end, label))
                groups[key].append(Span(sdoc, base.start, base.end, label=label))
    for key, spans in groups.items():
        sdoc.spans[key] = spans
    sdoc.user_data["claimset"] = {
        "doc": doc.id,
        "sentences": [record_json(s) for s in doc.sentences],
    }
    return sdoc, problems


def _span(
    sdoc: Doc, start: int, end: int, label: str | None, where: str, problems: list[Problem]
) -> Any:
    span = sdoc.char_span(start, end, label=label or "", alignment_mode="strict")
    if span is None:
        span = sdoc.char_span(start, end, label=label or "", alignment_mode="expand")
        if span is None:
            problems.append(Problem(where, "does not cover any token; left out"))
            return None
        problems.append(
            Problem(
                where, f"edges fall inside tokens; widened to {span.start_char}-{span.end_char}"
            )
        )
    return span


def to_docbin(docs: Sequence[CorpusDocument]) -> tuple[DocBin, list[Problem]]:
    """Every document in one DocBin (user data kept), and what could not be placed exactly."""
    nlp = blank_english()  # first: without spaCy, a clear error rather than an ImportError
    from spacy.tokens import DocBin

    docbin = DocBin(attrs=["ORTH", "SENT_START"], store_user_data=True)
    problems: list[Problem] = []
    for doc in docs:
        sdoc, lost = to_doc(nlp, doc)
        docbin.add(sdoc)
        problems.extend(lost)
    return docbin, problems


def export_spacy(docs: Sequence[CorpusDocument], path: Path) -> list[Problem]:
    """Write the corpus as a `.spacy` file (a DocBin); return what could not be placed exactly."""
    docbin, problems = to_docbin(docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(docbin.to_bytes())
    return problems
