"""Where the project's files are: the ontology folder (in a checkout or inside the wheel) and the outputs.

Examples
--------
>>> (ontology_dir() / "careers.ttl").is_file()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_OUTPUTS", "named_queries", "ontology_dir"]

DEFAULT_OUTPUTS = Path("outputs")


def ontology_dir() -> Path:
    """Return the folder holding ``careers.ttl``, ``shapes.ttl``, ``data/``, ``queries/`` and ``sources/``.

    In a wheel it is shipped inside the package as ``graph/ontology``; in a checkout it is ``ontology/``.
    """
    packaged = Path(__file__).resolve().parent / "ontology"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "ontology"


def named_queries() -> dict[str, Path]:
    """The named queries, ``{name: path}``, sorted by name (``it-work-streams`` for ``it-work-streams.rq``)."""
    return {path.stem: path for path in sorted((ontology_dir() / "queries").glob("*.rq"))}
