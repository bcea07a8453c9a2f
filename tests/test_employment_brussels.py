"""Brussels 2004 employment condition (rules.md §5.3, seed only): encadrement staff on a CDI, ≥ half-time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from ei_cli.model import ContractType, Enterprise, Function, Region, Worker
from ei_cli.periods import Period
from ei_cli.regimes import get_regime
from ei_cli.rules import employment
from helpers_rules import IN_WORKER_ORDER, SHEET_IDS

B04 = get_regime("bruxelles-2004")
YEAR = Period.calendar_year(2015)


def staff(wid, contract=ContractType.CDI, fte="1", hire=date(2014, 3, 1), cdi=None, function=Function.SUPERVISION):
    return Worker(wid, hire, contract, D(fte), function, open_ended_since=cdi)


def run(*workers):
    e = Enterprise("EI", Region.BRUXELLES, date(2012, 1, 1), workers=tuple(workers))
    return employment.check(e, B04, YEAR, None)


def test_supervision_on_cdi_exactly_half_time_is_compliant():
    """S1 CDI 1 etp, S2 CDI 0.5 etp: 0.5 ≥ employment.supervision_min_fte (0.5) → compliant, 2 staff."""
    r = run(staff("S1"), staff("S2", fte="0.5"))
    assert r.compliant is True and r.details["supervision_staff"] == 2


def test_the_supervision_summary_says_its_counts_with_their_words():
    """One encadrement staff member, S3, on a CDI at 0.4 etp (< 0.5): « 1 manquement pour 1 membre du personnel
    d'encadrement » / « 1 breach for 1 supervision staff member » (it said « 1 membre(s) … »); S1 at 1 etp
    alone: « 1 membre du personnel d'encadrement en CDI à 0,5 etp au moins »; with S2 too, « 2 membres »."""
    r = run(staff("S3", fte="0.4"))
    assert r.summary.fr == "1 manquement pour 1 membre du personnel d'encadrement"
    assert r.summary.en == "1 breach for 1 supervision staff member"
    assert run(staff("S1")).summary.fr == "1 membre du personnel d'encadrement en CDI à 0,5 etp au moins"
    assert run(staff("S1"), staff("S2")).summary.en.startswith("2 supervision staff members on a CDI")


def test_supervision_below_half_time_or_on_cdd_is_a_breach():
    """S3 CDI at 0.4 etp (< 0.5) → below_min_fte; S4 on a CDD turned CDI on 01/04/2015, employed since
    01/03/2014: not open-ended from 01/01/2015 (first day in the period) to 31/03/2015 → cdi_late.
    A production worker on a CDD is not concerned (the rule is about encadrement staff)."""
    r = run(staff("S3", fte="0.4"), staff("S4", ContractType.CDD, cdi=date(2015, 4, 1)),
            staff("P1", ContractType.CDD, function=Function.PRODUCTION))
    assert r.compliant is False
    kinds = sorted((v["worker_id"], v["kind"]) for v in r.details["violations"])
    assert kinds == [("S3", "below_min_fte"), ("S4", "cdi_late")]
    late = next(v for v in r.details["violations"] if v["worker_id"] == "S4")
    assert (late["since"], late["until"]) == (date(2015, 1, 1), date(2015, 3, 31))
    assert r.reasons[0].parameter == "employment.supervision_min_fte"


def test_a_supervisor_without_a_cdi_is_told_without_a_deadline_or_a_status_to_establish():
    """S5, encadrement on a CDD since 2014-03-01, never a CDI: a breach from 2015-01-01 (the period's
    first day). The sentence said « CDI attendu au plus tard le 2015-01-01 (statut de public cible à
    établir) » — no deadline applies to encadrement staff (a CDI on every day) and their target status
    is not in question. It says « personnel d'encadrement sans CDI depuis le 2015-01-01 (engagé le
    2014-03-01) » (« depuis » : still without one), and the JSON has no deadline."""
    r = run(staff("S5", ContractType.CDD), staff("S6", fte="0.4"))
    late = next(v for v in r.details["violations"] if v["worker_id"] == "S5")
    assert late["deadline"] is None
    assert late["text"].fr == ("Travailleur S5 : personnel d'encadrement sans CDI depuis le 2015-01-01 (engagé le "
                               "2014-03-01).")
    low = next(v for v in r.details["violations"] if v["worker_id"] == "S6")
    assert "statut de public cible à établir" not in low["text"].fr


