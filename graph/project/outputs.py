"""A projection's outputs: the report (Markdown, CSV, JSON), a fan chart per level (PNG), and a page in English and French.

Every figure here is the projection's own (stocks and flows to the nearest ten, rates that rest on too few moves
withheld); a synthetic data set says so in every title and row.

Examples
--------
>>> text("fr", "projection_page_title")
"Projection de l'effectif par niveau"
"""

from __future__ import annotations

import base64
import json
from typing import Any

import jinja2

from graph.content_policy import PAGE_CSP
from graph.i18n import Words, decimal, listing, named, number, percent, text
from graph.project.projection import Band, Projection
from graph.tables import render
from graph.viz.page import PAGE_HEAD, static_text

__all__ = ["fan_chart", "projection_files", "projection_rows"]


def _fitted(projection: Projection, lang: str = "en") -> str:
    """The years the projection's rates were fitted on (or the PSC's), as its assumptions say, in ``lang``."""
    rates = next(a for a in projection.assumptions if a.key == "rates")
    return (rates.value_fr if lang == "fr" else "") or rates.value


def _title(projection: Projection, lang: str) -> str:
    return text(lang, "projection_page_title") + (text(lang, "projection_synthetic") if projection.synthetic else "")


def fan_chart(projection: Projection, lang: str = "en") -> bytes:
    """A fan chart per level (median and 90% band by year; the scenario's median dashed), as PNG bytes."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from graph.mobility.report import _png

    fig = Figure(figsize=(11, 5.5), dpi=100, layout="constrained")
    axes = fig.subplots(2, (len(projection.states) + 1) // 2, sharex=True)
    years = list(projection.years)
    for ax, label in zip(axes.flat, projection.states, strict=False):
        ax.set_title(label, fontsize=10)
        if label not in projection.baseline:
            ax.text(0.5, 0.5, text(lang, "projection_withheld"), ha="center", va="center", fontsize=9, transform=ax.transAxes)
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        bands = projection.baseline[label]
        ax.fill_between(years, [b.low for b in bands], [b.high for b in bands], color="#1971c2", alpha=0.25, lw=0)
        ax.plot(years, [b.median for b in bands], color="#1971c2", lw=1.6)
        if projection.scenario is not None:
            other = projection.scenario_stock[label]
            ax.plot(years, [b.median for b in other], color="#e8590c", lw=1.4, ls="--")
        ax.set_title(label, fontsize=10)
        ax.tick_params(labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    fig.suptitle(_title(projection, lang), fontsize=12)
    return _png(fig)


def projection_rows(projection: Projection, lang: str = "en") -> list[dict[str, Any]]:
    """One row per level and year (and per kind of flow and year): the median and the 90% interval, the scenario's beside.

    With ``lang="fr"`` the values (what a row counts, "synthetic") are in French; the keys stay English (`named` with the
    ``projection_column_`` prefix words them).
    """
    mark = {"data": text(lang, "projection_synthetic_value")} if projection.synthetic else {}
    people = text(lang, "projection_people")
    rows = []
    for label, bands in projection.baseline.items():
        for i, (year, band) in enumerate(zip(projection.years, bands, strict=True)):
            row = {**mark, "figure": people, "level": label, "year": year, "median": band.median, "low (5%)": band.low,
                   "high (95%)": band.high}  # fmt: skip
            if projection.scenario is not None:
                other = projection.scenario_stock[label][i]
                row |= {"scenario median": other.median, "scenario low": other.low, "scenario high": other.high}
            rows.append(row)
    for kind, bands in projection.flows.items():
        figure = text(lang, "projection_flow", kind=text(lang, "projection_flow_" + kind))
        for i, (year, band) in enumerate(zip(projection.years[1:], bands, strict=True)):
            row = {**mark, "figure": figure, "level": text(lang, "projection_all"), "year": year, "median": band.median,
                   "low (5%)": band.low, "high (95%)": band.high}  # fmt: skip
            if projection.scenario is not None:
                other = projection.scenario_flows[kind][i]
                row |= {"scenario median": other.median, "scenario low": other.low, "scenario high": other.high}
            rows.append(row)
    return rows


def french_columns(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`projection_rows` with French column names, for a French CSV."""
    return [{named("fr", "projection_column_", key): value for key, value in row.items()} for row in rows]


