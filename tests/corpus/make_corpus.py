"""The broken and hostile input corpus (issues 2 and 8), produced by code so it can be regenerated.

Every case is a small function that writes one file, plus what ``ei validate`` must say about it:
the exit code (2, or 0 when the data stays usable and only a warning is due), the problem code, and
where (sheet and cell or column). Nothing is committed: the tests build the corpus in a temporary
folder (bombs in particular MUST be generated at test time, never stored).

    python tests/corpus/make_corpus.py OUT_DIR          # every case except the two big bombs
    python tests/corpus/make_corpus.py OUT_DIR --bombs  # with them (≈ 1 MB on disk, 300 MB inflated)

All data is fictitious (see ``tests/helpers_workbook.py``).
"""

from __future__ import annotations

import functools
import io
import re
import struct
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers_workbook import (  # noqa: E402
    drop_column, drop_field, niss, rename_column, set_field, set_value, valid_sheets, write_workbook,
)

# Sheet parts as openpyxl writes them (sheets in creation order: Entreprise, Personnel, Paie, Suivi).
PART = {"Entreprise": "xl/worksheets/sheet1.xml", "Personnel": "xl/worksheets/sheet2.xml",
        "Paie": "xl/worksheets/sheet3.xml", "Suivi": "xl/worksheets/sheet4.xml"}

# A valid NISS of the fixture's first worker with its check digits broken (fictitious).
BAD_NISS = niss(date(1990, 5, 17), 123)[:-2] + f"{(int(niss(date(1990, 5, 17), 123)[-2:]) + 1) % 100:02d}"
LONG = "tres-long-" * 10_000            # 100 000 characters


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    build: Callable[[Path], None]
    exit: int                  # exit code of `ei validate`
    code: str                  # a problem code that must be reported
    sheet: str | None = None   # the sheet the problem names (None: a file-level problem)
    cell: str | None = None    # the cell ("F2") the problem names
    kind: str = "value"        # file | sheet | column | value | hostile
    bomb: bool = False         # big: generated only when asked, timed and memory-checked
    note: str = ""
    column: str | None = None  # for a missing column or field (no cell): the name the problem gives


CASES: list[Case] = []


def case(filename: str, exit: int, code: str, sheet=None, cell=None, kind="value", bomb=False, note="", column=None):
    def register(fn):
        CASES.append(Case(fn.__name__, filename, fn, exit, code, sheet, cell, kind, bomb, note, column))
        return fn
    return register


# ----------------------------------------------------------------------------------- helpers
def _with_far_paie_row(p: Path, far: str) -> None:
    """The valid workbook whose Paie sheet ends with ``far``, one more row written as given (h16, h21…)."""
    with_sheet(p, "Paie", sheet_xml(valid_sheets()["Paie"], extra_rows=far))


def _sheets_with(edit) -> dict:
    sheets = valid_sheets()
    edit(sheets)
    return sheets


def _write(path: Path, edit=None, **kw) -> None:
    write_workbook(path, _sheets_with(edit or (lambda s: None)), **kw)


