"""HTML pages of the endpoint: the query page and one page per entity. Every value from the data is escaped.

Examples
--------
>>> "&lt;script&gt;" in entity_page("http://e/x", "<script>", [], [])
True
"""

from __future__ import annotations

from html import escape
from typing import Any

from graph.iris import GCD_IRI, curie

__all__ = ["entity_page", "local_link", "query_page"]

_STYLE = '<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/page.css">'


def local_link(iri: str) -> str:
    """The path on this server that serves ``iri``, or the IRI itself when it is not ours."""
    return "/id/" + iri[len(GCD_IRI) :] if iri.startswith(GCD_IRI) else iri


def _term_html(term: dict[str, Any]) -> str:
    if term["type"] == "uri":
        iri = term["value"]
        label = term.get("label")
        text = escape(label or curie(iri) or iri)
        return f'<a href="{escape(local_link(iri), quote=True)}">{text}</a>'
    lang = f' <span class="lang">@{escape(term["xml:lang"])}</span>' if "xml:lang" in term else ""
    return f"<span>{escape(term['value'])}</span>{lang}"


def entity_page(
    iri: str, label: str, outgoing: list[tuple[dict[str, Any], dict[str, Any]]], incoming: list[tuple[dict[str, Any], dict[str, Any]]]
) -> str:
    """A page for one entity: its label, its properties, and what points to it."""

    def rows(pairs: list[tuple[dict[str, Any], dict[str, Any]]], reverse: bool = False) -> str:
        body = "".join(
            f"<tr><td>{_term_html(other)}</td><td>{_term_html(prop)}</td></tr>"
            if reverse
            else f"<tr><td>{_term_html(prop)}</td><td>{_term_html(other)}</td></tr>"
            for prop, other in pairs
        )
        head = "<tr><th>subject</th><th>property</th></tr>" if reverse else "<tr><th>property</th><th>value</th></tr>"
        return f"<table>{head}{body}</table>"

    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(label)}</title>{_STYLE}</head><body>'
        f'<header><a href="/">gc-digital-careers</a> · entity</header><main>'
        f"<h1>{escape(label)}</h1><p><code>{escape(iri)}</code></p>"
        f'<p>Also as <a href="?format=turtle">Turtle</a> or <a href="?format=jsonld">JSON-LD</a>.</p>'
        f"<h2>Properties</h2>{rows(outgoing)}"
        + (f"<h2>Referred to by</h2>{rows(incoming, reverse=True)}" if incoming else "")
        + "</main></body></html>"
    )


def query_page(examples: dict[str, tuple[str, str]], html_graphs: bool) -> str:
    """The query page: a form, the named queries as examples, results drawn by ``/static/query.js``."""
    options = "".join(f'<option value="{escape(name, quote=True)}">{escape(question)}</option>' for name, (question, _) in examples.items())
    data = "".join(f'<template id="example-{escape(name, quote=True)}">{escape(text)}</template>' for name, (_, text) in examples.items())
    graphs = '<p>Interactive graphs: <a href="/html/index.html">outputs/html</a>.</p>' if html_graphs else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SPARQL: GC digital careers</title>'
        f'{_STYLE}<script src="/static/query.js" defer></script></head><body>'
        '<header><a href="/">gc-digital-careers</a> · SPARQL endpoint</header><main>'
        "<h1>Query the digital careers knowledge graph</h1>"
        "<p>Read-only SPARQL 1.1 at <code>/sparql</code>. Prefixes such as <code>gcd:</code>, <code>gcdc:</code>, "
        '<code>rdfs:</code> and <code>skos:</code> are predeclared. Entity pages: <a href="/id/role-director">/id/role-director</a>.</p>'
        f"{graphs}"
        '<label for="examples">Example questions</label> '
        f'<select id="examples"><option value="">choose a question…</option>{options}</select>'
        '<form id="query-form" method="get" action="/sparql">'
        '<label for="query">Query</label>'
        '<textarea id="query" name="query" rows="14" spellcheck="false">'
        "SELECT ?role ?label WHERE {\n  ?role a gcdc:Role ; rdfs:label ?label .\n"
        '  FILTER (lang(?label) = "en")\n}\nORDER BY ?label</textarea>'
        '<button type="submit">Run</button></form>'
        '<p id="status" role="status"></p><div id="results"></div>'
        f"{data}</main></body></html>"
    )
