"""Calendar arithmetic (ei_cli.periods): periods of n months or years from a date."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ei_cli.model import ContractType, Function, Worker
from ei_cli.periods import (Month, Period, add_months, anniversary, anniversary_year, completed_months, easter_sunday,
                             year_number)


def test_a_period_of_months_ends_the_day_before_its_quantieme_or_on_the_last_day_of_the_month():
    """« De quantième à veille de quantième »: 12 months from 2024-03-15 → the next period starts on
    2025-03-15. From 29 Feb 2024, February 2025 has no 29th: the 12 months end on its last day
    (2025-02-28), the next period starts on 1 March. From 31 January, one month ends on the last
    day of February (2024: the 29th), the next starts on 1 March."""
    assert anniversary(date(2024, 3, 15), 12) == date(2025, 3, 15)
    assert anniversary(date(2024, 2, 29), 12) == date(2025, 3, 1)
    assert anniversary(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert anniversary(date(2024, 1, 31), 1) == date(2024, 3, 1)
    assert anniversary(date(2023, 1, 31), 1) == date(2023, 3, 1)
    assert anniversary(date(2024, 1, 30), 1) == date(2024, 3, 1)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)  # a due date stays clamped


def test_completed_months_count_as_the_periods_of_months_do():
    """From 03/02/2016 to 01/03/2023: 7 years = 84 months to 03/02/2023, and 03/02 → 01/03 is not a month
    (the 85th ends on 02/03/2023): 84; on 03/03/2023, 85. From 31/01/2024, the first month is completed on
    01/03 (February has no 31st: ``anniversary``), not on 29/02. Before the start: 0."""
    assert completed_months(date(2016, 2, 3), date(2023, 3, 1)) == 84
    assert completed_months(date(2016, 2, 3), date(2023, 3, 3)) == 85
    assert completed_months(date(2024, 1, 31), date(2024, 2, 29)) == 0
    assert completed_months(date(2024, 1, 31), date(2024, 3, 1)) == 1
    assert completed_months(date(2024, 1, 31), date(2024, 1, 1)) == 0


@given(st.dates(date(1990, 1, 1), date(2030, 12, 31)), st.integers(0, 400), st.integers(0, 40))
def test_completed_months_is_the_last_anniversary_reached(start, months, days):
    on = anniversary(start, months) + timedelta(days=days)
    n = completed_months(start, on)
    assert anniversary(start, n) <= on < anniversary(start, n + 1)


def test_anniversary_years_from_29_february():
    """Origin 2024-02-29: year 1 = 2024-02-29 … 2025-02-28 (366 days, 29 Feb 2024 included), year 2 =
    2025-03-01 … 2026-02-28, year 5 starts again on 2028-02-29."""
    assert (anniversary_year(date(2024, 2, 29), 1).start, anniversary_year(date(2024, 2, 29), 1).end) == (
        date(2024, 2, 29), date(2025, 2, 28))
    assert anniversary_year(date(2024, 2, 29), 2).start == date(2025, 3, 1)
    assert anniversary_year(date(2024, 2, 29), 5).start == date(2028, 2, 29)
    assert year_number(date(2024, 2, 29), date(2025, 2, 28)) == 1
    assert year_number(date(2024, 2, 29), date(2025, 3, 1)) == 2


@given(origin=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)), n=st.integers(1, 30))
def test_anniversary_years_follow_each_other_and_number_their_days(origin, n):
    """Year n ends the day before year n + 1 starts; its first and last days are numbered n; it
    starts on or a few days after ``add_months`` (only a day the month lacks moves it forward)."""
    year, following = anniversary_year(origin, n), anniversary_year(origin, n + 1)
    assert year.end + timedelta(days=1) == following.start
    assert year_number(origin, year.start) == n == year_number(origin, year.end)
    assert 0 <= (year.start - add_months(origin, 12 * (n - 1))).days <= 1


def test_periods_sharing_one_day_overlap_and_a_hire_on_the_last_day_is_employed():
    """Periods are closed (both ends included): 2025-01-01 … 2025-03-31 and 2025-03-31 … 2025-06-30 share
    31 March, so they overlap, either way round. A worker hired on 2025-12-31 is employed in 2025
    (one day), one hired on 2026-01-01 is not."""
    q1, q2 = Period(date(2025, 1, 1), date(2025, 3, 31)), Period(date(2025, 3, 31), date(2025, 6, 30))
    assert q1.overlaps(q2) and q2.overlaps(q1)
    assert q1.intersection(q2) == Period(date(2025, 3, 31), date(2025, 3, 31))
    year = Period.calendar_year(2025)
    hired = Worker("W", date(2025, 12, 31), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    assert hired.employed_in(year)
    assert not Worker("X", date(2026, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION).employed_in(year)


_days = st.dates(min_value=date(2024, 12, 1), max_value=date(2025, 2, 28))


@given(_days, _days, _days, _days)
def test_overlap_is_a_non_empty_intersection(a, b, c, d):
    """Two closed periods overlap exactly when they have a day in common, whichever is first."""
    p, q = Period(min(a, b), max(a, b)), Period(min(c, d), max(c, d))
    common = any(p.contains(q.start + timedelta(days=i)) for i in range(q.days))
    assert p.overlaps(q) == q.overlaps(p) == common == (p.intersection(q) is not None)


def test_a_month_s_figures_by_hand_and_one_object_per_month():
    """February 2024 (leap year): number 2024 × 12 + 2 − 1 = 24 289, days 1 to 29. December 2025: number
    2025 × 12 + 12 − 1 = 24 311, 31 days. ``Month.of`` gives one shared object per month (computed once each), equal
    to, and hashed as, a Month built apart; pickling keeps the values."""
    import pickle

    feb = Month.of(date(2024, 2, 17))
    assert (feb.number, feb.first_day, feb.last_day, feb.days) == (24289, date(2024, 2, 1), date(2024, 2, 29), 29)
    dec = Month.of(date(2025, 12, 31))
    assert (dec.number, dec.first_day, dec.last_day, dec.days) == (24311, date(2025, 12, 1), date(2025, 12, 31), 31)
    assert Month.of(date(2024, 2, 1)) is feb and feb.next(22) is dec
    assert feb == Month(2024, 2) and hash(feb) == hash(Month(2024, 2)) and feb < dec
    assert repr(feb) == "Month(year=2024, month=2)"
    again = pickle.loads(pickle.dumps(feb))
    assert again == feb and (again.number, again.last_day) == (24289, date(2024, 2, 29))


@given(st.dates(date(1, 1, 1), date(9999, 12, 31)))
def test_a_month_s_figures_are_the_calendar_s(day):
    """Whatever the day: the month holding it, its number consecutive with the next month's, its first and last
    days those of the calendar (the day after the last is the 1st of the next month, or beyond 9999)."""
    import calendar

    m = Month.of(day)
    assert (m.year, m.month) == (day.year, day.month) and m.number == day.year * 12 + day.month - 1
    assert m.days == calendar.monthrange(day.year, day.month)[1]
    assert m.first_day == day.replace(day=1) and m.last_day == day.replace(day=m.days)
    assert m.first_day <= day <= m.last_day
    if m.last_day < date.max:
        after = m.last_day + timedelta(days=1)
        assert after.day == 1 and Month.of(after).number == m.number + 1 and m.next() is Month.of(after)


def test_a_month_is_parsed_as_ei_batch_month_takes_it():
    """``Month.parse`` is the strict reading of « AAAA-MM » (``ei batch --month`` parses with it, its refusal
    unchanged; ``Paie.mois`` is read more tolerantly by ``workbook.cells.to_month``): 2024-03 is March 2024;
    2024-3, 2024-13, 2024-00, 24-03 and 2024-03-01 are refused — it read « 2024-13 » as a month 13 and « 2024-3 »
    as March."""
    from ei_cli.periods import Month

    assert Month.parse("2024-03") == Month(2024, 3) and str(Month.parse("1990-12")) == "1990-12"
    for text in ("2024-3", "2024-13", "2024-00", "24-03", "2024-03-01", "2024-1a", ""):
        with pytest.raises(ValueError):
            Month.parse(text)


@pytest.mark.parametrize("text", ["２０２６-１０", "٢٠٢٦-١٠", "2026-１０"])
def test_a_month_in_other_digits_than_ascii_is_refused(text):
    """Review B (finding 8): ``\\d`` matches every Unicode digit and ``int`` reads them, so « ２０２６-１０ »
    (full-width) and « ٢٠٢٦-١٠ » (Arabic-Indic) were read as October 2026 by ``Month.parse``, whose contract is
    « AAAA-MM »: [0-9] only, refused now (``ei batch --month`` says « --month attend AAAA-MM »)."""
    from ei_cli.periods import Month

    with pytest.raises(ValueError):
        Month.parse(text)
    assert Month.parse("2026-10") == Month(2026, 10)


def test_easter_sunday_by_the_gregorian_algorithm_at_its_earliest_and_latest():
    """Easter Sunday (the legal holidays' Easter Monday, Ascension and Whit Monday follow it), by the anonymous
    Gregorian algorithm: 31/03/2024, 20/04/2025, 05/04/2026, and the edges of its range, 22 March to 25 April.
    2008: a = 2008 mod 19 = 13, b = 20, c = 8, d = 5, e = 0, g = (20 − 1 + 1) // 3 = 6, h = (19 × 13 + 20 − 5 − 6
    + 15) mod 30 = 271 mod 30 = 1, i = 2, k = 0, l = (32 + 0 + 4 − 1 − 0) mod 7 = 0, m = (13 + 11 + 0) // 451 = 0:
    h + l − 7m + 114 = 115 = 3 × 31 + 22 → 23/03 (the earliest since 1913).
    2038: a = 5, b = 20, c = 38, d = 5, e = 0, g = 6, h = (95 + 20 − 5 − 6 + 15) mod 30 = 29, i = 9, k = 2,
    l = (32 + 18 − 29 − 2) mod 7 = 5, m = (5 + 319 + 110) // 451 = 0: 29 + 5 + 114 = 148 = 4 × 31 + 24 → 25/04,
    the latest possible. 2285: a = 5, b = 22, c = 85, d = 5, e = 2, g = (22 − 1 + 1) // 3 = 7, h = (95 + 22 − 5
    − 7 + 15) mod 30 = 0, i = 21, k = 1, l = (32 + 4 + 42 − 0 − 1) mod 7 = 0, m = 0: 114 = 3 × 31 + 21 → 22/03,
    the earliest possible."""
    years = (2024, 2025, 2026, 2008, 2038, 2285)
    assert [easter_sunday(y) for y in years] == [date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5),
                                                 date(2008, 3, 23), date(2038, 4, 25), date(2285, 3, 22)]


def test_the_date_in_belgium_follows_brussels_time_summer_and_winter():
    """``periods.belgian_date``: Brussels is UTC+1 in winter (CET), UTC+2 in summer (CEST, from the last Sunday
    of March to the last Sunday of October). 30 Nov 2026 23:30 UTC + 1 h = 1 Dec 00:30; 30 Jun 2026 22:00 UTC
    + 2 h = 1 Jul 00:00, one minute earlier (21:59 + 2 h = 23:59) still 30 June; 31 Dec 2026 23:00 UTC + 1 h
    = 1 Jan 2027 00:00, a new year."""
    from datetime import datetime, timezone

    from ei_cli.periods import belgian_date

    def utc(*args):
        return datetime(*args, tzinfo=timezone.utc)

    assert belgian_date(utc(2026, 11, 30, 23, 30)) == date(2026, 12, 1)
    assert belgian_date(utc(2026, 11, 30, 22, 59)) == date(2026, 11, 30)
    assert belgian_date(utc(2026, 6, 30, 22, 0)) == date(2026, 7, 1)
    assert belgian_date(utc(2026, 6, 30, 21, 59)) == date(2026, 6, 30)
    assert belgian_date(utc(2026, 12, 31, 23, 0)) == date(2027, 1, 1)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX TZ rule is read by the C library of POSIX systems")
@pytest.mark.parametrize("zone", ["EAST-14", "WEST+12"])
def test_today_is_the_date_in_brussels_whatever_the_machine_s_time_zone(zone):
    """Audit R3: « today » was the machine's local date, so at 23:30 UTC on 30 November a machine set to UTC
    judged on the 30th where Brussels was on 1 December (the quota's « année en cours » against « paie
    incomplète »). ``periods.today`` is the date in Brussels. Run in a child process (the tests pin
    ``periods.today`` in this one) under a machine time zone of UTC+14 and of UTC−12: at any instant one of the
    two is on another day than Brussels (UTC+1 or +2), so the old code failed one of these at any hour."""
    import os
    import subprocess
    from datetime import datetime
    from zoneinfo import ZoneInfo

    def brussels():
        return datetime.now(ZoneInfo("Europe/Brussels")).date().isoformat()

    before = brussels()
    child = subprocess.run([sys.executable, "-c", "from ei_cli import periods; print(periods.today())"],
                           env={**os.environ, "TZ": zone}, capture_output=True, text=True, timeout=60)
    assert child.stdout.strip() in {before, brussels()}, child.stderr


def test_windows_gets_the_time_zone_database_today_needs():
    """``periods.today`` reads Brussels time with ``zoneinfo``, which on Windows finds no system database: the
    ``tzdata`` package is declared for Windows alone (Linux and macOS have theirs)."""
    import tomllib
    from pathlib import Path

    declared = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert "tzdata; sys_platform == 'win32'" in declared["project"]["dependencies"]
