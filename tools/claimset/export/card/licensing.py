"""The dataset's licence, derived from the documents' `license` fields (never assumed)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .markdown import code

#: Licence ids the Hugging Face Hub knows, used as `license:` as they are when every document
#: carries the same one (anything else is `other`, named and explained in LICENSE.md).
HUB_LICENSES = frozenset(
    {
        "apache-2.0", "mit", "bsd-2-clause", "bsd-3-clause", "cc0-1.0", "cc-by-2.0", "cc-by-3.0",
        "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0", "cc-by-nc-2.0", "cc-by-nc-3.0",
        "cc-by-nc-4.0", "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0", "cc-by-nd-4.0", "cc-by-nc-nd-4.0",
        "gpl-2.0", "gpl-3.0", "lgpl-3.0", "agpl-3.0", "odc-by", "odbl", "pddl", "unlicense",
        "wtfpl", "gfdl", "artistic-2.0", "ecl-2.0", "mpl-2.0", "openrail", "c-uda",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Licensing:
    """The card's licence fields and the sentences that explain them."""

    license: str
    license_name: str | None
    license_link: str | None
    summary: str
    intro: str


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


def licensing(documents: list[dict[str, Any]]) -> Licensing:
    """One licence when every document states the same one; else `other`, with the mixture."""
    licences = [d.get("license") or None for d in documents]
    counts = Counter("unknown" if lic is None else str(lic) for lic in licences)
    if len(counts) == 1 and None not in licences:
        (only,) = counts
        if only.lower() in HUB_LICENSES:
            summary = f"`{only.lower()}`, the licence every document states (see LICENSE.md)"
            return Licensing(only.lower(), None, None, summary, _intro(counts))
        summary = f"{code(only, cell=False)}, the licence every document states (see LICENSE.md)"
        return Licensing("other", _slug(only), "LICENSE.md", summary, _intro(counts))
    parts = ", ".join(
        f"{n} {'document' if n == 1 else 'documents'} {code(lic, cell=False)}"
        for lic, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    if set(counts) == {"unknown"}:  # one document, or several, and none states a licence
        summary = f"`other`: no document states its licence ({parts}); see LICENSE.md"
        return Licensing("other", "unknown", "LICENSE.md", summary, _intro(counts))
    summary = f"`other`: the documents' licences differ ({parts}); see LICENSE.md"
    return Licensing("other", "mixed", "LICENSE.md", summary, _intro(counts))


def _intro(counts: Counter[str]) -> str:
    """LICENSE.md's first paragraph."""
    text = (
        "Each document keeps its own licence, as recorded in the project's "
        "`corpus/documents.jsonl` and listed below; the annotations are distributed with them."
    )
    if "unknown" in counts:
        text += (
            " The rights to the documents marked `unknown` are not known: do not redistribute "
            "their texts (the `documents` config and the sentence texts) without clearing them."
        )
    return text
