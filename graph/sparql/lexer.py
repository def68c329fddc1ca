r"""Split a SPARQL query into tokens the way the embedded engine (Oxigraph 0.5) reads them, in linear time.

The token rules are those of the SPARQL 1.1 grammar as Oxigraph's parser implements them, which is
what the guard must agree with (`graph.sparql.guard`):

* white space is only space, tab, CR and LF; a comment runs from ``#`` to the next CR **or** LF;
* ``<...>`` is an IRI only when its text is a valid IRI reference **with a scheme** (the engine has no
  base IRI, so it rejects relative ones and reads ``<`` as *less than* instead: ``?a<?b&&?c>?d``);
  ``\u``/``\U`` escapes are allowed in IRIs and strings;
* strings follow the grammar's four forms, with escapes; a long string's inner quotes are read as the
  engine reads them (``'''a''x'''`` is one string);
* a prefixed name's local part may hold at most one run of dots followed by more name characters
  (Oxigraph's rule: ``ex:a.b.c`` is ``ex:a.b`` ``.`` ``c``);
* any run of letters that is not a variable, a prefixed name's local part, a blank node label or a
  language tag is a **word** (a keyword, a function name or nonsense). Oxigraph matches keywords
  without a word boundary (``SERVICEex:s`` is ``SERVICE ex:s``, ``trueSERVICE`` is ``true SERVICE``),
  so the guard looks *inside* words and prefixes, not only at whole tokens.

Every pattern is possessive (no backtracking) and every token is read once, so the time is linear in
the length of the query whatever it holds.

Examples
--------
>>> [(t.kind, t.text) for t in tokenize("SELECT ?x { ex:a ex:p <http://e/a> } # end")]  # doctest: +NORMALIZE_WHITESPACE
[('word', 'SELECT'), ('var', '?x'), ('open', '{'), ('pname', 'ex:a'), ('pname', 'ex:p'), ('iri', '<http://e/a>'),
 ('close', '}'), ('comment', '# end')]
>>> [t.text for t in tokenize("FILTER(?a<?b&&?c>?d)")]
['FILTER', '(', '?a', '<', '?b', '&&', '?c', '>', '?d', ')']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from graph.errors import CareersError

__all__ = ["LexError", "Token", "tokenize", "unescape"]

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
    "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_EXTRA = "0-9\u00b7\u0300-\u036f\u203f-\u2040"  # VARNAME and PN_CHARS beyond PN_CHARS_U
_PN_CHARS = f"[{_BASE}_\\-{_EXTRA}]"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ECHAR = r"\\[tbnrf\"'\\]"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_LOCAL_CHAR = f"(?:{_PN_CHARS}|:|{_PLX})"
_PREFIX = f"[{_BASE}]{_PN_CHARS}*+(?:\\.++{_PN_CHARS}++)*+"

_TOKEN = re.compile(
    rf"""
    [ \t\r\n]*+  # white space before the token, read with it
  (?:
    (?P<comment>\#[^\r\n]*+)
  | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*+>)
  | (?P<string>'''(?:(?:''|')?+(?:[^'\\]|{_ECHAR}|{_UCHAR}))*+'''
              |\"\"\"(?:(?:\"\"|\")?+(?:[^"\\]|{_ECHAR}|{_UCHAR}))*+\"\"\"
              |'(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*+'
              |"(?:[^"\\\n\r]|{_ECHAR}|{_UCHAR})*+")
  | (?P<var>[?$][{_BASE}_0-9][{_BASE}_{_EXTRA}]*+)
  | (?P<langtag>@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+)
  | (?P<number>[+-]?+(?:[0-9]++\.[0-9]*+[eE][+-]?[0-9]++|\.[0-9]++[eE][+-]?[0-9]++|[0-9]++[eE][+-]?[0-9]++
                       |[0-9]*+\.[0-9]++|[0-9]++))
  | (?P<blank>_:[{_BASE}_0-9]{_PN_CHARS}*+(?:\.++{_PN_CHARS}++)*+)
  | (?P<pname>(?:{_PREFIX})?:(?:(?:[{_BASE}_:0-9]|{_PLX}){_LOCAL_CHAR}*+(?:\.++{_LOCAL_CHAR}++)?+)?+)
  | (?P<word>{_PREFIX})
  | (?P<open>[{{(\[])
  | (?P<close>[}})\]])
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[.,;*=<>!/|^+\-?])
  )?+
    """,
    re.VERBOSE,
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_ESCAPE = re.compile(_UCHAR + "|" + _ECHAR)
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class LexError(CareersError):
    """The text holds something that is no SPARQL token (at ``offset``, 0-based)."""

    def __init__(self, message: str, offset: int) -> None:
        self.offset = offset
        super().__init__(message)


class Token(NamedTuple):
    """One token: its kind, where it starts and ends, and its text.

    Kinds: ``comment``, ``iri``, ``string``, ``var``, ``langtag``, ``number``, ``blank``, ``pname``, ``word``,
    ``open``, ``close``, ``punct``. White space is not a token: it lies between them.
    """

    kind: str
    start: int
    end: int
    text: str


def unescape(text: str) -> str:
    r"""Replace ``\u``/``\U`` (and string) escapes by the characters they stand for.

    >>> unescape(r"a\u0041\n")
    'aA\n'
    """

    def expand(match: re.Match[str]) -> str:
        escape = match.group()
        if len(escape) == 2:
            return _ECHARS[escape[1]]
        code = int(escape[2:], 16)
        if code > 0x10FFFF:
            raise ValueError(f"{escape} is not a Unicode character")
        return chr(code)

    return _ESCAPE.sub(expand, text)


def _is_iri(token: str) -> bool:
    """An IRI the engine accepts has a scheme (it has no base IRI to resolve a relative one against)."""
    text = token[1:-1]
    return _SCHEME.match(unescape(text) if "\\" in text else text) is not None


def tokenize(query: str) -> Iterator[Token]:
    """Yield the tokens of ``query``, comments included (white space is not a token).

    Raises `LexError` at the first character that starts no token.
    """
    offset, end = 0, len(query)
    match_at = _TOKEN.match
    new = tuple.__new__  # a Token without its Python-level constructor: a third of the time per token
    while offset < end:
        match = match_at(query, offset)
        assert match is not None, "the token pattern matches the empty string"
        kind = match.lastgroup
        if kind is None:  # white space alone: the end of the query, or a character that starts no token
            if match.end() == end:
                return
            raise LexError(_unexpected(query, match.end()), match.end())
        start, offset = match.span(kind)
        if kind == "iri":
            try:
                is_iri = _is_iri(query[start:offset])
            except ValueError as exc:
                raise LexError(str(exc), start) from None
            if not is_iri:  # not an IRI to the engine either: `<` is an operator here
                kind, offset = "punct", start + (2 if query.startswith("<=", start) else 1)
        yield new(Token, (kind, start, offset, query[start:offset]))


def _unexpected(query: str, offset: int) -> str:
    char = query[offset]
    if char in "'\"":
        return "unterminated string"
    return f"unexpected character {char!r}"
