"""`claimset export`: the Hugging Face dataset folder, loaded with the real `datasets` library.

One module-scoped export of a small fixture project is loaded by one fresh Python process (every
config and split, offline, with its own HF cache); the tests then check row counts, feature types,
span recovery, the lossless round trip and the card against what that process printed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml
from claimset import jsonio
from claimset.canonical import without_defaults
from claimset.cli import cli
from claimset.errors import InvalidCorpus
from claimset.export import ExportRefused, ExportResult, export, tables
from claimset.export.folder import clean_stale
from claimset.models import (
    Actor,
    ActorSpan,
    Claim,
    Cue,
    Document,
    Evidence,
    Expectation,
    Hedge,
    SentenceRecord,
    Split,
)
from claimset.project import Project
from claimset.segment import split_sentences
from click.testing import CliRunner
from conftest import offline_env

# -- the fixture project ---------------------------------------------------------------------------

ALPHA = (
    "Russia–South Korea: great expectations\n"
    "\n"
    "Seoul hopes that Moscow will help it to deal with the DPRK. Moscow did not side with Korea "
    "over the sinking of the Cheonan corvette.\n"
    "Russia should perhaps clearly stay neutral. It is hard to say whether Tokyo will welcome "
    "this 𝔸 move.\n"
)
# A BOM (removed before offsets are counted) and CRLF line ends (kept).
BETA = "\ufeffPyongyang will not give up its weapons.\r\nNobody knows what Seoul wants.\r\n"
GAMMA = "An essay nobody has annotated yet. It has two sentences.\n"

ACTORS = [
    Actor(id="author", name="The essay's author", kind="author"),
    Actor(id="russia", name="Russia", aliases=["Moscow"], kind="state"),
    Actor(id="south_korea", name="South Korea", aliases=["Seoul"], kind="state"),
    Actor(id="north_korea", name="North Korea", aliases=["Pyongyang", "the DPRK"], kind="state"),
    Actor(id="japan", name="Japan", aliases=["Tokyo"], kind="state"),
]


def _span(text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def _claim(
    text: str, cid: str, actor: tuple[str, str | None], expectation: str, **kw: Any
) -> Claim:
    ref, quote = actor
    actor_span = ActorSpan(ref=ref, **_span(text, quote)) if quote else ActorSpan(ref=ref)
    return Claim(
        id=cid,
        actor=actor_span,
        expectation=Expectation(
            **_span(text, expectation), type=kw.pop("type"), target=kw.pop("target", None)
        ),
        evidence=kw.pop("evidence", []),
        hedge=Hedge(
            certainty=kw.pop("certainty", "certain"),
            cues=[Cue(**_span(text, q), kind=k) for q, k in kw.pop("cues", [])],
        ),
        **kw,
    )


def _records(doc: str, text: str) -> list[SentenceRecord]:
    return [
        SentenceRecord(
            id=f"{doc}:{i:04d}", doc=doc, start=s.start, end=s.end, text=s.text, status="todo"
        )
        for i, s in enumerate(split_sentences(text))
    ]


def make_export_project(root: Path) -> Project:
    """A small valid project: 3 documents in 3 splits, every status, an implicit actor,
    evidence in another sentence, hedge and booster cues, a machine draft, non-BMP text."""
    project = Project(root)
    for folder in (project.seeds_dir, project.annotations_dir, project.schema_dir):
        folder.mkdir(parents=True, exist_ok=True)
    (root / "README.md").write_text("# Fixture corpus\n", encoding="utf-8")
    texts: dict[str, tuple[str, Split]] = {
        "alpha": (ALPHA, "train"),
        "beta": (BETA, "test"),
        "gamma": (GAMMA, "validation"),
    }
    documents = []
    for doc, (text, split) in texts.items():
        path = project.seeds_dir / f"{doc}.txt"
        path.write_bytes(text.encode("utf-8"))
        documents.append(
            Document(
                id=doc,
                title=f"The {doc} essay",
                sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                sentence_count=len(split_sentences(text.lstrip("\ufeff"))),
                split=split,
            )
        )
    alpha = _records("alpha", ALPHA)
    s1, s2, s3, s4 = (r.text for r in alpha[1:5])
    alpha[1].status, alpha[1].annotator = "done", "ann1"
    alpha[1].claims = [
        _claim(
            s1,
            "c1",
            ("south_korea", "Seoul"),
            "Moscow will help it to deal with the DPRK",
            type="desire",
            target="russia",
            evidence=[
                Evidence(
                    **_span(s2, "Moscow did not side with Korea"),
                    sentence="alpha:0002",
                    type="event",
                )
            ],
        )
    ]
    alpha[2].status, alpha[2].annotator = "done", "ann1"  # done, no claim
    alpha[3].status, alpha[3].annotator = "done", "ann1"
    alpha[3].claims = [
        _claim(
            s3,
            "c1",
            ("author", None),  # implicit actor
            "Russia should perhaps clearly stay neutral",
            type="obligation",
            target="russia",
            certainty="probable",
            cues=[("perhaps", "hedge"), ("clearly", "booster")],
            evidence=[
                Evidence(**_span(s3, "stay neutral"), sentence="alpha:0003", type="reasoning")
            ],
        )
    ]
    alpha[4].status = "draft"
    alpha[4].claims = [
        _claim(
            s4,
            "c1",
            ("japan", "Tokyo"),
            "Tokyo will welcome this 𝔸 move",
            type="prediction",
            certainty="underspecified",
            cues=[("It is hard to say", "hedge")],
            origin="auto",
        )
    ]
    beta = _records("beta", BETA.lstrip("\ufeff"))
    b0 = beta[0].text
    beta[0].status, beta[0].annotator = "reviewed", "ann2"
    beta[0].claims = [
        _claim(
            b0,
            "c1",
            ("north_korea", "Pyongyang"),
            "Pyongyang will not give up its weapons",
            type="prediction",
            polarity="negative",
            certainty="certain",
        ),
        _claim(
            b0, "c2", ("author", None), "give up its weapons", type="belief", certainty="possible"
        ),
    ]
    gamma = _records("gamma", GAMMA)
    for doc, records in (("alpha", alpha), ("beta", beta), ("gamma", gamma)):
        jsonio.write_jsonl(
            project.annotation_path(doc), [r.model_dump(mode="json") for r in records]
        )
    jsonio.write_jsonl(project.documents_path, [d.model_dump(mode="json") for d in documents])
    jsonio.write_jsonl(project.actors_path, [a.model_dump(mode="json") for a in ACTORS])
    return project


# -- one export, loaded once in a fresh process ----------------------------------------------------

LOADER = textwrap.dedent(
    """
    import json, sys
    import datasets
    from claimset.features import decode_labels

    path = sys.argv[1]
    out = {}
    for config in datasets.get_dataset_config_names(path):
        dd = datasets.load_dataset(path, config)
        out[config] = {
            split: {
                "rows": ds.num_rows,
                "features": {k: repr(v) for k, v in ds.features.items()},
                "class_labels": sorted(
                    k for k, v in ds.features.items() if type(v).__name__ == "ClassLabel"
                ),
                "data": [decode_labels(row, ds.features) for row in ds],
                "raw": ds[:3],
            }
            for split, ds in dd.items()
        }
    out["_default"] = datasets.load_dataset(path, split="train").num_rows
    # The Parquet files alone, without the card, carry the ClassLabels too.
    bare = datasets.load_dataset(
        "parquet", data_files=path + "/claims/train-00000-of-00001.parquet", split="train"
    )
    out["_bare"] = repr(bare.features["certainty"])
    print(json.dumps(out))
    """
)


def load_in_fresh_process(path: Path, tmp: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", LOADER, str(path)],
        capture_output=True,
        text=True,
        env=offline_env(tmp),
        cwd=tmp,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    loaded: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return loaded


@pytest.fixture(scope="module")
def exported(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Project, ExportResult, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("export")
    project = make_export_project(tmp / "proj")
    result = export(project)
    return project, result, load_in_fresh_process(result.out_dir, tmp)


@pytest.fixture
def export_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A fresh fixture project (function-scoped: tests may break it), cwd inside it."""
    project = make_export_project(tmp_path / "proj")
    monkeypatch.chdir(project.root)
    return project


