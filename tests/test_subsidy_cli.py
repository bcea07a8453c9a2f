"""`ei subsidy` end to end on the shipped samples: table, JSON, CSV and the claim workbook."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ei_cli.app import app
import ei_cli.cli  # noqa: F401  (registers the commands)
from helpers_rules import IN_WORKER_ORDER

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
WALLOON = str(SAMPLES / "ei-wallonie.xlsx")
BRUSSELS = str(SAMPLES / "ei-bruxelles.xlsx")
runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, ["subsidy", *args])


@pytest.fixture(scope="module")
def walloon_json():
    r = invoke(WALLOON, "--year", "2025", "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_json_contract(walloon_json):
    doc = walloon_json
    assert doc["command"] == "subsidy" and doc["regime"] == "wallonie-2016"
    assert doc["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert set(doc["totals"]) == {"target_worker", "social_accompaniment"}
    line = doc["lines"][0]
    assert {"subsidy", "worker_id", "basis", "amount", "reference", "confidence", "claimable"} <= set(line)
    claimable = sum(Decimal(str(x["amount"])) for x in doc["lines"] if x["claimable"])
    assert Decimal(str(doc["total"])) == claimable == sum(Decimal(str(v)) for v in doc["totals"].values())
    assert doc["de_minimis"]["ceiling"] == 500000
    assert "name" not in line


def test_claim_workbook_totals_equal_json(tmp_path, walloon_json):
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    r = invoke(WALLOON, "--year", "2025", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Synthèse", "Détail"]
    summary = {row[1]: row[2] for row in wb["Synthèse"].iter_rows(values_only=True) if len(row) > 2 and row[1]}
    for subsidy, amount in walloon_json["totals"].items():
        assert summary[subsidy] == pytest.approx(amount, abs=0.001)
    assert summary["total"] == pytest.approx(walloon_json["total"], abs=0.001)
    detail = wb["Détail"]
    assert detail.freeze_panes == "A2" and detail.auto_filter.ref
    header = [c.value for c in detail[1]]
    amounts = [row[header.index("amount")] for row in detail.iter_rows(min_row=2, values_only=True)]
    assert len(amounts) == len(walloon_json["lines"])
    assert detail.cell(2, header.index("amount") + 1).number_format.endswith('"€"')
    # --lang en names the sheets in English too (their labels were; the sheet names stayed French)
    out_en = tmp_path / "c-en.xlsx"
    assert invoke(WALLOON, "--year", "2025", "--lang", "en", "-o", str(out_en)).exit_code == 0
    assert load_workbook(out_en).sheetnames[:2] == ["Summary", "Detail"]


def test_table_is_french_with_fr_be_money():
    r = invoke(WALLOON, "--year", "2025")
    assert r.exit_code == 0
    assert "Total" in r.stdout and "Public cible" in r.stdout and " €" in r.stdout
    assert "de minimis" in r.stdout


def test_csv_one_row_per_line(walloon_json):
    r = invoke(WALLOON, "--year", "2025", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == len(walloon_json["lines"]) and rows[0]["subsidy"] == "target_worker"


# `ei subsidy -f csv` as bbc1bc6 wrote it: a column per basis field that occurs, in the order the lines show them
# first (so it depends on the regime), then the line's fields.
OLD_CSV_HEADERS = {
    "wallonie-2016": "subsidy,label,worker_id,category,occupation_year,start,end,window_start,window_end,days,"
                     "fte_months,wage_cost,wage_cost_share,half_wage_cost,cap_full_time,window_months,cap,"
                     "agrement_year,agrement_year_start,agrement_year_end,year_days,target_workers,bracket_min,rate,"
                     "index_factor,accompanier_fte,max_accompanier_fte,accompanier_wage_cost,operating_costs_share,"
                     "ceiling,amount,claimable,confidence,reference,url,notes",
    "wallonie-2003": "subsidy,label,worker_id,occupation_year,occupation_year_start,occupation_year_end,start,end,"
                     "days,year_days,fte_days,fte,rate,agrement_year,agrement_year_start,agrement_year_end,amount,"
                     "claimable,confidence,reference,url,notes",
    "bruxelles-2004": "subsidy,label,worker_id,occupation_year,occupation_year_start,occupation_year_end,start,end,"
                      "days,year_days,fte_days,fte,rate,agrement_year,agrement_year_start,agrement_year_end,"
                      "target_workers,tranches,amount,claimable,confidence,reference,url,notes",
}
# The basis fields added since, after those: a new one is appended here, never inserted.
ADDED_COLUMNS = ["known_wage_cost", "known_wage_cost_months", "wage_cost_months", "net_increase",
                 "headcount_fte_on_hire", "headcount_fte_average_before", "rehire_of", "first_hire_date",
                 "target_workers_start", "target_workers_end", "provisional", "bracket_min_by_target_workers",
                 "accompanier_fte_year", "min_accompanier_fte", "ceiling_start", "ceiling_end", "ceiling_wage_cost",
                 "ceiling_total", "accompanier_fte_days", "ceiling_fte_days", "days_by_tranches",
                 "accompanier_post_fte", "accompanier_post_days", "continues", "post_days"]


@pytest.mark.parametrize("regime", list(OLD_CSV_HEADERS))
def test_csv_columns_are_only_ever_appended(tmp_path, regime):
    """The CSV header was built from the basis fields in the order they occur: each field added since
    bbc1bc6 (known_wage_cost after wage_cost, target_workers_start after target_workers…) went in the
    middle, and `amount` moved from the 31st column to the 43rd on the Walloon sample (2025). The columns of
    bbc1bc6 now come first, as it wrote them, for the Walloon sample (wallonie-2016, 2025) and the test
    workbook twelve years earlier (wallonie-2003, bruxelles-2004, 2012); the fields added since follow
    `notes`, in the order of ADDED_COLUMNS; the « Détail » sheet of the claim workbook has the same
    columns."""
    from openpyxl import load_workbook

    from ei_cli.render.subsidy import ADDED_BASIS_KEYS
    from helpers_workbook import moved_back, set_field, valid_sheets, write_workbook

    if regime == "wallonie-2016":
        book, year = WALLOON, "2025"
    else:
        sheets = moved_back(valid_sheets(), 12)
        if regime == "bruxelles-2004":
            set_field(sheets, "region", "bruxelles")
        book, year = str(write_workbook(tmp_path / f"{regime}.xlsx", sheets)), "2012"
    r = invoke(book, "--year", year, "-f", "csv")
    header = next(csv.reader(io.StringIO(r.stdout)))
    old = OLD_CSV_HEADERS[regime].split(",")
    assert header[:len(old)] == old
    assert header[len(old):] == [k for k in ADDED_COLUMNS if k in header[len(old):]]
    assert json.loads(invoke(book, "--year", year, "-f", "json").stdout)["regime"] == regime
    assert list(ADDED_BASIS_KEYS[:len(ADDED_COLUMNS)]) == ADDED_COLUMNS
    assert invoke(book, "--year", year, "-o", str(tmp_path / "claim.xlsx")).exit_code in (0, 1)
    detail = load_workbook(tmp_path / "claim.xlsx").worksheets[1]
    assert [c.value for c in detail[1]] == header


def test_csv_explains_a_brussels_line_whose_tranche_count_changes(tmp_path):
    """bruxelles-2004, agrément 2011-01-01, 2012 = agrément year 2 (366 days, leap year). T1–T4 target from
    2011-01-01, T5 target from 2012-02-01, E encadrement: 4 heads on the 31 days of January (below the
    threshold of 5: 0 tranche), 5 on the 335 days from February (⌊(5 − 5) ÷ 4⌋ + 1 = 1 tranche). No single
    count nor rate: the CSV's `tranches` and `rate` are blank, and `days_by_tranches` (a list) was not
    exported — the line could not be explained. A column `days_by_tranches`, after the columns before it (the
    column order is a contract; `post_days` was added after it), holds the table's text, blank on the per-worker lines; the claim workbook's « Détail » sheet
    has it too. That text gave the days only, and with `rate` blank neither the base nor the per-tranche
    amount was in the row: it now gives each count's annual amount, « 31 jours à 0 tranche (31 000,00 €/an),
    335 jours à 1 tranche (46 500,00 €/an) » for encadrement (base 31 000, + 15 500 a tranche), « 31 days at 0
    tranches (€31,000.00/yr), … » with --lang en, so that the row recomputes its amount:
    (31 000 × 31 + 46 500 × 335) ÷ 366 = (961 000 + 15 577 500) ÷ 366 = 45 187,16 €. The days are written out
    (review B, finding 4), as in the documents; the terminal table keeps its « 31 j. à … »."""
    from datetime import date

    from openpyxl import load_workbook

    from helpers_workbook import niss, set_field, valid_sheets, write_workbook

    header = ["id_travailleur", "niss", "nom", "prenom", "date_naissance", "date_entree", "date_sortie",
              "type_contrat", "date_cdi", "etp", "fonction", "diplome", "inscrit_dei", "mois_sans_emploi",
              "parent_isole", "beneficiaire_ris"]
    staff = [[f"T{i}", niss(date(1990, 1, i), 100 + i), "N", "P", date(1990, 1, i),
              date(2012, 2, 1) if i == 5 else date(2011, 1, 1), None, "CDI", None, 1, "production", "aucun", "oui",
              30, "non", "oui"] for i in range(1, 6)]
    staff.append(["E", niss(date(1980, 1, 1), 103), "N", "P", date(1980, 1, 1), date(2011, 1, 1), None, "CDI", None,
                  1, "encadrement", "superieur", "non", 0, "non", "non"])
    months = [date(y, m, 1) for y in (2011, 2012) for m in range(1, 13)]
    pay = [[r[0], m, 1, 2000, 2800] for r in staff for m in months if m >= r[5]]
    sheets = valid_sheets()
    set_field(set_field(sheets, "region", "bruxelles"), "date_agrement", date(2011, 1, 1))
    sheets["Personnel"] = [header] + staff
    sheets["Paie"] = [sheets["Paie"][0]] + pay
    sheets["Suivi"] = sheets["Suivi"][:1]
    book = str(write_workbook(tmp_path / "tranches.xlsx", sheets))
    rows = list(csv.DictReader(io.StringIO(invoke(book, "--year", "2012", "-f", "csv").stdout)))
    assert list(rows[0])[-2:] == ["days_by_tranches", "post_days"]   # then the one added since (ADDED_COLUMNS)
    (line,) = [r for r in rows if r["subsidy"] == "supervision"]
    assert (line["tranches"], line["rate"]) == ("", "")
    assert line["days_by_tranches"] == "31 jours à 0 tranche (31 000,00 €/an), 335 jours à 1 tranche (46 500,00 €/an)"
    assert line["amount"] == "45187.16" and line["year_days"] == "366"
    assert all(r["days_by_tranches"] == "" for r in rows if r["subsidy"] == "target_worker")
    en = list(csv.DictReader(io.StringIO(invoke(book, "--year", "2012", "-f", "csv", "--lang", "en").stdout)))
    assert [r["days_by_tranches"] for r in en if r["subsidy"] == "supervision"] == \
        ["31 days at 0 tranches (€31,000.00/yr), 335 days at 1 tranche (€46,500.00/yr)"]
    assert invoke(book, "--year", "2012", "-o", str(tmp_path / "claim.xlsx")).exit_code in (0, 1)
    detail = load_workbook(tmp_path / "claim.xlsx").worksheets[1]
    assert [c.value for c in detail[1]][-2:] == ["days_by_tranches", "post_days"]
    texts = [row[-2] for row in detail.iter_rows(min_row=2, values_only=True) if row[0] == "supervision"]
    assert texts == [line["days_by_tranches"]]   # the CSV's text, the same cell


def test_a_cdd_then_a_cdi_of_one_person_without_a_gap_is_claimed_as_one_employment(tmp_path):
    """The audit's case from a workbook: W3a (TD: no diploma, registered, 12 months without work) on a CDD
    2025-01-01 … 06-30, the same person (same niss) on a CDI W3c from 2025-07-01; wage cost 2 800 €/month full
    time. One window 2025-01-01 … 12-31, each month min(½ × 2 800 = 1 400, 1 500) = 1 400 €: 6 × 1 400 = 8 400 €
    on each row, 16 800 € claimable (old code: 8 400 €, W3c « à justifier »). The CSV's `continues` column names
    W3a on W3c's row (the JSON's `basis.continues`, a list), blank on W3a's."""
    from datetime import date

    from helpers_workbook import niss, valid_sheets, write_workbook

    sheets = valid_sheets()
    header = sheets["Personnel"][0]
    number = niss(date(1986, 2, 2), 11)
    for wid, hire, exit, contract in (("W3a", date(2025, 1, 1), date(2025, 6, 30), "CDD"),
                                      ("W3c", date(2025, 7, 1), None, "CDI")):
        row = dict(zip(header, [None] * len(header)), id_travailleur=wid, niss=number, nom="N", prenom="P",
                   date_naissance=date(1986, 2, 2), date_entree=hire, date_sortie=exit, type_contrat=contract,
                   etp=1, fonction="production", diplome="aucun", inscrit_dei="oui", mois_sans_emploi=12,
                   parent_isole="non")
        sheets["Personnel"].append([row[h] for h in header])
    sheets["Paie"] += [["W3a" if m <= 6 else "W3c", date(2025, m, 1), 1, 2000, 2800] for m in range(1, 13)]
    book = str(write_workbook(tmp_path / "cdd-cdi.xlsx", sheets))
    rows = [r for r in csv.DictReader(io.StringIO(invoke(book, "--year", "2025", "-f", "csv").stdout))
            if r["subsidy"] == "target_worker" and r["worker_id"] in ("W3a", "W3c")]
    assert [(r["worker_id"], r["amount"], r["claimable"], r["continues"], r["window_start"]) for r in rows] == [
        ("W3a", "8400", "true", "", "2025-01-01"), ("W3c", "8400", "true", "W3a", "2025-01-01")]
    doc = json.loads(invoke(book, "--year", "2025", "-f", "json").stdout)
    (line,) = [x for x in doc["lines"] if x["worker_id"] == "W3c"]
    assert line["basis"]["continues"] == ["W3a"] and "rehire_of" not in line["basis"]
    assert sum(Decimal(str(x["amount"])) for x in doc["lines"]
               if x["worker_id"] in ("W3a", "W3c") and x["claimable"]) == Decimal("16800.00")


