"""The words of the pages and the commands in English and French (the project's own translations of its interface).

Examples
--------
>>> text("fr", "search")
'Rechercher'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["LANGUAGES", "Words", "decimal", "listing", "named", "number", "percent", "text"]

LANGUAGES = ("en", "fr")

_WORDS = {
    "search": ("Search", "Rechercher"),
    "search_placeholder": ("a role, stream, position…", "un rôle, un volet, un poste…"),
    "reset": ("Reset", "Réinitialiser"),
    "filter": ("Show", "Afficher"),
    "legend": ("Legend", "Légende"),
    "details": ("Details", "Détails"),
    "close_details": ("Close the details", "Fermer les détails"),
    "links_of": ("Its links (choose one for its details)", "Ses liens (choisissez-en un pour ses détails)"),
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
    "career_map_title": (
        "Career map",
        "Carte des carrières",
    ),
    "path_description": (
        "The best path the mobility model finds ({moves} move(s), cost {cost}: one promotion in one's own stream counts 1): its "
        "moves are drawn in red over the faded career map, and listed here. Select a move for its rule, the source's words and "
        "the skills to gain.",
        "Le meilleur cheminement que trouve le modèle de mobilité ({moves} déplacement(s), coût {cost} : une promotion dans son "
        "propre volet compte 1) : ses déplacements sont tracés en rouge sur la carte des carrières estompée, et énumérés ici. "
        "Sélectionnez un déplacement pour sa règle, les mots de la source et les compétences à acquérir.",
    ),
    "path_step": ("{move} → {target} ({rule})", "{move} → {target} ({rule})"),
    "career_map_description": (
        "Each stream is a lane (grouped by community; the management path above the individual-contributor path), each level a column, "
        "entry routes on the left, executive levels on the right. At first the map shows promotions up each ladder and appointments into "
        "the executive group; select a position to see all its moves (each position's cheapest deployments, appointments at its level "
        "and promotions into another stream; all the others are allowed too), or switch each kind of move on and off. Each line is a move as the Government of "
        "Canada makes them, named by the staffing rule that allows it; thick lines are moves the source states; mid-career professionals "
        "may enter at any position.",
        "Chaque volet est un couloir (groupé par communauté ; le cheminement de gestion au-dessus de celui de contributeur individuel), "
        "chaque niveau une colonne, les voies d'accès à gauche, les niveaux de direction à droite. D'abord, la carte montre les promotions "
        "dans chaque échelle et les nominations à la direction ; sélectionnez un poste pour voir tous ses déplacements (les mutations, "
        "nominations au même niveau et promotions dans un autre volet les moins coûteuses ; les autres sont aussi permises), ou affichez "
        "et masquez chaque type de "
        "déplacement. Chaque trait est un déplacement tel que le gouvernement du Canada les fait, nommé par la règle de dotation qui le "
        "permet ; les traits épais sont énoncés par la source ; les professionnels en milieu de carrière peuvent entrer à tout poste.",
    ),
    "stream_mobility_title": (
        "Stream mobility",
        "Mobilité entre volets",
    ),
    "stream_mobility_description": (
        "The 13 work streams of IT, Information and Data Governance and the Data Centre of Expertise. The wider the line, the more official skills (GC Digital Talent) two streams' responsibilities call on in common (weighted Jaccard, inferred by this tool); select a line to see which. Which moves exist is decided by the staffing rules (see the career map), not by this similarity.",
        "Les 13 volets de la TI, de la gouvernance de l'information et des données et du Centre d'expertise en données. Plus le trait est large, plus les responsabilités des deux volets font appel aux mêmes compétences officielles (Talents numériques du GC ; Jaccard pondéré, inféré par l'outil) ; sélectionnez un trait pour les voir. Les déplacements possibles sont fixés par les règles de dotation (voir la carte des carrières), pas par cette similarité.",
    ),
    "ontology_title": (
        "Ontology",
        "Ontologie",
    ),
    "ontology_description": (
        "The classes of the gc-digital-careers ontology, the standard vocabularies they extend (SKOS, W3C ORG, schema.org, PROV-O) and the object properties between them. Select a class for its definition and properties.",
        "Les classes de l'ontologie, les vocabulaires normalisés qu'elles étendent (SKOS, ORG du W3C, schema.org, PROV-O) et les propriétés d'objet qui les relient. Sélectionnez une classe pour sa définition et ses propriétés.",
    ),
    "around_title": (
        "Around {name}",
        "Autour de {name}",
    ),
    "around_description": (
        "Everything within {radius} link(s) of {name} in the knowledge graph.",
        "Tout ce qui est à {radius} lien(s) ou moins de {name} dans le graphe.",
    ),
    "knowledge_graph_title": (
        "Knowledge graph",
        "Graphe de connaissances",
    ),
    "knowledge_graph_description": (
        "Every stream, role, position, responsibility, official skill, job template, staffing rule, program, level and stated progression of the knowledge graph, grouped by kind. Untick a kind to hide it; select a node to see its definition and the source's words.",
        "Tous les volets, rôles, postes, responsabilités, compétences officielles, modèles d'emploi, règles de dotation, programmes, niveaux et progressions énoncées du graphe, groupés par type. Décochez un type pour le masquer ; sélectionnez un nœud pour voir sa définition et les mots de la source.",
    ),
    "entry_routes": (
        "Entry routes",
        "Voies d'accès",
    ),
    "skill_similarity": (
        "official-skill similarity",
        "similarité des compétences officielles",
    ),
    "skill_similarity_legend": (
        "shared official skills (width: similarity)",
        "compétences officielles communes (largeur : similarité)",
    ),
    "class": (
        "class",
        "classe",
    ),
    "reused_vocabulary": (
        "reused vocabulary",
        "vocabulaire réutilisé",
    ),
    "ontology_classes": (
        "classes of the ontology",
        "classes de l'ontologie",
    ),
    "reused_vocabularies": (
        "reused vocabularies",
        "vocabulaires réutilisés",
    ),
    "object_property": (
        "object property (domain → range)",
        "propriété d'objet (domaine → portée)",
    ),
    "promotion": (
        "promotion in one's own stream and path",
        "promotion dans son volet et son cheminement",
    ),
    "promotion elsewhere": (
        "promotion into another stream or path",
        "promotion dans un autre volet ou cheminement",
    ),
    "deployment": (
        "deployment (same level)",
        "mutation (même niveau)",
    ),
    "appointment": (
        "appointment, advertised process (same level)",
        "nomination, processus annoncé (même niveau)",
    ),
    "acting appointment": (
        "acting appointment",
        "nomination intérimaire",
    ),
    "entry": (
        "entry",
        "entrée",
    ),
    "executive appointment": (
        "executive appointment",
        "nomination à la direction",
    ),
    "position": (
        "position",
        "poste",
    ),
    "unstated position": (
        "position at a level the source does not state (hollow)",
        "poste à un niveau que la source n'énonce pas (creux)",
    ),
    "entry route": (
        "entry route",
        "voie d'accès",
    ),
    "executive": (
        "executive level",
        "niveau de direction",
    ),
    "stream": (
        "work stream",
        "volet de travail",
    ),
    "career_map_summary": (
        "Every position by stream (lanes) and level (columns), with entry routes on the left and executive levels on the right. Follow promotions, deployments, appointments at the same level, entries and executive appointments, each with the staffing rule that allows it, its skill gap and the source's words.",
        "Tous les postes par volet (couloirs) et par niveau (colonnes), avec les voies d'accès à gauche et les niveaux de direction à droite. Suivez promotions, mutations, nominations au même niveau, entrées et nominations à la direction, chacune avec la règle de dotation qui la permet, son écart de compétences et les mots de la source.",
    ),
    "stream_mobility_summary": (
        "The 13 work streams linked by the official skills their responsibilities share. The wider the line, the more alike.",
        "Les 13 volets de travail reliés par les compétences officielles que partagent leurs responsabilités. Plus le trait est large, plus ils se ressemblent.",
    ),
    "knowledge_graph_summary": (
        "Everything in the knowledge graph, grouped by kind. Hide the kinds you do not need and select a node to read its definition and the source's words.",
        "Tout le graphe de connaissances, groupé par type. Masquez les types inutiles et sélectionnez un nœud pour lire sa définition et les mots de la source.",
    ),
    "ontology_summary": (
        "The classes and properties that structure the graph, and the standard vocabularies they reuse. Useful to write SPARQL queries.",
        "Les classes et propriétés qui structurent le graphe, et les vocabulaires normalisés qu'elles réutilisent. Utile pour écrire des requêtes SPARQL.",
    ),
    "observed": ("observed in the data", "observé dans les données"),
    "observed_kind": ("observed flow (width: people)", "flux observé (largeur : personnes)"),
    "observed_title": ("Observed moves on the career map", "Déplacements observés sur la carte des carrières"),
    "observed_title_synthetic": (
        "Observed moves on the career map (synthetic)",
        "Déplacements observés sur la carte des carrières (synthétiques)",
    ),
    "observed_description": (
        "The moves people made in the observed data, pooled over the years, drawn over the career map, one colour per kind of move "
        "(the moves the rules allow are faded). Only counts of at least {threshold} people are shown, and none that the published "
        "figures, taken together, would give away. {loops}",
        "Les déplacements faits dans les données observées, toutes années confondues, tracés sur la carte des carrières, une couleur par "
        "type de déplacement (les déplacements permis par les règles sont estompés). Seuls les nombres d'au moins {threshold} personnes "
        "sont montrés, et aucun que les chiffres publiés, pris ensemble, trahiraient. {loops}",
    ),
    "observed_loops": (
        "Moves to a position of the same kind (a deployment to another department, say) are not drawn: {count} people in all.",
        "Les déplacements vers un poste du même type (une mutation dans un autre ministère, par exemple) ne sont pas tracés : {count} personnes en tout.",
    ),
    "observed_action_promotion": ("promotion", "promotion"),
    "observed_action_appointment": ("appointment to the executive group", "nomination à la direction"),
    "observed_action_deployment": ("deployment", "mutation"),
    "observed_action_acting-start": ("acting appointment", "nomination intérimaire"),
    "observed_action_demotion": ("demotion", "rétrogradation"),
    "observed_action_hire": ("hire", "embauche"),
    "observed_action_departure": ("departure", "départ"),
    "observed_top": ("{move}: {source} → {target}, {count} people", "{move} : {source} → {target}, {count} personnes"),
    "observed_count": ("{count} people made this move{synthetic}.", "{count} personnes ont fait ce déplacement{synthetic}."),
    "synthetic": (" (synthetic data)", " (données synthétiques)"),
    "observed_flows_title": ("Observed moves", "Déplacements observés"),
    "observed_report_title": ("Observed careers", "Carrières observées"),
    "observed_data": (
        "**The data.** About {actions} personnel actions of about {people} people (to the nearest ten), {start} to {end}{synthetic}"
        "{fiscal}; checksum sha256:{checksum}...",
        "**Les données.** Environ {actions} mouvements de personnel d'environ {people} personnes (à la dizaine près), du {start} au "
        "{end}{synthetic}{fiscal}\u00a0; somme de contrôle sha256:{checksum}...",
    ),
    "observed_data_synthetic": (
        ", synthetic (careers synth): no real person",
        ", synthétiques (« careers synth »)\u00a0: aucune personne réelle",
    ),
    "observed_data_fiscal": (", years from April to March", ", années d'avril à mars"),
    "observed_disclosure": (
        "**Disclosure control.** No count about fewer than {threshold} people is published{below}, nor any that the published "
        "figures, taken together, would give away: {withheld} of {figures} figures are withheld, and the audit (a linear program "
        "per withheld figure, over every published table at once) finds {at_risk} at risk. Withheld figures are left out of the "
        "tables, not shown blank.",
        "**Contrôle de la divulgation.** Aucun nombre de moins de {threshold} personnes n'est publié{below}, ni aucun que les "
        "chiffres publiés, pris ensemble, révéleraient\u00a0: {withheld} des {figures} chiffres sont retenus, et la vérification "
        "(un programme linéaire par chiffre retenu, sur tous les tableaux publiés à la fois) en trouve {at_risk} à risque. Les "
        "chiffres retenus sont omis des tableaux, non montrés vides.",
    ),
    "observed_below_gc": (
        " (a threshold below the Government of Canada's {threshold}, asked for explicitly)",
        " (un seuil inférieur à celui de {threshold} du gouvernement du Canada, demandé explicitement)",
    ),
    "observed_stated_never": (
        "**Stated moves without a published count.** {count} of the promotions the page states have none: not seen, or made by "
        "fewer than {threshold} people, or withheld so that no other count can be recovered.",
        "**Déplacements énoncés sans nombre publié.** {count} des promotions qu'énonce la page n'en ont aucun\u00a0: non vues, ou "
        "faites par moins de {threshold} personnes, ou retenues pour qu'aucun autre nombre ne puisse être retrouvé.",
    ),
    "observed_stated_never_none": (
        "**Stated moves without a published count.** None: every promotion the page states has one.",
        "**Déplacements énoncés sans nombre publié.** Aucun\u00a0: chaque promotion qu'énonce la page en a un.",
    ),
    "observed_unmapped": (
        "**Titles not mapped.** {count} titles of the records match no position of the graph ({moves}); they count in every table by "
        "level, not in those by position (listed below; `careers observe --crosswalk` maps them).",
        "**Titres sans correspondance.** {count} titres des dossiers ne correspondent à aucun poste du graphe ({moves})\u00a0; ils "
        "comptent dans chaque tableau par niveau, pas dans ceux par poste (énumérés ci-dessous\u00a0; `careers observe --crosswalk` "
        "les met en correspondance).",
    ),
    "observed_unmapped_moves": ("{count} moves", "{count} déplacements"),
    "observed_unmapped_withheld": ("fewer than the threshold, or withheld", "moins que le seuil, ou retenus"),
    "observed_time": (
        "**Time in {level}.** Half of those who entered it were promoted out within {years} years (Kaplan-Meier, censored at "
        "departures and at the end of the data).",
        "**Temps au niveau {level}.** La moitié de ceux qui y sont entrés en sont sortis par une promotion en {years} ans au plus "
        "(Kaplan-Meier, censuré aux départs et à la fin des données).",
    ),
    "observed_chart": (
        "![Observed moves between levels, coloured by kind](observed-flows.png)",
        "![Déplacements observés entre niveaux, colorés par type](observed-flows.fr.png)",
    ),
    "observed_chart_title": (
        "Observed moves between levels, all years (published counts)",
        "Déplacements observés entre niveaux, toutes années (nombres publiés)",
    ),
    "observed_surprises": (
        "## Moves the structure does not predict (published counts)",
        "## Les déplacements que la structure ne prévoit pas (nombres publiés)",
    ),
    "observed_stated_heading": ("## Stated promotions without a published count", "## Les promotions énoncées sans nombre publié"),
    "observed_time_heading": ("## Time in level before a promotion", "## Le temps passé à un niveau avant une promotion"),
    "observed_rates_heading": (
        "## Rates by level (all streams), per person-year at risk",
        "## Les taux par niveau (tous les volets), par année-personne exposée",
    ),
    "observed_pyramid_heading": (
        "## The pyramid and its bottlenecks (at the start of the last year)",
        "## La pyramide et ses goulots (au début de la dernière année)",
    ),
    "observed_hits_heading": (
        "## Skills first against the moves made (hit rate at {k}, published counts)",
        "## Les compétences d'abord, face aux déplacements faits (taux de réussite à {k}, nombres publiés)",
    ),
    "observed_streams_heading": ("## Moves between streams (published counts)", "## Les déplacements entre volets (nombres publiés)"),
    "observed_titles_heading": ("## Titles that match no position", "## Les titres qui ne correspondent à aucun poste"),
    "observed_files": (
        "Every table is in this folder as CSV and JSON (observed-*.csv, observed-*.json).",
        "Chaque tableau est dans ce dossier en CSV et en JSON (observed-*.fr.csv, observed-*.fr.json).",
    ),
    "observed_hits_none": (
        "**Skills first against the moves made.** No published move between two positions to compare.",
        "**Les compétences d'abord, face aux déplacements faits.** Aucun déplacement publié entre deux postes à comparer.",
    ),
    "observed_hits": (
        "**Skills first against the moves made.** Of {moves} published moves between positions, {reach} went to one of the {k} "
        "positions `careers reach` ranks first for the profile of the position left, at its level; a promotion in the same stream "
        "foresaw {baseline}. Sums of published counts only (withheld moves are not counted), by kind of move in "
        "observed-reach-hits.csv.",
        "**Les compétences d'abord, face aux déplacements faits.** Des {moves} déplacements publiés entre postes, {reach} sont allés "
        "vers l'un des {k} postes que `careers reach` classe en tête pour le profil du poste quitté, à son niveau\u00a0; une promotion "
        "dans le même volet en prévoyait {baseline}. Sommes de nombres publiés seulement (les déplacements retenus ne sont pas "
        "comptés), par type de déplacement dans observed-reach-hits.fr.csv.",
    ),
    "observed_structure_none": (
        "**Against the structure.** No published move to compare.",
        "**Face à la structure.** Aucun déplacement publié à comparer.",
    ),
    "observed_structure_allowed": ("{kind}: {allowed} of {moves} allowed", "{kind}\u00a0: {allowed} sur {moves} permis"),
    "observed_structure_withheld": (
        "{kind}: {moves} moves (allowed: withheld)",
        "{kind}\u00a0: {moves} déplacements (permis\u00a0: retenu)",
    ),
    "observed_structure": (
        "**Against the structure.** Of the moves whose kind the mobility model knows, by kind (all moves, not only published ones): "
        "{parts}.",
        "**Face à la structure.** Des déplacements dont le modèle de mobilité connaît le type, par type (tous les déplacements, pas "
        "seulement ceux publiés)\u00a0: {parts}.",
    ),
    "observed_column_data": ("data", "données"),
    "observed_column_disclosure_threshold": ("disclosure threshold", "seuil de divulgation"),
    "observed_column_move": ("move", "déplacement"),
    "observed_column_from": ("from", "de"),
    "observed_column_to": ("to", "vers"),
    "observed_column_people": ("people", "personnes"),
    "observed_column_allowed_by": ("allowed by", "permis par"),
    "observed_column_year": ("year", "année"),
    "observed_column_from_level": ("from level", "du niveau"),
    "observed_column_to_level": ("to level", "au niveau"),
    "observed_column_level": ("level", "niveau"),
    "observed_column_people_(nearest_ten)": ("people (nearest ten)", "personnes (à la dizaine près)"),
    "observed_column_positions_in_the_graph": ("positions in the graph", "postes dans le graphe"),
    "observed_column_people_per_position": ("people per position", "personnes par poste"),
    "observed_column_stream": ("stream", "volet"),
    "observed_column_moves": ("moves", "déplacements"),
    "observed_column_person_years_at_risk": ("person-years at risk", "années-personnes exposées"),
    "observed_column_rate_per_person_year": ("rate per person-year", "taux par année-personne"),
    "observed_column_95%_low": ("95% low", "bas à 95 %"),
    "observed_column_95%_high": ("95% high", "haut à 95 %"),
    "observed_column_spells": ("spells", "périodes"),
    "observed_column_promotions": ("promotions", "promotions"),
    "observed_column_median_years_before_promotion": ("median years before promotion", "années médianes avant une promotion"),
    "observed_column_from_stream": ("from stream", "du volet"),
    "observed_column_to_stream": ("to stream", "au volet"),
    "observed_column_kind_of_move": ("kind of move", "type de déplacement"),
    "observed_column_allowed_by_a_staffing_rule": ("allowed by a staffing rule", "permis par une règle de dotation"),
    "observed_column_share_allowed": ("share allowed", "part permise"),
    "observed_column_share_(reach)": ("share (reach)", "part (careers reach)"),
    "observed_column_promotion_in_the_same_stream": ("promotion in the same stream", "promotion dans le même volet"),
    "observed_column_share_(baseline)": ("share (baseline)", "part (référence)"),
    "observed_column_title": ("title", "titre"),
    "projection_title": ("Workforce projection", "Projection de l'effectif"),
    "projection_page_title": ("Workforce projection by level", "Projection de l'effectif par niveau"),
    "projection_synthetic": (" (synthetic)", " (synthétique)"),
    "projection_intro": (
        "People in each IT and EX level at the start of each year, projected from the moves observed in {fitted}: the line is the median of {sims} simulations, the band holds 90% of them (5% to 95%). Figures to the nearest ten.",
        "Effectif de chaque niveau TI et EX au début de chaque année, projeté à partir des déplacements observés en {fitted} : la ligne est la médiane de {sims} simulations, la bande en contient 90 % (de 5 % à 95 %). Nombres à la dizaine près.",
    ),
    "projection_synthetic_note": (
        "SYNTHETIC data (careers synth): no real person. The projection shows how the tool works, not the real workforce.",
        "Données SYNTHÉTIQUES (careers synth) : aucune personne réelle. La projection montre le fonctionnement de l'outil, pas l'effectif réel.",
    ),
    "projection_alt": (
        "Fan charts, one per level from IT-01 to EX-05: each level's projected people by year, a median line within a shaded 90% band. The table below gives every value.",
        "Graphiques en éventail, un par niveau de IT-01 à EX-05 : l'effectif projeté par année, une ligne médiane dans une bande ombrée de 90 %. Le tableau ci-dessous donne chaque valeur.",
    ),
    "projection_level": ("Level", "Niveau"),
    "projection_withheld": ("withheld:\nfewer than the threshold", "non publié :\nsous le seuil"),
    "projection_withheld_levels": (
        "Not published (fewer people than the disclosure threshold at the end of the data): {levels}.",
        "Non publiés (moins de personnes que le seuil de divulgation à la fin des données) : {levels}.",
    ),
    "projection_assumes": ("What it assumes", "Ce qu'elle suppose"),
    "projection_backtest": (
        "Back-test: fitted on the years before each of {origins} origins and compared with the {points} stocks that followed, {coverage} fell inside the 90% interval; mean absolute percentage error {mape}.",
        "Contre-vérification : ajustée sur les années précédant chacune de {origins} origines et comparée aux {points} effectifs qui ont suivi, {coverage} tombent dans l'intervalle de 90 % ; erreur absolue moyenne en pourcentage {mape}.",
    ),
    "projection_replicate": (
        "Replicate: careers project --seed {seed} --sims {sims} on the data set sha256:{checksum}.",
        "Pour la reproduire : « careers project --seed {seed} --sims {sims} » sur le jeu de données sha256:{checksum}.",
    ),
    "build_summary": (
        "built {triples} triples: {parts}\nvalidated: conforms to ontology/shapes.ttl\nwrote {files} files to {out}: {top}",
        "construit {triples} triplets\u00a0: {parts}\nvalidé\u00a0: conforme à ontology/shapes.ttl\nécrit {files} fichiers dans {out}\u00a0: {top}",
    ),
    "build_observed": ("note: including the observed actions of {db}", "note\u00a0: les mouvements observés de {db} sont inclus"),
    "build_no_observed": (
        "{db}: no such file (run careers observe first)",
        "{db}\u00a0: aucun tel fichier (lancez d'abord « careers observe »)",
    ),
    "validate_checked": ("checked {triples} triples{moves}", "vérifié {triples} triplets{moves}"),
    "validate_moves": (
        ", {count} progressions (with the moves a build writes)",
        ", {count} déplacements (avec ceux qu'écrit une construction)",
    ),
    "synth_wrote": (
        "wrote {count} synthetic actions ({people} people, {years} years, seed {seed}) to {output}",
        "écrit {count} mouvements synthétiques ({people} personnes, {years} ans, graine {seed}) dans {output}",
    ),
    "synth_column_measure": ("measure", "mesure"),
    "synth_column_target": ("target", "cible"),
    "synth_column_generated": ("generated", "généré"),
    "synth_column_difference": ("difference", "écart"),
    "synth_measure_promotions,_%_a_year": ("promotions, % a year", "promotions, % par an"),
    "synth_measure_acting_appointments,_%_a_year": ("acting appointments, % a year", "nominations intérimaires, % par an"),
    "synth_measure_deployments,_%_a_year": ("deployments, % a year", "mutations, % par an"),
    "synth_measure_hires,_%_a_year": ("hires, % a year", "embauches, % par an"),
    "synth_measure_departures,_%_a_year": ("departures, % a year", "départs, % par an"),
    "synth_measure_acting_appointments_promoted_within_12_months,_%": (
        "acting appointments promoted within 12 months, %",
        "nominations intérimaires suivies d'une promotion en 12 mois, %",
    ),
    "synth_measure_EX_share_of_the_population_at_the_start,_%": (
        "EX share of the population at the start, %",
        "part des EX dans la population au début, %",
    ),
    "synth_measure_EX_share_of_the_population_at_the_end,_%": (
        "EX share of the population at the end, %",
        "part des EX dans la population à la fin, %",
    ),
    "observe_missing": (
        "give the files to read (or --audit to audit the existing --db)",
        "donnez les fichiers à lire (ou « --audit » pour vérifier le « --db » existant)",
    ),
    "observe_no_db": (
        "{db}: no such file (run careers observe FILE first)",
        "{db}\u00a0: aucun tel fichier (lancez d'abord « careers observe FICHIER »)",
    ),
    "observe_audit": (
        "disclosure audit of {db}: {figures} figures, {withheld} withheld (threshold {threshold}), {at_risk} at risk after {rounds} rounds",
        "vérification de la divulgation de {db}\u00a0: {figures} chiffres, {withheld} retenus (seuil {threshold}), {at_risk} à risque "
        "après {rounds} passes",
    ),
    "observe_synthetic": (" (synthetic)", " (synthétiques)"),
    "observe_read": (
        "read {rows} actions of {people} people{kind}, {start} to {end}; wrote {db}",
        "lu {rows} mouvements de {people} personnes{kind}, du {start} au {end}\u00a0; écrit {db}",
    ),
    "observe_sheets": ("{path}: read sheet(s) {sheets}{left}", "{path}\u00a0: feuille(s) lue(s) {sheets}{left}"),
    "observe_left_out": ("; left out {name} ({why})", "\u00a0; laissé de côté {name} ({why})"),
    "observe_by": ("{count} by {method}", "{count} par {method}"),
    "observe_method_crosswalk": ("crosswalk", "table de correspondance"),
    "observe_method_crosswalk_to_the_level": ("crosswalk to the level", "table de correspondance vers le niveau"),
    "observe_method_executive_level": ("executive level", "niveau de direction"),
    "observe_method_label": ("label", "étiquette"),
    "observe_method_stream_at_level": ("stream at level", "volet au niveau"),
    "observe_method_words": ("words", "mots"),
    "observe_method_unmapped": ("unmapped", "sans correspondance"),
    "observe_mapped": ("titles mapped: {methods}", "titres mis en correspondance\u00a0: {methods}"),
    "observe_closest": ("; closest: {names}", "\u00a0; les plus proches\u00a0: {names}"),
    "observe_unmapped": (
        "not mapped: {title} at {level} ({uses} use{plural}; counted by level only){hint}",
        "sans correspondance\u00a0: {title} au niveau {level} ({uses} utilisation{plural}\u00a0; compté par niveau seulement){hint}",
    ),
    "observe_implicit": (
        "note: {count} people first seen otherwise than by a snapshot or a hire count as present from the start",
        "note\u00a0: {count} personnes vues d'abord autrement que par un instantané ou une embauche comptent comme présentes dès le début",
    ),
    "observe_below_threshold": (
        "note: every output of this data set says its threshold, {threshold}, is below the Government of Canada's 10",
        "note\u00a0: chaque sortie de ce jeu de données dit que son seuil, {threshold}, est sous le seuil de 10 du gouvernement du Canada",
    ),
    "observe_skipped": ("skipped: {problem}", "laissé de côté\u00a0: {problem}"),
    "endpoint_title": ("SPARQL: GC digital careers", "SPARQL : carrières numériques du GC"),
    "endpoint_service": ("SPARQL endpoint", "point d'accès SPARQL"),
    "endpoint_heading": ("Query the digital careers knowledge graph", "Interroger le graphe de connaissances des carrières numériques"),
    "endpoint_intro_start": ("Read-only SPARQL 1.1 at", "SPARQL 1.1 en lecture seule à"),
    "endpoint_intro_prefixes": (". Prefixes such as", ". Les préfixes comme"),
    "endpoint_and": (" and ", " et "),
    "endpoint_intro_predeclared": ("are predeclared. Entity pages:", "sont prédéclarés. Pages des entités :"),
    "endpoint_graphs": ("Interactive graphs:", "Graphes interactifs :"),
    "endpoint_examples": ("Example questions", "Exemples de questions"),
    "endpoint_choose": ("choose a question…", "choisissez une question…"),
    "endpoint_query": ("Query", "Requête"),
    "endpoint_run": ("Run", "Exécuter"),
    "endpoint_entity": ("entity", "entité"),
    "endpoint_also_as": ("Also as", "Aussi en"),
    "endpoint_or": ("or", "ou"),
    "endpoint_properties": ("Properties", "Propriétés"),
    "endpoint_referred_to_by": ("Referred to by", "Cité par"),
    "endpoint_subject": ("subject", "sujet"),
    "endpoint_property": ("property", "propriété"),
    "endpoint_value": ("value", "valeur"),
    "serve_slow_slots": (
        "--slow-slots ({slow}) must be fewer than --workers ({workers}): some must stay free for fast queries",
        "« --slow-slots » ({slow}) doit être inférieur à « --workers » ({workers})\u00a0: certains doivent rester libres pour les "
        "requêtes rapides",
    ),
    "serve_no_seccomp": (
        "note: seccomp is not available here: each query is also parsed by rdflib as a second guard (slower)",
        "note\u00a0: seccomp n'est pas disponible ici\u00a0: chaque requête est aussi analysée par rdflib, comme seconde garde (plus lent)",
    ),
    "serve_cannot_listen": ("cannot listen on {host}:{port}: {why}", "impossible d'écouter sur {host}:{port}\u00a0: {why}"),
    "origin_in_memory": (
        "the shipped data, built in memory (run `careers build` to query faster)",
        "les données livrées, construites en mémoire (lancez « careers build » pour aller plus vite)",
    ),
    "note_querying": ("note: querying {origin}", "note\u00a0: requête sur {origin}"),
    "note_using": ("note: using {origin}", "note\u00a0: {origin}"),
    "serve_serving": (
        "serving {origin} ({triples} triples) at {url}  (Ctrl-C stops)",
        "sert {origin} ({triples} triplets) à {url}  (Ctrl-C l'arrête)",
    ),
    "publish_default_graph": ("the default graph", "le graphe par défaut"),
    "publish_as": (", as {credentials}", ", en tant que {credentials}"),
    "publish_done": (
        "published {count} triples from {origin} to {endpoint} ({where}{who}): HTTP {status}",
        "publié {count} triplets de {origin} vers {endpoint} ({where}{who})\u00a0: HTTP {status}",
    ),
    "query_missing": (
        "give a query (text, @file.rq or a name from `careers query --list`)",
        "donnez une requête (du texte, @fichier.rq ou un nom de « careers query --list »)",
    ),
    "query_truncated": (
        "note: only the first {limit} rows are shown (--limit)",
        "note\u00a0: seules les {limit} premières lignes sont montrées (« --limit »)",
    ),
    "projection_chart": ("Fan charts by level", "Graphiques en éventail par niveau"),
    "projection_column_data": ("data", "données"),
    "projection_column_figure": ("figure", "chiffre"),
    "projection_column_level": ("level", "niveau"),
    "projection_column_year": ("year", "année"),
    "projection_column_median": ("median", "médiane"),
    "projection_column_low_(5%)": ("low (5%)", "bas (5 %)"),
    "projection_column_high_(95%)": ("high (95%)", "haut (95 %)"),
    "projection_column_scenario_median": ("scenario median", "médiane du scénario"),
    "projection_column_scenario_low": ("scenario low", "bas du scénario"),
    "projection_column_scenario_high": ("scenario high", "haut du scénario"),
    "projection_synthetic_value": ("synthetic", "synthétique"),
    "projection_people": ("people at the start of the year", "personnes au début de l'année"),
    "projection_flow": ("{kind} in the year before", "{kind} dans l'année précédente"),
    "projection_flow_promotions": ("promotions", "promotions"),
    "projection_flow_hires": ("hires", "embauches"),
    "projection_flow_departures": ("departures", "départs"),
    "projection_all": ("all", "tous"),
    "projection_scenario_column": ("{year}, scenario", "{year}, scénario"),
    "projection_cli_heading": (
        "people by level at the start of each year: median (5%-95%), to the nearest ten; {sims} simulations, seed {seed}",
        "effectif par niveau au début de chaque année : médiane (5 %-95 %), à la dizaine près ; {sims} simulations, graine {seed}",
    ),
    "projection_cli_basis": ("basis: {basis}", "fondement\u00a0: {basis}"),
    "projection_basis_observed": ("observed", "observé"),
    "projection_basis_psc": ("PSC service-wide rates", "taux de l'ensemble de la fonction publique publiés par la CFP"),
    "projection_cli_synthetic": (" (SYNTHETIC data: no real person)", " (données SYNTHÉTIQUES\u00a0: aucune personne réelle)"),
    "projection_cli_input": ("; input sha256:{checksum}...", " ; entrée sha256:{checksum}..."),
    "projection_cli_stock": (
        "; starting stock: 17,000 in the IT group (2021), spread by a stated pyramid",
        " ; effectif de départ\u00a0: 17\u00a0000 dans le groupe IT (2021), réparti selon une pyramide énoncée",
    ),
    "projection_cli_pools": ("pools: {pools}", "regroupements\u00a0: {pools}"),
    "projection_cli_no_pools": ("none", "aucun"),
    "projection_cli_withheld": (
        "{count} rates rest on fewer than {threshold} moves: used, not shown (--format json lists the others)",
        "{count} taux reposent sur moins de {threshold} déplacements\u00a0: utilisés, non montrés (« --format json » énumère les autres)",
    ),
    "projection_cli_scenario": ("scenario: {scenario}", "scénario\u00a0: {scenario}"),
    "projection_cli_backtest": (
        "back-test ({origins} origins, {points} stocks): {coverage} inside the 90% interval; MAPE {mape}",
        "contre-vérification ({origins} origines, {points} effectifs)\u00a0: {coverage} dans l'intervalle de 90 % ; erreur absolue "
        "moyenne en pourcentage {mape}",
    ),
    "projection_cli_ahead": ("{h} year{plural} ahead {v}%", "{h} an{plural} plus tard {v} %"),
    "projection_needs_observed": (
        "--backtest needs observed data (--observed)",
        "« --backtest » demande des données observées (« --observed »)",
    ),
    "projection_ahead": ("{h} year(s) ahead {v}%", "{h} an(s) plus tard {v} %"),
    "projection_summary": (
        "People by level over the next ten years, projected from the observed moves, with 90% intervals, what it assumes and how "
        "well it foresaw the past.",
        "L'effectif par niveau pour les dix prochaines années, projeté à partir des déplacements observés, avec des intervalles de "
        "90 %, ce qu'il suppose et sa justesse sur le passé.",
    ),
    "projection_summary_synthetic": (
        "People by level over the next ten years, projected from a SYNTHETIC population (no real person), with 90% intervals.",
        "L'effectif par niveau pour les dix prochaines années, projeté à partir d'une population SYNTHÉTIQUE (aucune personne "
        "réelle), avec des intervalles de 90 %.",
    ),
    "observed_flows_summary": (
        "The moves people really made, from HR records brought with careers observe, over the career map; small counts withheld.",
        "Les déplacements réellement faits, tirés de dossiers RH apportés avec careers observe, sur la carte des carrières ; petits nombres retenus.",
    ),
    "observed_flows_summary_synthetic": (
        "Moves of a SYNTHETIC population (careers synth: no real person), over the career map; small counts withheld as for real records.",
        "Déplacements d'une population SYNTHÉTIQUE (careers synth : aucune personne réelle), sur la carte des carrières ; petits nombres "
        "retenus comme pour de vrais dossiers.",
    ),
    "move_promotion": ("promotion", "promotion"),
    "move_deployment": ("deployment", "mutation"),
    "move_appointment": ("appointment (advertised process)", "nomination (processus annoncé)"),
    "move_acting appointment": ("acting appointment", "nomination intérimaire"),
    "move_entry": ("entry", "entrée"),
    "move_executive appointment": ("executive appointment", "nomination à la direction"),
    "move_demotion": ("demotion", "rétrogradation"),
    "executive_levels": ("Executive levels", "Niveaux de direction"),
    "moves_shown": ("Moves shown", "Déplacements montrés"),
    "moves_hint": (
        "Selecting a node shows all its moves.",
        "Sélectionner un nœud montre tous ses déplacements.",
    ),
    "community": ("career community", "communauté de carrière"),
    "positions_count": ("{count} positions", "{count} postes"),
    "moves_count": ("{count} moves between these positions.", "{count} déplacements entre ces postes."),
    "aggregate_hint": (
        "Too many positions to draw one by one. For paths between positions, use the pathway explorer; for a stream's "
        'neighbourhood, careers graph --focus "STREAM" --html; for a path on the map, careers path FROM TO --html.',
        "Trop de postes pour les dessiner un à un. Pour les cheminements entre postes, utilisez l'explorateur de cheminements ; "
        'pour le voisinage d\'un volet, careers graph --focus "VOLET" --html ; pour un cheminement sur la carte, '
        "careers path DE VERS --html.",
    ),
    "aggregate_description": (
        "{positions} positions, more than {limit}: each box is a career community's positions at one level, each line the "
        "moves between two boxes (width: how many). Choose a stream under “Show a stream in detail” to draw its positions and "
        "their moves; select a box for its streams.",
        "{positions} postes, plus de {limit} : chaque boîte regroupe les postes d'une communauté de carrière à un niveau, chaque "
        "trait les déplacements entre deux boîtes (largeur : combien). Choisissez un volet sous « Montrer un volet en détail » pour "
        "dessiner ses postes et leurs déplacements ; sélectionnez une boîte pour ses volets.",
    ),
    "pooled_hint": (
        "{count} nodes of this kind, too many to draw one by one: careers graph --focus NAME --html draws the neighbourhood of one.",
        "{count} nœuds de ce type, trop pour les dessiner un à un : careers graph --focus NOM --html dessine le voisinage de l'un d'eux.",
    ),
    "links_count": ("{count} links of this kind.", "{count} liens de ce type."),
    "stream_detail": ("Show a stream in detail", "Montrer un volet en détail"),
    "stream_detail_none": ("(none)", "(aucun)"),
    "colon": (": ", "\u00a0: "),
    "semicolon": ("; ", "\u00a0; "),
    "reach_title": ("Start from my skills", "Partir de mes compétences"),
    "reach_intro": (
        "Pick the official skills you have, each at its level, and your level if you are in the public service. Every "
        "position one move away is ranked by the same cost as the paths above, with the move the staffing rules allow, "
        "what you would gain or deepen, and the one skill that would open the most doors. Nothing leaves your browser: "
        "your choices are kept in this page's address, so that you can bookmark or share them.",
        "Choisissez les compétences officielles que vous avez, chacune à son niveau, et votre niveau si vous êtes dans la "
        "fonction publique. Chaque poste à un déplacement est classé selon le même coût que les cheminements ci-dessus, "
        "avec le déplacement que permettent les règles de dotation, ce qu'il vous faudrait acquérir ou approfondir, et la "
        "compétence qui ouvrirait le plus de portes. Rien ne quitte votre navigateur : vos choix restent dans l'adresse "
        "de cette page, que vous pouvez garder en favori ou partager.",
    ),
    "reach_skill": ("Skill", "Compétence"),
    "reach_skill_placeholder": ("e.g. data analysis, cybersecurity", "p. ex. analyse des données, cybersécurité"),
    "reach_skill_level": ("Its level", "Son niveau"),
    "reach_add": ("Add the skill", "Ajouter la compétence"),
    "reach_remove": ("Remove {skill}", "Retirer {skill}"),
    "reach_my_skills": ("My skills", "Mes compétences"),
    "reach_none_yet": ("No skills yet: add one above.", "Aucune compétence pour l'instant : ajoutez-en une ci-dessus."),
    "reach_my_level": ("My level", "Mon niveau"),
    "reach_outside": ("outside the public service", "hors de la fonction publique"),
    "reach_top": ("Positions to show", "Postes à montrer"),
    "reach_find": ("Show where my skills can take me", "Montrer où mes compétences peuvent me mener"),
    "reach_choose_skill": ("Choose a skill from the suggestions.", "Choisissez une compétence parmi les suggestions."),
    "reach_no_skills": ("Add at least one skill first.", "Ajoutez d'abord au moins une compétence."),
    "reach_result": (
        "{count} position(s) within one move; the {shown} cheapest:",
        "{count} poste(s) à un déplacement ; les {shown} moins coûteux :",
    ),
    "reach_nothing": ("No position is one move away from this level.", "Aucun poste n'est à un déplacement de ce niveau."),
    "reach_gap": ("To gain or deepen", "À acquérir ou approfondir"),
    "reach_none": ("nothing: you have every skill it asks", "rien : vous avez toutes les compétences demandées"),
    "reach_assumed": ("its level is an assumption", "son niveau est une hypothèse"),
    "reach_opening": (
        "The skill that opens the most doors: {skill} ({level}), which brings {after} positions within a cost of {within} "
        "instead of {before}.",
        "La compétence qui ouvre le plus de portes : {skill} ({level}), qui met {after} postes à un coût d'au plus {within} "
        "au lieu de {before}.",
    ),
    "reach_opening_none": (
        "No single skill brings more positions within a cost of {within}.",
        "Aucune compétence seule ne met plus de postes à un coût d'au plus {within}.",
    ),
    "explorer_title": ("Career pathway explorer", "Explorateur de cheminements de carrière"),
    "explorer_summary": (
        "How do I get from here to there? Choose where you are and where you want to go: the best paths, each move with the rule "
        "or sentence that allows it, the skills to gain and the pay.",
        "Comment aller d'ici à là? Choisissez où vous êtes et où vous voulez aller : les meilleurs cheminements, chaque déplacement "
        "avec la règle ou la phrase qui le permet, les compétences à acquérir et la rémunération.",
    ),
    "explorer_intro": (
        "Type a position, stream, role or level, choose from the suggestions (arrow keys and Enter), then find the paths. "
        "The answers are those of the command careers path, computed in this page, offline. A cost counts the skills to gain and "
        "those left behind (a promotion in one's own stream costs 1); each step lists only the skills earlier steps did not give.",
        "Tapez un poste, un volet, un rôle ou un niveau, choisissez parmi les suggestions (flèches et Entrée), puis cherchez les "
        "cheminements. Les réponses sont celles de la commande « careers path », calculées dans cette page, hors ligne. Un coût compte "
        "les compétences à acquérir et celles laissées derrière (une promotion dans son propre volet coûte 1) ; chaque étape ne "
        "montre que les compétences que les étapes précédentes n'ont pas données.",
    ),
    "explorer_placeholder": ("e.g. IT-02 database, student, EX-01", "p. ex. IT-02 bases de données, étudiant, EX-01"),
    "explorer_from": ("Where you are", "Où vous êtes"),
    "explorer_to": ("Where you want to go", "Où vous voulez aller"),
    "explorer_find": ("Find paths", "Trouver les cheminements"),
    "explorer_k": ("Paths to show", "Cheminements à montrer"),
    "explorer_path": ("Career path", "Cheminement"),
    "explorer_path_any": ("either", "l'un ou l'autre"),
    "explorer_path_management": ("management", "gestion"),
    "explorer_path_individual": ("individual contributor", "contributeur individuel"),
    "explorer_avoid": ("Avoid a stream", "Éviter un volet"),
    "explorer_avoid_none": ("(none)", "(aucun)"),
    "explorer_stated_only": ("Only moves the page states", "Seulement les déplacements que la page énonce"),
    "explorer_assumed_levels": (
        "Also through positions whose level the page does not state (an assumption)",
        "Aussi par des postes dont la page n'énonce pas le niveau (une hypothèse)",
    ),
    "explorer_no_path": ("No path satisfies these choices.", "Aucun cheminement ne répond à ces choix."),
    "explorer_choose": ("Choose a start and an end from the suggestions.", "Choisissez un départ et une arrivée parmi les suggestions."),
    "explorer_results": ("Paths", "Cheminements"),
    "explorer_result": ("{count} path(s) found.", "{count} cheminement(s) trouvé(s)."),
    "explorer_moves": ("Path {number}: {moves} moves, cost {cost}", "Cheminement {number} : {moves} déplacements, coût {cost}"),
    "explorer_moves_one": ("Path {number}: 1 move, cost {cost}", "Cheminement {number} : 1 déplacement, coût {cost}"),
    "explorer_cost_means": (
        "Cost: how hard a path is, move by move. One promotion along your own stream counts 1 and a deployment 0.5; a move "
        "costs more for each skill of the new position you lack and each of your skills it leaves unused. Lower is easier.",
        "Coût : la difficulté d'un cheminement, déplacement par déplacement. Une promotion dans votre propre volet compte 1 et une "
        "mutation 0,5 ; un déplacement coûte plus pour chaque compétence du nouveau poste qui vous manque et chacune des vôtres qu'il "
        "n'utilise pas. Plus bas, c'est plus facile.",
    ),
    "explorer_summary_line": (
        "Pay {start} at the start, {end} at the end; {promotions} promotion(s); {skills} skill(s) to gain.",
        "Rémunération {start} au départ, {end} à l'arrivée ; {promotions} promotion(s) ; {skills} compétence(s) à acquérir.",
    ),
    "explorer_no_path_down": (
        "No path: the destination is at a lower level than the start, and the staffing rules this explorer follows only go up or "
        "across (a demotion is a person's own choice: careers path --demotion shows it).",
        "Aucun cheminement : l'arrivée est à un niveau inférieur au départ, et les règles de dotation que suit cet explorateur ne "
        "font que monter ou rester au même niveau (une rétrogradation est un choix de la personne : « careers path --demotion » la montre).",
    ),
    "explorer_cost": ("cost", "coût"),
    "explorer_stated_count": ("{stated} of {moves} moves stated by the page", "{stated} de {moves} déplacements énoncés par la page"),
    "explorer_stated_count_one": ("{stated} of 1 move stated by the page", "{stated} de 1 déplacement énoncé par la page"),
    "explorer_rule_count": ("{count} allowed by a staffing rule", "{count} permis par une règle de dotation"),
    "explorer_allowed_by": ("Allowed by", "Permis par"),
    "explorer_page_says": ("The page says", "La page dit"),
    "explorer_assumes": ("Assumes", "Suppose"),
    "explorer_gain": ("Skills to gain", "Compétences à acquérir"),
    "gap_column_skill": ("skill", "compétence"),
    "gap_column_status": ("status", "statut"),
    "reach_column_position": ("position", "poste"),
    "reach_column_move": ("move", "déplacement"),
    "reach_column_cost": ("cost", "coût"),
    "reach_column_to_gain_or_deepen": ("to gain or deepen", "à acquérir ou approfondir"),
    "gap_to_gain": ("to gain", "à acquérir"),
    "gap_to_deepen": ("to deepen", "à approfondir"),
    "gap_carry_over": ("carry over", "conservée"),
    "gap_left_behind": ("left behind", "laissée de côté"),
    "gap_heading": (
        "{source} -> {target}: {to_gain} to gain, {to_deepen} to deepen, {carry_over} carry over, {left_behind} left behind",
        "{source} -> {target} : {to_gain} à acquérir, {to_deepen} à approfondir, {carry_over} conservées, {left_behind} laissées de côté",
    ),
    "gap_move": ("{kind} ({basis}: {rule}; cost {cost})", "{kind} ({basis} : {rule} ; coût {cost})"),
    "gap_direct": ("direct move: {moves}", "déplacement direct : {moves}"),
    "gap_no_direct": (
        "none (the rules allow no single move between them)",
        "aucun (les règles ne permettent aucun déplacement direct entre eux)",
    ),
    "path_column_path": ("path", "cheminement"),
    "path_column_step": ("step", "étape"),
    "path_column_from": ("from", "de"),
    "path_column_to": ("to", "vers"),
    "path_column_kind": ("kind", "type"),
    "path_column_basis": ("basis", "fondement"),
    "path_column_rule": ("rule", "règle"),
    "path_column_rule_id": ("rule id", "identifiant de la règle"),
    "path_column_assumptions": ("assumptions", "hypothèses"),
    "path_column_cost": ("cost", "coût"),
    "path_column_skills_to_gain": ("skills to gain", "compétences à acquérir"),
    "path_column_skills_to_deepen": ("skills to deepen", "compétences à approfondir"),
    "path_column_held_from_earlier_steps": ("held from earlier steps", "acquises aux étapes précédentes"),
    "path_column_pay": ("pay", "rémunération"),
    "path_column_pay_change": ("pay change", "changement de rémunération"),
    "path_column_evidence": ("evidence", "preuve"),
    "path_column_page_says": ("page says", "la page dit (en anglais)"),
    "ladders_stream": ("stream", "volet"),
    "ladders_entry_level": ("entry level", "niveau d'entrée"),
    "ladders_entry_pay": ("entry pay", "rémunération d'entrée"),
    "ladders_management_top": ("management top", "sommet en gestion"),
    "ladders_management_top_pay": ("management top pay", "rémunération au sommet en gestion"),
    "ladders_individual_contributor_top": ("individual-contributor top", "sommet en contribution individuelle"),
    "ladders_individual_contributor_top_pay": (
        "individual-contributor top pay",
        "rémunération au sommet en contribution individuelle",
    ),
    "mobility_way_up_answer": ("a promotion into another stream or path", "une promotion dans un autre volet ou cheminement"),
    "mobility_stream_similarity": ("stream similarity", "similarité des volets"),
    "mobility_gateways": ("gateways", "passages"),
    "mobility_bridges_between_communities": ("bridges between communities", "ponts entre communautés"),
    "mobility_ceilings": ("ceilings", "plafonds"),
    "mobility_skill_clusters": ("skill clusters", "groupes de compétences"),
    "mobility_stream": ("stream", "volet"),
    "mobility_other_stream": ("other stream", "autre volet"),
    "mobility_similarity": ("similarity", "similarité"),
    "mobility_shared_official_skills": ("shared official skills", "compétences officielles communes"),
    "mobility_position": ("position", "poste"),
    "mobility_betweenness": ("betweenness", "intermédiarité"),
    "mobility_pagerank": ("pagerank", "PageRank"),
    "mobility_from": ("from", "de"),
    "mobility_to": ("to", "vers"),
    "mobility_kind": ("kind", "type"),
    "mobility_basis": ("basis", "fondement"),
    "mobility_cost": ("cost", "coût"),
    "mobility_skills_to_gain": ("skills to gain", "compétences à acquérir"),
    "mobility_way_up": ("way up", "issue vers le haut"),
    "mobility_cluster": ("cluster", "groupe"),
    "mobility_streams": ("streams", "volets"),
    "mobility_official_communities": ("official communities", "communautés officielles"),
    "mobility_cuts_across_official_communities": ("cuts across official communities", "traverse les communautés officielles"),
    "cli_unknown_name": ("nothing is called {name!r}", "rien ne s'appelle « {name} »"),
    "cli_closest": ("; closest: {names}", " ; les plus proches : {names}"),
    "cli_ambiguous_name": ("{name!r} matches {count} nodes: {names}", "« {name} » correspond à {count} nœuds : {names}"),
    "cli_step": (
        "{kind} to {to} ({basis}: {rule}, {rule_id}; cost {cost})",
        "{kind} vers {to} ({basis} : {rule}, {rule_id} ; coût {cost})",
    ),
    "cli_assumes": ("assumes: {items}", "suppose : {items}"),
    "cli_gain": ("skills to gain ({count}): {items}", "compétences à acquérir ({count}) : {items}"),
    "cli_qualifications": ("qualifications to show ({count}): {items}", "qualifications à démontrer ({count}) : {items}"),
    "cli_deepen": ("skills to deepen ({count}): {items}", "compétences à approfondir ({count}) : {items}"),
    "cli_earlier": ("held from earlier steps: {items}", "acquises aux étapes précédentes : {items}"),
    "cli_pay": ("pay: {pay}", "rémunération : {pay}"),
    "cli_page_says": ("the page says: “{quote}”", "la page dit (en anglais) : « {quote} »"),
    "explorer_qualifications": (
        "Qualifications to show (the position's essential skills)",
        "Qualifications à démontrer (compétences essentielles du poste)",
    ),
    "explorer_deepen": ("Skills to deepen", "Compétences à approfondir"),
    "explorer_earlier": ("Held from earlier steps", "Acquises aux étapes précédentes"),
    "explorer_none": ("none", "aucune"),
    "explorer_observed": ("Observed", "Observé"),
    "explorer_observed_none": (
        "no published count for this move (none, fewer than {threshold}, or withheld)",
        "aucun nombre publié pour ce déplacement (aucun, moins de {threshold}, ou retenu)",
    ),
    "cli_wrote": ("wrote {path}", "écrit {path}"),
    "cli_bad_level": (
        "--level {level!r}: give an IT or EX level (IT-01 .. IT-05, EX-01 .. EX-05; CS-0n is read as IT-0n)",
        "« --level {level} »\u00a0: donnez un niveau IT ou EX (IT-01 .. IT-05, EX-01 .. EX-05\u00a0; CS-0n se lit IT-0n)",
    ),
    "cli_read_as": (
        "note: {name!r} read as {modern!r} (the page: “The CS occupational group recently became the IT occupational group”)",
        "note\u00a0: « {name} » lu comme « {modern} » (la page dit, en anglais\u00a0: « The CS occupational group recently became "
        "the IT occupational group »)",
    ),
    "show_position": ("position", "poste"),
    "show_id": ("id", "identifiant"),
    "show_role": ("role", "rôle"),
    "show_level": ("level", "niveau"),
    "show_stream": ("stream", "volet"),
    "show_community": ("community", "communauté"),
    "show_path": ("path", "cheminement"),
    "show_pay": ("pay", "rémunération"),
    "show_skill_profile_from": ("skill profile from", "profil de compétences tiré de"),
    "show_essential_skills": ("essential skills", "compétences essentielles"),
    "show_specialisation_skills": ("specialisation skills", "compétences de spécialisation"),
    "show_asset_skills": ("asset skills", "compétences constituant un atout"),
    "show_responsibilities": ("responsibilities", "responsabilités (en anglais)"),
    "show_crosswalks": ("crosswalks", "correspondances"),
    "show_cheapest_moves_out": ("cheapest moves out", "déplacements sortants les moins coûteux"),
    "show_level_note": ("level note", "note sur le niveau"),
    "show_official_skills": ("official skills", "compétences officielles"),
    "show_positions": ("positions", "postes"),
    "show_most_similar_streams": ("most similar streams", "volets les plus semblables"),
    "show_found_in_streams": ("found in streams", "présent dans les volets"),
    "show_where_note": ("where note", "note sur les volets"),
    "show_definition": ("definition", "définition (en anglais)"),
    "show_levels": ("levels", "niveaux"),
    "show_group": ("group", "groupe"),
    "show_skill": ("skill", "compétence"),
    "show_English_name": ("English name", "nom anglais"),
    "show_French_name": ("French name", "nom français"),
    "show_category": ("category", "catégorie"),
    "show_required_by_positions": ("required by positions", "exigée par les postes"),
    "show_job_templates": ("job templates", "modèles d'emploi"),
    "show_entry": ("entry", "entrée"),
    "show_executive": ("executive", "cadre de direction"),
    "show_move": (
        "to {target}: {kind} ({basis}; {rule}{assumes}; cost {cost}, {skills} to gain or deepen)",
        "vers {target}\u00a0: {kind} ({basis} ; {rule}{assumes} ; coût {cost}, {skills} à acquérir ou à approfondir)",
    ),
    "show_skill_count": ("{count} skill", "{count} compétence"),
    "show_skills_count": ("{count} skills", "{count} compétences"),
    "show_assumes": ("; assumes {names}", " ; suppose {names}"),
    "show_level_not_given": ("level not given", "niveau non précisé"),
    "show_level_not_stated": ("level not stated by the source", "niveau non énoncé par la source"),
    "show_role_not_stated": ("none stated", "aucun énoncé"),
    "show_no_role": ("none stated (level not stated by the source)", "aucun énoncé (niveau non énoncé par la source)"),
    "show_no_path": ("none (below {level})", "aucun (sous {level})"),
    "show_the_paths": ("the paths", "les cheminements"),
    "show_method_responsibilities": ("responsibilities", "responsabilités"),
    "show_method_official_job_template": ("official job template", "modèle d'emploi officiel"),
    "show_no_position": ("(no stream-specific position)", "(aucun poste propre à un volet)"),
    "show_where_note_text": (
        "the page says this role is “primarily found in” these streams; this graph reads it as only these ({assumption})",
        "la page dit que ce rôle se trouve « principalement » dans ces volets ; ce graphe le lit comme « seulement » dans "
        "ceux-ci ({assumption})",
    ),
    "show_category_technical": ("technical", "technique"),
    "show_category_behavioural": ("behavioural", "comportementale"),
    "report_none": ("_(none)_", "_(aucun)_"),
    "report_title": (
        "# Career mobility in the Government of Canada's digital community",
        "# La mobilité de carrière dans la collectivité numérique du gouvernement du Canada",
    ),
    "report_intro": (
        "Built from the knowledge graph: {positions} positions in {streams} streams, {routes} entry routes and {executives} executive "
        "levels. Moves are made as the Government of Canada makes them (promotion, deployment within a cap on the skills to gain, "
        "appointment through an advertised process beyond it, acting appointment, entry, executive appointment), each under the public "
        "rule that allows it. Of the {moves} moves drawn here, {stated} are stated by the Careers in digital page (with its sentence) "
        "and {ruled} are allowed by a cited rule; where the sources are silent, a named assumption says what the project chose. The "
        "graph draws each position's 3 cheapest deployments, appointments at its level and promotions into other streams; the path "
        "search considers them all.",
        "Tiré du graphe de connaissances : {positions} postes dans {streams} volets, {routes} voies d'entrée et {executives} niveaux "
        "de direction. Les déplacements se font comme le gouvernement du Canada les fait (promotion, mutation sous un plafond de "
        "compétences à acquérir, nomination par un processus annoncé au-delà, nomination intérimaire, entrée, nomination à la "
        "direction), chacun en vertu de la règle publique qui le permet. Des {moves} déplacements tracés ici, {stated} sont énoncés "
        "par la page « Careers in digital » (avec sa phrase) et {ruled} sont permis par une règle citée ; là où les sources se taisent, "
        "une hypothèse nommée dit ce que le projet a choisi. Le graphe trace, pour chaque poste, les 3 mutations, nominations à son "
        "niveau et promotions vers d'autres volets les moins coûteuses ; la recherche de cheminements les considère toutes.",
    ),
    "report_findings": ("## Key findings", "## Principaux constats"),
    "report_ladders": ("## Career ladders", "## Échelles de carrière"),
    "report_ladders_chart": ("![Career ladders](ladders.png)", "![Échelles de carrière](ladders.fr.png)"),
    "chart_first_streams": (" (the first {shown} of {total} streams)", " (les {shown} premiers des {total} volets)"),
    "chart_similarity": (
        "Stream similarity{shown}\n(weighted Jaccard of the official skills of their responsibilities)",
        "Similarité des volets{shown}\n(Jaccard pondéré des compétences officielles de leurs responsabilités)",
    ),
    "chart_before_split": ("before the paths split", "avant la séparation des cheminements"),
    "chart_ladders": (
        "Career ladders: positions by IT stream and level{more}",
        "Échelles de carrière : postes par volet de la TI et par niveau{more}",
    ),
    "report_ladders_intro": (
        "Each IT stream's roles by level, its entry level, the top of each path, and the current pay range of each (GC Digital "
        "Talent's IT rates; see the pay table for the CS rates and dates).",
        "Les rôles de chaque volet de la TI par niveau, son niveau d'entrée, le sommet de chaque cheminement, et l'échelle de "
        "rémunération actuelle de chacun (les taux IT de Talents numériques du GC ; voir le tableau de la rémunération pour les taux "
        "CS et les dates).",
    ),
    "report_pay": ("## Pay by level", "## Rémunération par niveau"),
    "report_pay_intro": (
        "The IT group's rates and the CS rates the page says apply to IT levels until a new collective agreement; executive rates "
        "from GC Digital Talent (no date) and from two public pages (dated).",
        "Les taux du groupe IT et les taux CS qui, selon la page, s'appliquent aux niveaux IT jusqu'à une nouvelle convention "
        "collective ; les taux des cadres selon Talents numériques du GC (sans date) et deux pages publiques (datées).",
    ),
    "report_rules": ("## How moves are made: staffing rules", "## Comment se font les déplacements : les règles de dotation"),
    "report_assumptions": ("### Assumptions where the sources are silent", "### Les hypothèses là où les sources se taisent"),
    "report_moves": ("### Moves by kind and basis", "### Les déplacements par type et par fondement"),
    "report_skills": ("## Official skills", "## Compétences officielles"),
    "report_similarity": ("## Stream similarity", "## Similarité des volets"),
    "report_similarity_intro": (
        "Weighted Jaccard index of the official skills of the streams' responsibilities.",
        "Indice de Jaccard pondéré des compétences officielles des responsabilités des volets.",
    ),
    "report_similarity_chart": (
        "![Similarity heat map](similarity-heatmap.png)",
        "![Carte de chaleur de la similarité](similarity-heatmap.fr.png)",
    ),
    "report_gateways": ("## Gateways", "## Passages"),
    "report_gateways_intro": (
        "Cost-weighted betweenness and PageRank of positions.",
        "Intermédiarité pondérée par le coût et PageRank des postes.",
    ),
    "report_bridges": ("## Moves between communities", "## Les déplacements entre communautés"),
    "report_ceilings": ("## Ceilings", "## Plafonds"),
    "report_ceilings_intro": (
        "Positions below IT-05 whose own stream and path stop there.",
        "Les postes sous IT-05 où s'arrêtent leur propre volet et leur cheminement.",
    ),
    "report_clusters_heading": (
        "## Skill clusters and the official communities",
        "## Les groupes de compétences et les communautés officielles",
    ),
    "report_files": (
        "Every table is also in this folder as CSV and JSON.",
        "Chaque tableau est aussi dans ce dossier en CSV et en JSON (*.fr.csv, *.fr.json).",
    ),
    "report_entry": (
        "**Entry.** {count} of {total} IT streams ({streams}) start at IT-01 with Technicians; the other {rest} start at IT-02 with "
        "Analysts.",
        "**Entrée.** {count} des {total} volets de la TI ({streams}) commencent à IT-01 avec des techniciens ; les {rest} autres "
        "commencent à IT-02 avec des analystes.",
    ),
    "report_individual": (
        "**Individual contributors.** In its own stream, the individual-contributor ladder stops {stops}. No stream has an IT-05 "
        "individual-contributor position: the Senior Strategist pilot names no stream.",
        "**Contributeurs individuels.** Dans son propre volet, l'échelle de contributeur individuel s'arrête {stops}. Aucun volet n'a "
        "de poste de contributeur individuel IT-05 : le projet pilote de stratège principal ne nomme aucun volet.",
    ),
    "report_stop": ("at {top} in {streams}", "à {top} dans {streams}"),
    "report_and": ("; and ", " ; et "),
    "report_no_individual": ("no individual-contributor position", "aucun poste de contributeur individuel"),
    "report_management": (
        "**Management.** The management ladder reaches IT-05 Director in {count} streams and stops at IT-04 Manager in {streams}: from "
        "there the way up is a promotion into another stream (an appointment the rules allow).",
        "**Gestion.** L'échelle de gestion atteint IT-05 directeur dans {count} volets et s'arrête à IT-04 gestionnaire dans "
        "{streams} : de là, la voie vers le haut est une promotion dans un autre volet (une nomination que permettent les règles).",
    ),
    "report_unstated": (
        "**Streams without stated levels.** The page gives {streams} no levels; each holds a position at each IT level, the level a "
        "person brings on a deployment (a named assumption, `gcd:{assumption}`).",
        "**Volets sans niveaux énoncés.** La page ne donne aucun niveau à {streams} ; chacun a un poste à chaque niveau de la TI, le "
        "niveau qu'une personne apporte lors d'une mutation (une hypothèse nommée, `gcd:{assumption}`).",
    ),
    "report_path_words": ("{steps} ({moves} moves, cost {cost})", "{steps} ({moves} déplacements, coût {cost})"),
    "report_skills_finding": (
        "**Official skills.** {templates} of {total} positions take their skill profile from GC Digital Talent's job templates; the "
        "other {rest} from the official skills of their responsibilities.",
        "**Compétences officielles.** {templates} des {total} postes tirent leur profil de compétences des modèles d'emploi de "
        "Talents numériques du GC ; les {rest} autres, des compétences officielles de leurs responsabilités.",
    ),
    "report_pay_finding": (
        "**Pay.** {top} pays {top_pay} and {executive} {executive_pay} in GC Digital Talent's ranges (no date in the source): the "
        "first executive level starts {start} {top}'s minimum and tops out {end} its maximum.",
        "**Rémunération.** {top} est rémunéré {top_pay} et {executive} {executive_pay} selon les échelles de Talents numériques du GC "
        "(sans date dans la source) : le premier niveau de direction commence {start} minimum de {top} et plafonne {end} son maximum.",
    ),
    "report_above_minimum": ("above", "au-dessus du"),
    "report_below_minimum": ("below", "au-dessous du"),
    "report_above_maximum": ("above", "au-dessus de"),
    "report_below_maximum": ("below", "au-dessous de"),
    "report_clusters": (
        "**Skill clusters.** Clustering the {streams} streams by their official skills (Louvain, seed 42) gives {clusters} clusters; "
        "{cutting} cut across the official communities.",
        "**Groupes de compétences.** Le regroupement des {streams} volets selon leurs compétences officielles (Louvain, graine 42) "
        "donne {clusters} groupes ; {cutting} traversent les communautés officielles.",
    ),
    "report_positions": ("positions", "postes"),
    "report_items": ("responsibilities, expertise and functional areas", "responsabilités, expertises et domaines fonctionnels"),
    "report_link_name": ("a skill's name in its words", "le nom d'une compétence dans ses mots"),
    "report_link_keyword": ("a skill's keyword in its words", "un mot-clé d'une compétence dans ses mots"),
    "report_link_editor": ("an editor's link", "le lien d'un éditeur"),
    "report_link_editor_only": ("an editor's link only (no term matched)", "le lien d'un éditeur seulement (aucun terme trouvé)"),
    "report_link_any": ("any", "au moins une façon"),
    "report_column_what": ("what", "quoi"),
    "report_column_how": ("how", "comment"),
    "report_column_count": ("count", "nombre"),
    "report_column_of": ("of", "sur"),
    "report_column_rule": ("rule", "règle"),
    "report_column_kind_of_move": ("kind of move", "type de déplacement"),
    "report_column_condition": ("condition", "condition"),
    "report_column_quotes": ("quotes", "citations"),
    "report_column_assumption": ("assumption", "hypothèse"),
    "report_column_parameter": ("parameter", "paramètre"),
    "report_column_value": ("value", "valeur"),
    "report_column_note": ("note", "note"),
    "report_column_kind": ("kind", "type"),
    "report_column_basis": ("basis", "fondement"),
    "report_column_moves": ("moves", "déplacements"),
    "report_column_level": ("level", "niveau"),
    "report_column_minimum": ("minimum", "minimum"),
    "report_column_maximum": ("maximum", "maximum"),
    "report_column_effective_date": ("effective date", "date d'entrée en vigueur"),
    "report_column_date_note": ("date note", "note sur la date"),
    "report_column_source": ("source", "source"),
    "explorer_text_version": (
        "Text version: every state, and the pay of each level",
        "Version texte : chaque état, et la rémunération de chaque niveau",
    ),
}


def named(lang: str, prefix: str, key: str) -> str:
    """A table's or column's name ``key`` in ``lang``.

    The text ``prefix`` + ``key`` (spaces and hyphens as ``_``), or ``key`` itself when there is none (a column named
    after a role, say).

    >>> named("fr", "ladders_", "entry level"), named("fr", "ladders_", "analyste")
    ("niveau d'entrée", 'analyste')
    """
    entry = prefix + re.sub(r"[ -]", "_", key)
    return text(lang, entry) if entry in _WORDS else key


def number(value: int, lang: str) -> str:
    """A whole number as ``lang`` writes it: ``17,000``, or ``17 000`` in French (a no-break space).

    >>> number(17000, "fr") == "17\u00a0000", number(17000, "en")
    (True, '17,000')
    """
    return f"{value:,}".replace(",", "\u00a0") if lang == "fr" else f"{value:,}"


def percent(share: float, lang: str) -> str:
    """A share as a whole percentage, as ``lang`` writes it: ``87%``, or ``87 %`` in French.

    >>> percent(0.874, "en"), percent(0.874, "fr") == "87\u00a0%"
    ('87%', True)
    """
    return f"{share:.0%}".replace("%", "\u00a0%") if lang == "fr" else f"{share:.0%}"


def decimal(value: float, lang: str) -> str:
    """A decimal number as it is, with a decimal comma in French: ``4.2``, ``4,2``."""
    return str(value).replace(".", ",") if lang == "fr" else str(value)


def listing(items: Iterable[str], lang: str) -> str:
    """Items as a list reads in ``lang``: ``a; b``, or ``a ; b`` in French.

    >>> listing(["a", "b"], "fr")
    'a ; b'
    """
    return (" ; " if lang == "fr" else "; ").join(items)


def text(lang: str, key: str, **values: object) -> str:
    """The interface text ``key`` in ``lang`` (``en`` or ``fr``), with ``values`` filled in (``{name}``)."""
    english, french = _WORDS[key]
    words = french if lang == "fr" else english
    return words.format(**values) if values else words


class Words:
    """The interface words of ``lang`` as attributes, for the pages' templates: ``Words("fr").search``.

    >>> Words("fr").search
    'Rechercher'
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):  # not a word: let hasattr() and copy see an ordinary object
            raise AttributeError(key)
        return text(self.lang, key)
