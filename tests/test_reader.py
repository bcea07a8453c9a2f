"""Reader details behind the corpus: sheet extents, formulas, sniffing, value conventions.

The broken-input corpus itself is in test_corpus.py; these are the small pieces it relies on, each
with the expected figure computed by hand in the docstring or the assertion.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))

import make_corpus  # noqa: E402
from make_corpus import ods_bytes, sheet_xml  # noqa: E402

from ei_cli.workbook import ooxml, read_workbook  # noqa: E402
from ei_cli.workbook.cells import (Invalid, shown, to_bool, to_money, to_month, to_niss, to_number,  # noqa: E402
                                   to_quantity)
from ei_cli.workbook.sniff import sniff  # noqa: E402
from helpers_cli import run_cli  # noqa: E402
from helpers_workbook import (add_column, column_of, drop_column, drop_field, niss, rename_column,  # noqa: E402
                              set_field, set_value, valid_sheets, write_workbook, zip_of)




def test_extent_counts_only_cells_with_a_value():
    """Rows 1-3 × columns A-C hold values; C50 is formatting only (self-closed): extent 3 × 3."""
    xml = sheet_xml([["a", "b", "c"], [1, None, 2], [None, None, "z"]],
                    extra_rows='<row r="50"><c r="C50" s="1"/><c r="AA50" s="2"/></row>')
    assert ooxml.sheet_extent(zip_of("s.xml", xml), "s.xml") == (3, 3)


def test_extent_without_addresses_follows_positions():
    """No r= on cells: row 1 has 2 cells (B is column 2); row 7 (r="7") has 4 cells → 7 × 4."""
    xml = (b'<worksheet><sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>'
           b'<row r="7"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>'
           b"</sheetData></worksheet>")
    assert ooxml.sheet_extent(zip_of("s.xml", xml), "s.xml") == (7, 4)


def test_extent_fast_and_slow_paths_agree():
    xml = sheet_xml([["id", None, "x"], [None, 5, None], ["a", "b", "c", "d"]])
    archive = zip_of("s.xml", xml)
    assert ooxml._extent_by_refs(archive, "s.xml") == ooxml._extent_by_position(archive, "s.xml") == (3, 4)


def test_extent_of_a_far_cell():
    """XFD is column 16384 (26² × 24 + 26 × 6 + 4 = 16 384)."""
    xml = sheet_xml([["a"]], extra_rows='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    assert ooxml.sheet_extent(zip_of("s.xml", xml), "s.xml") == (1_048_576, 16_384)


def test_single_quotes_and_spaces_around_equals_are_read_like_double_quotes():
    """XML allows ``r='B3'`` and ``r = "B3"``: the extent (3 × 2), the error cell B2 = (1, 1) and the
    sheet's part are found as with ``r="B3"``."""
    xml = (b"<worksheet><sheetData><row r='1'><c r='A1'><v>1</v></c></row>"
           b"<row r = '2'><c r = 'B2' t = 'e'><v>#REF!</v></c></row>"
           b"<row r='3'><c r='B3'><v>2</v></c></row></sheetData></worksheet>")
    archive = zip_of("s.xml", xml)
    assert ooxml.sheet_extent(archive, "s.xml") == (3, 2)
    assert ooxml.error_cells(archive, ["S"], {"S": "s.xml"}).errors == {"S": {(1, 1): "#REF!"}}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", b"<workbook><sheets><sheet name='Paie' sheetId='1' r:id = 'rId3'/>"
                                      b"</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", b"<Relationships><Relationship Id='rId3' "
                                                b"Target='worksheets/sheet3.xml'/></Relationships>")
    assert ooxml.sheet_parts(zipfile.ZipFile(buf)) == {"Paie": "xl/worksheets/sheet3.xml"}


def test_a_sheet_whose_part_is_not_found_is_measured_all_the_same(tmp_path, monkeypatch):
    """Fail closed: if workbook.xml is written in a way ``sheet_parts`` does not follow, every XML
    member is measured and the largest extent (here XFD1048576) stops the read before calamine."""
    path = tmp_path / "far.xlsx"
    make_corpus.stray_far_cell(path)
    monkeypatch.setattr(ooxml, "sheet_parts", lambda archive, inflated=None: {})
    codes = {p.code for p in read_workbook(path).problems}
    assert "sheet_too_large" in codes


def test_the_fail_closed_measure_is_taken_once_for_all_sheets(tmp_path, monkeypatch):
    """Every sheet's part unknown: the XML members are measured once (one call each), not once per sheet."""
    path = tmp_path / "ok.xlsx"
    path.write_bytes(make_corpus.valid_bytes())
    members = [n for n in zipfile.ZipFile(path).namelist() if n.endswith(".xml")]
    calls = []
    real = ooxml.sheet_extent
    monkeypatch.setattr(ooxml, "sheet_parts", lambda archive, inflated=None: {})
    monkeypatch.setattr(ooxml, "sheet_extent", lambda *a: calls.append(a[1]) or real(*a))
    assert read_workbook(path).enterprise is not None
    assert sorted(calls) == sorted(members)


def test_ods_extents_ignore_repeated_empty_rows():
    """Header (2 cells) + 3 repeated rows of 2 valued cells → 4 × 2; 1 048 571 empty rows ignored."""
    rows = ('<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>b</text:p></table:table-cell></table:table-row>'
            '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2" '
            'office:value-type="float" office:value="1"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048571"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row>')
    archive = zipfile.ZipFile(io.BytesIO(ods_bytes({"Paie": rows, "Vide": ""})))
    assert ooxml.ods_scan(archive).extents == {"Paie": (4, 2), "Vide": (0, 0)}


def test_ods_extents_read_any_quoting_and_keep_the_larger_of_two_sheets_under_one_name():
    """The header row (2 cells) + a row written ``table:number-rows-repeated = '5'`` of a cell repeated
    ``'3'`` times → 6 × 3, as with double quotes. Two tables both named '' (an empty name, single
    quotes): 6 × 3 and 1 × 1 → the larger, 6 × 3, not the last one read."""
    rows = ('<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>b</text:p></table:table-cell></table:table-row>'
            "<table:table-row table:number-rows-repeated = '5'><table:table-cell "
            "table:number-columns-repeated='3' office:value-type = 'float' office:value='1'/></table:table-row>")
    one = '<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
    content = ods_bytes({"Paie": rows, "Autre": one})
    with zipfile.ZipFile(io.BytesIO(content)) as src:
        xml = src.read("content.xml")
    assert ooxml.ods_scan(None, xml).extents == {"Paie": (6, 3), "Autre": (1, 1)}
    unnamed = xml.replace(b'table:name="Paie"', b"table:name=''").replace(b'table:name="Autre"', b"table:name=''")
    assert ooxml.ods_scan(None, unnamed).extents == {"": (6, 3)}


def test_formula_cells(tmp_path):
    """D2 is a formula without value, D3 an error, D4 a formula with its value (fine)."""
    xml = sheet_xml([["a"], ["b"], ["c"], ["d"]], raw_cells={"D2": '<c r="D2"><f>1+1</f></c>',
                                        "D3": '<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
                                        "D4": '<c r="D4"><f>1+1</f><v>2</v></c>'})
    data = make_corpus.rezip(make_corpus.valid_bytes(), replace={make_corpus.PART["Paie"]: xml})
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert ooxml.error_cells(archive, ["Paie"]).errors == {"Paie": {(1, 3): None, (2, 3): "#DIV/0!"}}


@pytest.mark.parametrize("empty", ["<v/>", "<v />"])
def test_an_empty_text_formula_as_excel_saves_it_is_an_empty_cell(tmp_path, empty):
    """Excel saves a formula whose result is "" (=SIERREUR(RECHERCHEV(…);""), =SI(…;"";…)) as ``t="str"``
    with a self-closed ``<v/>`` (saving it again writes ``<v/>`` again): Personnel G2 (date_sortie) is then
    empty (no exit), not a formula without value, and Paie rows 8 and 9, prepared for months to come with
    such a formula in each of their 5 cells, are empty rows, skipped: 3 workers, 6 pay rows, no problem."""
    def formula(ref, f):
        return f'<c r="{ref}" s="1" t="str"><f>{f}</f>{empty}</c>'

    staff = sheet_xml(make_corpus.valid_sheets()["Personnel"],
                      raw_cells={"G2": formula("G2", 'IFERROR(VLOOKUP(A2,Sorties!A:B,2,FALSE),"")')})
    prepared = "".join(f'<row r="{r}">' + "".join(formula(f"{c}{r}", f'IF(Saisie!{c}{r}="","",Saisie!{c}{r})')
                                                   for c in "ABCDE") + "</row>" for r in (8, 9))
    pay = sheet_xml(make_corpus.valid_sheets()["Paie"], extra_rows=prepared)
    data = make_corpus.excel_saved({"Personnel": staff, "Paie": pay})
    assert ooxml.error_cells(zipfile.ZipFile(io.BytesIO(data)), ["Personnel", "Paie"]).errors == {}
    path = tmp_path / "excel.xlsx"
    path.write_bytes(data)
    result = read_workbook(path)
    assert result.problems == ()
    assert (len(result.enterprise.workers), len(result.enterprise.pay)) == (3, 6)
    assert result.enterprise.workers[0].exit_date is None


@pytest.mark.parametrize("calc, asks", [
    ('<calcPr calcId="124519" fullCalcOnLoad="1"/>', True),       # openpyxl, XlsxWriter
    ("<calcPr fullCalcOnLoad = 'true' calcId='0'/>", True),
    ('<x:calcPr fullCalcOnLoad="on"></x:calcPr>', True),
    ('<calcPr calcId="191029" fullCalcOnLoad="0"/>', False),
    ('<calcPr fullCalcOnLoad="false"/>', False),
    ('<calcPr calcId="191029"/>', False),                        # Excel
    ("", False),                                                 # no calcPr at all
])
def test_recalculated_on_load_reads_full_calc_on_load(calc, asks):
    """workbook.xml's ``<calcPr fullCalcOnLoad>``, an xsd:boolean: 1, true (and on) ask for a recalculation."""
    xml = f"<workbook><sheets/>{calc}</workbook>".encode()
    assert ooxml.recalculated_on_load(zip_of("xl/workbook.xml", xml)) is asks


def _paie_costs_as_formulas(cached: str, rows=range(2, 8)) -> bytes:
    """Paie's cout_salarial (E2:E7, or ``rows``) written as formulas =D×1,32 storing ``cached`` as their value."""
    return sheet_xml(make_corpus.valid_sheets()["Paie"],
                     raw_cells={f"E{r}": f"<c r=\"E{r}\"><f>D{r}*1.32</f>{cached}</c>" for r in rows})


def test_formulas_storing_zero_in_a_workbook_to_recalculate_are_warned_once_per_sheet(tmp_path):
    """XlsxWriter stores 0 as every formula's value and sets fullCalcOnLoad="1" so that Excel computes them
    on opening. Paie's 6 cout_salarial formulas storing 0 there: one warning, at the sheet's first such
    cell E2, counting 6 cells; the workbook stays valid (Excel may keep the flag too) and the costs are
    read as stored, 0. An empty text value (``t="str"``, ``<v/>``) counts the same; a value that is not 0
    or empty (2 100,50) does not. One such cell (E2 alone) is said in the singular: « 1 cellule … a pour
    valeur … (en E2) … cette valeur », « 1 formula cell of the sheet stores » (it said « 1 cellule(s) … ont »)."""
    path = tmp_path / "xlsxwriter.xlsx"
    path.write_bytes(make_corpus.rezip(make_corpus.valid_bytes(),
                                       replace={make_corpus.PART["Paie"]: _paie_costs_as_formulas("<v>0</v>")}))
    result = read_workbook(path)
    assert [(p.code, p.severity, p.sheet, p.cell) for p in result.problems] == [
        ("formula_not_recalculated", "warning", "Paie", "E2")]
    message = result.problems[0].message
    assert message.fr.startswith("6 cellules à formule de la feuille ont pour valeur enregistrée 0 ou vide "
                                 "(la première en E2)")
    assert "ces valeurs n'ont peut-être jamais été calculées" in message.fr
    assert "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le avant de relancer ei." in message.fr
    assert message.en.startswith("6 formula cells of the sheet store 0 or an empty value (the first at E2)")
    path.write_bytes(make_corpus.rezip(make_corpus.valid_bytes(), replace={
        make_corpus.PART["Paie"]: _paie_costs_as_formulas("<v>0</v>", rows=[2])}))
    (one,) = read_workbook(path).problems
    assert one.message.fr.startswith("1 cellule à formule de la feuille a pour valeur enregistrée 0 ou vide (en E2), "
                                     "et le classeur demande à être recalculé à son ouverture : cette valeur n'a "
                                     "peut-être jamais été calculée")
    assert one.message.en.startswith("1 formula cell of the sheet stores 0 or an empty value (at E2)")
    assert {m.wage_cost for m in result.enterprise.pay} == {0}
    staff = sheet_xml(make_corpus.valid_sheets()["Personnel"],
                      raw_cells={"G3": '<c r="G3" t="str"><f>""</f><v/></c>',
                                 "G4": '<c r="G4"><f>1+1</f><v>2100.5</v></c>'})
    archive = zipfile.ZipFile(io.BytesIO(
        make_corpus.rezip(make_corpus.valid_bytes(), replace={make_corpus.PART["Personnel"]: staff})))
    assert ooxml.error_cells(archive, ["Personnel"], placeholders=True).placeholders == {"Personnel": [(2, 6)]}


def test_formulas_storing_zero_are_not_warned_without_the_recalculation_flag(tmp_path):
    """The same 6 formulas storing 0 in a workbook saved by Excel (no fullCalcOnLoad): 0 is what Excel
    computed, no formula warning — only each cost's own, a cost of 0 beside a gross paid (zero_wage_cost,
    one per worker); nor in the openpyxl fixture, which sets the flag but holds no formula."""
    path = tmp_path / "excel.xlsx"
    path.write_bytes(make_corpus.excel_saved({"Paie": _paie_costs_as_formulas("<v>0</v>")}))
    assert [(p.code, p.cell) for p in read_workbook(path).problems] == [
        ("zero_wage_cost", "E2"), ("zero_wage_cost", "E4"), ("zero_wage_cost", "E6")]
    path.write_bytes(make_corpus.valid_bytes())
    assert read_workbook(path).problems == ()


# An error cell as LibreOffice Calc saves it (its own form, not Excel's ``t="e"``).
_CALCEXT = 'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'


def _lo_error(shown: str, repeat: int = 1) -> str:
    cols = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (f'<table:table-cell table:formula="of:=1/0"{cols} office:value-type="string" office:string-value="" '
            f'calcext:value-type="error"><text:p>{shown}</text:p></table:table-cell>')


def _ods_cell(value) -> str:
    if isinstance(value, date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
                "</table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{make_corpus._esc(str(value))}</text:p>'
            "</table:table-cell>")


def _ods_row_of(*values) -> str:
    return f"<table:table-row>{''.join(_ods_cell(v) for v in values)}</table:table-row>"


def _ods_workbook(sheets: dict, cells: dict | None = None) -> bytes:
    """``sheets`` (as ``helpers_workbook`` describes them) saved as LibreOffice saves an .ods: typed cells,
    a run of empty cells written once with its repeat count, the million empty rows at the end.
    ``cells``: {(sheet, "D3"): a cell's XML} put in place of the value there."""
    tables = {}
    for title, rows in sheets.items():
        xml = []
        for r, row in enumerate(rows):
            out, empty = [], 0
            for c, value in enumerate(row):
                raw = (cells or {}).get((title, f"{make_corpus._col(c)}{r + 1}"))
                if raw is None and value is None:
                    empty += 1
                    continue
                if empty:
                    out.append(f'<table:table-cell table:number-columns-repeated="{empty}"/>')
                    empty = 0
                out.append(raw or _ods_cell(value))
            xml.append(f"<table:table-row>{''.join(out)}</table:table-row>")
        xml.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                   'table:number-columns-repeated="1024"/></table:table-row>')
        tables[title] = "".join(xml)
    data = ods_bytes(tables)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        content = src.read("content.xml").replace(b"xmlns:text=", _CALCEXT.encode() + b" xmlns:text=", 1)
    return make_corpus.rezip(data, replace={"content.xml": content})


def test_ods_error_cells_are_formula_errors_as_in_an_xlsx(tmp_path):
    """calamine reads a LibreOffice error cell (``calcext:value-type="error"``) as an empty cell: errors in
    optional columns gave « valide », one in a required column « valeur obligatoire manquante ». The same
    five errors written in an .ods and in an .xlsx now give the same ``formula_error`` problems, at the same
    cells with the same messages: Entreprise B9 (chiffre_affaires, the 8th field), Personnel N2
    (mois_sans_emploi, optional) and M3 (inscrit_dei, optional), Paie E2 (cout_salarial, optional) and D3
    (salaire_brut, required). Personnel J4 (etp) is written with ``office:value-type="float"
    office:value="0"`` beside the error mark, which calamine read as 0: an error too, not an etp of 0."""
    errors = {("Entreprise", "B9"): "#NAME?", ("Personnel", "N2"): "#DIV/0!", ("Personnel", "M3"): "#N/A",
              ("Personnel", "J4"): "#DIV/0!", ("Paie", "E2"): "#REF!", ("Paie", "D3"): "#VALUE!"}
    cells = {where: _lo_error(shown) for where, shown in errors.items()}
    cells[("Personnel", "J4")] = _lo_error("#DIV/0!").replace('office:value-type="string" office:string-value=""',
                                                              'office:value-type="float" office:value="0"')
    ok, ods = tmp_path / "ok.ods", tmp_path / "x.ods"
    ok.write_bytes(_ods_workbook(valid_sheets()))
    ods.write_bytes(_ods_workbook(valid_sheets(), cells))
    assert read_workbook(ok).valid
    xlsx = write_workbook(tmp_path / "x.xlsx", valid_sheets(), cells=errors)

    def problems(path):
        return [(p.code, p.sheet, p.cell, p.message.fr, p.message.en) for p in read_workbook(path).problems]

    found = problems(ods)
    assert found == problems(xlsx)
    assert [(code, sheet, cell) for code, sheet, cell, _, _ in found] == [
        ("formula_error", "Entreprise", "B9"), ("formula_error", "Personnel", "N2"),
        ("formula_error", "Personnel", "M3"), ("formula_error", "Personnel", "J4"),
        ("formula_error", "Paie", "E2"), ("formula_error", "Paie", "D3")]
    assert "« mois_sans_emploi » (travailleur 1) : la formule de la cellule donne une erreur (#DIV/0!)" in found[1][3]


def test_an_ods_formula_without_its_value_is_one_as_in_an_xlsx(tmp_path):
    """ods/xlsx audit (2026-12-01): a program writing formulas without computing them saves an .ods cell
    ``<table:table-cell table:formula="of:=DATE(2024;12;31)"/>`` — no value type, no value — which calamine reads
    as an empty cell: Personnel G2 (date_sortie) read as « still employed », Paie E2 (cout_salarial) as unknown,
    and « valide »; Paie C3 (etp, required) as « valeur obligatoire manquante ». The same cells in an .xlsx
    (``<c><f>…</f></c>``, no ``<v>``) are ``formula_without_value``: now the .ods gives those three, at the same
    cells with the same messages. A formula with its value (``office:value-type``) stays a value."""
    def bare(formula):
        return f'<table:table-cell table:formula="of:={formula}"/>'

    cells = {("Personnel", "G2"): bare("DATE(2024;12;31)"), ("Paie", "E2"): bare("[.D2]*1.32"),
             ("Paie", "C3"): bare("1/2")}
    cells[("Paie", "D2")] = ('<table:table-cell table:formula="of:=1000*2" office:value-type="float" '
                             'office:value="2000"><text:p>2000</text:p></table:table-cell>')
    ods = tmp_path / "x.ods"
    ods.write_bytes(_ods_workbook(valid_sheets(), cells))
    found = [(p.code, p.sheet, p.cell) for p in read_workbook(ods).problems]
    assert found == [("formula_without_value", "Personnel", "G2"), ("formula_without_value", "Paie", "E2"),
                     ("formula_without_value", "Paie", "C3")]
    assert all("la cellule contient une formule sans valeur calculée" in p.message.fr
               for p in read_workbook(ods).problems)


