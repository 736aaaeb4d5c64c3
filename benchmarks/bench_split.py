"""Benchmark claimset's sentence splitter against pySBD, syntok and spaCy's sentencizer.

Run from the repository root (``make bench`` installs the peers from the ``bench`` extra):

    python benchmarks/bench_split.py [--rounds 3] [--no-write]

All splitters see the same inputs in one run. Reported per splitter:

- Golden Rules: how many of the 48 pySBD Golden Rules it passes (whitespace collapsed).
- pySBD suite, syntok suite: how many of pySBD's 204 English test cases and syntok's 50 segmenter
  cases it passes on sentence boundaries (the letters and digits of each sentence are compared,
  so the peers' text rewriting does not count).
- seed / wrapped: sentences found in the seed essay and in the same essay hard-wrapped at 72
  columns with blank lines between paragraphs (46 is right for both).
- Layouts: for every essay of the project (``seeds/``, the test projects' seeds and
  ``tests/data/segment/essays/``), the essay as given, one paragraph per line, hard-wrapped at
  72 columns with and without blank lines between paragraphs, and wrapped at 60 and 100 columns
  without blank lines: how many essays give the same sentences (whitespace ignored) as the
  unwrapped text (one paragraph per line, blank lines between).
- chars/s: median over ``--rounds`` rounds of splitting (in CPU time of this process, so that
  other load on the machine does not skew the ratio) about 1 MB of English prose (the prose
  of Python's own documentation, ``pydoc_data.topics`` and the standard library's docstrings
  read with ``ast``, plus the seed essay, cut at line breaks into pieces of 5-10k characters);
  x pySBD is the ratio.
- exact offsets: the share of sentences whose reported offsets index the input exactly
  (``text[start:end]`` equals the sentence the splitter returns), and text covered: the share of
  the input's letters and digits that lie inside some sentence span.

A linearity check times claimset on a 1 MB and a 10 MB single text. A peer that is not installed
is skipped with a note. The markdown tables are printed and written into ``docs/benchmarks.md``
between ``<!-- bench_split:start -->`` and ``<!-- bench_split:end -->`` (other sections of that
file are left alone).
"""

from __future__ import annotations

import argparse
import ast
import json
import platform
import re
import statistics
import sys
import sysconfig
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from claimset.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEGMENT_DATA = ROOT / "tests" / "data" / "segment"
GOLDEN = SEGMENT_DATA / "golden_rules_en.jsonl"
SUITES = {
    "pySBD suite": SEGMENT_DATA / "pysbd_suite_en.jsonl",
    "syntok suite": SEGMENT_DATA / "syntok_suite.jsonl",
}
SEED = ROOT / "seeds" / "000_a59439a6f7a726ad.txt"
LAYOUTS = [
    "as given",
    "one per line",
    "wrapped 72, blank lines",
    "wrapped 72",
    "wrapped 60",
    "wrapped 100",
]
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench_split:start -->", "<!-- bench_split:end -->"

TARGET_CHARS = 1_000_000
PIECE_MIN, PIECE_MAX = 5_000, 10_000

# A splitter maps a text to (start, end, sentence) triples: the offsets it reports and the
# sentence string it returns.
Spans = list[tuple[int, int, str]]


@dataclass
class Peer:
    name: str
    version: str
    split: Callable[[str], Spans]
    note: str = ""
    timed: Callable[[str], object] | None = None  # what to time, if not split
    results: dict[str, str] = field(default_factory=dict)


# --- Corpus ------------------------------------------------------------------------------------


