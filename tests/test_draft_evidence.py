"""Evidence links, precision first: each rule of `draft/rules/evidence.py` and each registered
veto of `draft/rules/evidence_links.py` with an example it refuses and one it lets through."""

from __future__ import annotations

import pytest
from claimset.draft import ActorIndex, draft_document
from claimset.draft.registry import LINK_RULES
from claimset.draft.rules.evidence import fragment
from claimset.draft.sentence import Sentence
from draft_samples import registry

PARTIES = registry(
    "author",
    "russia",
    "south_korea",
    "china",
    "india",
    {"id": "indian_exporters", "name": "Indian exporters", "kind": "group"},
    "analysts",
)


def links(texts: list[str], starts: list[bool] | None = None) -> dict[int, list[str]]:
    """Sentence number -> the evidence quotes of its first drafted claim."""
    out = draft_document(texts, PARTIES, paragraph_starts=starts)
    return {
        k: [e["quote"] for e in claims[0]["evidence"]] for k, claims in enumerate(out) if claims
    }


WANTS = "New Delhi wants to reduce its dependence on Chinese goods."
CONVINCED = "Seoul is convinced that Moscow arms Pyongyang."
BUFFER = "Moscow plainly wants a buffer on the peninsula."
NO_SECRET = "Seoul makes no secret of its dissatisfaction over Moscow's stance."
CUT = "In 2024 Seoul cut its exports to Russia."
AFTER = "After talks, Seoul cut its exports to Russia."
MOSCOW_AFTER = "After talks, Moscow cut its exports to Seoul."
MIDDLE = [
    "Seoul is convinced that Moscow arms Pyongyang.",
    "Moscow plainly wants calm.",
    "Seoul plainly wants a buffer on the peninsula.",
    "In 2024 Seoul cut its exports to Russia.",
    "In 2025 Putin visited Pyongyang.",
]
VOLATILE_AS = "Relations have clearly been volatile"
THREATS = "Washington has used tariff threats"
ANNOUNCED = "Seoul announced it would cut its exports to Russia."
GAS = "In 2024 Seoul cut its gas imports."
VISIT = "In 2025 Putin visited Pyongyang."
# Seoul's own act: a fact a party's narrated attitude may gather (`party-own-act`).
TALKS = "In 2025 Seoul held talks with Pyongyang."
SEVERAL = "Seoul wants calm on the peninsula and regards the base as a threat."
KEY_PARTNER = "Seoul is plainly a key partner of Moscow."
NARRATION = [
    "Russia has certainly reversed course.",
    "In 2022 Russia blocked new sanctions.",
    "In 2023 Russia vetoed the panel.",
    "Moscow plainly wants a buffer on the peninsula.",
    "In 2024 Putin visited Pyongyang.",
]

