"""Wage tension: highest over lowest gross pay per FTE, at most 1 : 4 (rules.md §3.4, §4.4, §5.4, Q6).

Each worker compared gets one figure: their gross pay (legal and extra-legal benefits included) over
the period's months, divided by their FTE-months — Σ ``salaire_brut`` ÷ Σ ``etp`` over their ``Paie``
rows of the period, their monthly pay brought to a full-time equivalent. The ratio is the highest of
those figures over the lowest. A worker's remuneration is compared, not one month's pay slip: a 13th
month or the double holiday pay, paid in one month, is part of the year's pay of every worker who gets
it, and a month cut by a hire or an exit does not make a figure of its own; so a period shorter than
a year (``ei batch --month``) is measured over the 12 months ending with it (``measured_period``). Choices
(docs/interpretations.md, « Wage tension, employment conditions, enterprise size, social follow-up »):

- all staff with an employment contract with the EI, management included (Brussels says so; the
  Walloon sentence compares "un travailleur engagé par l'entreprise" with the manager);
- art. 60 §7 workers are left out even when they have payroll rows: the CPAS, not the EI, is their
  employer and sets their pay;
- a month with etp 0 has no pay per FTE and is left out, and said so; so is a month with etp > 0 and
  no positive gross pay (a payroll anomaly that would make the ratio infinite);
- the Walloon wording compares "à ancienneté barémique équivalente": payroll data does not show
  scale seniority, so the ratio is not neutralised and the result says so (regime parameter
  ``wages.equal_scale_seniority``);
- a worker employed in the period without any payroll row there could be either end of the scale: a
  ratio within the limit is then unknown, not compliant (one over it stays over it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from operator import itemgetter
from typing import NamedTuple

from ei_cli import periods
from ei_cli.i18n import Text, french_word, t
from ei_cli.model import Enterprise, worker_order
from ei_cli.periods import Month, Period, month_span, year_ending
from ei_cli.regimes import Regime, Value
from ei_cli.rules.common import (CENT, CheckResult, Reason, awaited_text, because, data_horizon, decimal_text,
                                 denoised, horizon_text, known_part, months_runs_text, not_begun, not_begun_sentence,
                                 not_begun_summary, obligation_period, pay_known_text, payroll_current, period_over,
                                 provisional_words,
                                 euro_text, money, not_established, number_text, worker_month_text, worker_text,
                                 workers_text)

NAME = "wages"
RATIO_PLACES = Decimal("0.0001")  # JSON: 4 decimals, rounded up (a ratio over the limit never shows ≤ it)
DISPLAY_PLACES = Decimal("0.01")


def ratio_json(x: Decimal) -> Decimal:
    return x.quantize(RATIO_PLACES, rounding=ROUND_CEILING)


def ratio_text(x: Decimal | None, lang: str = "fr") -> str:
    """2 decimals, rounded up: 4.001 shows as 4,01 (never as the limit it exceeds)."""
    if x is None:
        return "?"
    return decimal_text(x.quantize(DISPLAY_PLACES, rounding=ROUND_CEILING), lang)


@dataclass(slots=True)
class PayPerFte:
    """One worker-month compared. Not frozen only because one is built per payroll row and a slotted
    plain dataclass is four times cheaper to build; nothing changes it once built."""

    worker_id: str
    month: Month
    fte: Decimal
    gross_pay: Decimal

    @property
    def pay_per_fte(self) -> Decimal:
        """The month's gross pay per FTE, to the cent (the CSV's rows; a worker's months added up are what is
        compared, ``WorkerPay``)."""
        return money(self.gross_pay / self.fte)

    def to_dict(self, lang: str = "fr") -> dict:
        return {"worker_id": self.worker_id, "month": str(self.month), "pay_per_fte": self.pay_per_fte,
                "fte": self.fte, "gross_pay": money(self.gross_pay)}


@dataclass(frozen=True)
class WorkerPay:
    """One worker compared: their months of the period added up (``fte_months``: Σ etp; ``total_gross_pay``:
    Σ salaire_brut), and their gross pay per FTE-month."""

    worker_id: str
    first_month: Month
    last_month: Month
    months: int
    fte_months: Decimal
    total_gross_pay: Decimal
    # One person's ids whose months are added up, first hire first (``worker_id`` is the first): a person employed
    # under several ids (``Enterprise.employments``) is one remuneration. Empty: ``worker_id`` alone.
    worker_ids: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id whose months are added up (``worker_id`` alone for a person with one contract)."""
        return self.worker_ids or (self.worker_id,)

    def who(self) -> Text:
        """« travailleur 3 », or « travailleurs A1, A2 (même personne) » for one person's several ids."""
        if len(self.ids) == 1:
            return worker_text(self.worker_id)
        named = workers_text(self.ids)
        return t(f"{named.fr} (même personne)", f"{named.en} (same person)")

    @property
    def exact_pay_per_fte(self) -> Decimal:
        """Σ gross ÷ Σ etp kept to 10 decimal places (``denoised``): what the ratio compares. A part month
        typed as formulas (=2000*5/30 for etp =5/30) is 333.333333333333 / 0.166666666666667 in a
        spreadsheet's 15 digits, 1 999,99999999999…: 2 000 once denoised. Not rounded to the cent: 23 999,99 €
        over 12 FTE-months is 1 999,99917 €, and 8 000 € ÷ that is 4,0000017 > 4 (docs/interpretations.md,
        « Figures typed as formulas »)."""
        return denoised(self.total_gross_pay / self.fte_months)

    @property
    def pay_per_fte(self) -> Decimal:
        """``exact_pay_per_fte`` to the cent: the JSON's ``pay_per_fte`` (money, cli.md)."""
        return money(self.exact_pay_per_fte)

    @property
    def gross_pay(self) -> Decimal:
        """The gross pay of an average month counted (Σ salaire_brut ÷ months): a month's pay, the unit
        cli.md's ``gross_pay`` always had (it was the pay of the one month compared)."""
        return self.total_gross_pay / self.months

    @property
    def fte(self) -> Decimal:
        """The etp of an average month counted (Σ etp ÷ months), as ``gross_pay``: their quotient is
        ``pay_per_fte``."""
        return self.fte_months / self.months

    @property
    def span(self) -> str:
        """The months added up, as written in the output: « 2024-03 », or « 2024-01/2024-12 » (ISO 8601)."""
        if self.first_month == self.last_month:
            return str(self.first_month)
        return f"{self.first_month}/{self.last_month}"

    @property
    def month(self) -> Month:
        """cli.md's ``month`` of ``highest`` / ``lowest``, a « YYYY-MM » as it always was: the last month of
        the worker's months added up (``span`` and ``first_month`` say where they start)."""
        return self.last_month

    def span_text(self, lang: str = "fr") -> str:
        if self.first_month == self.last_month:
            return str(self.first_month)
        return f"{self.first_month} – {self.last_month}, {self.months} " + ("months" if lang == "en" else "mois")

    def to_dict(self, lang: str = "fr") -> dict:
        # cli.md: worker_id, month (« YYYY-MM »: the last month added up), pay_per_fte; fte and gross_pay
        # a month's (an average month counted), as when one month was compared; the rest added.
        return {"worker_id": self.worker_id, "month": str(self.month), "pay_per_fte": self.pay_per_fte,
                "fte": denoised(self.fte), "gross_pay": money(self.gross_pay), "months": self.months,
                "first_month": str(self.first_month), "last_month": str(self.last_month), "span": self.span,
                "fte_months": denoised(self.fte_months), "total_gross_pay": money(self.total_gross_pay),
                "worker_ids": list(self.ids)}


