"""Link the graph's responsibilities, expertise and functional areas to the official GC Digital Talent skills, by their words.

Texts and terms are compared word by word after a light stemming (case folded, plural and ``-ing``/``-ed``
endings removed: "data models" meets "Data Modelling"), in English against the item's ``@en`` label
and in French against its ``@fr`` label when it has one. A skill is linked to an item when:

* **name**: the skill's name, or its name without a bracketed part, occurs in the item's text
  ("ensuring data security and recovery": *Data Security and Recovery*); or the acronym in brackets in
  its name occurs with its case ("SQL": *Structured Query Language (SQL)*); or the item is a short
  phrase of two to four words that makes at least half of the skill's name ("Machine learning":
  *Machine Learning Algorithms*; not "business applications": *SAP Advanced Business Application
  Programming (ABAP)*). One-word names are used only for technical skills: the behavioural ones ("Integrity",
  "Initiative", "Insight") are ordinary words in the page's sentences, in another sense;
* **keyword**: one of its keywords of two words or more occurs in the text; a one-word keyword only
  when it is a technical term (upper case inside or throughout: "DevOps") that no other skill has.
  Other one-word keywords ("Data", "Management", "stakeholders") are too common to mean anything.

Each link keeps its method and the words that matched, so a reader can judge it; an editor's
``gcdc:curatedSkill`` adds links where no term occurs.

Examples
--------
>>> m = SkillMatcher({"s1": SkillTerms(names=("Data Security and Recovery",)), "s2": SkillTerms(names=("Machine Learning Algorithms",))})
>>> m.match("ensuring data security and recovery")
{'s1': ('name', ['data security and recovery'])}
>>> m.match("Machine learning")
{'s2': ('name', ['Machine learning'])}
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from graph.namespaces import GCDC

__all__ = ["SkillMatcher", "SkillTerms", "matchers_from_graph", "stem", "terms_of"]

_BRACKETS = re.compile(r"\s*\(([^)]*)\)")
_WORDS_OF_NAME = re.compile(r"[\s()]+")
"""What separates the words of a skill's name, as its exact terms are written ("SDLC" in "... Life Cycle (SDLC)")."""
_TECHNICAL_WORD = re.compile(r"^(?:[A-Z0-9][A-Z0-9/.+#-]+|[A-Za-z][a-z]+[A-Z][A-Za-z0-9.]*)$")
_TOKEN = re.compile(r"[^\W_]+(?:[+#]+|\.[^\W_]+)*")


def stem(word: str) -> str:
    """A word's light stem: lower case, without a plural or an ``-ing``/``-ed`` ending.

    >>> [stem(w) for w in ("Modelling", "models", "databases", "activities", "Architectures", "secured")]
    ['model', 'model', 'database', 'activity', 'architecture', 'secur']
    """
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for ending in ("ing", "ed"):
        if len(w) > len(ending) + 3 and w.endswith(ending):
            w = w[: -len(ending)]
            if len(w) > 2 and w[-1] == w[-2]:
                w = w[:-1]
            break
    return w


