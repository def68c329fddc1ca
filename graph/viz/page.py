r"""Render a view as one self-contained HTML file: our own template, vis-network inlined, no network access.

The page has no ``http(s)`` resource reference: vis-network's script and style come from the pyvis
package and are inlined, and a Content-Security-Policy forbids any request. The graph's data travels
as JSON in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the
page's script shows it with DOM text nodes only; every other value goes through Jinja2's escaping.

Examples
--------
>>> safe_json({"label": "</script><script>alert(1)</script>"})
'{"label": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from pyvis.network import Network

from graph.content_policy import PAGE_CSP
from graph.i18n import Words, text

__all__ = ["LEGEND_LIST", "PAGE_HEAD", "View", "render", "safe_json", "static_text", "vis_assets"]

STATIC = Path(__file__).resolve().parent / "static"


@dataclass
class View:
    """One page: the pyvis network and what the page shows around it."""

    slug: str
    lang: str
    title: str
    description: str
    network: Network
    details: dict[str, dict[str, Any]] = field(default_factory=dict)
    edge_details: dict[str, dict[str, Any]] = field(default_factory=dict)
    filters: list[tuple[str, str, bool]] = field(default_factory=list)  # (value, label, shown at start)
    legend: list[tuple[str, str, str]] = field(default_factory=list)  # (shape: dot|ring|solid|dashed|dotted, colour, label)
    options: dict[str, Any] = field(default_factory=dict)
    edge_filters: list[tuple[str, str, bool]] = field(default_factory=list)  # (kind of link, label, shown at start)
    on_demand: dict[str, Any] = field(default_factory=dict)  # data the page draws when asked (the streams of a large career map)
    listed: list[str] = field(default_factory=list)  # listed under the introduction: a path's steps, the largest observed flows
    other_page: str | None = None  # the same page in the other language, when it is not the slug's (a path page's own file)

    def filename(self) -> str:
        """``career-map.html`` or ``career-map.fr.html``."""
        return f"{self.slug}.html" if self.lang == "en" else f"{self.slug}.{self.lang}.html"


def safe_json(value: object) -> str:
    """JSON that can sit inside a ``<script>`` element: ``<``, ``>`` and ``&`` are escaped."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@functools.cache
