"""Tests for claimset.segment: Golden Rules, the seed essay, phenomena, offsets, properties."""

from __future__ import annotations

import json
import re
import textwrap
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from claimset import Segment, split_sentences
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
SEED_PATH = REPO / "seeds" / "000_a59439a6f7a726ad.txt"
GOLDEN_PATH = Path(__file__).parent / "data" / "segment" / "golden_rules_en.jsonl"


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _squeeze(text: str) -> str:
    """Text without any whitespace: the same sentence, however it was wrapped."""
    return re.sub(r"\s+", "", text)


def assert_valid(text: str, segments: list[Segment]) -> None:
    """Offsets are exact, trimmed, ordered, disjoint, and no letter or digit is lost."""
    prev = 0
    covered = 0
    for seg in segments:
        assert isinstance(seg, Segment)
        assert prev <= seg.start < seg.end <= len(text), seg
        assert text[seg.start : seg.end] == seg.text, seg
        assert seg.text == seg.text.strip(), seg
        covered += sum(ch.isalnum() for ch in seg.text)
        prev = seg.end
    assert covered == sum(ch.isalnum() for ch in text)


def sentences(text: str) -> list[str]:
    segments = split_sentences(text)
    assert_valid(text, segments)
    return [seg.text for seg in segments]


# --- Golden Rules ------------------------------------------------------------------------------


def _golden_rules() -> list[Any]:
    rules = [json.loads(line) for line in GOLDEN_PATH.read_text(encoding="utf-8").splitlines()]
    return [pytest.param(r["text"], r["expected"], id=f"{r['id']:02d}-{r['name']}") for r in rules]


def test_golden_rules_file_is_complete() -> None:
    assert len(_golden_rules()) == 48


@pytest.mark.parametrize(("text", "expected"), _golden_rules())
def test_golden_rule(text: str, expected: list[str]) -> None:
    assert [_collapse(s) for s in sentences(text)] == [_collapse(s) for s in expected]


# --- The seed essay ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def _wrapped(text: str, width: int = 72, *, newline: str = "\n", **kwargs: Any) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    wrapped = (newline * 2).join(textwrap.fill(p, width, **kwargs) for p in paragraphs)
    return wrapped.replace("\n", newline)


def test_seed_has_46_sentences(seed_text: str) -> None:
    found = sentences(seed_text)
    assert len(found) == 46
    assert "* * *" not in found
    assert found[0].startswith("It did not evade watchers")
    assert found[3] == (
        "First, Seoul hopes that Moscow will help it to deal with the DPRK and employ whatever "
        "leverage over the country to influence Pyongyang's conduct accordingly."
    )
    assert found[42].startswith("Russiashould formulate")
    assert found[-1].endswith("advancing Russian interests in Korea.")


def test_seed_offsets_match_spec_example(seed_text: str) -> None:
    seg = split_sentences(seed_text)[3]
    assert (seg.start, seg.end) == (547, 704)  # the sentence record example in SPEC.md


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_hard_wrapped_seed_gives_the_same_46_sentences(seed_text: str, newline: str) -> None:
    wrapped = _wrapped(seed_text, newline=newline)
    assert "* * *" in wrapped
    assert len(wrapped.splitlines()) > 100
    expected = [_squeeze(s) for s in sentences(seed_text)]
    assert [_squeeze(s) for s in sentences(wrapped)] == expected


@pytest.mark.parametrize("width", [30, 40, 50, 60, 80, 100])
@pytest.mark.parametrize("indent", ["", "    "], ids=["flush", "indented"])
def test_seed_wrapped_at_other_widths(seed_text: str, width: int, indent: str) -> None:
    wrapped = _wrapped(seed_text, width, initial_indent=indent)
    expected = [_squeeze(s) for s in sentences(seed_text)]
    assert [_squeeze(s) for s in sentences(wrapped)] == expected


def test_seed_with_crlf_line_endings(seed_text: str) -> None:
    crlf = seed_text.replace("\n", "\r\n")
    assert [s for s in sentences(crlf)] == sentences(seed_text)


# --- Essay phenomena ---------------------------------------------------------------------------

