"""Problems the user can cause: values, collected and shown together (never exceptions)."""

from __future__ import annotations

import re
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

    @property
    def placed(self) -> bool:
        """Located at a cell or a column of the workbook: a problem of the reader, which ``ei validate`` lists."""
        return bool(self.cell or self.column)

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


# Control and formatting characters (bidi overrides, zero-width, escapes): a quoted value or a file name must
# not reorder or hide the rest of the message, nor drive the terminal.
INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def without_controls(text: str) -> str:
    """``text`` with its control and formatting characters replaced by « \ufffd » (safe in a message)."""
    return INVISIBLE.sub("\ufffd", text)


def display_path(path) -> str:
    """A path as text for the user and the documents (``Problem.file``, messages, JSON): always valid
    Unicode. A file name that is not UTF-8 (``Fran\\xe7ois.xlsx``, unzipped from an old Windows archive)
    reaches Python as lone surrogates (PEP 383), which no UTF-8 output can hold: « Erreur interne
    (UnicodeEncodeError) » writing a JSON, or an invalid byte in the JSON on stdout. Each such byte
    becomes U+FFFD, once, here; the file itself is still opened by its real name. So does a control character
    of the name (``without_controls``: an escape sequence in a file name turned the terminal red)."""
    import os

    text = os.fspath(path)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    else:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = os.fsencode(text).decode("utf-8", "replace")
    return without_controls(text)


# Places ``compact_locations`` names before « … » (the terminal's summary line, the documents' warnings).
CELLS_NAMED = 10


def compact_locations(problems, *, with_file: bool, lang: str = "fr", more=None) -> str:
    """Where ``problems`` are, in few words: « Personnel › B5, B9, B12 ; Paie › D3 » — each file (``with_file``)
    and sheet once, as ``Problem.location`` writes them, then their cells (or columns) in the order met; past
    ``CELLS_NAMED`` places, « , … », or ``more(n)`` for the ``n`` places left (« … et 12 autres »). A problem with
    neither cell nor column adds nothing. Never a cell's value."""
    placed = [p for p in problems if p.placed]
    groups: dict[tuple, list[str]] = {}
    for p in placed[:CELLS_NAMED]:
        groups.setdefault((p.file if with_file else None, p.sheet), []).append(p.cell or p.column)
    text = ("; " if lang == "en" else " ; ").join(
        " › ".join([*(part for part in key if part), ", ".join(places)]) for key, places in groups.items())
    left = len(placed) - CELLS_NAMED
    if left > 0:
        text += more(left) if more is not None else ", …"
    return text


def error(code: str, message: Text, file=None, sheet=None, cell=None) -> Problem:
    return Problem(code, Severity.ERROR, message, file, sheet, cell)


def warning(code: str, message: Text, file=None, sheet=None, cell=None) -> Problem:
    return Problem(code, Severity.WARNING, message, file, sheet, cell)


def merged(*groups) -> list:
    """The problems of ``groups`` in order, each told once (a quota's years, the checks and the quota a document
    shows, a batch's checks and its subsidy year give some of the same Paie warnings)."""
    out: list = []
    seen: set = set()
    for group in groups:
        for p in group:
            if p not in seen:
                out.append(p)
                seen.add(p)
    return out


def has_errors(problems) -> bool:
    return any(p.is_error for p in problems)
