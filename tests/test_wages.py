"""Wage tension (rules.md §3.4, §4.4, §5.4): highest over lowest gross pay per FTE, at most 1 : 4."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ei_cli.cli import app
from ei_cli.i18n import t
from ei_cli.model import ContractType, Enterprise, Function, PayMonth, Region, Worker
from ei_cli.periods import Month, Period
from ei_cli.regimes import get_regime
from ei_cli.rules import wages
from ei_cli.rules.wages import ratio_json, ratio_text, wage_tension
from helpers_rules import IN_WORKER_ORDER, SHEET_IDS

W16 = get_regime("wallonie-2016")
YEAR = Period.calendar_year(2025)
SAMPLE = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"


def worker(wid: str, contract=ContractType.CDI, function=Function.PRODUCTION, fte="1") -> Worker:
    return Worker(wid, date(2024, 1, 1), contract, D(fte), function)


def enterprise(pay: list[tuple[str, str, str, str]], workers=None, region=Region.WALLONIE) -> Enterprise:
    """``pay`` rows: (worker_id, "AAAA-MM", etp, gross pay)."""
    ids = sorted({p[0] for p in pay})
    return Enterprise("EI test", region, date(2024, 1, 1), workers=tuple(workers or [worker(i) for i in ids]),
                      pay=tuple(PayMonth(w, Month.parse(m), D(f), D(g)) for w, m, f, g in pay))


def test_ratio_exactly_four_is_compliant():
    """Manager 8 000 € at etp 1 → 8 000 €/etp; worker 1 000 € at etp 0.5 → 2 000 €/etp.
    8 000 / 2 000 = 4.00 ≤ 4 → compliant."""
    e = enterprise([("M", "2025-03", "1", "8000"), ("P", "2025-03", "0.5", "1000")])
    r = wage_tension(e, W16, YEAR)
    assert r.ratio == D(4) and r.max_ratio == D(4) and r.compliant is True
    assert (r.highest.worker_id, str(r.highest.month), r.highest.pay_per_fte) == ("M", "2025-03", D(8000))
    assert (r.lowest.worker_id, r.lowest.pay_per_fte) == ("P", D(2000))
    assert ratio_json(r.ratio) == D("4.0000") and ratio_text(r.ratio) == "4,00"



def test_one_person_under_two_ids_is_one_remuneration():
    """wallonie-2016, 2025. Manager M 8 000 € at etp 1 all year. One person (one national number) on a CDD A1
    2025-01-01 … 06-30 paid 1 900 € at etp 1, then a CDI A2 from 07-01 paid 2 200 €: one remuneration,
    (6 × 1 900 + 6 × 2 200) ÷ 12 = 24 600 ÷ 12 = 2 050 €/ETP; 8 000 ÷ 2 050 = 3,9024… ≤ 4 → compliant (the
    same contracts on one row). As two people (no national number): 8 000 ÷ 1 900 = 4,2105… > 4, not compliant.
    Two concurrent half-time contracts of one person, B1 1 000 € and B2 800 € at etp 0,5 each all year: one
    figure, 12 × 1 800 ÷ 12 = 1 800 €/ETP (B2 alone would read 1 600 €: 8 000 ÷ 1 600 = 5); ``worker_months``
    still counts the Paie rows compared, 12 (M) + 12 (B1) + 12 (B2) = 36. Ids listed first hire first, whatever
    their order as ids: Z hired before Y is named « Z, Y »."""
    niss = "90040410148"
    a1 = Worker("A1", date(2025, 1, 1), ContractType.CDD, D(1), Function.PRODUCTION, exit_date=date(2025, 6, 30),
                national_number=niss)
    a2 = Worker("A2", date(2025, 7, 1), ContractType.CDI, D(1), Function.PRODUCTION, national_number=niss)
    m = Worker("M", date(2020, 1, 1), ContractType.CDI, D(1), Function.MANAGEMENT)
    pay = [("M", f"2025-{k:02d}", "1", "8000") for k in range(1, 13)]
    pay += [("A1", f"2025-{k:02d}", "1", "1900") for k in range(1, 7)]
    pay += [("A2", f"2025-{k:02d}", "1", "2200") for k in range(7, 13)]
    r = wage_tension(enterprise(pay, [m, a1, a2]), W16, YEAR)
    assert r.compliant is True and ratio_json(r.ratio) == D("3.9025") and r.workers_compared == 2
    assert (r.lowest.worker_id, r.lowest.ids, r.lowest.pay_per_fte, r.lowest.months) == ("A1", ("A1", "A2"),
                                                                                          D(2050), 12)
    assert r.lowest.to_dict()["worker_ids"] == ["A1", "A2"] and r.highest.to_dict()["worker_ids"] == ["M"]
    (said,) = [x.text for x in r.reasons if x.text.fr.startswith("Plus élevé")]
    assert "plus bas : travailleurs A1, A2 (même personne) (2025-01 – 2025-12, 12 mois), 24 600,00 € / 12" in said.fr
    assert "lowest: workers A1, A2 (same person) (2025-01 – 2025-12, 12 months)" in said.en
    assert wages.check(enterprise(pay, [m, a1, a2]), W16, YEAR).summary.fr.endswith(
        "plus bas : travailleurs A1, A2 (même personne)")
    apart = [Worker(w.worker_id, w.hire_date, w.contract_type, w.fte, w.function, exit_date=w.exit_date)
             for w in (a1, a2)]
    r = wage_tension(enterprise(pay, [m, *apart]), W16, YEAR)
    assert r.compliant is False and ratio_json(r.ratio) == D("4.2106") and r.lowest.ids == ("A1",)
    b = [Worker(f"B{i}", date(2020, 1, 1), ContractType.CDI, D("0.5"), Function.PRODUCTION, national_number=niss)
         for i in (1, 2)]
    pay = [("M", f"2025-{k:02d}", "1", "8000") for k in range(1, 13)]
    pay += [(f"B{i}", f"2025-{k:02d}", "0.5", g) for i, g in ((1, "1000"), (2, "800")) for k in range(1, 13)]
    r = wage_tension(enterprise(pay, [m, *b]), W16, YEAR)
    assert r.lowest.pay_per_fte == D(1800) and r.lowest.months == 12 and r.lowest.fte == 1
    assert r.ratio == D(8000) / D(1800) and r.worker_months == 36
    z = replace(a1, worker_id="Z")
    y = replace(a2, worker_id="Y")
    pay = [("M", f"2025-{k:02d}", "1", "8000") for k in range(1, 13)]
    pay += [("Z", f"2025-{k:02d}", "1", "1900") for k in range(1, 7)]
    pay += [("Y", f"2025-{k:02d}", "1", "2200") for k in range(7, 13)]
    r = wage_tension(enterprise(pay, [m, y, z]), W16, YEAR)
    assert (r.lowest.worker_id, r.lowest.ids, r.lowest.pay_per_fte) == ("Z", ("Z", "Y"), D(2050))

def test_ratio_just_over_four_is_not_compliant_and_never_shows_as_four():
    """8 000.01 / 2 000 = 4.000005 > 4 → not compliant; JSON rounds up to 4.0001, display to 4,01."""
    e = enterprise([("M", "2025-03", "1", "8000.01"), ("P", "2025-03", "0.5", "1000")])
    result = wages.check(e, W16, YEAR)
    assert result.compliant is False
    assert result.details["ratio"] == D("4.0001")
    assert "4,01" in result.summary.fr
    # To fix: the highest down to 2 000 × 4 = 8 000,00 €, or the lowest up to 8 000,01 / 4 = 2 000,0025,
    # rounded UP to the cent: 2 000,01 € (2 000,00 would leave 8 000,01 / 2 000 = 4,000005 > 4).
    assert "8 000,00" in result.to_fix[0].fr and "2 000,01" in result.to_fix[0].fr
    raised = wages.check(enterprise([("M", "2025-03", "1", "8000.01"), ("P", "2025-03", "0.5", "1000.005")]), W16, YEAR)
    assert raised.compliant is True  # P at 2 000,01 €/etp: 8 000,01 / 2 000,01 = 3,99999… ≤ 4


def test_a_ratio_over_four_by_less_than_a_cent_is_not_compliant():
    """rules.md §3.4 « ne pourra excéder un à quatre ». M 8 000 €/month and P 2 000 €/month at etp 1 over
    2025, P's June 1 999,99 €: 96 000 ÷ 12 = 8 000 and 23 999,99 ÷ 12 = 1 999,99917 €/FTE-month, ratio
    8 000 ÷ 1 999,99917 = 4,0000017 > 4 → not compliant. Each pay rounded to the cent first (2 000,00) made
    it 4, « conforme ». The reason printed « 23 999,99 € / 12,00 ETP-mois = 2 000,00 € »: beside 8 000 ÷ 4 =
    2 000 it is 1 999,9991 € (4 places, rounded away from it). To fix: M down to 1 999,99917 × 4 =
    7 999,99667 → 7 999,99 € (rounded down), or P up to 8 000 ÷ 4 = 2 000,00 €. JSON pay_per_fte stays to the
    cent (2 000), the ratio rounded up to 4 places (4.0001), and printed rounded up to the hundredth: 4,01 (never
    shown on the limit it exceeds)."""
    rows = [("M", f"2025-{m:02d}", "1", "8000") for m in range(1, 13)]
    rows += [("P", f"2025-{m:02d}", "1", "1999.99" if m == 6 else "2000") for m in range(1, 13)]
    result = wages.check(enterprise(rows), W16, YEAR)
    assert result.compliant is False and result.details["ratio"] == D("4.0001")
    assert result.details["lowest"]["pay_per_fte"] == D("2000.00")
    why = next(r.text for r in result.reasons if r.text.fr.startswith("Plus élevé"))
    assert "23 999,99 € / 12,00 ETP-mois = 1 999,9991 € ; rapport 4,01." in why.fr
    assert "96 000,00 € / 12,00 ETP-mois = 8 000,00 €" in why.fr
    assert "€23,999.99 / 12.00 FTE-months = €1,999.9991; ratio 4.01." in why.en
    assert "7 999,99 €" in result.to_fix[0].fr and "2 000,00 €" in result.to_fix[0].fr


def test_a_13th_month_and_the_holiday_pay_count_in_each_workers_pay_not_as_a_month_of_their_own():
    """Belgian payroll: the double holiday pay in June (× 1,92) and a 13th month in December (× 2), for
    every worker (workbook.md: salaire_brut includes legal and extra-legal benefits).
    P: 2 000 € a month at etp 1 → 2 000 × (10 + 1,92 + 2) = 27 840 € over 12 FTE-months = 2 320,00 €.
    M: 4 400 € a month at etp 1 → 4 400 × 13,92 = 61 248 € over 12 FTE-months = 5 104,00 €.
    Ratio 5 104 / 2 320 = 2,2 ≤ 4 → compliant. (Month against month, M's December 8 800 € over P's
    January 2 000 € gave 4,4: a « breach » no remuneration makes.)"""
    rows = []
    for wid, base in (("M", 4400), ("P", 2000)):
        for m in range(1, 13):
            factor = {6: D("1.92"), 12: D(2)}.get(m, D(1))
            rows.append((wid, f"2025-{m:02d}", "1", str(base * factor)))
    r = wage_tension(enterprise(rows), W16, YEAR)
    assert (r.highest.worker_id, r.highest.pay_per_fte, r.highest.fte_months, r.highest.months) == \
        ("M", D("5104.00"), 12, 12)
    assert (r.lowest.worker_id, r.lowest.pay_per_fte, r.lowest.total_gross_pay) == ("P", D("2320.00"), D("27840.00"))
    assert r.ratio == D("2.2") and r.compliant is True
    # cli.md's ``month`` stays a « YYYY-MM » (the last month added up); the span is added beside it.
    high = r.highest.to_dict()
    assert (high["month"], high["span"], high["first_month"]) == ("2025-12", "2025-01/2025-12", "2025-01")
    assert r.workers_compared == 2 and r.worker_months == 24


def test_a_part_month_weighs_by_its_fte_in_the_workers_pay():
    """P hired on Saturday 24/08: August etp 8/31 (calendar share) = 0,2581, pay prorated on working days
    5/22 × 2 000 = 454,55 € (1 761,14 € per FTE that month); then 2 000 € at etp 1 in September–December.
    P: (454,55 + 4 × 2 000) / (0,2581 + 4) = 8 454,55 / 4,2581 = 1 985,5217 → 1 985,52 €. M: 7 200 € at etp 1 every
    month → 7 200 / 1 985,52 = 3,6263, shown 3,63 ≤ 4 → compliant (the August alone gave 7 200 / 1 761,14 = 4,09)."""
    rows = [("M", f"2025-{m:02d}", "1", "7200") for m in range(8, 13)]
    rows += [("P", "2025-08", "0.2581", "454.55")] + [("P", f"2025-{m:02d}", "1", "2000") for m in range(9, 13)]
    r = wage_tension(enterprise(rows), W16, YEAR)
    assert r.lowest.pay_per_fte == D("1985.52") and ratio_text(r.ratio) == "3,63" and r.compliant is True


def test_a_worker_employed_without_any_payroll_row_makes_a_ratio_within_the_limit_unknown():
    """M 3 000 €, P 2 000 € (ratio 1,5), and N employed all year with no Paie row: N's pay could be either
    end of the scale, so « within 1 : 4 » is not established → unknown, and the to-fix asks for N's payroll.
    With M at 9 000 € (ratio 4,5 > 4) the verdict stays « not compliant »: another figure cannot narrow it."""
    ws = [worker("M"), worker("P"), worker("N")]
    r = wages.check(enterprise([("M", "2025-01", "1", "3000"), ("P", "2025-01", "1", "2000")], ws), W16, YEAR)
    assert r.compliant is None and r.details["workers_without_pay"] == ["N"]
    assert any("N" in x.fr and "Paie" in x.fr for x in r.to_fix)
    over = wages.check(enterprise([("M", "2025-01", "1", "9000"), ("P", "2025-01", "1", "2000")], ws), W16, YEAR)
    assert over.compliant is False


def test_the_workers_without_payroll_are_said_in_the_singular_or_the_plural():
    """The workbook of the test above: N alone without a Paie row — « travailleur N occupé dans la période sans
    aucune ligne de paie ; son salaire par ETP … », « Occupé sans aucune ligne de paie dans la période (non
    comparé) : travailleur N. » (it said « N occupé(s) … ; leur salaire », « Occupés … (non comparés) : N. »);
    N and O: « travailleurs N, O occupés … ; leur salaire », « Occupés … (non comparés) : travailleurs N, O. »."""
    rows = [("M", "2025-01", "1", "3000"), ("P", "2025-01", "1", "2000")]
    one = wage_tension(enterprise(rows, [worker("M"), worker("P"), worker("N")]), W16, YEAR)
    said = [x.text.fr for x in one.reasons if x.text.fr.startswith("Indéterminé")]
    assert said == ["Indéterminé : travailleur N occupé dans la période sans aucune ligne de paie ; son salaire par "
                    "ETP pourrait dépasser l'écart permis."]
    assert "Occupé sans aucune ligne de paie dans la période (non comparé) : travailleur N." in [
        x.fr for x in one.notes]
    two = wage_tension(enterprise(rows, [worker("M"), worker("P"), worker("N"), worker("O")]), W16, YEAR)
    assert any(x.text.fr.startswith("Indéterminé : travailleurs N, O occupés dans la période sans aucune ligne de "
                                    "paie ; leur salaire par ETP") for x in two.reasons)
    assert "Occupés sans aucune ligne de paie dans la période (non comparés) : travailleurs N, O." in [
        x.fr for x in two.notes]


def test_no_payroll_row_is_owed_before_the_agrement_nor_after_the_last_payroll_month(monkeypatch):
    """Paie January–August 2025 (M 3 000 €, P 2 000 €: ratio 1,5). N hired 2025-10-01, after the last payroll
    month: no row is owed yet, the ratio stays « conforme ». B employed January–May 2025 with no row, the
    agrément on 2025-07-01: no payroll was owed to the EI's agrément before it — « conforme » too (both made
    it « indéterminé »)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))  # the year in progress
    rows = [(w, f"2025-{m:02d}", "1", pay) for w, pay in (("M", "3000"), ("P", "2000")) for m in range(1, 9)]
    ws = [worker("M"), worker("P"), Worker("N", date(2025, 10, 1), ContractType.CDI, D(1), Function.PRODUCTION)]
    later = wages.check(enterprise(rows, ws), W16, YEAR)
    assert later.compliant is True and later.details["workers_without_pay"] == []
    before = Worker("B", date(2024, 1, 1), ContractType.CDI, D(1), Function.PRODUCTION, exit_date=date(2025, 5, 31))
    e = enterprise(rows, [worker("M"), worker("P"), before])
    e = Enterprise(e.name, e.region, date(2025, 7, 1), workers=e.workers, pay=e.pay)
    assert wages.check(e, W16, YEAR).compliant is True


