# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Read and check a spreadsheet of manual indicator values; write its template.

The layout a user fills in:

- the first sheet of an ``.xlsx`` workbook; row 1 is a header row, values
  start on row 2 and blank rows are skipped;
- the columns are found by their header, in English, Spanish, Portuguese or
  French (case, accents, spaces and punctuation do not matter). When no header
  is recognised at all, the columns are taken by position: A indicator code,
  B period, C value, D unit, E comment; row 1 is then read as data if its
  value cell holds a number (a file without header). Other columns (such as
  the template's indicator name) are ignored;
- code, period, value and unit are required on every row; the comment is not.

Every row is checked against what the caller looked up (indicators, periods,
existing values) and every problem of every row is reported, so that a file
is fixed in one pass. The caller turns the error codes into messages.

A file is bounded so that no upload ties up the server: at most
:data:`MAX_FILE_BYTES` bytes, :data:`MAX_UNPACKED_BYTES` once unzipped,
:data:`MAX_ROWS` rows of values and :data:`MAX_SHEET_ROWS` rows read in all
(blank ones included), and only the first :data:`MAX_COLUMNS` columns are
read. The sheet is streamed, row by row, and reading stops at the first
limit passed.
"""

import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime

import openpyxl
import xlsxwriter
from openpyxl.utils.exceptions import InvalidFileException

from . import values as plausibility

COLUMNS = ("code", "period", "value", "unit", "comment")
REQUIRED_COLUMNS = ("code", "period", "value", "unit")

# Header the template writes, per language; each is also recognised on import.
HEADERS = {
    "en": ("Indicator code", "Period", "Value", "Unit", "Comment"),
    "es": ("Código del indicador", "Período", "Valor", "Unidad", "Comentario"),
    "pt": ("Código do indicador", "Período", "Valor", "Unidade", "Comentário"),
    "fr": ("Code de l'indicateur", "Période", "Valeur", "Unité", "Commentaire"),
}
# Other headers people write, recognised as well.
ALIASES = {
    "code": ("code", "codigo", "codigo indicador", "code indicateur"),
    "period": ("periodo", "periode"),
    "value": ("value", "valor", "valeur"),
    "unit": ("units", "unidades", "unites"),
    "comment": (
        "comments",
        "comentarios",
        "observaciones",
        "observacoes",
        "commentaires",
        "notes",
    ),
}

YES_WORDS = {"yes", "si", "sim", "oui", "true", "verdadero", "verdadeiro", "vrai"}
NO_WORDS = {"no", "nao", "non", "false", "falso", "faux"}
NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_SHEET_ROWS = 100_000
MAX_COLUMNS = 50
# What openpyxl raises on a damaged archive, XML or cell (e.g. ParseError, a
# SyntaxError; ValueError for a number cell holding "12abc").
READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    InvalidFileException,
    KeyError,
    IndexError,
    TypeError,
    OSError,
    EOFError,
    ValueError,
    SyntaxError,
)

# Error codes of a row; the caller words them.
EMPTY_CELLS = "empty_cells"
UNKNOWN_INDICATOR = "unknown_indicator"
NOT_MANUAL = "not_manual"
UNKNOWN_PERIOD = "unknown_period"
PERIOD_LOCKED = "period_locked"
UNIT_MISMATCH = "unit_mismatch"
NOT_A_NUMBER = "not_a_number"
IMPLAUSIBLE = "implausible"
NOT_DRAFT = "not_draft"
DUPLICATE = "duplicate"


class NotXlsx(Exception):
    """The content is not an Excel workbook that can be read."""


class BrokenSheet(NotXlsx):
    """The workbook opens but its sheet cannot be read past row ``row``
    (the last row read whole, 0 when none)."""

    def __init__(self, row):
        super().__init__(row)
        self.row = row


class FileTooLarge(Exception):
    """The file is over ``limit`` bytes (``unpacked``: once unzipped)."""

    def __init__(self, limit, unpacked=False):
        super().__init__(limit, unpacked)
        self.limit = limit
        self.unpacked = unpacked


class TooManyRows(Exception):
    """The sheet has more than ``limit`` rows of values, or when
    ``blank_included`` more than ``limit`` rows in all."""

    def __init__(self, limit, blank_included=False):
        super().__init__(limit, blank_included)
        self.limit = limit
        self.blank_included = blank_included


class MissingColumns(Exception):
    """The header row names some columns but not every required one."""

    def __init__(self, columns):
        super().__init__(columns)
        self.columns = columns


@dataclass(frozen=True)
class Row:
    number: int
    code: str
    period: str
    value: object
    unit: str
    comment: str


@dataclass(frozen=True)
class IndicatorSpec:
    """What the checks need to know of an indicator."""

    code: str
    manual: bool
    value_type: str
    allow_negative: bool
    units: frozenset  # normalised spellings accepted (one per language)
    unit: str  # the spelling shown in messages


@dataclass(frozen=True)
class RowError:
    row: int
    kind: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Accepted:
    row: Row
    code: str
    period: str
    value: float


# -- text helpers -----------------------------------------------------------


def fold(text):
    """Lower case, no accents, punctuation as single spaces.

    >>> fold("  Código del  Indicador: ")
    'codigo del indicador'
    >>> fold("Code de l'indicateur")
    'code de l indicateur'
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w%/]+", " ", bare.casefold()).split())


