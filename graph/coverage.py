r"""The coverage ledger: every sentence, bullet and heading of every source, either carried by facts of the graph or set aside.

Each source document with a local copy (``gcdc:localCopy``) is cut into **units**: the page and the excerpt
files into headings, bullets and sentences; GC Digital Talent's data files into records (one per key).
A unit is **represented** when facts of the graph carry it: quotes that contain it, or that together cover
at least half of its characters (a sentence quoted in parts); a record when a node derived from its file
has its key (``gcdc:sourceKey``). Every other unit must be in the ledger (``ontology/sources/coverage-ledger.csv``)
with its class (navigation, heading, link text, thumbnail, boilerplate, advice, ...) and a reason it is not a
fact of the graph. `check` lists what is neither, and the ledger entries that match nothing any more.

Examples
--------
>>> [(u.kind, u.text) for u in page_units("Roles\n\nThe roles. Each level:\n  • Team Leads\n")]
[('heading', 'Roles'), ('sentence', 'The roles.'), ('sentence', 'Each level:'), ('bullet', 'Team Leads')]
>>> covered("Managers lead teams and advise.", ["Managers lead teams"])
True
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.iris import node_id
from graph.paths import ontology_dir

if TYPE_CHECKING:
    from graph.store import Store

__all__ = [
    "LEDGER",
    "PAGE",
    "Coverage",
    "Entry",
    "Unit",
    "check",
    "coverage_files",
    "coverage_rows",
    "covered",
    "fold",
    "graph_facts",
    "ledger",
    "page_units",
    "record_units",
    "units_of",
]

LEDGER = "sources/coverage-ledger.csv"
"""The ledger of units that are not facts, relative to the ontology folder."""
CLASSES = ("heading", "navigation", "link text", "thumbnail", "boilerplate", "advice", "promotion", "introduction", "outside the graph")
"""The classes of what is not a fact of the graph."""

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z“(])")
_RECORDS = {  # data file -> (its list, the key that names a record; the node that represents it has that gcdc:sourceKey)
    "SkillSeeder.data.json": ("skills", "key"),
    "SkillFamilySeeder.data.json": ("skillFamilies", "key"),
    "WorkStreamSeeder.data.json": ("workStreams", "key"),
    "JobPosterTemplateSeeder.data.json": ("jobPosterTemplates", "referenceId"),
    "JobPosterTemplateSkillSeeder.data.json": ("jobPosterTemplates", "referenceId"),
    "ClassificationSeeder.data.json": ("classifications", None),
}


def fold(text: str) -> str:
    """Runs of white space as one space, trimmed (as ``gcdc:quote`` keeps them)."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Unit:
    """One heading, bullet, sentence or record of a source document: which, where in it, and its folded text."""

    document: str
    line: int
    kind: str
    text: str


@dataclass(frozen=True)
class Entry:
    """A ledger line: units of ``document`` that are not facts (``text`` exact, or ``re:`` and a regular expression)."""

    document: str
    match: str
    cls: str
    reason: str
    row: int = 0

    def matches(self, unit: Unit) -> bool:
        """Whether this entry sets ``unit`` aside."""
        if unit.document != self.document:
            return False
        if self.match.startswith("re:"):
            return re.fullmatch(self.match[3:], unit.text) is not None
        return fold(self.match) == unit.text


def page_units(text: str, source: str = "") -> list[Unit]:
    """Headings, bullets and sentences of a text page: a line without an end mark is a heading, ``•`` starts a bullet."""
    units = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("• "):
            units.append(Unit(source, number, "bullet", fold(stripped[2:])))
            continue
        parts = [fold(p) for p in _SENTENCE_END.split(stripped) if p.strip()]
        if len(parts) == 1 and not re.search(r"[.!?:]$", parts[0]):
            units.append(Unit(source, number, "heading", parts[0]))
        else:
            units += [Unit(source, number, "sentence", p) for p in parts]
    return units


def record_units(path: Path, source: str) -> list[Unit]:
    """One unit per record of a GC Digital Talent data file, its text the record's key (``CS 1`` for a classification)."""
    name, key = _RECORDS[path.name]
    records = json.loads(path.read_text(encoding="utf-8"))["data"][name]
    keys = [f"{r['group']} {r['level']}" if key is None else r[key] for r in records]
    return [Unit(source, number, "record", str(k)) for number, k in enumerate(keys, 1)]


def units_of(path: Path, source: str) -> list[Unit]:
    """The units of a local copy: records of a data file, else the page's (an excerpt file's after its ``Excerpt:`` line)."""
    if path.name in _RECORDS:
        return record_units(path, source)
    if path.suffix != ".txt":
        return []
    text = path.read_text(encoding="utf-8")
    head, marker, excerpt = text.partition("\nExcerpt:\n")
    if not marker:
        return page_units(text, source)
    offset = head.count("\n") + 2
    return [Unit(u.document, u.line + offset, u.kind, u.text) for u in page_units(excerpt, source)]


def covered(text: str, quotes: list[str]) -> bool:
    """Whether quotes carry ``text``: one contains it, or those inside it cover at least half its characters."""
    inside = [q for q in quotes if q and q in text]
    if any(text in q for q in quotes):
        return True
    marked = [False] * len(text)
    for quote in inside:
        for match in re.finditer(re.escape(quote), text):
            marked[match.start() : match.end()] = [True] * len(quote)
    return 2 * sum(marked) >= len(text) > 0


def ledger(path: Path | None = None) -> list[Entry]:
    """The ledger's entries (a CSV file: source, match, class, reason)."""
    path = path or ontology_dir() / LEDGER
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Entry(r["source"], r["match"], r["class"], r["reason"], number) for number, r in enumerate(rows, 2)]


