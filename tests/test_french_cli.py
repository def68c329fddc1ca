"""Every command in French, read as a French-speaking user would (issue 20): with ``--lang fr`` (or a French ``LANG``),
what ``careers`` prints, its answers and its messages, has no English word outside what is quoted « » (the sources' and
the libraries' own words, which exist only in English), identifiers and proper names. The control: the same command in
English is full of English words, so the check reads what is printed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from french_helpers import english_words

from graph.cli import main

KEY = "ab" * 32
"""A person key for `careers observe` (hexadecimal, as it asks)."""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def observed(tmp_path_factory, built_nt):
    """A SYNTHETIC population's actions, read by `careers observe` (in French), and its DuckDB file."""
    folder = tmp_path_factory.mktemp("observed")
    wrote = invoke("synth", "--people", "400", "--years", "4", "--output", str(folder / "moves.csv"), "--lang", "fr", "--data", built_nt)
    assert wrote.exit_code == 0, wrote.output
    with pytest.MonkeyPatch.context() as patch:  # the DuckDB file `careers project --observed` reads
        patch.setenv("CAREERS_PERSON_KEY", KEY)
        read = invoke("observe", str(folder / "moves.csv"), "--db", str(folder / "observed.duckdb"), "--data", built_nt)
    assert read.exit_code == 0, read.output
    return folder, wrote.output


def commands(built_nt: str, folder) -> dict[str, tuple[str, ...]]:
    """Each command, as a French-speaking user runs it: its answers, and its refusals."""
    db = str(folder / "observed.duckdb")
    return {
        "show": ("show", "IT-03 chef d'équipe, Sécurité", "--data", built_nt),
        "path": ("path", "étudiant", "EX-01", "-k", "2", "--data", built_nt),
        "gap": ("gap", "IT-02 analyste, Sécurité", "IT-04 gestionnaire, Sécurité", "--data", built_nt),
        "ladders": ("ladders", "--data", built_nt),
        "mobility": ("mobility", "--top", "3", "--data", built_nt),
        "query list": ("query", "--list"),
        "query refused": ("query", "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", "--data", built_nt),
        "query missing": ("query",),
        "observe": ("observe", str(folder / "moves.csv"), "--db", db, "--audit", "--data", built_nt),
        "observe missing": ("observe",),
        "project": ("project", "--observed", db, "--years", "3", "--sims", "200", "--backtest", "--horizon", "1", "--data", built_nt),
        "project csv": ("project", "--years", "2", "--sims", "100", "--format", "csv", "--data", built_nt),
        "validate": ("validate",),
        "reach": ("reach", "IT-02 analyste, Sécurité", "--level", "IT-02", "--top", "2", "--data", built_nt),
        "reach bad level": ("reach", "IT-02 analyste, Sécurité", "--level", "XX-09", "--data", built_nt),
        "path html": ("path", "étudiant", "EX-01", "-k", "1", "--html", str(folder / "chemin.html"), "--data", built_nt),
    }


@pytest.mark.parametrize(
    "name",
    ["show", "path", "gap", "ladders", "mobility", "query list", "query refused", "query missing", "observe", "observe missing",
     "project", "project csv", "validate", "reach", "reach bad level", "path html"],
)  # fmt: skip
def test_every_command_answers_in_french(built_nt, observed, monkeypatch, name):
    folder, _ = observed
    monkeypatch.setenv("CAREERS_PERSON_KEY", KEY)
    monkeypatch.chdir(folder)
    args = commands(built_nt, folder)[name]
    french = invoke(*args, "--lang", "fr")
    assert french.output.strip(), name
    shown = french.output
    if name == "query list":  # each line: a named query's name (an identifier: `careers query NAME`), then its question
        shown = "\n".join(line.split(maxsplit=1)[1] for line in shown.splitlines())
    assert english_words(shown) == [], shown[:2000]
    english = invoke(*args, "--lang", "en")
    assert english.exit_code == french.exit_code
    assert english_words(english.output), english.output[:500]  # the control: the English answer is English


def test_synth_and_build_say_what_they_did_in_french(built_nt, observed, tmp_path, monkeypatch):
    _, wrote = observed
    assert wrote.startswith("écrit ") and "mouvements synthétiques" in wrote and english_words(wrote) == []
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")  # the language of the environment, without --lang
    monkeypatch.chdir(tmp_path)  # no observed.duckdb here
    built = invoke("build", "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    assert "validé\u00a0: conforme à ontology/shapes.ttl" in built.output and english_words(built.output) == []


def test_serve_and_publish_say_so_in_french(built_nt):
    """The endpoint's and the publisher's own messages in French (refusals: nothing is served or sent)."""
    from sparql_helpers import refusing_port

    refused = invoke("serve", "--workers", "2", "--slow-slots", "2", "--data", built_nt, "--lang", "fr")
    assert refused.exit_code == 2 and "doit être inférieur à" in refused.output and english_words(refused.output) == []
    with refusing_port() as port:
        failed = invoke("publish", "--endpoint", f"http://127.0.0.1:{port}/store", "--auth", "none", "--data", built_nt, "--lang", "fr")
    assert failed.exit_code == 2 and failed.output.startswith("erreur : « ") and english_words(failed.output) == [], failed.output
