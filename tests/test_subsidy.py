"""Subsidies to the cent (rules.md §3.6–3.7, §4.6–4.7, §5.6–5.7; D1–D5, D7, Q8, Q9, Q16).

Rules are tested on model objects built here; the eligibility report is a stub giving each worker
its category, so that every case isolates the subsidy arithmetic. Hand arithmetic in docstrings.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ei_cli.model import ContractType, Enterprise, Function, PayMonth, Region, Worker
from ei_cli.periods import Month, anniversary_year
from ei_cli.regimes import get_regime
from ei_cli.render.subsidy import _rounding_adjustment, basis_text
from ei_cli.rules.subsidy import compute_subsidies, subsidy_ids, tranches
from helpers_rules import CategoryReport as Report, CategoryEntry, IN_WORKER_ORDER, SHEET_IDS, one_person

W2016, W2003, B2004, B2018 = (get_regime(r) for r in ("wallonie-2016", "wallonie-2003", "bruxelles-2004",
                                                        "bruxelles-2018"))


# ------------------------------------------------------------------------------------ builders
def worker(wid, hire, *, exit=None, fte="1", function=Function.PRODUCTION, contract=ContractType.CDI):
    return Worker(worker_id=wid, hire_date=hire, contract_type=contract, fte=D(fte), function=function,
                  exit_date=exit)


def pay(wid, year, month, fte="1", cost="4000"):
    return PayMonth(wid, Month(year, month), D(fte), D("2000"), None if cost is None else D(cost))


def monthly(wid, first: Month, last: Month, fte="1", cost="4000"):
    out, m = [], first
    while m <= last:
        out.append(pay(wid, m.year, m.month, fte, cost))
        m = m.next()
    return out


def enterprise(workers, pays=(), agrement=date(2020, 1, 1), region=Region.WALLONIE):
    return Enterprise(name="EI test", region=region, agrement_date=agrement, workers=tuple(workers),
                      pay=tuple(pays))


def lines_of(result, subsidy, worker_id=None):
    return [x for x in result.lines if x.subsidy == subsidy and (worker_id is None or x.worker_id == worker_id)]


# ------------------------------------------------------------------------------------ Wallonia 2016, D1
def test_td_hired_15_march_straddles_two_calendar_years_and_stops_after_12_months():
    """TD hired 2024-03-15, full time, wage cost 4 000 €/month (half = 2 000 € > cap 1 500 €).

    Window = 2024-03-15 … 2025-03-14 (12 months). Monthly cap = 18 000 / 12 × etp = 1 500 €, on the month's
    etp to the 4 places printed.
    2024: March: Paie etp 0,55 over 17 days employed → daily etp min(1, 0,55×31/17) = 1, FTE-month
      17/31 = 0,5484; cap 1 500 × 0,5484 = 822,60; half wage cost 0,5 × 2 200 = 1 100 → 822,60.
      April–December: 9 × min(2 000, 1 500) = 13 500. Total 14 322,60 €.
    2025: Jan, Feb 2 × 1 500 = 3 000; March 1–14: 14/31 = 0,4516, cap 1 500 × 0,4516 = 677,40, half wage
      cost 0,5 × 4 000 × 14/31 = 903,23 → 677,40. Total 3 677,40 €; nothing after 14 March.
    Over the window: 14 322,60 + 3 677,40 = 18 000,00 € = the TD cap.
    """
    pays = [pay("A", 2024, 3, "0.55", "2200")] + monthly("A", Month(2024, 4), Month(2025, 12))
    ent = enterprise([worker("A", date(2024, 3, 15))], pays)
    report = Report({"A": "TD"})
    r24 = compute_subsidies(ent, W2016, 2024, report)
    r25 = compute_subsidies(ent, W2016, 2025, report)
    (l24,) = lines_of(r24, "target_worker")
    (l25,) = lines_of(r25, "target_worker")
    assert l24.amount == D("14322.60") and l24.basis["occupation_year"] == 1
    assert l25.amount == D("3677.40") and l25.basis["end"] == date(2025, 3, 14)
    assert l24.amount + l25.amount == D("18000.00")
    assert l25.claimable and l25.confidence == "inferred"
    assert r25.totals["target_worker"] == D("3677.40")


def test_td_hired_in_february_of_a_leap_year_gets_exactly_the_cap():
    """TD hired 2024-02-15, full time, wage cost 4 000 €/month (half ≥ the cap every month).

    Window 2024-02-15 … 2025-02-14: February 2024 and February 2025 are the two parts of one month of
    the window, both measured against February 2024's 29 days (D1, docs/interpretations.md).
    2024: Feb 15/29 = 0,5172 (4 places) × 1 500 = 775,80; March–December 10 × 1 500 = 15 000 → 15 775,80 €.
    2025: January 1 500; Feb 1–14: 14/29 = 0,4828 × 1 500 = 724,20 → 2 224,20 €.
    Total 18 000,00 € = the TD cap. (Measured against February 2025's 28 days, 14/28 × 1 500 = 750
    would have made 18 025,80 €, over the cap.)"""
    ent = enterprise([worker("A", date(2024, 2, 15))], monthly("A", Month(2024, 2), Month(2025, 12)))
    report = Report({"A": "TD"})
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "target_worker")
    (l25,) = lines_of(compute_subsidies(ent, W2016, 2025, report), "target_worker")
    assert (l24.amount, l25.amount) == (D("15775.80"), D("2224.20"))


def test_td_hired_on_29_february_keeps_the_last_day_of_its_window():
    """TD hired 2024-02-29, full time: 12 months « de quantième à veille de quantième » end on
    2025-02-28 (February 2025 has no 29th). 2024: Feb 1/29 = 0,0345 (4 places) × 1 500 = 51,75 + March–December
    15 000 → 15 051,75 €; 2025: January 1 500 + February 28/29 = 0,9655 × 1 500 = 1 448,25 → 2 948,25 €.
    Total 18 000,00 €. (The old code ended the window on 2025-02-27 and counted February 2025 in its own
    28 days: 27/28 × 1 500 = 1 446,43, a total of 17 998,15 €.)"""
    ent = enterprise([worker("A", date(2024, 2, 29))], monthly("A", Month(2024, 2), Month(2025, 12)))
    report = Report({"A": "TD"})
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "target_worker")
    (l25,) = lines_of(compute_subsidies(ent, W2016, 2025, report), "target_worker")
    assert (l24.amount, l25.amount) == (D("15051.75"), D("2948.25"))
    assert l25.basis["end"] == date(2025, 2, 28)


def test_a_td_tgd_line_prints_the_fte_months_its_cap_is_computed_on():
    """rules.md §11 D1: cap = 1 500 € × FTE-months. TGD hired 2024-03-15, full time, 4 000 €/month (half the
    wage cost 2 000 € > 1 500 € every month), claim 2024: March 17/31 = 0,548387… → 0,5484 FTE-month (4
    places, the JSON's ``etp``), cap 1 500 × 0,5484 = 822,60 €; April–December 9 × 1 500 = 13 500 €;
    9,5484 FTE-months, cap 1 500 × 9,5484 = 14 322,60 € = the amount. The « Base » printed « 9,55 ETP-mois »
    beside « plafond 14 322,58 € » (1 500 × 9,55 = 14 325,00, 2,42 € off) and March's ``etp`` 0,5484 beside
    a cap of 822,58 € (1 500 × 0,548387…): now every figure printed gives its cap, in the terminal, the
    documents (same basis text) and the claim workbook (the month rows)."""
    from ei_cli import documents
    from ei_cli.output import jsonable
    from ei_cli.render.subsidy import basis_text
    from ei_cli.rules.common import money

    ent = enterprise([worker("A", date(2024, 3, 15))], monthly("A", Month(2024, 3), Month(2024, 12)))
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"A": "TGD"})), "target_worker")
    assert line.basis["fte_months"] == D("9.5484") and line.basis["cap"] == D("14322.60") == line.amount
    assert line.basis["cap"] == 1500 * line.basis["fte_months"]
    assert all(m["cap"] == money(1500 * m["etp"]) for m in line.basis["months"])
    assert line.basis["months"][0]["etp"] == D("0.5484") and line.basis["months"][0]["cap"] == D("822.60")
    assert "9,5484 ETP-mois · coût 40 000,00 € · plafond 14 322,60 €" in basis_text(line.basis, "fr")
    assert "9.5484 FTE-months · wage cost €40,000.00 · cap €14,322.60" in basis_text(line.basis, "en")
    assert "9,5484 ETP-mois" in documents._basis_text(jsonable(line.basis))


@settings(max_examples=60, deadline=None)
@given(hire=st.dates(min_value=date(2019, 1, 1), max_value=date(2024, 12, 31)),
       category=st.sampled_from(["TD", "TGD"]))
def test_a_full_time_window_is_paid_exactly_the_cap(hire, category):
    """Whatever the hire date, a full-time TD (TGD) paid enough over its whole 12 (24) months gets
    18 000 € (36 000 €) = 12 (24) × 1 500, within a cent per line (each line rounded once). Judged in 2030:
    a window ends by 2026-12-30, whose December the tests' day (2026-11-30) has not begun (``paid_to``)."""
    from ei_cli import periods

    ent = enterprise([worker("A", hire)], monthly("A", Month.of(hire), Month(2027, 12)), agrement=date(2018, 1, 1))
    report = Report({"A": category})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(periods, "today", lambda: date(2030, 1, 15))
        lines = [x for y in range(hire.year, hire.year + 3)
                 for x in lines_of(compute_subsidies(ent, W2016, y, report), "target_worker")]
    cap = D(18000) if category == "TD" else D(36000)
    assert abs(sum(x.amount for x in lines) - cap) <= D("0.01") * len(lines)


def test_tgd_month_under_the_cap_and_month_over_the_cap():
    """TGD hired 2023-01-01 (window 24 months, cap 36 000 / 24 = 1 500 € per full-time month).

    2024 (occupation year 2): January wage cost 2 000 → half 1 000 < 1 500 → 1 000;
    February wage cost 5 000 → half 2 500 > 1 500 → 1 500, capped; March wage cost 3 000 → half 1 500 = the
    cap 1 500 → 1 500, not capped (the cap takes nothing off); April–December at 4 000 → 9 × 1 500.
    Total 1 000 + 1 500 + 1 500 + 13 500 = 17 500,00 €.
    """
    pays = [pay("G", 2024, 1, cost="2000"), pay("G", 2024, 2, cost="5000"), pay("G", 2024, 3, cost="3000")] + \
        monthly("G", Month(2024, 4), Month(2024, 12))
    ent = enterprise([worker("G", date(2023, 1, 1))], pays)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"G": "TGD"})), "target_worker")
    months = {str(m["month"]): m for m in line.basis["months"]}
    assert months["2024-01"]["amount"] == D("1000.00") and not months["2024-01"]["capped"]
    assert months["2024-02"]["amount"] == D("1500.00") and months["2024-02"]["capped"]
    assert (months["2024-03"]["half_wage_cost"], months["2024-03"]["cap"]) == (D("1500.00"), D("1500.00"))
    assert months["2024-03"]["amount"] == D("1500.00") and months["2024-03"]["capped"] is False
    assert line.amount == D("17500.00") and line.basis["occupation_year"] == 2


def test_part_time_td_cap_follows_the_month_etp():
    """TD hired 2024-01-01, Paie etp 0,5 in January 2024, wage cost 4 000: cap 1 500 × 0,5 = 750 <
    half wage cost 2 000 → 750. February etp 1 → 1 500. Rest of 2024 without Paie rows is not
    reached: the worker left on 2024-02-29. Total 2 250,00 €."""
    pays = [pay("P", 2024, 1, "0.5"), pay("P", 2024, 2, "1")]
    ent = enterprise([worker("P", date(2024, 1, 1), exit=date(2024, 2, 29), fte="0.5")], pays)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"P": "TD"})), "target_worker")
    assert line.amount == D("2250.00")


def test_month_without_wage_cost_makes_the_line_unknown():
    """D1: no cout_salarial for a month → the line is unknown, not guessed, and not claimable."""
    pays = monthly("A", Month(2024, 1), Month(2024, 12))
    pays[5] = pay("A", 2024, 6, cost=None)
    ent = enterprise([worker("A", date(2024, 1, 1))], pays)
    result = compute_subsidies(ent, W2016, 2024, Report({"A": "TD"}))
    (line,) = lines_of(result, "target_worker")
    assert line.amount is None and not line.claimable
    assert line.basis["months_without_wage_cost"] == ["2024-06"]
    assert result.unknown and result.unknown[0].worker_id == "A"
    assert result.totals["target_worker"] == 0 and not result.complete


def test_the_wage_cost_cites_its_definition_agw_2017_art_1_6():
    """rules.md §3.7 and D1: the wage cost is defined by AGW 24.05.2017 art. 1, 6° (« het totaalbedrag dat
    effectief ten laste valt van het erkende bedrijf … », VERIFIED), and was never cited: the line's reason
    after « Au plus 50,0 % du coût salarial du mois » (which keeps citing the 50 %) now says what the wage cost
    is and cites ``subsidy.target_worker.wage_cost_definition`` (verified, lisloi); the unknown entry
    « Coût salarial (Paie.cout_salarial) absent … » cited the TD cap, and now cites that definition too."""
    pays = monthly("A", Month(2024, 1), Month(2024, 12))
    ent = enterprise([worker("A", date(2024, 1, 1))], pays)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"A": "TD"})), "target_worker")
    texts = [r.text.fr for r in line.reasons]
    half = texts.index("Au plus 50,0 % du coût salarial du mois.")
    assert line.reasons[half].parameter == "subsidy.target_worker.max_wage_cost_share"
    definition = line.reasons[half + 1]
    assert definition.parameter == "subsidy.target_worker.wage_cost_definition"
    assert definition.text.fr.startswith("Coût salarial : montant total effectivement à charge de l'entreprise")
    assert definition.confidence == "verified" and definition.url.startswith("https://lisloi.be/laws/2017203329")
    assert definition.reference.startswith("AGW du 24 mai 2017") and definition.reference.endswith("art. 1, 6°")
    pays[5] = pay("A", 2024, 6, cost=None)
    (unknown,) = compute_subsidies(enterprise([worker("A", date(2024, 1, 1))], pays), W2016, 2024,
                                   Report({"A": "TD"})).unknown
    assert unknown.reason.fr.startswith("Coût salarial (Paie.cout_salarial) absent pour 2024-06")
    assert (unknown.reference, unknown.url, unknown.confidence) == (definition.reference, definition.url, "verified")


def test_a_month_at_etp_0_without_wage_cost_is_no_missing_wage_cost():
    """D1: A (TD) hired 2025-01-01, window 2025-01-01 – 2025-12-31 (12 months), 4 000 € a month; March 2025 is
    paid at etp 0 with no cout_salarial (a suspended month). Its cap is 18 000 ÷ 12 × 0 = 0 €: nothing can be
    due whatever its wage cost, so that month's amount is null (no cost to quote), it is not a month « without
    wage cost », and the line is computed and complete: 11 months × min(0,5 × 4 000 = 2 000, 1 500) = 16 500 €,
    over 11 months of wage cost (11 × 4 000 = 44 000 €)."""
    pays = monthly("A", Month(2025, 1), Month(2025, 12))
    pays[2] = pay("A", 2025, 3, fte="0", cost=None)
    ent = enterprise([worker("A", date(2025, 1, 1))], pays)
    result = compute_subsidies(ent, W2016, 2025, Report({"A": "TD"}))
    (line,) = lines_of(result, "target_worker")
    march = next(m for m in line.basis["months"] if m["month"] == Month(2025, 3))
    assert (march["etp"], march["cap"], march["wage_cost"], march["amount"]) == (0, 0, None, None)
    assert "months_without_wage_cost" not in line.basis and line.basis["wage_cost"] == D("44000.00")
    assert (line.basis["known_wage_cost_months"], line.basis["wage_cost_months"]) == (11, 11)
    assert line.amount == D("16500.00") and line.claimable
    assert result.complete and result.unknown == () and result.totals["target_worker"] == D("16500.00")


def test_a_wage_cost_not_known_every_month_is_never_quoted_as_the_wage_cost():
    """D1: a month without `cout_salarial` → the line is unknown. Its basis still gave `wage_cost` =
    the known months' sum (and 0 when none was known) as if it were the line's cost. A, TD, full year
    2024, 4 000 €/month, June empty: known 11 × 4 000 = 44 000 €, half 22 000 € — `wage_cost` and
    `half_wage_cost` now null, `known_wage_cost` 44 000 € over 11 months of 12. Every month empty:
    known 0,00 € over 0 months of 12."""
    pays = monthly("A", Month(2024, 1), Month(2024, 12))
    pays[5] = pay("A", 2024, 6, cost=None)
    ent = enterprise([worker("A", date(2024, 1, 1))], pays)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"A": "TD"})), "target_worker")
    b = line.basis
    assert b["wage_cost"] is None and b["half_wage_cost"] is None
    assert (b["known_wage_cost"], b["known_wage_cost_months"], b["wage_cost_months"]) == (D("44000.00"), 11, 12)
    ent = enterprise([worker("A", date(2024, 1, 1))], monthly("A", Month(2024, 1), Month(2024, 12), cost=None))
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"A": "TD"})), "target_worker")
    b = line.basis
    assert b["wage_cost"] is None and (b["known_wage_cost"], b["known_wage_cost_months"], b["wage_cost_months"]) == (0, 0, 12)
    full = enterprise([worker("A", date(2024, 1, 1))], monthly("A", Month(2024, 1), Month(2024, 12)))
    (line,) = lines_of(compute_subsidies(full, W2016, 2024, Report({"A": "TD"})), "target_worker")
    assert line.basis["wage_cost"] == line.basis["known_wage_cost"] == D("48000.00")
    assert line.basis["half_wage_cost"] == D("24000.00") and line.basis["known_wage_cost_months"] == 12


def test_not_target_and_art60_get_nothing():
    pays = monthly("N", Month(2024, 1), Month(2024, 12)) + monthly("X", Month(2024, 1), Month(2024, 12))
    ent = enterprise([worker("N", date(2024, 1, 1)), worker("X", date(2024, 1, 1), contract=ContractType.ART60)],
                     pays)
    result = compute_subsidies(ent, W2016, 2024, Report({"N": "not_target", "X": "TD"}))
    assert lines_of(result, "target_worker") == []


def test_a_person_rehired_under_a_new_id_does_not_get_a_second_window_as_is():
    """rules.md §3.7: up to 18 000 € per full-time TD over at most 12 months from hiring. A (TD, full time,
    4 000 €/month: half 2 000 > monthly cap 1 500) works 2024-01-01 … 04-30, and is re-hired as B (same
    national number, a new id) from 2024-09-01. The old code gave B a window of its own: 2024 A 4 × 1 500 =
    6 000 + B 4 × 1 500 = 6 000, 2025 B 8 × 1 500 = 12 000 — 24 000 € for one person. B's lines are now
    computed but not claimable as is (to be justified), naming A: totals 6 000 € (2024) and 0 € (2025).
    An earlier art. 60 §7 stint (X, employed by the CPAS, Q11) is no hire by the EI: A stays the first."""
    number = "85100374649"
    ws = [worker("A", date(2024, 1, 1), exit=date(2024, 4, 30)), worker("B", date(2024, 9, 1)),
          worker("X", date(2022, 1, 1), exit=date(2023, 6, 30), contract=ContractType.ART60)]
    ws = [replace(w, national_number=number) for w in ws]
    pays = monthly("A", Month(2024, 1), Month(2024, 4)) + monthly("B", Month(2024, 9), Month(2025, 12))
    ent = enterprise(ws, pays)
    report = Report({"A": "TD", "B": "TD", "X": "TD"})
    y24 = compute_subsidies(ent, W2016, 2024, report)
    (a,), (b,) = lines_of(y24, "target_worker", "A"), lines_of(y24, "target_worker", "B")
    assert a.claimable and a.amount == D("6000.00") and "rehire_of" not in a.basis
    assert not b.claimable and b.amount == D("6000.00") and y24.totals["target_worker"] == D("6000.00")
    assert (b.basis["rehire_of"], b.basis["first_hire_date"]) == ("A", date(2024, 1, 1))
    assert b.notes[0].fr.startswith("Même numéro national que le travailleur A (engagé le 2024-01-01) : "
                                    "réengagement de la même personne ?")
    assert number not in str([n.fr for n in b.notes] + [r.text.fr for r in b.reasons])
    y25 = compute_subsidies(ent, W2016, 2025, report)
    (b,) = lines_of(y25, "target_worker", "B")
    assert b.amount == D("12000.00") and not b.claimable and y25.totals["target_worker"] == 0 and not y25.complete
    # B's wage cost missing in 2025-03: the unknown entry asks for it and names the re-hire too (filling in
    # the cost alone would not make the line claimable).
    no_cost = tuple(replace(p, wage_cost=None) if (p.worker_id, str(p.month)) == ("B", "2025-03") else p for p in pays)
    (unknown,) = compute_subsidies(enterprise(ws, no_cost), W2016, 2025, report).unknown
    assert unknown.missing == ("cout_salarial",) and "Même numéro national que le travailleur A" in unknown.reason.fr
    # No national number: nothing to say, both claimable (a new window each, as before).
    ent = enterprise([replace(w, national_number=None) for w in ws], pays)
    assert compute_subsidies(ent, W2016, 2024, report).totals["target_worker"] == D("12000.00")


def test_2003_a_person_rehired_under_a_new_id_does_not_start_again_at_occupation_year_1_as_is():
    """rules.md §4.7: 5 000 € in occupation year 1, 3 750 € in year 2… A (target) 2006-01-01 … 2007-12-31,
    re-hired as B (same national number) on 2009-01-01: B's 2009 line (year 1 of B, full year) is 5 000,00 €
    but not claimable as is; the total is 0 (old code: 5 000 €, the table restarting at year 1)."""
    ws = [replace(worker("A", date(2006, 1, 1), exit=date(2007, 12, 31)), national_number="85100374649"),
          replace(worker("B", date(2009, 1, 1)), national_number="85100374649")]
    ent = enterprise(ws, monthly("B", Month(2009, 1), Month(2009, 12)), agrement=W2003.valid_from)
    result = compute_subsidies(ent, W2003, 2009, Report({"A": "target", "B": "target"}))
    (line,) = lines_of(result, "target_worker")
    assert line.worker_id == "B" and line.amount == D("5000.00") and not line.claimable
    assert line.basis["rehire_of"] == "A" and result.totals["target_worker"] == 0


def test_a_cdd_continued_by_a_cdi_under_a_new_id_is_one_window_claimable():
    """rules.md §3.7: up to 18 000 € per full-time TD, at most 50 % of the wage cost, over 12 months from
    hiring. W3a (TD, full time, wage cost 2 800 €/month) on a CDD 2025-01-01 … 06-30, then the same person
    (same national number) on a CDI W3c from 2025-07-01, the day after: one employment, one window
    2025-01-01 … 2025-12-31. Each month min(½ × 2 800 = 1 400, 18 000 / 12 × 1 = 1 500) = 1 400 €:
    W3a 6 × 1 400 = 8 400, W3c 6 × 1 400 = 8 400, 16 800 € claimable in 2025, nothing in 2026 (the window is
    over). The old code made W3c a re-hire: its own window 2025-07-01 … 2026-06-30, « à justifier », 8 400 €
    claimable in 2025 and W3c's 8 400 € of 2026 outside any window from the hiring."""
    ws = one_person(worker("W3a", date(2025, 1, 1), exit=date(2025, 6, 30), contract=ContractType.CDD),
                    worker("W3c", date(2025, 7, 1)))
    pays = monthly("W3a", Month(2025, 1), Month(2025, 6), cost="2800") + monthly("W3c", Month(2025, 7),
                                                                             Month(2026, 12), cost="2800")
    ent = enterprise(ws, pays)
    report = Report({"W3a": "TD", "W3c": "TD"})
    y25 = compute_subsidies(ent, W2016, 2025, report)
    (a,), (c,) = lines_of(y25, "target_worker", "W3a"), lines_of(y25, "target_worker", "W3c")
    assert a.amount == c.amount == D("8400.00") and a.claimable and c.claimable
    assert y25.totals["target_worker"] == D("16800.00") and y25.complete
    assert (c.basis["window_start"], c.basis["window_end"]) == (date(2025, 1, 1), date(2025, 12, 31))
    assert c.basis["continues"] == ["W3a"] and "rehire_of" not in c.basis and "continues" not in a.basis
    assert c.notes[0].fr.startswith("Suite du contrat du travailleur W3a (même numéro national) : contrats qui se "
                                    "suivent sans interruption")
    assert c.notes[0].en.startswith("Continues the contract of worker W3a (same national number)")
    assert any("W3a" in r.text.fr and "2025-01-01" in r.text.fr for r in c.reasons)
    assert "90040410148" not in str([n.fr for n in c.notes] + [r.text.fr for r in c.reasons])
    y26 = compute_subsidies(ent, W2016, 2026, report)
    assert lines_of(y26, "target_worker") == [] and not [u for u in y26.unknown if u.subsidy == "target_worker"]


