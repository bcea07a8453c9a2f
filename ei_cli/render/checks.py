"""Output of ``ei check``: one dashboard line per check (French table), ``checks[]`` JSON, CSV rows."""

from __future__ import annotations

from ei_cli.i18n import others, t
from ei_cli.model import Enterprise
from ei_cli.output import RunOptions
from ei_cli.periods import Period
from ei_cli.regimes import Regime
from ei_cli.render import print_reasons, reason_text, verdict_markup
from ei_cli.rules.common import CheckResult

CHECK_LABELS = {
    "eligibility": t("Public cible", "Target public"),
    "quota": t("Quota", "Quota"),
    "wages": t("Tension salariale", "Wage tension"),
    "employment": t("Conditions d'emploi", "Employment conditions"),
    "enterprise": t("Entreprise", "Enterprise"),
    "follow_up": t("Suivi social", "Social follow-up"),
}
MAX_FIX_LINES = 3


def check_dicts(results: list[CheckResult], opts: RunOptions) -> list[dict]:
    """``checks[]`` of the JSON document: name, compliant, summary, reasons[], to_fix[] + details."""
    return [r.to_dict(opts.lang) for r in results]


def _fix_cell(result: CheckResult, lang: str, full: bool) -> str:
    lines = [x.get(lang) for x in result.to_fix]
    if not full and len(lines) > MAX_FIX_LINES:
        rest = len(lines) - MAX_FIX_LINES
        more = others(rest)
        lines = lines[:MAX_FIX_LINES] + [t(f"… et {more.fr} (--explain)", f"… and {more.en} (--explain)").get(lang)]
    return "\n".join(lines) or "—"


def checks_table(con, results: list[CheckResult], overall: bool | None, enterprise: Enterprise, regime: Regime,
                 period: Period, opts: RunOptions) -> None:
    from rich.markup import escape
    from rich.table import Table

    lang, en = opts.lang, opts.lang == "en"
    con.print(f"[bold]{escape(enterprise.name)}[/] — {'regime' if en else 'régime'} {regime.id} — "
              f"{period.start.isoformat()} → {period.end.isoformat()}")
    table = Table(show_lines=True, expand=True)
    table.add_column("Check" if en else "Contrôle", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Key figure" if en else "Chiffre clé", ratio=3, overflow="fold")
    table.add_column("To fix" if en else "À corriger", ratio=2, overflow="fold")
    for r in results:
        table.add_row(escape(CHECK_LABELS.get(r.name, t(r.name, r.name)).get(lang)),
                      verdict_markup(r.compliant, lang, applicable=r.applicable), escape(r.summary.get(lang)),
                      escape(_fix_cell(r, lang, opts.explain)))
    con.print(table)
    from ei_cli.rules.dashboard import applies as any_applies

    applies = any_applies(results)
    con.print(f"{'Overall' if en else 'Verdict global'}{':' if en else ' :'} "
              f"{verdict_markup(overall, lang, applicable=applies)}")
    if overall is None and applies:
        con.print("[dim]" + escape(t("Un contrôle indéterminé ne rend pas l'ensemble non conforme (sauf --strict).",
                                     "An unknown check does not make the whole not compliant (unless --strict).")
                                   .get(lang)) + "[/]")
    if not opts.explain:
        con.print("[dim]" + escape(t("--explain : raisons et références légales de chaque contrôle.",
                                     "--explain: reasons and legal references of each check.").get(lang)) + "[/]")
        return
    for r in results:
        con.print()
        con.print(f"[bold]{escape(CHECK_LABELS.get(r.name, t(r.name, r.name)).get(lang))}[/] — "
                  f"{verdict_markup(r.compliant, lang, applicable=r.applicable)}")
        print_reasons(con, r.reasons, lang)


def checks_csv(results: list[CheckResult], opts: RunOptions) -> tuple[list[str], list[list]]:
    """One row per check; ``reasons`` (with their references) only with ``--explain``; ``applicable`` last
    (added: false for a check no obligation of which applies, whose empty ``compliant`` is no « unknown »)."""
    header = ["name", "compliant", "summary", "to_fix"] + (["reasons"] if opts.explain else []) + ["applicable"]
    rows = []
    for r in results:
        row = [r.name, r.compliant, r.summary.get(opts.lang), " | ".join(x.get(opts.lang) for x in r.to_fix)]
        if opts.explain:
            row.append(" | ".join(reason_text(x, opts.lang) for x in r.reasons))
        row.append(r.applicable)
        rows.append(row)
    return header, rows
