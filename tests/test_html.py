"""The HTML pages: self-contained (no http(s) resource), escaped, and working in a real Chromium, offline.

Browser tests drive Debian's Chromium (/usr/bin/chromium, installed by `make test`) with Playwright, open
each page from file:// with every other request blocked and recorded, and write screenshots to
test-artifacts/.
"""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import pytest
from browser_helpers import ARTIFACTS, Visit, assert_fits_a_phone, severe_violations

from graph.build import build

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["index", "explorer", "career-map", "stream-mobility", "knowledge-graph", "ontology"]
EVIL = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
RESOURCE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)|(?:url\(\s*["']?\s*(?:https?:)?//)|@import""", re.IGNORECASE
)


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    """A build with an extra organisation whose label tries to inject markup."""
    extra = tmp_path_factory.mktemp("extra") / "evil.ttl"
    label = EVIL.replace('"', '\\"')
    extra.write_text(
        "@prefix gcdc: <https://w3id.org/gc-digital-careers/ontology#> .\n@prefix gcd: <https://w3id.org/gc-digital-careers/id/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix prov: <http://www.w3.org/ns/prov#> .\n"
        f'gcd:org-evil a gcdc:Organisation ; rdfs:label "{label}"@en ; gcdc:quote "Government of Canada" ; prov:wasDerivedFrom gcd:careers-in-digital .\n',
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("out")
    build([extra], out_dir=out)
    return out / "html"


def _files(html: Path) -> list[Path]:
    return sorted(html.glob("*.html"))


# ---------------------------------------------------------------- static checks


def test_every_page_in_english_and_french(html):
    names = {p.name for p in _files(html)}
    assert names == {f"{page}.html" for page in PAGES} | {f"{page}.fr.html" for page in PAGES}
    assert '<html lang="fr">' in (html / "career-map.fr.html").read_text(encoding="utf-8")
    french = {n["id"]: n for n in _payload(html / "career-map.fr.html")["nodes"]}
    assert french["position-it-03-team-lead-it-security"]["label"] == "chef d'équipe"  # its lane names the stream, its column the level
    # the stream's French name is GC Digital Talent's
    assert french["position-it-03-team-lead-it-security"]["searchText"] == "IT-03 chef d'équipe, Sécurité"


def test_no_page_references_the_network(html):
    for page in _files(html):
        text = page.read_text(encoding="utf-8")
        assert RESOURCE.findall(text) == [], page.name
        assert "Content-Security-Policy" in text and "default-src 'none'" in html_module.unescape(text), page.name


def test_the_static_check_would_catch_a_cdn():
    assert RESOURCE.findall('<script src="https://cdn.example/vis.js"></script>')
    assert RESOURCE.findall('<link href="//cdn.example/b.css">')
    assert RESOURCE.findall("body { background: url('http://x/y.png') }")


def test_data_is_never_injected_unescaped(html):
    for page in _files(html):
        text = page.read_text(encoding="utf-8")
        assert "<script>window.pwned" not in text and 'onerror="window.pwned' not in text, page.name
    assert "window.pwned" in (html / "knowledge-graph.html").read_text(encoding="utf-8")  # it is there, escaped


def _payload(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.DOTALL)
    return json.loads(match.group(1))


def test_career_map_holds_the_mobility_model(html, model):
    from graph.viz.career_map import map_moves

    data = _payload(html / "career-map.html")
    assert len(data["edges"]) == len(map_moves(model))
    ids = {n["id"] for n in data["nodes"]}
    headings = {f"lane-{s}" for s in model.facts.streams} | {f"column-{c}" for c in ("entry", 1, 2, 3, 4, 5, "executive")}
    assert ids == set(model.nodes) | headings  # plus a heading for each stream's lane and each column
    positions = [n for n in data["nodes"] if n["id"].startswith("position-")]
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in positions)
    assert data["options"]["physics"]["enabled"] is False
    hollow = {n["id"] for n in positions if n["color"]["background"] == "#ffffff"}
    assert hollow == {p for p, d in model.nodes.items() if d.kind == "position" and not d.level_stated}
    assert not any(e["from"] == "entry-mid-career-professional" for e in data["edges"])


def test_each_move_on_the_map_names_its_rule_gap_and_basis(html):
    details = _payload(html / "career-map.html")["edgeDetails"]
    deployment = details["position-it-02-analyst-it-security|position-it-02-information-operations|deployment"]
    assert deployment["kind"] == "deployment (same level)" and deployment["basis"] == "rule" and deployment["rule"] == "Deployment"
    assert deployment["assumptions"] == [
        "Streams without stated levels have a position at each IT level",
        "A position whose level the page does not state is a stepping stone only when asked for, and costs more to move into",
    ]
    appointment = details["position-it-02-analyst-it-database-management|position-it-02-analyst-it-security|appointment"]
    assert appointment["rule"] == "Appointment through an advertised process (same level)" and appointment["assumptions"] == []
    assert deployment["rule_quotes"] and deployment["gap"]
    promotion = details["position-it-03-team-lead-it-security|position-it-04-manager-it-security|promotion"]
    assert promotion["basis"] == "stated" and promotion["quotes"] and promotion["assumptions"] == []
    french = _payload(html / "career-map.fr.html")["edgeDetails"]
    assert french["position-it-03-team-lead-it-security|position-it-04-manager-it-security|promotion"]["rule"].startswith(
        "Promotion (nomination"
    )


@pytest.fixture(scope="module")
def model(g):
    from graph.mobility.analysis import analyse

    return analyse(g)[1]


# ---------------------------------------------------------------- a real browser


@pytest.mark.browser
@pytest.mark.parametrize("name", [f"{p}{suffix}" for p in PAGES for suffix in ("", ".fr")])
def test_each_page_loads_offline_without_errors(browser, axe, html, name):
    """Offline, without error, with all its nodes, and without a serious or critical axe-core violation."""
    visit = Visit(browser, html / f"{name}.html")
    try:
        visit.shot(name)
        assert visit.errors == [] and visit.outside == [] and visit.dialogs == []
        assert severe_violations(axe, visit.page) == []
        if name.startswith("explorer"):
            states = json.loads(
                re.search(r'id="explorer-data">(.*?)</script>', (html / f"{name}.html").read_text(encoding="utf-8")).group(1)
            )
            rows = visit.page.eval_on_selector_all(".text-version tr", "rows => rows.length")
            assert rows == len(states["nodes"]) + 1 == 83  # a header, then every state: 72 positions, 5 entry routes, 5 EX levels
        elif not name.startswith("index"):
            counts = visit.page.evaluate("[window.careers.nodes.length, window.careers.edges.length]")
            data = _payload(html / f"{name}.html")
            assert counts == [len(data["nodes"]), len(data["edges"])] and counts[0] > 10
        else:
            links = visit.page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
            assert {f"{p}{'' if name == 'index' else '.fr'}.html" for p in PAGES[1:]} <= set(links)
    finally:
        visit.close()


@pytest.mark.browser
def test_the_accessibility_check_finds_faults(browser, axe, tmp_path):
    control = tmp_path / "faulty.html"
    control.write_text(
        "<!DOCTYPE html><html><head><title>faulty</title><script>window.careers = {ready: true}</script></head><body><main>"
        '<img src="data:,"><input><p style="color:#ddd;background:#fff">faint</p></main></body></html>',
        encoding="utf-8",
    )
    visit = Visit(browser, control)
    try:
        assert {rule for rule, _, _ in severe_violations(axe, visit.page)} == {"html-has-lang", "image-alt", "label", "color-contrast"}
    finally:
        visit.close()


@pytest.mark.browser
def test_searching_for_a_role_selects_it(browser, html):
    visit = Visit(browser, html / "career-map.html")
    try:
        visit.page.fill("#search-input", "it-03 team lead it security")
        visit.page.click("#search button[type=submit]")
        assert visit.page.evaluate("window.careers.network.getSelectedNodes()") == ["position-it-03-team-lead-it-security"]
        details = visit.page.inner_text("#details")
        assert "IT-03 Team Lead, IT Security" in details and "providing specialized IT security guidance" in details
        visit.shot("career-map-search")
        visit.page.fill("#search-input", "no such role anywhere")
        visit.page.click("#search button[type=submit]")
        assert "Nothing matches" in visit.page.inner_text("#search-status")
    finally:
        visit.close()


@pytest.mark.browser
def test_clicking_a_node_shows_its_details(browser, html):
    visit = Visit(browser, html / "career-map.html")
    try:
        node = "position-it-05-director-it-security"
        visit.page.evaluate(f"window.careers.network.focus('{node}', {{scale: 1.5, animation: false}})")
        point = visit.page.evaluate(
            f"(() => {{ const n = window.careers.network; const p = n.canvasToDOM(n.getPosition('{node}')); "
            "const r = document.getElementById('network').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()"
        )
        visit.page.mouse.click(*point)
        assert visit.page.evaluate("window.careers.network.getSelectedNodes()") == [node]
        details = visit.page.inner_text("#details")
        assert details.split("\n\n")[:2] == ["IT-05 Director, IT Security", "position · Information Technology"]
        assert "directing and planning IT services and/or operations" in details  # the role's defining sentence
        assert "The source says\nDirectors are primarily found in six work streams:" in details
        assert visit.page.locator("#details blockquote[lang]").count() == 0  # an English page: no need to mark them
        assert re.search(r"Pay\s+IT-05 \$133,582–\$174,076", details) and "Essential official skills" in details
        visit.shot("career-map-selected")
        visit.page.evaluate(
            "(() => { window.careers.network.body.emitter.emit('hoverEdge', "
            "{edge: 'position-it-04-manager-it-security|position-it-05-director-it-security|promotion'}); return true; })()"
        )
        details = visit.page.inner_text("#details")
        assert "promotion in one's own stream and path · stated by the source" in details
        assert re.search(r"Allowed by\s+Promotion \(appointment to a higher level\)", details) and "Skills to gain or deepen" in details
    finally:
        visit.close()


LABEL_BOXES = """() => {
  const network = window.careers.network, scale = network.getScale(), canvas = document.getElementById("network").getBoundingClientRect();
  const boxes = [];
  for (const id of window.careers.nodes.getIds()) {
    const node = network.body.nodes[id];
    if (node.options.hidden || !node.options.label) { continue; }
    const size = node.labelModule.size;
    const a = network.canvasToDOM({x: size.left, y: size.top}), b = network.canvasToDOM({x: size.left + size.width, y: size.top + size.height});
    boxes.push({id: id, px: node.options.font.size * scale, left: canvas.left + a.x, top: canvas.top + a.y, right: canvas.left + b.x, bottom: canvas.top + b.y});
  }
  return boxes;
}"""
SHOWN_EDGES = "kind => window.careers.edges.get({filter: e => !e.hidden && (kind === null || e.kind === kind)}).length"


@pytest.mark.browser
@pytest.mark.parametrize("name", ["career-map", "career-map.fr"])
def test_the_career_map_reads_at_first_sight(browser, html, model, name):
    from graph.viz.career_map import edge_style, map_moves

    """At 1280 x 800, as drawn: every label on screen at least 11 CSS pixels, no two overlapping, no move across lanes."""
    width, height = 1280, 800
    visit = Visit(browser, html / f"{name}.html", viewport=(width, height))
    try:
        boxes = visit.page.evaluate(LABEL_BOXES)
        seen = [b for b in boxes if b["right"] > 0 and b["left"] < width and b["bottom"] > 0 and b["top"] < height]
        assert len(seen) >= 60 and {"lane-stream-it-security", "column-3"} <= {b["id"] for b in seen}
        assert [b["id"] for b in seen if b["px"] < 11] == []
        overlaps = [
            (a["id"], b["id"])
            for i, a in enumerate(seen)
            for b in seen[i + 1 :]
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
        ]
        assert overlaps == []
        shown = visit.page.evaluate
        assert shown(SHOWN_EDGES, "deployment") == shown(SHOWN_EDGES, "promotion elsewhere") == shown(SHOWN_EDGES, "entry") == 0
        drawn = [edge_style(m) for m in map_moves(model)]
        assert shown(SHOWN_EDGES, "promotion") == drawn.count("promotion") and shown(SHOWN_EDGES, "executive appointment") == drawn.count(
            "executive appointment"
        )
        assert shown(SHOWN_EDGES, None) == drawn.count("promotion") + drawn.count("executive appointment") > 60
        ARTIFACTS.mkdir(exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / f"{name}.jpg"), quality=70)  # the README's, kept small
    finally:
        visit.close()


@pytest.mark.browser
def test_moves_across_lanes_show_on_selection_or_when_switched_on(browser, html, model):
    from graph.viz.career_map import edge_style, map_moves

    kinds = [(m["from"], m["to"], edge_style(m)) for m in map_moves(model)]
    position = "position-it-02-analyst-it-security"
    visit = Visit(browser, html / "career-map.html")
    try:
        page, shown = visit.page, lambda kind: visit.page.evaluate(SHOWN_EDGES, kind)
        page.fill("#search-input", "it-02 analyst it security")
        page.click("#search button[type=submit]")  # selects the position
        for kind in ("deployment", "promotion elsewhere"):
            assert shown(kind) == sum(1 for u, v, k in kinds if k == kind and position in (u, v)) > 0
        page.check("input[data-edge-filter][value=deployment]")
        assert shown("deployment") == sum(1 for *_, k in kinds if k == "deployment") > 30
        page.click("#reset")
        assert shown("deployment") == 0 and shown("promotion") == sum(1 for *_, k in kinds if k == "promotion")
    finally:
        visit.close()


@pytest.mark.browser
def test_filters_and_reset(browser, html):
    visit = Visit(browser, html / "knowledge-graph.html")
    try:
        hidden = "window.careers.nodes.get({filter: n => n.hidden}).length"
        visit.page.uncheck("input[data-filter][value=responsibility]")
        assert visit.page.evaluate(hidden) == 100
        visit.page.click("#reset")
        assert visit.page.evaluate(hidden) == 0
    finally:
        visit.close()


@pytest.mark.browser
def test_a_label_that_tries_to_inject_markup_stays_text(browser, html):
    visit = Visit(browser, html / "knowledge-graph.html")
    try:
        visit.page.evaluate("window.careers.network.selectNodes(['org-evil'])")
        visit.page.fill("#search-input", "window pwned")
        visit.page.click("#search button[type=submit]")
        assert visit.page.evaluate("window.careers.network.getSelectedNodes()") == ["org-evil"]
        assert visit.page.inner_text("#details h2") == EVIL
        assert visit.page.evaluate("typeof window.pwned") == "undefined"
        assert visit.page.locator("#details img").count() == 0 and visit.dialogs == []
        visit.shot("knowledge-graph-injection")
    finally:
        visit.close()


@pytest.fixture(scope="module")
def on_demand(html, tmp_path_factory):
    """`careers path --html` and `careers graph --focus` pages, from the same build."""
    from click.testing import CliRunner

    from graph.cli import main

    nt = str(html.parent / "knowledge-graph.nt")
    folder = tmp_path_factory.mktemp("pages")
    path_page, focus_page = folder / "path.html", folder / "focus.fr.html"
    result = CliRunner().invoke(main, ["path", "student", "it-05 director it security", "-k", "1", "--html", str(path_page), "--data", nt])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        main, ["graph", "--focus", "IT Security", "--radius", "2", "--lang", "fr", "--html", str(focus_page), "--data", nt]
    )
    assert result.exit_code == 0, result.output
    return path_page, focus_page