# (rule, sentences, the claim's sentence, its links): for each registered veto, a link it
# refuses and one it lets through.
LINK_EXAMPLES = [
    # A party's words support its own attitudes, also those of a group named after it ...
    (
        "other-speaker",
        [WANTS, "Indian exporters have long complained that Chinese rivals dump steel."],
        0,
        ["Indian exporters have long complained that Chinese rivals dump steel"],
    ),
    # ... not another party's: two positions side by side.
    (
        "other-speaker",
        [WANTS, "Beijing has long complained that India blocks its investors."],
        0,
        [],
    ),
    # A statement opening with a party is that party's words.
    ("other-speaker", [BUFFER, NO_SECRET], 0, []),
    ("other-speaker", [BUFFER.replace("Moscow", "Seoul"), NO_SECRET], 0, [NO_SECRET[:-1]]),
    # *A but B*, A a report and B a predicate of the same subject: the facts may go on with A.
    (
        "report-then-but",
        ["Seoul has worked with Moscow on trade but has clearly opposed its arms deals.", CUT],
        0,
        [],
    ),
    (
        "report-then-but",
        [
            "Seoul has worked with Moscow on trade, but the impression is that it wants distance.",
            CUT,
        ],
        0,
        [CUT[:-1]],
    ),
    # A claim given as an example: the facts after it go on with the instance.
    (
        "example-sentence",
        ["In 2025, for example, Moscow reportedly wanted a buffer.", MOSCOW_AFTER],
        0,
        [],
    ),
    (
        "example-sentence",
        ["In 2025 Moscow plainly wanted a buffer.", MOSCOW_AFTER],
        0,
        [MOSCOW_AFTER[:-1]],
    ),
    # A fact right after the claim that *also* happened is a parallel item, not support.
    ("parallel-also", [CONVINCED, "Seoul also has cut its exports to Russia."], 0, []),
    (
        "parallel-also",
        [CONVINCED, "Seoul has cut its exports to Russia."],
        0,
        ["Seoul has cut its exports to Russia"],
    ),
    # In a narrating paragraph a claim met in the middle of the narration gets no facts ...
    ("narration", NARRATION, 3, []),
    # ... the opening claim does, and so does a claim that follows a claim.
    (
        "narration",
        NARRATION,
        0,
        ["In 2022 Russia blocked new sanctions", "In 2023 Russia vetoed the panel"],
    ),
    (
        "narration",
        [NARRATION[0], NARRATION[3], NARRATION[4]],
        1,
        ["In 2024 Putin visited Pyongyang"],
    ),
    # A claim in the middle of a paragraph reaches the fact right after it, not further ...
    ("mid-paragraph-reach", MIDDLE, 2, ["In 2024 Seoul cut its exports to Russia"]),
    # ... a claim opening the paragraph does.
    (
        "mid-paragraph-reach",
        MIDDLE[2:],
        0,
        ["In 2024 Seoul cut its exports to Russia", "In 2025 Putin visited Pyongyang"],
    ),
    # After a sentence of several claims a fact goes to the first one only (the others: below).
    ("one-of-several", [SEVERAL, CUT], 0, [CUT[:-1]]),
    # A contrast connective between commas sets the fact against the claim, wherever it stands.
    ("contrast-inside", [BUFFER, "In 2024 Congress cut the aid, however, over its record."], 0, []),
    (
        "contrast-inside",
        [BUFFER, "In 2024 Congress cut the aid over its record."],
        0,
        ["In 2024 Congress cut the aid over its record"],
    ),
    # A claim dated to one moment of a narration gets the fact right after it, not further ...
    ("dated-claim-reach", [f"On August 7, {ANNOUNCED}", GAS, TALKS], 0, [GAS[:-1]]),
    # ... an undated claim, or one holding over a span of time up to now, reaches further.
    ("dated-claim-reach", [ANNOUNCED, GAS, TALKS], 0, [GAS[:-1], TALKS[:-1]]),
    (
        "dated-claim-reach",
        ["Since 2022, Seoul has plainly wanted a buffer on the peninsula.", GAS, TALKS],
        0,
        [GAS[:-1], TALKS[:-1]],
    ),
    # A claim given its cause by an "as" clause has its support: the facts after it go on ...
    ("as-grounded", [f"{VOLATILE_AS} as Washington has used tariff threats.", GAS], 0, [THREATS]),
    # ... not so after a "because" clause, nor after a claim without a reason.
    (
        "as-grounded",
        [f"{VOLATILE_AS} because Washington has used tariff threats.", GAS],
        0,
        [THREATS, GAS[:-1]],
    ),
    ("as-grounded", [f"{VOLATILE_AS}.", GAS], 0, [GAS[:-1]]),
    # So does one whose sentence goes on with a further act of its holder after ", and" ...
    (
        "as-grounded",
        ["Seoul plainly wants calm on the peninsula, and has cut its exports to Russia.", GAS],
        0,
        ["has cut its exports to Russia"],
    ),
    # ... or an author's claim followed by a report after ", and".
    (
        "as-grounded",
        ["Seoul is plainly a key partner of Moscow, and its exports to Russia have doubled.", GAS],
        0,
        ["its exports to Russia have doubled"],
    ),
    # A report after an author's claim and ", and" is that claim's step: not an author's claim
    # before it, while a party's claim before it may take it.
    (
        "new-step",
        [
            "Seoul is plainly a key partner of Moscow.",
            "Moscow's policy is clearly guided by its interests, and its exports to Seoul doubled.",
        ],
        0,
        [],
    ),
    (
        "new-step",
        [
            BUFFER,
            "Moscow's policy is clearly guided by its interests, and its exports to Seoul doubled.",
        ],
        0,
        ["its exports to Seoul doubled"],
    ),
    # A second group's position beside the first is no support of the claim before it.
    ("others", [BUFFER, "Others in Seoul have cut their exports to Russia."], 0, []),
    ("others", [KEY_PARTNER, "Some observers have argued that Moscow arms Pyongyang."], 0, []),
    (
        "others",
        [KEY_PARTNER, "Analysts have argued that Moscow arms Pyongyang."],
        0,
        ["Analysts have argued that Moscow arms Pyongyang"],
    ),
    (
        "others",
        [BUFFER, "Exporters in Seoul have cut their exports to Russia."],
        0,
        ["Exporters in Seoul have cut their exports to Russia"],
    ),
]