def test_ods_scan_lists_error_cells_at_their_place(monkeypatch):
    """Positions follow the repeat counts and covered cells: row 1 holds A1 (error), B1-D1 (one cell
    repeated 3 times, errors), E1 (covered, error), F1 (text); row 2 is repeated twice with B2 and B3 in
    error. The error shown is the paragraph's (#N/A…), else the string value, else « #ERREUR » — and
    never a user's text (a national number in the paragraph is not quoted). With blocks of 64 bytes a
    cell's paragraph opens the next block: it is read all the same."""
    row1 = (_lo_error("#N/A") + _lo_error("#REF!", repeat=3)
            + '<table:covered-table-cell office:value-type="string" office:string-value="Err:502" '
              'calcext:value-type="error"/>' + _ods_cell("x"))
    row2 = ('<table:table-row table:number-rows-repeated="2"><table:table-cell/>'
            + _lo_error("85.10.03-746.49") + "</table:table-row>")
    content = ods_bytes({"S": f"<table:table-row>{row1}</table:table-row>{row2}", "T": _ods_row_of("ok")})
    with zipfile.ZipFile(io.BytesIO(content)) as src:
        xml = src.read("content.xml")
    expected = {(0, 0): "#N/A", (0, 1): "#REF!", (0, 2): "#REF!", (0, 3): "#REF!", (0, 4): "Err:502",
                (1, 1): "#ERREUR", (2, 1): "#ERREUR"}
    assert ooxml.ods_scan(None, xml) == ({"S": (3, 6), "T": (1, 1)}, {"S": expected})
    monkeypatch.setattr(ooxml, "_CHUNK", 64)
    assert ooxml.ods_scan(None, xml) == ({"S": (3, 6), "T": (1, 1)}, {"S": expected})


def test_an_error_cell_repeated_a_billion_times_is_listed_within_a_bound(tmp_path):
    """One error cell repeated 1 000 000 rows × 1 000 columns (10⁹ cells, 1 000 × the 5 000 000 allowed):
    the scan lists at most ``MAX_ODS_ERROR_CELLS`` of them (so its memory stays bounded) and the sheet is
    refused as too large before calamine opens it."""
    rows = _ods_row_of("id_travailleur", "date_entree") + (
        '<table:table-row table:number-rows-repeated="1000000">' + _lo_error("#REF!", repeat=1000)
        + "</table:table-row>")
    data = ods_bytes({"Personnel": rows})
    scan = ooxml.ods_scan(zipfile.ZipFile(io.BytesIO(data)))
    assert scan.extents == {"Personnel": (1_000_001, 1_000)}
    assert len(scan.errors["Personnel"]) == ooxml.MAX_ODS_ERROR_CELLS
    path = tmp_path / "x.ods"
    path.write_bytes(data)
    assert "sheet_too_large" in {p.code for p in read_workbook(path).problems}


def test_sniff_refuses_a_lying_zip_directory(tmp_path):
    path = tmp_path / "b.xlsx"
    make_corpus.lying_zip_bomb(path)
    assert [p.code for p in sniff(path, str(path)).problems] == ["corrupt_file"]


def test_sniff_accepts_the_valid_workbook(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(make_corpus.valid_bytes())
    s = sniff(path, str(path))
    assert s.kind == "xlsx" and not s.problems


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes")
def test_a_pipe_is_read_as_the_workbook_it_carries(tmp_path):
    """``ei check <(cat a.xlsx)`` (process substitution) or a named pipe: a pipe's st_size is 0 whatever it
    carries, and the old code called it « Le fichier est vide (0 octet) ». Only a regular file is judged by
    its size; a pipe is read (the reader works on the bytes in memory) and gives the workbook it carries. A
    pipe that gives nothing says so, as a pipe."""
    import os
    import threading

    data = write_workbook(tmp_path / "a.xlsx", valid_sheets()).read_bytes()
    pipe = tmp_path / "tube"
    for sent in (data, b""):
        os.mkfifo(pipe)
        writer = threading.Thread(target=pipe.write_bytes, args=(sent,))
        writer.start()
        result = read_workbook(pipe)
        writer.join(timeout=1)
        if writer.is_alive():  # the pipe was never opened (the old code): let the writer end
            pipe.read_bytes()
            writer.join()
        pipe.unlink()
        if sent:
            assert result.valid and len(result.enterprise.workers) == 3, result.problems
        else:
            assert [(p.code, p.message.fr) for p in result.problems] == [
                ("empty_file", "Rien n'a été lu : ce tube (ou ce périphérique) n'a donné aucun octet.")]


def test_excel_s_lock_file_is_named_as_such(tmp_path):
    """``~$staff.xlsx``, Excel's lock file beside ``staff.xlsx`` while it is open (165 bytes: the length of
    the user's name, the name, spaces; never a zip), given to ei: its own problem, ``excel_lock_file``,
    naming the workbook open in Excel — the old one was ``not_a_zip``, whose advice (« c'est peut-être un
    fichier texte ou CSV renommé ») sent the user the wrong way. The user's name it holds is never quoted.
    A ``~$`` file that is a zip is read as any workbook; a larger text file is still ``not_a_zip``."""
    lock = tmp_path / "~$staff.xlsx"
    lock.write_bytes(bytes([12]) + b"Marie Dupont".ljust(164, b" "))
    [problem] = sniff(lock, str(lock)).problems
    assert (problem.code, problem.file, problem.sheet) == ("excel_lock_file", str(lock), None)
    assert problem.message.fr == (
        "C'est le fichier de verrou d'Excel, pas un classeur : il signale que le classeur « staff.xlsx » est "
        "ouvert dans Excel (ou qu'Excel s'est fermé brutalement). Ne le donnez pas à ei : donnez staff.xlsx (ei "
        "le lit tel qu'il est enregistré).")
    assert problem.message.en.startswith("This is Excel's lock file, not a workbook: it shows that the workbook "
                                         "“staff.xlsx” is open in Excel")
    assert "Marie" not in problem.message.fr + problem.message.en
    larger = tmp_path / "~$notes.xlsx"
    larger.write_bytes(b"x" * 166)
    assert [p.code for p in sniff(larger, str(larger)).problems] == ["not_a_zip"]
    workbook = tmp_path / "~$copie.xlsx"
    workbook.write_bytes(make_corpus.valid_bytes())
    assert sniff(workbook, str(workbook)).kind == "xlsx"


def test_hidden_copy_is_named(tmp_path):
    path = tmp_path / "h.xlsx"
    make_corpus.hidden_copy(path)
    result = read_workbook(path)
    assert result.valid
    assert [(p.code, p.sheet) for p in result.warnings] == [("hidden_sheet_ignored", "Payroll")]


@pytest.mark.parametrize("text,expected", [("0,5", Decimal("0.5")), ("0.5", Decimal("0.5")), ("-3", Decimal(-3)),
                                           ("+ 2", Decimal(2)), (",5", Decimal("0.5")), ("12", Decimal(12))])
def test_numbers(text, expected):
    assert to_number(text) == expected


@pytest.mark.parametrize("text,code", [("1.234,5", "ambiguous_number"), ("1 234", "ambiguous_number"),
                                       ("1'234", "ambiguous_number"), ("1.234.567", "ambiguous_number"),
                                       ("temps plein", "invalid_number"), ("12 ans", "invalid_number"),
                                       ("abc", "invalid_number"), ("1e5", "invalid_number")])
def test_numbers_refused(text, code):
    with pytest.raises(Invalid) as exc:
        to_number(text)
    assert exc.value.code == code


def test_nan_and_infinity_are_not_numbers():
    for v in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(Invalid):
            to_number(v)


def test_money_months_booleans():
    assert to_money("1850,25 €") == Decimal("1850.25")
    assert to_money("EUR 12") == Decimal(12)
    assert str(to_month("03/2025")) == "2025-03" and str(to_month("2025-3")) == "2025-03"
    assert str(to_month(date(2025, 3, 31))) == "2025-03"
    assert to_bool("Oui") is True and to_bool("n") is False and to_bool(1.0) is True
    with pytest.raises(Invalid):
        to_bool(2)


@pytest.mark.parametrize("text", ["00/2024", "2024-00", "13/2024", "2024-13"])
def test_month_zero_and_thirteen_are_refused(text):
    """A month is 1 to 12 in both forms « MM/AAAA » and « AAAA-MM »: « 00/2024 » and « 2024-00 » (month 0)
    are refused, like month 13, not read as January or December."""
    with pytest.raises(Invalid) as exc:
        to_month(text)
    assert exc.value.code == "invalid_month"


def test_niss_keeps_leading_zero_of_number_cells():
    """Born 2001-02-03, serial 004: base 010203004; check = 97 - (2 010203004 mod 97)."""
    base = 10203004
    check = 97 - (2_000_000_000 + base) % 97
    assert to_niss(float(f"{base}{check:02d}")) == f"0{base}{check:02d}"


def test_shown_defangs_and_cuts():
    assert shown("\x1b[2J" + "a" * 100) == "« \ufffd[2J" + "a" * 56 + "… »"
    assert shown(1.5) == "1,5" and shown(True) == "VRAI" and shown(date(2024, 1, 2)) == "02/01/2024"
    assert shown(1.5, "en") == "1.5" and shown(True, "en") == "TRUE" and shown(False, "en") == "FALSE"
    assert not re.search("[\u202a-\u202e]", shown("\u202eevil"))


# ----------------------------------------------------------------------------- header names
@pytest.mark.parametrize("header", ["Date d'entrée", "Date d\u2019entrée", "DATE ENTREE", "date_entree",
                                    "date-d'entree"])
def test_the_spec_header_example_is_one_column(header, tmp_path):
    """workbook.md: « `Date d'entrée`, `date_entree`, `DATE ENTREE` are the same column » — also with the
    typographic apostrophe ’. The hire dates read are those of the fixture (10/01/2022, 01/03/2023,
    01/03/2021), with no unknown-column warning and no missing_column error."""
    sheets = rename_column(valid_sheets(), "Personnel", "date_entree", header)
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert result.valid, [p.message.fr for p in result.problems]
    assert result.problems == ()
    assert [w.hire_date for w in result.enterprise.workers] == [date(2022, 1, 10), date(2023, 3, 1),
                                                                 date(2021, 3, 1)]


def test_elisions_are_left_out_only_before_a_word():
    """« d' », « l' », « qu' » at the start of a word are French elisions; « aujourd'hui » keeps its « d »."""
    from ei_cli.workbook.schema import ENTERPRISE, normalize_name

    assert normalize_name("Date d'entrée") == normalize_name("Date d\u2019entrée") == "dateentree"
    assert normalize_name("Chiffre d'affaires") == "chiffreaffaires"
    assert ENTERPRISE.find_column("Chiffre d\u2019affaires").name == "chiffre_affaires"
    assert ENTERPRISE.find_column("Date d'agrément").name == "date_agrement"
    assert normalize_name("aujourd'hui") == "aujourdhui"
    assert normalize_name("jusqu'au mois") == "aumois"
    assert normalize_name("d'") == "d"          # nothing follows: not an elision


def _spec_headers() -> dict[str, list[str]]:
    """Sheet → every backquoted name of the first two columns of its table in docs/spec/workbook.md."""
    spec = (Path(__file__).resolve().parent.parent / "docs" / "spec" / "workbook.md").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    sheet = None
    for line in spec.splitlines():
        m = re.match(r"^## Sheet `([^`]+)`", line)
        if m:
            sheet = m.group(1)
            out[sheet] = []
        elif line.startswith("## "):
            sheet = None
        elif sheet and line.startswith("| `"):
            cells = line.split("|")[1:3]
            out[sheet] += [n for cell in cells for n in re.findall(r"`([^`]+)`", cell)]
    return out


def test_every_header_of_the_spec_still_maps_to_its_column():
    """The spec's example of one column under three spellings is one column; every canonical name and
    alias the spec lists (9 + 22 + 6 + 4 columns, a French
    name and an English alias each; `nom` and `prenom` share a row)
    maps to the column bearing it, and no two columns of a sheet share a normalised key."""
    from ei_cli.workbook import schema

    headers = _spec_headers()
    spec = (Path(__file__).resolve().parent.parent / "docs" / "spec" / "workbook.md").read_text(encoding="utf-8")
    example = re.search(r"\((`[^)]*)are the same column\)", " ".join(spec.split())).group(1)
    same = re.findall(r"`([^`]+)`", example)
    assert same == ["Date d'entrée", "date_entree", "DATE ENTREE"]
    assert {schema.STAFF.find_column(h).name for h in same} == {"date_entree"}
    assert set(headers) == {"Entreprise", "Personnel", "Paie", "Suivi"}
    assert sum(len(v) for v in headers.values()) == 2 * (9 + 22 + 6 + 4)
    for title, names in headers.items():
        contract = next(s for s in schema.SHEETS if s.name == title)
        for name in names:
            column = contract.find_column(name)
            assert column is not None and name in (column.name,) + column.aliases, (title, name)
        keys = [k for c in contract.columns for k in c.keys]
        owners = {k: {c.name for c in contract.columns if k in c.keys} for k in keys}
        assert all(len(v) == 1 for v in owners.values()), owners


# ----------------------------------------------------------------------------- a NISS in the wrong column
def _fictitious_niss() -> str:
    return niss(date(1985, 10, 3), 746)          # 85100374649 (851003746 mod 97 = 48; 97 - 48 = 49)


@pytest.mark.parametrize("born, sheet, row, column, raw, cell, code", [
    (1985, "Personnel", 1, "etp", "number", "J2", "niss_in_number"),
    (1985, "Suivi", 1, "heures", "number", "D2", "niss_in_number"),
    (1985, "Personnel", 2, "date_entree", "number", "F3", "invalid_date"),
    (1985, "Personnel", 3, "fonction", "text", "K4", "invalid_choice"),
    (1985, "Suivi", 1, "type", "number", "C2", "invalid_choice"),
    (1985, "Paie", 3, "etp", "punctuated", "C4", "ambiguous_number"),
    (1985, "Paie", 1, "salaire_brut", "number", "D2", "niss_in_amount"),
    (1985, "Paie", 2, "cout_salarial", "text", "E3", "niss_in_amount"),
    # Born in 2005: the number cell lost the leading zero (5111432152), which was read as 5 billion €.
    (2005, "Paie", 1, "salaire_brut", "text", "D2", "niss_in_amount"),
    (2005, "Paie", 2, "salaire_brut", "number", "D3", "niss_in_amount"),
    (2005, "Paie", 3, "cout_salarial", "number", "E4", "niss_in_amount"),
    (2005, "Paie", 1, "etp", "text", "C2", "niss_in_number"),
    (2005, "Personnel", 1, "etp", "number", "J2", "niss_in_number"),
    (2005, "Suivi", 1, "heures", "number", "D2", "niss_in_number"),
])
def test_a_niss_in_the_wrong_column_is_named_never_quoted(born, sheet, row, column, raw, cell, code, tmp_path):
    """The one problem is at the cell; its message says « un numéro à 11 chiffres (masqué) » and holds no
    5 consecutive digits of the number, even once its separators and the message's spaces are removed. A
    NISS of someone born in the 2000s (« 05111432152 », or the number 5111432152) is refused alike."""
    number = _fictitious_niss() if born == 1985 else _niss_born_2005()
    value = {"number": int(number), "text": number,
             "punctuated": f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:]}"}[raw]
    sheets = set_value(valid_sheets(), sheet, row, column, value)
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert [(p.code, p.sheet, p.cell) for p in result.errors] == [(code, sheet, cell)]
    message = result.errors[0].message
    assert "un numéro à 11 chiffres (masqué)" in message.fr and "an 11-digit number (masked)" in message.en
    digits = re.sub(r"\D", "", message.fr + message.en)
    assert not any(number[i:i + 5] in digits for i in range(7)), message
    if code in ("niss_in_amount", "niss_in_number"):
        assert "ressemble à un numéro national" in message.fr and "looks like a national number" in message.en


def test_an_amount_is_refused_only_when_it_is_a_valid_niss():
    """85100374649 is a valid NISS (see above): refused in a money column, as a number, a text or with €;
    85100374648 (check digits 48, not 49) is not a NISS and stays an amount; ordinary amounts are untouched."""
    number = _fictitious_niss()
    for raw in (float(number), int(number), number, f"{number} €", f"{number},00"):
        with pytest.raises(Invalid) as exc:
            to_money(raw)
        assert exc.value.code == "niss_in_amount", raw
    assert to_money(85100374648.0) == Decimal("85100374648")
    assert to_money(2100.5) == Decimal("2100.5") and to_money("1850,25 €") == Decimal("1850.25")


def _niss_born_2005() -> str:
    return niss(date(2005, 11, 14), 321)          # 05111432152 (2051114321 mod 97 = 45; 97 - 45 = 52)


def test_a_niss_of_someone_born_in_the_2000s_is_refused_as_an_amount_or_a_number():
    """05111432152 is a valid NISS by the 20xx rule (the nine digits prefixed with 2); as a number it is
    5111432152, under 10^10, which the refusal did not look at: an amount or a number of 5111432152, or the
    text 05111432152, is now refused like a NISS of the 1900s. 5111432153 (wrong check digits under both
    rules) stays an amount; ordinary amounts are untouched."""
    number = _niss_born_2005()
    assert number == "05111432152"
    for raw in (number, int(number), float(number), f"{number} €", f"{int(number)},00"):
        with pytest.raises(Invalid) as exc:
            to_money(raw)
        assert exc.value.code == "niss_in_amount", raw
        with pytest.raises(Invalid) as exc:
            to_quantity(raw if "€" not in str(raw) else number)
        assert exc.value.code == "niss_in_number", raw
    assert to_money(5111432153.0) == Decimal("5111432153") and to_quantity("05111432153") == Decimal("5111432153")
    assert to_money(1050) == Decimal(1050) and to_quantity("0,5") == Decimal("0.5")


def test_a_niss_of_the_2000s_in_the_turnover_is_refused(tmp_path):
    """Entreprise chiffre_affaires = 5111432152 (the NISS 05111432152 that lost its leading zero): error
    niss_in_amount at the field's value cell, like every other amount."""
    sheets = set_field(valid_sheets(), "chiffre_affaires", int(_niss_born_2005()))
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert [(p.code, p.sheet, p.cell) for p in result.errors] == [("niss_in_amount", "Entreprise", "B9")]


@pytest.mark.parametrize("born, sheet, row, column, spelling, code", [
    (1985, "Paie", 1, "salaire_brut", "negative number", "negative_value"),     # reader._check_negative
    (1985, "Suivi", 2, "heures", "negative text", "negative_value"),            # reader._check_negative
    (1985, "Paie", 1, "etp", "decimal comma", "fte_out_of_range"),             # reader._check_pay
    (1985, "Personnel", 1, "etp", "decimal comma", "fte_out_of_range"),        # reader._check_staff
    (1985, "Entreprise", None, "chiffre_affaires", "negative text", "negative_value"),  # the Entreprise fields
    (2005, "Paie", 2, "cout_salarial", "negative number", "negative_value"),   # 10 digits: lost leading zero
])
def test_a_niss_written_negative_or_with_a_decimal_separator_is_never_quoted(born, sheet, row, column, spelling,
                                                                             code, tmp_path):
    """A national number typed with a minus sign (-85100374649, -5111432152) or a decimal separator before
    its last digits (851003746,49) passed the conversion (a negative amount, a decimal number) and came back
    in full in « … est négatif » / « … est hors limites »: ``shown`` masked a number only when it was itself
    a whole number of 10^9 to 10^11. Each reader path that quotes a figure now says « un numéro à 11 chiffres
    (masqué) », and no 5 digits of the number remain in the message."""
    number = _fictitious_niss() if born == 1985 else _niss_born_2005()
    value = {"negative number": -int(number), "negative text": f"-{number}",
             "decimal comma": f"{number[:9]},{number[9:]}"}[spelling]
    sheets = valid_sheets()
    sheets = set_field(sheets, column, value) if row is None else set_value(sheets, sheet, row, column, value)
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert [(p.code, p.sheet) for p in result.errors] == [(code, sheet)]
    message = result.errors[0].message
    assert "un numéro à 11 chiffres (masqué)" in message.fr and "an 11-digit number (masked)" in message.en
    digits = re.sub(r"\D", "", message.fr + message.en)
    assert not any(number.lstrip("0")[i:i + 5] in digits for i in range(6)), message


