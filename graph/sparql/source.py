"""Where a query's text and the data to query come from: named queries, ``@file.rq`` or text; built files or a build.

Examples
--------
>>> query_text("role-streams").startswith("# Question: In which streams is each IT role found?")
True
>>> query_text("ASK { ?s ?p ?o }")
'ASK { ?s ?p ?o }'
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import InputFileError
from graph.paths import DEFAULT_OUTPUTS, named_queries

__all__ = ["built_graph", "query_question", "query_text"]


def query_text(spec: str) -> str:
    """The text of a query given as the name of a named query, ``@path/to/file.rq``, or the query itself."""
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputFileError(str(path), f"cannot read the query: {exc.strerror or exc}") from None
    named = named_queries()
    return named[spec].read_text(encoding="utf-8") if spec in named else spec


def query_question(path: Path) -> str:
    """The question a named query answers, from its ``# Question:`` header."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# Question:"):
            return line.removeprefix("# Question:").strip()
    return ""


def built_graph(data: list[Path] | None = None, *, outputs: Path = DEFAULT_OUTPUTS) -> tuple[bytes, str]:
    """The N-Triples to query and where they came from.

    ``data`` names built files to use (``.nt``); by default ``outputs/knowledge-graph.nt`` from
    ``careers build``. Without it, the graph is built in memory (slower), and the origin says so.
    """
    paths = data or [outputs / "knowledge-graph.nt"]
    if all(path.is_file() for path in paths):
        return b"".join(path.read_bytes() for path in paths), ", ".join(map(str, paths))
    if data:
        missing = next(path for path in paths if not path.is_file())
        raise InputFileError(str(missing), "no such file")
    from graph.build import analysed_knowledge_base
    from graph.serialize import serialize

    kb, *_ = analysed_knowledge_base()
    return serialize(kb.g, "nt").encode("utf-8"), "the shipped data, built in memory (run `careers build` to query faster)"
