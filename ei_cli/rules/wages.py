"""Wage tension: highest over lowest gross pay per FTE, at most 1 : 4 (rules.md §3.4, §4.4, §5.4, Q6).

Every worker-month of ``Paie`` inside the period gives one figure, ``salaire_brut / etp`` (gross pay
including legal and extra-legal benefits, brought to a full-time equivalent). The ratio is the
highest of those figures over the lowest. Choices (docs/interpretations.md, « Wage tension, employment conditions, … »):

- all staff with an employment contract with the EI, management included (Brussels says so; the
  Walloon sentence compares "un travailleur engagé par l'entreprise" with the manager);
- art. 60 §7 workers are left out even when they have payroll rows: the CPAS, not the EI, is their
  employer and sets their pay;
- a month with etp 0 has no pay per FTE and is left out, and said so; so is a month with etp > 0 and
  no positive gross pay (a payroll anomaly that would make the ratio infinite);
- the Walloon wording compares "à ancienneté barémique équivalente": payroll data does not show
  scale seniority, so the ratio is not neutralised and the result says so (regime parameter
  ``wages.equal_scale_seniority``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from operator import itemgetter

from ei_cli.i18n import Text, t
from ei_cli.model import Enterprise
from ei_cli.periods import Month, Period, month_span
from ei_cli.regimes import Regime, Value
from ei_cli.rules.common import CheckResult, Reason, because, decimal_text, euro_text, money, not_established

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
        """Gross pay per FTE, to the cent: what is compared. A part month typed as formulas (=2000*5/30
        for etp =5/30) is 333.333333333333 / 0.166666666666667 in a spreadsheet's 15 digits, 1 999,999…
        and not 2 000; the cent drops that noise (docs/interpretations.md, « Figures typed as formulas »)."""
        return money(self.gross_pay / self.fte)

    def to_dict(self, lang: str = "fr") -> dict:
        return {"worker_id": self.worker_id, "month": str(self.month), "pay_per_fte": self.pay_per_fte,
                "fte": self.fte, "gross_pay": money(self.gross_pay)}


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
    highest: PayPerFte | None
    lowest: PayPerFte | None
    worker_months: int
    excluded_months: tuple[ExcludedMonth, ...] = ()
    excluded_workers: tuple[str, ...] = ()      # art. 60 §7 (paid by the CPAS)
    workers_without_pay: tuple[str, ...] = ()   # employed in the period, no Paie row at all
    seniority_neutralised: bool = True
    reasons: tuple[Reason, ...] = ()
    notes: tuple[Text, ...] = ()
    counted: tuple[PayPerFte, ...] = field(default=(), repr=False)  # every worker-month compared (CSV)

    def to_dict(self, lang: str = "fr") -> dict:
        return {
            "ratio": ratio_json(self.ratio) if self.ratio is not None else None,
            "max_ratio": self.max_ratio,
            "highest": self.highest.to_dict(lang) if self.highest else None,
            "lowest": self.lowest.to_dict(lang) if self.lowest else None,
            "worker_months": self.worker_months,
            "excluded_months": [e.to_dict(lang) for e in self.excluded_months],
            "excluded_workers": list(self.excluded_workers),
            "workers_without_pay": list(self.workers_without_pay),
            "seniority_neutralised": self.seniority_neutralised,
            "notes": [n.get(lang) for n in self.notes],
        }


# ------------------------------------------------------------------------------------ computation
_NOT_A_WAGE = Decimal(10) ** 15    # a pay per FTE beyond any spreadsheet figure (cells: numbers < 10^15)
_HALF_CENT = Decimal("0.005")      # a pay per FTE below it is 0,00 € once rounded to the cent


def _fte_ratio(enterprise: Enterprise, regime: Regime, period: Period) -> WageTension:
    on = period.end
    limit: Value = regime.value("wages.max_ratio", on)
    # The period's months as a range of month numbers (``Month.number``).
    first, last = Month.of(period.start).number, Month.of(period.end).number
    rows = [p for p in enterprise.pay if first <= p.month.number <= last]
    rows.sort(key=lambda p: (p.worker_id, p.month.number))  # = by (worker_id, month), without Month's slow <
    counted: list[PayPerFte] = []
    excluded: list[ExcludedMonth] = []
    art60: set[str] = set()
    # Workers without an employment contract with the EI (art. 60 §7): their rows are left out.
    cpas = {wid for wid, w in enterprise.workers_by_id.items() if not w.has_employment_contract}
    # Months each worker is employed, as month numbers: pay for a month outside them is not compared.
    spans = {wid: month_span(w.hire_date, w.exit_date) for wid, w in enterprise.workers_by_id.items()}
    for p in rows:
        if p.worker_id in cpas:
            art60.add(p.worker_id)
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
    without_pay = tuple(sorted(w.worker_id for w in enterprise.workers
                               if w.has_employment_contract and w.employed_in(period) and w.worker_id not in paid))
    seniority = _seniority_flag(regime, on)
    reasons: list[Reason] = [because(t(
        f"Tension salariale : salaire brut (avantages compris) divisé par l'etp, pour chaque mois de chaque "
        f"travailleur, direction comprise ; rapport du plus élevé au plus bas, au plus {limit.value} "
        f"(paramètre {limit.key}).",
        f"Wage tension: gross pay (benefits included) divided by fte, for each month of each worker, management "
        f"included; ratio of the highest to the lowest, at most {limit.value} (parameter {limit.key})."), limit)]
    notes: list[Text] = []
    if excluded:
        listed = ", ".join(f"{e.worker_id} {e.month}" for e in excluded)
        reasons.append(because(t(f"Mois écartés (etp nul, salaire nul, ou hors de la période d'occupation de Personnel) : "
                                 f"{listed}.",
                                 f"Months left out (fte 0, no pay, or outside the employment dates of Personnel): "
                                 f"{listed}.")))
    if art60:
        listed = ", ".join(sorted(art60))
        reasons.append(because(t(
            f"Travailleurs article 60 §7 écartés (employés et payés par le CPAS, pas par l'EI) : {listed}.",
            f"Article 60 §7 workers left out (employed and paid by the CPAS, not by the EI): {listed}.")))
    if without_pay:
        listed = ", ".join(without_pay)
        notes.append(t(f"Occupés sans aucune ligne de paie dans la période (non comparés) : {listed}.",
                       f"Employed with no payroll row in the period (not compared): {listed}."))
    if seniority is not None and seniority.value is True:
        notes.append(t(
            "Le texte compare les rémunérations « à ancienneté barémique équivalente » : la paie ne montre pas "
            "l'ancienneté barémique, le rapport n'est donc pas neutralisé (à vérifier sur les barèmes de la "
            "commission paritaire si le rapport approche la limite).",
            "The text compares pay \"at equal scale seniority\": payroll does not show scale seniority, so the "
            "ratio is not neutralised (check against the joint committee's scales if it nears the limit)."))
        reasons.append(because(notes[-1], seniority))
    if not counted:
        reasons.append(because(t("Aucun mois de paie utilisable dans la période.",
                                 "No usable payroll month in the period.")))
        return WageTension(None, None, limit.number_or_none, None, None, 0,
                           tuple(excluded), tuple(sorted(art60)), without_pay,
                           not (seniority is not None and seniority.value is True), tuple(reasons), tuple(notes),
                       tuple(counted))
    # Ordered by (pay per fte, worker_id, month); each key computed once.
    keyed = [((x.pay_per_fte, x.worker_id, x.month.number), x) for x in counted]
    highest = max(keyed, key=itemgetter(0))[1]
    lowest = min(keyed, key=itemgetter(0))[1]
    ratio = highest.pay_per_fte / lowest.pay_per_fte
    reasons.append(because(t(
        f"Plus élevé : {highest.worker_id} en {highest.month}, {euro_text(highest.gross_pay)} / etp {decimal_text(highest.fte)} "
        f"= {euro_text(highest.pay_per_fte)} ; plus bas : {lowest.worker_id} en {lowest.month}, "
        f"{euro_text(lowest.gross_pay)} / etp {decimal_text(lowest.fte)} = {euro_text(lowest.pay_per_fte)} ; "
        f"rapport {ratio_text(ratio)}.",
        f"Highest: {highest.worker_id} in {highest.month}, {euro_text(highest.gross_pay, 'en')} / fte {highest.fte} "
        f"= {euro_text(highest.pay_per_fte, 'en')}; lowest: {lowest.worker_id} in {lowest.month}, "
        f"{euro_text(lowest.gross_pay, 'en')} / fte {lowest.fte} = {euro_text(lowest.pay_per_fte, 'en')}; "
        f"ratio {ratio_text(ratio, 'en')}.")))
    if limit.is_unknown:
        compliant = None
        reasons.append(because(t("Plafond du rapport inconnu pour ce régime.", "Ratio ceiling unknown for this regime."),
                               limit))
    else:
        compliant = ratio <= limit.number
    return WageTension(compliant, ratio, limit.number_or_none, highest, lowest, len(counted),
                       tuple(excluded), tuple(sorted(art60)), without_pay,
                       not (seniority is not None and seniority.value is True), tuple(reasons), tuple(notes),
                       tuple(counted))


def _seniority_flag(regime: Regime, on) -> Value | None:
    return regime.value_or_none("wages.equal_scale_seniority", on)


_SHAPES = {"fte_ratio": _fte_ratio}


def wage_tension(enterprise: Enterprise, regime: Regime, period: Period) -> WageTension | None:
    """The wage-tension figures, or None when the regime establishes no wage rule."""
    shape = _SHAPES.get(regime.rule("wages") or "none")
    return shape(enterprise, regime, period) if shape else None


# ------------------------------------------------------------------------------------ check
def check(enterprise: Enterprise, regime: Regime, period: Period, eligibility_report=None) -> CheckResult:
    result = wage_tension(enterprise, regime, period)
    if result is None:
        return not_established(NAME, regime)
    return as_check(result)


def as_check(result: WageTension) -> CheckResult:
    fix: list[Text] = []
    if result.ratio is None:
        summary = t("indéterminé : aucune paie exploitable dans la période",
                    "unknown: no usable payroll in the period")
        fix.append(t("Complétez la feuille Paie (salaire_brut et etp par mois).",
                     "Fill in the Paie sheet (salaire_brut and etp per month)."))
    else:
        limit = "?" if result.max_ratio is None else f"{result.max_ratio}"
        summary = t(f"rapport {ratio_text(result.ratio)} (max {limit}) — "
                    f"{result.highest.worker_id} {result.highest.month} / {result.lowest.worker_id} {result.lowest.month}",
                    f"ratio {ratio_text(result.ratio, 'en')} (max {limit}) — "
                    f"{result.highest.worker_id} {result.highest.month} / {result.lowest.worker_id} {result.lowest.month}")
        if result.compliant is False:
            target = result.lowest.pay_per_fte * result.max_ratio
            fix.append(t(
                f"Ramenez le salaire par etp le plus élevé ({result.highest.worker_id}, {result.highest.month}) "
                f"à {euro_text(target)} au plus, ou relevez le plus bas ({result.lowest.worker_id}, "
                f"{result.lowest.month}) à {euro_text(result.highest.pay_per_fte / result.max_ratio)} au moins.",
                f"Bring the highest pay per fte ({result.highest.worker_id}, {result.highest.month}) down to at most "
                f"{euro_text(target, 'en')}, or raise the lowest ({result.lowest.worker_id}, {result.lowest.month}) to at "
                f"least {euro_text(result.highest.pay_per_fte / result.max_ratio, 'en')}."))
    details = {**result.to_dict(), "notes": list(result.notes)}  # Text: rendered in the asked language
    return CheckResult(NAME, result.compliant, summary, result.reasons, tuple(fix), details)
