"""Control characters from the data are shown escaped, none silently deleted: rich deletes BEL,
BS, VT and FF from any text before the escaping hook sees them (QA F14)."""

from __future__ import annotations

import json
from pathlib import Path

from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def test_an_annotator_id_with_controls_is_printed_with_every_one_escaped(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    lines = (root / DEMO).read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["annotator"] = "\u001b]0;pwned\u0007evil\u0008\u202e"
    lines[0] = json.dumps(record)
    (root / DEMO).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in ("show", "stats"):
        out = claimset(command, cwd=root).stdout
        assert "\\x1b]0;pwned\\x07evil\\x08\\u202e" in out, (command, out)
        assert "\x07" not in out and "\x1b" not in out
