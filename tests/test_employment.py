"""Employment conditions of target workers (Wallonia 2016, rules.md §3.3): CDI within 6 months, ≥ half-time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from ei_cli.i18n import t
from ei_cli.model import ContractType, Enterprise, Function, PayMonth, Region, Worker
from ei_cli.periods import Month, Period
from ei_cli.regimes import get_regime
from ei_cli.rules import employment
from ei_cli.rules.common import obligation_deadline
from ei_cli.rules.employment import cdi_date

from helpers_rules import StatusReport, one_person, IN_WORKER_ORDER, SHEET_IDS

Report = StatusReport


W16 = get_regime("wallonie-2016")
YEAR = Period.calendar_year(2025)




def worker(wid="T1", hire=date(2025, 1, 15), contract=ContractType.CDD, cdi=None, fte="1", exit=None) -> Worker:
    return Worker(wid, hire, contract, D(fte), Function.PRODUCTION, open_ended_since=cdi, exit_date=exit)


def run(*workers, status=None, pay=(), period=YEAR):
    e = Enterprise("EI", Region.WALLONIE, date(2024, 1, 1), workers=tuple(workers), pay=tuple(pay))
    report = Report(status or {w.worker_id: True for w in workers})
    return employment.check(e, W16, period, report)


def test_cdi_on_the_last_allowed_day_is_compliant():
    """Hired 15/01/2025; last allowed day = 15/01 + 6 months = 15/07/2025 (a 6-month CDD runs 15/01–14/07,
    the CDI starts the next day). CDI on 15/07/2025 → compliant."""
    w = worker(cdi=date(2025, 7, 15))
    assert obligation_deadline(w, 6, w.hire_date) == date(2025, 7, 15)
    result = run(w)
    assert result.compliant is True and result.details["violations"] == []


def test_a_hire_on_the_31st_has_until_the_first_of_the_month_after_the_short_one():
    """Hired 31/08/2024: 6 months « de quantième à veille de quantième » run to the last day of February
    2025 (no 31st), so a 6-month CDD ends on 28/02 and a CDI on 01/03/2025 is on time (last allowed day
    01/03). Clamped, the deadline was 28/02 and that CDI was late."""
    w = worker(hire=date(2024, 8, 31), cdi=date(2025, 3, 1))
    assert obligation_deadline(w, 6, w.hire_date) == date(2025, 3, 1)
    assert run(w).compliant is True
    assert run(worker(hire=date(2024, 8, 31), cdi=date(2025, 3, 2))).compliant is False


def test_cdi_the_day_after_is_a_violation_with_its_dates():
    """CDI on 16/07/2025, one day after the last allowed day 15/07/2025 → breach from 15/07 to 15/07."""
    result = run(worker(cdi=date(2025, 7, 16)))
    assert result.compliant is False
    (v,) = result.details["violations"]
    assert (v["kind"], v["deadline"], v["cdi_date"], v["since"], v["until"]) == (
        "cdi_late", date(2025, 7, 15), date(2025, 7, 16), date(2025, 7, 15), date(2025, 7, 15))
    assert "16/07" not in v["text"].fr and "2025-07-15" in v["text"].fr


def test_cdd_never_converted_and_still_employed_is_a_violation():
    result = run(worker())
    assert result.compliant is False and result.details["violations"][0]["cdi_date"] is None
    assert "T1" in result.to_fix[0].fr


def test_cdd_that_ends_before_the_deadline_is_not_a_violation():
    """CDD 15/01–14/07/2025 (exactly six months), not renewed: never employed on the last allowed day 15/07."""
    assert run(worker(exit=date(2025, 7, 14))).compliant is True
    # One more day (exit 15/07) and the worker is employed on the last allowed day without a CDI.
    assert run(worker(exit=date(2025, 7, 15))).compliant is False


def test_breach_outside_the_period_does_not_count():
    """Hired 15/01/2024 on CDD, CDI on 01/09/2024 (late, deadline 15/07/2024): remedied before 2025."""
    w = worker(hire=date(2024, 1, 15), cdi=date(2024, 9, 1))
    assert run(w).compliant is True
    assert employment.check(Enterprise("EI", Region.WALLONIE, date(2024, 1, 1), workers=(w,)), W16,
                            Period.calendar_year(2024), Report({"T1": True})).compliant is False


def test_deadline_after_the_period_is_not_yet_due():
    """Hired 01/10/2025 on CDD: CDI due by 01/04/2026, after the 2025 period."""
    assert run(worker(hire=date(2025, 10, 1))).compliant is True


def test_cdi_from_the_start_and_date_cdi_before_hire():
    assert cdi_date(worker(contract=ContractType.CDI)) == date(2025, 1, 15)
    assert cdi_date(worker(contract=ContractType.CDI, cdi=date(2024, 1, 1))) == date(2025, 1, 15)


def test_a_date_cdi_after_the_exit_is_no_cdi_and_no_crash():
    """Audit (differential, wb/326): one person, T07 CDD 2023-09-05 … 2024-10-09, T08 replacement 2024-10-04 …
    2024-11-03 with date_cdi 2025-04-22 (after its own exit), T10 CDD 2024-12-06 … 2025-06-04. The CDI rule took
    T08 as open-ended to 2025-04-21 — past its exit — and named a contract employed in no day of it: « Erreur
    interne (IndexError) ». A contract over cannot turn into a CDI: T08 is read as never open-ended. Deadline:
    hired before the agrément (2024-01-01), so agrément + 6 months = 2024-07-01; no CDI ever, so 2025 holds T10's
    stretch (a new one: 2024-12-06 is a month after T08's exit), 2024-12-06 … its exit 2025-06-04: one breach."""
    assert cdi_date(worker(cdi=date(2025, 4, 22), exit=date(2024, 11, 3), hire=date(2024, 10, 4))) is None
    assert cdi_date(worker(cdi=date(2025, 4, 22), exit=date(2025, 4, 22))) == date(2025, 4, 22)
    ws = one_person(worker("T07", hire=date(2023, 9, 5), exit=date(2024, 10, 9)),
                    worker("T08", hire=date(2024, 10, 4), exit=date(2024, 11, 3), cdi=date(2025, 4, 22)),
                    worker("T10", hire=date(2024, 12, 6), exit=date(2025, 6, 4)))
    result = run(*ws)
    (v,) = result.details["violations"]
    assert (v["worker_id"], v["kind"], v["since"], v["until"], v["deadline"], v["cdi_date"]) == (
        "T10", "cdi_late", date(2024, 12, 6), date(2025, 6, 4), date(2024, 7, 1), None)


def test_fte_exactly_half_is_compliant_below_is_not():
    """Contractual etp 0.5 = minimum 0.5 → compliant; 0.49 < 0.5 → violation."""
    assert run(worker(contract=ContractType.CDI, fte="0.5")).compliant is True
    result = run(worker(contract=ContractType.CDI, fte="0.49"))
    assert result.compliant is False
    assert result.details["violations"][0]["kind"] == "below_min_fte"


def test_paid_fte_below_minimum_is_a_note_not_a_breach():
    """Contract 0.5 but March 2025 paid at 0.4 over the whole month: noted (contract change?), still compliant.
    January is a partial month (hired 15/01) and is not noted."""
    w = worker(contract=ContractType.CDI, fte="0.5")
    pay = [PayMonth("T1", Month(2025, 1), D("0.27"), D(600)), PayMonth("T1", Month(2025, 3), D("0.4"), D(900))]
    result = run(w, pay=pay)
    assert result.compliant is True
    assert [(p["month"], p["fte"]) for p in result.details["paid_below_min"]] == [(Month(2025, 3), D("0.4"))]


def test_months_paid_below_are_noted_for_target_workers_only():
    """rules.md §3.3 (at least half-time) binds the target workers. The note of
    test_paid_fte_below_minimum_is_a_note_not_a_breach (contract 0,5, March 2025 paid 0,4 < 0,5) for T1 of
    unknown status: a production worker of unknown status is judged for a breach (« à vérifier ») — here none, the
    contract's 0,5 is the minimum —, but the months paid below are noted only for a target worker (``elif status``);
    nor for one not target."""
    w = worker(contract=ContractType.CDI, fte="0.5")
    pay = [PayMonth("T1", Month(2025, 3), D("0.4"), D(900))]
    assert [(p["month"], p["fte"]) for p in run(w, pay=pay).details["paid_below_min"]] == [(Month(2025, 3), D("0.4"))]
    for status in (None, False):
        result = run(w, pay=pay, status={"T1": status})
        assert result.compliant is True and result.details["paid_below_min"] == []


def test_non_target_workers_are_not_concerned_unknown_ones_make_it_unknown():
    cdd = worker()
    assert run(cdd, status={"T1": False}).compliant is True
    assert run(cdd, status={"T1": None}).compliant is None


def test_a_summary_says_each_count_with_its_words_by_the_languages_rule():
    """T1 hired 15/01/2025 on a CDD never turned into a CDI: one breach (no CDI by 15/07/2025) for one target
    worker — « 1 manquement pour 1 travailleur du public cible », « 1 breach for 1 target worker » (it said
    « 1 manquement(s) pour 1 travailleur(s) … », « 1 breach(es) … »); T1 and T2 (also a CDD, 0,4 etp < 0,5):
    1 + 2 = 3 breaches for 2 workers. T1 of unknown status: « 1 cas à vérifier », « 1 case to verify »."""
    one = run(worker())
    assert one.summary.fr == "1 manquement pour 1 travailleur du public cible"
    assert one.summary.en == "1 breach for 1 target worker"
    two = run(worker(), worker("T2", fte="0.4"))
    assert two.summary.fr == "3 manquements pour 2 travailleurs du public cible"
    assert two.summary.en == "3 breaches for 2 target workers"
    unsure = run(worker(), status={"T1": None})
    assert unsure.summary.fr.startswith("indéterminé : 1 cas à vérifier ")
    assert unsure.summary.en.startswith("unknown: 1 case to verify ")
    assert run(worker(contract=ContractType.CDI)).summary.en.startswith("1 target worker: CDI within 6 months")


def test_a_target_person_rehired_under_a_new_id_is_counted_once():
    """T1, T2, T3 (TD, CDI from hire) and A, TD, on a CDD 2025-01-15 … 07-14 (A1) then a CDI from 2025-07-15
    (A2, same national number: within 15/01 + 6 months = 15/07) — compliant, and « 4 travailleurs du public
    cible », not 5 (the ids were counted)."""
    ts = [worker(f"T{i}", contract=ContractType.CDI) for i in (1, 2, 3)]
    a1, a2 = one_person(worker("A1", exit=date(2025, 7, 14)),
                        worker("A2", hire=date(2025, 7, 15), contract=ContractType.CDI))
    result = run(*ts, a1, a2)
    assert result.compliant is True and result.details["target_workers"] == 4
    assert result.summary.fr.startswith("4 travailleurs du public cible : ")
    assert result.summary.en.startswith("4 target workers: ")


def test_a_chain_of_cdds_under_new_ids_owes_the_cdi_from_the_persons_first_hire():
    """A (TD): CDD 2024-01-01 … 06-30 as A1, CDD 2024-07-01 … 12-31 as A2, CDI from 2025-01-01 as A3 (same
    national number). The CDI is due by the first hire + 6 months: 2024-01-01 + 6 months = 2024-07-01 (a
    6-month CDD runs 01/01–30/06). On that day A is employed under A2, on a CDD: a breach from 2024-07-01 to
    the day before the CDI, 2024-12-31. The old code judged each row: A1 left on 06-30, before its own
    2024-07-01; A2 left on 12-31, before its own 2025-01-01; A3 is a CDI — 2024 was compliant."""
    ws = one_person(worker("A1", hire=date(2024, 1, 1), exit=date(2024, 6, 30)),
                    worker("A2", hire=date(2024, 7, 1), exit=date(2024, 12, 31)),
                    worker("A3", hire=date(2025, 1, 1), contract=ContractType.CDI))
    result = run(*ws, period=Period.calendar_year(2024))
    assert result.compliant is False
    (v,) = result.details["violations"]
    assert (v["worker_id"], v["deadline"], v["since"], v["until"], v["cdi_date"]) == (
        "A2", date(2024, 7, 1), date(2024, 7, 1), date(2024, 12, 31), date(2025, 1, 1))
    assert v["deadline_from"] == {"worker_id": "A1", "hire_date": date(2024, 1, 1)}
    assert v["cdi_worker_id"] == "A3"   # in the JSON as in the text (it was in the text only)
    assert v["text"].fr == ("Travailleur A2 : engagé le 2024-07-01, CDI le 2025-01-01 (travailleur A3) ; attendu "
                            "au plus tard le 2024-07-01 ; engagement de la personne : travailleur A1, 2024-01-01.")
    assert v["text"].en == ("Worker A2: hired on 2024-07-01, CDI on 2025-01-01 (worker A3); due by 2024-07-01; the "
                            "person's hire: worker A1, 2024-01-01.")
    assert result.to_fix == (t("Travailleur A2 : passer en CDI (ou corriger date_cdi, feuille Personnel).",
                               "Worker A2: move to a CDI (or correct date_cdi, Personnel sheet)."),)
    assert run(*ws).compliant is True  # 2025: on a CDI all year, the breach was remedied in 2024
    # Without the national number, three people, each judged on their own row: compliant, as before.
    assert run(*[replace(w, national_number=None) for w in ws], period=Period.calendar_year(2024)).compliant is True


def test_a_person_away_on_the_deadline_owes_the_cdi_six_months_after_the_re_hire():
    """A (TD): CDD 2024-01-01 … 03-31 as A1; away on 2024-07-01 (first hire + 6 months); re-hired on
    2024-08-01 as A2, CDD to 12-31; then A3 from 2025-01-01, CDD, date_cdi 2025-03-01. The 6 months restart
    from the re-hire after the deadline, as for the bilan: 2024-08-01 + 6 months = 2025-02-01, when A is
    employed under A3 without a CDI: a breach from 2025-02-01 to 2025-02-28. The old code gave A3 its own
    6 months (2025-01-01 + 6 = 2025-07-01): the CDI of 03-01 was on time, 2025 compliant. 2024 is compliant
    (nothing due then: not from A1's 2024-07-01)."""
    ws = one_person(worker("A1", hire=date(2024, 1, 1), exit=date(2024, 3, 31)),
                    worker("A2", hire=date(2024, 8, 1), exit=date(2024, 12, 31)),
                    worker("A3", hire=date(2025, 1, 1), cdi=date(2025, 3, 1)))
    assert run(*ws, period=Period.calendar_year(2024)).compliant is True
    result = run(*ws)
    assert result.compliant is False
    (v,) = result.details["violations"]
    assert (v["worker_id"], v["deadline"], v["since"], v["until"], v["cdi_date"]) == (
        "A3", date(2025, 2, 1), date(2025, 2, 1), date(2025, 2, 28), date(2025, 3, 1))
    assert v["deadline_from"] == {"worker_id": "A2", "hire_date": date(2024, 8, 1)}
    assert v["text"].fr.endswith("attendu au plus tard le 2025-02-01 ; engagement de la personne : travailleur A2, "
                                 "2024-08-01.")


def test_a_person_re_hired_on_a_cdd_after_the_deadline_passed_is_in_breach_from_the_re_hire():
    """A (TD): CDD 2024-01-01 … 09-30 as A1, employed on the deadline 2024-07-01 (hire + 6 months) without a
    CDI: a breach 2024-07-01 … 09-30, then A left. Re-hired on 2025-03-01 as A2 on a CDD, no CDI: the person's
    6 months are over (they were employed on the deadline, so it does not restart): a breach from the
    re-hire, 2025-03-01, still running. The old code gave A2 its own 6 months: late from 2025-09-01."""
    ws = one_person(worker("A1", hire=date(2024, 1, 1), exit=date(2024, 9, 30)), worker("A2", hire=date(2025, 3, 1)))
    (v,) = run(*ws).details["violations"]
    assert (v["worker_id"], v["deadline"], v["since"], v["until"]) == ("A2", date(2024, 7, 1), date(2025, 3, 1), None)
    assert v["text"].fr == ("Travailleur A2 : engagé le 2025-03-01, toujours sans CDI ; CDI attendu au plus tard "
                            "le 2024-07-01 ; engagement de la personne : travailleur A1, 2024-01-01.")
    left = run(*ws, period=Period.calendar_year(2024)).details["violations"]
    assert [(v["worker_id"], v["since"], v["until"], v["deadline_from"]) for v in left] == [
        ("A1", date(2024, 7, 1), date(2024, 9, 30), None)]


def test_a_person_re_hired_after_their_cdi_ended_owes_a_cdi_six_months_after_the_re_hire():
    """A (TD): CDI 2024-01-01 … 09-30 as A1, then re-hired on 2025-01-01 as A2 on a CDD, no CDI ever. The CDI
    has ended: the re-hire owes a new one by 2025-01-01 + 6 months = 2025-07-01, a breach from 2025-07-01,
    still running, named A2 (its own hire: no other hire named). The old code stopped at the person's first
    CDI: compliant for ever. Same date as two people apart (no national number). 2024: on a CDI, compliant.
    A CDI that ended before the first deadline: A1 CDI 2024-01-01 … 03-31, re-hired as A2 on a CDD on
    2024-05-01, date_cdi 2024-10-15: due by 2024-05-01 + 6 months = 2024-11-01, on time (not from A1's
    2024-07-01)."""
    ws = one_person(worker("A1", hire=date(2024, 1, 1), contract=ContractType.CDI, exit=date(2024, 9, 30)),
                    worker("A2", hire=date(2025, 1, 1)))
    result = run(*ws)
    assert result.compliant is False
    (v,) = result.details["violations"]
    assert (v["worker_id"], v["deadline"], v["since"], v["until"], v["deadline_from"]) == (
        "A2", date(2025, 7, 1), date(2025, 7, 1), None, None)
    assert v["text"].fr == ("Travailleur A2 : engagé le 2025-01-01, toujours sans CDI ; CDI attendu au plus tard "
                            "le 2025-07-01.")
    apart = run(*[replace(w, national_number=None) for w in ws]).details["violations"]
    assert [(x["worker_id"], x["deadline"], x["since"]) for x in apart] == [("A2", date(2025, 7, 1), date(2025, 7, 1))]
    assert run(*ws, period=Period.calendar_year(2024)).compliant is True
    early = one_person(worker("A1", hire=date(2024, 1, 1), contract=ContractType.CDI, exit=date(2024, 3, 31)),
                       worker("A2", hire=date(2024, 5, 1), cdi=date(2024, 10, 15)))
    assert run(*early, period=Period.calendar_year(2024)).compliant is True


def test_back_to_back_cdds_of_one_person_are_one_breach_from_the_deadline():
    """A (TD): CDD 2025-01-03 … 09-30 as A1, then from the next day, 2025-10-01, CDD to 2026-03-31 as A2 (same
    national number), never a CDI. Due by the first hire + 6 months: 2025-01-03 + 6 months = 2025-07-03. The
    person is employed without a CDI every day from then: one breach 2025-07-03 … 2026-03-31 (A2's contract
    follows A1's with no day between), named by the contract it begins under, A1; at the end of 2025 the
    person is still employed: « toujours sans CDI », « passer en CDI »."""
    ws = one_person(worker("A1", hire=date(2025, 1, 3), exit=date(2025, 9, 30)),
                    worker("A2", hire=date(2025, 10, 1), exit=date(2026, 3, 31)))
    result = run(*ws)
    assert result.compliant is False
    (v,) = result.details["violations"]
    assert (v["worker_id"], v["deadline"], v["since"], v["until"], v["cdi_date"]) == (
        "A1", date(2025, 7, 3), date(2025, 7, 3), date(2026, 3, 31), None)
    assert v["text"].fr == ("Travailleur A1 : engagé le 2025-01-03, toujours sans CDI ; CDI attendu au plus tard "
                            "le 2025-07-03.")
    assert v["text"].en == "Worker A1: hired on 2025-01-03, still without a CDI; CDI due by 2025-07-03."
    assert result.to_fix == (t("Travailleur A1 : passer en CDI (ou corriger date_cdi, feuille Personnel).",
                               "Worker A1: move to a CDI (or correct date_cdi, Personnel sheet)."),)


def test_a_cdi_after_a_gap_leaves_the_breach_ended_by_the_exit():
    """A (TD): CDD 2025-01-03 … 09-30 as A1, no CDI; away in October and November; re-hired on a CDI on
    2025-12-01 as A2. Due by 2025-01-03 + 6 months = 2025-07-03: a breach 2025-07-03 … 2025-09-30, ended by the
    exit, not by the CDI two months later (no CDI date on it): « sorti le 2025-09-30 sans CDI »."""
    ws = one_person(worker("A1", hire=date(2025, 1, 3), exit=date(2025, 9, 30)),
                    worker("A2", hire=date(2025, 12, 1), contract=ContractType.CDI))
    result = run(*ws)
    assert result.compliant is False
    (v,) = result.details["violations"]
    assert (v["worker_id"], v["since"], v["until"], v["cdi_date"], v["cdi_worker_id"]) == (
        "A1", date(2025, 7, 3), date(2025, 9, 30), None, None)
    assert v["text"].fr == ("Travailleur A1 : engagé le 2025-01-03, sorti le 2025-09-30 sans CDI ; CDI attendu au "
                            "plus tard le 2025-07-03.")
    assert result.to_fix[0].fr.startswith("Travailleur A1 : sorti sans CDI après le délai")


def test_a_cdi_beside_the_cdd_from_the_deadline_day_is_on_time():
    """A (TD): a half-time CDD 2025-01-03 … 12-31 as A1 and, beside it, a half-time CDI from 2025-07-03 as A2
    (same national number). Due by 2025-01-03 + 6 months = 2025-07-03, the CDI's first day: the person is on a
    CDI by the deadline (the CDD running on beside it changes nothing) → no breach, compliant (each contract
    0,5 etp ≥ 0,5)."""
    ws = one_person(worker("A1", hire=date(2025, 1, 3), exit=date(2025, 12, 31), fte="0.5"),
                    worker("A2", hire=date(2025, 7, 3), contract=ContractType.CDI, fte="0.5"))
    result = run(*ws)
    assert result.compliant is True and result.details["violations"] == [] and result.to_fix == ()


def test_a_single_row_worker_is_judged_as_before():
    """T1 alone (with a national number, no other row): hired 2025-01-15 on a CDD, CDI on 2025-07-16; due by
    2025-01-15 + 6 months = 2025-07-15: late on 07-15 only, the text unchanged, no other hire named
    (`deadline_from` null), nor the CDI's id (`cdi_worker_id` null: its own, as in the text)."""
    w = replace(worker(cdi=date(2025, 7, 16)), national_number="90040410148")
    (v,) = run(w).details["violations"]
    assert (v["since"], v["until"], v["deadline"], v["deadline_from"], v["cdi_worker_id"]) == (
        date(2025, 7, 15), date(2025, 7, 15), date(2025, 7, 15), None, None)
    assert v["text"].fr == ("Travailleur T1 : engagé le 2025-01-15, CDI le 2025-07-16 ; attendu au plus tard le "
                            "2025-07-15.")


def test_regimes_without_the_rule_are_not_established():
    e = Enterprise("EI", Region.WALLONIE, date(2004, 1, 1), workers=(worker(),))
    result = employment.check(e, get_regime("wallonie-2003"), YEAR, Report({"T1": True}))
    assert result.compliant is None and result.details == {"established": False}


def test_half_time_texts_use_the_decimal_comma_in_french():
    """A target worker at 0,4 contractual etp: the reason and what to fix said « 0.4 < 0.5 » and « porter
    le régime de travail à 0.5 etp » in French; they say 0,4 and 0,5 (0.4 and 0.5 in English)."""
    from ei_cli.rules import employment

    w = Worker("T", date(2024, 1, 1), ContractType.CDI, D("0.4"), Function.PRODUCTION)
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(w,))
    r = employment.check(e, get_regime("wallonie-2016"), Period.calendar_year(2024), StatusReport({"T": True}))
    assert r.to_fix[0].fr == "Travailleur T : porter le régime de travail à 0,5 etp au moins."
    assert r.to_fix[0].en == "Worker T: raise working time to at least 0.5 fte."
    assert any("etp contractuel 0,4 < 0,5" in x.text.fr for x in r.reasons)


