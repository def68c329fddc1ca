"""The built graph: the N-Triples that ``careers build`` wrote, which the commands query and analyse.

This module only reads files; `graph.build.built_graph` falls back to building in memory when the
default outputs are missing.

Examples
--------
>>> read_built([Path("no/such/file.nt")])
Traceback (most recent call last):
...
graph.errors.InputFileError: no/such/file.nt: no such file
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import CareersError, InputFileError
from graph.paths import DEFAULT_OUTPUTS

__all__ = ["GRAPH_FILE", "NotBuilt", "read_built"]

GRAPH_FILE = "knowledge-graph.nt"
"""The built graph's N-Triples file in the outputs folder."""


class NotBuilt(CareersError):
    """The default outputs hold no built graph (run ``careers build``)."""


def read_built(data: list[Path] | None = None, *, outputs: Path = DEFAULT_OUTPUTS) -> tuple[bytes, str]:
    """The N-Triples of the built graph and where they came from.

    ``data`` names built files (``.nt``), read and joined; by default ``outputs/knowledge-graph.nt``.
    Raises `InputFileError` for a named file that is missing, `NotBuilt` when the default one is.
    """
    paths = data or [outputs / GRAPH_FILE]
    missing = next((path for path in paths if not path.is_file()), None)
    if missing is not None:
        if data:
            raise InputFileError(str(missing), "no such file")
        raise NotBuilt(f"{missing} does not exist: run `careers build`")
    return b"".join(path.read_bytes() for path in paths), ", ".join(map(str, paths))