def static_text(name: str) -> str:
    """A file of ``graph/viz/static/`` (the pages' own script and style), read once."""
    return (STATIC / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's script and style, as shipped in the pyvis package (no source-map comment, no ``</script``)."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    script = re.sub(r"//# sourceMappingURL=\S+", "", script).replace("</script", "<\\/script")
    style = (lib / "vis-network.css").read_text(encoding="utf-8")
    return script, style


LEGEND_LIST = (
    '<ul>{% for shape, colour, label in legend %}\n<li>{% if shape == "dot" %}<span class="swatch" style="background: {{ colour }}"></span>'
    '{% elif shape == "ring" %}<span class="swatch ring" style="border-color: {{ colour }}"></span>'
    '{% elif shape.startswith("shape:") %}<svg class="shape" width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">'
    '<{{ legend_shapes[shape[6:]][0] }} {{ legend_shapes[shape[6:]][1] | safe }} fill="{{ colour }}"/></svg>'
    '{% elif shape.startswith("dash:") %}<svg class="dash" width="30" height="8" aria-hidden="true"><line x1="0" y1="4" x2="30" y2="4" '
    'stroke="{{ colour }}" stroke-width="3" stroke-dasharray="{{ shape[5:] }}"/></svg>'
    '{% else %}<span class="line {{ shape }}" style="border-top-color: {{ colour }}"></span>{% endif %}{{ label }}</li>{% endfor %}</ul>'
)
"""A legend as a list: a dot or ring of a colour, ``shape:triangle`` (a node shape of vis-network, drawn as the graph draws it),
a line (``solid``, ``dashed``, ``dotted``), or ``dash:8 6`` drawn with the very dash pattern of the graph's lines (so that no
two kinds of node or move differ by colour alone)."""
LEGEND_SHAPES = {
    "dot": ("circle", 'r="6"'),
    "square": ("rect", 'x="-5.5" y="-5.5" width="11" height="11"'),
    "triangle": ("polygon", 'points="0,-6.5 6,5 -6,5"'),
    "triangleDown": ("polygon", 'points="0,6.5 6,-5 -6,-5"'),
    "diamond": ("polygon", 'points="0,-7 7,0 0,7 -7,0"'),
    "star": ("polygon", 'points="0,-7 1.6,-2.2 6.7,-2.2 2.6,0.8 4.1,5.7 0,2.8 -4.1,5.7 -2.6,0.8 -6.7,-2.2 -1.6,-2.2"'),
    "hexagon": ("polygon", 'points="6.5,0 3.25,5.6 -3.25,5.6 -6.5,0 -3.25,-5.6 3.25,-5.6"'),
}
"""The SVG of each node shape in a legend (element, attributes)."""

PAGE_HEAD = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<title>{{ title }}</title>
<link rel="icon" href="data:,">
"""
"""The start of every page's template: language, Content-Security-Policy (``csp``) and ``title``."""

_TEMPLATE = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(
    PAGE_HEAD
    + """<style>{{ vis_css | safe }}
{{ page_css | safe }}</style>
</head>
<body class="{{ slug }}">
<header><a href="{{ home }}">{{ t.home }}</a><a href="{{ other_page }}" lang="{{ other_lang }}">{{ t.other_language }}</a>
<form id="search" role="search"><label for="search-input">{{ t.search }}</label>
<input id="search-input" list="labels" placeholder="{{ t.search_placeholder }}" autocomplete="off">
<datalist id="labels">{% for label in labels %}<option value="{{ label }}">{% endfor %}</datalist>
<button type="submit">{{ t.search }}</button> <button type="button" id="reset">{{ t.reset }}</button>
<span id="search-status" role="status"></span></form></header>
<main>
<h1>{{ title }}</h1>
<p>{{ description }}</p>
{% if listed %}<ol class="listed">{% for item in listed %}<li>{{ item }}</li>{% endfor %}</ol>{% endif %}
<div class="layout">
<div id="network" role="img" aria-label="{{ title }}"></div>
<aside>
{% if filters %}<fieldset><legend>{{ t.filter }}</legend>{% for value, label, checked in filters %}
<label><input type="checkbox" data-filter value="{{ value }}"{% if checked %} checked{% endif %}> {{ label }}</label><br>{% endfor %}</fieldset>{% endif %}
{% if edge_filters %}<fieldset><legend>{{ t.moves_shown }}</legend>{% for value, label, checked in edge_filters %}
<label><input type="checkbox" data-edge-filter value="{{ value }}"{% if checked %} checked{% endif %}> {{ label }}</label><br>{% endfor %}
<p class="hint">{{ t.moves_hint }}</p></fieldset>{% endif %}
<section class="legend"><h2>{{ t.legend }}</h2>"""
    + LEGEND_LIST
    + """</section>
<section id="details" aria-live="polite"><h2>{{ t.details }}</h2><p>{{ t.details_hint }}</p></section>
</aside>
</div>
<details class="text-version"><summary>{{ t.text_version }}</summary>
<h2>{{ t.nodes }} ({{ table_nodes | length }})</h2>
<table><tr><th>{{ t.label }}</th><th>{{ t.kind }}</th><th>{{ t.group }}</th></tr>{% for label, kind, group, english in table_nodes %}
<tr><td{{ english.label }}>{{ label }}</td><td>{{ kind }}</td><td{{ english.group }}>{{ group }}</td></tr>{% endfor %}</table>
<h2>{{ t.links }} ({{ table_edges | length }})</h2>
<table><tr><th>{{ t.from }}</th><th>{{ t.to }}</th><th>{{ t.kind }}</th></tr>{% for source, target, kind, english in table_edges %}
<tr><td{{ english.from }}>{{ source }}</td><td{{ english.to }}>{{ target }}</td><td>{{ kind }}</td></tr>{% endfor %}</table>
</details>
<footer><p>{{ t.source }} {{ t.own_translation }}</p></footer>
</main>
<script type="application/json" id="graph-data">{{ payload | safe }}</script>
<script>{{ vis_js | safe }}</script>
<script>{{ page_js | safe }}</script>
</body>
</html>
"""
)

_JS_WORDS = (
    "definition",
    "responsibilities",
    "quote",
    "evidence",
    "shared",
    "score",
    "stated",
    "rule",
    "inferred",
    "observed",
    "not_found",
    "details_hint",
    "close_details",
    "links_of",
    "pay",
    "skills",
    "allowed_by",
    "assumptions",
    "gap",
    "stream_detail",
    "stream_detail_none",
)


class _English:
    """The ``lang="en"`` attribute of a text-version cell whose field the details mark as English (`mark_english`), else nothing.

    >>> str(_English({"english": ["label"]}).label), _English({}).label
    (' lang="en"', '')
    """

    def __init__(self, info: dict[str, Any]) -> None:
        self.fields = set(info.get("english", []))

    def __getattr__(self, field: str) -> str:
        if field.startswith("__"):
            raise AttributeError(field)
        return Markup(' lang="en"') if field in self.fields else ""


def render(view: View) -> str:
    """The HTML of ``view``."""
    nodes, edges, *_ = view.network.get_network_data()
    nodes = sorted(nodes, key=lambda n: str(n["id"]))
    edges = sorted(edges, key=lambda e: str(e["id"]))
    labels_of = {n["id"]: n.get("searchText", n["label"]) for n in nodes}
    words = {key: text(view.lang, key) for key in _JS_WORDS}
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": view.options,
        "details": view.details,
        "edgeDetails": view.edge_details,
        "strings": words,
        **({"onDemand": view.on_demand} if view.on_demand else {}),
    }
    vis_js, vis_css = vis_assets()
    other = "fr" if view.lang == "en" else "en"
    return _TEMPLATE.render(
        lang=view.lang,
        csp=PAGE_CSP,
        title=view.title,
        description=view.description,
        t=Words(view.lang),
        home="index.html" if view.lang == "en" else f"index.{view.lang}.html",
        other_page=view.other_page or (f"{view.slug}.html" if other == "en" else f"{view.slug}.{other}.html"),
        listed=view.listed,
        other_lang=other,
        labels=sorted({n.get("searchText", n["label"]) for n in nodes}),
        filters=view.filters,
        edge_filters=view.edge_filters,
        slug=view.slug,
        legend=view.legend,
        legend_shapes=LEGEND_SHAPES,
        table_nodes=[
            (n.get("searchText", n["label"]), info.get("kind", ""), info.get("group", ""), _English(info))
            for n in nodes
            for info in [view.details.get(n["id"], {})]
        ],
        table_edges=[
            (labels_of.get(e["from"], e["from"]), labels_of.get(e["to"], e["to"]), info.get("kind", ""), _English(info))
            for e in edges
            for info in [view.edge_details.get(e["id"], {})]
        ],
        payload=safe_json(payload),
        vis_js=vis_js,
        vis_css=vis_css,
        page_js=static_text("page.js"),
        page_css=static_text("page.css"),
    )
