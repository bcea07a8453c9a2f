"""Read one enterprise workbook into the model, collecting every problem with its location.

Pipeline: sniff the file (sniff.py) → open it with python-calamine from memory → find the contract's
sheets and columns by name (schema.py) → convert every cell (cells.py) → row and cross-sheet checks →
build the frozen model. Nothing raises for a problem the user can fix; the result says what is wrong,
where (file, sheet, cell) and what was expected, without ever quoting an identity or social-situation
value.

Speed matters (a federation batch reads more than a hundred workbooks): each sheet is fetched once
as a list of rows, the column plan (index, contract column, converter) is built once per sheet, and
cells are converted in plain Python.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field as dataclass_field, replace
from datetime import date
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Callable

from ei_cli.i18n import Text, decimal_text, english_word, enumeration, french_word, others, plural
from ei_cli.model import ContractType, Enterprise, FollowUp, PayMonth, Worker, person_key, records
from ei_cli import periods
from ei_cli.periods import anniversary, completed_months, completed_years, Month, month_span
from ei_cli.problems import Problem, Severity, display_path, has_errors, without_controls
from ei_cli.workbook import schema
from ei_cli.workbook.cells import (ERROR_VALUES, Invalid, cell_ref, column_index, column_letter, converter, masked,
                                  niss_birth_date, parse_ref, holds_dates, reads_as_figure, shown)
from ei_cli.workbook.schema import Column, Sheet, normalize_name
from ei_cli.workdays import fte_allowed, hundredth_up, plausibility
from ei_cli.workbook.sniff import Sniffed, sniff

# A sheet whose used range is bigger than this has stray cells far away (or is not ours): reading it
# would build a grid of millions of empty strings.
MAX_SHEET_CELLS = 5_000_000


@dataclass(frozen=True)
class ReadResult:
    """What ``read_workbook`` found: the model (``None`` when there is any error) and every problem."""

    enterprise: Enterprise | None
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return self.enterprise is not None and not has_errors(self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def read_workbook(path: Path, name: str | None = None) -> ReadResult:
    """Read ``path`` (opened read-only); never raises for a problem in the user's file. ``name``: how the problems
    (``file``, messages) and the model (``Enterprise.source``) name the file — ``ei batch`` gives its path from the
    folder read (``batch.relative_name``); by default the path as given (``problems.display_path``)."""
    path = Path(path)
    file = display_path(path) if name is None else name
    sniffed = sniff(path, file)
    if sniffed.problems:
        return ReadResult(None, tuple(sniffed.problems))
    return _Reader(file, sniffed).read()


@dataclass
class _Row:
    number: int                 # 1-based row number in the sheet
    # model field → converted value (absent or None when empty/invalid); personal data: not in the repr
    values: dict[str, Any] = dataclass_field(repr=False)
    worker_id: str | None


# A value a message quotes (``cells.shown``, ``i18n.quoted``): « … » in French, “…” in English.
_QUOTED_VALUE = re.compile(r"« (.+?) »|“(.+?)”")


def _personnel_names(staff: list[_Row]) -> frozenset[str]:
    """The ``normalize_name`` keys of Personnel's names (nom, prenom): each of them, and both together in either
    order (« Gérard Mehdi », « Mehdi, Gérard »); keys of fewer than 2 characters are left out."""
    keys = set()
    for r in staff:
        last, first = r.values.get("last_name"), r.values.get("first_name")
        parts = [normalize_name(x) for x in (last, first) if isinstance(x, str) and x.strip()]
        keys.update(parts)
        if len(parts) == 2:
            keys.update((parts[0] + parts[1], parts[1] + parts[0]))
    return frozenset(k for k in keys if len(k) >= 2)


class _Reader:
    def __init__(self, file: str, sniffed: Sniffed):
        self.file = file
        self.sniffed = sniffed
        self.problems: list[Problem] = []
        self.letters: dict[str, dict[str, str]] = {}   # sheet title → field → column letter
        self.contracts: dict[str, Sheet] = {}          # sheet title → its contract
        self.header_rows: dict[str, int] = {}          # table sheet title → 0-based row of its headers
        self._parts: dict[str, str] | None = None       # .xlsx: sheet title → XML part
        self.placeholders: dict[str, set[tuple[int, int]]] = {}  # sheet title → formulas storing 0 or "" (recalc.)

    # ------------------------------------------------------------------------------- problems
    def _add(self, severity: Severity, code: str, fr: str, en: str, sheet: str | None = None,
             cell: str | None = None, column: str | None = None) -> None:
        self.problems.append(Problem(code, severity, Text(fr, en), self.file, sheet, cell, column))

    def err(self, code, fr, en, sheet=None, cell=None, column=None):
        self._add(Severity.ERROR, code, fr, en, sheet, cell, column)

    def warn(self, code, fr, en, sheet=None, cell=None, column=None):
        self._add(Severity.WARNING, code, fr, en, sheet, cell, column)

    # ------------------------------------------------------------------------------- main
    def read(self) -> ReadResult:
        from python_calamine import CalamineWorkbook  # lazy: `ei --help` must not pay for it

        errors_by_sheet = {}
        if self.sniffed.kind == "ods" and self.sniffed.archive is not None:
            # calamine expands every sheet of an .ods as soon as it opens it: measure them first. The same
            # pass lists the formula-error cells, which calamine reads as empty.
            from ei_cli.workbook.ooxml import ods_scan

            try:
                extents, errors_by_sheet = ods_scan(self.sniffed.archive, self.sniffed.inflated.get("content.xml"))
            except Exception:  # a damaged content.xml: calamine says so below
                extents = {}
            if any([self._too_large(title, *extent) for title, extent in extents.items()]):
                return ReadResult(None, tuple(self.problems))
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(self.sniffed.data))
            metadata = list(book.sheets_metadata)
        except Exception as exc:  # calamine raises its own types, and ValueError/OSError on junk
            self.err("unreadable_workbook",
                     f"Le classeur ne peut pas être lu ({_reason(exc)}) : ouvrez-le dans votre tableur et "
                     "enregistrez-le à nouveau en .xlsx.",
                     f"The workbook cannot be read ({_reason(exc)}): open it in your spreadsheet program "
                     "and save it again as .xlsx.")
            return ReadResult(None, tuple(self.problems))

        titles = self._locate_sheets(metadata)
        if self.sniffed.kind == "xlsx" and self.sniffed.archive is not None:
            from ei_cli.workbook.ooxml import error_cells, recalculated_on_load

            archive, inflated = self.sniffed.archive, self.sniffed.inflated
            formulas = error_cells(archive, [t for t in titles.values() if t], self._sheet_parts(), inflated,
                                   placeholders=recalculated_on_load(archive, inflated))
            errors_by_sheet = formulas.errors
            for title, cells in formulas.placeholders.items():
                self._not_recalculated(title, cells)
                self.placeholders[title] = set(cells)

        grids = {}
        for contract, title in titles.items():
            if title is not None:
                grids[contract.name] = self._grid(book, title)

        fields = self._read_enterprise(titles[schema.ENTERPRISE], grids.get(schema.ENTERPRISE.name),
                                       errors_by_sheet.get(titles[schema.ENTERPRISE] or "", {}))
        staff = self._read_table(schema.STAFF, titles[schema.STAFF], grids.get(schema.STAFF.name),
                                 errors_by_sheet.get(titles[schema.STAFF] or "", {}))
        pay = self._read_table(schema.PAYROLL, titles[schema.PAYROLL], grids.get(schema.PAYROLL.name),
                               errors_by_sheet.get(titles[schema.PAYROLL] or "", {}))
        follow = self._read_table(schema.FOLLOW_UP, titles[schema.FOLLOW_UP], grids.get(schema.FOLLOW_UP.name),
                                  errors_by_sheet.get(titles[schema.FOLLOW_UP] or "", {}))

        self._check_staff(titles[schema.STAFF], staff)
        self._check_pay(titles[schema.PAYROLL], pay, staff)
        self._check_pay_ahead(titles[schema.PAYROLL], pay)
        self._check_follow_ups(titles[schema.FOLLOW_UP], follow)
        # Personnel's names, read only when a message may need them taken out (~0,13 ms for 50 workers).
        names = cache(lambda: _personnel_names(staff))
        named_ids: set[str] = set()
        if titles[schema.STAFF] in self.letters and "worker_id" in self.letters[titles[schema.STAFF]]:
            # Only when Personnel could be read: otherwise every id would be "unknown".
            known = {r.worker_id for r in staff if r.worker_id is not None}
            named_ids |= self._check_known_workers(titles[schema.PAYROLL], pay, known, names)
            self._check_pay_within_employment(titles[schema.PAYROLL], pay, staff)
            self._check_pay_fte_within_days(titles[schema.PAYROLL], pay, staff)
            named_ids |= self._check_known_workers(titles[schema.FOLLOW_UP], follow, known, names)
            self._check_follow_ups_within_employment(titles[schema.FOLLOW_UP], follow, staff)
        if self.problems and names():
            self._without_names(names(), named_ids)

        self._name_totals_rows({titles[c]: grids.get(c.name) for c in (schema.STAFF, schema.PAYROLL, schema.FOLLOW_UP)
                                if titles[c] is not None})
        self.problems.sort(key=self._position)
        if has_errors(self.problems):
            return ReadResult(None, tuple(self.problems))
        enterprise = Enterprise(
            **fields,
            workers=records(Worker, ((r.values, r.number) for r in staff)),
            pay=records(PayMonth, ((r.values, r.number) for r in pay)),
            follow_ups=records(FollowUp, ((r.values, r.number) for r in follow)),
            follow_up_sheet=titles[schema.FOLLOW_UP] is not None,
            source=self.file,
        )
        return ReadResult(enterprise, tuple(self.problems))

    # ------------------------------------------------------------------------------- sheets
    def _locate_sheets(self, metadata) -> dict[Sheet, str | None]:
        from python_calamine import SheetTypeEnum, SheetVisibleEnum

        sheets = [(m.name, m.visible == SheetVisibleEnum.Visible) for m in metadata
                  if m.typ == SheetTypeEnum.WorkSheet]
        # Sheets that match no contract: one whose name holds a contract's name (« suivi social »,
        # « Personnel 2024 ») is named when that contract's sheet is missing.
        strays = [n for n, _ in sheets if not any(c.matches(n) for c in schema.SHEETS)]
        found: dict[Sheet, str | None] = {}
        for contract in schema.SHEETS:
            matching = [(name, visible) for name, visible in sheets if contract.matches(name)]
            visible = [name for name, v in matching if v]
            hidden = [name for name, v in matching if not v]
            names_fr = ", ".join((contract.name,) + contract.aliases)
            if len(visible) > 1 or (not visible and len(hidden) > 1):
                dupes = visible if len(visible) > 1 else hidden
                self.err("duplicate_sheet",
                         f"Plusieurs feuilles correspondent à « {contract.name} » ({' ; '.join(map(shown, dupes))}) : "
                         "gardez-en une seule.",
                         f"Several sheets match “{contract.name}” ({'; '.join(shown(n, 'en') for n in dupes)}): keep "
                         "only one.",
                         sheet=contract.name)
                found[contract] = None
            elif visible:
                found[contract] = visible[0]
                for name in hidden:
                    self.warn("hidden_sheet_ignored",
                              f"La feuille masquée {shown(name)} correspond aussi à « {contract.name} » ; elle est "
                              f"ignorée et la feuille visible {shown(visible[0])} est lue. Supprimez-la si c'est une "
                              "ancienne copie.",
                              f"Hidden sheet {shown(name, 'en')} also matches “{contract.name}”; it is ignored and "
                              f"the visible sheet {shown(visible[0], 'en')} is read. Delete it if it is an old copy.", sheet=name)
            elif hidden:
                self.warn("hidden_sheet",
                          f"La feuille {shown(hidden[0])} est masquée ; elle est lue quand même.",
                          f"Sheet {shown(hidden[0], 'en')} is hidden; it is read all the same.", sheet=hidden[0])
                found[contract] = hidden[0]
            else:
                found[contract] = None
                like = [n for n in strays if any(k and k in normalize_name(n) for k in contract.keys)]
                # A look-alike title is never quoted, even a single one: « Paie Dupont Marie » is an HR file's
                # tab per worker, and its title names the worker. What makes it look like the sheet is said
                # instead: the accepted name it contains (« une feuille dont le nom contient « Paie » »).
                present = _sheets_present(len(like), len(sheets), contract.name)
                hint = Text("", "")
                if len(like) == 1:
                    held = _names_held(like, (contract.name,) + contract.aliases)
                    hint = Text(f" Une feuille dont le nom contient {held.fr} : est-ce celle-là ? Renommez-la "
                                f"« {contract.name} » : le nom doit être exactement l'un des noms acceptés.",
                                f" A sheet whose name contains {held.en}: is it that one? Rename it "
                                f"“{contract.name}”: the name must be exactly one of the accepted names.")
                elif like:
                    held = _names_held(like, (contract.name,) + contract.aliases)
                    hint = Text(f" {len(like)} feuilles dont le nom contient {held.fr} : l'une d'elles est-elle "
                                f"celle-là ? Renommez-la « {contract.name} » : le nom doit être exactement l'un des "
                                "noms acceptés.",
                                f" {len(like)} sheets whose name contains {held.en}: is one of them that one? Rename "
                                f"it “{contract.name}”: the name must be exactly one of the accepted names.")
                if contract.required:
                    self.err("missing_sheet",
                             f"Feuille « {contract.name} » introuvable (noms acceptés : {names_fr}).{hint.fr} "
                             f"Feuilles présentes : {present.fr}.",
                             f"Sheet “{contract.name}” not found (accepted names: {names_fr}).{hint.en} "
                             f"Sheets present: {present.en}.",
                             sheet=contract.name)
                else:
                    # Suivi, the one optional sheet: the data stays usable, but the follow-up is not known
                    # (rules/follow_up.py says so), unlike a Suivi sheet with headers and no row.
                    self.warn("missing_sheet",
                              f"Feuille facultative « {contract.name} » introuvable (noms acceptés : {names_fr})."
                              f"{hint.fr} Sans elle, le suivi social ne peut pas être contrôlé (indéterminé) ; "
                              "si aucune action n'a eu lieu, gardez-la avec ses seuls en-têtes. "
                              f"Feuilles présentes : {present.fr}.",
                              f"Optional sheet “{contract.name}” not found (accepted names: {names_fr}).{hint.en} "
                              "Without it, the social follow-up cannot be checked (unknown); if no action took "
                              f"place, keep it with its headers only. Sheets present: {present.en}.",
                              sheet=contract.name)
        return found

    def _too_large(self, title: str, rows: int, cols: int) -> bool:
        if rows * cols <= MAX_SHEET_CELLS:
            return False
        # The corner of the range holding every filled cell, the cell named: the extent is measured row
        # and column apart, and that corner may be empty (one note typed in A1048576, another in E1) — the
        # message names the last filled row and the last filled column, each of which holds a value.
        last = cell_ref(rows - 1, cols - 1)
        column = column_letter(cols - 1)
        # In an .ods every sheet is measured, also one that matches no contract sheet and whose title may
        # hold anything: its digit runs masked (a contract sheet's title holds no digit).
        self.err("sheet_too_large",
                 f"La feuille a des cellules remplies jusqu'à la ligne {rows} et jusqu'à la colonne {column} "
                 f"(la zone utilisée va jusqu'en {last}, une cellule peut-être vide) : supprimez les lignes et "
                 "colonnes inutiles en bas et à droite des données.",
                 f"The sheet has filled cells as far down as row {rows} and as far right as column {column} "
                 f"(the used range ends at {last}, a cell that may be empty): delete the unused rows and "
                 "columns below and to the right of the data.", sheet=without_controls(masked(title)), cell=last)
        return True

    def _sheet_parts(self) -> dict[str, str]:
        from ei_cli.workbook import ooxml

        if self._parts is None:
            self._parts = ooxml.sheet_parts(self.sniffed.archive, self.sniffed.inflated)
        return self._parts

    def _extent(self, title: str) -> tuple[int, int] | None:
        """The used range (or a bound of it) measured from the XML before calamine builds it.

        See ooxml.sheet_extent. A sheet whose every address lies within Z99999 is small enough
        whatever its exact extent: one search says so, without measuring cell by cell.
        """
        from ei_cli.workbook import ooxml

        archive = self.sniffed.archive
        if archive is None or self.sniffed.kind != "xlsx":
            return None  # an .ods: every sheet measured by ``read`` before calamine opened it
        part = self._sheet_parts().get(title)
        if not part:
            return self._largest_extent
        xml = self.sniffed.inflated.get(part)
        rows, cols = ooxml.SMALL_EXTENT
        if rows * cols <= MAX_SHEET_CELLS and ooxml.within_small_extent(archive, part, xml):
            return ooxml.SMALL_EXTENT
        return ooxml.sheet_extent(archive, part, xml)

    @cached_property
    def _largest_extent(self) -> tuple[int, int]:
        """When the sheet's part cannot be told from workbook.xml (written in a way ``sheet_parts`` does
        not follow), fail closed: the largest extent found in any XML member of the archive (measured
        once for all the sheets in that case)."""
        from ei_cli.workbook import ooxml

        archive, inflated = self.sniffed.archive, self.sniffed.inflated
        extents = [ooxml.sheet_extent(archive, name, inflated.get(name)) for name in archive.namelist()
                   if name.endswith(".xml")]
        return max(extents, key=lambda e: e[0] * e[1], default=(0, 0))

    def _grid(self, book, title: str) -> list[list] | None:
        try:
            extent = self._extent(title)
            if extent is not None and self._too_large(title, *extent):
                return None
            sheet = book.get_sheet_by_name(title)
            end = sheet.end
            if end is not None and self._too_large(title, end[0] + 1, end[1] + 1):
                return None
            return sheet.to_python(skip_empty_area=False)
        except Exception as exc:
            self.err("unreadable_sheet",
                     f"La feuille ne peut pas être lue ({_reason(exc)}) : enregistrez à nouveau le classeur en .xlsx.",
                     f"The sheet cannot be read ({_reason(exc)}): save the workbook again as .xlsx.", sheet=title)
            return None

    # ------------------------------------------------------------------------------- Entreprise
    def _read_enterprise(self, title: str | None, grid: list[list] | None, errs: dict) -> dict[str, Any]:
        contract = schema.ENTERPRISE
        values: dict[str, Any] = {}
        if title is None or grid is None:
            return values
        header_at = _first_nonempty_row(grid)
        if header_at is None:
            self.err("empty_sheet", "La feuille est vide : il faut une ligne par champ (nom, region, "
                     "date_agrement…), avec les colonnes « champ » et « valeur ».",
                     "The sheet is empty: it needs one row per field (nom, region, date_agrement…), with the "
                     "columns “champ” and “valeur”.", sheet=title)
            self._missing_fields(title, values, {})
            return values

        key_keys = {normalize_name(n) for n in schema.KEY_HEADERS}
        value_keys = {normalize_name(n) for n in schema.VALUE_HEADERS}
        first_filled = header_at
        header_at, _ = _below_title(grid, header_at, lambda v: normalize_name(v) in key_keys
                                    or contract.find_column(v) is not None, least=1)
        header = grid[header_at]
        key_col = next((c for c, v in enumerate(header) if _is_text(v) and normalize_name(v) in key_keys), None)
        value_col = next((c for c, v in enumerate(header) if _is_text(v) and normalize_name(v) in value_keys), None)
        first_data = header_at + 1
        title_end = header_at   # the rows from first_filled up to it are a title
        if key_col is None:
            # Tolerated: no header row, the first filled column names the fields directly.
            first = next(c for c, v in enumerate(header) if not _blank(v))
            if _is_text(header[first]) and contract.find_column(header[first]) is not None:
                key_col, value_col = first, first + 1
                # A row above the first known field holding a label and a value is a field row whose label ei
                # does not know (« Nom de l'entreprise »): read, to be told as an unknown field — not a title,
                # after which « nom » would be said missing with no word on that row. One filled cell: a title.
                def field_row(row: list) -> bool:
                    label, value = (row[c] if c < len(row) else None for c in (key_col, value_col))
                    return _is_text(label) and not _blank(label) and not _blank(value)

                title_end = first_data = next((r for r in range(first_filled, header_at) if field_row(grid[r])),
                                              header_at)
        self._rows_above_headers(title, first_filled, title_end)
        if key_col is None:
            self.err("missing_column",
                     "Colonne « champ » introuvable : la première ligne doit contenir « champ » et « valeur ».",
                     "Column “champ” (field) not found: the first row must contain “champ” and “valeur”.",
                     sheet=title, column="champ")
            return values
        if value_col is None:
            value_col = key_col + 1
            self.warn("missing_column",
                      f"Colonne « valeur » introuvable : les valeurs sont lues dans la colonne {column_letter(value_col)}.",
                      f"Column “valeur” (value) not found: values are read from column {column_letter(value_col)}.",
                      sheet=title, column=column_letter(value_col))
        if first_data > header_at:
            # A column beside « champ » and « valeur » (« valeur 2025 ») is not read: said, as in the other sheets.
            for c, raw in enumerate(header):
                if c not in (key_col, value_col) and not _blank(raw) and (header_at, c) not in errs and not (
                        _is_text(raw) and normalize_name(raw) in key_keys | value_keys):
                    self._unknown_column(title, cell_ref(header_at, c), raw, [schema.KEY_HEADERS[0],
                                         schema.VALUE_HEADERS[0]], [schema.KEY_HEADERS[1], schema.VALUE_HEADERS[1]])

        seen: dict[str, int] = {}
        cells: dict[str, str] = {}
        for r in range(first_data, len(grid)):
            row = grid[r]
            key = row[key_col] if key_col < len(row) else ""
            if _blank(key):
                continue
            key_text = str(key).strip()
            column = contract.find_column(key_text)
            key_cell = cell_ref(r, key_col)
            if column is None:
                self.warn("unknown_field",
                          f"Champ inconnu {shown(key_text)} ignoré (champs attendus : "
                          f"{', '.join(c.name for c in contract.columns)}).",
                          f"Unknown field {shown(key_text, 'en')} ignored (expected fields: "
                          f"{', '.join(c.english for c in contract.columns)}).", sheet=title, cell=key_cell)
                continue
            if column.field in seen:
                self.err("duplicate_field",
                         f"Le champ « {column.name} » est présent deux fois (lignes {seen[column.field]} et {r + 1}).",
                         f"Field “{column.english}” appears twice (rows {seen[column.field]} and {r + 1}).",
                         sheet=title, cell=key_cell)
                continue
            seen[column.field] = r + 1
            ref = cell_ref(r, value_col)
            cells[column.field] = ref
            raw = _clean(row[value_col] if value_col < len(row) else "")
            label = Text(f"Champ « {column.name} »", f"Field “{column.english}”")
            if (r, value_col) in errs:
                self._formula_error(title, ref, errs[(r, value_col)], None, label)
                continue
            if raw is None:
                continue
            value = self._convert(raw, column, converter(column), title, ref, None, label)
            if value is not None:
                values[column.field] = value
        for field in ("turnover", "balance_sheet_total"):
            if field in values and values[field] < 0:
                column = next(c for c in contract.columns if c.field == field)
                self.err("negative_value",
                         f"Champ « {column.name} » : {shown(values[field])} est négatif ; attendu un montant positif ou nul.",
                         f"Field “{column.english}”: {shown(values[field], 'en')} is negative; expected an amount of zero or more.",
                         sheet=title, cell=cells[field])
                del values[field]
        if "regime_id" in values:
            self._check_regime_id(title, values, cells["regime_id"])
        self._missing_fields(title, values, cells, seen)
        from ei_cli.workbook.template import PLACEHOLDER_NAME

        if values.get("name") == PLACEHOLDER_NAME:
            self.warn("template_placeholder",
                      f"Le nom est encore celui du modèle vierge (« {PLACEHOLDER_NAME} ») : remplacez aussi region "
                      "et date_agrement, pré-remplis par « ei init », par ceux de l'entreprise.",
                      f"The name is still the blank template's (“{PLACEHOLDER_NAME}”): replace region and "
                      "date_agrement too, which “ei init” pre-filled, with the enterprise's own.",
                      sheet=title, cell=cells.get("name"))
        return values

    def _check_regime_id(self, title: str, values: dict, ref: str) -> None:
        """The ``regime`` field: a regime ``ei regimes`` lists, written in any case (its id is kept in
        lower case), and of the enterprise's region. Otherwise a warning at its cell and the field is left
        aside: the regime in force for the period applies (rules.md D4), or the one ``--regime`` forces —
        which comes before the field and must still work when the field is wrong."""
        from ei_cli.regimes import all_regimes

        regimes = {r.id: r for r in all_regimes()}
        # Matched as the other lists of values are: « Wallonie 2016 » or « wallonie_2016 » is wallonie-2016.
        by_key = {normalize_name(r): r for r in regimes}
        wanted = by_key.get(normalize_name(values["regime_id"]), values["regime_id"].strip().lower())
        region = values.get("region")
        fallback = Text(" ; le champ est ignoré : le régime en vigueur pendant la période s'applique (ou celui de "
                        "--regime).",
                        "; the field is ignored: the regime in force during the period applies (or --regime's).")
        if wanted not in regimes:
            known = ", ".join(regimes)
            self.warn("unknown_regime",
                      f"Champ « regime » : {shown(values['regime_id'])} n'est pas un régime connu (attendu : l'un de "
                      f"{known}, que « ei regimes » décrit, ou vide){fallback.fr}",
                      f"Field “regime”: {shown(values['regime_id'], 'en')} is not a known regime (expected: one of "
                      f"{known}, which “ei regimes” describes, or empty){fallback.en}",
                      sheet=title, cell=ref)
            del values["regime_id"]
        elif region is not None and regimes[wanted].region != str(region):
            self.warn("regime_region_mismatch",
                      f"Champ « regime » : le régime {wanted} est celui de la région {regimes[wanted].region}, "
                      f"l'entreprise est en région {region}{fallback.fr}",
                      f"Field “regime”: regime {wanted} belongs to region {regimes[wanted].region}, the enterprise "
                      f"is in region {region}{fallback.en}",
                      sheet=title, cell=ref)
            del values["regime_id"]
        else:
            values["regime_id"] = wanted

    def _missing_fields(self, title, values, cells, seen=None):
        seen = seen or {}
        for column in schema.ENTERPRISE.columns:
            if not column.required or column.field in values:
                continue
            if column.field in seen and cells.get(column.field) and self._has_problem_at(title, cells[column.field]):
                continue  # already reported as invalid or broken formula
            where = cells.get(column.field)
            self.err("missing_field",
                     f"Champ obligatoire « {column.name} » manquant ou vide. {column.help_fr}.",
                     f"Required field “{column.english}” missing or empty. {column.help_en}.",
                     sheet=title, cell=where, column=None if where else column.name)

    def _position(self, p: Problem):
        """Problems in reading order: file-level, then sheet by sheet, row by row, left to right."""
        order = next((i for i, c in enumerate(schema.SHEETS) if p.sheet and c.matches(p.sheet)), len(schema.SHEETS))
        row, col = -1, -1   # a whole column or field (no cell): before the cells of that sheet
        if p.cell:
            row, col = parse_ref(p.cell)
        return (p.sheet is not None, order, row, col)

    def _has_problem_at(self, sheet, cell) -> bool:
        return any(p.sheet == sheet and p.cell == cell for p in self.problems)

    def _rows_above_headers(self, title: str, first: int, below: int) -> None:
        """The warning for the rows from ``first`` to ``below`` (excluded) read past as a title (none: no word)."""
        n = below - first
        if n <= 0:
            return
        rows = f"{first + 1}" if n == 1 else f"{first + 1} à {below}"
        rows_en = f"{first + 1}" if n == 1 else f"{first + 1} to {below}"
        self.warn("rows_above_headers",
                  f"{french_word(n, 'Ligne')} {rows} au-dessus des en-têtes {french_word(n, 'ignorée')} (un titre ?) : "
                  f"les en-têtes sont lus en ligne {below + 1}.",
                  f"{english_word(n, 'Row')} {rows_en} above the headers ignored (a title?): the headers are read on "
                  f"row {below + 1}.",
                  sheet=title, cell=cell_ref(first, 0))

    # ------------------------------------------------------------------------------- tables
    def _read_table(self, contract: Sheet, title: str | None, grid: list[list] | None, errs: dict) -> list[_Row]:
        if title is None or grid is None:
            return []
        header_at = _first_nonempty_row(grid)
        if header_at is None:
            if contract.required:
                self.err("empty_sheet",
                         "La feuille est vide : la première ligne doit contenir les en-têtes de colonnes "
                         f"({', '.join(c.name for c in contract.columns if c.required)}…).",
                         "The sheet is empty: its first row must hold the column headers "
                         f"({', '.join(c.english for c in contract.columns if c.required)}…).", sheet=title)
            return []

        first_filled = header_at
        header_at, recognised = _below_title(grid, header_at, lambda v: contract.find_column(v) is not None)
        self._rows_above_headers(title, first_filled, header_at)
        self.header_rows[title] = header_at
        if not recognised:
            # Data pasted without its header row, or headers all misspelt: the row would be taken for the
            # headers, and each of its cells (a name, a birth date, a diploma) quoted as an unknown column.
            # One error, no cell quoted.
            required_fr = ", ".join(c.name for c in contract.columns if c.required)
            required_en = ", ".join(c.english for c in contract.columns if c.required)
            self.err("missing_header_row",
                     f"Aucune ligne d'en-têtes reconnue (ligne {header_at + 1}) : aucune de ses cellules n'est un "
                     f"en-tête de la feuille ({required_fr}…) et rien n'est lu. Si ce sont les en-têtes, "
                     "écrivez-les comme le modèle (ei init) ; si ce sont des données, ajoutez au-dessus la ligne "
                     "d'en-têtes du modèle.",
                     f"No header row recognised (row {header_at + 1}): none of its cells is a header of this sheet "
                     f"({required_en}…) and nothing is read. If they are the headers, write them as the template "
                     "does (ei init); if they are data, add the template's header row above them.",
                     sheet=title, cell=cell_ref(header_at, 0))
            return []
        plan = self._plan(contract, title, grid, header_at, errs)
        letters = self.letters[title]
        columns = [ci for ci, _col, _conv in plan]
        # Per column: its converter and a memo of the converter's results. Ids, months, choices and
        # amounts repeat from row to row, and a converter is a pure function of the raw value. Only
        # str, date and non-zero float values are remembered (1 == 1.0 == True and 0.0 == -0.0 would
        # be confused), and only values that converted without a problem, so that every cell holding
        # a wrong value is reported.
        steps = [(ci, col, conv, col.field, col.required, col.field == "worker_id", {}) for ci, col, conv in plan]
        rows: list[_Row] = []
        # The per-cell work below is the reader's hot path: a cell address and a message label are
        # built only when there is something to report.
        for r in range(header_at + 1, len(grid)):
            row = grid[r]
            # A row blank in every column of the contract is skipped (a blank cell may still hide a
            # broken formula, which is not blank).
            for ci in columns:
                raw = row[ci]
                if raw.__class__ is not str or (raw and not raw.isspace()) or (errs and (r, ci) in errs):
                    break
            else:
                continue
            number = r + 1
            values: dict[str, Any] = {}
            worker_id = None
            # The id comes first in the plan so that every message of the row can name the worker.
            for ci, col, conv, field, required, is_id, memo in steps:
                raw = row[ci]
                if errs and (r, ci) in errs:
                    # Whatever calamine made of it: "" for an error, or the number an .ods writer put
                    # beside ``calcext:value-type="error"``.
                    self._formula_error(title, f"{letters[field]}{number}", errs[(r, ci)], worker_id, _label(col))
                    continue
                cls = raw.__class__
                if cls is str or cls is date or (cls is float and raw):
                    value = memo.get(raw)
                    if value is None:
                        if cls is str:
                            text = raw.strip()
                            if not text:
                                if required:
                                    self._missing_value(title, f"{letters[field]}{number}", col, worker_id)
                                continue
                            if text[0] in "#E" and text in ERROR_VALUES:
                                self._formula_error(title, f"{letters[field]}{number}", text, worker_id, _label(col))
                                continue
                        else:
                            text = raw
                        try:
                            value = conv(text)
                        except Invalid as exc:
                            self._invalid(exc, text, col, title, f"{letters[field]}{number}", worker_id, _label(col))
                            continue
                        if value is None:
                            continue
                        memo[raw] = value
                elif raw is None:
                    if required:
                        self._missing_value(title, f"{letters[field]}{number}", col, worker_id)
                    continue
                else:   # not remembered: 0.0, -0.0, int, bool, datetime...
                    value = self._convert(raw, col, conv, title, f"{letters[field]}{number}", worker_id, None)
                    if value is None:
                        continue
                if is_id:
                    worker_id = value
                values[field] = value
            rows.append(_Row(number, values, worker_id))
        return rows

    def _plan(self, contract: Sheet, title: str, grid: list[list], header_at: int, errs: dict):
        plan = []
        letters: dict[str, str] = {}
        headers_at: dict[str, str] = {}
        blank: list[int] = []
        for c, raw in enumerate(grid[header_at]):
            if errs and (header_at, c) in errs:
                self._formula_error(title, cell_ref(header_at, c), errs[(header_at, c)], None,
                                    Text("En-tête de colonne", "Column header"))
                continue
            if _blank(raw):
                blank.append(c)
                continue
            ref = cell_ref(header_at, c)
            column = contract.find_column(raw) if _is_text(raw) else None
            if column is None:
                self._unknown_column(title, ref, raw, [col.name for col in contract.columns],
                                     [col.english for col in contract.columns])
                continue
            if column.field in letters:
                self.err("duplicate_column",
                         f"La colonne « {column.name} » apparaît deux fois (en {headers_at[column.field]} et {ref}) : "
                         "gardez-en une seule.",
                         f"Column “{column.english}” appears twice (at {headers_at[column.field]} and {ref}): keep "
                         "only one.", sheet=title, cell=ref)
                continue
            letters[column.field] = column_letter(c)
            headers_at[column.field] = ref
            plan.append((c, column, converter(column)))
        for column in contract.columns:
            if column.required and column.field not in letters:
                aliases = ", ".join(column.aliases)
                self.err("missing_column",
                         f"Colonne obligatoire « {column.name} » introuvable (noms acceptés aussi : {aliases}). "
                         f"{column.help_fr}.",
                         f"Required column “{column.english}” not found (also accepted: "
                         f"{', '.join((column.name,) + column.aliases[1:])}). {column.help_en}.",
                         sheet=title, column=column.name)
        if blank:
            self._unnamed_columns(contract, title, grid, header_at, blank, letters)
        plan.sort(key=lambda p: p[1].field != "worker_id")
        self.letters[title] = letters
        self.contracts[title] = contract
        return plan

    def _unknown_column(self, title: str, ref: str, raw, expected: list[str], expected_en: list[str]) -> None:
        """A column whose header (at ``ref``) names none of the sheet's (``expected``): not read, with a warning
        (workbook.md: « unknown columns are ignored with a warning »)."""
        if reads_as_figure(raw):
            # A date or a number is a data value, not a column name: a data row taken for the headers, or a
            # birth date typed there. Never quoted.
            self.warn("unknown_column",
                      f"Colonne inconnue ignorée : son en-tête en {ref} est une date ou un nombre (non reproduit), "
                      f"pas un nom de colonne (colonnes attendues : {', '.join(expected)}).",
                      f"Unknown column ignored: its header in {ref} is a date or a number (not shown), not a "
                      f"column name (expected columns: {', '.join(expected_en)}).",
                      sheet=title, cell=ref)
            return
        self.warn("unknown_column",
                  f"Colonne inconnue {shown(raw)} ignorée (colonnes attendues : {', '.join(expected)}).",
                  f"Unknown column {shown(raw, 'en')} ignored (expected columns: {', '.join(expected_en)}).",
                  sheet=title, cell=ref)

    def _unnamed_columns(self, contract: Sheet, title: str, grid: list[list], header_at: int, blank: list[int],
                         letters: dict[str, str]) -> None:
        """A column with values under a blank header cell (a header cleared by mistake, a column pasted
        without its header) is not read: said at its header cell. An error when the sheet lacks one of the
        optional columns whose empty cell decides (``Column.empty_means``, all dates: the values may be that
        column, and without it the verdicts change in silence) and its values are dates
        (``cells.holds_dates``: not notes, row numbers, check boxes, amounts), else a warning, as for
        an unknown column. The values are never quoted (they may be names or social data).

        Only the columns with a blank header are looked at: first in one pass over the rows that stops once
        each has shown a value (the blank columns after the last header, up to a stray cell far to the right,
        tested a row at a time by counting its empty cells, not cell by cell); then, only when a deciding
        column is absent, each filled one down to its end, for its dates."""
        header = grid[header_at]
        blank_set = set(blank)
        last_named = max((c for c in range(len(header)) if c not in blank_set), default=-1)
        inner = {c for c in blank if c < last_named}
        trailing = {c for c in blank if c > last_named}
        tail = last_named + 1
        found: dict[int, int] = {}
        for r, row in enumerate(grid[header_at + 1:], header_at + 1):
            for c in [c for c in inner if c < len(row) and not _blank(row[c])]:
                found[c] = r
                inner.discard(c)
            if trailing and len(row) > tail:
                rest = row[tail:]
                if rest.count("") + rest.count(None) != len(rest):
                    for c in [c for c in trailing if c < len(row) and not _blank(row[c])]:
                        found[c] = r
                        trailing.discard(c)
            if not inner and not trailing:
                break
        if not found:
            return
        absent = [col for col in contract.columns if not col.required and col.field not in letters]
        decisive = [col for col in absent if col.empty_means]
        for c, r in sorted(found.items()):
            letter, ref, first = column_letter(c), cell_ref(header_at, c), cell_ref(r, c)
            fr = f"La colonne {letter} a des valeurs (dès {first}) mais pas d'en-tête en {ref} : elle n'est pas lue."
            en = f"Column {letter} holds values (from {first}) but no header in {ref}: it is not read."
            # A date anywhere in the column (« en cours » above the exit dates must not hide them).
            if decisive and holds_dates([row[c] for row in grid[r:] if c < len(row) and not _blank(row[c])]):
                which_fr, which_en = ("elle", "that one") if len(decisive) == 1 else ("l'une d'elles", "one of them")
                means_fr = " ; ".join(f"{col.name} = {col.empty_means[0]}" for col in decisive)
                means_en = "; ".join(f"{col.english} = {col.empty_means[1]}" for col in decisive)
                self.err("unnamed_column",
                         f"{fr} La feuille n'a pas de colonne {', '.join(col.name for col in decisive)}, dont "
                         f"l'absence change les résultats (vide : {means_fr}) : si c'est {which_fr}, écrivez son "
                         f"en-tête en {ref} ; sinon, donnez un en-tête à la colonne ou videz-la.",
                         f"{en} The sheet has no column {', '.join(col.english for col in decisive)}, whose absence "
                         f"changes the results (empty: {means_en}): if it is {which_en}, write its header in {ref}; "
                         "otherwise give the column a header or clear it.",
                         sheet=title, cell=ref)
            else:
                missing_fr = missing_en = ""
                if absent:
                    missing_fr = f" (colonnes facultatives absentes : {', '.join(col.name for col in absent)})"
                    missing_en = f" (optional columns absent: {', '.join(col.english for col in absent)})"
                self.warn("unnamed_column",
                          f"{fr} Si c'est une colonne du modèle{missing_fr}, écrivez son en-tête en {ref} ; sinon, "
                          "videz-la.",
                          f"{en} If it is a column of the template{missing_en}, write its header in {ref}; "
                          "otherwise clear it.", sheet=title, cell=ref)

    def _name_totals_rows(self, grids: dict[str, list[list] | None]) -> None:
        """A totals row left under the data (an Excel table's « Ligne des totaux », a SUM row) gave « Le
        travailleur Total n'existe pas » and an etp of 474,22 out of range, without saying why: each error of
        such a row now adds that it looks like a totals row to delete (codes unchanged). Only rows with an
        error are looked at."""
        rows: dict[tuple[str, int], list[int]] = {}
        for i, p in enumerate(self.problems):
            if p.is_error and p.cell and grids.get(p.sheet) is not None:
                r = parse_ref(p.cell)[0]
                if r > self.header_rows.get(p.sheet, r):
                    rows.setdefault((p.sheet, r), []).append(i)
        last: dict[str, int | None] = {}
        for (sheet, r), indexes in rows.items():
            grid = grids[sheet]
            if sheet not in last:
                last[sheet] = next((i for i in range(len(grid) - 1, -1, -1) if not all(_blank(v) for v in grid[i])),
                                   None)
            id_letter = self.letters.get(sheet, {}).get("worker_id")
            id_col = column_index(id_letter) if id_letter else None
            how = _totals_like(grid[r], r == last[sheet], id_col) if r < len(grid) else None
            if how is None:
                continue
            hint = Text(f" La ligne {r + 1} ressemble à une ligne de totaux ({how.fr}) : supprimez-la (dans un tableau "
                        "Excel, décochez « Ligne des totaux ») ; ei calcule ses propres totaux.",
                        f" Row {r + 1} looks like a totals row ({how.en}): delete it (in an Excel table, untick "
                        "“Total Row”); ei computes its own totals.")
            for i in indexes:
                p = self.problems[i]
                self.problems[i] = replace(p, message=Text(p.message.fr + hint.fr, p.message.en + hint.en))

    # ------------------------------------------------------------------------------- cells
    def _convert(self, raw, col: Column, conv, sheet: str, ref: str, worker_id: str | None, label: Text | None):
        """The converted value, or None after recording why it could not be converted.

        ``label`` (None: "Colonne « … »" of ``col``) is only used when there is a problem.
        """
        if raw.__class__ is str and raw[0] in "#E" and raw in ERROR_VALUES:
            self._formula_error(sheet, ref, raw, worker_id, label or _label(col))
            return None
        try:
            return conv(raw)
        except Invalid as exc:
            self._invalid(exc, raw, col, sheet, ref, worker_id, label or _label(col))
            return None

    def _invalid(self, exc: Invalid, raw, col: Column, sheet: str, ref: str, worker_id: str | None, label: Text):
        who = _who(worker_id)
        if col.sensitive or not exc.quoted:
            # Identity and social-situation data (or a value that holds some, such as a worker id carrying
            # a national number): the cell and the worker, never the value — a hint only when it quotes nothing.
            hint = exc.hint if exc.hint is not None and not exc.hint_quotes else Text("", "")
            self.err(exc.code,
                     f"{label.fr}{who.fr} : valeur non valide (non reproduite, donnée personnelle) ; "
                     f"attendu : {exc.expected.fr}.{hint.fr}{'.' if hint.fr else ''}",
                     f"{label.en}{who.en}: invalid value (not shown, personal data); "
                     f"expected: {exc.expected.en}.{hint.en}{'.' if hint.en else ''}", sheet=sheet, cell=ref)
        else:
            found = exc.found or Text(shown(raw), shown(raw, "en"))
            hint = exc.hint or Text("", "")
            self.err(exc.code,
                     f"{label.fr}{who.fr} : {found.fr} n'est pas valide ; attendu : {exc.expected.fr}.{hint.fr}"
                     f"{'.' if hint.fr else ''}",
                     f"{label.en}{who.en}: {found.en} is not valid; expected: {exc.expected.en}.{hint.en}"
                     f"{'.' if hint.en else ''}",
                     sheet=sheet, cell=ref)

    def _formula_error(self, sheet, ref, value, worker_id, label: Text):
        who = _who(worker_id)
        if value is None:
            self.err("formula_without_value",
                     f"{label.fr}{who.fr} : la cellule contient une formule sans valeur calculée (classeur "
                     "produit par un programme et jamais recalculé) ; ouvrez-le dans votre tableur, "
                     "enregistrez-le, ou saisissez la valeur.",
                     f"{label.en}{who.en}: the cell holds a formula without a computed value (workbook "
                     "written by a program and never recalculated); open it in your spreadsheet program "
                     "and save it, or type the value.", sheet=sheet, cell=ref)
            return
        self.err("formula_error",
                 f"{label.fr}{who.fr} : la formule de la cellule donne une erreur ({value}) ; corrigez-la ou "
                 "saisissez la valeur.",
                 f"{label.en}{who.en}: the cell's formula gives an error ({value}); fix it or type the value.",
                 sheet=sheet, cell=ref)

    def _not_recalculated(self, sheet: str, cells: list[tuple[int, int]]) -> None:
        """One warning per sheet: its formulas store 0 or "" in a workbook that asks to be recalculated on
        opening, what a program writes in place of values it never computed (docs/interpretations.md).
        Not an error: Excel may keep that request too, and 0 or "" may be the true results."""
        count, first = len(cells), cell_ref(*cells[0])
        # The verb agrees too: « 1 cellule … a pour valeur », « 6 cellules … ont pour valeur ».
        stored = plural(count, "cellule à formule de la feuille a", "formula cell of the sheet stores",
                        "cellules à formule de la feuille ont", "formula cells of the sheet store")
        if count == 1:
            first_at = Text("en", "at")
            these = Text("cette valeur n'a peut-être jamais été calculée", "this value may never have been computed")
        else:
            first_at = Text("la première en", "the first at")
            these = Text("ces valeurs n'ont peut-être jamais été calculées", "these values may never have been computed")
        self.warn("formula_not_recalculated",
                  f"{stored.fr} pour valeur enregistrée 0 ou vide ({first_at.fr} {first}), et le classeur demande "
                  f"à être recalculé à son ouverture : {these.fr} (classeur produit par un programme). Ouvrez-le "
                  "dans Excel ou LibreOffice et enregistrez-le avant de relancer ei.",
                  f"{stored.en} 0 or an empty value ({first_at.en} {first}), and the workbook asks to be "
                  f"recalculated when opened: {these.en} (workbook written by a program). Open it in Excel or "
                  "LibreOffice and save it before running ei again.", sheet=sheet, cell=first)

    def _missing_value(self, sheet, ref, col: Column, worker_id):
        who = _who(worker_id)
        self.err("missing_value",
                 f"Colonne « {col.name} »{who.fr} : valeur obligatoire manquante. {col.help_fr}.",
                 f"Column “{col.english}”{who.en}: required value missing. {col.help_en}.",
                 sheet=sheet, cell=ref)

    def _ref(self, sheet, field, row: _Row) -> str:
        return f"{self.letters[sheet][field]}{row.number}"

    # ------------------------------------------------------------------------------- row checks
    def _check_staff(self, sheet: str | None, rows: list[_Row]) -> None:
        if sheet is None or sheet not in self.letters:
            return
        first_row: dict[str, int] = {}
        for row in rows:
            v = row.values
            wid = row.worker_id
            if wid is not None:
                if wid in first_row:
                    self.err("duplicate_worker",
                             f"L'identifiant {wid} est déjà utilisé à la ligne {first_row[wid]} : chaque "
                             "travailleur doit avoir un identifiant unique.",
                             f"Id {wid} is already used on row {first_row[wid]}: each worker needs a unique id.",
                             sheet=sheet, cell=self._ref(sheet, "worker_id", row))
                else:
                    first_row[wid] = row.number
            if v.get("national_number") is not None and v.get("birth_date") is not None:
                self._check_niss_birth_date(sheet, row)
            fte = v.get("fte")
            if fte is not None and not (0 < fte <= 1):
                who = _who(wid)
                self.err("fte_out_of_range",
                         f"Colonne « etp »{who.fr} : {shown(fte)} est hors limites ; attendu : une fraction de temps plein, "
                         "plus grande que 0 et au plus 1 (0,5 = mi-temps).",
                         f"Column “fte”{who.en}: {shown(fte, 'en')} is out of range; expected: a fraction of full time, more "
                         "than 0 and at most 1 (0.5 = half time).", sheet=sheet, cell=self._ref(sheet, "fte", row))
                del v["fte"]
            hire = v.get("hire_date")
            if hire is not None:
                exit_ = v.get("exit_date")
                if exit_ is not None and exit_ < hire:
                    self.err("exit_before_hire",
                             f"Travailleur {wid} : la date de sortie ({_d(exit_)}) est antérieure à la date "
                             f"d'entrée ({_d(hire)}).",
                             f"Worker {wid}: the exit date ({exit_}) is before the hire date ({hire}).",
                             sheet=sheet, cell=self._ref(sheet, "exit_date", row))
                birth = v.get("birth_date")
                if birth is not None and birth >= hire:
                    # Birth date is identity data: name the cell, not the dates.
                    self.err("birth_after_hire",
                             f"Travailleur {wid} : la date de naissance n'est pas antérieure à la date d'entrée "
                             "(valeur non reproduite, donnée personnelle).",
                             f"Worker {wid}: the birth date is not before the hire date (value not shown, "
                             "personal data).", sheet=sheet, cell=self._ref(sheet, "birth_date", row))
                cdi = v.get("open_ended_since")
                if cdi is not None and cdi < hire:
                    self.err("cdi_before_hire",
                             f"Travailleur {wid} : la date de passage en CDI ({_d(cdi)}) est antérieure à la date "
                             f"d'entrée ({_d(hire)}).",
                             f"Worker {wid}: the open-ended contract date ({cdi}) is before the hire date ({hire}).",
                             sheet=sheet, cell=self._ref(sheet, "open_ended_since", row))
                elif cdi is not None and exit_ is not None and cdi > exit_:
                    # Read as never open-ended while it ran (``rules.employment.cdi_date``): a warning, as the
                    # workbook reads; the CDI rule judges the contract a fixed-term one.
                    self.warn("cdi_after_exit",
                              f"Travailleur {wid} : la date de passage en CDI ({_d(cdi)}) est postérieure à la date "
                              f"de sortie ({_d(exit_)}) : le contrat est lu comme jamais passé en CDI ; corrigez "
                              "l'une des deux dates si ce n'est pas le cas.",
                              f"Worker {wid}: the open-ended contract date ({cdi}) is after the exit date ({exit_}): "
                              "the contract is read as never open-ended; correct either date if that is wrong.",
                              sheet=sheet, cell=self._ref(sheet, "open_ended_since", row))
                first_ei = v.get("first_ei_hire_date")
                if first_ei is not None and birth is not None and birth >= first_ei:
                    # The status is assessed on that day (D6): a typo there decides it. Identity data: the
                    # cell, not the dates.
                    self.err("birth_after_first_ei_hire",
                             f"Travailleur {wid} : la date de naissance n'est pas antérieure à la date de premier "
                             "engagement en EI (valeur non reproduite, donnée personnelle).",
                             f"Worker {wid}: the birth date is not before the first EI hire date (value not shown, "
                             "personal data).", sheet=sheet, cell=self._ref(sheet, "first_ei_hire_date", row))
                assessed = _assessment_day(row)
                if birth is not None and birth < assessed[1]:
                    self._check_age(sheet, row, birth, assessed)
                if first_ei is not None and first_ei > hire:
                    self.err("first_ei_hire_after_hire",
                             f"Travailleur {wid} : la date de premier engagement en EI ({_d(first_ei)}) est "
                             f"postérieure à la date d'entrée ({_d(hire)}) ; ne la remplissez que si le premier "
                             "engagement dans une EI agréée est antérieur.",
                             f"Worker {wid}: the first EI hire date ({first_ei}) is after the hire date ({hire}); "
                             "fill it only when the first hire in an agreed EI is earlier.",
                             sheet=sheet, cell=self._ref(sheet, "first_ei_hire_date", row))
            self._check_negative(sheet, row, ("months_without_work",))
        # One person's ids, as ``Enterprise.employments`` ties them (``_persons``): an art. 60 §7 stint is the
        # CPAS's contract, not a hire by the EI (rules.md Q11) — the EI hire that follows it is assessed and
        # subsidised as any first hire, so the warning's « assessed once », « to justify » are not said of it.
        for first, *later in _persons(rows):
            for row in later:
                self._same_person(sheet, first, row)
            self._person_over_full_time(sheet, [first, *later])
        if not rows and sheet in self.letters:
            self.warn("no_workers", "La feuille ne contient aucun travailleur.",
                      "The sheet holds no worker.", sheet=sheet)

    def _check_age(self, sheet: str, row: _Row, birth: date, assessed: tuple[str, date, Text]) -> None:
        """A warning when the age on the day the status is assessed (``assessed``, ``_assessment_day``: D6,
        ``date_premier_engagement_ei``, else ``date_entree``) is under the minimum working age or over the
        highest plausible one (``plausibility.toml``): a birth year or a first EI hire typed wrong, which decides
        the age criteria in silence. Named by the worker id and the cells, never by the dates nor the age
        (personal data)."""
        field, day, named = assessed
        lowest, highest = _age_bounds()
        least, most = lowest.at(day), highest.at(day)
        age, low = completed_years(birth, day), least.number
        if low <= age:
            months = row.values.get("months_without_work")
            # (age − least) whole years since that birthday: surely as many months, no calendar needed.
            if months is not None and months > (age - low) * 12:
                self._check_months_without_work(sheet, row, birth, assessed, least)
            if age <= most.number:
                return
        on = Text(f"à {named.fr}", f"on {named.en}")
        who = _who_of(row)
        birth_ref, day_ref = self._ref(sheet, "birth_date", row), self._ref(sheet, field, row)
        column = _field_column(self.contracts[sheet], field).name
        if age < least.number:
            code, bound = "age_below_working_age", Text(
                f"moins de {decimal_text(least.number)} ans {on.fr}, sous l'âge minimum pour travailler "
                f"({least.cite()})",
                f"under {decimal_text(least.number, 'en')} {on.en}, below the minimum working age ({least.cite('en')})")
        else:
            code, bound = "age_implausible", Text(
                f"plus de {decimal_text(most.number)} ans {on.fr}, un âge qui n'est pas plausible pour un "
                "travailleur d'EI (borne du projet ei)",
                f"over {decimal_text(most.number, 'en')} {on.en}, an age that is not plausible for an EI worker "
                "(ei's bound)")
        self.warn(code,
                  f"{who.fr} : {bound.fr} ; valeurs non reproduites, donnée personnelle. Le statut de public "
                  f"cible est évalué ce jour-là, à cet âge : vérifiez date_naissance ({birth_ref}) et {column} "
                  f"({day_ref}).",
                  f"{who.en}: {bound.en}; values not shown, personal data. The target-public status is assessed "
                  f"on that day, at that age: check date_naissance ({birth_ref}) and {column} ({day_ref}).",
                  sheet=sheet, cell=birth_ref)

    def _check_months_without_work(self, sheet: str, row: _Row, birth: date, assessed: tuple[str, date, Text],
                                   least) -> None:
        """A warning when ``mois_sans_emploi`` holds more months than there are from the minimum working age
        (``least``, its birthday) to the assessment day (``assessed``, ``_assessment_day``): days typed in a
        months column (180 for 6 months) reach the 24 months of TGD in silence. Named by the cells, never by
        the values (social situation). The thresholds are the regime's, and differ between the regions: the warning
        names none — the reader does not know the regime yet."""
        field, day, named = assessed
        if row.values["months_without_work"] <= completed_months(anniversary(birth, 12 * int(least.number)), day):
            return
        ref, birth_ref = self._ref(sheet, "months_without_work", row), self._ref(sheet, "birth_date", row)
        age = decimal_text(least.number)
        who = _who_of(row)
        if field == "first_ei_hire_date":
            # A re-hire (D6): the months run to the first EI hire, a cell the user may have typed wrong too.
            column = _field_column(self.contracts[sheet], field).name
            counted = Text(", comptés jusqu'au premier engagement en EI", ", counted up to the first EI hire")
            check = Text(f"vérifiez-la, date_naissance ({birth_ref}) et {column} ({self._ref(sheet, field, row)})",
                         f"check it, date_naissance ({birth_ref}) and {column} ({self._ref(sheet, field, row)})")
        else:
            counted = Text("", "")
            check = Text(f"vérifiez-la, et date_naissance ({birth_ref})",
                         f"check it, and date_naissance ({birth_ref})")
        self.warn("months_without_work_too_long",
                  f"{who.fr} : mois_sans_emploi ({ref}) compte plus de mois qu'il n'y en a entre ses {age} ans (âge "
                  f"minimum pour travailler, {least.cite()}) et {named.fr} ; valeur non reproduite, donnée "
                  "personnelle. Des jours saisis au lieu de mois ? Les seuils du public cible, en mois, se lisent dans "
                  f"cette colonne{counted.fr} : {check.fr}.",
                  f"{who.en}: mois_sans_emploi ({ref}) holds more months than there are from the age of {age} (the "
                  f"minimum working age, {least.cite('en')}) to {named.en}; value not shown, personal data. Days typed "
                  f"instead of months? The target public's thresholds, in months, are read from this column{counted.en}: "
                  f"{check.en}.", sheet=sheet, cell=ref)

    def _check_niss_birth_date(self, sheet: str, row: _Row) -> None:
        """A warning when the birth date the national number holds (wholly known, not a BIS number:
        ``cells.niss_birth_date``) is not ``date_naissance``: the age criteria read ``date_naissance``, and a
        slip there (1992 for 2002) decides the status in silence. A warning: either may be the wrong one.
        Named by the worker id and the cells, never by the values (personal data)."""
        v = row.values
        born = niss_birth_date(v["national_number"])
        if born is None or born == v["birth_date"]:
            return
        birth_ref, niss_ref = self._ref(sheet, "birth_date", row), self._ref(sheet, "national_number", row)
        who = _who_of(row)
        self.warn("birth_date_not_niss",
                  f"{who.fr} : la date de naissance ({birth_ref}) n'est pas celle que contient le numéro national "
                  f"({niss_ref}) ; valeurs non reproduites, donnée personnelle. L'âge du public cible se calcule "
                  "sur date_naissance : vérifiez les deux cellules.",
                  f"{who.en}: the birth date ({birth_ref}) is not the one the national number holds ({niss_ref}); "
                  "values not shown, personal data. The target-public age is counted from date_naissance: check "
                  "both cells.", sheet=sheet, cell=birth_ref)

    def _same_person(self, sheet: str, first: _Row, row: _Row) -> None:
        """Two Personnel rows with one national number: one person under two ids (a re-hire, ids being
        unique), whose status is not re-tested (``rules.eligibility``) and whose per-worker subsidy may not
        start again after a gap, and continues without one (``rules.subsidy``) — or a typing error.
        Named by worker ids and cells, never by the number (personal data)."""
        first_ref, ref = self._ref(sheet, "national_number", first), self._ref(sheet, "national_number", row)
        named = _who_of(row, article=True)
        who_fr, who_en = named.fr[:1].upper() + named.fr[1:], _who_of(row).en
        was_fr = f"travailleur {first.worker_id}, " if first.worker_id is not None else ""
        was_en = f"worker {first.worker_id}, " if first.worker_id is not None else ""
        self.warn("duplicate_niss",
                  f"{who_fr} a le même numéro national que la cellule {first_ref} ({was_fr}ligne {first.number}) ; "
                  "valeur non reproduite, donnée personnelle. Une même personne sous deux identifiants "
                  "(réengagement ?) : son statut de public cible est évalué une seule fois, à son premier "
                  "engagement (ei check-eligibility), et les subventions par travailleur de son nouvel engagement "
                  "continuent l'emploi précédent s'il le suit sans interruption, et sont à justifier après une "
                  "interruption (ei subsidy) ; sinon, corrigez le numéro.",
                  f"{who_en} has the same national number as cell {first_ref} ({was_en}row {first.number}); value "
                  "not shown, personal data. One person under two ids (a re-hire?): their target-public status is "
                  "assessed once, at their first hire (ei check-eligibility), and the per-worker subsidies of the "
                  "new hire continue the previous employment when it follows without a gap, and need justifying after "
                  "a gap (ei subsidy); otherwise, correct the number.", sheet=sheet, cell=ref)

    def _person_over_full_time(self, sheet: str, rows: list[_Row]) -> None:
        """One person's contracts (``rows``, first hire first) in force on a same day adding up to more than one
        full-time: no one works more than full time for one employer, so an etp is likely mistyped. A warning
        (the figures are read as typed: the subsidies, the quota and the enterprise size count the person at
        most full time a day, ``common.fte_days_beside``), at the `etp` cell of
        the contract whose start takes the person over — the sum is highest on some contract's first day."""
        held = [(r, r.values.get("hire_date"), r.values.get("exit_date") or date.max, r.values.get("fte"))
                for r in rows]
        held = [(r, hire, exit_, fte) for r, hire, exit_, fte in held if hire is not None and fte is not None]
        for row, day, _, _ in held:
            on = [(r, fte) for r, hire, exit_, fte in held if hire <= day <= exit_]
            total = sum((fte for _, fte in on), Decimal(0))
            if total > 1:
                others = [r for r, _ in on if r is not row]
                # The others by id (« le travailleur 1 »), a row without one by its row (« la ligne 5 »).
                named = [_who_of(r, article=True) for r in others]
                said = Text(enumeration(n.fr for n in named).fr, enumeration(n.en for n in named).en)
                sums = {lang: " + ".join(decimal_text(fte, lang) for _, fte in on) for lang in ("fr", "en")}
                who = _who_of(row)
                self.warn("person_over_full_time",
                          f"{who.fr}, même personne que {said.fr} (même numéro national) : le {_d(day)}, ses contrats "
                          f"en cours ensemble font {sums['fr']} = {decimal_text(total)} etp, plus d'un temps plein ; "
                          "vérifiez les etp. Lus tels quels : les subventions, le quota et la taille de l'entreprise "
                          "comptent la personne au plus à temps plein chaque jour.",
                          f"{who.en}, the same person as {said.en} (same national number): on {day}, their contracts "
                          f"in force together make {sums['en']} = {decimal_text(total, 'en')} fte, more than one "
                          "full-time; check the etp. Read as typed: the subsidies, the quota and the enterprise size "
                          "count the person at most full time a day.",
                          sheet=sheet, cell=self._ref(sheet, "fte", row))
                return

    def _check_pay(self, sheet: str | None, rows: list[_Row], staff: list[_Row]) -> None:
        if sheet is None or sheet not in self.letters:
            return
        first_row: dict[tuple, int] = {}
        zero_cost: dict[str | None, list[_Row]] = {}
        # Art. 60 §7 workers are employed by the CPAS (rules.md Q11): a placement at no cost to the EI is
        # plausible, and no subsidy nor check reads their wage cost (``rules.subsidy`` counts the contract
        # workers only, the SIEG ceiling included; the wage tension reads the gross pay, and skips them).
        cpas = {r.worker_id for r in staff if r.values.get("contract_type") == ContractType.ART60}
        for row in rows:
            v = row.values
            if (v.get("wage_cost") == _ZERO and (v.get("gross_pay") or _ZERO) > _ZERO
                    and row.worker_id not in cpas):
                # No employer pays a gross wage at no cost: a cost not typed in. Read as typed (a figure is not
                # second-guessed: docs/interpretations.md), but said.
                zero_cost.setdefault(row.worker_id, []).append(row)
            fte = v.get("fte")
            if fte is not None and not (_ZERO <= fte <= _ONE):
                who = _who(row.worker_id)
                self.err("fte_out_of_range",
                         f"Colonne « etp »{who.fr} : {shown(fte)} est hors limites ; attendu : le temps réellement payé, "
                         "entre 0 et 1 (temps plein).",
                         f"Column “fte”{who.en}: {shown(fte, 'en')} is out of range; expected: the working time actually paid, "
                         "between 0 and 1 (full time).", sheet=sheet, cell=self._ref(sheet, "fte", row))
            self._check_negative(sheet, row, ("gross_pay", "wage_cost", "hours"))
            month = v.get("month")
            if row.worker_id is not None and month is not None:
                key = (row.worker_id, month.number)
                if key in first_row:
                    self.err("duplicate_pay_month",
                             f"Travailleur {row.worker_id} : le mois {month} a déjà une ligne de paie (ligne "
                             f"{first_row[key]}) ; une seule ligne par travailleur et par mois.",
                             f"Worker {row.worker_id}: month {month} already has a pay row (row {first_row[key]}); "
                             "one row per worker and month.", sheet=sheet, cell=self._ref(sheet, "month", row))
                else:
                    first_row[key] = row.number
        cost_column = self.letters[sheet].get("wage_cost")
        placeholders = self.placeholders.get(sheet, set())
        for found in zero_cost.values():
            # A formula that stored 0 in a workbook to recalculate is said once for the sheet already.
            found = [r for r in found if (r.number - 1, column_index(cost_column)) not in placeholders]
            if found:
                self._zero_wage_cost(sheet, found)

    def _zero_wage_cost(self, sheet: str, found: list[_Row]) -> None:
        """One warning per worker whose ``cout_salarial`` is 0 in months paid a positive gross, at the earliest
        such month's cell, the months listed by month (``_by_month``, ``_some``): the subsidies resting on the
        cost count those months for nothing."""
        found = _by_month(found)
        months = [str(r.values["month"]) if r.values.get("month") else f"ligne {r.number}" for r in found]
        months_en = [str(r.values["month"]) if r.values.get("month") else f"row {r.number}" for r in found]
        listed, who, n = _some(months, months_en), _who_of(found[0]), len(found)
        self.warn("zero_wage_cost",
                  f"{who.fr} : coût salarial (cout_salarial) de 0 pour {listed.fr}, alors qu'un salaire brut y est "
                  "payé ; lu tel quel, un coût nul : les subventions calculées sur le coût salarial (la moitié du "
                  f"coût, le plafond de l'accompagnement social) comptent {french_word(n, 'ce mois', 'ces mois')} "
                  "pour 0 €. Saisissez le coût total employeur du compte individuel.",
                  f"{who.en}: wage cost (cout_salarial) of 0 for {listed.en}, while a gross wage is paid; read as "
                  "typed, a cost of nothing: the subsidies computed on the wage cost (half the cost, the social "
                  f"accompaniment ceiling) count {english_word(n, 'that month', 'those months')} as 0 €. Type the "
                  "employer's total cost from the individual account.",
                  sheet=sheet, cell=self._ref(sheet, "wage_cost", found[0]))

    def _check_follow_ups(self, sheet: str | None, rows: list[_Row]) -> None:
        if sheet is None or sheet not in self.letters:
            return
        for row in rows:
            self._check_negative(sheet, row, ("hours",))

    def _check_known_workers(self, sheet: str | None, rows: list[_Row], known: set[str],
                             names: Callable[[], frozenset[str]] = frozenset) -> set[str]:
        """An error per id of ``sheet`` that Personnel does not list; the ids among them that are a name of
        Personnel (``names()``, ``_personnel_names``: a Paie or Suivi sheet keyed by names, as a social secretariat's
        export is), which the error names by their cells only — personal data (cli.md: no name without
        --names) — and ``_without_names`` takes out of every other message."""
        if sheet is None or sheet not in self.letters:
            return set()
        # One problem per unknown id, at its first row: a mistyped id in Personnel would otherwise give one
        # line per payroll month.
        rows_of: dict[str, list[_Row]] = {}
        for row in rows:
            if row.worker_id is not None and row.worker_id not in known:
                rows_of.setdefault(row.worker_id, []).append(row)
        named: set[str] = set()
        for worker_id, unknown in rows_of.items():
            first = self._ref(sheet, "worker_id", unknown[0])
            more_fr = more_en = ""
            if len(unknown) > 1:
                last = self._ref(sheet, "worker_id", unknown[-1])
                more_fr = f" ({len(unknown)} lignes de {sheet}, de {first} à {last})"
                more_en = f" ({len(unknown)} rows of {sheet}, from {first} to {last})"
            if normalize_name(worker_id) in names():
                named.add(worker_id)
                self.err("unknown_worker",
                         f"La cellule {first} donne un nom de la feuille Personnel (non reproduit : donnée personnelle), "
                         f"pas un id_travailleur{more_fr} : saisissez l'id_travailleur du travailleur, celui de la "
                         "feuille Personnel.",
                         f"Cell {first} gives a name from the Personnel sheet (not shown: personal data), not an "
                         f"id_travailleur{more_en}: enter the worker's id_travailleur, the one of the Personnel sheet.",
                         sheet=sheet, cell=first)
                continue
            self.err("unknown_worker",
                     f"Le travailleur {worker_id} n'existe pas dans la feuille Personnel{more_fr}.",
                     f"Worker {worker_id} does not exist in the Personnel sheet{more_en}.",
                     sheet=sheet, cell=first)
        return named

    def _without_names(self, names: frozenset[str], named_ids: set[str]) -> None:
        """Every message with no name of Personnel in it: a value quoted (« Nadia Piron » pasted in a date column)
        whose ``normalize_name`` key is one of ``names``, and the ids of ``named_ids`` (a Paie sheet keyed by names:
        its duplicated months, its other checks), are replaced by « un nom de la feuille Personnel (non
        reproduit) » — personal data (cli.md: no name in any output without --names; habits audit, 2026-12-01).
        A value is quoted as it is found, so a name quoted is an exact cell: keys, not substrings, are compared."""
        said = Text("un nom de la feuille Personnel (non reproduit)", "a name from the Personnel sheet (not shown)")
        # The named ids as words (never inside another word), the longest first.
        bare = re.compile("|".join(rf"(?<!\w){re.escape(x)}(?!\w)" for x in sorted(named_ids, key=len, reverse=True))
                          ) if named_ids else None

        def clean(text: str, lang: str) -> str:
            def unquote(m: re.Match) -> str:
                return said.get(lang) if normalize_name(m.group(1) or m.group(2)) in names else m.group(0)

            text = _QUOTED_VALUE.sub(unquote, text)
            return bare.sub(said.get(lang), text) if bare is not None else text

        for i, p in enumerate(self.problems):
            fr, en = clean(p.message.fr, "fr"), clean(p.message.en, "en")
            if (fr, en) != (p.message.fr, p.message.en):
                self.problems[i] = replace(p, message=Text(fr, en))

    def _outside_employment(self, sheet: str | None, rows: list[_Row], staff: list[_Row], field: str,
                            counts=None, person: bool = False
                            ) -> dict[str, tuple[list[_Row], list[tuple[str, date, date | None]]]]:
        """Worker id → (the rows of ``sheet`` whose ``field`` lies outside their employment, the employments
        judged against: (worker id, hire date, exit date), first hire first), by date (the sheet's order for
        ties): a month (``field == "month"``) with no day between the hire and exit dates, or a date before the
        hire or after the exit; with ``counts(row)``, only the rows it keeps. ``person``: the employment is the
        person's, any of their contracts here, art. 60 §7 stints included (the ids ``model.person_key`` ties with
        ``stints``, as ``Enterprise.held_on`` reads them); else the id's own."""
        if sheet is None or sheet not in self.letters or field not in self.letters[sheet]:
            return {}
        spans = {}
        for r in staff:
            hire = r.values.get("hire_date")
            if r.worker_id is not None and hire is not None:
                exit_ = r.values.get("exit_date")
                spans[r.worker_id] = (*month_span(hire, exit_), hire, exit_)
        # Worker id → the spans of the person's contracts (the id's own alone, but for ``person``), first hire first.
        of = {wid: ((wid, span),) for wid, span in spans.items()}
        for same in _persons(staff, stints=True) if person else ():
            ids = [r for r in same if r.worker_id in spans]
            if len(ids) > 1:
                person_spans = tuple((r.worker_id, spans[r.worker_id]) for r in ids)
                of.update((r.worker_id, person_spans) for r in ids)
        outside: dict[str, tuple[list[_Row], list[tuple[str, date, date | None]]]] = {}
        by_month = field == "month"
        for row in rows:
            person_spans = of.get(row.worker_id)
            value = row.values.get(field)
            if person_spans is None or value is None:
                continue
            if by_month:
                if any(span[0] <= value.number <= span[1] for _, span in person_spans):
                    continue
            elif any(span[2] <= value and (span[3] is None or value <= span[3]) for _, span in person_spans):
                continue
            if counts is None or counts(row):
                employments = [(wid, span[2], span[3]) for wid, span in person_spans]
                outside.setdefault(row.worker_id, ([], employments))[0].append(row)
        # Each worker's rows by date, the sheet's order for ties: the first dates past the exit (or before the hire)
        # are the ones that tell what went wrong, and a list cut at 5 (« et N autres ») must not hide them.
        for found, _ in outside.values():
            found.sort(key=lambda r: r.values[field])   # a Month or a date, never None here; stable: ties in sheet order
        return outside

    def _check_pay_within_employment(self, sheet: str | None, rows: list[_Row], staff: list[_Row]) -> None:
        """A warning per worker paid (etp or gross pay above 0) for a month with no day between their
        hire and exit dates: those rows are not counted (``rules.common.fte_rows``, the wage tension)."""
        def paid(row):
            v = row.values
            return (v.get("fte") or _ZERO) > 0 or (v.get("gross_pay") or _ZERO) > 0

        outside = self._outside_employment(sheet, rows, staff, "month", paid)   # per id: a Paie row is one contract's
        for worker_id, (found, ((_, hire, exit_),)) in outside.items():
            months = [str(r.values["month"]) for r in found]
            listed = _some(months)
            employed = _employment(hire, exit_)
            self.warn("pay_outside_employment",
                      f"Travailleur {worker_id} : paie pour {listed.fr}, hors de sa période d'occupation "
                      f"({employed.fr}) ; ces lignes ne sont pas comptées (ETP, tension salariale). "
                      "Vérifiez les dates de Personnel ou la paie.",
                      f"Worker {worker_id}: pay for {listed.en}, outside their employment ({employed.en}); "
                      "those rows are not counted (FTE, wage tension). Check the Personnel dates or the payroll.",
                      sheet=sheet, cell=self._ref(sheet, "month", found[0]))

    def _check_pay_ahead(self, sheet: str | None, rows: list[_Row]) -> None:
        """A warning per worker with Paie rows of months that start after today (``periods.today``): a payroll
        entered ahead, or a month mistyped. The current month is not ahead (its payroll may be done before its
        end). No amount counts those months before they begin, nor the size; the quota measures them as entered
        (``rules.common.paid_to``, docs/interpretations.md « A payroll entered ahead of today »)."""
        if sheet is None or sheet not in self.letters or "month" not in self.letters[sheet]:
            return
        today = periods.today()
        current = Month.of(today)
        ahead: dict[str, list[_Row]] = {}
        for row in rows:
            month = row.values.get("month")
            if row.worker_id is not None and month is not None and month > current:
                ahead.setdefault(row.worker_id, []).append(row)
        for worker_id, found in ahead.items():
            found = _by_month(found)
            months = _some([str(r.values["month"]) for r in found])
            cells = _some([self._ref(sheet, "month", r) for r in found])
            one = len(found) == 1
            they = (Text("ce mois ne compte", "that month counts") if one
                    else Text("ces mois ne comptent", "those months count"))
            begin = Text("le mesure tel que saisi", "it begins, the quota measures it") if one else Text(
                "les mesure tels que saisis", "they begin, the quota measures them")
            those = Text("cette ligne", "that row") if one else Text("ces lignes", "those rows")
            self.warn("pay_month_in_future",
                      f"Travailleur {worker_id} : paie saisie pour {months.fr} ({french_word(len(found), 'cellule')} "
                      f"{cells.fr} de {sheet}), après le mois en cours (date du jour : {_d(today)}) ; "
                      f"{they.fr} ni dans les subventions, ni dans l'effectif, ni dans la tension salariale avant "
                      f"d'avoir commencé, le quota {begin.fr}. Vérifiez le mois de {those.fr}.",
                      f"Worker {worker_id}: pay entered for {months.en} ({english_word(len(found), 'cell')} "
                      f"{cells.en} of {sheet}), after the current month (today: {today.isoformat()}); {they.en} "
                      f"neither in the subsidies, nor in the staff size, nor in the wage tension before {begin.en} "
                      f"as entered. Check the month of {those.en}.",
                      sheet=sheet, cell=self._ref(sheet, "month", found[0]))

    def _check_pay_fte_within_days(self, sheet: str | None, rows: list[_Row], staff: list[_Row]) -> None:
        """A warning per Paie row whose etp is more than the days employed that month allow (``fte_allowed``:
        the larger of the calendar-day and working-day shares, each rounded up to the hundredth a payroll may
        round an etp to — a payroll counts an etp on either): the etp is spread over the days employed, at most 1
        a day (D2, ``rules.common.spread_fte``), and the rest is not counted — an exit typed on the 1st of a month
        paid whole counted 1/30 of it in silence."""
        if sheet is None or sheet not in self.letters or "fte" not in self.letters[sheet]:
            return
        # Worker id → (hire, exit, the month numbers employed only part of): the hire's unless on the 1st, the
        # exit's unless on the month's last day. Only their rows are looked at (~600 rows a workbook).
        partial: dict[str, tuple[date, date, tuple[int, ...], Decimal | None]] = {}
        for r in staff:
            hire = r.values.get("hire_date")
            if r.worker_id is None or hire is None:
                continue
            exit_ = r.values.get("exit_date")
            months = ((Month.of(hire).number,) if hire.day != 1 else ()) + (
                (Month.of(exit_).number,) if exit_ and exit_ != Month.of(exit_).last_day else ())
            if months:
                partial[r.worker_id] = (hire, exit_ or date.max, months, r.values.get("fte"))
        for row in rows:
            found = partial.get(row.worker_id)
            if found is None:
                continue
            month = row.values.get("month")
            if month is None or month.number not in found[2]:
                continue
            fte = row.values.get("fte")
            if not fte or fte > _ONE:
                continue   # an etp over 1 is an error of _check_pay
            hire, exit_ = found[0], found[1]
            first, last = max(hire, month.first_day), min(exit_, month.last_day)
            if first > last:
                continue   # no day employed: pay_outside_employment says it (a month in ``partial`` is never whole)
            allowed, employed, of, working = fte_allowed(month, first, last)
            if fte <= allowed:
                contract = found[3]
                if contract is not None and fte == contract and fte > hundredth_up(contract * allowed):
                    self._contract_fte_in_part_month(sheet, row, month, contract, allowed, employed, of, working,
                                                     hire, exit_)
                continue
            if working:
                cited = plausibility()["pay.public_holidays.fixed"].at(month.first_day)
                days = plural(employed, "jour de travail", "working day", "jours de travail")
                counted = Text(f"{days.fr} sur {of}, du lundi au vendredi hors jours fériés légaux, {cited.cite()}",
                               f"{days.en} of {of}, Monday to Friday, legal public holidays excepted, "
                               f"{cited.cite('en')}")
            else:
                days = plural(employed, "jour civil", "calendar day", "jours civils")
                counted = Text(f"{days.fr} sur {of}", f"{days.en} of {of}")
            employed_text = _employment(hire, None if exit_ == date.max else exit_)
            self.warn("pay_fte_beyond_days_employed",
                      f"Travailleur {row.worker_id} : etp {shown(fte)} pour {month}, plus que les jours occupés ce "
                      f"mois-là ne le permettent (au plus {decimal_text(allowed)}, soit {counted.fr} ; "
                      f"{employed_text.fr}) ; au plus 1 ETP par jour occupé, l'excédent n'est pas compté (quota, "
                      "subventions). Vérifiez les dates de Personnel ou l'etp de la paie.",
                      f"Worker {row.worker_id}: etp {shown(fte, 'en')} for {month}, more than the days employed that "
                      f"month allow (at most {decimal_text(allowed, 'en')}, that is {counted.en}; "
                      f"{employed_text.en}); at most 1 FTE a day employed, the rest is not counted (quota, "
                      "subsidies). Check the Personnel dates or the payroll etp.",
                      sheet=sheet, cell=self._ref(sheet, "fte", row))

    def _contract_fte_in_part_month(self, sheet: str, row: _Row, month: Month, contract: Decimal, allowed: Decimal,
                                    employed: int, of: int, working: bool, hire: date, exit_: date) -> None:
        """A warning for a Paie row of a month employed only in part whose etp is the contract's (Personnel.etp)
        and more than that contract's etp over the days employed allows (``contract`` × ``allowed``, rounded up to
        the hundredth): a payroll export giving the contractual working time, not the month's average, which ei
        reads (workbook.md: « working time actually paid that month ») and spreads over the days employed — a
        half-timer hired on the 15th then counts 0,91 etp a day in silence (subsidies, quota; subsidy audit,
        2026-12-01). Only the exact contract figure is warned of: another etp may be complementary hours."""
        most = hundredth_up(contract * allowed)
        days = plural(employed, "jour de travail", "working day", "jours de travail") if working else \
            plural(employed, "jour civil", "calendar day", "jours civils")
        employed_text = _employment(hire, None if exit_ == date.max else exit_)
        fte, share = shown(contract), decimal_text(allowed)
        self.warn("pay_fte_contract_in_part_month",
                  f"Travailleur {row.worker_id} : etp {fte} pour {month}, l'etp de son contrat (feuille Personnel), "
                  f"pour {days.fr} occupés sur {of} ({employed_text.fr}) ; ei lit l'etp de la Paie comme la moyenne "
                  f"du mois, répartie sur les jours occupés, qui compteraient alors plus que le contrat (quota, "
                  f"subventions). Si la paie reprend l'etp du contrat, saisissez la moyenne du mois : au plus "
                  f"{fte} × {share} = {decimal_text(most)}.",
                  f"Worker {row.worker_id}: etp {shown(contract, 'en')} for {month}, their contract's etp (Personnel "
                  f"sheet), for {days.en} employed of {of} ({employed_text.en}); ei reads the Paie etp as the month's "
                  f"average, spread over the days employed, which would then count more than the contract (quota, "
                  f"subsidies). If the payroll gives the contract's etp, enter the month's average: at most "
                  f"{shown(contract, 'en')} × {decimal_text(allowed, 'en')} = {decimal_text(most, 'en')}.",
                  sheet=sheet, cell=self._ref(sheet, "fte", row))

    def _check_follow_ups_within_employment(self, sheet: str | None, rows: list[_Row], staff: list[_Row]) -> None:
        """A warning per worker with a follow-up action dated on no day the person is employed here — before
        their hire or after their exit, under any of their ids (``person``): the follow-up check and the
        annual report do not count it (``Enterprise.held_on``), and without a word the user only saw a late or
        missing interview. An action recorded under a re-hire's new id but held during the person's earlier
        contract (or their art. 60 §7 stint here) counts, and is not warned of."""
        outside = self._outside_employment(sheet, rows, staff, "date", person=True)
        for worker_id, (found, employments) in outside.items():
            dates = [r.values["date"] for r in found]
            listed = _some([_d(d) for d in dates], [str(d) for d in dates])
            shown_fr, shown_en = listed.fr, listed.en
            if len(employments) == 1:
                (_, hire, exit_), = employments
                own = _employment(hire, exit_)
                employed = Text(f"de sa période d'occupation ({own.fr})", f"their employment ({own.en})")
            else:
                each = [(wid, _employment(hire, exit_)) for wid, hire, exit_ in employments]
                employed = Text("des périodes d'occupation de la personne ("
                                + " ; ".join(f"travailleur {wid} : {e.fr}" for wid, e in each) + ")",
                                "the person's employment ("
                                + "; ".join(f"worker {wid}: {e.en}" for wid, e in each) + ")")
            if len(dates) == 1:
                what_fr, what_en = f"l'action de suivi du {shown_fr} est", f"the follow-up action of {shown_en} is"
                counted_fr, counted_en = "elle n'est pas comptée", "it is not counted"
            else:
                what_fr = f"les actions de suivi aux dates {shown_fr} sont"
                what_en = f"the follow-up actions dated {shown_en} are"
                counted_fr, counted_en = "elles ne sont pas comptées", "they are not counted"
            self.warn("follow_up_outside_employment",
                      f"Travailleur {worker_id} : {what_fr} hors {employed.fr} ; "
                      f"{counted_fr} (suivi social, rapport annuel). Vérifiez les dates de Personnel ou du Suivi.",
                      f"Worker {worker_id}: {what_en} outside {employed.en}; {counted_en} "
                      "(social follow-up, annual report). Check the Personnel dates or the Suivi sheet.",
                      sheet=sheet, cell=self._ref(sheet, "date", found[0]))

    def _check_negative(self, sheet: str, row: _Row, fields) -> None:
        for field in fields:
            value = row.values.get(field)
            if value is None or value >= _ZERO:
                continue
            column = _field_column(self.contracts[sheet], field)
            who = _who(row.worker_id)
            shown_fr = "la valeur" if column.sensitive else shown(value)
            self.err("negative_value",
                     f"Colonne « {column.name} »{who.fr} : {shown_fr} est négati{'ve' if column.sensitive else 'f'} ; "
                     "attendu : zéro ou plus.",
                     f"Column “{column.english}”{who.en}: {'the value' if column.sensitive else shown(value, 'en')} is negative; "
                     "expected: zero or more.", sheet=sheet, cell=self._ref(sheet, field, row))


# ----------------------------------------------------------------------------------- helpers
_ZERO, _ONE = Decimal(0), Decimal(1)


def _age_bounds() -> tuple:
    """The minimum working age and the highest plausible age (``plausibility.toml``)."""
    bounds = plausibility()
    return bounds["staff.min_working_age"], bounds["staff.max_plausible_age"]


_TITLE_ROWS = 5  # rows a title (and blank rows) may take above the headers


def _by_month(rows: list[_Row]) -> list[_Row]:
    """Paie ``rows`` by their month, the sheet's order for ties (a row without a month last), as every list of
    rows a warning names is by date, and stands on the earliest's cell: a list cut at 5 (« et N autres »,
    ``_some``) must not hide the first months, which tell what went wrong."""
    def month(row: _Row) -> float:
        m = row.values.get("month")
        return m.number if m is not None else float("inf")

    return sorted(rows, key=month)


def _field_column(contract: Sheet, field: str) -> Column:
    return next(c for c in contract.columns if c.field == field)


def _label(col: Column) -> Text:
    return Text(f"Colonne « {col.name} »", f"Column “{col.english}”")



def _persons(staff: list[_Row], stints: bool = False) -> list[list[_Row]]:
    """The Personnel rows of each person with several (the ids ``model.person_key`` ties, as
    ``Enterprise.employments`` does; with ``stints``, their art. 60 §7 stints too, as
    ``Enterprise.followed_contracts``), first hire first: the earliest date_entree, the earlier row the same day —
    not the first row met (a re-hire typed above the first contract is still the later hire). The one grouping
    of the reader's person checks (``duplicate_niss``; ``follow_up_outside_employment``, with ``stints``)."""
    same: dict[str, list[_Row]] = {}
    for r in staff:
        key = person_key(r.values.get("national_number"), r.values.get("contract_type"), stints)
        if key is not None:
            same.setdefault(key, []).append(r)
    return [sorted(rows, key=lambda r: (r.values.get("hire_date") or date.max, r.number))
            for rows in same.values() if len(rows) > 1]

def _who(worker_id: str | None) -> Text:
    if worker_id is None:
        return Text("", "")
    return Text(f" (travailleur {worker_id})", f" (worker {worker_id})")


def _who_of(row: _Row, article: bool = False) -> Text:
    """« Travailleur W10 », or « Ligne 5 » for a row without an id: the subject of a row's message; with
    ``article``, inside a sentence (« le travailleur W10 », « la ligne 5 » / « worker W10 », « row 5 »)."""
    if article:
        if row.worker_id is None:
            return Text(f"la ligne {row.number}", f"row {row.number}")
        return Text(f"le travailleur {row.worker_id}", f"worker {row.worker_id}")
    if row.worker_id is None:
        return Text(f"Ligne {row.number}", f"Row {row.number}")
    return Text(f"Travailleur {row.worker_id}", f"Worker {row.worker_id}")


_FIRST_EI_HIRE_DAY = Text("la date de premier engagement en EI", "the first EI hire date")
_HIRE_DAY = Text("la date d'entrée", "the hire date")


def _assessment_day(row: _Row) -> tuple[str, date, Text]:
    """The day a Personnel row's status is assessed (D6: the first EI hire, else the hire here; the row has a
    hire date): its field, the day, and the day as a message names it (« la date d'entrée »). Derived once a
    row by ``_check_staff``, for the checks that read it."""
    first_ei = row.values.get("first_ei_hire_date")
    if first_ei is not None:
        return "first_ei_hire_date", first_ei, _FIRST_EI_HIRE_DAY
    return "hire_date", row.values["hire_date"], _HIRE_DAY


def _d(d: date) -> str:
    return d.strftime("%d/%m/%Y")


_LISTED = 5  # dates a message lists at most


def _employment(hire: date, exit_: date | None) -> Text:
    """« entrée le …, sortie le … »: a worker's employment, as a message names it."""
    return Text(f"entrée le {_d(hire)}" + (f", sortie le {_d(exit_)}" if exit_ else ""),
                f"hired {hire}" + (f", exit {exit_}" if exit_ else ""))


def _sheets_present(like: int, total: int, missing: str) -> Text:
    """« 6 », or « 6 (aucune ne ressemble à « Personnel ») »: the sheets present, counted, never listed nor
    quoted — an HR file with one tab per worker would name the workers. The look-alikes (``like``) are
    counted in the message's hint, by the accepted name they contain."""
    if not total:
        return Text("aucune", "none")
    if not like:
        return Text(f"{total} (aucune ne ressemble à « {missing} »)", f"{total} (none looks like “{missing}”)")
    return Text(str(total), str(total))


def _names_held(titles: list[str], accepted: tuple[str, ...]) -> Text:
    """« « Paie » » (« « Paie » ou « Payroll » »): the accepted names of a sheet that ``titles`` hold (after
    ``normalize_name``), quoted — what makes them look like it, never the titles themselves."""
    held = [a for a in accepted if any(normalize_name(a) in normalize_name(n) for n in titles)]
    return Text(" ou ".join(f"« {a} »" for a in held), " or ".join(f"“{a}”" for a in held))


def _some(fr: list[str], en: list[str] | None = None) -> Text:
    """The first ``_LISTED`` items, then « et 3 autres » (« et 1 autre »): a warning names a few, not hundreds of
    months.
    ``en``: the same items written in English, when they differ."""
    en = fr if en is None else en
    more = len(fr) - _LISTED
    if more <= 0:
        return Text(", ".join(fr), ", ".join(en))
    rest = others(more)
    return Text(f"{', '.join(fr[:_LISTED])} et {rest.fr}", f"{', '.join(en[:_LISTED])} and {rest.en}")


def _blank(v) -> bool:
    return v is None or (v.__class__ is str and not v.strip())


def _is_text(v) -> bool:
    return v.__class__ is str


def _clean(v):
    if v.__class__ is str:
        v = v.strip()
        return v or None
    return v


def _totals_like(row: list, last: bool, id_col: int | None) -> Text | None:
    """How ``row`` looks like a totals row, or None: numbers only, with a total label (« Total », « Totaux »…)
    as its first filled cell and no other text — or, the last filled row of the sheet, numbers only and no
    worker id (column ``id_col``; an id may be a number)."""
    label = numbers = False
    for v in row:
        cls = v.__class__
        if cls is float or cls is int:
            numbers = True
        elif cls is str:
            if not v.strip():
                continue
            if label or numbers or normalize_name(v) not in schema.TOTAL_WORDS:
                return None
            label = True
        elif v is not None:
            return None     # a date, a boolean: a data row
    if not numbers:
        return None
    if label:
        return Text("un libellé de total et des nombres seulement", "a total label and numbers only")
    if last and id_col is not None and (id_col >= len(row) or _blank(row[id_col])):
        return Text("la dernière ligne, sans identifiant, des nombres seulement", "the last row, no id, numbers only")
    return None


def _first_nonempty_row(grid: list[list]) -> int | None:
    for r, row in enumerate(grid):
        for v in row:
            if not _blank(v):
                return r
    return None


def _below_title(grid: list[list], first: int, known, least: int = 2) -> tuple[int, bool]:
    """The header row and whether it holds a ``known`` header: ``first`` (the first filled row), unless none of
    its cells is one and one of the next rows has ``least`` of them — a title written above the headers, to be
    read past (``least`` 2 for a table: a data row seldom holds two header names); the caller says so
    (``_Reader._rows_above_headers``). ``(first, False)``: no row of headers was found."""
    def count(r: int) -> int:
        return sum(1 for v in grid[r] if _is_text(v) and known(v))

    if count(first):
        return first, True
    below = next((r for r in range(first + 1, min(len(grid), first + 1 + _TITLE_ROWS)) if count(r) >= least), None)
    return (first, False) if below is None else (below, True)


# A parser's error may quote what it found — a cell's value, possibly a national number or a name:
# from « value: », « attribute: », « got » or a single quote (calamine's quotes around a value, which
# may itself hold an apostrophe) everything is left out; a "…" or `…` piece (the XML token of a syntax
# error) and a run of four digits or more are masked; the rest (what went wrong, where) is kept.
_VALUE_FOLLOWS = re.compile(r"value: |attribute: |\bgot |'")
_QUOTED = re.compile(r"\"[^\"]*\"?|`[^`]*`?")
_LONG_NUMBER = re.compile(r"\d{4,}")


def _reason(exc: Exception) -> str:
    """The first line of a parser's error, cut short, for a message — never a cell's value."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    follows = _VALUE_FOLLOWS.search(text)
    if follows:
        text = text[:follows.end()] + "…"
    text = _LONG_NUMBER.sub("…", _QUOTED.sub("«…»", text))
    return without_controls(text[:120])
