"""The target-public quota, per agrément year (rules.md §3.2, §4.2, §5.2, §6; Q3, Q10, Q11, Q13, Q18; D7).

Everything is measured in FTE-months from the ``Paie`` sheet (``rules.common.fte_rows``: the paid etp
of the month, else ``Personnel.etp`` pro rata of the days employed, with a warning). A month's
figures are the target FTE (workers whose status is target public), the total FTE (the regime's
denominator) and the FTE of unknown status (counted as *not* target: if counting them as target
would change the verdict, the verdict is unknown).

Agrément years run from ``Enterprise.agrement_date`` (year n = [agrément + (n-1) years, agrément + n
years - 1 day]); a year holds the calendar months that overlap it (an agrément starting mid-month
shares its first and last months between two years). Where a year is averaged (staircase years ≥ 2,
Brussels 2018), such a boundary month counts only for its days inside the year (``_year_part``): each
worker's daily etp (``rules.common.daily_fte``, D2) × those days employed ÷ the month's days, and the
month weighs days inside ÷ days of the month in the number of months. Months after the last ``Paie``
month are not known yet: a year still running is judged on its known months and marked ``provisional``.
Each year keeps the obligation of the regime in force on its first day (``regimes.regime_for_year``): a
regime that comes into force during an agrément year applies from the next one on.

The shape of the rule differs per regime (``[rules] quota``): "staircase" (Wallonia), judged in year 1
on the point value on the year's last day (end of month 12: the FTE of each worker under contract that
day, Q3) and on the annual average Σ target FTE-months ÷ Σ total FTE-months after;
"monthly_production_share" (Brussels 2004), every month from the 100th day, among execution staff — only the
months inside the period evaluated (``evaluate_quota``: the others are shown, not judged);
"mandate_minimums" (Brussels 2018), average FTE of target public, and the encadrement post (its contractual
etp over the days staffed, ``contract_fte_days``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Callable, Iterable, NamedTuple, Sequence

from ei_cli.i18n import Text, decimal_text, english_word, enumeration, plural, t
from ei_cli.model import Enterprise, Function, Worker
from ei_cli import periods
from ei_cli.periods import Month, Period, anniversary, days_between, years_overlapping
from ei_cli.problems import Problem, merged
from ei_cli.regimes import Regime, Value, get_regime, regime_for_year, regime_in_force
from ei_cli.rules.common import (NO_PAY, ONE, VERDICT, CheckResult, Reason, because, combine, contract_fte_days,
                                 daily_fte, denoised, days_employed_in, fallback_warnings, fte_lookup, not_begun,
                                 period_over, number_text, person_fte, pay_known_text, round_up, payroll_current,
                                 share_percent, share_text, shown_beside, four_places, workers_text, fte_days_beside,
                                 full_time_reason, lowered_by_full_time, one_full_time, awaited_text,
                                 provisional_label)

NAME = "quota"
ZERO = Decimal(0)


# ------------------------------------------------------------------------------ small helpers
def _q_beside(x: Decimal | None, limit: Decimal | None) -> Decimal | None:
    """An FTE judged against the minimum ``limit`` (a year's target FTE, Brussels 2018's encadrement) in JSON:
    4 places, but never on the limit it misses (``shown_beside``, denoised as the verdict compares it) — an
    exact 3,9999583 against 4 is 3.999958, not 4 (the documents print JSON figures), as ``_q_share`` floors
    shares."""
    if x is None or limit is None:
        return four_places(x)
    return shown_beside(denoised(Decimal(x)), limit, 4).normalize()


def _q_share(x: Decimal | None) -> Decimal | None:
    """A share in JSON: 4 decimals rounded *down*, so that one just below its minimum (0,29996 for
    0,3) never reads as reaching it — the rounding of shares as printed (``share_percent``)."""
    return None if x is None else (share_percent(x, 2) / 100).normalize()


def _share(target: Decimal, total: Decimal) -> Decimal | None:
    """target ÷ total to 10 decimals (``rules.common.denoised``): what a division of day shares or spreadsheet
    figures leaves beyond them is noise, and a share compared with a threshold must not fail on it — every
    share is made here, so no comparison can forget it."""
    return None if total == 0 else denoised(target / total)


def _average(fte_months: Decimal, months: Decimal) -> Decimal:
    """An average FTE over ``months`` (Σ FTE-months ÷ months), denoised as ``_share`` is."""
    return denoised(fte_months / months)


def _number(v: Value | None) -> Decimal | None:
    return None if v is None else v.number_or_none


# ------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class MonthQuota:
    """One calendar month: target FTE, total FTE (the denominator), FTE of unknown status — the whole
    month's figures.

    A month an averaged agrément year shares with its neighbour (agrément mid-month) also holds the part
    of it inside the year (``_year_part``): ``days_in_year`` and the FTE-months of those days
    (``year_*``); the year's sums take ``counted_*`` and ``weight`` (the whole month: the month's
    figures and 1)."""

    month: Month
    target_fte: Decimal
    total_fte: Decimal
    unknown_fte: Decimal = ZERO
    supervision_fte: Decimal | None = None
    required_share: Decimal | None = None
    judged: bool = True
    projected: bool = False
    days_in_year: int | None = None              # None: the whole month lies in the year (or no weighting)
    year_target_fte: Decimal | None = None
    year_total_fte: Decimal | None = None
    year_unknown_fte: Decimal | None = None
    year_supervision_fte: Decimal | None = None
    art60_fte: Decimal = ZERO                    # art. 60 §7 workers, not counted (Q11): shown apart
    # Month by month (Brussels 2004): a month of the agrément year outside the period evaluated (``ei batch
    # --month``, ``ei check --year``), shown for information, not judged.
    outside_period: bool = False
    # The contracts the one-full-time cap counted in part in the month (in the year's part of a month it shares,
    # ``_year_part``): said by the year's reason (``_counted_in_part``), not in JSON.
    lowered: tuple[str, ...] = ()

    @property
    def share(self) -> Decimal | None:
        return _share(self.target_fte, self.total_fte)

    @property
    def partial(self) -> bool:
        return self.days_in_year is not None

    @property
    def weight(self) -> Decimal:
        """The month's part of the year in months: days inside ÷ days of the month (1 for a whole month)."""
        return ONE if self.days_in_year is None else Decimal(self.days_in_year) / Decimal(self.month.days)

    @property
    def counted_target(self) -> Decimal:
        return self.target_fte if self.days_in_year is None else self.year_target_fte

    @property
    def counted_total(self) -> Decimal:
        return self.total_fte if self.days_in_year is None else self.year_total_fte

    @property
    def counted_unknown(self) -> Decimal:
        return self.unknown_fte if self.days_in_year is None else self.year_unknown_fte

    @property
    def counted_supervision(self) -> Decimal:
        return (self.supervision_fte or ZERO) if self.days_in_year is None else (self.year_supervision_fte or ZERO)

    def to_dict(self, lang: str = "fr") -> dict:
        out = {"month": str(self.month), "target_fte": four_places(self.target_fte),
               "total_fte": four_places(self.total_fte), "share": _q_share(self.share),
               "required_share": self.required_share, "unknown_fte": four_places(self.unknown_fte),
               "judged": self.judged, "art60_fte": four_places(self.art60_fte)}
        if self.supervision_fte is not None:
            out["supervision_fte"] = four_places(self.supervision_fte)
        if self.projected:
            out["projected"] = True
        if self.outside_period:
            out["outside_period"] = True
        if self.days_in_year is not None:
            out.update({"days_in_year": self.days_in_year, "weight": four_places(self.weight),
                        "counted_target_fte": four_places(self.year_target_fte),
                        "counted_total_fte": four_places(self.year_total_fte),
                        "counted_unknown_fte": four_places(self.year_unknown_fte)})
            if self.year_supervision_fte is not None:
                out["counted_supervision_fte"] = four_places(self.year_supervision_fte)
        return out


@dataclass(frozen=True)
class YearQuota:
    """The verdict for one agrément year."""

    year: int
    period: Period
    judged_on: str                   # month_12 | average | every_month | average_minimums
    months: tuple[MonthQuota, ...]
    months_in_year: int
    required_share: Decimal | None
    target_share: Decimal | None
    target_fte: Decimal              # 0 when not measured (``fte_measured`` false): the contract's number
    total_fte: Decimal
    unknown_fte: Decimal
    min_target_fte: Decimal | None
    shortfall_fte: Decimal | None
    compliant: bool | None
    summary: Text
    reasons: tuple[Reason, ...] = ()
    judged_month: Month | None = None
    provisional: bool = False
    extra: dict = field(default_factory=dict)
    # k of the shortfall: the months (Σ weights) where hiring still adds target FTE — 1 for a year 1
    # judged on its last day; None where no average is solved (Brussels 2004, month by month).
    adjustable: Decimal | None = None
    # The regime that judged the year and its quota rule: the one in force on its first day, or the nearest
    # one ``ei`` ships when the regime then in force is not shipped (``regimes.regime_for_year``).
    regime_id: str | None = None
    rule: str | None = None
    # False for a year without any payroll month known (``_no_data``): its target, total and unknown-status
    # FTE were not measured — 0 in JSON (cli.md: numbers), « — » wherever they are printed.
    fte_measured: bool = True
    # A year still running that fails (``_with_projection``): its projection's advice, decided once on the projected
    # year — said in its headline and reasons, and in ``check``'s what to fix. Not in JSON. None otherwise.
    advice: _Advice | None = None
    # Brussels 2018 (``average_minimums``): the minimum of target FTE solved over its Σ target FTE-months T, months
    # counted n (Σ weights) and the k months a hire counts in, exact — what its shortfall was solved from, and the
    # numbers its forecast's « Avec k » formula prints (``_hire_formula_reason``). None otherwise (no minimum, no
    # month left to hire in; a staircase year's « Manque » prints its own).
    least: _Least | None = None
    # Brussels 2018: the encadrement post as measured — Σ contractual etp × days, and the counted days' windows inside
    # the agrément year — from which a forecast solves the encadrement to hire in days (``_supervision_to_hire``).
    # Not in JSON. None otherwise.
    supervision_post: tuple[Decimal, tuple[Period, ...]] | None = None

    def to_dict(self, lang: str = "fr") -> dict:
        out = {
            "year": self.year, "agrement_year": self.year, "regime": self.regime_id, "rule": self.rule,
            "start": self.period.start.isoformat(), "end": self.period.end.isoformat(),
            "period": self.period.to_dict(),
            "judged_on": self.judged_on,
            "judged_month": str(self.judged_month) if self.judged_month else None,
            "provisional": self.provisional,
            "months_known": len(self.months), "months_in_year": self.months_in_year,
            "required_share": self.required_share, "target_share": _q_share(self.target_share),
            "target_fte": _q_beside(self.target_fte, self.min_target_fte), "total_fte": four_places(self.total_fte),
            "unknown_fte": four_places(self.unknown_fte), "min_target_fte": self.min_target_fte,
            "shortfall_fte": self.shortfall_fte, "fte_measured": self.fte_measured, "compliant": self.compliant,
            "summary": self.summary.get(lang),
            "reasons": [r.to_dict(lang) for r in self.reasons],
            "months": [m.to_dict(lang) for m in self.months],
        }
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class QuotaResult:
    """Every agrément year evaluated; the top-level figures are the latest year's (cli.md)."""

    regime_id: str
    rule: str
    period: Period
    years: tuple[YearQuota, ...]
    data_end: Month | None
    problems: tuple[Problem, ...] = ()
    # A period that ends before the agrément (no agrément year): the line the wage, employment and
    # follow-up checks give then (``rules.dashboard._before_agrement``: null, ``applicable: false``, the
    # reason naming the agrément date), with the quota's own summary.
    before_agrement: CheckResult | None = None

    @property
    def latest(self) -> YearQuota | None:
        return self.years[-1] if self.years else None

    @property
    def applicable(self) -> bool:
        """False for a period before the agrément (JSON ``applicable: false``): no quota obligation, which
        ``--strict`` does not fail on (``commands._common.finish``), as ``CheckResult.applicable``."""
        return self.before_agrement is None

    @property
    def compliant(self) -> bool | None:
        """Every year evaluated must comply (so ``--year`` over two agrément years fails if one does)."""
        return combine(y.compliant for y in self.years) if self.years else None

    @property
    def summary(self) -> Text:
        if not self.years:
            return self.before_agrement.summary
        shown = self.shown_years
        if len(shown) == 1:
            return shown[0].summary
        return t(" ; ".join(y.summary.fr.rstrip(".") for y in shown) + ".",
                 "; ".join(y.summary.en.rstrip(".") for y in shown) + ".")

    @property
    def shown_years(self) -> list[YearQuota]:
        """The years a one-line verdict must name: every earlier year that is not compliant (the verdict
        combines them all: a failing year 1 beside a compliant year 2 is « non conforme »), then the latest."""
        return [y for y in self.years[:-1] if y.compliant is not True] + [self.years[-1]] if self.years else []

    def to_dict(self, lang: str = "fr") -> dict:
        y = self.latest
        base = y.to_dict(lang) if y else {"required_share": None, "target_share": None, "target_fte": None,
                                          "total_fte": None, "shortfall_fte": None, "fte_measured": False,
                                          "months": [], "reasons": []}
        out = {"rule": self.rule, "compliant": self.compliant, "summary": self.summary.get(lang),
               "data_end": str(self.data_end) if self.data_end else None}
        for key in ("required_share", "target_share", "target_fte", "total_fte", "unknown_fte", "min_target_fte",
                    "shortfall_fte", "fte_measured", "judged_on", "judged_month", "provisional", "months", "reasons"):
            out[key] = base.get(key)
        if y:
            out.update(y.extra)
            out["agrement_year"] = y.year
        elif self.before_agrement is not None:
            out["reasons"] = [r.to_dict(lang) for r in self.before_agrement.reasons]
            out.update(self.before_agrement.details)
        out["agrement_years"] = [x.to_dict(lang) for x in self.years]
        return out


@dataclass(frozen=True)
class QuotaForecast:
    """The current agrément year projected to its end, and the target FTE to hire to comply."""

    at_month: Month
    hire_from: Month | None
    year: YearQuota                 # the projected year (known months then projected ones)
    extra_target_fte: Decimal | None
    months_remaining: int
    reasons: tuple[Reason, ...] = ()
    summary: Text = t("", "")
    # Regimes with a minimum of encadrement (Brussels 2018): its FTE to hire from ``hire_from`` too.
    extra_supervision_fte: Decimal | None = None
    # The first day a hire counts: the day after today (or the year's first day when later); None: no hire.
    hire_day: date | None = None
    # The days a hire counts in when they weigh less than one month (k < 1, ``_short_span``): the advice names them.
    hire_span: Period | None = None
    # Month by month (Brussels 2004): the current month, counted for its days left, said apart from the later
    # months' hire (``_month_apart``); None: one figure from ``hire_from``.
    apart: _MonthApart | None = None

    @property
    def compliant(self) -> bool | None:
        return self.year.compliant

    @property
    def hire_days(self) -> int | None:
        """The days a hire counts in: from ``hire_day`` to the year's last day (None: no hire)."""
        return days_between(self.hire_day, self.year.period.end) if self.hire_day else None

    def to_dict(self, lang: str = "fr") -> dict:
        return {"at_month": str(self.at_month), "hire_from": str(self.hire_from) if self.hire_from else None,
                "hire_from_day": self.hire_day.isoformat() if self.hire_day else None,
                "hire_days": self.hire_days,
                "months_remaining": self.months_remaining, "agrement_year": self.year.year,
                "start": self.year.period.start.isoformat(), "end": self.year.period.end.isoformat(),
                "projected_compliant": self.year.compliant, "required_share": self.year.required_share,
                "projected_target_share": _q_share(self.year.target_share),
                "projected_target_fte": _q_beside(self.year.target_fte, self.year.min_target_fte),
                "projected_total_fte": four_places(self.year.total_fte),
                "extra_target_fte": self.extra_target_fte,
                **_apart_fields(self.apart),
                **({"extra_supervision_fte": self.extra_supervision_fte}
                   if "min_supervision_fte" in self.year.extra else {}),
                "summary": self.summary.get(lang),
                "reasons": [r.to_dict(lang) for r in self.reasons],
                "months": [m.to_dict(lang) for m in self.year.months]}


# ------------------------------------------------------------------------------ the measure
@dataclass(frozen=True)
class _Frame:
    """What a shape judges: one agrément year, its known months, and the enterprise."""

    enterprise: Enterprise
    regime: Regime
    year: int
    period: Period
    months: tuple[MonthQuota, ...]
    months_in_year: int
    adjustable: frozenset[Month]     # months where hiring can still add target FTE
    report: object                   # the eligibility report (is_target)
    day_fte: Callable[[Worker, Month], Decimal]   # a worker's etp per day employed in a month
    # The part of the year whose months a month-by-month shape judges: the year, or its days inside the
    # period evaluated (``evaluate_quota``). None: the whole year.
    span: Period | None = None
    # The first day a hire counts in a projection: the day after today (``forecast_quota``); an adjustable month
    # holding it counts for its days from it. None: the adjustable months count whole (the known months' shortfall).
    hire_day: date | None = None

    @property
    def complete(self) -> bool:
        return len(self.months) == self.months_in_year

    @property
    def provisional(self) -> bool:
        """The year is judged on its known months while one is unpaid, or while it runs: a payroll entered up to its
        last month (ahead of today, or on its last day) measures it as entered, but the year is not over
        (``measured_early``) — judged again once it is (docs/interpretations.md, « An agrément year not begun »)."""
        return not self.complete or self.measured_early

    @property
    def measured_early(self) -> bool:
        """The part judged (``judged_span``) is not over yet (``period_over``) and this is no projection: a projection
        (``hire_day``: ``forecast_quota``) measures the year to its end, its verdict the projected one."""
        return not period_over(self.judged_span) and self.hire_day is None

    @property
    def running(self) -> bool:
        """The agrément year has not ended yet (``periods.today``): its unpaid months are to come. A year
        that has ended with months unpaid lacks payroll: no hire repairs it, the Paie sheet does."""
        return not period_over(self.period)

    @property
    def awaited(self) -> list[Month]:
        """The year's unpaid months whose payroll is awaited, not missing (``_awaited``)."""
        return _awaited(self.enterprise, self.period, {m.month for m in self.months})

    @property
    def judged_span(self) -> Period:
        return self.span or self.period

    def hire_weight(self, m: "MonthQuota") -> Decimal:
        """The part of a month, in months, a target FTE hired on ``hire_day`` is present in the year: its weight
        (days inside the year ÷ its days), from ``hire_day`` when the month holds it (0 when it is after the
        month's last day in the year). Only asked of adjustable months."""
        if self.hire_day is None:
            return m.weight
        return _present_share(m.month, max(self.hire_day, self.period.start), self.period.end)

    def hire_k(self, months: Iterable["MonthQuota"]) -> Decimal:
        """k: the weight, in months, of the days a target FTE hired on ``hire_day`` counts in — Σ ``hire_weight``
        of the adjustable ``months`` (the shortfall's and the forecast's one k)."""
        return sum((self.hire_weight(m) for m in months if m.month in self.adjustable), ZERO)

    def in_span(self, month: Month) -> bool:
        """Whether ``month`` holds a day of ``judged_span`` (a month of the period evaluated)."""
        s = self.judged_span
        return month.first_day <= s.end and month.last_day >= s.start


