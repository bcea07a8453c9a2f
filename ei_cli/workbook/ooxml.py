"""Formula-error cells and sheet extents of an .xlsx and of an .ods, from the XML.

python-calamine turns an error value (#REF!, #DIV/0!…) into an empty string, which would make a
broken formula look like a merely empty cell ("valeur manquante"). The user needs to know the
formula is broken, so the cells typed ``t="e"`` are listed here, and so are formulas saved without a
computed value and, in a workbook to be recalculated on opening, formulas storing 0 or "" (a writer's
placeholder, maybe never computed). A sheet's XML is only searched when it contains an error or a
formula at all, which keeps the cost to one decompression of the sheets read. In an .ods, the cells LibreOffice marks
``calcext:value-type="error"`` are listed by the same pass that measures the sheets (``ods_scan``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import NamedTuple

from ei_cli.workbook.cells import column_index, parse_ref

# XML allows either quote around an attribute value, and spaces around its ``=`` (calamine reads them
# all): every attribute pattern here accepts ``r="A1"``, ``r='A1'`` and ``r = "A1"``. A quoted value
# may also hold ``>`` (only ``<`` must be escaped), so a tag's attributes are read quote by quote
# (``_ATTRS``, possessive: no backtracking), never as "anything up to the next ``>``".
_ATTRS = rb"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b(" + _ATTRS + rb")>")
_ATTR = re.compile(rb"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REL = re.compile(rb"<(?:\w+:)?Relationship\b(" + _ATTRS + rb")>")
_CELL = re.compile(rb"<(?:\w+:)?c\s(" + _ATTRS + rb")(?<!/)>(.*?)</(?:\w+:)?c>", re.S)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_PLAIN_FORMULA = re.compile(rb"<f[\s>/]")
# A cell's cached value: ``<v>…</v>``, or the self-closed ``<v/>`` (``<v />``) that Excel writes for a
# formula whose result is the empty string (group 1 is then None: the empty value, as ``<v></v>``).
_VALUE = re.compile(rb"<(?:\w+:)?v\s*(?:/>|>([^<]*)</(?:\w+:)?v\s*>)")
_REF_ATTR = re.compile(rb"""\br\s*=\s*["']([A-Za-z]+\d+)["']""")
# A cell's type attribute (``t="e"``: an error value; ``t="str"``: a formula whose result is text, whose
# empty ``<v></v>`` or ``<v/>`` is its computed value, the empty string (=SI(…;"";…), which LibreOffice
# writes ``<v></v>`` and Excel ``<v/>``), not a formula left without a value); none: a number.
_TYPE = re.compile(rb"""\bt\s*=\s*["']([^"']*)["']""")
# workbook.xml's calculation settings: ``fullCalcOnLoad`` asks the spreadsheet to recalculate every
# formula when it opens the file (an xsd:boolean; "on" read as true too).
_CALC_PR = re.compile(rb"<(?:\w+:)?calcPr\b(" + _ATTRS + rb")>")
_TRUE = ("1", "true", "on")


def _after_colons(data: bytes, limit: int = 64) -> set[bytes] | None:
    """The two bytes that follow each ``:`` of ``data`` (fewer at its very end), or None past ``limit`` colons.

    Tells whether a namespace-prefixed tag such as ``x:c `` or ``x:f`` occurs, for what Excel and
    openpyxl write (a handful of colons per sheet: namespace declarations, ``r:id``, ranges such as
    ``A1:F9``). ``b":c " in data`` is a substring search over the whole part (~80 µs for a 140 KB
    sheet, once per pattern); ``bytes.find`` of a single byte runs at memchr speed, so visiting the
    few colons costs a microsecond or two. ``b":" + x in data`` is exactly ``x in _after_colons(data)``
    for a two-byte ``x``, and ``b":f" in data`` exactly some element starting with ``f``. None
    (many colons, e.g. times in text cells): the caller falls back to the substring searches.
    """
    found = set()
    i = data.find(b":")
    while i != -1:
        if limit == 0:
            return None
        limit -= 1
        found.add(data[i + 1:i + 3])
        i = data.find(b":", i + 1)
    return found


def _prefixed(data: bytes, pattern: re.Pattern) -> bool:
    """Whether ``pattern`` (a ``:`` and the first bytes of a tag name) occurs in ``data``: from the few
    bytes after each colon when there are few colons (``_after_colons``), else by searching."""
    after = _after_colons(data)
    if after is None:
        return pattern.search(data) is not None
    return any(pattern.match(b":" + a) for a in after)


_PREFIXED_F = re.compile(rb":f")


def _attrs(blob: bytes) -> dict[str, str]:
    return {k.decode().split(":")[-1]: _unescape((double or single).decode("utf-8", "replace"))
            for k, double, single in _ATTR.findall(blob)}


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def sheet_parts(archive: zipfile.ZipFile, inflated: dict[str, bytes] | None = None) -> dict[str, str]:
    """Sheet title → its XML part inside the archive. ``inflated``: the members already decompressed
    (``Sniffed.inflated`` keeps workbook.xml, read by ``recalculated_on_load`` too)."""
    try:
        workbook = inflated.get("xl/workbook.xml") if inflated else None
        if workbook is None:
            workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for blob in _REL.findall(rels):
        a = _attrs(blob)
        if "Id" in a and "Target" in a:
            target = a["Target"]
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            targets[a["Id"]] = target
    out = {}
    for blob in _SHEET.findall(workbook):
        a = _attrs(blob)
        if "name" in a and a.get("id") in targets:
            out[a["name"]] = targets[a["id"]]
    return out


def recalculated_on_load(archive: zipfile.ZipFile, inflated: dict[str, bytes] | None = None) -> bool:
    """Whether workbook.xml asks the spreadsheet to recalculate every formula on opening
    (``<calcPr fullCalcOnLoad="1"/>``).

    XlsxWriter (and libxlsxwriter, rust_xlsxwriter) set it because the value they store with each
    formula is a placeholder, 0, never computed; openpyxl sets it in every workbook it writes, formulas
    or not. Excel and LibreOffice, which save the values they computed, normally do not. ``inflated``:
    the archive's members already decompressed (``Sniffed.inflated``).
    """
    xml = inflated.get("xl/workbook.xml") if inflated else None
    if xml is None:
        try:
            xml = archive.read("xl/workbook.xml")
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            return False
    calc = _CALC_PR.search(xml)
    return calc is not None and _attrs(calc.group(1)).get("fullCalcOnLoad", "").strip().lower() in _TRUE


def _placeholder(kind: bytes, cached: bytes) -> bool:
    """A formula's stored value (its cell of type ``kind``) that a program may have written in place of one
    it never computed: the number 0 (XlsxWriter's), or empty text."""
    if kind == b"str":
        return not cached.strip()
    if kind != b"n":
        return False
    try:
        return float(cached) == 0
    except ValueError:
        return False


# An error cell whose error value is not written (or not in a form read here).
UNKNOWN_ERROR = "#ERREUR"
_HASH_REFS = (b"35;", b"x23;", b"X23;")  # "#" written as a character reference


def _may_hold_error_values(xml: bytes, limit: int = 256) -> bool:
    """False only if no text in the part starts with ``#``, as every error value does (#REF!, #N/A…).

    Visits the few ``#`` bytes (found at memchr speed) instead of searching '"e"', which cost ~60 µs
    per 100 KB, the quote being the commonest byte of a sheet. A ``#`` counts when it opens an
    element's text (``>#``) or is written ``&#35;``; openpyxl's ``&#233;`` and the like do not. Past
    ``limit`` of them: True (then every cell is checked). An error cell written with blanks before its
    ``#`` is not written by any spreadsheet; calamine shows it empty, and so does the reader.
    """
    i = xml.find(b"#")
    while i != -1:
        if limit == 0 or xml[i - 1:i] == b">" or (xml[i - 1:i] == b"&" and xml.startswith(_HASH_REFS, i + 1)):
            return True
        limit -= 1
        i = xml.find(b"#", i + 1)
    return False


class FormulaCells(NamedTuple):
    """What one pass over an .xlsx's sheets finds of their formulas, per sheet name; 0-based (row, column)."""

    errors: dict[str, dict[tuple[int, int], str | None]]   # → the error shown, None for no value at all
    placeholders: dict[str, list[tuple[int, int]]]         # formula cells storing 0 or "", in sheet order


def error_cells(archive: zipfile.ZipFile, sheet_names, parts: dict[str, str] | None = None,
                inflated: dict[str, bytes] | None = None, placeholders: bool = False) -> FormulaCells:
    """For each asked sheet, its formula-error cells and, when ``placeholders``, its formulas storing 0 or "".

    An error cell maps to the error value shown, or to ``None`` for a formula saved without its computed
    value (a file written by a program and never opened in a spreadsheet): calamine shows it as empty
    too. ``placeholders`` is asked when the workbook is to be recalculated on opening
    (``recalculated_on_load``): a stored 0 or "" may then be a writer's placeholder, not a result.
    ``parts`` (from ``sheet_parts``) and ``inflated`` (part → its bytes, already decompressed) spare work
    done before.
    """
    if parts is None:
        parts = sheet_parts(archive)
    out: dict[str, dict[tuple[int, int], str | None]] = {}
    suspects: dict[str, list[tuple[int, int]]] = {}
    for name in sheet_names:
        part = parts.get(name)
        if part is None:
            continue
        xml = inflated.get(part) if inflated else None
        if xml is None:
            try:
                xml = archive.read(part)
            except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
                continue  # calamine reports a damaged part on its own
        has_errors = _may_hold_error_values(xml)  # each cell's type is then checked (t="e")
        # _FORMULA is "<f" or "<prefix:f": without a ":f" anywhere, the plain "<f" pattern says the same
        # in one fast search (the full pattern tries every "<" in the part).
        has_formulas = (_FORMULA if _prefixed(xml, _PREFIXED_F) else _PLAIN_FORMULA).search(xml) is not None
        if not (has_errors or has_formulas):
            continue
        found: dict[tuple[int, int], str | None] = {}
        stored: list[tuple[int, int]] = []
        for attrs, body in _CELL.findall(xml):
            typed = _TYPE.search(attrs)
            kind = typed.group(1) if typed else b"n"
            is_error = kind == b"e"
            if not is_error and (not has_formulas or not _FORMULA.search(body)):
                continue
            ref = _REF_ATTR.search(attrs)
            if not ref:
                continue
            value = _VALUE.search(body)
            cached = (value.group(1) or b"") if value else None   # None: no value written at all
            if is_error:
                found[parse_ref(ref.group(1).decode())] = cached.decode() if cached else UNKNOWN_ERROR
            elif cached is None or (not cached.strip() and kind != b"str"):
                found[parse_ref(ref.group(1).decode())] = None
            elif placeholders and _placeholder(kind, cached):
                stored.append(parse_ref(ref.group(1).decode()))
        if found:
            out[name] = found
        if stored:
            suspects[name] = stored
    return FormulaCells(out, suspects)


# ----------------------------------------------------------------------------------- extent
# A sheet's used range as calamine would build it: calamine turns the sparse cells into a dense
# grid of (last row × last column) values, so one stray cell at XFD1048576 asks for 17 billion
# cells and the process is killed by the allocator (an abort, not an exception). The extent is
# therefore measured here first, streaming the part in chunks so memory stays flat.
_TAG = re.compile(rb"<(?:\w+:)?(row|c)\b(" + _ATTRS + rb")>")
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["'](\d+)["']""")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,3})(\d+)["']""")
_CHUNK = 1 << 20


def sheet_extent(archive: zipfile.ZipFile, part: str, xml: bytes | None = None) -> tuple[int, int]:
    """(rows, columns) of the smallest range holding every non-empty cell of an .xlsx sheet part.

    Self-closed cells (``<c r="A5" s="1"/>``: formatting only) hold no value and do not count.
    ``xml``: the part's bytes when already decompressed. Raises what ``zipfile`` raises for a damaged
    part (``BadZipFile`` on a CRC or size mismatch).
    """
    fast = _extent_by_refs(archive, part, xml)
    return fast if fast is not None else _extent_by_position(archive, part, xml)


def _not_plain_cell(address: bytes) -> re.Pattern:
    """A cell tag not written as Excel, LibreOffice and openpyxl write it: ``<c r="ADDRESS"``, then
    only ``name="value"`` attributes each after one space, none of them another address, then ``>``
    or ``/>``. One search finds any such tag without visiting the cells in Python: no address, address
    not first or not matching ``address``, a tab or line break after ``<c``, single quotes, spaces
    around ``=``, and an address written twice (``<c r="A9" r="XFD1048576">``, invalid XML that calamine
    reads with the last one; an attribute name ending in ``r``, as ``x:r``, counts as one)."""
    return re.compile(rb'<c(?:[>/\t\n\r\f\v]| (?!r="' + address + rb'"(?: [\w:]++(?<!r)="[^"]*+")*+/?>))')


# Within Z99999: one letter and at most five digits.
SMALL_EXTENT = (99_999, 26)
_NOT_SMALL_CELL = _not_plain_cell(rb"[A-Za-z]\d{1,5}")
_NOT_PLAIN_CELL = _not_plain_cell(rb"[A-Za-z]{1,3}\d+")
# A namespace-prefixed cell tag (``<x:c r=...``), its name followed by whitespace as XML allows.
_PREFIXED_CELL = re.compile(rb":c[\s>]")


def within_small_extent(archive: zipfile.ZipFile, part: str, xml: bytes | None = None) -> bool:
    """True when every cell of the part provably lies within ``SMALL_EXTENT`` (Z99999).

    The quick answer for what Excel, LibreOffice and openpyxl write; False means "not known", and
    ``sheet_extent`` must then measure. True implies the conditions of ``_extent_by_refs`` (every
    cell written ``<c r="..."``, address first, no namespace prefix) with every address small.
    """
    for block in _blocks(archive, part, xml):
        if _prefixed(block, _PREFIXED_CELL) or _NOT_SMALL_CELL.search(block):
            return False
    return True


def _refs_first(block: bytes) -> bool:
    """Every cell of the block is written ``<c r="..."`` with that one address (``_not_plain_cell``),
    and none with a namespace prefix.

    A tag name ends at any XML whitespace: ``<c``, a line break, ``r="XFD1048576">`` is a cell too
    (calamine reads it, and would build a grid of 17 billion cells).
    """
    return not _NOT_PLAIN_CELL.search(block) and not _PREFIXED_CELL.search(block)


def _blocks(archive: zipfile.ZipFile, part: str, xml: bytes | None = None):
    """The part's bytes in ~1 MB blocks, each cut just before a ``<`` so no tag is split.

    ``xml``: the part's bytes when already decompressed (cut the same way, without inflating again).
    """
    pending = b""
    with (io.BytesIO(xml) if xml is not None else archive.open(part)) as fh:
        while True:
            data = fh.read(_CHUNK)
            if not data:
                if pending:
                    yield pending
                return
            pending += data
            cut = pending.rfind(b"<")
            if cut <= 0:
                continue
            yield pending[:cut]
            pending = pending[cut:]


_FULL_CELL = re.compile(rb'<c r="([A-Za-z]{1,3})(\d+)"(?:\s' + _ATTRS + rb')?(?<!/)>')


def _extent_by_refs(archive, part, xml: bytes | None = None) -> tuple[int, int] | None:
    """Fast path for what Excel, LibreOffice and openpyxl write: ``<c r="B7" ...>``, address first.

    ``None`` as soon as a block holds a cell written otherwise (no address, address not first,
    namespace prefix): positions are then followed one tag at a time.
    """
    max_row = max_col = 0
    letters_seen: dict[bytes, int] = {}
    for block in _blocks(archive, part, xml):
        if not _refs_first(block):
            return None
        for letters, digits in _FULL_CELL.findall(block):
            row = int(digits)
            if row > max_row:
                max_row = row
            col = letters_seen.get(letters)
            if col is None:
                col = letters_seen[letters] = column_index(letters.decode()) + 1
            if col > max_col:
                max_col = col
    return max_row, max_col


def _extent_by_position(archive, part, xml: bytes | None = None) -> tuple[int, int]:
    """Slow path: follow rows and cells as calamine does when addresses are missing."""
    row = col = max_row = max_col = 0
    for block in _blocks(archive, part, xml):
        for m in _TAG.finditer(block):
            attrs = m.group(2)
            if m.group(1) == b"row":
                numbers = _ROW_NUMBER.findall(attrs)
                row = _largest(numbers) if numbers else row + 1
                col = 0
                continue
            refs = _CELL_REF.findall(attrs)
            if refs:  # written twice (invalid XML): the farthest, fail-closed
                row = _largest([digits for _, digits in refs])
                col = max(column_index(letters.decode()) for letters, _ in refs) + 1
            else:
                col += 1
            if not attrs.endswith(b"/"):
                max_row = max(max_row, row)
                max_col = max(max_col, col)
    return max_row, max_col


# ODS: rows and cells may repeat (``table:number-rows-repeated``, ``table:number-columns-repeated``);
# LibreOffice writes a million repeated *empty* rows at the end of every sheet, which costs nothing,
# but a repeated cell holding a value is expanded by calamine, so the same bound applies.
_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s>/])(" + _ATTRS + rb")>")
_ODS_NAME = re.compile(rb"""table:name\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ODS_ROWS = re.compile(rb"""table:number-rows-repeated\s*=\s*["'](\d+)["']""")
_ODS_COLS = re.compile(rb"""table:number-columns-repeated\s*=\s*["'](\d+)["']""")
_ODS_VALUE_TYPE = re.compile(rb"value-type\s*=")
# A formula whose result is an error: LibreOffice writes ``office:value-type="string"
# office:string-value="" calcext:value-type="error"`` and shows the error in the cell's paragraph
# (``<text:p>#DIV/0!</text:p>``); calamine reads such a cell as "" (or, when a writer puts
# ``office:value-type="float" office:value="0"`` beside it, as that number), never as an error.
_ODS_ERROR_TYPE = re.compile(rb"""value-type\s*=\s*["']error["']""")
# A formula cell (``table:formula``): with no value type at all, saved without its computed value (a program
# that writes formulas without computing them; LibreOffice always writes the type of the result).
_ODS_FORMULA = re.compile(rb"table:formula\s*=")
_ODS_STRING_VALUE = re.compile(rb"""office:string-value\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ODS_PARAGRAPH = re.compile(rb"\s*<text:p(?:\s" + _ATTRS + rb")?>([^<]*)")
# What is quoted of the error shown (#DIV/0!, #N/A, #NOM?, Err:502…): a short token with at most one
# digit, so that no value typed by a user (a national number…) is ever quoted; otherwise UNKNOWN_ERROR.
_ODS_ERROR_SHOWN = re.compile(r"#(?:[^\W\d]|[/!?.]){0,15}\d?(?:[^\W\d]|[/!?.]){0,15}|Err:\d{3}")
# Cells listed per sheet at most: LibreOffice never repeats a formula cell, but a hostile file may
# repeat an error cell a billion times in a sheet ``sheet_too_large`` refuses only after the scan.
MAX_ODS_ERROR_CELLS = 100_000


class OdsScan(NamedTuple):
    """What one pass over an .ods ``content.xml`` finds, per sheet name."""

    extents: dict[str, tuple[int, int]]                 # (rows, columns) holding every non-empty cell
    errors: dict[str, dict[tuple[int, int], str | None]]   # (row, column) → the error shown, None: no value


def ods_scan(archive: zipfile.ZipFile, xml: bytes | None = None) -> OdsScan:
    """Each sheet's extent and formula-error cells, from an .ods ``content.xml``, streamed in blocks.

    ``xml``: ``content.xml`` when already decompressed. Error cells are looked for only in a block
    that holds ``error`` at all, so an ordinary workbook pays one substring search per block.
    Repeated error cells are listed cell by cell, up to ``MAX_ODS_ERROR_CELLS`` per sheet.
    """
    extents: dict[str, tuple[int, int]] = {}
    errors: dict[str, dict[tuple[int, int], str]] = {}
    found: dict[tuple[int, int], str] = {}
    name = None
    row = col = max_row = max_col = 0
    row_repeat = 1
    row_has_value = False
    awaiting = None  # (row, rows, column, columns, attributes) of an error cell whose paragraph opens the next block

    def close_sheet():
        nonlocal name, found
        if name is not None:
            key = _unescape(name.decode("utf-8", "replace"))
            rows, cols = extents.get(key, (0, 0))  # two sheets under one name (damaged file): keep the larger
            extents[key] = (max(rows, max_row), max(cols, max_col))
            if found:
                errors.setdefault(key, {}).update(found)
        name = None
        found = {}

    def add_errors(first_row, rows, first_col, cols, shown):
        room = MAX_ODS_ERROR_CELLS - len(found)
        for r in range(first_row, first_row + min(rows, room)):
            for c in range(first_col, first_col + min(cols, room)):
                found[(r, c)] = shown
                room -= 1
                if room <= 0:
                    return

    for block in _blocks(archive, "content.xml", xml):
        if awaiting is not None:
            *area, attrs = awaiting
            add_errors(*area, _error_shown(_ODS_PARAGRAPH.match(block), attrs))
            awaiting = None
        may_hold_errors = b"error" in block
        may_hold_formulas = b"table:formula" in block
        for m in _ODS_TAG.finditer(block):
            closing, tag, attrs = m.group(1), m.group(2), m.group(3)
            if tag == b"table":
                close_sheet()
                if closing:
                    name = None
                else:
                    n = _ODS_NAME.search(attrs)
                    name = (n.group(1) if n.group(1) is not None else n.group(2)) if n else b""
                    row = col = max_row = max_col = 0
            elif tag == b"table-row":
                if closing:
                    if row_has_value:
                        max_row = max(max_row, row + row_repeat)
                    row += row_repeat
                else:
                    row_repeat = _largest(_ODS_ROWS.findall(attrs))
                    col = 0
                    row_has_value = False
                    if attrs.endswith(b"/"):
                        row += row_repeat
            elif not closing:
                repeat = _largest(_ODS_COLS.findall(attrs))
                if may_hold_formulas and tag == b"table-cell" and _ODS_FORMULA.search(attrs) \
                        and not _ODS_VALUE_TYPE.search(attrs):
                    # A formula without its computed value: calamine reads "" — reported as ``formula_without_value``
                    # (``None``), as an .xlsx formula with no ``<v>`` is (ods/xlsx audit, 2026-12-01).
                    row_has_value = True
                    max_col = max(max_col, col + repeat)
                    if len(found) < MAX_ODS_ERROR_CELLS:
                        add_errors(row, row_repeat, col, repeat, None)
                elif _ODS_VALUE_TYPE.search(attrs) or (tag == b"table-cell" and not attrs.endswith(b"/")):
                    # A cell with a value (or with content, such as text paragraphs).
                    row_has_value = True
                    max_col = max(max_col, col + repeat)
                    if may_hold_errors and b"error" in attrs and _ODS_ERROR_TYPE.search(attrs) \
                            and len(found) < MAX_ODS_ERROR_CELLS:
                        if attrs.endswith(b"/"):
                            add_errors(row, row_repeat, col, repeat, _error_shown(None, attrs))
                        elif block.find(b"<", m.end()) == -1:   # a block ends before each "<": its paragraph
                            awaiting = (row, row_repeat, col, repeat, attrs)   # opens the next one
                        else:
                            add_errors(row, row_repeat, col, repeat,
                                       _error_shown(_ODS_PARAGRAPH.match(block, m.end()), attrs))
                col += repeat
    if awaiting is not None:   # the file ends there (truncated)
        *area, attrs = awaiting
        add_errors(*area, _error_shown(None, attrs))
    close_sheet()
    return OdsScan(extents, errors)


def _error_shown(paragraph: re.Match | None, attrs: bytes) -> str:
    """The error an .ods cell shows: its paragraph's text, else its ``office:string-value``, when either
    is an error token (``_ODS_ERROR_SHOWN``); else ``UNKNOWN_ERROR``."""
    if paragraph is not None:
        text = _unescape(paragraph.group(1).decode("utf-8", "replace")).strip()
        if _ODS_ERROR_SHOWN.fullmatch(text):
            return text
    value = _ODS_STRING_VALUE.search(attrs)
    if value is not None:
        text = _unescape((value.group(1) if value.group(1) is not None else value.group(2))
                         .decode("utf-8", "replace")).strip()
        if _ODS_ERROR_SHOWN.fullmatch(text):
            return text
    return UNKNOWN_ERROR


def _largest(counts: list[bytes]) -> int:
    """A repeat count: 1 when absent; the largest when the attribute is written twice (invalid XML,
    measured fail-closed)."""
    return max(map(int, counts), default=1)
