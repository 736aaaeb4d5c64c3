"""One record in canonical form, its quotes anchored: what `claimset fmt` does to each line.

The key order and defaults come from `canonical`; here a sentence record's quotes get their
offsets (`anchor`: the stored offsets if they still hold, else the quote found in its sentence),
evidence names its sentence (typed without one: the claim's own, else the one other sentence of
the document that holds its quote), and a claim without an id gets the next free one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from . import encode
from .anchor import anchor, candidates, find_quote
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
    names, looked up in `texts`, id -> text, in document order), evidence `sentence` is written
    out (searched for in `texts`, nearest first, when the claim's own sentence lacks the
    quote), and claims
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
    its `text`, each evidence item in the sentence it names (when it names none: its own, or
    the one other sentence of `texts` that holds its quote)."""
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
        path: JsonPath = (*base, "evidence", number)
        if item.get("sentence") is None and rid is not None:
            _anchor_unnamed(item, path, rid, text, texts, notes)
            continue
        sentence = item.get("sentence")
        if sentence == rid:
            other = text
        else:
            other = texts.get(sentence) if texts is not None and type(sentence) is str else None
        if not _anchored(item, other):
            _anchor_span(item, other, path, notes)
    hedge = claim.get("hedge")
    cues = hedge.get("cues") if isinstance(hedge, dict) else None
    for number, cue in enumerate(cues if isinstance(cues, list) else []):
        if isinstance(cue, dict) and not _anchored(cue, text):
            _anchor_span(cue, text, (*base, "hedge", "cues", number), notes)


def _anchor_unnamed(
    item: dict[str, Any],
    path: JsonPath,
    rid: str,
    text: str | None,
    texts: Mapping[str, str] | None,
    notes: Notes,
) -> None:
    """Anchor an evidence item typed without `sentence` (guidelines §15): in the claim's own
    sentence when its quote is there; else in the one other sentence of the document that holds
    it, which is written as `sentence` and said. Whole words first, as everywhere: a sentence
    holding the quote as words wins over one holding it only inside a word. A quote in several
    other sentences is not guessed at: they are listed, nearest first, and the item is left
    as it was (no `sentence`) for the person to name one; so is a quote found nowhere, so that
    fmt looks again once the quote is corrected."""
    quote = item.get("quote")
    where = json_path(path)
    others = _other_sentences(quote, rid, text, texts) if type(quote) is str else []
    if not others:
        typed = type(quote) is str and bool(quote.strip())
        if isinstance(quote, str) and typed and text is not None and not find_quote(text, quote):
            said = not_found_message(text, quote, "the claim's own sentence", repr(quote))
            notes.messages.append(
                f"{where}: {said} (an item without `sentence` is looked for there, then in the "
                "document's other sentences: it is in none of them; correct the quote, or name "
                'its sentence with `"sentence": "<its id>"`, guidelines §15): left unanchored'
            )
            notes.unanchored += 1
            return
        item["sentence"] = rid
        if not _anchored(item, text):
            _anchor_span(item, text, path, notes)
        return
    order = list(texts) if texts is not None else []
    if len(others) == 1:
        found = others[0]
        item["sentence"] = found
        notes.messages.append(
            f"{where}: {quote!r} is not in the claim's own sentence; found in {found} "
            f'({_distance(order, rid, found)}): wrote "sentence": "{found}"'
        )
        _anchor_span(item, texts[found] if texts is not None else None, path, notes)
        return
    listing = ", ".join(f"{sid} ({_distance(order, rid, sid)})" for sid in others[:10])
    more = f" and {len(others) - 10} more" if len(others) > 10 else ""
    notes.messages.append(
        f"{where}: {quote!r} is not in the claim's own sentence and occurs in {len(others)} "
        f"other sentences of the document, nearest first: {listing}{more}; add "
        '`"sentence": "<its id>"` for the one you mean (guidelines §15): left unanchored'
    )
    notes.unanchored += 1


def _other_sentences(
    quote: str, rid: str, text: str | None, texts: Mapping[str, str] | None
) -> list[str]:
    """The ids of the document's other sentences that hold `quote`, nearest to `rid` first
    (on a tie the one before); empty when the claim's own sentence holds it as words, or
    holds it inside a word and no other sentence holds it as words."""
    if not quote.strip() or texts is None:
        return []
    own = candidates(text, quote) if text is not None else ((), False)
    if own[0] and own[1]:
        return []
    order = list(texts)
    position = order.index(rid) if rid in texts else len(order)
    found: dict[bool, list[tuple[int, str]]] = {True: [], False: []}
    for index, sid in enumerate(order):
        if sid == rid:
            continue
        occurrences, whole = candidates(texts[sid], quote)
        if occurrences:
            distance = index - position
            found[whole].append((abs(distance) * 2 + (distance > 0), sid))
    chosen = found[True] or ([] if own[0] else found[False])
    return [sid for _, sid in sorted(chosen)]


def _distance(order: list[str], rid: str, sid: str) -> str:
    """Where sentence `sid` is from sentence `rid`: "the next sentence", "3 sentences before"."""
    if rid not in order or sid not in order:
        return "elsewhere in the document"
    steps = order.index(sid) - order.index(rid)
    side = "after" if steps > 0 else "before"
    if abs(steps) == 1:
        return "the next sentence" if steps > 0 else "the sentence before"
    return f"{abs(steps)} sentences {side}"


def cites_unnamed(record: Any) -> bool:
    """Whether a sentence record has an evidence item typed without `sentence`: fmt may look
    for its quote in every sentence of the document."""
    claims = record.get("claims") if isinstance(record, dict) else None
    for claim in claims if isinstance(claims, list) else []:
        evidence = claim.get("evidence") if isinstance(claim, dict) else None
        for item in evidence if isinstance(evidence, list) else []:
            if isinstance(item, dict) and item.get("sentence") is None:
                return True
    return False


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