def _by_person(enterprise: Enterprise, counted: list[PayPerFte]) -> list[WorkerPay]:
    """Each person's compared months added up, their ids together (``Enterprise.employments``: a CDD renewed as a
    CDI under a new id, two concurrent contracts — one remuneration, Σ gross ÷ Σ etp over all their months), in
    the order of ``counted`` (sorted by worker, then month); the ids first hire first, the first of them named."""
    employments = enterprise.employments
    by_person: dict[str, list[PayPerFte]] = {}
    for p in counted:
        by_person.setdefault(enterprise.person_id(p.worker_id), []).append(p)
    out: list[WorkerPay] = []
    for key, months in by_person.items():
        rows = employments.get(key)
        if rows is None:
            out.append(_added_up(key, months))
            continue
        seen = {p.worker_id for p in months}
        ids = tuple(w.worker_id for w in rows if w.worker_id in seen)
        months.sort(key=lambda p: p.month.number)
        out.append(_added_up(ids[0], months, ids if len(ids) > 1 else ()))
    return out


def _added_up(worker_id: str, months: list[PayPerFte], ids: tuple[str, ...] = ()) -> WorkerPay:
    """One person's compared months (``months``, in month order) as one figure."""
    return WorkerPay(worker_id, months[0].month, months[-1].month, len({p.month.number for p in months}),
                     sum((p.fte for p in months), Decimal(0)), sum((p.gross_pay for p in months), Decimal(0)), ids)


