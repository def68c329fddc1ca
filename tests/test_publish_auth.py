"""`careers publish` with authentication: Digest against a real, password-protected Virtuoso; Basic and bearer tokens.

Virtuoso Open Source (Debian's ``virtuoso-opensource``, which `make test` installs) serves the Graph
Store Protocol with Digest authentication at ``/sparql-graph-crud-auth``; the test starts it with
its database in a temporary directory. Secrets come from the environment or a netrc file and must
never appear in what the command prints.
"""

from __future__ import annotations

import base64
import os
from unittest import mock

import pytest
from click.testing import CliRunner
from sparql_helpers import GuardedStore, virtuoso_server

from graph.cli import main
from graph.sparql import publish as publish_module
from graph.sparql.credentials import Credentials
from graph.sparql.publish import DEFAULT_GRAPH, PublishError, publish

pytestmark = [pytest.mark.server, pytest.mark.slow]

NO_SECRETS = {"CAREERS_PUBLISH_TOKEN": "", "CAREERS_PUBLISH_USER": "", "CAREERS_PUBLISH_PASSWORD": "", "NETRC": ""}


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as store:
        yield store


def careers_publish(endpoint: str, data: str, *args: str, home, **environ: str):
    """Run `careers publish` with only the secrets given in ``environ`` (and HOME in ``home``, for ~/.netrc)."""
    env = {**NO_SECRETS, "HOME": str(home), **environ}
    return CliRunner().invoke(main, ["publish", "--endpoint", endpoint, "--data", data, *args], env=env)


def test_digest_publish_to_virtuoso_with_the_password_from_the_environment(virtuoso, built_nt, build_result, tmp_path):
    graph = "http://example.org/graph/digest"
    result = careers_publish(
        f"{virtuoso.url}/sparql-graph-crud-auth",
        built_nt,
        "--graph",
        graph,
        home=tmp_path,
        CAREERS_PUBLISH_USER=virtuoso.user,
        CAREERS_PUBLISH_PASSWORD=virtuoso.password,
    )
    assert result.exit_code == 0, result.output
    assert f"published {build_result.triples} triples" in result.output
    assert "as user 'publisher' from CAREERS_PUBLISH_USER and CAREERS_PUBLISH_PASSWORD" in result.output
    assert virtuoso.password not in result.output
    assert virtuoso.count(graph) == build_result.triples


def test_digest_publish_with_the_password_from_netrc(virtuoso, built_nt, build_result, tmp_path):
    netrc = tmp_path / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login {virtuoso.user} password {virtuoso.password}\n")
    netrc.chmod(0o600)
    result = careers_publish(f"{virtuoso.url}/sparql-graph-crud-auth", built_nt, home=tmp_path)
    assert result.exit_code == 0, result.output
    assert f"as user 'publisher' from {netrc} (machine 127.0.0.1)" in result.output
    assert virtuoso.password not in result.output
    assert virtuoso.count(DEFAULT_GRAPH) == build_result.triples


def test_anonymous_publish_is_refused_with_a_hint(virtuoso, built_nt, tmp_path):
    result = careers_publish(f"{virtuoso.url}/sparql-graph-crud-auth", built_nt, "--graph", "http://example.org/anon", home=tmp_path)
    assert result.exit_code == 2
    assert "HTTP 401" in result.output
    assert "the store asks for Digest" in result.output
    assert "CAREERS_PUBLISH_USER and CAREERS_PUBLISH_PASSWORD" in result.output
    assert virtuoso.count("http://example.org/anon") == 0


def test_a_wrong_password_is_refused_and_never_printed(virtuoso, built_nt, tmp_path):
    wrong = "not-the-Pa55word"
    result = careers_publish(
        f"{virtuoso.url}/sparql-graph-crud-auth",
        built_nt,
        "--graph",
        "http://example.org/wrong",
        home=tmp_path,
        CAREERS_PUBLISH_USER=virtuoso.user,
        CAREERS_PUBLISH_PASSWORD=wrong,
    )
    assert result.exit_code == 2
    assert "HTTP 401" in result.output
    assert "tried user 'publisher' from CAREERS_PUBLISH_USER and CAREERS_PUBLISH_PASSWORD with --auth auto" in result.output
    assert wrong not in result.output
    assert virtuoso.count("http://example.org/wrong") == 0