@pytest.mark.browser
def test_a_path_page_highlights_the_path(browser, on_demand):
    path_page, _ = on_demand
    text = path_page.read_text(encoding="utf-8")
    assert RESOURCE.findall(text) == [] and "<title>Student → IT-05 Director, IT Security</title>" in text
    edges = {e["id"]: e for e in _payload(path_page)["edges"]}
    assert edges["entry-student|position-it-01-technician-it-security|entry"]["width"] == 5
    assert edges["position-it-05-director-it-security|level-ex-01|executive appointment"]["color"] != "#e03131"  # not on this path
    assert edges["position-it-04-manager-it-security|position-it-05-director-it-security|promotion"]["color"] == "#e03131"
    visit = Visit(browser, path_page)
    try:
        assert visit.errors == [] and visit.outside == []
        visit.shot("path-page")
    finally:
        visit.close()


@pytest.mark.browser
def test_a_focus_page_shows_the_neighbourhood(browser, on_demand):
    _, focus_page = on_demand
    data = _payload(focus_page)
    ids = {n["id"] for n in data["nodes"]}
    assert "stream-it-security" in ids and "position-it-03-team-lead-it-security" in ids and "resp-sec-01" in ids
    assert "stream-data-science-and-analytics" not in ids
    visit = Visit(browser, focus_page)
    try:
        assert visit.errors == [] and visit.outside == []
        assert visit.page.evaluate("window.careers.nodes.length") == len(ids)
        visit.shot("focus-page")
    finally:
        visit.close()