_PAGE = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(
    PAGE_HEAD
    + """<style>{{ page_css | safe }}
figure img { max-width: 100%; height: auto; } table { border-collapse: collapse; } td, th { padding: 0.15rem 0.5rem; text-align: right; }
.scroll { overflow-x: auto; max-width: 100%; }
th[scope=row] { text-align: left; }</style>
</head>
<body>
<header><a href="{{ home }}">{{ t.home }}</a><a href="{{ other_page }}" lang="{{ other_lang }}">{{ t.other_language }}</a></header>
<main>
<h1>{{ title }}</h1>
{% if synthetic %}<p class="synthetic"><strong>{{ t.projection_synthetic_note }}</strong></p>{% endif %}
<p>{{ intro }}</p>
<figure><img src="data:image/png;base64,{{ chart }}" alt="{{ t.projection_alt }}" width="1100" height="550"></figure>
{% if withheld %}<p>{{ withheld }}</p>{% endif %}
{% if backtest %}<p>{{ backtest }}</p>{% endif %}
<div class="scroll" role="region" aria-label="{{ title }}" tabindex="0"><table>
<caption>{{ title }}</caption>
<tr><th scope="col">{{ t.projection_level }}</th>{% for y in years %}<th scope="col">{{ y }}</th>{% endfor %}</tr>
{% for label, cells in table %}<tr><th scope="row">{{ label }}</th>{% for c in cells %}<td>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</table></div>
<h2>{{ t.projection_assumes }}</h2>
<ul>{% for a in assumptions %}<li>{{ a }}</li>{% endfor %}</ul>
<p>{{ replicate }}</p>
</main>
</body>
</html>
"""
)


def _short(checksum: str | None) -> str:
    return (checksum or "")[:16] + "…"


def _backtest(projection: Projection, lang: str) -> str | None:
    """The back-test in one sentence in ``lang`` (the page's; the French report's too), or ``None`` without one."""
    b = projection.backtest
    if b is None:
        return None
    mape = listing((text(lang, "projection_ahead", h=h, v=decimal(v, lang)) for h, v in b.mape.items()), lang)
    return text(lang, "projection_backtest", origins=len(b.origins), points=b.points, coverage=percent(b.coverage, lang), mape=mape)


def projection_page(projection: Projection, lang: str, chart: bytes) -> str:
    """The projection's page in ``lang``: the fan charts, every value in a table, what it assumes, how to replicate it."""
    other = "fr" if lang == "en" else "en"

    def cell(b: Band) -> str:
        return f"{number(b.median, lang)} ({number(b.low, lang)}–{number(b.high, lang)})"

    backtest = _backtest(projection, lang)
    withheld = ", ".join(projection.withheld_levels)
    return _PAGE.render(
        lang=lang, csp=PAGE_CSP, title=_title(projection, lang), t=Words(lang), page_css=static_text("page.css"),
        home="index.html" if lang == "en" else "index.fr.html",
        other_page="projection.html" if other == "en" else "projection.fr.html", other_lang=other,
        synthetic=projection.synthetic,
        intro=text(lang, "projection_intro", fitted=_fitted(projection, lang), sims=number(projection.sims, lang)),
        chart=base64.b64encode(chart).decode("ascii"), backtest=backtest, years=projection.years,
        withheld=text(lang, "projection_withheld_levels", levels=withheld) if withheld else "",
        table=[(label, [cell(b) for b in bands]) for label, bands in projection.baseline.items()],
        assumptions=[a.en if lang == "en" else a.fr for a in projection.assumptions],
        replicate=text(lang, "projection_replicate", seed=projection.seed, sims=projection.sims, checksum=_short(projection.checksum)),
    )  # fmt: skip