def test_basic_is_not_forced_on_a_store_that_asks_for_digest(virtuoso, built_nt, tmp_path):
    result = careers_publish(
        f"{virtuoso.url}/sparql-graph-crud-auth",
        built_nt,
        "--auth",
        "basic",
        "--graph",
        "http://example.org/basic",
        home=tmp_path,
        CAREERS_PUBLISH_USER=virtuoso.user,
        CAREERS_PUBLISH_PASSWORD=virtuoso.password,
    )
    assert result.exit_code == 2
    assert "HTTP 401" in result.output
    assert virtuoso.password not in result.output
    assert virtuoso.count("http://example.org/basic") == 0


@pytest.fixture
def basic_store():
    store = GuardedStore("Basic", "Basic " + base64.b64encode(b"analyst:open-Sesame-1").decode())
    yield store
    store.close()


@pytest.fixture
def bearer_store():
    store = GuardedStore("Bearer", "Bearer tok-123-secret")
    yield store
    store.close()


def test_auto_answers_a_basic_challenge(basic_store):
    triple = b"<http://e/a> <http://e/b> <http://e/c> .\n"
    assert publish(basic_store.url, triple, credentials=Credentials("analyst", "open-Sesame-1", "test")) == 201
    (_, probe, _), (method, sent, length) = basic_store.requests[-2:]
    assert (method, length) == ("PUT", len(triple))
    assert sent == probe == "Basic YW5hbHlzdDpvcGVuLVNlc2FtZS0x"


def test_auth_basic_sends_the_credentials_without_waiting_for_a_challenge(basic_store, built_nt, tmp_path):
    result = careers_publish(
        basic_store.url,
        built_nt,
        "--auth",
        "basic",
        home=tmp_path,
        CAREERS_PUBLISH_USER="analyst",
        CAREERS_PUBLISH_PASSWORD="open-Sesame-1",
    )
    assert result.exit_code == 0, result.output
    assert [authorization is not None for _, authorization, _ in basic_store.requests] == [True, True]
    assert "open-Sesame-1" not in result.output


def test_a_bearer_token_from_the_environment(bearer_store, built_nt, build_result, tmp_path):
    result = careers_publish(bearer_store.url, built_nt, home=tmp_path, CAREERS_PUBLISH_TOKEN="tok-123-secret")
    assert result.exit_code == 0, result.output
    assert "as a bearer token from CAREERS_PUBLISH_TOKEN" in result.output
    assert "tok-123-secret" not in result.output
    method, sent, length = bearer_store.requests[-1]
    assert (method, sent, length) == ("PUT", "Bearer tok-123-secret", os.path.getsize(built_nt))


def test_a_wrong_token_is_refused(bearer_store, built_nt, tmp_path):
    result = careers_publish(bearer_store.url, built_nt, home=tmp_path, CAREERS_PUBLISH_TOKEN="tok-wrong")
    assert result.exit_code == 2
    assert "HTTP 401" in result.output and "tried a bearer token from CAREERS_PUBLISH_TOKEN" in result.output
    assert "tok-wrong" not in result.output
    assert [method for method, _, _ in bearer_store.requests] == ["POST"]  # the probe failed: the graph was never sent


@pytest.mark.parametrize(
    ("credentials", "auth"), [(Credentials("analyst", "pw", "test"), "basic"), (Credentials(None, "tok", "test"), "auto")]
)
def test_basic_and_tokens_never_cross_the_network_in_clear(credentials, auth):
    with pytest.raises(PublishError, match="in clear: use an https:// endpoint"):
        publish("http://store.example.org/store", b"", credentials=credentials, auth=auth)


def test_a_basic_challenge_from_another_machine_over_http_is_not_answered():
    challenge = mock.Mock(headers={"WWW-Authenticate": 'Basic realm="x"'})
    with mock.patch.object(publish_module, "_probe", return_value=challenge), pytest.raises(PublishError, match="in clear"):
        publish("http://store.example.org/store", b"", credentials=Credentials("analyst", "pw", "test"))


def test_user_and_password_in_the_url_are_refused():
    with pytest.raises(PublishError, match="not in the URL"):
        publish("http://dba:secret@127.0.0.1:1/store", b"")
