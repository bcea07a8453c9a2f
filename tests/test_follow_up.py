"""Social follow-up (Wallonia 2016, rules.md §3.6, seed 002): quarterly interviews, bilan, training plan,
a social accompanier while target workers are employed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ei_cli.i18n import Text
from ei_cli.model import ContractType, Enterprise, FollowUp, FollowUpType, Function, Region, Worker
from ei_cli.periods import Period
from ei_cli.regimes import get_regime
from ei_cli.rules import follow_up
from ei_cli.rules.follow_up import Quarter, quarters_overlapping

from helpers_rules import StatusReport, one_person, IN_WORKER_ORDER, SHEET_IDS

def Report(status):  # noqa: N802 - absent ids are not target here
    return StatusReport(status, default=False)


W16 = get_regime("wallonie-2016")
YEAR = Period.calendar_year(2025)
I, C = FollowUpType.INDIVIDUAL_INTERVIEW, FollowUpType.COLLECTIVE_INTERVIEW
BILAN, PLAN = FollowUpType.ASSESSMENT, FollowUpType.TRAINING_PLAN
ACCOMPANIER = Worker("S", date(2020, 1, 1), ContractType.CDI, D(1), Function.SOCIAL_ACCOMPANIMENT)




def td(wid="T", hire=date(2024, 1, 1), contract=ContractType.CDI, exit=None) -> Worker:
    return Worker(wid, hire, contract, D(1), Function.PRODUCTION, exit_date=exit)


def actions(wid: str, *items: tuple[str, FollowUpType]) -> list[FollowUp]:
    return [FollowUp(wid, date.fromisoformat(d), kind) for d, kind in items]


FULL_2025 = [("2024-01-20", BILAN), ("2024-02-10", PLAN), ("2025-02-03", I), ("2025-06-19", C),
             ("2025-08-04", I), ("2025-11-12", I)]


def run(workers, follow, status=None, accompanier=True):
    staff = tuple(workers) + ((ACCOMPANIER,) if accompanier else ())
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=staff, follow_ups=tuple(follow))
    status = status or {w.worker_id: True for w in workers}
    return follow_up.check(e, W16, YEAR, Report({"S": False, **status}))


def test_quarters():
    assert [str(q) for q in quarters_overlapping(YEAR)] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert Quarter(2025, 4).period == Period(date(2025, 10, 1), date(2025, 12, 31))


def test_a_quarter_is_said_in_words_in_french_and_kept_as_yyyy_qn_in_english_and_the_json():
    """« aucun entretien en 2025-Q2 » wrote the English code in French (and the annual report said « T2 », the
    TD criterion code): French says « au 2e trimestre 2025 » (« 1er » for the first), English keeps 2025-Q2, and
    the JSON's `quarter` value (contract) stays « 2025-Q2 »."""
    assert [q.text.fr for q in quarters_overlapping(YEAR)] == [
        "1er trimestre 2025", "2e trimestre 2025", "3e trimestre 2025", "4e trimestre 2025"]
    assert Quarter(2025, 2).text.en == "2025-Q2"
    items = [a for a in FULL_2025 if a[0] != "2025-06-19"]
    result = run([td()], actions("T", *items))
    (m,) = result.details["missing"]
    assert m["quarter"] == "2025-Q2" and result.details["quarters"][1]["quarter"] == "2025-Q2"
    assert m["text"] == Text("Travailleur T : aucun entretien au 2e trimestre 2025", "Worker T: no interview in 2025-Q2")


def test_complete_follow_up_is_compliant():
    """One interview (individual or collective) in each of the four quarters, bilan and plan within 6 months."""
    result = run([td()], actions("T", *FULL_2025))
    assert result.compliant is True and result.details["missing"] == []


def test_a_quarter_with_no_interview():
    """No interview between 01/04 and 30/06/2025 (the collective one of 19/06 removed) → 2025-Q2 missing."""
    items = [a for a in FULL_2025 if a[0] != "2025-06-19"]
    result = run([td()], actions("T", *items))
    assert result.compliant is False
    (m,) = result.details["missing"]
    assert (m["worker_id"], m["item"], m["quarter"], m["interviews_found"]) == ("T", "interview", "2025-Q2", 0)
    assert "au 2e trimestre 2025" in result.to_fix[0].fr and "2025-Q2" in result.to_fix[0].en


def test_a_workers_items_to_fix_are_joined_as_each_language_writes_a_semicolon():
    """Two interviews missing for T (2025-Q2 and 2025-Q3, their actions removed): one « À corriger » line joining
    them. French typography puts a space before the semicolon (« 2e trimestre 2025 ; aucun … »; it read
    « 2025-Q2; »), English none (« 2025-Q2; no … »)."""
    items = [a for a in FULL_2025 if not ("2025-04-01" <= a[0] <= "2025-09-30")]
    (line,) = run([td()], actions("T", *items)).to_fix
    assert "aucun entretien au 2e trimestre 2025 ; aucun entretien au 3e trimestre 2025" in line.fr
    assert "no interview in 2025-Q2; no interview in 2025-Q3" in line.en


def test_a_numeric_worker_id_is_named_as_a_worker():
    """workbook.md allows ids 1, 2, 3: « 1 : aucun entretien … » read as a count. Worker 1 without the collective
    interview of 2025-06-19: the gap's line and what to fix name « Travailleur 1 », as ``ei validate`` does; the
    JSON keeps the id « 1 »."""
    items = [a for a in FULL_2025 if a[0] != "2025-06-19"]
    result = run([td("1")], actions("1", *items))
    (m,) = result.details["missing"]
    assert m["worker_id"] == "1" and m["text"].fr.startswith("Travailleur 1 : aucun entretien au ")
    assert m["text"].en.startswith("Worker 1: no interview in ")
    assert result.to_fix[0].fr.startswith("Travailleur 1 : aucun entretien au ")
    assert result.to_fix[0].en.startswith("Worker 1: no interview in ")


def test_worker_hired_in_the_last_week_of_a_quarter_needs_no_interview_that_quarter():
    """Hired 25/03/2025: employed 7 days in Q1 (25–31/03) < 30 days → no interview required in Q1;
    Q2, Q3, Q4 required. Bilan and plan due by 25/09/2025, done in April."""
    w = td(hire=date(2025, 3, 25))
    items = actions("T", ("2025-04-10", BILAN), ("2025-04-20", PLAN), ("2025-05-05", I), ("2025-08-05", I),
                    ("2025-11-05", I))
    result = run([w], items)
    assert result.compliant is True
    q1 = result.details["quarters"][0]
    assert (q1["quarter"], q1["days_employed"], q1["required"]) == ("2025-Q1", 7, False)


def test_a_quarter_wholly_suspended_at_etp_0_owes_no_interview():
    """Audit s03: T1 (TD, hired 2024-01-01, bilan and plan done in 2024) is sick from April to September 2025:
    Paie rows at etp 0 for 2025-04 … 2025-09, at 1 the other months; interviews in Q1 (02-03) and Q4 (11-12)
    only. Q2 and Q3 are employed 91 and 92 days (≥ 30), so each owed one: « aucun entretien au 2e trimestre
    2025 », « … au 3e », while the quota counts T1 for 0 FTE those months. A quarter in which every month
    employed is paid at etp 0 owes none, as one of a worker present one week: compliant, Q2 and Q3 not
    required (`suspended` true), a reason saying why. Controls, the same actions: U, whose August row is
    missing (not known to be 0: Q3 still owed, Q2 exempt), and V, paid 0,5 in April (Q2 still owed, Q3
    exempt) — « aucun entretien » for each; the bilan and plan deadlines do not move."""
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month

    def pay(wid, idle, missing=()):
        return [PayMonth(wid, Month(2025, m), D(0) if m in idle else D(1), D(0) if m in idle else D(2000))
                for m in range(1, 13) if m not in missing]

    done = [("2024-01-20", BILAN), ("2024-02-10", PLAN), ("2025-02-03", I), ("2025-11-12", I)]
    workers = [td("T1"), td("U"), td("V")]
    idle = set(range(4, 10))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(*workers, ACCOMPANIER),
                   pay=tuple(pay("T1", idle) + pay("U", idle, missing={8}) + pay("V", idle - {4}) + [
                       PayMonth("V", Month(2025, 4), D("0.5"), D(1000))]),
                   follow_ups=tuple(actions("T1", *done) + actions("U", *done) + actions("V", *done)))
    result = follow_up.check(e, W16, YEAR, Report({"T1": True, "U": True, "V": True}))
    assert [(m["worker_id"], m["quarter"]) for m in result.details["missing"]] == [("U", "2025-Q3"), ("V", "2025-Q2")]
    t1 = [(q["quarter"], q["days_employed"], q["required"], q["suspended"])
          for q in result.details["quarters"] if q["worker_id"] == "T1"]
    assert t1 == [("2025-Q1", 90, True, False), ("2025-Q2", 91, False, True), ("2025-Q3", 92, False, True),
                  ("2025-Q4", 92, True, False)]
    reason, *others = [r for r in result.reasons if "suspendu" in r.text.fr]
    assert reason.text.fr == ("Travailleur T1 : pas d'entretien exigé au 2e trimestre 2025 et au 3e trimestre 2025 "
                              "(suspendu : payé à 0 etp chaque mois occupé, feuille Paie).")
    assert [r.text.fr.split(" (")[0] for r in others] == ["Travailleur U : pas d'entretien exigé au 2e trimestre 2025",
                                                          "Travailleur V : pas d'entretien exigé au 3e trimestre 2025"]
    assert reason.text.en == ("Worker T1: no interview required in 2025-Q2 and in 2025-Q3 (suspended: paid at etp 0 "
                              "every month employed, Paie sheet).")
    alone = follow_up.check(replace(e, workers=(workers[0], ACCOMPANIER)), W16, YEAR, Report({"T1": True}))
    assert alone.compliant is True and alone.details["missing"] == []
    # Hired 2025-01-01 with no bilan nor plan: both due by 2025-07-01 (hire + 6 months), within the suspension.
    hired = replace(e, workers=(td("T1", hire=date(2025, 1, 1)), ACCOMPANIER),
                    follow_ups=tuple(actions("T1", ("2025-02-03", I), ("2025-11-12", I))))
    late = follow_up.check(hired, W16, YEAR, Report({"T1": True})).details["missing"]
    assert [(m["item"], m["due"]) for m in late] == [("bilan", date(2025, 7, 1)), ("plan_formation", date(2025, 7, 1))]


