"""Pay per level: the salary ranges the graph holds, which to show, and what is known of their dates.

IT levels have two sets of rates in the graph: the IT group's (GC Digital Talent, no date in the source)
and the CS group's, which the Careers in digital page says apply to IT levels "until a new collective
agreement is negotiated" (``gcdc:paidAtRateOf``). Both are shown; so is the ratio between them, labelled as
the project's derivation (it matches the 14.28% of the 2023 IT agreement, ``gcd:agreement-it-group``).

Examples
--------
>>> from graph.mobility.facts import Facts, PayRange
>>> f = Facts(levels={"level-it-01": {"label": "IT-01", "rank": 1, "group": "group-it", "paid_at": None}},
...           pay={"level-it-01": [PayRange("level-it-01", 69361, 89382, None, "no date in the source", "s", "GC Digital Talent")]})
>>> pay_line(f, "level-it-01")
'IT-01 $69,361–$89,382 (GC Digital Talent; no date in the source)'
"""

from __future__ import annotations

from graph.mobility.facts import Facts, PayRange

__all__ = ["current_range", "pay_line", "pay_table", "ranges_of"]


def ranges_of(facts: Facts, level: str) -> list[PayRange]:
    """The salary ranges of ``level``: dated ones newest first, then undated ones."""
    ranges = facts.pay.get(level, [])
    return sorted((r for r in ranges if r.date), key=lambda r: r.date, reverse=True) + [r for r in ranges if not r.date]


def current_range(facts: Facts, level: str) -> PayRange | None:
    """The range to show first for ``level``: the undated GC Digital Talent one (the most recent rates), else the newest dated."""
    ranges = ranges_of(facts, level)
    undated = [r for r in ranges if not r.date]
    return (undated or ranges or [None])[0]


def _money(value: int) -> str:
    return f"${value:,}"


def _describe(r: PayRange) -> str:
    when = f"from {r.date}" if r.date else (r.note or "no date in the source")
    source = "GC Digital Talent" if r.label.startswith("GC Digital Talent") else r.label
    return f"{_money(r.minimum)}–{_money(r.maximum)} ({source}; {when})"


def pay_line(facts: Facts, level: str) -> str:
    """One line on the pay of ``level``: its current range, and for an IT level the CS rates the page says apply."""
    level_data = facts.levels.get(level, {})
    current = current_range(facts, level)
    if current is None:
        return f"{level_data.get('label', level)}: no pay range in the graph"
    text = f"{level_data.get('label', level)} {_describe(current)}"
    paid_at = level_data.get("paid_at")
    cs = current_range(facts, paid_at) if paid_at else None
    if cs is not None:
        text += f"; {facts.levels[paid_at]['label']} rates, which the page says apply until a new agreement: {_describe(cs)}"
    return text


def pay_table(facts: Facts) -> list[dict]:
    """Every pay range, by level (IT, CS, EX) and date: the ``pay by level`` table of the report and ``careers ladders``."""
    rows = []
    order = {"group-it": 0, "group-cs": 1, "group-ex": 2}
    for level in sorted(facts.pay, key=lambda lvl: (order.get(facts.levels[lvl]["group"], 9), facts.levels[lvl]["rank"])):
        for r in ranges_of(facts, level):
            rows.append(
                {
                    "level": facts.levels[level]["label"],
                    "minimum": r.minimum,
                    "maximum": r.maximum,
                    "effective date": r.date or "",
                    "date note": r.note or "",
                    "source": r.label,
                }
            )
    return rows
