"""The Typer application object, shared by every command module (kept free of heavy imports)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="ei",
    help="ei — outils pour les entreprises d'insertion (Wallonie, Bruxelles) : public cible, quota, "
    "tension salariale, suivi social, subventions, rapports.",
    no_args_is_help=True,
    add_completion=False,
    # Tracebacks with local variables would print personal data from the workbook.
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)

# The order of ``ei --help``'s command list: that of the command table of docs/spec/cli.md (from writing the
# template to the documents, then the folder and the regimes), not the order the modules happen to register in.
COMMAND_ORDER = ("init", "validate", "check-eligibility", "check-quota", "check-wages", "check", "subsidy", "report",
                 "batch", "regimes")

# interrupted: set by cli._interrupt; lang: the command's --lang (commands._options), for cli.main's messages;
# command, json_stdout: set when a command starts (commands._options.EiCommand), for cli.main's error document;
# parsing: the click context and arguments of the command being parsed (commands._options), for a usage error
state = {"debug": False, "interrupted": False, "lang": "fr", "command": None, "json_stdout": None, "parsing": None}


def console_signals() -> tuple:
    """Ctrl-C (SIGINT) and, on Windows, Ctrl-Break (SIGBREAK, which exists only there): typed at the
    console, each reaches every process attached to it — an ``ei batch``'s worker processes too."""
    import signal

    return (signal.SIGINT, *((signal.SIGBREAK,) if hasattr(signal, "SIGBREAK") else ()))


def interruption_signals() -> tuple:
    """The signals a command ends on as on Ctrl-C (exit 130, no partial output file left behind): the
    console's (``console_signals``) and SIGTERM (a scheduler's timeout, ``kill``)."""
    import signal

    return (*console_signals(), signal.SIGTERM)
