"""Support markers between sentences (guidelines §13.1, test 2a and test 3): a claim stating
the consequence of the report before it, enumerated items and examples answering the claim
before the list, and the connectives that open a sentence. What each sentence offers as facts,
and the markers inside one sentence: `evidence.py`."""

from __future__ import annotations

from ..clauses import trim_span
from ..lexicons import Trie, lexicons, longest_match
from ..sentence import Sentence, skip_connectives
from ..types import Candidate
from .evidence import Fact

#: Verbs by which a claim states the consequence of a fact (*led to*, *has helped*, *reflects*).
CONSEQUENCE_VERBS = frozenset(
    [
        "led",
        "leads",
        "lead",
        "helped",
        "helps",
        "reflect",
        "reflects",
        "reflected",
        "resulted",
        "results",
        "contributed",
        "contributes",
        "caused",
        "causes",
        "enabled",
        "enables",
        "allowed",
        "allows",
        "spurred",
        "prompted",
        "fueled",
        "fuelled",
    ]
)


#: Words opening a subordinate clause before the main clause (*After the unrest led to his
#: ouster, Prabowo left the army*): a verb there is no statement of the sentence's own.
_SUBORDINATE_OPENERS = frozenset(
    [
        *("after", "before", "when", "once", "until", "as", "since", "while", "if"),
        *("although", "though", "because", "unless", "whereas"),
    ]
)


def consequence_claim(s: Sentence, cands: list[Candidate]) -> bool:
    """Whether the sentence opens with an author's claim stating a consequence (*Bilateral
    efforts led to the arrest of ...*, *And our ability to do so reflects ...*): test 3 counts a
    fact whose consequence the claim states as support, even when the claim refers back to it.
    A sentence opening with a subordinate clause does not (*After the unrest led to ...*)."""
    start = skip_connectives(s, 0, s.n)
    if start < s.n and s.low[start] in _SUBORDINATE_OPENERS:
        return False
    return any(
        c.frame == "author"
        and c.region[0] <= start
        and any(w in CONSEQUENCE_VERBS for w in s.low[c.region[0] : c.region[1]])
        for c in cands
    )


def opens_with(s: Sentence, trie: Trie, *, inside: bool = False) -> int:
    """Tokens of a marker that opens the sentence (past quotes and "And"), or with `inside`
    also one between commas or right after the subject early in the sentence; 0 if none."""
    k = 0
    while k < s.n and s.low[k] in ('"', "“", "(", "and"):
        k += 1
    m = longest_match(trie, s.low, k) if k < s.n and s.low[k] in trie else None
    if m is not None:
        return m[0]
    if inside:
        for t in range(k + 1, min(s.n, k + 10)):
            if (
                s.low[t] in trie.firsts
                and s.low[t] != "so"
                and (m := longest_match(trie, s.low, t))
            ):
                return m[0]
    return 0


def enumeration(s: Sentence) -> str | None:
    """ "first" when the sentence opens a list or gives an example ("First, ...", "For
    example, ..."), "next" for a later item ("Secondly, ..."), "instance" for an example
    marked inside the sentence ("Its exporters, for example, ..."), else None."""
    lex = lexicons()
    m = longest_match(lex.enumeration, s.low, 0) if s.n and s.low[0] in lex.enumeration else None
    if m is None or m[0] >= s.n or s.low[m[0]] != ",":
        return "instance" if _example_inside(s) else None
    return "first" if s.low[0] in ("first", "firstly", "for", "to", "a") else "next"


def _example_inside(s: Sentence) -> bool:
    """Whether *for example* or *for instance* stands between commas early in the sentence,
    after its subject or an opening adverbial (*Russian technology transfers, for example,
    could improve ...*): the sentence is an instance offered for the sentence right before it
    (test 2a)."""
    low = s.low
    return any(
        low[k - 1] == ","
        and low[k] == "for"
        and low[k + 1] in ("example", "instance")
        and low[k + 2] == ","
        for k in range(1, min(s.n - 2, 10))
    )


def item_fact(s: Sentence, cands: list[Candidate]) -> Fact | None:
    """An enumerated item, quoted by its first clause (guidelines §13.1, "How many links")."""
    if not cands:
        return None
    first = min(cands, key=lambda c: c.region[0])
    a = skip_connectives(s, 0, s.n)
    i, j = trim_span(s, (min(a, first.span[0]), first.span[1]))
    if i >= j:
        return None
    typ = "reasoning" if s.text.rstrip().endswith("?") else "example"
    return Fact(i, j, typ, rule="item")