@dataclass(frozen=True)
class ExcludedMonth:
    worker_id: str
    month: Month
    reason: str  # "fte_zero" | "no_pay" | "not_employed" (a month with no day between hire and exit)

    def to_dict(self, lang: str = "fr") -> dict:
        return {"worker_id": self.worker_id, "month": str(self.month), "reason": self.reason}


@dataclass(frozen=True)
class WageTension:
    """Result of the wage-tension computation (the ``check-wages`` JSON fields)."""

    compliant: bool | None
    ratio: Decimal | None
    max_ratio: Decimal | None
    highest: WorkerPay | None
    lowest: WorkerPay | None
    worker_months: int
    excluded_months: tuple[ExcludedMonth, ...] = ()
    excluded_workers: tuple[str, ...] = ()      # art. 60 §7 (paid by the CPAS)
    workers_without_pay: tuple[str, ...] = ()   # employed in the period, no Paie row at all
    seniority_neutralised: bool = True
    reasons: tuple[Reason, ...] = ()
    notes: tuple[Text, ...] = ()
    counted: tuple[PayPerFte, ...] = field(default=(), repr=False)  # every worker-month compared (CSV)
    workers_compared: int = 0
    payroll_due: bool = True    # False: the Paie sheet stops before the part of the period judged
    payroll_due_to: date | None = None   # a period in progress: the day its payroll is due up to (``data_horizon``)
    provisional: bool = False   # the ratio is measured before the period is over, or with months unpaid
    measured_to: date | None = None   # the last day of the months compared (None: no ratio)
    label: Text = field(default_factory=lambda: t("", ""), repr=False)   # « provisoire : année en cours »…
    to_fill: Text | None = None   # months without any payroll to fill in (« 2026-11 – 2026-12 »)
    begun: bool = True   # False: the period begins after today (``not_begun``), nothing compared yet

    def to_dict(self, lang: str = "fr") -> dict:
        return {
            "ratio": ratio_json(self.ratio) if self.ratio is not None else None,
            "max_ratio": self.max_ratio,
            "highest": self.highest.to_dict(lang) if self.highest else None,
            "lowest": self.lowest.to_dict(lang) if self.lowest else None,
            "worker_months": self.worker_months,
            "workers_compared": self.workers_compared,
            "excluded_months": [e.to_dict(lang) for e in self.excluded_months],
            "excluded_workers": list(self.excluded_workers),
            "workers_without_pay": list(self.workers_without_pay),
            "seniority_neutralised": self.seniority_neutralised,
            "notes": [n.get(lang) for n in self.notes],
            "provisional": self.provisional,
            "measured_to": self.measured_to.isoformat() if self.measured_to else None,
        }


def pay_limit(x: WorkerPay, highest: WorkerPay, lowest: WorkerPay, cap: Decimal | None) -> Decimal | None:
    """What ``x``'s pay per FTE is printed beside (``shown_beside``): the highest's limit is the lowest × the
    maximum ratio, the lowest's the highest ÷ it — the lowest's 1 999,99917 € is « 1 999,9991 € », not
    « 2 000,00 € » beside 8 000,00 € and a ratio over 4."""
    if cap is None:
        return None
    return lowest.exact_pay_per_fte * cap if x is highest else highest.exact_pay_per_fte / cap


# ------------------------------------------------------------------------------------ computation
_NOT_A_WAGE = Decimal(10) ** 15    # a pay per FTE beyond any spreadsheet figure (cells: numbers < 10^15)
_HALF_CENT = Decimal("0.005")      # a pay per FTE below it is 0,00 € once rounded to the cent


def measured_period(enterprise: Enterprise, period: Period) -> Period:
    """The months each worker's pay is added up over: ``period``, or — shorter than a year (``ei batch
    --month``) — the 12 months ending with it (``periods.year_ending``, as the enterprise size), from the
    agrément at the earliest when the period itself is under it (``rules.common.obligation_period``). A
    remuneration is compared, not one month's pay slip: a 13th month paid in December made 2,2 read 4,4 month
    against month. A period after the last Paie month whose payroll is missing — over, the payroll behind by more
    than its usual lag (``payroll_current``), or no Paie row at all — is not measured on the months before it:
    nothing of it is known. One still running, or just over with its payroll within the lag, is measured on the
    window up to the horizon, provisional, as the size is (batch audit, 2026-12-01: the monthly run of December on
    2027-01-05 read « indéterminé … Complétez la feuille Paie » beside ``--year``'s « en attente de la paie »)."""
    span = year_ending(period)
    last = enterprise.last_pay_month
    missing = last is None or (last.last_day < period.start and period_over(period)
                               and not payroll_current(enterprise))
    if span == period or period.start < enterprise.agrement_date or missing:
        return period
    return obligation_period(enterprise, span)


