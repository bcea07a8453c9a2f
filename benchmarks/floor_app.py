"""The floor of any Typer + rich command line: a do-nothing app with two commands.

``python benchmarks/floor_app.py --help`` is timed by ``benchmarks/run.py`` against ``ei --help``.
It is configured like ``ei`` (rich markup, no completion) so that the comparison is fair.
"""

import typer

app = typer.Typer(help="Do-nothing app: the start-up floor of Typer + rich.", add_completion=False,
                  rich_markup_mode="rich", no_args_is_help=True)


@app.command()
def first(name: str = typer.Argument("x", help="A name.")) -> None:
    """First command (does nothing)."""


@app.command()
def second(year: int = typer.Option(2025, "--year", help="A year.")) -> None:
    """Second command (does nothing)."""


if __name__ == "__main__":
    app()
