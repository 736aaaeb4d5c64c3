"""Carrying a document's annotations over to a new segmentation of its (edited) seed.

`reanchor` takes the old sentence records and the new sentences and returns the new records and
the claims that could not be placed (orphans), with a report. Nothing is dropped:

1. Sentences are aligned by text. Unchanged sentences (also when moved) keep their record: id,
   status, annotator and claims, with new offsets.
2. Changed sentences are paired with the most similar new sentence in the same stretch of the
   document (between two unchanged ones); a paired sentence keeps the old id.
3. Each claim of a changed or removed sentence is placed where all its quotes resolve (see
   `textquote`): in the paired sentence (exact, by context, or a bounded fuzzy match), else in
   another new or changed sentence (exact only: a sentence split in two, two merged). Evidence is
   resolved in the sentence its id now names, else anywhere in the document, and the id is
   rewritten to where it was found.
4. A claim that fits nowhere becomes an orphan, with the reason. A sentence whose claims moved,
   changed or left drops from done/reviewed to `draft`, so that a person looks again.
5. New sentences get an id that is free and, when possible, between their neighbours' ordinals;
   otherwise one past the highest ordinal the document ever used (see docs: "Sentence ids").
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import HUMAN_STATUSES, SENTENCE_ID_PATTERN, SentenceRecord
from .textquote import Resolution, Selector, resolve

#: Two sentences this similar (difflib ratio) are one sentence edited, not two different ones.
PAIRING_RATIO = 0.5

_SENTENCE_ID = re.compile(SENTENCE_ID_PATTERN)


@dataclass(frozen=True)
class NewSentence:
    """A sentence of the new segmentation."""

    start: int
    end: int
    text: str


@dataclass
class Orphan:
    """A claim that could not be placed in the new text, with where it was and why."""

    sentence: str
    text: str
    status: str | None
    annotator: str | None
    reason: str
    claim: Any

    def record(self, doc_id: str) -> dict[str, Any]:
        """The line written to corpus/orphans/<doc>.jsonl."""
        return {
            "doc": doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "status": self.status,
            "annotator": self.annotator,
            "reason": self.reason,
            "claim": self.claim,
        }


@dataclass
class Reanchored:
    """The new records, the orphans, and what happened (for the split report)."""

    records: list[dict[str, Any]]
    orphans: list[Orphan] = field(default_factory=list)
    unchanged: int = 0  # sentences whose text is the same (maybe at new offsets)
    changed: int = 0  # sentences whose text was edited (paired with an old one)
    added: int = 0  # new sentences (todo)
    removed: int = 0  # old sentences with no counterpart
    claims_before: int = 0
    claims_after: int = 0
    notes: list[str] = field(default_factory=list)  # fuzzy matches, moves, status drops

    @property
    def claims_kept(self) -> bool:
        """The invariant: every claim is in a record or an orphan."""
        return self.claims_after + len(self.orphans) >= self.claims_before


def ordinal_of(rid: Any, doc_id: str) -> int | None:
    if isinstance(rid, str) and _SENTENCE_ID.fullmatch(rid):
        prefix, _, digits = rid.rpartition(":")
        if prefix == doc_id:
            return int(digits)
    return None


def align(old: Sequence[str], new: Sequence[str]) -> tuple[dict[int, int], dict[int, int]]:
    """Match old sentences to new ones: (same text, paired as edited), each old index -> new.

    Same text: the longest in-order matches first, then moved sentences (same text elsewhere).
    Edited: within each stretch between in-order matches, the most similar pairs first.
    """
    same: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    blocks = matcher.get_matching_blocks()
    for a, b, size in blocks:
        for k in range(size):
            same[a + k] = b + k
    # Moved sentences: the same text in another place.
    free_new: dict[str, list[int]] = {}
    taken = set(same.values())
    for j, text in enumerate(new):
        if j not in taken:
            free_new.setdefault(text, []).append(j)
    for i, text in enumerate(old):
        if i not in same and free_new.get(text):
            same[i] = free_new[text].pop(0)
    taken = set(same.values())
    # Edited sentences: pair within the stretches between in-order matches.
    edited: dict[int, int] = {}
    prev_a = prev_b = 0
    for a, b, size in blocks:
        olds = [i for i in range(prev_a, a) if i not in same]
        news = [j for j in range(prev_b, b) if j not in taken]
        scored = []
        for i in olds:
            for j in news:
                sm = difflib.SequenceMatcher(None, old[i], new[j], autojunk=False)
                if sm.real_quick_ratio() >= PAIRING_RATIO and sm.quick_ratio() >= PAIRING_RATIO:
                    ratio = sm.ratio()
                    if ratio >= PAIRING_RATIO:
                        scored.append((-ratio, abs((i - prev_a) - (j - prev_b)), i, j))
        used: set[int] = set()
        for _, _, i, j in sorted(scored):
            if i not in edited and j not in used:
                edited[i] = j
                used.add(j)
        prev_a, prev_b = a + size, b + size
    return same, edited


class _Placer:
    """Places the claims of old records in the new sentences."""

    def __init__(self, doc_id: str, old: list[dict[str, Any]], new: list[NewSentence]) -> None:
        self.doc_id = doc_id
        self.old = old
        self.new = new
        old_texts = [r["text"] for r in old]
        self.same, self.edited = align(old_texts, [s.text for s in new])
        self.target = {**self.same, **self.edited}  # old index -> new index
        self.old_by_id = {r.get("id"): i for i, r in enumerate(old) if isinstance(r.get("id"), str)}
        # The new index that each old id names after re-splitting (ids follow their sentence).
        self.id_target = {
            rid: self.target[i] for rid, i in self.old_by_id.items() if i in self.target
        }
        self.free = [j for j in range(len(new)) if j not in set(self.same.values())]

    def expected_position(self, i: int) -> int:
        """Where old sentence i would be in the new document (after its nearest kept neighbour)."""
        for k in range(i - 1, -1, -1):
            if k in self.target:
                return self.target[k] + 1
        return 0

    def resolve_spans(
        self, claim: dict[str, Any], old_text: str, new_index: int, fuzzy: bool
    ) -> tuple[dict[str, Any], list[Resolution]] | str:
        """The claim with its own spans resolved in new sentence `new_index`, or why not."""
        out = copy.deepcopy(claim)
        text = self.new[new_index].text
        found: list[Resolution] = []
        spans: list[tuple[str, dict[str, Any]]] = []
        actor = out.get("actor")
        if isinstance(actor, dict) and isinstance(actor.get("quote"), str):
            spans.append(("actor", actor))
        expectation = out.get("expectation")
        if isinstance(expectation, dict):
            spans.append(("expectation", expectation))
        hedge = out.get("hedge")
        cues = hedge.get("cues") if isinstance(hedge, dict) else None
        for number, cue in enumerate(cues if isinstance(cues, list) else []):
            if isinstance(cue, dict):
                spans.append((f"hedge cue {number}", cue))
        for name, span in spans:
            quote = span.get("quote")
            if not isinstance(quote, str) or not quote.strip():
                return f"its {name} has no quote"
            selector = _selector(old_text, quote, span)
            hit = resolve(selector, text, fuzzy=fuzzy)
            if hit is None:
                if not selector.located and fuzzy:
                    continue  # broken before the edit too: carried as it was, validate says so
                return f"{name} {quote!r} is not in the new text"
            span["quote"], span["start"], span["end"] = hit.quote, hit.start, hit.end
            found.append(hit)
        return out, found

    def resolve_evidence(
        self, claim: dict[str, Any], own_old_id: str | None
    ) -> tuple[list[Resolution], list[str]] | str:
        """Resolve the claim's evidence in place (sentence ids rewritten); moves, or why not."""
        found: list[Resolution] = []
        moves: list[str] = []
        evidence = claim.get("evidence")
        for number, item in enumerate(evidence if isinstance(evidence, list) else []):
            if not isinstance(item, dict):
                continue
            quote = item.get("quote")
            named = item.get("sentence")
            named = own_old_id if named is None else named
            if not isinstance(quote, str) or not quote.strip() or named not in self.old_by_id:
                continue  # not this document's sentence, or no quote: validate reports it
            old_index = self.old_by_id[named]
            old_text = self.old[old_index]["text"]
            first = self.id_target.get(named)
            if first is not None and self.new[first].text == old_text:
                if named != item.get("sentence"):
                    item["sentence"] = named
                continue
            selector = _selector(old_text, quote, item)
            located = self._find_evidence(selector, first, old_index)
            if located is None:
                if not selector.located:
                    continue  # broken before the edit too: carried as it was
                return f"evidence {number} {quote!r} is nowhere in the new text"
            hit, place = located
            if place != first:
                hit = Resolution(hit.start, hit.end, hit.quote, "context", hit.edits)
                moves.append(f"evidence {number} now in another sentence")
            item["sentence"] = ("", place)  # placeholder: the new id is known only at the end
            item["quote"], item["start"], item["end"] = hit.quote, hit.start, hit.end
            found.append(hit)
        return found, moves

    def _find_evidence(
        self, selector: Selector, first: int | None, old_index: int
    ) -> tuple[Resolution, int] | None:
        """Where an evidence quote of old sentence `old_index` is now, and in which new
        sentence: the one its sentence became (`first`, fuzzy allowed), else the nearest new
        sentence that holds it exactly."""
        if first is not None:
            hit = resolve(selector, self.new[first].text, fuzzy=True)
            if hit is not None:
                return hit, first
        anchor = first if first is not None else self.expected_position(old_index)
        for j in sorted(range(len(self.new)), key=lambda j: (abs(j - anchor), j)):
            if j == first:
                continue
            hit = resolve(selector, self.new[j].text)
            if hit is not None:
                return hit, j
        return None


