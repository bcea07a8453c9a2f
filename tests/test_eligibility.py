"""Target-public status (rules.md §3.1, §4.1, §5.1, §6; Q1, Q2, Q7, Q12; D6) and ``ei check-eligibility``.

Rule tests build ``Worker`` objects directly; the hand arithmetic is in each docstring. Dates: unless
a test says otherwise the worker is hired on 2024-03-01 and has no ``date_premier_engagement_ei``,
so the status is assessed on 2024-03-01 (D6).
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ei_cli.cli import app
from ei_cli.i18n import Text
from ei_cli.model import ContractType, Diploma, Enterprise, Function, Region, Worker
from ei_cli.periods import Period
from ei_cli.regimes import get_regime
from ei_cli.rules.eligibility import Category, assess_eligibility, assess_worker, check

from helpers_rules import check_line, regime_with, IN_WORKER_ORDER

W2016 = get_regime("wallonie-2016")
W2003 = get_regime("wallonie-2003")
B2004 = get_regime("bruxelles-2004")
B2018 = get_regime("bruxelles-2018")
HIRE = date(2024, 3, 1)
SAMPLES = Path(__file__).parent.parent / "sample_data"
FLAGS = ("single_parent", "former_art60", "disability_recognition", "underrepresented_sex", "ethnic_minority",
         "integration_income", "activation_contract")


def walloon(**changes) -> Worker:
    """A worker meeting M1 (CEB < CESS) and M2 (registered) and no TD alternative.

    Born 1990-06-15 → 33 completed years on 2024-03-01 (not 18–24, not over 50); 0 months without
    work; every yes/no criterion « non ».
    """
    base = dict(worker_id="X", hire_date=HIRE, contract_type=ContractType.CDI, fte=Decimal(1),
                function=Function.PRODUCTION, birth_date=date(1990, 6, 15), diploma=Diploma.CEB,
                registered_jobseeker=True, months_without_work=Decimal(0),
                **{f: False for f in FLAGS})
    base.update(changes)
    return Worker(**base)


def status(worker: Worker, regime=W2016):
    return assess_worker(worker, regime)


def met(result, cid: str):
    return next(c.met for c in result.criteria if c.id == cid)


# ------------------------------------------------------------------------------ wallonie-2016
def test_mandatory_conditions_alone_are_not_enough():
    """M1 (CEB, no CESS) ∧ M2 (registered) hold, but none of T1…T8 and not G1 → not target (Q1: TD
    needs at least one alternative)."""
    r = status(walloon())
    assert (met(r, "M1"), met(r, "M2")) == (True, True)
    assert r.category == Category.NOT_TARGET and r.target_public is False and r.missing == ()


def test_six_months_exactly_is_td_and_five_is_not():
    """T1 « depuis au moins 6 mois », inclusive: 6 ≥ 6 → TD; 5 < 6 → no alternative → not target.
    Both are < 24 → not TGD."""
    r6 = status(walloon(months_without_work=Decimal(6)))
    assert r6.category == Category.TD and met(r6, "T1") is True and met(r6, "G1") is False
    r5 = status(walloon(months_without_work=Decimal(5)))
    assert r5.category == Category.NOT_TARGET and met(r5, "T1") is False


def test_twenty_four_months_exactly_is_tgd_and_twenty_three_is_td():
    """G1 « au moins 24 mois », inclusive: 24 ≥ 24 → TGD. 23 < 24 → not TGD, but 23 ≥ 6 → T1 → TD."""
    r24 = status(walloon(months_without_work=Decimal(24)))
    assert r24.category == Category.TGD and r24.is_severely_disadvantaged
    r23 = status(walloon(months_without_work=Decimal(23)))
    assert r23.category == Category.TD and met(r23, "T1") is True and met(r23, "G1") is False


def test_twenty_fourth_birthday_on_the_hire_date_is_still_18_to_24():
    """Born 2000-03-01, hired 2024-03-01: 2024 − 2000 = 24 completed years that day (§9: completed
    years, both ends included) → T2 met → TD."""
    r = status(walloon(birth_date=date(2000, 3, 1)))
    assert met(r, "T2") is True and r.category == Category.TD


def test_twenty_fifth_birthday_on_the_hire_date_is_out():
    """Born 1999-03-01, hired 2024-03-01: 25 completed years that day → 25 > 24 → T2 not met →
    not target."""
    r = status(walloon(birth_date=date(1999, 3, 1)))
    assert met(r, "T2") is False and r.category == Category.NOT_TARGET


def test_eighteenth_birthday_on_the_hire_date_is_in_and_the_day_before_is_out():
    """Born 2006-03-01: 18 years on 2024-03-01 → T2. Born 2006-03-02: 17 on 2024-03-01 → not T2."""
    assert status(walloon(birth_date=date(2006, 3, 1))).category == Category.TD
    assert status(walloon(birth_date=date(2006, 3, 2))).category == Category.NOT_TARGET


def test_over_fifty_is_strict():
    """Born 1974-03-01: the 50th birthday is the hire date itself → exactly 50, not « plus de 50 ans »
    (Q7) → not target. Born 1974-02-28: the 50th birthday was 2024-02-28, two days before the hire
    (2024 is leap: 29 February lies between) → over 50 → TD."""
    on_birthday = status(walloon(birth_date=date(1974, 3, 1)))
    assert met(on_birthday, "T3") is False and on_birthday.category == Category.NOT_TARGET
    born_the_day_before = status(walloon(birth_date=date(1974, 2, 28)))
    assert met(born_the_day_before, "T3") is True and born_the_day_before.category == Category.TD


def test_over_fifty_for_a_29_february_birth_counts_from_1_march():
    """Born 1968-02-29, hired 2018-03-01 (2018 is a common year): the age in completed years and every
    anniversary put the 50th birthday on 1 March (« 50 ans accomplis le 2018-03-01 »), but « plus de 50
    ans » took 28 February and said met. Exactly 50 on 2018-03-01 → not met; over 50 from 2018-03-02."""
    on_birthday = assess_worker(walloon(birth_date=date(1968, 2, 29), hire_date=date(2018, 3, 1)), W2016)
    assert met(on_birthday, "T3") is False
    after = assess_worker(walloon(birth_date=date(1968, 2, 29), hire_date=date(2018, 3, 2)), W2016)
    assert met(after, "T3") is True


@pytest.mark.parametrize("flag, cid", [("single_parent", "T4"), ("underrepresented_sex", "T5"),
                                       ("ethnic_minority", "T6"), ("disability_recognition", "T7"),
                                       ("former_art60", "T8")])
def test_each_yes_no_alternative_alone_makes_a_td(flag, cid):
    """M1 ∧ M2 ∧ one alternative (the others « non », 0 months, 33 years) → TD via that criterion only."""
    r = status(walloon(**{flag: True}))
    assert r.category == Category.TD
    assert [c.id for c in r.criteria if c.met is True] == ["M1", "M2", cid]


@pytest.mark.parametrize("diploma", [Diploma.CESS, Diploma.HIGHER])
def test_cess_holder_is_never_target(diploma):
    """M1 fails (CESS or higher ≥ CESS): 36 months (≥ 24) and a single parent, still not target."""
    r = status(walloon(diploma=diploma, months_without_work=Decimal(36), single_parent=True))
    assert met(r, "M1") is False and r.category == Category.NOT_TARGET


def test_cesi_is_below_cess():
    """CESI (lower secondary) ranks below CESS → M1 met; 24 months → TGD."""
    assert status(walloon(diploma=Diploma.CESI, months_without_work=Decimal(24))).category == Category.TGD


def test_not_registered_is_never_target():
    """M2 fails (inscrit_dei = non): 36 months, aged 20 — not target."""
    r = status(walloon(registered_jobseeker=False, months_without_work=Decimal(36), birth_date=date(2003, 6, 1)))
    assert met(r, "M2") is False and r.category == Category.NOT_TARGET


def test_first_ei_hire_date_is_the_assessment_day():
    """Born 1995-01-01; first hire in an EI 2019-03-01 (24 completed years then), hired here 2024-03-01
    (29 then). D6: assessed on 2019-03-01 → T2 met → TD. Without the first-EI date, 29 → not target."""
    w = walloon(birth_date=date(1995, 1, 1), first_ei_hire_date=date(2019, 3, 1))
    r = status(w)
    assert r.assessed_on == date(2019, 3, 1) and r.category == Category.TD
    assert "date_premier_engagement_ei" in r.reasons[0].text.fr
    assert status(replace(w, first_ei_hire_date=None)).category == Category.NOT_TARGET


def _rehired(number: str | None = "99030132103", **first) -> list[Worker]:
    """One person under two ids: A1, CDD 2024-01-01 … 2024-06-30, then A2, CDI from 2024-07-01 (same
    national number, date_premier_engagement_ei empty); born 1999-03-01, no diploma, registered, 2 months
    without work; ``first``: changes to A1's row."""
    person = dict(birth_date=date(1999, 3, 1), diploma=Diploma.NONE, months_without_work=Decimal(2),
                  national_number=number)
    return [walloon(worker_id="A1", hire_date=date(2024, 1, 1), exit_date=date(2024, 6, 30),
                    contract_type=ContractType.CDD, **{**person, **first}),
            walloon(worker_id="A2", hire_date=date(2024, 7, 1), **person)]