def _fte_ratio(enterprise: Enterprise, regime: Regime, period: Period) -> WageTension:
    on = period.end
    limit: Value = regime.value("wages.max_ratio", on)
    asked, period = period, measured_period(enterprise, period)
    # A period in progress is compared on its months up to the payroll's horizon (``known_part``, as the enterprise
    # size, the other yearly measure): a month after the current one is not begun, whatever its Paie rows (the
    # reader warns of them, ``pay_month_in_future``); a period not begun, or none of whose months is known yet,
    # compares nothing.
    # Not begun is said of the period asked (``ei batch --month`` of a month to come), not of its 12-month window.
    begun = not not_begun(asked)
    known = known_part(enterprise, period) if begun else None
    # The months compared as a range of month numbers (``Month.number``).
    first, last = (Month.of(period.start).number, Month.of(known.end).number) if known else (1, 0)
    rows = [p for p in enterprise.pay if first <= p.month.number <= last]
    rows.sort(key=lambda p: (worker_order(p.worker_id), p.month.number))  # by (worker, month), without Month's slow <
    counted: list[PayPerFte] = []
    excluded: list[ExcludedMonth] = []
    art60: dict[str, None] = {}   # their ids, in the rows' order: the one worker order
    # Workers without an employment contract with the EI (art. 60 §7): their rows are left out.
    cpas = {wid for wid, w in enterprise.workers_by_id.items() if not w.has_employment_contract}
    # Months each worker is employed, as month numbers: pay for a month outside them is not compared.
    spans = {wid: month_span(w.hire_date, w.exit_date) for wid, w in enterprise.workers_by_id.items()}
    for p in rows:
        if p.worker_id in cpas:
            art60[p.worker_id] = None
            continue
        span = spans.get(p.worker_id)
        if span is not None and not span[0] <= p.month.number <= span[1]:
            excluded.append(ExcludedMonth(p.worker_id, p.month, "not_employed"))
        elif p.fte <= 0 or p.gross_pay >= _NOT_A_WAGE * p.fte:
            # etp 0, or so small that the pay per FTE is no wage (1 € for etp 10^-15): nothing to compare.
            excluded.append(ExcludedMonth(p.worker_id, p.month, "fte_zero"))
        elif p.gross_pay < _HALF_CENT * p.fte:
            # no pay, or under half a cent per FTE: 0,00 € per FTE once rounded, no ratio to make with it.
            excluded.append(ExcludedMonth(p.worker_id, p.month, "no_pay"))
        else:
            counted.append(PayPerFte(p.worker_id, p.month, p.fte, p.gross_pay))
    paid = {p.worker_id for p in counted} | {e.worker_id for e in excluded}
    # Payroll is owed from the agrément — up to the horizon in a year in progress (``data_horizon``: the last
    # Paie month, or the last month over when the payroll is behind): a worker employed only before the
    # agrément, or hired after that day, lacks no payroll row; in a closed year every month employed is owed one.
    horizon = data_horizon(enterprise, period)
    # Whether the ratio is final (``_payroll_state``); a month whose payroll is awaited owes no row yet either.
    paid_months = {p.month.number: p.month for p in rows if p.worker_id not in cpas}
    state = _payroll_state(enterprise, period, known, paid_months) if known is not None else None
    owed_end = horizon or period.end
    if state is not None and state.awaited:
        owed_end = min(owed_end, state.awaited[0].first_day - timedelta(days=1))
    owed_start = max(period.start, enterprise.agrement_date)
    owed = Period(owed_start, owed_end) if owed_start <= owed_end and begun else None
    without_pay = () if owed is None else tuple(
        w.worker_id for w in enterprise.workers
        if w.has_employment_contract and w.employed_in(owed) and w.worker_id not in paid)
    seniority = _seniority_flag(regime, on)
    # The ratio and the pay it compares rest on different grounds (Wallonia: the ratio verified, gross pay and
    # benefits the project's reading, rules.md §3.4, Q6): one reason each, each citing its parameter.
    reasons: list[Reason] = [because(t(
        f"Tension salariale : pour chaque travailleur, direction comprise, salaire de ses mois de la période "
        f"divisé par ses ETP-mois ; rapport du plus élevé au plus bas, au plus {limit.value}.",
        f"Wage tension: for each worker, management included, the pay of their months of the period divided by "
        f"their FTE-months; ratio of the highest to the lowest, at most {limit.value}."), limit),
        because(t("Salaire comparé : salaire brut, avantages compris (13e mois, pécule de vacances…), divisé par "
                  "les ETP-mois (Σ salaire brut ÷ Σ etp).",
                  "Pay compared: gross pay, benefits included (13th month, holiday pay…), divided by the FTE-months "
                  "(Σ gross pay ÷ Σ fte)."),
                regime.value("wages.basis", on))]
    notes: list[Text] = []
    if period != asked:
        cut = year_ending(asked).start < period.start     # the 12 months begin before the agrément
        cut_fr, cut_en = (", à partir de la date d'agrément", ", from the agrément date") if cut else ("", "")
        reasons.append(because(t(
            f"Période de moins d'un an ({asked.start.isoformat()} – {asked.end.isoformat()}) : chaque travailleur est "
            f"mesuré sur les 12 mois qui finissent avec elle, {period.start.isoformat()} – {period.end.isoformat()}"
            f"{cut_fr} — une rémunération, pas la paie d'un seul mois (un 13e mois ou le pécule de vacances pèse ce "
            "qu'il pèse dans l'année).",
            f"Period shorter than a year ({asked.start.isoformat()} – {asked.end.isoformat()}): each worker is "
            f"measured over the 12 months ending with it, {period.start.isoformat()} – {period.end.isoformat()}"
            f"{cut_en} — a remuneration, not one month's pay (a 13th month or the holiday pay weighs what it "
            "weighs in the year).")))
    if excluded:
        listed = {lang: ", ".join(worker_month_text(e.worker_id, e.month).get(lang) for e in excluded)
                  for lang in ("fr", "en")}
        reasons.append(because(t(f"Mois écartés (etp nul, salaire nul, ou hors de la période d'occupation de Personnel) : "
                                 f"{listed['fr']}.",
                                 f"Months left out (fte 0, no pay, or outside the employment dates of Personnel): "
                                 f"{listed['en']}.")))
    if art60:
        listed, n = workers_text(art60), len(art60)
        reasons.append(because(t(
            f"{french_word(n, 'Écarté')} comme article 60 §7 (employés et payés par le CPAS, pas par l'EI) : "
            f"{listed.fr}.",
            f"Left out as article 60 §7 (employed and paid by the CPAS, not by the EI): {listed.en}."), limit))
    if without_pay:
        listed, n = workers_text(without_pay), len(without_pay)
        notes.append(t(f"{french_word(n, 'Occupé')} sans aucune ligne de paie dans la période (non "
                       f"{french_word(n, 'comparé')}) : {listed.fr}.",
                       f"Employed with no payroll row in the period (not compared): {listed.en}."))
    if seniority is not None and seniority.value is True:
        notes.append(t(
            "Le texte compare les rémunérations « à ancienneté barémique équivalente » : la paie ne montre pas "
            "l'ancienneté barémique, le rapport n'est donc pas neutralisé (à vérifier sur les barèmes de la "
            "commission paritaire si le rapport approche la limite).",
            "The text compares pay “at equal scale seniority”: payroll does not show scale seniority, so the "
            "ratio is not neutralised (check against the joint committee's scales if it nears the limit)."))
        reasons.append(because(notes[-1], seniority))
    if not counted:
        # The payroll is due up to the horizon of every payroll-based amount (``data_horizon``): nothing to fill
        # in yet only when it ends before the period judged (the months after the last Paie month while it is
        # current, a period not begun). A payroll further behind has the months up to the last month over
        # missing, as ``ei subsidy`` reads them the same day — not « aucune paie encore connue ».
        due = begun and (horizon is None or horizon >= period.start)
        if not begun:
            # As the size and the other checks say a period not begun (a payroll typed ahead is not compared).
            said = not_begun_sentence(asked, t("aucune paie n'y est encore comparée", "no pay in it is compared yet"))
        elif not due:
            pay_known = pay_known_text(enterprise)
            said = t(f"Aucune paie encore connue pour la période ({pay_known.fr}).",
                     f"No payroll known yet for the period ({pay_known.en}).")
        elif horizon is None:
            said = t("Aucun mois de paie utilisable dans la période.", "No usable payroll month in the period.")
        else:
            # A payroll current is paid up to the horizon with no month usable (etp 0, no pay…): nothing to fill in.
            to = horizon_text(enterprise, horizon)
            fill = t("", "") if payroll_current(enterprise) else t(
                " : les mois de paie manquants jusqu'à cette date sont à compléter, les suivants se calculent avec "
                "leur paie",
                ": the payroll months missing up to that day are to be filled in, the later ones are computed with "
                "their payroll")
            said = t(f"Aucun mois de paie utilisable dans la période jusqu'au {to.fr}{fill.fr}.",
                     f"No usable payroll month in the period up to {to.en}{fill.en}.")
        reasons.append(because(said))
        return WageTension(None, None, limit.number_or_none, None, None, 0,
                           tuple(excluded), tuple(art60), without_pay,
                           not (seniority is not None and seniority.value is True), tuple(reasons), tuple(notes),
                           tuple(counted), payroll_due=due, payroll_due_to=horizon if due else None,
                           begun=begun)
    reasons += state.reasons
    workers = _by_person(enterprise, counted)
    # Ordered by (pay per fte, worker); each key computed once.
    keyed = [((x.exact_pay_per_fte, worker_order(x.worker_id)), x) for x in workers]
    highest = max(keyed, key=itemgetter(0))[1]
    lowest = min(keyed, key=itemgetter(0))[1]
    # The unrounded quotients compared (rules.md §3.4 « ne pourra excéder un à quatre »): 8 000 ÷ 1 999,99917
    # is 4,0000017, over 4 — ÷ 2 000,00 (each rounded to the cent first) it was 4, « conforme ».
    ratio = highest.exact_pay_per_fte / lowest.exact_pay_per_fte
    cap = None if limit.is_unknown else limit.number

    def end(x: WorkerPay, lang: str) -> str:
        return (f"{x.who().get(lang)} ({x.span_text(lang)}), {euro_text(x.total_gross_pay, lang)} / "
                f"{number_text(x.fte_months, lang)} {'FTE-months' if lang == 'en' else 'ETP-mois'} = "
                f"{euro_text(x.exact_pay_per_fte, lang, beside=pay_limit(x, highest, lowest, cap))}")

    reasons.append(because(t(
        f"Plus élevé : {end(highest, 'fr')} ; plus bas : {end(lowest, 'fr')} ; rapport {ratio_text(ratio)}.",
        f"Highest: {end(highest, 'en')}; lowest: {end(lowest, 'en')}; ratio {ratio_text(ratio, 'en')}.")))
    if limit.is_unknown:
        compliant = None
        reasons.append(because(t("Plafond du rapport inconnu pour ce régime.", "Ratio ceiling unknown for this regime."),
                               limit))
    else:
        compliant = ratio <= limit.number
        if compliant and without_pay:
            # Their pay could be either end of the scale: within the limit is not established.
            compliant = None
            listed, n = workers_text(without_pay), len(without_pay)
            reasons.append(because(t(
                f"Indéterminé : {listed.fr} {french_word(n, 'occupé')} dans la période sans aucune ligne de paie ; "
                f"{french_word(n, 'son salaire', 'leur salaire')} par ETP pourrait dépasser l'écart permis.",
                f"Unknown: {listed.en} employed in the period without any payroll row; their pay per FTE could "
                "exceed the allowed spread.")))
    return WageTension(compliant, ratio, limit.number_or_none, highest, lowest, len(counted),
                       tuple(excluded), tuple(art60), without_pay,
                       not (seniority is not None and seniority.value is True), tuple(reasons), tuple(notes),
                       tuple(counted), len(workers), provisional=state.provisional, measured_to=state.measured_to,
                       label=state.label, to_fill=state.to_fill)