@dataclass(frozen=True)
class _Point:
    """Year 1 (Q3): the FTE of the counted workers under contract on one day."""

    day: date
    target_fte: Decimal
    total_fte: Decimal
    unknown_fte: Decimal
    workers: int
    lowered: tuple[str, ...] = ()   # the contracts the one-full-time cap counted in part that day


def _hire_part(month: Month, hire_day: date) -> Decimal:
    """Month by month (Brussels 2004): the part w of ``month`` a hire counted from ``hire_day`` is present in, by
    which that month's need is divided — the solver's (``_monthly_need``) and its reason's
    (``_monthly_hire_reason``) one figure."""
    return _present_share(month, hire_day, month.last_day)


def _present_share(month: Month, first: date, last: date) -> Decimal:
    """The part of ``month`` from ``first`` to ``last`` (both included): its days ÷ the month's days — exactly 1 for
    the whole month, 0 for none of it."""
    days = days_between(max(first, month.first_day), min(last, month.last_day))
    return ONE if days == month.days else Decimal(days) / Decimal(month.days)


def _paid_day_fte(enterprise: Enterprise) -> Callable[[Worker, Month], Decimal]:
    """A worker's etp on each day employed in ``month`` (``rules.common.daily_fte``, D2): the month's Paie
    etp (the month's paid working time averaged over the calendar month) ÷ the share of the month
    employed, at most 1 — a worker hired on the 20th of a 31-day month with Paie etp 12/31 counts 1 on
    each of those 12 days. Without a Paie row, Personnel.etp (the month is already in the
    ``payroll_missing_month`` warning)."""
    pay_index = enterprise.pay_by_worker_month

    def fte(worker: Worker, month: Month) -> Decimal:
        return daily_fte(pay_index.get(worker.worker_id, NO_PAY), worker, month, month.first_day, month.last_day)[0]

    return fte


def _year_part(f: _Frame, m: MonthQuota, counted: Callable[[Worker], bool], supervision: bool) -> MonthQuota:
    """``m`` with the part of it inside the agrément year, when the year begins or ends within it.

    Each counted worker's FTE-months of that part = etp per day employed (``f.day_fte``: Paie spread over
    the days employed, D2; projected etp in a forecast) × the part's days employed ÷ the month's days;
    the month weighs the part's days ÷ the month's days. A month wholly inside the year is returned as is.
    """
    month = m.month
    first, last = max(month.first_day, f.period.start), min(month.last_day, f.period.end)
    days = days_between(first, last)
    if days == month.days:
        return m
    part = Period(first, last)
    target = total = unknown = sup = ZERO
    lowered = []
    for w in f.enterprise.workers:
        is_counted, is_sup = counted(w), supervision and _is_supervision(w)
        if not (is_counted or is_sup):
            continue
        employed = days_employed_in(w, part)
        if not employed:
            continue
        own = f.day_fte(w, month)
        x = _beside_days(f, w, month, own, max(w.hire_date, first), min(w.exit_date or date.max, last)) / month.days
        if x < own * employed / month.days:
            lowered.append(w.worker_id)
        if is_sup:
            sup += x
        if is_counted:
            total += x
            in_target, in_unknown = _by_status(f, w, x)
            target += in_target
            unknown += in_unknown
    return replace(m, days_in_year=days, year_target_fte=target, year_total_fte=total, year_unknown_fte=unknown,
                   year_supervision_fte=sup if supervision else None, lowered=tuple(lowered))


def _weighted(f: _Frame, months: tuple[MonthQuota, ...], counted: Callable[[Worker], bool], supervision: bool = False
              ) -> tuple[tuple[MonthQuota, ...], Decimal, Decimal, list[Reason]]:
    """The months of an averaged year with their parts inside it (only the first and the last can be
    cut), the number of months counted (Σ weights: 12 for a whole year whose two boundary months have
    the same length), the weight of the adjustable months, and a reason naming the cut months."""
    if months:
        months = (_year_part(f, months[0], counted, supervision), *months[1:-1],
                  *((_year_part(f, months[-1], counted, supervision),) if len(months) > 1 else ()))
    count = sum((m.weight for m in months), ZERO)
    adjustable = f.hire_k(months)
    cut = [m for m in months if m.partial]
    reasons = []
    if cut:
        fr = ", ".join(f"{m.month} ({m.days_in_year} jours sur {m.month.days})" for m in cut)
        en = ", ".join(f"{m.month} ({m.days_in_year} days out of {m.month.days})" for m in cut)
        reasons.append(because(t(
            f"Mois partagés avec l'année d'agrément voisine : {fr}. Seuls les jours dans l'année comptent : "
            "etp payé du mois réparti sur les jours occupés (au plus 1 par jour, lecture retenue par ei) × jours occupés dans "
            "l'année ÷ jours du mois ; le mois compte pour cette part de mois (jours dans l'année ÷ jours du mois).",
            f"Months shared with the neighbouring agrément year: {en}. Only the days inside the year count: "
            "the month's paid etp spread over the days employed (at most 1 a day, the reading ei adopts) × days employed inside "
            "the year ÷ days of the month; the month counts as that part of a month (days inside ÷ days of "
            "the month).")))
    return months, count, adjustable, reasons


def _months_text(n: Decimal, lang: str = "fr") -> str:
    """A number of months (n counted, k a hire counts in): 12 when whole, else to 4 places as in JSON (11,5484,
    ``_four_text``) — the figure solved from it is rounded up from the exact one, and « k = 3,98 » beside 4,97
    gave 9,9 ÷ (0,5 × 3,98) = 4,975 → 4,98 (k = 16/30 + 3 + 14/31 = 3,9849)."""
    return str(int(n)) if n == int(n) else _four_text(n, lang)


def _year_months_text(n: Decimal, months: Sequence[MonthQuota]) -> Text:
    """« 12 mois de l'année d'agrément (2025-03 – 2026-02) »: n months (``_months_text``) named by the first and last
    of ``months``, so that a reader beside a calendar year's table (the annual report) knows which they are."""
    first, last = months[0].month, months[-1].month
    span = str(first) if first == last else f"{first} – {last}"
    return t(f"{_months_text(n)} mois de l'année d'agrément ({span})",
             f"{_months_text(n, 'en')} {english_word(n, 'month')} of the agrément year ({span})")


def _four_text(x: Decimal, lang: str = "fr") -> str:
    """A figure entering a formula printed with its numbers: to 4 places as in JSON (``four_places``: 27,7596,
    3,5), so that the numbers printed give the figure printed beside them."""
    return decimal_text(four_places(x), lang)


class _Least(NamedTuple):
    """The minimum branch of ``_staircase_branches``: the minimum, T, n, k and its x = (minimum × n − T) ÷ k (``of``,
    the one place it is solved)."""

    minimum: Decimal
    target: Decimal
    n: Decimal
    k: Decimal
    x: Decimal

    @classmethod
    def of(cls, minimum: Decimal, target: Decimal, n: Decimal, k: Decimal) -> "_Least":
        """(T + k·x) ÷ n ≥ minimum over the n months counted, x present k of them (k > 0)."""
        n, k = Decimal(n), Decimal(k)
        return cls(minimum, target, n, k, (minimum * n - target) / k)


def _minimum_formula(least: _Least, per: str | None = "k") -> Text:
    """The minimum branch of ``_staircase_branches`` with its numbers: « x = (minimum × n − T) ÷ k = (4,00 × 12 −
    27,7596) ÷ 9,3 = 2,1764 » — (T + k·x) ÷ n ≥ minimum over the n months counted, x present k of them; ``per``
    « n » for a year whose every month counted is adjustable (k = n); None for a point value (n = k = 1): « x =
    minimum − T = 1,00 − 0,5 = 0,5 »."""
    minimum, target, n, k, x = least

    def said(lang: str) -> str:
        if per is None:
            return f"x = minimum − T = {number_text(minimum, lang)} − {_four_text(target, lang)} = {_four_text(x, lang)}"
        return (f"x = (minimum × n − T) ÷ {per} = ({number_text(minimum, lang)} × {_months_text(n, lang)} − "
                f"{_four_text(target, lang)}) ÷ {_months_text(k, lang)} = {_four_text(x, lang)}")

    return t(said("fr"), said("en"))


def _beside_days(f: _Frame, worker: Worker, month: Month, own: Decimal, first: date, last: date) -> Decimal:
    """FTE-days of ``worker`` at ``own`` etp a day on ``first`` … ``last`` (all employed) of ``month``, beside the
    person's earlier contracts at their etp a day (``f.day_fte``): at most one full-time a day, their contracts
    together (``common.fte_days_beside``)."""
    earlier = f.enterprise.earlier_contracts(worker)
    return fte_days_beside(own, first, last, ((o, f.day_fte(o, month)) for o in earlier))


def _point_value(f: _Frame, counted: Callable[[Worker], bool], day: date) -> _Point:
    """Target, total and unknown-status FTE of the counted workers employed on ``day`` (Personnel dates); a
    person at most one full-time that day, their contracts together (``_beside_days``)."""
    month = Month.of(day)
    target = total = unknown = ZERO
    employed = [w for w in f.enterprise.workers if counted(w) and w.employed_on(day)]
    lowered = []
    for w in employed:
        own = f.day_fte(w, month)
        x = _beside_days(f, w, month, own, day, day)
        if x < own:
            lowered.append(w.worker_id)
        total += x
        in_target, in_unknown = _by_status(f, w, x)
        target += in_target
        unknown += in_unknown
    return _Point(day, target, total, unknown, f.enterprise.persons(employed), tuple(lowered))


def _by_status(f: _Frame, worker: Worker, fte: Decimal) -> tuple[Decimal, Decimal]:
    """(the part of ``fte`` counted as target public, the part of unknown status): all of it in one, or none."""
    status = f.report.is_target(worker.worker_id)
    return (fte if status is True else ZERO), (fte if status is None else ZERO)


def _counted(worker: Worker) -> bool:
    """In the denominator: workers under an employment contract with the EI (art. 60 excluded, Q11)."""
    return worker.has_employment_contract


def _counted_production(worker: Worker) -> bool:
    return worker.has_employment_contract and worker.function == Function.PRODUCTION


def _is_art60(worker: Worker) -> bool:
    """Art. 60 §7: employed by the CPAS, never counted in the quota, shown apart (Q11)."""
    return not worker.has_employment_contract


def _is_supervision(worker: Worker) -> bool:
    return worker.has_employment_contract and worker.function == Function.SUPERVISION


def _measure(enterprise: Enterprise, report, months: list[Month], counted: Callable[[Worker], bool],
             fte_row: Callable[[Worker], Sequence[Decimal]], supervision: bool) -> list[MonthQuota]:
    """Month by month: target, total and unknown-status FTE of the counted workers (``fte_row(w)``:
    the worker's etp in each of ``months``; a person at most one full-time a day, ``common.one_full_time``, the
    contracts it counted in part kept in each month's ``lowered``), and the art. 60 §7 workers' FTE, shown apart
    (Q11)."""
    out = []
    raw, fte_row = fte_row, one_full_time(enterprise, months, fte_row)
    lowered = lowered_by_full_time(enterprise, (w for w in enterprise.workers
                                                 if counted(w) or (supervision and _is_supervision(w))), raw, fte_row)
    members = [(fte_row(w), report.is_target(w.worker_id))
               for w in enterprise.workers if counted(w)]
    # Encadrement (Brussels 2018 mandate): a target-public worker in that function counts on the target
    # side only — the two minimums are two groups (the 2004 supervision share excludes them alike).
    sup = [fte_row(w) for w in enterprise.workers
           if _is_supervision(w) and report.is_target(w.worker_id) is not True] if supervision else []
    art60 = [fte_row(w) for w in enterprise.workers if _is_art60(w)]
    for i, m in enumerate(months):
        target = total = unknown = ZERO
        for row, status in members:
            x = row[i]
            if not x:
                continue
            total += x
            if status is True:
                target += x
            elif status is None:
                unknown += x
        sup_fte = sum((row[i] for row in sup), ZERO) if supervision else None
        out.append(MonthQuota(m, target, total, unknown, sup_fte,
                              art60_fte=sum((row[i] for row in art60), ZERO), lowered=tuple(lowered.get(i, ()))))
    return out


def default_period(enterprise: Enterprise) -> Period:
    """The last payroll month (its agrément year is evaluated); without payroll, the current month
    (``periods.today``), or the agrément's first month when it is later: the year in progress, said
    « indéterminé » for want of payroll — a month like the other default, not a one-day period."""
    end = enterprise.last_pay_month
    if end is None:
        end = Month.of(forecast_day(enterprise))   # today, or the agrément day when later
    return Period(end.first_day, end.last_day)


# ------------------------------------------------------------------------------ shape: staircase
def _required_key(regime: Regime, n: int) -> str | None:
    if regime.has(f"quota.required_share.year_{n}"):
        return f"quota.required_share.year_{n}"
    steps = [k for k in range(1, n + 1) if regime.has(f"quota.required_share.year_{k}_and_after")]
    return f"quota.required_share.year_{max(steps)}_and_after" if steps else None


def _verdict(ok_low: bool | None, ok_high: bool | None) -> bool | None:
    """Unknown statuses counted as not target (low) and as target (high): unknown if they disagree."""
    if ok_low is None or ok_high is None:
        return None
    if ok_low:
        return True
    return False if not ok_high else None


def _staircase_branches(r: Decimal | None, minimum: Decimal | None, target: Decimal, total: Decimal, n: Decimal,
                        k: Decimal) -> tuple[Decimal | None, _Least | None]:
    """Target FTE to add on every day of the adjustable months so that the ``n``-month figures comply, by each rule
    of the regime (k > 0): the share's x, and the minimum's solved with its numbers (None: not a rule of the regime).

    ``n`` and ``k``: the months counted and the adjustable ones, in months (Σ weights: a month shared
    with the neighbouring agrément year counts for its days inside the year ÷ its days), so x FTE on
    every such day adds k·x FTE-months.
    Share: (T + k·x) / (D + k·x) ≥ r  ⇔  x ≥ (r·D − T) / ((1 − r)·k).
    Minimum: (T + k·x) / n ≥ min  ⇔  x ≥ (min·n − T) / k.
    """
    share = (r * total - target) / ((1 - r) * k) if r is not None and r < 1 else None
    least = _Least.of(minimum, target, n, k) if minimum is not None else None
    return share, least


def _staircase_need(share: Decimal | None, least: _Least | None) -> Decimal:
    """The figure solved from ``_staircase_branches``: the larger x of the rules of the regime, 0 at least."""
    return max([ZERO, *(x for x in (share, None if least is None else least.x) if x is not None)])


def _judge_staircase(f: _Frame) -> YearQuota:
    regime, n, on = f.regime, f.year, f.period.end
    key = _required_key(regime, n)
    req_v = regime.value(key, on) if key else None
    r = _number(req_v)
    min_v = regime.value_or_none("quota.min_target_fte", on)
    minimum = _number(min_v)
    req_text, req_text_en = share_text(r), share_text(r, "en")
    reasons = []
    months = tuple(replace(m, required_share=r) for m in f.months)
    if n == 1:
        judged_on = "month_12"
        reasons.append(because(t(
            f"Année d'agrément 1 : au moins {req_text} de public cible à son terme, jugé sur la valeur ponctuelle "
            f"à la fin du 12e mois, le {f.period.end.isoformat()} (dernier jour de l'année d'agrément), et non sur "
            "la moyenne du mois.",
            f"Agrément year 1: at least {req_text_en} target public at its end, judged on the point value at the end "
            f"of month 12, on {f.period.end.isoformat()} (the last day of the agrément year), not on the month's "
            "average."), req_v))
        reasons.append(because(t(
            "Valeur ponctuelle = ETP des travailleurs sous contrat ce jour-là (dates de Personnel ; sortis avant ce "
            "jour : non comptés). ETP d'un travailleur ce jour = etp payé du mois (Paie) ÷ part du mois où il est "
            "occupé, au plus 1 (engagé le 20 d'un mois de 31 jours, etp 12/31 → 1) ; sans ligne de paie, "
            "Personnel.etp.",
            "Point value = FTE of the workers under contract that day (Personnel dates; those who left before it do "
            "not count). A worker's FTE that day = the month's paid etp (Paie) ÷ the share of the month employed, at "
            "most 1 (hired on the 20th of a 31-day month, etp 12/31 → 1); without a payroll row, Personnel.etp."),
            regime.value_or_none("quota.averaging", on)))
    else:
        judged_on = "average"
        reasons.append(because(t(
            f"Année d'agrément {n} : au moins {req_text} de public cible en moyenne annuelle.",
            f"Agrément year {n}: at least {req_text_en} target public as an annual average."), req_v))
        reasons.append(because(t(
            "Moyenne annuelle = Σ ETP-mois du public cible ÷ Σ ETP-mois de tous les travailleurs de l'année "
            "d'agrément (ETP de la feuille Paie, mois par mois).",
            "Annual average = Σ target-public FTE-months ÷ Σ FTE-months of every worker over the agrément year "
            "(FTE from the Paie sheet, month by month)."), regime.value_or_none("quota.averaging", on)))
    reasons.append(because(t(
        "Dénominateur : travailleurs sous contrat de travail avec l'EI (direction comprise) ; les art. 60 §7, "
        "employés par le CPAS, ne sont comptés ni au numérateur ni au dénominateur.",
        "Denominator: workers under an employment contract with the EI (management included); art. 60 §7 "
        "workers, employed by the CPAS, count neither in the numerator nor in the denominator."),
        regime.value_or_none("quota.denominator", on)))
    if minimum is not None:
        reasons.append(because(t(
            f"Dans tous les cas, au moins {number_text(minimum)} ETP de public cible "
            + (f"le {f.period.end.isoformat()}." if n == 1 else "en moyenne sur l'année."),
            f"In every case, at least {number_text(minimum, 'en')} target-public FTE "
            + (f"on {f.period.end.isoformat()}." if n == 1 else "on average over the year."), ), min_v))
    if not months:
        # The averaged year's count of months, 0 here: the measured path gives it (JSON fields are only added).
        return _no_data(f, judged_on, r, minimum, reasons, None if n == 1 else {"months_counted": four_places(ZERO)})
    point = None
    if n == 1:
        # The point value on the year's last day (while the year runs: the last day of the last known
        # month); month 12 (the month holding that day) is the judged row, the others inform (Q3).
        months = tuple(replace(x, judged=x is months[-1]) for x in months)
        m = months[-1]
        point = _point_value(f, _counted, min(f.period.end, m.month.last_day))
        if point.lowered:   # the judged day's cap too, for the year's reason (``_counted_in_part``)
            months = (*months[:-1], replace(m, lowered=tuple(dict.fromkeys(m.lowered + point.lowered))))
        target, total, unknown, count = point.target_fte, point.total_fte, point.unknown_fte, 1
        judged_month = m.month
        adjustable = 1 if m.month in f.adjustable else 0
    else:
        months, count, adjustable, cut = _weighted(f, months, _counted)
        reasons += cut
        target = sum((m.counted_target for m in months), ZERO)
        total = sum((m.counted_total for m in months), ZERO)
        unknown = sum((m.counted_unknown for m in months), ZERO)
        judged_month = None
    share = _share(target, total)

    def ok(tg: Decimal) -> bool | None:
        if r is None:
            return None
        s = _share(tg, total)
        share_ok = s is not None and s >= r
        min_ok = minimum is None or _average(tg, count) >= minimum
        return share_ok and min_ok

    compliant = _verdict(ok(target), ok(target + unknown))
    # A year that misses (or may): the two branches of ``_staircase_branches`` — the figure is the larger;
    # when the minimum of target FTE, not the share, gave it (``least``), the « Manque » prints its formula.
    shortfall, least, by_share = (ZERO if compliant else None), None, None
    if not compliant and r is not None and adjustable:
        by_share, by_minimum = _staircase_branches(r, minimum, target, total, count, adjustable)
        shortfall = round_up(_staircase_need(by_share, by_minimum))
        if by_minimum is not None and by_minimum.x > 0 and (by_share is None or by_minimum.x > by_share):
            least = by_minimum
    avg_target, avg_total = target / count, total / count
    # The target FTE as the minimum judges it (``ok``), printed beside it: never « 1,00 … au moins 1,00 » when
    # 0,9967 misses it.
    judged = _average(target, count)
    if n == 1:
        day = point.day.isoformat()
        under_contract = plural(point.workers, "travailleur sous contrat", "worker under contract",
                                "travailleurs sous contrat", "workers under contract")
        reasons.append(because(t(
            f"Le {day} : {number_text(judged, beside=minimum)} ETP public cible sur {number_text(total)} ETP "
            f"({under_contract.fr} ce jour-là), soit {share_text(share)} (exigé : {req_text}). La ligne du mois "
            f"{judged_month} dans le tableau mensuel est la moyenne du mois, pour information.",
            f"On {day}: {number_text(judged, 'en', minimum)} target-public FTE out of {number_text(total, 'en')} FTE "
            f"({under_contract.en} that day), i.e. {share_text(share, 'en')} (required: "
            f"{req_text_en}). The row of month {judged_month} in the monthly table is the month's average, for "
            "information.")))
    else:
        # The Σ FTE-months to 4 places (``_four_text``), as the « Manque » formula below prints T: one T per year
        # block, never « 4,95 ETP-mois public cible » above « (1,00 × 12 − 4,9482) ÷ 12 ».
        over = _year_months_text(count, months)
        reasons.append(because(t(
            f"{_four_text(target)} ETP-mois public cible ÷ {_four_text(total)} ETP-mois sur {over.fr} = {share_text(share)} "
            f"(exigé : {req_text}) ; en moyenne {number_text(judged, beside=minimum)} ETP public cible sur {number_text(avg_total)} ETP.",
            f"{_four_text(target, 'en')} target-public FTE-months ÷ {_four_text(total, 'en')} FTE-months over {over.en} = "
            f"{share_text(share, 'en')} (required: {req_text_en}); on average {number_text(judged, 'en', minimum)} target FTE out of "
            f"{number_text(avg_total, 'en')} FTE.")))
    reasons += _unknown_reasons(unknown / count, compliant)
    # A projection's hire counts on the days left only (k months, ``_Frame.hire_k``), not on every day of the year.
    hire = (adjustable, f.hire_day) if f.hire_day is not None and point is None else None
    reasons += _shortfall_reasons(shortfall, point.day if point else None, r, hire, least, by_share)
    provisional = f.provisional
    if provisional:
        reasons.append(_provisional_reason(f))
    # The minimum, not the share, gives the figure while the share misses too: the headline says which rule asks
    # it and what the share alone would ask (the share met, the minimum's clause below names it already).
    cause = None
    if least is not None and not _share_met(by_share):
        asks = _share_asks(by_share, r)
        cause = t(f"minimum de {number_text(minimum)} ETP ; {asks.fr}",
                  f"minimum of {number_text(minimum, 'en')} FTE; {asks.en}")
    summary = _summary(n, f.period, compliant, share, r, shortfall, provisional,
                       point_day=point.day if point else None, unknown=unknown / count,
                       awaited=f.awaited, cause=cause)
    if minimum is not None and compliant is False and r is not None and share is not None \
            and share >= r and judged < minimum:
        # The share is met: what fails is the minimum of target FTE, which the headline must name.
        summary = t(summary.fr.rstrip(".") + f" ; {number_text(judged, beside=minimum)} ETP de public cible pour "
                    f"un minimum de {number_text(minimum)}.",
                    summary.en.rstrip(".") + f"; {number_text(judged, 'en', minimum)} target-public FTE for a "
                    f"minimum of {number_text(minimum, 'en')}.")
    extra = {"judged_date": point.day.isoformat()} if point else {"months_counted": four_places(count)}
    return YearQuota(n, f.period, judged_on, months, f.months_in_year, r, share, avg_target, avg_total,
                     unknown / count, minimum, shortfall, compliant, summary, tuple(reasons), judged_month,
                     provisional, extra, Decimal(adjustable))


