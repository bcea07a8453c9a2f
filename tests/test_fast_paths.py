"""Fast paths that must give exactly what the plain way gives (docs/performance.md).

* ``ooxml._after_colons``: the namespace-prefix tests of the sheet scans must answer as the substring
  searches they replace.
* ``output._decimal``: a Decimal becomes the same JSON number as with the former expression.
* ``cells._surely_valid_niss`` / ``_surely_valid_bce``: the shortcuts before python-stdnum accept only
  what stdnum accepts (and, for plain digits, all of it).
* ``ooxml._blocks`` over bytes sniff already inflated cuts them as the streamed part;
  ``ooxml.within_small_extent`` (the reader's quick "small enough") never holds for a bigger sheet.
* The reader's per-column memo of converted values never hides a problem.
* ``output.dumps`` writes the text ``json.dumps(jsonable(doc), indent=2)`` wrote, byte for byte.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ei_cli.i18n import Text
from ei_cli.periods import Month
from ei_cli.workbook import ooxml
from helpers_workbook import zip_of


@given(st.text(alphabet=':cf> <x"', max_size=200), st.integers(0, 8))
def test_after_colons_answers_as_substring_search(text, limit):
    data = text.encode()
    after = ooxml._after_colons(data, limit)
    if after is None:
        assert data.count(b":") > limit
        return
    for probe in (b"c ", b"c>", b"cf", b"x:"):
        assert (probe in after) == (b":" + probe in data)
    assert any(a[:1] == b"f" for a in after) == (b":f" in data)


@given(st.one_of(st.decimals(), st.decimals(places=2), st.integers(-10**17, 10**17).map(Decimal),
                 st.sampled_from([Decimal("1E+15"), Decimal("-1E+15"), Decimal("999999999999999.0"), Decimal("-0"),
                                  Decimal("1E+30"), Decimal("0E-7"), Decimal("Infinity"), Decimal("-Infinity")])))
def test_decimal_json_value_as_before(x):
    from ei_cli.output import _decimal

    def outcome(convert):
        try:
            value = convert(x)
        except Exception as exc:  # sNaN: the same error both ways
            return type(exc)
        return type(value), repr(value)

    assert outcome(lambda x: _decimal(x, "fr")) == outcome(
        lambda x: int(x) if x == x.to_integral_value() and abs(x) < 10**15 else float(x))


@given(st.one_of(
    st.text(alphabet="0123456789 .-/", max_size=16),
    st.text(max_size=14),
    st.integers(0, 1_999_999_999).map(lambda n: f"{n:010d}"),
    # valid numbers, written plainly or with the usual dots
    st.integers(1, 19_999_999).map(lambda n: f"{n:08d}{97 - n % 97:02d}"),
    st.integers(1, 19_999_999).map(lambda n: f"{n:08d}{97 - n % 97:02d}").map(lambda s: f"{s[:4]}.{s[4:7]}.{s[7:]}"),
    # right check digits, but a first digit stdnum refuses (2 to 9)
    st.integers(20_000_000, 99_999_999).map(lambda n: f"{n:08d}{97 - n % 97:02d}"),
))
def test_bce_shortcut_agrees_with_stdnum(text):
    """Where the shortcut answers, stdnum gives the same number; a valid plain number always gets one."""
    from stdnum.be import vat

    from ei_cli.workbook.cells import _surely_valid_bce

    got = _surely_valid_bce(text)
    try:
        expected = vat.validate(text)
    except Exception:
        expected = None
    if got is not None:
        assert got == expected
    elif expected is not None:
        # Left to stdnum: only what the shortcut does not claim to read (BE prefix, (0), 9 digits, unicode).
        digits = text.translate(str.maketrans("", "", " -./"))  # restated here, not cells._BCE_SEPARATORS
        assert not (text.isascii() and len(digits) == 10 and digits.isdigit())


def test_bce_shortcut_by_hand():
    """0403.019.261: 04030192 + 61 = 4 030 253 = 97 × 41 549, so valid; ...262 gives 4 030 254, not a
    multiple of 97; 2403019206: 24030192 = 97 × 247 733 + 91, check 97 − 91 = 06, a valid sum refused only
    because it starts with 2 (stdnum wants 0 or 1); the BE prefix is left to stdnum."""
    from ei_cli.workbook.cells import _surely_valid_bce

    assert _surely_valid_bce("0403.019.261") == "0403019261"
    assert _surely_valid_bce("0403 019 261") == "0403019261"
    assert _surely_valid_bce("0403.019.262") is None
    assert _surely_valid_bce("2403019206") is None
    assert _surely_valid_bce("BE0403019261") is None


# ----------------------------------------------------------------------------------- NISS
@st.composite
def _plain_niss(draw) -> str:
    """11 digits: a birth date field with a month at or near the edges (national register 00-12, BIS
    20-32 / 40-52, the rest invalid), the check digits of the 1900s or of the 2000s, right or off by one."""
    month = draw(st.one_of(st.sampled_from([0, 1, 12, 13, 19, 20, 32, 33, 39, 40, 52, 53, 60, 99]), st.integers(0, 99)))
    base = f"{draw(st.integers(0, 99)):02d}{month:02d}{draw(st.integers(0, 99)):02d}{draw(st.integers(0, 999)):03d}"
    century = 2_000_000_000 if draw(st.booleans()) else 0
    return f"{base}{(97 - (century + int(base)) % 97 + draw(st.sampled_from([0, 0, 1]))) % 100:02d}"


def _niss_agrees(text: str) -> None:
    """On one day: the shortcut's year is ``periods.today``'s, stdnum's the machine's (``date.today``)."""
    from datetime import date
    from unittest.mock import patch

    from stdnum.be import bis, nn

    from ei_cli import periods
    from ei_cli.workbook.cells import _surely_valid_niss

    expected = nn.is_valid(text) or bis.is_valid(text)
    with patch.object(periods, "today", date.today):
        surely = _surely_valid_niss(text)
    if surely:
        assert expected and nn.compact(text) == text
    elif len(text) == 11 and text.isascii() and text.isdigit():
        assert not expected


@given(_plain_niss())
def test_niss_shortcut_agrees_with_stdnum(text):
    """For 11 plain ASCII digits the shortcut says what stdnum says (national register or BIS)."""
    _niss_agrees(text)


def test_niss_shortcut_takes_this_year_from_periods_today(monkeypatch):
    """« 20YY not after this year » is the year of ``periods.today`` (the date in Belgium, every « today » of ei),
    not the machine's ``date.today``. 24010100124 (born 1 January 2024, counter 001) has the check digits of
    the 2000s — 97 − (2 240 101 001 mod 97) = 97 − 73 = 24, where the 1900s' would be 97 − (240 101 001 mod
    97) = 92 —: surely valid on a day of 2024, left to stdnum on 31 December 2023."""
    from datetime import date

    from ei_cli import periods
    from ei_cli.workbook.cells import _surely_valid_niss

    monkeypatch.setattr(periods, "today", lambda: date(2023, 12, 31))
    assert not _surely_valid_niss("24010100124")
    monkeypatch.setattr(periods, "today", lambda: date(2024, 1, 1))
    assert _surely_valid_niss("24010100124")


@given(st.one_of(st.text(alphabet="0123456789", min_size=11, max_size=11),
                 st.text(alphabet="0123456789 .-", max_size=15), st.text(max_size=12)))
def test_niss_shortcut_answers_only_for_plain_digits(text):
    """Where the shortcut says valid, stdnum says valid too (the rest is left to stdnum)."""
    _niss_agrees(text)


def test_niss_shortcut_by_hand():
    """90.05.17-123.xx: 900517123 = 97 × 9 283 681 + 66, check 97 - 66 = 31; born 2002-08-09, serial 456:
    2020809456 mod 97 = 17, check 80 (the 1900s reading would need 97 - 20809456 mod 97 = 51).
    Each refused number below has the right check digits for its digits, so that only the rule named
    refuses it: month 13, 901317123 = 97 × 9 291 929 + 10, check 87; month 53, 905317123 =
    97 × 9 333 166 + 21, check 76; 990517123 = 97 × 10 211 516 + 71, 1900s check 26, while
    2990517123 = 97 × 30 830 073 + 42 gives the 2000s check 55 (a birth in 2099)."""
    from ei_cli.workbook.cells import _surely_valid_niss

    assert _surely_valid_niss("90051712331")
    assert not _surely_valid_niss("90051712332")          # check digits off by one
    assert _surely_valid_niss("02080945680")              # born in the 2000s: prefixed with 2
    assert not _surely_valid_niss("90131712387")          # month 13: neither register nor BIS
    assert not _surely_valid_niss("90531712376")          # month 53: past the BIS range (40-52)
    assert not _surely_valid_niss("99051712355")          # the 2000s check of a birth in 2099: not yet
    assert _surely_valid_niss("99051712326")              # the 1900s check: born in 1999
    assert not _surely_valid_niss("90.05.17-123.31")      # separators: left to stdnum


@given(_plain_niss())
def test_niss_birth_date_shortcut_agrees_with_stdnum(text):
    """For every number ``to_niss`` accepts, ``niss_birth_date`` gives what ``stdnum.be.nn.get_birth_date``
    gives for a national register number, and None for a BIS number (no warning is built on it)."""
    from stdnum.be import nn

    from ei_cli.workbook.cells import is_valid_niss, niss_birth_date

    if is_valid_niss(text):
        assert niss_birth_date(text) == (nn.get_birth_date(text) if nn.is_valid(text) else None)


def _read_without_stdnum(path) -> None:
    """Reads the workbook at ``path`` in a fresh process: it must be valid, without a problem, and leave
    python-stdnum unimported (a fresh process, since this one has imported it already)."""
    code = ("import sys; from ei_cli.workbook import read_workbook; r = read_workbook(sys.argv[1]); "
            "assert r.valid and not r.problems, r.problems; print('stdnum' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stdout.strip()) == (0, "False"), r.stderr


def test_reading_national_numbers_that_hold_their_birth_date_does_not_import_stdnum(tmp_path):
    """The valid workbook (workers 1 and 3 with a national number and its birth date, one of the 2000s)
    is read, its numbers checked against date_naissance, without importing python-stdnum (~25 ms a
    process, docs/performance.md): the shortcuts answer."""
    from helpers_workbook import valid_sheets, write_workbook

    _read_without_stdnum(write_workbook(tmp_path / "x.xlsx", valid_sheets()))


def test_niss_birth_date_agrees_with_stdnum_over_every_month_and_day():
    """Every month field 00-52 and day 00-35, with the check digits of the 1900s and of the 2000s, for years
    that tell the centuries apart (00: 1900 not a leap year, 2000 one) or sit at today's edge: wherever
    ``to_niss`` accepts the number, ``niss_birth_date`` (which no longer asks stdnum) gives what stdnum does —
    stdnum has a date only for a month 01-12 and a day of that month, read without it."""
    from datetime import date
    from unittest.mock import patch

    from stdnum.be import nn

    from ei_cli import periods
    from ei_cli.workbook.cells import is_valid_niss, niss_birth_date

    this_year = date.today().year % 100
    with patch.object(periods, "today", date.today):
        for year in (0, 4, this_year, (this_year + 1) % 100, 85, 99):
            for month in range(53):
                for day in range(36):
                    base = f"{year:02d}{month:02d}{day:02d}123"
                    for century in (0, 2_000_000_000):
                        text = f"{base}{97 - (century + int(base)) % 97:02d}"
                        if is_valid_niss(text):
                            assert niss_birth_date(text) == (nn.get_birth_date(text) if nn.is_valid(text)
                                                             else None), text


def test_reading_a_bis_number_does_not_import_stdnum(tmp_path):
    """Worker 1's niss a BIS number (month field 05 + 20 = 25, check digits recomputed): it holds no birth date
    to compare with date_naissance (``niss_birth_date`` gives None), and that None needs no python-stdnum
    (~25 ms a process, docs/performance.md) — formerly imported to say so."""
    from datetime import date

    from helpers_workbook import niss, set_value, valid_sheets, write_workbook

    number = niss(date(1990, 5, 17), 123)
    bis = number[:2] + "25" + number[4:9]
    sheets = set_value(valid_sheets(), "Personnel", 1, "niss", f"{bis}{97 - int(bis) % 97:02d}")
    _read_without_stdnum(write_workbook(tmp_path / "x.xlsx", sheets))


# ----------------------------------------------------------------------------------- sheet scans


@given(st.text(alphabet="<ab>", max_size=300), st.integers(1, 40), st.booleans())
def test_blocks_cut_a_part_before_tags_only(text, chunk, inflated):
    """Streamed or already inflated, the blocks put back together are the part, and every block but
    the first starts at a ``<``: no tag is ever split between two blocks."""
    xml = text.encode()
    archive = zip_of("s.xml", xml)
    saved, ooxml._CHUNK = ooxml._CHUNK, chunk
    try:
        blocks = list(ooxml._blocks(archive, "s.xml", xml if inflated else None))
    finally:
        ooxml._CHUNK = saved
    assert b"".join(blocks) == xml
    assert all(block[:1] == b"<" for block in blocks[1:]) and all(blocks)


_CELL_TAGS = st.sampled_from([
    '<c r="A1"><v>1</v></c>', '<c r="Z99999"><v>1</v></c>', '<c r="AA2"><v>1</v></c>',
    '<c r="B100000"><v>1</v></c>', '<c r="XFD1048576"><v>1</v></c>', '<c r="C3" s="1"/>',
    '<c r="ZZ500000" s="1"/>', '<c s="1" r="AB7"><v>1</v></c>', '<c><v>1</v></c>', '<c/>',
    '<x:c r="AZ9"><x:v>1</x:v></x:c>', '<c r="A1" t="s"><v>0</v></c>',
    # XML lets any whitespace end a tag name: these are cells too
    '<c\nr="XFD1048576"><v>1</v></c>', '<c\tr="B2"><v>1</v></c>', '<c\r\n r="C3"><v>1</v></c>',
    '<x:c\nr="AA100000"><x:v>1</x:v></x:c>',
    # an address written twice (invalid XML): calamine keeps the last one
    '<c r="A9" r="XFD1048576"><v>1</v></c>', '<c r="A9" s="1" x=">" r="AA100000"><v>1</v></c>',
    '<c r="B2" x:r="C3"><v>1</v></c>', '<c r="B2" t="inlineStr"><is><t>x</t></is></c>',
])


@given(st.lists(st.lists(_CELL_TAGS, max_size=4), max_size=6))
def test_small_extent_shortcut_only_for_small_sheets(rows):
    """``within_small_extent`` lets the reader skip measuring: it must never say so of a bigger sheet."""
    xml = ("<worksheet><sheetData>" + "".join(f"<row>{''.join(r)}</row>" for r in rows)
           + "</sheetData></worksheet>").encode()
    archive = zip_of("s.xml", xml)
    if ooxml.within_small_extent(archive, "s.xml", xml):
        max_rows, max_cols = ooxml.SMALL_EXTENT
        rows_, cols_ = ooxml.sheet_extent(archive, "s.xml", xml)
        assert rows_ <= max_rows and cols_ <= max_cols
    assert ooxml.sheet_extent(archive, "s.xml", xml) == ooxml.sheet_extent(archive, "s.xml")
    fast = ooxml._extent_by_refs(archive, "s.xml", xml)
    assert fast is None or fast == ooxml._extent_by_position(archive, "s.xml", xml)


def test_a_far_cell_after_a_line_break_is_measured():
    """``<c`` then a line break then ``r="XFD1048576"``: a cell calamine reads, which neither the quick
    check nor the fast path may overlook (the grid would be 1 048 576 × 16 384 cells)."""
    for tag in (b'<c\nr="XFD1048576"><v>1</v></c>', b'<x:c\tr="XFD1048576"><x:v>1</x:v></x:c>'):
        xml = (b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576">' + tag
               + b"</row></sheetData></worksheet>")
        archive = zip_of("s.xml", xml)
        assert not ooxml.within_small_extent(archive, "s.xml", xml)
        assert ooxml.sheet_extent(archive, "s.xml", xml) == (1_048_576, 16_384)


def test_an_address_written_twice_is_measured():
    """``<c r="A9" r="XFD1048576">``: invalid XML, which calamine reads with the last address (and then
    aborts the process, building a grid of 17 billion cells). Neither the quick check nor the fast path
    may take the first address for the cell's; the measure keeps the farther one. A ``>`` or ``/>``
    inside an attribute before the second address hides nothing."""
    for tag in (b'<c r="A9" r="XFD1048576"><v>1</v></c>', b'<c r="A9" s="1" x="&gt;>" r="XFD1048576"><v>1</v></c>',
                b'<c r="A9" x="/>" r="XFD1048576"><v>1</v></c>', b'<c r="A9" x:r="XFD1048576"><v>1</v></c>'):
        xml = (b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="9">' + tag
               + b"</row></sheetData></worksheet>")
        archive = zip_of("s.xml", xml)
        assert not ooxml.within_small_extent(archive, "s.xml", xml)
        assert ooxml._extent_by_refs(archive, "s.xml", xml) is None
        assert ooxml.sheet_extent(archive, "s.xml", xml) == (1_048_576, 16_384)


# ----------------------------------------------------------------------------------- converted values
def test_remembered_values_do_not_hide_a_problem(tmp_path):
    """The reader remembers each column's converted values; a wrong value repeated is reported at each
    cell, a broken formula after a remembered value too, and a wrong NISS is never quoted."""
    from helpers_workbook import set_value, valid_sheets, write_workbook
    from make_corpus import BAD_NISS

    from ei_cli.workbook import read_workbook

    sheets = valid_sheets()
    for row in (1, 3):
        set_value(sheets, "Personnel", row, "niss", BAD_NISS)
    for row in (1, 2):
        set_value(sheets, "Paie", row, "etp", "beaucoup")
    path = write_workbook(tmp_path / "m.xlsx", sheets, cells={("Paie", "D3"): "#REF!"})
    problems = read_workbook(path).problems
    assert [(p.code, p.sheet, p.cell) for p in problems] == [
        ("invalid_niss", "Personnel", "B2"), ("invalid_niss", "Personnel", "B4"),
        ("invalid_number", "Paie", "C2"), ("invalid_number", "Paie", "C3"), ("formula_error", "Paie", "D3")]
    for p in problems:
        assert BAD_NISS not in p.message.fr and BAD_NISS not in p.message.en


@pytest.mark.parametrize("cell", ['<c r="B2" t="e"><v>90051712331</v></c>', '<c r="B2" t="b"><v>90051712331</v></c>',
                                  "<c r=\"B2\" t=\"e\"><v>O'Br&#10;90051712331</v></c>"])
def test_a_value_calamine_refuses_is_not_quoted(tmp_path, cell):
    """calamine refuses a sheet with an odd error or boolean cell and quotes the cell's value in its
    error; the reader's message keeps the reason but never the value (here a national number)."""
    import io
    import re
    import zipfile

    import make_corpus

    from ei_cli.workbook import read_workbook

    data = make_corpus.valid_bytes()
    part = make_corpus.PART["Personnel"]
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    xml = re.sub(rb'<c r="B2"[^>]*>.*?</c>', cell.encode(), xml, count=1)
    path = tmp_path / "v.xlsx"
    path.write_bytes(make_corpus.rezip(data, replace={part: xml}))
    problems = read_workbook(path).problems
    assert [(p.code, p.sheet) for p in problems if p.is_error] == [("unreadable_sheet", "Personnel")]
    for p in problems:
        assert "0517" not in p.message.fr + p.message.en and "Br" not in p.message.en
        assert "…" in p.message.en


