"""Entry point: registers the command modules and turns expected failures into exit codes.

Commands live in ``ei_cli/commands/`` and stay thin: parse options → read → rules → render → exit.
Nothing here imports pandas, openpyxl or jinja2 (``ei --help`` must stay fast).
"""

from __future__ import annotations

import sys

import typer

from ei_cli import __version__
from ei_cli.app import app, state
from ei_cli.errors import EiError, ExitCode

# Registration of every command (each module only imports light things at top level).
from ei_cli.commands import (  # noqa: F401,E402
    batch,
    checks,
    eligibility,
    init,
    quota,
    regimes,
    report,
    subsidy,
    validate,
    wages,
)


def _version(value: bool):
    if value:
        typer.echo(f"ei {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Affiche la trace complète des erreurs internes."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Version."),
):
    """ei — entreprises d'insertion : contrôles, subventions et rapports à partir de vos classeurs."""
    state["debug"] = debug


def main(argv: list[str] | None = None) -> None:
    """Console script: run the app, map failures to the contract's exit codes, never a traceback."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        # Without standalone mode an explicit typer.Exit comes back as the return value.
        code = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:  # normal end with a code chosen by the command
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrompu.\n")
        sys.exit(ExitCode.INTERRUPTED)
    except EiError as exc:
        from ei_cli.output import report_error

        report_error(exc)
        sys.exit(ExitCode.BAD_INPUT)
    except Exception as exc:  # click usage errors and real bugs
        try:
            import click
        except ImportError:  # recent Typer vendors click instead of depending on it
            from typer import _click as click

        if isinstance(exc, click.exceptions.Abort):
            sys.stderr.write("\nInterrompu.\n")
            sys.exit(ExitCode.INTERRUPTED)
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(ExitCode.BAD_INPUT)
        if debug:
            raise
        sys.stderr.write(
            f"Erreur interne ({type(exc).__name__}). Relancez avec --debug pour la trace complète "
            "et signalez-la.\n"
        )
        sys.exit(ExitCode.BAD_INPUT)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)