def test_a_formulas_binary_noise_is_quoted_as_the_spreadsheet_shows_it_not_as_a_masked_number(tmp_path):
    """An etp typed as =40/38 stores 1.0526315789473684; a « Total » row's SUM of Paie's etp 474.2200000000006.
    Quoted with their 15 significant digits (1,05263157894737: 15 digits, more than 11 in a run) they were
    masked as a national number: « un numéro à 11 chiffres (masqué) est hors limites » for an etp of 1,05. They are
    quoted with the 10 significant digits the spreadsheet shows: 40 ÷ 38 = 1,052631579 (…47 rounded), 474,22.
    A national number typed with a decimal comma (851003746,49: 11 digits) is still masked."""
    assert shown(40 / 38) == "1,052631579" and shown(40 / 38, "en") == "1.052631579"
    assert shown(474.2200000000006) == "474,22" and shown(0.1 + 0.2) == "0,3"
    assert shown(float("851003746.49")) == "un numéro à 11 chiffres (masqué)"
    sheets = set_value(valid_sheets(), "Personnel", 1, "etp", 40 / 38)
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    [problem] = [p for p in result.errors if p.code == "fte_out_of_range"]
    assert "1,052631579" in problem.message.fr and "masqué" not in problem.message.fr


def test_a_paie_keyed_by_names_is_refused_by_its_cells_and_no_message_quotes_a_name(tmp_path):
    """A Paie sheet keyed by the workers' names, as a social secretariat's export lists them: « Alice Exemple » for
    worker 1 (Personnel: nom Exemple, prénom Alice) in its rows 1 and 2 (A2, A3). The error printed the name:
    « Le travailleur Alice Exemple n'existe pas dans la feuille Personnel (2 lignes de Paie, de A2 à A3) » —
    personal data (cli.md: no name in any output without --names). It now says the cell gives a name of the
    Personnel sheet, not shown. A Personnel name pasted in a date column (« Exemple, Bruno » in worker 3's
    date_entree) is no longer quoted either; any other value still is (« 2023-13-01 »)."""
    sheets = valid_sheets()
    for row in (1, 2):
        set_value(sheets, "Paie", row, "id_travailleur", "Alice Exemple")
    set_value(sheets, "Personnel", 3, "date_entree", "Exemple, Bruno")
    set_value(sheets, "Personnel", 2, "date_sortie", "2023-13-01")
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    [unknown] = [p for p in result.errors if p.code == "unknown_worker"]
    assert (unknown.sheet, unknown.cell) == ("Paie", "A2")
    assert unknown.message.fr == ("La cellule A2 donne un nom de la feuille Personnel (non reproduit : donnée "
                                  "personnelle), pas un id_travailleur (2 lignes de Paie, de A2 à A3) : saisissez "
                                  "l'id_travailleur du travailleur, celui de la feuille Personnel.")
    [date_in] = [p for p in result.errors if p.cell == "F4"]
    assert "un nom de la feuille Personnel (non reproduit) n'est pas valide" in date_in.message.fr
    assert "a name from the Personnel sheet (not shown) is not valid" in date_in.message.en
    said = " ".join(p.message.fr + p.message.en for p in result.problems)
    assert not any(name in said for name in ("Alice", "Bruno")), said
    assert "« 2023-13-01 »" in said


def test_shown_describes_a_niss_and_masks_it_inside_a_text():
    number = _fictitious_niss()
    assert shown(float(number)) == shown(number) == "un numéro à 11 chiffres (masqué)"
    assert shown(int(number), "en") == "an 11-digit number (masked)"
    assert shown(f"NISS {number} !") == "« NISS ••••••••••• ! »"
    assert shown(Decimal("1.5")) == "1,5" and shown(Decimal("1.5"), "en") == "1.5"
    assert shown("12345") == "« 12345 »"     # a short number is quoted as before
    for raw in (-int(number), -float(number), Decimal(f"-{number}"), Decimal(f"{number[:9]}.{number[9:]}"),
                float(f"{number[:9]}.{number[9:]}"), -int(_niss_born_2005())):
        assert shown(raw) == "un numéro à 11 chiffres (masqué)", raw   # sign and separator aside: the same rule
    assert shown(Decimal("-1850.25")) == "-1850,25" and shown(-3.5) == "-3,5" and shown(-3.5, "en") == "-3.5"


@pytest.mark.parametrize("spelling", [
    "85-10-03-746-49", "87/11/23 777-49", "85\u00a010\u00a003\u00a0746\u00a049", "85\u202f10\u202f03\u202f746\u202f49",
    "8711 2377 749", "851\u200b00374649", "8510\u00ad0374649", "85\t100374649", "851_00374649", "851,00374649",
    "851\u201300374649", "851:00374649", "85100374648", "٨٥١٠٠٣٧٤٦٤٩", "85 10 03 746 49 1",
])
def test_shown_masks_a_national_number_however_it_is_separated(spelling):
    """Any run of 11 digits (or more) separated only by non-alphanumeric characters — dashes, slashes,
    no-break or narrow spaces, digit groups of 4, zero-width space, soft hyphen, tab, underscore, comma,
    en dash, colon, other scripts' digits, an extra digit after it — whatever its checksum: as a whole
    value it is described, inside a text it is masked; not one of its digits is quoted."""
    whole = shown(spelling)
    assert whole in ("un numéro à 11 chiffres (masqué)", "« ••••••••••• »")
    inside = shown(f"remarque Zqxhdr {spelling} fin", "en")
    assert inside == "“remarque Zqxhdr ••••••••••• fin”"


def test_shown_still_quotes_dates_amounts_and_short_numbers():
    """Fewer than 11 digits in a run: a date (8 digits), an amount, a phone extension, a year range of
    8 digits are quoted as written."""
    for value in ("23/11/1987", "1850,25", "12345", "2023-2024", "Paie 2024", "0471 12 34 5", "W05", "2024-017"):
        assert shown(value) == f"« {value} »", value


def test_shown_quotes_longer_runs_that_hold_no_national_number():
    """More than 11 digits across separators — a date range (16 digits), a month range (12), a sum of
    amounts (12), a sheet title with two months (12) — were masked as « ••••••••••• », and a user told
    to rename a sheet could not tell which. A run is masked when it has exactly 11 digits, or when 11 of
    its digits in a row are a valid national number: none of these, so they are quoted as written; a
    NISS followed by one more digit still is masked (85.10.03-746.49 is valid: 85100374649)."""
    for value in ("30/06/2024-31/07/2024", "01/2024 - 02/2024", "2 100,50 + 1 050,25", "Paie 01.2024-12.2024"):
        assert shown(value) == f"« {value} »", value
    assert shown("remarque 85.10.03-746.49 1") == "« remarque ••••••••••• »"
    assert shown("Dupont 87112377700 2") == "« Dupont ••••••••••• »"   # 11 together: whatever the checksum


def test_a_national_number_in_an_unknown_header_is_masked(tmp_path):
    """A Personnel header « remarque Zqxhdr 85-10-03-746-49 » (a NISS with hyphens) gave the warning
    « Colonne inconnue « remarque Zqxhdr 85-10-03-746-49 » ignorée »: the number is now masked."""
    sheets = valid_sheets()
    for i, row in enumerate(sheets["Personnel"]):
        row.append("remarque Zqxhdr 85-10-03-746-49" if i == 0 else None)
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    [warning] = [p for p in result.problems if p.code == "unknown_column"]
    assert "« remarque Zqxhdr ••••••••••• »" in warning.message.fr
    assert not re.search(r"\d{2}\D?\d{2}\D?\d{2}", warning.message.fr + warning.message.en)


def test_an_extra_column_of_the_entreprise_sheet_is_ignored_with_a_warning(tmp_path):
    """workbook.md: « unknown columns are ignored with a warning ». The key/value Entreprise sheet with a third
    column « valeur 2025 » (region = bruxelles typed there) was read silently: the region stayed wallonie and
    nothing said that column C is not read. It now gets Personnel's `unknown_column` warning at its header
    cell (file, sheet, cell), as does a date typed as a header (not quoted); the values read are unchanged."""
    sheets = valid_sheets()
    sheets["Entreprise"][0] += ["valeur 2025", date(2025, 1, 1)]
    for row in sheets["Entreprise"][1:]:
        row += [None, None]
    sheets["Entreprise"][3][2] = "bruxelles"   # the region row
    path = write_workbook(tmp_path / "x.xlsx", sheets)
    result = read_workbook(path)
    assert result.enterprise.region.value == "wallonie" and not result.errors
    named, dated = [p for p in result.problems if p.code == "unknown_column"]
    assert (named.file, named.sheet, named.cell, dated.cell) == (str(path), "Entreprise", "C1", "D1")
    assert named.message.fr == "Colonne inconnue « valeur 2025 » ignorée (colonnes attendues : champ, valeur)."
    assert named.message.en == "Unknown column “valeur 2025” ignored (expected columns: field, value)."
    assert dated.message.fr.startswith("Colonne inconnue ignorée : son en-tête en D1 est une date ou un nombre")
    assert [p.code for p in read_workbook(write_workbook(tmp_path / "ok.xlsx", valid_sheets())).problems] == []


# Worker 1 of the valid workbook holds Personnel!A2, Paie!A2:A3 and Suivi!A2.
_WORKER_1_REFUSED = [("niss_as_worker_id", "Personnel", "A2"), ("niss_as_worker_id", "Paie", "A2"),
                     ("niss_as_worker_id", "Paie", "A3"), ("niss_as_worker_id", "Suivi", "A2")]


def _read_with_worker_1_as(tmp_path, worker_id):
    """The valid workbook with worker 1's id replaced by ``worker_id`` in Personnel, Paie and Suivi, read."""
    sheets = valid_sheets()
    for title in ("Personnel", "Paie", "Suivi"):
        for row in sheets[title][1:]:
            if row[0] == 1:
                row[0] = worker_id
    return read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))


@pytest.mark.parametrize("form", ["number", "float", "text", "text .0", "punctuated"])
def test_a_worker_id_that_is_a_national_number_is_refused_at_its_cell(form, tmp_path):
    """Worker 1's id replaced by its NISS 85100374649 in Personnel (A2) and in its two Paie rows (A2, A3)
    and its Suivi row (A2): four errors niss_as_worker_id, one per cell, asking for an internal id;
    the number is not in any message."""
    number = _fictitious_niss()
    value = {"number": int(number), "float": float(number), "text": number, "text .0": f"{number}.0",
             "punctuated": f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:]}"}[form]
    result = _read_with_worker_1_as(tmp_path, value)
    assert [(p.code, p.sheet, p.cell) for p in result.errors] == _WORKER_1_REFUSED
    for p in result.errors:
        assert "identifiant interne" in p.message.fr and "internal id" in p.message.en
        digits = re.sub(r"\D", "", p.message.fr + p.message.en)
        assert not any(number[i:i + 5] in digits for i in range(7)), p.message


@pytest.mark.parametrize("worker_id", [
    "85100374648", 85100374648.0, 85100374648, "87112377700", "W87112377749", "871123_77749", "871123 777 49",
    "87.11.23-777.49", "T-871123-77749", "85100374649.0", "٨٧١١٢٣٧٧٧٤٩", "5111432152", 5111432152,
    "87112377700_1", "W87112377700-2", "2024-87112377700", "871123777001",   # 11 together, and a digit more
])
def test_an_id_holding_eleven_digits_is_refused_whatever_the_checksum(worker_id):
    """An id holding 11 digits written together — 85100374648 (check digits 49 expected: no valid NISS),
    87112377700, a letter prefix W87112377749, other scripts' digits — may be a national number typed with
    a slip, and the id is printed everywhere: refused like a valid NISS (niss_as_worker_id), whatever the
    checksum, and the value is not to be quoted. Split by separators (871123_77749, 87.11.23-777.49), the
    11 digits are refused when they are a valid number. So is 5111432152, the NISS 05111432152 of someone
    born in 2005 without its leading zero."""
    from ei_cli.workbook.cells import to_id

    with pytest.raises(Invalid) as exc:
        to_id(worker_id)
    assert exc.value.code == "niss_as_worker_id" and exc.value.quoted is False


def test_short_ids_stay_ids():
    """Ids of fewer than 11 digits are ids as before: W05, 12, 2024-017, a payroll number of 10 digits that
    is no NISS, T0001, 12.0."""
    from ei_cli.workbook.cells import to_id

    assert to_id("W05") == "W05" and to_id("12") == to_id(12) == to_id(12.0) == to_id("12.0") == "12"
    assert to_id("2024-017") == "2024-017" and to_id("T0001") == "T0001"
    assert to_id("5111432153") == to_id(5111432153) == "5111432153" and to_id("PAY-123456789") == "PAY-123456789"
    assert to_id("2024-017-123") == "2024-017-123"     # 12 characters, 10 digits
    # Ids built from a date or a year and a sequence number: 11 digits or more, split by separators, none
    # a valid national number — ids (they made every row of the workbook an error).
    for built in ("W2023-01-00045", "20240115-001", "2023/2024-001", "EMP-2024-0001234", "2024-0001234",
                  "871123_77700"):
        assert to_id(built) == built


@pytest.mark.parametrize("worker_id", ["87112377700", "W87112377749", "871123_77749"])
def test_an_id_carrying_a_national_number_is_refused_and_never_quoted(worker_id, tmp_path):
    """Worker 1's id replaced by ``worker_id`` in Personnel, Paie and Suivi: they were accepted and printed in
    every output. Now one niss_as_worker_id error per cell, and no message holds any digit run of it (the
    refusal says « non reproduite », it does not even quote the masked id)."""
    result = _read_with_worker_1_as(tmp_path, worker_id)
    assert [(p.code, p.sheet, p.cell) for p in result.errors] == _WORKER_1_REFUSED
    for p in result.problems:
        text = p.message.fr + p.message.en
        assert "non reproduite" in p.message.fr and "identifiant interne" in p.message.fr
        assert "W87" not in text and "•" not in text and not re.search(r"\d{4}", text), text


def test_an_unknown_worker_is_one_problem_at_its_first_row(tmp_path):
    """A worker id mistyped in Personnel leaves every payroll row of that worker without a worker: one
    problem (at the first row, naming how many rows and the last one), not one per payroll month."""
    sheets = make_corpus.valid_sheets()
    col = column_of(sheets, "Personnel", "id_travailleur")
    old_id = sheets["Personnel"][1][col]
    sheets["Personnel"][1][col] = "Z9"
    pay_col = column_of(sheets, "Paie", "id_travailleur")
    rows = [i + 1 for i, row in enumerate(sheets["Paie"]) if i and str(row[pay_col]) == str(old_id)]
    assert len(rows) > 1
    path = write_workbook(tmp_path / "w.xlsx", sheets)
    problems = [p for p in read_workbook(path).problems if p.code == "unknown_worker" and p.sheet == "Paie"]
    letter = "ABCDEFGHIJ"[pay_col]
    assert [(p.sheet, p.cell) for p in problems] == [("Paie", f"{letter}{rows[0]}")]
    assert f"({len(rows)} lignes de Paie, de {letter}{rows[0]} à {letter}{rows[-1]})" in problems[0].message.fr


def test_a_title_above_the_headers_is_read_past_with_a_warning(tmp_path):
    """A title (and a blank row) above the headers of Entreprise and Paie: the headers are found on
    row 3, the same enterprise and payroll are read as without the title, and one warning per sheet
    names the rows left out (« Lignes 1 à 2 … ignorées »; one title row alone: « Ligne 1 … ignorée », « Row 1 »,
    not « Ligne(s) »). A Personnel row under misspelt headers holding one header-like value is not taken for the
    headers (two header names are needed)."""
    plain = read_workbook(write_workbook(tmp_path / "plain.xlsx", make_corpus.valid_sheets()))
    sheets = make_corpus.valid_sheets()
    for name in ("Entreprise", "Paie"):
        width = len(sheets[name][0])
        sheets[name] = [["Mon titre"] + [None] * (width - 1), [None] * width] + sheets[name]
    titled = read_workbook(write_workbook(tmp_path / "titled.xlsx", sheets))
    warnings = [(p.code, p.sheet, p.cell) for p in titled.problems]
    assert warnings == [("rows_above_headers", "Entreprise", "A1"), ("rows_above_headers", "Paie", "A1")]
    assert titled.problems[0].message.fr.startswith("Lignes 1 à 2 au-dessus des en-têtes ignorées (un titre ?)")
    assert titled.problems[0].message.en.startswith("Rows 1 to 2 above the headers ignored")
    sheets = make_corpus.valid_sheets()
    sheets["Paie"] = [["Mon titre"] + [None] * (len(sheets["Paie"][0]) - 1)] + sheets["Paie"]
    (one,) = read_workbook(write_workbook(tmp_path / "one.xlsx", sheets)).problems
    assert one.message.fr == ("Ligne 1 au-dessus des en-têtes ignorée (un titre ?) : les en-têtes sont lus en "
                              "ligne 2.")
    assert one.message.en.startswith("Row 1 above the headers ignored (a title?)")
    assert titled.enterprise.name == plain.enterprise.name
    assert [(p.worker_id, p.month, p.gross_pay, p.row - 2) for p in titled.enterprise.pay] == [
        (p.worker_id, p.month, p.gross_pay, p.row) for p in plain.enterprise.pay]  # two rows lower

    sheets = make_corpus.valid_sheets()
    sheets["Personnel"][0] = ["x" + str(h) for h in sheets["Personnel"][0]]
    sheets["Personnel"][1][0] = "etp"
    codes = {p.code for p in read_workbook(write_workbook(tmp_path / "misspelt.xlsx", sheets)).problems}
    assert "missing_header_row" in codes and "rows_above_headers" not in codes


@pytest.mark.parametrize("title", ["Personnel Дюпон Алиса", "Personnel ٨٧١١٢٣٧٧٧٤٩", "Personnel Ελένη"])
def test_a_sheet_title_with_other_letters_or_digits_is_not_the_contract_sheet(title, tmp_path):
    """The normalisation dropped every non-ASCII character: « Personnel Дюпон Алиса » (a name) or
    « Personnel ٨٧١١٢٣٧٧٧٤٩ » (a national number in Arabic-Indic digits) matched the Personnel sheet, and
    the raw title went into the ``sheet`` field of every problem of that sheet. Only accents are left out
    now: the sheet is a stray, Personnel is missing (its ``sheet`` field the contract's name), the title is
    named in the hint through ``shown`` (its digits masked), and no problem carries it as its sheet."""
    sheets = valid_sheets()
    sheets[title] = sheets.pop("Personnel")
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert ("missing_sheet", "Personnel") in [(p.code, p.sheet) for p in result.errors]
    assert all(p.sheet != title for p in result.problems)
    [missing] = [p for p in result.errors if p.code == "missing_sheet"]
    assert "Personnel" in missing.message.fr and not re.search(r"\d{4}", missing.message.fr + missing.message.en)
    accented = valid_sheets()
    accented["Pérsonnel"] = accented.pop("Personnel")     # accents are still left out: the same sheet
    assert read_workbook(write_workbook(tmp_path / "accent.xlsx", accented)).valid


