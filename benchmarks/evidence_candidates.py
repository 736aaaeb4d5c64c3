"""Every evidence link the drafter considers, with the mechanism that proposes it, its
conditions and its gold outcome, over the readable annotated documents.

Usage (from the repository root):
    PYTHONPATH=tools .venv/bin/python benchmarks/evidence_candidates.py [--out FILE] [SET ...]

SET: dev | test | blind | blind2 | blind4 ... (default: every readable set). Each document's
gold sentences are drafted as `claimset draft --redo` would draft them, but every link a
mechanism proposes is kept with the vetoes that would refuse it, so that the choice of what to
link can be made from figures held out by set (`evidence_heldout.py`). A candidate is right
when its claim pairs with a gold claim (`eval`'s pairing) that has a link to the same sentence
overlapping it. Writes one JSON line per candidate to --out (default: stdout summary only).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimset.draft import load_actors
from claimset.draft.actor_index import AUTHOR
from claimset.draft.document import DocumentAnalysis, analyse_document
from claimset.draft.files import seed_paragraph_starts, speakers
from claimset.draft.registry import LINK_RULES
from claimset.draft.rules.evidence import Fact
from claimset.draft.rules.evidence_links import LinkSite
from claimset.draft.types import Candidate
from claimset.evaluate import pair_spans
from claimset.project import Project
from gold_sets import READABLE, documents


def veto_names(site: LinkSite) -> list[str]:
    """The registered vetoes that refuse a link, by name (every one, not the first)."""
    return [name for name in LINK_RULES if LINK_RULES[name].refuses(site)]


def link_features(mechanism: str, site: LinkSite, fact: Fact, claim: dict[str, Any]) -> list[str]:
    """What is known of a link between sentences when the drafter decides on it, as strings."""
    distance = site.distance
    out = [
        f"mech={mechanism}",
        f"dist={distance if abs(distance) < 4 else '4+'}",
        "holder=author" if site.holder == AUTHOR else "holder=party",
        f"type={claim['expectation']['type']}",
        f"evidence={fact.type}",
        f"position={min(site.position, 2)}",
        f"reports={'high' if site.reports > 0.6 else 'low' if site.reports < 0.3 else 'mid'}",
        f"claims={min(len(site.claims), 2)}",
    ]
    flags = (
        ("speech", fact.speech),
        ("opens", site.opens),
        ("own-act", site.own_act),
        ("allied", site.allied),
        ("narrating", site.narrating),
        ("reason", site.reason is not None),
    )
    return out + [name for name, on in flags if on]


@dataclass
class CandidateLinks(DocumentAnalysis):
    """A document whose linking mechanisms attach nothing: each link one proposes is kept in
    `found`, with the vetoes that would refuse it."""

    found: list[dict[str, Any]] = field(default_factory=list)

    def attach(
        self,
        target: int,
        source: int,
        fact: Fact,
        *,
        vetoed: bool = True,
        only: Candidate | None = None,
    ) -> None:
        claims = self.results[target]
        if not claims:
            return
        cands = self.analysed[target][1]
        owners = [c for c in cands for _ in c.holder]
        for k, claim in enumerate(claims):
            if k >= len(owners) or (only is not None and owners[k] is not only):
                continue
            site = self.site(target, owners[k], claim, source, fact)
            vetoes = veto_names(site) if vetoed else []
            self.found.append(_row(self.mechanism, target, k, source, fact, site, vetoes, claim))


def candidates(doc: str, root: Path) -> list[dict[str, Any]]:
    """The candidate links of one document, each with its features and gold outcome."""
    project = Project(root)
    gold = [
        json.loads(line)
        for line in (root / "corpus/annotations" / f"{doc}.jsonl").read_text().splitlines()
        if line.strip()
    ]
    actors = load_actors(project)
    texts = [r["text"] for r in gold]
    ids = [r["id"] for r in gold]
    n = len(texts)
    doc_ = analyse_document(
        texts,
        actors,
        paragraph_starts=seed_paragraph_starts(project, gold) or [k == 0 for k in range(n)],
        ids=ids,
        speaks_for=speakers(project, actors).get(doc),
        kind=CandidateLinks,
    )
    assert isinstance(doc_, CandidateLinks)
    doc_.link()  # the mechanisms of `draft_document`, in its order
    found = doc_.found
    # Links inside a sentence: a support marker ties a fact to a claim of its own sentence.
    for k in range(n):
        s, cands = doc_.analysed[k]
        owners = [c for c in cands for _ in c.holder]
        for fact in doc_.facts[k]:
            if fact.owner is None:
                continue
            for c, claim in enumerate(doc_.results[k] or []):
                if c < len(owners) and owners[c] is cands[fact.owner]:
                    found.append(_row("in:" + fact.rule, k, c, k, fact, None, [], claim))
    # Candidates no rule proposes today: a report clause of a claim's own sentence that no
    # support marker ties to it (*F, and C*; *C, and F*; *F; C*).
    for k in range(n):
        s, cands = doc_.analysed[k]
        owners = [c for c in cands for _ in c.holder]
        for fact in doc_.facts[k]:
            if fact.owner is not None or fact.speech or not fact.cross:
                continue
            for c, claim in enumerate(doc_.results[k] or []):
                if c >= len(owners):
                    continue
                cand = owners[c]
                before = fact.j <= cand.region[0]
                gap = s.low[fact.j : cand.region[0]] if before else s.low[cand.region[1] : fact.i]
                row = _row("in-free", k, c, k, fact, None, [], claim)
                row["features"] = [
                    "mech=in-free",
                    "order=" + ("fact-first" if before else "claim-first"),
                    "gap=" + "_".join(gap[:3]),
                    "holder=author" if claim["actor"]["ref"] == AUTHOR else "holder=party",
                    f"type={claim['expectation']['type']}",
                    f"evidence={fact.type}",
                    f"claims={min(len(cands), 2)}",
                ]
                found.append(row)
    # Candidates no rule proposes today: a report right before a claim in its paragraph.
    for k in range(1, n):
        if doc_.para[k - 1] != doc_.para[k] or not doc_.results[k] or not doc_.is_report(k - 1):
            continue
        cands = doc_.analysed[k][1]
        owners = [c for c in cands for _ in c.holder]
        for fact in doc_.facts[k - 1]:
            if not fact.cross:
                continue
            for c, claim in enumerate(doc_.results[k]):
                if c < len(owners):
                    site = doc_.site(k, owners[c], claim, k - 1, fact)
                    found.append(_row("before", k, c, k - 1, fact, site, veto_names(site), claim))
    _outcomes(found, gold, doc_, ids)
    for row in found:
        row["doc"] = doc
    return found


def _row(
    mech: str,
    target: int,
    claim_no: int,
    source: int,
    fact: Fact,
    site: LinkSite | None,
    vetoes: list[str],
    claim: dict[str, Any],
) -> dict[str, Any]:
    return {
        "mechanism": mech,
        "target": target,
        "claim": claim_no,
        "source": source,
        "fact": [fact.i, fact.j],
        "fact_rule": fact.rule,
        "vetoes": vetoes,
        "features": link_features(mech, site, fact, claim) if site is not None else [],
        "holder_author": claim["actor"]["ref"] == AUTHOR,
        "type": claim["expectation"]["type"],
        "evidence_type": fact.type,
        "distance": source - target,
        "span": [claim["expectation"]["start"], claim["expectation"]["end"]],
    }


def _outcomes(
    rows: list[dict[str, Any]], gold: list[dict[str, Any]], doc: DocumentAnalysis, ids: list[str]
) -> None:
    """Mark each candidate right or wrong as `eval` would (overlap with a gold link of the
    gold claim its claim pairs with)."""
    pairs_at: dict[int, dict[int, int]] = {}
    for k, record in enumerate(gold):
        pred = doc.results[k] or []
        gspans = [(c["expectation"]["start"], c["expectation"]["end"]) for c in record["claims"]]
        pspans = [(c["expectation"]["start"], c["expectation"]["end"]) for c in pred]
        pairs_at[k] = {pi: gi for gi, pi in pair_spans(gspans, pspans)}
    for row in rows:
        k, s = row["target"], doc.analysed[row["source"]][0]
        a, b = s.chars(*row["fact"])
        row["quote"] = s.text[a:b]
        gi = pairs_at[k].get(row["claim"])
        row["paired"] = gi is not None
        row["right"] = False
        if gi is None:
            continue
        for ev in gold[k]["claims"][gi]["evidence"]:
            sid = ev.get("sentence") or ids[k]
            if sid == ids[row["source"]] and min(b, ev["end"]) > max(a, ev["start"]):
                row["right"] = True
                break


def gold_links(name: str) -> int:
    """The gold evidence links of a set (for recall)."""
    total = 0
    for doc, root in documents(name):
        for line in (root / "corpus/annotations" / f"{doc}.jsonl").read_text().splitlines():
            if line.strip():
                total += sum(len(c["evidence"]) for c in json.loads(line)["claims"])
    return total


def main(argv: list[str]) -> int:
    out = None
    if "--out" in argv:
        i = argv.index("--out")
        out = Path(argv[i + 1])
        del argv[i : i + 2]
    sets = argv or list(READABLE)
    rows: list[dict[str, Any]] = []
    for name in sets:
        for doc, root in documents(name):
            for row in candidates(doc, root):
                row["set"] = name
                rows.append(row)
        print(f"{name}: {gold_links(name)} gold links", file=sys.stderr)
    if out is not None:
        out.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
    print(f"{len(rows)} candidates, {sum(r['right'] for r in rows)} right", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
