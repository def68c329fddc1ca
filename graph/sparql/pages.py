"""HTML pages of the endpoint: the query page and one page per entity. Every value from the data is escaped.

Examples
--------
>>> "&lt;script&gt;" in entity_page("http://e/x", "<script>", [], [])
True
"""

from __future__ import annotations

from html import escape
from typing import Any

from graph.i18n import text
from graph.iris import GCD_IRI, curie

__all__ = ["entity_page", "local_link", "page_language", "query_page"]

_STRING = "http://www.w3.org/2001/XMLSchema#string"
_STYLE = '<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/page.css">'


def local_link(iri: str) -> str:
    """The path on this server that serves ``iri``, or the IRI itself when it is not ours."""
    return "/id/" + iri[len(GCD_IRI) :] if iri.startswith(GCD_IRI) else iri


def page_language(params: dict[str, list[str]]) -> str:
    """The language a page is asked in: ``fr`` for ``?lang=fr``, else ``en``.

    >>> page_language({"lang": ["fr"]}), page_language({})
    ('fr', 'en')
    """
    return "fr" if params.get("lang") == ["fr"] else "en"


def _in(lang: str, path: str) -> str:
    """``path`` on this server in ``lang``: the French page adds ``?lang=fr``."""
    return f"{path}?lang=fr" if lang == "fr" else path


def _term_html(term: dict[str, Any], lang: str = "en") -> str:
    if term["type"] == "uri":
        iri = term["value"]
        label = term.get("label")
        text = escape(label or curie(iri) or iri)
        said = term.get("label_lang")
        marked = f' lang="{escape(said, quote=True)}"' if label and said and said != lang else ""
        href = local_link(iri)
        href = _in(lang, href) if href.startswith("/id/") else href
        return f'<a href="{escape(href, quote=True)}"{marked}>{text}</a>'
    if "xml:lang" in term:  # a literal in a language: said so, for screen readers too (WCAG 3.1.2)
        language = escape(term["xml:lang"], quote=True)
        return f'<span lang="{language}">{escape(term["value"])}</span> <span class="lang">@{escape(term["xml:lang"])}</span>'
    if lang != "en" and term.get("datatype") in (None, _STRING) and any(c.isalpha() for c in term["value"]):
        return f'<span lang="en">{escape(term["value"])}</span>'  # the graph's plain strings: its English sources' words, codes
    return f"<span>{escape(term['value'])}</span>"


def entity_page(
    iri: str,
    label: str,
    outgoing: list[tuple[dict[str, Any], dict[str, Any]]],
    incoming: list[tuple[dict[str, Any], dict[str, Any]]],
    lang: str = "en",
    label_lang: str | None = None,
) -> str:
    """A page for one entity, in ``lang``: its label (in ``label_lang``), its properties, and what points to it."""

    def rows(pairs: list[tuple[dict[str, Any], dict[str, Any]]], reverse: bool = False) -> str:
        body = "".join(
            f"<tr><td>{_term_html(other, lang)}</td><td>{_term_html(prop, lang)}</td></tr>"
            if reverse
            else f"<tr><td>{_term_html(prop, lang)}</td><td>{_term_html(other, lang)}</td></tr>"
            for prop, other in pairs
        )
        head = (
            f"<tr><th>{t('subject')}</th><th>{t('property')}</th></tr>"
            if reverse
            else f"<tr><th>{t('property')}</th><th>{t('value')}</th></tr>"
        )
        return f"<table>{head}{body}</table>"

    def t(key: str) -> str:
        return escape(text(lang, "endpoint_" + key))

    other = "en" if lang == "fr" else "fr"
    name, t_other = iri[len(GCD_IRI) :], escape(text(lang, "other_language"))
    marked = f' lang="{escape(label_lang, quote=True)}"' if label_lang and label_lang != lang else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(label)}</title>{_STYLE}</head><body>'
        f'<header><a href="{_in(lang, "/")}">gc-digital-careers</a> · {t("entity")} · '
        f'<a href="{escape(_in(other, "/id/" + name), quote=True)}" lang="{other}">{t_other}</a></header><main>'
        f"<h1{marked}>{escape(label)}</h1><p><code>{escape(iri)}</code></p>"
        f'<p>{t("also_as")} <a href="?format=turtle">Turtle</a> {t("or")} <a href="?format=jsonld">JSON-LD</a>.</p>'
        f"<h2>{t('properties')}</h2>{rows(outgoing)}"
        + (f"<h2>{t('referred_to_by')}</h2>{rows(incoming, reverse=True)}" if incoming else "")
        + "</main></body></html>"
    )


def query_page(examples: dict[str, tuple[str, str]], html_graphs: bool, lang: str = "en", questions: dict[str, str] | None = None) -> str:
    """The query page in ``lang``: a form, the named queries as examples, results drawn by ``/static/query.js``.

    ``questions`` are the named queries' questions in ``lang`` (the English ones of ``examples`` otherwise).
    """

    def t(key: str, **values: object) -> str:
        return escape(text(lang, "endpoint_" + key, **values))

    asked = questions or {}
    options = "".join(
        f'<option value="{escape(name, quote=True)}">{escape(asked.get(name) or question)}</option>'
        for name, (question, _) in examples.items()
    )
    data = "".join(f'<template id="example-{escape(name, quote=True)}">{escape(query)}</template>' for name, (_, query) in examples.items())
    index = "/html/index.fr.html" if lang == "fr" else "/html/index.html"
    graphs = f'<p>{t("graphs")} <a href="{index}">outputs/html</a>.</p>' if html_graphs else ""
    other = "en" if lang == "fr" else "fr"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{t("title")}</title>'
        f'{_STYLE}<script src="/static/query.js" defer></script></head><body>'
        f'<header><a href="{_in(lang, "/")}">gc-digital-careers</a> · {t("service")} · '
        f'<a href="{_in(other, "/")}" lang="{other}">{escape(text(lang, "other_language"))}</a></header><main>'
        f"<h1>{t('heading')}</h1>"
        f"<p>{t('intro_start')} <code>/sparql</code>{t('intro_prefixes')} <code>gcd:</code>, <code>gcdc:</code>, "
        f"<code>rdfs:</code>{t('and')}<code>skos:</code> {t('intro_predeclared')} "
        f'<a href="{_in(lang, "/id/role-director")}">/id/role-director</a>.</p>'
        f"{graphs}"
        f'<label for="examples">{t("examples")}</label> '
        f'<select id="examples"><option value="">{t("choose")}</option>{options}</select>'
        '<form id="query-form" method="get" action="/sparql">'
        f'<label for="query">{t("query")}</label>'
        '<textarea id="query" name="query" rows="14" spellcheck="false">'
        "SELECT ?role ?label WHERE {\n  ?role a gcdc:Role ; rdfs:label ?label .\n"
        f'  FILTER (lang(?label) = "{lang}")\n}}\nORDER BY ?label</textarea>'
        f'<button type="submit">{t("run")}</button></form>'
        '<p id="status" role="status"></p><div id="results"></div>'
        f"{data}</main></body></html>"
    )
