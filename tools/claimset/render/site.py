"""The pages of the HTML report: an index, and one page per document.

Every page is one self-contained HTML file (stylesheet and script inline, charts as inline SVG,
no external resource). Spans are `<mark>` elements carrying `data-span` (sentence id / claim id /
role and position), `data-claim` and a `title` that summarizes the claim on hover; a span that
crosses another is split into fragments with the same `data-span`, so the text of a span's
elements, joined in order, is always its quote.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..formats.corpus import CorpusDocument
from ..formats.graph import Problem
from ..models import CERTAINTIES, EVIDENCE_TYPES, EXPECTATION_TYPES, STATUSES, Actor, Claim
from .assets import CSS, JS
from .charts import PALETTE, bar_chart, progress_bar

INDEX = "index.html"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str
    span_id: str
    claim_id: str
    title: str


def page_name(doc_id: str) -> str:
    """The file name of a document's page."""
    return f"{doc_id}.html"


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="claimset render">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}\n<script>{JS}</script>\n</body>\n</html>\n"
    )


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """`text` as HTML with each mark wrapped in `<mark>`; crossing marks are split, not dropped."""
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    opening: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(marks):
        opening[m.start].append(i)
    stack: list[int] = []
    out: list[str] = []

    def open_tag(i: int) -> str:
        m = marks[i]
        return (
            f'<mark class="{m.css}" data-span="{escape(m.span_id)}" '
            f'data-claim="{escape(m.claim_id)}" title="{escape(m.title)}">'
        )

    for n, pos in enumerate(bounds):
        ending = {i for i in stack if marks[i].end == pos}
        reopen: list[int] = []
        while ending:
            i = stack.pop()
            out.append("</mark>")
            if i in ending:
                ending.discard(i)
            else:
                reopen.append(i)
        for i in reversed(reopen):
            out.append(open_tag(i))
            stack.append(i)
        for i in sorted(opening.get(pos, []), key=lambda i: -marks[i].end):
            out.append(open_tag(i))
            stack.append(i)
        if n + 1 < len(bounds):
            out.append(escape(text[pos : bounds[n + 1]]))
    return "".join(out)


def _claim_dom_id(sentence_id: str, claim_id: str) -> str:
    return "claim-" + sentence_id.replace(":", "-") + "-" + claim_id


def _summary(claim: Claim, names: dict[str, str]) -> str:
    actor = names.get(claim.actor.ref, claim.actor.ref)
    target = (
        f" → {names.get(claim.expectation.target, claim.expectation.target)}"
        if (claim.expectation.target)
        else ""
    )
    negated = ", negated" if claim.polarity == "negative" else ""
    auto = ", machine draft" if claim.origin == "auto" else ""
    return (
        f"{claim.id}: {actor} ({claim.expectation.type}{target}); "
        f"{claim.hedge.certainty}{negated}{auto}"
    )


def _marks(
    doc: CorpusDocument, names: dict[str, str], problems: list[Problem]
) -> dict[str, list[Mark]]:
    """Every span of every claim as marks, by the sentence they lie in (sentence offsets)."""
    by_id = {s.id: s for s in doc.sentences}
    marks: dict[str, list[Mark]] = defaultdict(list)
    for s in doc.sentences:
        for k, claim in enumerate(s.claims):
            cid = claim.id or f"#{k + 1}"
            dom = _claim_dom_id(s.id, cid)
            colour = f"k{k % len(PALETTE)}"
            summary = _summary(claim, names)
            spans: list[tuple[str, str, str, int | None, str]] = []
            if claim.actor.quote is not None:
                spans.append(("actor", "actor", claim.actor.quote, claim.actor.start, s.id))
            exp = claim.expectation
            spans.append(("exp", "expectation", exp.quote, exp.start, s.id))
            for j, ev in enumerate(claim.evidence):
                spans.append(("evidence", f"evidence{j}", ev.quote, ev.start, ev.sentence or s.id))
            for j, cue in enumerate(claim.hedge.cues):
                spans.append((cue.kind, f"cue{j}", cue.quote, cue.start, s.id))
            for css, role, quote, start, home_id in spans:
                home = by_id.get(home_id)
                place = _locate(home.text, quote, start) if home is not None else None
                if home is None or place is None:
                    problems.append(Problem(f"{s.id} {cid} {role}", f"{quote!r} not shown"))
                    continue
                title = f"{role.rstrip('0123456789')} of {summary}"
                marks[home.id].append(
                    Mark(place[0], place[1], f"{css} {colour}", f"{s.id}/{cid}/{role}", dom, title)
                )
    return marks


