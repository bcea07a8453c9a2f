"""``ei check-quota FILE [--year Y | --at DATE] [--forecast]``: target-public share per agrément year."""

from datetime import datetime
from typing import Annotated, Optional

import typer

from ei_cli.app import app
from ei_cli.commands._common import finish, load_enterprise
from ei_cli.commands._options import (ExplainOpt, FileArg, Format, FormatOpt, Lang, LangOpt, OutputOpt, RegimeOpt,
                                      StrictOpt, YearOpt, at_in_range)
from ei_cli.output import RunOptions, base_document, emit

COMMAND = "check-quota"

AtOpt = Annotated[Optional[datetime], typer.Option(
    "--at", formats=["%Y-%m-%d", "%d/%m/%Y"], show_default=False, metavar="AAAA-MM-JJ", callback=at_in_range,
    help="Date (AAAA-MM-JJ) : évaluer l'année d'agrément qui contient ce jour.")]
ForecastOpt = Annotated[bool, typer.Option(
    "--forecast", help="Projeter l'année d'agrément en cours jusqu'à son terme et dire combien d'ETP de public "
                       "cible engager dès le lendemain pour être conforme.")]


@app.command(COMMAND)
def check_quota(file: FileArg, year: YearOpt = None, at: AtOpt = None, forecast: ForecastOpt = False,
                regime: RegimeOpt = None, format: FormatOpt = Format.TABLE, output: OutputOpt = None,
                lang: LangOpt = Lang.FR, explain: ExplainOpt = False, strict: StrictOpt = False) -> None:
    """Quota de public cible (en ETP, feuille Paie) par année d'agrément, contre la part exigée.

    Les années d'agrément courent depuis date_agrement. --year Y : chaque année d'agrément qui touche
    l'année civile Y (bruxelles-2004, qui juge chaque mois, n'y juge que les mois de Y : les autres mois de
    l'année d'agrément sont montrés, hors période, non jugés) ; --at DATE : celle qui contient DATE, jugée
    entière ; par défaut : celle du dernier mois de paie, jugée entière (avec --forecast : celle du jour,
    l'année en cours, celle que la projection prolonge). Code de sortie 1 si une année évaluée n'est pas
    conforme.

    Exemples : ei check-quota classeur.xlsx ; ei check-quota classeur.xlsx --forecast (combien engager d'ici
    la fin de l'année d'agrément)
    """
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime
    from ei_cli.render.quota import quota_csv, quota_table
    from ei_cli.rules.eligibility import assess_eligibility
    from ei_cli.rules.quota import default_period, evaluate_quota, forecast_beside_year, forecast_day, forecast_quota

    if year is not None and at is not None:
        from ei_cli.i18n import t

        raise typer.BadParameter(t("--year et --at s'excluent : choisissez l'un ou l'autre.",
                                   "--year and --at exclude each other: choose one.").get(str(lang)),
                                 param_hint="--year/--at")
    opts = RunOptions(str(format), output, str(lang), explain, strict)
    enterprise, problems = load_enterprise(file, opts, COMMAND)
    # With --forecast (and no --year), the year judged is the one projected: the agrément year holding one day
    # (``forecast_day``: --at's, else today; the agrément day when it is later), so that the verdict and the
    # projection speak of the same year.
    day = forecast_day(enterprise, at.date() if at is not None else None)
    period = (Period.calendar_year(year) if year is not None else
              Period(day, day) if forecast else
              Period(at.date(), at.date()) if at is not None else default_period(enterprise))
    chosen, warnings = select_regime(enterprise, period, regime)
    report = assess_eligibility(enterprise, chosen)
    # --year Y is the period evaluated (as in ei check); --at DATE and the default only pick the agrément year.
    result = evaluate_quota(enterprise, chosen, period, report, whole_years=year is None)
    projection = None
    if forecast:
        # The agrément year in progress — the one holding today — or the one holding --at's day; the months the
        # payroll knows are measured whatever the month asked (``forecast_quota``).
        projection = forecast_quota(enterprise, chosen, day, report)
        if year is not None:
            projection = forecast_beside_year(projection, result, year, day)
    problems = problems + warnings + list(result.problems)
    fields = result.to_dict(opts.lang)
    fields.pop("compliant")
    if projection is not None:
        fields["forecast"] = projection.to_dict(opts.lang)
    doc = base_document(COMMAND, enterprise=enterprise, regime=chosen, period=period, compliant=result.compliant,
                        problems=problems, **fields)
    emit(doc, opts, table=lambda con, o: quota_table(con, result, enterprise, projection, o),
         csv_rows=lambda o: quota_csv(result, projection, o))
    finish(result.compliant, opts, problems, applicable=result.applicable)