def test_a_suspended_quarter_is_said_under_the_id_its_line_names():
    """Reading of the change: one person, A1 CDD 2025-01-01 … 06-30 paid at etp 0 April–June, then A2 CDI from
    2025-07-01 (same national number). Q2 is wholly suspended (April, May, June at 0 under A1), and its quarters[]
    line names A1, the contract employed in it; the reason named every suspended quarter after the person's last
    line's id, « Travailleur A2 : pas d'entretien exigé au 2e trimestre 2025 » — A2 was not yet hired. It now
    names A1."""
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month

    a1, a2 = one_person(td("A1", hire=date(2025, 1, 1), contract=ContractType.CDD, exit=date(2025, 6, 30)),
                        td("A2", hire=date(2025, 7, 1)))
    pay = [PayMonth("A1", Month(2025, m), D(0) if m >= 4 else D(1), D(0) if m >= 4 else D(2000)) for m in range(1, 7)]
    pay += [PayMonth("A2", Month(2025, m), D(1), D(2000)) for m in range(7, 13)]
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(a1, a2, ACCOMPANIER), pay=tuple(pay),
                   follow_ups=tuple(actions("A1", ("2025-02-03", I), ("2025-03-10", BILAN), ("2025-03-20", PLAN))
                                    + actions("A2", ("2025-08-04", I), ("2025-11-12", I))))
    result = follow_up.check(e, W16, YEAR, Report({"A1": True, "A2": True}))
    assert [(q["worker_id"], q["quarter"], q["suspended"]) for q in result.details["quarters"]] == [
        ("A1", "2025-Q1", False), ("A1", "2025-Q2", True), ("A2", "2025-Q3", False), ("A2", "2025-Q4", False)]
    (reason,) = [r for r in result.reasons if "suspendu" in r.text.fr]
    assert reason.text.fr.startswith("Travailleur A1 : pas d'entretien exigé au 2e trimestre 2025 (suspendu")
    assert result.compliant is True


def test_thirty_days_in_a_quarter_require_an_interview():
    """follow_up.min_days_employed_in_quarter = 30 (at least 30 days employed in the quarter).
    Hired 02/03/2025: 30 days in Q1 (02–31/03) ≥ 30 → Q1 requires an interview; none recorded → missing.
    Hired 03/03/2025: 29 days < 30 → Q1 not required, nothing missing."""
    items = actions("T", ("2025-03-20", BILAN), ("2025-04-20", PLAN), ("2025-05-05", I), ("2025-08-05", I),
                    ("2025-11-05", I))
    result = run([td(hire=date(2025, 3, 2))], items)
    q1 = result.details["quarters"][0]
    assert (q1["quarter"], q1["days_employed"], q1["required"]) == ("2025-Q1", 30, True)
    assert [m["quarter"] for m in result.details["missing"]] == ["2025-Q1"] and result.compliant is False
    result = run([td(hire=date(2025, 3, 3))], items)
    q1 = result.details["quarters"][0]
    assert (q1["days_employed"], q1["required"]) == (29, False)
    assert result.details["missing"] == [] and result.compliant is True


def test_bilan_late_and_plan_missing():
    """Hired 01/02/2025: bilan due by 01/08/2025, done 02/08/2025 (late); plan due 01/08/2025, none."""
    w = td(hire=date(2025, 2, 1))
    items = actions("T", ("2025-08-02", BILAN), ("2025-02-20", I), ("2025-05-20", I), ("2025-08-20", I),
                    ("2025-11-20", I))
    result = run([w], items)
    missing = {m["item"]: m for m in result.details["missing"]}
    assert missing["bilan"]["due"] == date(2025, 8, 1) and missing["bilan"]["done"] == date(2025, 8, 2)
    assert missing["plan_formation"]["done"] is None
    assert result.compliant is False


def test_bilan_on_the_deadline_is_on_time_and_not_yet_due_after_the_period():
    """Hired 01/02/2025, bilan and plan on 01/08/2025 (= hire + 6 months) → on time.
    Hired 01/09/2025: due 01/03/2026, after the period → nothing due in 2025."""
    w = td(hire=date(2025, 2, 1))
    interviews = [("2025-02-20", I), ("2025-05-20", I), ("2025-08-20", I), ("2025-11-20", I)]
    assert run([w], actions("T", ("2025-08-01", BILAN), ("2025-08-01", PLAN), *interviews)).compliant is True
    late_hire = td(hire=date(2025, 9, 1))
    assert run([late_hire], actions("T", ("2025-09-20", I), ("2025-11-20", I))).compliant is True


def test_a_bilan_made_late_before_the_period_is_not_missing_in_it():
    """Hired 01/01/2024: bilan due by 01/07/2024 (hire + 6 months), made on 15/09/2024 — late, in 2024. In 2025
    it is done: the lateness belongs to 2024 and is remedied before 2025, so nothing is missing in 2025
    (compliant with a plan on time and an interview each quarter); 2024 lists the bilan, due 2024-07-01, done
    2024-09-15."""
    items = actions("T", *[a for a in FULL_2025 if a[1] != BILAN], ("2024-09-15", BILAN))
    result = run([td()], items)
    assert result.compliant is True and result.details["missing"] == []
    late = _judge([td()], items, 2024)
    bilan = [m for m in late.details["missing"] if m["item"] == "bilan"]
    assert [(m["due"], m["done"]) for m in bilan] == [(date(2024, 7, 1), date(2024, 9, 15))]


def test_a_worker_leaving_on_the_bilans_last_day_still_owed_it():
    """Hired 01/02/2025: bilan due by 01/08/2025 (hire + 6 months, follow_up.assessment_within_months),
    plan done 20/02. Leaving on 01/08/2025, the due day itself, without a bilan: it was owed → missing,
    not compliant. Leaving on 31/07/2025, before the due day: nothing owed → compliant.
    Interviews: Q1 (20/02), Q2 (20/05), Q3 (20/07: employed 01/07–31/07 or 01/08, ≥ 30 days)."""
    items = actions("T", ("2025-02-20", PLAN), ("2025-02-20", I), ("2025-05-20", I), ("2025-07-20", I))
    result = run([td(hire=date(2025, 2, 1), exit=date(2025, 8, 1))], items)
    assert [(m["item"], m["due"], m["done"]) for m in result.details["missing"]] == [("bilan", date(2025, 8, 1), None)]
    assert result.compliant is False
    result = run([td(hire=date(2025, 2, 1), exit=date(2025, 7, 31))], items)
    assert result.details["missing"] == [] and result.compliant is True


def test_art60_needs_interviews_but_no_bilan():
    """Art. 60 §7 workers are in the accompaniment mission (task 1) but bilan and plan name TD/TGD only."""
    w = td(contract=ContractType.ART60)
    items = actions("T", ("2025-02-03", I), ("2025-05-03", I), ("2025-08-04", I), ("2025-11-12", I))
    assert run([w], items, status={"T": False}).compliant is True
    assert run([w], [], status={"T": False}).compliant is False


