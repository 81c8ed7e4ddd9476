#!/usr/bin/python3
"""Writes the workbooks under tests/fixtures/xlsx/ that tests/unit/test_xlsx.c reads.

Usage (from the repository root): /usr/bin/python3 tests/tools/make_xlsx_fixtures.py

Two kinds of file:

* Workbooks made by a real spreadsheet writer, openpyxl (Debian's python3-openpyxl;
  the files committed were made with openpyxl 3.0.9, the version this script prints):
  basic, dates1900, dates1904, sheets, merged and forms. openpyxl writes every string
  as a shared string and dates as serial numbers with a date format, as Excel does.
* Workbooks made by hand with Python's zipfile, to the SpreadsheetML layout, for what
  openpyxl 3.0 does not write (inline strings, rich text runs, phonetic runs, cells
  without a reference, strict ISO dates: inline-rich) and for hostile files
  (hostile/*.xlsx): zip bombs, XML entity tricks, damaged archives, bad references.

It also writes the seed corpus of fuzz/fuzz_xlsx.c, fuzz/corpus/xlsx/, from these.

The output is meant to be committed. The document properties and the hand-made
archives' timestamps are fixed; openpyxl stamps its zip entries with the time of the
run, so its files differ in those bytes only when the script is run again.
"""
import datetime
import io
import os
import struct
import sys
import zipfile

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "xlsx")
HOSTILE = os.path.join(ROOT, "hostile")
FIXED = datetime.datetime(2026, 3, 1, 12, 0, 0)


def save(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "make_xlsx_fixtures.py (openpyxl %s)" % openpyxl.__version__
    wb.save(os.path.join(ROOT, name))


def basic():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Name", "Score", "Passed", "Note"])
    ws.append(["Ann", 7, True, "ok"])
    ws.append(["Bob", 3.5, False, None])
    ws.append(["Cy", -2, None, "#N/A"])  # openpyxl writes "#N/A" as an error cell
    ws["F2"].font = Font(bold=True)  # styled but empty: not passed on
    # row 5 is missing; row 6 skips its first two columns
    ws["C6"] = "gap"
    ws["A7"] = 0.1
    ws["B7"] = 1e20
    ws["C7"] = 123456789012345678
    ws["D7"] = 1 / 3
    ws["A8"] = "  spaces  "
    ws["B8"] = "line\nbreak"
    ws["C8"] = "\u00fcn\u00efc\u00f8d\u00e9 \u20ac"
    ws["A10"].font = Font(italic=True)  # a row with no value at all: not passed on
    save(wb, "basic.xlsx")


def dates1900():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dates"
    ws["A1"] = datetime.date(2026, 3, 1)
    ws["A2"] = datetime.datetime(2026, 3, 1, 9, 30, 15)
    ws["A3"] = datetime.time(9, 30)
    for row, serial in ((4, 60), (5, 59), (6, 61), (7, 1)):
        ws.cell(row=row, column=1, value=serial).number_format = "mm-dd-yy"  # built-in 14
    ws["A8"] = datetime.datetime(2026, 3, 1, 0, 0)
    ws["A8"].number_format = "m/d/yy h:mm"  # built-in 22
    ws["A9"] = 45000.5
    ws["A9"].number_format = 'dd "de" mmmm yyyy'  # custom; "de" is no day
    ws["A10"] = 7
    ws["A10"].number_format = "0.00"
    ws["A11"] = 1.25
    ws["A11"].number_format = "[h]:mm"  # elapsed time past a day
    ws["A12"] = 0.75
    ws["A12"].number_format = "[Red]h:mm AM/PM"
    save(wb, "dates1900.xlsx")


def dates1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws["A1"] = datetime.date(2026, 3, 1)
    ws["A2"] = datetime.datetime(2026, 3, 1, 9, 30)
    ws["A3"] = datetime.date(1904, 1, 2)
    save(wb, "dates1904.xlsx")


def sheets():
    wb = openpyxl.Workbook()
    responses = wb.active
    responses.title = "Responses"
    responses.append(["id", "answer"])
    responses.append([1, "yes"])
    intro = wb.create_sheet("Intro")
    intro["A1"] = "hello"
    wb.move_sheet(intro, offset=-1)  # Intro first in the workbook's order
    wb.create_sheet("Empty")
    save(wb, "sheets.xlsx")


def merged():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Survey"
    ws["A1"] = "Respondent"
    ws.merge_cells("A1:A2")
    ws["B1"] = "Safety"
    ws.merge_cells("B1:D1")
    ws["E1"] = "Other"
    for col, text in zip("BCDE", ("Q1", "Q2", "Q3", "Q4")):
        ws[col + "2"] = text
    ws.append([1, 5, 6, 7, 8])
    ws["A5"] = "not a header"
    ws.merge_cells("A5:C5")
    save(wb, "merged.xlsx")


def forms():
    """The layout of Microsoft Forms' "Open results in Excel" download."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form1"
    ws.append(["ID", "Start time", "Completion time", "Email", "Name",
               "We understand the worries about the child", "Anything else?"])
    rows = [
        (1, datetime.datetime(2026, 3, 2, 9, 0, 5), datetime.datetime(2026, 3, 2, 9, 12, 40),
         "anonymous", None, 7, "Good progress"),
        (2, datetime.datetime(2026, 3, 2, 10, 1), datetime.datetime(2026, 3, 2, 10, 20),
         "r2@example.org", "Sam Jones", 4, None),
        (3, datetime.datetime(2026, 3, 3, 14, 30), datetime.datetime(2026, 3, 3, 14, 45, 59),
         "anonymous", None, 10, "Caf\u00e9 \"quotes\", commas"),
    ]
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "m/d/yy h:mm:ss"
    save(wb, "forms.xlsx")


# ---- by hand ----

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<workbook %s><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
            % NS)
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
           '</Relationships>')


def sheet(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet %s><sheetData>%s</sheetData></worksheet>'
            % (NS, rows))


def by_hand(path, sheet_xml, strings=None, workbook=WORKBOOK, method=zipfile.ZIP_DEFLATED,
            extra=()):
    """A minimal workbook: one sheet, optional shared strings, no styles."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        def put(name, text):
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 1, 12, 0, 0))
            info.compress_type = method
            z.writestr(info, text)
        put("[Content_Types].xml", CT)
        put("_rels/.rels", ROOT_RELS)
        put("xl/workbook.xml", workbook)
        put("xl/_rels/workbook.xml.rels", WB_RELS)
        put("xl/worksheets/sheet1.xml", sheet_xml)
        if strings is not None:
            put("xl/sharedStrings.xml",
                '<?xml version="1.0" encoding="UTF-8"?>\n<sst %s>%s</sst>' % (NS, strings))
        for name, text in extra:
            put(name, text)
    data = buf.getvalue()
    with open(path, "wb") as f:
        f.write(data)
    return data