def test_a_rehire_is_assessed_on_the_persons_first_hire_here():
    """rules.md §3.1 « a later re-hire does not re-test the status », D6. A, born 1999-03-01, is 24 on
    2024-01-01 (T2 18–24 met, M1 no CESS, M2 registered → TD) and 25 on 2024-07-01 (T2 not met, T1 2 < 6
    months → not target). The old code assessed A2 on its own date_entree: not target. Now A2 is assessed
    on the person's first hire here (A1, 2024-01-01): TD, and says so. An earlier art. 60 §7 stint of the
    same person (X, 2022) is no hire by the EI (Q11): A1 stays the first. Without national numbers, two
    people: A2 assessed on 2024-07-01, not target."""
    x = walloon(worker_id="X", hire_date=date(2022, 1, 1), exit_date=date(2022, 12, 31), birth_date=date(1999, 3, 1),
                contract_type=ContractType.ART60, national_number="99030132103")
    report = assess_eligibility(enterprise([*_rehired(), x]), W2016)
    a1, a2 = report.by_id["A1"], report.by_id["A2"]
    assert (a1.category, a1.assessed_on) == (Category.TD, date(2024, 1, 1))
    assert (a2.category, a2.assessed_on) == (Category.TD, date(2024, 1, 1)) and met(a2, "T2") is True
    assert a2.reasons[0].text.fr.startswith("Statut évalué le 2024-01-01 (date_entree du travailleur A1 ; ")
    note = a2.reasons[-1].text
    assert "premier engagement dans cette EI : travailleur A1, 2024-01-01" in note.fr
    assert "first hire in this EI: worker A1, 2024-01-01" in note.en and "99030132103" not in note.fr + note.en
    assert a2.to_dict()["first_employment"] == {"worker_id": "A1", "hire_date": "2024-01-01"}
    assert report.by_id["X"].to_dict()["first_employment"] is None
    apart = assess_eligibility(enterprise(_rehired(None)), W2016).by_id["A2"]
    assert (apart.category, apart.assessed_on) == (Category.NOT_TARGET, date(2024, 7, 1))


def test_the_persons_other_ids_are_named_as_workers():
    """« Même personne que : A1 (même numéro national) » gave a bare id, which with numeric ids (workbook.md
    allows 1, 2, 3) reads as a figure: « Même personne que : travailleur A1 », « travailleurs A1, X » for two."""
    note = assess_eligibility(enterprise(_rehired()), W2016).by_id["A2"].reasons[-1].text
    assert note.fr.startswith("Même personne que : travailleur A1 (même numéro national) ; ")
    assert note.en.startswith("Same person as: worker A1 (same national number); ")


def test_the_check_says_how_many_people_its_ids_are():
    """The line counts ids (A1 and A2, both TD), the reports' staff tables persons (« TD 1 personne »): the check
    says « Ces 2 travailleurs (identifiants) sont 1 personne » and gives ``persons`` 1 for 2024 (A1 Jan–Jun,
    A2 from July, one national number). Without national numbers, two people: no such reason, ``persons`` 2."""
    line = check(enterprise(_rehired()), W2016, Period.calendar_year(2024))
    assert line.details["counts"]["TD"] == 2 and line.details["persons"] == 1
    said = [r.text for r in line.reasons if r.text.fr.startswith("Ces ")]
    assert [x.fr.split(" : ")[0] for x in said] == ["Ces 2 travailleurs (identifiants) sont 1 personne"]
    assert said[0].en.startswith("These 2 workers (ids) are 1 person: ")
    apart = check(enterprise(_rehired(None)), W2016, Period.calendar_year(2024))
    assert apart.details["persons"] == 2 and not [r for r in apart.reasons if r.text.fr.startswith("Ces ")]
    # An art. 60 §7 contract of the CPAS (A1 as a stint) then the EI's contract, one national number: one person
    # in the reports' staff tables (``Enterprise.persons`` with ``stints``), so here too.
    stint = [replace(_rehired()[0], contract_type=ContractType.ART60), _rehired()[1]]
    assert check(enterprise(stint), W2016, Period.calendar_year(2024)).details["persons"] == 1


def test_a_rehires_criteria_are_those_of_the_first_hires_row_else_the_later_rows():
    """The criteria columns describe the person before the hire: those of the first employment's row are read,
    each empty one from the later row. A1 says 7 months without work (T1: 7 ≥ 6 → met on 2024-01-01) and no
    diploma given; A2 (re-hired 2024-07-01) says 2 months and « aucun ». Born 1990-06-15: 33, no T2. Both
    rows: M1 from A2 (aucun < CESS), T1 from A1 → TD, one status for the person. The old code: A1 unknown
    (diplome), A2 not target (2 < 6, assessed 2024-07-01)."""
    ws = [replace(w, birth_date=date(1990, 6, 15)) for w in _rehired(months_without_work=Decimal(7), diploma=None)]
    report = assess_eligibility(enterprise(ws), W2016)
    assert [(report.by_id[w].category, met(report.by_id[w], "T1"), met(report.by_id[w], "M1"))
            for w in ("A1", "A2")] == [(Category.TD, True, True)] * 2
    assert report.by_id["A1"].missing == () == report.by_id["A2"].missing


def test_unknown_data_gives_unknown_with_the_columns_to_fill():
    """Diploma empty, 36 months: M1 unknown; G1 would make TGD if M1 held, and M1 false makes not
    target → unknown, missing = [diplome] only (the other columns are known)."""
    r = status(walloon(diploma=None, months_without_work=Decimal(36)))
    assert r.category == Category.UNKNOWN and r.target_public is None and r.missing == ("diplome",)


def test_unknown_alternatives_are_all_listed():
    """M1 ∧ M2 hold, months 3 (< 6), 33 years, but every yes/no column empty: TD depends on them →
    unknown; missing = the five yes/no columns, in criteria order (T4…T8)."""
    empty = {f: None for f in FLAGS}
    r = status(walloon(months_without_work=Decimal(3), **empty))
    assert r.category == Category.UNKNOWN
    assert r.missing == ("parent_isole", "sexe_sous_represente", "minorite_ethnique", "reconnaissance_aviq",
                         "ancien_art60")


def test_td_established_while_tgd_cannot_be_checked():
    """Single parent (T4) with months empty: TD is certain; TGD (G1) unknown → TD, with
    mois_sans_emploi missing and a note that TGD could not be checked."""
    r = status(walloon(single_parent=True, months_without_work=None))
    assert r.category == Category.TD and r.missing == ("mois_sans_emploi",)
    assert "TGD non vérifiable" in r.reasons[-1].text.fr


def test_no_alternative_possible_means_not_target_even_with_unknown_mandatory():
    """Registration empty (M2 unknown) but 3 months, 33 years, every flag « non »: no alternative can
    hold → not target whatever M2 is; nothing is missing."""
    r = status(walloon(registered_jobseeker=None, months_without_work=Decimal(3)))
    assert r.category == Category.NOT_TARGET and r.missing == ()


