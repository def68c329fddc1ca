"""All pages of ``outputs/html/`` (English and French), and the pages made on demand (a path, a neighbourhood).

Examples
--------
>>> from graph.viz.export import PAGES
>>> PAGES
('career-map', 'stream-mobility', 'knowledge-graph', 'ontology')
"""

from __future__ import annotations

import jinja2
import networkx as nx

from graph.mobility.facts import Facts
from graph.mobility.source import Source
from graph.viz.data import knowledge_graph, labels, ontology
from graph.viz.i18n import LANGUAGES, text
from graph.viz.page import render, static_text
from graph.viz.views import COMMUNITY_COLOURS, EDGE_STYLES, career_map, knowledge_graph_view, ontology_view, stream_mobility

__all__ = ["PAGES", "focus_page", "html_files", "html_files_from_ntriples", "path_page"]

PAGES = ("career-map", "stream-mobility", "knowledge-graph", "ontology")

_SUMMARIES = {
    "career-map": (
        "Career map",
        "Every position by stream and level, with entry routes below and executive levels above. Follow promotions, "
        "path changes and lateral moves, and see the source's sentence behind each.",
        "Carte des carrières",
        "Tous les postes par volet et par niveau, avec les voies d'accès en bas et les niveaux de direction en "
        "haut. Suivez promotions, changements de cheminement et mutations latérales, et voyez la phrase de la source derrière chacun.",
    ),
    "stream-mobility": (
        "Stream mobility",
        "The 13 work streams linked by the competencies they share. The wider the line, the easier a move between the two streams looks.",
        "Mobilité entre volets",
        "Les 13 volets de travail reliés par les compétences qu'ils partagent. Plus le trait est large, "
        "plus une mutation entre les deux volets semble facile.",
    ),
    "knowledge-graph": (
        "Knowledge graph",
        "Everything in the knowledge graph, grouped by kind. Hide the kinds you do not need and select a "
        "node to read its definition and the source's words.",
        "Graphe de connaissances",
        "Tout le graphe de connaissances, groupé par type. Masquez les types inutiles et "
        "sélectionnez un nœud pour lire sa définition et les mots de la source.",
    ),
    "ontology": (
        "Ontology",
        "The classes and properties that structure the graph, and the standard vocabularies they reuse. Useful to write SPARQL queries.",
        "Ontologie",
        "Les classes et propriétés qui structurent le graphe, et les vocabulaires normalisés qu'elles réutilisent. "
        "Utile pour écrire des requêtes SPARQL.",
    ),
}

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
<section class="legend"><h2>{{ t_legend }}</h2><ul>{% for shape, colour, label in legend %}
<li>{% if shape == "dot" %}<span class="swatch" style="background: {{ colour }}"></span>{% else %}<span class="line {{ shape }}" style="border-top-color: {{ colour }}"></span>{% endif %}{{ label }}</li>{% endfor %}</ul></section>
<footer><p>{{ t_source }} {{ t_translation }}</p></footer>
</main>
</body>
</html>
"""
)


def _index(lang: str, communities: dict[str, str]) -> str:
    suffix = "" if lang == "en" else f".{lang}"
    views = [(f"{slug}{suffix}.html", *(_SUMMARIES[slug][:2] if lang == "en" else _SUMMARIES[slug][2:])) for slug in PAGES]
    from graph.viz.views import _WORDS

    legend = [
        ("dot", COMMUNITY_COLOURS[c], communities[c])
        for c in ("community-it", "community-idg", "community-dcoe", "community-digital-executives")
    ]
    legend += [
        ("dashed" if kind == "path change" else "dotted" if dashes else "solid", colour, _WORDS[lang][kind])
        for kind, (colour, dashes) in EDGE_STYLES.items()
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


def html_files(facts: Facts, G: nx.MultiDiGraph, source: Source) -> dict[str, bytes]:
    """Every page of ``outputs/html/``: ``{relative path: bytes}``."""
    kg, onto = knowledge_graph(source), ontology(source)
    english = labels(source, "en")
    files = {}
    for lang in LANGUAGES:
        names = labels(source, lang) if lang != "en" else english
        communities = {c: names.get(c, english.get(c, c)) for c in COMMUNITY_COLOURS if c}
        for view in (
            career_map(facts, G, lang, names, kg=kg),
            stream_mobility(facts, lang, names, kg),
            knowledge_graph_view(kg, lang, names, english),
            ontology_view(onto, lang, names),
        ):
            files[f"html/{view.filename()}"] = render(view).encode("utf-8")
        files[f"html/index{'' if lang == 'en' else '.' + lang}.html"] = _index(lang, communities).encode("utf-8")
    return files


def html_files_from_ntriples(facts: Facts, G: nx.MultiDiGraph, nt: bytes) -> dict[str, bytes]:
    """`html_files` over built N-Triples (what the build's worker process receives)."""
    from graph.mobility.source import OxigraphSource

    return html_files(facts, G, OxigraphSource.from_ntriples(nt))


def path_page(facts: Facts, G: nx.MultiDiGraph, source: Source, path, lang: str = "en") -> str:
    """The career map with ``path`` highlighted."""
    names = labels(source, lang)
    title = " → ".join(names.get(n, G.nodes[n]["label"]) for n in (path.nodes[0], path.nodes[-1]))
    return render(career_map(facts, G, lang, names, highlight=path, title=title, kg=knowledge_graph(source)))


def focus_page(source: Source, focus: str, radius: int, lang: str = "en") -> str:
    """The neighbourhood of ``focus`` in the knowledge graph, within ``radius`` links."""
    kg = knowledge_graph(source)
    english = labels(source, "en")
    return render(knowledge_graph_view(kg, lang, labels(source, lang) if lang != "en" else english, english, focus=focus, radius=radius))