def inline_rich():
    strings = ('<si><t>plain</t></si>'
               '<si><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> and plain</t></r></si>'
               '<si><t>\u6f22\u5b57</t><rPh sb="0" eb="2"><t>\u304b\u3093\u3058</t></rPh></si>'
               '<si><t>line_x000D_\nbreak _x005F_x0041_ _x00e9_ _xD800_</t></si>')
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c>'
            '<c r="B2" t="inlineStr"><is><r><t>rich</t></r><r><rPr><i/></rPr><t> inline</t></r></is></c>'
            '<c r="C2" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>'
            '<c r="D2" t="d"><v>2026-03-01T09:30:00</v></c></row>'
            # cells without a reference take the next column; a row without r the next row
            '<row><c t="inlineStr"><is><t>x</t></is></c><c/><c><v>42</v></c></row>'
            '<row r="5"><c r="B5"><v>1.5</v></c><c><v>2</v></c></row>'
            # Excel's escapes: _x000D_ a carriage return, _x005F_ an underscore
            '<row r="6"><c r="A6" t="s"><v>3</v></c>'
            '<c r="B6" t="inlineStr"><is><t>a_x0009_b</t></is></c></row>')
    by_hand(os.path.join(ROOT, "inline-rich.xlsx"), sheet(rows), strings)


def patch_sizes(data, name, size):
    """Rewrites the uncompressed size of entry name in its local header and in the
    central directory, so that both agree on what is not true."""
    data = bytearray(data)
    raw = name.encode()
    # local file headers: signature PK\3\4, uncompressed size at offset 22
    pos = 0
    while True:
        pos = data.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 26)[0]
        if bytes(data[pos + 30:pos + 30 + n]) == raw:
            struct.pack_into("<I", data, pos + 22, size)
        pos += 4
    # central directory headers: signature PK\1\2, uncompressed size at offset 24
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + n]) == raw:
            struct.pack_into("<I", data, pos + 24, size)
        pos += 4
    return bytes(data)


