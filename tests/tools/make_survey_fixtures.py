#!/usr/bin/env python3
"""Writes the survey-layout fixtures of issue 27 in tests/fixtures/import/, from the
hand-made SurveyMonkey sample (surveymonkey.csv), with openpyxl (Debian's
python3-openpyxl) for the workbooks. LibreOffice Calc and Gnumeric were not available
where these were made, so no fixture here comes from them.

  surveymonkey-merged.xlsx  the sample as a workbook, the grid question's header cell
                            merged across its two columns, as SurveyMonkey's own .xlsx
                            export writes it (the cell right of it empty)
  surveymonkey-nogrid.csv   the sample with no grid question: the two barrier
                            statements asked as questions of their own, each with
                            "Response" under it, as the docs recommend
  surveymonkey-nogrid.xlsx  the same as a workbook

Each imports, with ms-forms.map.yaml, to the same answers files as ms-forms.csv
(tests/cli/test_import.sh checks it). And:

  sheets-hidden.xlsx        a hidden "Lists" sheet first, then a visible "Summary"
                            with no header the importer knows, then "Form1" with the
                            responses: the default must be Form1
  sheets-bad-cells.xlsx     a hidden "Lists" sheet, "Responses" with a bad answer, a
                            row answering nothing, an email column and a free-text one, a
                            "Summary" sheet with a formula with no saved value, and a chart
                            sheet: every message names the sheet read and the others (not
                            the chart sheet)
  ../xlsx/all-hidden.xlsx   every worksheet hidden
  ../xlsx/many-sheets.xlsx  eleven visible sheets with no header the importer knows,
                            then one with: past the eight looked into, so the first
                            is read
  not-xlsx.ods              an OpenDocument spreadsheet (a zip whose first entry,
                            "mimetype", names it), made with zipfile
  not-xlsx.xls, not-xlsx-encrypted.xlsx  minimal OLE2 compound files, made here by
                            hand (no tool in Debian writes them without Excel or
                            LibreOffice): one whose directory holds a "Workbook"
                            stream, as an Excel 97-2003 .xls does, and one holding
                            "EncryptionInfo" and "EncryptedPackage", as a password-
                            protected .xlsx does
  ../xlsx/formula-no-value.xlsx  a formula cell with no saved value, as openpyxl
                            writes every formula
  ../xlsx/merged-data.xlsx  a data cell merged down over rows 2 and 3; and
  ../xlsx/merged-data-4-5.xlsx  over rows 4 and 5: both refused alike

Usage: /usr/bin/python3 tests/tools/make_survey_fixtures.py
"""
import csv
import datetime
import os
import zipfile

import openpyxl
import openpyxl.chart

DIR = "tests/fixtures/import/"


