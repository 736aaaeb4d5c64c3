"""`claimset.pipeline` and `claimset draft-corpus`: the same rows as `split` then `draft`, on
every engine (one process, `datasets.Dataset.map` in two processes, a real local Spark)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from claimset.cli import cli
from claimset.export.tables import jsonl_schema, typed_table
from claimset.pipeline import (
    BATCH_DOCUMENTS,
    Drafter,
    document_records,
    input_schema,
    run_datasets,
)
from claimset.project import Project
from claimset.scaffold import init
from click.testing import CliRunner
from conftest import offline_env

REPO = Path(__file__).resolve().parents[1]
ACTORS = REPO / "corpus" / "actors.jsonl"
#: A few real documents of different lengths (the opinion essay and two speeches/reports).
SEEDS = [REPO / "seeds" / name for name in ("000_a59439a6f7a726ad.txt", "us_iran.txt")]


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture(scope="module")
def local_rows(documents: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The single-process CLI's rows, serialized: what every other engine must give."""
    out = tmp_path_factory.mktemp("local") / "out"
    result = CliRunner().invoke(
        cli, ["draft-corpus", str(documents), str(out), "--actors", str(ACTORS)]
    )
    assert result.exit_code == 0, result.output
    assert "2 documents →" in result.output
    return serialized(pq.read_table(out / "part-00000.parquet"))


def serialized(table: pa.Table) -> list[str]:
    """Each row as canonical JSON, in id order (engines may write partitions in any order)."""
    rows = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in table.to_pylist()]
    return sorted(rows, key=lambda r: json.loads(r)["id"])