# ---------------------------------------------------------------- large data: aggregates


@pytest.mark.browser
def test_a_large_career_map_shows_communities_and_levels(browser, html, model, tmp_path, monkeypatch):
    """Above the detail limit (lowered here to the shipped data's size) the map counts positions and moves per box."""
    from graph.store import store_for
    from graph.viz import career_map as module
    from graph.viz.data import labels
    from graph.viz.page import render

    monkeypatch.setattr(module, "DETAIL_LIMIT", 50)
    page = tmp_path / "career-map.html"
    names = labels(store_for(html.parent / "knowledge-graph.nt"), "en")
    page.write_text(render(module.career_map(model.facts, model, "en", names)), encoding="utf-8")
    data = _payload(page)
    cells = {n["id"]: n for n in data["nodes"] if n["id"].startswith("cell-")}
    assert sum(int(n["label"].split()[0]) for n in cells.values()) == 72 and len(cells) == 15  # 3 communities, 5 levels
    assert cells["cell-community-it-3"]["label"] == "16 positions"

    def box(node):
        d = model.nodes[node]
        return f"cell-{d.community}-{d.rank}" if d.kind == "position" else node

    between = [m for m in module.map_moves(model) if box(m["from"]) != box(m["to"])]
    counted = sum(int(data["edgeDetails"][e["id"]]["evidence"].split()[0]) for e in data["edges"])
    assert counted == len(between) > 100  # every move between two boxes, counted once
    stream = "stream-it-security"
    mine = {p for p, d in model.nodes.items() if d.stream == stream}
    ends = {(f"detail:{a}" if a in mine else box(a), f"detail:{b}" if b in mine else box(b), module.edge_style(m))
            for m in module.map_moves(model) for a, b in [(m["from"], m["to"])] if a in mine or b in mine}  # fmt: skip
    visit = Visit(browser, page, viewport=(1280, 800))
    try:
        assert visit.errors == [] and visit.page.evaluate(SHOWN_EDGES, "deployment") == 0
        assert visit.page.evaluate("window.careers.nodes.length") == len(data["nodes"])
        visit.page.select_option("#stream-detail", label="IT Security")  # the detail of one stream, on demand
        assert visit.page.evaluate("window.careers.nodes.getIds().filter(id => id.startsWith('detail:position-')).length") == len(mine) == 7
        drawn = visit.page.evaluate("window.careers.edges.get({filter: e => e.id.startsWith('detail:')}).map(e => [e.from, e.to, e.kind])")
        assert {tuple(e) for e in drawn} == ends and len(drawn) == len(ends)
        assert visit.errors == []
        visit.page.click("#reset")
        assert visit.page.evaluate("window.careers.nodes.length") == len(data["nodes"])
    finally:
        visit.close()