def normalise_unit(unit):
    """The unit as compared: case, spaces, accents and sub/superscripts ignored.

    >>> normalise_unit("m³") == normalise_unit(" M3 ")
    True
    >>> normalise_unit("t CO₂e") == normalise_unit("tCO2e")
    True
    >>> normalise_unit("%"), normalise_unit("h/employee")
    ('%', 'h/employee')
    """
    decomposed = unicodedata.normalize("NFKD", str(unit or ""))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "".join(bare.casefold().split())


def cell_text(value):
    """A cell as text: numbers without a spurious ".0", dates in ISO.

    >>> cell_text(None), cell_text(" ENV-12 "), cell_text(2025.0), cell_text(2.5)
    ('', 'ENV-12', '2025', '2.5')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def period_text(value):
    """A period cell as the period's name.

    Spreadsheets turn a typed "2025-03" into the date 1 March 2025 and "2025"
    into a number; both are read back as the name they were typed as.

    >>> period_text(datetime(2025, 3, 1)), period_text(2025), period_text("2025-Q1")
    ('2025-03', '2025', '2025-Q1')
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date) and value.day == 1:
        return f"{value:%Y-%m}"
    return cell_text(value)


def _as_number(raw, value_type):
    """The number of a value cell, or None when it holds no number.

    Numbers take a dot or a comma as decimal mark (no thousands separator).
    Yes/no indicators also take yes/no words in the four languages.

    >>> _as_number("12,5", "quantity"), _as_number(3, "quantity")
    (12.5, 3.0)
    >>> _as_number("Sí", "boolean"), _as_number("não", "boolean")
    (1.0, 0.0)
    >>> _as_number("yes", "quantity"), _as_number("1.234,5", "quantity")
    (None, None)
    >>> _as_number("45 %", "percentage")
    45.0
    """
    if isinstance(raw, bool):
        return float(raw) if value_type == "boolean" else None
    if isinstance(raw, int | float):
        return float(raw)
    if not isinstance(raw, str):
        return None
    text = "".join(raw.split())
    if value_type == "boolean" and fold(text) in YES_WORDS | NO_WORDS:
        return 1.0 if fold(text) in YES_WORDS else 0.0
    if value_type == "percentage" and text.endswith("%"):
        text = text[:-1]
    if not NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


# -- reading ----------------------------------------------------------------


def read_rows(content):
    """The filled rows of the first sheet of an ``.xlsx`` workbook.

    Raises NotXlsx for anything that is not a readable workbook (BrokenSheet
    when its sheet is damaged), FileTooLarge and TooManyRows past the limits
    and MissingColumns when the header names only some required columns.

    >>> read_rows(b"x" * (MAX_FILE_BYTES + 1))
    ... # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    FileTooLarge: (5242880, False)
    """
    check_size(content)
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
    except READ_ERRORS:
        raise NotXlsx() from None
    try:
        if not workbook.worksheets:
            return []
        return _sheet_rows(workbook.worksheets[0])
    finally:
        workbook.close()