def test_records_are_the_dataclasses_init_would_build():
    from dataclasses import dataclass
    from datetime import date

    from ei_cli.model import FollowUp, FollowUpType, PayMonth, records
    from ei_cli.periods import Month

    rows = [({"worker_id": "1", "month": Month(2024, 1), "fte": Decimal(1), "gross_pay": Decimal(2)}, 2),
            ({"worker_id": "2", "month": Month(2024, 2), "fte": Decimal("0.5"), "gross_pay": Decimal(3),
              "hours": Decimal(7)}, 3)]
    built = records(PayMonth, rows)
    assert built == tuple(PayMonth(**v, row=n) for v, n in rows)
    assert [vars(b) for b in built] == [vars(PayMonth(**v, row=n)) for v, n in rows]
    assert records(FollowUp, [({"worker_id": "1", "date": date(2024, 1, 1), "type": FollowUpType.OTHER}, 5)]) == (
        FollowUp("1", date(2024, 1, 1), FollowUpType.OTHER, row=5),)
    with pytest.raises(TypeError):
        records(PayMonth, [({"worker_id": "1"}, 2)])                     # a required field missing
    with pytest.raises(TypeError):
        records(FollowUp, [({"worker_id": "1", "date": date(2024, 1, 1), "type": FollowUpType.OTHER,
                             "colour": "red"}, 2)])                      # a field the class lacks

    @dataclass(frozen=True)
    class Checked:
        n: int
        row: int | None = None

        def __post_init__(self):
            if self.n < 0:
                raise ValueError("negative")

    with pytest.raises(ValueError):
        records(Checked, [({"n": -1}, 2)])


