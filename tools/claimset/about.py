"""What a project says about itself for its dataset card: `claimset.toml` at the project root.

```toml
[dataset]
name = "Claims in essays on relations between countries"
authors = ["Ada Lovelace", "Charles Babbage"]
year = 2026
url = "https://github.com/example/claims-corpus"
```

Every key is optional. `name` defaults to the README's first heading (else the folder's name);
`authors`, `year` and `url` feed the card's citation and repository line, which otherwise say
that they are not recorded rather than guess. An author that is a team or an organisation is
written in braces, as in BibTeX (`"{The claimset developers}"`): the citation keeps it whole.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .errors import ClaimsetError

#: The file, at the project root.
ABOUT_FILE = "claimset.toml"
_KEYS = {"name": str, "authors": list, "year": int, "url": str}


class InvalidAbout(ClaimsetError):
    "claimset.toml is not valid TOML, or a value has the wrong type."


@dataclass(frozen=True)
class About:
    """The project's own metadata (None or empty where claimset.toml does not say)."""

    name: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    url: str | None = None


def read_about(root: Path) -> About:
    """The `[dataset]` table of `root/claimset.toml`, checked; an empty About without the file."""
    path = root / ABOUT_FILE
    if not path.is_file():
        return About()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidAbout(f"{ABOUT_FILE}: {exc}") from exc
    table = data.get("dataset", {})
    if not isinstance(table, dict):
        raise InvalidAbout(f"{ABOUT_FILE}: [dataset] must be a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise InvalidAbout(
            f"{ABOUT_FILE}: unknown key(s) {', '.join(unknown)} in [dataset]; "
            f"known: {', '.join(_KEYS)}"
        )
    for key, kind in _KEYS.items():
        if key in table and (type(table[key]) is not kind):
            raise InvalidAbout(f"{ABOUT_FILE}: [dataset] {key} must be a {kind.__name__}")
    authors = table.get("authors", [])
    if not all(isinstance(a, str) and a.strip() for a in authors):
        raise InvalidAbout(f"{ABOUT_FILE}: [dataset] authors must be a list of names")
    return About(table.get("name"), list(authors), table.get("year"), table.get("url"))
