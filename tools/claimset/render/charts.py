"""Inline SVG charts: horizontal bars with their numbers written out, readable without colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

#: Okabe–Ito: eight colours told apart by people with any common colour-vision deficiency.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
STATUS_COLOURS = {"todo": "#d9d9d9", "draft": "#F0E442", "done": "#56B4E9", "reviewed": "#009E73"}


def bar_chart(title: str, counts: Sequence[tuple[str, int]], colour: str = "#0072B2") -> str:
    """A labelled horizontal bar chart; each bar's count is printed beside it."""
    if not counts:
        return f'<figure class="chart"><figcaption>{escape(title)}</figcaption><p>none</p></figure>'
    row, label_w, bar_w = 22, 210, 260
    top = max(n for _, n in counts) or 1
    height = row * len(counts) + 4
    parts = [
        f'<svg role="img" aria-labelledby="{_id(title)}" width="{label_w + bar_w + 50}" '
        f'height="{height}" viewBox="0 0 {label_w + bar_w + 50} {height}">',
        f'<title id="{_id(title)}">{escape(title)}: '
        + escape(", ".join(f"{k} {n}" for k, n in counts))
        + "</title>",
    ]
    for i, (label, n) in enumerate(counts):
        y = i * row + 2
        width = max(1, round(bar_w * n / top)) if n else 0
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row - 8}" fill="{colour}"/>'
            f'<text x="{label_w + width + 4}" y="{y + 15}">{n}</text>'
        )
    parts.append("</svg>")
    return (
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>{"".join(parts)}</figure>'
    )


def progress_bar(counts: Mapping[str, int], width: int = 220) -> str:
    """A stacked bar of sentence statuses, with the numbers as text and in the SVG title."""
    total = sum(counts.values())
    summary = ", ".join(f"{s} {counts.get(s, 0)}" for s in STATUS_COLOURS)
    parts = [
        f'<svg role="img" class="progress" width="{width}" height="14" '
        f'viewBox="0 0 {width} 14"><title>{escape(summary)}</title>'
    ]
    x = 0.0
    for status, colour in STATUS_COLOURS.items():
        n = counts.get(status, 0)
        if not n or not total:
            continue
        w = width * n / total
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="14" fill="{colour}">'
            f"<title>{status}: {n}</title></rect>"
        )
        x += w
    parts.append("</svg>")
    return "".join(parts)


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _id(title: str) -> str:
    return "chart-" + "".join(ch if ch.isalnum() else "-" for ch in title.lower())