def test_a_year_that_begins_before_the_agrement_owes_nothing_before_it():
    """Agrément 2025-09-01; T1 (TD) hired 2025-01-06 on a CDD, CDI from 2025-10-01; `ei check --year 2025`.
    Counted from the hire, the CDI was due by 2025-07-06 and « late » from 07-06 to 09-30 — mostly before the
    agrément, when no obligation ran. The obligations run from the agrément: for a worker hired before it the
    6 months count from the agrément (due by 2026-03-01) — compliant; and the check judges 2025-09-01 …
    12-31 only. T2 hired 2025-10-01 without a CDI by 2026-04-01: not due yet — compliant too."""
    from ei_cli.rules.dashboard import run_checks

    ws = (worker("T1", hire=date(2025, 1, 6), cdi=date(2025, 10, 1)), worker("T2", hire=date(2025, 10, 1)))
    e = Enterprise("EI", Region.WALLONIE, date(2025, 9, 1), workers=ws)
    assert obligation_deadline(ws[0], 6, e.agrement_date) == date(2026, 3, 1) and obligation_deadline(ws[0], 6, ws[0].hire_date) == date(2025, 7, 6)
    (check,) = run_checks(e, W16, YEAR, Report({"T1": True, "T2": True}), only=["employment"])
    assert check.compliant is True and check.details["violations"] == []
    # An agrément from 2024: the same CDI is late from 2025-07-06 to 09-30.
    (late,) = run_checks(Enterprise("EI", Region.WALLONIE, date(2024, 1, 1), workers=ws), W16, YEAR,
                         Report({"T1": True, "T2": True}), only=["employment"])
    assert late.compliant is False and late.details["violations"][0]["since"] == date(2025, 7, 6)


