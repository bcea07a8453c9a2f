"""Calendar arithmetic shared by every rule: months, periods, agrément and occupation years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cached_property, lru_cache
from typing import Iterator

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# Where « today » is taken: the law ei applies is Belgian, and so are its users (docs/interpretations.md, « One
# notion of today »).
BELGIAN_TIME_ZONE = "Europe/Brussels"


def today() -> date:
    """The current date in Belgium, whatever the machine's time zone (one place to read it: tests set it):
    at 23:30 UTC on 30 November, a machine set to UTC says 30 November where Brussels is already on
    1 December (``belgian_date``)."""
    return belgian_date(datetime.now(timezone.utc))


def belgian_date(instant) -> date:
    """The calendar day in Belgium (``BELGIAN_TIME_ZONE``) at ``instant``, an aware ``datetime``. Without a time
    zone database (neither the system's nor the ``tzdata`` package: a minimal Linux image), the machine's local
    date at that instant, as ei read it before."""
    zone = _belgian_zone()
    return (instant.astimezone(zone) if zone is not None else instant.astimezone()).date()


@lru_cache(maxsize=1)
def _belgian_zone():
    """``BELGIAN_TIME_ZONE`` as a ``zoneinfo.ZoneInfo``, None when no time zone database has it. Imported here,
    when a command first needs today: ``ei --help`` does not pay for it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(BELGIAN_TIME_ZONE)
    except ZoneInfoNotFoundError:
        return None


def days_in_month(year: int, month: int) -> int:
    """Number of days of a calendar month (same as ``calendar.monthrange(year, month)[1]``)."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    total = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(total, 12)
    day = d.day
    if day > 28:
        day = min(day, days_in_month(year, month0 + 1))
    return date(year, month0 + 1, day)


def anniversary(origin: date, months: int) -> date:
    """The day that starts the period after ``months`` months counted from ``origin``: the same day
    of the month, or the 1st of the next month when the month has no such day.

    A period of n months from ``origin`` runs « de quantième à veille de quantième » and, when the
    last month has no such day, up to that month's last day: from 29 Feb 2024, 12 months end on
    28 Feb 2025 (the next period starts on 1 March), and from 31 January, one month ends on the last
    day of February. (``add_months`` instead clamps back to the month's last day, which would end those
    periods a day or more early.)
    """
    day = add_months(origin, months)
    return day if day.day == origin.day else day + timedelta(days=1)  # clamped to the month's last day


def completed_years(born: date, on: date) -> int:
    """Age in completed years on ``on`` (the birthday itself counts as completed)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


def completed_months(start: date, on: date) -> int:
    """Whole months from ``start`` to ``on``: the last n whose ``anniversary(start, n)`` is on or before ``on``
    (from 31 January, a month is completed on 1 March, as the periods of n months count it); 0 before."""
    if on < start:
        return 0
    months = (on.year - start.year) * 12 + on.month - start.month
    return months if anniversary(start, months) <= on else months - 1


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, d: date) -> "Month":
        """The month of ``d``: one shared object per month, as ``_month_numbered`` gives (Months are immutable
        values, compared and hashed by year and month; the rules ask for some 700 a workbook)."""
        return _month_numbered(d.year * 12 + d.month - 1) if cls is Month else cls(d.year, d.month)

    @classmethod
    def parse(cls, text: str) -> "Month":
        """« AAAA-MM » in ASCII digits (2024-03); ValueError for anything else (2024-3, 2024-13, 2024-03-01, and
        « ２０２６-１０ »: ``\\d`` matches any Unicode digit, which ``int`` reads). The strict reading of a month
        ei is given as text — ``ei batch --month``, the months of its own JSON (``documents.fmt_month``) —
        not of the workbook's: ``Paie.mois`` is read by ``workbook.cells.to_month``, more tolerant on purpose
        (2024-3, 03/2024, a date, a date cell), a workbook being typed by hand and exported by payroll tools."""
        match = re.fullmatch(r"([0-9]{4})-([0-9]{2})", text)
        if match is None or not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f"not a month YYYY-MM: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    # The month's figures below, like ``number``, are computed once a Month (``Month.of`` and ``next`` share one
    # object per month): the rules' month loops read them some 800 times a workbook.
    @cached_property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @cached_property
    def last_day(self) -> date:
        return date(self.year, self.month, self.days)

    @cached_property
    def days(self) -> int:
        return days_in_month(self.year, self.month)

    @cached_property
    def number(self) -> int:
        """Months since January of year 0 (year × 12 + month − 1): consecutive months, consecutive numbers.
        Computed once a Month (not a field: neither compared, hashed nor shown); the rules' hot loops read it
        some 4 000 times a workbook."""
        return self.year * 12 + self.month - 1

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    def next(self, n: int = 1) -> "Month":
        return _month_numbered(self.number + n)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@lru_cache(maxsize=4096)
