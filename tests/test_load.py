"""Loading: bad input gets a message with file, line and column; nothing is fetched from the network."""

from __future__ import annotations

import socket

import pytest
from rdflib import URIRef

from graph.errors import InputFileError
from graph.load import MAX_NESTING, check_nesting, load, parse_file

GOOD = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"


def test_syntax_error_names_file_line_and_column(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(GOOD + "ex:a ex:b ex:c ex:d .\n", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        parse_file(path)
    assert (caught.value.line, caught.value.column) == (3, 16)
    assert str(caught.value).startswith(f"{path}:3:16: bad syntax")


def test_column_counts_characters_not_bytes(tmp_path):
    path = tmp_path / "accents.ttl"
    path.write_text(GOOD + 'ex:é ex:b "à" ex:d .\n', encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        parse_file(path)
    assert (caught.value.line, caught.value.column) == (3, 15)


def test_deep_nesting_is_refused_before_the_parser_overflows(tmp_path):
    path = tmp_path / "deep.ttl"
    depth = 200  # rdflib's recursive parser overflows the stack at about 150
    path.write_text(GOOD + "ex:a ex:b " + "[ ex:p " * depth + "ex:o" + " ]" * depth + " .\n", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        parse_file(path)
    assert caught.value.line == 3
    assert f"nested more than {MAX_NESTING} levels" in caught.value.message


def test_brackets_inside_strings_iris_and_comments_do_not_count():
    text = '<a> <b> "[[[(((" , """\n[[[\n""" , <http://e/[x> . # [[[[[[\n'
    check_nesting(text, "x.ttl", limit=1)


def test_nesting_up_to_the_limit_is_accepted(tmp_path):
    path = tmp_path / "ok.ttl"
    path.write_text(GOOD + "ex:a ex:b " + "[ ex:p " * MAX_NESTING + "ex:o" + " ]" * MAX_NESTING + " .\n", encoding="utf-8")
    assert len(parse_file(path)) == 2 + MAX_NESTING  # the GOOD triple, ex:b, and one ex:p per level


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.ttl", None, "no such file"),
        ("data.csv", "a,b\n", "unknown file kind '.csv'"),
        ("latin1.ttl", b"\xff\xfe\x00", "cannot read"),
    ],
)
def test_unusable_files_are_named(tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputFileError, match=message) as caught:
        parse_file(path)
    assert caught.value.path == str(path)


def test_loading_never_reaches_the_network(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("loading tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path = tmp_path / "imports.ttl"
    path.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<http://example.org/x> a owl:Ontology ; owl:imports <http://127.0.0.1:9/evil.ttl> , <https://example.org/remote.ttl> .\n",
        encoding="utf-8",
    )
    kb = load([path])
    assert len(kb.parts[str(path)]) == 3


def test_extra_files_are_merged_and_remembered(tmp_path):
    path = tmp_path / "extra.nt"
    path.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    kb = load([path])
    assert kb.files_of(next(iter(kb.parts[str(path)]))[0]) == [str(path)]
    assert "ontology/careers.ttl" in kb.parts


def test_the_fast_parser_of_the_shipped_files_reads_what_rdflib_reads():
    from graph.load import parse_shipped, shipped_files

    for path in shipped_files():
        ours, rdflibs = parse_shipped(path), parse_file(path)
        assert sorted(ours.serialize(format="nt").splitlines()) == sorted(rdflibs.serialize(format="nt").splitlines()), path.name


def test_two_streams_of_one_name_in_two_namespaces_give_two_sets_of_positions(tmp_path):
    """Position IRIs are built from local names; two users' streams both called ``stream-x`` must not merge (issue 22)."""
    from graph.derive import derive
    from graph.load import load as load_kb
    from graph.namespaces import GCDC

    extra = []
    for n, name in enumerate(("Cloud", "Nuage")):
        path = tmp_path / f"x{n}.ttl"
        path.write_text(
            f"@prefix gcdc: <https://w3id.org/gc-digital-careers/ontology#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            f'<https://example.org/dept-{n}/stream-x> a gcdc:WorkStream ; rdfs:label "{name}"@en , "{name}"@fr .\n',
            encoding="utf-8",
        )
        extra.append(path)
    g = derive(load_kb(extra).g)
    for n in range(2):
        stream = URIRef(f"https://example.org/dept-{n}/stream-x")
        positions = set(g.subjects(GCDC.inStream, stream))
        assert len(positions) == 5, positions  # one per assumed level, its own
        assert all(len(set(g.objects(p, GCDC.inStream))) == 1 for p in positions)
