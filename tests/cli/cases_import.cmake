# "stagegap import" diagnostics (src/import*.c), standard error compared in full.
# A header near a long question: both are cut around where they differ.
stagegap_cli_test(import-near-long-question 3
    import --csv tests/fixtures/import/near-question.csv --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)

# Group targets in a mapping file that are refused: each located at its value.
stagegap_cli_test(import-group-map-errors 3
    import --csv tests/fixtures/import/groups.csv
    --map tests/fixtures/import/bad-groups.map.yaml --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
# A groups field given by two columns, and a 21st group column: located at the header.
stagegap_cli_test(import-group-columns-too-many 3
    import --csv tests/fixtures/import/too-many-groups.csv
    --map tests/fixtures/import/too-many-groups.map.yaml --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
# Workbooks and other CSV layouts (issue 14): the options checked, each error saying why.
stagegap_cli_test(import-csv-and-xlsx 2 import --csv tests/fixtures/import/ms-forms.csv --xlsx tests/fixtures/import/ms-forms.xlsx --output out)
stagegap_cli_test(import-no-source 2 import --output out)
stagegap_cli_test(import-bad-delimiter 2 import --csv tests/fixtures/import/ms-forms.csv --delimiter : --output out)
stagegap_cli_test(import-sheet-of-csv 2 import --csv tests/fixtures/import/ms-forms.csv --sheet Sheet1 --output out)
stagegap_cli_test(import-delimiter-of-xlsx 2 import --xlsx tests/fixtures/import/ms-forms.xlsx --delimiter=tab --output out)
stagegap_cli_test(import-xlsx-not-a-workbook 3 import --xlsx tests/fixtures/import/ms-forms.csv --organisation A --output out)
stagegap_cli_test(import-xlsx-bomb 3 import --xlsx tests/fixtures/xlsx/hostile/bomb-size.xlsx --organisation A --output out)
# Multi-row headers (src/import/import_layout.c): a header problem is located at the row whose
# text was used (Qualtrics' question text in row 2, a SurveyMonkey grid statement in row
# 2, a SurveyMonkey question in row 1), and a bad answer at its real spreadsheet row.
stagegap_cli_test(import-qualtrics-errors 3
    import --csv tests/fixtures/import/qualtrics-errors.csv --organisation A --scale 0..10
    --output /nonexistent/stagegap-import)
# Scales (issue 27): Qualtrics' numeric values carry no recode, so they are refused until
# the scale is said; a column on a scale one up, or on a 1-5 scale, is refused with the
# option that reads it; --scale itself checked.
stagegap_cli_test(import-qualtrics-numeric 3
    import --csv tests/fixtures/import/qualtrics-errors.csv --organisation A
    --output /nonexistent/stagegap-import)
stagegap_cli_test(import-scale-shifted 3
    import --csv tests/fixtures/import/scale-1-11.csv --organisation A --date 2026-09-30
    --output /nonexistent/stagegap-import)
stagegap_cli_test(import-scale-shrunk 3
    import --csv tests/fixtures/import/scale-1-5.csv --organisation A --date 2026-09-30
    --output /nonexistent/stagegap-import)
stagegap_cli_test(import-scale-bad 2 import --csv tests/fixtures/import/scale-1-5.csv --scale 5..1 --output out)
stagegap_cli_test(import-surveymonkey-errors 3
    import --csv tests/fixtures/import/surveymonkey-errors.csv --organisation A
    --output /nonexistent/stagegap-import)
# A Word document given as an export: named as what it is, not as an Excel workbook.
stagegap_cli_test(import-word-document 3 import --csv tests/fixtures/import/word-document.docx --output ${CMAKE_CURRENT_BINARY_DIR}/import-word-document-out)
# Labels (issue 27): a Google Forms grid read through a value map with one label missing,
# every unknown label listed with its count in one error.
stagegap_cli_test(import-value-map-unknown 3
    import --csv tests/fixtures/import/google-forms-grid.csv
    --map tests/fixtures/import/google-forms-grid-short.map.yaml --organisation A
    --output /nonexistent/stagegap-import)
# --encoding of a workbook, and one iconv does not know.
stagegap_cli_test(import-encoding-of-xlsx 2 import --xlsx tests/fixtures/import/ms-forms.xlsx --encoding cp1250 --output out)
stagegap_cli_test(import-encoding-unknown 3
    import --csv tests/fixtures/import/ms-forms.csv --encoding no-such-code-page --organisation A
    --output /nonexistent/stagegap-import)
# Sheets (issue 27): a sheet with no header the importer knows is named, with the others
# listed; a workbook whose every worksheet is hidden is refused rather than read.
stagegap_cli_test(import-sheet-no-header 3
    import --xlsx tests/fixtures/import/sheets-hidden.xlsx --sheet Summary --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
# Every message about a workbook names the sheet read and lists the others (hidden ones
# marked, chart sheets not listed): a cell's, a row's, a column's, the mapping file's,
# and the workbook reader's own (a formula with no saved value).
stagegap_cli_test(import-sheet-cell-errors 3
    import --xlsx tests/fixtures/import/sheets-bad-cells.xlsx
    --map tests/fixtures/import/ms-forms.map.yaml --organisation A
    --output /nonexistent/stagegap-import)
stagegap_cli_test(import-sheet-reader-error 3
    import --xlsx tests/fixtures/import/sheets-bad-cells.xlsx --sheet Summary --organisation A
    --output /nonexistent/stagegap-import)
# An empty sheet named with --sheet: named, with the others and --sheet for another.
stagegap_cli_test(import-sheet-empty 3
    import --xlsx tests/fixtures/xlsx/sheets.xlsx --sheet Empty --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
stagegap_cli_test(import-all-sheets-hidden 3
    import --xlsx tests/fixtures/xlsx/all-hidden.xlsx --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
# Spreadsheets that are no .xlsx (issue 27), each named for what it is, as --csv or --xlsx.
stagegap_cli_test(import-ods 3 import --csv tests/fixtures/import/not-xlsx.ods --organisation A --output /nonexistent/stagegap-import)
stagegap_cli_test(import-xls 3 import --xlsx tests/fixtures/import/not-xlsx.xls --organisation A --output /nonexistent/stagegap-import)
stagegap_cli_test(import-xlsx-encrypted 3 import --xlsx tests/fixtures/import/not-xlsx-encrypted.xlsx --organisation A --output /nonexistent/stagegap-import)
# Workbook cells (issue 27): a formula with no saved value, a data cell merged down.
stagegap_cli_test(import-xlsx-formula-no-value 3 import --xlsx tests/fixtures/xlsx/formula-no-value.xlsx --organisation A --date 2026-09-30 --output /nonexistent/stagegap-import)
stagegap_cli_test(import-xlsx-merged-data 3 import --xlsx tests/fixtures/xlsx/merged-data-4-5.xlsx --organisation A --date 2026-09-30 --output /nonexistent/stagegap-import)
stagegap_cli_test(import-sheet-no-date 3
    import --xlsx tests/fixtures/import/sheets-hidden.xlsx --sheet Summary
    --output /nonexistent/stagegap-import)
# Past the eight visible sheets looked into for a header, the first visible one is read;
# the others are listed, ten at most.
stagegap_cli_test(import-many-sheets 3
    import --xlsx tests/fixtures/xlsx/many-sheets.xlsx --organisation A --date 2026-09-30
    --output /nonexistent/stagegap-import)