def test_no_social_accompanier_while_target_workers_are_employed():
    """T (TD) employed all 2025, its four interviews held, and nobody with fonction accompagnement_social:
    12 months without an accompanier → not compliant. The reason cites the regime's own reading
    (follow_up.accompanier_every_month, inferred), not the quarterly-interview obligation it cited."""
    result = run([td()], actions("T", *FULL_2025), accompanier=False)
    assert result.compliant is False and len(result.details["months_without_accompanier"]) == 12
    (gap,) = [r for r in result.reasons if "Aucun accompagnateur social" in r.text.fr]
    assert gap.parameter == "follow_up.accompanier_every_month" and gap.confidence == "inferred"


def test_the_summary_says_each_count_with_its_words_by_the_languages_rule():
    """T (TD) with every 2025 interview, the accompanier S leaving on 2025-11-30: December without one — « 1
    travailleur suivi : 1 mois sans accompagnateur social » / « 1 worker followed: 1 month without a social
    accompanier » (it said « 1 suivi(s) », « 1 worker(s) », « 1 month(s) », then « 1 suivi : … », which read as
    one follow-up action). With S there all year the same head: « 1 travailleur suivi : … » / « 1 worker
    followed: … ». A quarter short of a required count of 2 with 1 interview: « 1 entretien au 1er trimestre
    2025, insuffisant » / « 1 interview in 2025-Q1, not enough »."""
    s = replace(ACCOMPANIER, exit_date=date(2025, 11, 30))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(td(), s),
                   follow_ups=tuple(actions("T", *FULL_2025)))
    result = follow_up.check(e, W16, YEAR, Report({"S": False, "T": True}))
    assert result.details["months_without_accompanier"] == ["2025-12"]
    assert result.summary.fr == "1 travailleur suivi : 1 mois sans accompagnateur social"
    assert result.summary.en == "1 worker followed: 1 month without a social accompanier"
    assert run([td()], actions("T", *FULL_2025)).summary.en.startswith("1 worker followed: quarterly interviews")
    short = follow_up.Missing("T", "interview", True, quarter=Quarter(2025, 1), found=1)
    assert (short.what.fr, short.what.en) == ("1 entretien au 1er trimestre 2025, insuffisant",
                                              "1 interview in 2025-Q1, not enough")


def test_unknown_status_makes_it_unknown_not_failed_and_non_target_are_not_followed():
    assert run([td()], [], status={"T": None}).compliant is None
    assert run([td()], [], status={"T": False}).compliant is True


def test_gaps_of_a_worker_of_unknown_status_are_marked_and_counted_apart():
    """T (TD) and U (production, status unknown) employed all 2025 (hired 2024-01-01), no action recorded
    at all. Each misses 4 quarterly interviews + bilan (due 2024-07-01) + plan (due 2024-07-01) = 6 gaps.
    T's 6 gaps fail the check; U's 6 are listed too, but owed only if U is target public: each of U's lines
    says « (statut indéterminé) », and the summary counts them apart — 2 followed, 6 gaps for 1 worker,
    6 gaps for 1 worker of unknown status (it said « 6 manque(s) pour 1 travailleur(s) » beside 12 listed
    lines, U's written as if U were TD/TGD; each count now says its words by the language's rule: « 1
    travailleur », « 6 manques »)."""
    result = run([td("T"), td("U")], [], status={"T": True, "U": None})
    assert result.compliant is False and len(result.details["missing"]) == 12
    assert result.summary.fr == ("2 travailleurs suivis : 6 manques pour 1 travailleur, "
                                 "6 manques pour 1 travailleur de statut indéterminé")
    assert result.summary.en == ("2 workers followed: 6 gaps for 1 worker, "
                                 "6 gaps for 1 worker of unknown status")
    lines = [r.text.fr for r in result.reasons if r.text.fr.startswith(("Travailleur T ", "Travailleur U "))]
    assert lines[:6] == [x for x in lines if x.startswith("Travailleur T : ")] and len(lines) == 12
    assert all(x.startswith("Travailleur U (statut indéterminé) : ") for x in lines[6:])
    assert "Travailleur U (statut indéterminé) : aucun entretien au 1er trimestre 2025" in lines
    assert [m["text"].fr for m in result.details["missing"] if m["worker_id"] == "U"][0] == \
        "Travailleur U (statut indéterminé) : aucun entretien au 1er trimestre 2025"
    assert result.to_fix[1].fr.startswith("Travailleur U (statut indéterminé) : aucun entretien au 1er trimestre "
                                          "2025 ; ")
    assert result.to_fix[1].en.startswith("Worker U (status unknown): no interview in 2025-Q1; ")
    assert any("n'est dû que si le travailleur est du public cible" in r.text.fr for r in result.reasons)
    # Alone, U's gaps leave the check unknown, with the same count.
    alone = run([td("U")], [], status={"U": None})
    assert alone.compliant is None
    assert alone.summary.fr == "indéterminé : 6 manques pour 1 travailleur de statut indéterminé"


@pytest.mark.parametrize("regime_id, region", [("bruxelles-2004", Region.BRUXELLES), ("wallonie-2003", Region.WALLONIE)])
def test_other_regimes_not_established(regime_id, region):
    """rules.md gives no follow-up rule for wallonie-2003 (§4.6) nor bruxelles-2004 (§5.6): not found →
    unknown. The reason says that in words; it cited « décision D7 pour un régime connu en partie », the
    decision about the outline regime bruxelles-2018, which neither of them is."""
    e = Enterprise("EI", region, date(2020, 1, 1), workers=(td(),))
    result = follow_up.check(e, get_regime(regime_id), YEAR, Report({"T": True}))
    assert result.compliant is None and result.details == {"established": False}
    (reason,) = result.reasons
    assert reason.text.fr == (f"Règle non établie pour le régime {regime_id} : aucun texte trouvé ne la donne pour "
                              "ce régime ; faute de texte, ei ne peut dire ni qu'elle s'applique ni qu'elle n'existe "
                              "pas, et le contrôle reste indéterminé.")
    assert "D7" not in reason.text.en and "rules.md" not in reason.text.fr
    assert reason.reference == get_regime(regime_id).title and reason.confidence == "not_found"


def test_the_outline_regime_says_its_decision_in_words():
    """bruxelles-2018 (outline): the follow-up is not established by the project's decision (D7) to check
    the mandate minimums only — said in words, the decision kept as its reference."""
    e = Enterprise("EI", Region.BRUXELLES, date(2020, 1, 1), workers=(td(),))
    (reason,) = follow_up.check(e, get_regime("bruxelles-2018"), YEAR, Report({"T": True})).reasons
    assert "n'est connu qu'en partie" in reason.text.fr and "lecture retenue par le projet" in reason.text.fr
    assert "rules.md" not in reason.text.fr


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 364), st.integers(0, 400))
def test_an_interview_every_month_always_satisfies_the_quarterly_rule(hire_offset, length):
    """Invariant: whatever the hire and exit dates, a monthly interview leaves no quarter missing."""
    hire = date(2025, 1, 1) + timedelta(days=hire_offset)
    exit = hire + timedelta(days=length)
    w = td(hire=hire, exit=exit)
    items = [FollowUp("T", date(2025, m, 15) if date(2025, m, 15) >= hire else hire, I) for m in range(1, 13)]
    items += [FollowUp("T", hire, BILAN), FollowUp("T", hire, PLAN)]
    # Interviews only while employed: a quarter requires one only with ≥ 30 days of employment in it.
    items = [f for f in items if hire <= f.date <= exit]
    items += [FollowUp("T", d, I) for d in (hire, exit) if d.year == 2025]
    result = run([w], items)
    assert [m for m in result.details["missing"] if m["item"] == "interview"] == []


def test_no_suivi_sheet_is_unknown_not_failed():
    """A TD worker with no action at all: with a Suivi sheet (empty), 4 quarters + bilan + plan are missing
    → false; without a Suivi sheet nothing is known → null, and the reason says why."""
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(td(), ACCOMPANIER), follow_up_sheet=False)
    result = follow_up.check(e, W16, YEAR, Report({"T": True, "S": False}))
    assert result.compliant is None and result.details["follow_up_sheet"] is False
    assert result.details["missing"] == [] and result.details["quarters"] == []
    assert "pas de feuille Suivi" in result.summary.fr and "no Suivi sheet" in result.summary.en
    assert "ajoutez la feuille suivi" in result.to_fix[0].fr.lower()
    empty = run([td()], [])
    assert empty.compliant is False and len(empty.details["missing"]) == 4 + 2


