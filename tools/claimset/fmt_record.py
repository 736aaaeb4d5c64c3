"""One record in canonical form, its quotes anchored: what `claimset fmt` does to each line.

The key order and defaults come from `canonical`; here a sentence record's quotes get their
offsets (`anchor`: the stored offsets if they still hold, else the quote found in its sentence),
evidence names its sentence, and a claim without an id gets the next free one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from . import encode
from .anchor import anchor
from .canonical import canonical
from .models import Record, SentenceRecord
from .quotes import ambiguous_message, not_found_message, occurrences_listing, spacing_note
from .validate.positions import Path as JsonPath
from .validate.positions import json_path

_CLAIM_NUMBER = re.compile(r"c([0-9]+)")


@dataclass
class Notes:
    """What fmt says about one record, in order, and how many spans it could not anchor."""

    messages: list[str] = field(default_factory=list)
    unanchored: int = 0


def format_record(
    record: Any, texts: Mapping[str, str] | None = None, model: type[Record] = SentenceRecord
) -> tuple[Any, list[str]]:
    """The canonical form of one record, and notes on what changed beyond key order.

    For sentence records: quotes are anchored in their sentence (evidence in the sentence it
    names, looked up in `texts`, id -> text), evidence `sentence` is written out, and claims
    without an id get the next free `c<n>` (one past the highest; nothing is renumbered).
    Pure: `record` is not modified.
    """
    out, notes = canonical_record(record, texts, model)
    return out, notes.messages


def quick_line(line: bytes, texts: Mapping[str, str] | None, model: type[Record]) -> Any:
    """(the record on a line, its canonical line) read by orjson and written by the model's
    generated encoder, when that is what the general path (`jsonio.loads_strict`, then
    `record_line`) gives; None: take the general path.

    That is when orjson reads the line as json does: no repeated key (the canonical line's
    colons, less those of the defaults it adds, are the line's: the pair orjson drops takes its
    colon with it), no escaped colon to spoil that count, no number json reads otherwise (an
    integer beyond 64 bits, which orjson reads as a float: the encoder refuses floats); and the
    record has nothing to anchor or number (`settled`).
    """
    if b"\\u003" in line:
        return None
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if model is SentenceRecord and not settled(record, texts):
        return None
    try:
        out, added = encode.line_and_added(record, model)
    except (encode.NotCanonical, TypeError):
        return None
    if out.count(":") - added != line.count(b":"):
        return None  # a repeated key, or so it seems: the general path says
    return record, out


def record_line(
    record: Any, texts: Mapping[str, str] | None, model: type[Record]
) -> tuple[str, Notes]:
    """The canonical line of one record (`jsonio.dumps` of `canonical_record`, no newline), and
    the notes. A record with nothing to anchor or number (nearly every line of a corpus) is
    written straight from what was read by the model's generated encoder: no copy is built."""
    if model is not SentenceRecord or settled(record, texts):
        try:
            return encode.encoder(model)(record), Notes()
        except (encode.NotCanonical, TypeError):
            pass  # a value of another type: the general path below writes it
    out, notes = canonical_record(record, texts, model)
    return encode.canonical_line(out, model), notes


def canonical_record(
    record: Any, texts: Mapping[str, str] | None, model: type[Record]
) -> tuple[Any, Notes]:
    """`format_record`, with the notes as `Notes` (they count the spans left unanchored)."""
    # canonical() builds new objects for every record it orders, and only those are changed
    # below: `record` stays as it was without a deep copy.
    out = canonical(record, model)
    notes = Notes()
    if model is not SentenceRecord or not isinstance(out, dict):
        return out, notes
    rid = out.get("id") if isinstance(out.get("id"), str) else None
    text = out.get("text") if isinstance(out.get("text"), str) else None
    claims = out.get("claims")
    if not isinstance(claims, list):
        return out, notes
    next_number = 0  # worked out at the first claim without an id
    for index, claim in enumerate(claims):
        if not isinstance(claim, dict):
            continue
        base: JsonPath = ("claims", index)
        if claim.get("id") is None:
            next_number = next_number or _next_claim_number(claims)
            claim["id"] = f"c{next_number}"
            notes.messages.append(f"{json_path(base)}: assigned id c{next_number}")
            next_number += 1
        _anchor_claim(claim, base, rid, text, texts, notes)
    return out, notes


def _next_claim_number(claims: list[Any]) -> int:
    """One past the highest `c<n>` claim id (1 when there is none): nothing is renumbered."""
    used = [
        int(match.group(1))
        for claim in claims
        if isinstance(claim, dict)
        and isinstance(claim.get("id"), str)
        and (match := _CLAIM_NUMBER.fullmatch(claim["id"]))
    ]
    return max(used, default=0) + 1


