"""Decide, before anything runs, whether a SPARQL request is a safe read-only query.

Two layers, both on parsed input, never on a text search:

1. `inspect_query` tokenizes the query with the SPARQL 1.1 lexical grammar (IRIs, the four string
   forms, comments, prefixed names, variables, numbers, punctuation, keywords). In SPARQL a bare
   ``SERVICE``, ``FROM``, ``LOAD``, ``INSERT``... token can only be that keyword, so this decides
   exactly, and it bounds the size and nesting depth that the parsers after it would recurse on.
2. `check_parsed` (used by the endpoint, whose process is warm) parses the query with rdflib's
   SPARQL grammar and walks the parse tree for dataset clauses and ``SERVICE`` patterns; anything it
   cannot parse, or that recurses too deep, is refused.

Examples
--------
>>> inspect_query("SELECT * WHERE { ?s ?p 'SERVICE' }").form
'SELECT'
>>> inspect_query("SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graph.sparql.guard.UnsafeQuery: SERVICE is not allowed: this endpoint never calls other services (line 1, column 18)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from graph.errors import CareersError

__all__ = [
    "MAX_DEPTH",
    "MAX_QUERY_BYTES",
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

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING")
_REASONS = {
    "SERVICE": "SERVICE is not allowed: this endpoint never calls other services",
    "FROM": "FROM and FROM NAMED are not allowed: queries run on this knowledge graph only",
    "LOAD": "LOAD is not allowed: the endpoint is read-only",
}


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


class UnsafeQuery(CareersError):
    """The request is not a read-only query on this graph (an update, SERVICE, LOAD, FROM)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.reason, self.line, self.column = message, line, column
        super().__init__(message + (f" (line {line}, column {column})" if line else ""))


class QueryTooComplex(UnsafeQuery):
    """The query is too long or too deeply nested to parse safely (a bad request, not a forbidden one)."""


@dataclass(frozen=True)
class QueryInfo:
    """What `inspect_query` learnt: the query form (SELECT, ASK, CONSTRUCT, DESCRIBE) and the deepest nesting."""

    form: str
    depth: int


_LEXER = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<var>[?$][\w\u00b7]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d_][\w.\-\u00b7]*)?:(?:[\w:%\u00b7\-]|\\[_~.\-!$&'()*+,;=/?\#@%]|\.(?=[\w:%\-]))*)
  | (?P<blank>_:\w[\w.\-\u00b7]*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[.,;*=<>!/|^+\-?a])
    """,
    re.VERBOSE | re.DOTALL,
)


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@functools.lru_cache(maxsize=512)
def inspect_query(query: str) -> QueryInfo:
    """Tokenize ``query`` and refuse anything but one read-only query on this graph.

    Raises `UnsafeQuery` for updates, ``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED``, a query over
    `MAX_QUERY_BYTES` or nested deeper than `MAX_DEPTH`; `QuerySyntaxError` for text that is not
    made of SPARQL tokens or has no query form. Memoised: the answer depends on the text alone.
    """
    if len(query.encode("utf-8")) > MAX_QUERY_BYTES:
        raise QueryTooComplex(f"query longer than {MAX_QUERY_BYTES} bytes")
    form = None
    depth = deepest = 0
    offset = 0
    while offset < len(query):
        match = _LEXER.match(query, offset)
        if match is None:
            raise QuerySyntaxError(f"unexpected character {query[offset]!r}", query, *_position(query, offset))
        kind, token = match.lastgroup, match.group()
        if kind == "word":
            word = token.upper()
            if word in _REASONS:
                raise UnsafeQuery(_REASONS[word], *_position(query, offset))
            if word in UPDATE_WORDS and form is None:
                raise UnsafeQuery(f"{word} is an update: the endpoint is read-only", *_position(query, offset))
            if word in QUERY_FORMS and form is None:
                form = word
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                raise QueryTooComplex(f"query nested more than {MAX_DEPTH} levels deep", *_position(query, offset))
        elif kind == "close":
            depth -= 1
        offset = match.end()
    if form is None:
        raise QuerySyntaxError("no SELECT, ASK, CONSTRUCT or DESCRIBE in the query", query)
    return QueryInfo(form=form, depth=deepest)


def check_parsed(query: str) -> None:
    """Parse ``query`` with rdflib's SPARQL grammar and refuse dataset clauses and SERVICE found in the tree.

    Raises `QuerySyntaxError` when it does not parse (with line and column), `UnsafeQuery` when the
    tree holds ``FROM``/``FROM NAMED`` or ``SERVICE``, or when parsing recurses too deep.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(query)
    except ParseException as exc:
        raise QuerySyntaxError(f"syntax error: {exc.msg}", query, exc.lineno, exc.col) from None
    except RecursionError:
        raise QueryTooComplex("query too deeply nested to parse") from None
    for name in _names(tree):
        if name == "datasetClause":
            raise UnsafeQuery(_REASONS["FROM"])
        if name == "ServiceGraphPattern":
            raise UnsafeQuery(_REASONS["SERVICE"])


def _names(node, depth: int = 0):
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
        for item in node:
            yield from _names(item, depth + 1)