def test_a_worker_hired_before_the_regime_applied_owes_the_cdi_6_months_after_its_start():
    """Agrément 2010-03-15 (under wallonie-2003, for which no CDI rule is found: rules.md §4.3); T hired
    2017-03-01 on a CDD, CDI from 2017-10-15; `ei check --year 2017 --only employment` under wallonie-2016,
    applicable from 2017-06-30 (§1). It said « non conforme, attendu au plus tard le 2017-09-01 » (hire + 6
    months), a deadline of a rule that did not run before 2017-06-30. From the regime's start:
    max(2017-03-01, 2010-03-15, 2017-06-30) + 6 months = 2017-12-30 ≥ 2017-10-15 — compliant. A CDI on
    2018-01-02 is late from 2017-12-30 to 2018-01-01. P, at 0,4 etp, left on 2017-05-31: no half-time was owed
    under rules not yet running (it read « 0,4 < 0,5 depuis le 2017-01-01 »). Chosen (--regime or the
    workbook's `regime` field, D4: `forced`), wallonie-2016 judged 2017 « as if in force » from the hire (due
    2017-09-01); but 2017 is partly in its validity, and a regime is a simulation only on a period wholly
    outside it: chosen or not, the CDI is due by 2017-12-30 (premise changed, see the next test). Chosen for
    2016, wholly before 2017-06-30, it is a simulation: 2016-03-01 + 6 months = 2016-09-01."""
    part_timer = replace(worker("P", hire=date(2016, 1, 4), contract=ContractType.CDI, exit=date(2017, 5, 31)),
                         fte=D("0.4"))
    year = Period.calendar_year(2017)

    def check(t_, regime=W16, period=year):
        from ei_cli.rules.dashboard import run_checks

        e = Enterprise("EI", Region.WALLONIE, date(2010, 3, 15), workers=(t_, part_timer))
        return run_checks(e, regime, period, Report({"T": True, "P": True}), only=["employment"])[0]

    on_time = check(worker("T", hire=date(2017, 3, 1), cdi=date(2017, 10, 15)))
    assert on_time.compliant is True and on_time.details["violations"] == []
    assert any("appliqué depuis le 2017-06-30" in r.text.fr for r in on_time.reasons)
    (late,) = check(worker("T", hire=date(2017, 3, 1), cdi=date(2018, 1, 2))).details["violations"]
    assert (late["deadline"], late["since"], late["until"]) == (date(2017, 12, 30), date(2017, 12, 30),
                                                                 date(2018, 1, 1))
    forced = check(worker("T", hire=date(2017, 3, 1), cdi=date(2017, 10, 15)), replace(W16, forced=True))
    assert [v["deadline"] for v in forced.details["violations"] if v["kind"] == "cdi_late"] == []
    simulated = check(worker("T", hire=date(2016, 3, 1), cdi=date(2016, 10, 15)), replace(W16, forced=True),
                      Period.calendar_year(2016))
    assert [v["deadline"] for v in simulated.details["violations"] if v["kind"] == "cdi_late"] == [date(2016, 9, 1)]