def test_no_personal_data_without_names(walloon_json):
    from ei_cli.workbook import read_workbook

    ent = read_workbook(Path(WALLOON)).enterprise
    text = json.dumps(walloon_json, ensure_ascii=False)
    for w in ent.workers:
        for v in (w.national_number, w.last_name):
            assert not v or v not in text
    r = invoke(WALLOON, "--year", "2025", "--format", "json", "--names")
    assert any("name" in x for x in json.loads(r.stdout)["lines"])


def test_brussels_forced_2004_and_2018_unknown():
    r = invoke(BRUSSELS, "--year", "2022", "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["regime"] == "bruxelles-2018" and doc["unknown"] and doc["lines"] == []
    r = invoke(BRUSSELS, "--year", "2018", "--regime", "bruxelles-2004", "--format", "json")
    assert r.exit_code in (0, 1)
    assert json.loads(r.stdout)["regime"] == "bruxelles-2004"


def test_an_outline_subsidy_is_said_in_one_clause_after_its_verdict_and_label():
    """bruxelles-2018 (D7): the mandate compensation's formula was not found, nothing is computed. The line read
    « Indéterminé Compensation du mandat : Non établi pour le régime bruxelles-2018 : Compensation du mandat ESI
    (formule non trouvée) (texte non trouvé : rien n'est calculé). » — the label twice, three colons, stacked
    brackets, and the verdict word glued to the label (English the same)."""
    wide = {"COLUMNS": "250"}
    fr = runner.invoke(app, ["subsidy", BRUSSELS, "--year", "2025"], env=wide).stdout
    assert ("Indéterminé — Compensation du mandat : Non calculée, faute de formule connue pour le régime "
            "bruxelles-2018 (texte non trouvé).\n") in fr
    en = runner.invoke(app, ["subsidy", BRUSSELS, "--year", "2025", "--lang", "en"], env=wide).stdout
    assert ("Unknown — Mandate compensation: Not computed for want of a known formula for regime bruxelles-2018 "
            "(text not found).\n") in en
    assert "Non établi" not in fr and "ESI" not in fr and "Not established" not in en


def test_year_is_required_and_bad_regime_exits_2(capsys):
    from helpers_cli import run_cli

    assert run_cli(capsys, "subsidy", WALLOON)[0] == 2
    assert run_cli(capsys, "subsidy", WALLOON, "--year", "2025", "--regime", "nope")[0] == 2


def test_claim_workbook_names_the_bce_and_sets_aside_the_lines_not_claimable(tmp_path):
    """The claim workbook an administration receives: its Synthèse had no enterprise number, and a line
    computed but not claimable was only « FALSE » in Détail's 41st column while its amount stood in the
    amount column, the total 0. Case: the test workbook with worker 1 (TD) hired 2024-07-01 at etp 1
    just as worker 2 (etp 1) leaves on 2024-06-30 (Personnel): no net increase of FTE on the hire day
    (GBER art. 32(3)), so the TD/TGD line — 6 months × min(2 900 / 2 = 1 450, cap 1 500) = 8 700 € — is
    not claimable; the total is 0. Synthèse now gives the BCE number and a section « Non réclamable en
    l'état (hors total) » with that line, its 8 700 € and why."""
    from datetime import date

    from openpyxl import load_workbook

    from helpers_workbook import VALID_BCE, set_value, valid_sheets, write_workbook

    s = valid_sheets()
    set_value(s, "Personnel", 1, "date_entree", date(2024, 7, 1))
    set_value(s, "Personnel", 2, "date_entree", date(2021, 3, 1))
    set_value(s, "Personnel", 2, "etp", 1)
    s["Paie"] = ([s["Paie"][0]] + [[1, date(2024, m, 1), 1, 2100, 2900] for m in range(7, 13)]
                 + [[2, date(2024, m, 1), 1, 2100, 2900] for m in range(1, 7)]
                 + [[3, date(2024, m, 1), 1, 3100, 4200] for m in range(1, 13)])
    book = write_workbook(tmp_path / "net.xlsx", s)
    out = tmp_path / "claim.xlsx"
    r = invoke(str(book), "--year", "2024", "-o", str(out))
    assert r.exit_code == 0, r.output
    rows = [list(row) for row in load_workbook(out)["Synthèse"].iter_rows(values_only=True)]
    assert ["Numéro d'entreprise (BCE)", VALID_BCE.replace(".", "")] == rows[1][:2]
    assert ["Total", "total", 0] == rows[[r[0] for r in rows].index("Total")][:3]
    at = [r[0] for r in rows].index("Non réclamable en l'état (hors total)")
    label, worker, amount, why = rows[at + 1][:4]
    assert (label, worker, amount) == ("Travailleur du public cible", "1", 8700)
    assert why.startswith("Pas de création nette d'emploi à l'engagement")


def test_a_wage_cost_known_for_some_months_only_is_said_so(tmp_path):
    """D1: worker 1 (TD) hired 2024-03-01, full time; `cout_salarial` 2 900 € for March–June, empty for
    July–December: the line is unknown, and its basis said « coût 11 600,00 € » (JSON `wage_cost` 11 600)
    as if that were its wage cost. Now `wage_cost` and `half_wage_cost` are null and the table says
    « coût connu 11 600,00 € (4 mois sur 10) » (4 × 2 900 = 11 600)."""
    from datetime import date

    from helpers_workbook import set_value, valid_sheets, write_workbook

    s = valid_sheets()
    set_value(s, "Personnel", 1, "date_entree", date(2024, 3, 1))
    s["Paie"] = ([s["Paie"][0]] + [[1, date(2024, m, 1), 1, 2100, 2900 if m <= 6 else None] for m in range(3, 13)]
                 + [[3, date(2024, m, 1), 1, 3100, 4200] for m in range(1, 13)])
    book = str(write_workbook(tmp_path / "partial.xlsx", s))
    doc = json.loads(invoke(book, "--year", "2024", "--format", "json").stdout)
    (line,) = [x for x in doc["lines"] if x["subsidy"] == "target_worker" and x["worker_id"] == "1"]
    b = line["basis"]
    assert line["amount"] is None and b["wage_cost"] is None and b["half_wage_cost"] is None
    assert (b["known_wage_cost"], b["known_wage_cost_months"], b["wage_cost_months"]) == (11600, 4, 10)
    r = runner.invoke(app, ["subsidy", book, "--year", "2024"], env={"COLUMNS": "250"})
    assert "coût connu 11 600,00 € (4 mois sur 10)" in r.stdout and "coût 11 600" not in r.stdout
    r = runner.invoke(app, ["subsidy", book, "--year", "2024", "--lang", "en"], env={"COLUMNS": "250"})
    assert "known wage cost €11,600.00 (4 months of 10)" in r.stdout


def test_explain_gives_the_references_of_the_condition_the_de_minimis_and_the_unknown(tmp_path):
    """`--explain` printed every line's reasons with their references, but not those the JSON carries
    elsewhere: the Brussels 10 % supervision condition, which decides whether anything is due (ord.
    18.03.2004, art. 13 §3, 2), the SIEG de minimis ceiling (Atout EI), an unknown entry's (bruxelles-2018,
    D7: the AGRBC of 16 May 2019). Each is now under its statement, « ↳ reference »."""
    from datetime import date

    from helpers_workbook import set_field, valid_sheets, write_workbook

    s = set_field(set_field(valid_sheets(), "region", "bruxelles"), "date_agrement", date(2011, 1, 1))
    book = str(write_workbook(tmp_path / "b.xlsx", set_field(s, "regime", "bruxelles-2004")))
    wide = {"COLUMNS": "250"}
    out = runner.invoke(app, ["subsidy", book, "--year", "2013", "--explain"], env=wide).stdout
    at = out.index("Personnel d'encadrement et d'accompagnement")
    assert "↳ Ordonnance du 18 mars 2004" in out[at:] and "art. 13, §3, 2" in out[at:]
    assert "art. 13, §3, 2" not in runner.invoke(app, ["subsidy", book, "--year", "2013"], env=wide).stdout
    out = runner.invoke(app, ["subsidy", WALLOON, "--year", "2025", "--explain"], env=wide).stdout
    assert "↳ Atout EI, « Subvention liée aux principes de l'économie sociale »" in out[out.index("de minimis"):]
    out = runner.invoke(app, ["subsidy", BRUSSELS, "--year", "2022", "--explain"], env=wide).stdout
    assert "↳ AGRBC du 16 mai 2019" in out[out.index("Indéterminé"):]


def test_explain_prints_each_reference_with_its_confidence_and_url_as_ei_check_does():
    """`ei subsidy --explain` printed a line's references bare, « […, art. 32(3)] », where `ei check --explain` and
    the documents give the confidence and the URL: the net-creation reason rests on a `secondary` parameter (RGEC
    art. 32(3) applied to Wallonia by Easypay) and read as binding law; the unpublished periodic rate
    (`not_found`) likewise. Every reference now reads as ``render.reference_text`` gives it: « … (source
    secondaire) — https://eur-lex… », « … (non trouvé) — https://etaamb… ». An unknown entry (bruxelles-2018's
    compensation, not found) carries its parameter's URL and confidence too, in the JSON (added fields `url`,
    `confidence`) and under --explain."""
    wide = {"COLUMNS": "400"}
    out = runner.invoke(app, ["subsidy", WALLOON, "--year", "2025", "--explain"], env=wide).stdout
    assert "[Règlement (UE) n° 651/2014 (RGEC), art. 32(3) (source secondaire) — " \
           "https://eur-lex.europa.eu/eli/reg/2014/651/oj]" in out
    assert "(M.B. 23.06.2017) (non trouvé) — https://etaamb.openjustice.be/" in out
    assert "(décret du 20.10.2016) (page officielle) — https://economie.wallonie.be/contents/iodda/3150.html]" in out
    en = runner.invoke(app, ["subsidy", WALLOON, "--year", "2025", "--explain", "--lang", "en"], env=wide).stdout
    assert "art. 32(3) (secondary source) — https://eur-lex.europa.eu/eli/reg/2014/651/oj]" in en
    doc = json.loads(invoke(BRUSSELS, "--year", "2022", "--format", "json").stdout)
    (unknown,) = [u for u in doc["unknown"] if u["subsidy"] == "compensation"]
    assert unknown["confidence"] == "not_found" and unknown["url"].startswith("https://etaamb.openjustice.be/")
    out = runner.invoke(app, ["subsidy", BRUSSELS, "--year", "2022", "--explain"], env=wide).stdout
    assert f"↳ {unknown['reference']} (non trouvé) — {unknown['url']}" in out[out.index("Indéterminé"):]


def test_strict_fails_an_unknown_subsidy_condition(tmp_path):
    """cli.md: an unknown check does not by itself make the exit code 1, « --strict makes it count as not
    compliant »; ``ei subsidy`` had no --strict. The test workbook twelve years earlier in Brussels
    (bruxelles-2004), 2012: supervisor 3 at 0,10 FTE, worker 1 (1 FTE) of unknown status (no `inscrit_dei`).
    Supervision share: 0,10 ÷ 0,10 = 100 % with worker 1 target, 0,10 ÷ (0,10 + 1) = 9,09 % < 10 % if not (shown 9,0 %: floored, away from the
    10 % it misses) →
    `conditions[].supervision_share` unknown: exit 0, 1 with --strict. A regime without a condition (the
    Walloon sample) checks nothing: 0 with --strict too."""
    from helpers_workbook import write_workbook

    book = str(write_workbook(tmp_path / "b.xlsx", _unknown_supervision_condition_sheets()))
    r = invoke(book, "--year", "2012", "-f", "json")
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["regime"] == "bruxelles-2004" and doc["compliant"] is None
    assert [(c["name"], c["compliant"]) for c in doc["conditions"]] == [("supervision_share", None)]
    assert "entre 9,0 % et 100,0 % selon les statuts inconnus" in doc["conditions"][0]["summary"]
    assert invoke(book, "--year", "2012", "--strict").exit_code == 1
    assert invoke(WALLOON, "--year", "2025", "--strict").exit_code == 0


def test_a_control_character_in_the_workbook_s_text_does_not_cost_the_claim_workbook(tmp_path):
    """An enterprise name holding a vertical tab (Word's Shift+Enter pasted into Excel, saved as
    ``_x000B_``, which the reader gives back as U+000B): the claim workbook ended in « Erreur interne
    (IllegalCharacterError) », nothing written. Every character an xlsx cell cannot hold is now a space
    (``output.xlsx_cell``, the one function every result workbook's text cells go through)."""
    from openpyxl import load_workbook

    from helpers_workbook import set_field, valid_sheets, write_workbook

    book = write_workbook(tmp_path / "vt.xlsx", set_field(valid_sheets(), "nom", "EI_x000B_Test"))
    out = tmp_path / "claim.xlsx"
    r = invoke(str(book), "--year", "2024", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert load_workbook(out)["Synthèse"]["B1"].value == "EI Test"


def _bracket_sheets():
    """Wallonia 2016, agrément and every hire on 2023-01-02: D (direction), A (accompagnement_social, 0,5 FTE),
    T1–T7 TD (production, CESI, DEI, 8 months without work) and U (production, `diplome` empty: status
    unknown), full payroll 2023–2025. 7 TD/TGD are below the SIEG's lowest bracket (≥ 8): 0 €, but with U
    counted TD the bracket would be reached — the SIEG lines are 0 € and not claimable."""
    from datetime import date

    from helpers_workbook import niss, set_field, valid_sheets

    header = valid_sheets()["Personnel"][0]
    hire = date(2023, 1, 2)
    staff = [["D", "superieur", "non", 0, "direction", 1, 5200], ["A", "superieur", "non", 0, "accompagnement_social",
                                                                   0.5, 2000]]
    staff += [[f"T{i}", "cesi", "oui", 8, "production", 1, 2900] for i in range(1, 8)]
    staff += [["U", None, "oui", 8, "production", 1, 2800]]
    sheets = set_field(valid_sheets(), "date_agrement", hire)
    sheets["Personnel"] = [header] + [[wid, niss(date(1980, 1, 1 + i), 100 + i), "N", "P", date(1980, 1, 1 + i), hire,
                                       None, "CDI", None, etp, fonction, diplome, dei, sans, "non"]
                                      for i, (wid, diplome, dei, sans, fonction, etp, _) in enumerate(staff)]
    sheets["Paie"] = [sheets["Paie"][0]] + [[s[0], date(y, m, 1), s[5], 2000, s[6]] for s in staff
                                            for y in (2023, 2024, 2025) for m in range(1, 13)]
    sheets["Suivi"] = sheets["Suivi"][:1]
    return sheets


def _partial_cost_sheets():
    """The test workbook with worker 1 (TD) hired 2024-03-01, full time, `cout_salarial` 2 900 € for
    March–June and empty for July–December (worker 2 has no Paie row, worker 3 all 2024)."""
    from datetime import date

    from helpers_workbook import set_value, valid_sheets

    s = valid_sheets()
    set_value(s, "Personnel", 1, "date_entree", date(2024, 3, 1))
    s["Paie"] = ([s["Paie"][0]] + [[1, date(2024, m, 1), 1, 2100, 2900 if m <= 6 else None] for m in range(3, 13)]
                 + [[3, date(2024, m, 1), 1, 3100, 4200] for m in range(1, 13)])
    return s


def test_the_claim_workbook_sets_aside_every_line_not_claimable(tmp_path):
    """The Synthèse's « Non réclamable en l'état (hors total) » listed only the lines with an amount other than
    0 or None, while the table lists every one. Case 1 (`_bracket_sheets`), 2024: agrément year 1 ends
    2024-01-01 (1 day in 2024), year 2 runs 2024-01-02 – 2025-01-01; the SIEG bracket is none (7 TD), 0 €, but
    could be reached if U is TD: both SIEG lines, 0 €, not claimable, were missing from the Synthèse (which
    read « Accompagnement social 0,00 € » as if nothing could be due). Now each is there, 0 €, its note, and its
    year and days (« agr. 1 · 2024-01-01 → 2024-01-01 », « agr. 2 · 2024-01-02 → 2024-12-31 »). Case 2:
    worker 1 (TD) hired 2024-03-01, `cout_salarial` 2 900 € for March–June only: amount not computed, shown as
    the table shows it, « ? (partiel : 5 800,00 €) » = 4 months × min(2 900 ÷ 2 = 1 450, 18 000 ÷ 12 = 1 500)."""
    from openpyxl import load_workbook

    from helpers_workbook import write_workbook

    book = write_workbook(tmp_path / "bracket.xlsx", _bracket_sheets())
    out = tmp_path / "claim.xlsx"
    assert invoke(str(book), "--year", "2024", "-o", str(out)).exit_code == 0
    rows = [list(row) for row in load_workbook(out)["Synthèse"].iter_rows(values_only=True)]
    at = [r[0] for r in rows].index("Non réclamable en l'état (hors total)")
    assert rows[at][:5] == ["Non réclamable en l'état (hors total)", "Travailleur", "Montant", "Pourquoi", "Période"]
    siegs = [r for r in rows[at + 1:] if r[0] == "Accompagnement social"]
    assert [(r[1], r[2], r[4]) for r in siegs] == [("—", 0, "agr. 1 · 2024-01-01 → 2024-01-01"),
                                                   ("—", 0, "agr. 2 · 2024-01-02 → 2024-12-31")]
    assert all("la tranche pourrait être plus élevée" in r[3] for r in siegs)

    book = write_workbook(tmp_path / "partial.xlsx", _partial_cost_sheets())
    assert invoke(str(book), "--year", "2024", "-o", str(out)).exit_code == 0
    rows = [list(row) for row in load_workbook(out)["Synthèse"].iter_rows(values_only=True)]
    at = [r[0] for r in rows].index("Non réclamable en l'état (hors total)")
    assert rows[at + 1][1:3] == ["1", "? (partiel : 5 800,00 €)"]
    r = runner.invoke(app, ["subsidy", str(book), "--year", "2024"], env={"COLUMNS": "250"})
    assert "? (partiel : 5 800,00 €) (non réclamable)" in r.stdout


def test_the_claim_workbook_says_the_condition_s_verdict_and_what_a_failed_one_zeroes(tmp_path):
    """The Synthèse wrote a condition's summary only: failed and undetermined read alike. Brussels 2004
    (bruxelles-2004), the test workbook twelve years earlier, 2012. Failed: supervisor 3 made
    « administration », nobody supervises (0,00 ETP, minimum 10,0 %): every line is 0 €, not claimable, exit
    1; the condition's row says « non remplie », and each zeroed line its `amount_if_condition_met` in a column
    of its own — worker 2, half-time target worker hired 2011-03-01, occupation year 1 (2011-03-01 – 2012-02-29,
    366 days), part 2012-01-01 – 02-29 of 60 days: 5 000 × 0,5 × 60 ÷ 366 = 409,836 → 409,84 €. Encadrement and
    accompaniment, agrément year 4 (2012-03-01 – 2013-02-28), part 2012-03-01 – 12-31: nobody of either function,
    no day of the post (docs/interpretations.md, « A post held on some days »), 0 € even were the condition met
    (they showed 31 000 × 306 ÷ 365 = 25 989,04 € and 15 000 × 306 ÷ 365 = 12 575,34 € for nobody).
    Undetermined (`test_strict_fails_an_unknown_subsidy_condition`'s case: between 9,0 % and 100,0 %):
    « indéterminée », and no such column (nothing zeroed). English: « not met » / « undetermined »."""
    from openpyxl import load_workbook

    from helpers_workbook import moved_back, set_field, set_value, valid_sheets, write_workbook

    def synthese(sheets, name, *lang):
        out = tmp_path / f"{name}.xlsx"
        code = invoke(str(write_workbook(tmp_path / f"{name}-in.xlsx", sheets)), "--year", "2012", "-o", str(out),
                      *lang).exit_code
        return code, [list(r) for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)]

    failed = set_field(moved_back(valid_sheets(), 12), "region", "bruxelles")
    set_value(failed, "Personnel", 3, "fonction", "administration")
    code, rows = synthese(failed, "failed")
    assert code == 1
    (condition,) = [r for r in rows if r[0] == "Condition"]
    assert condition[2] == "non remplie"
    at = [r[0] for r in rows].index("Non réclamable en l'état (hors total)")
    assert rows[at][5] == "Montant si la condition était remplie"
    zeroed = {(r[0], r[1], r[4]): (r[2], r[5]) for r in rows[at + 1:]
              if r[0] in ("Encadrement", "Accompagnement social", "Travailleur du public cible")}
    assert zeroed[("Travailleur du public cible", "2", "occ. 1 · 2012-01-01 → 2012-02-29")] == (0, 409.84)
    assert zeroed[("Encadrement", "—", "agr. 4 · 2012-03-01 → 2012-12-31")] == (0, 0)
    assert zeroed[("Accompagnement social", "—", "agr. 4 · 2012-03-01 → 2012-12-31")] == (0, 0)
    assert [r for r in synthese(failed, "failed-en", "--lang", "en")[1] if r[0] == "Condition"][0][2] == "not met"

    unknown = _unknown_supervision_condition_sheets()
    code, rows = synthese(unknown, "unknown")
    assert code == 0 and [r[2] for r in rows if r[0] == "Condition"] == ["indéterminée"]
    at = [r[0] for r in rows].index("Non réclamable en l'état (hors total)")
    assert rows[at][4:] == ["Période"]
    assert [r[2] for r in synthese(unknown, "unknown-en", "--lang", "en")[1] if r[0] == "Condition"] == ["undetermined"]


def test_the_months_sheet_says_the_rounding_remainder(tmp_path):
    """The « Mois » sheet: the line is rounded to the cent once and its last month carries the remainder, so a
    row read half_wage_cost 1 472,65, cap 1 500, capped FALSE, amount 1 472,60 — not min(half, cap), with nothing
    to say why. Walloon sample, 2024, W06 (TD, hired 2024-03-01, wage cost 2 945,29 € a month): each month
    half = 1 472,645 → 1 472,65 shown; the line 10 × 1 472,645 = 14 726,45 €; 9 × 1 472,65 = 13 253,85, so
    December carries 14 726,45 − 13 253,85 = 1 472,60. A last column `rounding_adjustment` = amount − min(half,
    cap): −0,05 on December, 0 on March–November; the months still add up to the line."""
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    assert invoke(WALLOON, "--year", "2024", "-o", str(out)).exit_code == 0
    months = load_workbook(out)["Mois"]
    header = [c.value for c in months[1]]
    assert header[11] == "rounding_adjustment"   # the 12th column (`claimable` appended after it)
    assert months.cell(2, 12).number_format.endswith('"€"')
    rows = [dict(zip(header, r)) for r in months.iter_rows(min_row=2, values_only=True) if r[1] == "W06"]
    assert [r["month"] for r in rows] == [f"2024-{m:02d}" for m in range(3, 13)]
    assert [r["rounding_adjustment"] for r in rows] == [0] * 9 + [pytest.approx(-0.05, abs=1e-9)]
    assert rows[-1]["amount"] == pytest.approx(1472.60, abs=1e-9)
    assert sum(Decimal(str(r["amount"])) for r in rows) == Decimal("14726.45")


def test_the_months_sheet_says_which_months_are_claimable(tmp_path):
    """Audit (xlsx, D2): « Mois » laid out the months of a line not claimable (its amount unknown, a re-hire's)
    like the others, so its `amount` column summed to more than the Synthèse's total. A last column `claimable`,
    the line's as « Détail » gives it. `_partial_cost_sheets`, 2024, worker 2 (TGD, 0,5 FTE, hired 2023-03-01,
    left 2024-06-30) given `cout_salarial` 1 450,25 € for January–June: each month min(1 450,25 ÷ 2 = 725,125,
    36 000 ÷ 24 × 0,5 = 750) = 725,125; occupation year 1 (January–February) 1 450,25 €, year 2 (March–June)
    2 900,50 €: total 4 350,75 €, claimable. Worker 1's line (March–June known, 4 × 1 450 = 5 800 €, the rest
    unknown) is not: its rows say FALSE, and the TRUE rows add up to the total, 4 350,75 €, where all rows gave
    4 350,75 + 5 800 = 10 150,75 €."""
    from datetime import date

    from openpyxl import load_workbook

    from helpers_workbook import write_workbook

    sheets = _partial_cost_sheets()
    sheets["Paie"] += [[2, date(2024, m, 1), 0.5, 1050, 1450.25] for m in range(1, 7)]
    out = tmp_path / "c.xlsx"
    assert invoke(str(write_workbook(tmp_path / "partial.xlsx", sheets)), "--year", "2024", "-o", str(out)).exit_code == 0
    wb = load_workbook(out)
    months = wb["Mois"]
    header = [c.value for c in months[1]]
    # Columns only appended: the person's limits of concurrent contracts (``rules.subsidy._joint_month``) last.
    assert header[11:] == ["rounding_adjustment", "claimable", "joint_complement", "person_half_wage_cost",
                           "person_cap", "beside_amount"]
    rows = [dict(zip(header, r)) for r in months.iter_rows(min_row=2, values_only=True)]
    assert {(r["worker_id"], r["claimable"]) for r in rows} == {("1", False), ("2", True)}
    assert sum(Decimal(str(r["amount"])) for r in rows if r["amount"] is not None) == Decimal("10150.75")
    total = next(r[2] for r in wb["Synthèse"].iter_rows(values_only=True) if r[0] == "Total")
    assert sum(Decimal(str(r["amount"])) for r in rows if r["claimable"]) == Decimal(str(total)) == Decimal("4350.75")


def test_the_claim_workbook_columns_are_as_wide_as_their_values(tmp_path):
    """Audit (xlsx, D4): « Détail »'s widths came from its headers (`label`, `reference`, `notes`: 12 wide), the
    long texts clipped by the next cell. Walloon sample, 2024: `label` « Travailleur du public cible » (27
    characters) is now 27 + 2 = 29 wide; `reference` (68 characters and more) and `notes` (174 and more) the cap,
    60, their text wrapped in the cell; `amount` is sized on the sums as shown, « 14 726,45 € » (11) + 2 = 13;
    `subsidy` on « social_accompaniment » (20) + 2 = 22. « Mois » the same way: `rounding_adjustment` 19 + 4,
    its header the longest value, with room for the filter button (`output.fit_columns`: a header + 4, a value + 2)."""
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    assert invoke(WALLOON, "--year", "2024", "-o", str(out)).exit_code == 0
    wb = load_workbook(out)

    def widths(ws):
        return {ws.cell(1, c).value: ws.column_dimensions[ws.cell(1, c).column_letter].width
                for c in range(1, ws.max_column + 1)}

    detail, header = wb["Détail"], [c.value for c in wb["Détail"][1]]
    width = widths(detail)
    assert (width["subsidy"], width["label"], width["reference"], width["notes"], width["amount"]) == (22, 29, 60, 60, 13)
    for name in ("reference", "notes"):
        assert all(row[header.index(name)].alignment.wrap_text for row in detail.iter_rows(min_row=2))
    assert not detail.cell(2, header.index("label") + 1).alignment.wrap_text
    assert widths(wb["Mois"])["rounding_adjustment"] == 23


def test_the_claim_workbook_says_what_produced_it_how_far_its_data_go_and_the_run_s_warnings(tmp_path, monkeypatch):
    """The Synthèse did not say which ei produced it nor when, that a year in progress is provisional, for
    how long the regime applied is in force, nor the run's warnings (`problems`). Today set to 2026-11-30.
    Walloon sample (payroll to 2026-10), 2026: the lines stop at 2026-10-31 while the period reads 2026-01-01 →
    2026-12-31; now « Document produit par : ei <version> le 30 novembre 2026 », « Données : provisoire : paie
    connue jusqu'au 2026-10-31 ; … », « Validité du régime : en vigueur du 2017-06-30 à aujourd'hui (vérifié
    le …) ». 2025, a closed year: « paie connue jusqu'au 2026-10-31 », not provisional. Brussels sample, 2018
    under bruxelles-2004 (before its agrément of 2020-09-01): the warning `period_before_agrement` is written,
    « Avertissement », its message (« Warning » with --lang en)."""
    from datetime import date

    from openpyxl import load_workbook

    from ei_cli import __version__, periods
    from ei_cli.regimes import get_regime

    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 30))

    def synthese(*args):
        out = tmp_path / "c.xlsx"
        assert invoke(*args, "-o", str(out)).exit_code == 0
        return [list(r) for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)]

    rows = {r[0]: r[1] for r in synthese(WALLOON, "--year", "2026")}
    assert rows["Document produit par"] == f"ei {__version__} le 30 novembre 2026"
    assert rows["Données"].startswith("provisoire : paie connue jusqu'au 2026-10-31 ;")
    checked = get_regime("wallonie-2016").last_checked.isoformat()
    assert rows["Validité du régime"] == f"en vigueur du 2017-06-30 à aujourd'hui (vérifié le {checked})"
    assert synthese(WALLOON, "--year", "2025")[9][:2] == ["Données", "paie connue jusqu'au 2026-10-31"]
    rows = {r[0]: r[1] for r in synthese(WALLOON, "--year", "2026", "--lang", "en")}
    assert rows["Produced by"] == f"ei {__version__} on 2026-11-30"
    assert rows["Data"].startswith("provisional: payroll known to 2026-10-31;")

    rows = synthese(BRUSSELS, "--year", "2018", "--regime", "bruxelles-2004")
    (warning,) = [r[1] for r in rows if r[0] == "Avertissement"]
    assert warning.startswith("La période évaluée (2018-01-01 – 2018-12-31) se termine avant la date d'agrément")
    assert [r[0] for r in synthese(BRUSSELS, "--year", "2018", "--regime", "bruxelles-2004", "--lang", "en")
            if r[0] in ("Warning", "Avertissement")] == ["Warning"]


