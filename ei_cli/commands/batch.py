"""``ei batch DIR --year Y``: every workbook of a folder, all checks and subsidies, a summary.

Thin: options → ``ei_cli.batch`` (find, run, summarise) → table or JSON → exit code.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ei_cli.app import app
from ei_cli.commands._options import (YEAR_MAX, YEAR_MIN, ExplainOpt, Lang, LangOpt, RegimeOpt, StrictOpt,
                                     year_in_range)


class BatchFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


DirArg = Annotated[Path, typer.Argument(
    metavar="DOSSIER", help="Dossier des classeurs (.xlsx, .xlsm, .ods ; un ancien .xls est signalé en erreur, un .csv est ignoré et "
         "signalé ; sous-dossiers lus seulement avec --recursive).",
    show_default=False, readable=False)]
RecursiveOpt = Annotated[bool, typer.Option(
    "--recursive", "-r", help="Lire aussi les sous-dossiers (sauf cachés) ; chaque JSON va dans le même "
                              "sous-dossier de --out.")]
BatchYearOpt = Annotated[Optional[int], typer.Option(
    "--year", "-y", help="Année civile évaluée (obligatoire sauf avec --month).", min=YEAR_MIN, max=YEAR_MAX)]
MonthOpt = Annotated[Optional[str], typer.Option(
    "--month", help="Évaluer un seul mois AAAA-MM (les subventions restent celles de son année civile).")]
OutOpt = Annotated[Optional[Path], typer.Option(
    "--out", help="Dossier de sortie (créé au besoin) : un <classeur>.json par fichier, summary.json, "
                  "summary.xlsx ; remplacés de façon atomique à chaque passage (un summary.xlsx qu'ei n'a "
                  "pas écrit n'est jamais remplacé : refus, code 2).",
    readable=False)]
JobsOpt = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, max=64,
    help="Processus en parallèle (par défaut : un par processeur disponible, limite de processeur d'un conteneur "
         "comprise ; au plus 61 sous Windows).",
    show_default=False)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Pas de barre de progression.")]
BatchFormatOpt = Annotated[BatchFormat, typer.Option(
    "--format", "-f", help="table, json ou csv (la synthèse, sur stdout ; en csv, les lignes de summary.xlsx).")]


@app.command("batch")
def batch_command(folder: DirArg, year: BatchYearOpt = None, month: MonthOpt = None, out: OutOpt = None,
                  recursive: RecursiveOpt = False, jobs: JobsOpt = None, quiet: QuietOpt = False,
                  regime: RegimeOpt = None, format: BatchFormatOpt = BatchFormat.TABLE, lang: LangOpt = Lang.FR,
                  explain: ExplainOpt = False, strict: StrictOpt = False) -> None:
    """Tous les classeurs d'un dossier (avec --recursive, de ses sous-dossiers aussi) : tous les contrôles
    et les subventions, une synthèse.

    Sur stdout, toujours la seule synthèse (tableau, ou document JSON avec --format json : files[],
    summary). Avec --out, en plus : un JSON par classeur (le document de « ei check --format json »
    plus « subsidy »), summary.json et summary.xlsx. Un classeur en erreur (illisible, ou refusé par
    « ei validate ») est signalé (stderr et synthèse) et les autres sont traités ; un ancien .xls, un lien
    symbolique illisible ou vers rien aussi. Les classeurs qu'ei a écrits (réclamation de « ei subsidy -o »,
    summary.xlsx), les .csv, les sous-dossiers qui contiennent directement des classeurs (sans --recursive)
    ou qui ne peuvent pas être lus (avec) sont ignorés et signalés (stderr, skipped[]) ; un summary.xlsx
    qu'ei n'a pas écrit dans --out n'est jamais remplacé (refus, code 2). Deux classeurs de la même entreprise (même
    numéro BCE, ou même nom quand l'un n'en a pas) sont signalés (sous le total du tableau, sur stderr en json ou csv ; same_enterprise[], « À propos » de
    summary.xlsx) : le total des subventions la compte une fois par fichier. Code de sortie : 2 si un classeur
    est en erreur, sinon 1 si un classeur n'est pas conforme (ou indéterminé avec --strict), sinon 0.

    Exemple : ei batch classeurs/ --year 2026 --month 2026-10 --out resultats/ --format json
    """
    from ei_cli import batch
    from ei_cli.output import RunOptions

    request = _request(year, month, regime, str(lang), out, folder, explain and format == BatchFormat.TABLE)
    _refuse_out_not_a_folder(out)
    batch.refuse_foreign_summary(out)
    paths, left_out = batch.list_workbooks(folder, out, recursive)
    skipped = [batch.skipped_entry(path, folder) for path in left_out]
    for entry in skipped:
        typer.echo(entry["message"].get(str(lang)), err=True)
    if not paths:
        nested = any(entry["reason"] == "sub_folder" for entry in skipped) or (
            not recursive and bool(batch.find_workbooks(folder, out, recursive=True)))
        raise batch.no_workbook_error(folder, in_sub_folders=nested)
    from contextlib import nullcontext

    from ei_cli.output import output_folder

    # A failed run leaves no empty --out; one run at a time writes into it (another one: exit 2, nothing written).
    with output_folder(out) if out is not None else nullcontext(), batch.output_lock(out):
        previous = batch.previous_outputs(out, folder)   # read before this run's first JSON removes that summary
        outcomes = _run(paths, request, jobs, quiet)
        removed = batch.remove_outputs_not_written(out, previous, outcomes, skipped)
        for name in removed:
            typer.echo(batch.REMOVED_OUTPUT.format(file=name).get(str(lang)), err=True)
        opts = RunOptions(format=str(format), lang=str(lang), strict=strict)
        _report(outcomes, request, opts, skipped, removed)
    raise typer.Exit(batch.batch_exit_code(outcomes, strict))


def _refuse_out_not_a_folder(out) -> None:
    """``--out`` names an existing file (not a folder): stop before anything is read or written."""
    import os

    from ei_cli.errors import EiError
    from ei_cli.i18n import t

    from ei_cli.problems import display_path

    if out is not None and os.path.lexists(out) and not out.is_dir():
        shown = display_path(out)
        raise EiError(t(f"--out doit être un dossier : {shown} est un fichier.",
                        f"--out must be a folder: {shown} is a file."))


def _request(year, month, regime_id, lang, out, folder, explain=False):
    from ei_cli.batch import BatchRequest
    from ei_cli.errors import EiError
    from ei_cli.i18n import t
    from ei_cli.periods import Month

    parsed = None
    if month is not None:
        try:
            parsed = Month.parse(month.strip())
        except ValueError:
            raise EiError(t(f"--month attend AAAA-MM, pas « {month} ».",
                            f"--month expects YYYY-MM, not “{month}”.")) from None
        # The years --year accepts (its words too): a year out of them was an internal error on every file.
        year_in_range(parsed.year, param_hint="--month")
        if year is not None and year != parsed.year:
            raise EiError(t(f"--month {month} n'est pas dans l'année --year {year}.",
                            f"--month {month} is not in --year {year}."))
        year = parsed.year
    if year is None:
        raise EiError(t("Indiquez l'année évaluée : --year AAAA (ou --month AAAA-MM).",
                        "Give the year evaluated: --year YYYY (or --month YYYY-MM)."))
    if regime_id is not None:
        from ei_cli.regimes import get_regime

        get_regime(regime_id)  # an unknown id stops here, before any file is read
    return BatchRequest(year=year, month=parsed, regime_id=regime_id, lang=lang, out_dir=out, folder=folder,
                        explain=explain)


def _run(paths, request, jobs: int, quiet: bool):
    import sys

    from ei_cli.batch import run_batch
    from ei_cli.output import print_problems

    def report_bad(outcome) -> None:
        if not outcome.readable:
            _print_problem_dicts(outcome.problems, request.lang, print_problems)

    if quiet or not sys.stderr.isatty():
        # No one watches the run: the errors are printed once it is over, in the folder's order (with several
        # workers they came in the order the files finished, so two runs of one folder logged them differently).
        # An interruption prints those already known, as they came.
        seen, outcomes = [], None
        try:
            outcomes = run_batch(paths, request, jobs, seen.append)
        finally:
            for outcome in outcomes if outcomes is not None else seen:
                report_bad(outcome)
        return outcomes
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ei_cli.output import console

    # auto_refresh=False: no refresh thread — the workers are forked while the bar is shown, and a thread alive
    # at a fork may hold a lock (the console's, stderr's) the child then never sees released (Python 3.12+ warns
    # « use of fork() may lead to deadlocks »); the bar is drawn again after each file instead.
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("Classeurs" if request.lang != "en" else "Workbooks", total=len(paths))
        progress.refresh()

        def advance(outcome) -> None:
            report_bad(outcome)
            progress.advance(task)
            progress.refresh()

        return run_batch(paths, request, jobs, advance)


def _print_problem_dicts(problems, lang, print_problems) -> None:
    from ei_cli.i18n import Text
    from ei_cli.problems import Problem, Severity

    print_problems([Problem(p["code"], Severity(p["severity"]), Text(p["message"], p["message"]),
                            p["file"], p["sheet"], p["cell"], p.get("column")) for p in problems
                    if p["severity"] == "error"], lang)


def _report(outcomes, request, opts, skipped=(), removed=()) -> None:
    from ei_cli.batch import summary_document, write_summaries
    from ei_cli.output import dumps, write_json, write_stdout

    doc = summary_document(outcomes, request, opts.strict, skipped, removed)
    if opts.format != "table":   # the table says it under its total; a warning: the exit code stays the files'
        from ei_cli.output import print_problems
        from ei_cli.problems import warning

        print_problems([warning("same_enterprise", g["message"]) for g in doc["same_enterprise"]], opts.lang)
    text = dumps(doc, opts.lang) if opts.format == "json" else None  # encoded once: stdout and summary.json
    if request.out_dir is not None:
        write_summaries(outcomes, request, doc, text)
    if text is not None:
        write_json(doc, opts.lang, text)
    elif opts.format == "csv":  # spec/cli.md: one table on stdout — summary.xlsx's rows, its columns' keys
        from ei_cli.batch import SUMMARY_COLUMNS, summary_row
        from ei_cli.output import csv_text

        write_stdout(csv_text([key for key, _, _ in SUMMARY_COLUMNS],
                              (summary_row(o, opts.lang) for o in outcomes), opts.lang))
    else:
        from ei_cli.render.batch import summary_table
        from ei_cli.output import console

        summary_table(console(), outcomes, doc["summary"], request, opts.lang, doc["same_enterprise"])