# -- features ----------------------------------------------------------------------------------


def test_features_cover_every_model_field() -> None:
    from claimset.features import model_fields_covered
    from claimset.models import input_only

    def names(*models: type[Any]) -> set[str]:
        return {
            f"{m.__name__}.{f}"
            for m in models
            for f, info in m.model_fields.items()
            if not input_only(info)
        }

    nested = (ActorSpan, Expectation, Evidence, Hedge, Cue, Claim)
    # `occurrence` is input only (fmt turns it into offsets): never a column.
    exported = model_fields_covered("sentences") | model_fields_covered("claims")
    assert "Expectation.occurrence" not in exported
    assert "Evidence.occurrence" not in exported
    assert names(Expectation) == {f"Expectation.{f}" for f in Expectation.model_fields} - {
        "Expectation.occurrence"
    }
    assert names(SentenceRecord, *nested) <= model_fields_covered("sentences")
    # The claims config flattens the actor, expectation and hedge structs into columns.
    flattened = {"Claim.actor", "Claim.expectation", "Claim.hedge"}
    assert names(*nested) - flattened <= model_fields_covered("claims")
    assert names(Document) <= model_fields_covered("documents")
    assert names(Actor) <= model_fields_covered("actors")


def test_claims_columns_follow_the_spec() -> None:
    from claimset.features import features
    from datasets import ClassLabel, List, Value

    f = features("claims")
    assert list(f)[:5] == ["id", "doc", "sentence_id", "sentence", "sentence_start"]
    assert set(f) >= {
        "actor", "actor_quote", "actor_start", "actor_end", "expectation", "expectation_start",
        "expectation_end", "expectation_type", "target", "evidence", "certainty", "cues",
        "polarity", "origin", "status", "annotator",
    }  # fmt: skip
    assert f["expectation_type"] == ClassLabel(
        names=["desire", "intention", "prediction", "belief", "demand", "obligation", "other"]
    )
    assert f["certainty"].names == ["certain", "probable", "possible", "underspecified"]
    assert f["polarity"].names == ["positive", "negative"]
    assert isinstance(f["evidence"], List) and isinstance(f["cues"], List)
    assert list(f["evidence"].feature) == [
        "quote", "sentence_id", "start", "end", "doc_start", "doc_end", "type",
    ]  # fmt: skip
    assert f["evidence"].feature["type"].names[0] == "statistic"
    assert f["cues"].feature["kind"].names == ["hedge", "booster"]
    assert f["actor_start"] == Value("int32") and f["evidence"].feature["doc_start"] == Value(
        "int32"
    )


