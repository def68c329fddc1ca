"""Pay per level: the salary ranges the graph holds, which to show, and what is known of their dates.

IT levels have two sets of rates in the graph: the IT group's (GC Digital Talent, no date in the source)
and the CS group's, which the Careers in digital page says apply to IT levels "until a new collective
agreement is negotiated" (``gcdc:paidAtRateOf``). That agreement was signed on December 22, 2023
(``gcd:agreement-it-group``), so the IT rates are the ones that apply now; the CS rates are shown as those
that applied before it. A move to a level whose maximum rate is lower than the one a person leaves is a
demotion for pay purposes (Public Services and Procurement Canada, quoted on ``gcd:rule-executive-appointment``):
`pay_change` says so in words.

Examples
--------
>>> from graph.mobility.facts import Facts, Level, PayRange
>>> f = Facts(levels={"level-it-01": Level("IT-01", 1, "group-it")},
...           pay={"level-it-01": [PayRange("level-it-01", 69361, 89382, None, "no date in the source", "s", "GC Digital Talent")]})
>>> pay_line(f, "level-it-01")
'IT-01 $69,361–$89,382 (GC Digital Talent; no date in the source)'
"""

from __future__ import annotations

from typing import Any

from graph.mobility.facts import Facts, PayRange

__all__ = ["current_range", "pay_change", "pay_line", "pay_range", "pay_table", "ranges_of"]


def ranges_of(facts: Facts, level: str) -> list[PayRange]:
    """The salary ranges of ``level``: dated ones newest first, then undated ones."""
    ranges = facts.pay.get(level, [])
    return sorted((r for r in ranges if r.date), key=lambda r: r.date or "", reverse=True) + [r for r in ranges if not r.date]


def current_range(facts: Facts, level: str) -> PayRange | None:
    """The range to show first for ``level``: the undated GC Digital Talent one (the most recent rates), else the newest dated."""
    ranges = ranges_of(facts, level)
    undated = [r for r in ranges if not r.date]
    return next(iter(undated or ranges), None)


def _money(value: int, lang: str = "en") -> str:
    """``$85,854`` in English, ``85 854 $`` in French (thin spaces, as the Government of Canada writes it)."""
    return f"{value:,}".replace(",", "\u202f") + "\u00a0$" if lang == "fr" else f"${value:,}"


def _note(r: PayRange, lang: str) -> str:
    """What the source says of a range's date: ``r.note``, "no date in the source" in French when so (``""``: nothing)."""
    return "sans date dans la source" if lang == "fr" and r.note == "no date in the source" else r.note or ""


def _describe(r: PayRange, lang: str = "en") -> str:
    if lang == "fr":
        when = f"depuis le {r.date}" if r.date else (_note(r, lang) or "sans date dans la source")
        source = "Talents numériques du GC" if r.label.startswith("GC Digital Talent") else r.label
        return f"{_money(r.minimum, lang)} – {_money(r.maximum, lang)} ({source} ; {when})"
    when = f"from {r.date}" if r.date else (r.note or "no date in the source")
    source = "GC Digital Talent" if r.label.startswith("GC Digital Talent") else r.label
    return f"{_money(r.minimum)}–{_money(r.maximum)} ({source}; {when})"


def pay_range(facts: Facts, level: str, lang: str = "en") -> str:
    """The range that applies to ``level`` now, alone ("$85,854–$105,080"; ``""`` when the graph has none)."""
    current = current_range(facts, level)
    if current is None:
        return ""
    dash = " – " if lang == "fr" else "–"
    return f"{_money(current.minimum, lang)}{dash}{_money(current.maximum, lang)}"