def _sample_without_suivi(tmp_path, rename: str | None = None, empty: bool = False):
    """The Walloon sample with its Suivi sheet deleted, renamed, or emptied down to its headers."""
    from pathlib import Path

    import openpyxl

    wb = openpyxl.load_workbook(Path(__file__).resolve().parent.parent / "sample_data" / "ei-wallonie.xlsx")
    if rename:
        wb["Suivi"].title = rename
    elif empty:
        wb["Suivi"].delete_rows(2, wb["Suivi"].max_row)
    else:
        del wb["Suivi"]
    path = tmp_path / "sans-suivi.xlsx"
    wb.save(path)
    return path


def test_check_without_suivi_sheet_warns_and_leaves_follow_up_unknown(tmp_path, capsys):
    """`ei check --year 2025` on the Walloon sample without Suivi: a warning missing_sheet (sheet Suivi),
    follow_up null; the sample's other checks are compliant, so the exit code is 0 (it was 1 with
    follow_up false, « 61 manque(s) »). With --strict the unknown counts: exit 1."""
    import json

    from helpers_cli import run_cli

    path = _sample_without_suivi(tmp_path)
    code, out, _err = run_cli(capsys, "check", str(path), "--year", "2025", "--format", "json")
    doc = json.loads(out)
    line = next(c for c in doc["checks"] if c["name"] == "follow_up")
    assert line["compliant"] is None and line["summary"] == "indéterminé : pas de feuille Suivi dans le classeur"
    assert [(p["code"], p["severity"], p["sheet"]) for p in doc["problems"]] == [("missing_sheet", "warning", "Suivi")]
    assert code == 0 and doc["compliant"] is None
    assert run_cli(capsys, "check", str(path), "--year", "2025", "--strict")[0] == 1


def test_a_renamed_suivi_sheet_is_named_in_the_warning(tmp_path, capsys):
    """`suivi social` is not one of the accepted names (Suivi, Follow-up, Followup, Social follow-up,
    Opvolging): `ei validate`
    says valid with one warning that names it and asks to rename it."""
    import json

    from helpers_cli import run_cli

    path = _sample_without_suivi(tmp_path, rename="suivi social")
    code, out, _err = run_cli(capsys, "validate", str(path), "--format", "json")
    problems = json.loads(out)["problems"]
    assert code == 0 and [(p["code"], p["severity"], p["sheet"]) for p in problems] == [
        ("missing_sheet", "warning", "Suivi")]
    assert "Une feuille dont le nom contient « Suivi » : est-ce celle-là ? Renommez-la « Suivi »" in problems[0]["message"]
    assert "« suivi social »" not in problems[0]["message"]


def test_the_suivi_sheet_under_its_english_name_of_the_contract_is_read(tmp_path, capsys):
    """workbook.md heads the sheet « `Suivi` (social follow-up) », as « `Personnel` (staff) », and every
    other such English name is accepted: a sheet named `Social follow-up` is the Suivi sheet (no
    missing_sheet warning, its actions read)."""
    import json

    from helpers_cli import run_cli

    path = _sample_without_suivi(tmp_path, rename="Social follow-up")
    code, out, _err = run_cli(capsys, "validate", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["problems"] == []


def test_an_empty_suivi_sheet_is_data_no_action_took_place(tmp_path, capsys):
    """Headers and no row: no warning, and the follow-up is not compliant (no interview recorded)."""
    import json

    from helpers_cli import run_cli

    path = _sample_without_suivi(tmp_path, empty=True)
    code, out, _err = run_cli(capsys, "check", str(path), "--year", "2025", "--format", "json")
    doc = json.loads(out)
    assert doc["problems"] == [] and code == 1
    assert next(c for c in doc["checks"] if c["name"] == "follow_up")["compliant"] is False


def test_interviews_outside_the_employment_do_not_count():
    """T (TD) hired 2025-02-15: Q1 holds 14 + 31 = 45 days employed (≥ 30: an interview is due); its only
    « Q1 » interview is dated 2025-01-20, before the hire — it counted, and the year was compliant. U (TD)
    left 2025-05-15: Q2 holds 30 + 15 = 45 days; its only « Q2 » interview is dated 2025-06-10, after the
    exit. Both quarters now miss their interview. A bilan dated before the hire does not count either."""
    t_ = td("T", hire=date(2025, 2, 15))
    u = td("U", hire=date(2024, 1, 1), exit=date(2025, 5, 15))
    follow = actions("T", ("2025-01-20", I), ("2025-01-10", BILAN), ("2025-03-01", PLAN), ("2025-05-10", I),
                     ("2025-08-10", I), ("2025-11-10", I))
    follow += actions("U", ("2024-01-20", BILAN), ("2024-02-10", PLAN), ("2025-02-10", I), ("2025-06-10", I))
    result = run([t_, u], follow)
    missing = {(m["worker_id"], m["item"], m["quarter"]) for m in result.details["missing"]}
    assert ("T", "interview", "2025-Q1") in missing and ("U", "interview", "2025-Q2") in missing
    assert ("T", "bilan", None) in missing   # due 2025-08-15, the only one dated before the hire
    assert result.compliant is False


def test_a_quarter_still_running_at_the_end_of_a_month_period_is_not_due():
    """`ei batch --month 2025-02`: T (TD, hired 2024-01-01) has no interview yet in 2025-Q1, which runs to
    2025-03-31 — not due at 2025-02-28 (it was « aucun entretien en 2025-Q1 »). A worker who left on
    2025-02-10, with 41 days employed in the quarter, owed it before leaving: still due."""
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1),
                   workers=(td("T"), td("L", exit=date(2025, 2, 10)), ACCOMPANIER),
                   follow_ups=tuple(actions("T", ("2024-01-20", BILAN), ("2024-02-10", PLAN))
                                    + actions("L", ("2024-01-20", BILAN), ("2024-02-10", PLAN))))
    result = follow_up.check(e, W16, Period(date(2025, 2, 1), date(2025, 2, 28)),
                             Report({"S": False, "T": True, "L": True}))
    assert [(m["worker_id"], m["quarter"]) for m in result.details["missing"]] == [("L", "2025-Q1")]


def _judge(workers, follow, year: int):
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(*workers, ACCOMPANIER), follow_ups=tuple(follow))
    return follow_up.check(e, W16, Period.calendar_year(year), Report({"S": False, **{w.worker_id: True for w in workers}}))


def test_a_persons_bilan_and_plan_count_across_ids_and_run_from_the_first_hire():
    """A (TD) on a CDD 2024-01-01 … 06-30 as A1, then on a CDI from 2024-07-01 as A2 (same national number).
    Bilan 2024-03-10 and plan 2024-03-20 recorded under A1: due by 2024-01-01 + 6 months = 2024-07-01, on
    time. The old code ignored them for A2 and gave A2 its own 6 months: 2025 « A2 : bilan … absent (dû au
    plus tard le 2025-01-01) ». Conversely, with no bilan nor plan at all, the split postponed the deadline:
    A1 left before 2024-07-01 (nothing owed), A2's fell on 2025-01-01 (not due in 2024), so 2024 was
    compliant; as one row it is missing from 2024-07-01. Now missing in 2024, due 2024-07-01, under A2 (the
    contract it fell due under), naming the hire it runs from. Interviews: one per quarter, under the id of
    the time."""
    ws = one_person(td("A1", exit=date(2024, 6, 30), contract=ContractType.CDD), td("A2", hire=date(2024, 7, 1)))
    interviews = actions("A1", ("2024-02-10", I), ("2024-05-10", I)) + actions(
        "A2", ("2024-08-10", I), ("2024-11-10", I), ("2025-02-10", I), ("2025-05-10", I), ("2025-08-10", I),
        ("2025-11-10", I))
    done = actions("A1", ("2024-03-10", BILAN), ("2024-03-20", PLAN))
    assert _judge(ws, interviews + done, 2025).compliant is True
    assert _judge(ws, interviews + done, 2024).compliant is True
    result = _judge(ws, interviews, 2024)
    assert [(m["worker_id"], m["item"], m["due"]) for m in result.details["missing"]] == [
        ("A2", "bilan", date(2024, 7, 1)), ("A2", "plan_formation", date(2024, 7, 1))]
    assert result.details["missing"][0]["text"].fr == ("Travailleur A2 : bilan personnel et professionnel absent "
                                                       "(dû au plus tard le 2024-07-01 ; engagement de la personne : "
                                                       "travailleur A1, 2024-01-01)")
    # The hire the deadline runs from, in the JSON as the employment check's `deadline_from` (it was in the
    # text only); null for a quarter's interview.
    assert [m["deadline_from"] for m in result.details["missing"]] == [
        {"worker_id": "A1", "hire_date": date(2024, 1, 1)}] * 2
    no_interview = _judge(ws, done, 2024).details["missing"]
    assert {m["item"] for m in no_interview} == {"interview"} and all(m["deadline_from"] is None for m in no_interview)
    assert result.compliant is False
    # One person followed, with two gaps: « 1 travailleur suivi : 2 manques pour 1 travailleur », not 2 and 2 (ids).
    assert result.summary.fr == "1 travailleur suivi : 2 manques pour 1 travailleur"
    assert result.summary.en == "1 worker followed: 2 gaps for 1 worker"
    assert _judge(ws, interviews + done, 2024).summary.fr.startswith("1 travailleur suivi : ")
    # Without the national number, two people: A2's own 6 months, as before.
    apart = [replace(w, national_number=None) for w in ws]
    assert _judge(apart, interviews, 2024).compliant is True


