"""Every French page, read as a French-speaking user would: no English word outside the sources' marked words.

A page's text is read in a browser, as shown: the page itself (headings, filters, legend, text version, labels of
fields) and the details of every node and every link it can show. Text inside an element marked ``lang="en"`` (the
sources' English words, names that exist only in English) or ``<code>`` (commands, identifiers) may be English;
`french_helpers.english_words` finds the English words of the rest (issue 20).
"""

from __future__ import annotations

import pytest
from browser_helpers import Visit, assert_fits_a_phone
from french_helpers import english_words

from graph.build import build

SCAN = """(() => {
  const seen = new Set();
  function collect(root) {
    if (!root) { return; }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest("script, style, code")) { continue; }
      const marked = element.closest("[lang]");
      if (marked && marked.lang !== "fr") { continue; }
      const text = node.textContent.trim();
      if (text) { seen.add(text); }
    }
    for (const element of root.querySelectorAll("[placeholder], [aria-label], [title]")) {
      for (const name of ["placeholder", "aria-label", "title"]) {
        const value = element.getAttribute(name);
        const marked = element.closest("[lang]");
        if (value && !(marked && marked.lang !== "fr")) { seen.add(value); }
      }
    }
  }
  collect(document.body);
  const careers = window.careers;
  if (careers && careers.show) {
    const details = document.getElementById("details");
    for (const id of careers.nodes.getIds()) { careers.show.node(id); collect(details); }
    for (const id of careers.edges.getIds()) { careers.show.edge(id); collect(details); }
  }
  return Array.from(seen).sort();
})()"""
"""Every text a French page shows that is not marked as another language's: the page, then each node's and link's details."""

PAGES = ["index", "explorer", "career-map", "stream-mobility", "knowledge-graph", "ontology", "observed-flows", "projection"]


@pytest.fixture(scope="module")
def html(tmp_path_factory, built_nt):
    """A build with a SYNTHETIC population's observed actions: the pages, reports and projection they add are read too."""
    from click.testing import CliRunner

    from graph.cli import main

    folder, out = tmp_path_factory.mktemp("observed"), tmp_path_factory.mktemp("out")
    runner = CliRunner(env={"CAREERS_PERSON_KEY": "ab" * 32})
    for args in (["synth", "--people", "2000", "--years", "5", "-o", str(folder / "moves.csv")],
                 ["observe", str(folder / "moves.csv"), "--db", str(folder / "observed.duckdb")]):  # fmt: skip
        done = runner.invoke(main, [*args, "--data", built_nt])
        assert done.exit_code == 0, done.output
    build([], out_dir=out, observed=folder / "observed.duckdb")
    return out / "html"


def english_texts(texts: list[str]) -> dict[str, list[str]]:
    """The texts with English words in them, with those words."""
    return {text: found for text in texts if (found := english_words(text))}


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_a_french_page_shows_no_english_word_outside_marked_words(browser, html, name):
    visit = Visit(browser, html / f"{name}.fr.html", viewport=(1280, 800), scripted=name not in ("index", "projection"))
    try:
        texts = visit.page.evaluate(SCAN)
        assert len(texts) > 10
        assert english_texts(texts) == {}
        assert visit.errors == []
    finally:
        visit.close()


@pytest.mark.browser
def test_the_scan_finds_the_english_words_of_an_english_page(browser, html):
    """The control: the same scan of the English career map finds English words (the scan reads what is shown)."""
    visit = Visit(browser, html / "career-map.html", viewport=(1280, 800))
    try:
        found = {word for words in english_texts(visit.page.evaluate(SCAN.replace('"fr"', '"en"'))).values() for word in words}
        assert {"promotion", "deployment", "skills"} & found and len(found) > 50
    finally:
        visit.close()


QUESTIONS = [
    ("étudiant", "EX-01"),  # an entry, promotions, an executive appointment and its pay demotion
    ("it-02 analyste securite", "it-05 directeur securite"),  # a stated ladder, with the page's words
    ("it-02 analyste bases", "it-03 conseiller technique securite"),  # across streams: appointments and deployments
    ("it-04 gestionnaire securite", "it-02 analyste securite"),  # downward: no path, and why
    ("cadre secteur", "EX-03"),  # an entry to the executive ranks
]
"""Questions a French-speaking user asks the explorer: each answer is read as shown."""

READ = (
    SCAN.split("  collect(document.body);")[0]
    + "  for (const id of ['status', 'results', 'reach-status', 'reach-results']) { collect(document.getElementById(id)); }\n  return Array.from(seen).sort();\n})()"
)
"""The explorer's answers (its status and results), as `SCAN` reads them."""


