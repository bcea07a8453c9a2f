"""Subsidy edge cases to the cent (rules.md §3.6–3.7, §4.6–4.7, §5.7; D1–D3, Q4, Q9): partial and leap
agrément years, occupation years cut mid-month, the SIEG ceiling on the subsidisable accompanier time,
the manager subsidy without a manager or above the manager's pay, rounding half up. Hand arithmetic in docstrings.

Builders and the eligibility stub are those of tests/test_subsidy.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from ei_cli.model import Function, PayMonth, Region
from ei_cli.periods import Month, Period, anniversary
from ei_cli.rules.common import money
from ei_cli.rules.subsidy import compute_subsidies

from test_subsidy import B2004, W2003, W2016, Report, enterprise, lines_of, monthly, worker


# ------------------------------------------------------------------------------------ Wallonia 2016, D1
def test_a_month_split_between_two_occupation_years_shares_its_wage_cost_by_days():
    """TGD hired 2024-03-15, full time, wage cost 1 000 €/month: half = 500 € < the monthly cap
    36 000 / 24 = 1 500 €, so half the wage cost is paid every month.
    2025: occupation year 1 ends 2025-03-14, year 2 starts 2025-03-15 — March 2025 is in both lines, its
    1 000 € shared by days: 14/31 and 17/31.
    Year 1: Jan 500 + Feb 500 + March 0,5 × 1 000 × 14/31 = 225,806 → 1 225,81 €.
    Year 2: March 0,5 × 1 000 × 17/31 = 274,194 + April–December 9 × 500 = 4 774,19 €.
    2025 = 12 × 500 = 6 000,00 € (the whole March cost in each line would give 6 500 €)."""
    ent = enterprise([worker("G", date(2024, 3, 15))], monthly("G", Month(2024, 3), Month(2025, 12), cost="1000"))
    result = compute_subsidies(ent, W2016, 2025, Report({"G": "TGD"}))
    y1, y2 = lines_of(result, "target_worker")
    assert (y1.basis["occupation_year"], y1.basis["end"]) == (1, date(2025, 3, 14))
    assert (y2.basis["occupation_year"], y2.basis["start"]) == (2, date(2025, 3, 15))
    assert (y1.amount, y2.amount) == (D("1225.81"), D("4774.19"))
    assert y1.basis["wage_cost"] + y2.basis["wage_cost"] == D("12000.00")
    assert result.totals["target_worker"] == D("6000.00")


def test_a_line_is_rounded_half_up_to_the_cent():
    """README « Arrondis »: half up, once per line. TD hired 2024-12-01, full time, December wage cost
    2 000,01 €: min(50 % × 2 000,01, 18 000 / 12 × 1) = min(1 000,005 ; 1 500) = 1 000,005 → 1 000,01 €
    (half even would give 1 000,00 €)."""
    ent = enterprise([worker("A", date(2024, 12, 1))], [PayMonth("A", Month(2024, 12), D(1), D(1500), D("2000.01"))])
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"A": "TD"})), "target_worker")
    assert line.amount == D("1000.01") and line.basis["months"][0]["half_wage_cost"] == D("1000.01")
    assert money(D("0.125")) == D("0.13") and money(D("-0.125")) == D("-0.13")


@settings(max_examples=80, deadline=None)
@given(hire=st.dates(min_value=date(2019, 1, 1), max_value=date(2023, 12, 31)), stay=st.integers(20, 1000),
       etps=st.lists(st.sampled_from(["0.3", "0.5", "0.8", "1"]), min_size=34, max_size=34),
       costs=st.lists(st.integers(400, 6000), min_size=34, max_size=34), blank=st.integers(0, 67),
       category=st.sampled_from(["TD", "TGD"]))
def test_every_line_stays_under_the_cap_and_half_the_wage_cost(hire, stay, etps, costs, blank, category):
    """D1: for each month of the window, min(50 % × wage cost, cap ÷ window months × etp of the month).
    So each line (amount known) is at most cap ÷ window months × its FTE-months and at most 50 % of its
    wage cost (basis; FTE-months shown to 4 decimals, amounts to the cent: a cent of slack); a calendar month
    shared by two lines (two occupation years) is split between them, not counted twice; and over the whole
    window (every calendar year) the lines add up to at most the cap (18 000 € TD, 36 000 € TGD over 12 / 24
    months) and at most half the Paie wage cost of the months the window touches (a cent a line)."""
    exit_ = hire + timedelta(days=stay)
    months = list(Period(hire, exit_).months())
    pays = [PayMonth("A", m, D(e), D(1000), None if i == blank else D(c))   # one month without wage cost, at times
            for i, (m, e, c) in enumerate(zip(months, etps, costs))]
    ent = enterprise([worker("A", hire, exit=exit_)], pays, agrement=date(2018, 1, 1))
    window_end = anniversary(hire, 12 if category == "TD" else 24) - timedelta(days=1)
    lines = []
    for year in range(hire.year, window_end.year + 1):
        lines += lines_of(compute_subsidies(ent, W2016, year, Report({"A": category})), "target_worker")
    known = [x for x in lines if x.amount is not None]
    for x in known:
        b = x.basis
        per_month = b["cap_full_time"] / b["window_months"]
        assert x.amount <= per_month * b["fte_months"] + per_month * D("0.00005") + D("0.005")
        assert x.amount <= b["wage_cost_share"] * b["wage_cost"] + D("0.005")
        assert x.amount >= 0
    # A month shared by two lines (two occupation years) is shared, not paid twice: summed over the lines,
    # its wage cost is at most its Paie wage cost, its amount at most half of it and at most the monthly cap.
    by_month: dict = {}
    for x in lines:
        for row in x.basis["months"]:
            by_month.setdefault(row["month"], []).append(row)
    cost_of = {p.month: p.wage_cost for p in pays}
    for month, rows in by_month.items():
        slack = D("0.01") * len(rows)
        if all(r["amount"] is not None for r in rows):
            assert sum(r["wage_cost"] for r in rows) <= cost_of[month] + slack
            assert sum(r["amount"] for r in rows) <= D("0.5") * cost_of[month] + slack
        assert sum(r["cap"] for r in rows) <= D(1500) + slack   # 18 000 / 12 = 36 000 / 24, etp ≤ 1 a day
    if len(known) == len(lines):
        cap = D(18000 if category == "TD" else 36000)
        touched = sum((p.wage_cost for p in pays if p.month <= Month.of(window_end) and p.wage_cost is not None), D(0))
        slack = D("0.01") * len(lines)
        assert sum((x.amount for x in known), D(0)) <= cap + slack
        assert sum((x.amount for x in known), D(0)) <= D("0.5") * touched + slack


@settings(max_examples=60, deadline=None)
@given(etp_a=st.sampled_from(["0.2", "0.5", "0.6", "0.8", "1"]), etp_b=st.sampled_from(["0.2", "0.4", "0.5", "0.6"]),
       cost_a=st.integers(30000, 500000), cost_b=st.integers(30000, 500000), b_month=st.integers(1, 12))
def test_one_persons_concurrent_contracts_get_what_the_person_would(etp_a, etp_b, cost_a, cost_b, b_month):
    """One TD on A (all 2025) and B (from the first of ``b_month``, the same national number), both paid every
    month of their contract. Each month the person's subsidy is min(50 % × their wage costs summed, 1 500 € ×
    their etp summed, at most 1): the two lines add up to it, month by month — never to the smaller sum of
    each contract's own min(50 % × its cost, 1 500 × its counted etp) — and neither line is below its own
    limits (each gets at least what it got alone). E.g. A 0,5 at 2 000 €, B 0,5 at 1 000 €: min(1 500, 1 500)
    = 1 500 a month, where 750 + 500 = 1 250 one by one. Costs in cents: each month of the claim workbook's
    « Mois » adds up to the cent, amount = min(half, cap) + joint_complement, the line's rounding remainder on
    its last month only."""
    from ei_cli.render.subsidy import _rounding_adjustment
    from test_subsidy import one_person

    cost_a, cost_b = D(cost_a) / 100, D(cost_b) / 100

    ws = one_person(worker("A", date(2025, 1, 1), fte=etp_a), worker("B", date(2025, b_month, 1), fte=etp_b))
    pays = (monthly("A", Month(2025, 1), Month(2025, 12), fte=etp_a, cost=str(cost_a))
            + monthly("B", Month(2025, b_month), Month(2025, 12), fte=etp_b, cost=str(cost_b)))
    result = compute_subsidies(enterprise(ws, pays), W2016, 2025, Report({"A": "TD", "B": "TD"}))
    (a,), (b,) = lines_of(result, "target_worker", "A"), lines_of(result, "target_worker", "B")
    b_counted = min(D(1), D(etp_a) + D(etp_b)) - D(etp_a)
    expected = own = D(0)
    for m in range(1, 13):
        alone_a = min(D(cost_a) / 2, 1500 * D(etp_a))
        if m < b_month:
            expected, own = expected + alone_a, own + alone_a
            continue
        alone_b = min(D(cost_b) / 2, 1500 * b_counted)
        expected += min((cost_a + cost_b) / 2, 1500 * (D(etp_a) + b_counted))
        own += alone_a + alone_b
    assert abs(a.amount + b.amount - expected) <= D("0.02")
    assert a.amount + b.amount >= money(own) - D("0.02")
    assert a.amount == money(12 * min(D(cost_a) / 2, 1500 * D(etp_a)))
    assert b.amount >= money((13 - b_month) * min(D(cost_b) / 2, 1500 * b_counted)) - D("0.01")
    assert all(_rounding_adjustment(m) == 0 for m in b.basis["months"][:-1])


# ------------------------------------------------------------------------------------ SIEG brackets, §3.6
def test_the_sieg_ceiling_counts_only_the_brackets_subsidisable_accompanier_time():
    """Agrément 2020-01-01, 2024 = agrément year 5 (whole); 8 TD all year → bracket ≥ 8: 25 000 €, at most
    0,5 subsidisable accompanier FTE (rules.md §3.6). One accompanier full time, wage cost 3 000 €/month =
    36 000 €: eligible cost 36 000 × 0,5 / 1 = 18 000 €; ceiling 18 000 × 1,15 = 20 700,00 € < 25 000 →
    20 700,00 € (the whole 36 000 × 1,15 = 41 400 € would not cap the 25 000 €)."""
    tds = [worker(f"T{i}", date(2019, 1, 1)) for i in range(8)]
    acc = worker("ACC", date(2019, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT)
    ent = enterprise([*tds, acc], monthly("ACC", Month(2024, 1), Month(2024, 12), cost="3000"))
    report = Report({**{w.worker_id: "TD" for w in tds}, "ACC": "not_target"})
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.basis["bracket_min"] == 8 and line.basis["max_accompanier_fte"] == D("0.5")
    assert line.basis["accompanier_wage_cost"] == D("36000.00")
    assert line.basis["ceiling"] == D("20700.00") and line.amount == D("20700.00")


# ------------------------------------------------------------------------------------ Wallonia 2003, D3
def test_2003_accompaniment_in_a_leap_agrement_year_is_divided_by_its_366_days():
    """D3: 33 000 € per accompanier FTE-year, pro rata of the agrément year. Agrément 2011-03-01 →
    agrément year 1 = 2011-03-01 … 2012-02-29 (366 days). Accompanier full time from 2011-03-01:
    2011 holds 306 days of it (31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31) → 306 FTE-days;
    33 000 × 306 / 366 = 27 590,1639 → 27 590,16 € (÷ 365 would give 27 665,75 €)."""
    acc = worker("S", date(2011, 3, 1), function=Function.SOCIAL_ACCOMPANIMENT)
    ent = enterprise([acc], monthly("S", Month(2011, 3), Month(2011, 12)), agrement=date(2011, 3, 1))
    (line,) = lines_of(compute_subsidies(ent, W2003, 2011, Report({"S": "not_target"})), "social_accompaniment")
    assert (line.basis["days"], line.basis["year_days"], line.basis["fte_days"]) == (306, 366, D(306))
    assert line.amount == D("27590.16")


def test_2003_manager_subsidy_without_a_direction_worker_gets_nothing():
    """Wallonia 2003 manager start-up subsidy: 2006 = agrément year 3 (agrément 2004-01-01) → 7 000 € a year,
    but nobody has fonction « direction »: no day of the post, so 7 000 × 0 / 365 = 0,00 € (it showed 7 000,00 €,
    not claimable), claimable (nothing left to know: `complete`), with the note that there is nothing to cover.
    With a « direction » worker employed all year: 7 000 × 365 / 365 = 7 000,00 €, claimable."""
    staff = [worker("P", date(2004, 1, 1))]
    ent = enterprise(staff, monthly("P", Month(2006, 1), Month(2006, 12)), agrement=date(2004, 1, 1))
    result = compute_subsidies(ent, W2003, 2006, Report({"P": "not_target"}))
    (line,) = lines_of(result, "manager")
    assert line.amount == D("0.00") and line.claimable is True and line.basis["post_days"] == 0
    assert any("Aucun travailleur « direction »" in n.fr for n in line.notes)
    assert "No “direction” worker employed: nothing to cover." in [n.en for n in line.notes]   # “…” as i18n.quoted
    assert any(r.text.en.startswith("Subsidy meant for “direction” staff: no worker of that function under "
                                    "contract from 2006-01-01 to 2006-12-31; no day of the post: €0.00 for this "
                                    "part") and r.parameter == "subsidy.post_days" for r in line.reasons)
    assert result.totals.get("manager", D(0)) == 0 and result.total == 0 and result.complete
    boss = worker("M", date(2004, 1, 1), function=Function.MANAGEMENT)
    ent = enterprise([*staff, boss], monthly("P", Month(2006, 1), Month(2006, 12)), agrement=date(2004, 1, 1))
    result = compute_subsidies(ent, W2003, 2006, Report({"P": "not_target", "M": "not_target"}))
    (line,) = lines_of(result, "manager")
    assert line.claimable is True and result.totals["manager"] == D("7000.00") and line.basis["post_days"] == 365



def test_2003_manager_subsidy_has_nothing_to_cover_in_a_calendar_part_without_a_direction_worker():
    """« Nothing to cover » is judged on the line's calendar part, not on the whole agrément year. Agrément
    2008-07-01 → agrément year 1 = 2008-07-01 … 2009-06-30 (365 days), 20 000 € a year (§4.7); the only
    « direction » worker M is hired on 2009-01-01. 2008 holds 184 days of year 1 (2008-07-01 … 2008-12-31), none
    with a manager employed: 20 000 × 0 / 365 = 0,00 € (it showed 10 082,19 €, not claimable). 2009 holds its
    other 181 days (2009-01-01 … 2009-06-30), all with M: 20 000 × 181 / 365 = 9 917,81 €, claimable."""
    agr = date(2008, 7, 1)
    staff = [worker("P", agr), worker("M", date(2009, 1, 1), function=Function.MANAGEMENT)]
    ent = enterprise(staff, monthly("P", Month(2008, 7), Month(2009, 12)) + monthly("M", Month(2009, 1),
                                                                                   Month(2009, 12)), agrement=agr)
    report = Report({"P": "not_target", "M": "not_target"})
    result = compute_subsidies(ent, W2003, 2008, report)
    (line,) = lines_of(result, "manager")
    assert (line.basis["start"], line.basis["end"], line.basis["days"]) == (agr, date(2008, 12, 31), 184)
    assert line.amount == D("0.00") and line.claimable is True
    assert "Aucun travailleur « direction » occupé : rien à couvrir." in [n.fr for n in line.notes]
    assert result.totals.get("manager", D(0)) == 0
    first, _ = lines_of(compute_subsidies(ent, W2003, 2009, report), "manager")
    assert (first.basis["agrement_year"], first.basis["days"]) == (1, 181)
    assert first.amount == D("9917.81") and first.claimable is True


def test_2003_manager_subsidy_pays_the_days_the_post_is_held_in_a_calendar_part():
    """One day of a manager earned a whole agrément-year part, none nothing (audit: a cliff). Agrément
    2006-03-01; agrément year 1 = 2006-03-01 … 2007-02-28 (365 days, 20 000 €), year 2 = 2007-03-01 …
    2008-02-29 (366 days, 13 500 €); 2007 holds year 1's 59 days (2007-01-01 … 02-28) and year 2's 306 days
    (2007-03-01 … 12-31). The only manager D, hired 2006-03-01, leaves:
    - on 2007-02-28: year 1's part 20 000 × 59 / 365 = 3 232,876 → 3 232,88 €; year 2's part, no day of the
      post: 13 500 × 0 / 366 = 0,00 € → total 3 232,88 €;
    - on 2007-03-01: year 2's part 13 500 × 1 / 366 = 36,885 → 36,89 € (it was 13 500 × 306 / 366 = 11 286,89 €
      for that one day) → total 3 232,88 + 36,89 = 3 269,77 €;
    - on 2007-06-30: 2007-03-01 … 06-30 = 31 + 30 + 31 + 30 = 122 days: 13 500 × 122 / 366 = 4 500,00 €.
    The reason says how many days the post was held and the arithmetic, citing `subsidy.post_days`."""
    agr = date(2006, 3, 1)

    def manager_lines(leaves: date):
        boss = worker("D", agr, exit=leaves, function=Function.MANAGEMENT)
        result = compute_subsidies(enterprise([boss], agrement=agr), W2003, 2007, Report({"D": "not_target"}))
        return result, lines_of(result, "manager")

    result, (y1, y2) = manager_lines(date(2007, 2, 28))
    assert (y1.amount, y1.basis["post_days"], y2.amount, y2.basis["post_days"]) == (D("3232.88"), 59, D("0.00"), 0)
    assert y2.claimable and result.totals["manager"] == D("3232.88")
    result, (y1, y2) = manager_lines(date(2007, 3, 1))
    assert (y2.amount, y2.claimable, y2.basis["post_days"], y2.basis["days"]) == (D("36.89"), True, 1, 306)
    assert result.totals["manager"] == D("3269.77")
    (held,) = [r for r in y2.reasons if r.parameter == "subsidy.post_days"]
    assert held.text.fr == ("Poste « direction » occupé 1 jour sur les 306 de la partie (du 2007-03-01 au "
                            "2007-12-31) : un travailleur de cette fonction sous contrat ; seuls ces jours comptent : "
                            "13 500,00 € × 1 ÷ 366 = 36,89 €.")
    assert held.text.en.startswith("“direction” post held on 1 day of the part's 306 (from 2007-03-01 to 2007-12-31)")
    assert held.confidence == "inferred"
    _, (_, y2) = manager_lines(date(2007, 6, 30))
    assert (y2.amount, y2.basis["post_days"]) == (D("4500.00"), 122)

def test_2003_manager_subsidy_above_the_managers_recorded_pay_says_so_and_is_not_reduced():
    """Seed 003: the subsidy « couvre partiellement la rémunération du chef d'entreprise »; no text caps it.
    Agrément 2005-03-01; a 0,1 FTE manager costing 520 €/month (4 000 × 0,1 × 1,3). 2006 holds:
    agrément year 1 (2005-03-01 … 2006-02-28, 365 days), 59 days of it: 20 000 × 59 / 365 = 3 232,88 €,
    against a cost of 2 × 520 = 1 040,00 €; agrément year 2 (2006-03-01 … 2007-02-28, 365 days), 306 days:
    13 500 × 306 / 365 = 11 317,81 €, against 10 × 520 = 5 200,00 €. Both lines exceed the pay recorded: each
    says so (amount and cost), stays claimable, and the total stays 3 232,88 + 11 317,81 = 14 550,69 €.
    A full-time manager costing 5 200 €/month (10 400 and 52 000 €) gets no such note; nor does a segment
    whose cost is not known every month (February 2006 without cout_salarial: the cost is not known, not 520)."""
    agr = date(2005, 3, 1)
    boss = worker("M", agr, fte="0.1", function=Function.MANAGEMENT)
    report = Report({"M": "not_target"})
    result = compute_subsidies(enterprise([boss], monthly("M", Month(2005, 3), Month(2006, 12), "0.1", "520"),
                                          agrement=agr), W2003, 2006, report)
    first, second = lines_of(result, "manager")
    assert (first.amount, second.amount) == (D("3232.88"), D("11317.81"))
    assert first.claimable and second.claimable and result.totals["manager"] == D("14550.69")
    for line, amount, cost, span in ((first, "3 232,88 €", "1 040,00 €", "du 2006-01-01 au 2006-02-28"),
                                     (second, "11 317,81 €", "5 200,00 €", "du 2006-03-01 au 2006-12-31")):
        (note,) = [n for n in line.notes if n.fr.startswith("La subvention couvre partiellement")]
        assert (f"{amount} dépassent le coût salarial enregistré des travailleurs « direction » {span} ({cost}"
                in note.fr)
        assert "montant non réduit" in note.fr and "amount not reduced" in note.en
        start, end = span.split()[1::2]
        assert f"recorded for the “direction” workers from {start} to {end} (" in note.en   # as i18n.quoted
        assert any(r.parameter == "subsidy.manager.amounts" and "partiellement" in r.text.fr for r in line.reasons)
    full = worker("M", agr, function=Function.MANAGEMENT)
    result = compute_subsidies(enterprise([full], monthly("M", Month(2005, 3), Month(2006, 12), "1", "5200"),
                                          agrement=agr), W2003, 2006, report)
    assert not any(n.fr.startswith("La subvention couvre partiellement") for x in result.lines for n in x.notes)
    pays = [p if p.month != Month(2006, 2) else PayMonth("M", p.month, p.fte, p.gross_pay, None)
            for p in monthly("M", Month(2005, 3), Month(2006, 12), "0.1", "520")]
    first, second = lines_of(compute_subsidies(enterprise([boss], pays, agrement=agr), W2003, 2006, report), "manager")
    assert not any(n.fr.startswith("La subvention couvre partiellement") for n in first.notes)
    assert any(n.fr.startswith("La subvention couvre partiellement") for n in second.notes)


# ------------------------------------------------------------------------------------ Brussels 2004, §5.7
def test_brussels_tranches_are_prorated_over_a_partial_agrement_year():
    """bruxelles-2004, agrément 2017-07-03 → agrément year 1 = 2017-07-03 … 2018-07-02 (365 days); 2017 holds
    2017-07-03 … 2017-12-31 = 29 + 31 + 31 + 30 + 31 + 30 = 182 days of it. Five target workers, one
    encadrement and one accompanier (not target) employed from the agrément day: 5 → 1 started tranche (Q9, R1).
    Accompaniment (15 000 + 7 500) × 182 / 365 = 22 500 × 182 / 365 = 11 219,178 → 11 219,18 €.
    Supervision (31 000 + 15 500) × 182 / 365 = 46 500 × 182 / 365 = 23 186,301 → 23 186,30 €."""
    agr = date(2017, 7, 3)
    workers = [worker(f"T{i}", agr) for i in range(5)] + [worker("E", agr, function=Function.SUPERVISION),
                                                          worker("A", agr, function=Function.SOCIAL_ACCOMPANIMENT)]
    ent = enterprise(workers, [p for w in workers for p in monthly(w.worker_id, Month(2017, 7), Month(2017, 12))],
                     agrement=agr, region=Region.BRUXELLES)
    result = compute_subsidies(ent, B2004, 2017, Report({**{f"T{i}": "target" for i in range(5)}, "E": "not_target",
                                                         "A": "not_target"}))
    (acc,) = lines_of(result, "social_accompaniment")
    (sup,) = lines_of(result, "supervision")
    for line in (acc, sup):
        assert (line.basis["days"], line.basis["year_days"], line.basis["tranches"]) == (182, 365, 1)
    assert (acc.basis["rate"], acc.amount) == (D(22500), D("11219.18"))
    assert (sup.basis["rate"], sup.amount) == (D(46500), D("23186.30"))
    assert acc.claimable and sup.claimable


def test_the_months_of_a_line_add_up_to_the_line():
    """A TD hired 2024-03-01, full time, wage cost 2 945,29 € a month: each month min(50 % × 2 945,29 =
    1 472,645, 18 000 / 12 = 1 500) = 1 472,645 €; 2024 holds 10 months → the line 14 726,45 € (rounded once,
    Q4). Each month shown to the cent was 1 472,65 €, adding up to 14 726,50 € in the claim workbook's « Mois »
    sheet beside a « Détail » line of 14 726,45 €. The last month now carries the remainder: 9 × 1 472,65 +
    1 472,60 = 14 726,45 €."""
    w = worker("T", date(2024, 3, 1))
    e = enterprise([w], monthly("T", Month(2024, 3), Month(2024, 12), cost="2945.29"))
    (line,) = lines_of(compute_subsidies(e, W2016, 2024, Report({"T": "TD"})), "target_worker", "T")
    amounts = [m["amount"] for m in line.basis["months"]]
    assert line.amount == D("14726.45") and sum(amounts) == line.amount
    assert amounts[:9] == [D("1472.65")] * 9 and amounts[9] == D("1472.60")


def test_months_after_the_last_payroll_month_are_to_come_not_missing(monkeypatch):
    """October, Paie closed at 2025-09. A (TD, full time) hired 2025-03-01, wage cost 2 000 € a month: each
    month min(50 % × 2 000 = 1 000, 1 500) = 1 000 €; March–September = 7 000 € claimable, provisional (it
    was a null amount, « cout_salarial absent pour 2025-10, 2025-11, 2025-12 », though those months are not
    paid yet). B (TD) hired 2025-10-01, after the last Paie month: no line yet. Both say their months to come
    in `unknown` (the claim is not complete yet), with nothing to fill in (`missing` empty), as the SIEG
    line does for its agrément year's days after 2025-09-30 (no bracket here: two TD). The same
    workbook read in 2027 — a closed year whose payroll stops in September — has data missing: A's line is
    unknown for the months without cout_salarial, as before."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))  # the year in progress
    ws = [worker("A", date(2025, 3, 1)), worker("B", date(2025, 10, 1))]
    e = enterprise(ws, monthly("A", Month(2025, 3), Month(2025, 9), cost="2000"))
    result = compute_subsidies(e, W2016, 2025, Report({"A": "TD", "B": "TD"}))
    (a,) = lines_of(result, "target_worker", "A")
    assert a.amount == D("7000.00") and a.claimable and result.total == D("7000.00") and not result.complete
    assert any(n.fr.startswith("Calculé jusqu'au 2025-09-30 (année en cours, paie connue jusqu'au 2025-09-30)")
               for n in a.notes)
    assert lines_of(result, "target_worker", "B") == []
    assert [(u.subsidy, u.worker_id, u.missing) for u in result.unknown] == [
        ("target_worker", "A", ()), ("target_worker", "B", ()), ("social_accompaniment", None, ())]
    monkeypatch.setattr(periods, "today", lambda: date(2027, 3, 1))  # a closed year, payroll cut short
    (late,) = lines_of(compute_subsidies(e, W2016, 2025, Report({"A": "TD", "B": "TD"})), "target_worker", "A")
    assert late.amount is None and not late.claimable


