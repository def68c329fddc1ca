"""Find a node from a forgiving name: "it-03 security team lead", "IT Security", an IRI, an id.

``nodes`` maps node ids to anything with a ``label`` and a ``kind`` (the model's states, or `Named`
entries of a catalogue that also holds streams, roles and skills); a `Named` entry may have other names
(``also``: its French label). Accents and case do not matter.

Examples
--------
>>> nodes = {"position-it-03-team-lead-it-security": Named("IT-03 Team Lead, IT Security", "position"),
...          "position-it-03-team-lead-it-software-solutions": Named("IT-03 Team Lead, IT Software Solutions", "position")}
>>> resolve(nodes, "it-03 security team lead")
'position-it-03-team-lead-it-security'
>>> resolve({"stream-it-security": Named("IT Security", "stream", ("Sécurité de la TI",))}, "securite de la TI")
'stream-it-security'
>>> resolve(nodes, "team lead")
Traceback (most recent call last):
...
graph.mobility.resolve.AmbiguousName: 'team lead' matches 2 nodes: IT-03 Team Lead, IT Security; IT-03 Team Lead, IT Software Solutions
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from graph.errors import CareersError
from graph.iris import GCD_IRI

__all__ = ["AmbiguousName", "Nameable", "Named", "UnknownName", "as_id", "candidates", "fold", "modern_classification", "resolve"]


class Nameable(Protocol):
    """What a name can find: a thing with a label and a kind (``position``, ``stream``, ...)."""

    @property
    def label(self) -> str:
        """What the thing is called (in English)."""
        ...

    @property
    def kind(self) -> str:
        """What kind of thing it is."""
        ...


@dataclass(frozen=True, slots=True)
class Named:
    """An entry of a catalogue of names: a label, a kind, and other names (the French label)."""

    label: str
    kind: str
    also: tuple[str, ...] = ()


_STOP = {"it", "the", "of", "and", "a", "an", "in", "de", "la", "du"}


class UnknownName(CareersError):
    """No node matches the name; ``suggestions`` holds the closest labels."""

    def __init__(self, name: str, suggestions: list[str], note: str = "") -> None:
        self.name, self.suggestions = name, suggestions
        hint = f"; closest: {'; '.join(suggestions)}" if suggestions else ""
        super().__init__(f"nothing is called {name!r}{hint}" + (f" ({note})" if note else ""))


class AmbiguousName(CareersError):
    """Several nodes match the name equally well; ``matches`` holds their labels."""

    def __init__(self, name: str, matches: list[str]) -> None:
        self.name, self.matches = name, matches
        shown = "; ".join(matches[:8]) + (f"; ... ({len(matches) - 8} more)" if len(matches) > 8 else "")
        super().__init__(f"{name!r} matches {len(matches)} nodes: {shown}")


CS_PATTERN = re.compile(r"\bCS[- ]?0?([1-5])\b", re.IGNORECASE)
"""An old CS level in a name ("CS-02", "cs 2"): the explorer's search reads it with this same pattern."""


def modern_classification(name: str) -> str:
    """``name`` with the old CS levels read as the IT levels that replaced them ("CS-02" -> "IT-02").

    >>> modern_classification("cs-02 analyst"), modern_classification("EX-01")
    ('IT-02 analyst', 'EX-01')
    """
    return CS_PATTERN.sub(lambda m: f"IT-0{m.group(1)}", name)


def fold(text: str) -> str:
    """Lower case without accents: "Sécurité" and "securite" compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _tokens(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", fold(text).replace("individual contributor", "individual-contributor"))
    return [w.lstrip("0") if w.isdigit() else w for w in words]


def _names(data: Nameable) -> list[str]:
    """A node's label and its other names (``also``: the French label, for one)."""
    return [data.label, *(data.also if isinstance(data, Named) else ())]


def _keys(node: str, data: Nameable) -> set[str]:
    return set(_tokens(node)).union(*(_tokens(name) for name in _names(data)))


def candidates(nodes: Mapping[str, Nameable], name: str, kinds: Iterable[str] | None = None) -> list[str]:
    """Nodes whose id or label contains every significant word of ``name`` (``it-03`` matches "IT-03")."""
    wanted = [t for t in _tokens(name) if t not in _STOP] or _tokens(name)
    allowed = set(kinds) if kinds else None
    return sorted(
        node for node, data in nodes.items() if (allowed is None or data.kind in allowed) and all(t in _keys(node, data) for t in wanted)
    )


def as_id(nodes: Mapping[str, Nameable], name: str, kinds: Iterable[str] | None = None) -> str | None:
    """The node whose id (or ``gcd:`` IRI) ``name`` is, if it is one (and of one of ``kinds``)."""
    node = name.strip().removeprefix(GCD_IRI)
    allowed = set(kinds) if kinds else None
    return node if node in nodes and (allowed is None or nodes[node].kind in allowed) else None


def resolve(nodes: Mapping[str, Nameable], name: str, kinds: Iterable[str] | None = None) -> str:
    """The one node ``name`` means: an id, an IRI, an exact label, or the only node whose words it contains.

    Raises `UnknownName` (with the closest labels) or `AmbiguousName` (with the matches).
    """
    allowed = set(kinds) if kinds else None
    eligible = {n: d for n, d in nodes.items() if allowed is None or d.kind in allowed}
    text = name.strip()
    if not text:
        raise UnknownName(name, [])
    node = as_id(nodes, text, kinds)
    if node is not None:
        return node
    for same in (lambda a, b: a == b, lambda a, b: fold(a) == fold(b)):  # an exact label first, then ignoring case and accents
        exact = [n for n, d in eligible.items() if any(same(name, text) for name in _names(d))]
        if len(exact) == 1:
            return exact[0]
        if exact:
            raise AmbiguousName(name, [eligible[n].label or n for n in exact])
    found = candidates(eligible, text)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousName(name, [eligible[n].label or n for n in found])
    labels = {d.label or n: n for n, d in eligible.items()}
    raise UnknownName(name, difflib.get_close_matches(text, list(labels), n=5, cutoff=0.3))