def _month_numbered(number: int) -> Month:
    """The Month of a ``Month.number`` (one shared object per month: Months are immutable values)."""
    year, month0 = divmod(number, 12)
    return Month(year, month0 + 1)


@dataclass(frozen=True, order=True)
class Period:
    """A closed interval of days [start, end]."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError(f"period ends before it starts: {self.start} > {self.end}")

    @classmethod
    def calendar_year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: "Period") -> "Period | None":
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Period(start, end) if start <= end else None

    def months(self) -> Iterator[Month]:
        for number in range(Month.of(self.start).number, Month.of(self.end).number + 1):
            yield _month_numbered(number)

    def to_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def year_ending(period: Period) -> Period:
    """The span a yearly measure of ``period`` is taken on: ``period`` itself, or — shorter than a year (``ei
    batch --month``) — the 12 calendar months ending with its last month. The enterprise size (an annual work
    unit is a yearly mean, Rec. 2003/361) and the wage tension (a remuneration, not one month's pay slip) are
    both measured so."""
    first = Month.of(period.end).next(-11).first_day
    return period if period.start <= first else Period(first, period.end)


def month_span(start: date, end: date | None) -> tuple[int, int]:
    """The month numbers (``Month.number``) of the first and the last month holding a day of
    ``start`` … ``end`` (None: no end): a worker's months of employment, hire to exit."""
    return Month.of(start).number, Month.of(end or date.max).number


def days_between(start: date, end: date) -> int:
    """Days of [start, end], both included; 0 when ``end`` is before ``start``. The ``.days`` of a
    Period intersection without building it: ``days_between(max(a.start, b.start), min(a.end, b.end))``."""
    return (end - start).days + 1 if start <= end else 0


_ONE_DAY = timedelta(days=1)


def anniversary_year(origin: date, n: int) -> Period:
    """The n-th year (n ≥ 1) counted from ``origin``: [origin + (n-1) y, origin + n y - 1 day] (``anniversary``).

    Used for agrément years (origin = date_agrement) and occupation years (origin = hire date).
    """
    if n < 1:
        raise ValueError("years are counted from 1")
    return Period(anniversary(origin, 12 * (n - 1)), anniversary(origin, 12 * n) - _ONE_DAY)


def year_number(origin: date, on: date) -> int:
    """Which anniversary year (1-based) ``on`` falls in; 0 before ``origin``."""
    if on < origin:
        return 0
    n = max(1, on.year - origin.year)
    while anniversary(origin, 12 * (n - 1)) > on:  # year n starts after ``on``
        n -= 1
    while anniversary(origin, 12 * n) <= on:       # year n ends before ``on``
        n += 1
    return n


def years_overlapping(origin: date, period: Period) -> list[tuple[int, Period]]:
    """Every anniversary year from ``origin`` that overlaps ``period``, with its full extent."""
    if period.end < origin:
        return []
    first = year_number(origin, max(origin, period.start))
    last = year_number(origin, period.end)
    return [(n, anniversary_year(origin, n)) for n in range(first, last + 1)]


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)