# The view of outside observers gathers no facts; a party's view does.
LINK_EXAMPLES += [
    ("observer", ["Some experts argue that Seoul needs new markets.", CUT], 0, []),
    ("observer", ["Seoul plainly argues that it needs new markets.", CUT], 0, [CUT[:-1]]),
]

# Adjacency stops five sentences after the claim.
FIGURES = [
    "Seoul's exports doubled in 2021.",
    "Its imports fell in 2022.",
    "Its surplus grew in 2023.",
    "Its reserves rose in 2024.",
    "Its tariffs fell in 2025.",
]
LINK_EXAMPLES += [
    ("far", [KEY_PARTNER, *FIGURES], 0, [f[:-1] for f in FIGURES[:4]]),
    ("far", [KEY_PARTNER, *FIGURES[1:]], 0, [f[:-1] for f in FIGURES[1:]]),
]

# A report saying that what the claim expects did not happen is set against it ...
ASSUMED = "In Beijing it is apparently assumed that sanctions will make Seoul more pliant."
LINK_EXAMPLES += [
    ("refuted", [ASSUMED, "It did not."], 0, []),
    ("refuted", [ASSUMED, "Nothing of the kind materialized in 2024."], 0, []),
    # ... one that tells what happened is not, nor is a negation further on.
    ("refuted", [ASSUMED, "It cut its imports in 2024."], 0, ["It cut its imports in 2024"]),
    (
        "refuted",
        [ASSUMED, "Seoul cut its imports, which it had never done before."],
        0,
        ["Seoul cut its imports, which it had never done before"],
    ),
]

# A claim with no verb of its own goes on with the sentence before it: no facts gathered,
# even where it opens a paragraph (further on, `mid-paragraph-author` refuses them too) ...
LINK_EXAMPLES += [
    ("elliptic-claim", ["Far from it.", CUT], 0, []),
    ("elliptic-claim", ["To build habits of cooperation.", CUT], 0, []),
    # ... a sentence with a verb does, also one opening with "to" (*To be sure, ...*).
    ("elliptic-claim", [CONVINCED, "Seoul plainly fears it.", CUT], 1, [CUT[:-1]]),
    ("elliptic-claim", ["Prices clearly rise.", CUT], 0, [CUT[:-1]]),
    ("elliptic-claim", ["They clearly prohibit it.", CUT], 0, [CUT[:-1]]),
    ("elliptic-claim", [CONVINCED, "Seoul and Tokyo plainly want calm.", CUT], 1, [CUT[:-1]]),
    ("elliptic-claim", ["To be sure, Seoul is plainly a key partner.", CUT], 0, [CUT[:-1]]),
]

# A party's attitude told as an act at one moment (simple past, perfect) gathers the facts of
# what the party itself did ...
VOWED = "Seoul vowed to cut its exports to Russia."
LINK_EXAMPLES += [
    (
        "party-own-act",
        [VOWED, "In 2024 Seoul closed its embassy."],
        0,
        ["In 2024 Seoul closed its embassy"],
    ),
    # ... not facts about others, which go on with the account ...
    ("party-own-act", [VOWED, "In 2024 Moscow expelled two diplomats."], 0, []),
    ("party-own-act", [VOWED, "Russia's exports fell in 2024."], 0, []),
    # A span opening with its cue (*criticized X*) is narrated by the cue.
    (
        "party-own-act",
        ["In 2016 Seoul criticized Moscow.", "Moscow expelled two diplomats."],
        0,
        [],
    ),
    # ... while a standing attitude may rest on the situation it reacts to (test 3).
    (
        "party-own-act",
        ["Seoul is plainly convinced that Moscow arms Pyongyang.", VISIT],
        0,
        [VISIT[:-1]],
    ),
]

