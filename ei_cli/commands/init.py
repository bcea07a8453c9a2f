"""``ei init [DIR]``: write the blank input workbook (or, with ``--sample``, a filled example)."""

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from ei_cli.app import app
from ei_cli.errors import ExitCode

TEMPLATE_NAME = "ei-modele.xlsx"


@app.command("init")
def init(
    directory: Annotated[Path, typer.Argument(metavar="DOSSIER", help="Dossier où écrire le modèle (créé au besoin).",
                                            readable=False)] = Path("."),
    sample: Annotated[bool, typer.Option("--sample", help="Remplir avec des données fictives réalistes.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Remplacer le fichier s'il existe déjà.")] = False,
):
    """Écrit le classeur modèle ei-modele.xlsx : feuilles, en-têtes, listes déroulantes, Lisez-moi.

    Exemples : ei init (dans le dossier courant) ; ei init --sample exemple/ (un classeur rempli de données fictives)
    """
    from ei_cli.output import output_folder, shell_quote, write_with
    from ei_cli.problems import display_path
    from ei_cli.workbook.template import write_template

    from ei_cli.workbook.sniff import SUPPORTED_SUFFIXES

    path = directory / TEMPLATE_NAME
    if directory.exists() and not directory.is_dir():
        _fail(f"{directory} existe et n'est pas un dossier.")
    if not directory.exists() and directory.suffix.lower() in SUPPORTED_SUFFIXES:
        # « ei init clients.xlsx » would otherwise make a folder clients.xlsx/ holding ei-modele.xlsx.
        _fail(f"{directory} est un nom de classeur : ei init attend le dossier où écrire {TEMPLATE_NAME} "
              f"(par exemple : ei init {shell_quote(directory.parent)}).")
    if path.exists() and not force:
        _fail(f"{path} existe déjà ; ajoutez --force pour le remplacer.")
    data = {}
    if sample:
        from ei_cli.workbook.sample import build_walloon_sample

        data = build_walloon_sample()
    with output_folder(directory):  # folders it makes are removed again if the write is refused
        write_with(path, partial(write_template, **data))
    # The confirmation goes to stderr, as ``ei report``'s: the template is the command's output, and once it is
    # written a stdout that cannot take a line (``> /dev/full``) must not make the exit code say « nothing
    # written » (2) — nor leave a retry refused with « existe déjà ».
    kind = "avec des données fictives" if sample else "vierge"
    typer.echo(f"Modèle {kind} écrit : {display_path(path)}", err=True)
    if sample:
        typer.echo(f"Essayez : ei check {shell_quote(path)}", err=True)
    else:
        typer.echo(f"Remplissez-le puis : ei validate {shell_quote(path)}", err=True)


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(ExitCode.BAD_INPUT)
