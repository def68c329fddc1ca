"""Official skills: the GC Digital Talent import, the word matcher, the links on the shipped data, and the retired competencies."""

from __future__ import annotations

import json
from collections import Counter

from rdflib import Literal
from rdflib.namespace import OWL, RDF, SKOS

from graph.namespaces import GCD, GCDC
from graph.paths import ontology_dir
from graph.skills import SkillMatcher, SkillTerms, terms_of
from graph.talent import TALENT_DIR, rendered

TALENT = ontology_dir() / TALENT_DIR


def _records(name: str, key: str) -> list[dict]:
    return json.loads((TALENT / name).read_text(encoding="utf-8"))["data"][key]


def test_the_committed_turtle_is_what_the_import_makes_of_the_copies():
    committed = (ontology_dir() / "data" / "gc-digital-talent.ttl").read_text(encoding="utf-8")
    assert committed == rendered(), "run scripts/import_talent.py"


def test_394_skills_in_29_families_with_english_and_french_names(g):
    skills = set(g.subjects(RDF.type, GCDC.Skill))
    assert len(skills) == 394
    for skill in skills:
        names = {n.language for n in g.objects(skill, SKOS.prefLabel)}
        assert names == {"en", "fr"}, skill
        assert (skill, GCDC.skillCategory, None) in g and (skill, SKOS.inScheme, GCD["scheme-talent-skills"]) in g
    families = set(g.subjects(RDF.type, GCDC.SkillFamily))
    assert len(families) == 29
    assert {s for f in families for s in g.objects(f, SKOS.member)} <= skills


def test_the_skills_say_what_the_source_file_says(g):
    records = {r["key"]: r for r in _records("SkillSeeder.data.json", "skills")}
    assert len(records) == 394
    for key in ("python", "it_security", "ability_to_learn_quickly"):
        (node,) = (s for s in g.subjects(GCDC.sourceKey, Literal(key)) if (s, RDF.type, GCDC.Skill) in g)  # families share keys
        assert {(str(n), n.language) for n in g.objects(node, SKOS.prefLabel)} == {
            (records[key]["name"]["en"].strip(), "en"),
            (records[key]["name"]["fr"].strip(), "fr"),
        }


def test_31_templates_each_linked_to_a_position_with_its_requirements(g):
    templates = set(g.subjects(RDF.type, GCDC.JobTemplate))
    assert len(templates) == 31
    assert {str(t) for t in g.objects(None, GCDC.referenceId) if (None, GCDC.referenceId, t) in g} >= {"IT-03-06-IC-016"}
    for template in templates:
        (position,) = g.objects(template, GCDC.templateFor)
        assert (position, RDF.type, GCDC.Position) in g
        assert set(g.objects(template, GCDC.hasLevel)) == set(g.objects(position, GCDC.hasLevel)), template
        types = Counter(o for r in g.objects(template, GCDC.skillRequirement) for o in g.objects(r, GCDC.requirementType))
        assert types[GCDC.Essential] > 0, template  # every template has essential skills
    source = _records("JobPosterTemplateSkillSeeder.data.json", "jobPosterTemplates")
    pairs = {(t["referenceId"], s["skill"]["key"], s["pivot"]["type"]["value"]) for t in source for s in t["skills"]}
    assert len(pairs) == sum(1 for t in templates for _ in g.objects(t, GCDC.skillRequirement))  # the file's, without its duplicates


def test_matcher_on_small_inputs():
    m = SkillMatcher(
        {
            "db": terms_of("Data Security and Recovery", ["Backup"]),
            "ml": terms_of("Machine Learning Algorithms", []),
            "sql": terms_of("Structured Query Language (SQL)", [], unique=frozenset()),
            "devops": SkillTerms(exact=("DevOps",)),
            "kw": terms_of("Cloud Computing", ["cloud platforms"]),
        }
    )
    assert m.match("ensuring data security and recovery") == {"db": ("name", ["data security and recovery"])}
    assert m.match("Machine learning") == {"ml": ("name", ["Machine learning"])}
    assert m.match("querying with SQL") == {"sql": ("name", ["SQL"])}
    assert m.match("querying with sql") == {}  # an acronym matches only with its case
    assert m.match("DevOps pipelines") == {"devops": ("name", ["DevOps"])}
    assert m.match("operating cloud platform services") == {"kw": ("keyword", ["cloud platform"])}
    assert m.match("business applications") == {}


