"""Who the records are about, kept out of sight: identifying columns and values refused, person keys stored as keyed hashes.

A personnel export often carries names, employee numbers (EMPLID, PRI), social insurance numbers (SIN, NAS in
French), dates of birth, e-mail addresses and telephone numbers. None of them is needed to count moves, so
`identifying_columns` refuses such columns by their English or French names, and `identifying_value` a person
key that looks like one of them. Whatever the key, the database keeps only `person_token`: an HMAC-SHA256 of
it under a secret key that lives outside the database and every output (`load_key`), so that the stored
records cannot be joined back to the export without that key.

Examples
--------
>>> identifying_columns(["person", "Prénom", "date_of_birth", "EMPLID", "action", "Courriel"])
['Prénom', 'date_of_birth', 'EMPLID', 'Courriel']
>>> identifying_value("Jean Tremblay"), identifying_value("046 454 286"), identifying_value("S1a2b3")
('a name', 'a social insurance number', None)
>>> person_token(b"k" * 32, "S1a2b3")
'4f8bb04c71e210a9fd14439b3e67898c'
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from pathlib import Path

from graph.errors import CareersError

__all__ = ["KEY_ENV", "default_key_path", "identifying_columns", "identifying_value", "load_key", "person_token"]

KEY_ENV = "CAREERS_PERSON_KEY"
"""The environment variable that may hold the secret key (64 hex digits); otherwise a key file is used."""

_WORDS = frozenset((
    "name", "names", "firstname", "lastname", "surname", "givenname", "fullname", "nom", "prenom", "prenoms", "nomdefamille",
    "email", "courriel", "emplid", "pri", "employeeid", "employeenumber", "employeeno", "numerodemploye", "matricule",
    "sin", "nas", "ssn", "dob", "birth", "birthdate", "dateofbirth", "datedenaissance", "naissance",
    "phone", "telephone", "mobile", "cellulaire", "address", "adresse",
))  # fmt: skip
"""Column-name words (accents and separators removed) that mark a column as identifying."""
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_SIN = re.compile(r"\d{3}[ -]?\d{3}[ -]?\d{3}")
_PRI = re.compile(r"\d{8}")
_PHONE = re.compile(r"\+?1?[ .-]?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}")
_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:,? +[A-ZÀ-Ý][a-zà-ÿ'’-]+)+")
_BIRTH = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")
_LOOKS = ((_EMAIL, "an e-mail address"), (_SIN, "a social insurance number"), (_PRI, "a personal record identifier (PRI)"),
          (_PHONE, "a telephone number"), (_BIRTH, "a date"), (_NAME, "a name"))  # fmt: skip
_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _LOOKS))


def _plain(text: str) -> str:
    """``text`` without accents, in lower case, with every run of other characters as one separator."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def identifying_columns(columns: list[str]) -> list[str]:
    """The columns whose names say they hold a name, an employee or insurance number, a birth date, an address or a contact."""
    found = []
    for column in columns:
        words = _plain(column).split()
        if "".join(words) in _WORDS or any(word in _WORDS for word in words):
            found.append(column)
    return found


def identifying_value(value: str) -> str | None:
    """What a person key looks like if it looks identifying (``"an e-mail address"`` ...), else None."""
    value = value.strip()
    if not _ANY.fullmatch(value):  # one pass for the usual, harmless key
        return None
    return next(what for pattern, what in _LOOKS if pattern.fullmatch(value))


def person_token(key: bytes, person: str) -> str:
    """The keyed hash kept in place of ``person``: HMAC-SHA256 under ``key``, 128 bits in hex."""
    return hmac.new(key, person.strip().encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def default_key_path() -> Path:
    """Where the secret key is kept by default: the user's configuration folder, never the project or its outputs."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "gc-digital-careers" / "person-key"


def load_key(path: Path | None = None) -> bytes:
    """The secret key: from `KEY_ENV`, else from ``path`` (default `default_key_path`), created there (mode 600) the first time."""
    given = os.environ.get(KEY_ENV)
    if given:
        return _key(given, KEY_ENV)
    path = path or default_key_path()
    if path.is_file():
        try:
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise CareersError(f"{path}: cannot read the person key ({exc})") from None
        return _key(text, str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key


def _key(text: str, where: str) -> bytes:
    """A key written in hexadecimal (as `load_key` writes one); a clear error naming ``where`` otherwise (never the key)."""
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < 16:
        raise CareersError(f"{where}: the person key must be at least 16 bytes written in hexadecimal (as `careers observe` writes one)")
    return key
