"""The report's stylesheet and script, inlined into every page (no file to fetch, no network).

The script only adds behaviour: filters, and a click that picks out one claim's spans. With
JavaScript off the text, the highlights, the hover titles and the claim details all still show.
"""

from __future__ import annotations

from .charts import PALETTE

#: Light tints of the palette for span backgrounds: dark text on them keeps a contrast above
#: 7:1 (WCAG AAA), and each role also differs by its border, never by colour alone.
TINTS = ("#cce3f0", "#fbe5b8", "#c4eadd", "#f2d7e7", "#d8eef9", "#f7d3bd", "#faf6c4", "#dddddd")

CSS = (
    """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; }
* { box-sizing: border-box; }
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 62rem; padding: 1rem 1.25rem 4rem; background: #fff; }
a { color: #0057a0; }
h1 { font-size: 1.5rem; margin: .5rem 0 .25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; padding: .25rem .6rem; border-bottom: 1px solid #ddd;
         vertical-align: middle; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure.chart { margin: .5rem 0; }
figure.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
svg text { font: 12px system-ui, sans-serif; fill: #1a1a1a; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; font-size: .9rem; padding: 0;
          list-style: none; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
               background: #f5f5f5; padding: .6rem .8rem; border-radius: 6px; }
form.filters[hidden] { display: none; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; }
form.filters select { font: inherit; padding: .15rem; }
article.sentence { border-top: 1px solid #e5e5e5; padding: .6rem 0; }
article.sentence[hidden] { display: none; }
.sentence .head { font-size: .8rem; color: var(--muted); display: flex; gap: .75rem; }
.badge { border-radius: 3px; padding: 0 .35rem; font-weight: 600; color: #1a1a1a; }
.badge.todo { background: #e5e5e5; } .badge.draft { background: #faf6c4; }
.badge.done { background: #d8eef9; } .badge.reviewed { background: #c4eadd; }
p.text { margin: .25rem 0; }
mark { background: transparent; color: inherit; padding: 0; border-radius: 2px;
       cursor: pointer; }
mark.exp { background: var(--tint); border-bottom: 3px solid var(--c); }
mark.actor { outline: 2px solid var(--c); outline-offset: -1px; font-weight: 600; }
mark.evidence { border-bottom: 2px dashed var(--c); background: #f7f7f7; }
mark.hedge, mark.booster { outline: 2px dotted var(--c); font-style: italic; }
mark.booster { text-decoration: underline wavy var(--c); }
mark.dim { opacity: .35; }
mark.active { box-shadow: 0 0 0 3px #000; }
details.claims { margin: .25rem 0 0 .5rem; font-size: .92rem; }
details.claims summary { cursor: pointer; color: var(--muted); }
li.claim { margin: .25rem 0; }
li.claim[hidden] { display: none; }
li.claim.active { background: #fff7d6; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px;
          vertical-align: -.1em; background: var(--tint); border: 2px solid var(--c); }
.bar-cell svg { vertical-align: middle; }
:focus-visible { outline: 3px solid #0057a0; outline-offset: 2px; }
"""
    + "\n".join(
        f".k{i} {{ --c: {colour}; --tint: {tint}; }}"
        for i, (colour, tint) in enumerate(zip(PALETTE, TINTS, strict=True))
    )
    + "\n"
)

JS = """
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (form) {
    form.hidden = false;
    form.addEventListener("change", applyFilters);
  }
  function value(name) {
    var field = form.elements.namedItem(name);
    return field ? field.value : "";
  }
  function applyFilters() {
    var want = { actor: value("actor"), type: value("type"), certainty: value("certainty") };
    var status = value("status");
    var claimFilter = want.actor || want.type || want.certainty;
    document.querySelectorAll("article.sentence").forEach(function (sentence) {
      var any = false;
      sentence.querySelectorAll("li.claim").forEach(function (claim) {
        var ok = Object.keys(want).every(function (key) {
          return !want[key] || claim.dataset[key] === want[key];
        });
        claim.hidden = !ok;
        any = any || ok;
      });
      var show = (!status || sentence.dataset.status === status) && (!claimFilter || any);
      sentence.hidden = !show;
    });
    document.querySelectorAll("mark[data-claim]").forEach(function (mark) {
      var claim = document.getElementById(mark.dataset.claim);
      mark.classList.toggle("dim", !!claim && claim.hidden);
    });
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("mark[data-claim]") : null;
    if (!mark) { return; }
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var id = mark.dataset.claim;
    document.querySelectorAll('mark[data-claim="' + id + '"]').forEach(function (el) {
      el.classList.add("active");
    });
    var claim = document.getElementById(id);
    if (claim) {
      claim.classList.add("active");
      var details = claim.closest("details");
      if (details) { details.open = true; }
    }
  });
})();
"""
