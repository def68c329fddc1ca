"""Disclosure control over every published figure at once: joint cell suppression, proven by a linear-programming attack.

The published tables are margins of one another (a year's flows add up to the pooled flows, flows move the pyramid,
rates add flows of a stream ...), so a count suppressed in one table can be recovered from the others by
subtraction. Here every published figure is a linear form over the same finest cells (`Figure`), the true
relations between those cells are stated (`Relation`), and:

1. **primary suppression**: every figure about fewer than ``threshold`` people (and more than none) is withheld;
2. **the audit** (`audit`): an attacker who knows every published figure, every relation, and that counts are
   never negative computes, for each withheld figure, the smallest and largest value it can take (two linear
   programs, solved by HiGHS). A withheld figure whose interval is narrower than ``threshold`` is *at risk*;
3. **complementary suppression**: for each figure at risk, the smallest published figure that shares a relation
   with it is withheld too; the audit runs again, until no figure is at risk.

This is the audit that tau-ARGUS runs on linked tables (the attacker's linear program), applied to every table we
publish together. Figures published rounded (to the nearest ten) enter the audit as intervals.

Examples
--------
>>> cells = {"a": 25, "b": 3, "c": 14}
>>> figures = [Figure(("cell", k), v, ((k, 1),)) for k, v in cells.items()] + [Figure(("total",), 42, (("a", 1), ("b", 1), ("c", 1)))]
>>> shown = protect(figures, cells, [], threshold=10)
>>> [shown.published[f.key] for f in figures]
[25, None, None, 42]
>>> shown.at_risk
[]
"""

from __future__ import annotations

import collections
import math
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

__all__ = ["Audit", "Figure", "Protection", "Relation", "audit", "protect", "rounded"]

_POINTS = 64
"""How many of the last solutions found are kept to spare linear programs (`_Attacker.audit`)."""

T = TypeVar("T")
Term = tuple[Hashable, int]
"""A cell and its coefficient in a linear form."""
Key = tuple[Any, ...]
"""A published figure's key (``("flows", action, from, to)``)."""


@dataclass(frozen=True)
class Figure:
    """A published figure: its key, its true value, and the linear form over cells it is (``rounded``: shown to the nearest ten)."""

    key: Key
    value: int
    terms: tuple[Term, ...]
    rounded: bool = False


@dataclass(frozen=True)
class Relation:
    """A relation between cells that holds in the data, known to anyone: ``lower <= sum of terms <= upper``."""

    terms: tuple[Term, ...]
    lower: float = 0.0
    upper: float = 0.0


@dataclass
class Audit:
    """What the attacker can learn: each withheld figure's feasible interval, and those narrower than the threshold."""

    intervals: dict[Key, tuple[float | None, float]] = field(default_factory=dict)
    at_risk: list[Key] = field(default_factory=list)


@dataclass
class Protection:
    """The value published for each figure (None: withheld; rounded figures to the nearest ten) and the final audit."""

    published: dict[Key, int | None]
    audit: Audit
    rounds: int = 0

    @property
    def at_risk(self) -> list[Key]:
        """The withheld figures an attacker could still narrow below the threshold (empty once protected)."""
        return self.audit.at_risk


def rounded(value: int) -> int:
    """``value`` to the nearest ten, halves up (the interval of a published ``r`` is ``r - 5 .. r + 4``).

    >>> rounded(14), rounded(15), rounded(10)
    (10, 20, 10)
    """
    return (value + 5) // 10 * 10


