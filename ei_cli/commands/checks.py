"""``ei check FILE [--year Y] [--only …]``: every check of the regime as one dashboard."""

from typing import Annotated, Optional

import typer

from ei_cli.app import app
from ei_cli.commands._common import finish, load_enterprise
from ei_cli.commands._options import (ExplainOpt, FileArg, Format, FormatOpt, Lang, LangOpt, OutputOpt, RegimeOpt,
                                      StrictOpt, YearOpt)
from ei_cli.output import RunOptions, base_document, emit

COMMAND = "check"

OnlyOpt = Annotated[Optional[str], typer.Option(
    "--only", show_default=False,
    help="Contrôles à lancer, séparés par des virgules : eligibility, quota, wages, employment, enterprise, "
         "follow_up (par défaut : tous).")]


@app.command(COMMAND)
def check(file: FileArg, year: YearOpt = None, only: OnlyOpt = None, regime: RegimeOpt = None,
          format: FormatOpt = Format.TABLE, output: OutputOpt = None, lang: LangOpt = Lang.FR,
          explain: ExplainOpt = False, strict: StrictOpt = False) -> None:
    """Tableau de bord : public cible, quota, tension salariale, conditions d'emploi, entreprise, suivi social.

    Une ligne par contrôle : verdict (conforme, non conforme, indéterminé), chiffre clé, ce qu'il faut
    corriger ; --explain ajoute les raisons et les références légales. Année civile évaluée : --year,
    par défaut la dernière année dont décembre est dans la paie, sinon celle du dernier mois de paie. Code de sortie 1 si un contrôle n'est
    pas conforme (ou, avec --strict, indéterminé).

    Exemples : ei check classeur.xlsx --year 2025 --explain ; ei check classeur.xlsx --only quota,wages -f json
    """
    from ei_cli.regimes import select_regime
    from ei_cli.render.checks import check_dicts, checks_csv, checks_table
    from ei_cli.rules.dashboard import (CHECK_NAMES, UnknownCheck, applies, overall, parse_only, period_for,
                                        run_checks)

    try:
        names = parse_only(only)
    except UnknownCheck as exc:
        from ei_cli.i18n import english_word, french_word, t

        valid = ", ".join(CHECK_NAMES)
        n, names_text = len(exc.names), ", ".join(exc.names)
        said = (t(f"{french_word(n, 'contrôle inconnu', 'contrôles inconnus')} : {names_text} ; choisissez parmi {valid}.",
                  f"{english_word(n, 'unknown check')}: {names_text}; choose among {valid}.") if exc.names else
                t(f"aucun contrôle donné ; choisissez parmi {valid} (séparés par des virgules).",
                  f"no check given; choose among {valid} (separated by commas)."))
        raise typer.BadParameter(said.get(str(lang)), param_hint="--only") from None
    opts = RunOptions(str(format), output, str(lang), explain, strict)
    enterprise, problems = load_enterprise(file, opts, COMMAND)
    period = period_for(enterprise, year)
    chosen, warnings = select_regime(enterprise, period, regime)
    results = run_checks(enterprise, chosen, period, only=names)
    compliant = overall(results)
    problems = problems + warnings + [p for r in results for p in r.problems]
    doc = base_document(COMMAND, enterprise=enterprise, regime=chosen, period=period, compliant=compliant,
                        problems=problems, checks=check_dicts(results, opts))
    emit(doc, opts, table=lambda con, o: checks_table(con, results, compliant, enterprise, chosen, period, o),
         csv_rows=lambda o: checks_csv(results, o))
    finish(compliant, opts, problems, applicable=applies(results))