def test_a_supervisor_whose_cdd_became_a_cdi_before_the_period_is_compliant():
    """S7, encadrement hired on a CDD on 2014-03-01, on a CDI since 2014-06-01 (date_cdi), 1 etp. Judged
    over 2015: open-ended on every day of the period (CDI since before 2015-01-01, the first day in the
    period) → no breach, compliant — the months on a CDD in 2014 are outside the period judged."""
    r = run(staff("S7", ContractType.CDD, cdi=date(2014, 6, 1)))
    assert r.compliant is True and r.details["violations"] == [] and r.details["supervision_staff"] == 1


def test_supervision_staff_are_judged_from_the_regimes_start():
    """bruxelles-2004 applies from 2005-01-01 (valid_from); agrément 2004-06-01; E, encadrement hired on a CDD
    on 2004-06-01, on a CDI from 2004-12-01 (date_cdi). Over 2004-07-01 … 2005-06-30 (`run_checks`, the one
    place the period judged is chosen) the rule runs from max(2004-06-01, 2005-01-01) = 2005-01-01: E is on a
    CDI every day from then — compliant, and a reason says the rule did not run before. The check judged the
    whole period: « sans CDI du 2004-07-01 au 2004-11-30 », non conforme."""
    from ei_cli.rules.dashboard import run_checks

    e = Enterprise("EI", Region.BRUXELLES, date(2004, 6, 1),
                   workers=(staff("E", ContractType.CDD, hire=date(2004, 6, 1), cdi=date(2004, 12, 1)),))
    (r,) = run_checks(e, B04, Period(date(2004, 7, 1), date(2005, 6, 30)), only=["employment"])
    assert r.compliant is True and r.details["violations"] == []
    assert any("appliqué depuis le 2005-01-01" in x.text.fr and "rien n'est jugé avant ce jour" in x.text.fr
               for x in r.reasons)


def test_the_supervision_breaches_follow_the_one_worker_order():
    """Encadrement ids 9, 10, 2, 1, 11 (in that row order), each on a CDI at 0,4 etp (< 0,5): one breach each,
    in ``model.worker_order`` — 1, 2, 9, 10, 11 (as text: 1, 10, 11, 2, 9)."""
    r = run(*(staff(wid, fte="0.4") for wid in SHEET_IDS))
    assert [v["worker_id"] for v in r.details["violations"]] == IN_WORKER_ORDER