def test_the_claim_workbook_of_a_year_not_begun_says_so(tmp_path):
    """Audit (xlsx, D3): today 2026-11-30 (conftest), `--year 2027` on the Walloon sample (Paie to 2026-10): the
    « Données » row said « provisoire : paie connue jusqu'au 2026-10-31 ; année en cours, … » of a year that has
    not begun. It now says it as summary.xlsx's « À propos » does (`not_begun_text`): « période pas encore
    commencée au 2026-11-30 (date du jour) »; English too. 2026 (in progress) keeps « année en cours »."""
    from openpyxl import load_workbook

    def data(*args):
        out = tmp_path / "c.xlsx"
        invoke(WALLOON, *args, "-o", str(out))
        return {r[0]: r[1] for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)}

    assert data("--year", "2027")["Données"] == (
        "provisoire : période pas encore commencée au 2026-11-30 (date du jour) ; paie connue jusqu'au 2026-10-31 ; "
        "ses mois se calculent avec leur paie une fois venus")
    assert data("--year", "2027", "--lang", "en")["Data"] == (
        "provisional: period not begun yet on 2026-11-30 (today); payroll known to 2026-10-31; its months are "
        "computed with their payroll once they have come")
    assert "année en cours" in data("--year", "2026")["Données"]


def test_the_entries_of_a_year_not_begun_do_not_call_it_in_progress():
    """Today 2026-11-30 (conftest), `--year 2027` on the Walloon sample (Paie to 2026-10, agrément years from 1 March):
    the SIEG entry of agrément year 3's part 2027-01-01 – 2027-02-28 said « après le 2026-10-31 (année en cours, paie
    connue jusqu'au 2026-10-31) » of a year that has not begun (``horizon_text`` knew no period). It now says
    « période pas encore commencée »; 2026, in progress, keeps « année en cours »."""
    def reasons(year, *lang):
        r = invoke(WALLOON, "--year", year, "--format", "json", *lang)
        return [u["reason"] for u in json.loads(r.stdout)["unknown"] if u["subsidy"] == "social_accompaniment"]

    (first, *_) = reasons("2027")
    assert first.startswith("Année d'agrément 3, du 2027-01-01 au 2027-02-28 : après le 2026-10-31 (période pas "
                            "encore commencée, paie connue jusqu'au 2026-10-31)")
    assert "(period not begun yet, payroll known to 2026-10-31)" in reasons("2027", "--lang", "en")[0]
    assert not any("année en cours" in r for r in reasons("2027"))
    assert any("(année en cours, paie connue jusqu'au 2026-10-31)" in r for r in reasons("2026"))