def test_a_persons_quarters_are_judged_on_all_their_ids():
    """A (TD, bilan and plan done) on a CDD 2025-01-01 … 08-15 as A1, then a CDI from 2025-08-16 as A2 (same
    national number). 2025-Q3: the person is employed 31 + 15 + 46 = 92 days (A1 46, A2 46); one interview,
    2025-09-10, recorded under A2. The old code judged each id: A1's 46 days ≥ 30 with no interview of its
    own → « A1 : aucun entretien en 2025-Q3 ». And the Q4 interview recorded on 2025-11-05 under A1's id
    (A2's contract running) did not count: « A2 : aucun entretien en 2025-Q4 ». Now one line per quarter, named
    by the contract employed last in it, 92 days, 1 interview: compliant."""
    ws = one_person(td("A1", hire=date(2025, 1, 1), exit=date(2025, 8, 15), contract=ContractType.CDD),
                     td("A2", hire=date(2025, 8, 16)))
    follow = actions("A1", ("2025-02-10", BILAN), ("2025-03-10", PLAN), ("2025-02-20", I), ("2025-05-20", I),
                     ("2025-11-05", I)) + actions("A2", ("2025-09-10", I))
    result = _judge(ws, follow, 2025)
    assert result.details["missing"] == [] and result.compliant is True
    assert [(q["worker_id"], q["quarter"], q["days_employed"], q["interviews"]) for q in result.details["quarters"]] \
        == [("A1", "2025-Q1", 90, 1), ("A1", "2025-Q2", 91, 1), ("A2", "2025-Q3", 92, 1), ("A2", "2025-Q4", 92, 1)]



def test_a_person_from_an_art60_stint_to_an_ei_contract_owes_one_interview_in_the_quarter_of_the_change():
    """R (one national number) on art. 60 §7 as R0 2024-08-01 … 2025-02-15, then hired by the EI on a CDI as R1
    from 2025-02-16 (TD). 2025-Q1: the person is employed 31 + 15 = 46 days as R0 and 13 + 31 = 44 days as R1,
    90 days; one interview, 2025-03-10, under R1 — one person met by one accompanier (rules.md §3.6 covers art. 60
    and TD/TGD): compliant for the quarter, the line named by R1 (employed last in it), 90 days. The old code
    judged R0 alone (46 ≥ 30 days, no interview of its own: « R0 : aucun entretien au 1er trimestre 2025 ») and
    counted « 2 travailleurs suivis » for one person. The bilan and plan run from the EI hire (2025-02-16 + 6
    months = 2025-08-16); here done on 2025-04-01 and 04-02, on time. Without the national number, two people:
    R0's quarter lacks its interview."""
    r0 = replace(td("R0", hire=date(2024, 8, 1), exit=date(2025, 2, 15), contract=ContractType.ART60),
                 national_number="80010100123")
    r1 = replace(td("R1", hire=date(2025, 2, 16)), national_number="80010100123")
    follow = actions("R1", ("2025-03-10", I), ("2025-04-01", BILAN), ("2025-04-02", PLAN), ("2025-05-10", I),
                     ("2025-08-10", I), ("2025-11-10", I))
    result = _judge([r0, r1], follow, 2025)
    assert result.details["missing"] == [] and result.compliant is True
    assert [(q["worker_id"], q["quarter"], q["days_employed"], q["interviews"])
            for q in result.details["quarters"]][0] == ("R1", "2025-Q1", 90, 1)
    assert result.summary.fr.startswith("1 travailleur suivi")
    # The interview recorded under the other id than the one in force that day counts for the person too: under
    # R1 on 2025-02-10 (R0's art. 60 stint running), or under R0 on 03-10 (R1's CDI running).
    for wid, day in (("R1", "2025-02-10"), ("R0", "2025-03-10")):
        moved = actions(wid, (day, I)) + follow[1:]
        assert _judge([r0, r1], moved, 2025).details["missing"] == []
    apart = _judge([replace(r0, national_number=None), replace(r1, national_number=None)], follow, 2025)
    assert apart.compliant is False and apart.summary.fr.startswith("2 travailleurs suivis")
    assert [(m["worker_id"], m["item"], m["quarter"]) for m in apart.details["missing"]] == \
        [("R0", "interview", "2025-Q1")]


def test_a_bilan_recorded_under_the_art60_stints_id_counts_when_dated_during_the_ei_contract():
    """Differential audit: R on art. 60 §7 as R0 2024-08-01 … 2025-02-15, then on a CDI as R1 from 2025-02-16 (TD,
    one national number); bilan and plan due by 2025-02-16 + 6 months = 2025-08-16. Recorded under R0's id, dated
    2025-05-08 and 05-07 — during R1's contract —: the same person's bilan and plan, held in the EI's
    accompaniment, count, as an interview recorded under R0 during R1 does. It read « bilan … absent (dû au plus
    tard le 2025-08-16) » and the same for the plan. Dated during the stint (2025-02-10, 02-11), they still do
    not count: the bilan of the EI's accompaniment starts with its contract — both missing, due 2025-08-16."""
    r0 = replace(td("R0", hire=date(2024, 8, 1), exit=date(2025, 2, 15), contract=ContractType.ART60),
                 national_number="80010100123")
    r1 = replace(td("R1", hire=date(2025, 2, 16)), national_number="80010100123")
    interviews = actions("R1", ("2025-03-10", I), ("2025-05-10", I), ("2025-08-10", I), ("2025-11-10", I))
    during = _judge([r0, r1], interviews + actions("R0", ("2025-05-08", BILAN), ("2025-05-07", PLAN)), 2025)
    assert during.details["missing"] == [] and during.compliant is True
    stint = _judge([r0, r1], interviews + actions("R0", ("2025-02-10", BILAN), ("2025-02-11", PLAN)), 2025)
    assert [(m["worker_id"], m["item"], m["due"]) for m in stint.details["missing"]] == [
        ("R1", "bilan", date(2025, 8, 16)), ("R1", "plan_formation", date(2025, 8, 16))]


def test_an_action_under_the_id_of_a_stint_of_an_earlier_year_counts_during_the_ei_contract():
    """Reader A: R on art. 60 §7 as R0 for 2024 (2024-01-01 … 12-31), then on a CDI as R1 from 2025-01-01 (TD, one
    national number). 2025 is judged: R0 is employed in none of it, so the check left the stint out of the person —
    and with it the actions recorded under R0's id while R1 runs: the Q1 interview (2025-02-10), the bilan and the
    plan (2025-05-07/08, due by 2025-01-01 + 6 months = 2025-07-01) read « aucun entretien au 1er trimestre 2025 »,
    « bilan … absent », while the reader (no ``follow_up_outside_employment``) and the annual report counted them.
    Now the person's every stint ties their actions (``Enterprise.followed_contracts``): nothing missing."""
    r0 = replace(td("R0", hire=date(2024, 1, 1), exit=date(2024, 12, 31), contract=ContractType.ART60),
                 national_number="80010100123")
    r1 = replace(td("R1", hire=date(2025, 1, 1)), national_number="80010100123")
    follow = actions("R0", ("2025-02-10", I), ("2025-05-08", BILAN), ("2025-05-07", PLAN)) + \
        actions("R1", ("2025-05-10", I), ("2025-08-10", I), ("2025-11-10", I))
    result = _judge([r0, r1], follow, 2025)
    assert result.details["missing"] == [] and result.compliant is True
    assert result.summary.fr.startswith("1 travailleur suivi")


