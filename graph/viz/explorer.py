"""The pathway explorer: "how do I get from here to there?", answered offline in the page, as ``careers path`` answers it.

The page carries the mobility model in the shape the path search reads it (`graph.mobility.search`): each
state's explicit moves, and its implicit moves as lanes of buckets of targets that cost the same, with
each move's rule, the page's sentence when the page states it, its assumptions, its skill gap and the
pay at its end. ``static/explorer.js`` runs the same search (A* over lazily opened buckets, then Yen's
algorithm, with the same ties) so that the page's paths are the command's; a browser test compares
them. Observed counts, when observed data is given, are the published (suppressed) ones.

Examples
--------
>>> from graph.mobility.analysis import analyse
>>> from graph.load import load
>>> from graph.derive import derive
>>> facts, model = analyse(derive(load().g))
>>> data = explorer_data(facts, model, "en", {})
>>> move = data["explicit"][data["ids"].index("position-it-02-analyst-it-security")][0]
>>> data["ids"][move[0]], move[1], move[2]
('position-it-03-team-lead-it-security', 'promotion', 'stated')
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

import jinja2

from graph.content_policy import PAGE_CSP
from graph.i18n import Words, text
from graph.mobility import costs
from graph.mobility.explain import BASIS_WORDS
from graph.mobility.facts import Facts
from graph.mobility.moves import EVIDENCE, EVIDENCE_FR, KIND_ORDER, MobilityModel, Move
from graph.mobility.pay import pay_line, pay_range
from graph.mobility.reach import OPENING_WITHIN
from graph.mobility.resolve import CS_PATTERN
from graph.viz.page import PAGE_HEAD, safe_json, static_text
from graph.viz.style import label_of

if TYPE_CHECKING:
    from graph.observe.published import Published

__all__ = ["explorer_data", "explorer_page"]

_KIND_WORDS = {"position": "position", "entry": "entry route", "executive": "executive"}

_SCRIPT_WORDS = (
    "explorer_no_path",
    "explorer_choose",
    "explorer_result",
    "explorer_moves",
    "explorer_moves_one",
    "explorer_cost_means",
    "explorer_summary_line",
    "explorer_no_path_down",
    "explorer_cost",
    "explorer_stated_count",
    "explorer_stated_count_one",
    "explorer_rule_count",
    "explorer_allowed_by",
    "explorer_page_says",
    "explorer_assumes",
    "explorer_gain",
    "explorer_qualifications",
    "explorer_deepen",
    "explorer_earlier",
    "explorer_none",
    "explorer_observed",
    "explorer_observed_none",
    "pay",
    "synthetic",
    "move_promotion",
    "move_deployment",
    "move_appointment",
    "move_acting appointment",
    "move_entry",
    "move_executive appointment",
    "colon",
    "semicolon",
    "reach_remove",
    "reach_none_yet",
    "reach_choose_skill",
    "reach_no_skills",
    "reach_result",
    "reach_nothing",
    "reach_gap",
    "reach_none",
    "reach_assumed",
    "reach_opening",
    "reach_opening_none",
)
"""The words ``static/explorer.js`` shows (the template's come from `graph.i18n.Words`)."""


class _Table(list[Any]):
    """Values listed once, in the order first seen: `index` adds a value if it is new and returns its position.

    >>> table = _Table()
    >>> table.index("a"), table.index("b"), table.index("a"), table
    (0, 1, 0, ['a', 'b'])
    """

    def __init__(self) -> None:
        super().__init__()
        self._positions: dict[Hashable, int] = {}

    def index(self, value: Hashable) -> int:  # type: ignore[override]
        if value not in self._positions:
            self._positions[value] = len(self)
            self.append(value)
        return self._positions[value]


class _Details:
    """Each distinct move description once, moves referring to it by index; skills and words by index into tables.

    A description is ``[rule, assumptions, gap, evidence, quotes]``: the rule, the evidence, each assumption and
    each quote an index into `texts`; the gap's items ``[skill, level required, level held or null]`` in the
    model's order, each skill an index into `skills` (by id; `skill_names` names them).
    """

    def __init__(self, facts: Facts, names: dict[str, str], lang: str = "en") -> None:
        self.facts, self.names, self.lang = facts, names, lang
        self.items, self.skills, self.texts = _Table(), _Table(), _Table()
        self.profiles = _Table()  # each distinct skill profile once: ((skill, level), ...)

    def profile(self, skills: dict[str, int | None]) -> int:
        """The index of a skill profile (``{skill: level}``) in `profiles`, its skills by index."""
        return self.profiles.index(tuple((self.skill(s), level) for s, level in skills.items()))

    def skill(self, skill: str) -> int:
        """The index of an official skill (by id: two skills of the same name stay two)."""
        return self.skills.index(skill)

    def skill_names(self, lang: str) -> list[str]:
        """The names of `skills` in ``lang`` (GC Digital Talent's French names on the French page)."""
        official = self.facts.skills
        return [self.facts.skill_label(s, lang) if s in official else self.names.get(s) or s for s in self.skills]

    def of(self, move: Move) -> int:
        rule = self.names.get(move.rule) or self.facts.rule_label(move.rule)

        def assumption(a: str) -> str:
            return self.names.get(a) or self.facts.assumption_label(a)

        skill = self.skill
        return self.items.index(
            (
                self.texts.index(rule),
                tuple(self.texts.index(assumption(a)) for a in move.assumptions),
                tuple((skill(g.skill), g.required, g.held) for g in move.gap),
                self.texts.index(move.evidence_fr or move.evidence if self.lang == "fr" else move.evidence),
                tuple(self.texts.index(q) for q in move.quotes) if move.basis == "stated" else (),
            )
        )


def explorer_data(
    facts: Facts, model: MobilityModel, lang: str, names: dict[str, str], observed: Published | None = None
) -> dict[str, Any]:
    """What the explorer page carries: the states, the moves as the path search reads them, and its words in ``lang``.

    Compact, for large data: states, streams, pay lines, skills and move descriptions are listed once and referred
    to by index (``static/explorer.js`` expands them when the page opens).
    """
    english = {n: d.label for n, d in model.nodes.items()}
    details = _Details(facts, names, lang)
    for skill in sorted(facts.skills):  # every official skill, so that a person can pick any (skills first)
        details.skill(skill)
    ids = sorted(model.nodes)
    index = {node: i for i, node in enumerate(ids)}
    stream_ids = sorted(facts.streams)
    stream_index = {s: i for i, s in enumerate(stream_ids)}
    pays = _Table()

    nodes, explicit = [], []
    for node in ids:
        d = model.nodes[node]
        stream = d.stream
        nodes.append(
            [
                label_of(names, english, node),
                d.kind,
                d.rank or None,  # none for an entry route
                d.group or None,
                d.path,
                stream_index.get(stream, -1),
                pays.index(pay_line(facts, d.level_id, lang)) if d.level_id else -1,
                d.level,
                d.role_label,
                int(d.level_stated is False),
                details.profile(model.profiles[node].essential) if node in model.profiles else -1,
                d.level_id or None,
            ]
        )
        explicit.append([[index[m.target], m.kind, m.basis, m.cost, details.of(m)] for m in model.explicit_moves(node)])
    reach = _reach_data(facts, model, details, index)
    words = _search_words(facts, model, ids)
    flows: dict[str, list[Any]] = {}
    if observed is not None:
        for f in observed.flows:
            flows.setdefault(f"{f.source}|{f.target}", []).append([f.action, f.count])
    return {
        "ids": ids,
        "nodes": nodes,
        "explicit": explicit,
        "paths": {word: facts.path_called(word) for word in ("management", "individual")},  # the form's two choices
        "lanes": _lane_data(facts, model, details, index, names, lang),
        "details": details.items,
        "skills": details.skill_names(lang),
        "skillIds": list(details.skills),
        # the English page also finds skills by their French names; the French page carries no English name (issue 20)
        "skillAlt": details.skill_names("fr") if lang == "en" else [""] * len(details.skills),
        "reach": reach,
        "payRanges": [pay_range(facts, model.nodes[n].level_id, lang) if model.nodes[n].level_id else "" for n in ids],
        "decimalComma": lang == "fr",
        "ruleNames": {rule: names.get(rule) or data.label for rule, data in sorted(facts.rules.items())},
        "searchWords": words,
        "streamWords": [" ".join(item.label for item in facts.stream_items.get(s, [])) for s in stream_ids],
        "csPattern": CS_PATTERN.pattern,
        "profiles": details.profiles,
        "texts": details.texts,
        "pays": pays,
        "skillLevels": {
            str(n): label for n, label in sorted((facts.skill_level_labels_fr if lang == "fr" else facts.skill_level_labels).items())
        },
        "topRank": dict(sorted(model.top_rank.items())),
        "cheapestAppointment": model.cheapest_appointment,
        "kindOrder": KIND_ORDER,
        "streamIds": stream_ids,
        "streams": [names.get(s) or facts.streams[s].label for s in stream_ids],
        "observed": flows,
        "synthetic": bool(observed is not None and observed.synthetic),
        "threshold": observed.threshold if observed is not None else None,
        "strings": {key: text(lang, key) for key in _SCRIPT_WORDS},
        "basisWords": BASIS_WORDS if lang == "en" else {k: text(lang, k) for k in BASIS_WORDS},
    }


def _search_words(facts: Facts, model: MobilityModel, ids: list[str]) -> list[str]:
    """More words to find each state by: its crosswalked occupations' titles, and its job templates' titles.

    The titles its stream, role and itself are crosswalked to (NOC, ESCO) and those of the job templates that describe it:
    "data scientist", "developer", "cybersecurity" find their positions.
    """
    titles: dict[str, list[str]] = {}
    for _, template in sorted(facts.templates.items()):  # in a fixed order: the facts' own is the query engine's
        if template.position:
            titles.setdefault(template.position, []).append(template.label)
    words = []
    for node in ids:
        p = facts.positions.get(node)
        keys = (node, p.stream, p.role) if p else (node,)
        crosswalked = [m.label for key in keys for m in facts.crosswalks.get(key or "", [])]
        words.append(" ".join(dict.fromkeys([*crosswalked, *titles.get(node, [])])))
    return words


def _lane_data(
    facts: Facts, model: MobilityModel, details: _Details, index: dict[str, int], names: dict[str, str], lang: str
) -> dict[str, Any]:
    """What ``static/pathsearch.js`` needs to make each position's lanes as `MobilityModel.buckets_from` makes them.

    The buckets of each level (the positions that cost the same to move into: their ids, the profiles they share,
    whether their level is stated), the level above each, the penalty, and the words of the rules, assumptions and
    evidence. The page makes the lanes of the states its search opens: its size grows with the positions, not with the
    pairs of them (27.8 MB for 3,500 positions of distinct profiles when the lanes were written out).
    """

    def label(node: str, english: Callable[[str], str]) -> int:
        return details.texts.index(names.get(node) or english(node))

    kinds = ("deployment", "appointment", "promotion")
    buckets = {
        level: [
            [
                [index[t] for t in members],
                details.profile(model.profiles[members[0]].essential) if members[0] in model.profiles else -1,
                details.profile(model.profiles[members[0]].uses) if members[0] in model.profiles else -1,
                int(model.nodes[members[0]].level_stated),
            ]
            for members in groups.values()
        ]
        for level, groups in sorted(model.groups.items())
    }
    return {
        "buckets": buckets,
        "above": {lid: model.level_above(lid) for lid in sorted(facts.levels)},
        "penalty": model.assumed_level_penalty,
        "rules": {kind: label(model.rules[kind], facts.rule_label) for kind in kinds},
        "evidence": {kind: details.texts.index(EVIDENCE_FR[kind] if lang == "fr" else EVIDENCE[kind]) for kind in kinds},
        "oneLevel": label(model.assumption["one level"], facts.assumption_label),
        "unstated": label(model.assumption["unstated levels"], facts.assumption_label),
        "assumedPenalty": label(model.assumption["assumed level penalty"], facts.assumption_label),
    }


def _reach_data(facts: Facts, model: MobilityModel, details: _Details, index: dict[str, int]) -> dict[str, Any]:
    """What ``static/reach.js`` needs to rank positions for a person's skills as `graph.mobility.reach.reach` does.

    The positions (and EX levels) grouped by what decides a move's kind and cost (profiles by index into ``details.profiles``,
    skills by index into the skills table), the levels a person may hold, the level above each, and the model's
    constants.
    """
    groups: dict[tuple[Any, ...], list[int]] = {}
    for target in sorted(model.profiles):
        need, node = model.profiles[target], model.nodes[target]
        key = (
            details.profile(need.essential),
            details.profile(need.uses),
            node.kind,
            node.group,
            node.rank,
            node.level_id,
        )
        groups.setdefault(key, []).append(index[target])
    ordered = sorted(facts.levels, key=lambda lid: (facts.levels[lid].group, facts.levels[lid].rank))
    return {
        "groups": [[*key, targets] for key, targets in groups.items()],
        "levels": {lid: [facts.levels[lid].group, facts.levels[lid].rank] for lid in ordered},
        "levelLabels": [[lid, facts.levels[lid].label] for lid in ordered],
        "above": {lid: model.level_above(lid) for lid in ordered},
        "executiveEntryRank": model.executive_entry_rank,
        "executiveGroups": sorted(facts.executive_groups),
        "rules": model.rules,
        "within": OPENING_WITHIN,
        "costs": {
            "promotion": costs.PROMOTION,
            "deployment": costs.DEPLOYMENT,
            "gainScale": costs.GAIN_SCALE,
            "leftWeight": costs.LEFT_WEIGHT,
            "deploymentCap": costs.DEPLOYMENT_CAP,
            "unknownLevel": costs.UNKNOWN_LEVEL,
        },
    }


_TEMPLATE = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(
    PAGE_HEAD
    + """<style>{{ page_css | safe }}
{{ explorer_css | safe }}</style>
</head>
<body>
<header><a href="{{ home }}">{{ t.home }}</a><a href="{{ other_page }}" lang="{{ other_lang }}">{{ t.other_language }}</a></header>
<main>
<h1>{{ t.explorer_title }}</h1>
<p>{{ t.explorer_intro }}</p>
<form id="question" class="question">
<div class="field"><label for="from" id="from-label">{{ t.explorer_from }}</label>
<input id="from" class="state" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="from-list" autocomplete="off" placeholder="{{ t.explorer_placeholder }}">
<ul id="from-list" role="listbox" aria-labelledby="from-label" hidden></ul></div>
<div class="field"><label for="to" id="to-label">{{ t.explorer_to }}</label>
<input id="to" class="state" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="to-list" autocomplete="off" placeholder="{{ t.explorer_placeholder }}">
<ul id="to-list" role="listbox" aria-labelledby="to-label" hidden></ul></div>
<fieldset><legend>{{ t.explorer_path }}</legend>
<label><input type="radio" name="path" value="" checked> {{ t.explorer_path_any }}</label>
<label><input type="radio" name="path" value="management"> {{ t.explorer_path_management }}</label>
<label><input type="radio" name="path" value="individual"> {{ t.explorer_path_individual }}</label></fieldset>
<div class="field"><label for="avoid">{{ t.explorer_avoid }}</label>
<select id="avoid"><option value="">{{ t.explorer_avoid_none }}</option>{% for id, label in streams %}<option value="{{ id }}">{{ label }}</option>{% endfor %}</select></div>
<div class="field"><label><input type="checkbox" id="stated-only"> {{ t.explorer_stated_only }}</label></div>
<div class="field"><label><input type="checkbox" id="assumed-levels"> {{ t.explorer_assumed_levels }}</label></div>
<div class="field"><label for="k">{{ t.explorer_k }}</label> <select id="k">{% for n in (1, 2, 3, 4, 5) %}<option{% if n == 3 %} selected{% endif %}>{{ n }}</option>{% endfor %}</select></div>
<button type="submit">{{ t.explorer_find }}</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<section id="results" aria-labelledby="results-heading"><h2 id="results-heading">{{ t.explorer_results }}</h2></section>
<section id="skills-first" aria-labelledby="reach-heading">
<h2 id="reach-heading">{{ t.reach_title }}</h2>
<p>{{ t.reach_intro }}</p>
<form id="reach-form" class="question">
<div class="field"><label for="skill" id="skill-label">{{ t.reach_skill }}</label>
<input id="skill" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="skill-list" autocomplete="off" placeholder="{{ t.reach_skill_placeholder }}">
<ul id="skill-list" role="listbox" aria-labelledby="skill-label" hidden></ul></div>
<div class="field"><label for="skill-level">{{ t.reach_skill_level }}</label>
<select id="skill-level">{% for n, label in skill_levels %}<option value="{{ n }}"{% if n == "2" %} selected{% endif %}>{{ label }}</option>{% endfor %}</select></div>
<button type="button" id="add-skill">{{ t.reach_add }}</button>
<h3 id="my-skills-heading">{{ t.reach_my_skills }}</h3>
<ul id="my-skills" aria-labelledby="my-skills-heading"></ul>
<div class="field"><label for="my-level">{{ t.reach_my_level }}</label>
<select id="my-level"><option value="">{{ t.reach_outside }}</option>{% for id, label in levels %}<option value="{{ id }}">{{ label }}</option>{% endfor %}</select></div>
<div class="field"><label for="reach-top">{{ t.reach_top }}</label> <select id="reach-top">{% for n in (5, 10, 20, 50) %}<option{% if n == 10 %} selected{% endif %}>{{ n }}</option>{% endfor %}</select></div>
<button type="submit">{{ t.reach_find }}</button>
</form>
<p id="reach-status" role="status" aria-live="polite"></p>
<div id="reach-results"></div>
</section>
<details class="text-version"><summary>{{ t.explorer_text_version }}</summary>
<table><tr><th>{{ t.label }}</th><th>{{ t.kind }}</th></tr>{% for label, kind in table %}
<tr><td>{{ label }}</td><td>{{ kind }}</td></tr>{% endfor %}</table>
<h2>{{ t.pay }}</h2>
<ul>{% for line in pays %}<li>{{ line }}</li>{% endfor %}</ul>
</details>
<footer><p>{{ t.source }} {{ t.own_translation }}</p></footer>
</main>
<script type="application/json" id="explorer-data">{{ payload | safe }}</script>
<script>{{ explorer_js | safe }}</script>
</body>
</html>
"""
)


def explorer_page(facts: Facts, model: MobilityModel, lang: str, names: dict[str, str], observed: Published | None = None) -> str:
    """The explorer's HTML in ``lang``: one self-contained file, no network access."""
    data = explorer_data(facts, model, lang, names, observed)
    other = "fr" if lang == "en" else "en"
    return _TEMPLATE.render(
        lang=lang,
        csp=PAGE_CSP,
        title=text(lang, "explorer_title"),
        t=Words(lang),
        home="index.html" if lang == "en" else f"index.{lang}.html",
        other_page="explorer.html" if other == "en" else f"explorer.{other}.html",
        other_lang=other,
        streams=sorted(zip(data["streamIds"], data["streams"], strict=True), key=lambda item: item[1]),
        table=[(n[0], text(lang, _KIND_WORDS[n[1]])) for n in data["nodes"]],
        pays=data["pays"],
        skill_levels=list(data["skillLevels"].items()),
        levels=data["reach"]["levelLabels"],
        payload=safe_json(data),
        page_css=static_text("page.css"),
        explorer_css=static_text("explorer.css"),
        explorer_js=static_text("costs.js") + static_text("pathsearch.js") + static_text("reach.js") + static_text("explorer.js"),
    )
