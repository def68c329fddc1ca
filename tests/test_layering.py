"""The package's import graph: no cycle, and the layers import downward only.

From the top: the commands, the build, the analyses / pages / SPARQL, the core. Each module imports its own layer
or those below it; inside the middle layer the analyses never import pages or the server, and the server (SPARQL)
imports neither pages nor analyses.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "graph"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> nx.DiGraph:
    """Module -> the package's modules it imports (at any depth of its code: lazy imports count too)."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    G = nx.DiGraph()
    G.add_nodes_from(modules)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target not in (name, "graph"):
                    G.add_edge(name, target)
    return G


def test_there_is_no_import_cycle():
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert cycles == []


LAYERS = {
    "commands": ("graph.__main__", "graph.cli", "graph.commands"),
    "build": ("graph.build",),
    "analyses, pages and SPARQL": (
        "graph.mobility", "graph.observe", "graph.project", "graph.viz", "graph.sparql", "graph.coverage", "graph.describe",
        "graph.talent",
    ),
    "core": (
        "graph.load", "graph.derive", "graph.validate", "graph.built", "graph.serialize", "graph.tables", "graph.skills",
        "graph.iris", "graph.namespaces", "graph.vocab", "graph.paths", "graph.errors", "graph.content_policy", "graph.i18n",
        "graph.store",
    ),
}  # fmt: skip
"""The layers, top first (a module belongs to the layer of the longest prefix it matches)."""
NEVER = {
    "graph.sparql": ("graph.viz", "graph.mobility", "graph.observe", "graph.project"),  # the server: no page, no analysis
    "graph.mobility": ("graph.viz", "graph.sparql", "graph.observe", "graph.project"),  # the model: no page, no data of people
    "graph.observe": ("graph.viz", "graph.sparql", "graph.project"),
}
"""Inside the middle layer: who may not import whom."""


def _matches(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layer_of(module: str) -> int:
    """The index in `LAYERS` of ``module``'s layer (0: the top)."""
    found = [(len(p), i) for i, prefixes in enumerate(LAYERS.values()) for p in prefixes if _matches(module, p)]
    assert found, f"{module} belongs to no layer: add it to LAYERS"
    return max(found)[1]


def downward_violations(G: nx.DiGraph) -> list[str]:
    names = list(LAYERS)
    wrong = [f"{a} ({names[layer_of(a)]}) imports {b} ({names[layer_of(b)]})" for a, b in G.edges if layer_of(b) < layer_of(a)]
    for a, b in G.edges:
        for importer, forbidden in NEVER.items():
            if _matches(a, importer) and any(_matches(b, f) for f in forbidden):
                wrong.append(f"{a} imports {b}")
    return sorted(wrong)


def test_every_layer_imports_only_its_own_or_those_below():
    G = import_graph()
    assert downward_violations(G) == []
    # the check fails on what it guards against: the server importing page code (as graph.sparql.app did)
    G.add_edge("graph.sparql.app", "graph.viz.page")
    G.add_edge("graph.load", "graph.build")
    assert downward_violations(G) == [
        "graph.load (core) imports graph.build (build)", "graph.sparql.app imports graph.viz.page",
    ]  # fmt: skip


def test_the_walk_sees_lazy_imports():
    assert ("graph.build", "graph.mobility.analysis") in import_graph().edges  # imported inside a function
