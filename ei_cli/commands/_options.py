"""Options shared by the commands, declared once (Typer ``Annotated`` aliases)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class Lang(StrEnum):
    FR = "fr"
    EN = "en"


FileArg = Annotated[Path, typer.Argument(help="Classeur de l'entreprise (.xlsx, .xlsm, .ods).", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, json ou csv.")]
OutputOpt = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Écrire dans ce fichier (format selon l'extension), de façon atomique."),
]


def _remember_lang(value: Lang) -> Lang:
    """Keep the chosen language for what ``cli.main`` prints itself when a command stops (its error,
    « Erreur du système », « Interrompu. »), after the command's own options are gone."""
    from ei_cli.app import state

    state["lang"] = str(value)
    return value


LangOpt = Annotated[Lang, typer.Option("--lang", help="Langue de sortie : fr ou en.", callback=_remember_lang)]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="Montrer les raisons et les références légales.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Un contrôle indéterminé compte comme non conforme.")]
NamesOpt = Annotated[bool, typer.Option("--names", help="Afficher les noms (données personnelles).")]
YearOpt = Annotated[Optional[int], typer.Option("--year", "-y", help="Année civile évaluée.", min=1990, max=2100)]
RegimeOpt = Annotated[Optional[str], typer.Option("--regime", help="Forcer un régime (voir « ei regimes »).")]