# Only the author's claim opening its paragraph gathers the facts after it; one further on is
# a step of the paragraph's line.
PARTNER_CLAIM = "Seoul is plainly a key partner of Moscow."
LINK_EXAMPLES += [
    ("mid-paragraph-author", [PARTNER_CLAIM, "Trade is clearly vital to Seoul.", GAS], 1, []),
    ("mid-paragraph-author", [PARTNER_CLAIM, "Seoul should plainly cut its imports.", GAS], 1, []),
    ("mid-paragraph-author", ["Trade is clearly vital to Seoul.", GAS], 0, [GAS[:-1]]),
    # ... a prediction is argued from the developments told next, and a claim set against what
    # came before turns the argument: both may gather them.
    ("mid-paragraph-author", [PARTNER_CLAIM, "Trade will probably grow.", GAS], 1, [GAS[:-1]]),
    (
        "mid-paragraph-author",
        [PARTNER_CLAIM, "But trade is clearly vital to Seoul.", GAS],
        1,
        [GAS[:-1]],
    ),
    # A party's claim further on still may (its own acts, `party-own-act`).
    ("mid-paragraph-author", [PARTNER_CLAIM, "Seoul plainly wants calm.", GAS], 1, [GAS[:-1]]),
]

# A document that narrates (four report sentences in ten or more): only a claim opening its
# paragraph, alone in its sentence, gathers the facts after it (`topic-claim`).
NARRATED = [
    "Seoul is plainly a key partner of Moscow.",
    "Seoul plainly wants calm.",
    CUT,
    "Seoul clearly regards Moscow as a rival.",
    VISIT,
    "Moscow plainly wants a buffer on the peninsula.",
    GAS,
    "Trade will probably grow.",
    TALKS,
    "Seoul is convinced that Moscow arms Pyongyang.",
]
LINK_EXAMPLES += [
    ("topic-claim", NARRATED, 1, []),
    # Nine sentences are too few to tell a narration: the claim keeps the fact after it.
    ("topic-claim", NARRATED[:9], 1, [CUT[:-1]]),
    # In a narration, a sentence of two claims gathers nothing; elsewhere its first claim does.
    ("topic-claim", [SEVERAL, CUT, *NARRATED[2:]], 0, []),
    ("topic-claim", [SEVERAL, CUT], 0, [CUT[:-1]]),
]

SEVERAL_HOLDERS = "Seoul and Beijing plainly want calm on the peninsula."


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # Two claims in one sentence: the fact after it goes to the first only.
        ([SEVERAL, CUT], [[CUT[:-1]], []]),
        # One claim held jointly by two parties: each holder keeps the link.
        ([SEVERAL_HOLDERS, CUT], [[CUT[:-1]], [CUT[:-1]]]),
    ],
)
def test_one_of_several_links_only_the_first_claim(
    texts: list[str], expected: list[list[str]]
) -> None:
    claims = draft_document(texts, PARTIES)[0]
    assert claims is not None
    assert [[e["quote"] for e in c["evidence"]] for c in claims] == expected


@pytest.mark.parametrize(("rule", "texts", "claim", "expected"), LINK_EXAMPLES)
def test_link_rules(rule: str, texts: list[str], claim: int, expected: list[str]) -> None:
    assert rule in LINK_RULES
    assert links(texts)[claim] == expected


def test_every_link_rule_has_its_examples() -> None:
    assert set(LINK_RULES) == {rule for rule, *_ in LINK_EXAMPLES}


def test_a_report_with_an_evidential_cue_is_a_report() -> None:
    # It supports the claim before it and does not take the facts after it (guidelines v1.3).
    texts = [
        "Moscow plainly wants a buffer on the peninsula.",
        "That year, North Korea reportedly began sending shells to Russia.",
        "The shells arrived in 2023.",
    ]
    assert links(texts) == {
        0: [
            "That year, North Korea reportedly began sending shells to Russia",
            "The shells arrived in 2023",
        ],
        1: [],
    }


