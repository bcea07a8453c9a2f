"""Output of ``ei check-eligibility``: JSON fields, the French table (with ``--explain``), CSV rows.

Personal data: workers are shown by ``worker_id``; names and the values behind each criterion (age,
months without work, diploma, yes/no columns) only with ``--names`` (cli.md). Without it, each
criterion shows its verdict and its legal reference only, and the sensitive criteria (T4, T6, T7,
B3/B4) show their reference alone; when the status rests on one of them, « critère protégé » says so
(``WorkerEligibility.rests_on_protected``). T6 (``minorite_ethnique``, « never printed back » in
workbook.md) stays so with ``--names`` too (``rests_on_hidden``).
"""

from __future__ import annotations

from ei_cli.i18n import Text, t
from ei_cli.model import Enterprise
from ei_cli.output import RunOptions
from ei_cli.render import reason_text, reference_text
from ei_cli.regimes import Regime
from ei_cli.rules.common import worker_text
from ei_cli.rules.eligibility import Category, WorkerEligibility

CATEGORY_TEXT = {
    Category.TGD: t("TGD", "TGD"),
    Category.TD: t("TD", "TD"),
    Category.TARGET: t("public cible", "target public"),
    Category.NOT_TARGET: t("hors public cible", "not target public"),
    Category.UNKNOWN: t("indéterminé", "unknown"),
}
TARGET_TEXT = {True: t("oui", "yes"), False: t("non", "no"), None: t("?", "?")}
PROTECTED = t("critère protégé", "protected criterion")
_STYLE = {True: "green", False: "", None: "yellow"}

ASSESSMENT_NOTE = t(
    "Statut évalué à l'embauche : le jour de date_premier_engagement_ei, sinon de date_entree (lecture arrêtée "
    "par le projet ei pour tous les régimes) ; âge et mois comptés ce jour-là.",
    "Status assessed at hire: on date_premier_engagement_ei, else date_entree (the reading the ei project adopts "
    "for every regime); age and months counted on that day.")


def worker_dicts(rows: list[WorkerEligibility], enterprise: Enterprise, opts: RunOptions) -> list[dict]:
    """``workers[]`` of the JSON document (cli.md), with ``name`` only under ``--names``."""
    out = []
    for w in rows:
        d = w.to_dict(opts.lang, opts.names)
        if opts.names:
            d = {"worker_id": w.worker_id, "name": enterprise.workers_by_id[w.worker_id].display_name(), **d}
        out.append(d)
    return out


def eligibility_table(con, rows: list[WorkerEligibility], enterprise: Enterprise, regime: Regime,
                      summary: Text, heading: Text, opts: RunOptions) -> None:
    from rich.markup import escape
    from rich.table import Table

    lang, en = opts.lang, opts.lang == "en"
    con.print(f"[bold]{escape(enterprise.name)}[/] — {'regime' if en else 'régime'} {regime.id}")
    con.print(escape(heading.get(lang)))
    table = Table(show_lines=False)
    table.add_column("Worker" if en else "Travailleur", no_wrap=True)
    if opts.names:
        table.add_column("Name" if en else "Nom")
    table.add_column("Category" if en else "Catégorie")
    table.add_column("Target public" if en else "Public\ncible", justify="center")
    table.add_column("Criteria met" if en else "Critères\nremplis")
    table.add_column("Missing data" if en else "Données manquantes", ratio=1, overflow="fold")
    for w in rows:
        cells = [w.worker_id]
        if opts.names:
            cells.append(escape(enterprise.workers_by_id[w.worker_id].display_name()))
        style = _STYLE[w.target_public]
        target = TARGET_TEXT[w.target_public].get(lang)
        cells += [CATEGORY_TEXT[w.category].get(lang), f"[{style}]{target}[/]" if style else target,
                  escape(_criteria_met(w, opts.names, lang)), ", ".join(w.missing) or "—"]
        table.add_row(*cells)
    con.print(table)
    con.print(escape(summary.get(lang)))
    con.print(f"[dim]{escape(ASSESSMENT_NOTE.get(lang))}[/]")
    if not opts.explain:
        if not opts.names:
            con.print("[dim]" + escape(t("--explain : raisons et références légales ; --names : noms et valeurs.",
                                           "--explain: reasons and legal references; --names: names and values.")
                                         .get(lang)) + "[/]")
        return
    for w in rows:
        con.print()
        who = worker_text(w.worker_id, capital=True).get(lang) + (
            f" ({enterprise.workers_by_id[w.worker_id].display_name()})" if opts.names else "")
        con.print(f"[bold]{escape(who)}[/] — {escape(CATEGORY_TEXT[w.category].get(lang))}")
        for reason in w.reasons_for(opts.names):
            con.print(f"  • {escape(reason.text.get(lang))}")
            ref = reference_text(reason, lang)
            if ref:
                con.print(f"    [dim]↳ {escape(ref)}[/]")


def _criteria_met(w: WorkerEligibility, names: bool, lang: str) -> str:
    """« M1, M2 » — and « + critère protégé » when the status rests on a criterion hidden (without --names, or
    never printed back)."""
    shown = ", ".join(w.criteria_ids(True, names))
    if not w.rests_on_hidden(names):
        return shown or "—"
    return f"{shown} + {PROTECTED.get(lang)}" if shown else PROTECTED.get(lang)


def eligibility_csv(rows: list[WorkerEligibility], enterprise: Enterprise, opts: RunOptions
                    ) -> tuple[list[str], list[list]]:
    """One row per worker; lists are space-separated; ``reasons`` only with ``--explain``."""
    header = ["worker_id"] + (["name"] if opts.names else []) + [
        "category", "target_public", "assessed_on", "criteria_met", "criteria_not_met", "criteria_unknown", "missing",
        "protected_criterion_met"]
    if opts.explain:
        header.append("reasons")
    out = []
    for w in rows:
        row = [w.worker_id] + ([enterprise.workers_by_id[w.worker_id].display_name()] if opts.names else [])
        row += [str(w.category), w.target_public, w.assessed_on, " ".join(w.criteria_ids(True, opts.names)),
                " ".join(w.criteria_ids(False, opts.names)), " ".join(w.criteria_ids(None, opts.names)),
                " ".join(w.missing), w.rests_on_protected]
        if opts.explain:
            row.append(" | ".join(reason_text(r, opts.lang) for r in w.reasons_for(opts.names)))
        out.append(row)
    return header, out