def check_size(content):
    """Raise FileTooLarge for a file, or its unzipped parts, over the limits.

    >>> check_size(b"not a zip") is None
    True
    """
    if len(content) > MAX_FILE_BYTES:
        raise FileTooLarge(MAX_FILE_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except READ_ERRORS:
        return  # not a zip: load_workbook says so
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileTooLarge(MAX_UNPACKED_BYTES, unpacked=True)


def _sheet_rows(worksheet):
    sheet_rows = _streamed(worksheet.iter_rows(max_col=MAX_COLUMNS))
    first = list(next(sheet_rows, ()))
    header = [cell.value for cell in first]
    positions = column_positions(header)
    rows = []
    if not header_positions(header) and _is_number(_cell(first, 2)):
        rows.append(_row(1, first, positions))
    for number, cells in enumerate(sheet_rows, start=2):
        if number > MAX_SHEET_ROWS:
            raise TooManyRows(MAX_SHEET_ROWS, blank_included=True)
        row = _row(number, cells, positions)
        if not row:
            continue
        if len(rows) >= MAX_ROWS:
            raise TooManyRows(MAX_ROWS)
        rows.append(row)
    return rows


def _streamed(rows):
    """The sheet's rows, one at a time; a damaged one raises BrokenSheet."""
    number = 0
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except READ_ERRORS:
            raise BrokenSheet(number) from None
        number += 1
        yield cells


def column_positions(header):
    """Column name → index, from the header row or else by position.

    >>> column_positions(["Código del indicador", "Nombre", "Período", "Valor",
    ...                   "Unidad"])
    {'code': 0, 'period': 2, 'value': 3, 'unit': 4}
    >>> column_positions(["ind", "per", "val", "u", "c"])
    {'code': 0, 'period': 1, 'value': 2, 'unit': 3, 'comment': 4}
    """
    positions = header_positions(header)
    if not positions:
        return {column: index for index, column in enumerate(COLUMNS)}
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        raise MissingColumns(missing)
    return positions


def header_positions(header):
    """Column name → index of the recognised titles of ``header`` (maybe none).

    >>> header_positions(["Code de l'indicateur", "Période", "Valeur", "Unité"])
    {'code': 0, 'period': 1, 'value': 2, 'unit': 3}
    """
    known = {}
    for column, names in _recognised_headers().items():
        for name in names:
            known[name] = column
    positions = {}
    for index, title in enumerate(header):
        column = known.get(fold(title)) if title is not None else None
        if column and column not in positions:
            positions[column] = index
    return positions


def _recognised_headers():
    names = {column: {fold(alias) for alias in ALIASES[column]} for column in COLUMNS}
    for titles in HEADERS.values():
        for column, title in zip(COLUMNS, titles, strict=True):
            names[column].add(fold(title))
    return names


def _cell(cells, index):
    return cells[index] if index is not None and index < len(cells) else None


def _is_number(cell):
    value = getattr(cell, "value", None)
    return isinstance(value, int | float) and not isinstance(value, bool)


def _row(number, cells, positions):
    cells = list(cells)

    def raw(column):
        return getattr(_cell(cells, positions.get(column)), "value", None)

    value = raw("value")
    value_cell = _cell(cells, positions["value"])
    # A cell formatted as a percentage holds 0.45 for "45 %".
    if _is_number(value_cell) and "%" in (value_cell.number_format or ""):
        value = round(value * 100, 10)
    row = Row(
        number=number,
        code=cell_text(raw("code")).upper(),
        period=period_text(raw("period")),
        value=value.strip() if isinstance(value, str) else value,
        unit=cell_text(raw("unit")),
        comment=cell_text(raw("comment")),
    )
    if not any((row.code, row.period, row.value not in (None, ""), row.unit)):
        return None if not row.comment else row
    return row


# -- checking ---------------------------------------------------------------


def check_rows(rows, indicators, periods, states):
    """Check every row; return ``(accepted, errors)``.

    :param indicators: upper-case code → IndicatorSpec
    :param periods: period name → True when locked
    :param states: (code, period name) → state of the existing value
    """
    accepted, errors, seen = [], [], {}
    for row in rows:
        row_errors = _row_errors(row, indicators, periods, states, seen)
        errors.extend(row_errors)
        if not row_errors:
            indicator = indicators[row.code]
            number = _as_number(row.value, indicator.value_type)
            accepted.append(Accepted(row, indicator.code, row.period, number))
    return accepted, errors


def _row_errors(row, indicators, periods, states, seen):
    errors = []
    empty = [column for column in REQUIRED_COLUMNS if _blank(getattr(row, column))]
    if empty:
        errors.append(RowError(row.number, EMPTY_CELLS, {"columns": empty}))
    indicator = indicators.get(row.code) if row.code else None
    if row.code and not indicator:
        errors.append(RowError(row.number, UNKNOWN_INDICATOR, {"code": row.code}))
    elif indicator and not indicator.manual:
        errors.append(RowError(row.number, NOT_MANUAL, {"code": indicator.code}))
    if row.period and row.period not in periods:
        errors.append(RowError(row.number, UNKNOWN_PERIOD, {"period": row.period}))
    elif row.period and periods[row.period]:
        errors.append(RowError(row.number, PERIOD_LOCKED, {"period": row.period}))
    errors.extend(_unit_errors(row, indicator))
    errors.extend(_value_errors(row, indicator))
    errors.extend(_state_errors(row, indicator, states))
    if row.code and row.period:
        key = (row.code, row.period)
        if key in seen:
            params = {"code": row.code, "period": row.period, "first": seen[key]}
            errors.append(RowError(row.number, DUPLICATE, params))
        else:
            seen[key] = row.number
    return errors


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _unit_errors(row, indicator):
    if indicator and row.unit and normalise_unit(row.unit) not in indicator.units:
        params = {"code": indicator.code, "unit": row.unit, "expected": indicator.unit}
        return [RowError(row.number, UNIT_MISMATCH, params)]
    return []


def _value_errors(row, indicator):
    if _blank(row.value):
        return []
    value_type = indicator.value_type if indicator else "boolean"
    number = _as_number(row.value, value_type)
    if number is None:
        params = {"value": cell_text(row.value), "yes_no": value_type == "boolean"}
        return [RowError(row.number, NOT_A_NUMBER, params)]
    if not indicator:
        return []
    reason = plausibility.value_error(
        indicator.value_type, indicator.allow_negative, number
    )
    if reason:
        params = {"code": indicator.code, "value": number, "reason": reason}
        return [RowError(row.number, IMPLAUSIBLE, params)]
    return []


def _state_errors(row, indicator, states):
    state = states.get((row.code, row.period)) if indicator else None
    if state and state != "draft":
        params = {"code": indicator.code, "period": row.period, "state": state}
        return [RowError(row.number, NOT_DRAFT, params)]
    return []


# -- template ---------------------------------------------------------------


def template_headers(lang):
    """The template's headers in ``lang`` (English when not one of the four).

    >>> template_headers("pt_BR")[0], template_headers("de_DE")[0]
    ('Código do indicador', 'Indicator code')
    """
    return HEADERS.get((lang or "en").split("_")[0], HEADERS["en"])


def build_template(headers, name_header, lines, notes=None):
    """An ``.xlsx`` to fill in: one row per (code, period, unit, name).

    The value and comment columns are left empty; the name column, last so
    that the file also reads by position, is there for reading and ignored
    on import (its header says so).
    ``notes`` maps a column index to a comment shown on its header.
    """
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet("Values")
    header_format = workbook.add_format(
        {"bold": True, "bg_color": "#D9E2F3", "border": 1, "text_wrap": True}
    )
    # Text cells keep "2025-03" from turning into a date.
    text = workbook.add_format({"num_format": "@"})
    number = workbook.add_format({})
    reading = workbook.add_format({"italic": True, "font_color": "#595959"})
    for index, width in enumerate((16, 12, 14, 16, 40)):
        sheet.set_column(index, index, width, number if index == 2 else text)
    sheet.set_column(5, 5, 60, reading)
    sheet.write_row(0, 0, [*headers, name_header], header_format)
    for row, (code, period, unit, name) in enumerate(lines, start=1):
        sheet.write_string(row, 0, code, text)
        sheet.write_string(row, 1, period, text)
        sheet.write_string(row, 3, unit, text)
        sheet.write_string(row, 5, name, reading)
    for column, note in (notes or {}).items():
        sheet.write_comment(0, column, note, {"x_scale": 2, "y_scale": 1.5})
    sheet.freeze_panes(1, 0)
    workbook.close()
    return output.getvalue()
