"""The words of the HTML pages in English and French (the project's own translations of its interface).

Examples
--------
>>> text("fr", "search")
'Rechercher'
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "text"]

LANGUAGES = ("en", "fr")

_WORDS = {
    "search": ("Search", "Rechercher"),
    "search_placeholder": ("a role, stream, position…", "un rôle, un volet, un poste…"),
    "reset": ("Reset", "Réinitialiser"),
    "filter": ("Show", "Afficher"),
    "legend": ("Legend", "Légende"),
    "details": ("Details", "Détails"),
    "details_hint": (
        "Hover over or select a node or a move to see its details here.",
        "Survolez ou sélectionnez un nœud ou un déplacement pour en voir les détails ici.",
    ),
    "not_found": ("Nothing matches", "Aucun résultat pour"),
    "text_version": ("Text version: every node and link of this page", "Version texte : tous les nœuds et liens de cette page"),
    "nodes": ("Nodes", "Nœuds"),
    "links": ("Links", "Liens"),
    "label": ("Name", "Nom"),
    "kind": ("Kind", "Type"),
    "group": ("Group", "Groupe"),
    "from": ("From", "De"),
    "to": ("To", "Vers"),
    "home": ("All views", "Toutes les vues"),
    "other_language": ("Français", "English"),
    "source": (
        "Sources: the Government of Canada's “Careers in digital” page; GC Digital Talent (official skills, job templates, pay "
        "ranges); the staffing rules, pay and crosswalks cited in each item's details.",
        "Sources : la page « Carrières dans le numérique » du gouvernement du Canada (en anglais) ; Talents numériques du GC "
        "(compétences officielles, modèles d'emploi, échelles salariales) ; les règles de dotation, la rémunération et les "
        "correspondances citées dans le détail de chaque élément.",
    ),
    "own_translation": ("", "Les étiquettes françaises sont des traductions du projet, pas des termes officiels."),
    "definition": ("Definition", "Définition"),
    "responsibilities": ("Responsibilities", "Responsabilités"),
    "quote": ("The source says", "La source dit"),
    "evidence": ("Evidence", "Preuve"),
    "shared": ("Shared official skills", "Compétences officielles communes"),
    "pay": ("Pay", "Rémunération"),
    "skills": ("Essential official skills", "Compétences officielles essentielles"),
    "allowed_by": ("Allowed by", "Permis par"),
    "assumptions": ("Assumptions (the project's, documented)", "Hypothèses (du projet, documentées)"),
    "gap": ("Skills to gain or deepen", "Compétences à acquérir ou à approfondir"),
    "score": ("Score", "Score"),
    "basis": ("Basis", "Fondement"),
    "stated": ("stated by the source", "énoncé par la source"),
    "rule": ("allowed by a staffing rule", "permis par une règle de dotation"),
    "inferred": ("inferred by this tool", "inféré par l'outil"),
    "index_title": (
        "Digital careers in the Government of Canada: interactive graphs",
        "Carrières numériques au gouvernement du Canada : graphes interactifs",
    ),
    "index_intro": (
        "Each view below opens an interactive graph that works offline in any browser. Select a node to see what the source says about it; every page also has a text version.",
        "Chaque vue ci-dessous ouvre un graphe interactif qui fonctionne hors ligne dans tout navigateur. Sélectionnez un nœud pour voir ce qu'en dit la source ; chaque page a aussi une version texte.",
    ),
}


def text(lang: str, key: str) -> str:
    """The interface text ``key`` in ``lang`` (``en`` or ``fr``)."""
    english, french = _WORDS[key]
    return french if lang == "fr" else english
