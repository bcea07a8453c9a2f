"""Cell addresses and the value conventions of workbook.md, as small pure converters.

Each converter takes one non-empty raw value as python-calamine returns it (``float``, ``int``,
``str``, ``bool``, ``date``, ``datetime``, ``time``, ``timedelta``) and returns the model value, or
raises ``Invalid`` with what was *expected*; the reader adds where and what was found.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache

from ei_cli.i18n import Text, decimal_text, quoted
from ei_cli.problems import INVISIBLE, without_controls
from ei_cli.model import ContractType, Diploma, FollowUpType, Function, Region
from ei_cli import periods
from ei_cli.periods import Month, days_in_month
import ei_cli.workbook.schema as schema
from ei_cli.workbook.schema import normalize_name

# Excel's error values; a cell holding one comes from a broken formula.
ERROR_VALUES = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#BUSY!", "#CONNECT!", "Err:502",
})


# ------------------------------------------------------------------------------------ addresses
def column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters (0 → A, 25 → Z, 26 → AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """Spreadsheet letters → 0-based column index (A → 0, AA → 26)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def cell_ref(row: int, col: int) -> str:
    """0-based (row, column) → "D12"."""
    return f"{column_letter(col)}{row + 1}"


_REF = re.compile(r"^([A-Za-z]{1,3})(\d+)$")


def parse_ref(ref: str) -> tuple[int, int]:
    """"D12" → 0-based (row, column)."""
    m = _REF.match(ref)
    if not m:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(m.group(2)) - 1, column_index(m.group(1))


# ------------------------------------------------------------------------------------ failures
class Invalid(Exception):
    """A value that does not follow the convention of its column."""

    def __init__(self, code: str, expected: Text, quoted: bool = True, found: Text | None = None,
                 hint: Text | None = None, hint_quotes: bool = True):
        super().__init__(code)
        self.code = code
        self.expected = expected
        self.quoted = quoted   # False: the message must not quote the value, even masked
        self.found = found     # how the cell shows the value, when ``shown`` cannot tell (Excel's zero date)
        self.hint = hint       # what the value probably is, said after what was expected; it may quote the value
        self.hint_quotes = hint_quotes   # False: ``hint`` quotes nothing of the value, said of personal data too


def shown(raw: object, lang: str = "fr") -> str:
    """How a found (non-sensitive) value is quoted in a message — the one place messages quote a value.

    A value that looks like a national number (``looks_like_niss``: a NISS typed in the wrong column) is
    never quoted: the message says what kind of value it is instead; an 11-digit run inside a text is
    masked. A number is judged as written, by the same rule as a text: its formatted digits, sign and
    decimal separator aside (-85100374649, 851003746,49), or its magnitude (a 10-digit NISS that lost its
    leading zero, negative too). ``lang`` is the message's: a number takes its decimal mark (45000,5 /
    45000.5), a boolean its word as the spreadsheet shows it (VRAI/FAUX, TRUE/FALSE), a masked value its
    words — a message in two languages quotes the value once per language.
    """
    if isinstance(raw, bool):
        return (("TRUE" if raw else "FALSE") if lang == "en" else ("VRAI" if raw else "FAUX"))
    if isinstance(raw, (int, float, Decimal)):
        text = decimal_text(_number_text(raw), lang)
        if looks_like_niss(abs(raw)) or masked(text) != text:
            return NISS_MASK.get(lang)
        if not isinstance(raw, int):
            return text
    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y %H:%M") if raw.time() != time() else raw.strftime("%d/%m/%Y")
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    if isinstance(raw, (time, timedelta)):
        return _duration_text(_seconds(raw))
    text = str(raw)
    if looks_like_niss(text):
        return NISS_MASK.get(lang)
    masked_text = masked(text)
    if masked_text.strip() == _MASKED_RUN and len(_DIGIT.findall(text)) == 11:
        return NISS_MASK.get(lang)   # the whole value is 11 digits, however separated
    short = without_controls(masked_text[:60])
    return quoted(f"{short}{'…' if len(masked_text) > 60 else ''}", lang)


def _number_text(raw: int | float | Decimal) -> str | int | Decimal:
    """A number cell as a message quotes it: as stored — a float by its 15 significant digits — or, for a
    fraction under a million holding more digits than a national number's 11 (the binary noise of a formula,
    =40/38, or of a SUM, 474.2200000000006; the reader's Decimal keeps those 15 digits), by its 10
    significant digits, as the spreadsheet shows it (« 1,052631579 », « 474,22 »): the 15 digits read as an
    11-digit run, masked, and an etp of 1,05 was called « un numéro à 11 chiffres (masqué) » (habits audit,
    2026-12-01). Under a million, those 10 digits hold at most 6 of a national number's before the
    separator; a larger figure keeps its digits and the rule that masks them."""
    text = format(raw, ".15g") if isinstance(raw, float) else raw
    finite = raw.is_finite() if isinstance(raw, Decimal) else raw - raw == 0   # neither NaN nor infinite
    if isinstance(raw, int) or not finite or abs(raw) >= 1_000_000 or raw == int(raw):
        return text
    if len(_DIGIT.findall(str(text))) > 11:
        short = format(float(raw), ".10g")
        if "e" not in short:
            return short
    return text


