"""The package's import graph: no cycle, and the layers import downward only."""

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


def test_the_libraries_never_import_the_build_or_the_commands():
    G = import_graph()
    top = {"graph.build", "graph.cli", "graph.__main__"} | {m for m in G if m.startswith("graph.commands")}
    libraries = ("graph.mobility", "graph.sparql", "graph.viz", "graph.observe", "graph.built", "graph.load", "graph.derive")
    for module in G:
        if module.startswith(libraries):
            assert not (set(G.successors(module)) & top), module


def test_the_walk_sees_lazy_imports():
    assert ("graph.build", "graph.mobility.analysis") in import_graph().edges  # imported inside a function
