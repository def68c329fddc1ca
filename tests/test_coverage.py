"""The coverage ledger: every sentence, bullet, heading and record of every source is carried by facts or set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.coverage import Entry, check, covered, graph_facts, ledger, page_units
from graph.store import OxigraphStore


@pytest.fixture(scope="module")
def result(built_nt):
    facts, documents = graph_facts(OxigraphStore.from_ntriples(Path(built_nt).read_bytes()))
    return check(facts, documents, ledger())


def test_every_unit_of_every_source_is_carried_by_facts_or_set_aside(result):
    assert [(u.document, u.line, u.text) for u in result.missing] == []
    assert result.bad == []
    assert len(result.represented) == 923 and len(result.set_aside) == 180  # 4 of them the official French terms


def test_no_ledger_entry_is_stale(result):
    assert [(e.row, e.document, e.match) for e in result.stale] == []


def test_what_the_ledger_found_missing_is_now_modelled(result):
    carried = {u.text: facts for u, facts in result.represented.items() if u.document == "careers-in-digital"}
    assert carried["You do not need to be a Canadian citizen to apply."] == ["application-citizenship"]
    assert carried["work-life balance"] == ["benefit-work-life-balance"]
    assert (
        "benefit-executive-compensation"
        in carried[
            "Compensation includes salary, performance pay, pension, plans, programs and benefits, including medical, dental and insurance "
            "plans, statutory holidays, and vacation and parental leave provisions."
        ]
    )
    assert (
        "level-it-04" in carried["There are two types of IT-04 employees: those following a management path, and individual contributors."]
    )
    records = {u.text: facts for u, facts in result.represented.items() if u.document == "source-talent-skills"}
    assert len(records) == 394 and records["python"] == ["skill-python"]


def test_a_unit_neither_carried_nor_set_aside_is_missing_and_an_unused_entry_is_stale(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Heading\n\nA fact the graph quotes. A sentence nobody quotes.\n  • Page details\n", encoding="utf-8")
    facts = {"p": {"quotes": {"node-a": ["A fact the graph quotes."]}, "keys": {}, "sections": {"Heading": {"node-a"}}}}
    entries = [Entry("p", "Page details", "boilerplate", "footer", 2), Entry("p", "re:Gone.*", "navigation", "removed", 3)]
    found = check(facts, {"p": page}, entries)
    assert [u.text for u in found.represented] == ["Heading", "A fact the graph quotes."]
    assert [u.text for u in found.set_aside] == ["Page details"]
    assert [u.text for u in found.missing] == ["A sentence nobody quotes."]
    assert [e.row for e in found.stale] == [3]
    assert check(facts, {"p": page}, [Entry("p", "x", "opinion", "", 2)]).bad == [
        "row 2: unknown class 'opinion' (one of: heading, navigation, link text, thumbnail, boilerplate, advice, promotion, introduction, "
        "outside the graph)",
        "row 2: no reason",
    ]


def test_cutting_and_covering():
    assert [u.kind for u in page_units("Title\nOne. Two?\n  • a bullet\n")] == ["heading", "sentence", "sentence", "bullet"]
    assert covered("Directors lead. They advise.", ["Directors lead.", "They advise."])
    assert not covered("Directors lead managers, senior advisors and project teams.", ["Directors"])