def test_reasons_cite_the_regime_parameters():
    """Each criterion's reason names the parameter it rests on and its legal reference."""
    r = status(walloon(months_without_work=Decimal(24)))
    by_param = {x.parameter: x for x in r.reasons if x.parameter}
    assert {"eligibility.td.min_months_without_work", "eligibility.tgd.min_months_without_work",
            "eligibility.td.young_max_age", "eligibility.td.older_than_age", "eligibility.excluding_diploma",
            "eligibility.definition"} <= set(by_param)
    assert all(x.reference for x in by_param.values())


def test_default_reasons_carry_no_personal_value_and_names_shows_them():
    """Without --names: verdicts only (no « 36 mois », no age), T6 hidden. With names: the values (T6 is
    never printed back: see below)."""
    r = status(walloon(months_without_work=Decimal(36), birth_date=date(1990, 6, 15), ethnic_minority=True))
    public = " ".join(x.text.fr for x in r.reasons_for(False))
    assert "36" not in public and "33 ans" not in public and "minorité" not in public
    assert "T6" not in r.to_dict()["criteria_met"] and "T1" in r.to_dict(names=True)["criteria_met"]
    detailed = " ".join(x.text.fr for x in r.reasons_for(True))
    assert "36 mois ≥ 24 mois exigés" in detailed and "33 ans accomplis le 2024-03-01" in detailed


@pytest.mark.parametrize("flag", ["single_parent", "ethnic_minority", "disability_recognition"])
def test_a_status_resting_on_a_protected_criterion_says_so_without_naming_it(flag):
    """M1 and M2 met, no visible alternative (T1, T2, T3, T5, T8 « non »), and one of the sensitive T4, T6,
    T7 « oui » → TD. Without --names the output showed « TD » beside visible criteria all « non rempli »
    and hidden lines citing nothing: a neutral line now says that at least one protected criterion is met,
    each hidden line keeps its reference, and the JSON says protected_criterion_met. Which criterion, and
    its label, only with --names — never for T6 (below)."""
    r = status(walloon(**{flag: True}))
    assert r.category == Category.TD and r.rests_on_protected is True
    public = r.reasons_for(False)
    note = [x for x in public if "critère protégé" in x.text.fr]
    assert [x.text.fr for x in note] == ["Au moins un critère protégé (T4, T6 ou T7) rempli — détail avec --names."]
    assert note[0].parameter == "eligibility.definition" and note[0].reference
    hidden = [x for x in public if "donnée sensible" in x.text.fr]
    assert len(hidden) == 3 and all(x.reference and x.parameter == "eligibility.definition" for x in hidden)
    assert not any(x in " ".join(p.text.fr for p in public) for x in ("monoparentale", "minorité", "AVIQ"))
    assert r.to_dict()["protected_criterion_met"] is True and r.to_dict()["criteria_met"] == ["M1", "M2"]
    with_names = [x.text.fr for x in r.reasons_for(True) if "protégé" in x.text.fr]
    assert with_names == (["Critère protégé rempli — donnée jamais affichée."] if flag == "ethnic_minority" else [])


@pytest.mark.parametrize("names", [False, True])
def test_ethnic_minority_is_never_printed_back_even_with_names(names):
    """spec/workbook.md says of minorite_ethnique « sensitive data: optional, never printed back », as of niss,
    which --names never shows. With --names T6 read « T6 minorité ethnique … : rempli — colonne
    minorite_ethnique : oui » and criteria_met carried T6. Now, with or without --names, T6 is the redacted
    line « T6 : donnée sensible, jamais affichée. » (its reference kept), JSON {met: null, redacted: true},
    in none of criteria_met / not_met / unknown; T4 and T7 are still shown with --names. A TD resting on T6
    alone (M1, M2, every other alternative « non ») says with --names « Critère protégé rempli — donnée
    jamais affichée. », naming no criterion; without --names the « (T4, T6 ou T7) » note as before."""
    for minority in (True, False, None):
        r = status(walloon(ethnic_minority=minority, single_parent=True))
        texts = [x.text.fr + x.text.en for x in r.reasons_for(names)]
        assert not any("minorit" in x or "ethnic" in x for x in texts), texts
        line = next(x for x in r.reasons_for(names) if x.text.fr.startswith("T6 "))
        assert (line.text.fr, line.text.en) == ("T6 : donnée sensible, jamais affichée.",
                                                "T6: sensitive data, never shown.") and line.reference
        d = r.to_dict("fr", names)
        t6 = next(c for c in d["criteria"] if c["id"] == "T6")
        assert t6["met"] is None and t6["redacted"] is True
        assert "T6" not in d["criteria_met"] + d["criteria_not_met"] + d["criteria_unknown"]
        assert ("T4" in d["criteria_met"]) is names
    alone = status(walloon(ethnic_minority=True))
    assert alone.category == Category.TD and alone.rests_on_hidden(names) is True
    note = [x for x in alone.reasons_for(names) if "protégé" in x.text.fr]
    expected = "Critère protégé rempli — donnée jamais affichée." if names else \
        "Au moins un critère protégé (T4, T6 ou T7) rempli — détail avec --names."
    assert [x.text.fr for x in note] == [expected] and note[0].reference
    assert alone.to_dict("fr", names)["criteria_met"] == ["M1", "M2"]
    assert status(walloon(single_parent=True)).rests_on_hidden(True) is False   # T4 is shown with --names


def test_cli_never_prints_ethnic_minority_back_with_names(tmp_path):
    """The auditor's case: worker 1 with minorite_ethnique = oui, run with --names in the table (--explain),
    CSV and JSON: neither the line « T6 minorité ethnique … : rempli » nor « minorite_ethnique : oui » nor T6
    among the criteria met; the names themselves are shown. (The JSON criterion keeps its generic label, as
    without --names, with met null and redacted true.)"""
    from helpers_workbook import valid_sheets, write_workbook

    sheets = valid_sheets()
    staff = sheets["Personnel"]
    staff[0].append("minorite_ethnique")
    for i, row in enumerate(staff[1:]):
        row.append("oui" if i == 0 else None)
    path = str(write_workbook(tmp_path / "t6.xlsx", sheets))
    for options in (["--explain"], ["-f", "csv", "--explain"], ["--explain", "--lang", "en"]):
        r = runner.invoke(app, ["check-eligibility", path, "--names", *options], env={"COLUMNS": "200"})
        assert r.exit_code == 0, r.output
        assert not any(x in r.stdout for x in ("minorité", "minorite_ethnique :", "ethnic minority",
                                                "minorite_ethnique: yes")), options
        assert "T6 : donnée sensible, jamais affichée." in r.stdout or "T6: sensitive data, never shown." in r.stdout
    doc = json.loads(runner.invoke(app, ["check-eligibility", path, "--names", "-f", "json"]).stdout)
    for w in doc["workers"]:
        assert w["name"] and "T6" not in w["criteria_met"] and not any("minorit" in x["text"] for x in w["reasons"])
        assert next(c for c in w["criteria"] if c["id"] == "T6")["redacted"] is True
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["check-eligibility", path, "--names", "-f",
                                                                "csv"]).stdout)))
    assert all("T6" not in row["criteria_met"].split() for row in rows)


def test_a_protected_criterion_beside_a_visible_one_is_not_disclosed():
    """TD through T1 (6 months ≥ 6) who is also a single parent (T4): the visible T1 gives the status, so
    nothing says that a protected criterion is met as well."""
    r = status(walloon(months_without_work=Decimal(6), single_parent=True))
    assert r.category == Category.TD and r.rests_on_protected is False
    assert not any("critère protégé" in x.text.fr for x in r.reasons)
    assert r.to_dict()["protected_criterion_met"] is False


# ------------------------------------------------------------------------------ wallonie-2003 (DEDP)
@pytest.mark.parametrize("diploma, registered, expected", [
    (Diploma.NONE, True, Category.TARGET),
    (Diploma.CEB, True, Category.TARGET),
    (Diploma.CESI, True, Category.TARGET),
    (Diploma.CESS, True, Category.NOT_TARGET),
    (Diploma.HIGHER, True, Category.NOT_TARGET),
    (Diploma.CEB, False, Category.NOT_TARGET),
    (None, False, Category.NOT_TARGET),
])
def test_dedp_is_no_upper_secondary_and_registered(diploma, registered, expected):
    """Décret 18.12.2003 art. 2, 2°: DEDP = diploma below CESS ∧ registered at FOREm; no duration or
    age criterion. A « non » on either makes the other irrelevant."""
    assert status(walloon(diploma=diploma, registered_jobseeker=registered), W2003).category == expected