def _tokens(text: str) -> list[tuple[str, str]]:
    """``(original word, stem)`` for each word of ``text``."""
    return [(m.group(), stem(m.group())) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class SkillTerms:
    """The terms of one skill in one language: names and keywords (by stem), exact terms (with their case)."""

    names: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()


def terms_of(name: str, keywords: list[str], *, technical: bool = True, unique: frozenset[str] = frozenset()) -> SkillTerms:
    """The terms of a skill from its name and keywords in one language (see the module docstring).

    ``technical`` says whether the skill is technical; ``unique`` holds the one-word keywords no other skill has.

    >>> terms = terms_of("Software Development Life Cycle (SDLC)", ["Cycle", "SDLC", "Software Life Cycle"], unique=frozenset({"SDLC"}))
    >>> terms.names, terms.keywords, terms.exact
    (('Software Development Life Cycle (SDLC)', 'Software Development Life Cycle'), ('Software Life Cycle',), ('SDLC',))
    >>> terms_of("Integrity", ["Honesty"], technical=False)
    SkillTerms(names=(), keywords=(), exact=())
    """
    names = [name.strip(), _BRACKETS.sub("", name).strip()]
    names = [n for n in dict.fromkeys(names) if len(_tokens(n)) > 1 or (technical and len(n) > 1)]
    exact = []
    bracketed = _BRACKETS.search(name)
    if bracketed and _TECHNICAL_WORD.match(bracketed.group(1).strip()):
        exact.append(bracketed.group(1).strip())
    phrases = []
    for keyword in keywords:
        word = keyword.strip().rstrip(".").strip()
        if len(_tokens(word)) >= 2:
            phrases.append(word)
        elif word in unique and _TECHNICAL_WORD.match(word):
            exact.append(word)
    return SkillTerms(tuple(names), tuple(dict.fromkeys(phrases)), tuple(dict.fromkeys(exact)))


def _find(needle: list[str], haystack: list[str]) -> int:
    """Where the sequence ``needle`` starts in ``haystack``, or -1."""
    n = len(needle)
    for i in range(len(haystack) - n + 1):
        if haystack[i : i + n] == needle:
            return i
    return -1


class SkillMatcher:
    """Find which skills occur in a text.

    Parameters
    ----------
    terms : mapping of skill key (an IRI) to its `SkillTerms` in the language of the texts to match.
    """

    def __init__(self, terms: Mapping[str, SkillTerms]) -> None:
        self._terms = {
            key: (
                [[s for _, s in _tokens(n)] for n in t.names],
                [[s for _, s in _tokens(k)] for k in t.keywords],
                list(t.exact),
                {word for n in t.names for word in _WORDS_OF_NAME.split(n) if word},
            )
            for key, t in sorted(terms.items())
        }

    def match(self, text: str) -> dict[str, tuple[str, list[str]]]:
        """Return ``{skill key: (method, [matched words, distinct])}`` with method ``name`` or ``keyword``."""
        tokens = _tokens(text)
        words, stems = [w for w, _ in tokens], [s for _, s in tokens]
        short = 2 <= len(stems) <= 4
        found: dict[str, tuple[str, list[str]]] = {}
        for key, (names, keywords, exact, written) in self._terms.items():
            hits: dict[str, list[str]] = {"name": [], "keyword": []}
            for method, phrases in (("name", names), ("keyword", keywords)):
                for phrase in phrases:
                    at = _find(phrase, stems)
                    if phrase and at >= 0:
                        hits[method].append(" ".join(words[at : at + len(phrase)]))
                    elif method == "name" and short and 2 * len(stems) >= len(phrase) and _find(stems, phrase) >= 0:
                        hits["name"].append(text.strip())  # the short item is most of the skill's name
            for term in exact:
                if _find(term.split(), words) >= 0:
                    hits["name" if term in written or not keywords else "keyword"].append(term)
            matched = list(dict.fromkeys(hits["name"] + hits["keyword"]))
            if matched:
                found[key] = ("name" if hits["name"] else "keyword", matched)
        return found


def matchers_from_graph(g: Graph) -> dict[str, SkillMatcher]:
    """One `SkillMatcher` per language (``en``, ``fr``), keyed by skill IRI, from the ``gcdc:Skill`` resources of ``g``."""
    skills = sorted(s for s in g.subjects(RDF.type, GCDC.Skill) if isinstance(s, URIRef))
    matchers = {}
    for lang in ("en", "fr"):
        keywords = {s: sorted(str(k) for k in g.objects(s, GCDC.keyword) if isinstance(k, Literal) and k.language == lang) for s in skills}
        counts = Counter(k.strip().rstrip(".").strip() for words in keywords.values() for k in set(words))
        unique = frozenset(word for word, n in counts.items() if n == 1)
        terms = {}
        for s in skills:
            names = sorted(str(n) for n in g.objects(s, SKOS.prefLabel) if isinstance(n, Literal) and n.language == lang)
            if names:
                technical = (s, GCDC.skillCategory, GCDC.Technical) in g
                terms[str(s)] = terms_of(names[0], keywords[s], technical=technical, unique=unique)
        matchers[lang] = SkillMatcher(terms)
    return matchers
