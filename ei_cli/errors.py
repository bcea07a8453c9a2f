"""Exit codes of the contract and the one exception type that carries an expected failure."""

from __future__ import annotations

from enum import IntEnum

from ei_cli.i18n import Text


class ExitCode(IntEnum):
    OK = 0
    NOT_COMPLIANT = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class EiError(Exception):
    """An expected failure the user can fix (bad option, unreadable file, unknown regime).

    The CLI turns it into a French (or English) message and exit code 2, never a traceback.
    """

    def __init__(self, message: Text, problems: tuple = ()):
        super().__init__(message.fr)
        self.message = message
        self.problems = tuple(problems)

    def __reduce__(self):
        # Rebuilt from its own arguments when it crosses from an ``ei batch`` worker to the main
        # process (the default would call ``EiError(message.fr)``, a str, and fail there).
        return (type(self), (self.message, self.problems))
