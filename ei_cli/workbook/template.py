"""The workbook ``ei init`` writes: every sheet and column of the schema, drop-downs, a Lisez-moi sheet.

Everything here is driven by ``ei_cli.workbook.schema``: a column added there appears in the
template, its drop-down list and its line of the Lisez-moi sheet without touching this module.
openpyxl is imported inside ``write_template`` so that ``ei --help`` stays fast.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from ei_cli.workbook import schema
from ei_cli.workbook.schema import Column, Sheet

README_SHEET = "Lisez-moi"
# Rows 2..DATA_ROWS of every data sheet carry the drop-down lists: the whole column, the spreadsheet's last row
# (one workbook keeps the history: 30 workers followed fill 1 000 Suivi rows in about four years).
DATA_ROWS = 1_048_576

DATE_FORMAT = "DD/MM/YYYY"
MONTH_FORMAT = "MM/YYYY"
MONEY_FORMAT = '#,##0.00 "€"'
TEXT_FORMAT = "@"

# What a blank template holds, so that it reads without error (workbook.md: "An empty template is
# valid") while the required enterprise fields are there to be corrected.
PLACEHOLDER_NAME = "Mon entreprise d'insertion"
PLACEHOLDER_REGION = "wallonie"

_KIND_FR = {
    schema.TEXT: "texte",
    schema.ID: "texte ou nombre, unique",
    schema.DATE: "date (JJ/MM/AAAA ou AAAA-MM-JJ)",
    schema.MONTH: "mois (MM/AAAA, AAAA-MM ou une date du mois)",
    schema.BOOL: "oui / non (vide = inconnu)",
    schema.NUMBER: "nombre (virgule ou point décimal)",
    schema.MONEY: "montant en euros (virgule ou point décimal)",
    schema.NISS: "11 chiffres, contrôlé (modulo 97)",
    schema.BCE: "10 chiffres, contrôlé (modulo 97)",
}

_WIDTHS = {
    schema.TEXT: 22, schema.ID: 16, schema.DATE: 14, schema.MONTH: 11, schema.BOOL: 12,
    schema.NUMBER: 11, schema.MONEY: 15, schema.ENUM: 18, schema.NISS: 16, schema.BCE: 16,
}


def default_enterprise(today: date | None = None) -> dict:
    """The placeholder values of a blank template's required enterprise fields."""
    from ei_cli import periods

    year = (today or periods.today()).year
    return {"nom": PLACEHOLDER_NAME, "region": PLACEHOLDER_REGION, "date_agrement": date(year, 1, 1)}


def accepted_values_fr(column: Column, sheet: Sheet | None = None) -> str:
    """How a column's values are written, in French (the Lisez-moi sheet and the cell comments).

    ``sheet``: the sheet the column belongs to — a worker id is unique in Personnel only, and elsewhere
    must be one of Personnel's."""
    if column.kind == schema.ENUM:
        return ", ".join(column.choices)
    if column.kind == schema.ID and sheet is not None and sheet is not schema.STAFF:
        return "l'id_travailleur d'une ligne de Personnel"
    if column.field == "regime_id":
        return ", ".join(regime_ids()) + " (vide = celui en vigueur pendant la période)"
    return _KIND_FR[column.kind]


def regime_ids() -> tuple[str, ...]:
    """The ids the Entreprise ``regime`` field accepts (``ei regimes`` describes them)."""
    from ei_cli.regimes import all_regimes

    return tuple(r.id for r in all_regimes())


def number_format(column: Column) -> str | None:
    return {
        schema.DATE: DATE_FORMAT,
        schema.MONTH: MONTH_FORMAT,
        schema.MONEY: MONEY_FORMAT,
        schema.ID: TEXT_FORMAT,
        schema.NISS: TEXT_FORMAT,
        schema.BCE: TEXT_FORMAT,
    }.get(column.kind)


def list_choices(column: Column) -> tuple[str, ...]:
    """The drop-down values of a column (empty: no drop-down)."""
    if column.kind == schema.ENUM:
        return column.choices
    if column.kind == schema.BOOL:
        return schema.OUI_NON
    if column.field == "regime_id":
        return regime_ids()
    return ()