def test_the_workbooks_regime_field_naming_the_regime_in_force_judges_as_without_it():
    """Agrément 2010-03-15; T1 hired 2016-03-01 on a CDD, CDI from 2017-10-15; T2 on a CDD since 2012-01-01 at
    0,4 etp; `regime = wallonie-2016` in the workbook (chosen: `forced`, D4), `ei check --year 2017`. 2017 is
    partly in wallonie-2016's validity (from 2017-06-30): its rules run from that day, field or not — T1 due by
    max(2016-03-01, 2010-03-15, 2017-06-30) + 6 months = 2017-12-30 ≥ 2017-10-15, on time; T2 without a CDI
    from 2017-12-30, and 0,4 < 0,5 etp: 2 breaches, as without the field. The field made it a simulation from
    the agrément: « T1 … attendu au plus tard le 2016-09-01 » (2016-03-01 + 6 months), 3 breaches. For 2016,
    wholly before 2017-06-30, it is a simulation: T1 due 2016-09-01, late."""
    from ei_cli.regimes import select_regime
    from ei_cli.rules.dashboard import run_checks

    ws = (worker("T1", hire=date(2016, 3, 1), cdi=date(2017, 10, 15)),
          worker("T2", hire=date(2012, 1, 1), fte="0.4"))
    report = Report({"T1": True, "T2": True})

    def breaches(regime_id, year):
        e = Enterprise("EI", Region.WALLONIE, date(2010, 3, 15), workers=ws, regime_id=regime_id)
        period = Period.calendar_year(year)
        (r,) = run_checks(e, select_regime(e, period)[0], period, report, only=["employment"])
        return [(v["worker_id"], v["kind"], v["deadline"]) for v in r.details["violations"]]

    expected = [("T2", "cdi_late", date(2017, 12, 30)), ("T2", "below_min_fte", None)]
    assert breaches(None, 2017) == expected
    assert breaches("wallonie-2016", 2017) == expected
    assert ("T1", "cdi_late", date(2016, 9, 1)) in breaches("wallonie-2016", 2016)