@pytest.mark.browser
def test_a_large_knowledge_graph_pools_its_biggest_kinds(browser, html, tmp_path, monkeypatch):
    from graph.store import store_for
    from graph.viz import graph_views
    from graph.viz.data import knowledge_graph, labels
    from graph.viz.page import render

    monkeypatch.setattr(graph_views, "GRAPH_DETAIL_LIMIT", 100)
    source = store_for(html.parent / "knowledge-graph.nt")
    kg, english = knowledge_graph(source), labels(source, "en")
    page = tmp_path / "knowledge-graph.html"
    page.write_text(render(graph_views.knowledge_graph_view(kg, "en", english, english)), encoding="utf-8")
    data = _payload(page)
    counts = {k: sum(1 for kind in kg.kinds.values() if kind == k) for k in set(kg.kinds.values())}
    pooled = {k for k, c in counts.items() if c > graph_views.KIND_LIMIT}
    assert pooled and {n["id"] for n in data["nodes"] if n["id"].startswith("kind-")} == {f"kind-{k}" for k in pooled}
    assert len(data["nodes"]) == len(pooled) + sum(c for k, c in counts.items() if k not in pooled)
    visit = Visit(browser, page)
    try:
        assert visit.errors == [] and visit.page.evaluate("window.careers.nodes.length") == len(data["nodes"])
    finally:
        visit.close()