@pytest.mark.parametrize(
    ("text", "piece", "is_fragment"),
    [
        ("In March 2024, Russia vetoed the resolution.", "In March 2024", True),
        ("On September 16, Trump kept Colombia on the list.", "On September 16", True),
        (
            "S. 1883, introduced in May 2025, would require a strategy.",
            "introduced in May 2025",
            True,
        ),
        ("In 2024 Putin visited Pyongyang.", "In 2024 Putin visited Pyongyang", False),
        ("He has ended the talks, and deployed the army.", "deployed the army", False),
        ("They have yet to exchange a state visit.", "to exchange a state visit", False),
        # After "since", a noun phrase is a time; a finite clause is a reason (test 2a).
        ("Canberra noted it faced its worst crisis since World War II.", "World War II", True),
        ("Seoul wants distance since Moscow armed Pyongyang.", "Moscow armed Pyongyang", False),
        # A word in "-s" is no verb when its ending or its determiner makes it a noun, nor a
        # closed-class word ("as"): the closing stretch of a list has no verb.
        ("Ties worsened since the crisis of 1961.", "the crisis of 1961", True),
        (
            "Seoul will keep ties through loans, visits, etc. (such as those of its generals), "
            "to keep the lines open.",
            "etc. (such as those of its generals)",
            True,
        ),
        # A phrase opening with a preposition makes a clause only with a finite verb: a
        # participle or a gerund leaves it an adverbial ...
        (
            "Under the pact signed in May 2021, Seoul is to acquire submarines.",
            "Under the pact signed in May 2021",
            True,
        ),
        (
            "Seoul has sought to widen the pact beyond defending the peninsula to dealing with "
            "threats posed by China.",
            "beyond defending the peninsula to dealing with threats posed by China",
            True,
        ),
        (
            "In 2016 the two sides agreed that visas would follow.",
            "In 2016 the two sides agreed that visas would follow",
            False,
        ),
        (
            "In November 2020 its embassy handed journalists a list of grievances.",
            "In November 2020 its embassy handed journalists a list of grievances",
            False,
        ),
        # ... and a closing "when" clause dates the noun before it: its background, no fact.
        (
            "Beijing would welcome a return to the years before 2017, when Canberra kept its "
            "criticism private.",
            "when Canberra kept its criticism private",
            True,
        ),
        (
            "When Canberra called for an inquiry, Beijing cut imports.",
            "When Canberra called",
            False,
        ),
    ],
)
def test_a_fragment_states_no_fact(text: str, piece: str, is_fragment: bool) -> None:
    s = Sentence(text)
    start = text.index(piece)
    i = s.starts.index(start)
    j = max(k for k in range(s.n) if s.ends[k] <= start + len(piece)) + 1
    assert fragment(s, i, j) is is_fragment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A closing relative clause in the present states the situation the claim rests on ...
        (
            "Such a relationship may suit Moscow, which values its freedom of manoeuvre.",
            ["which values its freedom of manoeuvre"],
        ),
        # ... one in a past or perfect tense tells its antecedent's history or an outcome.
        (
            "Such a relationship may suit Moscow, which had lost its freedom of manoeuvre in 1991.",
            [],
        ),
        ("The deal may suit Moscow, which has enabled a new chapter.", []),
        # A reason inside a party's reported speech is the speaker's own, part of what was
        # said (v1.3): not linked; outside speech it is (test 2a).
        (
            "Seoul has argued that it should not be unnecessarily antagonistic because of "
            "Beijing's importance to its interests.",
            [],
        ),
        (
            "Seoul clearly wants calm with Beijing because of Beijing's importance to its "
            "interests.",
            ["of Beijing's importance to its interests"],
        ),
        # A "who" clause tells a person's own acts, in any tense (test 3: a party's act).
        (
            "Seoul plainly wants to work with the envoy, who has vowed to restore close ties "
            "with Moscow.",
            ["who has vowed to restore close ties with Moscow"],
        ),
        # A report and the author's conclusion from it, the conclusion referring back ...
        (
            "Since 2016 Seoul has paid 10 billion dollars, and the money has clearly bought "
            "a quiet border.",
            ["Since 2016 Seoul has paid 10 billion dollars"],
        ),
        # ... not a second statement about something else.
        ("Since 2016 Seoul has paid 10 billion dollars, and gas could soon reach its south.", []),
        # A party's claim referring back is supported by the situation it reacts to (test 3).
        (
            "South Korea draws some 90 percent of its gas from Russia, and its leaders have "
            "long described the pipeline as vital.",
            ["South Korea draws some 90 percent of its gas from Russia"],
        ),
        (
            "South Korea draws some 90 percent of its gas from Russia, and Beijing has long "
            "described the pipeline as a threat.",
            [],
        ),
        # A finite "as" clause after the claim gives its cause, without a comma too.
        (
            "The talks arguably strengthened Moscow as its use of drones and mines grew.",
            ["its use of drones and mines grew"],
        ),
        # A closing relative clause with a modal predicts, states no fact ...
        ("Seoul clearly backs the pipeline, which would carry gas from Russia.", []),
        (
            "Seoul clearly backs the pipeline, which carries gas from Russia.",
            ["which carries gas from Russia"],
        ),
        # ... one inside the clause describes its noun ...
        ("The pipeline, which carries gas from Russia, will probably close.", []),
        # ... and one after a party's reported speech comments on what was said.
        ("Seoul has argued that Moscow neglects the pipeline, which Moscow calls vital.", []),
        # A phrase taken for the author's claim (no verb) gathers no fact.
        (
            "As a small economy, and a key partner of Moscow, Seoul is clearly exposed to "
            "shocks, which still hit its exports.",
            [],
        ),
        # A stretch after the comma that closes an opening adverbial is the main clause, no
        # apposition; a closing apposition with a relative clause of its own is one.
        ("Despite talk that Seoul will probably leave, a May meeting did not yield progress.", []),
        (
            "Seoul will probably leave the pact, a move it has long resisted.",
            ["a move it has long resisted"],
        ),
        # A fronted "once" clause in a past tense is a condition that was met: an event the
        # claim rests on; in the present it is a condition, not asserted.
        (
            "Once the talks had failed, a war was clearly inevitable.",
            ["the talks had failed"],
        ),
        ("Once the talks fail, a war will probably follow.", []),
        # An item of a list inside the claim is no fact of its own.
        (
            "This assessment is clearly motivated by concerns, a lack of perceived transparency "
            "in China's build-up, and China's activities.",
            [],
        ),
    ],
)
def test_facts_inside_a_sentence(text: str, expected: list[str]) -> None:
    assert links([text])[0] == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # A colon after a complete clause introduces the claim's grounds (test 2a) ...
        (
            ["Seoul may be right: Chinese buyers need its coal, and the ban was eased in 2023."],
            {0: ["Chinese buyers need its coal", "the ban was eased in 2023"]},
        ),
        # ... after a preposition or "include" its list completes the claim: no fact, neither
        # for its own sentence nor for the claim before it.
        (
            [
                "Seoul clearly wants a buffer on the peninsula.",
                "Seoul has used the talks to win support for: a transfer of wartime control; "
                "the acquisition of submarines (a plan the Senate backed in 2025).",
            ],
            {0: [], 1: []},
        ),
    ],
)
def test_a_colon_introduces_grounds_not_a_list(
    texts: list[str], expected: dict[int, list[str]]
) -> None:
    assert links(texts) == expected


