# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Write values into the cells of an existing XLSX file without rebuilding
it: EFRAG's VSME Digital Template carries data validations (drop-down lists)
that openpyxl drops when it saves, so the sheets' XML is edited in place.

Only the edited sheets and ``workbook.xml`` are rewritten; every other part
of the archive is copied byte for byte. A written cell keeps its style and
loses its formula (the template's own formulas stay where nothing is
written). Texts go in as inline strings, so the shared-string table stays
untouched. The calculation chain is dropped and the workbook asks to be
recalculated on load, so Excel and LibreOffice refresh every formula that
reads the new values.
"""

import re
import zipfile
from io import BytesIO

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CALC_CHAIN = "xl/calcChain.xml"
CELL_REF = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")


def _q(tag):
    return f"{{{MAIN}}}{tag}"


def split_ref(ref):
    """("AB", 12) of a cell reference; ValueError when it is none.

    >>> split_ref("AB12"), split_ref("$D$5")
    (('AB', 12), ('D', 5))
    >>> split_ref("12B")
    Traceback (most recent call last):
    ValueError: not a cell reference: 12B
    """
    match = CELL_REF.match(ref.replace("$", ""))
    if not match:
        raise ValueError(f"not a cell reference: {ref}")
    return match[1], int(match[2])


def column_number(letters):
    """1-based number of a column: A -> 1, Z -> 26, AA -> 27.

    >>> column_number("A"), column_number("Z"), column_number("AD")
    (1, 26, 30)
    """
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def sheet_paths(archive):
    """{sheet name: path of its XML part} of an open XLSX archive."""
    book = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    paths = {}
    for sheet in book.iter(_q("sheet")):
        target = targets[sheet.get(f"{{{REL}}}id")]
        paths[sheet.get("name")] = (
            target.lstrip("/") if target.startswith("/") else "xl/" + target
        )
    return paths


def _cell(sheet_data, ref):
    """The <c> of ``ref``, created in its row (and the row in the sheet) in
    column order when the sheet has none.

    >>> data = etree.fromstring(
    ...     f'<sheetData xmlns="{MAIN}"><row r="2"><c r="B2"/><c r="D2"/></row>'
    ...     '</sheetData>')
    >>> _ = _cell(data, "C2"), _cell(data, "A1"), _cell(data, "E3")
    >>> [[c.get("r") for c in row] for row in data]
    [['A1'], ['B2', 'C2', 'D2'], ['E3']]
    >>> _cell(data, "D2") is data[1][2]
    True
    """
    letters, row_number = split_ref(ref)
    ref = f"{letters}{row_number}"
    row = None
    for candidate in sheet_data.iterfind(_q("row")):
        number = int(candidate.get("r"))
        if number == row_number:
            row = candidate
            break
        if number > row_number:
            row = etree.Element(_q("row"), r=str(row_number))
            candidate.addprevious(row)
            break
    if row is None:
        row = etree.SubElement(sheet_data, _q("row"), r=str(row_number))
    column = column_number(letters)
    for cell in row.iterfind(_q("c")):
        found_letters, _found_row = split_ref(cell.get("r"))
        if found_letters == letters:
            return cell
        if column_number(found_letters) > column:
            new = etree.Element(_q("c"), r=ref)
            cell.addprevious(new)
            return new
    return etree.SubElement(row, _q("c"), r=ref)


def set_cell(cell, value):
    """Write ``value`` (bool, number or text) into a <c>, in place of its
    formula and cached value; its style stays.

    >>> cell = etree.fromstring(
    ...     f'<c xmlns="{MAIN}" r="D5" s="7" t="str"><f>A1</f><v>-</v></c>')
    >>> set_cell(cell, 12.5)
    >>> etree.tostring(cell).decode().split(">", 1)[1]
    '<v>12.5</v></c>'
    >>> cell.get("s"), cell.get("t")
    ('7', None)
    >>> set_cell(cell, "Café")
    >>> cell.get("t"), cell[0][0].text
    ('inlineStr', 'Café')
    >>> set_cell(cell, True)
    >>> cell.get("t"), cell[0].text
    ('b', '1')
    """
    formula = cell.find(_q("f"))
    if formula is not None and formula.get("t") == "shared" and formula.get("ref"):
        raise ValueError(f"{cell.get('r')} holds a shared formula other cells use")
    for child in list(cell):
        cell.remove(child)
    for attribute in ("t", "cm", "vm"):
        cell.attrib.pop(attribute, None)
    if isinstance(value, bool):
        cell.set("t", "b")
        etree.SubElement(cell, _q("v")).text = "1" if value else "0"
    elif isinstance(value, int | float):
        etree.SubElement(cell, _q("v")).text = repr(value)
    else:
        cell.set("t", "inlineStr")
        text = etree.SubElement(etree.SubElement(cell, _q("is")), _q("t"))
        text.text = str(value)
        if text.text != text.text.strip():
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _fill_sheet(content, cells):
    root = etree.fromstring(content)
    sheet_data = root.find(_q("sheetData"))
    for ref, value in cells.items():
        set_cell(_cell(sheet_data, ref), value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _recalculate_on_load(content):
    root = etree.fromstring(content)
    calc = root.find(_q("calcPr"))
    if calc is None:
        calc = etree.SubElement(root, _q("calcPr"))
    calc.set("fullCalcOnLoad", "1")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_calc_chain(content, attribute):
    """[Content_Types].xml or the workbook's relationships without the
    calculation chain's entry."""
    root = etree.fromstring(content)
    for node in list(root):
        if node.get(attribute, "").endswith("calcChain.xml"):
            root.remove(node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def fill(data, values):
    """The XLSX bytes ``data`` with ``values`` written: {(sheet name, cell
    reference): value}. An unknown sheet raises KeyError."""
    by_sheet = {}
    for (sheet, ref), value in values.items():
        by_sheet.setdefault(sheet, {})[ref] = value
    source = zipfile.ZipFile(BytesIO(data))
    paths = sheet_paths(source)
    edited = {paths[sheet]: cells for sheet, cells in by_sheet.items()}
    output = BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            name = info.filename
            if name == CALC_CHAIN:
                continue
            content = source.read(name)
            if name in edited:
                content = _fill_sheet(content, edited[name])
            elif name == "xl/workbook.xml":
                content = _recalculate_on_load(content)
            elif name == "[Content_Types].xml":
                content = _without_calc_chain(content, "PartName")
            elif name == "xl/_rels/workbook.xml.rels":
                content = _without_calc_chain(content, "Target")
            target.writestr(info, content, compress_type=info.compress_type)
    return output.getvalue()


def read_column(data, sheet, letters):
    """{row number: text or number} of one column of a sheet: enough to read
    a template's enumeration lists (shared strings resolved)."""
    archive = zipfile.ZipFile(BytesIO(data))
    shared = []
    if "xl/sharedStrings.xml" in archive.namelist():
        root = etree.fromstring(archive.read("xl/sharedStrings.xml"))
        shared = ["".join(item.itertext()) for item in root.iterfind(_q("si"))]
    root = etree.fromstring(archive.read(sheet_paths(archive)[sheet]))
    out = {}
    for cell in root.iter(_q("c")):
        found, row = split_ref(cell.get("r"))
        if found != letters:
            continue
        value = cell.find(_q("v"))
        if cell.get("t") == "s" and value is not None:
            out[row] = shared[int(value.text)]
        elif cell.get("t") == "inlineStr":
            out[row] = "".join(cell.find(_q("is")).itertext())
        elif value is not None and value.text is not None:
            out[row] = value.text
    return out
