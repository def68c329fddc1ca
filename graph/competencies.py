"""Link responsibilities, expertise and functional areas to competencies by the words of their text.

A competency's English labels (``skos:prefLabel``, ``skos:altLabel``, ``skos:hiddenLabel``) are looked
for in an item's English ``rdfs:label`` (the source's wording), case-insensitively, as whole words,
allowing a plural ``s``/``es``. Each link keeps the words that matched, so a reader can judge it.

Examples
--------
>>> from graph.competencies import Matcher
>>> m = Matcher({"backup": ["backup", "recovery"], "security": ["data security"]})
>>> m.match("ensuring data security and recovery")
{'backup': ['recovery'], 'security': ['data security']}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from graph.namespaces import GCDC

__all__ = ["Matcher", "matcher_from_graph"]


class Matcher:
    """Find which competencies' labels occur in a text.

    Parameters
    ----------
    labels : mapping of competency key to its label strings.
    """

    def __init__(self, labels: Mapping[str, Sequence[str]]) -> None:
        self._patterns = {
            key: re.compile(
                "|".join(rf"(?<![\w-]){re.escape(term)}(?:e?s)?(?![\w-])" for term in sorted(set(terms), key=lambda t: (-len(t), t))),
                re.IGNORECASE,
            )
            for key, terms in sorted(labels.items())
            if terms
        }

    def match(self, text: str) -> dict[str, list[str]]:
        """Return ``{competency key: [matched words, in text order, distinct]}`` for ``text``."""
        found: dict[str, list[str]] = {}
        for key, pattern in self._patterns.items():
            words = list(dict.fromkeys(m.group() for m in pattern.finditer(text)))
            if words:
                found[key] = words
        return found


def matcher_from_graph(g: Graph) -> Matcher:
    """Build a `Matcher` keyed by competency IRI from the English SKOS labels of every ``gcdc:Competency``."""
    labels: dict[str, list[str]] = {}
    for concept in g.subjects(predicate=None, object=GCDC.Competency):
        terms = [
            str(label)
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
            for label in g.objects(concept, prop)
            if isinstance(label, Literal) and label.language in (None, "en")
        ]
        labels[str(concept)] = terms
    return Matcher(labels)