CASES: dict[str, list[tuple[str, list[str]]]] = {
    "titles": [
        ("Gen. Smith came.", ["Gen. Smith came."]),
        ("Dr. Jones met Mrs. Smith and Prof. Lee.", ["Dr. Jones met Mrs. Smith and Prof. Lee."]),
        (
            "Lt. Col. Smith and Capt. Jones arrived. Sgt. Brown stayed.",
            ["Lt. Col. Smith and Capt. Jones arrived.", "Sgt. Brown stayed."],
        ),
        (
            "Adm. Nelson, Maj. Reno and Rev. Green spoke. They left.",
            ["Adm. Nelson, Maj. Reno and Rev. Green spoke.", "They left."],
        ),
        (
            "Sen. Brown and Gov. White met Pres. Black.",
            ["Sen. Brown and Gov. White met Pres. Black."],
        ),
        (
            "He works as a sales rep. The pay is good.",
            ["He works as a sales rep.", "The pay is good."],
        ),
    ],
    "months": [
        (
            "It was signed on Jan. 5, 2008. Nobody came.",
            ["It was signed on Jan. 5, 2008.", "Nobody came."],
        ),
        (
            "The attack of Sept. 11 changed that. Oct. 3 was quiet.",
            ["The attack of Sept. 11 changed that.", "Oct. 3 was quiet."],
        ),
        (
            "The summit was held in Dec. The next one is in Feb.",
            ["The summit was held in Dec.", "The next one is in Feb."],
        ),
    ],
    "time": [
        ("He arrived at 5 p.m. Then he left.", ["He arrived at 5 p.m.", "Then he left."]),
        ("He arrived at 5 p.m. on Monday.", ["He arrived at 5 p.m. on Monday."]),
        ("At 5 a.m. Mr. Smith went to the bank.", ["At 5 a.m. Mr. Smith went to the bank."]),
        (
            "The train leaves at 9 a.m. Monday and returns.",
            ["The train leaves at 9 a.m. Monday and returns."],
        ),
        (
            "The meeting ended at 6 P.M. Everyone went home.",
            ["The meeting ended at 6 P.M.", "Everyone went home."],
        ),
    ],
    "countries": [
        ("The U.S. Army arrived. It was late.", ["The U.S. Army arrived.", "It was late."]),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        (
            "She moved to Washington, D.C. Then she went to the U.K. to study.",
            ["She moved to Washington, D.C.", "Then she went to the U.K. to study."],
        ),
        (
            "The E.U. Commission met. The U.N. Security Council did not.",
            ["The E.U. Commission met.", "The U.N. Security Council did not."],
        ),
        (
            "Relations with the U.S.S.R. were tense. In 1991 it fell.",
            ["Relations with the U.S.S.R. were tense.", "In 1991 it fell."],
        ),
        (
            "Trade with the U.S. grew. The U.S.-led talks failed.",
            ["Trade with the U.S. grew.", "The U.S.-led talks failed."],
        ),
    ],
    "companies": [
        ("Smith Bros. & Co. sell it.", ["Smith Bros. & Co. sell it."]),
        (
            "The firm is Acme Co. Ltd. It makes anvils.",
            ["The firm is Acme Co. Ltd.", "It makes anvils."],
        ),
        (
            "He works for Acme Inc. The company is big.",
            ["He works for Acme Inc.", "The company is big."],
        ),
        (
            "Samsung Electronics Co. Ltd. and Hyundai Motor Co. signed.",
            ["Samsung Electronics Co. Ltd. and Hyundai Motor Co. signed."],
        ),
        (
            "The Bros. Grimm wrote stories. They were German.",
            ["The Bros. Grimm wrote stories.", "They were German."],
        ),
    ],
    "references": [
        ("See p. 5. The next page is blank.", ["See p. 5.", "The next page is blank."]),
        (
            "See Art. I, Sec. 8 and Vol. IV. The end.",
            ["See Art. I, Sec. 8 and Vol. IV.", "The end."],
        ),
        ("It is 5 ft. 10 in. tall.", ["It is 5 ft. 10 in. tall."]),
        ("See pp. 12-14 and fig. 3 for details.", ["See pp. 12-14 and fig. 3 for details."]),
        ("He was No. 1. She was No. 2.", ["He was No. 1.", "She was No. 2."]),
        ("No. I refuse.", ["No.", "I refuse."]),
        ("Resolution No. 1874 was adopted.", ["Resolution No. 1874 was adopted."]),
        ("See Vol. 2, Ch. 3, Sec. 4 and Eq. (7).", ["See Vol. 2, Ch. 3, Sec. 4 and Eq. (7)."]),
    ],
    "latin": [
        ("Dwayne Johnson, a.k.a. The Rock, came.", ["Dwayne Johnson, a.k.a. The Rock, came."]),
        ("Trade with the U.S. — and Japan — grew.", ["Trade with the U.S. — and Japan — grew."]),
        (
            "Many countries, e.g. Russia and Korea, agree. Others, i.e. Japan, do not.",
            ["Many countries, e.g. Russia and Korea, agree.", "Others, i.e. Japan, do not."],
        ),
        (
            "The case of Roe v. Wade changed things. Smith vs. Jones did not.",
            ["The case of Roe v. Wade changed things.", "Smith vs. Jones did not."],
        ),
        (
            "Apples, pears, etc. are fruit. Carrots, beets, etc. Those are vegetables.",
            ["Apples, pears, etc. are fruit.", "Carrots, beets, etc.", "Those are vegetables."],
        ),
        (
            "The rate was approx. 5 percent. Cf. Table 2 for more.",
            ["The rate was approx. 5 percent.", "Cf. Table 2 for more."],
        ),
        (
            "Smith et al. (2005) found this. Brown et al. The study failed.",
            ["Smith et al. (2005) found this.", "Brown et al.", "The study failed."],
        ),
    ],
    "degrees": [
        (
            "She has a Ph.D. in physics. He has an M.A. from Oxford.",
            ["She has a Ph.D. in physics.", "He has an M.A. from Oxford."],
        ),
        (
            "She earned her Ph.D. The next year she moved.",
            ["She earned her Ph.D.", "The next year she moved."],
        ),
        (
            "John Smith, M.D. and Jane Doe, B.Sc. agreed.",
            ["John Smith, M.D. and Jane Doe, B.Sc. agreed."],
        ),
    ],
    "initials": [
        (
            "J. R. R. Tolkien wrote it. George W. Bush read it.",
            ["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
        ),
        ("President John F. Kennedy spoke.", ["President John F. Kennedy spoke."]),
        (
            "It was rich in vitamin C. It was also cheap.",
            ["It was rich in vitamin C.", "It was also cheap."],
        ),
        (
            "We make a good team, you and I. Did you see Albert I. Jones?",
            ["We make a good team, you and I.", "Did you see Albert I. Jones?"],
        ),
    ],
    "numbers": [
        ("It cost $3.50. That was cheap.", ["It cost $3.50.", "That was cheap."]),
        ("Prices rose 3.5%. Wages rose 2%.", ["Prices rose 3.5%.", "Wages rose 2%."]),
        (
            "The value of pi is 3.14159. That is well known.",
            ["The value of pi is 3.14159.", "That is well known."],
        ),
        ("He was born in 1990. In 2000 he moved.", ["He was born in 1990.", "In 2000 he moved."]),
        (
            "Exports grew by 12.5 percent in 2010. 80% were minerals.",
            ["Exports grew by 12.5 percent in 2010.", "80% were minerals."],
        ),
        (
            "Version 2.0.1 was released on 1.2.2020 in Seoul.",
            ["Version 2.0.1 was released on 1.2.2020 in Seoul."],
        ),
    ],
    "ellipses": [
        ("Wait... what?", ["Wait... what?"]),
        ("Wait… What happened?", ["Wait…", "What happened?"]),
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        (
            "He came, he saw, he conquered... and left.",
            ["He came, he saw, he conquered... and left."],
        ),
        ("The answer is … complicated. Truly.", ["The answer is … complicated.", "Truly."]),
        ("It is what it is...", ["It is what it is..."]),
        (
            "The text reads “the laws . . . will appear less complex.” It ends.",
            ["The text reads “the laws . . . will appear less complex.”", "It ends."],
        ),
        ('"I don\'t know..." She left.', ['"I don\'t know..."', "She left."]),
    ],
    "quotes": [
        ('He said "Stop!" Then he left.', ['He said "Stop!"', "Then he left."]),
        ("He said “Stop!” Then he left.", ["He said “Stop!”", "Then he left."]),
        ("He said 'Stop!' Then he left.", ["He said 'Stop!'", "Then he left."]),
        ("“Is it true?” she asked. “Yes.”", ["“Is it true?” she asked.", "“Yes.”"]),
        (
            '"Hello," he said. "How are you?" She smiled.',
            ['"Hello," he said.', '"How are you?"', "She smiled."],
        ),
        ("He shouted ‘Help!’ and ran.", ["He shouted ‘Help!’ and ran."]),
        (
            "Seoul called it «unacceptable.» Moscow agreed.",
            ["Seoul called it «unacceptable.»", "Moscow agreed."],
        ),
    ],
    "brackets": [
        (
            "(This is a parenthetical sentence.) This is not.",
            ["(This is a parenthetical sentence.)", "This is not."],
        ),
        ("He said (quietly.) that it was over.", ["He said (quietly.) that it was over."]),
        ("[Citation needed.] This follows.", ["[Citation needed.]", "This follows."]),
        (
            "The results (see Table 1.) were clear. Good.",
            ["The results (see Table 1.) were clear.", "Good."],
        ),
    ],
    "question_exclamation": [
        ("Really?! You did that? Yes!", ["Really?!", "You did that?", "Yes!"]),
        ("What?!? No way!!", ["What?!?", "No way!!"]),
        ("“Why?” he asked.", ["“Why?” he asked."]),
        ("She works at Yahoo! in Seoul.", ["She works at Yahoo! in Seoul."]),
    ],
    "lists": [
        ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
        (
            "Steps: 1. Open the box. 2. Remove the item. 3. Close it.",
            ["Steps:", "1. Open the box.", "2. Remove the item.", "3. Close it."],
        ),
        ("a) The first b) The second", ["a) The first", "b) The second"]),
        (
            "There are two reasons: 1) money and 2) time.",
            ["There are two reasons: 1) money and 2) time."],
        ),
        ("We need (1) money and (2) time.", ["We need (1) money and (2) time."]),
        ("Item one. • Item two. • Item three", ["Item one.", "• Item two.", "• Item three"]),
        ("1. Introduction", ["1. Introduction"]),
        (
            "Read Chapter 1. Then read Chapter 2. The end.",
            ["Read Chapter 1.", "Then read Chapter 2.", "The end."],
        ),
        (
            "Reasons:\n- money\n- time\n\nThat is all.",
            ["Reasons:", "- money", "- time", "That is all."],
        ),
        (
            "The list follows\n1. First item\n2. Second item\n\nEnd.",
            ["The list follows", "1. First item", "2. Second item", "End."],
        ),
        ("I. Introduction\nII. Background", ["I. Introduction", "II. Background"]),
    ],
    "urls_emails": [
        (
            "Her email is Jane.Doe@example.com. I sent her an email.",
            ["Her email is Jane.Doe@example.com.", "I sent her an email."],
        ),
        (
            "See https://example.com/a.b?c=d. It is good.",
            ["See https://example.com/a.b?c=d.", "It is good."],
        ),
        ("Visit www.example.co.uk. Then call us.", ["Visit www.example.co.uk.", "Then call us."]),
        (
            "The file report.pdf is at http://x.org/r.pdf for you.",
            ["The file report.pdf is at http://x.org/r.pdf for you."],
        ),
        ("Use Node.js. It is fast.", ["Use Node.js.", "It is fast."]),
    ],
    "footnotes": [
        (
            "The claim is disputed.[3] Officials deny it.",
            ["The claim is disputed.[3]", "Officials deny it."],
        ),
        (
            "The claim is disputed.[12][13] Officials deny it.",
            ["The claim is disputed.[12][13]", "Officials deny it."],
        ),
        (
            "The claim is disputed.[citation needed] Officials deny it.",
            ["The claim is disputed.[citation needed]", "Officials deny it."],
        ),
        (
            "The claim is disputed.³ Officials deny it.",
            ["The claim is disputed.³", "Officials deny it."],
        ),
        (
            "The claim is disputed.3 Officials deny it.",
            ["The claim is disputed.3", "Officials deny it."],
        ),
        (
            "The claim is disputed[3]. Officials deny it.",
            ["The claim is disputed[3].", "Officials deny it."],
        ),
        ("“It is over.”[4] Nobody agreed.", ["“It is over.”[4]", "Nobody agreed."]),
    ],
    "missing_space": [
        ("It ended.The next day was calm.", ["It ended.", "The next day was calm."]),
        ("He hesitated...Then he spoke.", ["He hesitated...", "Then he spoke."]),
        ("I mean...see for yourself.", ["I mean...see for yourself."]),
        ("He left.She stayed.", ["He left.", "She stayed."]),
        ("Is it over?Yes it is.", ["Is it over?", "Yes it is."]),
        ("It was 1990.The era changed.", ["It was 1990.", "The era changed."]),
        ("Mr.Smith went home.", ["Mr.Smith went home."]),
        ("The U.S.A.The end", ["The U.S.A.The end"]),
        (
            "See www.example.Com and jQuery.Deferred docs.",
            ["See www.example.Com and jQuery.Deferred docs."],
        ),
    ],
    "unicode": [
        ("这是一个句子。这是另一个。", ["这是一个句子。", "这是另一个。"]),
        (
            "日本語の文です。次の文です！本当？はい。",
            ["日本語の文です。", "次の文です！", "本当？", "はい。"],
        ),
        ("He said 「こんにちは。」 Then left.", ["He said 「こんにちは。」", "Then left."]),
        ("I love it! 😍 See you soon. 🎉", ["I love it! 😍", "See you soon. 🎉"]),
        (
            "Family: 👨\u200d👩\u200d👧 They came. 👍🏽",
            ["Family: 👨\u200d👩\u200d👧 They came. 👍🏽"],
        ),
        (
            "The cafe\u0301 was closed. Nobody knew why.",
            ["The cafe\u0301 was closed.", "Nobody knew why."],
        ),
        ("Résumé attached. Élan is key.", ["Résumé attached.", "Élan is key."]),
        ("Rights reserved. © 2020 Acme.", ["Rights reserved.", "© 2020 Acme."]),
    ],
    "paragraphs": [
        ("Line one.\r\nLine two\r\nLine three.\r\n", ["Line one.", "Line two", "Line three."]),
        ("A heading\nThe text. More text.", ["A heading", "The text.", "More text."]),
        (
            "Title of the Essay\n\nThe first paragraph\nis wrapped here. It has\ntwo sentences.",
            [
                "Title of the Essay",
                "The first paragraph\nis wrapped here.",
                "It has\ntwo sentences.",
            ],
        ),
        (
            "Introduction\nThis essay was wrapped at a narrow width so that lines\nbreak inside "
            "sentences.\n\nA second paragraph.",
            [
                "Introduction",
                "This essay was wrapped at a narrow width so that lines\nbreak inside sentences.",
                "A second paragraph.",
            ],
        ),
        (
            "First line of a paragraph\nSecond line continues it.\n\nNew paragraph.",
            ["First line of a paragraph\nSecond line continues it.", "New paragraph."],
        ),
        (
            "He met President\nObama yesterday.\n\nOk.",
            ["He met President\nObama yesterday.", "Ok."],
        ),
        (
            "A wrapped line that mentions Mr.\nSmith and the U.S.\nArmy.\n\nNext.",
            ["A wrapped line that mentions Mr.\nSmith and the U.S.\nArmy.", "Next."],
        ),
        ("One.\n* * *\nTwo.", ["One.", "Two."]),
        ("One.\n\n* * *\n\nTwo.\n\n---\n\n~~~", ["One.", "Two."]),
        ("Some text\n\n\n\nMore text\n\n", ["Some text", "More text"]),
        ("A line\u2028another line\u2029Third one.", ["A line", "another line", "Third one."]),
        ("  Leading space. Trailing.   ", ["Leading space.", "Trailing."]),
        ("Tab\tseparated. Sentence\ttwo.", ["Tab\tseparated.", "Sentence\ttwo."]),
        (
            "Heading One\n\nBody.\n\n## Heading Two\nBody two.",
            ["Heading One", "Body.", "## Heading Two", "Body two."],
        ),
    ],
}


def _cases() -> list[Any]:
    return [
        pytest.param(text, expected, id=f"{kind}-{i}")
        for kind, cases in CASES.items()
        for i, (text, expected) in enumerate(cases)
    ]


@pytest.mark.parametrize(("text", "expected"), _cases())
def test_phenomenon(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\n", "\r\n \t\r\n", "* * *", "---\n***", "!!! ??", "😀"]
)
def test_nothing_to_split(text: str) -> None:
    assert split_sentences(text) == []


def test_offsets_are_code_points() -> None:
    text = "🎉 Yes! 这是一个句子。Café\u0301 is open."
    assert split_sentences(text) == [
        Segment(0, 6, "🎉 Yes!"),
        Segment(7, 14, "这是一个句子。"),
        Segment(14, 28, "Café\u0301 is open."),
    ]


def test_crlf_offsets_exclude_line_endings() -> None:
    text = "First line.\r\nSecond line.\r\n"
    assert split_sentences(text) == [Segment(0, 11, "First line."), Segment(13, 25, "Second line.")]


def test_bom_is_kept_in_offsets() -> None:
    # The caller strips a BOM (SPEC "Offsets"); if it does not, offsets still index the input.
    segs = split_sentences("\ufeffOne. Two.")
    assert [(s.start, s.end) for s in segs] == [(0, 5), (6, 10)]


def test_segment_is_frozen() -> None:
    seg = split_sentences("One.")[0]
    with pytest.raises(AttributeError):
        seg.start = 3  # type: ignore[misc]


# --- Properties --------------------------------------------------------------------------------

_PIECES = [
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\t",
    "\u2029",
    "word",
    "Word",
    "The",
    "it",
    "I",
    "Mr.",
    "Dr.",
    "U.S.",
    "a.m.",
    "p.m.",
    "e.g.",
    "etc.",
    "No.",
    "p.",
    "Co.",
    "Inc.",
    "J.",
    ".",
    "..",
    "...",
    ". . .",
    ". . . .",
    "…",
    "!",
    "?",
    "?!",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "[3]",
    "³",
    "1.",
    "2.",
    "10.",
    "1)",
    "2)",
    "a.",
    "b)",
    "•",
    "⁃",
    "- ",
    "* * *",
    "$3.50",
    "5%",
    "1990",
    "http://x.y/z.html",
    "a.b@c.org",
    "😀",
    "👍🏽",
    "\u200d",
    "这",
    "。",
    "！",
    "é",
    "e\u0301",
    ":",
    ",",
    ";",
    "—",
    "–",
    "#",
]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_valid_offsets(text: str) -> None:
    assert_valid(text, split_sentences(text))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list(".!?…。\"'”’)([]•⁃1aA \n\r\t\u2029:😀é\u0301-*#"))))
