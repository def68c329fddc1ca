"""Each SHACL shape accepts the shipped data and rejects a snippet written to break it.

All snippets are validated together in one run (validation costs most of a second); each test then
checks that its own focus node got its own message.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph
from rdflib.namespace import SH

from graph.derive import derive
from graph.load import KnowledgeBase, load
from graph.validate import ENGINES, load_shapes, validate

PREFIXES = """
@prefix gcdc: <https://w3id.org/gc-digital-careers/ontology#> .
@prefix gcd: <https://w3id.org/gc-digital-careers/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""
QUOTED = 'gcdc:quote "x" ; prov:wasDerivedFrom gcd:careers-in-digital'

# (focus node, snippet, words expected in the message)
CASES = {
    "english-label": ("gcd:bad-label", 'gcd:bad-label a gcdc:Team ; rdfs:label "équipe"@fr .', "exactly one English label"),
    "source": ("gcd:bad-source", 'gcd:bad-source a gcdc:EntryRoute ; rdfs:label "Unsourced"@en ; gcdc:quote "x" .', "source document"),
    "quote": (
        "gcd:bad-quote",
        'gcd:bad-quote a gcdc:EntryRoute ; rdfs:label "Unquoted"@en ; prov:wasDerivedFrom gcd:careers-in-digital .',
        "verbatim words",
    ),
    "stream-community": (
        "gcd:bad-stream",
        f'gcd:bad-stream a gcdc:WorkStream ; rdfs:label "S"@en ; {QUOTED} ; gcdc:hasResponsibility gcd:resp-blas-01 .',
        "exactly one career community",
    ),
    "stream-responsibility": (
        "gcd:bad-stream2",
        f'gcd:bad-stream2 a gcdc:WorkStream ; rdfs:label "S2"@en ; {QUOTED} ; gcdc:community gcd:community-it .',
        "at least one responsibility",
    ),
    "level-rank": (
        "gcd:bad-level",
        f'gcd:bad-level a gcdc:Level ; rdfs:label "L"@en ; {QUOTED} ; gcdc:occupationalGroup gcd:group-it .',
        "one integer rank",
    ),
    "level-order": ("gcd:level-it-02", "gcd:level-it-02 gcdc:rank 7 .", "levels are out of order"),
    "level-unique-rank": (
        "gcd:bad-level2",
        f'gcd:bad-level2 a gcdc:Level ; rdfs:label "L2"@en ; {QUOTED} ; gcdc:rank 1 ; gcdc:occupationalGroup gcd:group-ex .',
        "same rank",
    ),
    "role-level": ("gcd:bad-role", f'gcd:bad-role a gcdc:Role ; rdfs:label "R"@en ; {QUOTED} .', "at least one level"),
    "position-stream": (
        "gcd:bad-position",
        'gcd:bad-position a gcdc:Position ; rdfs:label "P"@en ; gcdc:hasRole gcd:role-analyst ; gcdc:hasLevel gcd:level-it-02 .',
        "exactly one work stream",
    ),
    "position-unsupported": (
        "gcd:position-it-05-director-it-planning-and-reporting",
        'gcd:position-it-05-director-it-planning-and-reporting a gcdc:Position ; rdfs:label "IT-05 Director, IT Planning and Reporting"@en ;'
        " gcdc:hasRole gcd:role-director ; gcdc:hasLevel gcd:level-it-05 ; gcdc:inStream gcd:stream-it-planning-and-reporting .",
        "does not put this position's role in its stream",
    ),
    "reporting": (
        "gcd:bad-reporting",
        f'gcd:bad-reporting a gcdc:ReportingRelationship ; rdfs:label "RR"@en ; {QUOTED} ; gcdc:superior gcd:role-manager ;'
        " gcdc:subordinate gcd:careers-in-digital .",
        "subordinate role or team",
    ),
    "position-without-role": (
        "gcd:bad-roleless",
        'gcd:bad-roleless a gcdc:Position ; rdfs:label "P"@en ; gcdc:hasLevel gcd:level-it-02 ; gcdc:inStream gcd:stream-it-security .',
        "must say that the source does not state its level",
    ),
    "responsibility-skill": (
        "gcd:bad-resp",
        f'gcd:bad-resp a gcdc:Responsibility ; rdfs:label "zzz qqq"@en ; {QUOTED} . gcd:stream-it-security gcdc:hasResponsibility gcd:bad-resp .',
        "at least one official skill",
    ),
    "responsibility-owner": (
        "gcd:bad-orphan",
        f'gcd:bad-orphan a gcdc:Responsibility ; rdfs:label "ensuring data security and recovery"@en ; {QUOTED} .',
        "belongs to nothing",
    ),
    "functional-area": (
        "gcd:bad-area",
        f'gcd:bad-area a gcdc:FunctionalArea ; rdfs:label "zzz"@en ; {QUOTED} .',
        "functional area needs at least one official skill",
    ),
    "competency": ("gcd:bad-competency", 'gcd:bad-competency a gcdc:Competency ; rdfs:label "C"@en .', "skos:prefLabel"),
    "skill-source": (
        "gcd:bad-skill",
        'gcd:bad-skill a gcdc:Skill ; skos:prefLabel "S"@en , "S"@fr ; gcdc:skillCategory gcdc:Technical ; skos:inScheme gcd:scheme-talent-skills .',
        "needs its source document",
    ),
    "skill-french": (
        "gcd:bad-skill2",
        'gcd:bad-skill2 a gcdc:Skill ; skos:prefLabel "S"@en ; gcdc:skillCategory gcdc:Soft ; skos:inScheme gcd:scheme-talent-skills ;'
        " prov:wasDerivedFrom gcd:source-talent-skills .",
        "exactly one French skos:prefLabel",
    ),
    "skill-category": ("gcd:bad-skill2", "", "either gcdc:Technical or gcdc:Behavioural"),
    "skill-link": (
        "gcd:bad-link",
        "gcd:bad-link a gcdc:SkillLink ; gcdc:linkedSkill gcd:skill-it-security ; gcdc:linkMethod gcdc:Guess .",
        "says how it was made",
    ),
    "job-template": (
        "gcd:bad-template",
        'gcd:bad-template a gcdc:JobTemplate ; rdfs:label "T"@en ; gcdc:hasLevel gcd:level-it-02 ; prov:wasDerivedFrom gcd:source-talent-job-templates ;'
        " gcdc:skillRequirement gcd:bad-requirement .",
        "exactly one reference id",
    ),
    "skill-requirement": (
        "gcd:bad-requirement",
        "gcd:bad-requirement a gcdc:SkillRequirement ; gcdc:requiredSkill gcd:skill-it-security ; gcdc:requirementType gcdc:Optional .",
        "either gcdc:Essential or gcdc:Asset",
    ),
    "staffing-rule": (
        "gcd:bad-rule",
        'gcd:bad-rule a gcdc:StaffingRule ; rdfs:label "R"@en ; gcdc:governsKind gcdc:Deployment ; gcdc:condition "c" ;'
        " prov:wasDerivedFrom gcd:source-tbs-deployments .",
        "verbatim words of its sources",
    ),
    "assumption": (
        "gcd:bad-assumption",
        'gcd:bad-assumption a gcdc:Assumption ; rdfs:label "A"@en ; gcdc:parameterName "p" ; gcdc:parameterValue "1" .',
        "needs its documentation",
    ),
    "pay-range-order": (
        "gcd:bad-pay",
        'gcd:bad-pay a gcdc:PayRange ; rdfs:label "P"@en ; gcdc:payRangeOf gcd:level-it-01 ; gcdc:minimumSalary 90000 ;'
        ' gcdc:maximumSalary 80000 ; gcdc:dateNote "no date in the source" ; prov:wasDerivedFrom gcd:source-talent-classifications .',
        "no more than its maximum",
    ),
    "pay-range-date": (
        "gcd:bad-pay2",
        'gcd:bad-pay2 a gcdc:PayRange ; rdfs:label "P"@en ; gcdc:payRangeOf gcd:level-it-01 ; gcdc:minimumSalary 1 ;'
        " gcdc:maximumSalary 2 ; prov:wasDerivedFrom gcd:source-talent-classifications .",
        "gives the date its source gives",
    ),
    "crosswalk": (
        "gcd:bad-crosswalk",
        'gcd:bad-crosswalk a gcdc:Crosswalk ; rdfs:label "C"@en ; gcdc:mapsFrom gcd:stream-it-security ; gcdc:mapsTo gcd:noc-2021-21220 ;'
        " gcdc:mappingRelation skos:related ; prov:wasDerivedFrom gcd:source-statcan-noc-2021 .",
        "says why",
    ),
    "crosswalk-relation": ("gcd:bad-crosswalk", "", "one SKOS mapping relation"),
    "progression": (
        "gcd:bad-progression",
        'gcd:bad-progression a gcdc:Progression ; rdfs:label "P"@en ; gcdc:fromState gcd:role-analyst ;'
        " gcdc:toState gcd:role-manager ; gcdc:progressionKind gcdc:Promotion .",
        "gcdc:Stated, gcdc:RuleBased or gcdc:Inferred",
    ),
    "rule-based-progression": (
        "gcd:bad-rule-based",
        'gcd:bad-rule-based a gcdc:Progression ; rdfs:label "P"@en ; gcdc:fromState gcd:role-analyst ; gcdc:toState gcd:role-manager ;'
        ' gcdc:progressionKind gcdc:Deployment ; gcdc:basis gcdc:RuleBased ; gcdc:quote "looks stated" .',
        "needs its staffing rule",
    ),
    "stated-with-assumption": (
        "gcd:bad-assumed",
        'gcd:bad-assumed a gcdc:Progression ; rdfs:label "P"@en ; gcdc:fromState gcd:role-analyst ; gcdc:toState gcd:role-manager ;'
        ' gcdc:progressionKind gcdc:Promotion ; gcdc:basis gcdc:Stated ; gcdc:quote "q" ;'
        " gcdc:assumes gcd:assumption-one-level-at-a-time .",
        "cannot rest on an assumption",
    ),
    "stated-progression": (
        "gcd:bad-stated",
        'gcd:bad-stated a gcdc:Progression ; rdfs:label "P"@en ; gcdc:fromState gcd:role-analyst ;'
        " gcdc:toState gcd:role-manager ; gcdc:progressionKind gcdc:Promotion ; gcdc:basis gcdc:Stated .",
        "stated progression needs",
    ),
    "inferred-progression": (
        "gcd:bad-inferred",
        'gcd:bad-inferred a gcdc:Progression ; rdfs:label "P"@en ; gcdc:fromState gcd:role-analyst ;'
        " gcdc:toState gcd:role-manager ; gcdc:progressionKind gcdc:LateralMove ; gcdc:basis gcdc:Inferred ; gcdc:score 1.5 .",
        "inferred progression needs one score",
    ),
}