def test_the_claim_workbook_prints_and_says_a_partial_amount_of_an_unknown_line(tmp_path):
    """Printing the claim workbook gave portrait pages cutting Détail's 50-odd columns, the header on the first
    page only. Every sheet is now A4 landscape, fitted to one page wide (as many down as needed), its first row
    repeated on each page. And the Synthèse's « Indéterminé » rows gave no figure, though part of the line is
    computed: `_partial_cost_sheets`, 2024, worker 1's row now reads « ? (partiel : 5 800,00 €) » in the amount
    column = 4 months (March–June) × min(2 900 ÷ 2 = 1 450, 18 000 ÷ 12 = 1 500); worker 2's entries (no
    month's cost known) give none."""
    from openpyxl import load_workbook

    from helpers_workbook import write_workbook

    out = tmp_path / "c.xlsx"
    assert invoke(WALLOON, "--year", "2024", "-o", str(out)).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Synthèse", "Détail", "Mois"]
    for ws in wb.worksheets:
        assert (ws.page_setup.orientation, int(ws.page_setup.paperSize)) == ("landscape", int(ws.PAPERSIZE_A4))
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_title_rows == "$1:$1"

    book = write_workbook(tmp_path / "partial.xlsx", _partial_cost_sheets())
    assert invoke(str(book), "--year", "2024", "-o", str(out)).exit_code == 0
    rows = [list(r) for r in load_workbook(out)["Synthèse"].iter_rows(values_only=True) if r[0] == "Indéterminé"]
    assert [(r[1].split(" :")[0], r[2]) for r in rows] == [("Travailleur du public cible (travailleur 1)", "? (partiel : 5 800,00 €)"),
                                                            ("Travailleur du public cible (travailleur 2)", None),
                                                            ("Travailleur du public cible (travailleur 2)", None)]


