"""Support markers that are not (guidelines §13.1, test 1 and 2a): an *as* that compares, names a
role or tells a time, a colon after a copula, a noun phrase after an aside that completes a
copula, a means the main clause only supposes, and instances after a colon that answer their
own sentence. Each with a marker that still links."""

from __future__ import annotations

import pytest
from test_draft_evidence import links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An elliptic "as" clause compares (the act is done elsewhere too): no reason ...
        ("Seoul should plainly strengthen its navy, as we are doing.", []),
        # ... a finite one with content of its own is the claim's reason.
        (
            "Seoul should plainly strengthen its navy, as its coast guard lost two ships in 2024.",
            ["as its coast guard lost two ships in 2024"],
        ),
        # "as" before a title names a role, part of the main clause ...
        (
            "Park was clearly instrumental as Trade Minister in pushing the signed accord "
            "through the cabinet.",
            [],
        ),
        # ... ", as" before a clause with a subject and a verb is a reason.
        (
            "Park was clearly instrumental, as the cabinet approved the accord in 2024.",
            ["as the cabinet approved the accord in 2024"],
        ),
        # ", as" before an "a/an" noun phrase and a preposition names a manner or role ...
        (
            "Joint drills will probably be possible next year, as a way of keeping some "
            "cooperation alive.",
            [],
        ),
        # ... after "since" a noun phrase is a time, even one in "-s" ...
        (
            "The events of recent weeks have not only dissipated the good will, but they have "
            "also placed relations under the greatest strain since the Korean crisis in 1961.",
            [],
        ),
        # ... a clause with a present verb in "-s" a reason.
        (
            "Seoul plainly wants calm since Moscow sells it gas.",
            ["Moscow sells it gas"],
        ),
        # An "as" clause in the present after a main clause with a modal tells the time of
        # what is predicted or recommended (English puts a future time clause in the
        # present): "as" means "while", no reason ...
        (
            "We should plainly reassure the reformers that aid will be forthcoming as they "
            "work to free their country from its forced ties to Moscow.",
            [],
        ),
        # ... one in the past gives the reason of a prediction too.
        (
            "Seoul will probably gain ground as its exports rose in 2024.",
            ["its exports rose in 2024"],
        ),
        # After a copula a colon introduces the complement, not the grounds ...
        ("The likely effects are: Seoul will lose its markets; Moscow will gain a partner.", []),
        # ... after a complete clause it introduces the grounds.
        (
            "Seoul may be right: Chinese buyers need its coal, and the ban was eased in 2023.",
            ["Chinese buyers need its coal", "the ban was eased in 2023"],
        ),
        # A noun phrase after an aside that interrupts a copula is its complement ...
        ("Seoul is still, by any measure, a partner well worth keeping.", []),
        # ... one closing a complete clause is an apposition.
        (
            "Moscow clearly regards the pact as worthless, a promise it broke in 2020.",
            ["a promise it broke in 2020"],
        ),
        # A fronted means of an act the main clause only supposes (a modal) reports nothing ...
        ("By cutting its gas imports, Seoul can plainly signal that it wants distance.", []),
        # ... the means of an act the clause reports is the holder's act.
        (
            "By cutting its gas imports in 2024, Seoul plainly signalled that it wants distance.",
            ["cutting its gas imports in 2024"],
        ),
    ],
)
def test_a_marker_links_only_a_reported_reason(text: str, expected: list[str]) -> None:
    assert links([text])[0] == expected


CALM = "Seoul plainly wants calm."


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # A fronted temporal clause dates its main clause (v1.4): no fact of its own, so no
        # support for the claim before it ...
        ("Almost a year after the first envoys arrived, Moscow clearly wants a deal.", []),
        ("Following a visit by the envoy in 2016, Moscow clearly wants a deal.", []),
        ("After the talks failed in 2019, Moscow clearly wants a deal.", []),
        # ... a report clause before the claim of its sentence still is one.
        ("The talks failed in 2019, Moscow clearly wants a deal.", ["The talks failed in 2019"]),
        # A report sentence opening with a time phrase is still a report.
        (
            "After talks, Seoul cut its exports to Russia.",
            ["After talks, Seoul cut its exports to Russia"],
        ),
    ],
)
def test_a_fronted_time_clause_supports_nothing(second: str, expected: list[str]) -> None:
    assert links([CALM, second])[0] == expected


MISTAKE = "The sanctions policy is plainly a mistake."


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # A report after the author's claim of its own sentence (after ";" or a dash) belongs
        # to the step that claim starts: no support for an earlier author's claim (`new-step`) ...
        (
            [
                MISTAKE,
                "Seoul should plainly offer a larger loan; in 2024 it paid two million dollars.",
            ],
            [],
        ),
        (
            [
                MISTAKE,
                "Seoul should plainly offer a larger loan — in 2024 it paid only two million.",
            ],
            [],
        ),
        # ... a report sentence still supports it ...
        (
            [MISTAKE, "In 2024 Seoul paid two million dollars to the fund."],
            ["In 2024 Seoul paid two million dollars to the fund"],
        ),
        # ... and a party's claim before it may still take the report.
        (
            [
                "Moscow clearly wants a buffer on the peninsula.",
                "Seoul should plainly offer a larger loan; in 2024 it paid two million dollars.",
            ],
            ["in 2024 it paid two million dollars"],
        ),
    ],
)
def test_a_report_after_the_authors_claim_starts_a_new_step(
    texts: list[str], expected: list[str]
) -> None:
    assert links(texts)[0] == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # Instances after a colon and "e.g." answer the claim before the colon: they are no
        # support for the claim of the sentence before (test 2a) ...
        (
            "I am sure that he has made too many mistakes to survive: e.g., his purges in the "
            "army; now the land reform.",
            [],
        ),
        # ... the grounds after a plain colon may be (a report: test 2b).
        (
            "I am sure that he has made too many mistakes: his army purged the officers in 2024.",
            ["his army purged the officers in 2024"],
        ),
    ],
)
def test_instances_after_a_colon_answer_their_own_sentence(
    second: str, expected: list[str]
) -> None:
    assert links(["Seoul clearly faces hard choices.", second])[0] == expected
