"""``ei check-eligibility FILE [--at DATE]``: target-public status of every worker, at hire."""

from datetime import datetime
from typing import Annotated, Optional

import typer

from ei_cli.app import app
from ei_cli.commands._common import finish, load_enterprise
from ei_cli.commands._options import (ExplainOpt, FileArg, Format, FormatOpt, Lang, LangOpt, NamesOpt, OutputOpt,
                                      RegimeOpt, StrictOpt, at_in_range)
from ei_cli.output import RunOptions, base_document, emit

COMMAND = "check-eligibility"

AtOpt = Annotated[Optional[datetime], typer.Option(
    "--at", formats=["%Y-%m-%d", "%d/%m/%Y"], show_default=False, metavar="AAAA-MM-JJ", callback=at_in_range,
    help="Date (AAAA-MM-JJ) : ne montrer que les travailleurs occupés ce jour-là et appliquer le régime en "
         "vigueur ce jour-là. Le statut reste évalué à l'embauche. Par défaut : tous les travailleurs, régime "
         "en vigueur aujourd'hui.")]


@app.command(COMMAND)
def check_eligibility(file: FileArg, at: AtOpt = None, format: FormatOpt = Format.TABLE, output: OutputOpt = None,
                      lang: LangOpt = Lang.FR, explain: ExplainOpt = False, strict: StrictOpt = False,
                      names: NamesOpt = False, regime: RegimeOpt = None) -> None:
    """Public cible de chaque travailleur (TGD ou TD en Wallonie ; « public cible » : DEDP en Wallonie 2003, groupes bruxellois), évalué à l'embauche.

    Statut évalué le jour de date_premier_engagement_ei, sinon de date_entree (lecture retenue par ei).

    Pour chaque travailleur : catégorie, critères remplis, données manquantes (« indéterminé », jamais deviné).

    --explain ajoute les raisons et les références légales ; --names, les noms et les valeurs lues.

    Cette commande ne contrôle rien : code de sortie 0 ; avec --strict, 1 si un statut est indéterminé, ou
    non établi sous un régime connu seulement en partie (statuts fondés sur une lecture provisoire).

    Exemple : ei check-eligibility classeur.xlsx --explain
    """
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime
    from ei_cli.render.eligibility import ASSESSMENT_NOTE, eligibility_csv, eligibility_table, worker_dicts
    from ei_cli.rules.eligibility import assess_eligibility, heading_text, regime_after_staff, summary_for

    opts = RunOptions(str(format), output, str(lang), explain, strict, names)
    enterprise, problems = load_enterprise(file, opts, COMMAND)
    from ei_cli import periods

    on = at.date() if at is not None else periods.today()
    chosen, warnings = select_regime(enterprise, Period(on, on), regime)
    report = assess_eligibility(enterprise, chosen)
    rows = [w for w in report.workers if at is None or enterprise.workers_by_id[w.worker_id].employed_on(on)]
    compliant, summary = summary_for(rows, chosen)
    heading = heading_text(on if at is not None else None, len(rows))
    problems = problems + warnings
    if at is None:   # the regime of today: said when every worker left before its first day
        problems += regime_after_staff(enterprise, chosen)
    doc = base_document(COMMAND, enterprise=enterprise, regime=chosen, period=Period(on, on) if at else None,
                        compliant=compliant, problems=problems, at=on if at else None, regime_date=on,
                        assessment=ASSESSMENT_NOTE, summary=summary, counts=report.counts({w.worker_id for w in rows}),
                        workers=worker_dicts(rows, enterprise, opts))
    emit(doc, opts, table=lambda con, o: eligibility_table(con, rows, enterprise, chosen, summary, heading, o),
         csv_rows=lambda o: eligibility_csv(rows, enterprise, o))
    finish(compliant, opts, problems)