def _report(projection: Projection, lang: str) -> str:
    """``reports/projection.md`` (or ``projection.fr.md``): the figures by level for three years, the back-test, what it assumes."""
    from graph.mobility.report import _md_table

    french = lang == "fr"
    last = projection.years[-1]
    shown = (projection.years[0], projection.years[len(projection.years) // 2], last)
    dash = "–" if french else "-"

    def band(b: Band) -> str:
        return f"{number(b.median, lang)} ({number(b.low, lang)}{dash}{number(b.high, lang)})"

    level = text(lang, "projection_column_level")
    table = [{level: label, **{str(y): band(b) for y, b in zip(projection.years, bands, strict=True) if y in shown}}
             for label, bands in projection.baseline.items()]  # fmt: skip
    back = ""
    if projection.backtest is not None:
        b = projection.backtest
        if french:
            back = f"**{_backtest(projection, lang)}**\n"
        else:
            mape = "; ".join(f"{h} year{'s' if h > 1 else ''} ahead {v}%" for h, v in b.mape.items())
            back = (f"**Back-test.** Fitted on the years before each of {len(b.origins)} origins ({b.origins[0]} to {b.origins[-1]}) and "
                    f"compared with the {b.points} stocks that followed: {b.coverage:.0%} fell inside the 90% interval; mean absolute "
                    f"percentage error {mape}.\n")  # fmt: skip
    summary = "\n".join(f"- {a.fr if french else a.en}" for a in projection.assumptions)
    suffix = ".fr" if french else ""
    replicate = (
        f"Pour la reproduire : `careers project --seed {projection.seed} --sims {projection.sims}` sur le jeu de données "
        f"sha256:{projection.checksum}. Chaque valeur par niveau et par année, et les flux, sont dans projection.fr.csv (et "
        "projection.json, aux clés anglaises).\n"
        if french
        else f"Replicate: `careers project --seed {projection.seed} --sims {projection.sims}` on the data set "
        f"sha256:{projection.checksum}. Every value by level and year, and the flows, are in projection.csv and projection.json.\n"
    )
    return (
        f"# {_title(projection, lang)}\n\n"
        + (f"**{text(lang, 'projection_synthetic_note')}**\n\n" if projection.synthetic else "")
        + text(lang, "projection_intro", fitted=_fitted(projection, lang), sims=number(projection.sims, lang))
        + f"\n\n![{text(lang, 'projection_chart')}](projection{suffix}.png)\n\n"
        + _md_table(table, lang)
        + "\n\n" + back
        + f"\n## {text(lang, 'projection_assumes')}\n\n{summary}\n\n"
        + replicate
    )  # fmt: skip


def projection_files(projection: Projection) -> dict[str, bytes]:
    """The projection's files: its report, table, data, chart and page, in English and in French.

    ``reports/projection.md``, ``.csv``, ``.json``, ``.png``; ``projection.fr.md``, ``.fr.csv``, ``.fr.png``; and
    ``html/projection.html`` and ``projection.fr.html``.
    """
    charts = {lang: fan_chart(projection, lang) for lang in ("en", "fr")}
    return {
        "reports/projection.md": _report(projection, "en").encode("utf-8"),
        "reports/projection.fr.md": _report(projection, "fr").encode("utf-8"),
        "reports/projection.csv": render(projection_rows(projection), "csv").encode("utf-8"),
        "reports/projection.fr.csv": render(french_columns(projection_rows(projection, "fr")), "csv", lang="fr").encode("utf-8"),
        "reports/projection.json": (json.dumps(projection.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "reports/projection.png": charts["en"],
        "reports/projection.fr.png": charts["fr"],
        "html/projection.html": projection_page(projection, "en", charts["en"]).encode("utf-8"),
        "html/projection.fr.html": projection_page(projection, "fr", charts["fr"]).encode("utf-8"),
    }