def test_a_payroll_two_months_behind_is_current_three_months_behind_is_not(monkeypatch):
    """Today 2026-11-30 (November); A (TD, full time) hired 2026-01-01, wage cost 4 000 € a month: each month
    min(50 % × 4 000 = 2 000, 18 000 / 12 × 1 = 1 500) = 1 500 €. The payroll is current when its last month
    is at most two months before the current month (``rules.common.payroll_current``): 11 − 2 = 9.
    - Paie to 2026-09 (9 ≥ 9, current): the line runs to 2026-09-30, January–September 9 × 1 500 =
      13 500,00 €, claimable, provisional; the months after are to come (nothing to fill in).
    - Paie to 2026-08 (8 < 9, behind): the months after it are missing, not to come — September and October
      (and on) without cout_salarial, amount unknown (partial January–August 8 × 1 500 = 12 000,00 €)."""
    from ei_cli import periods
    from ei_cli.rules.common import payroll_current

    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 30))
    current = enterprise([worker("A", date(2026, 1, 1))], monthly("A", Month(2026, 1), Month(2026, 9)))
    result = compute_subsidies(current, W2016, 2026, Report({"A": "TD"}))
    (a,) = lines_of(result, "target_worker", "A")
    assert payroll_current(current)
    assert (a.amount, a.claimable, a.basis["end"]) == (D("13500.00"), True, date(2026, 9, 30))
    assert any(n.fr.startswith("Calculé jusqu'au 2026-09-30 (année en cours, paie connue jusqu'au 2026-09-30)")
               for n in a.notes)
    assert [u.missing for u in result.unknown if u.worker_id == "A"] == [()]
    behind = enterprise([worker("A", date(2026, 1, 1))], monthly("A", Month(2026, 1), Month(2026, 8)))
    result = compute_subsidies(behind, W2016, 2026, Report({"A": "TD"}))
    (a,) = lines_of(result, "target_worker", "A")
    assert not payroll_current(behind)
    assert a.amount is None and not a.claimable and a.basis["partial_amount"] == D("12000.00")
    assert a.basis["months_without_wage_cost"][:2] == ["2026-09", "2026-10"]
    assert ("cout_salarial",) in [u.missing for u in result.unknown if u.worker_id == "A"]