def test_an_agrement_application_judges_the_whole_period_whatever_the_regimes_start():
    """`ei report agrement --year 2024`, agrément 2024-07-01: T1 on a CDD at 0,4 etp from 2024-01-01 to
    2024-05-31, T2 on a CDI at 1 etp. An application judges the whole period, as what the workbook shows of
    the conditions (docs/interpretations.md; `run_checks(application=True)`): 0,4 < employment.min_fte 0,5 —
    T1 breaches from 2024-01-01 (non conforme). The check itself cut the period at the regime's start
    (max(agrément 2024-07-01, 2017-06-30) = 2024-07-01), bypassing that exemption: T1, gone by then, was not
    judged — « conforme ». `ei check` (no application) still judges from 2024-07-01: compliant.
    A renewal for 2017 (agrément 2010-03-15, wallonie-2016 applicable from 2017-06-30): P at 0,4 etp until
    2017-05-31 is judged too, and the reason no longer says that nothing before 2017-06-30 is judged, nor that
    the rule « ne courait pas avant » beside P's breach from 2017-01-01: it says the application judges the
    whole period and the deadlines run from 2017-06-30."""
    from ei_cli.rules.dashboard import run_checks

    t1 = worker("T1", hire=date(2024, 1, 1), exit=date(2024, 5, 31), fte="0.4")
    t2 = worker("T2", hire=date(2024, 1, 1), contract=ContractType.CDI)
    e = Enterprise("EI", Region.WALLONIE, date(2024, 7, 1), workers=(t1, t2))
    report, year = Report({"T1": True, "T2": True}), Period.calendar_year(2024)
    (application,) = run_checks(e, W16, year, report, only=["employment"], application=True)
    assert application.compliant is False
    assert [(v["worker_id"], v["kind"], v["since"]) for v in application.details["violations"]] == [
        ("T1", "below_min_fte", date(2024, 1, 1))]
    (check,) = run_checks(e, W16, year, report, only=["employment"])
    assert check.compliant is True and check.details["violations"] == []
    p = replace(worker("P", hire=date(2016, 1, 4), contract=ContractType.CDI, exit=date(2017, 5, 31)), fte=D("0.4"))
    renewal = Enterprise("EI", Region.WALLONIE, date(2010, 3, 15), workers=(p,))
    (judged,) = run_checks(renewal, W16, Period.calendar_year(2017), Report({"P": True}), only=["employment"],
                           application=True)
    assert [v["worker_id"] for v in judged.details["violations"]] == ["P"]
    (started,) = [r.text for r in judged.reasons if "appliqué depuis le 2017-06-30" in r.text.fr]
    assert started.fr == ("Règle du régime wallonie-2016, appliqué depuis le 2017-06-30 (après l'agrément du "
                          "2010-03-15) : la demande d'agrément juge toute la période, comme ce que le classeur "
                          "montre des conditions ; les délais d'un travailleur engagé avant courent de ce jour.")
    assert started.en == ("Rule of regime wallonie-2016, applied since 2017-06-30 (after the agrément of "
                          "2010-03-15): the agrément application judges the whole period, as what the workbook "
                          "shows of the conditions; the deadlines of a worker hired before run from that day.")


