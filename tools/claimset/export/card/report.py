"""The HTML report in the export: when `claimset render` has built one, the export carries a
fresh copy (`report/`, made from the same corpus, so it cannot be stale) and the card links it."""

from __future__ import annotations

from ...project import Project
from ...render import has_report, site_pages

FOLDER = "report"


def report_files(project: Project) -> dict[str, bytes]:
    """`report/<page>` for every page of the report, or nothing if no report was built."""
    if not has_report(project):
        return {}
    pages, _ = site_pages(project)
    return {f"{FOLDER}/{name}": html.encode("utf-8") for name, html in sorted(pages.items())}


def report_link(files: dict[str, bytes]) -> str:
    """The card's line about the report (after the Repository line), or nothing."""
    if f"{FOLDER}/index.html" not in files:
        return ""
    return (
        f"\n- **Report:** [{FOLDER}/index.html]({FOLDER}/index.html): every sentence with its "
        "claims highlighted, filters, progress and charts, as static HTML (`claimset render`)"
    )
