"""The compiled lexicons: a trie's plain table of first words answers as the trie does."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from claimset.draft import load_actors
from claimset.draft.lexicons import Trie, build_trie, lexicons
from claimset.project import Project

ROOT = Path(__file__).resolve().parent.parent


def test_every_trie_knows_its_first_words() -> None:
    tries = [getattr(lexicons(), f.name) for f in dataclasses.fields(lexicons())]
    tries = [t for t in tries if isinstance(t, Trie)]
    tries.append(load_actors(Project(ROOT)).trie)
    assert len(tries) > 10
    for trie in tries:
        assert trie and trie.firsts.keys() == trie.keys()  # `w in trie.firsts` == `w in trie`


def test_a_built_trie_answers_for_first_words_only() -> None:
    trie = build_trie([(("in", "fact"), "x"), (("no", "doubt"), "y"), (("no",), "z")])
    assert [w in trie.firsts for w in ("in", "no", "fact", "doubt")] == [True, True, False, False]
    assert not build_trie([]).firsts
