"""What every command shares: exit codes, the file argument type, and the mapping of the library's errors to messages.

Examples
--------
>>> run(lambda: 42)
42
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.errors import CareersError, InputFileError, ValidationFailed

__all__ = ["EXIT_BAD_INPUT", "EXIT_VIOLATIONS", "EXTRA", "fail", "run"]

EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2

EXTRA = click.Path(dir_okay=False, path_type=Path)


def fail(message: str, code: int) -> None:
    """Print ``error: message`` to stderr and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def run(action, *, writes: bool = False):
    """Call ``action()`` and map the library's exceptions to messages and exit codes."""
    unchanged = "; nothing was written" if writes else ""
    try:
        return action()
    except ValidationFailed as exc:
        click.echo(exc.report.text(), err=True)
        fail(f"the data does not satisfy the shapes{unchanged}", EXIT_VIOLATIONS)
    except InputFileError as exc:
        fail(f"{exc}{unchanged}", EXIT_BAD_INPUT)
    except CareersError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
