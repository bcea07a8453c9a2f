"""The workbook ``ei init`` writes, and the fictitious samples (ei_cli.workbook.sample)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from stdnum.be import nn, vat

from ei_cli.periods import Month, add_months, completed_years
from ei_cli.workbook import schema
from ei_cli.workbook.sample import (
    build_brussels_sample,
    build_random_enterprise,
    build_walloon_sample,
    make_niss,
)
from ei_cli.workbook.template import README_SHEET, write_template

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {"ei-wallonie.xlsx": build_walloon_sample, "ei-bruxelles.xlsx": build_brussels_sample}


@pytest.fixture
def blank(tmp_path) -> Path:
    """The blank template, written on the tests' day (conftest's autouse pin, 2026-11-30): a fixture of the
    test's scope, so the pin is in place when it is built (a module-scoped one was built before it, on the
    machine's day)."""
    path = tmp_path / "ei-modele.xlsx"
    write_template(path)
    return path


@pytest.fixture(scope="module")
def walloon() -> dict:
    return build_walloon_sample()


@pytest.fixture(scope="module")
def brussels() -> dict:
    return build_brussels_sample()


def _validations(ws) -> dict[str, str]:
    """Column letter → list formula of the drop-downs on a sheet."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0].rstrip("0123456789")] = dv.formula1
    return out


# ------------------------------------------------------------------------------------ template
def test_blank_template_has_every_sheet_and_column_of_the_schema(blank):
    wb = load_workbook(blank)
    assert wb.sheetnames[0] == README_SHEET
    assert set(wb.sheetnames) == {README_SHEET} | {s.name for s in schema.SHEETS}
    ent = wb[schema.ENTERPRISE.name]
    assert [c.value for c in ent[1]] == ["champ", "valeur"]
    assert [r[0].value for r in ent.iter_rows(min_row=2)] == [c.name for c in schema.ENTERPRISE.columns]
    for sheet in (schema.STAFF, schema.PAYROLL, schema.FOLLOW_UP):
        ws = wb[sheet.name]
        assert [c.value for c in ws[1]] == [c.name for c in sheet.columns]
        assert ws.max_row == 1, "a blank data sheet holds its headers only"
        assert ws["A1"].font.bold


def test_blank_template_prefills_only_the_required_enterprise_fields(blank):
    values = {r[0].value: r[1].value for r in load_workbook(blank)["Entreprise"].iter_rows(min_row=2)}
    assert values["nom"] == "Mon entreprise d'insertion"
    assert values["region"] == "wallonie"
    assert values["date_agrement"].date() == date(2026, 1, 1)   # 1 January of the tests' day's year
    assert {k for k, v in values.items() if v is not None} == {
        c.name for c in schema.ENTERPRISE.columns if c.required}


def test_drop_downs_on_every_enum_and_boolean_column(blank):
    wb = load_workbook(blank)
    for sheet in (schema.STAFF, schema.PAYROLL, schema.FOLLOW_UP):
        ws = wb[sheet.name]
        lists = _validations(ws)
        for i, column in enumerate(sheet.columns, start=1):
            letter = ws.cell(row=1, column=i).column_letter
            if column.kind == schema.ENUM:
                assert lists[letter] == '"' + ",".join(column.choices) + '"', column.name
            elif column.kind == schema.BOOL:
                assert lists[letter] == '"oui,non"', column.name
            else:
                assert letter not in lists, column.name
        for dv in ws.data_validations.dataValidation:
            # The whole column (template audit, 2026-12-01: they stopped at row 1 000, which the Suivi sheet of
            # 30 workers followed passes in about four years).
            assert all(r.max_row == 1_048_576 for r in dv.sqref.ranges)
    ent = wb["Entreprise"]
    by_cell = {str(dv.sqref): dv.formula1 for dv in ent.data_validations.dataValidation}
    rows = {c.name: i for i, c in enumerate(schema.ENTERPRISE.columns, start=2)}
    assert by_cell[f"B{rows['region']}"] == '"wallonie,bruxelles"'
    assert by_cell[f"B{rows['finalite_sociale']}"] == '"oui,non"'


def test_the_round_table_is_in_the_suivi_drop_down_and_its_readme_line(blank):
    """Seed 002 task 10: the template's Suivi `type` list offered no way to record the annual round table.
    It now holds `table_ronde`, and the Lisez-moi line says where to record it and that it counts for
    nothing in the follow-up check."""
    wb = load_workbook(blank)
    ws = wb["Suivi"]
    letter = ws.cell(row=1, column=[c.value for c in ws[1]].index("type") + 1).column_letter
    assert "table_ronde" in _validations(ws)[letter].strip('"').split(",")
    rows = [tuple(c.value for c in r) for r in wb[README_SHEET].iter_rows()]
    (line,) = [r for r in rows if r[:2] == ("Suivi", "type")]
    assert "table_ronde" in line[3]
    assert "accompagnateur social" in line[4] and "ne compte pas dans le contrôle du suivi social" in line[4]


def test_the_readme_says_how_to_fill_inscrit_dei_under_wallonie_2003(blank):
    """rules.md §4.1: a 2003 DEDP is a registered job seeker, occupied or not; the column read only
    « inoccupé », so a registered job seeker working a few hours was marked `non` and lost the status. The
    Lisez-moi line and the header's comment now say what `oui` means under wallonie-2003."""
    wb = load_workbook(blank)
    rows = [tuple(c.value for c in r) for r in wb[README_SHEET].iter_rows()]
    (line,) = [r for r in rows if r[:2] == ("Personnel", "inscrit_dei")]
    assert "wallonie-2003 : oui pour tout demandeur d'emploi inscrit au FOREm, inoccupé ou non" in line[4]
    ws = wb["Personnel"]
    header = next(c for c in ws[1] if c.value == "inscrit_dei")
    assert "wallonie-2003" in header.comment.text