def test_fte_months_typed_as_formulas_are_shown_without_spreadsheet_noise():
    """P's etp typed =1/3 every month of 2025: 0,333333333333333 × 12 = 3,999999999999996 FTE-months, shown
    « 4,00 ETP-mois » (and 4 in JSON), not 3,999999999999996; pay 700 € a month → 8 400 / 4 = 2 100 €."""
    rows = [("P", f"2025-{m:02d}", "0.333333333333333", "700") for m in range(1, 13)]
    rows += [("M", f"2025-{m:02d}", "1", "4200") for m in range(1, 13)]
    r = wage_tension(enterprise(rows), W16, YEAR)
    assert r.lowest.to_dict()["fte_months"] == 4 and r.lowest.pay_per_fte == D("2100.00")
    said = " ".join(x.text.fr for x in r.reasons)
    assert "/ 4,00 ETP-mois = 2 100,00 €" in said and "3,9999" not in said


def test_months_with_fte_zero_are_left_out_and_said():
    """P's March has etp 0 (unpaid leave): left out. Remaining: 3 000 (M) / 2 000 (P, April) = 1.5."""
    e = enterprise([("M", "2025-03", "1", "3000"), ("P", "2025-03", "0", "0"), ("P", "2025-04", "1", "2000")])
    r = wage_tension(e, W16, YEAR)
    assert r.ratio == D("1.5")
    assert [(x.worker_id, str(x.month), x.reason) for x in r.excluded_months] == [("P", "2025-03", "fte_zero")]
    assert any("travailleur P en 2025-03" in reason.text.fr for reason in r.reasons)