def test_an_unknown_entry_is_paired_with_its_line_by_key_in_english_and_whatever_its_notes_say(tmp_path):
    """`_partial_cost_sheets`, 2024: worker 1 (TD) hired 2024-03-01, `cout_salarial` known for March–June only;
    its line is not computed and its partial amount is 4 months × min(2 900 ÷ 2 = 1 450, 18 000 ÷ 12 = 1 500)
    = 5 800 €. The Synthèse's « Unknown » row of worker 1 under --lang en reads « ? (partial: €5,800.00) ».
    Its entry was paired with the line by matching the line's first note against the entry's French reason:
    reworded, the note unpaired them. They are now paired by subsidy, worker id and the line's first day
    (2024-03-01)."""
    from dataclasses import replace

    from openpyxl import load_workbook

    from ei_cli.i18n import t
    from ei_cli.regimes import get_regime
    from ei_cli.render.subsidy import _line_of_unknown
    from ei_cli.rules.subsidy import compute_subsidies
    from ei_cli.workbook import read_workbook
    from helpers_workbook import write_workbook

    book = write_workbook(tmp_path / "partial.xlsx", _partial_cost_sheets())
    out = tmp_path / "c.xlsx"
    assert invoke(str(book), "--year", "2024", "-o", str(out), "--lang", "en").exit_code == 0
    rows = [list(r) for r in load_workbook(out)["Summary"].iter_rows(values_only=True) if r[0] == "Unknown"]
    assert [(r[1].split(":")[0], r[2]) for r in rows] == [("Target-public worker (worker 1)", "? (partial: €5,800.00)"),
                                                           ("Target-public worker (worker 2)", None),
                                                           ("Target-public worker (worker 2)", None)]

    result = compute_subsidies(read_workbook(book).enterprise, get_regime("wallonie-2016"), 2024)
    (entry,) = [u for u in result.unknown if u.worker_id == "1"]
    (line,) = [x for x in result.lines if x.worker_id == "1" and x.amount is None]
    reworded = replace(result, lines=tuple(replace(x, notes=(t("Autrement dit.", "Put otherwise."),) + x.notes[1:])
                                           if x is line else x for x in result.lines))
    paired = _line_of_unknown(reworded, entry)
    assert paired is not None and paired.basis["start"].isoformat() == "2024-03-01"
    assert paired.basis["partial_amount"] == Decimal("5800.00")