def test_dedp_needs_no_months_or_age():
    """0 months without work and 33 years: still DEDP (only diploma and registration count)."""
    r = status(walloon(months_without_work=None, birth_date=None), W2003)
    assert r.category == Category.TARGET and [c.id for c in r.criteria] == ["M1", "M2"]


def test_dedp_unknown_registration():
    """CEB, registration empty → unknown, missing = [inscrit_dei]."""
    r = status(walloon(registered_jobseeker=None), W2003)
    assert r.category == Category.UNKNOWN and r.missing == ("inscrit_dei",)


def test_dedp_reason_cites_the_verified_article():
    r = status(walloon(), W2003)
    assert r.reasons[0].reference.endswith("art. 2, 2°") and r.reasons[0].confidence == "verified"


def test_dedp_registration_line_says_what_oui_means_under_2003():
    """Seed 003 and rules.md §4.1: a 2003 DEDP need only be registered « comme demandeur d'emploi », not
    unoccupied, while the column reads « inoccupé ». The M2 line (reason and JSON label) now says that
    `oui` means registered, unoccupied or not, without showing the worker's value (no --names)."""
    r = status(walloon(), W2003)
    m2 = next(c for c in r.criteria if c.id == "M2")
    assert m2.label.fr == "inscrit comme demandeur d'emploi au FOREm, inoccupé ou non (inscrit_dei = oui)"
    assert m2.label.en == "registered job seeker at FOREm, unoccupied or not (inscrit_dei = yes)"
    line = next(x for x in r.reasons if x.text.fr.startswith("M2 "))
    assert "inoccupé ou non (inscrit_dei = oui)" in line.text.fr and "colonne inscrit_dei :" not in line.text.fr


# ------------------------------------------------------------------------------ bruxelles-2004
def brussels(**changes) -> Worker:
    """Registered at Actiris, 0 months unoccupied, CESS (above CESI), no RIS, no activation contract."""
    base = dict(diploma=Diploma.CESS, months_without_work=Decimal(0), integration_income=False,
                activation_contract=False)
    base.update(changes)
    return walloon(**base)


def test_brussels_b1_twelve_months_and_at_most_cesi():
    """B1: registered ∧ 12 ≥ 12 months ∧ CESI ≤ CESI → target.
    11 months → not B1; CESS > CESI → not B1 (and 12 < 60: not B2)."""
    assert status(brussels(months_without_work=Decimal(12), diploma=Diploma.CESI), B2004).category == Category.TARGET
    assert status(brussels(months_without_work=Decimal(11), diploma=Diploma.CESI), B2004).category == \
        Category.NOT_TARGET
    assert status(brussels(months_without_work=Decimal(12)), B2004).category == Category.NOT_TARGET


def test_brussels_b2_sixty_months_whatever_the_diploma():
    """B2: registered ∧ 60 ≥ 60 months, higher diploma → target; 59 → not target."""
    r = status(brussels(months_without_work=Decimal(60), diploma=Diploma.HIGHER), B2004)
    assert r.category == Category.TARGET and [c.id for c in r.criteria if c.met] == ["B2"]
    assert status(brussels(months_without_work=Decimal(59), diploma=Diploma.HIGHER), B2004).category == \
        Category.NOT_TARGET


def test_brussels_b3_b4_integration_income_or_social_aid():
    """B3/B4 (one column, beneficiaire_ris): yes → target, even with a CESS and not registered."""
    r = status(brussels(integration_income=True, registered_jobseeker=False), B2004)
    assert r.category == Category.TARGET and [c.id for c in r.criteria if c.met] == ["B3/B4"]


def test_a_brussels_target_through_b3_b4_only_says_a_protected_criterion_is_met():
    """Target through B3/B4 alone (integration income, sensitive): the public reasons showed B1, B2, B5
    « non rempli » and B3/B4 hidden without a reference, the table « public cible | — »."""
    r = status(brussels(integration_income=True), B2004)
    assert r.rests_on_protected is True
    texts = {x.text.fr: x for x in r.reasons}
    assert texts["Critère protégé B3/B4 rempli — détail avec --names."].reference.endswith("art. 2, 1°")
    assert texts["B3/B4 : donnée sensible, affichée seulement avec --names."].reference.endswith("art. 2, 1°")


def test_brussels_b5_activation_contract():
    r = status(brussels(activation_contract=True), B2004)
    assert r.category == Category.TARGET and [c.id for c in r.criteria if c.met] == ["B5"]



def test_brussels_b5_is_read_on_each_contract_of_a_person():
    """rules.md §5.1 B5: « employed under an employment contract linked to the activation » — the contract's
    own, not a fact about the person before the first hire. One person (one national number), neither B1–B4
    (CESS, 0 months, no RIS): P1 an ordinary CDD 2024-01-01 … 06-30, then P2 on an activation contract from
    07-01 → P1 not target, P2 target (B5), assessed on the person's first hire (2024-01-01). The reverse, Q1 on
    an activation contract then Q2 on an ordinary CDI: Q1 target, Q2 not (read on the first row, Q2 was
    target and P2 not)."""
    niss = "99030132103"
    p1 = brussels(worker_id="P1", hire_date=date(2024, 1, 1), exit_date=date(2024, 6, 30),
                  contract_type=ContractType.CDD, national_number=niss)
    p2 = brussels(worker_id="P2", hire_date=date(2024, 7, 1), activation_contract=True, national_number=niss)
    q1 = replace(p1, worker_id="Q1", activation_contract=True, national_number="90040410148")
    q2 = replace(p2, worker_id="Q2", activation_contract=False, national_number="90040410148")
    report = assess_eligibility(enterprise([p1, p2, q1, q2], Region.BRUXELLES), B2004)
    assert [report.by_id[w].category for w in ("P1", "P2", "Q1", "Q2")] == \
        [Category.NOT_TARGET, Category.TARGET, Category.TARGET, Category.NOT_TARGET]
    assert report.by_id["P2"].assessed_on == date(2024, 1, 1) and met(report.by_id["P2"], "B5") is True

def test_brussels_non_target_and_unknown():
    """All five groups false → not target. Registration empty with 70 months: B2 depends on it →
    unknown, missing = [inscrit_dei]."""
    assert status(brussels(), B2004).category == Category.NOT_TARGET
    r = status(brussels(registered_jobseeker=None, months_without_work=Decimal(70)), B2004)
    assert r.category == Category.UNKNOWN and r.missing == ("inscrit_dei",)


def test_brussels_missing_skips_a_diploma_that_cannot_change_the_outcome():
    """inscrit_dei empty, 70 months, diplome empty: `missing` was [inscrit_dei, diplome]. With inscrit_dei
    « oui », B2 holds (70 ≥ 60 months, whatever the diploma, rules.md §5.1); with « non », neither B1 nor
    B2 can hold. The diploma cannot change the outcome: missing = [inscrit_dei]. With 30 months
    (12 ≤ 30 < 60) the diploma decides B1 and is asked for."""
    r = status(brussels(registered_jobseeker=None, months_without_work=Decimal(70), diploma=None), B2004)
    assert r.category == Category.UNKNOWN and r.missing == ("inscrit_dei",)
    r = status(brussels(registered_jobseeker=None, months_without_work=Decimal(30), diploma=None), B2004)
    assert r.missing == ("inscrit_dei", "diplome")


_BXL_COLUMNS = {"registered_jobseeker": "inscrit_dei", "months_without_work": "mois_sans_emploi",
                "diploma": "diplome", "integration_income": "beneficiaire_ris",
                "activation_contract": "contrat_activation"}
# The values that matter for B1 (≥ 12 months, at most CESI) and B2 (≥ 60 months): one of each side of each limit.
_BXL_VALUES = {"registered_jobseeker": (True, False), "months_without_work": tuple(map(Decimal, (11, 12, 70))),
               "diploma": (Diploma.CESI, Diploma.CESS), "integration_income": (True, False),
               "activation_contract": (True, False)}


def _bxl_rows():
    from itertools import product

    given = {k: (None, *v) if k not in ("integration_income", "activation_contract") else (None, False)
             for k, v in _BXL_VALUES.items()}
    for values in product(*given.values()):
        yield dict(zip(given, values))


