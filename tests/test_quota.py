"""The target-public quota (rules.md §3.2, §4.2, §5.2, §6; Q3, Q10, Q11): hand-computed cases.

Model objects are built here (no files); statuses come from a small stand-in for the eligibility
report, so each case states exactly who is target public. CLI cases run on ``sample_data/``.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ei_cli.cli import app
from ei_cli.model import ContractType, Enterprise, Function, PayMonth, Region, Worker
from ei_cli import periods
from ei_cli.periods import Month, Period
from ei_cli.regimes import get_regime
from ei_cli.rules.common import denoised
from ei_cli.rules.quota import _staircase_branches, _staircase_need, check, evaluate_quota, forecast_quota, round_up
from helpers_rules import IN_WORKER_ORDER, SHEET_IDS, one_person
from helpers_workbook import niss

W16 = get_regime("wallonie-2016")
B04 = get_regime("bruxelles-2004")
B18 = get_regime("bruxelles-2018")
SAMPLE = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"
runner = CliRunner()


class Statuses:
    """Stand-in for EligibilityReport: worker_id → True (target) / False / None (unknown)."""

    def __init__(self, by_id: dict):
        self.by_id = by_id

    def is_target(self, worker_id):
        return self.by_id[worker_id]


def worker(wid, hire=date(2020, 1, 1), exit=None, fte="1", function=Function.PRODUCTION,
           contract=ContractType.CDI) -> Worker:
    return Worker(wid, hire, contract, D(fte), function, exit_date=exit)


def months(first: str, last: str) -> list[Month]:
    return list(Period(Month.parse(first).first_day, Month.parse(last).last_day).months())


def pay(wid, first: str, last: str, fte="1") -> list[PayMonth]:
    return [PayMonth(wid, m, D(fte), D("2000")) for m in months(first, last)]


def enterprise(workers, pays, agrement=date(2023, 1, 1), region=Region.WALLONIE) -> Enterprise:
    return Enterprise("EI test", region, agrement, workers=tuple(workers), pay=tuple(p for ps in pays for p in ps))


# ------------------------------------------------------------------------------ Wallonia: staircase
def test_year_1_judged_on_month_12_only():
    """Agrément 2024-01-01 → year 1 = 2024-01-01 … 2024-12-31, judged on 2024-12.

    T (target) is hired in December only: months 1–11 have 0 % target, month 12 has
    T 1 FTE out of 1 + 4 = 5 FTE = 20 % ≥ 20 % (year_1) and 1 FTE ≥ 1 (minimum) → compliant.
    """
    ws = [worker("T", hire=date(2024, 12, 1))] + [worker(f"N{i}") for i in range(4)]
    e = enterprise(ws, [pay("T", "2024-12", "2024-12")] + [pay(f"N{i}", "2024-01", "2024-12") for i in range(4)],
                   agrement=date(2024, 1, 1))
    r = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses({"T": True, "N0": False, "N1": False,
                                                                      "N2": False, "N3": False}))
    y = r.latest
    assert (y.year, y.judged_on, y.judged_month) == (1, "month_12", Month(2024, 12))
    assert y.required_share == D("0.2") and y.target_share == D("0.2")
    assert y.compliant is True and y.shortfall_fte == 0 and not y.provisional
    assert [m.judged for m in y.months] == [False] * 11 + [True]
    assert r.to_dict()["months"][0]["share"] == 0


def test_year_1_shortfall_in_month_12():
    """Month 12: T = 1 target FTE out of D = 9 FTE = 11,1 % < 20 %.

    x = (r·D − T) / (1 − r) = (0,2 × 9 − 1) / 0,8 = 0,8 / 0,8 = 1,00 FTE; minimum: 1 − 1 = 0.
    Check: (1 + 1) / (9 + 1) = 20 %.
    """
    ws = [worker("T")] + [worker(f"N{i}") for i in range(8)]
    e = enterprise(ws, [pay(w.worker_id, "2024-01", "2024-12") for w in ws], agrement=date(2024, 1, 1))
    st_ = Statuses({w.worker_id: w.worker_id == "T" for w in ws})
    y = evaluate_quota(e, W16, Period(date(2024, 6, 1), date(2024, 6, 1)), st_).latest
    assert y.compliant is False and y.shortfall_fte == D("1.00")


def test_year_1_point_value_counts_a_december_hire_full_time():
    """Q3: year 1 = point value at the end of month 12, not December's average FTE.

    Agrément 2024-01-01 → year 1 ends 2024-12-31. N0–N3 not target, full time all year; T (target,
    full time) hired 2024-12-20, Paie December etp = 12/31 = 0,3871.
    Point value on 2024-12-31: T counts 0,3871 × 31 / 12 = 1,00001 → at most 1 → 1 FTE;
    D = 1 + 4 = 5 FTE → 1 / 5 = 20,0 % ≥ 20 % and T = 1 ≥ 1 (minimum) → compliant, shortfall 0.
    (Old code: December average 0,3871 / 4,3871 = 8,8 % → not compliant, 0,62 FTE missing.)
    The December row of months[] keeps the month's average: 0,3871 / 4,3871.
    """
    ws = [worker("T", hire=date(2024, 12, 20))] + [worker(f"N{i}") for i in range(4)]
    pays = [[PayMonth("T", Month(2024, 12), D("0.3871"), D(800))]] + \
           [pay(f"N{i}", "2024-01", "2024-12") for i in range(4)]
    e = enterprise(ws, pays, agrement=date(2024, 1, 1))
    st_ = Statuses({"T": True, **{f"N{i}": False for i in range(4)}})
    r = evaluate_quota(e, W16, Period.calendar_year(2024), st_)
    y = r.latest
    assert (y.judged_on, y.judged_month) == ("month_12", Month(2024, 12))
    assert y.target_fte == 1 and y.total_fte == 5 and y.target_share == D("0.2")
    assert y.compliant is True and y.shortfall_fte == 0
    d = r.to_dict()
    assert d["judged_date"] == "2024-12-31" and d["target_share"] == D("0.2")
    assert d["months"][-1]["total_fte"] == D("4.3871") and d["months"][-1]["target_fte"] == D("0.3871")
    assert any("valeur ponctuelle" in x["text"] and "2024-12-31" in x["text"] for x in d["reasons"])
    assert "au 2024-12-31" in y.summary.fr and "on 2024-12-31" in y.summary.en


def test_year_1_point_value_leaver_before_the_day_does_not_count():
    """Agrément 2024-01-01. T target full time; N1–N5 not target full time; X not target, leaves
    2024-12-15 (Paie December etp 15/31 = 0,4839).

    On 2024-12-31: T = 1, D = 1 + 5 = 6 (X gone) → 16,67 % < 20 % → not compliant.
    Shortfall x = (r·D − T) / (1 − r) = (0,2 × 6 − 1) / 0,8 = 0,2 / 0,8 = 0,25; minimum 1 − 1 = 0 → 0,25.
    Check: (1 + 0,25) / (6 + 0,25) = 20 %.
    (Old code, December average: D = 6,4839, x = (1,29678 − 1) / 0,8 = 0,371 → 0,38.)
    """
    ws = [worker("T"), worker("X", exit=date(2024, 12, 15))] + [worker(f"N{i}") for i in range(1, 6)]
    pays = [pay("T", "2024-01", "2024-12"), pay("X", "2024-01", "2024-11"), pay("X", "2024-12", "2024-12", "0.4839")] + \
           [pay(f"N{i}", "2024-01", "2024-12") for i in range(1, 6)]
    e = enterprise(ws, pays, agrement=date(2024, 1, 1))
    st_ = Statuses({w.worker_id: w.worker_id == "T" for w in ws})
    y = evaluate_quota(e, W16, Period.calendar_year(2024), st_).latest
    assert y.target_fte == 1 and y.total_fte == 6 and y.target_share == denoised(D(1) / D(6))
    assert y.compliant is False and y.shortfall_fte == D("0.25")


def test_year_1_point_value_on_the_last_day_counts_a_hire_that_day_not_a_leaver_the_day_before():
    """Q3: year 1 (agrément 2024-01-01) is judged on its last day, 2024-12-31 — the workers employed that day.
    N0–N2 not target, full time all year; X not target, full time, whose last day is 2024-12-31; T (target)
    hired 2024-12-31, Paie December etp 1/31 = 0,0323; L (not target) leaves 2024-12-30, Paie December etp
    30/31 = 0,9677.
    On 2024-12-31: T counts 0,0323 × 31 / 1 = 1,0013 → at most 1 → 1 FTE; X is still employed, L is gone;
    D = 1 + 3 + 1 = 5 FTE → 1 / 5 = 20 % ≥ 20 % and T = 1 ≥ 1 (minimum) → compliant, shortfall 0.
    (Judged a day early, 2024-12-30: T not yet hired, 0 / 5 = 0 %; with L counted: 1 / 6 = 16,67 % < 20 %;
    a day late, 2025-01-01: X gone, D = 4.)"""
    ws = [worker("T", hire=date(2024, 12, 31)), worker("L", exit=date(2024, 12, 30)),
          worker("X", exit=date(2024, 12, 31))] + [worker(f"N{i}") for i in range(3)]
    pays = [[PayMonth("T", Month(2024, 12), D("0.0323"), D(100))], pay("L", "2024-01", "2024-11"),
            pay("L", "2024-12", "2024-12", "0.9677")] + [pay(x, "2024-01", "2024-12") for x in ("X", "N0", "N1", "N2")]
    e = enterprise(ws, pays, agrement=date(2024, 1, 1))
    st_ = Statuses({w.worker_id: w.worker_id == "T" for w in ws})
    y = evaluate_quota(e, W16, Period.calendar_year(2024), st_).latest
    assert (y.year, y.judged_month, y.extra["judged_date"]) == (1, Month(2024, 12), "2024-12-31")
    assert y.target_fte == 1 and y.total_fte == 5 and y.target_share == D("0.2")
    assert y.compliant is True and y.shortfall_fte == 0


def test_year_1_point_day_is_the_agrement_years_last_day_mid_month():
    """Agrément 2024-03-15 → year 1 = 2024-03-15 … 2025-03-14, point value on 2025-03-14.

    T target and N1–N3 not target, full time throughout: T = 1, D = 4 on 2025-03-14 → 25 % ≥ 20 %.
    Y1, Y2 not target hired 2025-03-15 (year 2), Paie March etp 17/31 = 0,5484 each: not under contract
    on 2025-03-14, so not counted. (Old code, March average: 1 / (4 + 2 × 0,5484) = 19,6 % → not compliant.)
    """
    ws = [worker("T"), worker("Y1", hire=date(2025, 3, 15)), worker("Y2", hire=date(2025, 3, 15))] + \
         [worker(f"N{i}") for i in range(1, 4)]
    pays = [pay(x, "2024-03", "2025-03") for x in ("T", "N1", "N2", "N3")] + \
           [pay(x, "2025-03", "2025-03", "0.5484") for x in ("Y1", "Y2")]
    e = enterprise(ws, pays, agrement=date(2024, 3, 15))
    st_ = Statuses({w.worker_id: w.worker_id == "T" for w in ws})
    r = evaluate_quota(e, W16, Period(date(2025, 3, 1), date(2025, 3, 1)), st_)
    y1 = r.years[0]
    assert y1.year == 1 and y1.judged_month == Month(2025, 3) and y1.extra["judged_date"] == "2025-03-14"
    assert y1.target_fte == 1 and y1.total_fte == 4 and y1.target_share == D("0.25") and y1.compliant is True


def test_year_1_provisional_point_value_on_the_last_known_day():
    """Agrément 2024-01-01, Paie known to 2024-06 only: year 1 is judged provisionally on 2024-06-30.

    T (target, half time: Paie 0,5) and N (not target, full time) → 0,5 / 1,5 = 33,3 % ≥ 20 %, but the
    target FTE 0,5 < 1 (minimum) → not compliant; shortfall = 1 − 0,5 = 0,50 (share part:
    (0,2 × 1,5 − 0,5) / 0,8 < 0).
    """
    ws = [worker("T", fte="0.5"), worker("N")]
    e = enterprise(ws, [pay("T", "2024-01", "2024-06", "0.5"), pay("N", "2024-01", "2024-06")],
                   agrement=date(2024, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(T=True, N=False))).latest
    assert y.provisional and y.extra["judged_date"] == "2024-06-30" and y.judged_month == Month(2024, 6)
    assert y.target_share == denoised(D(1) / D(3)) and y.compliant is False and y.shortfall_fte == D("0.50")


def test_year_1_point_value_also_in_wallonie_2003():
    """wallonie-2003 (§4.2): 20 % "at the end of the 12 months following notification" — the same point value.

    Agrément 2010-01-01; the December hire of the first test: T counts 1 on 2010-12-31, D = 5 → 20 % → compliant.
    """
    ws = [worker("T", hire=date(2010, 12, 20))] + [worker(f"N{i}", hire=date(2010, 1, 1)) for i in range(4)]
    pays = [[PayMonth("T", Month(2010, 12), D("0.3871"), D(800))]] + \
           [pay(f"N{i}", "2010-01", "2010-12") for i in range(4)]
    e = enterprise(ws, pays, agrement=date(2010, 1, 1))
    st_ = Statuses({"T": True, **{f"N{i}": False for i in range(4)}})
    y = evaluate_quota(e, get_regime("wallonie-2003"), Period.calendar_year(2010), st_).latest
    assert y.target_share == D("0.2") and y.compliant is True


def test_forecast_year_1_judged_on_the_point_value(monkeypatch):
    """Agrément 2024-01-01, Paie known to 2024-06, forecast from 2024-06 (each keeps their last etp, 1).

    T target and N1–N4 not target, full time; N4 leaves 2024-12-15. On 2024-12-31: T = 1, D = 1 + 3 = 4
    → 25 % ≥ 20 % → projected compliant, no extra hire.
    With N5, N6 (not target, full time) too: D = 6 → 1 / 6 = 16,67 % < 20 % → hire from 2024-07
    x = (0,2 × 6 − 1) / 0,8 = 0,25. (Old code, projected December average D = 6 + 15/31 = 6,4839:
    x = (1,29678 − 1) / 0,8 = 0,371 → 0,38.)
    """
    monkeypatch.setattr(periods, "today", lambda: date(2024, 7, 15))   # the year running
    ws = [worker("T")] + [worker(f"N{i}") for i in range(1, 4)] + [worker("N4", exit=date(2024, 12, 15))]
    pays = [pay(w.worker_id, "2024-01", "2024-06") for w in ws]
    e = enterprise(ws, pays, agrement=date(2024, 1, 1))
    st_ = Statuses({w.worker_id: w.worker_id == "T" for w in ws})
    f = forecast_quota(e, W16, Month(2024, 6).last_day, st_)
    assert f.year.target_fte == 1 and f.year.total_fte == 4 and f.compliant is True and f.extra_target_fte == 0
    assert f.year.extra["judged_date"] == "2024-12-31"
    ws2 = ws + [worker("N5"), worker("N6")]
    e2 = enterprise(ws2, pays + [pay(x, "2024-01", "2024-06") for x in ("N5", "N6")], agrement=date(2024, 1, 1))
    st2 = Statuses({w.worker_id: w.worker_id == "T" for w in ws2})
    f2 = forecast_quota(e2, W16, Month(2024, 6).last_day, st2)
    assert f2.year.total_fte == 6 and f2.compliant is False and f2.extra_target_fte == D("0.25")
    # Year 1 is judged on one day: the formula is the point value's, over that day's FTE (it said « k = 6 mois »,
    # the projected months, while x used 1; then « Avec k = 1 mois restants : x = (r·D − T) ÷ ((1 − r)·k), D et T
    # projetés sur l'année », contradicting both the months left and the next reason): no « Avec k » reason now.
    assert not any("k =" in r.text.fr or "k =" in r.text.en for r in f2.reasons)
    assert [r.text.fr for r in f2.reasons if "x = " in r.text.fr] == [
        "Manque : 0,25 ETP de public cible sous contrat le 2024-12-31 : x = (r·D − T) ÷ (1 − r), T et D les ETP de ce "
        "jour (et au moins le minimum d'ETP), arrondi vers le haut."]


def test_year_2_average_with_part_timers():
    """Agrément 2023-01-01 → year 2 = 2024, required 30 % as the annual average (Q3).

    Target: A full time 12 months (12 FTE-months), B half time Jan–Jun (6 × 0,5 = 3).
    Not target: C, D, E full time (36). T = 15, D = 15 + 36 = 51 → 15 / 51 = 29,41 % < 30 %.
    Shortfall x = (0,3 × 51 − 15) / (0,7 × 12) = 0,3 / 8,4 = 0,0357 → rounded up 0,04.
    Check: (15 + 0,48) / (51 + 0,48) = 30,07 % ≥ 30 %; with 0,03: 15,36 / 51,36 = 29,91 %.
    """
    ws = [worker("A"), worker("B", exit=date(2024, 6, 30), fte="0.5"), worker("C"), worker("D"), worker("E")]
    pays = [pay("A", "2024-01", "2024-12"), pay("B", "2024-01", "2024-06", "0.5")] + \
           [pay(x, "2024-01", "2024-12") for x in "CDE"]
    e = enterprise(ws, pays)
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(A=True, B=True, C=False, D=False,
                                                                         E=False))).latest
    assert (y.year, y.judged_on, y.required_share) == (2, "average", D("0.3"))
    assert y.target_share == denoised(D(15) / D(51))
    assert y.target_fte == D("1.25") and y.total_fte == D("4.25")       # 15/12 and 51/12
    assert y.compliant is False and y.shortfall_fte == D("0.04")
    assert y.months[0].share == denoised(D("1.5") / D("4.5")) and y.months[6].share == D("0.25")   # Jan 1,5/4,5; Jul 1/4


def test_mid_month_hire_and_exit_follow_paie_then_fallback():
    """What Paie says that month counts; without a Paie row, Personnel.etp pro rata of days, with a warning.

    H hired 2024-03-15, Paie March etp 0,55 → March counts 0,55 (not 1): the days employed allow it (17 of 31
    = 0,5484, rounded up to the hundredth as a payroll prints it, ``workdays.fte_allowed``; no warning).
    X leaves 2024-06-15 with no Paie row for June → 1 × 15/30 = 0,5 FTE in June, warning
    payroll_missing_month; July: 0 (not employed, nothing paid).
    """
    ws = [worker("H", hire=date(2024, 3, 15)), worker("X", exit=date(2024, 6, 15)), worker("N")]
    pays = [[PayMonth("H", Month(2024, 3), D("0.55"), D(1000))], pay("H", "2024-04", "2024-12"),
            pay("X", "2024-01", "2024-05"), pay("N", "2024-01", "2024-12")]
    e = enterprise(ws, pays)
    r = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(H=True, X=True, N=False)))
    by_month = {m.month: m for m in r.latest.months}
    assert by_month[Month(2024, 3)].target_fte == D("1.55")              # X 1 + H 0,55
    assert by_month[Month(2024, 6)].target_fte == D("1.5")               # H 1 + X 1 × 15/30
    assert by_month[Month(2024, 7)].target_fte == D("1")
    assert [p.code for p in r.problems] == ["payroll_missing_month"]
    assert "2024-06" in r.problems[0].message.fr and "X" in r.problems[0].message.fr


def test_a_month_paid_whole_counts_only_the_days_employed_inside_an_averaged_year():
    """Differential audit: an exit typed on the 1st of a month paid whole (etp 1, the reader warns
    pay_fte_beyond_days_employed) counted 1 full FTE in a month wholly inside an averaged year; a month of a hire
    or an exit now counts at most what its days employed allow, the reader's own allowance (the larger of the
    calendar-day and working-day shares, each rounded up to the hundredth). Agrément 2022-01-01, year 2 = 2023,
    30 % required. T target full time all year: 12 FTE-months; N not target full time: 12; L1–L5 not target,
    full time January–March, exit Saturday 2023-04-01, April paid at etp 1: 1 calendar day of 30 → 0,04, no
    working day → 0,00; each 3 + 0,04. Share 12 / (12 + 12 + 5 × 3,04 = 39,2) = 30,61 % ≥ 30 %: compliant.
    Counted whole, April made 12 / (12 + 12 + 5 × 4 = 44) = 27,27 %, « non conforme »."""
    leavers = [f"L{i}" for i in range(1, 6)]
    ws = [worker("T", hire=date(2022, 1, 1)), worker("N", hire=date(2022, 1, 1))] + \
         [worker(x, hire=date(2022, 1, 1), exit=date(2023, 4, 1)) for x in leavers]
    pays = [pay("T", "2023-01", "2023-12"), pay("N", "2023-01", "2023-12")] + [pay(x, "2023-01", "2023-04")
                                                                               for x in leavers]
    e = enterprise(ws, pays, agrement=date(2022, 1, 1))
    statuses = Statuses(dict(T=True, N=False, **dict.fromkeys(leavers, False)))
    y = evaluate_quota(e, W16, Period.calendar_year(2023), statuses).latest
    april = next(m for m in y.months if m.month == Month(2023, 4))
    assert april.total_fte == 2 + 5 * D("0.04")
    assert y.year == 2 and y.compliant is True
    assert y.target_share == denoised(D(12) / D("39.2")) and str(y.target_share)[:6] == "0.3061"


@settings(max_examples=40, deadline=None)
@given(hire=st.dates(min_value=date(2025, 1, 2), max_value=date(2025, 3, 31)),
       split=st.dates(min_value=date(2025, 5, 1), max_value=date(2025, 11, 30)),
       etps=st.lists(st.sampled_from(["0.5", "0.8", "1"]), min_size=12, max_size=12), whole_hire_month=st.booleans())
@example(hire=date(2025, 2, 10), split=date(2025, 7, 31), etps=["1"] * 12, whole_hire_month=True)
def test_a_contract_split_under_two_ids_without_a_gap_counts_as_one_row(hire, split, etps, whole_hire_month):
    """Metamorphic audit: one person's contract typed as one row, or as a CDD to ``split`` and a CDI from the
    next day under a new id (same national number), the payroll moved with it (the month of the split shared
    by days, etp e × days ÷ month's days each), is one employment: the quota's months and year are the same.
    The hire month's Paie etp (T hired 2025-02-10, February paid 1,00 or 19/28 rounded up, 0,68) was counted
    as typed on one row and capped at the days employed on two ids (19/28 = 0,6786: the person's one
    full-time a month) — the metamorphic audit's case, ``@example``; both now count what the days employed
    allow (``workdays.fte_allowed``: 15 working days of 20, 0,75). Agrément 2020-01-01, year 6 = 2025
    (averaged); N not target full time all year beside T."""
    months = list(Period.calendar_year(2025).months())
    cut, first = Month.of(split), Month.of(hire)
    share = D(first.last_day.day - hire.day + 1) / first.days
    etps = [D(0) if m < first else (D(1) if whole_hire_month else round_up(share)) if m == first else D(e)
            for m, e in zip(months, etps)]
    whole = [worker("N"), worker("T", hire=hire)]
    two = [worker("N")] + one_person(worker("T", hire=hire, exit=split, contract=ContractType.CDD),
                                     worker("T2", hire=split + timedelta(days=1)))
    pay_whole = [pay("N", "2025-01", "2025-12")] + [[PayMonth("T", m, e, D(2000)) for m, e in zip(months, etps)
                                                     if m >= first]]
    parts = []
    for m, e in zip(months, etps):
        if m < first:
            continue
        if m < cut or (m == cut and split == m.last_day):
            parts.append(PayMonth("T", m, e, D(2000)))
        elif m > cut:
            parts.append(PayMonth("T2", m, e, D(2000)))
        else:
            parts += [PayMonth("T", m, e * split.day / m.days, D(1000)),
                      PayMonth("T2", m, e * (m.days - split.day) / m.days, D(1000))]
    pay_two = [pay("N", "2025-01", "2025-12"), parts]
    statuses = Statuses(dict(N=False, T=True, T2=True))
    a, b = (evaluate_quota(enterprise(ws, ps, agrement=date(2020, 1, 1)), W16, Period.calendar_year(2025),
                           statuses).latest for ws, ps in ((whole, pay_whole), (two, pay_two)))
    close = D("1E-9")
    assert abs(a.target_fte - b.target_fte) < close and abs(a.total_fte - b.total_fte) < close
    assert abs(a.target_share - b.target_share) < close and a.compliant == b.compliant
    for x, y in zip(a.months, b.months):
        assert abs(x.target_fte - y.target_fte) < close and abs(x.total_fte - y.total_fte) < close


def test_a_hire_on_the_monday_after_a_weekend_paid_a_whole_month_counts_it_whole():
    """Reading of the change: the cap of a hire month is the reader's allowance, not the calendar share alone.
    H hired Monday 2024-06-03, June paid at etp 1 (every working day of June: a correct payroll, no warning):
    28 calendar days of 30 = 0,94, 20 working days of 20 = 1,00 → counts 1; capped on the calendar days it
    would count 0,9333. N full time all June: the month 2,00."""
    e = enterprise([worker("H", hire=date(2024, 6, 3)), worker("N")],
                   [pay("H", "2024-06", "2024-12"), pay("N", "2024-01", "2024-12")])
    r = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(H=True, N=False)))
    june = next(m for m in r.latest.months if m.month == Month(2024, 6))
    assert (june.target_fte, june.total_fte) == (D(1), D(2))


def test_one_fte_minimum():
    """Year 2: A target 0,5 FTE, B not target 0,5 FTE all year → 50 % ≥ 30 %, but the average target
    FTE is 6 / 12 = 0,5 < 1 (quota.min_target_fte) → not compliant.

    Share part: (0,3 × 12 − 6) / (0,7 × 12) < 0; minimum part: (1 × 12 − 6) / 12 = 0,5 → 0,50.
    """
    ws = [worker("A", fte="0.5"), worker("B", fte="0.5")]
    e = enterprise(ws, [pay("A", "2024-01", "2024-12", "0.5"), pay("B", "2024-01", "2024-12", "0.5")])
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(A=True, B=False))).latest
    assert y.target_share == D("0.5") and y.compliant is False and y.shortfall_fte == D("0.50")
    assert y.min_target_fte == 1


def test_agrement_year_straddling_two_calendar_years():
    """Agrément 2024-07-01: calendar 2025 overlaps year 1 (2024-07 … 2025-06) and year 2 (2025-07 … 2026-06).

    T target 1 FTE and N not target 1 FTE to 2025-06 → year 1 month 12 (2025-06): 50 % ≥ 20 %.
    From 2025-07 three more non-target N2..N4 → year 2: 12 / 60 = 20 % < 30 % → not compliant.
    Top level = year 2; overall compliant = False.
    """
    ws = [worker("T"), worker("N")] + [worker(f"N{i}", hire=date(2025, 7, 1)) for i in (2, 3, 4)]
    pays = [pay("T", "2024-07", "2026-06"), pay("N", "2024-07", "2026-06")] + \
           [pay(f"N{i}", "2025-07", "2026-06") for i in (2, 3, 4)]
    e = enterprise(ws, pays, agrement=date(2024, 7, 1))
    r = evaluate_quota(e, W16, Period.calendar_year(2025), Statuses(dict(T=True, N=False, N2=False, N3=False,
                                                                         N4=False)))
    assert [(y.year, y.compliant) for y in r.years] == [(1, True), (2, False)]
    assert r.years[0].period == Period(date(2024, 7, 1), date(2025, 6, 30))
    assert r.years[0].judged_month == Month(2025, 6)
    assert r.compliant is False
    d = r.to_dict()
    assert d["agrement_year"] == 2 and d["target_share"] == D("0.2") and len(d["agrement_years"]) == 2


def test_unknown_status_makes_verdict_unknown_only_when_it_matters():
    """Year 2: A target, U unknown, C and D not target, all full time.

    Unknown counted not target: 12 / 48 = 25 % < 30 %; counted target: 24 / 48 = 50 % → verdict unknown,
    unknown_fte = 1. Without D: low 12 / 36 = 33,3 % ≥ 30 % → compliant whatever U is.
    """
    ws = [worker(x) for x in "AUCD"]
    e = enterprise(ws, [pay(x, "2024-01", "2024-12") for x in "AUCD"])
    st_ = Statuses(dict(A=True, U=None, C=False, D=False))
    y = evaluate_quota(e, W16, Period.calendar_year(2024), st_).latest
    assert y.compliant is None and y.unknown_fte == 1
    e3 = enterprise(ws[:3], [pay(x, "2024-01", "2024-12") for x in "AUC"])
    assert evaluate_quota(e3, W16, Period.calendar_year(2024), st_).latest.compliant is True


def test_art60_not_counted():
    """Q11: an art. 60 worker counts neither in the numerator nor in the denominator.

    A target + B not target + Z (art. 60, target) → 1 / 2 = 50 %, not 2 / 3.
    """
    ws = [worker("A"), worker("B"), worker("Z", contract=ContractType.ART60)]
    e = enterprise(ws, [pay(x, "2024-01", "2024-12") for x in "ABZ"])
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(A=True, B=False, Z=True))).latest
    assert y.target_share == D("0.5") and y.total_fte == 2


def test_art60_workers_are_shown_apart():
    """Q11: art. 60 §7 workers are « not counted; show separately ». Agrément 2023-01-01, year 2 = 2024.
    A (target) and B full time all year; Z (art. 60) paid etp 1 all year; Y (art. 60) hired 2024-07-01 at
    Personnel.etp 0,5 and without any Paie row: its etp falls back on Personnel.etp × days employed ÷
    days, 0,5 from July, with no payroll_missing_month warning (nothing judged rests on it).
    art60_fte: January–June 1, July–December 1 + 0,5 = 1,5; the year's average (6 × 1 + 6 × 1,5) ÷ 12 =
    15 ÷ 12 = 1,25 FTE. The share stays 1 / 2 = 50 %; only `ei check-quota` showed nothing of them."""
    ws = [worker("A"), worker("B"), worker("Z", contract=ContractType.ART60),
          worker("Y", hire=date(2024, 7, 1), fte="0.5", contract=ContractType.ART60)]
    e = enterprise(ws, [pay(x, "2024-01", "2024-12") for x in "ABZ"])
    r = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(A=True, B=False, Z=True, Y=None)))
    y = r.latest
    assert y.target_share == D("0.5") and y.total_fte == 2 and y.compliant is True
    assert [m.art60_fte for m in y.months] == [D(1)] * 6 + [D("1.5")] * 6
    assert r.to_dict()["months"][6]["art60_fte"] == D("1.5")
    assert not r.problems
    said = [x.text.fr for x in y.reasons if "Art. 60 §7" in x.text.fr]
    assert len(said) == 1 and "Y, Z, 1,25 ETP en moyenne" in said[0] and "hors quota" in said[0]
    # Without any art. 60 worker: no such reason, art60_fte 0.
    e2 = enterprise(ws[:2], [pay(x, "2024-01", "2024-12") for x in "AB"])
    y2 = evaluate_quota(e2, W16, Period.calendar_year(2024), Statuses(dict(A=True, B=False))).latest
    assert not any("Art. 60 §7" in x.text.fr for x in y2.reasons) and y2.months[0].art60_fte == 0


def test_the_year_line_and_art60_reason_name_the_agrement_years_months():
    """Agrément 2024-03-01, year 2 = 2025-03-01 – 2026-02-28 (the sample's): A (target) and B full time, Z (art.
    60 §7) paid etp 1, Paie 2025-01 … 2026-02. T = 12, D = 24 FTE-months over the 12 months 2025-03 … 2026-02:
    12 ÷ 24 = 50,0 %; Z: 12 ÷ 12 = 1,00 FTE on average. The art. 60 reason said « sur les 12 mois du tableau
    (colonne Art. 60) », also in `ei check --explain` and the annual report, which have no such column, and the
    year line « sur 12 mois » beside the report's January–December table: neither said which 12 months."""
    ws = [worker("A"), worker("B"), worker("Z", contract=ContractType.ART60)]
    e = enterprise(ws, [pay(x, "2025-01", "2026-02") for x in "ABZ"], agrement=date(2024, 3, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2025), Statuses(dict(A=True, B=False, Z=True))).latest
    assert (y.year, y.target_share) == (2, D("0.5"))
    texts = [x.text for x in y.reasons]
    assert any(x.fr.startswith("12 ETP-mois public cible ÷ 24 ETP-mois sur 12 mois de l'année d'agrément (2025-03 – "
                               "2026-02) = 50,0 %") for x in texts)
    assert any(x.en.startswith("12 target-public FTE-months ÷ 24 FTE-months over 12 months of the agrément year "
                               "(2025-03 – 2026-02) = 50.0 %") for x in texts)
    [art60] = [x for x in texts if x.fr.startswith("Art. 60 §7")]
    assert art60.fr.startswith("Art. 60 §7 (hors quota) : travailleur Z, 1,00 ETP en moyenne sur 12 mois de l'année d'agrément "
                               "(2025-03 – 2026-02) ; ")
    assert art60.en.startswith("Art. 60 §7 (outside the quota): worker Z, 1.00 FTE on average over 12 months of the "
                               "agrément year (2025-03 – 2026-02); ")
    # The exclusion is a reading of the denominator (rules.md Q11): it cites it — it printed no reference at all.
    [art60_reason] = [x for x in y.reasons if x.text.fr.startswith("Art. 60 §7")]
    assert art60_reason.parameter == "quota.denominator"
    assert art60_reason.reference == W16.value("quota.denominator", date(2025, 3, 1)).cite()
    assert not any("colonne" in x.fr or "column" in x.en or "tableau" in x.fr for x in texts)


def test_a_rehire_keeps_the_status_of_the_persons_first_hire_in_the_quota():
    """rules.md §3.1 « a later re-hire does not re-test the status », D6; 50 % from agrément year 4 (§3.2).
    Agrément 2021-03-01; M (direction, not target) full time; A, born 1999-03-01, no diploma, registered, 2
    months without work: CDD 2024-01-01 … 06-30 as A1, CDI from 2024-07-01 as A2 (same national number).
    A is 24 on 2024-01-01 → TD (T2); the old code re-tested A2 on 2024-07-01 (25, 2 < 6 months): not target.
    Agrément year 4 = 2024-03-01 … 2025-02-28, Paie to 2024-12 (10 months): total 10 + 10 = 20 FTE-months
    (mean 2 FTE); target A1 4 (March–June) + A2 6 (July–December) = 10 (mean 1 FTE) → 10 ÷ 20 = 50 % ≥ 50 %,
    compliant (old: 4 ÷ 20 = 20 %)."""
    from dataclasses import replace

    from ei_cli.model import Diploma
    from ei_cli.rules.eligibility import assess_eligibility

    person = dict(national_number="99030132103", birth_date=date(1999, 3, 1), diploma=Diploma.NONE,
                  registered_jobseeker=True, months_without_work=D(2), single_parent=False, former_art60=False,
                  disability_recognition=False, underrepresented_sex=False, ethnic_minority=False)
    m = replace(worker("M", date(2021, 3, 1), function=Function.MANAGEMENT), diploma=Diploma.HIGHER,
                registered_jobseeker=False)
    a1 = replace(worker("A1", date(2024, 1, 1), date(2024, 6, 30), contract=ContractType.CDD), **person)
    a2 = replace(worker("A2", date(2024, 7, 1)), **person)
    ent = enterprise([m, a1, a2], [pay("M", "2024-01", "2024-12"), pay("A1", "2024-01", "2024-06"),
                                   pay("A2", "2024-07", "2024-12")], agrement=date(2021, 3, 1))
    year4 = evaluate_quota(ent, W16, Period.calendar_year(2024), assess_eligibility(ent, W16)).latest
    assert (year4.target_fte, year4.total_fte, year4.target_share) == (D(1), D(2), D("0.5"))
    assert year4.compliant is True


def test_art60_column_in_the_table_only_when_there_are_art60_workers(make_workbook, workbook_sheets):
    """The table's « Art. 60 » column appears only for a workbook with art. 60 §7 workers: none in the
    test workbook; with Bruno (worker 2, etp 0,5 in Paie) under art. 60 it shows 0,50 in 2024-01 and
    the reason naming him under --explain."""
    from helpers_workbook import set_value

    plain = runner.invoke(app, ["check-quota", str(make_workbook(name="plain.xlsx")), "--explain"],
                          terminal_width=160)
    assert plain.exit_code in (0, 1) and "Mois" in plain.output and "Art. 60" not in plain.output
    set_value(workbook_sheets, "Personnel", 2, "type_contrat", "art60")
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check-quota", str(path), "--explain"], terminal_width=160)
    assert "Art. 60" in r.output and "Art. 60 §7 (hors quota) : travailleur 2, " in r.output
    doc = json.loads(runner.invoke(app, ["check-quota", str(path), "-f", "json"]).stdout)
    assert [m["art60_fte"] for m in doc["months"] if m["month"] == "2024-01"] == [0.5]


def test_shortfall_formula():
    """(T + n·x) / (D + n·x) ≥ r ⇒ x = (r·D − T) / ((1 − r)·n).

    r = 0,5, T = 30, D = 100, n = 12: x = (50 − 30) / (0,5 × 12) = 3,333… → 3,34 (rounded up).
    Minimum 1 FTE: (12 − 30) / 12 < 0, no effect. Nothing missing → 0.
    """
    x = _staircase_need(*_staircase_branches(D("0.5"), D(1), D(30), D(100), 12, 12))
    assert round_up(x) == D("3.34")
    assert (D(30) + 12 * D("3.34")) / (D(100) + 12 * D("3.34")) >= D("0.5")
    assert (D(30) + 12 * D("3.33")) / (D(100) + 12 * D("3.33")) < D("0.5")
    assert round_up(_staircase_need(*_staircase_branches(D("0.3"), D(1), D(40), D(100), 12, 12))) == 0


def test_a_staircase_year_solves_its_shortfall_branches_once_and_only_when_it_misses(monkeypatch):
    """wallonie-2016 year 2 (agrément 2023-01-01, Paie 2024), T target and N not target. Full time each: 50 % ≥ 30 %
    and 12 ÷ 12 = 1 ≥ the minimum of 1 FTE — compliant, nothing to solve. Half-time each: T = 6 FTE-months, x =
    (1 × 12 − 6) ÷ 12 = 0,5 → 0,50 by the minimum. The branches (share's, minimum's) were computed twice for every
    year (the figure, then which branch gave it) and a third time for the formula; now once, for a year that misses."""
    import ei_cli.rules.quota as quota

    calls = []
    branches = quota._staircase_branches
    monkeypatch.setattr(quota, "_staircase_branches", lambda *a: calls.append(a) or branches(*a))
    status = Statuses({"T": True, "N": False})
    for fte, shortfall, solved in (("1", D(0), 0), ("0.5", D("0.50"), 1)):
        calls.clear()
        ws = [worker("T", fte=fte), worker("N", fte=fte)]
        e = enterprise(ws, [pay(w, "2024-01", "2024-12", fte) for w in ("T", "N")], agrement=date(2023, 1, 1))
        y = evaluate_quota(e, W16, Period.calendar_year(2024), status).latest
        assert (y.shortfall_fte, len(calls)) == (shortfall, solved)
    assert any("(1,00 × 12 − 6) ÷ 12 = 0,5," in r.text.fr for r in y.reasons)


def test_forecast_keeps_last_fte_and_exits(monkeypatch):
    """Year 2 = 2024 (agrément 2023-01-01), Paie known to 2024-06, forecast from 2024-06.

    A (target) paid 1 FTE Jan–May, 0,5 in June → keeps 0,5 Jul–Dec: T = 5 + 0,5 + 6 × 0,5 = 8,5.
    B, C not target full time all year (24); D not target, leaves 2024-09-30 (9).
    D = 8,5 + 24 + 9 = 41,5 → 20,48 % < 30 %.
    Hired from the day after today, 2024-07-16: July counts for its 16 days left out of 31, k = 16/31 + 5 =
    5,5161: x = (0,3 × 41,5 − 8,5) / (0,7 × 5,5161) = 3,95 / 3,8613 = 1,0230 → 1,03 (from 2024-07).
    Check: (8,5 + 5,6816) / (41,5 + 5,6816) = 30,06 %; with 1,02: 14,1265 / 47,1265 = 29,98 %.
    (With July counted whole, k = 6: 0,95, which hired on 07-16 gives (8,5 + 0,95 × 5,5161) ÷ (41,5 + 0,95 ×
    5,5161) = 13,7403 ÷ 46,7403 = 29,40 %.)
    """
    monkeypatch.setattr(periods, "today", lambda: date(2024, 7, 15))   # the year running
    ws = [worker("A"), worker("B"), worker("C"), worker("D", exit=date(2024, 9, 30))]
    pays = [pay("A", "2024-01", "2024-05"), pay("A", "2024-06", "2024-06", "0.5")] + \
           [pay(x, "2024-01", "2024-06") for x in "BCD"]
    e = enterprise(ws, pays)
    f = forecast_quota(e, W16, Month(2024, 6).last_day, Statuses(dict(A=True, B=False, C=False, D=False)))
    assert f.hire_from == Month(2024, 7) and f.months_remaining == 6 and f.hire_day == date(2024, 7, 16)
    assert f.year.target_share == denoised(D("8.5") / D("41.5"))
    assert f.compliant is False and f.extra_target_fte == D("1.03")
    proj = {m.month: m for m in f.year.months}
    assert proj[Month(2024, 10)].total_fte == D("2.5") and proj[Month(2024, 10)].projected
    assert f.to_dict()["extra_target_fte"] == D("1.03") and f.to_dict()["hire_from_day"] == "2024-07-16"



def test_forecast_counts_a_person_on_two_concurrent_contracts_at_most_one_full_time(monkeypatch):
    """wallonie-2016, year 2 = 2024 (agrément 2023-01-01), Paie known to 2024-06, forecast on 2024-07-15. One
    target person (one national number) on T1a 0,8 (from 2020) and T1b 0,8 (from 2024-01-01); B, C, D not target,
    full time. Each month, at most one full-time, the earlier contract first: T1a 0,8, T1b 0,2 → 1 target FTE of
    4; the months to come keep those etp (0,8 and 0,8, capped again). T = 12, D = 48: 25 % < 30 %. Hired from
    2024-07-16 (k = 16/31 + 5 = 5,5161): x = (0,3 × 48 − 12) ÷ (0,7 × 5,5161) = 2,4 ÷ 3,8613 = 0,6216 → 0,63;
    check (12 + 0,63 × 5,5161) ÷ (48 + 0,63 × 5,5161) = 15,4752 ÷ 51,4752 = 30,06 %, with 0,62 29,99 %. As
    typed the contracts made T = 19,2, D = 55,2: 34,8 %, no hire."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 7, 15))
    ws = one_person(worker("T1a", fte="0.8"), worker("T1b", hire=date(2024, 1, 1), fte="0.8"))
    ws += [worker(x) for x in "BCD"]
    pays = [pay("T1a", "2024-01", "2024-06", "0.8"), pay("T1b", "2024-01", "2024-06", "0.8")]
    pays += [pay(x, "2024-01", "2024-06") for x in "BCD"]
    st_ = Statuses(dict(T1a=True, T1b=True, B=False, C=False, D=False))
    f = forecast_quota(enterprise(ws, pays), W16, Month(2024, 6).last_day, st_)
    assert [(m.target_fte, m.total_fte) for m in f.year.months] == [(D(1), D(4))] * 12
    assert f.year.target_share == D("0.25") and f.compliant is False and f.extra_target_fte == D("0.63")
    assert [r.text.fr for r in f.year.reasons if "plusieurs contrats" in r.text.fr] == [
        "Une personne sous plusieurs contrats à la fois compte au plus pour un temps plein chaque jour, ses contrats "
        "les plus anciens d'abord (travailleur T1b, compté en partie) : personne ne travaille plus qu'à temps plein "
        "pour un même employeur (lecture d'ei, docs/interpretations.md)."]
    apart = enterprise([replace(w, national_number=None) for w in ws], pays)
    f = forecast_quota(apart, W16, Month(2024, 6).last_day, st_)
    assert round(f.year.target_share, 3) == D("0.348") and f.compliant is True

# ------------------------------------------------------------------------------ Brussels
def test_brussels_2004_production_staff_and_100th_day():
    """bruxelles-2004, agrément 2010-01-01: « cent jours calendrier à compter du début » counted from the
    next day (art. 52 C. jud.) → effective on 2010-01-01 + 100 days = 2010-04-11; the whole months from
    that day are judged: May onward (Q10). April's payroll mixes ten days before it: not judged.

    Jan–Mar: only N1, N2 (production, not target) → 0 %, not judged.
    From April: P (production, target) → 1 / 3 = 33,3 % ≥ 30 %. E (encadrement) is not execution
    staff: counting it would give 1 / 4 = 25 %. Min 3 workers by 2010-06-30: E, N1, N2, P = 4 → ok.
    """
    ws = [worker("E", hire=date(2010, 1, 1), function=Function.SUPERVISION),
          worker("N1", hire=date(2010, 1, 1)), worker("N2", hire=date(2010, 1, 1)),
          worker("P", hire=date(2010, 4, 1))]
    pays = [pay(x, "2010-01", "2010-12") for x in ("E", "N1", "N2")] + [pay("P", "2010-04", "2010-12")]
    e = enterprise(ws, pays, agrement=date(2010, 1, 1), region=Region.BRUXELLES)
    st_ = Statuses(dict(E=False, N1=False, N2=False, P=True))
    y = evaluate_quota(e, B04, Period.calendar_year(2010), st_).latest
    assert [m.judged for m in y.months] == [False] * 4 + [True] * 8
    assert y.months[3].share == denoised(D(1) / D(3)) and y.months[3].total_fte == 3
    assert y.compliant is True and y.extra["workers_on_that_day"] == 4


def test_brussels_2004_100th_day_cites_the_arrete_as_inferred():
    """The 100-day clause was cited « Ordonnance du 18 mars 2004 …, art. 5, al. unique, 5° » (the 30 % sentence);
    rules.md §5.2: the clause is quoted in the same considérant and its seat is INFERRED to be the arrêté
    (AGRBC 22.12.2004). The reason saying when the obligation takes effect (2010-01-01 + 100 days =
    2010-04-11) now cites the arrêté, marked inferred; the 30 % itself still cites the ordinance."""
    ws = [worker("N1", hire=date(2010, 1, 1)), worker("P", hire=date(2010, 1, 1))]
    e = enterprise(ws, [pay(x, "2010-01", "2010-12") for x in ("N1", "P")], agrement=date(2010, 1, 1),
                   region=Region.BRUXELLES)
    reasons = evaluate_quota(e, B04, Period.calendar_year(2010), Statuses(dict(N1=False, P=True))).to_dict()["reasons"]
    [effective] = [r for r in reasons if r["parameter"] == "quota.effective_after_days"]
    assert "2010-04-11" in effective["text"] and effective["confidence"] == "inferred"
    assert effective["reference"].startswith("AGRBC du 22 décembre 2004") and "déduit" in effective["reference"]
    assert "art. 5" not in effective["reference"]
    share = [r for r in reasons if r["parameter"] == "quota.required_share"]
    assert share and all(r["reference"].startswith("Ordonnance du 18 mars 2004") for r in share)


def test_brussels_2004_monthly_reading_cites_the_project_not_the_verified_sentence():
    """« chaque mois est jugé (pas de moyenne) » was in the reason citing the 30 % (ord. art. 5, al. unique, 5°,
    verified), so the monthly reading read as verified; rules.md §5.2: the text only says « durant l'agrément »,
    the monthly test is INFERRED (Q10). The 30 % reason stays verified and says nothing of months; the
    monthly reading is its own reason, citing ``quota.averaging`` (project, inferred, its note naming Q10)."""
    ws = [worker("N1", hire=date(2010, 1, 1)), worker("P", hire=date(2010, 1, 1))]
    e = enterprise(ws, [pay(x, "2010-01", "2010-12") for x in ("N1", "P")], agrement=date(2010, 1, 1),
                   region=Region.BRUXELLES)
    reasons = evaluate_quota(e, B04, Period.calendar_year(2010), Statuses(dict(N1=False, P=True))).to_dict()["reasons"]
    [share] = [r for r in reasons if r["parameter"] == "quota.required_share"]
    assert share["confidence"] == "verified" and "mois" not in share["text"]
    [monthly] = [r for r in reasons if r["parameter"] == "quota.averaging"]
    assert "chaque mois est jugé (pas de moyenne)" in monthly["text"].lower()
    assert monthly["confidence"] == "inferred" and monthly["reference"].startswith("Choix du projet ei")
    assert "Q10" in B04.param("quota.averaging").reference.note


def test_brussels_2004_each_month_judged_and_shortfall():
    """Same as above plus N3 (production, not target) in June only: June = 1 / 4 = 25 % < 30 %.

    One failing month is enough (no averaging). Shortfall for June: (0,3 × 4 − 1) / 0,7 = 0,2857 → 0,29.
    """
    ws = [worker("N1", hire=date(2010, 1, 1)), worker("N2", hire=date(2010, 1, 1)),
          worker("P", hire=date(2010, 4, 1)), worker("N3", hire=date(2010, 6, 1), exit=date(2010, 6, 30))]
    pays = [pay(x, "2010-01", "2010-12") for x in ("N1", "N2")] + [pay("P", "2010-04", "2010-12"),
                                                                   pay("N3", "2010-06", "2010-06")]
    e = enterprise(ws, pays, agrement=date(2010, 1, 1), region=Region.BRUXELLES)
    y = evaluate_quota(e, B04, Period.calendar_year(2010), Statuses(dict(N1=False, N2=False, P=True,
                                                                         N3=False))).latest
    assert y.compliant is False and y.shortfall_fte == D("0.29")


def _brussels_2004_june_dip(until: str = "2010-12", dip: bool = True):
    """Agrément 2010-01-01, effective 2010-04-11: May onward judged. N1, N2 (production, not target) all
    year; P (production, target) from April; with ``dip``, N3 (production, not target) in June only."""
    ws = [worker("N1", hire=date(2010, 1, 1)), worker("N2", hire=date(2010, 1, 1)),
          worker("P", hire=date(2010, 4, 1))] + ([worker("N3", hire=date(2010, 6, 1), exit=date(2010, 6, 30))]
                                                  if dip else [])
    pays = [pay(x, "2010-01", until) for x in ("N1", "N2")] + ([pay("P", "2010-04", until)] if until >= "2010-04" else []) + \
           ([pay("N3", "2010-06", "2010-06")] if dip else [])
    e = enterprise(ws, pays, agrement=date(2010, 1, 1), region=Region.BRUXELLES)
    return e, Statuses(dict(N1=False, N2=False, P=True, N3=False))


def test_brussels_2004_headline_names_the_failing_month_not_the_year_average():
    """Q10: every month from the 100th day is judged, so the headline names what was judged.

    Months: Jan–Mar T 0 / D 2; Apr–May 1 / 3; June 1 / 4 = 25,0 %; Jul–Dec 1 / 3. Judged: May–Dec (8
    months); June 25,0 % < 30 % → not compliant. The year's average T ÷ D = (9 × 1) ÷ (3 × 2 + 8 × 3 + 4)
    = 9 ÷ 34 = 26,47 % (months not judged included) printed « 26,4 % de public cible (moyenne) pour
    30,0 % exigés » beside the verdict; it is now « moyenne de l'année 26,4 %, pour information » after
    the judged month: « 1 mois jugé sur 8 sous le seuil (2010-06) ; le plus bas 2010-06 : 25,0 % » (French:
    the word agrees with the 1 before it; English « 1 of 8 months judged », with the 8).
    target_share keeps the average (contract); lowest_judged_* and failing_months are added. The June
    month is closed: what to fix names it, no « engager ».
    """
    e, st_ = _brussels_2004_june_dip()
    r = evaluate_quota(e, B04, Period.calendar_year(2010), st_)
    y = r.latest
    assert y.compliant is False and y.target_share == denoised(D(9) / D(34))
    assert "1 mois jugé sur 8 sous le seuil (2010-06) ; le plus bas 2010-06 : 25,0 % de public cible pour " \
           "30,0 % exigés ; moyenne de l'année 26,4 %, pour information" in y.summary.fr
    assert "1 of 8 months judged below the threshold (2010-06)" in y.summary.en
    assert "(moyenne)" not in y.summary.fr and "lowest 2010-06: 25.0 % target public" in y.summary.en
    d = r.to_dict()
    assert (d["lowest_judged_month"], d["lowest_judged_share"], d["failing_months"], d["months_judged"]) == \
           ("2010-06", D("0.25"), ["2010-06"], 8)
    assert d["obligation_effective_on"] == "2010-04-11" and d["target_share"] == D("0.2647")
    c = check(e, B04, Period.calendar_year(2010), st_)
    assert [x.fr for x in c.to_fix] == ["Mois sous 30,0 % de public cible : 2010-06 (25,0 %) ; un mois écoulé ne se "
                                        "rattrape pas : la part doit être atteinte chaque mois."]


def test_brussels_2004_headline_when_every_judged_month_passes_or_none_is_judged_yet():
    """Without N3: every judged month (May–Dec) is 1 / 3 = 33,3 % ≥ 30 % → compliant; the year's average
    9 ÷ 33 = 27,27 % (Jan–Mar 0 / 2 drag it) is not the headline: « 8 mois jugés, le plus bas 2010-05 :
    33,3 % » (the first of the equal lowest). With Paie up to March only (provisional), no month is
    judged yet: the headline says so and names the effective day (it read « 0,0 % (moyenne) pour 30,0 %
    exigés » beside « conforme »)."""
    e, st_ = _brussels_2004_june_dip(dip=False)
    y = evaluate_quota(e, B04, Period.calendar_year(2010), st_).latest
    assert y.compliant is True and y.target_share == denoised(D(9) / D(33))
    assert "conforme — 8 mois jugés, le plus bas 2010-05 : 33,3 % de public cible pour 30,0 % exigés." \
        in y.summary.fr and "27,2" not in y.summary.fr
    e, st_ = _brussels_2004_june_dip(until="2010-03", dip=False)
    y = evaluate_quota(e, B04, Period.calendar_year(2010), st_).latest
    assert y.provisional and y.extra["lowest_judged_month"] is None and y.extra["failing_months"] == []
    assert "aucun mois encore jugé : l'obligation de 30,0 % de public cible s'applique à partir du 2010-04-11" \
        in y.summary.fr and "(moyenne)" not in y.summary.fr


def test_brussels_2004_table_shows_the_lowest_judged_month_and_the_average_for_information():
    """The line under the table read « part obtenue 26,4 % » (the average); it now gives « mois jugé le
    plus bas 2010-06 : 25,0 % » and « moyenne de l'année (information) 26,4 % » (same case as above)."""
    from rich.console import Console

    from ei_cli.output import RunOptions
    from ei_cli.render.quota import quota_table

    e, st_ = _brussels_2004_june_dip()
    con = Console(record=True, width=300)
    quota_table(con, evaluate_quota(e, B04, Period.calendar_year(2010), st_), e, None, RunOptions())
    out = con.export_text()
    assert "mois jugé le plus bas 2010-06 : 25,0 % · moyenne de l'année (information) 26,4 %" in out
    assert "part obtenue" not in out


def _one_target_in_four(last_month: str, n3_fte="1", n3_exit: date | None = None):
    """wallonie-2016, agrément 2021-01-01 (agrément year n = calendar 2020 + n): T target, N1–N3 not target, all full
    time (N3 at ``n3_fte``, to ``n3_exit``), Paie from January of ``last_month``'s year to ``last_month``
    (« YYYY-MM »). Enterprise, statuses."""
    ws = [worker("T")] + [worker(f"N{i}") for i in range(1, 3)] + [worker("N3", exit=n3_exit, fte=n3_fte)]
    e = enterprise(ws, [pay(w.worker_id, f"{last_month[:4]}-01", last_month, w.fte) for w in ws],
                   agrement=date(2021, 1, 1))
    return e, Statuses({"T": True, "N1": False, "N2": False, "N3": False})


def test_a_year_in_progress_advises_the_projections_hire_not_the_known_months_shortfall(monkeypatch):
    """Judged on 2022-09-15 (the year running). Agrément 2021-01-01, year 2 = 2022 (30 %), Paie
    January–August 2022 only (provisional). T target,
    N1–N3 not target, all full time: known months T 8 / D 32 = 25 %.
    Shortfall over the 8 known months: x = (0,3 × 32 − 8) ÷ (0,7 × 8) = 1,6 ÷ 5,6 = 0,2857 → 0,29 — but
    they are paid: hiring 0,29 from September gives (12 + 4 × 0,29) ÷ (48 + 4 × 0,29) = 13,16 ÷ 49,16 =
    26,8 %, still below. The projection (everyone kept to December): T 12, D 48; a hire counts from the day
    after today, 2022-09-16: September for its 15 days left out of 30, k = 0,5 + 3 = 3,5 months:
    x = (0,3 × 48 − 12) ÷ (0,7 × 3,5) = 2,4 ÷ 2,45 = 0,9796 → 0,98 (= forecast_quota's figure); hired on
    2022-09-16: 0,98 × 3,5 = 3,43 FTE-months, (12 + 3,43) ÷ (48 + 3,43) = 30,002 % ≥ 30 % → compliant. The summary
    and what to fix give 0,98 from 2022-09; shortfall_fte keeps its meaning (0,29, the known months)."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 9, 15))
    e, st_ = _one_target_in_four("2022-08")
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert y.provisional and y.compliant is False and y.shortfall_fte == D("0.29")
    assert y.extra["forecast_extra_target_fte"] == D("0.98") == \
        forecast_quota(e, W16, Month(2022, 8).last_day, st_).extra_target_fte
    assert y.extra["forecast_hire_from"] == "2022-09"
    assert "manque" not in y.summary.fr and \
        "projection : engager 0,98 ETP de public cible à partir de 2022-09 la rend conforme" in y.summary.fr
    c = check(e, W16, Period.calendar_year(2022), st_)
    assert len(c.to_fix) == 1 and c.to_fix[0].fr.startswith("Engager 0,98 ETP de public cible à partir de 2022-09")
    assert "0,29" not in c.to_fix[0].fr
    # Hiring it on 2022-09-16, with the whole year paid, makes the year compliant.
    paid, _ = _one_target_in_four("2022-12")
    hired = replace(paid, workers=(*paid.workers, worker("H", hire=date(2022, 9, 16), fte="0.98")),
                    pay=(*paid.pay, *pay("H", "2022-09", "2022-09", "0.49"), *pay("H", "2022-10", "2022-12", "0.98")))
    done = evaluate_quota(hired, W16, Period.calendar_year(2022), Statuses({**st_.by_id, "H": True})).latest
    # Compliant; provisional still: on 2022-09-15 the months to December are a payroll entered ahead, the year
    # runs (« A payroll entered ahead of today »).
    assert done.compliant is True and done.provisional


def test_a_year_paid_to_its_end_stays_provisional_while_it_runs(monkeypatch):
    """Audit (provisional flags at date boundaries): agrément 2021-01-01, year 2 = 2022 (30 %), T target and N1–N3
    not target, full time, Paie January–December 2022. On 2022-12-31, the year's last day, every month is paid:
    T 12 ÷ D 48 = 25,0 % < 30,0 %, non conforme — it read final (« manque 0,29 ETP » : x = (0,3 × 48 − 12) ÷
    (0,7 × 12) = 2,4 ÷ 8,4 = 0,2857 → 0,29 ; « année close : … aucun
    engagement ne la rattrape ») while the year still ran, as the size of the same year said « provisoire ». Now
    « (provisoire : année en cours) », the reason saying the payroll reaches the year's end; on 2023-01-01 it is
    final. Year 3 (2023) on 2022-12-15, judged on a Paie typed ahead to 2023-03: « provisoire : année pas encore
    commencée » (it read « année en cours »)."""
    e, st_ = _one_target_in_four("2022-12")
    monkeypatch.setattr(periods, "today", lambda: date(2022, 12, 31))
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert (y.year, y.compliant, y.provisional, y.target_share) == (2, False, True, D("0.25"))
    assert "(provisoire : année en cours)" in y.summary.fr and "manque" not in y.summary.fr
    assert any(r.text.fr.startswith("Année en cours : 12 mois connus sur 12, paie saisie jusqu'à la fin de "
                                    "l'année d'agrément, qui se termine le 2022-12-31") for r in y.reasons)
    assert not any("année close" in x.fr for x in check(e, W16, Period.calendar_year(2022), st_).to_fix)
    monkeypatch.setattr(periods, "today", lambda: date(2023, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert (y.compliant, y.provisional) == (False, False) and "manque 0,29 ETP" in y.summary.fr
    ahead, st_ = _one_target_in_four("2023-03")
    monkeypatch.setattr(periods, "today", lambda: date(2022, 12, 15))
    y = evaluate_quota(ahead, W16, Period.calendar_year(2023), st_).latest
    assert y.year == 3 and y.provisional and "(provisoire : année pas encore commencée)" in y.summary.fr
    assert any(r.text.fr.startswith("Année d'agrément pas encore commencée (elle commence le 2023-01-01, après la "
                                    "date du jour) : 3 mois connus sur 12") for r in y.reasons)


@pytest.mark.parametrize("regime", ["bruxelles-2004", "bruxelles-2018"])
def test_the_brussels_shapes_keep_a_year_paid_to_its_end_provisional_on_its_last_day(monkeypatch, regime):
    """Reader B: the month-by-month shape (bruxelles-2004) and the mandate minimums (bruxelles-2018) share the
    staircase's rule. Brussels 2004 (agrément 2013-01-01, year 2 = 2014): N1, N2 not target and P target, full
    time, paid to 2014-12: 1 ÷ 3 = 33,3 % every month ≥ 30 %, compliant. Brussels 2018 (agrément 2023-01-01, year 2
    = 2024): T1–T4 target and S, full time, paid 2024-01 … 12: 4,00 ETP of target public, 0,00 of encadrement —
    non conforme. On the year's last day both are « (provisoire : année en cours) »; the day after, final."""
    if regime == "bruxelles-2004":
        e, st_ = _brussels_2004_hire_in_july(n3_hire=date(2030, 1, 1), paid_to="2014-12")
        year, last, compliant = 2014, date(2014, 12, 31), True
    else:
        ws = [worker(w, hire=date(2023, 1, 1)) for w in ("T1", "T2", "T3", "T4", "S")]
        e = enterprise(ws, [pay(w.worker_id, "2024-01", "2024-12") for w in ws], agrement=date(2023, 1, 1),
                       region=Region.BRUXELLES)
        st_ = Statuses(dict(T1=True, T2=True, T3=True, T4=True, S=False))
        year, last, compliant = 2024, date(2024, 12, 31), False
    for day, provisional in ((last, True), (last + timedelta(days=1), False)):
        monkeypatch.setattr(periods, "today", lambda d=day: d)
        y = evaluate_quota(e, get_regime(regime), Period.calendar_year(year), st_).latest
        assert (y.compliant, y.provisional) == (compliant, provisional)
        assert ("(provisoire : année en cours)" in y.summary.fr) is provisional


@pytest.mark.parametrize("last_paid", ["2022-09", "2022-10", "2022-11", "2022-12"])
def test_a_payroll_entered_ahead_leaves_its_months_open_to_a_hire(monkeypatch, last_paid):
    """Readers A and C: agrément 2021-01-01, year 2 = 2022 (30 %), T target and N1–N3 not, full time (T 12 ÷ D 48 =
    25 % projected), judged on 2022-09-15 with Paie typed to ``last_paid``. The months after September are to come
    whatever their Paie rows: a hire from tomorrow counts in them. September, the current month, is paid: hires from
    October, k = 3 months: x = (0,3 × 48 − 12) ÷ (0,7 × 3) = 2,4 ÷ 2,1 = 1,1429 → 1,15 ETP from 2022-10, the same
    whichever month the payroll stops at. It read 1,15 with Paie to September, 1,72 to October (k = 2), 3,43 to
    November (k = 1), and with the whole year typed « projection : plus aucun engagement ne la rend conforme »."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 9, 15))
    e, st_ = _one_target_in_four(last_paid)
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert (y.compliant, y.provisional) == (False, True)
    assert (y.extra["forecast_extra_target_fte"], y.extra["forecast_hire_from"]) == (D("1.15"), "2022-10")
    assert "projection : engager 1,15 ETP de public cible à partir de 2022-10 la rend conforme" in y.summary.fr


def test_forecast_explain_prints_the_projections_formula_not_only_its_method(monkeypatch):
    """``_one_target_in_four("2022-08")``, today 2022-09-15 (the case above): `ei check-quota --forecast
    --explain` printed the projection's first two reasons only (its method, the hire day), so the figure 0,98
    had no formula in the terminal — only in JSON, though the year's reason says « ei check-quota --forecast
    détaille la projection ». Projected year: T = 12, D = 48 FTE-months (everyone kept to December); a hire
    counts from 2022-09-16, k = 15/30 + 3 = 3,5 months: x = (0,3 × 48 − 12) ÷ (0,7 × 3,5) = 2,4 ÷ 2,45 =
    0,9796 → 0,98. Every forecast reason is now printed, but those the year block printed already (the
    regime's rules, word for word), once."""
    from rich.console import Console

    from ei_cli.output import RunOptions
    from ei_cli.render.quota import quota_table

    monkeypatch.setattr(periods, "today", lambda: date(2022, 9, 15))
    e, st_ = _one_target_in_four("2022-08")
    result = evaluate_quota(e, W16, Period(date(2022, 8, 1), date(2022, 8, 31)), st_)
    fc = forecast_quota(e, W16, date(2022, 9, 15), st_)
    assert fc.extra_target_fte == D("0.98")
    con = Console(record=True, width=2000, file=io.StringIO())
    quota_table(con, result, e, fc, RunOptions(explain=True))
    out = con.export_text().split("Projection : ")
    projection = out[-1]
    for reason in fc.reasons:
        assert reason.text.fr in out[0] or reason.text.fr in projection
    assert "12 ETP-mois public cible ÷ 48 ETP-mois sur 12 mois de l'année d'agrément (2022-01 – 2022-12) = 25,0 %" \
        in projection
    assert "Manque : 0,98 ETP de public cible à engager à partir du 2022-09-16" in projection
    # The formula once, in the projected year's « Manque » (a second « Avec k » reason repeated it).
    assert projection.count("x = (r·D − T) ÷ ((1 − r)·k)") == 1 and "Avec k" not in projection
    assert "Année d'agrément 2 : au moins 30,0 % de public cible en moyenne annuelle." not in projection
    assert out[0].count("Année d'agrément 2 : au moins 30,0 % de public cible en moyenne annuelle.") == 1


def test_a_closed_year_unknown_only_through_statuses_asks_for_the_statuses_not_a_hire():
    """Agrément 2024-01-01, year 1 closed (Paie all 2024), judged on 2024-12-31: T target, N0–N3 not
    target, U of unknown status, all full time. Without U as target: 1 ÷ 6 = 16,7 % < 20 %; with it:
    2 ÷ 6 = 33,3 % ≥ 20 % → unknown. It said « Engager … 0,25 ETP manquants » (x = (0,2 × 6 − 1) ÷ 0,8
    = 0,25) and « manque 0,25 ETP » for a year gone by whose verdict only waits for U's status."""
    ws = [worker("T"), worker("U")] + [worker(f"N{i}") for i in range(4)]
    e = enterprise(ws, [pay(w.worker_id, "2024-01", "2024-12") for w in ws], agrement=date(2024, 1, 1))
    st_ = Statuses({"T": True, "U": None, **{f"N{i}": False for i in range(4)}})
    c = check(e, W16, Period.calendar_year(2024), st_)
    assert c.compliant is None and c.details["shortfall_fte"] == D("0.25")
    assert [x.fr for x in c.to_fix] == ["Compléter la feuille Personnel (statut de public cible indéterminé : travailleur U) : "
                                        "le verdict en dépend."]
    assert "manque" not in c.summary.fr and "selon 1,00 ETP au statut indéterminé" in c.summary.fr


def _brussels_2004_paid_to_august(n3_exit: date | None = None):
    """Brussels 2004, agrément 2010-01-01 (judged from May), Paie January–August 2010: N1, N2 not target from
    January, P target from April, N3 not target from June (to ``n3_exit``), all full time. Enterprise, statuses."""
    ws = [worker("N1", hire=date(2010, 1, 1)), worker("N2", hire=date(2010, 1, 1)),
          worker("P", hire=date(2010, 4, 1)), worker("N3", hire=date(2010, 6, 1), exit=n3_exit)]
    pays = [pay(x, "2010-01", "2010-08") for x in ("N1", "N2")] + [pay("P", "2010-04", "2010-08"),
                                                                   pay("N3", "2010-06", "2010-08")]
    e = enterprise(ws, pays, agrement=date(2010, 1, 1), region=Region.BRUXELLES)
    return e, Statuses(dict(N1=False, N2=False, P=True, N3=False))


def test_brussels_2004_in_progress_hire_advice_only_for_the_months_to_come(monkeypatch):
    """Judged on 2010-09-15. Brussels 2004, agrément 2010-01-01 (judged from May), Paie to August
    (provisional): N1, N2 not
    target, P target from April, N3 not target from June on. May 1 ÷ 3 = 33,3 %; June–August 1 ÷ 4 =
    25 % < 30 %: closed, listed in what to fix. September–December projected 1 ÷ 4 each: for each
    x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857 FTE-months; a hire counts from the day after today, 2010-09-16, so in
    September for 15 days out of 30: x ÷ 0,5 = 0,5714 → 0,58 from 2010-09 (September (1 + 0,29) ÷ 4,29 =
    30,07 %; 0,57 gives (1 + 0,285) ÷ 4,285 = 29,99 %) — the one figure that, hired from 2010-09-16, keeps every
    month to come at 30 % (``forecast_extra_target_fte``). October–December, whole, need 0,2857 → 0,29: the
    advice is theirs, from 2010-10, September (0,58 for its 15 days left) said apart (« il faudrait »): 0,58 kept
    through October–December is twice their need.
    The forecast said the verdict can no longer be fixed, with no figure (its extra_target_fte null), while
    ``check`` pointed to it for the months to come's hire (Brussels audit, 2026-12-01): it now says both — June–
    August closed the year, and the same hire for the months to come (extra_target_fte 0,58 from 2010-09-16,
    later_extra_target_fte 0,29 from 2010-10), never « la rend conforme »."""
    monkeypatch.setattr(periods, "today", lambda: date(2010, 9, 15))
    e, st_ = _brussels_2004_paid_to_august()
    c = check(e, B04, Period.calendar_year(2010), st_)
    assert c.compliant is False
    assert [x.fr for x in c.to_fix] == [
        "Mois sous 30,0 % de public cible : 2010-06 (25,0 %), 2010-07 (25,0 %), 2010-08 (25,0 %) ; un mois écoulé "
        "ne se rattrape pas : la part doit être atteinte chaque mois.",
        "Pour les mois suivants, engager 0,29 ETP de public cible à partir de 2010-10 (projection, ei check-quota "
        "--forecast) ; 2010-09 : il faudrait 0,58 ETP de public cible pour ses 15 jours restants (du 2010-09-16 au "
        "2010-09-30)."]
    assert c.details["forecast_extra_target_fte"] == D("0.58")
    assert (c.details["forecast_later_hire_from"], c.details["forecast_later_extra_target_fte"]) == ("2010-10",
                                                                                                    D("0.29"))
    f = forecast_quota(e, B04, Month(2010, 8).last_day, st_)
    assert (f.extra_target_fte, f.to_dict()["later_extra_target_fte"], f.compliant) == (D("0.58"), D("0.29"), False)
    assert f.summary.fr == (
        "Année d'agrément 1 : projetée non conforme (mois jugé le plus bas 2010-06 : 25,0 %) ; mois déjà jugés sous le "
        "seuil (2010-06, 2010-07, 2010-08) : aucun engagement ne rend plus l'année conforme ; pour les mois suivants, "
        "engager 0,29 ETP de public cible à partir de 2010-10 ; 2010-09 : il faudrait 0,58 ETP de public cible pour ses "
        "15 jours restants (du 2010-09-16 au 2010-09-30).")
    assert "la rend conforme" not in f.summary.fr and "makes it compliant" not in f.summary.en


def test_a_year_in_progress_below_on_its_known_months_but_projected_compliant_asks_no_hire(monkeypatch):
    """Judged on 2022-09-15. Agrément 2021-01-01, year 2 = 2022 (30 %), Paie January–August. T target from
    January, T2 and T3 target hired 2022-08-01, N1–N3 not target, all full time. Known months: January–July
    1 ÷ 4, August 3 ÷ 6: T 7 + 3 = 10, D 7 × 4 + 6 = 34 → 10 ÷ 34 = 29,4 % < 30 % (provisional « non
    conforme », shortfall (0,3 × 34 − 10) ÷ (0,7 × 8) = 0,036 → 0,04). Projected to December, everyone
    keeping their etp: T 10 + 4 × 3 = 22, D 34 + 4 × 6 = 58 → 37,9 % ≥ 30 % (average target 22 ÷ 12 = 1,83
    ≥ 1): nothing to hire. The headline adds « projetée conforme sans engagement supplémentaire », the reason
    « l'année atteint le seuil sans engagement supplémentaire », what to fix « Garder le public cible actuel »."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 9, 15))
    ws = [worker("T"), worker("T2", hire=date(2022, 8, 1)), worker("T3", hire=date(2022, 8, 1))]
    ws += [worker(f"N{i}") for i in range(1, 4)]
    pays = [pay(w.worker_id, "2022-01", "2022-08") for w in ws if w.hire_date.year < 2022]
    pays += [pay(w, "2022-08", "2022-08") for w in ("T2", "T3")]
    e = enterprise(ws, pays, agrement=date(2021, 1, 1))
    st_ = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert y.provisional and y.compliant is False and y.shortfall_fte == D("0.04")
    assert (y.extra["forecast_extra_target_fte"], y.extra["forecast_compliant"]) == (0, True)
    assert y.summary.fr.endswith("(provisoire : année en cours) ; projetée conforme sans engagement supplémentaire.")
    assert y.summary.en.endswith("; projected compliant with no extra hire.")
    assert "l'année atteint le seuil sans engagement supplémentaire" in y.reasons[-1].text.fr
    c = check(e, W16, Period.calendar_year(2022), st_)
    assert [(x.fr, x.en) for x in c.to_fix] == [(
        "Garder le public cible actuel : l'année est projetée conforme sans engagement supplémentaire "
        "(ei check-quota --forecast).",
        "Keep the current target public: the year is projected compliant with no extra hire "
        "(ei check-quota --forecast).")]
    assert forecast_quota(e, W16, Month(2022, 8).last_day, st_).summary.fr == (
        "Année d'agrément 2 : projetée conforme (37,9 %) sans engagement supplémentaire.")


def test_brussels_2004_in_progress_months_to_come_reaching_the_threshold_ask_no_hire(monkeypatch):
    """The case of ``test_brussels_2004_in_progress_hire_advice_only_for_the_months_to_come`` with N3's contract
    ending on 2010-08-31: June–August 1 ÷ 4 = 25 % < 30 % stay closed
    failures, but September–December, projected without N3 (a planned exit leaves), are 1 ÷ 3 = 33,3 % ≥ 30 %:
    nothing to hire for the months to come (0 FTE). The reason says « les mois à venir atteignent le seuil sans
    engagement (les mois déjà jugés sont clos) »; what to fix lists the failed months only, no hire."""
    monkeypatch.setattr(periods, "today", lambda: date(2010, 9, 15))
    e, st_ = _brussels_2004_paid_to_august(n3_exit=date(2010, 8, 31))
    y = evaluate_quota(e, B04, Period.calendar_year(2010), st_).latest
    assert y.compliant is False and y.extra["failing_months"] == ["2010-06", "2010-07", "2010-08"]
    assert y.extra["forecast_extra_target_fte"] == 0
    assert ("les mois à venir atteignent le seuil sans engagement (les mois déjà jugés sont clos)"
            in y.reasons[-1].text.fr)
    assert "the months to come reach the threshold with no hire" in y.reasons[-1].text.en
    assert [x.fr for x in check(e, B04, Period.calendar_year(2010), st_).to_fix] == [
        "Mois sous 30,0 % de public cible : 2010-06 (25,0 %), 2010-07 (25,0 %), 2010-08 (25,0 %) ; un mois écoulé "
        "ne se rattrape pas : la part doit être atteinte chaque mois."]


def _brussels_2004_hire_in_july(n3_hire: date = date(2014, 7, 1), n3_exit: date | None = None, june_dip=False,
                               n3_fte="1", paid_to="2014-06", unknown_fte: str | None = None):
    """bruxelles-2004, agrément 2013-01-01 → agrément year 2 = 2014, every month judged (obligation from
    2013-04-11). N1, N2 not target and P target, full time, paid 2013-01 … 2014-06 (``paid_to``): 1 ÷ 3 = 33,3 % a
    month; N3 not target, full time (``n3_fte``), in Personnel from ``n3_hire`` (to ``n3_exit``), not paid yet: the
    months projected with N3 are 1 ÷ 4 = 25 %, each short of x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857 target FTE. With
    ``june_dip``, N4 (not target) in June 2014 only: June 1 ÷ 4 = 25 %, a month judged below the threshold. With
    ``unknown_fte``, U of unknown status at that FTE, paid as N1. Enterprise, statuses."""
    ws = [worker(w, hire=date(2013, 1, 1)) for w in ("N1", "N2", "P")]
    ws.append(worker("N3", hire=n3_hire, exit=n3_exit, fte=n3_fte))
    pays = [pay(w, "2013-01", paid_to) for w in ("N1", "N2", "P")]
    status = dict(N1=False, N2=False, P=True, N3=False)
    if unknown_fte is not None:
        ws.append(worker("U", hire=date(2013, 1, 1), fte=unknown_fte))
        pays.append(pay("U", "2013-01", paid_to, unknown_fte))
        status["U"] = None
    if june_dip:
        ws.append(worker("N4", hire=date(2014, 6, 1), exit=date(2014, 6, 30)))
        pays.append(pay("N4", "2014-06", "2014-06"))
        status["N4"] = False
    return enterprise(ws, pays, agrement=date(2013, 1, 1), region=Region.BRUXELLES), Statuses(status)


@pytest.mark.parametrize("today, need, left, said_fr, said_en", [
    (date(2014, 7, 28), "2.96", 3, "pour ses 3 jours restants (du 2014-07-29 au 2014-07-31)",
     "for its 3 days left (2014-07-29 to 2014-07-31)"),
    (date(2014, 7, 30), "8.86", 1, "pour son dernier jour (2014-07-31)", "for its last day (2014-07-31)"),
    (date(2014, 7, 15), "0.56", 16, "pour ses 16 jours restants (du 2014-07-16 au 2014-07-31)",
     "for its 16 days left (2014-07-16 to 2014-07-31)"),
])
def test_brussels_2004_forecast_says_the_current_months_days_left_apart(monkeypatch, today, need, left, said_fr,
                                                                         said_en):
    """``_brussels_2004_hire_in_july``: July–December 2014 projected at 1 ÷ 4 = 25 %, each short of
    x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857 target FTE. A hire counts from the day after today, so in July for its days
    left only (w = days ÷ 31), in August–December whole:
    - today 2014-07-28: 3 days (29–31), x ÷ (3/31) = 0,2857 × 31 ÷ 3 = 2,9524 → 2,96 FTE;
    - today 2014-07-30: 1 day (31), x × 31 = 8,857 → 8,86 FTE;
    - today 2014-07-15: 16 days (16–31), x × 31 ÷ 16 = 0,5536 → 0,56 FTE;
    August–December: x ÷ 1 = 0,2857 → 0,29 FTE. The advice was the largest, July's: « engager 2,96 ETP de public
    cible à partir de 2014-07 la rend conforme » — ten times what every later month needs, and the hire, once made,
    stays there. It now gives the later months' hire, from 2014-08, and says July apart with its days.
    extra_target_fte keeps the one figure that, hired from tomorrow, covers every month (July's); the JSON adds
    the later months' hire and July's days left."""
    monkeypatch.setattr(periods, "today", lambda: today)
    e, st_ = _brussels_2004_hire_in_july()
    f = forecast_quota(e, B04, today, st_)
    fr, en = need.replace(".", ","), need
    assert f.summary.fr == (
        "Année d'agrément 2 : projetée non conforme (mois jugé le plus bas 2014-07 : 25,0 %) ; pour les mois suivants, "
        f"engager 0,29 ETP de public cible à partir de 2014-08 ; 2014-07 : il faudrait {fr} ETP de public cible "
        f"{said_fr}.")
    assert f.summary.en == (
        "Agrément year 2: projected not compliant (lowest month judged 2014-07: 25.0 %); for the following months, "
        f"hire 0.29 target-public FTE from 2014-08; 2014-07: it would take {en} target-public FTE {said_en}.")
    d = f.to_dict()
    assert (d["extra_target_fte"], d["hire_from"], d["hire_from_day"]) == (D(need), "2014-07",
                                                                           (today + timedelta(days=1)).isoformat())
    assert (d["later_hire_from"], d["later_extra_target_fte"], d["current_month_days_left"]) == ("2014-08", D("0.29"),
                                                                                               left)
    why = next(r for r in f.reasons if "est dit à part" in r.text.fr)
    assert f"x ÷ {left}/31 = {fr} ETP, quand les mois suivants, entiers, en demandent au plus 0,29" in why.text.fr
    assert f"x ÷ {left}/31 = {en} FTE there, while the following months, whole, ask at most 0.29" in why.text.en


def test_brussels_2004_forecast_whose_later_months_need_no_hire_says_the_current_month_apart(monkeypatch):
    """``_brussels_2004_hire_in_july`` with N3 leaving on 2014-07-31, today 2014-07-28: July projected 1 ÷ 4 = 25 %,
    x = 0,2857 ÷ (3/31) = 2,9524 → 2,96 FTE for its 3 days left; August–December 1 ÷ 3 = 33,3 % ≥ 30 %, no hire.
    It said « engager 2,96 ETP de public cible à partir de 2014-07 la rend conforme », a hire the later months do
    not need at all."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 7, 28))
    e, st_ = _brussels_2004_hire_in_july(n3_exit=date(2014, 7, 31))
    f = forecast_quota(e, B04, date(2014, 7, 28), st_)
    assert f.summary.fr.endswith(
        "; les mois à partir de 2014-08 atteignent le seuil sans engagement ; 2014-07 : il faudrait 2,96 ETP de public "
        "cible pour ses 3 jours restants (du 2014-07-29 au 2014-07-31).")
    assert f.summary.en.endswith(
        "; the months from 2014-08 reach the threshold with no hire; 2014-07: it would take 2.96 target-public FTE "
        "for its 3 days left (2014-07-29 to 2014-07-31).")
    assert (f.extra_target_fte, f.to_dict()["later_extra_target_fte"]) == (D("2.96"), 0)


@pytest.mark.parametrize("today, n3_hire", [
    # July not below: its need 0 is no more than the later months' 0,29 — one figure from tomorrow serves all.
    (date(2014, 7, 28), date(2014, 8, 1)),
    # Today the last day of June: the hire counts from 2014-07-01, July whole, no month partly gone.
    (date(2014, 6, 30), date(2014, 7, 1)),
])
def test_brussels_2004_forecast_keeps_one_figure_when_the_current_month_does_not_need_more(monkeypatch, today, n3_hire):
    """``_brussels_2004_hire_in_july``: the months with N3 each short of x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857 → 0,29
    FTE. With N3 from 2014-08-01 (today 2014-07-28), July is 1 ÷ 3 = 33,3 % (no need) and the later months need
    0,29, which hired from 2014-07-29 covers them all; today 2014-06-30, a hire counts from July's first day, every
    month whole: 0,29 from 2014-07. The advice stays one figure, worded as before; the added fields are null."""
    monkeypatch.setattr(periods, "today", lambda: today)
    e, st_ = _brussels_2004_hire_in_july(n3_hire=n3_hire)
    f = forecast_quota(e, B04, today, st_)
    assert f.summary.fr.endswith(" ; engager 0,29 ETP de public cible à partir de 2014-07 la rend conforme.")
    assert f.summary.en.endswith("; hiring 0.29 target-public FTE from 2014-07 makes it compliant.")
    d = f.to_dict()
    assert d["extra_target_fte"] == D("0.29")
    assert (d["later_hire_from"], d["later_extra_target_fte"], d["current_month_days_left"]) == (None, None, None)


def test_brussels_2004_forecast_keeps_one_figure_when_the_current_months_need_rounds_to_the_later_months(monkeypatch):
    """``_brussels_2004_hire_in_july`` with N3 at 0,34 FTE: July–December projected T 1 ÷ D 3,34 = 29,94 % < 30 %,
    each short of x = (0,3 × 3,34 − 1) ÷ 0,7 = 0,002 ÷ 0,7 = 0,002857. Today 2014-07-01, a hire counts from
    2014-07-02, 30 of July's 31 days: x ÷ 30/31 = 0,002952 → 0,01; August–December whole: 0,002857 → 0,01. July
    needs more unrounded, not once rounded (docs/interpretations.md, « the current month's days left »: « needs
    more than the later months (once rounded) »): one figure, 0,01 from 2014-07, nothing said apart."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 7, 1))
    e, st_ = _brussels_2004_hire_in_july(n3_fte="0.34")
    f = forecast_quota(e, B04, date(2014, 7, 1), st_)
    d = f.to_dict()
    assert (d["extra_target_fte"], d["hire_from"], d["later_hire_from"], d["current_month_days_left"]) == (
        D("0.01"), "2014-07", None, None)
    assert f.summary.fr.endswith(" ; engager 0,01 ETP de public cible à partir de 2014-07 la rend conforme.")


def test_brussels_2004_forecast_counts_a_month_begun_tomorrow_whole_not_apart(monkeypatch):
    """``_brussels_2004_hire_in_july`` with N3 in August 2014 only (2014-08-01 … 2014-08-31); today 2014-07-31, so
    a hire counts from 2014-08-01, August's first day. August 1 ÷ 4 = 25 %, x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857 →
    0,29; September–December 1 ÷ 3 = 33,3 % ≥ 30 %, no need. August counts whole (w = 1): one figure, « engager
    0,29 ETP … à partir de 2014-08 », not « 2014-08 : il faudrait 0,29 ETP … pour ses 31 jours restants »
    (docs/interpretations.md: nothing said apart « when the hire counts from a month's first day »)."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 7, 31))
    e, st_ = _brussels_2004_hire_in_july(n3_hire=date(2014, 8, 1), n3_exit=date(2014, 8, 31))
    f = forecast_quota(e, B04, date(2014, 7, 31), st_)
    d = f.to_dict()
    assert (d["extra_target_fte"], d["hire_from"], d["later_hire_from"], d["current_month_days_left"]) == (
        D("0.29"), "2014-08", None, None)
    assert f.summary.fr.endswith(" ; engager 0,29 ETP de public cible à partir de 2014-08 la rend conforme.")
    assert "jours restants" not in f.summary.fr


UNSURE_FR = ("si les travailleurs au statut indéterminé ne sont pas du public cible (complétez d'abord la feuille "
             "Personnel : ils le sont peut-être, et aucun engagement n'est alors nécessaire)")


def test_brussels_2004_forecast_said_apart_puts_the_unknown_status_condition_with_the_later_months_hire(monkeypatch):
    """``_brussels_2004_hire_in_july`` with U, of unknown status, at 0,3 FTE; today 2014-07-28. Known months
    1 ÷ 3,3 = 30,3 %; July–December projected 1 ÷ 4,3 = 23,3 % (with U target: 1,3 ÷ 4,3 = 30,2 %): projected
    unknown, each month short of x = (0,3 × 4,3 − 1) ÷ 0,7 = 0,29 ÷ 0,7 = 0,4143 if U is not target. August–
    December whole: 0,4143 → 0,42 from 2014-08; July, from 2014-07-29, 3/31: 0,4143 × 31 ÷ 3 = 4,2810 → 4,29, said
    apart. The condition goes with the later months' hire, once (``_Advice``), not after July's figure too."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 7, 28))
    e, st_ = _brussels_2004_hire_in_july(unknown_fte="0.3")
    f = forecast_quota(e, B04, date(2014, 7, 28), st_)
    assert (f.extra_target_fte, f.to_dict()["later_extra_target_fte"]) == (D("4.29"), D("0.42"))
    assert f.summary.fr.endswith(
        f"; pour les mois suivants, engager 0,42 ETP de public cible à partir de 2014-08 {UNSURE_FR} ; 2014-07 : il "
        "faudrait 4,29 ETP de public cible pour ses 3 jours restants (du 2014-07-29 au 2014-07-31).")
    assert f.summary.fr.count("si les travailleurs au statut indéterminé") == 1


def test_brussels_2004_forecast_said_apart_without_a_later_hire_keeps_the_condition_on_the_current_month(
        monkeypatch):
    """The case above with N3 leaving on 2014-07-31: August–December 1 ÷ 3,3 = 30,3 % ≥ 30 %, no hire; July 1 ÷ 4,3
    needs 4,29 for its 3 days left (0,4143 × 31 ÷ 3 = 4,2810). The condition on U goes with July's figure, once:
    dropped, the headline asked for 4,29 FTE unconditionally while U alone may make July compliant."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 7, 28))
    e, st_ = _brussels_2004_hire_in_july(n3_exit=date(2014, 7, 31), unknown_fte="0.3")
    f = forecast_quota(e, B04, date(2014, 7, 28), st_)
    assert (f.extra_target_fte, f.to_dict()["later_extra_target_fte"]) == (D("4.29"), 0)
    assert f.summary.fr.endswith(
        "; les mois à partir de 2014-08 atteignent le seuil sans engagement ; 2014-07 : il faudrait 4,29 ETP de "
        f"public cible pour ses 3 jours restants (du 2014-07-29 au 2014-07-31) {UNSURE_FR}.")
    assert f.summary.fr.count("si les travailleurs au statut indéterminé") == 1


@pytest.mark.parametrize("today, n3_hire, said_fr, said_en", [
    # July not below (N3 from 2014-08-01): one figure from tomorrow; July counts 3/31 of a month, the others whole.
    (date(2014, 7, 28), date(2014, 8, 1),
     "divisé par la part w du mois où un engagement compté à partir du 2014-07-29 est présent (2014-07 : 3/31 ; les "
     "mois suivants, entiers : 1), le plus grand x ÷ w arrondi vers le haut.",
     "divided by the part w of the month a hire counted from 2014-07-29 is present in (2014-07: 3/31; the following "
     "months, whole: 1), the largest x ÷ w rounded up."),
    # Today the last day of June: the hire counts from 2014-07-01, every month whole.
    (date(2014, 6, 30), date(2014, 7, 1),
     "le plus grand arrondi vers le haut (un engagement compté à partir du 2014-07-01 y est présent chaque mois "
     "entier).",
     "the largest rounded up (a hire counted from 2014-07-01 is present in each of them whole)."),
    # July said apart (N3 from 2014-07-01, July 1 ÷ 4): the apart reason says the division, no second reason.
    (date(2014, 7, 28), date(2014, 7, 1), None, None),
], ids=["one_figure", "whole_months", "said_apart"])
def test_brussels_2004_forecast_says_the_month_by_month_solving_not_an_average_k(monkeypatch, today, n3_hire,
                                                                                said_fr, said_en):
    """``_brussels_2004_hire_in_july``: each month with N3 is short of x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857 target FTE;
    Brussels 2004 judges every month for itself, so the hire is the largest x ÷ w, w the part of the month a hire
    from tomorrow is present in: 2014-07-28, N3 from August, July 1 ÷ 3 = 33,3 % needs none and August–December
    (w = 1) 0,2857 → 0,29. The forecast's reason said « Avec k = 6 mois restants : x = (r·D − T) ÷ ((1 − r)·k) »
    — July counted whole (k for the span was 5 + 3/31), and an averaging formula no month is judged by — beside
    « x ÷ 3/31 » in the next reason. It now says the month-by-month division, or nothing more when July is said
    apart (its own reason gives x ÷ 3/31 = 2,96 against 0,29); a Walloon forecast's « Manque » says its k."""
    monkeypatch.setattr(periods, "today", lambda: today)
    e, st_ = _brussels_2004_hire_in_july(n3_hire=n3_hire)
    f = forecast_quota(e, B04, today, st_)
    assert not any("(1 − r)·k" in r.text.fr or "(1 − r)·k" in r.text.en for r in f.reasons)
    said = [r for r in f.reasons if r.text.fr.startswith("Chaque mois est jugé pour lui-même : le manque x")]
    if said_fr is None:
        assert f.apart is not None and not said
        assert any("x ÷ 3/31 = 2,96 ETP" in r.text.fr for r in f.reasons)
    else:
        assert f.extra_target_fte == D("0.29") and f.apart is None
        assert [(r.text.fr, r.text.en) for r in said] == [(
            f"Chaque mois est jugé pour lui-même : le manque x = (r·D − T) ÷ (1 − r) de chaque mois à venir, {said_fr}",
            f"Every month is judged for itself: each month to come's shortfall x = (r·D − T) ÷ (1 − r), {said_en}")]


def test_brussels_2004_forecast_in_the_years_last_month_names_no_following_month(monkeypatch):
    """``_brussels_2004_hire_in_july`` paid to 2014-11, N3 (not target) from 2014-12-01; today 2014-12-15. Only
    December is to come: 1 ÷ 4 = 25 %, x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857; a hire from 2014-12-16 is there 16 of
    its 31 days: 0,2857 ÷ 16/31 = 0,5536 → 0,56. The reason says « (2014-12 : 16/31) », with no « les mois
    suivants, entiers : 1 » — December is the year's last month."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 12, 15))
    e, st_ = _brussels_2004_hire_in_july(n3_hire=date(2014, 12, 1), paid_to="2014-11")
    f = forecast_quota(e, B04, date(2014, 12, 15), st_)
    assert f.extra_target_fte == D("0.56") and f.apart is None
    (why,) = [r for r in f.reasons if r.text.fr.startswith("Chaque mois est jugé pour lui-même")]
    assert "compté à partir du 2014-12-16 est présent (2014-12 : 16/31), le plus grand" in why.text.fr
    assert "counted from 2014-12-16 is present in (2014-12: 16/31), the largest" in why.text.en
    assert "suivants" not in why.text.fr and "following" not in why.text.en


def test_brussels_2004_projected_shortfall_says_the_division_by_the_months_part(monkeypatch):
    """``_brussels_2004_hire_in_july``, today 2014-07-28: the projected year's July is 1 ÷ 4 = 25 %, short of
    x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857 target FTE; a hire from 2014-07-29 is present 3 days of 31 there, so its need
    is x ÷ (3/31) = 0,2857 × 31 ÷ 3 = 2,9524 → 2,96 FTE, the largest (August–December: 0,2857 ÷ 1 → 0,29). The
    projected year's reason said « Manque : 2,96 ETP … dans le mois le plus déficitaire (x = (r·D − T) ÷ (1 − r)
    pour ce mois, arrondi vers le haut) », which gives 0,29, not 2,96: it now says the division by the month's
    part. A year judged without a projection (June 2014 below, 1 ÷ 4: 0,2857 → 0,29, no hire day) keeps its wording."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 7, 28))
    e, st_ = _brussels_2004_hire_in_july()
    f = forecast_quota(e, B04, date(2014, 7, 28), st_)
    manque = [r for r in f.reasons if r.text.fr.startswith("Manque")]
    assert f.year.shortfall_fte == D("2.96")
    assert [(r.text.fr, r.text.en) for r in manque] == [(
        "Manque : 2,96 ETP de public cible à ajouter dans le mois qui en demande le plus (x = (r·D − T) ÷ (1 − r) "
        "pour ce mois, divisé par la part w du mois où l'engagement est présent — 1 pour un mois entier —, arrondi "
        "vers le haut).",
        "Shortfall: 2.96 target-public FTE to add in the month that asks the most (x = (r·D − T) ÷ (1 − r) for that "
        "month, divided by the part w of the month the hire is present in — 1 for a whole month —, rounded up).")]
    e, st_ = _brussels_2004_hire_in_july(june_dip=True)
    y = evaluate_quota(e, B04, Period.calendar_year(2014), st_).latest
    assert ("Manque : 0,29 ETP de public cible à ajouter dans le mois le plus déficitaire (x = (r·D − T) ÷ (1 − r) "
            "pour ce mois, arrondi vers le haut).") in [r.text.fr for r in y.reasons]


def test_the_current_month_apart_has_one_set_of_json_fields():
    """``_apart_fields``: the forecast's later_hire_from, later_extra_target_fte and current_month_days_left, and
    their forecast_* twins on a failing year, from one function (the keys were written twice, a null copy beside
    ``_MonthApart.to_dict``). July 2014 said apart, its 3 days left (29–31), 2,96 FTE; from 2014-08, 0,29 — or 0
    when the later months reach the threshold (0, not null: the advice is still said apart); null when it is not."""
    from ei_cli.rules.quota import _apart_fields, _MonthApart
    a = _MonthApart(Month(2014, 7), Period(date(2014, 7, 29), date(2014, 7, 31)), D("2.96"), Month(2014, 8), D("0.29"))
    assert _apart_fields(a) == {"later_hire_from": "2014-08", "later_extra_target_fte": D("0.29"),
                                "current_month_days_left": 3}
    assert _apart_fields(replace(a, later=D(0)), "forecast_") == {
        "forecast_later_hire_from": "2014-08", "forecast_later_extra_target_fte": 0,
        "forecast_current_month_days_left": 3}
    assert _apart_fields(None, "forecast_") == dict.fromkeys(
        ("forecast_later_hire_from", "forecast_later_extra_target_fte", "forecast_current_month_days_left"))


def test_brussels_2004_check_says_the_current_months_days_left_apart(monkeypatch):
    """``_brussels_2004_hire_in_july`` with June 2014 below (1 ÷ 4 = 25 %), judged by ``ei check`` on 2014-07-28:
    June is closed (listed apart, no hire repairs it); the projection's months to come, July–December, are 1 ÷ 4,
    each short of x = (0,3 × 4 − 1) ÷ 0,7 = 0,2857. July counts 3 days (29–31): x ÷ (3/31) = 2,9524 → 2,96 FTE;
    August–December whole: 0,2857 → 0,29. What to fix said « Pour les mois à venir, engager 2,96 ETP de public
    cible à partir de 2014-07 »; it now gives August on's 0,29 and says July apart, in the reason too. The JSON
    keeps forecast_extra_target_fte = 2,96 (the figure from tomorrow) and adds the later months' hire."""
    monkeypatch.setattr(periods, "today", lambda: date(2014, 7, 28))
    e, st_ = _brussels_2004_hire_in_july(june_dip=True)
    c = check(e, B04, Period.calendar_year(2014), st_)
    assert c.compliant is False
    assert [(x.fr, x.en) for x in c.to_fix][1:] == [(
        "Pour les mois suivants, engager 0,29 ETP de public cible à partir de 2014-08 (projection, ei check-quota "
        "--forecast) ; 2014-07 : il faudrait 2,96 ETP de public cible pour ses 3 jours restants (du 2014-07-29 au "
        "2014-07-31).",
        "For the following months, hire 0.29 target-public FTE from 2014-08 (projection, ei check-quota --forecast); "
        "2014-07: it would take 2.96 target-public FTE for its 3 days left (2014-07-29 to 2014-07-31).")]
    # The reason words the later months' hire as the headline and what to fix do (``_Advice._later``).
    assert ("pour les mois suivants, engager 0,29 ETP de public cible à partir de 2014-08 (les mois déjà jugés sont "
            "clos) ; 2014-07 : il faudrait 2,96 ETP de public cible pour ses 3 jours restants (du 2014-07-29 au "
            "2014-07-31)") in c.reasons[-1].text.fr
    assert ("for the following months, hire 0.29 target-public FTE from 2014-08 (the months already judged are "
            "closed); 2014-07: it would take 2.96 target-public FTE") in c.reasons[-1].text.en
    d = c.details
    assert (d["forecast_extra_target_fte"], d["forecast_hire_from"], d["forecast_later_hire_from"],
            d["forecast_later_extra_target_fte"], d["forecast_current_month_days_left"]) == (
        D("2.96"), "2014-07", "2014-08", D("0.29"), 3)


def test_a_forecast_on_the_years_last_day_says_no_hire_counts_any_more(monkeypatch):
    """Today 2022-12-31, the last day of agrément year 2 (2022, 30 %); Paie January–November. T target, N1–N3 not
    target, full time: December projected alike, T 12 ÷ D 48 = 25,0 % < 30 %. A hire counts from the day after
    today, 2023-01-01, outside the year: no month to hire in, no figure (extra_target_fte null) — the headline
    says « projetée non conforme (25,0 %) ; elle se termine le 2022-12-31 : plus aucun engagement n'y compte »."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 12, 31))
    e, st_ = _one_target_in_four("2022-11")
    fc = forecast_quota(e, W16, date(2022, 12, 31), st_)
    assert (fc.hire_from, fc.extra_target_fte, fc.year.compliant, fc.year.target_share) == (None, None, False, D("0.25"))
    assert fc.summary.fr == ("Année d'agrément 2 : projetée non conforme (25,0 %) ; elle se termine le 2022-12-31 : "
                             "plus aucun engagement n'y compte.")
    assert fc.summary.en == ("Agrément year 2: projected not compliant (25.0 %); it ends on 2022-12-31: no hire "
                             "counts in it any more.")


def test_check_on_the_years_last_day_asks_no_hire_as_the_forecast_says(monkeypatch):
    """The same year as the forecast above: today 2022-12-31, its last day, Paie January–November, on average
    T 1 ÷ D 4 = 25,0 % < 30 % on the known months (shortfall (0,3 × 4 − 1) ÷ 0,7 = 0,2857 → 0,29 FTE). A hire
    counts from 2023-01-01, outside the year: `ei check` told « Engager ou augmenter le temps de travail de public
    cible : 0,29 ETP manquants », where `ei check-quota --forecast` says no hire counts any more. Now the check
    says what the forecast says: the projection (December alike: 12 ÷ 48 = 25,0 %) can no longer be made
    compliant; forecast_hire_from null, no figure to hire."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 12, 31))
    e, st_ = _one_target_in_four("2022-11")
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert y.provisional and y.compliant is False and y.shortfall_fte == D("0.29")
    assert (y.extra["forecast_hire_from"], y.extra["forecast_extra_target_fte"], y.extra["forecast_compliant"],
            y.extra["forecast_hire_from_day"]) == (None, None, False, None)
    assert y.summary.fr.endswith(" ; projection : plus aucun engagement ne la rend conforme.")
    c = check(e, W16, Period.calendar_year(2022), st_)
    assert [x.fr for x in c.to_fix] == ["Plus aucun engagement ne rend l'année conforme (ei check-quota --forecast)."]
    assert [x.en for x in c.to_fix] == ["No hire makes the year compliant any more (ei check-quota --forecast)."]


def test_check_on_the_years_last_day_of_a_year_projected_compliant_asks_to_keep_the_target_public(monkeypatch):
    """``_one_target_in_four("2022-11")`` with N3 at 0,35 FTE, leaving on 2022-11-30; today 2022-12-31, the last day
    of agrément year 2 (30 %). Known months T 11 ÷ D 11 × 3,35 = 11 ÷ 36,85 = 29,85 % < 30 % (provisional « non
    conforme »); December projected without N3, 1 ÷ 3: the year 12 ÷ (36,85 + 3) = 12 ÷ 39,85 = 30,11 % ≥ 30 %.
    Projected compliant: nothing to hire (forecast_extra_target_fte 0, not null) and what to fix « Garder le
    public cible actuel », not « Plus aucun engagement ne rend l'année conforme » (the case of a year projected
    below, above)."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 12, 31))
    e, st_ = _one_target_in_four("2022-11", n3_fte="0.35", n3_exit=date(2022, 11, 30))
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert y.provisional and y.compliant is False and y.target_share == denoised(D(11) / D("36.85"))
    assert (y.extra["forecast_compliant"], y.extra["forecast_extra_target_fte"], y.extra["forecast_hire_from"]) == (
        True, 0, None)
    assert y.summary.fr.endswith(" ; projetée conforme sans engagement supplémentaire.")
    c = check(e, W16, Period.calendar_year(2022), st_)
    assert [x.fr for x in c.to_fix] == ["Garder le public cible actuel : l'année est projetée conforme sans "
                                        "engagement supplémentaire (ei check-quota --forecast)."]


def test_brussels_2018_mandate_minimums():
    """bruxelles-2018: ≥ 4 target FTE and ≥ 1 FTE encadrement, on average over the agrément year.

    4 target at 1 FTE, S encadrement 0,5 → target ok (4 ≥ 4), encadrement 0,5 < 1 → not compliant,
    supervision_shortfall_fte 0,50; target shortfall 0.
    """
    ws = [worker(f"T{i}") for i in range(4)] + [worker("S", fte="0.5", function=Function.SUPERVISION)]
    pays = [pay(f"T{i}", "2024-01", "2024-12") for i in range(4)] + [pay("S", "2024-01", "2024-12", "0.5")]
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    st_ = Statuses({**{f"T{i}": True for i in range(4)}, "S": False})
    y = evaluate_quota(e, B18, Period.calendar_year(2024), st_).latest
    assert y.target_fte == 4 and y.compliant is False and y.shortfall_fte == 0
    assert y.extra["supervision_shortfall_fte"] == D("0.50")
    # The target count rests on the provisional reading of the target public (the 2004 groups, D7), and a
    # reason says so, citing eligibility.definition marked inferred (docs/interpretations.md).
    said = [r for r in y.reasons if r.parameter == "eligibility.definition"]
    assert len(said) == 1 and said[0].confidence == "inferred" and "provisoire" in said[0].text.fr


@pytest.mark.parametrize("case", ["sick", "replaced"])
def test_brussels_2018_encadrement_minimum_reads_the_post_not_the_pay(case):
    """rules.md §6, « au moins 1 ETP d'encadrement »: a post (docs/interpretations.md « Brussels 2018 encadrement
    post »). Agrément 2020-01-01, calendar 2022 = agrément year 3; T0–T4 target full time all year.
    sick: E1 (encadrement, 1,0 contract) off sick 2022-03 and 2022-04, paid etp 0: paid mean (12 − 2) ÷ 12 = 0,83
    < 1, « non conforme » (the old reading). The contract: 1 × 365 ÷ 365 = 1,00 ≥ 1, conforme.
    replaced: E1 leaves on 2022-05-31, E2 (1,0) is hired on 2022-06-15: the contract over every counted day, the
    vacancy 2022-06-01 … 06-14 counting for 0 (no ceiling bounds this minimum, unlike the SIEG post): E1 151 days,
    E2 200, (1 × 151 + 1 × 200) ÷ 365 = 0,9616 < 1, non conforme, shortfall 1 − 0,9616 → 0,04; 351 days held."""
    ws = [worker(f"T{i}") for i in range(5)]
    pays = [pay(f"T{i}", "2022-01", "2022-12") for i in range(5)]
    if case == "sick":
        ws.append(worker("E1", function=Function.SUPERVISION))
        pays.append([PayMonth("E1", m, D(0) if m.month in (3, 4) else D(1), D("2000"))
                     for m in months("2022-01", "2022-12")])
        staffed, fte, shown, ok, short = 365, D(1), "1,00", True, D(0)
    else:
        ws += [worker("E1", exit=date(2022, 5, 31), function=Function.SUPERVISION),
               worker("E2", hire=date(2022, 6, 15), function=Function.SUPERVISION)]
        pays += [pay("E1", "2022-01", "2022-05"), pay("E2", "2022-06", "2022-06", "0.5"), pay("E2", "2022-07", "2022-12")]
        staffed, fte, shown, ok, short = 351, D("0.9616"), "0,96", False, D("0.04")
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    statuses = Statuses({**{f"T{i}": True for i in range(5)}, "E1": False, "E2": False})
    y = evaluate_quota(e, B18, Period.calendar_year(2022), statuses).latest
    assert y.compliant is ok and y.extra["supervision_fte"] == fte and y.extra["supervision_shortfall_fte"] == short
    assert y.extra["supervision_post_days"] == staffed
    assert f"5,00 ETP public cible (minimum 4,00), {shown} ETP d'encadrement (minimum 1,00)" in y.summary.fr
    (post,) = [r for r in y.reasons if r.parameter == "quota.mandate_supervision_measure"]
    assert post.text.fr.startswith(f"Encadrement : {shown} ETP en moyenne selon l'etp contractuel (feuille Personnel) "
                                   f"sur les 365 jours comptés (2022-01-01 – 2022-12-31), dont {staffed} jours avec une "
                                   "personne d'encadrement au moins sous contrat, un jour sans personne comptant pour 0")
    assert post.text.en.startswith(f"Encadrement: {shown.replace(',', '.')} FTE on average by the contractual fte "
                                   f"(Personnel sheet) over the 365 counted days (2022-01-01 – 2022-12-31), {staffed} "
                                   "days of them with at least one encadrement person under contract")


def _brussels_2018_just_under_four():
    """bruxelles-2018, agrément 2020-01-01, calendar 2024 = agrément year 5: T0–T3 (target) at 1 FTE all year
    but T3 paid etp 0,967742 (30/31) in January; S (encadrement, not target) at 1 FTE."""
    ws = [worker(f"T{i}") for i in range(4)] + [worker("S", function=Function.SUPERVISION)]
    pays = [pay(f"T{i}", "2024-01", "2024-12") for i in range(3)] + [pay("S", "2024-01", "2024-12")]
    pays.append([PayMonth("T3", Month(2024, 1), D("0.967742"), D("2000"))] + pay("T3", "2024-02", "2024-12"))
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    return e, Statuses({**{f"T{i}": True for i in range(4)}, "S": False})


def test_brussels_2018_average_just_under_its_minimum_is_not_printed_on_it():
    """Target FTE = (3 × 12 + 11 + 0,967742) ÷ 12 = 47,967742 ÷ 12 = 3,9973118 < 4: not compliant. Rounded
    half up to the hundredth it read « 4,00 ETP public cible (minimum 4,00) … non conforme »: beside its
    minimum it is printed to 4 places rounded away from it, 3,9973; S's 1 FTE = the minimum stays 1,00."""
    e, st_ = _brussels_2018_just_under_four()
    y = evaluate_quota(e, B18, Period.calendar_year(2024), st_).latest
    assert y.compliant is False and y.target_fte == denoised(D("47.967742") / 12)
    assert "non conforme — 3,9973 ETP public cible (minimum 4,00), 1,00 ETP d'encadrement (minimum 1,00)" \
        in y.summary.fr
    assert "not compliant — 3.9973 target-public FTE (minimum 4.00), 1.00 FTE of encadrement" in y.summary.en
    # The average's line says the Σ FTE-months behind it (it read « En moyenne : 3,9973 ETP public cible, 1,00
    # ETP d'encadrement, sur 12 mois »): 47,967742 ÷ 12 = 3,9973; S's post, 1 × 366 ÷ 366 = 1,00, its own line.
    assert [r.text.fr for r in y.reasons if r.text.fr.startswith("En moyenne")] == [
        "En moyenne : 47,9677 ETP-mois public cible ÷ 12 mois = 3,9973 ETP public cible."]
    assert [r.text.en for r in y.reasons if r.text.en.startswith("On average")] == [
        "On average: 47.9677 target-public FTE-months ÷ 12 months = 3.9973 target-public FTE."]
    assert y.to_dict()["target_fte"] == D("3.9973")  # JSON: 4 places half up, as before


def test_a_walloon_fte_minimum_missed_is_never_printed_as_reached():
    """wallonie-2016, the 1-FTE minimum (rules.md §3.2).
    Average (agrément 2020-01-01, calendar 2024 = year 5, ≥ 50 %): T (target) at 1 FTE but 0,96 in June, N
    (not target) at 0,5 → T = 11,96 FTE-months ÷ 12 = 0,99667 < 1 (share 11,96 ÷ 17,96 = 66,6 % ≥ 50 %): not
    compliant on the minimum. The reason read « en moyenne 1,00 ETP public cible » beside « au moins 1,00 »,
    the headline floored it to 0,99; both now print 0,9966 (4 places, rounded away from 1).
    Year 1 (agrément 2024-01-01, judged on 2024-12-31): T paid etp 0,996 → 0,996 FTE that day < 1, printed
    « 1,00 ETP public cible » in the point-value reason; now 0,9960."""
    ws = [worker("T"), worker("N", fte="0.5", function=Function.MANAGEMENT)]
    t_pay = [PayMonth("T", m, D("0.96") if m == Month(2024, 6) else D(1), D("2000"))
             for m in months("2024-01", "2024-12")]
    y = evaluate_quota(enterprise(ws, [t_pay, pay("N", "2024-01", "2024-12", "0.5")], agrement=date(2020, 1, 1)),
                       W16, Period.calendar_year(2024), Statuses({"T": True, "N": False})).latest
    assert y.year == 5 and y.compliant is False
    assert y.summary.fr.endswith("; 0,9966 ETP de public cible pour un minimum de 1,00.")
    assert y.summary.en.endswith("; 0.9966 target-public FTE for a minimum of 1.00.")
    assert any("en moyenne 0,9966 ETP public cible sur 1,50 ETP" in r.text.fr for r in y.reasons)
    assert any("on average 0.9966 target FTE out of 1.50 FTE" in r.text.en for r in y.reasons)
    ws1 = [worker("T", hire=date(2024, 1, 1), fte="0.996"), worker("N", hire=date(2024, 1, 1), fte="0.5")]
    e1 = enterprise(ws1, [pay("T", "2024-01", "2024-12", "0.996"), pay("N", "2024-01", "2024-12", "0.5")],
                    agrement=date(2024, 1, 1))
    y1 = evaluate_quota(e1, W16, Period.calendar_year(2024), Statuses({"T": True, "N": False})).latest
    assert y1.year == 1 and y1.compliant is False
    assert any(r.text.fr.startswith("Le 2024-12-31 : 0,9960 ETP public cible sur 1,50 ETP") for r in y1.reasons)
    assert "0,9960 ETP de public cible pour un minimum de 1,00" in y1.summary.fr


def test_json_fte_judged_against_a_minimum_never_lands_on_it():
    """The JSON keeps an FTE to 4 places, but one judged against a minimum is never rounded onto the minimum
    it misses (``shown_beside`` at 4 places: 6 places, rounded away from it, when 4 would land on it) — the
    documents print these JSON figures with ``nombre(beside=…)``, which cannot undo a rounding already made.
    Brussels 2018 (``_brussels_2018_just_under_four`` with T3 and S paid 0,9995 in January): target
    (47 + 0,9995) ÷ 12 = 3,99995833 < 4 → JSON 3.999958 (half up to 4 places it was 4, and the document read
    « 4,00 ETP (minimum 4,00) … non conforme » where ``ei check`` says 3,9999); encadrement (11 + 0,9995) ÷ 12
    = 0,99995833 < 1 → 0.999958 (was 1), printed 0,9999 beside its minimum — the encadrement is read on its
    contract (« Brussels 2018 encadrement post »): S's Personnel etp 0,99995833 all year, 0,99995833 × 366 ÷ 366.
    Wallonia 2016, the 1-FTE minimum: year 5, T (target) paid 0,9995 in June, N (not target) 0,5 → T =
    11,9995 ÷ 12 = 0,99995833 < 1 → 0.999958 (was 1); year 1 judged on 2024-12-31, T paid 0,99995 → 0,99995
    that day < 1 → 0.99995 (was 1). A figure on the right side keeps its 4 places half up (3.9973 above)."""
    from ei_cli import documents

    e, st_ = _brussels_2018_just_under_four()
    jan = Month(2024, 1)
    e = Enterprise(e.name, e.region, e.agrement_date, workers=tuple(
                       replace(w, fte=D("0.99995833")) if w.worker_id == "S" else w for w in e.workers),
                   pay=tuple(PayMonth(p.worker_id, p.month, D("0.9995"), p.gross_pay)
                             if p.month == jan and p.worker_id in ("T3", "S") else p for p in e.pay))
    y = evaluate_quota(e, B18, Period.calendar_year(2024), st_).latest
    d = y.to_dict()
    assert y.compliant is False and (d["target_fte"], d["supervision_fte"]) == (D("3.999958"), D("0.999958"))
    assert "3,9999 ETP public cible (minimum 4,00), 0,9999 ETP d'encadrement" in y.summary.fr
    assert documents.fmt_number(d["target_fte"], 2, beside=d["min_target_fte"]) == "3,9999"
    assert documents.fmt_number(d["supervision_fte"], 2, beside=d["min_supervision_fte"]) == "0,9999"

    ws = [worker("T"), worker("N", fte="0.5", function=Function.MANAGEMENT)]
    t_pay = [PayMonth("T", m, D("0.9995") if m == Month(2024, 6) else D(1), D("2000"))
             for m in months("2024-01", "2024-12")]
    y = evaluate_quota(enterprise(ws, [t_pay, pay("N", "2024-01", "2024-12", "0.5")], agrement=date(2020, 1, 1)),
                       W16, Period.calendar_year(2024), Statuses({"T": True, "N": False})).latest
    assert y.year == 5 and y.compliant is False and y.to_dict()["target_fte"] == D("0.999958")
    ws1 = [worker("T", hire=date(2024, 1, 1), fte="0.99995"), worker("N", hire=date(2024, 1, 1), fte="0.5")]
    e1 = enterprise(ws1, [pay("T", "2024-01", "2024-12", "0.99995"), pay("N", "2024-01", "2024-12", "0.5")],
                    agrement=date(2024, 1, 1))
    y1 = evaluate_quota(e1, W16, Period.calendar_year(2024), Statuses({"T": True, "N": False})).latest
    assert y1.year == 1 and y1.compliant is False and y1.to_dict()["target_fte"] == D("0.99995")


def test_dashboard_check_and_reasons_cite_parameters():
    ws = [worker("A"), worker("B")]
    e = enterprise(ws, [pay(x, "2024-01", "2024-12") for x in "AB"])
    c = check(e, W16, Period.calendar_year(2024), Statuses(dict(A=True, B=False)))
    assert c.name == "quota" and c.compliant is True and c.details["required_share"] == D("0.3")
    params = {r.parameter for r in c.reasons}
    assert {"quota.required_share.year_2", "quota.averaging", "quota.denominator", "quota.min_target_fte"} <= params
    assert any(r.confidence == "inferred" for r in c.reasons)


# ------------------------------------------------------------------------------ properties
_fte = st.sampled_from(["0", "0.2", "0.5", "0.8", "1"])
_staff = st.lists(st.tuples(st.booleans(), st.lists(_fte, min_size=12, max_size=12)), min_size=1, max_size=6)


def _build(staff, extra=None):
    ws, pays, statuses = [], [], {}
    for i, (target, ftes) in enumerate(staff + ([extra] if extra else [])):
        wid = f"W{i}"
        ws.append(worker(wid))
        pays.append([PayMonth(wid, m, D(x), D(1000)) for m, x in zip(months("2024-01", "2024-12"), ftes) if x != "0"])
        statuses[wid] = target
    return ws, pays, Statuses(statuses)


@settings(max_examples=60, deadline=None)
@given(_staff, st.lists(_fte, min_size=12, max_size=12))
def test_property_share_bounded_and_adding_target_never_lowers_it(staff, ftes):
    ws, pays, st_ = _build(staff)
    before = evaluate_quota(enterprise(ws, pays), W16, Period.calendar_year(2024), st_).latest
    if before.target_share is not None:
        assert 0 <= before.target_share <= 1
    ws2, pays2, st2 = _build(staff, (True, ftes))
    after = evaluate_quota(enterprise(ws2, pays2), W16, Period.calendar_year(2024), st2).latest
    if before.target_share is not None:
        assert after.target_share >= before.target_share
        assert not (before.compliant is True and after.compliant is False)
    for a, b in zip(before.months, after.months):
        if a.share is not None:
            assert b.share >= a.share


@settings(max_examples=30, deadline=None)
@given(_staff, st.randoms(use_true_random=False))
def test_property_row_order_changes_nothing(staff, rnd):
    ws, pays, st_ = _build(staff)
    flat = [p for ps in pays for p in ps]
    a = evaluate_quota(enterprise(ws, [flat]), W16, Period.calendar_year(2024), st_).to_dict()
    ws2, flat2 = list(ws), list(flat)
    rnd.shuffle(ws2)
    rnd.shuffle(flat2)
    b = evaluate_quota(enterprise(ws2, [flat2]), W16, Period.calendar_year(2024), st_).to_dict()
    assert a == b


@settings(max_examples=40, deadline=None)
@given(_staff, st.integers(1, 31), st.sampled_from(["0.2", "0.5", "0.8", "1"]), st.booleans(), st.integers(1, 30))
@example(staff=[(False, ["1"] * 12)], hired_day=31, fte="1", target=True, exit_day=30)  # the judged day's edges
def test_property_year_1_point_value(staff, hired_day, fte, target, exit_day):
    """Year 1 (agrément 2024-01-01) is judged on 2024-12-31 (Q3):

    * a worker hired on day d of December at etp f (Paie etp f × (32 − d) / 31, the month's average)
      adds exactly f to the total FTE that day (and to the target FTE if target);
    * a worker who leaves on day e < 31 of December changes nothing, whatever they were paid.
    """
    ws, pays, st_ = _build(staff)
    ws, pays = ws + [worker("B")], pays + [pay("B", "2024-01", "2024-12")]   # Paie known to December
    st_.by_id["B"] = False
    year = Period.calendar_year(2024)
    before = evaluate_quota(enterprise(ws, pays, agrement=date(2024, 1, 1)), W16, year, st_).latest
    new = worker("H", hire=date(2024, 12, hired_day), fte=fte)
    paid = D(fte) * (32 - hired_day) / 31
    st_.by_id["H"] = target
    after = evaluate_quota(enterprise(ws + [new], pays + [[PayMonth("H", Month(2024, 12), paid, D(1000))]],
                                      agrement=date(2024, 1, 1)), W16, year, st_).latest
    assert abs(after.total_fte - before.total_fte - D(fte)) < D("1e-20")
    assert abs(after.target_fte - before.target_fte - (D(fte) if target else 0)) < D("1e-20")
    del st_.by_id["H"]
    gone = worker("L", exit=date(2024, 12, exit_day))
    st_.by_id["L"] = target
    left = evaluate_quota(enterprise(ws + [gone], pays + [pay("L", "2024-01", "2024-12")],
                                     agrement=date(2024, 1, 1)), W16, year, st_).latest
    assert (left.target_fte, left.total_fte, left.target_share, left.compliant, left.shortfall_fte) == \
           (before.target_fte, before.total_fte, before.target_share, before.compliant, before.shortfall_fte)


# ------------------------------------------------------------------------------ CLI on the sample
def test_cli_table_sample_is_compliant():
    r = runner.invoke(app, ["check-quota", str(SAMPLE)])
    assert r.exit_code == 0, r.output
    assert "Année d'agrément 3" in r.output and "CONFORME" in r.output and "Mois" in r.output


def test_cli_json_sample():
    r = runner.invoke(app, ["check-quota", str(SAMPLE), "--format", "json", "--year", "2025"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["command"] == "check-quota" and doc["compliant"] is True and doc["regime"] == "wallonie-2016"
    for key in ("required_share", "target_share", "target_fte", "total_fte", "shortfall_fte", "months",
                "agrement_years"):
        assert key in doc
    assert [y["year"] for y in doc["agrement_years"]] == [1, 2]
    assert set(doc["months"][0]) >= {"month", "target_fte", "total_fte", "share"}
    assert all(r_["reference"] for r_ in doc["reasons"][:2])


def test_cli_csv_and_forecast_and_explain():
    r = runner.invoke(app, ["check-quota", str(SAMPLE), "-f", "csv", "--at", "2025-01-15"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("agrement_year,year_start,year_end,month,target_fte") and len(lines) == 13
    r = runner.invoke(app, ["check-quota", str(SAMPLE), "--forecast", "--explain", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "Forecast" in r.output and "Annual average" in r.output


def test_cli_year_and_at_exclusive():
    r = runner.invoke(app, ["check-quota", str(SAMPLE), "--year", "2025", "--at", "2025-01-01"])
    assert r.exit_code == 2


def test_cli_not_compliant_exits_1(make_workbook, workbook_sheets):
    """The test workbook (agrément 2021-03-01, Paie 2024-01..02) with nobody registered as DEI.

    Then nobody is target public (M2 fails): agrément year 3 (2023-03-01 – 2024-02-29) has 0 % for 50 %
    required → not compliant, exit 1; the months before 2024-01 come from Personnel.etp (warnings).
    """
    from helpers_workbook import set_value

    set_value(workbook_sheets, "Personnel", 1, "inscrit_dei", "non")
    set_value(workbook_sheets, "Personnel", 2, "inscrit_dei", "non")
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check-quota", str(path), "-f", "json"])
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert doc["compliant"] is False and doc["agrement_year"] == 3 and doc["target_share"] == 0
    assert doc["shortfall_fte"] > 0
    assert any(p["code"] == "payroll_missing_month" for p in doc["problems"])


def test_a_share_just_below_the_requirement_never_shows_as_reaching_it():
    """1,995 target FTE of 9,995 FTE = 0,199599… : rounded half up it printed « 20,0 % … pour 20,0 %
    exigés » beside « non conforme ». Shares are rounded down: 19,9 %. An exact 20 % stays 20,0 %;
    4 ÷ 7 = 0,571428… → 57,1 %."""
    from ei_cli.rules.common import share_text

    assert share_text(D("1.995") / D("9.995")) == "19,9 %"
    assert share_text(D("0.2")) == "20,0 %" and share_text(D("0.2"), "en") == "20.0 %"
    assert share_text(D(4) / D(7)) == "57,1 %"


def test_brussels_2004_a_month_begun_before_the_100th_day_is_not_judged():
    """Agrément 2015-01-21 → effective 2015-01-21 + 100 days = 2015-05-01 (counted from the next day;
    the old count, agrément day as day 1, gave 2015-04-30 and judged April). N1, N2 production not
    target all year; P target from 2015-05-01: April = 0 / 2 = 0 % is not judged; every month from
    May = 1 / 3 = 33,3 % ≥ 30 % → compliant."""
    ws = [worker("N1", hire=date(2015, 1, 21)), worker("N2", hire=date(2015, 1, 21)),
          worker("P", hire=date(2015, 5, 1))]
    pays = [pay(x, "2015-01", "2015-12") for x in ("N1", "N2")] + [pay("P", "2015-05", "2015-12")]
    e = enterprise(ws, pays, agrement=date(2015, 1, 21), region=Region.BRUXELLES)
    y = evaluate_quota(e, B04, Period.calendar_year(2015), Statuses(dict(N1=False, N2=False, P=True))).latest
    assert [m.month.month for m in y.months if m.judged][0] == 5
    assert y.compliant is True


def test_brussels_2018_shared_encadrement_needs_one_person_at_half_time():
    """bruxelles-2018 mandate: ≥ 1 FTE encadrement « si partagé, une personne au moins à mi-temps »
    (rules.md §6). Four target workers at 1 FTE (4 ≥ 4) and four encadrement people at 0,25 FTE each:
    1,00 FTE of encadrement, but nobody at 0,5 → not compliant. With one of them at 0,5 (and the others
    at 0,25: 1,25 FTE) → compliant."""
    def mandate(ftes):
        ws = [worker(f"T{i}", hire=date(2020, 1, 1)) for i in range(4)]
        ws += [worker(f"E{i}", hire=date(2020, 1, 1), fte=f, function=Function.SUPERVISION) for i, f in enumerate(ftes)]
        pays = [pay(w.worker_id, "2021-01", "2021-12", fte=str(w.fte)) for w in ws]
        e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
        statuses = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
        return evaluate_quota(e, get_regime("bruxelles-2018"), Period.calendar_year(2021), statuses).latest

    split = mandate(["0.25"] * 4)
    assert split.extra["supervision_fte"] == 1 and split.compliant is False
    assert any("une personne au moins à 0,50 ETP — non" in r.text.fr for r in split.reasons)
    assert mandate(["0.5", "0.25", "0.25", "0.25"]).compliant is True


def test_brussels_2018_half_time_rule_is_said_in_headline_shortfall_and_to_fix():
    """Auditor's case 8b. bruxelles-2018, agrément 2020-01-01, calendar 2021 = agrément year 2, closed:
    T0–T3 (target) at 1 FTE and T4 (target) at 0,5 → 4,5 target FTE ≥ 4; E0–E2 (encadrement) at 0,4 each →
    3 × 0,4 = 1,2 FTE ≥ 1, but nobody at 0,5 (quota.mandate_supervision_one_person_min_fte) → not compliant.
    The headline read « 4,50 … (minimum 4,00), 1,20 … (minimum 1,00) » with nothing to fix: now it names the
    half-time rule and what to fix says to bring one person to 0,50 FTE. The average's shortfall stays
    1 − 1,2 < 0 → 0; the rule's own gap is 0,5 − 0,4 = 0,10 FTE (supervision_half_time_gap_fte), never
    folded into it (« il lui manquait 0,10 ETP d'encadrement » beside « porter une personne à 0,50 ETP »)."""
    ws = [worker(f"T{i}", hire=date(2020, 1, 1)) for i in range(4)] + [worker("T4", hire=date(2020, 1, 1), fte="0.5")]
    ws += [worker(f"E{i}", hire=date(2020, 1, 1), fte="0.4", function=Function.SUPERVISION) for i in range(3)]
    pays = [pay(w.worker_id, "2020-01", "2021-12", fte=str(w.fte)) for w in ws]
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    statuses = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
    c = check(e, B18, Period.calendar_year(2021), statuses)
    assert c.compliant is False
    assert c.summary.fr.endswith("4,50 ETP public cible (minimum 4,00), 1,20 ETP d'encadrement (minimum 1,00), "
                                 "aucune personne d'encadrement à mi-temps (0,50 ETP).")
    assert "no encadrement person at half-time (0.50 FTE)" in c.summary.en
    assert c.details["supervision_shortfall_fte"] == 0 and c.details["supervision_half_time_met"] is False
    assert c.details["supervision_half_time_gap_fte"] == D("0.10")
    assert c.details["shortfall_fte"] == 0
    assert [x.fr for x in c.to_fix] == ["Porter une personne d'encadrement à 0,50 ETP au moins (contrat, feuille "
                                        "Personnel) : l'encadrement partagé exige une personne à mi-temps."]
    # Someone at half-time: no such line, and the flag says the rule is met.
    ws[-1] = worker("E2", hire=date(2020, 1, 1), fte="0.5", function=Function.SUPERVISION)
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    ok = check(e, B18, Period.calendar_year(2021), statuses)
    assert ok.compliant is True and ok.details["supervision_half_time_met"] is True and not ok.to_fix
    assert ok.details["supervision_half_time_gap_fte"] == 0


def test_brussels_2018_half_time_rule_counts_a_person_not_a_contract():
    """bruxelles-2018, agrément 2020-01-01, calendar 2021 = agrément year 2, closed. T0–T4 (target) full time:
    5 ≥ 4. Encadrement: E1 and E2, two concurrent 0,3 FTE contracts of one person (same national number), and
    E3 at 0,4: 0,3 + 0,3 + 0,4 = 1,0 FTE ≥ 1 on average. The half-time rule was judged per contract
    (largest 0,4 < 0,5: « non », gap 0,10); that person holds 0,3 + 0,3 = 0,6 ≥ 0,5 → met, compliant,
    gap 0. Without national numbers E1 and E2 are two people at 0,3: largest 0,4, gap 0,5 − 0,4 = 0,10, the
    reason counts 3 persons. A person re-hired (E1 to 2021-06-30 at 0,3, E2 from 2021-07-01 at 0,3) is never
    under both at once: 0,3 at most, not 0,6 → largest 0,4 (E3), gap 0,10, 2 persons."""
    x = "80020230012"

    def year_2021(enc):
        ws = [worker(f"T{i}", hire=date(2020, 1, 1)) for i in range(5)]
        ws += [replace(worker(wid, hire=hire, exit=exit, fte=fte, function=Function.SUPERVISION), national_number=n)
               for wid, hire, exit, fte, n in enc]
        pays = [pay(w.worker_id, "2021-01", "2021-12", fte=str(w.fte)) for w in ws if w.exit_date is None
                and w.hire_date <= date(2021, 1, 1)]
        pays += [pay(w.worker_id, "2021-01", "2021-06", fte=str(w.fte)) for w in ws if w.exit_date]
        pays += [pay(w.worker_id, "2021-07", "2021-12", fte=str(w.fte)) for w in ws if w.hire_date == date(2021, 7, 1)]
        e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
        statuses = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
        return check(e, B18, Period.calendar_year(2021), statuses)

    together = year_2021([("E1", date(2020, 1, 1), None, "0.3", x), ("E2", date(2020, 1, 1), None, "0.3", x),
                          ("E3", date(2020, 1, 1), None, "0.4", "80010130045")])
    assert together.details["supervision_fte"] == 1
    assert together.compliant is True and together.details["supervision_half_time_met"] is True
    assert together.details["supervision_half_time_gap_fte"] == 0
    # Without the national number, E1 and E2 are two people at 0,3: nobody at half-time.
    apart = year_2021([("E1", date(2020, 1, 1), None, "0.3", None), ("E2", date(2020, 1, 1), None, "0.3", None),
                       ("E3", date(2020, 1, 1), None, "0.4", None)])
    assert apart.compliant is False and apart.details["supervision_half_time_gap_fte"] == D("0.10")
    assert any("non (3 personnes, chacune en dessous)" in r.text.fr for r in apart.reasons)
    assert any("no (3 persons, each below it)" in r.text.en for r in apart.reasons)
    # One person re-hired, never under both contracts at once: 0,3 at most, not 0,6.
    rehired = year_2021([("E1", date(2020, 1, 1), date(2021, 6, 30), "0.3", x), ("E2", date(2021, 7, 1), None, "0.3", x),
                         ("E3", date(2020, 1, 1), None, "0.4", "80010130045")])
    assert rehired.details["supervision_half_time_met"] is False
    assert rehired.details["supervision_half_time_gap_fte"] == D("0.10")
    assert any("non (2 personnes, chacune en dessous)" in r.text.fr for r in rehired.reasons)
    # One encadrement person at 0,3 < 0,5: the count and its words in the singular (« 1 personne(s), chacune »).
    alone = year_2021([("E3", date(2020, 1, 1), None, "0.3", None)])
    assert any("non (1 personne, en dessous)" in r.text.fr for r in alone.reasons)
    assert any("no (1 person, below it)" in r.text.en for r in alone.reasons)


def test_brussels_2018_half_time_rule_is_never_solved_as_an_average_to_hire(monkeypatch):
    """Judged on 2024-09-15. bruxelles-2018, agrément 2020-01-01 → year 5 = 2024; Paie January–August, k = 4
    months to come (September–December), n = 12. E0–E2 (encadrement, not target) at 0,4 each: 1,2 FTE on
    average ≥ 1, but nobody at 0,5 → the half-time rule fails, gap 0,5 − 0,4 = 0,10 FTE. That gap was folded
    into the average's shortfall and solved as one: y = 0,10 × 12 ÷ 4 = 0,30 FTE of encadrement to hire
    (0,60 with Paie to October, k = 2) — hiring more does not put anyone at half-time.
    T0–T4 (target) full time: 5 ≥ 4 (share 5 ÷ 6,2 = 80,6 %), the target is enough → « le public cible suffit ; porter une personne
    d'encadrement à 0,50 ETP la rend conforme », no encadrement FTE to hire.
    T0–T2 (target) and N0–N2 (not target) full time: target 3 on average; a hire counts from the day after
    today (2024-09-16: September for 15 days out of 30), k = 0,5 + 3 = 3,5 → x × 3,5 = (4 − 3) × 12 → x = 3,4286
    → 3,43 FTE, hired beside the contract raised: « engager 3,43 ETP de public cible à partir de 2024-09 et porter une
    personne d'encadrement à 0,50 ETP », said once: no second line « Porter une personne d'encadrement à 0,50
    ETP au moins … » after it (it appeared twice)."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 9, 15))

    def year_2024(ids):
        ws = [worker(i, hire=date(2019, 6, 1)) for i in ids]
        ws += [worker(f"E{i}", hire=date(2019, 1, 1), fte="0.4", function=Function.SUPERVISION) for i in range(3)]
        pays = [pay(w.worker_id, "2024-01", "2024-08", str(w.fte)) for w in ws]
        e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
        status = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
        return e, status

    e, status = year_2024([f"T{i}" for i in range(5)])
    f = forecast_quota(e, B18, Month(2024, 8).last_day, status)
    assert not f.extra_supervision_fte and f.extra_target_fte == 0
    # The averages beside their minimums, not a share the regime does not judge (« (80,6 %) » before the audit).
    assert f.summary.fr == ("Année d'agrément 5 : projetée non conforme (5,00 ETP public cible pour un minimum de 4,00 ; "
                            "1,20 ETP d'encadrement pour un minimum de 1,00) ; le public cible suffit ; porter une "
                            "personne d'encadrement à 0,50 ETP la rend conforme.")
    assert "raising one encadrement person to 0.50 FTE makes it compliant" in f.summary.en
    c = check(e, B18, Period.calendar_year(2024), status)
    assert c.details["supervision_shortfall_fte"] == 0 and c.details["supervision_half_time_gap_fte"] == D("0.10")
    assert [(x.fr, x.en) for x in c.to_fix] == [
        ("Porter une personne d'encadrement à 0,50 ETP au moins (contrat, feuille Personnel) : l'encadrement partagé "
         "exige une personne à mi-temps.",
         "Raise one encadrement person to 0.50 FTE at least (contract, Personnel sheet): shared encadrement needs one "
         "person at half-time.")]

    e, status = year_2024(["T0", "T1", "T2", "N0", "N1", "N2"])
    c = check(e, B18, Period.calendar_year(2024), status)
    assert "projection : engager 3,43 ETP de public cible à partir de 2024-09 et porter une personne " \
        "d'encadrement à 0,50 ETP la rend conforme" in c.summary.fr
    assert "ETP d'encadrement à partir" not in c.summary.fr
    # The whole list: the half-time advice once, beside the hire — not again in a line of its own.
    assert [(x.fr, x.en) for x in c.to_fix] == [
        ("Engager 3,43 ETP de public cible à partir de 2024-09 (ou augmenter d'autant le temps de travail) et porter "
         "une personne d'encadrement à 0,50 ETP : la projection de l'année la rend alors conforme (ei check-quota "
         "--forecast).",
         "Hire 3.43 target-public FTE from 2024-09 (or raise the working time as much) and raise one encadrement "
         "person to 0.50 FTE: the year's projection then complies (ei check-quota --forecast).")]
    assert "forecast_extra_supervision_fte" not in c.details["agrement_years"][0]


def test_running_year_carries_its_projection_advice_to_check(monkeypatch):
    """Judged on 2024-09-15. bruxelles-2018, agrément 2020-01-01 → year 5 = 2024; Paie January–August. T0–T2 (target)
    and N0–N2 (not target) full time, E0–E2 (encadrement) at 0,4: target 3 < 4 on average, nobody at 0,5 (gap
    0,5 − 0,4 = 0,10 FTE). The advice was decided twice: on the projected year (headline, reason) and again by
    ``check`` on the known months. The half-time rule reads each encadrement contract over the whole agrément
    year in both, so the two never disagreed (a contract starting after the last Paie month counts in both); the
    year now carries the one advice, decided on the projected year (its 12 months, 4 of them projected), and
    ``check``'s what to fix is that advice's line: x × 3,5 = (4 − 3) × 12 → 3,43 FTE from 2024-09."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 9, 15))
    ws = [worker(i, hire=date(2019, 6, 1)) for i in ("T0", "T1", "T2", "N0", "N1", "N2")]
    ws += [worker(f"E{i}", hire=date(2019, 1, 1), fte="0.4", function=Function.SUPERVISION) for i in range(3)]
    e = enterprise(ws, [pay(w.worker_id, "2024-01", "2024-08", str(w.fte)) for w in ws], agrement=date(2020, 1, 1),
                   region=Region.BRUXELLES)
    status = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
    (y,) = evaluate_quota(e, B18, Period.calendar_year(2024), status).years
    assert (y.advice.case, y.advice.target, y.advice.hire_from) == ("hire", D("3.43"), Month(2024, 9))
    assert len(y.advice.half_of.months) == 12 and sum(m.projected for m in y.advice.half_of.months) == 4
    c = check(e, B18, Period.calendar_year(2024), status)
    assert [x.fr for x in c.to_fix] == [
        "Engager 3,43 ETP de public cible à partir de 2024-09 (ou augmenter d'autant le temps de travail) et porter "
        "une personne d'encadrement à 0,50 ETP : la projection de l'année la rend alors conforme (ei check-quota "
        "--forecast)."]


# ------------------------------------------------------------------------------ boundary months (agrément mid-month)
W03 = get_regime("wallonie-2003")


def _agrement_on_the_15th():
    """wallonie-2003, agrément 2005-03-15: T target full time from 2006-03-15 (Paie March 2006 etp 17/31); N0, N1
    not target, full time from 2005-03-15; six not target hired 2007-03-15 (Paie March 2007 etp 17/31 each).
    Enterprise, statuses."""
    p17 = D(17) / D(31)
    ws = [worker("T", hire=date(2006, 3, 15)), worker("N0", hire=date(2005, 3, 15)), worker("N1", hire=date(2005, 3, 15))]
    ws += [worker(f"L{i}", hire=date(2007, 3, 15)) for i in range(6)]
    pays = [[PayMonth("T", Month(2006, 3), p17, D(1000))], pay("T", "2006-04", "2007-03"),
            pay("N0", "2005-03", "2007-03"), pay("N1", "2005-03", "2007-03")]
    pays += [[PayMonth(f"L{i}", Month(2007, 3), p17, D(1000))] for i in range(6)]
    return enterprise(ws, pays, agrement=date(2005, 3, 15)), Statuses({w.worker_id: w.worker_id == "T" for w in ws})


def test_boundary_months_count_only_their_days_inside_the_year():
    """Auditor's case. wallonie-2003, agrément 2005-03-15 → year 2 = 2006-03-15 … 2007-03-14, 30 % required.

    T target full time from 2006-03-15 (Paie March 2006 etp 17/31); N0, N1 not target, full time throughout;
    six not target hired 2007-03-15, the day after year 2 ends (Paie March 2007 etp 17/31 each).
    Boundary months: 2006-03 has 17 days in the year (15–31), 2007-03 has 14 (1–14).
    T: 2006-03 (17/31 ÷ 17/31 = 1 a day) × 17 ÷ 31 = 17/31, 11 whole months, 2007-03 1 × 14 ÷ 31 = 14/31 → 12.
    N0, N1: 17/31 + 11 + 14/31 = 12 each; the six: 0 days employed in 2007-03-01 … 14 → 0.
    T = 12, D = 36 → 33,3 % ≥ 30 %; months counted 17/31 + 11 + 14/31 = 12; average target 1 ≥ 1 → compliant.
    (Old code, 13 whole months: T = 12 + 17/31 = 12,548, D = 12,548 + 26 + 6 × 17/31 = 41,839 → 29,99 %,
    not compliant.)
    """
    e, st_ = _agrement_on_the_15th()
    r = evaluate_quota(e, W03, Period(date(2006, 6, 1), date(2006, 6, 1)), st_)
    (y,) = r.years
    assert (y.year, y.judged_on, y.required_share) == (2, "average", D("0.3"))
    tiny = D("1e-20")
    assert y.target_share == denoised(D(1) / D(3)) and abs(y.target_fte - 1) < tiny and abs(y.total_fte - 3) < tiny
    assert y.compliant is True and y.shortfall_fte == 0 and not y.provisional
    assert y.extra["months_counted"] == 12
    d = r.to_dict()
    first, last = d["months"][0], d["months"][-1]
    assert (first["month"], first["days_in_year"], first["weight"]) == ("2006-03", 17, D("0.5484"))
    assert first["counted_target_fte"] == D("0.5484") and first["counted_total_fte"] == D("1.6452")   # 3 × 17/31
    assert (last["month"], last["days_in_year"], last["counted_total_fte"]) == ("2007-03", 14, D("1.3548"))  # 3 × 14/31
    assert last["total_fte"] == D("6.2903")     # the whole month's row stays: 3 + 6 × 17/31
    assert all("days_in_year" not in m for m in d["months"][1:-1])
    assert any("2006-03 (17 jours sur 31)" in x["text"] for x in d["reasons"])
    assert "sur 12 mois" in y.reasons[-1].text.fr or any("sur 12 mois" in x["text"] for x in d["reasons"])


def test_the_table_shows_a_month_shared_with_the_next_agrement_year_with_its_part():
    """The case above in `ei check-quota`'s table: a month shared by two agrément years (agrément on the 15th)
    is shown whole — 2006-03: T 17/31 + N0 1 + N1 1 = 2,55 FTE; 2007-03: 3 + 6 × 17/31 = 6,29 — and its note
    says the part the year counts: « 17/31 j. dans l'année : 0,55 / 1,65 » (T 17/31 = 0,548; 3 × 17/31 = 1,645)
    and « 14/31 j. dans l'année : 0,45 / 1,35 » (T 14/31 = 0,452; 3 × 14/31 = 1,355, the six hired on the 15th
    having no day in it); a whole month has no such note."""
    from rich.console import Console

    from ei_cli.output import RunOptions
    from ei_cli.render.quota import quota_table

    e, st_ = _agrement_on_the_15th()
    result = evaluate_quota(e, W03, Period(date(2006, 6, 1), date(2006, 6, 1)), st_)
    rows = {}
    for lang in ("fr", "en"):
        con = Console(record=True, width=200, file=io.StringIO())
        quota_table(con, result, e, None, RunOptions(lang=lang))
        rows[lang] = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
                      for line in con.export_text().splitlines() if line.startswith("│ 200")}
    fr, en = rows["fr"], rows["en"]
    assert (fr["2006-03"][1], fr["2006-03"][-1]) == ("2,55", "17/31 j. dans l'année : 0,55 / 1,65")
    assert (fr["2007-03"][1], fr["2007-03"][-1]) == ("6,29", "14/31 j. dans l'année : 0,45 / 1,35")
    assert en["2007-03"][-1] == "14/31 days in the year: 0.45 / 1.35"
    assert fr["2006-04"][-1] == "" and len(fr) == 13


def test_a_target_worker_only_outside_the_year_no_longer_counts():
    """The other way. wallonie-2003, agrément 2005-03-15 → year 2 = 2006-03-15 … 2007-03-14, 30 % required.

    A target 1 FTE, B target 0,26 FTE, N0–N2 not target 1 FTE, all employed throughout; T target hired
    2007-03-15 (the day after the year ends), Paie March 2007 etp 17/31.
    Now: T has 0 days in 2007-03-01 … 14; every month counts 1,26 / 4,26 (the boundary months for their
    17/31 and 14/31): T = 12 × 1,26 = 15,12, D = 12 × 4,26 = 51,12 → 29,58 % < 30 % → not compliant.
    Shortfall (n = 17/31 + 11 + 14/31 = 12): x = (0,3 × 51,12 − 15,12) ÷ (0,7 × 12) = 0,216 ÷ 8,4 = 0,0257 → 0,03.
    Check: 15,48 / 51,48 = 30,07 %; with 0,02: 15,36 / 51,36 = 29,91 %.
    (Old code, 13 whole months: T = 13 × 1,26 + 17/31 = 16,928, D = 13 × 4,26 + 17/31 = 55,928 → 30,27 %,
    compliant.)
    """
    ws = [worker(x, hire=date(2005, 3, 15), fte="0.26" if x == "B" else "1") for x in ("A", "B", "N0", "N1", "N2")]
    ws.append(worker("T", hire=date(2007, 3, 15)))
    pays = [pay(w.worker_id, "2005-03", "2007-03", str(w.fte)) for w in ws[:-1]]
    pays.append([PayMonth("T", Month(2007, 3), D(17) / D(31), D(1000))])
    e = enterprise(ws, pays, agrement=date(2005, 3, 15))
    st_ = Statuses({w.worker_id: w.worker_id in ("A", "B", "T") for w in ws})
    y = evaluate_quota(e, W03, Period(date(2006, 6, 1), date(2006, 6, 1)), st_).latest
    assert y.year == 2 and y.target_share == denoised(D("15.12") / D("51.12"))
    assert y.target_fte == D("1.26") and y.total_fte == D("4.26")
    assert y.compliant is False and y.shortfall_fte == D("0.03")


def test_provisional_year_counts_its_known_days_in_months():
    """wallonie-2003, agrément 2005-03-15, Paie known to 2006-12: year 2 (2006-03-15 …) runs, known months
    2006-03 (17 days of 31 in the year) … 2006-12 → n = 17/31 + 9 = 9,548 months.
    A target 1 FTE and N not target 1 FTE throughout: T = D/2 = 9,548 → 50 %, average target FTE
    9,548 / 9,548 = 1 ≥ 1 → compliant, provisional. (Old code: 10 months, the same 50 %.)
    B target at 0,5 instead of A: 50 % but average 0,5 < 1 → shortfall (min·n − T) ÷ k with
    k = n = 9,548: (9,548 − 4,774) ÷ 9,548 = 0,50.
    """
    def year(fte):
        ws = [worker("A", hire=date(2005, 3, 15), fte=fte), worker("N", hire=date(2005, 3, 15), fte=fte)]
        pays = [pay(x, "2005-03", "2006-12", fte) for x in ("A", "N")]
        e = enterprise(ws, pays, agrement=date(2005, 3, 15))
        return evaluate_quota(e, W03, Period(date(2006, 6, 1), date(2006, 6, 1)), Statuses(dict(A=True, N=False))).latest

    y = year("1")
    assert y.provisional and y.extra["months_counted"] == D("9.5484")
    assert abs(y.target_share - D("0.5")) < D("1e-20") and y.compliant is True
    assert any("sur 9,5484 mois" in r.text.fr for r in y.reasons)   # n to 4 places, as in JSON (it said 9,55)
    half = year("0.5")
    assert half.compliant is False and half.shortfall_fte == D("0.50")


def test_brussels_2018_mandate_average_weighs_boundary_months():
    """bruxelles-2018, agrément 2020-09-16 → year 2 = 2021-09-16 … 2022-09-15 (September: 15 days of 30
    in the year at each end). T0–T3 target 1 FTE and S encadrement 1 FTE throughout; T4 target hired
    2022-09-16 (after the year), Paie September 2022 etp 15/30; X target left 2021-09-15 (before the year),
    Paie September 2021 etp 15/30.
    Target FTE-months: 4 × (15/30 + 11 + 15/30) = 48; months counted 12 → 4 on average ≥ 4; encadrement 1.
    (Old code, 13 whole months: (4 × 13 + 0,5 + 0,5) / 13 = 53 / 13 = 4,08.)
    With T3 at 0,9 FTE: 3,9 average < 4 → not compliant, shortfall (4 × 12 − 46,8) ÷ 12 = 0,10.
    (Old code: (3 × 13 + 0,9 × 13 + 1) / 13 = 3,977 → shortfall 0,03.)
    """
    def mandate(t3):
        ws = [worker(f"T{i}", hire=date(2020, 9, 16), fte=t3 if i == 3 else "1") for i in range(4)]
        ws += [worker("S", hire=date(2020, 9, 16), function=Function.SUPERVISION),
               worker("T4", hire=date(2022, 9, 16)), worker("X", hire=date(2020, 9, 16), exit=date(2021, 9, 15))]
        pays = [pay(w.worker_id, "2020-09", "2022-09", str(w.fte)) for w in ws[:5]]
        pays += [[PayMonth("T4", Month(2022, 9), D("0.5"), D(1000))], pay("X", "2020-09", "2021-08"),
                 [PayMonth("X", Month(2021, 9), D("0.5"), D(1000))]]
        e = enterprise(ws, pays, agrement=date(2020, 9, 16), region=Region.BRUXELLES)
        st_ = Statuses({w.worker_id: w.worker_id != "S" for w in ws})
        return evaluate_quota(e, B18, Period(date(2022, 1, 1), date(2022, 1, 1)), st_).latest

    y = mandate("1")
    assert y.year == 2 and y.extra["months_counted"] == 12
    assert y.target_fte == 4 and y.extra["supervision_fte"] == 1 and y.compliant is True
    low = mandate("0.9")
    assert low.target_fte == D("3.9") and low.compliant is False and low.shortfall_fte == D("0.10")


_day = st.integers(1, 28)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([True, False, None]), st.integers(0, 30), st.integers(0, 40), _day, _day,
                          st.sampled_from(["0.3", "0.5", "1", "1.2"])), min_size=1, max_size=5),
       st.integers(1, 12), st.sampled_from(["wallonie-2016", "bruxelles-2018"]))
def test_property_agrement_on_the_first_changes_nothing(staff, start_month, regime_id):
    """An agrément on the 1st of a month: no month is cut, so every averaged year is exactly the old sums —
    Σ whole-month target ÷ Σ whole-month total, averages over the number of months — whatever the hires and
    exits mid-month or a Paie etp above the share of the month employed (the daily cap of D2 applies only
    to the part of a shared month)."""
    agrement = date(2021, start_month, 1)
    ws, pays, statuses = [], [], {}
    for i, (status, hired, stay, hd, ed, fte) in enumerate(staff):
        hire = Month(2021, 1).next(hired).first_day.replace(day=hd)
        exit_ = Month.of(hire).next(stay).first_day.replace(day=ed) if stay < 40 else None
        if exit_ is not None and exit_ < hire:
            exit_ = None
        wid = f"W{i}"
        ws.append(worker(wid, hire=hire, exit=exit_, fte=fte,
                         function=Function.SUPERVISION if i == 0 and regime_id == "bruxelles-2018" else Function.PRODUCTION))
        last = Month.of(exit_) if exit_ else Month(2024, 12)
        pays.append([PayMonth(wid, m, D(fte), D(1000)) for m in months(str(Month.of(hire)), str(min(last, Month(2024, 12))))])
        statuses[wid] = status
    e = enterprise(ws, pays, agrement=agrement, region=Region.BRUXELLES if regime_id == "bruxelles-2018" else Region.WALLONIE)
    for y in evaluate_quota(e, get_regime(regime_id), Period(date(2021, 1, 1), date(2024, 12, 31)), Statuses(statuses)).years:
        if y.judged_on == "month_12" or not y.months:
            continue
        assert not any(m.partial for m in y.months)
        n = len(y.months)
        target, total = sum(m.target_fte for m in y.months), sum(m.total_fte for m in y.months)
        assert y.extra["months_counted"] == n
        ten = D("1E-10")  # the averages judged are kept to 10 decimals (rules.common.denoised)
        assert y.target_fte.quantize(ten) == (target / n).quantize(ten) and y.total_fte == total / n
        assert y.target_share == (None if total == 0 else denoised(target / total))


def test_a_shortfall_the_minimum_decides_prints_the_minimums_formula(monkeypatch):
    """wallonie-2016 (minimum 1 target FTE); T target and N not target, half-time each: the share, 50 %, is met, the
    minimum is not — the figure comes from the minimum's branch of ``_staircase_need``, (min·n − T) ÷ k, and the
    reasons printed the share's x = (r·D − T) ÷ ((1 − r)·…) « (et au moins le minimum d'ETP) », which gives a
    negative x here. They now print the minimum's formula with its numbers.
    Year 1 (agrément 2024-01-01, Paie 2024, judged on 2024-12-31): T = 0,5, D = 1: x = 1 − 0,5 = 0,5 → 0,50.
    Year 2 (agrément 2023-01-01, Paie 2024): T = 6 FTE-months over n = 12: x = (1 × 12 − 6) ÷ 12 = 0,5 → 0,50.
    Projected (agrément 2021-01-01, year 2 = 2022, Paie January–August, today 2022-09-15): T = 6 over n = 12, a hire
    from 2022-09-16, k = 15/30 + 3 = 3,5: x = (1 × 12 − 6) ÷ 3,5 = 1,7143 → 1,72."""
    def case(agrement, last):
        ws = [worker("T", fte="0.5"), worker("N", fte="0.5")]
        return enterprise(ws, [pay(w, f"{last[:4]}-01", last, "0.5") for w in ("T", "N")], agrement=agrement)

    status = Statuses({"T": True, "N": False})
    one = evaluate_quota(case(date(2024, 1, 1), "2024-12"), W16, Period.calendar_year(2024), status).latest
    two = evaluate_quota(case(date(2023, 1, 1), "2024-12"), W16, Period.calendar_year(2024), status).latest
    assert (one.target_share, one.shortfall_fte, two.target_share, two.shortfall_fte) == (D("0.5"), D("0.5"),
                                                                                          D("0.5"), D("0.5"))
    assert [r.text.fr for r in one.reasons if r.text.fr.startswith("Manque")] == [
        "Manque : 0,50 ETP de public cible sous contrat le 2024-12-31 : T + x ≥ minimum donne x = minimum − T = "
        "1,00 − 0,5 = 0,5, T les ETP cible de ce jour, arrondi vers le haut (la part de 20,0 % est atteinte)."]
    assert [r.text.en for r in two.reasons if r.text.en.startswith("Shortfall")] == [
        "Shortfall: 0.50 more target-public FTE on every day of the year: with T the target FTE-months over n months "
        "(a month shared with the neighbouring year counts for the part of its days inside the year), (T + n·x) ÷ n ≥ "
        "minimum gives x = (minimum × n − T) ÷ n = (1.00 × 12 − 6) ÷ 12 = 0.5, rounded up (the 30.0 % share is met)."]
    monkeypatch.setattr(periods, "today", lambda: date(2022, 9, 15))
    f = forecast_quota(case(date(2021, 1, 1), "2022-08"), W16, Month(2022, 8).last_day, status)
    assert f.extra_target_fte == D("1.72")
    assert not any(r.text.fr.startswith("Avec k") for r in f.reasons)   # the « Manque » says it, once
    assert [r.text.fr for r in f.year.reasons if r.text.fr.startswith("Manque")] == [
        "Manque : 1,72 ETP de public cible à engager à partir du 2022-09-16 : présents k = 3,5 mois de l'année (les "
        "jours qui restent, un mois entamé pour sa part), (T + k·x) ÷ n ≥ minimum donne x = (minimum × n − T) ÷ k = "
        "(1,00 × 12 − 6) ÷ 3,5 = 1,7143, T les ETP-mois cible de l'année projetée sur ses n mois, arrondi vers le "
        "haut (la part de 30,0 % est atteinte)."]
    assert not any("r·D" in r.text.fr for r in (*one.reasons, *two.reasons, *f.reasons))


def test_a_year_block_prints_its_target_fte_months_to_one_precision():
    """wallonie-2016 year 2 (agrément 2023-01-01, Paie 2024), T target and N not, 0,41235 FTE each month:
    T = 12 × 0,41235 = 4,9482, D = 9,8964 FTE-months; 4,9482 ÷ 9,8964 = 50,0 % ≥ 30 %, but 4,9482 ÷ 12 = 0,41
    under the minimum of 1: x = (1 × 12 − 4,9482) ÷ 12 = 0,58765 → 0,5877 (4 places), rounded up 0,59. The year's
    line printed « 4,95 ETP-mois public cible ÷ 9,90 ETP-mois » above « (1,00 × 12 − 4,9482) ÷ 12 » in the
    « Manque »: the same T to two precisions. Both now print it to 4 places (``_four_text``)."""
    ws = [worker("T", fte="0.41235"), worker("N", fte="0.41235")]
    e = enterprise(ws, [pay(w, "2024-01", "2024-12", "0.41235") for w in ("T", "N")], agrement=date(2023, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses({"T": True, "N": False})).latest
    assert y.shortfall_fte == D("0.59")
    texts = [r.text for r in y.reasons]
    assert any(x.fr.startswith("4,9482 ETP-mois public cible ÷ 9,8964 ETP-mois sur 12 mois de l'année d'agrément "
                               "(2024-01 – 2024-12) = 50,0 %") and
               x.en.startswith("4.9482 target-public FTE-months ÷ 9.8964 FTE-months over 12 months of the agrément "
                               "year (2024-01 – 2024-12) = 50.0 %")
               for x in texts)
    assert any("(1,00 × 12 − 4,9482) ÷ 12 = 0,5877" in x.fr for x in texts)
    assert not any("4,95 " in x.fr for x in texts)


def test_the_minimums_manque_shares_the_shares_opening_and_builds_its_own_formula():
    """``_shortfall_reasons`` with the minimum's branch (``_Least``): minimum 1, T = 6 FTE-months over n = 12.
    A projection's hire from 2022-09-16, k = 3,5: x = (1 × 12 − 6) ÷ 3,5 = 1,7143 → 1,72; every day of the year,
    k = n = 12: x = (1 × 12 − 6) ÷ 12 = 0,5 → 0,50; a point value (n = k = 1, T = 0,5): x = 1 − 0,5 = 0,5 → 0,50.
    Each « Manque » opens as the share's does (one opening per case, no copy), then says the minimum's clause with
    the formula it builds from minimum, T, n, k — no formula handed in by the caller — and what the share alone asks
    (``_share_asks`` of the share's x handed in, 0,3571 → 0,36)."""
    from ei_cli.rules.quota import _Least, _shortfall_reasons

    cases = [((D("3.5"), date(2022, 9, 16)), None, _Least(D(1), D(6), D(12), D("3.5"), D(6) / D("3.5")), "1.72",
              "(T + k·x) ÷ n ≥ minimum donne x = (minimum × n − T) ÷ k = (1,00 × 12 − 6) ÷ 3,5 = 1,7143, "),
             (None, None, _Least(D(1), D(6), D(12), D(12), D("0.5")), "0.50",
              " les ETP-mois cible sur n mois (un mois partagé avec l'année voisine compte pour la part de ses jours "
              "dans l'année), (T + n·x) ÷ n ≥ minimum donne x = (minimum × n − T) ÷ n = (1,00 × 12 − 6) ÷ 12 = 0,5, "),
             (None, date(2024, 12, 31), _Least(D(1), D("0.5"), D(1), D(1), D("0.5")), "0.50",
              "T + x ≥ minimum donne x = minimum − T = 1,00 − 0,5 = 0,5, ")]
    for hire, day, least, shortfall, clause in cases:
        [by_share] = _shortfall_reasons(D(shortfall), day, D("0.3"), hire)
        [by_minimum] = _shortfall_reasons(D(shortfall), day, D("0.3"), hire, least, D("0.3571"))
        opening = by_minimum.text.fr[:by_minimum.text.fr.index(clause)]
        assert opening.startswith(f"Manque : {shortfall.replace('.', ',')} ETP de public cible ")
        assert by_share.text.fr.startswith(opening) and by_share.text.fr != by_minimum.text.fr
        assert by_minimum.text.fr.endswith("arrondi vers le haut (la part de 30,0 % en demande 0,36).")
        assert by_minimum.text.en.endswith("rounded up (the 30.0 % share asks 0.36).")


def test_forecast_counts_the_years_last_month_for_its_days_inside(monkeypatch):
    """wallonie-2003, agrément 2005-03-15 → year 2 = 2006-03-15 … 2007-03-14, Paie known to 2006-12.
    A target, N0–N2 not target, 1 FTE throughout (kept in the projection): T = 12, D = 48 over
    n = 17/31 + 11 + 14/31 = 12 months → 25 % < 30 %.
    Hired from the day after today, 2007-01-16, present 16 days of January, February and 2007-03-01 … 14:
    k = 16/31 + 1 + 14/31 = 1 + 30/31 = 1,9677 months;
    x = (0,3 × 48 − 12) ÷ (0,7 × 1,9677) = 2,4 ÷ 1,3774 = 1,7424 → 1,75.
    Check: (12 + 1,9677 × 1,75) ÷ (48 + 1,9677 × 1,75) = 15,4435 ÷ 51,4435 = 30,02 %.
    (Old code: n = 13, k = 3: (0,3 × 52 − 13) ÷ 2,1 = 1,238 → 1,24, which gives (12 + 3,04) ÷ (48 + 3,04) = 29,47 % over the real year.)
    """
    monkeypatch.setattr(periods, "today", lambda: date(2007, 1, 15))   # the year running
    ws = [worker(x, hire=date(2005, 3, 15)) for x in ("A", "N0", "N1", "N2")]
    e = enterprise(ws, [pay(w.worker_id, "2005-03", "2006-12") for w in ws], agrement=date(2005, 3, 15))
    f = forecast_quota(e, W03, Month(2006, 12).last_day, Statuses(dict(A=True, N0=False, N1=False, N2=False)))
    assert f.hire_from == Month(2007, 1) and f.year.target_share == D("0.25")
    assert f.compliant is False and f.extra_target_fte == D("1.75")
    # The projected year's « Manque » says the same k: (0,3 × 48 − 12) ÷ (0,7 × 1,9677) = 1,75 — its old « chaque jour
    # de l'année … ÷ ((1 − r)·n) » gave 2,4 ÷ (0,7 × 12) = 0,29, not the 1,75 it showed.
    [manque] = [r.text for r in f.year.reasons if r.text.fr.startswith("Manque")]
    assert manque.fr.startswith("Manque : 1,75 ETP de public cible à engager à partir du 2007-01-16 : présents "
                                "k = 1,9677 mois de l'année") and "((1 − r)·k)" in manque.fr   # 4 places (not 1,97)
    assert manque.en.startswith("Shortfall: 1.75 target-public FTE to hire from 2007-01-16: present k = 1.9677 months")


def test_the_k_printed_beside_a_forecast_figure_gives_that_figure(monkeypatch):
    """``_one_target_in_four("2022-08")`` (wallonie-2016, year 2 = 2022, 30 %), today 2022-09-07: the projected year
    has T = 12, D = 48 FTE-months over n = 12; a hire counts from 2022-09-08, September for its 23 days of 30:
    k = 23/30 + 3 = 3,7667 months, x = (0,3 × 48 − 12) ÷ (0,7 × 3,7667) = 2,4 ÷ 2,6367 = 0,9102 → 0,92. The
    reasons printed « k = 3,77 », from which 2,4 ÷ (0,7 × 3,77) = 2,4 ÷ 2,639 = 0,9094 → 0,91, not the 0,92 beside
    it: k is printed to 4 places, as in JSON."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 9, 7))
    e, st_ = _one_target_in_four("2022-08")
    f = forecast_quota(e, W16, Month(2022, 8).last_day, st_)
    assert f.extra_target_fte == D("0.92") and f.year.adjustable == D(23) / D(30) + 3
    [manque] = [r.text for r in f.year.reasons if r.text.fr.startswith("Manque")]
    assert "présents k = 3,7667 mois de l'année" in manque.fr and "present k = 3.7667 months" in manque.en
    assert "x = (r·D − T) ÷ ((1 − r)·k)" in manque.fr and "x = (r·D − T) ÷ ((1 − r)·k)" in manque.en


def test_the_quota_line_of_ei_check_is_in_english_with_lang_en():
    """``ei check --lang en --format json``: the quota entry's agrément years (summaries, reasons) were
    rendered in French whatever --lang said; now in English, and in French by default."""
    r = runner.invoke(app, ["check", str(SAMPLE), "--year", "2025", "--format", "json", "--lang", "en"])
    (quota,) = [c for c in json.loads(r.stdout)["checks"] if c["name"] == "quota"]
    years = quota["agrement_years"]
    assert years and all(y["summary"].startswith("Agrément year") for y in years)
    assert all(not x["text"].startswith("Année") for y in years for x in y["reasons"])
    r = runner.invoke(app, ["check", str(SAMPLE), "--year", "2025", "--format", "json"])
    (quota,) = [c for c in json.loads(r.stdout)["checks"] if c["name"] == "quota"]
    assert all(y["summary"].startswith("Année d'agrément") for y in quota["agrement_years"])


def test_a_share_in_json_is_rounded_down_to_four_decimals():
    """0,29996 for a required 0,3: rounded half up it read 0,3 in the JSON, equal to the requirement;
    rounded down it reads 0,2999 (shares are printed rounded down too)."""
    from ei_cli.rules.quota import _q_share

    assert _q_share(D("0.29996")) == D("0.2999") and _q_share(D("0.3")) == D("0.3") and _q_share(None) is None


def test_year_1_point_value_with_a_formula_etp_reaches_exactly_20_percent():
    """docs/interpretations.md's own example: agrément 2019-01-01, year 1 judged on 2019-12-31. Four
    non-target workers full time all year; T (target) hired 2019-12-20, its December Paie etp typed
    =12/31, read at 15 significant digits as 0,387096774193548. On 2019-12-31, T's etp =
    0,387096774193548 × 31 / 12 = 0,999999999999999 (was compared as is: 0,999999999999999 / 4,999999999999999
    = 19,99… % < 20 %, shortfall 0,01, not compliant); kept to 10 decimals it is 1 → 1 / (1 + 4) =
    20 % ≥ 20 % and 1 FTE ≥ the 1-FTE minimum → compliant, nothing missing."""
    ws = [worker("T", hire=date(2019, 12, 20))] + [worker(f"N{i}", hire=date(2019, 1, 1)) for i in range(4)]
    t_pay = [PayMonth("T", Month(2019, 12), D("0.387096774193548"), D("774.19"))]
    e = enterprise(ws, [t_pay] + [pay(f"N{i}", "2019-01", "2019-12") for i in range(4)], agrement=date(2019, 1, 1))
    r = evaluate_quota(e, W16, Period.calendar_year(2019), Statuses({"T": True, **{f"N{i}": False for i in range(4)}}))
    y = r.latest
    assert y.target_fte == 1 and y.total_fte == 5
    assert y.target_share == D("0.2") and y.compliant is True and y.shortfall_fte == 0


def test_a_share_met_through_spreadsheet_noise_prints_as_met():
    """/tmp audit caseN: three target workers paid etp =1/3 (read 0,333333333333333) and four others
    full time, agrément 2021-03-01, year 1 judged on 2022-02-28. T = 3 × 0,333333333333333 =
    0,999999999999999, D = T + 4 = 4,999999999999999, T ÷ D = 0,19999999999999996: kept to 10
    decimals 0,2 ≥ 20 % → compliant. It printed « conforme — 19,9 % … pour 20,0 % exigés » and
    target_share 0,1999 (the raw share floored); floored once denoised it reads 20,0 % and 0,2."""
    third = D("0.333333333333333")
    ws = [worker(f"T{i}", hire=date(2021, 3, 1)) for i in range(3)] + \
         [worker(f"N{i}", hire=date(2021, 3, 1)) for i in range(4)]
    pays = [pay(f"T{i}", "2021-03", "2022-02", str(third)) for i in range(3)] + \
           [pay(f"N{i}", "2021-03", "2022-02") for i in range(4)]
    e = enterprise(ws, pays, agrement=date(2021, 3, 1))
    r = evaluate_quota(e, W16, Period.calendar_year(2021),
                       Statuses({**{f"T{i}": True for i in range(3)}, **{f"N{i}": False for i in range(4)}}))
    y = r.latest
    assert y.compliant is True
    assert "20,0 % de public cible" in y.summary.fr and "19,9" not in y.summary.fr
    d = r.to_dict()
    assert d["target_share"] == D("0.2") and d["months"][-1]["share"] == D("0.2")


def test_a_period_before_the_agrement_is_not_applicable_and_says_why():
    """Agrément 2025-06-01, --year 2024: no agrément year overlaps the period, so no quota is owed. It
    gave compliant null with no reason at all (« Quota — indéterminé » and nothing under --explain);
    like the wage, employment and follow-up checks it is « non applicable » (applicable: false), with
    the reason naming the agrément date."""
    ws = [worker("A", hire=date(2025, 6, 1)), worker("B", hire=date(2025, 6, 1))]
    e = enterprise(ws, [pay(x, "2025-06", "2025-12") for x in "AB"], agrement=date(2025, 6, 1))
    st_ = Statuses(dict(A=True, B=False))
    r = evaluate_quota(e, W16, Period.calendar_year(2024), st_)
    d = r.to_dict()
    assert r.compliant is None and d["applicable"] is False and d["agrement_years"] == []
    assert "antérieure à l'agrément du 2025-06-01" in d["summary"] and "aucune obligation" in d["summary"]
    assert len(d["reasons"]) == 1 and "2025-06-01" in d["reasons"][0]["text"]
    c = check(e, W16, Period.calendar_year(2024), st_)
    assert c.compliant is None and c.details["applicable"] is False
    assert [x.text.en for x in c.reasons] == [x["text"] for x in r.to_dict("en")["reasons"]]
    assert "before the agrément date (2025-06-01)" in c.reasons[0].text.en


@pytest.mark.parametrize("command", ["check-quota", "check", "check-wages"])
def test_strict_does_not_fail_a_period_before_the_agrement(command, make_workbook, workbook_sheets):
    """The test workbook with date_agrement 2031-01-01, --year 2024 --strict: the quota is null with
    `applicable: false` (no agrément year, no quota obligation). `ei check` and `ei check-wages` exited 0
    on it (« non applicable » is no « indéterminé », docs/interpretations.md « A period before the
    agrément »), `ei check-quota` exited 1 on the same document: every command now exits 0."""
    from helpers_workbook import set_field

    set_field(workbook_sheets, "date_agrement", date(2031, 1, 1))
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, [command, str(path), "--year", "2024", "-f", "json", "--strict"])
    doc = json.loads(r.stdout)
    quota = doc if command == "check-quota" else next((c for c in doc.get("checks", ()) if c["name"] == "quota"), doc)
    assert doc["compliant"] is None and quota.get("applicable") is False
    assert r.exit_code == 0, r.output
    if command == "check-quota":  # an unknown quota of an agrément year still fails --strict
        from helpers_workbook import set_value

        set_field(workbook_sheets, "date_agrement", date(2021, 3, 1))
        set_value(workbook_sheets, "Personnel", 1, "inscrit_dei", None)
        set_value(workbook_sheets, "Personnel", 1, "mois_sans_emploi", None)
        r = runner.invoke(app, [command, str(make_workbook(workbook_sheets, name="unknown.xlsx")), "-f", "json",
                                "--strict"])
        doc = json.loads(r.stdout)
        assert doc["compliant"] is None and "applicable" not in doc and r.exit_code == 1


def test_pay_after_the_exit_date_is_not_counted():
    """A (target) hired 2018-01-01, `date_sortie` 2019-03-31, yet paid etp 1 every month of 2019 (a
    payroll not cleaned after the exit); N1, N2 (not target) full time all 2019. Agrément 2018-01-01 →
    year 2 = 2019, 30 % required (staircase), average over the year's FTE-months:
    A counts only January–March: 3 FTE-months; total 3 + 12 + 12 = 27 → 3 / 27 = 11,1 % < 30 % → not
    compliant (the nine rows after the exit made it 12 / 36 = 33,3 %, compliant)."""
    ws = [worker("A", hire=date(2018, 1, 1), exit=date(2019, 3, 31)),
          worker("N1", hire=date(2018, 1, 1)), worker("N2", hire=date(2018, 1, 1))]
    e = enterprise(ws, [pay(w, "2018-01", "2019-12") for w in ("A", "N1", "N2")], agrement=date(2018, 1, 1))
    r = evaluate_quota(e, W16, Period.calendar_year(2019), Statuses({"A": True, "N1": False, "N2": False}))
    y = r.latest
    assert (y.target_fte, y.total_fte) == (D("0.25"), D("2.25"))  # 3 / 12 and 27 / 12 FTE on average
    assert y.target_share == denoised(D(3) / D(27)) and y.compliant is False


def test_shortfall_rounding_up_ignores_decimal_noise():
    """A need of exactly 3 FTE computed through a mid-month agrément's day shares (agrément 2021-03-15,
    year 4: n = 17/31 + 6 FTE-months each, T = n, total 5n, 50 % → x = (0,5 × 5n − n) / (0,5 n) = 3) is
    3.000000000000000000000000002 in Decimal; rounded up to the hundredth as it was, « manque 3,01 ETP ».
    Kept to 10 decimals first: 3,00. A real 3,001 still rounds up to 3,01; nothing missing stays 0."""
    n = D(17) / D(31) + 6
    x = (D("0.5") * 5 * n - n) / (D("0.5") * n)
    assert x != 3 and round_up(x) == D("3.00")
    assert round_up(D("3.001")) == D("3.01") and round_up(D(0)) == 0 and round_up(D("-1")) == 0


def test_brussels_2018_forecast_names_the_encadrement_to_hire_too(monkeypatch):
    """bruxelles-2018 judges the agrément year's averages against 4 target FTE and 1 FTE of encadrement
    (D7). Agrément 2024-01-01; D (direction), N1–N3 (production, not target) and T1 (target) full time
    from 2024-01-01, T2 (target) from 2024-05-01, no encadrement; Paie to 2024-04. Forecast at 2024-04 on
    2024-05-15: a hire counts from 2024-05-16, May for its 16 days out of 31, k = 16/31 + 7 = 7,5161 months:
    target: T = 4 × 1 + 8 × 2 = 20 FTE-months → x = (4 × 12 − 20) ÷ 7,5161 = 3,7253 → 3,73 FTE;
    encadrement: average 0 for a minimum of 1 → y = (1 − 0) × 12 ÷ 7,5161 = 1,5966 → 1,60 FTE.
    The forecast said hiring 3,5 target FTE « la rend conforme », though the encadrement minimum still
    failed; it now names both, and `extra_supervision_fte` is 1,60."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 5, 15))   # the year running
    e, status = _brussels_2018_without_encadrement()
    f = forecast_quota(e, B18, Month(2024, 4).last_day, status)
    assert f.extra_target_fte == D("3.73") and f.extra_supervision_fte == D("1.60")
    assert "engager 3,73 ETP de public cible et 1,60 ETP d'encadrement à partir de 2024-05" in f.summary.fr
    assert f.to_dict()["extra_supervision_fte"] == D("1.60")


def _brussels_2018_without_encadrement():
    """bruxelles-2018, agrément 2024-01-01: D (direction), N1–N3 (production, not target) and T1 (target) full time
    from 2024-01-01, T2 (target) from 2024-05-01, no encadrement; Paie to 2024-04. Enterprise, statuses."""
    staff = [worker("D", hire=date(2024, 1, 1), function=Function.MANAGEMENT)]
    staff += [worker(w, hire=date(2024, 1, 1)) for w in ("N1", "N2", "N3", "T1")]
    staff += [worker("T2", hire=date(2024, 5, 1))]
    pays = [pay(w, "2024-01", "2024-04") for w in ("D", "N1", "N2", "N3", "T1")]
    e = enterprise(staff, pays, agrement=date(2024, 1, 1), region=Region.BRUXELLES)
    return e, Statuses({"D": False, "N1": False, "N2": False, "N3": False, "T1": True, "T2": True})


def test_brussels_2018_forecast_says_the_minimums_formula_not_a_share(monkeypatch):
    """``_brussels_2018_without_encadrement``, today 2024-05-15 (the case above): the mandate has a minimum of 4 target
    FTE on average and no share r (rules.md §6, D7). Projected T = 4 × 1 + 8 × 2 = 20 target FTE-months over
    n = 12; k = 16/31 + 7 = 7,5161 months: x = (4 × 12 − 20) ÷ 7,5161 = 28 ÷ 7,5161 = 3,7253 → 3,73. The forecast
    said « Avec k = 7,52 mois restants : x = (r·D − T) ÷ ((1 − r)·k) », a share that does not exist in this regime;
    it now says the minimum's formula with its numbers."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 5, 15))
    e, status = _brussels_2018_without_encadrement()
    f = forecast_quota(e, B18, Month(2024, 4).last_day, status)
    assert f.extra_target_fte == D("3.73")
    assert not any("r·D" in r.text.fr or "r·D" in r.text.en for r in f.reasons)
    [avec] = [r.text for r in f.reasons if r.text.fr.startswith("Avec k")]
    assert (avec.fr, avec.en) == (
        "Avec k = 7,5161 mois restants : x = (minimum × n − T) ÷ k = (4,00 × 12 − 20) ÷ 7,5161 = 3,7253, T les "
        "ETP-mois cible projetés sur les n mois de l'année, arrondi vers le haut.",
        "With k = 7.5161 remaining months: x = (minimum × n − T) ÷ k = (4.00 × 12 − 20) ÷ 7.5161 = 3.7253, T the "
        "target FTE-months projected over the year's n months, rounded up.")


def test_a_failing_earlier_year_is_named_in_the_summary_and_what_to_fix():
    """`--year` over two agrément years: the verdict combines them (« non conforme » if one fails), but
    the summary, reasons and what to fix came from the latest year only — « non conforme » beside
    « Année d'agrément 3 : conforme » and nothing to fix. Agrément 2021-07-01: calendar 2023 holds year
    2 (2022-07-01 … 2023-06-30, 30 % required) and year 3 (2023-07-01 …, 40 %). N0–N2 full time; T alone until
    2023-06-30 (1 / 4 = 25 % < 30 %: year 2 fails, shortfall (0,3 × 4 − 1) ÷ 0,7 = 0,2857 → 0,29 FTE);
    T2 (target) joins 2023-07-01 (2 / 5 = 40 % ≥ 40 %: year 3 compliant, provisional). Year 2 is closed (paid
    to its last month): its to-fix says what it lacked, not « engager », which no longer repairs it."""
    ws = [worker("T", hire=date(2021, 7, 1)), worker("T2", hire=date(2023, 7, 1))]
    ws += [worker(f"N{i}", hire=date(2021, 7, 1)) for i in range(3)]
    pays = [pay("T", "2022-07", "2023-12"), pay("T2", "2023-07", "2023-12")]
    pays += [pay(f"N{i}", "2022-07", "2023-12") for i in range(3)]
    e = enterprise(ws, pays, agrement=date(2021, 7, 1))
    status = Statuses({"T": True, "T2": True, "N0": False, "N1": False, "N2": False})
    result = check(e, W16, Period.calendar_year(2023), status)
    assert result.compliant is False
    assert result.summary.fr.startswith("Année d'agrément 2 (2022-07-01 – 2023-06-30) : non conforme")
    assert " ; Année d'agrément 3 (2023-07-01 – 2024-06-30) : conforme" in result.summary.fr
    assert result.to_fix[0].fr == ("Année d'agrément 2 : année close : il lui manquait 0,29 ETP de public cible ; "
                                   "aucun engagement ne la rattrape (l'année en cours : ei check-quota --forecast).")


def test_brussels_2018_a_target_public_supervisor_is_not_counted_twice():
    """bruxelles-2018 requires ≥ 4 FTE of target public and ≥ 1 FTE of encadrement (D7): two groups.
    Agrément 2024-01-01; T1–T3 (target, production) and N (production) full time, S (encadrement, full
    time) who is target public too; Paie 2024. S counted on both sides made it « conforme — 4,00 ETP
    public cible, 1,00 ETP d'encadrement ». On the target side only: 4 FTE target ≥ 4, 0 FTE of
    encadrement < 1 → not compliant, 1 FTE of encadrement missing."""
    b18 = get_regime("bruxelles-2018")
    staff = [worker(w, hire=date(2024, 1, 1)) for w in ("T1", "T2", "T3", "N")]
    staff.append(worker("S", hire=date(2024, 1, 1), function=Function.SUPERVISION))
    e = enterprise(staff, [pay(w, "2024-01", "2024-12") for w in ("T1", "T2", "T3", "N", "S")],
                   agrement=date(2024, 1, 1), region=Region.BRUXELLES)
    status = Statuses({"T1": True, "T2": True, "T3": True, "N": False, "S": True})
    y = evaluate_quota(e, b18, Period.calendar_year(2024), status).latest
    assert y.target_fte == 4 and y.extra["supervision_fte"] == 0
    assert y.compliant is False and y.extra["supervision_shortfall_fte"] == 1


def test_an_exact_minimum_averaged_over_cut_boundary_months_is_met():
    """bruxelles-2018, agrément 2019-02-02 → year 2 = 2020-02-02 … 2021-02-01: T0–T3 (target) and S
    (encadrement) full time all year. Month weights: February 2020 28/29 (2 … 29 Feb), March … January 11,
    February 2021 1/28 → n = 28/29 + 11 + 1/28. Target FTE-months = 4n, so the average is exactly 4 ≥ 4.
    Σ ÷ Σ of those weights is 3.999999999999999999999999998 in Decimal's 28 digits, and the year was
    « non conforme » with 0,00 FTE missing; kept to 10 decimals (rules.common.denoised) it is 4: compliant."""
    b18 = get_regime("bruxelles-2018")
    staff = [worker(f"T{i}", hire=date(2019, 2, 2)) for i in range(4)]
    staff.append(worker("S", hire=date(2019, 2, 2), function=Function.SUPERVISION))
    e = enterprise(staff, [pay(w.worker_id, "2020-01", "2021-12") for w in staff], agrement=date(2019, 2, 2),
                   region=Region.BRUXELLES)
    status = Statuses({**{f"T{i}": True for i in range(4)}, "S": False})
    y = next(y for y in evaluate_quota(e, b18, Period.calendar_year(2020), status).years if y.year == 2)
    assert y.target_fte == 4 and y.compliant is True and y.shortfall_fte == 0


def test_the_forecast_hire_makes_the_year_compliant_when_made(monkeypatch):
    """wallonie-2016, agrément 2018-06-11 → year 2 = 2019-06-11 … 2020-06-10, which needs 30 % and the
    1-FTE minimum on average. Nobody is paid (A left 2019-06-10). Forecast at 2020-05 on 2020-06-05: a hire
    counts from the day after today, 2020-06-06, to the year's end 2020-06-10: 5 of June's 30 days, k = 1/6 →
    x = (1 × 12 − 0) ÷ (1/6) = 72 FTE. Hiring them on 2020-06-06 gives 72 × 5/30 = 12 FTE-months ÷ 12 = 1,00 ≥ 1
    (and 100 % ≥ 30 %): compliant. It was judged 0,999…9975,
    « non conforme » with nothing left to hire. (The year lies wholly under wallonie-2016: one begun before
    2017-06-30 is judged by wallonie-2003 standing in, see
    test_an_agrement_year_begun_in_the_walloon_gap_is_judged_by_the_nearest_regime_whatever_the_day_asked.)"""
    monkeypatch.setattr(periods, "today", lambda: date(2020, 6, 5))   # the year running (to 2020-06-10)
    a = worker("A", hire=date(2018, 6, 11), exit=date(2019, 6, 10))
    e = enterprise([a], [[PayMonth("A", Month(2020, 5), D(0), D(0))]], agrement=date(2018, 6, 11))
    f = forecast_quota(e, W16, Month(2020, 5).last_day, Statuses({"A": False}))
    assert f.extra_target_fte == D("72.00")
    hires = [worker(f"H{i}", hire=date(2020, 6, 6)) for i in range(72)]
    e2 = enterprise([a] + hires, [[PayMonth("A", Month(2020, 5), D(0), D(0))]], agrement=date(2018, 6, 11))
    f2 = forecast_quota(e2, W16, Month(2020, 5).last_day, Statuses({"A": False, **{h.worker_id: True for h in hires}}))
    assert f2.year.compliant is True and f2.extra_target_fte == 0


def _walloon_year_2_without_target():
    """wallonie-2016, agrément 2018-06-11 → year 2 = 2019-06-11 … 2020-06-10 (30 % and the 1-FTE minimum on
    average): N (not target) full time, paid 2019-06 … 2020-04; nobody target."""
    n = worker("N", hire=date(2018, 6, 11))
    return enterprise([n], [pay("N", "2019-06", "2020-04")], agrement=date(2018, 6, 11)), Statuses({"N": False})


@pytest.mark.parametrize("today, x, days, when_fr, when_en", [
    (date(2020, 6, 5), "72.00", 5, "du 2020-06-06 au 2020-06-10 (5 jours)", "from 2020-06-06 to 2020-06-10 (5 days)"),
    (date(2020, 5, 25), "22.78", 16, "du 2020-05-26 au 2020-06-10 (16 jours)",
     "from 2020-05-26 to 2020-06-10 (16 days)"),
    (date(2020, 6, 9), "360.00", 1, "le 2020-06-10 (1 jour)", "on 2020-06-10 (1 day)"),
    (date(2020, 5, 10), "11.88", 31, "à partir de 2020-05", "from 2020-05"),
])
def test_a_forecast_hire_counted_on_fewer_days_than_a_month_names_those_days(monkeypatch, today, x, days, when_fr,
                                                                              when_en):
    """``_walloon_year_2_without_target``: n = 20/30 + 11 + 10/30 = 12 months counted, D = 12 FTE-months (N), T = 0;
    the minimum rules: x = (1 × 12 − 0) ÷ k (the share's (0,3 × 12) ÷ (0,7·k) = 5,14 ÷ k is less). A hire counts
    from the day after today to 2020-06-10:
    - today 2020-06-05: 2020-06-06 … 10, 5 of June's 30 days, k = 1/6 → x = 12 × 6 = 72,00 FTE;
    - today 2020-05-25: May 26 … 31 (6/31) and June 1 … 10 (10/30), 16 days, k = 0,19355 + 0,33333 = 0,52688 →
      x = 12 ÷ 0,52688 = 22,7755 → 22,78 FTE;
    - today 2020-06-09: 2020-06-10 alone, k = 1/30 → x = 360,00 FTE;
    - today 2020-05-10: May 11 … 31 (21/31) and June 1 … 10, k = 0,67742 + 0,33333 = 1,01075 ≥ 1 month →
      x = 12 ÷ 1,01075 = 11,8723 → 11,88 FTE, « à partir de 2020-05 » as before.
    Under one month of weight the figure is many times what the year lacks: the advice said « engager 72,00 ETP de
    public cible à partir de 2020-06 » (an audit read 204,67 FTE for 3 days); it names the days it holds for."""
    monkeypatch.setattr(periods, "today", lambda: today)
    e, status = _walloon_year_2_without_target()
    f = forecast_quota(e, W16, today, status)
    assert f.extra_target_fte == D(x) and f.to_dict()["hire_days"] == days
    fr, en = x.replace(".", ","), x
    assert f.summary.fr == (f"Année d'agrément 2 : projetée non conforme (0,0 %) ; engager {fr} ETP de public cible "
                            f"{when_fr} la rend conforme.")
    assert f.summary.en == (f"Agrément year 2: projected not compliant (0.0 %); hiring {en} target-public FTE "
                            f"{when_en} makes it compliant.")


def test_a_failing_years_advice_names_the_few_days_its_hire_counts_in(monkeypatch):
    """``_walloon_year_2_without_target`` judged on 2020-06-05 by ``ei check``: the known months fail (0 %); the
    projection's hire counts 2020-06-06 … 2020-06-10, 5 of June's 30 days, k = 1/6 → x = (1 × 12 − 0) ÷ (1/6) =
    72,00 FTE (as ``ei check-quota --forecast``). The year's headline, its reason and what to fix said « à partir
    de 2020-06 »; they name the 5 days, as the forecast does (one advice, ``rules.quota._Advice``), and the JSON
    adds the hire's first day and days."""
    monkeypatch.setattr(periods, "today", lambda: date(2020, 6, 5))
    e, status = _walloon_year_2_without_target()
    c = check(e, W16, Period(date(2020, 6, 5), date(2020, 6, 5)), status)
    assert c.compliant is False
    assert c.summary.fr.endswith("projection : engager 72,00 ETP de public cible du 2020-06-06 au 2020-06-10 "
                                 "(5 jours) la rend conforme.")
    assert c.summary.en.endswith("projection: hiring 72.00 target-public FTE from 2020-06-06 to 2020-06-10 (5 days) "
                                 "makes it compliant.")
    assert c.to_fix[0].fr.startswith("Engager 72,00 ETP de public cible du 2020-06-06 au 2020-06-10 (5 jours) (ou "
                                     "augmenter d'autant le temps de travail)")
    assert c.to_fix[0].en.startswith("Hire 72.00 target-public FTE from 2020-06-06 to 2020-06-10 (5 days) (or raise")
    assert any(": 72,00 ETP de public cible à engager du 2020-06-06 au 2020-06-10 (5 jours) —" in r.text.fr
               for r in c.reasons)
    assert any(": 72.00 target-public FTE to hire from 2020-06-06 to 2020-06-10 (5 days) —" in r.text.en
               for r in c.reasons)
    year = c.details["agrement_years"][-1]
    assert (year["forecast_hire_from"], year["forecast_hire_from_day"], year["forecast_hire_days"]) == \
        ("2020-06", "2020-06-06", 5)


def test_a_year_1_forecast_hire_a_few_days_before_its_point_counts_whole(monkeypatch):
    """wallonie-2016, agrément 2024-01-01: year 1 judged on its last day, 2024-12-31 (Q3). Today 2024-12-10, Paie
    to 2024-11: P target 0,5 FTE, N1–N4 not target full time: 0,5 ÷ 4,5 = 11,1 % < 20 %, x = (0,2 × 4,5 − 0,5) ÷
    0,8 = 0,4 ÷ 0,8 = 0,50 (the minimum, 1 − 0,5 = 0,50, alike), k = 1: a hire from 2024-12-11 is under contract
    on the 31st, whole. « à partir de 2024-12 », not « du 2024-12-11 au 2024-12-31 (21 jours) »: the days are
    named only when the figure was solved over k < 1 (docs/interpretations.md: « year 1 … keeps « à partir de
    M » »)."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 12, 10))
    ws = [worker("P", fte="0.5")] + [worker(f"N{i}") for i in range(1, 5)]
    e = enterprise(ws, [pay(w.worker_id, "2024-01", "2024-11", w.fte) for w in ws], agrement=date(2024, 1, 1))
    f = forecast_quota(e, W16, date(2024, 12, 10), Statuses({w.worker_id: w.worker_id == "P" for w in ws}))
    assert (f.extra_target_fte, f.hire_span) == (D("0.50"), None)
    assert f.summary.fr.endswith(" ; engager 0,50 ETP de public cible à partir de 2024-12 la rend conforme.")
    assert f.summary.en.endswith("; hiring 0.50 target-public FTE from 2024-12 makes it compliant.")


def test_the_headline_names_a_missed_fte_minimum_when_the_share_is_met():
    """wallonie-2003, agrément 2005-03-15, year 3 (2007-03-15 … 2008-03-14): A (target) at 0,8 FTE and
    N (not target) at 1 FTE all year → 0,8 ÷ 1,8 = 44,4 % ≥ 40 %, but 0,8 FTE < the 1-FTE minimum: not
    compliant, 0,20 missing. The headline read « 44,4 % … pour 40,0 % exigés, manque 0,20 ETP » as if
    the share failed; it names the minimum."""
    w03 = get_regime("wallonie-2003")
    ws = [worker("A", hire=date(2005, 3, 15), fte="0.8"), worker("N", hire=date(2005, 3, 15))]
    e = enterprise(ws, [pay("A", "2005-03", "2009-03", fte="0.8"), pay("N", "2005-03", "2009-03")],
                   agrement=date(2005, 3, 15))
    r = evaluate_quota(e, w03, Period.calendar_year(2007), Statuses({"A": True, "N": False}))
    y = next(y for y in r.years if y.year == 3)
    assert y.compliant is False and y.shortfall_fte == D("0.20")
    assert "0,80 ETP de public cible pour un minimum de 1,00" in y.summary.fr


def test_the_headline_says_the_minimum_gives_the_shortfall_when_the_share_misses_too():
    """wallonie-2016, agrément 2024-01-01, year 2 = 2025 (the audit's quota_fail.xlsx): T (target) at 0,5 FTE and
    N (not target) at 2 FTE all year: T = 6, D = 30 FTE-months over n = 12 → 20,0 % < 30 %, and 6 ÷ 12 = 0,50 FTE
    < the 1-FTE minimum (rules.md Q3). The share alone: (0,5 + x) ÷ (2,5 + x) ≥ 0,30, x = (0,3 × 30 − 6) ÷ (0,7 ×
    12) = 3 ÷ 8,4 = 0,357 → 0,36; the minimum: x = (1 × 12 − 6) ÷ 12 = 0,50 — the figure, unchanged. The headline
    read « 20,0 % … pour 30,0 % exigés, manque 0,50 ETP » as if the share gave it, and the « Manque » said « (la
    part exigée en demande moins) » without the figure; both now name the minimum and the share's 0,36."""
    ws = [worker("T", hire=date(2024, 1, 1), fte="0.5"), worker("N", hire=date(2024, 1, 1), fte="2")]
    e = enterprise(ws, [pay("T", "2024-01", "2025-12", fte="0.5"), pay("N", "2024-01", "2025-12", fte="2")],
                   agrement=date(2024, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2025), Statuses({"T": True, "N": False})).latest
    assert (y.year, y.compliant, y.target_share, y.shortfall_fte) == (2, False, D("0.2"), D("0.50"))
    assert y.summary.fr.endswith(", manque 0,50 ETP de public cible (minimum de 1,00 ETP ; la part de 30,0 % en "
                                 "demande 0,36).")
    assert y.summary.en.endswith(", 0.50 target-public FTE missing (minimum of 1.00 FTE; the 30.0 % share asks 0.36).")
    [manque] = [r.text for r in y.reasons if r.text.fr.startswith("Manque")]
    assert manque.fr.endswith("(1,00 × 12 − 6) ÷ 12 = 0,5, arrondi vers le haut (la part de 30,0 % en demande 0,36).")
    assert manque.en.endswith("(1.00 × 12 − 6) ÷ 12 = 0.5, rounded up (the 30.0 % share asks 0.36).")


def test_brussels_2004_three_workers_missed_without_any_payroll_is_not_compliant():
    """bruxelles-2004, agrément 2010-03-01: at least 3 workers within 6 months (2010-08-31). Only P1 and
    P2 (production) are employed then, and no Paie row exists for the year: the target share cannot be
    measured, but the year fails on the minimum alone, known from Personnel — it said « indéterminé »
    while the to-fix named the 2 workers."""
    b04 = get_regime("bruxelles-2004")
    e = enterprise([worker("P1", hire=date(2010, 3, 1)), worker("P2", hire=date(2010, 3, 1))], [],
                   agrement=date(2010, 3, 1), region=Region.BRUXELLES)
    y = evaluate_quota(e, b04, Period.calendar_year(2010), Statuses({"P1": True, "P2": False})).latest
    assert y.compliant is False
    assert "2 travailleurs occupés le 2010-08-31 pour 3 exigés" in y.summary.fr
    assert "2 workers employed on 2010-08-31 for 3 required" in y.summary.en


def _brussels_2018_year_5(n_target: int):
    """bruxelles-2018, agrément 2020-01-01 → agrément year 5 = 2024, Paie 2024-01 … 2024-08. T0 … T(n_target − 1)
    (target) full time from 2019-06-01, N0–N2 (not target) full time from 2019-01-01, S (encadrement, not target)
    at 0,5 from 2019-01-01. Enterprise, statuses."""
    ws = [worker(f"T{i}", hire=date(2019, 6, 1)) for i in range(n_target)]
    ws += [worker(f"N{i}", hire=date(2019, 1, 1)) for i in range(3)]
    ws.append(worker("S", hire=date(2019, 1, 1), fte="0.5", function=Function.SUPERVISION))
    pays = [pay(w.worker_id, "2024-01", "2024-08", "0.5" if w.worker_id == "S" else "1") for w in ws]
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    return e, Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})


def test_brussels_2018_a_year_in_progress_advises_the_encadrement_hire_too(monkeypatch):
    """Judged on 2024-09-15. bruxelles-2018, agrément 2020-01-01 → year 5 = 2024; Paie January–August.
    T0–T2 (target) and N0–N2
    full time, S (encadrement, not target) at 0,5. Projected to December (every worker keeps their etp); a hire
    counts from the day after today, 2024-09-16 (September for 15 days out of 30), k = 0,5 + 3 = 3,5 months:
    target 3 on average against 4 → x × 3,5 = (4 − 3) × 12 → x = 3,4286 → 3,43 FTE; encadrement 0,5
    against 1 → y × 3,5 = (1 − 0,5) × 12 → y = 1,7143 → 1,72 FTE. The advice said « engager … ETP de public cible …
    la rend conforme », which it does not without the encadrement. With T3 and T4 too (5 ≥ 4) only the
    encadrement is missing: the to-fix was empty; it now says to hire 1,72 FTE of encadrement."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 9, 15))

    def year_2024(n_target: int):
        e, status = _brussels_2018_year_5(n_target)
        return check(e, B18, Period.calendar_year(2024), status)

    both = year_2024(3)
    assert both.compliant is False
    assert "engager 3,43 ETP de public cible et 1,72 ETP d'encadrement à partir de 2024-09" in both.summary.fr
    assert both.to_fix[0].fr.startswith("Engager 3,43 ETP de public cible et 1,72 ETP d'encadrement à partir de "
                                        "2024-09")
    assert both.details["agrement_years"][0]["forecast_extra_supervision_fte"] == D("1.72")
    only_supervision = year_2024(5)
    assert only_supervision.compliant is False
    assert only_supervision.to_fix[0].fr.startswith("Engager 1,72 ETP d'encadrement à partir de 2024-09")


def _b18_with_unknown(tmp_path, key: str, old: str):
    """bruxelles-2018 with the figure ``key`` (``value = old``) not published: « unknown »."""
    from helpers_rules import regime_with

    return regime_with("bruxelles-2018", tmp_path, {key: (old, '"unknown"')})


def test_brussels_2018_encadrement_alone_is_no_advice_when_the_target_minimum_is_unknown(monkeypatch, tmp_path):
    """The year of ``test_brussels_2018_a_year_in_progress_advises_the_encadrement_hire_too`` (judged on
    2024-09-15, T0–T2 target, N0–N2, S encadrement at 0,5; k = 15/30 + 3 = 3,5 months), under a bruxelles-2018
    whose target-FTE minimum is not published: encadrement 0,5 against 1 → y × 3,5 = (1 − 0,5) × 12 → y =
    1,7143 → 1,72 FTE; the target part has no minimum, so no x is solved (``forecast_extra_target_fte`` null).
    Hiring 1,72 FTE of encadrement leaves the verdict combine(unknown, met) = unknown, never « conforme »: the
    forecast said « le verdict ne peut plus être corrigé … Il manque aussi 1,72 ETP d'encadrement », while the
    year's headline, its reason and what to fix said « engager 1,72 ETP d'encadrement … la rend conforme » —
    the one advice (``rules.quota._advice``) now says the forecast's case everywhere."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 9, 15))
    regime = _b18_with_unknown(tmp_path, "quota.mandate_min_target_fte", "4")
    e, status = _brussels_2018_year_5(3)
    c = check(e, regime, Period.calendar_year(2024), status)
    year = c.details["agrement_years"][0]
    assert year["forecast_extra_target_fte"] is None and year["forecast_extra_supervision_fte"] == D("1.72")
    assert "engager" not in c.summary.fr
    assert c.summary.fr.endswith("projection : plus aucun engagement ne la rend conforme ; il manque aussi 1,72 ETP "
                                 "d'encadrement à partir de 2024-09.")
    assert c.summary.en.endswith("projection: no hire makes it compliant any more; 1.72 FTE of encadrement are "
                                 "missing too from 2024-09.")
    assert c.to_fix[0].fr == ("Plus aucun engagement ne rend l'année conforme ; il manque aussi 1,72 ETP d'encadrement "
                              "à partir de 2024-09 (ei check-quota --forecast).")
    f = forecast_quota(e, regime, Month(2024, 8).last_day, status)
    assert "ne peut plus être corrigé" in f.summary.fr and "Il manque aussi 1,72 ETP d'encadrement" in f.summary.fr


def test_brussels_2018_a_projection_left_unknown_is_said_alike_in_the_headline_and_what_to_fix(monkeypatch, tmp_path):
    """Judged on 2024-09-15 under a bruxelles-2018 whose encadrement minimum is not published; agrément
    2020-01-01 → year 5 = 2024, Paie January–August. T0–T2 (target) full time from 2019; T3–T6 (target) hired
    2024-09-01, not paid yet; S (encadrement) at 0,4. Known months: 3 target FTE < 4 → non conforme. Projected:
    (3 × 12 + 4 × 4) ÷ 12 = 4,33 ≥ 4 target FTE → nothing to hire (0); S at 0,4 < 0,5 → one contract to raise;
    the encadrement average has no minimum → the projection is unknown (``forecast_compliant`` null). The
    headline said its advice holds only under a condition (``_UNSURE_IF``) and what to fix said « l'année est
    alors projetée conforme » without it (docs/interpretations.md: « in the forecast, the year's headline and
    what to fix alike »); both now say it."""
    monkeypatch.setattr(periods, "today", lambda: date(2024, 9, 15))
    regime = _b18_with_unknown(tmp_path, "quota.mandate_min_supervision_fte", "1")
    ws = [worker(f"T{i}", hire=date(2019, 6, 1)) for i in range(3)]
    ws += [worker(f"T{i}", hire=date(2024, 9, 1)) for i in range(3, 7)]
    ws.append(worker("S", hire=date(2019, 1, 1), fte="0.4", function=Function.SUPERVISION))
    pays = [pay(w.worker_id, "2024-01", "2024-08", "0.4" if w.worker_id == "S" else "1")
            for w in ws if w.hire_date < date(2024, 1, 1)]
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    c = check(e, regime, Period.calendar_year(2024), Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws}))
    year = c.details["agrement_years"][0]
    assert year["forecast_extra_target_fte"] == 0 and year["forecast_compliant"] is None
    condition = " si les travailleurs au statut indéterminé ne sont pas du public cible"
    assert "le public cible suffit ; porter une personne d'encadrement à 0,50 ETP la rend conforme" + condition \
        in c.summary.fr
    assert c.to_fix[0].fr.startswith("Garder le public cible actuel et porter une personne d'encadrement à 0,50 ETP : "
                                     "l'année est alors projetée conforme" + condition)


# ------------------------------------------------------------------------------ mutation audit (tests added)
def test_year_1_an_unknown_status_is_not_counted_as_target_in_the_point_value():
    """Agrément 2024-01-01 → year 1 judged on 2024-12-31 (Q3): 20 % and ≥ 1 target FTE (§4.2).

    N1, N2 not target, U of unknown status, all full time all year. On 2024-12-31, D = 3 FTE:
    U counted not target: 0 / 3 = 0 % < 20 % → fails; U counted target: 1 / 3 = 33,3 % ≥ 20 % and
    1 ≥ 1 → passes. The two readings disagree → « indéterminé » (None), target 0 FTE, unknown 1 FTE.
    """
    ws = [worker("N1"), worker("N2"), worker("U")]
    e = enterprise(ws, [pay(x, "2024-01", "2024-12") for x in ("N1", "N2", "U")], agrement=date(2024, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(N1=False, N2=False, U=None))).latest
    assert (y.year, y.judged_on) == (1, "month_12")
    assert y.target_fte == 0 and y.total_fte == 3 and y.unknown_fte == 1 and y.target_share == 0
    assert y.compliant is None


def test_year_4_requires_half_of_target_public():
    """wallonie-2016 §4.2: 50 % from agrément year 4. Agrément 2021-01-01 → year 4 = 2024.

    T target at 0,8 etp, N not target full time, all 2024: T = 12 × 0,8 = 9,6 FTE-months out of
    D = 9,6 + 12 = 21,6 → 44,4 % < 50 % → not compliant (the 1 FTE minimum fails too: 9,6 / 12 = 0,8).
    Shortfall: share x = (0,5 × 21,6 − 9,6) / ((1 − 0,5) × 12) = 1,2 / 6 = 0,20; minimum
    x = (1 × 12 − 9,6) / 12 = 0,20 → 0,20 FTE.
    """
    ws = [worker("T", hire=date(2021, 1, 1), fte="0.8"), worker("N", hire=date(2021, 1, 1))]
    e = enterprise(ws, [pay("T", "2024-01", "2024-12", "0.8"), pay("N", "2024-01", "2024-12")],
                   agrement=date(2021, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses(dict(T=True, N=False))).latest
    assert y.year == 4 and y.required_share == D("0.5")
    assert y.target_share == denoised(D("9.6") / D("21.6")) and y.compliant is False and y.shortfall_fte == D("0.20")


def test_brussels_2004_the_100th_day_on_the_2nd_leaves_that_month_unjudged():
    """bruxelles-2004 (Q10): agrément 2017-03-24 + 100 days (counted from the next day) = 2017-07-02, so
    July (begun before it) is not judged; August is the first judged month.

    N1, N2 production not target from the agrément; P target from 2017-08-01. July = 0 / 2 = 0 % would
    fail if judged; from August 1 / 3 = 33,3 % ≥ 30 %. Min 3 workers on 2017-09-23 (6 months − 1 day):
    N1, N2, P → ok. Compliant.
    """
    ws = [worker("N1", hire=date(2017, 3, 24)), worker("N2", hire=date(2017, 3, 24)),
          worker("P", hire=date(2017, 8, 1))]
    pays = [pay(x, "2017-03", "2018-03") for x in ("N1", "N2")] + [pay("P", "2017-08", "2018-03")]
    e = enterprise(ws, pays, agrement=date(2017, 3, 24), region=Region.BRUXELLES)
    # July picks the agrément year (check-quota --at 2017-07-01), judged as a whole.
    r = evaluate_quota(e, B04, Period(date(2017, 7, 1), date(2017, 7, 31)), Statuses(dict(N1=False, N2=False, P=True)),
                       whole_years=True)
    y = r.latest
    assert y.extra["obligation_effective_on"] == "2017-07-02"
    assert [str(m.month) for m in y.months if m.judged][0] == "2017-08"
    assert y.extra["failing_months"] == [] and y.compliant is True


_status = st.sampled_from([True, False, None])
_staff_unknown = st.lists(st.tuples(_status, st.lists(_fte, min_size=12, max_size=12)), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(_staff_unknown, st.sampled_from([date(2024, 1, 1), date(2023, 1, 1), date(2023, 3, 15), date(2024, 2, 10)]))
def test_property_unknown_statuses_bound_the_share_and_the_verdict(staff, agrement):
    """Unknown statuses (None) are neither target nor not target (rules.md §9): with them counted as not
    target the share is lowest, counted as target it is highest; the share printed lies between (it is the
    low one), and the verdict is that of both readings when they agree, else « indéterminé » (None).
    Drawn over year 1 (point value, agrément 2024-01-01 and 2024-02-10) and averaged years with whole or
    cut boundary months (2023-01-01, 2023-03-15)."""
    ws, pays, st_ = _build(staff)
    low_st = Statuses({k: v is True for k, v in st_.by_id.items()})
    high_st = Statuses({k: v is not False for k, v in st_.by_id.items()})
    period = Period.calendar_year(2024)

    def years(s):
        return evaluate_quota(enterprise(ws, pays, agrement=agrement), W16, period, s).years

    for y, lo, hi in zip(years(st_), years(low_st), years(high_st), strict=True):
        if lo.target_share is not None:
            assert lo.target_share <= y.target_share <= hi.target_share
            assert y.target_share == lo.target_share
        assert abs(y.unknown_fte - (hi.target_fte - lo.target_fte)) < D("1e-20")  # averages: 28 digits
        assert y.compliant == (lo.compliant if lo.compliant == hi.compliant else None)


def test_brussels_2004_a_month_below_only_on_the_known_statuses_is_undetermined_not_failed():
    """The June dip of ``_brussels_2004_june_dip`` with N3's status unknown: June = 1 / 4 = 25 % < 30 % if N3
    is not target, 2 / 4 = 50 % if N3 is. The verdict was already « indéterminé », but the headline said
    « 1 mois jugé sur 8 sous le seuil (2010-06) » and failing_months listed June. June is now
    undetermined (undetermined_months), failing_months empty, and the headline says « selon les statuts
    connus »."""
    e, status = _brussels_2004_june_dip()
    y = evaluate_quota(e, B04, Period.calendar_year(2010), Statuses(dict(N1=False, N2=False, P=True, N3=None))).latest
    assert y.compliant is None
    assert y.extra["failing_months"] == [] and y.extra["undetermined_months"] == ["2010-06"]
    assert "sous le seuil selon les statuts connus (2010-06)" in y.summary.fr
    assert any("0 sous le seuil, 1 sous le seuil selon les statuts connus (2010-06)" in r.text.fr for r in y.reasons)
    sure = evaluate_quota(e, B04, Period.calendar_year(2010), status).latest
    assert sure.compliant is False and sure.extra["failing_months"] == ["2010-06"]


@pytest.mark.parametrize("forecast", [False, True])
def test_csv_columns_are_only_ever_appended(forecast):
    """`ei check-quota -f csv` (with --forecast too): bbc1bc6's columns first, in that order, then those added
    since (days_in_year, weight, counted_target_fte, counted_total_fte, outside_period); a new column may only
    come after them (spec/cli.md)."""
    r = runner.invoke(app, ["check-quota", str(SAMPLE), "-f", "csv", *(["--forecast"] if forecast else [])])
    header = r.stdout.splitlines()[0].split(",")
    assert header[:17] == ["agrement_year", "year_start", "year_end", "month", "target_fte", "total_fte", "share",
                           "required_share", "judged", "unknown_fte", "projected", "year_compliant",
                           "days_in_year", "weight", "counted_target_fte", "counted_total_fte", "outside_period"]


def test_the_csv_and_the_help_say_which_months_lie_outside_the_period(tmp_path, capsys):
    """Brussels 2004 judges only the period's months: --year 2019 judges agrément year 4 (2018-03-01 …
    2019-02-28) on 2019-01 and 2019-02; its 2018 months are shown, not judged. In the CSV they read
    judged=false like a month before the 100th day: the column outside_period (last) tells them apart —
    true for 2018-03 … 2018-12 (10 months), false for 2019-01, 2019-02 and year 5's months (bruxelles-2018,
    judged on the year's average). The --year help says Brussels 2004 judges only the months of Y."""
    from helpers_cli import run_cli

    code, out, _ = run_cli(capsys, "check-quota", _brussels_across_2019(tmp_path), "--year", "2019", "-f", "csv")
    header, *rows = [line.split(",") for line in out.splitlines()]
    o = header.index("outside_period")
    assert header[o:] == ["outside_period", "supervision_fte", "art60_fte"]
    outside = [(r[0], r[3]) for r in rows if r[o] == "true"]
    assert outside == [("4", str(m)) for m in months("2018-03", "2018-12")]
    assert {(r[0], r[3], r[8]) for r in rows if r[0] == "4" and r[o] == "false"} == {("4", "2019-01", "true"),
                                                                                     ("4", "2019-02", "true")}
    assert all(r[o] == "false" for r in rows if r[0] == "5")
    # The encadrement column (Brussels audit, 2026-12-01): year 5 (bruxelles-2018, a minimum of encadrement) E1 at
    # 1 FTE every month, as the table's « ETP encadr. »; year 4's monthly share (bruxelles-2004) measures none:
    # blank. No art. 60 worker: 0.
    assert {(r[0], r[o + 1], r[o + 2]) for r in rows} == {("4", "", "0"), ("5", "1", "0")}
    r = runner.invoke(app, ["check-quota", "--help"])
    assert "n'y juge que les mois de Y" in " ".join(r.stdout.split())


# ------------------------------------------------------------------------------ a change of regime inside an agrément year
def _brussels_across_2019(tmp_path: Path, june_2018_target_fte: float = 1) -> Path:
    """Brussels, agrément 2015-03-01: T1–T3 (target: CESI, DEI, 13 months unemployed) and N1, N2 (not target)
    in production, E1 in encadrement, all from 2015-03-01 at 1 FTE; T4 (target) hired 2019-02-01. Paie
    2018-03 … 2020-02 (agrément years 4 and 5), T1–T3 paid ``june_2018_target_fte`` in 2018-06. bruxelles-2004
    runs to 2019-01-31, bruxelles-2018 from 2019-02-01: agrément year 4 (2018-03-01 … 2019-02-28) spends 11 of
    its 12 months under bruxelles-2004."""
    from helpers_workbook import set_field, valid_sheets, write_workbook

    sheets = set_field(set_field(valid_sheets(), "region", "bruxelles"), "date_agrement", date(2015, 3, 1))
    header = sheets["Personnel"][0] + ["beneficiaire_ris", "contrat_activation"]
    staff = [("T1", "cesi", "oui", 13, "production"), ("T2", "cesi", "oui", 13, "production"),
             ("T3", "cesi", "oui", 13, "production"), ("T4", "cesi", "oui", 13, "production"),
             ("N1", "cess", "non", 0, "production"), ("N2", "cess", "non", 0, "production"),
             ("E1", "superieur", "non", 0, "encadrement")]
    rows, pay_rows = [], []
    for wid, diploma, dei, unemployed, function in staff:
        hired = date(2019, 2, 1) if wid == "T4" else date(2015, 3, 1)
        row = dict(id_travailleur=wid, date_naissance=date(1990, 1, 1), date_entree=hired, type_contrat="CDI", etp=1,
                   fonction=function, diplome=diploma, inscrit_dei=dei, mois_sans_emploi=unemployed,
                   parent_isole="non", beneficiaire_ris="non", contrat_activation="non")
        rows.append([row.get(h) for h in header])
        pay_rows += [[wid, m.first_day, june_2018_target_fte if wid in ("T1", "T2", "T3") and m == Month(2018, 6)
                      else 1, 2500, 3500] for m in months("2018-03", "2020-02") if m.last_day >= hired]
    sheets["Personnel"] = [header] + rows
    sheets["Paie"] = [sheets["Paie"][0]] + pay_rows
    sheets["Suivi"] = sheets["Suivi"][:1]
    return write_workbook(tmp_path / "b.xlsx", sheets)


def test_an_agrement_year_begun_under_bruxelles_2004_is_judged_by_it(tmp_path, capsys):
    """Agrément year 4 (2018-03-01 … 2019-02-28) began under bruxelles-2004: it keeps that regime's obligation,
    ≥ 30 % of execution staff every month, whatever the period asked — --year 2018 (bruxelles-2004), --year 2019
    (default bruxelles-2018, in force from 2019-02-01), ei batch --month 2019-02, --at 2019-02-15. It was judged
    on the 2018 mandate minimums: (3 × 12 + 1) ÷ 12 = 3,08 target FTE < 4, « non conforme », exit 1, and
    ``ei batch --month 2019-02`` too. Brussels 2004 judges each month for itself, so the period's months only
    (--at: the whole year). Shares: 3 target ÷ 5 production FTE = 60 % every month from 2018-03 to 2019-01,
    but 2018-06 where T1–T3 are paid 0,2: 3 × 0,2 = 0,6 ÷ (0,6 + 2) = 23,1 % < 30 %; 4 ÷ 6 = 66,7 % in 2019-02.
    - --year 2018: year 4 judged on 2018-03 … 2018-12 — non conforme, failing 2018-06, exit 1;
    - --year 2019: year 4 judged on 2019-01 and 2019-02, lowest 60 % — conforme; agrément year 5 (2019-03-01 …
      2020-02-29) began under bruxelles-2018: 4 target FTE ≥ 4 and 1 FTE encadrement ≥ 1 on average — conforme;
    - batch --month 2019-02: that month alone, 66,66 % (rounded down) — conforme;
    - --at 2019-02-15: the whole year 4 — non conforme, failing 2018-06; its forecast too (a month judged is
      closed), under the same 30 %."""
    from helpers_cli import run_cli

    path = _brussels_across_2019(tmp_path, june_2018_target_fte=0.2)
    code, out, _ = run_cli(capsys, "check-quota", path, "--year", "2019", "-f", "json")
    doc = json.loads(out)
    assert code == 0 and doc["regime"] == "bruxelles-2018" and doc["compliant"] is True
    y4, y5 = doc["agrement_years"]
    assert (y4["year"], y4["regime"], y4["rule"], y4["judged_on"]) == (4, "bruxelles-2004", "monthly_production_share",
                                                                       "every_month")
    assert y4["compliant"] is True and y4["lowest_judged_share"] == 0.6 and y4["failing_months"] == []
    assert y4["judged_period"] == {"start": "2019-01-01", "end": "2019-02-28"}
    assert "jugée selon bruxelles-2004, en vigueur à son début" in y4["summary"]
    assert "et non selon bruxelles-2018, en vigueur du 2019-02-01" in y4["reasons"][0]["text"]
    assert (y5["year"], y5["regime"], y5["judged_on"], y5["compliant"]) == (5, "bruxelles-2018", "average_minimums",
                                                                           True)
    assert y5["target_fte"] == 4 and "en vigueur à son début" not in y5["summary"]
    # the same year asked under bruxelles-2004, by its year: the same regime judges 2018's months, June fails
    code, out, _ = run_cli(capsys, "check-quota", path, "--year", "2018", "-f", "json")
    y4 = json.loads(out)["agrement_years"][1]
    assert code == 1 and (y4["year"], y4["regime"], y4["compliant"], y4["failing_months"]) == (
        4, "bruxelles-2004", False, ["2018-06"])
    # a month of it under bruxelles-2018: that month alone (Brussels 2004 is month by month): 4 ÷ 6 = 0,6666
    code, out, _ = run_cli(capsys, "batch", tmp_path, "--month", "2019-02", "-f", "json", "--jobs", "1")
    (f,) = json.loads(out)["files"]
    assert f["regime"] == "bruxelles-2018" and f["checks"]["quota"] is True and f["quota_share"] == 0.6666
    # a day of it: the whole agrément year is judged, June 2018 included; its forecast under the same regime
    code, out, _ = run_cli(capsys, "check-quota", path, "--at", "2019-02-15", "--forecast", "-f", "json")
    doc = json.loads(out)
    (y4,) = doc["agrement_years"]
    assert code == 1 and (y4["regime"], y4["compliant"], y4["failing_months"]) == ("bruxelles-2004", False,
                                                                                    ["2018-06"])
    assert y4["judged_period"] == {"start": "2018-03-01", "end": "2019-02-28"}
    forecast = doc["forecast"]
    assert forecast["agrement_year"] == 4 and forecast["projected_compliant"] is False
    assert forecast["required_share"] == 0.3


def test_a_forced_regime_judges_a_year_begun_before_it_and_says_so(tmp_path, capsys):
    """--regime bruxelles-2018 (forced, D4: a simulation) judges agrément year 4 (begun 2018-03-01, under
    bruxelles-2004) on the mandate minimums: (3 × 12 + 1) ÷ 12 = 37 ÷ 12 = 3,08 target FTE < 4 — non conforme,
    exit 1, as asked; its headline and first reason now say that the regime was not in force when the year
    began and which one was."""
    from helpers_cli import run_cli

    code, out, _ = run_cli(capsys, "check-quota", _brussels_across_2019(tmp_path), "--year", "2019",
                           "--regime", "bruxelles-2018", "-f", "json")
    y4 = json.loads(out)["agrement_years"][0]
    assert code == 1 and (y4["regime"], y4["compliant"], y4["target_fte"]) == ("bruxelles-2018", False, 3.0833)
    assert "selon bruxelles-2018 imposé, pas en vigueur le 2018-03-01" in y4["summary"]
    assert "ei la juge selon bruxelles-2004, en vigueur ce jour-là" in y4["reasons"][0]["text"]


def test_a_forced_regime_in_force_when_the_year_began_adds_nothing_to_its_headline():
    """--regime wallonie-2016 (forced, D4) for agrément year 2 = 2024-01-01 … 2024-12-31 (agrément 2023-01-01),
    which began under wallonie-2016 itself: nothing to say. T1, T2 target, N1–N3 not, full time all year:
    24 ÷ 60 FTE-months = 40 % ≥ 30 % (year 2) → conforme, the same headline and reasons as without --regime,
    with no « selon wallonie-2016 imposé, pas en vigueur le 2024-01-01 »."""
    from ei_cli.regimes import select_regime

    ws = [worker(w) for w in ("T1", "T2", "N1", "N2", "N3")]
    e = enterprise(ws, [pay(w.worker_id, "2024-01", "2024-12") for w in ws])
    st_ = Statuses(dict(T1=True, T2=True, N1=False, N2=False, N3=False))
    year = Period.calendar_year(2024)
    forced = select_regime(e, year, "wallonie-2016")[0]
    assert forced.forced and forced.id == "wallonie-2016"
    y, plain = evaluate_quota(e, forced, year, st_).latest, evaluate_quota(e, W16, year, st_).latest
    assert (y.year, y.required_share, y.target_share, y.compliant) == (2, D("0.3"), D("0.4"), True)
    assert y.summary == plain.summary and y.reasons == plain.reasons
    assert "imposé" not in y.summary.fr


def _walloon_two_of_five(tmp_path: Path, agrement: date, first: str, last: str) -> Path:
    """Wallonia, agrément ``agrement``: T1, T2 (target under every Walloon regime: CESI, registered, 30 months
    without a job) and N1–N3 (not target), all hired on the agrément day at 1 FTE, paid ``first`` … ``last``:
    2 ÷ 5 = 40 % every month."""
    from helpers_workbook import set_field, valid_sheets, write_workbook

    sheets = set_field(valid_sheets(), "date_agrement", agrement)
    header = sheets["Personnel"][0]
    rows, pay_rows = [], []
    for wid, target in (("T1", True), ("T2", True), ("N1", False), ("N2", False), ("N3", False)):
        row = dict(id_travailleur=wid, date_naissance=date(1980, 1, 1), date_entree=agrement, type_contrat="CDI",
                   etp=1, fonction="production", diplome="cesi" if target else "cess",
                   inscrit_dei="oui" if target else "non", mois_sans_emploi=30 if target else 0, parent_isole="non")
        rows.append([row.get(h) for h in header])
        pay_rows += [[wid, m.first_day, 1, 2500, 3500] for m in months(first, last)]
    sheets["Personnel"] = [header] + rows
    sheets["Paie"] = [sheets["Paie"][0]] + pay_rows
    sheets["Suivi"] = sheets["Suivi"][:1]
    return write_workbook(tmp_path / "w.xlsx", sheets)


def test_an_agrement_year_begun_in_the_walloon_gap_is_judged_by_the_nearest_regime_whatever_the_day_asked(
        tmp_path, capsys):
    """Agrément 2012-09-01, Paie 2016-09 … 2018-08 (``_walloon_two_of_five``: 40 %). Agrément year 5
    (2016-09-01 … 2017-08-31) began under the 2012 decree, which ei does not ship (wallonie-2003 ends
    2013-01-30, wallonie-2016 starts 2017-06-30): it is judged by the stand-in ei uses for those days,
    wallonie-2003, the nearest (regime_in_force) — year ≥ 4: 50 % and 1 FTE at least; 24 target FTE-months ÷
    60 FTE-months = 40 % < 50 %, non conforme, short (0,5 × 60 − 24) ÷ (0,5 × 12) = 1,00 FTE — and says so.
    The verdict depended on the day asked: under wallonie-2003 (--at 2017-05-15, --year 2016) non conforme
    with no word; under wallonie-2016 (--at 2017-07-15, --year 2017) « indéterminé » (not_judged). Year 6
    (2017-09-01 …) began under wallonie-2016: 40 % < 50 %, non conforme. The forecast from 2017-07 projects
    year 5 under wallonie-2003 too. Forced (--regime wallonie-2016), year 5 is judged by it, and says which
    regime judges it without --regime."""
    from helpers_cli import run_cli

    path = _walloon_two_of_five(tmp_path, date(2012, 9, 1), "2016-09", "2018-08")
    said = ("année commencée sous un régime qu'ei ne fournit pas (aucun régime livré en vigueur le 2016-09-01) : "
            "jugée selon wallonie-2003, le régime livré le plus proche avant elle")
    for asked, when in (("wallonie-2003", ["--at", "2017-05-15"]), ("wallonie-2016", ["--at", "2017-07-15"]),
                        ("wallonie-2003", ["--year", "2016"]), ("wallonie-2016", ["--year", "2017"])):
        code, out, _ = run_cli(capsys, "check-quota", path, *when, "-f", "json")
        doc = json.loads(out)
        y5 = next(y for y in doc["agrement_years"] if y["year"] == 5)
        assert (code, doc["regime"]) == (1, asked), when
        assert (y5["regime"], y5["judged_on"], y5["target_share"], y5["compliant"], y5["shortfall_fte"]) == (
            "wallonie-2003", "average", 0.4, False, 1.0), when
        assert y5["summary"].endswith(f" ; {said}.") and "sous un régime qu'ei ne fournit pas" in \
            y5["reasons"][0]["text"], when
    y6 = json.loads(out)["agrement_years"][1]
    assert "et non selon wallonie-2016, en vigueur du 2017-06-30" in y5["reasons"][0]["text"]
    assert (y6["year"], y6["regime"], y6["target_share"], y6["compliant"]) == (6, "wallonie-2016", 0.4, False)
    assert "ne fournit pas" not in y6["summary"]
    code, out, _ = run_cli(capsys, "check-quota", path, "--at", "2017-07-15", "--forecast", "-f", "json")
    forecast = json.loads(out)["forecast"]
    assert (forecast["agrement_year"], forecast["projected_compliant"], forecast["required_share"]) == (5, False, 0.5)
    code, out, _ = run_cli(capsys, "check-quota", path, "--year", "2017", "--regime", "wallonie-2016", "-f", "json")
    forced = json.loads(out)["agrement_years"][0]
    assert (forced["regime"], forced["target_share"], forced["compliant"]) == ("wallonie-2016", 0.4, False)
    assert "selon wallonie-2016 imposé, pas en vigueur le 2016-09-01" in forced["summary"]
    assert ("n'est pas livré par ei : sans régime imposé, ei la juge selon wallonie-2003, le régime livré le plus "
            "proche avant elle" in forced["reasons"][0]["text"])


def test_a_paie_warning_is_said_once_when_two_regimes_judge_the_years(tmp_path):
    """Agrément 2012-09-15 (``_walloon_two_of_five``, Paie 2016-09 … 2018-08), September 2017 asked under
    wallonie-2016: it holds the end of agrément year 5 (2016-09-15 … 2017-09-14, begun in the Walloon gap:
    wallonie-2003 stands in) and the start of year 6 (2017-09-15 …, wallonie-2016). T1's Paie row for 2017-09
    is missing: both regimes measure that month, each finds the fallback on Personnel.etp — one warning
    « Travailleur T1 : pas de ligne de paie pour 2017-09 », not two."""
    from dataclasses import replace as replaced

    from ei_cli.rules.eligibility import assess_eligibility
    from ei_cli.workbook import read_workbook

    e = read_workbook(_walloon_two_of_five(tmp_path, date(2012, 9, 15), "2016-09", "2018-08")).enterprise
    e = replaced(e, pay=tuple(p for p in e.pay if (p.worker_id, p.month) != ("T1", Month(2017, 9))))
    r = evaluate_quota(e, W16, Period(date(2017, 9, 1), date(2017, 9, 30)), assess_eligibility(e, W16))
    assert [(y.year, y.regime_id) for y in r.years] == [(5, "wallonie-2003"), (6, "wallonie-2016")]
    assert [p.message.fr for p in r.problems if p.code == "payroll_missing_month"] == [
        "Travailleur T1 : pas de ligne de paie pour 2017-09 ; etp contractuel utilisé (au prorata des jours "
        "d'occupation)."]


def test_an_agrement_year_begun_before_wallonie_2003_says_it_is_judged_by_it_as_the_nearest(tmp_path, capsys):
    """Agrément 2001-07-01, Paie 2003-07 … 2004-12 (``_walloon_two_of_five``: 40 %): year 3 (2003-07-01 …
    2004-06-30) began under the 1998 decree, not shipped; wallonie-2003 (from 2004-01-01), the nearest, judges
    it: year 3 needs 40 % and 1 FTE — 24 ÷ 60 = 40 % ≥ 40 % and 2 ≥ 1, conforme. It was judged so with no word
    of the stand-in; its headline and first reason now say it. Year 4 (2004-07-01 …) began under wallonie-2003:
    nothing to say."""
    from helpers_cli import run_cli

    path = _walloon_two_of_five(tmp_path, date(2001, 7, 1), "2003-07", "2004-12")
    code, out, _ = run_cli(capsys, "check-quota", path, "--year", "2004", "-f", "json")
    y3, y4 = json.loads(out)["agrement_years"]
    assert (y3["year"], y3["regime"], y3["target_share"], y3["compliant"]) == (3, "wallonie-2003", 0.4, True)
    assert y3["summary"].endswith("année commencée sous un régime qu'ei ne fournit pas (aucun régime livré en "
                                  "vigueur le 2003-07-01) : jugée selon wallonie-2003, le premier régime livré.")
    assert "Année d'agrément 3 commencée le 2003-07-01, sous un régime qu'ei ne fournit pas" in \
        y3["reasons"][0]["text"]
    assert y4["year"] == 4 and "ne fournit pas" not in y4["summary"]


def _brussels_2004_november_dip():
    """bruxelles-2004, agrément 2010-07-01: agrément year 5 = 2014-07-01 – 2015-06-30, year 6 from 2015-07-01.
    Execution staff: T1 (target) all along, T2 (target) until 2014-10-31, T3 (target) from 2014-12-01,
    N1–N3 (not target) all along; Paie 2014-07 … 2015-12, full time."""
    start = date(2010, 7, 1)
    ws = [worker("T1", hire=start), worker("T2", hire=start, exit=date(2014, 10, 31)),
          worker("T3", hire=date(2014, 12, 1))] + [worker(f"N{i}", hire=start) for i in range(1, 4)]
    pays = [pay("T1", "2014-07", "2015-12"), pay("T2", "2014-07", "2014-10"), pay("T3", "2014-12", "2015-12")] + \
           [pay(f"N{i}", "2014-07", "2015-12") for i in range(1, 4)]
    e = enterprise(ws, pays, agrement=start, region=Region.BRUXELLES)
    return e, Statuses(dict(T1=True, T2=True, T3=True, N1=False, N2=False, N3=False))


def test_brussels_2004_judges_only_the_months_of_the_period_evaluated():
    """Q10: each month is judged for itself, so a period (``ei batch --month``, ``ei check --year``) judges its
    own months, not every month of the agrément years it touches.

    Shares (target ÷ execution FTE): 2014-07 … 2014-10 2 / 5 = 40 %; 2014-11 1 / 4 = 25 % < 30 % (T2 gone,
    T3 not yet there); 2014-12 … 2015-12 2 / 5 = 40 %.
    - March 2015: only March is judged, 40 % ≥ 30 % → compliant, lowest judged 2015-03 40 %. It was « non
      conforme — 25,0 % » for November 2014, a month of the same agrément year (5) outside the period; that
      month is still shown, « non jugé », outside the period.
    - Calendar 2015: year 5 judged on 2015-01 … 2015-06 (6 months at 40 %), year 6 on 2015-07 … 2015-12 (6
      months at 40 %; not provisional: year 6 runs to 2016-06, but every month of the period is paid, and
      a month judged is closed) → compliant. It failed on 2014-11.
    - November 2014 itself: 25 % < 30 % → not compliant, failing 2014-11, shortfall (0,3 × 4 − 1) ÷ 0,7 =
      0,2857 → 0,29 FTE.
    - The whole agrément year (``ei check-quota --at``, ``whole_years``): 2014-11 is judged → not compliant,
      as before."""
    e, st_ = _brussels_2004_november_dip()
    march = Period(date(2015, 3, 1), date(2015, 3, 31))
    r = evaluate_quota(e, B04, march, st_)
    (y,) = r.years
    assert y.year == 5 and y.compliant is True and r.compliant is True
    assert [str(m.month) for m in y.months if m.judged] == ["2015-03"]
    assert (y.extra["months_judged"], y.extra["lowest_judged_month"], y.extra["lowest_judged_share"],
            y.extra["failing_months"]) == (1, "2015-03", D("0.4"), [])
    assert y.extra["judged_period"] == {"start": "2015-03-01", "end": "2015-03-31"} and not y.provisional
    november = next(m for m in r.to_dict()["months"] if m["month"] == "2014-11")
    assert november["judged"] is False and november["outside_period"] is True and november["share"] == D("0.25")
    assert y.summary.fr == ("Année d'agrément 5 (2014-07-01 – 2015-06-30), mois de la période (2015-03) : conforme "
                            "— 1 mois jugé, le plus bas 2015-03 : 40,0 % de public cible pour 30,0 % exigés.")
    assert y.summary.en.startswith("Agrément year 5 (2014-07-01 – 2015-06-30), months of the period (2015-03): "
                                   "compliant — 1 month judged, lowest 2015-03")
    assert any("Période évaluée 2015-03-01 – 2015-03-31 : seuls les mois de l'année d'agrément dans cette période "
               "sont jugés (2015-03)" in x.text.fr for x in y.reasons)
    c = check(e, B04, march, st_)
    assert c.compliant is True and c.to_fix == ()

    year = evaluate_quota(e, B04, Period.calendar_year(2015), st_)
    assert [(y.year, y.compliant, y.extra["months_judged"]) for y in year.years] == [(5, True, 6), (6, True, 6)]
    assert year.compliant is True and not any(y.provisional for y in year.years)

    nov = evaluate_quota(e, B04, Period(date(2014, 11, 1), date(2014, 11, 30)), st_).latest
    assert nov.compliant is False and nov.extra["failing_months"] == ["2014-11"] and nov.shortfall_fte == D("0.29")

    whole = evaluate_quota(e, B04, march, st_, whole_years=True).latest
    assert whole.compliant is False and whole.extra["failing_months"] == ["2014-11"]
    assert whole.extra["judged_period"] == {"start": "2014-07-01", "end": "2015-06-30"}


def test_brussels_2004_a_period_beyond_the_payroll_is_unknown_not_judged_on_other_months():
    """Same workbook, Paie to 2015-12: March 2016 (agrément year 6, 2015-07-01 – 2016-06-30) has no payroll.
    Its year's known months (2015-07 … 2015-12, 40 %) are not the period's: the quota of March 2016 is
    unknown (« aucun mois de paie connu pour la période »), not judged on other months, nor « conforme »
    for want of a judged month."""
    e, st_ = _brussels_2004_november_dip()
    y = evaluate_quota(e, B04, Period(date(2016, 3, 1), date(2016, 3, 31)), st_).latest
    assert y.year == 6 and y.compliant is None and y.provisional
    assert y.summary.fr == ("Année d'agrément 6 (2015-07-01 – 2016-06-30), mois de la période (2016-03) : "
                            "indéterminé — aucun mois de paie connu pour la période.")
    assert len(y.months) == 6 and not any(m.judged for m in y.months)


def test_brussels_2004_the_three_workers_day_is_judged_only_in_a_period_holding_it():
    """The case of ``test_brussels_2004_three_workers_missed_without_any_payroll_is_not_compliant`` (agrément
    2010-03-01, 2 workers on 2010-08-31 for 3 required): the year 2010 and August 2010 hold that day → not
    compliant; January 2011 (same agrément year 1, to 2011-02-28) does not: that day is not judged, and the
    month (both paid full time) is P1 1 ÷ (1 + 1) = 50 % ≥ 30 % → compliant. (Paid: without any Paie row no
    month is known, and January is « indéterminé », ``test_a_workbook_without_any_payroll_row_…``.)"""
    e = enterprise([worker("P1", hire=date(2010, 3, 1)), worker("P2", hire=date(2010, 3, 1))],
                   [pay(w, "2010-03", "2011-02") for w in ("P1", "P2")],
                   agrement=date(2010, 3, 1), region=Region.BRUXELLES)
    st_ = Statuses({"P1": True, "P2": False})
    august = evaluate_quota(e, B04, Period(date(2010, 8, 1), date(2010, 8, 31)), st_).latest
    assert august.compliant is False and august.extra["min_workers_on"] == "2010-08-31"
    january = evaluate_quota(e, B04, Period(date(2011, 1, 1), date(2011, 1, 31)), st_).latest
    assert january.year == 1 and january.compliant is True and "min_workers" not in january.extra
    assert january.extra["lowest_judged_share"] == D("0.5")


def test_brussels_2004_three_workers_missed_is_what_to_fix_in_ei_check():
    """rules.md §5.2: at least 3 workers within 6 months of the agrément. bruxelles-2004, agrément 2010-03-01 →
    the day is 2010-03-01 + 6 months − 1 day = 2010-08-31; only P1 (target) and P2 (not target) are employed,
    both full time and paid 2010-03 … 2011-02: 2 workers < 3 → « non conforme ». Every judged month (from
    2010-03-01 + 100 days) is P1 1 ÷ (1 + 1) = 50 % ≥ 30 %: the only thing to fix, in `ei check`'s « À
    corriger », is the workforce — « Au moins 3 travailleurs … le 2010-08-31 … ; il y en avait 2. »"""
    e = enterprise([worker("P1", hire=date(2010, 3, 1)), worker("P2", hire=date(2010, 3, 1))],
                   [pay(w, "2010-03", "2011-02") for w in ("P1", "P2")],
                   agrement=date(2010, 3, 1), region=Region.BRUXELLES)
    c = check(e, B04, Period.calendar_year(2010), Statuses({"P1": True, "P2": False}))
    assert c.compliant is False
    assert (c.details["min_workers"], c.details["min_workers_on"], c.details["workers_on_that_day"]) == (
        3, "2010-08-31", 2)
    assert [(x.fr, x.en) for x in c.to_fix] == [(
        "Au moins 3 travailleurs devaient être occupés le 2010-08-31, fin du délai qui suit l'agrément ; il y en "
        "avait 2.",
        "At least 3 workers had to be employed on 2010-08-31, the end of the period after the agrément; there "
        "were 2.")]


def _one_and_a_person_on_two_half_times(full: str, year: int, second_month: int):
    """``full`` full time from 1 January of ``year``, and one person (same national number) on two half-time
    contracts: A1 from 1 January, A2 from the first of ``second_month``; paid to December. Workers, Paie rows."""
    x = "90040410148"
    second = f"{year}-{second_month:02d}"
    ws = [worker(full, hire=date(year, 1, 1)),
          replace(worker("A1", hire=date(year, 1, 1), fte="0.5"), national_number=x),
          replace(worker("A2", hire=date(year, second_month, 1), fte="0.5"), national_number=x)]
    pays = [pay(full, f"{year}-01", f"{year}-12"), pay("A1", f"{year}-01", f"{year}-12", "0.5"),
            pay("A2", second, f"{year}-12", "0.5")]
    return ws, pays


def test_brussels_2004_three_workers_are_three_persons_not_three_ids():
    """rules.md §5.2: « at least 3 workers within 6 months » counts people. Agrément 2010-01-01 → the day is
    2010-01-01 + 6 months − 1 day = 2010-06-30. On it T1 (full time) and A1 + A2 (two half-time contracts of
    one person, same national number, from 2010-01-01 and 2010-03-01) are employed: 3 ids but 2 persons
    < 3 → not compliant (the old count of ids said 3, compliant). Without the national number the ids are
    3 people, as before: compliant."""
    ws, pays = _one_and_a_person_on_two_half_times("T1", 2010, 3)
    st_ = Statuses({"T1": True, "A1": True, "A2": True})
    e = enterprise(ws, pays, agrement=date(2010, 1, 1), region=Region.BRUXELLES)
    y = evaluate_quota(e, B04, Period.calendar_year(2010), st_).latest
    assert (y.extra["min_workers_on"], y.extra["workers_on_that_day"]) == ("2010-06-30", 2)
    assert y.extra["min_workers_compliant"] is False and y.compliant is False
    assert any(r.text.fr.startswith("Au moins 3 travailleurs dans les 6 mois de l'agrément : 2 occupés le "
                                    "2010-06-30") for r in y.reasons)
    apart = enterprise([replace(w, national_number=None) for w in ws], pays, agrement=date(2010, 1, 1),
                       region=Region.BRUXELLES)
    y = evaluate_quota(apart, B04, Period.calendar_year(2010), st_).latest
    assert y.extra["workers_on_that_day"] == 3 and y.extra["min_workers_compliant"] is True


def test_year_1_point_counts_the_persons_under_contract_that_day():
    """Wallonia 2016 year 1 (agrément 2024-01-01) is judged on 2024-12-31 (Q3): T (target, 1 FTE) and A1 + A2,
    one person (same national number) on two half-time contracts: 1 ÷ (1 + 0,5 + 0,5) = 50 % of 2 FTE, and
    « 2 travailleurs sous contrat ce jour-là » — the person once, not 3 ids."""
    ws, pays = _one_and_a_person_on_two_half_times("T", 2024, 6)
    e = enterprise(ws, pays, agrement=date(2024, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2024), Statuses({"T": True, "A1": False, "A2": False})).latest
    assert y.year == 1 and y.target_share == D("0.5")
    said = next(r.text for r in y.reasons if r.text.fr.startswith("Le 2024-12-31 :"))
    assert "sur 2,00 ETP (2 travailleurs sous contrat ce jour-là)" in said.fr
    assert "(2 workers under contract that day)" in said.en


def test_check_quota_year_judges_the_period_and_at_the_whole_agrement_year(tmp_path):
    """`ei check-quota --year 2015` judges the months of 2015, as `ei check --year 2015` (one verdict for one
    period): compliant, exit 0 (it failed on 2014-11, outside 2015). `--at 2015-03-15` picks agrément year 5
    and judges it as a whole: 2014-11 at 25 % < 30 % → not compliant, exit 1."""
    from helpers_workbook import niss, write_workbook

    start = date(2010, 7, 1)
    people = [("T1", start, None, "cesi", "oui", 13), ("T2", start, date(2014, 10, 31), "cesi", "oui", 13),
              ("T3", date(2014, 12, 1), None, "cesi", "oui", 13)] + \
             [(f"N{i}", start, None, "cess", "non", 0) for i in range(1, 4)]
    personnel = [["id_travailleur", "niss", "date_naissance", "date_entree", "date_sortie", "type_contrat", "etp",
                  "fonction", "diplome", "inscrit_dei", "mois_sans_emploi", "parent_isole", "beneficiaire_ris",
                  "contrat_activation"]]
    paie = [["id_travailleur", "mois", "etp", "salaire_brut", "cout_salarial"]]
    for i, (wid, hire, leave, diploma, dei, msw) in enumerate(people):
        personnel.append([wid, niss(date(1990, 1, 1), i + 1), date(1990, 1, 1), hire, leave, "CDI", 1, "production",
                          diploma, dei, msw, "non", "non", "non"])
        paie += [[wid, m.first_day, 1, 2000, 2800] for m in months("2014-07", "2015-12")
                 if m.last_day >= hire and (leave is None or m.first_day <= leave)]
    book = write_workbook(tmp_path / "bxl.xlsx", {
        "Entreprise": [["champ", "valeur"], ["nom", "EI Test"], ["region", "bruxelles"],
                       ["regime", "bruxelles-2004"], ["date_agrement", start], ["forme_juridique", "SC"]],
        "Personnel": personnel, "Paie": paie})
    r = runner.invoke(app, ["check-quota", str(book), "--year", "2015", "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["compliant"] is True, r.stdout
    assert [y["months_judged"] for y in doc["agrement_years"]] == [6, 6]
    r = runner.invoke(app, ["check-quota", str(book), "--at", "2015-03-15", "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 1 and doc["failing_months"] == ["2014-11"], r.stdout


def test_a_year_over_with_months_unpaid_asks_for_the_payroll_not_a_hire():
    """Judged on 2026-11-30 (the tests' day). Agrément 2021-01-01, year 2 = 2022 (30 %), Paie January–August
    2022 only: T target, N1–N3 not, all full time → 8 ÷ 32 = 25 % on the known months. The year ended on
    2022-12-31: it read « (provisoire : année en cours) » and « projection : engager 0,86 ETP … à partir de
    2022-09 » — a hire four years in the past. It is « (provisoire : paie incomplète) », its reason says the
    year has ended with 8 months known out of 12, and what to fix is the Paie sheet, not a hire."""
    e, st_ = _one_target_in_four("2022-08")
    y = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert y.provisional and y.compliant is False and "forecast_hire_from" not in y.extra
    assert y.summary.fr.endswith("(provisoire : paie incomplète).") and "engager" not in y.summary.fr
    assert any(r.text.fr.startswith("Paie incomplète : 8 mois connus sur 12 alors que l'année d'agrément s'est "
                                    "terminée le 2022-12-31") for r in y.reasons)
    c = check(e, W16, Period.calendar_year(2022), st_)
    assert [x.fr for x in c.to_fix] == ["Année terminée le 2022-12-31 : complétez la feuille Paie de ses mois "
                                        "manquants, le verdict porte sur les mois connus."]
    # ei check-quota --forecast on it: no projection, no hire from 2022-09 (it said « engager 0,86 ETP »).
    fc = forecast_quota(e, W16, Month(2022, 8).last_day, st_)
    assert fc.hire_from is None and fc.extra_target_fte is None and fc.months_remaining == 0
    assert fc.summary.fr == ("Année d'agrément 2 : terminée le 2022-12-31, paie connue jusqu'à 2022-08 : pas de "
                             "projection ni d'engagement à proposer ; complétez la feuille Paie de ses mois manquants.")


def test_a_projection_that_hangs_on_unknown_statuses_says_so_not_non_conforme(monkeypatch):
    """Judged on 2022-09-15. Agrément 2021-01-01, year 2 = 2022 (30 %); T target, N1, N2 not, U of unknown
    status, all full time, Paie January–August. Projected to December: known target 12 ÷ 48 = 25 % — or
    24 ÷ 48 = 50 % if U is target: the projected verdict is unknown, not « non conforme ». The hire solved
    as if U were not target, counted from the day after today (2022-09-16: September for 15 days out of 30,
    k = 3,5): x = (0,3 × 48 − 12) ÷ (0,7 × 3,5) = 2,4 ÷ 2,45 = 0,9796 → 0,98 from 2022-09. The
    summary read « projetée non conforme ; engager 0,86 ETP … la rend conforme »; it now reads « projetée
    indéterminée » and that the hire holds only if U is not target public."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 9, 15))
    ws = [worker(w) for w in ("T", "N1", "N2", "U")]
    e = enterprise(ws, [pay(w.worker_id, "2022-01", "2022-08") for w in ws], agrement=date(2021, 1, 1))
    fc = forecast_quota(e, W16, Month(2022, 8).last_day, Statuses({"T": True, "N1": False, "N2": False, "U": None}))
    assert fc.extra_target_fte == D("0.98") and fc.year.compliant is None
    assert fc.summary.fr.startswith("Année d'agrément 2 : projetée indéterminée")
    assert "non conforme" not in fc.summary.fr
    assert "si les travailleurs au statut indéterminé ne sont pas du public cible" in fc.summary.fr


def _walloon_gap_dedp_not_td(tmp_path: Path, last: str, unknown: bool = False):
    """Wallonia, agrément 2012-03-01: agrément year 6 = 2017-03-01 … 2018-02-28 began in the Walloon gap (the
    2012 decree, not shipped) and is judged by the stand-in wallonie-2003 (year ≥ 4: 50 %, §4.2), whose target
    public is the DEDP (§4.1: no CESS and registered at FOREm), not wallonie-2016's TD/TGD (§3.1). D1: no diploma,
    registered, 0 months without a job, not a single parent, 32 when hired — DEDP but not TD. N1: higher diploma,
    not registered — target under neither. U1 (``unknown``): as D1 but registration left empty — DEDP unknown,
    not TD whatever it is (no TD alternative holds). All full time from the agrément, paid 2017-03 … ``last``.
    Returns (enterprise, wallonie-2016's eligibility report: the one asked for)."""
    from helpers_workbook import niss, set_field, valid_sheets, write_workbook

    from ei_cli.rules.eligibility import assess_eligibility
    from ei_cli.workbook import read_workbook

    sheets = set_field(valid_sheets(), "date_agrement", date(2012, 3, 1))
    header = sheets["Personnel"][0]
    people = [("D1", "aucun", "oui"), ("N1", "superieur", "non")] + ([("U1", "aucun", None)] if unknown else [])
    rows, pay_rows = [], []
    for i, (wid, diploma, dei) in enumerate(people):
        born = date(1979, 5, 17 + i)
        row = dict(id_travailleur=wid, niss=niss(born, 100 + i), date_naissance=born, date_entree=date(2012, 3, 1),
                   type_contrat="CDI", etp=1, fonction="production", diplome=diploma, inscrit_dei=dei,
                   mois_sans_emploi=0, parent_isole="non")
        rows.append([row.get(h) for h in header])
        pay_rows += [[wid, m.first_day, 1, 2500, 3400] for m in months("2017-03", last)]
    sheets["Personnel"] = [header] + rows
    sheets["Paie"] = [sheets["Paie"][0]] + pay_rows
    sheets["Suivi"] = sheets["Suivi"][:1]
    e = read_workbook(write_workbook(tmp_path / "gap.xlsx", sheets)).enterprise
    return e, assess_eligibility(e, W16)


def test_a_year_judged_by_the_stand_in_counts_the_stand_ins_target_public(tmp_path):
    """Asked under wallonie-2016, July 2017 lies in agrément year 6 (2017-03-01 … 2018-02-28), judged by
    wallonie-2003 standing in, which counts ITS target public (DEDP): D1 is target, N1 is not →
    12 target FTE-months ÷ 24 FTE-months = 50 % ≥ 50 % → conforme. Counted with wallonie-2016's public (the
    report asked for), D1 is no TD: 0 ÷ 24 = 0 % → non conforme."""
    e, report = _walloon_gap_dedp_not_td(tmp_path, "2018-02")
    (y,) = evaluate_quota(e, W16, Period(date(2017, 7, 1), date(2017, 7, 31)), report).years
    assert (y.year, y.regime_id) == (6, "wallonie-2003")
    assert y.target_fte == 1 and y.total_fte == 2 and y.target_share == D("0.5") and y.compliant is True


def test_a_year_judged_by_the_stand_in_says_which_target_public_it_counts(tmp_path):
    """The same year 6 asked under wallonie-2016 (whose staff lists and other checks follow TD/TGD, §3.1), judged
    by wallonie-2003 counting DEDP (§4.1): 50 % = 12 ÷ 24 FTE-months, D1 counted though no TD. The reason said
    « jugée selon wallonie-2003 … simulation historique » but not that the quota counts DEDP, beside a staff
    table saying D1 is not target public. Its first reason now names the public counted, citing nothing new
    (the judge's eligibility.definition); in English too, with the definition's English text (it was the French
    « DEDP = non titulaire du secondaire supérieur … » inside the English sentence). A year judged by its own
    regime says nothing of it."""
    e, report = _walloon_gap_dedp_not_td(tmp_path, "2018-02")
    (y,) = evaluate_quota(e, W16, Period(date(2017, 7, 1), date(2017, 7, 31)), report).years
    definition = get_regime("wallonie-2003").value("eligibility.definition", date(2017, 3, 1)).description_text
    first = y.reasons[0].text
    assert (f"le quota y compte le public cible de wallonie-2003 ({definition.fr}), et non celui de wallonie-2016, "
            "que suivent les autres contrôles et la liste du personnel") in first.fr
    assert f"the quota counts wallonie-2003's target public in it ({definition.en}), not that of" in first.en
    assert definition.en.startswith("DEDP = not holding") and "titulaire" not in first.en
    (y7,) = evaluate_quota(e, W16, Period(date(2018, 3, 1), date(2018, 3, 31)), report).years
    assert y7.regime_id == "wallonie-2016" and not any("le quota y compte" in r.text.fr for r in y7.reasons)


def test_the_forecast_of_a_year_judged_by_the_stand_in_counts_the_stand_ins_target_public(tmp_path, monkeypatch):
    """As above, Paie known to 2017-12: the projection of year 6 from 2017-12 (two months left, each worker
    keeping 1 FTE) under wallonie-2003 counts D1 as target: 12 ÷ 24 = 50 % ≥ 50 % → projected conforme with
    no extra hire. With wallonie-2016's public: 0 % → non conforme, a hire."""
    monkeypatch.setattr(periods, "today", lambda: date(2018, 1, 15))   # the year running
    e, report = _walloon_gap_dedp_not_td(tmp_path, "2017-12")
    f = forecast_quota(e, W16, Month(2017, 12).last_day, report)
    d = f.to_dict()
    assert (d["agrement_year"], d["required_share"], d["projected_target_share"]) == (6, D("0.5"), D("0.5"))
    assert d["projected_compliant"] is True


def test_what_to_fix_names_the_statuses_unknown_under_the_regime_that_judges_the_year(tmp_path):
    """As above with U1, whose registration at FOREm is empty, Paie 2017-03 … 2018-02 (the year is over).
    Under wallonie-2003 (the year's judge) U1's DEDP status is unknown: D1 target, N1 not → share between
    12 ÷ 36 = 33,3 % and 24 ÷ 36 = 66,7 %, around 50 % → indéterminé; what to fix is to complete U1's status.
    Under wallonie-2016's public U1 is known not to be TD (no TD alternative): « statut … indéterminé : » with
    no id at all."""
    e, report = _walloon_gap_dedp_not_td(tmp_path, "2018-02", unknown=True)
    c = check(e, W16, Period(date(2017, 7, 1), date(2017, 7, 31)), report)
    assert c.compliant is None
    assert [x.fr for x in c.to_fix] == ["Compléter la feuille Personnel (statut de public cible indéterminé : travailleur U1) : "
                                        "le verdict en dépend."]


def test_brussels_2004_an_agrement_years_one_day_boundary_month_is_judged_in_it():
    """bruxelles-2004 judges every month of the agrément year from day 100 (§5.2; §9 Q10), a boundary month
    for its days inside the year: ≥ 30 % of target public in each. Execution staff: T1 (target), N1, N2 (not
    target), full time.
    - Agrément 2014-03-02 → year 1 = 2014-03-02 … 2015-03-01: its last month, March 2015, holds one day of
      it (2015-03-01, the month's first day). T1 leaves on 2015-02-28: January and February 2015 1 ÷ 3 =
      33,3 % ≥ 30 %, March 2015 0 ÷ 2 = 0 % < 30 % → year 1 (calendar 2015) non conforme, failing 2015-03.
    - Agrément 2014-01-31 → year 2 = 2015-01-31 … 2016-01-30: its first month, January 2015, holds one day of
      it (2015-01-31, the month's last day). T1 leaves on 2014-12-31, T2 (target) comes on 2015-02-01:
      January 2015 0 ÷ 2 = 0 % < 30 %, then 1 ÷ 3 = 33,3 % → year 2 non conforme, failing 2015-01 only."""
    st_ = Statuses(dict(T1=True, T2=True, N1=False, N2=False))
    start = date(2014, 3, 2)
    e = enterprise([worker("T1", hire=start, exit=date(2015, 2, 28)), worker("N1", hire=start),
                    worker("N2", hire=start)],
                   [pay("T1", "2014-03", "2015-02"), pay("N1", "2014-03", "2015-06"), pay("N2", "2014-03", "2015-06")],
                   agrement=start, region=Region.BRUXELLES)
    y1 = evaluate_quota(e, B04, Period.calendar_year(2015), st_).years[0]
    assert (y1.year, y1.period.end) == (1, date(2015, 3, 1))
    assert [(str(m.month), round(m.share, 4), m.judged) for m in y1.months][-3:] == [
        ("2015-01", D("0.3333"), True), ("2015-02", D("0.3333"), True), ("2015-03", 0, True)]
    assert y1.compliant is False and y1.extra["failing_months"] == ["2015-03"]

    start = date(2014, 1, 31)
    e = enterprise([worker("T1", hire=start, exit=date(2014, 12, 31)), worker("T2", hire=date(2015, 2, 1)),
                    worker("N1", hire=start), worker("N2", hire=start)],
                   [pay("T1", "2014-01", "2014-12"), pay("T2", "2015-02", "2015-06"), pay("N1", "2014-01", "2015-06"),
                    pay("N2", "2014-01", "2015-06")], agrement=start, region=Region.BRUXELLES)
    y2 = evaluate_quota(e, B04, Period.calendar_year(2015), st_).years[1]
    assert (y2.year, y2.period.start) == (2, date(2015, 1, 31))
    assert (str(y2.months[0].month), y2.months[0].share, y2.months[0].judged) == ("2015-01", 0, True)
    assert y2.compliant is False and y2.extra["failing_months"] == ["2015-01"]


def test_a_running_year_whose_payroll_stopped_months_ago_hires_from_the_day_after_today():
    """Judged on 2026-11-30 (the tests' day). Agrément 2021-01-01, year 6 = 2026 (50 %); T target, N1–N3
    not, full time; Paie January–March 2026 only. The projection (everyone keeps their etp to December):
    T 12, D 48. It solved the hire from 2026-04 over k = 9 months: x = (0,5 × 48 − 12) ÷ (0,5 × 9) = 2,67 —
    a hire eight months in the past. April–October are past: projected, not adjustable, and a reason names
    them; a hire counts from the day after today, 2026-12-01 — November, whose last day is today, adds
    nothing — so over k = 1 (December): x = (0,5 × 48 − 12) ÷ (0,5 × 1) = 12 ÷ 0,5 = 24,00 FTE from 2026-12."""
    e, st_ = _one_target_in_four("2026-03")
    fc = forecast_quota(e, W16, Month(2026, 3).last_day, st_)
    assert (fc.hire_from, fc.extra_target_fte) == (Month(2026, 12), D("24.00"))
    assert any(r.text.fr.startswith("Mois de 2026-04 à 2026-10 : passés sans paie connue") for r in fc.reasons)
    assert any(r.text.fr == "Engagement compté à partir du lendemain de la date du jour (2026-12-01) : 2026-11 n'y "
               "compte plus (dernier jour aujourd'hui), engagements à partir de 2026-12." for r in fc.reasons)


def test_a_forecast_hire_counts_from_the_day_after_today(monkeypatch):
    """Agrément 2021-03-01, year 6 = 2026-03-01 – 2027-02-28 (50 %, regime file); T target, N1, N2 not, full time;
    Paie 2026-03 … 2026-10. Projected: T = 12, D = 36 FTE-months. On 2026-11-30 it said « engager 3,00 ETP … à
    partir de 2026-11 » (k = 4, November whole): hired on 11-30, 3 × (1/30 + 3) = 9,1 → (12 + 9,1) ÷ (36 + 9,1)
    = 46,8 % < 50 %. A hire counts from the day after today: November's last day is today, it adds nothing —
    k = 3 (December–February): x = (r·D − T) ÷ ((1 − r)·k) = (18 − 12) ÷ (0,5 × 3) = 4,00 from 2026-12
    ((12 + 12) ÷ (36 + 12) = 50 %). On 2026-11-15: from 2026-11-16, November for its 15 days left out of 30,
    k = 0,5 + 3 = 3,5: x = 6 ÷ 1,75 = 3,4286 → 3,43 from 2026-11 (3,43 × 3,5 = 12,005: 24,005 ÷ 48,005 ≥ 50 %)."""
    ws = [worker(w, hire=date(2021, 3, 1)) for w in ("T", "N1", "N2")]
    e = enterprise(ws, [pay(w.worker_id, "2026-03", "2026-10") for w in ws], agrement=date(2021, 3, 1))
    st_ = Statuses({"T": True, "N1": False, "N2": False})
    fc = forecast_quota(e, W16, Month(2026, 11).last_day, st_)
    assert (fc.hire_from, fc.hire_day, fc.extra_target_fte) == (Month(2026, 12), date(2026, 12, 1), D("4.00"))
    assert "engager 4,00 ETP de public cible à partir de 2026-12 la rend conforme" in fc.summary.fr
    assert any("présents k = 3 mois de l'année" in r.text.fr for r in fc.year.reasons)
    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 15))
    fc = forecast_quota(e, W16, Month(2026, 11).last_day, st_)
    assert (fc.hire_from, fc.hire_day, fc.extra_target_fte) == (Month(2026, 11), date(2026, 11, 16), D("3.43"))
    assert any(r.text.fr == "Engagement compté à partir du lendemain de la date du jour (2026-11-16) : 2026-11 compte "
               "pour 15 jours restants sur 30." for r in fc.reasons)
    assert any(r.text.en == "A hire counted from the day after today (2026-11-16): 2026-11 counts for 15 days "
               "left out of 30." for r in fc.reasons)
    assert fc.to_dict()["hire_from_day"] == "2026-11-16"


def test_the_figures_not_measured_without_payroll_are_the_ones_the_contract_says():
    """cli.md line 55: `target_fte`, `total_fte`, `shortfall_fte` are numbers, « change it only by adding ».
    A year without any payroll month keeps the types it had (0, ``test_a_year_without_any_payroll_month_…``)
    and adds `fte_measured: false`; docs/spec/cli.md's « Added — `fte_measured` » paragraph names it, the
    figures it concerns and that they stay 0. Agrément 2010-01-01, Paie 2013 only, 2025 judged: every
    `*_fte` / `*_share` figure the JSON leaves null (bar `required_share`, null by rule for a regime judged on
    FTE minimums) is one the contract already allowed null: `target_share`, `shortfall_fte` (« 0 if
    compliant »: null with nothing measured, as before)."""
    from helpers_cli import cli_spec_sentence

    said = cli_spec_sentence("Added — `fte_measured`")
    assert "agrément year without any payroll month" in said
    assert all(f"`{k}`" in said for k in ("target_fte", "total_fte", "unknown_fte")) and "stay `0`" in said
    for regime, region in ((B18, Region.BRUXELLES), (W16, Region.WALLONIE)):
        ws = [worker(f"T{i}", hire=date(2010, 1, 1)) for i in range(5)] + [worker("N", hire=date(2010, 1, 1))]
        e = enterprise(ws, [pay(w.worker_id, "2013-01", "2013-12") for w in ws], agrement=date(2010, 1, 1),
                       region=region)
        statuses = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
        doc = evaluate_quota(e, regime, Period.calendar_year(2025), statuses).to_dict()
        null = {k for k, v in doc.items() if v is None and k.endswith(("_fte", "_share")) and k != "required_share"}
        assert null == {"target_share", "shortfall_fte"}, (regime.id, null)


@pytest.mark.parametrize("regime, region", [(B18, Region.BRUXELLES), (W16, Region.WALLONIE)])
def test_a_year_without_any_payroll_month_keeps_its_fte_numbers_and_says_they_were_not_measured(regime, region):
    """Auditor's case 1: the Paie sheet ends in 2013-12; 2025 (agrément 2010-01-01 → agrément year 16) has no
    payroll month. The verdict is « indéterminé » (compliant null). At 41670ca its JSON gave `target_fte: 0,
    total_fte: 0, unknown_fte: 0`; a later commit made them null, which cli.md's contract (numbers, « change it
    only by adding ») does not allow. They are 0 again, with the added `fte_measured: false` (true for a
    measured year), at the top level and in `agrement_years[]`; `shortfall_fte` and `target_share` stay null
    as at 41670ca. Nothing prints the 0 as measured: « — » in the check-quota line, the documents (driven by
    the flag: the view's FTE are None, « 0,00 ETP de public cible (minimum 4,00) — indéterminé » read as a
    measured zero) and the batch summary's share column — the same in both regions (``rules.quota._no_data``)."""
    from ei_cli.batch import _quota_share
    from ei_cli.documents import _quota_view, fmt_number
    from ei_cli.render.quota import _judged_figures

    ws = [worker(f"T{i}", hire=date(2010, 1, 1)) for i in range(5)] + [worker("N", hire=date(2010, 1, 1))]
    e = enterprise(ws, [pay(w.worker_id, "2013-01", "2013-12") for w in ws], agrement=date(2010, 1, 1),
                   region=region)
    statuses = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
    period = Period.calendar_year(2025)
    result = evaluate_quota(e, regime, period, statuses)
    y = result.latest
    assert y.year == 16 and y.compliant is None and y.months == () and y.fte_measured is False
    doc = result.to_dict()
    for d in (doc, doc["agrement_years"][-1]):
        assert [d[k] for k in ("target_fte", "total_fte", "unknown_fte")] == [0, 0, 0]
        assert d["fte_measured"] is False and d["shortfall_fte"] is None and d["target_share"] is None
    measured = evaluate_quota(e, regime, Period.calendar_year(2013), statuses).to_dict()
    assert measured["fte_measured"] is True and measured["agrement_years"][-1]["fte_measured"] is True
    view = _quota_view(doc, period)
    assert (view["target_fte"], view["total_fte"]) == (None, None) and fmt_number(view["target_fte"]) == "—"
    assert [a["target_fte"] for a in view["agrement_years"]] == [None]
    figures = " · ".join(_judged_figures(y, False, "fr"))
    info = " (information)" if regime is B18 else ""   # Brussels 2018 judges minimums, no share
    assert f"part obtenue{info} —" in figures and "manque —" in figures and "0,00" not in figures
    assert _quota_share([check(e, regime, period, statuses)]) is None


def _brussels_2018_year_2_paid_to_august():
    """bruxelles-2018, agrément 2020-01-01 → agrément year 2 = 2021; Paie January–August 2021 only: T0–T4
    (target) and E0 (encadrement) full time. Its quota year 2021."""
    ws = [worker(f"T{i}", hire=date(2020, 1, 1)) for i in range(5)]
    ws.append(worker("E0", hire=date(2020, 1, 1), function=Function.SUPERVISION))
    e = enterprise(ws, [pay(w.worker_id, "2021-01", "2021-08") for w in ws], agrement=date(2020, 1, 1),
                   region=Region.BRUXELLES)
    status = Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws})
    return evaluate_quota(e, B18, Period.calendar_year(2021), status).latest


def test_brussels_2018_year_over_with_months_unpaid_says_payroll_incomplete():
    """Judged on 2026-11-30 (the tests' day). bruxelles-2018, agrément 2020-01-01 → agrément year 2 = 2021,
    over since 2021-12-31; Paie January–August 2021 only. T0–T4 (target) and E0 (encadrement) full time:
    5 ≥ 4 target FTE, 1 ≥ 1 FTE encadrement on the 8 known months. The headline read « (provisoire) » alone
    where the other regimes say what is provisional: for a year long over, « (provisoire : paie incomplète) »,
    not « année en cours »; for the year in progress (judged 2021-09-15) « (provisoire : année en cours) »."""
    y = _brussels_2018_year_2_paid_to_august()
    assert y.provisional and y.compliant is True
    assert y.summary.fr.endswith("ETP d'encadrement (minimum 1,00) (provisoire : paie incomplète)."), y.summary.fr
    assert y.summary.en.endswith("(provisional: payroll incomplete)."), y.summary.en


def test_brussels_2018_year_in_progress_says_so(monkeypatch):
    """The same workbook judged on 2021-09-15: agrément year 2 (2021) is running, Paie to August →
    « (provisoire : année en cours) »."""
    monkeypatch.setattr(periods, "today", lambda: date(2021, 9, 15))
    y = _brussels_2018_year_2_paid_to_august()
    assert y.provisional and y.summary.fr.endswith("(provisoire : année en cours)."), y.summary.fr


def test_a_workbook_without_any_payroll_row_has_no_month_known(make_workbook, workbook_sheets):
    """Auditor's case: a `Paie` sheet with its header only. Months after the last Paie month are not known
    (« Unit and source »); without any Paie row, no month is: every agrément year takes the no-payroll path
    (``_no_data``: « indéterminé — aucun mois de paie connu », `fte_measured` false, compliant null, exit 0),
    as a year after a Paie that stops early does. It was judged in full on Personnel.etp alone, as measured
    and final, future years included: `--year 2030` (today 2026-11-30) read « conforme », `provisional`
    false; with worker 1 not target, « non conforme … manque 2,00 ETP », exit 1. The default run without
    payroll evaluates the current month's agrément year (a month, as with payroll), not the agrément day;
    `ei check` and `ei batch` judge the quota with the same rule (``evaluate_quota``). Agrément 2021-03-01:
    year 9 = 2029-03-01 – 2030-02-28 and year 10 from 2030-03-01 touch 2030."""
    from helpers_workbook import set_value

    workbook_sheets["Paie"] = workbook_sheets["Paie"][:1]
    set_value(workbook_sheets, "Personnel", 1, "diplome", "superieur")   # worker 1 no longer target public
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check-quota", str(path), "--year", "2030", "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["compliant"] is None and doc["fte_measured"] is False
    assert [(y["year"], y["compliant"], y["fte_measured"], y["months"]) for y in doc["agrement_years"]] == [
        (9, None, False, []), (10, None, False, [])]
    # Years 9 and 10 have not begun on 2026-11-30: not judged, said as such (not « aucun mois de paie connu »).
    assert doc["summary"].count("année d'agrément pas encore commencée (date du jour : 2026-11-30)") == 2
    assert not any(p["code"] == "payroll_missing_month" for p in doc["problems"])
    r = runner.invoke(app, ["check-quota", str(path), "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["period"] == {"start": "2026-11-01", "end": "2026-11-30"}
    assert [(y["year"], y["compliant"], y["fte_measured"]) for y in doc["agrement_years"]] == [(6, None, False)]
    r = runner.invoke(app, ["check", str(path), "--year", "2030", "--only", "quota", "-f", "json"])
    (quota,) = json.loads(r.stdout)["checks"]
    assert r.exit_code == 0 and quota["compliant"] is None and quota["fte_measured"] is False


def test_a_year_without_any_payroll_month_keeps_months_counted(make_workbook, workbook_sheets):
    """The contract only adds JSON fields: a year judged on its average gives `months_counted` (the months,
    Σ weights, its averages divide by), top level and in `agrement_years[]`. The no-payroll path (``_no_data``)
    had none — a workbook without Paie had it at 4d92e79, judged on Personnel.etp (12). It is 0 now: no month
    counted. The test workbook without Paie, --year 2026: agrément years 5 and 6 (2025-03-01 …, 2026-03-01 …),
    averaged; a Brussels 2018 year (minimums on average) without payroll the same."""
    workbook_sheets["Paie"] = workbook_sheets["Paie"][:1]
    path = make_workbook(workbook_sheets)
    doc = json.loads(runner.invoke(app, ["check-quota", str(path), "--year", "2026", "-f", "json"]).stdout)
    assert doc["months_counted"] == 0 and doc["fte_measured"] is False
    assert [(y["year"], y["months_counted"]) for y in doc["agrement_years"]] == [(5, 0), (6, 0)]
    e = enterprise([worker("T"), worker("S", function=Function.SUPERVISION)], [], agrement=date(2020, 1, 1),
                   region=Region.BRUXELLES)
    y = evaluate_quota(e, B18, Period.calendar_year(2021), Statuses({"T": True, "S": False})).latest
    assert y.judged_on == "average_minimums" and y.compliant is None and y.to_dict()["months_counted"] == 0


def test_a_workbook_without_any_payroll_row_projects_nothing(make_workbook, workbook_sheets):
    """`ei check-quota --forecast` on a workbook without any Paie row (today 2026-11-30, agrément 2021-03-01:
    year 6 = 2026-03-01 – 2027-02-28). The verdict is « indéterminé — aucun mois de paie connu », but the
    projection measured March–November on Personnel.etp and read « projetée conforme » beside it. One
    « months known » rule (``_months_known``) for both: no month known, no projection — « pas de projection :
    aucun mois de paie connu », no month in the table, projected_compliant null, no hire proposed."""
    workbook_sheets["Paie"] = workbook_sheets["Paie"][:1]
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check-quota", str(path), "--forecast", "-f", "json"])
    doc = json.loads(r.stdout)
    fc = doc["forecast"]
    assert r.exit_code == 0 and [y["compliant"] for y in doc["agrement_years"]] == [None]
    assert (fc["agrement_year"], fc["projected_compliant"], fc["months"], fc["extra_target_fte"], fc["hire_from"]) == (
        6, None, [], None, None)
    assert fc["summary"].startswith("Année d'agrément 6 : pas de projection : aucun mois de paie connu")
    r = runner.invoke(app, ["check-quota", str(path), "--forecast", "--lang", "en"])
    assert "no projection: no payroll month known" in " ".join(r.stdout.split())
    assert "projected compliant" not in r.stdout


def test_the_forecast_projects_the_agrement_year_asked_or_the_one_in_progress(tmp_path, capsys):
    """Agrément 2021-11-01 (``_walloon_two_of_five``: T1, T2 target, N1–N3 not, full time, Paie 2025-11 … 2026-10,
    the usual month of lag on the tests' day 2026-11-30). Year 5 = 2025-11-01 – 2026-10-31 (complete), year 6 =
    2026-11-01 – 2027-10-31 (in progress, no month of it over). `--forecast --at 2026-11-30` judged year 6 at the
    top level but projected year 5 (« plus aucun mois à venir après 2026-10 »): the month asked was cut to the last
    Paie month before the year was chosen. Without --at, the forecast projected year 5 too, « rien ne peut plus
    être ajouté », where the help promises the year in progress. Both now project year 6: every worker keeps
    their last etp paid (1), so D = 5 × 12 = 60 FTE-months, T = 2 × 12 = 24, r = 50 % (year ≥ 4, regime file);
    a hire counts from the day after today, 2026-12-01 (November ends today), k = 11 months:
    x = (r·D − T) ÷ ((1 − r)·k) = (30 − 24) ÷ (0,5 × 11) = 1,0909 → 1,10 FTE from 2026-12. (With November
    counted whole, k = 12: 1,00 from 2026-11.)"""
    from helpers_cli import run_cli

    path = _walloon_two_of_five(tmp_path, date(2021, 11, 1), "2025-11", "2026-10")
    # Without --at the year judged at the top level is the one projected too (it judged year 5 above a
    # projection of year 6); without --forecast the default stays the last Paie month's year, 5.
    for asked in (["--at", "2026-11-30"], []):
        code, out, _ = run_cli(capsys, "check-quota", path, "--forecast", *asked, "-f", "json")
        doc = json.loads(out)
        fc = doc["forecast"]
        assert doc["agrement_years"][-1]["year"] == 6, asked
        assert (fc["agrement_year"], fc["start"], fc["months_remaining"], fc["projected_total_fte"],
                fc["projected_target_fte"], fc["required_share"]) == (6, "2026-11-01", 12, 5, 2, 0.5), asked
        assert (fc["extra_target_fte"], fc["hire_from"], fc["hire_from_day"]) == (1.1, "2026-12", "2026-12-01"), asked
        assert "engager 1,10 ETP de public cible à partir de 2026-12 la rend conforme" in fc["summary"], asked
    code, out, _ = run_cli(capsys, "check-quota", path, "-f", "json")
    assert json.loads(out)["agrement_years"][-1]["year"] == 5


def test_forecast_with_year_says_which_year_it_projects_when_not_one_judged(tmp_path, capsys):
    """`--forecast --year Y` judges the agrément years touching Y but projects the one holding today: on the
    Walloon sample (agrément 2024-03-01; tests' day 2026-11-30) `--year 2025` judged years 1 (2024-03-01 –
    2025-02-28) and 2 (2025-03-01 – 2026-02-28) above a projection of year 3 (2026-03-01 – 2027-02-28) with
    nothing saying so. The projection's summary and first reason now name the year projected and why (the
    day's), and the years judged; the verdicts and the exit code do not change. `--year 2026` judges years 2
    and 3: year 3 is among them, nothing is added. Agrément 2027-03-01, after today: the year projected is
    year 1, « celle qui commence à la date d'agrément (2027-03-01) ». The note is a sentence: printed after
    « Projection : », its « Année projetée : » made two colon levels (« Projection : Année projetée : … »)."""
    from helpers_cli import run_cli

    code, out, _ = run_cli(capsys, "check-quota", SAMPLE, "--forecast", "--year", "2025", "-f", "json")
    doc = json.loads(out)
    fc = doc["forecast"]
    assert code == 0 and [y["year"] for y in doc["agrement_years"]] == [1, 2] and fc["agrement_year"] == 3
    note = ("L'année projetée est l'année d'agrément 3 (2026-03-01 – 2027-02-28), celle du jour (2026-11-30), hors "
            "des années jugées pour --year 2025 (années d'agrément 1 et 2) ; --forecast sans --year juge l'année "
            "projetée.")
    assert fc["summary"].startswith(note + " Année d'agrément 3 : projetée") and fc["reasons"][0]["text"] == note
    code, out, _ = run_cli(capsys, "check-quota", SAMPLE, "--forecast", "--year", "2025")
    assert "Projection : L'année projetée est l'année d'agrément 3 (" in " ".join(out.split())
    code, out, _ = run_cli(capsys, "check-quota", SAMPLE, "--forecast", "--year", "2025", "--lang", "en")
    assert ("Forecast: The year projected is agrément year 3 (2026-03-01 – 2027-02-28), the one holding today (2026-11-30), not "
            "among the years judged for --year 2025 (agrément years 1 and 2)") in " ".join(out.split())
    code, out, _ = run_cli(capsys, "check-quota", SAMPLE, "--forecast", "--year", "2026", "-f", "json")
    doc = json.loads(out)
    assert [y["year"] for y in doc["agrement_years"]] == [2, 3] and "année projetée est" not in doc["forecast"]["summary"]

    path = _walloon_two_of_five(tmp_path, date(2027, 3, 1), "2025-11", "2026-10")
    code, out, _ = run_cli(capsys, "check-quota", path, "--forecast", "--year", "2026", "-f", "json")
    fc = json.loads(out)["forecast"]
    assert fc["agrement_year"] == 1 and fc["summary"].startswith(
        "L'année projetée est l'année d'agrément 1 (2027-03-01 – 2028-02-29), celle qui commence à la date d'agrément "
        "(2027-03-01), hors des années jugées pour --year 2026 (aucune année d'agrément) ;")


def test_forecast_with_year_names_one_judged_year_alone(monkeypatch):
    """``_one_target_in_four("2022-11")``, today 2022-12-15: `--forecast --year 2021` judges agrément year 1 (2021)
    alone and projects year 2 (2022, the one holding today). The note names that one year as it is, « (année
    d'agrément 1) » (``i18n.enumeration`` of one item), not « (année d'agrément  et 1) »."""
    from ei_cli.i18n import enumeration
    from ei_cli.rules.quota import forecast_beside_year

    assert (enumeration(["1"]).fr, enumeration(["1"]).en) == ("1", "1")
    monkeypatch.setattr(periods, "today", lambda: date(2022, 12, 15))
    e, st_ = _one_target_in_four("2022-11")
    result = evaluate_quota(e, W16, Period.calendar_year(2021), st_)
    assert [y.year for y in result.years] == [1]
    fc = forecast_beside_year(forecast_quota(e, W16, date(2022, 12, 15), st_), result, 2021, date(2022, 12, 15))
    assert fc.summary.fr.startswith(
        "L'année projetée est l'année d'agrément 2 (2022-01-01 – 2022-12-31), celle du jour (2022-12-15), hors des années "
        "jugées pour --year 2021 (année d'agrément 1) ; --forecast sans --year juge l'année projetée.")
    assert "not among the years judged for --year 2021 (agrément year 1);" in fc.summary.en


@pytest.mark.parametrize("today, year", [(date(2026, 11, 5), 5), (date(2026, 11, 20), 6)])
def test_the_forecast_judges_and_projects_the_year_holding_the_day_with_an_agrement_mid_month(
        tmp_path, capsys, monkeypatch, today, year):
    """Agrément 2021-11-15: year 5 = 2025-11-15 – 2026-11-14, year 6 from 2026-11-15 — November 2026 is split
    between them. `--forecast` judged the whole current month (years 5 and 6) and projected the year holding
    the month's last day (6): on 2026-11-05 the year in progress is 5, and on 2026-11-20 the verdict of year 5
    (40 % < 50 %, « non conforme ») made the exit code 1 where `--forecast --at 2026-11-20` gave 0. One day
    (``forecast_day``: --at's, else today) picks the year judged and the year projected: on 2026-11-05 both are
    year 5, on 2026-11-20 both year 6, with or without --at that day."""
    from helpers_cli import run_cli

    monkeypatch.setattr(periods, "today", lambda: today)
    path = _walloon_two_of_five(tmp_path, date(2021, 11, 15), "2025-11", "2026-10")
    for asked in ([], ["--at", today.isoformat()]):
        code, out, _ = run_cli(capsys, "check-quota", path, "--forecast", *asked, "-f", "json")
        doc = json.loads(out)
        assert [y["year"] for y in doc["agrement_years"]] == [year], asked
        assert doc["forecast"]["agrement_year"] == year, asked
    # --at before the agrément: both the year judged and the year projected are year 1 (it judged nothing,
    # « non applicable », above a projection of year 1).
    code, out, _ = run_cli(capsys, "check-quota", path, "--forecast", "--at", "2021-06-01", "-f", "json")
    doc = json.loads(out)
    assert [y["year"] for y in doc["agrement_years"]] == [1] and doc["forecast"]["agrement_year"] == 1


def test_a_month_over_but_not_paid_yet_of_a_current_payroll_is_projected(tmp_path, capsys, monkeypatch):
    """Agrément 2021-11-01 (``_walloon_two_of_five``: T1, T2 target, N1–N3 not, full time, Paie 2025-11 … 2026-10),
    `--forecast` on 2026-12-10: year 6 = 2026-11-01 – 2027-10-31; November is over and not paid yet — the
    usual lag, the payroll is current (October ≥ December − 2). It said « pas de projection : aucun mois de paie
    connu … complétez la feuille Paie de ses mois passés », as for a workbook without payroll, on the first
    days of every agrément year. November is to come, as in every rule's year in progress: projected from the
    last etp paid (1 each): D = 5 × 12 = 60 FTE-months, T = 2 × 12 = 24, r = 50 %; a hire counts from
    2026-12-11, December for its 21 days left of 31: k = 21 ÷ 31 + 10 = 10,6774 → x = (30 − 24) ÷ (0,5 ×
    10,6774) = 1,1239 → 1,13 FTE from 2026-12. With Paie stopping in 2026-08 (behind by more than two
    months), November's payroll is missing, not to come: still no projection."""
    from helpers_cli import run_cli

    monkeypatch.setattr(periods, "today", lambda: date(2026, 12, 10))
    path = _walloon_two_of_five(tmp_path, date(2021, 11, 1), "2025-11", "2026-10")
    code, out, _ = run_cli(capsys, "check-quota", path, "--forecast", "-f", "json")
    fc = json.loads(out)["forecast"]
    assert (fc["agrement_year"], fc["projected_total_fte"], fc["projected_target_fte"]) == (6, 5, 2)
    assert (fc["extra_target_fte"], fc["hire_from"], fc["hire_from_day"]) == (1.13, "2026-12", "2026-12-11")
    (tmp_path / "behind").mkdir()
    behind = _walloon_two_of_five(tmp_path / "behind", date(2021, 11, 1), "2025-11", "2026-08")
    code, out, _ = run_cli(capsys, "check-quota", behind, "--forecast", "-f", "json")
    fc = json.loads(out)["forecast"]
    assert fc["summary"].startswith("Année d'agrément 6 : pas de projection : aucun mois de paie connu"), fc["summary"]


def test_a_year_none_of_whose_months_is_over_is_projected_from_personnel(monkeypatch):
    """A new EI: agrément 2026-03-01, no Paie row, `--forecast` on 2026-03-20. It said « pas de projection : aucun
    mois de paie connu pour cette année ; complétez la feuille Paie de ses mois passés » — no month of the year has
    passed, no payroll is missing. Year 1 (2026-03-01 – 2027-02-28) is projected whole from Personnel: T (target)
    and N1–N5 (not target), full time from the agrément; judged on the point value of 2027-02-28: T = 1, D = 6 →
    1 ÷ 6 = 16,67 %, shown 16,6 % (rounded down, away from the 20 % it misses) < 20 %; year 1 is judged on one day, k = 1: x = (r·D − T) ÷ ((1 − r)·k) = (0,2 × 6 − 1) ÷ 0,8
    = 0,25 FTE from 2026-03. On 2026-04-02, March is over without payroll: no projection, as before."""
    ws = [worker("T", hire=date(2026, 3, 1))] + [worker(f"N{i}", hire=date(2026, 3, 1)) for i in range(1, 6)]
    e = enterprise(ws, [], agrement=date(2026, 3, 1))
    st_ = Statuses({w.worker_id: w.worker_id == "T" for w in ws})
    monkeypatch.setattr(periods, "today", lambda: date(2026, 3, 20))
    fc = forecast_quota(e, W16, Month(2026, 3).last_day, st_)
    assert (fc.year.year, fc.year.target_fte, fc.year.total_fte, fc.year.compliant) == (1, 1, 6, False)
    assert len(fc.year.months) == 12 and all(m.projected for m in fc.year.months)
    assert (fc.hire_from, fc.extra_target_fte) == (Month(2026, 3), D("0.25"))
    assert fc.summary.fr == ("Année d'agrément 1 : projetée non conforme (16,6 %) ; engager 0,25 ETP de public cible à "
                             "partir de 2026-03 la rend conforme.")
    assert fc.reasons[0].text.fr.startswith("Projection de l'année d'agrément 1 (2026-03-01 – 2027-02-28) : aucun de "
                                            "ses mois n'est encore terminé (date du jour : 2026-03-20)")
    assert fc.reasons[0].text.en.startswith("Projection of agrément year 1 (2026-03-01 – 2027-02-28): none of its "
                                            "months is over yet (today: 2026-03-20)")
    monkeypatch.setattr(periods, "today", lambda: date(2026, 4, 2))
    fc = forecast_quota(e, W16, Month(2026, 4).last_day, st_)
    assert fc.year.months == () and fc.hire_from is None and fc.extra_target_fte is None
    assert fc.summary.fr.startswith("Année d'agrément 1 : pas de projection : aucun mois de paie connu")


def test_one_month_known_and_one_worker_under_contract_are_said_in_the_singular():
    """Sentences with a count of 1 said « 1 mois connus », « 1 months known », « 1 travailleurs sous contrat ».
    Agrément 2021-01-01, year 2 = 2022, Paie of January 2022 only, T (target) alone: 1 ÷ 1 = 100 % on
    1 month known out of 12, year over → « Paie incomplète : 1 mois connu sur 12 » / « 1 month known out of 12 ».
    Agrément 2024-01-01, year 1 judged on 2024-12-31 (point value), T alone under contract → 1 ÷ 1 = 100 %,
    « (1 travailleur sous contrat ce jour-là) » / « (1 worker under contract that day) »."""
    st_ = Statuses({"T": True})
    e = enterprise([worker("T")], [pay("T", "2022-01", "2022-01")], agrement=date(2021, 1, 1))
    said = next(r.text for r in evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest.reasons
                if r.text.fr.startswith("Paie incomplète"))
    assert said.fr.startswith("Paie incomplète : 1 mois connu sur 12 alors")
    assert said.en.startswith("Payroll incomplete: 1 month known out of 12 though")
    e = enterprise([worker("T", hire=date(2024, 1, 1))], [pay("T", "2024-01", "2024-12")], agrement=date(2024, 1, 1))
    y = evaluate_quota(e, W16, Period.calendar_year(2024), st_).latest
    said = next(r.text for r in y.reasons if r.text.fr.startswith("Le 2024-12-31 :"))
    assert y.year == 1 and "(1 travailleur sous contrat ce jour-là)" in said.fr
    assert "(1 worker under contract that day)" in said.en


def test_an_agrement_year_not_begun_is_not_judged_nor_provisional(monkeypatch):
    """Audit (repro/01): agrément 2026-04-15, Paie to 2026-11, today 2027-01-05. `ei check --year 2027` judged
    year 2 (2027-04-15 – 2028-04-14) « indéterminé — aucun mois de paie connu pour cette année », `provisional`
    true, while employment and follow-up said « indéterminé : période pas encore commencée (date du jour : …) ».
    A year not begun (``rules.common.not_begun``) has no payroll to miss and is no provisional measure: it says
    so, `provisional` false, `fte_measured` false, compliant null; a reason names the day. Year 1, begun, keeps
    its verdict; a begun year without payroll (today 2026-05-20, no Paie row) keeps « aucun mois de paie
    connu », provisional. No figure: nothing is measured."""
    ws = [worker("T", hire=date(2026, 4, 15)), worker("N", hire=date(2026, 4, 15))]
    st_ = Statuses({"T": True, "N": False})
    e = enterprise(ws, [pay("T", "2026-04", "2026-11"), pay("N", "2026-04", "2026-11")], agrement=date(2026, 4, 15))
    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 5))
    r = evaluate_quota(e, W16, Period.calendar_year(2027), st_)
    one, two = r.years
    assert one.year == 1 and one.fte_measured
    assert (two.year, two.compliant, two.provisional, two.fte_measured) == (2, None, False, False)
    assert two.summary.fr == ("Année d'agrément 2 (2027-04-15 – 2028-04-14) : indéterminé — année d'agrément pas "
                              "encore commencée (date du jour : 2027-01-05).")
    assert two.summary.en == ("Agrément year 2 (2027-04-15 – 2028-04-14): unknown — agrément year not begun yet "
                              "(today: 2027-01-05).")
    assert two.reasons[-1].text.fr.startswith("L'année d'agrément 2027-04-15 – 2028-04-14 commence après la date "
                                              "du jour (2027-01-05)")
    assert two.to_dict()["provisional"] is False
    line = check(e, W16, Period(date(2027, 4, 15), date(2027, 12, 31)), st_)
    assert line.compliant is None and "pas encore commencée (date du jour : 2027-01-05)" in line.summary.fr
    assert not any("Paie" in x.fr for x in line.to_fix)
    monkeypatch.setattr(periods, "today", lambda: date(2026, 5, 20))
    y = evaluate_quota(enterprise(ws, [], agrement=date(2026, 4, 15)), W16, Period.calendar_year(2026), st_).latest
    assert y.year == 1 and y.provisional and y.summary.fr.endswith("aucun mois de paie connu pour cette année.")


def test_hire_from_day_is_the_first_day_of_the_first_month_a_hire_counts_in(tmp_path, capsys, monkeypatch):
    """Audit (repro/03): payroll entered ahead of today. Agrément 2021-11-01 (``_walloon_two_of_five``: T1, T2
    target, N1–N3 not, full time), Paie 2025-11 … 2027-01, `--forecast` on 2026-11-20. Year 6 = 2026-11-01 –
    2027-10-31: November, the current month, is paid; December and January are paid ahead (measured as entered)
    and, with February … October (projected), are the months a hire can still change (readers A and C: a month not
    begun is to come whatever its Paie rows; they were closed, k = 9, 1,34 FTE from 2027-02): k = 11. D = 5 × 12 =
    60 FTE-months, T = 2 × 12 = 24, r = 50 %: x = (r·D − T) ÷ ((1 − r)·k) = (30 − 24) ÷ (0,5 × 11) = 1,0909 → 1,10
    FTE from 2026-12. `hire_from_day` said the day after today (2026-11-21) beside a `hire_from` month later than
    it, the month the figure is solved from: it is the first day of the first month a hire counts in, 2026-12-01
    (November paid, no hire counted in it); with the payroll to 2026-10 only, the day after today stays
    (2026-11-21, November for its 10 days left)."""
    from helpers_cli import run_cli

    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 20))
    path = _walloon_two_of_five(tmp_path, date(2021, 11, 1), "2025-11", "2027-01")
    code, out, _ = run_cli(capsys, "check-quota", path, "--forecast", "-f", "json")
    fc = json.loads(out)["forecast"]
    assert (fc["agrement_year"], fc["months_remaining"]) == (6, 9)
    assert (fc["extra_target_fte"], fc["hire_from"], fc["hire_from_day"]) == (1.1, "2026-12", "2026-12-01")
    (tmp_path / "current").mkdir()
    current = _walloon_two_of_five(tmp_path / "current", date(2021, 11, 1), "2025-11", "2026-10")
    code, out, _ = run_cli(capsys, "check-quota", current, "--forecast", "-f", "json")
    fc = json.loads(out)["forecast"]
    assert (fc["hire_from"], fc["hire_from_day"]) == ("2026-11", "2026-11-21")


def test_a_year_just_over_whose_last_payroll_is_within_the_usual_lag_awaits_it_not_complete_it(monkeypatch):
    """Audit (repro/05): agrément 2026-04-15, year 1 = 2026-04-15 – 2027-04-14 (13 calendar months), T (target)
    and N (not) full time from the agrément, Paie 2026-04 … 2027-03, today 2027-05-10. The payroll is current
    (March within two months of May, ``rules.common.payroll_current``): April's is not due yet, as `ei subsidy`
    says (« à calculer avec la paie »). Judged on the point value of the last known day, 2027-03-31: 1 ÷ 2 =
    50,0 % ≥ 20 % → conforme, provisional — « (provisoire : en attente de la paie de 2027-04) », a reason
    « Paie en attente : 12 mois connus sur 13 », and what to fix no longer « complétez la feuille Paie ». On
    2027-07-10 (payroll three months behind), April is missing: « paie incomplète … complétez », as before."""
    e, _, year_1, st_, today = _walloon_year_1_just_over()
    monkeypatch.setattr(periods, "today", lambda: today)
    y = evaluate_quota(e, W16, year_1, st_).latest
    assert (y.year, y.compliant, y.provisional, y.target_share) == (1, True, True, D("0.5"))
    assert y.summary.fr.endswith("(provisoire : en attente de la paie de 2027-04).")
    assert y.summary.en.endswith("(provisional: awaiting the payroll of 2027-04).")
    assert any(r.text.fr.startswith("Paie en attente : 12 mois connus sur 13 ;") for r in y.reasons)
    line = check(e, W16, year_1, st_)
    assert [x.fr for x in line.to_fix] == ["Année terminée le 2027-04-14, en attente de la paie de 2027-04 : le "
                                           "verdict porte d'ici là sur les mois connus."]
    monkeypatch.setattr(periods, "today", lambda: date(2027, 7, 10))
    y = evaluate_quota(e, W16, year_1, st_).latest
    assert y.summary.fr.endswith("(provisoire : paie incomplète).")
    assert any("complétez la feuille Paie" in x.fr for x in check(e, W16, year_1, st_).to_fix)


def _walloon_year_1_just_over():
    """Wallonia, agrément 2026-04-15 (year 1 = 2026-04-15 – 2027-04-14), T (target) and N (not) full time from
    the agrément, Paie 2026-04 … 2027-03; judged on 2027-05-10 (payroll current: April awaited)."""
    ws = [worker("T", hire=date(2026, 4, 15)), worker("N", hire=date(2026, 4, 15))]
    e = enterprise(ws, [pay("T", "2026-04", "2027-03"), pay("N", "2026-04", "2027-03")], agrement=date(2026, 4, 15))
    return e, W16, Period(date(2026, 4, 15), date(2027, 4, 14)), Statuses({"T": True, "N": False}), date(2027, 5, 10)


def _brussels_2004_year_just_over():
    """Brussels 2004, agrément 2009-01-01 (year 2 = 2010, judged month by month), P (target), N1, N2 (not) full
    time, Paie 2010-01 … 2010-11; judged on 2011-01-20 (payroll current: December awaited)."""
    ws = [worker(wid, hire=date(2009, 1, 1)) for wid in ("P", "N1", "N2")]
    e = enterprise(ws, [pay(w.worker_id, "2010-01", "2010-11") for w in ws], agrement=date(2009, 1, 1),
                   region=Region.BRUXELLES)
    return e, B04, Period.calendar_year(2010), Statuses(dict(P=True, N1=False, N2=False)), date(2011, 1, 20)


def _brussels_2018_year_just_over():
    """Brussels 2018, agrément 2020-01-01 (year 5 = 2024, averaged minimums), T0–T3 (target) and S (encadrement)
    full time, Paie 2024-01 … 2024-11; judged on 2025-01-20 (payroll current: December awaited)."""
    ws = [worker(f"T{i}") for i in range(4)] + [worker("S", function=Function.SUPERVISION)]
    e = enterprise(ws, [pay(w.worker_id, "2024-01", "2024-11") for w in ws], agrement=date(2020, 1, 1),
                   region=Region.BRUXELLES)
    return e, B18, Period.calendar_year(2024), Statuses({**{f"T{i}": True for i in range(4)}, "S": False}), \
        date(2025, 1, 20)


@pytest.mark.parametrize("case, month, summary_fr, forecast_fr, forecast_en", [
    (_walloon_year_1_just_over, "2027-04",
     "Année d'agrément 1 (2026-04-15 – 2027-04-14) : conforme — 50,0 % de public cible (au 2027-03-31) pour "
     "20,0 % exigés (provisoire : en attente de la paie de 2027-04).",
     "Année d'agrément 1 : terminée le 2027-04-14, en attente de la paie de 2027-04 : pas de projection ni "
     "d'engagement à proposer.",
     "Agrément year 1: ended on 2027-04-14, awaiting the payroll of 2027-04: no projection nor hire to propose."),
    (_brussels_2004_year_just_over, "2010-12",
     "Année d'agrément 2 (2010-01-01 – 2010-12-31) : conforme — 11 mois jugés, le plus bas 2010-01 : 33,3 % de "
     "public cible pour 30,0 % exigés (provisoire : en attente de la paie de 2010-12).",
     "Année d'agrément 2 : terminée le 2010-12-31, en attente de la paie de 2010-12 : pas de projection ni "
     "d'engagement à proposer.",
     "Agrément year 2: ended on 2010-12-31, awaiting the payroll of 2010-12: no projection nor hire to propose."),
    (_brussels_2018_year_just_over, "2024-12",
     "Année d'agrément 5 : conforme — 4,00 ETP public cible (minimum 4,00), 1,00 ETP d'encadrement (minimum "
     "1,00) (provisoire : en attente de la paie de 2024-12).",
     "Année d'agrément 5 : terminée le 2024-12-31, en attente de la paie de 2024-12 : pas de projection ni "
     "d'engagement à proposer.",
     "Agrément year 5: ended on 2024-12-31, awaiting the payroll of 2024-12: no projection nor hire to propose."),
])
def test_the_forecast_of_a_year_just_over_awaits_its_payroll_as_its_verdict_does(
        monkeypatch, case, month, summary_fr, forecast_fr, forecast_en):
    """Review (repro_1): a year just over whose unpaid last month is within the usual payroll lag
    (``rules.common.payroll_current``: the last Paie month at most two months before today's) read « (provisoire :
    en attente de la paie de … ) » in its verdict while its forecast said « paie connue jusqu'à … : … complétez la
    feuille Paie de ses mois manquants ». Both now wait for it, in each shape of the quota:

    - Wallonia year 1, judged on its last known day 2027-03-31: T ÷ (T + N) = 1 ÷ 2 = 50,0 % ≥ 20 %;
    - Brussels 2004, every month from January to November: P ÷ (P + N1 + N2) = 1 ÷ 3 = 33,3 % ≥ 30 %, the lowest
      (all equal) the first, 2010-01;
    - Brussels 2018: target (4 × 11) ÷ 11 = 4,00 ≥ 4, encadrement (1 × 11) ÷ 11 = 1,00 ≥ 1.

    No hire is proposed: the year is over. A month missing before the last Paie month, or a payroll further behind,
    still asks for the Paie sheet (``test_a_year_over_with_months_unpaid_asks_for_the_payroll_not_a_hire``)."""
    e, regime, year, st_, today = case()
    monkeypatch.setattr(periods, "today", lambda: today)
    y = evaluate_quota(e, regime, year, st_).latest
    assert (y.compliant, y.provisional, y.summary.fr) == (True, True, summary_fr)
    assert y.summary.en.endswith(f"(provisional: awaiting the payroll of {month}).")
    fc = forecast_quota(e, regime, year.end, st_)
    assert (fc.summary.fr, fc.summary.en) == (forecast_fr, forecast_en)
    assert fc.hire_from is None and not fc.extra_target_fte and fc.months_remaining == 0


def test_a_brussels_headline_without_execution_staff_counts_its_months_judged_in_the_singular_for_one():
    """Brussels 2004, no execution staff in the months judged: « aucun personnel d'exécution sur 1 mois jugé »
    (French: singular below 2), « sur 2 mois jugés »; « in 1 month judged » / « in 2 months judged » — it said
    « dans les 1 mois jugés »."""
    from ei_cli.rules.quota import _monthly_summary

    period = Period(date(2015, 1, 1), date(2015, 12, 31))
    one = _monthly_summary(1, period, None, D("0.3"), None, [], 1, None, date(2015, 1, 1), False)
    two = _monthly_summary(1, period, None, D("0.3"), None, [], 2, None, date(2015, 1, 1), False)
    assert "aucun personnel d'exécution sur 1 mois jugé" in one.fr and "no execution staff in 1 month judged" in one.en
    assert "aucun personnel d'exécution sur 2 mois jugés" in two.fr and "no execution staff in 2 months judged" in two.en


def test_the_lists_of_workers_follow_the_one_worker_order():
    """Agrément 2024-01-01, year 1 closed, judged on 2024-12-31: T target, N0–N3 not target, and ids 9, 10, 2, 1,
    11 (in that row order) of unknown status, full time with no Paie row (their etp from Personnel). Without
    them 1 ÷ 10 = 10 % < 20 %, with them 6 ÷ 10 = 60 % → unknown. The Paie warnings and the ids of unknown
    status in « À corriger » go in ``model.worker_order`` — 1, 2, 9, 10, 11 (as text: 1, 10, 11, 2, 9); so do
    the art. 60 §7 workers named apart (Q11) when the same ids are art. 60 (T 1 ÷ (1 + 4) = 20 %)."""
    import re

    ids = SHEET_IDS
    known = [worker("T")] + [worker(f"N{i}") for i in range(4)]
    pays = [pay(w.worker_id, "2024-01", "2024-12") for w in known]
    e = enterprise(known + [worker(w) for w in ids], pays, agrement=date(2024, 1, 1))
    st_ = Statuses({"T": True, **{f"N{i}": False for i in range(4)}, **{w: None for w in ids}})
    warned = [p.message.fr for p in evaluate_quota(e, W16, Period.calendar_year(2024), st_).problems
              if p.code == "payroll_missing_month"]
    assert [re.search(r"\d+", m).group() for m in warned] == IN_WORKER_ORDER
    c = check(e, W16, Period.calendar_year(2024), st_)
    assert c.compliant is None and any(": travailleurs 1, 2, 9, 10, 11)" in x.fr for x in c.to_fix)
    art60 = enterprise(known + [worker(w, contract=ContractType.ART60) for w in ids],
                       pays + [pay(w, "2024-01", "2024-12") for w in ids], agrement=date(2024, 1, 1))
    c = check(art60, W16, Period.calendar_year(2024), Statuses({**st_.by_id, **{w: True for w in ids}}))
    assert any("(hors quota) : travailleurs 1, 2, 9, 10, 11, " in r.text.fr for r in c.reasons)


def test_quota_counts_a_person_on_two_concurrent_contracts_at_most_one_full_time():
    """Audit w4. wallonie-2003, agrément 2006-03-01; agrément year 2 = 2007-03-01 … 2008-02-29 needs 30 % on
    average. D, A, N not target, full time; one target person (same national number) on T1a 0,8 from
    2006-03-01 and T1b 0,8 from 2006-09-01, both in force all year 2. A person counts at most one full-time a
    month, the earlier contract first: T1a 0,8, T1b min(1, 0,8 + 0,8) − 0,8 = 0,2 → 1 target FTE a month;
    12 ÷ (12 × (3 + 1)) = 12 ÷ 48 = 25 % < 30 % → not compliant (the contracts added up: 19,2 ÷ 55,2 =
    34,8 %, compliant). Without the national number they are two people: 34,8 %, compliant."""
    w03 = get_regime("wallonie-2003")
    ws = [worker(n, hire=date(2006, 3, 1)) for n in ("D", "A", "N")]
    ws += one_person(worker("T1a", hire=date(2006, 3, 1), fte="0.8"), worker("T1b", hire=date(2006, 9, 1), fte="0.8"))
    pays = [pay(n, "2006-03", "2008-02") for n in ("D", "A", "N")]
    pays += [pay("T1a", "2006-03", "2008-02", "0.8"), pay("T1b", "2006-09", "2008-02", "0.8")]
    st_ = Statuses({"D": False, "A": False, "N": False, "T1a": True, "T1b": True})
    at = Period(date(2007, 6, 1), date(2007, 6, 1))
    y = evaluate_quota(enterprise(ws, pays, agrement=date(2006, 3, 1)), w03, at, st_, whole_years=True).latest
    assert y.year == 2 and y.target_share == D("0.25") and y.compliant is False
    assert [(m.target_fte, m.total_fte) for m in y.months] == [(D(1), D(4))] * 12
    (said,) = [r.text for r in y.reasons if "plusieurs contrats" in r.text.fr]
    assert "(travailleur T1b, compté en partie)" in said.fr and "(worker T1b, counted in part)" in said.en
    apart = enterprise([replace(w, national_number=None) for w in ws], pays, agrement=date(2006, 3, 1))
    y = evaluate_quota(apart, w03, at, st_, whole_years=True).latest
    assert round(y.target_share, 3) == D("0.348") and y.compliant is True
    assert not [r for r in y.reasons if "plusieurs contrats" in r.text.fr]



def test_a_persons_contracts_overlapping_part_of_a_month_count_one_full_time_a_day():
    """Reading of the change: the person's cap is a day's, as in the subsidies (D2), not the month's sum. Agrément
    2020-01-01, wallonie-2016, 2024 = year 5; D, A, N not target full time; one target person on T1a 0,8 from
    2020-01-01 and T1b 0,8 from 2024-03-16 (Paie 0,8 × 16/31). March: T1a 0,8 × 31 = 24,8 FTE-days; T1b adds
    min(1, 0,8 + 0,8) − 0,8 = 0,2 a day on its 16 days = 3,2; the person 28 ÷ 31 = 0,9032, the month 3,9032.
    Capped on the month's sum it read min(31/31, 0,8 + 0,4129) = 1 — 0,8 full-time on the 15 days T1a alone held
    counted as 1. April on: 0,8 + 0,2 = 1 a month."""
    ws = [worker(n) for n in ("D", "A", "N")]
    ws += one_person(worker("T1a", fte="0.8"), worker("T1b", hire=date(2024, 3, 16), fte="0.8"))
    pays = [pay(n, "2024-01", "2024-12") for n in ("D", "A", "N")] + [pay("T1a", "2024-01", "2024-12", "0.8")]
    pays += [[PayMonth("T1b", Month(2024, 3), D("0.8") * 16 / 31, D(1000))], pay("T1b", "2024-04", "2024-12", "0.8")]
    st_ = Statuses({"D": False, "A": False, "N": False, "T1a": True, "T1b": True})
    y = evaluate_quota(enterprise(ws, pays, agrement=date(2020, 1, 1)), W16, Period.calendar_year(2024), st_).latest
    by_month = {m.month: m for m in y.months}
    march = by_month[Month(2024, 3)]
    assert abs(march.target_fte - D(28) / 31) < D("1E-20") and abs(march.total_fte - 3 - D(28) / 31) < D("1E-20")
    assert (by_month[Month(2024, 4)].target_fte, by_month[Month(2024, 2)].target_fte) == (D(1), D("0.8"))
    (said,) = [r.text for r in y.reasons if "plusieurs contrats" in r.text.fr]
    assert "un temps plein chaque jour" in said.fr and "(travailleur T1b, compté en partie)" in said.fr


def test_a_small_overlap_takes_only_what_the_cap_takes_from_a_month_paid_up_to_its_allowance():
    """Reading of the change: the cap takes from a month only the FTE-days it removes. One target person: A full
    time until Monday 2024-06-03 (June paid 0,01: 0,1 a day on 3 days), B from that Monday, June paid 1 (every
    working day of June: the reader's allowance, counted whole alone). On 3 June A's 0,1 leaves B 0,9: the cap
    takes 0,1 FTE-day, B's June 1 − 0,1 ÷ 30 = 0,99667, the person's 0,01 + 0,99667. Spread over its 28 calendar
    days and capped there, B's June read (27 + 0,9) ÷ 30 = 0,93 — an overlap of 0,1 FTE-day costing 2,1."""
    ws = [worker("N")] + one_person(worker("A", exit=date(2024, 6, 3)), worker("B", hire=date(2024, 6, 3)))
    pays = [pay("N", "2024-01", "2024-12"), pay("A", "2024-01", "2024-05"), pay("A", "2024-06", "2024-06", "0.01"),
            pay("B", "2024-06", "2024-12")]
    st_ = Statuses({"N": False, "A": True, "B": True})
    y = evaluate_quota(enterprise(ws, pays, agrement=date(2020, 1, 1)), W16, Period.calendar_year(2024), st_).latest
    june = next(m for m in y.months if m.month == Month(2024, 6))
    assert june.target_fte == D("0.01") + 1 - D("0.1") / 30 and june.lowered == ("B",)


W03_AGR = date(2006, 3, 16)   # wallonie-2003 agrément: year 2 = 2007-03-16 … 2008-03-15, year 3 from 2008-03-16
ONE_TARGET = Statuses({"D": False, "A": False, "N": False, "T1a": True, "T1b": True})


def _three_and_one_person(t1a: Worker, t1b: Worker, person_pays: list) -> Enterprise:
    """D, A, N not target, full time from ``W03_AGR`` (Paie 2006-03 … 2009-03), and one target person (one national
    number) on ``t1a`` and ``t1b`` with ``person_pays``."""
    ws = [worker(n, hire=W03_AGR) for n in ("D", "A", "N")] + one_person(t1a, t1b)
    return enterprise(ws, [pay(n, "2006-03", "2009-03") for n in ("D", "A", "N")] + person_pays, agrement=W03_AGR)


def test_a_contract_counted_in_part_is_named_only_in_the_agrement_years_it_is_employed_in():
    """wallonie-2003, agrément 2006-03-16: year 2 = 2007-03-16 … 2008-03-15, year 3 from 2008-03-16. One target
    person on T1a 0,8 from the agrément and T1b 0,8 hired 2008-03-20 (year 3 only). March 2008 is split: in year
    2 (its 15 first days) T1a alone, 0,8 × 15/31 = 0,3871 target FTE, nothing capped; in year 3 T1b is counted in
    part (0,8 + 0,8 > 1). Only year 3 names T1b in its « plusieurs contrats » reason (year 2 named it from the
    whole month's grid)."""
    w03, year_2008 = get_regime("wallonie-2003"), Period(date(2008, 1, 1), date(2008, 12, 31))
    e = _three_and_one_person(worker("T1a", hire=W03_AGR, fte="0.8"), worker("T1b", hire=date(2008, 3, 20), fte="0.8"),
                              [pay("T1a", "2006-03", "2009-03", "0.8"), pay("T1b", "2008-03", "2009-03", "0.8")])
    (y2, y3) = evaluate_quota(e, w03, year_2008, ONE_TARGET, whole_years=True).years
    assert (y2.year, y3.year) == (2, 3) and round(y2.months[-1].counted_target, 4) == D("0.3871")
    assert not [r for r in y2.reasons if "plusieurs contrats" in r.text.fr]
    assert [r for r in y3.reasons if "(travailleur T1b, compté en partie)" in r.text.fr]
    # The mirror case: T1a full time until 2008-03-10, T1b full time from 2008-03-05 — they overlap 03-05 … 03-10,
    # in year 2 only. Year 2's part of March (1–15): T1a 10/31, T1b's 11 days at 1/31 a day beside it, the person
    # 15 days → T1b min(15/31, 10/31 + 11/31) − 10/31 = 5/31, the month 15/31 = 0,4839; year 3's part (16–31): T1b
    # alone, 16/31 = 0,5161, nothing capped — only year 2 names T1b (the whole month's grid, 10/31 + 27/31 > 1,
    # named it in year 3 too).
    e = _three_and_one_person(worker("T1a", hire=W03_AGR, exit=date(2008, 3, 10)), worker("T1b", hire=date(2008, 3, 5)),
                              [pay("T1a", "2006-03", "2008-02"), [PayMonth("T1a", Month(2008, 3), D(10) / D(31), D(1000))],
                               [PayMonth("T1b", Month(2008, 3), D(27) / D(31), D(1000))], pay("T1b", "2008-04", "2009-03")])
    (y2, y3) = evaluate_quota(e, w03, year_2008, ONE_TARGET, whole_years=True).years
    assert (round(y2.months[-1].counted_target, 4), round(y3.months[0].counted_target, 4)) == (D("0.4839"), D("0.5161"))
    assert [r for r in y2.reasons if "(travailleur T1b, compté en partie)" in r.text.fr]
    assert not [r for r in y3.reasons if "plusieurs contrats" in r.text.fr]


def test_the_one_full_time_cap_holds_in_a_month_split_between_two_agrement_years():
    """Reading of the change: the same person as above (T1a 0,8, T1b 0,8, both in force), agrément 2006-03-16, so
    year 2 = 2007-03-16 … 2008-03-15 and March 2007 is split: its 16 days from the 16th are year 2's (16/31), March
    2008's first 15 are (15/31). The person counts at most one full-time on those days too (``_year_part``):
    1 × 16/31 = 0,5161 target FTE-month in March 2007, 15/31 = 0,4839 in March 2008 — added up, 1,6 × 16/31 =
    0,8258 (no test caught it). The year: (16/31 + 11 + 15/31) ÷ (4 × 12) = 12 ÷ 48 = 25 %."""
    e = _three_and_one_person(worker("T1a", hire=W03_AGR, fte="0.8"), worker("T1b", hire=date(2006, 9, 1), fte="0.8"),
                              [pay("T1a", "2006-03", "2008-03", "0.8"), pay("T1b", "2006-09", "2008-03", "0.8")])
    at = Period(date(2007, 6, 1), date(2007, 6, 1))
    y = evaluate_quota(e, get_regime("wallonie-2003"), at, ONE_TARGET, whole_years=True).latest
    assert y.year == 2 and y.target_share == D("0.25") and y.compliant is False
    first, last = y.months[0], y.months[-1]
    assert (str(first.month), str(last.month)) == ("2007-03", "2008-03")
    assert (round(first.counted_target, 4), round(last.counted_target, 4)) == (D("0.5161"), D("0.4839"))


def test_brussels_2018_minimum_counts_three_persons_as_three_full_times_at_most():
    """Audit b18d. bruxelles-2018, agrément 2020-01-01, calendar 2022 = agrément year 3. E1 (encadrement, not
    target) full time; three target persons, each on two concurrent 0,7 contracts (same national number each,
    from 2020-01-01 and 2021-01-01), paid all 2022. Each person: 0,7 + (min(1, 1,4) − 0,7) = 1 FTE a month →
    3 × 12 = 36 target FTE-months ÷ 12 = 3,00 ETP < 4,00 → not compliant (the contracts added up: 6 × 0,7 =
    4,20 ≥ 4, compliant, for 3 people)."""
    ws = [worker("E1", hire=date(2020, 1, 1), function=Function.SUPERVISION)]
    pays = [pay("E1", "2022-01", "2022-12")]
    for i in range(1, 4):
        ws += [replace(worker(f"T{i}{c}", hire=date(y, 1, 1), fte="0.7"), national_number=niss(date(1990, 1, i), i))
               for c, y in (("a", 2020), ("b", 2021))]
        pays += [pay(f"T{i}{c}", "2022-01", "2022-12", "0.7") for c in "ab"]
    e = enterprise(ws, pays, agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    st_ = Statuses({w.worker_id: w.worker_id != "E1" for w in ws})
    c = check(e, B18, Period.calendar_year(2022), st_)
    assert c.compliant is False
    assert "3,00 ETP public cible (minimum 4,00)" in c.summary.fr
    ys = evaluate_quota(e, B18, Period.calendar_year(2022), st_)
    assert [(m.target_fte, m.total_fte) for m in ys.latest.months] == [(D(3), D(4))] * 12


def test_year_1_point_value_counts_a_person_at_most_one_full_time_that_day():
    """Wallonia 2016 year 1 (agrément 2024-01-01) is judged on 2024-12-31 (Q3). N0–N3 not target, full time;
    one target person on two 0,8 contracts (A1 from 2024-01-01, A2 from 2024-06-01, same national number). That
    day the person counts min(1, 0,8 + 0,8) = 1 FTE: 1 ÷ (4 + 1) = 20,0 % (the contracts added up: 1,6 ÷ 5,6 =
    28,6 %)."""
    ws = [worker(f"N{i}", hire=date(2024, 1, 1)) for i in range(4)]
    ws += one_person(worker("A1", hire=date(2024, 1, 1), fte="0.8"), worker("A2", hire=date(2024, 6, 1), fte="0.8"))
    pays = [pay(f"N{i}", "2024-01", "2024-12") for i in range(4)]
    pays += [pay("A1", "2024-01", "2024-12", "0.8"), pay("A2", "2024-06", "2024-12", "0.8")]
    st_ = Statuses({**{f"N{i}": False for i in range(4)}, "A1": True, "A2": True})
    y = evaluate_quota(enterprise(ws, pays, agrement=date(2024, 1, 1)), W16, Period.calendar_year(2024), st_).latest
    assert y.year == 1 and y.target_share == D("0.2")
    # A2 from 2024-12-25 instead: on the judged day A2 counts min(1; 1,6) − 0,8 = 0,2: the same 20,0 %, and the
    # year's reason names A2. December as a month, one full-time a day too: A1 0,8 × 31 + A2 0,2 × 7 = 26,2
    # FTE-days ÷ 31 = 0,8452 (0,8 + 0,8 × 7/31 = 0,9806 when the month's sum was capped instead).
    ws[-1] = replace(ws[-1], hire_date=date(2024, 12, 25))
    pays[-1] = [PayMonth("A2", Month(2024, 12), D("0.8") * 7 / 31, D(500))]
    y = evaluate_quota(enterprise(ws, pays, agrement=date(2024, 1, 1)), W16, Period.calendar_year(2024), st_).latest
    assert y.target_share == D("0.2") and abs(y.months[-1].target_fte - D("26.2") / 31) < D("1E-20")
    assert [r for r in y.reasons if "(travailleur A2, compté en partie)" in r.text.fr]


def test_a_month_of_an_agrement_year_still_running_gives_its_provisional_verdict(monkeypatch):
    """Batch audit (2026-12-01): ``ei batch --month`` judges the Walloon quota as the verdict of the agrément year
    holding the month. Agrément 2021-01-01, year 2 = 2022 (30 %); T target, N1–N3 not, all full time, Paie typed
    ahead to 2022-12; today 2022-11-15, ``--month 2022-10``: T 12 ÷ D 48 = 25 % < 30 %, non conforme, and the year
    runs to 2022-12-31 — provisional, as ``--year 2022`` says the same day, with a hire still advised. It read
    final (its only judged part, October, being over) and its to-fix « année close : … aucun engagement ne la
    rattrape » with a month and a half of the year left."""
    monkeypatch.setattr(periods, "today", lambda: date(2022, 11, 15))
    e, st_ = _one_target_in_four("2022-12")
    month = evaluate_quota(e, W16, Period(date(2022, 10, 1), date(2022, 10, 31)), st_).latest
    year = evaluate_quota(e, W16, Period.calendar_year(2022), st_).latest
    assert month.target_share == year.target_share == D("0.25")
    assert (month.compliant, month.provisional) == (year.compliant, year.provisional) == (False, True)
    fixes = check(e, W16, Period(date(2022, 10, 1), date(2022, 10, 31)), st_).to_fix
    assert fixes and not any("année close" in f.fr for f in fixes)


def test_brussels_2018_encadrement_to_hire_is_solved_in_days_as_the_post_is_measured(monkeypatch):
    """Brussels audit (2026-12-01). bruxelles-2018, agrément 2024-01-01 → year 3 = 2026 (365 days); T0–T4 (target)
    full time, S (encadrement, not target) full time until 2026-06-30; Paie to 2026-11; judged on 2026-12-01: a hire
    counts from 2026-12-02, 30 days. The post is measured by days: 181 days × 1,0 = 181 FTE-days over 365 →
    0,4959 < 1. y FTE on the 30 days: (1 × 365 − 181) ÷ 30 = 6,1333 → 6,14 FTE. The forecast said 6,33: the
    average's shortfall rounded up first (1 − 0,4959 = 0,5041 → 0,51) then spread by months, 0,51 × 12 ÷ (30/31) =
    6,324 — 12 months of 31 days are not 365. With 6,14 FTE hired on 2026-12-02 the year is projected compliant:
    (181 + 6,14 × 30) ÷ 365 = 365,2 ÷ 365 ≥ 1; with 6,13, (181 + 183,9) ÷ 365 = 0,9997 < 1."""
    monkeypatch.setattr(periods, "today", lambda: date(2026, 12, 1))

    def projected(extra: str | None):
        ws = [worker(f"T{i}", hire=date(2024, 1, 1)) for i in range(5)]
        ws.append(worker("S", hire=date(2024, 1, 1), exit=date(2026, 6, 30), function=Function.SUPERVISION))
        if extra:   # six full-time persons and one part-time: a person counts at most one full-time
            ws += [worker(f"H{i}", hire=date(2026, 12, 2), function=Function.SUPERVISION) for i in range(6)]
            ws.append(worker("H6", hire=date(2026, 12, 2), fte=extra, function=Function.SUPERVISION))
        pays = [pay(f"T{i}", "2024-01", "2026-11") for i in range(5)] + [pay("S", "2024-01", "2026-06")]
        e = enterprise(ws, pays, agrement=date(2024, 1, 1), region=Region.BRUXELLES)
        return forecast_quota(e, B18, Month(2026, 11).last_day,
                              Statuses({w.worker_id: w.worker_id.startswith("T") for w in ws}))

    f = projected(None)
    assert f.extra_supervision_fte == D("6.14") and f.extra_target_fte == 0
    assert "engager 6,14 ETP d'encadrement du 2026-12-02 au 2026-12-31 (30 jours) la rend conforme" in f.summary.fr
    assert any("= (1,00 × 365 jours comptés − 181 ETP-jours) ÷ 30 jours à partir du 2026-12-02, arrondi vers le "
               "haut = 6,14 ETP" in r.text.fr for r in f.reasons)
    assert projected("0.14").compliant is True and projected("0.13").compliant is False