@pytest.mark.browser
def test_the_french_explorer_answers_with_no_english_word(browser, html):
    visit = Visit(browser, html / "explorer.fr.html", viewport=(1280, 800))
    try:
        page, texts = visit.page, set()
        for source, target in QUESTIONS:
            for field, typed in (("#from", source), ("#to", target)):
                page.fill(field, "")
                page.focus(field)
                page.keyboard.type(typed)
                page.keyboard.press("ArrowDown")
                page.keyboard.press("Enter")
            page.click("#question button[type=submit]")
            answer = page.evaluate(READ)
            assert any(len(t) > 40 for t in answer), (source, target)  # an answer, not only a status
            texts |= set(answer)
        for skill in ("Sécurité de la TI", "Gestion des risques"):
            page.fill("#skill", skill)
            page.press("#skill", "Enter")
        page.select_option("#my-level", "level-it-02")
        page.click("#reach-form button[type=submit]")
        texts |= set(page.evaluate(READ))
        assert english_texts(sorted(texts)) == {}
        assert visit.errors == []
    finally:
        visit.close()


SETTINGS = {"paramètre", "valeur"}
"""The assumptions' settings and their values (``entry_level``, ``lowest``): identifiers, as `careers` settings name them."""


def test_every_french_report_has_no_english_word(html):
    """Issue 20: `outputs/reports/*.fr.*`: the report in French (`mobility.fr.md`, code spans aside) and every table, CSV with
    French columns and JSON with French values (its keys stay English, for scripts)."""
    import csv
    import json
    import re

    reports = html.parent / "reports"
    found = {}
    for path in sorted(p for p in reports.glob("*.fr.*") if p.suffix != ".png"):
        content = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            texts = re.sub(r"`[^`]*`", " ", content).splitlines()
        elif path.suffix == ".csv":
            rows = list(csv.DictReader(content.splitlines()))
            texts = [*rows[0], *(v for row in rows for k, v in row.items() if k not in SETTINGS)] if rows else []
        else:
            rows = json.loads(content)
            texts = [json.dumps(v, ensure_ascii=False) for row in rows for k, v in row.items() if k not in ("parameter", "value")]
        found.update({f"{path.name}: {t[:80]}": w for t in texts if (w := english_words(t))})
    assert {"mobility.fr.md", "observed.fr.md", "projection.fr.md", "observed-flows.fr.csv", "projection.fr.csv"} <= {
        p.name for p in reports.glob("*.fr.*")
    }
    charts = {"ladders.fr.png", "similarity-heatmap.fr.png", "observed-flows.fr.png", "projection.fr.png"}  # drawn in French
    assert charts <= {p.name for p in reports.glob("*.fr.png")}
    assert all((reports / c).read_bytes() != (reports / c.replace(".fr", "")).read_bytes() for c in charts)
    assert found == {}
    english = (reports / "mobility.md").read_text(encoding="utf-8")  # the control: the English report is English
    assert {"level", "skills", "the"} <= set(english_words(english))


def _strings(value, field: str = ""):
    """Every string of a page's data with the field it is in (the sources' quotes aside: they are English, and marked)."""
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, field)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("quotes", "rule_quotes"):
                yield from _strings(item, key)


def test_the_french_pages_carry_no_english_skill_or_stream_name_in_their_data(html, g):
    """Issue 20: a skill or stream whose French name differs is never named in English in a French page's data (the
    French explorer finds skills by their French names only; the English one also by their French names)."""
    import json
    import re

    from graph.mobility.analysis import analyse

    facts, _ = analyse(g)
    english = {s.label for s in facts.skills.values() if s.fr != s.label} | {s.label for s in facts.streams.values() if s.fr != s.label}
    assert len(english) > 300
    for page in sorted(html.glob("*.fr.html")):
        text = page.read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', text, re.S)
        named = {value for block in blocks for _, value in _strings(json.loads(block)) if value in english}
        assert named == set(), page.name
    explorer = (html / "explorer.html").read_text(encoding="utf-8")
    assert "Sécurité de la TI" in explorer  # the control: the English explorer carries the French names, to find skills by


@pytest.mark.browser
def test_a_french_path_page_shows_no_english_word(browser, built_nt, tmp_path):
    """`careers path --html FILE --lang fr`: the map with the path, its own introduction and steps, all in French."""
    from click.testing import CliRunner

    from graph.cli import main

    page = tmp_path / "chemin.html"
    done = CliRunner().invoke(main, ["path", "étudiant", "EX-01", "--html", str(page), "--lang", "fr", "--data", built_nt])
    assert done.exit_code == 0, done.output
    visit = Visit(browser, page, viewport=(1280, 800))
    try:
        texts = visit.page.evaluate(SCAN)
        assert any(t.startswith("entrée → ") for t in texts)  # the steps are listed
        assert english_texts(texts) == {} and visit.errors == []
    finally:
        visit.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", [f"{page}{lang}" for page in ("observed-flows", "projection") for lang in ("", ".fr")])
def test_the_observed_data_pages_work_on_a_phone(browser, html, name):
    """The pages observed data adds, at 390 x 844 in both languages (issue 20): ready without a script error, nothing
    wider than the screen (the other pages: `test_html.py`)."""
    visit = Visit(browser, html / f"{name}.html", viewport=(390, 844), scripted=not name.startswith("projection"))
    try:
        assert_fits_a_phone(visit)
    finally:
        visit.close()
