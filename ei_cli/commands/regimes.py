"""``ei regimes [ID]``: the regimes known, or one regime's parameters with references and dates."""

from typing import Annotated, Optional

import typer

from ei_cli.app import app
from ei_cli.commands._options import ExplainOpt, Format, FormatOpt, Lang, LangOpt, OutputOpt
from ei_cli.output import RunOptions, base_document, emit


@app.command("regimes")
def regimes_command(
    regime_id: Annotated[Optional[str], typer.Argument(metavar="ID", help="Identifiant d'un régime (ex. wallonie-2016).")] = None,
    format: FormatOpt = Format.TABLE,
    output: OutputOpt = None,
    lang: LangOpt = Lang.FR,
    explain: ExplainOpt = False,
):
    """Régimes légaux connus ; avec ID, chaque paramètre avec sa valeur, ses dates et sa référence légale.

    Exemples : ei regimes ; ei regimes wallonie-2016
    """
    from ei_cli.regimes import all_regimes, get_regime
    from ei_cli.render.regimes import parameters_table, regimes_table
    from ei_cli.rules.subsidy import subsidy_ids

    opts = RunOptions(str(format), output, str(lang), explain)
    if regime_id is None:
        regimes = list(all_regimes())
        doc = base_document("regimes", regimes=[r.to_dict() for r in regimes])
        emit(doc, opts, table=lambda con, o: regimes_table(con, regimes, o.lang),
             csv_rows=lambda o: (["id", "region", "status", "valid_from", "valid_to", "title"],
                                 [[r.id, r.region, r.status, r.valid_from, r.valid_to, r.title] for r in regimes]))
        return
    regime = get_regime(regime_id)
    params = [regime.parameters[k].to_dict() for k in sorted(regime.parameters)]
    doc = base_document("regimes", regime=regime, regimes=[regime.to_dict()], parameters=params,
                        subsidies=subsidy_ids(regime), subsidy_shapes=regime.rule("subsidies") or [])
    # CSV is for scripts: each value as in the JSON document (a number with a point, true/false, « unknown »),
    # a list or brackets as JSON text (docs/spec/cli.md).
    emit(doc, opts, table=lambda con, o: parameters_table(con, regime, o.lang, o.explain),
         csv_rows=lambda o: (["key", "value", "unit", "from", "to", "confidence", "reference", "article", "url"],
                             [[p["key"], v["value"], p["unit"], v["from"], v["to"], p["confidence"], p["reference"]["text"],
                               p["reference"]["article"], p["reference"]["url"]]
                              for p in params for v in p["values"]]))
