"""Formula-error cells of an .xlsx, found in the sheet XML.

python-calamine turns an error value (#REF!, #DIV/0!…) into an empty string, which would make a
broken formula look like a merely empty cell ("valeur manquante"). The user needs to know the
formula is broken, so the cells typed ``t="e"`` are listed here. A sheet's XML is only searched when
it contains that attribute at all, which keeps the cost to one decompression of the sheets read.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

from ei_cli.workbook.cells import parse_ref

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*?\bt=\"e\"[^>/]*)>(.*?)</(?:\w+:)?c>", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_REF_ATTR = re.compile(rb'\br="([A-Za-z]+\d+)"')


def _attrs(blob: bytes) -> dict[str, str]:
    return {k.decode().split(":")[-1]: _unescape(v.decode("utf-8", "replace")) for k, v in _ATTR.findall(blob)}


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its XML part inside the archive."""
    try:
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


def error_cells(archive: zipfile.ZipFile, sheet_names) -> dict[str, dict[tuple[int, int], str]]:
    """For each asked sheet, 0-based (row, column) → the error value shown in the cell."""
    parts = sheet_parts(archive)
    out: dict[str, dict[tuple[int, int], str]] = {}
    for name in sheet_names:
        part = parts.get(name)
        if part is None:
            continue
        try:
            xml = archive.read(part)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError):
            continue  # calamine reports a damaged part on its own
        if b't="e"' not in xml:
            continue
        found = {}
        for attrs, body in _ERROR_CELL.findall(xml):
            ref = _REF_ATTR.search(attrs)
            if not ref:
                continue
            value = _VALUE.search(body)
            found[parse_ref(ref.group(1).decode())] = value.group(1).decode() if value else "#ERREUR"
        if found:
            out[name] = found
    return out