def read(name):
    with open(DIR + name, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def value(row_no, header, text):
    """Numbers as numbers and SurveyMonkey's dates as date-times, in the data rows."""
    if row_no < 2 or text == "":
        return text if text != "" else None
    if header in ("Start Date", "End Date"):
        return datetime.datetime.strptime(text, "%m/%d/%Y %I:%M:%S %p")
    if text.isdigit():
        return int(text)
    return text


def workbook(rows, out, merge=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet"
    for i, row in enumerate(rows):
        ws.append([value(i, rows[0][c] if c < len(rows[0]) else "", t) for c, t in enumerate(row)])
    for cells in ws.iter_rows(min_row=3):
        for c in cells:
            if isinstance(c.value, datetime.datetime):
                c.number_format = "mm/dd/yyyy hh:mm:ss AM/PM"
    if merge:
        ws.merge_cells(merge)
    wb.save(out)


def main():
    rows = read("surveymonkey.csv")
    grid = rows[0].index("How much does each of these hold the service back?")
    col = openpyxl.utils.get_column_letter
    workbook(rows, DIR + "surveymonkey-merged.xlsx", "%s1:%s1" % (col(grid + 1), col(grid + 2)))

    nogrid = [list(r) for r in rows]
    nogrid[0][grid] = rows[1][grid]
    nogrid[0][grid + 1] = rows[1][grid + 1]
    nogrid[1][grid] = nogrid[1][grid + 1] = "Response"
    with open(DIR + "surveymonkey-nogrid.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(nogrid)
    workbook(nogrid, DIR + "surveymonkey-nogrid.xlsx")
    sheets()
    sheets_bad()
    cells()
    others()
    many_sheets()


def sheets():
    wb = openpyxl.Workbook()
    lists = wb.active
    lists.title = "Lists"
    lists.append(["Roles"])
    lists.append(["Practitioner"])
    lists.sheet_state = "hidden"
    summary = wb.create_sheet("Summary")
    summary.append(["Readiness survey", "38 responses"])
    summary.append(["Average", 6.2])
    form = wb.create_sheet("Form1")
    form.append(["ID", "Completion time", "launch.introducing-sos", "launch.training-for-all-workers"])
    form.append([1, datetime.datetime(2026, 9, 28, 10, 9, 40), 0, 7])
    form.append([2, datetime.datetime(2026, 9, 29, 9, 20, 31), 6, 10])
    for cells in form.iter_rows(min_row=2, max_col=2, min_col=2):
        for c in cells:
            c.number_format = "m/d/yy h:mm:ss"
    wb.save(DIR + "sheets-hidden.xlsx")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Secret"
    ws.append(["ID", "launch.introducing-sos"])
    ws.append([1, 5])
    ws.sheet_state = "veryHidden"
    other = wb.create_sheet("Also")
    other.append(["x"])
    wb.active = 1
    tmp = "tests/fixtures/xlsx/all-hidden.tmp.xlsx"
    wb.save(tmp)
    # openpyxl refuses to save a workbook with no visible sheet: hide the last one in
    # the saved workbook.xml, as Excel writes it.
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(
        "tests/fixtures/xlsx/all-hidden.xlsx", "w", zipfile.ZIP_DEFLATED
    ) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'name="Also" sheetId="2" state="visible"', b'name="Also" sheetId="2" state="hidden"')
                assert b'state="hidden"' in data
            out.writestr(info, data)
    os.remove(tmp)


def sheets_bad():
    wb = openpyxl.Workbook()
    lists = wb.active
    lists.title = "Lists"
    lists.append(["Roles"])
    lists.sheet_state = "hidden"
    form = wb.create_sheet("Responses")
    form.append(["ID", "Completion time", "What is your role?", "Email",
                 "launch.introducing-sos", "Comments please"])
    form.append([1, datetime.datetime(2026, 9, 28, 10, 9, 40), "Manager", "a@example.org", 11,
                 "Slow going"])
    form.append([2, datetime.datetime(2026, 9, 29, 9, 20, 31), "Practitioner", "b@example.org",
                 "lots", ""])
    form.append([3, datetime.datetime(2026, 9, 29, 9, 25, 0), "Practitioner", "", None, ""])
    for cells in form.iter_rows(min_row=2, max_col=2, min_col=2):
        for c in cells:
            c.number_format = "m/d/yy h:mm:ss"
    summary = wb.create_sheet("Summary")
    summary.append(["Readiness survey", "=COUNTA(Responses!A2:A4)"])
    chart = wb.create_chartsheet("Chart1")
    bar = openpyxl.chart.BarChart()
    bar.add_data(openpyxl.chart.Reference(form, min_col=5, min_row=1, max_row=4), titles_from_data=True)
    chart.add_chart(bar)
    wb.active = 1
    wb.save(DIR + "sheets-bad-cells.xlsx")


def ole2(path, streams):
    """A compound file of 512-byte sectors: header, FAT, directory, one data sector."""
    import struct
    free, end, fatsect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, end, 0, end) + struct.pack("<I", 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<III", fatsect, end, end) + struct.pack("<I", free) * 125

    def entry(name, kind, child, right, start, size):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + bytes(16 + 4 + 16)
                + struct.pack("<IIQ", start, size, 0))

    entries = [entry("Root Entry", 5, 1, 0xFFFFFFFF, end, 0)]
    for i, name in enumerate(streams):
        nxt = i + 2 if i + 1 < len(streams) else 0xFFFFFFFF
        entries.append(entry(name, 2, 0xFFFFFFFF, nxt, 2, 8))
    directory = b"".join(entries).ljust(512, b"\0")
    with open(path, "wb") as f:
        f.write(header + fat + directory + b"stagegap".ljust(512, b"\0"))


def others():
    with zipfile.ZipFile(DIR + "not-xlsx.ods", "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    ole2(DIR + "not-xlsx.xls", ["Workbook"])
    ole2(DIR + "not-xlsx-encrypted.xlsx", ["EncryptionInfo", "EncryptedPackage"])


def many_sheets():
    wb = openpyxl.Workbook()
    wb.active.title = "S1"
    wb.active.append(["Notes"])
    for i in range(2, 12):
        wb.create_sheet("S%d" % i).append(["Notes"])
    form = wb.create_sheet("Form1")
    form.append(["ID", "launch.introducing-sos"])
    form.append([1, 5])
    wb.save("tests/fixtures/xlsx/many-sheets.xlsx")


def cells():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form1"
    ws.append(["ID", "launch.introducing-sos"])
    ws.append([1, 0])
    ws.append([2, "=3+4"])
    wb.save("tests/fixtures/xlsx/formula-no-value.xlsx")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form1"
    ws.append(["ID", "launch.introducing-sos"])
    for i in range(1, 6):
        ws.append([i, i + 1])
    ws.merge_cells("B2:B3")
    wb.save("tests/fixtures/xlsx/merged-data.xlsx")
    ws.unmerge_cells("B2:B3")
    ws.merge_cells("B4:B5")
    wb.save("tests/fixtures/xlsx/merged-data-4-5.xlsx")


if __name__ == "__main__":
    main()