def test_a_parser_message_of_any_wording_keeps_no_value():
    """Whatever calamine's wording, no quoted piece and no run of 4+ digits reaches a message: a national
    number (11 digits) in a message of a shape never seen is masked; what went wrong stays readable."""
    from ei_cli.workbook.reader import _reason

    assert _reason(ValueError("bad cell 90051712331 in row")) == "bad cell … in row"
    assert _reason(ValueError('name "Jean Dupont" refused')) == "name «…» refused"
    assert _reason(ValueError("tag not closed: `>` not found")) == "tag not closed: «…» not found"
    assert _reason(ValueError("Unsupported cell error value 'O'Br 900517'")) == "Unsupported cell error value '…"


@given(st.text(alphabet="ab '\"`0123456789:«»\n", max_size=60))
def test_no_run_of_four_digits_survives_in_a_parser_message(text):
    """The invariant behind the examples above, on any text: a run of 4+ digits (a national number,
    a date, an amount) never reaches the message."""
    import re

    from ei_cli.workbook.reader import _reason

    assert not re.search(r"\d{4}", _reason(ValueError(text)))


@given(st.text(alphabet='<>v/#&;35x2e"t= ', max_size=120), st.integers(0, 6))
def test_the_error_value_gate_misses_no_text_starting_with_a_hash(text, limit):
    """``_may_hold_error_values`` may say True for nothing, but never False when a text opens with ``#``
    (``>#``) or holds ``&#35;`` / ``&#x23;``; past ``limit`` hashes it says True."""
    data = text.encode()
    if b">#" in data or b"&#35;" in data or b"&#x23;" in data or data.count(b"#") > limit:
        assert ooxml._may_hold_error_values(data, limit) is True