def _zero_time(raw) -> bool:
    """A time cell at midnight: the value 0 in a date cell, the spreadsheet's zero date (a lookup that found
    nothing), as calamine gives it."""
    return raw.__class__ is time and raw.hour == raw.minute == raw.second == 0


def _seconds(raw: time | timedelta) -> int:
    """A time of day or a duration in whole seconds (a spreadsheet's float leaves microseconds of noise)."""
    if raw.__class__ is timedelta:
        return round(raw.total_seconds())
    return raw.hour * 3600 + raw.minute * 60 + raw.second + round(raw.microsecond / 1_000_000)


def _duration_text(seconds: int) -> str:
    """164:40 (or 1:02:03 with seconds): a duration as an [h]:mm cell shows it, not « 6 days, 20:40:00 »."""
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


NISS_MASK = Text("un numéro à 11 chiffres (masqué)", "an 11-digit number (masked)")
# 11 digits or more separated only by what is neither a letter nor a digit — however a national number
# is written: 85.10.03-746.49, 85-10-03-746-49, 87/11/23 777-49, 8711 2377 749, with no-break or narrow
# spaces, tabs, underscores, commas, dashes, colons, or invisible characters (U+200B, U+00AD) between
# the digits, in any script's digits. Such a run holds a national number (``_holds_niss``) when it has
# exactly 11 digits, whatever the checksum, or when 11 of its digits in a row are a valid one; a date
# (8 digits), an amount, a short number, or a date range (30/06/2024-31/07/2024: 16 digits, no valid
# number in them) is quoted as written.
_NISS_RUN = re.compile(r"\d(?:[\W_]*\d){10,}")
_DIGIT = re.compile(r"\d")
_MASKED_RUN = "•" * 11


def _run_digits(run: str) -> str:
    """The run's digits as ASCII (a digit of any script is a decimal digit ``int`` reads)."""
    return "".join(str(int(c)) for c in _DIGIT.findall(run))


# 11 digits or more written together: a national number (with a slip, or a digit more), whatever its
# checksum. A date range or an id built from dates has its digits split by separators.
_ELEVEN = re.compile(r"\d{11}")
_LONG_RUN = 30  # digits: beyond this no date range or sum is quoted, and the windows are not all tried


def _holds_valid_niss(digits: str) -> bool:
    """11 of ``digits`` in a row are a valid national number."""
    return any(is_valid_niss(digits[i:i + 11]) for i in range(len(digits) - 10))


def _holds_niss(run: str) -> bool:
    digits = _run_digits(run)
    return len(digits) == 11 or len(digits) > _LONG_RUN or bool(_ELEVEN.search(run)) or _holds_valid_niss(digits)


def _mask_run(match: re.Match) -> str:
    return _MASKED_RUN if _holds_niss(match.group()) else match.group()


def masked(text: str) -> str:
    """``text`` with every run that holds a national number replaced by « ••••••••••• »: a user's text
    quoted in a message (``shown``) or put in an output as data (a JSON field)."""
    return _NISS_RUN.sub(_mask_run, text)


_NISS_SEPARATORS = str.maketrans("", "", " .-/\u00a0\u202f")


def niss_digits(raw) -> str | None:
    """The 11 digits of a value that looks like a national number, else None.

    Text: 11 digits once spaces, dots, hyphens and slashes are taken out (any 11 digits: an invalid
    checksum may be a typing error in a real number). A number: an integer of 11 digits, or of 10 whose
    11-digit form (the leading zero a number cell loses for people born 2000-2009) passes the NISS check.
    Called on values already being reported, or on numbers of 10^9 and more: never on the common path.
    """
    if raw.__class__ is str:
        digits = raw.strip().translate(_NISS_SEPARATORS)
        return digits if len(digits) == 11 and digits.isascii() and digits.isdigit() else None
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)):
        return None
    try:
        if raw != raw or not 1_000_000_000 <= raw < 100_000_000_000 or raw != int(raw):
            return None
    except (OverflowError, ValueError):
        return None
    digits = str(int(raw)).zfill(11)
    return digits if raw >= 10_000_000_000 or is_valid_niss(digits) else None


def looks_like_niss(raw) -> bool:
    return niss_digits(raw) is not None


# ------------------------------------------------------------------------------------ numbers
def decimal_of_float(v: float) -> Decimal:
    """A spreadsheet number as Decimal, at the 15 significant digits Excel itself keeps.

    ``Decimal(str(v))`` would carry binary noise such as 0.30000000000000004 into euros.
    """
    return Decimal(format(v, ".15g"))


