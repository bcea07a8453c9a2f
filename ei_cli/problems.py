"""Problems the user can cause: values, collected and shown together (never exceptions)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ei_cli.i18n import Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One located problem.

    ``message`` must never contain the value of an identity or social-situation cell: name the
    cell and the worker id only.
    """

    code: str
    severity: Severity
    message: Text
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    column: str | None = None  # a whole column or field (missing one): its name, the cell being null

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def to_dict(self, lang: str = "fr") -> dict:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "column": self.column,
            "message": self.message.get(lang),
        }

    def location(self) -> str:
        parts = [p for p in (self.file, self.sheet, self.cell or self.column) if p]
        return " › ".join(parts)


def error(code: str, message: Text, file=None, sheet=None, cell=None) -> Problem:
    return Problem(code, Severity.ERROR, message, file, sheet, cell)


def warning(code: str, message: Text, file=None, sheet=None, cell=None) -> Problem:
    return Problem(code, Severity.WARNING, message, file, sheet, cell)


def has_errors(problems) -> bool:
    return any(p.is_error for p in problems)
