"""Calendar arithmetic shared by every rule: months, periods, agrément and occupation years."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    total = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(total, 12)
    day = min(d.day, calendar.monthrange(year, month0 + 1)[1])
    return date(year, month0 + 1, day)


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def completed_years(born: date, on: date) -> int:
    """Age in completed years on ``on`` (the birthday itself counts as completed)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, d: date) -> "Month":
        return cls(d.year, d.month)

    @classmethod
    def parse(cls, text: str) -> "Month":
        year, month = text.split("-")
        return cls(int(year), int(month))

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def days(self) -> int:
        return calendar.monthrange(self.year, self.month)[1]

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    def next(self, n: int = 1) -> "Month":
        d = add_months(self.first_day, n)
        return Month(d.year, d.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


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
        m, last = Month.of(self.start), Month.of(self.end)
        while m <= last:
            yield m
            m = m.next()

    def to_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def anniversary_year(origin: date, n: int) -> Period:
    """The n-th year (n ≥ 1) counted from ``origin``: [origin + (n-1) y, origin + n y - 1 day].

    Used for agrément years (origin = date_agrement) and occupation years (origin = hire date).
    """
    if n < 1:
        raise ValueError("years are counted from 1")
    return Period(add_years(origin, n - 1), add_years(origin, n) - timedelta(days=1))


def year_number(origin: date, on: date) -> int:
    """Which anniversary year (1-based) ``on`` falls in; 0 before ``origin``."""
    if on < origin:
        return 0
    n = max(1, on.year - origin.year)
    while anniversary_year(origin, n).start > on:
        n -= 1
    while anniversary_year(origin, n).end < on:
        n += 1
    return n


def years_overlapping(origin: date, period: Period) -> list[tuple[int, Period]]:
    """Every anniversary year from ``origin`` that overlaps ``period``, with its full extent."""
    if period.end < origin:
        return []
    first = year_number(origin, max(origin, period.start))
    last = year_number(origin, period.end)
    return [(n, anniversary_year(origin, n)) for n in range(first, last + 1)]
