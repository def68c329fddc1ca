"""The exceptions the library raises; only the CLI turns them into messages and exit codes.

Examples
--------
>>> from graph.errors import InputFileError
>>> str(InputFileError("extra.ttl", "bad syntax", line=3, column=7))
'extra.ttl:3:7: bad syntax'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

__all__ = ["CareersError", "InputFileError", "Report", "ValidationFailed"]


class CareersError(Exception):
    """Base class of every error this package raises on purpose."""


class InputFileError(CareersError):
    """An input file is missing, unreadable, malformed, too deeply nested, or of an unknown kind."""

    def __init__(self, path: str, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.path, self.message, self.line, self.column = str(path), message, line, column
        where = self.path + "".join(f":{n}" for n in (line, column) if n is not None)
        super().__init__(f"{where}: {message}")


class Report(Protocol):
    """What a validation found (`graph.validate.ValidationReport`), as the errors and the commands read it."""

    @property
    def conforms(self) -> bool:
        """Whether the graph satisfies the shapes."""
        ...

    @property
    def violations(self) -> Sequence[object]:
        """What does not."""
        ...

    def text(self, lang: str = "en") -> str:
        """The violations in words (in ``lang``'s framing: the violations themselves are the shapes' words)."""
        ...


class ValidationFailed(CareersError):
    """The graph does not satisfy the SHACL shapes; ``report`` holds the violations."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(f"{len(report.violations)} SHACL violation(s)")
