"""Output of ``ei check-quota``: the French table (month by month, verdict per agrément year), CSV rows.

The JSON document is the rule result's ``to_dict`` (cli.md); this module only draws and flattens it.
"""

from __future__ import annotations

from ei_cli.output import RunOptions
from ei_cli.render import verdict_markup, print_reasons
from ei_cli.rules.common import denoised, number_text, share_text
from ei_cli.rules.quota import MonthQuota, QuotaForecast, QuotaResult, YearQuota, judged_share_text

_JUDGED = {"month_12": ("valeur ponctuelle à la fin du 12e mois", "point value at the end of month 12"), "average": ("moyenne annuelle", "annual average"),
           "every_month": ("chaque mois", "every month"),
           "average_minimums": ("minimums en moyenne annuelle", "minimums as an annual average")}


def _months_table(months: tuple[MonthQuota, ...], en: bool, title: str, supervision: bool):
    from rich.table import Table

    lang = "en" if en else "fr"
    table = Table(title=title, title_justify="left")
    for fr, eng, just in (("Mois", "Month", "left"), ("ETP cible", "Target FTE", "right"),
                          ("ETP total", "Total FTE", "right"), ("Part", "Share", "right"),
                          ("Exigé", "Required", "right")):
        table.add_column(eng if en else fr, justify=just, no_wrap=True)
    if supervision:
        table.add_column("ETP encadr." if not en else "Superv. FTE", justify="right")
    art60 = any(m.art60_fte for m in months)  # art. 60 §7 workers, outside the quota (Q11)
    if art60:
        table.add_column("Art. 60", justify="right")
    table.add_column("ETP indét." if not en else "Unknown FTE", justify="right")
    table.add_column("Note", no_wrap=True)
    for m in months:
        notes = []
        if m.outside_period:  # month by month: a month of the year outside the period evaluated, for information
            notes.append("hors période, non jugé" if not en else "outside the period, not judged")
        elif not m.judged:
            notes.append("non jugé" if not en else "not judged")
        if m.projected:
            notes.append("projeté" if not en else "projected")
        if m.partial:
            # A month shared with the neighbouring agrément year: the row is the whole month, the year counts its part.
            notes.append(f"{m.days_in_year}/{m.month.days} j. dans l'année : {number_text(m.year_target_fte, lang)} / "
                         f"{number_text(m.year_total_fte, lang)}" if not en else
                         f"{m.days_in_year}/{m.month.days} days in the year: {number_text(m.year_target_fte, lang)} / "
                         f"{number_text(m.year_total_fte, lang)}")
        low = m.judged and m.required_share is not None and m.share is not None and denoised(m.share) < m.required_share
        share = share_text(m.share, lang)
        cells = [str(m.month), number_text(m.target_fte, lang), number_text(m.total_fte, lang), f"[red]{share}[/]" if low else share,
                 share_text(m.required_share, lang) if m.required_share is not None else "—"]
        if supervision:
            cells.append(number_text(m.supervision_fte, lang))
        if art60:
            cells.append(number_text(m.art60_fte, lang) if m.art60_fte else "—")
        cells += [number_text(m.unknown_fte, lang) if m.unknown_fte else "—", ", ".join(notes)]
        table.add_row(*cells)
    return table


def _year_block(con, y: YearQuota, opts: RunOptions, title: str) -> None:
    from rich.markup import escape

    en = opts.lang == "en"
    con.print(_months_table(y.months, en, title, "supervision_fte" in y.extra))
    judged = _JUDGED[y.judged_on][1 if en else 0]
    con.print(f"{verdict_markup(y.compliant, opts.lang, upper=True)} — {escape(y.summary.get(opts.lang))}")
    parts = [f"{'judged on:' if en else 'jugé sur :'} {judged}", *_judged_figures(y, en, opts.lang)]
    con.print(escape(" · ".join(parts)))
    if opts.explain:
        print_reasons(con, y.reasons, opts.lang)
    con.print()


def _judged_figures(y: YearQuota, en: bool, lang: str) -> list[str]:
    parts = []
    if y.required_share is not None:
        parts.append(f"{'required share' if en else 'part exigée'} {share_text(y.required_share, lang)}")
    if y.judged_on == "every_month":
        # Each month is judged: the lowest judged month, not the year's average (months not judged included).
        parts.append(judged_share_text(y, lang))
        average = "year average (information)" if en else "moyenne de l'année (information)"
        parts.append(f"{average} {share_text(y.target_share, lang)}")
    else:
        # No payroll month known: nothing was measured, « — » (not « ? », nor a 0 that reads as measured).
        shown = "—" if y.target_share is None else share_text(y.target_share, lang)
        # Minimums of FTE (Brussels 2018) judge no share: the year's share is said for information.
        info = (" (information)" if y.judged_on == "average_minimums" else "")
        parts.append(f"{'target share' if en else 'part obtenue'}{info} {shown}")
    if y.min_target_fte is not None:
        parts.append(f"{'minimum' if en else 'minimum'} {number_text(y.min_target_fte, lang)} {'target FTE' if en else 'ETP cible'}")
    short = ("shortfall (lowest month)" if en else "manque (mois le plus bas)") if y.judged_on == "every_month" else \
        ("shortfall" if en else "manque")
    parts.append(f"{short} —" if y.shortfall_fte is None else
                 f"{short} {number_text(y.shortfall_fte, lang)} {'FTE' if en else 'ETP'}")
    sup_short = y.extra.get("supervision_shortfall_fte")
    if sup_short:   # Brussels 2018: the encadrement minimum, failed beside a target public that may be met
        label = "encadrement shortfall" if en else "manque d'encadrement"
        parts.append(f"{label} {number_text(sup_short, lang)} {'FTE' if en else 'ETP'}")
    half_gap = y.extra.get("supervision_half_time_gap_fte")
    if half_gap:   # Brussels 2018: the largest encadrement contract below half-time, by this much (a contract to raise)
        label = "half-time encadrement person short by" if en else "personne d'encadrement à mi-temps : manque"
        parts.append(f"{label} {number_text(half_gap, lang)} {'FTE' if en else 'ETP'}")
    return parts


