"""Output of ``ei check-wages``: the French table (two extremes, ratio, notes), JSON fields, CSV rows.

Workers are shown by ``worker_id``; names only with ``--names``.
"""

from __future__ import annotations

from ei_cli.i18n import plural, t
from ei_cli.model import Enterprise, worker_order
from ei_cli.output import RunOptions
from ei_cli.regimes import Regime
from ei_cli.periods import Period
from ei_cli.render import verdict_markup, print_reasons
from ei_cli.rules.common import decimal_text, euro_number, money, number_text, worker_month_text, workers_text
from ei_cli.rules.wages import WageTension, WorkerPay, pay_limit, ratio_text

def wage_fields(result: WageTension, enterprise: Enterprise, opts: RunOptions) -> dict:
    """The command's JSON fields (cli.md: ratio, max_ratio, highest, lowest) and the rest."""
    fields = result.to_dict(opts.lang)
    if opts.names:
        for key, item in (("highest", result.highest), ("lowest", result.lowest)):
            if item is not None and item.worker_id in enterprise.workers_by_id:
                fields[key]["name"] = enterprise.workers_by_id[item.worker_id].display_name()
    fields["reasons"] = [r.to_dict(opts.lang) for r in result.reasons]
    return fields


def wages_table(con, result: WageTension | None, enterprise: Enterprise, regime: Regime, period: Period,
                opts: RunOptions, not_established=None, applicable: bool = True) -> None:
    from rich.markup import escape
    from rich.table import Table

    lang, en = opts.lang, opts.lang == "en"
    con.print(f"[bold]{escape(enterprise.name)}[/] — {'regime' if en else 'régime'} {regime.id} — "
              f"{period.start.isoformat()} → {period.end.isoformat()}")
    if result is None:
        con.print(f"[yellow]{escape(not_established.get(lang))}[/]")
        return
    title = t("Tension salariale : salaire brut par ETP de chaque travailleur sur ses mois de la période",
              "Wage tension: each worker's gross pay per FTE over their months of the period").get(lang)
    table = Table(title=title, title_justify="left")
    table.add_column("", no_wrap=True)
    table.add_column("Worker" if en else "Travailleur", no_wrap=True)
    if opts.names:
        table.add_column("Name" if en else "Nom")
    table.add_column("Months" if en else "Mois", no_wrap=True)
    table.add_column("Gross pay" if en else "Salaire brut", justify="right")
    table.add_column("FTE-months" if en else "ETP-mois", justify="right")
    table.add_column("Pay per FTE" if en else "Salaire / ETP", justify="right")

    def row(label: str, item: WorkerPay | None) -> None:
        if item is None:
            return
        cells = [label, ", ".join(item.ids)]   # one person's ids together (``WorkerPay.ids``)
        if opts.names:
            w = enterprise.workers_by_id.get(item.worker_id)
            cells.append(escape(w.display_name()) if w else "")
        cells += [item.span.replace("/", " – "), euro_number(item.total_gross_pay, lang),
                  number_text(item.fte_months, lang),
                  euro_number(item.exact_pay_per_fte, lang,
                              beside=pay_limit(item, result.highest, result.lowest, result.max_ratio))]
        table.add_row(*cells)

    row("Highest" if en else "Plus élevé", result.highest)
    row("Lowest" if en else "Plus bas", result.lowest)
    con.print(table)
    limit = "?" if result.max_ratio is None else decimal_text(result.max_ratio, lang)
    con.print(f"{'Ratio' if en else 'Rapport'} {ratio_text(result.ratio, lang)} "
              f"({'at most' if en else 'au plus'} {limit}){':' if en else ' :'} "
              + verdict_markup(result.compliant, lang, applicable=applicable)
              + (escape(f" ({'to' if en else 'au'} {result.measured_to.isoformat()}, {result.label.get(lang)})")
                 if result.provisional else "")
              + ("" if applicable else
                 " (" + ("before the agrément, for information" if en else "avant l'agrément, pour information") + ")")
              + " — " + plural(result.workers_compared, "travailleur comparé", "worker compared",
                               "travailleurs comparés", "workers compared").get(lang)
              + ", " + plural(result.worker_months, "mois-travailleur", "worker-month").get(lang))
    for e in result.excluded_months:
        why = {"fte_zero": t("etp nul", "fte 0"), "no_pay": t("salaire nul", "no pay"),
               "not_employed": t("hors occupation", "not employed")}[e.reason].get(lang)
        worker_month = worker_month_text(e.worker_id, e.month).get(lang)
        con.print(f"[dim]{'Left out:' if en else 'Écarté :'} {escape(worker_month)} ({why})[/]")
    if result.excluded_workers:
        con.print("[dim]" + escape(t("Article 60 §7 écartés (payés par le CPAS) : ",
                                     "Article 60 §7 left out (paid by the CPAS): ").get(lang)
                                   + workers_text(result.excluded_workers).get(lang)) + "[/]")
    for note in result.notes:
        con.print(f"[yellow]{escape(note.get(lang))}[/]")
    if result.to_fill is not None:
        con.print("[yellow]" + escape(t(f"Mois sans aucune paie saisie, non comparés : {result.to_fill.fr} — complétez "
                                        "la feuille Paie.",
                                        f"Months without any payroll entered, not compared: {result.to_fill.en} — fill "
                                        "in the Paie sheet.").get(lang)) + "[/]")
    if opts.explain:
        con.print()
        print_reasons(con, result.reasons, lang, "")
    else:
        con.print("[dim]" + escape(t("--explain : raisons et références légales.",
                                     "--explain: reasons and legal references.").get(lang)) + "[/]")


def wages_csv(result: WageTension | None, enterprise: Enterprise, opts: RunOptions) -> tuple[list[str], list[list]]:
    """One row per worker-month compared (highest first), then the months left out. With ``--names`` a
    ``name`` column, as the table and the JSON show names — last, cli.md adding CSV columns only after the
    others."""
    header = ["worker_id", "month", "fte", "gross_pay", "pay_per_fte", "included", "excluded_reason"]
    header += ["name"] if opts.names else []
    if result is None:
        return header, []

    def name(worker_id: str) -> list:
        if not opts.names:
            return []
        worker = enterprise.workers_by_id.get(worker_id)
        return [worker.display_name() if worker else None]

    rows = [[p.worker_id, p.month, p.fte, money(p.gross_pay), money(p.pay_per_fte), True, None, *name(p.worker_id)]
            for p in sorted(result.counted, key=lambda p: (-p.pay_per_fte, worker_order(p.worker_id), p.month))]
    rows += [[e.worker_id, e.month, None, None, None, False, e.reason, *name(e.worker_id)]
             for e in result.excluded_months]
    return header, rows
