r"""Decide, before anything runs, whether a SPARQL request is a safe read-only query, and what text the engine runs.

Two layers:

1. `inspect_query` reads the query with `graph.sparql.lexer`, which splits it as the embedded engine
   (Oxigraph 0.5) does, in linear time. It refuses updates, ``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED``,
   text over `MAX_QUERY_BYTES`, nesting deeper than `MAX_DEPTH`, more than `MAX_TOKENS` tokens and more
   than `MAX_CHAIN` operators and group elements (the engine nests those one inside the other and
   overflows its stack on a few thousand). Because Oxigraph matches keywords without a word boundary
   (``SERVICEex:s`` is ``SERVICE ex:s``), a word or prefix that merely *contains* ``SERVICE`` or ``FROM`` is
   refused too. It counts every list the engine recurses or plans over (object and predicate lists,
   arguments of ``IN``, ``COALESCE``, ``CONCAT``, ``VALUES`` rows) and refuses more than `MAX_PATTERNS`
   triple patterns (Oxigraph's planner takes seconds past about 100). It returns the text the engine must
   run (`QueryInfo.text`): comments blanked, and each IRI's first character written as a ``\u`` escape, so
   that the engine cannot read ``<`` as *less than* and the IRI's text as code (``FILTER(?a<http:+'x> "'...``)
   where the guard read an IRI. The engine therefore runs exactly the tokens the guard checked.
2. `check_parsed` parses the query with rdflib's SPARQL grammar and walks the tree for dataset clauses and
   ``SERVICE``. For rdflib's own engine this is the engine's reading itself. For Oxigraph, the query workers
   are confined instead (`graph.sparql.sandbox`: the kernel refuses them any network call), and this parse
   is a second opinion only where that confinement is unavailable: it is slow (7 to 130 ms a query).

Examples
--------
>>> inspect_query("SELECT * WHERE { ?s ?p 'SERVICE' }").form
'SELECT'
>>> inspect_query("SELECT * WHERE { ?s a <http://e/C> } # note").text
'SELECT * WHERE { ?s a <\\u0068ttp://e/C> }       '
>>> inspect_query("SELECT * WHERE { BIND(1 AS ?x) #\r SERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graph.sparql.guard.UnsafeQuery: SERVICE is not allowed: this endpoint never calls other services (line 1, column 35)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from graph.errors import CareersError
from graph.sparql.lexer import LexError, tokenize

__all__ = [
    "MAX_CHAIN",
    "MAX_DEPTH",
    "MAX_PATTERNS",
    "MAX_QUERY_BYTES",
    "MAX_TOKENS",
    "QueryInfo",
    "QuerySyntaxError",
    "QueryTooComplex",
    "UnsafeQuery",
    "check_parsed",
    "inspect_query",
]

MAX_QUERY_BYTES = 64 * 1024
"""Longest query accepted."""
MAX_DEPTH = 24
"""Deepest nesting of ``{ }``, ``( )`` and ``[ ]`` accepted (rdflib's parser overflows at about 40 groups)."""
MAX_TOKENS = 20_000
"""Most tokens (white space and comments not counted): keeps the guard's own work under about 50 ms."""
MAX_CHAIN = 2_000
"""Most operators (``+ - * / && || ! = < ...``, signed numbers, path steps), group elements (``{``, OPTIONAL,
MINUS, UNION, BIND, FILTER, GRAPH, VALUES ...), list items (``,`` and ``;``) and ``VALUES`` terms in one query.
Oxigraph builds each chain as a tree as deep as it is long and overflows its stack at about 5,000
(``BIND(1+1+...)``, a 9,000-step property path, 5,000 MINUS, 9,000 objects in one list)."""
MAX_PATTERNS = 128
"""Most triple patterns (``.``, ``,`` and ``;`` outside parentheses) in one query: Oxigraph's join planner grows
as the fourth power of their number (80 patterns: 0.16 s; 160: 2.6 s, before any data is read)."""

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING")
_FORBIDDEN = {  # refused wherever the engine could read them: as a word, or at the start of a longer word or prefix
    "service": "SERVICE is not allowed: this endpoint never calls other services",
    "from": "FROM and FROM NAMED are not allowed: queries run on this knowledge graph only",
}
_LOAD = "LOAD is not allowed: the endpoint is read-only"
_SPECIAL = frozenset((*QUERY_FORMS, *UPDATE_WORDS))
_CHAIN_WORDS = ("optional", "minus", "union", "bind", "filter", "graph", "values", "exists", "lateral", "not")
_OPERATORS = frozenset(("&&", "||", "!=", "<=", ">=", "*", "=", "<", ">", "!", "/", "|", "^", "+", "-", "?"))


class QuerySyntaxError(CareersError):
    """The query is not valid SPARQL; ``line`` and ``column`` are 1-based where known."""

    def __init__(self, message: str, query: str, line: int | None = None, column: int | None = None) -> None:
        self.query, self.line, self.column, self.reason = query, line, column, message
        super().__init__(message + (f" (line {line}, column {column})" if line else ""))

    def caret(self) -> str:
        """The offending line of the query with a caret under the problem."""
        if not self.line:
            return ""
        lines = self.query.splitlines() or [""]
        text = lines[min(self.line, len(lines)) - 1]
        return f"{text}\n{' ' * max((self.column or 1) - 1, 0)}^"

    def relocated(self, query: str, info: QueryInfo) -> QuerySyntaxError:
        """The same error placed in ``query``, of which it was found in ``info.text`` (the text the engine ran)."""
        if not self.line:
            return QuerySyntaxError(self.reason, query)
        return QuerySyntaxError(self.reason, query, *info.original_position(self.line, self.column or 1))


class UnsafeQuery(CareersError):
    """The request is not a read-only query on this graph (an update, SERVICE, LOAD, FROM)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.reason, self.line, self.column = message, line, column
        super().__init__(message + (f" (line {line}, column {column})" if line else ""))


class QueryTooComplex(UnsafeQuery):
    """The query is too long, too deeply nested or too long a chain to run safely (a bad request, not a forbidden one)."""


@dataclass(frozen=True)
class QueryInfo:
    """What `inspect_query` learnt: the query form, the deepest nesting, and the text for the engine.

    ``shifts`` lists ``(offset in text, characters added so far)`` at each escaped IRI, to map the engine's
    positions back to the query's (`original_position`). ``shape`` is the query's tokens with every number
    and string written ``0``: the same for the same query asked with other constants.
    """

    form: str
    depth: int
    text: str
    shifts: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    shape: str = field(default="", repr=False)

    def original_position(self, line: int, column: int) -> tuple[int, int]:
        """The 1-based (line, column) in the original query of a position in `text` (escapes never span lines)."""
        starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]
        start = starts[min(line, len(starts)) - 1]
        return line, column - (self._added(start + column - 1) - self._added(start))

    def _added(self, offset: int) -> int:
        """How many characters the escapes added before ``offset`` of `text`."""
        added = 0
        for at, total in self.shifts:
            if at > offset:
                break
            added = total
        return added


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _escaped(iri: str) -> str:
    r"""``<http://e/>`` as ``<\u0068ttp://e/>``: still the same IRI to the engine, but never a ``<`` followed by code."""
    first = iri[1]
    if first == "\\":
        return iri
    code = ord(first)
    return "<" + (f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}") + iri[2:]


@functools.lru_cache(maxsize=16)  # a worker inspects a text, then its engine runs it: a few texts are enough
def inspect_query(query: str) -> QueryInfo:
    """Read ``query`` as the engine does and refuse anything but one bounded, read-only query on this graph.

    Raises `UnsafeQuery` for updates, ``SERVICE``, ``LOAD`` and ``FROM``/``FROM NAMED``; `QueryTooComplex` for
    text over `MAX_QUERY_BYTES`, nesting deeper than `MAX_DEPTH`, more than `MAX_TOKENS` tokens or `MAX_CHAIN`
    chain elements; `QuerySyntaxError` for text that is not made of SPARQL tokens or has no query form.
    Memoised (a few texts): the answer depends on the text alone. Linear in the length of the query.
    """
    if len(query) > MAX_QUERY_BYTES or len(query.encode("utf-8")) > MAX_QUERY_BYTES:
        raise QueryTooComplex(f"query longer than {MAX_QUERY_BYTES} bytes")
    form = None
    depth = deepest = tokens = chain = added = patterns = parens = last = 0
    values_at = pending_values = 0  # the depth of the VALUES block being read (0: none), and whether one is announced
    pieces: list[str] = []  # the engine's text: the query's own slices, with comments blanked and IRIs escaped
    shape: list[str] = []  # the tokens, with every number and string as `0`: the same query asked with other constants
    shifts: list[tuple[int, int]] = []
    try:
        for token in tokenize(query):
            kind, start, end, text = token
            if kind == "comment":
                pieces += (query[last:start], " " * len(text))
                last = end
                continue
            tokens += 1
            if tokens > MAX_TOKENS:
                raise QueryTooComplex(f"query longer than {MAX_TOKENS} tokens", *_position(query, start))
            if values_at and depth >= values_at:
                chain += 1  # a VALUES term
            if kind == "iri":
                escaped = _escaped(text)
                added += len(escaped) - len(text)
                shifts.append((start + added, added))
                pieces += (query[last:start], escaped)
                last = end
                shape.append(text)
                continue
            shape.append("0" if kind in ("number", "string") else text)
            if kind == "word" or kind == "pname":
                name = text.lower() if kind == "word" else text[: text.index(":")].lower()
                if not (len(name) <= _PLAIN_NAME and _plain(kind, name)):
                    form = _check_name(query, start, kind, name, form)
                if kind == "word" and name.startswith(_CHAIN_WORDS):
                    chain += 1
                    pending_values = pending_values or name == "values"
            elif kind == "open":
                depth += 1
                deepest = max(deepest, depth)
                chain += text == "{"
                parens += text == "("
                if pending_values and text == "{":
                    values_at, pending_values = depth, 0
                if depth > MAX_DEPTH:
                    raise QueryTooComplex(f"query nested more than {MAX_DEPTH} levels deep", *_position(query, start))
            elif kind == "close":
                if values_at and depth == values_at and text == "}":
                    values_at = 0
                depth -= 1
                parens -= text == ")"
            elif (kind == "punct" and text in _OPERATORS) or (kind == "number" and text[0] in "+-"):
                chain += 1
            elif kind == "punct" and text in ".,;":
                chain += text != "."
                if not (values_at or parens > 0):
                    patterns += 1
                    if patterns > MAX_PATTERNS:
                        raise QueryTooComplex(
                            f"query has more than {MAX_PATTERNS} triple patterns (the engine's planner would take too long)",
                            *_position(query, start),
                        )
            if chain > MAX_CHAIN:
                raise QueryTooComplex(
                    f"query has more than {MAX_CHAIN} operators, group elements and list items (the engine would nest them too deep)",
                    *_position(query, start),
                )
    except LexError as exc:
        raise QuerySyntaxError(str(exc), query, *_position(query, exc.offset)) from None
    if form is None:
        raise QuerySyntaxError("no SELECT, ASK, CONSTRUCT or DESCRIBE in the query", query)
    pieces.append(query[last:])
    return QueryInfo(form=form, depth=deepest, text="".join(pieces), shifts=tuple(shifts), shape=" ".join(shape))


_PLAIN_NAME = 40
"""Longest word or prefix whose verdict `_plain` remembers (so that its memo stays small whatever queries hold)."""


@functools.lru_cache(maxsize=1024)
def _plain(kind: str, name: str) -> bool:
    """Whether a word or a prefix (``name``, in lower case) is nothing `_check_name` acts on: most are, and recur."""
    return not any(word in name for word in _FORBIDDEN) and (kind == "pname" or name.upper() not in _SPECIAL)


def _check_name(query: str, start: int, kind: str, name: str, form: str | None) -> str | None:
    """Refuse a word or prefixed name the engine could read as a forbidden keyword; return the query form found so far.

    ``name`` is the word, or the name's prefix, in lower case; ``start`` is where the token starts in ``query``.
    """
    for word, reason in _FORBIDDEN.items():
        if word in name:
            raise UnsafeQuery(reason, *_position(query, start + name.find(word)))
    if kind == "pname":
        return form
    word = name.upper()
    if word == "LOAD":
        raise UnsafeQuery(_LOAD, *_position(query, start))
    if word in UPDATE_WORDS and form is None:
        raise UnsafeQuery(f"{word} is an update: the endpoint is read-only", *_position(query, start))
    if word in QUERY_FORMS and form is None:
        return word
    return form


def check_parsed(query: str) -> None:
    """Parse ``query`` with rdflib's SPARQL grammar and refuse dataset clauses and SERVICE found in the tree.

    Raises `QuerySyntaxError` when it does not parse (with line and column), `UnsafeQuery` when the
    tree holds ``FROM``/``FROM NAMED`` or ``SERVICE``, `QueryTooComplex` when parsing recurses too deep.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(query)
    except ParseException as exc:
        raise QuerySyntaxError(f"syntax error: {exc.msg}", query, exc.lineno, exc.col) from None
    except RecursionError:
        raise QueryTooComplex("query too deeply nested to parse") from None
    except ValueError as exc:  # rdflib expands \u escapes first, and refuses code points past U+10FFFF this way
        raise QuerySyntaxError(f"syntax error: {exc}", query) from None
    for name in _names(tree):
        if name == "datasetClause":
            raise UnsafeQuery(_FORBIDDEN["from"])
        if name == "ServiceGraphPattern":
            raise UnsafeQuery(_FORBIDDEN["service"])


def _names(node: object, depth: int = 0) -> Iterator[str]:
    """Yield the rule names in an rdflib parse tree (pyparsing results and CompValue nodes)."""
    if depth > 200:
        raise QueryTooComplex("query too deeply nested to check")
    name = getattr(node, "name", None)
    if isinstance(name, str):
        yield name
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _names(value, depth + 1)
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        # pyparsing's ParseResults: iterable, not a list
        for item in node:  # type: ignore[attr-defined]
            yield from _names(item, depth + 1)
