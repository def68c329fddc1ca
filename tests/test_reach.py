"""Skills first (issue 19): where a person's own official skills take them, by the cost model of `careers path`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.mobility.analysis import analyse
from graph.mobility.reach import UnknownSkill, opening_skill, profile_of, reach, read_person, resolve_skill


@pytest.fixture(scope="module")
def analysed(g):
    return analyse(g)


def _person(facts, skills: dict[str, int]) -> dict[str, int]:
    return {resolve_skill(facts, name): level for name, level in skills.items()}


def _top(facts, model, skills: dict[str, int], level: str | None, n: int = 1) -> list[tuple[str, str]]:
    return [(model.label(r.position), r.kind) for r in reach(facts, model, _person(facts, skills), level=level)[:n]]


# (who, their skills, their level, the expected top answer, why)
HAND_CHECKED = [
    (
        "a security analyst",
        {"IT Security": 2, "Risk Management": 2, "Policy Development": 2, "Analytical Thinking": 2},
        "level-it-02",
        ("IT-02 Analyst, IT Security", "appointment"),
        "its work at its level; 6 more skills to gain, beyond a deployment's cap",
    ),
    (
        "a help-desk technician",
        {"Client Services": 1, "IT Troubleshooting": 1, "Software and Hardware Installation and Configuration": 1},
        "level-it-01",
        ("IT-01 Technician, IT Infrastructure Operations", "deployment"),
        "the infrastructure operations technician uses two of the three skills (client services, troubleshooting) at IT-01",
    ),
    (
        "a data scientist from outside",
        {
            "Machine Learning Modeling": 3,
            "Machine Learning Algorithms": 3,
            "Applied Mathematics and Statistics": 3,
            "Data Visualization": 3,
        },
        None,
        ("IT-01, Data Science and Analytics (level not stated by the source)", "entry"),
        "only the Data Science and Analytics stream uses machine learning; from outside, its lowest level asks least",
    ),
    (
        "a data scientist at IT-03",
        {
            "Machine Learning Modeling": 3,
            "Machine Learning Algorithms": 3,
            "Applied Mathematics and Statistics": 3,
            "Data Visualization": 3,
        },
        "level-it-03",
        ("IT-03, Data Science and Analytics (level not stated by the source)", "appointment"),
        "the same stream at the person's level, through an appointment (13 more skills: beyond a deployment's cap)",
    ),
    (
        "a records manager from outside",
        {"Information Management and Document Handling": 3, "Information Life Cycle": 3, "Implementation and Enforcement of Policies": 2},
        None,
        ("IT-02, Information Operations (level not stated by the source)", "entry"),
        "Information Operations is the stream of information management and document handling",
    ),
    (
        "a records manager at IT-03",
        {"Information Management and Document Handling": 3, "Information Life Cycle": 3, "Implementation and Enforcement of Policies": 2},
        "level-it-03",
        ("IT-03, Information Operations (level not stated by the source)", "deployment"),
        "the same work at the person's level: a deployment",
    ),
    (
        "a database analyst, named in French",
        {
            "Gestion des bases de données de la TI": 2,
            "conception des bases de donnees": 2,
            "Administration des bases de données système": 2,
        },
        "level-it-02",
        ("IT-02 Analyst, IT Database Management", "appointment"),
        "French names of official skills are understood; 5 more skills to gain: an appointment",
    ),
    (
        "a data engineer at IT-02",
        {"Data Engineering": 2, "Data Warehousing": 2, "Data Modelling, Cleaning and Enrichment": 2, "Database Programming Tools": 2},
        "level-it-02",
        ("IT-02, Data Systems Operations (level not stated by the source)", "appointment"),
        "the stream whose work is data engineering and warehousing; a large profile, so each missing skill weighs little",
    ),
    (
        "a business analyst at IT-02",
        {"IT Business Analysis": 2, "Business Analysis": 2, "Requirements Analysis": 2},
        "level-it-02",
        ("IT-02 Analyst, IT Business Line Advisory Services", "appointment"),
        "business line advisory services is the business analysis stream",
    ),
    (
        "a software tester at IT-02",
        {"Functional Testing": 2, "Software Development Life Cycle (SDLC)": 2, "Application Development": 2},
        "level-it-02",
        ("IT-02 Analyst, IT Software Solutions", "appointment"),
        "testing and the development life cycle are software solutions' skills; the promotions in it come next",
    ),
    (
        "an IT-05 director of IT security",
        {"IT Security": 4, "Strategy Development": 4, "Team Leadership": 4, "Risk Management": 4},
        "level-it-05",
        ("EX-01", "executive appointment"),
        "from the top IT level the next step is EX-01; the security director position is a close second (3.40 and 3.43)",
    ),
    (
        "a project manager from outside",
        {"Project Management": 3, "Digital and IT Project Management": 3, "Stakeholder Relations": 3},
        None,
        ("IT-02 Analyst, IT Project Portfolio Management", "entry"),
        "project portfolio management uses all three skills; from outside, an entry on merit",
    ),
    (
        "a privacy analyst from outside",
        {"Data Ethics and Privacy": 2, "Information Management and Document Handling": 2},
        None,
        ("IT-01, Information Operations (level not stated by the source)", "entry"),
        "information operations asks least beyond these two skills (3 more)",
    ),
]


@pytest.mark.parametrize("who, skills, level, expected, why", HAND_CHECKED, ids=[case[0] for case in HAND_CHECKED])
def test_hand_checked_profiles(analysed, who, skills, level, expected, why):
    facts, model = analysed
    assert _top(facts, model, skills, level) == [expected], why


def test_every_move_is_one_the_rules_allow_from_the_persons_level(analysed):
    facts, model = analysed
    analyst = _person(facts, {"IT Security": 2, "Risk Management": 2})
    found = reach(facts, model, analyst, level="level-it-02")
    assert {r.kind for r in found} == {"deployment", "appointment", "promotion"}
    assert {model.nodes[r.position].level for r in found} == {"IT-02", "IT-03"}  # its level, and the next one
    assert [r.cost for r in found] == sorted(r.cost for r in found)
    director = dict(model.profiles["position-it-05-director-it-security"].essential)
    assert [r.kind for r in reach(facts, model, director, level="level-it-05") if r.position == "level-ex-01"] == ["executive appointment"]
    executive = dict(model.profiles["level-ex-01"].essential)
    assert [(r.position, r.kind) for r in reach(facts, model, executive, level="level-ex-01")] == [("level-ex-02", "promotion")]


def test_a_position_as_the_start_takes_its_own_moves(analysed):
    facts, model = analysed
    lead = "position-it-03-team-lead-it-security"
    found = reach(facts, model, profile_of(facts, model, lead), start=lead)
    assert (found[0].position, found[0].kind, found[0].cost) == ("position-it-04-manager-it-security", "promotion", 1.0)
    assert {(r.position, r.cost) for r in found} <= {(m.target, m.cost) for m in model.moves_from(lead)}


def test_job_templates_as_profiles_find_their_own_position(analysed):
    """Each of the 31 templates, as the profile of a person in the job it describes, ranks its own position first
    among the positions at its level, strictly (no tie decided by name)."""
    facts, model = analysed
    assert len(facts.templates) == 31
    for tid, template in facts.templates.items():
        rows = [r for r in reach(facts, model, profile_of(facts, model, tid), level=template.level) if r.level == template.level]
        assert rows[0].position == template.position, template.reference
        assert rows[0].cost < rows[1].cost, template.reference
    # the template's own skills still count: a template that lists a skill its position's profile lacks holds it too
    tid = "job-template-it-04-06-su-019"
    person, position = profile_of(facts, model, tid), model.profiles[facts.templates[tid].position].essential
    assert "skill-risk-assessment" in person and "skill-risk-assessment" not in position
    assert set(position) <= set(person)


def test_the_skill_that_opens_most_doors(analysed):
    facts, model = analysed
    analyst = _person(facts, {"IT Security": 2, "Risk Management": 2, "Policy Development": 2, "Analytical Thinking": 2})
    found = opening_skill(facts, model, analyst, level="level-it-02", within=3.0)
    assert found is not None and found.after > found.before and found.positions
    more = dict(analyst) | {found.skill: found.level}
    assert sum(r.cost <= 3.0 for r in reach(facts, model, more, level="level-it-02")) == found.after
    for skill, level in (
        (s, lvl) for r in reach(facts, model, analyst, level="level-it-02") for s, lvl in ((g.skill, g.need) for g in r.gap)
    ):
        other = dict(analyst) | {skill: level or analyst.get(skill)}
        assert sum(r.cost <= 3.0 for r in reach(facts, model, other, level="level-it-02")) <= found.after  # none opens more
    assert opening_skill(facts, model, analyst, level="level-it-02", within=3.0) == found  # deterministic


def test_reading_a_person(analysed, tmp_path):
    facts, _ = analysed
    csv_file = tmp_path / "me.csv"
    csv_file.write_text("Skill,Level\nIT Security,intermediate\nSécurité de la TI,avancé\nrisk management,2\n", encoding="utf-8")
    assert read_person(facts, csv_file) == {"skill-it-security": 3, "skill-risk-management": 2}  # the highest level of a repeat
    json_file = tmp_path / "me.json"
    json_file.write_text(json.dumps([{"skill": "skill-it-security", "level": "lead"}]), encoding="utf-8")
    assert read_person(facts, json_file) == {"skill-it-security": 4}
    json_file.write_text(json.dumps({"IT Security": 1}), encoding="utf-8")
    assert read_person(facts, json_file) == {"skill-it-security": 1}
    for text, message in [
        ("skill,level\nIT Securty,2\n", "line 2: 'IT Securty' is not an official skill; closest: IT Security"),
        ("skill,level\nIT Security,2\nRisk Management,guru\n", "line 3: 'guru' is not a skill level"),
        ("name,grade\nIT Security,2\n", "line 1: the header must have the columns skill and level"),
        ("skill,level\n", "no skills"),
    ]:
        csv_file.write_text(text, encoding="utf-8")
        with pytest.raises(UnknownSkill, match=message):
            read_person(facts, csv_file)
    for text in ("5", "[1, 2]"):
        json_file.write_text(text, encoding="utf-8")
        with pytest.raises(UnknownSkill, match="expected a list of"):
            read_person(facts, json_file)
    json_file.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(UnknownSkill, match="line 1: not JSON"):
        read_person(facts, json_file)
    csv_file.write_text("skill,level\n" + "IT Security,2\n" * 401, encoding="utf-8")
    with pytest.raises(UnknownSkill, match="a profile lists at most 400"):
        read_person(facts, csv_file)


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_reach_command(built_nt, tmp_path):
    me = tmp_path / "me.csv"
    me.write_text(
        "skill,level\nIT Security,intermediate\nRisk Management,intermediate\nPolicy Development,intermediate\n", encoding="utf-8"
    )
    rows = json.loads(invoke("reach", str(me), "--level", "CS-02", "--top", "3", "--format", "json", "--data", built_nt).output)
    assert [r["position"] for r in rows][0] == "IT-02 Analyst, IT Security" and len(rows) == 3
    assert {"position", "kind", "cost", "gap", "pay"} <= set(rows[0]) and rows[0]["kind"] == "appointment"
    assert {"skill": "Application Access Management", "have": None, "need": "intermediate"} in rows[0]["gap"]
    result = invoke("reach", str(me), "--level", "IT-02", "--top", "2", "--data", built_nt)
    assert result.exit_code == 0 and "the skill that opens most doors:" in result.output
    opening = json.loads(invoke("reach", str(me), "--level", "IT-02", "--opening", "--format", "json", "--data", built_nt).output)
    assert opening["after"] > opening["before"] and opening["opens"]
    result = invoke("reach", "IT-03 Team Lead, IT Security", "--top", "1", "--format", "json", "--data", built_nt)
    assert json.loads(result.output)[0]["position"] == "IT-04 Manager, IT Security"
    result = invoke("reach", str(me), "--level", "IT-09", "--data", built_nt)
    assert result.exit_code == 2 and "--level 'IT-09'" in result.output
    me.write_text("skill,level\nNo Such Skill,2\n", encoding="utf-8")
    result = invoke("reach", str(me), "--data", built_nt)
    assert result.exit_code == 2 and f"{me}: line 2: 'No Such Skill' is not an official skill" in result.output


def test_the_command_and_the_page_count_the_opening_skill_within_the_same_cost(analysed):

    from graph.commands.mobility import reach as command
    from graph.mobility.reach import OPENING_WITHIN
    from graph.viz.explorer import explorer_data

    facts, model = analysed
    (within,) = [p.default for p in command.params if p.name == "within"]
    assert within == OPENING_WITHIN == explorer_data(facts, model, "en", {})["reach"]["within"]


def test_reach_answers_in_french_when_asked_or_when_lang_says_so(built_nt, tmp_path, monkeypatch):
    """Issue 20 (in part): `careers reach --lang fr`, or LANG=fr_CA.UTF-8: positions, moves, skills, levels, costs in French."""
    me = tmp_path / "moi.csv"
    me.write_text("skill,level\nSécurité de la TI,intermédiaire\nGestion des risques,2\nÉlaboration de politiques,2\n", encoding="utf-8")
    result = invoke("reach", str(me), "--level", "IT-02", "--top", "1", "--lang", "fr", "--data", built_nt)
    assert result.exit_code == 0, result.output
    header, _, first, *_ = result.output.splitlines()
    assert header.split() == ["poste", "déplacement", "coût", "à", "acquérir", "ou", "approfondir"]
    assert first.startswith("IT-02 analyste, Sécurité") and "nomination (processus annoncé)" in first and "2,05" in first
    assert "(aucun -> intermédiaire)" in first and "la compétence qui ouvre le plus de portes :" in result.output
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    rows = json.loads(invoke("reach", str(me), "--level", "IT-02", "--top", "1", "--format", "json", "--data", built_nt).output)
    assert rows[0]["position"] == "IT-02 analyste, Sécurité" and rows[0]["pay"].startswith("IT-02 85\u202f854\u00a0$")
    monkeypatch.setenv("LANG", "en_CA.UTF-8")
    rows = json.loads(invoke("reach", str(me), "--level", "IT-02", "--top", "1", "--format", "json", "--data", built_nt).output)
    assert rows[0]["position"] == "IT-02 Analyst, IT Security"