@functools.lru_cache(maxsize=1)
def valid_bytes() -> bytes:
    """The fixture's valid workbook, as openpyxl writes it."""
    with tempfile.TemporaryDirectory() as tmp:
        return write_workbook(Path(tmp) / "valide.xlsx", valid_sheets()).read_bytes()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
          drop=()) -> bytes:
    """A copy of the zip ``data`` with members replaced, added or dropped."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, blob in add.items():
            dst.writestr(name, blob)
    return out.getvalue()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _col(i: int) -> str:
    letters, n = "", i + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def sheet_xml(rows: list[list], *, raw_cells: dict[str, str] | None = None, extra_rows: str = "",
              merges: list[str] = (), dimension: str | None = None, doctype: str = "") -> bytes:
    """A worksheet part written by hand: inline strings, numbers, and ``raw_cells`` {ref: <c> XML}."""
    raw_cells = dict(raw_cells or {})
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    if dimension:
        out.append(f'<dimension ref="{dimension}"/>')
    out.append("<sheetData>")
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = f"{_col(c)}{r}"
            if ref in raw_cells:
                cells.append(raw_cells.pop(ref))
            elif v is None:
                continue
            elif isinstance(v, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                text = v.isoformat() if isinstance(v, date) else str(v)
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_esc(text)}</t></is></c>')
        for ref in [k for k in raw_cells if re.fullmatch(rf"[A-Z]+{r}", k)]:
            cells.append(raw_cells.pop(ref))
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    out.append(extra_rows)
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">'
                   + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    out.append("</worksheet>")
    return "".join(out).encode("utf-8")


def with_sheet(path: Path, sheet: str, xml: bytes, **kw) -> None:
    path.write_bytes(rezip(valid_bytes(), replace={PART[sheet]: xml}, **kw))


def excel_saved(sheets: dict[str, bytes]) -> bytes:
    """The fixture's valid workbook with the parts of ``sheets`` (title → XML) replaced, and workbook.xml's
    ``<calcPr>`` as Excel writes it: no ``fullCalcOnLoad``, which openpyxl sets and Excel and LibreOffice
    do not."""
    with zipfile.ZipFile(io.BytesIO(valid_bytes())) as src:
        workbook = src.read("xl/workbook.xml")
    assert b' fullCalcOnLoad="1"' in workbook
    replace = {PART[title]: xml for title, xml in sheets.items()}
    replace["xl/workbook.xml"] = workbook.replace(b' fullCalcOnLoad="1"', b"")
    return rezip(valid_bytes(), replace=replace)


def ole_file(streams: list[str]) -> bytes:
    """A minimal OLE2 / Compound File: header + one FAT sector + one directory sector.

    Enough for what a sniffer (or a person) sees: the magic number and the directory entry names
    (``EncryptionInfo``/``EncryptedPackage`` for a password-protected .xlsx, ``Workbook`` for .xls).
    """
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)   # minor, major, byte order, shifts
    struct.pack_into("<I", header, 44, 1)          # number of FAT sectors
    struct.pack_into("<I", header, 48, 1)          # first directory sector
    struct.pack_into("<I", header, 56, 4096)       # mini stream cutoff
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)  # no mini FAT
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)  # no DIFAT sectors
    struct.pack_into("<I", header, 76, 0)          # DIFAT[0] = FAT in sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)   # sector 0 = FAT, sector 1 = directory
    directory = bytearray(sector)
    for i, name in enumerate(["Root Entry"] + streams[:3]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = 5 if i == 0 else 2
        struct.pack_into("<III", entry, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<I", entry, 116, 0xFFFFFFFE)
        directory[128 * i:128 * (i + 1)] = entry
    return bytes(header + fat + directory)


# =================================================================================== file level
@case("f01-vide.xlsx", 2, "empty_file", kind="file")
def empty_file(p):
    p.write_bytes(b"")


@case("f02-texte-renomme.xlsx", 2, "not_a_zip", kind="file")
def text_renamed(p):
    p.write_text("id_travailleur;nom;date_entree\n1;Exemple;01/01/2024\n", encoding="utf-8")


@case("f03-csv.csv", 2, "csv_not_supported", kind="file")
def csv_file(p):
    p.write_text("id_travailleur,nom\n1,Exemple\n", encoding="utf-8")


@case("f04-zip-tronque.xlsx", 2, "corrupt_file", kind="file")
def truncated_zip(p):
    data = valid_bytes()
    p.write_bytes(data[: len(data) // 2])


@case("f05-mot-de-passe.xlsx", 2, "password_protected", kind="file")
def password_protected(p):
    p.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))


@case("f06-ancien.xls", 2, "legacy_xls", kind="file")
def legacy_xls(p):
    p.write_bytes(ole_file(["Workbook", "\x05SummaryInformation"]))


@case("f07-document-word.xlsx", 2, "not_a_workbook", kind="file")
def word_document(p):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    p.write_bytes(buf.getvalue())


@case("f08-zip-quelconque.xlsx", 2, "not_a_workbook", kind="file")
def plain_zip(p):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "rien")
    p.write_bytes(buf.getvalue())


@case("f09-zip-chiffre.xlsx", 2, "password_protected", kind="file")
def encrypted_member(p):
    data = bytearray(valid_bytes())
    # Set the "encrypted" flag on every member (local headers and central directory).
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for m in re.finditer(re.escape(sig), bytes(data)):
            flags = struct.unpack_from("<H", data, m.start() + off)[0]
            struct.pack_into("<H", data, m.start() + off, flags | 1)
    p.write_bytes(bytes(data))


@case("f10-binaire.xlsx", 2, "not_a_zip", kind="file")
def random_binary(p):
    p.write_bytes(bytes(range(256)) * 8)


@case("f11-sans-extension", 2, "unsupported_format", kind="file")
def no_extension(p):
    p.write_text("pas un classeur", encoding="utf-8")


@case("f12-xml-casse.xlsx", 2, "unreadable_sheet", sheet="Personnel", kind="file",
      note="a sheet part that is not well-formed XML")
def broken_xml(p):
    with_sheet(p, "Personnel", b'<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr">'
                                 b"<is><t>id</t></is></c></row><row")


@case("f13-sans-workbook-xml.xlsx", 2, "not_a_workbook", kind="file")
def no_workbook_part(p):
    p.write_bytes(rezip(valid_bytes(), drop=("xl/workbook.xml",)))


@case("f14-dossier.xlsx", 2, "is_directory", kind="file", note="a folder named like a workbook")
def folder(p):
    p.mkdir()


@case("f15-MAJUSCULES.XLSM", 0, "", kind="file", note="a macro-enabled workbook, upper-case suffix")
def upper_case_xlsm(p):
    p.write_bytes(valid_bytes())


@case("f16-xlsb.xlsx", 2, "not_a_workbook", kind="file", note="a binary workbook (.xlsb) renamed")
def xlsb(p):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x00\x01")
    p.write_bytes(buf.getvalue())


# =================================================================================== sheets
@case("s01-sans-personnel.xlsx", 2, "missing_sheet", "Personnel", kind="sheet")
def missing_staff(p):
    _write(p, lambda s: s.pop("Personnel"))


@case("s02-sans-entreprise.xlsx", 2, "missing_sheet", "Entreprise", kind="sheet")
def missing_enterprise(p):
    _write(p, lambda s: s.pop("Entreprise"))


@case("s03-sans-paie.xlsx", 2, "missing_sheet", "Paie", kind="sheet")
def missing_payroll(p):
    _write(p, lambda s: s.pop("Paie"))


@case("s04-personnel-vide.xlsx", 2, "empty_sheet", "Personnel", kind="sheet")
def empty_staff(p):
    _write(p, lambda s: s.__setitem__("Personnel", []))


@case("s05-deux-feuilles-personnel.xlsx", 2, "duplicate_sheet", "Personnel", kind="sheet")
def two_staff_sheets(p):
    def edit(s):
        s["Staff"] = [list(r) for r in s["Personnel"]]
    _write(p, edit)


@case("s06-feuille-masquee.xlsx", 0, "hidden_sheet", "Suivi", kind="sheet",
      note="a hidden sheet is read all the same, with a warning")
def hidden_sheet(p):
    _write(p, hidden=("Suivi",))


@case("s07-entete-fusionnee.xlsx", 2, "missing_column", "Personnel", column="date_entree", kind="sheet",
      note="header cells merged over two columns: the second header is lost")
def merged_header(p):
    sheets = valid_sheets()
    rows = sheets["Personnel"]
    i = rows[0].index("date_entree")
    rows[0][i] = None   # what a merge keeps: only the top-left cell's value
    xml = sheet_xml(rows, merges=[f"{_col(i - 1)}1:{_col(i)}1"])
    with_sheet(p, "Personnel", xml)


@case("s08-titre-fusionne.xlsx", 0, "rows_above_headers", "Personnel", "A1", kind="sheet",
      note="a merged title row above the headers: read past, with a warning")
def merged_title(p):
    rows = valid_sheets()["Personnel"]
    xml = sheet_xml([["Personnel 2024"] + [None] * (len(rows[0]) - 1)] + rows,
                    merges=[f"A1:{_col(len(rows[0]) - 1)}1"])
    with_sheet(p, "Personnel", xml)


@case("s09-feuille-immense.xlsx", 2, "sheet_too_large", "Paie", kind="hostile",
      note="one stray cell at XFD1048576: the used range is the whole sheet")
def stray_far_cell(p):
    rows = valid_sheets()["Paie"]
    xml = sheet_xml(rows, extra_rows='<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
                    dimension="A1:XFD1048576")
    with_sheet(p, "Paie", xml)


@case("s10-100k-lignes-vides.xlsx", 0, "", kind="hostile",
      note="100 000 empty but formatted rows under the data: valid, and fast")
def empty_formatted_rows(p):
    rows = valid_sheets()["Paie"]
    extra = "".join(f'<row r="{r}" s="1" customFormat="1" ht="15" customHeight="1">'
                    f'<c r="A{r}" s="1"/><c r="D{r}" s="1"/></row>' for r in range(len(rows) + 1, 100_001))
    with_sheet(p, "Paie", sheet_xml(rows, extra_rows=extra, dimension="A1:E100000"))


@case("s11-sans-suivi.xlsx", 0, "missing_sheet", "Suivi", kind="sheet",
      note="Suivi is optional: its absence is a warning, and the follow-up check is unknown")
def missing_follow_up(p):
    _write(p, lambda s: s.pop("Suivi"))


@case("s12-suivi-renomme.xlsx", 0, "missing_sheet", "Suivi", kind="sheet",
      note="« suivi social » is no accepted name: the warning names it and asks to rename it")
def renamed_follow_up(p):
    _write(p, lambda s: s.__setitem__("suivi social", s.pop("Suivi")))


# =================================================================================== columns
@case("c01-sans-date-entree.xlsx", 2, "missing_column", "Personnel", kind="column", column="date_entree")
def missing_hire_column(p):
    _write(p, lambda s: drop_column(s, "Personnel", "date_entree"))


@case("c02-sans-salaire.xlsx", 2, "missing_column", "Paie", kind="column", column="salaire_brut")
def missing_pay_column(p):
    _write(p, lambda s: drop_column(s, "Paie", "salaire_brut"))


@case("c03-colonne-inconnue.xlsx", 0, "unknown_column", "Personnel", "P1", kind="column")
def unknown_column(p):
    def edit(s):
        s["Personnel"][0].append("remarques")
        for row in s["Personnel"][1:]:
            row.append("rien")
    _write(p, edit)


@case("c04-colonne-double.xlsx", 2, "duplicate_column", "Paie", "F1", kind="column")
def duplicate_column(p):
    def edit(s):
        s["Paie"][0].append("gross_pay")
        for row in s["Paie"][1:]:
            row.append(1)
    _write(p, edit)


@case("c05-alias-anglais.xlsx", 0, "", kind="column", note="English and spaced headers are accepted")
def english_aliases(p):
    def edit(s):
        rename_column(s, "Personnel", "date_entree", "Hire date")
        rename_column(s, "Personnel", "id_travailleur", "WORKER-ID")
        rename_column(s, "Paie", "salaire_brut", "Salaire brut")
    _write(p, edit)


@case("c05b-entete-elision.xlsx", 0, "", kind="column",
      note="workbook.md's own example: « Date d’entrée » (typographic apostrophe) is date_entree")
def elided_headers(p):
    def edit(s):
        rename_column(s, "Personnel", "date_entree", "Date d\u2019entrée")
        for row in s["Entreprise"]:
            if row[0] == "chiffre_affaires":
                row[0] = "Chiffre d'affaires"
    _write(p, edit)


@case("c06-sans-nom-entreprise.xlsx", 2, "missing_field", "Entreprise", kind="column", column="nom")
def missing_name_field(p):
    _write(p, lambda s: drop_field(s, "nom"))


@case("c07-champ-double.xlsx", 2, "duplicate_field", "Entreprise", "A11", kind="column")
def duplicate_field(p):
    _write(p, lambda s: s["Entreprise"].append(["region", "bruxelles"]))


@case("c08-champ-inconnu.xlsx", 0, "unknown_field", "Entreprise", "A11", kind="column")
def unknown_field(p):
    _write(p, lambda s: s["Entreprise"].append(["couleur", "vert"]))


# =================================================================================== values
@case("v01-date-invalide.xlsx", 2, "invalid_date", "Personnel", "F2")
def not_a_date(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "date_entree", "hier"))


@case("v02-date-impossible.xlsx", 2, "invalid_date", "Personnel", "F3")
def impossible_date(p):
    _write(p, lambda s: set_value(s, "Personnel", 2, "date_entree", "31/02/2023"))


@case("v03-virgule-decimale.xlsx", 0, "", note="0,5 as text is a number")
def decimal_comma(p):
    def edit(s):
        set_value(s, "Personnel", 2, "etp", "0,5")
        set_value(s, "Paie", 3, "salaire_brut", "1050,00 €")
    _write(p, edit)


@case("v04-milliers-ambigu.xlsx", 2, "ambiguous_number", "Paie", "D2")
def thousands_separator(p):
    _write(p, lambda s: set_value(s, "Paie", 1, "salaire_brut", "1.234,5"))


@case("v05-espace-milliers.xlsx", 2, "ambiguous_number", "Paie", "E3")
def space_thousands(p):
    _write(p, lambda s: set_value(s, "Paie", 2, "cout_salarial", "2 900"))


@case("v06-texte-nombre.xlsx", 2, "invalid_number", "Personnel", "J2")
def text_in_number(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "etp", "temps plein"))


@case("v07-id-double.xlsx", 2, "duplicate_worker", "Personnel", "A3")
def duplicate_worker(p):
    _write(p, lambda s: set_value(s, "Personnel", 2, "id_travailleur", "1.0"))


@case("v08-mois-double.xlsx", 2, "duplicate_pay_month", "Paie", "B3")
def duplicate_month(p):
    _write(p, lambda s: set_value(s, "Paie", 2, "mois", "01/2024"))


@case("v09-sortie-avant-entree.xlsx", 2, "exit_before_hire", "Personnel", "G3")
def exit_before_hire(p):
    _write(p, lambda s: set_value(s, "Personnel", 2, "date_sortie", date(2020, 1, 1)))


@case("v10-naissance-apres-entree.xlsx", 2, "birth_after_hire", "Personnel", "E2")
def birth_after_hire(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "date_naissance", date(2023, 1, 1)))


@case("v11-etp-zero.xlsx", 2, "fte_out_of_range", "Personnel", "J2")
def fte_zero(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "etp", 0))


@case("v12-etp-trop-grand.xlsx", 2, "fte_out_of_range", "Personnel", "J3")
def fte_too_big(p):
    _write(p, lambda s: set_value(s, "Personnel", 2, "etp", 1.5))


@case("v13-etp-paie.xlsx", 2, "fte_out_of_range", "Paie", "C4")
def pay_fte_too_big(p):
    _write(p, lambda s: set_value(s, "Paie", 3, "etp", 2))


@case("v14-contrat-inconnu.xlsx", 2, "invalid_choice", "Personnel", "H2")
def bad_contract(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "type_contrat", "intérim"))


@case("v15-region-inconnue.xlsx", 2, "invalid_choice", "Entreprise", "B4")
def bad_region(p):
    _write(p, lambda s: set_field(s, "region", "flandre"))


@case("v16-niss-invalide.xlsx", 2, "invalid_niss", "Personnel", "B2",
      note="the message must not contain the number")
def bad_niss(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "niss", BAD_NISS))


@case("v17-bce-invalide.xlsx", 2, "invalid_bce", "Entreprise", "B3")
def bad_bce(p):
    _write(p, lambda s: set_field(s, "numero_bce", "0403.019.262"))


@case("v18-paie-inconnu.xlsx", 2, "unknown_worker", "Paie", "A7")
def unknown_pay_worker(p):
    _write(p, lambda s: set_value(s, "Paie", 6, "id_travailleur", 99))


@case("v19-suivi-inconnu.xlsx", 2, "unknown_worker", "Suivi", "A3")
def unknown_follow_worker(p):
    _write(p, lambda s: set_value(s, "Suivi", 2, "id_travailleur", "X9"))


@case("v20-id-seul.xlsx", 2, "missing_value", "Personnel", "F5")
def id_only(p):
    _write(p, lambda s: s["Personnel"].append([4] + [None] * (len(s["Personnel"][0]) - 1)))


@case("v21-mois-invalide.xlsx", 2, "invalid_month", "Paie", "B2")
def bad_month(p):
    _write(p, lambda s: set_value(s, "Paie", 1, "mois", "13/2024"))


@case("v22-booleen-sensible.xlsx", 2, "invalid_boolean", "Personnel", "M2",
      note="social-situation column: value never quoted")
def bad_sensitive_bool(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "inscrit_dei", "peut-être"))


@case("v23-salaire-negatif.xlsx", 2, "negative_value", "Paie", "D5")
def negative_pay(p):
    _write(p, lambda s: set_value(s, "Paie", 4, "salaire_brut", -10))


@case("v24-type-suivi.xlsx", 2, "invalid_choice", "Suivi", "C2")
def bad_follow_type(p):
    _write(p, lambda s: set_value(s, "Suivi", 1, "type", "café"))


@case("v25-id-decimal.xlsx", 2, "invalid_id", "Personnel", "A2")
def fractional_id(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "id_travailleur", 1.5))


@case("v26-date-agrement.xlsx", 2, "invalid_date", "Entreprise", "B6")
def bad_agrement_date(p):
    _write(p, lambda s: set_field(s, "date_agrement", "bientôt"))


@case("v27-heure-dans-date.xlsx", 2, "invalid_date", "Suivi", "B2")
def time_in_date(p):
    _write(p, lambda s: set_value(s, "Suivi", 1, "date", time(9, 30)))


@case("v28-booleen-dans-date.xlsx", 2, "invalid_date", "Personnel", "F2")
def bool_in_date(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "date_entree", True))


@case("v29-paie-sans-mois.xlsx", 2, "missing_value", "Paie", "B3")
def missing_month(p):
    _write(p, lambda s: set_value(s, "Paie", 2, "mois", None))


@case("v30-cdi-avant-entree.xlsx", 2, "cdi_before_hire", "Personnel", "I4")
def cdi_before_hire(p):
    _write(p, lambda s: set_value(s, "Personnel", 3, "date_cdi", date(2020, 1, 1)))


# A valid (fictitious) NISS typed into a column that is not ``niss`` (v31, v32).
STRAY_NISS = niss(date(1985, 10, 3), 746)


@case("v31-niss-dans-etp.xlsx", 2, "niss_in_number", "Personnel", "J2",
      note="a national number in the etp column: described, never quoted")
def niss_in_fte(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "etp", int(STRAY_NISS)))


@case("v32-niss-dans-salaire.xlsx", 2, "niss_in_amount", "Paie", "D2",
      note="a valid national number in salaire_brut is not an amount of 85 billion €")
def niss_in_pay(p):
    _write(p, lambda s: set_value(s, "Paie", 1, "salaire_brut", int(STRAY_NISS)))


@case("v33-id-niss.xlsx", 2, "niss_as_worker_id", "Personnel", "A2",
      note="every worker id replaced by the worker's national number: refused, never printed")
def niss_as_ids(p):
    def edit(s):
        ids = {1: STRAY_NISS, 2: niss(date(1990, 5, 17), 123), 3: niss(date(2002, 8, 9), 456)}
        for title in ("Personnel", "Paie", "Suivi"):
            for row in s[title][1:]:
                row[0] = ids[row[0]]
    _write(p, edit)


# =================================================================================== hostile
@case("h01-ref-erreur.xlsx", 2, "formula_error", "Paie", "D3", kind="hostile")
def formula_error(p):
    _write(p, cells={("Paie", "D3"): "#REF!"})


@case("h02-div0-entreprise.xlsx", 2, "formula_error", "Entreprise", "B6", kind="hostile")
def formula_error_enterprise(p):
    _write(p, cells={("Entreprise", "B6"): "#DIV/0!"})


@case("h03-formule-sans-valeur.xlsx", 2, "formula_without_value", "Paie", "D2", kind="hostile",
      note="a formula saved without its computed value (written by a program, never recalculated)")
def formula_without_value(p):
    rows = valid_sheets()["Paie"]
    xml = sheet_xml(rows, raw_cells={"D2": '<c r="D2"><f>E2*0.7</f></c>'})
    with_sheet(p, "Paie", xml)


@case("h04-formule-avec-valeur.xlsx", 0, "", kind="hostile", note="a formula with its cached value is fine")
def formula_with_value(p):
    rows = valid_sheets()["Paie"]
    xml = sheet_xml(rows, raw_cells={"D2": '<c r="D2"><f>2000.5+100</f><v>2100.5</v></c>'})
    with_sheet(p, "Paie", xml)


@case("h27-formule-texte-vide.xlsx", 0, "", kind="hostile",
      note="a formula whose result is the empty string (=SI(…;\"\";…), t=\"str\" and an empty <v>): an empty "
           "cell as computed, not a formula without value (it was refused); saved as LibreOffice saves it, "
           "without fullCalcOnLoad (see h28)")
def formula_empty_text(p):
    rows = valid_sheets()["Personnel"]
    xml = sheet_xml(rows, raw_cells={"G2": '<c r="G2" t="str"><f>IF(1=1,"","x")</f><v></v></c>'})
    p.write_bytes(excel_saved({"Personnel": xml}))


@case("h28-formules-jamais-calculees.xlsx", 0, "formula_not_recalculated", "Paie", "E2", kind="hostile",
      note="formulas storing 0, XlsxWriter's placeholder, in a workbook whose fullCalcOnLoad asks for a "
           "recalculation on opening: a warning (the figures may never have been computed), not a refusal")
def formula_not_recalculated(p):
    rows = valid_sheets()["Paie"]
    xml = sheet_xml(rows, raw_cells={f"E{r}": f'<c r="E{r}"><f>D{r}*1.32</f><v>0</v></c>' for r in range(2, 8)})
    with_sheet(p, "Paie", xml)


@case("h05-texte-tres-long.xlsx", 2, "invalid_choice", "Personnel", "H2", kind="hostile",
      note="100 000 characters: the message quotes a short prefix only")
def very_long_string(p):
    _write(p, lambda s: set_value(s, "Personnel", 1, "type_contrat", LONG))


@case("h06-entete-tres-longue.xlsx", 0, "unknown_column", "Personnel", "P1", kind="hostile")
def very_long_header(p):
    def edit(s):
        s["Personnel"][0].append(LONG)
        for row in s["Personnel"][1:]:
            row.append(None)
    _write(p, edit)


@case("h07-unicode.xlsx", 2, "invalid_choice", "Personnel", "K2", kind="hostile",
      note="right-to-left override, emoji, escape sequence: quoted defanged in the message")
def unicode_junk(p):
    rows = valid_sheets()["Personnel"]
    rows[1][rows[0].index("fonction")] = "\u202e🙂 noitcudorp \x1b[31m"
    with_sheet(p, "Personnel", sheet_xml(rows))


@case("h08-formule-texte.xlsx", 0, "", kind="hostile",
      note="formula-looking text in a free-text field is data, kept as text (neutralised on output)")
def formula_text(p):
    rows = valid_sheets()["Entreprise"]
    rows[1][1] = '=HYPERLINK("http://exemple.invalid","clic")'
    with_sheet(p, "Entreprise", sheet_xml(rows))


@case("h08b-unicode-invisible.xlsx", 0, "", kind="hostile",
      note="zero-width and bidi characters around a valid choice are ignored like spaces")
def unicode_invisible(p):
    rows = valid_sheets()["Personnel"]
    rows[1][rows[0].index("fonction")] = "\u200bProduction\u200f "
    with_sheet(p, "Personnel", sheet_xml(rows))


@case("h09-entites-shared-strings.xlsx", 2, "unreadable_workbook", kind="hostile",
      note="billion laughs in sharedStrings.xml")
def entity_bomb_shared_strings(p):
    data = valid_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = z.read("xl/_rels/workbook.xml.rels")
        types = z.read("[Content_Types].xml")
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                        b"</Relationships>")
    types = types.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    sst = (b'<?xml version="1.0" encoding="UTF-8"?>' + _laughs_doctype("sst")
           + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           b"<si><t>&lol9;</t></si></sst>")
    rows = valid_sheets()["Personnel"]
    sheet = sheet_xml(rows, raw_cells={"H2": '<c r="H2" t="s"><v>0</v></c>'})
    p.write_bytes(rezip(data, replace={"xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types,
                                       PART["Personnel"]: sheet},
                        add={"xl/sharedStrings.xml": sst}))


@case("h10-entites-feuille.xlsx", 2, "unreadable_sheet", "Personnel", kind="hostile",
      note="billion laughs in a sheet part")
def entity_bomb_sheet(p):
    rows = valid_sheets()["Personnel"]
    rows[1][7] = "&lol9;"
    xml = sheet_xml(rows, doctype=_laughs_doctype("worksheet").decode())
    xml = xml.replace(b"&amp;lol9;", b"&lol9;")
    with_sheet(p, "Personnel", xml)


@case("h11-entite-externe.xlsx", 2, "unreadable_sheet", "Personnel", kind="hostile",
      note="XXE: an external entity pointing at a local file")
def external_entity(p):
    rows = valid_sheets()["Personnel"]
    rows[1][7] = "&xxe;"
    doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    xml = sheet_xml(rows, doctype=doctype).replace(b"&amp;xxe;", b"&xxe;")
    with_sheet(p, "Personnel", xml)


@case("h12-chemin-zip.xlsx", 0, "", kind="hostile",
      note="extra members with absolute and ../ names: never extracted, ignored")
def zip_slip(p):
    p.write_bytes(rezip(valid_bytes(), add={"../../evil.txt": b"x", "/etc/evil": b"x"}))


@case("h13-bombe-zip.xlsx", 2, "file_too_large", kind="hostile", bomb=True,
      note="a sheet inflating to 300 MB")
def zip_bomb(p):
    data = valid_bytes()
    # Rebuild with the Paie sheet replaced by a huge one, streamed so memory stays small.
    out = io.BytesIO()
    row = b'<row><c t="inlineStr"><is><t>0</t></is></c></row>' * 20_000
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                                  compresslevel=1) as dst:
        for info in src.infolist():
            if info.filename != PART["Paie"]:
                dst.writestr(info.filename, src.read(info.filename))
        with dst.open(PART["Paie"], "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main"><sheetData>')
            written = 0
            while written < 300 * 1024 * 1024:
                fh.write(row)
                written += len(row)
            fh.write(b"</sheetData></worksheet>")
    p.write_bytes(out.getvalue())


@case("h14-bombe-zip-menteuse.xlsx", 2, "corrupt_file", kind="hostile", bomb=True,
      note="the zip directory lies: it declares 1 KB for a part that inflates to 300 MB")
def lying_zip_bomb(p):
    zip_bomb(p)
    data = bytearray(p.read_bytes())
    name = PART["Paie"].encode()
    # Central directory entry: uncompressed size at +24 (zip64: in the extra field, 0xFFFFFFFF here).
    for m in re.finditer(re.escape(b"PK\x01\x02"), bytes(data)):
        start = m.start()
        name_len = struct.unpack_from("<H", data, start + 28)[0]
        extra_len = struct.unpack_from("<H", data, start + 30)[0]
        if bytes(data[start + 46:start + 46 + name_len]) != name:
            continue
        extra = start + 46 + name_len
        pos = extra
        while pos < extra + extra_len:
            tag, size = struct.unpack_from("<HH", data, pos)
            if tag == 0x0001:
                struct.pack_into("<Q", data, pos + 4, 1024)   # the uncompressed size
            pos += 4 + size
        if struct.unpack_from("<I", data, start + 24)[0] != 0xFFFFFFFF:
            struct.pack_into("<I", data, start + 24, 1024)
    p.write_bytes(bytes(data))


@case("h15-cellules-sans-adresse.xlsx", 0, "", kind="hostile",
      note="cells written without their r= address (allowed by the format): positions are counted")
def cells_without_address(p):
    xml = sheet_xml(valid_sheets()["Paie"])
    with_sheet(p, "Paie", re.sub(rb'<c r="[A-Z]+\d+"', b"<c", xml))


@case("h16-ligne-lointaine-sans-adresse.xlsx", 2, "sheet_too_large", "Paie", kind="hostile",
      note="a row at 1048576 whose cells have no address: the extent is still measured")
def far_row_without_address(p):
    _with_far_paie_row(p, '<row r="1048576">' + '<c t="inlineStr"><is><t>x</t></is></c>' * 10 + "</row>")


@case("h17-noms-de-feuilles.xlsx", 2, "duplicate_sheet", "Paie", kind="sheet",
      note="two sheets whose names differ only by case, accents and spaces")
def near_duplicate_sheets(p):
    def edit(s):
        s["PAIE "] = [list(r) for r in s["Paie"]]
    _write(p, edit)


@case("h18-masquee-et-visible.xlsx", 0, "hidden_sheet_ignored", "Payroll", kind="sheet",
      note="a hidden old copy next to the visible sheet: the visible one is read, the hidden one named")
def hidden_copy(p):
    def edit(s):
        s["Payroll"] = [list(r) for r in s["Paie"]]
    _write(p, edit, hidden=("Payroll",))


def ods_bytes(tables: dict[str, str]) -> bytes:
    """A minimal OpenDocument spreadsheet: {sheet name: table rows XML}."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    body = "".join(f'<table:table table:name="{name}">{rows}</table:table>' for name, rows in tables.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return buf.getvalue()


