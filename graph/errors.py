"""The exceptions the library raises; only the CLI turns them into messages and exit codes.

Examples
--------
>>> from graph.errors import InputFileError
>>> str(InputFileError("extra.ttl", "bad syntax", line=3, column=7))
'extra.ttl:3:7: bad syntax'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.validate import ValidationReport

__all__ = ["CareersError", "InputFileError", "ValidationFailed"]


class CareersError(Exception):
    """Base class of every error this package raises on purpose."""


class InputFileError(CareersError):
    """An input file is missing, unreadable, malformed, too deeply nested, or of an unknown kind."""

    def __init__(self, path: str, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.path, self.message, self.line, self.column = str(path), message, line, column
        where = self.path + "".join(f":{n}" for n in (line, column) if n is not None)
        super().__init__(f"{where}: {message}")


class ValidationFailed(CareersError):
    """The graph does not satisfy the SHACL shapes; ``report`` holds the violations."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        super().__init__(f"{len(report.violations)} SHACL violation(s)")
