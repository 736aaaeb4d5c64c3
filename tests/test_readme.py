"""The README's command reference is generated from the CLI and must not drift.

Regenerate with: `.venv/bin/python tests/test_readme.py`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from claimset.cli import cli
from click.testing import CliRunner

README = Path(__file__).resolve().parents[1] / "README.md"
CI_DOC = Path(__file__).resolve().parents[1] / "docs" / "ci.md"


def help_text(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="claimset", terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def cli_block() -> str:
    parts = ["```console", "$ claimset --help", help_text().rstrip(), "```"]
    for name in sorted(cli.commands):  # type: ignore[attr-defined]
        parts += ["", "```console", f"$ claimset {name} --help", help_text(name).rstrip(), "```"]
        for sub in sorted(getattr(cli.commands[name], "commands", {})):  # type: ignore[attr-defined]
            usage = help_text(name, sub).rstrip()
            parts += ["", "```console", f"$ claimset {name} {sub} --help", usage, "```"]
    return "\n".join(parts)


def ci_block() -> str:
    """docs/ci.md without its title, its headings nested under the README's section."""
    text = CI_DOC.read_text(encoding="utf-8").strip()
    text = re.sub(r"\A# .*\n+", "", text)
    return re.sub(r"^(#+) ", r"#\1 ", text, flags=re.M)


def render(readme: str) -> str:
    for marker, block in (("cli", cli_block()), ("ci", ci_block())):
        readme = re.sub(
            rf"<!-- {marker}:start -->.*?<!-- {marker}:end -->",
            lambda _m, m=marker, b=block: f"<!-- {m}:start -->\n{b}\n<!-- {m}:end -->",
            readme,
            flags=re.S,
        )
    return readme


def test_readme_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert text == render(text), "README.md is stale: run `.venv/bin/python tests/test_readme.py`"


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
