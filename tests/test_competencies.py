"""The competency layer: label matching on small inputs, and links on the shipped data reviewed against the text."""

from __future__ import annotations

from rdflib.namespace import RDF

from graph.competencies import Matcher
from graph.namespaces import GCD, GCDC


def test_matcher_finds_whole_words_plurals_and_ignores_case():
    m = Matcher({"db": ["database"], "test": ["testing"], "api": ["API"]})
    assert m.match("Design and develop Databases") == {"db": ["Databases"]}
    assert m.match("database-like things and databasement") == {}
    assert m.match("Developing (API)s and APIs") == {"api": ["API", "APIs"]}
    assert m.match("nothing here") == {}


def test_longer_labels_win_over_their_prefixes():
    m = Matcher({"x": ["data", "data security"]})
    assert m.match("ensuring data security") == {"x": ["data security"]}


def _competencies(g, item):
    return sorted(str(c).removeprefix(str(GCD["competency-"])) for c in g.objects(GCD[item], GCDC.requiresCompetency))


def test_links_read_right_against_the_text(g):
    assert _competencies(g, "resp-dbm-03") == ["backup-and-recovery", "data-security"]  # ensuring data security and recovery
    assert _competencies(g, "resp-io-01-a") == ["infrastructure-and-networks"]  # networks
    assert _competencies(g, "resp-iop-01") == ["information-management", "legislative-compliance", "records-and-lifecycle-management"]
    assert "machine-learning" in _competencies(g, "resp-dsa-04")
    assert "api-development" in _competencies(g, "expertise-data-architect-08")


def test_every_link_records_how_it_was_made(g):
    links = list(g.subjects(RDF.type, GCDC.CompetencyLink))
    assert len(links) > 200
    for link in links:
        methods = set(g.objects(link, GCDC.linkMethod))
        assert methods
        if GCDC.LabelMatch in methods:
            assert (link, GCDC.matchedText, None) in g
    curated = GCD["competency-link-resp-sec-01-c--data-security"]
    assert set(g.objects(curated, GCDC.linkMethod)) == {GCDC.CuratedLink}


def test_the_scheme_is_between_25_and_60_concepts_and_all_are_used(g):
    concepts = set(g.subjects(RDF.type, GCDC.Competency))
    assert 25 <= len(concepts) <= 60
    assert concepts == set(g.objects(None, GCDC.requiresCompetency))
