"""The kit's one error hierarchy and its exit codes.

Every error a person can cause (bad data, a bad template, a missing file) derives from
:class:`UserError`; the CLI boundary prints its message as a single line and exits 2. Anything
else is a bug and is reported as one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, shared by every command (the policy-as-code convention)."""

    OK = 0
    FINDINGS = 1
    USAGE_OR_INPUT = 2
    INTERRUPTED = 130


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can.

    Rendered as ``file:line:column: path: message`` so editors and CI logs can jump to it.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.path:
            return f"{where}: {self.path}: {self.message}"
        if self.line is not None:
            return f"{where}: (top level): {self.message}"
        return f"{where}: {self.message}"


class IsaKitError(Exception):
    """Base of every error the kit raises on purpose."""

    exit_code: int = ExitCode.USAGE_OR_INPUT


class UserError(IsaKitError):
    """A mistake in what the user gave us: printed without a traceback, exit code 2."""


class DataError(UserError):
    """Agreement data that cannot be loaded or validated; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class TemplateError(UserError):
    """A document template that cannot be rendered (or linted clean)."""


class OutputError(UserError):
    """Refusal to write an output, e.g. over a document recorded as signed."""


class DependencyError(UserError):
    """An optional external tool (such as LibreOffice) is not available."""
