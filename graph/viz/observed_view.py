"""The observed moves on the career map: the rule-allowed moves faded, the published observed flows drawn by width of count."""

from __future__ import annotations

from graph.mobility.facts import Facts
from graph.mobility.moves import MobilityModel
from graph.viz.career_map import career_map
from graph.viz.data import KnowledgeGraph
from graph.viz.i18n import text
from graph.viz.page import View
from graph.viz.style import edge_info, label_of

__all__ = ["OBSERVED_COLOUR", "observed_map"]

OBSERVED_COLOUR = "#e8590c"


def observed_map(facts: Facts, model: MobilityModel, lang: str, labels: dict[str, str], data, kg: KnowledgeGraph | None = None) -> View:
    """The career map with ``data``'s published flows, pooled over the years (`graph.observe.outputs.ObservedData`)."""
    synthetic = bool(data.dataset.get("synthetic"))
    view = career_map(facts, model, lang, labels, title=text(lang, "observed_title" + ("_synthetic" if synthetic else "")), kg=kg)
    view.slug = "observed-flows"
    view.description = text(lang, "observed_description", threshold=data.threshold)
    for edge in view.network.edges:
        edge["color"] = "#e9ecef"
    english = {n: d["label"] for n, d in model.nodes.items()}
    flows = [r for r in data.tables["observed-flows-all-years"] if r["count"] and r["from"] in model.nodes and r["to"] in model.nodes]
    top = max((r["count"] for r in flows), default=1)
    for r in flows:
        edge_id = f"{r['from']}|{r['to']}|observed-{r['action']}"
        view.network.add_edge(
            r["from"], r["to"], id=edge_id, color=OBSERVED_COLOUR, width=round(1 + 9 * r["count"] / top, 2), kind="observed"
        )
        view.edge_details[edge_id] = edge_info(
            label_of(labels, english, r["from"]),
            label_of(labels, english, r["to"]),
            f"{text(lang, 'observed_kind')}: {r['action']}",
            basis="observed",
            evidence=text(lang, "observed_count", count=r["count"], synthetic=text(lang, "synthetic") if synthetic else ""),
        )
    view.legend = [*view.legend, ("solid", OBSERVED_COLOUR, text(lang, "observed_kind"))]
    view.edge_filters = [("observed", text(lang, "observed_kind"), True), *((k, label, False) for k, label, _ in view.edge_filters)]
    return view