def test_a_missing_sheet_message_lists_only_the_titles_like_it(tmp_path):
    """An HR file with one tab per worker, given instead of the workbook: « Feuilles présentes » listed every
    title (up to 20), so the workers' names. The sheets present are counted now: Personnel missing among
    Entreprise, Paie, Suivi, « Zyxwvut Quorra », « Dupont Marie 85100374649 », « Personnel Zyxwvut » → 6.
    The one title that looks like the missing sheet is pointed at by the accepted name it contains, not
    quoted: it was (« La feuille « Personnel Zyxwvut » est-elle celle-là ? »), and a tab « Paie Dupont Marie »
    named the worker. Without a like title, the count alone: 3 + 1 = 4 sheets for a missing Paie."""
    sheets = valid_sheets()
    staff = sheets.pop("Personnel")
    sheets["Zyxwvut Quorra"] = [["date", "note"], [date(2024, 1, 1), "x"]]
    sheets[f"Dupont Marie {_fictitious_niss()}"] = [["date"], [date(2024, 1, 1)]]
    sheets["Personnel Zyxwvut"] = staff
    [missing] = [p for p in read_workbook(write_workbook(tmp_path / "x.xlsx", sheets)).errors
                 if p.code == "missing_sheet"]
    assert "). Une feuille dont le nom contient « Personnel » : est-ce celle-là ? Renommez-la « Personnel » : le " \
        "nom doit être exactement l'un des noms acceptés. Feuilles présentes : 6." in missing.message.fr
    assert "). A sheet whose name contains “Personnel”: is it that one? Rename it “Personnel”: the name must be " \
        "exactly one of the accepted names. Sheets present: 6." in missing.message.en
    assert not any(x in missing.message.fr + missing.message.en for x in ("Zyxwvut", "Quorra", "Dupont", "Marie"))
    single = valid_sheets()
    single["Paie Dupont Marie"] = single.pop("Paie")   # one tab per worker, a single one
    [missing] = [p for p in read_workbook(write_workbook(tmp_path / "z.xlsx", single)).errors
                 if p.code == "missing_sheet"]
    assert "Une feuille dont le nom contient « Paie » : est-ce celle-là ?" in missing.message.fr
    assert missing.message.fr.endswith("Feuilles présentes : 4.")
    assert not any(x in missing.message.fr + missing.message.en for x in ("Dupont", "Marie"))
    no_pay = valid_sheets()
    no_pay["Zyxwvut Quorra"] = no_pay.pop("Paie")
    [missing] = [p for p in read_workbook(write_workbook(tmp_path / "y.xlsx", no_pay)).errors
                 if p.code == "missing_sheet"]
    assert missing.message.fr.endswith("Feuilles présentes : 4 (aucune ne ressemble à « Paie »).")
    assert missing.message.en.endswith("Sheets present: 4 (none looks like “Paie”).")


def test_several_look_alike_sheets_are_counted_not_quoted(tmp_path):
    """Paie missing, and one Paie tab per worker (« Paie Dupont Marie », « Paie Martin Paul », « Paie Durand
    Léa », « Paie Petit Jean »): all four look like the missing sheet, and quoting them named the workers (« La
    feuille « Paie Dupont Marie », « Paie Martin Paul »… est-elle celle-là ? »). Several look-alikes are
    counted: « 4 feuilles dont le nom contient « Paie » », and the sheets present are 3 + 4 = 7. A single
    look-alike is not quoted either (``test_a_missing_sheet_message_lists_only_the_titles_like_it``)."""
    sheets = valid_sheets()
    pay = sheets.pop("Paie")
    for name in ("Dupont Marie", "Martin Paul", "Durand Léa", "Petit Jean"):
        sheets[f"Paie {name}"] = pay
    [missing] = [p for p in read_workbook(write_workbook(tmp_path / "hr.xlsx", sheets)).errors
                 if p.code == "missing_sheet"]
    assert "). 4 feuilles dont le nom contient « Paie » : l'une d'elles est-elle celle-là ? Renommez-la « Paie »" \
        in missing.message.fr
    assert missing.message.fr.endswith("Feuilles présentes : 7.")
    assert "). 4 sheets whose name contains “Paie”: is one of them that one? Rename it “Paie”" in missing.message.en
    assert missing.message.en.endswith("Sheets present: 7.")
    assert not any(x in missing.message.fr + missing.message.en for x in ("Dupont", "Martin", "Durand", "Petit"))


def test_a_too_large_sheet_names_its_last_filled_row_and_column_not_only_an_empty_corner(tmp_path):
    """One note typed in Paie!A1048576 (after Ctrl+↓) under the five columns A–E: the sheet is refused, as
    before, but the message said only « des cellules remplies jusqu'en E1048576 », a cell that is empty —
    the user found nothing there. It now names the last filled row (1048576: A1048576 holds the note) and
    the last filled column (E: the header « cout_salarial » in E1) apart; ``cell`` stays the used range's
    corner."""
    rows = make_corpus.valid_sheets()["Paie"]
    xml = sheet_xml(rows, extra_rows='<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>note</t></is></c></row>')
    path = tmp_path / "note.xlsx"
    path.write_bytes(make_corpus.rezip(make_corpus.valid_bytes(), replace={make_corpus.PART["Paie"]: xml}))
    [problem] = [p for p in read_workbook(path).problems if p.code == "sheet_too_large"]
    assert (problem.sheet, problem.cell) == ("Paie", "E1048576")
    assert problem.message.fr.startswith("La feuille a des cellules remplies jusqu'à la ligne 1048576 et jusqu'à la "
                                         "colonne E (la zone utilisée va jusqu'en E1048576, une cellule peut-être "
                                         "vide) : ")
    assert "as far down as row 1048576 and as far right as column E" in problem.message.en


def test_a_too_large_stray_ods_sheet_is_named_with_its_digits_masked(tmp_path):
    """In an .ods every sheet is measured before calamine opens it, also a stray one: a huge sheet titled
    « Notes 85-10-03-746-49 » gave a problem whose ``sheet`` field was that raw title. Its digits are now
    masked there, as in a message."""
    rows = ('<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
            'table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p>'
            "</table:table-cell></table:table-row>")
    path = tmp_path / "x.ods"
    path.write_bytes(ods_bytes({"Notes 85-10-03-746-49": rows}))
    [problem] = [p for p in read_workbook(path).problems if p.code == "sheet_too_large"]
    assert problem.sheet == "Notes •••••••••••"


def test_a_column_header_with_other_letters_is_not_the_contract_column(tmp_path):
    """« id_travailleur Дюпон » was read as the id column (the Cyrillic name dropped by the normalisation):
    it is now an unknown column (quoted through ``shown``) and the id column is missing; « Date d’Entrée »
    with accents and a typographic apostrophe is still ``date_entree``."""
    sheets = rename_column(valid_sheets(), "Personnel", "id_travailleur", "id_travailleur Дюпон")
    rename_column(sheets, "Personnel", "date_entree", "Date d’Entrée")
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    codes = [(p.code, p.sheet, p.cell or p.column) for p in result.problems if p.sheet == "Personnel"]
    assert ("unknown_column", "Personnel", "A1") in codes and ("missing_column", "Personnel", "id_travailleur") in codes
    assert not any(c == "date_entree" for _, _, c in codes)


def test_a_missing_column_has_no_cell_and_names_the_column(tmp_path):
    """cli.md: a problem's ``cell`` is a cell reference or null. A missing column (or Entreprise field)
    has no cell: ``cell`` is None and the new ``column`` key names it (it used to be put in ``cell``)."""
    sheets = make_corpus.valid_sheets()
    col = sheets["Personnel"][0].index("date_entree")
    sheets["Personnel"] = [row[:col] + row[col + 1:] for row in sheets["Personnel"]]
    (p,) = [p for p in read_workbook(write_workbook(tmp_path / "w.xlsx", sheets)).problems if p.code == "missing_column"]
    assert (p.sheet, p.cell, p.column) == ("Personnel", None, "date_entree")
    assert p.to_dict()["cell"] is None and p.to_dict()["column"] == "date_entree"
    assert p.location().endswith("Personnel › date_entree")


def test_pay_outside_the_employment_dates_is_a_warning_naming_the_first_row(tmp_path):
    """The valid workbook's worker 2 leaves on 2024-06-30 (`date_sortie`); two Paie rows are added for
    2024-07 (etp 0,5) and 2024-08 (etp 0, gross 200 €), and one for 2024-09 with etp 0 and no pay (an
    empty line of an export: nothing paid, no warning). One warning for worker 2, at the month cell of
    its first row outside — the sheet has a header and 6 rows, so the first added row is row 8: B8 —
    listing 2024-07 and 2024-08; the workbook stays readable."""
    sheets = make_corpus.valid_sheets()
    header = sheets["Paie"][0]
    assert len(sheets["Paie"]) == 7 and header[:3] == ["id_travailleur", "mois", "etp"]
    sheets["Paie"] += [[2, date(2024, 7, 1), 0.5, 1050, 1450], [2, date(2024, 8, 1), 0, 200, 250],
                       [2, date(2024, 9, 1), 0, 0, 0]]
    result = read_workbook(write_workbook(tmp_path / "after-exit.xlsx", sheets))
    assert result.enterprise is not None
    found = [p for p in result.problems if p.code == "pay_outside_employment"]
    assert [(p.sheet, p.cell) for p in found] == [("Paie", "B8")]
    assert "Travailleur 2 : paie pour 2024-07, 2024-08, hors de sa période d'occupation" in found[0].message.fr
    assert "sortie le 30/06/2024" in found[0].message.fr


def _validated(capsys, path, fields=("code", "cell")) -> tuple[int, list[tuple]]:
    """``ei validate PATH -f json``: its exit code, and its problems in order, each as the tuple of its ``fields``."""
    code, out, _ = run_cli(capsys, "validate", path, "-f", "json")
    return code, [tuple(p[f] for f in fields) for p in json.loads(out)["problems"]]


def test_pay_of_a_month_after_the_current_one_is_a_warning_naming_the_worker_and_cells(tmp_path, capsys,
                                                                                         monkeypatch):
    """Audit plausibility 1: Paie rows of months starting after today said nothing, and were claimed. The valid
    workbook's Paie has a header and 6 rows (to 2024-02); added: worker 1's 2024-04 (B8) typed above their
    2024-03 (B9), worker 3's 2024-03 (B10). Judged on 2024-02-15: one `pay_month_in_future` warning per worker
    at its earliest such month's cell, the rows listed by month whatever their order — B9 listing 2024-03,
    2024-04 and the cells B9, B8; B10 for 2024-03 alone — naming the worker id and cells, never a name or
    national number; February (the current month) is not ahead; the workbook stays valid and `ei validate`
    lists them (exit 0). The French message gives today as the reader's other dates, 15/02/2024 (the English
    one, 2024-02-15, as its own). On 2024-03-01 March has begun: only B8's April is left. On 2024-04-01 nothing
    is ahead."""
    from ei_cli import periods

    sheets = make_corpus.valid_sheets()
    assert len(sheets["Paie"]) == 7 and sheets["Paie"][0][:2] == ["id_travailleur", "mois"]
    sheets["Paie"] += [[1, date(2024, 4, 1), 1, 2100.5, 2900], [1, date(2024, 3, 1), 1, 2100.5, 2900],
                       [3, date(2024, 3, 1), 1, 3100, 4200]]
    path = write_workbook(tmp_path / "ahead.xlsx", sheets)
    monkeypatch.setattr(periods, "today", lambda: date(2024, 2, 15))
    result = read_workbook(path)
    assert result.enterprise is not None
    found = [p for p in result.problems if p.code == "pay_month_in_future"]
    assert [(p.sheet, p.cell, p.severity.value) for p in found] == [("Paie", "B9", "warning"),
                                                                   ("Paie", "B10", "warning")]
    assert found[0].message.fr == (
        "Travailleur 1 : paie saisie pour 2024-03, 2024-04 (cellules B9, B8 de Paie), après le mois en cours (date "
        "du jour : 15/02/2024) ; ces mois ne comptent ni dans les subventions, ni dans l'effectif, ni dans la tension "
        "salariale avant d'avoir commencé, le quota les mesure tels que saisis. Vérifiez le mois de ces lignes.")
    assert found[1].message.en == (
        "Worker 3: pay entered for 2024-03 (cell B10 of Paie), after the current month (today: 2024-02-15); that "
        "month counts neither in the subsidies, nor in the staff size, nor in the wage tension before it begins, "
        "the quota measures it as entered. Check the month of that row.")
    header, *staff = sheets["Personnel"]
    private = [str(r[header.index(c)]) for r in staff for c in ("niss", "nom", "prenom") if r[header.index(c)]]
    assert private and not any(v in p.message.fr or v in p.message.en for p in found for v in private)
    code, problems = _validated(capsys, path)
    assert code == 0
    assert [cell for name, cell in problems if name == "pay_month_in_future"] == ["B9", "B10"]
    monkeypatch.setattr(periods, "today", lambda: date(2024, 3, 1))
    assert [p.cell for p in read_workbook(path).problems if p.code == "pay_month_in_future"] == ["B8"]
    monkeypatch.setattr(periods, "today", lambda: date(2024, 4, 1))
    assert not [p for p in read_workbook(path).problems if p.code == "pay_month_in_future"]


def test_a_follow_up_action_outside_the_employment_dates_is_a_warning_naming_the_first_row(tmp_path):
    """The follow-up check and the annual report do not count an action dated before the hire or after
    the exit (``Worker.employed_on``), and nothing said so. The valid workbook's Suivi has a header and 2
    rows; 11 are added from row 4 on (date in column B). Worker 2 (hired 01/03/2023, exit 30/06/2024):
    28/02/2023 (B4, the day before the hire: outside), 01/03/2023 and 30/06/2024 (the hire and exit days:
    inside, no warning), 01/07/2024 (B7, outside). Worker 1 (hired 10/01/2022, no exit): 09/01/2022 (B8).
    Worker 3 (hired 01/03/2021): six actions in January 2020 (B9 to B14), of which 5 are listed and « et 1
    autre » (« et 1 autre(s) » before). One warning per worker at its first row — B4, B8, B9 — and the workbook stays valid."""
    sheets = make_corpus.valid_sheets()
    assert sheets["Suivi"][0][:2] == ["id_travailleur", "date"] and len(sheets["Suivi"]) == 3
    sheets["Suivi"] += [[2, date(2023, 2, 28), "entretien_individuel", None],
                        [2, date(2023, 3, 1), "entretien_individuel", None],
                        [2, date(2024, 6, 30), "bilan", None],
                        [2, date(2024, 7, 1), "formation", 3],
                        [1, date(2022, 1, 9), "entretien_collectif", None]]
    sheets["Suivi"] += [[3, date(2020, 1, day), "autre", None] for day in range(1, 7)]
    result = read_workbook(write_workbook(tmp_path / "suivi.xlsx", sheets))
    assert result.valid
    found = [p for p in result.problems if p.code == "follow_up_outside_employment"]
    assert [(p.severity.value, p.sheet, p.cell) for p in found] == [
        ("warning", "Suivi", "B4"), ("warning", "Suivi", "B8"), ("warning", "Suivi", "B9")]
    assert found[0].message.fr == (
        "Travailleur 2 : les actions de suivi aux dates 28/02/2023, 01/07/2024 sont hors de sa période "
        "d'occupation (entrée le 01/03/2023, sortie le 30/06/2024) ; elles ne sont pas comptées (suivi social, "
        "rapport annuel). Vérifiez les dates de Personnel ou du Suivi.")
    assert found[1].message.en == (
        "Worker 1: the follow-up action of 2022-01-09 is outside their employment (hired 2022-01-10); it is "
        "not counted (social follow-up, annual report). Check the Personnel dates or the Suivi sheet.")
    assert ("01/01/2020, 02/01/2020, 03/01/2020, 04/01/2020, 05/01/2020 et 1 autre sont hors"
            in found[2].message.fr)


def _one_person_under_two_ids(tmp_path, earlier: str):
    """The valid workbook read with worker 1 (hired 10/01/2022, contract ``earlier``) leaving on 31/12/2022 and
    worker 2 (01/03/2023 … 30/06/2024) given worker 1's niss, and Suivi rows 4–6 added: worker 2 on 15/06/2022,
    worker 1 on 20/01/2023 (bilan), worker 2 on 01/07/2024 (formation, 3 h)."""
    sheets = valid_sheets()
    number = sheets["Personnel"][1][1]
    sheets = set_value(set_value(set_value(sheets, "Personnel", 1, "date_sortie", date(2022, 12, 31)),
                                 "Personnel", 2, "niss", number), "Personnel", 1, "type_contrat", earlier)
    sheets["Suivi"] += [[2, date(2022, 6, 15), "entretien_individuel", None],
                        [1, date(2023, 1, 20), "bilan", None],
                        [2, date(2024, 7, 1), "formation", 3]]
    return read_workbook(write_workbook(tmp_path / f"{earlier}-suivi.xlsx", sheets))


def test_a_follow_up_action_is_judged_against_the_persons_employment_under_any_id(tmp_path):
    """The warning judged each id alone, while the follow-up check counts an action held while the person is
    employed under any of their ids (docs/interpretations.md, « A person re-hired under a new id »): it said
    « elles ne sont pas comptées » of actions the check counted (audit: a CDD → CDD → CDI chain with the
    year's interviews under the CDI's id). The valid workbook's worker 1 (hired 10/01/2022) leaves on
    31/12/2022 and worker 2 (01/03/2023 … 30/06/2024) gets worker 1's niss: one person. Suivi rows 2 and 3
    (worker 1 on 01/02/2024, worker 2 on 05/03/2024) and row 4 (worker 2 on 15/06/2022) fall in one of the
    person's contracts: counted, no warning (the old code warned at B2 and B4). Row 5 (worker 1, 20/01/2023)
    and row 6 (worker 2, 01/07/2024) fall in none — between the two contracts, after the last: one warning
    per id, at B5 and B6, naming the person's two employments. The reader agrees with
    ``Enterprise.held_on``, the check's and the annual report's rule, on every row."""
    result = _one_person_under_two_ids(tmp_path, "CDI")
    assert result.valid
    found = [p for p in result.problems if p.code == "follow_up_outside_employment"]
    assert [(p.sheet, p.cell) for p in found] == [("Suivi", "B5"), ("Suivi", "B6")]
    assert found[0].message.fr == (
        "Travailleur 1 : l'action de suivi du 20/01/2023 est hors des périodes d'occupation de la personne "
        "(travailleur 1 : entrée le 10/01/2022, sortie le 31/12/2022 ; travailleur 2 : entrée le 01/03/2023, "
        "sortie le 30/06/2024) ; elle n'est pas comptée (suivi social, rapport annuel). Vérifiez les dates de "
        "Personnel ou du Suivi.")
    assert found[1].message.en == (
        "Worker 2: the follow-up action of 2024-07-01 is outside the person's employment (worker 1: hired "
        "2022-01-10, exit 2022-12-31; worker 2: hired 2023-03-01, exit 2024-06-30); it is not counted (social "
        "follow-up, annual report). Check the Personnel dates or the Suivi sheet.")
    e = result.enterprise
    warned = {f.row for f in e.follow_ups if not e.held_on(e.workers_by_id[f.worker_id], f.date)}
    assert warned == {5, 6}
    # Worker 1's pay of 2024 is still judged against its own contract: a payroll row is one contract's.
    assert [p.cell for p in result.problems if p.code == "pay_outside_employment"] == ["B2"]