class _PayrollState(NamedTuple):
    provisional: bool
    measured_to: date
    label: Text          # « provisoire : année en cours »… (``rules.common.provisional_words``), or empty
    reasons: list[Reason]
    to_fill: Text | None  # the months without any payroll that are to be filled in (not awaited)
    awaited: list[Month]  # the months whose payroll is not due yet (the usual lag after a period over)


def _payroll_state(enterprise: Enterprise, period: Period, known: Period, paid: dict[int, Month]) -> _PayrollState:
    """Whether the ratio measured on ``known`` (``known_part`` of ``period``) is final, as the quota says it of an
    agrément year (``provisional_words``): provisional while ``period`` is not over (« année en cours »: the months
    to come, a 13th month or the holiday pay still to be paid, can move either end), or when some of its months
    employing someone under contract have no row of theirs (``paid``: the months of such rows, by number; art. 60
    rows are the CPAS's) — missing (« paie incomplète », to fill in), or, after the last of them once the period is
    over, not due yet within the usual lag (« en attente de la paie de 2027-01 »: nothing to fill in, and no row
    owed by a worker hired then). ``measured_to``: the last day of the months compared."""
    contracts = [w for w in enterprise.workers if w.has_employment_contract]
    unpaid = [m for m in known.months() if m.number not in paid and m.last_day >= enterprise.agrement_date
              and any(w.employed_in(Period(m.first_day, m.last_day)) for w in contracts)]
    last = paid[max(paid)] if paid else None
    over = period_over(period)
    gaps = [m for m in unpaid if last is not None and m.number < last.number]
    trailing = [m for m in unpaid if last is None or m.number > last.number]
    awaited = trailing if over and trailing and not gaps and payroll_current(enterprise, last) else []
    provisional = not over or bool(unpaid)
    measured_to = known.end if last is None else min(known.end, last.last_day)
    reasons: list[Reason] = []
    if not over:
        today = periods.today().isoformat()
        if known.end < period.end:
            said = horizon_text(enterprise, known.end)
            upto = t(said.fr, said.en) if measured_to == known.end else t(
                f"{measured_to.isoformat()} (horizon : {said.fr})", f"{measured_to.isoformat()} (horizon: {said.en})")
            reasons.append(because(t(
                f"Période en cours (date du jour : {today}) : salaires comparés jusqu'au {upto.fr} ; les mois "
                "suivants se comparent avec leur paie (un 13e mois, le pécule de vacances à venir) — verdict "
                "provisoire.",
                f"Period in progress (today: {today}): pay compared up to {upto.en}; the later months are compared "
                "with their payroll (a 13th month, holiday pay still to come) — provisional verdict.")))
        else:
            reasons.append(because(t(
                f"Période en cours (date du jour : {today}) : paie saisie jusqu'à sa fin ({period.end.isoformat()}), "
                "verdict provisoire tant qu'elle n'est pas terminée.",
                f"Period in progress (today: {today}): payroll entered up to its end ({period.end.isoformat()}), "
                "provisional verdict until it is over.")))
    pay_known = pay_known_text(enterprise)
    if awaited:
        said = awaited_text(awaited)
        reasons.append(because(t(
            f"En attente de {said.fr} ({pay_known.fr}, dans le délai habituel) : ces mois ne sont pas encore comparés "
            "— verdict provisoire.",
            f"Awaiting {said.en} ({pay_known.en}, within the usual lag): those months are not compared yet — "
            "provisional verdict.")))
    missing = [m for m in unpaid if m not in awaited]
    to_fill = None
    if missing:
        runs = months_runs_text(missing)
        to_fill = t(runs, runs)
        reasons.append(because(t(
            f"Mois sans aucune ligne de paie des travailleurs sous contrat, non comparés : {runs} ({pay_known.fr}) — "
            "à compléter ; verdict provisoire.",
            f"Months without any payroll row of the workers under contract, not compared: {runs} ({pay_known.en}) "
            "— to fill in; provisional verdict.")))
    return _PayrollState(provisional, measured_to, provisional_words(provisional, period, awaited), reasons, to_fill,
                         awaited)