def _ods_row(values) -> str:
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{_esc(str(v))}</text:p>'
                    "</table:table-cell>" if v is not None else "<table:table-cell/>" for v in values)
    return f"<table:table-row>{cells}</table:table-row>"


@case("h19-ods-repete.ods", 2, "sheet_too_large", "Personnel", kind="hostile",
      note="an .ods whose one cell is repeated 1 000 000 × 1 000 times")
def ods_repeated(p):
    rows = _ods_row(["id_travailleur", "date_entree"]) + (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
        'table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p>'
        "</table:table-cell></table:table-row>")
    p.write_bytes(ods_bytes({"Personnel": rows}))


@case("h20-ods-vide.ods", 2, "missing_sheet", "Entreprise", kind="file",
      note="an .ods with only trailing repeated empty rows, as LibreOffice writes them")
def ods_empty(p):
    rows = ('<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row>')
    p.write_bytes(ods_bytes({"Feuille1": rows}))


@case("h21-guillemets-simples.xlsx", 2, "sheet_too_large", "Paie", kind="hostile",
      note="a far cell written r = 'XFD1048576' (single quotes, spaces around =): valid XML, measured all the same")
def single_quoted_far_cell(p):
    _with_far_paie_row(p, "<row r='1048576'><c r = 'XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>")