def test_the_day_obligations_run_from_is_computed_once_by_run_checks(monkeypatch):
    """Renewal for 2017: agrément 2010-03-15, wallonie-2016 applicable from 2017-06-30 (rules.md §1), P at 0,4
    etp until 2017-05-31, T hired 2017-03-01 on a CDD, CDI from 2018-01-02. The first day the regime's rules
    run is max(2010-03-15, 2017-06-30) = 2017-06-30; ``run_checks`` computed it to cut the period, then the
    employment and follow-up checks computed it again each (``rules.common.obligations_start``). It is now
    computed once, by ``run_checks``, and passed to them (``obligations_from``): with their own copy made to
    fail, the results are the same — T's CDI due 2017-06-30 + 6 months = 2017-12-30, late from that day."""
    from ei_cli.rules import common
    from ei_cli.rules.dashboard import run_checks

    p = replace(worker("P", hire=date(2016, 1, 4), contract=ContractType.CDI, exit=date(2017, 5, 31)), fte=D("0.4"))
    e = Enterprise("EI", Region.WALLONIE, date(2010, 3, 15),
                   workers=(p, worker("T", hire=date(2017, 3, 1), cdi=date(2018, 1, 2))))
    year, report = Period.calendar_year(2017), Report({"P": True, "T": True})
    names = ["employment", "follow_up"]
    expected = [r.to_dict() for r in run_checks(e, W16, year, report, only=names)]

    def again(*_):
        raise AssertionError("obligations_start computed again by a check run_checks ran")

    monkeypatch.setattr(common, "obligations_start", again)   # run_checks keeps the one it imported
    (cdi, followed) = run_checks(e, W16, year, report, only=names)
    assert [cdi.to_dict(), followed.to_dict()] == expected
    assert [(v["worker_id"], v["deadline"]) for v in cdi.details["violations"] if v["kind"] == "cdi_late"] == [
        ("T", date(2017, 12, 30))]


def test_a_check_is_told_it_judges_an_agrement_application_never_left_to_infer_it():
    """Renewal for 2017 (agrément 2010-03-15, wallonie-2016 applicable from 2017-06-30), P at 0,4 etp until
    2017-05-31. The reason took « an agrément application » from a period beginning before 2017-06-30: the
    check run on the whole year (``employment.check`` called as is, not cut by ``run_checks``) said « la
    demande d'agrément juge toute la période » though no application was asked. ``run_checks`` has the flag
    (``application``) and passes it down: without it, the rule « ne courait pas avant » and the deadlines run
    from 2017-06-30; with it, the application's sentence, as through ``run_checks(application=True)``."""
    from ei_cli.rules.dashboard import run_checks

    p = replace(worker("P", hire=date(2016, 1, 4), contract=ContractType.CDI, exit=date(2017, 5, 31)), fte=D("0.4"))
    renewal = Enterprise("EI", Region.WALLONIE, date(2010, 3, 15), workers=(p,))
    year, report = Period.calendar_year(2017), Report({"P": True})

    def started(result):
        (reason,) = [r.text for r in result.reasons if "appliqué depuis le 2017-06-30" in r.text.fr]
        return reason

    assert started(employment.check(renewal, W16, year, report)).fr == (
        "Règle du régime wallonie-2016, appliqué depuis le 2017-06-30 (après l'agrément du 2010-03-15) : elle ne "
        "courait pas avant ; les délais d'un travailleur engagé avant courent de ce jour.")
    application = employment.check(renewal, W16, year, report, application=True)
    (through,) = run_checks(renewal, W16, year, report, only=["employment"], application=True)
    assert started(application) == started(through)
    assert "la demande d'agrément juge toute la période" in started(application).fr


def test_the_cdi_deadline_takes_the_day_obligations_run_from_by_name():
    """`_cdi_violations(..., obligations_from=…)`: the parameter was `start`, a date, rebound to a Worker (the
    contract the deadline runs from) by `person_deadline` in the same function; each name now keeps one meaning.
    One person (one national number): A hired 2016-01-04 on a CDD, left 2017-02-28; B re-hired 2017-03-01 on a
    CDD, no CDI; obligations from 2017-06-30 (wallonie-2016). Deadline: max(2016-01-04, 2017-06-30) + 6 months =
    2017-12-30, falling due under B (A gone by then), run from A's hire: B breaches from 2017-12-30, « engagement
    de la personne : travailleur A, 2016-01-04 »."""
    rows = tuple(one_person(worker("A", hire=date(2016, 1, 4), exit=date(2017, 2, 28)),
                            worker("B", hire=date(2017, 3, 1))))
    (v,) = employment._cdi_violations(rows, 6, Period.calendar_year(2017), True, obligations_from=date(2017, 6, 30))
    assert (v.worker_id, v.deadline, v.since, v.deadline_from) == ("B", date(2017, 12, 30), date(2017, 12, 30),
                                                                   ("A", date(2016, 1, 4)))


