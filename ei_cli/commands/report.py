"""``ei report annual|agrement``: documents from Jinja templates (html, md, docx, pdf).

Thin: parse → read → ``ei_cli.documents`` (context from the rules, then the template) → exit code.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ei_cli.app import app
from ei_cli.commands._options import (STDOUT_DASH, TEMPLATES_PARAM, YEAR_MAX, YEAR_MIN, DocumentNamesOpt, FileArg,
                                      RegimeOpt, YearOpt)
from ei_cli.errors import ExitCode
from ei_cli.output import RunOptions

report_app = typer.Typer(
    name="report",
    help="Documents, rédigés en français uniquement (pas de --lang) : rapport d'activité annuel et demande "
         "d'agrément (html, md, docx, pdf).",
    no_args_is_help=False,
    invoke_without_command=True,
)
app.add_typer(report_app, name="report")


def _document_file(value: Path | None) -> Path | None:
    """``-o -``, standard output for the other commands, is refused here: a document is a file whose suffix
    gives its format, and .docx and .pdf are binary (it was « Format de document inconnu »)."""
    if value is not None and str(value) == STDOUT_DASH:
        raise typer.BadParameter("« - » (la sortie standard) n'est pas possible pour un document : donnez le nom du "
                                 "fichier à écrire, son extension choisit le format (.html, .md, .docx ou .pdf).")
    return value


DocOutputOpt = Annotated[Path, typer.Option(
    "--output", "-o", help="Fichier à écrire ; le format suit l'extension : .html, .md, .docx ou .pdf.",
    show_default=False, readable=False, callback=_document_file)]
RequiredYearOpt = Annotated[int, typer.Option("--year", "-y", help="Année civile du rapport.", min=YEAR_MIN, max=YEAR_MAX,
                                              show_default=False)]
TemplatesOpt = Annotated[Optional[Path], typer.Option(
    "--templates", help="Dossier de vos propres modèles, aux noms de fichiers listés par ei report --list-templates.",
    readable=False)]


@report_app.callback()
def report_root(
    ctx: typer.Context,
    list_templates: Annotated[bool, typer.Option("--list-templates", help="Lister les modèles (nom, formats, chemin).")] = False,
    templates: TemplatesOpt = None,
) -> None:
    """Documents à partir des modèles Jinja du dossier templates/ (ou de --templates DIR), rédigés en
    français uniquement (pas de --lang)."""
    if list_templates:
        from ei_cli.documents import list_templates as listing

        for entry in listing(templates):
            typer.echo(f"{entry['name']:<9} {', '.join(entry['formats']):<10} {entry['path']}")
        raise typer.Exit(ExitCode.OK)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(ExitCode.BAD_INPUT)
    ctx.obj = {TEMPLATES_PARAM: templates}  # the sub-commands' default (``_options.EiCommand.invoke``)


def _produce(kind: str, file: Path, year: int, output: Path, templates: Path | None, names: bool,
             regime_id: str | None) -> None:
    from ei_cli import documents
    from ei_cli.commands._common import finish, load_enterprise
    from ei_cli.output import print_problems
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    documents.preflight(output, templates)  # bad suffix, templates folder, no WeasyPrint: stop before reading
    opts = RunOptions(format="table", output=output, names=names)
    enterprise, problems = load_enterprise(file, opts, f"report-{kind}")
    regime, regime_warnings = select_regime(enterprise, Period.calendar_year(year), regime_id)
    if kind == "agrement":
        # An application shows the conditions as the workbook holds them, whatever the agrément date: the
        # warning that « no obligation applies » before the agrément does not fit it.
        regime_warnings = [w for w in regime_warnings if w.code != "period_before_agrement"]
    # The rules' warnings (a worker's months without a Paie row) join the reader's and the regime's, each once:
    # in the document's « Avertissements » and on stderr, as `ei check` gives them.
    context, problems = documents.document_context(kind, enterprise, regime, year, names=names,
                                                   problems=problems + list(regime_warnings))
    documents.render_document(kind, context, output, templates)
    print_problems(problems)
    from ei_cli.problems import display_path

    typer.echo(f"{documents.TITLES[kind]} : {display_path(output)}", err=True)
    # Written whatever its verdicts; the exit code says them, as every checking command's does.
    finish(documents.document_compliant(context), opts, problems)


@report_app.command("annual")
def annual(file: FileArg, output: DocOutputOpt, year: RequiredYearOpt,
           templates: TemplatesOpt = None, names: DocumentNamesOpt = False, regime: RegimeOpt = None) -> None:
    """Rapport d'activité annuel, en français (l'échéance de remise, selon le régime, figure dans le document).

    Le document est écrit dans tous les cas ; code de sortie 1 si un contrôle qu'il rapporte (ou la condition
    des subventions) n'est pas conforme — un contrôle indéterminé ne compte pas.

    Exemple : ei report annual classeur.xlsx --year 2025 -o rapport-2025.docx (ou .html, .md, .pdf)
    """
    _produce("annual", file, year, output, templates, names, regime)


@report_app.command("agrement")
def agrement(file: FileArg, output: DocOutputOpt, year: YearOpt = None,
             templates: TemplatesOpt = None, names: DocumentNamesOpt = False, regime: RegimeOpt = None) -> None:
    """Demande d'agrément ou de renouvellement, en français : les chiffres du classeur (par défaut l'année civile
    précédente) et les sections à compléter par le demandeur.

    Le document est écrit dans tous les cas ; code de sortie 1 si une condition qu'il rapporte n'est pas
    conforme — une condition indéterminée ne compte pas.

    Exemple : ei report agrement classeur.xlsx -o demande.docx
    """
    from ei_cli import periods

    _produce("agrement", file, year or periods.today().year - 1, output, templates, names, regime)

