"""Map the titles of an export to the graph's positions: a crosswalk first, then the labels in English or French.

Each distinct (title, level) of the records gets a state of the graph: a position of that level, or an EX level,
with the method and a confidence, or stays unmapped (with the closest labels as suggestions) and is counted, never
dropped in silence: its moves still count in every table by level. A **crosswalk** (CSV: ``title``, ``target``,
optionally ``level``) maps an organisation's own titles or classification codes to a position (by id, English or
French label) or to a level alone (``IT-03``; a CS code reads as IT). Without one, a title matches a position's
label (1.0), its stream's name when the stream has one position at the level (0.9), or the one position whose
label holds every word of the title (0.8), in either language, accents and case aside.

Examples
--------
>>> positions = {"p2": Position("IT-02 Analyst, IT Security", "IT-02 analyste, Sécurité", "level-it-02", "IT Security", "Sécurité")}
>>> TitleMap(positions).match("Sécurité", "level-it-02")
Mapping(title='Sécurité', level='level-it-02', state='p2', method='stream at level', confidence=0.9, suggestions=())
>>> TitleMap(positions).match("Plumber", "level-it-02").state is None
True
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from graph.errors import CareersError
from graph.observe.levels import Classification

__all__ = ["Crosswalk", "Mapping", "Position", "TitleMap", "read_crosswalk"]

_STOP = {"it", "ti", "the", "of", "and", "de", "la", "le", "les", "des", "du", "et", "en"}
_CODE = re.compile(r"(IT|CS|EX)-0[1-5]")


@dataclass(frozen=True)
class Position:
    """What title matching knows of a position: its labels (English, French), its level and its stream's names."""

    label: str
    label_fr: str
    level: str
    stream_label: str
    stream_label_fr: str


@dataclass(frozen=True)
class Mapping:
    """A (title, level) of the records and the state it maps to (None: unmapped), how, and how sure."""

    title: str
    level: str
    state: str | None
    method: str
    confidence: float
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Crosswalk:
    """An organisation's titles or codes (folded) mapped to a target: a position id or a level (``level-it-03``), per level or any."""

    targets: dict[tuple[str, str | None], str]
    path: str
    """The crosswalk file it was read from."""


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"\s+", " ", folded).strip()


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", _fold(text).replace("individual contributor", "individual-contributor")) if w not in _STOP}


def read_crosswalk(path: Path, positions: dict[str, Position], levels: Classification) -> Crosswalk:
    """Read a crosswalk CSV (``title``, ``target``, optional ``level``); every target must be a known position or a code.

    A code names a level as ``levels`` reads it (CS is read as IT, as the page says).

    Raises `CareersError` naming the line of a target that is neither.
    """
    by_label = {_fold(p.label): pid for pid, p in positions.items()} | {_fold(p.label_fr): pid for pid, p in positions.items()}
    targets: dict[tuple[str, str | None], str] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CareersError(f"{path}: cannot be read as a crosswalk ({exc})") from None
    if not rows or not {"title", "target"} <= set(rows[0]):
        raise CareersError(f"{path}:1: a crosswalk needs the columns title and target (and may have level)")
    for number, row in enumerate(rows, 2):
        title, target, level = (row.get("title") or "").strip(), (row.get("target") or "").strip(), (row.get("level") or "").strip()
        if not title or not target:
            raise CareersError(f"{path}:{number}: a crosswalk row needs a title and a target")
        if level and not _CODE.fullmatch(level):
            raise CareersError(f"{path}:{number}: level {level!r} is not IT-01..05, CS-01..05 or EX-01..05")
        if target in positions:
            state = target
        elif _fold(target) in by_label:
            state = by_label[_fold(target)]
        elif _CODE.fullmatch(target) and target in levels.levels:
            state = levels.levels[target]
        else:
            close = difflib.get_close_matches(target, sorted(p.label for p in positions.values()), n=1, cutoff=0.5)
            hint = f" (closest: {close[0]})" if close else ""
            raise CareersError(f"{path}:{number}: target {target!r} is neither a position of the graph nor a level{hint}")
        targets[(_fold(title), levels.levels.get(level) if level else None)] = state
    return Crosswalk(targets, str(path))


class TitleMap:
    """Matches (title, level) pairs to positions; one per ingest."""

    def __init__(
        self, positions: dict[str, Position], crosswalk: Crosswalk | None = None, *, executive: frozenset[str] = frozenset()
    ) -> None:
        self.positions, self.crosswalk, self.executive = positions, crosswalk, executive  # executive: its levels, states
        self._at: dict[str, dict[str, Position]] = {}
        for pid, p in positions.items():
            self._at.setdefault(p.level, {})[pid] = p

    def match(self, title: str, level: str) -> Mapping:
        """The state of ``title`` at ``level`` (an EX level maps to itself), or an unmapped `Mapping` with suggestions."""
        text = (title or "").strip()
        if self.crosswalk is not None:
            for key in ((_fold(text), level), (_fold(text), None)):
                target = self.crosswalk.targets.get(key)
                if target is not None:
                    if target not in self.positions:  # a level: the state itself when it is an executive one
                        state = target if target in self.executive else None
                        return Mapping(text, level, state, "crosswalk to the level" if state is None else "crosswalk", 1.0)
                    return Mapping(text, level, target, "crosswalk", 1.0)
        if level in self.executive:
            return Mapping(text, level, level, "executive level", 1.0)
        candidates = self._at.get(level, {})
        found = _match(text, candidates)
        if found:
            return Mapping(text, level, *found)
        labels = sorted(p.label for p in candidates.values())
        return Mapping(text, level, None, "unmapped", 0.0, tuple(difflib.get_close_matches(text, labels, n=3, cutoff=0.3)))


def _match(title: str, candidates: dict[str, Position]) -> tuple[str, str, float] | None:
    if not title:
        return None
    folded = _fold(title)
    for pid, p in candidates.items():
        if folded in (_fold(p.label), _fold(p.label_fr), pid):
            return pid, "label", 1.0
    in_stream = [
        pid for pid, p in candidates.items() if _fold(p.stream_label) in (folded, f"it {folded}") or _fold(p.stream_label_fr) == folded
    ]
    if len(in_stream) == 1:
        return in_stream[0], "stream at level", 0.9
    wanted = _words(title)
    holding = [pid for pid, p in candidates.items() if wanted and (wanted <= _words(p.label) or wanted <= _words(p.label_fr))]
    if len(holding) == 1:
        return holding[0], "words", 0.8
    return None