def test_the_claim_workbook_of_a_payroll_far_behind_says_its_months_are_missing(tmp_path, monkeypatch):
    """Walloon sample with its Paie cut after 2026-06, judged 2026-11-30: the horizon is the last month over,
    2026-10-31 (the payroll is more than two months behind; November is still running). The Synthèse said
    « provisoire : paie connue jusqu'au 2026-06-30 ; année en cours, les mois suivants se calculent avec leur
    paie » while its own entries call July–October missing; now « provisoire : calculée jusqu'au 2026-10-31
    (fin du dernier mois terminé, année en cours, paie connue jusqu'au 2026-06-30) ; les mois de paie manquants
    jusqu'à cette date sont à compléter … » (it said 2026-11-30, today, and November « à compléter »)."""
    from datetime import date

    from openpyxl import load_workbook

    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 30))
    wb = load_workbook(WALLOON)
    paie = wb["Paie"]
    for row in range(paie.max_row, 1, -1):   # months after 2026-06 removed, from the bottom
        if paie.cell(row, 2).value.date() > date(2026, 6, 1):
            paie.delete_rows(row)
    book = tmp_path / "behind.xlsx"
    wb.save(book)
    out = tmp_path / "c.xlsx"
    assert invoke(str(book), "--year", "2026", "-o", str(out)).exit_code == 0
    rows = {r[0]: r[1] for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)}
    assert rows["Données"] == ("provisoire : calculée jusqu'au 2026-10-31 (fin du dernier mois terminé, année en "
                               "cours, paie connue jusqu'au 2026-06-30) ; les mois de paie manquants jusqu'à cette "
                               "date sont à compléter, "
                               "les suivants se calculent avec leur paie"), rows["Données"]