def test_the_art60_stints_quarters_stay_sure_beside_an_ei_contract_of_unknown_status():
    """R on art. 60 §7 as R0 2025-01-01 … 06-30, then on a CDI as R1 from 07-01 (one national number), R1's status
    unknown; no interview in Q1 nor Q2, one in Q3 and Q4, bilan and plan in September. The art. 60 quarters owe
    their interview whatever R1's status (rules.md §3.6: art. 60 workers are followed): two sure gaps, not
    compliant — not « indéterminé » because the group took R1's unknown status."""
    r0 = replace(td("R0", hire=date(2025, 1, 1), exit=date(2025, 6, 30), contract=ContractType.ART60),
                 national_number="80010100123")
    r1 = replace(td("R1", hire=date(2025, 7, 1)), national_number="80010100123")
    follow = actions("R1", ("2025-08-10", I), ("2025-09-01", BILAN), ("2025-09-02", PLAN), ("2025-11-10", I))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(r0, r1, ACCOMPANIER), follow_ups=tuple(follow))
    result = follow_up.check(e, W16, YEAR, Report({"S": False, "R0": None, "R1": None}))
    assert result.compliant is False
    assert [(m["worker_id"], m["quarter"], m["target_public"]) for m in result.details["missing"]] == \
        [("R0", "2025-Q1", True), ("R0", "2025-Q2", True)]
    # A few art. 60 days do not make the quarter sure: R0 to 2025-04-05 (5 days of Q2, under the 30 that owe an
    # interview), R1 of unknown status the 86 others — Q2's gap is owed through R1 only: « statut indéterminé ».
    r0 = replace(r0, exit_date=date(2025, 4, 5))
    r1 = replace(r1, hire_date=date(2025, 4, 6))
    follow = actions("R0", ("2025-02-10", I)) + actions("R1", ("2025-08-10", I), ("2025-09-01", BILAN),
                                                           ("2025-09-02", PLAN), ("2025-11-10", I))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(r0, r1, ACCOMPANIER), follow_ups=tuple(follow))
    result = follow_up.check(e, W16, YEAR, Report({"S": False, "R0": None, "R1": None}))
    assert result.compliant is None
    assert [(m["worker_id"], m["quarter"], m["target_public"]) for m in result.details["missing"]] == \
        [("R1", "2025-Q2", None)]


def test_one_persons_art60_stints_are_judged_in_hire_order_whatever_their_ids():
    """One person (one national number) on art. 60 §7 as Z 2025-01-01 … 05-15, then as A from 05-16 (no EI
    contract); interviews in Q1, Q3 and Q4, none in Q2 (Z 45 days, A 46 days: 91). Q2's gap is named by the
    stint employed last in it, A — the ids in hire order, not in id order (« Z » read first)."""
    z = replace(td("Z", hire=date(2025, 1, 1), exit=date(2025, 5, 15), contract=ContractType.ART60),
                national_number="80010100123")
    a = replace(td("A", hire=date(2025, 5, 16), contract=ContractType.ART60), national_number="80010100123")
    follow = actions("Z", ("2025-02-10", I)) + actions("A", ("2025-08-10", I), ("2025-11-10", I))
    result = _judge([z, a], follow, 2025)
    assert [(m["worker_id"], m["quarter"]) for m in result.details["missing"]] == [("A", "2025-Q2")]
    assert result.summary.fr.startswith("1 travailleur suivi")

def test_a_persons_bilan_held_between_two_contracts_is_not_counted():
    """A (TD) on a CDD as A1 (2024-01-01 … 03-31), away in April, then on a CDI as A2 from 2024-05-01 (same
    national number); bilan and plan due by 2024-01-01 + 6 months = 2024-07-01, A being employed that day.
    A bilan dated 2024-04-15 — while A is employed under no id — counted as on time (the deadline read
    every action from the first hire on), while the interviews, the annual report and the reader's
    ``follow_up_outside_employment`` leave such an action out (one rule, ``Enterprise.held_on``).
    Now the bilan is missing (due 2024-07-01); the plan, dated 2024-02-10 under A2's id but in A1's contract,
    counts."""
    ws = one_person(td("A1", exit=date(2024, 3, 31), contract=ContractType.CDD), td("A2", hire=date(2024, 5, 1)))
    follow = actions("A2", ("2024-04-15", BILAN), ("2024-02-10", PLAN), ("2024-02-20", I), ("2024-05-20", I),
                     ("2024-08-20", I), ("2024-11-20", I))
    result = _judge(ws, follow, 2024)
    assert [(m["worker_id"], m["item"], m["due"], m["done"]) for m in result.details["missing"]] == [
        ("A2", "bilan", date(2024, 7, 1), None)]


def test_unknown_status_alone_without_an_accompanier_is_unknown_not_failed():
    """U, production, status unknown, with every interview, no accompanier employed: the accompanier is
    owed only for TD/TGD and art. 60 workers, so 12 months « sans accompagnateur » made the check fail for a
    worker who may not be followed at all. Unknown. An art. 60 worker of unknown status in a staff job is
    followed (interviews owed), as every art. 60 §7 worker."""
    result = run([td("U")], actions("U", *FULL_2025), status={"U": None}, accompanier=False)
    assert result.compliant is None and result.details["months_without_accompanier"] == []
    assert len(result.details["months_without_accompanier_unsure"]) == 12
    assert result.summary.fr == "indéterminé : 12 mois sans accompagnateur (travailleurs de statut indéterminé)"
    assert any("seuls des travailleurs de statut inconnu" in r.text.fr for r in result.reasons)
    a60 = Worker("A", date(2024, 1, 1), ContractType.ART60, D(1), Function.SUPERVISION)
    result = run([a60], [], status={"A": None})
    assert "A" in result.details["followed_workers"] and result.compliant is False


def test_a_year_that_begins_before_the_agrement_owes_follow_up_from_the_agrement_only():
    """Agrément 2025-09-01; T (TD) hired 2025-01-06; the accompanier S hired on 2025-09-01; interviews on
    2025-09-15 and 2025-11-12, bilan and plan on 2025-10-01. Judged over all of 2025 it was « non conforme »:
    no interview in Q1–Q2, « 8 mois sans accompagnateur » (January–August), bilan « tardif » against
    2025-07-06 (hire + 6 months). From the agrément: Q3 is its September (30 days: the 15/09 interview),
    Q4 has the 12/11 one, S is there every month, and the bilan and plan are due by 2026-03-01 (agrément +
    6 months, the worker being hired before it): compliant."""
    from ei_cli.rules.dashboard import run_checks

    s = Worker("S", date(2025, 9, 1), ContractType.CDI, D(1), Function.SOCIAL_ACCOMPANIMENT)
    e = Enterprise("EI", Region.WALLONIE, date(2025, 9, 1), workers=(td(hire=date(2025, 1, 6)), s),
                   follow_ups=tuple(actions("T", ("2025-09-15", I), ("2025-11-12", I), ("2025-10-01", BILAN),
                                            ("2025-10-01", PLAN))))
    (check,) = run_checks(e, W16, YEAR, Report({"T": True, "S": False}), only=["follow_up"])
    assert check.compliant is True, check.summary.fr


def test_follow_up_under_a_regime_that_came_into_force_after_the_agrement_runs_from_its_start():
    """Agrément 2010-03-15 (wallonie-2003 sets no follow-up rule: rules.md §4.6); T (TD) hired 2016-01-04, the
    accompanier employed, no Suivi action in 2017; `ei check --year 2017` under wallonie-2016, applicable from
    2017-06-30 (§1). It required an interview in 2017-Q1 and Q2 and called the bilan and the plan due by
    2016-07-04 (hire + 6 months), before the 2016 rules existed. From the regime's start: no 2017-Q1; 2017-Q2
    counts from 2017-06-30, 1 day < 30 — none required; Q3 and Q4 are missing; the bilan and the plan are due by
    max(2016-01-04, 2010-03-15, 2017-06-30) + 6 months = 2017-12-30, missing at the year's end."""
    e = Enterprise("EI", Region.WALLONIE, date(2010, 3, 15), workers=(td(hire=date(2016, 1, 4)), ACCOMPANIER),
                   follow_ups=())
    from ei_cli.rules.dashboard import run_checks

    (check,) = run_checks(e, W16, Period.calendar_year(2017), Report({"T": True, "S": False}), only=["follow_up"])
    assert [(q["quarter"], q["days_employed"], q["required"]) for q in check.details["quarters"]] == [
        ("2017-Q2", 1, False), ("2017-Q3", 92, True), ("2017-Q4", 92, True)]
    assert [(m["item"], m.get("quarter") or m.get("due")) for m in check.details["missing"]] == [
        ("interview", "2017-Q3"), ("interview", "2017-Q4"), ("bilan", date(2017, 12, 30)),
        ("plan_formation", date(2017, 12, 30))]
    assert any("appliqué depuis le 2017-06-30" in r.text.fr for r in check.reasons)