_NUMBER_TEXT = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")
# Digits in groups separated by spaces or apostrophes ("1 234,5", "1'234"): a thousands separator.
_GROUPED = re.compile(r"^\d+([\s\u00a0\u202f']\d+)+([.,]\d*)?$")

_NUMBER_EXPECTED = Text("un nombre (décimales avec une virgule ou un point, sans séparateur de milliers)",
                        "a number (decimals with a comma or a point, no thousands separator)")
_AMBIGUOUS_EXPECTED = Text(
    "un nombre sans séparateur de milliers, par exemple 1234,5 (1.234,5 ou 1 234 sont ambigus)",
    "a number without thousands separator, e.g. 1234,5 (1.234,5 or 1 234 are ambiguous)")


def _number_from_text(text: str) -> Decimal:
    body = text
    sign = ""
    if body[:1] in "+-":
        sign, body = body[:1], body[1:].strip()
    if (_SPACES.search(body) or "'" in body) and _GROUPED.match(body):
        raise Invalid("ambiguous_number", _AMBIGUOUS_EXPECTED)
    commas, points = body.count(","), body.count(".")
    if (commas and points) or commas > 1 or points > 1:
        raise Invalid("ambiguous_number", _AMBIGUOUS_EXPECTED)
    body = sign + body
    if not _NUMBER_TEXT.match(body):
        raise Invalid("invalid_number", _NUMBER_EXPECTED)
    try:
        return _bounded(Decimal(body.replace(",", ".")))
    except InvalidOperation:  # pragma: no cover - the pattern above already excludes it
        raise Invalid("invalid_number", _NUMBER_EXPECTED) from None


# A spreadsheet keeps 15 significant digits: a number of 10^15 or more is no figure of an EI (no etp,
# hours, amount or count comes near), and the rules' roundings to the cent would overflow on it.
_TOO_LARGE = Decimal(10) ** 15
_TOO_LARGE_EXPECTED = Text("un nombre de moins de 16 chiffres avant la virgule",
                           "a number with fewer than 16 digits before the decimal point")


def _bounded(value: Decimal) -> Decimal:
    if not -_TOO_LARGE < value < _TOO_LARGE:
        raise Invalid("invalid_number", _TOO_LARGE_EXPECTED)
    return value


def to_number(raw) -> Decimal:
    t = type(raw)
    if t is float:
        if raw != raw or raw in (_INF, -_INF):   # NaN or infinity: no spreadsheet number
            raise Invalid("invalid_number", _NUMBER_EXPECTED)
        return _bounded(decimal_of_float(raw))  # after the conversion: 999999999999999.9 becomes 1E+15
    if t is int:
        return _bounded(Decimal(raw))
    if t is str:
        return _number_from_text(raw)
    raise Invalid("invalid_number", _NUMBER_EXPECTED)


_INF = float("inf")


_MONEY_EXPECTED = Text("un montant en euros (par exemple 1850,25 ou 1850,25 €)",
                       "an amount in euros (e.g. 1850,25 or 1850,25 €)")
_CURRENCY = re.compile(r"(€|\bEUR\b|\beur\b)")


_NISS_IN_MONEY_EXPECTED = Text(
    "un montant en euros ; cette valeur ressemble à un numéro national (NISS) : vérifiez la colonne",
    "an amount in euros; this value looks like a national number (NISS): check the column")


# An amount typed as text with one point or comma followed by exactly three digits, after one to three
# others: « 2.500 » is 2 500 € written with a thousands point as often as 2,50 €. Cents have two decimals,
# so such an amount is refused rather than read as 2,50 € (docs/interpretations.md).
_THOUSANDS_LIKE = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")
_AMBIGUOUS_MONEY_EXPECTED = Text(
    "un montant sans séparateur de milliers et avec au plus deux décimales, par exemple 1850 ou 18,50 "
    "(« 1.850 » peut se lire des deux façons)",
    "an amount without thousands separator and with at most two decimals, e.g. 1850 or 18,50 (“1.850” can "
    "be read either way)")


def to_money(raw) -> Decimal:
    if type(raw) is str:
        text = _CURRENCY.sub("", raw).strip()
        if not text:
            raise Invalid("invalid_number", _MONEY_EXPECTED)
        try:
            value = _number_from_text(text)
        except Invalid as exc:
            if exc.code == "ambiguous_number" or exc.expected is _TOO_LARGE_EXPECTED:
                raise
            raise Invalid("invalid_number", _MONEY_EXPECTED) from None
        if _THOUSANDS_LIKE.match(text):
            raise Invalid("ambiguous_number", _AMBIGUOUS_MONEY_EXPECTED)
    else:
        try:
            value = to_number(raw)
        except Invalid as exc:
            if exc.expected is _TOO_LARGE_EXPECTED:
                raise
            raise Invalid("invalid_number", _MONEY_EXPECTED) from None
    _refuse_niss(value, "niss_in_amount", _NISS_IN_MONEY_EXPECTED)
    return value