def test_art60_and_months_outside_the_period_are_left_out():
    """A60 (art. 60 §7, paid by the CPAS) at 500 €/etp and a 2024 month are ignored: 3 000 / 2 000 = 1.5; the
    exclusion says on which text."""
    workers = [worker("M"), worker("P"), worker("A60", ContractType.ART60)]
    e = enterprise([("M", "2025-01", "1", "3000"), ("P", "2025-01", "1", "2000"), ("A60", "2025-01", "1", "500"),
                    ("M", "2024-12", "1", "9000")], workers)
    r = wage_tension(e, W16, YEAR)
    assert r.ratio == D("1.5") and r.excluded_workers == ("A60",) and r.worker_months == 2
    # The 13° sentence compares « un travailleur engagé par l'entreprise d'insertion agréée »: the exclusion cites
    # it (its reason printed no reference).
    [left_out] = [x for x in r.reasons if x.text.fr.startswith("Écarté comme article 60 §7")]
    assert left_out.parameter == "wages.max_ratio" and "condition d'agrément 13°" in left_out.reference


def test_walloon_regime_warns_about_scale_seniority_brussels_does_not():
    e = enterprise([("M", "2025-01", "1", "3000"), ("P", "2025-01", "1", "2000")])
    assert wage_tension(e, W16, YEAR).seniority_neutralised is False
    bxl = enterprise([("M", "2025-01", "1", "3000"), ("P", "2025-01", "1", "2000")], region=Region.BRUXELLES)
    r = wage_tension(bxl, get_regime("bruxelles-2004"), YEAR)
    assert r.seniority_neutralised is True and r.notes == ()


def test_the_pay_compared_cites_its_own_ground_verified_only_in_brussels_2004():
    """« salaire brut … (avantages compris : 13e mois, pécule de vacances…) » was in the reason citing the Walloon
    13° sentence « (vérifié dans le texte légal) »; rules.md §3.4: gross or net, benefits or not, is NOT FOUND for
    Wallonia (Q6 default), only Brussels 2004 says « en ce compris les avantages » (§5.4, verified). The ratio
    reason keeps the verified sentence and says nothing of gross pay or benefits; the basis is its own reason
    citing ``wages.basis``: project, inferred, under wallonie-2016 and wallonie-2003; the 2004 ordinance,
    verified, under bruxelles-2004; not found under bruxelles-2018 (its text replaced the 2004 one, §6). The
    Walloon citation printed « condition 13° » twice (title and article): once now. The sentence is verified in
    the decree of 19.12.2012 and carried into 2016 on SD ella's word (rules.md §3.4): the 2016 ratio is cited
    to both, ``secondary`` — it read « Décret wallon EI … vérifié dans le texte légal », no decree named."""
    rows = [("M", "2025-01", "1", "3000"), ("P", "2025-01", "1", "2000")]
    w = wage_tension(enterprise(rows), W16, YEAR)
    ratio, basis = w.reasons[0], w.reasons[1]
    assert ratio.parameter == "wages.max_ratio" and ratio.confidence == "secondary"
    assert "19.12.2012" in ratio.reference and "20.10.2016 selon SD Worx ella" in ratio.reference
    assert "brut" not in ratio.text.fr and "avantages" not in ratio.text.fr and "gross" not in ratio.text.en
    assert ratio.reference.count("13°") == 1 and "numéro d'article non retrouvé" in ratio.reference
    assert basis.parameter == "wages.basis" and "salaire brut, avantages compris" in basis.text.fr
    assert (basis.confidence, basis.reference) == ("inferred", W16.value("wages.basis", YEAR.end).cite())
    assert basis.reference.startswith("Choix du projet ei") and "Q6" in W16.param("wages.basis").reference.note
    w03 = get_regime("wallonie-2003").param("wages.basis")
    assert w03.confidence == "inferred" and "Q6" in w03.reference.note
    bxl = enterprise(rows, region=Region.BRUXELLES)
    b04 = wage_tension(bxl, get_regime("bruxelles-2004"), YEAR).reasons[1]
    assert b04.parameter == "wages.basis" and b04.confidence == "verified"
    assert b04.reference.startswith("Ordonnance du 18 mars 2004, condition 3°") and "§5.4" in \
        get_regime("bruxelles-2004").param("wages.basis").reference.note
    b18 = get_regime("bruxelles-2018").param("wages.basis")
    assert b18.confidence == "not_found" and b18.values[0].value == "unknown"


def test_no_payroll_is_unknown_and_outline_regime_not_established():
    e = enterprise([])
    assert wages.check(e, W16, YEAR).compliant is None
    outline = wages.check(enterprise([("M", "2025-01", "1", "3000")], region=Region.BRUXELLES),
                          get_regime("bruxelles-2018"), YEAR)
    # Not established, and every field of check-wages's contract there, empty (a script reading measured_to of a
    # Brussels workbook found it gone): the same fields as a wallonie-2016 line not judged, plus « established ».
    assert outline.compliant is None and outline.details == {**wages.EMPTY_DETAILS["fte_ratio"], "established": False}
    assert outline.details["measured_to"] is None and outline.details["provisional"] is False
    # D7: the unknown says which regime's texts it rests on (the reason cites them, confidence not_found)
    (reason,) = outline.reasons
    assert "bruxelles-2018" in reason.text.fr and "lecture retenue par le projet" in reason.text.fr and reason.reference
    assert reason.confidence == "not_found"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(100, 20000), st.sampled_from(["0.2", "0.5", "0.8", "1"])), min_size=1,
                max_size=8), st.integers(1, 5))
def test_ratio_is_at_least_one_and_does_not_change_when_all_pay_scales(rows, factor):
    pay = [(f"W{i}", "2025-06", fte, str(g)) for i, (g, fte) in enumerate(rows)]
    scaled = [(w, m, f, str(D(g) * factor)) for w, m, f, g in pay]
    a, b = wage_tension(enterprise(pay), W16, YEAR), wage_tension(enterprise(scaled), W16, YEAR)
    assert a.ratio >= 1 and a.ratio == b.ratio
    assert a.compliant == (a.ratio <= 4)


# ------------------------------------------------------------------------------------ CLI
runner = CliRunner()