def pay_line(facts: Facts, level: str, lang: str = "en") -> str:
    """One line on the pay of ``level``: its current range, and for an IT level which rates apply now and which applied before."""
    current = current_range(facts, level)
    label = facts.level_label(level)
    if current is None:
        return f"{label} : aucune échelle de rémunération dans le graphe" if lang == "fr" else f"{label}: no pay range in the graph"
    text = f"{label} {_describe(current, lang)}"
    paid_at = facts.levels[level].paid_at if level in facts.levels else None
    cs = current_range(facts, paid_at) if paid_at else None
    old = facts.level_label(paid_at) if paid_at else ""
    group = facts.levels[level].group if level in facts.levels else ""
    agreement, abbreviation = facts.agreements.get(group), facts.group_abbreviations.get(group, group)
    if cs is not None and lang == "fr":
        if agreement:
            text += (
                f" ; ces taux s'appliquent maintenant : la première convention collective du groupe {abbreviation} a été signée le "
                f"{agreement}. Avant elle, comme le dit la page, les taux {old} : {_describe(cs, lang)}"
            )
        else:
            text += f" ; les taux {old}, qui s'appliquent selon la page jusqu'à une nouvelle convention : {_describe(cs, lang)}"
    elif cs is not None:
        if agreement:
            text += (
                f"; these apply now: the {abbreviation} group's first collective agreement was signed on {agreement}. Before it, "
                f"as the page says, {old} rates: {_describe(cs)}"
            )
        else:
            text += f"; {old} rates, which the page says apply until a new agreement: {_describe(cs)}"
    return text


def pay_change(facts: Facts, source_level: str | None, target_level: str | None, lang: str = "en") -> str:
    """A sentence when moving from ``source_level`` to ``target_level`` is a demotion for pay purposes, else ``""``.

    >>> from graph.mobility.facts import Facts, Level, PayRange
    >>> f = Facts(levels={"level-it-05": Level("IT-05", 5, "group-it"), "level-ex-01": Level("EX-01", 1, "group-ex")},
    ...           pay={"level-it-05": [PayRange("level-it-05", 1, 174076, None, None, "s", "GC Digital Talent")],
    ...                "level-ex-01": [PayRange("level-ex-01", 1, 161773, None, None, "s", "GC Digital Talent")]})
    >>> pay_change(f, "level-it-05", "level-ex-01").split(";")[0]
    "A demotion for pay purposes: EX-01's maximum rate ($161,773) is lower than IT-05's ($174,076)"
    """
    if not source_level or not target_level:
        return ""
    here, there = current_range(facts, source_level), current_range(facts, target_level)
    if here is None or there is None or there.maximum >= here.maximum:
        return ""
    name = facts.level_label
    if lang == "fr":
        return (
            f"Une rétrogradation aux fins de la rémunération : le taux maximal de {name(target_level)} ({_money(there.maximum, lang)}) "
            f"est inférieur à celui de {name(source_level)} ({_money(here.maximum, lang)}) ; la rémunération à la nomination est le "
            "taux le plus proche de celui de la personne, sans le dépasser."
        )
    return (
        f"A demotion for pay purposes: {name(target_level)}'s maximum rate ({_money(there.maximum)}) is lower than "
        f"{name(source_level)}'s ({_money(here.maximum)}); the pay on appointment is the rate nearest to, but not above, the one the "
        "person had."
    )


def _source_fr(label: str) -> str:
    """A pay range's source in French: GC Digital Talent by its French name, another (an English page's title) marked « »."""
    talent = "GC Digital Talent classifications and salary ranges"
    return label.replace(talent, "Talents numériques du GC, classifications et échelles salariales") if talent in label else f"« {label} »"


def pay_table(facts: Facts, lang: str = "en") -> list[dict[str, Any]]:
    """Every pay range, by level (IT, CS, EX) and date: the ``pay by level`` table of the report (values in ``lang``)."""
    rows = []
    french = lang == "fr"

    def order(level: str) -> tuple[bool, bool, str, int]:  # a career community's group, then a former one (CS), executives last
        group = facts.levels[level].group
        return group in facts.executive_groups, group not in facts.group_communities, group, facts.levels[level].rank

    for level in sorted(facts.pay, key=order):
        for r in ranges_of(facts, level):
            rows.append(
                {
                    "level": facts.levels[level].label,
                    "minimum": r.minimum,
                    "maximum": r.maximum,
                    "effective date": r.date or "",
                    "date note": _note(r, lang),
                    "source": _source_fr(r.label) if french else r.label,
                }
            )
    return rows