def test_a_follow_up_action_under_an_art60_stints_id_is_judged_against_the_persons_contracts(tmp_path):
    """Differential audit: the same workbook as above, worker 1 on an art. 60 §7 stint (10/01/2022 … 31/12/2022)
    then worker 2 hired by the EI (01/03/2023 … 30/06/2024), one niss. The check counts an action under either id
    dated in either contract (one accompaniment, docs/interpretations.md « Interviews per quarter »); the reader
    grouped the ids without the stint and warned at B2 (worker 1 on 01/02/2024, during worker 2's contract) and
    B4 (worker 2 on 15/06/2022, during the stint) that they were « pas comptées ». Now only B5 and B6, outside
    both contracts, as for two EI contracts; ``Enterprise.held_on`` agrees on every row, and the annual report
    of 2024 counts row 2's interview (1 individual interview in Q1: 01/02/2024) with worker 2 followed."""
    from ei_cli import documents
    from helpers_rules import StatusReport
    from ei_cli.periods import Period

    result = _one_person_under_two_ids(tmp_path, "art60")
    assert result.valid
    found = [p for p in result.problems if p.code == "follow_up_outside_employment"]
    assert [(p.sheet, p.cell) for p in found] == [("Suivi", "B5"), ("Suivi", "B6")]
    e = result.enterprise
    assert {f.row for f in e.follow_ups if not e.held_on(e.workers_by_id[f.worker_id], f.date)} == {5, 6}
    summary = documents.follow_up_summary(e, Period.calendar_year(2024), StatusReport({}, default=True))
    assert summary["quarters"][0]["individual"] == 1 and summary["target_workers_followed"] == 1


@pytest.mark.parametrize("typed, code, kept", [
    ("foo-2000", "unknown_regime", None),
    ("Wallonie-2003", None, "wallonie-2003"),
    ("bruxelles-2004", "regime_region_mismatch", None),
])
def test_the_regime_field_is_checked_at_its_cell(tmp_path, capsys, typed, code, kept):
    """The Entreprise `regime` field (B5 of the valid workbook, region wallonie): an unknown id passed
    `ei validate` and then failed every check with an error naming no cell; a known id in capitals was
    refused (enumerations are case-insensitive in workbook.md); a Brussels regime for a Walloon
    enterprise failed the same way. Now: a warning at B5 for the first and third, the field left aside
    (the regime in force applies, or --regime's, which comes first: rules.md D4), and the id in lower
    case for the second. `ei check --regime wallonie-2016` runs whatever the field holds."""
    sheets = make_corpus.valid_sheets()
    row = next(r for r in sheets["Entreprise"] if r[0] == "regime")
    assert sheets["Entreprise"].index(row) == 4  # row 5: B5
    row[1] = typed
    path = write_workbook(tmp_path / "regime.xlsx", sheets)
    result = read_workbook(path)
    assert result.errors == () and result.enterprise.regime_id == kept
    found = [(p.code, p.sheet, p.cell) for p in result.problems if p.code in ("unknown_regime", "regime_region_mismatch")]
    assert found == ([] if code is None else [(code, "Entreprise", "B5")])
    code_, _, err = run_cli(capsys, "check", path, "--year", "2024", "--regime", "wallonie-2016")
    assert code_ in (0, 1), err


@pytest.mark.parametrize("typed, expected", [
    ("2.500", None), ("2,500", None), ("12.345", None), ("-1.000", None), ("1.000 €", None),
    ("2,50", Decimal("2.50")), ("2500", Decimal("2500")), ("0,125", Decimal("0.125")),
    ("1234.567", Decimal("1234.567")), ("2.5", Decimal("2.5")),
])
def test_an_amount_typed_like_thousands_is_ambiguous(typed, expected):
    """A text amount « 2.500 » was read as 2,50 € (a point is a decimal separator, workbook.md), where
    most people mean 2 500 €; check-wages then compared 2,50 € a month. One separator followed by
    exactly three digits after one to three others is refused as ambiguous (cents have two decimals);
    « 2,50 », « 2500 », « 0,125 » (no thousands group starts with 0) and « 1234.567 » (four digits
    before the separator: not a thousands group) stay amounts."""
    if expected is None:
        with pytest.raises(Invalid) as err:
            to_money(typed)
        assert err.value.code == "ambiguous_number" and "1850 ou 18,50" in err.value.expected.fr
    else:
        assert to_money(typed) == expected


@pytest.mark.parametrize("raw", ["9" * 400, "1" + "0" * 15, 1e300, -1e16, 10 ** 15, 999999999999999.9])
def test_a_number_of_16_digits_or_more_is_refused_not_a_crash(raw):
    """A turnover typed as 400 nines was read, then `ei check` stopped on an internal error
    (InvalidOperation: the rounding to the cent overflows 28 digits); a number cell of 1e300 the same. A
    spreadsheet keeps 15 significant digits and no EI figure comes near 10^15: refused as invalid_number
    « moins de 16 chiffres avant la virgule », in the amount and the number columns alike."""
    for convert in (to_money, to_number, to_quantity):
        with pytest.raises(Invalid) as err:
            convert(raw)
        assert err.value.code == "invalid_number" and "moins de 16 chiffres" in err.value.expected.fr
    assert to_money("999999999999999") == Decimal("999999999999999")  # 15 digits: still a figure


def test_an_exit_date_of_31_12_9999_means_still_employed(tmp_path):
    """31/12/9999 is the « no end » of payroll and HR exports. Since dates are kept within 1900–2099 it
    was an error on every such row; in `date_sortie` it is read as empty (still employed). Any other
    date beyond 2099 stays an error there, and 31/12/9999 stays one in the other date columns."""
    from datetime import datetime

    from ei_cli.workbook.cells import to_date, to_exit_date

    for raw in ("31/12/9999", "9999-12-31", date(9999, 12, 31), datetime(9999, 12, 31)):
        assert to_exit_date(raw) is None
    assert to_exit_date("30/06/2024") == date(2024, 6, 30)
    for bad in ("30/12/9999", date(2100, 1, 1)):
        with pytest.raises(Invalid):
            to_exit_date(bad)
    with pytest.raises(Invalid):
        to_date("31/12/9999")
    sheets = valid_sheets()
    set_value(sheets, "Personnel", 2, "date_sortie", "31/12/9999")  # worker 2 left on 2024-06-30 before
    result = read_workbook(write_workbook(tmp_path / "no-end.xlsx", sheets))
    assert result.errors == ()
    assert result.enterprise.workers_by_id["2"].exit_date is None


def test_a_first_ei_hire_before_the_birth_date_is_an_error_at_its_cell(tmp_path):
    """The status is assessed on `date_premier_engagement_ei` when given (D6): worker 1 born 1990-05-17
    with a first EI hire typed 1989-01-10 (for 2019) was read, and assessed at age −1 (« hors public
    cible », T2 « −1 ans accomplis »). It is an error at its cell, like a birth after the hire date, the
    dates not quoted (identity data)."""
    sheets = add_column(valid_sheets(), "Personnel", "date_premier_engagement_ei")
    set_value(sheets, "Personnel", 1, "date_premier_engagement_ei", date(1989, 1, 10))
    result = read_workbook(write_workbook(tmp_path / "first-ei.xlsx", sheets))
    found = [p for p in result.errors if p.code == "birth_after_first_ei_hire"]
    assert len(found) == 1 and found[0].sheet == "Personnel"
    assert "1989" not in found[0].message.fr + found[0].message.en
    assert "1990" not in found[0].message.fr + found[0].message.en


def test_a_first_ei_hire_after_the_hire_here_is_an_error_at_its_cell(tmp_path, capsys):
    """`date_premier_engagement_ei` is the first hire in any agreed EI (D6), so it cannot come after the hire
    here: worker 1 hired 2022-01-10 with a first EI hire typed 2022-06-01 is an error
    first_ei_hire_after_hire at that cell (column P, appended after the 15 of the valid workbook; row 2),
    naming the worker; `ei validate` exits 2."""
    sheets = add_column(valid_sheets(), "Personnel", "date_premier_engagement_ei")
    set_value(sheets, "Personnel", 1, "date_premier_engagement_ei", date(2022, 6, 1))
    path = write_workbook(tmp_path / "first-ei.xlsx", sheets)
    [found] = read_workbook(path).errors
    assert (found.code, found.sheet, found.cell) == ("first_ei_hire_after_hire", "Personnel", "P2")
    assert found.message.fr == ("Travailleur 1 : la date de premier engagement en EI (01/06/2022) est postérieure à "
                                "la date d'entrée (10/01/2022) ; ne la remplissez que si le premier engagement dans "
                                "une EI agréée est antérieur.")
    assert found.message.en.startswith("Worker 1: the first EI hire date (2022-06-01) is after the hire date "
                                       "(2022-01-10)")
    assert _validated(capsys, path, fields=("code", "severity", "cell")) == (
        2, [("first_ei_hire_after_hire", "error", "P2")])


def test_two_personnel_rows_with_one_national_number_are_named_by_ids_and_cells_never_by_the_number(tmp_path):
    """One person re-hired under a new id (ids are unique) keeps one NISS: worker 2's niss set to worker 1's
    (Personnel B2) gave nothing, and the subsidies started a second window and cap. Now a warning
    duplicate_niss at B3 naming worker 2, worker 1 and B2, with no 5 digits of the number in it; the
    workbook stays valid. Worker 2's niss, as shipped, is empty: empty cells are no duplicates."""
    sheets = valid_sheets()
    number = sheets["Personnel"][1][1]
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", set_value(sheets, "Personnel", 2, "niss", number)))
    assert not result.errors
    [warning] = [p for p in result.problems if p.code == "duplicate_niss"]
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Personnel", "B3")
    assert warning.message.fr.startswith("Le travailleur 2 a le même numéro national que la cellule B2 "
                                         "(travailleur 1, ligne 2) ; valeur non reproduite")
    assert warning.message.en.startswith("Worker 2 has the same national number as cell B2 (worker 1, row 2)")
    # Its per-worker subsidies: continued without a gap (worker 2 hired after worker 1's contract, still open,
    # began), to justify after one — « à justifier » alone was false for a CDD renewed under a new id.
    assert ("continuent l'emploi précédent s'il le suit sans interruption, et sont à justifier après une "
            "interruption (ei subsidy)") in warning.message.fr
    assert "continue the previous employment when it follows without a gap" in warning.message.en
    # It is one person: the status is assessed once, at the first hire (rules.md §3.1), not only the subsidy.
    assert "son statut de public cible est évalué une seule fois, à son premier engagement" in warning.message.fr
    assert "their target-public status is assessed once, at their first hire" in warning.message.en
    digits = re.sub(r"\D", "", warning.message.fr + warning.message.en)
    assert not any(number[i:i + 5] in digits for i in range(7)), warning.message
    sheets = set_value(valid_sheets(), "Personnel", 1, "niss", None)   # rows 1 and 2 both empty
    assert not [p for p in read_workbook(write_workbook(tmp_path / "y.xlsx", sheets)).problems
                if p.code == "duplicate_niss"]


def test_an_art60_stint_sharing_a_national_number_is_no_re_hire(tmp_path):
    """Audit s11: a person on art. 60 §7 (the CPAS's contract), then hired by the EI, keeps one NISS. The
    warning said the status « est évalué une seule fois, à son premier engagement » and the new contract's
    subsidies « à justifier », while an art. 60 §7 stint is no EI hire (rules.md Q11): ei assesses the EI
    row on its own hire and its subsidy line is claimable (``Enterprise.employments`` leaves such rows out).
    The valid workbook's worker 2 (Personnel row 3) is put on art60, 01/01/2021 … 31/12/2021, with worker 1's
    number (B2): no warning. A third contract, worker 4 (row 5, a copy of worker 1 hired 01/07/2024), is one
    re-hire: one warning, at B5, naming worker 1 (B2, hired 10/01/2022) — not the art. 60 row, the earliest,
    which the old code named the first hire of both."""
    sheets = valid_sheets()
    number = sheets["Personnel"][1][1]
    for column, value in (("niss", number), ("type_contrat", "art60"), ("date_entree", date(2021, 1, 1)),
                          ("date_sortie", date(2021, 12, 31))):
        sheets = set_value(sheets, "Personnel", 2, column, value)
    result = read_workbook(write_workbook(tmp_path / "art60.xlsx", sheets))
    assert result.valid and not [p for p in result.problems if p.code == "duplicate_niss"]
    rehire = list(sheets["Personnel"][1])
    rehire[column_of(sheets, "Personnel", "id_travailleur")] = 4
    rehire[column_of(sheets, "Personnel", "date_entree")] = date(2024, 7, 1)
    sheets["Personnel"].append(rehire)
    result = read_workbook(write_workbook(tmp_path / "art60-rehire.xlsx", sheets))
    [warning] = [p for p in result.problems if p.code == "duplicate_niss"]
    assert warning.cell == "B5" and warning.message.fr.startswith(
        "Le travailleur 4 a le même numéro national que la cellule B2 (travailleur 1, ligne 2)")
    e = result.enterprise
    assert [w.worker_id for w in e.employments_of(e.workers_by_id["4"])] == ["1", "4"]


def test_the_new_hire_of_a_duplicated_national_number_is_the_later_one_whatever_the_row_order(tmp_path):
    """Audit row order 1: the warning named the first row met as the first hire. Worker 2 (Personnel row 3) is
    hired 01/03/2023 and leaves 30/06/2024, and is given worker 1's number (empty as shipped); worker 1 (row
    2) is hired 01/07/2024 instead — the same person re-hired, the re-hire typed above. The warning is on worker 1's niss cell
    (B2), naming worker 2 (B3, row 3) as the first hire, as ``Enterprise.employments`` (hire date, then row)
    and the subsidy's ``rehire_of`` read it; before, it was on B3 and called worker 2 the new hire."""
    sheets = valid_sheets()
    number = sheets["Personnel"][1][1]
    assert number
    sheets = set_value(set_value(sheets, "Personnel", 2, "niss", number), "Personnel", 1, "date_entree",
                       date(2024, 7, 1))
    result = read_workbook(write_workbook(tmp_path / "rehire-above.xlsx", sheets))
    [warning] = [p for p in result.problems if p.code == "duplicate_niss"]
    assert (warning.sheet, warning.cell) == ("Personnel", "B2")
    assert warning.message.fr.startswith("Le travailleur 1 a le même numéro national que la cellule B3 "
                                         "(travailleur 2, ligne 3)")


def test_rows_outside_the_employment_are_listed_by_date_whatever_their_order(tmp_path):
    """Audit row order 2: the dates were listed in the sheet's order, and « et N autres » hid the first months
    after the exit, the ones that tell what went wrong. Worker 2 leaves 30/06/2024; six Paie rows 2024-12 …
    2024-07 are added newest first (rows 8 to 13). The warning lists 2024-07, 2024-08, 2024-09, 2024-10,
    2024-11 « et 1 autre » (5 shown of 6) and stands on the earliest month's cell, B13."""
    sheets = make_corpus.valid_sheets()
    assert len(sheets["Paie"]) == 7
    sheets["Paie"] += [[2, date(2024, m, 1), 0.5, 1050, 1450] for m in range(12, 6, -1)]
    result = read_workbook(write_workbook(tmp_path / "newest-first.xlsx", sheets))
    [found] = [p for p in result.problems if p.code == "pay_outside_employment"]
    assert found.cell == "B13"
    assert "paie pour 2024-07, 2024-08, 2024-09, 2024-10, 2024-11 et 1 autre" in found.message.fr


def test_a_birth_date_that_is_not_the_national_number_s_is_a_warning_naming_the_cells_only(tmp_path, capsys):
    """Worker 1's niss holds 17/05/1990 (Personnel B2); date_naissance typed 17/05/1980 (E2) aged them 41
    on their hire (10/01/2022) instead of 31, with no word. Now a warning birth_date_not_niss at E2 naming B2,
    no date nor digit of the number in it; the workbook stays valid, and `ei validate` lists it. No warning
    for a BIS number (month field + 20), nor for a number whose birth day is unknown (day 00): neither holds
    a wholly known birth date."""
    sheets = set_value(valid_sheets(), "Personnel", 1, "date_naissance", date(1980, 5, 17))
    path = write_workbook(tmp_path / "x.xlsx", sheets)
    result = read_workbook(path)
    assert result.valid
    [warning] = [p for p in result.problems if p.code == "birth_date_not_niss"]
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Personnel", "E2")
    assert warning.message.fr.startswith("Travailleur 1 : la date de naissance (E2) n'est pas celle que contient "
                                         "le numéro national (B2) ; valeurs non reproduites, donnée personnelle.")
    assert warning.message.en.startswith("Worker 1: the birth date (E2) is not the one the national number "
                                         "holds (B2); values not shown, personal data.")
    text = warning.message.fr + warning.message.en
    assert not re.search(r"19[89]0|17/05|05-17|900517", text)
    assert _validated(capsys, path) == (0, [("birth_date_not_niss", "E2")])

    number = niss(date(1990, 5, 17), 123)
    bis = number[:2] + "25" + number[4:9]                       # BIS: month field 05 + 20
    day_unknown = number[:4] + "00" + number[6:9]               # the register's day 00: born in May 1990
    for base in (bis, day_unknown):
        full = f"{base}{97 - int(base) % 97:02d}"
        sheets = set_value(valid_sheets(), "Personnel", 1, "niss", full)
        set_value(sheets, "Personnel", 1, "date_naissance", date(1980, 5, 17))
        result = read_workbook(write_workbook(tmp_path / "y.xlsx", sheets))
        assert result.valid and not result.problems, (full, result.problems)


def test_an_age_under_the_working_age_or_implausibly_high_on_the_assessment_day_is_a_warning(tmp_path, capsys):
    """The status is assessed on date_premier_engagement_ei, else date_entree (D6), and the age criteria
    (18–24, over 50) read the age that day. Worker 2 (Personnel row 3, no niss), hired 01/03/2023:
    - born 02/03/2008: 2023 − 2008 = 15, the birthday not reached on 01/03 → 14 completed years, under the
      minimum working age of 15 (loi du 16 mars 1971 sur le travail, art. 6 et 7, plausibility.toml):
      warning age_below_working_age at date_naissance (E3), naming date_entree (F3); born 01/03/2008 → 15:
      nothing;
    - born 28/02/1942 → 81, over the highest plausible age of 80: warning age_implausible; born 01/03/1943 →
      80: nothing;
    - born 03/02/2001 with a first EI hire typed 02/02/2016 (for 2019) → 14 that day: the warning names
      date_premier_engagement_ei (P3, the column appended), the day the status is assessed.
    The workbook stays valid; no date nor age is quoted; `ei validate` lists the warning."""
    def warned(born, first_ei=None):
        sheets = add_column(valid_sheets(), "Personnel", "date_premier_engagement_ei")
        set_value(sheets, "Personnel", 2, "date_naissance", born)
        set_value(sheets, "Personnel", 2, "date_premier_engagement_ei", first_ei)
        path = write_workbook(tmp_path / "x.xlsx", sheets)
        result = read_workbook(path)
        assert result.valid
        return path, [p for p in result.problems if p.code in ("age_below_working_age", "age_implausible")]

    path, [young] = warned(date(2008, 3, 2))
    assert (young.code, young.severity, young.sheet, young.cell) == (
        "age_below_working_age", "warning", "Personnel", "E3")
    assert young.message.fr == (
        "Travailleur 2 : moins de 15 ans à la date d'entrée, sous l'âge minimum pour travailler (Loi du 16 mars "
        "1971 sur le travail, art. 6 et 7) ; valeurs non reproduites, donnée personnelle. Le statut de public "
        "cible est évalué ce jour-là, à cet âge : vérifiez date_naissance (E3) et date_entree (F3).")
    assert young.message.en.startswith("Worker 2: under 15 on the hire date, below the minimum working age")
    code, problems = _validated(capsys, path)
    assert code == 0 and ("age_below_working_age", "E3") in problems
    assert warned(date(2008, 3, 1))[1] == []
    [old] = warned(date(1942, 2, 28))[1]
    assert (old.code, old.cell) == ("age_implausible", "E3")
    assert old.message.fr.startswith("Travailleur 2 : plus de 80 ans à la date d'entrée, un âge qui n'est pas "
                                     "plausible pour un travailleur d'EI (borne du projet ei) ;")
    assert warned(date(1943, 3, 1))[1] == []
    [first] = warned(date(2001, 2, 3), date(2016, 2, 2))[1]
    assert first.code == "age_below_working_age" and first.cell == "E3"
    assert "à la date de premier engagement en EI" in first.message.fr
    assert first.message.fr.endswith("vérifiez date_naissance (E3) et date_premier_engagement_ei (P3).")
    for p in (young, old, first):
        assert not re.search(r"\d{2}/\d{2}/\d{4}|\b(14|81)\b", p.message.fr + p.message.en), p.message


