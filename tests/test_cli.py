"""The `careers` command line: help on every command, exit codes, readable errors, documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"
COMMANDS = sorted(main.commands)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"careers {command}" in README.read_text(encoding="utf-8")


def test_validate_passes_on_the_shipped_data(runner):
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output
    assert "655 progressions (with the moves a build writes)" in result.stderr  # what careers build checks, not 21


def test_validate_fails_with_a_readable_report(runner, tmp_path):
    extra = tmp_path / "bad.ttl"
    extra.write_text(
        "@prefix gcdc: <https://w3id.org/gc-digital-careers/ontology#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://w3id.org/gc-digital-careers/id/stream-x> a gcdc:WorkStream ; rdfs:label "X"@en .\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", str(extra)])
    assert result.exit_code == 1
    assert f"{extra}: gcd:stream-x gcdc:community: a work stream belongs to exactly one career community" in result.output


def test_malformed_extra_exits_2_with_file_line_and_column(runner, tmp_path):
    extra = tmp_path / "bad.ttl"
    extra.write_text("<http://e/a> <http://e/b>\n  <http://e/c> <http://e/d> .\n", encoding="utf-8")
    result = runner.invoke(main, ["build", "--extra", str(extra), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"error: {extra}:2:" in result.output
    assert "nothing was written" in result.output
    assert not (tmp_path / "out").exists()


def test_build_prints_a_summary(runner, tmp_path, build_result, monkeypatch):
    import graph.build

    asked = []
    monkeypatch.setattr(graph.build, "build", lambda extra, out_dir, observed: asked.append((extra, out_dir, observed)) or build_result)
    monkeypatch.chdir(tmp_path)  # no observed.duckdb here: the build includes none
    result = runner.invoke(main, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert asked == [((), tmp_path, None)]
    assert result.output.splitlines() == [
        f"built {build_result.triples} triples: 13 WorkStream, 15 Level, 9 Role, 72 Position, 100 Responsibility, 10 Expertise, "
        "11 FunctionalArea, 394 Skill, 31 JobTemplate, 220 SkillLink, 7 StaffingRule, 24 PayRange, 655 Progression, 6 Program, 5 EntryRoute",
        "validated: conforms to ontology/shapes.ttl",
        f"wrote 68 files to {build_result.out_dir}: html/, knowledge-graph.jsonld, knowledge-graph.nt, knowledge-graph.ttl, reports/, void.ttl",
    ]
