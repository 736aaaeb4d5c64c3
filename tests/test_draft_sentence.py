"""Clause boundaries of `draft/sentence.py` seen in the drafted claims: where a span ends (an
adverbial *as* clause with its own subject and finite verb), and the commas of a list or of
two adjectives that do not end it. Sentences written for these tests, none taken from a corpus
document."""

from __future__ import annotations

import re
from typing import Any

import pytest
from claimset.draft import draft_sentence
from claimset.draft.words import tokenize, tokens
from draft_samples import fields, registry
from hypothesis import given, settings
from hypothesis import strategies as st

PARTIES = registry(
    "author",
    "south_korea",
    {"id": "china", "name": "China", "aliases": ["Beijing", "Chinese"], "kind": "state"},
    "japan",
    {"id": "russia", "name": "Russia", "kind": "state"},
    {"id": "iran", "name": "Iran", "kind": "state"},
    {"id": "allies", "name": "the allies", "kind": "group"},
)


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, type, span, quotes of the evidence in the sentence) of each drafted claim."""
    return fields(draft_sentence(text, PARTIES), "holder", "type", "span", "evidence")


WIN = "Seoul will probably win the vote"


@pytest.mark.parametrize(
    "clause",
    [
        "as Tokyo has withdrawn",
        "as the rivals have split",
        "as they have split",
        "as its rivals and allies have split",
        "as Tokyo and Beijing have split",
    ],
)
def test_an_as_clause_with_its_own_subject_and_verb_ends_the_span_and_supports_it(
    clause: str,
) -> None:
    assert claims(f"{WIN} {clause}.") == [
        ("author", "prediction", WIN, [clause.removeprefix("as ")])
    ]


@pytest.mark.parametrize(
    "clause",
    [
        # A relative clause after the noun: *as* before a noun phrase, no clause of its own.
        "as its rivals who lost have split",
        "as its rivals that lost have split",
        # An indefinite noun phrase: *as* its role (*as a rival*), whatever follows.
        "as a rival has withdrawn",
        "as an ally has withdrawn",
        # No finite verb: a phrase.
        "as a result",
        "as part of the deal",
    ],
)
def test_an_as_phrase_stays_in_the_span(clause: str) -> None:
    assert claims(f"{WIN} {clause}.") == [("author", "prediction", f"{WIN} {clause}", [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two adjectives of one noun, and a list of long items after *including*.
        (
            "At the 2024 summit, the allies welcomed recent and planned projects that advance a "
            "free and open Pacific, including work on port security, undersea cables, new "
            "technology, and disaster relief.",
            (
                "allies",
                "belief",
                "welcomed recent and planned projects that advance a free and open Pacific, "
                "including work on port security, undersea cables, new technology, and disaster "
                "relief",
            ),
        ),
        (
            "The alliance has implications for Japan, including trade flows in the region, the "
            "cost of sanctions against Russia and China, and the strength of Japan's navy and "
            "coast guard.",
            (
                "author",
                "belief",
                "The alliance has implications for Japan, including trade flows in the region, "
                "the cost of sanctions against Russia and China, and the strength of Japan's navy "
                "and coast guard",
            ),
        ),
        # A list of short items with a serial comma.
        (
            "Seoul has criticized Chinese tariffs, quotas, and bans on imports as meddling in "
            "its economy, but also urged its firms to diversify.",
            (
                "south_korea",
                "belief",
                "criticized Chinese tariffs, quotas, and bans on imports as meddling in its "
                "economy",
            ),
        ),
    ],
)
def test_the_commas_of_a_list_do_not_end_the_span(text: str, expected: tuple[str, ...]) -> None:
    got = [c[:3] for c in claims(text)]
    assert got[0] == expected
    # A predicate coordinated by "but" after the list shares its subject: a claim of its own.
    urged = [("south_korea", "demand", "its firms to diversify")] if "urged" in text else []
    assert got[1:] == urged


def spans(text: str) -> list[tuple[str, str, str]]:
    """(holder, type, span) of each drafted claim."""
    return [c[:3] for c in claims(text)]


# A name glued to the modal after it (*Russiashould*, SPEC's own example): the token is cut in
# two, so the name is found, the modal read, and every offset still points into the text.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Eight letters, the shortest glued name-and-modal the drafter cuts: a prediction about
        # Iran, negative.
        ("Iranwill never give up enrichment.", ("author", None, "prediction",
         (0, "Iranwill never give up enrichment"), "iran", "certain", [], "negative")),
        # The glued token after others: the holder's offsets and the span's are kept.
        ("Tokyo fears that Russiamight win the vote.", ("japan", (0, "Tokyo"), "prediction",
         (17, "Russiamight win the vote"), "russia", "certain", [], "positive")),
        # The name is the holder: its quote ends where the modal starts.
        ("Russiawould prefer a ceasefire.", ("russia", (0, "Russia"), "desire",
         (12, "prefer a ceasefire"), None, "certain", [], "positive")),
        # The modal is the author's hedge: its cue starts where the name ends.
        ("Russiacould lose the vote.", ("author", None, "prediction",
         (0, "Russiacould lose the vote"), "russia", "possible", [(6, "could")], "positive")),
    ],
)  # fmt: skip
def test_a_name_glued_to_its_modal_is_read_as_two_words(
    text: str, expected: tuple[Any, ...]
) -> None:
    (claim,) = draft_sentence(text, PARTIES)
    actor, exp, hedge = claim["actor"], claim["expectation"], claim["hedge"]
    holder = None if actor["quote"] is None else (actor["start"], actor["quote"])
    cues = [(c["start"], c["quote"]) for c in hedge["cues"]]
    got = (
        actor["ref"], holder, exp["type"], (exp["start"], exp["quote"]), exp["target"],
        hedge["certainty"], cues, claim["polarity"],
    )  # fmt: skip
    assert got == expected
    for span in (actor, exp, *hedge["cues"]):
        if span["quote"] is not None:
            assert text[span["start"] : span["end"]] == span["quote"]


LIST = "the cost of the tariffs on its steel, a lack of perceived fairness in the talks"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list of long items, its last one closed by the end, a non-restrictive relative
        # clause (cut, guidelines §7.2), a semicolon, a colon, a question mark, an exclamation
        # mark, or no final punctuation at all (a heading, a cut line): all one span.
        (f"Seoul will weigh {LIST}, and the mood in Busan.",
         [("author", "prediction", f"Seoul will weigh {LIST}, and the mood in Busan")]),
        (f"Seoul will weigh {LIST}, and the mood in Busan",
         [("author", "prediction", f"Seoul will weigh {LIST}, and the mood in Busan")]),
        (f"Seoul will weigh {LIST}, and the mood in Busan, which has soured.",
         [("author", "prediction", f"Seoul will weigh {LIST}, and the mood in Busan")]),
        (f"Seoul will weigh {LIST}, and the mood in Busan; Tokyo will not.",
         [("author", "prediction", f"Seoul will weigh {LIST}, and the mood in Busan"),
          ("author", "prediction", "Tokyo will not")]),
        (f"Seoul will weigh {LIST}, and the mood in Busan: all three matter.",
         [("author", "prediction", f"Seoul will weigh {LIST}, and the mood in Busan")]),
        (f"Will Seoul weigh {LIST}, and the mood in Busan?",
         [("author", "prediction", f"Will Seoul weigh {LIST}, and the mood in Busan")]),
        (f"Seoul must weigh {LIST}, and the mood in Busan!",
         [("author", "obligation", f"Seoul must weigh {LIST}, and the mood in Busan")]),
        # Fourteen words in an item after the list's second comma.
        ("Seoul will weigh the cost of the tariffs, the risk of a trade war, the slow loss of "
         "public trust in the institutions of the old military alliance, and the mood in Busan.",
         [("author", "prediction", "Seoul will weigh the cost of the tariffs, the risk of a "
           "trade war, the slow loss of public trust in the institutions of the old military "
           "alliance, and the mood in Busan")]),
        # A list of gerunds, and a list far into a long sentence.
        ("Seoul will keep up its patrols in the strait by flying, sailing, and operating "
         "wherever the law allows.", [("author", "prediction", "Seoul will keep up its patrols "
                                       "in the strait by flying, sailing, and operating "
                                       "wherever the law allows")]),
        ("Seoul will weigh with great care over the next few years the cost of the tariffs on "
         "its steel exports, the risk of a trade war with China, and the mood in Busan.",
         [("author", "prediction", "Seoul will weigh with great care over the next few years "
           "the cost of the tariffs on its steel exports, the risk of a trade war with China, "
           "and the mood in Busan")]),
        # The list's first comma after a verb (*what was lost*): the items after it count.
        ("Seoul will weigh the cost of what was lost, the risk of a trade war, and the mood in "
         "Busan.", [("author", "prediction", "Seoul will weigh the cost of what was lost, the "
                     "risk of a trade war, and the mood in Busan")]),
        # A last item of one word, and of sixteen (the longest taken for an item).
        (f"Seoul will weigh {LIST}, and fairness.",
         [("author", "prediction", f"Seoul will weigh {LIST}, and fairness")]),
        (f"Seoul will weigh {LIST}, and the slow loss of public trust in the institutions of "
         "the alliance among voters in Busan.",
         [("author", "prediction", f"Seoul will weigh {LIST}, and the slow loss of public "
           "trust in the institutions of the alliance among voters in Busan")]),
    ],
)  # fmt: skip
def test_a_list_of_long_items_is_one_span_whatever_closes_it(
    text: str, expected: list[tuple[str, ...]]
) -> None:
    assert spans(text)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        # After a list's last comma and its "and", a clause with its own subject and finite
        # verb is a claim of its own (guidelines §5): the list's span does not run into it.
        ("Seoul will weigh the cost of the tariffs on its steel, the risk of a trade war with "
         "China, and Tokyo will not wait.", ("author", "prediction", "Tokyo will not wait")),
        ("Seoul will weigh the costs of the deal, Tokyo the risks of the deal, and Beijing will "
         "decide alone.", ("author", "prediction", "Beijing will decide alone")),
        # The same after a list of short items.
        ("Seoul has criticized Chinese tariffs, quotas, and Tokyo will follow.",
         ("author", "prediction", "Tokyo will follow")),
        ("Seoul opposes the tariffs, the quotas, and in turn Tokyo will oppose the bans.",
         ("japan", "desire", "oppose the bans")),
        # A second predicate of the same subject, after its "and".
        ("Seoul has criticized Chinese tariffs, quotas, and will impose bans of its own.",
         ("author", "prediction", "will impose bans of its own")),
    ],
)  # fmt: skip
def test_a_clause_after_a_lists_last_comma_is_a_claim_of_its_own(
    text: str, clause: tuple[str, str, str]
) -> None:
    drafted = spans(text)
    assert clause in drafted
    assert not any(c != clause and clause[2] in c[2] for c in drafted)


@pytest.mark.parametrize(
    "item",
    [
        # A participle after a determiner (*the armed groups*), a short word in -s after a
        # name (*Russian gas*) or a word in -ss (*the Korean press*), a plural after a name
        # that is no word (*U.S. arms*), a curly possessive: no verb, the list goes on.
        "the power of the armed groups in the north",
        "the price of Russian gas",
        "the mood of the Korean press",
        "the flow of U.S. arms into the region",
        "the strength of Japan’s navy",
        "the price of the missile shield (THAAD) in the south",
        # Fourteen words, the longest middle item.
        "the slow loss of public trust in the institutions of the old military alliance",
    ],
)
def test_a_long_item_with_a_name_or_a_participle_stays_in_the_list(item: str) -> None:
    text = f"Seoul will weigh the cost of the tariffs on its steel, {item}, and the mood in Busan."
    assert spans(text) == [("author", "prediction", text.removesuffix("."))]


@pytest.mark.parametrize("clause", ["if the talks fail", "as the talks stall"])
def test_a_condition_after_a_lists_last_comma_is_no_item(clause: str) -> None:
    # *and if the talks fail, it will leave*: the condition belongs to the clause after it.
    drafted = spans("Seoul will weigh the cost of the tariffs on its steel, the risk of a trade "
                    f"war, and {clause}, it will leave.")  # fmt: skip
    assert ("author", "prediction", "it will leave") in drafted
    assert not any(clause in span for _, _, span in drafted)


def test_a_name_and_its_verb_after_a_lists_last_comma_are_no_item() -> None:
    # *and Tokyo says no*: a clause (a name, then a verb in -s), not the list's last item.
    drafted = spans("Seoul will weigh the cost of the tariffs on its steel, the risk of a trade "
                    "war, and Tokyo says no.")  # fmt: skip
    assert drafted[0][:2] == ("author", "prediction")
    assert not any("Tokyo says" in span for _, _, span in drafted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short items, the last one closed by the end of a sentence without its stop, or
        # holding a name such as *U.S.*: the list is kept whole.
        ("Seoul has criticized Chinese tariffs, quotas and bans",
         ("south_korea", "belief", "criticized Chinese tariffs, quotas and bans")),
        ("Seoul has criticized Chinese tariffs, quotas, and U.S. bans as meddling in its "
         "economy.", ("south_korea", "belief", "criticized Chinese tariffs, quotas, and U.S. "
                      "bans as meddling in its economy")),
        ("Seoul criticized Chinese tariffs, U.S. quotas and bans on imports as meddling in its "
         "economy.", ("south_korea", "belief", "criticized Chinese tariffs, U.S. quotas and bans "
                      "on imports as meddling in its economy")),
        # A verb before the list's first comma, four words in an item, an "and" twelve words
        # after the first comma.
        ("Seoul has criticized the tariffs Beijing imposed, quotas and bans.",
         ("south_korea", "belief", "criticized the tariffs Beijing imposed, quotas and bans")),
        ("Seoul has criticized Chinese tariffs, strict new import quotas and bans on steel as "
         "meddling in its economy.", ("south_korea", "belief", "criticized Chinese tariffs, "
                                      "strict new import quotas and bans on steel as meddling in "
                                      "its economy")),
        ("Seoul has criticized tariffs, new steel quotas, strict import bans, high transit fees "
         "and levies on steel as meddling.", ("south_korea", "belief", "criticized tariffs, new "
                                              "steel quotas, strict import bans, high transit "
                                              "fees and levies on steel as meddling")),
        # A comment clause after the comma (*as Seoul and Beijing know*) is no list item.
        ("Tokyo will probably object, as Seoul and Beijing know.",
         ("author", "prediction", "Tokyo will probably object")),
        # Two holders with one verb (*Tokyo quotas*) and a clause after the "and": no list,
        # Seoul's desire ends at its own object.
        ("Seoul wants tariffs, Tokyo quotas and the two sides still disagree.",
         ("south_korea", "desire", "wants tariffs")),
    ],
)  # fmt: skip
def test_a_short_list_is_kept_only_when_its_last_item_is_a_noun_phrase(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert spans(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" then a determiner: two noun phrases of one object (one claim) ...
        ("Seoul will back the tariffs and this deal.",
         ["Seoul will back the tariffs and this deal"]),
        ("Seoul will probably back the tariffs and the rest of its allies.",
         ["Seoul will probably back the tariffs and the rest of its allies"]),
        ("Seoul will probably back the tariffs and the small business lobby.",
         ["Seoul will probably back the tariffs and the small business lobby"]),
        # ... also when a finite verb follows only after a comma, a semicolon, a colon or *but*,
        # in a clause of its own ...
        ("Seoul will probably back the tariffs and the quotas, which are popular.",
         ["Seoul will probably back the tariffs and the quotas"]),
        ("Seoul will probably back the tariffs and the quotas; both are popular.",
         ["Seoul will probably back the tariffs and the quotas", "both are popular"]),
        ("Seoul will probably back the tariffs and the quotas: both are popular.",
         ["Seoul will probably back the tariffs and the quotas", "both are popular"]),
        ("Seoul will probably back the tariffs and the quotas but Tokyo is opposed.",
         ["Seoul will probably back the tariffs and the quotas", "Tokyo is opposed"]),
        # ... or a new clause when its finite verb follows at once (a second claim, §5).
        ("Seoul will probably win the vote and this will change the region.",
         ["Seoul will probably win the vote", "this will change the region"]),
        ("Seoul will probably win the vote and the party gets its way.",
         ["Seoul will probably win the vote", "the party gets its way"]),
    ],
)  # fmt: skip
def test_and_before_a_determiner_joins_noun_phrases_unless_a_verb_follows(
    text: str, expected: list[str]
) -> None:
    assert [c[2] for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # *as* before a noun phrase is the complement of *regarded* (guidelines §7.1, "Y as
        # Z"): the span keeps it, with its restrictive relative clause, its comparison, a past
        # participle as its adjective, and up to the end of a sentence without its stop.
        ("Seoul has long regarded Beijing as the partner which has the most to lose.",
         "regarded Beijing as the partner which has the most to lose"),
        ("Seoul has long regarded Tokyo as the better partner than Beijing will ever be.",
         "regarded Tokyo as the better partner than Beijing will ever be"),
        ("Seoul has long regarded Tokyo as the trusted partner in the region.",
         "regarded Tokyo as the trusted partner in the region"),
        ("Seoul has long regarded Tokyo as the trusted partner",
         "regarded Tokyo as the trusted partner"),
        ("Seoul has long regarded Beijing as the main threat to the security of the whole "
         "region in the coming decade.", "regarded Beijing as the main threat to the security "
         "of the whole region in the coming decade"),
        # A second predicate after the complement (*and has said so*) is no part of it.
        ("Seoul has long regarded Beijing as the main threat and has said so.",
         "regarded Beijing as the main threat"),
        # A line cut after its "and": nothing to read past it, and no failure.
        ("Seoul has long regarded Beijing as the main threat and",
         "regarded Beijing as the main threat"),
    ],
)  # fmt: skip
def test_as_before_a_noun_phrase_is_a_complement_kept_in_the_span(text: str, span: str) -> None:
    assert spans(text) == [("south_korea", "belief", span)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # The complement runs at least to its noun, whatever the drafter makes of what follows
        # (a comparison, a second predicate in the past, with or without the sentence's stop).
        ("Seoul has long regarded Beijing as the same kind of threat as Tokyo does.",
         "regarded Beijing as the same kind of threat"),
        ("Seoul has long regarded Beijing as the main threat and acted on it.",
         "regarded Beijing as the main threat"),
        ("Seoul has long regarded Beijing as the main threat and acted",
         "regarded Beijing as the main threat"),
    ],
)  # fmt: skip
def test_an_as_complement_is_not_cut_before_its_noun(text: str, start: str) -> None:
    (claim,) = spans(text)
    assert claim[:2] == ("south_korea", "belief")
    assert claim[2].startswith(start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *just as Tokyo has done*: a comparison, kept (guidelines §7.2).
        ("Seoul will probably stay neutral just as Tokyo has done.",
         ("author", "prediction", "Seoul will probably stay neutral just as Tokyo has done", [])),
        # A causal *as* clause with a pronoun's subject and a regular past verb: cut, and it
        # supports the claim.
        ("Seoul will probably win the vote as their rivals failed.",
         ("author", "prediction", "Seoul will probably win the vote", ["their rivals failed"])),
    ],
)  # fmt: skip
def test_as_after_a_clause_opens_a_clause_only_with_its_own_subject_and_verb(
    text: str, expected: tuple[Any, ...]
) -> None:
    assert claims(text) == [expected]


def test_a_line_cut_after_as_is_drafted() -> None:
    # A seed's line may end anywhere (a heading, a cut line): "as" with nothing after it once
    # made the drafter fail.
    ((holder, kind, span, _),) = claims("Seoul will probably win the vote as")
    assert (holder, kind) == ("author", "prediction")
    assert span.startswith("Seoul will probably win the vote")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" then a verb taking an object (a quantifier, or a name at the end of a line):
        # a second predicate, a claim of its own (guidelines §5).
        ("Seoul will probably cut tariffs and lift all quotas.",
         ["Seoul will probably cut tariffs", "lift all quotas"]),
        ("Seoul will probably cut tariffs and lift some quotas.",
         ["Seoul will probably cut tariffs", "lift some quotas"]),
        ("Seoul will probably cut tariffs and buy more oil.",
         ["Seoul will probably cut tariffs", "buy more oil"]),
        ("Seoul will probably cut tariffs and back Tokyo",
         ["Seoul will probably cut tariffs", "back Tokyo"]),
    ],
)  # fmt: skip
def test_and_before_a_verb_with_its_object_is_a_second_claim(
    text: str, expected: list[str]
) -> None:
    assert [c[2] for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two adjectives of one noun after *a* or *an*: one claim, with or without the stop.
        ("The allies welcomed a free and open Pacific.",
         [("allies", "belief", "welcomed a free and open Pacific")]),
        ("The allies welcomed a free and open Pacific",
         [("allies", "belief", "welcomed a free and open Pacific")]),
        ("The allies welcomed an open and free Pacific.",
         [("allies", "belief", "welcomed an open and free Pacific")]),
        # A noun, then a verb with its object after "and": two predicates, two claims (§5).
        ("Seoul will probably seek a deal and sign the treaty.",
         [("south_korea", "desire", "seek a deal"), ("south_korea", "desire", "sign the treaty")]),
        # "and" past a parenthetical connective: the verb after it is read.
        ("Seoul will probably cut tariffs and, however, lift the quotas.",
         [("author", "prediction", "Seoul will probably cut tariffs"),
          ("author", "prediction", "lift the quotas")]),
        ("Seoul urged Tokyo to cut tariffs and, for its part, to lift the quotas.",
         [("south_korea", "demand", "Tokyo to cut tariffs"),
          ("south_korea", "demand", "lift the quotas")]),
    ],
)  # fmt: skip
def test_and_between_adjectives_joins_one_noun_and_between_predicates_two_claims(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert spans(text) == expected


GUARANTOR = "Tokyo is the main guarantor and chief sponsor of the pact"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" before a noun: one noun phrase (one claim) when the next verb belongs to
        # another clause, after a comma, semicolon, colon, *than*, *but* or a relative pronoun
        # (the relative clause kept: no comma and no name before it, guidelines §7.2) ...
        (f"{GUARANTOR}, as Seoul is aware.", [GUARANTOR]),
        (f"{GUARANTOR}; Seoul is a partner.", [GUARANTOR, "Seoul is a partner"]),
        (f"{GUARANTOR}: Seoul is a partner.", [GUARANTOR, "Seoul is a partner"]),
        (f"{GUARANTOR} but Seoul is a partner.", [GUARANTOR, "Seoul is a partner"]),
        (f"{GUARANTOR} that is now in force.", [f"{GUARANTOR} that is now in force"]),
        (f"{GUARANTOR} which is now in force.", [f"{GUARANTOR} which is now in force"]),
        ("Tokyo is the main guarantor and chief sponsor of the leaders who are now in office.",
         ["Tokyo is the main guarantor and chief sponsor of the leaders who are now in office"]),
        ("Tokyo is a bigger guarantor and sponsor of the pact than Seoul is.",
         ["Tokyo is a bigger guarantor and sponsor of the pact than Seoul is"]),
        # ... and an adverb then a noun phrase: one object with both cues.
        ("Seoul will probably cut tariffs and possibly the quotas.",
         ["Seoul will probably cut tariffs and possibly the quotas"]),
        # A new clause when its own *is* or *was* follows (the past one a report, no claim),
        # or "and that" repeats the complementizer, however far its verb.
        ("Tokyo is the main guarantor and security is its first concern.",
         ["Tokyo is the main guarantor", "security is its first concern"]),
        ("Tokyo is the main guarantor and rivalry was never a threat.",
         ["Tokyo is the main guarantor"]),
        ("Tokyo is the main guarantor and rival powers were never a threat.",
         ["Tokyo is the main guarantor"]),
        ("Seoul believes that Tokyo will win and that the new government in Beijing will lose.",
         ["Tokyo will win", "the new government in Beijing will lose"]),
    ],
)  # fmt: skip
def test_and_before_a_noun_joins_one_phrase_unless_its_own_verb_follows(
    text: str, expected: list[str]
) -> None:
    assert [c[2] for c in claims(text)] == expected


def test_and_before_a_clause_after_a_noun_phrase_does_not_cut_the_phrase() -> None:
    # The first "and" joins two nouns; the second opens a clause (*and Seoul is a partner*),
    # which the drafter keeps in the span today: the phrase before it stays whole either way.
    (first, *_) = claims(f"{GUARANTOR} and Seoul is a partner.")
    assert first[2].startswith(GUARANTOR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A fronted *As well as ...,* is a frame, not asserted (guidelines §4.3): no claim of
        # its own, and the span starts after it (§7.1).
        ("As well as the tariffs, Seoul will probably impose quotas.",
         [("author", "prediction", "Seoul will probably impose quotas")]),
        ("As well as raising tariffs, Seoul wants quotas.",
         [("south_korea", "desire", "wants quotas")]),
        # In mid-sentence it extends the noun phrase before it.
        ("Seoul will probably impose quotas as well as tariffs.",
         [("author", "prediction", "Seoul will probably impose quotas as well as tariffs")]),
    ],
)  # fmt: skip
def test_as_well_as_is_a_frame_before_the_clause_and_a_phrase_inside_it(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert spans(text) == expected


def test_in_particular_after_a_comma_stays_in_the_span() -> None:
    # A focusing phrase after a comma is no separate statement (guidelines §7.2).
    span = "Tokyo to cut its tariffs, in particular on steel"
    assert spans(f"Seoul wants {span}.") == [("south_korea", "desire", span)]


#: Sentences holding the constructions `draft/sentence.py` reads: glued names, lists of short
#: and long items, "and" before adjectives, verbs and clauses, *as* clauses and complements,
#: insertions, subordinate and relative clauses, a question.
WHOLE = [
    "Tokyo fears that Russiamight win the vote as its rivals have split.",
    "Seoul has criticized Chinese tariffs, quotas, and bans on imports as meddling in its "
    "economy, but also urged its firms to diversify.",
    f"Seoul will weigh {LIST}, and the mood in Busan, which has soured.",
    "The allies welcomed a free and open Pacific and will probably back Tokyo and avoid any rift.",
    "If Seoul wins, the proposals, drafted last spring and revised twice, will (in all "
    "likelihood) pass, since Tokyo, for its part, has withdrawn.",
    "Seoul has long regarded Beijing as the main threat and the talks are stalled; will Tokyo "
    "agree?",
]


@pytest.mark.parametrize("text", WHOLE)
def test_a_sentence_cut_after_any_word_is_drafted_with_exact_offsets(text: str) -> None:
    # A seed's line may end anywhere (a heading, a cut line, a missing stop): every prefix of
    # these sentences is drafted without failing, each quote at its offsets.
    for end in sorted({m.end() for m in re.finditer(r"\w+|[^\w\s]", text)}):
        cut = text[:end]
        for claim in draft_sentence(cut, PARTIES):
            quoted = [claim["actor"], claim["expectation"], *claim["hedge"]["cues"]]
            quoted += [e for e in claim["evidence"] if e.get("sentence") is None]
            for span in quoted:
                if span.get("quote") is not None:
                    assert cut[span["start"] : span["end"]] == span["quote"], cut


#: Pieces of text for `tokens`: letters, digits, white space of several kinds, apostrophes,
#: quotation marks, full stops and commas (what makes `tokenize` merge or split differently).
PIECES = [*"ab Z9_'’.,-n\"“”(\t\n\u00a0\u2009\u200bé", "n't", "Mr.", "U.S.", "10,000"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_tokens_of_a_sentence_are_the_tokenizers_whatever_the_text(text: str) -> None:
    # `tokens` finds the tokens a faster way when nothing needs merging: the words and offsets
    # are `tokenize`'s, whatever the white space (a no-break space, a tab), quotes or dots.
    spans = tokenize(text)
    words, starts, ends = tokens(text)
    assert words == [text[a:b] for a, b in spans]
    assert (starts, ends) == ([a for a, _ in spans], [b for _, b in spans])