def _locate(text: str, quote: str, start: int | None) -> tuple[int, int] | None:
    from ..anchor import anchor

    if start is not None and text[start : start + len(quote)] == quote:
        return start, start + len(quote)
    found = anchor(text, quote, start)
    return (found.start, found.end) if found.start is not None and found.end is not None else None


def _options(name: str, label: str, values: Sequence[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in values)
    return (
        f'<label>{escape(label)}<select name="{name}"><option value="">all</option>'
        f"{opts}</select></label>"
    )


def document_page(
    doc: CorpusDocument, title: str, actors: Sequence[Actor], problems: list[Problem]
) -> str:
    """One document: its progress, filters, and every sentence with its claims."""
    names = {a.id: a.name for a in actors}
    marks = _marks(doc, names, problems)
    status: Counter[str] = Counter(s.status for s in doc.sentences)
    used_actors = sorted({c.actor.ref for s in doc.sentences for c in s.claims})
    body = [
        f'<p class="meta"><a href="{INDEX}">← all documents</a></p>',
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(doc.id)} · {len(doc.sentences)} sentences · '
        f"{sum(len(s.claims) for s in doc.sentences)} claims · {progress_bar(status)} "
        + escape(", ".join(f"{status[s]} {s}" for s in STATUSES if status[s]))
        + "</p>",
        '<ul class="legend" aria-label="legend">'
        '<li><mark class="actor k0">actor</mark></li>'
        '<li><mark class="exp k0">expectation</mark></li>'
        '<li><mark class="evidence k0">evidence</mark></li>'
        '<li><mark class="hedge k0">hedge cue</mark></li>'
        '<li><mark class="booster k0">booster cue</mark></li>'
        "<li>one colour per claim of a sentence; hover a span for its claim, click to pick it "
        "out</li></ul>",
        '<form class="filters" hidden aria-label="filters">'
        + _options("actor", "actor", [(a, names.get(a, a)) for a in used_actors])
        + _options("type", "expectation type", [(t, t) for t in EXPECTATION_TYPES])
        + _options("certainty", "certainty", [(c, c) for c in CERTAINTIES])
        + _options("status", "sentence status", [(s, s) for s in STATUSES])
        + "</form>",
    ]
    for s in doc.sentences:
        ordinal = s.id.rsplit(":", 1)[1]
        who = f" · {escape(s.annotator)}" if s.annotator else ""
        body.append(
            f'<article class="sentence" id="s{ordinal}" data-status="{s.status}">'
            f'<div class="head"><span>#{int(ordinal)}</span>'
            f'<span class="badge {s.status}">{s.status}</span><span>{who.lstrip(" ·")}</span></div>'
            f'<p class="text">{highlight(s.text, marks.get(s.id, []))}</p>'
        )
        if s.claims:
            items = []
            for k, claim in enumerate(s.claims):
                cid = claim.id or f"#{k + 1}"
                evidence = "; ".join(f"{e.type}: “{e.quote}”" for e in claim.evidence) or "none"
                cues = ", ".join(f"{c.kind} “{c.quote}”" for c in claim.hedge.cues) or "none"
                items.append(
                    f'<li class="claim k{k % len(PALETTE)}" id="{_claim_dom_id(s.id, cid)}" '
                    f'data-actor="{escape(claim.actor.ref)}" data-type="{claim.expectation.type}" '
                    f'data-certainty="{claim.hedge.certainty}">'
                    f'<span class="swatch" aria-hidden="true"></span> '
                    f"<strong>{escape(_summary(claim, names))}</strong><br>"
                    f"expects: “{escape(claim.expectation.quote)}” · evidence: {escape(evidence)}"
                    f" · cues: {escape(cues)}</li>"
                )
            body.append(
                f'<details class="claims"><summary>{len(s.claims)} claim(s)</summary>'
                f"<ul>{''.join(items)}</ul></details>"
            )
        body.append("</article>")
    return _page(f"{title} · claimset", "\n".join(body))


