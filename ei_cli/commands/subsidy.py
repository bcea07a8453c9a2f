"""``ei subsidy FILE --year Y``: every subsidy claimable for calendar year Y, to the cent."""

from typing import Annotated

import typer

from ei_cli.app import app
from ei_cli.commands._common import finish, load_enterprise
from ei_cli.commands._options import (YEAR_MAX, YEAR_MIN, ExplainOpt, FileArg, Format, FormatOpt, Lang, LangOpt,
                                      NamesOpt, OutputOpt, RegimeOpt, StrictOpt)
from ei_cli.output import RunOptions, base_document, emit

COMMAND = "subsidy"

RequiredYearOpt = Annotated[int, typer.Option("--year", "-y", help="Année civile réclamée (obligatoire).",
                                              min=YEAR_MIN, max=YEAR_MAX, show_default=False)]


@app.command(COMMAND)
def subsidy(file: FileArg, year: RequiredYearOpt, regime: RegimeOpt = None, format: FormatOpt = Format.TABLE,
            output: OutputOpt = None, lang: LangOpt = Lang.FR, explain: ExplainOpt = False,
            names: NamesOpt = False, strict: StrictOpt = False) -> None:
    """Subventions réclamables pour l'année civile Y, au cent près, ligne par ligne.

    Une ligne par travailleur (ou par entreprise), aide et année d'occupation ou d'agrément, avec sa
    base de calcul, sa référence légale et sa confiance ; totaux par aide et total général.
    -o claim.xlsx écrit un classeur de réclamation (Synthèse, Détail, Mois). Code de sortie 0, ou 1
    si une condition d'octroi contrôlée n'est pas remplie (régime bruxelles-2004 : la part minimale de
    personnel d'encadrement fixée par le régime, paramètre enterprise.min_supervision_share, voir
    « ei regimes bruxelles-2004 »). Une condition indéterminée (statuts inconnus) donne 0, ou 1 avec --strict.

    Exemples : ei subsidy classeur.xlsx --year 2026 --explain ; ei subsidy classeur.xlsx --year 2026 -o reclamation.xlsx
    """
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime
    from ei_cli.render.subsidy import document_fields, subsidy_csv, subsidy_table, write_claim_workbook
    from ei_cli.rules.eligibility import assess_eligibility
    from ei_cli.rules.subsidy import compute_subsidies

    opts = RunOptions(str(format), output, str(lang), explain, strict, names)
    enterprise, problems = load_enterprise(file, opts, COMMAND)
    period = Period.calendar_year(year)
    chosen, warnings = select_regime(enterprise, period, regime)
    result = compute_subsidies(enterprise, chosen, year, assess_eligibility(enterprise, chosen))
    problems = problems + warnings
    doc = base_document(COMMAND, enterprise=enterprise, regime=chosen, period=period, compliant=result.compliant,
                        problems=problems, **document_fields(result, enterprise, opts))
    emit(doc, opts, table=lambda con, o: subsidy_table(con, result, enterprise, chosen, o),
         csv_rows=lambda o: subsidy_csv(result, enterprise, o),
         files={"xlsx": lambda path, o: write_claim_workbook(path, result, enterprise, chosen, o, problems)})
    # No condition checked (every regime but bruxelles-2004): nothing unknown for --strict to fail on.
    finish(result.compliant, opts, problems, applicable=bool(result.conditions))
