"""The pathway explorer: "how do I get from here to there?", answered offline in the page, as ``careers path`` answers it.

The page carries the mobility model in the shape the path search reads it (`graph.mobility.paths`): each
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
>>> data["explicit"]["position-it-02-analyst-it-security"][0][:3]
['position-it-03-team-lead-it-security', 'promotion', 'stated']
"""

from __future__ import annotations

import jinja2

from graph.mobility.explain import BASIS_WORDS
from graph.mobility.facts import Facts
from graph.mobility.moves import Bucket, MobilityModel, Move
from graph.mobility.pay import pay_line
from graph.viz.i18n import text
from graph.viz.page import PAGE_CSP, PAGE_HEAD, safe_json, static_text
from graph.viz.style import label_of

__all__ = ["explorer_data", "explorer_page"]

_KIND_WORDS = {"position": "position", "entry": "entry route", "executive": "executive"}

_WORDS = (
    "explorer_from",
    "explorer_to",
    "explorer_find",
    "explorer_k",
    "explorer_path_any",
    "explorer_path_management",
    "explorer_path_individual",
    "explorer_path",
    "explorer_avoid",
    "explorer_avoid_none",
    "explorer_stated_only",
    "explorer_no_path",
    "explorer_choose",
    "explorer_result",
    "explorer_moves",
    "explorer_cost",
    "explorer_stated_count",
    "explorer_rule_count",
    "explorer_allowed_by",
    "explorer_page_says",
    "explorer_assumes",
    "explorer_gain",
    "explorer_deepen",
    "explorer_none",
    "explorer_observed",
    "explorer_observed_none",
    "explorer_suppressed",
    "explorer_suggestions",
    "stated",
    "rule",
    "inferred",
    "pay",
    "synthetic",
    "move_promotion",
    "move_deployment",
    "move_acting appointment",
    "move_entry",
    "move_executive appointment",
)


class _Details:
    """Each distinct move description once, moves referring to it by index; skills by index into one table."""

    def __init__(self, facts: Facts, names: dict[str, str]) -> None:
        self.facts, self.names, self.items, self._index = facts, names, [], {}
        self.skills: list[str] = []
        self._skill_index: dict[str, int] = {}

    def _skill(self, skill: str) -> int:
        if skill not in self._skill_index:
            self._skill_index[skill] = len(self.skills)
            self.skills.append(self.names.get(skill) or self.facts.skill_label(skill))
        return self._skill_index[skill]

    def of(self, move: Move) -> int:
        item = {
            "rule": self.names.get(move.rule) or self.facts.rules.get(move.rule, {}).get("label", move.rule),
            "ruleId": f"gcd:{move.rule}",
            "assumptions": [f"gcd:{a}" for a in move.assumptions],
            "gain": [[self._skill(g.skill), g.required] for g in move.gap if g.missing],
            "deepen": [[self._skill(g.skill), g.held, g.required] for g in move.gap if not g.missing],
            "evidence": move.evidence,
            "quotes": list(move.quotes) if move.basis == "stated" else [],
        }
        key = safe_json(item)
        if key not in self._index:
            self._index[key] = len(self.items)
            self.items.append(item)
        return self._index[key]


