"""Competency questions: each named query in ontology/queries/ gives the answer read from the source."""

from __future__ import annotations

import pytest
from conftest import IT_STREAMS

from graph.paths import ontology_dir

QUERIES = ontology_dir() / "queries"
IT = IT_STREAMS
SIX = [IT[3], IT[6], IT[7], IT[1], IT[2], IT[5]]


@pytest.fixture(scope="module")
def g(built_nt):
    """The built graph (with the mobility model's moves), as users query it."""
    from rdflib import Graph

    return Graph().parse(built_nt, format="nt")


def run(g, name: str, *columns: str) -> list[tuple]:
    result = g.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    return [tuple(None if row[c] is None else str(row[c]) for c in columns) for row in result]


def test_every_query_states_its_question_and_orders_its_rows():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) == len(ROWS)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Question: "), path.name
        assert "ORDER BY" in text, path.name


def test_it_work_streams_and_their_responsibilities(g):
    rows = run(g, "it-work-streams", "streamLabel", "responsibilityLabel")
    assert list(dict.fromkeys(stream for stream, _ in rows)) == IT
    assert len(rows) == 20
    assert rows[0] == ("IT Business Line Advisory Services", "providing specialized IT guidance")
    assert ("IT Database Management", "ensuring data security and recovery") in rows
    assert rows[-1][0] == "IT Software Solutions"


def test_it_levels_in_order_with_roles_and_paths(g):
    assert run(g, "it-levels-and-roles", "levelLabel", "roleLabel", "pathLabel") == [
        ("IT-01", "Technician", None),
        ("IT-02", "Analyst", None),
        ("IT-03", "Team Lead", "management path"),
        ("IT-03", "Technical Advisor", "individual-contributor path"),
        ("IT-04", "Manager", "management path"),
        ("IT-04", "Senior Advisor", "individual-contributor path"),
        ("IT-05", "Director", "management path"),
        ("IT-05", "Senior Strategist (pilot)", "individual-contributor path"),
    ]


def test_streams_of_each_role(g):
    rows = run(g, "role-streams", "roleLabel", "streamLabel")
    by_role: dict[str, list[str]] = {}
    for role, stream in rows:
        by_role.setdefault(role, []).append(stream)
    assert by_role == {
        "Technician": [IT[3], IT[6], IT[7]],
        "Analyst": IT,
        "Team Lead": IT,
        "Technical Advisor": IT,
        "Manager": IT,
        "Senior Advisor": sorted(SIX, key=IT.index),
        "Director": sorted(SIX, key=IT.index),
    }


def test_streams_without_an_individual_contributor_role(g):
    assert run(g, "streams-without-individual-contributor", "levelLabel", "streamLabel") == [
        ("IT-04", "IT Business Line Advisory Services"),
        ("IT-04", "IT Planning and Reporting"),
        *[("IT-05", stream) for stream in IT],  # the Senior Strategist pilot names no stream
    ]


def test_minimum_education_former_group_and_pay(g):
    ((education, replaced, pay, agent),) = run(
        g, "it-group-qualification-and-pay", "minimumEducation", "replacedGroupLabel", "payScaleLabel", "bargainingAgentLabel"
    )
    assert education.startswith("Graduation from a two-year program of study from a recognized post-secondary institution")
    assert "computer science, information technology, information management" in education
    assert replaced == "Computer Systems (CS) group"
    assert pay == "Computer Systems (CS) group annual rates of pay"
    assert agent == "Professional Institute of the Public Service of Canada (PIPSC)"
    assert run(g, "level-pay-rates", "levelLabel", "paidAtLabel") == [(f"IT-0{i}", f"CS-0{i}") for i in range(1, 6)]


def test_streams_of_information_and_data_governance_and_the_data_centre(g):
    rows = run(g, "community-streams", "communityLabel", "streamLabel")
    assert [s for c, s in rows if c == "Information and Data Governance"] == [
        "Information and Data Strategy and Direction",
        "Information and Data Architecture",
        "Information Operations",
    ]
    assert [s for c, s in rows if c == "Data Centre of Expertise"] == ["Data Systems Operations", "Data Science and Analytics"]
    assert [s for c, s in rows if c == "Information Technology"] == IT
    assert len(rows) == 13