# ------------------------------------------------------------------------------ shape: Brussels 2004
def _effective_date(enterprise: Enterprise, regime: Regime) -> tuple[date, Value | None]:
    v = regime.value_or_none("quota.effective_after_days", enterprise.agrement_date)
    days = _number(v)
    if days is None:
        return enterprise.agrement_date, v
    # « cent jours calendrier à compter du début de l'activité »: counted from the next day (art. 52 Code
    # judiciaire), so the obligation applies from the agrément day + 100 days.
    return enterprise.agrement_date + timedelta(days=int(days)), v


def _monthly_need(r: Decimal, months: tuple[MonthQuota, ...], adjustable: frozenset[Month],
                  hire_day: date | None = None) -> Decimal | None:
    """Target FTE to add in every adjustable judged month: max over months of (r·D − T) / ((1 − r)·w), w the part
    of the month a hire on ``hire_day`` is present (``_present_share``; 1 without ``hire_day``)."""
    need = ZERO
    for m in months:
        if not m.judged or r >= 1:
            continue
        x = (r * m.total_fte - m.target_fte) / (1 - r)
        if x <= 0:
            continue
        w = ZERO if m.month not in adjustable else ONE if hire_day is None else _hire_part(m.month, hire_day)
        if w == 0:
            return None
        need = max(need, x / w)
    return need


def _judge_monthly(f: _Frame) -> YearQuota:
    enterprise, regime, n, on = f.enterprise, f.regime, f.year, f.period.end
    req_v = regime.value_or_none("quota.required_share", on)
    r = _number(req_v)
    eff, eff_v = _effective_date(enterprise, regime)
    day = "?" if _number(eff_v) is None else str(int(_number(eff_v)))  # a whole number of days
    req_text, req_text_en = share_text(r), share_text(r, "en")
    reasons = [
        because(t(f"Au moins {req_text} de travailleurs du public cible parmi le personnel d'exécution, durant "
                  "l'agrément.",
                  f"At least {req_text_en} target-public workers among execution staff, during the agrément."), req_v),
        # The text says « durant l'agrément »; judging each month is the project's reading (§5.2, Q10), cited apart.
        because(t("Chaque mois est jugé (pas de moyenne) : le texte ne dit pas comment la part se mesure, la moyenne "
                  "de l'année n'est donnée que pour information.",
                  "Every month is judged (no averaging): the text does not say how the share is measured, the year's "
                  "average is given for information only."), regime.value_or_none("quota.averaging", on)),
        because(t(f"Obligation effective à partir du {eff.isoformat()} ({day} jours après date_agrement, comptés à partir "
                  "du lendemain) : les mois entiers à partir de ce jour sont jugés (la paie d'un mois commencé avant "
                  "mêle des jours où l'obligation ne s'appliquait pas encore).",
                  f"Obligation effective from {eff.isoformat()} ({day} days after date_agrement, counted from the next "
                  "day): the whole months from that day are judged (the payroll of a month begun before it mixes days "
                  "when the obligation did not apply yet)."), eff_v),
        because(t("Dénominateur : ETP du personnel d'exécution (fonction production) sous contrat de travail ; "
                  "numérateur : ceux d'entre eux qui sont du public cible.",
                  "Denominator: FTE of execution staff (function production) under an employment contract; "
                  "numerator: those of them who are target public."), regime.value_or_none("quota.denominator", on)),
    ]
    # Only the months of the period evaluated are judged (``f.judged_span``): a month is judged for itself,
    # so another month of the agrément year, outside the period, is shown for information, not judged
    # (``ei batch --month 2015-03`` was « non conforme » for November 2014).
    months = tuple(replace(m, required_share=r, judged=m.month.first_day >= eff and f.in_span(m.month),
                           outside_period=not f.in_span(m.month)) for m in f.months)
    span = f.judged_span
    span_months = [m for m in f.period.months() if f.in_span(m)]
    partial = span != f.period
    span_fr = span_en = ""
    if partial:
        listed = _span_text(span_months)
        span_fr, span_en = f", mois de la période ({listed})", f", months of the period ({listed})"
        reasons.append(because(t(
            f"Période évaluée {span.start.isoformat()} – {span.end.isoformat()} : seuls les mois de l'année "
            f"d'agrément dans cette période sont jugés ({listed}) ; chaque mois étant jugé pour lui-même, les "
            "autres mois connus de l'année sont montrés pour information (« non jugé »), hors verdict.",
            f"Period evaluated {span.start.isoformat()} – {span.end.isoformat()}: only the months of the agrément "
            f"year inside it are judged ({listed}); each month being judged for itself, the year's other known "
            "months are shown for information (“not judged”), outside the verdict.")))
    extra = _min_workers(enterprise, regime, f, reasons)
    judged = [m for m in months if m.judged]
    # What the verdict judged (the months from the effective day), not the year's average: the lowest
    # judged month (its share floored as printed) and the months below the minimum.
    shares = [m for m in judged if m.share is not None]
    lowest = min(shares, key=lambda m: m.share) if shares else None
    # Below the minimum even with every unknown status counted as target: failed; only with them counted as
    # not target: undetermined (the verdict is then unknown, the months are not « sous le seuil »).
    below = [m for m in judged if m.share is not None and r is not None and m.share < r]
    failing = [m for m in below if _share(m.target_fte + m.unknown_fte, m.total_fte) < r]
    unsure = [m for m in below if m not in failing]
    extra.update({"obligation_effective_on": eff.isoformat(), "months_judged": len(judged),
                  "lowest_judged_month": str(lowest.month) if lowest else None,
                  "lowest_judged_share": _q_share(lowest.share) if lowest else None,
                  "failing_months": [str(m.month) for m in failing],
                  "undetermined_months": [str(m.month) for m in unsure],
                  "judged_period": span.to_dict()})
    if not months:
        return _no_data(f, "every_month", r, None, reasons, extra)
    if all(m.outside_period for m in months):
        # The period's months are beyond the payroll: nothing of them is known (the other months are not judged).
        return _no_data(f, "every_month", r, None, reasons, extra, months, span_fr, span_en)

    # Every judged month at the minimum on known statuses (none ``below``), or with the unknown ones counted
    # as target (none ``failing``); a month without execution staff has nothing to judge.
    low, high = (None, None) if r is None else (not below, not failing)
    quota_ok = _verdict(low, high)
    compliant = combine([quota_ok, extra.get("min_workers_compliant", True)])
    target = sum((m.target_fte for m in months), ZERO)
    total = sum((m.total_fte for m in months), ZERO)
    unknown = sum((m.unknown_fte for m in months), ZERO)
    share = _share(target, total)
    need = _monthly_need(r, tuple(judged), f.adjustable, f.hire_day) if r is not None else None
    shortfall = ZERO if quota_ok else (round_up(need) if need is not None else None)
    count = len(months)
    judged_months = _months_judged(len(judged))
    reasons.append(because(t(
        f"{judged_months.fr}, {len(failing)} sous le seuil"
        + (f" ({', '.join(str(m.month) for m in failing)})" if failing else "")
        + (f", {len(unsure)} sous le seuil selon les statuts connus ({', '.join(str(m.month) for m in unsure)})"
           if unsure else "")
        + f" ; moyenne de l'année (information) : {share_text(share)}.",
        f"{judged_months.en}, {len(failing)} below the threshold"
        + (f" ({', '.join(str(m.month) for m in failing)})" if failing else "")
        + (f", {len(unsure)} below it on the known statuses ({', '.join(str(m.month) for m in unsure)})"
           if unsure else "")
        + f"; year average (information): {share_text(share, 'en')}.")))
    reasons += _unknown_reasons(unknown / count, quota_ok)
    if shortfall:
        # A projection (``forecast_quota``, a ``hire_day``): the need of a month is divided by the part of it a hire
        # is present in (``_monthly_need``), the current month counted for its days left.
        projected = f.hire_day is not None
        which = t("le mois qui en demande le plus", "the month that asks the most") if projected else \
            t("le mois le plus déficitaire", "the worst month")
        w = t(", divisé par la part w du mois où l'engagement est présent — 1 pour un mois entier —",
              ", divided by the part w of the month the hire is present in — 1 for a whole month —") if projected \
            else t("", "")
        reasons.append(because(t(
            f"Manque : {number_text(shortfall)} ETP de public cible à ajouter dans {which.fr} "
            f"(x = (r·D − T) ÷ (1 − r) pour ce mois{w.fr}, arrondi vers le haut).",
            f"Shortfall: {number_text(shortfall, 'en')} target-public FTE to add in {which.en} "
            f"(x = (r·D − T) ÷ (1 − r) for that month{w.en}, rounded up).")))
    # Provisional while a month of the period evaluated is not paid yet, or the period is not over (its months
    # paid as entered ahead of today, or today its last day).
    known = {m.month for m in months}
    provisional = any(m not in known for m in span_months) or f.measured_early
    if provisional:
        reasons.append(_provisional_reason(f))
    summary = _monthly_summary(n, f.period, compliant, r, lowest, failing, len(judged), share, eff, provisional,
                               unsure, (span_fr, span_en), awaited=f.awaited)
    if extra.get("min_workers_compliant") is False:  # the verdict's other cause, said beside the share
        on_day = _workers_on_that_day(extra)
        summary = t(summary.fr.rstrip(".") + f" ; {on_day.fr}.", summary.en.rstrip(".") + f"; {on_day.en}.")
    return YearQuota(n, f.period, "every_month", months, f.months_in_year, r, share, target / count,
                     total / count, unknown / count, None, shortfall, compliant, summary, tuple(reasons), None,
                     provisional, extra)


_LISTED_MONTHS = 3  # failing months a headline names before « … »


def _months_judged(n: int) -> Text:
    """« 1 mois jugé », « 8 mois jugés » / « 1 month judged », « 8 months judged »."""
    return plural(n, "mois jugé", "month judged", "mois jugés", "months judged")


def _workers_on_that_day(extra: dict) -> Text:
    """Brussels 2004's minimum of workers, missed: « 2 travailleurs occupés le 2010-08-31 pour 3 exigés »."""
    heads = plural(extra["workers_on_that_day"], "travailleur occupé", "worker employed", "travailleurs occupés",
                   "workers employed")
    return t(f"{heads.fr} le {extra['min_workers_on']} pour {extra['min_workers']} exigés",
             f"{heads.en} on {extra['min_workers_on']} for {extra['min_workers']} required")


def _months_listed(months: Sequence[MonthQuota]) -> str:
    shown = ", ".join(str(m.month) for m in months[:_LISTED_MONTHS])
    return shown + (", …" if len(months) > _LISTED_MONTHS else "")


def _span_text(months: Sequence[Month]) -> str:
    """The months of a period evaluated: « 2015-03 », or « 2015-01 – 2015-06 »."""
    return str(months[0]) if len(months) == 1 else f"{months[0]} – {months[-1]}"


def _monthly_summary(n: int, period: Period, compliant: bool | None, r, lowest: MonthQuota | None,
                     failing: list[MonthQuota], judged: int, average, effective: date, provisional: bool,
                     unsure: list[MonthQuota] = (), span: tuple[str, str] = ("", ""),
                     awaited: Sequence[Month] = ()) -> Text:
    """Brussels 2004's headline: what the verdict judged, month by month from the effective day — the
    lowest judged month and its share, the months below the minimum; the year's average (months not
    judged included) only for information beside a failure; no judged month yet: when the obligation
    applies. ``span``: « , mois de la période (2015-03) » when only the period's months are judged."""
    v = VERDICT[compliant]
    head_fr = f"Année d'agrément {n} ({period.start.isoformat()} – {period.end.isoformat()}){span[0]} : {v.fr} — "
    head_en = f"Agrément year {n} ({period.start.isoformat()} – {period.end.isoformat()}){span[1]}: {v.en} — "
    prov_fr, prov_en = provisional_label(provisional, period, awaited)
    req_fr, req_en = share_text(r), share_text(r, "en")
    if not judged:
        return t(f"{head_fr}aucun mois encore jugé : l'obligation de {req_fr} de public cible s'applique à partir "
                 f"du {effective.isoformat()} (chaque mois entier à partir de ce jour){prov_fr}.",
                 f"{head_en}no month judged yet: the {req_en} target-public obligation applies from "
                 f"{effective.isoformat()} (every whole month from that day){prov_en}.")
    if lowest is None:
        months = _months_judged(judged)
        return t(f"{head_fr}aucun personnel d'exécution sur {months.fr}{prov_fr}.",
                 f"{head_en}no execution staff in {months.en}{prov_en}.")
    low_fr = f"le plus bas {lowest.month} : {share_text(lowest.share)} de public cible pour {req_fr} exigés"
    low_en = f"lowest {lowest.month}: {share_text(lowest.share, 'en')} target public for {req_en} required"
    # « 1 mois jugé sur 8 » (French: the word agrees with the count before it); « 1 of 8 months judged »
    # (English: with the count after it).
    of_en = f"of {judged} {english_word(judged, 'month judged', 'months judged')}"
    if failing:
        return t(f"{head_fr}{_months_judged(len(failing)).fr} sur {judged} sous le seuil ({_months_listed(failing)}) ; "
                 f"{low_fr} ; moyenne de l'année {share_text(average)}, pour information{prov_fr}.",
                 f"{head_en}{len(failing)} {of_en} below the threshold ({_months_listed(failing)}); "
                 f"{low_en}; year average {share_text(average, 'en')}, for information{prov_en}.")
    if unsure:
        return t(f"{head_fr}{_months_judged(len(unsure)).fr} sur {judged} sous le seuil selon les statuts connus "
                 f"({_months_listed(unsure)}), au-dessus si les statuts indéterminés sont du public cible ; "
                 f"{low_fr}{prov_fr}.",
                 f"{head_en}{len(unsure)} {of_en} below the threshold on the known statuses "
                 f"({_months_listed(unsure)}), above it if the unknown statuses are target public; {low_en}{prov_en}.")
    judged_months = _months_judged(judged)
    return t(f"{head_fr}{judged_months.fr}, {low_fr}{prov_fr}.", f"{head_en}{judged_months.en}, {low_en}{prov_en}.")