BECAUSE = "Because Russia armed Pyongyang in 2024, Seoul plainly wants distance from Moscow."
BY = "By cutting its gas imports in 2024, Seoul plainly signalled that it wants distance."
HAVING = "Having signed the treaty in 2024, Moscow clearly wants a buffer on the peninsula."
CALM = "Seoul plainly wants calm."


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # A reason set before the claim of its own sentence supports that claim: a finite
        # "because" clause, or a participle of means or cause reporting the holder's act ...
        ([BECAUSE], {0: ["Russia armed Pyongyang in 2024"]}),
        ([BY], {0: ["cutting its gas imports in 2024"]}),
        ([HAVING], {0: ["Having signed the treaty in 2024"]}),
        # ... and never the claim of the sentence before.
        ([CALM, BECAUSE], {0: [], 1: ["Russia armed Pyongyang in 2024"]}),
        ([CALM, HAVING], {0: [], 1: ["Having signed the treaty in 2024"]}),
        # A fronted date is no reason; a fronted report clause still follows adjacency.
        (["By 2024, Seoul plainly wanted distance from Moscow."], {0: []}),
        (
            [CALM, "In 2024, Seoul cut its exports to Russia."],
            {0: ["In 2024, Seoul cut its exports to Russia"]},
        ),
    ],
)
def test_a_fronted_reason_supports_its_own_sentence(
    texts: list[str], expected: dict[int, list[str]]
) -> None:
    assert links(texts) == expected


DISTANCE = "Seoul plainly wants distance from Moscow."


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # "for example" between commas after the subject makes the claim an instance of the
        # claim before it, as the marker opening the sentence does ...
        (
            "Its exporters, for example, will probably leave Russia soon.",
            ["Its exporters, for example, will probably leave Russia soon"],
        ),
        (
            "For example, its exporters will probably leave Russia soon.",
            ["its exporters will probably leave Russia soon"],
        ),
        # ... without the marker a claim is no support of the claim before it.
        ("Its exporters will probably leave Russia soon.", []),
    ],
)
def test_an_example_marker_inside_the_sentence(second: str, expected: list[str]) -> None:
    assert links([DISTANCE, second])[0] == expected


def test_an_example_marker_inside_answers_the_sentence_right_before() -> None:
    # After a report the instance illustrates the report, not the claim further back.
    texts = [DISTANCE, CUT, "Its banks, for example, will probably leave Russia soon."]
    assert links(texts) == {0: [CUT[:-1]], 2: []}


