"""All pages of ``outputs/html/`` (English and French), and the pages made on demand (a path, a neighbourhood).

Examples
--------
>>> from graph.viz.export import PAGES
>>> PAGES
('explorer', 'career-map', 'stream-mobility', 'knowledge-graph', 'ontology')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import jinja2

from graph.i18n import LANGUAGES, text
from graph.mobility.facts import Facts
from graph.mobility.moves import MobilityModel
from graph.mobility.similarity import stream_similarity
from graph.store import Store
from graph.viz.career_map import career_map, map_legend
from graph.viz.data import display_labels, knowledge_graph, labels, ontology
from graph.viz.explorer import explorer_page
from graph.viz.graph_views import knowledge_graph_view, ontology_view
from graph.viz.observed_view import observed_map
from graph.viz.page import LEGEND_LIST, render, static_text
from graph.viz.stream_view import stream_mobility

if TYPE_CHECKING:
    from graph.mobility.search import CareerPath
    from graph.observe.published import Published

__all__ = ["PAGES", "focus_page", "html_files", "path_page"]

PAGES = ("explorer", "career-map", "stream-mobility", "knowledge-graph", "ontology")

_INDEX = jinja2.Environment(autoescape=True).from_string(
    """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{{ title }}</title>
<link rel="icon" href="data:,">
<style>{{ css | safe }}</style>
</head>
<body>
<header><span>gc-digital-careers</span><a href="{{ other_page }}" lang="{{ other_lang }}">{{ t_other }}</a></header>
<main>
<h1>{{ title }}</h1>
<p>{{ intro }}</p>
<ul class="views">{% for href, name, summary in views %}
<li><a href="{{ href }}">{{ name }}</a>: {{ summary }}</li>{% endfor %}
</ul>
<section class="legend"><h2>{{ t_legend }}</h2>"""
    + LEGEND_LIST
    + """</section>
<footer><p>{{ t_source }} {{ t_translation }}</p></footer>
</main>
</body>
</html>
"""
)


def _index(lang: str, legend: list[tuple[str, str, str]], pages: tuple[str, ...] = PAGES, *, synthetic: bool = False) -> str:
    suffix = "" if lang == "en" else f".{lang}"
    views = [
        (
            f"{slug}{suffix}.html",
            text(lang, f"{slug.replace('-', '_')}_title"),
            text(
                lang, f"{slug.replace('-', '_')}_summary" + ("_synthetic" if synthetic and slug in ("observed-flows", "projection") else "")
            ),
        )
        for slug in pages
    ]
    other = "fr" if lang == "en" else "en"
    return _INDEX.render(
        lang=lang,
        title=text(lang, "index_title"),
        intro=text(lang, "index_intro"),
        views=views,
        legend=legend,
        css=static_text("page.css"),
        other_page="index.html" if other == "en" else f"index.{other}.html",
        other_lang=other,
        t_other=text(lang, "other_language"),
        t_legend=text(lang, "legend"),
        t_source=text(lang, "source"),
        t_translation=text(lang, "own_translation"),
    )


def html_files(facts: Facts, model: MobilityModel, store: Store, observed: Published | None = None) -> dict[str, bytes]:
    """Every page of ``outputs/html/``: ``{relative path: bytes}`` (with the observed moves' page when ``observed`` is given)."""
    kg = knowledge_graph(store)
    similarity = stream_similarity(facts)
    english = labels(store, "en")
    files = {}
    shown = {lang: display_labels(store, lang) for lang in LANGUAGES}  # the knowledge graph's nodes by name, skills too
    for lang in LANGUAGES:
        names = labels(store, lang) if lang != "en" else english
        for view in (
            career_map(facts, model, lang, names, kg=kg),
            stream_mobility(facts, lang, names, similarity),
            knowledge_graph_view(kg, lang, shown[lang], shown["en"]),
            ontology_view(ontology(store, lang), lang, names),
            *([observed_map(facts, model, lang, names, observed, kg)] if observed is not None else []),
        ):
            files[f"html/{view.filename()}"] = render(view).encode("utf-8")
        files[f"html/explorer{'' if lang == 'en' else '.' + lang}.html"] = explorer_page(facts, model, lang, names, observed).encode(
            "utf-8"
        )
        pages = (*PAGES, "observed-flows", "projection") if observed is not None else PAGES
        index = _index(lang, map_legend(facts, lang, names), pages, synthetic=observed is not None and observed.synthetic)
        files[f"html/index{'' if lang == 'en' else '.' + lang}.html"] = index.encode("utf-8")
    return files


def path_page(facts: Facts, model: MobilityModel, store: Store, path: CareerPath, lang: str = "en", other_page: str | None = None) -> str:
    """The career map with ``path`` highlighted, its own introduction and its steps.

    ``other_page`` is the file of the same path's page in the other language (what the language link opens).
    """
    names = labels(store, lang)

    def name(n: str) -> str:
        return names.get(n) or model.label(n)

    title = " → ".join(name(n) for n in (path.nodes[0], path.nodes[-1]))
    view = career_map(facts, model, lang, names, highlight=path, title=title, kg=knowledge_graph(store))
    cost = f"{path.cost:.2f}".replace(".", ",") if lang == "fr" else f"{path.cost:.2f}"
    view.description = text(lang, "path_description", moves=len(path.steps), cost=cost)
    view.listed = [
        text(
            lang,
            "path_step",
            move=text(lang, "move_" + s.kind),
            target=name(s.target),
            rule=names.get(s.rule) or facts.rule_label(s.rule),
        )
        for s in path.steps
    ]
    view.other_page = other_page
    return render(view)


def focus_page(store: Store, focus: str, radius: int, lang: str = "en") -> str:
    """The neighbourhood of ``focus`` in the knowledge graph, within ``radius`` links."""
    kg = knowledge_graph(store)
    english = display_labels(store, "en")
    return render(knowledge_graph_view(kg, lang, display_labels(store, lang), english, focus=focus, radius=radius))
