"""The dataset card is a template filled by small functions; template and code cannot drift."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from claimset.export.card import fill

TEMPLATES = ("card.md.tmpl", "license.md.tmpl")


def placeholders(template: str) -> set[str]:
    text = resources.files("claimset.export.card").joinpath(template).read_text(encoding="utf-8")
    return set(re.findall(r"\$\{(\w+)\}", text))


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_template_filled_with_every_field_has_no_placeholder_left(template: str) -> None:
    names = placeholders(template)
    assert names, f"{template} has no placeholder"
    filled = fill(template, {name: f"<{name}>" for name in names})
    assert "${" not in filled
    assert all(f"<{name}>" in filled for name in names)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_missing_or_unknown_field_is_an_error(template: str) -> None:
    names = sorted(placeholders(template))
    fields = {name: "x" for name in names}
    with pytest.raises(ValueError, match=names[0]):
        fill(template, {k: v for k, v in fields.items() if k != names[0]})
    with pytest.raises(ValueError, match="no_such_field"):
        fill(template, {**fields, "no_such_field": "x"})