def cell_value(value):
    """A Python value as a cell: booleans become oui/non, Decimals floats, datetimes dates."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.date()
    if hasattr(value, "value") and not isinstance(value, (int, float, str, date)):  # an Enum
        return value.value
    return value


def write_template(path: Path | BinaryIO, *, enterprise: dict | None = None, staff: list[dict] | None = None,
                   payroll: list[dict] | None = None, follow_up: list[dict] | None = None) -> None:
    """Write the input workbook to ``path``, a file name or a binary file object (not atomic by itself:
    call it through ``write_with``, which hands it one in memory).

    Rows are dicts keyed by canonical French column names. Without ``enterprise`` the Entreprise
    sheet gets the placeholders of ``default_enterprise`` and nothing else.
    """
    from openpyxl import Workbook

    wb = Workbook()
    readme = wb.active
    readme.title = README_SHEET
    _write_readme(readme, blank=enterprise is None)
    _write_enterprise(wb.create_sheet(schema.ENTERPRISE.name),
                      default_enterprise() if enterprise is None else enterprise)
    for sheet, rows in ((schema.STAFF, staff), (schema.PAYROLL, payroll), (schema.FOLLOW_UP, follow_up)):
        _write_table(wb.create_sheet(sheet.name), sheet, rows or [])
    wb.active = 0
    wb.save(path)


# ------------------------------------------------------------------------------------ data sheets
def _header_style():
    from openpyxl.styles import Alignment, Font, PatternFill

    return (Font(bold=True), PatternFill("solid", start_color="DDEBF7"),
            Alignment(vertical="center", wrap_text=False))


def _style_header(ws, ncols: int) -> None:
    font, fill, align = _header_style()
    for cell in ws[1][:ncols]:
        cell.font, cell.fill, cell.alignment = font, fill, align
    ws.freeze_panes = "A2"


def _comment(column: Column, sheet: Sheet | None = None):
    from openpyxl.comments import Comment

    req = "obligatoire" if column.required else "facultatif"
    comment = Comment(f"{column.help_fr}\n({req} ; {accepted_values_fr(column, sheet)})", "ei")
    comment.width, comment.height = 300, 110
    return comment


def _add_list(ws, choices: tuple[str, ...], ref: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    # A warning, not a stop: the reader also accepts other spellings (o/n, x, yes/no, any case).
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                        errorStyle="warning", showErrorMessage=True, showInputMessage=False,
                        errorTitle="Valeur inattendue",
                        error="Valeurs prévues : " + ", ".join(choices) + ". Voir la feuille Lisez-moi.")
    dv.add(ref)
    ws.add_data_validation(dv)


def _write_enterprise(ws, values: dict) -> None:
    from openpyxl.styles import Font

    ws.append([schema.KEY_HEADERS[0], schema.VALUE_HEADERS[0]])
    _style_header(ws, 2)
    for row, column in enumerate(schema.ENTERPRISE.columns, start=2):
        field_cell = ws.cell(row=row, column=1, value=column.name)
        field_cell.comment = _comment(column)
        if column.required:
            field_cell.font = Font(bold=True)
        value_cell = ws.cell(row=row, column=2, value=cell_value(values.get(column.name)))
        fmt = number_format(column)
        if fmt:
            value_cell.number_format = fmt
        choices = list_choices(column)
        if choices:
            _add_list(ws, choices, value_cell.coordinate)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 34


def _write_table(ws, sheet: Sheet, rows: list[dict]) -> None:
    from openpyxl.utils import get_column_letter

    columns = sheet.columns
    ws.append([c.name for c in columns])
    _style_header(ws, len(columns))
    formats = [number_format(c) for c in columns]
    formatted = [(i, fmt) for i, fmt in enumerate(formats, start=1) if fmt]
    for r, record in enumerate(rows, start=2):
        ws.append([cell_value(record.get(c.name)) for c in columns])
        for i, fmt in formatted:
            ws.cell(row=r, column=i).number_format = fmt
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        ws.cell(row=1, column=i).comment = _comment(column, sheet)
        dim = ws.column_dimensions[letter]
        dim.width = max(_WIDTHS[column.kind], len(column.name) + 3)
        if formats[i - 1]:
            dim.number_format = formats[i - 1]  # cells typed later in the column get it too
        choices = list_choices(column)
        if choices:
            _add_list(ws, choices, f"{letter}2:{letter}{DATA_ROWS}")


# ------------------------------------------------------------------------------------ Lisez-moi
_CONVENTIONS = (
    "Dates : de vraies dates Excel, ou du texte JJ/MM/AAAA ou AAAA-MM-JJ, entre 1900 et 2099. Un mois "
    "(feuille Paie, colonne « mois ») peut aussi s'écrire MM/AAAA ou AAAA-MM ; toute date du mois désigne ce "
    "mois. Dans date_sortie, 31/12/9999 (la « date sans fin » des exports de paie) veut dire : toujours en "
    "service, comme une cellule vide.",
    "Oui/non : « oui » ou « non » (aussi o/n, yes/no, true/false, 1/0, x). Dans une colonne "
    "facultative, une cellule vide veut dire « inconnu », pas « non ».",
    "Nombres : de vrais nombres, ou du texte avec une virgule ou un point décimal (0,5 ou 0.5). "
    "Pas de séparateur de milliers dans du texte (1.234,56 est ambigu et refusé).",
    "Montants : en euros, écrits comme les nombres ; le signe € est accepté. Un montant qui est un "
    "numéro national valide (11 chiffres) est refusé : il a été saisi dans la mauvaise colonne.",
    "Listes de valeurs : celles des listes déroulantes, sans tenir compte des majuscules ni des accents.",
    "Cellule vide = valeur inconnue. Une colonne obligatoire ne peut pas être vide ; les lignes "
    "entièrement vides sont ignorées.",
    "Noms des feuilles et des colonnes : l'ordre des colonnes est libre ; les noms anglais sont aussi "
    "reconnus ; majuscules, accents, espaces, tirets, soulignés et élisions (d', l'…) ne comptent pas : "
    "« Date d'entrée », « date_entree » et « DATE ENTREE » sont la même colonne ; les petits mots de, du, "
    "la, au… non plus : « Date de sortie » est date_sortie.",
)

_PERSONAL_DATA = (
    "Ce classeur contient des données personnelles, dont certaines sensibles (situation sociale, "
    "reconnaissance de handicap, minorité ethnique). Ne remplissez que ce qui est nécessaire aux "
    "contrôles, conservez le fichier en lieu sûr et ne l'envoyez pas par courriel non chiffré.",
    "ei n'affiche jamais le NISS, les noms ni les données de situation sociale : les travailleurs sont "
    "désignés par leur id_travailleur (les noms, et avec --explain les valeurs lues, seulement avec l'option --names). Les colonnes nom, "
    "prénom et niss sont facultatives.",
    "Pas de notes libres sur la situation d'un travailleur dans ce classeur (feuille Suivi : seulement "
    "la date, le type et la durée des actions).",
)


def _write_readme(ws, blank: bool = True) -> None:
    from openpyxl.styles import Alignment, Font

    bold, title = Font(bold=True), Font(bold=True, size=14)
    wrap = Alignment(wrap_text=True, vertical="top")

    def line(text="", font=None):
        ws.append([text])
        if font is not None:
            ws.cell(row=ws.max_row, column=1).font = font

    line("Classeur ei — mode d'emploi", title)
    line("Un classeur décrit une entreprise d'insertion. Remplissez les feuilles Entreprise, Personnel, "
         "Paie et Suivi, puis lancez : ei validate ce-fichier.xlsx")
    line()
    if blank:
        line("Modèle vierge", bold)
        line(f"La feuille Entreprise est pré-remplie avec des valeurs d'exemple pour les champs obligatoires "
             f"(nom = « {PLACEHOLDER_NAME} », region = « {PLACEHOLDER_REGION} », date_agrement = le 1er janvier "
             "de l'année en cours) afin que le modèle vide soit lisible : remplacez-les toutes les trois par les "
             "vôtres (tant que le nom est celui du modèle, « ei validate » le rappelle ; la région et la date "
             "d'agrément, ei ne peut pas savoir si vous les avez vérifiées). "
             "Les feuilles Personnel, Paie et Suivi ne contiennent que leurs en-têtes.")
    else:
        line("Exemple", bold)
        line("Ce classeur est rempli d'une entreprise fictive (noms, numéros et dates inventés) pour essayer "
             "les commandes ; pour vos données, partez du modèle vierge (ei init sans --sample).")
    line()
    line("Conventions de saisie", bold)
    for text in _CONVENTIONS:
        line("• " + text)
    line()
    line("Feuilles et colonnes", bold)
    header = ["Feuille", "Colonne", "Obligatoire", "Valeurs acceptées", "Signification", "Nom anglais"]
    ws.append(header)
    for cell in ws[ws.max_row]:
        cell.font = bold
    for sheet in schema.SHEETS:
        req_sheet = "feuille obligatoire" if sheet.required else "feuille facultative"
        ws.append([sheet.name, None, None, None, f"{sheet.help_fr} ({req_sheet})", sheet.aliases[0]])
        ws.cell(row=ws.max_row, column=1).font = bold
        if sheet.key_value:
            ws.append([sheet.name, schema.KEY_HEADERS[0], "oui", "texte",
                       "Nom du champ (un par ligne, ci-dessous)", schema.KEY_HEADERS[1]])
            ws.append([sheet.name, schema.VALUE_HEADERS[0], "oui", "selon le champ", "Valeur du champ",
                       schema.VALUE_HEADERS[1]])
        for column in sheet.columns:
            ws.append([sheet.name, column.name, "oui" if column.required else "non",
                       accepted_values_fr(column, sheet), column.help_fr, column.english])
    line()
    line("Données personnelles", bold)
    for text in _PERSONAL_DATA:
        line("• " + text)
    widths = (16, 26, 12, 34, 70, 22)
    for letter, width in zip("ABCDEF", widths):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = wrap
    # Paragraphs (text in column A only) spread over the table's width; Excel does not fit the
    # height of merged cells, so give it from the text's length.
    for r in range(1, ws.max_row + 1):
        text = ws.cell(row=r, column=1).value
        if text and all(ws.cell(row=r, column=c).value is None for c in range(2, 7)):
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
            lines = -(-len(str(text)) // int(sum(widths) * 1.1))
            if lines > 1:
                ws.row_dimensions[r].height = 15 * lines + 2