# -- the export, loaded ----------------------------------------------------------------------------


def test_every_config_loads_with_expected_rows_and_types(
    exported: tuple[Project, ExportResult, dict[str, Any]],
) -> None:
    _, result, loaded = exported
    expected = {
        "sentences": {"train": 5, "validation": 2, "test": 2},
        "claims": {"train": 2, "test": 2},  # gamma (validation) has no annotated claim
        "documents": {"train": 1, "validation": 1, "test": 1},
        "actors": {"train": 5},
    }
    assert result.rows == expected
    got = {
        c: {s: v["rows"] for s, v in splits.items()}
        for c, splits in loaded.items()
        if not c.startswith("_")
    }
    assert {c: dict(sorted(s.items())) for c, s in got.items()} == {
        c: dict(sorted(s.items())) for c, s in expected.items()
    }
    assert loaded["_default"] == 5  # `sentences` is the default config
    assert loaded["_bare"].startswith("ClassLabel(names=['certain', 'probable'")
    claims = loaded["claims"]["train"]
    assert claims["class_labels"] == ["certainty", "expectation_type", "polarity"]
    assert "ClassLabel" in claims["features"]["evidence"] and "List(" in claims["features"]["cues"]
    assert "Value('int32')" in claims["features"]["actor_start"]
    assert claims["raw"]["expectation_type"] == [0, 5]  # ids, not strings: desire, obligation
    sentences = loaded["sentences"]["train"]["features"]["claims"]
    assert sentences.startswith("List(") and "ClassLabel(names=['desire'" in sentences