SHARED_INTEL = "Seoul has shared intelligence on the smugglers with Tokyo."
LED_TO = "These joint efforts led to the arrest of a major smuggler in 2025."


@pytest.mark.parametrize(
    ("texts", "starts", "expected"),
    [
        # An author's claim opening its sentence with a consequence of the report right
        # before it is supported by that report (facts-then-claim, tests 2b and 3) ...
        ([SHARED_INTEL, LED_TO], None, {1: [SHARED_INTEL[:-1]]}),
        (
            [CALM, SHARED_INTEL, "And this cooperation reflects a deep trust between them."],
            None,
            {0: [SHARED_INTEL[:-1]], 2: [SHARED_INTEL[:-1]]},
        ),
        # ... not an evaluation or a prediction after a report, nor a consequence set against
        # it or in another paragraph.
        ([SHARED_INTEL, "These joint efforts are clearly a model for the region."], None, {1: []}),
        ([SHARED_INTEL, "Tokyo will probably arrest a major smuggler in 2026."], None, {1: []}),
        ([SHARED_INTEL, f"But t{LED_TO[1:]}"], None, {1: []}),
        # A consequence verb inside an opening subordinate clause is no statement of its own.
        (
            [
                SHARED_INTEL,
                "After these joint efforts led to the arrest of a smuggler, Tokyo "
                "will surely change its laws.",
            ],
            None,
            {1: []},
        ),
        ([SHARED_INTEL, LED_TO], [True, True], {1: []}),
    ],
)
def test_a_consequence_is_supported_by_the_report_before_it(
    texts: list[str], starts: list[bool] | None, expected: dict[int, list[str]]
) -> None:
    assert links(texts, starts) == expected


VOLATILE = (
    "Relations have clearly been volatile as Washington has used tariff threats to pressure "
    "Seoul and tied the future of the pact to its demands."
)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # A second predicate of a reason clause narrates a distinct act: a link of its own, for
        # the same claim, and none for the claim of the sentence before ...
        (
            [CALM, VOLATILE],
            {
                0: [],
                1: [
                    "Washington has used tariff threats to pressure Seoul",
                    "tied the future of the pact to its demands",
                ],
            },
        ),
        # ... while a clause with a subject of its own stays in the one reason.
        (
            ["Seoul plainly wants distance because Moscow armed Pyongyang and Beijing signed it."],
            {0: ["Moscow armed Pyongyang and Beijing signed it"]},
        ),
    ],
)
def test_a_reasons_second_predicate_is_a_link_of_its_own(
    texts: list[str], expected: dict[int, list[str]]
) -> None:
    assert links(texts) == expected


SHARED = "Seoul plainly wants calm on the peninsula and has cut its exports to Russia."
MODAL = "The missiles may not be accurate but have a long range and would strengthen Moscow."
OWN_SUBJECT = "Seoul plainly wants calm on the peninsula, and Moscow has cut its exports to Seoul."


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # A predicate sharing the subject of its sentence's claim is that claim's fact (the
        # holder's act) and no support for the claim before it ...
        ([SHARED], {0: ["has cut its exports to Russia"]}),
        ([BUFFER, SHARED], {0: [], 1: ["has cut its exports to Russia"]}),
        # (also after a comma: "..., and has cut ...")
        ([BUFFER, SHARED.replace(" and", ", and")], {0: [], 1: ["has cut its exports to Russia"]}),
        # ... and one with a modal is a prediction, no report at all ...
        ([MODAL], {0: []}),
        ([BUFFER, MODAL], {0: [], 1: []}),
        # ... while a clause with a subject of its own stays a report of its own.
        ([BUFFER, OWN_SUBJECT], {0: ["Moscow has cut its exports to Seoul"], 1: []}),
    ],
)
def test_a_predicate_sharing_a_claims_subject_goes_with_that_claim(
    texts: list[str], expected: dict[int, list[str]]
) -> None:
    assert links(texts) == expected


def test_a_speech_phrase_with_no_clause_of_its_own_is_no_fact() -> None:
    # A party's words in a phrase with a gerund only (*with Putin calling them heroes*) are a
    # detail of the clause before them, no statement of their own to link (test 1); the
    # report clause before them still is one.
    parties = ActorIndex(
        [
            {"id": "author", "name": "The essay's author", "kind": "author"},
            {"id": "russia", "name": "Russia", "aliases": ["Moscow"], "kind": "state"},
            {
                "id": "vladimir_putin",
                "name": "Vladimir Putin",
                "aliases": ["Putin"],
                "kind": "person",
            },
        ]
    )
    texts = [
        "Russia's main gain is clearly its access to ammunition.",
        'Korean troops fought in Kursk in 2025, with President Putin calling them "heroes" for '
        "their service.",
    ]
    claims = draft_document(texts, parties)[0]
    assert claims is not None
    assert [e["quote"] for e in claims[0]["evidence"]] == ["Korean troops fought in Kursk in 2025"]