def test_the_supervision_cdi_is_the_persons_and_the_staff_counts_persons():
    """rules.md §5.3 (encadrement staff on a CDI) judged person by person, as the Walloon rule (« Counts of
    persons »). E1, encadrement on a CDD 2015-01-01 … 06-30, then the same person (same national number) on a
    CDI from 2015-07-01 as E1b; E2 on a CDD turned CDI on 2015-04-01. It read « 2 manquements pour 3 membres du
    personnel d'encadrement » (`supervision_staff` 3: ids) and advised « Travailleur E1 : personnel
    d'encadrement à engager en CDI … » though that person is on a CDI since 2015-07-01. Now 2 persons; E1's
    breach runs 2015-01-01 … 06-30 and names the CDI that ends it (2015-07-01, E1b); neither E1 nor E2 is told
    to hire on a CDI — each is on one since, and is told to correct date_cdi if it was earlier."""
    from dataclasses import replace

    from helpers_rules import one_person

    e1, e1b = one_person(replace(staff("E1", ContractType.CDD, hire=date(2015, 1, 1)), exit_date=date(2015, 6, 30)),
                         staff("E1b", hire=date(2015, 7, 1)))
    r = run(e1, e1b, staff("E2", ContractType.CDD, hire=date(2015, 1, 1), cdi=date(2015, 4, 1)))
    assert r.details["supervision_staff"] == 2
    assert r.summary.fr == "2 manquements pour 2 membres du personnel d'encadrement"
    late = {v["worker_id"]: v for v in r.details["violations"]}
    assert sorted(late) == ["E1", "E2"]
    assert (late["E1"]["since"], late["E1"]["until"], late["E1"]["cdi_date"], late["E1"]["cdi_worker_id"]) == (
        date(2015, 1, 1), date(2015, 6, 30), date(2015, 7, 1), "E1b")
    assert late["E1"]["text"].fr == ("Travailleur E1 : personnel d'encadrement sans CDI du 2015-01-01 au 2015-06-30 "
                                     "(engagé le 2015-01-01 ; CDI le 2015-07-01, travailleur E1b).")
    assert (late["E2"]["until"], late["E2"]["cdi_date"], late["E2"]["cdi_worker_id"]) == (
        date(2015, 3, 31), date(2015, 4, 1), None)
    assert [x.fr for x in r.to_fix] == [
        "Travailleur E1 : en CDI depuis le 2015-07-01 (travailleur E1b) ; s'il l'était plus tôt, corrigez date_cdi "
        "(feuille Personnel).",
        "Travailleur E2 : en CDI depuis le 2015-04-01 ; s'il l'était plus tôt, corrigez date_cdi (feuille Personnel)."]
    assert r.to_fix[0].en == ("Worker E1: on a CDI since 2015-07-01 (worker E1b); if it was earlier, correct date_cdi "
                              "(Personnel sheet).")


def test_a_person_on_successive_supervision_cdds_has_one_breach():
    """One person on two encadrement CDDs without a gap under two ids: E3 2015-01-01 … 06-30, E3b from 2015-07-01,
    never a CDI. One stretch of employment without a CDI, one breach named by the contract it begins under —
    « sans CDI depuis le 2015-01-01 » — where each contract alone made two; one person, 1 member."""
    from dataclasses import replace

    from helpers_rules import one_person

    e3, e3b = one_person(replace(staff("E3", ContractType.CDD, hire=date(2015, 1, 1)), exit_date=date(2015, 6, 30)),
                         staff("E3b", ContractType.CDD, hire=date(2015, 7, 1)))
    r = run(e3, e3b)
    assert r.summary.fr == "1 manquement pour 1 membre du personnel d'encadrement"
    (late,) = r.details["violations"]
    assert (late["worker_id"], late["since"], late["until"], late["cdi_date"]) == ("E3", date(2015, 1, 1), None, None)
    assert [x.fr for x in r.to_fix] == ["Travailleur E3 : personnel d'encadrement à engager en CDI."]


def test_what_to_fix_says_each_worker_once_and_only_what_it_lacks():
    """Brussels audit (2026-12-01): S6, encadrement on a CDD at 0,3 etp, breaks both halves of the rule (CDI; 0,3 <
    0,5): 2 breaches, one thing to do — « à engager en CDI d'au moins 0,5 etp » —, which what to fix said twice.
    S7 on a CDI at 0,4 lacks only the etp (« etp contractuel à porter à 0,5 au moins »); S8 on a CDD at 1 etp only
    the CDI (« à engager en CDI »)."""
    r = run(staff("S6", ContractType.CDD, fte="0.3"), staff("S7", fte="0.4"), staff("S8", ContractType.CDD))
    assert r.summary.fr == "4 manquements pour 3 membres du personnel d'encadrement"
    assert sorted(x.fr for x in r.to_fix) == [
        "Travailleur S6 : personnel d'encadrement à engager en CDI d'au moins 0,5 etp.",
        "Travailleur S7 : personnel d'encadrement, etp contractuel à porter à 0,5 au moins.",
        "Travailleur S8 : personnel d'encadrement à engager en CDI."]
    assert sorted(x.en for x in r.to_fix)[1] == "Worker S7: supervision staff, contractual fte to raise to 0.5 at least."