def test_an_error_cell_is_found_among_character_references():
    """openpyxl writes « ç » as ``&#231;``: 200 of them (under the limit of 256) neither hide the #REF!
    of B2 (row 1, column 1) nor, alone, make the part scanned; an error value written ``&#35;N/A`` (an
    escaped ``#``) is found too (its text is kept as written)."""
    text = "".join(f'<c r="A{i}" t="inlineStr"><is><t>Fran&#231;ois</t></is></c>' for i in range(3, 203))
    for value in ("#REF!", "&#35;N/A"):
        xml = (f'<worksheet><sheetData><row r="2"><c r="B2" t="e"><v>{value}</v></c></row>'
               f"<row r=\"3\">{text}</row></sheetData></worksheet>").encode()
        assert ooxml.error_cells(zip_of("s.xml", xml), ["S"], {"S": "s.xml"}).errors == {"S": {(1, 1): value}}
    assert ooxml._may_hold_error_values(text.encode()) is False


# JSON values as the documents hold them: plain values, and the ones ``jsonable`` converts (Decimal, dates,
# months, Text, tuples), in dicts with str keys — and, now and then, what ``json`` itself must write (an int key,
# a float that is not finite, a str subclass).
_DOC_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.decimals(allow_nan=False, allow_infinity=False), st.dates(),
    st.builds(Month, st.integers(1900, 2100), st.integers(1, 12)), st.builds(Text, st.text(), st.text()))