@case("h22-classeur-guillemets-simples.xlsx", 2, "sheet_too_large", "Paie", kind="hostile",
      note="workbook.xml and its relationships with single-quoted attributes, and a far cell: the sheet's "
           "part is still found and measured")
def single_quoted_workbook(p):
    with zipfile.ZipFile(io.BytesIO(valid_bytes())) as src:
        workbook, rels = src.read("xl/workbook.xml"), src.read("xl/_rels/workbook.xml.rels")
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    p.write_bytes(rezip(valid_bytes(), replace={
        "xl/workbook.xml": re.sub(rb'(\w)="([^"]*)"', rb"\1='\2'", workbook),
        "xl/_rels/workbook.xml.rels": re.sub(rb'(\w)="([^"]*)"', rb"\1='\2'", rels),
        PART["Paie"]: sheet_xml(valid_sheets()["Paie"], extra_rows=far)}))


@case("h23-chevron-dans-attribut.xlsx", 2, "sheet_too_large", "Paie", kind="hostile",
      note="a far row and cell whose first attribute holds a '>' (valid XML): the address after it is read")
def angle_bracket_before_address(p):
    _with_far_paie_row(p, '<row x="a>b" r="1048576">'
                          '<c x="a>b" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')


@case("h24-fin-de-balise-dans-attribut.xlsx", 2, "sheet_too_large", "Paie", kind="hostile",
      note="a far cell, address first, then an attribute holding '/>' (valid XML): the cell is not taken "
           "for a self-closed one")
