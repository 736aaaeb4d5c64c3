"""Clause boundaries, spans, types and targets of the drafter on sentences written for them.

Each test names the guidelines' rule it holds and gives examples and non-examples of our own
(no sentence of the real essays under corpus/).
"""

from __future__ import annotations

from typing import Any

from claimset.draft import ActorIndex, draft_document, draft_sentence
from claimset.draft.sentence import Sentence
from draft_samples import fields, registry

PARTIES = registry(
    "author",
    "russia",
    "south_korea",
    {"id": "north_korea", "name": "North Korea", "aliases": ["Pyongyang"], "kind": "state"},
    "japan",
    "china",
)


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, type, span quote, target) of each drafted claim, in text order."""
    return fields(draft_sentence(text, PARTIES), "holder", "type", "span", "target")


def test_no_claim_for_a_concession_or_premise_after_a_condition_or_a_coordinator() -> None:
    # §4.3: conditions, concessions and premises are not asserted, also one after another and
    # after ", and" / ", but".
    assert claims("If Tokyo wins, although Beijing will object, Seoul will probably lose.") == [
        ("author", "prediction", "Seoul will probably lose", "south_korea")
    ]
    assert claims("Seoul is weak, and as Tokyo has withdrawn, Beijing will lose.") == [
        ("author", "belief", "Seoul is weak", "south_korea"),
        ("author", "prediction", "Beijing will lose", "china"),
    ]
    assert claims("Seoul is weak, but if Tokyo withdraws, Beijing will lose.") == [
        ("author", "belief", "Seoul is weak", "south_korea"),
        ("author", "prediction", "Beijing will lose", "china"),
    ]
    # Non-examples: a coordinated main clause is asserted; an "as" without its comma opens
    # no premise.
    assert claims("Seoul is weak, and Tokyo will surely win.") == [
        ("author", "belief", "Seoul is weak", "south_korea"),
        ("author", "prediction", "Tokyo will surely win", "japan"),
    ]


def test_a_connective_set_off_by_commas_at_the_end_of_a_clause_is_shell() -> None:
    # §7: connectives are shell; ", however, and" still coordinates two clauses or predicates
    # (§5), as ", and" does.
    assert claims("Seoul will hold, however, and Tokyo will not.") == [
        ("author", "prediction", "Seoul will hold", "south_korea"),
        ("author", "prediction", "Tokyo will not", "japan"),
    ]
    assert claims("Seoul will hold, for its part, and Tokyo will follow.") == [
        ("author", "prediction", "Seoul will hold", "south_korea"),
        ("author", "prediction", "Tokyo will follow", "japan"),
    ]
    assert claims("Seoul will hold the line, however, and keep the talks going.") == [
        ("author", "prediction", "Seoul will hold the line", "south_korea"),
        ("author", "prediction", "keep the talks going", "south_korea"),
    ]
    assert claims("Seoul will hold the line, in fact.") == [
        ("author", "prediction", "Seoul will hold the line", "south_korea")
    ]
    # Non-example: a connective inside the clause stays (spans are contiguous, §7.2).
    assert claims("Seoul, however, will hold.") == [
        ("author", "prediction", "Seoul, however, will hold", "south_korea")
    ]


def test_a_leading_adverbial_without_a_comma_is_shell() -> None:
    # §7.1: the author's span starts at the clause's subject; a leading bracket, adverb in -ly
    # or short prepositional phrase stays out, also without its comma.
    assert claims("(For now) Seoul will hold, but Tokyo will not.") == [
        ("author", "prediction", "Seoul will hold", "south_korea"),
        ("author", "prediction", "Tokyo will not", "japan"),
    ]
    assert claims("Ultimately Seoul will lose.") == [
        ("author", "prediction", "Seoul will lose", "south_korea")
    ]
    assert claims("For now Seoul will wait.") == [
        ("author", "prediction", "Seoul will wait", "south_korea")
    ]
    assert claims("Under the new law the ministry must publish its data.") == [
        ("author", "obligation", "the ministry must publish its data", None)
    ]
    # Non-examples: "Only" is no sentence adverb; a name right after a name is no new subject;
    # a future frame stays, as it makes ability a prediction (§8.2).
    assert claims("Only Seoul will lose.") == [
        ("author", "prediction", "Only Seoul will lose", "south_korea")
    ]
    assert claims("In North Korea Pyongyang will act.")[0][2] == "In North Korea Pyongyang will act"
    assert claims("In the long run Seoul can win.") == [
        ("author", "prediction", "In the long run Seoul can win", "south_korea")
    ]


def test_a_predicate_split_off_by_coordination_targets_the_shared_subject() -> None:
    # §9 rule 3: the agent of the second predicate is the subject both share, not the first
    # predicate's object; over a list of predicates too.
    assert claims("Russia will help North Korea and may send troops to Japan.") == [
        ("author", "prediction", "Russia will help North Korea", "russia"),
        ("author", "prediction", "may send troops to Japan", "russia"),
    ]
    text = (
        "Russia reportedly has unfrozen the assets of North Korea, is facilitating Pyongyang's "
        "access to the banks, and hosts DPRK workers possibly in violation of the sanctions."
    )
    assert [c[3] for c in claims(text)] == ["russia", "russia"]


def test_a_party_named_as_a_foil_is_no_target() -> None:
    # §9 rule 3: "rather than, instead of, unlike, than" name a foil, not an agent.
    text = (
        "For Tokyo, open alliances are much more attractive than the frameworks proposed by Moscow."
    )
    assert claims(text)[0][:2] == ("japan", "desire")
    assert claims(text)[0][3] is None
    assert claims("Tokyo hopes to work with partners instead of Moscow.")[0][3] is None
    assert claims("Seoul rather than Moscow is defining the agenda.")[0][3] == "south_korea"
    # Non-example: "more than" a number compares no party.
    assert claims("Tokyo may send more than 1,000 troops to Seoul.")[0][3] == "japan"


def test_an_attitude_verb_of_a_coordinated_predicate_has_the_shared_subject() -> None:
    # §5 and §6.1: "has X and wants Y" gives the second predicate's attitude to the subject
    # both predicates share.
    assert ("japan", "desire", "Seoul to join", "south_korea") in claims(
        "Tokyo has a plan and wants Seoul to join."
    )
    assert ("japan", "desire", "Seoul will pay", "south_korea") in claims(
        "Tokyo has little money and hopes that Seoul will pay."
    )
    # Non-example: a clause with a subject of its own keeps it.
    assert claims("Tokyo has a plan, and Seoul wants to join.") == [
        ("author", "belief", "Tokyo has a plan", "japan"),
        ("south_korea", "desire", "join", None),
    ]


def test_a_relative_that_after_an_infinitives_object_opens_no_that_clause() -> None:
    # §7.1: after "hopes to" the content is the infinitive; the "that" of "ties that are ..."
    # is a relative pronoun inside it, not a complementizer a few words on.
    assert claims("Tokyo hopes to build ties that are stronger than those offered by Moscow.") == [
        ("japan", "desire", "build ties that are stronger than those offered by Moscow", None)
    ]
    assert claims("Seoul vowed to build a country that is safe.") == [
        ("south_korea", "intention", "build a country that is safe", None)
    ]
    # Non-example: "told reporters that" keeps its that-clause.
    assert claims("Tokyo told reporters that Seoul would pay.") == [
        ("japan", "prediction", "Seoul would pay", "south_korea")
    ]


def test_the_last_item_of_a_list_may_hold_a_relative_clause() -> None:
    # §7.2: a restrictive relative clause stays in the span; the list's commas bound nothing.
    assert claims(
        "We need to shape the standards, protocols, and rules that govern those technologies."
    ) == [
        (
            "author",
            "obligation",
            "We need to shape the standards, protocols, and rules that govern those technologies",
            None,
        )
    ]


def test_fragments_that_go_on_with_an_obligation_are_obligations() -> None:
    # Guidelines v1.3 §8.2 ("Fragments that go on with an obligation"): verbless action
    # phrases right after the author's obligation are obligations too; after a belief they are
    # left as they are.
    texts = [
        "Seoul must tighten its export controls.",
        "This means aligning the rules with Tokyo.",
        "Better securing the supply chains.",
        "And reviewing investments in sensitive sectors.",
        "Seoul is weak.",
        "Reviewing investments in sensitive sectors.",
    ]
    drafted = draft_document(texts, PARTIES)
    assert [
        [(c["expectation"]["type"], c["expectation"]["quote"]) for c in d or []] for d in drafted
    ] == [
        [("obligation", "Seoul must tighten its export controls")],
        [("obligation", "aligning the rules with Tokyo")],
        [("obligation", "Better securing the supply chains")],
        [("obligation", "reviewing investments in sensitive sectors")],
        [("belief", "Seoul is weak")],
        [("belief", "Reviewing investments in sensitive sectors")],
    ]


def test_a_stretch_between_two_dashes_is_an_insertion() -> None:
    # §7.2: what interrupts a clause stays in its span (spans are contiguous), as between
    # brackets; a side statement sets neither a claim nor the claim's time (§4.3).
    assert claims("We need to help Seoul – especially its farmers – to enable growth.") == [
        (
            "author",
            "obligation",
            "We need to help Seoul – especially its farmers – to enable growth",
            None,
        )
    ]
    assert claims("This is proof of the progress Seoul has made—and will make—as a partner.") == [
        (
            "author",
            "belief",
            "This is proof of the progress Seoul has made—and will make—as a partner",
            "south_korea",
        )
    ]
    # Non-examples: a dash before the last stretch ends the clause; a stretch with its own
    # hedge is a claim by the cue rule.
    assert all("–" not in c[2] for c in claims("Tokyo lost the vote – Seoul was never in doubt."))
    text = "Pyongyang backed Moscow—reportedly earning billions in the process—by selling arms."
    assert ("author", "belief", "earning billions in the process", None) in claims(text)


def test_places_and_embedded_examples_are_no_targets() -> None:
    # §9: "Places are not parties"; an example embedded in the span names no participant.
    assert claims("Tokyo plans to expand its operations in North Korea.")[0][3] is None
    assert claims("Tokyo plans to build new ships, including Russian engines.")[0][3] is None
    assert claims("Tokyo wants several reforms, such as a new deal with Seoul.")[0][3] is None
    # Non-examples: a party acted upon, and a fronted frame naming the party's domain.
    assert claims("Tokyo plans to help North Korea.")[0][3] == "north_korea"
    assert claims("Tokyo is convinced that in Russia the economy is mismanaged.")[0][3] == "russia"


def test_the_holders_own_state_and_a_clauses_subject_decide_a_partys_target() -> None:
    # §9 (v1.3): a person of a state counts as that state, never the target; rule 3: in a
    # party's clausal content, the agent is the clause's subject, past any fronted adjunct.
    index = ActorIndex(
        [
            {"id": "russia", "name": "Russia", "aliases": ["Russian"], "kind": "state"},
            {"id": "north_korea", "name": "North Korea", "kind": "state"},
            {"id": "putin", "name": "Russian President Vladimir Putin", "kind": "person"},
            {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        ]
    )

    def targets(text: str) -> list[str | None]:
        return [c["expectation"]["target"] for c in draft_sentence(text, index)]

    assert targets("Russian President Vladimir Putin said Russia might help North Korea.") == [
        "north_korea"
    ]
    assert targets(
        "Tokyo has warned that by buying Russian arms, North Korea may grow bolder."
    ) == ["north_korea"]
    # Non-examples: another state stays a target; an infinitive's first party is its object.
    assert targets("Russian President Vladimir Putin said Japan might help North Korea.") == [
        "japan"
    ]
    assert targets("Tokyo hopes to help North Korea.") == ["north_korea"]


def test_a_second_past_verb_after_and_is_a_coordinated_predicate() -> None:
    # §5: coordinated predicates are split; a second past verb taking an object is one, also
    # past an adverb; its target is its own when it is the holder's own predicate (§9).
    assert claims("Tokyo has helped Seoul win the vote and helped rebuild its ports.") == [
        ("author", "belief", "Tokyo has helped Seoul win the vote", "japan"),
        ("author", "belief", "helped rebuild its ports", "japan"),
    ]
    assert claims('Tokyo has pledged to expand trade and offered "full support" to Seoul.') == [
        ("japan", "intention", "expand trade", None),
        ("japan", "intention", 'offered "full support" to Seoul', "south_korea"),
    ]
    # Non-examples: two participles of one noun; a participle before a common noun.
    assert len(claims("Seoul wants a modernized and industrialized Russia.")) == 1
    assert claims("The ministry funded schools and related programs.") == []


def test_a_background_clause_and_a_list_of_examples_give_no_target() -> None:
    # §9 rule 3 and §4.3: the agent of a temporal or causal clause inside the span is the
    # background's, not the claim's; "such as" opens examples and refers back to nothing.
    text = "Relations have improved dramatically since Russia launched its campaign."
    assert claims(text)[0][3] is None
    text = "Tokyo wants several reforms, such as progress towards a deal with Seoul."
    assert draft_sentence(text, PARTIES, recent=("china",))[0]["expectation"]["target"] is None
    # Non-examples: a subject before the clause stays the agent; "such" + noun refers back.
    assert claims("Seoul will act when Tokyo asks.")[0][3] == "south_korea"
    drafted = draft_sentence("Tokyo resents such pressure.", PARTIES, recent=("china",))
    assert drafted[0]["expectation"]["target"] == "china"


def test_a_list_of_noun_phrases_with_participles_and_names_stays_in_the_span() -> None:
    # §7.2: the items of a list belong to the proposition. A participle opening an item before
    # its noun (*forced labor*) is an adjective, and a name after a preposition (*on DPRK
    # missiles*) is no subject of a new clause: neither ends the list.
    assert claims("Seoul will take action on abuses, forced labor, and piracy.") == [
        (
            "author",
            "prediction",
            "Seoul will take action on abuses, forced labor, and piracy",
            "south_korea",
        )
    ]
    text = (
        "Tokyo wants several arrangements, including expanded exercises, the sharing of data "
        "on DPRK missiles, and a secretariat."
    )
    assert claims(text)[0][2] == text[text.index("wants") : -1]
    # Non-examples: a list of predicates (its last item a verb) and a participle before a
    # preposition are clauses of their own.
    s = Sentence("Seoul has ended the talks, expanded sanctions, and deployed troops.")
    assert s.stop[s.toks.index(",")]
    assert claims("Seoul will protest, forced by Tokyo, and then yield.")[0][2] == (
        "Seoul will protest"
    )


def test_a_closing_prepositional_adjunct_after_a_comma_stays_in_the_span() -> None:
    # §7.2 keeps adverbials: a comma before a prepositional phrase that closes the sentence
    # without a verb of its own ends no clause (also past an inclusion inside it, and with a
    # participle before "by" or after a preposition).
    assert claims(
        "Seoul wants to talk to Tokyo about regional issues, from trade to the Korean Peninsula."
    ) == [
        (
            "south_korea",
            "desire",
            "talk to Tokyo about regional issues, from trade to the Korean Peninsula",
            "japan",
        )
    ]
    text = "Seoul and Tokyo appear to differ, ahead of a meeting of their envoys, including Kim."
    assert claims(text)[0][2] == text[:-1]
    text = (
        "Beijing will expand its reach, beyond defending the islands to challenges posed by Tokyo."
    )
    assert claims(text)[0][2] == text[:-1]
    # Non-examples: an absolute clause, a premise, a report frame, a cue frame, an infinitive.
    assert claims("Seoul will lose, with Tokyo gaining ground.")[0][2] == "Seoul will lose"
    assert claims("Seoul will resist, given the weight of trade.")[0][2] == "Seoul will resist"
    assert claims("Seoul will lose, according to Tokyo.")[0][:3] == (
        "japan",
        "prediction",
        "Seoul will lose",
    )
    assert claims("Seoul will win, in my view.")[0][2] == "Seoul will win"


def test_since_before_a_noun_phrase_is_a_phrase_of_time() -> None:
    # §7.2 cuts a finite adverbial clause; "since" before a noun phrase opens none, so the
    # phrase stays in a party's content, as "since 2022" does.
    text = "Tokyo said that Seoul faced its hardest choice since World War II."
    assert claims(text)[0][2] == "Seoul faced its hardest choice since World War II"
    text = "Tokyo believes that Seoul has grown stronger since the end of the Cold War."
    assert claims(text)[0][2] == "Seoul has grown stronger since the end of the Cold War"
    # Non-examples: a clause after "since", also with a present verb after a name.
    text = "Tokyo believes that Seoul will suffer since Beijing needs oil."
    assert claims(text)[0][2] == "Seoul will suffer"
    text = "Tokyo believes that Seoul will suffer since it lacks oil."
    assert claims(text)[0][2] == "Seoul will suffer"


def test_but_before_a_relative_clauses_second_predicate_ends_no_clause() -> None:
    # §7.2 keeps a restrictive relative clause whole: "but" joining a second verb to it is
    # the relative clause's own coordination, no boundary.
    text = "Tokyo regards Seoul as a partner who shares its goals but wants more trade."
    assert claims(text)[0][2] == text[text.index("regards") : -1]
    # Non-examples: "but" in a main clause, and after a comma or before a new subject.
    assert claims("Seoul wants trade but fears Beijing.")[0][2] == "wants trade"
    text = "Tokyo wants a partner who shares its goals, but Seoul fears Beijing."
    assert claims(text)[0][2] == "wants a partner who shares its goals"
    text = "Tokyo wants a partner who shares its goals but Seoul fears Beijing."
    assert claims(text)[0][2] == "wants a partner who shares its goals"