def test_frozen_headers_formats_and_widths(blank):
    wb = load_workbook(blank)
    for sheet in schema.SHEETS:
        assert wb[sheet.name].freeze_panes == "A2"
    staff, pay = wb["Personnel"], wb["Paie"]
    assert staff.column_dimensions["F"].number_format == "DD/MM/YYYY"     # date_entree
    assert pay.column_dimensions["B"].number_format == "MM/YYYY"          # mois
    assert "€" in pay.column_dimensions["D"].number_format                # salaire_brut
    assert all(staff.column_dimensions[c].width >= 10 for c in "ABCDEFGHIJ")


def test_readme_explains_every_sheet_and_column(blank):
    ws = load_workbook(blank)[README_SHEET]
    rows = [tuple(c.value for c in r) for r in ws.iter_rows()]
    text = "\n".join(" ".join(str(v) for v in r if v) for r in rows)
    for sheet in schema.SHEETS:
        for column in sheet.columns:
            assert (sheet.name, column.name) in {r[:2] for r in rows}, column.name
            assert column.help_fr in text
    for word in ("JJ/MM/AAAA", "oui", "virgule", "inconnu", "données personnelles", "Mon entreprise d'insertion"):
        assert word.lower() in text.lower()


def test_rows_are_written_with_their_types(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(path, enterprise={"nom": "X", "region": "bruxelles", "date_agrement": date(2020, 9, 1),
                                     "finalite_sociale": True, "chiffre_affaires": Decimal("1000.50")},
                   staff=[{"id_travailleur": "A1", "date_entree": date(2024, 1, 2), "etp": Decimal("0.5"),
                           "inscrit_dei": False, "niss": "02111420904"}],
                   payroll=[{"id_travailleur": "A1", "mois": date(2024, 1, 1), "etp": Decimal("0.5"),
                             "salaire_brut": Decimal("1075.25")}])
    wb = load_workbook(path)
    ent = {r[0].value: r[1].value for r in wb["Entreprise"].iter_rows(min_row=2)}
    assert ent["finalite_sociale"] == "oui" and ent["chiffre_affaires"] == 1000.5
    staff = wb["Personnel"]
    header = [c.value for c in staff[1]]
    row = dict(zip(header, (c.value for c in staff[2])))
    assert row["inscrit_dei"] == "non" and row["etp"] == 0.5 and row["niss"] == "02111420904"
    assert staff.cell(row=2, column=header.index("date_entree") + 1).number_format == "DD/MM/YYYY"
    assert wb["Paie"]["B2"].number_format == "MM/YYYY"


# ------------------------------------------------------------------------------------ samples
NO_CESS = {"aucun", "ceb", "cesi"}


def _assessed_on(w: dict) -> date:
    return w["date_premier_engagement_ei"] or w["date_entree"]


def walloon_category(w: dict) -> tuple[str | None, set[str]]:
    """rules.md §3.1: TGD = no CESS ∧ DEI ∧ ≥ 24 months; TD = no CESS ∧ DEI ∧ one of T1..T8."""
    if w["diplome"] not in NO_CESS or w["inscrit_dei"] is not True:
        return None, set()
    on = _assessed_on(w)
    age = completed_years(w["date_naissance"], on)
    reasons = {name for name, met in (
        ("months", w["mois_sans_emploi"] >= 6),
        ("age_18_24", 18 <= age <= 24),
        ("over_50", on > add_months(w["date_naissance"], 600)),
        ("single_parent", w["parent_isole"]),
        ("underrepresented_sex", w["sexe_sous_represente"]),
        ("ethnic_minority", w["minorite_ethnique"]),
        ("aviq", w["reconnaissance_aviq"]),
        ("former_art60", w["ancien_art60"]),
    ) if met}
    if w["mois_sans_emploi"] >= 24:
        return "TGD", reasons
    return ("TD", reasons) if reasons else (None, set())


def brussels_target(w: dict) -> bool:
    """rules.md §5.1: B1 ∨ B2 ∨ B3/B4 ∨ B5."""
    dei, months = w["inscrit_dei"] is True, w["mois_sans_emploi"] or 0
    return bool((dei and months >= 12 and w["diplome"] in NO_CESS) or (dei and months >= 60)
                or w["beneficiaire_ris"] or w["contrat_activation"])


def _monthly(sample: dict, select) -> dict[date, Decimal]:
    staff = {w["id_travailleur"]: w for w in sample["staff"]}
    out: dict[date, Decimal] = defaultdict(Decimal)
    for r in sample["payroll"]:
        if select(staff[r["id_travailleur"]]):
            out[r["mois"]] += r["etp"]
    return out


def test_walloon_sample_target_workers_by_criterion(walloon):
    cats = {w["id_travailleur"]: walloon_category(w) for w in walloon["staff"]}
    tgd = {i for i, (c, _) in cats.items() if c == "TGD"}
    td = {i for i, (c, _) in cats.items() if c == "TD"}
    assert tgd == {"W05", "W06", "W07", "W08", "W14"}
    assert td == {"W09", "W10", "W11", "W12", "W13"}
    assert cats["W09"][1] == {"over_50"}
    assert cats["W10"][1] == {"age_18_24"}
    assert cats["W11"][1] == {"months"}
    assert cats["W12"][1] == {"single_parent"}
    assert cats["W13"][1] == {"aviq"}
    staff = {w["id_travailleur"]: w for w in walloon["staff"]}
    assert all(24 <= staff[i]["mois_sans_emploi"] <= 60 for i in tgd)
    assert all(staff[i]["fonction"] == "production" for i in tgd | td)
    eligibility = [c.name for c in schema.STAFF.columns if c.kind == schema.BOOL] + ["diplome", "mois_sans_emploi",
                                                                                    "date_naissance"]
    for i in tgd | td:
        assert all(staff[i][name] is not None for name in eligibility), i
    functions = [w["fonction"] for w in walloon["staff"]]
    assert 15 <= len(functions) <= 17
    assert functions.count("direction") == functions.count("accompagnement_social") == 1
    assert staff["W02"]["diplome"] == "superieur"
    non_target_production = [w for w in walloon["staff"] if w["fonction"] == "production"
                             and w["type_contrat"] != "art60" and cats[w["id_travailleur"]][0] is None]
    assert 2 <= len(non_target_production) <= 3
    assert [w["id_travailleur"] for w in walloon["staff"] if w["type_contrat"] == "art60"] == ["W17"]


def test_walloon_sample_enterprise(walloon):
    e = walloon["enterprise"]
    assert e["region"] == "wallonie" and e["regime"] is None and e["date_agrement"] == date(2024, 3, 1)
    assert e["forme_juridique"] == "SC" and e["finalite_sociale"] is True
    assert 1_000_000 < e["chiffre_affaires"] < 1_500_000 and 600_000 < e["total_bilan"] < 1_000_000
    assert vat.is_valid(e["numero_bce"]) and len(e["numero_bce"]) == 10


def test_walloon_sample_movements_and_part_time(walloon):
    staff = {w["id_travailleur"]: w for w in walloon["staff"]}
    assert staff["W14"]["date_entree"] == date(2025, 3, 17)
    assert [i for i, w in staff.items() if w["date_sortie"]] == ["W08"]
    assert staff["W08"]["date_sortie"] == date(2025, 6, 30)
    w12 = {r["mois"]: r["etp"] for r in walloon["payroll"] if r["id_travailleur"] == "W12"}
    assert w12[date(2025, 8, 1)] == Decimal("0.5") and w12[date(2025, 9, 1)] == Decimal("0.8")
    w14 = {r["mois"]: r["etp"] for r in walloon["payroll"] if r["id_travailleur"] == "W14"}
    assert w14[date(2025, 3, 1)] == Decimal("0.48")  # 15 days of 31
    assert max(r["mois"] for r in walloon["payroll"] if r["id_travailleur"] == "W08") == date(2025, 6, 1)


def test_walloon_sample_payroll_rows(walloon):
    pairs = [(r["id_travailleur"], r["mois"]) for r in walloon["payroll"]]
    assert len(pairs) == len(set(pairs))
    months = sorted({m for _, m in pairs})
    assert months[0] == date(2024, 3, 1) and months[-1] == date(2026, 10, 1) and len(months) == 32
    for w in walloon["staff"]:
        paid = {m for i, m in pairs if i == w["id_travailleur"]}
        expected = {m for m in months
                    if m <= (w["date_sortie"] or date.max) and Month.of(w["date_entree"]).first_day <= m}
        assert paid == expected, w["id_travailleur"]
    per_fte = [r["salaire_brut"] / r["etp"] for r in walloon["payroll"]]
    assert max(per_fte) / min(per_fte) < Decimal("2.6")
    for r in walloon["payroll"]:
        assert Decimal("1.29") <= r["cout_salarial"] / r["salaire_brut"] <= Decimal("1.36")
        assert abs(r["heures"] - Decimal("164.67") * r["etp"]) < Decimal("0.01")
        assert 0 < r["etp"] <= 1


def test_walloon_sample_quota_met_every_month(walloon):
    under_contract = _monthly(walloon, lambda w: w["type_contrat"] != "art60")
    target = _monthly(walloon, lambda w: walloon_category(w)[0] is not None)
    shares = {m: target[m] / under_contract[m] for m in under_contract}
    assert min(shares.values()) >= Decimal("0.55")


def test_walloon_sample_employment_conditions(walloon):
    for w in walloon["staff"]:
        if walloon_category(w)[0] is None:
            continue
        assert w["type_contrat"] == "CDI" or (
            w["type_contrat"] == "CDD" and w["date_cdi"] <= add_months(w["date_entree"], 6)), w["id_travailleur"]
        assert w["etp"] >= Decimal("0.5")
    for r in walloon["payroll"]:
        if r["id_travailleur"] == "W12":
            assert r["etp"] >= Decimal("0.5")


def test_walloon_sample_follow_up(walloon):
    staff = {w["id_travailleur"]: w for w in walloon["staff"]}
    followed = {i for i, w in staff.items() if walloon_category(w)[0] or w["type_contrat"] == "art60"}
    actions = defaultdict(list)
    for r in walloon["follow_up"]:
        actions[r["id_travailleur"]].append(r)
    assert set(actions) == followed
    end = date(2026, 10, 31)
    for i in followed:
        w, rows = staff[i], actions[i]
        hire, leave = w["date_entree"], min(w["date_sortie"] or end, end)
        assert all(hire <= r["date"] <= leave for r in rows), i
        within_3_months = {r["type"] for r in rows if r["date"] <= add_months(hire, 3)}
        assert {"bilan", "plan_formation"} <= within_3_months, i
        interviews = {(r["date"].year, (r["date"].month - 1) // 3) for r in rows
                      if r["type"] in ("entretien_individuel", "entretien_collectif")}
        m = Month.of(hire)
        while m.first_day <= leave:
            assert (m.year, (m.month - 1) // 3) in interviews, (i, m)
            m = Month.of(add_months(m.first_day, 3))
        assert any(r["type"] == "formation" and r["heures"] for r in rows), i
    assert any(r["type"] == "validation_competences" for r in walloon["follow_up"])
    assert all(r["date"].weekday() < 5 for r in walloon["follow_up"])


@pytest.mark.parametrize("build", [build_walloon_sample, build_brussels_sample])
def test_sample_national_numbers_are_valid(build):
    staff = build()["staff"]
    numbers = [w["niss"] for w in staff]
    assert len(set(numbers)) == len(numbers)
    for w in staff:
        assert nn.is_valid(w["niss"]), w["id_travailleur"]
        assert nn.get_birth_date(w["niss"]) == w["date_naissance"]
        assert w["nom"] and w["prenom"]
    assert any(w["date_naissance"].year >= 2000 for w in staff)


def test_niss_generator_follows_the_2000_rule():
    assert make_niss(date(1985, 7, 30), 33) == "85073003328"  # 97 − 850730033 mod 97 = 28
    assert nn.is_valid(make_niss(date(2002, 11, 14), 209))
    assert not nn.is_valid(make_niss(date(2002, 11, 14), 209)[:-2] + "00")


def test_brussels_sample(brussels):
    e = brussels["enterprise"]
    assert e["region"] == "bruxelles" and e["date_agrement"] == date(2020, 9, 1)
    assert vat.is_valid(e["numero_bce"])
    assert 10 <= len(brussels["staff"]) <= 14
    targets = {w["id_travailleur"] for w in brussels["staff"] if brussels_target(w)}
    assert targets == {"B05", "B06", "B07", "B08", "B09", "B10"}
    months = sorted({r["mois"] for r in brussels["payroll"]})
    assert months[0] == date(2024, 1, 1) and months[-1] == date(2026, 10, 1)
    target_fte = _monthly(brussels, brussels_target)
    supervision = _monthly(brussels, lambda w: w["fonction"] == "encadrement")
    production = _monthly(brussels, lambda w: w["fonction"] == "production")
    target_production = _monthly(brussels, lambda w: w["fonction"] == "production" and brussels_target(w))
    for m in months:
        assert target_fte[m] >= 4 and supervision[m] >= 1, m
        assert target_production[m] / production[m] >= Decimal("0.3"), m
    per_fte = [r["salaire_brut"] / r["etp"] for r in brussels["payroll"]]
    assert max(per_fte) / min(per_fte) < 4
    assert {r["id_travailleur"] for r in brussels["follow_up"]} <= targets
    assert len(brussels["follow_up"]) >= 20


def test_samples_are_deterministic():
    assert build_walloon_sample() == build_walloon_sample()
    assert build_brussels_sample() == build_brussels_sample()
    assert build_walloon_sample(seed=1)["staff"] != build_walloon_sample()["staff"]


def test_random_enterprise_for_benchmarks():
    s = build_random_enterprise(seed=3, n_workers=60, months=12, region="bruxelles", end_year=2025)
    assert len(s["staff"]) == 60 and s["enterprise"]["region"] == "bruxelles"
    assert {r["mois"] for r in s["payroll"]} <= {date(2025, m, 1) for m in range(1, 13)}
    assert all(nn.is_valid(w["niss"]) for w in s["staff"])
    assert s == build_random_enterprise(seed=3, n_workers=60, months=12, region="bruxelles", end_year=2025)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_committed_sample_files_match_the_builders(name):
    path = ROOT / "sample_data" / name
    sample = SAMPLES[name]()
    wb = load_workbook(path)
    ws = wb["Personnel"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    assert [r["id_travailleur"] for r in rows] == [w["id_travailleur"] for w in sample["staff"]]
    assert [r["niss"] for r in rows] == [w["niss"] for w in sample["staff"]]
    assert wb["Paie"].max_row - 1 == len(sample["payroll"])
    assert wb["Suivi"].max_row - 1 == len(sample["follow_up"])


# ------------------------------------------------------------------------------------ reader
def _read_workbook():
    try:
        from ei_cli.workbook import read_workbook
    except ImportError:
        pytest.skip("the workbook reader is not there yet")
    return read_workbook


@pytest.mark.parametrize("name", ["blank", *sorted(SAMPLES)])
def test_template_and_samples_read_without_error(name, blank):
    read_workbook = _read_workbook()
    path = blank if name == "blank" else ROOT / "sample_data" / name
    result = read_workbook(path)
    errors = [p for p in result.problems if p.is_error]
    assert not errors, [p.message.fr for p in errors]
    assert result.enterprise is not None
    if name != "blank":
        sample = SAMPLES[name]()
        assert len(result.enterprise.workers) == len(sample["staff"])
        assert len(result.enterprise.pay) == len(sample["payroll"])
        assert len(result.enterprise.follow_ups) == len(sample["follow_up"])


def test_a_blank_templates_placeholder_agrement_is_in_the_year_of_periods_today(monkeypatch):
    """The placeholder `date_agrement` of a blank template is 1 January of today's year — `periods.today` (one
    notion of today, which tests pin), not the machine's `date.today()`."""
    from ei_cli import periods
    from ei_cli.workbook.template import default_enterprise

    monkeypatch.setattr(periods, "today", lambda: date(2031, 5, 4))
    assert default_enterprise()["date_agrement"] == date(2031, 1, 1)
