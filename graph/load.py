"""Read the ontology, the shipped data and a user's extra files into one rdflib graph, without the network.

Files are read in sorted order and parsed from text we read ourselves, so nothing is fetched:
``owl:imports`` and remote IRIs are data, never followed. Every triple's file is remembered
(``KnowledgeBase.files_of``) so that validation can say where a bad triple came from.

Examples
--------
>>> from graph.load import load
>>> kb = load()
>>> len(kb.g) > 1000
True
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from graph.errors import InputFileError
from graph.namespaces import bind_prefixes
from graph.paths import ontology_dir

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib.term import Node

__all__ = ["MAX_NESTING", "KnowledgeBase", "check_nesting", "load", "parse_file", "parse_shipped", "shipped_files"]

MAX_NESTING = 32
"""Deepest ``[ ]`` / ``( )`` nesting accepted in Turtle (rdflib's parser overflows the stack at about 150)."""

_FORMATS = {".ttl": "turtle", ".nt": "nt"}


def shipped_files() -> list[Path]:
    """The ontology and the knowledge-base files, in the order they are loaded (shapes excluded)."""
    root = ontology_dir()
    return [root / "careers.ttl", *sorted((root / "data").glob("*.ttl"))]


@dataclass
class KnowledgeBase:
    """The merged graph ``g`` and, per file, the graph parsed from it."""

    g: Graph
    parts: dict[str, Graph] = field(default_factory=dict)

    def files_of(self, subject: Node | None, predicate: Node | None = None, obj: Node | None = None) -> list[str]:
        """Name the files holding a triple matching the pattern (``None`` matches anything)."""
        return [name for name, part in self.parts.items() if (subject, predicate, obj) in part]


_TOKEN = re.compile(
    r"#[^\n]*"  # comment
    r"|<[^>\n]*>"  # IRI
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|[\[\]()]"  # brackets
)


def check_nesting(text: str, path: str, *, limit: int = MAX_NESTING) -> None:
    """Raise `InputFileError` at the first ``[`` or ``(`` nested deeper than ``limit``.

    Comments, IRIs and string literals are skipped, so brackets inside them do not count.

    >>> check_nesting("<a> <b> [ <c> [ <d> 1 ] ] .", "x.ttl", limit=2)
    >>> check_nesting("<a> <b> [ <c> [ <d> 1 ] ] .", "x.ttl", limit=1)
    Traceback (most recent call last):
    ...
    graph.errors.InputFileError: x.ttl:1:15: nested more than 1 levels deep ([ ] or ( )); ...
    """
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[(":
            depth += 1
            if depth > limit:
                line, column = _line_column(text, match.start())
                raise InputFileError(
                    path,
                    f"nested more than {limit} levels deep ([ ] or ( )); flatten the data with named nodes",
                    line=line,
                    column=column,
                )
        elif token in "])":
            depth = max(depth - 1, 0)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@contextlib.contextmanager
def _quiet_conversions() -> Iterator[None]:
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def parse_file(path: Path | str, *, label: str | None = None) -> Graph:
    """Parse one Turtle (``.ttl``) or N-Triples (``.nt``) file into a new graph.

    Raises `InputFileError` naming the file, and the line and column where known, for a missing
    or unreadable file, an unknown suffix, bad syntax, or over-deep nesting.
    """
    path = Path(path)
    name = label or str(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputFileError(name, f"unknown file kind {path.suffix!r}: give Turtle (.ttl) or N-Triples (.nt)")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputFileError(name, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(name, f"cannot read: {exc}") from None
    check_nesting(text, name)
    g = Graph()
    try:
        with _quiet_conversions():  # an ill-typed literal is reported by `graph.validate`, not as a logged traceback
            g.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
    except BadSyntax as exc:
        raw = exc._str.decode("utf-8", "replace") if isinstance(exc._str, bytes) else str(exc._str)
        line, column = _line_column(raw, exc._i)  # _i indexes the decoded text rdflib parsed
        raise InputFileError(name, f"bad syntax: {exc._why}", line=line, column=column) from None
    except RecursionError:
        raise InputFileError(name, "too deeply nested for the parser") from None
    except Exception as exc:  # rdflib raises several kinds (ParserError, ValueError, ...) with a line in the text
        raise InputFileError(name, f"bad syntax: {exc}") from None
    return g


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """An rdflib term for a pyoxigraph term (plain literals stay plain, as rdflib's own parser leaves them)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=None if term.datatype.value == _XSD_STRING else URIRef(term.datatype.value))


def parse_shipped(path: Path) -> Graph:
    """Parse one of the project's own Turtle files with Oxigraph (3x faster than rdflib's parser; same triples).

    Only for the shipped files, which the tests keep well-formed: users' files go through `parse_file`,
    whose messages name the line and column and which guards against over-deep nesting.
    """
    import pyoxigraph as ox

    g = Graph()
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        g.add((_rdflib_term(quad.subject), _rdflib_term(quad.predicate), _rdflib_term(quad.object)))
    return g


def load(extra: Iterable[Path | str] = (), *, files: Sequence[Path] | None = None) -> KnowledgeBase:
    """Load the shipped ontology and data (or ``files``) plus ``extra`` files into a `KnowledgeBase`.

    Extra files are loaded in the order given, after the shipped ones. Nothing is derived here:
    see `graph.derive.derive`.
    """
    root = ontology_dir().parent
    g = bind_prefixes(Graph())
    parts: dict[str, Graph] = {}
    fast = files is None  # the project's own files take the fast parser; given files and extras, rdflib's
    for path, ours in [*((p, fast) for p in (files if files is not None else shipped_files())), *((Path(p), False) for p in extra)]:
        try:
            name = str(path.resolve().relative_to(root))
        except ValueError:
            name = str(path)
        part = parse_shipped(path) if ours else parse_file(path, label=name)
        parts[name] = part
        g += part
    return KnowledgeBase(g=g, parts=parts)
