"""What-if scenarios, read from a small TOML file: changed rates, hiring plans and freezes, retirement waves.

::

    name = "Freeze IT-01 hiring; promote faster from IT-03"

    [[change]]            # a rate: promotion (every move up), demotion (every move down) or departure
    levels = ["IT-03"]
    move = "promotion"
    factor = 1.2          # +20%
    years = [1, 10]       # projected years it applies to (1 is the first); default: all

    [[hires]]             # hires into levels, multiplied (0: a freeze; 2: twice as many)
    levels = ["IT-01"]
    factor = 0
    years = [1, 3]

    [[wave]]              # a retirement wave: a share of each level's people leave, on top of the rates
    levels = ["EX-01", "EX-02"]
    extra = 0.05
    years = [2, 2]

Levels are named as the graph names them (``IT-03``, ``EX-01``) or by id (``level-it-03``). Every error names the
file and what is wrong; TOML's own errors give the line.

Examples
--------
>>> scenario = parse_scenario({"name": "x", "hires": [{"levels": ["IT-01"], "factor": 0}]}, {"IT-01": 0}, 10, "s.toml")
>>> scenario.changes[0]
Change(what='hires', levels=(0,), first=1, last=10, move='', factor=0.0, extra=0.0)
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from graph.errors import CareersError
from graph.project.simulate import Change, Scenario

__all__ = ["ScenarioError", "parse_scenario", "read_scenario"]

_KEYS = {"change": {"levels", "move", "factor", "years"}, "hires": {"levels", "factor", "years"}, "wave": {"levels", "extra", "years"}}
_MOVES = ("promotion", "demotion", "departure")


class ScenarioError(CareersError):
    """A scenario file that cannot be read as one; the message names the file and the entry."""


def read_scenario(path: Path, levels: dict[str, int], years: int) -> Scenario:
    """The scenario in TOML file ``path``; ``levels`` maps each level's names (label and id) to its index."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read it ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not TOML: {exc}") from None
    return parse_scenario(data, levels, years, str(path))


def parse_scenario(data: dict[str, Any], levels: dict[str, int], years: int, where: str) -> Scenario:
    """A `Scenario` from parsed TOML ``data`` (see the module's example); ``where`` names the file in errors."""
    unknown = set(data) - {"name", *_KEYS}
    if unknown:
        raise ScenarioError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; a scenario has name, change, hires and wave")
    changes = []
    for kind, entries in ((k, data.get(k, [])) for k in _KEYS):
        if not isinstance(entries, list):
            raise ScenarioError(f"{where}: {kind} must be a list of tables ([[{kind}]])")
        for number, entry in enumerate(entries, 1):
            place = f"{where}: [[{kind}]] number {number}"
            extra = set(entry) - _KEYS[kind]
            if extra:
                raise ScenarioError(f"{place}: unknown key(s) {', '.join(sorted(extra))}; expected {', '.join(sorted(_KEYS[kind]))}")
            names = entry.get("levels")
            if not isinstance(names, list) or not names:
                raise ScenarioError(f'{place}: levels must be a list of levels, such as ["IT-03"]')
            missing = [name for name in names if str(name) not in levels and str(name).upper() not in levels]
            if missing:
                known = ", ".join(sorted(k for k in levels if not k.startswith("level-")))
                raise ScenarioError(f"{place}: unknown level(s) {', '.join(map(str, missing))}; known: {known}")
            first, last = _years(entry.get("years", [1, years]), years, place)
            indices = tuple(levels[str(n)] if str(n) in levels else levels[str(n).upper()] for n in names)
            if kind == "wave":
                extra_share = _number(entry, "extra", place, 0.0, 1.0)
                changes.append(Change("wave", indices, first, last, extra=extra_share))
                continue
            factor = _number(entry, "factor", place, 0.0, 100.0)
            if kind == "hires":
                changes.append(Change("hires", indices, first, last, factor=factor))
                continue
            move = entry.get("move")
            if move not in _MOVES:
                raise ScenarioError(f"{place}: move must be one of {', '.join(_MOVES)}, not {move!r}")
            changes.append(Change("rate", indices, first, last, move=move, factor=factor))
    name = data.get("name", Path(where).stem)
    return Scenario(str(name), tuple(changes))


def _number(entry: dict[str, Any], key: str, place: str, low: float, high: float) -> float:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ScenarioError(f"{place}: {key} must be a number from {low:g} to {high:g}, not {value!r}")
    return float(value)


def _years(value: object, years: int, place: str) -> tuple[int, int]:
    if (
        not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or not 1 <= value[0] <= value[1]
    ):  # fmt: skip
        raise ScenarioError(f"{place}: years must be [first, last], projected years from 1, not {value!r}")
    return value[0], min(value[1], years)
