"""Wording shared by the messages, reports and the dataset card."""

from __future__ import annotations


def plural(n: int, noun: str) -> str:
    """`1 file`, `2 files`: the count and the noun, with a plural `s` unless n is 1."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