def test_a_worker_who_left_without_a_cdi_is_not_said_still_without_one():
    """T1 on a CDD from 2025-01-06 to 2025-09-05, never moved to a CDI: CDI due by 2025-07-06 (hire + 6
    months), breach 07-06 … 09-05. The text said « toujours sans CDI » and the to-fix « passer en CDI » for
    someone who had left; it now says « sorti le 2025-09-05 sans CDI » and asks to correct date_cdi if a CDI
    was concluded."""
    result = run(worker(hire=date(2025, 1, 6), exit=date(2025, 9, 5)))
    assert result.compliant is False
    (v,) = result.details["violations"]
    assert (v["since"], v["until"]) == (date(2025, 7, 6), date(2025, 9, 5))
    said = " ".join(r.text.fr for r in result.reasons)
    assert "sorti le 2025-09-05 sans CDI" in said and "toujours sans CDI" not in said
    assert result.to_fix[0].fr.startswith("Travailleur T1 : sorti sans CDI après le délai")


def test_a_numeric_worker_id_is_named_as_a_worker():
    """workbook.md allows ids 1, 2, 3: « 2 : sorti sans CDI après le délai » read as a count. Worker 2 on a CDD
    from 2025-01-06 to 2025-09-05, CDI due by 2025-07-06: the line and what to fix name « Travailleur 2 », as
    ``ei validate`` does; the JSON keeps the id « 2 »."""
    result = run(worker("2", hire=date(2025, 1, 6), exit=date(2025, 9, 5)))
    (v,) = result.details["violations"]
    assert v["worker_id"] == "2"
    assert v["text"].fr.startswith("Travailleur 2 : engagé le 2025-01-06, sorti le 2025-09-05 sans CDI")
    assert v["text"].en.startswith("Worker 2: hired on 2025-01-06, left on 2025-09-05")
    assert result.to_fix[0].fr.startswith("Travailleur 2 : sorti sans CDI après le délai")
    assert result.to_fix[0].en.startswith("Worker 2: left without a CDI after the deadline")


def test_a_cdd_s_planned_end_after_the_period_is_not_a_departure():
    """T1 on a CDD since 2024-05-01, date_sortie 2027-06-30 (the contract's planned end), no CDI: in 2025 T1
    is still employed without a CDI (due by 2024-11-01): « toujours sans CDI » and « passer en CDI », not
    « sorti le 2027-06-30 sans CDI »."""
    result = run(worker(hire=date(2024, 5, 1), exit=date(2027, 6, 30)))
    said = " ".join(r.text.fr for r in result.reasons)
    assert "toujours sans CDI" in said and "sorti le" not in said
    assert result.to_fix[0].fr.startswith("Travailleur T1 : passer en CDI")


def test_a_cdi_due_after_today_is_not_due_yet_whatever_the_payroll(monkeypatch):
    """T1 (TD) hired 2025-05-04 on a CDD: CDI due by 2025-05-04 + 6 months = 2025-11-04. On 2025-10-15 it is
    not due yet, with Paie to September or to December (a payroll entered ahead): nothing after today can
    be due (``deadline_horizon``). Paie to December used to make it « toujours sans CDI » from 2025-11-04,
    non conforme, three weeks early (the payroll covering the period, the year read as closed). On
    2025-12-15 it is late from 2025-11-04, with either payroll."""
    from ei_cli import periods

    w = worker(hire=date(2025, 5, 4))

    def to(last: int):
        pay = tuple(PayMonth("T1", Month(2025, m), D(1), D(2000)) for m in range(5, last + 1))
        return run(w, pay=pay)

    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))  # the year in progress
    assert to(9).compliant is True and to(12).compliant is True
    said = [r for r in to(12).reasons if "Période en cours au 2025-10-15 (date du jour)" in r.text.fr]
    assert len(said) == 1 and said[0].parameter == "employment.cdi_within_months"
    monkeypatch.setattr(periods, "today", lambda: date(2025, 12, 15))
    for last in (9, 12):
        late = to(last)
        assert late.compliant is False and late.details["violations"][0]["since"] == date(2025, 11, 4), last


def test_a_period_not_begun_is_not_said_in_progress(monkeypatch):
    """Today 2025-10-15; the check run on 2026 (as an agrément application does, ``run_checks(application=True)``,
    the dashboard setting a period not begun aside): its reason said « Période en cours au 2025-10-15 » for a
    year not begun. It says the period has not begun, nothing in it due yet; 2025 keeps « Période en cours »."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))
    texts = [r.text.fr for r in run(worker(hire=date(2025, 5, 4)), period=Period.calendar_year(2026)).reasons]
    assert not any("Période en cours" in x for x in texts)
    assert any(x.startswith("Période pas encore commencée au 2025-10-15 (date du jour)") for x in texts)
    texts = [r.text.fr for r in run(worker(hire=date(2025, 5, 4))).reasons]
    assert any(x.startswith("Période en cours au 2025-10-15 (date du jour)") for x in texts)


def test_a_worker_hired_after_today_is_not_late_for_a_cdi_due_months_later(monkeypatch):
    """Today 2026-02-15; T1 (TD) on a CDD, its hire 2026-03-01 entered ahead: CDI due by 2026-03-01 + 6 months
    = 2026-09-01, after today — not due yet (it was « toujours sans CDI ; CDI attendu au plus tard le
    2026-09-01 », non conforme, the day the run was made: the « not due yet » rule asked for the worker to be
    employed today). The same for a person back after today under a new id (A hired 2026-01-05, left
    2026-01-31; B from 2026-03-01: due by the person's first hire + 6 months = 2026-07-05, B employed then,
    after today). A late date_cdi recorded ahead
    (2026-09-15) is a breach Personnel already shows: from 2026-09-01 to 2026-09-14."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 2, 15))
    year = Period.calendar_year(2026)
    assert run(worker(hire=date(2026, 3, 1)), period=year).compliant is True
    back = one_person(worker("A", hire=date(2026, 1, 5), exit=date(2026, 1, 31)), worker("B", hire=date(2026, 3, 1)))
    assert run(*back, period=year).compliant is True
    late = run(worker(hire=date(2026, 3, 1), cdi=date(2026, 9, 15)), period=year)
    assert late.compliant is False
    (v,) = late.details["violations"]
    assert (v["since"], v["until"], v["cdi_date"]) == (date(2026, 9, 1), date(2026, 9, 14), date(2026, 9, 15))