def quota_table(con, result: QuotaResult, enterprise, forecast: QuotaForecast | None, opts: RunOptions) -> None:
    from rich.markup import escape

    en = opts.lang == "en"
    con.print(f"[bold]{escape(enterprise.name)}[/] — {'regime' if en else 'régime'} {result.regime_id} — "
              f"{'agrément on' if en else 'agrément du'} {enterprise.agrement_date.isoformat()}")
    if not result.years:
        con.print(escape(result.summary.get(opts.lang)))
        if opts.explain and result.before_agrement is not None:
            print_reasons(con, result.before_agrement.reasons, opts.lang)
    for y in result.years:
        title = (f"Agrément year {y.year} ({y.period.start.isoformat()} – {y.period.end.isoformat()})" if en else
                 f"Année d'agrément {y.year} ({y.period.start.isoformat()} – {y.period.end.isoformat()})")
        _year_block(con, y, opts, title)
    if forecast is not None:
        title = ("Forecast to the end of agrément year " if en else "Projection jusqu'à la fin de l'année d'agrément ") \
            + str(forecast.year.year)
        if forecast.year.months:   # none without any payroll month known: no projection, the summary says so
            con.print(_months_table(forecast.year.months, en, title, "supervision_fte" in forecast.year.extra))
        con.print(f"[bold]{'Forecast:' if en else 'Projection :'}[/] {escape(forecast.summary.get(opts.lang))}")
        if opts.explain:
            # Every reason of the projection (its method, the k of the hire, the formula of the figure, the projected
            # year's figures), but those the year blocks above already printed word for word (the regime's rules).
            printed = {r for y in result.years for r in y.reasons}
            print_reasons(con, [r for r in dict.fromkeys(forecast.reasons) if r not in printed], opts.lang)
    if not opts.explain:
        con.print("[dim]" + ("--explain shows the reasons and the legal references." if en else
                             "--explain montre les raisons et les références légales.") + "[/]")


CSV_HEADER = ["agrement_year", "year_start", "year_end", "month", "target_fte", "total_fte", "share",
              "required_share", "judged", "unknown_fte", "projected", "year_compliant",
              "days_in_year", "weight", "counted_target_fte", "counted_total_fte",
              "outside_period",   # a month of the year outside the period evaluated (Brussels 2004): not judged
              # The month's encadrement FTE (Brussels: blank where the regime measures none) and its art. 60 §7 FTE
              # (never counted, Q11), as the table and the JSON give them (Brussels audit, 2026-12-01).
              "supervision_fte", "art60_fte"]


def _part(d: dict) -> list:
    """A month shared with the neighbouring agrément year: its days in the year, weight and FTE counted (else blank)."""
    return [d.get("days_in_year"), d.get("weight"), d.get("counted_target_fte"), d.get("counted_total_fte")]


def _set_apart(d: dict) -> list:
    """The month's encadrement FTE (blank where the regime measures none) and art. 60 §7 FTE."""
    return [d.get("supervision_fte"), d["art60_fte"]]


def quota_csv(result: QuotaResult, forecast: QuotaForecast | None, opts: RunOptions):
    """One row per month of every agrément year evaluated (then the projected months, with --forecast)."""
    rows = []
    years = list(result.years)
    for y in years:
        for m in y.months:
            d = m.to_dict(opts.lang)
            rows.append([y.year, y.period.start, y.period.end, d["month"], d["target_fte"], d["total_fte"], d["share"],
                         d["required_share"], m.judged, d["unknown_fte"], False, y.compliant, *_part(d),
                         m.outside_period, *_set_apart(d)])
    if forecast is not None:
        y = forecast.year
        for m in y.months:
            if m.projected:
                d = m.to_dict(opts.lang)
                rows.append([y.year, y.period.start, y.period.end, d["month"], d["target_fte"], d["total_fte"],
                             d["share"], d["required_share"], m.judged, d["unknown_fte"], True, y.compliant,
                             *_part(d), m.outside_period, *_set_apart(d)])
    return CSV_HEADER, rows