def _min_workers(enterprise: Enterprise, regime: Regime, f: _Frame, reasons: list) -> dict:
    """Brussels 2004: at least N workers within M months of the agrément (judged in the year holding that day)."""
    min_v = regime.value_or_none("quota.min_workers", enterprise.agrement_date)
    within_v = regime.value_or_none("quota.min_workers_within_months", enterprise.agrement_date)
    minimum, within = _number(min_v), _number(within_v)
    if minimum is None or within is None:
        return {}
    day = anniversary(enterprise.agrement_date, int(within)) - timedelta(days=1)
    if not f.judged_span.contains(day):   # a day outside the period evaluated is not judged
        return {}
    # Persons, not ids: two concurrent contracts of one person are one worker (``Enterprise.persons``).
    heads = enterprise.persons(w for w in enterprise.workers if _counted(w) and w.employed_on(day))
    ok = heads >= minimum
    employed = plural(heads, "occupé", "employed", "occupés", "employed")
    reasons.append(because(t(
        f"Au moins {int(minimum)} travailleurs dans les {int(within)} mois de l'agrément : {employed.fr} le "
        f"{day.isoformat()} (feuille Personnel, hors art. 60).",
        f"At least {int(minimum)} workers within {int(within)} months of the agrément: {employed.en} on "
        f"{day.isoformat()} (Personnel sheet, art. 60 excluded)."), min_v))
    return {"min_workers": int(minimum), "min_workers_on": day.isoformat(), "workers_on_that_day": heads,
            "min_workers_compliant": ok}


# ------------------------------------------------------------------------------ shape: Brussels 2018
def _judge_mandate(f: _Frame) -> YearQuota:
    regime, n, on = f.regime, f.year, f.period.end
    tv = regime.value_or_none("quota.mandate_min_target_fte", on)
    sv = regime.value_or_none("quota.mandate_min_supervision_fte", on)
    min_target, min_sup = _number(tv), _number(sv)
    reasons = [
        because(t(f"Mandat : au moins {number_text(min_target)} ETP de public cible.",
                  f"Mandate: at least {number_text(min_target, 'en')} target-public FTE."), tv),
        because(t(f"Mandat : au moins {number_text(min_sup)} ETP d'encadrement (fonction encadrement).",
                  f"Mandate: at least {number_text(min_sup, 'en')} FTE of encadrement (function encadrement)."), sv),
        because(t("Minimum de public cible contrôlé en moyenne sur l'année d'agrément : Σ ETP-mois ÷ nombre de mois "
                  "(feuille Paie).",
                  "Target-public minimum checked on average over the agrément year: Σ FTE-months ÷ number of months "
                  "(Paie sheet)."),
              regime.value_or_none("quota.mandate_averaging", on)),
    ]
    definition = regime.value_or_none("eligibility.definition", on)
    if definition is not None and regime.status == "outline":
        # The count of target FTE rests on a provisional reading of the target public (bruxelles-2018: the
        # 2004 groups, decision D7); the verdict says what it rests on (interpretations.md).
        reasons.append(because(t(f"Public cible compté ainsi — {definition.description_text.fr} ; un inspecteur appliquant "
                                 "les textes de ce régime peut compter autrement.",
                                 f"Target public counted this way — {definition.description_text.en}; an inspector applying "
                                 "this regime's texts may count otherwise."), definition))
    if not f.months:
        return _no_data(f, "average_minimums", None, min_target, reasons, {"months_counted": four_places(ZERO)})
    months, count, adjustable, cut = _weighted(f, f.months, _counted, supervision=True)
    reasons += cut
    target = sum((m.counted_target for m in months), ZERO)
    total = sum((m.counted_total for m in months), ZERO)
    unknown = sum((m.counted_unknown for m in months), ZERO)
    sup = sum((m.counted_supervision for m in months), ZERO)
    avg_t, avg_u = _average(target, count), _average(unknown, count)
    # The encadrement minimum sizes a post (« au moins 1 ETP d'encadrement »): judged on the encadrement staff's
    # contractual etp (``contract_fte_days``, the measure of the SIEG accompaniers' post and the Brussels 10 %),
    # not on the paid etp of the months table — a sick month is no breach —, averaged over every counted day:
    # a vacancy counts for 0, as in the 10 % (no ceiling bounds this minimum, as the SIEG's money is bounded)
    # (docs/interpretations.md, « Brussels 2018 encadrement post »).
    encadrement = [w for w in f.enterprise.workers if _is_supervision(w) and f.report.is_target(w.worker_id) is not True]
    post_fd, post_days = ZERO, 0
    # The counted months' days inside the agrément year (both totals add up across them).
    windows = [Period(max(m.month.first_day, f.period.start), min(m.month.last_day, f.period.end)) for m in months]
    counted_days = sum(w.days for w in windows)
    for window in windows:
        fd, days = contract_fte_days(f.enterprise, encadrement, window)
        post_fd, post_days = post_fd + fd, post_days + days
    avg_s = denoised(post_fd / counted_days)

    def ok(tg: Decimal) -> bool | None:
        return None if min_target is None else tg >= min_target

    target_ok = _verdict(ok(avg_t), ok(avg_t + avg_u))
    sup_ok = None if min_sup is None else avg_s >= min_sup
    one_v = regime.value_or_none("quota.mandate_supervision_one_person_min_fte", on)
    one_min = _number(one_v)
    one, largest = None, ZERO   # one: some encadrement person reaches one_min (None: not a rule of the regime)
    if one_min is not None:
        # « si partagé, une personne au moins à mi-temps »: one encadrement person at that etp at least — a
        # person, not a contract: the etp of their concurrent encadrement contracts summed (``person_fte``).
        staff = f.enterprise.by_person(w for w in encadrement if w.employed_in(f.period))
        largest = max((person_fte(rows, f.period) for rows in staff), default=ZERO)
        one = largest >= one_min
        below = plural(len(staff), "personne, en dessous", "person, below it", "personnes, chacune en dessous",
                       "persons, each below it") if staff else t("aucune personne d'encadrement",
                                                                  "no encadrement person")
        reasons.append(because(t(
            f"Encadrement partagé : une personne au moins à {number_text(one_min)} ETP — "
            + ("oui." if one else f"non ({below.fr})."),
            f"Shared encadrement: one person at least at {number_text(one_min, 'en')} FTE — "
            + ("yes." if one else f"no ({below.en}).")), one_v))
        if sup_ok and not one:
            sup_ok = False
    compliant = combine([target_ok, sup_ok])
    least = _Least.of(min_target, target, count, adjustable) if min_target is not None and adjustable else None
    shortfall = ZERO if target_ok else (round_up(_staircase_need(None, least)) if least is not None else None)
    # The average's shortfall only (0 when the average is met): the half-time rule's gap is a contract to
    # raise, not FTE to spread over the year's months (three at 0,40 FTE: 0,10 FTE to one of them, never
    # « engager 0,60 ETP d'encadrement » solved from an average already met) — its own field.
    sup_short = None if min_sup is None else round_up(min_sup - avg_s)
    half_gap = None if one is None else round_up(one_min - largest)
    # The Σ FTE-months behind each average, as the Walloon line prints them (to 4 places, as n: 47,9677 ÷ 12 gives
    # the 3,9973 printed beside the minimum of 4, where 47,97 ÷ 12 gave 3,9975).
    reasons.append(because(t(
        f"En moyenne : {_four_text(target)} ETP-mois public cible ÷ {_months_text(count)} mois = "
        f"{number_text(avg_t, beside=min_target)} ETP public cible.",
        f"On average: {_four_text(target, 'en')} target-public FTE-months ÷ {_months_text(count, 'en')} months = "
        f"{number_text(avg_t, 'en', min_target)} target-public FTE.")))
    span = f"{windows[0].start.isoformat()} – {windows[-1].end.isoformat()}"
    counted, held = plural(counted_days, "jour compté", "counted day", "jours comptés"), plural(post_days, "jour", "day")
    reasons.append(because(t(
        f"Encadrement : {number_text(avg_s, beside=min_sup)} ETP en moyenne selon l'etp contractuel (feuille "
        f"Personnel) sur les {counted.fr} ({span}), dont {held.fr} avec une personne d'encadrement au moins sous "
        f"contrat, un jour sans personne comptant pour 0 ; l'etp payé du tableau mensuel ({_four_text(sup)} "
        f"ETP-mois ÷ {_months_text(count)} mois) est donné pour information.",
        f"Encadrement: {number_text(avg_s, 'en', min_sup)} FTE on average by the contractual fte (Personnel sheet) "
        f"over the {counted.en} ({span}), {held.en} of them with at least one encadrement person under contract, a "
        f"day without anyone counting for 0; the paid etp of the months table ({_four_text(sup, 'en')} FTE-months ÷ "
        f"{_months_text(count, 'en')} months) is given for information."),
        regime.value_or_none("quota.mandate_supervision_measure", on)))
    reasons += _unknown_reasons(avg_u, target_ok)
    provisional = f.provisional
    if provisional:
        reasons.append(_provisional_reason(f))
    verdict = VERDICT[compliant]
    # The half-time rule fails the encadrement part on its own: the headline names it, or it showed every
    # minimum met beside « non conforme ».
    half_fr = half_en = ""
    if one is False:
        half_fr = f", aucune personne d'encadrement à mi-temps ({number_text(one_min)} ETP)"
        half_en = f", no encadrement person at half-time ({number_text(one_min, 'en')} FTE)"
    # Each average beside the minimum it is judged against (``shown_beside``): 3,9973 is « 3,9973 (minimum 4,00) ».
    # « (provisoire : année en cours) » or, for a year over with months unpaid, « (provisoire : paie incomplète) ».
    prov_fr, prov_en = provisional_label(provisional, f.period, f.awaited)
    summary = t(f"Année d'agrément {n} : {verdict.fr} — {number_text(avg_t, beside=min_target)} ETP public cible (minimum {number_text(min_target)}), "
                f"{number_text(avg_s, beside=min_sup)} ETP d'encadrement (minimum {number_text(min_sup)}){half_fr}{prov_fr}.",
                f"Agrément year {n}: {verdict.en} — {number_text(avg_t, 'en', min_target)} target-public FTE (minimum {number_text(min_target, 'en')}), "
                f"{number_text(avg_s, 'en', min_sup)} FTE of encadrement (minimum {number_text(min_sup, 'en')}){half_en}{prov_en}.")
    extra = {"supervision_fte": _q_beside(avg_s, min_sup), "min_supervision_fte": min_sup, "supervision_shortfall_fte": sup_short,
             "months_counted": four_places(count), "supervision_post_days": post_days}
    if one is not None:
        extra["supervision_half_time_met"] = one
        extra["supervision_one_person_min_fte"] = one_min
        extra["supervision_half_time_gap_fte"] = half_gap
    return YearQuota(n, f.period, "average_minimums", months, f.months_in_year, None, _share(target, total), avg_t,
                     total / count, avg_u, min_target, shortfall, compliant, summary, tuple(reasons), None,
                     provisional, extra, Decimal(adjustable), least=least, supervision_post=(post_fd, tuple(windows)))


# ------------------------------------------------------------------------------ shared texts
def _awaited(enterprise: Enterprise, period: Period, known: set[Month]) -> list[Month]:
    """The months of ``period`` (an agrément year) without payroll when each comes after the last Paie month and the
    payroll is current (``rules.common.payroll_current``: the usual lag): not paid *yet*, as every rule of the
    year in progress reads them (``data_horizon``, ``ei subsidy``'s « à calculer avec la paie ») — for a year
    just over, « en attente de la paie de 2027-04 », not « complétez la feuille Paie ». Empty otherwise: a
    month without payroll before the last Paie month, or a payroll further behind, is missing."""
    last = enterprise.last_pay_month
    unpaid = [m for m in period.months() if m not in known]
    if not unpaid or last is None or not payroll_current(enterprise) or unpaid[0] <= last:
        return []
    return unpaid


def _summary(n: int, period: Period, compliant: bool | None, share, r, shortfall, provisional: bool,
             point_day: date | None = None, unknown: Decimal = ZERO,
             awaited: Sequence[Month] = (), cause: Text | None = None) -> Text:
    """The headline of an averaged or point-value year. The shortfall is named for a closed year that
    fails: solved over the known months, it cannot make a year still running comply (``_judge`` adds
    the projection's figure then), and an unknown verdict hangs on the statuses, not on a hire. ``cause``: the
    rule that gives the figure when it is not the share named beside it (« minimum de 1,00 ETP ; la part de
    30,0 % en demande 0,36 »)."""
    v = VERDICT[compliant]
    what_fr = f"au {point_day.isoformat()}" if point_day else "moyenne"
    what_en = f"on {point_day.isoformat()}" if point_day else "average"
    miss_fr = miss_en = ""
    if compliant is False and shortfall and not provisional:
        miss_fr = f", manque {number_text(shortfall)} ETP de public cible" + (f" ({cause.fr})" if cause else "")
        miss_en = f", {number_text(shortfall, 'en')} target-public FTE missing" + (f" ({cause.en})" if cause else "")
    elif compliant is None and unknown:
        miss_fr = f", selon {number_text(unknown)} ETP au statut indéterminé"
        miss_en = f", depending on {number_text(unknown, 'en')} FTE of unknown status"
    prov_fr, prov_en = provisional_label(provisional, period, awaited)
    return t(f"Année d'agrément {n} ({period.start.isoformat()} – {period.end.isoformat()}) : {v.fr} — "
             f"{share_text(share)} de public cible ({what_fr}) pour {share_text(r)} exigés{miss_fr}{prov_fr}.",
             f"Agrément year {n} ({period.start.isoformat()} – {period.end.isoformat()}): {v.en} — "
             f"{share_text(share, 'en')} target public ({what_en}) for {share_text(r, 'en')} required{miss_en}{prov_en}.")


def _unknown_reasons(unknown_avg: Decimal, verdict: bool | None) -> list[Reason]:
    if not unknown_avg:
        return []
    fr = (f"{number_text(unknown_avg)} ETP de travailleurs au statut indéterminé, comptés hors public cible"
          + (" : les compter comme public cible changerait le verdict, qui reste donc indéterminé "
             "(complétez la feuille Personnel)." if verdict is None else " ; le verdict n'en dépend pas."))
    en = (f"{number_text(unknown_avg, 'en')} FTE of workers of unknown status, counted as not target public"
          + (": counting them as target would change the verdict, which is therefore unknown "
             "(complete the Personnel sheet)." if verdict is None else "; the verdict does not depend on them."))
    return [because(t(fr, en))]


def _share_met(by_share: Decimal | None) -> bool:
    """The required share asks nothing more: ``_staircase_branches``' share x is none (not a rule of the regime) or
    not above 0."""
    return by_share is None or by_share <= 0


def _share_asks(by_share: Decimal | None, r: Decimal) -> Text:
    """What the required share alone asks when the minimum of target FTE gives the shortfall (``_staircase_branches``'
    share x, rounded up as the figure is): « la part de 30,0 % en demande 0,36 », or « la part de 50,0 % est
    atteinte » when it asks nothing (``_share_met``)."""
    if _share_met(by_share):
        return t(f"la part de {share_text(r)} est atteinte", f"the {share_text(r, 'en')} share is met")
    x = round_up(by_share)
    return t(f"la part de {share_text(r)} en demande {number_text(x)}",
             f"the {share_text(r, 'en')} share asks {number_text(x, 'en')}")


def _shortfall_reasons(shortfall: Decimal | None, point_day: date | None, r,
                       hire: tuple[Decimal, date] | None = None, least: _Least | None = None,
                       by_share: Decimal | None = None) -> list[Reason]:
    """The « Manque » reason: on the year's last day (``point_day``, year 1), on every day of the year, or — a
    projection, ``hire`` = (k, the hire's first day) — on the k months of days left the hire counts in, the figure
    ``_staircase_need`` solves (« chaque jour de l'année » and n there gave a formula whose result was not the
    figure shown: 0,29 for 1,75). Each opening is said once, then the share's clause, or — ``least``, the minimum
    of target FTE gave the figure — the minimum's, with its formula and numbers (``_minimum_formula``), and what the
    share alone asks (``_share_asks`` of ``by_share``, the share's x of ``_staircase_branches``)."""
    if not shortfall:
        return []
    asks = _share_asks(by_share, r) if least is not None else None   # read only by the minimum's formula
    x_fr, x_en = number_text(shortfall), number_text(shortfall, "en")
    if hire is not None:
        k, day = hire
        opening = t(
            f"Manque : {x_fr} ETP de public cible à engager à partir du {day.isoformat()} : présents k = "
            f"{_months_text(k)} mois de l'année (les jours qui restent, un mois entamé pour sa part), ",
            f"Shortfall: {x_en} target-public FTE to hire from {day.isoformat()}: present k = {_months_text(k, 'en')} "
            "months of the year (the days left, a month begun for its part), ")
        formula = _minimum_formula(least, "k") if least is not None else None
        clause = t(
            f"(T + k·x) ÷ n ≥ minimum donne {formula.fr}, T les ETP-mois cible de l'année projetée sur ses n mois, "
            f"arrondi vers le haut ({asks.fr}).",
            f"(T + k·x) ÷ n ≥ minimum gives {formula.en}, T the target FTE-months of the projected year over its n "
            f"months, rounded up ({asks.en}).") if formula else t(
            "(T + k·x) ÷ (D + k·x) ≥ r donne x = (r·D − T) ÷ ((1 − r)·k), T et D les ETP-mois cible et total de "
            "l'année projetée (et au moins le minimum d'ETP en moyenne), arrondi vers le haut.",
            "(T + k·x) ÷ (D + k·x) ≥ r gives x = (r·D − T) ÷ ((1 − r)·k), T and D the target and total FTE-months "
            "of the projected year (and at least the FTE minimum on average), rounded up.")
    elif point_day is not None:
        opening = t(f"Manque : {x_fr} ETP de public cible sous contrat le {point_day.isoformat()} : ",
                    f"Shortfall: {x_en} target-public FTE under contract on {point_day.isoformat()}: ")
        formula = _minimum_formula(least, None) if least is not None else None
        clause = t(
            f"T + x ≥ minimum donne {formula.fr}, T les ETP cible de ce jour, arrondi vers le haut ({asks.fr}).",
            f"T + x ≥ minimum gives {formula.en}, T that day's target FTE, rounded up ({asks.en}).") if formula else t(
            "x = (r·D − T) ÷ (1 − r), T et D les ETP de ce jour (et au moins le minimum d'ETP), arrondi vers le haut.",
            "x = (r·D − T) ÷ (1 − r), T and D that day's FTE (and at least the FTE minimum), rounded up.")
    else:
        opening = t(f"Manque : {x_fr} ETP de public cible en plus chaque jour de l'année : avec T",
                    f"Shortfall: {x_en} more target-public FTE on every day of the year: with T")
        shared = t("sur n mois (un mois partagé avec l'année voisine compte pour la part de ses jours dans l'année)",
                   "over n months (a month shared with the neighbouring year counts for the part of its days inside "
                   "the year)")
        formula = _minimum_formula(least, "n") if least is not None else None
        clause = t(
            f" les ETP-mois cible {shared.fr}, (T + n·x) ÷ n ≥ minimum donne {formula.fr}, arrondi vers le haut "
            f"({asks.fr}).",
            f" the target FTE-months {shared.en}, (T + n·x) ÷ n ≥ minimum gives {formula.en}, rounded up "
            f"({asks.en}).") if formula else t(
            f" et D les ETP-mois cible et total {shared.fr}, (T + n·x) ÷ (D + n·x) ≥ r donne x = (r·D − T) ÷ "
            "((1 − r)·n) (et au moins le minimum d'ETP en moyenne), arrondi vers le haut.",
            f" and D the target and total FTE-months {shared.en}, (T + n·x) ÷ (D + n·x) ≥ r gives x = (r·D − T) ÷ "
            "((1 − r)·n) (and at least the FTE minimum on average), rounded up.")
    return [because(t(opening.fr + clause.fr, opening.en + clause.en))]