def test_cli_json_on_the_walloon_sample_follows_the_contract():
    r = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2025", "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["command"] == "check-wages" and doc["compliant"] is True and doc["max_ratio"] == 4
    assert doc["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert set(doc["highest"]) >= {"worker_id", "month", "pay_per_fte"}
    assert doc["highest"]["worker_id"] == "W01" and doc["lowest"]["pay_per_fte"] > 0
    assert 1 <= doc["ratio"] <= 4 and "name" not in doc["highest"]


def test_cli_table_and_csv(tmp_path):
    r = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2025"])
    assert r.exit_code == 0 and "Plus élevé" in r.stdout and "conforme" in r.stdout
    assert "ancienneté barémique" in r.stdout
    out = tmp_path / "w.csv"
    r = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2025", "-o", str(out)])
    assert r.exit_code == 0
    lines = out.read_text().splitlines()
    assert lines[0].startswith("worker_id,month,fte,gross_pay,pay_per_fte") and len(lines) > 100


def test_cli_exit_1_when_over(make_workbook, workbook_sheets):
    """Worker 3 paid 9 000 € at etp 1 in both months (18 000 € / 2 FTE-months = 9 000 €) vs worker 2 paid
    1 050 € at etp 0.5 in both (2 100 € / 1 FTE-month = 2 100 €): 9 000 / 2 100 = 4.29 > 4."""
    from helpers_workbook import set_value

    set_value(workbook_sheets, "Paie", 5, "salaire_brut", 9000)
    set_value(workbook_sheets, "Paie", 6, "salaire_brut", 9000)
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check-wages", str(path), "--year", "2024", "--format", "json"])
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert doc["compliant"] is False and doc["highest"]["worker_id"] == "3"
    assert doc["ratio"] == pytest.approx(9000 / 2100, abs=1e-4)


def test_highest_and_lowest_keep_a_months_gross_pay_and_fte_with_the_sums_added(make_workbook, workbook_sheets):
    """cli.md's ``highest`` / ``lowest`` had ``gross_pay`` and ``fte`` of a month (the one compared); made
    sums over the period they read 12 times larger (48 000 € and 12 for 4 000 € a month at etp 1). The test
    workbook, worker 3 paid 4 000 € at etp 1 in January and 2 000 € at etp 0,5 in February, worker 2
    1 050 € at etp 0,5 both months, worker 1 2 100,50 € at etp 1 both months:
    worker 3: Σ 6 000 € over Σ 1,5 FTE-months = 4 000,00 € per FTE (highest); a month: 6 000 ÷ 2 =
    3 000,00 € at 1,5 ÷ 2 = 0,75 etp (3 000 ÷ 0,75 = 4 000, the same pay per FTE);
    worker 2: Σ 2 100 € over Σ 1 FTE-month = 2 100,00 € (lowest); a month: 1 050,00 € at 0,5 etp.
    The sums are added as ``total_gross_pay`` and ``fte_months``; the reasons and the table still show the
    sums (« 6 000,00 € / 1,50 ETP-mois = 4 000,00 € »)."""
    from helpers_workbook import set_value

    set_value(workbook_sheets, "Paie", 5, "salaire_brut", 4000)
    set_value(workbook_sheets, "Paie", 6, "salaire_brut", 2000)
    set_value(workbook_sheets, "Paie", 6, "etp", 0.5)
    path = make_workbook(workbook_sheets)
    doc = json.loads(runner.invoke(app, ["check-wages", str(path), "--year", "2024", "-f", "json"]).stdout)
    high, low = doc["highest"], doc["lowest"]
    assert (high["worker_id"], high["pay_per_fte"], high["gross_pay"], high["fte"]) == ("3", 4000, 3000, 0.75)
    assert (high["total_gross_pay"], high["fte_months"], high["months"], high["month"]) == (6000, 1.5, 2, "2024-02")
    assert (low["worker_id"], low["pay_per_fte"], low["gross_pay"], low["fte"]) == ("2", 2100, 1050, 0.5)
    assert (low["total_gross_pay"], low["fte_months"]) == (2100, 1)
    assert any("3 (2024-01 – 2024-02, 2 mois), 6 000,00 € / 1,50 ETP-mois = 4 000,00 €" in x["text"]
               for x in doc["reasons"])
    table = runner.invoke(app, ["check-wages", str(path), "--year", "2024"]).stdout
    assert "6 000,00" in table and "1,50" in table and "3 000,00" not in table


def test_ratio_of_exactly_four_with_a_part_month_typed_as_formulas():
    """M (direction) 8 000 € at etp 1; T hired 2019-11-26: November etp =5/30 and gross =2000*5/30,
    read at 15 significant digits as 0,166666666666667 and 333,333333333333. Pay per FTE
    333,333333333333 / 0,166666666666667 = 1 999,999999999994 (ratio 4,000000000000012: over 4, shown
    4,01, JSON 4.0001); to the cent it is 2 000,00 → 8 000 / 2 000 = 4 ≤ 4 → compliant."""
    e = Enterprise("EI test", Region.WALLONIE, date(2019, 1, 1),
                   workers=(Worker("M", date(2019, 1, 1), ContractType.CDI, D(1), Function.MANAGEMENT),
                            Worker("T", date(2019, 11, 26), ContractType.CDI, D(1), Function.PRODUCTION)),
                   pay=(PayMonth("M", Month(2019, 11), D(1), D(8000)),
                        PayMonth("T", Month(2019, 11), D("0.166666666666667"), D("333.333333333333"))))
    r = wage_tension(e, W16, Period.calendar_year(2019))
    assert r.lowest.pay_per_fte == D("2000.00") and r.ratio == 4 and r.compliant is True
    assert ratio_json(r.ratio) == D("4.0000")


def test_pay_outside_the_employment_dates_is_left_out_of_the_ratio():
    """M (direction) hired 2024-01-01: 8 000 € at etp 1 in 2025-03. P hired 2024-01-01 and left
    2025-01-31 (`date_sortie`), yet a Paie row 2025-03 at 1 000 € for etp 1 (a row not cleaned after the
    exit): it is left out (« hors occupation »), so P's 2025-01 row, 2 100 € at etp 1, is the lowest.
    8 000 / 2 100 = 3,8095… ≤ 4 → compliant (with the stray row: 8 000 / 1 000 = 8, not compliant)."""
    workers = [worker("M", function=Function.MANAGEMENT),
               Worker("P", date(2024, 1, 1), ContractType.CDI, D(1), Function.PRODUCTION, exit_date=date(2025, 1, 31))]
    e = enterprise([("M", "2025-03", "1", "8000"), ("P", "2025-01", "1", "2100"), ("P", "2025-03", "1", "1000")],
                   workers=workers)
    r = wage_tension(e, W16, YEAR)
    assert (r.lowest.worker_id, str(r.lowest.month)) == ("P", "2025-01")
    assert r.ratio == D(8000) / D(2100) and r.compliant is True
    assert [(x.worker_id, str(x.month), x.reason) for x in r.excluded_months] == [("P", "2025-03", "not_employed")]


def test_a_pay_per_fte_of_no_cent_or_beyond_any_figure_is_left_out_not_a_crash():
    """M 8 000 € at etp 1 and P 2 000 € at etp 1 in 2025-03 (ratio 4). Two more rows, which stopped the
    check on an internal error: Z paid 0,004 € for etp 1 (0,00 € per FTE once rounded: the ratio divided
    by zero), and H paid 999 999 999 999 999 € for etp 10^-12 (10^27 € per FTE: no rounding to the cent
    fits Decimal's 28 digits). Z is left out as « salaire nul » (no_pay), H as « etp nul » (fte_zero), and
    the ratio stays 8 000 / 2 000 = 4, compliant."""
    e = enterprise([("M", "2025-03", "1", "8000"), ("P", "2025-03", "1", "2000"), ("Z", "2025-03", "1", "0.004"),
                    ("H", "2025-03", "0.000000000001", "999999999999999")])
    r = wage_tension(e, W16, YEAR)
    assert r.ratio == 4 and r.compliant is True
    assert sorted((x.worker_id, x.reason) for x in r.excluded_months) == [("H", "fte_zero"), ("Z", "no_pay")]


def test_check_wages_judges_as_ei_check_does_around_the_agrement(make_workbook, workbook_sheets):
    """The test workbook (Paie January–February 2024), worker 3 paid 20 000 € in January and 3 100 € in
    February. Agrément 2024-02-01: `ei check` judges 2024 from the agrément — worker 3 at 3 100 / 1 = 3 100 €
    over 2 100 € (worker 2): 1,48 — while `ei check-wages` compared the whole year, (20 000 + 3 100) / 2 =
    11 550 € over 2 100 €: 5,50, « non conforme ». Both now say 1,48. Agrément 2031: no obligation applies;
    check-wages computes the ratio for information, « non applicable » (null, applicable false), exit 0 with
    --strict too (it said « non conforme », exit 1)."""
    from helpers_workbook import set_field, set_value

    set_value(workbook_sheets, "Paie", 5, "salaire_brut", 20000)
    set_field(workbook_sheets, "date_agrement", date(2024, 2, 1))
    path = make_workbook(workbook_sheets)
    alone = json.loads(CliRunner().invoke(app, ["check-wages", str(path), "--year", "2024", "-f", "json"]).stdout)
    dash = json.loads(CliRunner().invoke(app, ["check", str(path), "--year", "2024", "--only", "wages", "-f",
                                               "json"]).stdout)
    assert alone["compliant"] is dash["checks"][0]["compliant"] is True
    assert alone["ratio"] == dash["checks"][0]["ratio"] == pytest.approx(3100 / 2100, abs=1e-4)
    set_field(workbook_sheets, "date_agrement", date(2031, 1, 1))
    later = make_workbook(workbook_sheets)
    r = CliRunner().invoke(app, ["check-wages", str(later), "--year", "2024", "--strict", "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["compliant"] is None and doc["applicable"] is False
    assert doc["ratio"] == pytest.approx(11550 / 2100, abs=1e-4)


def test_no_payroll_known_yet_for_the_period_asks_nothing_to_fill_in(monkeypatch):
    """Agrément 2025-10-01, Paie closed at 2025-09: the wage tension judges 2025 from the agrément, where no
    payroll is known yet — « indéterminé : aucune paie encore connue », with no « Complétez la feuille Paie »
    (nothing is owed yet: the same months owe no row to a worker, wages.py's payroll window)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))  # the year in progress
    rows = [(w, f"2025-{m:02d}", "1", pay) for w, pay in (("M", "3000"), ("P", "2000")) for m in range(1, 10)]
    e = enterprise(rows)
    e = Enterprise(e.name, e.region, date(2025, 10, 1), workers=e.workers, pay=e.pay)
    result = wages.check(e, W16, Period(date(2025, 10, 1), date(2025, 12, 31)))
    assert result.compliant is None and result.to_fix == ()
    assert "aucune paie encore connue" in result.summary.fr


def test_without_any_payroll_a_period_not_begun_asks_nothing_to_fill_in():
    """No Paie row at all, today 2026-11-30 (the tests' day): ``data_horizon`` is today for a period not over
    (the payroll further behind than two months). 2027, not begun: « indéterminé : période pas encore commencée »,
    as the size says it (« aucune paie encore connue » until 2026-12-01), nothing to fill in yet (it said « aucune
    paie exploitable … Complétez la feuille Paie » for a year not begun). 2026, begun: the payroll is owed —
    « aucune paie exploitable », complete the Paie sheet."""
    e = Enterprise("EI test", Region.WALLONIE, date(2024, 1, 1), workers=(worker("M"), worker("P")))
    later = wages.check(e, W16, Period.calendar_year(2027))
    assert later.compliant is None and later.to_fix == ()
    assert later.summary.fr == "indéterminé : période pas encore commencée (date du jour : 2026-11-30)"
    assert any(r.text.fr == "La période 2027-01-01 – 2027-12-31 commence après la date du jour (2026-11-30) : aucune "
               "paie n'y est encore comparée." for r in later.reasons)
    now = wages.check(e, W16, Period.calendar_year(2026))
    assert now.compliant is None and "aucune paie exploitable" in now.summary.fr and now.to_fix


def test_a_year_in_progress_whose_payroll_is_behind_owes_the_months_past(monkeypatch):
    """Review (repro): today 2027-03-10, Paie to 2026-06 (more than two months behind, not
    ``payroll_current``). ``data_horizon`` of 2027 is the last month over by today, 2027-02-28 — the day
    `ei subsidy --year 2027` computes to, with January and February past without payroll. The wage check read
    the last Paie month (2026-06-30) before 2027-01-01 as « aucune paie encore connue pour la période », with
    nothing to fill in. The payroll is due up to the horizon: « aucune paie exploitable », a reason worded as
    the subsidy's (« jusqu'au 2027-02-28 (fin du dernier mois terminé, …) : les mois de paie manquants jusqu'à
    cette date sont à compléter »), and the Paie sheet to fill in to that day. On 2027-01-10 the horizon is
    2026-12-31, before 2027: still nothing due."""
    from ei_cli import periods

    rows = [(w, f"2026-{m:02d}", "1", pay) for w, pay in (("M", "3000"), ("P", "2000")) for m in range(1, 7)]
    e = enterprise(rows)
    monkeypatch.setattr(periods, "today", lambda: date(2027, 3, 10))
    r = wages.check(e, W16, Period.calendar_year(2027))
    assert r.compliant is None and r.summary.fr == "indéterminé : aucune paie exploitable dans la période"
    said = "2027-02-28 (fin du dernier mois terminé, année en cours, paie connue jusqu'au 2026-06-30)"
    assert r.reasons[-1].text.fr == (f"Aucun mois de paie utilisable dans la période jusqu'au {said} : les mois de "
                                     "paie manquants jusqu'à cette date sont à compléter, les suivants se calculent "
                                     "avec leur paie.")
    assert r.reasons[-1].text.en.startswith("No usable payroll month in the period up to 2027-02-28 (end of the last "
                                            "month over, year in progress, payroll known to 2026-06-30): the payroll "
                                            "months missing up to that day are to be filled in")
    assert [(x.fr, x.en) for x in r.to_fix] == [
        ("Complétez la feuille Paie de ses mois jusqu'au 2027-02-28 (salaire_brut et etp par mois).",
         "Fill in the Paie sheet for its months up to 2027-02-28 (salaire_brut and etp per month).")]
    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 10))
    early = wages.check(e, W16, Period.calendar_year(2027))
    assert "aucune paie encore connue" in early.summary.fr and early.to_fix == ()


def test_a_current_payroll_without_a_usable_month_has_nothing_missing_to_fill_in(monkeypatch):
    """Today 2027-03-10, Paie January–February 2027 at etp 0 (no month usable), ``payroll_current``: the payroll
    is paid up to the horizon 2027-02-28, so the reason names that day without « les mois de paie manquants … sont
    à compléter » (the sentence of a payroll behind, test above) — one sentence, its clause only when not current."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2027, 3, 10))
    e = enterprise([(w, f"2027-{m:02d}", "0", "3000") for w in ("M", "P") for m in (1, 2)])
    r = wages.check(e, W16, Period.calendar_year(2027))
    assert (r.reasons[-1].text.fr, r.reasons[-1].text.en) == (
        "Aucun mois de paie utilisable dans la période jusqu'au 2027-02-28 (année en cours, paie connue jusqu'au "
        "2027-02-28).",
        "No usable payroll month in the period up to 2027-02-28 (year in progress, payroll known to 2027-02-28).")


def test_csv_columns_are_only_ever_appended():
    """`ei check-wages -f csv`: bbc1bc6's columns, in that order; a new column may only come after them
    (spec/cli.md)."""
    r = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2025", "-f", "csv"])
    header = r.stdout.splitlines()[0].split(",")
    assert header[:7] == ["worker_id", "month", "fte", "gross_pay", "pay_per_fte", "included", "excluded_reason"]


def test_csv_shows_names_with_names_as_the_table_and_json_do():
    """`ei check-wages --names -f csv` showed no name while its table and JSON did (and the subsidy and
    eligibility CSVs add a `name` column): a `name` column now, last (columns are only appended), on every
    row — counted and left-out months alike; absent without --names."""
    import csv
    import io

    r = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2025", "-f", "csv", "--names"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.exit_code == 0 and list(rows[0])[-1] == "name"
    doc = json.loads(runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2025", "-f", "json", "--names"]).stdout)
    highest = doc["highest"]
    assert rows[0]["worker_id"] == highest["worker_id"] and rows[0]["name"] == highest["name"] == "Youssef Nowak"
    assert all(row["name"] for row in rows)
    r = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2025", "-f", "csv"])
    assert "name" not in r.stdout.splitlines()[0].split(",") and "Youssef Nowak" not in r.stdout


def test_left_out_months_are_said_in_the_table_and_the_json_and_names_shown_with_names(make_workbook,
                                                                                        workbook_sheets):
    """The test workbook (2024-01 and 2024-02) with worker 1's February at etp 0 (2 100,50 € paid: left out,
    fte_zero) and worker 2's January at 0 € (etp 0,5: left out, no_pay). Compared: worker 3, 6 200 € / 2
    FTE-months = 3 100,00 € per FTE (highest); worker 2, February only, 1 050 € / 0,5 = 2 100,00 € (lowest);
    worker 1, January only, 2 100,50 € / 1. Ratio 3 100 ÷ 2 100 = 1,476… → « 1,48 » (rounded up), ≤ 4: conforme.
    JSON ``excluded_months`` gives each left-out month with its reason; the table says them under it
    (« Écarté : travailleur 1 en 2024-02 (etp nul) », « Left out: worker 2 in 2024-01 (no pay) »: a bare
    « 1 2024-02 » read as figures); with --names, a « Nom » column holds
    the highest's and the lowest's names, absent without it."""
    from helpers_workbook import set_value

    set_value(workbook_sheets, "Paie", 2, "etp", 0)            # worker 1, 2024-02
    set_value(workbook_sheets, "Paie", 3, "salaire_brut", 0)   # worker 2, 2024-01
    path = str(make_workbook(workbook_sheets))
    r = runner.invoke(app, ["check-wages", path, "--year", "2024", "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["compliant"] is True and doc["ratio"] == pytest.approx(3100 / 2100, abs=1e-4)
    assert (doc["highest"]["worker_id"], doc["highest"]["pay_per_fte"]) == ("3", 3100)
    assert (doc["lowest"]["worker_id"], doc["lowest"]["pay_per_fte"]) == ("2", 2100)
    assert doc["excluded_months"] == [{"worker_id": "1", "month": "2024-02", "reason": "fte_zero"},
                                      {"worker_id": "2", "month": "2024-01", "reason": "no_pay"}]
    table = runner.invoke(app, ["check-wages", path, "--year", "2024", "--names"], env={"COLUMNS": "200"}).stdout
    assert "Rapport 1,48 (au plus 4) : conforme" in table
    assert "Écarté : travailleur 1 en 2024-02 (etp nul)" in table
    assert "Écarté : travailleur 2 en 2024-01 (salaire nul)" in table
    assert " Nom " in table and "Chloé Exemple" in table and "Bruno Exemple" in table
    english = runner.invoke(app, ["check-wages", path, "--year", "2024", "--lang", "en"], env={"COLUMNS": "200"}).stdout
    assert "Left out: worker 1 in 2024-02 (fte 0)" in english and "Left out: worker 2 in 2024-01 (no pay)" in english
    assert " Name " not in english and "Exemple" not in english


def test_numeric_worker_ids_are_named_as_workers_in_every_sentence():
    """workbook.md allows ids 1, 2, 3: the summary « rapport 1,50 (max 4) — 3 / 2 » read as the fraction 3/2.
    Worker 3 at 3 000 € / 1 ETP-mois = 3 000 €, worker 2 at 2 000 €: 3 000 ÷ 2 000 = 1,50 ≤ 4, named « plus
    élevé : travailleur 3 ; plus bas : travailleur 2 », as ``ei validate`` names them (« Travailleur 1 : »).
    Over the limit, worker 3 at 9 000 €: 9 000 ÷ 2 000 = 4,50 > 4; to fix, worker 3 down to 2 000 × 4 =
    8 000,00 € or worker 2 up to 9 000 ÷ 4 = 2 250,00 €, each named. Worker 4, employed without a Paie row,
    « Complétez la feuille Paie du travailleur 4 » (it said « … pour 4. »). The workers are employed all 2025 and
    paid for March only: the ratio is measured to 2025-03-31, « provisoire : paie incomplète », and January–February
    and April–December are to fill in too."""
    rows = [("3", "2025-03", "1", "3000"), ("2", "2025-03", "1", "2000")]
    ok = wages.check(enterprise(rows), W16, YEAR)
    assert ok.summary.fr == ("rapport 1,50 (max 4 ; au 2025-03-31, provisoire : paie incomplète) — plus élevé : "
                             "travailleur 3 ; plus bas : travailleur 2")
    assert ok.summary.en == ("ratio 1.50 (max 4; to 2025-03-31, provisional: payroll incomplete) — highest: worker 3; "
                             "lowest: worker 2")
    why = next(r.text for r in ok.reasons if r.text.fr.startswith("Plus élevé"))
    assert why.fr.startswith("Plus élevé : travailleur 3 (2025-03), ")
    assert " ; plus bas : travailleur 2 (2025-03), " in why.fr
    over = wages.check(enterprise([("3", "2025-03", "1", "9000"), ("2", "2025-03", "1", "2000")]), W16, YEAR)
    assert over.to_fix[0].fr == ("Ramenez le salaire moyen par ETP le plus élevé (travailleur 3) à 8 000,00 € au "
                                 "plus, ou relevez le plus bas (travailleur 2) à 2 250,00 € au moins.")
    assert "(worker 3) down to at most €8,000.00, or raise the lowest (worker 2)" in over.to_fix[0].en
    unpaid = wages.check(enterprise(rows, [worker("2"), worker("3"), worker("4")]), W16, YEAR)
    assert unpaid.compliant is None
    assert unpaid.to_fix[0] == t("Complétez la feuille Paie du travailleur 4.", "Fill in the Paie sheet for worker 4.")
    assert unpaid.to_fix[1].fr == ("Complétez la feuille Paie pour 2025-01 – 2025-02, 2025-04 – 2025-12 (salaire_brut "
                                   "et etp par mois).")


def test_a_month_is_measured_over_the_12_months_ending_with_it():
    """`ei batch --month 2024-12` compared December's pay alone: M 4 400 € a month and a 13th month in December
    (8 800 €), P 2 000 € a month, both full time all 2024 (agrément 2024-01-01): 8 800 / 2 000 = 4,40 > 4,
    « non conforme », while the year (interpretations.md: a worker's remuneration, not one pay slip) gives
    M (11 × 4 400 + 8 800) / 12 = 57 200 / 12 = 4 766,67 € per FTE over P 24 000 / 12 = 2 000 €: 2,38333…,
    rounded up to 4 decimals (the ratio never reads below the limit it reaches) = 2,3834 ≤ 4.
    A month is now measured over the 12 months ending with it (as the enterprise size): December 2024 →
    2024-01 … 2024-12, the ratio of `ei check --year 2024`, and a reason names that span. November 2024 →
    2023-12 … 2024-11, cut at the agrément (2024-01-01): 2024-01 … 2024-11, M 11 × 4 400 / 11 = 4 400 over
    2 000 = 2,2 (M's 20 000 € of 2023-12, before the agrément, not counted)."""
    rows = [("M", f"2024-{m:02d}", "1", "8800" if m == 12 else "4400") for m in range(1, 13)]
    rows += [("P", f"2024-{m:02d}", "1", "2000") for m in range(1, 13)] + [("M", "2023-12", "1", "20000")]
    e = enterprise(rows)
    december = wages.check(e, W16, Period(date(2024, 12, 1), date(2024, 12, 31)))
    assert december.compliant is True and december.details["ratio"] == D("2.3834")
    assert december.details["ratio"] == wages.check(e, W16, Period.calendar_year(2024)).details["ratio"]
    assert december.details["highest"]["span"] == "2024-01/2024-12" and december.details["highest"]["months"] == 12
    assert any("Période de moins d'un an (2024-12-01 – 2024-12-31) : chaque travailleur est mesuré sur les 12 mois "
               "qui finissent avec elle, 2024-01-01 – 2024-12-31 —" in r.text.fr for r in december.reasons)
    assert any("measured over the 12 months ending with it, 2024-01-01 – 2024-12-31 —" in r.text.en
               for r in december.reasons)
    november = wages.check(e, W16, Period(date(2024, 11, 1), date(2024, 11, 30)))
    assert november.details["ratio"] == D("2.2") and november.details["highest"]["first_month"] == "2024-01"
    assert any("2024-01-01 – 2024-11-30, à partir de la date d'agrément" in r.text.fr for r in november.reasons)
    year = wages.check(e, W16, Period.calendar_year(2024))
    assert not any("moins d'un an" in r.text.fr for r in year.reasons)


def test_a_month_after_the_last_payroll_month_is_not_measured_on_the_months_before_it():
    """Paie to 2024-12 (the test's today is 2026-11-30, so the payroll is behind): `--month 2025-03` knows
    nothing of March 2025; the 12 months ending with it (2024-04 … 2025-03) would judge it on 2024's pay. It
    stays « aucune paie exploitable dans la période », unknown, as before."""
    rows = [(w, f"2024-{m:02d}", "1", pay) for w, pay in (("M", "4400"), ("P", "2000")) for m in range(1, 13)]
    r = wages.check(enterprise(rows), W16, Period(date(2025, 3, 1), date(2025, 3, 31)))
    assert r.compliant is None and r.details["ratio"] is None


def test_one_worker_compared_over_one_month_is_said_in_the_singular(make_workbook, workbook_sheets):
    """Worker 1 alone, one Paie row (2024-01, etp 1): highest = lowest, ratio 1 ÷ 1 = 1,00 over 1 worker and
    1 worker-month. The line said « 1 travailleurs comparés » / « 1 workers compared, 1 worker-months »."""
    for sheet in ("Personnel", "Paie", "Suivi"):
        workbook_sheets[sheet] = workbook_sheets[sheet][:2]
    path = make_workbook(workbook_sheets)
    fr = runner.invoke(app, ["check-wages", str(path), "--year", "2024"], env={"COLUMNS": "300"}).stdout
    en = runner.invoke(app, ["check-wages", str(path), "--year", "2024", "--lang", "en"], env={"COLUMNS": "300"}).stdout
    assert "— 1 travailleur comparé, 1 mois-travailleur" in fr
    assert "— 1 worker compared, 1 worker-month" in en and "worker-months" not in en


def test_no_payroll_row_is_owed_for_the_month_still_running_with_a_payroll_far_behind(monkeypatch):
    """Paie January–June 2026 (M 3 000 €, P 2 000 €: ratio 1,5), judged 2026-11-30 (more than two months behind):
    payroll is owed up to the last month over by today (``rules.common.data_horizon``: 2026-10-31), not to today.
    N, hired 2026-11-02, has no payroll row to miss yet — November runs until its last day: « conforme ». It was
    owed one (horizon today), so the ratio was « indéterminé » with N « sans aucune ligne de paie ». K, hired
    2026-10-01, owes October's row: still unknown."""
    rows = [(w, f"2026-{m:02d}", "1", pay) for w, pay in (("M", "3000"), ("P", "2000")) for m in range(1, 7)]
    n = Worker("N", date(2026, 11, 2), ContractType.CDI, D(1), Function.PRODUCTION)
    r = wages.check(enterprise(rows, [worker("M"), worker("P"), n]), W16, Period.calendar_year(2026))
    assert r.compliant is True and r.details["workers_without_pay"] == []
    k = Worker("K", date(2026, 10, 1), ContractType.CDI, D(1), Function.PRODUCTION)
    r = wages.check(enterprise(rows, [worker("M"), worker("P"), k]), W16, Period.calendar_year(2026))
    assert r.compliant is None and r.details["workers_without_pay"] == ["K"]


def test_the_table_without_any_worker_compared_has_no_highest_or_lowest_row(make_workbook, workbook_sheets):
    """The test workbook (2024-01 and 2024-02) with every Paie row at etp 0: all six worker-months left out
    (fte_zero), nobody compared — no highest and no lowest (JSON null), ratio unknown. The table keeps its
    header and prints neither row (``wages_table``'s ``row`` skips an end that is None), then « Rapport ? (au
    plus 4) : indéterminé — 0 travailleur comparé, 0 mois-travailleur » and each month left out; no crash on
    the missing ends, in either language."""
    from helpers_workbook import set_value

    for row in range(1, 7):
        set_value(workbook_sheets, "Paie", row, "etp", 0)
    path = str(make_workbook(workbook_sheets))
    doc = json.loads(runner.invoke(app, ["check-wages", path, "--year", "2024", "-f", "json"]).stdout)
    assert doc["compliant"] is None and doc["highest"] is None and doc["lowest"] is None and doc["ratio"] is None
    fr = runner.invoke(app, ["check-wages", path, "--year", "2024", "--names"], env={"COLUMNS": "200"})
    assert fr.exit_code == 0, fr.output
    assert "Salaire / ETP" in fr.stdout and "Plus élevé" not in fr.stdout and "Plus bas" not in fr.stdout
    assert "Rapport ? (au plus 4) : indéterminé — 0 travailleur comparé, 0 mois-travailleur" in fr.stdout
    assert "Écarté : travailleur 1 en 2024-01 (etp nul)" in fr.stdout
    assert "Écarté : travailleur 3 en 2024-02 (etp nul)" in fr.stdout
    en = runner.invoke(app, ["check-wages", path, "--year", "2024", "--lang", "en"], env={"COLUMNS": "200"})
    assert en.exit_code == 0, en.output
    assert "Pay per FTE" in en.stdout and "Highest" not in en.stdout and "Lowest" not in en.stdout
    assert "Ratio ? (at most 4): unknown — 0 workers compared, 0 worker-months" in en.stdout


def test_every_list_of_workers_follows_the_one_worker_order():
    """Ids 9, 10, 2, 1, 11 (in that row order), each 2 000 € at etp 1 in January 2025 and etp 0 in March: the
    months left out, the CSV rows (one pay per FTE, so worker by worker), and the same lists of art. 60 §7
    workers and of workers without payroll, go 1, 2, 9, 10, 11 (as text: 1, 10, 11, 2, 9). On a tie of pay
    per FTE (2 000 ÷ 1 each, ratio 1) the lowest is the first in that order, the highest the last: 1 and 11
    (as text, 1 and 9)."""
    from ei_cli.output import RunOptions
    from ei_cli.render.wages import wages_csv

    order = IN_WORKER_ORDER
    rows = [(w, m, f, g) for w in SHEET_IDS for m, f, g in (("2025-01", "1", "2000"), ("2025-03", "0", "2000"))]
    e = enterprise(rows, [worker(w) for w in SHEET_IDS])
    r = wage_tension(e, W16, YEAR)
    assert [x.worker_id for x in r.excluded_months] == order
    assert [row[0] for row in wages_csv(r, e, RunOptions())[1]] == order + order
    assert (r.lowest.worker_id, r.highest.worker_id, r.ratio) == ("1", "11", D(1))
    art60 = [worker(w, ContractType.ART60) for w in SHEET_IDS]
    paid = [("M", "2025-01", "1", "3000"), ("P", "2025-01", "1", "2000")] + [(w, "2025-01", "1", "500") for w in SHEET_IDS]
    assert wage_tension(enterprise(paid, [worker("M"), worker("P"), *art60]), W16, YEAR).excluded_workers == tuple(order)
    unpaid = enterprise(paid[:2], [worker("M"), worker("P"), *(worker(w) for w in SHEET_IDS)])
    assert wage_tension(unpaid, W16, YEAR).workers_without_pay == tuple(order)


# ------------------------------------------------------------------ a year in progress, a payroll stopping short
def _monthly(months, pays: dict[str, str], year: int = 2025) -> list[tuple[str, str, str, str]]:
    """Paie rows at etp 1: each worker of ``pays`` paid that gross pay in each month of ``months``."""
    return [(w, f"{year}-{m:02d}", "1", pay) for w, pay in pays.items() for m in months]


def test_a_year_in_progress_is_compared_up_to_the_current_month_and_provisional(monkeypatch):
    """Today 2025-06-15; M 4 000 € and P 2 000 € at etp 1 every month, the payroll typed ahead to 2025-10 with
    a 60 000 € bonus for M in July. The months after June have not begun (``paid_to``: the current month's
    end): compared January–June, M 6 × 4 000 ÷ 6 = 4 000 €, P 2 000 €, 4 000 ÷ 2 000 = 2,00, « conforme »,
    provisional, measured to 2025-06-30, 12 worker-months. Before, the ten months typed were compared as
    final: M (9 × 4 000 + 64 000) ÷ 10 = 10 000 €, 10 000 ÷ 2 000 = 5,00, « non conforme »."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2025, 6, 15))
    rows = _monthly(range(1, 11), {"M": "4000", "P": "2000"})
    rows[6] = ("M", "2025-07", "1", "64000")
    assert rows[6][1] == "2025-07"
    result = wages.check(enterprise(rows), W16, YEAR)
    assert result.compliant is True and result.details["ratio"] == D("2.0000")
    assert result.details["worker_months"] == 12
    assert result.details["provisional"] is True and result.details["measured_to"] == "2025-06-30"
    assert result.summary.fr == ("rapport 2,00 (max 4 ; au 2025-06-30, provisoire : année en cours) — plus élevé : "
                                 "travailleur M ; plus bas : travailleur P")
    assert result.to_fix == ()
    assert any(r.text.fr.startswith("Période en cours (date du jour : 2025-06-15) : salaires comparés jusqu'au "
                                    "2025-06-30 (fin du mois en cours, année en cours, paie saisie d'avance jusqu'au "
                                    "2025-10-31)") for r in result.reasons)


def test_a_year_over_with_its_last_months_unpaid_is_provisional_and_asks_for_them(monkeypatch):
    """Today 2026-03-10, 2025 over; M 4 000 €, P 2 000 € employed all 2025, Paie January–October only (more than
    two months behind: missing, not awaited). Compared on their ten months: 40 000 ÷ 10 = 4 000, 20 000 ÷ 10 =
    2 000, ratio 2,00, « conforme » — « provisoire : paie incomplète », measured to 2025-10-31, and « Complétez la
    feuille Paie pour 2025-11 – 2025-12 ». It read « conforme », final, November and December silently left out.
    With every month paid, nothing provisional, nothing to fill in; with both workers gone on 2025-10-31, the
    two months owe no payroll: final too."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 3, 10))
    short = wages.check(enterprise(_monthly(range(1, 11), {"M": "4000", "P": "2000"})), W16, YEAR)
    assert short.compliant is True and short.details["ratio"] == D("2.0000")
    assert short.details["provisional"] is True and short.details["measured_to"] == "2025-10-31"
    assert short.summary.fr.startswith("rapport 2,00 (max 4 ; au 2025-10-31, provisoire : paie incomplète) — ")
    assert short.to_fix == (t("Complétez la feuille Paie pour 2025-11 – 2025-12 (salaire_brut et etp par mois).",
                              "Fill in the Paie sheet for 2025-11 – 2025-12 (salaire_brut and etp per month)."),)
    whole = wages.check(enterprise(_monthly(range(1, 13), {"M": "4000", "P": "2000"})), W16, YEAR)
    assert whole.details["provisional"] is False and whole.details["measured_to"] == "2025-12-31"
    assert whole.summary.fr == "rapport 2,00 (max 4) — plus élevé : travailleur M ; plus bas : travailleur P"
    assert whole.to_fix == ()
    gone = [replace(worker(w), exit_date=date(2025, 10, 31)) for w in ("M", "P")]
    left = wages.check(enterprise(_monthly(range(1, 11), {"M": "4000", "P": "2000"}), gone), W16, YEAR)
    assert left.details["provisional"] is False and left.to_fix == ()


def test_a_year_just_over_awaits_its_last_payroll_without_asking_for_it(monkeypatch):
    """Today 2026-01-10, Paie to 2025-11 (current: November is two months before January): December's payroll is
    within the usual lag — « provisoire : en attente de la paie de 2025-12 », nothing to fill in; M 4 000 €,
    P 1 000 €: 4 000 ÷ 1 000 = 4,00, « conforme » to 2025-11-30."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 1, 10))
    result = wages.check(enterprise(_monthly(range(1, 12), {"M": "4000", "P": "1000"})), W16, YEAR)
    assert result.compliant is True and result.details["ratio"] == D("4.0000")
    assert result.summary.fr.startswith(
        "rapport 4,00 (max 4 ; au 2025-11-30, provisoire : en attente de la paie de 2025-12) — ")
    assert result.to_fix == () and result.details["provisional"] is True


def test_a_year_not_begun_is_not_compared_on_a_payroll_typed_ahead(monkeypatch):
    """Today 2025-12-01, Paie typed to 2026-02 (M 9 000 €, P 1 000 €: 9,00 if compared). 2026 has not begun:
    « indéterminé : période pas encore commencée (date du jour : 2025-12-01) », nothing to fill in, not provisional
    (it read « rapport 9,00 (max 4) », « non conforme », on two months not begun). 2025, in progress, is compared on
    January–December as typed up to the current month: 9,00 « non conforme », provisional (year in progress)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2025, 12, 1))
    rows = _monthly(range(1, 13), {"M": "9000", "P": "1000"}) + _monthly(range(1, 3), {"M": "9000", "P": "1000"},
                                                                         2026)
    later = wages.check(enterprise(rows), W16, Period.calendar_year(2026))
    assert later.compliant is None and later.to_fix == () and later.details["provisional"] is False
    assert later.summary.fr == "indéterminé : période pas encore commencée (date du jour : 2025-12-01)"
    now = wages.check(enterprise(rows), W16, YEAR)
    assert now.compliant is False and now.details["ratio"] == D("9.0000") and now.details["provisional"] is True
    assert now.summary.fr.startswith("rapport 9,00 (max 4 ; au 2025-12-31, provisoire : année en cours) — ")
    assert any(r.text.fr.startswith("Période en cours (date du jour : 2025-12-01) : paie saisie jusqu'à sa fin "
                                    "(2025-12-31)") for r in now.reasons)


def test_check_wages_says_a_year_in_progress_is_provisional(monkeypatch):
    """The sample (Paie to 2026-10, 15 workers compared every month) on 2026-06-15: compared January–June,
    15 × 6 = 90 worker-months, measured to 2026-06-30; the table says « (au 2026-06-30, provisoire : année en
    cours) » after the verdict, the JSON ``provisional`` true, ``measured_to`` « 2026-06-30 »."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 6, 15))
    runner = CliRunner()
    out = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2026", "--format", "json"])
    data = json.loads(out.stdout)
    assert (data["provisional"], data["measured_to"], data["worker_months"]) == (True, "2026-06-30", 90)
    table = runner.invoke(app, ["check-wages", str(SAMPLE), "--year", "2026"], env={"COLUMNS": "200"}).stdout
    assert ": conforme (au 2026-06-30, provisoire : année en cours) — 15 travailleurs comparés, 90 " in table


def test_which_months_a_ratio_lacks_are_the_months_without_a_row_of_the_workers_under_contract(monkeypatch):
    """Review of the change (2026-12-01). M 4 000 €, P 2 000 € at etp 1 (ratio 4 000 ÷ 2 000 = 2,00 whatever the
    months compared), employed all 2025 unless said:
    - art. 60 rows do not hide the missing ones: C (art. 60) paid January–December, M and P January–October; on
      2026-03-10 (Paie behind: missing, not awaited) « paie incomplète », November–December to fill in (C's rows
      made the last Paie month December: final, nothing asked);
    - a gap before the last month is missing too: M and P paid March–December only → « paie incomplète », fill in
      « 2025-01 – 2025-02 » (it was final);
    - the months listed are those employing someone: M and P leave 2025-09-30, N hired 2025-12-01 (paid nothing),
      Paie to 2025-08 → « 2025-09, 2025-12 », not October–November, which employ no one (the span read
      « 2025-09 – 2025-12 »);
    - a month awaited owes no row: on 2026-01-10, Paie to 2025-11 (current), N hired 2025-12-01 → « en attente de la
      paie de 2025-12 », « conforme », nothing to fill in (it was « indéterminé », asking N's December payroll);
    - a year in progress with its payroll behind says where the pay compared stops: on 2025-10-15 with Paie to
      2025-06, compared up to 2025-06-30, the horizon 2025-09-30, July–September to fill in."""
    from ei_cli import periods

    both = {"M": "4000", "P": "2000"}
    monkeypatch.setattr(periods, "today", lambda: date(2026, 3, 10))
    c = Worker("C", date(2024, 1, 1), ContractType.ART60, D(1), Function.PRODUCTION)
    art60 = wages.check(enterprise(_monthly(range(1, 11), both) + _monthly(range(1, 13), {"C": "1500"}),
                                   [worker("M"), worker("P"), c]), W16, YEAR)
    assert art60.summary.fr.startswith("rapport 2,00 (max 4 ; au 2025-10-31, provisoire : paie incomplète) — ")
    assert art60.to_fix[-1].fr.startswith("Complétez la feuille Paie pour 2025-11 – 2025-12 ")
    gap = wages.check(enterprise(_monthly(range(3, 13), both)), W16, YEAR)
    assert gap.details["provisional"] is True and "paie incomplète" in gap.summary.fr
    assert gap.to_fix[-1].fr.startswith("Complétez la feuille Paie pour 2025-01 – 2025-02 ")
    gone = [replace(worker(w), exit_date=date(2025, 9, 30)) for w in ("M", "P")]
    n = Worker("N", date(2025, 12, 1), ContractType.CDI, D(1), Function.PRODUCTION)
    holes = wages.check(enterprise(_monthly(range(1, 9), both), gone + [n]), W16, YEAR)
    assert holes.to_fix[-1].fr.startswith("Complétez la feuille Paie pour 2025-09, 2025-12 ")
    monkeypatch.setattr(periods, "today", lambda: date(2026, 1, 10))
    hired = wages.check(enterprise(_monthly(range(1, 12), both), [worker("M"), worker("P"), n]), W16, YEAR)
    assert hired.compliant is True and hired.to_fix == () and hired.details["workers_without_pay"] == []
    assert "provisoire : en attente de la paie de 2025-12)" in hired.summary.fr
    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))
    behind = wages.check(enterprise(_monthly(range(1, 7), both)), W16, YEAR)
    assert behind.details["measured_to"] == "2025-06-30"
    assert any(r.text.fr.startswith("Période en cours (date du jour : 2025-10-15) : salaires comparés jusqu'au "
                                    "2025-06-30 (horizon : 2025-09-30 (fin du dernier mois terminé, année en cours, "
                                    "paie connue jusqu'au 2025-06-30))") for r in behind.reasons)
    assert behind.to_fix[-1].fr.startswith("Complétez la feuille Paie pour 2025-07 – 2025-09 ")


def test_the_monthly_run_measures_the_year_ending_with_its_month_when_its_payroll_is_not_missing(monkeypatch):
    """Batch audit (2026-12-01), ``ei batch --month`` (the 12 months ending with the month). M 4 000 €, P 2 000 € at
    etp 1 every month paid (ratio 4 000 ÷ 2 000 = 2,00):
    - December just over, its payroll within the usual lag (today 2026-01-05, Paie to 2025-11): the window 2025-01
      … 2025-12, « conforme (… provisoire : en attente de la paie de 2025-12) », nothing to fill in — as
      ``--year 2025`` says that day; it read « indéterminé : aucune paie exploitable », « Complétez la feuille
      Paie », and failed ``--strict``;
    - the month running (today 2025-11-15, Paie to 2025-10): the window to 2025-10-31, « provisoire : année en
      cours », as the size measures the same window (it read « aucune paie encore connue »);
    - a month not begun (today 2025-11-15, ``--month 2025-12``, Paie typed ahead to 2026-02): « période pas encore
      commencée », not a ratio on the window because the payroll typed ahead reached it."""
    from ei_cli import periods

    both = {"M": "4000", "P": "2000"}
    december, november = Period(date(2025, 12, 1), date(2025, 12, 31)), Period(date(2025, 11, 1), date(2025, 11, 30))
    monkeypatch.setattr(periods, "today", lambda: date(2026, 1, 5))
    lag = wages.check(enterprise(_monthly(range(1, 12), both)), W16, december)
    assert lag.compliant is True and lag.details["ratio"] == D("2.0000") and lag.to_fix == ()
    assert "provisoire : en attente de la paie de 2025-12)" in lag.summary.fr
    assert wages.check(enterprise(_monthly(range(1, 12), both)), W16, YEAR).summary == lag.summary
    monkeypatch.setattr(periods, "today", lambda: date(2025, 11, 15))
    running = wages.check(enterprise(_monthly(range(1, 11), both)), W16, november)
    assert running.compliant is True and running.details["measured_to"] == "2025-10-31"
    assert "provisoire : année en cours)" in running.summary.fr
    ahead = enterprise(_monthly(range(1, 13), both) + _monthly(range(1, 3), both, 2026))
    later = wages.check(ahead, W16, december)
    assert later.compliant is None and later.to_fix == () and later.details["ratio"] is None
    assert later.summary.fr == "indéterminé : période pas encore commencée (date du jour : 2025-11-15)"
