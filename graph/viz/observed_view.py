"""The observed moves on the career map: the rule-allowed moves faded, the published observed flows drawn by width of count."""

from __future__ import annotations

from graph.i18n import text
from graph.mobility.facts import Facts
from graph.mobility.moves import MobilityModel
from graph.observe.outputs import KIND_COLOURS
from graph.observe.published import Published
from graph.viz.career_map import career_map
from graph.viz.data import KnowledgeGraph
from graph.viz.page import View
from graph.viz.style import edge_info, label_of

__all__ = ["TOP_FLOWS", "observed_map"]

TOP_FLOWS = 15
"""How many of the largest published flows the page lists under its introduction."""


def observed_map(
    facts: Facts, model: MobilityModel, lang: str, labels: dict[str, str], data: Published, kg: KnowledgeGraph | None = None
) -> View:
    """The career map with ``data``'s published flows pooled over the years, one colour per kind (`graph.observe.published.Published`).

    Moves to the same node (a deployment to the same kind of position, in another department) are not drawn: the
    description says how many people made them.
    """
    view = career_map(facts, model, lang, labels, title=text(lang, "observed_title" + ("_synthetic" if data.synthetic else "")), kg=kg)
    view.slug = "observed-flows"
    loops = sum(f.count for f in data.flows if f.source == f.target)
    view.description = text(
        lang, "observed_description", threshold=data.threshold, loops=text(lang, "observed_loops", count=loops) if loops else ""
    )
    for edge in view.network.edges:
        edge["color"] = "#e9ecef"
    english = {n: d.label for n, d in model.nodes.items()}
    flows = [f for f in data.flows if f.source in model.nodes and f.target in model.nodes and f.source != f.target]
    top = max((f.count for f in flows), default=1)
    synthetic = text(lang, "synthetic") if data.synthetic else ""
    for f in flows:
        edge_id = f"{f.source}|{f.target}|observed-{f.action}"
        colour = KIND_COLOURS[f.action]
        view.network.add_edge(f.source, f.target, id=edge_id, color=colour, width=round(1 + 9 * f.count / top, 2), kind="observed")
        view.edge_details[edge_id] = edge_info(
            label_of(labels, english, f.source),
            label_of(labels, english, f.target),
            f"{text(lang, 'observed_kind')}: {text(lang, 'observed_action_' + f.action)}",
            basis="observed",
            evidence=text(lang, "observed_count", count=f.count, synthetic=synthetic),
        )
    largest = sorted(flows, key=lambda f: (-f.count, f.action, f.source, f.target))[:TOP_FLOWS]
    view.listed = [
        text(lang, "observed_top", move=text(lang, "observed_action_" + f.action), source=label_of(labels, english, f.source),
             target=label_of(labels, english, f.target), count=f.count)
        for f in largest
    ]  # fmt: skip
    kinds = sorted({f.action for f in flows}, key=list(KIND_COLOURS).index)
    view.legend = [*view.legend, *(("solid", KIND_COLOURS[k], text(lang, "observed_action_" + k)) for k in kinds)]
    view.edge_filters = [("observed", text(lang, "observed_kind"), True), *((k, label, False) for k, label, _ in view.edge_filters)]
    return view
