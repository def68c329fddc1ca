"""The ontology with the built graph is OWL 2 DL that a reasoner accepts: every term declared with one kind, and HermiT
finds it consistent, with no unsatisfiable class and no type the data does not state (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF
from reasoner_helpers import hermit, illegal_punning, undeclared, unexpected_types

from graph.namespaces import GCD_IRI, GCDC_IRI
from graph.paths import ontology_dir

ASSUMPTION = f"{GCD_IRI}assumption-one-level-at-a-time"


def with_lines(built_nt: str, folder: Path, *lines: str) -> Path:
    copy = folder / "changed.nt"
    copy.write_bytes(Path(built_nt).read_bytes() + "".join(line + "\n" for line in lines).encode())
    return copy


def test_every_term_of_the_built_graph_is_declared_with_one_kind(built_nt):
    g = Graph().parse(built_nt, format="nt")
    assert undeclared(g) == []
    assert illegal_punning(g) == []
    control = Graph().parse(data=f"<{ASSUMPTION}> <{GCDC_IRI}nothingSuch> <{ASSUMPTION}> .", format="nt")
    assert undeclared(control) == [f"property {GCDC_IRI}nothingSuch"]


def test_hermit_finds_the_ontology_consistent_with_no_unsatisfiable_class(tmp_path):
    ontology = tmp_path / "careers.nt"
    Graph().parse(ontology_dir() / "careers.ttl").serialize(ontology, format="nt", encoding="utf-8")
    reasoned = hermit(ontology)
    assert reasoned.consistent and reasoned.unsatisfiable == frozenset()
    # the control: a class made empty is reported
    broken = tmp_path / "broken.nt"
    broken.write_text(ontology.read_text() + f"<{GCDC_IRI}Pilot> <{RDF}type> <http://www.w3.org/2002/07/owl#Class> .\n"
                      f"<{GCDC_IRI}Pilot> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://www.w3.org/2002/07/owl#Nothing> .\n")  # fmt: skip
    assert hermit(broken).unsatisfiable == {f"{GCDC_IRI}Pilot"}


def test_hermit_finds_the_built_graph_consistent_and_infers_no_type_it_does_not_state(built_nt, tmp_path):
    reasoned = hermit(Path(built_nt))
    assert reasoned.consistent and reasoned.unsatisfiable == frozenset()
    assert len(reasoned.types) > 2000  # it did realise the individuals
    assert unexpected_types(Path(built_nt), reasoned) == []


@pytest.mark.parametrize(
    "line, consistent, unexpected",
    [
        # a domain that misclassifies (as gcdc:parameterName's did: a disclosure rule became an assumption)
        (f"<{GCDC_IRI}parameterName> <http://www.w3.org/2000/01/rdf-schema#domain> <{GCDC_IRI}Position> .", True,
         f"{ASSUMPTION} a {GCDC_IRI}Position"),
        # a tagged string where the range says xsd:string (as gcdc:condition's was)
        (f'<{ASSUMPTION}> <{GCDC_IRI}parameterName> "one level"@en .', False, None),
    ],
)  # fmt: skip
def test_the_reasoner_check_fails_on_the_faults_it_guards_against(built_nt, tmp_path, line, consistent, unexpected):
    changed = with_lines(built_nt, tmp_path, line)
    reasoned = hermit(changed)
    assert reasoned.consistent is consistent
    if unexpected:
        assert unexpected in unexpected_types(changed, reasoned)