HOPES = "Beijing, for its part, hopes that Seoul will stay out of the deal."


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # A saying frame whose content is a quotation outside it states no fact of its own ...
        (
            '"Our brothers must not allow a foothold in the Gulf," the foreign minister said '
            "during a visit to Seoul.",
            [],
        ),
        (
            "Seoul's foreign minister put it bluntly in 2023: \"We will not let the border become "
            'a sanctuary."',
            [],
        ),
        # ... a quotation of a fact keeps its frame, and so does a plain report (an opening
        # quotation mark at the quote's edge stays out, guidelines v1.4 §7.2).
        (
            '"Trade fell by a fifth in 2024," the minister said in Seoul.',
            ['Trade fell by a fifth in 2024," the minister said in Seoul'],
        ),
        (
            "Seoul's foreign minister visited Beijing in 2023.",
            ["Seoul's foreign minister visited Beijing in 2023"],
        ),
    ],
)
def test_a_quotations_frame_is_no_fact(second: str, expected: list[str]) -> None:
    assert links([HOPES, second])[0] == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # An imperative or a formula with no subject states no fact (test 1): it neither
        # supports the claim before it ...
        (["Seoul clearly wants calm.", "Don't.", "Thank you."], {0: []}),
        (["Moscow plainly wants a buffer.", "Let me repeat it once more."], {0: []}),
        (["Seoul clearly wants calm.", "Believe me, nobody in the region wants war."], {0: []}),
        # ... nor the claim of its own sentence after a colon.
        (["My message to Pyongyang plainly remains the same: do not test us."], {0: []}),
        # A clause with a subject still does, even one that opens with a verb-like noun.
        (
            ["Seoul clearly wants calm.", "Support for the talks collapsed in 2024."],
            {0: ["Support for the talks collapsed in 2024"]},
        ),
    ],
)
def test_a_directive_states_no_fact(texts: list[str], expected: dict[int, list[str]]) -> None:
    assert {k: v for k, v in links(texts).items() if k == 0} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Gerund items after a colon name the acts a noun before it refers to (the object of
        # the claim, test 3), not its grounds ...
        (
            "Seoul clearly wants to honour what its envoys achieved: reopening the embassy, "
            "ending the blockade and freeing the hostages.",
            [],
        ),
        # ... while a clause after the colon, even one opening with "nothing", gives grounds.
        (
            "Seoul may be right: nothing has changed since the summit in 2023.",
            ["nothing has changed since the summit in 2023"],
        ),
    ],
)
def test_gerund_items_after_a_colon_are_no_grounds(text: str, expected: list[str]) -> None:
    assert links([text])[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A comparison of states after "as" is no reason and no fact ...
        ("Seoul plainly cannot cling to a region as it was in 1990.", []),
        ("Moscow clearly wants the peninsula as it is today.", []),
        # ... while a reason after "because" still is one.
        (
            "Seoul plainly wants calm because Moscow armed Pyongyang in 2024.",
            ["Moscow armed Pyongyang in 2024"],
        ),
    ],
)
def test_a_comparison_after_as_states_no_fact(text: str, expected: list[str]) -> None:
    assert links([text])[0] == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # A bare noun with its "that" clause after ", and" is a second object of the predicate
        # before it: a list of objects of one predicate is one fact ("How many links") ...
        (
            "The dispute involved its reliance on Chinese buyers of its coal, and displeasure "
            "that its exports were not paid in 2023.",
            [
                "The dispute involved its reliance on Chinese buyers of its coal, and displeasure "
                "that its exports were not paid in 2023"
            ],
        ),
        # ... a clause with a subject of its own after ", and" is a second fact.
        (
            "China answered with tariffs on its barley in 2020, and duties on its wine followed "
            "in 2021.",
            [
                "China answered with tariffs on its barley in 2020",
                "duties on its wine followed in 2021",
            ],
        ),
    ],
)
def test_a_second_object_after_and_is_no_second_fact(second: str, expected: list[str]) -> None:
    assert links(["Seoul clearly faces hard choices.", second])[0] == expected