_DOCS = st.recursive(_DOC_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.lists(inner, max_size=3).map(tuple),
    st.dictionaries(st.text(max_size=6), inner, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=3), st.integers(0, 9)), inner, max_size=3)), max_leaves=25)


@given(_DOCS, st.sampled_from(["fr", "en"]), st.booleans())
def test_indented_json_is_what_json_wrote(doc, lang, ascii_only):
    import json

    from ei_cli.output import dumps, jsonable

    assert dumps(doc, lang, ascii_only=ascii_only) == json.dumps(
        jsonable(doc, lang), ensure_ascii=ascii_only, indent=2) + "\n"


def test_indented_json_of_a_document_by_hand():
    """The layout written out: two spaces a level, « , » ending all items but the last, « : » after a key, empty
    containers on one line, « é » kept (escaped as \\u00e9 with ``ascii_only``), a Decimal 2.50 as 2.5."""
    from ei_cli.output import dumps

    doc = {"a": [1, {"b": Decimal("2.50")}, [], {}], "é": None, "t": True}
    assert dumps(doc) == '{\n  "a": [\n    1,\n    {\n      "b": 2.5\n    },\n    [],\n    {}\n  ],\n  "é": null,\n  "t": true\n}\n'
    assert '"\\u00e9": null' in dumps(doc, ascii_only=True)
