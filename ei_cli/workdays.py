"""Working days and the etp a month's days employed allow: the reader's Paie check (``pay_fte_beyond_days_employed``)
and the rules' count of a hire or exit month (``rules.common.fte_rows``) — one allowance, so that a month is
counted in part exactly when the reader warns of it. The legal public holidays and the reader's bounds are in
``plausibility.toml``, read once a process."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache

from ei_cli.periods import Month, days_between, easter_sunday

# A payroll may round an etp to the hundredth (12/31 = 0,387… shown 0,39): the days employed allow that much.
_HUNDREDTH = Decimal("0.01")


@lru_cache(maxsize=1)
def plausibility() -> dict:
    """The parameters of ``plausibility.toml`` (the reader's bounds, the legal public holidays), read once a
    process."""
    from importlib import resources

    from ei_cli.regimes import load_parameter_file

    with resources.as_file(resources.files("ei_cli.workbook") / "plausibility.toml") as path:   # beside the reader
        return load_parameter_file(path)


@lru_cache(maxsize=None)
def _public_holidays(year: int) -> frozenset[date]:
    """The legal public holidays of ``year`` (``plausibility.toml``: the fixed days and the days after Easter)."""
    bounds, on = plausibility(), date(year, 1, 1)
    fixed = bounds["pay.public_holidays.fixed"].at(on).value
    after = bounds["pay.public_holidays.after_easter"].at(on).value
    easter = easter_sunday(year)
    return frozenset([date(year, int(f["month"]), int(f["day"])) for f in fixed]
                     + [easter + timedelta(days=int(a["days"])) for a in after])


@lru_cache(maxsize=None)
def _working_days(month: Month) -> tuple[int, ...]:
    """The days of ``month`` (their numbers) from Monday to Friday that are no legal public holiday."""
    holidays = _public_holidays(month.year)
    return tuple(d.day for d in (month.first_day + timedelta(days=n) for n in range(month.days))
                 if d.weekday() < 5 and d not in holidays)


def hundredth_up(x: Decimal) -> Decimal:
    """``x`` rounded up to the hundredth a payroll may round an etp to."""
    return x.quantize(_HUNDREDTH, rounding=ROUND_CEILING)


def fte_allowed(month: Month, first: date, last: date) -> tuple[Decimal, int, int, bool]:
    """The etp the days employed in ``month`` (``first`` to ``last``) allow: the larger of the calendar-day share
    and the working-day share (``_working_days``), each rounded up to the hundredth. (That share, its days
    employed, the month's days, whether it is the working-day one.)"""
    employed = days_between(first, last)
    calendar = hundredth_up(Decimal(employed) / month.days)
    working = _working_days(month)
    worked = bisect_right(working, last.day) - bisect_left(working, first.day)
    share = hundredth_up(Decimal(worked) / len(working))
    if share > calendar:
        return share, worked, len(working), True
    return calendar, employed, month.days, False