def test_punctuation_soup_gives_valid_offsets(text: str) -> None:
    assert_valid(text, split_sentences(text))


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_essay_like_text_gives_valid_offsets(text: str) -> None:
    segments = split_sentences(text)
    assert_valid(text, segments)
    lines = text.splitlines()
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    # Sentences never cross a paragraph break ...
    for seg in segments:
        assert all(line.strip() for line in seg.text.splitlines())
    # ... and without blank lines every line is a paragraph.
    if nonblank and all(lines[i].strip() for i in range(nonblank[0], nonblank[-1] + 1)):
        assert all(len(seg.text.splitlines()) == 1 for seg in segments)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_separator_lines_are_never_segments(text: str) -> None:
    doc = f"First.\n* * *\n{text}\n---\nLast."
    for seg in split_sentences(doc):
        assert any(unicodedata.category(ch)[0] in "LN" for ch in seg.text)


# --- Speed -------------------------------------------------------------------------------------


def test_ten_megabyte_essay_is_fast(seed_text: str) -> None:
    big = seed_text * (10_000_000 // len(seed_text) + 1)
    started = time.perf_counter()
    found = split_sentences(big)
    assert time.perf_counter() - started < 30  # about 1 s here; pySBD would take hours
    assert len(found) == 46 * (10_000_000 // len(seed_text) + 1)


@pytest.mark.parametrize(
    "unit",
    [
        ". ",
        "a. . . . ",
        "1) ",
        "1. 2. ",
        "• ",
        "a.a.",
        "Mr. ",
        "\n",
        "x\n\n",
        " ",
        "?!",
        "。",
        "x.[1]",
        "… ",
        "a.m. ",
        "(a) ",
        ".\"')]",
        "😀 ",
    ],
)
def test_pathological_input_is_linear(unit: str) -> None:
    text = unit * (500_000 // len(unit))
    started = time.perf_counter()
    assert_valid(text, split_sentences(text))
    assert time.perf_counter() - started < 10  # well under 1 s here; quadratic would be hours