def _selector(old_text: str, quote: str, span: dict[str, Any]) -> Selector:
    """A span's selector in its old sentence (its offsets used when they are integers)."""
    start, end = span.get("start"), span.get("end")
    return Selector.of(
        old_text,
        quote,
        start if type(start) is int else None,
        end if type(end) is int else None,
    )


def _assign_ids(records: list[dict[str, Any]], doc_id: str, used: set[int]) -> None:
    """Give records without an id a free ordinal: between the neighbours' when one is free,
    else one past the highest ordinal ever used (so no other sentence is renumbered)."""
    ordinals = [ordinal_of(r.get("id"), doc_id) for r in records]
    taken = set(used) | {o for o in ordinals if o is not None}
    high = max(taken, default=-1)
    for k, record in enumerate(records):
        if ordinals[k] is not None:
            continue
        before = next((o for o in reversed(ordinals[:k]) if o is not None), -1)
        after = next((o for o in ordinals[k + 1 :] if o is not None), None)
        choice = before + 1
        if choice in taken or (after is not None and choice >= after):
            high += 1
            choice = high
        ordinals[k] = choice
        taken.add(choice)
        high = max(high, choice)
        record["id"] = f"{doc_id}:{choice:04d}"


def _count_claims(records: Sequence[dict[str, Any]]) -> int:
    return sum(len(r["claims"]) for r in records if isinstance(r.get("claims"), list))


