#!/usr/bin/env python3
"""Makes the encoding and separator fixtures of issue 14 from tests/fixtures/import/ms-forms.csv.

Each is the same survey as ms-forms.csv, saved the way Excel saves it in another
format, so each should import to the same answers files:

  ms-forms-1252.csv       Excel's 'CSV (Comma delimited)' on a Western Windows machine:
                          Windows-1252, no byte-order mark, ',' separated, CRLF.
  ms-forms-semicolon.csv  the same from a machine set to a European locale: UTF-8 with a
                          byte-order mark (as 'CSV UTF-8'), ';' separated, decimal commas
                          ("5,5" where ms-forms.csv has "5.5").
  ms-forms-utf16.txt      Excel's 'Unicode Text': UTF-16 little-endian with a byte-order
                          mark, TAB separated, CRLF.

Made by this script, not by Excel: the layouts follow what Excel writes (as described
above), but no byte was written by Microsoft software. One thing a real European-locale
export would also change is left alone on purpose: dates keep ms-forms.csv's M/D/YYYY,
so the semicolon file tests the separator and the decimal comma and nothing else.

The respondent named "Jo Smith" becomes "Zoë Smith" in all three, so each holds a
character outside ASCII in free text (the Name column, which import ignores, so the
answers stay those of ms-forms.csv); ms-forms.csv's "Don’t know" (U+2019, byte 0x92 in
Windows-1252) is another in an answer cell.

Run from the repository root:  python3 tests/tools/make_encoding_fixtures.py
With --check it only verifies that the committed files are what it would write.
"""

import csv
import io
import re
import sys
from pathlib import Path

DIR = Path("tests/fixtures/import")
SOURCE = DIR / "ms-forms.csv"


def source_rows():
    text = SOURCE.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for row in rows:
        for i, cell in enumerate(row):
            if cell == "Jo Smith":
                row[i] = "Zo\u00eb Smith"
    return text, rows


def write_csv(rows, delimiter):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def decimal_commas(rows):
    """Every cell that is a number with a decimal point, written with a decimal comma."""
    number = re.compile(r"[+-]?[0-9]+\.[0-9]+")
    return [[c.replace(".", ",") if number.fullmatch(c) else c for c in row] for row in rows]


def fixtures():
    text, rows = source_rows()
    # Byte for byte ms-forms.csv (quoting, the LF inside a quoted cell) but for the name.
    plain = text.replace("Jo Smith", "Zo\u00eb Smith")
    return {
        "ms-forms-1252.csv": plain.encode("cp1252"),
        "ms-forms-semicolon.csv": write_csv(decimal_commas(rows), ";").encode("utf-8-sig"),
        "ms-forms-utf16.txt": b"\xff\xfe" + write_csv(rows, "\t").encode("utf-16-le"),
    }


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, data in fixtures().items():
        path = DIR / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
    if stale:
        print("out of date (run tests/tools/make_encoding_fixtures.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
