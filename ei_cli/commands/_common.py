"""The steps every checking command shares: read the workbook, stop cleanly on bad input, finish."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ei_cli.errors import ExitCode
from ei_cli.output import RunOptions, base_document, exit_code, print_problems, write_json

if TYPE_CHECKING:
    from ei_cli.problems import Problem


def load_enterprise(path: Path, opts: RunOptions, command: str):
    """Read one workbook; on any error print every problem (and the JSON document) and exit 2.

    Returns ``(enterprise, problems)`` where problems are the warnings to carry into the output.
    """
    from ei_cli.problems import has_errors
    from ei_cli.workbook import read_workbook

    result = read_workbook(Path(path))
    if has_errors(result.problems) or result.enterprise is None:
        stop_on_problems(command, list(result.problems), opts)
    return result.enterprise, list(result.problems)


def stop_on_problems(command: str, problems: list[Problem], opts: RunOptions):
    """Bad input: nothing is written; JSON users still get one document on stdout."""
    if opts.effective_format == "json" and opts.output is None:
        write_json(base_document(command, problems=problems), opts.lang)
    print_problems(problems, opts.lang)
    raise typer.Exit(ExitCode.BAD_INPUT)


def finish(compliant: bool | None, opts: RunOptions, problems=(), applicable: bool = True) -> None:
    """Exit with the contract's code; « non applicable » (``applicable`` False) is no unknown: ``--strict``
    does not fail on it."""
    raise typer.Exit(exit_code(compliant, opts.strict and applicable, problems))