def test_a_closed_year_whose_december_payroll_is_not_entered_yet_has_it_missing(monkeypatch):
    """`ei subsidy --year 2026` on 2027-01-15, Paie to 2026-11 (December's not entered yet): A (TD, full time)
    hired 2026-03-01, wage cost 2 000 € a month. 2026 is over (its last day before today): December's wage
    cost is missing, not to come — A's line is unknown (« cout_salarial absent pour 2026-12 », partial amount
    March–November 9 × min(50 % × 2 000, 1 500) = 9 000 €), not claimable. The payroll, « current »
    (November within two months of January), read 2026 as a year in progress: 9 000,00 € claimable and
    December « à calculer avec leur paie » (année en cours)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 15))
    e = enterprise([worker("A", date(2026, 3, 1))], monthly("A", Month(2026, 3), Month(2026, 11), cost="2000"))
    result = compute_subsidies(e, W2016, 2026, Report({"A": "TD"}))
    (a,) = lines_of(result, "target_worker", "A")
    assert a.amount is None and not a.claimable and a.basis["end"] == date(2026, 12, 31)
    assert a.basis["months_without_wage_cost"] == ["2026-12"] and a.basis["partial_amount"] == D("9000.00")
    assert [(u.worker_id, u.missing) for u in result.unknown if u.subsidy == "target_worker"] == [
        ("A", ("cout_salarial",))]
    assert not any("année en cours" in u.reason.fr for u in result.unknown)


def test_without_any_payroll_the_year_in_progress_runs_to_the_last_month_over(monkeypatch):
    """`ei subsidy --year 2026` on 2026-11-30 (the tests' day), no Paie row at all: A (TD, full time) hired
    2026-03-01. ``data_horizon`` gave no horizon without a last Paie month, so December was « absent » like the
    months already past. Without any payroll and a period not over, the horizon is the last month over by
    today (the « payroll further behind » case), 2026-10-31 — November, running until its last day, cannot
    have its payroll yet: A's line runs 2026-03-01 – 2026-10-31, March–October missing their cout_salarial (8
    months, nothing guessed), November and December to come — an entry with nothing to fill in (the horizon
    was today: November was « absent »). `--year 2027`, not begun:
    every window waits (it was an internal error once the horizon existed); a closed year (2025, judged
    2026-11-30) keeps its months missing, no horizon."""
    e = enterprise([worker("A", date(2026, 3, 1)), worker("G", date(2025, 3, 1))])
    report = Report({"A": "TD", "G": "TGD"})
    result = compute_subsidies(e, W2016, 2026, report)
    (a,) = lines_of(result, "target_worker", "A")
    assert a.basis["end"] == date(2026, 10, 31) and a.amount is None and not a.claimable
    assert a.basis["months_without_wage_cost"] == [f"2026-{m:02d}" for m in range(3, 11)]
    entries = [(u.missing, u.reason.fr) for u in result.unknown if u.worker_id == "A"]
    assert [m for m, _ in entries] == [("cout_salarial",), ()]
    assert entries[1][1] == "Mois après le 2026-10-31 (fin du dernier mois terminé, année en cours, aucune paie " \
        "saisie) : à calculer avec leur paie."
    later = [u for u in compute_subsidies(e, W2016, 2027, report).unknown if u.subsidy == "target_worker"]
    assert [(u.worker_id, u.missing) for u in later] == [("A", ()), ("G", ())]   # windows to 2027-02-28
    assert all(u.reason.fr.startswith("Période réclamée sans aucune paie saisie") for u in later)
    (g,) = lines_of(compute_subsidies(e, W2016, 2025, report), "target_worker", "G")
    assert g.basis["end"] == date(2025, 12, 31) and "2025-12" in g.basis["months_without_wage_cost"]


def test_a_claim_after_the_last_payroll_month_says_so_not_that_the_window_began_after_it(monkeypatch):
    """`ei subsidy --year 2027` on 2026-06-30, Paie to 2026-06: G (TGD) hired 2025-03-01, window 24 months to
    2027-02-28, meets 2027 — no month of 2027 is paid yet. Its `unknown` entry said « Fenêtre commencée après
    le dernier mois de paie (2026-06-30, année en cours) », false twice (the window began in 2025, 2027 is not
    the year in progress); it now says the claimed period comes after the last payroll month. In 2026, N (TD)
    hired 2026-08-01, after the last Paie month, keeps « Fenêtre commencée après le 2026-06-30 » (the horizon,
    named by ``horizon_text``: the last Paie month's end here)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 6, 30))
    e = enterprise([worker("G", date(2025, 3, 1)), worker("N", date(2026, 8, 1))],
                   monthly("G", Month(2025, 3), Month(2026, 6), cost="2000"))
    report = Report({"G": "TGD", "N": "TD"})
    (g,) = [u for u in compute_subsidies(e, W2016, 2027, report).unknown if u.worker_id == "G"]
    assert g.reason.fr == ("Période réclamée postérieure au dernier mois de paie (paie connue jusqu'au 2026-06-30) : "
                           "aucun mois de paie connu pour la période, à calculer avec la paie de ses mois.")
    assert g.reason.en.startswith("Claimed period after the last payroll month (payroll known to 2026-06-30)")
    assert g.missing == ()
    (n,) = [u for u in compute_subsidies(e, W2016, 2026, report).unknown if u.worker_id == "N"]
    assert n.reason.fr.startswith("Fenêtre commencée après le 2026-06-30 (année en cours, paie connue jusqu'au "
                                  "2026-06-30)")


def test_a_horizon_of_the_last_month_over_is_not_named_the_last_payroll_month(monkeypatch):
    """Today 2026-11-30, Paie to 2026-06 (five months behind): ``data_horizon`` is the last month over by today,
    2026-10-31 (November runs until its last day), not the last Paie month (it was today, 2026-11-30).
    G (TGD) hired 2025-03-01, N (TD) hired 2026-12-15. The TD/TGD texts named the horizon as the last Paie
    month — « Paie connue jusqu'au 2026-11-30 », « Mois après le 2026-11-30 (dernier mois de paie, année en
    cours) », N's « Fenêtre commencée après le dernier mois de paie (2026-11-30, …) » — beside the SIEG lines'
    « paie connue jusqu'au 2026-06-30 ». Every one now says what the day is (the end of the last month over)
    and where the payroll stops (``horizon_text``), the SIEG entry too."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 30))
    e = enterprise([worker("G", date(2025, 3, 1)), worker("N", date(2026, 12, 15))],
                   monthly("G", Month(2025, 3), Month(2026, 6), cost="2000"))
    result = compute_subsidies(e, W2016, 2026, Report({"G": "TGD", "N": "TD"}))
    said = "2026-10-31 (fin du dernier mois terminé, année en cours, paie connue jusqu'au 2026-06-30)"
    *_, g = lines_of(result, "target_worker", "G")   # occupation year 2, 2026-03-01 – 2026-10-31
    assert g.basis["end"] == date(2026, 10, 31)
    assert any(n.fr.startswith(f"Calculé jusqu'au {said} :") for n in g.notes)
    by_worker = {u.worker_id: u.reason for u in result.unknown if not u.missing}
    assert by_worker["G"].fr == f"Mois après le {said} : à calculer avec leur paie."
    assert by_worker["G"].en.startswith("Months after 2026-10-31 (end of the last month over, year in progress, "
                                        "payroll known to 2026-06-30)")
    assert by_worker["N"].fr.startswith(f"Fenêtre commencée après le {said}")
    assert not any("dernier mois de paie (2026-11-30" in u.reason.fr or "Paie connue jusqu'au 2026-11-30" in u.reason.fr
                   for u in result.unknown)


def test_the_brussels_supervision_condition_says_what_unknown_statuses_leave_open():
    """§5.6, 2013: E (encadrement, 0,5), N0–N3 (not target, 4 FTE), U0–U1 (production, status unknown, 2
    FTE), T (target). Without U: 0,5 / 4,5 = 11,1 %; with U as non-target: 0,5 / 6,5 = 7,69 → 7,6 % (floored)
    — undetermined. The condition read « 0,50 ETP pour 4,50 ETP hors public cible (11,1 %, minimum 10,0 %) »
    beside « indéterminé »; it now names the 2,00 FTE of unknown status and the range."""
    workers = [worker(f"N{i}", date(2011, 1, 1)) for i in range(4)] + [worker(f"U{i}", date(2011, 1, 1))
                                                                        for i in range(2)]
    workers += [worker("E", date(2011, 1, 1), fte="0.5", function=Function.SUPERVISION), worker("T", date(2011, 1, 1))]
    report = Report({**{w.worker_id: "not_target" for w in workers}, "T": "target", "U0": "unknown",
                     "U1": "unknown"})
    ent = enterprise(workers, agrement=date(2011, 1, 1), region=Region.BRUXELLES)
    (cond,) = compute_subsidies(ent, B2004, 2013, report).conditions
    assert cond.met is None
    assert "(+ 2,00 ETP de statut inconnu) (entre 7,6 % et 11,1 % selon les statuts inconnus" in cond.summary.fr


def test_the_month_still_running_is_to_come_not_missing_with_a_payroll_far_behind(monkeypatch):
    """Audit (repro/02): `ei subsidy --year 2027` on 2027-01-05, Paie to 2026-10 (more than the usual two months
    behind): A (TD, full time) hired 2026-11-01, window to 2027-10-31. ``data_horizon`` was today, so January
    2027 — five days old — was « Coût salarial (Paie.cout_salarial) absent pour 2027-01 », while the forecast of
    the same day rightly calls only 2026-11 … 12 past without payroll. The horizon is now the last day of the
    last month over by today (``last_month_over``): 2026-12-31, before the claim — nothing of 2027 is missing,
    A's window waits (« à calculer avec la paie de ses mois »), no line, no `cout_salarial` asked.
    Same on 2027-09-10 with Paie to 2027-05, B (TD) hired 2027-01-01 and paid 2 000 € a month: the horizon is
    2027-08-31; B's line runs 2027-01-01 – 08-31, June, July and August missing their cout_salarial (not
    September, still running); the five months known give 5 × min(50 % × 2 000, 1 500) = 5 × 1 000 = 5 000,00 €
    (partial amount); September onwards is to come."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 5))
    a = worker("A", date(2026, 11, 1))
    e = enterprise([a, worker("P", date(2026, 3, 1))], monthly("P", Month(2026, 3), Month(2026, 10), cost="2000"))
    result = compute_subsidies(e, W2016, 2027, Report({"A": "TD", "P": "not_target"}))
    assert lines_of(result, "target_worker", "A") == []
    (entry,) = [u for u in result.unknown if u.worker_id == "A"]
    assert entry.missing == () and "absent" not in entry.reason.fr
    monkeypatch.setattr(periods, "today", lambda: date(2027, 9, 10))
    e = enterprise([worker("B", date(2027, 1, 1))], monthly("B", Month(2027, 1), Month(2027, 5), cost="2000"))
    result = compute_subsidies(e, W2016, 2027, Report({"B": "TD"}))
    (b,) = lines_of(result, "target_worker", "B")
    assert b.basis["end"] == date(2027, 8, 31) and not b.claimable
    assert b.basis["months_without_wage_cost"] == ["2027-06", "2027-07", "2027-08"]
    assert b.basis["partial_amount"] == D("5000.00")
    assert any(u.worker_id == "B" and u.missing == () and u.reason.fr.startswith(
        "Mois après le 2027-08-31 (fin du dernier mois terminé, année en cours, paie connue jusqu'au 2027-05-31)")
        for u in result.unknown)