def test_spans_recover_from_sentence_and_document(
    exported: tuple[Project, ExportResult, dict[str, Any]],
) -> None:
    _, _, loaded = exported
    docs = {d["id"]: d["text"] for split in loaded["documents"].values() for d in split["data"]}
    sentences = {s["id"]: s for split in loaded["sentences"].values() for s in split["data"]}
    rows = [c for split in loaded["claims"].values() for c in split["data"]]
    assert {r["id"] for r in rows} == {
        "alpha:0001/c1",
        "alpha:0003/c1",
        "beta:0000/c1",
        "beta:0000/c2",
    }
    checked = 0
    for row in rows:
        text, base = docs[row["doc"]], row["sentence_start"]
        assert text[base : base + len(row["sentence"])] == row["sentence"]
        spans = [(row["expectation"], row["expectation_start"], row["expectation_end"])]
        if row["actor_quote"] is not None:
            spans.append((row["actor_quote"], row["actor_start"], row["actor_end"]))
        spans += [(c["quote"], c["start"], c["end"]) for c in row["cues"]]
        for quote, start, end in spans:
            assert row["sentence"][start:end] == quote
            assert text[base + start : base + end] == quote
            checked += 1
        for ev in row["evidence"]:
            assert sentences[ev["sentence_id"]]["text"][ev["start"] : ev["end"]] == ev["quote"]
            assert text[ev["doc_start"] : ev["doc_end"]] == ev["quote"]
            checked += 1
    assert checked == 10
    implicit = next(r for r in rows if r["id"] == "alpha:0003/c1")
    assert implicit["actor"] == "author"
    assert (implicit["actor_quote"], implicit["actor_start"], implicit["actor_end"]) == (None,) * 3
    first = next(r for r in rows if r["id"] == "alpha:0001/c1")
    assert first["evidence"][0]["sentence_id"] == "alpha:0002"  # evidence in another sentence
    assert [c["kind"] for c in implicit["cues"]] == ["hedge", "booster"]
    assert docs["beta"].startswith("Pyongyang") and "\r\n" in docs["beta"]  # BOM gone, CRLF kept


def test_round_trip_rebuilds_the_corpus_exactly(
    exported: tuple[Project, ExportResult, dict[str, Any]],
) -> None:
    project, _, loaded = exported
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for split in loaded["sentences"].values():
        for row in split["data"]:
            by_doc.setdefault(row["doc"], []).append(row)
    assert sorted(by_doc) == ["alpha", "beta", "gamma"]
    for doc, rows in by_doc.items():
        rebuilt = jsonio.jsonl_bytes(
            SentenceRecord.model_validate(row).model_dump(mode="json") for row in rows
        )
        assert rebuilt == project.annotation_path(doc).read_bytes(), doc


