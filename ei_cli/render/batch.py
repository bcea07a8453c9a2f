"""Terminal summary of ``ei batch``: one line per workbook, then the counts."""

from __future__ import annotations

from decimal import Decimal

from ei_cli.batch import SUMMARY_JSON, SUMMARY_XLSX, IN_ERROR, BatchRequest, FileOutcome, nothing_applies_to
from ei_cli.i18n import plural
from ei_cli.render import verdict_markup
from ei_cli.rules.common import euro_text, share_text
from ei_cli.rules.wages import ratio_text


def _figure(x: float | None, text, lang: str) -> str:
    """A summary figure (a float of the JSON) shown as the checks show it; "—" when there is none."""
    return "—" if x is None else text(Decimal(str(x)), lang)


def summary_table(con, outcomes: list[FileOutcome], totals: dict, request: BatchRequest, lang: str = "fr",
                  same_enterprise: list[dict] = ()) -> None:
    """The terminal summary: one line per workbook, then the counts (rich imported here only), and under the
    subsidy total the workbooks that are one enterprise (``batch.same_enterprise``: the total counts it once per
    file)."""
    from rich.markup import escape
    from rich.table import Table

    def tr(fr: str, en: str) -> str:
        return en if lang == "en" else fr

    table = Table(title=tr(f"ei batch — période {request.period.start} – {request.period.end}",
                           f"ei batch — period {request.period.start} – {request.period.end}"))
    # (header, justify, cell of an outcome, may wrap); the regime and the problems count go on narrow
    # terminals. A figure (and the regime id) stays on one line, the other columns take the lines; on a
    # terminal too narrow for that, the console refits the table (``terminal.fitted``).
    wide = con.width >= 110

    def verdict(o: FileOutcome) -> str:
        if not o.readable:
            return f"[bold red]{IN_ERROR.get(lang)}[/]"
        return verdict_markup(o.compliant, lang, applicable=not nothing_applies_to(o))

    columns = [(tr("Fichier", "File"), "left", lambda o: escape(o.file), True),
               (tr("Entreprise", "Enterprise"), "left", lambda o: escape(o.enterprise or "—"), True),
               (tr("Régime", "Regime"), "left", lambda o: o.regime or "—", False) if wide else None,
               (tr("Verdict", "Verdict"), "left", verdict, True),
               (tr("Public\ncible", "Target\nshare"), "right", lambda o: _figure(o.quota_share, share_text, lang),
                False),
               (tr("Tension", "Wage\nratio"), "right", lambda o: _figure(o.wage_ratio, ratio_text, lang), False),
               (tr("Subventions", "Subsidies"), "right",
                lambda o: _figure(o.total_subsidy, euro_text, lang) + (" (?)" if o.subsidy_complete is False else ""),
                False),
               (tr("Problèmes", "Problems"), "right", lambda o: str(len(o.problems)), False) if wide else None]
    columns = [c for c in columns if c is not None]
    for header, justify, _, wraps in columns:
        table.add_column(header, justify=justify, overflow="fold", no_wrap=not wraps, min_width=8 if wraps else None)
    for o in outcomes:
        table.add_row(*[cell(o) for _, _, cell, _ in columns])
    con.print(table)
    # The JSON's ``unknown`` holds the « non applicable » files; the rows call them « non applicable », so
    # the line counts them there alone: its counts add up to the files, none counted twice.
    not_applicable = totals.get("not_applicable", 0)
    unknown = totals["unknown"] - not_applicable
    counts = [plural(totals["compliant"], "conforme", "compliant", en_plural="compliant"),
              plural(totals["not_compliant"], "non conforme", "not compliant", en_plural="not compliant"),
              plural(unknown, "indéterminé", "unknown", en_plural="unknown")]
    if not_applicable:
        counts.append(plural(not_applicable, "non applicable", "not applicable", en_plural="not applicable"))
    counts.append(plural(totals["unreadable"], IN_ERROR.fr, IN_ERROR.en, IN_ERROR.fr, IN_ERROR.en))
    files = plural(totals["files"], "classeur", "workbook")
    con.print(tr(
        f"{files.fr} : {', '.join(c.fr for c in counts)}. "
        f"Subventions {request.subsidy_year} : {_figure(totals['total_subsidy'], euro_text, lang)}.",
        f"{files.en}: {', '.join(c.en for c in counts)}. "
        f"Subsidies {request.subsidy_year}: {_figure(totals['total_subsidy'], euro_text, lang)}."))
    for group in same_enterprise:
        con.print(tr("Attention : ", "Warning: ") + group["message"].get(lang), markup=False)
    if any(o.subsidy_complete is False for o in outcomes):
        con.print(tr("(?) : une partie des subventions n'a pas pu être calculée ou n'est pas réclamable en l'état "
                     "(voir « unknown » et les lignes « claimable » à false dans le JSON).",
                     "(?): some subsidies could not be computed or are not claimable as is (see “unknown” and "
                     "the lines with “claimable” false in the JSON)."))
    _explain(con, outcomes, lang)
    if request.out_dir is not None:
        con.print(tr(f"Résultats dans {request.out_dir}/ (un JSON par classeur, {SUMMARY_JSON}, {SUMMARY_XLSX}).",
                     f"Results in {request.out_dir}/ (one JSON per workbook, {SUMMARY_JSON}, {SUMMARY_XLSX})."),
                  markup=False)


def _explain(con, outcomes: list[FileOutcome], lang: str) -> None:
    """--explain: for each workbook, every check not compliant or unknown, its key figure, its reasons with
    their legal references (as ``ei check --explain``), and what to fix."""
    from rich.markup import escape

    from ei_cli.i18n import t
    from ei_cli.render import print_reasons
    from ei_cli.render.checks import CHECK_LABELS

    colon = ":" if lang == "en" else " :"
    for o in outcomes:
        for r in o.explained:
            con.print()
            label = CHECK_LABELS.get(r.name, t(r.name, r.name)).get(lang)
            con.print(f"[bold]{escape(o.file)}[/] — {escape(label)} — {verdict_markup(r.compliant, lang)}{colon} "
                      f"{escape(r.summary.get(lang))}")
            print_reasons(con, r.reasons, lang)
            for fix in r.to_fix:
                con.print(f"  → {escape(fix.get(lang))}")