def hostile():
    h = lambda name: os.path.join(HOSTILE, name)
    one = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>')
    # A zip bomb: 20 MiB of spaces that deflate to about 20 KiB (1000 to 1).
    by_hand(h("bomb-ratio.xlsx"),
            '<worksheet %s>%s<sheetData/></worksheet>' % (NS, " " * (20 * 1024 * 1024)))
    # A part whose directory entry claims 4 GB.
    data = by_hand(h("bomb-size.xlsx"), one)
    with open(h("bomb-size.xlsx"), "wb") as f:
        f.write(patch_sizes(data, "xl/worksheets/sheet1.xml", 0xFFFFFF00))
    # A part that inflates to more than its directory entry says.
    data = by_hand(h("lying-size.xlsx"), one)
    with open(h("lying-size.xlsx"), "wb") as f:
        f.write(patch_sizes(data, "xl/worksheets/sheet1.xml", 100))
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n <!ENTITY lol "lol">\n'
              + "".join(' <!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                        for i in range(1, 10))
              + ']>\n<worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>' % NS)
    by_hand(h("billion-laughs.xlsx"), laughs)
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           '<workbook %s><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>' % NS)
    by_hand(h("external-entity.xlsx"), one, workbook=xxe)
    by_hand(h("undefined-entity.xlsx"),
            sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row>'))
    with open(os.path.join(ROOT, "basic.xlsx"), "rb") as f:
        good = f.read()
    with open(h("truncated.xlsx"), "wb") as f:
        f.write(good[: len(good) * 2 // 3])
    with open(h("cut-middle.xlsx"), "wb") as f:
        f.write(good[:1000] + good[1400:])
    with open(h("not-a-zip.xlsx"), "wb") as f:
        f.write(b"ID,Start time,Completion time\r\n1,2026-03-01,2026-03-01\r\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("word/document.xml", (2026, 3, 1, 12, 0, 0)), "<w/>")
    with open(h("no-workbook.xlsx"), "wb") as f:
        f.write(buf.getvalue())
    by_hand(h("deep.xlsx"),
            sheet('<row r="1"><c r="A1"><v>1</v></c></row>')
            .replace("<sheetData>", "<sheetData>" + "<x>" * 100 + "</x>" * 100))
    by_hand(h("bad-ref.xlsx"), sheet('<row r="1"><c r="ZZZZZ1"><v>1</v></c></row>'))
    by_hand(h("garbage-ref.xlsx"), sheet('<row r="2"><c r="1A"><v>1</v></c></row>'))
    by_hand(h("ref-other-row.xlsx"), sheet('<row r="3"><c r="A4"><v>1</v></c></row>'))
    by_hand(h("cells-backwards.xlsx"),
            sheet('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>'))
    by_hand(h("rows-backwards.xlsx"),
            sheet('<row r="4"><c r="A4"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'))
    by_hand(h("bad-string-index.xlsx"),
            sheet('<row r="7"><c r="B7" t="s"><v>99</v></c></row>'), strings="<si><t>a</t></si>")
    by_hand(h("bad-number.xlsx"), sheet('<row r="3"><c r="C3"><v>12abc</v></c></row>'))
    by_hand(h("bad-boolean.xlsx"), sheet('<row r="2"><c r="A2" t="b"><v>yes</v></c></row>'))
    by_hand(h("wide.xlsx"), sheet('<row r="1"><c r="BXY1"><v>1</v></c></row>'))  # column 2001
    by_hand(h("long-cell.xlsx"),
            sheet('<row r="2"><c r="B2" t="inlineStr"><is><t>%s</t></is></c></row>' % ("x" * 16385)))
    by_hand(h("bzip2.xlsx"), one, method=zipfile.ZIP_BZIP2)
    # A stored part with one byte changed after its checksum was taken.
    data = bytearray(by_hand(h("bad-crc.xlsx"), one, method=zipfile.ZIP_STORED))
    data[data.find(b"<t>x</t>") + 3] = ord("y")
    with open(h("bad-crc.xlsx"), "wb") as f:
        f.write(bytes(data))
    by_hand(h("not-xml.xlsx"), sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace("</c>", "</d>"))


def fuzz_corpus():
    """Seeds for fuzz/fuzz_xlsx.c: a control byte, then a whole workbook ('x': the first
    sheet, 'y': the sheet named Sheet1) or the XML of its parts separated by NUL bytes
    ('z': worksheet, shared strings, styles, workbook)."""
    corpus = os.path.join(ROOT, "..", "..", "..", "fuzz", "corpus", "xlsx")
    os.makedirs(corpus, exist_ok=True)
    for prefix, name in ((b"x", "forms.xlsx"), (b"x", "dates1904.xlsx"), (b"y", "inline-rich.xlsx")):
        with open(os.path.join(ROOT, name), "rb") as f:
            data = f.read()
        with open(os.path.join(corpus, prefix.decode() + name), "wb") as f:
            f.write(prefix + data)
    for name in ("forms.xlsx", "dates1900.xlsx", "merged.xlsx", "inline-rich.xlsx", "dates1904.xlsx"):
        with zipfile.ZipFile(os.path.join(ROOT, name)) as z:
            names = z.namelist()
            parts = [z.read(p) if p in names else b"" for p in
                     ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                      "xl/workbook.xml")]
        with open(os.path.join(corpus, "z" + name.replace(".xlsx", ".xml")), "wb") as f:
            f.write(b"z" + b"\0".join(parts))


def main():
    os.makedirs(HOSTILE, exist_ok=True)
    print("openpyxl", openpyxl.__version__, file=sys.stderr)
    basic()
    dates1900()
    dates1904()
    sheets()
    merged()
    forms()
    inline_rich()
    hostile()
    fuzz_corpus()


if __name__ == "__main__":
    main()
