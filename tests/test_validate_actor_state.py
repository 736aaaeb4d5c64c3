"""An actor's optional `state` (check `actor-state`): the id of a state in the registry, named
before or after the actor; written back as it was read; absent means none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.validate import fast_path, validate
from samples import copy_fixture


def with_actors(tmp_path: Path, *actors: dict[str, object]) -> list[tuple[int, str, str, str]]:
    """(line, code, path, message) of the diagnostics after adding `actors` to the registry."""
    project = copy_fixture(tmp_path)
    with project.actors_path.open("a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(actor) + "\n" for actor in actors)
    return [(d.line, d.code, d.path, d.message) for d in validate(project).diagnostics]


LEE = {"id": "lee", "name": "Lee Jae Myung", "aliases": [], "kind": "person"}


@pytest.mark.parametrize("precise", [False, True])
def test_a_state_of_the_registry_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, precise: bool
) -> None:
    if precise:  # the same without the fast path's patterns
        monkeypatch.setattr(fast_path, "pattern", lambda model: None)
    # A state listed after the actor that serves it is found all the same.
    ukraine = {"id": "ukraine", "name": "Ukraine", "aliases": [], "kind": "state"}
    zelensky = {"id": "zelensky", "name": "Volodymyr Zelensky", "aliases": [], "kind": "person"}
    assert (
        with_actors(
            tmp_path, {**LEE, "state": "south_korea"}, {**zelensky, "state": "ukraine"}, ukraine
        )
        == []
    )


def test_an_unknown_state_is_an_unknown_actor(tmp_path: Path) -> None:
    found = with_actors(tmp_path, {**LEE, "state": "south_koera"})
    assert [(code, path) for _, code, path, _ in found] == [("unknown-actor", "state")]
    assert "'south_koera'" in found[0][3] and "corpus/actors.jsonl" in found[0][3]


def test_a_state_that_is_no_state_is_refused(tmp_path: Path) -> None:
    moon = {"id": "moon", "name": "Moon Jae-in", "aliases": [], "kind": "person"}
    found = with_actors(tmp_path, moon, {**LEE, "state": "moon"})
    assert [(code, path, message) for _, code, path, message in found] == [
        (
            "value",
            "state",
            "'moon' is a person, not a state: `state` names the state the actor serves",
        )
    ]


def test_a_malformed_state_is_a_value_problem(tmp_path: Path) -> None:
    found = with_actors(tmp_path, {**LEE, "state": "South Korea"})
    assert [(code, path) for _, code, path, _ in found] == [("value", "state")]