def _seniority_flag(regime: Regime, on) -> Value | None:
    return regime.value_or_none("wages.equal_scale_seniority", on)


_SHAPES = {"fte_ratio": _fte_ratio}
# The fields of a judged result, empty: what a result not judged carries (``rules.common.not_judged``).
_NOT_MEASURED = {
    "ratio": None, "max_ratio": None, "highest": None, "lowest": None, "worker_months": None,
    "workers_compared": None, "excluded_months": [], "excluded_workers": [], "workers_without_pay": [],
    "seniority_neutralised": None, "notes": [], "provisional": False, "measured_to": None}
# A regime that does not establish the wage tension (bruxelles-2018, known in outline) gives the same fields,
# empty: check-wages's fields are the contract's whatever the regime (cli.md: ``measured_to`` « null without a
# ratio »), and a script reading ``measured_to`` of a Brussels workbook found it gone.
EMPTY_DETAILS = {"fte_ratio": _NOT_MEASURED, "outline": _NOT_MEASURED, "none": _NOT_MEASURED}


def wage_tension(enterprise: Enterprise, regime: Regime, period: Period) -> WageTension | None:
    """The wage-tension figures, or None when the regime establishes no wage rule."""
    shape = _SHAPES.get(regime.rule("wages") or "none")
    return shape(enterprise, regime, period) if shape else None


