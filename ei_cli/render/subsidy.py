"""Output of ``ei subsidy``: the French table, CSV rows and the claim workbook (``-o claim.xlsx``).

Workers appear by ``worker_id``; their names only with ``--names``. The claim workbook has a
« Synthèse » sheet (identity, what produced it and how far its data go, totals per subsidy, grand total, the
lines set aside, conditions with their verdict, de minimis note, warnings), a « Détail » sheet (one row
per line, every basis field a column), and a « Mois » sheet (the month-by-month computation of the
Walloon TD/TGD subsidy, decision D1; each month with its line's ``claimable``). Its totals are the result's
totals, the same as the JSON's: the sum of the claimable rows' amounts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from ei_cli import periods
from ei_cli.i18n import Text, french_word, plural, t
from ei_cli.model import Enterprise
from ei_cli.output import RunOptions, fit_columns, jsonable, mark_own_workbook, write_with, xlsx_cell
from ei_cli.problems import Problem
from ei_cli.regimes import CONFIDENCES, Regime
from ei_cli.render import print_reasons, reason_text, reference_text
from ei_cli.rules.common import (Reason, basis_figure, data_horizon, entered_ahead, euro_text, horizon_text,
                                 not_begun, not_begun_text, pay_known_text, payroll_current, worker_text)
from ei_cli.rules.subsidy import SUBSIDY_TEXT, SubsidyLine, SubsidyResult, tranche_days_text

EURO_FORMAT = '#,##0.00 "€"'
MONEY_FIELDS = {"amount", "wage_cost", "known_wage_cost", "half_wage_cost", "cap", "cap_full_time", "rate", "ceiling",
                "accompanier_wage_cost", "partial_amount", "amount_if_condition_met", "ceiling_wage_cost", "ceiling_total",
                "rounding_adjustment", "joint_complement", "person_half_wage_cost", "person_cap", "beside_amount"}


def subsidy_label(subsidy: str, lang: str) -> str:
    return SUBSIDY_TEXT.get(subsidy, t(subsidy, subsidy)).get(lang)


SHORT_TEXT = {
    "target_worker": t("Public cible", "Target worker"),
    "social_accompaniment": t("Accomp. social", "Social accomp."),
    "manager": t("Chef d'entr.", "Manager"),
    "supervision": t("Encadrement", "Supervision"),
}


# The verdict of a subsidy condition (``SubsidyResult.conditions``, Brussels 2004's 10 %), said beside it.
CONDITION_VERDICT = {True: t("remplie", "met"), False: t("non remplie", "not met"), None: t("indéterminée", "undetermined")}


def short_label(subsidy: str, lang: str) -> str:
    return SHORT_TEXT.get(subsidy, t(subsidy, subsidy)).get(lang)


def _year_text(line: SubsidyLine, lang: str) -> str:
    b = line.basis
    if "occupation_year" in b:
        return f"occ. {b['occupation_year']}"
    if "agrement_year" in b:
        return f"agr. {b['agrement_year']}"
    return ""


def amount_text(line: SubsidyLine, lang: str) -> str:
    """The line's amount as the table and the claim workbook say it: « 1 234,56 € »; « ? » when it cannot be
    computed, with what is computed of it when some month's wage cost is known (``basis.partial_amount``):
    « ? (partiel : 5 800,00 €) » — not « partiel : 0,00 € » when none is."""
    partial = line.basis.get("partial_amount") if line.amount is None else None
    if partial is not None and line.basis.get("known_wage_cost_months"):
        return t(f"? (partiel : {euro_text(partial)})", f"? (partial: {euro_text(partial, 'en')})").get(lang)
    return euro_text(line.amount, lang)


def basis_text(basis: dict, lang: str, long: bool = False) -> str:
    """A French (or English) summary of what a line's amount is computed on (its ``basis``): the « Base » of the
    terminal table in short forms (« 8,91 trav. cibles (moy. année d'agrément) », « coût 5 891,72 € »); with
    ``long``, the words written out for the documents' subsidy lines (``documents._basis_text``; the claim
    workbook has no basis text, only its days by tranche count: ``TEXT_BASIS_KEYS``) (« 8,91 travailleurs du public cible (moyenne de l'année d'agrément) », « coût salarial … »). Counts
    go through ``i18n.plural`` in both (« 1 jour », « 2 tranches »)."""
    b, en = basis, lang == "en"

    def say(short: Text, written: Text) -> str:
        return (written if long else short).get(lang)

    parts = []
    if "category" in b:
        parts.append(b["category"])
    if b.get("net_increase") is False:
        parts.append("no net increase" if en else "sans création nette")
    if "days" in b:
        # The divisor beside the days when it is not 365 (an agrément or occupation year holding 29 February):
        # « 59 jours sur 366 · 1,00 ETP · taux 33 000,00 €/an » is 5 319,67 €, which « 59 jours » alone is not.
        of = b.get("year_days")
        parts.append(plural(b["days"], "jour", "day").get(lang)
                     + (f" {'of' if en else 'sur'} {of}" if of is not None and of != 365 else ""))
        # A line meant for a post pays only the days it is held (``rules.subsidy._days_held``): « 306 jours sur 366 ·
        # poste occupé 1 jour · taux 13 500,00 €/an » is 13 500 × 1 ÷ 366 = 36,89 €, which « 306 jours » alone is not.
        held = b.get("post_days")
        if held is not None and held != b["days"]:
            held_days = plural(held, "jour", "day")
            parts.append(say(t(f"poste {held} j.", f"post {held} d."),
                             t(f"poste occupé {held_days.fr}", f"post held {held_days.en}")))
    if "fte_months" in b:
        # To the places the cap is computed on (``basis_figure``): 1 500 € × 9,3871 = 14 080,65 €, which a
        # printed « 9,39 » made 14 085,00 €.
        parts.append(f"{basis_figure(b['fte_months'], lang)} {'FTE-months' if en else 'ETP-mois'}")
    elif "fte" in b:
        parts.append(f"{basis_figure(b['fte'], lang)} {'FTE' if en else 'ETP'}")
    if "target_workers" in b:
        # As given, the hundredth at least: to 4 places where the hundredth would read as a bracket's or a
        # tranche's threshold (rules.subsidy._heads_shown, 7,9972), else to the hundredth (9,00, not 9).
        parts.append(f"{basis_figure(b['target_workers'], lang)} "
                     + say(t(french_word(b["target_workers"], "trav. cible", "trav. cibles"), "target workers"),
                           t(french_word(b["target_workers"], "travailleur du public cible", "travailleurs du public cible"),
                             "target-public workers"))
                     + (say(t(" (moy. de l'année, provisoire)", " (year avg., provisional)"),
                            t(" (moyenne de l'année, provisoire)", " (year average, provisional)"))
                        if b.get("provisional") else
                        say(t(" (moy. année d'agrément)", " (agrément-year avg.)"),
                            t(" (moyenne de l'année d'agrément)", " (agrément-year average)"))
                        if "target_workers_end" in b else ""))
    by_tranches = tranche_days_text(b, lang, long)
    if by_tranches:   # Brussels 2004: the tranche count changed within the line
        parts.append(by_tranches)
    elif b.get("tranches") is not None:
        parts.append(plural(b["tranches"], "tranche", "tranche").get(lang))
    cost = say(t("coût", "wage cost"), t("coût salarial", "wage cost"))
    if "wage_cost" in b and b.get("wage_cost") is not None:
        parts.append(f"{cost} {euro_text(b['wage_cost'], lang)}")
    elif b.get("wage_cost_months"):
        # Not every month's cost known: what is known, never a total that looks whole (decision D1).
        known, months = b["known_wage_cost_months"], b["wage_cost_months"]
        of = f"({plural(known, 'mois', 'month', 'mois').get(lang)} {'of' if en else 'sur'} {months})"
        parts.append((f"known {cost} {euro_text(b['known_wage_cost'], lang)} {of}" if en else
                      f"{cost} connu {euro_text(b['known_wage_cost'], lang)} {of}") if known else
                     (f"{cost} unknown {of}" if en else f"{cost} inconnu {of}"))
    if "cap" in b:
        parts.append(f"{'cap' if en else 'plafond'} {euro_text(b['cap'], lang)}")
    if b.get("joint_complement"):
        # The part of the person's limits their other contracts leave unused (``rules.subsidy._joint_month``):
        # the amount is min(50 % × cost, cap) of the line plus this, which the two figures alone are not.
        parts.append(say(t("+ part de la personne", "+ person's share"),
                         t("+ part des limites de la personne non utilisée par ses autres contrats",
                           "+ share of the person's limits their other contracts leave unused"))
                     + f" {euro_text(b['joint_complement'], lang)}")
    if b.get("rate") is not None:
        parts.append(f"{'rate' if en else 'taux'} {euro_text(b['rate'], lang)}/{'yr' if en else 'an'}")
    if b.get("index_factor") not in (None, 1, Decimal(1)):
        # The factor the base amount was multiplied by, as the regime gives it (« 1,0234 », not the raw Decimal
        # « 1.0234 » nor rounded to « 1,02 »).
        parts.append(say(t("index", "index"), t("coefficient d'indexation", "index factor"))
                     + f" {basis_figure(b['index_factor'], lang)}")
    return " · ".join(parts)


def line_dicts(result: SubsidyResult, enterprise: Enterprise, opts: RunOptions) -> list[dict]:
    out = []
    for line in result.lines:
        d = line.to_dict(opts.lang)
        if opts.names and line.worker_id:
            d = {**d, "name": enterprise.workers_by_id[line.worker_id].display_name()}
        out.append(d)
    return out


def document_fields(result: SubsidyResult, enterprise: Enterprise, opts: RunOptions) -> dict:
    """The command's own JSON fields (cli.md: lines[], totals, total; plus de_minimis, unknown…)."""
    fields = result.to_dict(opts.lang)
    del fields["regime"]  # the document's own `regime` (cli.md's common fields) says it
    fields["lines"] = line_dicts(result, enterprise, opts)
    return fields


# ------------------------------------------------------------------------------------ table
def subsidy_table(con, result: SubsidyResult, enterprise: Enterprise, regime: Regime, opts: RunOptions) -> None:
    from rich.markup import escape
    from rich.table import Table

    lang, en = opts.lang, opts.lang == "en"
    con.print(f"[bold]{escape(enterprise.name)}[/] — {'regime' if en else 'régime'} {regime.id} — "
              f"{'subsidies' if en else 'subventions'} {result.year}")
    if result.claim_period:
        con.print(f"{'Claim period:' if en else 'Période réclamée :'} {result.claim_period.start.isoformat()} → "
                  f"{result.claim_period.end.isoformat()}")
    table = Table(show_lines=opts.explain)
    table.add_column("Subsidy" if en else "Aide", max_width=15)
    table.add_column("Worker" if en else "Trav.", no_wrap=True)
    if opts.names:
        table.add_column("Name" if en else "Nom")
    table.add_column("Year" if en else "Année", no_wrap=True)
    table.add_column("Period" if en else "Période", no_wrap=True)
    table.add_column("Basis" if en else "Base", ratio=1, min_width=14)
    table.add_column("Amount" if en else "Montant", justify="right", no_wrap=True, min_width=12)
    for line in result.lines:
        amount = amount_text(line, lang)
        if not line.claimable:
            amount = f"[yellow]{amount} ({'not claimable' if en else 'non réclamable'})[/]"
        cells = [short_label(line.subsidy, lang), line.worker_id or "—"]
        if opts.names:
            cells.append(escape(enterprise.workers_by_id[line.worker_id].display_name()) if line.worker_id else "—")
        b = line.basis
        cells += [_year_text(line, lang), f"{b['start'].isoformat()}\n{b['end'].isoformat()}",
                  escape(basis_text(b, lang)), amount]
        table.add_row(*cells)
        if opts.explain:
            # Each reason with its reference as every --explain prints it (confidence, URL): ``reason_text``.
            explain = [f"• {reason_text(r, lang)}" for r in line.reasons]
            explain += [f"  {n.get(lang)}" for n in line.notes]
            table.add_row(*([""] * (len(cells) - 2)), f"[dim]{escape(chr(10).join(explain))}[/]", "")
    if result.lines:
        con.print(table)
    else:
        con.print("Aucune ligne de subvention." if not en else "No subsidy line.")
    totals = Table(title="Totals" if en else "Totaux", show_header=False)
    totals.add_column("")
    totals.add_column("", justify="right")
    for subsidy, amount in result.totals.items():
        totals.add_row(subsidy_label(subsidy, lang), euro_text(amount, lang))
    totals.add_row("[bold]Total[/]", f"[bold]{euro_text(result.total, lang)}[/]")
    con.print(totals)
    for c in result.conditions:
        style = {True: "green", False: "red", None: "yellow"}[c.met]
        con.print(f"[{style}]{escape(c.summary.get(lang))}[/]")
        if opts.explain:  # the condition decides whether anything is due: its reasons and references
            print_reasons(con, c.reasons, lang)
    if result.de_minimis:
        dm = result.de_minimis
        con.print(escape(dm["note"].get(lang)))
        if opts.explain:
            _print_reference(con, Reason(dm["note"], dm.get("reference"), dm.get("url"), dm.get("confidence")), lang)
    for u in result.unknown:
        who = _unknown_who(u, lang)
        # The verdict word, then the subsidy: « Indéterminé — Compensation du mandat : … », never read as one noun.
        con.print(f"[yellow]{'Unknown' if en else 'Indéterminé'}[/] — {subsidy_label(u.subsidy, lang)}{who}{':' if en else ' :'} "
                  f"{escape(u.reason.get(lang))}")
        if opts.explain:
            _print_reference(con, Reason(u.reason, u.reference, u.url, u.confidence), lang)
    for note in result.notes:
        con.print(f"[dim]{escape(note.get(lang))}[/]")
    notes = sorted({n.get(lang) for line in result.lines for n in line.notes})
    if notes and not opts.explain:
        con.print("[dim]Notes :[/]" if not en else "[dim]Notes:[/]")
        for n in notes:
            con.print(f"[dim]  – {escape(n)}[/]")
        con.print("[dim]" + escape(t("--explain : raisons et références légales de chaque ligne ; JSON : détail mensuel.",
                                     "--explain: reasons and legal references of each line; JSON: monthly detail.")
                                   .get(lang)) + "[/]")


def _print_reference(con, reason: Reason, lang: str) -> None:
    """The legal reference a printed statement rests on, under it, as ``print_reasons`` gives it (``--explain``)."""
    from rich.markup import escape

    ref = reference_text(reason, lang)
    if ref:
        con.print(f"  [dim]↳ {escape(ref)}[/]")


# ------------------------------------------------------------------------------------ CSV / detail rows
# The columns are a contract (spec/cli.md: a column is only ever added after the others). The first layout
# (bbc1bc6) gave a column to each scalar basis field that occurs, in the order the lines show them first,
# then the line's own fields: those basis fields keep that place and order. A basis field added since goes
# after the line's fields, in the fixed order of ADDED_BASIS_KEYS (a new one is appended to it), and one
# not listed there after them all: a new field never moves a column of an older one.
FIRST_BASIS_KEYS = frozenset((
    "category", "occupation_year", "occupation_year_start", "occupation_year_end", "start", "end", "window_start",
    "window_end", "days", "year_days", "fte_months", "fte_days", "fte", "wage_cost", "wage_cost_share",
    "half_wage_cost", "cap_full_time", "window_months", "cap", "partial_amount", "agrement_year",
    "agrement_year_start", "agrement_year_end", "target_workers", "tranches", "bracket_min", "rate", "index_factor",
    "accompanier_fte", "max_accompanier_fte", "accompanier_wage_cost", "operating_costs_share", "ceiling",
    "amount_if_condition_met"))
LINE_FIELDS = ("amount", "claimable", "confidence", "reference", "url", "notes")
ADDED_BASIS_KEYS = (
    "known_wage_cost", "known_wage_cost_months", "wage_cost_months", "net_increase", "headcount_fte_on_hire",
    "headcount_fte_average_before", "rehire_of", "first_hire_date", "target_workers_start", "target_workers_end",
    "provisional", "bracket_min_by_target_workers", "accompanier_fte_year", "min_accompanier_fte", "ceiling_start",
    "ceiling_end", "ceiling_wage_cost", "ceiling_total", "accompanier_fte_days", "ceiling_fte_days",
    "days_by_tranches", "accompanier_post_fte", "accompanier_post_days", "continues", "post_days",
    "joint_complement")
# Basis fields that are lists, given a column all the same as the table's text of them: a Brussels 2004 line
# whose tranche count changes within it has `tranches` and `rate` blank (no single one), and the CSV could
# not explain its amount — « 31 jours à 0 tranche (31 000,00 €/an), 335 jours à 1 tranche (46 500,00 €/an) »
# (blank when the count is one), in the long words of the documents (the terminal table's « 31 j. à … » is short).
TEXT_BASIS_KEYS = {"days_by_tranches": lambda basis, lang: tranche_days_text(basis, lang, long=True),
                   # The person's earlier contracts a line's contract continues without a gap: « W3a, W3b ».
                   "continues": lambda basis, lang: ", ".join(basis["continues"]) if basis.get("continues") else None}


def _scalar_keys(result: SubsidyResult) -> list[str]:
    """Every scalar basis field of the lines (and those of ``TEXT_BASIS_KEYS``), in the order the lines show
    them first."""
    keys: list[str] = []
    for line in result.lines:
        for k, v in line.basis.items():
            if k not in keys and (k in TEXT_BASIS_KEYS or not isinstance(v, (list, dict))):
                keys.append(k)
    return keys


def _basis_cell(basis: dict, key: str, lang: str):
    """A basis field as its column holds it: as it is, or the text of a list (``TEXT_BASIS_KEYS``)."""
    return TEXT_BASIS_KEYS[key](basis, lang) if key in TEXT_BASIS_KEYS else basis.get(key)


def detail_rows(result: SubsidyResult, enterprise: Enterprise, opts: RunOptions) -> tuple[list[str], list[list]]:
    """One row per line; every scalar basis field is a column (CSV and the « Détail » sheet), in the order
    that only appends (``FIRST_BASIS_KEYS``, the line's fields, ``ADDED_BASIS_KEYS``, any other)."""
    keys = _scalar_keys(result)
    first = [k for k in keys if k in FIRST_BASIS_KEYS]
    added = [k for k in ADDED_BASIS_KEYS if k in keys]
    later = [k for k in keys if k not in FIRST_BASIS_KEYS and k not in ADDED_BASIS_KEYS]
    header = (["subsidy", "label", "worker_id"] + (["name"] if opts.names else []) + first + list(LINE_FIELDS)
              + added + later)
    rows = []
    for line in result.lines:
        row = [line.subsidy, subsidy_label(line.subsidy, opts.lang), line.worker_id]
        if opts.names:
            row.append(enterprise.workers_by_id[line.worker_id].display_name() if line.worker_id else None)
        row += [_basis_cell(line.basis, k, opts.lang) for k in first]
        row += [line.amount, line.claimable, line.confidence, line.reference, line.url,
                " | ".join(n.get(opts.lang) for n in line.notes)]
        row += [_basis_cell(line.basis, k, opts.lang) for k in added + later]
        rows.append(row)
    return header, rows


def subsidy_csv(result: SubsidyResult, enterprise: Enterprise, opts: RunOptions) -> tuple[list[str], list[list]]:
    return detail_rows(result, enterprise, opts)


# ------------------------------------------------------------------------------------ claim workbook
def _cell(v, lang: str):
    if v is None or isinstance(v, (bool, int, float, date)):
        return v
    if isinstance(v, Decimal):
        return float(v)
    return xlsx_cell(jsonable(v, lang) if not isinstance(v, str) else v)


def produced_text(lang: str) -> str:
    """« ei 0.1.0 le 30 novembre 2026 », as the documents say it (« Document produit par ei … le … »)."""
    from ei_cli import __version__
    from ei_cli.documents import fmt_date

    today = periods.today()
    return t(f"ei {__version__} le {fmt_date(today)}", f"ei {__version__} on {today.isoformat()}").get(lang)


def data_text(result: SubsidyResult, enterprise: Enterprise, lang: str) -> str:
    """How far the payroll the claim rests on goes (``pay_known_text``), « provisoire » first when the claim is
    not complete for a year in progress (``data_horizon``): the later months are to come; with a payroll behind
    by more than its usual lag (not ``payroll_current``), computed up to the last month over (``horizon_text``)
    and the months up to it are missing, not to come — the line says so, as the claim's own entries do; a claim
    beginning after that month has none missing, only months to come. A payroll entered ahead is computed up
    to the current month (``paid_to``): the later months are not begun, whatever their Paie rows. A claim not
    begun yet (``not_begun``: ``--year 2027`` on 2026-11-30) says so, as the other outputs do (``not_begun_text``),
    never « année en cours »: none of its months is here yet."""
    claimed = result.claim_period or result.period
    horizon = data_horizon(enterprise, claimed)
    known = pay_known_text(enterprise)
    if result.complete or horizon is None:
        return known.get(lang)
    if not_begun(claimed):
        begun = not_begun_text()
        return t(f"provisoire : {begun.fr} ; {known.fr} ; ses mois se calculent avec leur paie une fois venus",
                 f"provisional: {begun.en}; {known.en}; its months are computed with their payroll once they have "
                 "come").get(lang)
    if entered_ahead(enterprise):
        # Computed to the current month (``paid_to``), the later months not begun.
        said = horizon_text(enterprise, horizon)
        return t(f"provisoire : calculée jusqu'au {said.fr} ; les mois suivants, pas encore commencés, se "
                 "calculent avec leur paie une fois venus",
                 f"provisional: computed to {said.en}; the later months, not begun yet, are computed with their "
                 "payroll once they have come").get(lang)
    if payroll_current(enterprise) or horizon < claimed.start:
        return t(f"provisoire : {known.fr} ; année en cours, les mois suivants se calculent avec leur paie",
                 f"provisional: {known.en}; year in progress, the later months are computed with their "
                 "payroll").get(lang)
    said = horizon_text(enterprise, horizon)
    return t(f"provisoire : calculée jusqu'au {said.fr} ; les mois de paie manquants jusqu'à cette date sont à "
             "compléter, les suivants se calculent avec leur paie",
             f"provisional: computed to {said.en}; the payroll months missing up to that day are to be filled in, "
             "the later ones are computed with their payroll").get(lang)


def write_claim_workbook(path: Path, result: SubsidyResult, enterprise: Enterprise, regime: Regime,
                         opts: RunOptions, problems: Iterable[Problem] = ()) -> None:
    """The claim workbook an accountant can audit, written atomically (0600); ``problems``: the run's warnings."""

    def writer(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        lang, en = opts.lang, opts.lang == "en"
        bold = Font(bold=True)
        wrapped = Alignment(wrap_text=True, vertical="top")
        wb = Workbook()
        ws = wb.active
        ws.title = "Synthèse" if not en else "Summary"
        rows = [
            ("Entreprise" if not en else "Enterprise", enterprise.name),
            ("Numéro d'entreprise (BCE)" if not en else "Enterprise number (BCE)", enterprise.enterprise_number or "—"),
            ("Région" if not en else "Region", str(enterprise.region)),
            ("Date d'agrément" if not en else "Agrément date", enterprise.agrement_date),
            ("Régime" if not en else "Regime", f"{regime.id} — {regime.title}"),
            ("Année" if not en else "Year", result.year),
            ("Période réclamée" if not en else "Claim period",
             f"{result.claim_period.start.isoformat()} → {result.claim_period.end.isoformat()}"
             if result.claim_period else "—"),
            ("Complet" if not en else "Complete", "oui" if result.complete and not en else
             ("yes" if result.complete else ("non" if not en else "no"))),
            # Added after the rows of before: what produced the claim and when, how far its data go (a year in
            # progress is provisional), and the days the regime applied is in force.
            ("Document produit par" if not en else "Produced by", produced_text(lang)),
            ("Données" if not en else "Data", data_text(result, enterprise, lang)),
            ("Validité du régime" if not en else "Regime validity",
             t(f"en vigueur {regime.validity_text('fr')} (vérifié le {regime.last_checked.isoformat()})",
               f"in force {regime.validity_text('en')} (last checked {regime.last_checked.isoformat()})").get(lang)),
        ]
        for label, value in rows:
            ws.append([label, _cell(value, lang)])
            ws.cell(ws.max_row, 1).font = bold
        ws.cell(4, 2).number_format = "yyyy-mm-dd"
        ws.append([])
        ws.append(["Aide" if not en else "Subsidy", "Identifiant" if not en else "Id",
                   "Montant" if not en else "Amount"])
        for c in range(1, 4):
            ws.cell(ws.max_row, c).font = bold
        for subsidy, amount in result.totals.items():
            ws.append([subsidy_label(subsidy, lang), subsidy, float(amount)])
            ws.cell(ws.max_row, 3).number_format = EURO_FORMAT
        ws.append(["Total", "total", float(result.total)])
        ws.cell(ws.max_row, 1).font = bold
        ws.cell(ws.max_row, 3).font = bold
        ws.cell(ws.max_row, 3).number_format = EURO_FORMAT
        ws.append([])
        # Lines computed but not claimable as they are: out of the total, said here with their amount and
        # why (the Détail sheet has them too, its « claimable » column false), so that no sum of amounts
        # is taken for the claim. Every one, as the table lists them: one of 0 € or not computed (« ? ») too —
        # a SIEG line at 0 € whose bracket an unknown status may raise is money the claim may be missing.
        set_aside = [line for line in result.lines if not line.claimable]
        if set_aside:
            # The line's year and days after the columns of before (only ever added): a worker's two
            # occupation years, or the two parts of an agrément year, are two rows that must not read alike.
            # A condition not met zeroes the lines: the amount each would have (``amount_if_condition_met``).
            if_met = any("amount_if_condition_met" in line.basis for line in set_aside)
            ws.append(["Non réclamable en l'état (hors total)" if not en else "Not claimable as is (not in the total)",
                       "Travailleur" if not en else "Worker", "Montant" if not en else "Amount",
                       "Pourquoi" if not en else "Why", "Période" if not en else "Period"]
                      + ([t("Montant si la condition était remplie", "Amount if the condition were met").get(lang)]
                         if if_met else []))
            for c in range(1, 7 if if_met else 6):
                ws.cell(ws.max_row, c).font = bold
            for line in set_aside:
                why = " ".join(n.get(lang) for n in line.notes) or "—"
                known = line.amount is not None   # a figure to format as money, or the table's « ? » text
                b = line.basis
                ws.append([subsidy_label(line.subsidy, lang), _cell(line.worker_id or "—", lang),
                           float(line.amount) if known else _cell(amount_text(line, lang), lang), _cell(why, lang),
                           f"{_year_text(line, lang)} · {b['start'].isoformat()} → {b['end'].isoformat()}"]
                          + ([_cell(b.get("amount_if_condition_met"), lang)] if if_met else []))
                if known:
                    ws.cell(ws.max_row, 3).number_format = EURO_FORMAT
                if if_met:
                    ws.cell(ws.max_row, 6).number_format = EURO_FORMAT
                ws.cell(ws.max_row, 4).alignment = wrapped
            ws.append([])
        if result.de_minimis:
            ws.append(["De minimis SIEG", _cell(result.de_minimis["note"].get(lang), lang)])
        for c in result.conditions:
            # Its verdict beside it: a condition failed and one undetermined read alike from the summary alone.
            ws.append(["Condition", _cell(c.summary.get(lang), lang), CONDITION_VERDICT[c.met].get(lang)])
            ws.cell(ws.max_row, 3).font = bold
        for u in result.unknown:
            who = _unknown_who(u, lang)
            line = _line_of_unknown(result, u)   # its line's partial amount, when some months are computed
            ws.append(["Indéterminé" if not en else "Unknown",
                       _cell(f"{subsidy_label(u.subsidy, lang)}{who}{' :' if not en else ':'} {u.reason.get(lang)}", lang)]
                      + ([_cell(amount_text(line, lang), lang)] if line is not None else []))
        for n in result.notes:
            ws.append(["Note", _cell(n.get(lang), lang)])
        # The run's problems (cli.md: the JSON's `problems`), as the terminal warns of them: a regime applied
        # outside its validity, a cell read with doubt… Their messages name cells and worker ids, never a
        # person's data (``Problem``).
        for p in problems:
            ws.append([t("Avertissement", "Warning").get(lang) if not p.is_error else t("Erreur", "Error").get(lang),
                       _cell(p.message.get(lang), lang)])
        _print_setup(ws, "1:1")   # the enterprise's name on every page
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 60
        ws.column_dimensions["C"].width = 16
        ws.column_dimensions["D"].width = 60
        ws.column_dimensions["E"].width = 36
        ws.column_dimensions["F"].width = 20

        detail = wb.create_sheet("Détail" if not en else "Detail")
        header, data = detail_rows(result, enterprise, opts)
        detail.append(header)
        for row in data:
            detail.append([_cell(v, lang) for v in row])
        _finish_sheet(detail, header, get_column_letter, bold)

        # Added last (a column is only ever added): the line is rounded once and its last month carries the
        # remainder (``rules.subsidy._months_add_up``), so that month's amount is not min(half, cap) to the cent
        # — said, not left for a clerk to take for an error. Then the line's `claimable`, as « Détail » gives
        # it: a re-hire's months, or the known months of a line whose amount is unknown, are computed but out
        # of the total, and the column `amount` summed over every row exceeded the Synthèse's.
        months_header = ["subsidy", "worker_id", "occupation_year", "month", "etp", "days", "wage_cost",
                         "half_wage_cost", "cap", "amount", "capped", "rounding_adjustment", "claimable",
                         "joint_complement", "person_half_wage_cost", "person_cap", "beside_amount"]
        month_rows = [[line.subsidy, line.worker_id, line.basis.get("occupation_year"), str(m["month"]), m["etp"],
                       m["days"], m.get("wage_cost"), m.get("half_wage_cost"), m.get("cap"), m.get("amount"),
                       m.get("capped"), _rounding_adjustment(m), line.claimable, m.get("joint_complement"),
                       m.get("person_half_wage_cost"), m.get("person_cap"), m.get("beside_amount")]
                      for line in result.lines for m in line.basis.get("months", ())]
        if month_rows:
            months = wb.create_sheet("Mois" if not en else "Months")
            months.append(months_header)
            for row in month_rows:
                months.append([_cell(v, lang) for v in row])
            _finish_sheet(months, months_header, get_column_letter, bold)
        mark_own_workbook(wb, "claim")  # ``ei batch`` on a folder holding it leaves it out
        wb.save(tmp)

    write_with(path, writer)


def _rounding_adjustment(month: dict) -> Decimal | None:
    """What the month's amount holds beyond min(half the wage cost, cap), both to the cent, and beyond what the
    person's other contracts leave it (``joint_complement``, ``rules.subsidy._joint_month``): the line's
    rounding remainder on its last month, 0 on the others; None for a month without an amount (wage cost
    unknown)."""
    if month.get("amount") is None or month.get("half_wage_cost") is None or month.get("cap") is None:
        return None
    return month["amount"] - min(month["half_wage_cost"], month["cap"]) - month.get("joint_complement", 0)


def _finish_sheet(ws, header: list[str], get_column_letter, bold) -> None:
    for c, name in enumerate(header, start=1):
        ws.cell(1, c).font = bold
        if name in MONEY_FIELDS:
            for r in range(2, ws.max_row + 1):
                ws.cell(r, c).number_format = EURO_FORMAT
        elif name in {"start", "end", "window_start", "window_end", "occupation_year_start", "occupation_year_end",
                      "agrement_year_start", "agrement_year_end"}:
            for r in range(2, ws.max_row + 1):
                ws.cell(r, c).number_format = "yyyy-mm-dd"
    fit_columns(ws)   # on the values as formatted above
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(ws.max_row, 1)}"
    _print_setup(ws, "1:1")   # the header row on every page


def _print_setup(ws, title_rows: str) -> None:
    """Printed as a clerk files it: A4 landscape, every column on the page's width (as many pages down as
    needed), ``title_rows`` repeated at the top of each page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows


def _unknown_who(unknown, lang: str) -> str:
    """« (travailleur 2) » after the label of a subsidy not computed (``worker_text``: not « (2) »), nothing for an
    enterprise's: the terminal and the claim workbook say it alike, as the documents do (``documents._subsidy_view``)."""
    return f" ({worker_text(unknown.worker_id).get(lang)})" if unknown.worker_id else ""


def _line_of_unknown(result: SubsidyResult, unknown) -> SubsidyLine | None:
    """The line not computed that an ``unknown`` entry speaks of, when part of it is (``basis.partial_amount``,
    some months' wage cost known): the same subsidy, worker and first day (``UnknownSubsidy.line_start``) — a
    key the data carries, which neither ``--lang`` nor a note reworded can unpair."""
    if unknown.line_start is None:
        return None
    key = (unknown.subsidy, unknown.worker_id, unknown.line_start)
    for line in result.lines:
        if (line.subsidy, line.worker_id, line.basis.get("start")) == key and line.amount is None \
                and line.basis.get("known_wage_cost_months") and line.basis.get("partial_amount") is not None:
            return line
    return None


__all__ = ["subsidy_table", "subsidy_csv", "document_fields", "write_claim_workbook", "CONFIDENCES"]