def test_behavioural_one_word_names_are_not_matched():
    assert terms_of("Integrity", ["Honesty"], technical=False) == SkillTerms()


def _skills(g, item: str) -> list[str]:
    return sorted(str(s).removeprefix(str(GCD["skill-"])) for s in g.objects(GCD[item], GCDC.requiresSkill))


def _methods(g, item: str, skill: str) -> set[str]:
    link = GCD[f"skill-link-{item}--{skill}"]
    return {str(m).rsplit("#", 1)[-1] for m in g.objects(link, GCDC.linkMethod)}


def test_links_read_right_against_the_text(g):
    assert _skills(g, "resp-dbm-03") == ["data-security-and-recovery"]  # "ensuring data security and recovery"
    assert _methods(g, "resp-dbm-03", "data-security-and-recovery") == {"NameMatch"}
    assert _skills(g, "resp-dsa-04") == ["artificial-intelligence-system-operations", "machine-learning-modeling"]
    assert _methods(g, "resp-dsa-04", "machine-learning-modeling") == {"NameMatch"}
    assert _skills(g, "resp-role-director-01") == ["human-resources-management", "resource-management", "strategy-development"]
    assert _skills(g, "resp-iop-01") == ["im-document-handling", "information-life-cycle"]


def test_every_link_records_how_it_was_made_and_excluded_matches_stay_out(g):
    links = set(g.subjects(RDF.type, GCDC.SkillLink))
    methods = Counter(str(m).rsplit("#", 1)[-1] for link in links for m in g.objects(link, GCDC.linkMethod))
    assert methods == {"CuratedLink": 188, "NameMatch": 30, "KeywordMatch": 2}
    for link in links:
        found = set(g.objects(link, GCDC.linkMethod))
        if found & {GCDC.NameMatch, GCDC.KeywordMatch}:
            assert (link, GCDC.matchedText, None) in g, link
    for item, skill in g.subject_objects(GCDC.excludedSkill):
        assert (item, GCDC.requiresSkill, skill) not in g and (item, GCDC.exclusionReason, None) in g


def test_every_item_has_official_skills(g):
    items = {s for cls in (GCDC.Responsibility, GCDC.Expertise, GCDC.FunctionalArea) for s in g.subjects(RDF.type, cls)}
    assert len(items) == 121
    assert all((i, GCDC.requiresSkill, None) in g for i in items)


def test_the_projects_competencies_are_retired_and_mapped(g):
    competencies = set(g.subjects(RDF.type, GCDC.Competency))
    assert competencies and all((c, OWL.deprecated, Literal(True)) in g for c in competencies)
    mapped = {c for c in competencies if any((s, RDF.type, GCDC.Skill) in g for s in g.objects(c, SKOS.closeMatch))}
    assert len(mapped) == len(competencies) == 48
    assert not list(g.subject_objects(GCDC.requiresCompetency))


def test_an_exact_term_that_is_the_skills_name_is_a_name_match():
    sdlc = terms_of("Software Development Life Cycle (SDLC)", ["Software Life Cycle", "SDLC"], unique=frozenset({"SDLC"}))
    git = terms_of("Version Control", ["GitHub", "source control"], unique=frozenset({"GitHub"}))
    assert sdlc.exact == ("SDLC",) and git.exact == ("GitHub",)
    m = SkillMatcher({"sdlc": sdlc, "git": git})
    assert m.match("following the SDLC") == {"sdlc": ("name", ["SDLC"])}  # written in the name: a name match, keywords or not
    assert m.match("using GitHub daily") == {"git": ("keyword", ["GitHub"])}  # a keyword's exact term stays a keyword match