def test_a_payroll_entered_ahead_is_not_claimed_for_months_not_begun(tmp_path):
    """Audit plausibility 1: the Walloon sample with its October 2026 Paie rows copied to 2026-11 and 2026-12,
    judged on the tests' day 2026-11-30. The claim read 52 000,00 €, `complete`: W14 (TGD, window from
    2026-03-17) gained 2 × 1 500 € for November and December, and the SIEG line of agrément year 3 ran to
    2026-12-31: 25 000 × 306 / 365 = 20 958,90 € (the sample as shipped, Paie to 2026-10: 25 000 × 245 / 365 =
    16 780,82 €). Now the months are read to the end of the current month (``paid_to``): the SIEG part
    2026-03-01 … 11-30 = 275 days, 25 000 × 275 / 365 = 18 835,616… → 18 835,62 €; W14's November counts
    (to October: 15/31 = 0,4839 FTE-month for March 17–31 + 7 for April–October = 7,4839 × 1 500 = 11 225,85 €;
    with November 11 225,85 + 1 500 = 12 725,85 €), December is to come; not complete, and the Synthèse says so."""
    from datetime import date

    from openpyxl import load_workbook

    wb = load_workbook(WALLOON)
    paie = wb["Paie"]
    october = [[c.value for c in row] for row in paie.iter_rows(min_row=2) if row[1].value.date() == date(2026, 10, 1)]
    for month in (11, 12):
        for values in october:
            paie.append([values[0], values[1].replace(month=month), *values[2:]])
    book = tmp_path / "ahead.xlsx"
    wb.save(book)
    doc = json.loads(invoke(str(book), "--year", "2026", "--format", "json").stdout)
    sieg = [x for x in doc["lines"] if x["subsidy"] == "social_accompaniment" and x["basis"]["agrement_year"] == 3]
    assert [(x["basis"]["end"], x["basis"]["days"], x["amount"]) for x in sieg] == [("2026-11-30", 275, 18835.62)]
    w14 = [x["amount"] for x in doc["lines"] if x["worker_id"] == "W14" and x["basis"]["end"] == "2026-11-30"]
    assert w14 == [12725.85] and doc["complete"] is False
    out = tmp_path / "c.xlsx"
    assert invoke(str(book), "--year", "2026", "-o", str(out)).exit_code == 0
    rows = {r[0]: r[1] for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)}
    assert rows["Données"] == ("provisoire : calculée jusqu'au 2026-11-30 (fin du mois en cours, année en cours, "
                               "paie saisie d'avance jusqu'au 2026-12-31) ; les mois suivants, pas encore commencés, "
                               "se calculent avec leur paie une fois venus")