def tag_end_inside_attribute(p):
    _with_far_paie_row(p, '<row r="1048576"><c r="XFD1048576" x="/>" t="inlineStr"><is><t>x</t></is></c></row>')


@case("h25-ods-guillemets-simples.ods", 2, "sheet_too_large", "Personnel", kind="hostile",
      note="h19 written with single quotes and spaces around '=' (valid XML), its sheet name too")
def ods_single_quoted(p):
    rows = _ods_row(["id_travailleur", "date_entree"]) + (
        "<table:table-row table:number-rows-repeated = '1000000'><table:table-cell "
        "table:number-columns-repeated='1000' office:value-type = 'string'><text:p>x</text:p>"
        "</table:table-cell></table:table-row>")
    content = ods_bytes({"Personnel": rows})
    with zipfile.ZipFile(io.BytesIO(content)) as src:
        xml = src.read("content.xml").replace(b'table:name="Personnel"', b"table:name = 'Personnel'")
    p.write_bytes(rezip(content, replace={"content.xml": xml}))


@case("h26-adresse-en-double.xlsx", 2, "sheet_too_large", "Paie", "XFD1048576", kind="hostile",
      note="a cell whose address is written twice, the second far away (invalid XML that calamine reads "
           "with the last one): it used to make the process abort")
def address_written_twice(p):
    _with_far_paie_row(p, '<row r="9999"><c r="A9999" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')


def _laughs_doctype(root: str) -> bytes:
    ents = ['<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        ents.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    return f"<!DOCTYPE {root} [{''.join(ents)}]>".encode()


# =================================================================================== build
def build(directory: Path, bombs: bool = False) -> list[tuple[Case, Path]]:
    """Write every case into ``directory``; returns (case, path) pairs."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for c in CASES:
        if c.bomb and not bombs:
            continue
        path = directory / c.filename
        c.build(path)
        out.append((c, path))
    return out


def _check_registry() -> None:
    names = [c.filename for c in CASES]
    assert len(names) == len(set(names)), "two cases write the same file"


_check_registry()

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    written = build(Path(args[0]), bombs="--bombs" in sys.argv)
    for c, path in written:
        print(f"{path}  exit={c.exit} {c.code or 'valid'} {c.sheet or ''} {c.cell or ''}")
    print(f"{len(written)} fichiers")