def test_three_contracts_without_a_gap_are_one_window_and_a_one_month_gap_is_still_a_rehire():
    """The same person on three rows without a gap: CDD W3a 2025-01-01 … 03-31, CDD W3b 04-01 … 06-30, CDI W3c
    from 07-01 (full time, 2 800 €/month: 1 400 € a month, under the 1 500 € cap). One window 2025-01-01 …
    12-31: W3a 3 × 1 400 = 4 200, W3b 4 200, W3c 6 × 1 400 = 8 400, 16 800 € claimable (old code: 4 200 €, W3b
    and W3c re-hires). With a one-month gap (W3c from 2025-08-01) W3c is a re-hire as before: its own window
    2025-08-01 … 2026-07-31, 5 × 1 400 = 7 000 € computed, not claimable, naming W3a; 8 400 € claimable. A
    re-hire after a gap continued without one (W3d from 2026-01-01) is that re-hire's stretch: its window
    from W3c's hire, not claimable as is either, naming W3a as the first hire and W3c as the one continued."""
    cdd = ContractType.CDD
    ws = one_person(worker("W3a", date(2025, 1, 1), exit=date(2025, 3, 31), contract=cdd),
                    worker("W3b", date(2025, 4, 1), exit=date(2025, 6, 30), contract=cdd),
                    worker("W3c", date(2025, 7, 1)))
    pays = (monthly("W3a", Month(2025, 1), Month(2025, 3), cost="2800")
            + monthly("W3b", Month(2025, 4), Month(2025, 6), cost="2800")
            + monthly("W3c", Month(2025, 7), Month(2025, 12), cost="2800"))
    report = Report({"W3a": "TD", "W3b": "TD", "W3c": "TD", "W3d": "TD"})
    result = compute_subsidies(enterprise(ws, pays), W2016, 2025, report)
    assert [(x.worker_id, x.amount, x.claimable) for x in lines_of(result, "target_worker")] == [
        ("W3a", D("4200.00"), True), ("W3b", D("4200.00"), True), ("W3c", D("8400.00"), True)]
    assert result.totals["target_worker"] == D("16800.00")
    (c,) = lines_of(result, "target_worker", "W3c")
    assert c.basis["continues"] == ["W3a", "W3b"] and c.basis["window_start"] == date(2025, 1, 1)
    assert c.notes[0].fr.startswith("Suite des contrats des travailleurs W3a, W3b (même numéro national)")
    # A one-month gap: a re-hire, today's treatment.
    ws = one_person(worker("W3a", date(2025, 1, 1), exit=date(2025, 6, 30), contract=cdd),
                    worker("W3c", date(2025, 8, 1), exit=date(2025, 12, 31), contract=cdd),
                    worker("W3d", date(2026, 1, 1)))
    pays = (monthly("W3a", Month(2025, 1), Month(2025, 6), cost="2800")
            + monthly("W3c", Month(2025, 8), Month(2025, 12), cost="2800")
            + monthly("W3d", Month(2026, 1), Month(2026, 12), cost="2800"))
    ent = enterprise(ws, pays)
    result = compute_subsidies(ent, W2016, 2025, report)
    (c,) = lines_of(result, "target_worker", "W3c")
    assert c.amount == D("7000.00") and not c.claimable and result.totals["target_worker"] == D("8400.00")
    assert (c.basis["rehire_of"], c.basis["window_start"]) == ("W3a", date(2025, 8, 1)) and "continues" not in c.basis
    assert c.notes[0].fr.startswith("Même numéro national que le travailleur W3a (engagé le 2025-01-01) : "
                                    "réengagement de la même personne ?")
    # 2026: W3d continues the re-hire W3c, in its window (2025-08-01 … 2026-07-31): 7 × 1 400 = 9 800 €, to
    # justify.
    (d,) = lines_of(compute_subsidies(ent, W2016, 2026, report), "target_worker", "W3d")
    assert d.amount == D("9800.00") and not d.claimable
    assert (d.basis["rehire_of"], d.basis["continues"], d.basis["window_end"]) == ("W3a", ["W3c"], date(2026, 7, 31))


def test_concurrent_contracts_of_one_person_count_at_most_one_full_time_a_day():
    """One person on two contracts at once, both TD at 0,6 etp (wage cost 4 000 € full time: 2 400 € each): A
    from 2025-01-01, B 2025-03-01 … 08-31, begun while A is in force — one employment, window 2025-01-01 …
    12-31. A a month: min(½ × 2 400 = 1 200, 1 500 × 0,6 = 900) = 900 €, 12 × 900 = 10 800. A person is at most
    one full-time a day: B counts min(1, 0,6 + 0,6) − 0,6 = 0,4 etp, min(1 200, 1 500 × 0,4 = 600) = 600 €,
    6 × 600 = 3 600. March to August, 900 + 600 = 1 500 € a month, what one contract of 1,2 etp (at most 1 a
    day, D2) would get (1 500 × 1,2 = 1 800 would be over the cap). Total 14 400 €. The old code made B a
    re-hire: 3 600 € (and 1 800 − 900 = 900 € a month at 0,6) not claimable, total 10 800 €."""
    ws = one_person(worker("A", date(2025, 1, 1), fte="0.6"),
                    worker("B", date(2025, 3, 1), exit=date(2025, 8, 31), fte="0.6", contract=ContractType.CDD))
    pays = (monthly("A", Month(2025, 1), Month(2025, 12), fte="0.6", cost="2400")
            + monthly("B", Month(2025, 3), Month(2025, 8), fte="0.6", cost="2400"))
    result = compute_subsidies(enterprise(ws, pays), W2016, 2025, Report({"A": "TD", "B": "TD"}))
    (a,), (b,) = lines_of(result, "target_worker", "A"), lines_of(result, "target_worker", "B")
    assert a.amount == D("10800.00") and b.amount == D("3600.00") and a.claimable and b.claimable
    assert b.basis["fte_months"] == D("2.4000") and {m["etp"] for m in b.basis["months"]} == {D("0.4000")}
    assert result.totals["target_worker"] == D("14400.00")
    assert any(n.fr.startswith("Contrat tenu en même temps que celui du travailleur A") for n in b.notes)


def test_the_limits_of_one_persons_concurrent_contracts_are_the_persons():
    """One TD on two half-time contracts all 2025 (same national number, hired the same day, A the earlier
    row): A costs 2 000 € a month, B 1 000 €. The subsidy is the person's (rules.md §3.7 « par TD … à temps
    plein », D1), at most 50 % of their wage cost and 1 500 € per FTE-month, their contracts together.
    A a month: min(50 % × 2 000 = 1 000, 1 500 × 0,5 = 750) = 750 €, 12 × 750 = 9 000. B alone: min(500, 750)
    = 500; the person: min(50 % × 3 000 = 1 500, 1 500 × (0,5 + 0,5) = 1 500) = 1 500, less A's 750 = 750 €
    a month on B (250 € above its own limits), 12 × 750 = 9 000. Total 18 000 € = the TD cap, what one
    full-time contract costing 3 000 € gets. Contract by contract it was 9 000 + 6 000 = 15 000 €.
    Swapped costs (A 1 000, B 2 000): A min(500, 750) = 500; B min(1 500, 1 500) − 500 = 1 000 (own 750): the
    same 18 000 €."""
    ws = one_person(worker("A", date(2025, 1, 1), fte="0.5"), worker("B", date(2025, 1, 1), fte="0.5"))
    for cost_a, cost_b, a_month, b_month in (("2000", "1000", 750, 750), ("1000", "2000", 500, 1000)):
        pays = (monthly("A", Month(2025, 1), Month(2025, 12), fte="0.5", cost=cost_a)
                + monthly("B", Month(2025, 1), Month(2025, 12), fte="0.5", cost=cost_b))
        result = compute_subsidies(enterprise(ws, pays), W2016, 2025, Report({"A": "TD", "B": "TD"}))
        (a,), (b,) = lines_of(result, "target_worker", "A"), lines_of(result, "target_worker", "B")
        assert (a.amount, b.amount) == (12 * D(a_month), 12 * D(b_month)) and a.claimable and b.claimable
        assert "joint_complement" not in a.basis and b.basis["joint_complement"] == D("3000.00")
        jan = b.basis["months"][0]
        assert (jan["person_half_wage_cost"], jan["person_cap"], jan["beside_amount"]) == (D(1500), D(1500), D(a_month))
        assert jan["amount"] == D(b_month) and jan["joint_complement"] == D(250)
        assert result.totals["target_worker"] == D("18000.00")
        assert any(n.fr.startswith("Les limites de la subvention (50 % du coût salarial, plafond par ETP-mois) "
                                   "sont celles de la personne") for n in b.notes)
        assert b.reasons[-1].text.fr.startswith("Limites de la personne, ses contrats ensemble")
        # The claim workbook's « Mois »: 750 = min(500, 750) + 250, no rounding left (B's own half is 500 when
        # A costs 2 000); the table's basis names the 3 000 € beside the cost and cap it exceeds.
        assert _rounding_adjustment(jan) == 0
        assert basis_text(b.basis, "fr").endswith(" · + part de la personne 3 000,00 €")


def test_a_contract_continued_mid_month_shares_the_persons_limits_of_that_month():
    """Reading of the change: a CDD A (full time, 2025-01-01 … 06-15) continued by a CDI B from 06-16 (same
    national number): one employment, one window 2025-01-01 … 12-31, and June is one month of the person. A's
    June: 15 days paid 4 000 € at etp 0,5 (1 a day), min(50 % × 4 000 = 2 000, 1 500 × 0,5 = 750) = 750. B's
    June: 600 € at 0,5, alone min(300, 750) = 300; the person min(50 % × 4 600 = 2 300, 1 500 × 1 = 1 500) less
    A's 750 = 750 (450 above its own). A: 5 × min(1 000, 1 500) + 750 = 5 750; B: 750 + 6 × 1 000 = 6 750;
    12 500 € — one row costing 2 000 € a month and 4 600 € in June: 11 × 1 000 + 1 500 = 12 500. Contract by
    contract June gave 750 + 300: 12 050 €."""
    ws = one_person(worker("A", date(2025, 1, 1), exit=date(2025, 6, 15), contract=ContractType.CDD),
                    worker("B", date(2025, 6, 16)))
    pays = (monthly("A", Month(2025, 1), Month(2025, 5), cost="2000") + [pay("A", 2025, 6, fte="0.5", cost="4000")]
            + [pay("B", 2025, 6, fte="0.5", cost="600")] + monthly("B", Month(2025, 7), Month(2025, 12), cost="2000"))
    result = compute_subsidies(enterprise(ws, pays), W2016, 2025, Report({"A": "TD", "B": "TD"}))
    (a,), (b,) = lines_of(result, "target_worker", "A"), lines_of(result, "target_worker", "B")
    assert (a.amount, b.amount, b.basis["joint_complement"]) == (D("5750.00"), D("6750.00"), D("450.00"))
    june = b.basis["months"][0]
    assert (june["amount"], june["half_wage_cost"], june["cap"], june["joint_complement"]) == (750, 300, 750, 450)
    assert result.totals["target_worker"] == D("12500.00")


def test_the_persons_earlier_contract_is_computed_first_whatever_its_id():
    """The worker loop runs the person's earlier contracts first (their months are what the later one joins),
    then gives its unknown entries back in the one worker order. Z (TD, 0,5, from 2024-12-01, 2 000 € a month)
    and A (the same person, 0,5, from 2025-01-01, 1 000 €): one window 2024-12-01 … 2025-11-30. 2025: Z 11 ×
    min(1 000, 750) = 8 250; A 11 × (min(1 500, 1 500) − 750) = 8 250 (in the ids' order A would come first,
    before Z's months exist: 11 × 500 = 5 500). With A's March and Z's April wage cost missing, both lines are
    unknown and listed A, then Z."""
    ws = one_person(worker("Z", date(2024, 12, 1), fte="0.5"), worker("A", date(2025, 1, 1), fte="0.5"))
    pays = (monthly("Z", Month(2024, 12), Month(2025, 12), fte="0.5", cost="2000")
            + monthly("A", Month(2025, 1), Month(2025, 12), fte="0.5", cost="1000"))
    report = Report({"A": "TD", "Z": "TD"})
    result = compute_subsidies(enterprise(ws, pays), W2016, 2025, report)
    (a,), (z,) = lines_of(result, "target_worker", "A"), lines_of(result, "target_worker", "Z")
    assert (z.amount, a.amount) == (D("8250.00"), D("8250.00"))
    gaps = [replace(p, wage_cost=None) if (p.worker_id, p.month) in (("A", Month(2025, 3)), ("Z", Month(2025, 4)))
            else p for p in pays]
    result = compute_subsidies(enterprise(ws, gaps), W2016, 2025, report)
    assert [u.worker_id for u in result.unknown if u.subsidy == "target_worker"] == ["A", "Z"]


def test_2003_a_contract_continued_without_a_gap_keeps_counting_its_occupation_years():
    """rules.md §4.7: 5 000 € in occupation year 1, 3 750 € in year 2, per full-time worker. A (target, full
    time) on a CDD 2006-01-01 … 12-31, the same person on a CDI B from 2007-01-01, the day after: one
    employment, B's 2007 is occupation year 2 (2007-01-01 … 12-31), 3 750 × 365 / 365 = 3 750,00 €, claimable
    (old code: B a re-hire, year 1 again, 5 000 € not claimable, total 0). Concurrent contracts count one
    full-time a day at most: C at 0,5 from 2007-07-01 beside B (1) adds min(1, 1,5) − 1 = 0 etp: 0,00 €."""
    ws = one_person(worker("A", date(2006, 1, 1), exit=date(2006, 12, 31), contract=ContractType.CDD),
                    worker("B", date(2007, 1, 1)), worker("C", date(2007, 7, 1), fte="0.5"))
    pays = monthly("B", Month(2007, 1), Month(2007, 12)) + monthly("C", Month(2007, 7), Month(2007, 12), fte="0.5")
    ent = enterprise(ws, pays, agrement=W2003.valid_from)
    result = compute_subsidies(ent, W2003, 2007, Report({"A": "target", "B": "target", "C": "target"}))
    (b,), (c,) = lines_of(result, "target_worker", "B"), lines_of(result, "target_worker", "C")
    assert (b.basis["occupation_year"], b.basis["occupation_year_start"]) == (2, date(2007, 1, 1))
    assert b.amount == D("3750.00") and b.claimable and b.basis["continues"] == ["A"]
    assert c.amount == D("0.00") and c.basis["continues"] == ["A", "B"]
    assert result.totals["target_worker"] == D("3750.00")

# ------------------------------------------------------------------------------------ recruitment conditions (§3.3, GBER art. 32(3))
def test_td_hired_as_a_net_increase_is_claimable_and_says_why():
    """Hires from 2018-10-18 must be a net increase (FTE under contract on the hire day, the new
    worker included, vs the average over the 12 months before; art. 60 excluded).

    S (encadrement, etp 1) since 2020-01-01; P (etp 0,5) 2020-01-01 … 2024-06-30; X art. 60 (etp 1)
    since 2024-01-01; TD A (etp 1) hired 2024-09-01.
    On 2024-09-01: S 1 + A 1 = 2 ETP (P gone, X not under an EI contract).
    12 months before: 2023-09-01 … 2024-08-31 = 366 days (29 Feb 2024). S 1 × 366 = 366;
    P 0,5 × (2023-09-01 … 2024-06-30 = 122 + 182 = 304 days) = 152 → (366 + 152) / 366 = 1,4153.
    2 > 1,4153: net increase. Amount unchanged: September–December 4 × 1 500 = 6 000,00 €, claimable.
    """
    pays = monthly("A", Month(2024, 9), Month(2024, 12))
    ent = enterprise([worker("S", date(2020, 1, 1), function=Function.SUPERVISION),
                      worker("P", date(2020, 1, 1), exit=date(2024, 6, 30), fte="0.5"),
                      worker("X", date(2024, 1, 1), contract=ContractType.ART60),
                      worker("A", date(2024, 9, 1))], pays)
    report = Report({"S": "not_target", "P": "not_target", "X": "TD", "A": "TD"})
    result = compute_subsidies(ent, W2016, 2024, report)
    (line,) = lines_of(result, "target_worker")
    assert line.amount == D("6000.00") and line.claimable
    assert line.basis["net_increase"] is True
    assert line.basis["headcount_fte_on_hire"] == D(2)
    assert line.basis["headcount_fte_average_before"] == D("1.4153")
    reason = line.reasons[-1]
    assert reason.text.get("fr") == ("Création nette d'emploi : 2,00 ETP le jour de l'engagement (2024-09-01) contre "
                                     "1,42 en moyenne sur les 12 mois précédents (du 2023-09-01 au 2024-08-31).")
    assert reason.parameter == "subsidy.target_worker.net_increase_reference_months"
    assert "32(3)" in reason.reference and reason.confidence == "secondary"
    assert result.totals["target_worker"] == D("6000.00")
    assert any("maintien de l'effectif" in n.get("fr") for n in result.notes)



def test_the_net_increase_counts_a_person_on_concurrent_contracts_at_most_one_full_time():
    """S (encadrement, etp 1) since 2020-01-01; one person (one national number) on T1 0,8 since 2020-01-01 and
    T2 0,8 from 2024-09-01 (mistyped: 1,6 etp, ``person_over_full_time``); P (etp 1) 2020-01-01 … 2024-08-31; TD A
    (etp 0,5) hired 2024-09-01. 12 months before (2023-09-01 … 2024-08-31, 366 days): S 1 + T1 0,8 + P 1 = 2,8 on
    average. On the hire day: S 1 + the person min(1; 0,8 + 0,8) = 1 + A 0,5 = 2,5 ≤ 2,8: no net increase — the
    line (4 × min(50 % × 4 000, 750) = 3 000,00 €) is not claimable as is. As typed (1,6) it read 3,1 > 2,8, a
    net increase, claimable."""
    pays = monthly("A", Month(2024, 9), Month(2024, 12), fte="0.5")
    ws = [worker("S", date(2020, 1, 1), function=Function.SUPERVISION),
          *one_person(worker("T1", date(2020, 1, 1), fte="0.8"), worker("T2", date(2024, 9, 1), fte="0.8")),
          worker("P", date(2020, 1, 1), exit=date(2024, 8, 31)),
          worker("A", date(2024, 9, 1), fte="0.5")]
    report = Report({"S": "not_target", "T1": "not_target", "T2": "not_target", "P": "not_target", "A": "TD"})
    (line,) = lines_of(compute_subsidies(enterprise(ws, pays), W2016, 2024, report), "target_worker")
    assert line.basis["net_increase"] is False and not line.claimable and line.amount == D("3000.00")
    assert (line.basis["headcount_fte_on_hire"], line.basis["headcount_fte_average_before"]) == (D("2.5"), D("2.8"))
    apart = [replace(w, national_number=None) for w in ws]
    (line,) = lines_of(compute_subsidies(enterprise(apart, pays), W2016, 2024, report), "target_worker")
    assert line.basis["net_increase"] is True and line.claimable
    assert line.basis["headcount_fte_on_hire"] == D("3.1")

@pytest.mark.parametrize("last_day", [date(2024, 8, 31), date(2024, 9, 1)])
def test_td_replacing_a_leaver_is_computed_but_not_claimable(last_day):
    """S (encadrement, etp 1) and P (etp 1) since 2020-01-01; TD A (etp 1) is hired on 2024-09-01; P's
    last day (date_sortie) is the day before, 2024-08-31, or the hire day itself: either way P leaves
    and A takes the post. On the hire day: S 1 + A 1 = 2 ETP (P, whose last day it is, is not counted:
    counted, a one-day handover read 1 + 1 + 1 = 3 > 2, a net increase, 6 000 € claimable). 12 months
    before (2023-09-01 … 2024-08-31, 366 days; P under contract on each of them either way):
    (366 + 366) / 366 = 2 ETP. 2 is not above 2: no net increase. The workbook has no exit reason: the
    line keeps its 6 000,00 € (4 × 1 500) but is not claimable as is; the total counts nothing and the
    result is not complete."""
    pays = monthly("A", Month(2024, 9), Month(2024, 12))
    ent = enterprise([worker("S", date(2020, 1, 1), function=Function.SUPERVISION),
                      worker("P", date(2020, 1, 1), exit=last_day),
                      worker("A", date(2024, 9, 1))], pays)
    result = compute_subsidies(ent, W2016, 2024, Report({"S": "not_target", "P": "not_target", "A": "TD"}))
    (line,) = lines_of(result, "target_worker")
    assert line.amount == D("6000.00") and not line.claimable
    assert (line.basis["net_increase"], line.basis["headcount_fte_on_hire"],
            line.basis["headcount_fte_average_before"]) == (False, D(2), D(2))
    assert "départ volontaire" in line.notes[0].get("fr") and "non réclamable" in line.notes[0].get("fr")
    assert "voluntary departure" in line.notes[0].get("en")
    assert line.reasons[-2].text.get("fr").startswith("Pas de création nette d'emploi : 2,00 ETP")
    assert line.reasons[-1].parameter == "subsidy.target_worker.net_increase_from"
    assert result.totals["target_worker"] == 0 and not result.complete
    assert line.to_dict()["basis"]["net_increase"] is False


def test_a_worker_leaving_the_day_after_the_hire_is_still_counted_on_the_hire_day():
    """As above, P's last day 2024-09-02, the day after A's hire: on 2024-09-01 S 1 + P 1 + A 1 = 3 ETP
    against (366 + 366) / 366 = 2 on average over 2023-09-01 … 2024-08-31: 3 > 2, a net increase;
    September–December 4 × 1 500 = 6 000,00 €, claimable."""
    pays = monthly("A", Month(2024, 9), Month(2024, 12))
    ent = enterprise([worker("S", date(2020, 1, 1), function=Function.SUPERVISION),
                      worker("P", date(2020, 1, 1), exit=date(2024, 9, 2)),
                      worker("A", date(2024, 9, 1))], pays)
    result = compute_subsidies(ent, W2016, 2024, Report({"S": "not_target", "P": "not_target", "A": "TD"}))
    (line,) = lines_of(result, "target_worker")
    assert (line.basis["net_increase"], line.basis["headcount_fte_on_hire"],
            line.basis["headcount_fte_average_before"]) == (True, D(3), D(2))
    assert line.amount == D("6000.00") and line.claimable and result.totals["target_worker"] == D("6000.00")


@pytest.mark.parametrize("hire, amount, condition", [
    (date(2018, 10, 17), D("3725.85"), False),   # 1 500 × 15/31 (0,4839) = 725,85 + Nov–Dec 3 000
    (date(2018, 10, 18), D("3677.40"), True),    # 1 500 × 14/31 (0,4516) = 677,40 + Nov–Dec 3 000
])
def test_hires_before_18_october_2018_have_no_recruitment_condition(hire, amount, condition):
    """The same replacement (P, etp 1, leaves the day before TD A is hired; S, etp 1, stays; both since
    2017-01-01: 2 ETP on the hire day, 2 on average over the 12 months before). Hired 2018-10-17, before
    the condition's start date: claimable, nothing said. Hired 2018-10-18: not claimable as is."""
    pays = monthly("A", Month(2018, 10), Month(2018, 12))
    ent = enterprise([worker("S", date(2017, 1, 1), function=Function.SUPERVISION),
                      worker("P", date(2017, 1, 1), exit=hire - timedelta(days=1)),
                      worker("A", hire)], pays, agrement=date(2018, 1, 1))
    result = compute_subsidies(ent, W2016, 2018, Report({"S": "not_target", "P": "not_target", "A": "TD"}))
    (line,) = lines_of(result, "target_worker")
    assert line.amount == amount
    assert line.claimable is not condition
    assert ("net_increase" in line.basis) is condition
    assert any("maintien de l'effectif" in n.get("fr") for n in result.notes) is condition
    if not condition:
        assert not any("création nette" in r.text.get("fr") for r in line.reasons)
        assert not any("création nette" in n.get("fr") for n in line.notes)


# ------------------------------------------------------------------------------------ SIEG brackets, D5
def _sieg_enterprise(n_targets: int, acc_fte="1", acc_cost="10000"):
    workers = [worker(f"T{i:02d}", date(2019, 1, 1)) for i in range(n_targets)]
    workers.append(worker("ACC", date(2019, 1, 1), fte=acc_fte, function=Function.SOCIAL_ACCOMPANIMENT))
    pays = monthly("ACC", Month(2024, 1), Month(2024, 12), acc_fte, acc_cost)
    report = Report({**{w.worker_id: "TD" for w in workers}, "ACC": "not_target"})
    return enterprise(workers, pays, agrement=date(2020, 1, 1)), report


@pytest.mark.parametrize("n, expected", [(7, "0.00"), (8, "25000.00"), (25, "25000.00"), (26, "50000.00")])
def test_social_accompaniment_brackets_at_7_8_25_26(n, expected):
    """Agrément year 5 = calendar 2024 exactly (agrément 2020-01-01); n TD employed all year (heads,
    Q8). Brackets ≥ 8 → 25 000, ≥ 26 → 50 000; index factor unknown → 1,0 (D5). Accompanier: 1 FTE,
    wage cost 120 000 €; subsidisable share 0,5 (or 1) FTE → ceiling ≥ 60 000 × 1,15 = 69 000: not binding."""
    ent, report = _sieg_enterprise(n)
    result = compute_subsidies(ent, W2016, 2024, report)
    (line,) = lines_of(result, "social_accompaniment")
    assert line.amount == D(expected)
    assert line.basis["agrement_year"] == 5 and line.basis["index_factor"] == 1
    assert line.confidence == "not_found"  # rests on the unknown index factor
    assert result.de_minimis["ceiling"] == 500000
    assert result.de_minimis["amount_this_year"] == D(expected)


def test_sieg_bracket_missed_by_a_day_is_not_printed_on_its_threshold():
    """8 TD as in the bracket test, but T07 leaves on 2024-12-30: (7 × 366 + 365) ÷ 366 = 7,997268 TD on
    average < 8 → no bracket, 0 €. Rounded half up it read « 8,00 TD/TGD en moyenne annuelle … moins de 8,
    aucun palier », and basis.target_workers 8 (the annual report's « 8 travailleurs du public cible »
    beside 0 €): beside the threshold they are 7,9972 (4 places, rounded away from 8)."""
    from ei_cli import documents
    from ei_cli.output import jsonable
    from ei_cli.render.subsidy import basis_text

    ent, report = _sieg_enterprise(8)
    ent = replace(ent, workers=tuple(replace(w, exit_date=date(2024, 12, 30)) if w.worker_id == "T07" else w
                                     for w in ent.workers))
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.amount == 0 and line.basis["target_workers"] == D("7.9972")
    assert line.reasons[0].text.fr.startswith("7,9972 TD/TGD en moyenne annuelle")
    assert line.reasons[0].text.fr.endswith("moins de 8, aucun palier.")
    assert line.reasons[0].text.en.startswith("7.9972 TD/TGD as the annual average")
    assert "7,9972 trav. cibles" in basis_text(line.basis, "fr")
    # the figure as the table says it, the words written out
    assert "7,9972 travailleurs du public cible" in documents._basis_text(jsonable(line.basis))
    ent8, _ = _sieg_enterprise(8)  # 8 all year: the threshold itself, to the hundredth as ever
    (full,) = lines_of(compute_subsidies(ent8, W2016, 2024, report), "social_accompaniment")
    assert full.basis["target_workers"] == 8 and full.reasons[0].text.fr.startswith("8,00 TD/TGD")