@pytest.mark.parametrize("regime", [B2004, B2018])
def test_brussels_missing_lists_exactly_the_columns_that_can_change_the_outcome(regime):
    """Truth table over the five Brussels columns (each empty or on either side of its limits: inscrit_dei
    oui/non; 11, 12, 70 months; CESI / CESS; RIS and activation empty or « non » — « oui » decides alone).
    For every unknown status, a column is in `missing` exactly when, for some filling of the other empty
    columns, two of its values give two different statuses (the recorded rule « missing lists only the
    columns that can change the outcome »). 3 × 4 × 3 × 2 × 2 = 144 rows; the oracle fills the columns
    through assess_worker itself, not through the rule's own reasoning."""
    from itertools import product

    checked = 0
    for row in _bxl_rows():
        r = status(brussels(**row), regime)
        if r.category != Category.UNKNOWN:
            assert r.missing == ()
            continue
        empty = [k for k, v in row.items() if v is None]
        outcomes = {}
        for filled in product(*(_BXL_VALUES[k] for k in empty)):
            outcomes[filled] = status(brussels(**{**row, **dict(zip(empty, filled))}), regime).category
        deciding = [_BXL_COLUMNS[k] for i, k in enumerate(empty)
                    if any(outcomes[f] != outcomes[f[:i] + (v,) + f[i + 1:]] for f in outcomes
                           for v in _BXL_VALUES[k])]
        assert list(r.missing) == deciding, row
        checked += 1
    assert checked > 20


def test_brussels_reasons_cite_the_ordinance():
    r = status(brussels(activation_contract=True), B2004)
    assert all(x.reference and "18 mars 2004" in x.reference for x in r.reasons if x.reference)
    assert r.reasons[0].reference.endswith("art. 2, 1°")


def test_bruxelles_2018_outline_uses_the_2004_groups_marked_inferred():
    """D7 / rules.md §6: the 2018 definition is not found; the 2004 groups are a provisional reading,
    every reason marked « inferred » and citing the text the groups come from — the 2004 ordinance,
    art. 2, 1°, named as the provisional source — not the 2018 ordinance, which does not hold them."""
    r = status(brussels(months_without_work=Decimal(12), diploma=Diploma.CEB), B2018)
    assert r.category == Category.TARGET
    cited = [x for x in r.reasons if x.reference]
    assert cited and all(x.confidence == "inferred" and x.reference.startswith("Ordonnance du 18 mars 2004")
                         and "art. 2, 1°, source provisoire" in x.reference and "2018" in x.reference
                         for x in cited)


# ------------------------------------------------------------------------------ dashboard check
def enterprise(workers, region=Region.WALLONIE) -> Enterprise:
    return Enterprise(name="EI test", region=region, agrement_date=date(2021, 3, 1), workers=tuple(workers))


def test_check_counts_workers_employed_in_the_period():
    """Year 2025. A: 24 months → TGD; B: 6 months → TD; C: CESS → not target; D: diploma empty with
    36 months → unknown; E left on 2024-12-31 → not counted. 4 workers: 1 TGD, 1 TD, 1 not target,
    1 unknown → compliant None (information only), D listed in to_fix with its column."""
    e = enterprise([walloon(worker_id="A", months_without_work=Decimal(24)),
                    walloon(worker_id="B", months_without_work=Decimal(6)),
                    walloon(worker_id="C", diploma=Diploma.CESS),
                    walloon(worker_id="D", diploma=None, months_without_work=Decimal(36)),
                    walloon(worker_id="E", months_without_work=Decimal(24), exit_date=date(2024, 12, 31))])
    result = check(e, W2016, Period.calendar_year(2025))
    assert result.name == "eligibility" and result.compliant is None
    assert result.summary.fr == "4 travailleurs : 1 TGD, 1 TD, 1 hors public cible, 1 indéterminé"
    assert result.details["counts"] == {"TGD": 1, "TD": 1, "target": 0, "not_target": 1, "unknown": 1}
    assert [x.fr for x in result.to_fix] == ["Travailleur D : renseignez diplome (feuille Personnel)."]
    assert result.reasons[0].parameter == "eligibility.definition"


def test_check_is_true_when_every_status_is_known():
    """3 DEDP-regime workers, all statuses known: 2 target (CEB, registered), 1 not (CESS) → True."""
    e = enterprise([walloon(worker_id="A"), walloon(worker_id="B"), walloon(worker_id="C", diploma=Diploma.CESS)])
    result = check(e, W2003, Period.calendar_year(2025))
    assert result.compliant is True and result.to_fix == ()
    assert result.summary.fr == "3 travailleurs : 2 public cible, 1 hors public cible, 0 indéterminé"
    assert result.to_dict()["summary"].startswith("3 travailleurs")


def test_check_under_an_outline_regime_is_not_established():
    """D7: under bruxelles-2018 only the mandate minimums are checked; the eligibility line counts the
    statuses on the provisional 2004 groups (needed for those minimums) but stays unknown, saying so.
    One worker, 12 months without work and CEB → target (B1) → « 1 travailleur (lecture provisoire) : 1 public
    cible, … » (it read « provisoire : 1 travailleur : 1 public cible », two colon levels)."""
    e = Enterprise(name="EI test", region=Region.BRUXELLES, agrement_date=date(2020, 3, 1),
                   workers=(brussels(worker_id="A", months_without_work=Decimal(12), diploma=Diploma.CEB),))
    result = check(e, B2018, Period.calendar_year(2025))
    assert result.compliant is None and result.details["established"] is False
    assert result.details["counts"]["target"] == 1
    assert result.summary.fr == "1 travailleur (lecture provisoire) : 1 public cible, 0 hors public cible, 0 indéterminé"
    assert result.summary.en == "1 worker (provisional reading): 1 target public, 0 not target public, 0 unknown"
    assert "lecture retenue par le projet" in result.reasons[-1].text.fr and result.reasons[-1].confidence == "inferred"
    # The provisional reading is said once (it read « lecture provisoire (Lecture provisoire : …) »).
    assert result.reasons[-1].text.fr.lower().count("lecture provisoire") == 1
    assert "Lecture provisoire : les cinq groupes de l'ordonnance de 2004" in result.reasons[-1].text.fr
    # Every status known, « 0 indéterminé », yet unknown: the generic reason says it is the regime, not missing
    # data (differential audit: « tant qu'un statut dépend de données manquantes » alone read as a contradiction).
    assert result.reasons[2].text.fr.endswith("données manquantes, ainsi que sous un régime connu seulement en "
                                             "partie (ci-dessous).")
    assert result.reasons[2].text.en.endswith("as well as under a regime known only in outline (below).")
    known = check(e, B2004, Period.calendar_year(2025))
    assert known.compliant is True and known.reasons[2].text.fr.endswith("dépend de données manquantes.")


@pytest.mark.parametrize("regime", [W2016, W2003, B2004, get_regime("bruxelles-2018")], ids=lambda r: r.id)
def test_the_assessment_day_is_said_to_be_the_projects_reading(regime):
    """D6 (binding): the day of date_premier_engagement_ei, else date_entree, for every regime. The reasons
    said « évalué le jour du premier engagement en EI (décision D6) » under a reference such as décret 2003
    art. 2, 2°, whose words are « au moment de son engagement dans l'entreprise d'insertion »: they now say
    the day is the project's reading, the decision kept. The check's reason of that day cited the definition's
    article too, « vérifié dans le texte légal » under wallonie-2003 and bruxelles-2004 (citations audit): it is
    its own reason now, citing ``eligibility.assessment_day`` — the project, inferred — and the status line
    keeps the definition's article."""
    worker = walloon(first_ei_hire_date=date(2023, 1, 1))
    head = status(worker, regime).reasons[0]
    assert head.text.fr.startswith("Statut évalué le 2023-01-01 (date_premier_engagement_ei ; jour arrêté par le "
                                   "projet ei) : ")
    status_line, day = check(enterprise([worker]), regime, Period.calendar_year(2025)).reasons[:2]
    assert status_line.parameter == "eligibility.definition"
    assert "lecture arrêtée par le projet ei pour tous les régimes." in day.text.fr and "D6" not in day.text.fr
    assert "the reading the ei project adopts for every regime." in day.text.en
    assert (day.parameter, day.confidence) == ("eligibility.assessment_day", "inferred")
    assert day.reference.startswith("Choix du projet ei")