def _claim_number(claims: list[Any]) -> int:
    numbers = [
        int(c["id"][1:])
        for c in claims
        if isinstance(c, dict)
        and isinstance(c.get("id"), str)
        and re.fullmatch(r"c[0-9]+", c["id"])
    ]
    return max(numbers, default=0) + 1


def _todo_record(doc_id: str, sentence: NewSentence) -> dict[str, Any]:
    """A new sentence's record: nobody has looked at it yet (its id is assigned later)."""
    return {
        "id": None,
        "doc": doc_id,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "status": "todo",
        "annotator": None,
        "claims": [],
    }


def reanchor(
    doc_id: str,
    old: list[dict[str, Any]],
    new: list[NewSentence],
    retired: set[int] | None = None,
) -> Reanchored:
    """The records of the new sentences, carrying over the old records' annotations.

    `old` are the current records (dicts with a string `text`), `retired` the ordinals that
    must not be reused (sentences named by orphans). Pure: `old` is not modified.
    """
    run = _Reanchoring(doc_id, old, new)
    # Kept sentences first, so that claims moving elsewhere find their hosts.
    run.keep_sentences()
    for i, record in enumerate(old):
        run.carry_claims(i, record)
    return run.records_with_ids(retired or set())


@dataclass
class _Placement:
    """A claim resolved in new sentence `sentence`: its quotes' matches and evidence moves."""

    claim: dict[str, Any]
    sentence: int
    hits: list[Resolution]
    moves: list[str]


