"""The speaker's "we" in a speech (guidelines v1.3 §6.1, rule `rules/speaker.py`).

A document whose record names the party its speaker speaks for (`speaks_for`) is a speech: a
"we" that holds an attitude or declares a policy is that party, quoted; a deontic "we need to"
stays the author's obligation, directed at the party "we" denotes; "we" and "our" are never
the author's actor quote. Each case is drafted with and without `speaks_for`: without it the
drafter does what it always did (the author's "we")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from claimset.draft import draft, draft_document, draft_sentence
from claimset.errors import InvalidLine
from claimset.project import Project
from draft_samples import fields, registry

PARTIES = registry(
    "author",
    {"id": "united_states", "name": "the United States", "aliases": ["US"], "kind": "state"},
    {"id": "china", "name": "China", "aliases": ["Beijing", "the PRC"], "kind": "state"},
    {"id": "india", "name": "India", "kind": "state"},
)
US = "united_states"


def claims(text: str, speaks_for: str | None = US) -> list[tuple[Any, ...]]:
    """(actor ref, actor quote, type, target, polarity, span) of each drafted claim."""
    return fields(
        draft_sentence(text, PARTIES, speaks_for=speaks_for),
        "holder",
        "actor_quote",
        "type",
        "target",
        "polarity",
        "span",
    )


# -- positive cases: the speaker's party ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An attitude verb with "we" as its subject.
        (
            "So we intend to stick with this strategy.",
            [(US, "we", "intention", None, "positive", "stick with this strategy")],
        ),
        (
            "In the period ahead, we hope we can work with Beijing on crisis communication.",
            [
                (
                    US,
                    "we",
                    "desire",
                    "china",
                    "positive",
                    "we can work with Beijing on crisis communication",
                )
            ],
        ),
        (
            "We are ready to coordinate on climate.",
            [(US, "We", "intention", None, "positive", "coordinate on climate")],
        ),
        # A stance adjective after a contracted copula and a negation.
        (
            "We’re not interested in talks for their own sake.",
            [(US, "We", "desire", None, "negative", "interested in talks for their own sake")],
        ),
        # A declared course: "we will / we'll / we're ready to" + an action.
        (
            "We’ll continue to uphold freedom of navigation in the region.",
            [
                (
                    US,
                    "We",
                    "intention",
                    None,
                    "positive",
                    "continue to uphold freedom of navigation in the region",
                )
            ],
        ),
        (
            "We’re ready to coordinate on climate.",
            [(US, "We", "intention", None, "positive", "coordinate on climate")],
        ),
        (
            "We will not recreate the old structures.",
            # The negation stays inside the span (§7.1).
            [(US, "We", "intention", None, "negative", "not recreate the old structures")],
        ),
        (
            "We won’t stop until the job is done.",
            [(US, "We", "intention", None, "negative", "stop until the job is done")],
        ),
        (
            "We’ll talk to Beijing about the Red Sea, and we’ll take measures to respond.",
            [
                (US, "We", "intention", "china", "positive", "talk to Beijing about the Red Sea"),
                (US, "we", "intention", None, "positive", "take measures to respond"),
            ],
        ),
    ],
)
def test_the_speakers_we_holding_an_attitude_or_declaring_a_policy_is_the_party(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected
    # Without `speaks_for` it is the author's, as in an essay.
    assert all(ref == "author" for ref, *_ in claims(text, None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The speaker's own declared course is the author's intention, quoted "I" (§6.1) ...
        (
            "After two decades of war, I will not send another generation to fight with no hope.",
            (
                "author",
                "I",
                "intention",
                "negative",
                "not send another generation to fight with no hope",
            ),
        ),
        (
            "And later this month, I’m going to ask Beijing for an explanation.",
            ("author", "I", "intention", "positive", "ask Beijing for an explanation"),
        ),
        (
            "I am going to visit India in the spring.",
            ("author", "I", "intention", "positive", "visit India in the spring"),
        ),
        (
            "I’ll never forget the families who waited at the airport.",
            (
                "author",
                "I",
                "intention",
                "negative",
                "never forget the families who waited at the airport",
            ),
        ),
    ],
)
def test_the_speakers_declared_course_is_the_authors_intention(
    text: str, expected: tuple[Any, ...]
) -> None:
    found = [(ref, quote, typ, pol, span) for ref, quote, typ, _, pol, span in claims(text)]
    assert found[-1] == expected
    # In an essay nothing changes (no declared course of the speaker).
    assert all(typ != "intention" for _, _, typ, *_ in claims(text, None))


@pytest.mark.parametrize(
    "text",
    [
        # A comparative state is an outcome the speaker predicts, not a course ...
        "And we will be more formidable to our rivals if we fight the next battles.",
        "I will be better prepared next time.",
        # ... and so is a hedged one.
        "We’ll probably have more to say about this tomorrow.",
        "I will likely travel to Delhi in May.",
    ],
)
def test_a_comparative_or_hedged_future_stays_the_authors_prediction(text: str) -> None:
    assert [(ref, typ) for ref, _, typ, *_ in claims(text)] == [("author", "prediction")]


@pytest.mark.parametrize(
    "text",
    [
        "And we will be more formidable to our rivals if we fight the next battles.",
        "We’ll probably have more to say about this tomorrow.",
        "We would have run the risk of sending more troops.",
    ],
)
def test_the_authors_claim_about_the_speakers_we_is_directed_at_the_party(text: str) -> None:
    # The party "we" denotes is the agent of the author's claim (§9 rule 3) ...
    assert [(ref, target) for ref, _, _, target, *_ in claims(text)] == [("author", US)]
    # ... and in an essay "we" is the author's: no party.
    assert [(ref, target) for ref, _, _, target, *_ in claims(text, None)] == [("author", None)]


def test_coordinated_actions_of_the_speakers_we_are_all_the_partys() -> None:
    found = claims("We intend to protect our interests and defend our allies.")
    assert [(ref, quote, typ) for ref, quote, typ, *_ in found] == [
        (US, "We", "intention"),
        (US, "We", "intention"),
    ]


# -- deontic "we": the author's obligation --------------------------------------------------------


def test_a_deontic_we_is_the_authors_obligation_directed_at_the_party() -> None:
    text = "So we have to keep working at this by intensifying both diplomacy and deterrence."
    assert claims(text) == [
        (
            "author",
            None,
            "obligation",
            US,
            "positive",
            "we have to keep working at this by intensifying both diplomacy and deterrence",
        )
    ]
    # In an essay the pronoun is the author's quote and no party is the target.
    assert claims(text, None)[0][:4] == ("author", "we", "obligation", None)


def test_a_deontic_we_with_a_modal_before_it_is_still_an_obligation() -> None:
    found = claims("We will need to continue to drive similar efforts.")
    assert [f[:4] for f in found] == [("author", None, "obligation", US)]


@pytest.mark.parametrize(
    "text",
    [
        "We also need to work together to shape the rules.",
        "We each need to do more for the climate.",
        "We need to leverage American and Indian innovation to help the world.",
    ],
)
def test_a_deontic_we_of_two_parties_has_no_target(text: str) -> None:
    found = claims(text)
    assert [f[:4] for f in found] == [("author", None, "obligation", None)]


@pytest.mark.parametrize(
    "text",
    [
        "We should not underestimate the effect of the crisis on China.",
        "We need to find occasion to underscore our commitment to India publicly.",
        "We can help Beijing in this period by showing our confidence in its leaders.",
        "Sooner or later we will have to pay a higher price for ties with India.",
    ],
)
def test_an_essays_we_is_the_party_that_should_act_not_the_objects_party(text: str) -> None:
    # Without `speaks_for` the party "we" denotes is unknown; the obliged party (the agent) is
    # still "we", so the party of the object is no target (guidelines §9 rules 1 and 3).
    assert [f[0] for f in claims(text, None)] == ["author"]
    assert [f[3] for f in claims(text, None)] == [None]


def test_an_essays_claim_whose_subject_is_another_party_keeps_its_target() -> None:
    assert claims("China should stop threatening India, as we all know.", None)[0][3] == "china"


# -- negative cases: left as they were ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "We" inside another party's content is not the speaker's course.
        (
            "China believes that we will fail.",
            [("china", "China", "prediction", None, "positive", "we will fail")],
        ),
        # Inside the author's own claim ("I think ...") it stays there.
        (
            "I think we will win.",
            [("author", "I", "prediction", None, "positive", "we will win")],
        ),
        # A "we" or "our" only owning or inside the content is no actor quote (§6.1).
        (
            "Our companies are linked.",
            [("author", None, "belief", None, "positive", "Our companies are linked")],
        ),
        (
            "The partnership we have built is one of intention, of choice.",
            [
                (
                    "author",
                    None,
                    "belief",
                    None,
                    "positive",
                    "The partnership we have built is one of intention, of choice",
                )
            ],
        ),
        # A named subject keeps its claim.
        (
            "India intends to join the accords.",
            [("india", "India", "intention", None, "positive", "join the accords")],
        ),
    ],
)
def test_other_we_and_our_are_left_alone(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "India intends to join the accords.",
        "China believes that we will fail.",
        "I think Beijing will wait.",
    ],
)
def test_sentences_without_we_draft_alike_with_or_without_speaks_for(text: str) -> None:
    assert claims(text) == claims(text, None)


def test_a_quoted_we_is_the_quoted_speakers() -> None:
    text = 'Beijing said: "We will never accept this."'
    assert all(ref != US for ref, *_ in claims(text))


# -- the document and the project ----------------------------------------------------------------


def test_draft_document_passes_speaks_for_to_every_sentence() -> None:
    texts = ["Our partnership is strong.", "We’ll keep working to manage the competition."]
    drafted = draft_document(texts, PARTIES, speaks_for=US)
    second = drafted[1] or []
    assert [(c["actor"]["ref"], c["actor"]["quote"]) for c in second] == [(US, "We")]
    essay = draft_document(texts, PARTIES)[1] or []
    assert [c["actor"]["ref"] for c in essay] == ["author"]


def _project(tmp_path: Path, speaks_for: str) -> Project:
    """A project of one speech, its sentence `todo`, its record naming `speaks_for`."""
    from claimset import jsonio

    text = "We’ll keep working to manage the competition."
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "speech.txt").write_text(text + "\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "annotations").mkdir(parents=True)
    actors = [
        {"id": "author", "name": "The author", "aliases": [], "kind": "author"},
        {"id": US, "name": "the United States", "aliases": [], "kind": "state"},
    ]
    (corpus / "actors.jsonl").write_bytes(jsonio.jsonl_bytes(actors))
    document = {
        "id": "speech",
        "title": None,
        "source": None,
        "license": None,
        "language": "en",
        "sha256": "0" * 64,
        "sentence_count": 1,
        "split": "train",
        "speaks_for": speaks_for,
    }
    (corpus / "documents.jsonl").write_bytes(jsonio.jsonl_bytes([document]))
    record = {
        "id": "speech:0000",
        "doc": "speech",
        "start": 0,
        "end": len(text),
        "text": text,
        "status": "todo",
        "annotator": None,
        "claims": [],
    }
    (corpus / "annotations" / "speech.jsonl").write_bytes(jsonio.jsonl_bytes([record]))
    return Project(tmp_path)


def test_draft_reads_speaks_for_from_the_documents_file(tmp_path: Path) -> None:
    project = _project(tmp_path, US)
    assert draft(project).ok
    from claimset import jsonio

    (record,) = jsonio.read_jsonl(tmp_path / "corpus" / "annotations" / "speech.jsonl")
    assert [(c["actor"]["ref"], c["actor"]["quote"]) for c in record["claims"]] == [(US, "We")]


def test_draft_refuses_a_speaks_for_that_is_no_actor(tmp_path: Path) -> None:
    project = _project(tmp_path, "united_state")
    before = (tmp_path / "corpus" / "annotations" / "speech.jsonl").read_bytes()
    with pytest.raises(InvalidLine) as raised:
        draft(project)
    assert raised.value.file == "corpus/documents.jsonl"
    assert raised.value.line == 1
    assert "'united_state' is not an actor id" in str(raised.value)
    assert (tmp_path / "corpus" / "annotations" / "speech.jsonl").read_bytes() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "We" + a copula (or "remain") + a predicate of state: the party's own stance.
        (
            "We’re united in our support of Seoul.",
            (US, "We", "desire", None, "positive", "united in our support of Seoul"),
        ),
        (
            "So we’re clear-eyed about the risks we face.",
            (US, "we", "belief", None, "positive", "clear-eyed about the risks we face"),
        ),
        (
            "We remain open to talks with Beijing if they are serious.",
            (
                US,
                "We",
                "belief",
                "china",
                "positive",
                "remain open to talks with Beijing if they are serious",
            ),
        ),
        (
            "We are not naive about Beijing.",
            (US, "We", "belief", "china", "negative", "not naive about Beijing"),
        ),
    ],
)
def test_the_speakers_we_in_a_stated_stance(text: str, expected: tuple[Any, ...]) -> None:
    assert claims(text) == [expected]
    assert [c[0] for c in claims(text, None)] == ["author"]  # an essay's "we": the author's


@pytest.mark.parametrize(
    "text",
    [
        # An action in progress is a report, a predicate noun a description: no stance.
        "We are closely monitoring the markets for any disruption.",
        "We’re executing a plan with our partners.",
        "We are a nation of immigrants.",
    ],
)
def test_no_stance_in_an_action_or_a_description(text: str) -> None:
    assert US not in [c[0] for c in claims(text)]