def test_sieg_bracket_counts_a_person_on_two_contracts_once():
    """Q8: heads of TD/TGD, annual average. Agrément year 5 = calendar 2024 (366 days); six TD all year and P,
    a TD on two concurrent half-time contracts (P1, P2: same national number) all year: 8 ids but 7 persons,
    (6 × 366 + 366) ÷ 366 = 7 < 8 → no bracket, 0 € (the old count of ids, (8 × 366) ÷ 366 = 8, gave the
    ≥ 8 bracket, 25 000 €). Without the national number P1 and P2 are two people: 8, 25 000 €."""
    ent, report = _sieg_enterprise(6)
    both = [replace(worker(w, date(2019, 1, 1), fte="0.5"), national_number="85100374649") for w in ("P1", "P2")]
    ent = replace(ent, workers=ent.workers + tuple(both))
    report = Report({**{k: e.category for k, e in report.by_id.items()}, "P1": "TD", "P2": "TD"})
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.amount == 0 and line.basis["target_workers"] == 7
    apart = replace(ent, workers=tuple(replace(w, national_number=None) for w in ent.workers))
    (line,) = lines_of(compute_subsidies(apart, W2016, 2024, report), "social_accompaniment")
    assert line.amount == D("25000.00") and line.basis["target_workers"] == 8


def test_social_accompaniment_capped_by_wage_cost_plus_operating_costs():
    """8 TD → 25 000 €; accompanier half-time, wage cost 1 500 €/month = 18 000 €/year (within the
    0,5 FTE of the bracket); ceiling 18 000 × 1,15 = 20 700,00 € < 25 000 → 20 700,00 €."""
    ent, report = _sieg_enterprise(8, acc_fte="0.5", acc_cost="1500")
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.amount == D("20700.00") and line.basis["ceiling"] == D("20700.00")


def test_social_accompaniment_without_the_accompaniers_wage_cost_is_not_claimable_as_is():
    """8 TD → 25 000 €; the half-time accompanier's cout_salarial is empty in 3 months of 2024. The subsidy
    covers that cost + 15 % (rules.md §3.6): with 1 500 €/month it would be 18 000 × 1,15 = 20 700 €, so
    25 000 € is only the upper bound. It was claimable (« plafond non vérifié ») and the result complete:
    now the line keeps its figure but is not claimable, its note names the 3 months, the total leaves it out
    and the result is not complete (Q12: missing → unknown)."""
    ent, report = _sieg_enterprise(8, acc_fte="0.5", acc_cost="1500")
    pays = tuple(p if not (p.worker_id == "ACC" and p.month.month in (4, 5, 6)) else replace(p, wage_cost=None)
                 for p in ent.pay)
    result = compute_subsidies(replace(ent, pay=pays), W2016, 2024, report)
    (line,) = lines_of(result, "social_accompaniment")
    assert line.amount == D("25000.00") and line.claimable is False and line.basis["ceiling"] is None
    assert any("inconnu pour 2024-04, 2024-05, 2024-06" in x.fr and "non réclamable" in x.fr for x in line.notes)
    assert result.total == 0 and result.complete is False
    (unknown,) = result.unknown  # said in unknown[] too, as a TD/TGD line without its wage cost is
    assert unknown.subsidy == "social_accompaniment" and unknown.missing == ("cout_salarial",) and unknown.reference


@pytest.mark.parametrize("n, acc_fte, expected, bracket", [
    (45, "0.5", "50000.00", 26),   # two half-times required from 45: one half-time only → bracket ≥ 26
    (45, "1", "75000.00", 45),     # one full-time = two half-times → bracket ≥ 45 kept
    (60, "0.9", "50000.00", 26),   # 60 TD reach ≥ 60 (min 1 FTE) but 0,9 < 1 → ≥ 45 needs 1 too → ≥ 26
    (8, "0.4", "0.00", None),      # below the one half-time of the first bracket: no bracket at all
    (8, "0.5", "25000.00", 8),     # exactly one half-time: bracket ≥ 8
])
def test_social_accompaniment_bracket_needs_its_minimum_accompanier_staffing(n, acc_fte, expected, bracket):
    """rules.md §3.6 table, subsidisable accompanier: ≥ 8 one half-time; ≥ 26 min one half-time; ≥ 45 and
    ≥ 60 min two half-times (read as ≥ 1 FTE, interpretations.md). Agrément year 5 = calendar 2024; n TD all
    year; the accompanier (ACC) at acc_fte all year, wage cost 10 000 €/month = 120 000 €/year, so the
    ceiling (cost of at most the bracket's max FTE × 1,15 ≥ 120 000 × 1,15 = 138 000 when ACC is within it)
    never binds. A bracket whose minimum staffing is not met falls to the highest one met:
    45 TD with 0,5 FTE → 50 000 € instead of 75 000 € (the old code paid 75 000 €); 8 TD with 0,4 FTE →
    nothing instead of 25 000 €."""
    ent, report = _sieg_enterprise(n, acc_fte=acc_fte)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.amount == D(expected) and line.basis["bracket_min"] == bracket
    assert line.basis["accompanier_fte_year"] == D(acc_fte)
    assert line.basis["accompanier_post_fte"] == D(acc_fte) and line.basis["accompanier_post_days"] == 366
    by_count = max(m for m in (8, 26, 45, 60) if n >= m)
    assert line.basis["bracket_min_by_target_workers"] == by_count
    if bracket != by_count:
        assert any("sous le minimum subventionnable" in x.fr for x in line.notes)
        assert any("sous le minimum subventionnable" in r.text.fr and
                   r.parameter == "subsidy.social_accompaniment.brackets" for r in line.reasons)


def test_two_half_time_accompaniers_meet_the_two_half_times():
    """45 TD; two accompaniers at 0,5 FTE each all 2024 (wage cost 5 000 €/month each): 1,0 FTE ≥ the two
    half-times of the ≥ 45 bracket → 75 000 €; ceiling (5 000 + 5 000) × 12 × 1,15 = 138 000 € not binding."""
    ent, report = _sieg_enterprise(45, acc_fte="0.5", acc_cost="5000")
    second = worker("ACC2", date(2019, 1, 1), fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT)
    ent = enterprise(ent.workers + (second,), ent.pay + tuple(monthly("ACC2", Month(2024, 1), Month(2024, 12),
                                                                      "0.5", "5000")), agrement=date(2020, 1, 1))
    report.by_id["ACC2"] = report.by_id["ACC"]
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.amount == D("75000.00") and line.basis["bracket_min"] == 45
    assert line.basis["accompanier_fte_year"] == 1


def _sieg_post_enterprise(accompaniers, pays):
    """Agrément 2021-03-01 → agrément year 5 = 2025-03-01 … 2026-02-28 (365 days); 8 TD all along (≥ 8 bracket,
    25 000 € a year, minimum one half-time); ``accompaniers``: [(id, hire, exit, etp)] at wage cost 10 000 €/month
    per FTE (``pays``), so the ceiling never binds."""
    ws = [worker(f"T{i}", date(2020, 1, 1)) for i in range(8)]
    ws += [worker(wid, hire, exit=exit_, fte=fte, function=Function.SOCIAL_ACCOMPANIMENT)
           for wid, hire, exit_, fte in accompaniers]
    report = Report({**{f"T{i}": "TD" for i in range(8)}, **{a[0]: "not_target" for a in accompaniers}})
    return enterprise(ws, pays, agrement=date(2021, 3, 1)), report


def test_sieg_staffing_reads_the_contract_not_a_sick_month_of_pay():
    """rules.md §3.6, docs/interpretations.md « Minimum accompanier staffing »: the minimum sizes the post. A1 on
    a 0,5 contract all along; in 2025-10 a sick week makes the month's Paie etp 0,4. Paid mean over agrément
    year 5: (0,5 × 365 − 0,1 × 31) / 365 = 179,4 / 365 = 0,4915 < 0,5, so the old code dropped the ≥ 8
    bracket: 0,00 €. The contract: 0,5 × 365 / 365 = 0,50 ≥ 0,5 → 25 000 × 306 / 365 = 20 958,904… =
    20 958,90 € for the 2025 part 2025-03-01 … 12-31 (306 days). The ceiling keeps the paid mean
    (``accompanier_fte_year``)."""
    pays = [p if p.month != Month(2025, 10) else replace(p, fte=D("0.4"))
            for p in monthly("A1", Month(2024, 1), Month(2026, 2), "0.5", "5000")]
    ent, report = _sieg_post_enterprise([("A1", date(2020, 1, 1), None, "0.5")], pays)
    line = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[-1]
    assert (line.basis["start"], line.basis["days"]) == (date(2025, 3, 1), 306)
    assert line.amount == D("20958.90") and line.basis["bracket_min"] == 8
    assert line.basis["accompanier_post_fte"] == D("0.5") and line.basis["accompanier_post_days"] == 365
    assert line.basis["accompanier_fte_year"] == D("0.4915")
    staffing = line.reasons[1].text
    assert "0,50 ETP en moyenne selon l'etp contractuel (feuille Personnel), sur les 365 jours où un " \
           "accompagnateur au moins est sous contrat (2025-03-01 – 2026-02-28)" in staffing.fr
    assert "0.50 FTE on average by the contractual fte (Personnel sheet), over the 365 days on which at least " \
           "one accompanier is under contract" in staffing.en


@pytest.mark.parametrize("a2_hire, staffed", [(date(2025, 6, 2), 364), (date(2025, 7, 1), 335)])
def test_sieg_staffing_is_not_shrunk_by_a_vacancy_between_two_accompaniers(a2_hire, staffed):
    """A1 (0,5 contract) leaves on Saturday 2025-05-31; A2 (0,5) is hired on Monday 2025-06-02 (only Sunday
    uncovered), or on 2025-07-01 (June vacant). Staffed days of agrément year 5: A1 2025-03-01 … 05-31 = 92, A2
    2025-06-02 … 2026-02-28 = 29 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 = 272 → 364 (from 2025-07-01: 243 → 335);
    contractual etp over them (0,5 × 92 + 0,5 × 272) / 364 = 0,50 ≥ 0,5 → the ≥ 8 bracket, 25 000 × 306 / 365 =
    20 958,90 €. The old paid mean over 365 days, 0,5 × 364 / 365 = 0,4986 (0,5 × 335 / 365 = 0,4589) < 0,5, gave
    0,00 €. The vacancy's money is the ceiling's: 10 000 €/month per FTE, far above the bracket."""
    pays = monthly("A1", Month(2024, 1), Month(2025, 5), "0.5", "5000")
    pays += monthly("A2", Month.of(a2_hire), Month(2026, 2), "0.5", "5000")
    ent, report = _sieg_post_enterprise([("A1", date(2020, 1, 1), date(2025, 5, 31), "0.5"),
                                         ("A2", a2_hire, None, "0.5")], pays)
    line = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[-1]
    assert line.amount == D("20958.90") and line.basis["bracket_min"] == 8 and line.claimable
    assert line.basis["accompanier_post_fte"] == D("0.5") and line.basis["accompanier_post_days"] == staffed


def _one_accompanier_on_two_contracts(fte: str, cost: str):
    """The 2025 SIEG line (its last part) of ``_sieg_post_enterprise`` with one accompanier (one national number)
    on two concurrent contracts P1, P2 of ``fte`` each, paid ``cost`` a month each, all along."""
    both = [("P1", date(2020, 1, 1), None, fte), ("P2", date(2020, 1, 1), None, fte)]
    pays = [p for wid in ("P1", "P2") for p in monthly(wid, Month(2024, 1), Month(2026, 2), fte, cost)]
    ent, report = _sieg_post_enterprise(both, pays)
    ent = replace(ent, workers=tuple(one_person(w)[0] if w.worker_id in ("P1", "P2") else w for w in ent.workers))
    return lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[-1]


def test_sieg_staffing_sums_a_persons_concurrent_contracts_once_a_day():
    """One accompanier on two concurrent 0,25 contracts (same national number) all along: 0,25 + 0,25 = 0,5 a
    day over the 365 days staffed (a day under both contracts counts once) → 0,50, the ≥ 8 bracket met,
    20 958,90 € as above (a 0,4 contract stays below: the staffing test above)."""
    line = _one_accompanier_on_two_contracts("0.25", "2500")
    assert line.basis["accompanier_post_fte"] == D("0.5") and line.basis["accompanier_post_days"] == 365
    assert line.amount == D("20958.90")


def test_sieg_ceiling_counts_a_person_at_most_full_time_a_day():
    """Reading of the change: one accompanier on two concurrent 0,6 contracts (same national number), 2 400 € a
    month each (2 × 2 400 × 12 = 57 600 € a year): the paid mean FTE the ceiling is limited on read 0,6 + 0,6 = 1,2 —
    more than one person can work —, so the ceiling was 57 600 × 0,5 ÷ 1,2 × 1,15 = 27 600 € (the ≥ 8 bracket's maximum 0,5 FTE). A person counts at
    most one full-time a day, as in the per-worker lines (``Enterprise.held_beside``): 1 FTE, the ceiling 57 600 ×
    0,5 ÷ 1 × 1,15 = 33 120 €; the claimed part 2025-03-01 … 12-31 takes 306 ÷ 365 of it, 27 766,36 €; the bracket
    (20 958,90 €) stays under it."""
    line = _one_accompanier_on_two_contracts("0.6", "2400")
    assert (line.basis["accompanier_fte_year"], line.basis["ceiling_total"]) == (D("1"), D("33120.00"))
    # The post the minimum is judged on too (``common.contract_fte_days``, one measure with the Brussels 10 %):
    # 1 × 365 / 365 = 1, not 0,6 + 0,6 = 1,2 (no bracket changes: the minima are at most 1 FTE).
    assert (line.basis["accompanier_post_fte"], line.basis["accompanier_post_days"]) == (D("1"), 365)
    assert (line.basis["ceiling"], line.amount) == (D("27766.36"), D("20958.90"))


def _sieg_year_enterprise(td_workers, last_paid=Month(2025, 12)):
    """Agrément 2024-03-01; ``td_workers``: [(id, hire, exit)]; accompanier ACC full time from 2024-03-01,
    wage cost 5 000 €/month, Paie to ``last_paid`` (the last month known)."""
    ws = [worker(wid, hire, exit=exit_) for wid, hire, exit_ in td_workers]
    ws.append(worker("ACC", date(2024, 3, 1), function=Function.SOCIAL_ACCOMPANIMENT))
    pays = monthly("ACC", Month(2024, 3), last_paid, cost="5000")
    report = Report({**{wid: "TD" for wid, _, _ in td_workers}, "ACC": "not_target"})
    return enterprise(ws, pays, agrement=date(2024, 3, 1)), report


def test_sieg_bracket_on_the_agrement_year_average_even_for_a_calendar_piece():
    """Q8: the bracket is chosen on the annual average over the agrément year, not over the claimed piece.

    Agrément 2024-03-01 → year 1 = 2024-03-01 … 2025-02-28 (365 days). 10 TD hired 2024-03-01, 4 leave
    2024-12-31: average = (10 × 306 + 6 × 59) / 365 = 3 414 / 365 = 9,35 ≥ 8 → 25 000 € a year.
    2024 claim: 25 000 × 306 / 365 = 20 958,904 → 20 958,90 €.
    2025 claim, Jan–Feb piece of year 1: 25 000 × 59 / 365 = 4 041,096 → 4 041,10 €
    (old code: 6 TD on Jan–Feb alone → < 8 → 0,00 €).
    Ceilings not binding: accompanier 1 FTE, bracket max 0,5 FTE → 2024: 10 × 5 000 × 0,5 × 1,15 = 28 750;
    Jan–Feb: 2 × 5 000 × 0,5 × 1,15 = 5 750.
    Year 2 (2025-03-01 … 2026-02-28), Paie known to 2025-12: 6 TD over 2025-03-01 … 2025-12-31 → no bracket,
    0,00 €, provisional.
    """
    tds = [(f"T{i}", date(2024, 3, 1), date(2024, 12, 31) if i < 4 else None) for i in range(10)]
    ent, report = _sieg_year_enterprise(tds)
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert l24.amount == D("20958.90") and l24.basis["target_workers"] == D("9.35")
    assert (l24.basis["target_workers_start"], l24.basis["target_workers_end"]) == (date(2024, 3, 1), date(2025, 2, 28))
    y1, y2 = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")
    assert (y1.basis["agrement_year"], y1.basis["start"], y1.basis["end"]) == (1, date(2025, 1, 1), date(2025, 2, 28))
    assert y1.basis["target_workers"] == D("9.35") and y1.basis["rate"] == 25000 and y1.amount == D("4041.10")
    assert y1.basis["provisional"] is False and y1.claimable
    assert any("2024-03-01 – 2025-02-28" in r.text.fr and "têtes, Σ jours occupés ÷ jours" in r.text.fr
               for r in y1.reasons)
    assert any(r.parameter == "subsidy.social_accompaniment.counting" and r.confidence == "inferred" for r in y1.reasons)
    assert y2.basis["agrement_year"] == 2 and y2.basis["target_workers"] == 6 and y2.amount == 0
    assert y2.basis["provisional"] is True and y2.basis["target_workers_end"] == date(2025, 12, 31)


def test_sieg_bracket_a_piece_above_the_threshold_does_not_lift_the_year():
    """8 TD hired 2024-11-01 (agrément 2024-03-01): over year 1 (365 days) they are employed
    2024-11-01 … 2025-02-28 = 30 + 31 + 31 + 28 = 120 days → 8 × 120 / 365 = 2,63 < 8 → nothing, for the
    2024 piece and for the Jan–Feb 2025 piece alike.
    (Old code: Jan–Feb piece 8 on average → 25 000 × 59 / 365 = 4 041,10 €.)
    """
    ent, report = _sieg_year_enterprise([(f"T{i}", date(2024, 11, 1), None) for i in range(8)])
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    y1 = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[0]
    assert l24.basis["target_workers"] == y1.basis["target_workers"] == D("2.63")
    assert l24.amount == 0 and y1.amount == 0 and y1.basis["bracket_min"] is None


def test_sieg_agrement_year_not_finished_is_provisional_on_the_known_days():
    """Year 2 = 2025-03-01 … 2026-02-28, Paie known to 2025-12: averaged over 2025-03-01 … 2025-12-31.

    8 TD employed throughout; T0 leaves 2026-01-15 (Personnel) — after the last Paie month, not counted yet.
    Known days: 8 × 306 / 306 = 8 ≥ 8 → 25 000 × 306 / 365 = 20 958,90 €, provisional, with a note.
    Once Paie reaches 2026-02, the whole year is known: T0 employed 306 + 15 = 321 days, the 7 others 365 →
    (321 + 7 × 365) / 365 = 2 876 / 365 = 7,88 < 8 → the 2026 piece gets nothing and is no longer provisional.
    """
    tds = [("T0", date(2024, 3, 1), date(2026, 1, 15))] + [(f"T{i}", date(2024, 3, 1), None) for i in range(1, 8)]
    ent, report = _sieg_year_enterprise(tds)
    y2 = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[1]
    assert y2.basis["agrement_year"] == 2 and y2.basis["target_workers"] == 8 and y2.amount == D("20958.90")
    assert y2.basis["provisional"] is True and y2.basis["target_workers_end"] == date(2025, 12, 31)
    assert any("provisoire" in n.fr and "2026-02-28" in n.fr for n in y2.notes)
    ent_full, _ = _sieg_year_enterprise(tds, last_paid=Month(2026, 2))
    (y2_2026,) = [x for x in lines_of(compute_subsidies(ent_full, W2016, 2026, report), "social_accompaniment")
                  if x.basis["agrement_year"] == 2]
    assert y2_2026.basis["target_workers"] == D("7.88") and y2_2026.amount == 0
    assert y2_2026.basis["provisional"] is False


# ------------------------------------------------------------------------------------ Wallonia 2003, D2
def test_2003_part_timer_whose_etp_changes_mid_year():
    """DEDP hired 2007-01-01: 2008 is occupation year 2 (366 days), 3 750 € full-time.
    Paie etp 0,5 January–June (182 days) and 0,8 July–December (184 days):
    FTE-days = 182 × 0,5 + 184 × 0,8 = 91 + 147,2 = 238,2; 3 750 × 238,2 / 366 = 2 440,5738 → 2 440,57 €."""
    pays = monthly("P", Month(2008, 1), Month(2008, 6), "0.5") + monthly("P", Month(2008, 7), Month(2008, 12), "0.8")
    ent = enterprise([worker("P", date(2007, 1, 1), fte="0.8")], pays, agrement=W2003.valid_from)
    (line,) = lines_of(compute_subsidies(ent, W2003, 2008, Report({"P": "target"})), "target_worker")
    assert line.basis["occupation_year"] == 2 and line.basis["fte_days"] == D("238.2")
    assert line.amount == D("2440.57")


def test_2003_worker_leaving_in_june():
    """Hired 2008-01-01, left 2009-06-30, full time. 2009 = occupation year 2 (365 days), 181 days
    employed (31+28+31+30+31+30): 3 750 × 181 / 365 = 1 859,589 → 1 859,59 €."""
    ent = enterprise([worker("L", date(2008, 1, 1), exit=date(2009, 6, 30))],
                     monthly("L", Month(2008, 1), Month(2009, 6)), agrement=W2003.valid_from)
    (line,) = lines_of(compute_subsidies(ent, W2003, 2009, Report({"L": "target"})), "target_worker")
    assert line.amount == D("1859.59") and line.basis["days"] == 181


def test_2003_fifth_occupation_year_gives_nothing():
    """Hired 2004-07-01, full time. 2008: occupation year 4 = 2007-07-01 … 2008-06-30 (366 days),
    182 days in 2008 → 1 250 × 182 / 366 = 621,5847 → 621,58 €; year 5 (from 2008-07-01): nothing.
    2009: only year 5/6 → no line."""
    ent = enterprise([worker("F", date(2004, 7, 1))], monthly("F", Month(2004, 7), Month(2009, 12)),
                     agrement=W2003.valid_from)
    report = Report({"F": "target"})
    (line,) = lines_of(compute_subsidies(ent, W2003, 2008, report), "target_worker")
    assert line.basis["occupation_year"] == 4 and line.amount == D("621.58")
    assert lines_of(compute_subsidies(ent, W2003, 2009, report), "target_worker") == []


def test_2003_manager_years_1_to_3_then_nothing_in_year_4():
    """Agrément 2004-01-01: 2006 = agrément year 3 → 7 000 €; 2007 = year 4 → no manager line."""
    ent = enterprise([worker("M", date(2004, 1, 1), function=Function.MANAGEMENT)],
                     monthly("M", Month(2004, 1), Month(2007, 12)), agrement=W2003.valid_from)
    report = Report({"M": "not_target"})
    (line,) = lines_of(compute_subsidies(ent, W2003, 2006, report), "manager")
    assert line.amount == D("7000.00") and line.basis["agrement_year"] == 3
    assert lines_of(compute_subsidies(ent, W2003, 2007, report), "manager") == []


def test_2003_manager_straddling_agrement_years():
    """Agrément 2005-07-01: 2006 holds year 1 (2005-07-01 … 2006-06-30, 365 days; 181 days in 2006)
    and year 2 (2006-07-01 … 2007-06-30, 365 days; 184 days in 2006):
    20 000 × 181/365 = 9 917,81 ; 13 500 × 184/365 = 6 805,48 ; total 16 723,29 €."""
    ent = enterprise([worker("M", date(2005, 7, 1), function=Function.MANAGEMENT)],
                     monthly("M", Month(2005, 7), Month(2006, 12)), agrement=date(2005, 7, 1))
    result = compute_subsidies(ent, W2003, 2006, Report({"M": "not_target"}))
    assert [x.amount for x in lines_of(result, "manager")] == [D("9917.81"), D("6805.48")]
    assert result.totals["manager"] == D("16723.29")


def test_parts_of_agrement_years_do_not_cite_d2_and_parts_of_occupation_years_do():
    """rules.md D2 covers the per-worker degressive amounts by occupation year; the amounts by agrément
    year (2003 manager, Brussels tranches, Walloon SIEG) carried its note « prorata journalier (décision
    D2) » too. Now they say what they do: annual amount × days of the part ÷ days of the agrément year.
    Agrément 2005-07-01 (2003: manager; Brussels: tranches) and 2024-03-01 (SIEG): 2006 / 2025 hold two
    parts of agrément years. T (target, hired 2005-07-01) has two parts of occupation years in 2006: D2."""
    ws = [worker("M", date(2005, 7, 1), function=Function.MANAGEMENT), worker("T", date(2005, 7, 1))]
    pays = monthly("M", Month(2005, 7), Month(2006, 12)) + monthly("T", Month(2005, 7), Month(2006, 12))
    report = Report({"M": "not_target", "T": "target"})
    wal = compute_subsidies(enterprise(ws, pays, agrement=date(2005, 7, 1)), W2003, 2006, report)
    bxl = compute_subsidies(enterprise(ws, pays, agrement=date(2005, 7, 1), region=Region.BRUXELLES), B2004, 2006,
                            report)
    sieg_ent, sieg_report = _sieg_year_enterprise([(f"T{i}", date(2024, 3, 1), None) for i in range(8)])
    sieg = compute_subsidies(sieg_ent, W2016, 2025, sieg_report)
    by_agrement_year = (lines_of(wal, "manager") + lines_of(bxl, "social_accompaniment") + lines_of(bxl, "supervision")
                        + lines_of(sieg, "social_accompaniment"))
    assert len(by_agrement_year) == 8
    for line in by_agrement_year:
        assert not any("D2" in n.fr or "D2" in n.en for n in line.notes)
        assert any(n.fr.startswith("Partie d'année d'agrément (comptée depuis la date d'agrément) : montant "
                                   "annuel × jours de la partie ÷ jours de l'année d'agrément") for n in line.notes)
    for line in lines_of(wal, "target_worker") + lines_of(bxl, "target_worker"):
        assert any("le texte ne règle pas les années partielles" in n.fr and n.fr.startswith("Année partielle")
                   for n in line.notes)