def test_who_reports_to_whom(g):
    assert run(g, "reporting-relationships", "superiorLabel", "relationship", "subordinateLabel") == [
        ("Team Lead", "supervises", "work teams"),
        ("Team Lead", "supervises", "project teams"),
        ("Manager", "manages through", "Team Lead"),
        ("Manager", "manages through", "Technical Advisor"),
        ("Manager", "manages through", "project teams"),
        ("Director", "directs through", "Manager"),
        ("Director", "directs through", "Senior Advisor"),
        ("Director", "directs through", "project teams"),
        ("Executive", "leads teams through", "Manager"),
    ]


def test_stated_progressions_with_their_sentences(g):
    rows = run(g, "stated-progressions", "progression", "fromLabel", "toLabel", "kindLabel", "quote")
    pairs = list(dict.fromkeys((f, t, k) for _, f, t, k, _ in rows))
    assert ("Student", "Indeterminate employee", "entry") in pairs
    assert ("Information Technology", "Digital executives", "executive transition") in pairs
    assert ("Private-sector executive", "Digital executives", "executive transition") in pairs
    assert ("Mid-career digital professional", "Data Centre of Expertise", "entry") in pairs
    assert [p for p in pairs if p[2] == "promotion"] == [(f"IT-0{i}", f"IT-0{i + 1}", "promotion") for i in range(1, 5)]
    assert ("Data Analytics", "Business Intelligence Analyst", "specialisation") in pairs
    assert len({p for p, *_ in rows}) == 21
    student = [q for _, f, t, _, q in rows if t == "Indeterminate employee"]
    assert student == [  # every quote is verbatim: see test_source_fidelity
        "As a student, how can I become an indeterminate employee of the Government of Canada after graduation?",
        "Once you have successfully worked for the public service as a student, you may be eligible for a full-time position after you graduate.",
    ]
    executive = next(q for _, f, t, _, q in rows if f == "Information Technology" and t == "Digital executives")
    assert executive == "If you aspire to become a senior manager in government, you may continue your journey as a digital executive"


def test_official_skills_shared_by_two_streams(g):
    assert run(g, "shared-skills", "skillLabel", "skillLabelFr") == [
        ("Data Security and Recovery", "Sécurité et récupération des données"),
        ("Database Design", "Conception des bases de données"),
        ("IT Database Management", "Gestion des bases de données de la TI"),
        ("Performance optimization", "Optimisation de la performance"),
        ("System Database Administration", "Administration des bases de données système"),
    ]


def test_pay_by_level(g):
    rows = run(g, "pay-by-level", "levelLabel", "minimum", "maximum", "effectiveDate", "dateNote", "paidAtRateOf")
    assert rows[:2] == [
        ("IT-01", "69361", "89382", None, "no date in the source", "CS-01"),
        ("IT-02", "85854", "105080", None, "no date in the source", "CS-02"),
    ]
    assert list(dict.fromkeys(r[0] for r in rows)) == [f"{g}-0{i}" for g in ("IT", "CS", "EX") for i in range(1, 6)]
    assert [r[1:5] for r in rows if r[0] == "EX-01"] == [
        ("134827", "158601", "2024-04-01", None),
        ("121550", "142982", "2021-04-01", None),
        ("137524", "161773", None, "no date in the source"),
    ]


def test_staffing_rules_and_their_sources(g):
    rows = run(g, "staffing-rules", "ruleLabel", "kindLabel", "quote")
    assert sorted({(r, k) for r, k, _ in rows}) == [
        ("Acting appointment", "acting appointment"),
        ("Appointment from outside the public service (entry)", "entry"),
        ("Appointment through an advertised process (same level)", "appointment (advertised process)"),
        ("Demotion (a move to a lower level, by the person's choice)", "demotion"),
        ("Deployment", "deployment"),
        ("Executive appointment (OCIO executive staffing processes)", "executive appointment"),
        ("Promotion (appointment to a higher level)", "promotion"),
    ]
    assert ("Deployment", "deployment", "A deployment is a “transfer of a person from one position to another”. A deployment is not an "
            "appointment, it does not constitute a promotion or change a person’s period of employment from a specified term to "
            "indeterminate.") in rows  # fmt: skip