def _unknown_supervision_condition_sheets():
    """The test workbook twelve years earlier in Brussels (bruxelles-2004), 2012: supervisor 3 at 0,10 FTE,
    worker 1 (1 FTE) of unknown status (no `inscrit_dei`): the supervision share is 0,10 ÷ 0,10 = 100 % if worker
    1 is target, 0,10 ÷ 1,10 = 9,09 % < 10 % if not — the subsidies' condition unknown."""
    from helpers_workbook import moved_back, set_field, set_value, valid_sheets

    s = set_field(moved_back(valid_sheets(), 12), "region", "bruxelles")
    set_value(s, "Personnel", 1, "inscrit_dei", None)
    set_value(s, "Personnel", 3, "etp", 0.1)
    for row in (5, 6):   # worker 3's Paie rows
        set_value(s, "Paie", row, "etp", 0.1)
    return s


def test_the_claim_workbook_lists_the_workers_in_the_one_worker_order(tmp_path):
    """The test workbook's Personnel rows as ids 9, 10, 2, 1, 11 (in that row order), each registered, 30
    months without work, no diploma, hired 2024-01-01, paid all 2025: a target_worker line each for 2025. The
    JSON lines and the claim workbook's « Détail » (which follows them) go 1, 2, 9, 10, 11
    (``model.worker_order``; as text: 1, 10, 11, 2, 9)."""
    from datetime import date

    from openpyxl import load_workbook

    from helpers_workbook import valid_sheets, write_workbook

    ids = (9, 10, 2, 1, 11)
    sheets = valid_sheets()
    head, first = sheets["Personnel"][:2]
    sheets["Personnel"] = [head]
    for wid in ids:
        row = dict(zip(head, first))
        row.update(id_travailleur=wid, niss=None, date_entree=date(2024, 1, 1), type_contrat="CDI", diplome="aucun",
                   inscrit_dei="oui", mois_sans_emploi=30)
        sheets["Personnel"].append([row[h] for h in head])
    sheets["Paie"] = sheets["Paie"][:1] + [[wid, date(2025, m, 1), 1, 2000, 2800] for wid in ids for m in range(1, 13)]
    sheets["Suivi"] = sheets["Suivi"][:1]
    book = str(write_workbook(tmp_path / "ids.xlsx", sheets))
    order = IN_WORKER_ORDER
    doc = json.loads(invoke(book, "--year", "2025", "-f", "json").stdout)
    assert [x["worker_id"] for x in doc["lines"] if x["subsidy"] == "target_worker"] == order
    assert invoke(book, "--year", "2025", "-o", str(tmp_path / "claim.xlsx")).exit_code in (0, 1)
    detail = load_workbook(tmp_path / "claim.xlsx").worksheets[1]
    column = [c.value for c in detail[1]].index("worker_id")
    listed = [str(row[column]) for row in detail.iter_rows(min_row=2, values_only=True) if row[column] is not None]
    assert list(dict.fromkeys(listed)) == order


def test_totals_list_every_computed_subsidy_of_the_regime_even_with_nothing_due(tmp_path):
    """Subsidy audit (2026-12-01): `totals` (cli.md: « by subsidy ») listed only the subsidies with a line, so a script
    reading totals["target_worker"] failed in some years and not in others, and the « Totaux » table could not tell
    « nothing due » from « not examined ». The helpers' valid workbook (wallonie-2016, agrément 2021-03-01): in 2025
    no TD/TGD window meets the year (worker 1 hired 2022-01-10, its windows over; worker 2 gone 2024-06-30) and the
    SIEG bracket is not reached (< 8 TD/TGD) — target_worker 0,00 €, social_accompaniment 0,00 €, total 0,00 €; both
    listed, in the regime's order, in JSON, in the table and in the claim workbook's Synthèse. A subsidy that cannot be
    computed (bruxelles-2018's outline « compensation ») is not listed as a 0: it stays in `unknown`."""
    from openpyxl import load_workbook

    from helpers_workbook import valid_sheets, write_workbook

    path = write_workbook(tmp_path / "v.xlsx", valid_sheets())
    r = invoke(str(path), "--year", "2025", "--format", "json")
    doc = json.loads(r.stdout)
    assert list(doc["totals"].items()) == [("target_worker", 0), ("social_accompaniment", 0)] and doc["total"] == 0
    table = " ".join(invoke(str(path), "--year", "2025").stdout.split())
    assert "Travailleur du public cible │ 0,00 €" in table
    out = tmp_path / "claim.xlsx"
    assert invoke(str(path), "--year", "2025", "-o", str(out)).exit_code == 0
    ids = [row[1] for row in load_workbook(out)["Synthèse"].iter_rows(values_only=True) if len(row) > 2]
    assert ids.index("target_worker") < ids.index("social_accompaniment") < ids.index("total")
    brussels = json.loads(invoke(BRUSSELS, "--year", "2025", "--regime", "bruxelles-2018", "--format", "json").stdout)
    assert "compensation" not in brussels["totals"] and "compensation" in {u["subsidy"] for u in brussels["unknown"]}


def test_a_subsidy_not_computed_for_an_unknown_status_cites_the_target_public_definition(capsys, make_workbook,
                                                                                         workbook_sheets):
    """Worker 2 (hired 2023-03-01, a TGD's 24-month window to 2025-02-28) with `diplome` empty: status unknown, its
    2024 subsidy not computed. The unknown entry gave the missing column but cited nothing (reference, url and
    confidence null), where every other entry cites its parameter; it now cites the target-public definition the
    status is assessed under (wallonie-2016 `eligibility.definition`: Atout EI « Public cible », a secondary
    source), in the JSON and under --explain."""
    from helpers_cli import run_cli
    from helpers_workbook import set_value

    set_value(workbook_sheets, "Personnel", 2, "diplome", None)
    path = make_workbook(workbook_sheets)
    _, out, _ = run_cli(capsys, "subsidy", path, "--year", "2024", "--format", "json")
    (entry,) = json.loads(out)["unknown"]
    assert (entry["worker_id"], entry["missing"]) == ("2", ["diplome"])
    assert (entry["reference"], entry["url"], entry["confidence"]) == (
        "Atout EI, « Public cible »", "https://www.atoutei.be/-Public-cible-.html", "secondary")
    _, out, _ = run_cli(capsys, "subsidy", path, "--year", "2024", "--explain")
    assert "↳ Atout EI, « Public cible » (source secondaire)" in out