def _provisional_reason(f: _Frame) -> Reason:
    known = plural(len(f.months), "mois connu", "month known", "mois connus", "months known")
    awaited = [] if f.running else f.awaited
    if awaited:
        said, pay = awaited_text(awaited), pay_known_text(f.enterprise)
        return because(t(
            f"Paie en attente : {known.fr} sur {f.months_in_year} ; l'année d'agrément s'est terminée le "
            f"{f.period.end.isoformat()} et {said.fr} n'est pas encore saisie ({pay.fr}, dans le délai habituel) ; "
            "verdict provisoire sur les mois connus.",
            f"Payroll awaited: {known.en} out of {f.months_in_year}; the agrément year ended on "
            f"{f.period.end.isoformat()} and {said.en} is not entered yet ({pay.en}, within the usual lag); "
            "provisional verdict on the known months."))
    if not f.running:
        return because(t(
            f"Paie incomplète : {known.fr} sur {f.months_in_year} alors que l'année d'agrément "
            f"s'est terminée le {f.period.end.isoformat()} ; verdict provisoire sur les mois connus : complétez la "
            "feuille Paie.",
            f"Payroll incomplete: {known.en} out of {f.months_in_year} though the agrément year "
            f"ended on {f.period.end.isoformat()}; provisional verdict on the known months: complete the Paie "
            "sheet."))
    if not_begun(f.period):
        # Judged on a payroll entered ahead of it (docs/interpretations.md, « An agrément year not begun »).
        start = f.period.start.isoformat()
        return because(t(
            f"Année d'agrément pas encore commencée (elle commence le {start}, après la date du jour) : {known.fr} "
            f"sur {f.months_in_year}, paie saisie d'avance ; verdict provisoire sur la paie saisie.",
            f"Agrément year not begun yet (it begins on {start}, after today): {known.en} out of "
            f"{f.months_in_year}, payroll entered ahead; provisional verdict on the payroll entered."))
    if f.complete:
        # Every month paid while the year runs: a payroll entered ahead of today, or today the year's last day.
        end = f.period.end.isoformat()
        return because(t(
            f"Année en cours : {known.fr} sur {f.months_in_year}, paie saisie jusqu'à la fin de l'année d'agrément, "
            f"qui se termine le {end} ; verdict provisoire sur la paie saisie, l'année sera jugée à nouveau une "
            "fois terminée.",
            f"Year in progress: {known.en} out of {f.months_in_year}, payroll entered up to the end of the agrément "
            f"year, which ends on {end}; provisional verdict on the payroll entered, the year to be judged again "
            "once over."))
    return because(t(
        f"Année en cours : {known.fr} sur {f.months_in_year} (dernier mois de la feuille Paie) ; "
        "verdict provisoire sur les mois connus (--forecast projette la fin de l'année).",
        f"Year in progress: {known.en} out of {f.months_in_year} (last month of the Paie sheet); "
        "provisional verdict on the known months (--forecast projects the end of the year)."))


def _no_data(f: _Frame, judged_on: str, r, minimum, reasons, extra=None, months: tuple[MonthQuota, ...] = (),
             span_fr: str = "", span_en: str = "") -> YearQuota:
    """No payroll month known for the year — or, with ``span_fr`` / ``span_en`` (« , mois de la période
    (2017-03) »), for the months of the period evaluated (``months``: the year's other months, not judged).

    Its FTE (target, total, unknown status) were not measured: ``fte_measured`` is False. They stay 0, the
    number cli.md's contract gives them, but nothing prints them as measured: « — » in the table and the
    documents (« 0,00 ETP de public cible (minimum 4,00) — indéterminé » read as a measured zero)."""
    extra = extra or {}
    span = f"{f.period.start.isoformat()} – {f.period.end.isoformat()}"
    which_fr, which_en = ("la période", "the period") if span_fr else ("cette année", "this year")
    if not_begun(f.period):
        # A year not begun yet (``rules.common.not_begun``, as the employment and follow-up checks of a period
        # not begun, ``rules.dashboard._not_begun``): no payroll of it can exist yet, nothing in it is due — not
        # judged, and not a provisional measure either (docs/interpretations.md, « An agrément year not begun »).
        today = periods.today().isoformat()
        summary = t(f"Année d'agrément {f.year} ({span}){span_fr} : indéterminé — année d'agrément pas encore "
                    f"commencée (date du jour : {today}).",
                    f"Agrément year {f.year} ({span}){span_en}: unknown — agrément year not begun yet (today: "
                    f"{today}).")
        reason = because(t(
            f"L'année d'agrément {span} commence après la date du jour ({today}) : aucun de ses mois n'a encore de "
            "paie, elle n'est pas encore jugée (ei check-quota --forecast la projette).",
            f"The agrément year {span} begins after today ({today}): none of its months has a payroll yet, it is "
            "not judged yet (ei check-quota --forecast projects it)."))
        return YearQuota(f.year, f.period, judged_on, months, f.months_in_year, r, None, ZERO, ZERO, ZERO, minimum,
                         None, None, summary, tuple(reasons) + (reason,), None, False, extra, fte_measured=False)
    if extra.get("min_workers_compliant") is False:
        # Known from Personnel alone: the year fails whatever its payroll (Brussels 2004, 3 workers).
        on_day = _workers_on_that_day(extra)
        summary = t(f"Année d'agrément {f.year} ({span}){span_fr} : non conforme — {on_day.fr} "
                    "(aucun mois de paie connu pour la part de public cible).",
                    f"Agrément year {f.year} ({span}){span_en}: not compliant — {on_day.en} (no payroll "
                    "month known for the target share).")
        return YearQuota(f.year, f.period, judged_on, months, f.months_in_year, r, None, ZERO, ZERO, ZERO, minimum,
                         None, False, summary, tuple(reasons), None, True, extra, fte_measured=False)
    summary = t(f"Année d'agrément {f.year} ({span}){span_fr} : indéterminé — aucun mois de paie connu pour "
                f"{which_fr}.",
                f"Agrément year {f.year} ({span}){span_en}: unknown — no payroll month known for {which_en}.")
    return YearQuota(f.year, f.period, judged_on, months, f.months_in_year, r, None, ZERO, ZERO, ZERO, minimum, None,
                     None, summary, tuple(reasons), None, True, extra, fte_measured=False)


# ------------------------------------------------------------------------------ dispatch
@dataclass(frozen=True)
class _Shape:
    counted: Callable[[Worker], bool]
    judge: Callable[[_Frame], YearQuota]
    supervision: bool = False
    by_month: bool = False   # each month judged for itself: a period asked cuts the year (``_Frame.span``)


SHAPES: dict[str, _Shape] = {
    "staircase": _Shape(_counted, _judge_staircase),
    "monthly_production_share": _Shape(_counted_production, _judge_monthly, by_month=True),
    "mandate_minimums": _Shape(_counted, _judge_mandate, supervision=True),
}


def _shape(regime: Regime) -> tuple[str, _Shape]:
    name = regime.rule("quota")
    if name not in SHAPES:
        raise ValueError(f"regime {regime.id}: unknown quota rule {name!r}")
    return name, SHAPES[name]


def _judge(shape: _Shape, f: _Frame) -> YearQuota:
    """The shape's verdict on ``f``, with the art. 60 §7 workers shown apart (Q11); a year still running
    that fails on its known months, with what to hire from the day after today (``_with_projection``)."""
    y = shape.judge(f)
    if y.provisional and f.running and f.months and y.compliant is False and (
            y.shortfall_fte or y.extra.get("failing_months") or y.extra.get("supervision_shortfall_fte")):
        y = _with_projection(f, y)
    reason = _art60_reason(f)
    return y if reason is None else replace(y, reasons=y.reasons + (reason,))


def _with_projection(f: _Frame, y: YearQuota) -> YearQuota:
    """A year still running that fails on its known months: what to hire from the month after the last
    known one, as ``forecast_quota`` solves it (the year projected to its end, each worker keeping their
    last etp). The shortfall of the known months alone is no advice: hiring it next month leaves the year
    below its minimum (0,72 FTE solved over 17 months paid, 1,33 needed over the 7 to come).

    Month by month (Brussels 2004), the months already judged are closed: the figure is for the months to
    come alone (the same solver, ``_monthly_need``, on the projected months)."""
    last = f.months[-1].month
    # The year's own last known day: a month shared with the next agrément year (an agrément on the 15th) must
    # not pick that next year.
    fc = forecast_quota(f.enterprise, f.regime, min(last.last_day, f.period.end), f.report)
    # Brussels 2018: the encadrement minimum is judged beside the target one; its hire too (none without a month).
    sup = (fc.extra_supervision_fte or None) if fc.hire_from else None   # ``forecast_quota``'s, of ``fc.year``
    apart = None   # month by month: the current month said apart from the later months' hire (``_month_apart``)
    if fc.hire_from is None:
        # The year's last day: a hire counts from the day after today, outside the year (the forecast's
        # « too_late »). No figure to hire — said so: the known months' shortfall, read by ``check`` as a hire
        # to make, contradicted ``ei check-quota --forecast``. A year projected compliant needs none.
        extra = ZERO if fc.year.compliant else None
    elif y.judged_on == "every_month":
        # The months to come alone, as the forecast solves them (``forecast_quota``: a month judged below the
        # threshold closes the year, not the later months' hire).
        extra, apart = fc.extra_target_fte, fc.apart
    else:
        extra = fc.extra_target_fte
    fields = {"forecast_hire_from": fc.hire_from and str(fc.hire_from), "forecast_extra_target_fte": extra,
              "forecast_compliant": fc.year.compliant,
              "forecast_hire_from_day": fc.hire_day and fc.hire_day.isoformat(), "forecast_hire_days": fc.hire_days,
              **_apart_fields(apart, "forecast_")}
    if sup:
        fields["forecast_extra_supervision_fte"] = sup
    # Brussels 2018: a contract to raise too (the half-time rule), said beside the hire.
    advice = _advice(extra, sup, fc.hire_from, fc.year, unsure=fc.year.compliant is None, span=fc.hire_span,
                     apart=apart)
    said = advice.reason(monthly=y.judged_on == "every_month")
    reason = because(t(
        "Projection jusqu'à la fin de l'année (chaque travailleur garde son dernier ETP connu, les sorties "
        f"prévues partent) : {said.fr} — ei check-quota --forecast détaille la projection.",
        "Projection to the end of the year (every worker keeps their last known FTE, planned exits leave): "
        f"{said.en} — ei check-quota --forecast details the projection."))
    summary = y.summary
    if y.judged_on != "every_month":
        add = advice.clause()
        summary = t(summary.fr.rstrip(".") + f" ; {add.fr}.", summary.en.rstrip(".") + f"; {add.en}.")
    return replace(y, summary=summary, reasons=y.reasons + (reason,), extra={**y.extra, **fields}, advice=advice)


def _hire_text(target: Decimal | None, supervision: Decimal | None) -> Text | None:
    """« 3,00 ETP de public cible et 1,50 ETP d'encadrement »: what a projection says to hire (None: nothing)."""
    parts = []
    if target:
        parts.append(t(f"{number_text(target)} ETP de public cible", f"{number_text(target, 'en')} target-public FTE"))
    if supervision:
        parts.append(t(f"{number_text(supervision)} ETP d'encadrement",
                       f"{number_text(supervision, 'en')} FTE of encadrement"))
    if not parts:
        return None
    return t(" et ".join(p.fr for p in parts), " and ".join(p.en for p in parts))


def _half_time_text(y: YearQuota, gerund: bool = False) -> Text | None:
    """« porter une personne d'encadrement à 0,50 ETP »: what a Brussels 2018 year failing the half-time rule
    (``supervision_half_time_gap_fte``) asks — one contract to raise, never an average to solve (None: the
    rule is met, or not one of the regime). English « raising … » with ``gerund`` (« … makes it compliant »)."""
    if not y.extra.get("supervision_half_time_gap_fte"):
        return None
    one_min = y.extra["supervision_one_person_min_fte"]
    return t(f"porter une personne d'encadrement à {number_text(one_min)} ETP",
             f"{'raising' if gerund else 'raise'} one encadrement person to {number_text(one_min, 'en')} FTE")


# ------------------------------------------------------------------------------ what a projection advises
@dataclass(frozen=True)
class _MonthApart:
    """Month by month (Brussels 2004): the current month, in which a hire counts for its days left only, said
    apart from the later months when it alone needs more than they do (``_month_apart``): one figure from it would
    be that month's need ÷ its part left, kept through the later months far beyond theirs."""

    month: Month
    days: Period        # the hire's days in it: from the day after today to its last day
    need: Decimal       # the FTE it needs for those days, rounded up (its shortfall ÷ its part left)
    later_from: Month   # the next month, the first one a hire counts in whole
    later: Decimal      # the largest need of the later months, rounded up (0: they reach the threshold)

    def said(self) -> Text:
        """« 2014-07 : il faudrait 2,96 ETP de public cible pour ses 3 jours restants (du 2014-07-29 au
        2014-07-31) » — one day: « pour son dernier jour (2014-07-31) »."""
        s = self.days
        if s.days == 1:
            fr, en = f"pour son dernier jour ({s.end.isoformat()})", f"for its last day ({s.end.isoformat()})"
        else:
            fr = f"pour ses {s.days} jours restants (du {s.start.isoformat()} au {s.end.isoformat()})"
            en = f"for its {s.days} days left ({s.start.isoformat()} to {s.end.isoformat()})"
        need = _hire_text(self.need, None)
        return t(f"{self.month} : il faudrait {need.fr} {fr}", f"{self.month}: it would take {need.en} {en}")


def _apart_fields(a: _MonthApart | None, prefix: str = "") -> dict:
    """The JSON of the current month said apart (``a``), each field null when the advice is one figure (None):
    the forecast's ``later_hire_from``, ``later_extra_target_fte``, ``current_month_days_left``; ``prefix``
    « forecast_ » for a failing year still running (``_with_projection``)."""
    return {f"{prefix}later_hire_from": a and str(a.later_from), f"{prefix}later_extra_target_fte": a and a.later,
            f"{prefix}current_month_days_left": a and a.days.days}


def _month_apart(r: Decimal | None, months: Iterable[MonthQuota], adjustable: frozenset[Month],
                 hire_day: date | None) -> _MonthApart | None:
    """Month by month (Brussels 2004, ``_monthly_need``): the current month said apart when a hire counts in it
    for part of its days only (from ``hire_day``, not its first day), later adjustable months follow, and its
    need — its shortfall ÷ that part — is larger than theirs once rounded (docs/interpretations.md, « Forecast
    month by month: the current month's days left »). No threshold on the figures; None otherwise (one figure
    from ``hire_day`` then serves every month, the current one included)."""
    if r is None or hire_day is None or not adjustable:
        return None
    first = min(adjustable)
    later = frozenset(m for m in adjustable if m > first)
    if not later or Month.of(hire_day) != first or hire_day == first.first_day:
        return None
    months = tuple(months)
    now = _monthly_need(r, tuple(m for m in months if m.month == first), frozenset({first}), hire_day)
    after = _monthly_need(r, tuple(m for m in months if m.month in later), later, hire_day)
    if now is None or after is None or round_up(now) <= round_up(after):
        return None
    return _MonthApart(first, Period(hire_day, first.last_day), round_up(now), min(later), round_up(after))