def _stdlib_docstrings() -> list[str]:
    """Long docstrings of the standard library's top-level modules, in a stable order."""
    out: list[str] = []
    lib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(lib.glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc and len(doc) > 200:
                    out.append(doc)
    return out


def corpus() -> list[str]:
    """About 1 MB of English prose cut into essay-sized pieces at line breaks."""
    from pydoc_data.topics import topics

    seed = SEED.read_text(encoding="utf-8")
    texts = [seed, *(topics[k] for k in sorted(topics))]
    total = sum(map(len, texts))
    for doc in _stdlib_docstrings():
        if total >= TARGET_CHARS:
            break
        texts.append(doc)
        total += len(doc)

    pieces: list[str] = []
    lines: list[str] = []
    size = 0
    for line in "\n\n".join(texts).split("\n"):
        lines.append(line)
        size += len(line) + 1
        if size >= PIECE_MIN and (not line.strip() or size >= PIECE_MAX):
            pieces.append("\n".join(lines))
            lines, size = [], 0
    if lines:
        pieces.append("\n".join(lines))
    return pieces


# --- Peers -------------------------------------------------------------------------------------


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _claimset(text: str) -> Spans:
    return [(s.start, s.end, s.text) for s in split_sentences(text)]


def load_peers() -> tuple[list[Peer], list[str]]:
    peers = [Peer("claimset", _version("claimset"), _claimset)]
    skipped: list[str] = []

    try:
        import pysbd  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        skipped.append("pySBD (not installed: `pip install pysbd==0.3.4`)")
    else:
        spans = pysbd.Segmenter(language="en", clean=False, char_span=True)

        def _pysbd(text: str) -> Spans:
            return [(s.start, s.end, s.sent) for s in spans.segment(text)]

        plain = pysbd.Segmenter(language="en", clean=False)
        peers.append(
            Peer("pySBD", _version("pysbd"), _pysbd, "timed without char_span", plain.segment)
        )

    try:
        from syntok import segmenter as syntok_segmenter  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        skipped.append("syntok (not installed: `pip install syntok`)")
    else:

        def _syntok(text: str) -> Spans:
            out: Spans = []
            for paragraph in syntok_segmenter.analyze(text):
                for sentence in paragraph:
                    first, last = sentence[0], sentence[-1]
                    joined = "".join(t.spacing + t.value for t in sentence)[len(first.spacing) :]
                    out.append((first.offset, last.offset + len(last.value), joined))
            return out

        peers.append(Peer("syntok", _version("syntok"), _syntok))

    try:
        import spacy
    except ImportError:
        skipped.append("spaCy (not installed: `pip install spacy`)")
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 20_000_000

        def _spacy(text: str) -> Spans:
            return [(s.start_char, s.end_char, s.text) for s in nlp(text).sents]

        peers.append(Peer("spaCy sentencizer", _version("spacy"), _spacy, note="blank('en')"))

    try:
        import blingfire  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        skipped.append("blingfire (not installed; optional)")
    else:

        def _blingfire(text: str) -> Spans:
            joined, offsets = blingfire.text_to_sentences_and_offsets(text)
            return [(a, b, s) for s, (a, b) in zip(joined.split("\n"), offsets, strict=False)]

        peers.append(Peer("blingfire", _version("blingfire"), _blingfire))
    return peers, skipped


# --- Measurements ------------------------------------------------------------------------------


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def golden_score(peer: Peer) -> int:
    passed = 0
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        rule = json.loads(line)
        got = [_collapse(s) for _, _, s in peer.split(rule["text"])]
        got = [s for s in got if s]
        passed += got == [_collapse(s) for s in rule["expected"]]
    return passed


def _letters_and_digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def suite_score(peer: Peer, path: Path) -> tuple[int, int]:
    """Cases passed on sentence boundaries (letters and digits of each sentence), and the total."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    passed = 0
    for row in rows:
        got = [_letters_and_digits(s) for _, _, s in peer.split(row["text"])]
        want = [_letters_and_digits(s) for s in row["expected"]]
        passed += [g for g in got if g] == [w for w in want if w]
    return passed, len(rows)


def essays() -> list[Path]:
    """Every essay of the project: the seed, the test projects' seeds, the real essays."""
    data = ROOT / "tests" / "data"
    return sorted(
        [
            *ROOT.glob("seeds/*.txt"),
            *data.glob("*/seeds/*.txt"),
            *data.glob("*/*/seeds/*.txt"),
            *(SEGMENT_DATA / "essays").glob("*.txt"),
        ]
    )


def paragraphs(text: str) -> list[str]:
    """An essay's paragraphs, unwrapped: its lines, or its blank-line blocks if it is wrapped."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if len(blocks) > 1 and any("\n" in b.strip() for b in blocks):
        return [" ".join(b.split()) for b in blocks]
    return [line for line in text.split("\n") if line.strip()]


def layout(text: str, name: str) -> str:
    """The essay in one of LAYOUTS."""
    paras = paragraphs(text)
    if name == "as given":
        return text
    if name == "one per line":
        return "\n".join(paras)
    width = int(name.split()[1].rstrip(","))
    joiner = "\n\n" if name.endswith("blank lines") else "\n"
    return joiner.join(textwrap.fill(p, width) for p in paras)


def layout_scores(peer: Peer, paths: list[Path]) -> dict[str, int]:
    """Per layout, the essays whose sentences equal those of the unwrapped text."""
    same = dict.fromkeys(LAYOUTS, 0)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        unwrapped = [re.sub(r"\s+", "", s) for _, _, s in peer.split("\n\n".join(paragraphs(text)))]
        for name in LAYOUTS:
            got = [re.sub(r"\s+", "", s) for _, _, s in peer.split(layout(text, name))]
            same[name] += got == unwrapped
    return same


def seed_counts(peer: Peer) -> tuple[int, int]:
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in paragraphs)
    return len(peer.split(seed)), len(peer.split(wrapped))


def speed(peer: Peer, pieces: list[str], rounds: int) -> float:
    run = peer.timed or peer.split
    chars = sum(map(len, pieces))
    times = []
    for _ in range(rounds):
        started = time.process_time()
        for piece in pieces:
            run(piece)
        times.append(time.process_time() - started)
    return chars / statistics.median(times)


def exactness(peer: Peer, pieces: list[str]) -> tuple[float, float]:
    """Shares of sentences with exact offsets and of letters/digits inside some sentence."""
    exact = total = alnum = covered = 0
    for piece in pieces:
        inside = bytearray(len(piece))
        for start, end, sentence in peer.split(piece):
            total += 1
            exact += 0 <= start < end <= len(piece) and piece[start:end] == sentence
            inside[start:end] = b"\x01" * (end - start)
        for ch, flag in zip(piece, inside, strict=True):
            if ch.isalnum():
                alnum += 1
                covered += flag
    return exact / max(total, 1), covered / max(alnum, 1)


def linearity(pieces: list[str]) -> tuple[float, float]:
    text = "\n".join(pieces)
    one = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    ten = (text * (10_000_000 // len(text) + 1))[:10_000_000]
    timings = []
    for sample in (one, ten):
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            split_sentences(sample)
            best = min(best, time.process_time() - started)
        timings.append(best)
    return timings[0], timings[1]


# --- Report ------------------------------------------------------------------------------------


def report(peers: list[Peer], skipped: list[str], pieces: list[str], rounds: int) -> str:
    chars = sum(map(len, pieces))
    n_essays = len(essays())
    baseline = next((float(p.results["rate"]) for p in peers if p.name == "pySBD"), None)
    rows = [
        "| splitter | version | Golden Rules | pySBD suite | syntok suite | seed (46) "
        "| wrapped seed (46) | chars/s | x pySBD | exact offsets | text covered |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    layout_rows = [
        "| splitter | " + " | ".join(LAYOUTS) + " |",
        "|---|" + "---|" * len(LAYOUTS),
    ]
    for p in peers:
        rate = float(p.results["rate"])
        ratio = f"{rate / baseline:.1f}x" if baseline else "n/a"
        name = f"{p.name} ({p.note})" if p.note else p.name
        rows.append(
            f"| {name} | {p.version} | {p.results['golden']}/48 | {p.results['pySBD suite']} "
            f"| {p.results['syntok suite']} | {p.results['seed']} | {p.results['wrapped']} "
            f"| {rate / 1e6:.2f}M | {ratio} | {p.results['exact']} | {p.results['covered']} |"
        )
        layout_rows.append(
            f"| {p.name} | "
            + " | ".join(f"{p.results[name]}/{n_essays}" for name in LAYOUTS)
            + " |"
        )
    one, ten = linearity(pieces)
    lines = [
        "## Sentence splitting (`benchmarks/bench_split.py`)",
        "",
        f"Corpus for speed: {chars:,} characters of English prose (Python's `pydoc_data.topics`, "
        f"standard library docstrings and the seed essay) in {len(pieces)} pieces of 5-10k "
        f"characters. Speed is the median of {rounds} rounds over all pieces, in CPU time. "
        f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}.",
        "",
        *rows,
        "",
        f"Layouts: of {n_essays} essays, how many give the same sentences (whitespace ignored) as "
        "their unwrapped text (one paragraph per line, blank lines between) when given in each "
        "layout. *wrapped N* is hard-wrapped at N columns (Python's `textwrap`); without "
        "*blank lines*, paragraphs follow each other on consecutive lines.",
        "",
        *layout_rows,
        "",
        f"Linearity (claimset, one text): 1 MB in {one:.2f} s, 10 MB in {ten:.2f} s "
        f"(x{ten / one:.1f} for 10x the text).",
        "",
        "Golden Rules compare sentences with whitespace collapsed; the pySBD and syntok suites "
        "(`tests/data/segment/`) compare the letters and digits of each sentence, so that text "
        "the peers rewrite does not count; pySBD runs with `clean=False` here, as on every "
        "input (with each case's own options, such as `clean=True`, it passes 202/204). "
        "*seed* counts sentences in "
        "`seeds/000_a59439a6f7a726ad.txt`; *wrapped seed* counts them in the same essay wrapped "
        "at 72 columns with blank lines between paragraphs. *exact offsets* is the share of "
        "sentences for which `text[start:end]` is exactly the sentence the splitter returns; "
        "*text covered* is the share of the input's letters and digits that lie inside a "
        "sentence span (nothing lost).",
    ]
    if skipped:
        lines += ["", "Skipped: " + "; ".join(skipped) + "."]
    return "\n".join(lines)


def write_section(table: str) -> None:
    section = f"{START}\n{table}\n{END}"
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        new = head + section + rest.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (median; >= 3)")
    parser.add_argument("--no-write", action="store_true", help="only print the table")
    args = parser.parse_args(argv)

    pieces = corpus()
    peers, skipped = load_peers()
    paths = essays()
    for peer in peers:
        print(f"{peer.name}...", file=sys.stderr, flush=True)
        seed, wrapped = seed_counts(peer)
        exact, covered = exactness(peer, pieces)
        suites = {name: "{}/{}".format(*suite_score(peer, path)) for name, path in SUITES.items()}
        layouts = {name: str(n) for name, n in layout_scores(peer, paths).items()}
        peer.results = {
            **suites,
            **layouts,
            "golden": str(golden_score(peer)),
            "seed": str(seed),
            "wrapped": str(wrapped),
            "rate": str(speed(peer, pieces, max(3, args.rounds))),
            "exact": f"{100 * exact:.1f}%",
            "covered": f"{100 * covered:.1f}%",
        }
    table = report(peers, skipped, pieces, max(3, args.rounds))
    print(table)
    if not args.no_write:
        write_section(table)
        print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
