"""Where ``careers publish`` finds the secrets a triple store asks for: the environment or ``~/.netrc``, never the command line.

In order: a bearer token in ``CAREERS_PUBLISH_TOKEN``; a user name and password in
``CAREERS_PUBLISH_USER`` and ``CAREERS_PUBLISH_PASSWORD``; the ``machine`` entry of ``~/.netrc``
(or the file ``NETRC`` names) for the store's host. A `Credentials` never shows its secret: its
``repr`` and ``str`` name the user and where the secret came from.

Examples
--------
>>> found = find_credentials("http://store.example/data", {"CAREERS_PUBLISH_USER": "dba", "CAREERS_PUBLISH_PASSWORD": "s3cret"})
>>> found
Credentials(user='dba', source='CAREERS_PUBLISH_USER and CAREERS_PUBLISH_PASSWORD')
>>> "s3cret" in str(found)
False
"""

from __future__ import annotations

import netrc
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from graph.errors import CareersError

__all__ = ["PASSWORD_VARIABLE", "TOKEN_VARIABLE", "USER_VARIABLE", "Credentials", "find_credentials"]

TOKEN_VARIABLE = "CAREERS_PUBLISH_TOKEN"
USER_VARIABLE = "CAREERS_PUBLISH_USER"
PASSWORD_VARIABLE = "CAREERS_PUBLISH_PASSWORD"


@dataclass(frozen=True)
class Credentials:
    """A user and password, or a bearer token (``user`` is None), and where they were found."""

    user: str | None
    secret: str = field(repr=False)
    source: str

    @property
    def is_token(self) -> bool:
        """A bearer token rather than a user and password."""
        return self.user is None

    def __str__(self) -> str:
        return f"a bearer token from {self.source}" if self.is_token else f"user {self.user!r} from {self.source}"


def find_credentials(endpoint: str, environ: Mapping[str, str] | None = None) -> Credentials | None:
    """The credentials for ``endpoint`` from ``environ`` (default: the process's environment) or the netrc file, or None.

    Raises `CareersError` when only half of a user and password is set, or the netrc file cannot be read.
    """
    env: Mapping[str, str] = os.environ if environ is None else environ
    if env.get(TOKEN_VARIABLE):
        return Credentials(None, env[TOKEN_VARIABLE], TOKEN_VARIABLE)
    user, password = env.get(USER_VARIABLE), env.get(PASSWORD_VARIABLE)
    if user or password:
        if not (user and password):
            raise CareersError(f"set both {USER_VARIABLE} and {PASSWORD_VARIABLE}, or neither")
        return Credentials(user, password, f"{USER_VARIABLE} and {PASSWORD_VARIABLE}")
    return _from_netrc(urlsplit(endpoint).hostname or "", env)


def _from_netrc(host: str, environ: Mapping[str, str]) -> Credentials | None:
    path = Path(environ["NETRC"]) if environ.get("NETRC") else Path(environ.get("HOME") or Path.home()) / ".netrc"
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        raise CareersError(f"{path}: cannot read it: {getattr(exc, 'msg', exc)}") from None
    if entry is None or not entry[2]:
        return None
    return Credentials(entry[0] or "", entry[2], f"{path} (machine {host})")