@dataclass(frozen=True)
class _Advice:
    """What the projection of an agrément year still running advises (``_advice`` decides the case): one
    decision, said in the forecast's headline (``headline``), a failing year's headline and reason
    (``clause``, ``reason``: ``_with_projection``) and ``check``'s what to fix (``to_fix``).

    ``case``: « hire » (``target`` and/or ``supervision`` FTE from ``hire_from``), « half_time » (the target
    public is enough, one encadrement contract to raise: Brussels 2018), « none » (nothing to hire),
    « impossible » (no hire fixes the target part any more: months judged below the threshold, a year 1 whose
    last day is past, a minimum unknown), « too_late » (no month left to hire in), « nothing_left » (no month
    to come), « payroll_missing » (the year is over with months unpaid), « awaited » (the year is over and its
    unpaid months' payroll is not due yet: ``awaited``, ``_awaited``) — the last four the forecast's alone.
    ``half_of``: the year whose half-time rule is named beside the hire (``_half_time_text``); ``unsure``: the
    projection's verdict hangs on unknown statuses (``_UNSURE_IF``); ``span``: the days a hire counts in when they
    weigh less than one month (``_short_span``), named instead of ``hire_from`` (``when``); ``apart``: month by
    month, the current month said apart from the later months' hire (``_month_apart``, « hire » only)."""

    case: str
    target: Decimal | None
    supervision: Decimal | None
    hire_from: Month | None
    half_of: YearQuota
    unsure: bool
    awaited: tuple[Month, ...] = ()
    span: Period | None = None
    apart: _MonthApart | None = None
    closed: tuple[Month, ...] = ()

    def when(self) -> Text:
        """When the hire counts: « à partir de 2024-07 », or the days it counts in when they weigh less than one
        month — « du 2024-07-02 au 2024-07-04 (3 jours) »: the FTE solved ÷ k is read for those days alone."""
        s = self.span
        if s is None:
            return t(f"à partir de {self.hire_from}", f"from {self.hire_from}")
        days = plural(s.days, "jour", "day")
        if s.start == s.end:
            return t(f"le {s.start.isoformat()} ({days.fr})", f"on {s.start.isoformat()} ({days.en})")
        return t(f"du {s.start.isoformat()} au {s.end.isoformat()} ({days.fr})",
                 f"from {s.start.isoformat()} to {s.end.isoformat()} ({days.en})")

    def _later(self, unsure: Text = t("", "")) -> Text:
        """Beside a current month said apart (``apart``): the later months' hire — « pour les mois suivants,
        engager 0,29 ETP de public cible à partir de 2014-08 » and its condition ``unsure`` —, or that they need
        none."""
        a = self.apart
        if a.later:
            hire = _hire_text(a.later, None)
            return t(f"pour les mois suivants, engager {hire.fr} à partir de {a.later_from}{unsure.fr}",
                     f"for the following months, hire {hire.en} from {a.later_from}{unsure.en}")
        return t(f"les mois à partir de {a.later_from} atteignent le seuil sans engagement",
                 f"the months from {a.later_from} reach the threshold with no hire")

    def _half(self, gerund: bool) -> tuple[str, str]:
        """« et porter une personne d'encadrement à 0,50 ETP » beside a hire (empty when the rule is met)."""
        half = _half_time_text(self.half_of, gerund)
        return (f" et {half.fr}", f" and {half.en}") if half else ("", "")

    def _unsure(self) -> Text:
        return _UNSURE_IF if self.unsure else t("", "")

    def _hire(self) -> Text:
        return _hire_text(self.target, self.supervision)

    def _also_supervision(self) -> Text:
        """The encadrement still missing beside a target part no hire fixes (« impossible »)."""
        if not self.supervision:
            return t("", "")
        when = self.when()
        return t(f" ; il manque aussi {number_text(self.supervision)} ETP d'encadrement {when.fr}",
                 f"; {number_text(self.supervision, 'en')} FTE of encadrement are missing too {when.en}")

    def headline(self, n: int, projected: YearQuota, last_known: Month | None, end: date) -> Text:
        """The forecast's summary (``ei check-quota --forecast``)."""
        head, share = f"Agrément year {n}: ", f" ({judged_share_text(projected, 'en')})"
        tete, part = f"Année d'agrément {n} : ", f" ({judged_share_text(projected)})"
        verdict_fr, verdict_en = f"projetée {_projected_fr(projected.compliant)}", \
            f"projected {VERDICT[projected.compliant].en}"
        unsure = self._unsure()
        and_fr, and_en = self._half(gerund=True)
        when = self.when()
        case = self.case
        if case == "payroll_missing":
            fr = (f"terminée le {end.isoformat()}, paie connue jusqu'à {last_known} : pas de projection ni "
                  "d'engagement à proposer ; complétez la feuille Paie de ses mois manquants.")
            en = (f"ended on {end.isoformat()}, payroll known to {last_known}: no projection nor hire to propose; "
                  "complete the Paie sheet with its missing months.")
        elif case == "awaited":
            # A year just over whose unpaid months' payroll is within the usual lag (``_awaited``): nothing to
            # complete, as its verdict's « (provisoire : en attente de la paie de …) » says.
            said = awaited_text(self.awaited)
            fr = f"terminée le {end.isoformat()}, en attente de {said.fr} : pas de projection ni d'engagement à proposer."
            en = f"ended on {end.isoformat()}, awaiting {said.en}: no projection nor hire to propose."
        elif case == "nothing_left":
            fr = f"plus aucun mois à venir après {last_known} ; rien ne peut plus être ajouté."
            en = f"no month left after {last_known}; nothing can be added any more."
        elif case == "too_late":
            fr = f"{verdict_fr}{part} ; elle se termine le {end.isoformat()} : plus aucun engagement n'y compte."
            en = f"{verdict_en}{share}; it ends on {end.isoformat()}: no hire counts in it any more."
        elif case == "impossible":
            fr = (f"le verdict ne peut plus être corrigé par des engagements {when.fr} (mois déjà "
                  "jugés sous le seuil, ou données inconnues).")
            en = (f"the verdict can no longer be fixed by hiring {when.en} (months already judged below "
                  "the threshold, or data unknown).")
            if self.supervision:
                fr += f" Il manque aussi {number_text(self.supervision)} ETP d'encadrement {when.fr}."
                en += f" {number_text(self.supervision, 'en')} FTE of encadrement are missing too {when.en}."
        elif case == "half_time":
            # The target public is enough; the half-time rule asks for a contract raised, not FTE solved.
            half = _half_time_text(self.half_of, gerund=True)
            fr = f"{verdict_fr}{part} ; le public cible suffit ; {half.fr} la rend conforme{unsure.fr}."
            en = f"{verdict_en}{share}; the target public is enough; {half.en} makes it compliant{unsure.en}."
        elif self.closed and case in ("hire", "none"):
            # Month by month, a month already judged below the threshold: the year stays non compliant whatever is
            # hired; the months to come are judged each for itself, their hire said as such (never « la rend
            # conforme »).
            listed = ", ".join(str(m) for m in self.closed[:_LISTED_MONTHS]) + (
                ", …" if len(self.closed) > _LISTED_MONTHS else "")
            lost_fr = (f"{verdict_fr}{part} ; {'mois déjà jugés' if len(self.closed) > 1 else 'mois déjà jugé'} sous "
                       f"le seuil ({listed}) : aucun engagement ne rend plus l'année conforme")
            lost_en = (f"{verdict_en}{share}; {'months' if len(self.closed) > 1 else 'month'} already judged below "
                       f"the threshold ({listed}): no hire makes the year compliant any more")
            if case == "none":
                fr = f"{lost_fr} ; les mois à venir atteignent le seuil sans engagement."
                en = f"{lost_en}; the months to come reach the threshold with no hire."
            elif self.apart:
                later, said = self._later(unsure), self.apart.said()
                fr, en = f"{lost_fr} ; {later.fr} ; {said.fr}.", f"{lost_en}; {later.en}; {said.en}."
            else:
                hire = self._hire()
                fr = f"{lost_fr} ; pour les mois à venir, engager {hire.fr} {when.fr}{unsure.fr}."
                en = f"{lost_en}; for the months to come, hire {hire.en} {when.en}{unsure.en}."
        elif case == "none":
            fr, en = f"{verdict_fr}{part} sans engagement supplémentaire.", f"{verdict_en}{share} with no extra hire."
        elif self.apart:
            # Month by month, the current month's few days said apart from the later months' hire (``_month_apart``).
            # A condition on unknown statuses goes with the later months' hire, else with the current month's figure.
            later, said = self._later(unsure), self.apart.said()
            if not self.apart.later:
                said = t(said.fr + unsure.fr, said.en + unsure.en)
            fr, en = f"{verdict_fr}{part} ; {later.fr} ; {said.fr}.", f"{verdict_en}{share}; {later.en}; {said.en}."
        elif self.supervision:
            # The target FTE alone cannot make such a year compliant: its encadrement minimum is missed too.
            hire = self._hire()
            enough_fr, enough_en = ("", "") if self.target else ("le public cible suffit ; ",
                                                                 "the target public is enough; ")
            fr = f"{verdict_fr} ; {enough_fr}engager {hire.fr} {when.fr}{and_fr} la rend conforme{unsure.fr}."
            en = f"{verdict_en}; {enough_en}hiring {hire.en} {when.en}{and_en} makes it compliant{unsure.en}."
        else:
            hire = self._hire()
            fr = f"{verdict_fr}{part} ; engager {hire.fr} {when.fr}{and_fr} la rend conforme{unsure.fr}."
            en = f"{verdict_en}{share}; hiring {hire.en} {when.en}{and_en} makes it compliant{unsure.en}."
        return t(tete + fr, head + en)

    def clause(self) -> Text:
        """What a failing year still running adds to its headline (``_with_projection``)."""
        unsure = self._unsure()
        if self.case == "hire":
            hire, when = self._hire(), self.when()
            and_fr, and_en = self._half(gerund=True)
            return t(f"projection : engager {hire.fr} {when.fr}{and_fr} la rend conforme{unsure.fr}",
                     f"projection: hiring {hire.en} {when.en}{and_en} makes it compliant{unsure.en}")
        if self.case == "half_time":
            half = _half_time_text(self.half_of, gerund=True)
            return t(f"projection : le public cible suffit ; {half.fr} la rend conforme{unsure.fr}",
                     f"projection: the target public is enough; {half.en} makes it compliant{unsure.en}")
        if self.case == "none":
            return t("projetée conforme sans engagement supplémentaire", "projected compliant with no extra hire")
        also = self._also_supervision()
        return t(f"projection : plus aucun engagement ne la rend conforme{also.fr}",
                 f"projection: no hire makes it compliant any more{also.en}")

    def reason(self, monthly: bool) -> Text:
        """The projection's step in a failing year's reasons (``_with_projection``); ``monthly``: Brussels 2004,
        whose months already judged are closed."""
        half = _half_time_text(self.half_of, gerund=True)
        if self.apart:
            # Month by month: the later months' hire, the current month's few days said apart (``_month_apart``).
            later, said = self._later(), self.apart.said()
            return t(f"{later.fr} (les mois déjà jugés sont clos) ; {said.fr}",
                     f"{later.en} (the months already judged are closed); {said.en}")
        if self.case == "hire":
            hire, when = self._hire(), self.when()
            return t(f"{hire.fr} à engager {when.fr}"
                     + (" pour les mois à venir (les mois déjà jugés sont clos)" if monthly else "")
                     + (f", et {half.fr}" if half else ""),
                     f"{hire.en} to hire {when.en}"
                     + (" for the months to come (the months already judged are closed)" if monthly else "")
                     + (f", and {half.en}" if half else ""))
        if self.case == "half_time":
            return t(f"le public cible suffit sans engagement ; il reste à {half.fr}",
                     f"the target public is enough with no hire; {half.en} remains")
        if self.case == "none":
            if monthly:
                return t("les mois à venir atteignent le seuil sans engagement (les mois déjà jugés sont clos)",
                         "the months to come reach the threshold with no hire (the months already judged are closed)")
            return t("l'année atteint le seuil sans engagement supplémentaire",
                     "the year reaches the threshold with no extra hire")
        also = self._also_supervision()
        return t(f"plus aucun engagement ne rend l'année conforme{also.fr}",
                 f"no hire makes the year compliant any more{also.en}")

    def to_fix(self, which: Text, monthly: bool = False) -> Text:
        """``check``'s line of what to fix; ``monthly`` (Brussels 2004, months already judged listed apart; asked
        for a « hire » only): the hire for the months to come alone."""
        unsure, when = self._unsure(), self.when()
        if monthly and self.apart:
            # The later months' hire, the current month's few days said apart (``_month_apart``).
            later, said = self._later(), self.apart.said()
            return t(f"{which.fr}{later.fr} (projection, ei check-quota --forecast) ; {said.fr}.",
                     f"{which.en}{later.en} (projection, ei check-quota --forecast); {said.en}.")
        if monthly:
            return t(f"{which.fr}pour les mois à venir, engager {self._hire().fr} {when.fr} "
                     "(projection, ei check-quota --forecast).",
                     f"{which.en}for the months to come, hire {self._hire().en} {when.en} (projection, "
                     "ei check-quota --forecast).")
        and_fr, and_en = self._half(gerund=False)
        if self.case == "hire":
            hire = self._hire()
            return t(f"{which.fr}engager {hire.fr} {when.fr} (ou augmenter d'autant le temps de "
                     f"travail){and_fr} : la projection de l'année la rend alors conforme{unsure.fr} "
                     "(ei check-quota --forecast).",
                     f"{which.en}hire {hire.en} {when.en} (or raise the working time as much){and_en}: the "
                     f"year's projection then complies{unsure.en} (ei check-quota --forecast).")
        if self.case == "half_time":
            return t(f"{which.fr}garder le public cible actuel{and_fr} : l'année est alors projetée conforme{unsure.fr} "
                     "(ei check-quota --forecast).",
                     f"{which.en}keep the current target public{and_en}: the year is then projected compliant"
                     f"{unsure.en} (ei check-quota --forecast).")
        if self.case == "none":
            return t(f"{which.fr}garder le public cible actuel : l'année est projetée conforme sans engagement "
                     "supplémentaire (ei check-quota --forecast).",
                     f"{which.en}keep the current target public: the year is projected compliant with no extra hire "
                     "(ei check-quota --forecast).")
        also = self._also_supervision()
        return t(f"{which.fr}plus aucun engagement ne rend l'année conforme{also.fr} (ei check-quota --forecast).",
                 f"{which.en}no hire makes the year compliant any more{also.en} (ei check-quota --forecast).")

    @property
    def says_half_time(self) -> bool:
        """The advice already names the contract to raise (``check`` does not add its own line then)."""
        return self.case in ("hire", "half_time") and _half_time_text(self.half_of) is not None


def _advice(target: Decimal | None, supervision: Decimal | None, hire_from: Month | None, half_of: YearQuota,
            unsure: bool, months_left: bool = True, payroll_missing: bool = False,
            awaited: Sequence[Month] = (), span: Period | None = None, apart: _MonthApart | None = None,
            closed: Sequence[Month] = ()) -> _Advice:
    """The one choice of what a projection advises (``_Advice``): ``target`` the target FTE to hire (None: no
    hire fixes the target part), ``supervision`` the encadrement FTE (Brussels 2018), from ``hire_from``;
    ``months_left``, ``payroll_missing`` and ``awaited`` (its unpaid months whose payroll is not due yet,
    ``_awaited``) for the forecast of a year with no month to come; ``span``: the days a hire counts in when they
    weigh less than one month (``_short_span``); ``apart``: the current month said apart (``_month_apart``), which
    its callers only solve beside a figure to hire in a month to come (a « hire »); ``closed``: month by month, the
    months judged below the threshold that no hire counts in any more (``_closed_months``) — the year stays non
    compliant, ``target`` is the months to come's own hire. A target part no hire fixes
    is « impossible » whatever encadrement is also missing: hiring that encadrement alone leaves the verdict
    failing or unknown, never « conforme »."""
    if not months_left:
        case = "payroll_missing" if payroll_missing else "awaited" if awaited else "nothing_left"
    elif target is None:
        case = "too_late" if hire_from is None else "impossible"
    elif target or supervision:
        case = "hire"
    elif _half_time_text(half_of) is not None:
        case = "half_time"
    else:
        case = "none"
    return _Advice(case, target, supervision, hire_from, half_of, unsure, tuple(awaited), span, apart, tuple(closed))


def _short_span(first: date | None, end: date, k: Decimal) -> Period | None:
    """The days a hire counts in, from ``first`` to the year's last day ``end``, when they weigh less than one
    month (0 < k < 1, k the weight the figure is solved over): the FTE to hire, solved ÷ k, is then many times
    what the year lacks, and the advice names those days beside it (docs/interpretations.md, « Forecast: a hire
    counted on fewer days than a month »). None when a month or more is left, or no hire counts (k = 0: no month
    to hire in, the only case without a ``first`` day)."""
    return Period(first, end) if ZERO < k < ONE else None


def _art60_reason(f: _Frame) -> Reason | None:
    """Art. 60 §7 workers of the year's known months: their ids and average FTE (Σ their monthly FTE ÷ the
    months known), never counted (Q11) — rules.md asks to show them separately."""
    if not f.months:
        return None
    known = Period(max(f.period.start, f.months[0].month.first_day), min(f.period.end, f.months[-1].month.last_day))
    ids = [w.worker_id for w in f.enterprise.workers if _is_art60(w) and w.employed_in(known)]
    if not ids:
        return None
    avg = sum((m.art60_fte for m in f.months), ZERO) / len(f.months)
    listed = workers_text(ids)   # « travailleurs 3, 4 »: a bare numeric id beside an FTE reads as a figure
    # The months named, not « du tableau (colonne Art. 60) »: the reason is also printed where no such table is
    # (``ei check --explain``, the annual report, whose month table is the calendar year's).
    over = _year_months_text(Decimal(len(f.months)), f.months)
    return because(t(
        f"Art. 60 §7 (hors quota) : {listed.fr}, {number_text(avg)} ETP en moyenne sur {over.fr} ; employés par le "
        "CPAS, ils ne sont comptés ni au numérateur ni au dénominateur.",
        f"Art. 60 §7 (outside the quota): {listed.en}, {number_text(avg, 'en')} FTE on average over {over.en}; "
        "employed by the CPAS, they count neither in the numerator nor in the denominator."),
        f.regime.value_or_none("quota.denominator", f.period.start))


def _grid_fte(enterprise: Enterprise, months: list[Month], shape: _Shape):
    """(worker → their etp in each of ``months``, the Paie fallback warnings); ``months`` are consecutive.

    Art. 60 §7 workers' etp is measured too, to be shown apart (Q11), without a warning for their months
    without a Paie row: nothing the quota judges rests on it."""

    def judged(w: Worker) -> bool:
        return shape.counted(w) or (shape.supervision and _is_supervision(w))

    # A person's other contracts too (``Enterprise.employments``): they count first in their one full-time
    # (``common.one_full_time``), without a warning of their own when the quota does not count them.
    workers = [w for w in enterprise.workers if judged(w) or _is_art60(w) or w.worker_id in enterprise.employments]
    if not months:
        return (lambda w: []), []
    row_of, fallbacks = fte_lookup(enterprise, months, workers)
    for w in workers:
        if not judged(w):
            fallbacks.pop(w.worker_id, None)
    return row_of, fallback_warnings(fallbacks, enterprise.source)


def evaluate_quota(enterprise: Enterprise, regime: Regime, period: Period, report, whole_years: bool = False
                   ) -> QuotaResult:
    """Every agrément year overlapping ``period``, each judged by the quota shape of the regime in force on
    its first day (``regimes.regime_for_year``; ``regime`` itself when forced): a year keeps the obligation
    it began under. A year begun under a regime ``ei`` does not ship is judged by the nearest one it ships,
    the stand-in a period of those days gets, and says so (``_said_judge``).

    ``period`` is the period evaluated: a shape that judges each month for itself (Brussels 2004) judges
    only the months of the year inside it, the others being shown for information; the averaged and
    point-value shapes judge the agrément year as a whole (docs/interpretations.md). ``whole_years``:
    ``period`` only picks the years (``ei check-quota --at DATE`` and its default, the last Paie month),
    each judged as a whole."""
    name, _ = _shape(regime)
    years = years_overlapping(enterprise.agrement_date, period)
    judges = [(n, p, regime_for_year(regime, p.start)) for n, p in years]
    results, problems = [], []
    for judge in {j.id: j for _, _, j in judges}.values():
        ys, found = _judge_years(enterprise, judge, [(n, p) for n, p, j in judges if j is judge],
                                 report if judge is regime else _report_under(enterprise, judge),
                                 None if whole_years else period)
        results += [_said_judge(y, regime, judge) for y in ys]
        problems = merged(problems, found)
    results.sort(key=lambda y: y.year)
    before = None
    if not results:
        from ei_cli.rules.dashboard import _before_agrement

        # Its summary keeps the quota's own words: an agrément application (``ei report agrement``) runs
        # this check on a period before the agrément too, where « non applicable » would read as a verdict.
        day = enterprise.agrement_date.isoformat()
        before = replace(_before_agrement(NAME, enterprise, regime, period), summary=t(
            f"Aucune année d'agrément dans la période (période antérieure à l'agrément du {day}) : aucune "
            "obligation de quota.",
            f"No agrément year in the period (period before the agrément of {day}): no quota obligation."))
    return QuotaResult(regime.id, name, period, tuple(results), enterprise.last_pay_month, tuple(problems), before)


def _judge_years(enterprise: Enterprise, regime: Regime, years: list[tuple[int, Period]], report,
                 period: Period | None) -> tuple[list[YearQuota], list[Problem]]:
    """``years`` (agrément years: number, extent) judged by ``regime``'s quota shape, and the Paie warnings;
    ``period``: the period evaluated, whose months alone a month-by-month shape judges (None: whole years)."""
    name, shape = _shape(regime)
    all_months = _months_known(enterprise, (m for _, p in years for m in p.months()))
    fte, problems = _grid_fte(enterprise, all_months, shape)
    measured = {m.month: m for m in _measure(enterprise, report, all_months, shape.counted, fte, shape.supervision)}
    day_fte = _paid_day_fte(enterprise)
    results = []
    for n, p in years:
        in_year = list(p.months())
        known = tuple(measured[m] for m in in_year if m in measured)
        # Only a month-by-month shape judges the months of the period alone (its part of the year, ``span``); an
        # average judges the whole agrément year, provisional while it runs whatever the period asked (batch audit,
        # 2026-12-01: ``--month 2026-10`` read year 3, running to 2027-02, final — « année close »).
        span = p.intersection(period) if period is not None and shape.by_month else None
        frame = _Frame(enterprise, regime, n, p, known, len(in_year), frozenset(m.month for m in known), report,
                       day_fte, span)
        results.append(_counted_in_part(replace(_judge(shape, frame), regime_id=regime.id, rule=name), enterprise))
    return results, problems


def _counted_in_part(y: YearQuota, enterprise: Enterprise) -> YearQuota:
    """The year ``y`` with a reason naming the contracts the one-full-time cap counted in part in its months
    (``MonthQuota.lowered``: set where the cap is applied, ``_measure`` and, for the year's part of a month it
    shares, ``_year_part``; ``common.full_time_reason``), in the workers' order. The year and the forecast alike."""
    named = {wid for m in y.months for wid in m.lowered}
    if not named:
        return y
    lowered = [w.worker_id for w in enterprise.workers if w.worker_id in named]
    return replace(y, reasons=(*y.reasons, full_time_reason(lowered)))


