"""The registry of checks: each check is one unit that declares the codes it reports.

A check is a function registered with `@check(name, codes)`, where `codes` maps each
diagnostic code it may report to its severity, and whose docstring's first line says what it
checks. Registration fails at import on a malformed or duplicate name, a code that is not in
the table of codes (`claimset.diagnostics.CODES`), or a missing docstring. Every problem a check
returns is compared with its declaration: an undeclared code or severity is a
`ClaimsetWarning`, which the test suite turns into an error (a user still gets the report).
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ..diagnostics import CODES, Severity
from ..errors import ClaimsetWarning


class RegistryError(Exception):
    "A check was registered twice, or declares a code that does not exist."


class UndeclaredCode(ClaimsetWarning):
    "A check reported a code (or severity) it did not declare."


class Reported(Protocol):
    """What a check returns: located (`Diagnostic`) or not yet (`Problem`)."""

    @property
    def code(self) -> str: ...

    @property
    def severity(self) -> Severity: ...


@dataclass(frozen=True)
class Check:
    """One registered check: its name, the codes it reports (with severity), its doc line."""

    name: str
    codes: Mapping[str, Severity]
    doc: str
    module: str


_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

#: Every registered check, by name, in registration order.
CHECKS: dict[str, Check] = {}

F = TypeVar("F", bound=Callable[..., Sequence[Reported]])


def check(name: str, codes: Mapping[str, Severity]) -> Callable[[F], F]:
    """Register the decorated function as the check `name`, reporting `codes`."""

    def register(func: F) -> F:
        doc = (func.__doc__ or "").strip().splitlines()
        if not _NAME.fullmatch(name):
            raise RegistryError(f"check name {name!r} is not lowercase words joined by '-'")
        if not doc:
            raise RegistryError(f"check {name!r} has no docstring to say what it checks")
        if name in CHECKS:
            raise RegistryError(f"check {name!r} is registered twice")
        if not codes:
            raise RegistryError(f"check {name!r} declares no code")
        unknown = sorted(set(codes) - set(CODES))
        if unknown:
            raise RegistryError(
                f"check {name!r} declares unknown code(s) {', '.join(unknown)}: the codes are "
                "listed in claimset.diagnostics.CODES (and docs/diagnostics.md)"
            )
        unit = Check(name, dict(codes), doc[0], func.__module__)
        CHECKS[name] = unit

        @functools.wraps(func)
        def checked(*args: object, **kwargs: object) -> Sequence[Reported]:
            found = func(*args, **kwargs)
            for item in found:
                if unit.codes.get(item.code) != item.severity:
                    _undeclared(unit, item)
            return found

        return checked  # type: ignore[return-value]

    return register


def _undeclared(unit: Check, item: Reported) -> None:
    warnings.warn(
        f"check {unit.name!r} reported {item.code!r} ({item.severity}), which it does not "
        f"declare (it declares {dict(unit.codes)})",
        UndeclaredCode,
        stacklevel=3,
    )


def declared_codes() -> set[str]:
    """The codes some registered check may report."""
    return {code for unit in CHECKS.values() for code in unit.codes}