@pytest.mark.parametrize("page, skill", [("knowledge-graph.html", "IT Security"), ("knowledge-graph.fr.html", "Sécurité de la TI")])
def test_the_knowledge_graph_names_every_node_skills_included(html, page, skill):
    """Skills and skill families are SKOS concepts (skos:prefLabel, no rdfs:label): named, not shown by id (issue 20)."""
    data = _payload(html / page)
    labels = {n["id"]: n.get("label") for n in data["nodes"]}
    assert labels["skill-it-security"] == skill
    assert [i for i, label in labels.items() if not label or label == i] == []


@pytest.mark.browser
def test_on_a_french_page_the_sources_english_words_are_marked_english(browser, html):
    visit = Visit(browser, html / "career-map.fr.html")
    try:
        visit.page.evaluate(
            "(() => { window.careers.network.body.emitter.emit('hoverNode', {node: 'position-it-05-director-it-security'}); return true; })()"
        )
        quotes = visit.page.locator("#details blockquote")
        assert quotes.count() >= 1 and visit.page.locator("#details blockquote[lang=en]").count() == quotes.count()
    finally:
        visit.close()


def test_the_french_knowledge_graph_names_its_kinds_and_links_in_french(html):
    """The 29 kinds of node (filters, legend, details) and the link kinds: French on the French page (issue 20)."""

    def words(page: str) -> tuple[set[str], set[str], set[str]]:
        text, data = (html / page).read_text(encoding="utf-8"), _payload(html / page)
        filters = set(re.findall(r'data-filter[^>]*value="[^"]+"[^>]*> ?([^<]+)', text))
        return {d["kind"] for d in data["details"].values()}, {d["kind"] for d in data["edgeDetails"].values()}, filters

    en, fr = words("knowledge-graph.html"), words("knowledge-graph.fr.html")
    assert en[0] & fr[0] == {"expertise", "organisation", "progression"}  # the same word in both languages
    assert en[1] & fr[1] == set() and len(fr[1]) > 30
    assert {"volet de travail", "compétence", "compétence retirée", "programme"} <= fr[0]
    assert "volet de travail" in {f.strip() for f in fr[2]} and "stream" not in {f.strip() for f in fr[2]}  # the filters