def test_card_yaml_parses_and_names_every_config(
    exported: tuple[Project, ExportResult, dict[str, Any]],
) -> None:
    project, result, _ = exported
    text = (result.out_dir / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert [c["config_name"] for c in meta["configs"]] == [
        "sentences",
        "claims",
        "documents",
        "actors",
    ]
    assert [c.get("default", False) for c in meta["configs"]] == [True, False, False, False]
    for config in meta["configs"]:
        for entry in config["data_files"]:
            assert (result.out_dir / entry["path"]).is_file()
    assert meta["license"] == "other" and meta["language"] == ["en"]
    assert meta["pretty_name"] == "Fixture corpus"
    assert {"task_categories", "tags", "size_categories"} <= set(meta)
    infos = {i["config_name"]: i for i in meta["dataset_info"]}
    assert set(infos) == {"sentences", "claims", "documents", "actors"}
    polarity = next(f for f in infos["claims"]["features"] if f["name"] == "polarity")
    assert polarity["dtype"] == {"class_label": {"names": {"0": "positive", "1": "negative"}}}
    body = text.split("---\n", 2)[2]
    for heading in (
        "## Dataset Details",
        "## Uses",
        "### Out-of-Scope Use",
        "## Dataset Structure",
        "## Dataset Creation",
        "#### Annotation process",
        "#### Who are the annotators?",
        "## Bias, Risks, and Limitations",
        "## Citation",
    ):
        assert f"\n{heading}\n" in body, heading
    for doc in ("alpha", "beta", "gamma"):
        seed = (project.seeds_dir / f"{doc}.txt").read_bytes()
        assert hashlib.sha256(seed).hexdigest() in body
    assert "`claims.actor.ref`" not in body and "`claims[].actor.ref`" in body
    assert "| `draft` | 1 |" in body  # sentences by status
    assert "| `draft` | 0 | 1 |" in body  # claims by status and origin
    assert "rights" in body and (result.out_dir / "LICENSE.md").is_file()


def test_labels_travel_in_the_parquet_schema_too(
    exported: tuple[Project, ExportResult, dict[str, Any]],
) -> None:
    import pyarrow.parquet as pq

    _, result, _ = exported
    schema = pq.read_schema(result.out_dir / "claims" / "train-00000-of-00001.parquet")
    info = json.loads(schema.metadata[b"huggingface"])
    assert info["info"]["features"]["certainty"]["names"][0] == "certain"


def test_export_is_deterministic(tmp_path: Path) -> None:
    project = make_export_project(tmp_path / "proj")
    first = export(project, tmp_path / "one")
    second = export(project, tmp_path / "two")
    files = sorted(p.relative_to(first.out_dir) for p in first.out_dir.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(second.out_dir) for p in second.out_dir.rglob("*") if p.is_file()
    )
    for rel in files:
        assert (first.out_dir / rel).read_bytes() == (second.out_dir / rel).read_bytes(), rel
    assert str(tmp_path) not in (first.out_dir / "README.md").read_text(encoding="utf-8")


def test_a_corpus_as_typed_exports_the_same_files(tmp_path: Path) -> None:
    """Defaults left out (null lists, missing cues and evidence) and keys in another order
    give the very same dataset, byte for byte, as the canonical corpus."""
    project = make_export_project(tmp_path / "proj")
    canonical = export(project, tmp_path / "canonical")
    omitted = 0
    for path in project.annotation_paths():
        lines = path.read_text(encoding="utf-8").splitlines()
        typed = [
            json.dumps(without_defaults(json.loads(x), SentenceRecord, list.reverse)) for x in lines
        ]
        omitted += sum(len(x) < len(y) for x, y in zip(typed, lines, strict=True))
        path.write_text("".join(x + "\n" for x in typed), encoding="utf-8")
    assert omitted > 5  # the rewrite left fields out
    typed = export(project, tmp_path / "typed")
    got, expected = _snapshot(typed.out_dir), _snapshot(canonical.out_dir)
    # The card names the corpus version, a hash of the files' bytes: only that differs.
    version = re.compile(r"[0-9a-f]{64}|(?<=corpus sha256 )[0-9a-f]{16}")
    readme = [version.sub("HASH", x.pop("README.md").decode()) for x in (got, expected)]
    assert got == expected and readme[0] == readme[1] and "HASH" in readme[0]


def test_evidence_cited_across_blocks_of_a_file(
    export_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file read in small blocks gives the same rows as one read whole: evidence cited from
    a sentence in an earlier block, or a later one, gets its document offsets all the same."""
    project = export_project
    lines = project.annotation_path("alpha").read_text(encoding="utf-8").splitlines()
    s2 = json.loads(lines[2])["text"]
    cited = {**_span(s2, "Moscow did not side"), "sentence": "alpha:0002", "type": "event"}
    _edit(project, "alpha", 3, lambda r: r["claims"][0]["evidence"].append(cited))  # backward
    whole = export(project, tmp_path / "whole")
    lookups: list[tuple[str, bool]] = []
    get = tables.SentenceStarts.get

    def spy(self: tables.SentenceStarts, sentence: str) -> int | None:
        lookups.append((sentence, sentence in self.known))
        return get(self, sentence)

    monkeypatch.setattr(tables.SentenceStarts, "get", spy)
    longest = max(len(x) for p in project.annotation_paths() for x in p.read_bytes().split(b"\n"))
    monkeypatch.setattr(tables, "_JSON_BLOCK_SIZE", longest + 1)
    blocks = export(project, tmp_path / "blocks")
    # alpha:0001 cites alpha:0002, read in a later block; alpha:0003 cites it from an earlier one.
    assert ("alpha:0002", False) in lookups and ("alpha:0002", True) in lookups
    for path in sorted(whole.out_dir.rglob("*.parquet")):
        rel = path.relative_to(whole.out_dir)
        assert pq.read_table(blocks.out_dir / rel).equals(pq.read_table(path)), rel
    claims = pq.read_table(blocks.out_dir / "claims/train-00000-of-00001.parquet").to_pylist()
    evidence = [e for claim in claims for e in claim["evidence"]]
    assert len(evidence) == 3
    for e in evidence:
        assert ALPHA[e["doc_start"] : e["doc_end"]] == e["quote"], e


# -- refusing, protecting, options -----------------------------------------------------------------


def _edit(project: Project, doc: str, line: int, change: Any) -> None:
    """Apply change(record) to one line of an annotation file."""
    path = project.annotation_path(doc)
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    change(records[line])
    jsonio.write_jsonl(path, records)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("concurrent", [False, True], ids=["validate-first", "concurrent"])
def test_invalid_corpus_is_refused_and_the_old_export_kept(
    export_project: Project, monkeypatch: pytest.MonkeyPatch, concurrent: bool
) -> None:
    if concurrent:  # validation in a forked process alongside the table building
        monkeypatch.setattr("claimset.export.validation.CONCURRENT_VALIDATION_BYTES", 0)
    first = export(export_project)
    before = _snapshot(first.out_dir)

    def shift(record: dict[str, Any]) -> None:
        record["claims"][0]["expectation"]["start"] += 1

    _edit(export_project, "alpha", 1, shift)
    with pytest.raises(InvalidCorpus) as caught:
        export(export_project)
    assert [d.code for d in caught.value.report.errors] == ["offset-mismatch"]  # type: ignore[attr-defined]
    result = CliRunner().invoke(cli, ["export"], prog_name="claimset")
    assert result.exit_code == 1
    assert (
        "corpus/annotations/alpha.jsonl:2:" in result.stderr
        and "[offset-mismatch]" in result.stderr
    )
    assert "export refused" in result.stderr
    assert _snapshot(first.out_dir) == before
    assert sorted(p.name for p in first.out_dir.parent.iterdir()) == ["claimset"]  # no temp left


def test_unanchored_spans_are_refused(export_project: Project) -> None:
    def unanchor(record: dict[str, Any]) -> None:
        record["claims"][0]["expectation"].update(start=None, end=None)

    _edit(export_project, "alpha", 3, unanchor)
    with pytest.raises(InvalidCorpus, match="run `claimset fmt`"):
        export(export_project)
    assert not export_project.default_export_dir.exists()


def test_cli_export_with_drafts(export_project: Project, tmp_path: Path) -> None:
    agreement = {
        "claims": {"gold": 10, "predicted": 9, "paired": 8},
        "scores": {"actors": {"precision": 0.9, "recall": 0.8, "f1": 0.8471}},
        "accuracy": {"certainty": {"accuracy": 0.75, "correct": 6, "total": 8}},
    }
    (export_project.corpus_dir / "agreement.json").write_text(json.dumps(agreement), "utf-8")
    # A second annotator's version of alpha, disagreeing on one certainty.
    records = [
        json.loads(x)
        for x in export_project.annotation_path("alpha").read_text("utf-8").splitlines()
    ]
    records[3]["claims"][0]["hedge"]["certainty"] = "possible"
    jsonio.write_jsonl(export_project.root / "agreement" / "ann2" / "alpha.jsonl", records)
    result = CliRunner().invoke(
        cli, ["export", "--include-drafts", "--out", str(tmp_path / "hub")], prog_name="claimset"
    )
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.replace("│", " ").split()) for line in result.stdout.splitlines()]
    assert "sentences 5 2 2 9" in lines
    assert "claims 3 - 2 5" in lines  # the draft claim joins train; validation has no claims
    assert "actors 5 - - 5" in lines
    assert lines[-1] == f"Wrote {tmp_path / 'hub'} (machine drafts included)"
    card = (tmp_path / "hub" / "README.md").read_text(encoding="utf-8")
    assert "unchecked machine drafts included" in card
    assert "| actor refs | 0.900 | 0.800 | 0.847 |" in card
    assert "| certainty | 0.750 | 6/8 |" in card
    assert "`agreement/ann2/` (`alpha`) compared with the corpus annotations" in card
    assert "| certainty | 2 | 0.500 | 0.333 | 0.400 |" in card  # one of two certainties differs
    assert "| target | 2 | 1.000 | n/a | n/a |" in card  # one label throughout: kappa is 0/0
    assert "machine-generated" in yaml.safe_load(card.split("---\n")[1])["annotations_creators"]


def test_a_config_without_rows_is_left_out(export_project: Project) -> None:
    for doc in ("alpha", "beta"):
        path = export_project.annotation_path(doc)
        records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        for r in records:
            r.update(status="todo", annotator=None, claims=[])
        jsonio.write_jsonl(path, records)
    result = export(export_project)
    assert result.rows["claims"] == {} and result.total("sentences") == 9
    card = (result.out_dir / "README.md").read_text(encoding="utf-8")
    names = [c["config_name"] for c in yaml.safe_load(card.split("---\n")[1])["configs"]]
    assert names == ["sentences", "documents", "actors"]
    assert "| `claims` | one row per claim" in card and "not written: no rows" in card
    assert not (result.out_dir / "claims").exists()
    # The card's example does not load a config that is not there, and the CLI says why.
    assert 'load_dataset("<this folder or hub repo>", "claims")' not in card
    assert "no `claims` config yet" in card
    cli_result = CliRunner().invoke(cli, ["export"], prog_name="claimset")
    assert cli_result.exit_code == 0
    assert "warning: no claims to export" in cli_result.stderr
    assert 'load_dataset(DIR, "claims")' in cli_result.stderr


def test_a_folder_that_is_not_an_export_is_left_alone(
    export_project: Project, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportRefused):
        export(export_project, mine)
    result = CliRunner().invoke(cli, ["export", "--out", str(mine)], prog_name="claimset")
    assert result.exit_code == 1 and "not a claimset export" in result.stderr
    assert _snapshot(mine) == {"notes.txt": b"keep me"}
    inside = CliRunner().invoke(cli, ["export", "--out", "corpus/out"], prog_name="claimset")
    assert inside.exit_code == 2 and not (export_project.corpus_dir / "out").exists()


def test_a_failure_while_writing_keeps_the_old_export(
    export_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = export(export_project)
    before = _snapshot(first.out_dir)

    def boom(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("claimset.export.card.card_files", boom)
    with pytest.raises(OSError, match="disk full"):
        export(export_project)
    assert _snapshot(first.out_dir) == before
    assert sorted(p.name for p in first.out_dir.parent.iterdir()) == ["claimset"]


def _dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    return int(proc.stdout)


def test_leftovers_of_a_killed_export_are_tidied(export_project: Project, tmp_path: Path) -> None:
    out = tmp_path / "ds"
    first = export(export_project, out)
    before = _snapshot(first.out_dir)
    dead, alive = _dead_pid(), os.getpid()
    # A killed run in the swap window: the old export aside, nothing in its place.
    aside = tmp_path / f".claimset-tmp-old-ds-{dead}"
    os.replace(out, aside)
    half_built = tmp_path / f".claimset-tmp-ds-{dead}-abc"
    half_built.mkdir()
    running = tmp_path / f".claimset-tmp-ds-{alive}-xyz"  # a live process's folder: kept
    running.mkdir()
    clean_stale(out)
    assert _snapshot(out) == before  # the previous export is back
    assert not aside.exists() and not half_built.exists() and running.is_dir()
    export(export_project, out)  # and the next export runs as usual
    assert not any(p.name.startswith(".claimset-tmp-ds-" + str(dead)) for p in tmp_path.iterdir())