def protect(figures: list[Figure], cells: dict[Hashable, int], relations: Iterable[Relation], *, threshold: int) -> Protection:
    """Withhold the figures below ``threshold`` and enough others that no withheld figure can be narrowed below it.

    ``cells`` are the true values of the finest cells (those absent are zero, and the attacker is assumed to know
    it); ``relations`` the further truths about them. Deterministic: ties are broken by the figures' keys.
    """
    figures = sorted(figures, key=lambda f: str(f.key))  # whatever order they came in, the same choices
    relations = sorted(relations, key=lambda r: str(sorted(r.terms, key=str)))
    withheld = {f.key for f in figures if 0 < f.value < threshold}
    index = _Neighbours(figures, relations)
    attacker = _Attacker(figures, cells, relations)
    attacker.withhold(withheld)
    to_check = set(withheld)  # withholding more only widens intervals: a figure found safe stays safe
    rounds = 0
    while to_check:
        rounds += 1
        result = attacker.audit(to_check, threshold)
        if not result.at_risk:
            break
        added = {other for key in result.at_risk for other in index.complements(key, withheld)}
        if not added:  # no complement left: every figure touching their cells, then every figure tied to them, then all
            for wider in (index.touching, index.tied, lambda _: index.figures):
                added = {key for risky in result.at_risk for key in wider(risky) if key not in withheld}
                if added:
                    break
            else:
                break  # pinned by the relations alone: nothing published gives it away (the audit below says so)
        withheld |= added
        attacker.withhold(added)
        to_check = set(result.at_risk) | added
    published = {f.key: (None if f.key in withheld else rounded(f.value) if f.rounded else f.value) for f in figures}
    final = audit(figures, cells, relations, withheld, threshold=threshold)  # the proof: a fresh attacker, every withheld figure
    return Protection(published, final, rounds)


class _Neighbours:
    """Which figures share cells, directly or through a relation or a margin: where complements are looked for."""

    def __init__(self, figures: list[Figure], relations: list[Relation]) -> None:
        self.figures = {f.key: f for f in figures}
        self.cells = {f.key: {c for c, _ in f.terms} for f in figures}
        self.by_cell: dict[Hashable, list[Key]] = defaultdict(list)
        self.fixing: dict[Hashable, list[Key]] = defaultdict(list)  # cell -> the one-cell figures that publish it
        for f in figures:
            for cell in self.cells[f.key]:
                self.by_cell[cell].append(f.key)
            if len(f.terms) == 1 and f.terms[0][1] == 1 and not f.rounded:
                self.fixing[f.terms[0][0]].append(f.key)
        self.ties: list[tuple[set[Hashable], Key | None]] = [({c for c, _ in r.terms}, None) for r in relations]
        self.ties += [(self.cells[f.key], f.key) for f in figures if len(f.terms) > 1]
        self.ties_by_cell: dict[Hashable, list[int]] = defaultdict(list)
        for i, (cells, _) in enumerate(self.ties):
            for cell in cells:
                self.ties_by_cell[cell].append(i)
        self._ranked: dict[int, list[Key]] = {}  # per tie, its figures best complement first

    def touching(self, key: Key) -> set[Key]:
        """The figures sharing a cell with figure ``key``."""
        return {other for cell in self.cells[key] for other in self.by_cell[cell]}

    def tied(self, key: Key) -> set[Key]:
        """The figures on any cell of a relation or margin that holds a cell of figure ``key``."""
        ties = {i for cell in self.cells[key] for i in self.ties_by_cell[cell]}
        return {other for i in ties for cell in self.ties[i][0] for other in self.by_cell[cell]}

    def complements(self, key: Key, withheld: set[Key]) -> set[Key]:
        """What to withhold so that figure ``key`` is no longer pinned.

        In each relation or published margin that holds no unknown cell but ``key``'s, its smallest published figure
        (a finest cell first); where none is such, the same in the tie with the fewest unknowns that has one.
        """
        own = self.cells[key]
        ties = sorted({i for cell in own for i in self.ties_by_cell[cell] if self.ties[i][1] is None or self.ties[i][1] not in withheld})
        unknowns = {i: sum(1 for cell in self.ties[i][0] - own if self._unknown(cell, withheld)) for i in ties}
        found = set()
        for i in [i for i in ties if unknowns[i] == 0]:
            entry = self._best(i, key, withheld)
            if entry is not None:
                found.add(entry[-1])
        if not found:  # pinned by several ties together: the best figure of the tie with the fewest unknowns that has one
            entry = next(filter(None, (self._best(i, key, withheld) for i in sorted(ties, key=lambda i: (unknowns[i], i)))), None)
            entry = entry or self._first(self._rank(own), key, withheld)
            if entry is not None:
                found.add(entry[-1])
        return found

    def _best(self, tie: int, key: Key, withheld: set[Key]) -> Key | None:
        if tie not in self._ranked:
            self._ranked[tie] = self._rank(self.ties[tie][0])
        return self._first(self._ranked[tie], key, withheld)

    def _unknown(self, cell: Hashable, withheld: set[Key]) -> bool:
        return all(k in withheld for k in self.fixing.get(cell, ()))

    def _rank(self, cells: Iterable[Hashable]) -> list[Key]:
        """The figures on ``cells`` with a count, as (margin?, value, key text, key), best complement first."""
        keys = {other for cell in cells for other in self.by_cell[cell]}
        return sorted((len(f.terms) > 1, f.value, str(f.key), f.key) for f in map(self.figures.__getitem__, keys) if f.value > 0)

    @staticmethod
    def _first(ranked: list[Key], key: Key, withheld: set[Key]) -> Key | None:
        return next((entry for entry in ranked if entry[-1] not in withheld and entry[-1] != key), None)


