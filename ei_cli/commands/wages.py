"""``ei check-wages FILE [--year Y]``: wage tension, highest over lowest gross pay per FTE."""



from ei_cli.app import app
from ei_cli.commands._common import finish, load_enterprise
from ei_cli.commands._options import (ExplainOpt, FileArg, Format, FormatOpt, Lang, LangOpt, NamesOpt, OutputOpt,
                                      RegimeOpt, StrictOpt, YearOpt)
from ei_cli.output import RunOptions, base_document, emit

COMMAND = "check-wages"


@app.command(COMMAND)
def check_wages(file: FileArg, year: YearOpt = None, regime: RegimeOpt = None, format: FormatOpt = Format.TABLE,
                output: OutputOpt = None, lang: LangOpt = Lang.FR, explain: ExplainOpt = False,
                strict: StrictOpt = False, names: NamesOpt = False) -> None:
    """Tension salariale : salaire brut (avantages compris) par etp, le plus élevé sur le plus bas, au plus l'écart du régime.

    Pour chaque travailleur, direction comprise (article 60 §7 écartés), le salaire brut de ses mois de
    l'année civile évaluée (--year ; par défaut la dernière année dont décembre est dans la paie, sinon celle du dernier mois de paie) divisé
    par ses ETP-mois : le 13e mois et le pécule de vacances comptent dans sa rémunération de l'année ;
    les mois à etp nul sont écartés et signalés. L'écart maximal est celui que fixe le régime appliqué
    (paramètre wages.max_ratio : voir « ei regimes ID ») ; un régime qui n'en établit pas laisse le
    contrôle indéterminé.
    Code de sortie 1 si le rapport dépasse cette limite.

    Exemple : ei check-wages classeur.xlsx --year 2025 --explain
    """
    from ei_cli.regimes import select_regime
    from ei_cli.render.wages import wage_fields, wages_csv, wages_table
    from ei_cli.rules.common import NOT_ESTABLISHED, empty_details, not_established
    from ei_cli.rules.dashboard import period_for
    from ei_cli.rules.wages import NAME, judged_wage_tension

    opts = RunOptions(str(format), output, str(lang), explain, strict, names)
    enterprise, problems = load_enterprise(file, opts, COMMAND)
    period = period_for(enterprise, year)
    chosen, warnings = select_regime(enterprise, period, regime)
    result, applicable = judged_wage_tension(enterprise, chosen, period)
    problems = problems + warnings
    compliant = result.compliant if result is not None and applicable else None
    fields = wage_fields(result, enterprise, opts) if result is not None else {
        **empty_details(NAME, chosen), "summary": NOT_ESTABLISHED,
        "reasons": [r.to_dict(opts.lang) for r in not_established(NAME, chosen).reasons]}
    if not applicable:
        fields["applicable"] = False
    doc = base_document(COMMAND, enterprise=enterprise, regime=chosen, period=period, compliant=compliant,
                        problems=problems, **fields)
    emit(doc, opts, table=lambda con, o: wages_table(con, result, enterprise, chosen, period, o, NOT_ESTABLISHED,
                                                     applicable=applicable),
         csv_rows=lambda o: wages_csv(result, enterprise, o))
    finish(compliant, opts, problems, applicable=applicable)



