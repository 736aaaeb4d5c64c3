"""Drafting a document: evidence links between sentences (guidelines §13.1)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .actor_index import ActorIndex
from .centering import opening_subject
from .context import Context, salience
from .lexicons import lexicons
from .mentions import Mention, issued_documents
from .pipeline import analyse, claim_records
from .quotations import attribute_to_speaker, quoted_runs, speaker_of
from .rules.actor import named_in_full
from .rules.evidence import Fact, evidence_link, evidential_report, fact_signals, sentence_facts
from .rules.evidence_links import LinkSite, refused
from .rules.evidence_markers import consequence_claim, enumeration, item_fact, opens_with
from .rules.fact_clauses import ADVERBIAL_OPENERS
from .rules.judgement import continued_obligation, run_in_label
from .sentence import Sentence, skip_connectives
from .types import Candidate
from .words import is_verb


def draft_document(
    texts: Sequence[str],
    actors: ActorIndex,
    *,
    paragraph_starts: Sequence[bool] | None = None,
    only: Sequence[bool] | None = None,
    fixed_claims: Mapping[int, list[dict[str, Any]]] | None = None,
    ids: Sequence[str] | None = None,
    speaks_for: str | None = None,
) -> list[list[dict[str, Any]] | None]:
    """Draft a document's sentences in order; None for a sentence not drafted.

    Args:
        texts: The sentences, in document order.
        actors: The registry.
        paragraph_starts: True where a sentence opens a paragraph (evidence never crosses one,
            except for an enumerated item).
        only: True for the sentences to draft (default: all); the others give context only.
        fixed_claims: Human claims of sentences not drafted (they count as claims when deciding
            which sentences are plain facts).
        ids: Sentence ids, for evidence in other sentences (default: ordinal strings).
        speaks_for: In a speech, the actor id of the party the speaker speaks for (the
            document's `speaks_for`): the speaker's "we" (guidelines §6.1).
    """
    doc = analyse_document(
        texts,
        actors,
        paragraph_starts=paragraph_starts,
        only=only,
        fixed_claims=fixed_claims,
        ids=ids,
        speaks_for=speaks_for,
    )
    doc.link()
    return doc.results


def analyse_document(
    texts: Sequence[str],
    actors: ActorIndex,
    *,
    paragraph_starts: Sequence[bool] | None = None,
    only: Sequence[bool] | None = None,
    fixed_claims: Mapping[int, list[dict[str, Any]]] | None = None,
    ids: Sequence[str] | None = None,
    speaks_for: str | None = None,
    kind: type[DocumentAnalysis] | None = None,
) -> DocumentAnalysis:
    """A document's sentences analysed and drafted, quotations given to their speakers, no
    evidence linked between sentences yet (`DocumentAnalysis.link` does that). The arguments
    are `draft_document`'s; `kind` is a subclass to build instead (one that overrides
    `attach` sees every link a mechanism proposes, as the evidence experiments do)."""
    n = len(texts)
    doc = (kind or DocumentAnalysis)(
        actors,
        list(paragraph_starts) if paragraph_starts is not None else [i == 0 for i in range(n)],
        list(only) if only is not None else [True] * n,
        ids,
    )
    doc.analyse(texts, Context(actors, speaks_for=speaks_for), fixed_claims or {})
    doc.quotations()
    return doc


#: The share of report sentences from which a document narrates (a report, not an argued
#: essay or a speech: on the readable documents, CRS reports .41-.61 but one, essays and
#: speeches .05-.30), and the fewest sentences in which that share tells
#: (`DocumentAnalysis.narrating`).
NARRATING = 0.4
SHORTEST = 10


def _later_in_paragraph(
    actors: ActorIndex, texts: Sequence[str], starts: Sequence[bool]
) -> list[list[str]]:
    """Per sentence, the persons of shared short names (`shared_name`) named in full after it
    in its paragraph, the nearest first (each once: only the nearest naming counts)."""
    later: list[list[str]] = [[] for _ in texts]
    if not actors.shared:
        return later
    full = [actors.full_names(text) for text in texts]
    for k in range(len(full) - 2, -1, -1):
        if not (k + 1 < len(starts) and starts[k + 1]):
            nearest = [*full[k + 1], *later[k + 1]]
            later[k] = [r for n, r in enumerate(nearest) if r not in nearest[:n]]
    return later


@dataclass
class DocumentAnalysis:
    """A document's sentences as analysed, their drafted claims, and the links between them.

    `results` holds the drafted claims of each sentence (None: not drafted); `analysed`, each
    sentence and its candidates; `facts`, the facts each states; `para`, its paragraph number.
    """

    actors: ActorIndex
    starts: list[bool]  # paragraph starts
    todo: list[bool]  # the sentences drafted
    ids: Sequence[str] | None
    results: list[list[dict[str, Any]] | None] = field(default_factory=list)
    analysed: list[tuple[Sentence, list[Candidate]]] = field(default_factory=list)
    mentions: list[list[Mention]] = field(default_factory=list)
    facts: list[list[Fact]] = field(default_factory=list)
    para: list[int] = field(default_factory=list)  # paragraph number of each sentence
    claims_at: list[list[dict[str, Any]] | None] = field(default_factory=list)
    speech: list[bool] = field(default_factory=list)  # holds a party's drafted reported speech
    reported: list[bool] = field(default_factory=list)  # its claims are reports (evidential cue)
    report_share: list[float] = field(default_factory=list)  # of report sentences, by paragraph
    narrating: bool = False  # the document narrates: its share of reports is NARRATING or more
    mechanism: str = ""  # the linking mechanism at work (`link`): what `attach` is called for

    def analyse(
        self, texts: Sequence[str], ctx: Context, fixed: Mapping[int, list[dict[str, Any]]]
    ) -> None:
        """Every sentence in order (the context of one is the sentences before it)."""
        actors, todo, starts = ctx.actors, self.todo, self.starts
        speech = ctx.speaks_for is not None
        # Persons named in full per sentence, for a short name two persons share (`shared_name`).
        later = _later_in_paragraph(actors, texts, starts)
        for k, text in enumerate(texts):
            ctx.later = later[k]
            s, mentions, cands = analyse(text, ctx)
            ctx.named = named_in_full(mentions, ctx)
            if cands and self.label(k, s, texts):
                cands = []  # a run-in label (*Sanctions.* before its paragraph): no claim
            if self.analysed:
                continued_obligation(s, cands, self.analysed[-1][1])
            claimless = not (cands if todo[k] else fixed.get(k))
            # A sentence whose claims are reports with an evidential cue is a report (v1.3).
            report = todo[k] and bool(cands) and all(evidential_report(s, c) for c in cands)
            self.reported.append(report)
            found = sentence_facts(s, cands, claimless or report) if text.strip() else []
            self.analysed.append((s, cands))
            self.mentions.append(mentions)
            self.facts.append(found)
            self.results.append(claim_records(s, cands, found, speech=speech) if todo[k] else None)
            ctx.recent = salience(mentions, cands, ctx)
            ctx.subject = opening_subject(s, mentions, ctx.actors, ctx.subject)
            ctx.actors = issued_documents(s, mentions, ctx.actors)
            para = self.para[-1] if self.para else 0
            self.para.append(para + (1 if k and k < len(starts) and starts[k] else 0))
        n = len(texts)
        self.claims_at = [self.results[k] if todo[k] else fixed.get(k, []) for k in range(n)]
        self.speech = [todo[k] and any(c.speech for c in self.analysed[k][1]) for k in range(n)]
        sizes, reports = (
            [0] * (self.para[-1] + 1 if n else 0),
            [0] * (self.para[-1] + 1 if n else 0),
        )
        for k in range(n):
            sizes[self.para[k]] += 1
            reports[self.para[k]] += self.is_report(k)
        self.report_share = [
            r / size if size else 0.0 for r, size in zip(reports, sizes, strict=True)
        ]
        self.narrating = n >= SHORTEST and sum(reports) >= NARRATING * n

    def label(self, k: int, s: Sentence, texts: Sequence[str]) -> bool:
        """Whether sentence k is a run-in label: it opens a paragraph that goes on with the
        next sentence, and is a short phrase naming that sentence's topic."""
        starts = self.starts
        goes_on = k + 1 < len(texts) and k + 1 < len(starts) and not starts[k + 1]
        return goes_on and starts[k] and run_in_label(s, texts[k + 1])

    def quotations(self) -> None:
        """A quotation over several sentences keeps its speaker up to the closing mark: the
        drafted claims inside it are the speaker's (guidelines v1.3, §4.5)."""
        sentences = [s for s, _ in self.analysed]
        for run in quoted_runs(sentences):
            speaker = speaker_of(run, sentences, self.mentions)
            if speaker is None:
                continue
            for k in range(run.first, run.last + 1):
                claims, s = self.results[k], sentences[k]
                if self.todo[k] and claims:
                    start = s.ends[run.open_at] if k == run.first else 0
                    end = s.starts[run.close_at] if k == run.last else len(s.text)
                    attribute_to_speaker(claims, s, speaker, (start, end))

    def link(self) -> None:
        """Evidence between sentences, sentence by sentence, by each mechanism in turn (the
        name of the one at work is `mechanism`)."""
        anchor: int | None = None  # the claim an enumeration answers
        for k in range(len(self.results)):
            self.mechanism = "enumeration"
            anchor = self.link_enumeration(k, anchor)
            cross = [f for f in self.facts[k] if f.cross]
            if cross:
                # Claim-then-facts only: facts that lead up to a later claim (facts-then-claim)
                # were wrong links four times in five on the real development documents, and on
                # every held-out set leaving them out raised both precision and F1 (precision
                # first: a wrong link costs the annotator more than a missing one).
                self.mechanism = "adjacency"
                self.link_claim_then_facts(k, cross)
            # The one facts-then-claim pattern kept: a stated consequence.
            self.mechanism = "consequence"
            self.link_consequence(k)

    def attach(
        self,
        target: int,
        source: int,
        fact: Fact,
        *,
        vetoed: bool = True,
        only: Candidate | None = None,
    ) -> None:
        """Link a fact of sentence `source` to every drafted claim of sentence `target` (with
        `vetoed`, those no rule of `evidence_links` refuses; with `only`, that claim's)."""
        claims = self.results[target]
        if not self.todo[target] or not claims:
            return  # human claims are never changed
        sentence = self.ids[source] if self.ids is not None else str(source)
        link = evidence_link(self.analysed[source][0], fact, sentence)
        cands = self.analysed[target][1]
        owners = [c for c in cands for _ in c.holder]
        for n, claim in enumerate(claims):
            if only is not None and (n >= len(owners) or owners[n] is not only):
                continue
            if (
                vetoed
                and n < len(owners)
                and refused(self.site(target, owners[n], claim, source, fact))
            ):
                continue
            if not any(
                e["sentence"] == link["sentence"] and e["start"] == link["start"]
                for e in claim["evidence"]
            ):
                claim["evidence"].append(dict(link))

    def site(
        self, target: int, cand: Candidate, claim: dict[str, Any], source: int, fact: Fact
    ) -> LinkSite:
        """The link of a fact of sentence `source` to one claim of sentence `target`."""
        holder = claim["actor"]["ref"]
        speaker = fact.speaker or self.subject_party(source, fact)
        allied = speaker is not None and self.actors.allied(speaker, holder)
        agent = self.agent(source, fact)
        para = self.para
        before = target - 1
        return LinkSite(
            self.analysed[target][0],
            cand,
            holder,
            self.analysed[source][0],
            fact,
            source - target,
            speaker,
            allied,
            claims=tuple(self.analysed[target][1]),
            reports=self.report_share[para[target]],
            opens=before < 0 or para[before] != para[target] or not self.is_report(before),
            position=self.position(target),
            reason=self.reason(target, cand),
            own_act=agent is not None and self.actors.allied(agent, holder),
            narrating=self.narrating,
        )

    def reason(self, k: int, cand: Candidate) -> str | None:
        """The word opening the reason a support marker gives a claim in its own sentence k
        (*because*, *as*, *given* ...), if any."""
        s, cands = self.analysed[k]
        for fact in self.facts[k]:
            if fact.owner is not None and cands[fact.owner] is cand and fact.i > 0:
                return s.low[fact.i - 1]
        return None

    def position(self, k: int) -> int:
        """Sentences before sentence k in its paragraph."""
        p = k
        while p > 0 and self.para[p - 1] == self.para[k]:
            p -= 1
        return k - p

    def subject_party(self, k: int, fact: Fact) -> str | None:
        """The party a statement of sentence k opens with, its speaker (*Seoul makes no secret
        of ...*); None for another fact or no party there."""
        s = self.analysed[k][0]
        window = range(fact.i, min(fact.j, fact.i + 6))
        if fact.type != "statement" or not any(
            s.toks[t][:1].islower() and "statement" in fact_signals(s, t, t + 1) for t in window
        ):
            return None  # a saying verb right after the party (not *the United States*)
        for m in self.mentions[k]:
            if fact.i <= m.i < min(fact.j, fact.i + 4) and not (m.compound or m.after_preposition):
                return m.resolved or m.ref
        return None

    def agent(self, k: int, fact: Fact) -> str | None:
        """The party a fact of sentence k tells of as its subject: named at the start of its
        clause, past an opening adverbial up to its comma (*In 2024, Seoul cut ...*, *His
        government reopened ...*); a predicate that shares the subject of the clause before it
        (*He has ended the talks, and deployed the army*) has that clause's. None for a
        subject that names no party, or a party only as an owner (*Japan's oil imports*)."""
        s = self.analysed[k][0]
        i = fact.i
        if is_verb(s.low[i]) and i > 0 and s.low[i - 1] in ("and", "but"):
            i = 0  # a coordinated predicate: the subject opening the sentence
        i = skip_connectives(s, i, fact.j)
        reach = i + 1  # the subject's first word, or the determiner before it
        if s.low[i] in lexicons().prepositions or s.low[i] in ADVERBIAL_OPENERS:
            # An opening adverbial: up to its comma (*In January 2025, the UAE's defense
            # company ...*) or, without one, a few words on (*In 2024 Seoul cut ...*).
            comma = next((t for t in range(i, min(fact.j, i + 10)) if s.low[t] == ","), None)
            if comma is not None:
                i = reach = skip_connectives(s, comma + 1, fact.j)
                reach += 1
            else:
                reach = i + 4
        for m in self.mentions[k]:
            if i <= m.i <= reach and not (m.possessive or m.compound or m.after_preposition):
                return m.resolved or m.ref
        return None

    def is_report(self, k: int) -> bool:
        """Whether sentence k states facts only: no claim, or reports with an evidential cue."""
        return not self.claims_at[k] or self.reported[k]

    def link_consequence(self, k: int) -> None:
        """Facts-then-claim for a consequence (tests 2b and 3): an author's claim opening
        sentence k that states a consequence of what the report right before it tells
        (*Mexico has provided intelligence on the cartels. Bilateral efforts led to the arrest
        of a major kingpin.*) is supported by that report, even when it refers back to it. Other
        facts-then-claim links stay out (precision first); a claim with a fact of its own
        sentence, or set against the report (*But ...*), takes none."""
        s, cands = self.analysed[k]
        if k == 0 or self.para[k - 1] != self.para[k] or not self.is_report(k - 1):
            return
        if not consequence_claim(s, cands) or any(f.owner is not None for f in self.facts[k]):
            return
        if opens_with(s, lexicons().contrast):
            return
        claim = next(c for c in cands if consequence_claim(s, [c]))
        for fact in self.facts[k - 1]:
            if fact.cross:
                # Not vetoed: a consequence sums up a narration, which `narration` would refuse.
                self.attach(k, k - 1, fact, vetoed=False, only=claim)

    def link_enumeration(self, k: int, anchor: int | None) -> int | None:
        """Enumerated items and examples answer the claim before the list, also across a
        paragraph break (test 2a: *First* [03], *Secondly* [13] → [02]); the new anchor."""
        s, cands = self.analysed[k]
        item = enumeration(s) if self.claims_at[k] else None
        if item == "first":
            anchor = next((p for p in range(k - 1, -1, -1) if self.claims_at[p]), None)
        elif item == "instance":
            # An example marked inside the sentence answers the sentence right before it; after
            # a report it illustrates the report, and no claim further back.
            before = k - 1
            same = before >= 0 and self.para[before] == self.para[k]
            anchor = before if same and not self.is_report(before) else None
        if item is not None and anchor is not None and (fact := item_fact(s, cands)):
            self.attach(anchor, k, fact, vetoed=False)
        elif item is None and self.starts[k]:
            anchor = None
        return anchor

    def link_claim_then_facts(self, k: int, cross: list[Fact]) -> None:
        """Claim-then-facts (test 2b): the facts support the nearest claim before them in the
        paragraph, unless they are set against it ("however", "but", test 3). A party's
        reported speech does not support another party's reported speech (two positions side
        by side): it goes back to the claim the statements answer."""
        if opens_with(self.analysed[k][0], lexicons().contrast, inside=True):
            return
        para, claims_at = self.para, self.claims_at
        for group in ([f for f in cross if not f.speech], [f for f in cross if f.speech]):
            p = k - 1
            while (
                p >= 0
                and para[p] == para[k]
                and (
                    not claims_at[p]
                    or self.reported[p]
                    or (group[:1] and group[0].speech and self.speech[p])
                )
            ):
                p -= 1
            if group and p >= 0 and para[p] == para[k]:
                for fact in group:
                    self.attach(p, k, fact)