def explorer_data(facts: Facts, model: MobilityModel, lang: str, names: dict[str, str], observed=None) -> dict:
    """What the explorer page carries: the states, the moves as the path search reads them, and its words in ``lang``."""
    english = {n: d["label"] for n, d in model.nodes.items()}
    details = _Details(facts, names)
    buckets: list[list] = []
    bucket_index: dict[tuple, int] = {}

    def bucket_ref(bucket: Bucket, origin: str) -> int:
        key = (bucket.kind, bucket.basis, bucket.cost, bucket.gap, bucket.assumptions, bucket.targets)
        if key not in bucket_index:
            bucket_index[key] = len(buckets)
            detail = details.of(model.move_in(bucket, origin, bucket.targets[0]))
            buckets.append([bucket.kind, bucket.basis, bucket.cost, list(bucket.targets), detail])
        return bucket_index[key]

    nodes, explicit, lanes = {}, {}, {}
    for node in sorted(model.nodes):
        d = model.nodes[node]
        stream = d.get("stream")
        words = [label_of(names, english, node), d.get("level", ""), d.get("role_label", "")]
        if stream:
            words.append(names.get(stream) or d.get("stream_label", ""))
        nodes[node] = {
            "label": label_of(names, english, node),
            "kind": d["kind"],
            "rank": d.get("rank"),
            "group": d.get("group"),
            "path": d.get("path"),
            "stream": stream,
            "pay": pay_line(facts, d["level_id"]) if d.get("level_id") else "",
            "search": " ".join(w for w in words if w),
        }
        moves, node_lanes = model.buckets_from(node)
        explicit[node] = [[m.target, m.kind, m.basis, m.cost, details.of(m)] for m in moves]
        lanes[node] = [[bucket_ref(b, node) for b in lane] for lane in node_lanes]
    streams = {s: names.get(s) or d["label"] for s, d in sorted(facts.streams.items())}
    flows: dict[str, list] = {}
    if observed is not None:
        for r in observed.tables["observed-flows-all-years"]:
            flows.setdefault(f"{r['from']}|{r['to']}", []).append([r["action"], r["count"]])
    return {
        "nodes": nodes,
        "explicit": explicit,
        "lanes": lanes,
        "buckets": buckets,
        "details": details.items,
        "skills": details.skills,
        "skillLevels": {str(n): label for n, label in sorted(facts.skill_level_labels.items())},
        "topRank": dict(sorted(model.top_rank.items())),
        "cheapestAppointment": model.cheapest_appointment,
        "streams": streams,
        "observed": flows,
        "synthetic": bool(observed is not None and observed.dataset.get("synthetic")),
        "threshold": observed.threshold if observed is not None else None,
        "strings": {key: text(lang, key) for key in _WORDS},
        "basisWords": BASIS_WORDS if lang == "en" else {k: text(lang, k) for k in BASIS_WORDS},
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
<div class="field"><label for="k">{{ t.explorer_k }}</label> <select id="k">{% for n in (1, 2, 3, 4, 5) %}<option{% if n == 3 %} selected{% endif %}>{{ n }}</option>{% endfor %}</select></div>
<button type="submit">{{ t.explorer_find }}</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<section id="results" aria-labelledby="results-heading"><h2 id="results-heading">{{ t.explorer_results }}</h2></section>
<details class="text-version"><summary>{{ t.explorer_text_version }}</summary>
<table><tr><th>{{ t.label }}</th><th>{{ t.kind }}</th><th>{{ t.pay }}</th></tr>{% for label, kind, pay in table %}
<tr><td>{{ label }}</td><td>{{ kind }}</td><td>{{ pay }}</td></tr>{% endfor %}</table>
</details>
<footer><p>{{ t.source }} {{ t.own_translation }}</p></footer>
</main>
<script type="application/json" id="explorer-data">{{ payload | safe }}</script>
<script>{{ explorer_js | safe }}</script>
</body>
</html>
"""
)


def explorer_page(facts: Facts, model: MobilityModel, lang: str, names: dict[str, str], observed=None) -> str:
    """The explorer's HTML in ``lang``: one self-contained file, no network access."""
    data = explorer_data(facts, model, lang, names, observed)
    other = "fr" if lang == "en" else "en"
    keys = ("explorer_title", "explorer_intro", "explorer_placeholder", "explorer_results", "explorer_text_version", "home")
    keys += ("other_language", "label", "kind", "pay", "source", "own_translation", *_WORDS)
    return _TEMPLATE.render(
        lang=lang,
        csp=PAGE_CSP,
        title=text(lang, "explorer_title"),
        t={key: text(lang, key) for key in keys},
        home="index.html" if lang == "en" else f"index.{lang}.html",
        other_page="explorer.html" if other == "en" else f"explorer.{other}.html",
        other_lang=other,
        streams=sorted(data["streams"].items(), key=lambda item: item[1]),
        table=[(n["label"], text(lang, _KIND_WORDS[n["kind"]]), n["pay"]) for n in data["nodes"].values()],
        payload=safe_json(data),
        page_css=static_text("page.css"),
        explorer_css=static_text("explorer.css"),
        explorer_js=static_text("explorer.js"),
    )