def test_the_pipeline_writes_what_split_then_draft_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, local_rows: list[str]
) -> None:
    root = tmp_path / "proj"
    init(root)
    shutil.copy(ACTORS, root / "corpus" / "actors.jsonl")
    for seed in SEEDS:
        shutil.copy(seed, root / "seeds" / seed.name)
    monkeypatch.chdir(root)
    runner = CliRunner()
    for command in (["split"], ["draft"]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, result.output
    project = Project(root.resolve())
    drafter = Drafter.from_path(ACTORS)
    tables = []
    for seed in SEEDS:
        path = project.annotation_path(seed.stem)
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        records = drafter.records([seed.stem], [seed.read_text(encoding="utf-8")])
        assert records == lines
        assert any(r["claims"] for r in records)
        tables.append(
            typed_table(pa.Table.from_pylist(lines, schema=jsonl_schema("sentences")), "sentences")
        )
    assert serialized(pa.concat_tables(tables)) == local_rows


def test_datasets_map_in_two_processes_gives_the_same_rows(
    documents: Path, tmp_path: Path, local_rows: list[str]
) -> None:
    out = tmp_path / "out"
    rows = run_datasets(documents, out, Drafter.from_path(ACTORS), jobs=2)
    assert rows == len(local_rows)
    assert serialized(pq.read_table(out / "part-00000.parquet")) == local_rows
    # The files load with `datasets` in a fresh process, with the export's ClassLabels.
    code = (
        "import sys, datasets\n"
        "from claimset.features import features\n"
        "ds = datasets.load_dataset('parquet', data_files=sys.argv[1] + '/*.parquet', "
        "features=features('sentences'), split='train')\n"
        "print(ds.num_rows, ds.features['claims'].feature['expectation']['type'].names[0])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        capture_output=True,
        text=True,
        env=offline_env(tmp_path),
        check=True,
    )
    assert proc.stdout.split() == [str(len(local_rows)), "desire"]


def test_spark_batches_are_drafted_a_slice_at_a_time() -> None:
    """A batch of Spark's default size is not drafted in one piece (its rows as Python objects
    outgrew a worker's memory): slices of BATCH_DOCUMENTS documents, the same rows in order."""
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    count = BATCH_DOCUMENTS * 2 + 3
    ids = [f"doc_{i}" for i in range(count)]
    batch = pa.RecordBatch.from_pydict(
        {"id": ids, "text": [texts[i % 2] for i in range(count)], "speaks_for": [None] * count},
        schema=input_schema(),
    )
    drafter = Drafter.from_path(ACTORS)
    out = list(drafter.batches([batch]))
    docs = [set(b.column("doc").to_pylist()) for b in out]
    assert all(len(d) <= BATCH_DOCUMENTS for d in docs)
    assert set().union(*docs) == set(ids)
    assert pa.Table.from_batches(out).to_pylist() == drafter(batch).to_pylist()


def test_a_bad_document_id_is_refused_with_its_name() -> None:
    from claimset.errors import ClaimsetError
    from claimset.pipeline import actor_index

    with pytest.raises(ClaimsetError, match="'no spaces'"):
        document_records("no spaces", "Seoul hopes so.", actor_index(ACTORS.read_bytes()))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a b", "text": "Seoul hopes so."}', "document id 'a b' is not an id"),
        ('{"id": "ok", "text": 3}', "expected an object with string `id` and `text`"),
        ('{"id": "ok", "text": "a\\ud800"}', "a lone surrogate in the text"),
        ('{"id": "ok", "text": "x", "id": "y"}', "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_a_bad_document_line_is_refused_with_its_place(
    line: str, reason: str, tmp_path: Path
) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text('{"id": "fine", "text": "Seoul hopes so."}\n' + line + "\n")
    result = CliRunner().invoke(cli, ["draft-corpus", str(source), str(tmp_path / "out")])
    assert result.exit_code == 1 and f"docs.jsonl:2: {reason}" in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_draft_corpus_refuses_an_existing_folder(documents: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["draft-corpus", str(documents), str(out)])
    assert result.exit_code == 1 and "not an empty folder" in result.output
    assert (out / "keep.txt").read_text() == "mine"


def test_spark_rows_equal_the_single_process_cli_rows(
    spark: Any, documents: Path, tmp_path: Path, local_rows: list[str]
) -> None:
    from claimset import spark as claimset_spark

    df = spark.createDataFrame(
        [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(documents.glob("*.txt"))],
        "id string, text string",
    ).repartition(2)
    out = tmp_path / "spark-out"
    claimset_spark.draft(df, actors=ACTORS).write.parquet(str(out))
    table = pq.read_table(out)
    assert serialized(table) == local_rows


def test_progress_bars_are_off_when_not_on_a_terminal() -> None:
    from claimset.cli._shared import progress

    # Under pytest (as in CI logs and pipes) stderr is no terminal: nothing is drawn.
    assert progress().disable


SPEECH = REPO / "seeds" / "us_india.txt"  # a speech: corpus/documents.jsonl gives speaks_for


@pytest.fixture(scope="module")
def speech_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL source of one speech (with `speaks_for`) and one essay (without the key)."""
    essay = SEEDS[0]
    path = tmp_path_factory.mktemp("speech") / "documents.jsonl"
    rows = [
        {
            "id": "us_india",
            "text": SPEECH.read_text(encoding="utf-8"),
            "speaks_for": "united_states",
        },
        {"id": essay.stem, "text": essay.read_text(encoding="utf-8")},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_speech_is_drafted_as_draft_drafts_it_in_a_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, speech_source: Path
) -> None:
    root = tmp_path / "proj"
    init(root)
    shutil.copy(ACTORS, root / "corpus" / "actors.jsonl")
    shutil.copy(SPEECH, root / "seeds" / SPEECH.name)
    monkeypatch.chdir(root)
    runner = CliRunner()
    assert runner.invoke(cli, ["split"]).exit_code == 0
    documents = root / "corpus" / "documents.jsonl"
    record = json.loads(documents.read_text(encoding="utf-8"))
    documents.write_text(json.dumps({**record, "speaks_for": "united_states"}) + "\n")
    result = runner.invoke(cli, ["draft"])
    assert result.exit_code == 0, result.output
    path = Project(root.resolve()).annotation_path("us_india")
    drafted = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["draft-corpus", str(speech_source), str(out), "--actors", str(ACTORS)]
    )
    assert result.exit_code == 0, result.output
    rows = pq.read_table(out / "part-00000.parquet").to_pylist()
    speech = [r for r in rows if r["doc"] == "us_india"]
    expected = typed_table(
        pa.Table.from_pylist(drafted, schema=jsonl_schema("sentences")), "sentences"
    ).to_pylist()
    assert speech == expected
    # It matters: drafted as an essay, the speaker's "we" / "our" is quoted as the author's
    # (guidelines §6.1: in a speech it is the party's, or no quote at all).
    essay = Drafter.from_path(ACTORS).records(["us_india"], [SPEECH.read_text(encoding="utf-8")])

    def author_we(records: list[dict[str, Any]]) -> int:
        quotes = [c["actor"]["quote"] for r in records for c in r["claims"]]
        return sum((q or "").lower() in ("we", "our") for q in quotes)

    assert author_we(essay) > 0
    assert author_we(drafted) == 0


def test_speaks_for_is_the_same_on_every_engine(
    spark: Any, speech_source: Path, tmp_path: Path
) -> None:
    from claimset import spark as claimset_spark

    local = tmp_path / "local"
    result = CliRunner().invoke(
        cli, ["draft-corpus", str(speech_source), str(local), "--actors", str(ACTORS)]
    )
    assert result.exit_code == 0, result.output
    expected = serialized(pq.read_table(local / "part-00000.parquet"))

    mapped = tmp_path / "datasets"
    run_datasets(speech_source, mapped, Drafter.from_path(ACTORS), jobs=1)
    assert serialized(pq.read_table(mapped / "part-00000.parquet")) == expected

    # The command's Spark engine, on the JSONL source (read here, handed to Spark as Arrow).
    via_cli = tmp_path / "spark-cli"
    result = CliRunner().invoke(
        cli,
        [
            *("draft-corpus", str(speech_source), str(via_cli)),
            *("--engine", "spark", "-j", "1", "--actors", str(ACTORS)),
        ],
    )
    assert result.exit_code == 0, result.output
    assert serialized(pq.read_table(via_cli)) == expected

    # A Parquet source with the column, read by Spark itself.
    table = pa.Table.from_pylist(
        [json.loads(line) for line in speech_source.read_text(encoding="utf-8").splitlines()],
        schema=input_schema(),
    )
    source = tmp_path / "documents.parquet"
    pq.write_table(table, source)
    out = tmp_path / "spark-out"
    claimset_spark.draft(spark.read.parquet(str(source)), actors=ACTORS).write.parquet(str(out))
    assert serialized(pq.read_table(out)) == expected
    # The single-process engine reads the same Parquet file to the same rows.
    again = tmp_path / "again"
    result = CliRunner().invoke(
        cli, ["draft-corpus", str(source), str(again), "--actors", str(ACTORS)]
    )
    assert result.exit_code == 0, result.output
    assert serialized(pq.read_table(again / "part-00000.parquet")) == expected


@pytest.mark.parametrize(
    ("speaks_for", "message"),
    [
        ('"narnia"', "document d1: speaks_for 'narnia' is not an actor id of the registry"),
        ("7", ":1: `speaks_for` must be an actor id or null, not 7"),
    ],
)
def test_a_bad_speaks_for_is_refused_with_its_place(
    tmp_path: Path, speaks_for: str, message: str
) -> None:
    source = tmp_path / "documents.jsonl"
    source.write_text(f'{{"id": "d1", "text": "We will stay.", "speaks_for": {speaks_for}}}\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["draft-corpus", str(source), str(out), "--actors", str(ACTORS)]
    )
    assert result.exit_code == 1, result.output
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