# ------------------------------------------------------------------------------ properties
_maybe_bool = st.none() | st.booleans()
_workers = st.builds(
    walloon,
    diploma=st.none() | st.sampled_from(list(Diploma)),
    registered_jobseeker=_maybe_bool,
    months_without_work=st.none() | st.integers(0, 80).map(Decimal),
    birth_date=st.none() | st.dates(date(1950, 1, 1), date(2008, 12, 31)),
    **{f: _maybe_bool for f in FLAGS},
)
_COMPLETE = {"diploma": st.sampled_from(list(Diploma)), "registered_jobseeker": st.booleans(),
             "months_without_work": st.integers(0, 80).map(Decimal),
             "birth_date": st.dates(date(1950, 1, 1), date(2008, 12, 31)), **{f: st.booleans() for f in FLAGS}}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worker=_workers, data=st.data(), regime=st.sampled_from([W2016, W2003, B2004]))
def test_a_decided_status_never_changes_when_missing_data_is_filled(worker, data, regime):
    """Never a guess: filling any empty column keeps a decided status (a TD may only become TGD);
    every completion of an unknown status is covered by its ``missing`` columns."""
    before = assess_worker(worker, regime)
    filled = {k: data.draw(s) for k, s in _COMPLETE.items() if getattr(worker, k) is None}
    after = assess_worker(replace(worker, **filled), regime)
    assert after.category != Category.UNKNOWN
    if before.category == Category.TD:
        assert after.category in (Category.TD, Category.TGD)
    elif before.category != Category.UNKNOWN:
        assert after.category == before.category
    assert (before.target_public is None) == (before.category == Category.UNKNOWN)


@settings(max_examples=40, deadline=None)
@given(workers=st.lists(_workers, min_size=1, max_size=8), seed=st.integers(0, 10**6))
def test_row_order_changes_nothing(workers, seed):
    """Shuffling the Personnel rows gives the same status for every worker, the same counts, and the workers in
    the same order (``model.worker_order``: W2 before W10)."""
    workers = [replace(w, worker_id=f"W{i}") for i, w in enumerate(workers)]
    shuffled = workers[:]
    random.Random(seed).shuffle(shuffled)
    a, b = assess_eligibility(enterprise(workers), W2016), assess_eligibility(enterprise(shuffled), W2016)
    assert {k: v.to_dict() for k, v in a.by_id.items()} == {k: v.to_dict() for k, v in b.by_id.items()}
    assert a.counts() == b.counts()
    assert [w.worker_id for w in a.workers] == [w.worker_id for w in b.workers]
    period = Period.calendar_year(2024)
    assert check(enterprise(workers), W2016, period).to_dict() == check(enterprise(shuffled), W2016, period).to_dict()


# ------------------------------------------------------------------------------ CLI
runner = CliRunner()
WALLOON = str(SAMPLES / "ei-wallonie.xlsx")
BRUSSELS = str(SAMPLES / "ei-bruxelles.xlsx")


def invoke(*args):
    return runner.invoke(app, ["check-eligibility", *args])


@pytest.fixture(scope="module")
def personal_values():
    """NISS, names and birth dates of the sample workbooks: none may appear without --names."""
    from ei_cli.workbook import read_workbook

    values = set()
    for path in (WALLOON, BRUSSELS):
        for w in read_workbook(Path(path)).enterprise.workers:
            values |= {v for v in (w.national_number, w.last_name, w.first_name) if v}
            if w.birth_date:
                values |= {w.birth_date.isoformat(), w.birth_date.strftime("%d/%m/%Y")}
    assert values
    return values


def test_cli_lists_the_workers_in_the_one_worker_order(tmp_path):
    """Personnel ids 9, 10, 2, 1, 11 (in that row order; the test workbook's first worker's row under each id):
    the JSON ``workers``, the CSV rows and the table go 1, 2, 9, 10, 11 (``model.worker_order``), as the subsidy
    lines and every other list of workers — not the sheet's order."""
    from helpers_workbook import valid_sheets, write_workbook

    sheets = valid_sheets()
    head, first = sheets["Personnel"][:2]
    sheets["Personnel"] = [head] + [[wid, None, *first[2:]] for wid in (9, 10, 2, 1, 11)]
    sheets["Paie"], sheets["Suivi"] = sheets["Paie"][:1], sheets["Suivi"][:1]
    path = str(write_workbook(tmp_path / "ids.xlsx", sheets))
    order = IN_WORKER_ORDER
    assert [w["worker_id"] for w in json.loads(invoke(path, "-f", "json").stdout)["workers"]] == order
    assert [row["worker_id"] for row in csv.DictReader(io.StringIO(invoke(path, "-f", "csv").stdout))] == order
    table = runner.invoke(app, ["check-eligibility", path], env={"COLUMNS": "200"}).stdout
    rows = [line.split("│")[1].strip() for line in table.splitlines() if line.startswith("│")]
    assert [r for r in rows if r in order] == order


def test_cli_json_follows_the_contract():
    """Sample (Walloon, agrément 2024-03-01): 17 workers, W05 TGD (36 months), W09 TD via T3 (over 50)."""
    r = invoke(WALLOON, "--format", "json", "--regime", "wallonie-2016")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["command"] == "check-eligibility" and doc["regime"] == "wallonie-2016" and doc["compliant"] is True
    assert {"ei_version", "enterprise", "period", "problems", "workers"} <= set(doc)
    workers = {w["worker_id"]: w for w in doc["workers"]}
    assert len(workers) == 17
    assert workers["W05"]["category"] == "TGD" and workers["W05"]["target_public"] is True
    assert workers["W09"]["category"] == "TD" and workers["W09"]["criteria_met"] == ["M1", "M2", "T3"]
    assert workers["W16"]["target_public"] is False
    for w in workers.values():
        assert {"worker_id", "category", "target_public", "reasons", "missing", "assessed_on", "criteria"} <= set(w)
        assert w["reasons"] and any(x["reference"] for x in w["reasons"])


def test_cli_at_selects_workers_employed_that_day():
    """W08 left on 2025-06-30: listed on 2025-06-30, not on 2025-07-01 (16 workers)."""
    def ids(at):
        return [w["worker_id"] for w in json.loads(invoke(WALLOON, "--at", at, "-f", "json").stdout)["workers"]]

    assert "W08" in ids("2025-06-30") and "W08" not in ids("2025-07-01") and len(ids("2025-07-01")) == 16


