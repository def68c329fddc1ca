"""The observed data's outputs: its tables (CSV, JSON) with labels, a report in words, and a flow chart (PNG).

Everything here reads `graph.observe.published.Published`, so every number is past the joint disclosure control;
the tables name positions, levels, streams and rules by their labels, never by internal ids. When the data set is
synthetic, every title says so and every row of every table has a ``data`` column that says ``synthetic``; when its
threshold is below the Government of Canada's, every row says that too.

Examples
--------
>>> title("Observed flows", {"synthetic": True})
'Observed flows (synthetic)'
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graph.i18n import named, number, percent, text
from graph.observe.hits import HIT_K, hit_rates
from graph.observe.ingest import GC_THRESHOLD
from graph.observe.levels import Classification
from graph.observe.published import Published
from graph.tables import render

if TYPE_CHECKING:
    from graph.mobility.facts import Facts
    from graph.mobility.moves import MobilityModel

__all__ = ["KIND_COLOURS", "column", "flow_chart", "observed_report", "observed_tables", "title"]

KIND_COLOURS = {
    "promotion": "#1971c2",
    "appointment": "#7b2d8b",
    "deployment": "#2b8a3e",
    "acting-start": "#e8590c",
    "demotion": "#c2255c",
    "hire": "#0b7285",
    "departure": "#868e96",
}
"""One colour per kind of move, for the flow chart and the overlay page."""
ACTION_WORDS = {
    "promotion": "promotion",
    "appointment": "appointment (EX)",
    "deployment": "deployment",
    "acting-start": "acting appointment",
    "demotion": "demotion",
    "hire": "hire",
    "departure": "departure",
}
ACTION_WORDS_FR = {
    "promotion": text("fr", "move_promotion"),
    "appointment": "nomination (EX)",
    "deployment": text("fr", "move_deployment"),
    "acting-start": text("fr", "move_acting appointment"),
    "demotion": text("fr", "move_demotion"),
    "hire": "embauche",
    "departure": "départ",
}
"""The kinds of action in French: the Government of Canada's terms (mutation, nomination intérimaire, rétrogradation) as
the interface words them (`graph.i18n`, tested equal to the graph's official French terms)."""


def title(text: str, dataset: dict[str, Any], lang: str = "en") -> str:
    """``text``, marked "(synthetic)" ("(synthétique)" in French) when the data set is."""
    return f"{text} ({'synthétique' if lang == 'fr' else 'synthetic'})" if dataset.get("synthetic") else text


class _Labels:
    """Labels for the ids of the graph: positions, levels, streams, rules; ``""`` is outside. In French, by ``names``."""

    def __init__(self, facts: Facts, lang: str = "en", names: dict[str, str] | None = None) -> None:
        self.names = {
            **{pid: p.label for pid, p in facts.positions.items()},
            **{lvl: v.label for lvl, v in facts.levels.items()},
            **{s: v.label for s, v in facts.streams.items()},
            **{r: v.label for r, v in facts.rules.items()},
            "": "extérieur" if lang == "fr" else "outside",
        }
        if lang == "fr":
            self.names |= {key: names[key] for key in self.names if names and key in names}

    def __call__(self, key: str | None) -> str:
        return "" if key is None else self.names.get(key, key)


ALL_STREAMS = {"en": "all streams", "fr": "tous les volets"}
"""The ``stream`` of a rate over every stream."""


def column(key: str, lang: str) -> str:
    """An observed table's column in ``lang`` (a column that names a number of years or of positions too).

    >>> column("still in level after 2 years", "fr"), column("people", "fr")
    ('toujours au niveau après 2 ans', 'personnes')
    """
    if lang == "en":
        return key
    still = re.fullmatch(r"still in level after (\S+) years?", key)
    if still:
        return f"toujours au niveau après {still.group(1)} an{'s' if still.group(1) != '1' else ''}"
    top = re.fullmatch(r"next position in reach's top (\d+)", key)
    if top:
        return f"prochain poste parmi les {top.group(1)} premiers de « careers reach »"
    return named(lang, "observed_column_", key)


def observed_tables(
    data: Published, facts: Facts, model: MobilityModel | None = None, lang: str = "en", names: dict[str, str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every published table, its rows labelled (``data: synthetic`` on each row of a synthetic data set).

    With the mobility ``model``, also the hit rates of skills first on the published moves (`graph.observe.hits`). With
    ``lang="fr"`` the values are French, things named by ``names`` (the graph's French labels); the keys stay English
    (`column` words them).
    """
    french = lang == "fr"
    name = _Labels(facts, lang, names)
    words = ACTION_WORDS_FR if french else ACTION_WORDS
    marks: dict[str, object] = {}
    if data.synthetic:
        marks["data"] = "synthétique" if french else "synthetic"
    if data.threshold < GC_THRESHOLD:
        below = (
            f"sous le seuil de {GC_THRESHOLD} du gouvernement du Canada" if french else f"below the Government of Canada's {GC_THRESHOLD}"
        )
        marks["disclosure threshold"] = f"{data.threshold} ({below})"
    no_rule = "aucune règle de dotation" if french else "no staffing rule"
    positions_at: dict[str, int] = defaultdict(int)
    for p in facts.positions.values():
        positions_at[p.level] += 1
    last = max((s.year for s in data.pyramid), default=None)
    times = sorted({t for s in data.survival for t in s.still_in_level})  # every row has every column: a table, not ragged rows
    tables: dict[str, list[dict[str, Any]]] = {
        "observed-flows": [
            {"move": words[f.action], "from": name(f.source), "to": name(f.target), "people": f.count,
             "allowed by": "" if f.allowed_by is None else name(f.allowed_by) or no_rule}
            for f in data.flows
        ],
        "observed-flows-by-year": [
            {"year": f.year, "move": words[f.action], "from level": name(f.source), "to level": name(f.target), "people": f.count}
            for f in data.yearly
        ],
        "observed-pyramid": [{"year": s.year, "level": name(s.level), "people (nearest ten)": s.people} for s in data.pyramid],
        "observed-bottlenecks": [
            {"level": name(s.level), "people (nearest ten)": s.people, "positions in the graph": positions_at.get(s.level, 0),
             "people per position": round(s.people / positions_at[s.level], 1) if positions_at.get(s.level) else None}
            for s in data.pyramid if s.year == last
        ],
        "observed-rates": [
            {"level": name(r.level), "stream": name(r.stream) if r.stream else ALL_STREAMS[lang], "move": words[r.action],
             "moves": r.moves, "person-years at risk": r.person_years, "rate per person-year": r.rate,
             "95% low": r.low, "95% high": r.high}
            for r in data.rates
        ],
        "observed-time-in-level": [
            {"level": name(s.level), "spells": s.spells, "promotions": s.promotions, "median years before promotion": s.median_years,
             **{f"still in level after {t:g} year{'s' if t != 1 else ''}": s.still_in_level.get(t) for t in times}}
            for s in data.survival
        ],
        "observed-between-streams": [{"from stream": name(s.source), "to stream": name(s.target), "moves": s.count} for s in data.streams],
        "observed-against-structure": [
            {"kind of move": _kind(s.kind, lang), "moves": s.moves, "allowed by a staffing rule": s.allowed,
             "share allowed": round(s.allowed / s.moves, 3) if s.moves and s.allowed is not None else None}
            for s in data.structure
        ],
    }  # fmt: skip
    if model is not None:
        every = "tous les déplacements entre postes" if french else "all moves between positions"
        tables["observed-reach-hits"] = [
            {"move": words.get(h.action, every), "moves": h.moves,
             f"next position in reach's top {HIT_K}": h.reach_hits, "share (reach)": h.shares()[0],
             "promotion in the same stream": h.baseline_hits, "share (baseline)": h.shares()[1]}
            for h in hit_rates(data.flows, facts, model)
        ]  # fmt: skip
    return {key: [{**marks, **row} for row in rows] for key, rows in tables.items()}


def _kind(kind: str, lang: str) -> str:
    """A kind of move the model knows, in ``lang`` (``mutation``)."""
    try:
        return text(lang, "move_" + kind) if lang != "en" else kind
    except KeyError:
        return kind


def observed_report(data: Published, facts: Facts, model: MobilityModel, names: dict[str, str] | None = None) -> dict[str, bytes]:
    """``reports/observed.md`` and every observed table as CSV and JSON, and the same in French.

    ``observed.fr.md``, ``observed-*.fr.csv`` with French columns and ``observed-*.fr.json`` with French values, things
    named by ``names`` (the graph's French labels).
    """
    from graph.mobility.report import _md_table  # the report's own Markdown tables

    files: dict[str, bytes] = {}
    for lang in ("en", "fr"):
        tables = observed_tables(data, facts, model, lang, names)
        suffix = "" if lang == "en" else f".{lang}"
        for name, rows in tables.items():
            shown = [{column(k, lang): v for k, v in row.items()} for row in rows]
            files[f"reports/{name}{suffix}.csv"] = render(shown, "csv", lang=lang).encode("utf-8")
            files[f"reports/{name}{suffix}.json"] = (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

        def table(rows: list[dict[str, Any]], lang: str = lang) -> str:
            return _md_table([{column(k, lang): v for k, v in row.items()} for row in rows], lang)

        files[f"reports/observed{suffix}.md"] = _report(data, facts, model, tables, lang, names, table).encode("utf-8")
    return files


def _report(
    data: Published,
    facts: Facts,
    model: MobilityModel,
    tables: dict[str, list[dict[str, Any]]],
    lang: str,
    names: dict[str, str] | None,
    table: Callable[[list[dict[str, Any]]], str],
) -> str:
    """The observed data's report in ``lang``: its findings in words, then the tables that bear them out."""
    french = lang == "fr"

    def say(key: str, **values: object) -> str:
        return text(lang, "observed_" + key, **values)

    d = data.dataset
    label = _Labels(facts, lang, names)
    words = ACTION_WORDS_FR if french else ACTION_WORDS
    stated_never = _stated_never_observed(data, model)
    structure = {s.kind: s for s in data.structure}
    below = say("below_gc", threshold=GC_THRESHOLD) if data.threshold < GC_THRESHOLD else ""
    findings = [
        say("data", actions=number(d["actions"], lang), people=number(d["people"], lang), start=d["start"], end=d["end"],
            synthetic=say("data_synthetic") if data.synthetic else "", fiscal=say("data_fiscal") if d.get("fiscal_year") else "",
            checksum=d["checksum"][:16]),
        say("disclosure", threshold=data.threshold, below=below, withheld=number(data.withheld, lang), figures=number(data.figures, lang),
            at_risk=data.at_risk),
        _against_structure(structure, lang),
        say("stated_never", count=len(stated_never), threshold=data.threshold) if stated_never else say("stated_never_none"),
    ]  # fmt: skip
    if d.get("titles_unmapped"):
        moves = say("unmapped_moves", count=number(data.unmapped, lang)) if data.unmapped is not None else say("unmapped_withheld")
        findings.append(say("unmapped", count=len(d["titles_unmapped"]), moves=moves))
    findings.append(_hits_finding(tables["observed-reach-hits"], lang))
    ladder = Classification.of(facts)
    career = sorted((lv for lv in ladder.order if lv not in ladder.executive), key=ladder.rank)
    for s in data.survival:  # the levels between the first and the top of the career ladder (IT-02 .. IT-04)
        if s.median_years is not None and s.level in career[1:-1]:
            years = str(s.median_years).replace(".", ",") if french else s.median_years
            findings.append(say("time", level=label(s.level), years=years))
    surprises = sorted((f for f in data.flows if f.allowed_by == ""), key=lambda f: -f.count)[:10]
    sections = [
        f"# {title(say('report_title'), d, lang)}\n",
        "\n".join(f"- {f}" for f in findings) + "\n",
        say("chart") + "\n",
        say("surprises") + "\n",
        table([{"move": words[f.action], "from": label(f.source), "to": label(f.target), "people": f.count} for f in surprises]),
        "\n" + say("stated_heading") + "\n",
        table([{"from": label(a), "to": label(b)} for a, b in stated_never]),
        "\n" + say("time_heading") + "\n",
        table(tables["observed-time-in-level"]),
        "\n" + say("rates_heading") + "\n",
        table([r for r in tables["observed-rates"] if r["stream"] == ALL_STREAMS[lang]]),
        "\n" + say("pyramid_heading") + "\n",
        table(tables["observed-bottlenecks"]),
        "\n" + say("hits_heading", k=HIT_K) + "\n",
        table(tables["observed-reach-hits"]),
        "\n" + say("streams_heading") + "\n",
        table(sorted(tables["observed-between-streams"], key=lambda r: -r["moves"])[:30]),
        "\n" + say("titles_heading") + "\n",
        table([{"title": t["title"], "level": label(t["level"])} for t in d.get("titles_unmapped", [])]),
        "\n" + say("files") + "\n",
    ]
    return "\n".join(sections)


def _hits_finding(rows: list[dict[str, Any]], lang: str = "en") -> str:
    if not rows or not rows[0]["moves"]:
        return text(lang, "observed_hits_none")
    row = rows[0]
    return text(
        lang,
        "observed_hits",
        moves=number(row["moves"], lang),
        reach=percent(row["share (reach)"], lang),
        k=HIT_K,
        baseline=percent(row["share (baseline)"], lang),
    )


def _against_structure(structure: dict[str, Any], lang: str = "en") -> str:
    known = [s for s in structure.values() if s.moves]
    if not known:
        return text(lang, "observed_structure_none")
    parts = [
        text(lang, "observed_structure_allowed", kind=_kind(s.kind, lang), allowed=number(s.allowed, lang), moves=number(s.moves, lang))
        if s.allowed is not None
        else text(lang, "observed_structure_withheld", kind=_kind(s.kind, lang), moves=number(s.moves, lang))
        for s in known
    ]
    return text(lang, "observed_structure", parts=("\u00a0; " if lang == "fr" else "; ").join(parts))


def _stated_never_observed(data: Published, model: MobilityModel) -> list[tuple[str, str]]:
    seen = {(f.source, f.target) for f in data.flows if f.action in ("promotion", "appointment")}
    stated = sorted(
        {(m.source, m.target) for n in model.nodes for m in model.explicit_moves(n) if m.basis == "stated" and m.kind == "promotion"}
    )
    return [pair for pair in stated if pair not in seen and pair[0] in model.nodes and model.nodes[pair[0]].kind == "position"]


def flow_chart(data: Published, facts: Facts, lang: str = "en") -> bytes:
    """A flow diagram of the published moves between levels, all years, one colour per kind of move, as PNG bytes (in ``lang``)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path as MPath

    levels = sorted({lv for f in data.yearly for lv in (f.source, f.target) if lv}, key=Classification.of(facts).rank)
    bands: dict[tuple[str, str, str], int] = defaultdict(int)
    for f in data.yearly:
        if f.source and f.target:
            bands[(f.source, f.target, f.action)] += f.count  # a sum of published counts, not a new figure
    total = sum(bands.values()) or 1
    out_side = {lv: sum(v for (a, _, _), v in bands.items() if a == lv) for lv in levels}
    in_side = {lv: sum(v for (_, b, _), v in bands.items() if b == lv) for lv in levels}
    y0, y = {}, 0.0
    for lv in levels:
        y0[lv] = y
        y += max(out_side[lv], in_side[lv]) / total + 0.03
    fig = Figure(figsize=(8, 6), dpi=110, layout="constrained")
    ax = fig.subplots()
    out_pos = dict.fromkeys(levels, 0.0)
    in_pos = dict.fromkeys(levels, 0.0)
    for lv in levels:
        name = facts.level_label(lv)
        ax.add_patch(Rectangle((0, y0[lv]), 0.05, out_side[lv] / total, color="#26374a"))
        ax.add_patch(Rectangle((0.95, y0[lv]), 0.05, in_side[lv] / total, color="#26374a"))
        ax.text(-0.02, y0[lv] + out_side[lv] / total / 2, name, ha="right", va="center", fontsize=8)
        ax.text(1.02, y0[lv] + in_side[lv] / total / 2, name, ha="left", va="center", fontsize=8)
    curve = [MPath.CURVE4] * 3
    codes = [MPath.MOVETO, *curve, MPath.LINETO, *curve, MPath.CLOSEPOLY]
    for (a, b, action), v in sorted(bands.items(), key=lambda item: (levels.index(item[0][0]), levels.index(item[0][1]), item[0][2])):
        h = v / total
        ya, yb = y0[a] + out_pos[a], y0[b] + in_pos[b]
        out_pos[a] += h
        in_pos[b] += h
        verts = [(0.05, ya), (0.5, ya), (0.5, yb), (0.95, yb), (0.95, yb + h), (0.5, yb + h), (0.5, ya + h), (0.05, ya + h), (0.05, ya)]
        ax.add_patch(PathPatch(MPath(verts, codes), color=KIND_COLOURS[action], alpha=0.45, lw=0))
    shown = sorted({action for (_, _, action) in bands}, key=list(KIND_COLOURS).index)
    handles = [Rectangle((0, 0), 1, 1, color=KIND_COLOURS[a], alpha=0.6) for a in shown]
    ax.legend(
        handles,
        [(ACTION_WORDS_FR if lang == "fr" else ACTION_WORDS)[a] for a in shown],
        loc="lower center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=4,
        fontsize=8,
        frameon=False,
    )
    ax.set_xlim(-0.25, 1.25)
    ax.set_ylim(y + 0.02, -0.02)
    ax.axis("off")
    ax.set_title(title(text(lang, "observed_chart_title"), data.dataset, lang))
    from graph.mobility.report import _png

    return _png(fig)