def _anchor_claim(
    claim: dict[str, Any],
    base: JsonPath,
    rid: str | None,
    text: str | None,
    texts: Mapping[str, str] | None,
    notes: Notes,
) -> None:
    """Anchor every span of a claim of sentence `rid`: actor, expectation and hedge cues in
    its `text`, each evidence item in the sentence it names (its own when it names none)."""
    actor = claim.get("actor")
    if isinstance(actor, dict) and actor.get("quote") is not None and not _anchored(actor, text):
        _anchor_span(actor, text, (*base, "actor"), notes)
    expectation = claim.get("expectation")
    if isinstance(expectation, dict) and not _anchored(expectation, text):
        _anchor_span(expectation, text, (*base, "expectation"), notes)
    evidence = claim.get("evidence")
    for number, item in enumerate(evidence if isinstance(evidence, list) else []):
        if not isinstance(item, dict):
            continue
        named_none = item.get("sentence") is None
        if named_none and rid is not None:
            item["sentence"] = rid
        sentence = item.get("sentence")
        if sentence == rid:
            other = text
        else:
            other = texts.get(sentence) if texts is not None and type(sentence) is str else None
        if not _anchored(item, other):
            before = notes.unanchored
            _anchor_span(item, other, (*base, "evidence", number), notes)
            if named_none and notes.unanchored > before:
                # Typed without `sentence`: it was looked for in the claim's own sentence only.
                notes.messages[-1] = notes.messages[-1].replace(
                    ": left unanchored",
                    ": left unanchored (an item without `sentence` is looked for in the "
                    'claim\'s own sentence; for evidence in another one, add `"sentence": '
                    '"<its id>"`, guidelines §15)',
                )
    hedge = claim.get("hedge")
    cues = hedge.get("cues") if isinstance(hedge, dict) else None
    for number, cue in enumerate(cues if isinstance(cues, list) else []):
        if isinstance(cue, dict) and not _anchored(cue, text):
            _anchor_span(cue, text, (*base, "hedge", "cues", number), notes)


def settled(record: Any, texts: Mapping[str, str] | None) -> bool:
    """Whether `canonical_record` changes nothing in a sentence record but its key order and
    defaults: every claim has an id, every evidence item names its sentence, every span's
    offsets hold its quote. Then its canonical line can be written straight from `record`
    (`encode.canonical_line`). Reads `record` only; False for whatever it does not expect."""
    if type(record) is not dict:
        return False
    claims = record.get("claims", [])
    if type(claims) is not list:
        return False
    # As `canonical_record` reads them: what is not a string is no id, no text.
    text = record.get("text") if type(record.get("text")) is str else None
    rid = record.get("id") if type(record.get("id")) is str else None
    for claim in claims:
        if type(claim) is not dict or claim.get("id") is None:
            return False
        actor = claim.get("actor")
        if type(actor) is dict and actor.get("quote") is not None and not _anchored(actor, text):
            return False
        expectation = claim.get("expectation")
        if type(expectation) is dict and not _anchored(expectation, text):
            return False
        evidence = claim.get("evidence", [])
        for item in evidence if type(evidence) is list else [None]:
            if type(item) is not dict:
                return False
            sentence = item.get("sentence")
            if sentence == rid:
                other = text
            elif sentence is None or type(sentence) is not str or texts is None:
                return False
            else:
                other = texts.get(sentence)
            if not _anchored(item, other):
                return False
        hedge = claim.get("hedge")
        cues = hedge.get("cues", []) if type(hedge) is dict else []
        for cue in cues if type(cues) is list else [None]:
            if type(cue) is not dict or not _anchored(cue, text):
                return False
    return True


def _anchored(span: dict[str, Any], text: str | None) -> bool:
    """Whether the span's stored offsets hold its quote (nothing for `_anchor_span` to do):
    the common case, checked before building the span's path for messages."""
    start, end = span.get("start"), span.get("end")
    return (
        type(start) is int
        and type(end) is int
        and text is not None
        and "occurrence" not in span
        and text[start:end] == span.get("quote")
        and type(span.get("quote")) is str
    )


def _anchor_span(span: dict[str, Any], text: str | None, path: JsonPath, notes: Notes) -> None:
    """Fill a span's offsets from its quote (and `occurrence`); rewrite the quote to the exact
    text. A span left without offsets is recorded in `notes.unanchored`."""
    quote = span.get("quote")
    if type(quote) is not str or text is None or not quote.strip():
        return
    start, end = span.get("start"), span.get("end")
    start = start if type(start) is int else None
    end = end if type(end) is int else None
    occurrence = span.get("occurrence")
    if type(occurrence) is not int or occurrence < 1:
        if occurrence is not None:
            return  # not a number: validate says so; nothing to anchor by
        occurrence = None
        if start is not None and end is not None and text[start:end] == quote:
            return
    found = anchor(text, quote, start, occurrence)
    where = json_path(path)
    messages = notes.messages
    if found.status in ("found", "moved"):
        if found.status == "moved":
            messages.append(
                f"{where}: re-anchored {quote!r} from {start}..{end} to "
                f"{found.start}..{found.end} (the occurrence nearest the old start)"
            )
        if occurrence is not None:
            messages.append(
                f"{where}: occurrence {occurrence} of {quote!r} anchored at "
                f"{found.start}..{found.end}"
            )
            del span["occurrence"]
        if found.in_word is not None:
            messages.append(
                f"{where}: warning: {quote!r} occurs only inside the word {found.in_word!r}: "
                "anchored there; check that this is the span you mean"
            )
        if found.text != quote:
            messages.append(
                f"{where}: quote rewritten to the exact text {found.text!r}"
                f"{spacing_note(quote, found.text or '')}"
            )
        span["quote"], span["start"], span["end"] = found.text, found.start, found.end
        return
    sentence = "the sentence"
    if found.status == "ambiguous":
        note = f"{where}: {ambiguous_message(text, quote, sentence)}"
    elif found.status == "no-such-occurrence":
        note = (
            f"{where}: there is no occurrence {occurrence} of {quote!r}: it occurs "
            f"{len(found.occurrences)} time(s): {occurrences_listing(text, found.occurrences)}"
        )
    else:
        note = f"{where}: {not_found_message(text, quote, sentence, repr(quote))}"
    messages.append(f"{note}: left unanchored")
    notes.unanchored += 1