def test_more_months_without_work_than_since_the_working_age_is_a_warning(tmp_path, capsys):
    """mois_sans_emploi cannot exceed the months from the minimum working age (15, plausibility.toml) to the
    day the status is assessed (D6): days typed in a months column (180 for 6) met TGD's 24 months in
    silence. Worker 2 (Personnel row 3), born 03/02/2001, hired 01/03/2023: 15 on 03/02/2016, then 7 years
    = 84 months to 03/02/2023, and 03/02 → 01/03 is no whole month: 84 months possible. 84 → nothing; 85 →
    warning months_without_work_too_long at mois_sans_emploi (N3), naming date_naissance (E3), the value
    not quoted. Assessed on a first EI hire of 03/02/2019 instead (a re-hire, D6): 15 on 03/02/2016, 3 years
    = 36 months possible, 37 warned, the message naming that cell (date_premier_engagement_ei, P3) and saying
    the months are counted up to the first EI hire. Nothing when the age warning already says the worker was
    under 15 that day."""
    def warned(months, first_ei=None, born=date(2001, 2, 3)):
        sheets = add_column(valid_sheets(), "Personnel", "date_premier_engagement_ei")
        set_value(sheets, "Personnel", 2, "mois_sans_emploi", months)
        set_value(sheets, "Personnel", 2, "date_premier_engagement_ei", first_ei)
        set_value(sheets, "Personnel", 2, "date_naissance", born)
        path = write_workbook(tmp_path / "x.xlsx", sheets)
        result = read_workbook(path)
        assert result.valid
        return path, [p for p in result.problems if p.code == "months_without_work_too_long"]

    assert warned(84)[1] == []
    path, [warning] = warned(85)
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Personnel", "N3")
    assert warning.message.fr == (
        "Travailleur 2 : mois_sans_emploi (N3) compte plus de mois qu'il n'y en a entre ses 15 ans (âge minimum "
        "pour travailler, Loi du 16 mars 1971 sur le travail, art. 6 et 7) et la date d'entrée ; valeur non "
        "reproduite, donnée personnelle. Des jours saisis au lieu de mois ? Les seuils du public cible, en mois, se "
        "lisent dans cette colonne : vérifiez-la, et date_naissance (E3).")
    assert warning.message.en.startswith("Worker 2: mois_sans_emploi (N3) holds more months than there are from "
                                         "the age of 15 (the minimum working age")
    assert "85" not in warning.message.fr + warning.message.en
    code, problems = _validated(capsys, path)
    assert code == 0 and ("months_without_work_too_long", "N3") in problems
    assert warned(36, date(2019, 2, 3))[1] == []
    [first] = warned(37, date(2019, 2, 3))[1]
    assert "et la date de premier engagement en EI ;" in first.message.fr
    assert first.message.fr.endswith(
        "Les seuils du public cible, en mois, se lisent dans cette colonne, comptés jusqu'au premier engagement en EI "
        ": vérifiez-la, date_naissance (E3) et date_premier_engagement_ei (P3).")
    assert first.message.en.endswith(
        "The target public's thresholds, in months, are read from this column, counted up to the first EI hire: check it, "
        "date_naissance (E3) and date_premier_engagement_ei (P3).")
    assert warned(180, born=date(2010, 2, 3))[1] == []   # 13 on the hire date: age_below_working_age says it


def test_a_wage_cost_of_0_in_a_month_paid_is_a_warning_per_worker_and_read_as_typed(tmp_path, capsys):
    """Worker 1 paid 2 100,50 € gross in 2024-01 and 2024-02 with cout_salarial 0 (Paie E2, E3): the
    TD/TGD subsidy (half the cost) and the SIEG ceiling counted those months for nothing, without a word.
    Now one warning zero_wage_cost at E2 listing both months; the cost is still read as typed, 0
    (docs/interpretations.md: a figure is not second-guessed). A cost of 0 with no gross pay (a month
    unpaid) says nothing. The warning is in `ei validate` and in a command's problems (`ei subsidy`). With the
    two rows typed in the other order (2024-02 at E2, 2024-01 at E3), the months are still listed by month and
    the warning stands on 2024-01's cell, E3, as for pay outside the employment."""
    sheets = valid_sheets()
    for row in (1, 2):
        set_value(sheets, "Paie", row, "cout_salarial", 0)
    set_value(sheets, "Paie", 3, "salaire_brut", 0)                 # worker 2, 2024-01: nothing paid, no cost
    set_value(sheets, "Paie", 3, "cout_salarial", 0)
    path = write_workbook(tmp_path / "x.xlsx", sheets)
    result = read_workbook(path)
    assert result.valid
    [warning] = result.problems
    assert (warning.code, warning.severity, warning.sheet, warning.cell) == ("zero_wage_cost", "warning", "Paie", "E2")
    assert warning.message.fr == (
        "Travailleur 1 : coût salarial (cout_salarial) de 0 pour 2024-01, 2024-02, alors qu'un salaire brut y est "
        "payé ; lu tel quel, un coût nul : les subventions calculées sur le coût salarial (la moitié du coût, le "
        "plafond de l'accompagnement social) comptent ces mois pour 0 €. Saisissez le coût total employeur du "
        "compte individuel.")
    assert warning.message.en.startswith("Worker 1: wage cost (cout_salarial) of 0 for 2024-01, 2024-02, while a "
                                         "gross wage is paid; read as typed")
    assert [m.wage_cost for m in result.enterprise.pay if m.worker_id == "1"] == [0, 0]
    for command in (("validate", path), ("subsidy", path, "--year", "2024")):
        code, out, _ = run_cli(capsys, *command, "-f", "json")
        assert ("zero_wage_cost", "E2") in [(p["code"], p["cell"]) for p in json.loads(out)["problems"]], command
    set_value(sheets, "Paie", 1, "mois", date(2024, 2, 1))
    set_value(sheets, "Paie", 2, "mois", date(2024, 1, 1))
    [reversed_] = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets)).problems
    assert (reversed_.code, reversed_.cell) == ("zero_wage_cost", "E3")
    assert reversed_.message.fr.startswith("Travailleur 1 : coût salarial (cout_salarial) de 0 pour 2024-01, 2024-02,")


def test_a_wage_cost_of_0_for_an_art60_worker_says_nothing(tmp_path, capsys):
    """Audit of false alarms, item 2: an art. 60 §7 worker is employed by the CPAS (rules.md Q11), and a
    placement at no cost to the EI is plausible; yet zero_wage_cost told the user the subsidies counted those
    months for 0 €. No subsidy reads their cost: the per-worker and SIEG lines count the workers with an
    employment contract only (``rules.subsidy``). Worker 2 (TGD), paid 1 050 € gross at etp 0,5 in 2024-01 and
    2024-02 (Paie E4, E5), with cout_salarial 0 against 1 450,25:
    - as CDD (the control), their TGD line for 2024-01 – 2024-02 reads the cost (rules.md §1 row 5, S1: at
      most 50 % of it, capped 36 000 / 24 = 1 500 € a month full time, 750 € at etp 0,5): 2 × 1 450,25 =
      2 900,50, half 1 450,25 €, under 2 × 750 = 1 500; with a cost of 0, 0 €: the two `ei subsidy --year
      2024` outputs differ, and zero_wage_cost is at E4;
    - as art. 60, no TGD line: the two outputs are the same, and no warning; the cost read as typed (0)."""
    def read(contract, cost):
        sheets = set_value(valid_sheets(), "Personnel", 2, "type_contrat", contract)
        for row in (3, 4):
            set_value(sheets, "Paie", row, "cout_salarial", cost)
        path = write_workbook(tmp_path / "x.xlsx", sheets)
        result = read_workbook(path)
        assert result.valid
        code, out, _ = run_cli(capsys, "subsidy", path, "--year", "2024", "-f", "json")
        assert code == 0
        return result, json.loads(out)

    def winter(subsidy):       # the TGD line of 2024-01 – 2024-02: the 2024 part of their first occupation year
        return [line["amount"] for line in subsidy["lines"]
                if line["subsidy"] == "target_worker" and line["basis"]["start"] == "2024-01-01"]

    result, free = read("CDD", 0)
    _, paid = read("CDD", 1450.25)
    assert winter(free) == [0] and winter(paid) == [1450.25]
    assert [(p.code, p.cell) for p in result.problems] == [("zero_wage_cost", "E4")]
    assert [(p["code"], p["cell"]) for p in free["problems"]] == [("zero_wage_cost", "E4")]
    result, free = read("art60", 0)
    _, paid = read("art60", 1450.25)
    assert not result.problems and free == paid and winter(free) == []
    assert [m.wage_cost for m in result.enterprise.pay if m.worker_id == "2"] == [0, 0]


def _fte_beyond_days(tmp_path, personnel: dict, pay: dict | None = None, *, alone: bool = False) -> list:
    """The pay_fte_beyond_days_employed warnings of the valid workbook with worker 2's Personnel columns set to
    ``personnel`` and their 2024-02 Paie row (C5) to ``pay`` ({column: value}); ``alone``: their 2024-01 row
    deleted, so that the row edited is C4, their only one. Written to ``tmp_path / "x.xlsx"``, read, valid."""
    sheets = valid_sheets()
    if alone:
        del sheets["Paie"][3]
    for column, value in personnel.items():
        set_value(sheets, "Personnel", 2, column, value)
    for column, value in (pay or {}).items():
        set_value(sheets, "Paie", 3 if alone else 4, column, value)
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert result.valid
    return [p for p in result.problems if p.code == "pay_fte_beyond_days_employed"]


def test_a_paie_etp_beyond_the_days_employed_that_month_is_a_warning_naming_the_row(tmp_path, capsys):
    """Paie's etp is spread over the days employed that month, at most 1 a day (D2): the rest is not counted.
    Worker 2 paid etp 0,5 in 2024-02 (Paie C5) with an exit typed Thursday 01/02/2024. February 2024 has 29
    days and 21 working days (Thu 1, Fri 2, 5–9, 12–16, 19–23, 26–29: 2 + 5 + 5 + 5 + 4, no public holiday);
    1 day employed allows the larger of 1/29 = 0,0345 → 0,04 and 1/21 = 0,0476 → 0,05 (each rounded up to the
    hundredth): 0,05, the working-day share, so D2 counted 0,5 × 29 = 14,5 FTE-days as 1 in silence. Now a
    warning pay_fte_beyond_days_employed at C5. Exit Wed 14/02: calendar 14/29 = 0,4828 → 0,49, working days
    1, 2, 5–9, 12–14 = 10/21 = 0,4762 → 0,48: 0,49 (calendar days), still under 0,5: warned. Exit 15/02:
    calendar 15/29 = 0,5172 → 0,52, working days 1, 2, 5–9, 12–15 = 11 of 21 = 0,5238 → 0,53: 0,53 (working
    days), not under 0,5: nothing; an etp of 0,39 for the 12 days of 31 of March to Tue 12/03 (12/31 =
    0,3871 → 0,39; working days 1, 4–8, 11, 12 = 8 of 21 = 0,3810 → 0,39) says nothing either."""
    [warning] = _fte_beyond_days(tmp_path, {"date_sortie": date(2024, 2, 1)})
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Paie", "C5")
    assert warning.message.fr == (
        "Travailleur 2 : etp 0,5 pour 2024-02, plus que les jours occupés ce mois-là ne le permettent (au plus "
        "0,05, soit 1 jour de travail sur 21, du lundi au vendredi hors jours fériés légaux, Loi du 4 janvier 1974 "
        "relative aux jours fériés, art. 4, et arrêté royal du 18 avril 1974, art. 1er ; entrée le 01/03/2023, "
        "sortie le 01/02/2024) ; au plus 1 ETP par jour occupé, l'excédent n'est pas compté (quota, subventions). "
        "Vérifiez les dates de Personnel ou l'etp de la paie.")
    assert warning.message.en.startswith("Worker 2: etp 0.5 for 2024-02, more than the days employed that month "
                                         "allow (at most 0.05, that is 1 working day of 21, Monday to Friday, "
                                         "legal public holidays excepted, Loi du 4 janvier 1974")
    assert warning.message.en.endswith("; hired 2023-03-01, exit 2024-02-01); at most 1 FTE a day employed, the "
                                       "rest is not counted (quota, subsidies). Check the Personnel dates or the "
                                       "payroll etp.")
    [calendar] = _fte_beyond_days(tmp_path, {"date_sortie": date(2024, 2, 14)})
    assert calendar.cell == "C5" and "(au plus 0,49, soit 14 jours civils sur 29 ; entrée le" in calendar.message.fr
    assert "(at most 0.49, that is 14 calendar days of 29; hired" in calendar.message.en
    code, problems = _validated(capsys, tmp_path / "x.xlsx")  # exit 14/02, last written
    assert code == 0 and ("pay_fte_beyond_days_employed", "C5") in problems
    assert _fte_beyond_days(tmp_path, {"date_sortie": date(2024, 2, 15)}) == []
    march = {"mois": date(2024, 3, 1), "etp": 0.39}
    assert _fte_beyond_days(tmp_path, {"date_sortie": date(2024, 3, 12)}, march) == []


def test_a_paie_etp_beyond_the_days_employed_in_the_hire_month_is_a_warning(tmp_path):
    """The hire month's side of the same check. Worker 2 hired Tuesday 20/02/2024 (Personnel F3), paid etp 0,5
    in 2024-02 (Paie C5): February 2024 has 29 days, employed from the 20th to the 29th = 29 − 20 + 1 = 10
    days, 10/29 = 0,3448 → 0,35; of its 21 working days (no public holiday), 20–23 and 26–29 = 8, 8/21 =
    0,3810 → 0,39 (each rounded up to the hundredth). The larger, 0,39 (working days), < 0,5: warned at C5.
    An etp of 0,38 (a payroll counting 8 of 21 days, which the calendar share alone warned of) or 0,39 says
    nothing; 0,40 is warned. (Their 2024-01 row, C4, is before the hire: pay_outside_employment says it, not
    this check.)"""
    def warned(fte):
        return _fte_beyond_days(tmp_path, {"date_entree": date(2024, 2, 20)}, {"etp": fte})

    [warning] = warned(0.5)
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Paie", "C5")
    assert warning.message.fr.startswith(
        "Travailleur 2 : etp 0,5 pour 2024-02, plus que les jours occupés ce mois-là ne le permettent (au plus "
        "0,39, soit 8 jours de travail sur 21, du lundi au vendredi hors jours fériés légaux")
    assert "art. 1er ; entrée le 20/02/2024, sortie le 30/06/2024)" in warning.message.fr
    assert warning.message.en.startswith("Worker 2: etp 0.5 for 2024-02, more than the days employed that month "
                                         "allow (at most 0.39, that is 8 working days of 21")
    assert warned(0.35) == warned(0.38) == warned(0.39) == []
    assert [p.cell for p in warned(0.4)] == ["C5"]


def test_the_contracts_etp_typed_for_a_month_employed_in_part_is_a_warning(tmp_path):
    """Subsidy audit (2026-12-01): a payroll export giving the contract's etp, not the month's average, for a month
    employed in part is read as the average and spread over the days employed — a half-timer hired on the 15th
    counted 0,91 etp a day, in silence. Worker 2 (Personnel etp 0,5) hired Monday 12/02/2024, paid etp 0,5 in
    2024-02 (Paie C5): 18 calendar days of 29 = 0,6207 → 0,63; working days 12–16, 19–23, 26–29 = 14 of 21 =
    0,6667 → 0,67; the larger, 0,67 ≥ 0,5, so pay_fte_beyond_days_employed says nothing. But 0,5 is the contract's
    etp and more than the contract over those days allows, 0,5 × 0,67 = 0,335 → 0,34: pay_fte_contract_in_part_month
    at C5. Paie etp 0,34 (the month's average) or 0,45 (not the contract's figure: complementary hours, perhaps) says
    nothing; a hire on Thursday 01/02/2024 (the whole month) neither."""
    def warned(hire, fte):
        sheets = valid_sheets()
        set_value(sheets, "Personnel", 2, "date_entree", hire)
        set_value(sheets, "Paie", 4, "etp", fte)
        result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
        assert result.valid
        return [p for p in result.problems if p.code.startswith("pay_fte")]

    [warning] = warned(date(2024, 2, 12), 0.5)
    assert (warning.code, warning.severity, warning.sheet, warning.cell) == (
        "pay_fte_contract_in_part_month", "warning", "Paie", "C5")
    assert warning.message.fr == (
        "Travailleur 2 : etp 0,5 pour 2024-02, l'etp de son contrat (feuille Personnel), pour 14 jours de travail "
        "occupés sur 21 (entrée le 12/02/2024, sortie le 30/06/2024) ; ei lit l'etp de la Paie comme la moyenne du "
        "mois, répartie sur les jours occupés, qui compteraient alors plus que le contrat (quota, subventions). Si la "
        "paie reprend l'etp du contrat, saisissez la moyenne du mois : au plus 0,5 × 0,67 = 0,34.")
    assert warning.message.en.endswith("enter the month's average: at most 0.5 × 0.67 = 0.34.")
    assert warned(date(2024, 2, 12), 0.34) == warned(date(2024, 2, 12), 0.45) == warned(date(2024, 2, 1), 0.5) == []


def test_the_belgian_legal_public_holidays_and_working_days():
    """The legal public holidays of 2025 (plausibility.toml, loi du 4 janvier 1974 and arrêté royal du 18 avril
    1974): the 7 fixed days and Easter (Sunday 20/04/2025, ``periods.easter_sunday``, tests/test_periods.py)
    + 1 = Monday 21/04, + 39 = Thursday 29/05 (Ascension: 20/04 + 10 days to 30/04, + 29 to
    29/05), + 50 = Monday 09/06 (Whit Monday: 29/05 + 11). The working days of June 2025 (Sunday 1st):
    Mon–Fri 2–6, 9–13, 16–20, 23–27, 30 = 21, less Whit Monday 9 = 20."""
    from ei_cli.periods import Month
    from ei_cli.workdays import _public_holidays, _working_days

    assert sorted(_public_holidays(2025)) == [
        date(2025, 1, 1), date(2025, 4, 21), date(2025, 5, 1), date(2025, 5, 29), date(2025, 6, 9),
        date(2025, 7, 21), date(2025, 8, 15), date(2025, 11, 1), date(2025, 11, 11), date(2025, 12, 25)]
    june = _working_days(Month(2025, 6))
    assert len(june) == 20 and 9 not in june and june[:2] == (2, 3)


