"""The pathway explorer: its paths are `careers path`'s, it works with the keyboard alone, in English and French, offline."""

from __future__ import annotations

import itertools
import json
import random
import sys

import pytest
from browser_helpers import ARTIFACTS, ROOT, Visit, severe_violations
from click.testing import CliRunner
from test_pathsearch import library_answer

from graph.cli import main
from graph.derive import derive
from graph.load import load
from graph.mobility.analysis import analyse
from graph.mobility.reach import profile_of, reach, resolve_skill
from graph.mobility.search import best_paths
from graph.observe.published import Flow, Published
from graph.viz.explorer import explorer_page

pytestmark = pytest.mark.browser

# (from, to, options of the page) -> the same question to `careers path`
QUESTIONS = [
    ("entry-student", "level-ex-01", {}),
    ("entry-student", "position-it-05-director-it-security", {}),
    ("entry-apprentice", "position-it-04-manager-it-security", {"k": 5}),
    ("entry-recent-graduate", "position-it-03-team-lead-it-database-management", {"statedOnly": True}),  # none: entries are rule-based
    ("position-it-02-analyst-it-database-management", "position-it-05-director-it-database-management", {"statedOnly": True}),
    ("entry-mid-career-professional", "level-ex-02", {}),
    ("entry-private-sector-executive", "level-ex-05", {}),
    ("position-it-02-analyst-it-security", "position-it-05-director-it-security", {"k": 1}),
    ("position-it-02-analyst-it-database-management", "position-it-05-director-it-security", {}),
    ("position-it-02-analyst-it-database-management", "position-it-05-director-it-security", {"path": "management"}),
    (
        "position-it-02-analyst-it-database-management",
        "position-it-05-director-it-security",
        {"avoidStream": "stream-it-planning-and-reporting"},
    ),
    ("position-it-02-analyst-it-database-management", "position-it-05-director-it-security", {"avoidStream": "stream-it-security"}),  # none
    ("position-it-02-analyst-it-database-management", "position-it-02-analyst-it-security", {}),
    ("position-it-03-team-lead-it-security", "level-ex-01", {"path": "management"}),
    ("position-it-03-team-lead-it-security", "level-ex-01", {"statedOnly": True}),
    ("position-it-01-data-systems-operations", "position-it-05-director-it-security", {}),
    ("position-it-01-data-science-and-analytics", "level-ex-03", {"k": 4}),
    ("position-it-04-manager-it-security", "position-it-04-manager-it-database-management", {}),
    ("entry-student", "position-it-03-technical-advisor-it-security", {"path": "individual"}),
    ("entry-student", "position-it-03-team-lead-it-security", {"path": "individual"}),  # none: a management position
    ("entry-student", "position-it-03-team-lead-it-security", {"avoidStream": "stream-it-database-management"}),
    ("level-ex-01", "level-ex-04", {}),
    ("entry-apprentice", "level-ex-01", {"statedOnly": True, "k": 2}),
    ("position-it-02-analyst-it-security", "position-it-02-analyst-it-database-management", {"k": 5}),
    ("entry-student", "position-it-05-director-it-database-management", {"path": "management", "k": 2}),
    ("entry-apprentice", "position-it-02-analyst-it-software-solutions", {}),
    ("position-it-03-technical-advisor-it-security", "position-it-05-director-it-security", {"k": 2}),
]


@pytest.fixture(scope="module")
def model(g):
    return analyse(g)


def _cli_paths(built_nt: str, source: str, target: str, options: dict) -> list[list[tuple]]:
    args = ["path", source, target, "--format", "json", "--data", built_nt, "-k", str(options.get("k", 3))]
    args += ["--path", options["path"]] if options.get("path") else []
    args += ["--avoid", options["avoidStream"]] if options.get("avoidStream") else []
    args += ["--stated-only"] if options.get("statedOnly") else []
    result = CliRunner().invoke(main, args)
    if result.exit_code != 0:
        assert result.exit_code == 2 and result.output.startswith("error: "), result.output
        return []
    rows = json.loads(result.output)
    return [[(r["kind"], r["to"], r["cost"]) for r in steps] for _, steps in itertools.groupby(rows, key=lambda r: r["path"])]