@pytest.fixture(scope="module")
def violating(tmp_path_factory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("shapes") / "violating.ttl"
    path.write_text(PREFIXES + "\n".join(snippet for _, snippet, _ in CASES.values() if snippet) + "\n", encoding="utf-8")
    kb = load([path])
    derive(kb.g)
    return kb


@pytest.fixture(scope="module")
def violations(violating):
    return validate(violating).violations


def test_the_shipped_data_conforms(kb):
    report = validate(kb)
    assert report.conforms, report.text()


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_shape_rejects_its_violating_snippet(violations, case):
    focus, _, words = CASES[case]
    messages = [v.message for v in violations if v.focus == focus]
    assert any(words in m for m in messages), (case, messages)
    assert all(v.files for v in violations if v.focus == focus), "every violation names its file"


def test_violations_name_the_file_they_came_from(violations):
    (orphan,) = [v for v in violations if v.focus == "gcd:bad-orphan"]
    assert orphan.files[0].endswith("violating.ttl")
    assert str(orphan).startswith(orphan.files[0] + ": gcd:bad-orphan")


def test_an_ill_typed_literal_is_a_violation_not_a_traceback(tmp_path):
    """pySHACL recursed without end on ``"three"^^xsd:integer`` and `careers validate` printed a traceback."""
    from click.testing import CliRunner

    from graph.cli import main

    extra = tmp_path / "extra.ttl"
    xsd = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    extra.write_text(
        PREFIXES + xsd + 'gcd:level-it-03 gcdc:rank "three"^^xsd:integer .\ngcd:bad-orphan a gcdc:Position .\n', encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["validate", str(extra)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{extra}: gcd:level-it-03 gcdc:rank: an ill-typed literal: 'three' is not a valid xsd:integer" in result.output
    assert "gcd:bad-orphan" in result.output  # the shapes still ran on the rest


def test_rudof_and_pyshacl_give_the_same_violations(kb, violating, built_nt, tmp_path):
    """rudof runs; pySHACL checks it: the same verdicts and the same violations, word for word, on the shipped data,
    the built graph (its 655 moves), every violating snippet above and an ill-typed literal."""
    ill_typed = tmp_path / "ill-typed.ttl"
    ill_typed.write_text(
        PREFIXES + '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\ngcd:level-it-03 gcdc:rank "three"^^xsd:integer .\n'
    )
    built = KnowledgeBase(Graph().parse(built_nt, format="nt"))
    cases = {"shipped": kb, "built": built, "snippets": violating, "ill-typed": load([ill_typed])}
    derive(cases["ill-typed"].g)
    for name, case in cases.items():
        rudof, pyshacl = (validate(case, engine=engine).violations for engine in ENGINES)
        assert rudof == pyshacl, name
        assert bool(rudof) == (name in {"snippets", "ill-typed"}), name
    assert len(rudof) == 1 and "ill-typed literal" in rudof[0].message
    from graph.cli import validate as command  # careers validate --engine offers the same two

    assert next(tuple(p.type.choices) for p in command.params if p.name == "engine") == ("auto", *ENGINES)


def test_shapes_whose_message_an_engine_may_drop_are_named():
    """rudof reports sh:or, qualified counts and sh:lessThanOrEquals without the shape's sh:message; `validate` reads
    it from the shape, which it can find only if the shape has a name."""
    shapes = load_shapes()
    risky = {SH["or"], SH.qualifiedValueShape, SH.lessThanOrEquals}
    unnamed = [s for s, p, _ in shapes if p in risky and isinstance(s, BNode) and (s, SH.message, None) in shapes]
    assert unnamed == []