def test_the_french_career_map_names_the_streams_in_french_in_its_search_and_text_version(html):
    text = (html / "career-map.fr.html").read_text(encoding="utf-8")
    version = text[text.index('<details class="text-version">') : text.index("</details>", text.index('<details class="text-version">'))]
    suggestions = re.search(r'<datalist id="labels">(.*?)</datalist>', text, re.S).group(1)
    for english, french in [
        ("IT Database Management", "Gestion de bases de données de la TI"),
        ("IT Business Line Advisory Services", "Services consultatifs auprès des secteurs d’activités de la TI"),
    ]:
        assert french in version and french in suggestions
        assert f">{english}<" not in version and f'value="{english}"' not in suggestions


def test_the_french_stream_similarity_names_streams_and_skills_in_french(html):
    data = _payload(html / "stream-mobility.fr.html")
    runs = [run for d in data["edgeDetails"].values() for run in d.get("evidence", [])]  # the page's English words marked
    evidence = "".join(run if isinstance(run, str) else run[0] for run in runs)
    assert all(run[1] == "en" and run[0].startswith("“") for run in runs if not isinstance(run, str))
    shared = {s for d in data["edgeDetails"].values() for s in d.get("shared", [])}
    assert "Gestion de bases de données de la TI\u00a0: “" in evidence and "IT Database Management:" not in evidence
    assert "Architecture des solutions" in shared and "Solution Architecture" not in shared


