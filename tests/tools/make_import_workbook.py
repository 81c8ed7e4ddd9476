#!/usr/bin/env python3
"""Writes tests/fixtures/import/ms-forms.xlsx: tests/fixtures/import/ms-forms.csv as a
workbook laid out the way Microsoft Forms' "Open results in Excel" lays its download
out (one sheet, the header in row 1, one response a row), made with openpyxl, not by
Microsoft Forms: ids and plain numbers as numbers, the start and completion times as
real date-times with a date format, everything else as text. It must import to the
same answers files as the CSV (tests/cli/test_import.sh checks it).

Usage: /usr/bin/python3 tests/tools/make_import_workbook.py
"""
import csv
import datetime
import sys

import openpyxl

SRC = "tests/fixtures/import/ms-forms.csv"
OUT = "tests/fixtures/import/ms-forms.xlsx"


def value(header, text):
    if header in ("Start time", "Completion time") and text:
        return datetime.datetime.strptime(text, "%m/%d/%Y %H:%M:%S")
    try:
        return int(text) if text.isdigit() else float(text) if text.replace(".", "", 1).isdigit() else text
    except ValueError:
        return text


def main():
    with open(SRC, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(rows[0])
    for row in rows[1:]:
        ws.append([value(h, t) if t != "" else None for h, t in zip(rows[0], row)])
    for cells in ws.iter_rows(min_row=2):
        for c in cells:
            if isinstance(c.value, datetime.datetime):
                c.number_format = "m/d/yy h:mm"
    wb.save(OUT)
    print(f"wrote {OUT} with openpyxl {openpyxl.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