def _months_known(enterprise: Enterprise, months: Iterable[Month]) -> list[Month]:
    """The months of ``months`` the payroll knows, in order: up to the last Paie month; without any Paie row,
    none (a year then takes the no-payroll path, ``_no_data``: Personnel.etp alone judged any year, future
    ones included, as measured). One rule for the verdict (``_judge_years``) and the projection
    (``forecast_quota``, which projects nothing when no month of the year is known)."""
    end = enterprise.last_pay_month
    return [] if end is None else sorted({m for m in months if m <= end})


def _report_under(enterprise: Enterprise, regime: Regime):
    """The target public as ``regime`` defines it: a year judged by another regime than the one asked for
    counts that regime's target public."""
    from ei_cli.rules.eligibility import assess_eligibility

    return assess_eligibility(enterprise, regime)


# A projection whose verdict hangs on unknown statuses: its hire figure holds only if they are not target public.
_UNSURE_IF = t(" si les travailleurs au statut indéterminé ne sont pas du public cible (complétez d'abord la feuille "
               "Personnel : ils le sont peut-être, et aucun engagement n'est alors nécessaire)",
               " if the workers of unknown status are not target public (complete the Personnel sheet first: they "
               "may be, and no hire is needed then)")


def _projected_fr(compliant: bool | None) -> str:
    """« projetée conforme / non conforme / indéterminée » (the year: feminine)."""
    return "indéterminée" if compliant is None else VERDICT[compliant].fr


def _stand_in_words(stand_in: Regime, first: date) -> Text:
    """What the regime standing in for a year begun when ei ships none is: the nearest shipped one before the
    year (the Walloon 2013–2017 gap: wallonie-2003), or, before every shipped regime, the first one."""
    if stand_in.valid_from <= first:
        return t("le régime livré le plus proche avant elle", "the nearest shipped regime before it")
    return t("le premier régime livré", "the first shipped regime")


_READING = t("une année d'agrément garde l'obligation du régime en vigueur à son premier jour : un régime entré en "
             "vigueur en cours d'année s'applique aux années d'agrément qui commencent après (lecture d'ei, "
             "docs/interpretations.md)",
             "an agrément year keeps the obligation of the regime in force on its first day: a regime that comes "
             "into force during the year applies to the agrément years that begin after it (ei's reading, "
             "docs/interpretations.md)")


def _public_counted(asked: Regime, judge: Regime, first: date) -> Text:
    """« ; le quota y compte le public cible de wallonie-2003 (DEDP = …) … » when the year's judge counts another
    target public than the regime asked for, which the other checks and the staff lists follow (wallonie-2016's
    TD/TGD); empty when both count the same."""
    definition = judge.value_or_none("eligibility.definition", first)
    if definition is None or judge.rule("eligibility") == asked.rule("eligibility"):
        return t("", "")
    return t(f" ; le quota y compte le public cible de {judge.id} ({definition.description_text.fr}), et non celui de "
             f"{asked.id}, que suivent les autres contrôles et la liste du personnel",
             f"; the quota counts {judge.id}'s target public in it ({definition.description_text.en}), not that of "
             f"{asked.id}, which the other checks and the staff list follow")


def _said_judge(y: YearQuota, asked: Regime, judge: Regime) -> YearQuota:
    """A year judged by another regime than the one asked for (the one in force on its first day), by the
    nearest regime ``ei`` ships standing in for one it does not ship, or by a forced regime not in force
    that day: its reasons and headline say so."""
    first = y.period.start
    start = first.isoformat()
    public = _public_counted(asked, judge, first)
    if judge.forced:
        if not judge.simulates(first):
            return y   # chosen and in force that day: judged as without the choice
        then = regime_in_force(judge.region, first)
        if then.valid_on(first):
            then_fr = f"sans régime imposé, ei la juge selon {then.id}, en vigueur ce jour-là"
            then_en = f"without a forced regime, ei judges it under {then.id}, in force that day"
        else:
            near = _stand_in_words(then, first)
            then_fr = (f"le régime en vigueur ce jour-là n'est pas livré par ei : sans régime imposé, ei la juge "
                       f"selon {then.id}, {near.fr}")
            then_en = (f"the regime in force that day is not shipped with ei: without a forced regime, ei judges "
                       f"it under {then.id}, {near.en}")
        reason = Reason(t(
            f"Année d'agrément {y.year} commencée le {start}, hors de la validité de {judge.id} "
            f"({judge.validity_text('fr')}) : jugée selon ce régime parce qu'il est imposé (--regime ou champ "
            f"regime du classeur ; lecture retenue par ei), en simulation ; {then_fr} ({_READING.fr}).",
            f"Agrément year {y.year} began on {start}, outside the validity of {judge.id} "
            f"({judge.validity_text('en')}): judged under that regime because it is forced (--regime or the "
            f"workbook's regime field; the reading ei adopts), as a simulation; {then_en} ({_READING.en})."), judge.title)
        said = (f"selon {judge.id} imposé, pas en vigueur le {start}",
                f"under the forced {judge.id}, not in force on {start}")
    elif judge.simulates(first):
        # No shipped regime was in force when the year began: the nearest one stands in (``regime_in_force``),
        # whatever the regime asked for — as it does for a period of those days.
        not_fr, not_en = ((f", et non selon {asked.id}, en vigueur {asked.validity_text('fr')}",
                           f", not under {asked.id}, in force {asked.validity_text('en')}")
                          if judge is not asked else ("", ""))
        near = _stand_in_words(judge, first)
        reason = Reason(t(
            f"Année d'agrément {y.year} commencée le {start}, sous un régime qu'ei ne fournit pas (aucun régime "
            f"livré en vigueur ce jour-là) : jugée selon {judge.id} ({judge.validity_text('fr')}), {near.fr}, "
            f"comme ei le fait pour une période de ces jours-là{not_fr}{public.fr} — à lire comme une simulation "
            "historique : la règle du régime en vigueur au début de l'année peut différer (lecture d'ei, "
            "docs/interpretations.md).",
            f"Agrément year {y.year} began on {start}, under a regime ei does not ship (no shipped regime in force "
            f"that day): judged under {judge.id} ({judge.validity_text('en')}), {near.en}, as ei does for a period "
            f"of those days{not_en}{public.en} — to be read as a historical simulation: the rule of the regime in "
            "force when the year began may differ (ei's reading, docs/interpretations.md)."),
            judge.title)
        said = (f"année commencée sous un régime qu'ei ne fournit pas (aucun régime livré en vigueur le "
                f"{start}) : jugée selon {judge.id}, {near.fr}",
                f"year begun under a regime ei does not ship (no shipped regime in force on {start}): judged "
                f"under {judge.id}, {near.en}")
    elif judge is not asked:
        reason = Reason(t(
            f"Année d'agrément {y.year} commencée le {start}, sous le régime {judge.id} "
            f"({judge.validity_text('fr')}) : elle est jugée selon ce régime, et non selon {asked.id}, en vigueur "
            f"{asked.validity_text('fr')}{public.fr} ; {_READING.fr}.",
            f"Agrément year {y.year} began on {start}, under regime {judge.id} ({judge.validity_text('en')}): it "
            f"is judged under that regime, not under {asked.id}, in force {asked.validity_text('en')}{public.en}; "
            f"{_READING.en}."), judge.title)
        said = (f"jugée selon {judge.id}, en vigueur à son début", f"judged under {judge.id}, in force when it began")
    else:
        return y
    summary = t(y.summary.fr.rstrip(".") + f" ; {said[0]}.", y.summary.en.rstrip(".") + f"; {said[1]}.")
    return replace(y, summary=summary, reasons=(reason,) + y.reasons)


def check(enterprise: Enterprise, regime: Regime, period: Period, report=None) -> CheckResult:
    """Dashboard line for ``ei check``: the quota of every agrément year overlapping the period."""
    if report is None:
        from ei_cli.rules.eligibility import assess_eligibility

        report = assess_eligibility(enterprise, regime)
    result = evaluate_quota(enterprise, regime, period, report)

    def details(lang: str) -> dict:
        fields = result.to_dict(lang)
        for key in ("compliant", "summary", "reasons"):
            fields.pop(key, None)
        return fields

    shown = result.shown_years
    reasons = tuple(r for y in shown for r in y.reasons) if shown else result.before_agrement.reasons
    several = len(shown) > 1
    to_fix = []
    for y in shown:
        which_fr, which_en = (f"Année d'agrément {y.year} : ", f"Agrément year {y.year}: ") if several else ("", "")
        half = _half_time_text(y)   # Brussels 2018 half-time rule failed: one contract to raise
        half_said = False           # a projection line below already asks for it (« … et porter … »)
        # A year still running that failed on its known months: the projection's advice (``_with_projection``).
        advice = y.advice
        which = t(which_fr, which_en)
        if y.compliant is None and y.unknown_fte:
            # The verdict hangs on statuses not known: what fixes it is to complete them, not a hire. A year
            # judged by another regime (the one in force when it began) counts that regime's target public.
            counted = SHAPES[y.rule].counted
            statuses = report if y.regime_id == regime.id else _report_under(enterprise, get_regime(y.regime_id))
            ids = workers_text(w.worker_id for w in enterprise.workers if counted(w)
                               and statuses.is_target(w.worker_id) is None and w.employed_in(y.period))
            to_fix.append(t(f"{which_fr}compléter la feuille Personnel (statut de public cible indéterminé : {ids.fr}) : "
                            "le verdict en dépend.",
                            f"{which_en}complete the Personnel sheet (target-public status unknown: {ids.en}): the "
                            "verdict depends on it."))
        elif y.judged_on == "every_month" and y.extra.get("failing_months"):
            # Months already paid and judged: no hire repairs them (a hire advice is for months to come).
            to_fix.append(_failed_months_text(y, which_fr, which_en))
            if advice and advice.case == "hire":   # a figure to hire comes with its month (``_with_projection``)
                to_fix.append(advice.to_fix(which, monthly=True))
        elif advice:
            # A year still running: the projection's figure, the one that makes the year comply; the Brussels
            # 2018 half-time rule said beside the hire (and not again in its own line below).
            to_fix.append(advice.to_fix(which))
            half_said = advice.says_half_time
        elif (y.shortfall_fte or y.extra.get("supervision_shortfall_fte")) and not y.provisional:
            # A year whose every month is paid and judged: no hire repairs it any more; say what it lacked.
            lacked = _hire_text(y.shortfall_fte, y.extra.get("supervision_shortfall_fte") or None)
            to_fix.append(t(f"{which_fr}année close : il lui manquait {lacked.fr} ; aucun engagement ne la "
                            "rattrape (l'année en cours : ei check-quota --forecast).",
                            f"{which_en}closed year: it lacked {lacked.en}; no hire makes up for it (the current "
                            "year: ei check-quota --forecast)."))
        elif y.shortfall_fte and not (y.provisional and period_over(y.period)):
            to_fix.append(t(f"{which_fr}engager ou augmenter le temps de travail de public cible : "
                            f"{number_text(y.shortfall_fte)} ETP manquants.",
                            f"{which_en}hire target-public workers or raise their working time: "
                            f"{number_text(y.shortfall_fte, 'en')} FTE missing."))
        awaited = _awaited(enterprise, y.period, {m.month for m in y.months}) if y.provisional else []
        if awaited and period_over(y.period):
            # A year just over whose last months' payroll is not due yet (``_awaited``): nothing to complete.
            said = awaited_text(awaited)
            to_fix.append(t(f"{which_fr}année terminée le {y.period.end.isoformat()}, en attente de {said.fr} : le "
                            "verdict porte d'ici là sur les mois connus.",
                            f"{which_en}year ended on {y.period.end.isoformat()}, awaiting {said.en}: until then the "
                            "verdict rests on the known months."))
        elif y.provisional and period_over(y.period):
            # A year over with months unpaid: the Paie sheet lacks them (whatever else is said above); no
            # hire is advice for the past.
            to_fix.append(t(f"{which_fr}année terminée le {y.period.end.isoformat()} : complétez la feuille Paie de "
                            "ses mois manquants, le verdict porte sur les mois connus.",
                            f"{which_en}year ended on {y.period.end.isoformat()}: complete the Paie sheet with its "
                            "missing months; the verdict rests on the known months."))
        if half and not half_said:
            to_fix.append(t(f"{which_fr}{half.fr} au moins (contrat, feuille Personnel) : l'encadrement partagé exige "
                            "une personne à mi-temps.",
                            f"{which_en}{half.en} at least (contract, Personnel sheet): shared encadrement needs one "
                            "person at half-time."))
        if y.extra.get("min_workers_compliant") is False:
            to_fix.append(t(f"{which_fr}au moins {y.extra['min_workers']} travailleurs devaient être occupés le "
                            f"{y.extra['min_workers_on']}, fin du délai qui suit l'agrément ; il y en avait "
                            f"{y.extra['workers_on_that_day']}.",
                            f"{which_en}at least {y.extra['min_workers']} workers had to be employed on "
                            f"{y.extra['min_workers_on']}, the end of the period after the agrément; there were "
                            f"{y.extra['workers_on_that_day']}."))
    to_fix = [t(x.fr[:1].upper() + x.fr[1:], x.en[:1].upper() + x.en[1:]) for x in to_fix]
    return CheckResult(NAME, result.compliant, result.summary, reasons, tuple(to_fix), details("fr"), details,
                       result.problems)


def _failed_months_text(y: YearQuota, which_fr: str, which_en: str) -> Text:
    """What to fix for Brussels 2004 months judged below the minimum: which they are (with their shares)."""
    below = [m for m in y.months if str(m.month) in y.extra["failing_months"]]
    more = len(below) > _LISTED_MONTHS
    listed_fr = ", ".join(f"{m.month} ({share_text(m.share)})" for m in below[:_LISTED_MONTHS]) + \
        (f", … ({len(below)} mois en tout)" if more else "")
    listed_en = ", ".join(f"{m.month} ({share_text(m.share, 'en')})" for m in below[:_LISTED_MONTHS]) + \
        (f", … ({len(below)} months in all)" if more else "")
    return t(f"{which_fr}mois sous {share_text(y.required_share)} de public cible : {listed_fr} ; un mois écoulé ne se "
             "rattrape pas : la part doit être atteinte chaque mois.",
             f"{which_en}months below {share_text(y.required_share, 'en')} target public: {listed_en}; a month gone by "
             "cannot be made up for: the share must be met every month.")


def headline_year(quota: dict, compliant: bool | None) -> dict:
    """The figures to set beside the quota's verdict (documents, summary.xlsx), from its JSON fields: the
    latest agrément year's (the top-level fields), unless an earlier one fails while it does not — the
    verdict is then that year's, and its figures must stand beside « non conforme »."""
    years = quota.get("agrement_years") or []
    if compliant is False and years and years[-1].get("compliant") is not False:
        return next((y for y in years[:-1] if y.get("compliant") is False), quota)
    return quota


def judged_share(year: dict):
    """The share to set beside the required one (documents, summary.xlsx), from a year's JSON fields: the
    share that was judged. A year judged month
    by month (Brussels 2004, from day 100) is judged on each month: its lowest judged month's share
    (None before any month is judged), not the year's average, which its JSON ``target_share`` holds
    for information — « 38,4 % » beside « non conforme » read as a contradiction."""
    if year.get("judged_on") == "every_month":
        return year.get("lowest_judged_share")
    return year.get("target_share")


# ------------------------------------------------------------------------------ forecast
def _last_known_fte(enterprise: Enterprise, worker: Worker, at: Month) -> Decimal:
    """The worker's last paid etp up to ``at`` (a month cut by hiring or leaving does not count), else Personnel.etp."""
    pays = enterprise.pay_by_worker_month.get(worker.worker_id, {})
    for number in sorted((n for n in pays if n <= at.number), reverse=True):
        m = pays[number].month
        if worker.hire_date <= m.first_day and (worker.exit_date is None or worker.exit_date >= m.last_day):
            return pays[number].fte
    return worker.fte


def forecast_day(enterprise: Enterprise, at: date | None = None) -> date:
    """The day whose agrément year ``ei check-quota --forecast`` judges and projects: ``--at``'s, else today
    (the year in progress) — the agrément day when it is later. One day for both, so that the verdict and the
    projection speak of the same year (an agrément on the 15th splits a month between two years)."""
    return max(at if at is not None else periods.today(), enterprise.agrement_date)


def forecast_beside_year(forecast: QuotaForecast, result: QuotaResult, year: int, day: date) -> QuotaForecast:
    """``--forecast --year Y``: the years judged are the agrément years touching Y, the year projected the one
    holding ``day`` (``forecast_day``: today, or the agrément day when later). When it is not one of them, the
    projection's summary and first reason say which year it projects and why (docs/interpretations.md,
    « Forecast »); otherwise ``forecast`` as it is."""
    judged = [y.year for y in result.years]
    if forecast.year.year in judged:
        return forecast
    n, span = forecast.year.year, forecast.year.period
    if day > periods.today():
        which = t(f"celle qui commence à la date d'agrément ({day.isoformat()})",
                  f"the one beginning on the agrément date ({day.isoformat()})")
    else:
        which = t(f"celle du jour ({day.isoformat()})", f"the one holding today ({day.isoformat()})")
    years = enumeration(str(k) for k in judged)
    judged_text = (t(f"années d'agrément {years.fr}", f"agrément years {years.en}") if len(judged) > 1 else
                   t(f"année d'agrément {years.fr}", f"agrément year {years.en}") if judged else
                   t("aucune année d'agrément", "no agrément year"))
    # A sentence, not a label and a colon: the terminal prints the summary after « Projection : ».
    note = t(f"L'année projetée est l'année d'agrément {n} ({span.start.isoformat()} – {span.end.isoformat()}), "
             f"{which.fr}, hors des années jugées pour --year {year} ({judged_text.fr}) ; --forecast sans --year "
             "juge l'année projetée.",
             f"The year projected is agrément year {n} ({span.start.isoformat()} – {span.end.isoformat()}), "
             f"{which.en}, not among the years judged for --year {year} ({judged_text.en}); --forecast without "
             "--year judges the year projected.")
    return replace(forecast, summary=t(f"{note.fr} {forecast.summary.fr}", f"{note.en} {forecast.summary.en}"),
                   reasons=(because(note), *forecast.reasons))


