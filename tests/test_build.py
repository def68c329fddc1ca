"""`careers build`: complete outputs, byte-identical between runs, atomic, and untouched by a failed build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import VOID

from graph.build import build
from graph.describe import DATASET
from graph.errors import InputFileError, ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
GRAPH_FILES = ["knowledge-graph.jsonld", "knowledge-graph.nt", "knowledge-graph.ttl", "void.ttl"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(built_dir, build_result):
    return built_dir, build_result


def test_build_writes_every_format(built):
    out, result = built
    files = sorted(_snapshot(out))
    assert files == result.files
    assert [f for f in files if "/" not in f] == GRAPH_FILES
    assert {"reports/mobility.md", "reports/similarity-heatmap.png", "reports/ladders.png", "reports/ladders.csv"} <= set(files)
    parsed = {  # the three files hold the same triples (the shipped data has no blank node)
        name: set(pyoxigraph.parse(path=str(out / f"knowledge-graph.{name}"), format=fmt))
        for name, fmt in (
            ("ttl", pyoxigraph.RdfFormat.TURTLE),
            ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
            ("jsonld", pyoxigraph.RdfFormat.JSON_LD),
        )
    }
    assert parsed["ttl"] == parsed["nt"] == parsed["jsonld"]
    assert len(parsed["nt"]) == result.triples
    assert result.counts["gcdc:Position"] == 72 and result.counts["gcdc:WorkStream"] == 13
    assert result.counts["gcdc:Skill"] == 394 and result.counts["gcdc:JobTemplate"] == 31 and result.counts["gcdc:StaffingRule"] == 7


def test_void_description_counts_the_graph(built):
    out, result = built
    void = Graph().parse(out / "void.ttl", format="turtle")
    assert void.value(DATASET, VOID.triples).toPython() == result.triples
    partitions = {void.value(p, VOID["class"]): void.value(p, VOID.entities).toPython() for p in void.objects(DATASET, VOID.classPartition)}
    assert partitions[URIRef("https://w3id.org/gc-digital-careers/ontology#WorkStream")] == 13
    sizes = {
        str(void.value(d, URIRef("http://purl.org/dc/terms/title"))): void.value(d, URIRef("http://www.w3.org/ns/dcat#byteSize"))
        for d in void.objects(DATASET, URIRef("http://www.w3.org/ns/dcat#distribution"))
    }
    assert sizes["knowledge-graph.ttl"] == Literal(
        (out / "knowledge-graph.ttl").stat().st_size, datatype=sizes["knowledge-graph.ttl"].datatype
    )


@pytest.mark.slow
def test_rebuilding_in_another_process_is_byte_identical(built, tmp_path):
    out, _ = built
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "graph", "build", "--out", str(tmp_path)], check=True, env=env, cwd=ROOT, capture_output=True)
    assert _snapshot(tmp_path) == _snapshot(out)


@pytest.mark.slow
def test_blank_nodes_from_extra_files_do_not_break_determinism(tmp_path):
    """The graph files of a build with blank nodes are the same bytes whatever the hash seed (the serialisers sort them)."""
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "<http://example.org/a> <http://example.org/b> [ <http://example.org/c> [ <http://example.org/d> 1 ] ] .\n", encoding="utf-8"
    )
    script = (
        "import sys; from graph.load import load; from graph.derive import derive; from graph.serialize import serialize_all\n"
        "kb = load([sys.argv[1]]); derive(kb.g)\n"
        "sys.stdout.write(''.join(text for _, text in sorted(serialize_all(kb.g).items())))\n"
    )
    outs = [
        subprocess.run([sys.executable, "-c", script, str(extra)], check=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT,
                       capture_output=True).stdout
        for seed in ("1", "2")
    ]  # fmt: skip
    assert outs[0] == outs[1] and b"http://example.org/d" in outs[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("<http://e/a> <http://e/b> .\n", InputFileError),
        ("<http://e/a> <http://e/b> " + "[ <http://e/p> " * 200 + "1" + " ]" * 200 + " .\n", InputFileError),
        ("@prefix gcdc: <https://w3id.org/gc-digital-careers/ontology#> .\n<http://e/s> a gcdc:WorkStream .\n", ValidationFailed),
    ],
    ids=["malformed", "deeply-nested", "rejected-by-shapes"],
)
def test_a_failed_build_leaves_the_previous_outputs_intact(built_dir, tmp_path, content, error):
    out = tmp_path / "out"
    shutil.copytree(built_dir, out)
    before = _snapshot(out)
    extra = tmp_path / "extra.ttl"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(error):
        build([extra], out_dir=out)
    assert _snapshot(out) == before
    assert not [p for p in out.rglob(".*")], "no temporary file is left behind"


def test_jsonld_uses_the_project_context(built):
    out, _ = built
    data = json.loads((out / "knowledge-graph.jsonld").read_text(encoding="utf-8"))
    assert data["@context"]["gcd"] == "https://w3id.org/gc-digital-careers/id/"
    assert any(node["@id"] == "https://w3id.org/gc-digital-careers/id/role-director" for node in data["@graph"])


@pytest.mark.slow
def test_users_data_in_their_own_namespace_works_everywhere(tmp_path):
    """A community, a stream and a position from examples/my-department.ttl: built, drawn, moved through, well-formed IRIs."""
    out = tmp_path / "out"
    result = build([ROOT / "examples" / "my-department.ttl"], out_dir=out)
    assert result.counts["gcdc:WorkStream"] == 14 and result.counts["gcdc:Position"] == 73
    nt = (out / "knowledge-graph.nt").read_text(encoding="utf-8")
    assert "/id/https" not in nt and "/id/http" not in nt  # no foreign IRI pasted into ours
    assert "<https://w3id.org/gc-digital-careers/id/position-it-02-analyst-cloud-operations>" in nt
    page = (out / "html" / "career-map.html").read_text(encoding="utf-8")
    assert 'value="https://example.org/my-department/community-cloud"' in page  # its own filter
    from click.testing import CliRunner

    from graph.cli import main

    moved = CliRunner().invoke(
        main, ["path", "it-02 analyst cloud operations", "it-03 team lead it security", "--data", str(out / "knowledge-graph.nt")]
    )
    assert moved.exit_code == 0, moved.output
    assert moved.output.startswith("Path 1: ")