def test_crosswalks_to_noc_and_esco(g):
    rows = run(g, "crosswalks", "fromLabel", "relation", "code", "occupationLabel")
    skos = "http://www.w3.org/2004/02/skos/core#"
    assert ("IT Security", skos + "closeMatch", "21220", "Cybersecurity specialists") in rows
    assert ("Data Science and Analytics", skos + "closeMatch", "21211", "Data scientists") in rows
    assert ("Executive", skos + "narrowMatch", None, "chief information officer") in rows
    streams = {f for f, *_ in rows}
    assert set(IT) | {"Information Operations", "Information and Data Architecture", "Data Systems Operations"} <= streams
    assert len(rows) == 25


def test_moves_by_basis_and_rule(g):
    rows = dict(((b, r), int(n)) for b, r, n in run(g, "moves-by-rule", "basisLabel", "ruleLabel", "moves"))
    assert rows[("stated", "Promotion (appointment to a higher level)")] == 39
    assert rows[("stated", "Executive appointment (OCIO executive staffing processes)")] == 5
    assert ("stated", "Deployment") not in rows and rows[("allowed by a rule", "Deployment")] == 45
    assert rows[("allowed by a rule", "Appointment through an advertised process (same level)")] == 216  # gaps beyond a deployment's cap


def test_programs_who_runs_them_and_since_when(g):
    rows = run(g, "programs", "programLabel", "runByLabel", "audienceLabel", "launched")
    assert (
        "Digital Community Mentorship Program",
        "Office of the Chief Information Officer of Canada (OCIO)",
        "Digital executives",
        "2021-01",
    ) in rows
    assert (
        "NextGen Chief Information Officer (CIO) Program",
        "University of Ottawa Professional Development Institute",
        "Digital executives",
        None,
    ) in rows
    assert ("Specialized programs for students and recent graduates", "Government of Canada", "Student", None) in rows
    assert ("Government of Canada IT Senior Strategist Pilot", "Government of Canada", None, None) in rows
    assert {p for p, *_ in rows} == {
        "Digital Community Mentorship Program",
        "EXecuTALKs",
        "Executive staffing processes",
        "Executive talent management",
        "Government of Canada IT Senior Strategist Pilot",
        "NextGen Chief Information Officer (CIO) Program",
        "Specialized programs for students and recent graduates",
    }


ROWS = {  # how many rows each named query answers on the built graph
    "community-streams": 13,
    "crosswalks": 25,
    "fact-provenance": 100,
    "it-group-qualification-and-pay": 1,
    "it-levels-and-roles": 8,
    "it-work-streams": 20,
    "level-pay-rates": 5,
    "moves-by-rule": 7,
    "observed-flows": 0,  # until observed data is built in: tests/test_observe.py
    "projection-assumptions": 0,  # likewise: tests/test_project.py
    "pay-by-level": 24,
    "programs": 8,
    "reporting-relationships": 9,
    "role-streams": 47,
    "shared-skills": 5,
    "staffing-rules": 32,
    "stated-progressions": 27,
    "streams-without-individual-contributor": 10,
}


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_named_query_answers(g, name):
    assert len(run(g, name)) == ROWS[name]


def test_every_responsibility_names_its_source(g, source_text):
    rows = run(g, "fact-provenance", "responsibility", "label", "section", "quote", "source")
    assert len({r for r, *_ in rows}) == 100
    assert {s for *_, s in rows} == {
        "https://www.canada.ca/en/government/system/digital-government/gcdigital-community/careers-digital.html"
    }
    folded = " ".join(source_text.split())
    assert all(" ".join(q.split()) in folded for *_, q, _ in rows)
    assert (
        "https://w3id.org/gc-digital-careers/id/resp-dbm-03",
        "ensuring data security and recovery",
        "Information Technology > Information Technology (IT) work streams > IT Database Management",
        "ensuring data security and recovery",
    ) in [r[:4] for r in rows]