def test_2003_social_accompaniment_per_fte():
    """D3: 33 000 € per accompanier FTE-year; half-time all 2006 (agrément year 3) → 16 500,00 €."""
    ent = enterprise([worker("S", date(2004, 1, 1), fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT)],
                     monthly("S", Month(2006, 1), Month(2006, 12), "0.5"), agrement=W2003.valid_from)
    (line,) = lines_of(compute_subsidies(ent, W2003, 2006, Report({"S": "not_target"})), "social_accompaniment")
    assert line.amount == D("16500.00")
    # The project's reading in words, not by its rules.md id (« D3 »), which the administration cannot look up.
    texts = [n.fr for n in line.notes] + [r.text.fr for r in line.reasons]
    assert not any("D3" in x for x in texts), texts


def test_2003_social_accompaniment_full_time_whole_year():
    """D3: 33 000 € per accompanier FTE-year; one accompanier full time all 2007 (agrément year 4, 2007-01-01 –
    2007-12-31, 365 days) → 33 000 × 1 × 365 ÷ 365 = 33 000,00 €; a second at 0,8 from 2007-07-01 (184 days):
    33 000 × 0,8 × 184 ÷ 365 = 13 308,49 €."""
    ws = [worker("S", date(2004, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT),
          worker("S2", date(2007, 7, 1), fte="0.8", function=Function.SOCIAL_ACCOMPANIMENT)]
    pays = monthly("S", Month(2007, 1), Month(2007, 12), "1") + monthly("S2", Month(2007, 7), Month(2007, 12), "0.8")
    ent = enterprise(ws, pays, agrement=W2003.valid_from)
    lines = lines_of(compute_subsidies(ent, W2003, 2007, Report({"S": "not_target", "S2": "not_target"})),
                     "social_accompaniment")
    assert sorted(line.amount for line in lines) == [D("13308.49"), D("33000.00")]


def test_2003_social_accompaniment_without_payroll_rows_uses_the_contract_etp_and_says_so():
    """D3 with no Paie row for the accompanier (the manager D is paid all 2010): the contractual etp of
    Personnel, 0,5, is used, with the fallback note naming the months. Agrément 2008-03-01: 2010 meets agrément
    year 2 (2009-03-01 – 2010-02-28, 365 days) and year 3 (2010-03-01 – 2011-02-28, 365 days), one line each:
    2010-01-01 – 02-28, 59 days × 0,5 = 29,5 FTE-days → 33 000 × 29,5 ÷ 365 = 2 667,123… = 2 667,12 €;
    2010-03-01 – 12-31, 306 days × 0,5 = 153 FTE-days → 33 000 × 153 ÷ 365 = 13 832,876… = 13 832,88 €
    (together 33 000 × 0,5 × 365 ÷ 365 = 16 500 €)."""
    ws = [worker("S", date(2008, 3, 1), fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT),
          worker("D", date(2008, 3, 1), function=Function.MANAGEMENT)]
    ent = enterprise(ws, monthly("D", Month(2010, 1), Month(2010, 12)), agrement=date(2008, 3, 1))
    result = compute_subsidies(ent, W2003, 2010, Report({"S": "not_target", "D": "not_target"}))
    y2, y3 = lines_of(result, "social_accompaniment")
    assert [(x.basis["agrement_year"], x.basis["days"], x.basis["fte_days"], x.amount) for x in (y2, y3)] == [
        (2, 59, D("29.5"), D("2667.12")), (3, 306, D("153"), D("13832.88"))]
    assert result.totals["social_accompaniment"] == D("16500.00")
    assert "Pas de ligne de paie pour 2010-01, 2010-02 : etp contractuel de Personnel utilisé." in [
        n.fr for n in y2.notes]
    assert ("No payroll row for 2010-03, 2010-04, 2010-05, 2010-06, 2010-07, 2010-08, 2010-09, 2010-10, 2010-11, "
            "2010-12: contractual fte from Personnel used.") in [n.en for n in y3.notes]


# ------------------------------------------------------------------------------------ Brussels 2004
R1_TABLE = {0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2, 12: 2, 13: 3, 14: 3, 15: 3,
            16: 3, 17: 4, 18: 4, 19: 4, 20: 4}


@pytest.mark.parametrize("n", range(0, 21))
def test_brussels_tranche_table_0_to_20(n):
    """rules.md §5.7 R1 (started tranches, Q9): t = 0 if n < 5 else ceil((n − 4) / 4);
    accompaniment 15 000 + 7 500 t, supervision 31 000 + 15 500 t (agrément year 2, whole 2013), one
    encadrement and one accompanier employed (each subsidy has staff to cover). n = 0: whether the base is due without any target worker is NOT FOUND (§5.7) — the lines show
    15 000 / 31 000 but are not claimable, so the totals are 0."""
    assert tranches(D(n), D(5), D(4)) == R1_TABLE[n]
    workers = [worker(f"T{i:02d}", date(2012, 1, 1)) for i in range(n)]
    workers.append(worker("E", date(2012, 1, 1), function=Function.SUPERVISION))
    workers.append(worker("A", date(2012, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT))
    report = Report({**{w.worker_id: "target" for w in workers}, "E": "not_target", "A": "not_target"})
    ent = enterprise(workers, agrement=date(2012, 1, 1), region=Region.BRUXELLES)
    result = compute_subsidies(ent, B2004, 2013, report)
    t = R1_TABLE[n]
    due = D(1) if n else D(0)
    assert result.totals["social_accompaniment"] == D(15000 + 7500 * t) * due
    assert result.totals["supervision"] == D(31000 + 15500 * t) * due
    assert [x.amount for x in lines_of(result, "supervision")] == [D(31000 + 15500 * t)]
    assert all(x.claimable == bool(n) for x in lines_of(result, "supervision") + lines_of(result, "social_accompaniment"))
    assert result.compliant is True


def test_brussels_tranche_missed_by_a_day_costs_one_days_share_not_the_year():
    """bruxelles-2004, agrément 2012-01-01, 2013 = year 2 (365 days): five target workers, T04 leaving on
    2013-12-30 → 5 heads on 364 days (1 started tranche), 4 heads on 2013-12-31 (0 tranche). Averaged
    (4 + 364 ÷ 365 = 4,99726 < 5) it gave 0 tranche for the whole year, 15 000 € and 31 000 €: a whole
    tranche lost for one day. Day by day (Q9, docs/interpretations.md): accompaniment
    (22 500 × 364 + 15 000 × 1) ÷ 365 = 8 205 000 ÷ 365 = 22 479,45 €; encadrement
    (46 500 × 364 + 31 000 × 1) ÷ 365 = 16 957 000 ÷ 365 = 46 457,53 €. The average, kept for information,
    is printed beside the threshold 5 as 4,9972 (``shown_beside``), not « 5,00 »."""
    workers = [worker(f"T{i:02d}", date(2012, 1, 1), exit=date(2013, 12, 30) if i == 4 else None) for i in range(5)]
    workers += [worker("E", date(2012, 1, 1), function=Function.SUPERVISION),
                worker("A", date(2012, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT)]
    report = Report({**{w.worker_id: "target" for w in workers}, "E": "not_target", "A": "not_target"})
    result = compute_subsidies(enterprise(workers, agrement=date(2012, 1, 1), region=Region.BRUXELLES), B2004, 2013,
                               report)
    for subsidy, amount, base, full in (("social_accompaniment", "22479.45", 15000, 22500),
                                        ("supervision", "46457.53", 31000, 46500)):
        (line,) = lines_of(result, subsidy)
        assert line.amount == D(amount) and line.claimable and line.basis["target_workers"] == D("4.9972")
        assert line.basis["tranches"] is None and line.basis["rate"] is None   # no single count over the year
        assert [(g["tranches"], g["days"], g["target_workers_min"], g["rate"]) for g in line.basis["days_by_tranches"]] \
            == [(0, 1, 4, base), (1, 364, 5, full)]
        said = line.reasons[0].text
        assert said.fr.startswith("Travailleurs du public cible comptés chaque jour (têtes) : 1 jour avec 4 "
                                  "travailleurs du public cible : 0 tranche entamée, ")
        assert "364 jours avec 5 travailleurs du public cible : 1 tranche entamée, " in said.fr
        assert said.en.startswith("Target workers counted every day (heads): 1 day with 4 target workers: 0 started "
                                  "tranches, ")
        assert "364 days with 5 target workers: 1 started tranche, " in said.en
        assert "en moyenne 4,9972 travailleurs du public cible, pour information" in said.fr
        assert "4.9972 target workers on average, for information" in said.en


def test_the_tranche_fields_null_when_the_count_changes_are_said_in_the_contract():
    """cli.md allowed null only for `compliant`; a Brussels 2004 line whose tranche count changes within its
    days has no single count nor rate: `basis.tranches` and `basis.rate` null, `basis.days_by_tranches` the
    days at each (``test_brussels_tranches_are_counted_day_by_day``: T5 leaving 2012-11-30, 335 days at 1
    tranche and 31 at 0). docs/spec/cli.md says so, naming those fields and the keys of each group, and that
    `basis`'s keys are not enumerated by the contract (so nulls there change no contract field)."""
    from helpers_cli import cli_spec_sentence

    staff = [worker(f"T{i}", date(2010, 1, 1), exit=date(2012, 11, 30) if i == 5 else None) for i in range(1, 6)]
    staff += [worker("E", date(2010, 1, 1), function=Function.SUPERVISION)]
    cats = {w.worker_id: "target" if w.worker_id.startswith("T") else "not_target" for w in staff}
    result = compute_subsidies(enterprise(staff, agrement=date(2010, 1, 1), region=Region.BRUXELLES), B2004, 2012,
                               Report(cats))
    (line,) = lines_of(result, "supervision")
    assert line.basis["tranches"] is None and line.basis["rate"] is None
    said = cli_spec_sentence("Added — `ei subsidy`'s `basis.tranches`")
    assert "`basis.tranches` and `basis.rate` are `null`" in said and "`basis.days_by_tranches`" in said
    assert "its keys are not enumerated by this contract" in said
    assert all(f"`{k}`" in said for k in line.basis["days_by_tranches"][0])


def test_brussels_tranches_are_counted_day_by_day():
    """Auditor's case D1. bruxelles-2004, agrément 2010-01-01, 2012 = agrément year 3 (366 days, leap year): T1–T5
    target all year but T5 leaving on 2012-11-30; N1, N2 not target; E encadrement. 5 heads on 335 days
    (1 tranche), 4 on the 31 days of December (0). The daily average, 4 + 335 ÷ 366 = 4,92, gave 0 tranche
    for the whole year: 15 000 + 31 000 = 46 000 €. Day by day:
    accompaniment (22 500 × 335 + 15 000 × 31) ÷ 366 = (7 537 500 + 465 000) ÷ 366 = 8 002 500 ÷ 366
    = 21 864,754 → 21 864,75 €; encadrement (46 500 × 335 + 31 000 × 31) ÷ 366 = (15 577 500 + 961 000) ÷ 366
    = 16 538 500 ÷ 366 = 45 187,158 → 45 187,16 €.
    Constant staff gives the figures of before: T5 staying all year → 1 tranche every day, 22 500 € and
    46 500 € (the annual rate × 366 ÷ 366), `tranches` 1 and `rate` as ever.
    T5 of unknown status instead of target: 4 known heads every day, 5 if T5 is target on 335 days →
    0 tranche, 15 000 and 31 000 €, not claimable (the count could be higher), as with the average."""
    staff = [worker(f"T{i}", date(2010, 1, 1), exit=date(2012, 11, 30) if i == 5 else None) for i in range(1, 6)]
    staff += [worker("N1", date(2010, 1, 1)), worker("N2", date(2010, 1, 1)),
              worker("E", date(2010, 1, 1), function=Function.SUPERVISION)]
    cats = {w.worker_id: "target" if w.worker_id.startswith("T") else "not_target" for w in staff}
    ent = enterprise(staff, agrement=date(2010, 1, 1), region=Region.BRUXELLES)
    result = compute_subsidies(ent, B2004, 2012, Report(cats))
    assert result.totals["social_accompaniment"] == D("21864.75") and result.totals["supervision"] == D("45187.16")
    (line,) = lines_of(result, "supervision")
    assert [(g["tranches"], g["days"]) for g in line.basis["days_by_tranches"]] == [(0, 31), (1, 335)]
    assert "(31 000,00 € × 31 + 46 500,00 € × 335) ÷ 366" in line.reasons[0].text.fr
    from ei_cli.render.subsidy import basis_text   # the table's « Base » column and the documents show the days
    assert "31 j. à 0 tranche (31 000,00 €/an), 335 j. à 1 tranche (46 500,00 €/an)" in basis_text(line.basis, "fr")
    staying = [replace(w, exit_date=None) for w in staff]
    constant = compute_subsidies(enterprise(staying, agrement=date(2010, 1, 1), region=Region.BRUXELLES), B2004, 2012,
                                 Report(cats))
    for subsidy, rate in (("social_accompaniment", 22500), ("supervision", 46500)):
        (line,) = lines_of(constant, subsidy)
        assert line.amount == rate and line.basis["tranches"] == 1 and line.basis["rate"] == rate
        assert [(g["tranches"], g["days"]) for g in line.basis["days_by_tranches"]] == [(1, 366)]
    unsure = compute_subsidies(ent, B2004, 2012, Report({**cats, "T5": "unknown"}))
    for subsidy, amount in (("social_accompaniment", 15000), ("supervision", 31000)):
        (line,) = lines_of(unsure, subsidy)
        assert line.amount == amount and not line.claimable
        assert any("le nombre de tranches pourrait être plus élevé" in n.fr for n in line.notes)


def test_brussels_tranches_count_a_person_on_two_contracts_once():
    """Q9: started tranches of target workers, heads, counted day by day. bruxelles-2004, agrément 2012-01-01,
    2013 = year 2 (365 days): T1–T3 target and P, target on two concurrent half-time contracts (P1, P2: same
    national number), all year → 4 persons every day (5 ids): 0 tranche, accompaniment 15 000 € and encadrement
    31 000 € (15 000 × 365 ÷ 365, 31 000 × 365 ÷ 365). The count of ids, 5 a day, gave 1 tranche:
    22 500 € and 46 500 €, as it still does when P1 and P2 carry no national number (two people)."""
    workers = [worker(f"T{i}", date(2012, 1, 1)) for i in range(1, 4)]
    workers += [replace(worker(w, date(2012, 1, 1), fte="0.5"), national_number="85100374649") for w in ("P1", "P2")]
    workers += [worker("E", date(2012, 1, 1), function=Function.SUPERVISION),
                worker("A", date(2012, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT)]
    report = Report({**{w.worker_id: "target" for w in workers}, "E": "not_target", "A": "not_target"})
    result = compute_subsidies(enterprise(workers, agrement=date(2012, 1, 1), region=Region.BRUXELLES), B2004, 2013,
                               report)
    assert (result.totals["social_accompaniment"], result.totals["supervision"]) == (15000, 31000)
    (line,) = lines_of(result, "supervision")
    assert line.basis["tranches"] == 0 and line.basis["target_workers"] == 4
    apart = [replace(w, national_number=None) for w in workers]
    result = compute_subsidies(enterprise(apart, agrement=date(2012, 1, 1), region=Region.BRUXELLES), B2004, 2013,
                               report)
    assert (result.totals["social_accompaniment"], result.totals["supervision"]) == (22500, 46500)


def test_brussels_agrement_year_5_has_no_supervision():
    """Agrément 2011-01-01, one target worker (0 tranche), one encadrement, one accompanier: 2014 = year 4 →
    supervision 31 000 €; 2015 = year 5 → none (accompaniment 15 000 €)."""
    workers = [worker("E", date(2011, 1, 1), function=Function.SUPERVISION), worker("T", date(2011, 1, 1)),
               worker("A", date(2011, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT)]
    ent = enterprise(workers, agrement=date(2011, 1, 1), region=Region.BRUXELLES)
    report = Report({"E": "not_target", "T": "target", "A": "not_target"})
    assert compute_subsidies(ent, B2004, 2014, report).totals["supervision"] == D(31000)
    r23 = compute_subsidies(ent, B2004, 2015, report)
    # Listed at 0, nothing due (``SubsidyResult.totals``: every subsidy of the regime computed is listed).
    assert lines_of(r23, "supervision") == [] and r23.totals["supervision"] == 0
    assert r23.totals["social_accompaniment"] == D(15000)


def test_brussels_supervision_condition_fails_nothing_is_due():
    """§5.6: 0,5 FTE of supervision staff for 10 non-target FTE (+ the 0,5 itself) = 4,8 % < 10 %:
    every Brussels subsidy is 0, not claimable, and the command's verdict is not compliant."""
    workers = [worker(f"N{i}", date(2011, 1, 1)) for i in range(10)]
    workers += [worker("E", date(2011, 1, 1), fte="0.5", function=Function.SUPERVISION),
                worker("T", date(2011, 1, 1))]
    report = Report({**{w.worker_id: "not_target" for w in workers}, "T": "target"})
    ent = enterprise(workers, monthly("E", Month(2013, 1), Month(2013, 12), "0.5"), agrement=date(2011, 1, 1),
                     region=Region.BRUXELLES)
    result = compute_subsidies(ent, B2004, 2013, report)
    assert result.compliant is False and result.total == 0
    assert all(x.amount == 0 and not x.claimable for x in result.lines)
    assert any("amount_if_condition_met" in x.basis for x in result.lines)


def test_brussels_supervision_subsidy_without_an_encadrement_worker_gets_nothing():
    """Seed 003: « une subvention salariale destinée à l'encadrement ». Agrément 2010-01-01, 2011 = agrément
    year 2 (whole). 9 target workers → ⌈(9 − 4) / 4⌉ = 2 tranches (R1): supervision 31 000 + 2 × 15 500 =
    62 000 € a year, accompaniment 15 000 + 2 × 7 500 = 30 000 €. Staff: one other production worker N (1 FTE),
    one half-time accompanier A, no « encadrement »: the 10 % condition holds (0,5 / 1,5 = 33 %), but the
    supervision line has nothing to cover: no day of the post, 62 000 × 0 / 365 = 0,00 € (it showed 62 000,00 €,
    not claimable), claimable, the claim complete. With a half-time « encadrement » worker E employed all year:
    62 000 × 365 / 365 = 62 000,00 €."""
    agr = date(2010, 1, 1)
    staff = [worker(f"T{i}", agr) for i in range(9)] + [
        worker("N", agr), worker("A", agr, fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT)]
    report = Report({**{f"T{i}": "target" for i in range(9)}, "N": "not_target", "A": "not_target",
                     "E": "not_target"})
    result = compute_subsidies(enterprise(staff, agrement=agr, region=Region.BRUXELLES), B2004, 2011, report)
    (line,) = lines_of(result, "supervision")
    assert result.compliant is True
    assert line.amount == D("0.00") and line.claimable is True and line.basis["post_days"] == 0
    assert any(n.fr == "Aucun travailleur « encadrement » occupé : rien à couvrir." for n in line.notes)
    assert "No “encadrement” worker employed: nothing to cover." in [n.en for n in line.notes]
    assert any("aucun travailleur de cette fonction sous contrat du 2011-01-01 au 2011-12-31 ; aucun jour du "
               "poste : 0,00 € pour cette partie" in r.text.fr and r.parameter == "subsidy.post_days"
               for r in line.reasons)
    assert result.totals["supervision"] == 0 and result.complete
    supervisor = worker("E", agr, fte="0.5", function=Function.SUPERVISION)
    result = compute_subsidies(enterprise([*staff, supervisor], agrement=agr, region=Region.BRUXELLES), B2004, 2011,
                               report)
    (line,) = lines_of(result, "supervision")
    assert line.claimable is True and result.totals["supervision"] == D("62000.00")


def test_brussels_supervision_subsidy_pays_the_days_an_encadrant_is_employed():
    """One day of an encadrant earned a whole agrément-year part, none nothing (audit: a cliff). Agrément
    2010-03-01: 2012 holds agrément year 2's 2012-01-01 … 02-29 (60 days of the 366 of 2011-03-01 … 2012-02-29)
    and year 3's 2012-03-01 … 12-31 (306 of the 365 of 2012-03-01 … 2013-02-28). 5 target workers all along →
    ⌊(5 − 5) / 4⌋ + 1 = 1 tranche: supervision 31 000 + 15 500 = 46 500 € a year. The only encadrant E1 leaves:
    - on 2012-02-29: year 2's part 46 500 × 60 / 366 = 7 622,95 €; year 3's part, no day of the post: 0,00 €;
    - on 2012-03-01: year 3's part 46 500 × 1 / 365 = 127,397 → 127,40 € (it was 46 500 × 306 / 365 =
      38 983,56 € for that one day) → 7 750,35 €;
    - on 2012-06-30: 2012-03-01 … 06-30 = 122 days: 46 500 × 122 / 365 = 15 542,466 → 15 542,47 €.
    The accompaniment line, its accompanier A1 employed all along, keeps the whole part: 22 500 × 306 / 365 =
    18 863,01 €. The reason says how many days the post was held."""
    agr = date(2010, 3, 1)
    staff = [worker(f"T{i}", agr) for i in range(5)] + [
        worker("N", agr), worker("A1", agr, fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT)]
    report = Report({**{f"T{i}": "target" for i in range(5)}, "N": "not_target", "A1": "not_target",
                     "E1": "not_target"})

    def year_3(leaves: date):
        encadrant = worker("E1", agr, exit=leaves, function=Function.SUPERVISION)
        result = compute_subsidies(enterprise([*staff, encadrant], agrement=agr, region=Region.BRUXELLES), B2004,
                                   2012, report)
        return result, lines_of(result, "supervision")

    result, (y2, y3) = year_3(date(2012, 2, 29))
    assert (y2.amount, y3.amount, y3.basis["post_days"], y3.claimable) == (D("7622.95"), D("0.00"), 0, True)
    assert result.totals["supervision"] == D("7622.95")
    result, (_, y3) = year_3(date(2012, 3, 1))
    assert (y3.amount, y3.basis["post_days"], y3.basis["days"], y3.claimable) == (D("127.40"), 1, 306, True)
    assert result.totals["supervision"] == D("7750.35")
    (held,) = [r for r in y3.reasons if r.parameter == "subsidy.post_days"]
    assert held.text.fr.startswith("Poste « encadrement » occupé 1 jour sur les 306 de la partie (du 2012-03-01 au "
                                   "2012-12-31)")
    assert y3.basis["days_by_tranches"] == [{"tranches": 1, "days": 1, "target_workers_min": 5,
                                             "target_workers_max": 5, "rate": D("46500")}]
    (_, accompaniment) = lines_of(result, "social_accompaniment")
    assert (accompaniment.amount, accompaniment.basis["post_days"]) == (D("18863.01"), 306)
    _, (_, y3) = year_3(date(2012, 6, 30))
    assert (y3.amount, y3.basis["post_days"]) == (D("15542.47"), 122)


def test_brussels_social_accompaniment_subsidy_without_an_accompanier_needs_encadrement_staff():
    """rules.md §5.6: the subsidies need staff able to run « training, encadrement and social accompaniment »,
    one group (the 10 % measure counts both functions); the workbook gives one fonction per worker, so a small
    EI's encadrant may do the accompaniment too. Agrément 2010-01-01, 2011 = agrément year 2 (whole). 9 target
    workers → 2 tranches (R1): accompaniment 15 000 + 2 × 7 500 = 30 000 € a year, supervision 31 000 +
    2 × 15 500 = 62 000 €. Staff: one other production worker N (1 FTE), one half-time encadrement E, no
    « accompagnement_social »: the 10 % condition holds (0,5 / 1,5 = 33 %). The accompaniment line was not
    claimable (« rien à couvrir »), 30 000 € lost; it is now claimable, 30 000,00 €, with a note to check that
    the encadrement staff does the accompaniment. With a half-time accompanier A employed from 2011-07-01
    (some day of the segment), it is claimable without that note, but its 365 − 184 = 181 days held by E alone
    are still to check (the reminder was silenced for the whole year by any accompanier's day).
    With neither function in a segment, nothing: agrément 2010-07-01, E hired 2011-07-01; 2011 holds
    agrément year 1's 2011-01-01 … 06-30 (181 of 365 days, nobody to accompany on any of them: 30 000 × 0 / 365 =
    0,00 €, where 30 000 × 181 / 365 = 14 876,71 € was shown, not claimable) and year 2's 2011-07-01 … 12-31 (184
    of 366 days: 30 000 × 184 / 366 = 15 081,967 → 15 081,97 €, E employed every day, claimable with the note)."""
    agr = date(2010, 1, 1)
    staff = [worker(f"T{i}", agr) for i in range(9)] + [
        worker("N", agr), worker("E", agr, fte="0.5", function=Function.SUPERVISION)]
    report = Report({**{f"T{i}": "target" for i in range(9)}, "N": "not_target", "E": "not_target",
                     "A": "not_target"})
    to_check = "À vérifier : aucun travailleur « accompagnement_social » ; l'accompagnement est-il assuré par le " \
               "personnel d'encadrement ?"
    result = compute_subsidies(enterprise(staff, agrement=agr, region=Region.BRUXELLES), B2004, 2011, report)
    (line,) = lines_of(result, "social_accompaniment")
    assert result.compliant is True
    assert line.amount == D("30000.00") and line.claimable is True
    assert to_check in [n.fr for n in line.notes]
    assert ("To check: no “accompagnement_social” worker; is the accompaniment done by the encadrement staff?"
            in [n.en for n in line.notes])                                        # “…” in English, as i18n.quoted
    assert not any("rien à couvrir" in n.fr for n in line.notes)
    assert any("mais du personnel « encadrement »" in r.text.fr and "réclamable, à vérifier" in r.text.fr
               and r.parameter == "subsidy.social_accompaniment.base" for r in line.reasons)
    assert any(r.text.en.startswith("No “accompagnement_social” worker under contract from 2011-01-01 to "
                                    "2011-12-31, but “encadrement” staff: ") for r in line.reasons)
    assert result.totals["social_accompaniment"] == D("30000.00") and result.totals["supervision"] == D("62000.00")
    accompanier = worker("A", date(2011, 7, 1), fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT)
    result = compute_subsidies(enterprise([*staff, accompanier], agrement=agr, region=Region.BRUXELLES), B2004,
                               2011, report)
    (line,) = lines_of(result, "social_accompaniment")
    assert line.claimable is True and result.totals["social_accompaniment"] == D("30000.00")
    assert to_check not in [n.fr for n in line.notes]
    assert ("À vérifier : 181 jours du poste sans travailleur « accompagnement_social » sous contrat ; "
            "l'accompagnement y est-il assuré par le personnel d'encadrement ?") in [n.fr for n in line.notes]
    assert any(r.text.fr.startswith("181 jours sur 365 avec du personnel « encadrement » mais aucun travailleur "
                                    "« accompagnement_social » sous contrat") for r in line.reasons)
    agr = date(2010, 7, 1)
    staff = [worker(f"T{i}", agr) for i in range(9)] + [
        worker("N", agr), worker("E", date(2011, 7, 1), fte="0.5", function=Function.SUPERVISION)]
    result = compute_subsidies(enterprise(staff, agrement=agr, region=Region.BRUXELLES), B2004, 2011, report)
    first, second = lines_of(result, "social_accompaniment")
    assert (first.amount, first.claimable) == (D("0.00"), True)
    assert "Aucun accompagnateur social occupé : rien à couvrir." in [n.fr for n in first.notes]
    assert any("« accompagnement_social » : aucun travailleur de cette fonction sous contrat du 2011-01-01 au "
               "2011-06-30" in r.text.fr for r in first.reasons)
    assert (second.amount, second.claimable) == (D("15081.97"), True) and to_check in [n.fr for n in second.notes]


def test_brussels_degressive_target_worker_is_seed_only():
    """Q16: 5 000 € in occupation year 1, full year 2013 (hired 2013-01-01) → 5 000,00 €, seed_only."""
    workers = [worker("T", date(2013, 1, 1)), worker("E", date(2011, 1, 1), function=Function.SUPERVISION)]
    ent = enterprise(workers, agrement=date(2011, 1, 1), region=Region.BRUXELLES)
    (line,) = lines_of(compute_subsidies(ent, B2004, 2013, Report({"T": "target", "E": "not_target"})),
                       "target_worker")
    assert line.amount == D("5000.00") and line.confidence == "seed_only"


# ------------------------------------------------------------------------------------ the accompanier's conditions
ACCOMPANIER_KEY = "subsidy.social_accompaniment.accompanier_min_experience_years"


def _accompaniment_lines(regime):
    """One social-accompaniment line of each regime that has the subsidy, its accompanier employed all year."""
    acc = worker("S", date(2004, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT)
    if regime.id == "wallonie-2016":
        tds = [worker(f"T{i}", date(2019, 1, 1)) for i in range(8)]
        ent = enterprise([*tds, acc], monthly("S", Month(2024, 1), Month(2024, 12)))
        return lines_of(compute_subsidies(ent, regime, 2024, Report({**{w.worker_id: "TD" for w in tds},
                                                                     "S": "not_target"})), "social_accompaniment")
    staff = [acc, worker("T", date(2005, 1, 1)), worker("E", date(2005, 1, 1), function=Function.SUPERVISION)]
    region = Region.BRUXELLES if regime.region == "bruxelles" else Region.WALLONIE
    ent = enterprise(staff, monthly("S", Month(2006, 1), Month(2006, 12)), agrement=date(2005, 1, 1), region=region)
    return lines_of(compute_subsidies(ent, regime, 2006, Report({"S": "not_target", "T": "target", "E": "not_target"})),
                    "social_accompaniment")


@pytest.mark.parametrize("regime, confidence", [(W2016, "official_page"), (W2003, "inferred")],
                         ids=lambda x: getattr(x, "id", x))
def test_every_social_accompaniment_line_says_the_accompaniers_conditions_are_not_checked(regime, confidence):
    """Seed 002 (rules.md §3.6): the accompanier holds a higher-education diploma (social, psychological or
    pedagogical) or has at least 3 years' relevant experience, and does no production or administration work once
    subsidised. The workbook shows none of it: each social-accompaniment line of every regime that has the subsidy
    carries one « À vérifier » note, and a reason stating the conditions with the regime parameter's reference
    (the Walloon 2016 page; for 2003, whose own conditions were not found, the same page marked inferred). The
    amount and claimability are unchanged. Brussels 2004: see the next test."""
    assert "social_accompaniment" in subsidy_ids(regime) and regime.has(ACCOMPANIER_KEY)
    lines = _accompaniment_lines(regime)
    assert lines and all(line.claimable for line in lines)
    for line in lines:
        assert [n.fr for n in line.notes if n.fr.startswith("À vérifier")] == [
            "À vérifier : l'accompagnateur subventionné a le diplôme ou l'expérience requis et n'exerce aucune tâche "
            "de production ou d'administration (non contrôlé par ei)."]
        (reason,) = [r for r in line.reasons if r.parameter == ACCOMPANIER_KEY]
        assert "au moins 3 ans d'expérience" in reason.text.fr and "at least 3 years'" in reason.text.en
        assert reason.url == "http://economie.wallonie.be/Dvlp_Economique/Economie_sociale/EI/accompagnement.html"
        assert reason.confidence == confidence and "L'accompagnement social" in reason.reference


def test_brussels_accompaniment_lines_carry_no_walloon_accompanier_conditions():
    """rules.md §5.6: the Brussels 2004 accompanier's tasks and conditions were NOT FOUND (§9: unknown, not
    implemented as fact). Its lines carried the Walloon 2016 conditions (seed 002, « diplôme … ou au moins 3 ans
    d'expérience ») marked inferred, another region's law. Now they say the conditions are not established for
    the regime (parameter unknown, confidence not_found, citing the Brussels ordinance), with a note to check
    with the administration; the amount and claimability are unchanged (15 000 € for one target worker in
    2006, agrément year 2)."""
    value = B2004.value(ACCOMPANIER_KEY, date(2006, 1, 1))
    assert value.is_unknown and value.confidence == "not_found"
    (line,) = _accompaniment_lines(B2004)
    assert line.amount == D("15000.00") and line.claimable
    assert [n.fr for n in line.notes if n.fr.startswith("À vérifier")] == [
        "À vérifier auprès de l'administration : les conditions de l'accompagnateur subventionné ne sont pas établies "
        "pour ce régime (texte non trouvé ; non contrôlé par ei)."]
    (reason,) = [r for r in line.reasons if r.parameter == ACCOMPANIER_KEY]
    assert reason.text.fr.startswith("Accompagnateur social subventionné : ses conditions (diplôme, expérience, "
                                     "tâches) ne sont pas établies pour le régime bruxelles-2004 (texte non trouvé)")
    assert reason.confidence == "not_found" and "Ordonnance du 18 mars 2004" in reason.reference
    said = " ".join([*(n.fr for n in line.notes), *(r.text.fr for r in line.reasons), *(r.text.en for r in line.reasons),
                     *(str(r.url) for r in line.reasons), *(str(r.reference) for r in line.reasons)])
    assert "3 ans" not in said and "economie.wallonie.be" not in said and "diploma with a social" not in said


def test_the_accompaniers_experience_in_the_reason_is_the_regime_files(tmp_path):
    """The 3 years are a regime figure: changed to 5 in the file, the reason says 5."""
    from helpers_rules import regime_with

    (line,) = _accompaniment_lines(regime_with("wallonie-2003", tmp_path, {ACCOMPANIER_KEY: ("3", "5")}))
    (reason,) = [r for r in line.reasons if r.parameter == ACCOMPANIER_KEY]
    assert "au moins 5 ans d'expérience" in reason.text.fr


def test_every_regime_with_a_social_accompaniment_subsidy_states_its_accompaniers_conditions():
    from ei_cli.regimes import all_regimes

    for regime in all_regimes():
        if regime.status != "outline" and "social_accompaniment" in subsidy_ids(regime):
            assert regime.has(ACCOMPANIER_KEY), regime.id


# ------------------------------------------------------------------------------------ regime validity
def test_subsidy_ids_of_each_regime():
    """cli.md: the ids of lines[].subsidy; an outline regime's are those it cannot compute (D7)."""
    assert subsidy_ids(W2016) == ["target_worker", "social_accompaniment"]
    assert subsidy_ids(W2003) == ["target_worker", "social_accompaniment", "manager"]
    assert subsidy_ids(B2004) == ["target_worker", "social_accompaniment", "supervision"]
    assert subsidy_ids(B2018) == ["compensation"]


def test_no_subsidy_of_a_regime_that_was_no_longer_in_force():
    """2015 in Wallonia under wallonie-2003 (forced, or taken by default as the nearest earlier
    regime): it ended on 2013-01-30 (rules.md §1), and the 2012 reform abolished its manager subsidy
    and its degressive amounts (§0 #2). So no line at all: its subsidies are unknown for 2015-01-01 …
    2015-12-31, saying that ei does not know the regime then in force — but for the manager subsidy, paid in
    agrément years 1–3 only (§4.7) while 2015 is agrément year 5 (2015-01-01 … 2015-12-31): it cannot be due."""
    ent = enterprise([worker("M", date(2011, 1, 1), function=Function.MANAGEMENT), worker("T", date(2014, 1, 1))],
                     monthly("T", Month(2015, 1), Month(2015, 12)), agrement=date(2011, 1, 1))
    result = compute_subsidies(ent, W2003, 2015, Report({"M": "not_target", "T": "target"}))
    assert result.lines == () and result.total == 0 and not result.complete
    assert [u.subsidy for u in result.unknown] == ["target_worker", "social_accompaniment"]
    reason = result.unknown[0].reason.get("fr")
    assert "du 2015-01-01 au 2015-12-31" in reason and "2013-01-30" in reason and "ne connaît pas" in reason


def test_days_outside_the_regime_list_only_the_subsidies_that_could_be_due_there():
    """Agrément 2005-01-01, `ei subsidy --year 2013` under wallonie-2003 (valid to 2013-01-30, rules.md §1). The
    days 2013-01-31 … 2013-12-31 listed the manager subsidy « Non calculée », so the claim read incomplete for it.
    - manager: paid in agrément years 1–3 (subsidy.manager.amounts, §4.7), 2005-01-01 … 2007-12-31; those days
      are in agrément year 9 (2013-01-01 … 2013-12-31): it cannot be due, not listed;
    - degressive amounts: occupation years 1–4 (subsidy.target_worker.amounts). M, O, hired 2005-01-01, are in
      year 9: none due; T, hired 2012-06-01, is in year 1 (to 2013-05-31) then 2 — listed while T is employed,
      not listed once T is gone (exit 2012-12-31);
    - social accompaniment (33 000 €/FTE, no year limit): listed.
    Agrément 2012-03-01 instead: year 1 runs to 2013-02-28, so the manager subsidy could be due on those days —
    but the 2012 reform abolished it from 2013-01-31 (`test_the_abolished_manager_subsidy_is_nothing_due_not_unknown`):
    not listed either."""
    staff = [worker("M", date(2005, 1, 1), function=Function.MANAGEMENT), worker("O", date(2005, 1, 1))]
    pays = monthly("M", Month(2012, 1), Month(2013, 12)) + monthly("O", Month(2012, 1), Month(2013, 12))
    report = Report({"M": "not_target", "O": "target", "T": "target"})
    with_t = compute_subsidies(enterprise([*staff, worker("T", date(2012, 6, 1))], pays, agrement=date(2005, 1, 1)),
                               W2003, 2013, report)
    assert [u.subsidy for u in with_t.unknown] == ["target_worker", "social_accompaniment"]
    assert all("du 2013-01-31 au 2013-12-31" in u.reason.get("fr") for u in with_t.unknown)
    gone = compute_subsidies(enterprise([*staff, worker("T", date(2012, 6, 1), exit=date(2012, 12, 31))], pays,
                                        agrement=date(2005, 1, 1)), W2003, 2013, report)
    assert [u.subsidy for u in gone.unknown] == ["social_accompaniment"]
    recent = compute_subsidies(enterprise(staff, pays, agrement=date(2012, 3, 1)), W2003, 2013, report)
    assert [u.subsidy for u in recent.unknown] == ["social_accompaniment"]


def test_the_abolished_manager_subsidy_is_nothing_due_not_unknown():
    """rules.md §0 #2 and §3.7: the 2012 reform (décret du 19.12.2012, in force 2013-01-31) ABOLISHED the 2003
    manager subsidy and ended the degressivity of the per-worker amounts. Agrément 2010-06-01 under wallonie-2003
    (valid to 2013-01-30), `ei subsidy --year 2013`: agrément year 3 = 2012-06-01 … 2013-05-31 (365 days,
    7 000 €) meets the days after the regime. They listed the manager subsidy « Non calculée … ei ne connaît pas
    le régime alors en vigueur » (claim incomplete for it). Now: its line for 2013-01-01 … 01-30 as ever,
    7 000 × 30 / 365 = 575,342 → 575,34 €; for 2013-01-31 … 12-31 nothing is due, and that is known: no
    `unknown` entry, a note citing `subsidy.manager.abolished_from` (its date and Alter Échos, rules.md's
    source). The per-worker amounts stay unknown for those days (a per-worker subsidy existed under the 2012
    regime, its amounts unknown to ei), and the accompaniment too."""
    agr = date(2010, 6, 1)
    boss = worker("D", agr, function=Function.MANAGEMENT)
    report = Report({"D": "not_target", "T": "target", "A": "not_target"})
    staff = [boss, worker("T", date(2012, 6, 1)), worker("A", agr, function=Function.SOCIAL_ACCOMPANIMENT)]
    result = compute_subsidies(enterprise(staff, agrement=agr), W2003, 2013, report)
    (line,) = lines_of(result, "manager")
    assert (line.basis["start"], line.basis["end"], line.amount) == (date(2013, 1, 1), date(2013, 1, 30),
                                                                     D("575.34"))
    assert [u.subsidy for u in result.unknown] == ["target_worker", "social_accompaniment"]
    (note,) = [n for n in result.notes if n.fr.startswith("Chef d'entreprise : ")]
    assert note.fr.startswith("Chef d'entreprise : rien n'est dû du 2013-01-31 au 2013-12-31. Subvention au chef "
                              "d'entreprise supprimée par la réforme wallonne de 2012")
    assert "le 2013-01-31 (Alter Échos, « Nouveau décret pour les entreprises d'insertion » (2013))" in note.fr
    assert note.en.startswith("Manager: nothing is due from 2013-01-31 to 2013-12-31. Manager subsidy abolished")
    value = W2003.value("subsidy.manager.abolished_from", date(2013, 1, 31))
    assert value.value == date(2013, 1, 31) and value.confidence == "secondary"


def test_an_agrement_before_the_2003_decree_keeps_its_2003_amounts_with_a_note():
    """Agrément 2002-10-01, under the 1998 decree: wallonie-2003 applies from 2004-01-01 (rules.md §1), and
    rules.md says nothing of agréments granted before it (no transitional provision, no §9/§11 default).
    `ei subsidy --year 2004` computed its amounts, all claimable, without a word:
    - manager, agrément year 2 = 2003-10-01 … 2004-09-30 (366 days): 13 500 × 274 / 366 = 10 106,557 →
      10 106,56 €; year 3 from 2004-10-01 (365 days): 7 000 × 92 / 365 = 1 764,384 → 1 764,38 €;
    - T (hired 2002-10-01, full time), occupation year 2: 3 750 × 274 / 366 = 2 807,377 → 2 807,38 €; year 3:
      2 500 × 92 / 365 = 630,137 → 630,14 €.
    The amounts and claimability stay (nothing says otherwise). The manager subsidy, counted in agrément years
    from date_agrement, says the agrément predates the regime's text (décret du 18 décembre 2003,
    agrement.regime_text_date) and that whether its amounts apply is not established. The degressive amounts
    are counted in occupation years from each hire, not from the agrément: they carried the note too (premise
    changed: the reading hangs on agrément years), no longer. An agrément of 2003-12-20 — after the decree, before
    its 2004-01-01 start — or of 2004-01-01 gets no such note."""
    staff = [worker("M", date(2002, 10, 1), function=Function.MANAGEMENT), worker("T", date(2002, 10, 1))]
    pays = monthly("M", Month(2004, 1), Month(2004, 12), cost="6000") + monthly("T", Month(2004, 1), Month(2004, 12))
    report = Report({"M": "not_target", "T": "target"})
    result = compute_subsidies(enterprise(staff, pays, agrement=date(2002, 10, 1)), W2003, 2004, report)
    amounts = [(x.subsidy, x.amount) for x in result.lines]
    assert amounts == [("target_worker", D("2807.38")), ("target_worker", D("630.14")), ("manager", D("10106.56")),
                       ("manager", D("1764.38"))]
    said = "Agrément du 2002-10-01, antérieur au texte du régime wallonie-2003 (du 2003-12-18)"
    for line in lines_of(result, "manager"):
        assert line.claimable and any(n.fr.startswith(said) and "n'est pas établi" in n.fr for n in line.notes)
        assert any("application de ses montants non établie" in r.text.fr for r in line.reasons)
    for line in lines_of(result, "target_worker"):
        assert line.claimable and not any("antérieur au" in n.fr for n in line.notes)
    for agreed in (date(2003, 12, 20), date(2004, 1, 1)):
        later = compute_subsidies(enterprise(staff, pays, agrement=agreed), W2003, 2004, report)
        assert lines_of(later, "manager") and not any("antérieur au" in n.fr for line in later.lines
                                                      for n in line.notes)


def _brussels_three_and_a_supervisor(hired: date, year: int):
    """T1–T3 (target) and E (encadrement, not target) hired on ``hired``, full time, paid every month of
    ``year``: the staff, their Paie rows and their statuses."""
    staff = [worker(f"T{i}", hired) for i in (1, 2, 3)] + [worker("E", hired, function=Function.SUPERVISION)]
    pays = [p for w in staff for p in monthly(w.worker_id, Month(year, 1), Month(year, 12))]
    return staff, pays, Report({"T1": "target", "T2": "target", "T3": "target", "E": "not_target"})


def test_a_brussels_agrement_before_the_2004_ordinance_says_so_on_its_supervision_lines_only():
    """bruxelles-2004: ordinance of 18.03.2004 (agrement.regime_text_date), financing from 2005-01-01
    (valid_from). Agrément 2004-06-01, T1–T3 target and E encadrement hired that day, `ei subsidy --year 2005`:
    every line (degressive, accompaniment, supervision) said « antérieur au régime bruxelles-2004 », the
    agrément preceding 2005-01-01 — but it follows the ordinance: no note. Agrément 2004-03-01, before the
    ordinance: the supervision subsidy, granted in agrément years 1 to 4 counted from date_agrement, says so on
    each of its lines; the accompaniment tranches (no year count) and the degressive amounts (occupation years)
    do not."""
    staff, pays, report = _brussels_three_and_a_supervisor(date(2004, 3, 1), 2005)

    def noted(agreed):
        result = compute_subsidies(enterprise(staff, pays, agrement=agreed, region=Region.BRUXELLES), B2004, 2005,
                                   report)
        return sorted({x.subsidy for x in result.lines if any("antérieur au" in n.fr for n in x.notes)}), result

    assert noted(date(2004, 6, 1))[0] == []
    subsidies, result = noted(date(2004, 3, 1))
    assert subsidies == ["supervision"] and all(
        any(n.fr.startswith("Agrément du 2004-03-01, antérieur au texte du régime bruxelles-2004 (du 2004-03-18)")
            for n in x.notes) for x in lines_of(result, "supervision"))


def test_an_agrement_before_the_regime_is_noted_only_where_an_amount_is_computed():
    """Agrément 2003-03-01 in Brussels, before the ordinance of 18.03.2004 (agrement.regime_text_date):
    `ei subsidy --year 2008` covers agrément years 5 (2007-03-01 … 2008-02-29) and 6; the supervision subsidy is
    granted in years 1 to 4 only (subsidy.supervision.years, rules.md §5.7): nothing is computed, and the run's
    notes said « Encadrement : rien en année d'agrément 5 » then « antérieur au texte … montant calculé selon ce
    régime, à faire confirmer » for an amount that does not exist — while the Walloon manager subsidy (years 1–3,
    §4.7) of an agrément of 2002-10-01 (before the decree of 2003-12-18) said nothing in 2006 (years 4–5). One
    behaviour: a year that gets nothing says so as it always did, without the note."""
    staff, pays, report = _brussels_three_and_a_supervisor(date(2003, 3, 1), 2008)
    late = compute_subsidies(enterprise(staff, pays, agrement=date(2003, 3, 1), region=Region.BRUXELLES), B2004,
                             2008, report)
    assert not lines_of(late, "supervision")
    assert [n.fr for n in late.notes] == ["Encadrement : rien en année d'agrément 5 (octroyé pendant 4 ans).",
                                          "Encadrement : rien en année d'agrément 6 (octroyé pendant 4 ans)."]
    assert not any("antérieur au" in n.fr for line in late.lines for n in line.notes)
    staff = [worker("M", date(2002, 10, 1), function=Function.MANAGEMENT), worker("T", date(2002, 10, 1))]
    pays = monthly("M", Month(2006, 1), Month(2006, 12), cost="6000") + monthly("T", Month(2006, 1), Month(2006, 12))
    manager = compute_subsidies(enterprise(staff, pays, agrement=date(2002, 10, 1)), W2003, 2006,
                                Report({"M": "not_target", "T": "target"}))
    assert not lines_of(manager, "manager") and not any("antérieur au" in n.fr for n in manager.notes)


def test_days_under_bruxelles_2004_list_its_supervision_subsidy_only_in_agrement_years_1_to_4():
    """Agrément 2010-03-01 in Brussels, `ei subsidy --year 2019`: bruxelles-2018 applies from 2019-02-01, the days
    2019-01-01 … 2019-01-31 are bruxelles-2004's. Its supervision subsidy is granted in agrément years 1 to
    subsidy.supervision.years = 4 (rules.md §5.7); those days are in agrément year 9 (2018-03-01 … 2019-02-28):
    it cannot be due, not listed « Non calculée … relancez avec --regime bruxelles-2004 » (which then says
    « rien en année d'agrément 9 »). The social-accompaniment subsidy (no year limit) stays listed. Agrément
    2015-03-01 instead: year 4 runs 2018-03-01 … 2019-02-28, so the supervision subsidy stays listed too."""
    staff, pays, report = _brussels_three_and_a_supervisor(date(2010, 3, 1), 2019)

    def outside(agrement):
        result = compute_subsidies(enterprise(staff, pays, agrement=agrement, region=Region.BRUXELLES), B2018, 2019,
                                   report)
        return [u.subsidy for u in result.unknown if u.regime == "bruxelles-2004"]

    assert outside(date(2010, 3, 1)) == ["social_accompaniment"]
    assert outside(date(2015, 3, 1)) == ["social_accompaniment", "supervision"]


def test_a_year_a_regime_ends_in_is_claimed_up_to_its_last_day():
    """2013 under wallonie-2003 (valid to 2013-01-30), agrément 2011-01-01: 2013 is agrément year 3,
    manager amount 7 000 €/year, claimed for 2013-01-01 … 2013-01-30 only: 7 000 × 30 / 365 =
    575,342 → 575,34 €; the days from 2013-01-31 are unknown for each subsidy."""
    ent = enterprise([worker("M", date(2011, 1, 1), function=Function.MANAGEMENT)],
                     monthly("M", Month(2011, 1), Month(2013, 12)), agrement=date(2011, 1, 1))
    result = compute_subsidies(ent, W2003, 2013, Report({"M": "not_target"}))
    (line,) = lines_of(result, "manager")
    assert line.amount == D("575.34") and line.basis["agrement_year"] == 3
    assert result.claim_period.to_dict() == {"start": "2013-01-01", "end": "2013-01-30"}
    assert all("du 2013-01-31 au 2013-12-31" in u.reason.get("fr") for u in result.unknown)


def test_days_before_a_regime_starts_are_not_claimed_under_it():
    """2017 under wallonie-2016 (applicable from 2017-06-30): a TD hired 2017-01-02, full time,
    wage cost 4 000 €/month: only the months from 2017-06-30 count — June: 1 day of 30 → 1/30 = 0,0333
    FTE-month (4 places), 1 500 × 0,0333 = 49,95 (half the wage cost 2 000 × 1/30 = 66,67 is higher); July –
    December 6 × 1 500 = 9 000 → 9 049,95 €; 2017-01-01 … 2017-06-29 unknown."""
    ent = enterprise([worker("T", date(2017, 1, 2))], monthly("T", Month(2017, 1), Month(2017, 12)),
                     agrement=date(2016, 1, 1))
    result = compute_subsidies(ent, W2016, 2017, Report({"T": "TD"}))
    assert result.totals["target_worker"] == D("9049.95")
    assert all("du 2017-01-01 au 2017-06-29" in u.reason.get("fr") for u in result.unknown)


def test_days_under_the_next_regime_name_it():
    """2019 under bruxelles-2004 (forced; valid to 2019-01-31): from 2019-02-01 the region's
    bruxelles-2018 is in force, and the unknown days say so — under that regime's own subsidy (the mandate
    compensation), not under bruxelles-2004's three, which those days cannot carry."""
    ent = enterprise([worker("E", date(2015, 1, 1), function=Function.SUPERVISION)], agrement=date(2015, 1, 1),
                     region=Region.BRUXELLES)
    result = compute_subsidies(ent, B2004, 2019, Report({"E": "not_target"}))
    assert [u.subsidy for u in result.unknown] == ["compensation"]
    assert all("--regime bruxelles-2018" in u.reason.get("fr") for u in result.unknown)


def test_brussels_2018_is_unknown_plainly():
    ent = enterprise([worker("T", date(2021, 1, 1))], agrement=date(2020, 1, 1), region=Region.BRUXELLES)
    result = compute_subsidies(ent, B2018, 2022, Report({"T": "target"}))
    assert result.lines == () and result.total == 0 and not result.complete
    assert result.unknown[0].subsidy == "compensation"
    # In words, not by the rules.md id the administration cannot look up (« D7 »).
    assert result.unknown[0].reason.fr == ("Non calculée, faute de formule connue pour le régime bruxelles-2018 "
                                           "(texte non trouvé)."), result.unknown[0].reason.fr
    assert "D7" not in result.unknown[0].reason.en


def test_year_before_agrement_gives_nothing():
    ent = enterprise([worker("A", date(2019, 1, 1))], agrement=date(2020, 1, 1))
    result = compute_subsidies(ent, W2003, 2019, Report({"A": "target"}))
    assert result.lines == () and result.notes


# ------------------------------------------------------------------------------------ properties
dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2024, 12, 31))
etps = st.sampled_from(["0.5", "0.8", "1"])


@settings(max_examples=40, deadline=None)
@given(hire=dates, stay=st.integers(30, 3000), etp=etps, year=st.integers(2018, 2025),
       cost=st.integers(1000, 6000), category=st.sampled_from(["TD", "TGD"]))
def test_amounts_nonnegative_and_total_is_sum_of_lines(hire, stay, etp, year, cost, category):
    exit_ = hire + timedelta(days=stay)
    pays = monthly("A", Month.of(hire), Month.of(exit_), etp, str(cost))
    ent = enterprise([worker("A", hire, exit=exit_, fte=etp)], pays, agrement=date(2016, 1, 1))
    for regime, cat in ((W2016, category), (W2003, "target")):
        result = compute_subsidies(ent, regime, year, Report({"A": cat}))
        assert all(x.amount is None or x.amount >= 0 for x in result.lines)
        assert result.total == sum((x.amount for x in result.lines if x.claimable), D(0))
        assert result.total == sum(result.totals.values(), D(0))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.dates(min_value=date(2024, 3, 1), max_value=date(2024, 4, 15)),
                          st.one_of(st.none(), st.integers(330, 400))), min_size=10, max_size=44))
def test_sieg_pieces_of_one_agrement_year_share_one_bracket(staff):
    """Q8: the two calendar pieces of agrément year 1 (2024-03-01 … 2025-02-28, Paie known to 2025-12)
    get the same average and the same bracket, so they add up to the year's rate within a cent per line
    (306 + 59 = 365 days). Drawn so that a bracket is always reached and no ceiling binds: 10 to 44 TD,
    each employed at least 365 − 45 = 320 days of the year → average ≥ 10 × 320 / 365 = 8,77 ≥ 8, and
    < 45 (25 000 or 50 000 €); the accompanier's 1 FTE at 5 000 €/month gives ceilings of 60 000 × 1,15
    = 69 000 € for the year and 11 500 € for Jan–Feb, above 50 000 and 50 000 × 59 / 365 = 8 082,19 €.
    (As first drawn, with any hire date and 0–30 TD, no example reached a bracket: 0 + 0 was checked.)"""
    tds = [(f"T{i:02d}", hire, None if stay is None else hire + timedelta(days=stay)) for i, (hire, stay) in enumerate(staff)]
    ent, report = _sieg_year_enterprise(tds)
    (a,) = [x for x in lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")]
    b = [x for x in lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")
         if x.basis["agrement_year"] == 1][0]
    assert a.basis["rate"] in (25000, 50000)
    assert a.basis["target_workers"] == b.basis["target_workers"] and a.basis["rate"] == b.basis["rate"]
    assert abs(a.amount + b.amount - a.basis["rate"]) <= D("0.02")


@settings(max_examples=40, deadline=None)
@given(hire=st.dates(min_value=date(2004, 1, 1), max_value=date(2010, 12, 31)), etp=etps)
def test_splitting_an_occupation_year_never_changes_the_sum_by_more_than_a_cent_per_line(hire, etp):
    """A full occupation year k (k = 2) split across two calendar years: the two lines add up to
    the annual rate × etp within 1 cent per line (inside wallonie-2003's validity, 2004 – 2013-01-30)."""
    ent = enterprise([worker("A", hire, fte=etp)], monthly("A", Month.of(hire), Month(2012, 12), etp),
                     agrement=W2003.valid_from)
    report = Report({"A": "target"})
    year_2 = anniversary_year(hire, 2)
    parts = []
    for y in {year_2.start.year, year_2.end.year}:
        parts += [x for x in lines_of(compute_subsidies(ent, W2003, y, report), "target_worker")
                  if x.basis["occupation_year"] == 2]
    expected = D(3750) * D(etp)
    assert abs(sum(x.amount for x in parts) - expected) <= D("0.01") * len(parts)


def test_half_time_accompanier_hired_mid_month_with_a_formula_etp_meets_the_half_time():
    """A half-time accompanier hired 2019-04-17, whose April Paie etp is the spreadsheet formula
    =0,5*14/30, read at 15 significant digits as 0,233333333333333. Spread back over the 14 days
    employed: 0,233333333333333 × 30 / 14 = 0,49999999999999928…, which fell under the half-time
    minimum of the first SIEG bracket, so the line was 0 €. Kept to 10 decimals it is 0,5000000000:
    exactly one half-time.

    Agrément 2019-04-17 → year 1 = 2019-04-17 … 2020-04-16 (366 days, 29/02/2020 inside); 10 TD full
    time from 2019-04-17 (average 10 ≥ 8 → 25 000 € a year); 2019 part: 2019-04-17 … 2019-12-31 =
    14 + 31+30+31+31+30+31+30+31 = 259 days → 25 000 × 259 / 366 = 17 691,256… → 17 691,26 €.
    Ceiling not binding: accompanier wage cost 10 000 €/month, at most 0,5 FTE subsidisable → far above
    17 691,26 €."""
    hire = date(2019, 4, 17)
    workers = [worker(f"T{i}", hire) for i in range(10)]
    workers.append(worker("ACC", hire, fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT))
    pays = [PayMonth("ACC", Month(2019, 4), D("0.233333333333333"), D("1000"), D("10000"))]
    pays += monthly("ACC", Month(2019, 5), Month(2020, 12), "0.5", "10000")
    report = Report({**{f"T{i}": "TD" for i in range(10)}, "ACC": "not_target"})
    result = compute_subsidies(enterprise(workers, pays, agrement=hire), W2016, 2019, report)
    (line,) = lines_of(result, "social_accompaniment")
    assert line.basis["accompanier_fte_year"] == D("0.5")
    assert line.basis["bracket_min"] == 8
    assert line.amount == D("17691.26")


def _sieg_half_timer_enterprise(agrement, last_paid, cost, costs=None, hired=None):
    """10 TD employed since 2023-01-01 (their TD/TGD windows long over: no line of theirs) and a half-time
    accompanier ACC from ``agrement`` (or ``hired``), wage cost ``cost`` a month (``costs``: {Month: cost}
    exceptions), Paie to ``last_paid``."""
    ws = [worker(f"T{i}", date(2023, 1, 1)) for i in range(10)]
    ws.append(worker("ACC", hired or agrement, fte="0.5", function=Function.SOCIAL_ACCOMPANIMENT))
    pays = [replace(p, wage_cost=D((costs or {}).get(p.month, cost)))
            for p in monthly("ACC", Month.of(hired or agrement), last_paid, "0.5", cost)]
    report = Report({**{f"T{i}": "TD" for i in range(10)}, "ACC": "not_target"})
    return enterprise(ws, pays, agrement=agrement), report


def test_sieg_ceiling_is_the_agrement_years_and_its_calendar_parts_add_up_to_it():
    """rules.md §3.6: the annual amount covers the accompanier's wage cost + 15 % operating costs; the bracket
    and the staffing are the agrément year's (Q8), and so is the ceiling now.

    Agrément year 1 = 2024-07-01 … 2025-06-30 = 365 days: 2024 part 184 days, 2025 part 181 days. 10 TD → ≥ 8,
    25 000 € a year; ACC 0,5 FTE = the bracket's maximum, all of the cost counts.
    Cost: 2024: 5 × 1 700 + 3 400 = 11 900; 2025: 6 × 1 700 = 10 200; year 22 100 × 1,15 = 25 415 ≥ 25 000.
    Each part: min(25 000 × days / 365, 25 415 × its share of the accompaniment): the accompanier at a
    constant 0,5 FTE, the share of FTE-days is that of days (181 × 0,5 = 90,5 of 365 × 0,5 = 182,5):
      2024: 25 000 × 184 / 365 = 12 602,739… → 12 602,74 € (ceiling 25 415 × 184 / 365 = 12 811,95);
      2025: 25 000 × 181 / 365 = 12 397,260… → 12 397,26 € (ceiling 25 415 × 181 / 365 = 12 603,05);
      together 25 000,00 € = min(25 000, 25 415).
    The old code capped each part by its own cost: 2025 part 10 200 × 1,15 = 11 730 €, 24 332,74 € for the
    year, 667,26 € lost at the seam because the bonus fell in December."""
    ent, report = _sieg_half_timer_enterprise(date(2024, 7, 1), Month(2025, 6), "1700", {Month(2024, 12): "3400"})
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    (l25,) = [x for x in lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")
              if x.basis["agrement_year"] == 1]
    assert (l24.basis["days"], l25.basis["days"], l24.basis["year_days"]) == (184, 181, 365)
    assert l24.amount == D("12602.74") and l25.amount == D("12397.26")
    assert l24.amount + l25.amount == D("25000.00")
    for line in (l24, l25):
        assert line.claimable and line.basis["provisional"] is False
        assert (line.basis["ceiling_start"], line.basis["ceiling_end"]) == (date(2024, 7, 1), date(2025, 6, 30))
        assert line.basis["ceiling_wage_cost"] == D("22100.00") and line.basis["ceiling_total"] == D("25415.00")
    assert l24.basis["ceiling"] == D("12811.95") and l25.basis["ceiling"] == D("12603.05")
    # The share is recomputable from basis: 25 415 × 90,5 ÷ 182,5 = 12 603,05 (half-time: 181 and 365 days × 0,5).
    assert (l25.basis["accompanier_fte_days"], l25.basis["ceiling_fte_days"]) == (D("90.5"), D("182.5"))
    assert (l25.basis["ceiling_total"] * l25.basis["accompanier_fte_days"] / l25.basis["ceiling_fte_days"]
            ).quantize(D("0.01")) == l25.basis["ceiling"]
    assert l24.basis["accompanier_wage_cost"] == D("11900.00") and l25.basis["accompanier_wage_cost"] == D("10200.00")
    (reason,) = [r for r in l25.reasons if r.parameter == "subsidy.social_accompaniment.operating_costs_share"]
    assert reason.text.fr == ("Plafond : coût salarial des accompagnateurs du 2024-07-01 au 2025-06-30 (22 100,00 €) "
                              "+ 15,0 % = 25 415,00 €, au prorata de l'accompagnement de la partie : × 90,50 / 182,50 "
                              "ETP-jours = 12 603,05 €.")
    assert any(r.parameter == "subsidy.social_accompaniment.ceiling_period" and r.confidence == "inferred"
               for r in l25.reasons)


def test_sieg_ceiling_total_is_rounded_to_the_cent_before_the_parts_share():
    """rules.md §3.6 (wage cost + 15 % operating costs): ``_sieg_half_timer_enterprise`` at 1 700,03 € a month,
    agrément 2024-07-01, Paie to 2025-06. Agrément year 1's cost 12 × 1 700,03 = 20 400,36 €; + 15 % =
    23 460,414 → ceiling_total 23 460,41 € (money in the JSON to the cent, spec/cli.md), and the 2024 part's share
    computed on that figure: 184 days × 0,5 = 92 of 365 × 0,5 = 182,5 FTE-days, 23 460,41 × 92 ÷ 182,5 =
    11 826,6177 → 11 826,62 € — recomputable from the JSON."""
    ent, report = _sieg_half_timer_enterprise(date(2024, 7, 1), Month(2025, 6), "1700.03")
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    b = l24.basis
    assert (b["ceiling_wage_cost"], b["ceiling_total"]) == (D("20400.36"), D("23460.41"))
    assert (b["accompanier_fte_days"], b["ceiling_fte_days"], b["ceiling"]) == (D("92"), D("182.5"), D("11826.62"))
    assert (b["ceiling_total"] * b["accompanier_fte_days"] / b["ceiling_fte_days"]).quantize(D("0.01")) == b["ceiling"]


def test_sieg_ceiling_share_prints_the_parts_fte_days_to_four_places():
    """``_sieg_half_timer_enterprise`` with the agrément on 2024-07-15 and ACC hired 2024-07-02, Paie to 2025-07:
    July paid 0,5 over its 30 days employed, 0,5 × 31 ÷ 30 = 0,516667 a day. The 2024 part (2024-07-15 …
    2024-12-31): 17 July days × 0,516667 + 153 days (August–December) × 0,5 = 8,7833 + 76,5 = 85,2833 FTE-days;
    the ceiling's year 2024-07-15 … 2025-07-14 adds 195 days × 0,5 = 97,5: 182,7833. The reason prints both as
    computed, to 4 places (``basis_figure``): « × 85,2833 / 182,7833 ETP-jours » (``number_text`` gave 85,28)."""
    ent, report = _sieg_half_timer_enterprise(date(2024, 7, 15), Month(2025, 7), "1700", hired=date(2024, 7, 2))
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert (l24.basis["accompanier_fte_days"], l24.basis["ceiling_fte_days"]) == (D("85.2833"), D("182.7833"))
    (reason,) = [r for r in l24.reasons if r.parameter == "subsidy.social_accompaniment.operating_costs_share"]
    assert "au prorata de l'accompagnement de la partie : × 85,2833 / 182,7833 ETP-jours" in reason.text.fr
    assert "pro rata of the part's accompaniment: × 85.2833 / 182.7833 FTE-days" in reason.text.en


def _ten_td_and_an_accompanier(acc_exit: date, td_paid_to: Month, acc_extra=()):
    """Agrément 2024-07-01 (the enterprise and its statuses): T0–T9 (TD) full time from 2023, 2 000 €/month,
    paid 2024-07 … ``td_paid_to``; ACC (accompagnement_social) full time from the agrément to ``acc_exit``,
    3 000 €/month paid 2024-07 … 2024-12, then the ``acc_extra`` Paie rows."""
    agr = date(2024, 7, 1)
    ws = [worker(f"T{i}", date(2023, 1, 1)) for i in range(10)]
    ws.append(worker("ACC", agr, exit=acc_exit, function=Function.SOCIAL_ACCOMPANIMENT))
    pays = monthly("ACC", Month(2024, 7), Month(2024, 12), cost="3000") + list(acc_extra)
    pays += [p for i in range(10) for p in monthly(f"T{i}", Month(2024, 7), td_paid_to, cost="2000")]
    return enterprise(ws, pays, agrement=agr), Report({**{f"T{i}": "TD" for i in range(10)}, "ACC": "not_target"})


def test_sieg_part_without_an_accompanier_gets_nothing_to_cover():
    """rules.md §3.6: the SIEG subsidy covers the accompanier's wage cost + 15 % operating costs. Agrément
    2024-07-01, year 1 = 2024-07-01 … 2025-06-30 (365 days); 10 TD full time throughout → ≥ 8, 25 000 € a year.
    ACC full time 2024-07-01 … 2024-12-31 only, 3 000 €/month: mean FTE over the year 184 / 365 = 0,5041 (4
    places, as printed) ≥ the half-time minimum; the bracket's 0,5 FTE maximum limits the year's cost 6 × 3 000
    = 18 000 to 18 000 × 0,50 / 0,5041 = 17 853,60 €; × 1,15 → ceiling 20 531,64 €, shared by the accompaniers'
    FTE-days: all 184 of them in the 2024 part.
      2024 part (184 days): min(25 000 × 184 / 365 = 12 602,74, 20 531,64 × 184 / 184) = 12 602,74 €;
      2025 part (181 days): no accompanier employed → nothing to cover, 0,00 € (0 FTE-days: no share of the
      ceiling; a ceiling shared by calendar days gave it 20 531,25 × 181 / 365 = 10 181,25 €, claimable, for
      no accompaniment at all).
    The 2025 claim is complete at 0 €: nothing is left to know."""
    ent, report = _ten_td_and_an_accompanier(date(2024, 12, 31), Month(2025, 6))
    (l24,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert l24.amount == D("12602.74") and l24.basis["ceiling_total"] == D("20531.64") and l24.claimable
    assert l24.basis["ceiling"] == D("20531.64")
    result = compute_subsidies(ent, W2016, 2025, report)
    l25 = lines_of(result, "social_accompaniment")[0]
    assert (l25.basis["agrement_year"], l25.basis["days"], l25.basis["bracket_min"]) == (1, 181, 8)
    assert l25.amount == 0 and l25.basis["ceiling"] == 0 and l25.claimable
    assert "Aucun accompagnateur social occupé : rien à couvrir." in [n.fr for n in l25.notes]
    assert not any("Plafonné" in n.fr for n in l25.notes)
    assert any("aucun travailleur de cette fonction sous contrat du 2025-01-01 au 2025-06-30" in r.text.fr
               and "0,00 € pour cette partie" in r.text.fr for r in l25.reasons)
    assert result.totals["social_accompaniment"] == 0 and result.complete


def test_sieg_year_in_progress_claims_the_days_paid_within_their_known_cost(monkeypatch):
    """The year in progress (rules.common.data_horizon): today 2026-11-30, Paie to 2026-10 → horizon 2026-10-31.
    Agrément 2025-03-01; 10 TD → ≥ 8, 25 000 € a year; ACC half-time (the bracket's 0,5 FTE), 1 000 €/month.

    Agrément year 1 = 2025-03-01 … 2026-02-28 (365 days), wholly paid: 12 × 1 000 × 1,15 = 13 800 € <
    25 000; 2026 part 59 days: min(25 000, 13 800) × 59 / 365 = 2 230,684… → 2 230,68 €.
    Agrément year 2 = 2026-03-01 … 2027-02-28 (365 days), its 2026 part claimed up to the horizon:
    2026-03-01 … 2026-10-31 = 245 days; bracket 25 000 × 245 / 365 = 16 780,82; known cost 8 × 1 000 = 8 000,
    × 1,15 = 9 200 over those 245 days → min(16 780,82, 9 200 × 245 / 245) = 9 200,00 €, provisional; the days
    2026-11-01 … 2026-12-31 are an `unknown` entry (nothing to fill in now): not complete.
    The old line ran to 2026-12-31: 25 000 × 306 / 365 = 20 958,90 € claimable, « plafond non vérifié »,
    complete, although the 8 months paid showed the ceiling binding.
    Judged on 2027-03-15 with Paie to 2027-02 (closed): 13 800 × 306 / 365 = 11 569,315… → 11 569,32 € ≥ 9 200:
    the advance claimed in the year in progress is not taken back (the old code took 20 958,90 − 11 500 back)."""
    from ei_cli import periods

    ent, report = _sieg_half_timer_enterprise(date(2025, 3, 1), Month(2026, 10), "1000")
    result = compute_subsidies(ent, W2016, 2026, report)
    y1, y2 = lines_of(result, "social_accompaniment")
    assert y1.amount == D("2230.68") and y1.claimable and y1.basis["ceiling_total"] == D("13800.00")
    assert (y2.basis["agrement_year"], y2.basis["start"], y2.basis["end"], y2.basis["days"]) == (
        2, date(2026, 3, 1), date(2026, 10, 31), 245)
    assert y2.amount == D("9200.00") and y2.claimable and y2.basis["provisional"] is True
    assert (y2.basis["ceiling_end"], y2.basis["ceiling_wage_cost"], y2.basis["ceiling"]) == (
        date(2026, 10, 31), D("8000.00"), D("9200.00"))
    assert any(n.fr.startswith("Partie réclamée jusqu'au 2026-10-31 (année en cours, paie connue jusqu'au "
                               "2026-10-31)") for n in y2.notes)
    (to_come,) = result.unknown
    assert to_come.subsidy == "social_accompaniment" and to_come.missing == ()
    assert to_come.reason.fr.startswith("Année d'agrément 2, du 2026-11-01 au 2026-12-31 : après le 2026-10-31 "
                                        "(année en cours, paie connue jusqu'au 2026-10-31)")
    assert result.total == D("11430.68") and not result.complete
    monkeypatch.setattr(periods, "today", lambda: date(2027, 3, 15))
    closed, _ = _sieg_half_timer_enterprise(date(2025, 3, 1), Month(2027, 2), "1000")
    result = compute_subsidies(closed, W2016, 2026, report)
    _, y2 = lines_of(result, "social_accompaniment")
    assert (y2.basis["end"], y2.amount, y2.basis["provisional"]) == (date(2026, 12, 31), D("11569.32"), False)
    assert result.complete and result.total == D("13800.00")


def test_a_payroll_entered_ahead_is_claimed_up_to_the_current_month_only(monkeypatch):
    """Audit plausibility 1: a Paie row of a month starting after today pays a month not begun
    (``rules.common.paid_to``). Judged on the tests' day 2026-11-30, Paie typed to 2026-12.
    SIEG: agrément 2025-03-01, 10 TD → ≥ 8, 25 000 € a year; ACC half-time at 5 000 €/month (the ceiling never
    binds). Agrément year 2 = 2026-03-01 … 2027-02-28 (365 days), its 2026 part claimed up to the end of the
    current month: 2026-03-01 … 2026-11-30 = 275 days, 25 000 × 275 / 365 = 18 835,616… → 18 835,62 €, and
    2026-12-01 … 12-31 is to come (an `unknown` entry): not complete. It read 25 000 × 306 / 365 = 20 958,90 €,
    `complete`, December claimed before it began.
    TGD G hired 2026-01-01, full time, cost 4 000 (half 2 000 > cap 1 500): 11 × 1 500 = 16 500,00 € for
    January–November, December to come; it read 12 × 1 500 = 18 000,00 €.
    On 2026-12-10 December is the current month, and a current payroll's last month counts (the base reading):
    the whole year, 20 958,90 € and 18 000,00 €, complete."""
    from ei_cli import periods

    ent, report = _sieg_half_timer_enterprise(date(2025, 3, 1), Month(2026, 12), "5000")
    result = compute_subsidies(ent, W2016, 2026, report)
    _, y2 = lines_of(result, "social_accompaniment")
    assert (y2.basis["start"], y2.basis["end"], y2.basis["days"], y2.amount) == (
        date(2026, 3, 1), date(2026, 11, 30), 275, D("18835.62"))
    assert (y2.basis["target_workers_end"], y2.basis["provisional"]) == (date(2026, 11, 30), True)
    assert any(n.fr.startswith("Partie réclamée jusqu'au 2026-11-30 (fin du mois en cours, année en cours, paie "
                               "saisie d'avance jusqu'au 2026-12-31)") for n in y2.notes)
    (to_come,) = result.unknown
    assert to_come.reason.fr.startswith("Année d'agrément 2, du 2026-12-01 au 2026-12-31 : après le 2026-11-30")
    assert to_come.missing == () and not result.complete

    tgd = enterprise([worker("G", date(2026, 1, 1))], monthly("G", Month(2026, 1), Month(2026, 12)))
    result = compute_subsidies(tgd, W2016, 2026, Report({"G": "TGD"}))
    (line,) = lines_of(result, "target_worker")
    assert (line.basis["end"], line.amount) == (date(2026, 11, 30), D("16500.00")) and not result.complete
    assert [u.reason.en for u in result.unknown if u.subsidy == "target_worker"] == [
        "Months after 2026-11-30 (end of the current month, year in progress, payroll entered ahead up to "
        "2026-12-31): to compute with their payroll."]

    monkeypatch.setattr(periods, "today", lambda: date(2026, 12, 10))
    result = compute_subsidies(ent, W2016, 2026, report)
    assert lines_of(result, "social_accompaniment")[1].amount == D("20958.90") and result.complete
    result = compute_subsidies(tgd, W2016, 2026, Report({"G": "TGD"}))
    assert lines_of(result, "target_worker")[0].amount == D("18000.00") and result.complete


def test_a_claim_not_begun_with_its_payroll_entered_ahead_waits_for_its_months():
    """A claimed year not begun (2027, on the tests' day 2026-11-30) whose payroll was typed ahead (Paie to
    2027-03) has nothing claimable yet (``paid_to``: the horizon is 2026-11-30, before the claim): TGD G hired
    2026-06-01 (window to 2028-05-31) has no 2027 line, only an entry saying the claim begins after the current
    month. It read 3 × 1 500 = 4 500,00 € for January–March 2027, and « Période réclamée postérieure au dernier
    mois de paie » would be wrong of a payroll reaching into the claim; and « année en cours » of a year not
    begun (``horizon_text`` given the claim)."""
    ent = enterprise([worker("G", date(2026, 6, 1))], monthly("G", Month(2026, 6), Month(2027, 3)))
    result = compute_subsidies(ent, W2016, 2027, Report({"G": "TGD"}))
    assert lines_of(result, "target_worker") == [] and not result.complete
    (waiting,) = [u for u in result.unknown if u.subsidy == "target_worker"]
    assert waiting.reason.fr == (
        "Période réclamée commençant après le 2026-11-30 (fin du mois en cours, période pas encore commencée, paie "
        "saisie d'avance jusqu'au 2027-03-31) : ses mois ne sont pas encore commencés, à calculer avec leur paie "
        "une fois venus.")


def test_sieg_year_in_progress_a_part_on_the_horizon_day():
    """The year in progress (rules.common.data_horizon): judged on the tests' day 2026-11-30 (conftest), Paie to
    2026-10 → horizon 2026-10-31. 10 TD → ≥ 8, 25 000 € a year (§3.6); ACC half-time (the bracket's 0,5 FTE)
    all along at 5 000 €/month: the ceiling (cost × 1,15, 69 000 € a year) never binds.
    - Agrément 2024-10-31: agrément year 2 = 2025-10-31 … 2026-10-30 (365 days), its 2026 part 303 days:
      25 000 × 303 / 365 = 20 753,424… → 20 753,42 €; year 3 = 2026-10-31 … 2027-10-30 (365 days) begins ON the
      horizon: its part is claimed for that one day, 25 000 × 1 / 365 = 68,493… → 68,49 € (ceiling
      5 000 × 1 / 31 × 1,15 = 185,48 €), and 2026-11-01 … 2026-12-31 is an `unknown` entry.
    - Agrément 2024-11-01: agrément year 2 = 2025-11-01 … 2026-10-31 (365 days) ENDS on the horizon: its 2026
      part 2026-01-01 … 2026-10-31 = 304 days, 25 000 × 304 / 365 = 20 821,917… → 20 821,92 €, nothing of it to
      come; year 3 (2026-11-01 …) lies wholly after the horizon: its `unknown` entry alone."""
    ent, report = _sieg_half_timer_enterprise(date(2024, 10, 31), Month(2026, 10), "5000")
    result = compute_subsidies(ent, W2016, 2026, report)
    y2, y3 = lines_of(result, "social_accompaniment")
    assert (y2.basis["agrement_year"], y2.basis["days"], y2.amount) == (2, 303, D("20753.42"))
    assert (y3.basis["agrement_year"], y3.basis["start"], y3.basis["end"], y3.basis["days"]) == (
        3, date(2026, 10, 31), date(2026, 10, 31), 1)
    assert y3.amount == D("68.49") and y3.claimable
    (to_come,) = result.unknown
    assert to_come.reason.fr.startswith("Année d'agrément 3, du 2026-11-01 au 2026-12-31 : après le 2026-10-31")

    ent, report = _sieg_half_timer_enterprise(date(2024, 11, 1), Month(2026, 10), "5000")
    result = compute_subsidies(ent, W2016, 2026, report)
    (y2,) = lines_of(result, "social_accompaniment")
    assert (y2.basis["agrement_year"], y2.basis["start"], y2.basis["end"], y2.basis["days"]) == (
        2, date(2026, 1, 1), date(2026, 10, 31), 304)
    assert y2.amount == D("20821.92") and y2.claimable
    (to_come,) = result.unknown
    assert to_come.reason.fr.startswith("Année d'agrément 3, du 2026-11-01 au 2026-12-31 : après le 2026-10-31")


def test_sieg_accompanier_fte_of_a_calendar_part_is_the_parts_own():
    """basis.accompanier_fte is the accompaniers' FTE over the line's calendar part: its FTE-days ÷ its days.
    Agrément 2025-03-01 → agrément year 1 = 2025-03-01 … 2026-02-28 (365 days); ACC half-time all along
    (``_sieg_half_timer_enterprise``). The 2026 part, 2026-01-01 … 2026-02-28 = 59 days: 0,5 × 59 = 29,5
    FTE-days ÷ 59 = 0,5 FTE (÷ the year's 365 days it would read 0,0808); over the agrément year the bracket's
    staffing is 0,5 as well (accompanier_fte_year)."""
    ent, report = _sieg_half_timer_enterprise(date(2025, 3, 1), Month(2026, 10), "1000")
    y1 = lines_of(compute_subsidies(ent, W2016, 2026, report), "social_accompaniment")[0]
    assert (y1.basis["agrement_year"], y1.basis["days"], y1.basis["year_days"]) == (1, 59, 365)
    assert y1.basis["accompanier_fte"] == D("0.5") and y1.basis["accompanier_fte_year"] == D("0.5")


def test_sieg_provisional_note_gives_the_last_payroll_day_not_the_averaging_end():
    """Agrément 2024-03-01; 8 TD employed throughout; Paie known to 2025-06 only. Claim 2025, year 2
    piece 2025-03-01 … 2025-12-31: the average runs at least to the piece's end (8 ≥ 8 → 25 000 × 306 /
    365 = 20 958,90 €, provisional). The note said « paie connue jusqu'au 2025-12-31 » (the averaging
    end); the payroll is known to 2025-06-30, and the averaging runs 2025-03-01 … 2025-12-31."""
    ent, report = _sieg_year_enterprise([(f"T{i}", date(2024, 3, 1), None) for i in range(8)],
                                        last_paid=Month(2025, 6))
    y2 = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[1]
    assert y2.basis["agrement_year"] == 2 and y2.basis["provisional"] is True and y2.amount == D("20958.90")
    (note,) = [n.fr for n in y2.notes if "provisoire" in n.fr]
    assert "paie connue jusqu'au 2025-06-30" in note and "du 2025-03-01 au 2025-12-31" in note


def test_sieg_ceiling_period_reading_describes_the_days_the_ceiling_is_measured_on():
    """The line cites `subsidy.social_accompaniment.ceiling_period` for its ceiling's days; its description said
    « jusqu'au dernier mois de paie » for an agrément year not finished, but the days run at least to the end
    of the claimed part (the bracket's days, ``_bracket_window``). Agrément 2024-03-01, Paie to 2025-06, claim
    2025: year 2's part 2025-03-01 … 12-31 measures its ceiling from 2025-03-01 to 2025-12-31, past the last
    Paie month (2025-06-30), so its months 2025-07 … 12 lack their cost and the ceiling is unknown."""
    ent, report = _sieg_year_enterprise([(f"T{i}", date(2024, 3, 1), None) for i in range(8)],
                                        last_paid=Month(2025, 6))
    y2 = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[1]
    assert (y2.basis["ceiling_start"], y2.basis["ceiling_end"]) == (date(2025, 3, 1), date(2025, 12, 31))
    assert y2.basis["ceiling"] is None and not y2.claimable
    (reading,) = [r for r in y2.reasons if r.parameter == "subsidy.social_accompaniment.ceiling_period"]
    description = W2016.value("subsidy.social_accompaniment.ceiling_period", date(2025, 1, 1)).description
    assert "au moins jusqu'à la fin de la partie réclamée" in description
    assert "horizon des données" in description and "sans coût salarial le laisse inconnu" in description
    assert "une partie sans accompagnateur occupé ne reçoit rien" in description


def test_sieg_agrement_year_beyond_the_payroll_is_provisional_and_a_year_without_payroll_is_said():
    """Agrément 2024-03-01; 8 TD employed throughout (Personnel); Paie known to 2024-12 only. Claim 2026:
    agrément year 2 = 2025-03-01 … 2026-02-28, its part 2026-01-01 … 02-28: 8 ≥ 8 on the Personnel dates →
    25 000 × 59 / 365 = 4 041,096 → 4 041,10 €. No payroll month of year 2 is known, yet the old code
    stretched the average to the part's end (= the year's end) and called it final: `provisional` false,
    `complete` true. Now provisional (the payroll ends 2024-12-31, before 2026-02-28), and the claim,
    without a single Paie row in 2026, has an `unknown` entry saying so: not complete. With Paie to 2025-06,
    the 2025 claim has payroll: no such entry; nor has a claim where nobody is employed (no payroll due).
    Judged on 2026-11-30, 2026 is the year in progress with a payroll far behind (``data_horizon`` = the last
    month over, 2026-10-31): the months up to it without cout_salarial are missing, as for a TD/TGD line, so the
    line keeps its figure but is not claimable (it was, ceiling « non vérifié »), and November (still running)
    and December are to come.
    The 2025 claim with Paie to 2025-06 is a closed year: its months 2025-07 … 12 without cout_salarial are
    missing too (one rule for both calendar parts of an agrément year), so it now has that `unknown` entry —
    it had none while months after the last Paie month of a closed year left the ceiling « non vérifié »."""
    tds = [(f"T{i}", date(2024, 3, 1), None) for i in range(8)]
    ent, report = _sieg_year_enterprise(tds, last_paid=Month(2024, 12))
    result = compute_subsidies(ent, W2016, 2026, report)
    y2 = lines_of(result, "social_accompaniment")[0]
    assert (y2.basis["agrement_year"], y2.amount, y2.basis["target_workers_end"]) == (2, D("4041.10"), date(2026, 2, 28))
    assert y2.basis["provisional"] is True
    assert any("paie connue jusqu'au 2024-12-31" in n.fr and "provisoire" in n.fr for n in y2.notes)
    assert not y2.claimable and result.totals["social_accompaniment"] == 0
    unknowns = [u.reason.fr for u in result.unknown if u.subsidy == "social_accompaniment"]
    assert not result.complete
    assert unknowns[0].startswith("Aucune ligne de paie du 2026-01-01 au 2026-12-31 (paie connue jusqu'au "
                                  "2024-12-31)")
    assert any(u.startswith("Année d'agrément 2 : coût salarial des accompagnateurs (cout_salarial, feuille Paie) "
                            "inconnu pour 2025-03,") for u in unknowns)
    assert any(u.startswith("Année d'agrément 3, du 2026-11-01 au 2026-12-31 : après le 2026-10-31") for u in unknowns)
    ent_gone = replace(ent, workers=tuple(replace(w, exit_date=date(2024, 12, 31)) for w in ent.workers))
    assert compute_subsidies(ent_gone, W2016, 2026, report).unknown == ()   # nobody employed: no payroll expected
    ent_2025, _ = _sieg_year_enterprise(tds, last_paid=Month(2025, 6))
    unknowns_2025 = [u.reason.fr for u in compute_subsidies(ent_2025, W2016, 2025, report).unknown
                     if u.subsidy == "social_accompaniment"]
    assert not any(u.startswith("Aucune ligne de paie") for u in unknowns_2025)
    # 2025 is closed (judged 2026-11-30): its months after the last Paie month are missing, not to come.
    assert unknowns_2025 == ["Année d'agrément 2 : coût salarial des accompagnateurs (cout_salarial, feuille Paie) "
                             "inconnu pour 2025-07, 2025-08, 2025-09, 2025-10, 2025-11, 2025-12 : la subvention "
                             "couvre ce coût et les frais de fonctionnement, le montant n'en est que le plafond ; "
                             "non réclamable en l'état."]


def test_sieg_closed_year_payroll_stopping_early_is_missing_in_both_calendar_parts():
    """Agrément 2024-03-01; 8 TD employed throughout (Personnel); accompanier full time; Paie known to 2024-12
    only; judged 2026-11-30, so 2025 is a closed year whose payroll stops early (``data_horizon``: data missing,
    not to come). Agrément year 2 = 2025-03-01 … 2026-02-28 (365 days), 8 ≥ 8 → 25 000 € a year:
      2025 part 2025-03-01 … 12-31: 25 000 × 306 / 365 = 20 958,904 → 20 958,90 €;
      2026 part 2026-01-01 … 02-28: 25 000 × 59 / 365 = 4 041,096 → 4 041,10 €.
    Neither month of year 2 has its cout_salarial: the ceiling (cost + 15 %) is unknown, so both parts keep
    their figure and are not claimable. The 2025 part was claimable, « plafond non vérifié », though the year
    has no payroll at all, while the 2026 part of the same year was not. Agrément year 1's 2025 part
    (2025-01-01 … 02-28, 25 000 × 59 / 365 = 4 041,10 €) lacks January and February: not claimable either."""
    ent, report = _sieg_year_enterprise([(f"T{i}", date(2024, 3, 1), None) for i in range(8)],
                                        last_paid=Month(2024, 12))
    y1, y2 = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")
    (y2_2026,) = [x for x in lines_of(compute_subsidies(ent, W2016, 2026, report), "social_accompaniment")
                  if x.basis["agrement_year"] == 2]
    assert (y1.amount, y2.amount, y2_2026.amount) == (D("4041.10"), D("20958.90"), D("4041.10"))
    assert not y1.claimable and not y2.claimable and not y2_2026.claimable
    assert not any("non vérifié" in n.fr for n in y1.notes + y2.notes)
    assert any("inconnu pour 2025-03, 2025-04" in n.fr and "non réclamable en l'état" in n.fr for n in y2.notes)
    assert any("inconnu pour 2025-01, 2025-02 :" in n.fr for n in y1.notes)


def test_de_minimis_note_asks_for_the_sieg_aid_ei_does_not_compute():
    """rules.md §3.7: the subsidy for the principles of the social economy (S3) is SIEG de minimis aid
    too, and ei does not compute it: the note asked only for the previous years' aid; it asks for this
    year's S3 as well. 8 TD → 25 000 € of social accompaniment this year (bracket ≥ 8), 500 000 € over
    3 fiscal years."""
    ent, report = _sieg_enterprise(8)
    note = compute_subsidies(ent, W2016, 2024, report).de_minimis["note"]
    assert "Cette année, calculé ici : 25 000,00 €" in note.fr
    assert "principes de l'économie sociale" in note.fr and "2 exercices précédents" in note.fr


def test_a_td_whose_tgd_criterion_is_not_checked_leaves_the_tgd_part_unknown():
    """rules.md §3.7: 18 000 € over 12 months for a TD, 36 000 € over 24 for a TGD; Q12: missing →
    unknown. T is TD with `mois_sans_emploi` empty (TGD open: G1 unknown), hired 2024-01-01, full time,
    wage cost 3 000 €/month (half 1 500 = the monthly cap): 2024 gives 12 × 1 500 = 18 000 € as TD.
    That is certain, and stays claimable; what a TGD would add (2025, months 13–24) was silently nothing,
    `complete` true. Now an `unknown` entry names the column to fill, in 2024 and in 2025 (no TD line
    then), and the result is not complete."""
    t = worker("T", date(2024, 1, 1))
    ent = enterprise([t], monthly("T", Month(2024, 1), Month(2025, 12), cost="3000"))
    report = Report({"T": "TD"})
    report.by_id["T"] = CategoryEntry("TD", ("mois_sans_emploi",))
    y24 = compute_subsidies(ent, W2016, 2024, report)
    (line,) = lines_of(y24, "target_worker")
    assert line.amount == D("18000.00") and line.claimable
    for result in (y24, compute_subsidies(ent, W2016, 2025, report)):
        (unknown,) = [u for u in result.unknown if u.worker_id == "T"]
        assert unknown.missing == ("mois_sans_emploi",) and not result.complete
        assert "TGD non vérifiable (renseignez mois_sans_emploi)" in unknown.reason.fr
        assert "24 mois et 36 000,00 €" in unknown.reason.fr
    assert lines_of(compute_subsidies(ent, W2016, 2025, report), "target_worker") == []


def test_an_unknown_status_is_said_only_while_the_longest_window_meets_the_claim(monkeypatch):
    """rules.md §3.7: a TGD's window is 24 months from hiring, a TD's 12; Q12: missing → unknown.
    U (production, `diplome` empty: status unknown) hired 2023-03-01: even as a TGD the window is
    2023-03-01 … 2025-02-28, so 2025 (January–February) may still hold a subsidy: unknown, not complete;
    2026 cannot (the old code said « Statut TD/TGD indéterminé » every year: `complete` false forever).
    Likewise O, hired 2015-01-01: window over since 2016-12-31, nothing said in 2024. Judged on 2027-01-15,
    2026 a closed year: on the tests' day its December is not begun, the SIEG line's days to come
    (``paid_to``)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 15))
    ws = [worker("U", date(2023, 3, 1)), worker("O", date(2015, 1, 1))]
    ent = enterprise(ws, monthly("U", Month(2023, 3), Month(2026, 12)) + monthly("O", Month(2023, 3), Month(2026, 12)),
                     agrement=date(2015, 1, 1))
    report = Report({"U": "unknown", "O": "unknown"})
    report.by_id["U"] = report.by_id["O"] = CategoryEntry("unknown", ("diplome",))
    y25 = compute_subsidies(ent, W2016, 2025, report)
    assert [(u.worker_id, u.missing) for u in y25.unknown] == [("U", ("diplome",))] and not y25.complete
    y26 = compute_subsidies(ent, W2016, 2026, report)
    assert y26.unknown == () and y26.complete


def test_2003_an_unknown_status_is_said_only_while_an_occupation_year_of_the_table_meets_the_claim():
    """rules.md §4.7: 5 000 / 3 750 / 2 500 / 1 250 € in occupation years 1–4, nothing from the 5th.
    U (status unknown) hired 2004-01-05: year 4 = 2007-01-05 … 2008-01-04, so 2008 (1–4 January) may hold
    an amount: unknown; 2009 (years 5–6) cannot, nor 2012 (year 9): nothing said, the claim complete
    (the old code added « Statut public cible indéterminé » every year)."""
    ent = enterprise([worker("U", date(2004, 1, 5))], monthly("U", Month(2008, 1), Month(2012, 12)),
                     agrement=W2003.valid_from)
    report = Report({"U": "unknown"})
    assert [u.worker_id for u in compute_subsidies(ent, W2003, 2008, report).unknown] == ["U"]
    for year in (2009, 2012):
        result = compute_subsidies(ent, W2003, year, report)
        assert result.unknown == () and result.complete


def test_days_outside_a_forced_regime_are_split_where_the_regime_in_force_changes():
    """Wallonia: wallonie-2003 to 2013-01-30, the 2012 regime (not shipped) from 2013-01-31, wallonie-2016
    from 2017-06-30 (rules.md §1). `--regime wallonie-2003 --year 2017`: the whole year was one unknown
    span « ei ne connaît pas le régime alors en vigueur », though the warning named wallonie-2016 for the
    end of the year. Now two spans per subsidy: 2017-01-01 … 06-29 (unknown to ei) and 06-30 … 12-31
    (« relancez avec --regime wallonie-2016 »); likewise 2013 under wallonie-2016: 01-01 … 01-30
    (wallonie-2003) and 01-31 … 12-31 (unknown to ei). (In 2017 T is in occupation year 8: the 2003 degressive
    amounts cannot be due, so the 2003 spans are the social-accompaniment subsidy's.)"""
    t_ = worker("T", date(2010, 1, 1))
    ent = enterprise([t_], monthly("T", Month(2013, 1), Month(2017, 12)), agrement=date(2010, 1, 1))
    report = Report({"T": "TD"})
    spans = [u.reason.fr.split(" : ")[0] for u in compute_subsidies(ent, W2003, 2017, report).unknown
             if u.subsidy == "social_accompaniment"]
    assert spans == ["Non calculée du 2017-01-01 au 2017-06-29", "Non calculée du 2017-06-30 au 2017-12-31"]
    texts = [u.reason.fr for u in compute_subsidies(ent, W2003, 2017, report).unknown
             if u.subsidy == "social_accompaniment"]
    assert texts[0].endswith("ei ne connaît pas le régime alors en vigueur.")
    assert "relancez avec --regime wallonie-2016" in texts[1]
    texts = [u.reason.fr for u in compute_subsidies(ent, W2016, 2013, Report({"T": "TD"})).unknown
             if u.subsidy == "target_worker"]
    assert [x.split(" : ")[0] for x in texts] == ["Non calculée du 2013-01-01 au 2013-01-30",
                                                  "Non calculée du 2013-01-31 au 2013-12-31"]
    assert "relancez avec --regime wallonie-2003" in texts[0] and texts[1].endswith("alors en vigueur.")


def test_days_outside_the_regime_name_the_subsidies_of_the_regime_then_in_force():
    """Auditor's case 2. Brussels, agrément 2017-03-01; T1–T6 target, N1–N2 not target (production), S
    (encadrement), A (accompaniment), all full time from 2017-03-01. `ei subsidy --year 2019` (default
    bruxelles-2018, in force from 2019-02-01) said « Compensation du mandat : Non calculée du 2019-01-01 au
    2019-01-31 … relèvent du régime bruxelles-2004 »: it filed January under the 2018 compensation. Those
    days carry bruxelles-2004's three subsidies — with --regime bruxelles-2004, agrément year 2 (2018-03-01 …
    2019-02-28, 365 days), 6 target heads → 1 tranche: accompaniment 22 500 × 31 / 365 = 1 910,96;
    encadrement (year 2 ≤ 4) 46 500 × 31 / 365 = 3 949,32; occupation year 2 at 3 750 €:
    3 750 × 31 / 365 = 318,49 per worker × 6 = 1 910,94; total 7 771,22 € — so one unknown entry per
    subsidy of bruxelles-2004 (regime « bruxelles-2004 »), none under « compensation » for January. The
    other way round (bruxelles-2004 forced for 2019), February–December names the 2018 compensation. Same in
    Wallonia: 2013 under wallonie-2016 names wallonie-2003's subsidies for 2013-01-01 … 01-30 — but not the
    manager's: agrément 2010-01-01, so 2013 is agrément year 4 and the manager subsidy pays years 1–3 only
    (rules.md §4.7): it cannot be due on those days (``YEARS_MEET``)."""
    staff = [worker(f"T{i}", date(2017, 3, 1)) for i in range(1, 7)] + [worker(f"N{i}", date(2017, 3, 1)) for i in (1, 2)]
    staff += [worker("S", date(2017, 3, 1), function=Function.SUPERVISION),
              worker("A", date(2017, 3, 1), function=Function.SOCIAL_ACCOMPANIMENT)]
    pays = [p for w in staff for p in monthly(w.worker_id, Month(2017, 3), Month(2020, 12))]
    ent = enterprise(staff, pays, agrement=date(2017, 3, 1), region=Region.BRUXELLES)
    report = Report({w.worker_id: "target" if w.worker_id.startswith("T") else "not_target" for w in staff})
    result = compute_subsidies(ent, B2018, 2019, report)
    january = [u for u in result.unknown if "du 2019-01-01 au 2019-01-31" in u.reason.fr]
    assert [u.subsidy for u in january] == ["target_worker", "social_accompaniment", "supervision"]
    assert all(u.to_dict()["regime"] == "bruxelles-2004" and "subvention du régime bruxelles-2004" in u.reason.fr
               and "--regime bruxelles-2004" in u.reason.fr and u.reference == B2004.title for u in january)
    assert [u.subsidy for u in result.unknown if u.subsidy == "compensation"] == ["compensation"]  # D7 only
    forced = compute_subsidies(ent, B2004, 2019, report)
    assert forced.totals == {"target_worker": D("1910.94"), "social_accompaniment": D("1910.96"),
                             "supervision": D("3949.32")} and forced.total == D("7771.22")
    assert [(u.subsidy, u.regime) for u in forced.unknown] == [("compensation", "bruxelles-2018")]
    wal = compute_subsidies(enterprise([worker("T", date(2010, 1, 1))], monthly("T", Month(2013, 1), Month(2013, 12)),
                                       agrement=date(2010, 1, 1)), W2016, 2013, Report({"T": "TD"}))
    assert [(u.subsidy, u.regime) for u in wal.unknown if "au 2013-01-30" in u.reason.fr] == [
        ("target_worker", "wallonie-2003"), ("social_accompaniment", "wallonie-2003")]


def test_sieg_ceiling_prints_the_subsidisable_share_of_the_cost_it_is_computed_with():
    """rules.md §3.6: the ceiling is the accompaniers' wage cost + 15 % operating costs, the cost limited to the
    bracket's maximum subsidisable FTE. The year of test_sieg_part_without_an_accompanier_gets_nothing_to_cover:
    cost 6 × 3 000 = 18 000 €, mean FTE 184 / 365 = 0,5041 (4 places, ``accompanier_fte_year``) over the 0,50
    maximum → 18 000,00 × 0,50 / 0,5041 = 17 853,60 €, + 15 % → 17 853,60 × 1,15 = 20 531,64 €; the 2024 part
    holds all 184 FTE-days → × 184 / 184 = 20 531,64 €. The reason said « (18 000,00 €, limité à 0,50 ETP
    subventionnable) + 15,0 % = 20 531,25 € » (18 000 × 1,15 = 20 700): the factor and the share it gave
    were not printed, and an unrounded average could not be recovered."""
    ent, report = _ten_td_and_an_accompanier(date(2024, 12, 31), Month(2025, 6))
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    (reason,) = [r for r in line.reasons if r.parameter == "subsidy.social_accompaniment.operating_costs_share"]
    assert reason.text.fr == ("Plafond : coût salarial des accompagnateurs du 2024-07-01 au 2025-06-30 (18 000,00 € × "
                              "0,50 / 0,5041 ETP = 17 853,60 €, limité à 0,50 ETP subventionnable) + 15,0 % = "
                              "20 531,64 €, au prorata de l'accompagnement de la partie : × 184,00 / 184,00 ETP-jours "
                              "= 20 531,64 €.")
    assert reason.text.en == ("Ceiling: accompaniers' wage cost from 2024-07-01 to 2025-06-30 (€18,000.00 × 0.50 / "
                              "0.5041 FTE = €17,853.60, limited to the subsidisable 0.50 FTE) + 15.0 % = €20,531.64, "
                              "pro rata of the part's accompaniment: × 184.00 / 184.00 FTE-days = €20,531.64.")
    b = line.basis
    assert b["accompanier_fte_year"] == D("0.5041") and b["ceiling_total"] == D("20531.64") == b["ceiling"]
    # Recomputed from the JSON as from the text: each amount to the cent.
    eligible = (b["ceiling_wage_cost"] * b["max_accompanier_fte"] / b["accompanier_fte_year"]).quantize(D("0.01"))
    assert (eligible * (1 + b["operating_costs_share"])).quantize(D("0.01")) == b["ceiling_total"]


def test_sieg_ceiling_is_limited_on_the_mean_fte_printed_not_the_unrounded_one():
    """The year of test_sieg_part_without_an_accompanier_gets_nothing_to_cover, ACC's December paid at 0,952 FTE:
    153 + 31 × 0,952 = 182,512 FTE-days over 365 = 0,500033 — 0,5000 to the 4 places printed, not over the 0,50
    maximum, so the cost counts whole: 18 000,00 × 1,15 = 20 700,00 €. The reason said « (18 000,00 €, limité à
    0,50 ETP subventionnable) » (the unrounded mean is over 0,50) beside that whole cost, with no × 0,50 / 0,5000."""
    ent, report = _ten_td_and_an_accompanier(date(2024, 12, 31), Month(2025, 6))
    pays = [replace(p, fte=D("0.952")) if (p.worker_id, p.month) == ("ACC", Month(2024, 12)) else p for p in ent.pay]
    (line,) = lines_of(compute_subsidies(replace(ent, pay=tuple(pays)), W2016, 2024, report), "social_accompaniment")
    b = line.basis
    assert (b["accompanier_fte_year"], b["ceiling_wage_cost"], b["ceiling_total"]) == (
        D("0.5"), D("18000.00"), D("20700.00"))
    (reason,) = [r for r in line.reasons if r.parameter == "subsidy.social_accompaniment.operating_costs_share"]
    assert reason.text.fr.startswith("Plafond : coût salarial des accompagnateurs du 2024-07-01 au 2025-06-30 "
                                     "(18 000,00 €) + 15,0 % = 20 700,00 €")
    assert "limited" not in reason.text.en


def test_sieg_one_day_of_accompaniment_in_a_part_gets_one_days_share_not_a_cliff():
    """The same year as test_sieg_part_without_an_accompanier_gets_nothing_to_cover, the accompanier kept one
    more day (exit 2025-01-01, January paid 3 000 × 1 / 31 = 96,77 €). A ceiling shared by calendar days gave
    the 2025 part 10 180,66 € for that one day (and 0 € without it). Shared by FTE-days: the year's cost
    18 096,77, its 185 FTE-days over 365 = 0,5068 (4 places) > the bracket's 0,5 maximum → 18 096,77 × 0,50 /
    0,5068 = 17 853,96 × 1,15 = 20 532,05 € for the year; the 2025 part holds 1 FTE-day of 185 → ceiling
    20 532,05 × 1 / 185 = 110,98 €, amount min(25 000 × 181 / 365 = 12 397,26, 110,98) = 110,98 €."""
    ent, report = _ten_td_and_an_accompanier(
        date(2025, 1, 1), Month(2025, 6), monthly("ACC", Month(2025, 1), Month(2025, 1), fte=str(D(1) / 31),
                                                  cost="96.77"))
    l25 = lines_of(compute_subsidies(ent, W2016, 2025, report), "social_accompaniment")[0]
    assert l25.basis["agrement_year"] == 1 and l25.amount == D("110.98") and l25.claimable


def test_sieg_no_payroll_and_no_accompanier_is_complete_at_nothing():
    """Agrément 2024-07-01, 10 TD; the accompanier leaves on 2024-12-31 and nobody has a 2025 Paie row.
    The 2025 part of agrément year 1 has no accompanier: nothing to cover, 0 € (complete). The entry « Aucune
    ligne de paie … le montant n'est qu'un plafond, non réclamable en l'état » said the opposite of the
    0 € claimable line; it is only for a claim where an accompanier is employed."""
    ent, report = _ten_td_and_an_accompanier(date(2024, 12, 31), Month(2024, 12))
    result = compute_subsidies(ent, W2016, 2025, report)
    lines = lines_of(result, "social_accompaniment")
    assert lines and all(line.amount == 0 and line.claimable for line in lines) and result.complete
    assert not any("Aucune ligne de paie" in u.reason.fr for u in result.unknown
                   if u.subsidy == "social_accompaniment")


def test_a_whole_head_count_of_ten_is_printed_10_not_in_exponent_notation():
    """10 TD all year under the SIEG rule: (10 × 366) ÷ 366 = 10 heads on average. The basis keeps the
    normalised Decimal 10, which ``str`` writes « 1E+1 »: the table read « 1E+1 trav. cibles ». Printed as
    written (``i18n.decimal_text``), to the hundredth at least (the test below), it is « 10,00 »."""
    from ei_cli.i18n import decimal_text
    from ei_cli.render.subsidy import basis_text

    ent, report = _sieg_enterprise(10)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.basis["target_workers"] == 10
    assert "10,00 trav. cibles" in basis_text(line.basis, "fr") and "E+" not in basis_text(line.basis, "en")
    assert decimal_text(D("2E+1")) == "20" and decimal_text(D("0.68")) == "0,68" and decimal_text(3) == "3"


def test_a_basis_head_count_is_printed_to_the_hundredth_at_least_as_the_readme_says():
    """Review B (finding 6): README says head counts are shown to the hundredth « in the `ei subsidy` table's
    « Base » and the documents alike », but the basis printed 9 TD all 2024 under the SIEG rule — (9 × 366) ÷ 366
    = 9 heads on average, basis `target_workers` 9 — as « 9 trav. cibles ». Printed as the rule kept it, never to
    fewer than two decimals (``render.subsidy.basis_figure``): « 9,00 trav. cibles » in the table and « 9,00
    travailleurs du public cible » in the documents; 7,9972 beside the threshold of 8 keeps its 4 places (the
    test above); README says so."""
    import re
    from pathlib import Path

    from ei_cli import documents
    from ei_cli.output import jsonable
    from ei_cli.render.subsidy import basis_text

    ent, report = _sieg_enterprise(9)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert line.basis["target_workers"] == 9
    assert "9,00 trav. cibles" in basis_text(line.basis, "fr") and "9.00 target workers" in basis_text(line.basis, "en")
    assert "9,00 travailleurs du public cible" in documents._basis_text(jsonable(line.basis))
    readme = re.sub(r"\s+", " ", (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8"))
    assert "never to fewer than two decimals: « 9,00 trav. cibles », « 1,00 ETP »" in readme


@pytest.mark.parametrize("march, fte_months, shown", [("0.625", D("6.125"), "6,125 ETP-mois"),
                                                      ("0.50005", D("6.0001"), "6,0001 ETP-mois")])
def test_basis_figures_are_rounded_half_up_in_the_json_and_the_table(march, fte_months, shown):
    """A TD hired 2024-01-01 (Wallonia 2016), etp 0,5 every month of 2024 but March. March at 0,625:
    11 × 0,5 + 0,625 = 6,125 FTE-months, which the table's « Base » printed « 6,12 » (``f"{x:.2f}"`` rounds half
    to even), then « 6,13 » (``number_text``): now to the places the cap is computed on, « 6,125 ETP-mois »
    (``basis_figure``: 1 500 × 6,125 = 9 187,50 € = the cap printed beside it). March at 0,50005: the month's
    etp to 4 places half up, 0,5001 (half to even gave 0,5000), as quota's FTE are rounded: 11 × 0,5 + 0,5001 =
    6,0001 FTE-months in the JSON and the table (1 500 × 6,0001 = 9 000,15 €, the cap)."""
    from ei_cli.render.subsidy import basis_text

    pays = [pay("A", 2024, m, march if m == 3 else "0.5", "2000") for m in range(1, 13)]
    ent = enterprise([worker("A", date(2024, 1, 1), fte="0.5")], pays)
    (line,) = lines_of(compute_subsidies(ent, W2016, 2024, Report({"A": "TD"})), "target_worker")
    assert line.basis["fte_months"] == fte_months
    assert shown in basis_text(line.basis, "fr") and shown.replace(",", ".").replace("ETP-mois", "FTE-months") \
        in basis_text(line.basis, "en")


def test_the_json_four_place_figures_of_the_subsidy_and_the_quota_are_rounded_by_one_helper():
    """The subsidy's basis figures and the quota's FTE had one copy each of the same 4-place JSON rounding
    (``subsidy._fmt``, ``quota._q``): now ``rules.common.four_places`` for both. Half up at the fourth place —
    6,00005 → 6,0001 (half to even gave 6,0000), 6,12505 → 6,1251, 0,99995 → 1 —, trailing zeros dropped
    (2,5000 → 2.5), None kept (a quota month without encadrement has no ``supervision_fte``); a quota month's JSON
    so: target FTE 6,00005 → 6.0001, total 2,5000 → 2.5."""
    from ei_cli.rules.common import four_places
    from ei_cli.rules.quota import MonthQuota

    assert four_places(D("6.00005")) == D("6.0001") and four_places(D("6.12505")) == D("6.1251")
    assert str(four_places(D("0.99995"))) == "1" and str(four_places(D("2.5000"))) == "2.5"
    assert four_places(None) is None and str(four_places(D(0))) == "0"
    month = MonthQuota(Month(2024, 3), target_fte=D("6.00005"), total_fte=D("2.5000")).to_dict()
    assert (month["target_fte"], str(month["total_fte"])) == (D("6.0001"), "2.5")


def test_the_basis_says_the_days_of_a_leap_year_and_the_fte_the_rule_used():
    """Review B (finding 3): Wallonia 2003, agrément 2008-02-29: agrément year 1 is 2008-02-29 – 2009-02-28, 366
    days. S, social accompanier full time since 2008-03-01, earns 33 000 €/FTE/year (rules.md §4.6): 2009-01-01 –
    2009-02-28 is 33 000 × 1 × 59 ÷ 366 = 5 319,67 €, which « 59 jours · 1,00 ETP · taux 33 000,00 €/an » does not
    give (÷ 365: 5 334,25): the basis says « 59 jours sur 366 »; year 2 (2009-03-01 – 2010-02-28) has 365 days,
    « 306 jours » alone. T, target worker hired 2008-03-01, occupation year 2 (3 750 €/year, rules.md §4.7)
    from 2009-03-01: etp 1 March–June (122 days), 0,5 July–December (184 days): 122 + 92 = 214 FTE-days,
    fte = 214 ÷ 306 = 0,69935 → 0,6993 as the rule keeps it (4 places), amount 3 750 × 214 ÷ 365 = 2 198,63 €.
    Printed « 0,70 ETP » the basis gave 3 750 × 0,70 × 306 ÷ 365 = 2 200,68 €: now « 0,6993 ETP »."""
    from ei_cli.render.subsidy import basis_text

    staff = [worker("S", date(2008, 3, 1), function=Function.SOCIAL_ACCOMPANIMENT), worker("T", date(2008, 3, 1))]
    pays = monthly("S", Month(2009, 1), Month(2009, 12)) + monthly("T", Month(2009, 1), Month(2009, 6)) \
        + monthly("T", Month(2009, 7), Month(2009, 12), fte="0.5")
    result = compute_subsidies(enterprise(staff, pays, agrement=date(2008, 2, 29)), W2003, 2009,
                               Report({"S": "not_target", "T": "target"}))
    first, second = lines_of(result, "social_accompaniment", "S")
    assert (first.amount, first.basis["year_days"], second.basis["year_days"]) == (D("5319.67"), 366, 365)
    assert "59 jours sur 366 · 1,00 ETP · taux 33 000,00 €/an" in basis_text(first.basis, "fr")
    assert "59 days of 366 · 1.00 FTE" in basis_text(first.basis, "en")
    assert "306 jours · 1,00 ETP" in basis_text(second.basis, "fr") and "sur" not in basis_text(second.basis, "fr")
    (year2,) = [x for x in lines_of(result, "target_worker", "T") if x.basis["occupation_year"] == 2]
    assert (year2.amount, year2.basis["fte_days"], year2.basis["fte"]) == (D("2198.63"), D(214), D("0.6993"))
    assert "306 jours · 0,6993 ETP · taux 3 750,00 €/an" in basis_text(year2.basis, "fr")


def test_the_documents_and_the_claim_workbook_spell_the_basis_out_and_the_table_keeps_its_short_forms():
    """Review B (finding 4): the documents printed the terminal's abbreviations. Three lines, each computed as
    elsewhere in this file:
    - the SIEG accompaniment of 8 TD all 2024 (Wallonia 2016, agrément 2020-01-01: agrément year 5 = 2024): 8 heads
      on average (8 × 366 ÷ 366), bracket ≥ 8 → 25 000 €;
    - a TD hired 2024-03-15 (the first test of this file): its 2024 line, 14 322,60 €, on a wage cost of 2 200 (March)
      + 9 × 4 000 (April–December) = 38 200 €;
    - Brussels 2004, T5 leaving 2012-11-30: encadrement 31 days at 0 tranche, 335 at 1 (« tranches day by day »),
      and with T5 staying, 1 tranche every day.
    Long (documents, claim workbook): « 8,00 travailleurs du public cible (moyenne de l'année d'agrément) »,
    « coût salarial », « 31 jours à 0 tranche », « 1 tranche »; short (terminal table): « 8,00 trav. cibles (moy.
    année d'agrément) », « coût », « 31 j. à 0 tranche », and « 1 tranche » too — never « 1 tranche(s) »."""
    from ei_cli import documents
    from ei_cli.output import jsonable
    from ei_cli.render.subsidy import basis_text

    ent, report = _sieg_enterprise(8)
    (sieg,) = lines_of(compute_subsidies(ent, W2016, 2024, report), "social_accompaniment")
    assert sieg.amount == D("25000.00")
    assert "8,00 trav. cibles (moy. année d'agrément)" in basis_text(sieg.basis, "fr")
    assert "8,00 travailleurs du public cible (moyenne de l'année d'agrément)" in basis_text(sieg.basis, "fr", long=True)
    assert "8.00 target-public workers (agrément-year average)" in basis_text(sieg.basis, "en", long=True)
    assert "travailleurs du public cible (moyenne de l'année d'agrément)" in documents._basis_text(jsonable(sieg.basis))

    pays = [pay("A", 2024, 3, "0.55", "2200")] + monthly("A", Month(2024, 4), Month(2024, 12))
    (td,) = lines_of(compute_subsidies(enterprise([worker("A", date(2024, 3, 15))], pays), W2016, 2024,
                                       Report({"A": "TD"})), "target_worker")
    assert td.amount == D("14322.60")
    assert " · coût 38 200,00 € · " in basis_text(td.basis, "fr")
    assert " · coût salarial 38 200,00 € · " in basis_text(td.basis, "fr", long=True)
    assert " · coût salarial 38 200,00 € · " in documents._basis_text(jsonable(td.basis))

    staff = [worker(f"T{i}", date(2010, 1, 1), exit=date(2012, 11, 30) if i == 5 else None) for i in range(1, 6)]
    staff += [worker("N1", date(2010, 1, 1)), worker("N2", date(2010, 1, 1)),
              worker("E", date(2010, 1, 1), function=Function.SUPERVISION)]
    cats = Report({w.worker_id: "target" if w.worker_id.startswith("T") else "not_target" for w in staff})
    (changing,) = lines_of(compute_subsidies(enterprise(staff, agrement=date(2010, 1, 1), region=Region.BRUXELLES),
                                             B2004, 2012, cats), "supervision")
    assert "31 j. à 0 tranche (31 000,00 €/an), 335 j. à 1 tranche" in basis_text(changing.basis, "fr")
    assert "31 jours à 0 tranche (31 000,00 €/an), 335 jours à 1 tranche" in basis_text(changing.basis, "fr", long=True)
    assert "31 jours à 0 tranche" in documents._basis_text(jsonable(changing.basis))
    staying = [replace(w, exit_date=None) for w in staff]
    (constant,) = lines_of(compute_subsidies(enterprise(staying, agrement=date(2010, 1, 1), region=Region.BRUXELLES),
                                             B2004, 2012, cats), "supervision")
    for long in (False, True):
        assert " · 1 tranche · " in basis_text(constant.basis, "fr", long=long)
        assert "tranche(s)" not in basis_text(constant.basis, "fr", long=long)


def test_the_index_factor_in_the_basis_is_written_as_a_number_in_the_language(tmp_path):
    """Review B (finding 9): the SIEG base amounts are « indexés chaque année en janvier » (rules.md §3.6; factor
    unknown in the shipped regime, 1,0 by decision D5). With a factor of 1,0234 in the regime file, 8 TD all 2024
    (agrément year 5 = 2024, bracket ≥ 8): 25 000 × 1,0234 × 366 ÷ 366 = 25 585,00 € (the accompanier's cost,
    120 000 €, does not bind). The basis printed the raw Decimal, « index 1.0234 », in French too: now
    « index 1,0234 » in the table, « coefficient d'indexation 1,0234 » in the documents, « index 1.0234 » in
    English."""
    from ei_cli import documents
    from ei_cli.output import jsonable
    from ei_cli.render.subsidy import basis_text
    from helpers_rules import regime_with

    regime = regime_with("wallonie-2016", tmp_path, {"subsidy.social_accompaniment.index_factor": ('"unknown"',
                                                                                                   "1.0234")})
    ent, report = _sieg_enterprise(8)
    (line,) = lines_of(compute_subsidies(ent, regime, 2024, report), "social_accompaniment")
    assert (line.amount, line.basis["index_factor"]) == (D("25585.00"), D("1.0234"))
    assert basis_text(line.basis, "fr").endswith("taux 25 000,00 €/an · index 1,0234")
    assert basis_text(line.basis, "en").endswith("rate €25,000.00/yr · index 1.0234")
    assert documents._basis_text(jsonable(line.basis)).endswith("· coefficient d'indexation 1,0234")


def test_a_basis_of_fewer_than_two_target_workers_says_it_in_the_singular():
    """French takes the singular below 2 (``i18n.french_word``, « 1,5 ETP »): an average of 0,5 or 1 target worker
    is « 0,50 travailleur du public cible » / « 1,00 trav. cible », 2 are « 2,00 trav. cibles »; English keeps
    « target workers »."""
    from ei_cli.render.subsidy import basis_text

    assert "0,50 travailleur du public cible" in basis_text({"target_workers": D("0.5")}, "fr", long=True)
    assert "1,00 trav. cible" in basis_text({"target_workers": D("1")}, "fr")
    assert "2,00 trav. cibles" in basis_text({"target_workers": D("2")}, "fr")
    assert "0.50 target workers" in basis_text({"target_workers": D("0.5")}, "en")


def test_the_lines_follow_the_one_worker_order():
    """Five TD hired 2024-03-15 under ids 9, 10, 2, 1, 11 (in that row order), full time, wage cost 4 000 € a
    month: one target_worker line each in 2025 (January, February, March 1–14: 2 × 1 500 + 1 500 × 14/31
    (0,4516) = 3 677,40 €, the cap below half the wage cost), worker by worker in ``model.worker_order`` — 1, 2, 9, 10, 11 (as text: 1, 10, 11, 2, 9)."""
    ids = SHEET_IDS
    ent = enterprise([worker(w, date(2024, 3, 15)) for w in ids],
                     [p for w in ids for p in monthly(w, Month(2024, 3), Month(2025, 12))])
    r = compute_subsidies(ent, W2016, 2025, Report({w: "TD" for w in ids}))
    lines = lines_of(r, "target_worker")
    assert [x.worker_id for x in lines] == IN_WORKER_ORDER
    assert {x.amount for x in lines} == {D("3677.40")}


def test_a_post_held_some_days_says_them_in_its_basis():
    """The 2003 manager line of a manager who left on 2007-03-01 (agrément 2006-03-01, year 2 = 2007-03-01 …
    2008-02-29, 366 days): its part 2007-03-01 … 12-31, 306 days, pays 1 day held, 13 500 × 1 ÷ 366 = 36,89 €.
    The basis says the days of the part, their divisor and the days held; a post held every day says nothing more."""
    from ei_cli.render.subsidy import basis_text

    basis = {"days": 306, "year_days": 366, "post_days": 1, "rate": D(13500)}
    assert basis_text(basis, "fr").startswith("306 jours sur 366 · poste 1 j. · ")
    assert basis_text(basis, "fr", long=True).startswith("306 jours sur 366 · poste occupé 1 jour · ")
    assert basis_text(basis, "en", long=True).startswith("306 days of 366 · post held 1 day · ")
    assert "poste" not in basis_text({**basis, "post_days": 306}, "fr", long=True)


def test_brussels_2004_claims_a_year_in_progress_up_to_its_horizon_and_nothing_of_a_year_not_begun(monkeypatch):
    """bruxelles-2004, agrément 2012-01-01, 2013 = agrément year 2 (365 days) and, for the five target workers
    T00–T04 hired 2012-01-01, occupation year 2 (3 750 €/year full time); E (encadrement) and A (accompaniment)
    hired the same day; no Paie row. Today 2013-06-15: the horizon is the last month over, 2013-05-31
    (``data_horizon``, no payroll); 2013-01-01 … 05-31 is 31 + 28 + 31 + 30 + 31 = 151 days, 5 heads every day =
    1 started tranche:
    accompaniment 22 500 × 151 ÷ 365 = 3 397 500 ÷ 365 = 9 308,219… → 9 308,22 €;
    encadrement 46 500 × 151 ÷ 365 = 7 021 500 ÷ 365 = 19 236,986… → 19 236,99 €;
    each target worker 3 750 × 151 ÷ 365 = 566 250 ÷ 365 = 1 551,369… → 1 551,37 € (Personnel's etp 1);
    total 9 308,22 + 19 236,99 + 5 × 1 551,37 = 28 545,21 + 7 756,85 = 36 302,06 €, not complete: 2013-06-01 …
    12-31 to come, one entry per subsidy. Before, the whole of 2013 was claimed, complete — 22 500 + 46 500 + 5 × 3 750 = 87 750 € for days
    not worked yet. 2014, not begun on that day: no line, three entries, no supervision condition judged
    (it was claimed whole, « complete »). On 2014-01-10, 2013 is over: the whole year, complete (87 750 €)."""
    from ei_cli import periods

    workers = [worker(f"T{i:02d}", date(2012, 1, 1)) for i in range(5)]
    workers += [worker("E", date(2012, 1, 1), function=Function.SUPERVISION),
                worker("A", date(2012, 1, 1), function=Function.SOCIAL_ACCOMPANIMENT)]
    report = Report({**{w.worker_id: "target" for w in workers}, "E": "not_target", "A": "not_target"})
    ent = enterprise(workers, agrement=date(2012, 1, 1), region=Region.BRUXELLES)
    monkeypatch.setattr(periods, "today", lambda: date(2013, 6, 15))
    now = compute_subsidies(ent, B2004, 2013, report)
    (acc,), (sup,) = lines_of(now, "social_accompaniment"), lines_of(now, "supervision")
    assert (acc.amount, acc.basis["start"], acc.basis["end"], acc.basis["days"]) == (
        D("9308.22"), date(2013, 1, 1), date(2013, 5, 31), 151)
    assert sup.amount == D("19236.99") and sup.basis["end"] == date(2013, 5, 31)
    assert [(x.amount, x.basis["end"]) for x in lines_of(now, "target_worker")] == \
        [(D("1551.37"), date(2013, 5, 31))] * 5
    assert now.total == D("36302.06") and not now.complete
    assert sorted(u.subsidy for u in now.unknown) == ["social_accompaniment", "supervision", "target_worker"]
    assert all(u.reason.fr.startswith("Du 2013-06-01 au 2013-12-31 : après le 2013-05-31 (fin du dernier mois "
                                      "terminé, année en cours, aucune paie saisie), jours à calculer une fois venus")
               and u.missing == () for u in now.unknown)
    later = compute_subsidies(ent, B2004, 2014, report)
    assert later.lines == () and later.total == 0 and not later.complete and later.conditions == ()
    assert all(u.reason.fr.startswith("Du 2014-01-01 au 2014-12-31 : après le 2013-05-31 (fin du dernier mois "
                                      "terminé, période pas encore commencée, aucune paie saisie)")
               for u in later.unknown) and len(later.unknown) == 3
    monkeypatch.setattr(periods, "today", lambda: date(2014, 1, 10))
    over = compute_subsidies(ent, B2004, 2013, report)
    assert over.total == D("87750.00") and over.complete and over.unknown == ()
    # 2016 on 2016-06-15: agrément year 5 and occupation year 5 — neither the encadrement (years 1 to 4) nor the
    # per-worker amounts (occupation years 1 to 4) can be due on its days to come: the accompaniment's entry alone.
    monkeypatch.setattr(periods, "today", lambda: date(2016, 6, 15))
    fifth = compute_subsidies(ent, B2004, 2016, report)
    assert [u.subsidy for u in fifth.unknown] == ["social_accompaniment"]


def test_wallonie_2003_counts_no_payroll_month_typed_ahead(monkeypatch):
    """Claim audit (2026-12-01): wallonie-2003, agrément 2006-01-01, P (target) hired 2007-01-01, so 2008 is their
    occupation year 2 (3 750 €/year full time, 366 days). Today 2008-01-15, Paie January at etp 1 and February–
    December typed ahead at etp 0,5. Only January has begun (``paid_to``: the current month's end): 3 750 × 31 ÷
    366 = 116 250 ÷ 366 = 317,622… → 317,62 €, not complete, February–December to come. Before, the months not
    begun were counted: fte (31 × 1 + 335 × 0,5) ÷ 366 = 198,5 ÷ 366, 3 750 × 198,5 ÷ 366 = 2 033,81 €, « complete »
    — while the reader's warning said those months count in no subsidy. No accompanier nor manager: no entry for
    the per-FTE accompaniment or the manager's line, which only their days could earn. T, a target worker hired
    2002 (occupation year 7: the table pays years 1 to 4), with N, not target, hired 2007: no entry at all —
    nobody's days to come can earn (the entry counted N's employment, review of the change)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2008, 1, 15))
    pays = [pay("P", 2008, 1)] + [pay("P", 2008, m, fte="0.5") for m in range(2, 13)]
    ent = enterprise([worker("P", date(2007, 1, 1))], pays, agrement=date(2006, 1, 1))
    result = compute_subsidies(ent, W2003, 2008, Report({"P": "target"}))
    (line,) = lines_of(result, "target_worker", "P")
    assert (line.amount, line.basis["start"], line.basis["end"], line.basis["fte"]) == (
        D("317.62"), date(2008, 1, 1), date(2008, 1, 31), D(1))
    assert not result.complete
    (entry,) = result.unknown
    assert entry.subsidy == "target_worker" and entry.reason.fr.startswith(
        "Du 2008-02-01 au 2008-12-31 : après le 2008-01-31 (fin du mois en cours, année en cours, paie saisie d'avance "
        "jusqu'au 2008-12-31)")
    veteran = enterprise([worker("T", date(2002, 1, 1)), worker("N", date(2007, 1, 1))], agrement=date(2006, 1, 1))
    assert compute_subsidies(veteran, W2003, 2008, Report({"T": "target", "N": "not_target"})).unknown == ()
