"""Small valid workbooks written by tests, and helpers to break them one way at a time.

A workbook is described as ``{sheet title: [header row, data row, ...]}`` (lists of Python values:
str, int, float, date, bool, None for an empty cell). ``valid_sheets()`` returns a fresh, valid,
fully fictitious description; edit it with ``set_value`` / ``drop_column`` / plain list operations,
then ``write_workbook`` it with openpyxl. Fixtures in ``conftest.py`` wrap these for ``tmp_path``.

Example::

    sheets = valid_sheets()
    set_value(sheets, "Personnel", 1, "etp", 1.5)        # first data row of Personnel
    path = write_workbook(tmp_path / "x.xlsx", sheets, cells={("Paie", "D3"): "#REF!"})
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path


def niss(born: date, serial: int) -> str:
    """A valid (fictitious) national register number for a birth date and a 3-digit serial."""
    base = f"{born:%y%m%d}{serial:03d}"
    number = int(("2" if born.year >= 2000 else "") + base)
    return f"{base}{97 - number % 97:02d}"


VALID_BCE = "0403.019.261"

_SHEETS = {
    "Entreprise": [
        ["champ", "valeur"],
        ["nom", "EI Les Jardins de Test"],
        ["numero_bce", VALID_BCE],
        ["region", "wallonie"],
        ["regime", None],
        ["date_agrement", date(2021, 3, 1)],
        ["forme_juridique", "SC"],
        ["finalite_sociale", "oui"],
        ["chiffre_affaires", 250000],
        ["total_bilan", 120000.5],
    ],
    "Personnel": [
        ["id_travailleur", "niss", "nom", "prenom", "date_naissance", "date_entree", "date_sortie",
         "type_contrat", "date_cdi", "etp", "fonction", "diplome", "inscrit_dei", "mois_sans_emploi",
         "parent_isole"],
        [1, niss(date(1990, 5, 17), 123), "Exemple", "Alice", date(1990, 5, 17), date(2022, 1, 10), None,
         "CDI", None, 1, "production", "cesi", "oui", 12, "non"],
        [2, None, "Exemple", "Bruno", date(2001, 2, 3), date(2023, 3, 1), date(2024, 6, 30),
         "CDD", None, 0.5, "production", "aucun", "oui", 30, "oui"],
        [3, niss(date(2002, 8, 9), 456), "Exemple", "Chloé", date(2002, 8, 9), date(2021, 3, 1), None,
         "CDD", date(2022, 3, 1), 1, "encadrement", "superieur", "non", 0, None],
    ],
    "Paie": [
        ["id_travailleur", "mois", "etp", "salaire_brut", "cout_salarial"],
        [1, date(2024, 1, 1), 1, 2100.5, 2900],
        [1, date(2024, 2, 1), 1, 2100.5, 2900],
        [2, date(2024, 1, 1), 0.5, 1050, 1450.25],
        [2, date(2024, 2, 1), 0.5, 1050, 1450.25],
        [3, date(2024, 1, 1), 1, 3100, 4200],
        [3, date(2024, 2, 1), 1, 3100, 4200],
    ],
    "Suivi": [
        ["id_travailleur", "date", "type", "heures"],
        [1, date(2024, 2, 1), "entretien_individuel", 1],
        [2, date(2024, 3, 5), "formation", 7.5],
    ],
}


def valid_sheets() -> dict[str, list[list]]:
    """A fresh copy of the valid workbook's content (3 workers, 6 pay rows, 2 follow-up actions)."""
    return copy.deepcopy(_SHEETS)


def column_of(sheets: dict, sheet: str, column: str) -> int:
    """0-based index of a column, by its header as written."""
    return sheets[sheet][0].index(column)


def set_value(sheets: dict, sheet: str, row: int, column: str, value) -> dict:
    """Set the value of data row ``row`` (1 = first row under the header) in column ``column``."""
    sheets[sheet][row][column_of(sheets, sheet, column)] = value
    return sheets


def set_field(sheets: dict, field: str, value) -> dict:
    """Set (or add) a field of the key/value Entreprise sheet."""
    for row in sheets["Entreprise"][1:]:
        if row[0] == field:
            row[1] = value
            return sheets
    sheets["Entreprise"].append([field, value])
    return sheets


def moved_back(sheets: dict, years: int) -> dict:
    """Every date ``years`` earlier (the agrément, hires, pay months, actions), the birth dates kept: the same
    enterprise under a historical regime (wallonie-2003, bruxelles-2004)."""
    for name, rows in sheets.items():
        for row in rows[1:]:
            for i, v in enumerate(row):
                if isinstance(v, date) and not (name == "Personnel" and rows[0][i] == "date_naissance"):
                    row[i] = v.replace(year=v.year - years)
    return sheets


def with_rehires(sheets: dict, count: int) -> dict:
    """``count`` (at most 12) re-hires of worker 1 (same ``niss``), ids 101, 102…, the k-th on a CDD from the
    1st to the 20th of month k of 2023, with its Paie row, appended to Personnel from its row 5 (Excel row;
    cells B5, B6…): a workbook kept over the years, one ``duplicate_niss`` warning per re-hire row."""
    first = sheets["Personnel"][1]
    header = sheets["Personnel"][0]
    for k in range(1, count + 1):
        row = list(first)
        row[header.index("id_travailleur")] = 100 + k
        row[header.index("date_entree")] = date(2023, k, 1)
        row[header.index("date_sortie")] = date(2023, k, 20)
        row[header.index("type_contrat")] = "CDD"
        sheets["Personnel"].append(row)
        sheets["Paie"].append([100 + k, date(2023, k, 1), 0.6, 1300, 1800])
    return sheets


def drop_field(sheets: dict, field: str) -> dict:
    sheets["Entreprise"] = [r for r in sheets["Entreprise"] if r[0] != field]
    return sheets


def drop_column(sheets: dict, sheet: str, column: str) -> dict:
    i = column_of(sheets, sheet, column)
    sheets[sheet] = [r[:i] + r[i + 1:] for r in sheets[sheet]]
    return sheets


def add_column(sheets: dict, sheet: str, header: str) -> dict:
    """Append an empty column headed ``header`` after the sheet's last one."""
    for i, row in enumerate(sheets[sheet]):
        row.append(header if i == 0 else None)
    return sheets


def rename_column(sheets: dict, sheet: str, column: str, header: str) -> dict:
    sheets[sheet][0][column_of(sheets, sheet, column)] = header
    return sheets


def write_workbook(path: Path, sheets: dict, *, cells: dict | None = None, hidden=()) -> Path:
    """Write ``sheets`` as an .xlsx with openpyxl; ``cells`` = {(sheet, "D12"): value} applied last.

    A value such as ``"#REF!"`` is stored by openpyxl as an error cell, like a broken formula.
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
        if title in hidden:
            ws.sheet_state = "hidden"
    for (title, ref), value in (cells or {}).items():
        wb[title][ref] = value
    path = Path(path)
    wb.save(path)
    return path


def zip_of(part: str, xml: bytes):
    """A zip archive (open, in memory) holding ``xml`` as its one member ``part``."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(part, xml)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))