def test_the_explorer_answers_as_careers_path(browser, built_dir, built_nt, model):
    _, mobility = model
    visit = Visit(browser, built_dir / "html" / "explorer.html")
    try:
        answered = 0
        for source, target, options in QUESTIONS:
            page = visit.page.evaluate("([a, b, o]) => window.careersExplorer.bestPaths(a, b, o)", [source, target, options])
            shown = [[(k, mobility.label(n), c) for k, n, c in zip(p["kinds"], p["nodes"][1:], p["costs"], strict=True)] for p in page]
            assert shown == _cli_paths(built_nt, source, target, options), (source, target, options)
            answered += bool(shown)
        assert answered == 22 and visit.errors == []
    finally:
        visit.close()


def _same_as_the_library(browser, page_file, facts, mobility, *, seed: int, count: int) -> int:
    """Ask ``count`` seeded random questions of the page and of `best_paths`; assert equal answers; return how many had paths."""
    states = sorted(mobility.nodes)
    rng = random.Random(seed)
    stream = sorted(facts.streams)[len(facts.streams) // 2]
    choices = [{}, {"path": "management"}, {"path": "individual"}, {"statedOnly": True}, {"avoidStream": stream}, {"k": 5}]
    questions = [(*rng.sample(states, 2), rng.choice(choices)) for _ in range(count)]
    visit = Visit(browser, page_file)
    try:
        answers = visit.page.evaluate("qs => qs.map(([a, b, o]) => window.careersExplorer.bestPaths(a, b, o))", questions)
        assert visit.errors == []
    finally:
        visit.close()
    found = 0
    keys = ("nodes", "kinds", "costs", "cost")
    for (source, target, options), answer in zip(questions, answers, strict=True):
        expected = [{key: p[key] for key in keys} for p in library_answer(facts, mobility, source, target, options)]
        assert answer == expected, (source, target, options)
        found += bool(expected)
    return found


def test_the_explorer_equals_the_library_on_many_random_questions(browser, built_dir, model):
    facts, mobility = model
    found = _same_as_the_library(browser, built_dir / "html" / "explorer.html", facts, mobility, seed=12, count=240)
    assert found >= 80  # random pairs often point down a ladder (no path); these many have answers


def test_the_explorer_equals_the_library_on_larger_foreign_data(browser, tmp_path):
    """40 synthetic streams in another namespace (about 230 positions): the compact buckets expand to the same search."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_scale import synthetic

    extra = tmp_path / "synthetic.ttl"
    extra.write_text(synthetic(40), encoding="utf-8")
    facts, mobility = analyse(derive(load([extra]).g))
    assert sum(1 for d in facts.positions.values() if d.stream.startswith("https://example.org/")) > 150
    page_file = tmp_path / "explorer.html"
    page_file.write_text(explorer_page(facts, mobility, "en", {}), encoding="utf-8")
    assert _same_as_the_library(browser, page_file, facts, mobility, seed=5, count=150) >= 40


def _choose(page, text: str) -> None:
    """Type into the focused combobox, then pick the first suggestion with the arrow key and Enter."""
    page.keyboard.type(text)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def test_the_explorer_works_with_the_keyboard_alone(browser, axe, built_dir, model):
    _, mobility = model
    visit = Visit(browser, built_dir / "html" / "explorer.html")
    try:
        page = visit.page
        for _ in range(3):  # the two header links, then the first field
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "from"
        _choose(page, "it-02 database")
        assert page.input_value("#from") == "IT-02 Analyst, IT Database Management"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "to"
        _choose(page, "director it security")
        page.keyboard.press("Enter")  # submits the question
        assert page.inner_text("#status") == "3 path(s) found."
        best = best_paths(mobility, "position-it-02-analyst-it-database-management", "position-it-05-director-it-security")[0]
        first = page.inner_text(".path .route")
        assert first == " → ".join(mobility.label(n) for n in best.nodes)
        steps = page.locator(".path").first.locator("ol > li")
        assert steps.count() == len(best.steps)
        assert "Allowed by: Promotion (appointment to a higher level)\n" in steps.last.inner_text()
        assert "gcd:" not in page.inner_text("#results")  # names, not ids
        assert "Pay: IT-05 $133,582–$174,076" in steps.last.inner_text()
        page.set_viewport_size({"width": 1280, "height": 800})
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "explorer.jpg"), quality=70)  # the README's, kept small
        assert visit.errors == [] and visit.outside == []
        page.focus("#from")
        page.keyboard.press("ArrowDown")  # with its answers and its suggestions open
        assert page.locator("#from-list [role=option]").count() >= 1
        assert severe_violations(axe, page) == []
    finally:
        visit.close()


def test_the_explorer_in_french(browser, built_dir):
    visit = Visit(browser, built_dir / "html" / "explorer.fr.html")
    try:
        page = visit.page
        page.focus("#from")
        _choose(page, "EX-01")
        page.focus("#to")
        _choose(page, "EX-03")
        page.keyboard.press("Enter")
        assert page.inner_text("#status") == "1 cheminement(s) trouvé(s)."  # EX-01, EX-02, EX-03: one ladder
        assert page.inner_text(".path h3").startswith("Cheminement 1 : 2 déplacements")
        assert "Permis par" in page.inner_text(".path ol")
        page.focus("#from")
        page.fill("#from", "")
        _choose(page, "it-02 analyste securite")
        page.focus("#to")
        page.fill("#to", "")
        _choose(page, "it-03 chef securite")
        page.keyboard.press("Enter")  # a move the page states, with its words
        quotes = page.locator(".path ol span[lang=en]")  # the page's words are English, marked so on the French page
        assert quotes.count() >= 1 and quotes.first.inner_text().startswith("“")
        page.focus("#from")
        page.fill("#from", "rien de tel nulle part")
        page.keyboard.press("Enter")
        assert page.inner_text("#status") == "Choisissez un départ et une arrivée parmi les suggestions."
    finally:
        visit.close()


def test_the_explorer_shows_published_observed_counts_only(browser, tmp_path, model):
    facts, mobility = model
    observed = Published(  # the flow from IT-03 to IT-04 is withheld: not published at all
        {"synthetic": True},
        10,
        flows=[Flow("promotion", "position-it-02-analyst-it-security", "position-it-03-team-lead-it-security", 34, "")],
    )
    page_file = tmp_path / "explorer.html"
    page_file.write_text(explorer_page(facts, mobility, "en", {}, observed), encoding="utf-8")
    visit = Visit(browser, page_file)
    try:
        page = visit.page
        page.fill("#from", "IT-02 Analyst, IT Security")
        page.fill("#to", "IT-04 Manager, IT Security")
        page.click("button[type=submit]")
        steps = page.locator(".path").first.locator("ol > li")
        assert "Observed: promotion 34 (synthetic data)" in steps.nth(0).inner_text()
        assert "Observed: no published count for this move (none, fewer than 10, or withheld) (synthetic data)" in steps.nth(1).inner_text()
    finally:
        visit.close()


SECURITY_ANALYST = ["Sécurité de la TI", "Gestion des risques", "Élaboration de politiques", "Pensée analytique"]
"""The README's security analyst, named in French: each skill at the intermediate level, at IT-02."""


def test_start_from_my_skills_in_french_with_the_keyboard(browser, axe, built_dir, model):
    facts, mobility = model
    visit = Visit(browser, built_dir / "html" / "explorer.fr.html")
    try:
        page = visit.page
        assert page.inner_text("#my-skills") == "Aucune compétence pour l'instant : ajoutez-en une ci-dessus."
        page.focus("#skill")
        page.keyboard.type("sécu ti")  # suggestions in either language, accents ignored
        assert "Sécurité de la TI" in page.inner_text("#skill-list")
        page.fill("#skill", "")
        for name in SECURITY_ANALYST:
            page.keyboard.type(name)
            page.keyboard.press("Enter")  # adds the skill at the level chosen (intermédiaire)
        assert page.inner_text("#my-skills").count("(intermédiaire)") == 4
        page.select_option("#my-level", "level-it-02")
        page.focus("#reach-form button[type=submit]")
        page.keyboard.press("Enter")
        person = {resolve_skill(facts, name): 2 for name in SECURITY_ANALYST}
        expected = reach(facts, mobility, person, level="level-it-02")
        assert page.inner_text("#reach-status") == f"{len(expected)} poste(s) à un déplacement ; les 10 moins coûteux :"
        labels = page.evaluate(
            "(() => { const d = JSON.parse(document.getElementById('explorer-data').textContent); "
            "return Object.fromEntries(d.ids.map((id, i) => [id, d.nodes[i][0]])); })()"
        )
        first = page.locator("#reach-results ol > li").first.inner_text()
        assert first.startswith(f"{labels[expected[0].position]} (nomination (processus annoncé)\u00a0; coût 1,90)")
        assert (
            "Rémunération\u00a0: IT-02 85\u202f854\u00a0$ – 105\u202f080\u00a0$ (Talents numériques du GC ; sans date dans la source)"
            in first
        )
        assert "Sécurité de la TI" not in first and "À acquérir ou approfondir\u00a0: " in first
        assert page.locator("#reach-results ol > li").count() == 10
        assert page.inner_text(".opening").startswith("La compétence qui ouvre le plus de portes")
        # the profile is in the address (a fragment: never sent), and the link to the English page keeps it
        fragment = page.evaluate("location.hash")
        assert fragment.startswith("#skills=") and fragment.endswith("&level=level-it-02")
        assert page.get_attribute("header a[lang=en]", "href").endswith(fragment)
        page.reload()
        page.wait_for_function("window.careers && window.careers.ready")
        assert page.locator("#reach-results ol > li").first.inner_text() == first
        # the page's ranking is the library's, for this profile and others
        for who, level in [(person, "level-it-02"), (person, None), (profile_of(facts, mobility, "IT-03-06-IC-016"), "level-it-03")]:
            shown = page.evaluate("([p, l]) => window.careersExplorer.reach(p, l)", [who, level])
            assert shown == [{"position": r.position, "kind": r.kind, "cost": r.cost} for r in reach(facts, mobility, who, level=level)]
        page.locator("#my-skills button").first.focus()
        page.keyboard.press("Enter")  # removes the first skill
        assert page.inner_text("#my-skills").count("(intermédiaire)") == 3
        assert severe_violations(axe, page) == []
        assert visit.errors == [] and visit.outside == []
    finally:
        visit.close()


@pytest.mark.parametrize(
    "typed, first",
    [
        ("data scientist", "Data Science and Analytics"),  # NOC 21211 and ESCO "data scientist", crosswalked to the stream
        ("developer", "Software Solutions"),  # the job templates' titles ("Application Developer") and NOC 21232
        ("cyber security", "IT Security"),  # NOC 21220 "Cybersecurity specialists"
        ("help desk", "Infrastructure Operations"),  # the stream's duty "providing IT help desk support to clients"
        ("CS-02", "IT-02"),  # the old CS levels read as the IT levels that replaced them
    ],
)
def test_the_explorer_finds_the_words_people_type(browser, built_dir, typed, first):
    visit = Visit(browser, built_dir / "html" / "explorer.html")
    try:
        page = visit.page
        page.focus("#from")
        page.keyboard.type(typed)
        options = page.locator("#from-list [role=option]")
        assert options.count() >= 1
        assert first in options.first.inner_text(), options.all_inner_texts()
    finally:
        visit.close()


def test_answers_explain_cost_summarise_each_path_and_say_why_there_is_none(browser, built_dir, model):
    facts, _ = model
    visit = Visit(browser, built_dir / "html" / "explorer.html")
    try:
        page = visit.page
        page.focus("#from")
        _choose(page, "it-02 analyst it security")
        page.focus("#to")
        _choose(page, "it-03 team lead it security")
        page.select_option("#k", "1")
        page.keyboard.press("Enter")
        assert page.inner_text(".path h3").startswith("Path 1: 1 move, cost 1.00")
        assert page.inner_text(".cost-means").startswith("Cost: how hard a path is, move by move.")
        summary = page.inner_text(".path .summary")
        assert summary.startswith("Pay $85,854–$105,080 at the start, $101,343–$125,914 at the end; 1 promotion(s);"), summary
        assert page.locator(".path ol > li").last.inner_text().count("Pay:") == 1
        page.focus("#from")
        page.fill("#from", "")
        _choose(page, "it-04 manager it security")
        page.focus("#to")
        page.fill("#to", "")
        _choose(page, "it-02 analyst it security")
        page.keyboard.press("Enter")
        assert page.inner_text("#status").startswith("No path: the destination is at a lower level than the start")
    finally:
        visit.close()


def test_the_french_pages_explain_every_move_in_french(model):
    """Every explanation of a move the French explorer carries is French: none is one of the English page's."""
    from graph.viz.explorer import explorer_data

    facts, mobility = model
    evidence = {}
    for lang in ("en", "fr"):
        data = explorer_data(facts, mobility, lang, {})
        implicit = data["lanes"]["evidence"].values()  # the lanes the page makes say why by the kind of move
        evidence[lang] = {data["texts"][i] for i in [*(d[3] for d in data["details"]), *implicit] if data["texts"][i]}
    assert len(evidence["fr"]) == len(evidence["en"]) > 10
    assert not evidence["fr"] & evidence["en"]
    assert "Un autre poste du même groupe et du même niveau." in evidence["fr"]
    assert any("Une rétrogradation aux fins de la rémunération" in e for e in evidence["fr"])  # IT-05 to EX-01