def test_an_agrement_application_judges_the_quarters_before_the_agrement():
    """`ei report agrement --year 2024`, agrément 2024-07-01: T (TD) employed all of 2024, the accompanier
    too, one interview on 2024-02-01 (Q1). An application judges the whole period (`run_checks(application=
    True)`): Q1 (91 days) has its interview; Q2 (91 days ≥ 30) has none — missing, as Q3 and Q4. The check
    cut the period itself at max(agrément, the regime's start 2017-06-30) = 2024-07-01, bypassing the
    exemption: Q2 was not judged. `ei check` (no application) judges from 2024-07-01: Q3 and Q4 only.

    Agrément 2024-06-15, T employed 2024-01-01 .. 2024-06-10 (Q1 interview only): the application judges Q2
    whole, 2024-04-01 .. 2024-06-10 = 30 + 31 + 10 = 71 days ≥ 30, no interview — missing. Each quarter was
    cut at the agrément, 2024-06-15 .. 2024-06-30, where T has 0 days: Q2 vanished from `quarters`. `ei check`
    judges from 2024-06-15, after T left: nothing missing."""
    from ei_cli.rules.dashboard import run_checks

    e = Enterprise("EI", Region.WALLONIE, date(2024, 7, 1), workers=(td(hire=date(2024, 1, 1)), ACCOMPANIER),
                   follow_ups=tuple(actions("T", ("2024-02-01", I), ("2024-03-01", BILAN), ("2024-03-01", PLAN))))
    report, year = Report({"T": True, "S": False}), Period.calendar_year(2024)
    (application,) = run_checks(e, W16, year, report, only=["follow_up"], application=True)
    assert [q["quarter"] for q in application.details["missing"]] == ["2024-Q2", "2024-Q3", "2024-Q4"]
    (check,) = run_checks(e, W16, year, report, only=["follow_up"])
    assert [q["quarter"] for q in check.details["missing"]] == ["2024-Q3", "2024-Q4"]

    left = replace(e, agrement_date=date(2024, 6, 15),
                   workers=(td(hire=date(2024, 1, 1), exit=date(2024, 6, 10)), ACCOMPANIER))
    (application,) = run_checks(left, W16, year, report, only=["follow_up"], application=True)
    assert [q["quarter"] for q in application.details["missing"]] == ["2024-Q2"]
    assert [(q["quarter"], q["days_employed"], q["required"]) for q in application.details["quarters"]] == [
        ("2024-Q1", 91, True), ("2024-Q2", 71, True)]
    (check,) = run_checks(left, W16, year, report, only=["follow_up"])
    assert check.details["missing"] == []


def test_the_follow_up_is_told_it_judges_an_agrement_application_never_left_to_infer_it():
    """Agrément 2024-06-15, T (TD) employed 2024-01-01 .. 2024-06-10, one interview in Q1. The quarters were
    cut at the agrément unless the period began before it, taken for an agrément application: the check run
    on the whole of 2024 (``follow_up.check`` as is, not cut by ``run_checks``) judged Q2 whole, 30 + 31 + 10
    = 71 days, « missing ». ``run_checks``' flag (``application``) is passed down instead: without it, Q2 counts
    from 2024-06-15 (0 days, no interview owed); with it, Q2 is judged whole, as through
    ``run_checks(application=True)``."""
    from ei_cli.rules.dashboard import run_checks

    e = Enterprise("EI", Region.WALLONIE, date(2024, 6, 15),
                   workers=(td(hire=date(2024, 1, 1), exit=date(2024, 6, 10)), ACCOMPANIER),
                   follow_ups=tuple(actions("T", ("2024-02-01", I), ("2024-03-01", BILAN), ("2024-03-01", PLAN))))
    report, year = Report({"T": True, "S": False}), Period.calendar_year(2024)
    assert follow_up.check(e, W16, year, report).details["missing"] == []
    application = follow_up.check(e, W16, year, report, application=True)
    (through,) = run_checks(e, W16, year, report, only=["follow_up"], application=True)
    assert [m["quarter"] for m in application.details["missing"]] == ["2024-Q2"]
    assert application.details["quarters"] == through.details["quarters"]


def test_a_deadline_takes_the_day_obligations_run_from_by_name():
    """`_deadline(..., obligations_from=…)`: the parameter was `since`, a date, rebound in the same function to
    the (worker id, hire) the deadline runs from; each name now keeps one meaning. One person (one national
    number): A (TD) hired 2016-01-04, left 2017-02-28; B re-hired 2017-03-01; no Suivi action; obligations from
    2017-06-30 (wallonie-2016). Bilan due by max(2016-01-04, 2017-06-30) + 6 months = 2017-12-30, under B, run
    from A's hire: missing at the end of 2017, « engagement de la personne : travailleur A, 2016-01-04 »."""
    rows = tuple(one_person(td("A", hire=date(2016, 1, 4), exit=date(2017, 2, 28)), td("B", hire=date(2017, 3, 1))))
    e = Enterprise("EI", Region.WALLONIE, date(2010, 3, 15), workers=rows, follow_ups=())
    year = Period.calendar_year(2017)
    m = follow_up._deadline(e, rows, BILAN, 6, year, True, year.end, obligations_from=date(2017, 6, 30))
    assert (m.worker_id, m.item, m.due, m.deadline_from) == ("B", "bilan", date(2017, 12, 30),
                                                             ("A", date(2016, 1, 4)))


def test_a_quarter_still_running_today_is_not_due_whatever_the_payroll(monkeypatch):
    """`ei check --year 2025` on 2025-10-15: T (TD since 2024) has its Q1–Q3 interviews; Q4 (2025-10-01 –
    12-31) is still running, so its interview is not yet missing — with Paie to September, and with Paie
    to December entered ahead (it was « aucun entretien en 2025-Q4 », non conforme, the payroll covering the
    year read as closed). On 2025-12-31 Q4 is over (its last day included): its interview is missing, with
    either payroll."""
    from ei_cli import periods
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month

    follow = actions("T", ("2024-01-20", BILAN), ("2024-02-10", PLAN), ("2025-02-03", I), ("2025-05-19", I),
                     ("2025-08-04", I))

    def to(last: int):
        pay = tuple(PayMonth(w, Month(2025, m), D(1), D(2000)) for w in ("T", "S") for m in range(1, last + 1))
        e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(td("T"), ACCOMPANIER),
                       follow_ups=tuple(follow), pay=pay)
        return follow_up.check(e, W16, YEAR, Report({"S": False, "T": True}))

    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))  # the year in progress
    assert to(9).compliant is True and to(12).compliant is True
    assert any("Period in progress on 2025-10-15 (today)" in r.text.en for r in to(12).reasons)
    monkeypatch.setattr(periods, "today", lambda: date(2025, 12, 31))
    for last in (9, 12):
        over = to(last)
        assert over.compliant is False, last
        assert [(m["worker_id"], m["quarter"]) for m in over.details["missing"]] == [("T", "2025-Q4")], last


def test_more_payroll_never_hides_a_bilan_due_before_today(monkeypatch):
    """Today 2026-09-30; U (TD) hired 2026-02-10, interviews each quarter, no bilan nor plan: both due by
    2026-02-10 + 6 months = 2026-08-10, before today — missing whatever the last Paie month (they rest on
    Suivi, not on the payroll). With Paie to June they were (horizon today); with Paie to July — one more
    month of data — they were « not due yet », conforme (horizon 2026-07-31, the payroll « current »)."""
    from ei_cli import periods
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month

    monkeypatch.setattr(periods, "today", lambda: date(2026, 9, 30))
    follow = actions("U", ("2026-03-05", I), ("2026-05-05", I), ("2026-08-05", I))
    for last in (6, 7):
        pay = tuple(PayMonth(w, Month(2026, m), D(1), D(2000)) for w in ("U", "S") for m in range(1, last + 1))
        e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(td("U", hire=date(2026, 2, 10)),
                                                                          ACCOMPANIER),
                       follow_ups=tuple(follow), pay=pay)
        result = follow_up.check(e, W16, Period.calendar_year(2026), Report({"S": False, "U": True}))
        assert result.compliant is False, last
        assert [(m["item"], m["due"]) for m in result.details["missing"]] == [
            ("bilan", date(2026, 8, 10)), ("plan_formation", date(2026, 8, 10))], last