def _counts(counter: Counter[str], order: Sequence[str] | None = None) -> list[tuple[str, int]]:
    if order is not None:
        return [(k, counter[k]) for k in order if counter[k]]
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def index_page(
    docs: Sequence[CorpusDocument], titles: dict[str, str], actors: Sequence[Actor], name: str
) -> str:
    """The corpus: documents with their progress, progress per annotator, distributions."""
    names = {a.id: a.name for a in actors}
    types: Counter[str] = Counter()
    certainty: Counter[str] = Counter()
    holders: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    annotators: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    for doc in docs:
        status: Counter[str] = Counter(s.status for s in doc.sentences)
        statuses.update(status)
        claims = [c for s in doc.sentences for c in s.claims]
        for s in doc.sentences:
            if s.annotator:
                annotators[s.annotator][s.status] += 1
                annotators[s.annotator]["claims"] += len(s.claims)
        for c in claims:
            types[c.expectation.type] += 1
            certainty[c.hedge.certainty] += 1
            holders[names.get(c.actor.ref, c.actor.ref)] += 1
            evidence.update(e.type for e in c.evidence)
            cues.update(f"{' '.join(q.quote.lower().split())} ({q.kind})" for q in c.hedge.cues)
        finished = status["done"] + status["reviewed"]
        rows.append(
            f'<tr><td><a href="{page_name(doc.id)}">{escape(titles.get(doc.id, doc.id))}</a>'
            f'<br><span class="muted">{escape(doc.id)}</span></td>'
            f'<td class="num">{len(doc.sentences)}</td><td class="num">{len(claims)}</td>'
            f'<td class="bar-cell">{progress_bar(status)} '
            f"{finished}/{len(doc.sentences)} done or reviewed</td></tr>"
        )
    people = [
        f'<tr><td>{escape(who)}</td><td class="num">{c["done"]}</td>'
        f'<td class="num">{c["reviewed"]}</td><td class="num">{c["claims"]}</td></tr>'
        for who, c in sorted(annotators.items())
    ]
    charts = [
        bar_chart("Expectation types", _counts(types, EXPECTATION_TYPES), PALETTE[0]),
        bar_chart("Certainty", _counts(certainty, CERTAINTIES), PALETTE[2]),
        bar_chart("Actors holding claims", _counts(holders)[:15], PALETTE[4]),
        bar_chart("Evidence types", _counts(evidence, EVIDENCE_TYPES), PALETTE[1]),
        bar_chart("Hedge and booster cues", _counts(cues)[:20], PALETTE[3]),
        bar_chart("Sentence status", _counts(statuses, STATUSES), PALETTE[5]),
    ]
    body = [
        f"<h1>{escape(name)}</h1>",
        f'<p class="meta">{len(docs)} documents · {sum(statuses.values())} sentences · '
        f"{sum(types.values())} claims · {progress_bar(statuses)}</p>",
        "<h2>Documents</h2>",
        '<table><thead><tr><th>document</th><th class="num">sentences</th>'
        '<th class="num">claims</th><th>progress</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>",
        "<h2>Progress per annotator</h2>",
        '<table><thead><tr><th>annotator</th><th class="num">done</th>'
        '<th class="num">reviewed</th><th class="num">claims</th></tr></thead>'
        f"<tbody>{''.join(people) or '<tr><td colspan=4>nobody yet</td></tr>'}</tbody></table>",
        "<h2>Distributions</h2>",
        f'<div class="charts">{"".join(charts)}</div>',
    ]
    return _page(f"{name} · claimset", "\n".join(body))


def build_site(
    docs: Sequence[CorpusDocument],
    actors: Sequence[Actor],
    titles: dict[str, str] | None = None,
    name: str = "claimset corpus",
) -> tuple[dict[str, str], list[Problem]]:
    """Every page of the report, by file name, and the spans that could not be shown."""
    titles = titles or {}
    problems: list[Problem] = []
    pages = {INDEX: index_page(docs, titles, actors, name)}
    for doc in docs:
        pages[page_name(doc.id)] = document_page(doc, titles.get(doc.id, doc.id), actors, problems)
    return pages, problems
