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

# interrupted: set by cli._interrupt; lang: the command's --lang (commands._options), for cli.main's messages;
# command, json_stdout: set when a command starts (commands._options.EiCommand), for cli.main's error document
state = {"debug": False, "interrupted": False, "lang": "fr", "command": None, "json_stdout": None}