_ONE_BILLION = Decimal(1_000_000_000)


def _refuse_niss(value: Decimal, code: str, expected: Text) -> None:
    """A whole number whose 11-digit form (zero-padded: a number cell, or a text read as a number, loses
    the leading zero of people born in 2000-2009) is a valid national number — by the 19xx or the 20xx
    checksum rule — is a NISS in the wrong column. Only numbers of 10 digits or more are looked at (one
    compare on the common path): no amount, hours or etp of an EI comes near 10^9."""
    if value >= _ONE_BILLION:
        digits = niss_digits(value)
        if digits is not None and is_valid_niss(digits):
            raise Invalid(code, expected)


_NISS_IN_NUMBER_EXPECTED = Text(
    "un nombre ; cette valeur ressemble à un numéro national (NISS) : vérifiez la colonne",
    "a number; this value looks like a national number (NISS): check the column")


def to_quantity(raw) -> Decimal:
    """A number column's value (``to_number``: etp, heures, mois_sans_emploi…); like an amount, one that is
    a valid national number (``_refuse_niss``) is refused — it would be a NISS typed in the wrong column,
    taken for billions of hours."""
    value = to_number(raw)
    _refuse_niss(value, "niss_in_number", _NISS_IN_NUMBER_EXPECTED)
    return value


_SECONDS_PER_HOUR = Decimal(3600)


def to_hours(raw) -> Decimal:
    """``heures`` (Paie, Suivi): a number as ``to_quantity`` reads it, or a duration as payroll exports and
    French Excel show hours — 164:40 in an [h]:mm cell (a duration), 3:30 in an h:mm cell (a time of day,
    under 24 h) — read as decimal hours, exactly: the whole seconds ÷ 3600 (164:40 = 9 880 min ÷ 60 =
    164,666…, 3:30 = 3,5). docs/interpretations.md."""
    if raw.__class__ is timedelta or raw.__class__ is time:
        return Decimal(_seconds(raw)) / _SECONDS_PER_HOUR
    if raw.__class__ is str and raw.startswith("P"):
        # An .ods duration of 24 h or more: python-calamine gives LibreOffice's ISO 8601 text (PT151H40M00S,
        # P6DT20H40M00S) where it gives a time under 24 h; the same hours as in an .xlsx.
        found = _ISO_DURATION.fullmatch(raw)
        if found and any(found.groups()):
            days, hours, minutes, seconds = (float(g or 0) for g in found.groups())
            duration = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
            return Decimal(_seconds(duration)) / _SECONDS_PER_HOUR
    return to_quantity(raw)


_ISO_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?")


# ------------------------------------------------------------------------------------ ids, text
_ID_EXPECTED = Text("un identifiant court (texte ou nombre entier, 40 caractères au plus, sans caractère "
                    "invisible)", "a short id (text or whole number, at most 40 characters, nothing invisible)")
_INTEGRAL_TEXT = re.compile(r"^(\d+)\.0+$")


MAX_ID_LENGTH = 40


_NISS_ID_EXPECTED = Text(
    "un identifiant interne (par exemple 1, 2 ou T001), pas le numéro national : l'identifiant est affiché "
    "dans tous les résultats, le numéro national ne doit l'être nulle part",
    "an internal id (e.g. 1, 2 or T001), not the national number: the id is shown in every output, the "
    "national number must never be")


# A formula typed in a cell formatted as Text (the template gives ids, national and BCE numbers that format, so
# that leading zeros survive) is not calculated: the spreadsheet stores « =Personnel!A2 » as the text itself.
_FORMULA_AS_TEXT_HINT = Text(
    " C'est sans doute une formule enregistrée comme texte (une cellule au format Texte, celui que le modèle donne "
    "à cette colonne) : le tableur ne l'a pas calculée ; tapez la valeur elle-même, ou mettez la cellule au format "
    "Standard et validez la formule à nouveau",
    " It is probably a formula stored as text (a cell with the Text format, the one the template gives this "
    "column): the spreadsheet did not calculate it; type the value itself, or give the cell the General format and "
    "enter the formula again")


def _formula_as_text(text: str) -> bool:
    """``text`` is a formula the spreadsheet stored as text (« =Personnel!A2 », « =RECHERCHEV(…) »): no id, national
    or BCE number begins with « = »."""
    return text[:1] == "=" and len(text) > 1


