"""``ei check`` dashboard: run_checks, period_for, --only, JSON per contract, exit codes."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ei_cli.cli import app
from ei_cli.model import ContractType, Enterprise, Function, PayMonth, Region, Worker
from ei_cli.periods import Month, Period
from ei_cli.rules.dashboard import CHECK_NAMES, UnknownCheck, parse_only, period_for

pytest.importorskip("ei_cli.rules.quota")

ROOT = Path(__file__).parent.parent
WALLOON = ROOT / "sample_data" / "ei-wallonie.xlsx"
BRUSSELS = ROOT / "sample_data" / "ei-bruxelles.xlsx"
runner = CliRunner()


def test_parse_only_keeps_the_contract_order():
    assert parse_only("wages, quota") == ("quota", "wages")
    assert parse_only("follow-up") == ("follow_up",)
    assert parse_only(None) is None
    with pytest.raises(UnknownCheck) as exc:
        parse_only("quota,salaires")
    assert exc.value.names == ["salaires"]


def test_period_for_defaults_to_the_last_year_with_a_december():
    w = Worker("A", date(2024, 1, 1), ContractType.CDI, D(1), Function.PRODUCTION)
    pay = tuple(PayMonth("A", Month(y, m), D(1), D(2000)) for y, m in ((2024, 11), (2024, 12), (2025, 3)))
    e = Enterprise("EI", Region.WALLONIE, date(2024, 1, 1), workers=(w,), pay=pay)
    assert period_for(e) == Period.calendar_year(2024)
    assert period_for(e, 2025) == Period.calendar_year(2025)
    no_december = Enterprise("EI", Region.WALLONIE, date(2024, 1, 1), workers=(w,), pay=pay[:1])
    assert period_for(no_december) == Period.calendar_year(2024)
    assert period_for(Enterprise("EI", Region.WALLONIE, date(2024, 1, 1)), today=date(2026, 5, 1)) == \
        Period.calendar_year(2025)


def test_walloon_sample_2025_is_compliant_on_every_check_json_per_contract():
    r = runner.invoke(app, ["check", str(WALLOON), "--year", "2025", "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    for key in ("command", "ei_version", "regime", "enterprise", "period", "compliant", "problems"):
        assert key in doc
    assert doc["command"] == "check" and doc["regime"] == "wallonie-2016" and doc["compliant"] is True
    assert [c["name"] for c in doc["checks"]] == list(CHECK_NAMES)
    for c in doc["checks"]:
        assert c["compliant"] is True, (c["name"], c["summary"])
        assert isinstance(c["summary"], str) and c["reasons"]
        assert all({"text", "reference", "parameter"} <= set(x) for x in c["reasons"])
    # No personal data without --names.
    assert "niss" not in r.stdout and "Nowak" not in r.stdout


def test_table_is_readable_in_french_and_explain_cites_references():
    r = runner.invoke(app, ["check", str(WALLOON), "--year", "2025"])
    assert r.exit_code == 0
    for label in ("Contrôle", "Verdict", "Chiffre clé", "À corriger", "Tension salariale", "Suivi social",
                  "Verdict global : conforme"):
        assert label in r.stdout
    r = runner.invoke(app, ["check", str(WALLOON), "--year", "2025", "--only", "wages", "--explain"])
    assert "wordscope" in r.stdout and "Quota" not in r.stdout


def test_only_and_csv():
    r = runner.invoke(app, ["check", str(WALLOON), "--year", "2025", "--only", "wages,quota", "-f", "csv"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "name,compliant,summary,to_fix,applicable" and [x.split(",")[0] for x in lines[1:]] == [
        "quota", "wages"]
    assert all(x.endswith(",true") for x in lines[1:])  # both apply in 2025 (the sample agreed in 2024)
    # A year before the agrément: every obligation « non applicable » — its empty verdict is told apart.
    early = runner.invoke(app, ["check", str(WALLOON), "--year", "2023", "--only", "wages,quota", "-f", "csv"])
    assert [x.split(",")[-1] for x in early.stdout.splitlines()[1:]] == ["false", "false"]


def test_unknown_only_name_exits_2(capsys):
    from helpers_cli import run_cli

    assert run_cli(capsys, "check", WALLOON, "--only", "quota,bogus")[0] == 2


@pytest.mark.parametrize("only", ["", ",", " ", " , "])
def test_an_only_without_any_check_name_says_so(capsys, only):
    """`--only ""` (or `,`, a blank) said « contrôle(s) inconnu(s) :  ; … », an empty list of unknown checks
    (or a blank one): it now says that no check was given, with the valid names, exit 2."""
    from helpers_cli import run_cli

    with pytest.raises(UnknownCheck) as exc:
        parse_only(only)
    assert exc.value.names == []
    code, _, err = run_cli(capsys, "check", WALLOON, "--only", only)
    said = " ".join(err.split())
    assert code == 2 and "inconnu" not in said
    assert ("valeur invalide pour --only : aucun contrôle donné ; choisissez parmi eligibility, quota, wages, "
            "employment, enterprise, follow_up (séparés par des virgules).") in said
    code, _, err = run_cli(capsys, "check", WALLOON, "--only", only, "--lang", "en")
    assert code == 2 and "Invalid value for --only: no check given; choose among eligibility, " in " ".join(err.split())


def test_unknown_checks_do_not_fail_unless_strict():
    """Brussels 2018 (outline): wages, employment, enterprise and follow-up are not established → unknown."""
    r = runner.invoke(app, ["check", str(BRUSSELS), "--year", "2025", "-f", "json"])
    doc = json.loads(r.stdout)
    assert doc["compliant"] is None and r.exit_code == 0
    r = runner.invoke(app, ["check", str(BRUSSELS), "--year", "2025", "-f", "json", "--strict"])
    assert r.exit_code == 1


def test_non_compliant_workbook_exits_1(make_workbook, workbook_sheets):
    """Wage tension over 1:4 in the small test workbook (worker 3 at 9 000 € both months: 18 000 € / 2
    FTE-months = 9 000 €, vs worker 2's 2 100 €/etp: 4,29) → exit 1."""
    from helpers_workbook import set_value

    set_value(workbook_sheets, "Paie", 5, "salaire_brut", 9000)
    set_value(workbook_sheets, "Paie", 6, "salaire_brut", 9000)
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check", str(path), "--year", "2024", "--only", "wages", "-f", "json"])
    assert r.exit_code == 1
    assert json.loads(r.stdout)["checks"][0]["compliant"] is False


def test_check_and_batch_give_the_quota_payroll_warnings(make_workbook, workbook_sheets, tmp_path):
    """The quota falls back on Personnel.etp for a month without a Paie row, with a warning
    (workbook.md). `ei check` and `ei batch` computed the quota that way and dropped the warning.

    The test workbook: agrément 2021-03-01, Paie only for 2024-01 and 2024-02; 2024 overlaps agrément
    years 3 (2023-03-01 – 2024-02-29) and 4 (from 2024-03-01, after the last payroll month, not
    measured). Workers 1, 2 and 3 are employed from 2023-03 to 2023-12 (worker 2 until 2024-06-30)
    with no Paie row: ten months each, 2023-03 … 2023-12, one warning per worker — the same three
    warnings as `ei check-quota`."""
    path = make_workbook(workbook_sheets)
    expected = ["Travailleur 1 : pas de ligne de paie pour 2023-03, 2023-04, 2023-05, 2023-06, 2023-07, 2023-08, "
                "2023-09, 2023-10, 2023-11, 2023-12 ; etp contractuel utilisé (au prorata des jours "
                "d'occupation)."]
    quota = json.loads(runner.invoke(app, ["check-quota", str(path), "--year", "2024", "-f", "json"]).stdout)
    check = json.loads(runner.invoke(app, ["check", str(path), "--year", "2024", "-f", "json"]).stdout)
    only = json.loads(runner.invoke(app, ["check", str(path), "--year", "2024", "--only", "quota", "-f",
                                          "json"]).stdout)

    def warnings(doc):
        return [p for p in doc["problems"] if p["code"] == "payroll_missing_month"]

    assert [p["message"] for p in warnings(quota)][:1] == expected
    assert len(warnings(quota)) == 3
    assert warnings(check) == warnings(quota) == warnings(only)
    out = tmp_path / "out"
    runner.invoke(app, ["batch", str(path.parent), "--year", "2024", "--out", str(out), "-q", "-f", "json"])
    per_file = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
    # the same warnings, the file named from the folder read (audit D1)
    assert warnings(per_file) == [{**p, "file": path.name} for p in warnings(quota)]


def _decimal_commas(text: str) -> list[str]:
    """Numbers written with a decimal comma (2,5 or 62,80 — not the 3-digit groups of English money,
    €1,234.50 or €812,500)."""
    import re

    return re.findall(r"\d,(?!\d{3}(?!\d))\d+", text)


@pytest.mark.parametrize("sample", [WALLOON, BRUSSELS])
def test_english_explanations_use_decimal_points(sample):
    """--lang en: every figure of the dashboard and its reasons is written 62.8 %, 0.5 fte — never 62,8 %."""
    result = runner.invoke(app, ["check", str(sample), "--year", "2025", "--lang", "en", "--explain", "--format", "json"])
    doc = json.loads(result.stdout)
    texts = [c["summary"] for c in doc["checks"]] + [r["text"] for c in doc["checks"] for r in c["reasons"]]
    assert texts and not [x for x in texts if _decimal_commas(x)]


def test_french_explanations_use_decimal_commas(tmp_path):
    """In French every figure of the reasons has a decimal comma — the FTE-months of the wage tension's
    two ends (6,0 ETP-mois), the average head count of a subsidy bracket (16,32 TD/TGD) — never a point (dates such as
    24.08.2004 in legal references aside). A generated enterprise has part-timers and brackets."""
    import re

    from ei_cli.workbook.sample import build_random_enterprise
    from ei_cli.workbook.template import write_template

    path = tmp_path / "ei.xlsx"
    write_template(path, **build_random_enterprise(7000, 50, 12, "wallonie", 2025))
    texts = []
    for command in ("check", "subsidy"):
        result = runner.invoke(app, [command, str(path), "--year", "2025", "--explain", "--format", "json"])
        doc = json.loads(result.stdout)
        items = doc["checks"] if command == "check" else doc["lines"]
        texts += [r["text"] for item in items for r in item["reasons"]]
    assert any(re.search(r"\d,\d+ ETP-mois", x) for x in texts)
    points = [x for x in texts
              if re.search(r"(?<![\d.])\d+\.\d+(?![\d.])", re.sub(r"\d{1,2}\.\d{1,2}\.\d{4}", "", x))]
    assert not points


def test_a_year_before_the_agrement_is_not_applicable_not_failed(make_workbook, workbook_sheets):
    """The test workbook with date_agrement 2031-01-01, `ei check --year 2024`: the warning
    period_before_agrement says no obligation of the agrément applies, yet employment and follow_up
    were « non conforme » (a CDI deadline, 12 months without an accompanier) and the exit code 1, while
    check-quota and subsidy gave null and 0. The agrément's obligations are now « non applicable » (null,
    `applicable: false`); the eligibility is still told, and the enterprise check (SC with a social
    purpose, 3 workers, small turnover: compliant) still judges the conditions of obtaining the
    agrément, which an application needs. No obligation applying, the run's verdict is « non applicable »
    (null), not the « conforme » of the information and conditions left; exit 0, with --strict too."""
    from helpers_workbook import set_field

    set_field(workbook_sheets, "date_agrement", date(2031, 1, 1))
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check", str(path), "--year", "2024", "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["compliant"] is None
    verdicts = {c["name"]: c["compliant"] for c in doc["checks"]}
    assert verdicts["eligibility"] is True
    assert all(verdicts[n] is None for n in ("quota", "wages", "employment", "follow_up"))
    assert all(c.get("applicable") is False for c in doc["checks"] if c["name"] in ("quota", "wages", "employment",
                                                                                    "follow_up"))
    assert verdicts["enterprise"] is True  # legal form and size: conditions for obtaining the agrément
    # « Non applicable » is no « indéterminé »: --strict does not fail on it, the table says it.
    strict = runner.invoke(app, ["check", str(path), "--year", "2024", "--strict"])
    assert strict.exit_code == 0, strict.output
    assert "Verdict global : non applicable" in strict.stdout
    # A condition of obtaining the agrément that fails is not hidden by « non applicable »: an ASBL (not an
    # admitted form) makes the enterprise check and the run « non conforme », exit 1.
    set_field(workbook_sheets, "forme_juridique", "ASBL")
    asbl = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check", str(asbl), "--year", "2024", "-f", "json"])
    doc = json.loads(r.stdout)
    assert {c["name"]: c["compliant"] for c in doc["checks"]}["enterprise"] is False
    assert r.exit_code == 1 and doc["compliant"] is False


def test_a_year_not_begun_is_not_judged_compliant_for_lack_of_deadlines():
    """`ei check --year 2027` on the tests' day 2026-11-30 (the Walloon sample's Paie ends in 2026-10): nothing
    of 2027 has fallen due yet. Quarters, bilans and CDI deadlines « not due yet » would make employment and
    follow-up « conforme » for a year not begun; they are « indéterminé » (data_known false), as the quota and
    the wage tension are."""
    r = runner.invoke(app, ["check", str(WALLOON), "--year", "2027", "-f", "json"])
    checks = {c["name"]: c for c in json.loads(r.stdout)["checks"]}
    for name in ("employment", "follow_up", "quota", "wages", "eligibility"):
        assert checks[name]["compliant"] is None, name
    assert checks["follow_up"]["data_known"] is False
    assert checks["follow_up"]["summary"] == "indéterminé : période pas encore commencée (date du jour : 2026-11-30)"


def test_the_target_public_of_a_year_not_begun_is_not_counted(tmp_path):
    """Review B (finding 2): `ei check --year 2027` on the tests' day 2026-11-30 counted the target public of a year
    no one has worked in yet — « Public cible | conforme | 16 travailleurs : 4 TGD, 5 TD, 7 hors public cible »,
    the 16 workers without an exit date — while the annual report beside it said « — ETP moyens (— travailleurs) »
    and employment and follow-up « période pas encore commencée ». The eligibility line is not judged either
    (``rules.dashboard._not_begun``, the same helper): « indéterminé : période pas encore commencée », data_known
    false, its counts empty; in `ei check` and in the annual report's synthesis."""
    r = runner.invoke(app, ["check", str(WALLOON), "--year", "2027", "-f", "json"])
    line = {c["name"]: c for c in json.loads(r.stdout)["checks"]}["eligibility"]
    assert line["compliant"] is None and line["data_known"] is False
    assert line["summary"] == "indéterminé : période pas encore commencée (date du jour : 2026-11-30)"
    assert (line["counts"], line["unknown_workers"]) == ({}, [])
    assert [x["text"] for x in line["reasons"]] == [
        "La période 2027-01-01 – 2027-12-31 commence après la date du jour (2026-11-30) : qui y sera occupé n'est "
        "pas encore connu, le public cible n'y est pas encore compté."]
    judged = {c["name"]: c for c in json.loads(runner.invoke(app, ["check", str(WALLOON), "--year", "2026", "-f",
                                                                     "json"]).stdout)["checks"]}["eligibility"]
    assert judged["compliant"] is True and "data_known" not in judged   # a year begun is counted as ever
    out = tmp_path / "annual-2027.md"
    report = runner.invoke(app, ["report", "annual", str(WALLOON), "--year", "2027", "-o", str(out)])
    assert report.exit_code == 0, report.output
    assert "| Public cible | indéterminé | indéterminé : période pas encore commencée (date du jour : 2026-11-30) |" \
        in out.read_text(encoding="utf-8")


def test_a_year_not_begun_without_any_payroll_is_not_judged_either(make_workbook, workbook_sheets):
    """A workbook without any Paie row: the gate needed a last Paie month, so `ei check --year 2027` read
    employment and follow-up « conforme » for a year not begun, with a reason « Période en cours au 2026-11-30 »
    (`ei batch --month 2026-12` alike: tests/test_batch.py). A period whose first day is after today is not
    judged, payroll or not: « indéterminé », data_known false, no « Période en cours »."""
    workbook_sheets["Paie"] = workbook_sheets["Paie"][:1]
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check", str(path), "--year", "2027", "-f", "json"])
    checks = {c["name"]: c for c in json.loads(r.stdout)["checks"]}
    for name in ("employment", "follow_up"):
        line = checks[name]
        assert line["compliant"] is None and line["data_known"] is False, name
        assert "pas encore commencée" in line["summary"], name
        assert not any("Période en cours" in reason["text"] for reason in line["reasons"]), name


def test_a_year_whose_agrement_is_after_today_is_not_judged_from_that_day(make_workbook, workbook_sheets):
    """Agrément 2026-12-15, after the tests' day 2026-11-30; worker 1 (TD) at 0,4 etp. `ei check --year 2026`
    cut the year to the agrément (2026-12-15 – 2026-12-31) after testing whether 2026 had begun: employment
    read « non conforme » (0,4 < 0,5 « depuis le 2026-12-15 », exit 1) beside « rien n'y est encore dû ». The
    part judged begins after today: employment and follow-up are « indéterminé : période pas encore
    commencée », data_known false, with a reason naming the agrément day; the run is not « non conforme »."""
    from helpers_workbook import set_field, set_value

    set_field(workbook_sheets, "date_agrement", date(2026, 12, 15))
    set_value(workbook_sheets, "Personnel", 1, "etp", 0.4)
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check", str(path), "--year", "2026", "-f", "json"])
    doc = json.loads(r.stdout)
    checks = {c["name"]: c for c in doc["checks"]}
    for name in ("employment", "follow_up"):
        line = checks[name]
        assert line["compliant"] is None and line["data_known"] is False, name
        assert line["summary"] == "indéterminé : période pas encore commencée (date du jour : 2026-11-30)", name
        assert [x["text"] for x in line["reasons"]] == [
            "Les obligations de l'agrément courent du 2026-12-15 (date d'agrément), après la date du jour "
            "(2026-11-30) : aucune échéance de la période 2026-01-01 – 2026-12-31 n'est encore venue, elle n'est "
            "pas encore jugée."], name
    assert doc["compliant"] is not False and r.exit_code == 0, r.output
    english = runner.invoke(app, ["check", str(path), "--year", "2026", "-f", "json", "--lang", "en"])
    line = {c["name"]: c for c in json.loads(english.stdout)["checks"]}["employment"]
    assert line["reasons"][0]["text"].startswith("The agrément's obligations run from 2026-12-15 (the agrément date)")


def test_a_year_begun_is_judged_up_to_today_whatever_the_last_payroll_month(make_workbook, workbook_sheets):
    """The test workbook's Paie ends in 2024-02; its TD worker stays employed, with no interview recorded after
    2022. `ei check --year 2025` (a year over) set employment and follow-up aside (« aucune paie connue pour la
    période ») though Personnel and Suivi show the missing interviews and the months without an accompanier.
    What fell due is due whatever the last Paie month (``deadline_horizon``): the follow-up is judged, « non
    conforme »; data_known is not set (the line is judged)."""
    path = make_workbook(workbook_sheets)
    r = runner.invoke(app, ["check", str(path), "--year", "2025", "-f", "json"])
    checks = {c["name"]: c for c in json.loads(r.stdout)["checks"]}
    assert checks["follow_up"]["compliant"] is False and "data_known" not in checks["follow_up"]
    assert checks["employment"]["compliant"] is True
    assert r.exit_code == 1


@pytest.mark.parametrize("year, own, names", [
    (2020, "applicable", ("wages", "employment", "follow_up")),   # before the agrément (2021-03-01)
    (2027, "data_known", ("employment", "follow_up", "eligibility")),  # not begun yet (today 2026-11-30)
])
def test_a_check_not_judged_keeps_every_field_of_the_judged_one(make_workbook, year, own, names):
    """The contract only adds JSON fields: a check not judged (a period before the agrément, one not
    begun yet) kept only ``applicable`` / ``data_known``, dropping ``ratio``, ``violations``,
    ``quarters``… that the same check gives when it is judged (the test workbook in 2024). It now has
    every field of the judged line, empty (null, []), beside its own."""
    from helpers_rules import check_line

    path = make_workbook()
    for name in names:
        judged, stub = check_line(path, name, 2024), check_line(path, name, year)
        assert stub["compliant"] is None and stub[own] is False, name
        assert set(stub) >= set(judged), (name, set(judged) - set(stub))
        empty = {"wages": ("ratio", None), "employment": ("violations", []), "follow_up": ("missing", []),
                 "eligibility": ("counts", {})}[name]
        assert stub[empty[0]] == empty[1], name


@pytest.mark.parametrize("sample, regime, year, name, key, old, empty", [
    (None, "wallonie-2016", 2024, "employment", "employment.cdi_within_months", "6",
     {"violations": [], "cdi_within_months": None}),
    ("ei-bruxelles.xlsx", "bruxelles-2004", 2021, "employment", "employment.supervision_min_fte", "0.5",
     {"violations": [], "supervision_staff": None}),
    (None, "wallonie-2016", 2024, "follow_up", "follow_up.interviews_per_quarter", "1",
     {"quarters": [], "missing": [], "interviews_per_quarter": None}),
])
def test_a_check_with_a_parameter_unknown_keeps_every_field_of_the_judged_one(make_workbook, tmp_path, sample,
                                                                              regime, year, name, key, old, empty):
    """The contract only adds JSON fields: with one of its parameters unknown a check kept no field at all,
    dropping ``violations``, ``cdi_within_months``, ``quarters``… that it gives when it is judged (the test
    workbook in 2024, or the Brussels sample under bruxelles-2004 in 2021). It now has every field of the
    judged line, empty (null, [])."""
    from helpers_rules import check_line, regime_with

    from ei_cli.regimes import get_regime

    path = make_workbook() if sample is None else Path(__file__).parent.parent / "sample_data" / sample
    judged = check_line(path, name, year, get_regime(regime))
    stub = check_line(path, name, year, regime_with(regime, tmp_path, {key: (old, '"unknown"')}))
    assert judged["compliant"] is not None and stub["compliant"] is None
    assert "inconnu" in stub["summary"]
    assert set(stub) >= set(judged), set(judged) - set(stub)
    assert {k: stub[k] for k in empty} == empty


def test_csv_columns_are_only_ever_appended():
    """`ei check -f csv`: bbc1bc6's columns (name, compliant, summary, to_fix) first, in that order, then the
    one added since (applicable); a new column may only come after them (spec/cli.md)."""
    r = runner.invoke(app, ["check", str(WALLOON), "--year", "2025", "-f", "csv"])
    header = r.stdout.splitlines()[0].split(",")
    assert header[:5] == ["name", "compliant", "summary", "to_fix", "applicable"]


def test_a_file_name_that_is_not_utf8_gives_valid_utf8_outputs(tmp_path, capsys):
    """A workbook named in latin-1 bytes (``Fran\\xe7ois.xlsx``, unzipped from an old Windows archive)
    reaches Python as a lone surrogate: ``ei check F -f json`` wrote the raw byte 0xE7 in its JSON (not
    UTF-8), and ``-o r.json`` ended in « Erreur interne (UnicodeEncodeError) ». The name is now text once
    (``problems.display_path``: the odd byte is U+FFFD) wherever it becomes part of a document."""
    import os
    import shutil

    from helpers_cli import run_cli
    from helpers_workbook import valid_sheets, write_workbook

    book = tmp_path / os.fsdecode(b"Fran\xe7ois.xlsx")
    shutil.move(write_workbook(tmp_path / "a.xlsx", valid_sheets()), book)
    code, out, _ = run_cli(capsys, "check", book, "--year", "2024", "--format", "json")
    out.encode("utf-8")   # no lone surrogate left: valid UTF-8 once written
    doc = json.loads(out)
    assert code in (0, 1) and doc["problems"][0]["file"] == str(tmp_path / "Fran\ufffdois.xlsx")
    code, _, err = run_cli(capsys, "check", book, "--year", "2024", "-o", tmp_path / "r.json")
    assert code in (0, 1), err
    json.loads((tmp_path / "r.json").read_bytes().decode("utf-8"))


def test_a_control_character_in_a_file_name_does_not_reach_the_terminal(tmp_path, capsys):
    """A workbook named ``a<ESC>[31mb.xlsx``: `ei validate` printed the escape sequence as is, and the rest of
    the terminal turned red (stdout and the warnings on stderr). A file name is shown as text for the user
    (``problems.display_path``) with its control characters as U+FFFD, as a quoted cell value is
    (``without_controls``); the file itself is still read by its real name."""
    import shutil

    from helpers_cli import run_cli
    from helpers_workbook import valid_sheets, write_workbook

    book = tmp_path / "a\x1b[31mb\x07.xlsx"
    shutil.move(write_workbook(tmp_path / "x.xlsx", valid_sheets()), book)
    code, out, err = run_cli(capsys, "validate", book)
    assert code == 0, err
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "a\ufffd[31mb\ufffd.xlsx" in out
    from ei_cli.output import shell_quote  # a command to copy names the real file, escaped: $'a\x1b[31mb\x07.xlsx'
    assert shell_quote(book.relative_to(tmp_path), windows=False) == "$'a\\x1b[31mb\\x07.xlsx'"


def test_the_to_fix_cell_counts_the_lines_it_leaves_to_explain_with_their_word():
    """The table shows MAX_FIX_LINES (3) lines to fix, then the rest: 4 lines leave 4 − 3 = 1, « … et 1 autre
    (--explain) » (it said « 1 autre(s) »); 5 leave 2, « … et 2 autres »; English « … and 1 more »."""
    from ei_cli.i18n import t
    from ei_cli.render.checks import MAX_FIX_LINES, _fix_cell
    from ei_cli.rules.common import CheckResult

    def cell(n: int, lang: str) -> str:
        fixes = tuple(t(f"ligne {i}", f"line {i}") for i in range(n))
        return _fix_cell(CheckResult("quota", False, t("", ""), (), fixes, {}), lang, full=False)

    assert MAX_FIX_LINES == 3
    assert cell(4, "fr").splitlines()[-1] == "… et 1 autre (--explain)"
    assert cell(5, "fr").splitlines()[-1] == "… et 2 autres (--explain)"
    assert cell(4, "en").splitlines()[-1] == "… and 1 more (--explain)"
    assert cell(3, "fr").splitlines() == ["ligne 0", "ligne 1", "ligne 2"]