class _Reanchoring:
    """One run of `reanchor`: the new records as they fill, and why their statuses drop."""

    def __init__(self, doc_id: str, old: list[dict[str, Any]], new: list[NewSentence]) -> None:
        self.doc_id = doc_id
        self.old = old
        self.new = new
        self.placer = _Placer(doc_id, old, new)
        self.records: list[dict[str, Any] | None] = [None] * len(new)
        self.dropped: dict[int, str] = {}  # new index -> why its status drops to draft
        self.donors: dict[int, dict[str, Any]] = {}  # new index -> the record its claims left
        self.result = Reanchored(records=[], claims_before=_count_claims(old))
        self.seen_ids: set[str] = set()
        # Claims whose evidence names a new sentence by index: ids are known only at the end.
        self.pending_evidence: list[dict[str, Any]] = []

    # -- the sentences that stay --------------------------------------------------------------

    def keep_sentences(self) -> None:
        """A record for each new sentence paired with an old one (same text or edited)."""
        for i, j in sorted(self.placer.target.items()):
            self.records[j] = self._kept_record(i, j)
            if i in self.placer.same:
                self.result.unchanged += 1
            else:
                self.result.changed += 1
                now = _shortened(self.new[j].text, 60)
                self.result.notes.append(f"{self.old[i].get('id')}: text edited, now {now!r}")

    def _kept_record(self, i: int, j: int) -> dict[str, Any]:
        """Old record i at new sentence j, without its claims (they are placed one by one)."""
        record = copy.deepcopy(self.old[i])
        sentence = self.new[j]
        record["start"], record["end"], record["text"] = sentence.start, sentence.end, sentence.text
        rid = record.get("id")
        if not isinstance(rid, str) or ordinal_of(rid, self.doc_id) is None or rid in self.seen_ids:
            record["id"] = None  # malformed or duplicate: a fresh one at the end
        else:
            self.seen_ids.add(rid)
        record["claims"] = []
        return record

    def _host(self, j: int) -> dict[str, Any]:
        """The record of new sentence j, a todo one if no old sentence was paired with it."""
        host = self.records[j]
        if host is None:
            host = self.records[j] = _todo_record(self.doc_id, self.new[j])
        return host

    # -- the claims ---------------------------------------------------------------------------

    def carry_claims(self, i: int, record: dict[str, Any]) -> None:
        """Place each claim of old record i in the new sentences, or orphan it."""
        claims = record.get("claims")
        if not isinstance(claims, list):
            return
        old_id = record.get("id") if isinstance(record.get("id"), str) else None
        home = self.placer.target.get(i)
        for claim in claims:
            if isinstance(claim, dict):
                self.place_claim(i, record, old_id, claim)
            elif home is not None:  # not a claim object: carried as it is, validate reports it
                self._host(home)["claims"].append(copy.deepcopy(claim))
            else:
                self.result.orphans.append(_orphan(record, old_id, "not a claim object", claim))

    def place_claim(
        self, i: int, record: dict[str, Any], old_id: str | None, claim: dict[str, Any]
    ) -> None:
        """Put the claim in the first candidate sentence that holds its quotes, else orphan it."""
        home = self.placer.target.get(i)
        unchanged = i in self.placer.same
        label = f"{old_id}/{claim.get('id')}"
        reasons: list[str] = []
        for j, fuzzy in self._candidates(i, home, unchanged):
            kept = j == home and unchanged
            placement = self._resolve(claim, record["text"], old_id, j, fuzzy, kept)
            if isinstance(placement, str):
                reasons.append(placement)
                continue
            self._accept(placement, home, record, label)
            return
        why = reasons[0] if reasons else "its sentence was removed"
        if home is None and not reasons:
            why = "its sentence was removed and no new sentence holds its quotes"
        self.result.orphans.append(_orphan(record, old_id, why, copy.deepcopy(claim)))
        if home is not None:
            self.dropped.setdefault(home, f"{label} could not be placed")

    def _candidates(self, i: int, home: int | None, unchanged: bool) -> list[tuple[int, bool]]:
        """Where old sentence i's claims may go, in order: (new index, fuzzy match allowed).

        Its own sentence first (fuzzy if edited); then, unless its text is unchanged (a claim of
        an unchanged sentence stays there or is orphaned), the unpaired new sentences nearest to
        where it was, exact matches only.
        """
        candidates: list[tuple[int, bool]] = []
        if home is not None:
            candidates.append((home, not unchanged))
        if not unchanged:
            anchor = home if home is not None else self.placer.expected_position(i)
            for j in sorted(self.placer.free, key=lambda j: (abs(j - anchor), j)):
                if j != home:
                    candidates.append((j, False))
        return candidates

    def _resolve(
        self,
        claim: dict[str, Any],
        old_text: str,
        old_id: str | None,
        j: int,
        fuzzy: bool,
        kept: bool,
    ) -> _Placement | str:
        """The claim resolved in new sentence j (a copy, spans and evidence rewritten), or why
        not. A `kept` claim (its sentence's text unchanged) keeps its own spans as they are."""
        hits: list[Resolution] = []
        if kept:
            moved_claim = copy.deepcopy(claim)
        else:
            spans = self.placer.resolve_spans(claim, old_text, j, fuzzy)
            if isinstance(spans, str):
                return spans
            moved_claim, hits = spans
        evidence = self.placer.resolve_evidence(moved_claim, old_id)
        if isinstance(evidence, str):
            return evidence
        evidence_hits, moves = evidence
        return _Placement(moved_claim, j, [*hits, *evidence_hits], moves)

    def _accept(
        self, placement: _Placement, home: int | None, donor: dict[str, Any], label: str
    ) -> None:
        """Add a resolved claim to its new sentence; note fuzzy matches and moves, and mark the
        sentences whose status must drop (the claim moved in or out, or its spans changed)."""
        j = placement.sentence
        host = self._host(j)
        for hit in placement.hits:
            if hit.how == "fuzzy":
                edits = f" ({hit.edits} edits)" if hit.edits else ""
                self.result.notes.append(f"{label}: fuzzy match {hit.quote!r}{edits}, reported")
        if j != home:
            self.dropped[j] = f"{label} moved here from a changed sentence"
            self.donors.setdefault(j, donor)
            self.result.notes.append(
                f"{label}: moved to the sentence {_shortened(self.new[j].text, 50)!r}"
            )
            if home is not None:
                self.dropped.setdefault(home, f"{label} moved out")
        elif any(hit.moved_or_changed for hit in placement.hits) or placement.moves:
            self.dropped[j] = f"{label}: a span moved or changed"
        claim = placement.claim
        existing = host["claims"]
        if isinstance(claim.get("id"), str) and any(
            isinstance(c, dict) and c.get("id") == claim["id"] for c in existing
        ):
            claim["id"] = f"c{_claim_number(existing)}"
        existing.append(claim)
        if any(
            isinstance(e, dict) and isinstance(e.get("sentence"), tuple)
            for e in claim.get("evidence") or []
        ):
            self.pending_evidence.append(claim)

    # -- the end: new sentences, ids, statuses -----------------------------------------------

    def records_with_ids(self, retired: set[int]) -> Reanchored:
        """The result: todo records for the new sentences, every id assigned, evidence naming
        its sentence by id, statuses dropped where claims changed, keys in schema order."""
        for j in range(len(self.new)):
            if self.records[j] is None:
                self.result.added += 1
                self._host(j)
        self.result.removed = len(self.old) - len(self.placer.target)
        final: list[dict[str, Any]] = [r for r in self.records if r is not None]
        used = {o for r in self.old if (o := ordinal_of(r.get("id"), self.doc_id)) is not None}
        _assign_ids(final, self.doc_id, used | retired)
        for claim in self.pending_evidence:
            for item in claim.get("evidence") or []:
                if isinstance(item, dict) and isinstance(item.get("sentence"), tuple):
                    item["sentence"] = final[item["sentence"][1]]["id"]
        self._drop_statuses(final)
        self.result.records = [_canonical(r) for r in final]
        self.result.claims_after = _count_claims(self.result.records)
        return self.result

    def _drop_statuses(self, final: list[dict[str, Any]]) -> None:
        """Done/reviewed sentences whose claims moved, changed or left go back to `draft` (and
        a todo sentence that received claims becomes a draft), so that a person looks again."""
        for j, why in sorted(self.dropped.items()):
            record = final[j]
            before = record["status"]
            if before in HUMAN_STATUSES or (before == "todo" and record["claims"]):
                record["status"] = "draft"
                if record.get("annotator") is None and j in self.donors:
                    record["annotator"] = self.donors[j].get("annotator")
                self.result.notes.append(f"{record['id']}: status {before} -> draft ({why})")


def _shortened(text: str, length: int) -> str:
    """The first `length` characters, and an ellipsis when there is more (a cut is visible)."""
    return text if len(text) <= length else f"{text[:length]}…"


def _orphan(record: dict[str, Any], old_id: str | None, why: str, claim: Any) -> Orphan:
    """An orphan of old `record`'s claim: where it was (sentence, text, status) and why."""
    return Orphan(
        old_id or "",
        record["text"],
        record.get("status"),
        record.get("annotator"),
        why,
        claim,
    )


def _canonical(record: dict[str, Any]) -> dict[str, Any]:
    """Key order as the schema's (unknown keys kept after), so `fmt` has nothing to reorder."""
    known = list(SentenceRecord.model_fields)
    out = {key: record[key] for key in known if key in record}
    out.update((key, value) for key, value in record.items() if key not in out)
    return out