def audit(
    figures: list[Figure],
    cells: dict[Hashable, int],
    relations: list[Relation],
    withheld: set[Key],
    *,
    threshold: int,
    targets: set[Key] | None = None,
) -> Audit:
    """The attacker's linear programs: the least and greatest value of each withheld figure (of ``targets``, default all).

    Each is consistent with everything published and every relation. A withheld figure is at risk when its interval is
    narrower than ``threshold``. The true values are one consistent answer, so a figure whose greatest value exceeds its
    true one by ``threshold`` is safe without computing the least (its interval shows as ``(None, greatest)``).
    """
    attacker = _Attacker(figures, cells, relations)
    attacker.withhold(withheld)
    return attacker.audit(withheld if targets is None else targets & withheld, threshold)


class _Attacker:
    """One linear program over the nonzero cells, kept across rounds: withholding a figure only widens bounds.

    A published figure of one cell fixes that cell's column; any other published figure is a row held at its value (a
    rounded one, within its interval). Withholding frees the column or relaxes the row, so the last basis stays
    feasible and each solve goes on from it (HiGHS's primal simplex, warm-started).
    """

    def __init__(self, figures: list[Figure], cells: dict[Hashable, int], relations: list[Relation]) -> None:
        import highspy

        self.highspy = highspy
        self.figures = {f.key: f for f in figures}
        self.column = {c: i for i, c in enumerate(sorted((c for c, v in cells.items() if v), key=str))}
        self.fixing: dict[int, set[Key]] = defaultdict(set)  # column -> the published figures that fix it
        self.row_of: dict[Key, int] = {}
        starts, index, values, lower, upper = [0], [], [], [], []

        def add_row(terms: Iterable[Term], low: float, high: float) -> int:
            entries: dict[int, float] = defaultdict(float)
            for cell, coefficient in terms:
                if cell in self.column:
                    entries[self.column[cell]] += coefficient
            for i, v in entries.items():
                if v:
                    index.append(i)
                    values.append(v)
            starts.append(len(index))
            lower.append(low)
            upper.append(high)
            return len(lower) - 1

        for relation in relations:
            add_row(relation.terms, relation.lower, relation.upper)
        for f in figures:
            if len(f.terms) == 1 and f.terms[0][1] == 1 and not f.rounded:
                if f.terms[0][0] in self.column:
                    self.fixing[self.column[f.terms[0][0]]].add(f.key)
            elif f.rounded:
                shown = rounded(f.value)
                self.row_of[f.key] = add_row(f.terms, shown - 5, shown + 4)
            else:
                self.row_of[f.key] = add_row(f.terms, f.value, f.value)
        values_of = np.array([cells[c] for c in self.column], dtype=np.double)
        h = _quiet(highspy.Highs)
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("presolve", "off")  # each solve starts from the last basis: a new objective keeps it feasible,
        h.setOptionValue("simplex_strategy", 4)  # so the primal simplex goes on from there (seven times faster than the default)
        lp = highspy.HighsLp()
        lp.num_col_ = len(self.column)
        lp.num_row_ = len(lower)
        lp.col_cost_ = np.zeros(len(self.column))
        fixed = np.array([i in self.fixing for i in range(len(self.column))], dtype=bool)
        lp.col_lower_ = np.where(fixed, values_of, 0.0)
        lp.col_upper_ = np.where(fixed, values_of, highspy.kHighsInf)
        lp.row_lower_ = np.array(lower, dtype=np.double)
        lp.row_upper_ = np.array(upper, dtype=np.double)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(values, dtype=np.double)
        h.passModel(lp)
        self.h = h
        self._costed = np.zeros(0, dtype=np.int32)  # the columns the objective has a cost on now
        self.points: collections.deque[Any] = collections.deque(maxlen=_POINTS)  # solutions found: feasible for good

    def withhold(self, keys: Iterable[Key]) -> None:
        """Take the figures ``keys`` out of what the attacker knows."""
        h, inf = self.h, self.highspy.kHighsInf
        for key in sorted(keys, key=str):
            if key in self.row_of:
                h.changeRowBounds(self.row_of[key], -inf, inf)
                continue
            cell = self.figures[key].terms[0][0]
            column = self.column.get(cell)
            if column is not None and key in self.fixing.get(column, ()):
                self.fixing[column].discard(key)
                if not self.fixing[column]:
                    del self.fixing[column]
                    h.changeColBounds(column, 0.0, inf)

    def audit(self, targets: Iterable[Key], threshold: int) -> Audit:
        """The interval of each figure of ``targets`` (withheld ones), and those narrower than ``threshold``.

        Every solution found is a point the attacker cannot rule out, now and after any further withholding; a
        target that such a point already puts ``threshold`` above its true value needs no linear program.
        """
        result = Audit()
        for key in sorted(targets, key=str):
            target = self.figures[key]
            columns: dict[int, float] = defaultdict(float)
            for cell, coefficient in target.terms:
                if cell in self.column:
                    columns[self.column[cell]] += coefficient
            columns = {c: v for c, v in columns.items() if v}
            if not columns:  # only cells known to be zero
                result.intervals[key] = (0.0, 0.0)
                result.at_risk.append(key)
                continue
            index = np.fromiter(columns, dtype=np.int32, count=len(columns))
            cost = np.fromiter(columns.values(), dtype=np.double, count=len(columns))
            if self.points:
                seen = max(float(point[index] @ cost) for point in self.points)
                if seen - target.value >= threshold - 1e-6:
                    result.intervals[key] = (None, seen)
                    continue
            high = -self._least(index, -cost)
            self.points.append(np.asarray(self.h.getSolution().col_value))
            if high - target.value >= threshold - 1e-6:
                result.intervals[key] = (None, high)
                continue
            low = self._least(index, cost)
            result.intervals[key] = (low, high)
            if high - low < threshold - 1e-6:
                result.at_risk.append(key)
        return result

    def _least(self, index: np.ndarray, cost: np.ndarray) -> float:
        """The least value of ``cost`` over the columns ``index`` (warm-started from the last basis); -inf when unbounded."""
        h = self.h
        if len(self._costed):
            h.changeColsCost(len(self._costed), self._costed, np.zeros(len(self._costed)))
        h.changeColsCost(len(index), index, cost)
        self._costed = index
        h.run()
        if h.getModelStatus() == self.highspy.HighsModelStatus.kUnbounded:
            return -math.inf
        return float(h.getInfo().objective_function_value)


def _quiet(make: Callable[[], T]) -> T:
    """``make()`` with the process's standard output closed meanwhile: HiGHS prints a banner from its constructor."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "wb") as null:
        os.dup2(null.fileno(), 1)
        try:
            return make()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
