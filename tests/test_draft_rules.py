"""The drafter's rule registry and its rules, one test per rule module with its examples."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import claimset
import pytest
from claimset.draft import ActorIndex, draft_document, draft_sentence
from claimset.draft.lexicons import Lexicons, lexicons, load_lexicons
from claimset.draft.mentions import Mention
from claimset.draft.pipeline import STEPS, Analysis
from claimset.draft.registry import (
    COMPLEMENTS,
    HEDGE_RULES,
    REGISTRIES,
    Registry,
    RuleNameError,
    hedge_rule,
)
from claimset.draft.sentence import Sentence
from claimset.draft.types import Candidate
from draft_samples import fields, registry

# The package as imported: the tree's, or under `make mutation` the copy being mutated.
PACKAGE = Path(claimset.__file__).resolve().parent
LEXICONS = PACKAGE / "lexicons"

PARTIES = registry(
    "author",
    "russia",
    {
        "id": "south_korea",
        "name": "South Korea",
        "aliases": ["Seoul", "Korea"],
        "kind": "state",
    },
    "china",
    "india",
    {"id": "biz", "name": "the Australian business community", "kind": "group"},
)


def summary(text: str) -> list[tuple[Any, ...]]:
    """(holder, type, span quote, target, certainty, polarity) of each drafted claim."""
    return fields(
        draft_sentence(text, PARTIES, recent=("china",)),
        "holder",
        "type",
        "span",
        "target",
        "certainty",
        "polarity",
    )


# -- the registry ---------------------------------------------------------------------------------


def lexicon_entries(data: Any, group: str | None) -> list[dict[str, Any]]:
    entries = data["entries"]
    chosen = entries[group] if group is not None else entries
    return list(chosen["items"] if isinstance(chosen, dict) else chosen)


def lexicon_names(registry: Registry[Any]) -> set[str]:
    data = json.loads((LEXICONS / registry.lexicon).read_text("utf-8"))
    entries = lexicon_entries(data, registry.group)
    return {e[registry.field] for e in entries if e.get(registry.field) is not None}


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.kind)
def test_every_name_a_lexicon_uses_is_registered_and_every_rule_is_used(
    registry: Registry[Any],
) -> None:
    used = lexicon_names(registry)
    assert used <= set(registry)
    # No dead rule: each registered one is named by a lexicon ("any" is the default complement).
    assert set(registry) - used <= {"any"}


def misspell(
    tmp_path: Path, lexicon: str, field: str, old: str, new: str, group: str | None = None
) -> Path:
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    path = folder / lexicon
    data = json.loads(path.read_text("utf-8"))
    hits = [e for e in lexicon_entries(data, group) if e.get(field) == old]
    assert hits, (lexicon, field, old)
    hits[0][field] = new
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), "utf-8")
    return folder


@pytest.mark.parametrize(
    ("lexicon", "field", "old", "new", "entry", "group"),
    [
        ("hedges.json", "rule", "could-epistemic", "could-epistemc", "'could'", None),
        ("expectations.json", "frame", "holder-adj", "holder-adjective", "'serious about'", None),
        ("expectations.json", "needs", "that-near", "that_near", "'say'", None),
        ("actors.json", "rule", "ia-ian", "ia-ain", "'-ia -> -ian", "demonyms"),
    ],
)
def test_a_misspelt_rule_name_fails_loading_with_its_place_and_the_close_match(
    tmp_path: Path,
    lexicon: str,
    field: str,
    old: str,
    new: str,
    entry: str,
    group: str | None,
) -> None:
    folder = misspell(tmp_path, lexicon, field, old, new, group)
    with pytest.raises(RuleNameError) as caught:
        load_lexicons(folder)
    message = str(caught.value)
    assert f"lexicons/{lexicon}" in message and entry in message
    assert repr(new) in message and f"did you mean {old!r}?" in message
    assert isinstance(load_lexicons(LEXICONS), Lexicons)  # the shipped ones load


def test_a_misspelt_rule_name_fails_at_import(tmp_path: Path) -> None:
    copy = tmp_path / "claimset"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(copy / "lexicons")
    misspell(tmp_path, "hedges.json", "rule", "could-epistemic", "could-epistemc").rename(
        copy / "lexicons"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", "import claimset.draft"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "could-epistemc" in done.stderr and "did you mean 'could-epistemic'?" in done.stderr
    assert str(tmp_path) in done.stderr  # it was the copy that failed, not the installed package


def test_a_rule_name_registered_twice_fails_at_once() -> None:
    with pytest.raises(RuleNameError, match="'not-month' is registered twice"):

        @hedge_rule("not-month")
        def again(s: Sentence, i: int, j: int) -> bool:
            return True

    assert HEDGE_RULES["not-month"].applies.__name__ == "not_month"  # the first one stays
    fresh: Registry[int] = Registry("test rule", "hedges.json", "rule")
    fresh.add("one", 1)
    with pytest.raises(RuleNameError):
        fresh.add("one", 2)
    assert list(fresh) == ["one"] and "one" in fresh and "two" not in fresh


def test_every_syntax_group_is_loaded() -> None:
    groups = json.loads((LEXICONS / "syntax.json").read_text("utf-8"))["entries"]
    fields = {f.name for f in dataclasses.fields(Lexicons)}
    assert set(groups) <= fields
    assert all(getattr(lexicons(), group) for group in groups)


def test_pipeline_steps_declare_real_fields_in_the_documented_order() -> None:
    known = {
        "Analysis": {f.name for f in dataclasses.fields(Analysis)},
        "Candidate": {f.name for f in dataclasses.fields(Candidate)},
        "Mention": {f.name for f in dataclasses.fields(Mention)},
    }
    for step in STEPS:
        assert step.assigns and step.doc, step.name
        for name in step.assigns:
            owner, _, attr = name.partition(".")
            assert attr in known[owner], (step.name, name)
    assert [s.name for s in STEPS] == [
        "actors",
        "shared-names",
        "anaphors",
        "expectations",
        "coordination",
        "coordinated-holders",
        "outermost-cues",
        "experiencers",
        "judgements",
        "speaker-we",
        "hedges",
        "report-frames",
        "reported-contents",
        "questions",
        "context",
        "certainty",
        "targets",
    ]


# -- one test per rule module ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "word", "is_cue"),
    [
        ("not-month", "Russia may agree.", "may", True),
        ("not-month", "Talks resume in May.", "may", False),
        ("could-epistemic", "Russia could stop the war.", "could", True),
        ("could-epistemic", "Russia could not stop the war.", "could", False),
        ("should-epistemic", "The deal should be a win-win.", "should", True),
        ("should-epistemic", "Russia should withdraw.", "should", False),
        ("must-epistemic", "They must have known.", "must", True),
        ("must-epistemic", "They must leave.", "must", False),
        ("appear-epistemic", "Russia appears to waver.", "appears", True),
        ("appear-epistemic", "Putin appeared on television.", "appeared", False),
        ("followed-by-that", "The data suggest that Russia will win.", "suggest", True),
        ("followed-by-that", "The data suggest a trend.", "suggest", False),
        ("first-person", "I suppose Russia will win.", "suppose", True),
        ("first-person", "They suppose Russia will win.", "suppose", False),
        ("possible-adj", "A thaw is possible.", "possible", True),
        ("possible-adj", "Leave as soon as possible.", "possible", False),
        ("doubt-hedge", "Seoul doubts the plan.", "doubts", True),
        ("doubt-hedge", "There is no doubt about it.", "doubt", False),
        ("really-epistemic", "Moscow really wants a deal.", "really", True),
        ("really-epistemic", "It matters really much.", "really", False),
        ("clearly-manner", "Moscow clearly prefers a deal.", "clearly", True),
        ("clearly-manner", "The border is clearly demarcated.", "clearly", False),
    ],
)
def test_hedge_context_rules(name: str, text: str, word: str, is_cue: bool) -> None:
    s = Sentence(text)
    i = s.low.index(word)
    assert HEDGE_RULES[name].applies(s, i, i + 1) is is_cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hedge goes to the claim whose clause holds it; a negated one ("unlikely") negates.
        (
            "Russia will probably win.",
            [
                (
                    "author",
                    "prediction",
                    "Russia will probably win",
                    "russia",
                    "probable",
                    "positive",
                )
            ],
        ),
        (
            "Russia is unlikely to win.",
            [
                (
                    "author",
                    "prediction",
                    "Russia is unlikely to win",
                    "russia",
                    "probable",
                    "negative",
                )
            ],
        ),
        # A cue opening the sentence governs what follows; a frame makes it undecided.
        (
            "It is unclear whether Russia will win.",
            [("author", "prediction", "Russia will win", "russia", "underspecified", "positive")],
        ),
        # A cue in a relative clause makes that clause the author's claim.
        (
            "Russia, which might grow into a rival, hopes that Seoul will help.",
            [
                (
                    "author",
                    "prediction",
                    "which might grow into a rival",
                    "russia",
                    "possible",
                    "positive",
                ),
                ("author", "prediction", "Seoul will help", "south_korea", "certain", "positive"),
            ],
        ),
        # A party's "suggests that" is its attitude, not the author's hedge.
        (
            "Moscow suggests that Seoul will win.",
            [("russia", "prediction", "Seoul will win", "south_korea", "certain", "positive")],
        ),
    ],
)
def test_hedge(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the nearest party to the left of the cue
            "Seoul hopes that Moscow will help.",
            [("south_korea", "desire", "Moscow will help", "russia", "certain", "positive")],
        ),
        (  # a description of a registered group
            "Business leaders in Perth hope that Beijing will relent.",
            [("biz", "desire", "Beijing will relent", "china", "certain", "positive")],
        ),
        (  # an experiencer: "For X, ..."
            "For South Korea, consensus with Beijing is a prerequisite.",
            [
                (
                    "south_korea",
                    "belief",
                    "consensus with Beijing is a prerequisite",
                    "china",
                    "certain",
                    "positive",
                )
            ],
        ),
        (  # a possessive inside the object of an earlier verb is no holder
            "Seoul has joined Moscow's coalition and wants to host the talks.",
            [("south_korea", "desire", "host the talks", None, "certain", "positive")],
        ),
        (  # a possessive opening the subject is
            "Moscow's envoy offered to host the talks.",
            [("russia", "intention", "host the talks", None, "certain", "positive")],
        ),
    ],
)
def test_actor(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert summary(text) == expected


def test_a_persons_government_is_the_state() -> None:
    # "the Moon government", "his cabinet": the state the person leads (§14.2), never the person.
    index = ActorIndex(
        [
            {"id": "russia", "name": "Russia", "aliases": ["Moscow"], "kind": "state"},
            {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
            {"id": "moon", "name": "Moon Jae-in", "aliases": ["Moon"], "kind": "person"},
        ]
    )

    def holders_and_targets(text: str) -> list[tuple[str, str | None]]:
        drafted = draft_sentence(text, index, recent=("moon", "south_korea"))
        return [(c["actor"]["ref"], c["expectation"]["target"]) for c in drafted]

    assert holders_and_targets("The Moon government wants calm.") == [("south_korea", None)]
    assert holders_and_targets("Moscow fears the Moon administration will balk.") == [
        ("russia", "south_korea")
    ]
    assert holders_and_targets("His cabinet wants calm.") == [("south_korea", None)]
    assert holders_and_targets("The Moon Administration wants calm.") == [("south_korea", None)]
    # The person alone stays the person.
    assert holders_and_targets("Moon wants calm.") == [("moon", None)]


def test_a_document_speaks_for_the_party_that_issued_it() -> None:
    # "Seoul's Defence White Paper (DWP)": later "the DWP" is Seoul's voice; an abbreviation
    # introduced without an issuing party stays no party.
    texts = [
        "Seoul's new Defence White Paper (DWP) appeared in May.",
        "Moscow sent envoys.",
        "The DWP states that Beijing will rearm.",
    ]
    drafted = draft_document(texts, PARTIES)
    assert [(c["actor"]["ref"], c["actor"]["quote"]) for c in drafted[2] or []] == [
        ("south_korea", "The DWP")
    ]
    texts[0] = "The new Defence White Paper (DWP) appeared in May."
    drafted = draft_document(texts, PARTIES)
    assert "south_korea" not in [c["actor"]["ref"] for c in drafted[2] or []]


def test_demonym_rules() -> None:
    index = ActorIndex(
        [
            {"id": "russia", "name": "Russia", "kind": "state"},
            {"id": "korea", "name": "South Korea", "kind": "state"},
        ]
    )
    assert {form: ref for form, ref in index.forms.items() if len(form) < 3} == {
        ("Russia",): "russia",
        ("Russian",): "russia",
        ("Russians",): "russia",
        ("South", "Korea"): "korea",
        ("South", "Korean"): "korea",
        ("South", "Koreans"): "korea",
    }


def test_actor_first_person_quote() -> None:
    (claim,) = draft_sentence("In my view, Russia will lose.", PARTIES)
    assert claim["actor"] == {"ref": "author", "quote": "my", "start": 3, "end": 5}


@pytest.mark.parametrize(
    ("needs", "text", "span"),
    [
        ("that", "Seoul agrees that Moscow is right.", "Moscow is right"),
        ("that", "Seoul agrees a deal with Moscow.", None),
        ("after-would", "Seoul would like Moscow to stay.", "Moscow to stay"),
        ("after-would", "Seoul likes Moscow.", None),
        ("that-near", "Seoul warned Moscow that the deal is dead.", "the deal is dead"),
        ("as-or-actor", "Seoul sees Moscow.", "sees Moscow"),
        (
            "as",
            "Seoul described the visit as a provocation.",
            "described the visit as a provocation",
        ),
        ("as", "Seoul described the visit.", None),
        ("obj-to", "Seoul asked Moscow to withdraw.", "Moscow to withdraw"),
        ("obj-to", "Seoul asked a question.", None),
        ("naming", "Seoul called the pact a threat.", "called the pact a threat"),
        (
            "gerund",
            "Seoul speaks of stabilising the relationship.",
            "speaks of stabilising the relationship",
        ),
        ("gerund", "Seoul speaks of a crisis.", None),
    ],
)
def test_complements(needs: str, text: str, span: str | None) -> None:
    assert needs in COMPLEMENTS
    party = [c[2] for c in summary(text) if c[0] == "south_korea"]
    assert party == ([span] if span else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul was seen as a partner.",  # passive: the implicit holder, the subject's target
            [("china", "belief", "seen as a partner", "south_korea", "certain", "positive")],
        ),
        (
            "Seoul does not want Moscow to win.",
            [("south_korea", "desire", "Moscow to win", "russia", "certain", "negative")],
        ),
        (
            "Seoul warned Moscow that the deal is dead.",
            [("south_korea", "belief", "the deal is dead", "russia", "certain", "positive")],
        ),
        # An offer of one's own action is an intention, its span after "to" (§7.1); an offer
        # of a thing is no attitude.
        (
            "Seoul offered to host the talks.",
            [
                (
                    "south_korea",
                    "intention",
                    "host the talks",
                    None,
                    "certain",
                    "positive",
                )
            ],
        ),
        ("Seoul offered full support to Moscow.", []),
        # A participle right after a common noun describes it (a reduced relative): no claim.
        ("Seoul took part in talks seeking to calm Moscow.", []),
        ("Seoul has backed projects aimed at cutting costs.", []),
        # Not after a verb, a pronoun, or with a that-clause: the verb's own claim.
        (
            "Seoul keeps seeking to calm Moscow.",
            [("south_korea", "intention", "calm Moscow", "russia", "certain", "positive")],
        ),
        (
            "Moscow spoke and said it hoped to calm Seoul.",
            [("russia", "desire", "calm Seoul", "south_korea", "certain", "positive")],
        ),
        (
            "Seoul issued a statement asserting that Moscow will pay.",
            [("south_korea", "prediction", "Moscow will pay", "russia", "certain", "positive")],
        ),
    ],
)
def test_expectation_verbs(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # A commitment made jointly or under an agreement states its terms: a report.
        ("In the treaty, the two sides pledged to expand trade.", []),
        ("Seoul and Moscow pledged to expand trade.", []),
        ("Under the accord, Seoul agreed to cut tariffs.", []),
        # One party's own promise is its intention, also past an insertion naming two others.
        ("Seoul pledged to expand trade.", ["intention"]),
        ("Seoul, which holds Russian and Indian bonds, has vowed to expand trade.", ["intention"]),
        # A verb of pressure in the infinitive of a narrated act's purpose: no demand.
        ("Seoul used tariffs and other measures to pressure Moscow to act.", []),
        ("Seoul imposed duties in an effort to compel Moscow to act.", []),
        # As the predicate, or after a verb, it is a demand (an attitude holds it).
        ("Seoul pressured Moscow to act.", ["demand"]),
        ("Seoul tried to pressure Moscow to act.", ["demand"]),
        ("Seoul wants to pressure Moscow to act.", ["desire"]),
        # A participle right after a common noun modifies it: no claim (§4.3) ...
        ("Seoul took part in past talks seeking to persuade Moscow to act.", []),
        ("Seoul has joined several initiatives aimed at securing mineral supplies.", []),
        # ... after a party, an auxiliary or a comma it is a verb, and a statement speaks.
        ("Seoul is seeking to persuade Moscow.", ["intention"]),
        ("Seoul issued a statement asserting that it would cut tariffs.", ["intention"]),
        # An attitude verb in a relative clause inside a noun phrase makes no claim (§4.3).
        ("Seoul endorsed Kim, who has vowed to restore ties with Moscow.", ["desire"]),
        ("Seoul has vowed to restore ties with Moscow.", ["intention"]),
        ("Seoul signed an agreement that expects to see more trade.", []),
        ("Seoul wants a deal that Moscow hopes to sign.", ["desire"]),
        # After "a", a bare attitude word ending a compound is the noun; a verb would take -s.
        ("Seoul announced a February 2026 action plan on minerals.", []),
        ("A Russian minister plans to visit Seoul.", ["intention"]),
        # "while" before an attitude participle opens a claim of its own (a demand here) ...
        (
            "Seoul supports continued cooperation while urging Moscow to adopt a new approach.",
            ["desire", "demand"],
        ),
        # ... before another participle it opens no clause.
        ("Seoul keeps the border quiet while expanding trade.", []),
        # An infinitive is bare: a word in -s after "to" is a noun.
        ("Seoul tied the aid to demands on trade.", []),
        ("Seoul wants to demand more.", ["desire"]),
    ],
)
def test_joint_commitments_purposes_and_nouns_make_no_party_claim(
    text: str, types: list[str]
) -> None:
    assert [typ for holder, typ, *_ in summary(text) if holder != "author"] == types


OWN_STATE = registry(
    "author",
    {"id": "russia", "name": "Russia", "kind": "state"},
    {"id": "china", "name": "China", "kind": "state"},
    {
        "id": "putin",
        "name": "Vladimir Putin",
        "aliases": ["Putin", "Russian President Vladimir Putin"],
        "kind": "person",
    },
)


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # A speaker's prediction about its own state's conduct declares its course (§4.5) ...
        ("Putin has said Russia might help China build satellites.", "intention"),
        # ... about another party's, it stays a prediction.
        ("Putin has said China might help Russia build satellites.", "prediction"),
    ],
)
def test_a_speakers_own_state_is_its_own_conduct(text: str, typ: str) -> None:
    claims = draft_sentence(text, OWN_STATE)
    assert [c["expectation"]["type"] for c in claims] == [typ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "New Delhi is eager to expand trade.",
            [("india", "desire", "expand trade", None, "certain", "positive")],
        ),
        (
            "Moscow's priority is to sell more gas.",
            [("russia", "desire", "sell more gas", None, "certain", "positive")],
        ),
        # Stance adjectives of concern or distrust keep their holder (not the author's belief).
        (
            "Seoul is uneasy about the new base.",
            [("south_korea", "belief", "uneasy about the new base", None, "certain", "positive")],
        ),
        (
            "New Delhi is wary of any deal with Beijing.",
            [("india", "belief", "wary of any deal with Beijing", "china", "certain", "positive")],
        ),
        (
            "Seoul is sceptical that trade will recover.",
            [("south_korea", "prediction", "trade will recover", None, "certain", "positive")],
        ),
        # Not a stance: "as far as X is concerned" takes no complement.
        (
            "As far as Seoul is concerned, the deal is dead.",
            [("author", "belief", "the deal is dead", None, "certain", "positive")],
        ),
    ],
)
def test_expectation_stance(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia should withdraw.",
            [("author", "obligation", "Russia should withdraw", "russia", "certain", "positive")],
        ),
        (
            "It is essential that Moscow withdraws.",
            [("author", "obligation", "Moscow withdraws", "russia", "certain", "positive")],
        ),
        (
            "The sensible course for Moscow is to keep talking.",
            [("author", "obligation", "keep talking", "russia", "certain", "positive")],
        ),
        # A modal right after a relative pronoun: the span starts at the pronoun (§7.1), the
        # target is its antecedent when that is a party.
        (
            "They grew closer in ways that may erode trade.",
            [("author", "prediction", "that may erode trade", None, "possible", "positive")],
        ),
        (
            "Seoul signed a deal, which may anger Moscow.",
            [("author", "prediction", "which may anger Moscow", "russia", "possible", "positive")],
        ),
        # A relative clause with its own subject starts at that subject.
        (
            "Seoul signed a deal that Moscow may reject.",
            [("author", "prediction", "Moscow may reject", "russia", "possible", "positive")],
        ),
        (  # past inability: a report, no prediction
            "Russia could not stop the war.",
            [
                (
                    "author",
                    "belief",
                    "Russia could not stop the war",
                    "russia",
                    "certain",
                    "negative",
                )
            ],
        ),
    ],
)
def test_expectation_author(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert summary(text) == expected


def test_coordination() -> None:
    assert summary("Seoul hopes that Moscow will help it and employ whatever leverage it has.") == [
        ("south_korea", "desire", "Moscow will help it", "russia", "certain", "positive"),
        (
            "south_korea",
            "desire",
            "employ whatever leverage it has",
            "russia",
            "certain",
            "positive",
        ),
    ]
    # "won't" and "will not" are the same modal: the author's own prediction, same target.
    wont = summary("Russia is cautious, and won't side with Pyongyang.")
    will_not = summary("Russia is cautious, and will not side with Pyongyang.")
    assert [c[3] for c in wont] == [c[3] for c in will_not] == ["russia", "russia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A limited thaw is possible.",
            [("author", "prediction", "A limited thaw is possible", None, "possible", "positive")],
        ),
        ("India needs the electricity.", []),  # an objective need is a fact
        ("The talks ended in 2019.", []),  # a past report
        # A causal verb or a graduated change judges the past; a leader ahead is a report.
        (
            "Moscow's veto helped Beijing in 2019.",
            [
                (
                    "author",
                    "belief",
                    "Moscow's veto helped Beijing in 2019",
                    "russia",
                    "certain",
                    "positive",
                )
            ],
        ),
        (
            "Trade with Seoul shifted dramatically in 2019.",
            [
                (
                    "author",
                    "belief",
                    "Trade with Seoul shifted dramatically in 2019",
                    "south_korea",
                    "certain",
                    "positive",
                )
            ],
        ),
        ("Seoul led the rankings from 2015 until 2019.", []),
        # A modal in a relative clause describes a noun: past narration stays a report.
        ("In 2019, Moscow vetoed a bill that would have renewed the mandate.", []),
        (
            "In 2019, Moscow vetoed a bill and would do it again.",
            [
                (
                    "author",
                    "prediction",
                    "would do it again",
                    "russia",
                    "certain",
                    "positive",
                )
            ],
        ),
        # A prepositional phrase between commas is no clause of its own.
        ("In May 2019, during Moscow's visit to Seoul, the two signed a memorandum.", []),
        ("The summit produced a text which reflected Seoul's view in 2019.", []),
    ],
)
def test_judgement(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Seoul hopes that Moscow will help.", "russia"),  # a party named in the span
        ("Seoul hopes for peace between Russia and Korea.", None),  # named jointly: none
        ("Seoul resents this balancing act.", "china"),  # refers back: the context's party
        ("Seoul hopes to revive Seoul-Moscow ties.", "russia"),  # the holder's partner
        ("Seoul hopes to revive Moscow-Beijing ties.", None),  # a pair without the holder
        ("Four members (including Moscow) will trade more.", None),  # a bracketed inclusion
        ("Moscow will trade more.", "russia"),
    ],
)
def test_target(text: str, target: str | None) -> None:
    assert [c[3] for c in summary(text)] == [target]


def test_evidence() -> None:
    (claim, reason) = draft_sentence("Russia intends to win, because its army is larger.", PARTIES)
    assert [e["quote"] for e in claim["evidence"]] == ["its army is larger"]
    assert claim["evidence"][0]["type"] == "reasoning" and reason["evidence"] == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # An abbreviation's full stop ends no clause (the splitter's abbreviations, acronyms,
        # initials); a number keeps its separators.
        (
            "The government led by Mr. Khan has done it to calm Moscow.",
            "The government led by Mr. Khan has done it to calm Moscow",
        ),
        ("The U.S. will not agree.", "The U.S. will not agree"),
        ("Moscow will send over 10,000 troops.", "Moscow will send over 10,000 troops"),
        (
            "Seoul will back the act that Gen. W. Park drafted.",
            "Seoul will back the act that Gen. W. Park drafted",
        ),
        # A bracketed insertion and a comma pair between subject and verb interrupt the clause.
        (
            "Russia may be deepening ties with Seoul (as well as Beijing) partly to win leverage.",
            "Russia may be deepening ties with Seoul (as well as Beijing) partly to win leverage",
        ),
        (
            "In fact, the proposals, drafted last spring and revised twice, were never tabled.",
            "the proposals, drafted last spring and revised twice, were never tabled",
        ),
        ("The deal, a compromise, will hold.", "The deal, a compromise, will hold"),
        # An "as" opening a finite clause after the main one ends it (time or cause) ...
        (
            "The talks arguably strengthened Moscow as its use of drones and mines grew.",
            "The talks arguably strengthened Moscow",
        ),
        # ... not "as" before a noun phrase, with a relative clause or a second predicate.
        (
            "Seoul clearly regards the base as a threat that has grown.",
            "regards the base as a threat that has grown",
        ),
    ],
)
def test_sentence_boundaries_respect_abbreviations_and_insertions(text: str, quote: str) -> None:
    assert [c[2] for c in summary(text)] == [quote]


def test_a_comma_after_a_subject_with_its_verb_is_still_a_boundary() -> None:
    s = Sentence("Seoul trusts Moscow, which wants calm, and Beijing agrees.")
    assert s.stop[s.low.index(",")]  # a relative clause after the verb's object: cut
    s = Sentence("Seoul agreed, the talks resumed, and trade grew.")
    assert s.stop[s.low.index(",")]


@pytest.mark.parametrize(
    ("text", "cues", "claims"),
    [
        # Guidelines v1.3 Appendix B: boosters of real writing, never claims of their own.
        ("Make no mistake, Moscow will retaliate.", [("Make no mistake", "booster")], 1),
        ("As it happens, Moscow will retaliate.", [("As it happens", "booster")], 1),
        ("The hard fact is that Moscow will retaliate.", [("The hard fact is", "booster")], 1),
        (
            "There is little question that Moscow will retaliate.",
            [("There is little question that", "booster")],
            1,
        ),
        ("Russia has been accused of arming Seoul.", [("has been accused of", "hedge")], 1),
        ("Russia is suspected of arming Seoul.", [("is suspected of", "hedge")], 1),
        # Attributive "possible" is no cue; predicative "possible" is.
        ("Seoul could assess possible effects of the deal.", [("could", "hedge")], 1),
        ("A limited thaw is possible.", [("possible", "hedge")], 1),
        # Hyland (2005) and CoNLL-2010 frames (Appendix B, v1.3): over a clause only.
        ("The fact is that Moscow will retaliate.", [("The fact is", "booster")], 1),
        ("The truth is, Moscow will retaliate.", [("The truth is", "booster")], 1),
        ("The fact is unknown.", [], 1),
        ("The odds are that Moscow will retaliate.", [("The odds are", "hedge")], 1),
        ("Without question, Moscow will retaliate.", [("Without question", "booster")], 1),
        ("To be sure, Moscow will retaliate.", [("To be sure", "booster")], 1),
        ("Seoul wants to be sure that trade will recover.", [], 1),
        ("Moscow will almost certainly retaliate.", [("almost certainly", "hedge")], 1),
        ("It is conceivable that Moscow will retaliate.", [("It is conceivable that", "hedge")], 1),
        # Frames that leave a question open: with the question only.
        ("Nobody knows whether Moscow will retaliate.", [("Nobody knows", "hedge")], 1),
        (
            "It is too soon to say whether trade will recover.",
            [("It is too soon to say", "hedge")],
            1,
        ),
        ("Whether Seoul will accept is anyone's guess.", [("is anyone's guess", "hedge")], 1),
        ("Nobody knows the answer.", [], 1),
        # A frame before a colon governs the clause after it, also a plain report.
        ("Make no mistake: Moscow started this war.", [("Make no mistake", "booster")], 1),
        ("Let us be clear: Moscow started this war.", [("Let us be clear", "booster")], 1),
        ("Moscow is almost certain to retaliate.", [("is almost certain to", "hedge")], 1),
    ],
)
def test_cue_phrases_of_real_writing(text: str, cues: list[tuple[str, str]], claims: int) -> None:
    drafted = draft_sentence(text, PARTIES)
    assert len(drafted) == claims
    assert [(c["quote"], c["kind"]) for c in drafted[0]["hedge"]["cues"]] == cues


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        # Coordinated parties as the subject: one claim each, with its own actor quote (§14.3).
        ("Moscow and Beijing feared that the deal would collapse.", ["Moscow", "Beijing"]),
        ("Russia, China, and India want calm.", ["Russia", "China", "India"]),
        # Not a list: a comma after an adjunct, a joint phrase after "between".
        ("In the end, Beijing, Seoul wants calm.", ["Seoul"]),
        ("Talks between Russia and China want calm.", ["China"]),
    ],
)
def test_coordinated_holders(text: str, holders: list[str]) -> None:
    drafted = draft_sentence(text, PARTIES)
    assert [c["actor"]["quote"] for c in drafted] == holders
    assert len({c["expectation"]["quote"] for c in drafted}) == 1


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # An attitude word heading a noun phrase is no verb.
        ("No detailed plan has been published.", []),
        ("The demands were ignored.", []),
        ("Moscow's plan to sell gas failed.", []),
        # Verbs stay verbs, also after a demonym and an agent noun.
        ("Seoul plans to expand trade.", [("south_korea", "intention", "expand trade")]),
        (
            "A Russian official told reporters that Moscow would retaliate.",
            [("russia", "intention", "Moscow would retaliate")],
        ),
    ],
)
def test_nouns_are_not_read_as_verbs(text: str, claims: list[tuple[str, str, str]]) -> None:
    assert [c[:3] for c in summary(text)] == claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An epistemic modal about the past or present is a belief (§8.1), about the future a
        # prediction.
        ("Russia may have gained useful information.", ("author", "belief")),
        ("Russia may be strengthening ties with Seoul.", ("author", "belief")),
        ("The partnership may reflect Russia's attempt to return.", ("author", "belief")),
        ("The missiles may not be as accurate as Russia's.", ("author", "belief")),
        ("Russia may win the war.", ("author", "prediction")),
        # "will need to" is the need's obligation; an optative "may" is no claim.
        ("Seoul and Moscow will also need to ensure calm.", ("author", "obligation")),
        ("Mr. Park was honoured in 2010, may he rest in peace.", None),
        # A modal inside an embedded question says nothing of the claim's time.
        ("These are truths about how our democracies will grow.", ("author", "belief")),
        # "consider" + a course of action deliberates: the author's prediction (v1.3 #19).
        ("Seoul could consider examining the response.", ("author", "prediction")),
        ("Seoul considers the pact a threat.", ("south_korea", "belief")),
    ],
)
def test_author_modal_types(text: str, expected: tuple[str, str] | None) -> None:
    got = summary(text)
    assert (got[0][:2] if got else None) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A clause-opening "as" with its comma is a frame, not asserted.
        ("As we take these steps, Seoul must act.", ["Seoul must act"]),
        ("As part of the deal, Seoul will act.", ["Seoul will act"]),
        # Not a cue phrase, not "as well as".
        ("As it happens, Seoul will act.", ["Seoul will act"]),
    ],
)
def test_an_opening_as_clause_is_not_asserted(text: str, spans: list[str]) -> None:
    assert [c[2] for c in summary(text)] == spans


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # Lists stay in the span (§7.2), with a serial comma too; so do inclusions and a
        # repeated preposition.
        (
            "Seoul could authorize, prohibit, or condition the sale.",
            "Seoul could authorize, prohibit, or condition the sale",
        ),
        (
            "Seoul could review the sanctions, as well as efforts to enforce them.",
            "Seoul could review the sanctions, as well as efforts to enforce them",
        ),
        (
            "Seoul will back the talks, including a ban on arms sales.",
            "Seoul will back the talks, including a ban on arms sales",
        ),
        (
            "The partnership is one of intention, of choice.",
            "The partnership is one of intention, of choice",
        ),
    ],
)
def test_lists_and_inclusions_stay_in_the_span(text: str, quote: str) -> None:
    assert [c[2] for c in summary(text)] == [quote]


def test_clauses_after_a_serial_comma_are_still_clauses() -> None:
    spans = [c[2] for c in summary("Seoul will act, Beijing will wait, and Moscow will watch.")]
    assert spans == ["Seoul will act", "Beijing will wait", "Moscow will watch"]
    # Infinitives of a recommendation are one claim each.
    assert len(summary("The sensible course for Seoul is to talk, to wait, and to trade.")) == 3


SPEAKERS = registry("author", "russia", "south_korea", "putin")


@pytest.mark.parametrize(
    "texts",
    [
        # The speaker before the opening mark, or after the closing one.
        ["Putin said: “We will not stop.", "The West could still change course.”"],
        ["“We will not stop.", "The West could still change course,” Putin said."],
    ],
)
def test_a_quotation_over_sentences_keeps_its_speaker(texts: list[str]) -> None:
    from claimset.draft import draft_document

    out = draft_document([*texts, "Seoul will wait."], SPEAKERS)
    inside = [c for claims in out[:2] for c in claims or []]
    assert inside and {c["actor"]["ref"] for c in inside} == {"putin"}
    # The speaker's "could" is no cue of the author's; "we" is not the author.
    assert all(c["hedge"] == {"certainty": "certain", "cues": []} for c in inside)
    after = out[2]
    assert after is not None and after[0]["actor"]["ref"] == "author"  # the quotation closed


def test_a_party_named_inside_a_quotation_keeps_its_claim_and_no_speaker_no_change() -> None:
    from claimset.draft import draft_document

    out = draft_document(["Putin said: “Seoul wants calm.", "Talks may resume.”"], SPEAKERS)
    assert out[0] is not None and out[0][-1]["actor"]["ref"] == "south_korea"
    # Without a speech verb or a named speaker the author keeps the claims.
    out = draft_document(["“Talks may resume.", "Seoul may agree.”"], SPEAKERS)
    assert all(c["actor"]["ref"] == "author" for claims in out for c in claims or [])


@pytest.mark.parametrize(
    ("text", "expected", "cues"),
    [
        # Epistemic "must" (a conclusion) is a booster on the author's belief, not an obligation.
        (
            "Moscow must be calculating that Seoul will not respond.",
            ("author", "belief", "Moscow must be calculating that Seoul will not respond"),
            [("must", "booster")],
        ),
        (
            "Moscow must be nervous.",
            ("author", "belief", "Moscow must be nervous"),
            [("must", "booster")],
        ),
        ("Moscow must withdraw.", ("author", "obligation", "Moscow must withdraw"), []),
        (
            "Moscow must be ready to talk.",
            ("author", "obligation", "Moscow must be ready to talk"),
            [],
        ),
        # "My view would be that P": a frame; P is judged alone.
        ("My view would be that Seoul is right.", ("author", "belief", "Seoul is right"), []),
        (
            "My view would be that Seoul will agree.",
            ("author", "prediction", "Seoul will agree"),
            [],
        ),
    ],
)
def test_epistemic_must_and_view_frames(
    text: str, expected: tuple[str, str, str], cues: list[tuple[str, str]]
) -> None:
    drafted = draft_sentence(text, PARTIES)
    assert summary(text)[0][:3] == expected
    assert [(c["quote"], c["kind"]) for c in drafted[0]["hedge"]["cues"]] == cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a law, bill or resolution does or would do is its content, a report (v1.3 #16).
        ("These resolutions broadly restrict trade with Seoul.", []),
        ("The bill would require the executive branch to act.", []),
        ("The law will collapse.", [("author", "prediction", "The law will collapse")]),
        # ... also past what completes or sets off its name, and in a coordinated predicate.
        ("The Defense Act for Fiscal Year 2026 (P.L. 119-60) requires Seoul to report.", []),
        (
            "The Seoul Support Act (H.R. 12), which passed in June, contains a requirement and "
            "would expand sanctions.",
            [],
        ),
        ("Article 3 of the treaty calls for each side to provide assistance.", []),
        # A capitalised attitude word inside a sentence is a word of a name, not the verb.
        (
            "Seoul backs the Moscow Support Fund.",
            [("south_korea", "desire", "backs the Moscow Support Fund")],
        ),
        # Past its insertions, and for a predicate coordinated after the instrument's first.
        ("The bill (S. 12), which passed in May, would expand sanctions.", []),
        ("The act lists ten firms and would expand sanctions.", []),
        (
            "Seoul passed the act and would expand sanctions.",
            [("author", "prediction", "would expand sanctions")],
        ),
        # Evaluative verbs are beliefs; support and opposition are desires (v1.3 #20).
        (
            "Seoul has criticized Moscow's policies publicly.",
            [("south_korea", "belief", "criticized Moscow's policies publicly")],
        ),
        (
            "Seoul opposed unilateral military actions.",
            [("south_korea", "desire", "opposed unilateral military actions")],
        ),
        (
            "Seoul assessed that Moscow would not respond.",
            [("south_korea", "prediction", "Moscow would not respond")],
        ),
        (
            "Seoul interpreted the move as a threat.",
            [("south_korea", "belief", "interpreted the move as a threat")],
        ),
    ],
)
def test_instruments_and_evaluative_verbs(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [c[:3] for c in summary(text)] == expected


# -- a short name two persons share (rules/actor.py, `shared_name`) ------------------------------

NAMESAKES = registry(
    "japan",
    "south_korea",
    {
        "id": "park_chung_hee",
        "name": "Park Chung-hee",
        "aliases": ["Park", "President Park"],
        "kind": "person",
    },
    {
        "id": "park_geun_hye",
        "name": "Park Geun-hye",
        "aliases": ["President Park Geun-hye"],
        "kind": "person",
    },
    {"id": "kishida", "name": "Fumio Kishida", "aliases": ["Kishida"], "kind": "person"},
)


def holders(texts: list[str], starts: list[bool] | None = None) -> list[list[str]]:
    drafted = draft_document(texts, NAMESAKES, paragraph_starts=starts)
    return [[c["actor"]["ref"] for c in claims or []] for claims in drafted]


def test_a_shared_short_name_is_shared_by_the_persons_whose_names_hold_it() -> None:
    assert NAMESAKES.shared == {
        ("Park",): ("park_chung_hee", "park_geun_hye"),
        ("President", "Park"): ("park_chung_hee", "park_geun_hye"),
    }
    # The registry's own full forms stay one person's; a state's short name is no person's.
    assert ("Park", "Geun", "-", "hye") not in NAMESAKES.shared
    assert NAMESAKES.full_names("Park Geun-hye met President Park Chung-hee's widow.") == [
        "park_geun_hye",
        "park_chung_hee",
    ]
    assert NAMESAKES.full_names("President Park met Kishida.") == []


@pytest.mark.parametrize(
    ("texts", "starts", "expected"),
    [
        (  # named in full in an earlier sentence: the short name is that person
            ["Park Geun-hye took office in 2013.", "Park hoped that Tokyo would apologise."],
            None,
            [[], ["park_geun_hye"]],
        ),
        (  # no one named in full: the registry's owner of the alias
            ["The talks resumed in 2013.", "Park hoped that Tokyo would apologise."],
            None,
            [[], ["park_chung_hee"]],
        ),
        (  # the most recent full name wins
            [
                "Park Geun-hye took office in 2013.",
                "Park Chung-hee had signed the 1965 treaty.",
                "President Park wanted Tokyo to pay.",
            ],
            None,
            [[], [], ["park_chung_hee"]],
        ),
        (  # a full name later in the same paragraph counts
            ["President Park wants Tokyo to apologise.", "Park Geun-hye said so in March."],
            [True, False],
            [["park_geun_hye"], []],
        ),
        (  # but not one in the next paragraph
            ["President Park wants Tokyo to apologise.", "Park Geun-hye said so in March."],
            [True, True],
            [["park_chung_hee"], []],
        ),
        (  # in one sentence, the full name nearest before the short one
            ["After Park Geun-hye won, Park hoped that Tokyo would apologise."],
            None,
            [["park_geun_hye"]],
        ),
    ],
)
def test_a_shared_short_name_names_the_person_named_in_full_nearest_before(
    texts: list[str], starts: list[bool] | None, expected: list[list[str]]
) -> None:
    assert holders(texts, starts) == expected


def test_an_unshared_name_keeps_its_person() -> None:
    # Kishida's surname is nobody else's: the persons named around it change nothing.
    texts = ["Park Geun-hye took office in 2013.", "Kishida hoped that Seoul would relent."]
    assert holders(texts) == [[], ["kishida"]]


def test_an_unknowable_frame_needs_an_open_question() -> None:
    """*Nobody knows whether P* leaves P open; *why* leaves only the reason open (no cue)."""
    from claimset.draft.rules.hedge import hedge_cues
    from claimset.draft.sentence import Sentence

    def cues(text: str) -> list[str]:
        s = Sentence(text)
        return [" ".join(s.toks[c.start : c.end]) for c in hedge_cues(s)]

    assert cues("Nobody knows whether Seoul will leave.") == ["Nobody knows"]
    assert cues("Nobody knows why Seoul left.") == []