def test_a_paie_etp_counted_on_working_days_in_a_month_starting_or_ending_on_a_day_off_says_nothing(tmp_path):
    """Audit of false alarms, item 1: a payroll counts the etp of a month employed in part on its working days
    (Monday to Friday, the legal public holidays excepted) as well as on its calendar days; the reader allows
    the larger share, each rounded up to the hundredth. Worker 2 (Paie C4, their only row), full time:
    - hired Mon 03/06/2024 (1–2 June a weekend), etp 1: June 2024's working days 3–7, 10–14, 17–21, 24–28 =
      20, all employed: 20/20 = 1 (calendar 28/30 = 0,9333 → 0,94, warned before): nothing;
    - hired Tue 02/01/2024 (1 January a holiday), etp 1: January's weekdays 1–5, 8–12, 15–19, 22–26, 29–31 =
      23, less 1 January = 22, all employed 22/22 = 1 (calendar 30/31 → 0,97): nothing;
    - exit Fri 29/11/2024 (30th a Saturday), etp 1: weekdays 1, 4–8, 11–15, 18–22, 25–29 = 21, less 1 and 11
      November = 19, all employed 19/19 = 1 (calendar 29/30 → 0,97): nothing;
    - exit Fri 30/08/2024 (31st a Saturday), etp 1: weekdays 1–2, 5–9, 12–16, 19–23, 26–30 = 22, less 15
      August = 21, all employed 21/21 = 1 (calendar 30/31 → 0,97): nothing;
    - hired Mon 18/03/2024, etp 0,48: March's working days 1, 4–8, 11–15, 18–22, 25–29 = 21 (Easter Monday is
      1 April), employed 18–22, 25–29 = 10, 10/21 = 0,4762 → 0,48 (calendar 14/31 = 0,4516 → 0,46): nothing;
      0,49 warned.
    Still warned: an exit typed Mon 01/07/2024 of a month paid whole, etp 1: July's weekdays 1–5, 8–12,
    15–19, 22–26, 29–31 = 23 (21 July a Sunday: no day less), 1/23 = 0,0435 → 0,05 (calendar 1/31 → 0,04):
    « au plus 0,05, soit 1 jour de travail sur 23 ». Hired Sat 29/06/2024, etp 0,1: no working day employed
    (0/20 = 0), calendar 2/30 = 0,0667 → 0,07: « au plus 0,07, soit 2 jours civils sur 30 »."""
    def warned(hire, exit_, month, fte):                                            # their one row is C4
        return _fte_beyond_days(tmp_path, {"date_entree": hire, "date_sortie": exit_}, {"mois": month, "etp": fte},
                                alone=True)

    hired = date(2023, 3, 1)
    assert warned(date(2024, 6, 3), None, date(2024, 6, 1), 1) == []
    assert warned(date(2024, 1, 2), None, date(2024, 1, 1), 1) == []
    assert warned(hired, date(2024, 11, 29), date(2024, 11, 1), 1) == []
    assert warned(hired, date(2024, 8, 30), date(2024, 8, 1), 1) == []
    assert warned(date(2024, 3, 18), None, date(2024, 3, 1), 0.48) == []
    assert [p.cell for p in warned(date(2024, 3, 18), None, date(2024, 3, 1), 0.49)] == ["C4"]
    [july] = warned(hired, date(2024, 7, 1), date(2024, 7, 1), 1)
    assert "(au plus 0,05, soit 1 jour de travail sur 23, du lundi au vendredi hors jours fériés" in july.message.fr
    [saturday] = warned(date(2024, 6, 29), None, date(2024, 6, 1), 0.1)
    assert "(au plus 0,07, soit 2 jours civils sur 30 ; entrée le 29/06/2024)" in saturday.message.fr
    assert "(at most 0.07, that is 2 calendar days of 30; hired 2024-06-29)" in saturday.message.en


def test_a_column_with_values_under_a_blank_header_is_reported_at_the_header_cell(tmp_path):
    """The header of Personnel's date_sortie (G1) cleared: its dates were dropped in silence, every worker
    read as still employed (worker 2, who left on 30/06/2024, counted on), the workbook « valide ». Now an
    error at G1 naming the first value (G3, worker 2's row): the sheet has no date_sortie, whose empty cell
    means « still employed ». A column of text (names, notes: no date) is a warning there, as in Paie (no
    such column) a filled column without header; a
    blank header over an empty column says nothing; the values below are never quoted."""
    sheets = rename_column(valid_sheets(), "Personnel", "date_sortie", None)
    for i, row in enumerate(sheets["Personnel"]):
        row.append(None)                                    # P: a blank header over an empty column
        row.append(None if i == 0 else "Zqxname")         # Q: a name, never quoted; no date: a warning
    for i, row in enumerate(sheets["Paie"]):
        row.append(None if i == 0 else 151.67)            # F: hours without their header
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    found = [(p.code, str(p.severity), p.sheet, p.cell) for p in result.problems]
    assert found == [("unnamed_column", "error", "Personnel", "G1"), ("unnamed_column", "warning", "Personnel", "Q1"),
                     ("unnamed_column", "warning", "Paie", "F1")]
    first = result.problems[0].message
    assert "La colonne G a des valeurs (dès G3) mais pas d'en-tête en G1" in first.fr
    assert "date_sortie = toujours en service" in first.fr and "exit_date = still employed" in first.en
    assert "date_cdi" not in first.fr                       # present in the sheet
    assert all("Zqxname" not in p.message.fr + p.message.en for p in result.problems)
    assert "Si c'est une colonne du modèle (colonnes facultatives absentes : heures)" \
        in result.problems[2].message.fr



def test_a_number_too_large_for_a_float_without_header_is_not_a_date_and_no_internal_error(tmp_path):
    """Personnel's date_sortie header (G1) cleared, its column holding 1,7976931348623155e308 (written in the
    file as 1.79769313486232E+308, read back as infinity): ``cells.holds_dates`` took ``int(inf)`` —
    « Erreur interne (OverflowError) » (found by test_any_value_anywhere_gives_a_model_or_located_problems).
    Infinity (and NaN) is no date serial: the column has values that are not dates, a warning at G1."""
    from ei_cli.workbook.cells import holds_dates

    assert not holds_dates([float("inf")]) and not holds_dates([float("nan"), 45000])
    sheets = rename_column(valid_sheets(), "Personnel", "date_sortie", None)
    for row in sheets["Personnel"][1:]:
        row[6] = 1.7976931348623155e308
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    (p,) = [p for p in result.problems if p.code == "unnamed_column"]
    assert (str(p.severity), p.sheet, p.cell) == ("warning", "Personnel", "G1")


def test_a_cleared_header_just_before_the_last_one_is_reported(tmp_path):
    """Personnel's header mois_sans_emploi (N1) cleared: it is the column just before the last header
    (parent_isole, O1), inside the named columns. Its values (12, 30, 0: no date) are said at N1, a warning."""
    sheets = rename_column(valid_sheets(), "Personnel", "mois_sans_emploi", None)
    assert sheets["Personnel"][0][-2:] == [None, "parent_isole"]
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    (p,) = [p for p in result.problems if p.code == "unnamed_column"]
    assert (str(p.severity), p.sheet, p.cell) == ("warning", "Personnel", "N1")
    assert "La colonne N a des valeurs (dès N2) mais pas d'en-tête en N1" in p.message.fr


def test_dates_without_header_in_a_sheet_with_no_deciding_column_absent_are_a_warning(tmp_path):
    """Paie has no optional column whose empty cell decides (its absent heures decides nothing): a column of
    payment dates (the 28th of each month) pasted without header after cout_salarial (F1) cannot be a column
    whose absence changes the verdicts in silence — a warning naming heures, the workbook readable, though
    its values are dates."""
    sheets = valid_sheets()
    for i, row in enumerate(sheets["Paie"]):
        row.append(None if i == 0 else date(row[1].year, row[1].month, 28))
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    (p,) = [p for p in result.problems if p.code == "unnamed_column"]
    assert (str(p.severity), p.sheet, p.cell) == ("warning", "Paie", "F1") and result.valid
    assert "(colonnes facultatives absentes : heures)" in p.message.fr


def test_hours_round_a_durations_fraction_of_a_second_and_refuse_a_bare_p():
    """A spreadsheet's float leaves microseconds of noise: 3:30 read as 03:29:59.99997 is 3 × 3 600 + 29 × 60
    + 59 = 12 599 s + 0,99997 s → 12 600 whole seconds ÷ 3 600 = 3,5 h (not 12 599 ÷ 3 600 = 3,4997 h). An .ods
    duration with fractional seconds, PT3H29M59.6S = 12 599,6 s → 12 600 s → 3,5 h too. « P » alone (the
    ISO 8601 prefix and no figure) is no duration: refused as a number, not read as 0 h."""
    from ei_cli.workbook.cells import to_hours

    assert to_hours(time(3, 29, 59, 999970)) == Decimal("3.5")
    assert to_hours("PT3H29M59.6S") == Decimal("3.5")
    with pytest.raises(Invalid):
        to_hours("P")

def test_data_without_its_header_row_is_one_error_that_quotes_no_cell(tmp_path):
    """Personnel pasted without its header row: worker 1's row was taken for the headers, and the warnings
    unknown_column quoted « Exemple », « Alice », 17/05/1990, « cesi »… (cli.md: no name or social-situation
    value without --names). Now one error at A1, naming the row and quoting no cell; nothing else on the
    sheet. An unknown header that is a date or a number — a cell of that type, or text that reads as one —
    is never quoted either."""
    sheets = valid_sheets()
    del sheets["Personnel"][0]
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert [(p.code, p.sheet, p.cell) for p in result.problems] == [("missing_header_row", "Personnel", "A1")]
    message = result.problems[0].message
    assert message.fr.startswith("Aucune ligne d'en-têtes reconnue (ligne 1) :")
    assert "ajoutez au-dessus la ligne d'en-têtes du modèle" in message.fr and "add the template's header row" in message.en
    assert "écrivez-les comme le modèle" in message.fr                 # headers all misspelt: rename them
    for value in ("Exemple", "Alice", "1990", "cesi", "production"):
        assert value not in message.fr + message.en

    sheets = valid_sheets()
    for i, row in enumerate(sheets["Personnel"]):
        row.extend([date(1990, 5, 17), 12, "17/05/1990", "0,5", "remarque"] if i == 0 else [None] * 5)
    result = read_workbook(write_workbook(tmp_path / "y.xlsx", sheets))
    unknown = [p for p in result.problems if p.code == "unknown_column"]
    assert [p.cell for p in unknown] == ["P1", "Q1", "R1", "S1", "T1"]
    for p in unknown[:4]:
        assert "est une date ou un nombre (non reproduit)" in p.message.fr
        assert not re.search(r"1990|17/05|0,5|\b12\b", p.message.fr + p.message.en), p.message
    assert "Colonne inconnue « remarque » ignorée" in unknown[4].message.fr


def test_hours_typed_as_durations_are_read_as_decimal_hours(tmp_path):
    """Paie heures typed 164:40 in an [h]:mm cell was « « 6 days, 20:40:00 » n'est pas valide » (Python's
    text, and the workbook blocked); Suivi heures 3:30 in an h:mm cell « « 03:30:00 » ». Both are hours:
    164:40 = 164 × 60 + 40 = 9 880 min, ÷ 60 = 164,666… h (exact to Decimal's 28 digits, not the float's
    noise); 3:30 = 210 min ÷ 60 = 3,5 h. In a column that is not hours a duration is quoted as the cell
    shows it: etp 7:36 → « 7:36 n'est pas valide »."""
    from datetime import timedelta

    from ei_cli.workbook.cells import to_hours

    sheets = valid_sheets()
    for i, row in enumerate(sheets["Paie"]):
        row.append("heures" if i == 0 else 151.67)
    path = write_workbook(tmp_path / "x.xlsx", sheets, cells={("Paie", "F2"): timedelta(hours=164, minutes=40),
                                                              ("Suivi", "D3"): time(3, 30)})
    result = read_workbook(path)
    assert result.valid and not result.problems
    assert result.enterprise.pay[0].hours == Decimal(9880) / Decimal(60)
    assert round(result.enterprise.pay[0].hours, 2) == Decimal("164.67")
    assert result.enterprise.pay[1].hours == Decimal("151.67")
    assert [f.hours for f in result.enterprise.follow_ups] == [Decimal(1), Decimal("3.5")]
    assert to_hours(timedelta(seconds=12600, microseconds=3)) == Decimal("3.5")   # a float's noise dropped
    assert to_hours("7,5") == Decimal("7.5") and to_hours(8.0) == Decimal(8)

    broken = read_workbook(write_workbook(tmp_path / "y.xlsx", valid_sheets(),
                                          cells={("Paie", "C2"): timedelta(hours=7, minutes=36)}))
    [problem] = broken.errors
    assert (problem.code, problem.cell) == ("invalid_number", "C2")
    assert " : 7:36 n'est pas valide" in problem.message.fr and "day" not in problem.message.en
    assert shown(timedelta(days=6, seconds=74400)) == "164:40" and shown(time(3, 30)) == "3:30"
    assert shown(timedelta(hours=1, minutes=2, seconds=3)) == "1:02:03"


def test_excel_zero_date_and_a_date_serial_without_date_format_are_named(tmp_path):
    """A date_sortie from a lookup that found nothing holds 0 in a date cell (Excel shows 00/01/1900):
    it read « « 00:00:00 » n'est pas valide ». Now « 00/01/1900 n'est pas valide » and that it is Excel's
    zero date. A date_entree (F2) and a Paie mois (B2) typed in a General cell read « 45352 n'est pas
    valide »: now also « ressemble à une date sans format de date (45352 = 01/03/2024) » — serial 45352
    counts days from 30/12/1899: 30/12/1899 + 45 352 days = 01/03/2024. A number out of 1990–2100
    (12, serial of 11/01/1900) gets no such hint; the codes are unchanged."""
    import openpyxl

    path = write_workbook(tmp_path / "x.xlsx", valid_sheets())
    book = openpyxl.load_workbook(path)
    for sheet, ref, value, number_format in [("Personnel", "G2", 0, "DD/MM/YYYY"), ("Personnel", "F2", 45352, "General"),
                                             ("Paie", "B2", 45352, "General"), ("Suivi", "B2", 12, "General")]:
        book[sheet][ref].value, book[sheet][ref].number_format = value, number_format
    book.save(path)
    problems = {(p.sheet, p.cell): p for p in read_workbook(path).errors}
    assert {k: p.code for k, p in problems.items()} == {
        ("Personnel", "F2"): "invalid_date", ("Personnel", "G2"): "invalid_date", ("Paie", "B2"): "invalid_month",
        ("Suivi", "B2"): "invalid_date"}
    zero = problems["Personnel", "G2"].message
    assert "(travailleur 1) : 00/01/1900 n'est pas valide ; attendu : une date" in zero.fr
    assert "C'est la date zéro du tableur (00/01/1900 dans Excel" in zero.fr and "spreadsheet's zero date" in zero.en
    assert "00:00" not in zero.fr + zero.en
    for ref in (("Personnel", "F2"), ("Paie", "B2")):
        message = problems[ref].message
        assert "45352 ressemble à une date sans format de date (45352 = 01/03/2024)" in message.fr
        assert "45352 looks like a date without a date format (45352 = 01/03/2024)" in message.en
    assert "ressemble" not in problems["Suivi", "B2"].message.fr


def test_a_quoted_value_follows_the_language_of_its_message(tmp_path):
    """A boolean typed in `etp` was quoted « VRAI » in the English message too (« Column “fte” (worker 1): VRAI
    is not valid »), and a fractional date serial with a decimal point in French (« 45000.5 n'est pas valide …
    45000.5 ressemble à une date sans format de date »). Each half now quotes it in its language: VRAI / TRUE,
    45000,5 / 45000.5 (serial 45000 = 30/12/1899 + 45 000 days = 15/03/2023)."""
    import openpyxl

    path = write_workbook(tmp_path / "x.xlsx", valid_sheets())
    book = openpyxl.load_workbook(path)
    book["Personnel"]["J2"].value = True
    book["Personnel"]["F2"].value, book["Personnel"]["F2"].number_format = 45000.5, "General"
    book.save(path)
    problems = {(p.sheet, p.cell): p for p in read_workbook(path).errors}
    fte, hire = problems["Personnel", "J2"].message, problems["Personnel", "F2"].message
    assert "(travailleur 1) : VRAI n'est pas valide" in fte.fr and "(worker 1): TRUE is not valid" in fte.en
    assert "VRAI" not in fte.en
    assert "(travailleur 1) : 45000,5 n'est pas valide" in hire.fr
    assert "45000,5 ressemble à une date sans format de date (45000,5 = 15/03/2023)" in hire.fr
    assert "(worker 1): 45000.5 is not valid" in hire.en
    assert "45000.5 looks like a date without a date format (45000.5 = 15/03/2023)" in hire.en


@pytest.mark.parametrize("label, how", [("Total", "un libellé de total et des nombres seulement"),
                                        ("TOTAUX", "un libellé de total et des nombres seulement"),
                                        (None, "la dernière ligne, sans identifiant, des nombres seulement")])
def test_each_error_of_a_totals_row_says_it_looks_like_one(label, how, tmp_path):
    """An Excel table's totals row under Paie (row 8): « Le travailleur Total n'existe pas », a missing month
    and an etp of 5 out of range — the sum 1 + 1 + 0,5 + 0,5 + 1 + 1 = 5 of the six rows — with no word on
    why. Each error of that row keeps its code and adds « La ligne 8 ressemble à une ligne de totaux ». An
    error on a data row (etp 1,5 at C2) and on a last row that has its id (a month typed 45352 in a General
    cell: numbers only, but worker 3's) gets no such hint."""
    import openpyxl

    sheets = valid_sheets()
    sheets["Paie"].append([label, None, 5, 12501, 17100.5])
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    first = "missing_value" if label is None else "unknown_worker"
    assert [(p.code, p.cell) for p in result.problems] == [(first, "A8"), ("missing_value", "B8"),
                                                           ("fte_out_of_range", "C8")]
    for p in result.problems:
        assert f"La ligne 8 ressemble à une ligne de totaux ({how}) : supprimez-la" in p.message.fr, p.message.fr
        assert "Row 8 looks like a totals row" in p.message.en

    path = write_workbook(tmp_path / "y.xlsx", valid_sheets())
    book = openpyxl.load_workbook(path)
    book["Paie"]["C2"].value = 1.5
    book["Paie"]["B7"].value, book["Paie"]["B7"].number_format = 45352, "General"
    book.save(path)
    problems = read_workbook(path).errors
    assert [(p.code, p.cell) for p in problems] == [("fte_out_of_range", "C2"), ("invalid_month", "B7")]
    assert not any("totaux" in p.message.fr for p in problems)


@pytest.mark.parametrize("sheet, column, header", [
    ("Personnel", "date_sortie", "Date de sortie"),
    ("Personnel", "date_sortie", "DATE DE LA SORTIE"),
    ("Personnel", "date_cdi", "Date du CDI"),
    ("Personnel", "date_naissance", "Date de naissance"),
    ("Personnel", "inscrit_dei", "Inscrit au DEI"),
    ("Entreprise", "total_bilan", "Total du bilan"),
    ("Entreprise", "date_agrement", "Date de l'agrément"),
])
def test_a_french_header_with_its_little_words_is_the_column(sheet, column, header):
    """« Date de sortie » was an unknown column (a warning) and every worker who left read as still
    employed; the articles and prepositions between the words are left out (whole words only)."""
    from ei_cli.workbook import schema

    contract = next(s for s in schema.SHEETS if s.name == sheet)
    assert contract.find_column(header).name == column


@pytest.mark.parametrize("header", ["Date de fin", "Date d'entrée en fonction", "Mois de paie", "Desortie",
                                    "Date desortie", "de", "Date de sortie prévue"])
def test_other_words_still_make_an_unknown_header(header):
    from ei_cli.workbook.schema import STAFF

    assert STAFF.find_column(header) is None


def test_the_exit_date_under_date_de_sortie_is_read(tmp_path):
    """The fixture's workers under a « Date de sortie » header: the exit dates are read as under
    ``date_sortie`` (the same workbook, the same dates), with no unknown-column warning."""
    plain = read_workbook(write_workbook(tmp_path / "a.xlsx", valid_sheets()))
    sheets = rename_column(valid_sheets(), "Personnel", "date_sortie", "Date de sortie")
    worded = read_workbook(write_workbook(tmp_path / "b.xlsx", sheets))
    assert worded.problems == plain.problems == ()
    assert [w.exit_date for w in worded.enterprise.workers] == [w.exit_date for w in plain.enterprise.workers]
    assert any(w.exit_date for w in plain.enterprise.workers)