def to_id(raw) -> str:
    t = type(raw)
    if t is str:
        if _formula_as_text(raw):
            raise Invalid("invalid_id", _ID_EXPECTED, hint=_FORMULA_AS_TEXT_HINT, hint_quotes=False)
        # An id is repeated in every message and output: short, and nothing invisible in it.
        if len(raw) > MAX_ID_LENGTH or INVISIBLE.search(raw):
            raise Invalid("invalid_id", _ID_EXPECTED)
        m = _INTEGRAL_TEXT.match(raw)
        text = m.group(1) if m else raw
        if len(text) >= 10:
            _refuse_niss_id(text)
        return text
    if t is float:
        if raw.is_integer():
            text = str(int(raw))
            if not -1_000_000_000 < raw < 1_000_000_000:
                _refuse_niss_id(text)
            return text
        raise Invalid("invalid_id", _ID_EXPECTED)
    if t is int:
        text = str(raw)
        if not -1_000_000_000 < raw < 1_000_000_000:
            _refuse_niss_id(text)
        return text
    raise Invalid("invalid_id", _ID_EXPECTED)


def _refuse_niss_id(text: str) -> None:
    """A worker id that holds a national number: the id is printed in every table and JSON (spec/cli.md:
    no national number in any output). Refused: 11 digits written together (87112377700, W87112377749),
    whatever the checksum — a mistyped number still holds a birth date; digits split by separators
    when 11 of them in a row are a valid number (871123_77749, 85.10.03-746.49); and 10 digits that are
    a valid NISS once the leading zero a number cell loses (people born in 2000-2009) is put back. An id
    built from a date and a sequence number (W2023-01-00045, 20240115-001) stays an id. The refusal
    never quotes the id. Reached only by ids of 10 characters or more, once per distinct id."""
    for match in _NISS_RUN.finditer(text):
        run = match.group()
        digits = _run_digits(run)
        if _ELEVEN.search(run) or len(digits) > _LONG_RUN or _holds_valid_niss(digits):
            raise Invalid("niss_as_worker_id", _NISS_ID_EXPECTED, quoted=False)
    digits = text.lstrip("+-")
    if len(digits) == 10 and digits.isascii() and digits.isdigit() and is_valid_niss("0" + digits):
        raise Invalid("niss_as_worker_id", _NISS_ID_EXPECTED, quoted=False)


def to_text(raw) -> str:
    t = type(raw)
    if t is str:
        return raw
    if t is float:
        return str(int(raw)) if raw.is_integer() else format(raw, ".15g")
    if isinstance(raw, (date, datetime)):
        return raw.isoformat()
    return str(raw)


# ------------------------------------------------------------------------------------ dates
_DATE_EXPECTED = Text("une date (date Excel, JJ/MM/AAAA ou AAAA-MM-JJ)",
                      "a date (Excel date, DD/MM/YYYY or YYYY-MM-DD)")
_MONTH_EXPECTED = Text("un mois (MM/AAAA, AAAA-MM ou une date du mois)",
                       "a month (MM/YYYY, YYYY-MM or any date in the month)")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# ISO dates as some writers (ODS, CSV exports) give them, possibly with a midnight time.
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_MY = re.compile(r"^(\d{1,2})/(\d{4})$")
# « 2024-3 » as well as « 2024-03 »: Paie.mois is typed by hand or exported, and read more tolerantly on purpose
# than ``periods.Month.parse``, the strict « AAAA-MM » of the command line (``ei batch --month``).
_YM = re.compile(r"^(\d{4})-(\d{1,2})$")