def forecast_quota(enterprise: Enterprise, regime: Regime, day: date, report) -> QuotaForecast:
    """Project the agrément year containing ``day`` (``forecast_day``: --at's, else today; the agrément day when
    it is later) to its end, and the target FTE to hire. Its month is said in the JSON (``at_month``). The months
    of that year up to the last Paie month are measured as usual, whatever the day asked. Each later month of the year: every worker
    employed then (Personnel dates; those with an exit date leave) keeps their last known monthly
    etp, pro rata of the days employed. Extra target FTE x hired from the day after today, present every
    remaining day: solved as for the shortfall, over the remaining months only (the current month for its days
    left, ``_Frame.hire_weight``).
    """
    on = forecast_day(enterprise, day)
    at = Month.of(on)
    ((n, period),) = years_overlapping(enterprise.agrement_date, Period(on, on))[-1:]
    in_year = list(period.months())
    # The year is the one asked; its months known are those the payroll reaches (``_months_known``), not only
    # those up to the month asked: the last Paie month may be before it (a payroll's usual lag) or after it.
    known = _months_known(enterprise, in_year)
    last_known = known[-1] if known else None
    # A year over has no month to come: its unpaid months are missing payroll (``period_over``). The months to come:
    # those after the last month known — every month of the year when none is known (and none is over yet).
    future = [] if period_over(period) else [m for m in in_year if last_known is None or m > last_known]
    asked, regime = regime, regime_for_year(regime, period.start)   # the year's obligation (evaluate_quota)
    if regime is not asked:
        report = _report_under(enterprise, regime)
    today = periods.today()
    over = [m for m in in_year if min(m.last_day, period.end) < today]   # the year's months over by today
    if not known and over and not payroll_current(enterprise):
        # No month of the year known (no Paie row at all, or none from the agrément on, or a payroll behind by
        # more than its usual lag) while some are over:
        # the verdict is « indéterminé — aucun mois de paie connu »; measuring its past months on Personnel.etp
        # alone would project « conforme » beside it. Nothing is projected: the year as judged, said so. (A year
        # none of whose months is over has no payroll to wait for, and a current payroll's months over but not
        # paid yet are to come, ``payroll_current``: projected, below, from the last paid etp.)
        ys, _ = _judge_years(enterprise, regime, [(n, period)], report, None)
        summary = t(f"Année d'agrément {n} : pas de projection : aucun mois de paie connu pour cette année ; "
                    "complétez la feuille Paie de ses mois passés.",
                    f"Agrément year {n}: no projection: no payroll month known for this year; fill in the Paie "
                    "sheet with its past months.")
        reason = because(t(
            "Une projection part des mois de paie connus (chaque travailleur garde son dernier ETP payé) : sans "
            "aucun, elle mesurerait les mois passés sur le seul Personnel.etp, alors que le verdict de l'année "
            "est indéterminé faute de paie.",
            "A projection starts from the payroll months known (every worker keeps their last FTE paid): without "
            "any, it would measure the past months on Personnel.etp alone, while the year's verdict is unknown for "
            "want of payroll."))
        return QuotaForecast(at, None, _said_judge(ys[0], asked, regime), None, len(future),
                             (reason, *ys[0].reasons), summary)
    name, shape = _shape(regime)
    known_row, problems = _grid_fte(enterprise, known, shape)
    # Each worker's last paid etp up to the last month known (before the year when it has none), else Personnel.etp.
    base = {w.worker_id: _last_known_fte(enterprise, w, last_known or in_year[0]) for w in enterprise.workers}

    def projected_month(m: Month) -> bool:
        return last_known is None or m > last_known

    def future_fte(w: Worker, m: Month) -> Decimal:
        overlap = w.employment.intersection(Period(m.first_day, m.last_day))
        return ZERO if overlap is None else base[w.worker_id] * Decimal(overlap.days) / Decimal(m.days)

    def fte_row(w: Worker) -> list[Decimal]:
        return list(known_row(w)) + [future_fte(w, m) for m in future]

    measured = tuple(replace(x, projected=projected_month(x.month))
                     for x in _measure(enterprise, report, known + future, shape.counted, fte_row, shape.supervision))
    paid = _paid_day_fte(enterprise)

    def day_fte(w: Worker, m: Month) -> Decimal:
        return base[w.worker_id] if projected_month(m) else paid(w, m)

    # A hire counts from the day after today (``periods.today``): a month between the last Paie month and today
    # is projected (each worker keeping their last etp) but is past — no hire in it; the current month counts
    # for its days left (none when today is its last day: hires from the next month), the later ones whole. A month
    # after the current one is to come even when its payroll was entered ahead (``rules.common.paid_to``): measured
    # as entered, and a hire still counts in it.
    now, hire_day = Month.of(today), today + timedelta(days=1)
    adjustable = [m for m in in_year if (m in future or m > now) and min(m.last_day, period.end) >= hire_day]
    frame = _Frame(enterprise, regime, n, period, measured, len(in_year), frozenset(adjustable), report, day_fte,
                   hire_day=hire_day)
    projected = _said_judge(_counted_in_part(replace(_judge(shape, frame), regime_id=regime.id, rule=name), enterprise),
                            asked, regime)
    extra = projected.shortfall_fte
    hire_from = adjustable[0] if adjustable else None
    # Month by month (Brussels 2004), a month judged below the threshold that no hire can reach any more (paid, or
    # past) closes the year's verdict; the months to come are judged each for itself all the same: their own hire,
    # solved on them alone — what a failing year still running advises too (``_with_projection``).
    closed = _closed_months(projected, frame.adjustable)
    if closed and extra is None and projected.required_share is not None and adjustable:
        need = _monthly_need(projected.required_share, tuple(m for m in projected.months if m.month in frame.adjustable),
                             frame.adjustable, hire_day)
        extra = None if need is None else round_up(need)
    # The first day a hire counts in: the day after today, or the first adjustable month's first day when the months
    # before it are paid already (a payroll entered ahead): the figure is solved over ``adjustable`` alone.
    first_hire_day = max(hire_day, period.start, adjustable[0].first_day) if adjustable else None
    remaining = plural(len(future), "mois restant", "month remaining", "mois restants", "months remaining")
    span = f"{period.start.isoformat()} – {period.end.isoformat()}"
    if last_known is None:
        # None of the year's months is over yet (``over``): nothing to wait for in the Paie sheet.
        reasons = [because(t(
            f"Projection de l'année d'agrément {n} ({span}) : aucun de ses mois n'est encore terminé (date du jour : "
            f"{today.isoformat()}), aucun n'a donc de paie à attendre ; ses {remaining.fr} sont projetés : chaque "
            "travailleur sous contrat garde son dernier ETP mensuel payé, sinon son etp de Personnel, ceux qui ont "
            "une date de sortie partent à cette date, ceux qui ont une date d'entrée plus tardive arrivent à cette date.",
            f"Projection of agrément year {n} ({span}): none of its months is over yet (today: {today.isoformat()}), "
            f"so none has a payroll to wait for; its {remaining.en} are projected: every worker under contract keeps "
            "their last monthly FTE paid, else their Personnel etp, those with an exit date leave on it, those with a "
            "later hire date join on it."))]
    else:
        reasons = [because(t(
            f"Projection de l'année d'agrément {n} ({span}) à partir de {last_known} (dernier mois de paie connu) : "
            f"{remaining.fr} ; chaque travailleur "
            "encore occupé garde son dernier ETP mensuel connu, ceux qui ont une date de sortie partent à cette date.",
            f"Projection of agrément year {n} ({span}) from {last_known} (the last payroll month known): "
            f"{remaining.en}; every worker still employed keeps "
            "their last known monthly FTE, those with an exit date leave on it."))]
    ahead = [m for m in adjustable if m not in future]
    if ahead:
        # Months not begun whose payroll was entered ahead: measured as entered, open to a hire all the same.
        span_fr = str(ahead[0]) if len(ahead) == 1 else f"de {ahead[0]} à {ahead[-1]}"
        span_en = str(ahead[0]) if len(ahead) == 1 else f"{ahead[0]} to {ahead[-1]}"
        reasons.append(because(t(
            f"Mois {span_fr} : pas encore commencés, leur paie saisie d'avance est comptée telle quelle ; un engagement "
            "y compte aussi.",
            f"Months {span_en}: not begun yet, their payroll entered ahead is counted as entered; a hire counts in "
            "them too.")))
    past = [m for m in future if m < now]
    if past:
        hireable = plural(len(adjustable), "mois", "month", "mois", "months")
        reasons.append(because(t(
            f"Mois de {past[0]} à {past[-1]} : passés sans paie connue, projetés "
            f"(chaque travailleur garde son dernier ETP) mais sans engagement possible ; engagements à partir de "
            f"{hire_from} ({hireable.fr}).",
            f"Months {past[0]} to {past[-1]}: past without known payroll, projected "
            f"(every worker keeps their last FTE) but no hire possible in them; hires from {hire_from} "
            f"({hireable.en}).")))
    if now in future:
        # The current month: a hire made from tomorrow is present for its days left only.
        end = min(now.last_day, period.end)
        left = days_between(hire_day, end)
        if left:
            days = plural(left, "jour restant", "day left", "jours restants", "days left")
            said = t(f"{now} compte pour {days.fr} sur {now.days}", f"{now} counts for {days.en} out of {now.days}")
        else:
            said = t(f"{now} n'y compte plus (dernier jour aujourd'hui)" + (
                        f", engagements à partir de {hire_from}" if hire_from else ""),
                     f"{now} no longer counts (its last day is today)" + (
                        f", hires from {hire_from}" if hire_from else ""))
        reasons.append(because(t(
            f"Engagement compté à partir du lendemain de la date du jour ({hire_day.isoformat()}) : {said.fr}.",
            f"A hire counted from the day after today ({hire_day.isoformat()}): {said.en}.")))
    extra_sup = _supervision_to_hire(projected, first_hire_day)
    # Brussels 2018: nobody at half-time is one contract to raise, said beside any hire (never solved as FTE).
    # A year over with months unpaid lacks their payroll, unless it is not due yet (``_awaited``: the usual lag).
    awaited = _awaited(enterprise, period, set(known)) if period_over(period) else []
    # The weight k of the days a hire counts in, as the shortfall solved it (a year 1 is judged on its last day:
    # k = 1); month by month (Brussels 2004), which solves no average, the adjustable months' parts. Under one
    # month, the advice names those days beside the figure (``_short_span``).
    k = projected.adjustable if projected.adjustable is not None else frame.hire_k(projected.months)
    hire_span = _short_span(first_hire_day, period.end, k)
    # Month by month (Brussels 2004): the current month, counted for its days left, said apart when it alone needs
    # more than the later months (``_month_apart``; the same hire day as the solver's).
    apart = _month_apart(projected.required_share, projected.months, frame.adjustable, hire_day) \
        if extra and projected.judged_on == "every_month" else None
    advice = _advice(extra, extra_sup, hire_from, projected, unsure=projected.compliant is None,
                     months_left=bool(future), payroll_missing=period_over(period) and known != in_year and not awaited,
                     awaited=awaited, span=hire_span, apart=apart, closed=closed)
    summary = advice.headline(n, projected, last_known, period.end)
    if extra and projected.judged_on == "average_minimums":
        # Brussels 2018: its mandate's reasons have no « Manque », so the hire's formula is said here. A staircase
        # year's « Manque » (``_shortfall_reasons``) says it already, with its k — for a point value, its day's.
        reasons.append(_hire_formula_reason(projected))
    elif extra and projected.judged_on == "every_month" and not advice.apart:
        # Month by month (Brussels 2004) no average is solved: each month's need ÷ its part the hire is present in
        # (``_monthly_need``). A current month said apart has its own reason below, which says it.
        reasons.append(_monthly_hire_reason(adjustable, first_hire_day))
    if advice.apart:
        a = advice.apart
        days, need, day = plural(a.days.days, "jour", "day"), a.need, a.days.start.isoformat()
        later = t(f"en demandent au plus {number_text(a.later)}", f"ask at most {number_text(a.later, 'en')}") \
            if a.later else t("n'en demandent aucun", "ask none")
        reasons.append(because(t(
            f"Chaque mois est jugé pour lui-même : un engagement ne compte plus dans {a.month} que pour {days.fr} sur "
            f"{a.month.days}, et son manque x = (r·D − T) ÷ (1 − r) y demande x ÷ {a.days.days}/{a.month.days} = "
            f"{number_text(need)} ETP, quand les mois suivants, entiers, {later.fr} ; engagés dès le {day}, "
            f"{number_text(need)} ETP resteraient au-delà de leur besoin : le conseil part de {a.later_from} et "
            f"{a.month} est dit à part.",
            f"Every month is judged for itself: a hire counts in {a.month} for only {days.en} out of {a.month.days}, "
            f"and its shortfall x = (r·D − T) ÷ (1 − r) asks x ÷ {a.days.days}/{a.month.days} = "
            f"{number_text(need, 'en')} FTE there, while the following months, whole, {later.en}; hired from {day}, "
            f"{number_text(need, 'en')} FTE would stay beyond their need: the advice starts from {a.later_from} and "
            f"{a.month} is said apart.")))
    if extra_sup:
        counted, fte_days, hire_days = _supervision_hire_days(projected, first_hire_day)
        minimum = projected.extra['min_supervision_fte']
        counted_text, hire_text = plural(counted, "jour compté", "counted day", "jours comptés"), plural(hire_days, "jour", "day")
        reasons.append(because(t(
            f"Encadrement : {number_text(projected.extra['supervision_fte'])} ETP en moyenne pour un minimum de "
            f"{number_text(minimum)}, mesurés jour par jour ; y = (minimum × jours comptés − ETP-jours du poste) ÷ jours "
            f"où l'engagement compte = ({number_text(minimum)} × {counted_text.fr} − {_four_text(fte_days)} ETP-jours) ÷ "
            f"{hire_text.fr} à partir du {first_hire_day.isoformat()}, arrondi vers le haut = {number_text(extra_sup)} ETP "
            f"à engager {advice.when().fr}.",
            f"Encadrement: {number_text(projected.extra['supervision_fte'], 'en')} FTE on average for a minimum of "
            f"{number_text(minimum, 'en')}, measured day by day; y = (minimum × days counted − the post's FTE-days) ÷ "
            f"days the hire counts in = ({number_text(minimum, 'en')} × {counted_text.en} − {_four_text(fte_days, 'en')} "
            f"FTE-days) ÷ {hire_text.en} from {first_hire_day.isoformat()}, rounded up = {number_text(extra_sup, 'en')} "
            f"FTE to hire {advice.when().en}.")))
    reasons += list(projected.reasons)
    return QuotaForecast(at, hire_from, projected, extra, len(future), tuple(reasons), summary, extra_sup,
                         first_hire_day, hire_span, advice.apart)


def _hire_formula_reason(projected: YearQuota) -> Reason:
    """« Avec k = … » (Brussels 2018, whose mandate has no « Manque »): the formula the figure to hire was solved by
    over the k months a hire counts in (``projected.adjustable``, ``_staircase_need``), the minimum of target FTE's
    with its numbers — the regime has no share r."""
    least = projected.least
    k, formula = least.k, _minimum_formula(least)
    return because(t(
        f"Avec k = {_months_text(k)} mois restants : {formula.fr}, T les ETP-mois cible projetés sur les n mois "
        "de l'année, arrondi vers le haut.",
        f"With k = {_months_text(k, 'en')} remaining months: {formula.en}, T the target FTE-months projected over "
        "the year's n months, rounded up."))


def _monthly_hire_reason(months: Sequence[Month], first: date) -> Reason:
    """Month by month (Brussels 2004): how the hire of a forecast was solved — each month's shortfall x divided by
    the part w of it a hire counted from ``first`` is present in (``_monthly_need``), the largest x ÷ w; never the
    averaging x = (r·D − T) ÷ ((1 − r)·k), which no month is judged by. ``months``: the adjustable months."""
    head = t("Chaque mois est jugé pour lui-même : le manque x = (r·D − T) ÷ (1 − r) de chaque mois à venir",
             "Every month is judged for itself: each month to come's shortfall x = (r·D − T) ÷ (1 − r)")
    m = months[0]
    w = _hire_part(m, first)
    if w == ONE:
        return because(t(
            f"{head.fr}, le plus grand arrondi vers le haut (un engagement compté à partir du {first.isoformat()} y "
            "est présent chaque mois entier).",
            f"{head.en}, the largest rounded up (a hire counted from {first.isoformat()} is present in each of them "
            "whole)."))
    part = f"{days_between(first, m.last_day)}/{m.days}"
    later = t(" ; les mois suivants, entiers : 1", "; the following months, whole: 1") if len(months) > 1 else t("", "")
    return because(t(
        f"{head.fr}, divisé par la part w du mois où un engagement compté à partir du {first.isoformat()} est présent "
        f"({m} : {part}{later.fr}), le plus grand x ÷ w arrondi vers le haut.",
        f"{head.en}, divided by the part w of the month a hire counted from {first.isoformat()} is present in "
        f"({m}: {part}{later.en}), the largest x ÷ w rounded up."))


def judged_share_text(y: YearQuota, lang: str = "fr") -> str:
    """The share the verdict judged: the year's (average or point value), or, month by month (Brussels
    2004), the lowest judged month's — never the average of months not all judged; for minimums of FTE (Brussels
    2018, which judges no share) the averages beside their minimums."""
    if y.judged_on == "average_minimums" and y.fte_measured and y.min_target_fte is not None:
        sup, least = y.extra.get("supervision_fte"), y.extra.get("min_supervision_fte")
        target = t(f"{number_text(y.target_fte, beside=y.min_target_fte)} ETP public cible pour un minimum de "
                   f"{number_text(y.min_target_fte)}",
                   f"{number_text(y.target_fte, 'en', y.min_target_fte)} target-public FTE for a minimum of "
                   f"{number_text(y.min_target_fte, 'en')}")
        if sup is None or least is None:
            return target.get(lang)
        return t(f"{target.fr} ; {number_text(sup, beside=least)} ETP d'encadrement pour un minimum de "
                 f"{number_text(least)}",
                 f"{target.en}; {number_text(sup, 'en', least)} FTE of encadrement for a minimum of "
                 f"{number_text(least, 'en')}").get(lang)
    if y.judged_on != "every_month":
        return share_text(y.target_share, lang)
    low = y.extra.get("lowest_judged_month")
    if low is None:
        return t("aucun mois jugé", "no month judged").get(lang)
    share = y.extra["lowest_judged_share"]
    return t(f"mois jugé le plus bas {low} : {share_text(share)}",
             f"lowest month judged {low}: {share_text(share, 'en')}").get(lang)


def _closed_months(projected: YearQuota, adjustable: frozenset[Month]) -> tuple[Month, ...]:
    """Month by month (Brussels 2004): the judged months below the threshold that no hire counts in any more (paid,
    or past) — they close the year's verdict. Empty for every other shape."""
    if projected.judged_on != "every_month":
        return ()
    failing = set(projected.extra.get("failing_months") or ())
    return tuple(m.month for m in projected.months if str(m.month) in failing and m.month not in adjustable)


def _supervision_to_hire(projected: YearQuota, first: date | None) -> Decimal | None:
    """The encadrement FTE to hire from ``first`` (the first day a hire counts in) for a year judged on a minimum of
    encadrement (Brussels 2018), solved on the post as the minimum measures it — by days (``_judge_mandate``): y FTE
    present on the H counted days from ``first`` raise Σ etp × days P over the D counted days to the minimum m when
    y = (m × D − P) ÷ H, rounded up once. None when the regime has no such minimum or no day is left to hire in."""
    x = projected.extra
    missing = x.get("supervision_shortfall_fte")
    if missing is None or projected.supervision_post is None or first is None or not projected.adjustable:
        return None
    if not missing:
        return ZERO
    counted, fte_days, hire_days = _supervision_hire_days(projected, first)
    return round_up((x["min_supervision_fte"] * counted - fte_days) / hire_days) if hire_days else None


def _supervision_hire_days(projected: YearQuota, first: date) -> tuple[int, Decimal, int]:
    """(D, P, H) of ``_supervision_to_hire``: the counted days, the post's Σ etp × days, the days a hire counts in."""
    fte_days, windows = projected.supervision_post
    return (sum(w.days for w in windows), fte_days,
            sum(days_between(max(w.start, first), w.end) for w in windows if w.end >= first))