def test_cli_default_day_is_periods_today(monkeypatch):
    """Without --at, the regime is the one in force today — `periods.today` (one notion of today, which tests
    pin), not the machine's `date.today()`: on 2030-01-15, `regime_date` is 2030-01-15."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2030, 1, 15))
    doc = json.loads(invoke(WALLOON, "-f", "json").stdout)
    assert doc["regime_date"] == "2030-01-15" and doc["at"] is None


def test_cli_table_in_french_and_explain():
    r = invoke(WALLOON, "--regime", "wallonie-2016")
    assert r.exit_code == 0, r.output
    assert "Public" in r.stdout and "Critères" in r.stdout and "W05" in r.stdout and "TGD" in r.stdout
    assert "hors public cible" in r.stdout and "Atout EI" not in r.stdout
    explained = invoke(WALLOON, "--regime", "wallonie-2016", "--explain")
    assert "Atout EI" in explained.stdout and "jour arrêté par le projet ei" in explained.stdout
    # Each worker's heading names them (« W05 — TGD » alone: a numeric id read as a figure).
    assert "\nTravailleur W05 — TGD" in explained.stdout
    assert "\nWorker W05 — TGD" in invoke(WALLOON, "--regime", "wallonie-2016", "--explain", "--lang", "en").stdout
    english = invoke(WALLOON, "--lang", "en")
    assert "Target" in english.stdout and "not target public" in english.stdout


def test_cli_table_shows_a_protected_criterion_without_naming_it():
    """Sample W12 and W13: TD through a sensitive criterion alone. The table showed « TD | M1, M2 » with
    every visible alternative « non rempli »; it now adds « critère protégé » (named with --names only)."""
    def row(*options):
        out = runner.invoke(app, ["check-eligibility", WALLOON, *options], env={"COLUMNS": "160"}).stdout
        return next(line for line in out.splitlines() if "W12" in line)

    assert "│ M1, M2 + critère protégé " in row()
    assert "critère protégé" not in row("--names")
    rows = list(csv.DictReader(io.StringIO(invoke(WALLOON, "--format", "csv").stdout)))
    assert {x["worker_id"] for x in rows if x["protected_criterion_met"] == "true"} == {"W12", "W13"}


def test_cli_csv_one_row_per_worker():
    r = invoke(WALLOON, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 17 and rows[0]["worker_id"] == "W01"
    assert {"category", "target_public", "criteria_met", "missing"} <= set(rows[0])
    assert next(x for x in rows if x["worker_id"] == "W05")["criteria_met"] == "M1 M2 T1 G1"


def test_cli_output_file(tmp_path):
    out = tmp_path / "statuts.json"
    r = invoke(WALLOON, "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text())["command"] == "check-eligibility"


@pytest.mark.parametrize("fmt_args", [[], ["--explain"], ["-f", "json"], ["-f", "csv", "--explain"],
                                      ["-f", "json", "--lang", "en"]])
def test_cli_no_personal_data_without_names(fmt_args, personal_values):
    for path in (WALLOON, BRUSSELS):
        out = invoke(path, *fmt_args).output
        leaked = [v for v in personal_values if v in out]
        assert not leaked, leaked
        assert "minorite_ethnique :" not in out and "mois exigés" not in out


def test_cli_names_shows_names():
    r = invoke(WALLOON, "--names", "-f", "json")
    doc = json.loads(r.stdout)
    assert all(w.get("name") for w in doc["workers"])


def test_cli_unknown_statuses_exit_0_or_1_with_strict(tmp_path):
    """Brussels sample with B01–B04 (staff) eligibility columns emptied → 4 unknown. compliant null →
    exit 0; --strict → 1 (cli.md: an unknown counts as not compliant only with --strict)."""
    from ei_cli.workbook.sample import build_brussels_sample
    from ei_cli.workbook.template import write_template

    sample = build_brussels_sample()
    for row in sample["staff"]:
        if row["id_travailleur"] in {"B01", "B02", "B03", "B04"}:
            for col in ("inscrit_dei", "mois_sans_emploi", "beneficiaire_ris", "contrat_activation"):
                row[col] = None
    path = tmp_path / "bxl-unknown.xlsx"
    write_template(path, **sample)
    r = invoke(str(path), "-f", "json", "--regime", "bruxelles-2004")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["compliant"] is None and doc["counts"]["unknown"] == 4
    assert invoke(str(path), "-f", "json", "--regime", "bruxelles-2004", "--strict").exit_code == 1


def test_cli_bad_input_exits_2(tmp_path):
    r = invoke(str(tmp_path / "absent.xlsx"), "-f", "json")
    assert r.exit_code == 2 and json.loads(r.stdout)["problems"][0]["code"] == "file_not_found"


def test_labels_name_the_walloon_regime_values(tmp_path):
    """Labels are written from the regime file, never from figures in the code: with T1 at 9 months
    (instead of 6), G1 at 36 (instead of 24), ages 16–26 (instead of 18–24) and over 55 (instead of 50)
    and CESI as the excluding diploma (instead of CESS), each label names the new figure."""
    regime = regime_with("wallonie-2016", tmp_path, {
        "eligibility.td.min_months_without_work": ("6", "9"),
        "eligibility.tgd.min_months_without_work": ("24", "36"),
        "eligibility.td.young_min_age": ("18", "16"),
        "eligibility.td.young_max_age": ("24", "26"),
        "eligibility.td.older_than_age": ("50", "55"),
        "eligibility.excluding_diploma": ('"cess"', '"cesi"')})
    labels = {c.id: c.label for c in status(walloon(), regime).criteria}
    assert labels["M1"] == Text("non titulaire du CESI", "no CESI")
    assert labels["T1"].fr.endswith("depuis au moins 9 mois") and labels["T1"].en.endswith("at least 9 months")
    assert labels["G1"].fr.endswith("depuis au moins 36 mois") and labels["G1"].en.endswith("at least 36 months")
    assert labels["T2"] == Text("âgé de 16 à 26 ans", "aged 16 to 26")
    assert labels["T3"] == Text("âgé de plus de 55 ans", "aged over 55")
    # The shipped regime, for comparison: the figures of wallonie-2016.toml.
    shipped = {c.id: c.label for c in status(walloon()).criteria}
    assert shipped["M1"].fr == "non titulaire du CESS" and shipped["T1"].fr.endswith("au moins 6 mois")
    assert shipped["G1"].fr.endswith("au moins 24 mois") and shipped["T2"].fr == "âgé de 18 à 24 ans"


def test_labels_name_the_brussels_regime_values(tmp_path):
    """Brussels groups: B1 with 18 months (instead of 12) and at most the CEB (instead of the CESI), B2 with
    48 months (instead of 60): the group labels and their parts name the new figures."""
    regime = regime_with("bruxelles-2004", tmp_path, {
        "eligibility.b1.min_months_unoccupied": ("12", "18"),
        "eligibility.b1.max_diploma": ('"cesi"', '"ceb"'),
        "eligibility.b2.min_months_unoccupied": ("60", "48")})
    by_id = {c.id: c for c in status(brussels(), regime).criteria}
    assert by_id["B1"].label == Text("demandeur d'emploi inoccupé ≥ 18 mois et au plus CEB",
                                     "job seeker unoccupied ≥ 18 months with at most CEB")
    assert by_id["B2"].label == Text("demandeur d'emploi inoccupé ≥ 48 mois", "job seeker unoccupied ≥ 48 months")
    assert [p.label.fr for p in by_id["B1"].values] == [
        "inscrit comme demandeur d'emploi chez Actiris", "inoccupé depuis au moins 18 mois", "au plus le CEB"]
    assert by_id["B2"].values[1].label.en == "unoccupied for at least 48 months"


@given(st.lists(st.sampled_from([True, False, None]), max_size=6))
def test_any_of_is_the_three_valued_or_of_combine(verdicts):
    """De Morgan over three values (not None = None): any_of(v) = not combine(not v); and by hand,
    any True wins, else an unknown leaves it unknown, else False (an empty list: False)."""
    from ei_cli.rules.common import any_of, combine

    def neg(v):
        return None if v is None else not v

    assert any_of(verdicts) == neg(combine(neg(v) for v in verdicts))
    expected = True if True in verdicts else (None if None in verdicts else False)
    assert any_of(iter(verdicts)) is expected


def test_check_eligibility_and_check_judge_an_outline_regime_alike():
    """The Brussels sample under bruxelles-2018 (outline, D7): ``ei check-eligibility`` said compliant
    (exit 0 even with --strict) while the eligibility line of ``ei check`` said unknown, « provisoire ».
    Both now say unknown and provisional; --strict makes it count as not compliant (cli.md): exit 1."""
    sample = str(SAMPLES / "ei-bruxelles.xlsx")
    r = runner.invoke(app, ["check-eligibility", sample, "--format", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["compliant"] is None and "travailleurs (lecture provisoire) : " in doc["summary"]
    line = [c for c in json.loads(runner.invoke(app, ["check", sample, "--format", "json"]).stdout)["checks"]
            if c["name"] == "eligibility"][0]
    assert line["compliant"] is None and "(lecture provisoire) : " in line["summary"]  # (workers of the year)
    assert runner.invoke(app, ["check-eligibility", sample, "--strict"]).exit_code == 1


def test_names_never_show_a_national_number_typed_in_a_name_column():
    """--names shows first and last names; a NISS typed in `prenom` (« Youssef 76051465175 ») or in
    `nom` with its dots was printed as is. It is masked, as in every message; the name stays."""
    assert walloon(first_name="Youssef 76051465175", last_name="Piron").display_name() == "Youssef ••••••••••• Piron"
    assert walloon(first_name="Anne", last_name="85.07.30-033.28 Piron").display_name() == "Anne ••••••••••• Piron"
    assert walloon(first_name="Alice", last_name="Exemple").display_name() == "Alice Exemple"


@pytest.mark.parametrize("names", [False, True])
def test_csv_columns_are_only_ever_appended(names):
    """`ei check-eligibility -f csv`: bbc1bc6's columns first, in that order (with --names, `name` after
    `worker_id`, as then), then the one added since (protected_criterion_met); a new column may only come
    after them (spec/cli.md)."""
    r = invoke(WALLOON, "-f", "csv", *(["--names"] if names else []))
    header = next(csv.reader(io.StringIO(r.stdout)))
    assert header[:10 if names else 9] == ["worker_id", *(["name"] if names else []), "category", "target_public",
                                           "assessed_on", "criteria_met", "criteria_not_met", "criteria_unknown",
                                           "missing", "protected_criterion_met"]


# ------------------------------------------------------------------------------ a workbook of another era
def _gone_by_2008(tmp_path: Path, exits=(date(2008, 6, 30), date(2008, 2, 29), date(2008, 2, 29))) -> str:
    """The valid workbook 16 years back (agrément 2005-03-01; hires 2006-01-10, 2007-03-01, 2005-03-01), every
    worker gone by 2008 (``exits``, worker 1 last). Worker 1 as the audited W04: born 1965-03-17, 40 on his
    hire (2006-01-10: neither 18–24 nor over 50), CESI (< CESS: M1), registered (M2), 3 months without work
    (< 6: no T1), no yes/no criterion → wallonie-2016: no TD alternative, « hors public cible »; wallonie-2003:
    DEDP = no CESS + registered → public cible."""
    from helpers_workbook import add_column, moved_back, set_value, valid_sheets, write_workbook

    sheets = moved_back(valid_sheets(), 16)
    yes_no = ("parent_isole", "ancien_art60", "reconnaissance_aviq", "sexe_sous_represente", "minorite_ethnique")
    for column in yes_no[1:]:
        add_column(sheets, "Personnel", column)
    for row, exit_date in enumerate(exits, start=1):
        set_value(sheets, "Personnel", row, "date_sortie", exit_date)
        for column in yes_no:
            set_value(sheets, "Personnel", row, column, "non")
    set_value(sheets, "Personnel", 1, "date_naissance", date(1965, 3, 17))
    set_value(sheets, "Personnel", 1, "mois_sans_emploi", 3)
    return str(write_workbook(tmp_path / "ei-2005.xlsx", sheets))


def test_check_eligibility_says_when_todays_regime_came_after_every_worker_left(tmp_path, capsys):
    """Without --at, check-eligibility judges by the regime in force today (2026-11-30, pinned): wallonie-2016,
    from 2017-06-30. Every worker left by 2008-06-30 (worker 1, the last), under wallonie-2003 — which
    `ei check --year 2008` and `ei check-quota` apply: worker 1 « hors public cible » here and public cible
    there. The regime stays (wallonie-2016, worker 1 not target, exit 0), and a warning `regime_after_data`
    now says so — regime, its first day, the last day employed, and `--at 2008-06-30` —, in `problems` and
    under the table (stderr), French and English. `--at 2008-06-30` judges worker 1 (the one employed that
    day) under wallonie-2003: public cible, and warns no more."""
    from helpers_cli import run_cli

    path = _gone_by_2008(tmp_path)
    doc = json.loads(invoke(path, "-f", "json").stdout)
    assert doc["regime"] == "wallonie-2016" and doc["compliant"] is True
    assert {w["worker_id"]: w["category"] for w in doc["workers"]}["1"] == "not_target"
    [warned] = [p for p in doc["problems"] if p["code"] == "regime_after_data"]
    assert warned["severity"] == "warning"
    assert warned["message"] == (
        "Statuts jugés selon les critères de wallonie-2016, le régime en vigueur aujourd'hui, qui s'applique "
        "depuis le 2017-06-30 : aucun travailleur du classeur n'est occupé ce jour-là ni après (dernier jour "
        "d'occupation : le 2008-06-30). Pour les juger selon le régime appliqué à cette époque (wallonie-2003), "
        "comme « ei check » et « ei check-quota » pour leurs périodes : --at 2008-06-30 (liste les travailleurs "
        "occupés ce jour-là).")
    english = json.loads(invoke(path, "-f", "json", "--lang", "en").stdout)["problems"]
    assert [p["message"] for p in english if p["code"] == "regime_after_data"] == [
        "Statuses judged by the criteria of wallonie-2016, the regime in force today, which applies from "
        "2017-06-30: no worker of the workbook is employed on that day or after (last day employed: 2008-06-30). "
        "To judge them by the regime applied at that time (wallonie-2003), as `ei check` and `ei check-quota` do "
        "for their periods: --at 2008-06-30 (lists the workers employed on that day)."]
    code, out, err = run_cli(capsys, "check-eligibility", path)
    assert code == 0 and "--at 2008-06-30" in " ".join(err.split())
    assert "(regime_after_data)" in err and "regime_after_data" not in out
    at = json.loads(invoke(path, "-f", "json", "--at", "2008-06-30").stdout)
    assert at["regime"] == "wallonie-2003" and [w["worker_id"] for w in at["workers"]] == ["1"]
    assert at["workers"][0]["target_public"] is True
    assert "regime_after_data" not in {p["code"] for p in at["problems"]}
    # `ei check --year 2008` (wallonie-2003, the period's regime: DEDP, « public cible »): workers 1 and 2 target.
    assert check_line(path, "eligibility", 2008)["summary"] == (
        "3 travailleurs : 2 public cible, 1 hors public cible, 0 indéterminé")


def test_regime_after_data_is_not_said_with_at(tmp_path):
    """``_gone_by_2008``, `--at 2020-01-01`: wallonie-2016 (from 2017-06-30) is the regime of that day, and every
    worker left by 2008-06-30, under wallonie-2003 — the very case the warning describes without --at. With --at
    the day chose the regime (and no worker is listed: none is employed that day): no `regime_after_data`, whose
    advice is that option (docs/interpretations.md, « The regime of a workbook of another era »: not said « with
    `--at` »)."""
    doc = json.loads(invoke(_gone_by_2008(tmp_path), "-f", "json", "--at", "2020-01-01").stdout)
    assert doc["regime"] == "wallonie-2016" and doc["workers"] == []
    assert "regime_after_data" not in {p["code"] for p in doc["problems"]}


@pytest.mark.parametrize("exits, forced, warned", [
    ((date(2008, 6, 30), date(2008, 2, 29)), False, "wallonie-2003"),
    ((date(2017, 6, 29), date(2008, 2, 29)), False, "wallonie-2003"),  # in the 2013–2017 gap: its stand-in
    ((date(2017, 6, 30), date(2008, 2, 29)), False, None),             # employed on wallonie-2016's first day
    ((None, date(2008, 2, 29)), False, None),                          # no date_sortie: employed still
    ((date(2008, 6, 30), date(2008, 2, 29)), True, None),              # forced: the user's choice
])
def test_regime_after_data_only_when_every_worker_left_before_the_regime(exits, forced, warned):
    """wallonie-2016 applies from 2017-06-30. The warning comes when every worker left before that day, naming
    the regime `--at` the last day would apply (2008-06-30: wallonie-2003; 2017-06-29, in the gap of the
    unshipped 2012 decree: wallonie-2003, its stand-in); not when one is employed on 2017-06-30 or has no exit,
    nor when wallonie-2016 was forced (`--at` would not change it)."""
    from ei_cli.rules.eligibility import regime_after_staff

    e = enterprise([walloon(worker_id=f"W{i}", hire_date=date(2006, 1, 10), exit_date=d) for i, d in enumerate(exits)])
    problems = regime_after_staff(e, replace(W2016, forced=True) if forced else W2016)
    if warned is None:
        assert problems == []
    else:
        [p] = problems
        last = max(exits).isoformat()
        assert p.code == "regime_after_data" and p.severity == "warning"
        assert f"({warned})" in p.message.fr and f"--at {last}" in p.message.fr and f"le {last})" in p.message.fr
        assert f"({warned})" in p.message.en and f"--at {last}" in p.message.en


@pytest.mark.parametrize("sample", ["ei-wallonie.xlsx", "ei-bruxelles.xlsx"])
def test_the_samples_get_no_regime_after_data_warning(sample):
    """The samples' staff is employed today (workers without date_sortie): no `regime_after_data`."""
    doc = json.loads(invoke(str(SAMPLES / sample), "-f", "json").stdout)
    assert "regime_after_data" not in {p["code"] for p in doc["problems"]}