@dataclass
class Coverage:
    """What `check` found: units with the facts that carry them, units set aside, and the problems."""

    represented: dict[Unit, list[str]] = field(default_factory=dict)
    set_aside: dict[Unit, Entry] = field(default_factory=dict)
    missing: list[Unit] = field(default_factory=list)
    stale: list[Entry] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)


def check(facts: dict[str, dict[str, Any]], documents: dict[str, Path], entries: list[Entry]) -> Coverage:
    """Sort every unit of ``documents`` (``{source id: local copy}``) into represented, set aside or missing.

    ``facts`` maps each source id to ``{"quotes": {node: [quotes]}, "keys": {key: [nodes]}, "sections": {heading: {nodes}}}``:
    the quotes of the facts derived from it, the keys of the records read from it, and the headings its facts are filed
    under (``gcdc:sourceSection``, each heading of its path).
    """
    result = Coverage()
    used: set[int] = set()
    for entry in entries:
        if entry.cls not in CLASSES:
            result.bad.append(f"row {entry.row}: unknown class {entry.cls!r} (one of: {', '.join(CLASSES)})")
        if not entry.reason.strip():
            result.bad.append(f"row {entry.row}: no reason")
    for source, path in sorted(documents.items()):
        known = facts.get(source, {"quotes": {}, "keys": {}, "sections": {}})
        quotes = [(node, fold(q)) for node, qs in known["quotes"].items() for q in qs]
        for unit in units_of(path, source):
            if unit.kind == "record":
                carriers = known["keys"].get(unit.text, [])
            elif unit.kind == "heading" and known["sections"].get(unit.text):
                carriers = sorted(known["sections"][unit.text])  # the facts filed under it name it in gcdc:sourceSection
            else:
                carriers = sorted({node for node, q in quotes if unit.text in q or q in unit.text})
                if not covered(unit.text, [q for node, q in quotes if node in carriers]):
                    carriers = []
            ledger = next((e for e in entries if e.matches(unit)), None)
            if ledger is not None:
                used.add(ledger.row)
            if carriers:
                result.represented[unit] = carriers
            elif ledger is not None:
                result.set_aside[unit] = ledger
            else:
                result.missing.append(unit)
    result.stale = [e for e in entries if e.row not in used]
    return result


def coverage_rows(result: Coverage) -> list[dict[str, Any]]:
    """One row per unit: where it is, and the facts that carry it or the ledger's class and reason (``reports/coverage.csv``)."""
    rows = [
        {"source": u.document, "line": u.line, "kind": u.kind, "text": u.text, "status": "represented", "by": "; ".join(facts)}
        for u, facts in result.represented.items()
    ]
    rows += [
        {"source": u.document, "line": u.line, "kind": u.kind, "text": u.text, "status": f"not a fact: {e.cls}", "by": e.reason}
        for u, e in result.set_aside.items()
    ]
    rows += [{"source": u.document, "line": u.line, "kind": u.kind, "text": u.text, "status": "missing", "by": ""} for u in result.missing]
    return sorted(rows, key=lambda r: (r["source"], r["line"], r["text"]))


def coverage_files(store: Store) -> dict[str, bytes]:
    """``reports/coverage.csv`` and ``.json`` for the graph behind a `graph.store.Store`."""
    from graph.tables import render

    facts, documents = graph_facts(store)
    rows = coverage_rows(check(facts, documents, ledger()))
    return {
        "reports/coverage.csv": render(rows, "csv").encode("utf-8"),
        "reports/coverage.json": (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
    }


def graph_facts(store: Store) -> tuple[dict[str, dict[str, Any]], dict[str, Path]]:
    """Read from a `graph.store.Store` the quotes and keys of each source document, and the local copies."""
    facts: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"quotes": defaultdict(list), "keys": defaultdict(list), "sections": defaultdict(set)}
    )
    for row in store.select(
        "SELECT ?node ?quote ?doc WHERE { ?node gcdc:quote ?quote . ?node prov:wasDerivedFrom ?doc . ?doc a gcdc:SourceDocument }"
    ):
        facts[node_id(row["doc"])]["quotes"][node_id(row["node"])].append(row["quote"])
    for row in store.select("SELECT ?node ?quote ?doc WHERE { ?node gcdc:frenchLabelEvidence ?quote ; gcdc:frenchLabelDocument ?doc }"):
        facts[node_id(row["doc"])]["quotes"][node_id(row["node"])].append(row["quote"])  # an official French term's words
    for row in store.select(
        "SELECT ?node ?quote WHERE { ?node gcdc:quote ?quote FILTER NOT EXISTS { ?node prov:wasDerivedFrom/a gcdc:SourceDocument } }"
    ):  # derived facts (positions, moves) repeat the page's words: they count for the page
        facts[PAGE]["quotes"][node_id(row["node"])].append(row["quote"])
    for row in store.select("SELECT ?node ?section ?doc WHERE { ?node gcdc:sourceSection ?section ; prov:wasDerivedFrom ?doc }"):
        for path in row["section"].split("; "):
            for heading in path.split(" > "):
                facts[node_id(row["doc"])]["sections"][fold(heading)].add(node_id(row["node"]))
    for row in store.select("SELECT ?node ?key ?doc WHERE { ?node gcdc:sourceKey ?key ; prov:wasDerivedFrom ?doc }"):
        facts[node_id(row["doc"])]["keys"][row["key"]].append(node_id(row["node"]))
    documents = {
        node_id(row["doc"]): ontology_dir().parent / row["path"]
        for row in store.select("SELECT ?doc ?path WHERE { ?doc gcdc:localCopy ?path }")
    }
    return facts, documents


PAGE = "careers-in-digital"
"""The primary source's id."""
