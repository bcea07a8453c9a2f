"""`ei validate FILE…`: read each workbook and report every problem; nothing else."""

from pathlib import Path
from typing import Annotated

import typer

from ei_cli.app import app
from ei_cli.commands._options import Format, FormatOpt, Lang, LangOpt, OutputOpt
from ei_cli.output import RunOptions, base_document, emit, exit_code

FilesArg = Annotated[list[Path], typer.Argument(metavar="FICHIER...",
                                                help="Un ou plusieurs classeurs à vérifier (.xlsx, .xlsm, .ods).",
                                                show_default=False, readable=False)]


@app.command("validate")
def validate(files: FilesArg, format: FormatOpt = Format.TABLE, output: OutputOpt = None,
             lang: LangOpt = Lang.FR) -> None:
    """Vérifie un ou plusieurs classeurs et signale tous les problèmes (fichier, feuille, cellule).

    Exemple : ei validate classeur.xlsx autre.xlsx
    """
    from ei_cli.workbook.report import validation_entry, validation_line

    opts = RunOptions(format=str(format), output=output, lang=str(lang))
    entries = [validation_entry(f) for f in files]
    problems = [p for e in entries for p in e["problems"]]
    doc = base_document("validate", problems=problems, files=entries)
    if len(entries) == 1:  # one workbook: the common ``enterprise`` field is its enterprise (null if not read)
        doc["enterprise"] = entries[0]["enterprise"]

    def table(con, o: RunOptions) -> None:
        for entry in entries:
            con.print(validation_line(entry, o.lang), highlight=False, markup=False)

    def csv_rows(o: RunOptions):
        header = ["file", "severity", "code", "sheet", "cell", "message"]
        return header, [[p.file, str(p.severity), p.code, p.sheet, p.cell, p.message.get(o.lang)] for p in problems]

    emit(doc, opts, table=table, csv_rows=csv_rows, every_problem=True)  # the command that lists them all
    raise typer.Exit(exit_code(None, problems=problems))