def test_the_quarter_holding_the_agrement_counts_from_it_and_deadlines_after_today_wait(monkeypatch):
    """Agrément 2024-06-15; T (TD since 2023) leaves 2024-06-20: 6 days of Q2 under the agrément (< 30) —
    no interview owed (the whole quarter gave 81 days: « required »). U (TD) hired 2024-05-01, judged on
    2024-10-15: bilan and plan due 2024-11-01, after today — not yet missing, as Q4's interview (they made
    the check « non conforme » while Q4 was « still running »)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2024, 10, 15))  # the year in progress
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month
    from ei_cli.rules.dashboard import run_checks

    t_ = td("T", hire=date(2023, 1, 1), exit=date(2024, 6, 20))
    u = td("U", hire=date(2024, 5, 1))
    s = Worker("S", date(2023, 1, 1), ContractType.CDI, D(1), Function.SOCIAL_ACCOMPANIMENT)
    pay = tuple(PayMonth(w, Month(2024, m), D(1), D(2000)) for w in ("U", "S") for m in range(1, 10))
    e = Enterprise("EI", Region.WALLONIE, date(2024, 6, 15), workers=(t_, u, s), pay=pay,
                   follow_ups=tuple(actions("T", ("2023-03-01", BILAN), ("2023-03-02", PLAN))
                                    + actions("U", ("2024-06-20", I), ("2024-08-20", I))))
    (check,) = run_checks(e, W16, Period.calendar_year(2024), Report({"T": True, "U": True, "S": False}),
                          only=["follow_up"])
    q2 = next(q for q in check.details["quarters"] if q["worker_id"] == "T" and q["quarter"] == "2024-Q2")
    assert (q2["days_employed"], q2["required"]) == (6, False)
    assert check.compliant is True, check.summary.fr


def test_a_month_without_an_accompanier_is_judged_once_over_whatever_the_payroll(monkeypatch):
    """The accompanier S2 on a CDD ending 2025-10-31; T (TD) with every interview of Q1–Q3 and one in Q4.
    On 2025-10-15 November and December are still to come (a replacement may be hired): not « sans
    accompagnateur » yet, with Paie to September or to December entered ahead (it read « 2 mois sans
    accompagnateur social », non conforme). On 2025-12-15 November is over — 1 month without one, with
    either payroll — and December still running; on 2025-12-31 both are over: 2 months."""
    from ei_cli import periods
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month

    s2 = Worker("S2", date(2024, 1, 1), ContractType.CDD, D(1), Function.SOCIAL_ACCOMPANIMENT,
                exit_date=date(2025, 10, 31))
    follow = actions("T", ("2024-01-20", BILAN), ("2024-02-10", PLAN), ("2025-02-03", I), ("2025-05-19", I),
                     ("2025-08-04", I), ("2025-10-06", I))

    def to(last: int):
        pay = tuple(PayMonth("T", Month(2025, m), D(1), D(2000)) for m in range(1, last + 1))
        e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(td("T"), s2), follow_ups=tuple(follow),
                       pay=pay)
        return follow_up.check(e, W16, YEAR, Report({"S2": False, "T": True}))

    monkeypatch.setattr(periods, "today", lambda: date(2025, 10, 15))  # the year in progress
    assert to(9).compliant is True and to(12).compliant is True
    for today, months in ((date(2025, 12, 15), ["2025-11"]), (date(2025, 12, 31), ["2025-11", "2025-12"])):
        monkeypatch.setattr(periods, "today", lambda: today)
        for last in (9, 12):
            result = to(last)
            assert result.compliant is False, (today, last)
            assert result.details["months_without_accompanier"] == months, (today, last)


def test_a_closed_year_whose_payroll_stops_early_is_judged_on_what_it_shows(monkeypatch):
    """The workbook of test_a_quarter_beyond_the_last_payroll_month_is_still_running (Paie to 2025-09, no Q4
    interview) read in 2027: 2025 is closed, its payroll cut short — data missing, not data to come: Q4's
    interview is missing (« non conforme »), as before the horizon."""
    from ei_cli import periods
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month

    monkeypatch.setattr(periods, "today", lambda: date(2027, 3, 1))
    follow = actions("T", ("2024-01-20", BILAN), ("2024-02-10", PLAN), ("2025-02-03", I), ("2025-05-19", I),
                     ("2025-08-04", I))
    pay = tuple(PayMonth(w, Month(2025, m), D(1), D(2000)) for w in ("T", "S") for m in range(1, 10))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(td("T"), ACCOMPANIER), follow_ups=tuple(follow),
                   pay=pay)
    result = follow_up.check(e, W16, YEAR, Report({"S": False, "T": True}))
    assert result.compliant is False
    assert [(m["worker_id"], m["quarter"]) for m in result.details["missing"]] == [("T", "2025-Q4")]


def test_a_closed_year_whose_last_payroll_month_is_not_entered_yet_owes_what_fell_due(monkeypatch):
    """`ei check --year 2026` on 2027-01-15, Paie to 2026-11 (December's not entered yet): U (TD) hired
    2026-06-03, interviews 2026-07-20 and 2026-10-20, no bilan nor plan: both due by 2026-06-03 + 6 months =
    2026-12-03. 2026 is over: they are missing, as with December's payroll. The payroll, « current »
    (November within two months of January), read 2026 as a year in progress and both as « not due yet »."""
    from ei_cli import periods
    from ei_cli.model import PayMonth
    from ei_cli.periods import Month

    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 15))
    follow = actions("U", ("2026-07-20", I), ("2026-10-20", I))
    for last in (11, 12):
        pay = tuple(PayMonth(w, Month(2026, m), D(1), D(2000)) for w in ("U", "S") for m in range(6, last + 1))
        e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(td("U", hire=date(2026, 6, 3)), ACCOMPANIER),
                       follow_ups=tuple(follow), pay=pay)
        result = follow_up.check(e, W16, Period.calendar_year(2026), Report({"S": False, "U": True}))
        assert result.compliant is False, last
        assert [(m["item"], m["due"]) for m in result.details["missing"]] == [
            ("bilan", date(2026, 12, 3)), ("plan_formation", date(2026, 12, 3))], last


def test_a_follow_up_without_suivi_sheet_keeps_every_field_of_the_judged_one(make_workbook, workbook_sheets):
    """The contract only adds JSON fields: without a Suivi sheet the check kept only ``follow_up_sheet``,
    dropping ``quarters``, ``missing``, ``followed_workers``… that it gives when it is judged (the test
    workbook, 2024). It now has every field of the judged line, empty (null, []), beside its own. (A
    parameter unknown: tests/test_check_command.py, with the other checks.)"""
    from helpers_rules import check_line

    judged = check_line(make_workbook(), "follow_up", 2024)
    assert judged["compliant"] is not None
    del workbook_sheets["Suivi"]
    no_sheet = check_line(make_workbook(workbook_sheets, "sans-suivi.xlsx"), "follow_up", 2024)
    assert no_sheet["compliant"] is None and no_sheet["follow_up_sheet"] is False
    assert set(no_sheet) >= set(judged), set(judged) - set(no_sheet)
    assert no_sheet["quarters"] == no_sheet["missing"] == [] and no_sheet["interviews_per_quarter"] is None


def test_a_round_table_is_recorded_and_counts_for_nothing_in_the_check(tmp_path):
    """Seed 002 task 10: the annual round table could not be recorded — Suivi `type = table_ronde` was
    refused (invalid_choice, the workbook blocked). It is now read, and counts for nothing: T's only
    2025-Q2 action is a round table (the collective interview of 19/06 removed from FULL_2025), so 2025-Q2
    still misses its interview, exactly as without it; the accompanier's own round table changes nothing."""
    from helpers_workbook import valid_sheets, write_workbook

    from ei_cli.workbook import read_workbook

    sheets = valid_sheets()
    sheets["Suivi"].append([3, date(2024, 2, 20), "table_ronde", 3])
    result = read_workbook(write_workbook(tmp_path / "table-ronde.xlsx", sheets))
    assert [p.code for p in result.problems if p.severity == "error"] == []
    assert FollowUpType("table_ronde") in {f.type for f in result.enterprise.follow_ups}

    round_table = FollowUpType("table_ronde")
    items = [a for a in FULL_2025 if a[0] != "2025-06-19"]
    without = run([td()], actions("T", *items))
    with_it = run([td()], actions("T", *items, ("2025-05-20", round_table)) + actions("S", ("2025-06-10", round_table)))
    assert with_it.compliant is False
    assert with_it.details["missing"] == without.details["missing"]
    (m,) = with_it.details["missing"]
    assert (m["item"], m["quarter"], m["interviews_found"]) == ("interview", "2025-Q2", 0)


def test_the_gaps_follow_the_one_worker_order():
    """Personnel ids 9, 10, 2, 1, 11 (in that row order), none followed in 2025: the gaps go worker by worker in
    ``model.worker_order`` — 1, 2, 9, 10, 11 — where the ids sorted as text gave 1, 10, 11, 2, 9."""
    result = run([td(wid) for wid in SHEET_IDS], [])
    assert list(dict.fromkeys(m["worker_id"] for m in result.details["missing"])) == IN_WORKER_ORDER
