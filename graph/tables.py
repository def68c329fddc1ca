r"""Print rows for people or for scripts: an aligned terminal table, CSV or JSON.

Examples
--------
>>> print(render([{"a": 1, "b": "x"}, {"a": 22, "b": None}], "table"))
a   b
--  -
1   x
22
>>> render([{"a": 1}], "csv")
'a\r\n1\r\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from graph.i18n import listing

__all__ = ["FORMATS", "cell", "render"]

FORMATS = ("table", "csv", "json")


def cell(value: object, lang: str = "en") -> str:
    """A value as a cell: lists joined, numbers with two decimals, in ``lang``'s typography (``0,18``, « oui »)."""
    french = lang == "fr"
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return listing((cell(v, lang) for v in value), lang)
    if isinstance(value, bool) and french:
        return "oui" if value else "non"
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",") if french else f"{value:.2f}"
    return str(value)


def render(
    rows: Sequence[dict[str, Any]], fmt: str = "table", columns: Sequence[str] | None = None, *, width: int = 70, lang: str = "en"
) -> str:
    """Render ``rows`` (dicts with the same keys) as ``table``, ``csv`` or ``json`` (cells in ``lang``'s typography)."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([cell(row.get(c), lang) for c in columns] for row in rows)
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    cells = [[cell(row.get(c), lang) for c in columns] for row in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in line] for line in cells]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells]
    return "\n".join(lines)