def test_a_time_of_day_in_a_date_column_is_quoted_not_called_the_zero_date(tmp_path):
    """08:30 typed in date_sortie (an hh:mm cell) is no date: quoted as the cell shows it, not « 00/01/1900,
    la date zéro d'Excel » (only the value 0, midnight, is that)."""
    import openpyxl

    path = write_workbook(tmp_path / "x.xlsx", valid_sheets())
    book = openpyxl.load_workbook(path)
    book["Personnel"]["G2"].value, book["Personnel"]["G2"].number_format = time(8, 30), "hh:mm"
    book.save(path)
    (p,) = [p for p in read_workbook(path).errors if (p.sheet, p.cell) == ("Personnel", "G2")]
    assert p.code == "invalid_date"
    assert "8:30" in p.message.fr and "00/01/1900" not in p.message.fr + p.message.en


def test_a_stray_value_far_right_is_found_and_named_at_its_column(tmp_path):
    """A note left in column AD, row 4, far right of the last header: the blank columns after the last
    header are tested a row at a time; the value is still found at AD4 and named at AD1 (a warning: the
    text is no date)."""
    sheets = valid_sheets()
    width = len(sheets["Personnel"][0])
    for i, row in enumerate(sheets["Personnel"]):
        row.extend([None] * (29 - width) + ["à rappeler" if i == 3 else None])
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    (p,) = [p for p in result.problems if p.code == "unnamed_column"]
    assert (str(p.severity), p.cell) == ("warning", "AD1") and "dès AD4" in p.message.fr


def test_pay_outside_the_employment_lists_five_months_and_counts_the_others(tmp_path):
    """Worker 2 leaves on 2024-06-30; pay rows for the eight months 2024-07 … 2025-02 after it: the
    warning listed every month (hundreds for a misdated worker); it lists the first 5 (2024-07 to
    2024-11) and « et 3 autres » (8 − 5 = 3), as the follow-up warning does."""
    sheets = make_corpus.valid_sheets()
    months = [date(2024, m, 1) for m in range(7, 13)] + [date(2025, 1, 1), date(2025, 2, 1)]
    sheets["Paie"] += [[2, m, 0.5, 1050, 1450] for m in months]
    (p,) = [p for p in read_workbook(write_workbook(tmp_path / "x.xlsx", sheets)).problems
            if p.code == "pay_outside_employment"]
    assert "paie pour 2024-07, 2024-08, 2024-09, 2024-10, 2024-11 et 3 autres, hors de" in p.message.fr
    assert "pay for 2024-07, 2024-08, 2024-09, 2024-10, 2024-11 and 3 more, outside" in p.message.en


def test_an_ods_duration_of_a_day_or_more_is_read_as_hours_as_in_an_xlsx(tmp_path):
    """LibreOffice saves Paie heures 151:40 ([HH]:MM) as office:time-value="PT151H40M00S"; python-calamine
    gives a time under 24 h but that ISO 8601 text from 24 h on: the .ods was refused (« PT151H40M00S n'est
    pas valide ; attendu : un nombre ») where the .xlsx read 151:40 = 9 100 min ÷ 60 = 151,666… h. Suivi
    P1DT2H00M00S (a 26-hour training) = 26 h."""
    path = tmp_path / "x.ods"

    sheets = valid_sheets()
    for i, row in enumerate(sheets["Paie"]):
        row.append("heures" if i == 0 else 151.67)
    cells = {("Paie", "F2"): '<table:table-cell office:value-type="time" office:time-value="PT151H40M00S">'
                             '<text:p>151:40:00</text:p></table:table-cell>',
             ("Suivi", "D3"): '<table:table-cell office:value-type="time" office:time-value="P1DT2H00M00S">'
                              '<text:p>26:00:00</text:p></table:table-cell>'}
    path.write_bytes(_ods_workbook(sheets, cells))
    result = read_workbook(path)
    assert result.valid and not result.problems, [p.message.fr for p in result.problems]
    assert result.enterprise.pay[0].hours == Decimal(9100) / Decimal(60)
    assert [f.hours for f in result.enterprise.follow_ups] == [Decimal(1), Decimal(26)]


def test_the_libreoffice_zero_date_gets_the_zero_date_hint(tmp_path):
    """A lookup that found nothing in an .ods date cell is LibreOffice's day 0, 30/12/1899: « 30/12/1899
    n'est pas valide ; attendu : une date entre 1900 et 2099 » said nothing more; it now says, as for
    Excel's 00/01/1900, that it is the spreadsheet's zero date."""
    cells = {("Personnel", "G2"): '<table:table-cell office:value-type="date" office:date-value="1899-12-30">'
                                  '<text:p>30/12/1899</text:p></table:table-cell>',
             ("Personnel", "G3"): '<table:table-cell office:value-type="date" office:date-value="1899-12-29">'
                                  '<text:p>29/12/1899</text:p></table:table-cell>'}
    path = tmp_path / "x.ods"
    path.write_bytes(_ods_workbook(valid_sheets(), cells))
    (p,) = [p for p in read_workbook(path).errors if (p.sheet, p.cell) == ("Personnel", "G2")]
    assert p.code == "invalid_date" and "C'est la date zéro du tableur" in p.message.fr
    (p,) = [p for p in read_workbook(path).errors if (p.sheet, p.cell) == ("Personnel", "G3")]   # the value -1
    assert "C'est la date zéro du tableur" in p.message.fr and "(ou moins)" in p.message.fr


@pytest.mark.parametrize("values, severity", [
    ([1, 2, 3], "warning"),                                   # row numbers
    ([True, True, False], "warning"),                         # check boxes
    ([45473, None, None], "error"),                           # a date serial (30/06/2024) that lost its format
    (["30/06/2024", None, None], "error"),                    # a date typed as text
    (["en cours", date(2024, 6, 30), None], "error"),         # a note above an exit date: the date is seen
    ([2500, 36000, 2400], "warning"),                         # amounts, though 36 000 is a date serial too
    ([35120.5, 41890.25, 38400.75], "warning"),               # amounts with cents: no day number
    ([45473, 0, None], "error"),                              # a serial and a zero date (an empty lookup)
    ([time(7, 36), time(0, 0), time(3, 48)], "warning"),      # times
])
def test_a_column_without_header_is_an_error_only_for_dates(tmp_path, values, severity):
    """The fixture lacks date_premier_engagement_ei, a column whose empty cell decides: a column without
    header holding row numbers, check boxes, amounts or times cannot be it (a warning, the workbook
    readable); dates can (an error), numbers only when every one is a date serial (1990–2100). 45473 =
    30/12/1899 + 45 473 days = 30/06/2024; 36 000 is in that range, 2 500 and 2 400 are not."""
    sheets = valid_sheets()
    for i, row in enumerate(sheets["Personnel"]):
        row.append(None if i == 0 else values[i - 1])
    (p,) = [p for p in read_workbook(write_workbook(tmp_path / "x.xlsx", sheets)).problems
            if p.code == "unnamed_column"]
    assert str(p.severity) == severity


def test_a_year_typo_in_a_text_date_gets_no_zero_date_hint(tmp_path):
    """« 15/03/1885 » typed as text in date_entree is a typing slip, refused for its year, without the
    zero-date hint (« une formule de recherche qui ne trouve rien »), which is for date cells only."""
    path = write_workbook(tmp_path / "x.xlsx", valid_sheets(), cells={("Personnel", "F2"): "15/03/1885"})
    (p,) = [p for p in read_workbook(path).errors if (p.sheet, p.cell) == ("Personnel", "F2")]
    assert p.code == "invalid_date" and "entre 1900 et 2099" in p.message.fr
    assert "date zéro" not in p.message.fr


def test_an_empty_entreprise_sheet_is_one_error_and_the_required_fields_missing(tmp_path):
    """An Entreprise sheet with no filled cell (a blank in A1 is no value): the error empty_sheet on the sheet
    (« il faut une ligne par champ … avec les colonnes « champ » et « valeur » »), then one missing_field error
    for each required field — nom, region, date_agrement —, named by the field (no cell to point at)."""
    for name, cells in (("empty.xlsx", None), ("blank.xlsx", {("Entreprise", "A1"): " "})):
        sheets = valid_sheets()
        sheets["Entreprise"] = []
        result = read_workbook(write_workbook(tmp_path / name, sheets, cells=cells))
        assert [(p.code, p.severity, p.sheet, p.cell, p.column) for p in result.problems] == [
            ("empty_sheet", "error", "Entreprise", None, None),
            ("missing_field", "error", "Entreprise", None, "nom"),
            ("missing_field", "error", "Entreprise", None, "region"),
            ("missing_field", "error", "Entreprise", None, "date_agrement")]
        assert result.problems[0].message.fr == ("La feuille est vide : il faut une ligne par champ (nom, region, "
                                                 "date_agrement…), avec les colonnes « champ » et « valeur ».")
        assert result.problems[0].message.en.startswith("The sheet is empty: it needs one row per field")


@pytest.mark.parametrize("above, unknown_at, title", [
    ([], "A1", None),                                            # the field row is the first row
    ([["Fiche entreprise", None], [None, None]], "A3", "Lignes 1 à 2 au-dessus des en-têtes ignorées"),
])
def test_a_field_row_with_an_unknown_label_above_the_first_field_is_an_unknown_field_not_a_title(
        above, unknown_at, title, tmp_path):
    """An Entreprise sheet without its « champ » / « valeur » header row (tolerated: the first column names the
    fields) whose first row is `Nom de l'entreprise | EI X`, then `Région | wallonie`: row 1 was said to be
    « Ligne 1 au-dessus des en-têtes ignorée (un titre ?) » and then « nom » missing — but it holds a label and
    a value, a field row whose label ei does not know. It is now read as one: « Champ inconnu « Nom de
    l'entreprise » ignoré (champs attendus : nom, region, …) » at its cell, and « nom » stays missing. A row
    with a single filled cell above it (a title, and a blank row) is still read past with the title warning."""
    sheets = valid_sheets()
    sheets["Entreprise"] = above + [["Nom de l'entreprise", "EI X"], ["Région", "wallonie"]]
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert [(p.code, p.cell or p.column) for p in result.problems if p.sheet == "Entreprise"] == [
        ("missing_field", "nom"), ("missing_field", "date_agrement")] + [("rows_above_headers", "A1")] * bool(title) + [
        ("unknown_field", unknown_at)]
    [unknown] = [p for p in result.problems if p.code == "unknown_field"]
    assert unknown.message.fr == ("Champ inconnu « Nom de l'entreprise » ignoré (champs attendus : nom, numero_bce, "
                                  "region, regime, date_agrement, forme_juridique, finalite_sociale, chiffre_affaires, "
                                  "total_bilan).")
    assert unknown.message.en.startswith("Unknown field “Nom de l'entreprise” ignored (expected fields: name, ")
    titles = [p for p in result.problems if p.code == "rows_above_headers"]
    assert [p.message.fr.split(" (")[0] for p in titles] == ([title] if title else [])
    assert all(p.cell == "A1" for p in titles)


def test_english_messages_quote_in_one_style(tmp_path):
    """--lang en mixed four quote styles: « Column “hire_date” (worker 2): « 31/02/2023 » is not valid »,
    « Unknown column « bonus » », « use `ei batch` », « the workbook 'x.xlsx' ». The English halves say every
    quoted name or value between “…”, the style most of them used; French keeps « … »."""
    sheets = add_column(set_value(valid_sheets(), "Personnel", 2, "date_entree", "31/02/2023"), "Paie", "bonus")
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    (bad_date,) = [p for p in result.problems if p.code == "invalid_date"]
    (unknown,) = [p for p in result.problems if p.code == "unknown_column"]
    assert bad_date.message.en.startswith("Column “hire_date” (worker 2): “31/02/2023” is not valid")
    assert bad_date.message.fr.startswith("Colonne « date_entree » (travailleur 2) : « 31/02/2023 » n'est pas valide")
    assert unknown.message.en.startswith("Unknown column “bonus” ignored")
    assert unknown.message.fr.startswith("Colonne inconnue « bonus » ignorée")
    folder = read_workbook(tmp_path).problems[0]
    assert "(or use “ei batch” for a folder)" in folder.message.en and "« ei batch »" in folder.message.fr
    for problem in (bad_date, unknown, folder):
        assert not any(mark in problem.message.en for mark in ("«", "»", "`", "'3", "\"")), problem.message.en


def test_a_missing_field_or_column_says_its_help_as_a_sentence_of_its_own(tmp_path):
    """The column's help was put in brackets mid-sentence: « Champ obligatoire « date_agrement » manquant ou vide
    (Date de notification de l'agrément (début de l'année d'agrément 1)). » — two bracket levels and a capital
    mid-sentence. The help is now its own sentence after the problem (one bracket level, its own capital),
    for a missing field, a missing required column and a missing required value, in both languages."""
    result = read_workbook(write_workbook(tmp_path / "f.xlsx", drop_field(valid_sheets(), "date_agrement")))
    [field] = [p for p in result.problems if p.code == "missing_field"]
    assert field.message.fr == ("Champ obligatoire « date_agrement » manquant ou vide. Date de notification de "
                                "l'agrément (début de l'année d'agrément 1).")
    assert field.message.en.endswith(" missing or empty. Date the agrément was notified (start of agrément year 1).")
    result = read_workbook(write_workbook(tmp_path / "c.xlsx", drop_column(valid_sheets(), "Paie", "etp")))
    [column] = [p for p in result.problems if p.code == "missing_column"]
    assert column.message.fr.endswith("). Temps de travail réellement payé ce mois (0 ≤ etp ≤ 1).")
    assert column.message.en.endswith("). Working time actually paid that month (0 ≤ fte ≤ 1).")
    result = read_workbook(write_workbook(tmp_path / "v.xlsx", set_value(valid_sheets(), "Personnel", 1, "etp", None)))
    [value] = [p for p in result.problems if p.code == "missing_value"]
    assert value.message.fr.endswith(" : valeur obligatoire manquante. Régime de travail contractuel en fraction de "
                                     "temps plein (0 < etp ≤ 1).")
    for p in (field, column, value):
        assert "((" not in p.message.fr + p.message.en and "))" not in p.message.fr + p.message.en


def test_a_date_cdi_after_the_exit_is_a_warning_at_its_cell(tmp_path):
    """Audit (differential): a `date_cdi` after the contract's own `date_sortie` crashed `ei check` (the CDI rule read
    the contract open-ended past its exit). The rule now reads it as never open-ended (`cdi_date`), and the reader
    warns at the date_cdi cell (Personnel I2, worker 1: CDD 2022-01-10 … 2023-06-30, date_cdi 2023-09-01), naming
    both dates; the workbook stays valid. A date_cdi on the exit day itself says nothing."""
    sheets = valid_sheets()
    set_value(sheets, "Personnel", 1, "type_contrat", "CDD")
    set_value(sheets, "Personnel", 1, "date_sortie", date(2023, 6, 30))
    set_value(sheets, "Personnel", 1, "date_cdi", date(2023, 9, 1))
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    assert result.valid
    [warning] = [p for p in result.problems if p.code == "cdi_after_exit"]
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Personnel", "I2")
    assert warning.message.fr.startswith(
        "Travailleur 1 : la date de passage en CDI (01/09/2023) est postérieure à la date de sortie (30/06/2023)")
    set_value(sheets, "Personnel", 1, "date_cdi", date(2023, 6, 30))
    result = read_workbook(write_workbook(tmp_path / "y.xlsx", sheets))
    assert "cdi_after_exit" not in [p.code for p in result.problems]


def test_one_persons_concurrent_contracts_over_full_time_are_a_warning(tmp_path):
    """Audit (life events II, w4/b18d): one person on two concurrent 0,8 contracts (same national number) counted
    1,6 FTE in the quota, silently — no one works more than full time for one employer. Worker 1 (CDI from
    2022-01-10, etp 0,8) and worker 3 given worker 1's number, hired 2023-02-01 at 0,8: on 2023-02-01 they make
    0,8 + 0,8 = 1,6 etp; a warning at worker 3's etp cell (Personnel J4), ids only. At 0,2 (1,0 in all) nothing."""
    sheets = valid_sheets()
    niss = sheets["Personnel"][1][column_of(sheets, "Personnel", "niss")]
    set_value(sheets, "Personnel", 1, "etp", 0.8)
    set_value(sheets, "Personnel", 3, "niss", niss)
    set_value(sheets, "Personnel", 3, "date_entree", date(2023, 2, 1))
    set_value(sheets, "Personnel", 3, "etp", 0.8)
    result = read_workbook(write_workbook(tmp_path / "x.xlsx", sheets))
    [warning] = [p for p in result.problems if p.code == "person_over_full_time"]
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Personnel", "J4")
    assert warning.message.fr.startswith(
        "Travailleur 3, même personne que le travailleur 1 (même numéro national) : le 01/02/2023, ses contrats en "
        "cours ensemble font 0,8 + 0,8 = 1,6 etp, plus d'un temps plein")
    assert warning.message.en.startswith(
        "Worker 3, the same person as worker 1 (same national number): on 2023-02-01, their contracts in force "
        "together make 0.8 + 0.8 = 1.6 fte")
    assert niss not in warning.message.fr and niss not in warning.message.en
    # The subsidies, the quota and the enterprise size count the person at most one full-time a day
    # (``common.fte_days_beside``).
    assert warning.message.fr.endswith("le quota et la taille de l'entreprise comptent la personne au plus à temps "
                                       "plein chaque jour.")
    assert warning.message.en.endswith("the quota and the enterprise size count the person at most full time a day.")
    set_value(sheets, "Personnel", 3, "etp", 0.2)
    result = read_workbook(write_workbook(tmp_path / "y.xlsx", sheets))
    assert "person_over_full_time" not in [p.code for p in result.problems]


def test_a_formula_stored_as_text_in_an_id_niss_or_bce_cell_says_so(tmp_path):
    """The template formats the id, national-number and BCE columns as Text (leading zeros survive); a formula
    typed in such a cell is not calculated, the spreadsheet stores the text « =Personnel!A2 » (``data_type`` s).
    Paie A2 read as the id « =Personnel!A2 » and was refused as « Le travailleur =Personnel!A2 n'existe pas »,
    nothing saying why (template audit, 2026-12-01). Now each such cell is refused where it is — Paie A2
    ``invalid_id``, Personnel B2 ``invalid_niss``, the Entreprise BCE cell ``invalid_bce`` — the message saying
    it is a formula stored as text and what to do."""
    from openpyxl import load_workbook

    path = write_workbook(tmp_path / "formules.xlsx", valid_sheets())
    wb = load_workbook(path)
    bce_row = 1 + [r[0].value for r in wb["Entreprise"].iter_rows()].index("numero_bce")
    for sheet, ref, formula in (("Paie", "A2", "=Personnel!A2"), ("Personnel", "B2", "=Feuil2!C7"),
                                ("Entreprise", f"B{bce_row}", "=Donnees!B1")):
        cell = wb[sheet][ref]
        cell.number_format, cell.value = "@", formula
        cell.data_type = "s"   # what the spreadsheet stores for a formula typed in a Text cell
    wb.save(path)
    result = read_workbook(path)
    found = {(p.sheet, p.cell): p for p in result.problems if p.severity.value == "error"}
    assert {k: p.code for k, p in found.items() if p.code.startswith("invalid_")} == {
        ("Paie", "A2"): "invalid_id", ("Personnel", "B2"): "invalid_niss", ("Entreprise", f"B{bce_row}"): "invalid_bce"}
    for p in (found[("Paie", "A2")], found[("Personnel", "B2")], found[("Entreprise", f"B{bce_row}")]):
        assert "C'est sans doute une formule enregistrée comme texte (une cellule au format Texte" in p.message.fr
        assert "It is probably a formula stored as text" in p.message.en
    assert not any(p.code == "unknown_worker" and "=Personnel" in p.message.fr for p in result.problems)