@pytest.mark.browser
def test_at_1280x800_the_map_search_and_what_it_selects_are_in_view(browser, html):
    """Issue 20: at 1280x800 the search sat below the 940 px map and the details 1,370 px down; a search zoomed the lanes'
    names out of view."""
    visit = Visit(browser, html / "career-map.html", viewport=(1280, 800))
    try:
        page = visit.page
        assert page.locator("#search-input").bounding_box()["y"] < 800
        page.fill("#search-input", "it-03 team lead it security")
        page.press("#search-input", "Enter")
        assert page.evaluate("window.careers.network.getSelectedNodes()") == ["position-it-03-team-lead-it-security"]
        box = page.locator("#details").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 800 and box["x"] + box["width"] <= 1280
        assert page.inner_text("#details h2") == "IT-03 Team Lead, IT Security"
        lane = page.evaluate(
            "(() => { const n = window.careers.network, p = n.canvasToDOM(n.getPosition('lane-stream-it-security')); "
            "const c = document.getElementById('network'); return [p.x, p.y, c.clientWidth, c.clientHeight]; })()"
        )
        assert 0 <= lane[0] <= lane[2] and 0 <= lane[1] <= lane[3]  # the stream's name is still on the map
        page.click("#details .close")
        assert page.locator("#details").bounding_box()["y"] > 800  # back in the panel under the map
        assert visit.errors == []
    finally:
        visit.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", [f"{page}{lang}" for page in PAGES for lang in ("", ".fr")])
def test_every_page_works_on_a_phone(browser, html, name):
    """At 390 x 844: the page gets ready without a script error, its graph takes the screen's width (it had 0 px beside
    the panel and never drew), and nothing makes the page scroll sideways (issue 20)."""
    visit = Visit(browser, html / f"{name}.html", viewport=(390, 844))
    try:
        assert_fits_a_phone(visit)
    finally:
        visit.close()