def _date_from_text(text: str, expected: Text) -> date:
    m = _DMY.match(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
    else:
        m = _YMD.match(text)
        if not m:
            raise Invalid("invalid_date", expected)
        y, mo, d = (int(g) for g in m.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        raise Invalid("invalid_date", Text("une date qui existe au calendrier",
                                           "a date that exists in the calendar")) from None


# The years a date of the workbook can fall in: no worker was born, hired or paid, and no agrément
# granted, outside them; a year 1 or 9999 is a typing error, and the periods counted from it (anniversaries,
# agrément years, forecasts) would leave the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2099
_YEAR_EXPECTED = Text(f"une date entre {FIRST_YEAR} et {LAST_YEAR}", f"a date between {FIRST_YEAR} and {LAST_YEAR}")


def _in_years(d: date, cell: bool = False) -> date:
    """``d`` if its year is plausible. ``cell``: ``d`` was a date cell, not text — a date cell on or before
    LibreOffice's day 0 (30/12/1899; a negative value before it) is Excel's 00/01/1900, a lookup that found
    nothing; a date typed as text (15/03/1885) is a typing slip, without that hint."""
    if not FIRST_YEAR <= d.year <= LAST_YEAR:
        zero = cell and d <= _EXCEL_EPOCH
        raise Invalid("invalid_date", _YEAR_EXPECTED, hint=_ZERO_DATE_HINT if zero else None)
    return d


def _any_date(raw) -> date:
    """A date cell or text, whatever its year."""
    t = type(raw)
    if t is date:
        return raw
    if t is datetime:
        return raw.date()
    if t is str:
        return _date_from_text(raw, _DATE_EXPECTED)
    raise _not_a_date(raw, "invalid_date", _DATE_EXPECTED)


# Excel's day 0: a date cell holding 0 — a lookup that found nothing — shows « 00/01/1900 » (calamine gives
# a time of day, 00:00, for any value under 1).
_ZERO_DATE_FOUND = Text("00/01/1900", "00/01/1900")
_ZERO_DATE_HINT = Text(
    " C'est la date zéro du tableur (00/01/1900 dans Excel, 30/12/1899 dans LibreOffice) : la cellule vaut 0 (ou "
    "moins), souvent une formule de recherche qui ne trouve rien ; faites-lui renvoyer la date, ou une cellule "
    "vide quand il n'y en a pas",
    " It is the spreadsheet's zero date (00/01/1900 in Excel, 30/12/1899 in LibreOffice): the cell holds 0 (or "
    "less), often a lookup formula that found nothing; make it return the date, or an empty cell when there "
    "is none")
_EXCEL_EPOCH = date(1899, 12, 30)   # serial 0 of the 1900 date system, as from 1 March 1900 on
# The serials of 1990-01-01 to 2100-12-31: a number there in a date column is likely a date whose cell lost
# its date format (General): 45352 is 01/03/2024. Only said as a likelihood, never read as a date.
_FIRST_SERIAL, _LAST_SERIAL = (date(1990, 1, 1) - _EXCEL_EPOCH).days, (date(2100, 12, 31) - _EXCEL_EPOCH).days


def _not_a_date(raw, code: str, expected: Text) -> Invalid:
    """The refusal of a cell that is no date, saying what it likely is: Excel's zero date (a time of day:
    a value under 1 in a date cell), or a date serial in a cell without date format."""
    t = type(raw)
    if _zero_time(raw):   # the value 0 (midnight); another time is one typed
        return Invalid(code, expected, found=_ZERO_DATE_FOUND, hint=_ZERO_DATE_HINT)
    if (t is float or t is int) and _FIRST_SERIAL <= raw <= _LAST_SERIAL:
        serial, day = Text(shown(raw), shown(raw, "en")), (_EXCEL_EPOCH + timedelta(days=int(raw))).strftime("%d/%m/%Y")
        return Invalid(code, expected, hint=Text(
            f" {serial.fr} ressemble à une date sans format de date ({serial.fr} = {day}) : donnez à la cellule le "
            "format Date",
            f" {serial.en} looks like a date without a date format ({serial.en} = {day}): give the cell the Date "
            "format"))
    return Invalid(code, expected)


def to_date(raw) -> date:
    return _in_years(_any_date(raw), raw.__class__ is not str)


_NO_END = date(9999, 12, 31)


def to_exit_date(raw) -> date | None:
    """``date_sortie``: a date as ``to_date`` reads it, but 31/12/9999 — the « no end » of payroll and HR
    exports — is read as empty (still employed), not as a typing error (docs/interpretations.md)."""
    found = _any_date(raw)
    return None if found == _NO_END else _in_years(found, raw.__class__ is not str)


def to_month(raw) -> Month:
    t = type(raw)
    if t is date or t is datetime:
        if not FIRST_YEAR <= raw.year <= LAST_YEAR:
            raise Invalid("invalid_month", _YEAR_EXPECTED)
        return Month(raw.year, raw.month)
    if t is str:
        m = _MY.match(raw)
        if m:
            mo, y = int(m.group(1)), int(m.group(2))
        else:
            m = _YM.match(raw)
            if m:
                y, mo = int(m.group(1)), int(m.group(2))
            else:
                try:
                    d = _date_from_text(raw, _MONTH_EXPECTED)
                except Invalid as exc:
                    raise Invalid("invalid_month", exc.expected) from None
                y, mo = d.year, d.month
        if not 1 <= mo <= 12:
            raise Invalid("invalid_month", _MONTH_EXPECTED)
        if not FIRST_YEAR <= y <= LAST_YEAR:
            raise Invalid("invalid_month", _YEAR_EXPECTED)
        return Month(y, mo)
    raise _not_a_date(raw, "invalid_month", _MONTH_EXPECTED)


def holds_dates(values) -> bool:
    """Whether a column's values (blank cells left out) are dates: one date cell or date typed as text
    (« 30/06/2024 ») anywhere is enough (« en cours » above the exit dates does not hide them); numbers count
    only when every value is a whole number a date serial can be (1990–2100: a date column that lost its
    format), the zero date aside — not amounts (36 000 is a serial too, 35 120,50 is no day), row numbers,
    check boxes, times or notes."""
    serials, other = 0, False
    for v in values:
        t = v.__class__
        if t is date or t is datetime:
            return True
        if t is str:
            try:
                _any_date(v.strip())
                return True
            except Invalid:
                other = True
        elif (t is float or t is int) and _FIRST_SERIAL <= v <= _LAST_SERIAL and v == int(v):
            serials += 1   # a whole day number: 35 120,50 is an amount (infinity, NaN: out of range, never int())
        elif v == 0 or _zero_time(v):
            continue       # the spreadsheet's zero date (a lookup that found nothing) decides nothing
        else:
            other = True
    return serials > 0 and not other


def reads_as_figure(raw) -> bool:
    """A number or a date — a cell of that type, or text that reads as one (« 14/05/1976 », « 0,5 »,
    « 03/2024 »): a data value rather than a column name, never quoted as a header (it may be a birth
    date). Called on unknown headers only."""
    if raw.__class__ is not str:
        return True
    text = raw.strip()
    for convert in (_number_from_text, _any_date, to_month):
        try:
            convert(text)
            return True
        except Invalid:
            pass
    return False


# ------------------------------------------------------------------------------------ booleans
_BOOL_EXPECTED = Text("oui ou non (aussi o/n, yes/no, true/false, 1/0, x)",
                      "oui or non (also o/n, yes/no, true/false, 1/0, x)")


def to_bool(raw) -> bool:
    t = type(raw)
    if t is bool:
        return raw
    if t is float or t is int:
        if raw == 1:
            return True
        if raw == 0:
            return False
        raise Invalid("invalid_boolean", _BOOL_EXPECTED)
    if t is str:
        key = normalize_name(raw)
        if key in schema.TRUE_WORDS:
            return True
        if key in schema.FALSE_WORDS:
            return False
    raise Invalid("invalid_boolean", _BOOL_EXPECTED)


# ------------------------------------------------------------------------------------ enums
# Region names in English and Dutch too, since Brussels workbooks may be written in Dutch.
_ENUM_SYNONYMS = {
    Region: {"wallonia": Region.WALLONIE, "wallonie": Region.WALLONIE, "wallonien": Region.WALLONIE,
             "brussels": Region.BRUXELLES, "brussel": Region.BRUXELLES,
             "bruxellescapitale": Region.BRUXELLES, "brusselshoofdstad": Region.BRUXELLES},
}
_ENUM_CLASSES = (Region, ContractType, Function, Diploma, FollowUpType)


@lru_cache(maxsize=64)
def enum_converter(choices: tuple[str, ...]):
    """Converter for an ENUM column: case- and accent-insensitive → the model's enum member.

    Built once per set of choices (the contract has a handful), not once per sheet read.
    """
    cls = next((e for e in _ENUM_CLASSES if {str(v) for v in e} == set(choices)), None)
    lookup: dict[str, Enum | str] = {}
    for choice in choices:
        lookup[normalize_name(choice)] = cls(choice) if cls else choice
    if cls in _ENUM_SYNONYMS:
        lookup.update(_ENUM_SYNONYMS[cls])
    expected = Text("une des valeurs : " + ", ".join(choices), "one of: " + ", ".join(choices))

    def convert(raw):
        if type(raw) is str:
            member = lookup.get(normalize_name(raw))
            if member is not None:
                return member
        raise Invalid("invalid_choice", expected)

    return convert


# ------------------------------------------------------------------------------------ NISS, BCE
_NISS_EXPECTED = Text("un numéro de registre national ou BIS valide (11 chiffres, contrôle modulo 97)",
                      "a valid national register or BIS number (11 digits, mod 97 check)")
_BCE_EXPECTED = Text("un numéro d'entreprise BCE valide (10 chiffres, contrôle modulo 97)",
                     "a valid BCE/KBO enterprise number (10 digits, mod 97 check)")


def _digits(raw, width: int) -> str:
    if type(raw) is float and raw.is_integer():
        # A number-typed cell loses the leading zero of people born in 2000-2009.
        return str(int(raw)).zfill(width)
    if type(raw) is int:
        return str(raw).zfill(width)
    if type(raw) is str:
        return raw
    return ""


def _surely_valid_niss(text: str) -> bool:
    """True for 11 ASCII digits that ``stdnum.be.nn`` or ``stdnum.be.bis`` accepts, by their own rules.

    A shortcut for the common case only (stdnum cleans the text three times per number): False means
    "ask stdnum", which then decides. Rules: a month field 00-12 (national register) or 20-32 / 40-52
    (BIS), and 97 - (first nine digits mod 97) equal to the last two, the nine digits prefixed with a
    2 for people born from 2000 on (possible only when 20YY is not after this year: ``periods.today``'s, the
    year in Belgium, as every other « today » of ei).
    """
    if len(text) != 11 or not text.isascii() or not text.isdigit():
        return False
    month = int(text[2:4])
    if not (month <= 12 or 20 <= month <= 32 or 40 <= month <= 52) or int(text) <= 0:
        return False
    base, check = int(text[:9]), int(text[9:])
    if 97 - base % 97 == check:
        return True
    return (int(text[:2]) + 2000 <= periods.today().year and 97 - (2_000_000_000 + base) % 97 == check)


def niss_birth_date(number: str) -> date | None:
    """The birth date a national number (11 digits, as ``to_niss`` gives it) holds, or None when it holds
    none wholly known: a BIS number (month field 20-32 or 40-52: no warning is built on it), a month or a day
    00 (a birth date partly unknown when the number was given, or a day's serials used up), a day past the
    month's end, the register's fictitious dates (month 00) — what ``stdnum.be.nn.get_birth_date`` gives for
    a number ``stdnum.be.nn.is_valid`` accepts, without importing stdnum (~25 ms, more than reading a workbook).

    stdnum gives a date only for a month field 01-12 and a day of that month, read here the same way: its
    century the one whose checksum ``to_niss`` accepted (1900 first, as stdnum tries it). Every other number
    gets None from stdnum too (``nn.is_valid`` refuses a month field past 12, a BIS number) — checked over
    every month field 00-52 and day 00-35, both centuries (tests/test_fast_paths.py).
    """
    month, day = int(number[2:4]), int(number[4:6])
    if 1 <= month <= 12 and day >= 1:
        base, check = int(number[:9]), int(number[9:])
        year = (1900 if 97 - base % 97 == check else 2000) + int(number[:2])
        if day <= days_in_month(year, month):
            return date(year, month, day)
    return None


def is_valid_niss(digits: str) -> bool:
    """True for 11 digits that are a valid national register or BIS number (``to_niss`` accepts them)."""
    try:
        to_niss(digits)
    except Invalid:
        return False
    return True


def to_niss(raw) -> str:
    text = _digits(raw, 11)
    if _surely_valid_niss(text):
        return text  # what nn.compact gives back for 11 ASCII digits
    if _formula_as_text(text):
        raise Invalid("invalid_niss", _NISS_EXPECTED, hint=_FORMULA_AS_TEXT_HINT, hint_quotes=False)
    from stdnum.be import bis, nn  # lazy: only workbooks with an unusual niss pay for it

    try:
        number = nn.compact(text)
    except Exception:
        raise Invalid("invalid_niss", _NISS_EXPECTED) from None
    if nn.is_valid(number) or bis.is_valid(number):
        return number
    raise Invalid("invalid_niss", _NISS_EXPECTED)


# What ``stdnum.be.vat.compact`` removes from an ASCII number (its ``clean(number, ' -./')``).
_BCE_SEPARATORS = str.maketrans("", "", " -./")


def _surely_valid_bce(text: str) -> str | None:
    """The number ``stdnum.be.vat.validate`` gives for a plainly written, valid BCE number; else None.

    A shortcut for the common case (``0403.019.261``, ``0403019261``): importing stdnum costs ~25 ms,
    more than reading a workbook, and every process reading one would pay it for this single cell.
    None means "ask stdnum", which then decides. For ASCII text, stdnum's ``compact`` only removes
    spaces, hyphens, dots and slashes (and handles ``BE``, ``(0)`` and the old 9-digit form, left to
    it here); ``validate`` then wants 10 digits, a first digit 0 or 1, a number above zero and
    (first eight digits + last two) mod 97 = 0.
    """
    if not text.isascii():
        return None
    number = text.translate(_BCE_SEPARATORS)
    if (len(number) != 10 or not number.isdigit() or number[0] not in "01" or int(number) <= 0
            or (int(number[:8]) + int(number[8:])) % 97 != 0):
        return None
    return number


def to_bce(raw) -> str:
    text = _digits(raw, 10)
    number = _surely_valid_bce(text)
    if number is not None:
        return number
    if _formula_as_text(text):
        raise Invalid("invalid_bce", _BCE_EXPECTED, hint=_FORMULA_AS_TEXT_HINT, hint_quotes=False)
    from stdnum.be import vat  # lazy: only a number written otherwise, or invalid, pays for it

    try:
        return vat.validate(text)
    except Exception:
        raise Invalid("invalid_bce", _BCE_EXPECTED) from None


def bce_text(number: str) -> str:
    """A BCE number as ``to_bce`` gives it (10 digits) written as the register writes it: ``0403.019.261``."""
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


# ------------------------------------------------------------------------------------ dispatch
_BY_KIND = {
    schema.TEXT: to_text, schema.ID: to_id, schema.DATE: to_date, schema.MONTH: to_month,
    schema.BOOL: to_bool, schema.NUMBER: to_quantity, schema.MONEY: to_money,
    schema.NISS: to_niss, schema.BCE: to_bce,
}


def converter(column: schema.Column):
    """The converter of one contract column (built once per sheet, not per cell)."""
    if column.kind == schema.ENUM:
        return enum_converter(column.choices)
    if column.field == "exit_date":  # the one date where 31/12/9999 is a known « no end »
        return to_exit_date
    if column.field == "hours":      # the one number a duration (164:40) may be typed as
        return to_hours
    return _BY_KIND[column.kind]