def test_a_contract_below_half_time_starting_after_today_is_a_note_not_a_breach(monkeypatch):
    """Today 2026-11-30; T2 (TD) hired 2026-12-10 at 0,4 etp, entered ahead: « T2 : etp contractuel 0,4 < 0,5
    (depuis le 2026-12-10) », non conforme the day of the run, while the CDI of the same hire is not due yet.
    A contract that has not begun is not a breach yet: conforme, a note « contrat prévu à 0,4 etp à partir du
    2026-12-10 » citing the minimum. From 2026-12-10 on (today that day), the breach stands, since its hire."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 30))
    year = Period.calendar_year(2026)
    ahead = worker("T2", hire=date(2026, 12, 10), fte="0.4")
    result = run(ahead, period=year)
    assert result.compliant is True and result.details["violations"] == []
    note = ("Travailleur T2 : contrat prévu à 0,4 etp à partir du 2026-12-10, après la date du jour (2026-11-30) : "
            "pas encore un manquement, mais sous le minimum de 0,5 etp dès son début.")
    assert [n.fr for n in result.details["notes"]] == [note]
    (said,) = [r for r in result.reasons if r.text.fr == note]
    assert said.parameter == "employment.min_fte"
    assert result.details["notes"][0].en.startswith("Worker T2: contract planned at 0.4 fte from 2026-12-10, "
                                                    "after today")
    monkeypatch.setattr(periods, "today", lambda: date(2026, 12, 10))
    begun = run(ahead, period=year)
    assert begun.compliant is False and begun.details["notes"] == []
    (v,) = begun.details["violations"]
    assert (v["kind"], v["since"]) == ("below_min_fte", date(2026, 12, 10))


def test_more_payroll_never_hides_a_cdi_due_before_today(monkeypatch):
    """Today 2026-09-30; T1 (TD) hired 2026-02-10 on a CDD, no date_cdi: CDI due by 2026-02-10 + 6 months =
    2026-08-10, before today — late from 2026-08-10 whatever the last Paie month (the CDI rests on
    Personnel, not on the payroll). With Paie to June it was (horizon today); with Paie to July — one more
    month of data — it was « pas encore dû », conforme (horizon 2026-07-31, the payroll « current »)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 9, 30))
    w = worker(hire=date(2026, 2, 10))
    for last in (6, 7, 9):
        pay = tuple(PayMonth("T1", Month(2026, m), D(1), D(2000)) for m in range(2, last + 1))
        result = run(w, pay=pay, period=Period.calendar_year(2026))
        assert result.compliant is False, last
        assert result.details["violations"][0]["since"] == date(2026, 8, 10), last


def test_a_late_cdi_the_workbook_shows_is_a_breach_whatever_the_payroll_horizon(monkeypatch):
    """T1 (TD) hired 2025-03-17 on a CDD, date_cdi 2026-01-01: CDI due by 2025-09-17, late from 09-17 to
    12-31 — Personnel shows it. Paie stops at 2025-06: read in July 2025 (a year in progress) or in 2027 (a
    closed year, payroll cut short), the breach stands; only a CDI not recorded at all waits for its deadline
    day in a year in progress (it was « conforme … (ou pas encore dû) »)."""
    from ei_cli import periods

    w = worker(hire=date(2025, 3, 17), cdi=date(2026, 1, 1))
    pay = tuple(PayMonth("T1", Month(2025, m), D(1), D(2000)) for m in range(3, 7))
    for today in (date(2025, 7, 15), date(2027, 3, 1)):
        monkeypatch.setattr(periods, "today", lambda: today)
        result = run(w, pay=pay)
        assert result.compliant is False and result.details["violations"][0]["since"] == date(2025, 9, 17)
    monkeypatch.setattr(periods, "today", lambda: date(2027, 3, 1))  # closed year, nothing recorded: late
    assert run(worker(hire=date(2025, 3, 17)), pay=pay).compliant is False


def test_a_closed_year_whose_last_payroll_month_is_not_entered_yet_is_not_in_progress(monkeypatch):
    """`ei check --year 2026` on 2027-01-15, Paie to 2026-11 (December's not entered yet): T1 (TD) hired
    2026-06-10 on a CDD, no date_cdi: CDI due by 2026-06-10 + 6 months = 2026-12-10. 2026 is over (its last
    day before today): everything due by its end is due — late from 2026-12-10, as with December's payroll.
    The payroll, « current » (November within two months of January), read 2026 as a year in progress: « not
    due yet », conforme."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 15))
    w = worker(hire=date(2026, 6, 10))
    for last in (11, 12):
        pay = tuple(PayMonth("T1", Month(2026, m), D(1), D(2000)) for m in range(6, last + 1))
        result = run(w, pay=pay, period=Period.calendar_year(2026))
        assert result.compliant is False, last
        assert result.details["violations"][0]["since"] == date(2026, 12, 10)


def test_a_payroll_three_months_behind_still_owes_nothing_after_today(monkeypatch):
    """Paie to 2025-08 only; T1 on a CDD hired 2025-06-20, CDI due 2025-12-20. On 2025-10-15 and on
    2025-11-15 — the payroll then three months behind — the CDI due on 2025-12-20, after today, cannot be late
    yet, whatever the payroll's lag (``deadline_horizon``; it was « non conforme » with a breach dated in the
    future). Read in 2026, it is late."""
    from ei_cli import periods

    pay = tuple(PayMonth("T1", Month(2025, m), D(1), D(2000)) for m in range(6, 9))
    w = worker(hire=date(2025, 6, 20))
    for today, compliant in ((date(2025, 10, 15), True), (date(2025, 11, 15), True), (date(2026, 3, 1), False)):
        monkeypatch.setattr(periods, "today", lambda: today)
        assert run(w, pay=pay).compliant is compliant, today


def test_the_breaches_follow_the_one_worker_order():
    """Personnel ids 9, 10, 2, 1, 11 (in that row order), each a CDD hired 15/01/2025 never converted: one
    cdi_late breach each, worker by worker in ``model.worker_order`` — 1, 2, 9, 10, 11 (as text: 1, 10, 11, 2,
    9)."""
    result = run(*(worker(wid) for wid in SHEET_IDS))
    assert [v["worker_id"] for v in result.details["violations"]] == IN_WORKER_ORDER