def test_a_path_page_lists_its_steps_in_both_languages_and_links_them(on_demand):
    """Issue 20: path pages listed no steps, reused the map's introduction, and their language link dropped the path."""
    path_page, _ = on_demand
    english, french = path_page.read_text(encoding="utf-8"), path_page.with_name("path.fr.html").read_text(encoding="utf-8")
    steps = re.findall(r"<li>([^<]+)</li>", english[english.index('<ol class="listed">') :].split("</ol>")[0])
    assert steps[0].startswith("entry → IT-01 Technician, IT Security (") and steps[-1].startswith(
        "promotion → IT-05 Director, IT Security ("
    )
    assert "The best path the mobility model finds (5 move(s), cost" in english
    assert 'href="path.fr.html" lang="fr"' in english and 'href="path.html" lang="en"' in french
    assert "Le meilleur cheminement que trouve le modèle de mobilité" in french and "promotion → IT-05 directeur, Sécurité (" in french


@pytest.mark.browser
def test_the_moves_of_a_position_are_reached_with_the_keyboard(browser, html):
    """Issue 20: the map's moves could be reached only with a mouse. A searched position lists its moves as buttons."""
    visit = Visit(browser, html / "career-map.html", viewport=(1280, 800))
    try:
        page = visit.page
        page.focus("#search-input")
        page.keyboard.type("it-04 manager it security")
        assert page.input_value("#search-input") == "it-04 manager it security"  # the map's keys ("-": zoom out) took the hyphen
        page.keyboard.press("Enter")
        buttons = page.locator("#details .links-of button")
        assert buttons.count() >= 2
        target = [t for t in buttons.all_inner_texts() if t.startswith("IT-04 Manager, IT Security → IT-05 Director, IT Security")]
        assert target, buttons.all_inner_texts()
        buttons.filter(has_text=target[0]).focus()
        page.keyboard.press("Enter")
        assert page.inner_text("#details h2") == "IT-04 Manager, IT Security → IT-05 Director, IT Security"
        assert page.evaluate("document.activeElement.tagName") == "H2"  # the keyboard lands on the move's details
        assert "Promotion (appointment to a higher level)" in page.inner_text("#details")
    finally:
        visit.close()


def test_no_two_kinds_of_move_are_told_apart_by_colour_alone(html):
    """Issue 20: two dashed kinds of move on the map differed by colour only. Every dashed kind has its own pattern, and
    the legend draws each with the map's own pattern."""
    from graph.viz.style import EDGE_STYLES

    patterns = [tuple(dashes) for _, dashes in EDGE_STYLES.values() if dashes]
    assert len(patterns) == len(set(patterns)) >= 4
    text = (html / "career-map.html").read_text(encoding="utf-8")
    legend = text[text.index('<section class="legend">') :].split("</section>")[0]
    drawn = set(re.findall(r'stroke-dasharray="([^"]+)"', legend))
    assert drawn == {" ".join(map(str, p)) for p in patterns}


def test_no_two_kinds_of_node_of_the_knowledge_graph_are_told_apart_by_colour_alone(html):
    """Issue 20: the knowledge graph's 29 kinds of node differed by colour only (three shared one colour). Each kind has a
    shape too, no two kinds share both, kinds of one colour differ by shape, and the legend draws each shape in its colour."""
    from graph.viz.page import LEGEND_SHAPES
    from graph.viz.style import KIND_COLOURS, KIND_SHAPES

    assert set(KIND_SHAPES) == set(KIND_COLOURS) and set(KIND_SHAPES.values()) <= set(LEGEND_SHAPES)
    looks = [(KIND_COLOURS[k], KIND_SHAPES[k]) for k in KIND_COLOURS]
    assert len(set(looks)) == len(looks)
    text = (html / "knowledge-graph.html").read_text(encoding="utf-8")
    nodes = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S).group(1))["nodes"]
    drawn = {(n["color"], n["shape"]) for n in nodes}
    assert len(drawn) >= 10 and all(look in set(looks) for look in drawn)
    legend = text[text.index('<section class="legend">') :].split("</section>")[0]
    shown = re.findall(r'<svg class="shape"[^>]*><(\w+) [^>]*fill="(#[0-9a-f]{6})"/></svg>([^<]+)</li>', legend)
    assert len(shown) >= 10 and {fill for _, fill, _ in shown} <= {colour for colour, _ in looks}
