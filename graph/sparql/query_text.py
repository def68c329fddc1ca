"""Where a query's text comes from: the name of a named query, ``@file.rq``, or the text itself.

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
from graph.paths import named_queries

__all__ = ["query_question", "query_text"]


def query_text(spec: str) -> str:
    """The text of a query given as the name of a named query, ``@path/to/file.rq``, or the query itself."""
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else None
            raise InputFileError(str(path), f"cannot read the query: {reason or exc}") from None
    named = named_queries()
    return named[spec].read_text(encoding="utf-8") if spec in named else spec


def query_question(path: Path, lang: str = "en") -> str:
    """The question a named query answers, from its ``# Question:`` header (``# Question (fr):`` in French, else English)."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for language, header in (("en", "# Question:"), ("fr", "# Question (fr):")):
            if line.startswith(header):
                found.setdefault(language, line.removeprefix(header).strip())
    return found.get(lang) or found.get("en", "")
