"""The HTML report: every span where its offsets say, in a real headless browser too."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from claimset.errors import UsageError
from claimset.formats.corpus import CorpusDocument, record_json
from claimset.jsonio import write_jsonl
from claimset.project import Project
from claimset.render import INDEX, build_site, page_name, render
from claimset.render.site import highlight
from formats_samples import REPO, essay_documents, unicode_document

DOCS = [d for _, d in essay_documents()] + [unicode_document()]
ARTIFACTS = Path(os.environ.get("CLAIMSET_TEST_ARTIFACTS", REPO / "build" / "test-artifacts"))


def expected_quotes(doc: CorpusDocument) -> dict[str, str]:
    """data-span id → the quote the record gives, for every span of every claim."""
    quotes: dict[str, str] = {}
    for s in doc.sentences:
        for c in s.claims:
            key = f"{s.id}/{c.id}"
            if c.actor.quote is not None:
                quotes[f"{key}/actor"] = c.actor.quote
            quotes[f"{key}/expectation"] = c.expectation.quote
            for j, ev in enumerate(c.evidence):
                quotes[f"{key}/evidence{j}"] = ev.quote
            for j, cue in enumerate(c.hedge.cues):
                quotes[f"{key}/cue{j}"] = cue.quote
    return quotes


class _Spans(HTMLParser):
    """Collects the text inside each data-span, fragments joined in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}
        self.scripts = 0
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            value = a.get(name) or ""
            if "://" in value or value.startswith("//"):
                self.external.append(value)
        if tag == "mark":
            self.open.append(a.get("data-span"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for span in self.open:
            if span:
                self.text[span] = self.text.get(span, "") + data


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_every_highlight_holds_exactly_its_quote(doc: CorpusDocument) -> None:
    pages, problems = build_site([doc], [])
    assert problems == []
    parser = _Spans()
    parser.feed(pages[page_name(doc.id)])
    assert parser.text == expected_quotes(doc)
    assert parser.external == [] and parser.scripts == 1  # all inline, nothing fetched


def test_crossing_spans_are_split_into_fragments_not_dropped() -> None:
    from claimset.render.site import Mark

    marks = [Mark(0, 6, "a", "A", "x", ""), Mark(3, 9, "b", "B", "x", "")]
    html = highlight("abcdefghij", marks)
    parser = _Spans()
    parser.feed(html)
    assert parser.text == {"A": "abcdef", "B": "defghi"}
    assert html.count('data-span="B"') == 2


def test_index_lists_documents_progress_annotators_and_charts() -> None:
    pages, _ = build_site(DOCS, [], {"unicode": "Emoji & friends"}, "Test corpus")
    index = pages[INDEX]
    for doc in DOCS:
        assert f'href="{page_name(doc.id)}"' in index
    assert "Emoji &amp; friends" in index and "<h1>Test corpus</h1>" in index
    for heading in ("Expectation types", "Certainty", "Actors holding claims", "cues"):
        assert heading in index
    assert "<td>ann1</td>" in index and "<td>blind1</td>" in index
    assert index.count("<svg") >= 6


def test_render_writes_pages_and_refuses_a_foreign_folder(seeded_project: Project) -> None:
    doc = unicode_document("essay")
    (seeded_project.seeds_dir / "essay.txt").write_text(doc.text, encoding="utf-8")
    write_jsonl(seeded_project.annotation_path("essay"), [record_json(s) for s in doc.sentences])
    result = render(seeded_project)
    assert result.out == seeded_project.root / "dist" / "report"
    assert "essay.html" in result.pages and (result.out / "essay.html").is_file()
    render(seeded_project)  # a previous report may be replaced
    foreign = seeded_project.root / "notes"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(UsageError, match="not a claimset report"):
        render(seeded_project, foreign)
    assert sorted(p.name for p in foreign.iterdir()) == ["mine.txt"]


# A real browser: Debian's chromium driven by playwright (never `playwright install`).


def _browser_path() -> str:
    pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser"):
        path = shutil.which(name) if name else None
        if path:
            return path
    pytest.skip("no chromium browser installed (apt-get install chromium); .ci/run installs it")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = [d for d in DOCS if d.id in ("000_a59439a6f7a726ad", "egypt_ethiopia", "unicode")]
    pages, _ = build_site(docs, [], {}, "claimset test corpus")
    out = tmp_path_factory.mktemp("report")
    for name, html in pages.items():
        (out / name).write_text(html, encoding="utf-8")
    return out


SPAN_TEXT = """() => {
  const found = {};
  for (const el of document.querySelectorAll("mark[data-span]")) {
    found[el.dataset.span] = (found[el.dataset.span] || "") + el.textContent;
  }
  return found;
}"""


def test_pages_in_a_real_browser(site: Path) -> None:
    executable = _browser_path()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    by_id = {d.id: d for d in DOCS}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        for name in sorted(p.name for p in site.glob("*.html")):
            page.goto((site / name).as_uri())
            assert errors == [], (name, errors)
            if name == INDEX:
                continue
            doc = by_id[name.removesuffix(".html")]
            assert page.evaluate(SPAN_TEXT) == expected_quotes(doc), name
        assert all(url.startswith("file://") for url in requests), requests

        page.goto((site / "000_a59439a6f7a726ad.html").as_uri())
        page.screenshot(path=str(ARTIFACTS / "report-document.png"))
        # Filters: only beliefs; every visible claim is a belief, the others are hidden.
        page.select_option("select[name=type]", "belief")
        visible = page.eval_on_selector_all(
            "li.claim", "els => els.filter(e => !e.hidden).map(e => e.dataset.type)"
        )
        assert visible and set(visible) == {"belief"}
        page.select_option("select[name=status]", "todo")
        assert (
            page.eval_on_selector_all(
                "article.sentence", "els => els.filter(e => !e.hidden).length"
            )
            == 0
        )
        page.select_option("select[name=status]", "")
        page.select_option("select[name=type]", "")
        # A click on a span picks out its claim and opens the claim's details.
        mark = page.locator("mark.exp[data-claim]").first
        claim_id = mark.get_attribute("data-claim")
        mark.click()
        assert page.locator(f"#{claim_id}").is_visible()
        assert "active" in (page.locator(f"#{claim_id}").get_attribute("class") or "")
        page.goto((site / INDEX).as_uri())
        page.screenshot(path=str(ARTIFACTS / "report-index.png"), full_page=True)
        assert errors == []

        # JavaScript off: the text and the highlights are all there, the filters hidden.
        quiet = browser.new_page(java_script_enabled=False)
        quiet.goto((site / "unicode.html").as_uri())
        assert "Beijing 🇨🇳 hopes" in quiet.inner_text("body")
        shown = {m.get_attribute("data-span") for m in quiet.locator("mark[data-span]").all()}
        assert shown == set(expected_quotes(by_id["unicode"]))
        assert not quiet.locator("form.filters").is_visible()
        browser.close()
    assert (ARTIFACTS / "report-document.png").stat().st_size > 10_000


def test_the_export_carries_the_report_and_its_card_links_it(tmp_path: Path) -> None:
    from claimset.export import export
    from formats_samples import DATA

    root = tmp_path / "proj"
    shutil.copytree(DATA / "blind" / "egypt_ethiopia", root)
    project = Project(root)
    export(project, root / "out")
    assert "report/index.html" not in (root / "out" / "README.md").read_text(encoding="utf-8")
    assert not (root / "out" / "report").exists()

    render(project)
    result = export(project, root / "out")
    card = (root / "out" / "README.md").read_text(encoding="utf-8")
    assert "- **Report:** [report/index.html](report/index.html)" in card
    assert "report/index.html" in result.files and "report/egypt_ethiopia.html" in result.files
    built = root / "dist" / "report" / "egypt_ethiopia.html"
    assert (root / "out" / "report" / "egypt_ethiopia.html").read_bytes() == built.read_bytes()