def judged_wage_tension(enterprise: Enterprise, regime: Regime, period: Period) -> tuple[WageTension | None, bool]:
    """(the wage tension as ``ei check`` judges it, whether an obligation applies): from the agrément day
    when ``period`` begins before it (``rules.common.obligation_period``); a period that ends before it
    is computed for information only (False: « non applicable »)."""
    return wage_tension(enterprise, regime, obligation_period(enterprise, period)), \
        period.end >= enterprise.agrement_date


# ------------------------------------------------------------------------------------ check
def check(enterprise: Enterprise, regime: Regime, period: Period, eligibility_report=None) -> CheckResult:
    result = wage_tension(enterprise, regime, period)
    if result is None:
        return not_established(NAME, regime)
    return as_check(result)


def as_check(result: WageTension) -> CheckResult:
    fix: list[Text] = []
    if result.ratio is None:
        if result.payroll_due:
            summary = t("indéterminé : aucune paie exploitable dans la période",
                        "unknown: no usable payroll in the period")
            to = result.payroll_due_to
            fix.append(t("Complétez la feuille Paie (salaire_brut et etp par mois)." if to is None else
                         f"Complétez la feuille Paie de ses mois jusqu'au {to.isoformat()} (salaire_brut et etp "
                         "par mois).",
                         "Fill in the Paie sheet (salaire_brut and etp per month)." if to is None else
                         f"Fill in the Paie sheet for its months up to {to.isoformat()} (salaire_brut and etp "
                         "per month)."))
        elif not result.begun:
            summary = not_begun_summary()
        else:  # nothing to fill in yet: the period judged begins after the last Paie month
            summary = t("indéterminé : aucune paie encore connue pour la période",
                        "unknown: no payroll known yet for the period")
    else:
        limit = "?" if result.max_ratio is None else f"{result.max_ratio}"
        high, low = result.highest, result.lowest
        # The two ends named as workers: numeric ids (« — 3 / 2 ») read as a fraction; a person's ids together.
        high_w, low_w = high.who(), low.who()
        # A ratio not final says so after its figures, as the size and the quota (« (au 2026-11-30, provisoire :
        # année en cours) »): the months compared go to ``measured_to``.
        label, day = result.label, result.measured_to.isoformat() if result.measured_to else ""
        when = t(f" ; au {day}, {label.fr}", f"; to {day}, {label.en}") if result.provisional else t("", "")
        summary = t(f"rapport {ratio_text(result.ratio)} (max {limit}{when.fr}) — plus élevé : {high_w.fr} ; "
                    f"plus bas : {low_w.fr}",
                    f"ratio {ratio_text(result.ratio, 'en')} (max {limit}{when.en}) — highest: {high_w.en}; "
                    f"lowest: {low_w.en}")
        if result.compliant is False:
            # Each end brought within the limit on its own: the highest down to lowest × max rounded DOWN to the
            # cent, or the lowest up to highest ÷ max rounded UP to the cent (rounded to the nearest, it can
            # stay a cent short: 8 800,01 ÷ 4 = 2 200,0025 → 2 200,00 still gives 4,0000045).
            down = (low.exact_pay_per_fte * result.max_ratio).quantize(CENT, rounding=ROUND_FLOOR)
            up = (high.exact_pay_per_fte / result.max_ratio).quantize(CENT, rounding=ROUND_CEILING)
            fix.append(t(
                f"Ramenez le salaire moyen par ETP le plus élevé ({high_w.fr}) à {euro_text(down)} au plus, "
                f"ou relevez le plus bas ({low_w.fr}) à {euro_text(up)} au moins.",
                f"Bring the highest average pay per FTE ({high_w.en}) down to at most {euro_text(down, 'en')}, "
                f"or raise the lowest ({low_w.en}) to at least {euro_text(up, 'en')}."))
        elif result.compliant is None and result.workers_without_pay:
            n, listed = len(result.workers_without_pay), workers_text(result.workers_without_pay)
            fix.append(t(f"Complétez la feuille Paie {french_word(n, 'du', 'des')} {listed.fr}.",
                         f"Fill in the Paie sheet for {listed.en}."))
    if result.ratio is not None and result.to_fill is not None:
        fix.append(t(f"Complétez la feuille Paie pour {result.to_fill.fr} (salaire_brut et etp par mois).",
                     f"Fill in the Paie sheet for {result.to_fill.en} (salaire_brut and etp per month)."))
    details = {**result.to_dict(), "notes": list(result.notes)}  # Text: rendered in the asked language
    return CheckResult(NAME, result.compliant, summary, result.reasons, tuple(fix), details)
