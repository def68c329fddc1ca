"""What every command shares: exit codes, the file argument type, and the mapping of the library's errors to messages.

Examples
--------
>>> run(lambda: 42)
42
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from graph.errors import CareersError, InputFileError, ValidationFailed
from graph.i18n import text

__all__ = ["EXIT_BAD_INPUT", "EXIT_VIOLATIONS", "EXTRA", "LANG_OPTION", "described", "fail", "output_language", "run"]

T = TypeVar("T")
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2

EXTRA = click.Path(dir_okay=False, path_type=Path)


LANG_OPTION = click.option(
    "--lang", type=click.Choice(["en", "fr"]), default=None, help="Language of the output [default: French if LANG is fr_*, else English]."
)
"""``--lang en|fr`` for a command whose output is in both languages."""


def output_language(chosen: str | None) -> str:
    """``chosen``, else French when the ``LANG`` environment says so (``fr_CA.UTF-8``), else English.

    >>> output_language("fr"), output_language("en")
    ('fr', 'en')
    """
    if chosen:
        return chosen
    return "fr" if os.environ.get("LANG", "").lower().startswith("fr") else "en"


def described(origin: str, lang: str) -> str:
    """Where the graph came from (`graph.build.built_graph`'s origin), in ``lang``: its files, or the shipped data built in memory."""
    return text(lang, "origin_in_memory") if lang == "fr" and "memory" in origin else origin


def fail(message: str, code: int, lang: str = "en") -> NoReturn:
    """Print ``error: message`` (``erreur : `` in French) to stderr and exit with ``code``."""
    click.echo(f"{'erreur : ' if lang == 'fr' else 'error: '}{message}", err=True)
    sys.exit(code)


def run(action: Callable[[], T], *, writes: bool = False, lang: str = "en") -> T:
    """Call ``action()`` and map the library's exceptions to messages and exit codes.

    In French (``lang="fr"``) the library's own message, which names the file, line and value in English, is quoted « ».
    """
    french = lang == "fr"
    unchanged = ("\u00a0; rien n'a été écrit" if french else "; nothing was written") if writes else ""

    def said(exc: Exception) -> str:
        return f"« {exc} »" if french else str(exc)

    try:
        return action()
    except ValidationFailed as exc:
        click.echo(exc.report.text(), err=True)
        fail(
            ("les données ne satisfont pas aux formes (SHACL)" if french else "the data does not satisfy the shapes") + unchanged,
            EXIT_VIOLATIONS,
            lang,
        )
    except InputFileError as exc:
        fail(f"{said(exc)}{unchanged}", EXIT_BAD_INPUT, lang)
    except CareersError as exc:
        fail(said(exc), EXIT_BAD_INPUT, lang)
